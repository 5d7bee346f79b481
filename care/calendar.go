package care

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrOutsideCalendar reports working-day arithmetic that starts, ends or
// steps outside the days a [Calendar] covers. A calendar never guesses
// about days it has no data for. Errors wrap it with the offending date and
// year; test for it with [errors.Is].
var ErrOutsideCalendar = errors.New("care: date outside calendar coverage")

// errNoCoverage is returned by every working-day operation on the zero
// Calendar or a nil *Calendar.
var errNoCoverage = fmt.Errorf("%w: the calendar covers no days", ErrOutsideCalendar)

// Calendar says which days are working days over a stated, bounded range of
// dates (its coverage, [Calendar.Covers]), and does working-day arithmetic
// over that range.
//
// # Working days
//
// A working day is any day other than a Saturday, a Sunday, Christmas Day,
// Good Friday, or one of the calendar's holidays. This is the definition in
// reg. 2(1) of the Care Planning, Placement and Case Review (England)
// Regulations 2010 (SI 2010/959), where the holidays are the bank holidays
// in England and Wales under the Banking and Financial Dealings Act 1971.
// Christmas Day (25 December) and Good Friday are part of the definition
// itself, computed from the date of Easter, so they are non-working days in
// every calendar whether or not a holiday list names them. Substitute days
// (27 December when Christmas falls on a Sunday, say) are not computed: they
// are bank holidays and come from the holiday list.
//
// # Counting convention
//
// [Calendar.AddWorkingDays](d, n) returns the nth working day after d: d
// itself is day 0 and is never counted, and n = 0 returns d unchanged even
// if d is not a working day. [Calendar.WorkingDaysBetween](a, b) counts the
// working days in (a, b], so it is the inverse of AddWorkingDays. Use
// [Calendar.WorkingDayDeadline] with [CountFromAnchorDay] where an authority
// counts the anchor day itself as day 1.
//
// # Coverage
//
// Every operation is defined only inside the coverage. Arithmetic that
// starts or ends outside it returns an error wrapping [ErrOutsideCalendar],
// and [Calendar.IsWorkingDay] reports false. The zero Calendar and a nil
// *Calendar cover nothing, so every working-day operation on them fails
// safe with [ErrOutsideCalendar] instead of treating unknown days as working
// days.
//
// # Performance and concurrency
//
// A Calendar precomputes, when it is built, the running count of working
// days for every day it covers and the date of every working day, so
// IsWorkingDay, AddWorkingDays and WorkingDaysBetween take constant time and
// do not allocate. It costs about 8 bytes of memory per covered day. A
// Calendar is immutable once built and safe for concurrent use by multiple
// goroutines without locking; [Calendar.WithClosures] and
// [Calendar.WithBankHolidaysJSON] return a new Calendar and leave the
// original as it was.
//
// See [EnglandAndWales] for the built-in calendar, whose bank holidays are
// GOV.UK's England and Wales list embedded in the package (last updated
// 2026-12-01; 2027 to 2035 are rule-based projections), and [NewCalendar]
// for a custom one.
type Calendar struct {
	start    Date    // first day covered; the zero Date when nothing is covered
	bank     []Date  // listed holidays (bank holidays), sorted, unique, inside coverage
	closures []Date  // the authority's own closure days, sorted, unique, inside coverage
	off      []Date  // every weekday in coverage that is not a working day, sorted
	cum      []int32 // cum[i]: working days in [start, start+i); len is days covered + 1
	ord      []int32 // ord[k]: offset from start of the working day with 0-based ordinal k
}

