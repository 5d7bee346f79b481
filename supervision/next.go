package supervision

import (
	"fmt"

	"github.com/lookedafter/practice/care"
)

// This file holds the one-call calculators: the next supervision of a
// worker (SUP-01) and the next discussion of a child's case (SUP-02), each
// computed by walking the rule's own clock and recording its findings in
// an emitter, so that the answer is the rule's open interval.

// NextSupervision returns the deadline of worker w's next supervision
// session as of asOf (SUP-01): the due date of the open interval, with the
// session, the start in post or the phase of the assessed and supported
// year (ASYE) it runs from. It is due on or after asOf (Upcoming) or has
// passed (Overdue). It returns false when no supervision is owed on asOf:
// w has not started by then, or has left (the first day not in post is on
// or before asOf).
//
// Counting convention: calendar days, as [Gaps] counts them. A session on
// D starts an interval of the length in force on D ([Policy]: every 4
// weeks by default; for a newly qualified worker weekly in the ASYE's first
// 6 weeks, fortnightly to 6 months, then monthly to 12 months), which ends
// on D + 7×weeks days, or the corresponding date for months
// ([Interval.AddTo]); a session on that day is on time. The first interval
// runs from the first day in post. The start of a stricter phase of the
// ASYE inside an open interval starts a competing interval, and the
// earlier due date wins. Several sessions on one day count once; sessions
// after asOf are not yet known. Which kinds of session count is set by the
// policy (individual sessions only, by default).
//
// sessions are the worker's own sessions, in any order: each must name w
// as its worker. Only their dates, workers and kinds are read, so their
// case notes need no directions beside them. NextSupervision returns an
// error naming the field if p is invalid, asOf is zero, w is invalid
// ("workers[0].start"), or a session is (a missing field, another worker,
// a date outside w's time in post: "sessions[2].worker").
//
// See also [Gaps] for every worker's intervals and gaps, and
// [NextCaseDiscussion].
func NextSupervision(w Worker, sessions []Session, asOf care.Date, p Policy) (care.Deadline, bool, error) {
	if err := p.Validate(); err != nil {
		return care.Deadline{}, false, fmt.Errorf("supervision: policy: %w", err)
	}
	if asOf.IsZero() {
		return care.Deadline{}, false, fmt.Errorf("supervision: as-of date: %w", care.ErrRequired)
	}
	// Validate what the computation reads: the worker and the sessions'
	// dates, workers and kinds (not the case notes).
	d := Dataset{Workers: []Worker{w}, Sessions: sessions}
	var errs care.ValidationErrors
	w.validate(&errs, at("workers", 0))
	in := map[string]int{w.ID: 0}
	for i, s := range sessions {
		validateSessionFields(&errs, at("sessions", i), s.Date, s.Supervisor, s.Worker, s.Kind)
		d.checkInPost(&errs, at("sessions", i), in, s.Worker, s.Date, s.Date)
	}
	if err := errs.Err(); err != nil {
		return care.Deadline{}, false, err
	}
	c, ok := workerClock(w, care.Date{}, sessions, sessionsByWorker(d, p)[0], nil, asOf, p)
	if !ok {
		return care.Deadline{}, false, nil
	}
	e := care.NewEmitter(asOf)
	for o := range c.walk {
		e.Deadline(&supervisionKind, o.obligation(care.At(0), w.End))
	}
	return nextDue(e.Findings())
}

// NextCaseDiscussion returns the deadline of the next discussion in
// supervision of a child's case as of asOf (SUP-02): the due date of the
// open interval, with the discussion or the first allocation of the case
// it runs from. It is due on or after asOf (Upcoming) or has passed
// (Overdue). It returns false when no discussion is owed on asOf: the case
// was never allocated, its first allocation starts after asOf, or it has
// closed (its last allocation ended on or before asOf).
//
// Counting convention: calendar days, as [CaseAssessor.Emit] counts them.
// The interval is p.CaseDiscussion (6 weeks by default): a discussion on D
// is followed by the next due on D + 42 days, and a discussion on that day
// is on time. The first interval runs from the first day of the first
// allocation; the clock follows the child across reallocations and
// unallocated spells. A discussion counts if its worker held the case at
// any time on that day (the outgoing worker too, on the day of a
// reallocation); several on one day count once; discussions after asOf are
// not yet known.
//
// It reads only the child's allocations and discussions (the directions
// and the case notes' contents play no part). It returns an error naming
// the field if p is invalid, asOf is zero, an allocation or a discussion
// is invalid (paths "allocations[1].to", "discussions[0].worker"), or
// allocations overlap or name different children.
//
// See also [AssessCase] for the findings, [DiscussionGaps] for the gaps,
// and [NextSupervision].
func NextCaseDiscussion(allocations []Allocation, discussions []Discussion, asOf care.Date, p Policy) (care.Deadline, bool, error) {
	if err := p.Validate(); err != nil {
		return care.Deadline{}, false, fmt.Errorf("supervision: policy: %w", err)
	}
	if asOf.IsZero() {
		return care.Deadline{}, false, fmt.Errorf("supervision: as-of date: %w", care.ErrRequired)
	}
	r := CaseRecord{Allocations: allocations, Discussions: discussions}
	var errs care.ValidationErrors
	child := r.childID()
	for i := range allocations {
		allocations[i].validate(&errs, at("allocations", i), child, false)
	}
	checkAllOverlaps(&errs, "allocations", allocations)
	for i := range discussions {
		dn := &discussions[i]
		validateSessionFields(&errs, at("discussions", i), dn.Date, dn.Supervisor, dn.Worker, dn.Kind)
	}
	if err := errs.Err(); err != nil {
		return care.Deadline{}, false, err
	}
	start, closed, ok := r.span()
	if !ok {
		return care.Deadline{}, false, nil
	}
	e := care.NewEmitter(asOf)
	r.discussed(e, start, closed, p)
	return nextDue(e.Findings())
}

// nextDue returns the deadline of the live finding among fs, the open
// interval of a clock's walk (the last finding), and false if it is not
// live: met, or missed because its window has closed.
func nextDue(fs care.Report) (care.Deadline, bool, error) {
	if len(fs) == 0 || !fs[len(fs)-1].Status.IsLive() {
		return care.Deadline{}, false, nil
	}
	d, ok := fs[len(fs)-1].Deadline()
	return d, ok, nil
}
