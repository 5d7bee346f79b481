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
		rec.MidwayChecks = append(rec.MidwayChecks, MidwayCheck{Date: held.AddDays(45), Outcome: CheckOutcomeOnTrack})
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

// BenchmarkEmit is the root package's use: one assessor, and an emitter
// and history reused from one child to the next.
func BenchmarkEmit(b *testing.B) {
	a, err := NewAssessor(Policy{}, care.EnglandAndWales())
	if err != nil {
		b.Fatal(err)
	}
	rec := benchRecord(b)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(b, "2015-01-05")
	asOf := d(b, "2025-06-01")
	var h care.History
	var e care.Emitter
	b.ReportAllocs()
	for b.Loop() {
		e.Reset(asOf)
		if err := h.Reset(child, eps); err != nil {
			b.Fatal(err)
		}
		if err := a.Emit(&e, &h, rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMilestones is the root package's other call for every child.
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
