package supervision_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
	"github.com/shopspring/decimal"
)

func caseloadData() supervision.Dataset {
	return supervision.Dataset{
		Workers: []supervision.Worker{
			{ID: "W1", Team: "North", Office: "Riverside", Start: day("2025-01-06")},
			{ID: "W2", Team: "North", Office: "Hilltop", Start: day("2025-01-06"), End: day("2025-03-01")},
			{ID: "W3", Team: "South", Office: "Hilltop", Start: day("2025-02-03")},
		},
		Allocations: []supervision.Allocation{
			{Child: "C0001", Worker: "W1", From: day("2025-01-06")},
			{Child: "C0002", Worker: "W2", From: day("2025-01-06"), To: day("2025-02-10")},
			{Child: "C0002", Worker: "W1", From: day("2025-02-10")},
			{Child: "C0003", Worker: "W2", From: day("2025-01-06"), To: day("2025-02-01")},
			{Child: "C0003", Worker: "W3", From: day("2025-02-17")},
			{Child: "C0004", Worker: "W3", From: day("2025-02-03")},
		},
	}
}

func TestCaseloads(t *testing.T) {
	tests := []struct {
		name        string
		on          care.Date
		max         int
		want        []supervision.Caseload
		unallocated int
		breaches    []string
	}{
		{
			name: "the day before a reallocation",
			on:   day("2025-02-09"),
			want: []supervision.Caseload{
				{Worker: "W1", Team: "North", Office: "Riverside", Children: []string{"C0001"}, Count: 1},
				{Worker: "W2", Team: "North", Office: "Hilltop", Children: []string{"C0002"}, Count: 1},
				{Worker: "W3", Team: "South", Office: "Hilltop", Children: []string{"C0004"}, Count: 1},
			},
			unallocated: 1,
		},
		{
			name: "on the day of a reallocation the child counts for the new worker",
			on:   day("2025-02-10"),
			max:  1,
			want: []supervision.Caseload{
				{Worker: "W1", Team: "North", Office: "Riverside", Children: []string{"C0001", "C0002"}, Count: 2},
				{Worker: "W2", Team: "North", Office: "Hilltop", Count: 0},
				{Worker: "W3", Team: "South", Office: "Hilltop", Children: []string{"C0004"}, Count: 1},
			},
			unallocated: 1,
			breaches:    []string{"workers[0]"},
		},
		{
			name: "a worker who has left is not listed; a team of one",
			on:   day("2025-03-03"),
			max:  1,
			want: []supervision.Caseload{
				{Worker: "W1", Team: "North", Office: "Riverside", Children: []string{"C0001", "C0002"}, Count: 2},
				{Worker: "W3", Team: "South", Office: "Hilltop", Children: []string{"C0003", "C0004"}, Count: 2},
			},
			breaches: []string{"workers[0]", "workers[2]"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := supervision.Caseloads(caseloadData(), tc.on, supervision.Policy{MaxCaseload: tc.max})
			if err != nil {
				t.Fatalf("Caseloads() error: %v", err)
			}
			if diff := cmp.Diff(tc.want, rep.Workers, opts); diff != "" {
				t.Errorf("Caseloads() workers mismatch (-want +got):\n%s", diff)
			}
			if rep.Unallocated != tc.unallocated {
				t.Errorf("Caseloads().Unallocated = %d, want %d", rep.Unallocated, tc.unallocated)
			}
			if len(rep.Findings) > 0 {
				const want = "caseload of 2 children on 10 February 2025 is above the maximum of 1"
				if tc.on == day("2025-02-10") && rep.Findings[0].Message() != want {
					t.Errorf("Message() = %q, want %q", rep.Findings[0].Message(), want)
				}
			}
			var got []string
			for _, f := range rep.Findings {
				got = append(got, f.Subject())
				if f.Rule() != supervision.SUP05 || f.Status != care.Breach {
					t.Errorf("finding %v: want a SUP-05 breach", f)
				}
			}
			if diff := cmp.Diff(tc.breaches, got, opts); diff != "" {
				t.Errorf("Caseloads() breaches mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCaseloadSeries(t *testing.T) {
	days := []care.Date{day("2025-02-09"), day("2025-03-03")}
	tests := []struct {
		name string
		by   supervision.Grouping
		want []supervision.CaseloadPoint
	}{
		{
			name: "by team",
			by:   supervision.ByTeam,
			want: []supervision.CaseloadPoint{
				{Date: days[0], Group: "North", Workers: 2, Children: 2, Mean: decimal.RequireFromString("1.0"), Largest: 1},
				{Date: days[0], Group: "South", Workers: 1, Children: 1, Mean: decimal.RequireFromString("1.0"), Largest: 1},
				{Date: days[1], Group: "North", Workers: 1, Children: 2, Mean: decimal.RequireFromString("2.0"), Largest: 2, OverMax: 1},
				{Date: days[1], Group: "South", Workers: 1, Children: 2, Mean: decimal.RequireFromString("2.0"), Largest: 2, OverMax: 1},
			},
		},
		{
			name: "by office",
			by:   supervision.ByOffice,
			want: []supervision.CaseloadPoint{
				{Date: days[0], Group: "Hilltop", Workers: 2, Children: 2, Mean: decimal.RequireFromString("1.0"), Largest: 1},
				{Date: days[0], Group: "Riverside", Workers: 1, Children: 1, Mean: decimal.RequireFromString("1.0"), Largest: 1},
				{Date: days[1], Group: "Hilltop", Workers: 1, Children: 2, Mean: decimal.RequireFromString("2.0"), Largest: 2, OverMax: 1},
				{Date: days[1], Group: "Riverside", Workers: 1, Children: 2, Mean: decimal.RequireFromString("2.0"), Largest: 2, OverMax: 1},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := supervision.CaseloadSeries(caseloadData(), days, tc.by, supervision.Policy{MaxCaseload: 1})
			if err != nil {
				t.Fatalf("CaseloadSeries() error: %v", err)
			}
			if diff := cmp.Diff(tc.want, got, opts, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
				t.Errorf("CaseloadSeries() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := supervision.CaseloadSeries(caseloadData(), days, supervision.GroupingUnknown, supervision.Policy{}); err == nil {
		t.Errorf("CaseloadSeries(unknown grouping) error = nil, want an error")
	}
	if _, err := supervision.CaseloadSeries(caseloadData(), []care.Date{{}}, supervision.ByTeam, supervision.Policy{}); err == nil {
		t.Errorf("CaseloadSeries(zero day) error = nil, want an error")
	}
}

func TestOversightRates(t *testing.T) {
	ds := supervision.Dataset{
		Workers: []supervision.Worker{
			{ID: "W1", Team: "North", Start: day("2025-01-06")},
			{ID: "W2", Team: "North", Start: day("2025-01-06")},
			{ID: "W3", Team: "South", Start: day("2025-01-06")},
		},
		Sessions: []supervision.Session{
			{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual,
				Cases: []supervision.CaseNote{withChild(full, "C0001"), {Child: "C0002", Progress: "p"}}},
			{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W2", Kind: supervision.SessionKindGroup,
				Cases: []supervision.CaseNote{withChild(full, "C0003")}},
			{Date: day("2025-03-01"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual, // outside the period
				Cases: []supervision.CaseNote{{Child: "C0001"}}},
			{Date: day("2025-02-28"), Supervisor: "M2", Worker: "W3", Kind: supervision.SessionKindCaseDiscussion,
				Cases: []supervision.CaseNote{{Child: "C0004", Worries: "w", Risks: "r"}}},
		},
	}
	feb := care.Period{Start: day("2025-02-01"), End: day("2025-03-01")}
	rep, err := supervision.OversightRates(ds, feb, supervision.Policy{})
	if err != nil {
		t.Fatalf("OversightRates() error: %v", err)
	}
	want := supervision.OversightReport{
		Period: feb,
		Workers: []supervision.OversightRate{
			{Group: "W1", Team: "North", Reflective: supervision.Rate{Met: 1, Total: 2}, MissingWorries: 1, MissingRisks: 1, MissingFutureFocus: 1},
			{Group: "W2", Team: "North", Reflective: supervision.Rate{Met: 1, Total: 1}},
			{Group: "W3", Team: "South", Reflective: supervision.Rate{Met: 0, Total: 1}, MissingProgress: 1, MissingFutureFocus: 1},
		},
		Teams: []supervision.OversightRate{
			{Group: "North", Team: "North", Reflective: supervision.Rate{Met: 2, Total: 3}, MissingWorries: 1, MissingRisks: 1, MissingFutureFocus: 1},
			{Group: "South", Team: "South", Reflective: supervision.Rate{Met: 0, Total: 1}, MissingProgress: 1, MissingFutureFocus: 1},
		},
	}
	if diff := cmp.Diff(want, rep, opts, cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Findings" }, cmp.Ignore())); diff != "" {
		t.Errorf("OversightRates() mismatch (-want +got):\n%s", diff)
	}
	wantFindings := []brief{
		{supervision.SUP03, "sessions[0].cases[0]", care.Met, care.Date{}, day("2025-02-03")},
		{supervision.SUP03, "sessions[0].cases[1]", care.Breach, care.Date{}, care.Date{}},
		{supervision.SUP03, "sessions[1].cases[0]", care.Met, care.Date{}, day("2025-02-03")},
		{supervision.SUP03, "sessions[3].cases[0]", care.Breach, care.Date{}, care.Date{}},
	}
	if diff := cmp.Diff(wantFindings, briefs(rep.Findings), opts); diff != "" {
		t.Errorf("OversightRates() findings mismatch (-want +got):\n%s", diff)
	}
	if got, want := rep.Findings[3].Message(), "case discussion on 28 February 2025: progress not recorded; future focus not recorded"; got != want {
		t.Errorf("OversightRates() message = %q, want %q", got, want)
	}
	if pc, ok := rep.Teams[0].Reflective.Percent(1); !ok || pc.StringFixed(1) != "66.7" {
		t.Errorf("North Reflective.Percent(1) = %v, %v; want 66.7, true", pc, ok)
	}
}

func withChild(n supervision.CaseNote, child string) supervision.CaseNote {
	n.Child = child
	return n
}

func TestRate(t *testing.T) {
	tests := []struct {
		name string
		r    supervision.Rate
		want string
	}{
		{"none to count", supervision.Rate{}, "0/0 (n/a)"},
		{"all met", supervision.Rate{Met: 3, Total: 3}, "3/3 (100.0%)"},
		{"a half rounds away from zero", supervision.Rate{Met: 1, Total: 16}, "1/16 (6.3%)"},
		{"two thirds", supervision.Rate{Met: 2, Total: 3}, "2/3 (66.7%)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.String(); got != tc.want {
				t.Errorf("%#v.String() = %q, want %q", tc.r, got, tc.want)
			}
		})
	}
}

// TestNoClock fails if non-test code reads the clock or the local zone.
func TestNoClock(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "time" {
				switch sel.Sel.Name {
				case "Now", "Since", "Until", "Local":
					t.Errorf("%v: time.%s in non-test code", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}
