package care_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// The 72 hours are real hours. A return at 21:00 on the Friday before the
// clocks go back is due 72 elapsed hours later, at 20:00 GMT on the
// Monday: an hour earlier on the clock.
func ExampleReturnInterviewDue() {
	ret := care.Moment{Date: care.MustDate(2025, time.October, 24), Clock: care.MustClock(21, 0)}
	due, err := care.ReturnInterviewDue(ret, care.MissingPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due)
	fmt.Println(due.Due, due.DueTime, due.DueAt.Sub(due.AnchorAt))

	// With only the date of the return, the default gives the benefit of
	// the doubt: the return is taken as 23:59 on its day.
	ret = care.Moment{Date: care.MustDate(2025, time.August, 22)}
	due, err = care.ReturnInterviewDue(ret, care.MissingPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due)
	// Output:
	// MISS-01 due 2025-10-27 20:00 GMT: 72 hours after the return on 2025-10-24 21:00 BST
	// 2025-10-27 20:00 72h0m0s
	// MISS-01 due 2025-08-25 23:59 BST: 72 hours after the return on 2025-08-22 (no time recorded: taken as 23:59 BST)
}

// Before the clocks go forward the 72 hours end an hour later on the
// clock: 21:00 GMT on the Friday is due by 22:00 BST on the Monday.
func ExampleTimedDeadline_String() {
	ret := care.Moment{Date: care.MustDate(2025, time.March, 28), Clock: care.MustClock(21, 0)}
	due, err := care.ReturnInterviewDue(ret, care.MissingPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due.String())
	// Output:
	// MISS-01 due 2025-03-31 22:00 BST: 72 hours after the return on 2025-03-28 21:00 GMT
}

// A time in the hour the clocks repeat is its first occurrence, in BST; a
// time in the hour they skip is read as GMT.
func ExampleMoment_Instant() {
	for _, m := range []care.Moment{
		{Date: care.MustDate(2025, time.July, 1), Clock: care.MustClock(12, 0)},
		{Date: care.MustDate(2025, time.October, 26), Clock: care.MustClock(1, 30)},
		{Date: care.MustDate(2025, time.March, 30), Clock: care.MustClock(1, 30)},
		{Date: care.MustDate(2025, time.March, 30)},
	} {
		t, err := m.Instant()
		if err != nil {
			fmt.Println(m, err)
			continue
		}
		fmt.Println(m, t.Format(time.RFC3339))
	}
	// Output:
	// 2025-07-01 12:00 2025-07-01T11:00:00Z
	// 2025-10-26 01:30 2025-10-26T00:30:00Z
	// 2025-03-30 01:30 2025-03-30T01:30:00Z
	// 2025-03-30 time: required: no time of day recorded
}

// Three missing episodes whose starts are 89 days apart are "3 in 90
// days"; the third triggers a risk meeting.
func ExampleRepeatedMissing() {
	eps := []care.MissingEpisode{
		{Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.January, 1)},
		{Type: care.MissingTypeAway, Start: care.MustDate(2025, time.February, 1)},
		{Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.February, 10)},
		{Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.March, 31)},
	}
	i, ok := care.RepeatedMissing(eps, care.Date{}, care.MissingPolicy{})
	fmt.Println(i, ok, eps[i].Start)

	// Away episodes count only if the policy says so.
	i, ok = care.RepeatedMissing(eps, care.Date{}, care.MissingPolicy{IncludeAway: true})
	fmt.Println(i, ok, eps[i].Start)
	// Output:
	// 3 true 2025-03-31
	// 2 true 2025-02-10
}

func stabilityEpisodes() []care.Episode {
	ep := func(start time.Time, rne care.ReasonNewEpisode, pt care.PlacementType) care.Episode {
		return care.Episode{Start: care.DateIn(start, time.UTC), ReasonNew: rne, LegalStatus: care.LegalStatusC2,
			PlacementType: pt, Provider: care.PlacementProviderPR1, PlacementPostcode: "AB1 2CD"}
	}
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	eps := []care.Episode{
		ep(d(2022, time.June, 1), care.ReasonNewEpisodeS, care.PlacementTypeU6),
		// A week in temporary care while the foster carers are on holiday,
		// then back to them: neither move is a placement.
		ep(d(2024, time.July, 20), care.ReasonNewEpisodeP, care.PlacementTypeT3),
		ep(d(2024, time.July, 27), care.ReasonNewEpisodeP, care.PlacementTypeU6),
		// A real move to a new carer.
		ep(d(2024, time.November, 4), care.ReasonNewEpisodeP, care.PlacementTypeU4),
	}
	for i := range len(eps) - 1 {
		eps[i].End, eps[i].ReasonCeased = eps[i+1].Start, care.ReasonEpisodeCeasedX1
	}
	return eps
}

