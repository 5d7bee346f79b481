package supervision

import (
	"strconv"

	"github.com/lookedafter/practice/care"
)

// Interval is a length of time counted in calendar days, weeks (7 days
// each) or calendar months (the corresponding date, clamped to the month's
// end, as [care.Date.AddMonths]). The zero Interval is unset.
type Interval struct {
	Count int       `json:"count"`
	Unit  care.Unit `json:"unit"`
}

// IsZero reports whether iv is unset.
func (iv Interval) IsZero() bool { return iv == Interval{} }

// AddTo returns the date iv after d: d + Count days, d + 7×Count days, or
// the corresponding date Count months later. It returns the zero Date for
// the zero Date or an unsupported unit.
func (iv Interval) AddTo(d care.Date) care.Date {
	switch iv.Unit {
	case care.Days:
		return d.AddDays(iv.Count)
	case care.Weeks:
		return d.AddDays(7 * iv.Count)
	case care.Months:
		return d.AddMonths(iv.Count)
	}
	return care.Date{}
}

// String returns "4 weeks", "1 month" and so on.
func (iv Interval) String() string { return string(iv.appendTo(nil)) }

// appendTo appends the interval in words ("6 weeks") to b.
func (iv Interval) appendTo(b []byte) []byte {
	unit := iv.Unit.String()
	if iv.Count == 1 && len(unit) > 1 {
		unit = unit[:len(unit)-1]
	}
	b = strconv.AppendInt(b, int64(iv.Count), 10)
	b = append(b, ' ')
	return append(b, unit...)
}

// minDays and maxDays bound the interval's length in days over every start
// date (a month is 28 to 31 days).
func (iv Interval) minDays() int {
	switch iv.Unit {
	case care.Weeks:
		return 7 * iv.Count
	case care.Months:
		return 28 * iv.Count
	}
	return iv.Count
}

func (iv Interval) maxDays() int {
	switch iv.Unit {
	case care.Weeks:
		return 7 * iv.Count
	case care.Months:
		return 31 * iv.Count
	}
	return iv.Count
}

// looserThan reports whether iv can be longer than limit from some start
// date. Intervals in the same unit compare by count; otherwise iv is looser
// unless its longest length is no more than limit's shortest.
func (iv Interval) looserThan(limit Interval) bool {
	if iv.Unit == limit.Unit {
		return iv.Count > limit.Count
	}
	return iv.maxDays() > limit.minDays()
}

// Policy holds an authority's supervision standards. Supervision of social
// workers has no statutory frequency (regulations.md §5.1), so every field
// is a local standard. The zero Policy means the defaults: the ASYE
// schedule of Skills for Care for newly qualified workers, every 4 weeks
// for other workers, each child's case discussed every 6 weeks, and a
// maximum caseload of 20.
//
// A Policy is a plain value; [Policy.Validate] rejects nonsense and ASYE
// intervals looser than the assessed-year schedule. Every calculator calls
// it.
type Policy struct {
	// Supervision is the SUP-01 interval for workers who are not newly
	// qualified. Default 4 weeks (regulations.md §5.4–5.5); no statutory
	// limit.
	Supervision Interval `json:"supervision,omitzero"`
	// ASYEWeekly, ASYEFortnightly and ASYEMonthly are the SUP-01 intervals
	// in the three phases of the assessed and supported year: its first 6
	// weeks, from 6 weeks to 6 months, and from 6 months to 12 months.
	// Defaults and limits: 1 week, 2 weeks, 1 month (Skills for Care;
	// regulations.md §5.3). A stricter interval is allowed, a looser one is
	// not.
	ASYEWeekly      Interval `json:"asye_weekly,omitzero"`
	ASYEFortnightly Interval `json:"asye_fortnightly,omitzero"`
	ASYEMonthly     Interval `json:"asye_monthly,omitzero"`
	// CountGroup and CountCaseDiscussions say whether group sessions and
	// case discussions outside professional supervision count as
	// supervision for SUP-01. By default only individual sessions count
	// (the employer standard is uninterrupted one-to-one time).
	CountGroup           bool `json:"count_group,omitempty"`
	CountCaseDiscussions bool `json:"count_case_discussions,omitempty"`
	// CaseDiscussion is the SUP-02 interval between discussions of a
	// child's case in supervision. Default 6 weeks, a local standard.
	CaseDiscussion Interval `json:"case_discussion,omitzero"`
	// MaxCaseload is the SUP-05 maximum number of children allocated to one
	// worker. Default 20: a local standard with no national figure behind
	// it; set the authority's own.
	MaxCaseload int `json:"max_caseload,omitempty"`
}

