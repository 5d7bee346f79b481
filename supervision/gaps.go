package supervision

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// Rate is a count of obligations met out of those that applied: supervision
// intervals met on time (SUP-01), reflective discussions (SUP-03), and so
// on. The zero Rate has nothing to count.
type Rate struct {
	Met   int `json:"met"`
	Total int `json:"total"`
}

// Percent returns 100 × Met / Total rounded to places decimal places, a
// half rounded away from zero, and false when Total is 0 (no rate).
func (r Rate) Percent(places int32) (decimal.Decimal, bool) {
	if r.Total == 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(int64(r.Met)*100).DivRound(decimal.NewFromInt(int64(r.Total)), places), true
}

// String returns "12/15 (80.0%)", or "0/0 (n/a)".
func (r Rate) String() string {
	pc, ok := r.Percent(1)
	s := strconv.Itoa(r.Met) + "/" + strconv.Itoa(r.Total)
	if !ok {
		return s + " (n/a)"
	}
	return s + " (" + pc.StringFixed(1) + "%)"
}

func (r Rate) add(o Rate) Rate { return Rate{r.Met + o.Met, r.Total + o.Total} }

// WorkerGaps is one worker's supervision record under SUP-01.
type WorkerGaps struct {
	Worker string `json:"worker"`
	Team   string `json:"team"`
	Office string `json:"office,omitempty"`
	// Status is the worker's status on the assessment date, or on their
	// last day in post if they have left.
	Status WorkerStatus `json:"status"`
	// Sessions counts the sessions that count as supervision, in post and
	// not after the assessment date (several on one day count once).
	Sessions    int       `json:"sessions"`
	LastSession care.Date `json:"last_session,omitzero"`
	// NextDue is the due date of the open interval, zero if none is owed
	// or the worker has left.
	NextDue care.Date `json:"next_due,omitzero"`
	// OnTime is the intervals met on time over the intervals due by the
	// assessment date (Met / Met + Late + Overdue + Missed).
	OnTime Rate `json:"on_time"`
	// LongestDays is the longest interval, in days, between sessions
	// (including from the start in post, and an open interval).
	LongestDays int `json:"longest_days"`
	// Gaps are the intervals longer than allowed, oldest first.
	Gaps []Gap `json:"gaps,omitempty"`
	// Findings are the SUP-01 findings, one per interval, sorted, with
	// subjects such as "workers[3]": Met or Late for an interval a session
	// ended, and for the open interval Upcoming, Overdue, or Missed if the
	// worker has left.
	Findings care.Report `json:"findings,omitempty"`
}

// TeamGaps sums the SUP-01 record of one team.
type TeamGaps struct {
	Team string `json:"team"`
	// Workers counts the team's workers; WithGaps those with at least one
	// gap; OverdueNow those whose open interval is overdue (still in post).
	Workers     int  `json:"workers"`
	WithGaps    int  `json:"with_gaps"`
	OverdueNow  int  `json:"overdue_now"`
	Gaps        int  `json:"gaps"`
	LongestDays int  `json:"longest_days"`
	OnTime      Rate `json:"on_time"`
}

// GapReport is the SUP-01 supervision gap analysis of an authority as of a
// date, per worker and per team.
type GapReport struct {
	AsOf    care.Date    `json:"as_of"`
	Workers []WorkerGaps `json:"workers"`
	Teams   []TeamGaps   `json:"teams"`
}

// supervisionKind is the SUP-01 finding of one interval of a worker's
// supervision ("workers[3]"), from the start in post, the start of the
// records, the last session or a phase of the ASYE. Its window closes when
// the worker leaves.
var supervisionKind = care.Kind{
	Rule: rule(SUP01), What: "supervision", Subject: "workers[]",
	Anchor: "the start in post",
	Anchors: []string{
		fromRecords - 1: "the start of records",
		fromSession - 1: "the supervision",
		fromASYE - 1:    "the start of the ASYE",
		fromWeek6 - 1:   "the start of the ASYE's fortnightly phase",
		fromMonth6 - 1:  "the start of the ASYE's monthly phase",
		fromASYEEnd - 1: "the first day after the ASYE",
	},
	AnchorAt: "sessions[]", DoneAt: "sessions[]",
	Closures: []string{"the worker left"},
}

// The anchors of a SUP-01 interval, as supervisionKind labels them (0 is
// the start in post).
const (
	fromStart = iota
	fromRecords
	fromSession
	fromASYE
	fromWeek6
	fromMonth6
	fromASYEEnd
)

