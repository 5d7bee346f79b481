package permanence_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// Care proceedings are to finish "within twenty-six weeks beginning with
// the day on which the application was issued" (CA89 s.32(1)(a)(ii)): the
// day of issue is day 1, so proceedings issued on Friday 22 August 2025
// have until Thursday 19 February 2026, the August bank holiday making no
// difference. A second set, issued on a Monday, has until the Sunday 26
// weeks later, Easter Sunday 2027; the ShiftNextWorkingDay policy moves it
// past Easter Monday.
func ExampleAssess() {
	rec := permanence.Record{Proceedings: []permanence.Proceedings{
		{Issued: care.MustDate(2025, time.August, 22)},
		{Issued: care.MustDate(2026, time.September, 28)},
	}}
	in := permanence.Inputs{Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2019, time.May, 4)},
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.August, 22), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6}}}
	asOf := care.MustDate(2026, time.October, 1)
	cal := care.EnglandAndWales()
	for _, p := range []permanence.Policy{{}, {ProceedingsShift: permanence.ShiftNextWorkingDay}} {
		rep, err := permanence.Assess(rec, in, asOf, cal, p)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range rep {
			fmt.Printf("%s %s due %s (%s)\n", f.Subject(), f.Status, f.Due, f.Due.Weekday())
		}
		fmt.Println(rep[len(rep)-1].Message())
	}
	// Output:
	// permanence.proceedings[0] overdue due 2026-02-19 (Thursday)
	// permanence.proceedings[1] upcoming due 2027-03-28 (Sunday)
	// final order due 28 March 2027, 181 days after the issue of the application on 28 September 2026
	// permanence.proceedings[0] overdue due 2026-02-19 (Thursday)
	// permanence.proceedings[1] upcoming due 2027-03-30 (Tuesday)
	// final order due 30 March 2027, 183 days after the issue of the application (the limit moved to the next working day) on 28 September 2026
}

