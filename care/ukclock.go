package care

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// This file holds the clock in England: GMT, and British Summer Time
// (GMT+1) in summer. Times of day in case records are wall-clock times
// ([Clock], [Moment]); a timescale counted in hours ([Hours]: MISS-01's 72
// hours) is counted in real, elapsed hours, so the two must be converted.
//
// The rule is in code, not read from a time-zone database: a library must
// not depend on the machine's zone files (time.LoadLocation reads them
// first) nor embed Go's (time/tzdata). It is the Summer Time Act 1972
// s.1(2), as substituted by the Summer Time Order 2002 (SI 2002/262) art.
// 2: summer time is "the period beginning at one o'clock, Greenwich mean
// time, in the morning of the last Sunday in March and ending at one
// o'clock, Greenwich mean time, in the morning of the last Sunday in
// October", for every year from 2002 with no end. The Summer Time Order
// 1997 (SI 1997/2982) gave the same period for 1998 to 2001, and 1996 and
// 1997 followed it too; in 1995 the clocks went back on 22 October, not the
// last Sunday (29 October). So the rule holds from 1996, and the library
// holds it from 1 January 1996 ([ErrOutsideUKClock] before): every record
// date is in 2000 or later ([EarliestRecordYear]). TestUKClockAgainstTZData
// checks it against the tz database's Europe/London for every hour from
// 1996 to 2040 and every change of the clocks to 2100, and
// TestUKClockSeasons against the statute's words for every year to 9999.
//
// Internally a moment is a minute number: the day number of a [Date] times
// 1440 plus the minute of the day. A wall-clock minute number ("local")
// and an instant ("utc", the same count on the GMT clock) share the base,
// so BST is utc+60.

// ErrOutsideUKClock reports a time of day in England before 1996, the
// first year whose changes of the clocks the library holds, or an instant
// after the last day a [Date] can hold.
var ErrOutsideUKClock = errors.New("care: outside the years of the UK clock rule (1996 to 9999)")

// ukClockFirstYear is the first year the UK clock rule holds in.
const ukClockFirstYear = 1996

// minutesPerDay is the length of a day on the clock; days of 23 and 25
// hours are the wall clock's business, not the minute numbers'.
const minutesPerDay = 1440

// season says where a day falls against summer time.
type season uint8

const (
	gmtDay    season = iota // GMT all day
	bstDay                  // BST all day
	springDay               // the last Sunday of March: BST from 01:00 GMT
	autumnDay               // the last Sunday of October: GMT from 01:00 GMT
)

// seasonOf returns the season of day number n and whether the UK clock
// rule covers it. A day of March or October is on or after the month's
// last Sunday when the Sunday on or before it is the 25th or later, since
// the month has 31 days.
func seasonOf(n int64) (season, bool) {
	if n < minDayNum || n > maxDayNum {
		return gmtDay, false
	}
	y, m, d := civilFromDays(int(n) - unixOffset)
	switch {
	case y < ukClockFirstYear:
		return gmtDay, false
	case m > time.March && m < time.October:
		return bstDay, true
	case m != time.March && m != time.October:
		return gmtDay, true
	}
	spring := m == time.March
	w := int((n - unixOffset + 4) % 7) // 1970-01-01 was a Thursday; 0 is Sunday
	switch {
	case d-w < 25 && spring, d-w >= 25 && w > 0 && !spring:
		return gmtDay, true // before the spring change, after the autumn one
	case d-w < 25, w > 0:
		return bstDay, true
	case spring:
		return springDay, true
	}
	return autumnDay, true
}

// utcOfLocal returns the instant of the wall-clock minute local in
// England, read as [Moment.Instant] documents: a minute in the repeated
// autumn hour is its first occurrence (BST), a minute in the skipped
// spring hour is read as GMT. It reports false outside the rule's years.
func utcOfLocal(local int64) (int64, bool) {
	if local < 0 {
		return 0, false
	}
	s, ok := seasonOf(local / minutesPerDay)
	if !ok {
		return 0, false
	}
	// On the wall, BST runs from 02:00 on the spring Sunday to the first
	// 01:59 on the autumn Sunday.
	switch mod := local % minutesPerDay; {
	case s == bstDay, s == springDay && mod >= 120, s == autumnDay && mod < 120:
		return local - 60, true
	}
	return local, true
}

// laterUTCOfLocal is utcOfLocal, except that a minute of the repeated
// autumn hour is its second occurrence (GMT): the latest instant the wall
// clock can mean.
func laterUTCOfLocal(local int64) (int64, bool) {
	if ukHourOf(local) == ukHourRepeated {
		return local, true
	}
	return utcOfLocal(local)
}