// A temporary move (placement type T3) and the return from it are not
// placement moves.
func ExamplePlacementMoves() {
	for _, m := range care.PlacementMoves(stabilityEpisodes()) {
		fmt.Println(m.Date, m.Reason, "episode", m.Episode, "starts care:", m.StartsCare)
	}
	// Output:
	// 2022-06-01 S episode 0 starts care: true
	// 2024-11-04 P episode 3 starts care: false
}

func ExampleCountPlacements() {
	year := care.Period{Start: care.MustDate(2024, time.April, 1), End: care.MustDate(2025, time.April, 1)}
	fmt.Println(care.CountPlacements(stabilityEpisodes(), year))
	// Output:
	// 2
}

// Stability measures on 31 March 2025 for a 12-year-old looked after since
// June 2022: two placements in the year, and a new carer five months ago,
// so not long-term stable.
func ExampleStabilityOn() {
	c := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2012, time.May, 10)}
	m := care.StabilityOn(c, stabilityEpisodes(), care.MustDate(2025, time.March, 31))
	fmt.Println("placements in the year:", m.PlacementsYear)
	fmt.Println("looked after 2 years:", m.TwoYears, "placements in 2 years:", m.PlacementsTwoYears)
	fmt.Println("long-term measure:", m.LongTerm, "same carer since:", m.SameCarerSince, "stable:", m.LongTermStable)
	// Output:
	// placements in the year: 2
	// looked after 2 years: true placements in 2 years: 2
	// long-term measure: true same carer since: 2024-11-04 stable: false
}

// Looked after from 18 March 2024, a child whose 16th birthday is 15 June
// 2024 reaches 13 weeks the day after it.
func ExampleCareLeaverStatus() {
	c := care.Child{ID: "C0004", DateOfBirth: care.MustDate(2008, time.June, 15)}
	eps := []care.Episode{{Start: care.MustDate(2024, time.March, 18), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}
	for _, asOf := range []care.Date{care.MustDate(2024, time.June, 15), care.MustDate(2024, time.June, 16)} {
		s, err := care.CareLeaverStatus(c, eps, asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %q, %d days since 14, eligible from %q\n", asOf, s.Category, s.DaysSince14, s.EligibleFrom)
	}
	// Output:
	// 2024-06-15: "", 90 days since 14, eligible from ""
	// 2024-06-16: "eligible", 91 days since 14, eligible from "2024-06-16"
}

// A 16th birthday on 30 November: 3 months later is the last day of
// February. The deadline names the birthday but never prints its date.
func ExampleNeedsAssessmentDue() {
	c := care.Child{ID: "C0009", DateOfBirth: care.MustDate(2007, time.November, 30)}
	eps := []care.Episode{{Start: care.MustDate(2022, time.January, 10), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6}}
	s, err := care.CareLeaverStatus(c, eps, care.MustDate(2023, time.December, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, ok := care.NeedsAssessmentDue(c, s, care.LeavingPolicy{})
	fmt.Println(d, ok)
	// Output:
	// LEAV-01 due 2024-02-29: 3 months after 16th birthday true
}

// A 16-year-old accommodated under s.20 for a year: ceasing to look after
// them needs the Director's approval.
func ExampleCeasingApprover() {
	c := care.Child{ID: "C0008", DateOfBirth: care.MustDate(2008, time.June, 15)}
	eps := []care.Episode{{Start: care.MustDate(2024, time.January, 8), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6,
		End: care.MustDate(2025, time.January, 10), ReasonCeased: care.ReasonEpisodeCeasedE5}}
	who, ok, err := care.CeasingApprover(c, eps, care.MustDate(2025, time.January, 10), 20, care.EnglandAndWales(), care.CountFromNextDay)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(who, ok)
	// Output:
	// director true
}

func ExampleParseClock() {
	c, err := care.ParseClock("23:00")
	fmt.Println(c, err)
	_, err = care.ParseClock("24:00")
	fmt.Println(err)
	// Output:
	// 23:00 <nil>
	// care: parsing "24:00" as time of day: invalid time of day: 24:00
}

func ExampleApprover_Satisfies() {
	fmt.Println(care.ApproverDirector.Satisfies(care.ApproverNominatedOfficer))
	fmt.Println(care.ApproverNominatedOfficer.Satisfies(care.ApproverDirector))
	// Output:
	// true
	// false
}

// A missing episode in the record's JSON form: the safeguarding lists sit
// beside "child" and "episodes", and times of day are "HH:MM".
func Example_safeguardingRecord() {
	r := care.Record{
		Child: care.Child{ID: "C0010", DateOfBirth: care.MustDate(2011, time.March, 3)},
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.January, 6), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeK2,
			DistanceMiles: decimal.NewNullDecimal(decimal.RequireFromString("34.2"))}},
	}
	r.MissingEpisodes = []care.MissingEpisode{{
		Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.August, 22), StartTime: care.MustClock(17, 30),
		End: care.MustDate(2025, time.August, 22), EndTime: care.MustClock(23, 0),
		Interview: care.ReturnInterview{Held: care.Moment{Date: care.MustDate(2025, time.August, 26), Clock: care.MustClock(9, 0)}},
	}}
	b, err := json.Marshal(r.SafeguardingRecords)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))

	rep, err := care.Assess(r, care.Context{}, care.MustDate(2025, time.September, 1), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.ForRule("MISS-01") {
		fmt.Println(f)
	}
	for _, f := range rep.ForRule("STAB-03") {
		fmt.Println(f)
	}
	// Output:
	// {"missing_episodes":[{"type":"M","start":"2025-08-22","start_time":"17:30","end":"2025-08-22","end_time":"23:00","interview":{"held":{"date":"2025-08-26","time":"09:00"}}}]}
	// MISS-01 late: return home interview held at 09:00 on 26 August 2025, 10 hours late; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025
	// STAB-03 breach: placement started on 6 January 2025, 34.2 miles from home (limit 20 miles): not approved by the nominated officer
}

