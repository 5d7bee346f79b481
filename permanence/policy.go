package permanence

import (
	"slices"
	"strconv"
	"time"

	"github.com/lookedafter/practice/care"
)

// Defaults of the policy fields (the rule catalogue's defaults).
const (
	DefaultDriftMonths      = 3  // PERM-03
	DefaultSection20Months  = 6  // PERM-08
	DefaultProceedingsWeeks = 26 // PERM-04: CA89 s.32(1)(a)(ii)
	DefaultSGOReportMonths  = 3  // PERM-06: CA89 s.14A(7)
	DefaultScorecardYears   = 3  // PERM-05 cohort averages
)

// Shift says what happens to a due date that falls on a day that is not a
// working day.
type Shift uint8

const (
	// ShiftNone keeps the due date as computed (the default).
	ShiftNone Shift = iota
	// ShiftNextWorkingDay moves it to the next working day of the calendar.
	ShiftNextWorkingDay
)

// String returns "none" or "next-working-day".
func (s Shift) String() string { return nameOf(shiftNames[:], int(s), "Shift") }

var shiftNames = [...]string{"none", "next-working-day"}

// MarshalText implements [encoding.TextMarshaler].
func (s Shift) MarshalText() ([]byte, error) { return marshalName(shiftNames[:], int(s), "Shift") }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [ShiftNone].
func (s *Shift) UnmarshalText(b []byte) error {
	if len(b) == 0 || string(b) == shiftNames[0] {
		*s = ShiftNone
		return nil
	}
	if string(b) == shiftNames[1] {
		*s = ShiftNextWorkingDay
		return nil
	}
	_, err := parseName(string(b), shiftNames[1:], "shift")
	return err
}

// Policy holds the local standards and decisions the permanence rules read.
// The zero Policy means the defaults of the rule catalogue. A field may be
// made stricter than its default where the default is a statutory limit,
// never looser: [Policy.Validate] rejects a looser value with an error
// naming the field, the value and the limit.
type Policy struct {
	// DriftMonths is the longest time the plan may go without a transition
	// on an open route before it is drifting (PERM-03). Default 3; a local
	// standard of 1 to 12 months.
	DriftMonths int `json:"drift_months,omitzero"`
	// Section20Months is how long a child may be accommodated under s.20
	// without a plan for permanence (PERM-08). Default 6; 1 to 24 months.
	Section20Months int `json:"section20_months,omitzero"`
	// ProceedingsWeeks is the time limit for care proceedings (PERM-04),
	// counted as the Act counts it, in weeks beginning with the day of
	// issue: N weeks end on the issue date + 7N − 1 days. Default and
	// statutory maximum 26 (CA89 s.32(1)(a)(ii)); a local target may be
	// shorter. Once the court has extended the time limit, the end of the
	// extension replaces it ([ProceedingsFinalDay]).
	ProceedingsWeeks int `json:"proceedings_weeks,omitzero"`
	// ProceedingsShift says whether a time limit that falls on a
	// non-working day moves to the next working day. The Act counts weeks,
	// not working days, and says nothing about closed court days, so the
	// default keeps the computed day; an authority that follows the family
	// court's practice of treating the next open day as in time can choose
	// [ShiftNextWorkingDay]. It is the only setting that reads the calendar.
	ProceedingsShift Shift `json:"proceedings_shift,omitzero"`
	// SGOReportMonths is the time from a special guardianship notice to the
	// authority's report (PERM-06). Default and maximum 3 (the 3 months'
	// notice of CA89 s.14A(7)).
	SGOReportMonths int `json:"sgo_report_months,omitzero"`
	// UncertainRoutes lists the routes that count as uncertain while their
	// state is before [StateOrderMade], so that a primary route among them
	// needs an active parallel plan (PERM-02). Nil means the default:
	// return home, child arrangements, special guardianship and adoption.
	// A non-nil empty list makes no route uncertain.
	UncertainRoutes []Route `json:"uncertain_routes,omitzero"`
	// Thresholds are the adoption scorecard thresholds (PERM-05). Nil means
	// [DefaultThresholds].
	Thresholds []Threshold `json:"thresholds,omitzero"`
	// ScorecardYears is the window of the cohort averages: children whose
	// adoption order falls in the ScorecardYears years ending on the as-of
	// date. Default 3, as the scorecard's rolling three years; 1 to 10.
	ScorecardYears int `json:"scorecard_years,omitzero"`
}

