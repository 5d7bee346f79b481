package permanence

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/internal/arena"
)

// Inputs are the facts from outside the permanence record that the rules
// need: the child, the SSDA903 episodes (for periods of care, legal status
// and placements) and the date of the second looked-after review, which
// package review computes and the caller passes in.
type Inputs struct {
	Child    care.Child     `json:"child"`
	Episodes []care.Episode `json:"episodes,omitempty"`
	// SecondReview is the date the second looked-after review of the
	// current period of care was held, or is due if it has not been held;
	// zero if unknown. PERM-01 is evaluated only when it is set.
	SecondReview care.Date `json:"second_review,omitzero"`
}

// ErrNoAsOf reports a calculation asked for with a zero as-of date.
var ErrNoAsOf = errors.New("permanence: the as-of date is required")

// Assess evaluates PERM-01 to PERM-08 for one child as of asOf and returns
// the findings sorted by due date and rule ID. Only records dated on or
// before asOf count as done.
//
// Counting conventions: weeks are 7 calendar days (PERM-04, the 4-week
// adoption review), months are corresponding dates clamped to the month's
// end ([care.Date.AddMonths]), and a deadline met on its due date is met on
// time. The plan of the current period of care is the transitions dated
// after the end of the previous period of care, so a child who returned home
// and came back into care starts a new plan.
//
// cal is read only when p.ProceedingsShift is [ShiftNextWorkingDay]; it may
// then not be nil. Assess returns an error, and no report, if asOf is zero,
// p is invalid ([Policy.Validate]), the record or the episodes are invalid
// ([Record.Validate], [care.ValidateEpisodes]), or a date it needs is
// outside the calendar (wrapping [care.ErrOutsideCalendar]).
//
// See also [Track], [Rules].
func Assess(rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	// The findings are gathered in scratch, then copied to a report of
	// exactly their number.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	rep, err := AppendAssessment(sc.rep[:0], rec, in, asOf, cal, p)
	if err != nil {
		return nil, err
	}
	sc.rep = rep
	out := make(care.Report, len(rep))
	copy(out, rep)
	out.Sort()
	return out, nil
}

// AppendAssessment is [Assess] appending its findings, unsorted, to dst:
// for callers that gather several packages' findings into one report and
// sort it once. On error it returns dst unchanged.
func AppendAssessment(dst care.Report, rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	if err := check(rec, in, asOf, p); err != nil {
		return dst, err
	}
	v := newView(rec, in, asOf)
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	a := run{rep: slices.Grow(dst, 8+len(rec.Plan.Transitions)+len(rec.Adoption.Reviews)), ev: sc.ev[:0]}
	err := assess(&a, rec, in, &v, asOf, cal, p)
	sc.ev = a.ev
	if err != nil {
		// The findings gathered so far point into the scratch evidence.
		clear(a.rep[len(dst):])
		return dst, err
	}
	arena.Settle(a.rep[len(dst):])
	return a.rep, nil
}

// run gathers one child's findings: the report they are appended to, and
// the evidence they point into, in scratch memory, until arena.Settle
// moves it out (or, for the tracker, until the findings are dropped).
type run struct {
	rep care.Report
	ev  []care.Evidence
}

// add appends f with the evidence gathered since start, its capacity
// capped so that one finding's evidence cannot overwrite another's.
func (a *run) add(f *care.Finding, start int) {
	f.Evidence = a.ev[start:len(a.ev):len(a.ev)]
	a.rep = append(a.rep, *f)
}

// scratch is the working memory of one assessment, reused through
// scratchPool: the findings' evidence while it is gathered and, for the
// tracker, the findings themselves. Nothing a returned finding or row
// references lives in it.
type scratch struct {
	ev  []care.Evidence
	rep care.Report
}

var scratchPool = sync.Pool{New: func() any { return &scratch{ev: make([]care.Evidence, 0, 32)} }}

// maxPooled is the largest evidence buffer returned to the pool, so that
// one outsized record does not pin its memory.
const maxPooled = 1024

// reset clears what the scratch holds, so that it keeps no finding's
// strings alive, and empties it. Past their lengths, its buffers are
// always clear.
func (sc *scratch) reset() {
	clear(sc.ev)
	sc.ev = sc.ev[:0]
	clear(sc.rep)
	sc.rep = sc.rep[:0]
}

