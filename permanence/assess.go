package permanence

import (
	"errors"
	"iter"

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
// Counting conventions: weeks are 7 calendar days; "26 weeks beginning
// with the day" of issue (PERM-04) counts that day as day 1 and ends on
// the issue date + 181 days ([ProceedingsFinalDay]), while "4 weeks after"
// a placement (PERM-07) ends on the placement date + 28 days; months are
// corresponding dates clamped to the month's end ([care.Date.AddMonths]),
// and a deadline met on its due date is met on time. The plan of the current period of care ([care.History.PeriodAt])
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
	a.drift(e, h, rec, &v)
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

// arrive records that the child's episodes show route r achieved on day d
// ([movement]): r becomes the primary route, achieved. It records no plan
// for permanence (PERM-01 reads only the plan's own transitions), and the
// route's state points at no transition (idx -1).
func (s *planState) arrive(r Route, d care.Date) {
	s.routes[r] = routeState{state: StateAchieved, since: d, idx: -1}
	s.primary = r
}

// inProgress reports whether the plan is still on its way (PERM-03): its
// primary route, if it has one, has been neither achieved nor had its
// order made, and some route is open.
//
// A route is achieved when the child lives permanently under it: adoption
// at the adoption order, special guardianship and child arrangements at
// the order, return home when the care order is discharged or the child
// returns home as part of the care plan, long-term fostering when the
// placement is confirmed as a long-term foster placement (CPPCR reg 2(1),
// inserted by SI 2015/495: the plan for permanence is foster care, the
// carer has agreed to foster the child until they cease to be looked
// after, and the authority has confirmed the arrangement to the carer, the
// parents and the child). An agreed route is not achieved: a child whose
// plan is long-term fostering but whose placement has not been confirmed
// is still waiting. The plan records achievement by a transition to
// [StateAchieved], or the child's episodes show it ([movement]). For the
// drift rule the plan has also arrived once the court has made the order
// its primary route needs ([StateOrderMade]): for adoption that is the
// placement order, after which PERM-05 and PERM-07 watch the steps to the
// adoption order, so that the same delay is not reported twice.
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

// movement is one day on which the current plan may have moved: the
// plan's transitions dated that day (ts[from:to], possibly none), and what
// the child's episodes show that day. ltf is the index of the episode the
// child was in that day if it is a long-term foster placement
// ([care.Episode].LongTermFoster, the CPPCR reg 2(1) definition), -1
// otherwise; exit is the route the child achieved by leaving care that day
// ([exitRoute]), with the index of the episode that ended (exitAt), and
// RouteUnknown on any other day.
//
// The episodes are the second record of two facts, read so that a fact
// recorded once is enough: a placement confirmed as a long-term foster
// placement achieves a long-term fostering primary route that is still
// open (from the later of the placement's start and the day the route
// became primary), and leaving care on an adoption order, a special
// guardianship order, a child arrangements order or by returning home as
// part of the care plan achieves that route.
type movement struct {
	day      care.Date
	from, to int
	ltf      int
	exit     Route
	exitAt   int
}

// arrival says which of the child's episodes moved the plan: done is the
// label of [driftArrivalKind] (0 for a long-term foster placement, a
// route's value for leaving care under it), at the episode's index, -1
// when no episode moved it.
type arrival struct {
	done, at int
}

// move moves the plan on by m: its transitions, then what the episodes
// show. It reports what the episodes achieved, and whether the plan moved
// at all (a day of transitions, or an arrival).
func (s *planState) move(m movement, ts []Transition) (arrival, bool) {
	for i := m.from; i < m.to; i++ {
		if ts[i].Route.IsKnown() {
			s.apply(ts[i], i)
		}
	}
	switch {
	case m.exit != RouteUnknown:
		s.arrive(m.exit, m.day)
		return arrival{done: int(m.exit), at: m.exitAt}, true
	case m.ltf >= 0 && s.primary == RouteLongTermFostering && s.routes[RouteLongTermFostering].state.IsOpen():
		s.arrive(RouteLongTermFostering, m.day)
		return arrival{done: 0, at: m.ltf}, true
	}
	return arrival{at: -1}, m.to > m.from
}

// exitRoute returns the route a child achieves by leaving care for reason
// r: adoption (E11, E12), special guardianship (E43–E48), a child
// arrangements order (E41) or a return home as part of the care plan
// (E4A); RouteUnknown for any other reason, an unplanned return home (E4B)
// among them.
func exitRoute(r care.ReasonEpisodeCeased) Route {
	switch {
	case r.IsAdoption():
		return RouteAdoption
	case r.IsSpecialGuardianship():
		return RouteSpecialGuardianship
	case r.IsChildArrangementsOrder():
		return RouteChildArrangements
	case r == care.ReasonEpisodeCeasedE4A:
		return RouteReturnHome
	}
	return RouteUnknown
}

// movements yields the days on which the current plan may have moved, in
// date order, up to the as-of date: each day with transitions of the
// current plan, each day a long-term foster placement of the current
// period of care began, and the day the child left care to permanence.
func (v *view) movements(h *care.History, ts []Transition) iter.Seq[movement] {
	return func(yield func(movement) bool) {
		eps := h.Episodes()
		// k walks the episodes of the current period; after them comes the
		// day the child left care to permanence, if they did by asOf.
		k, exitDay := len(eps), care.Date{}
		if v.periodOK {
			k = h.FirstEpisode(v.period)
			if v.exit != RouteUnknown && !v.leftCare.After(v.asOf) {
				exitDay = v.leftCare
			}
		}
		// episodeDay returns the next day the episodes may move the plan,
		// zero if there is none.
		episodeDay := func() care.Date {
			for ; k < len(eps) && !eps[k].Start.After(v.asOf) && v.period.Contains(eps[k].Start); k++ {
				if e := eps[k]; e.LongTermFoster && (k == 0 || !eps[k-1].LongTermFoster || !eps[k-1].End.Equal(e.Start)) {
					k++
					return e.Start
				}
			}
			d := exitDay
			exitDay = care.Date{}
			return d
		}
		i, ed := v.first, episodeDay()
		for i < v.end || !ed.IsZero() {
			m := movement{day: ed, from: i, to: i, ltf: -1, exitAt: -1}
			if i < v.end && (ed.IsZero() || !ts[i].Date.After(ed)) {
				m.day = ts[i].Date
			}
			for m.to < v.end && ts[m.to].Date.Equal(m.day) {
				m.to++
			}
			if m.day.Equal(ed) {
				ed = episodeDay()
			}
			if j, ok := care.EpisodeOn(eps, m.day); ok && eps[j].LongTermFoster && v.period.Contains(m.day) {
				m.ltf = j
			}
			if v.exit != RouteUnknown && m.day.Equal(v.leftCare) {
				m.exit, m.exitAt = v.exit, v.exitAt
			}
			i = m.to
			if !yield(m) {
				return
			}
		}
	}
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
	// exit is the route the child achieved by leaving the current period
	// of care ([exitRoute]), RouteUnknown if none or still looked after;
	// exitAt is the index of the episode that ended then.
	exit   Route
	exitAt int
	// first and end (one past the last) index the transitions of the
	// current plan dated on or before asOf.
	first, end int
	// planState is where the plan stands on asOf (not counting the child
	// leaving care to permanence, which ends the plan as it stood), and
	// lastMovement the last day it moved ([movement]).
	planState
	lastMovement care.Date
	// planAbsenceReported is set by PERM-01 when it reports the plan for
	// permanence as overdue or missed, so that PERM-08 does not report the
	// same absence again.
	planAbsenceReported bool
}

func newView(h *care.History, rec Record, asOf care.Date) view {
	v := view{asOf: asOf, hasEpisodes: len(h.Episodes()) > 0, lookedAfter: true, exitAt: -1}
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
		if !v.leftCare.IsZero() {
			if j, ok := care.EpisodeOn(h.Episodes(), v.leftCare.AddDays(-1)); ok {
				v.exit, v.exitAt = exitRoute(h.Episodes()[j].ReasonCeased), j
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
	for v.end < len(ts) && !ts[v.end].Date.After(asOf) {
		v.end++
	}
	v.recordedIdx = -1
	for m := range v.movements(h, ts) {
		// Leaving care to permanence moves the plan for PERM-03 and the
		// tracker, but the plan as it stood when the child left is what
		// PERM-02 and PERM-05 read.
		exit := m.exit
		m.exit = RouteUnknown
		if _, moved := v.move(m, ts); moved || (exit != RouteUnknown && v.end > v.first) {
			v.lastMovement = m.day
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
