package ssda903_test

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/ssda903"
)

// BenchmarkReadShared reads the shared synthetic return's CSV tables from
// disk: 2,675 children, 1 MB. Target: 20 ms.
func BenchmarkReadShared(b *testing.B) {
	needShared(b)
	defer reportCPU(b, 2675)()
	for b.Loop() {
		if _, err := ssda903.ReadDir(sharedDir, 2025); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadSharedRecords reads the shared return and converts it to
// records.
func BenchmarkReadSharedRecords(b *testing.B) {
	needShared(b)
	defer reportCPU(b, 2675)()
	for b.Loop() {
		r, _ := ssda903.ReadDir(sharedDir, 2025)
		if _, err := r.Records(); err == nil {
			b.Fatal("want the shared data's problems")
		}
	}
}

// BenchmarkReadSharedCases reads the shared return, converts it and builds
// the cases.
func BenchmarkReadSharedCases(b *testing.B) {
	needShared(b)
	defer reportCPU(b, 2675)()
	for b.Loop() {
		r, _ := ssda903.ReadDir(sharedDir, 2025)
		rec, _ := r.Records()
		ssda903.Cases(rec)
	}
}

// BenchmarkReadSharedXML reads the shared XML return (253 children).
func BenchmarkReadSharedXML(b *testing.B) {
	needShared(b)
	data, err := os.ReadFile(sharedDir + "/fake_903.xml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ssda903.ReadXML(bytes.NewReader(data), "fake_903.xml", 2025); err != nil {
			b.Fatal(err)
		}
	}
}

// national is a national-size synthetic return (84,000 children), written
// by WriteCSV from practice.Synthetic, in memory; made once.
var national = sync.OnceValues(func() (fstest.MapFS, int) {
	cohort := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 84000})
	ret, err := ssda903.FromCases(cohort.Cases, 2025).Return()
	if err != nil {
		panic(err)
	}
	fsys := fstest.MapFS{}
	size := 0
	for _, t := range ssda903.Tables() {
		if ret.Table(t) == nil {
			continue
		}
		var buf bytes.Buffer
		if err := ret.WriteCSV(&buf, t); err != nil {
			panic(err)
		}
		fsys[ssda903.FileName(t)] = &fstest.MapFile{Data: buf.Bytes()}
		size += buf.Len()
	}
	return fsys, size
})

// BenchmarkNationalRead reads and converts a national return (84,000
// children) from memory, single-threaded. Target: 1.5 s, peak memory 5×
// the files' size.
func BenchmarkNationalRead(b *testing.B) {
	benchNational(b, false)
}

// BenchmarkNationalCases is BenchmarkNationalRead and then Cases, which
// validates every child's case.
func BenchmarkNationalCases(b *testing.B) {
	benchNational(b, true)
}

func benchNational(b *testing.B, cases bool) {
	if testing.Short() {
		b.Skip("national return in -short mode")
	}
	fsys, size := national()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	base := liveHeap()
	defer reportCPU(b, 84000)()
	var peak, live uint64
	for b.Loop() {
		stop := sampleHeap(&peak)
		r, err := ssda903.ReadFS(fsys, 2025)
		if err != nil {
			b.Fatal(err)
		}
		rec, err := r.Records()
		if err != nil {
			b.Fatal(err)
		}
		var set ssda903.CaseSet
		if cases {
			set = ssda903.Cases(rec)
			// practice.Synthetic (seed 1) gives one child of the 84,000,
			// C063252, no episodes: Cases reports it invalid.
			if len(set.Cases)+len(set.Invalid) != 84000 || len(set.Invalid) > 1 {
				b.Fatalf("%d cases, %d invalid children: %v", len(set.Cases), len(set.Invalid), set.Invalid[0].Errs)
			}
		}
		stop()
		b.StopTimer()
		live = max(live, liveHeap())
		runtime.KeepAlive(r)
		runtime.KeepAlive(rec)
		runtime.KeepAlive(set)
		runtime.GC() // so that this run's data is not counted in the next
		b.StartTimer()
	}
	// The files, held in memory by the benchmark before the run, are not
	// counted: a program reading from disk holds one file at a time.
	peak -= min(peak, base)
	live -= min(live, base)
	b.ReportMetric(float64(size)/(1<<20), "files-MiB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	b.ReportMetric(float64(peak)/float64(size), "peak/files")
	b.ReportMetric(float64(live)/float64(size), "live/files")
}

// liveHeap returns the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// sampleHeap samples the live heap (objects) every millisecond until the
// returned function is called, raising *peak to the most seen. The files,
// held before the run, are counted in it.
func sampleHeap(peak *uint64) (stop func()) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	read := func() {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > *peak {
			*peak = v
		}
	}
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// BenchmarkWriteNational writes a national return's tables as CSV.
func BenchmarkWriteNational(b *testing.B) {
	if testing.Short() {
		b.Skip("national return in -short mode")
	}
	fsys, _ := national()
	r, _ := ssda903.ReadFS(fsys, 2025)
	var buf bytes.Buffer
	for b.Loop() {
		for _, t := range ssda903.Tables() {
			buf.Reset()
			if err := r.WriteCSV(&buf, t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// reportCPU reports, when the returned function is called, the wall time
// and the CPU time of one operation per child, and the CPU time of an
// operation: on a shared machine the CPU time is the steadier figure.
func reportCPU(b *testing.B, children int) func() {
	start := cpuTime()
	return func() {
		n := float64(b.N)
		cpu := float64((cpuTime() - start).Nanoseconds()) / n
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/float64(children), "ns/child")
		b.ReportMetric(cpu/float64(children), "cpu-ns/child")
		b.ReportMetric(cpu/1e6, "cpu-ms/op")
	}
}