// Defaults and limits.
var (
	defaultSupervision        = Interval{4, care.Weeks}
	asyeWeeklyLimit           = Interval{1, care.Weeks}
	asyeFortnightlyLimit      = Interval{2, care.Weeks}
	asyeMonthlyLimit          = Interval{1, care.Months}
	defaultCaseDiscussion     = Interval{6, care.Weeks}
	defaultMaxCaseload    int = 20
)

const (
	asyeMonths     = 12 // length of the ASYE
	asyeFirstWeeks = 6  // weekly phase
	asyeMidMonths  = 6  // fortnightly phase ends
)

// Validate reports every field that is nonsense (a zero or negative count,
// a unit other than days, weeks or months, an interval over a year, a
// negative caseload) or an ASYE interval looser than the assessed-year
// schedule, with paths such as "asye_weekly"; each error names the value
// and the limit.
func (p Policy) Validate() error {
	var errs care.ValidationErrors
	checkInterval(&errs, "supervision", p.Supervision, Interval{})
	checkInterval(&errs, "asye_weekly", p.ASYEWeekly, asyeWeeklyLimit)
	checkInterval(&errs, "asye_fortnightly", p.ASYEFortnightly, asyeFortnightlyLimit)
	checkInterval(&errs, "asye_monthly", p.ASYEMonthly, asyeMonthlyLimit)
	checkInterval(&errs, "case_discussion", p.CaseDiscussion, Interval{})
	if p.MaxCaseload < 0 {
		errs.Addf("max_caseload", "%d is negative", p.MaxCaseload)
	}
	return errs.Err()
}

func checkInterval(errs *care.ValidationErrors, path string, iv, limit Interval) {
	if iv.IsZero() {
		return
	}
	switch iv.Unit {
	case care.Days, care.Weeks, care.Months:
	default:
		errs.Addf(path, "unit %q: want days, weeks or months", iv.Unit)
		return
	}
	switch {
	case iv.Count <= 0:
		errs.Addf(path, "%s: count must be positive", iv)
	case !limit.IsZero() && iv.looserThan(limit):
		errs.Addf(path, "%s is looser than the assessed-year schedule's %s", iv, limit)
	case iv.maxDays() > 366:
		errs.Addf(path, "%s is longer than a year", iv)
	}
}

func or(iv, def Interval) Interval {
	if iv.IsZero() {
		return def
	}
	return iv
}

func (p Policy) supervision() Interval     { return or(p.Supervision, defaultSupervision) }
func (p Policy) asyeWeekly() Interval      { return or(p.ASYEWeekly, asyeWeeklyLimit) }
func (p Policy) asyeFortnightly() Interval { return or(p.ASYEFortnightly, asyeFortnightlyLimit) }
func (p Policy) asyeMonthly() Interval     { return or(p.ASYEMonthly, asyeMonthlyLimit) }
func (p Policy) caseDiscussion() Interval  { return or(p.CaseDiscussion, defaultCaseDiscussion) }
func (p Policy) maxCaseload() int {
	if p.MaxCaseload == 0 {
		return defaultMaxCaseload
	}
	return p.MaxCaseload
}

// counts reports whether a session of kind k counts as supervision for
// SUP-01 under p.
func (p Policy) counts(k SessionKind) bool {
	switch k {
	case SessionKindIndividual:
		return true
	case SessionKindGroup:
		return p.CountGroup
	case SessionKindCaseDiscussion:
		return p.CountCaseDiscussions
	}
	return false
}
