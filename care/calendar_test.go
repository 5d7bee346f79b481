package care

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// day parses an ISO date in a test table, failing the test if it is bad.
func calDay(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// calISO renders dates as ISO strings for readable diffs.
func calISO(ds []Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func calYear(y int) Period { return Period{Start: jan1(y), End: jan1(y + 1)} }

// calPublishedEW is the England and Wales list for 2010–2030 transcribed from
// reference/regulations.md §6c, one row per year (2026–2030 are marked
// projections there).
var calPublishedEW = []struct {
	year  int
	dates []string
}{
	{2010, []string{"2010-01-01", "2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30", "2010-12-27", "2010-12-28"}},
	{2011, []string{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"}},
	{2012, []string{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"}},
	{2013, []string{"2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26"}},
	{2014, []string{"2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26"}},
	{2015, []string{"2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28"}},
	{2016, []string{"2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"}},
	{2017, []string{"2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"}},
	{2018, []string{"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"}},
	{2019, []string{"2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"}},
	{2020, []string{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"}},
	{2021, []string{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"}},
	{2022, []string{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}},
	{2023, []string{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"}},
	{2024, []string{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"}},
	{2025, []string{"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"}},
	{2026, []string{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"}},
	{2027, []string{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}},
	{2028, []string{"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"}},
	{2029, []string{"2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"}},
	{2030, []string{"2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"}},
}

func TestEnglandAndWalesMatchesPublishedList(t *testing.T) {
	cal := EnglandAndWales()
	for _, row := range calPublishedEW {
		t.Run(fmt.Sprint(row.year), func(t *testing.T) {
			for _, s := range row.dates {
				d := calDay(t, s)
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("listed holiday %v falls on %v", d, wd)
				}
				if cal.IsWorkingDay(d) {
					t.Errorf("IsWorkingDay(%v) = true, want false (listed bank holiday)", d)
				}
			}
			// The other direction: no weekday of the year outside the list
			// is a non-working day.
			got := calISO(cal.Holidays(calYear(row.year)))
			if diff := cmp.Diff(row.dates, got); diff != "" {
				t.Errorf("Holidays(%d) mismatch (-want +got):\n%s", row.year, diff)
			}
		})
	}
}

// calRuleYear is an independent statement of the standing rules for a year
// with no one-off changes: the projection rule.
func calRuleYear(y int) []string {
	d := func(m time.Month, dd int) Date { return MustDate(y, m, dd) }
	monday := func(from Date, step int) Date {
		for from.Weekday() != time.Monday {
			from = from.AddDays(step)
		}
		return from
	}
	var out []Date
	switch nyd := d(time.January, 1); nyd.Weekday() {
	case time.Saturday, time.Sunday:
		out = append(out, monday(nyd, 1))
	default:
		out = append(out, nyd)
	}
	gf := goodFriday(y)
	out = append(out, gf, gf.AddDays(3), monday(d(time.May, 1), 1), monday(d(time.May, 31), -1), monday(d(time.August, 31), -1))
	switch xmas := d(time.December, 25); xmas.Weekday() {
	case time.Friday:
		out = append(out, xmas, d(time.December, 28))
	case time.Saturday:
		out = append(out, d(time.December, 27), d(time.December, 28))
	case time.Sunday:
		out = append(out, d(time.December, 26), d(time.December, 27))
	default:
		out = append(out, xmas, d(time.December, 26))
	}
	slices.SortFunc(out, Date.Compare)
	return calISO(out)
}

func TestEnglandAndWalesEmbeddedTable(t *testing.T) {
	byYear := map[int][]string{}
	var prev Date
	for i, s := range ewBankHolidays {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ewBankHolidays[%d] = %q: %v", i, s, err)
		}
		if got := isoDay(s); got != d {
			t.Errorf("isoDay(%q) = %v, want %v", s, got, d)
		}
		if !d.After(prev) {
			t.Errorf("ewBankHolidays[%d] = %v is not after %v", i, d, prev)
		}
		prev = d
		byYear[d.Year()] = append(byYear[d.Year()], s)
	}
	// Years with one-off changes; every other year follows the rules.
	oneOff := map[int]bool{2002: true, 2011: true, 2012: true, 2020: true, 2022: true, 2023: true}
	for y := ewFirstYear; y <= ewLastYear; y++ {
		if oneOff[y] {
			continue
		}
		if diff := cmp.Diff(calRuleYear(y), byYear[y]); diff != "" {
			t.Errorf("embedded %d differs from the standing rules (-rules +embedded):\n%s", y, diff)
		}
	}
	if ewLastPublishedYear >= ewLastYear || ewLastPublishedYear < 2026 {
		t.Errorf("ewLastPublishedYear = %d, outside [2026, %d)", ewLastPublishedYear, ewLastYear)
	}
}

func TestGoodFriday(t *testing.T) {
	tests := []struct {
		name string
		year int
		want string
	}{
		{"earliest in range, March", 2008, "2008-03-21"},
		{"March", 2016, "2016-03-25"},
		{"late April", 2011, "2011-04-22"},
		{"latest Easter of the century", 2038, "2038-04-23"},
		{"first year of coverage", 2000, "2000-04-21"},
		{"projection year in March", 2027, "2027-03-26"},
		{"last year of coverage", 2035, "2035-03-23"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := goodFriday(tc.year).String(); got != tc.want {
				t.Errorf("goodFriday(%d) = %v, want %v", tc.year, got, tc.want)
			}
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name string
		date string
		want bool
	}{
		{"ordinary Tuesday", "2025-06-10", true},
		{"Saturday", "2025-06-14", false},
		{"Sunday", "2025-06-15", false},
		{"Good Friday in March", "2016-03-25", false},
		{"Easter Monday in March", "2016-03-28", false},
		{"Good Friday in April", "2025-04-18", false},
		{"Easter Monday in April", "2025-04-21", false},
		{"Maundy Thursday", "2025-04-17", true},
		{"Tuesday after Easter", "2025-04-22", true},
		{"Christmas Eve", "2025-12-24", true},
		{"Christmas Day on a Friday", "2020-12-25", false},
		{"Boxing Day substitute Monday 2020", "2020-12-28", false},
		{"after the 2020 substitute", "2020-12-29", true},
		{"Christmas Day substitute 2021", "2021-12-27", false},
		{"Boxing Day substitute 2021", "2021-12-28", false},
		{"Christmas on Sunday 2022: Boxing Day Monday", "2022-12-26", false},
		{"Christmas on Sunday 2022: substitute 27 December", "2022-12-27", false},
		{"28 December 2022", "2022-12-28", true},
		{"New Year substitute 2000", "2000-01-03", false},
		{"New Year substitute 2022", "2022-01-03", false},
		{"New Year's Eve", "2025-12-31", true},
		{"golden jubilee 2002", "2002-06-03", false},
		{"spring holiday moved to 4 June 2002", "2002-06-04", false},
		{"27 May 2002 not a holiday", "2002-05-27", true},
		{"royal wedding 2011", "2011-04-29", false},
		{"diamond jubilee 2012", "2012-06-05", false},
		{"spring holiday moved to 4 June 2012", "2012-06-04", false},
		{"28 May 2012 not a holiday", "2012-05-28", true},
		{"VE day 2020", "2020-05-08", false},
		{"4 May 2020 not a holiday", "2020-05-04", true},
		{"spring holiday moved to 2 June 2022", "2022-06-02", false},
		{"platinum jubilee 2022", "2022-06-03", false},
		{"30 May 2022 not a holiday", "2022-05-30", true},
		{"state funeral 2022", "2022-09-19", false},
		{"coronation 2023", "2023-05-08", false},
		{"Scottish 2 January is a working day", "2026-01-02", true},
		{"Scottish summer holiday is a working day", "2025-08-04", true},
		{"St Patrick's Day is a working day", "2025-03-17", true},
		{"projection: Christmas substitute 2027", "2027-12-27", false},
		{"first day covered (Saturday)", "2000-01-01", false},
		{"first working day covered", "2000-01-04", true},
		{"last day covered (Monday)", "2035-12-31", true},
		{"millennium holiday, before coverage", "1999-12-31", false},
		{"day after coverage", "2036-01-01", false},
		{"working weekday far after coverage", "2040-06-05", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := calDay(t, tc.date)
			if got := cal.IsWorkingDay(d); got != tc.want {
				t.Errorf("IsWorkingDay(%v) = %v, want %v", d, got, tc.want)
			}
		})
	}
	if cal.IsWorkingDay(Date{}) {
		t.Errorf("IsWorkingDay(zero Date) = true, want false")
	}
}

func TestAddWorkingDays(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name    string
		from    string
		n       int
		want    string
		wantErr error
	}{
		{"20 from the day before Good Friday", "2025-04-17", 20, "2025-05-20", nil},
		{"20 from Christmas Eve", "2025-12-24", 20, "2026-01-26", nil},
		{"20 from a Saturday", "2025-03-01", 20, "2025-03-28", nil},
		{"n=0 on a Saturday returns the Saturday", "2025-03-01", 0, "2025-03-01", nil},
		{"n=0 on a bank holiday returns it", "2025-05-26", 0, "2025-05-26", nil},
		{"1 from a Friday is the Monday", "2025-12-19", 1, "2025-12-22", nil},
		{"1 from a bank holiday", "2025-05-26", 1, "2025-05-27", nil},
		{"5 from a bank holiday", "2025-05-26", 5, "2025-06-02", nil},
		{"negative: 1 before the Tuesday after Easter", "2025-04-22", -1, "2025-04-17", nil},
		{"negative: 2 before the Tuesday after Easter", "2025-04-22", -2, "2025-04-16", nil},
		{"negative from a Sunday", "2025-06-15", -1, "2025-06-13", nil},
		{"over the 2022 jubilee", "2022-06-01", 1, "2022-06-06", nil},
		{"over VE day 2020", "2020-05-07", 1, "2020-05-11", nil},
		{"onto the 4 May 2020 that was moved", "2020-05-01", 1, "2020-05-04", nil},
		{"over the coronation", "2023-05-05", 1, "2023-05-09", nil},
		{"over the state funeral", "2022-09-16", 1, "2022-09-20", nil},
		{"over the royal wedding weekend", "2011-04-28", 1, "2011-05-03", nil},
		{"over the golden jubilee", "2002-05-31", 1, "2002-06-05", nil},
		{"over the diamond jubilee", "2012-06-01", 1, "2012-06-06", nil},
		{"Christmas Day on a Friday, 2020", "2020-12-24", 1, "2020-12-29", nil},
		{"Christmas Day on a Saturday, 2021", "2021-12-24", 1, "2021-12-29", nil},
		{"Christmas Day on a Sunday, 2022", "2022-12-23", 1, "2022-12-28", nil},
		{"Good Friday in March", "2016-03-24", 1, "2016-03-29", nil},
		{"across the year end", "2026-12-24", 3, "2026-12-31", nil},
		{"from the first day covered", "2000-01-01", 1, "2000-01-04", nil},
		{"onto the last day covered", "2035-12-20", 5, "2035-12-31", nil},
		{"past the last day covered", "2035-12-31", 1, "", ErrOutsideCalendar},
		{"before the first day covered", "2000-01-04", -1, "", ErrOutsideCalendar},
		{"from the day before coverage", "1999-12-31", 0, "", ErrOutsideCalendar},
		{"from the day after coverage", "2036-01-01", -1, "", ErrOutsideCalendar},
		{"huge n", "2025-01-01", math.MaxInt, "", ErrOutsideCalendar},
		{"huge negative n", "2025-01-01", math.MinInt, "", ErrOutsideCalendar},
		{"zero date", "", 1, "", ErrInvalidDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var from Date
			if tc.from != "" {
				from = calDay(t, tc.from)
			}
			got, err := cal.AddWorkingDays(from, tc.n)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want error %v", from, tc.n, got, err, tc.wantErr)
				}
				if !got.IsZero() {
					t.Errorf("AddWorkingDays(%v, %d) = %v with error, want the zero Date", from, tc.n, got)
				}
				return
			}
			if err != nil || got.String() != tc.want {
				t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want %v", from, tc.n, got, err, tc.want)
			}
			if tc.n != 0 && !cal.IsWorkingDay(got) {
				t.Errorf("AddWorkingDays(%v, %d) = %v, not a working day", from, tc.n, got)
			}
			if tc.n >= 0 {
				if back, err := cal.WorkingDaysBetween(from, got); err != nil || back != tc.n {
					t.Errorf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", from, got, back, err, tc.n)
				}
			}
		})
	}
}

func TestOutsideCalendarErrorNamesDateAndYear(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name string
		from string
		n    int
		want []string
	}{
		{"start outside", "2036-03-02", 1, []string{"2036-03-02", "year 2036"}},
		{"result past the end", "2035-12-31", 1, []string{"2035-12-31", "year 2036"}},
		{"result before the start", "2000-01-04", -1, []string{"2000-01-01", "year 1999"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cal.AddWorkingDays(calDay(t, tc.from), tc.n)
			if err == nil {
				t.Fatalf("AddWorkingDays(%v, %d) succeeded, want an error", tc.from, tc.n)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("AddWorkingDays(%v, %d) error %q does not mention %q", tc.from, tc.n, err, w)
				}
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name    string
		a, b    string
		want    int
		wantErr error
	}{
		{"same day", "2025-06-10", "2025-06-10", 0, nil},
		{"next working day", "2025-06-10", "2025-06-11", 1, nil},
		{"Friday to Monday", "2025-06-13", "2025-06-16", 1, nil},
		{"Saturday to Sunday", "2025-06-14", "2025-06-15", 0, nil},
		{"across Easter 2025", "2025-04-17", "2025-04-22", 1, nil},
		{"b before a is negative", "2025-04-22", "2025-04-17", -1, nil},
		{"b before a across Christmas", "2026-01-26", "2025-12-24", -20, nil},
		{"from a bank holiday", "2025-05-26", "2025-06-02", 5, nil},
		{"whole of 2025", "2024-12-31", "2025-12-31", 253, nil},
		{"whole of 2022 (two one-off days)", "2021-12-31", "2022-12-31", 250, nil},
		{"whole coverage", "2000-01-01", "2035-12-31", 9097, nil},
		{"a outside", "1999-12-31", "2025-01-01", 0, ErrOutsideCalendar},
		{"b outside", "2025-01-01", "2036-01-01", 0, ErrOutsideCalendar},
		{"zero a", "", "2025-01-01", 0, ErrInvalidDate},
		{"zero b", "2025-01-01", "", 0, ErrInvalidDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a, b Date
			if tc.a != "" {
				a = calDay(t, tc.a)
			}
			if tc.b != "" {
				b = calDay(t, tc.b)
			}
			got, err := cal.WorkingDaysBetween(a, b)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("WorkingDaysBetween(%v, %v) = %d, %v; want error %v", a, b, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", a, b, got, err, tc.want)
			}
		})
	}
}

func TestZeroAndNilCalendar(t *testing.T) {
	d := MustDate(2025, time.June, 10)
	for _, tc := range []struct {
		name string
		cal  *Calendar
	}{
		{"zero Calendar", &Calendar{}},
		{"nil *Calendar", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.cal.IsWorkingDay(d) {
				t.Errorf("IsWorkingDay(%v) = true, want false", d)
			}
			if got, err := tc.cal.AddWorkingDays(d, 0); !errors.Is(err, ErrOutsideCalendar) {
				t.Errorf("AddWorkingDays(%v, 0) = %v, %v; want ErrOutsideCalendar", d, got, err)
			}
			if got, err := tc.cal.AddWorkingDays(Date{}, 1); !errors.Is(err, ErrOutsideCalendar) {
				t.Errorf("AddWorkingDays(zero, 1) = %v, %v; want ErrOutsideCalendar", got, err)
			}
			if got, err := tc.cal.WorkingDaysBetween(d, d); !errors.Is(err, ErrOutsideCalendar) {
				t.Errorf("WorkingDaysBetween(%v, %v) = %v, %v; want ErrOutsideCalendar", d, d, got, err)
			}
			for _, k := range []Counting{CountFromNextDay, CountFromAnchorDay} {
				if got, err := tc.cal.WorkingDayDeadline(d, 5, k); !errors.Is(err, ErrOutsideCalendar) {
					t.Errorf("WorkingDayDeadline(%v, 5, %v) = %v, %v; want ErrOutsideCalendar", d, k, got, err)
				}
			}
			if got := tc.cal.Covers(); !got.IsEmpty() {
				t.Errorf("Covers() = %v, want an empty period", got)
			}
			if got := tc.cal.Holidays(calYear(2025)); got != nil {
				t.Errorf("Holidays(2025) = %v, want nil", got)
			}
			if got, err := tc.cal.WithClosures(d); got != nil || !errors.Is(err, ErrOutsideCalendar) {
				t.Errorf("WithClosures(%v) = %v, %v; want nil, ErrOutsideCalendar", d, got, err)
			}
		})
	}
}

func TestNewCalendar(t *testing.T) {
	covers := calYear(2024)
	bankHoliday := MustDate(2024, time.May, 6)
	holidays := []Date{bankHoliday, bankHoliday, MustDate(2024, time.January, 1)}
	cal, err := NewCalendar(holidays, covers)
	if err != nil {
		t.Fatalf("NewCalendar: %v", err)
	}
	holidays[0] = MustDate(2024, time.June, 4) // must not reach the calendar
	tests := []struct {
		name string
		date Date
		want bool
	}{
		{"listed holiday", bankHoliday, false},
		{"repeated holiday input is harmless", MustDate(2024, time.January, 1), false},
		{"caller's slice was copied", MustDate(2024, time.June, 4), true},
		{"Good Friday by definition", MustDate(2024, time.March, 29), false},
		{"Christmas Day by definition", MustDate(2024, time.December, 25), false},
		{"Easter Monday not listed, so working", MustDate(2024, time.April, 1), true},
		{"Boxing Day not listed, so working", MustDate(2024, time.December, 26), true},
		{"outside coverage", MustDate(2025, time.January, 2), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.IsWorkingDay(tc.date); got != tc.want {
				t.Errorf("IsWorkingDay(%v) = %v, want %v", tc.date, got, tc.want)
			}
		})
	}
	if diff := cmp.Diff(covers, cal.Covers(), cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("Covers() mismatch (-want +got):\n%s", diff)
	}
	wantHolidays := []string{"2024-01-01", "2024-03-29", "2024-05-06", "2024-12-25"}
	if diff := cmp.Diff(wantHolidays, calISO(cal.Holidays(covers))); diff != "" {
		t.Errorf("Holidays mismatch (-want +got):\n%s", diff)
	}
}

func TestNewCalendarErrors(t *testing.T) {
	y2024 := calYear(2024)
	inside := MustDate(2024, time.May, 6)
	outside := MustDate(2025, time.May, 5)
	tests := []struct {
		name      string
		holidays  []Date
		covers    Period
		wantPaths []string
		wantErr   []error
	}{
		{"zero coverage", nil, Period{}, []string{"covers"}, nil},
		{"ongoing coverage", nil, Period{Start: jan1(2024)}, []string{"covers"}, nil},
		{"coverage ends before it starts", nil, Period{Start: jan1(2025), End: jan1(2024)}, []string{"covers"}, nil},
		{"zero holiday", []Date{inside, {}}, y2024, []string{"holidays[1]"}, []error{ErrInvalidDate}},
		{"holiday outside coverage", []Date{outside}, y2024, []string{"holidays[0]"}, []error{ErrOutsideCalendar}},
		{"every problem reported", []Date{{}, outside}, Period{}, []string{"covers", "holidays[0]"}, []error{ErrInvalidDate}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cal, err := NewCalendar(tc.holidays, tc.covers)
			if cal != nil || err == nil {
				t.Fatalf("NewCalendar(%v, %v) = %v, %v; want nil and an error", tc.holidays, tc.covers, cal, err)
			}
			var list ValidationErrors
			if !errors.As(err, &list) {
				t.Fatalf("NewCalendar error %T is not ValidationErrors", err)
			}
			var paths []string
			for _, fe := range list {
				paths = append(paths, fe.Path)
			}
			if diff := cmp.Diff(tc.wantPaths, paths); diff != "" {
				t.Errorf("NewCalendar error paths mismatch (-want +got):\n%s", diff)
			}
			for _, want := range tc.wantErr {
				if !errors.Is(err, want) {
					t.Errorf("NewCalendar error %v does not wrap %v", err, want)
				}
			}
		})
	}
}

func TestWorkingDayDeadline(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name     string
		anchor   string
		n        int
		counting Counting
		want     string
	}{
		{"next day, working anchor", "2026-03-02", 5, CountFromNextDay, "2026-03-09"},
		{"anchor day, working anchor", "2026-03-02", 5, CountFromAnchorDay, "2026-03-06"},
		{"anchor day, n=1 is the anchor itself", "2026-03-02", 1, CountFromAnchorDay, "2026-03-02"},
		{"next day, Saturday anchor", "2026-03-07", 5, CountFromNextDay, "2026-03-13"},
		{"anchor day, Saturday anchor: same deadline", "2026-03-07", 5, CountFromAnchorDay, "2026-03-13"},
		{"next day, bank holiday anchor", "2025-05-26", 20, CountFromNextDay, "2025-06-23"},
		{"anchor day, bank holiday anchor: same deadline", "2025-05-26", 20, CountFromAnchorDay, "2025-06-23"},
		{"anchor day, 20 from the day before Good Friday", "2025-04-17", 20, CountFromAnchorDay, "2025-05-19"},
		{"anchor day, n=0 is the day before", "2026-03-03", 0, CountFromAnchorDay, "2026-03-02"},
		{"anchor day, negative n", "2026-03-04", -1, CountFromAnchorDay, "2026-03-02"},
		{"anchor day on the first covered day", "2000-01-01", 1, CountFromAnchorDay, "2000-01-04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			anchor := calDay(t, tc.anchor)
			got, err := cal.WorkingDayDeadline(anchor, tc.n, tc.counting)
			if err != nil || got.String() != tc.want {
				t.Fatalf("WorkingDayDeadline(%v, %d, %v) = %v, %v; want %v", anchor, tc.n, tc.counting, got, err, tc.want)
			}
			if tc.counting == CountFromAnchorDay && !anchor.AddDays(-1).Before(jan1(ewFirstYear)) {
				ref, err := cal.AddWorkingDays(anchor.AddDays(-1), tc.n)
				if err != nil || ref != got {
					t.Errorf("AddWorkingDays(%v, %d) = %v, %v; want %v as CountFromAnchorDay", anchor.AddDays(-1), tc.n, ref, err, got)
				}
			}
		})
	}
	if _, err := cal.WorkingDayDeadline(MustDate(2026, time.March, 2), 5, Counting(9)); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("WorkingDayDeadline with Counting(9): err = %v, want ErrUnknownCode", err)
	}
	if _, err := cal.WorkingDayDeadline(Date{}, 5, CountFromAnchorDay); !errors.Is(err, ErrInvalidDate) {
		t.Errorf("WorkingDayDeadline(zero, 5, CountFromAnchorDay): err = %v, want ErrInvalidDate", err)
	}
}

func TestCountingText(t *testing.T) {
	tests := []struct {
		name     string
		counting Counting
		text     string
	}{
		{"zero value", CountFromNextDay, "from-next-day"},
		{"inclusive", CountFromAnchorDay, "from-anchor-day"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.counting.String(); got != tc.text {
				t.Errorf("String() = %q, want %q", got, tc.text)
			}
			b, err := tc.counting.MarshalText()
			if err != nil || string(b) != tc.text {
				t.Errorf("MarshalText() = %q, %v; want %q", b, err, tc.text)
			}
			var got Counting = 7
			if err := got.UnmarshalText([]byte(tc.text)); err != nil || got != tc.counting {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", tc.text, got, err, tc.counting)
			}
		})
	}
	var k Counting = CountFromAnchorDay
	if err := k.UnmarshalText(nil); err != nil || k != CountFromNextDay {
		t.Errorf(`UnmarshalText("") = %v, %v; want %v`, k, err, CountFromNextDay)
	}
	var pe *ParseError
	if err := k.UnmarshalText([]byte("inclusive")); !errors.As(err, &pe) || !errors.Is(err, ErrUnknownCode) {
		t.Errorf(`UnmarshalText("inclusive") error = %v, want a *ParseError wrapping ErrUnknownCode`, err)
	}
	if got := Counting(7).String(); got != "Counting(7)" {
		t.Errorf("Counting(7).String() = %q, want %q", got, "Counting(7)")
	}
	if _, err := Counting(7).MarshalText(); err == nil {
		t.Errorf("Counting(7).MarshalText() succeeded, want an error")
	}
}

func TestWithClosures(t *testing.T) {
	cal := EnglandAndWales()
	closure := MustDate(2025, time.December, 24)
	saturday := MustDate(2025, time.December, 27)
	closed, err := cal.WithClosures(closure, saturday, closure)
	if err != nil {
		t.Fatalf("WithClosures: %v", err)
	}
	if !cal.IsWorkingDay(closure) {
		t.Errorf("original IsWorkingDay(%v) = false after WithClosures, want true (unchanged)", closure)
	}
	if closed.IsWorkingDay(closure) {
		t.Errorf("IsWorkingDay(%v) = true on the new calendar, want false", closure)
	}
	got, err := closed.AddWorkingDays(MustDate(2025, time.December, 23), 1)
	if want := MustDate(2025, time.December, 29); err != nil || got != want {
		t.Errorf("AddWorkingDays(2025-12-23, 1) = %v, %v; want %v", got, err, want)
	}
	dec := Period{Start: MustDate(2025, time.December, 1), End: jan1(2026)}
	want := []string{"2025-12-24", "2025-12-25", "2025-12-26"}
	if diff := cmp.Diff(want, calISO(closed.Holidays(dec))); diff != "" {
		t.Errorf("Holidays(December 2025) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want[1:], calISO(cal.Holidays(dec))); diff != "" {
		t.Errorf("original Holidays(December 2025) mismatch (-want +got):\n%s", diff)
	}

	errTests := []struct {
		name    string
		days    []Date
		wantErr error
	}{
		{"zero date", []Date{{}}, ErrInvalidDate},
		{"outside coverage", []Date{closure, MustDate(2036, time.January, 2)}, ErrOutsideCalendar},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cal.WithClosures(tc.days...)
			if got != nil || !errors.Is(err, tc.wantErr) {
				t.Errorf("WithClosures(%v) = %v, %v; want nil, %v", tc.days, got, err, tc.wantErr)
			}
		})
	}
}

func TestCalendarHolidays(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name string
		p    Period
		want []string
	}{
		{"Easter 2025", Period{Start: MustDate(2025, time.April, 18), End: MustDate(2025, time.April, 22)}, []string{"2025-04-18", "2025-04-21"}},
		{"half-open: End excluded", Period{Start: MustDate(2025, time.April, 18), End: MustDate(2025, time.April, 21)}, []string{"2025-04-18"}},
		{"no holidays", Period{Start: MustDate(2025, time.June, 1), End: MustDate(2025, time.July, 1)}, nil},
		{"ongoing runs to the end of coverage", Period{Start: MustDate(2035, time.December, 1)}, []string{"2035-12-25", "2035-12-26"}},
		{"straddling the start of coverage", Period{Start: MustDate(1999, time.December, 1), End: MustDate(2000, time.February, 1)}, []string{"2000-01-03"}},
		{"entirely outside coverage", calYear(2040), nil},
		{"empty period", Period{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, calISO(cal.Holidays(tc.p)), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Holidays(%v) mismatch (-want +got):\n%s", tc.p, diff)
			}
		})
	}
	h := cal.Holidays(calYear(2025))
	h[0] = MustDate(2025, time.June, 10)
	if !cal.IsWorkingDay(MustDate(2025, time.June, 10)) || cal.Holidays(calYear(2025))[0] != MustDate(2025, time.January, 1) {
		t.Errorf("changing the slice Holidays returned changed the calendar")
	}
}

