package care

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestNewDate(t *testing.T) {
	tests := []struct {
		name    string
		y       int
		m       time.Month
		d       int
		want    string
		wantErr bool
	}{
		{"ordinary day", 2025, time.March, 14, "2025-03-14", false},
		{"leap day in a leap year", 2024, time.February, 29, "2024-02-29", false},
		{"leap day in a century leap year", 2000, time.February, 29, "2000-02-29", false},
		{"no leap day in a century year", 1900, time.February, 29, "", true},
		{"no leap day in an ordinary year", 2025, time.February, 29, "", true},
		{"31 April does not exist", 2025, time.April, 31, "", true},
		{"month 13", 2025, 13, 1, "", true},
		{"month 0", 2025, 0, 1, "", true},
		{"day 0", 2025, time.January, 0, "", true},
		{"first supported day", 1, time.January, 1, "0001-01-01", false},
		{"last supported day", 9999, time.December, 31, "9999-12-31", false},
		{"year 0 is out of range", 0, time.December, 31, "", true},
		{"year 10000 is out of range", 10000, time.January, 1, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NewDate(tc.y, tc.m, tc.d)
			if tc.wantErr {
				if !errors.Is(err, ErrInvalidDate) {
					t.Fatalf("NewDate(%d, %d, %d) error = %v, want ErrInvalidDate", tc.y, tc.m, tc.d, err)
				}
				if !got.IsZero() {
					t.Errorf("NewDate(%d, %d, %d) = %v on error, want zero", tc.y, tc.m, tc.d, got)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Fatalf("NewDate(%d, %d, %d) = %v, %v; want %s", tc.y, tc.m, tc.d, got, err, tc.want)
			}
			if y, m, d := got.Date(); y != tc.y || m != tc.m || d != tc.d {
				t.Errorf("%v.Date() = %d, %d, %d", got, y, m, d)
			}
		})
	}
}

