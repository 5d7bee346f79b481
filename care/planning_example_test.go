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
			Start: care.MustDate(2025, time.December, 18), ReasonNew: care.NewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6,
		}},
		PlanningRecords: care.PlanningRecords{Visits: visits},
	}
}

func seen(y int, m time.Month, d int) care.Visit {
	return care.Visit{Date: care.MustDate(y, m, d), Kind: care.VisitStatutory, ChildSeen: true}
}

// The first visit is due a week after the placement starts, on Christmas
// Day: reg 28 counts calendar days, so bank holidays do not move it. Each
// later interval runs from the visit actually made.
func ExampleEvaluateVisits() {
	r := fosterChild(seen(2025, time.December, 24), seen(2026, time.February, 10))
	rep, err := care.EvaluateVisits(r, care.Context{}, care.MustDate(2026, time.March, 1), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep {
		fmt.Println(f)
		fmt.Println("  ", f.Deadline)
	}
	// Output:
	// VIS-01 met: First visit within one week of the start of every placement (due 2025-12-25, done 2025-12-24)
	//    VIS-01 due 2025-12-25: 7 days after placement started on 2025-12-18
	// VIS-02 late: Visits at intervals of not more than six weeks in the first year of a placement (due 2026-02-04, done 2026-02-10)
	//    VIS-02 due 2026-02-04: 42 days after last visit on 2025-12-24
	// VIS-02 upcoming: Visits at intervals of not more than six weeks in the first year of a placement (due 2026-03-24)
	//    VIS-02 due 2026-03-24: 42 days after last visit on 2026-02-10
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
	ds, err := care.VisitSchedule(r, care.Context{}, care.MustDate(2027, time.February, 1), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range ds[len(ds)-2:] {
		fmt.Println(d)
	}
	// Output:
	// VIS-02 due 2027-01-25: 42 days after last visit on 2026-12-14
	// VIS-03 due 2027-04-20: 3 months after last visit on 2027-01-20
}

// A child in a long-term foster placement for over a year who has agreed
// to fewer visits is visited at least six-monthly (reg 28(3A)).
func ExampleNextVisit() {
	r := fosterChild(seen(2025, time.December, 19), seen(2027, time.January, 5))
	r.Episodes[0].LegalStatus = care.LegalStatusC2
	r.Episodes[0].PlacementType = care.PlacementTypeU4
	r.Episodes[0].LongTermFoster = true
	r.VisitAgreements = []care.VisitAgreement{{Agreed: care.MustDate(2026, time.December, 20)}}
	d, ok, err := care.NextVisit(r, care.Context{}, care.MustDate(2027, time.February, 1), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, d)
	// Output:
	// true VIS-04 due 2027-07-05: 6 months after last visit on 2027-01-05
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
	// care: parsing "SDQ9" as SDQ reason: care: unknown code
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
		Episodes: []care.Episode{{Start: care.MustDate(2026, time.January, 5), ReasonNew: care.NewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6}},
		PlanningRecords: care.PlanningRecords{HealthAssessments: []care.HealthAssessment{
			{Date: care.MustDate(2026, time.January, 20), Kind: care.HealthInitial, By: care.AssessorDoctor, WrittenReport: true},
			{Date: care.MustDate(2026, time.July, 10), Kind: care.HealthReview, By: care.AssessorNurse, WrittenReport: true},
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
		hl := rep.ForRule("HLTH-02")
		fmt.Println(rule, hl[len(hl)-1].Deadline)
	}
	// Output:
	// by-age HLTH-02 due 2027-01-10: 6 months after last health assessment on 2026-07-10
	// by-due-date HLTH-02 due 2027-07-10: 12 months after last health assessment on 2026-07-10
}
