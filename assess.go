package practice

import (
	"errors"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/supervision"
)

var errNilCalendar = errors.New("practice: nil calendar")

// Standards bundles the local standards of every package. The zero value
// means the statutory defaults throughout; an authority may make any field
// stricter than statute, never looser, and [Standards.Validate] says which
// field is looser and by how much.
type Standards struct {
	Care        care.Policy        `json:"care,omitzero"`
	Review      review.Policy      `json:"review,omitzero"`
	Supervision supervision.Policy `json:"supervision,omitzero"`
	Permanence  permanence.Policy  `json:"permanence,omitzero"`
	Drift       DriftPolicy        `json:"drift,omitzero"`
	// IgnoreFutureRecords treats records dated after the assessment date
	// as not yet made, for assessing a past date from a later extract. Off
	// by default: a case holding work done after the assessment date is
	// then an error ([FutureError]), since assessing it as of the earlier
	// date would quietly disregard that work.
	IgnoreFutureRecords bool `json:"ignore_future_records,omitempty"`
}

// Validate checks every package's policy and reports every field that is
// looser than statute or nonsense, with paths such as
// "care.visits.first_visit_days".
func (s Standards) Validate() error {
	var errs care.ValidationErrors
	errs.Merge("care", s.Care.Validate())
	errs.Merge("review", s.Review.Validate())
	errs.Merge("supervision", s.Supervision.Validate())
	errs.Merge("permanence", s.Permanence.Validate())
	s.Drift.validate(&errs)
	return errs.Err()
}

// assessors are every package's assessor for one set of standards and one
// calendar: each policy is validated once, when they are made, and a
// cohort run assesses every child with them.
type assessors struct {
	care        *care.RecordAssessor
	review      *review.Assessor
	supervision *supervision.CaseAssessor
	permanence  *permanence.Assessor
	drift       DriftPolicy
	// ignoreFuture is Standards.IgnoreFutureRecords.
	ignoreFuture bool
}

