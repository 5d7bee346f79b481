package practice

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice/care"
)

// CohortOptions configures [AssessCohort] and [AssessStream]. The zero
// value assesses the cases one after another in the calling goroutine and
// keeps every child's report.
type CohortOptions struct {
	// Parallelism is how many goroutines assess cases at once: 0 or 1 means
	// none are started; a negative value means one per CPU. The output is
	// the same, byte for byte, whatever the parallelism.
	Parallelism int
	// DiscardReports drops each child's full report once it has been
	// counted, keeping its drift summary (with the live items). A national
	// cohort's reports run to gigabytes; the rates, counts and drift lists
	// are the same either way.
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
	// be read or assessed (it did not decode, failed validation, or a date
	// fell outside the calendar). Such cases are counted in
	// [CohortReport.Invalid].
	Err error `json:"-"`
	// Report is the child's full report, unless the options asked for
	// reports to be discarded.
	Report care.Report `json:"report,omitempty"`
	Drift  Drift       `json:"drift"`
}

// RuleRate is the timeliness of one rule over a group of children: of the
// obligations that fell due (Applicable = Met + Late + Overdue + Missed +
// Breach), how many were met on time. Upcoming obligations are not yet
// applicable.
type RuleRate struct {
	Rule       care.RuleID `json:"rule"`
	Title      string      `json:"title"`
	Applicable int         `json:"applicable"`
	Met        int         `json:"met"`
	Late       int         `json:"late"`
	Overdue    int         `json:"overdue"`
	Missed     int         `json:"missed"`
	Breach     int         `json:"breach"`
	// Rate is Met / Applicable as a percentage rounded half away from zero
	// to one decimal place.
	Rate decimal.Decimal `json:"rate"`
	// MedianDaysLate and UpperQuartileDaysLate describe how late the Late
	// findings were (days from the due date to the date they were done),
	// rounded to one decimal place, by the R-7 method; zero when none was
	// late. Overdue and Missed findings are not in them: they have no date
	// done.
	MedianDaysLate        decimal.Decimal `json:"median_days_late"`
	UpperQuartileDaysLate decimal.Decimal `json:"upper_quartile_days_late"`
}

// GroupRates are the rule rates of one team or office.
type GroupRates struct {
	Group    string `json:"group"`
	Children int    `json:"children"`
	Flagged  int    `json:"flagged"`
	// Applicable and Met sum the group's rates over every rule, and Rate is
	// Met / Applicable as a percentage to one decimal place.
	Applicable int             `json:"applicable"`
	Met        int             `json:"met"`
	Rate       decimal.Decimal `json:"rate"`
	Rates      []RuleRate      `json:"rates"`
}

// DomainCount is the number of live items (see [Drift]) in one domain.
type DomainCount struct {
	Domain care.Domain `json:"domain"`
	Live   int         `json:"live"`
}

