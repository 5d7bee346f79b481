package care

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

var testRule = Rule{
	ID: "TEST-01", Title: "Test obligation", Severity: SeverityStatutory, Domain: DomainReviews,
	Citation: Citation{Instrument: CPPCR, Provision: "reg 33(1)", URL: CPPCRURL, Abbrev: CPPCRAbbrev},
	InForce:  Period{Start: MustDate(2011, 4, 1)},
}

var testKind = Kind{
	Rule: &testRule, What: "visit", Subject: "episodes[]", Anchor: "the last visit", AnchorAt: "visits[]",
	Done: "visit", DoneAt: "visits[]", Closures: []string{"the placement ended", "the child left care"},
}

var testCheck = Kind{
	Rule: &testRule, What: "visit record", Subject: "visits[]", Anchor: "visit",
	Problems: []string{"child not seen", "views not recorded", "no purpose"}, Met: "child seen, views and purpose recorded",
}

func TestFindingSize(t *testing.T) {
	// The finding model's target: a finding refers to its rule and renders
	// its text when read, so it is small (it was over 200 bytes).
	if n := unsafe.Sizeof(Finding{}); n > 96 {
		t.Errorf("Finding is %d bytes, want at most 96", n)
	}
}

// TestEmitterDeadline walks the status of one obligation, due Friday 14
// March 2025, at the boundaries of its window and of the assessment date.
func TestEmitterDeadline(t *testing.T) {
	due := isoDate("2025-03-14")
	tests := []struct {
		name         string
		done, closes string
		asOf         string
		want         Status // StatusUnknown: no finding
	}{
		{"done on the due date is met", "2025-03-14", "", "2025-06-01", Met},
		{"done the day before is met", "2025-03-13", "", "2025-06-01", Met},
		{"done the day after is late", "2025-03-15", "", "2025-06-01", Late},
		{"done after asOf counts as not done", "2025-03-20", "", "2025-03-16", Overdue},
		{"not done, due today, is upcoming", "", "", "2025-03-14", Upcoming},
		{"not done, due yesterday, is overdue", "", "", "2025-03-15", Overdue},
		{"window closes the day before the due date: nothing was owed", "", "2025-03-13", "2025-06-01", StatusUnknown},
		{"window closes on the due date: nothing was owed", "", "2025-03-14", "2025-06-01", StatusUnknown},
		{"window closes the day after the due date: missed", "", "2025-03-15", "2025-06-01", Missed},
		{"window closes on asOf: missed", "", "2025-04-01", "2025-04-01", Missed},
		{"window closes after asOf: still overdue", "", "2025-04-02", "2025-04-01", Overdue},
		{"window closing after asOf, not yet due: upcoming", "", "2025-04-02", "2025-03-01", Upcoming},
		{"done late before the window closed: late", "2025-03-20", "2025-04-01", "2025-06-01", Late},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEmitter(isoDate(tc.asOf))
			e.Deadline(&testKind, Obligation{Subject: At(2), Due: due, Anchor: isoDate("2025-01-31"), AnchorAt: At(4),
				Count: 42, Unit: Days, Done: isoDate(tc.done), DoneAt: At(5), Closes: isoDate(tc.closes)})
			fs := e.Findings()
			if tc.want == StatusUnknown {
				if len(fs) != 0 {
					t.Fatalf("Deadline recorded %v, want no finding", fs[0])
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("Deadline recorded %d findings, want 1", len(fs))
			}
			f := fs[0]
			if f.Status != tc.want {
				t.Errorf("status = %v, want %v", f.Status, tc.want)
			}
			if met := tc.want == Met || tc.want == Late; met != !f.Done.IsZero() {
				t.Errorf("Done = %v for a %v finding", f.Done, f.Status)
			}
		})
	}
}

