package practice_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/review"
)

// One child's case built by hand in one literal and assessed as of
// 1 September 2025: everything but what was met on time, soonest due first
// (findings with no due date, such as breaches, come first). The README's
// tour quotes this program and its output (TestReadmeTour).
func Example_tour() {
	c := practice.Case{
		Team: "North Children in Care", Office: "North",
		Care: care.Record{
			Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, time.June, 14)},
			Episodes: []care.Episode{{
				Start:          care.MustDate(2025, time.March, 3),
				ReasonNew:      care.ReasonNewEpisodeS, // S: started to be looked after
				LegalStatus:    care.LegalStatusC2,     // C2: full care order
				CategoryOfNeed: care.CategoryOfNeedN1,  // N1: abuse or neglect
				PlacementType:  care.PlacementTypeU6,   // U6: foster, other carer
			}},
			PlanningRecords: care.PlanningRecords{
				Visits: []care.Visit{
					{Date: care.MustDate(2025, time.March, 7), Kind: care.VisitKindStatutory, ChildSeen: true,
						SeenAlone: care.SeenAloneYes, ViewsRecorded: true, Purpose: "settling in",
						WrittenUp: care.MustDate(2025, time.March, 10)},
					{Date: care.MustDate(2025, time.April, 14), Kind: care.VisitKindStatutory, ChildSeen: true,
						SeenAlone: care.SeenAloneYes, ViewsRecorded: true, Purpose: "contact with her brother",
						WrittenUp: care.MustDate(2025, time.April, 15)},
					{Date: care.MustDate(2025, time.May, 23), Kind: care.VisitKindStatutory, ChildSeen: true,
						SeenAlone: care.SeenAloneYes, ViewsRecorded: true, Purpose: "school",
						WrittenUp: care.MustDate(2025, time.June, 9)},
				},
			},
		},
		Review: review.Record{
			Reviews: []review.Review{{
				Held:                care.MustDate(2025, time.March, 27),
				Participation:       care.ParticipationPN1, // attended and spoke for herself
				ViewsRecorded:       true,
				DecisionsCirculated: care.MustDate(2025, time.March, 31),
				RecordCompleted:     care.MustDate(2025, time.April, 17),
			}},
		},
	}

	asOf := care.MustDate(2025, time.September, 1)
	rep, err := practice.Assess(c, asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Filter(func(f care.Finding) bool { return f.Status != care.Met }) {
		fmt.Printf("%-8s %-8s %-10v %s\n", f.Rule(), f.Status, f.Due, f.Message())
	}
	// Output:
	// DRIFT-01 breach              10 live items, the oldest due 10 March 2025 (175 days overdue); domains: plans, visits, health, education, reviews, permanence
	// ID-01    breach              identity record: ethnicity not recorded; religion not recorded; first language not recorded; how identity needs are met not recorded
	// PLAN-04  overdue  2025-03-10 no placement plan yet; due 10 March 2025, 5 working days after the start of the placement on 3 March 2025
	// PLAN-05  overdue  2025-03-10 no notice to the IRO yet; due 10 March 2025, 5 working days after the start of the placement on 3 March 2025
	// REV-04   overdue  2025-03-10 no IRO appointed yet; due 10 March 2025, 5 working days after becoming looked after on 3 March 2025
	// EDU-01   overdue  2025-03-17 no PEP yet; due 17 March 2025, 10 working days after becoming looked after on 3 March 2025
	// PLAN-01  overdue  2025-03-17 no care plan yet; due 17 March 2025, 10 working days after the start of the first placement on 3 March 2025
	// HLTH-01  overdue  2025-03-27 no initial health assessment yet; due 27 March 2025, no later than the first review held on 27 March 2025
	// REV-05   overdue  2025-05-26 no IRO midway check yet; due 26 May 2025, 60 days after the review on 27 March 2025
	// VIS-08   late     2025-05-29 write-up on 9 June 2025, 11 days late; due 29 May 2025, 3 working days after the visit on 23 May 2025
	// PERM-01  overdue  2025-06-27 no plan for permanence yet; due 27 June 2025, no later than the second looked-after review on 27 June 2025
	// REV-02   overdue  2025-06-27 no second review yet; due 27 June 2025, 3 months after the first review on 27 March 2025
	// VIS-02   overdue  2025-07-04 no visit yet; due 4 July 2025, 42 days after the last visit on 23 May 2025
	// EDU-02   upcoming 2025-12-31 PEP review due 31 December 2025, 121 days after the start of the autumn term on 1 September 2025
	// HLTH-03  upcoming 2026-03-03 SDQ due 3 March 2026, 12 months after becoming looked after on 3 March 2025
	// HLTH-04  upcoming 2026-03-03 dental check due 3 March 2026, 12 months after becoming looked after on 3 March 2025
}
