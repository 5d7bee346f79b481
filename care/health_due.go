package care

import (
	"cmp"
	"fmt"
)

// This file holds the one-call calculators of the HLTH family and the
// computations they share with the rules in health.go: the rule and the
// calculator call the same function, so they cannot disagree.

// initialHealthObligation returns the HLTH-01 timescale of a period of care
// that began on start, whose first review was held on review (zero if not
// yet): the day of the review where it is earlier than p.Health.InitialDays
// working days after start and the policy reads reg 7(1) as binding the
// assessment to the first review; otherwise that working-day deadline. An
// error names the rule and wraps the calendar's.
func initialHealthObligation(cal *Calendar, p *Policy, start, review Date) (Obligation, error) {
	n := cmp.Or(p.Health.InitialDays, 20)
	due, err := ruleWorkingDays(cal, HLTH01, start, n, p.Counting)
	if err != nil {
		return Obligation{}, err
	}
	if p.Health.InitialReading == InitialHealthByFirstReview && !review.IsZero() && !review.Before(start) && review.Before(due) {
		// "before the first review of C's case": the review as held.
		return Obligation{Due: review, Anchor: review, AnchorAs: 1, Unit: Days}, nil
	}
	return Obligation{Due: due, Anchor: start, Count: n, Unit: WorkingDays}, nil
}

// healthReviewMonths returns the months from a health assessment on last
// to the next review (HLTH-02) of a child born on dob, under the policy's
// reading of reg 7(3) at the 5th birthday.
func healthReviewMonths(dob, last Date, hp *HealthPolicy) int {
	if AgeOn(dob, last) >= 5 {
		return cmp.Or(hp.FiveAndOverMonths, 12)
	}
	m := cmp.Or(hp.UnderFiveMonths, 6)
	if hp.FifthBirthday == FifthBirthdayByDueDate && !last.AddMonths(m).Before(Birthday(dob, 5)) {
		return cmp.Or(hp.FiveAndOverMonths, 12)
	}
	return m
}

// healthReviewObligation returns the HLTH-02 timescale that runs from a
// health assessment on last.
func healthReviewObligation(dob, last Date, hp *HealthPolicy) Obligation {
	m := healthReviewMonths(dob, last, hp)
	return Obligation{Due: last.AddMonths(m), Anchor: last, Count: m, Unit: Months}
}

// firstSDQObligation returns the first HLTH-03 timescale of a period of
// care that began on start, for a child born on dob: m months after the
// later of start (AnchorAs 1) and the 4th birthday (AnchorAs 2).
func firstSDQObligation(dob, start Date, m int) Obligation {
	o := Obligation{Anchor: start, AnchorAs: 1, Count: m, Unit: Months}
	if b4 := Birthday(dob, 4); b4.After(o.Anchor) {
		o.Anchor, o.AnchorAs = b4, 2
	}
	o.Due = o.Anchor.AddMonths(m)
	return o
}

// obligationDeadline returns the timescale of obligation o, of kind k, as a
// [Deadline] that explains itself.
func obligationDeadline(k *Kind, o Obligation) Deadline {
	return Deadline{Rule: k.Rule.ID, Due: o.Due, Anchor: o.Anchor, AnchorLabel: k.anchor(uint8(o.AnchorAs)),
		Count: o.Count, Unit: o.Unit}
}

// ruleWorkingDays returns the last day of "within n working days of
// anchor" under counting, for rule id: an error names the rule and wraps
// the calendar's.
func ruleWorkingDays(cal *Calendar, id RuleID, anchor Date, n int, counting Counting) (Date, error) {
	if cal == nil {
		return Date{}, errNilCalendar
	}
	d, err := cal.WorkingDayDeadline(anchor, n, counting)
	if err != nil {
		return Date{}, fmt.Errorf("care: %s: %w", id, err)
	}
	return d, nil
}

// checkCalculator checks what every working-day calculator needs: a
// calendar and a policy no looser than statute.
func checkCalculator(cal *Calendar, p Policy) error {
	if cal == nil {
		return errNilCalendar
	}
	return p.Validate()
}

// checkHealthPolicy returns the problems of p as [ValidationErrors], with
// paths such as "health.sdq_months".
func checkHealthPolicy(p HealthPolicy) error {
	var errs ValidationErrors
	p.validate(&errs)
	return errs.Err()
}

