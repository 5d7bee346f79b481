package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

func ExampleDate_AddMonths() {
	review := care.MustDate(2024, time.August, 31)
	fmt.Println(review.AddMonths(6))
	fmt.Println(care.MustDate(2025, time.November, 30).AddMonths(3))
	// Output:
	// 2025-02-28
	// 2026-02-28
}

func ExampleParseDate() {
	d, err := care.ParseDate("2026-04-03")
	fmt.Println(d, d.Weekday(), err)
	_, err = care.ParseDate("03/04/2026")
	fmt.Println(err)
	// Output:
	// 2026-04-03 Friday <nil>
	// care: parsing "03/04/2026" as date: care: invalid date: want YYYY-MM-DD
}

func ExampleNewDate() {
	_, err := care.NewDate(2025, time.April, 31)
	fmt.Println(err)
	// Output:
	// care: invalid date: 2025-04-31 does not exist
}

func ExampleAgeOn() {
	dob := care.MustDate(2008, time.February, 29)
	fmt.Println(care.AgeOn(dob, care.MustDate(2025, time.February, 28)))
	fmt.Println(care.AgeOn(dob, care.MustDate(2025, time.March, 1)))
	fmt.Println(care.Birthday(dob, 18))
	// Output:
	// 16
	// 17
	// 2026-03-01
}

func ExamplePeriod_Overlaps() {
	first := care.Period{Start: care.MustDate(2025, 1, 6), End: care.MustDate(2025, 3, 3)}
	second := care.Period{Start: care.MustDate(2025, 3, 3)} // ongoing
	fmt.Println(first.Overlaps(second), first.Days(), second.DaysTo(care.MustDate(2025, 4, 1)))
	// Output:
	// false 56 29
}

func ExamplePlacements() {
	eps := []care.Episode{
		{Start: care.MustDate(2025, 1, 6), ReasonNew: care.NewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 2, 10), ReasonCeased: care.CeasedX1},
		// A change of legal status only: the placement continues.
		{Start: care.MustDate(2025, 2, 10), ReasonNew: care.NewEpisodeL, LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 5, 1), ReasonCeased: care.CeasedX1},
		// A new carer: a new placement.
		{Start: care.MustDate(2025, 5, 1), ReasonNew: care.NewEpisodeP, LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeK2},
	}
	for _, p := range care.Placements(eps) {
		fmt.Println(p.Period, p.Type)
	}
	fmt.Println(care.PeriodsOfCare(eps))
	ls, _ := care.LegalStatusOn(eps, care.MustDate(2025, 3, 1))
	fmt.Println(ls, ls.Description())
	// Output:
	// [2025-01-06, 2025-05-01) U6
	// [2025-05-01, ongoing) K2
	// [[2025-01-06, ongoing)]
	// C1 interim care order
}

func ExampleDeadline_Evaluate() {
	dl := care.Deadline{Rule: "REV-01", Due: care.MustDate(2026, 5, 5), Anchor: care.MustDate(2026, 4, 2),
		AnchorLabel: "becoming looked after", Count: 20, Unit: care.WorkingDays}
	fmt.Println(dl)
	fmt.Println(dl.Evaluate(care.MustDate(2026, 5, 5), care.MustDate(2026, 6, 1)))
	fmt.Println(dl.Evaluate(care.Date{}, care.MustDate(2026, 5, 6)))
	// Output:
	// REV-01 due 2026-05-05: 20 working days after becoming looked after on 2026-04-02
	// met
	// overdue
}

// AppendAssessment adds the care-record findings to a report that already
// holds another package's; one sort at the end orders the whole report.
func ExampleAppendAssessment() {
	rec := care.Record{
		Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2012, 5, 1), Ethnicity: care.EthnicityWBRI,
			Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"},
		Episodes: []care.Episode{{Start: care.MustDate(2026, 4, 2), ReasonNew: care.NewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}},
	}
	other := care.Report{{Rule: "REV-01", Subject: "reviews[0]", Status: care.Upcoming, Due: care.MustDate(2026, 5, 5)}}
	rep, err := care.AppendAssessment(other, rec, care.Context{}, care.MustDate(2026, 4, 8), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.Sort()
	for _, f := range rep.WithStatus(care.Upcoming, care.Overdue) {
		fmt.Println(f.Due, f.Rule, f.Status)
	}
	// Output:
	// 2026-04-09 VIS-01 upcoming
	// 2026-04-13 PLAN-04 upcoming
	// 2026-04-13 PLAN-05 upcoming
	// 2026-04-20 EDU-01 upcoming
	// 2026-04-20 PLAN-01 upcoming
	// 2026-05-05 HLTH-01 upcoming
	// 2026-05-05 REV-01 upcoming
	// 2026-08-31 EDU-02 upcoming
	// 2027-04-02 HLTH-03 upcoming
	// 2027-04-02 HLTH-04 upcoming
}

// ValidateEpisodes reports every fault with its path, never stopping at
// the first.
func ExampleValidateEpisodes() {
	eps := []care.Episode{
		{Start: care.MustDate(2025, 1, 6), ReasonNew: care.NewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 3, 1), ReasonCeased: care.CeasedX1},
		// Starts before the previous episode ended, and has no legal status.
		{Start: care.MustDate(2025, 2, 20), ReasonNew: care.NewEpisodeP, PlacementType: care.PlacementTypeK2},
	}
	for _, e := range care.ValidateEpisodes("episodes", eps, care.MustDate(2012, 5, 1)) {
		fmt.Println(e)
	}
	// Output:
	// episodes[1].legal_status: required
	// episodes[1].start: starts 2025-02-20, overlapping the previous episode, which ends 2025-03-01
}

// A report's failures as an error, for callers who want error semantics.
func ExampleReport_Err() {
	rep := care.Report{
		{Rule: "VIS-01", Status: care.Met, Due: care.MustDate(2026, 4, 9), Message: "first visit"},
		{Rule: "PLAN-04", Status: care.Overdue, Due: care.MustDate(2026, 4, 13), Message: "placement plan"},
	}
	fmt.Println(rep.Err())
	fmt.Println(rep.WithStatus(care.Met).Err())
	// Output:
	// care: PLAN-04 overdue: placement plan (due 2026-04-13)
	// <nil>
}

// Gathering findings in a scratch report and appending them, sorted, to a
// report of exactly the right size; the scratch report is left as it was.
func ExampleReport_AppendSorted() {
	scratch := care.Report{
		{Rule: "PLAN-04", Status: care.Overdue, Due: care.MustDate(2026, 4, 13), Message: "placement plan"},
		{Rule: "VIS-01", Status: care.Met, Due: care.MustDate(2026, 4, 9), Message: "first visit"},
		{Rule: "HLTH-01", Status: care.Upcoming, Due: care.MustDate(2026, 4, 13), Message: "initial health assessment"},
	}
	rep := scratch.AppendSorted(make(care.Report, 0, len(scratch)))
	for _, f := range rep {
		fmt.Println(f)
	}
	fmt.Println("scratch still starts with", scratch[0].Rule)
	// Output:
	// VIS-01 met: first visit (due 2026-04-09)
	// HLTH-01 upcoming: initial health assessment (due 2026-04-13)
	// PLAN-04 overdue: placement plan (due 2026-04-13)
	// scratch still starts with PLAN-04
}
