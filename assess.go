package practice

import (
	"errors"
	"sync"

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

// Assess evaluates every rule of the catalogue that applies to the child,
// as of asOf, with the working-day calendar cal (usually
// [care.EnglandAndWales]) and the authority's standards. The report is
// sorted by due date, then rule ID, and ends with the DRIFT-01 finding when
// the child is flagged for drift.
//
// The rules that concern social workers rather than a child, SUP-01
// (each worker's supervision) and SUP-05 (caseloads), are computed over
// the authority's data by package supervision ([supervision.Gaps],
// [supervision.Caseloads]); a case carries only its own supervision record.
//
// It returns an error, and no report, when the standards are looser than
// statute, the case fails [Case.Validate], or a date it needs falls outside
// the calendar ([care.ErrOutsideCalendar]).
func Assess(c Case, asOf care.Date, std Standards, cal *care.Calendar) (care.Report, error) {
	if err := std.Validate(); err != nil {
		return nil, err
	}
	if cal == nil {
		return nil, errNilCalendar
	}
	w := scratchPool.Get().(*worker)
	defer scratchPool.Put(w)
	rep, _, err := w.assess(&c, asOf, std, cal, keepReport)
	return rep, err
}

// scratchPool holds the workers [Assess] borrows; nothing in a worker is
// referenced by a report it returns.
var scratchPool = sync.Pool{New: func() any { return new(worker) }}

// worker is the scratch space of one goroutine's assessments.
type worker struct {
	// scratch gathers every package's findings, unsorted; the report is
	// then built from it, sorted, in memory of exactly the right size.
	scratch care.Report
	held    []care.Date // the dates the reviews were held
}

// keep says what the caller keeps of an assessment.
type keep uint8

const (
	// keepReport: the sorted report, in a new slice of exactly the right
	// size; of the drift, only its counts ([Assess]).
	keepReport keep = iota
	// keepReportAndDrift: the sorted report, and the drift with its
	// findings ([AssessCohort]).
	keepReportAndDrift
	// keepDrift: the drift with its findings. The findings returned are
	// the unsorted scratch report, without DRIFT-01, valid until the
	// worker's next assessment: enough to count them, which does not
	// depend on their order ([AssessCohort] with DiscardReports).
	keepDrift
)

// assess assesses one case with standards already validated, returning
// what k says.
//
// Each package validates its own records before assessing them, so the case
// is not validated again up front; when any step fails, [Case.Validate]
// runs to report every invalid field of every package, and its error wins
// over the step's, exactly as if the case had been validated first.
func (w *worker) assess(c *Case, asOf care.Date, std Standards, cal *care.Calendar, k keep) (care.Report, Drift, error) {
	rep, drift, err := w.assessValid(c, asOf, std, cal, k)
	if err != nil {
		if verr := c.Validate(); verr != nil {
			return nil, Drift{}, verr
		}
		return nil, Drift{}, err
	}
	return rep, drift, nil
}

// assessValid is assess without the full validation on failure.
func (w *worker) assessValid(c *Case, asOf care.Date, std Standards, cal *care.Calendar, k keep) (care.Report, Drift, error) {
	first, second, err := review.Milestones(c.Episodes, c.Reviews, asOf, cal, std.Review)
	if err != nil {
		return nil, Drift{}, err
	}
	// The review dates care reads (review.HeldDates), in reused scratch.
	w.held = w.held[:0]
	for i := range c.Reviews {
		w.held = append(w.held, c.Reviews[i].Held)
	}
	ctx := care.Context{Reviews: w.held, FirstReviewDue: first}
	// Every package appends to one scratch report.
	rep := w.scratch[:0]
	if n := c.estimate(); cap(rep) < n {
		rep = make(care.Report, 0, n)
	}
	defer func() { w.scratch = rep[:0] }()
	if rep, err = care.AppendAssessment(rep, c.Record, ctx, asOf, cal, std.Care); err != nil {
		return nil, Drift{}, err
	}
	if rep, err = review.AppendAssessment(rep, c.ReviewRecord, c.Child, c.Episodes, asOf, cal, std.Review); err != nil {
		return nil, Drift{}, err
	}
	if rep, err = supervision.AppendCaseAssessment(rep, c.Child.ID, c.Supervision, asOf, std.Supervision); err != nil {
		return nil, Drift{}, err
	}
	in := permanence.Inputs{Child: c.Child, Episodes: c.Episodes, SecondReview: secondReviewHeld(c, asOf, second)}
	if rep, err = permanence.AppendAssessment(rep, c.Permanence, in, asOf, cal, std.Permanence); err != nil {
		return nil, Drift{}, err
	}
	// Drift is counted on the unsorted findings (its counts do not depend
	// on order; its findings are sorted, a handful), so that the report is
	// allocated once, with room for the DRIFT-01 finding if there is one.
	drift := driftOf(c.Child.ID, rep, asOf, std.Drift, k != keepReport)
	drift.Findings.Sort()
	if k == keepDrift {
		return rep, drift, nil
	}
	n := len(rep)
	if drift.Flagged {
		n++
	}
	sorted := rep.AppendSorted(make(care.Report, 0, n))
	if drift.Flagged {
		sorted = append(sorted, driftFinding(c.Child.String(), drift, sorted, std.Drift))
	}
	// The scratch report is not cleared: until it is overwritten it keeps
	// one report's evidence alive, which costs less than zeroing it for
	// every child (and a pooled worker is dropped by the garbage collector).
	return sorted, drift, nil
}

// Rules returns the whole rule catalogue of the library, every package's
// rules in a stable order (care, review, supervision, permanence, then
// DRIFT-01): a fresh slice on every call.
func Rules() []care.Rule {
	rs := care.Rules()
	rs = append(rs, review.Rules()...)
	rs = append(rs, supervision.Rules()...)
	rs = append(rs, permanence.Rules()...)
	return append(rs, driftRule())
}

// secondReviewHeld returns the date the second review of the current period
// of care was held, if it has been by asOf, and due otherwise: the date
// PERM-01 measures against (permanence.Inputs.SecondReview).
func secondReviewHeld(c *Case, asOf, due care.Date) care.Date {
	// The period of care current at asOf, as care.PeriodsOfCare joins
	// episodes (one starting the day the previous ended continues it),
	// found without building the list.
	var cur care.Period
	eps := c.Episodes
	for i := range eps {
		if i == 0 || !eps[i].Start.Equal(eps[i-1].End) {
			if eps[i].Start.After(asOf) {
				break
			}
			cur = care.Period{Start: eps[i].Start, End: eps[i].End}
			continue
		}
		cur.End = eps[i].End
	}
	n := 0
	for i := range c.Reviews {
		held := c.Reviews[i].Held
		if held.After(asOf) || held.Before(cur.Start) || (!cur.End.IsZero() && held.After(cur.End)) {
			continue
		}
		if n++; n == 2 {
			return held
		}
	}
	return due
}

// estimate is a generous count of the findings a case will give, so that
// its report is allocated once: the care records' share, plus room for
// what each later package reserves before it appends (review, supervision
// and permanence each grow the report by their own estimate first, and a
// short reservation would copy the whole report each time), plus DRIFT-01.
func (c *Case) estimate() int {
	care := 32 + 2*len(c.Episodes) + 2*len(c.Visits) + 4*len(c.CarePlans) + 3*len(c.Events) + len(c.HealthAssessments) +
		len(c.SDQs) + len(c.DentalChecks) + 4*len(c.PEPs) + 2*len(c.MissingEpisodes) + len(c.RiskMeetings) +
		2*len(c.PlacementApprovals) + len(c.CeasingApprovals)
	recs := 0
	for i := range c.Reviews {
		recs += len(c.Reviews[i].Recommendations)
	}
	spans := len(c.Episodes) // an upper bound on periods of care and short-break series
	review := 6*len(c.Reviews) + recs + 5*spans + len(c.MidwayChecks) + 8
	sup := 2*len(c.Supervision.Discussions) + 3*len(c.Supervision.Directions) + 4
	perm := 8 + len(c.Permanence.Plan.Transitions) + len(c.Permanence.Adoption.Reviews)
	return care + review + sup + perm + 1
}
