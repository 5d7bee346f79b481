package practice

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

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
	// findings, in memory of their own). A national cohort's reports run
	// to gigabytes; the rates, counts and drift lists are the same either
	// way, and the run is several times faster, as no sorted report is
	// built and the garbage collector has no reports to mark.
	DiscardReports bool
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
	workers := opt.Parallelism
	if workers < 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(cases)))
	// Each worker counts its children into its own tallies, which are
	// merged at the end. Every tally is a count (or a multiset of days,
	// whose quantiles do not depend on order), so the report is the same
	// whatever the parallelism and however the work was shared.
	aggs := make([]*aggregator, workers)
	work := func(w int, next func() (int, bool)) {
		agg := newAggregator(asOf)
		aggs[w] = agg
		var wk worker
		k := keepReportAndDrift
		if opt.DiscardReports {
			k = keepDrift
		}
		for {
			i, ok := next()
			if !ok {
				return
			}
			c := &cases[i]
			res := ChildResult{Index: i, ChildID: c.Child.ID, Team: c.Team, Office: c.Office}
			rep, drift, err := wk.assess(c, asOf, std, cal, k)
			if err != nil {
				res.Err = err
			} else {
				res.Report, res.Drift = rep, drift
			}
			agg.add(&res)
			if opt.DiscardReports {
				res.Report = nil // the worker's scratch, counted and let go
				// The drift summary outlives the report: let it keep only
				// its own memory.
				res.Drift = res.Drift.detach()
			}
			results[i] = res
		}
	}
	if workers == 1 {
		i := 0
		work(0, func() (int, bool) {
			i++
			return i - 1, i <= len(cases)
		})
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				work(w, func() (int, bool) {
					i := int(next.Add(1) - 1)
					return i, i < len(cases)
				})
			})
		}
		wg.Wait()
	}
	agg := aggs[0]
	for _, a := range aggs[1:] {
		agg.merge(a)
	}
	return agg.report(results), nil
}

// tally accumulates one group's counts by rule, indexed as its
// aggregator's rule table.
type tally struct {
	children, flagged int
	byRule            []ruleTally
}

type ruleTally struct {
	met, late, overdue, breach int
	daysLate                   delays
}

// rule returns the counts of the rule with index i, growing the table.
func (t *tally) rule(i int) *ruleTally {
	if i >= len(t.byRule) {
		t.byRule = append(t.byRule, make([]ruleTally, i+1-len(t.byRule))...)
	}
	return &t.byRule[i]
}

// count adds one finding with its status and days late.
func (rt *ruleTally) count(st care.Status, daysLate int) {
	switch st {
	case care.Met:
		rt.met++
	case care.Late:
		rt.late++
		rt.daysLate.add(daysLate)
	case care.Overdue:
		rt.overdue++
		rt.daysLate.add(daysLate)
	case care.Breach:
		rt.breach++
	}
}

// merge adds o's counts, whose rule n is named by rules[n], to t, whose
// rule is indexed by index.
func (t *tally) merge(o *tally, rules []care.RuleID, index func(care.RuleID) int) {
	t.children += o.children
	t.flagged += o.flagged
	for n := range o.byRule {
		ort := &o.byRule[n]
		rt := t.rule(index(rules[n]))
		rt.met += ort.met
		rt.late += ort.late
		rt.overdue += ort.overdue
		rt.breach += ort.breach
		rt.daysLate.merge(&ort.daysLate)
	}
}

func (t *tally) rates(rules []care.RuleID) []RuleRate {
	out := make([]RuleRate, 0, len(t.byRule))
	hundred := decimal.NewFromInt(100)
	for n := range t.byRule {
		rt := &t.byRule[n]
		r := RuleRate{Rule: rules[n], Met: rt.met, Late: rt.late, Overdue: rt.overdue, Breach: rt.breach}
		r.Applicable = rt.met + rt.late + rt.overdue + rt.breach
		if r.Applicable == 0 {
			continue // only upcoming obligations (or none): nothing has fallen due
		}
		r.Rate = decimal.NewFromInt(int64(rt.met)).Mul(hundred).DivRound(decimal.NewFromInt(int64(r.Applicable)), 1)
		if rt.daysLate.n > 0 {
			q := rt.daysLate.quantiles(0.5, 0.75)
			r.MedianDaysLate = decimal.NewFromFloat(q[0]).Round(1)
			r.UpperQuartileDaysLate = decimal.NewFromFloat(q[1]).Round(1)
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b RuleRate) int { return cmp.Compare(a.Rule, b.Rule) })
	return out
}

