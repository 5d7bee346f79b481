package care

import (
	"errors"
	"testing"
	"time"
)

// TestMomentInstant checks the reading of a time of day on the clock in
// England at the edges of summer time: "beginning at one o'clock, Greenwich
// mean time, in the morning of the last Sunday in March and ending at one
// o'clock, Greenwich mean time, in the morning of the last Sunday in
// October" (Summer Time Act 1972 s.1(2), as substituted by SI 2002/262).
func TestMomentInstant(t *testing.T) {
	tests := []struct {
		name string
		m    Moment
		want string // RFC 3339, UTC
	}{
		{"winter: GMT", sgM("2025-01-15", "12:00"), "2025-01-15T12:00:00Z"},
		{"summer: BST is GMT+1", sgM("2025-07-01", "12:00"), "2025-07-01T11:00:00Z"},
		{"midnight in summer is the previous day in UTC", sgM("2025-07-01", "00:00"), "2025-06-30T23:00:00Z"},
		{"spring Sunday 00:59, the last GMT minute", sgM("2025-03-30", "00:59"), "2025-03-30T00:59:00Z"},
		{"skipped hour 01:00 is read as GMT", sgM("2025-03-30", "01:00"), "2025-03-30T01:00:00Z"},
		{"skipped hour 01:59 is read as GMT", sgM("2025-03-30", "01:59"), "2025-03-30T01:59:00Z"},
		{"spring Sunday 02:00, the first BST minute", sgM("2025-03-30", "02:00"), "2025-03-30T01:00:00Z"},
		{"autumn Sunday 00:59 BST", sgM("2025-10-26", "00:59"), "2025-10-25T23:59:00Z"},
		{"repeated hour 01:00 is its first occurrence, BST", sgM("2025-10-26", "01:00"), "2025-10-26T00:00:00Z"},
		{"repeated hour 01:59 is its first occurrence, BST", sgM("2025-10-26", "01:59"), "2025-10-26T00:59:00Z"},
		{"autumn Sunday 02:00, GMT again", sgM("2025-10-26", "02:00"), "2025-10-26T02:00:00Z"},
		{"the Saturday before the autumn change is still BST", sgM("2025-10-25", "23:30"), "2025-10-25T22:30:00Z"},
		{"the Monday after the spring change is BST", sgM("2025-03-31", "00:30"), "2025-03-30T23:30:00Z"},
		{"last Sunday of March on the 25th, the earliest (2029)", sgM("2029-03-25", "03:00"), "2029-03-25T02:00:00Z"},
		{"the fourth Sunday of a five-Sunday March is still GMT (2026)", sgM("2026-03-22", "03:00"), "2026-03-22T03:00:00Z"},
		{"last Sunday of October on the 31st (2021)", sgM("2021-10-31", "01:30"), "2021-10-31T00:30:00Z"},
		{"the first day of 1996", sgM("1996-01-01", "00:00"), "1996-01-01T00:00:00Z"},
		{"the last minute of 9999", sgM("9999-12-31", "23:59"), "9999-12-31T23:59:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.m.Instant()
			if err != nil {
				t.Fatalf("%v.Instant() error: %v", tc.m, err)
			}
			if s := got.Format(time.RFC3339); s != tc.want {
				t.Errorf("%v.Instant() = %s, want %s", tc.m, s, tc.want)
			}
			if got.Location() != time.UTC {
				t.Errorf("%v.Instant() location %v, want UTC", tc.m, got.Location())
			}
		})
	}
}

func TestMomentInstantErrors(t *testing.T) {
	tests := []struct {
		name     string
		m        Moment
		wantPath string
		wantErr  error
	}{
		{"zero moment", Moment{}, "date", ErrRequired},
		{"no time recorded", sgM("2025-08-22", ""), "time", ErrRequired},
		{"clock out of range", Moment{Date: sgD("2025-08-22"), Clock: Clock{1500}}, "time", ErrInvalidClock},
		{"31 December 1995, before the rule", sgM("1995-12-31", "23:59"), "date", ErrOutsideUKClock},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.m.Instant()
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Path != tc.wantPath || !errors.Is(err, tc.wantErr) {
				t.Errorf("%v.Instant() = %v, %v; want an error at %q wrapping %v", tc.m, got, err, tc.wantPath, tc.wantErr)
			}
		})
	}
}