// localOfUTC returns the wall-clock minute in England of the instant utc
// and whether BST was then in force. It reports false outside the rule's
// years.
func localOfUTC(utc int64) (local int64, bst, ok bool) {
	if utc < 0 {
		return 0, false, false
	}
	s, ok := seasonOf(utc / minutesPerDay)
	if !ok {
		return 0, false, false
	}
	switch mod := utc % minutesPerDay; {
	case s == bstDay, s == springDay && mod >= 60, s == autumnDay && mod < 60:
		return utc + 60, true, true
	}
	return utc, false, true
}

// ukHour says where a wall-clock minute falls against a change of the
// clocks.
type ukHour uint8

const (
	ukHourPlain    ukHour = iota // an ordinary minute, on the clock once
	ukHourRepeated               // 01:00 to 01:59 on the last Sunday of October: on the clock twice
	ukHourSkipped                // 01:00 to 01:59 on the last Sunday of March: never on the clock
)

// ukHourOf returns where the wall-clock minute local falls.
func ukHourOf(local int64) ukHour {
	if local < 0 {
		return ukHourPlain
	}
	if mod := local % minutesPerDay; mod < 60 || mod >= 120 {
		return ukHourPlain
	}
	switch s, _ := seasonOf(local / minutesPerDay); s {
	case springDay:
		return ukHourSkipped
	case autumnDay:
		return ukHourRepeated
	}
	return ukHourPlain
}

// timeOfMinute returns the instant of a minute number on the GMT clock, in
// UTC.
func timeOfMinute(utc int64) time.Time {
	return time.Unix((utc-unixOffset*minutesPerDay)*60, 0).UTC()
}

// minuteOfTime returns the minute number of an instant, truncated to the
// minute.
func minuteOfTime(t time.Time) int64 {
	s := t.Unix()
	m := s / 60
	if s%60 < 0 {
		m--
	}
	return m + unixOffset*minutesPerDay
}

// clockOfMinute returns the time of day of a minute number.
func clockOfMinute(m int64) Clock {
	return Clock{int16((m%minutesPerDay+minutesPerDay)%minutesPerDay + 1)}
}

// Instant returns the instant m names, in UTC, reading its date and time
// of day on the clock in England: GMT, or BST (GMT+1) from 01:00 GMT on
// the last Sunday of March to 01:00 GMT on the last Sunday of October
// (Summer Time Act 1972 s.1(2), as substituted by SI 2002/262). The rule is
// the library's own, not the machine's zone files, and holds from 1996.
//
// Two hours of the year need a reading, and Instant reads them as RFC 5545
// (iCalendar, §3.3.5) does:
//
//   - A time in the hour the clocks repeat, 01:00 to 01:59 on the last
//     Sunday of October (first in BST, then again in GMT), is the first
//     occurrence, in BST: 01:30 is 00:30 UTC. (time.Date reads
//     Europe/London's repeated hour the other way, as the second.)
//   - A time in the hour the clocks skip, 01:00 to 01:59 on the last Sunday
//     of March, which no clock in England shows, is read with the offset
//     in force before the change, as GMT, the time on a clock not yet put
//     forward: 01:30 is 01:30 UTC, which the clock showed as 02:30 BST.
//
// It returns a [*FieldError] with path "date" wrapping [ErrRequired] if m
// has no date or [ErrOutsideUKClock] if it is before 1996, or with path
// "time" wrapping [ErrRequired] if no time of day was recorded (the reading
// of an unrecorded time is the caller's policy: see [UnknownTimes]) or
// [ErrInvalidClock] if the Clock is out of range.
func (m Moment) Instant() (time.Time, error) {
	switch {
	case m.Date.IsZero():
		return time.Time{}, &FieldError{Path: "date", Err: ErrRequired}
	case m.Clock.IsZero():
		return time.Time{}, &FieldError{Path: "time", Err: fmt.Errorf("%w: no time of day recorded", ErrRequired)}
	}
	if err := clockProblem(m.Clock, m.Date); err != nil {
		return time.Time{}, &FieldError{Path: "time", Err: err}
	}
	utc, ok := utcOfLocal(m.minuteOf(0))
	if !ok {
		return time.Time{}, &FieldError{Path: "date", Err: fmt.Errorf("%w: %s", ErrOutsideUKClock, m.Date)}
	}
	return timeOfMinute(utc), nil
}

// span returns the earliest and latest instants m can name: the whole day
// when no time was recorded, both occurrences of a time in the repeated
// autumn hour. Outside the rule's years it returns the wall-clock minutes,
// as the best there is; validation reports such dates on its own.
func (m Moment) span() (lo, hi int64) {
	lo, hi = m.minuteOf(0), m.minuteOf(minutesPerDay-1)
	if l, ok := utcOfLocal(lo); ok {
		lo = l
	}
	if h, ok := laterUTCOfLocal(hi); ok {
		hi = h
	}
	return lo, hi
}

