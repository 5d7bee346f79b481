package care

import (
	"testing"
	"time"
)

func isoDate(s string) Date {
	if s == "" {
		return Date{}
	}
	dt, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return dt
}

func TestPeriod(t *testing.T) {
	jan := Period{Start: isoDate("2025-01-01"), End: isoDate("2025-02-01")}
	feb := Period{Start: isoDate("2025-02-01"), End: isoDate("2025-03-01")}
	open := Period{Start: isoDate("2025-01-15")}
	sameDay := Period{Start: isoDate("2025-01-10"), End: isoDate("2025-01-10")}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"January has 31 days", jan.Days(), 31},
		{"February 2025 has 28 days", feb.Days(), 28},
		{"an ongoing period has no length", open.Days(), -1},
		{"a period that starts and ends the same day is empty", sameDay.Days(), 0},
		{"consecutive periods do not overlap", jan.Overlaps(feb), false},
		{"overlap is symmetric", feb.Overlaps(jan), false},
		{"an ongoing period overlaps a later one", open.Overlaps(feb), true},
		{"an ongoing period overlaps an earlier one it meets", jan.Overlaps(open), true},
		{"an empty period overlaps nothing", sameDay.Overlaps(jan), false},
		{"start is inside", jan.Contains(isoDate("2025-01-01")), true},
		{"end is outside", jan.Contains(isoDate("2025-02-01")), false},
		{"the day before the end is inside", jan.Contains(isoDate("2025-01-31")), true},
		{"ongoing contains the far future", open.Contains(isoDate("2035-12-31")), true},
		{"zero date is in no period", open.Contains(Date{}), false},
		{"empty period contains nothing", sameDay.Contains(isoDate("2025-01-10")), false},
		{"days to a date inside", open.DaysTo(isoDate("2025-01-20")), 5},
		{"days to a date after the end", jan.DaysTo(isoDate("2025-06-01")), 31},
		{"days to a date before the start", jan.DaysTo(isoDate("2024-06-01")), 0},
		{"zero Period is empty", Period{}.IsEmpty(), true},
		{"String", open.String(), "[2025-01-15, ongoing)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	if last, ok := jan.Last(); !ok || last != MustDate(2025, time.January, 31) {
		t.Errorf("jan.Last() = %v, %v", last, ok)
	}
	if _, ok := open.Last(); ok {
		t.Error("an ongoing period has no last day")
	}
}
