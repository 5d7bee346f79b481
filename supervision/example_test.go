package supervision_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

// authority is a small synthetic authority: one team of two workers, one of
// them newly qualified, and three children.
func authority() supervision.Dataset {
	d := care.MustDate
	note := func(child string) supervision.CaseNote {
		return supervision.CaseNote{Child: child, Progress: "settled at school", Worries: "contact with birth family",
			Risks: "going missing", FutureFocus: "life-story work"}
	}
	return supervision.Dataset{
		Since: d(2025, time.August, 4), // the extract's first day
		Workers: []supervision.Worker{
			{ID: "W001", Team: "Children in Care 1", Office: "Riverside", Registered: true, Start: d(2023, time.May, 2)},
			{ID: "W002", Team: "Children in Care 1", Office: "Riverside", Registered: true,
				Qualified: d(2025, time.June, 30), ASYE: d(2025, time.September, 1), Start: d(2025, time.September, 1)},
		},
		Sessions: []supervision.Session{
			{Date: d(2025, time.September, 1), Supervisor: "M01", Worker: "W001", Kind: supervision.SessionKindIndividual,
				Cases: []supervision.CaseNote{note("C0001"), {Child: "C0002", Progress: "new school place agreed", Directions: []string{"D001"}}}},
			{Date: d(2025, time.October, 13), Supervisor: "M01", Worker: "W001", Kind: supervision.SessionKindIndividual,
				Cases: []supervision.CaseNote{note("C0001"), note("C0002")}},
			{Date: d(2025, time.September, 8), Supervisor: "M01", Worker: "W002", Kind: supervision.SessionKindIndividual},
			{Date: d(2025, time.September, 15), Supervisor: "M01", Worker: "W002", Kind: supervision.SessionKindIndividual,
				Cases: []supervision.CaseNote{note("C0003")}},
			{Date: d(2025, time.September, 29), Supervisor: "M01", Worker: "W002", Kind: supervision.SessionKindIndividual},
		},
		Directions: []supervision.Direction{
			{ID: "D001", Child: "C0002", Owner: "W001", Given: d(2025, time.September, 1), Due: d(2025, time.October, 31),
				Reviewed: d(2025, time.October, 13)},
		},
		Allocations: []supervision.Allocation{
			{Child: "C0001", Worker: "W001", From: d(2025, time.March, 3)},
			{Child: "C0002", Worker: "W001", From: d(2025, time.August, 4)},
			{Child: "C0003", Worker: "W001", From: d(2025, time.June, 2), To: d(2025, time.September, 10)},
			{Child: "C0003", Worker: "W002", From: d(2025, time.September, 10)},
		},
	}
}

