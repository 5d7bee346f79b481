package review

import (
	"github.com/lookedafter/practice/care"
)

// Policy holds the timescales the review rules read. The zero Policy means
// the defaults of the rule catalogue, which are the statutory limits where
// there are any; a zero field means that field's default. An authority may
// make a field stricter (shorter), never looser: [Policy.Validate] rejects a
// looser value with an error naming the field, the value and the limit.
// For the local standards (REV-04, REV-05, REV-07) the limit is the
// catalogue's default, since the library lets a policy tighten a local
// standard but not relax it.
//
// A Policy is a plain value, safe to use from multiple goroutines at once.
type Policy struct {
	// Counting says whether the anchor day of a working-day count is day 0
	// (the default, [care.CountFromNextDay]; design decision Q1) or day 1
	// ([care.CountFromAnchorDay]). It applies to REV-01, REV-04, REV-07
	// and REV-10.
	Counting care.Counting `json:"counting,omitzero"`

	// FirstReviewDays is the number of working days after becoming looked
	// after within which the first review is due (REV-01). Default and
	// statutory limit: 20 (CPPCR reg 33(1)).
	FirstReviewDays int `json:"first_review_days,omitzero"`
	// SecondReviewMonths is the number of months after the first review
	// within which the second is due (REV-02). Default and statutory
	// limit: 3 (reg 33(2)).
	SecondReviewMonths int `json:"second_review_months,omitzero"`
	// LaterReviewMonths is the number of months after the previous review
	// within which each later review is due (REV-03). Default and
	// statutory limit: 6 (reg 33(2)).
	LaterReviewMonths int `json:"later_review_months,omitzero"`

	// ShortBreakFirstMonths is the number of months after the start of the
	// first short break within which a short-break child's first review is
	// due (REV-09). Default and statutory limit: 3 (reg 48(3)(d)).
	ShortBreakFirstMonths int `json:"short_break_first_months,omitzero"`
	// ShortBreakLaterMonths is the interval between a short-break child's
	// later reviews (REV-09). Default and statutory limit: 6 (reg 48(3)(d)).
	ShortBreakLaterMonths int `json:"short_break_later_months,omitzero"`
	// ShortBreakLapseMonths is how long after the end of the last short
	// break a series of short breaks is treated as continuing, so that its
	// review timetable runs on between stays. A short break that starts
	// within this time continues the series; one that starts later begins
	// a new series with a new first review. The regulations do not say when
	// a series ends (a decision of this library). Default 6, which is the
	// review interval; at most 12.
	ShortBreakLapseMonths int `json:"short_break_lapse_months,omitzero"`

	// IROAppointDays is the number of working days after becoming looked
	// after within which the independent reviewing officer is appointed
	// (REV-04). Default and limit: 5 (local good practice; the duty to
	// appoint is CA89 s.25A).
	IROAppointDays int `json:"iro_appoint_days,omitzero"`
	// MidwayToleranceDays is how many calendar days either side of the
	// midpoint between two reviews the IRO's midway check may fall
	// (REV-05). Default and limit: 14.
	MidwayToleranceDays int `json:"midway_tolerance_days,omitzero"`
	// DecisionsDays is the number of working days after a review within
	// which its decisions are circulated (REV-07). Default and limit: 5
	// (IRO Handbook practice, unconfirmed; settled.md Q5).
	DecisionsDays int `json:"decisions_days,omitzero"`
	// RecordDays is the number of working days after a review within which
	// its full written record is completed (REV-07). Default and limit: 20
	// (IRO Handbook practice, unconfirmed; reg 38 sets no timescale).
	RecordDays int `json:"record_days,omitzero"`
	// AdjournmentDays is the number of working days after an adjournment
	// within which the adjourned review is completed (REV-10). Default and
	// statutory limit: 20 (reg 36(2)).
	AdjournmentDays int `json:"adjournment_days,omitzero"`
}

// limit describes one integer field of the policy.
type limit struct {
	path    string
	value   int
	max     int
	unit    string
	basis   string
	minimum int
}

func (p Policy) limits() [11]limit {
	return [...]limit{
		{"first_review_days", p.FirstReviewDays, 20, "working days", "the statutory limit (CPPCR reg 33(1))", 1},
		{"second_review_months", p.SecondReviewMonths, 3, "months", "the statutory limit (CPPCR reg 33(2))", 1},
		{"later_review_months", p.LaterReviewMonths, 6, "months", "the statutory limit (CPPCR reg 33(2))", 1},
		{"short_break_first_months", p.ShortBreakFirstMonths, 3, "months", "the statutory limit (CPPCR reg 48(3)(d))", 1},
		{"short_break_later_months", p.ShortBreakLaterMonths, 6, "months", "the statutory limit (CPPCR reg 48(3)(d))", 1},
		{"short_break_lapse_months", p.ShortBreakLapseMonths, 12, "months", "the most this library allows", 1},
		{"iro_appoint_days", p.IROAppointDays, 5, "working days", "the catalogue's local standard", 1},
		{"midway_tolerance_days", p.MidwayToleranceDays, 14, "days", "the catalogue's local standard", 1},
		{"decisions_days", p.DecisionsDays, 5, "working days", "the catalogue's local standard", 1},
		{"record_days", p.RecordDays, 20, "working days", "the catalogue's local standard", 1},
		{"adjournment_days", p.AdjournmentDays, 20, "working days", "the statutory limit (CPPCR reg 36(2))", 1},
	}
}

// Validate reports every field that is looser than its limit or is
// nonsense (negative), as a [care.ValidationErrors] with paths such as
// "later_review_months"; for example a 7-month review interval is an error
// naming the field, the value and the 6-month statutory limit. It returns
// nil for the zero Policy.
func (p Policy) Validate() error {
	if p == (Policy{}) {
		return nil // the statutory defaults
	}
	var errs care.ValidationErrors
	if p.Counting > care.CountFromAnchorDay {
		errs.Addf("counting", "unknown counting convention %d", uint8(p.Counting))
	}
	for _, l := range p.limits() {
		switch {
		case l.value == 0:
		case l.value < l.minimum:
			errs.Addf(l.path, "%d %s is not a valid interval: it must be at least %d", l.value, l.unit, l.minimum)
		case l.value > l.max:
			errs.Addf(l.path, "%d %s is looser than %s of %d %s", l.value, l.unit, l.basis, l.max, l.unit)
		}
	}
	return errs.Err()
}

// or returns v, or def when v is zero.
func or(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func (p Policy) firstReviewDays() int    { return or(p.FirstReviewDays, 20) }
func (p Policy) secondReviewMonths() int { return or(p.SecondReviewMonths, 3) }
func (p Policy) laterReviewMonths() int  { return or(p.LaterReviewMonths, 6) }
func (p Policy) shortBreakFirst() int    { return or(p.ShortBreakFirstMonths, 3) }
func (p Policy) shortBreakLater() int    { return or(p.ShortBreakLaterMonths, 6) }
func (p Policy) shortBreakLapse() int    { return or(p.ShortBreakLapseMonths, 6) }
func (p Policy) iroAppointDays() int     { return or(p.IROAppointDays, 5) }
func (p Policy) midwayTolerance() int    { return or(p.MidwayToleranceDays, 14) }
func (p Policy) decisionsDays() int      { return or(p.DecisionsDays, 5) }
func (p Policy) recordDays() int         { return or(p.RecordDays, 20) }
func (p Policy) adjournmentDays() int    { return or(p.AdjournmentDays, 20) }

// maxShortBreakLapse is the longest lapse a policy may set; record
// validation accepts reviews in a short-break series' gaps up to it.
const maxShortBreakLapse = 12