// NewCalendar returns a calendar covering the days of covers in which the
// working days are those of the CPPCR reg. 2(1) definition (see [Calendar])
// with the given holidays as the bank holidays: Saturdays, Sundays,
// Christmas Day, Good Friday and every date in holidays are non-working
// days.
//
// covers must be a bounded, non-empty period (both Start and End set, End
// after Start); its End is the first day not covered. Every holiday must be
// a non-zero date inside covers; holidays may be in any order, may repeat,
// and may fall at weekends (where they change nothing). The slice is
// copied, so the caller may reuse it.
//
// On bad input NewCalendar returns a nil *Calendar and a [ValidationErrors]
// listing every problem, with paths "covers" and "holidays[i]"; a zero
// holiday wraps [ErrInvalidDate] and one outside covers wraps
// [ErrOutsideCalendar]. The result is safe for concurrent use.
func NewCalendar(holidays []Date, covers Period) (*Calendar, error) {
	var errs ValidationErrors
	bounded := !covers.IsEmpty() && !covers.End.IsZero()
	if !bounded {
		errs.Addf("covers", "care: calendar coverage %v must be a non-empty period with an end", covers)
	}
	for i, h := range holidays {
		switch {
		case h.IsZero():
			errs.Add(Index("holidays", i), fmt.Errorf("%w: zero date as a holiday", ErrInvalidDate))
		case bounded && !covers.Contains(h):
			errs.Add(Index("holidays", i), fmt.Errorf("%w: holiday %v (year %d) is not in %v", ErrOutsideCalendar, h, h.Year(), covers))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return buildCalendar(covers.Start, covers.End, holidays, nil), nil
}

// buildCalendar builds the tables for coverage [start, end). Every date in
// bank and closures must be inside it; the slices are copied, not kept.
func buildCalendar(start, end Date, bank, closures []Date) *Calendar {
	days := int(end.n) - int(start.n)
	c := &Calendar{
		start:    start,
		bank:     sortedUniqueDates(bank),
		closures: sortedUniqueDates(closures),
		cum:      make([]int32, days+1),
		// At most 5 days in each week are weekdays, and in a part week.
		ord: make([]int32, 0, days/7*5+min(days%7, 5)),
	}
	nonWorking := make([]bool, days)
	mark := func(d Date) {
		if i := int(d.n) - int(start.n); i >= 0 && i < days {
			nonWorking[i] = true
		}
	}
	for _, d := range c.bank {
		mark(d)
	}
	for _, d := range c.closures {
		mark(d)
	}
	for y := start.Year(); y <= end.AddDays(-1).Year(); y++ {
		mark(christmasDay(y))
		mark(goodFriday(y))
	}
	wd := start.Weekday()
	for i := range days {
		if wd != time.Saturday && wd != time.Sunday {
			if nonWorking[i] {
				c.off = append(c.off, Date{start.n + int32(i)})
			} else {
				c.ord = append(c.ord, int32(i))
			}
		}
		c.cum[i+1] = int32(len(c.ord))
		if wd++; wd > time.Saturday {
			wd = time.Sunday
		}
	}
	return c
}

func sortedUniqueDates(ds []Date) []Date {
	if len(ds) == 0 {
		return nil
	}
	out := slices.Clone(ds)
	slices.SortFunc(out, Date.Compare)
	return slices.Compact(out)
}

// jan1 returns 1 January of year y, which must be in the Date range.
func jan1(y int) Date { return Date{int32(daysFromCivil(y, time.January, 1) + unixOffset)} }

// christmasDay returns 25 December of year y.
func christmasDay(y int) Date {
	return Date{int32(daysFromCivil(y, time.December, 25) + unixOffset)}
}

// goodFriday returns Good Friday of year y: two days before Easter Sunday
// in the Gregorian calendar, as the Church of England computes it (the
// anonymous Gregorian computus published in Nature in 1876).
func goodFriday(y int) Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{int32(daysFromCivil(y, time.Month(month), day) + unixOffset - 2)}
}

// days returns the number of days covered.
func (c *Calendar) days() int {
	if c == nil || len(c.cum) == 0 {
		return 0
	}
	return len(c.cum) - 1
}

// Covers returns the days the calendar covers, as a half-open period
// [first day, day after the last). It returns the zero (empty) Period for
// the zero Calendar and for a nil *Calendar.
func (c *Calendar) Covers() Period {
	n := c.days()
	if n == 0 {
		return Period{}
	}
	return Period{Start: c.start, End: c.start.AddDays(n)}
}

// IsWorkingDay reports whether d is a working day: not a Saturday, Sunday,
// Christmas Day, Good Friday or holiday of the calendar. It reports false
// for the zero Date and for every day outside the calendar's coverage, so
// a false result does not by itself mean d is a holiday; check
// [Calendar.Covers] where that matters. It does not allocate and is safe
// for concurrent use.
func (c *Calendar) IsWorkingDay(d Date) bool {
	i, ok := c.index(d)
	return ok && c.cum[i+1] != c.cum[i]
}

// index returns the position of d in the coverage (its offset from the
// first day covered), and false if it has none; [Calendar.errIndex] says
// why. It is the hot path's only bounds check, kept small to be inlined.
func (c *Calendar) index(d Date) (int, bool) {
	if c == nil || d.n == 0 {
		return 0, false
	}
	i := int(d.n) - int(c.start.n)
	return i, i >= 0 && i+1 < len(c.cum)
}

// errIndex explains why d has no position in the coverage.
func (c *Calendar) errIndex(d Date) error {
	switch {
	case c.days() == 0:
		return errNoCoverage
	case d.n == 0:
		return errZeroDate
	}
	return c.errOutside(d)
}

var errZeroDate = fmt.Errorf("%w: working-day arithmetic on the zero date", ErrInvalidDate)

func (c *Calendar) errOutside(d Date) error {
	return fmt.Errorf("%w: %v (year %d) is not in %v", ErrOutsideCalendar, d, d.Year(), c.Covers())
}

// AddWorkingDays returns the nth working day after d. The counting
// convention is the library's throughout: d is day 0 and is not counted,
// so AddWorkingDays(d, 1) is the first working day after d, and "within 20
// working days of d" means on or before AddWorkingDays(d, 20). With n = 0
// it returns d unchanged, even if d is not a working day. A negative n
// counts back: the result is the |n|th working day before d. For n != 0
// the result is always a working day.
//
// For n >= 0, WorkingDaysBetween(d, AddWorkingDays(d, n)) == n.
//
// It returns an error wrapping [ErrInvalidDate] if d is the zero Date, and
// one wrapping [ErrOutsideCalendar], naming the date and year, if d or the
// result lies outside the calendar's coverage (always, for the zero
// Calendar). It takes constant time, does not allocate unless it fails, and
// is safe for concurrent use. See also [Calendar.WorkingDayDeadline].
func (c *Calendar) AddWorkingDays(d Date, n int) (Date, error) {
	i, ok := c.index(d)
	if !ok {
		return Date{}, c.errIndex(d)
	}
	// k is the 0-based ordinal of the result among the working days
	// covered. A huge n cannot wrap k round to a valid ordinal: the counts
	// in cum are below 2^31.
	var k int
	switch {
	case n > 0:
		k = int(c.cum[i+1]) + n - 1
	case n < 0:
		k = int(c.cum[i]) + n
	default:
		return d, nil
	}
	if k < 0 || k >= len(c.ord) {
		return Date{}, c.errResult(d, n)
	}
	return Date{c.start.n + c.ord[k]}, nil
}

// errResult reports that counting n working days from d leaves the
// coverage.
func (c *Calendar) errResult(d Date, n int) error {
	cov := c.Covers()
	if n > 0 {
		return fmt.Errorf("%w: counting %d working days from %v runs past %v, the last day covered, into year %d",
			ErrOutsideCalendar, n, d, cov.End.AddDays(-1), cov.End.Year())
	}
	return fmt.Errorf("%w: counting %d working days from %v runs before %v, the first day covered, into year %d",
		ErrOutsideCalendar, n, d, cov.Start, cov.Start.Year()-1)
}

// WorkingDaysBetween returns the number of working days in (a, b]: a is not
// counted and b is. It is the inverse of [Calendar.AddWorkingDays]: for
// n >= 0, WorkingDaysBetween(d, AddWorkingDays(d, n)) == n. If b is before
// a it returns the negative of WorkingDaysBetween(b, a), and it returns 0
// when a == b.
//
// It returns an error wrapping [ErrInvalidDate] if either date is zero, and
// one wrapping [ErrOutsideCalendar] if either lies outside the calendar's
// coverage. It takes constant time, does not allocate unless it fails, and
// is safe for concurrent use.
func (c *Calendar) WorkingDaysBetween(a, b Date) (int, error) {
	ia, ok := c.index(a)
	if !ok {
		return 0, c.errIndex(a)
	}
	ib, ok := c.index(b)
	if !ok {
		return 0, c.errIndex(b)
	}
	return int(c.cum[ib+1]) - int(c.cum[ia+1]), nil
}

// Holidays returns, in date order, the days in p that are within the
// calendar's coverage and are not working days although they fall Monday
// to Friday: bank holidays, Christmas Day, Good Friday and closure days.
// Weekends are left out. An ongoing p runs to the end of the coverage. The
// slice is freshly allocated; it is nil if there are no such days.
func (c *Calendar) Holidays(p Period) []Date {
	if c.days() == 0 || p.IsEmpty() {
		return nil
	}
	lo, _ := slices.BinarySearchFunc(c.off, p.Start, Date.Compare)
	hi := len(c.off)
	if !p.End.IsZero() {
		hi, _ = slices.BinarySearchFunc(c.off, p.End, Date.Compare)
	}
	if lo >= hi {
		return nil
	}
	return slices.Clone(c.off[lo:hi])
}

// WithClosures returns a new calendar that is c with the given days also
// treated as non-working days: an authority's own closure days, for
// example. c itself is unchanged. Closure days at weekends change nothing.
// Closures are kept apart from bank holidays, so
// [Calendar.WithBankHolidaysJSON] later keeps them.
//
// Every day must be a non-zero date inside c's coverage: otherwise it
// returns a nil *Calendar and a [ValidationErrors] with paths "days[i]",
// wrapping [ErrInvalidDate] or [ErrOutsideCalendar]. On the zero Calendar
// it always fails with [ErrOutsideCalendar]. The result is safe for
// concurrent use.
func (c *Calendar) WithClosures(days ...Date) (*Calendar, error) {
	if c.days() == 0 {
		return nil, errNoCoverage
	}
	cov := c.Covers()
	var errs ValidationErrors
	for i, d := range days {
		switch {
		case d.IsZero():
			errs.Add(Index("days", i), fmt.Errorf("%w: zero date as a closure day", ErrInvalidDate))
		case !cov.Contains(d):
			errs.Add(Index("days", i), c.errOutside(d))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return buildCalendar(cov.Start, cov.End, c.bank, append(slices.Clone(c.closures), days...)), nil
}

// Counting is a convention for where a count of working days starts: it
// settles whether the anchor day of "within N working days of D" is counted.
// The library's default, the zero value [CountFromNextDay], does not count
// D. Authorities that count D itself as day 1 use [CountFromAnchorDay]. It
// is an open question in the regulations (see reference/settled.md, note
// N2): the CPPCR says "beginning with the day" where it means to count D
// (reg. 27B(2)), and "within … of" elsewhere.
//
// Counting marshals to and from text as "from-next-day" and
// "from-anchor-day"; the empty text unmarshals to the zero value,
// [CountFromNextDay]. A Counting is a plain value, safe to use from
// multiple goroutines at once.
type Counting uint8

const (
	// CountFromNextDay counts from the day after the anchor: the anchor is
	// day 0 and the deadline is the Nth working day after it. It is the
	// default and the reading the library recommends.
	CountFromNextDay Counting = iota
	// CountFromAnchorDay counts the anchor day itself as day 1 when it is
	// a working day (when it is not, both conventions give the same
	// deadline).
	CountFromAnchorDay
)

var countingNames = [...]string{"from-next-day", "from-anchor-day"}

// String returns "from-next-day" or "from-anchor-day", and a form such as
// "Counting(7)" for a value that is not one of the constants.
func (k Counting) String() string {
	if int(k) < len(countingNames) {
		return countingNames[k]
	}
	return fmt.Sprintf("Counting(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler]: "from-next-day" or
// "from-anchor-day". It fails for a value that is not one of the constants.
func (k Counting) MarshalText() ([]byte, error) {
	if int(k) >= len(countingNames) {
		return nil, fmt.Errorf("care: cannot marshal counting convention %d", uint8(k))
	}
	return []byte(countingNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts
// "from-next-day", "from-anchor-day", and "" for the zero value
// ([CountFromNextDay]); anything else is a [*ParseError] wrapping
// [ErrUnknownCode].
func (k *Counting) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = CountFromNextDay
		return nil
	}
	for i, name := range countingNames {
		if string(b) == name {
			*k = Counting(i)
			return nil
		}
	}
	return &ParseError{Input: string(b), Type: "counting convention",
		Err: fmt.Errorf("%w: want from-next-day or from-anchor-day", ErrUnknownCode)}
}

// WorkingDayDeadline returns the last day of "within n working days of
// anchor" under the given counting convention:
//
//   - [CountFromNextDay] (the default): the nth working day after anchor,
//     anchor being day 0; the same as AddWorkingDays(anchor, n).
//   - [CountFromAnchorDay]: the nth working day counting anchor as day 1 if
//     it is a working day; the same as AddWorkingDays(anchor - 1 day, n).
//     The conventions differ only when anchor is a working day, by one
//     working day.
//
// For example, with anchor Monday 2 March 2026 and n = 5, CountFromNextDay
// gives Monday 9 March and CountFromAnchorDay gives Friday 6 March.
//
// It returns the errors of [Calendar.AddWorkingDays], and one wrapping
// [ErrUnknownCode] for a counting value that is not one of the constants.
// It does not allocate unless it fails and is safe for concurrent use.
func (c *Calendar) WorkingDayDeadline(anchor Date, n int, counting Counting) (Date, error) {
	switch counting {
	case CountFromNextDay:
		return c.AddWorkingDays(anchor, n)
	case CountFromAnchorDay:
		if n <= 0 {
			return c.AddWorkingDays(anchor.AddDays(-1), n)
		}
		// Counting from anchor inclusive: the same day as n working days
		// after the day before anchor, without needing that day covered.
		if c.IsWorkingDay(anchor) {
			n--
		}
		return c.AddWorkingDays(anchor, n)
	}
	return Date{}, fmt.Errorf("%w: counting convention %v", ErrUnknownCode, counting)
}
