package care

import (
	"errors"
	"fmt"
)

// ErrInvalidClock reports a time of day that does not exist, such as 24:30.
var ErrInvalidClock = errors.New("care: invalid time of day")

// Clock is an optional local wall-clock time of day, to the minute, as a
// case record holds it beside a [Date]: "returned 2025-05-02 at 23:00". It
// carries no date and no time zone; the time is the one written in England
// (GMT or BST, whichever was in force), exactly as recorded.
//
// The zero Clock means "time not recorded" and is not midnight: [Clock.IsZero]
// reports it, it prints as "" and it marshals to "". Midnight is [NewClock](0, 0).
//
// Clock exists so that a return from a missing episode can be timed to the
// minute (MISS-01, 72 hours) without changing [Date] everywhere else; see
// [Moment] for a date with an optional Clock, and [Moment.Instant] for the
// instant a date and Clock name.
//
// A Clock is an immutable value, comparable with ==, and safe to use from
// multiple goroutines at once.
type Clock struct {
	m int16 // minutes since midnight + 1; 0 is "not recorded"
}

// NewClock returns the time hh:mm. It returns an error wrapping
// [ErrInvalidClock] unless 0 <= hh <= 23 and 0 <= mm <= 59.
func NewClock(hh, mm int) (Clock, error) {
	if hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return Clock{}, fmt.Errorf("%w: %02d:%02d", ErrInvalidClock, hh, mm)
	}
	return Clock{int16(hh*60 + mm + 1)}, nil
}

// MustClock is like [NewClock] but panics on a time that does not exist. It
// is intended for tests and examples with hard-coded times.
func MustClock(hh, mm int) Clock {
	c, err := NewClock(hh, mm)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseClock parses a 24-hour time "HH:MM" and nothing else (no seconds, no
// "am"/"pm", no zone). An error is a [*ParseError] wrapping [ErrInvalidClock].
func ParseClock(s string) (Clock, error) {
	if len(s) != 5 || s[2] != ':' {
		return Clock{}, &ParseError{Input: s, Type: "time of day", Err: fmt.Errorf("%w: want HH:MM", ErrInvalidClock)}
	}
	hh, ok1 := digits(s[0:2])
	mm, ok2 := digits(s[3:5])
	if !ok1 || !ok2 {
		return Clock{}, &ParseError{Input: s, Type: "time of day", Err: fmt.Errorf("%w: want HH:MM", ErrInvalidClock)}
	}
	c, err := NewClock(hh, mm)
	if err != nil {
		return Clock{}, &ParseError{Input: s, Type: "time of day", Err: err}
	}
	return c, nil
}

// IsZero reports whether c is the zero Clock: no time recorded.
func (c Clock) IsZero() bool { return c.m == 0 }

// Minutes returns the minutes since midnight (0 to 1439), and -1 for the
// zero Clock.
func (c Clock) Minutes() int { return int(c.m) - 1 }

// String returns "HH:MM", or "" for the zero Clock.
func (c Clock) String() string {
	if c.m <= 0 || c.m > 1440 {
		return ""
	}
	var b [5]byte
	return string(c.appendText(b[:0]))
}

func (c Clock) appendText(b []byte) []byte {
	n := int(c.m) - 1
	h, m := n/60, n%60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// MarshalText implements [encoding.TextMarshaler]: "HH:MM", and "" for the
// zero Clock, so JSON round-trips.
func (c Clock) MarshalText() ([]byte, error) {
	if c.m == 0 {
		return []byte{}, nil
	}
	if c.m < 0 || c.m > 1440 {
		return nil, fmt.Errorf("%w: %d minutes", ErrInvalidClock, c.m-1)
	}
	return c.appendText(make([]byte, 0, 5)), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (the
// zero Clock) and "HH:MM", as [ParseClock] does.
func (c *Clock) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Clock{}
		return nil
	}
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Moment is a recorded date with an optional time of day: the Date is
// required for a moment to be set, the Clock may be zero when only the day
// is known. Both are on the clock in England, GMT or BST as then in force.
// Timescales in hours compare moments as instants ([Moment.Instant]), so
// that across a change of the clocks the hours counted are real ones; a
// time in the hour the clocks repeat or skip is read as Instant says.
//
// A Moment is an immutable value, safe to use from multiple goroutines at
// once.
type Moment struct {
	Date  Date  `json:"date"`
	Clock Clock `json:"time,omitzero"`
}

// IsZero reports whether m has no date.
func (m Moment) IsZero() bool { return m.Date.IsZero() }

// String returns "2025-05-02 23:00", "2025-05-02" when no time is recorded,
// or "" for the zero Moment.
func (m Moment) String() string {
	if m.Clock.IsZero() {
		return m.Date.String()
	}
	return m.Date.String() + " " + m.Clock.String()
}

// minuteOf returns m as minutes since the date epoch, with an unrecorded
// time taken as the given default minute of the day (0 or 1439).
func (m Moment) minuteOf(unknown int) int64 {
	mins := unknown
	if !m.Clock.IsZero() {
		mins = m.Clock.Minutes()
	}
	return int64(m.Date.n)*1440 + int64(mins)
}
