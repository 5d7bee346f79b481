package care

// This file holds the one-call calculators of the LEAV family: the next
// pathway plan review (LEAV-02) and the personal adviser's next visit
// (LEAV-03), as a care leaver's worker asks them. Both run the rules'
// own code, so they agree with [RecordAssessor] by construction.

// NextPathwayReview returns the next review of the young person's pathway
// plan as of asOf (LEAV-02): the interval still open, which may already be
// overdue. It returns false when none is owed: the young person has not
// been an eligible child, is not now an eligible, relevant or former
// relevant child (a relevant child who has lived at home for six months,
// say), has no pathway plan prepared by asOf, or the duties end (at 21, or
// 25 where [LeavingCare].SupportTo25 is recorded) on or before the due
// date.
//
// Counting: each review is due within Policy.Leaving.PathwayReviewMonths
// (6) calendar months of the last review held, or of the plan's
// preparation before the first: Care Leavers (England) Regulations 2010
// reg 7(2)(c), "in any event, at intervals of not more than six months".
// Months follow the corresponding-date rule, clamped to the month's end
// ([Date.AddMonths]: a review on 31 August puts the next on the last day of
// February), and a review on the due date is on time. Where the authority
// provides accommodation under CA89 s.23B or s.24B, reg 7(3) asks for a
// review "as soon as is practicable after the end of a period of 28 days
// beginning on the day on which the accommodation is first provided" (the
// first day is day 1, so the period ends on day 28) and then for
// "intervals (not exceeding three months)": a review held on day 29 or
// later, while the accommodation lasts, puts the next within
// Policy.Leaving.AccommodationReviewMonths (3). Looked-after reviews in
// ctx.Reviews count as reviews of the plan while the child is looked
// after (not on short breaks). Reviews after asOf are not yet held.
//
// It returns an error if asOf is zero, p is looser than statute or
// nonsense, or r is invalid ([Record.Validate], [History.ValidateOn]).
// See also [CareLeaverStatus] and [NextAdviserVisit].
func NextPathwayReview(r Record, ctx Context, asOf Date, p Policy) (Deadline, bool, error) {
	s, err := prepareLeaving(r, ctx, asOf, p)
	if err != nil {
		return Deadline{}, false, err
	}
	st, err := CareLeaverStatus(s.h.Child(), s.eps, asOf)
	if err != nil {
		return Deadline{}, false, err
	}
	s.leaverDuties(st, ctx.Reviews)
	end, _ := s.dutiesEnd()
	d, ok := sgOpen(s.e, &kindLEAV02Review, end)
	return d, ok, nil
}

// NextAdviserVisit returns the personal adviser's next visit due to the
// accommodation the authority provides the young person under CA89 s.23B
// or s.24B, as of asOf (LEAV-03): the interval still open, which may
// already be overdue. It returns false when none is owed: no such
// accommodation is provided on asOf (an end recorded after asOf is not yet
// known), or the duties end (at 21, or 25) on or before the due date.
//
// Counting: Care Leavers (England) Regulations 2010 reg 8(2): the adviser
// visits "(a) within 7 days of the accommodation first being provided",
// the day it is first provided being day 0 (due on that day + 7, in
// Policy.Leaving.AdviserFirstVisitDays), and "(c) at subsequent intervals
// of not more than two months" (Policy.Leaving.AdviserVisitMonths) from
// the last visit made, calendar months by the corresponding-date rule
// ([Date.AddMonths]). A visit on the due date is on time; visits after
// asOf are not yet made. The visit due "(b) ... before the pathway plan is
// reviewed under regulation 7(3)" has no date until the review is held,
// so it is not returned ([NextPathwayReview] gives the review's due date).
//
// It returns the errors of [NextPathwayReview].
func NextAdviserVisit(r Record, asOf Date, p Policy) (Deadline, bool, error) {
	s, err := prepareLeaving(r, Context{}, asOf, p)
	if err != nil {
		return Deadline{}, false, err
	}
	s.adviserVisits()
	end, _ := s.dutiesEnd()
	d, ok := sgOpen(s.e, &kindLEAV03Visit, end)
	return d, ok, nil
}

// prepareLeaving checks what the leaving-care calculators read and returns
// an assessor that records into an emitter of its own. It needs no
// calendar: the duties it runs count calendar days and months only.
func prepareLeaving(r Record, ctx Context, asOf Date, p Policy) (*sgAssessor, error) {
	if asOf.IsZero() {
		return nil, &FieldError{Path: "as_of", Err: ErrRequired}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	h, err := NewHistory(r.Child, r.Episodes)
	if err != nil {
		return nil, err
	}
	if err := h.ValidateOn(asOf); err != nil {
		return nil, err
	}
	return &sgAssessor{r: &r, h: h, eps: h.Episodes(), e: NewEmitter(asOf), asOf: asOf, p: &p, reviews: ctx.Reviews}, nil
}

// sgOpen returns the deadline of the earliest-due finding of kind k that e
// holds still open (Overdue or Upcoming), and false if there is none. A
// deadline on or after day end, when the duties end, is not owed: the
// emitter reports it Upcoming until that day comes, but a birthday is
// certain.
func sgOpen(e *Emitter, k *Kind, end Date) (Deadline, bool) {
	var out Deadline
	found := false
	for _, f := range e.Findings() {
		if f.Kind() != k || !f.Status.IsLive() || (!end.IsZero() && !f.Due.Before(end)) {
			continue
		}
		if d, ok := f.Deadline(); ok && (!found || d.Due.Before(out.Due)) {
			out, found = d, true
		}
	}
	return out, found
}
