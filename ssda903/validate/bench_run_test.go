package validate_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// sharedFiles are the files of the shared synthetic return (2,675
// children) that the open validator's own test set-up loads, as both the
// current and the previous year's return.
func sharedFiles() []string {
	var out []string
	for _, f := range []string{"header.csv", "episodes.csv", "ad1.csv", "oc2.csv", "oc3.csv", "placed_for_adoption.csv", "reviews.csv", "uasc.csv"} {
		out = append(out, filepath.Join(sharedDir, f))
	}
	return out
}

// sharedReturn reads the shared synthetic return as 2025–26's, and again
// as 2024–25's.
func sharedReturn(tb testing.TB) (this, last *ssda903.Return) {
	tb.Helper()
	this, err := ssda903.ReadFiles(2025, sharedFiles()...)
	if err != nil {
		tb.Fatal(err)
	}
	last, err = ssda903.ReadFiles(2024, sharedFiles()...)
	if err != nil {
		tb.Fatal(err)
	}
	return this, last
}

// implemented returns how many rules of the year's rule set have a
// function: the benchmarks' figures depend on it while rules are added.
func implemented(y care.CollectionYear) int {
	n := 0
	for _, r := range validate.RuleSet(y) {
		if r.Check != nil {
			n++
		}
	}
	return n
}

// The benchmarks of the rule set: run them single-threaded, with
//
//	go test ./ssda903/validate -run '^$' -bench 'Shared|National' -cpu 1 -benchtime 20x
//
// Each reports ms/op, allocs/op and rules: the number of the 2025–26 rule
// set's rules implemented when it ran (the others are skipped, and cost
// nothing), since the figures grow as rules are added.

// BenchmarkShared validates the shared synthetic return (2,675 children)
// as 2025–26's, with itself read again as 2024–25's return, as the open
// validator's test set-up does: "run" on returns already read, "read+run"
// reading both from their CSV files each time.
func BenchmarkShared(b *testing.B) {
	this, last := sharedReturn(b)
	opts := validate.Options{Metadata: validate.Metadata{Year: 2025}, Last: last}
	b.Run("run", func(b *testing.B) {
		benchRun(b, func() (*ssda903.Return, *ssda903.Return) { return this, last }, opts)
	})
	b.Run("read+run", func(b *testing.B) {
		benchRun(b, func() (*ssda903.Return, *ssda903.Return) { return sharedReturn(b) }, opts)
	})
}

// BenchmarkNational validates a national synthetic return of 84,000
// children (practice.Synthetic, seed 1, to 31 March 2026), written as CSV
// files once, as 2025–26's return with itself as 2024–25's: "run" on the
// returns already read, "read+run" reading both each time. Skipped with
// -short.
func BenchmarkNational(b *testing.B) {
	if testing.Short() {
		b.Skip("national return: not with -short")
	}
	dir := b.TempDir()
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 84000, AsOf: care.MustDate(2026, 3, 31)})
	if err := ssda903.WriteCases(dir, coh.Cases, 2025); err != nil {
		b.Fatal(err)
	}
	coh = practice.SyntheticCohort{} // let the cases go before measuring
	read := func() (*ssda903.Return, *ssda903.Return) {
		this, err := ssda903.ReadDir(dir, 2025)
		if err != nil {
			b.Fatal(err)
		}
		last, err := ssda903.ReadDir(dir, 2024)
		if err != nil {
			b.Fatal(err)
		}
		return this, last
	}
	this, last := read()
	b.Run("run", func(b *testing.B) {
		benchRun(b, func() (*ssda903.Return, *ssda903.Return) { return this, last }, validate.Options{Metadata: validate.Metadata{Year: 2025}})
	})
	b.Run("read+run", func(b *testing.B) { benchRun(b, read, validate.Options{Metadata: validate.Metadata{Year: 2025}}) })
}

// benchRun times getting the returns and validating them.
func benchRun(b *testing.B, get func() (*ssda903.Return, *ssda903.Return), opts validate.Options) {
	b.ReportAllocs()
	flags := 0
	for b.Loop() {
		this, last := get()
		opts.Last = last
		res, err := validate.Run(context.Background(), this, opts)
		if err != nil {
			b.Fatal(err)
		}
		flags = res.Count()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(implemented(2025)), "rules")
	b.ReportMetric(float64(flags), "flags")
}

// BenchmarkRunChild validates one child's rows of the shared synthetic
// return, with the previous year's, as an integration checks a record as
// it is saved: each iteration a different child.
func BenchmarkRunChild(b *testing.B) {
	this, last := sharedReturn(b)
	opts := validate.Options{Metadata: validate.Metadata{Year: 2025}, Last: last}
	children := this.Table(ssda903.TableHeader)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		child, _ := children.Cell(i%children.Len(), "CHILD")
		i++
		if _, err := validate.RunChild(context.Background(), this, child, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(implemented(2025)), "rules")
}
