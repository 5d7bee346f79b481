package permanence

import (
	"errors"

	"github.com/lookedafter/practice/care"
)

// Inputs are the facts from outside the permanence record that the rules
// need.
type Inputs struct {
	// Child and Episodes are the child and the SSDA903 episodes (for
	// periods of care, legal status and placements). The standalone
	// functions ([Assess], [Track], [TrackCohort], [Measures]) read them,
	// and validate them as [care.NewHistory] does: a child with no
	// episodes is an error, since a child must have been looked after to
	// be assessed. [Assessor.Emit] reads the child and episodes from its
	// [care.History] instead and ignores these two fields.
	Child    care.Child     `json:"child"`
	Episodes []care.Episode `json:"episodes,omitempty"`
	// SecondReview is the date the second looked-after review of the
	// current period of care was held, or is due if it has not been held;
	// zero if unknown. PERM-01 is evaluated only when it is set.
	SecondReview care.Date `json:"second_review,omitzero"`
}

// ErrNoAsOf reports a calculation asked for with a zero as-of date.
var ErrNoAsOf = errors.New("permanence: the as-of date is required")

var errNilCalendar = errors.New("permanence: nil calendar")

// Assessor evaluates the permanence rules with one policy and one
// working-day calendar, both checked once, when it is made. It is
// read-only and safe for concurrent use: a cohort run makes one and
// assesses every child with it.
type Assessor struct {
	p   Policy
	cal *care.Calendar
}

// NewAssessor returns an assessor for policy p and calendar cal (read only
// when p.ProceedingsShift is [ShiftNextWorkingDay]). It returns the
// [care.ValidationErrors] of p if it is looser than statute or nonsense
// ([Policy.Validate]), and an error if cal is nil.
func NewAssessor(p Policy, cal *care.Calendar) (*Assessor, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if cal == nil {
		return nil, errNilCalendar
	}
	return &Assessor{p: p, cal: cal}, nil
}

// Emit evaluates PERM-01 to PERM-08 for the child whose history is h and
// whose permanence record is rec, recording the findings in e as of
// e.AsOf(). Only records dated on or before that day count as done. It
// validates rec ([Record.Validate]); the child and episodes are h's,
// validated when h was made, and in.Child and in.Episodes are not read.
//
// It returns [ErrNoAsOf] if the emitter has no as-of date, the
// [care.ValidationErrors] of an invalid record, or an error wrapping
// [care.ErrOutsideCalendar] if a date it needs is outside the calendar. On
// error it records nothing.
//
// Counting conventions: weeks are 7 calendar days (PERM-04, the 4-week
// adoption review), months are corresponding dates clamped to the month's
// end ([care.Date.AddMonths]), and a deadline met on its due date is met on
// time. The plan of the current period of care ([care.History.PeriodAt])
// is the transitions dated after the end of the previous period of care,
// so a child who returned home and came back into care starts a new plan.
// What closes each rule's window, making an unmet obligation Missed rather
// than Overdue, is in the package documentation and each rule's Text.
func (a *Assessor) Emit(e *care.Emitter, h *care.History, rec Record, in Inputs) error {
	_, err := a.emit(e, h, rec, in)
	return err
}

// emit is Emit, returning the view of the plan the rules read, for the
// tracker.
func (a *Assessor) emit(e *care.Emitter, h *care.History, rec Record, in Inputs) (view, error) {
	asOf := e.AsOf()
	if asOf.IsZero() {
		return view{}, ErrNoAsOf
	}
	if err := rec.Validate(); err != nil {
		return view{}, err
	}
	v := newView(h, rec, asOf)
	n := e.Len()
	a.planRecorded(e, h, in, &v)
	a.parallel(e, &v)
	a.drift(e, rec, &v)
	if err := a.proceedings(e, rec); err != nil {
		e.Truncate(n)
		return view{}, err
	}
	a.timeliness(e, h, rec, &v)
	a.specialGuardianship(e, rec)
	a.adoptionReviews(e, h, rec.Adoption)
	a.section20(e, h, &v)
	return v, nil
}

// Assess evaluates PERM-01 to PERM-08 for one child as of asOf and returns
// the findings sorted by due date and rule ID, as [Assessor.Emit] records
// them, with its counting conventions.
//
// Assess returns an error, and no report, if asOf is zero, p is invalid
// ([Policy.Validate]), cal is nil, the record, the child or the episodes
// are invalid ([Record.Validate], [care.NewHistory]; every problem is
// reported at once), the child is 18 or over and still looked after on
// asOf ([care.History.ValidateOn]), or a date it needs is outside the
// calendar (wrapping [care.ErrOutsideCalendar]).
//
// See also [Track], [Rules].
func Assess(rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	if asOf.IsZero() {
		return nil, ErrNoAsOf
	}
	a, err := NewAssessor(p, cal)
	if err != nil {
		return nil, err
	}
	var h care.History
	if err := resetHistory(&h, rec, in); err != nil {
		return nil, err
	}
	if err := h.ValidateOn(asOf); err != nil {
		return nil, err
	}
	e := care.NewEmitter(asOf)
	if err := a.Emit(e, &h, rec, in); err != nil {
		return nil, err
	}
	return e.Report(), nil
}