// Gaps computes SUP-01 for every worker who started in post by asOf: each
// interval between supervision sessions, with a finding for each and the
// gaps longer than allowed, and the sums per team. Workers are sorted by
// team and ID, teams by name.
//
// Counting convention: calendar days. Each session starts a new interval
// that ends on the date the interval in force on that day adds to it
// ([Interval.AddTo]); a session on that date is on time. The first interval
// runs from the first day in post, or from [Dataset.Since] if later (a
// worker who left before it is left out). Newly qualified workers follow
// the ASYE schedule (weekly for 6 weeks from the ASYE start, fortnightly to
// 6 months, at least monthly to 12 months); the start of a stricter phase
// starts a competing interval and the earlier due date wins. Several
// sessions on one day count once; sessions after asOf are not yet known.
// Which kinds of session count is set by the policy.
//
// An open interval past its due date is Overdue while the worker is in
// post. The day the worker leaves closes it: it is then Missed, and an
// interval that would fall due on or after that day is not owed. Either
// way it is a gap, measured to the assessment date or the day they left.
//
// Supervision has no statutory frequency: the rule is a local standard
// (SUP-01, [care.SeverityLocal]).
//
// Gaps returns an error, and no report, if p is invalid, asOf is zero, or
// the dataset is invalid ([Dataset.Validate]).
//
// See also [GapReport.String] for the text a manager reads,
// [DiscussionGaps] for the gaps of one child's case (SUP-02), and
// [OversightRates] and [Caseloads] for the other authority-level measures.
func Gaps(d Dataset, asOf care.Date, p Policy) (GapReport, error) {
	if err := check(d, asOf, "as-of date", p); err != nil {
		return GapReport{}, err
	}
	byWorker := sessionsByWorker(d, p)
	rep := GapReport{AsOf: asOf, Workers: make([]WorkerGaps, 0, len(d.Workers))}
	e := care.NewEmitter(asOf)
	var evs []event
	order := byKey(len(d.Workers), func(i int) (string, string) { return d.Workers[i].Team, d.Workers[i].ID })
	for _, wi := range order {
		w := d.Workers[wi]
		c, ok := workerClock(w, d.Since, d.Sessions, byWorker[wi], evs[:0], asOf, p)
		if !ok {
			continue
		}
		evs = c.events
		wg := WorkerGaps{Worker: w.ID, Team: w.Team, Office: w.Office, Sessions: len(evs)}
		on := asOf
		if last, ok := w.InPost().Last(); ok && last.Before(asOf) {
			on = last
		}
		wg.Status = w.StatusOn(on)
		if len(evs) > 0 {
			wg.LastSession = evs[len(evs)-1].date
		}
		e.Reset(asOf)
		for o := range c.walk {
			e.Deadline(&supervisionKind, o.obligation(care.At(wi), w.End))
			wg.LongestDays = max(wg.LongestDays, o.days())
			if g, ok := o.gap(&supervisionKind, w.ID, asOf); ok {
				wg.Gaps = append(wg.Gaps, g)
			}
		}
		wg.Findings = e.Report()
		for _, f := range wg.Findings {
			switch {
			case f.Status == care.Met:
				wg.OnTime = wg.OnTime.add(Rate{1, 1})
			case f.Status.IsFailure():
				wg.OnTime = wg.OnTime.add(Rate{0, 1})
			}
			if f.Status.IsLive() {
				wg.NextDue = f.Due
			}
		}
		rep.Workers = append(rep.Workers, wg)
	}
	rep.Teams = teamGaps(rep.Workers, asOf)
	return rep, nil
}

// workerClock returns the SUP-01 clock of worker w as of asOf, and false
// if no interval of w's is owed by then (not yet in post, or left before
// since). The first interval runs from the start in post, or from since
// (the start of the records) if later; its events, appended to evs, are
// the sessions[idx] (the worker's sessions that count, by date) from that
// start to asOf, the first of each day, each referring to its index in
// sessions.
func workerClock(w Worker, since care.Date, sessions []Session, idx []int, evs []event, asOf care.Date, p Policy) (clock, bool) {
	if w.Start.After(asOf) {
		return clock{}, false
	}
	start, startAs := w.Start, fromStart
	if since.After(start) {
		start, startAs = since, fromRecords
	}
	if !w.End.IsZero() && !start.Before(w.End) {
		return clock{}, false
	}
	for _, si := range idx {
		s := sessions[si]
		if s.Date.After(asOf) {
			break
		}
		if s.Date.Before(start) {
			continue
		}
		if n := len(evs); n > 0 && evs[n-1].date == s.Date {
			continue
		}
		evs = append(evs, event{date: s.Date, at: si})
	}
	return clock{
		start: start, startAs: startAs, eventAs: fromSession, end: w.End, asOf: asOf,
		interval: func(day care.Date) Interval { return p.intervalFor(w, day) },
		phases:   asyePhases(w),
		events:   evs,
	}, true
}

