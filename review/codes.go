package review

import (
	"fmt"
	"strconv"

	"github.com/lookedafter/practice/care"
)

// EarlyReason says why a review was held earlier than the timetable
// required: the triggers of CPPCR 2010 reg 33(3), and the significant
// change of plan of reg 32(2). The zero value, [EarlyReasonNone], means the review
// was held on the ordinary timetable (or no reason was recorded).
//
// An early review is an ordinary review for the timetable: it counts as the
// review it was held in place of, and the next interval runs from the date
// it was held (reg 33(2); design decision Q2). The reason is carried into
// the evidence of findings and is not otherwise used.
//
// EarlyReason marshals to and from text as the names listed with each
// constant; the empty text is [EarlyReasonNone].
type EarlyReason uint8

const (
	// EarlyReasonNone: held on the ordinary timetable; text "".
	EarlyReasonNone EarlyReason = iota
	// EarlyReasonIRORequest: the independent reviewing officer asked for the
	// review (reg 33(3)(a)); text "iro-request".
	EarlyReasonIRORequest
	// EarlyReasonPlacementEnding: the child's welfare is not safeguarded by the
	// placement and it may be ended (reg 33(3)(b), reg 30); text
	// "placement-ending".
	EarlyReasonPlacementEnding
	// EarlyReasonLeavingRemand: the child is accommodated under CA89 s.21(2)(b) or
	// (c) and would otherwise leave that accommodation before a review
	// (reg 33(3)(c)); text "leaving-remand".
	EarlyReasonLeavingRemand
	// EarlyReasonReleaseFromDetention: the child is in care, detained, and would
	// otherwise be released before a review (reg 33(3)(d)); text
	// "release-from-detention".
	EarlyReasonReleaseFromDetention
	// EarlyReasonCeasingAccommodation: the child is accommodated but not in care
	// and the authority proposes to stop accommodating them with no parent
	// taking over (reg 33(3)(e)); text "ceasing-accommodation".
	EarlyReasonCeasingAccommodation
	// EarlyReasonSignificantChange: a significant change to the care plan is
	// proposed and must first be considered at a review (reg 32(2)); text
	// "significant-change".
	EarlyReasonSignificantChange
	// EarlyReasonOther: any other reason (for example, the child or a parent
	// asked); text "other".
	EarlyReasonOther
)

var earlyReasonNames = [...]string{"", "iro-request", "placement-ending", "leaving-remand",
	"release-from-detention", "ceasing-accommodation", "significant-change", "other"}

var earlyReasonProvisions = [...]string{"", "reg 33(3)(a)", "reg 33(3)(b)", "reg 33(3)(c)",
	"reg 33(3)(d)", "reg 33(3)(e)", "reg 32(2)", ""}

// String returns the reason's text form ("iro-request"), "" for [EarlyReasonNone],
// and a form such as "EarlyReason(9)" for a value that is not a constant.
func (r EarlyReason) String() string {
	if int(r) < len(earlyReasonNames) {
		return earlyReasonNames[r]
	}
	return "EarlyReason(" + strconv.Itoa(int(r)) + ")"
}

// Provision returns the provision of the CPPCR 2010 that requires a review
// for this reason ("reg 33(3)(a)"), or "" where there is none.
func (r EarlyReason) Provision() string {
	if int(r) < len(earlyReasonProvisions) {
		return earlyReasonProvisions[r]
	}
	return ""
}

// IsEarly reports whether r records an early review (any reason but
// [EarlyReasonNone]).
func (r EarlyReason) IsEarly() bool { return r != EarlyReasonNone }

func (r EarlyReason) valid() bool { return int(r) < len(earlyReasonNames) }

// ParseEarlyReason parses the text form of an early reason. The empty
// string is [EarlyReasonNone]; an unknown name is a [*care.ParseError] wrapping
// [care.ErrUnknownCode].
func ParseEarlyReason(s string) (EarlyReason, error) {
	for i, name := range earlyReasonNames {
		if name == s {
			return EarlyReason(i), nil
		}
	}
	return EarlyReasonNone, &care.ParseError{Input: s, Type: "early review reason", Err: care.ErrUnknownCode}
}

// MarshalText implements [encoding.TextMarshaler]. A value that is not a
// constant is an error wrapping [care.ErrUnknownCode].
func (r EarlyReason) MarshalText() ([]byte, error) {
	if !r.valid() {
		return nil, fmt.Errorf("review: cannot marshal early reason %d: %w", uint8(r), care.ErrUnknownCode)
	}
	return []byte(earlyReasonNames[r]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], as [ParseEarlyReason].
func (r *EarlyReason) UnmarshalText(b []byte) error {
	v, err := ParseEarlyReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// CheckOutcome is what an IRO's midway check between reviews found. The
// zero value, [CheckOutcomeUnknown], means no outcome was recorded.
//
// CheckOutcome marshals to and from text as the names listed with each
// constant.
type CheckOutcome uint8

const (
	// CheckOutcomeUnknown: no outcome recorded; text "".
	CheckOutcomeUnknown CheckOutcome = iota
	// CheckOutcomeOnTrack: the plan and the review's decisions are on track;
	// text "on-track".
	CheckOutcomeOnTrack
	// CheckOutcomeActionNeeded: the IRO asked for something to be done before
	// the next review; text "action-needed".
	CheckOutcomeActionNeeded
	// CheckOutcomeEscalated: the IRO raised a concern under the authority's
	// dispute resolution process; text "escalated".
	CheckOutcomeEscalated
)

var checkOutcomeNames = [...]string{"", "on-track", "action-needed", "escalated"}

// String returns the outcome's text form ("on-track"), "" for
// [CheckOutcomeUnknown], and a form such as "CheckOutcome(9)" for a value that
// is not a constant.
func (o CheckOutcome) String() string {
	if int(o) < len(checkOutcomeNames) {
		return checkOutcomeNames[o]
	}
	return "CheckOutcome(" + strconv.Itoa(int(o)) + ")"
}

func (o CheckOutcome) valid() bool { return int(o) < len(checkOutcomeNames) }

// ParseCheckOutcome parses the text form of a midway-check outcome. The
// empty string is [CheckOutcomeUnknown]; an unknown name is a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseCheckOutcome(s string) (CheckOutcome, error) {
	for i, name := range checkOutcomeNames {
		if name == s {
			return CheckOutcome(i), nil
		}
	}
	return CheckOutcomeUnknown, &care.ParseError{Input: s, Type: "midway check outcome", Err: care.ErrUnknownCode}
}

// MarshalText implements [encoding.TextMarshaler]. A value that is not a
// constant is an error wrapping [care.ErrUnknownCode].
func (o CheckOutcome) MarshalText() ([]byte, error) {
	if !o.valid() {
		return nil, fmt.Errorf("review: cannot marshal check outcome %d: %w", uint8(o), care.ErrUnknownCode)
	}
	return []byte(checkOutcomeNames[o]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler], as [ParseCheckOutcome].
func (o *CheckOutcome) UnmarshalText(b []byte) error {
	v, err := ParseCheckOutcome(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// errNoCalendar is returned when a calculator is given a nil calendar.
var errNoCalendar = fmt.Errorf("review: no calendar: %w", care.ErrOutsideCalendar)

// errNoAsOf is returned when a calculator is given a zero as-of date.
var errNoAsOf = fmt.Errorf("review: the as-of date is zero: %w", care.ErrInvalidDate)