// Validate reports every field that is looser than its statutory limit or
// is nonsense, with paths such as "proceedings_weeks".
func (p Policy) Validate() error {
	if p.DriftMonths == 0 && p.Section20Months == 0 && p.ProceedingsWeeks == 0 && p.ProceedingsShift == 0 &&
		p.SGOReportMonths == 0 && len(p.UncertainRoutes) == 0 && len(p.Thresholds) == 0 && p.ScorecardYears == 0 {
		return nil // the defaults
	}
	var errs care.ValidationErrors
	// statutory checks a field against a statutory maximum; sane against
	// the longest value the library accepts for a local standard.
	check := func(path string, v, hi int, statutory bool, limit string) {
		switch {
		case v == 0:
		case v < 0:
			errs.Addf(path, "%d is not a valid interval: it must be positive", v)
		case v > hi && statutory:
			errs.Addf(path, "%d is looser than the statutory limit of %d (%s)", v, hi, limit)
		case v > hi:
			errs.Addf(path, "%d is longer than the %d the library accepts for %s", v, hi, limit)
		}
	}
	check("drift_months", p.DriftMonths, 12, false, "a drift window in months")
	check("section20_months", p.Section20Months, 24, false, "an s.20 window in months")
	check("proceedings_weeks", p.ProceedingsWeeks, DefaultProceedingsWeeks, true, "weeks, CA89 s.32(1)(a)")
	check("sgo_report_months", p.SGOReportMonths, DefaultSGOReportMonths, true, "months' notice, CA89 s.14A(7)")
	check("scorecard_years", p.ScorecardYears, 10, false, "a scorecard window in years")
	if p.ProceedingsShift > ShiftNextWorkingDay {
		errs.Addf("proceedings_shift", "unknown shift %d", p.ProceedingsShift)
	}
	for i, r := range p.UncertainRoutes {
		if !r.IsKnown() {
			errs.Add(care.Index("uncertain_routes", i), unknownOrRequired(r != RouteUnknown, r.String()))
		}
	}
	validateThresholds(&errs, "thresholds", p.Thresholds)
	return errs.Err()
}

func (p Policy) driftMonths() int { return or(p.DriftMonths, DefaultDriftMonths) }

func (p Policy) section20Months() int { return or(p.Section20Months, DefaultSection20Months) }

func (p Policy) proceedingsWeeks() int { return or(p.ProceedingsWeeks, DefaultProceedingsWeeks) }

func (p Policy) sgoReportMonths() int { return or(p.SGOReportMonths, DefaultSGOReportMonths) }

func (p Policy) scorecardYears() int { return or(p.ScorecardYears, DefaultScorecardYears) }

func (p Policy) isUncertain(r Route) bool {
	if p.UncertainRoutes == nil {
		return r == RouteReturnHome || r == RouteChildArrangements || r == RouteSpecialGuardianship || r == RouteAdoption
	}
	return slices.Contains(p.UncertainRoutes, r)
}

func (p Policy) thresholds() []Threshold {
	if p.Thresholds == nil {
		return defaultThresholds[:]
	}
	return p.Thresholds
}

func or(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// Measure is an adoption scorecard measure.
type Measure uint8

// Scorecard measures.
const (
	MeasureUnknown Measure = iota
	// A1: days from entering care to moving in with the adoptive family.
	A1
	// A2: days from the authority to place (placement order) to the match
	// decision; a match made before the authority counts as 0 days.
	A2
	// A10: A1 adjusted for foster-carer adoptions: the end date is the day
	// the child moved in with the foster carers who adopted them.
	A10
)

var measureNames = [...]string{"", "A1", "A2", "A10"}

// String returns "A1", "A2" or "A10".
func (m Measure) String() string { return nameOf(measureNames[:], int(m), "Measure") }

// MarshalText implements [encoding.TextMarshaler].
func (m Measure) MarshalText() ([]byte, error) {
	return marshalName(measureNames[:], int(m), "Measure")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [MeasureUnknown].
func (m *Measure) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*m = MeasureUnknown
		return nil
	}
	i, err := parseName(string(b), measureNames[:], "scorecard measure")
	*m = Measure(i)
	return err
}

// Threshold is one adoption scorecard threshold: the longest time a measure
// may take for a child whose measured period ends inside Applies. Exactly
// one of Months and Days is set.
//
// Scorecards report three-year rolling averages, so a year's children fall
// in three windows. The library attributes each threshold to the children
// of the final year of its window (1 April to 31 March): the thresholds of
// the 2013–16 scorecard apply to periods ending from 1 April 2015 to 31
// March 2016. This is a documented decision, not a DfE rule.
type Threshold struct {
	Measure Measure     `json:"measure"`
	Months  int         `json:"months,omitzero"`
	Days    int         `json:"days,omitzero"`
	Applies care.Period `json:"applies"`
	// Source says where the figure comes from and how sure it is: text of
	// at most [care.MaxTextBytes].
	Source string `json:"source,omitempty"`
	// Confirmed is true where the figure was read in a DfE text.
	Confirmed bool `json:"confirmed,omitempty"`
}

// Due returns the day by which a measured period starting on start must end
// to be within the threshold.
func (t Threshold) Due(start care.Date) care.Date {
	if t.Months > 0 {
		return start.AddMonths(t.Months)
	}
	return start.AddDays(t.Days)
}

// String returns "A1 14 months" or "A1 639 days".
func (t Threshold) String() string {
	var buf [48]byte
	return string(t.appendText(buf[:0]))
}

// appendText appends the form of [Threshold.String] to b.
func (t Threshold) appendText(b []byte) []byte {
	b = append(b, t.Measure.String()...)
	b = append(b, ' ')
	if t.Months > 0 {
		b = strconv.AppendInt(b, int64(t.Months), 10)
		return append(b, " months"...)
	}
	b = strconv.AppendInt(b, int64(t.Days), 10)
	return append(b, " days"...)
}

