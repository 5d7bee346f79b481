package ssda903

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lookedafter/practice/care"
)

// The return writes dates as dd/mm/yyyy: ParseDate reads them, FormatDate
// writes them.

// ParseDate parses a date of the return, dd/mm/yyyy, with surrounding
// spaces trimmed and the day and month in one digit or two ("1/4/2025" is
// 1 April 2025, as the DfE's tool reads it). "" (after trimming) is the
// zero Date and no error. The error is a [*care.ParseError] wrapping
// [care.ErrInvalidDate], which quotes the input; a caller reading a date
// of birth sets its Private field.
func ParseDate(s string) (care.Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return care.Date{}, nil
	}
	d, m, y, ok := splitDate(t)
	if !ok {
		return care.Date{}, &care.ParseError{Input: s, Type: "date", Err: errDateForm}
	}
	dd, ok1 := small(d)
	mm, ok2 := small(m)
	yy, ok3 := digitsN(y, 4)
	if !ok1 || !ok2 || !ok3 || len(y) != 4 {
		return care.Date{}, &care.ParseError{Input: s, Type: "date", Err: errDateForm}
	}
	date, err := care.NewDate(yy, time.Month(mm), dd)
	if err != nil {
		return care.Date{}, &care.ParseError{Input: s, Type: "date", Err: fmt.Errorf("%w: no such day", care.ErrInvalidDate)}
	}
	return date, nil
}

var errDateForm = fmt.Errorf("%w: want dd/mm/yyyy", care.ErrInvalidDate)

// splitDate splits "a/b/c" into its three parts.
func splitDate(s string) (a, b, c string, ok bool) {
	i := strings.IndexByte(s, '/')
	if i < 0 {
		return "", "", "", false
	}
	j := strings.IndexByte(s[i+1:], '/')
	if j < 0 {
		return "", "", "", false
	}
	j += i + 1
	return s[:i], s[i+1 : j], s[j+1:], true
}

// small parses one or two ASCII digits.
func small(s string) (int, bool) {
	if len(s) < 1 || len(s) > 2 {
		return 0, false
	}
	return digitsN(s, len(s))
}

// FormatDate returns d as the return writes it, dd/mm/yyyy, and "" for
// the zero Date.
func FormatDate(d care.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Date()
	b := make([]byte, 0, 10)
	b = append2(b, dd)
	b = append(b, '/')
	b = append2(b, int(m))
	b = append(b, '/')
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	return string(b)
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

// NullInt is a whole number that may be blank: SDQ_SCORE, NB_ADOPTR.
type NullInt struct {
	Int   int
	Valid bool // false: blank
}

// String returns the number in decimal, or "" when blank.
func (n NullInt) String() string {
	if !n.Valid {
		return ""
	}
	return strconv.Itoa(n.Int)
}

// parseNullInt parses a cell as a whole number of at most nine digits:
// blank is not Valid.
func parseNullInt(s string) (NullInt, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return NullInt{}, nil
	}
	if len(t) > 9 {
		return NullInt{}, fmt.Errorf("%w: %s", ErrNotNumber, care.Excerpt(s))
	}
	v, ok := digitsN(t, len(t))
	if !ok {
		return NullInt{}, fmt.Errorf("%w: %s", ErrNotNumber, care.Excerpt(s))
	}
	return NullInt{Int: v, Valid: true}, nil
}

// PartialDate is a date of which the day, or the day and the month, or
// all may be unknown, as the return allows for the date of a previous
// permanence order (PrevPerm's DATE_PERM): dd/mm/yyyy with "zz" for an
// unknown day or month and "zzzz" for an unknown year (ZZ/05/2021,
// ZZ/ZZ/1993, ZZ/ZZ/ZZZZ; the DfE validator's rule 632). The zero value is
// a blank cell; ZZ/ZZ/ZZZZ, a date given as wholly unknown, is not zero.
//
// A PartialDate is an immutable value, comparable with ==.
type PartialDate struct {
	year, month, day int
	set              bool
}