// newAssessors validates the standards, once, by making the assessors. Its
// errors carry the paths [Standards.Validate] gives.
func newAssessors(std Standards, cal *care.Calendar) (*assessors, error) {
	if cal == nil {
		return nil, errNilCalendar
	}
	var a assessors
	var errs care.ValidationErrors
	var err error
	a.care, err = care.NewRecordAssessor(std.Care, cal)
	errs.Merge("care", err)
	a.review, err = review.NewAssessor(std.Review, cal)
	errs.Merge("review", err)
	a.supervision, err = supervision.NewCaseAssessor(std.Supervision)
	errs.Merge("supervision", err)
	a.permanence, err = permanence.NewAssessor(std.Permanence, cal)
	errs.Merge("permanence", err)
	std.Drift.validate(&errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	a.drift = std.Drift
	a.ignoreFuture = std.IgnoreFutureRecords
	return &a, nil
}

// Assess evaluates every rule of the catalogue that applies to the child,
// as of asOf, with the working-day calendar cal (usually
// [care.EnglandAndWales]) and the authority's standards. The report is
// sorted as [care.Report.Sort] sorts: by due date, then rule ID, with the
// findings that have no due date first (those of rules about content
// rather than a timescale, and the DRIFT-01 finding when the child is flagged for drift, see
// [Drift]).
//
// The rules that concern social workers rather than a child, SUP-01
// (each worker's supervision) and SUP-05 (caseloads), are computed over
// the authority's data by package supervision ([supervision.Gaps],
// [supervision.Caseloads]); a case carries only its own supervision record.
//
// It returns an error, and no report, when the standards are looser than
// statute, the case fails [Case.Validate], the case holds records of things
// done dated after asOf (a [FutureError], unless
// [Standards].IgnoreFutureRecords), or a date it needs falls outside the
// calendar ([care.ErrOutsideCalendar]).
func Assess(c Case, asOf care.Date, std Standards, cal *care.Calendar) (care.Report, error) {
	a, err := newAssessors(std, cal)
	if err != nil {
		return nil, err
	}
	var w worker
	if _, err := w.assess(a, &c, asOf); err != nil {
		return nil, err
	}
	return w.e.Report(), nil
}

// worker is what one goroutine reuses from one child to the next: the
// emitter that gathers a child's findings, the child's history and the
// dates its reviews were held.
type worker struct {
	e    care.Emitter
	h    care.History
	held []care.Date
	proc []care.Period
}

// assess records the findings of case c as of asOf in w's emitter,
// DRIFT-01 included when the child is flagged, and returns its drift.
//
// Each part of the case is validated once, by the package that reads it:
// the child and episodes by [care.History], each record by its package's
// Emit. When any step fails, [Case.Validate] runs to report every invalid
// field of every package at once, and its error wins over the step's.
func (w *worker) assess(a *assessors, c *Case, asOf care.Date) (Drift, error) {
	w.e.Reset(asOf)
	w.e.Cover(c.Coverage)
	w.e.Grow(c.estimate())
	if err := w.emit(a, c, asOf); err != nil {
		if verr := c.Validate(); verr != nil {
			return Drift{}, verr
		}
		return Drift{}, err
	}
	d := driftOf(c.Care.Child.ID, &w.h, w.e.Findings(), asOf, a.drift)
	if d.Flagged {
		d.emit(&w.e)
	}
	return d, nil
}

func (w *worker) emit(a *assessors, c *Case, asOf care.Date) error {
	if asOf.IsZero() {
		return &care.FieldError{Path: "as_of", Err: care.ErrRequired}
	}
	if to := c.Coverage.To; !to.IsZero() && asOf.After(to) {
		return &care.FieldError{Path: "as_of", Err: errAfterCoverage}
	}
	if err := w.h.ResetFrom(c.Care.Child, c.Care.Episodes, c.Coverage.From); err != nil {
		return err
	}
	if !a.ignoreFuture {
		if err := futureRecords(c, asOf); err != nil {
			return err
		}
	}
	first, second, err := a.review.Milestones(&w.h, c.Review.Reviews, asOf)
	if err != nil {
		return err
	}
	w.held = w.held[:0]
	for i := range c.Review.Reviews {
		w.held = append(w.held, c.Review.Reviews[i].Held)
	}
	held := w.held
	// Care proceedings pending, for PLAN-01 (CA89 s.31A): from issue to
	// the final order.
	w.proc = w.proc[:0]
	for _, pr := range c.Permanence.Proceedings {
		w.proc = append(w.proc, care.Period{Start: pr.Issued, End: pr.FinalOrder})
	}
	ctx := care.Context{Reviews: held, FirstReviewDue: first, CareProceedings: w.proc}
	if err := a.care.Emit(&w.e, &w.h, c.Care, ctx); err != nil {
		return err
	}
	if err := a.review.Emit(&w.e, &w.h, c.Review); err != nil {
		return err
	}
	if err := a.supervision.Emit(&w.e, c.Care.Child.ID, c.Supervision); err != nil {
		return err
	}
	in := permanence.Inputs{SecondReview: secondReviewHeld(&w.h, held, asOf, second)}
	return a.permanence.Emit(&w.e, &w.h, c.Permanence, in)
}

// errAfterCoverage is the error of an assessment dated after the last day
// the case's data covers: what was done since is not in the data, so
// nothing can be judged late or overdue then.
var errAfterCoverage = errors.New("after the last day the case's data covers (coverage.to): assess as of that day or earlier")

// Rules returns the whole rule catalogue of the library, every package's
// rules in a stable order (care, review, supervision, permanence, then
// DRIFT-01): a fresh slice on every call.
func Rules() []care.Rule {
	rs := care.Rules()
	rs = append(rs, review.Rules()...)
	rs = append(rs, supervision.Rules()...)
	rs = append(rs, permanence.Rules()...)
	return append(rs, driftRule.Clone())
}

// secondReviewHeld returns the date the second review of the period of
// care current at asOf was held, if it has been by asOf, and due
// otherwise: the date PERM-01 measures against
// (permanence.Inputs.SecondReview).
func secondReviewHeld(h *care.History, held []care.Date, asOf, due care.Date) care.Date {
	cur, _, ok := h.PeriodAt(asOf)
	if !ok {
		return due
	}
	n := 0
	for _, d := range held {
		if d.After(asOf) || d.Before(cur.Start) || (!cur.End.IsZero() && d.After(cur.End)) {
			continue
		}
		if n++; n == 2 {
			return d
		}
	}
	return due
}

// estimate is about how many findings a case gives (it is generous by a
// third or so on synthetic cases), so that an emitter new to its work
// grows once.
func (c *Case) estimate() int {
	n := 16 + 4*len(c.Care.Episodes) + 3*len(c.Care.Visits) + 4*len(c.Care.CarePlans) + 3*len(c.Care.Events) +
		len(c.Care.HealthAssessments) + len(c.Care.SDQs) + len(c.Care.DentalChecks) + 4*len(c.Care.PEPs) +
		2*len(c.Care.MissingEpisodes) + len(c.Care.RiskMeetings) + 2*len(c.Care.PlacementApprovals) + len(c.Care.CeasingApprovals) +
		6*len(c.Review.Reviews) + len(c.Review.MidwayChecks) + 2*len(c.Supervision.Discussions) + 3*len(c.Supervision.Directions) +
		len(c.Permanence.Plan.Transitions) + len(c.Permanence.Adoption.Reviews)
	for i := range c.Review.Reviews {
		n += len(c.Review.Reviews[i].Recommendations)
	}
	return n
}
