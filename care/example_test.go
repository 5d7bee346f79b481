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
	// care: parsing "03/04/2026" as date: invalid date: want YYYY-MM-DD
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
		{Start: care.MustDate(2025, 1, 6), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 2, 10), ReasonCeased: care.ReasonEpisodeCeasedX1},
		// A change of legal status only: the placement continues.
		{Start: care.MustDate(2025, 2, 10), ReasonNew: care.ReasonNewEpisodeL, LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 5, 1), ReasonCeased: care.ReasonEpisodeCeasedX1},
		// A new carer: a new placement.
		{Start: care.MustDate(2025, 5, 1), ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeK2},
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

// Assess gives the care-record findings of one child, sorted; the
// upcoming ones are the child's worklist.
func ExampleAssess() {
	rec := care.Record{
		Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2012, 5, 1), Ethnicity: care.EthnicityWBRI,
			Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"},
		Episodes: []care.Episode{{Start: care.MustDate(2026, 4, 2), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}},
	}
	rep, err := care.Assess(rec, care.Context{}, care.MustDate(2026, 4, 8), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.WithStatus(care.Upcoming, care.Overdue) {
		fmt.Println(f.Due, f.Rule(), f.Status)
	}
	// Output:
	// 2026-04-09 VIS-01 upcoming
	// 2026-04-13 PLAN-04 upcoming
	// 2026-04-13 PLAN-05 upcoming
	// 2026-04-20 EDU-01 upcoming
	// 2026-04-20 PLAN-01 upcoming
	// 2026-05-05 HLTH-01 upcoming
	// 2026-08-31 EDU-02 upcoming
	// 2027-04-02 HLTH-03 upcoming
	// 2027-04-02 HLTH-04 upcoming
}

// An authority adds a rule family of its own local standards through the
// same emitter the library's rules use: the rule is a value, its kind of
// finding says what the obligation is and where its records are, and the
// decision is a few lines that read as the standard reads. Findings render
// their messages when read, and their statuses follow the library's
// conventions (a window that closed unmet is Missed, not Overdue).
func ExampleEmitter() {
	// LOCAL-01: life-story work starts within 3 months of a placement
	// order, while the child is looked after.
	rule := care.Rule{
		ID: "LOCAL-01", Title: "Life-story work started within 3 months of the placement order",
		Citation: care.Citation{Instrument: "Anytown Council practice standards", Provision: "standard 7", Abbrev: "Anytown"},
		Severity: care.SeverityLocal, Domain: care.DomainPermanence,
	}
	kind := care.Kind{
		Rule: &rule, What: "life-story work", Subject: "episodes[]",
		Anchor: "the placement order", Closures: []string{"the child left care"},
	}
	type child struct {
		order, started, leftCare care.Date
	}
	children := []child{
		{order: care.MustDate(2026, 1, 12), started: care.MustDate(2026, 3, 30)},
		{order: care.MustDate(2026, 5, 4)},
		{order: care.MustDate(2025, 9, 1), leftCare: care.MustDate(2026, 2, 2)},
	}
	for _, c := range children {
		e := care.NewEmitter(care.MustDate(2026, 12, 1))
		e.Deadline(&kind, care.Obligation{
			Subject: care.At(0), Anchor: c.order, Due: c.order.AddMonths(3), Count: 3, Unit: care.Months,
			Done: c.started, Closes: c.leftCare,
		})
		for _, f := range e.Report() {
			fmt.Println(f)
		}
	}
	// Output:
	// LOCAL-01 met: life-story work on 30 March 2026, on time; due 12 April 2026, 3 months after the placement order on 12 January 2026
	// LOCAL-01 overdue: no life-story work yet; due 4 August 2026, 3 months after the placement order on 4 May 2026
	// LOCAL-01 missed: no life-story work by 1 December 2025 (3 months after the placement order on 1 September 2025); closed when the child left care on 2 February 2026
}

// ValidateEpisodes reports every fault with its path, never stopping at
// the first.
func ExampleValidateEpisodes() {
	eps := []care.Episode{
		{Start: care.MustDate(2025, 1, 6), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, 3, 1), ReasonCeased: care.ReasonEpisodeCeasedX1},
		// Starts before the previous episode ended, and has no legal status.
		{Start: care.MustDate(2025, 2, 20), ReasonNew: care.ReasonNewEpisodeP, PlacementType: care.PlacementTypeK2},
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
	rule := care.Rule{ID: "PLAN-04", Title: "Placement plan", Severity: care.SeverityStatutory}
	kind := care.Kind{Rule: &rule, What: "placement plan", Anchor: "the start of the placement"}
	e := care.NewEmitter(care.MustDate(2026, 5, 1))
	start := care.MustDate(2026, 4, 6)
	e.Deadline(&kind, care.Obligation{Anchor: start, Due: care.MustDate(2026, 4, 13), Count: 5, Unit: care.WorkingDays})
	rep := e.Report()
	fmt.Println(rep.Err())
	fmt.Println(rep.WithStatus(care.Met).Err())
	// Output:
	// care: PLAN-04 overdue: no placement plan yet; due 13 April 2026, 5 working days after the start of the placement on 6 April 2026
	// <nil>
}
