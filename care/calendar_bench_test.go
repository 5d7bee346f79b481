package care

import (
	"testing"
	"time"
)

// Sinks keep the compiler from discarding the benchmarked calls.
var (
	calSinkBool bool
	calSinkDate Date
	calSinkInt  int
	calSinkCal  *Calendar
)

// calBenchDates returns a spread of days inside the England and Wales coverage
// so that the benchmarks do not measure one cached path.
func calBenchDates() []Date {
	ds := make([]Date, 1024)
	start := MustDate(2010, time.January, 1)
	for i := range ds {
		ds[i] = start.AddDays(i * 7 % 7300)
	}
	return ds
}

func BenchmarkIsWorkingDay(b *testing.B) {
	cal := EnglandAndWales()
	ds := calBenchDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		calSinkBool = cal.IsWorkingDay(ds[i&1023])
		i++
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	cal := EnglandAndWales()
	ds := calBenchDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, err := cal.AddWorkingDays(ds[i&1023], 20)
		if err != nil {
			b.Fatal(err)
		}
		calSinkDate = d
		i++
	}
}

// BenchmarkAddWorkingDaysNaive steps one day at a time over the same
// calendar, for comparison with BenchmarkAddWorkingDays.
func BenchmarkAddWorkingDaysNaive(b *testing.B) {
	cal := EnglandAndWales()
	ds := calBenchDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		calSinkDate = calNaiveAdd(cal.IsWorkingDay, ds[i&1023], 20)
		i++
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	cal := EnglandAndWales()
	ds := calBenchDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		n, err := cal.WorkingDaysBetween(ds[i&1023], ds[(i+37)&1023])
		if err != nil {
			b.Fatal(err)
		}
		calSinkInt = n
		i++
	}
}

func BenchmarkWorkingDayDeadline(b *testing.B) {
	cal := EnglandAndWales()
	ds := calBenchDates()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, err := cal.WorkingDayDeadline(ds[i&1023], 20, CountFromAnchorDay)
		if err != nil {
			b.Fatal(err)
		}
		calSinkDate = d
		i++
	}
}

func BenchmarkEnglandAndWales(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		calSinkCal = EnglandAndWales()
	}
}