// calNaiveAdd is the day-by-day reference for AddWorkingDays, using
// only isWorking to decide each day.
func calNaiveAdd(isWorking func(Date) bool, d Date, n int) Date {
	step := 1
	if n < 0 {
		step = -1
	}
	for n != 0 {
		d = d.AddDays(step)
		if isWorking(d) {
			n -= step
		}
	}
	return d
}

// calNaiveBetween counts working days in (a, b] one day at a time.
func calNaiveBetween(isWorking func(Date) bool, a, b Date) int {
	if b.Before(a) {
		return -calNaiveBetween(isWorking, b, a)
	}
	n := 0
	for d := a.AddDays(1); !d.After(b); d = d.AddDays(1) {
		if isWorking(d) {
			n++
		}
	}
	return n
}

// calReferenceEW decides working days for the England and Wales calendar
// from the definition, without the calendar's tables. Outside the coverage
// it knows no bank holidays, so that a naive count can run past the edge.
func calReferenceEW(t testing.TB) func(Date) bool {
	holidays := map[Date]bool{}
	for _, s := range ewBankHolidays {
		holidays[calDay(t, s)] = true
	}
	return func(d Date) bool {
		_, m, dd := d.Date()
		wd := d.Weekday()
		return wd != time.Saturday && wd != time.Sunday && !holidays[d] &&
			!(m == time.December && dd == 25) && d != goodFriday(d.Year())
	}
}

