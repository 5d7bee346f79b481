package care

import (
	"errors"
	"fmt"
	"log/slog"
)

// Child holds the facts about a looked-after child that do not change from
// episode to episode. Fields follow the SSDA903 header where there is one.
//
// Children's records are special-category personal data. A Child formats
// ([Child.String]) and logs ([Child.LogValue]) with its ID only, never the
// name or the date of birth. Use synthetic children in tests and examples.
type Child struct {
	// ID is the local authority's identifier for the child (SSDA903 CHILD).
	ID string `json:"id"`
	// Name is optional and never printed or logged by this library.
	Name        string    `json:"name,omitempty"`
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
	// the care plan's account of identity needs).
	Religion      string `json:"religion,omitempty"`
	FirstLanguage string `json:"first_language,omitempty"`
	// IdentityNeeds records how the child's plan meets their identity needs
	// (culture, religion, language, and so on).
	IdentityNeeds string `json:"identity_needs,omitempty"`
}

// AgeOn returns the child's age in completed years on day d (see [AgeOn]).
func (c Child) AgeOn(d Date) int { return AgeOn(c.DateOfBirth, d) }

// Birthday returns the day the child attains age (see [Birthday]).
func (c Child) Birthday(age int) Date { return Birthday(c.DateOfBirth, age) }

// String returns "child <ID>": never the name or date of birth.
func (c Child) String() string { return "child " + c.ID }

// LogValue implements [slog.LogValuer]: only the ID is logged.
func (c Child) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", c.ID))
}

// Validate checks the child's own fields and reports every problem as a
// [ValidationErrors] with paths such as "date_of_birth".
func (c Child) Validate() error {
	var errs ValidationErrors
	if c.ID == "" {
		errs.Add("id", ErrRequired)
	}
	if c.DateOfBirth.IsZero() {
		errs.Add("date_of_birth", ErrRequired)
	}
	if c.UPN != "" && !validUPN(c.UPN) {
		errs.Add("upn", fmt.Errorf("%q is not 13 characters starting with a letter", c.UPN))
	}
	checkCode(&errs, "sex", c.Sex.String(), c.Sex != SexUnknown)
	checkCode(&errs, "ethnicity", c.Ethnicity.String(), c.Ethnicity != EthnicityUnknown)
	return errs.Err()
}

// checkCode reports a code value that is set but not in its code list (an
// out-of-range value built in Go rather than parsed).
func checkCode(errs *ValidationErrors, path, s string, set bool) {
	if set && (s == "" || s[0] == '%') {
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
