package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// careLeaver is a young person born 15 June 2008 who left care on 10
// January 2025 for accommodation the authority provides, with a pathway
// plan prepared on 31 August 2024.
func careLeaver(lc care.LeavingCare) care.Record {
	lc.PathwayPlans = []care.PathwayPlan{{Prepared: care.MustDate(2024, time.August, 31)}}
	lc.Accommodation = []care.Period{{Start: care.MustDate(2025, time.January, 10)}}
	return care.Record{
		Child: care.Child{ID: "C0004", DateOfBirth: care.MustDate(2008, time.June, 15)},
		Episodes: []care.Episode{{Start: care.MustDate(2022, time.January, 10), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6,
			End: care.MustDate(2025, time.January, 10), ReasonCeased: care.ReasonEpisodeCeasedE5}},
		SafeguardingRecords: care.SafeguardingRecords{LeavingCare: lc},
	}
}

// A pathway plan prepared on 31 August is reviewed by the last day of
// February ("at intervals of not more than six months"). Once a review is
// held after the first 28 days of the accommodation the authority
// provides, the next is due within three months.
func ExampleNextPathwayReview() {
	r := careLeaver(care.LeavingCare{})
	next, ok, err := care.NextPathwayReview(r, care.Context{}, care.MustDate(2025, time.January, 20), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, next)

	r.LeavingCare.PathwayReviews = []care.PathwayReview{{Date: care.MustDate(2025, time.February, 7)}}
	next, ok, err = care.NextPathwayReview(r, care.Context{}, care.MustDate(2025, time.March, 1), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, next)
	// Output:
	// true LEAV-02 due 2025-02-28: 6 months after the preparation of the pathway plan on 2024-08-31
	// true LEAV-02 due 2025-05-07: 3 months after the last pathway plan review, accommodation being provided, on 2025-02-07
}

// The personal adviser visits within 7 days of the accommodation first
// being provided, then at intervals of not more than two months: a visit
// on 31 December puts the next on the last day of February.
func ExampleNextAdviserVisit() {
	r := careLeaver(care.LeavingCare{})
	next, ok, err := care.NextAdviserVisit(r, care.MustDate(2025, time.January, 10), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, next)

	r.LeavingCare.AdviserVisits = []care.AdviserVisit{
		{Date: care.MustDate(2025, time.January, 16)},
		{Date: care.MustDate(2025, time.March, 14)},
		{Date: care.MustDate(2025, time.May, 9)},
		{Date: care.MustDate(2025, time.July, 8)},
		{Date: care.MustDate(2025, time.September, 5)},
		{Date: care.MustDate(2025, time.October, 31)},
		{Date: care.MustDate(2025, time.December, 31)},
	}
	next, ok, err = care.NextAdviserVisit(r, care.MustDate(2026, time.January, 5), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ok, next)
	// Output:
	// true LEAV-03 due 2025-01-17: 7 days after the start of the accommodation on 2025-01-10
	// true LEAV-03 due 2026-02-28: 2 months after the last adviser visit on 2025-12-31
}