// PartialDateOf returns the full date d as a PartialDate; the zero Date
// gives the zero PartialDate.
func PartialDateOf(d care.Date) PartialDate {
	if d.IsZero() {
		return PartialDate{}
	}
	y, m, dd := d.Date()
	return PartialDate{year: y, month: int(m), day: dd, set: true}
}

// ParsePartialDate parses a DATE_PERM: dd/mm/yyyy, ZZ/mm/yyyy, ZZ/ZZ/yyyy
// or ZZ/ZZ/ZZZZ (the Zs in any case; the day and month in one digit or
// two), with surrounding spaces trimmed. "" is the zero PartialDate. An
// unknown month with a known day, or an unknown year with a known month,
// is an error, a [*care.ParseError] wrapping [care.ErrInvalidDate].
func ParsePartialDate(s string) (PartialDate, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return PartialDate{}, nil
	}
	bad := &care.ParseError{Input: s, Type: "partial date", Err: fmt.Errorf("%w: want dd/mm/yyyy, with ZZ for an unknown day or month and ZZZZ for an unknown year", care.ErrInvalidDate)}
	d, m, y, ok := splitDate(t)
	if !ok {
		return PartialDate{}, bad
	}
	zz := func(p string, n int) bool { return len(p) == n && strings.Trim(p, "zZ") == "" }
	var p PartialDate
	p.set = true
	switch {
	case zz(y, 4):
		if !zz(m, 2) || !zz(d, 2) {
			return PartialDate{}, bad
		}
		return p, nil
	case len(y) == 4:
		v, ok := digitsN(y, 4)
		if !ok || v == 0 {
			return PartialDate{}, bad
		}
		p.year = v
	default:
		return PartialDate{}, bad
	}
	if zz(m, 2) {
		if !zz(d, 2) {
			return PartialDate{}, bad
		}
		return p, nil
	}
	mm, ok := small(m)
	if !ok || mm < 1 || mm > 12 {
		return PartialDate{}, bad
	}
	p.month = mm
	if zz(d, 2) {
		return p, nil
	}
	dd, ok := small(d)
	if !ok {
		return PartialDate{}, bad
	}
	if _, err := care.NewDate(p.year, time.Month(mm), dd); err != nil {
		return PartialDate{}, bad
	}
	p.day = dd
	return p, nil
}

// IsZero reports whether p is blank.
func (p PartialDate) IsZero() bool { return !p.set }

// Year returns the year, or 0 if it is not known.
func (p PartialDate) Year() int { return p.year }

// Month returns the month, or 0 if it is not known.
func (p PartialDate) Month() time.Month { return time.Month(p.month) }

// Day returns the day of the month, or 0 if it is not known.
func (p PartialDate) Day() int { return p.day }

// Date returns p as a full date, and false if any part of it is unknown
// (or p is blank).
func (p PartialDate) Date() (care.Date, bool) {
	if !p.set || p.day == 0 {
		return care.Date{}, false
	}
	d, err := care.NewDate(p.year, time.Month(p.month), p.day)
	return d, err == nil
}

// String returns p as the return writes it: "05/11/2019", "ZZ/11/2019",
// "ZZ/ZZ/2019" or "ZZ/ZZ/ZZZZ"; "" when blank.
func (p PartialDate) String() string {
	if !p.set {
		return ""
	}
	if p.year == 0 {
		return "ZZ/ZZ/ZZZZ"
	}
	b := make([]byte, 0, 10)
	if p.day == 0 {
		b = append(b, "ZZ"...)
	} else {
		b = append2(b, p.day)
	}
	b = append(b, '/')
	if p.month == 0 {
		b = append(b, "ZZ"...)
	} else {
		b = append2(b, p.month)
	}
	b = append(b, '/')
	b = append(b, fmt.Sprintf("%04d", p.year)...)
	return string(b)
}

// MarshalText implements [encoding.TextMarshaler], as String.
func (p PartialDate) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler], as
// [ParsePartialDate].
func (p *PartialDate) UnmarshalText(b []byte) error {
	v, err := ParsePartialDate(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}
