package care

import (
	"errors"
	"os"
	"testing"
)

func FuzzParseBankHolidays(f *testing.F) {
	if sample, err := os.ReadFile("testdata/bank-holidays-sample.json"); err == nil {
		f.Add(sample)
	}
	for _, s := range []string{
		`{}`,
		`null`,
		`[]`,
		`{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2036-01-01", "notes": "", "bunting": true}]}}`,
		`{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "X", "date": "2026-02-30"}]}}`,
		`{"england-and-wales": {"division": "england-and-wales", "events": [{"date": "1999-12-31"}, {"date": "2000-01-03"}]}}`,
		`{"scotland": {"division": "wales", "events": []}}`,
		`{"england-and-wales": {"events": [{"date": "9999-12-31"}]}}`,
	} {
		f.Add([]byte(s))
	}
	base := EnglandAndWales()
	f.Fuzz(func(t *testing.T, data []byte) {
		divs, err := ParseBankHolidays(data)
		if err != nil {
			if divs != nil {
				t.Fatalf("ParseBankHolidays returned a map with error %v", err)
			}
		}
		for div, events := range divs {
			for i, e := range events {
				if e.Date.IsZero() {
					t.Fatalf("%s event %d has the zero date", div, i)
				}
				if back, err := ParseDate(e.Date.String()); err != nil || back != e.Date {
					t.Fatalf("%s event %d: date %v does not round-trip: %v, %v", div, i, e.Date, back, err)
				}
			}
		}
		cal, err := base.WithBankHolidaysJSON(data)
		if err != nil {
			if cal != nil {
				t.Fatalf("WithBankHolidaysJSON returned a calendar with error %v", err)
			}
			return
		}
		// The new coverage includes the old, and arithmetic still inverts.
		old, cov := base.Covers(), cal.Covers()
		if cov.Start.After(old.Start) || cov.End.Before(old.End) {
			t.Fatalf("coverage shrank from %v to %v", old, cov)
		}
		d := cov.Start.AddDays(cov.Days() / 2)
		got, err := cal.AddWorkingDays(d, 20)
		if err != nil {
			if !errors.Is(err, ErrOutsideCalendar) {
				t.Fatalf("AddWorkingDays(%v, 20): %v", d, err)
			}
			return
		}
		if n, err := cal.WorkingDaysBetween(d, got); err != nil || n != 20 {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, %v; want 20", d, got, n, err)
		}
	})
}

// FuzzAddWorkingDays checks AddWorkingDays and WorkingDaysBetween on the
// England and Wales calendar against the day-by-day reference.
func FuzzAddWorkingDays(f *testing.F) {
	f.Add(int32(9000), int16(20))
	f.Add(int32(0), int16(-1))
	f.Add(int32(13148), int16(1))
	f.Add(int32(-5), int16(0))
	f.Add(int32(9200), int16(-400))
	cal := EnglandAndWales()
	ref := calReferenceEW(f)
	cov := cal.Covers()
	f.Fuzz(func(t *testing.T, offset int32, n16 int16) {
		d := cov.Start.AddDays(int(offset))
		n := int(n16)
		got, err := cal.AddWorkingDays(d, n)
		if !cov.Contains(d) {
			if !errors.Is(err, ErrOutsideCalendar) && !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want an error", d, n, got, err)
			}
			return
		}
		want := calNaiveAdd(ref, d, n)
		if !cov.Contains(want) {
			if !errors.Is(err, ErrOutsideCalendar) {
				t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want ErrOutsideCalendar", d, n, got, err)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want %v", d, n, got, err, want)
		}
		if n != 0 && !cal.IsWorkingDay(got) {
			t.Fatalf("AddWorkingDays(%v, %d) = %v, not a working day", d, n, got)
		}
		between, err := cal.WorkingDaysBetween(d, got)
		if err != nil || between != calNaiveBetween(ref, d, got) {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", d, got, between, err, calNaiveBetween(ref, d, got))
		}
		if n >= 0 && between != n {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", d, got, between, n)
		}
	})
}
