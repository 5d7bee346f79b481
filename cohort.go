package practice

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"
	"golang.org/x/exp/stats"

	"github.com/lookedafter/practice/care"
)

// CohortOptions configures [AssessCohort]. The zero value assesses the cases
// one after another in the calling goroutine.
type CohortOptions struct {
	// Parallelism is how many goroutines assess cases at once: 0 or 1 means
	// none are started; a negative value means one per CPU. The output is
	// the same, byte for byte, whatever the parallelism.
	Parallelism int
	// DiscardReports drops each child's full report once it has been
	// counted, keeping only the drift summary (which holds the overdue
	// findings). A national cohort's reports run to gigabytes; the rates,
	// counts and drift lists are the same either way.
	DiscardReports bool

	chunk int // cases per chunk; 0 means 1024 (set smaller by tests)
}

// ChildResult is the assessment of one case of a cohort.
type ChildResult struct {
	// Index is the case's position in the input.
	Index   int    `json:"index"`
	ChildID string `json:"child_id"`
	Team    string `json:"team,omitempty"`
	Office  string `json:"office,omitempty"`
	// Err is set, and Report and Drift are empty, when the case could not
	// be assessed (it failed validation, or a date fell outside the
	// calendar). Such cases are counted in [CohortReport.Invalid].
	Err error `json:"-"`
	// Report is the child's full report, unless the options asked for
	// reports to be discarded.
	Report care.Report `json:"report,omitempty"`
	Drift  Drift       `json:"drift"`
}

// RuleRate is the timeliness of one rule over a group of children: of the
// obligations that fell due (Applicable = Met + Late + Overdue + Breach),
// how many were met on time. Upcoming obligations are not yet applicable.
type RuleRate struct {
	Rule       care.RuleID `json:"rule"`
	Applicable int         `json:"applicable"`
	Met        int         `json:"met"`
	Late       int         `json:"late"`
	Overdue    int         `json:"overdue"`
	Breach     int         `json:"breach"`
	// Rate is Met / Applicable as a percentage rounded half away from zero
	// to one decimal place.
	Rate decimal.Decimal `json:"rate"`
	// MedianDaysLate and UpperQuartileDaysLate describe how late the late
	// and overdue obligations were (days past due as of the assessment
	// date), rounded to one decimal place; zero when none were.
	MedianDaysLate        decimal.Decimal `json:"median_days_late"`
	UpperQuartileDaysLate decimal.Decimal `json:"upper_quartile_days_late"`
}

// GroupRates are the rule rates of one team or office.
type GroupRates struct {
	Group    string     `json:"group"`
	Children int        `json:"children"`
	Flagged  int        `json:"flagged"`
	Rates    []RuleRate `json:"rates"`
}

// DomainCount is the number of overdue findings in one domain.
type DomainCount struct {
	Domain  care.Domain `json:"domain"`
	Overdue int         `json:"overdue"`
}

// CohortReport is the result of [AssessCohort].
type CohortReport struct {
	AsOf care.Date `json:"as_of"`
	// Children holds one result per input case, in input order.
	Children []ChildResult `json:"children"`
	// Assessed and Invalid count the cases assessed and those that could
	// not be (see ChildResult.Err); Flagged counts children flagged for
	// drift.
	Assessed int `json:"assessed"`
	Invalid  int `json:"invalid"`
	Flagged  int `json:"flagged"`
	// Rates are the rule rates over the whole cohort, in rule ID order;
	// ByTeam and ByOffice split them, in group name order ("" for cases
	// with no team or office).
	Rates    []RuleRate   `json:"rates"`
	ByTeam   []GroupRates `json:"by_team"`
	ByOffice []GroupRates `json:"by_office"`
	// OverdueByDomain counts overdue findings by domain, in domain order.
	OverdueByDomain []DomainCount `json:"overdue_by_domain"`
}

// Drifting returns the flagged children's drift summaries, worst first
// (see [CompareDrift]).
func (r CohortReport) Drifting() []Drift {
	var out []Drift
	for _, c := range r.Children {
		if c.Err == nil && c.Drift.Flagged {
			out = append(out, c.Drift)
		}
	}
	slices.SortFunc(out, CompareDrift)
	return out
}

// AssessCohort assesses every case as of asOf, as [Assess] does for one,
// and aggregates timeliness by rule, team and office. A case that cannot be
// assessed is reported in its ChildResult with its error, and the rest of
// the cohort is still assessed: nothing is dropped. The only error returned
// is for invalid standards or a nil calendar, when nothing can be assessed.
func AssessCohort(cases []Case, asOf care.Date, std Standards, cal *care.Calendar, opt CohortOptions) (CohortReport, error) {
	if err := std.Validate(); err != nil {
		return CohortReport{}, err
	}
	if cal == nil {
		return CohortReport{}, errNilCalendar
	}
	results := make([]ChildResult, len(cases))
	one := func(i int) {
		c := &cases[i]
		res := ChildResult{Index: i, ChildID: c.Child.ID, Team: c.Team, Office: c.Office}
		rep, drift, err := assess(c, asOf, std, cal)
		if err != nil {
			res.Err = err
		} else {
			res.Report, res.Drift = rep, drift
		}
		results[i] = res
	}
	workers := opt.Parallelism
	if workers < 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(cases))
	agg := newAggregator(asOf)
	// Cases are assessed a chunk at a time and each chunk is counted in
	// input order, so the output is the same whatever the parallelism, and
	// discarded reports never pile up.
	chunk := opt.chunk
	if chunk <= 0 {
		chunk = 1024
	}
	for lo := 0; lo < len(cases); lo += chunk {
		hi := min(lo+chunk, len(cases))
		if workers <= 1 {
			for i := lo; i < hi; i++ {
				one(i)
			}
		} else {
			var next atomic.Int64
			next.Store(int64(lo))
			var wg sync.WaitGroup
			for range workers {
				wg.Go(func() {
					for {
						i := int(next.Add(1) - 1)
						if i >= hi {
							return
						}
						one(i)
					}
				})
			}
			wg.Wait()
		}
		for i := lo; i < hi; i++ {
			agg.add(&results[i])
			if opt.DiscardReports {
				results[i].Report = nil
			}
		}
	}
	return agg.report(results), nil
}

