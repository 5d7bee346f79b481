package supervision_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

func sessions(worker string, kind supervision.SessionKind, dates ...string) []supervision.Session {
	out := make([]supervision.Session, len(dates))
	for i, d := range dates {
		out[i] = supervision.Session{Date: day(d), Supervisor: "M1", Worker: worker, Kind: kind}
	}
	return out
}

func TestGaps_SUP01(t *testing.T) {
	experienced := supervision.Worker{ID: "W1", Team: "North", Start: day("2025-01-06")}
	tests := []struct {
		name     string
		worker   supervision.Worker
		sessions []supervision.Session
		asOf     care.Date
		policy   supervision.Policy
		want     []brief
		gaps     []int // days over, per gap
	}{
		{
			name:     "session on the day the interval ends is on time",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-03", "2025-03-03"),
			asOf:     day("2025-03-10"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-02-03"), day("2025-02-03")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-03-03"), day("2025-03-03")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-03-31"), care.Date{}},
			},
		},
		{
			name:     "session a day after the interval ends is late",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-04"),
			asOf:     day("2025-02-10"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Late, day("2025-02-03"), day("2025-02-04")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-03-04"), care.Date{}},
			},
			gaps: []int{1},
		},
		{
			name:     "no session since starting is overdue",
			worker:   experienced,
			sessions: nil,
			asOf:     day("2025-03-01"),
			want:     []brief{{supervision.SUP01, "workers[0]", care.Overdue, day("2025-02-03"), care.Date{}}},
			gaps:     []int{26},
		},
		{
			name:     "group sessions do not count by default",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindGroup, "2025-02-03"),
			asOf:     day("2025-02-10"),
			want:     []brief{{supervision.SUP01, "workers[0]", care.Overdue, day("2025-02-03"), care.Date{}}},
			gaps:     []int{7},
		},
		{
			name:     "group sessions count when the policy says so",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindGroup, "2025-02-03"),
			asOf:     day("2025-02-10"),
			policy:   supervision.Policy{CountGroup: true},
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-02-03"), day("2025-02-03")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-03-03"), care.Date{}},
			},
		},
		{
			name:     "two sessions on one day count once",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-01-20", "2025-01-20"),
			asOf:     day("2025-01-21"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-02-03"), day("2025-01-20")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-02-17"), care.Date{}},
			},
		},
		{
			name:     "sessions after the as-of date are not yet known",
			worker:   experienced,
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-03"),
			asOf:     day("2025-01-31"),
			want:     []brief{{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-02-03"), care.Date{}}},
		},
		{
			name: "worker leaving owes nothing due on or after the day they left",
			worker: supervision.Worker{ID: "W1", Team: "North", Start: day("2025-01-06"),
				End: day("2025-03-15")},
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-03", "2025-03-01"),
			asOf:     day("2025-06-30"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-02-03"), day("2025-02-03")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-03-03"), day("2025-03-01")},
			},
		},
		{
			name: "worker leaving with a session not held is missed, a gap to the day they left",
			worker: supervision.Worker{ID: "W1", Team: "North", Start: day("2025-01-06"),
				End: day("2025-03-15")},
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-01"),
			asOf:     day("2025-06-30"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-02-03"), day("2025-02-01")},
				{supervision.SUP01, "workers[0]", care.Missed, day("2025-03-01"), care.Date{}},
			},
			gaps: []int{14},
		},
		{
			name: "newly qualified worker crosses from weekly to fortnightly at week 6",
			worker: supervision.Worker{ID: "W1", Team: "North", Registered: true, Qualified: day("2025-06-30"),
				ASYE: day("2025-07-14"), Start: day("2025-07-14")},
			sessions: sessions("W1", supervision.SessionKindIndividual,
				"2025-07-21", "2025-07-28", "2025-08-04", "2025-08-11", "2025-08-18", // weekly
				"2025-08-25",               // the weekly phase's last due date (week 6)
				"2025-09-08", "2025-09-22", // fortnightly
			),
			asOf: day("2025-09-23"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-07-21"), day("2025-07-21")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-07-28"), day("2025-07-28")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-04"), day("2025-08-04")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-11"), day("2025-08-11")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-18"), day("2025-08-18")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-25"), day("2025-08-25")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-09-08"), day("2025-09-08")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-09-22"), day("2025-09-22")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-10-06"), care.Date{}},
			},
		},
		{
			name: "a fortnight's gap begun in the weekly phase is late",
			worker: supervision.Worker{ID: "W1", Team: "North", ASYE: day("2025-07-14"),
				Start: day("2025-07-14")},
			sessions: sessions("W1", supervision.SessionKindIndividual,
				"2025-07-21", "2025-07-28", "2025-08-04", "2025-08-11", "2025-08-18", "2025-09-01"),
			asOf: day("2025-09-02"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-07-21"), day("2025-07-21")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-07-28"), day("2025-07-28")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-04"), day("2025-08-04")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-11"), day("2025-08-11")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-08-18"), day("2025-08-18")},
				{supervision.SUP01, "workers[0]", care.Late, day("2025-08-25"), day("2025-09-01")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-09-15"), care.Date{}},
			},
			gaps: []int{7},
		},
		{
			name: "worker qualifying mid-year: the ASYE start tightens the open interval",
			worker: supervision.Worker{ID: "W1", Team: "North", Qualified: day("2025-07-01"),
				ASYE: day("2025-07-14"), Start: day("2025-06-02")},
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-06-30", "2025-07-21"),
			asOf:     day("2025-07-22"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2025-06-30"), day("2025-06-30")},
				{supervision.SUP01, "workers[0]", care.Met, day("2025-07-21"), day("2025-07-21")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-07-28"), care.Date{}},
			},
		},
		{
			name:     "due on Christmas Day: calendar days, not moved to a working day; across the year end",
			worker:   supervision.Worker{ID: "W1", Team: "North", Start: day("2025-11-27")},
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-12-29"),
			asOf:     day("2026-01-02"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Late, day("2025-12-25"), day("2025-12-29")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2026-01-26"), care.Date{}},
			},
			gaps: []int{4},
		},
		{
			name:   "one month from 31 January is 28 February",
			worker: supervision.Worker{ID: "W1", Team: "North", Start: day("2025-01-31")},
			policy: supervision.Policy{Supervision: supervision.Interval{Count: 1, Unit: care.Months}},
			asOf:   day("2025-02-01"),
			want:   []brief{{supervision.SUP01, "workers[0]", care.Upcoming, day("2025-02-28"), care.Date{}}},
		},
		{
			name:     "monthly local policy from a leap day",
			worker:   supervision.Worker{ID: "W1", Team: "North", Start: day("2024-02-29")},
			policy:   supervision.Policy{Supervision: supervision.Interval{Count: 1, Unit: care.Months}},
			sessions: sessions("W1", supervision.SessionKindIndividual, "2024-03-29", "2024-04-30"),
			asOf:     day("2024-05-01"),
			want: []brief{
				{supervision.SUP01, "workers[0]", care.Met, day("2024-03-29"), day("2024-03-29")},
				{supervision.SUP01, "workers[0]", care.Late, day("2024-04-29"), day("2024-04-30")},
				{supervision.SUP01, "workers[0]", care.Upcoming, day("2024-05-30"), care.Date{}},
			},
			gaps: []int{1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds := supervision.Dataset{Workers: []supervision.Worker{tc.worker}, Sessions: tc.sessions}
			rep, err := supervision.Gaps(ds, tc.asOf, tc.policy)
			if err != nil {
				t.Fatalf("Gaps() error: %v", err)
			}
			if len(rep.Workers) != 1 {
				t.Fatalf("Gaps() has %d workers, want 1", len(rep.Workers))
			}
			w := rep.Workers[0]
			if diff := cmp.Diff(tc.want, briefs(w.Findings), opts); diff != "" {
				t.Errorf("Gaps() findings mismatch (-want +got):\n%s", diff)
			}
			var over []int
			for _, g := range w.Gaps {
				over = append(over, g.DaysOver)
			}
			if diff := cmp.Diff(tc.gaps, over, opts); diff != "" {
				t.Errorf("Gaps() days over mismatch (-want +got):\n%s", diff)
			}
			if len(rep.Teams) != 1 || rep.Teams[0].Workers != 1 {
				t.Errorf("Gaps() teams = %+v, want one team of one", rep.Teams)
			}
		})
	}
}