// InitialHealthAssessmentDue returns when the initial health assessment
// (HLTH-01) of a child who became looked after on lookedAfter is due,
// given the day the first review of that period of care was held
// (firstReview; zero if it has not been).
//
// CPPCR reg 7(1) asks for it "before the first review of C's case". The
// due date is the first review as held where that is earlier than
// p.Health.InitialDays (20) working days after lookedAfter (a count of 0:
// "no later than the first review held"); where the review is later, or
// not yet held, it is the 20th working day after lookedAfter, which is
// both the statutory guidance's "within 20 working days" and the latest
// day the first review may be held (reg 33(1), "within 20 working days of
// the date on which C becomes looked after").
//
// Counting: "within … of" does not count lookedAfter itself: it is day 0
// and the deadline is the 20th working day after it (CPPCR reg 2(1)
// working days, [Calendar.WorkingDayDeadline]), unless p.Counting counts
// it as day 1. An assessment on the review's own day is on time: a
// date-only record cannot tell the morning from the afternoon. With
// p.Health.InitialReading set to [InitialHealthByWorkingDays] an early
// review does not bring the date forward. An assessment with a written
// report in the 3 months before the placement (reg 7(2)), or the child's
// refusal (reg 7(4)), means none is owed; the calculator does not know of
// them.
//
// It returns an error naming the field for a zero lookedAfter or a
// firstReview before it, an error if cal is nil or p is looser than
// statute ([Policy.Validate]), and one wrapping [ErrOutsideCalendar] if the
// count leaves the calendar. See also [HealthReviewDue] and the review
// package's Milestones, which gives the first review's due date.
func InitialHealthAssessmentDue(lookedAfter, firstReview Date, cal *Calendar, p Policy) (Deadline, error) {
	if err := checkCalculator(cal, p); err != nil {
		return Deadline{}, err
	}
	var errs ValidationErrors
	if lookedAfter.IsZero() {
		errs.Add("looked_after", ErrRequired)
	} else if !firstReview.IsZero() && firstReview.Before(lookedAfter) {
		errs.Addf("first_review", "held %s, before the child became looked after on %s", firstReview, lookedAfter)
	}
	if err := errs.Err(); err != nil {
		return Deadline{}, err
	}
	o, err := initialHealthObligation(cal, &p, lookedAfter, firstReview)
	if err != nil {
		return Deadline{}, err
	}
	return obligationDeadline(&kindHLTH01, o), nil
}

// HealthReviewDue returns when the next review health assessment (HLTH-02)
// is due after the health assessment on last, for a child born on dob:
// p.UnderFiveMonths (6) months after last if the child was under 5 on
// that day, otherwise p.FiveAndOverMonths (12) months after it (CPPCR reg
// 7(3): "at least once in every period of six months before C's fifth
// birthday, and at least once in every period of 12 months after C's
// fifth birthday"). With p.FifthBirthday set to [FifthBirthdayByDueDate],
// 6 months applies only if that date falls before the 5th birthday.
//
// Counting: the period runs from the day after last, so it ends on the
// corresponding date N months after last ([Date.AddMonths]: 31 August + 6
// months is the last day of February); an assessment on the due date is on
// time.
//
// It returns an error naming the field for a zero dob or last, or a last
// before dob, and the policy's problems if p is looser than statute. See
// also [InitialHealthAssessmentDue].
func HealthReviewDue(dob, last Date, p HealthPolicy) (Deadline, error) {
	if err := checkHealthPolicy(p); err != nil {
		return Deadline{}, err
	}
	var errs ValidationErrors
	if dob.IsZero() {
		errs.Add("date_of_birth", ErrRequired)
	}
	if last.IsZero() {
		errs.Add("last_assessment", ErrRequired)
	} else if !dob.IsZero() && last.Before(dob) {
		errs.Addf("last_assessment", "dated %s, before the date of birth", last)
	}
	if err := errs.Err(); err != nil {
		return Deadline{}, err
	}
	return obligationDeadline(&kindHLTH02, healthReviewObligation(dob, last, &p)), nil
}

// SDQDue returns when the next Strengths and Difficulties Questionnaire
// (HLTH-03) is due for a child born on dob who became looked after on
// lookedAfter, whose last SDQ in this period of care was on last (zero if
// none): p.SDQMonths (12) months after the last SDQ, or, before the first,
// after the later of lookedAfter and the 4th birthday. It returns false
// when none is owed because that date falls on or after the 17th birthday
// (the SDQ covers ages 4 to 16). An SDQ dated before that anchor belongs
// to an earlier period or age and is ignored, as the rule ignores it.
//
// Counting: months follow the corresponding-date rule ([Date.AddMonths]);
// an SDQ on the due date is on time. A deadline that runs from the 4th
// birthday prints without the birthday's date.
//
// It returns an error naming the field for a zero dob or lookedAfter, or a
// lookedAfter before dob, and the policy's problems if p is looser than
// statute. See also [HealthReviewDue].
func SDQDue(dob, lookedAfter, last Date, p HealthPolicy) (Deadline, bool, error) {
	if err := checkHealthPolicy(p); err != nil {
		return Deadline{}, false, err
	}
	var errs ValidationErrors
	if dob.IsZero() {
		errs.Add("date_of_birth", ErrRequired)
	}
	if lookedAfter.IsZero() {
		errs.Add("looked_after", ErrRequired)
	} else if !dob.IsZero() && lookedAfter.Before(dob) {
		errs.Addf("looked_after", "%s is before the date of birth", lookedAfter)
	}
	if err := errs.Err(); err != nil {
		return Deadline{}, false, err
	}
	m := cmp.Or(p.SDQMonths, 12)
	o := firstSDQObligation(dob, lookedAfter, m)
	if !last.IsZero() && !last.Before(o.Anchor) {
		o = Obligation{Due: last.AddMonths(m), Anchor: last, Count: m, Unit: Months}
	}
	if b17 := Birthday(dob, 17); !b17.IsZero() && !o.Due.Before(b17) {
		return Deadline{}, false, nil
	}
	return obligationDeadline(&kindHLTH03, o), true, nil
}
