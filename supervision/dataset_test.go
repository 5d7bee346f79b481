package supervision_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

func TestDataset_Validate(t *testing.T) {
	workers := []supervision.Worker{
		{ID: "W1", Team: "North", Start: day("2025-01-06"), End: day("2025-06-30")},
		{ID: "W2", Team: "North", Start: day("2025-03-03")},
	}
	tests := []struct {
		name  string
		ds    supervision.Dataset
		paths []string
	}{
		{
			name: "valid",
			ds: supervision.Dataset{
				Workers: workers,
				Sessions: []supervision.Session{{Date: day("2025-06-29"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual,
					Cases: []supervision.CaseNote{{Child: "C0001", Directions: []string{"D1"}}}}},
				Directions: []supervision.Direction{{ID: "D1", Child: "C0001", Given: day("2025-06-29")}},
				Allocations: []supervision.Allocation{
					{Child: "C0001", Worker: "W1", From: day("2025-01-06"), To: day("2025-06-30")},
					{Child: "C0001", Worker: "W2", From: day("2025-06-30")},
				},
			},
		},
		{
			name: "session before the worker started",
			ds: supervision.Dataset{Workers: workers, Sessions: []supervision.Session{
				{Date: day("2025-03-02"), Supervisor: "M1", Worker: "W2", Kind: supervision.SessionKindIndividual}}},
			paths: []string{"sessions[0].worker"},
		},
		{
			name: "session on the day the worker left",
			ds: supervision.Dataset{Workers: workers, Sessions: []supervision.Session{
				{Date: day("2025-06-30"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual}}},
			paths: []string{"sessions[0].worker"},
		},
		{
			name: "unknown worker and missing fields",
			ds: supervision.Dataset{Workers: workers, Sessions: []supervision.Session{
				{Worker: "W9"}, {Date: day("2025-04-01"), Supervisor: "W2", Worker: "W2", Kind: supervision.SessionKindGroup}}},
			paths: []string{"sessions[0].date", "sessions[0].kind", "sessions[0].supervisor", "sessions[0].worker", "sessions[1].supervisor"},
		},
		{
			name: "bad workers",
			ds: supervision.Dataset{Workers: []supervision.Worker{
				{ID: "W1", Team: "T", Start: day("2025-01-06"), End: day("2025-01-06")},
				{ID: "W1", Start: day("2025-01-06"), Qualified: day("2025-02-01"), ASYE: day("2025-01-06")},
				{},
			}},
			paths: []string{"workers[0].end", "workers[1].asye", "workers[1].id", "workers[1].team", "workers[2].id", "workers[2].start", "workers[2].team"},
		},
		{
			name: "allocations: overlap, outlasting the worker, unknown worker",
			ds: supervision.Dataset{Workers: workers, Allocations: []supervision.Allocation{
				{Child: "C0001", Worker: "W1", From: day("2025-01-06")},
				{Child: "C0001", Worker: "W2", From: day("2025-04-01")},
				{Child: "C0002", Worker: "W9", From: day("2025-04-01")},
				{Worker: "W2", From: day("2025-04-01"), To: day("2025-03-01")},
			}},
			paths: []string{"allocations[0].worker", "allocations[1]", "allocations[2].worker", "allocations[3].child", "allocations[3].to"},
		},
		{
			name: "directions and case notes",
			ds: supervision.Dataset{Workers: workers,
				Sessions: []supervision.Session{{Date: day("2025-04-01"), Supervisor: "M1", Worker: "W2", Kind: supervision.SessionKindCaseDiscussion,
					Cases: []supervision.CaseNote{{Child: "C0001", Directions: []string{"D2", "D9"}}, {Child: "C0001"}, {}}}},
				Directions: []supervision.Direction{
					{ID: "D1", Child: "C0001", Given: day("2025-04-01"), Due: day("2025-03-01"), Reviewed: day("2025-03-31")},
					{ID: "D2", Child: "C0002", Given: day("2025-04-01")},
					{ID: "D2", Child: "C0002", Given: day("2025-04-01")},
					{},
				},
			},
			paths: []string{
				"directions[0].due", "directions[0].reviewed", "directions[2].id", "directions[3].child", "directions[3].given", "directions[3].id",
				"sessions[0].cases[0].directions[0]", "sessions[0].cases[0].directions[1]", "sessions[0].cases[1].child", "sessions[0].cases[2].child",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.ds.Validate()
			if diff := cmp.Diff(tc.paths, paths(t, err), opts); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestDataset_Validate_messages(t *testing.T) {
	ds := supervision.Dataset{
		Workers: []supervision.Worker{{ID: "W1", Team: "T", Start: day("2025-03-03")}},
		Sessions: []supervision.Session{
			{Date: day("2025-03-02"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual},
			{Date: day("2025-03-04"), Supervisor: "M1", Worker: "W7", Kind: supervision.SessionKindIndividual},
		},
	}
	const want = "sessions[0].worker: 2025-03-02 is before worker \"W1\" started on 2025-03-03\n" +
		"sessions[1].worker: unknown worker \"W7\""
	if err := ds.Validate(); err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
}

func TestSplitJoin(t *testing.T) {
	base := supervision.Dataset{
		Workers: []supervision.Worker{{ID: "W1", Team: "T", Start: day("2025-01-06")}},
		Sessions: []supervision.Session{
			{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual},
		},
	}
	ds := supervision.Dataset{
		Workers: base.Workers,
		Sessions: []supervision.Session{
			{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual,
				Cases: []supervision.CaseNote{{Child: "C0001", Progress: "p", Directions: []string{"D1"}}, {Child: "C0002"}}},
			{Date: day("2025-02-17"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindCaseDiscussion,
				Cases: []supervision.CaseNote{{Child: "C0002", Risks: "r"}}},
		},
		Directions: []supervision.Direction{{ID: "D1", Child: "C0001", Given: day("2025-02-03")}},
		Allocations: []supervision.Allocation{
			{Child: "C0001", Worker: "W1", From: day("2025-01-06")},
			{Child: "C0002", Worker: "W1", From: day("2025-01-06")},
		},
	}
	if err := ds.Validate(); err != nil {
		t.Fatalf("Validate() error: %v", err)
	}
	cases := ds.CaseRecords()
	if diff := cmp.Diff(ds.CaseRecord("C0002"), cases["C0002"], opts); diff != "" {
		t.Errorf("CaseRecords()[C0002] differs from CaseRecord(C0002) (-want +got):\n%s", diff)
	}
	if got := len(cases["C0002"].Discussions); got != 2 {
		t.Errorf("len(CaseRecord(C0002).Discussions) = %d, want 2", got)
	}
	joined := supervision.Join(base, cases)
	if diff := cmp.Diff(ds, joined, opts); diff != "" {
		t.Errorf("Join(CaseRecords()) mismatch (-want +got):\n%s", diff)
	}
	if len(base.Sessions[0].Cases) != 0 {
		t.Errorf("Join modified its base: %v", base.Sessions[0].Cases)
	}
}

func TestPolicy_Validate(t *testing.T) {
	tests := []struct {
		name  string
		p     supervision.Policy
		paths []string
	}{
		{"zero policy is the defaults", supervision.Policy{}, nil},
		{"stricter everywhere", supervision.Policy{
			Supervision:     supervision.Interval{Count: 3, Unit: care.Weeks},
			ASYEWeekly:      supervision.Interval{Count: 5, Unit: care.Days},
			ASYEFortnightly: supervision.Interval{Count: 10, Unit: care.Days},
			ASYEMonthly:     supervision.Interval{Count: 4, Unit: care.Weeks},
			CaseDiscussion:  supervision.Interval{Count: 1, Unit: care.Months},
			MaxCaseload:     15,
		}, nil},
		{"ASYE intervals looser than the schedule", supervision.Policy{
			ASYEWeekly:      supervision.Interval{Count: 8, Unit: care.Days},
			ASYEFortnightly: supervision.Interval{Count: 3, Unit: care.Weeks},
			ASYEMonthly:     supervision.Interval{Count: 30, Unit: care.Days},
		}, []string{"asye_fortnightly", "asye_monthly", "asye_weekly"}},
		{"zero, negative and nonsense", supervision.Policy{
			Supervision:    supervision.Interval{Count: 0, Unit: care.Weeks},
			CaseDiscussion: supervision.Interval{Count: 13, Unit: care.Months},
			ASYEWeekly:     supervision.Interval{Count: 1, Unit: care.WorkingDays},
			MaxCaseload:    -1,
		}, []string{"asye_weekly", "case_discussion", "max_caseload", "supervision"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.paths, paths(t, tc.p.Validate()), opts); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
	err := supervision.Policy{ASYEWeekly: supervision.Interval{Count: 2, Unit: care.Weeks}}.Validate()
	const want = "asye_weekly: 2 weeks is looser than the assessed-year schedule's 1 week"
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %s", err, want)
	}
}

func TestRules(t *testing.T) {
	rs := supervision.Rules()
	want := []care.RuleID{"SUP-01", "SUP-02", "SUP-03", "SUP-04", "SUP-05"}
	var got []care.RuleID
	for _, r := range rs {
		got = append(got, r.ID)
		if r.Severity != care.SeverityLocal || r.Domain != care.DomainSupervision || r.Package != "supervision" {
			t.Errorf("rule %s: severity %v, domain %v, package %q; want local, supervision, supervision", r.ID, r.Severity, r.Domain, r.Package)
		}
		if r.Title == "" || r.Text == "" || r.Citation.Instrument == "" {
			t.Errorf("rule %s has an empty title, text or citation", r.ID)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Rules() IDs mismatch (-want +got):\n%s", diff)
	}
	rs[0].Policy[0] = "changed"
	rs[1].Title = "changed"
	if again := supervision.Rules(); again[0].Policy[0] == "changed" || again[1].Title == "changed" {
		t.Errorf("Rules() returned shared memory")
	}
}

func TestSessionKind_text(t *testing.T) {
	tests := []struct {
		name string
		text string
		want supervision.SessionKind
		err  error
	}{
		{"individual", "individual", supervision.SessionKindIndividual, nil},
		{"group", "group", supervision.SessionKindGroup, nil},
		{"case", "case", supervision.SessionKindCaseDiscussion, nil},
		{"empty is unknown", "", supervision.SessionKindUnknown, nil},
		{"not a kind", "Individual", supervision.SessionKindUnknown, care.ErrUnknownCode},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var k supervision.SessionKind
			err := k.UnmarshalText([]byte(tc.text))
			if k != tc.want || !errors.Is(err, tc.err) {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v, %v", tc.text, k, err, tc.want, tc.err)
			}
			if err != nil {
				return
			}
			b, err := k.MarshalText()
			if err != nil || string(b) != tc.text {
				t.Errorf("MarshalText() = %q, %v; want %q", b, err, tc.text)
			}
		})
	}
}