// ProceedingsFinalDay answers "when must these proceedings finish?" from
// the issue date and the court's extensions. Issued on Monday 2 June 2025,
// the 26 weeks beginning with that day end on Sunday 30 November 2025. An
// extension granted on 10 December, after that day had passed, may run 8
// weeks from its grant (CA89 s.32(8)): here to 4 February 2026. An
// extension not yet granted on the as-of date does not count.
func ExampleProceedingsFinalDay() {
	issued := care.MustDate(2025, time.June, 2)
	extensions := []permanence.Extension{
		{Granted: care.MustDate(2025, time.December, 10), Ends: care.MustDate(2026, time.February, 4)},
	}
	for _, asOf := range []care.Date{care.MustDate(2025, time.December, 1), care.MustDate(2025, time.December, 10)} {
		d, err := permanence.ProceedingsFinalDay(issued, extensions, asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("as of %s: last day %s (%s); %s\n", asOf, d.Due, d.Due.Weekday(), d)
	}
	// One day beyond 8 weeks from the grant is an error naming the field.
	extensions[0].Ends = care.MustDate(2026, time.February, 5)
	_, err := permanence.ProceedingsFinalDay(issued, extensions, care.MustDate(2025, time.December, 10))
	fmt.Println(err)
	// Output:
	// as of 2025-12-01: last day 2025-11-30 (Sunday); PERM-04 due 2025-11-30: 181 days after the issue of the application on 2025-06-02
	// as of 2025-12-10: last day 2026-02-04 (Wednesday); PERM-04 due 2026-02-04: 247 days after the issue of the application on 2025-06-02
	// extensions[0].ends: extension ends 2026-02-05, later than 2026-02-04: CA89 s.32(8) allows at most 8 weeks after the later of the end of the period being extended (2025-11-30) and the day of grant (2025-12-10)
}

// A manager's view of one child: return home is the primary route with
// adoption assessed in parallel; the plan last moved in March.
func ExampleTrack() {
	rec := permanence.Record{Plan: permanence.Plan{Transitions: []permanence.Transition{
		{Date: care.MustDate(2025, time.January, 6), Route: permanence.RouteReturnHome, State: permanence.StateAssessing, Primary: true},
		{Date: care.MustDate(2025, time.January, 6), Route: permanence.RouteAdoption, State: permanence.StateConsidered},
		{Date: care.MustDate(2025, time.March, 3), Route: permanence.RouteAdoption, State: permanence.StateAssessing},
	}}}
	in := permanence.Inputs{
		Child: care.Child{ID: "C0002", DateOfBirth: care.MustDate(2016, time.March, 9)},
		Episodes: []care.Episode{{Start: care.MustDate(2025, time.January, 2), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6}},
	}
	row, err := permanence.Track(rec, in, care.MustDate(2025, time.July, 1), care.EnglandAndWales(), permanence.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("primary:", row.Primary, row.PrimaryState, "since", row.PrimarySince)
	for _, a := range row.Alternatives {
		fmt.Println("alternative:", a.Route, a.State, "since", a.Since)
	}
	fmt.Println("days since last movement:", row.DaysSinceMovement)
	fmt.Println("next:", row.Next.Label, row.Next.Due, "overdue:", row.Next.Overdue)
	// Output:
	// primary: return-home assessing since 2025-01-06
	// alternative: adoption assessing since 2025-03-03
	// days since last movement: 120
	// next: next movement on the plan 2025-06-03 overdue: true
}

// The cohort averages are decimals with one decimal place, rounded half
// away from zero.
func ExampleTrackCohort() {
	child := func(id string, entered, placed, order care.Date) permanence.Case {
		return permanence.Case{
			Record: permanence.Record{Adoption: permanence.Adoption{Placed: placed, AdoptionOrder: order}},
			Inputs: permanence.Inputs{Child: care.Child{ID: id, DateOfBirth: entered.AddDays(-30)}, Episodes: []care.Episode{
				{Start: entered, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6,
					End: placed, ReasonCeased: care.ReasonEpisodeCeasedX1},
				{Start: placed, ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeA4,
					End: order, ReasonCeased: care.ReasonEpisodeCeasedE11},
			}},
		}
	}
	cases := []permanence.Case{
		child("C0003", care.MustDate(2023, time.January, 1), care.MustDate(2024, time.February, 5), care.MustDate(2024, time.September, 1)),
		child("C0004", care.MustDate(2023, time.January, 1), care.MustDate(2024, time.May, 16), care.MustDate(2024, time.December, 1)),
		child("C0005", care.MustDate(2023, time.March, 1), care.MustDate(2024, time.March, 1), care.MustDate(2024, time.October, 1)),
	}
	c, err := permanence.TrackCohort(cases, care.MustDate(2025, time.March, 31), care.EnglandAndWales(), permanence.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	a1 := c.Averages[0]
	fmt.Printf("%s: %d children, mean %s days, %s%% within the threshold\n", a1.Measure, a1.Children,
		a1.MeanDays.StringFixed(1), a1.WithinPercent.StringFixed(1))
	// Output:
	// A1: 3 children, mean 422.3 days, 66.7% within the threshold
}

// A2 counts a match made before the placement order as 0 days. No A10
// threshold is confirmed, so A10 is reported without being judged.
func ExampleMeasures() {
	rec := permanence.Record{Adoption: permanence.Adoption{
		PlacementOrder:       care.MustDate(2025, time.March, 3),
		Match:                care.MustDate(2025, time.February, 24),
		Placed:               care.MustDate(2025, time.March, 10),
		FosterCarerAdoption:  true,
		FosterPlacementStart: care.MustDate(2024, time.June, 3),
	}}
	in := permanence.Inputs{Child: care.Child{ID: "C0006", DateOfBirth: care.MustDate(2024, time.May, 1)}, Episodes: []care.Episode{
		{Start: care.MustDate(2024, time.May, 20), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC1,
			PlacementType: care.PlacementTypeU6, End: care.MustDate(2024, time.June, 3), ReasonCeased: care.ReasonEpisodeCeasedX1},
		{Start: care.MustDate(2024, time.June, 3), ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC1,
			PlacementType: care.PlacementTypeU5, End: care.MustDate(2025, time.March, 10), ReasonCeased: care.ReasonEpisodeCeasedX1},
		{Start: care.MustDate(2025, time.March, 10), ReasonNew: care.ReasonNewEpisodeU, LegalStatus: care.LegalStatusE1,
			PlacementType: care.PlacementTypeA5},
	}}
	for _, m := range permanence.Measures(rec, in, care.MustDate(2025, time.April, 1), permanence.Policy{}) {
		fmt.Printf("%s %d days judged=%v within=%v\n", m.Measure, m.Days, m.Judged, m.Within)
	}
	// Output:
	// A1 294 days judged=true within=true
	// A2 0 days judged=true within=true
	// A10 14 days judged=false within=false
}

// Validation reports every problem with its path, naming invalid
// transitions.
func ExampleRecord_Validate() {
	rec := permanence.Record{
		Plan: permanence.Plan{Transitions: []permanence.Transition{
			{Date: care.MustDate(2025, time.January, 6), Route: permanence.RouteLongTermFostering, State: permanence.StateAssessing, Primary: true},
			{Date: care.MustDate(2025, time.March, 3), Route: permanence.RouteLongTermFostering, State: permanence.StateAchieved},
		}},
		Proceedings: []permanence.Proceedings{{
			Issued: care.MustDate(2025, time.January, 10),
			// The 26 weeks end on 10 July 2025; an extension granted on 4
			// July may run to 4 September (8 weeks), not 11 September.
			Extensions: []permanence.Extension{{Granted: care.MustDate(2025, time.July, 4), Ends: care.MustDate(2025, time.September, 11)}},
		}},
	}
	fmt.Println(rec.Validate())
	// Output:
	// plan.transitions[1].state: invalid transition: transition 1 (long-term-fostering to achieved on 2025-03-03): achieved before the route was agreed or an order made
	// proceedings[0].extensions[0].ends: extension ends 2025-09-11, later than 2025-09-04: CA89 s.32(8) allows at most 8 weeks after the later of the end of the period being extended (2025-07-10) and the day of grant (2025-07-04)
}

// A policy may be stricter than statute, never looser.
func ExamplePolicy_Validate() {
	fmt.Println(permanence.Policy{ProceedingsWeeks: 20}.Validate())
	fmt.Println(permanence.Policy{ProceedingsWeeks: 30}.Validate())
	// Output:
	// <nil>
	// proceedings_weeks: 30 is looser than the statutory limit of 26 (weeks, CA89 s.32(1)(a))
}

func ExampleRules() {
	for _, r := range permanence.Rules() {
		fmt.Printf("%s %-9s %s\n", r.ID, r.Severity, r.Title)
	}
	// Output:
	// PERM-01 guidance  Plan for permanence recorded by the second review
	// PERM-02 local     Parallel planning while the primary route is uncertain
	// PERM-03 local     No drift in the permanence plan
	// PERM-04 statutory Care proceedings finish within 26 weeks beginning with the day of issue, or by the end of the court's extension
	// PERM-05 local     Adoption timeliness against the scorecard thresholds
	// PERM-06 statutory Special guardianship report ready within 3 months of the notice
	// PERM-07 statutory Adoption reviews
	// PERM-08 local     No long s.20 accommodation without a plan for permanence
}

func ExampleDefaultThresholds() {
	for _, t := range permanence.DefaultThresholds() {
		fmt.Printf("%-13s applies %-26s confirmed=%v\n", t, t.Applies, t.Confirmed)
	}
	// Output:
	// A1 21 months  applies [2010-04-01, 2011-04-01)   confirmed=false
	// A2 7 months   applies [2010-04-01, 2011-04-01)   confirmed=false
	// A1 639 days   applies [2011-04-01, 2012-04-01)   confirmed=false
	// A2 213 days   applies [2011-04-01, 2012-04-01)   confirmed=false
	// A1 20 months  applies [2012-04-01, 2013-04-01)   confirmed=false
	// A1 547 days   applies [2013-04-01, 2014-04-01)   confirmed=false
	// A1 487 days   applies [2014-04-01, 2015-04-01)   confirmed=false
	// A1 14 months  applies [2015-04-01, 2016-04-01)   confirmed=true
	// A2 4 months   applies [2015-04-01, 2016-04-01)   confirmed=true
	// A1 14 months  applies [2016-04-01, ongoing)      confirmed=false
	// A2 4 months   applies [2016-04-01, ongoing)      confirmed=false
}

// The threshold in force on the day the measured period ends applies; a
// threshold in months is the corresponding date, clamped at month end.
func ExampleThresholdFor() {
	th, ok := permanence.ThresholdFor(permanence.DefaultThresholds(), permanence.A2, care.MustDate(2025, time.July, 1))
	if !ok {
		fmt.Println("no threshold")
		return
	}
	fmt.Println(th, "from 31 October:", th.Due(care.MustDate(2024, time.October, 31)))
	_, ok = permanence.ThresholdFor(permanence.DefaultThresholds(), permanence.A10, care.MustDate(2025, time.July, 1))
	fmt.Println("A10 threshold:", ok)
	// Output:
	// A2 4 months from 31 October: 2025-02-28
	// A10 threshold: false
}

func ExampleThreshold_Due() {
	t := permanence.Threshold{Measure: permanence.A1, Days: 639}
	fmt.Println(t.Due(care.MustDate(2010, time.January, 4)))
	// Output:
	// 2011-10-05
}

func ExampleParseRoute() {
	r, err := permanence.ParseRoute("special-guardianship")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r, "—", r.Description(), "— needs an application:", r.RequiresApplication())
	_, err = permanence.ParseRoute("option")
	fmt.Println(err)
	// Output:
	// special-guardianship — special guardianship order — needs an application: true
	// care: parsing "option" as permanence route: unknown code: want one of return-home, child-arrangements, special-guardianship, adoption, long-term-fostering, residential, independence
}

func ExampleParseState() {
	s, err := permanence.ParseState("order-made")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s, "open:", s.IsOpen(), "active:", s.IsActive())
	// Output:
	// order-made open: true active: true
}

func ExampleParseOrderKind() {
	k, err := permanence.ParseOrderKind("special-guardianship")
	fmt.Println(k, err)
	// Output:
	// special-guardianship <nil>
}

func ExampleRoutes() {
	for _, r := range permanence.Routes() {
		fmt.Println(r)
	}
	// Output:
	// return-home
	// child-arrangements
	// special-guardianship
	// adoption
	// long-term-fostering
	// residential
	// independence
}

// A cohort run makes one assessor, validating the policy once, and reuses
// one history and one emitter from child to child. A plan that stalled
// while the child was looked after is overdue; once the child has left
// care, it can no longer move, and the stalled plan is missed.
func ExampleAssessor_Emit() {
	a, err := permanence.NewAssessor(permanence.Policy{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	rec := permanence.Record{Plan: permanence.Plan{Transitions: []permanence.Transition{
		{Date: care.MustDate(2026, time.February, 2), Route: permanence.RouteReturnHome, State: permanence.StateAssessing, Primary: true},
	}}}
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, time.July, 21)}
	stay := care.Episode{Start: care.MustDate(2026, time.January, 12), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}
	// The child goes home on 7 September: as part of the care plan (E4A),
	// which achieves the plan's return home late, or not (E4B), which
	// closes the stalled plan's window.
	planned, unplanned := stay, stay
	planned.End, planned.ReasonCeased = care.MustDate(2026, time.September, 7), care.ReasonEpisodeCeasedE4A
	unplanned.End, unplanned.ReasonCeased = care.MustDate(2026, time.September, 7), care.ReasonEpisodeCeasedE4B
	asOf := care.MustDate(2026, time.December, 1)
	var h care.History
	e := care.NewEmitter(asOf)
	for _, eps := range [][]care.Episode{{stay}, {planned}, {unplanned}} {
		e.Reset(asOf)
		if err := h.Reset(child, eps); err != nil {
			fmt.Println(err)
			return
		}
		if err := a.Emit(e, &h, rec, permanence.Inputs{}); err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range e.Report().ForRule(permanence.PERM03) {
			fmt.Println(f)
		}
	}
	// Output:
	// PERM-03 overdue: no movement on the plan yet; due 2 May 2026, 3 months after the last movement on the plan on 2 February 2026
	// PERM-03 late: movement on the plan on 7 September 2026, 128 days late; due 2 May 2026, 3 months after the last movement on the plan on 2 February 2026
	// PERM-03 missed: no movement on the plan by 2 May 2026 (3 months after the last movement on the plan on 2 February 2026); closed when the child left care on 7 September 2026
}

// NewAssessor checks the policy once: a policy may be stricter than
// statute, never looser.
func ExampleNewAssessor() {
	_, err := permanence.NewAssessor(permanence.Policy{SGOReportMonths: 4}, care.EnglandAndWales())
	fmt.Println(err)
	// Output:
	// sgo_report_months: 4 is looser than the statutory limit of 3 (months' notice, CA89 s.14A(7))
}
