package practice

import (
	"bytes"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
)

// medianCase returns the synthetic child with the median number of records
// among the first n of the cohort.
func medianCase(n int) (Case, int) {
	coh := Synthetic(SyntheticOptions{Seed: 1, Children: n})
	type sized struct {
		i, records int
	}
	sizes := make([]sized, len(coh.Cases))
	for i, c := range coh.Cases {
		sizes[i] = sized{i, recordCount(c)}
	}
	slices.SortFunc(sizes, func(a, b sized) int { return a.records - b.records })
	m := sizes[len(sizes)/2]
	return coh.Cases[m.i], m.records
}

func recordCount(c Case) int {
	n := len(c.Care.Episodes) + len(c.Care.Visits) + len(c.Care.CarePlans) + len(c.Care.PlacementPlans) + len(c.Care.Notifications) +
		len(c.Care.Events) + len(c.Care.Assessments) + len(c.Care.Chronology) + len(c.Care.HealthAssessments) + len(c.Care.SDQs) +
		len(c.Care.DentalChecks) + len(c.Care.PEPs) + len(c.Care.MissingEpisodes) + len(c.Care.RiskMeetings) + len(c.Care.PlacementApprovals) +
		len(c.Care.CeasingApprovals) + len(c.Review.Reviews) + len(c.Review.IRO) + len(c.Review.MidwayChecks) +
		len(c.Supervision.Allocations) + len(c.Supervision.Discussions) + len(c.Supervision.Directions) +
		len(c.Permanence.Plan.Transitions) + len(c.Permanence.Proceedings)
	for _, r := range c.Review.Reviews {
		n += len(r.Recommendations)
	}
	return n
}

// BenchmarkAssess assesses the median synthetic child (by number of
// records) with every rule of the catalogue.
func BenchmarkAssess(b *testing.B) {
	c, records := medianCase(1001)
	cal := care.EnglandAndWales()
	asOf := care.MustDate(2026, 12, 1)
	rep, err := Assess(c, asOf, Standards{}, cal)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Assess(c, asOf, Standards{}, cal); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(records), "records")
	b.ReportMetric(float64(len(rep)), "findings")
	report, beyond := reportBytes(func() any {
		r, _ := Assess(c, asOf, Standards{}, cal)
		return r
	})
	b.ReportMetric(report, "report-B")
	b.ReportMetric(beyond, "beyond-report-B")
}

// reportBytes calls f many times, keeping every result alive, and returns
// the mean bytes per call that the results retain (the report itself,
// with its evidence and strings) and the mean bytes allocated beyond them:
// scratch space that is garbage as soon as f returns.
func reportBytes(f func() any) (report, beyond float64) {
	const n = 200
	keep := make([]any, n)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range keep {
		keep[i] = f()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(keep)
	alloc := float64(after.TotalAlloc - before.TotalAlloc)
	retained := float64(int64(after.HeapAlloc) - int64(before.HeapAlloc))
	return retained / n, (alloc - retained) / n
}

// BenchmarkAssessCohort assesses a synthetic national cohort (84,000
// children by default; set PRACTICE_BENCH_CHILDREN to change it), one
// goroutine and then one per CPU, reporting ns and allocations per child
// and the process's peak resident memory.
func BenchmarkAssessCohort(b *testing.B) {
	n := 84000
	if s := os.Getenv("PRACTICE_BENCH_CHILDREN"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	coh := Synthetic(SyntheticOptions{Seed: 1, Children: n})
	cal := care.EnglandAndWales()
	for _, tc := range []struct {
		name string
		opt  CohortOptions
	}{
		{"serial", CohortOptions{}},
		{"parallel", CohortOptions{Parallelism: -1}},
		{"serial-summary", CohortOptions{DiscardReports: true}},
		{"parallel-summary", CohortOptions{Parallelism: -1, DiscardReports: true}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			var before, after runtime.MemStats
			var rep CohortReport
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for b.Loop() {
				rep = CohortReport{} // let the previous result go
				var err error
				rep, err = AssessCohort(coh.Cases, coh.AsOf, Standards{}, cal, tc.opt)
				if err != nil || rep.Invalid != 0 {
					b.Fatal(err, rep.Invalid)
				}
			}
			b.StopTimer()
			runtime.ReadMemStats(&after)
			perOp := float64(b.N)
			alloc := float64(after.TotalAlloc-before.TotalAlloc) / perOp / float64(n)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/perOp/float64(n), "ns/child")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/perOp/float64(n), "allocs/child")
			b.ReportMetric(alloc, "B/child")
			// What the last result retains (its reports, when they are
			// kept), and what was allocated beyond it: scratch space.
			runtime.GC()
			runtime.ReadMemStats(&after)
			retained := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(n)
			runtime.KeepAlive(rep)
			b.ReportMetric(retained, "result-B/child")
			b.ReportMetric(alloc-retained, "beyond-result-B/child")
			b.ReportMetric(peakRSSMiB(), "peak-RSS-MiB")
		})
	}
}

// peakRSSMiB reads the process's peak resident set size (Linux only; 0
// elsewhere).
func peakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkAssessBySize assesses children of four sizes (the quartiles of a
// synthetic cohort by number of records), to show that the cost is linear
// in the records.
func BenchmarkAssessBySize(b *testing.B) {
	coh := Synthetic(SyntheticOptions{Seed: 1, Children: 1001})
	slices.SortFunc(coh.Cases, func(x, y Case) int { return recordCount(x) - recordCount(y) })
	cal := care.EnglandAndWales()
	for _, q := range []int{250, 500, 750, 990} {
		c := coh.Cases[q]
		b.Run("records="+strconv.Itoa(recordCount(c)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Assess(c, coh.AsOf, Standards{}, cal); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadCohort decodes 300 synthetic cases from JSON Lines with
// ReadCohort, as casework streams a cohort file, and reports the time a
// record and the bytes a second.
func BenchmarkReadCohort(b *testing.B) {
	coh := Synthetic(SyntheticOptions{Seed: 1, Children: 300})
	var buf bytes.Buffer
	if err := EncodeCohort(&buf, coh.Cases); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range ReadCohort(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(coh.Cases) {
			b.Fatalf("read %d cases, want %d", n, len(coh.Cases))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(coh.Cases)), "µs/record")
}
