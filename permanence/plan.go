package permanence

import (
	"github.com/lookedafter/practice/care"
)

// This file holds the rules about the plan for permanence itself: that
// there is one by the second review (PERM-01) and while a child is
// accommodated under s.20 (PERM-08), that an uncertain primary route has a
// parallel plan (PERM-02), and that the plan keeps moving (PERM-03).
//
// Windows: each is a duty of the current period of care and closes when
// the child leaves care; PERM-08's also closes when the accommodation under
// s.20 ends. An unmet obligation is Overdue while its window is open and
// Missed once it has closed; one whose window closed on or before its due
// date was never owed.

// closures of the plan's kinds.
const (
	byLeftCare = iota // "the child left care"
)

// PERM-01: the plan for permanence by the second review.
var planKind = care.Kind{
	Rule: rule(PERM01), What: "plan for permanence", Subject: "permanence.plan",
	Anchor: "the second looked-after review",
	Done:   "plan for permanence recorded (primary route named)", DoneAt: "permanence.plan.transitions[]",
	Closures: []string{byLeftCare: "the child left care"},
}

// planRecorded evaluates PERM-01: the current plan names a primary route by
// the second review of the period of care (count 0: no later than that
// day). It is not evaluated for a child whose every episode is a short
// break.
func (a *Assessor) planRecorded(e *care.Emitter, h *care.History, in Inputs, v *view) {
	if in.SecondReview.IsZero() || care.IsShortBreakOnly(h.Episodes()) {
		return
	}
	n := e.Len()
	e.Deadline(&planKind, care.Obligation{
		Due: in.SecondReview, Anchor: in.SecondReview, Unit: care.Days,
		Done: within(v.recorded, v.leftCare), DoneAt: care.At(v.recordedIdx),
		Closes: v.leftCare, ClosedBy: byLeftCare,
	})
	if e.Len() > n {
		st := e.Findings()[n].Status
		v.planAbsenceReported = st == care.Overdue || st == care.Missed
	}
}

// PERM-02: a parallel plan while the primary route is uncertain. Anchors
// and Dones name the route, chosen by its value.
var parallelKind = care.Kind{
	Rule: rule(PERM02), What: "parallel plan", Subject: "permanence.plan",
	Anchor: "uncertain primary route", Anchors: routeLabels("uncertain primary route "), AnchorAt: "permanence.plan.transitions[]",
	Done: "parallel route being worked", Dones: routeLabels("parallel route "), DoneAt: "permanence.plan.transitions[]",
	Problems: []string{"no other route is actively being worked"},
	Met:      "another route is actively being worked",
}

// routeLabels returns prefix + each route's code, in the order of the
// routes, for a kind's label variants chosen by a route's value.
func routeLabels(prefix string) []string {
	out := make([]string, 0, len(routeNames)-1)
	for _, name := range routeNames[1:] {
		out = append(out, prefix+name)
	}
	return out
}

// parallel evaluates PERM-02 as of the assessment date: while the child is
// looked after and the primary route is uncertain (one of the policy's
// uncertain routes, open and before order made), another route is being
// actively worked.
func (a *Assessor) parallel(e *care.Emitter, v *view) {
	if !v.lookedAfter || v.primary == RouteUnknown {
		return
	}
	ps := v.routes[v.primary]
	if !ps.state.IsOpen() || ps.state >= StateOrderMade || !a.p.isUncertain(v.primary) {
		return
	}
	o := care.Obligation{Anchor: ps.since, AnchorAt: care.At(ps.idx), AnchorAs: int(v.primary)}
	for r := RouteReturnHome; int(r) < len(v.routes); r++ {
		if s := v.routes[r]; r != v.primary && s.state.IsActive() {
			o.Done, o.DoneAt, o.DoneAs = s.since, care.At(s.idx), int(r)
			e.Check(&parallelKind, o, 0)
			return
		}
	}
	e.Check(&parallelKind, o, care.Problem(0))
}

// PERM-03: no drift. driftKind is met by the plan's next transition;
// driftArrivalKind by what the child's episodes show ([movement]): a
// long-term foster placement confirmed (Done), or the child leaving care
// under the route chosen by its value (Dones).
var (
	driftKind = care.Kind{
		Rule: rule(PERM03), What: "movement on the plan", Subject: "permanence.plan",
		Anchor: "the last movement on the plan", AnchorAt: "permanence.plan.transitions[]",
		Done: "next movement on the plan", DoneAt: "permanence.plan.transitions[]",
		Closures: []string{byLeftCare: "the child left care"},
	}
	driftArrivalKind = care.Kind{
		Rule: rule(PERM03), What: "movement on the plan", Subject: "permanence.plan",
		Anchor: "the last movement on the plan", AnchorAt: "permanence.plan.transitions[]",
		Done: "placement confirmed as a long-term foster placement",
		Dones: []string{RouteReturnHome - 1: "returned home as part of the care plan",
			RouteChildArrangements - 1:   "left care under a child arrangements order",
			RouteSpecialGuardianship - 1: "left care under a special guardianship order",
			RouteAdoption - 1:            "left care on adoption"},
		DoneAt:   "episodes[]",
		Closures: []string{byLeftCare: "the child left care"},
	}
)