// TestGaps_bankHoliday pins the decision that supervision intervals count
// calendar days: a due date on a bank holiday stays where it is.
func TestGaps_bankHoliday(t *testing.T) {
	cal := care.EnglandAndWales()
	due := day("2025-12-25")
	if cal.IsWorkingDay(due) {
		t.Fatalf("IsWorkingDay(%v) = true, want false", due)
	}
	ds := supervision.Dataset{Workers: []supervision.Worker{{ID: "W1", Team: "North", Start: day("2025-11-27")}}}
	rep, err := supervision.Gaps(ds, day("2025-12-01"), supervision.Policy{})
	if err != nil {
		t.Fatalf("Gaps() error: %v", err)
	}
	if got := rep.Workers[0].NextDue; got != due {
		t.Errorf("Gaps().Workers[0].NextDue = %v, want %v (a bank holiday)", got, due)
	}
}

func TestGaps_teams(t *testing.T) {
	ds := supervision.Dataset{
		Workers: []supervision.Worker{
			{ID: "W2", Team: "South", Office: "Riverside", Start: day("2025-01-06")},
			{ID: "W1", Team: "North", Office: "Riverside", Start: day("2025-01-06")},
			{ID: "W3", Team: "North", Office: "Hilltop", Start: day("2025-01-06")},
			{ID: "W4", Team: "North", Office: "Hilltop", Start: day("2026-01-05")}, // not yet started
		},
		Sessions: append(append(
			sessions("W1", supervision.SessionKindIndividual, "2025-02-03", "2025-03-03"),
			sessions("W2", supervision.SessionKindIndividual, "2025-02-10")...),
			sessions("W3", supervision.SessionKindIndividual, "2025-01-27", "2025-02-24")...),
	}
	rep, err := supervision.Gaps(ds, day("2025-03-10"), supervision.Policy{})
	if err != nil {
		t.Fatalf("Gaps() error: %v", err)
	}
	want := []supervision.TeamGaps{
		{Team: "North", Workers: 2, OnTime: supervision.Rate{Met: 4, Total: 4}, LongestDays: 28},
		{Team: "South", Workers: 1, WithGaps: 1, OverdueNow: 0, Gaps: 1, LongestDays: 35, OnTime: supervision.Rate{Met: 0, Total: 1}},
	}
	if diff := cmp.Diff(want, rep.Teams, opts); diff != "" {
		t.Errorf("Gaps() teams mismatch (-want +got):\n%s", diff)
	}
	var ids []string
	for _, w := range rep.Workers {
		ids = append(ids, w.Worker)
	}
	if diff := cmp.Diff([]string{"W1", "W3", "W2"}, ids, opts); diff != "" {
		t.Errorf("Gaps() worker order mismatch (-want +got):\n%s", diff)
	}
	if got := len(rep.Findings()); got != 8 {
		t.Errorf("len(Findings()) = %d, want 8", got)
	}
}

