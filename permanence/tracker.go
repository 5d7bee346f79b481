package permanence

import (
	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// Measurement is one adoption scorecard measure for one child: the days
// from Start to End ([care.Date.DaysSince], the start not counted), and,
// where a threshold is in force on End, whether the child was within it.
type Measurement struct {
	Measure Measure   `json:"measure"`
	Start   care.Date `json:"start"`
	End     care.Date `json:"end"`
	Days    int       `json:"days"`
	// Judged is true when a threshold was in force on End; Within then
	// says whether End was on or before the threshold's due date.
	Judged    bool      `json:"judged"`
	Within    bool      `json:"within,omitempty"`
	Threshold Threshold `json:"threshold,omitzero"`
}

// Measures returns the child's completed adoption scorecard measures as of
// asOf, in the order A1, A2, A10, as a fresh slice:
//
//   - A1, from the start of the period of care in which the child was placed
//     for adoption to the day of placement;
//   - A2, from the authority to place to the match decision, 0 days when the
//     match came first;
//   - A10, as A1 but, for an adoption by the child's own foster carers,
//     ending on the day the foster placement began (the record's
//     FosterPlacementStart, or the start of the placement with the same
//     carer that includes the adoptive placement, from the episodes).
//
// A measure is present only when its end date is on or before asOf (A1 and
// A10 also need episodes covering the placement). A1 and A2 are judged
// against the thresholds in force on their end date ([ThresholdFor]); A10 is
// judged only if the policy holds an A10 threshold, and the defaults hold
// none. Measures does not validate the record (call [Record.Validate]
// first); it reads the periods of care and placements of a valid child and
// episodes ([care.NewHistory]), and returns nil if they are invalid.
func Measures(rec Record, in Inputs, asOf care.Date, p Policy) []Measurement {
	h, err := care.NewHistory(in.Child, in.Episodes)
	if err != nil {
		return nil
	}
	return measures(h, rec, asOf, p)
}

// measures is [Measures] for the child whose history is h: a fresh slice,
// nil if there are none.
func measures(h *care.History, rec Record, asOf care.Date, p Policy) []Measurement {
	a := rec.Adoption
	ts := p.thresholds()
	var out []Measurement
	add := func(m Measurement) {
		m.Days = max(m.End.DaysSince(m.Start), 0)
		if th, ok := ThresholdFor(ts, m.Measure, m.End); ok {
			m.Judged, m.Threshold = true, th
			m.Within = !m.End.After(th.Due(m.Start))
		}
		if out == nil {
			out = make([]Measurement, 0, 3)
		}
		out = append(out, m)
	}
	placed := doneBy(a.Placed, asOf)
	var entry care.Date
	if !placed.IsZero() {
		if pd, _, ok := h.PeriodAt(placed); ok && pd.Contains(placed) {
			entry = pd.Start
		}
	}
	if !entry.IsZero() {
		add(Measurement{Measure: A1, Start: entry, End: placed})
	}
	if po, match := a.PlacementOrder, doneBy(a.Match, asOf); !po.IsZero() && !match.IsZero() && !po.After(asOf) {
		end := match
		if end.Before(po) {
			end = po // a match before the authority counts as 0 days
		}
		add(Measurement{Measure: A2, Start: po, End: end})
	}
	if !entry.IsZero() {
		end := placed
		if a.FosterCarerAdoption {
			end = fosterStart(a, h.Placements())
			if end.Before(entry) {
				end = entry
			}
		}
		add(Measurement{Measure: A10, Start: entry, End: end})
	}
	return out
}

// fosterStart returns the day the foster placement with the adopters began.
func fosterStart(a Adoption, placements []care.Placement) care.Date {
	if !a.FosterPlacementStart.IsZero() {
		return a.FosterPlacementStart
	}
	for _, pl := range placements {
		if pl.Period.Contains(a.Placed) {
			return pl.Period.Start
		}
	}
	return a.Placed
}

// Alternative is a route of the current plan other than the primary one.
type Alternative struct {
	Route Route     `json:"route"`
	State State     `json:"state"`
	Since care.Date `json:"since"`
	// Reason is the reason given when the route was ruled out.
	Reason string `json:"reason,omitempty"`
}

// Milestone is the next thing due on a child's permanence plan.
type Milestone struct {
	Rule  care.RuleID `json:"rule"`
	Label string      `json:"label"`
	Due   care.Date   `json:"due"`
	// Overdue is true when Due has passed as of the tracker's date.
	Overdue bool `json:"overdue,omitempty"`
}

// IsZero reports whether m is the zero Milestone (nothing due).
func (m Milestone) IsZero() bool { return m == Milestone{} }

// Row is one child's line of the permanence tracker.
type Row struct {
	ChildID      string        `json:"child_id"`
	Primary      Route         `json:"primary,omitzero"`
	PrimaryState State         `json:"primary_state,omitzero"`
	PrimarySince care.Date     `json:"primary_since,omitzero"`
	Alternatives []Alternative `json:"alternatives,omitempty"`
	// LastMovement is the last day the current plan moved: its latest
	// transition, or the day the child's episodes show it achieved (a
	// placement confirmed as a long-term foster placement, or leaving care
	// to permanence; see PERM-03). DaysSinceMovement counts the days from
	// it to the as-of date (0 when there is no movement).
	LastMovement      care.Date `json:"last_movement,omitzero"`
	DaysSinceMovement int       `json:"days_since_movement"`
	// Next is the earliest-due live obligation, overdue or upcoming
	// (overdue ones first, since they fell due earliest); zero if none. A
	// missed obligation can no longer be met and is never next.
	Next Milestone `json:"next,omitzero"`
	// Failures counts the child's failures: late, overdue, missed and
	// breach findings.
	Failures int           `json:"failures"`
	Measures []Measurement `json:"measures,omitempty"`
}

// Track returns the tracker row for one child as of asOf: the primary route
// and its state, the other routes of the current plan, the days since the
// plan last moved, the next milestone and its due date (the earliest live
// finding of [Assess], with its counting conventions) and the scorecard
// [Measures]. It returns the errors [Assess] returns.
//
// See also [TrackCohort].
func Track(rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy) (Row, error) {
	if asOf.IsZero() {
		return Row{}, ErrNoAsOf
	}
	a, err := NewAssessor(p, cal)
	if err != nil {
		return Row{}, err
	}
	var h care.History
	if err := resetHistory(&h, rec, in); err != nil {
		return Row{}, err
	}
	if err := h.ValidateOn(asOf); err != nil {
		return Row{}, err
	}
	return a.track(care.NewEmitter(asOf), &h, rec, in)
}

// track builds the row of the child whose history is h, recording the
// child's findings, which feed it, in e (a cohort reuses one emitter from
// child to child); the row references none of them.
func (a *Assessor) track(e *care.Emitter, h *care.History, rec Record, in Inputs) (Row, error) {
	n := e.Len()
	v, err := a.emit(e, h, rec, in)
	if err != nil {
		return Row{}, err
	}
	asOf := e.AsOf()
	row := Row{ChildID: h.Child().ID}
	ts := rec.Plan.Transitions
	if v.primary != RouteUnknown {
		s := v.routes[v.primary]
		row.Primary, row.PrimaryState, row.PrimarySince = v.primary, s.state, s.since
	}
	for r := RouteReturnHome; int(r) < len(v.routes); r++ {
		s := v.routes[r]
		if r == v.primary || s.state == StateUnknown {
			continue
		}
		alt := Alternative{Route: r, State: s.state, Since: s.since}
		if s.state == StateRuledOut {
			alt.Reason = ts[s.idx].Reason
		}
		row.Alternatives = append(row.Alternatives, alt)
	}
	if !v.lastMovement.IsZero() {
		row.LastMovement = v.lastMovement
		row.DaysSinceMovement = max(asOf.DaysSince(row.LastMovement), 0)
	}
	for _, f := range e.Findings()[n:] {
		if f.Status.IsFailure() {
			row.Failures++
		}
		if !f.Status.IsLive() {
			continue
		}
		if row.Next.IsZero() || f.Due.Before(row.Next.Due) {
			row.Next = Milestone{Rule: f.Rule(), Label: milestoneLabel(f), Due: f.Due, Overdue: f.Status == care.Overdue}
		}
	}
	row.Measures = measures(h, rec, asOf, a.p)
	return row, nil
}

// milestoneLabel names what a live finding waits for.
func milestoneLabel(f care.Finding) string {
	switch f.Kind() {
	case &planKind:
		return "plan for permanence (second review)"
	case &driftKind:
		return "next movement on the plan"
	case &proceedingsKind:
		return "final order (" + f.Subject() + ")"
	case &matchKind:
		return "match (A2)"
	case &placedKind:
		return "moving in with adopters (A1)"
	case &sgoKind:
		return "special guardianship report (" + f.Subject() + ")"
	case &reviewKind:
		return "adoption review"
	case &section20Kind:
		return "plan for permanence (s.20 accommodation)"
	}
	return f.Kind().What
}

// Case is one child's input to the cohort tracker.
type Case struct {
	Record Record `json:"record"`
	Inputs Inputs `json:"inputs"`
}

// Average is a cohort's scorecard average for one measure.
type Average struct {
	Measure Measure `json:"measure"`
	// Children is how many children the average covers; TotalDays the sum
	// of their days.
	Children  int `json:"children"`
	TotalDays int `json:"total_days"`
	// MeanDays is TotalDays / Children rounded to one decimal place, half
	// away from zero; zero when Children is 0.
	MeanDays decimal.Decimal `json:"mean_days"`
	// Judged counts the children with a threshold in force; Within those
	// within it. WithinPercent is 100 × Within / Judged rounded to one
	// decimal place, half away from zero; zero when Judged is 0.
	Judged        int             `json:"judged"`
	Within        int             `json:"within"`
	WithinPercent decimal.Decimal `json:"within_percent"`
}

// Cohort is the permanence tracker over many children.
type Cohort struct {
	// Rows are the tracker rows, in the order of the cases given; a case
	// that failed validation has no row (the error lists it).
	Rows []Row `json:"rows"`
	// Window holds the adoption order dates the averages cover: the
	// policy's ScorecardYears years ending on the as-of date, inclusive.
	Window care.Period `json:"window"`
	// Averages are the A1, A2 and A10 averages, in that order, over the
	// children adopted in Window.
	Averages []Average `json:"averages"`
}

// TrackCohort returns the tracker rows for every case as of asOf and the
// scorecard averages (A1, A2, A10) over the children whose adoption order
// falls in the policy's scorecard window (default: the 3 years ending on
// asOf). Day counts are as in [Measures]; means and percentages are
// decimals rounded to one place, half away from zero.
//
// An invalid policy, a nil calendar or a zero asOf is an error with no
// cohort. A case that fails validation (its record, child or episodes, or
// a child of 18 or over still looked after on asOf), or needs a date
// outside the calendar, is left out of the rows and averages
// and reported in the returned error, a [care.ValidationErrors] with paths
// such as "cases[12].plan.transitions[0].state" or
// "cases[3].episodes[0].reason_new"; the other cases are still tracked.
func TrackCohort(cases []Case, asOf care.Date, cal *care.Calendar, p Policy) (Cohort, error) {
	if asOf.IsZero() {
		return Cohort{}, ErrNoAsOf
	}
	a, err := NewAssessor(p, cal)
	if err != nil {
		return Cohort{}, err
	}
	years := p.scorecardYears()
	c := Cohort{
		Rows:   make([]Row, 0, len(cases)),
		Window: care.Period{Start: asOf.AddYears(-years).AddDays(1), End: asOf.AddDays(1)},
	}
	var sums [len(measureNames)]Average
	var errs care.ValidationErrors
	// One history and one emitter serve every child in turn.
	var h care.History
	e := care.NewEmitter(asOf)
	for i := range cases {
		cs := &cases[i]
		e.Reset(asOf)
		err := resetHistory(&h, cs.Record, cs.Inputs)
		if err == nil {
			err = h.ValidateOn(asOf)
		}
		var row Row
		if err == nil {
			row, err = a.track(e, &h, cs.Record, cs.Inputs)
		}
		if err != nil {
			errs.Merge(care.Index("cases", i), err)
			continue
		}
		c.Rows = append(c.Rows, row)
		if !c.Window.Contains(cs.Record.Adoption.AdoptionOrder) {
			continue
		}
		for _, m := range row.Measures {
			s := &sums[m.Measure]
			s.Children++
			s.TotalDays += m.Days
			if m.Judged {
				s.Judged++
				if m.Within {
					s.Within++
				}
			}
		}
	}
	c.Averages = make([]Average, 0, 3)
	for _, m := range [...]Measure{A1, A2, A10} {
		s := sums[m]
		s.Measure = m
		s.MeanDays = ratio(s.TotalDays, s.Children, 1)
		s.WithinPercent = ratio(100*s.Within, s.Judged, 1)
		c.Averages = append(c.Averages, s)
	}
	return c, errs.Err()
}

// ratio returns num/den rounded to places decimal places, half away from
// zero, or zero when den is 0.
func ratio(num, den int, places int32) decimal.Decimal {
	if den == 0 {
		return decimal.Zero.Round(places)
	}
	return decimal.NewFromInt(int64(num)).DivRound(decimal.NewFromInt(int64(den)), places)
}