// release resets the scratch and returns it to the pool.
func (sc *scratch) release() {
	sc.reset()
	if cap(sc.ev) > maxPooled || cap(sc.rep) > maxPooled {
		return
	}
	scratchPool.Put(sc)
}

func check(rec Record, in Inputs, asOf care.Date, p Policy) error {
	if asOf.IsZero() {
		return ErrNoAsOf
	}
	if err := p.Validate(); err != nil {
		return fmt.Errorf("permanence: policy: %w", err)
	}
	var errs care.ValidationErrors
	errs.Merge("", rec.Validate())
	errs = append(errs, care.ValidateEpisodes("episodes", in.Episodes, in.Child.DateOfBirth)...)
	return errs.Err()
}

func assess(a *run, rec Record, in Inputs, v *view, asOf care.Date, cal *care.Calendar, p Policy) error {
	assessPlanRecorded(a, in, v, asOf)
	assessParallel(a, rec, v, p)
	assessDrift(a, rec, v, asOf, p)
	if err := assessProceedings(a, rec, asOf, cal, p); err != nil {
		return err
	}
	assessTimeliness(a, rec, v, asOf, p)
	assessSGO(a, rec, asOf, p)
	assessAdoptionReviews(a, rec.Adoption, asOf)
	assessSection20(a, in, v, asOf, p)
	return nil
}

// finding is [care.Deadline.Finding] without its evidence, which the
// caller gathers in the run: the anchor ([anchorOf]) and any more.
func finding(r *care.Rule, d care.Deadline, subject string, done, asOf care.Date) care.Finding {
	f := care.NewFinding(*r, subject, d.Evaluate(done, asOf))
	f.Due = d.Due
	if f.Status == care.Met || f.Status == care.Late {
		f.Done = done
	}
	f.Deadline = d
	f.Message = r.Title
	return f
}

// anchorOf is the evidence of a deadline's anchor, with its record path.
func anchorOf(d care.Deadline, ref string) care.Evidence {
	return care.Evidence{Label: d.AnchorLabel, Date: d.Anchor, Ref: ref}
}

// routeState is where one route of the current plan stands.
type routeState struct {
	state State
	since care.Date // date of its latest transition
	idx   int       // index of that transition in the plan
}

// view is what the rules need to know about the child's current plan and
// period of care, computed once in one pass over the record.
type view struct {
	hasEpisodes bool
	// period is the current period of care (the latest starting on or
	// before asOf); ok is false when there is none.
	period   care.Period
	periodOK bool
	// lookedAfter: looked after on asOf, or no episodes were given (the
	// caller vouches for it).
	lookedAfter bool
	// first and last+1 index the transitions of the current plan dated on
	// or before asOf.
	first, end int
	// recorded is the date the plan for permanence was recorded (the first
	// primary route), with the transition's index; zero if none.
	recorded    care.Date
	recordedIdx int
	routes      [len(routeNames)]routeState
	primary     Route
}

func newView(rec Record, in Inputs, asOf care.Date) view {
	v := view{hasEpisodes: len(in.Episodes) > 0}
	var prevEnd care.Date
	if v.hasEpisodes {
		v.period, prevEnd, v.periodOK = currentPeriod(in.Episodes, asOf)
		v.lookedAfter = v.periodOK && v.period.Contains(asOf)
	} else {
		v.lookedAfter = true
	}
	ts := rec.Plan.Transitions
	v.first = len(ts)
	for i, t := range ts {
		if t.Date.After(prevEnd) {
			v.first = i
			break
		}
	}
	v.end = v.first
	v.recordedIdx = -1
	for i := v.first; i < len(ts); i++ {
		t := ts[i]
		if t.Date.After(asOf) {
			break
		}
		v.end = i + 1
		if !t.Route.IsKnown() {
			continue
		}
		v.routes[t.Route] = routeState{state: t.State, since: t.Date, idx: i}
		switch {
		case t.Primary:
			v.primary = t.Route
			if v.recorded.IsZero() {
				v.recorded, v.recordedIdx = t.Date, i
			}
		case t.Route == v.primary && t.State == StateRuledOut:
			v.primary = RouteUnknown
		}
	}
	return v
}

