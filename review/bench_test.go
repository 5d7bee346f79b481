package review

import (
	"testing"

	"github.com/lookedafter/practice/care"
)

// benchRecord is a synthetic child looked after since 2015-01-05 with 20
// reviews, 5 recommendations each (100 in all), an IRO and midway checks.
func benchRecord(tb testing.TB) Record {
	tb.Helper()
	first := d(tb, "2015-01-30")
	held := first
	var rec Record
	rec.IRO = []IROAllocation{{IROID: "IRO1", Appointed: d(tb, "2015-01-09"), MetChild: d(tb, "2015-01-20"), NamedInPlan: d(tb, "2015-01-14")}}
	for i := range 20 {
		if i == 1 {
			held = first.AddMonths(3)
		} else if i > 1 {
			held = held.AddMonths(6).AddDays(-3)
		}
		rv := Review{Held: held, Participation: care.ParticipationPN1, ViewsRecorded: i%4 != 0,
			DecisionsCirculated: held.AddDays(4), RecordCompleted: held.AddDays(20 + i%10)}
		for j := range 5 {
			rc := Recommendation{Ref: "R", Owner: "SW1", Due: held.AddDays(30 * (j + 1))}
			switch j % 3 {
			case 0:
				rc.Completed = held.AddDays(20 * (j + 1))
			case 1:
				rc.FollowUps = []FollowUp{{Date: held.AddDays(25 * (j + 1))}}
			}
			rv.Recommendations = append(rv.Recommendations, rc)
		}
		rec.Reviews = append(rec.Reviews, rv)
		rec.MidwayChecks = append(rec.MidwayChecks, MidwayCheck{Date: held.AddDays(45), Outcome: OutcomeOnTrack})
	}
	return rec
}

func BenchmarkAssess(b *testing.B) {
	cal := care.EnglandAndWales()
	rec := benchRecord(b)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Assess(rec, child, eps, asOf, cal, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSchedule(b *testing.B) {
	cal := care.EnglandAndWales()
	rec := benchRecord(b)
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Schedule(eps, rec.Reviews, asOf, cal, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	rec := benchRecord(b)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(b, "2015-01-05")
	b.ReportAllocs()
	for b.Loop() {
		if err := rec.Validate(child, eps); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendAssessment is the root package's use: the findings are
// appended to a reused report, so what it allocates is the report's own
// evidence and strings, and nothing else.
func BenchmarkAppendAssessment(b *testing.B) {
	cal := care.EnglandAndWales()
	rec := benchRecord(b)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	buf := make(care.Report, 0, 512)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := AppendAssessment(buf[:0], rec, child, eps, asOf, cal, Policy{})
		if err != nil {
			b.Fatal(err)
		}
		buf = rep
	}
}

// BenchmarkMilestones: it should not allocate (TestNoAllocations).
func BenchmarkMilestones(b *testing.B) {
	cal := care.EnglandAndWales()
	rec := benchRecord(b)
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Milestones(eps, rec.Reviews, asOf, cal, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNextDue should not allocate.
func BenchmarkNextDue(b *testing.B) {
	cal := care.EnglandAndWales()
	rec := benchRecord(b)
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := NextDue(eps, rec.Reviews, asOf, cal, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Milestones and a valid record's validation allocate nothing: the root
// package calls them for every child of a cohort.
func TestNoAllocations(t *testing.T) {
	cal := care.EnglandAndWales()
	rec := benchRecord(t)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(t, "2015-01-05")
	asOf := d(t, "2025-06-01")
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Milestones", func() { _, _, _ = Milestones(eps, rec.Reviews, asOf, cal, Policy{}) }},
		{"Record.Validate", func() { _ = rec.Validate(child, eps) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(50, tc.f); n != 0 {
				t.Errorf("%s allocates %v times a call, want 0", tc.name, n)
			}
		})
	}
}

// Record paths come from tables for ordinary records and are built beyond
// them, the same either way.
func TestRecordRefs(t *testing.T) {
	for _, tc := range []struct {
		i, j      int
		review    string
		recommend string
	}{
		{0, 0, "reviews[0]", "reviews[0].recommendations[0]"},
		{39, 7, "reviews[39]", "reviews[39].recommendations[7]"},
		{3, 12, "reviews[3]", "reviews[3].recommendations[12]"},
		{40, 0, "reviews[40]", "reviews[40].recommendations[0]"},
		{57, 9, "reviews[57]", "reviews[57].recommendations[9]"},
	} {
		if got := reviewRef(tc.i); got != tc.review {
			t.Errorf("reviewRef(%d) = %q, want %q", tc.i, got, tc.review)
		}
		if got := recRef(tc.i, tc.j); got != tc.recommend {
			t.Errorf("recRef(%d, %d) = %q, want %q", tc.i, tc.j, got, tc.recommend)
		}
	}
}