// A return home interview is owed until the child next goes missing: then
// the next episode's interview takes its place, and one not held by then
// is missed, not overdue. The second interview is still owed.
func Example_returnInterviewMissed() {
	r := care.Record{Child: care.Child{ID: "C0014", DateOfBirth: care.MustDate(2011, time.March, 3)},
		Episodes: []care.Episode{{Start: care.MustDate(2024, time.January, 8), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6}}}
	r.MissingEpisodes = []care.MissingEpisode{
		{Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.August, 22), End: care.MustDate(2025, time.August, 22), EndTime: care.MustClock(23, 0)},
		{Type: care.MissingTypeMissing, Start: care.MustDate(2025, time.August, 29), End: care.MustDate(2025, time.August, 30), EndTime: care.MustClock(8, 15)},
	}
	rep, err := care.Assess(r, care.Context{}, care.MustDate(2025, time.September, 8), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.ForRule(care.MISS01) {
		fmt.Println(f.Subject(), f)
	}
	// Output:
	// missing_episodes[0] MISS-01 missed: no return home interview by 23:00 on 25 August 2025 (72 hours after the return at 23:00 on 22 August 2025); closed when the child next went missing on 29 August 2025
	// missing_episodes[1] MISS-01 overdue: no return home interview yet; due by 08:15 on 2 September 2025, 72 hours after the return at 08:15 on 30 August 2025
}

// The zero Clock means "no time recorded", which is not midnight.
func ExampleNewClock() {
	midnight, err := care.NewClock(0, 0)
	fmt.Printf("%q %v %t\n", midnight, err, midnight.IsZero())
	fmt.Printf("%q %t\n", care.Clock{}, care.Clock{}.IsZero())
	_, err = care.NewClock(24, 0)
	fmt.Println(err)
	// Output:
	// "00:00" <nil> false
	// "" true
	// care: invalid time of day: 24:00
}

func ExampleMustClock() {
	m := care.Moment{Date: care.MustDate(2025, time.October, 26), Clock: care.MustClock(1, 30)}
	fmt.Println(m)
	fmt.Println(care.Moment{Date: m.Date})
	// Output:
	// 2025-10-26 01:30
	// 2025-10-26
}