// currentPeriod returns the latest period of care starting on or before
// asOf and the end of the period before it (zero if none).
func currentPeriod(eps []care.Episode, asOf care.Date) (cur care.Period, prevEnd care.Date, ok bool) {
	for i, e := range eps {
		if e.Start.After(asOf) {
			break
		}
		if i == 0 || !e.Start.Equal(eps[i-1].End) {
			if ok {
				prevEnd = cur.End
			}
			cur, ok = care.Period{Start: e.Start, End: e.End}, true
			continue
		}
		cur.End = e.End
	}
	return cur, prevEnd, ok
}

func transitionRef(i int) string { return transitionRefs.At(i) }

// PERM-01.
func assessPlanRecorded(a *run, in Inputs, v *view, asOf care.Date) {
	if in.SecondReview.IsZero() || care.IsShortBreakOnly(in.Episodes) {
		return
	}
	r := rule(PERM01)
	if !r.InForceOn(in.SecondReview) {
		return
	}
	d := care.Deadline{Rule: PERM01, Due: in.SecondReview, Anchor: in.SecondReview,
		AnchorLabel: "second looked-after review", Unit: care.Days}
	f := finding(r, d, "plan", v.recorded, asOf)
	start := len(a.ev)
	a.ev = append(a.ev, anchorOf(d, ""))
	if !f.Done.IsZero() {
		a.ev = append(a.ev, care.Evidence{Label: "plan for permanence recorded", Date: v.recorded, Ref: transitionRef(v.recordedIdx)})
	}
	a.add(&f, start)
}

// PERM-02.
func assessParallel(a *run, rec Record, v *view, p Policy) {
	if !v.lookedAfter || v.primary == RouteUnknown {
		return
	}
	ps := v.routes[v.primary]
	if !ps.state.IsOpen() || ps.state >= StateOrderMade || !p.isUncertain(v.primary) {
		return
	}
	ts := rec.Plan.Transitions
	f := care.NewFinding(*rule(PERM02), "plan", care.Breach)
	start := len(a.ev)
	a.ev = append(a.ev, care.Evidence{Label: primaryRouteLabel(ts[ps.idx]), Date: ps.since, Ref: transitionRef(ps.idx)})
	for r := RouteReturnHome; int(r) < len(v.routes); r++ {
		s := v.routes[r]
		if r == v.primary || !s.state.IsActive() {
			continue
		}
		f.Status = care.Met
		a.ev = append(a.ev, care.Evidence{Label: parallelRouteLabel(ts[s.idx]), Date: s.since, Ref: transitionRef(s.idx)})
		f.Message = parallelMessage(v.primary)
		a.add(&f, start)
		return
	}
	f.Message = noParallelMessage(v.primary, ps.state)
	a.add(&f, start)
}

// PERM-03.
func assessDrift(a *run, rec Record, v *view, asOf care.Date, p Policy) {
	ts := rec.Plan.Transitions
	if v.first >= v.end {
		return
	}
	r := rule(PERM03)
	months := p.driftMonths()
	var open [len(routeNames)]bool
	nOpen := 0
	for i := v.first; i < v.end; {
		// Apply every transition of the day, then see whether the plan is
		// still open and, if so, when the next movement is due.
		day := ts[i].Date
		last := i
		for ; i < v.end && ts[i].Date.Equal(day); i++ {
			t := ts[i]
			if !t.Route.IsKnown() {
				continue
			}
			if was, now := open[t.Route], t.State.IsOpen(); was != now {
				open[t.Route] = now
				if now {
					nOpen++
				} else {
					nOpen--
				}
			}
			last = i
		}
		if nOpen == 0 {
			continue
		}
		d := care.Deadline{Rule: PERM03, Due: day.AddMonths(months), Anchor: day,
			AnchorLabel: driftLabel(ts[last]), Count: months, Unit: care.Months}
		var next care.Date
		if i < v.end {
			next = ts[i].Date
		} else if !v.lookedAfter {
			return // the child has left care: the plan no longer runs
		}
		f := finding(r, d, "plan", next, asOf)
		start := len(a.ev)
		a.ev = append(a.ev, anchorOf(d, transitionRef(last)))
		if next.IsZero() {
			// The message is built in one buffer, on the stack unless it
			// is unusually long, and copied once into its string.
			var buf [256]byte
			b := append(buf[:0], "no movement on the plan since "...)
			b, _ = day.AppendText(b)
			b = append(b, "; open routes:"...)
			for rt := RouteReturnHome; int(rt) < len(open); rt++ {
				if !open[rt] {
					continue
				}
				s := v.routes[rt]
				b = append(b, ' ')
				b = append(b, rt.String()...)
				b = append(b, " ("...)
				b = append(b, s.state.String()...)
				b = append(b, " since "...)
				b, _ = s.since.AppendText(b)
				b = append(b, ')')
				a.ev = append(a.ev, care.Evidence{Label: openRouteLabel(ts[s.idx]), Date: s.since, Ref: transitionRef(s.idx)})
			}
			f.Message = string(b)
		}
		a.add(&f, start)
	}
}

