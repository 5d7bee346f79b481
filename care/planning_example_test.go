package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// fosterChild is a synthetic child placed in foster care on Thursday 18
// December 2025, a week before Christmas.
func fosterChild(visits ...care.Visit) care.Record {
	return care.Record{
		Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2016, time.May, 4)},
		Episodes: []care.Episode{{
			Start: care.MustDate(2025, time.December, 18), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6,
		}},
		PlanningRecords: care.PlanningRecords{Visits: visits},
	}
}

func seen(y int, m time.Month, d int) care.Visit {
	return care.Visit{Date: care.MustDate(y, m, d), Kind: care.VisitKindStatutory, ChildSeen: true}
}

// The first visit is due a week after the placement starts, on Christmas
// Day: reg 28 counts calendar days, so bank holidays do not move it. Each
// later interval runs from the visit actually made. Each finding's subject
// is the placement's first episode.
func ExampleEvaluateVisits() {
	r := fosterChild(seen(2025, time.December, 24), seen(2026, time.February, 10))
	rep, err := care.EvaluateVisits(r.VisitFacts(nil), care.MustDate(2026, time.March, 1), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep {
		fmt.Println(f.Subject(), f)
	}
	// Output:
	// episodes[0] VIS-01 met: visit on 24 December 2025, on time; due 25 December 2025, 7 days after the start of the placement on 18 December 2025
	// episodes[0] VIS-02 late: visit on 10 February 2026, 6 days late; due 4 February 2026, 42 days after the last visit on 24 December 2025
	// episodes[0] VIS-02 upcoming: visit due 24 March 2026, 42 days after the last visit on 10 February 2026
}

// A visit still owed while the child stays in the placement is overdue:
// someone can make it today. Once the placement has ended, the visit can
// no longer be made, and the interval is missed; a placement that ends on
// or before the due date owed no visit at all.
func ExampleEvaluateVisits_placementEnded() {
	r := fosterChild(seen(2025, time.December, 19))
	// The child moves to a new placement on 10 February 2026, six days
	// after the visit fell due.
	r.Episodes[0].End, r.Episodes[0].ReasonCeased = care.MustDate(2026, time.February, 10), care.ReasonEpisodeCeasedX1
	r.Episodes = append(r.Episodes, care.Episode{Start: care.MustDate(2026, time.February, 10), ReasonNew: care.ReasonNewEpisodeP,
		LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU4})
	rep, err := care.EvaluateVisits(r.VisitFacts(nil), care.MustDate(2026, time.March, 1), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Failures() {
		fmt.Println(f.Subject(), f)
	}
	// Output:
	// episodes[0] VIS-02 missed: no visit by 30 January 2026 (42 days after the last visit on 19 December 2025); closed when the placement ended on 10 February 2026
	// episodes[1] VIS-01 overdue: no visit yet; due 17 February 2026, 7 days after the start of the placement on 10 February 2026
}

// A placement intended to last until the child is 18 moves from six-weekly
// to three-monthly visits once the last visit falls after its first
// anniversary.
func ExampleVisitSchedule() {
	r := fosterChild(seen(2025, time.December, 19), seen(2026, time.January, 28), seen(2026, time.March, 9),
		seen(2026, time.April, 16), seen(2026, time.May, 26), seen(2026, time.July, 6), seen(2026, time.August, 14),
		seen(2026, time.September, 24), seen(2026, time.November, 3), seen(2026, time.December, 14), seen(2027, time.January, 20))
	r.Episodes[0].LegalStatus = care.LegalStatusC2
	r.Episodes[0].IntendedUntil18 = true
	ds, err := care.VisitSchedule(r.VisitFacts(nil), care.MustDate(2027, time.February, 1), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range ds[len(ds)-2:] {
		fmt.Println(d)
	}
	// Output:
	// VIS-02 due 2027-01-25: 42 days after the last visit on 2026-12-14
	// VIS-03 due 2027-04-20: 3 months after the last visit on 2027-01-20
}

// A child in a long-term foster placement for over a year who has agreed
// to fewer visits is visited at least six-monthly (reg 28(3A)).
func ExampleNextVisit() {
	r := fosterChild(seen(2025, time.December, 19), seen(2027, time.January, 5))
	r.Episodes[0].LegalStatus = care.LegalStatusC2
	r.Episodes[0].PlacementType = care.PlacementTypeU4
	r.Episodes[0].LongTermFoster = true
	r.VisitAgreements = []care.VisitAgreement{{Agreed: care.MustDate(2026, time.December, 20)}}
	d, ok, err := care.NextVisit(r.VisitFacts(nil), care.MustDate(2027, time.February, 1), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, d)
	// Output:
	// true VIS-04 due 2027-07-05: 6 months after the last visit on 2027-01-05
}

// The default terms end spring on Easter Sunday, which moves from year to
// year.
func ExampleDefaultTerms() {
	for _, t := range care.DefaultTerms(2025) {
		fmt.Println(t.Name, t.First, t.Last)
	}
	// Output:
	// autumn 2025-09-01 2025-12-31
	// spring 2026-01-01 2026-04-05
	// summer 2026-04-06 2026-08-31
}

func ExampleParseSDQReason() {
	r, err := care.ParseSDQReason("SDQ5")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r, r.Description())
	_, err = care.ParseSDQReason("SDQ9")
	fmt.Println(err)
	// Output:
	// SDQ5 child or young person refused
	// care: parsing "SDQ9" as SDQ reason: unknown code
}

func ExampleVisit_Validate() {
	v := care.Visit{Date: care.MustDate(2026, time.March, 3), WrittenUp: care.MustDate(2026, time.March, 2)}
	fmt.Println(v.Validate())
	// Output:
	// kind: required
	// written_up: written up 2026-03-02, before the visit on 2026-03-03
}

// A child who turns 5 between two review health assessments: by default the
// interval is set by the child's age at the last assessment (design.md
// Q3); the policy switch offers the other reading of reg 7(3).
func Example_healthReviewAtFifthBirthday() {
	r := care.Record{
		Child: care.Child{ID: "C0002", DateOfBirth: care.MustDate(2021, time.September, 15)},
		Episodes: []care.Episode{{Start: care.MustDate(2026, time.January, 5), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6}},
		PlanningRecords: care.PlanningRecords{HealthAssessments: []care.HealthAssessment{
			{Date: care.MustDate(2026, time.January, 20), Kind: care.HealthAssessmentKindInitial, By: care.AssessorDoctor, WrittenReport: true},
			{Date: care.MustDate(2026, time.July, 10), Kind: care.HealthAssessmentKindReview, By: care.AssessorNurse, WrittenReport: true},
		}},
	}
	asOf := care.MustDate(2026, time.October, 1)
	for _, rule := range []care.FifthBirthday{care.FifthBirthdayByAge, care.FifthBirthdayByDueDate} {
		var p care.Policy
		p.Health.FifthBirthday = rule
		rep, err := care.Assess(r, care.Context{}, asOf, care.EnglandAndWales(), p)
		if err != nil {
			fmt.Println(err)
			return
		}
		hl := rep.ForRule(care.HLTH02)
		d, _ := hl[len(hl)-1].Deadline()
		fmt.Println(rule, d)
	}
	// Output:
	// by-age HLTH-02 due 2027-01-10: 6 months after the last health assessment on 2026-07-10
	// by-due-date HLTH-02 due 2027-07-10: 12 months after the last health assessment on 2026-07-10
}