// resetHistory makes h the history of in's child and episodes. When they
// are invalid it reports the record's own problems beside theirs, so that
// a caller sees every problem at once.
func resetHistory(h *care.History, rec Record, in Inputs) error {
	err := h.Reset(in.Child, in.Episodes)
	if err == nil {
		return nil
	}
	var errs care.ValidationErrors
	errs.Merge("", rec.Validate())
	errs.Merge("", err)
	return errs.Err()
}

// routeState is where one route of the current plan stands.
type routeState struct {
	state State
	since care.Date // date of its latest transition
	idx   int       // index of that transition in the plan
}

// planState is where the plan stands after some of its transitions: each
// route's latest state, the primary route and when the plan for
// permanence was first recorded.
type planState struct {
	routes  [len(routeNames)]routeState
	primary Route
	// recorded is the date the plan for permanence was recorded (the
	// first transition naming a primary route), with the transition's
	// index; zero and -1 if none.
	recorded    care.Date
	recordedIdx int
}

// apply moves the plan on by transition t, the plan's transition i. A
// transition marked primary makes its route primary; ruling out the
// primary route leaves the plan with none.
func (s *planState) apply(t Transition, i int) {
	s.routes[t.Route] = routeState{state: t.State, since: t.Date, idx: i}
	switch {
	case t.Primary:
		s.primary = t.Route
		if s.recorded.IsZero() {
			s.recorded, s.recordedIdx = t.Date, i
		}
	case t.Route == s.primary && t.State == StateRuledOut:
		s.primary = RouteUnknown
	}
}

// inProgress reports whether the plan is still on its way (PERM-03): its
// primary route, if it has one, has been neither achieved nor had its
// order made, and some route is open.
func (s *planState) inProgress() bool {
	if s.primary != RouteUnknown {
		if st := s.routes[s.primary].state; st == StateOrderMade || st == StateAchieved {
			return false
		}
	}
	for r := RouteReturnHome; int(r) < len(s.routes); r++ {
		if s.routes[r].state.IsOpen() {
			return true
		}
	}
	return false
}

// view is what the rules need to know about the child's current plan and
// period of care, worked out once.
type view struct {
	asOf        care.Date
	hasEpisodes bool
	// period is the current period of care ([care.History.PeriodAt]);
	// periodOK is false when there is none. leftCare is the day it ended,
	// the first day not looked after, if it has ended (zero otherwise, and
	// when no episodes were given).
	period   care.Period
	periodOK bool
	leftCare care.Date
	// lookedAfter: looked after on asOf, or no episodes were given (the
	// caller vouches for it).
	lookedAfter bool
	// first and end (one past the last) index the transitions of the
	// current plan dated on or before asOf.
	first, end int
	// planState is where the plan stands on asOf.
	planState
	// planAbsenceReported is set by PERM-01 when it reports the plan for
	// permanence as overdue or missed, so that PERM-08 does not report the
	// same absence again.
	planAbsenceReported bool
}

func newView(h *care.History, rec Record, asOf care.Date) view {
	v := view{asOf: asOf, hasEpisodes: len(h.Episodes()) > 0, lookedAfter: true}
	var prevEnd care.Date
	if v.hasEpisodes {
		var k int
		v.period, k, v.periodOK = h.PeriodAt(asOf)
		v.lookedAfter = v.periodOK && v.period.Contains(asOf)
		if v.periodOK {
			v.leftCare = v.period.End
			if k > 0 {
				prevEnd = h.Periods()[k-1].End
			}
		}
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
	for i := v.first; i < len(ts) && !ts[i].Date.After(asOf); i++ {
		v.end = i + 1
		if ts[i].Route.IsKnown() {
			v.apply(ts[i], i)
		}
	}
	return v
}

// leftCareAfter returns the day the child left the period of care that
// includes day d: the first day not looked after, zero if that period is
// still open or d falls in no period of care.
func leftCareAfter(h *care.History, d care.Date) care.Date {
	p, _, ok := h.PeriodAt(d)
	if !ok || !p.Contains(d) {
		return care.Date{}
	}
	return p.End
}

// doneBy returns d if it is on or before asOf, and zero otherwise.
func doneBy(d, asOf care.Date) care.Date {
	if d.After(asOf) {
		return care.Date{}
	}
	return d
}

// within returns done if it is no later than the day the window closed
// (closes, zero if it has not), and zero otherwise: what is done after its
// window closed does not meet the obligation.
func within(done, closes care.Date) care.Date {
	if !closes.IsZero() && done.After(closes) {
		return care.Date{}
	}
	return done
}

// earlier returns the earlier of two closings of a window (date and
// closure label), a zero date counting as never.
func earlier(d care.Date, by int, d2 care.Date, by2 int) (care.Date, int) {
	if d2.IsZero() || (!d.IsZero() && !d2.Before(d)) {
		return d, by
	}
	return d2, by2
}
