package care

import "cmp"

// This file holds the one-call calculator of EDU-01 and the computation it
// shares with the rule in education.go.

// pepObligation returns the EDU-01 initiation timescale of a period of
// care that began on start: p.Education.InitiateDays working days after
// it. An error names the rule and wraps the calendar's.
func pepObligation(cal *Calendar, p *Policy, start Date) (Obligation, error) {
	n := cmp.Or(p.Education.InitiateDays, 10)
	due, err := ruleWorkingDays(cal, EDU01, start, n, p.Counting)
	if err != nil {
		return Obligation{}, err
	}
	return Obligation{Due: due, Anchor: start, Count: n, Unit: WorkingDays}, nil
}

// PEPDue returns when the personal education plan (EDU-01) of a child born
// on dob, who became looked after on lookedAfter, is due to be initiated:
// within p.Education.InitiateDays (10) working days of lookedAfter, or by
// the first review of the period of care if that was held earlier
// (firstReview; zero if it has not been held), since the PEP is to be in
// place by the first review (statutory guidance 2018, regulations.md row
// 2.4). It returns false when the rule does not apply: the child was
// younger than p.Education.FromAge (4) when the period began.
//
// Counting: "within 10 working days of" does not count lookedAfter: it is
// day 0 (CPPCR reg 2(1) working days, [Calendar.WorkingDayDeadline])
// unless p.Counting counts it as day 1. A PEP initiated on the due date,
// or on the review's own day, is on time.
//
// It returns an error naming the field for a zero dob or lookedAfter, or a
// firstReview before lookedAfter, an error if cal is nil or p is looser
// than statute ([Policy.Validate]), and one wrapping [ErrOutsideCalendar]
// if the count leaves the calendar. See also [InitialHealthAssessmentDue].
func PEPDue(dob, lookedAfter, firstReview Date, cal *Calendar, p Policy) (Deadline, bool, error) {
	if err := checkCalculator(cal, p); err != nil {
		return Deadline{}, false, err
	}
	var errs ValidationErrors
	if dob.IsZero() {
		errs.Add("date_of_birth", ErrRequired)
	}
	if lookedAfter.IsZero() {
		errs.Add("looked_after", ErrRequired)
	} else if !firstReview.IsZero() && firstReview.Before(lookedAfter) {
		errs.Addf("first_review", "held %s, before the child became looked after on %s", firstReview, lookedAfter)
	}
	if err := errs.Err(); err != nil {
		return Deadline{}, false, err
	}
	if AgeOn(dob, lookedAfter) < cmp.Or(p.Education.FromAge, 4) {
		return Deadline{}, false, nil
	}
	o, err := pepObligation(cal, &p, lookedAfter)
	if err != nil {
		return Deadline{}, false, err
	}
	if !firstReview.IsZero() && firstReview.Before(o.Due) {
		return obligationDeadline(&kindEDU01Review, Obligation{Due: firstReview, Anchor: firstReview, Unit: Days}), true, nil
	}
	return obligationDeadline(&kindEDU01, o), true, nil
}
