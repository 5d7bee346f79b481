package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// An integrator with only dates and a placement type asks for the next
// visit in one call. The child was placed with an aunt (U3, a connected
// person) on Monday 3 March 2025 under her temporary approval as a foster
// carer (CPPCR reg 24), recorded once, as a ConnectedApproval: the visits
// are weekly until the first review (reg 28(4)).
func ExampleNextVisit_connectedPerson() {
	f := care.VisitFacts{
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.March, 3), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU3}},
		Visits:             []care.Visit{{Date: care.MustDate(2025, time.March, 4), Kind: care.VisitKindStatutory, ChildSeen: true}},
		ConnectedApprovals: []care.ConnectedApproval{{Carer: "CP01", Start: care.MustDate(2025, time.March, 3)}},
	}
	d, ok, err := care.NextVisit(f, care.MustDate(2025, time.March, 5), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, d)
	// Output:
	// true VIS-06 due 2025-03-11: 7 days after the last visit on 2025-03-04
}

// The weekly visits of reg 28(4) last "until the first review"; after it
// the four-weekly interval runs from the last visit. With a visit on 28
// May and the first review on 29 May, the next visit is due by 25 June,
// not on 4 June.
func ExampleNextVisit_firstReview() {
	seen := func(d int) care.Visit {
		return care.Visit{Date: care.MustDate(2025, time.May, d), Kind: care.VisitKindStatutory, ChildSeen: true}
	}
	f := care.VisitFacts{
		// Living with a parent (P1) under an interim care order (C1).
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.May, 7), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeP1}},
		Visits: []care.Visit{seen(7), seen(14), seen(21), seen(28)},
	}
	for _, asOf := range []care.Date{care.MustDate(2025, time.May, 28), care.MustDate(2025, time.May, 30)} {
		f.Reviews = []care.Date{care.MustDate(2025, time.May, 29)} // held by the second date only
		d, _, err := care.NextVisit(f, asOf, care.VisitsPolicy{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(asOf, d)
	}
	// Output:
	// 2025-05-28 VIS-06 due 2025-06-04: 7 days after the last visit on 2025-05-28
	// 2025-05-30 VIS-06 due 2025-06-25: 28 days after the last visit on 2025-05-28
}

// A whole record gives the visit facts it holds; the dates of the reviews
// held come from package review (review.HeldDates).
func ExampleRecord_VisitFacts() {
	r := care.Record{
		Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2016, time.May, 4)},
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.March, 3), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU4}},
		PlanningRecords: care.PlanningRecords{Visits: []care.Visit{
			{Date: care.MustDate(2025, time.March, 6), Kind: care.VisitKindStatutory, ChildSeen: true}}},
	}
	reviews := []care.Date{care.MustDate(2025, time.March, 28)}
	d, ok, err := care.NextVisit(r.VisitFacts(reviews), care.MustDate(2025, time.April, 1), care.VisitsPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, d)
	// Output:
	// true VIS-02 due 2025-04-17: 42 days after the last visit on 2025-03-06
}

// Bad facts are an error naming the field: here an extension of a
// temporary approval recorded to end after the statute allows.
func ExampleVisitFacts() {
	start := care.MustDate(2025, time.March, 3)
	f := care.VisitFacts{
		Episodes: []care.Episode{{Start: start, ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU3}},
		ConnectedApprovals: []care.ConnectedApproval{{Carer: "CP01", Start: start,
			ExtendedOn: care.MustDate(2025, time.June, 16), ExtensionEnds: care.MustDate(2025, time.August, 25),
			ExtendedBy: care.ApproverNominatedOfficer}},
	}
	_, _, err := care.NextVisit(f, care.MustDate(2025, time.March, 5), care.VisitsPolicy{})
	fmt.Println(err)
	// Output:
	// connected_approvals[0].extension_ends: 2025-08-25 is after 2025-08-18, the latest an extension may end: CPPCR reg 25(2) allows one extension of up to 8 weeks after the 16 weeks of temporary approval end on 2025-06-23
}
