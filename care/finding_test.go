package care

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var testRule = Rule{
	ID: "TEST-01", Title: "Test obligation", Severity: SeverityStatutory, Domain: DomainReviews,
	Citation: Citation{Instrument: CPPCR, Provision: "reg 33(1)", URL: CPPCRURL},
}

func TestDeadlineEvaluate(t *testing.T) {
	dl := Deadline{Rule: "TEST-01", Due: isoDate("2025-02-03"), Anchor: isoDate("2025-01-06"), AnchorLabel: "becoming looked after", Count: 20, Unit: WorkingDays}
	tests := []struct {
		name       string
		done, asOf string
		want       Status
	}{
		{"done on the due date is met", "2025-02-03", "2025-03-01", Met},
		{"done the day before is met", "2025-02-02", "2025-03-01", Met},
		{"done the day after is late", "2025-02-04", "2025-03-01", Late},
		{"not done, due today, is upcoming", "", "2025-02-03", Upcoming},
		{"not done, due yesterday, is overdue", "", "2025-02-04", Overdue},
		{"done after asOf is not yet done", "2025-02-10", "2025-02-05", Overdue},
		{"same-day anchor and completion", "2025-01-06", "2025-01-06", Met},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dl.Evaluate(isoDate(tc.done), isoDate(tc.asOf)); got != tc.want {
				t.Errorf("Evaluate(%s, %s) = %v, want %v", tc.done, tc.asOf, got, tc.want)
			}
		})
	}
	if got, want := dl.String(), "TEST-01 due 2025-02-03: 20 working days after becoming looked after on 2025-01-06"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	zero := Deadline{Rule: "X", Due: isoDate("2025-02-03"), Anchor: isoDate("2025-02-03"), AnchorLabel: "first review held", Unit: Days}
	if got, want := zero.String(), "X due 2025-02-03: no later than first review held on 2025-02-03"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	one := Deadline{Rule: "X", Due: isoDate("2025-01-13"), Anchor: isoDate("2025-01-06"), Count: 1, Unit: Weeks}
	if got, want := one.String(), "X due 2025-01-13: 1 week after 2025-01-06"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestDeadlineFinding(t *testing.T) {
	dl := Deadline{Rule: "TEST-01", Due: isoDate("2025-02-03"), Anchor: isoDate("2025-01-06"), AnchorLabel: "becoming looked after", Count: 20, Unit: WorkingDays}
	got := dl.Finding(testRule, "child C0001", isoDate("2025-02-05"), isoDate("2025-03-01"))
	want := Finding{
		Rule: "TEST-01", Citation: testRule.Citation, Severity: SeverityStatutory, Domain: DomainReviews,
		Subject: "child C0001", Status: Late, Due: isoDate("2025-02-03"), Done: isoDate("2025-02-05"),
		Deadline: dl, Message: "Test obligation",
		Evidence: []Evidence{{Label: "becoming looked after", Date: isoDate("2025-01-06")}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("Finding() mismatch (-want +got):\n%s", diff)
	}
	if got.DaysLate(isoDate("2025-03-01")) != 2 {
		t.Errorf("DaysLate = %d, want 2", got.DaysLate(isoDate("2025-03-01")))
	}
	over := dl.Finding(testRule, "child C0001", Date{}, isoDate("2025-02-13"))
	if over.Status != Overdue || !over.Done.IsZero() || over.DaysLate(isoDate("2025-02-13")) != 10 {
		t.Errorf("overdue finding = %+v", over)
	}
}

func TestReport(t *testing.T) {
	var zero Report
	if zero.Err() != nil || len(zero.Failures()) != 0 || zero.Count(Met) != 0 {
		t.Error("the zero Report should be empty and usable")
	}
	zero.Sort()
	r := Report{
		{Rule: "B-01", Status: Met, Due: isoDate("2025-03-01")},
		{Rule: "A-01", Status: Overdue, Due: isoDate("2025-03-01"), Severity: SeverityStatutory},
		{Rule: "C-01", Status: Breach, Severity: SeverityLocal},
		{Rule: "A-02", Status: Upcoming, Due: isoDate("2025-01-01")},
	}
	orig := append(Report(nil), r...)
	sorted := r.Sorted()
	if diff := cmp.Diff(orig, r, cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("Sorted changed its receiver (-want +got):\n%s", diff)
	}
	var order []RuleID
	for _, f := range sorted {
		order = append(order, f.Rule)
	}
	if diff := cmp.Diff([]RuleID{"C-01", "A-02", "A-01", "B-01"}, order); diff != "" {
		t.Errorf("sort order mismatch (-want +got):\n%s", diff)
	}
	if n := len(r.WithStatus(Overdue, Breach)); n != 2 {
		t.Errorf("WithStatus = %d findings, want 2", n)
	}
	if n := len(r.AtLeast(SeverityStatutory)); n != 1 {
		t.Errorf("AtLeast(statutory) = %d findings, want 1", n)
	}
	err := r.Err()
	var re *ReportError
	if !errors.As(err, &re) || len(re.Findings) != 2 {
		t.Errorf("Err() = %v, want a ReportError with 2 findings", err)
	}
	if ok := (Report{{Status: Met}}).Err(); ok != nil {
		t.Errorf("Err() with only met findings = %v, want nil", ok)
	}
}

func TestEnumText(t *testing.T) {
	type doc struct {
		Status   Status   `json:"status"`
		Severity Severity `json:"severity"`
		Domain   Domain   `json:"domain"`
		Unit     Unit     `json:"unit"`
	}
	in := doc{Overdue, SeverityGuidance, DomainHealth, WorkingDays}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"status":"overdue","severity":"guidance","domain":"health","unit":"working days"}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %+v, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`{"status":"done"}`), &out); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("unknown status: err = %v, want ErrUnknownCode", err)
	}
	if s := Status(99).String(); s != "%!Status(99)" {
		t.Errorf("Status(99) = %q", s)
	}
	if _, err := Status(99).MarshalText(); err == nil {
		t.Error("marshalling an out-of-range status should fail")
	}
}