// CohortReport is the result of [AssessCohort] and [AssessStream].
type CohortReport struct {
	AsOf care.Date `json:"as_of"`
	// Children holds one result per input case, in input order.
	Children []ChildResult `json:"children"`
	// Assessed and Invalid count the cases assessed and those that could
	// not be (see ChildResult.Err); Flagged counts children flagged for
	// drift; Live, Binding and Statutory count their live items as [Drift]
	// does.
	Assessed  int `json:"assessed"`
	Invalid   int `json:"invalid"`
	Flagged   int `json:"flagged"`
	Live      int `json:"live"`
	Binding   int `json:"binding"`
	Statutory int `json:"statutory"`
	// Rates are the rule rates over the whole cohort, in rule ID order;
	// ByTeam and ByOffice split them, in group name order ("" for cases
	// with no team or office).
	Rates    []RuleRate   `json:"rates"`
	ByTeam   []GroupRates `json:"by_team"`
	ByOffice []GroupRates `json:"by_office"`
	// LiveByDomain counts live items by domain, in domain order.
	LiveByDomain []DomainCount `json:"live_by_domain"`
	// NotAssessed lists the record families that some children's data
	// does not carry (see [Case].Coverage), each with the rules that read
	// it, which were not assessed for those children; Windows lists the
	// dates their data covers, outside which no obligation was assessed.
	// Both are empty when every case's data is complete.
	NotAssessed []Gap    `json:"not_assessed,omitempty"`
	Windows     []Window `json:"windows,omitempty"`
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
// the cohort is still assessed: nothing is dropped. A case whose child ID an
// earlier case already has is reported with a [*DuplicateError] and not
// assessed. The only error returned is for invalid standards or a nil
// calendar, when nothing can be assessed.
func AssessCohort(cases []Case, asOf care.Date, std Standards, cal *care.Calendar, opt CohortOptions) (CohortReport, error) {
	seq := func(yield func(Case, error) bool) {
		for i := range cases {
			if !yield(cases[i], nil) {
				return
			}
		}
	}
	return assessStream(context.Background(), seq, len(cases), asOf, std, cal, opt)
}

// AssessStream is [AssessCohort] over a sequence of cases, such as
// [ReadCohort] gives, so that a national cohort is assessed without being
// held in memory: each case is assessed and let go. An error from the
// sequence is reported as the result of that position (counted in
// Invalid), and the sequence goes on. The output is the same as
// AssessCohort's on the same cases, whatever the parallelism.
//
// It stops when ctx is cancelled and returns ctx's error with the report
// of the cases assessed so far.
func AssessStream(ctx context.Context, cases iter.Seq2[Case, error], asOf care.Date, std Standards, cal *care.Calendar, opt CohortOptions) (CohortReport, error) {
	return assessStream(ctx, cases, 0, asOf, std, cal, opt)
}

// assessStream is AssessStream with the number of cases, when it is known,
// so that the results are allocated once.
func assessStream(ctx context.Context, cases iter.Seq2[Case, error], n int, asOf care.Date, std Standards, cal *care.Calendar, opt CohortOptions) (CohortReport, error) {
	a, err := newAssessors(std, cal)
	if err != nil {
		return CohortReport{}, err
	}
	workers := opt.Parallelism
	if workers < 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, workers)
	// Each worker counts its children into its own tallies, which are
	// merged at the end. Every tally is a count (or a multiset of days,
	// whose quantiles do not depend on order), so the report is the same
	// whatever the parallelism and however the work was shared.
	aggs := make([]*aggregator, workers)
	for w := range aggs {
		aggs[w] = newAggregator(asOf)
	}
	results := make([]ChildResult, 0, n)
	put := func(res ChildResult) {
		for len(results) <= res.Index {
			results = append(results, ChildResult{})
		}
		results[res.Index] = res
	}
	one := func(w *worker, agg *aggregator, i int, c *Case, err error) ChildResult {
		res := ChildResult{Index: i, ChildID: c.Care.Child.ID, Team: c.Team, Office: c.Office}
		if err == nil {
			res.Drift, err = w.assess(a, c, asOf)
		}
		if err != nil {
			res.Err, res.Drift = err, Drift{}
			agg.add(&res, nil)
			return res
		}
		agg.add(&res, w.e.Findings())
		agg.coverage.add(c.Coverage)
		if !opt.DiscardReports {
			res.Report = w.e.Report()
		}
		return res
	}
	if workers == 1 {
		var w worker
		var seen ids
		i := 0
		for c, err := range cases {
			if cerr := ctx.Err(); cerr != nil {
				return aggs[0].report(results), cerr
			}
			put(one(&w, aggs[0], i, &c, seen.check(i, &c, err)))
			i++
		}
		return aggs[0].report(results), ctx.Err()
	}
	type job struct {
		i   int
		c   Case
		err error
	}
	jobs := make(chan job, 2*workers)
	out := make(chan ChildResult, 2*workers)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			var w worker
			for j := range jobs {
				out <- one(&w, aggs[k], j.i, &j.c, j.err)
			}
		})
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(out)
		}()
		var seen ids
		i := 0
		for c, err := range cases {
			select {
			case jobs <- job{i, c, seen.check(i, &c, err)}:
			case <-ctx.Done():
				return
			}
			i++
		}
	}()
	for res := range out {
		put(res)
	}
	agg := aggs[0]
	for _, o := range aggs[1:] {
		agg.merge(o)
	}
	return agg.report(results), ctx.Err()
}