// A newly qualified worker missed the weekly session due in the ASYE's
// third week; an experienced worker went six weeks between sessions.
func ExampleGaps() {
	rep, err := supervision.Gaps(authority(), care.MustDate(2025, time.October, 20), supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range rep.Workers {
		fmt.Printf("%s (%v): on time %v, longest %d days, next due %v\n", w.Worker, w.Status, w.OnTime, w.LongestDays, w.NextDue)
		for _, g := range w.Gaps {
			fmt.Println("  gap:", g)
		}
	}
	// Output:
	// W001 (experienced): on time 1/2 (50.0%), longest 42 days, next due 2025-11-10
	//   gap: W001: 42 days from the supervision on 2025-09-01 to 2025-10-13 (allowed 4 weeks, 14 days over)
	// W002 (newly qualified): on time 2/4 (50.0%), longest 21 days, next due 2025-10-06
	//   gap: W002: 14 days from the supervision on 2025-09-15 to 2025-09-29 (allowed 1 week, 7 days over)
	//   gap: W002: 21 days from the supervision on 2025-09-29 to none by 2025-10-20 (allowed 1 week, 14 days over)
}

// A manager's view of the same analysis.
func ExampleGapReport_String() {
	rep, err := supervision.Gaps(authority(), care.MustDate(2025, time.October, 20), supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(rep)
	// Output:
	// Supervision gaps (SUP-01) as of 2025-10-20
	// Team Children in Care 1: 2 workers, 2 with gaps, 1 overdue now; on time 3/6 (50.0%); longest 42 days
	//   W001 (experienced): on time 1/2 (50.0%); last supervised 2025-10-13; gaps:
	//     W001: 42 days from the supervision on 2025-09-01 to 2025-10-13 (allowed 4 weeks, 14 days over)
	//   W002 (newly qualified): on time 2/4 (50.0%); last supervised 2025-09-29; gaps:
	//     W002: 14 days from the supervision on 2025-09-15 to 2025-09-29 (allowed 1 week, 7 days over)
	//     W002: 21 days from the supervision on 2025-09-29 to none by 2025-10-20 (allowed 1 week, 14 days over)
}

// One child's case: discussed every 6 weeks, the direction given on 1
// September followed up at the next discussion, but the first discussion
// did not record worries, risks or the focus of future work.
func ExampleAssessCase() {
	ds := authority()
	rep, err := supervision.AssessCase("C0002", ds.CaseRecord("C0002"), care.MustDate(2025, time.October, 20), supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep {
		fmt.Println(f)
	}
	// Output:
	// SUP-03 breach: case discussion on 1 September 2025: worries not recorded; risks not recorded; future focus not recorded
	// SUP-03 met: case discussion on 13 October 2025: progress, worries, risks and future focus recorded
	// SUP-02 met: case discussion on 1 September 2025, on time; due 15 September 2025, 6 weeks after the first allocation of the case on 4 August 2025
	// SUP-02 met: case discussion on 13 October 2025, on time; due 13 October 2025, 6 weeks after the case discussion on 1 September 2025
	// SUP-04 met: follow-up of the direction on 13 October 2025, on time; due 13 October 2025, no later than the next case discussion on 13 October 2025
	// SUP-02 upcoming: case discussion due 24 November 2025, 6 weeks after the case discussion on 13 October 2025
}

// The child's case changed worker on 10 September 2025; the discussion on
// 15 September with the new worker restarts the 6-week clock.
func ExampleDiscussionGaps() {
	ds := authority()
	gaps, err := supervision.DiscussionGaps("C0003", ds.CaseRecord("C0003"), care.MustDate(2025, time.December, 1), supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range gaps {
		fmt.Println(g)
	}
	// Output:
	// C0003: 105 days from the first allocation of the case on 2025-06-02 to 2025-09-15 (allowed 6 weeks, 63 days over)
	// C0003: 77 days from the case discussion on 2025-09-15 to none by 2025-12-01 (allowed 6 weeks, 35 days over)
}

// Reflective recording in September 2025, per worker and team.
func ExampleOversightRates() {
	sept := care.Period{Start: care.MustDate(2025, time.September, 1), End: care.MustDate(2025, time.October, 1)}
	rep, err := supervision.OversightRates(authority(), sept, supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rep.Workers {
		fmt.Printf("%s: reflective %v, missing worries %d\n", r.Group, r.Reflective, r.MissingWorries)
	}
	for _, r := range rep.Teams {
		fmt.Printf("team %s: reflective %v\n", r.Group, r.Reflective)
	}
	// Output:
	// W001: reflective 1/2 (50.0%), missing worries 1
	// W002: reflective 1/1 (100.0%), missing worries 0
	// team Children in Care 1: reflective 2/3 (66.7%)
}

// On the day of a reallocation the child counts for the new worker.
func ExampleCaseloads() {
	rep, err := supervision.Caseloads(authority(), care.MustDate(2025, time.September, 10), supervision.Policy{MaxCaseload: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range rep.Workers {
		fmt.Println(c.Worker, c.Count, c.Children)
	}
	for _, f := range rep.Findings {
		fmt.Println(f)
	}
	// Output:
	// W001 2 [C0001 C0002]
	// W002 1 [C0003]
	// SUP-05 breach: caseload of 2 children on 10 September 2025 is above the maximum of 1
}

// A monthly series by team, to plot.
func ExampleCaseloadSeries() {
	var days []care.Date
	for m := time.July; m <= time.October; m++ {
		days = append(days, care.MustDate(2025, m, 1))
	}
	pts, err := supervision.CaseloadSeries(authority(), days, supervision.ByTeam, supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pts {
		fmt.Printf("%v %s: workers %d, children %d, mean %s, largest %d\n", p.Date, p.Group, p.Workers, p.Children, p.Mean.StringFixed(1), p.Largest)
	}
	// Output:
	// 2025-07-01 Children in Care 1: workers 1, children 2, mean 2.0, largest 2
	// 2025-08-01 Children in Care 1: workers 1, children 2, mean 2.0, largest 2
	// 2025-09-01 Children in Care 1: workers 2, children 3, mean 1.5, largest 3
	// 2025-10-01 Children in Care 1: workers 2, children 3, mean 1.5, largest 2
}

func ExampleRules() {
	for _, r := range supervision.Rules() {
		fmt.Printf("%s %v: %s\n", r.ID, r.Severity, r.Title)
	}
	// Output:
	// SUP-01 local: Social worker supervised at the interval for their status
	// SUP-02 local: Child's case discussed in supervision at the local interval
	// SUP-03 local: Recorded case supervision is reflective
	// SUP-04 local: Management direction has an owner and a due date and is followed up
	// SUP-05 local: Social worker caseload above the local maximum
}

// An authority may supervise newly qualified workers more often than the
// ASYE schedule, never less often.
func ExamplePolicy_Validate() {
	strict := supervision.Policy{ASYEMonthly: supervision.Interval{Count: 3, Unit: care.Weeks}}
	fmt.Println(strict.Validate())
	loose := supervision.Policy{ASYEFortnightly: supervision.Interval{Count: 3, Unit: care.Weeks}, MaxCaseload: -4}
	fmt.Println(loose.Validate())
	// Output:
	// <nil>
	// asye_fortnightly: 3 weeks is looser than the assessed-year schedule's 2 weeks
	// max_caseload: -4 is negative
}

func ExampleDataset_Validate() {
	ds := authority()
	ds.Sessions = append(ds.Sessions,
		supervision.Session{Date: care.MustDate(2025, time.August, 25), Supervisor: "M01", Worker: "W002", Kind: supervision.SessionKindIndividual},
		supervision.Session{Date: care.MustDate(2025, time.August, 25), Supervisor: "M01", Worker: "W404", Kind: supervision.SessionKindGroup},
	)
	fmt.Println(ds.Validate())
	// Output:
	// sessions[5].worker: 2025-08-25 is before worker "W002" started on 2025-09-01
	// sessions[6].worker: unknown worker "W404"
}

func ExampleCaseRecord_Validate() {
	rec := supervision.CaseRecord{
		Allocations: []supervision.Allocation{
			{Worker: "W001", From: care.MustDate(2025, time.March, 3), To: care.MustDate(2025, time.June, 2)},
			{Worker: "W002", From: care.MustDate(2025, time.May, 30)},
		},
		Directions: []supervision.Direction{{ID: "D1", Given: care.MustDate(2025, time.May, 1), Due: care.MustDate(2025, time.April, 1)}},
	}
	fmt.Println(rec.Validate())
	// Output:
	// directions[0].due: 2025-04-01 is before given 2025-05-01
	// allocations[1]: overlaps allocations[0] [2025-03-03, 2025-06-02)
}

func ExampleCaseRecord_WorkerOn() {
	rec := authority().CaseRecord("C0003")
	for _, d := range []care.Date{care.MustDate(2025, time.September, 9), care.MustDate(2025, time.September, 10)} {
		w, ok := rec.WorkerOn(d)
		fmt.Println(d, w, ok)
	}
	// Output:
	// 2025-09-09 W001 true
	// 2025-09-10 W002 true
}

func ExampleDataset_CaseRecord() {
	rec := authority().CaseRecord("C0003")
	fmt.Println(len(rec.Allocations), "allocations,", len(rec.Discussions), "discussion with", rec.Discussions[0].Worker, "on", rec.Discussions[0].Date)
	// Output:
	// 2 allocations, 1 discussion with W002 on 2025-09-15
}

// Splitting an authority's records by child and joining them back gives
// the same sessions.
func ExampleJoin() {
	ds := authority()
	base := supervision.Dataset{Workers: ds.Workers}
	for _, s := range ds.Sessions {
		s.Cases = nil
		base.Sessions = append(base.Sessions, s)
	}
	joined := supervision.Join(base, ds.CaseRecords())
	for _, s := range joined.Sessions {
		fmt.Println(s.Date, s.Worker, len(s.Cases), "cases")
	}
	// Output:
	// 2025-09-01 W001 2 cases
	// 2025-09-08 W002 0 cases
	// 2025-09-15 W002 1 cases
	// 2025-09-29 W002 0 cases
	// 2025-10-13 W001 2 cases
}

func ExampleRate_Percent() {
	r := supervision.Rate{Met: 1, Total: 16}
	pc, ok := r.Percent(1)
	fmt.Println(pc.StringFixed(1), ok)
	_, ok = supervision.Rate{}.Percent(1)
	fmt.Println(ok)
	// Output:
	// 6.3 true
	// false
}

// A month from 31 January ends on the last day of February.
func ExampleInterval_AddTo() {
	month := supervision.Interval{Count: 1, Unit: care.Months}
	fmt.Println(month.AddTo(care.MustDate(2024, time.January, 31)), month.AddTo(care.MustDate(2025, time.January, 31)))
	// Output:
	// 2024-02-29 2025-02-28
}

// A worker is newly qualified for 12 months from the start of their ASYE.
func ExampleWorker_StatusOn() {
	w := authority().Workers[1]
	fmt.Println(w.StatusOn(care.MustDate(2026, time.August, 31)), "/", w.StatusOn(care.MustDate(2026, time.September, 1)))
	// Output:
	// newly qualified / experienced
}

func ExampleCaseNote_Missing() {
	n := supervision.CaseNote{Child: "C0001", Progress: "settled", Risks: " "}
	fmt.Println(n.Missing())
	// Output:
	// worries, risks, future focus
}

// Splitting an authority's records gives one case record per child.
func ExampleDataset_CaseRecords() {
	cases := authority().CaseRecords()
	for _, id := range []string{"C0001", "C0002", "C0003"} {
		r := cases[id]
		fmt.Println(id, len(r.Allocations), "allocations,", len(r.Discussions), "discussions,", len(r.Directions), "directions")
	}
	// Output:
	// C0001 1 allocations, 2 discussions, 0 directions
	// C0002 1 allocations, 2 discussions, 1 directions
	// C0003 2 allocations, 1 discussions, 0 directions
}

// Every SUP-01 finding of the analysis, as one sorted report.
func ExampleGapReport_Findings() {
	rep, err := supervision.Gaps(authority(), care.MustDate(2025, time.October, 20), supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings().Failures() {
		fmt.Println(f.Subject(), f)
	}
	// Output:
	// workers[1] SUP-01 late: supervision on 29 September 2025, 7 days late; due 22 September 2025, 1 week after the supervision on 15 September 2025
	// workers[0] SUP-01 late: supervision on 13 October 2025, 14 days late; due 29 September 2025, 4 weeks after the supervision on 1 September 2025
	// workers[1] SUP-01 overdue: no supervision yet; due 6 October 2025, 1 week after the supervision on 29 September 2025
}

func ExampleCaseNote_Recorded() {
	n := supervision.CaseNote{Child: "C0001", Progress: "settled", FutureFocus: "contact plan"}
	fmt.Println(n.Recorded())
	// Output:
	// progress, future focus
}

// A cohort run makes one assessor, checking the policy once, and assesses
// each child's case into an emitter it reuses.
func ExampleNewCaseAssessor() {
	ds := authority()
	a, err := supervision.NewCaseAssessor(supervision.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	asOf := care.MustDate(2025, time.December, 1)
	e := care.NewEmitter(asOf)
	for _, id := range []string{"C0001", "C0002", "C0003"} {
		e.Reset(asOf)
		if err := a.Emit(e, id, ds.CaseRecord(id)); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %d findings, %d overdue\n", id, e.Len(), e.Findings().Count(care.Overdue))
	}
	// Output:
	// C0001: 5 findings, 1 overdue
	// C0002: 6 findings, 1 overdue
	// C0003: 3 findings, 1 overdue
}

// The next supervision of the newly qualified worker W002, whose assessed
// and supported year began on Monday 1 September 2025. A session on Friday
// 10 October falls in the ASYE's weekly first 6 weeks, so the next is due a
// week later, on 17 October, although the fortnightly phase starts on 13
// October: the interval is the one in force on the day of the session.
// After a session on 13 October the next is due a fortnight later.
func ExampleNextSupervision() {
	ds := authority()
	w := ds.Workers[1]
	var sessions []supervision.Session
	for _, s := range ds.Sessions {
		if s.Worker == w.ID {
			sessions = append(sessions, s)
		}
	}
	session := func(d care.Date) supervision.Session {
		return supervision.Session{Date: d, Supervisor: "M01", Worker: w.ID, Kind: supervision.SessionKindIndividual}
	}
	asOf := care.MustDate(2025, time.October, 14)
	for _, extra := range [][]supervision.Session{
		nil,
		{session(care.MustDate(2025, time.October, 10))},
		{session(care.MustDate(2025, time.October, 10)), session(care.MustDate(2025, time.October, 13))},
	} {
		d, ok, err := supervision.NextSupervision(w, append(sessions[:len(sessions):len(sessions)], extra...), asOf, supervision.Policy{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ok, d.Evaluate(care.Date{}, asOf), d)
	}
	// Output:
	// true overdue SUP-01 due 2025-10-06: 1 week after the supervision on 2025-09-29
	// true upcoming SUP-01 due 2025-10-17: 1 week after the supervision on 2025-10-10
	// true upcoming SUP-01 due 2025-10-27: 2 weeks after the supervision on 2025-10-13
}

// The next discussion of child C0003's case, which moved from W001 to W002
// on 10 September 2025: the clock follows the child, so before any
// discussion the first is due 6 weeks after the first allocation, and a
// discussion with the new worker restarts it.
func ExampleNextCaseDiscussion() {
	rec := authority().CaseRecord("C0003")
	asOf := care.MustDate(2025, time.October, 1)
	for _, discussions := range [][]supervision.Discussion{nil, rec.Discussions} {
		d, ok, err := supervision.NextCaseDiscussion(rec.Allocations, discussions, asOf, supervision.Policy{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ok, d.Evaluate(care.Date{}, asOf), d)
	}
	// Output:
	// true overdue SUP-02 due 2025-07-14: 6 weeks after the first allocation of the case on 2025-06-02
	// true upcoming SUP-02 due 2025-10-27: 6 weeks after the case discussion on 2025-09-15
}