// TestUKClockAgainstTZData checks the rule in code against the tz
// database's Europe/London, where the machine or the Go installation has
// it (the test skips otherwise; the library never reads it): every hour
// from 1996 to 2040, the minutes around each change of the clocks to
// 2100, and the reading of every wall-clock hour.
func TestUKClockAgainstTZData(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no tz database: %v", err)
	}
	check := func(u time.Time) {
		t.Helper()
		local, bst, ok := localOfUTC(minuteOfTime(u))
		lt := u.In(london)
		_, off := lt.Zone()
		want := minuteOfTime(time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), 0, 0, time.UTC))
		if !ok || local != want || bst != (off == 3600) {
			t.Fatalf("localOfUTC(%v) = %d, BST %v, %v; want %v (offset %d)", u, local, bst, ok, lt, off)
		}
		// Back from the wall clock: time.Date takes the second occurrence
		// of Europe/London's repeated hour, Instant the first.
		back := time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), 0, 0, london)
		got, ok := laterUTCOfLocal(want)
		if !ok || got != minuteOfTime(back) {
			t.Fatalf("laterUTCOfLocal(%v) = %v, want %v", lt, timeOfMinute(got), back.UTC())
		}
		first, _ := utcOfLocal(want)
		if ukHourOf(want) == ukHourRepeated {
			if first != got-60 {
				t.Fatalf("utcOfLocal(%v) = %v, want the first occurrence %v", lt, timeOfMinute(first), timeOfMinute(got-60))
			}
		} else if first != got {
			t.Fatalf("utcOfLocal(%v) = %v, want %v", lt, timeOfMinute(first), back.UTC())
		}
	}
	for u := time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC); u.Year() < 2041; u = u.Add(time.Hour) {
		check(u)
	}
	for y := 1996; y <= 2100; y++ {
		start, end := ukChanges(y)
		for _, c := range [...]int64{start, end} {
			for m := c - 61; m <= c+61; m++ {
				check(timeOfMinute(m))
			}
		}
		// The change is where the tz database has it.
		if _, off := timeOfMinute(start - 1).In(london).Zone(); off != 0 {
			t.Errorf("%d: BST already in force a minute before %v", y, timeOfMinute(start))
		}
		if _, off := timeOfMinute(end - 1).In(london).Zone(); off != 3600 {
			t.Errorf("%d: BST not in force a minute before %v", y, timeOfMinute(end))
		}
	}
	// The wall clock in the skipped hour is read as GMT, as time.Date reads
	// it.
	for y := 1996; y <= 2100; y++ {
		start, _ := ukChanges(y)
		for m := start; m < start+60; m++ {
			d := fromDayNum(m / minutesPerDay)
			c := clockOfMinute(m)
			want := time.Date(d.Year(), d.Month(), d.Day(), c.Minutes()/60, c.Minutes()%60, 0, 0, london)
			if got, _ := utcOfLocal(m); got != minuteOfTime(want) {
				t.Fatalf("utcOfLocal(%v %v) = %v, want %v", d, c, timeOfMinute(got), want.UTC())
			}
		}
	}
}

// lastSunday returns the day number of the last Sunday of month m of year
// y: the statute's words, for the tests to check seasonOf against.
func lastSunday(y int, m time.Month) int64 {
	d := MustDate(y, m, daysIn(y, m))
	return int64(d.AddDays(-int(d.Weekday())).n)
}

// ukChanges returns the instants (minute numbers on the GMT clock) at
// which summer time began and ended in year y: "one o'clock, Greenwich mean
// time, in the morning of the last Sunday in March" and "… in October".
func ukChanges(y int) (start, end int64) {
	return lastSunday(y, time.March)*minutesPerDay + 60, lastSunday(y, time.October)*minutesPerDay + 60
}

// TestUKClockSeasons checks the library's day-by-day reading of the rule
// against the statute's words, as ukChanges puts them, for every year from
// 1996 to 9999: each minute of the two hours either side of each change,
// and every day of March and October.
func TestUKClockSeasons(t *testing.T) {
	for y := ukClockFirstYear; y <= 9999; y++ {
		start, end := ukChanges(y)
		bst := func(utc int64) bool { return utc >= start && utc < end }
		check := func(utc int64) {
			want := utc
			if bst(utc) {
				want += 60
			}
			local, gotBST, ok := localOfUTC(utc)
			if !ok || gotBST != bst(utc) || local != want {
				t.Fatalf("localOfUTC(%v) = %d, BST %v, %v; want BST %v", timeOfMinute(utc), local, gotBST, ok, bst(utc))
			}
			if back, ok := utcOfLocal(local); !ok || back != utc && !(ukHourOf(local) == ukHourRepeated && back == utc-60) {
				t.Fatalf("utcOfLocal(localOfUTC(%v)) = %v", timeOfMinute(utc), timeOfMinute(back))
			}
		}
		for _, c := range [...]int64{start, end} {
			for m := c - 120; m <= c+120; m++ {
				check(m)
			}
		}
		for _, m := range [...]time.Month{time.March, time.October} {
			first := int64(MustDate(y, m, 1).n) * minutesPerDay
			for day := int64(0); day < 31; day++ {
				check(first + day*minutesPerDay + 12*60)
			}
		}
	}
}

// TestUKClockOutsideRule checks the edges of the rule's years: nothing
// before 1996, nothing after the last day a Date holds.
func TestUKClockOutsideRule(t *testing.T) {
	first := Moment{Date: sgD("1996-01-01")}.minuteOf(0)
	if _, ok := utcOfLocal(first - 1); ok {
		t.Errorf("utcOfLocal(31 December 1995 23:59) ok, want outside the rule")
	}
	if _, ok := utcOfLocal(first); !ok {
		t.Errorf("utcOfLocal(1 January 1996 00:00) not ok, want inside the rule")
	}
	last := Moment{Date: sgD("9999-12-31"), Clock: sgT("23:59")}.minuteOf(0)
	if _, _, ok := localOfUTC(last + 1); ok {
		t.Errorf("localOfUTC(10000-01-01 00:00) ok, want outside the Date range")
	}
	if _, _, ok := localOfUTC(-5); ok {
		t.Errorf("localOfUTC(-5) ok, want outside the rule")
	}
}