// PERM-04.
func assessProceedings(a *run, rec Record, asOf care.Date, cal *care.Calendar, p Policy) error {
	r := rule(PERM04)
	weeks := p.proceedingsWeeks()
	for i, pr := range rec.Proceedings {
		if pr.Issued.After(asOf) || !r.InForceOn(pr.Issued) {
			continue
		}
		days := 7 * weeks
		subject := proceedingsRefs.At(i)
		start := len(a.ev)
		a.ev = append(a.ev, care.Evidence{Label: "application issued", Date: pr.Issued, Ref: subject})
		for j, e := range pr.Extensions {
			if e.Granted.After(asOf) {
				continue
			}
			days += e.Days
			a.ev = append(a.ev, care.Evidence{Label: extensionLabel(e.Days), Date: e.Granted, Ref: extensionRef(subject, j)})
		}
		d := care.Deadline{Rule: PERM04, Due: pr.Issued.AddDays(days), Anchor: pr.Issued,
			AnchorLabel: "application issued", Count: days, Unit: care.Days}
		if days%7 == 0 {
			d.Count, d.Unit = days/7, care.Weeks
		}
		if p.ProceedingsShift == ShiftNextWorkingDay {
			due, err := nextWorkingDay(cal, d.Due)
			if err != nil {
				return fmt.Errorf("permanence: %s: %w", subject, err)
			}
			if !due.Equal(d.Due) {
				var buf [96]byte
				b := append(buf[:0], "limit falls on a non-working day "...)
				b, _ = d.Due.AppendText(b)
				b = append(b, "; moved to the next working day"...)
				a.ev = append(a.ev, care.Evidence{Label: string(b), Date: due})
			}
			d.Due = due
		}
		f := finding(r, d, subject, pr.FinalOrder, asOf)
		if !f.Done.IsZero() {
			a.ev = append(a.ev, care.Evidence{Label: finalOrderLabel(pr.FinalOrderKind), Date: pr.FinalOrder, Ref: subject})
		}
		a.add(&f, start)
	}
	return nil
}

// nextWorkingDay returns d if it is a working day of cal, else the next one.
func nextWorkingDay(cal *care.Calendar, d care.Date) (care.Date, error) {
	if cal == nil {
		return care.Date{}, fmt.Errorf("%w: no calendar given", care.ErrOutsideCalendar)
	}
	if cal.IsWorkingDay(d) {
		return d, nil
	}
	return cal.AddWorkingDays(d, 1)
}