// tally accumulates one group's counts by rule.
type tally struct {
	children, flagged int
	byRule            map[care.RuleID]*ruleTally
}

type ruleTally struct {
	met, late, overdue, breach int
	daysLate                   []float64
}

func newTally() *tally { return &tally{byRule: map[care.RuleID]*ruleTally{}} }

func (t *tally) add(res *ChildResult, asOf care.Date) {
	t.children++
	if res.Drift.Flagged {
		t.flagged++
	}
	for i := range res.Report {
		f := &res.Report[i]
		if f.Rule == RuleDrift {
			continue
		}
		rt := t.byRule[f.Rule]
		if rt == nil {
			rt = &ruleTally{}
			t.byRule[f.Rule] = rt
		}
		switch f.Status {
		case care.Met:
			rt.met++
		case care.Late:
			rt.late++
			rt.daysLate = append(rt.daysLate, float64(f.DaysLate(asOf)))
		case care.Overdue:
			rt.overdue++
			rt.daysLate = append(rt.daysLate, float64(f.DaysLate(asOf)))
		case care.Breach:
			rt.breach++
		}
	}
}

func (t *tally) rates() []RuleRate {
	out := make([]RuleRate, 0, len(t.byRule))
	hundred := decimal.NewFromInt(100)
	for id, rt := range t.byRule {
		r := RuleRate{Rule: id, Met: rt.met, Late: rt.late, Overdue: rt.overdue, Breach: rt.breach}
		r.Applicable = rt.met + rt.late + rt.overdue + rt.breach
		if r.Applicable == 0 {
			continue // only upcoming obligations: nothing has fallen due
		}
		r.Rate = decimal.NewFromInt(int64(rt.met)).Mul(hundred).DivRound(decimal.NewFromInt(int64(r.Applicable)), 1)
		if len(rt.daysLate) > 0 {
			q := stats.Quantiles(rt.daysLate, 0.5, 0.75)
			r.MedianDaysLate = decimal.NewFromFloat(q[0]).Round(1)
			r.UpperQuartileDaysLate = decimal.NewFromFloat(q[1]).Round(1)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b RuleRate) int { return cmp.Compare(a.Rule, b.Rule) })
	return out
}

// aggregator counts results into the cohort's tallies.
type aggregator struct {
	asOf             care.Date
	assessed         int
	invalid, flagged int
	all              *tally
	teams, offices   map[string]*tally
	domains          map[care.Domain]int
}

func newAggregator(asOf care.Date) *aggregator {
	return &aggregator{asOf: asOf, all: newTally(), teams: map[string]*tally{}, offices: map[string]*tally{}, domains: map[care.Domain]int{}}
}

func (a *aggregator) add(res *ChildResult) {
	if res.Err != nil {
		a.invalid++
		return
	}
	a.assessed++
	if res.Drift.Flagged {
		a.flagged++
	}
	a.all.add(res, a.asOf)
	for _, g := range [...]struct {
		m    map[string]*tally
		name string
	}{{a.teams, res.Team}, {a.offices, res.Office}} {
		t := g.m[g.name]
		if t == nil {
			t = newTally()
			g.m[g.name] = t
		}
		t.add(res, a.asOf)
	}
	for i := range res.Report {
		if res.Report[i].Status == care.Overdue {
			a.domains[res.Report[i].Domain]++
		}
	}
}

func (a *aggregator) report(results []ChildResult) CohortReport {
	rep := CohortReport{AsOf: a.asOf, Children: results, Assessed: a.assessed, Invalid: a.invalid, Flagged: a.flagged}
	rep.Rates = a.all.rates()
	rep.ByTeam = groupRates(a.teams)
	rep.ByOffice = groupRates(a.offices)
	for d, n := range a.domains {
		rep.OverdueByDomain = append(rep.OverdueByDomain, DomainCount{Domain: d, Overdue: n})
	}
	slices.SortFunc(rep.OverdueByDomain, func(a, b DomainCount) int { return cmp.Compare(a.Domain, b.Domain) })
	return rep
}

func groupRates(m map[string]*tally) []GroupRates {
	out := make([]GroupRates, 0, len(m))
	for name, t := range m {
		out = append(out, GroupRates{Group: name, Children: t.children, Flagged: t.flagged, Rates: t.rates()})
	}
	slices.SortFunc(out, func(a, b GroupRates) int { return cmp.Compare(a.Group, b.Group) })
	return out
}