func TestTimedDeadlineString(t *testing.T) {
	due := func(d, c string, p MissingPolicy) TimedDeadline {
		t.Helper()
		td, err := ReturnInterviewDue(sgM(d, c), p)
		if err != nil {
			t.Fatalf("ReturnInterviewDue(%s %s) error: %v", d, c, err)
		}
		return td
	}
	tests := []struct {
		name string
		d    TimedDeadline
		want string
	}{
		{"summer, both in BST", due("2025-08-22", "23:00", MissingPolicy{}),
			"MISS-01 due 2025-08-25 23:00 BST: 72 hours after the return on 2025-08-22 23:00 BST"},
		{"across the end of BST", due("2025-10-24", "21:00", MissingPolicy{}),
			"MISS-01 due 2025-10-27 20:00 GMT: 72 hours after the return on 2025-10-24 21:00 BST"},
		{"due in the repeated hour, second occurrence", due("2025-10-23", "02:30", MissingPolicy{}),
			"MISS-01 due 2025-10-26 01:30 GMT: 72 hours after the return on 2025-10-23 02:30 BST"},
		{"due in the repeated hour, first occurrence", due("2025-10-23", "01:30", MissingPolicy{}),
			"MISS-01 due 2025-10-26 01:30 BST: 72 hours after the return on 2025-10-23 01:30 BST"},
		{"return in the skipped hour shown as recorded, in GMT", due("2025-03-30", "01:30", MissingPolicy{}),
			"MISS-01 due 2025-04-02 02:30 BST: 72 hours after the return on 2025-03-30 01:30 GMT"},
		{"return time not recorded, unfavourable", due("2025-01-10", "", MissingPolicy{UnknownTimes: UnknownTimesUnfavourable, InterviewHours: 1}),
			"MISS-01 due 2025-01-10 01:00 GMT: 1 hour after the return on 2025-01-10 (no time recorded: taken as 00:00 GMT)"},
		{"zero, as the zero Deadline", TimedDeadline{}, Deadline{}.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.d.String(); got != tc.want {
				t.Errorf("String() =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// FuzzUKClock checks, for any wall-clock minute of the rule's years, that
// reading it and showing the instant again gives it back (the skipped hour
// comes back an hour later, as BST), and that a return home interview is
// due exactly its hours after the return.
func FuzzUKClock(f *testing.F) {
	for _, s := range []struct {
		day  int32
		min  int16
		hour uint8
	}{{0, 90, 72}, {10000, 60, 72}, {300, 1439, 1}, {2915000, 0, 48}} {
		f.Add(s.day, s.min, s.hour)
	}
	first := sgD("1996-01-01").n
	f.Fuzz(func(t *testing.T, day int32, min int16, hours uint8) {
		d := fromDayNum(int64(first) + int64(day))
		c := Clock{min%minutesPerDay + 1}
		if d.IsZero() || d.Year() < ukClockFirstYear || c.m <= 0 {
			return
		}
		local := Moment{d, c}.minuteOf(0)
		utc, ok := utcOfLocal(local)
		if !ok {
			t.Fatalf("utcOfLocal(%v %v) outside the rule", d, c)
		}
		back, bst, ok := localOfUTC(utc)
		want := local
		if ukHourOf(local) == ukHourSkipped {
			want += 60
		}
		if !ok || back != want || bst != (back != utc) {
			t.Errorf("localOfUTC(utcOfLocal(%v %v)) = %v BST %v, want %v", d, c, clockOfMinute(back), bst, clockOfMinute(want))
		}
		p := MissingPolicy{InterviewHours: int(hours%72) + 1}
		td, err := ReturnInterviewDue(Moment{d, c}, p)
		if err != nil {
			if !errors.Is(err, ErrOutsideUKClock) {
				t.Errorf("ReturnInterviewDue(%v %v) error: %v", d, c, err)
			}
			return
		}
		if got := td.DueAt.Sub(td.AnchorAt); got != time.Duration(p.InterviewHours)*time.Hour {
			t.Errorf("ReturnInterviewDue(%v %v, %d hours): %v between the instants", d, c, p.InterviewHours, got)
		}
		if m := (Moment{td.Due, td.DueTime}); laterUTCOfLocalOf(m) != minuteOfTime(td.DueAt) && firstUTCOf(m) != minuteOfTime(td.DueAt) {
			t.Errorf("ReturnInterviewDue(%v %v): due %v on the clock is not %v", d, c, m, td.DueAt)
		}
	})
}

func laterUTCOfLocalOf(m Moment) int64 { u, _ := laterUTCOfLocal(m.minuteOf(0)); return u }
func firstUTCOf(m Moment) int64        { u, _ := utcOfLocal(m.minuteOf(0)); return u }