// PERM-05: A1 and A2 for one child.
func assessTimeliness(a *run, rec Record, v *view, asOf care.Date, p Policy) {
	ad := rec.Adoption
	r := rule(PERM05)
	ts := p.thresholds()
	// A2: authority to place to match.
	if po := ad.PlacementOrder; !po.IsZero() && !po.After(asOf) {
		done := doneBy(ad.Match, asOf)
		lapsed := done.IsZero() && !ad.Revoked.IsZero() && !ad.Revoked.After(asOf)
		if !done.IsZero() && done.Before(po) {
			done = po // a match before the authority counts as 0 days
		}
		end := done
		if end.IsZero() {
			end = asOf
		}
		if th, ok := ThresholdFor(ts, A2, end); ok && !lapsed && r.InForceOn(end) {
			thresholdFinding(a, r, th, po, "authority to place", done, asOf, "adoption.placement_order", "A2", "adoption A2")
		}
	}
	// A1: entering care to moving in with the adopters.
	if !onAdoptionTrack(ad, v) {
		return
	}
	placed := doneBy(ad.Placed, asOf)
	if placed.IsZero() && (!doneBy(ad.Revoked, asOf).IsZero() || !doneBy(ad.AdoptionOrder, asOf).IsZero()) {
		return
	}
	start, ok := v.period.Start, v.periodOK
	if !placed.IsZero() {
		start, ok = entryBefore(v, placed)
	}
	if !ok {
		return
	}
	end := placed
	if end.IsZero() {
		end = asOf
	}
	if th, ok := ThresholdFor(ts, A1, end); ok && r.InForceOn(end) {
		thresholdFinding(a, r, th, start, "entered care", placed, asOf, "episodes", "A1", "adoption A1")
	}
}

// entryBefore returns the start of the period of care containing day d; it
// is the current period in every valid record where the child was placed
// during it.
func entryBefore(v *view, d care.Date) (care.Date, bool) {
	if v.periodOK && v.period.Contains(d) {
		return v.period.Start, true
	}
	return care.Date{}, false
}

func onAdoptionTrack(a Adoption, v *view) bool {
	if !a.PlacementOrder.IsZero() || !a.Placed.IsZero() {
		return true
	}
	s := v.routes[RouteAdoption]
	return v.primary == RouteAdoption && s.state >= StateAgreed && s.state.IsOpen()
}

func doneBy(d, asOf care.Date) care.Date {
	if d.After(asOf) {
		return care.Date{}
	}
	return d
}

// thresholdFinding adds the PERM-05 finding of one measure; subject is
// "adoption " + measure.
func thresholdFinding(a *run, r *care.Rule, th Threshold, start care.Date, label string, done, asOf care.Date, ref, measure, subject string) {
	d := care.Deadline{Rule: r.ID, Due: th.Due(start), Anchor: start, AnchorLabel: label, Count: th.Months, Unit: care.Months}
	if th.Months == 0 {
		d.Count, d.Unit = th.Days, care.Days
	}
	f := finding(r, d, subject, done, asOf)
	var buf [192]byte
	b := append(buf[:0], "threshold "...)
	b = th.appendText(b)
	b = append(b, ": "...)
	b = append(b, th.Source...)
	at := len(a.ev)
	a.ev = append(a.ev, anchorOf(d, ref), care.Evidence{Label: string(b)})
	b = append(buf[:0], measure...)
	b = append(b, " within the scorecard threshold ("...)
	b = th.appendText(b)
	b = append(b, ')')
	f.Message = string(b)
	a.add(&f, at)
}

// PERM-06.
func assessSGO(a *run, rec Record, asOf care.Date, p Policy) {
	r := rule(PERM06)
	months := p.sgoReportMonths()
	for i, s := range rec.SpecialGuardianship {
		if s.Notice.After(asOf) {
			continue
		}
		d := care.Deadline{Rule: PERM06, Due: s.Notice.AddMonths(months), Anchor: s.Notice,
			AnchorLabel: "special guardianship notice", Count: months, Unit: care.Months}
		report := doneBy(s.Report, asOf)
		if w := doneBy(s.Withdrawn, asOf); !w.IsZero() && (report.IsZero() || w.Before(report)) && !w.After(d.Due) {
			continue // withdrawn in time: no report was owed
		}
		subject := sgoRefs.At(i)
		f := finding(r, d, subject, report, asOf)
		start := len(a.ev)
		a.ev = append(a.ev, anchorOf(d, subject))
		a.add(&f, start)
	}
}

// step is one interval of a review schedule.
type step struct {
	count int
	unit  care.Unit
}

func (s step) from(d care.Date) care.Date {
	switch s.unit {
	case care.Weeks:
		return d.AddDays(7 * s.count)
	case care.Months:
		return d.AddMonths(s.count)
	}
	return d.AddDays(s.count)
}

var (
	beforePlacement = [...]step{{3, care.Months}, {6, care.Months}}
	afterPlacement  = [...]step{{4, care.Weeks}, {3, care.Months}, {6, care.Months}}
)