func TestDateAgreesWithTime(t *testing.T) {
	// Every day from 1899 to 2101 agrees with the standard library on its
	// fields, weekday and day count.
	start := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC)
	first := MustDate(1899, time.January, 1)
	for i := 0; i < 202*366; i++ {
		tt := start.AddDate(0, 0, i)
		d := first.AddDays(i)
		if y, m, dd := tt.Date(); d.Year() != y || d.Month() != m || d.Day() != dd {
			t.Fatalf("day %d: got %v, want %s", i, d, tt.Format(time.DateOnly))
		}
		if d.Weekday() != tt.Weekday() {
			t.Fatalf("%v.Weekday() = %v, want %v", d, d.Weekday(), tt.Weekday())
		}
		if got := d.DaysSince(first); got != i {
			t.Fatalf("%v.DaysSince(%v) = %d, want %d", d, first, got, i)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{"ISO date", "2025-01-06", "2025-01-06", false},
		{"leap day", "2028-02-29", "2028-02-29", false},
		{"not a leap year", "2027-02-29", "", true},
		{"UK order is refused", "06/01/2025", "", true},
		{"no padding", "2025-1-6", "", true},
		{"with a time", "2025-01-06T00:00:00Z", "", true},
		{"surrounding space", " 2025-01-06", "", true},
		{"empty", "", "", true},
		{"sign", "+025-01-06", "", true},
		{"31 June", "2025-06-31", "", true},
		{"unicode digits", "２０２５-01-06", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.wantErr {
				var pe *ParseError
				if !errors.As(err, &pe) || !errors.Is(err, ErrInvalidDate) {
					t.Fatalf("ParseDate(%q) error = %v, want a *ParseError wrapping ErrInvalidDate", tc.in, err)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"31 August plus 6 months is the end of February", "2024-08-31", 6, "2025-02-28"},
		{"31 August plus 6 months in a leap year", "2023-08-31", 6, "2024-02-29"},
		{"31 January plus 1 month, leap year", "2024-01-31", 1, "2024-02-29"},
		{"31 January plus 1 month, ordinary year", "2025-01-31", 1, "2025-02-28"},
		{"28 February plus 3 months is 28 May", "2025-02-28", 3, "2025-05-28"},
		{"30 November plus 3 months is 28 February", "2025-11-30", 3, "2026-02-28"},
		{"31 October plus 3 months crosses the year end", "2025-10-31", 3, "2026-01-31"},
		{"31 March minus 1 month", "2025-03-31", -1, "2025-02-28"},
		{"zero months", "2025-03-31", 0, "2025-03-31"},
		{"minus 12 months", "2025-03-15", -12, "2024-03-15"},
		{"31 May plus 1 month is 30 June", "2025-05-31", 1, "2025-06-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := ParseDate(tc.from)
			if got := d.AddMonths(tc.n); got.String() != tc.want {
				t.Errorf("%s.AddMonths(%d) = %v, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

func TestAddYears(t *testing.T) {
	tests := []struct {
		name, from string
		n          int
		want       string
	}{
		{"29 February plus 1 year is 28 February", "2024-02-29", 1, "2025-02-28"},
		{"29 February plus 4 years", "2024-02-29", 4, "2028-02-29"},
		{"ordinary day", "2025-06-15", 2, "2027-06-15"},
		{"out of range gives zero", "9999-06-15", 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := ParseDate(tc.from)
			if got := d.AddYears(tc.n); got.String() != tc.want {
				t.Errorf("%s.AddYears(%d) = %v, want %q", tc.from, tc.n, got, tc.want)
			}
		})
	}
}

func TestZeroDate(t *testing.T) {
	var z Date
	if !z.IsZero() || z.String() != "" || z.Format() != "" {
		t.Errorf("zero Date: IsZero %v, String %q, Format %q", z.IsZero(), z.String(), z.Format())
	}
	if !z.AddDays(3).IsZero() || !z.AddMonths(1).IsZero() || !z.AddYears(1).IsZero() {
		t.Error("arithmetic on the zero Date should stay zero")
	}
	d := MustDate(2025, time.January, 1)
	if z.DaysSince(d) != 0 || d.DaysSince(z) != 0 {
		t.Error("DaysSince with a zero Date should be 0")
	}
	if !z.Before(d) || z.Compare(d) != -1 || d.Compare(z) != 1 || z.Compare(z) != 0 {
		t.Error("the zero Date should sort first")
	}
	if y, m, dd := z.Date(); y != 0 || m != 0 || dd != 0 {
		t.Errorf("zero.Date() = %d, %d, %d", y, m, dd)
	}
	if !MustDate(1, time.January, 1).AddDays(-1).IsZero() {
		t.Error("AddDays below year 1 should give the zero Date")
	}
}

func TestDateText(t *testing.T) {
	type rec struct {
		Start Date `json:"start"`
		End   Date `json:"end"`
	}
	in := rec{Start: MustDate(2025, time.April, 1)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"start":"2025-04-01","end":""}`; got != want {
		t.Errorf("json.Marshal = %s, want %s", got, want)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip = %+v, %v; want %+v", out, err, in)
	}
	if b, err := MustDate(2025, time.April, 1).AppendText([]byte("due ")); err != nil || string(b) != "due 2025-04-01" {
		t.Errorf("AppendText = %q, %v", b, err)
	}
	if b, _ := (Date{}).AppendText([]byte("x")); string(b) != "x" {
		t.Errorf("zero AppendText = %q, want nothing appended", b)
	}
	if err := json.Unmarshal([]byte(`{"start":"01/04/2025"}`), &out); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("unmarshal of a UK date: err = %v, want ErrInvalidDate", err)
	}
}

func TestDateIn(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	tests := []struct {
		name string
		t    time.Time
		loc  *time.Location
		want string
	}{
		{"23:30 UTC on 30 June is 1 July in London (BST)", time.Date(2025, 6, 30, 23, 30, 0, 0, time.UTC), london, "2025-07-01"},
		{"23:30 UTC on 30 December is the same day in London (GMT)", time.Date(2025, 12, 30, 23, 30, 0, 0, time.UTC), london, "2025-12-30"},
		{"the zone of t is not used", time.Date(2025, 6, 30, 23, 30, 0, 0, time.UTC), time.UTC, "2025-06-30"},
		{"BST starts during the night", time.Date(2025, 3, 30, 0, 30, 0, 0, time.UTC), london, "2025-03-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DateIn(tc.t, tc.loc); got.String() != tc.want {
				t.Errorf("DateIn(%v, %v) = %v, want %s", tc.t, tc.loc, got, tc.want)
			}
		})
	}
}

func TestAgeOn(t *testing.T) {
	tests := []struct {
		name, dob, on string
		want          int
	}{
		{"day before the 16th birthday", "2009-05-10", "2025-05-09", 15},
		{"on the 16th birthday", "2009-05-10", "2025-05-10", 16},
		{"leapling on 28 February of an ordinary year", "2008-02-29", "2025-02-28", 16},
		{"leapling on 1 March of an ordinary year", "2008-02-29", "2025-03-01", 17},
		{"leapling on 29 February of a leap year", "2008-02-29", "2024-02-29", 16},
		{"leapling the day before in a leap year", "2008-02-29", "2024-02-28", 15},
		{"on the day of birth", "2020-01-01", "2020-01-01", 0},
		{"before birth", "2020-01-01", "2019-12-31", 0},
		{"year end", "2010-12-31", "2025-12-31", 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dob, _ := ParseDate(tc.dob)
			on, _ := ParseDate(tc.on)
			if got := AgeOn(dob, on); got != tc.want {
				t.Errorf("AgeOn(%s, %s) = %d, want %d", tc.dob, tc.on, got, tc.want)
			}
		})
	}
}

func TestBirthday(t *testing.T) {
	tests := []struct {
		name, dob string
		age       int
		want      string
	}{
		{"ordinary", "2009-05-10", 16, "2025-05-10"},
		{"leapling in an ordinary year is 1 March", "2008-02-29", 17, "2025-03-01"},
		{"leapling in a leap year", "2008-02-29", 16, "2024-02-29"},
		{"zero dob", "", 16, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var dob Date
			if tc.dob != "" {
				dob, _ = ParseDate(tc.dob)
			}
			got := Birthday(dob, tc.age)
			if got.String() != tc.want {
				t.Errorf("Birthday(%s, %d) = %v, want %s", tc.dob, tc.age, got, tc.want)
			}
			if !got.IsZero() && AgeOn(dob, got) != tc.age || !got.IsZero() && AgeOn(dob, got.AddDays(-1)) != tc.age-1 {
				t.Errorf("Birthday(%s, %d) = %v disagrees with AgeOn", tc.dob, tc.age, got)
			}
		})
	}
}

func TestDateSort(t *testing.T) {
	ds := []Date{MustDate(2025, 3, 1), {}, MustDate(2024, 12, 31), MustDate(2025, 1, 1)}
	slices.SortFunc(ds, Date.Compare)
	want := []string{"", "2024-12-31", "2025-01-01", "2025-03-01"}
	for i, d := range ds {
		if d.String() != want[i] {
			t.Errorf("sorted[%d] = %v, want %q", i, d, want[i])
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-01-06", "2024-02-29", "0001-01-01", "9999-12-31", "2025-13-01", "", "abcd-ef-gh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		b, _ := d.MarshalText()
		var back Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("text round trip of %v = %v, %v", d, back, err)
		}
	})
}

func FuzzDateArithmetic(f *testing.F) {
	f.Add(2024, 8, 31, 6, 100)
	f.Add(2024, 2, 29, 12, -400)
	f.Fuzz(func(t *testing.T, y, m, d, months, days int) {
		dt, err := NewDate(y, time.Month(m), d)
		if err != nil {
			return
		}
		if got := dt.AddDays(days); !got.IsZero() && got.DaysSince(dt) != days {
			t.Fatalf("%v.AddDays(%d).DaysSince = %d", dt, days, got.DaysSince(dt))
		}
		got := dt.AddMonths(months)
		if got.IsZero() {
			return
		}
		if got.Day() > dt.Day() {
			t.Fatalf("%v.AddMonths(%d) = %v: day grew", dt, months, got)
		}
		if got.Day() < dt.Day() && got.AddDays(1).Day() != 1 {
			t.Fatalf("%v.AddMonths(%d) = %v: clamped but not to the month end", dt, months, got)
		}
		wantMonths := (y*12 + m - 1) + months
		if gotMonths := got.Year()*12 + int(got.Month()) - 1; gotMonths != wantMonths {
			t.Fatalf("%v.AddMonths(%d) = %v: wrong month", dt, months, got)
		}
	})
}

func TestSearchDate(t *testing.T) {
	d := func(day int) Date { return MustDate(2025, 1, day) }
	for _, tc := range []struct {
		name  string
		dates []Date
		find  Date
	}{
		{"empty", nil, d(5)},
		{"before all", []Date{d(5), d(9)}, d(1)},
		{"after all", []Date{d(5), d(9)}, d(20)},
		{"equal first", []Date{d(5), d(9)}, d(5)},
		{"between", []Date{d(5), d(9)}, d(7)},
		{"duplicates", []Date{d(5), d(9), d(9), d(9), d(12)}, d(9)},
		{"zero date", []Date{{}, d(9)}, Date{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantI, wantOK := slices.BinarySearchFunc(tc.dates, tc.find, Date.Compare)
			i, ok := searchDate(len(tc.dates), tc.find, func(k int) Date { return tc.dates[k] })
			if i != wantI || ok != wantOK {
				t.Errorf("searchDate(%v, %v) = %d, %t, want %d, %t", tc.dates, tc.find, i, ok, wantI, wantOK)
			}
		})
	}
}

func TestDateWholeRange(t *testing.T) {
	// Every day of the Date range converts to and from its year, month and
	// day as the standard library does.
	tt := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := int32(minDayNum); n <= maxDayNum; n++ {
		d := Date{n}
		y, m, dd := tt.Date()
		if gy, gm, gd := d.Date(); gy != y || gm != m || gd != dd {
			t.Fatalf("Date{%d}.Date() = %d-%d-%d, want %s", n, gy, gm, gd, tt.Format(time.DateOnly))
		}
		if got, err := NewDate(y, m, dd); err != nil || got != d {
			t.Fatalf("NewDate(%d, %d, %d) = %v, %v, want %v", y, m, dd, got, err, d)
		}
		tt = tt.AddDate(0, 0, 1)
	}
}
