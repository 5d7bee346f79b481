package review_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/review"
)

// A synthetic child, looked after under a care order from the given day.
func episodes(start care.Date) []care.Episode {
	return []care.Episode{{Start: start, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
		PlacementType: care.PlacementTypeU4}}
}

// Reviews run from the day they were actually held, and months clamp to
// the month's end: a review on 31 October puts the next on 30 April.
func ExampleSchedule() {
	eps := episodes(care.MustDate(2025, time.July, 7))
	reviews := []review.Review{
		{Held: care.MustDate(2025, time.July, 31)},
		{Held: care.MustDate(2025, time.October, 31)},
	}
	due, err := review.Schedule(eps, reviews, care.MustDate(2025, time.December, 1), care.EnglandAndWales(), review.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range due {
		fmt.Printf("%-8s %v\n", d.Status, d.Deadline)
	}
	// Output:
	// met      REV-01 due 2025-08-04: 20 working days after becoming looked after on 2025-07-07
	// met      REV-02 due 2025-10-31: 3 months after the first review on 2025-07-31
	// upcoming REV-03 due 2026-04-30: 6 months after the previous review on 2025-10-31
}

// A child who becomes looked after on Christmas Eve: Christmas Day, Boxing
// Day and New Year's Day are not working days.
func ExampleNextDue() {
	eps := episodes(care.MustDate(2025, time.December, 24))
	next, ok, err := review.NextDue(eps, nil, care.MustDate(2026, time.January, 5), care.EnglandAndWales(), review.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, next)
	// Output:
	// true REV-01 due 2026-01-26: 20 working days after becoming looked after on 2025-12-24
}

// The second review's due date feeds the permanence rule PERM-01; until
// the first review is held it is projected from the first's due date.
func ExampleMilestones() {
	eps := episodes(care.MustDate(2025, time.March, 1)) // a Saturday
	cal := care.EnglandAndWales()
	first, second, err := review.Milestones(eps, nil, care.MustDate(2025, time.March, 10), cal, review.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("projected:", first, second)
	held := []review.Review{{Held: care.MustDate(2025, time.March, 21)}}
	first, second, err = review.Milestones(eps, held, care.MustDate(2025, time.March, 24), cal, review.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("after the first review:", first, second)
	// Output:
	// projected: 2025-03-28 2025-06-28
	// after the first review: 2025-03-28 2025-06-21
}

// Assess reports every review rule; here the failures of a child whose
// first review was a day late and whose review record is overdue.
func ExampleAssess() {
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, time.May, 1)}
	eps := episodes(care.MustDate(2025, time.January, 6))
	rec := review.Record{
		Reviews: []review.Review{{
			Held: care.MustDate(2025, time.February, 4), Participation: care.ParticipationPN1, ViewsRecorded: true,
			DecisionsCirculated: care.MustDate(2025, time.February, 7),
			Recommendations: []review.Recommendation{
				{Ref: "R1", Text: "Arrange sibling contact", Owner: "SW01", Due: care.MustDate(2025, time.March, 3),
					Completed: care.MustDate(2025, time.February, 26)},
				{Ref: "R2", Text: "Refer to CAMHS", Due: care.MustDate(2025, time.February, 28)},
			},
		}},
		IRO: []review.IROAllocation{{IROID: "IRO7", Appointed: care.MustDate(2025, time.January, 9),
			MetChild: care.MustDate(2025, time.January, 30), NamedInPlan: care.MustDate(2025, time.January, 10)}},
	}
	rep, err := review.Assess(rec, child, eps, care.MustDate(2025, time.March, 10), care.EnglandAndWales(), review.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Failures() {
		fmt.Println(f.Subject()+":", f)
	}
	fmt.Println(rep.Count(care.Met), "met")
	// Output:
	// reviews[0].recommendations[1]: REV-06 breach: review on 4 February 2025: recommendation has no owner
	// reviews[0]: REV-01 late: first review on 4 February 2025, 1 day late; due 3 February 2025, 20 working days after becoming looked after on 6 January 2025
	// reviews[0].recommendations[1]: REV-06 overdue: no completion or follow-up yet; due 28 February 2025, 24 days after the review on 4 February 2025
	// reviews[0]: REV-07 overdue: no review record completed yet; due 4 March 2025, 20 working days after the review on 4 February 2025
	// 6 met
}

// A review dated before the child became looked after is bad input, not a
// finding.
func ExampleRecord_Validate() {
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, time.May, 1)}
	eps := episodes(care.MustDate(2025, time.January, 6))
	rec := review.Record{Reviews: []review.Review{
		{Held: care.MustDate(2025, time.January, 3)},
		{Held: care.MustDate(2025, time.January, 30), Participation: care.ParticipationPN0},
	}}
	fmt.Println(rec.Validate(child, eps))
	// Output:
	// reviews[0].held: the child was not looked after: held 2025-01-03, before the child was first looked after
	// reviews[1].participation: PN0 (under 4) but the child was 4 or over when the review was held
}