// drift evaluates PERM-03. The transitions of one day are one movement, and
// so is the day the child's episodes show the plan achieved ([movement]).
// After each movement that leaves the plan in progress
// ([planState.inProgress]), the next movement is due DriftMonths later
// (the corresponding date); the next movement meets it. The gap since the
// last movement is live (a stalled plan, once overdue) while the child is
// looked after, and closes when the child leaves care; leaving care to
// permanence is itself the movement that meets it.
func (a *Assessor) drift(e *care.Emitter, h *care.History, rec Record, v *view) {
	ts := rec.Plan.Transitions
	months := a.p.driftMonths()
	var s planState
	var o care.Obligation // the gap waiting for the next movement
	open := false
	for m := range v.movements(h, ts) {
		arr, moved := s.move(m, ts)
		if !moved {
			continue
		}
		if open {
			k := &driftKind
			o.Done, o.DoneAt = m.day, care.At(m.from)
			if m.to == m.from {
				k = &driftArrivalKind
				o.DoneAt, o.DoneAs = care.At(arr.at), arr.done
			}
			e.Deadline(k, o)
			open = false
		}
		if s.inProgress() {
			o = care.Obligation{Anchor: m.day, AnchorAt: care.At(m.to - 1),
				Due: m.day.AddMonths(months), Count: months, Unit: care.Months}
			open = true
		}
	}
	if !open || (v.hasEpisodes && !v.periodOK) {
		return // nothing open, or not yet looked after: no plan runs
	}
	o.Closes, o.ClosedBy = v.leftCare, byLeftCare
	e.Deadline(&driftKind, o)
}

// PERM-08: a plan for permanence for a child accommodated under s.20.
var section20Kind = care.Kind{
	Rule: rule(PERM08), What: "plan for permanence", Subject: "episodes[]",
	Anchor: "the start of accommodation under s.20", AnchorAt: "episodes[]",
	Done: "plan for permanence recorded (primary route named)", DoneAt: "permanence.plan.transitions[]",
	Closures: []string{"the accommodation under s.20 ended", "the child left care"},
}

// section20 evaluates PERM-08 for each run of continuous s.20 episodes of
// the current period of care: a plan for permanence by Section20Months
// after the run began, owed only if the run lasts that long. It reports
// nothing where PERM-01 already reports the plan as overdue or missed:
// the absence of a plan is one root cause, reported once.
func (a *Assessor) section20(e *care.Emitter, h *care.History, v *view) {
	if !v.periodOK {
		return
	}
	months := a.p.section20Months()
	eps := h.Episodes()
	for i := 0; i < len(eps); i++ {
		ep := eps[i]
		if ep.Start.After(v.asOf) {
			break
		}
		if ep.Start.Before(v.period.Start) || !ep.LegalStatus.IsSection20() {
			continue
		}
		// A run of continuous s.20 episodes starting at i.
		first := i
		runEnd := ep.End
		for i+1 < len(eps) && eps[i+1].LegalStatus.IsSection20() && !runEnd.IsZero() && eps[i+1].Start.Equal(runEnd) {
			i++
			runEnd = eps[i].End
		}
		due := ep.Start.AddMonths(months)
		if !runEnd.IsZero() && !runEnd.After(due) && !runEnd.After(v.asOf) {
			continue // the s.20 accommodation ended within the window: nothing was owed
		}
		done := within(v.recorded, runEnd)
		if done.IsZero() && v.planAbsenceReported {
			continue
		}
		closedBy := 0 // the accommodation under s.20 ended
		if !runEnd.IsZero() && runEnd.Equal(v.leftCare) {
			closedBy = 1 // the child left care
		}
		e.Deadline(&section20Kind, care.Obligation{
			Subject: care.At(first), Anchor: ep.Start, AnchorAt: care.At(first),
			Due: due, Count: months, Unit: care.Months,
			Done: done, DoneAt: care.At(v.recordedIdx),
			Closes: runEnd, ClosedBy: closedBy,
		})
	}
}
