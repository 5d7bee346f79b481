package care

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// benchFindings returns n findings of a handful of kinds with due dates
// spread over five years, in the order rules make them (by kind, then by
// date), as a median child's assessment gives about 200.
func benchFindings(n int) Report {
	kinds := make([]*Kind, 12)
	for i := range kinds {
		r := &Rule{ID: RuleID("R-" + string(rune('A'+i)))}
		kinds[i] = &Kind{Rule: r, What: "x", Subject: "visits[]"}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	e := NewEmitter(MustDate(2026, 12, 1))
	for i := range n {
		k := kinds[i*len(kinds)/n]
		due := MustDate(2021, 12, 1).AddDays(rng.IntN(5 * 365))
		e.Deadline(k, Obligation{Subject: At(rng.IntN(20)), Due: due, Anchor: due.AddDays(-42), Count: 42, Unit: Days})
	}
	return e.Findings()
}

// BenchmarkReportSort compares the two ways of sorting a report of 200
// findings: sorting small keys and placing each finding once (what
// [Emitter.Report] does), and sorting the findings themselves. The figures
// are quoted in the doc comment of sortKey.
func BenchmarkReportSort(b *testing.B) {
	src := benchFindings(200)
	b.Run("keys", func(b *testing.B) {
		e := &Emitter{rep: src}
		b.ReportAllocs()
		for b.Loop() {
			_ = e.Report()
		}
	})
	b.Run("findings", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out := slices.Clone(src)
			slices.SortStableFunc(out, CompareFindings)
		}
	})
}