func TestCalendarAgainstNaiveReference(t *testing.T) {
	cal := EnglandAndWales()
	ref := calReferenceEW(t)
	first, last := jan1(ewFirstYear), jan1(ewLastYear+1).AddDays(-1)
	span := last.DaysSince(first) + 1
	for d := first; !d.After(last); d = d.AddDays(1) {
		if got, want := cal.IsWorkingDay(d), ref(d); got != want {
			t.Fatalf("IsWorkingDay(%v) = %v, want %v", d, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		d := first.AddDays(rng.IntN(span))
		n := rng.IntN(601) - 300
		got, err := cal.AddWorkingDays(d, n)
		want := calNaiveAdd(ref, d, n)
		inRange := !want.Before(first) && !want.After(last)
		switch {
		case !inRange && n != 0:
			if !errors.Is(err, ErrOutsideCalendar) {
				t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want ErrOutsideCalendar", d, n, got, err)
			}
			continue
		case err != nil || got != want:
			t.Fatalf("AddWorkingDays(%v, %d) = %v, %v; want %v", d, n, got, err, want)
		}
		if n != 0 && !cal.IsWorkingDay(got) {
			t.Fatalf("AddWorkingDays(%v, %d) = %v, not a working day", d, n, got)
		}
		if n >= 0 {
			if back, err := cal.WorkingDaysBetween(d, got); err != nil || back != n {
				t.Fatalf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", d, got, back, err, n)
			}
		}
		e := first.AddDays(rng.IntN(span))
		if e.DaysSince(d) > 800 || d.DaysSince(e) > 800 {
			e = d.AddDays(rng.IntN(1601) - 800)
			if e.Before(first) || e.After(last) {
				continue
			}
		}
		if got, err := cal.WorkingDaysBetween(d, e); err != nil || got != calNaiveBetween(ref, d, e) {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", d, e, got, err, calNaiveBetween(ref, d, e))
		}
	}
}

func TestCalendarConcurrentUse(t *testing.T) {
	cal := EnglandAndWales()
	ref := calReferenceEW(t)
	first := jan1(2010)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 32 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for range 2000 {
				d := first.AddDays(rng.IntN(365 * 20))
				n := rng.IntN(61)
				got, err := cal.AddWorkingDays(d, n)
				if want := calNaiveAdd(ref, d, n); err != nil || got != want {
					errs <- fmt.Errorf("AddWorkingDays(%v, %d) = %v, %v; want %v", d, n, got, err, want)
					return
				}
				if back, err := cal.WorkingDaysBetween(d, got); err != nil || back != n {
					errs <- fmt.Errorf("WorkingDaysBetween(%v, %v) = %d, %v; want %d", d, got, back, err, n)
					return
				}
				if cal.IsWorkingDay(d) != ref(d) {
					errs <- fmt.Errorf("IsWorkingDay(%v) = %v, want %v", d, !ref(d), ref(d))
					return
				}
				_ = cal.Holidays(Period{Start: d, End: d.AddDays(30)})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestCalendarHotPathsDoNotAllocate(t *testing.T) {
	cal := EnglandAndWales()
	d := MustDate(2025, time.April, 17)
	e := MustDate(2025, time.December, 24)
	allocs := testing.AllocsPerRun(100, func() {
		_ = cal.IsWorkingDay(d)
		_, _ = cal.AddWorkingDays(d, 20)
		_, _ = cal.AddWorkingDays(d, -20)
		_, _ = cal.WorkingDaysBetween(d, e)
		_, _ = cal.WorkingDayDeadline(d, 20, CountFromAnchorDay)
	})
	if allocs != 0 {
		t.Errorf("working-day operations allocate %v times per run, want 0", allocs)
	}
}

func calSample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/bank-holidays-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseBankHolidays(t *testing.T) {
	divs, err := ParseBankHolidays(calSample(t))
	if err != nil {
		t.Fatalf("ParseBankHolidays(sample): %v", err)
	}
	var names []string
	for k := range divs {
		names = append(names, k)
	}
	slices.Sort(names)
	if diff := cmp.Diff([]string{"england-and-wales", "northern-ireland", "scotland"}, names); diff != "" {
		t.Errorf("divisions mismatch (-want +got):\n%s", diff)
	}
	if got := len(divs["england-and-wales"]); got != 24 {
		t.Errorf("len(england-and-wales) = %d, want 24", got)
	}
	wantNI := []BankHoliday{
		{Title: "New Year’s Day", Date: MustDate(2026, time.January, 1), Bunting: true},
		{Title: "St Patrick’s Day", Date: MustDate(2026, time.March, 17), Bunting: true},
		{Title: "Battle of the Boyne (Orangemen’s Day)", Date: MustDate(2026, time.July, 13), Notes: "Substitute day"},
		{Title: "Christmas Day", Date: MustDate(2026, time.December, 25), Bunting: true},
	}
	if diff := cmp.Diff(wantNI, divs["northern-ireland"], cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("northern-ireland mismatch (-want +got):\n%s", diff)
	}
}

func TestParseBankHolidaysErrors(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		wantParse bool   // a *ParseError
		wantIs    error  // wrapped sentinel, if any
		wantText  string // in the message
	}{
		{"not JSON", `{"england-and-wales": `, true, nil, "GOV.UK bank holidays JSON"},
		{"top-level array", `[]`, true, nil, "GOV.UK bank holidays JSON"},
		{"null", `null`, true, nil, "object keyed by division"},
		{"events not a list", `{"scotland": {"division": "scotland", "events": 3}}`, true, nil, "GOV.UK"},
		{"division under the wrong key", `{"scotland": {"division": "england-and-wales", "events": []}}`, true, nil, "filed under"},
		{"impossible date", `{"england-and-wales": {"division": "england-and-wales", "events": [
			{"title": "A", "date": "2026-01-01"}, {"title": "B", "date": "2026-02-30"}]}}`, true, ErrInvalidDate, "england-and-wales event 1"},
		{"UK date order", `{"england-and-wales": {"division": "england-and-wales", "events": [{"title": "A", "date": "25/12/2026"}]}}`, true, ErrInvalidDate, "event 0"},
		{"missing date", `{"scotland": {"division": "scotland", "events": [{"title": "A"}]}}`, true, ErrInvalidDate, "scotland event 0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseBankHolidays([]byte(tc.data))
			if err == nil || got != nil {
				t.Fatalf("ParseBankHolidays(%s) = %v, %v; want nil and an error", tc.data, got, err)
			}
			var pe *ParseError
			if tc.wantParse && !errors.As(err, &pe) {
				t.Errorf("ParseBankHolidays error %v is not a *ParseError", err)
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("ParseBankHolidays error %v does not wrap %v", err, tc.wantIs)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("ParseBankHolidays error %q does not mention %q", err, tc.wantText)
			}
		})
	}
}

func TestWithBankHolidaysJSON(t *testing.T) {
	cal := EnglandAndWales()
	updated, err := cal.WithBankHolidaysJSON(calSample(t))
	if err != nil {
		t.Fatalf("WithBankHolidaysJSON(sample): %v", err)
	}
	tests := []struct {
		name          string
		date          Date
		before, after bool
	}{
		{"projected spring holiday 2027 corrected away", MustDate(2027, time.May, 31), false, true},
		{"corrected spring holiday 2027", MustDate(2027, time.June, 4), true, false},
		{"2026 unchanged", MustDate(2026, time.December, 28), false, false},
		{"2028 unchanged", MustDate(2028, time.May, 29), false, false},
		{"year not in the file keeps its embedded list", MustDate(2029, time.May, 28), false, false},
		{"Scottish holiday ignored", MustDate(2026, time.November, 30), true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cal.IsWorkingDay(tc.date); got != tc.before {
				t.Errorf("original IsWorkingDay(%v) = %v, want %v", tc.date, got, tc.before)
			}
			if got := updated.IsWorkingDay(tc.date); got != tc.after {
				t.Errorf("updated IsWorkingDay(%v) = %v, want %v", tc.date, got, tc.after)
			}
		})
	}
	if diff := cmp.Diff(cal.Covers(), updated.Covers(), cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("Covers() changed (-want +got):\n%s", diff)
	}
}

func TestWithBankHolidaysJSONCoverage(t *testing.T) {
	events := func(div string, dates ...string) string {
		var b strings.Builder
		for i, d := range dates {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"title": "Holiday", "date": %q, "notes": "", "bunting": true}`, d)
		}
		return fmt.Sprintf(`{%q: {"division": %q, "events": [%s]}}`, div, div, b.String())
	}
	ew := EnglandAndWales()
	closed, err := ew.WithClosures(MustDate(2030, time.December, 24))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		cal        *Calendar
		data       string
		wantCovers Period
		nonWorking []Date
		working    []Date
		wantErr    error
	}{
		{
			name:       "next year extends coverage",
			cal:        ew,
			data:       events("england-and-wales", "2036-01-01", "2036-05-05"),
			wantCovers: Period{Start: jan1(2000), End: jan1(2037)},
			nonWorking: []Date{MustDate(2036, time.May, 5), MustDate(2036, time.December, 25), MustDate(2036, time.April, 11)},
			working:    []Date{MustDate(2036, time.May, 26), MustDate(2036, time.December, 31)},
		},
		{
			name:       "closures survive a correction of their year",
			cal:        closed,
			data:       events("england-and-wales", "2030-01-01"),
			wantCovers: Period{Start: jan1(2000), End: jan1(2036)},
			nonWorking: []Date{MustDate(2030, time.December, 24), MustDate(2030, time.January, 1), MustDate(2030, time.December, 25)},
			working:    []Date{MustDate(2030, time.December, 26), MustDate(2030, time.April, 22)},
		},
		{
			name:       "zero calendar gains the file's years",
			cal:        &Calendar{},
			data:       events("england-and-wales", "2026-12-28", "2027-01-01"),
			wantCovers: Period{Start: jan1(2026), End: jan1(2028)},
			nonWorking: []Date{MustDate(2026, time.December, 28), MustDate(2027, time.March, 26)},
			working:    []Date{MustDate(2026, time.May, 25)},
		},
		{
			name:       "nil calendar gains the file's years",
			data:       events("england-and-wales", "2027-01-01"),
			wantCovers: calYear(2027),
		},
		{
			name:       "custom calendar grows at the start too",
			cal:        calMust(t, nil, calYear(2025)),
			data:       events("england-and-wales", "2024-01-01", "2026-01-01"),
			wantCovers: Period{Start: jan1(2024), End: jan1(2027)},
			nonWorking: []Date{MustDate(2024, time.January, 1), MustDate(2026, time.January, 1)},
			working:    []Date{MustDate(2025, time.January, 1)},
		},
		{
			name:    "gap after coverage",
			cal:     ew,
			data:    events("england-and-wales", "2037-01-01"),
			wantErr: ErrOutsideCalendar,
		},
		{
			name:    "gap inside a zero calendar's new years",
			cal:     &Calendar{},
			data:    events("england-and-wales", "2026-01-01", "2028-01-03"),
			wantErr: ErrOutsideCalendar,
		},
		{name: "missing division", cal: ew, data: events("scotland", "2026-01-02")},
		{name: "no events", cal: ew, data: events("england-and-wales")},
		{name: "malformed JSON", cal: ew, data: `{"england-and-wales"`},
		{name: "bad date", cal: ew, data: events("england-and-wales", "2026-13-01"), wantErr: ErrInvalidDate},
		{name: "year 9999", cal: ew, data: events("england-and-wales", "9999-01-01"), wantErr: ErrOutsideCalendar},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.cal.WithBankHolidaysJSON([]byte(tc.data))
			if tc.wantCovers.IsEmpty() {
				if got != nil || err == nil {
					t.Fatalf("WithBankHolidaysJSON(%s) = %p, %v; want nil and an error", tc.data, got, err)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("WithBankHolidaysJSON(%s) error %v does not wrap %v", tc.data, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("WithBankHolidaysJSON(%s): %v", tc.data, err)
			}
			if diff := cmp.Diff(tc.wantCovers, got.Covers(), cmpopts.EquateComparable(Date{})); diff != "" {
				t.Errorf("Covers() mismatch (-want +got):\n%s", diff)
			}
			for _, d := range tc.nonWorking {
				if got.IsWorkingDay(d) {
					t.Errorf("IsWorkingDay(%v) = true, want false", d)
				}
			}
			for _, d := range tc.working {
				if !got.IsWorkingDay(d) {
					t.Errorf("IsWorkingDay(%v) = false, want true", d)
				}
			}
		})
	}
}

func calMust(t testing.TB, holidays []Date, covers Period) *Calendar {
	t.Helper()
	c, err := NewCalendar(holidays, covers)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
