package supervision_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

// full is a case note recording all four elements.
var full = supervision.CaseNote{Progress: "p", Worries: "w", Risks: "r", FutureFocus: "f"}

func discussion(date, worker string, note supervision.CaseNote) supervision.Discussion {
	return supervision.Discussion{Date: day(date), Supervisor: "M1", Worker: worker, Kind: supervision.SessionKindIndividual, CaseNote: note}
}

func TestAssessCase_SUP02(t *testing.T) {
	tests := []struct {
		name string
		rec  supervision.CaseRecord
		asOf care.Date
		want []brief
	}{
		{
			name: "discussion on the day the interval ends is on time",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06")}},
				Discussions: []supervision.Discussion{discussion("2025-02-17", "W1", full)},
			},
			asOf: day("2025-02-18"),
			want: []brief{
				{supervision.SUP02, "child", care.Met, day("2025-02-17"), day("2025-02-17")},
				{supervision.SUP02, "child", care.Upcoming, day("2025-03-31"), care.Date{}},
			},
		},
		{
			name: "case reallocated the day after a discussion: the clock follows the child",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{
					{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-11")},
					{Worker: "W2", From: day("2025-02-11")},
				},
				Discussions: []supervision.Discussion{
					discussion("2025-02-10", "W1", full),
					discussion("2025-03-25", "W2", full),
				},
			},
			asOf: day("2025-04-01"),
			want: []brief{
				{supervision.SUP02, "child", care.Met, day("2025-02-17"), day("2025-02-10")},
				{supervision.SUP02, "child", care.Late, day("2025-03-24"), day("2025-03-25")},
				{supervision.SUP02, "child", care.Upcoming, day("2025-05-06"), care.Date{}},
			},
		},
		{
			name: "outgoing worker's handover discussion on the day of reallocation counts",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{
					{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-11")},
					{Worker: "W2", From: day("2025-02-11")},
				},
				Discussions: []supervision.Discussion{discussion("2025-02-11", "W1", full)},
			},
			asOf: day("2025-02-12"),
			want: []brief{
				{supervision.SUP02, "child", care.Met, day("2025-02-17"), day("2025-02-11")},
				{supervision.SUP02, "child", care.Upcoming, day("2025-03-25"), care.Date{}},
			},
		},
		{
			name: "discussion with a worker who did not hold the case does not count",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06")}},
				Discussions: []supervision.Discussion{discussion("2025-02-10", "W9", full)},
			},
			asOf: day("2025-03-01"),
			want: []brief{
				{supervision.SUP02, "child", care.Overdue, day("2025-02-17"), care.Date{}},
			},
		},
		{
			name: "case closed: nothing owed after the last allocation ends",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-01")}},
			},
			asOf: day("2025-06-01"),
			want: nil,
		},
		{
			name: "unallocated spell: the clock keeps running",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{
					{Worker: "W1", From: day("2025-01-06"), To: day("2025-01-20")},
					{Worker: "W2", From: day("2025-03-03")},
				},
			},
			asOf: day("2025-03-04"),
			want: []brief{{supervision.SUP02, "child", care.Overdue, day("2025-02-17"), care.Date{}}},
		},
		{
			name: "no allocation: no SUP-02 findings",
			rec:  supervision.CaseRecord{},
			asOf: day("2025-03-04"),
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := supervision.AssessCase("C0001", tc.rec, tc.asOf, supervision.Policy{})
			if err != nil {
				t.Fatalf("AssessCase() error: %v", err)
			}
			got := briefs(rep.ForRule(supervision.SUP02))
			if diff := cmp.Diff(tc.want, got, opts); diff != "" {
				t.Errorf("AssessCase() SUP-02 mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAssessCase_SUP03(t *testing.T) {
	rec := supervision.CaseRecord{
		Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06")}},
		Discussions: []supervision.Discussion{
			discussion("2025-02-10", "W1", supervision.CaseNote{Progress: "p", Risks: "  "}),
			discussion("2025-01-13", "W1", full),
			discussion("2025-05-01", "W1", supervision.CaseNote{}), // after asOf
		},
	}
	rep, err := supervision.AssessCase("C0001", rec, day("2025-03-01"), supervision.Policy{})
	if err != nil {
		t.Fatalf("AssessCase() error: %v", err)
	}
	got := rep.ForRule(supervision.SUP03)
	want := []brief{
		{supervision.SUP03, "discussions[0]", care.Breach, care.Date{}, care.Date{}},
		{supervision.SUP03, "discussions[1]", care.Met, care.Date{}, day("2025-01-13")},
	}
	if diff := cmp.Diff(want, briefs(got), opts); diff != "" {
		t.Errorf("AssessCase() SUP-03 mismatch (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ got, want string }{
		{got[0].Message(), "case discussion on 10 February 2025: worries not recorded; risks not recorded; future focus not recorded"},
		{got[1].Message(), "case discussion on 13 January 2025: progress, worries, risks and future focus recorded"},
	} {
		if tc.got != tc.want {
			t.Errorf("AssessCase() SUP-03 message = %q, want %q", tc.got, tc.want)
		}
	}
	if ev := got[0].Evidence(); len(ev) != 1 || ev[0].String() != "case discussion 2025-02-10 (discussions[0])" {
		t.Errorf("AssessCase() SUP-03 evidence = %v, want the discussion", ev)
	}
}

func TestAssessCase_SUP04(t *testing.T) {
	alloc := []supervision.Allocation{{Worker: "W1", From: day("2025-01-06")}}
	tests := []struct {
		name        string
		directions  []supervision.Direction
		discussions []supervision.Discussion
		want        []brief
		message     string // of the first finding
	}{
		{
			name:       "no owner and no due date, no later discussion: one breach naming both",
			directions: []supervision.Direction{{ID: "D1", Given: day("2025-02-03")}},
			want:       []brief{{supervision.SUP04, "directions[0]", care.Breach, care.Date{}, care.Date{}}},
			message:    "direction given on 3 February 2025: no owner; no due date",
		},
		{
			name:        "no owner, reviewed at the next discussion",
			directions:  []supervision.Direction{{ID: "D1", Owner: " ", Given: day("2025-02-03"), Due: day("2025-03-31"), Reviewed: day("2025-02-17")}},
			discussions: []supervision.Discussion{discussion("2025-02-17", "W1", full)},
			want: []brief{
				{supervision.SUP04, "directions[0]", care.Breach, care.Date{}, care.Date{}},
				{supervision.SUP04, "directions[0]", care.Met, day("2025-02-17"), day("2025-02-17")},
			},
			message: "direction given on 3 February 2025: no owner",
		},
		{
			name: "reviewed at the next session, before the due date",
			directions: []supervision.Direction{{ID: "D1", Owner: "W1", Given: day("2025-02-03"),
				Due: day("2025-03-31"), Reviewed: day("2025-02-17")}},
			discussions: []supervision.Discussion{discussion("2025-02-03", "W1", full), discussion("2025-02-17", "W1", full)},
			want:        []brief{{supervision.SUP04, "directions[0]", care.Met, day("2025-02-17"), day("2025-02-17")}},
			message:     "follow-up of the direction on 17 February 2025, on time; due 17 February 2025, no later than the next case discussion on 17 February 2025",
		},
		{
			name: "not reviewed at the next session",
			directions: []supervision.Direction{{ID: "D1", Owner: "W1", Given: day("2025-02-03"),
				Due: day("2025-03-31")}},
			discussions: []supervision.Discussion{discussion("2025-02-17", "W1", full)},
			want:        []brief{{supervision.SUP04, "directions[0]", care.Overdue, day("2025-02-17"), care.Date{}}},
			message:     "no follow-up of the direction yet; due 17 February 2025, no later than the next case discussion on 17 February 2025",
		},
		{
			name: "completed late, after the due date",
			directions: []supervision.Direction{{ID: "D1", Owner: "W1", Given: day("2025-02-03"),
				Due: day("2025-02-10"), Completed: day("2025-02-12")}},
			want:    []brief{{supervision.SUP04, "directions[0]", care.Late, day("2025-02-10"), day("2025-02-12")}},
			message: "follow-up of the direction on 12 February 2025, 2 days late; due 10 February 2025, no later than the direction's due date on 10 February 2025",
		},
		{
			name: "due date still ahead",
			directions: []supervision.Direction{{ID: "D1", Owner: "W1", Given: day("2025-02-25"),
				Due: day("2025-03-31")}},
			want:    []brief{{supervision.SUP04, "directions[0]", care.Upcoming, day("2025-03-31"), care.Date{}}},
			message: "follow-up of the direction due 31 March 2025, no later than the direction's due date on 31 March 2025",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := supervision.CaseRecord{Allocations: alloc, Discussions: tc.discussions, Directions: tc.directions}
			rep, err := supervision.AssessCase("C0001", rec, day("2025-03-01"), supervision.Policy{})
			if err != nil {
				t.Fatalf("AssessCase() error: %v", err)
			}
			got := rep.ForRule(supervision.SUP04)
			if diff := cmp.Diff(tc.want, briefs(got), opts); diff != "" {
				t.Errorf("AssessCase() SUP-04 mismatch (-want +got):\n%s", diff)
			}
			if len(got) > 0 && got[0].Message() != tc.message {
				t.Errorf("AssessCase() SUP-04 message = %q, want %q", got[0].Message(), tc.message)
			}
		})
	}
}

func TestAssessCase_errors(t *testing.T) {
	tests := []struct {
		name  string
		child string
		rec   supervision.CaseRecord
		asOf  care.Date
		paths []string
	}{
		{
			name:  "entries about another child",
			child: "C0001",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{{Child: "C0002", Worker: "W1", From: day("2025-01-06")}},
			},
			asOf:  day("2025-03-01"),
			paths: []string{"allocations[0].child"},
		},
		{
			name:  "overlapping allocations and a bad discussion",
			child: "C0001",
			rec: supervision.CaseRecord{
				Allocations: []supervision.Allocation{
					{Worker: "W1", From: day("2025-01-06"), To: day("2025-03-01")},
					{Worker: "W2", From: day("2025-02-28")},
				},
				Discussions: []supervision.Discussion{{Date: day("2025-02-01"), Worker: "W1",
					CaseNote: supervision.CaseNote{Directions: []string{"D9"}}}},
			},
			asOf:  day("2025-03-01"),
			paths: []string{"allocations[1]", "discussions[0].directions[0]", "discussions[0].kind", "discussions[0].supervisor"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := supervision.AssessCase(tc.child, tc.rec, tc.asOf, supervision.Policy{})
			if diff := cmp.Diff(tc.paths, paths(t, err)); diff != "" {
				t.Errorf("AssessCase() error paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := supervision.AssessCase("C0001", supervision.CaseRecord{}, care.Date{}, supervision.Policy{}); !errors.Is(err, care.ErrRequired) {
		t.Errorf("AssessCase(zero asOf) error = %v, want care.ErrRequired", err)
	}
}

func TestDiscussionGaps(t *testing.T) {
	rec := supervision.CaseRecord{
		Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06")}},
		Discussions: []supervision.Discussion{discussion("2025-03-03", "W1", full)},
	}
	got, err := supervision.DiscussionGaps("C0001", rec, day("2025-05-01"), supervision.Policy{})
	if err != nil {
		t.Fatalf("DiscussionGaps() error: %v", err)
	}
	want := []supervision.Gap{
		{Rule: supervision.SUP02, Subject: "C0001", From: day("2025-01-06"), FromLabel: "first allocation of the case",
			Allowed: supervision.Interval{Count: 6, Unit: care.Weeks}, Due: day("2025-02-17"), To: day("2025-03-03"),
			Until: day("2025-03-03"), Days: 56, DaysOver: 14},
		{Rule: supervision.SUP02, Subject: "C0001", From: day("2025-03-03"), FromLabel: "case discussion",
			Allowed: supervision.Interval{Count: 6, Unit: care.Weeks}, Due: day("2025-04-14"),
			Until: day("2025-05-01"), Days: 59, DaysOver: 17},
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("DiscussionGaps() mismatch (-want +got):\n%s", diff)
	}
}

func TestCaseRecord_JSON(t *testing.T) {
	rec := supervision.CaseRecord{
		Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-11")}},
		Discussions: []supervision.Discussion{discussion("2025-02-10", "W1", supervision.CaseNote{Progress: "p", Directions: []string{"D1"}})},
		Directions:  []supervision.Direction{{ID: "D1", Owner: "W1", Given: day("2025-02-10"), Due: day("2025-03-10")}},
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatalf("json.Marshal() error: %v", err)
	}
	const want = `{"allocations":[{"worker":"W1","from":"2025-01-06","to":"2025-02-11"}],` +
		`"discussions":[{"date":"2025-02-10","supervisor":"M1","worker":"W1","kind":"individual","progress":"p","directions":["D1"]}],` +
		`"directions":[{"id":"D1","owner":"W1","given":"2025-02-10","due":"2025-03-10"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal() = %s, want %s", b, want)
	}
	var back supervision.CaseRecord
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal() error: %v", err)
	}
	if diff := cmp.Diff(rec, back, opts); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
	var bad supervision.CaseRecord
	if err := json.Unmarshal([]byte(`{"discussions":[{"kind":"supervision"}]}`), &bad); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("json.Unmarshal(bad kind) error = %v, want care.ErrUnknownCode", err)
	}
}

// TestAssessCase_SUP02_window pins what closes a SUP-02 interval: the case
// closing (its last allocation ending). The first interval from the
// allocation on 6 January 2025 is due on 17 February 2025.
func TestAssessCase_SUP02_window(t *testing.T) {
	tests := []struct {
		name        string
		allocations []supervision.Allocation
		discussions []supervision.Discussion
		asOf        care.Date
		want        []brief
		closed      care.Date // of the last finding, if Missed
	}{
		{
			name:        "case closes the day before the due date: nothing was owed",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-16")}},
			asOf:        day("2025-06-01"),
		},
		{
			name:        "case closes on the due date: nothing was owed",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-17")}},
			asOf:        day("2025-06-01"),
		},
		{
			name:        "case closes the day after the due date: missed",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-18")}},
			asOf:        day("2025-06-01"),
			want:        []brief{{supervision.SUP02, "child", care.Missed, day("2025-02-17"), care.Date{}}},
			closed:      day("2025-02-18"),
		},
		{
			name:        "case closing after the as-of date: still overdue",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-04-01")}},
			asOf:        day("2025-03-01"),
			want:        []brief{{supervision.SUP02, "child", care.Overdue, day("2025-02-17"), care.Date{}}},
		},
		{
			name: "case reallocated, not closed: still overdue",
			allocations: []supervision.Allocation{
				{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-18")},
				{Worker: "W2", From: day("2025-02-18")},
			},
			asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP02, "child", care.Overdue, day("2025-02-17"), care.Date{}}},
		},
		{
			name:        "a later discussion before the case closed: late, and nothing owed after",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-03-01")}},
			discussions: []supervision.Discussion{discussion("2025-02-20", "W1", full)},
			asOf:        day("2025-06-01"),
			want:        []brief{{supervision.SUP02, "child", care.Late, day("2025-02-17"), day("2025-02-20")}},
		},
		{
			name:        "the interval after a discussion missed when the case closed",
			allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-04-01")}},
			discussions: []supervision.Discussion{discussion("2025-02-10", "W1", full)},
			asOf:        day("2025-06-01"),
			want: []brief{
				{supervision.SUP02, "child", care.Met, day("2025-02-17"), day("2025-02-10")},
				{supervision.SUP02, "child", care.Missed, day("2025-03-24"), care.Date{}},
			},
			closed: day("2025-04-01"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := supervision.CaseRecord{Allocations: tc.allocations, Discussions: tc.discussions}
			rep, err := supervision.AssessCase("C0001", rec, tc.asOf, supervision.Policy{})
			if err != nil {
				t.Fatalf("AssessCase() error: %v", err)
			}
			got := rep.ForRule(supervision.SUP02)
			if diff := cmp.Diff(tc.want, briefs(got), opts); diff != "" {
				t.Fatalf("AssessCase() SUP-02 mismatch (-want +got):\n%s", diff)
			}
			if tc.closed.IsZero() {
				return
			}
			last := got[len(got)-1]
			if d, by := last.Closed(); d != tc.closed || by != "the last allocation of the case ended" {
				t.Errorf("Closed() = %v, %q; want %v, the last allocation of the case ended", d, by, tc.closed)
			}
		})
	}
}

func TestAssessCase_SUP02_missedMessage(t *testing.T) {
	rec := supervision.CaseRecord{Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: day("2025-02-18")}}}
	rep, err := supervision.AssessCase("C0001", rec, day("2025-06-01"), supervision.Policy{})
	if err != nil {
		t.Fatalf("AssessCase() error: %v", err)
	}
	const want = "no case discussion by 17 February 2025 (6 weeks after the first allocation of the case on 6 January 2025); " +
		"closed when the last allocation of the case ended on 18 February 2025"
	if len(rep) != 1 || rep[0].Message() != want {
		t.Fatalf("AssessCase() = %v, want one finding: %s", rep, want)
	}
	if got := rep[0].DaysLate(day("2025-06-01")); got != 1 {
		t.Errorf("DaysLate() = %d, want 1 (to the day the case closed)", got)
	}
}

// TestAssessCase_SUP04_window pins what closes a SUP-04 follow-up: the case
// closing, or the first case discussion after it fell due. The direction given on 3 February 2025 is due on 10 February.
func TestAssessCase_SUP04_window(t *testing.T) {
	dir := supervision.Direction{ID: "D1", Owner: "W1", Given: day("2025-02-03"), Due: day("2025-02-10")}
	tests := []struct {
		name     string
		to       care.Date // the end of the only allocation
		reviewed care.Date
		discuss  care.Date // a case discussion, if any
		asOf     care.Date
		want     []brief
	}{
		{name: "case closes the day before the due date: nothing was owed", to: day("2025-02-09"), asOf: day("2025-06-01")},
		{name: "case closes on the due date: nothing was owed", to: day("2025-02-10"), asOf: day("2025-06-01")},
		{
			name: "case closes the day after the due date: missed", to: day("2025-02-11"), asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Missed, day("2025-02-10"), care.Date{}}},
		},
		{
			name: "case closing after the as-of date: still overdue", to: day("2025-04-01"), asOf: day("2025-03-01"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Overdue, day("2025-02-10"), care.Date{}}},
		},
		{
			name: "case still allocated: overdue", asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Overdue, day("2025-02-10"), care.Date{}}},
		},
		{
			name: "the first discussion after the due date takes stock: missed", discuss: day("2025-02-24"), asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Missed, day("2025-02-10"), care.Date{}}},
		},
		{
			name: "that discussion after the as-of date: still overdue", discuss: day("2025-02-24"), asOf: day("2025-02-20"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Overdue, day("2025-02-10"), care.Date{}}},
		},
		{
			name: "reviewed late, before the case closed: late", to: day("2025-03-01"), reviewed: day("2025-02-20"), asOf: day("2025-06-01"),
			want: []brief{{supervision.SUP04, "directions[0]", care.Late, day("2025-02-10"), day("2025-02-20")}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := dir
			d.Reviewed = tc.reviewed
			rec := supervision.CaseRecord{
				Allocations: []supervision.Allocation{{Worker: "W1", From: day("2025-01-06"), To: tc.to}},
				Directions:  []supervision.Direction{d},
			}
			if !tc.discuss.IsZero() {
				rec.Discussions = []supervision.Discussion{{Date: tc.discuss, Supervisor: "TM1", Worker: "W1", Kind: supervision.SessionKindCaseDiscussion}}
			}
			rep, err := supervision.AssessCase("C0001", rec, tc.asOf, supervision.Policy{})
			if err != nil {
				t.Fatalf("AssessCase() error: %v", err)
			}
			got := rep.ForRule(supervision.SUP04)
			if diff := cmp.Diff(tc.want, briefs(got), opts); diff != "" {
				t.Fatalf("AssessCase() SUP-04 mismatch (-want +got):\n%s", diff)
			}
			if len(got) == 1 && got[0].Status == care.Missed && tc.discuss.IsZero() {
				const want = "no follow-up of the direction by 10 February 2025 (no later than the direction's due date on 10 February 2025); " +
					"closed when the last allocation of the case ended on 11 February 2025"
				if got[0].Message() != want {
					t.Errorf("Message() = %q, want %q", got[0].Message(), want)
				}
			}
		})
	}
}