// aggregator counts results into the cohort's tallies. Rules are counted
// by index into its rule table, looked up once a finding for all three
// tallies it counts in.
type aggregator struct {
	asOf             care.Date
	assessed         int
	invalid, flagged int
	rules            []care.RuleID       // the rule table: index → ID
	index            map[care.RuleID]int // ID → index
	cache            [128]cachedRule     // see cachedIndex
	all              *tally
	teams, offices   map[string]*tally
	domains          [256]int // overdue findings by domain
}

type cachedRule struct {
	id  care.RuleID
	idx int
	ok  bool
}

func newAggregator(asOf care.Date) *aggregator {
	a := &aggregator{asOf: asOf, all: &tally{}, teams: map[string]*tally{}, offices: map[string]*tally{},
		index: map[care.RuleID]int{}}
	for _, r := range Rules() {
		a.ruleIndex(r.ID)
	}
	return a
}

// cachedIndex is ruleIndex through a small direct-mapped cache keyed by
// the ID's length and first bytes, which saves a map lookup for almost
// every finding.
func (a *aggregator) cachedIndex(id care.RuleID) int {
	h := uint(len(id))
	for k := 0; k < len(id) && k < 8; k++ {
		h = h*31 + uint(id[k])
	}
	c := &a.cache[h%uint(len(a.cache))]
	if c.ok && c.id == id {
		return c.idx
	}
	i := a.ruleIndex(id)
	*c = cachedRule{id: id, idx: i, ok: true}
	return i
}

// ruleIndex returns the index of rule id, adding it to the table if new.
func (a *aggregator) ruleIndex(id care.RuleID) int {
	if i, ok := a.index[id]; ok {
		return i
	}
	i := len(a.rules)
	a.rules = append(a.rules, id)
	a.index[id] = i
	return i
}

// group returns the tally of the named group in m, creating it.
func group(m map[string]*tally, name string) *tally {
	t := m[name]
	if t == nil {
		t = &tally{}
		m[name] = t
	}
	return t
}

func (a *aggregator) add(res *ChildResult) {
	if res.Err != nil {
		a.invalid++
		return
	}
	a.assessed++
	team, office := group(a.teams, res.Team), group(a.offices, res.Office)
	tallies := [...]*tally{a.all, team, office}
	for _, t := range tallies {
		t.children++
		if res.Drift.Flagged {
			t.flagged++
		}
	}
	if res.Drift.Flagged {
		a.flagged++
	}
	for i := range res.Report {
		f := &res.Report[i]
		if f.Status == care.Overdue {
			a.domains[f.Domain]++
		}
		if f.Rule == RuleDrift {
			continue
		}
		idx := a.cachedIndex(f.Rule)
		late := 0
		if f.Status == care.Late || f.Status == care.Overdue {
			late = f.DaysLate(a.asOf)
		}
		for _, t := range tallies {
			t.rule(idx).count(f.Status, late)
		}
	}
}

// merge adds o's counts to a.
func (a *aggregator) merge(o *aggregator) {
	a.assessed += o.assessed
	a.invalid += o.invalid
	a.flagged += o.flagged
	a.all.merge(o.all, o.rules, a.ruleIndex)
	for _, g := range [...]struct{ dst, src map[string]*tally }{{a.teams, o.teams}, {a.offices, o.offices}} {
		for name, t := range g.src {
			group(g.dst, name).merge(t, o.rules, a.ruleIndex)
		}
	}
	for d, n := range o.domains {
		a.domains[d] += n
	}
}

func (a *aggregator) report(results []ChildResult) CohortReport {
	rep := CohortReport{AsOf: a.asOf, Children: results, Assessed: a.assessed, Invalid: a.invalid, Flagged: a.flagged}
	rep.Rates = a.all.rates(a.rules)
	rep.ByTeam = groupRates(a.teams, a.rules)
	rep.ByOffice = groupRates(a.offices, a.rules)
	for d, n := range a.domains {
		if n > 0 {
			rep.OverdueByDomain = append(rep.OverdueByDomain, DomainCount{Domain: care.Domain(d), Overdue: n})
		}
	}
	return rep
}

func groupRates(m map[string]*tally, rules []care.RuleID) []GroupRates {
	out := make([]GroupRates, 0, len(m))
	for name, t := range m {
		out = append(out, GroupRates{Group: name, Children: t.children, Flagged: t.flagged, Rates: t.rates(rules)})
	}
	slices.SortFunc(out, func(a, b GroupRates) int { return cmp.Compare(a.Group, b.Group) })
	return out
}
