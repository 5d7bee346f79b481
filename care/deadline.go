package care

import (
	"fmt"
	"strconv"
)

// Unit is the unit a timescale is counted in.
type Unit uint8

const (
	UnitUnknown Unit = iota
	Days             // calendar days
	WorkingDays      // working days as the [Calendar] defines them
	Weeks            // 7 calendar days each
	Months           // calendar months, corresponding-date rule ([Date.AddMonths])
	Years            // calendar years, as 12 months
	Hours            // elapsed hours (return home interviews)
)

var unitNames = [...]string{"unknown", "days", "working days", "weeks", "months", "years", "hours"}

// String returns the unit in words, in the plural ("working days").
func (u Unit) String() string {
	if int(u) < len(unitNames) {
		return unitNames[u]
	}
	return fmt.Sprintf("Unit(%d)", uint8(u))
}

// MarshalText implements [encoding.TextMarshaler].
func (u Unit) MarshalText() ([]byte, error) {
	return marshalName(u.String(), int(u), len(unitNames), "unit")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (u *Unit) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, unitNames[:], "unit")
	*u = Unit(i)
	return err
}

// Deadline is a due date together with how it was computed, so that a
// person can check it: Count Units after the Anchor date, which is the
// event named by AnchorLabel.
//
// The counting convention is the library's throughout: "within N working
// days of D" means on or before the Nth working day after D, D itself being
// day 0; "within N days" is D + N; "N months after D" is the corresponding
// date ([Date.AddMonths]). A deadline met on its due date is met on time.
type Deadline struct {
	Rule        RuleID `json:"rule"`
	Due         Date   `json:"due"`
	Anchor      Date   `json:"anchor"`
	AnchorLabel string `json:"anchor_label"`
	Count       int    `json:"count"`
	Unit        Unit   `json:"unit"`
}

// IsZero reports whether d is the zero Deadline.
func (d Deadline) IsZero() bool { return d == Deadline{} }

// String reads as a sentence: "REV-01 due 2025-02-03: 20 working days after
// becoming looked after on 2025-01-06", or, for a count of zero, "REV-04 due
// 2025-02-03: no later than first review held on 2025-02-03". An anchor
// that is a birthday is named without its date, which would give away the
// date of birth: "LEAV-01 due 2026-06-03: 3 months after 16th birthday".
func (d Deadline) String() string {
	unit := d.Unit.String()
	if d.Count == 1 && len(unit) > 1 {
		unit = unit[:len(unit)-1]
	}
	s := string(d.Rule) + " due " + d.Due.String() + ": "
	if d.Count == 0 {
		s += "no later than "
	} else {
		s += strconv.Itoa(d.Count) + " " + unit + " after "
	}
	switch {
	case birthdayLabel(d.AnchorLabel):
		return s + d.AnchorLabel
	case d.AnchorLabel != "":
		s += d.AnchorLabel + " on "
	}
	return s + d.Anchor.String()
}

// Evaluate compares the deadline with the date the obligation was done
// (zero if not done) as of asOf: Met if done on or before Due, Late if done
// after it, Overdue if not done and asOf is after Due, Upcoming otherwise.
// A done date after asOf is treated as not yet done. A deadline on its own
// has no window, so it is never Missed; an [Emitter] records findings whose
// windows close.
func (d Deadline) Evaluate(done, asOf Date) Status {
	st, _ := evaluate(d.Due, done, Date{}, asOf)
	return st
}