// A policy may be stricter than the statute but never looser.
func ExamplePolicy_Validate() {
	fmt.Println(review.Policy{LaterReviewMonths: 4}.Validate())
	fmt.Println(review.Policy{LaterReviewMonths: 7}.Validate())
	// Output:
	// <nil>
	// later_review_months: 7 months is looser than the statutory limit (CPPCR reg 33(2)) of 6 months
}

func ExampleHeldDates() {
	reviews := []review.Review{{Held: care.MustDate(2025, time.January, 30)}, {Held: care.MustDate(2025, time.April, 29)}}
	fmt.Println(review.HeldDates(reviews))
	// Output:
	// [2025-01-30 2025-04-29]
}

func ExampleRules() {
	for _, r := range review.Rules() {
		fmt.Printf("%s %-9s %s\n", r.ID, r.Severity, r.Citation.Provision)
	}
	// Output:
	// REV-01 statutory reg 33(1)
	// REV-02 statutory reg 33(2)
	// REV-03 statutory reg 33(2)
	// REV-04 local     s.25A; CPPCR reg 5(d)
	// REV-05 local     monitoring the case between reviews; local practice standard
	// REV-06 local     reg 36(1)(d); inspection finding
	// REV-07 local     ch. 3, outcomes from the review (figures unconfirmed); CPPCR reg 38 sets no timescale
	// REV-08 local     Reviews table, REVIEW_CODE; inspection finding
	// REV-09 statutory reg 48(3)(d)
	// REV-10 statutory reg 36(2)
}

func ExampleParseEarlyReason() {
	r, err := review.ParseEarlyReason("iro-request")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r, r.IsEarly(), r.Provision())
	_, err = review.ParseEarlyReason("IRO")
	fmt.Println(err)
	// Output:
	// iro-request true reg 33(3)(a)
	// care: parsing "IRO" as early review reason: unknown code
}

func ExampleParseCheckOutcome() {
	o, err := review.ParseCheckOutcome("escalated")
	fmt.Println(o, err)
	// Output:
	// escalated <nil>
}

// An assessor checks its policy once and then records the findings of
// each child in an emitter, as the root package does for a whole case: one
// emitter gathers every package's findings and sorts them once. Here the
// child left care before the first review was held, so it is missed, not
// overdue: nobody can hold it now.
func ExampleNewAssessor() {
	a, err := review.NewAssessor(review.Policy{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, time.May, 1)}
	eps := episodes(care.MustDate(2025, time.January, 6))
	eps[0].End, eps[0].ReasonCeased = care.MustDate(2025, time.February, 17), care.ReasonEpisodeCeasedE4A
	h, err := care.NewHistory(child, eps)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec := review.Record{IRO: []review.IROAllocation{{IROID: "IRO7", Appointed: care.MustDate(2025, time.January, 9)}}}
	e := care.NewEmitter(care.MustDate(2025, time.March, 10))
	if err := a.Emit(e, h, rec); err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range e.Report() {
		fmt.Println(f.Subject()+":", f)
	}
	// Output:
	// episodes[0]: REV-04 breach: IRO appointment on 9 January 2025: IRO not named in the care plan
	// episodes[0]: REV-04 met: IRO appointed on 9 January 2025, on time; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025
	// episodes[0]: REV-01 missed: no first review by 3 February 2025 (20 working days after becoming looked after on 6 January 2025); closed when the child left care on 17 February 2025
	// episodes[0]: REV-04 missed: no IRO meeting with the child by 3 February 2025 (no later than the first review's due date on 3 February 2025); closed when the child left care on 17 February 2025
}