func TestEmitterInForce(t *testing.T) {
	e := NewEmitter(isoDate("2012-01-01"))
	// Anchored before the rule came into force (1 April 2011): no finding,
	// even though it falls due after.
	e.Deadline(&testKind, Obligation{Due: isoDate("2011-04-20"), Anchor: isoDate("2011-03-25"), Count: 26, Unit: Days})
	e.Deadline(&testKind, Obligation{Due: isoDate("2011-04-27"), Anchor: isoDate("2011-04-01"), Count: 26, Unit: Days})
	e.Check(&testCheck, Obligation{Anchor: isoDate("2011-03-31")}, Problem(0))
	e.Check(&testCheck, Obligation{Anchor: isoDate("2011-04-01")}, 0)
	if n := e.Len(); n != 2 {
		t.Fatalf("recorded %d findings, want 2 (one deadline, one check)", n)
	}
	if got := e.Findings()[0].Due; !got.Equal(isoDate("2011-04-27")) {
		t.Errorf("deadline due %v, want 2011-04-27", got)
	}
}

func TestEmitterCheck(t *testing.T) {
	e := NewEmitter(isoDate("2025-06-01"))
	e.Check(&testCheck, Obligation{Subject: At(3), Anchor: isoDate("2025-05-02")}, Problem(0)|Problem(2))
	e.Check(&testCheck, Obligation{Subject: At(4), Anchor: isoDate("2025-05-20"), Done: isoDate("2025-05-20")}, 0)
	fs := e.Findings()
	if fs[0].Status != Breach || fs[1].Status != Met {
		t.Fatalf("statuses = %v, %v; want breach, met", fs[0].Status, fs[1].Status)
	}
	for _, tc := range []struct{ got, want string }{
		{fs[0].Message(), "visit on 2 May 2025: child not seen; no purpose"},
		{fs[1].Message(), "visit on 20 May 2025: child seen, views and purpose recorded"},
		{fs[0].Subject(), "visits[3]"},
		{fs[0].String(), "TEST-01 breach: visit on 2 May 2025: child not seen; no purpose"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if !fs[0].Problems().Has(2) || fs[0].Problems().Has(1) {
		t.Errorf("Problems() = %b, want bits 0 and 2", fs[0].Problems())
	}
	if _, ok := fs[0].Deadline(); ok {
		t.Error("a check has no deadline")
	}
}

// TestFindingRender checks what a person reads for each status: the
// message about this child, the subject path and the evidence.
func TestFindingRender(t *testing.T) {
	o := Obligation{Subject: At(2), Due: isoDate("2026-10-24"), Anchor: isoDate("2026-09-12"), AnchorAt: At(7),
		Count: 42, Unit: Days}
	tests := []struct {
		name     string
		asOf     string
		done     string
		closes   string
		by       int
		message  string
		evidence []Evidence
	}{
		{"overdue", "2026-12-01", "", "", 0,
			"no visit yet; due 24 October 2026, 42 days after the last visit on 12 September 2026",
			[]Evidence{{Label: "the last visit", Date: isoDate("2026-09-12"), Ref: "visits[7]"}}},
		{"upcoming", "2026-10-01", "", "", 0,
			"visit due 24 October 2026, 42 days after the last visit on 12 September 2026",
			[]Evidence{{Label: "the last visit", Date: isoDate("2026-09-12"), Ref: "visits[7]"}}},
		{"met", "2026-12-01", "2026-10-20", "", 0,
			"visit on 20 October 2026, on time; due 24 October 2026, 42 days after the last visit on 12 September 2026",
			[]Evidence{{Label: "the last visit", Date: isoDate("2026-09-12"), Ref: "visits[7]"}, {Label: "visit", Date: isoDate("2026-10-20"), Ref: "visits[8]"}}},
		{"late by one day", "2026-12-01", "2026-10-25", "", 0,
			"visit on 25 October 2026, 1 day late; due 24 October 2026, 42 days after the last visit on 12 September 2026",
			[]Evidence{{Label: "the last visit", Date: isoDate("2026-09-12"), Ref: "visits[7]"}, {Label: "visit", Date: isoDate("2026-10-25"), Ref: "visits[8]"}}},
		{"missed", "2026-12-01", "", "2026-11-03", 1,
			"no visit by 24 October 2026 (42 days after the last visit on 12 September 2026); closed when the child left care on 3 November 2026",
			[]Evidence{{Label: "the last visit", Date: isoDate("2026-09-12"), Ref: "visits[7]"}, {Label: "the child left care", Date: isoDate("2026-11-03")}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEmitter(isoDate(tc.asOf))
			o := o
			o.Done, o.Closes, o.ClosedBy = isoDate(tc.done), isoDate(tc.closes), tc.by
			if !o.Done.IsZero() {
				o.DoneAt = At(8)
			}
			e.Deadline(&testKind, o)
			f := e.Findings()[0]
			if got := f.Message(); got != tc.message {
				t.Errorf("Message() = %q\nwant        %q", got, tc.message)
			}
			if diff := cmp.Diff(tc.evidence, f.Evidence(), cmp.Comparer(Date.Equal)); diff != "" {
				t.Errorf("Evidence() mismatch (-want +got):\n%s", diff)
			}
			if got := f.Subject(); got != "episodes[2]" {
				t.Errorf("Subject() = %q, want episodes[2]", got)
			}
			d, ok := f.Deadline()
			if !ok || d.String() != "TEST-01 due 2026-10-24: 42 days after the last visit on 2026-09-12" {
				t.Errorf("Deadline() = %v, %v", d, ok)
			}
			if f.Rule() != "TEST-01" || f.Severity() != SeverityStatutory || f.Domain() != DomainReviews || f.Citation().Short() != "CPPCR 2010 reg 33(1)" {
				t.Errorf("rule fields = %v %v %v %q", f.Rule(), f.Severity(), f.Domain(), f.Citation().Short())
			}
		})
	}
}

func TestPathRef(t *testing.T) {
	tests := []struct {
		path Path
		ref  Ref
		want string
	}{
		{"", Ref{}, "child"},
		{"visits[]", At(3), "visits[3]"},
		{"reviews[].recommendations[]", At(2).At(0), "reviews[2].recommendations[0]"},
		{"leaving_care.pathway_plans[]", At(0), "leaving_care.pathway_plans[0]"},
		{"permanence.plan", Ref{}, "permanence.plan"},
		{"visits[]", At(-1), "visits"},
	}
	for _, tc := range tests {
		if got := string(tc.path.appendRef(nil, tc.ref)); got != tc.want {
			t.Errorf("%q with %v = %q, want %q", tc.path, tc.ref, got, tc.want)
		}
	}
	if !At(-1).IsZero() || At(0).IsZero() {
		t.Error("At(-1) should be zero and At(0) not")
	}
	if i, ok := At(5).At(2).Inner(); !ok || i != 2 {
		t.Errorf("Inner() = %d, %v", i, ok)
	}
}

func TestReport(t *testing.T) {
	var zero Report
	if zero.Err() != nil || len(zero.Failures()) != 0 || zero.Count(Met) != 0 {
		t.Error("the zero Report should be empty and usable")
	}
	zero.Sort()
	local := testRule
	local.ID, local.Severity = "C-01", SeverityLocal
	localKind := testCheck
	localKind.Rule = &local
	e := NewEmitter(isoDate("2025-06-01"))
	e.Deadline(&testKind, Obligation{Due: isoDate("2025-03-01"), Anchor: isoDate("2025-02-01"), Count: 28, Unit: Days, Done: isoDate("2025-02-20")})
	e.Deadline(&testKind, Obligation{Due: isoDate("2025-05-01"), Anchor: isoDate("2025-04-01"), Count: 30, Unit: Days})
	e.Check(&localKind, Obligation{}, Problem(1))
	e.Deadline(&testKind, Obligation{Due: isoDate("2025-04-01"), Anchor: isoDate("2025-03-01"), Count: 31, Unit: Days, Closes: isoDate("2025-05-01")})
	r := e.Findings()
	sorted := e.Report()
	var order []string
	for _, f := range sorted {
		order = append(order, string(f.Rule())+" "+f.Status.String())
	}
	if diff := cmp.Diff([]string{"C-01 breach", "TEST-01 met", "TEST-01 missed", "TEST-01 overdue"}, order); diff != "" {
		t.Errorf("Report() order mismatch (-want +got):\n%s", diff)
	}
	if r[0].Status != Met {
		t.Error("Report() changed the emitter's findings")
	}
	if n := len(r.WithStatus(Overdue, Breach)); n != 2 {
		t.Errorf("WithStatus = %d findings, want 2", n)
	}
	if n := len(r.AtLeast(SeverityStatutory)); n != 3 {
		t.Errorf("AtLeast(statutory) = %d findings, want 3", n)
	}
	if n := len(r.Failures()); n != 3 {
		t.Errorf("Failures = %d findings, want 3 (overdue, missed, breach)", n)
	}
	var re *ReportError
	if err := r.Err(); !errors.As(err, &re) || len(re.Findings) != 3 {
		t.Errorf("Err() = %v, want a ReportError with 3 findings", err)
	}
	if ok := r[:1].Err(); ok != nil {
		t.Errorf("Err() with only met findings = %v, want nil", ok)
	}
	e.Truncate(1)
	if e.Len() != 1 {
		t.Errorf("Truncate(1) left %d findings", e.Len())
	}
	e.Reset(isoDate("2026-01-01"))
	if e.Len() != 0 || !e.AsOf().Equal(isoDate("2026-01-01")) {
		t.Error("Reset should empty the emitter and set its date")
	}
}

func TestSortStable(t *testing.T) {
	other := testKind
	other.Rule = &Rule{ID: "A-01"}
	e := NewEmitter(isoDate("2025-06-01"))
	add := func(k *Kind, due string, subject int, q int) {
		e.Deadline(k, Obligation{Subject: At(subject), Due: isoDate(due), Anchor: isoDate("2025-01-01"), Count: 1, Unit: Days, Quantity: q})
	}
	add(&testKind, "2025-03-01", 1, 0)
	add(&other, "2025-03-01", 9, 1)
	add(&testKind, "2025-01-02", 2, 2)
	add(&testKind, "2025-03-01", 0, 3)
	add(&testKind, "2025-03-01", 1, 4) // equal to the first in every key: stays after it
	rep := e.Report()
	var got []int
	for _, f := range rep {
		got = append(got, f.Quantity())
	}
	if diff := cmp.Diff([]int{2, 1, 3, 0, 4}, got); diff != "" {
		t.Errorf("sort order mismatch (-want +got):\n%s", diff)
	}
	if !slices.IsSortedFunc(rep, CompareFindings) {
		t.Error("Report() is not sorted by CompareFindings")
	}
}

func TestFindingJSON(t *testing.T) {
	e := NewEmitter(isoDate("2026-12-01"))
	e.Deadline(&testKind, Obligation{Subject: At(1), Due: isoDate("2026-10-24"), Anchor: isoDate("2026-09-12"), AnchorAt: At(3), Count: 42, Unit: Days,
		Closes: isoDate("2026-11-02"), ClosedBy: 0})
	b, err := json.Marshal(e.Report())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format_version":1,"findings":[{"rule":"TEST-01","title":"Test obligation","severity":"statutory","domain":"reviews",` +
		`"citation":{"instrument":"` + CPPCR + `","provision":"reg 33(1)","url":"` + CPPCRURL + `","abbrev":"CPPCR 2010"},` +
		`"subject":"episodes[1]","status":"missed","due":"2026-10-24","closed":"2026-11-02",` +
		`"deadline":{"anchor":"2026-09-12","anchor_label":"the last visit","count":42,"unit":"days"},` +
		`"message":"no visit by 24 October 2026 (42 days after the last visit on 12 September 2026); closed when the placement ended on 2 November 2026",` +
		`"evidence":[{"label":"the last visit","date":"2026-09-12","ref":"visits[3]"},{"label":"the placement ended","date":"2026-11-02"}]}]}`
	if got := string(b); got != want {
		t.Errorf("JSON =\n%s\nwant\n%s", got, want)
	}
	if b, _ := json.Marshal(Report(nil)); !strings.Contains(string(b), `"findings":[]`) {
		t.Errorf("empty report JSON = %s", b)
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
	if s := Status(99).String(); s != "Status(99)" {
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