// surelyBefore reports whether every instant a can name is before every
// instant b can: a time not recorded may be any minute of its day, and a
// time in the repeated autumn hour either occurrence. Validation rejects
// only an order that no reading of the record makes right: a child missing
// from 01:50 BST who returned at 01:10 GMT, twenty minutes later, has a
// valid record, although [Moment.Instant] reads 01:10 as BST.
func surelyBefore(a, b Moment) bool {
	// An instant is its wall-clock minute or an hour before it, so wall
	// clocks more than an hour apart decide without the clock rule.
	aHi, bLo := a.minuteOf(minutesPerDay-1), b.minuteOf(0)
	switch {
	case aHi < bLo-60:
		return true
	case aHi-60 >= bLo:
		return false
	}
	_, aHi = a.span()
	bLo, _ = b.span()
	return aHi < bLo
}

// TimedDeadline is a [Deadline] counted in real, elapsed hours ([Hours])
// and timed to the minute: the return home interview's 72 hours (MISS-01,
// [ReturnInterviewDue]). The embedded Deadline says how it was counted, to
// the day: Due and Anchor are dates on the clock in England. DueTime and
// AnchorTime are the times of day on those dates, and DueAt and AnchorAt
// the two instants, exactly Count hours apart.
//
// Across a change of the clocks the due time on the clock is an hour
// earlier (the clocks went back) or later (they went forward) than the
// anchor's: DueAt and AnchorAt, and the zones [TimedDeadline.String]
// names, show why. In the repeated autumn hour DueTime alone is ambiguous;
// DueAt is not.
//
// A TimedDeadline is a plain value, safe to copy and to use from multiple
// goroutines at once.
type TimedDeadline struct {
	Deadline
	// DueTime is the time of day on the Due date, on the clock in England.
	DueTime Clock `json:"due_time"`
	// AnchorTime is the anchor's time of day as recorded; zero if none was
	// recorded, AnchorAt then holding the time the policy's
	// [UnknownTimes] convention takes.
	AnchorTime Clock `json:"anchor_time,omitzero"`
	// AnchorAt is the instant counted from, and DueAt the due instant,
	// Count hours later; both in UTC.
	AnchorAt time.Time `json:"anchor_at"`
	DueAt    time.Time `json:"due_at"`
}

// String reads as a sentence, with the zone of each time: "MISS-01 due
// 2025-10-27 20:00 GMT: 72 hours after the return on 2025-10-24 21:00
// BST", and for an anchor with no time recorded "… after the return on
// 2025-08-22 (no time recorded: taken as 23:59 BST)".
//
// A time recorded in the hour the clocks skipped is shown as recorded, in
// GMT, as it is read ([Moment.Instant]). The zero TimedDeadline prints as
// the zero [Deadline] does.
func (d TimedDeadline) String() string {
	if d.DueAt.IsZero() {
		return d.Deadline.String()
	}
	b := make([]byte, 0, 96)
	b = append(b, d.Rule...)
	b = append(b, " due "...)
	b = appendZoned(d.Due.appendISO(b), minuteOfTime(d.DueAt))
	b = append(b, ": "...)
	b = strconv.AppendInt(b, int64(d.Count), 10)
	b = append(b, ' ')
	unit := d.Unit.String()
	if d.Count == 1 && len(unit) > 1 {
		unit = unit[:len(unit)-1]
	}
	b = append(b, unit...)
	b = append(b, " after "...)
	if d.AnchorLabel != "" {
		b = append(b, d.AnchorLabel...)
		b = append(b, " on "...)
	}
	b = d.Anchor.appendISO(b)
	at := minuteOfTime(d.AnchorAt)
	switch {
	case d.AnchorTime.IsZero():
		b = append(b, " (no time recorded: taken as"...)
		b = append(appendZoned(b, at), ')')
	case ukHourOf(Moment{d.Anchor, d.AnchorTime}.minuteOf(0)) == ukHourSkipped:
		b = append(b, ' ')
		b = append(d.AnchorTime.appendText(b), " GMT"...)
	default:
		b = appendZoned(b, at)
	}
	return string(b)
}

// appendZoned appends " HH:MM BST" or " HH:MM GMT" for the instant utc: the
// time on the clock in England and the zone then in force.
func appendZoned(b []byte, utc int64) []byte {
	local, bst, ok := localOfUTC(utc)
	if !ok {
		local = utc
	}
	b = append(b, ' ')
	b = clockOfMinute(local).appendText(b)
	if bst {
		return append(b, " BST"...)
	}
	return append(b, " GMT"...)
}
