package review

import (
	"github.com/lookedafter/practice/care"
)

// Assessor evaluates the review rules REV-01 to REV-10 with one policy and
// one working-day calendar, both checked once, when it is made. It is
// read-only and safe for concurrent use: a cohort run makes one and
// assesses every child with it.
type Assessor struct {
	p   Policy
	cal *care.Calendar
}

// NewAssessor returns an assessor for policy p and calendar cal. It returns
// an error if p is looser than statute or nonsense ([Policy.Validate]), or
// cal is nil (wrapping [care.ErrOutsideCalendar]).
func NewAssessor(p Policy, cal *care.Calendar) (*Assessor, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if cal == nil {
		return nil, errNoCalendar
	}
	return &Assessor{p: p, cal: cal}, nil
}

// Emit evaluates the review rules for the child whose history is h and
// whose review record is rec, recording the findings in e as of e.AsOf():
//
//   - REV-01, REV-02, REV-03 and REV-09: one finding per deadline of
//     [Schedule] (Met, Late, Overdue, Upcoming or Missed). The subject is
//     the review held, or for a review not yet held, which has no record,
//     the first episode of its review sequence.
//   - REV-04, for each review sequence: the IRO appointed, the IRO met the
//     child before the first review, and the IRO named in the care plan
//     (see the rule's text for what closes each window).
//   - REV-05: a midway check in each interval after a review.
//   - REV-06: each recommendation's owner and due date (a Breach if one is
//     missing) and its completion or follow-up by that date.
//   - REV-07: decisions circulated and the record completed.
//   - REV-08: Met, or a Breach if the participation code is missing or the
//     views of a child aged 4 or more are not recorded.
//   - REV-10: an adjourned review completed in time, and a Breach if a
//     proposal was implemented before it was.
//
// A deadline not met is Overdue while it is still owed on the assessment
// date and Missed once its window has closed; each rule's Text says what
// closes it (the review sequence ending, the next review being held, the
// child leaving care). Working days count from the anchor as day 0 unless
// Policy.Counting says otherwise; months are calendar months clamped to
// the month end. Records dated after the assessment date are treated as
// not yet made. The emitter leaves out a rule not yet in force on the
// date its timescale runs from.
//
// Emit validates rec against h ([Record.Validate]; h holds the child and
// the episodes, already validated) and returns the
// [care.ValidationErrors] if it is invalid. It also returns an error if
// the assessment date is zero or a working-day count leaves the calendar
// (wrapping [care.ErrOutsideCalendar]). On error it records nothing.
func (a *Assessor) Emit(e *care.Emitter, h *care.History, rec Record) error {
	asOf := e.AsOf()
	if asOf.IsZero() {
		return errNoAsOf
	}
	dob := h.Child().DateOfBirth
	var errs care.ValidationErrors
	rec.validate(&errs, dob, h.Episodes(), h.Truncated())
	if err := errs.Err(); err != nil {
		return err
	}
	// The sequences and the schedule are working memory the emitter keeps
	// from one child to the next.
	sc := care.Scratch[scratch](e)
	sc.seqs = appendSpans(sc.seqs[:0], h.Episodes(), a.p.shortBreakLapse())
	x := assessment{Assessor: a, e: e, asOf: asOf, rec: rec, dob: dob, seqs: sc.seqs}
	var err error
	if sc.steps, err = appendSchedule(sc.steps[:0], x.seqs, rec.Reviews, asOf, a.cal, a.p, h.Truncated()); err != nil {
		return err
	}
	x.steps = sc.steps
	n := e.Len()
	x.timetable()
	err = x.iro()
	if err == nil {
		x.midway()
		err = x.meetings()
	}
	if err != nil {
		e.Truncate(n)
		return err
	}
	return nil
}

// scratch is the working memory of [Assessor.Emit], kept by the emitter
// ([care.Scratch]).
type scratch struct {
	seqs  []span
	steps []step
}

// Milestones is [Milestones] for a whole-case assessment: the due dates of
// the first and second reviews of the child's current review sequence, as
// of asOf, with the assessor's policy and calendar. It checks only that
// the reviews have dates in order, since [Assessor.Emit] validates the
// record.
func (a *Assessor) Milestones(h *care.History, reviews []Review, asOf care.Date) (first, second care.Date, err error) {
	if asOf.IsZero() {
		return care.Date{}, care.Date{}, errNoAsOf
	}
	if err := checkReviews(reviews); err != nil {
		return care.Date{}, care.Date{}, err
	}
	return milestones(buildSpans(h.Episodes(), a.p.shortBreakLapse()), reviews, asOf, a.cal, a.p)
}

// assessment is one call of [Assessor.Emit]: its inputs, the review
// sequences and their timetable.
type assessment struct {
	*Assessor
	e     *care.Emitter
	asOf  care.Date
	rec   Record
	dob   care.Date
	seqs  []span
	steps []step
}

// Assess evaluates the review rules REV-01 to REV-10 for one child as of
// asOf, with the working-day calendar cal and the policy p, and returns
// the findings sorted by due date then rule ID (see [Assessor.Emit] for
// what each rule reports).
//
// It returns an error, and no report, if the policy is invalid, asOf is
// zero, cal is nil, the child, the episodes or the record are invalid (a
// [care.ValidationErrors] with paths such as "reviews[2].held",
// "episodes[0].start" and "child.date_of_birth"), the child is 18 or over
// and still looked after on asOf ([care.History.ValidateOn]), or a
// working-day count leaves the calendar (wrapping
// [care.ErrOutsideCalendar]).
//
// See also [Schedule] and [Record.Validate].
func Assess(rec Record, child care.Child, eps []care.Episode, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	a, err := NewAssessor(p, cal)
	if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		return nil, errNoAsOf
	}
	h, err := care.NewHistory(child, eps)
	if err != nil {
		// Report the record's problems with the history's.
		var errs care.ValidationErrors
		errs.Merge("", err)
		rec.validate(&errs, child.DateOfBirth, eps, false)
		return nil, errs.Err()
	}
	if err := h.ValidateOn(asOf); err != nil {
		return nil, err
	}
	e := care.NewEmitter(asOf)
	if err := a.Emit(e, h, rec); err != nil {
		return nil, err
	}
	return e.Report(), nil
}