func TestValidationErrors(t *testing.T) {
	var inner ValidationErrors
	inner.Add("owner", ErrRequired)
	inner.Addf("due", "bad %s", "date")
	var outer ValidationErrors
	outer.Merge(Index("reviews", 1)+".recommendations[0]", inner.Err())
	outer.Merge("child", &FieldError{Path: "id", Err: ErrRequired})
	outer.Merge("policy", errors.New("plain"))
	outer.Merge("nothing", nil)
	var paths []string
	for _, e := range outer {
		paths = append(paths, e.Path)
	}
	want := []string{"reviews[1].recommendations[0].owner", "reviews[1].recommendations[0].due", "child.id", "policy"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("paths mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(outer.Err(), ErrRequired) {
		t.Error("errors.Is should see through ValidationErrors")
	}
	var none ValidationErrors
	if none.Err() != nil {
		t.Error("empty ValidationErrors.Err() should be nil")
	}
	if JoinPath("a", "[2].b") != "a[2].b" || JoinPath("", "x") != "x" || JoinPath("x", "") != "x" {
		t.Error("JoinPath")
	}
}

func TestSort(t *testing.T) {
	mk := func(due string, rule RuleID, subject string) Finding {
		return Finding{Due: isoDate(due), Rule: rule, Subject: subject}
	}
	r := Report{
		mk("2025-03-01", "B", "x"), mk("2025-01-01", "A", "y"), mk("", "C", "z"),
		mk("2025-03-01", "A", "x"), mk("2025-01-01", "A", "y"), mk("2025-02-01", "A", "a"),
	}
	r[1].Message, r[4].Message = "first", "second" // equal keys: order kept
	r.Sort()
	var got []string
	for _, f := range r {
		got = append(got, f.Due.String()+" "+string(f.Rule)+" "+f.Message)
	}
	want := []string{" C ", "2025-01-01 A first", "2025-01-01 A second", "2025-02-01 A ", "2025-03-01 A ", "2025-03-01 B "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Sort mismatch (-want +got):\n%s", diff)
	}
	big := make(Report, 2000)
	for i := range big {
		big[i] = mk("2025-01-01", RuleID([]string{"Z", "A", "M"}[i%3]), "")
		big[i].Message = string(rune('a' + i%26))
	}
	big.Sort()
	if !big.isSorted() {
		t.Error("a large report is not sorted")
	}
}

func TestSortMatchesStableSort(t *testing.T) {
	rules := []RuleID{"VIS-02", "VIS-021", "REV-01", "LONGRULE-01", "LONGRULE-02", "LONGRULE", "A", ""}
	subjects := []string{"", "a", "b"}
	seed := uint32(1)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % n
	}
	// Some rounds use 300 distinct rule IDs (more than the packed sort
	// ranks) and some the extreme day numbers.
	many := make([]RuleID, 300)
	for i := range many {
		many[i] = RuleID(fmt.Sprintf("R-%03d", 299-i))
	}
	for round := range 240 {
		n := 1 + next(700)
		r := make(Report, n)
		ids := rules
		if round%4 == 1 {
			ids = many
		}
		for i := range r {
			switch {
			case round%4 == 2 && next(3) == 0:
				r[i].Due = Date{n: math.MinInt32 + int32(next(3))}
			case round%4 == 2 && next(2) == 0:
				r[i].Due = Date{n: math.MaxInt32 - int32(next(3))}
			case next(5) > 0:
				r[i].Due = MustDate(2025, 1, 1).AddDays(next(20))
			}
			r[i].Rule = ids[next(len(ids))]
			r[i].Subject = subjects[next(len(subjects))]
			r[i].Status = Status(next(4))
			r[i].Message = string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		}
		want := slices.Clone(r)
		slices.SortStableFunc(want, func(a, b Finding) int { return CompareFindings(&a, &b) })
		before := slices.Clone(r)
		prefix := Report{{Message: "already there"}}
		appended := r.AppendSorted(prefix[:1:1])
		if len(appended) != n+1 || appended[0].Message != "already there" {
			t.Fatalf("round %d: AppendSorted did not keep what dst held", round)
		}
		for i := range r {
			if r[i].Message != before[i].Message {
				t.Fatalf("round %d: AppendSorted changed its receiver at %d", round, i)
			}
			if appended[i+1].Message != want[i].Message {
				t.Fatalf("round %d (n=%d): AppendSorted position %d holds %q, want %q", round, n, i, appended[i+1].Message, want[i].Message)
			}
		}
		r.Sort()
		for i := range r {
			if r[i].Message != want[i].Message {
				t.Fatalf("round %d (n=%d): position %d holds %q, want %q", round, n, i, r[i].Message, want[i].Message)
			}
		}
	}
}