func april1(y int) care.Date { return care.MustDate(y, time.April, 1) }

func scorecardYear(last int) care.Period {
	return care.Period{Start: april1(last - 1), End: april1(last)}
}

// defaultThresholds holds settled.md 9.1–9.9. A2 for 2010–13, 2011–14 and
// 2012–15 is unconfirmed or in conflict and is left out; no A10 threshold is
// confirmed and none is encoded.
var defaultThresholds = [...]Threshold{
	{Measure: A1, Months: 21, Applies: scorecardYear(2011), Source: "first scorecards, 3 years to March 2011: interim 21 months (DfE press release, May 2012; settled.md 9.1)"},
	{Measure: A2, Months: 7, Applies: scorecardYear(2011), Source: "first scorecards, 3 years to March 2011: interim 7 months (settled.md 9.1)"},
	{Measure: A1, Days: 639, Applies: scorecardYear(2012), Source: "2009–12 scorecard, 639 days (settled.md 9.2)"},
	{Measure: A2, Days: 213, Applies: scorecardYear(2012), Source: "2009–12 scorecard, 213 days (settled.md 9.2)"},
	{Measure: A1, Months: 20, Applies: scorecardYear(2013), Source: "2010–13 scorecard, 20 months (secondary source; settled.md 9.3)"},
	{Measure: A1, Days: 547, Applies: scorecardYear(2014), Source: "2011–14 scorecard, 547 days (secondary source; settled.md 9.4)"},
	{Measure: A1, Days: 487, Applies: scorecardYear(2015), Source: "2012–15 scorecard, 487 days (secondary source; settled.md 9.5)"},
	{Measure: A1, Months: 14, Applies: scorecardYear(2016), Confirmed: true, Source: "2013–16 scorecard, 14 months (DfE, 14 January 2014; settled.md 9.6)"},
	{Measure: A2, Months: 4, Applies: scorecardYear(2016), Confirmed: true, Source: "2013–16 scorecard, 4 months (DfE, 14 January 2014; settled.md 9.6)"},
	{Measure: A1, Months: 14, Applies: care.Period{Start: april1(2016)}, Source: "2014–17 onwards: presumed unchanged from 2013–16 (unconfirmed; settled.md 9.7)"},
	{Measure: A2, Months: 4, Applies: care.Period{Start: april1(2016)}, Source: "2014–17 onwards: presumed unchanged from 2013–16 (unconfirmed; settled.md 9.7)"},
}

// DefaultThresholds returns the scorecard thresholds the library ships, as a
// fresh slice: the interim thresholds of the first scorecards (A1 21
// months, A2 7 months), the day figures of 2009–12 (639 and 213), the A1
// figures reported for 2010–13 to 2012–15 (20 months, 547 and 487 days; A2
// for those years is unconfirmed and left out), the confirmed 2013–16
// thresholds (14 and 4 months), and the same 14 and 4 months, marked
// unconfirmed, from April 2016 on. No A10 threshold is confirmed, so none is
// included: A10 is reported without being judged.
func DefaultThresholds() []Threshold { return slices.Clone(defaultThresholds[:]) }

// ThresholdFor returns the threshold for measure m whose Applies period
// contains d, and false if there is none.
func ThresholdFor(ts []Threshold, m Measure, d care.Date) (Threshold, bool) {
	for _, t := range ts {
		if t.Measure == m && t.Applies.Contains(d) {
			return t, true
		}
	}
	return Threshold{}, false
}

func validateThresholds(errs *care.ValidationErrors, prefix string, ts []Threshold) {
	for i, t := range ts {
		// The path is built only for an error, so that valid thresholds
		// cost no allocation.
		path := func() string { return care.Index(prefix, i) }
		if t.Measure == MeasureUnknown || int(t.Measure) >= len(measureNames) {
			errs.Add(care.JoinPath(path(), "measure"), unknownOrRequired(t.Measure != MeasureUnknown, t.Measure.String()))
		}
		if err := care.CheckString(t.Source, care.MaxTextBytes); err != nil {
			errs.Add(care.JoinPath(path(), "source"), err)
		}
		switch {
		case t.Months < 0 || t.Days < 0:
			errs.Addf(path(), "negative threshold (months %d, days %d)", t.Months, t.Days)
		case (t.Months == 0) == (t.Days == 0):
			errs.Addf(path(), "set exactly one of months and days (months %d, days %d)", t.Months, t.Days)
		}
		if t.Applies.IsEmpty() {
			errs.Addf(care.JoinPath(path(), "applies"), "empty period %s", t.Applies)
			continue
		}
		for j := range i {
			if ts[j].Measure == t.Measure && ts[j].Applies.Overlaps(t.Applies) {
				errs.Addf(care.JoinPath(path(), "applies"), "%s %s overlaps thresholds[%d] %s", t.Measure, t.Applies, j, ts[j].Applies)
			}
		}
	}
}