func teamGaps(ws []WorkerGaps, asOf care.Date) []TeamGaps {
	var out []TeamGaps
	for _, wg := range ws { // sorted by team
		if len(out) == 0 || out[len(out)-1].Team != wg.Team {
			out = append(out, TeamGaps{Team: wg.Team})
		}
		t := &out[len(out)-1]
		t.Workers++
		t.Gaps += len(wg.Gaps)
		if len(wg.Gaps) > 0 {
			t.WithGaps++
		}
		if !wg.NextDue.IsZero() && asOf.After(wg.NextDue) {
			t.OverdueNow++
		}
		t.LongestDays = max(t.LongestDays, wg.LongestDays)
		t.OnTime = t.OnTime.add(wg.OnTime)
	}
	return out
}

// Findings returns every SUP-01 finding of the report, sorted ([care.Report.Sort]).
func (r GapReport) Findings() care.Report {
	n := 0
	for _, w := range r.Workers {
		n += len(w.Findings)
	}
	out := make(care.Report, 0, n)
	for _, w := range r.Workers {
		out = append(out, w.Findings...)
	}
	out.Sort()
	return out
}

// String renders the report as text a team manager can read: one block per
// team with its on-time rate, then each worker with gaps, their longest
// interval and each gap.
func (r GapReport) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Supervision gaps (SUP-01) as of %v\n", r.AsOf)
	wi := 0
	for _, t := range r.Teams {
		fmt.Fprintf(&b, "Team %s: %d workers, %d with gaps, %d overdue now; on time %v; longest %d days\n",
			t.Team, t.Workers, t.WithGaps, t.OverdueNow, t.OnTime, t.LongestDays)
		for ; wi < len(r.Workers) && r.Workers[wi].Team == t.Team; wi++ {
			w := r.Workers[wi]
			if len(w.Gaps) == 0 {
				continue
			}
			fmt.Fprintf(&b, "  %s (%v): on time %v; last supervised %v; gaps:\n", w.Worker, w.Status, w.OnTime, dateOrNone(w.LastSession))
			for _, g := range w.Gaps {
				b.WriteString("    ")
				b.WriteString(g.String())
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func dateOrNone(d care.Date) string {
	if d.IsZero() {
		return "never"
	}
	return d.String()
}

// intervalFor returns the SUP-01 interval in force for w on day d.
func (p Policy) intervalFor(w Worker, d care.Date) Interval {
	if w.ASYE.IsZero() || d.Before(w.ASYE) {
		return p.supervision()
	}
	switch {
	case d.Before(w.ASYE.AddDays(7 * asyeFirstWeeks)):
		return p.asyeWeekly()
	case d.Before(w.ASYE.AddMonths(asyeMidMonths)):
		return p.asyeFortnightly()
	case d.Before(w.ASYE.AddMonths(asyeMonths)):
		return p.asyeMonthly()
	}
	return p.supervision()
}

func asyePhases(w Worker) []phase {
	if w.ASYE.IsZero() {
		return nil
	}
	return []phase{
		{w.ASYE, fromASYE},
		{w.ASYE.AddDays(7 * asyeFirstWeeks), fromWeek6},
		{w.ASYE.AddMonths(asyeMidMonths), fromMonth6},
		{w.ASYE.AddMonths(asyeMonths), fromASYEEnd},
	}
}

// sessionsByWorker returns, for each worker index, the indices of the
// sessions that count for SUP-01 under p, sorted by date.
func sessionsByWorker(d Dataset, p Policy) [][]int {
	idx := make(map[string]int, len(d.Workers))
	for i, w := range d.Workers {
		idx[w.ID] = i
	}
	counts := make([]int, len(d.Workers)+1)
	owner := make([]int, len(d.Sessions))
	for i, s := range d.Sessions {
		wi, ok := idx[s.Worker]
		if !ok || !p.counts(s.Kind) {
			owner[i] = -1
			continue
		}
		owner[i] = wi
		counts[wi+1]++
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	flat := make([]int, counts[len(counts)-1])
	fill := slices.Clone(counts[:len(d.Workers)])
	for i, wi := range owner {
		if wi >= 0 {
			flat[fill[wi]] = i
			fill[wi]++
		}
	}
	out := make([][]int, len(d.Workers))
	for wi := range out {
		ss := flat[counts[wi]:counts[wi+1]:counts[wi+1]]
		slices.SortStableFunc(ss, func(a, b int) int { return d.Sessions[a].Date.Compare(d.Sessions[b].Date) })
		out[wi] = ss
	}
	return out
}

// byKey returns the indices 0..n-1 sorted by the pair key(i).
func byKey(n int, key func(int) (string, string)) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		a1, a2 := key(a)
		b1, b2 := key(b)
		if c := cmp.Compare(a1, b1); c != 0 {
			return c
		}
		return cmp.Compare(a2, b2)
	})
	return idx
}

// check validates the policy, the date and the dataset.
func check(d Dataset, day care.Date, what string, p Policy) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("supervision: policy: %w", err)
	}
	if day.IsZero() {
		return fmt.Errorf("supervision: %s: %w", what, care.ErrRequired)
	}
	return d.Validate()
}