func TestGaps_errors(t *testing.T) {
	ds := supervision.Dataset{Workers: []supervision.Worker{{ID: "W1", Team: "T", Start: day("2025-01-06")}}}
	tests := []struct {
		name   string
		asOf   care.Date
		policy supervision.Policy
		ds     supervision.Dataset
	}{
		{"zero as-of date", care.Date{}, supervision.Policy{}, ds},
		{"invalid policy", day("2025-02-01"), supervision.Policy{Supervision: supervision.Interval{Count: -1, Unit: care.Weeks}}, ds},
		{"invalid dataset", day("2025-02-01"), supervision.Policy{}, supervision.Dataset{Workers: []supervision.Worker{{}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := supervision.Gaps(tc.ds, tc.asOf, tc.policy); err == nil {
				t.Errorf("Gaps() error = nil, want an error")
			}
		})
	}
}

// TestGaps_SUP01_window pins what closes a SUP-01 interval: the worker
// leaving. The first interval from the start in post on 6 January 2025 is
// due on 3 February 2025.
func TestGaps_SUP01_window(t *testing.T) {
	tests := []struct {
		name     string
		end      care.Date
		sessions []supervision.Session
		asOf     care.Date
		want     []brief
		gaps     []int // days over, per gap
		nextDue  care.Date
	}{
		{name: "worker leaves the day before the due date: nothing was owed", end: day("2025-02-02"), asOf: day("2025-06-01")},
		{name: "worker leaves on the due date: nothing was owed", end: day("2025-02-03"), asOf: day("2025-06-01")},
		{
			name: "worker leaves the day after the due date: missed, a gap to the day they left",
			end:  day("2025-02-04"), asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP01, "workers[0]", care.Missed, day("2025-02-03"), care.Date{}}},
			gaps: []int{1},
		},
		{
			name: "worker leaving after the as-of date: still overdue",
			end:  day("2025-04-01"), asOf: day("2025-03-01"),
			want:    []brief{{supervision.SUP01, "workers[0]", care.Overdue, day("2025-02-03"), care.Date{}}},
			gaps:    []int{26},
			nextDue: day("2025-02-03"),
		},
		{
			name:     "a later session before the worker left: late",
			end:      day("2025-03-01"),
			sessions: sessions("W1", supervision.SessionKindIndividual, "2025-02-10"),
			asOf:     day("2025-06-01"),
			want:     []brief{{supervision.SUP01, "workers[0]", care.Late, day("2025-02-03"), day("2025-02-10")}},
			gaps:     []int{7},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := supervision.Worker{ID: "W1", Team: "North", Start: day("2025-01-06"), End: tc.end}
			rep, err := supervision.Gaps(supervision.Dataset{Workers: []supervision.Worker{w}, Sessions: tc.sessions}, tc.asOf, supervision.Policy{})
			if err != nil {
				t.Fatalf("Gaps() error: %v", err)
			}
			wg := rep.Workers[0]
			if diff := cmp.Diff(tc.want, briefs(wg.Findings), opts); diff != "" {
				t.Errorf("Gaps() findings mismatch (-want +got):\n%s", diff)
			}
			var over []int
			for _, g := range wg.Gaps {
				over = append(over, g.DaysOver)
			}
			if diff := cmp.Diff(tc.gaps, over, opts); diff != "" {
				t.Errorf("Gaps() days over mismatch (-want +got):\n%s", diff)
			}
			if wg.NextDue != tc.nextDue {
				t.Errorf("Gaps() NextDue = %v, want %v", wg.NextDue, tc.nextDue)
			}
			if n := len(tc.want); n > 0 && tc.want[n-1].Status == care.Missed {
				const msg = "no supervision by 3 February 2025 (4 weeks after the start in post on 6 January 2025); " +
					"closed when the worker left on 4 February 2025"
				if got := wg.Findings[n-1].Message(); got != msg {
					t.Errorf("Message() = %q, want %q", got, msg)
				}
				if wg.OnTime != (supervision.Rate{Met: 0, Total: 1}) {
					t.Errorf("OnTime = %v, want 0/1 (a missed interval counts)", wg.OnTime)
				}
			}
		})
	}
}
