package care

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
)

// Child holds the facts about a looked-after child that do not change from
// episode to episode. Fields follow the SSDA903 header where there is one.
//
// Children's records are special-category personal data. A Child formats
// ([Child.String], [Child.GoString]) and logs ([Child.LogValue]) with its
// ID only, never the name or the date of birth, and validation errors
// about its identifying fields (name, date of birth, UPN, religion, first
// language, identity needs) never quote their values. Use synthetic
// children in tests and examples.
//
// String fields have the limits of [MaxIDBytes] (ID), [MaxNameBytes]
// (name, religion, first language) and [MaxTextBytes] (identity needs).
type Child struct {
	// ID is the local authority's identifier for the child (SSDA903
	// CHILD), at most 64 bytes.
	ID string `json:"id"`
	// Name is optional and never printed or logged by this library; at
	// most 128 bytes.
	Name string `json:"name,omitempty"`
	// DateOfBirth is required. It must be in [EarliestBirthYear] or later,
	// and no more than [MaxYearsBeforeCare] years before the child's first
	// episode ([NewHistory]); the child must be under 18 when each episode
	// starts.
	DateOfBirth Date      `json:"date_of_birth"`
	Sex         Sex       `json:"sex,omitzero"`
	Ethnicity   Ethnicity `json:"ethnicity,omitzero"`
	// UPN is the unique pupil number: 13 characters, the first a letter.
	UPN string `json:"upn,omitempty"`
	// Disability records whether the child has a disability, as recorded.
	Disability bool `json:"disability,omitempty"`
	// UASC marks an unaccompanied asylum-seeking child.
	UASC bool `json:"uasc,omitempty"`
	// Religion, FirstLanguage and IdentityNeeds feed ID-01 (CPPCR reg 5 and
	// the care plan's account of identity needs). Religion and
	// FirstLanguage are at most 128 bytes.
	Religion      string `json:"religion,omitempty"`
	FirstLanguage string `json:"first_language,omitempty"`
	// IdentityNeeds records how the child's plan meets their identity needs
	// (culture, religion, language, and so on): free text of at most 4,096
	// bytes.
	IdentityNeeds string `json:"identity_needs,omitempty"`
}

// AgeOn returns the child's age in completed years on day d (see [AgeOn]).
func (c Child) AgeOn(d Date) int { return AgeOn(c.DateOfBirth, d) }

// Birthday returns the day the child attains age (see [Birthday]).
func (c Child) Birthday(age int) Date { return Birthday(c.DateOfBirth, age) }

// String returns "child <ID>": never the name or date of birth. With it,
// the verbs %v, %+v and %s print the same.
func (c Child) String() string { return "child " + c.ID }

// GoString implements [fmt.GoStringer], for %#v: the Go syntax of the
// child's ID only, with a comment in place of the other fields,
// `care.Child{ID:"C000001" /* other fields withheld */}`.
func (c Child) GoString() string {
	return "care.Child{ID:" + strconv.Quote(c.ID) + " /* other fields withheld */}"
}

// LogValue implements [slog.LogValuer]: only the ID is logged.
func (c Child) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID))
}

// Validate checks the child's own fields and reports every problem as a
// [ValidationErrors] with paths such as "date_of_birth": a missing ID or
// date of birth, a date of birth before [EarliestBirthYear], a UPN not in
// its format, an unknown code, and a string that is too long or not valid
// UTF-8 (see [MaxIDBytes]). The errors never quote the name, date of
// birth, UPN, religion, first language or identity needs. The checks that
// need the episodes (the date of birth against the first episode, the
// child's age at each) are [NewHistory]'s.
func (c Child) Validate() error {
	var errs ValidationErrors
	c.validate(&errs)
	return errs.Err()
}

func (c Child) validate(errs *ValidationErrors) {
	if c.ID == "" {
		errs.Add("id", ErrRequired)
	} else if err := CheckString(c.ID, MaxIDBytes); err != nil {
		errs.Add("id", err)
	}
	if err := CheckPrivateString(c.Name, MaxNameBytes); err != nil {
		errs.Add("name", err)
	}
	if c.DateOfBirth.IsZero() {
		errs.Add("date_of_birth", ErrRequired)
	} else if err := checkDateOfBirth(c.DateOfBirth, Date{}); err != nil {
		errs.Add("date_of_birth", err)
	}
	if c.UPN != "" && !validUPN(c.UPN) {
		errs.Add("upn", errors.New("not a UPN: want 13 letters and digits, the first a letter"))
	}
	checkCode(errs, "sex", c.Sex != SexUnknown, c.Sex.IsKnown(), c.Sex.String())
	checkCode(errs, "ethnicity", c.Ethnicity != EthnicityUnknown, c.Ethnicity.IsKnown(), c.Ethnicity.String())
	for _, f := range [...]struct {
		path string
		text textField
	}{
		{"religion", nameText(c.Religion)},
		{"first_language", nameText(c.FirstLanguage)},
		{"identity_needs", freeText(c.IdentityNeeds)},
	} {
		if err := f.text.check(); err != nil {
			errs.Add(f.path, err)
		}
	}
}

// checkCode reports a code value that is set but not in its code list (an
// out-of-range value built in Go rather than parsed), whose String is s.
func checkCode(errs *ValidationErrors, path string, set, known bool, s string) {
	if set && !known {
		errs.Add(path, fmt.Errorf("%w: %s", ErrUnknownCode, s))
	}
}

func validUPN(s string) bool {
	if len(s) != 13 {
		return false
	}
	if c := s[0]; c < 'A' || c > 'Z' {
		return false
	}
	for i := 1; i < 13; i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// ErrOutOfOrder reports records that must be in date order but are not.
var ErrOutOfOrder = errors.New("out of date order")
