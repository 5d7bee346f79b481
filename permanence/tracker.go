package permanence

import (
	"slices"

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
// none. Measures does not validate its inputs: call [Record.Validate] first.
func Measures(rec Record, in Inputs, asOf care.Date, p Policy) []Measurement {
	return measures(rec, in, asOf, p)
}

// measures is [Measures]: a fresh slice of exactly the measures, nil if
// there are none. They are gathered on the stack first.
func measures(rec Record, in Inputs, asOf care.Date, p Policy) []Measurement {
	var buf [3]Measurement
	ms := appendMeasures(buf[:0], rec, in, asOf, p)
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
}

func appendMeasures(out []Measurement, rec Record, in Inputs, asOf care.Date, p Policy) []Measurement {
	a := rec.Adoption
	ts := p.thresholds()
	judge := func(m Measurement) Measurement {
		m.Days = max(m.End.DaysSince(m.Start), 0)
		if th, ok := ThresholdFor(ts, m.Measure, m.End); ok {
			m.Judged, m.Threshold = true, th
			m.Within = !m.End.After(th.Due(m.Start))
		}
		return m
	}
	placed := doneBy(a.Placed, asOf)
	var entry care.Date
	if !placed.IsZero() {
		if pd, _, ok := currentPeriod(in.Episodes, placed); ok && pd.Contains(placed) {
			entry = pd.Start
		}
	}
	if !entry.IsZero() {
		out = append(out, judge(Measurement{Measure: A1, Start: entry, End: placed}))
	}
	if po, match := a.PlacementOrder, doneBy(a.Match, asOf); !po.IsZero() && !match.IsZero() && !po.After(asOf) {
		end := match
		if end.Before(po) {
			end = po
		}
		out = append(out, judge(Measurement{Measure: A2, Start: po, End: end}))
	}
	if !entry.IsZero() {
		end := placed
		if a.FosterCarerAdoption {
			end = fosterStart(a, in.Episodes)
			if end.Before(entry) {
				end = entry
			}
		}
		out = append(out, judge(Measurement{Measure: A10, Start: entry, End: end}))
	}
	return out
}

// fosterStart returns the day the foster placement with the adopters began.
func fosterStart(a Adoption, eps []care.Episode) care.Date {
	if !a.FosterPlacementStart.IsZero() {
		return a.FosterPlacementStart
	}
	for _, pl := range care.Placements(eps) {
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
	// LastMovement is the date of the latest transition of the current
	// plan; DaysSinceMovement counts the days from it to the as-of date (0
	// when there is no movement).
	LastMovement      care.Date `json:"last_movement,omitzero"`
	DaysSinceMovement int       `json:"days_since_movement"`
	// Next is the earliest-due obligation not yet done (overdue ones
	// first, since they fell due earliest); zero if none.
	Next Milestone `json:"next,omitzero"`
	// Failures counts the child's late, overdue and breach findings.
	Failures int           `json:"failures"`
	Measures []Measurement `json:"measures,omitempty"`
}

// Track returns the tracker row for one child as of asOf: the primary route
// and its state, the other routes of the current plan, the days since the
// plan last moved, the next milestone and its due date (from the findings
// of [Assess], with its counting conventions) and the scorecard
// [Measures]. It returns the errors [Assess] returns.
//
// See also [TrackCohort].
func Track(rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy) (Row, error) {
	if err := check(rec, in, asOf, p); err != nil {
		return Row{}, err
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	return track(rec, in, asOf, cal, p, sc)
}

// track builds the row. The child's findings, which only feed it, are
// gathered in the scratch (report and evidence alike), which the cohort
// tracker reuses from child to child; the row references none of it.
func track(rec Record, in Inputs, asOf care.Date, cal *care.Calendar, p Policy, sc *scratch) (Row, error) {
	v := newView(rec, in, asOf)
	a := run{rep: sc.rep[:0], ev: sc.ev[:0]}
	err := assess(&a, rec, in, &v, asOf, cal, p)
	sc.rep, sc.ev = a.rep, a.ev
	defer sc.reset()
	if err != nil {
		return Row{}, err
	}
	rep := a.rep
	row := Row{ChildID: in.Child.ID}
	ts := rec.Plan.Transitions
	if v.primary != RouteUnknown {
		s := v.routes[v.primary]
		row.Primary, row.PrimaryState, row.PrimarySince = v.primary, s.state, s.since
	}
	n := 0
	for r := RouteReturnHome; int(r) < len(v.routes); r++ {
		if r != v.primary && v.routes[r].state != StateUnknown {
			n++
		}
	}
	if n > 0 {
		row.Alternatives = make([]Alternative, 0, n)
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
	}
	if v.end > v.first {
		row.LastMovement = ts[v.end-1].Date
		row.DaysSinceMovement = max(asOf.DaysSince(row.LastMovement), 0)
	}
	for _, f := range rep {
		if f.Status.IsFailure() {
			row.Failures++
		}
		if f.Status != care.Upcoming && f.Status != care.Overdue {
			continue
		}
		if row.Next.IsZero() || f.Due.Before(row.Next.Due) {
			row.Next = Milestone{Rule: f.Rule, Label: milestoneLabel(f), Due: f.Due, Overdue: f.Status == care.Overdue}
		}
	}
	row.Measures = measures(rec, in, asOf, p)
	return row, nil
}

func milestoneLabel(f care.Finding) string {
	switch f.Rule {
	case PERM01:
		return "plan for permanence (second review)"
	case PERM02:
		return "parallel plan"
	case PERM03:
		return "next movement on the plan"
	case PERM04:
		return "final order (" + f.Subject + ")"
	case PERM05:
		if f.Subject == "adoption A2" {
			return "match (A2)"
		}
		return "moving in with adopters (A1)"
	case PERM06:
		return "special guardianship report (" + f.Subject + ")"
	case PERM07:
		return "adoption review"
	case PERM08:
		return "plan for permanence (s.20 accommodation)"
	}
	return string(f.Rule)
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
// An invalid policy or a zero asOf is an error with no cohort. A case that
// fails validation, or needs a date outside the calendar, is left out of
// the rows and averages and reported in the returned error, a
// [care.ValidationErrors] with paths such as "cases[12].plan.transitions[0].state";
// the other cases are still tracked.
func TrackCohort(cases []Case, asOf care.Date, cal *care.Calendar, p Policy) (Cohort, error) {
	if asOf.IsZero() {
		return Cohort{}, ErrNoAsOf
	}
	if err := p.Validate(); err != nil {
		return Cohort{}, err
	}
	years := p.scorecardYears()
	c := Cohort{
		Rows:   make([]Row, 0, len(cases)),
		Window: care.Period{Start: asOf.AddYears(-years).AddDays(1), End: asOf.AddDays(1)},
	}
	var sums [len(measureNames)]Average
	var errs care.ValidationErrors
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	for i := range cases {
		cs := &cases[i]
		if err := check(cs.Record, cs.Inputs, asOf, Policy{}); err != nil {
			errs.Merge(care.Index("cases", i), err)
			continue
		}
		row, err := track(cs.Record, cs.Inputs, asOf, cal, p, sc)
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
