package supervision_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

func sess(date, worker string, k supervision.SessionKind) supervision.Session {
	return supervision.Session{Date: day(date), Supervisor: "M01", Worker: worker, Kind: k}
}

// TestNextSupervision: each session starts an interval counted in calendar
// days from the day after it ("every 4 weeks": D + 28), a session on the
// due date is on time, and a newly qualified worker follows the ASYE
// schedule ("weekly for the first 6 weeks; fortnightly from 6 weeks to 6
// months; at least monthly from 6 months to the end of the ASYE"), the
// phases counted from the ASYE's first day as day 1.
func TestNextSupervision(t *testing.T) {
	exp := supervision.Worker{ID: "W1", Team: "T", Start: day("2025-01-06")}
	nq := supervision.Worker{ID: "W2", Team: "T", Start: day("2025-09-01"), ASYE: day("2025-09-01")}
	left := exp
	left.End = day("2025-03-01")
	ind := supervision.SessionKindIndividual
	tests := []struct {
		name     string
		w        supervision.Worker
		sessions []supervision.Session
		asOf     string
		p        supervision.Policy
		want     *care.Deadline // nil: none owed
	}{
		{name: "no session yet: 4 weeks after the start in post", w: exp, asOf: "2025-01-20",
			want: &care.Deadline{Rule: "SUP-01", Due: day("2025-02-03"), Anchor: day("2025-01-06"), AnchorLabel: "the start in post", Count: 4, Unit: care.Weeks}},
		{name: "4 weeks after the last session (D + 28 days)", w: exp, asOf: "2025-02-20",
			sessions: []supervision.Session{sess("2025-02-03", "W1", ind), sess("2025-01-20", "W1", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-03-03"), Anchor: day("2025-02-03"), AnchorLabel: "the supervision", Count: 4, Unit: care.Weeks}},
		{name: "due today is still upcoming, overdue the day after", w: exp, asOf: "2025-03-04",
			sessions: []supervision.Session{sess("2025-02-03", "W1", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-03-03"), Anchor: day("2025-02-03"), AnchorLabel: "the supervision", Count: 4, Unit: care.Weeks}},
		{name: "a group session does not count by default", w: exp, asOf: "2025-02-20",
			sessions: []supervision.Session{sess("2025-02-03", "W1", supervision.SessionKindGroup)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-02-03"), Anchor: day("2025-01-06"), AnchorLabel: "the start in post", Count: 4, Unit: care.Weeks}},
		{name: "a group session counts when the policy says so", w: exp, asOf: "2025-02-20", p: supervision.Policy{CountGroup: true},
			sessions: []supervision.Session{sess("2025-02-03", "W1", supervision.SessionKindGroup)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-03-03"), Anchor: day("2025-02-03"), AnchorLabel: "the supervision", Count: 4, Unit: care.Weeks}},
		{name: "sessions after the as-of date are not yet known", w: exp, asOf: "2025-01-20",
			sessions: []supervision.Session{sess("2025-01-27", "W1", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-02-03"), Anchor: day("2025-01-06"), AnchorLabel: "the start in post", Count: 4, Unit: care.Weeks}},
		{name: "ASYE: weekly in the first 6 weeks", w: nq, asOf: "2025-09-02",
			want: &care.Deadline{Rule: "SUP-01", Due: day("2025-09-08"), Anchor: day("2025-09-01"), AnchorLabel: "the start in post", Count: 1, Unit: care.Weeks}},
		{name: "ASYE: a session on day 42 (the first 6 weeks' last day) is still weekly", w: nq, asOf: "2025-10-12",
			sessions: []supervision.Session{sess("2025-10-12", "W2", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-10-19"), Anchor: day("2025-10-12"), AnchorLabel: "the supervision", Count: 1, Unit: care.Weeks}},
		{name: "ASYE: a session on the first day after the first 6 weeks is fortnightly", w: nq, asOf: "2025-10-13",
			sessions: []supervision.Session{sess("2025-10-13", "W2", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2025-10-27"), Anchor: day("2025-10-13"), AnchorLabel: "the supervision", Count: 2, Unit: care.Weeks}},
		{name: "ASYE: monthly phase from the corresponding date 6 months on, month end clamped", w: nq, asOf: "2026-03-31",
			sessions: []supervision.Session{sess("2026-03-31", "W2", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2026-04-30"), Anchor: day("2026-03-31"), AnchorLabel: "the supervision", Count: 1, Unit: care.Months}},
		{name: "ASYE: the start of the monthly phase does not shorten a fortnightly interval", w: nq, asOf: "2026-02-25",
			sessions: []supervision.Session{sess("2026-02-25", "W2", ind)},
			want:     &care.Deadline{Rule: "SUP-01", Due: day("2026-03-11"), Anchor: day("2026-02-25"), AnchorLabel: "the supervision", Count: 2, Unit: care.Weeks}},
		{name: "worker left: nothing owed", w: left, asOf: "2025-03-10"},
		{name: "worker leaves after the as-of date: still owed", w: left, asOf: "2025-02-01",
			want: &care.Deadline{Rule: "SUP-01", Due: day("2025-02-03"), Anchor: day("2025-01-06"), AnchorLabel: "the start in post", Count: 4, Unit: care.Weeks}},
		{name: "not yet in post: nothing owed", w: nq, asOf: "2025-08-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := supervision.NextSupervision(tc.w, tc.sessions, day(tc.asOf), tc.p)
			if err != nil {
				t.Fatalf("NextSupervision() error = %v", err)
			}
			if tc.want == nil {
				if ok {
					t.Errorf("NextSupervision() = %v, true; want none", got)
				}
				return
			}
			if !ok {
				t.Fatalf("NextSupervision() = none, want %v", *tc.want)
			}
			if diff := cmp.Diff(*tc.want, got, opts); diff != "" {
				t.Errorf("NextSupervision() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNextSupervisionMatchesGaps: the calculator gives every worker the
// next due date the gap analysis gives (one computation).
func TestNextSupervisionMatchesGaps(t *testing.T) {
	d := day("2025-10-20")
	ds := authority()
	rep, err := supervision.Gaps(ds, d, supervision.Policy{})
	if err != nil {
		t.Fatalf("Gaps() error = %v", err)
	}
	for i, w := range ds.Workers {
		var own []supervision.Session
		for _, s := range ds.Sessions {
			if s.Worker == w.ID {
				own = append(own, s)
			}
		}
		got, _, err := supervision.NextSupervision(w, own, d, supervision.Policy{})
		if err != nil {
			t.Fatalf("NextSupervision(%s) error = %v", w.ID, err)
		}
		if got.Due != rep.Workers[i].NextDue {
			t.Errorf("NextSupervision(%s) = %v, want due %v as Gaps gives", w.ID, got, rep.Workers[i].NextDue)
		}
	}
}

func TestNextSupervisionErrors(t *testing.T) {
	w := supervision.Worker{ID: "W1", Team: "T", Start: day("2025-01-06")}
	tests := []struct {
		name     string
		w        supervision.Worker
		sessions []supervision.Session
		asOf     care.Date
		p        supervision.Policy
		substr   string
	}{
		{name: "zero as-of date", w: w, substr: "as-of date: required"},
		{name: "worker without a start", w: supervision.Worker{ID: "W1", Team: "T"}, asOf: day("2025-02-01"), substr: "workers[0].start"},
		{name: "a session of another worker", w: w, asOf: day("2025-02-01"),
			sessions: []supervision.Session{sess("2025-01-20", "W9", supervision.SessionKindIndividual)}, substr: "sessions[0].worker: unknown worker"},
		{name: "a session before the worker started", w: w, asOf: day("2025-02-01"),
			sessions: []supervision.Session{sess("2025-01-01", "W1", supervision.SessionKindIndividual)}, substr: "sessions[0].worker"},
		{name: "invalid policy", w: w, asOf: day("2025-02-01"), p: supervision.Policy{ASYEWeekly: supervision.Interval{Count: 2, Unit: care.Weeks}},
			substr: "asye_weekly"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := supervision.NextSupervision(tc.w, tc.sessions, tc.asOf, tc.p)
			if err == nil || !strings.Contains(err.Error(), tc.substr) {
				t.Errorf("NextSupervision() = %v, %v, %v; want an error containing %q", got, ok, err, tc.substr)
			}
		})
	}
}

// TestNextCaseDiscussion: at least every 6 weeks (D + 42 days) while the
// case is allocated; the clock follows the child across reallocations.
func TestNextCaseDiscussion(t *testing.T) {
	alloc := func(worker, from, to string) supervision.Allocation {
		a := supervision.Allocation{Worker: worker, From: day(from)}
		if to != "" {
			a.To = day(to)
		}
		return a
	}
	disc := func(date, worker string) supervision.Discussion {
		return supervision.Discussion{Date: day(date), Supervisor: "M01", Worker: worker, Kind: supervision.SessionKindIndividual}
	}
	moved := []supervision.Allocation{alloc("W1", "2025-01-06", "2025-03-03"), alloc("W2", "2025-03-03", "")}
	tests := []struct {
		name        string
		allocations []supervision.Allocation
		discussions []supervision.Discussion
		asOf        string
		want        *care.Deadline
	}{
		{name: "no discussion yet: 6 weeks after the first allocation", allocations: moved, asOf: "2025-01-20",
			want: &care.Deadline{Rule: "SUP-02", Due: day("2025-02-17"), Anchor: day("2025-01-06"), AnchorLabel: "the first allocation of the case", Count: 6, Unit: care.Weeks}},
		{name: "6 weeks after the last discussion (D + 42 days)", allocations: moved, asOf: "2025-02-20",
			discussions: []supervision.Discussion{disc("2025-02-10", "W1")},
			want:        &care.Deadline{Rule: "SUP-02", Due: day("2025-03-24"), Anchor: day("2025-02-10"), AnchorLabel: "the case discussion", Count: 6, Unit: care.Weeks}},
		{name: "the outgoing worker's discussion on the day of the reallocation counts", allocations: moved, asOf: "2025-03-10",
			discussions: []supervision.Discussion{disc("2025-03-03", "W1")},
			want:        &care.Deadline{Rule: "SUP-02", Due: day("2025-04-14"), Anchor: day("2025-03-03"), AnchorLabel: "the case discussion", Count: 6, Unit: care.Weeks}},
		{name: "a discussion by a worker who did not hold the case does not count", allocations: moved, asOf: "2025-03-10",
			discussions: []supervision.Discussion{disc("2025-02-10", "W2")},
			want:        &care.Deadline{Rule: "SUP-02", Due: day("2025-02-17"), Anchor: day("2025-01-06"), AnchorLabel: "the first allocation of the case", Count: 6, Unit: care.Weeks}},
		{name: "case closed: nothing owed", allocations: []supervision.Allocation{alloc("W1", "2025-01-06", "2025-03-03")}, asOf: "2025-03-03"},
		{name: "never allocated: nothing owed", asOf: "2025-03-03"},
		{name: "first allocated after the as-of date: nothing owed", allocations: moved, asOf: "2025-01-05"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := supervision.NextCaseDiscussion(tc.allocations, tc.discussions, day(tc.asOf), supervision.Policy{})
			if err != nil {
				t.Fatalf("NextCaseDiscussion() error = %v", err)
			}
			if tc.want == nil {
				if ok {
					t.Errorf("NextCaseDiscussion() = %v, true; want none", got)
				}
				return
			}
			if !ok {
				t.Fatalf("NextCaseDiscussion() = none, want %v", *tc.want)
			}
			if diff := cmp.Diff(*tc.want, got, opts); diff != "" {
				t.Errorf("NextCaseDiscussion() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNextCaseDiscussionErrors(t *testing.T) {
	a := supervision.Allocation{Worker: "W1", From: day("2025-01-06")}
	b := supervision.Allocation{Worker: "W2", From: day("2025-02-01")}
	_, _, err := supervision.NextCaseDiscussion([]supervision.Allocation{a, b}, nil, day("2025-03-01"), supervision.Policy{})
	if diff := cmp.Diff([]string{"allocations[1]"}, paths(t, err)); diff != "" {
		t.Errorf("NextCaseDiscussion(overlapping allocations) paths (-want +got):\n%s", diff)
	}
	_, _, err = supervision.NextCaseDiscussion([]supervision.Allocation{a}, []supervision.Discussion{{Date: day("2025-02-01")}}, day("2025-03-01"), supervision.Policy{})
	if diff := cmp.Diff([]string{"discussions[0].kind", "discussions[0].supervisor", "discussions[0].worker"}, paths(t, err)); diff != "" {
		t.Errorf("NextCaseDiscussion(bad discussion) paths (-want +got):\n%s", diff)
	}
	if _, _, err := supervision.NextCaseDiscussion([]supervision.Allocation{a}, nil, care.Date{}, supervision.Policy{}); !errors.Is(err, care.ErrRequired) {
		t.Errorf("NextCaseDiscussion(zero as-of) error = %v, want ErrRequired", err)
	}
}