// PERM-07.
func assessAdoptionReviews(a *run, ad Adoption, asOf care.Date) {
	r := rule(PERM07)
	placed := doneBy(ad.Placed, asOf)
	if po := ad.PlacementOrder; !po.IsZero() && !po.After(asOf) && (placed.IsZero() || po.Before(placed)) {
		end := placed
		if rv := doneBy(ad.Revoked, asOf); !rv.IsZero() && (end.IsZero() || rv.Before(end)) {
			end = rv
		}
		reviewChain(a, r, ad.Reviews, po, "authority to place", end, beforePlacement[:], asOf)
	}
	if !placed.IsZero() {
		end := doneBy(ad.AdoptionOrder, asOf)
		if ds := doneBy(ad.Disrupted, asOf); !ds.IsZero() && (end.IsZero() || ds.Before(end)) {
			end = ds
		}
		reviewChain(a, r, ad.Reviews, placed, "placed for adoption", end, afterPlacement[:], asOf)
	}
}

// reviewChain evaluates one phase [start, end) of adoption reviews (end zero
// while it runs): each review is due one step after the previous review
// held (the first, one step after start), the last step repeating. Reviews
// held on or after start and before end count. When the phase ended before
// a review fell due, none was owed.
func reviewChain(a *run, r *care.Rule, reviews []care.Date, start care.Date, label string, end care.Date, steps []step, asOf care.Date) {
	j := 0
	for j < len(reviews) && reviews[j].Before(start) {
		j++
	}
	anchor, k := start, 0
	for {
		s := steps[min(k, len(steps)-1)]
		d := care.Deadline{Rule: PERM07, Due: s.from(anchor), Anchor: anchor, AnchorLabel: label, Count: s.count, Unit: s.unit}
		var held care.Date
		if j < len(reviews) && !reviews[j].After(asOf) && (end.IsZero() || reviews[j].Before(end)) {
			held = reviews[j]
		}
		if held.IsZero() && !end.IsZero() && !end.After(d.Due) {
			return // the phase ended before the review fell due
		}
		ref := ""
		if k > 0 {
			ref = reviewRefs.At(j - 1)
		}
		f := finding(r, d, "adoption reviews", held, asOf)
		start := len(a.ev)
		a.ev = append(a.ev, anchorOf(d, ref))
		if !held.IsZero() {
			a.ev = append(a.ev, care.Evidence{Label: "adoption review held", Date: held, Ref: reviewRefs.At(j)})
		}
		a.add(&f, start)
		if held.IsZero() {
			return
		}
		anchor, label, k, j = held, "previous adoption review", k+1, j+1
	}
}

// PERM-08.
func assessSection20(a *run, in Inputs, v *view, asOf care.Date, p Policy) {
	if !v.periodOK {
		return
	}
	r := rule(PERM08)
	months := p.section20Months()
	eps := in.Episodes
	for i := 0; i < len(eps); i++ {
		e := eps[i]
		if e.Start.After(asOf) {
			break
		}
		if e.Start.Before(v.period.Start) || !e.LegalStatus.IsSection20() {
			continue
		}
		// A run of continuous s.20 episodes starting at i.
		first := i
		runEnd := e.End
		for i+1 < len(eps) && eps[i+1].LegalStatus.IsSection20() && !runEnd.IsZero() && eps[i+1].Start.Equal(runEnd) {
			i++
			runEnd = eps[i].End
		}
		d := care.Deadline{Rule: PERM08, Due: e.Start.AddMonths(months), Anchor: e.Start,
			AnchorLabel: "accommodated under s.20", Count: months, Unit: care.Months}
		if !r.InForceOn(d.Due) {
			continue
		}
		if !runEnd.IsZero() && !runEnd.After(d.Due) && !runEnd.After(asOf) {
			continue // the s.20 accommodation ended within the window
		}
		subject := episodeRefs.At(first)
		f := finding(r, d, subject, v.recorded, asOf)
		start := len(a.ev)
		a.ev = append(a.ev, anchorOf(d, subject))
		if !f.Done.IsZero() {
			a.ev = append(a.ev, care.Evidence{Label: "plan for permanence recorded", Date: v.recorded, Ref: transitionRef(v.recordedIdx)})
		}
		a.add(&f, start)
	}
}