// DuplicateError reports a case whose child ID an earlier case of the
// cohort already has: the first is assessed, and each later one is reported
// with this error and not assessed, so that no child is counted or listed
// twice.
type DuplicateError struct {
	ChildID string
	First   int // the position of the first case with the ID
	Record  int // the position of this one
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("record %d: child %s already appears at record %d; this record is not assessed", e.Record, e.ChildID, e.First)
}

// ids remembers the child IDs of a cohort, in the order their cases come.
type ids map[string]int

// check returns err, or a [*DuplicateError] if case c, at position i,
// names a child already seen.
func (m *ids) check(i int, c *Case, err error) error {
	if err != nil || c.Care.Child.ID == "" {
		return err
	}
	if *m == nil {
		*m = ids{}
	}
	if first, dup := (*m)[c.Care.Child.ID]; dup {
		return &DuplicateError{ChildID: c.Care.Child.ID, First: first, Record: i}
	}
	(*m)[c.Care.Child.ID] = i
	return nil
}

// tally accumulates one group's counts by rule, indexed as its
// aggregator's rule table.
type tally struct {
	children, flagged int
	byRule            []ruleTally
}

type ruleTally struct {
	met, late, overdue, missed, breach int
	daysLate                           delays // of the Late findings
}

// rule returns the counts of the rule with index i, growing the table.
func (t *tally) rule(i int) *ruleTally {
	if i >= len(t.byRule) {
		t.byRule = append(t.byRule, make([]ruleTally, i+1-len(t.byRule))...)
	}
	return &t.byRule[i]
}

// count adds one finding.
func (rt *ruleTally) count(f *care.Finding) {
	switch f.Status {
	case care.Met:
		rt.met++
	case care.Late:
		rt.late++
		rt.daysLate.add(f.Done.DaysSince(f.Due))
	case care.Overdue:
		rt.overdue++
	case care.Missed:
		rt.missed++
	case care.Breach:
		rt.breach++
	}
}

// merge adds o's counts, whose rule n is rules[n], to t, whose rules are
// indexed by index.
func (t *tally) merge(o *tally, rules []*care.Rule, index func(*care.Rule) int) {
	t.children += o.children
	t.flagged += o.flagged
	for n := range o.byRule {
		ort := &o.byRule[n]
		rt := t.rule(index(rules[n]))
		rt.met += ort.met
		rt.late += ort.late
		rt.overdue += ort.overdue
		rt.missed += ort.missed
		rt.breach += ort.breach
		rt.daysLate.merge(&ort.daysLate)
	}
}

var hundred = decimal.NewFromInt(100)

// percent returns met/due as a percentage to one decimal place, and zero
// when due is zero.
func percent(met, due int) decimal.Decimal {
	if due == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(met)).Mul(hundred).DivRound(decimal.NewFromInt(int64(due)), 1)
}

func (t *tally) rates(rules []*care.Rule) []RuleRate {
	out := make([]RuleRate, 0, len(t.byRule))
	for n := range t.byRule {
		rt := &t.byRule[n]
		r := RuleRate{Rule: rules[n].ID, Title: rules[n].Title, Met: rt.met, Late: rt.late, Overdue: rt.overdue,
			Missed: rt.missed, Breach: rt.breach}
		r.Applicable = rt.met + rt.late + rt.overdue + rt.missed + rt.breach
		if r.Applicable == 0 {
			continue // only upcoming obligations (or none): nothing has fallen due
		}
		r.Rate = percent(rt.met, r.Applicable)
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

// aggregator counts results into the cohort's tallies. Each child's
// findings are counted once, into the tally of its team and office
// together; the cohort's, each team's and each office's tallies are sums of
// those, made at the end. Rules are counted by index into the aggregator's
// rule table, found once for each kind of finding.
type aggregator struct {
	asOf               care.Date
	assessed, invalid  int
	flagged, live      int
	binding, statutory int
	rules              []*care.Rule        // the rule table: index → rule
	index              map[care.RuleID]int // ID → index
	byKind             map[*care.Kind]int  // kind → index, filled as kinds are met
	groups             map[group]*tally
	domains            [64]int // live items by domain
	coverage           coverageTally
}

// group is a team and the office it works from, as cases name them.
type group struct{ team, office string }

func newAggregator(asOf care.Date) *aggregator {
	return &aggregator{asOf: asOf, groups: map[group]*tally{}, index: map[care.RuleID]int{}, byKind: map[*care.Kind]int{},
		coverage: coverageTally{}}
}

// kindIndex returns the rule index of findings of kind k. (A cache in
// front of the map, keyed by the kind's address, measured no faster; so
// did keeping the last two kinds at hand in add.)
func (a *aggregator) kindIndex(k *care.Kind) int {
	i, ok := a.byKind[k]
	if !ok {
		i = a.ruleIndex(k.Rule)
		a.byKind[k] = i
	}
	return i
}

// ruleIndex returns the index of rule r, adding it to the table if new.
func (a *aggregator) ruleIndex(r *care.Rule) int {
	if i, ok := a.index[r.ID]; ok {
		return i
	}
	i := len(a.rules)
	a.rules = append(a.rules, r)
	a.index[r.ID] = i
	return i
}

// tallyOf returns the tally of g in m, creating it.
func tallyOf[K comparable](m map[K]*tally, g K) *tally {
	t := m[g]
	if t == nil {
		t = &tally{}
		m[g] = t
	}
	return t
}

// add counts one child's result with its findings (unsorted).
func (a *aggregator) add(res *ChildResult, findings care.Report) {
	if res.Err != nil {
		a.invalid++
		return
	}
	a.assessed++
	d := &res.Drift
	t := tallyOf(a.groups, group{res.Team, res.Office})
	t.children++
	if d.Flagged {
		t.flagged++
		a.flagged++
	}
	a.live += d.Live
	a.binding += d.Binding
	a.statutory += d.Statutory
	for _, f := range d.Findings {
		a.domains[f.Domain()%64]++
	}
	// A family records its findings together, so most findings are of the
	// kind before them: the rule index is looked up when the kind changes.
	var kind *care.Kind
	var rt *ruleTally // the counts of kind's rule, taken with each kind: t.rule may move them
	for i := range findings {
		f := &findings[i]
		if k := f.Kind(); k != kind {
			if k == &driftKind {
				continue
			}
			kind, rt = k, t.rule(a.kindIndex(k))
		}
		rt.count(f)
	}
}

// merge adds o's counts to a.
func (a *aggregator) merge(o *aggregator) {
	a.assessed += o.assessed
	a.invalid += o.invalid
	a.flagged += o.flagged
	a.live += o.live
	a.binding += o.binding
	a.statutory += o.statutory
	for g, t := range o.groups {
		tallyOf(a.groups, g).merge(t, o.rules, a.ruleIndex)
	}
	for d, n := range o.domains {
		a.domains[d] += n
	}
	a.coverage.merge(o.coverage)
}

func (a *aggregator) report(results []ChildResult) CohortReport {
	rep := CohortReport{AsOf: a.asOf, Children: results, Assessed: a.assessed, Invalid: a.invalid, Flagged: a.flagged,
		Live: a.live, Binding: a.binding, Statutory: a.statutory}
	all, teams, offices := &tally{}, map[string]*tally{}, map[string]*tally{}
	for g, t := range a.groups {
		for _, sum := range [...]*tally{all, tallyOf(teams, g.team), tallyOf(offices, g.office)} {
			sum.merge(t, a.rules, a.ruleIndex)
		}
	}
	rep.Rates = all.rates(a.rules)
	rep.ByTeam = groupRates(teams, a.rules)
	rep.ByOffice = groupRates(offices, a.rules)
	for d, n := range a.domains {
		if n > 0 {
			rep.LiveByDomain = append(rep.LiveByDomain, DomainCount{Domain: care.Domain(d), Live: n})
		}
	}
	rep.NotAssessed, rep.Windows = a.coverage.report()
	return rep
}

func groupRates(m map[string]*tally, rules []*care.Rule) []GroupRates {
	out := make([]GroupRates, 0, len(m))
	for name, t := range m {
		g := GroupRates{Group: name, Children: t.children, Flagged: t.flagged, Rates: t.rates(rules)}
		for _, r := range g.Rates {
			g.Applicable += r.Applicable
			g.Met += r.Met
		}
		g.Rate = percent(g.Met, g.Applicable)
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b GroupRates) int { return cmp.Compare(a.Group, b.Group) })
	return out
}
