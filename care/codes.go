package care

import (
	"fmt"
	"strconv"
	"time"
)

// The SSDA903 code lists.
//
// Every code list of the DfE "children looked after" return (SSDA903) is a
// named integer type in this package: [LegalStatus], [PlacementType],
// [PlacementProvider], [ReasonNewEpisode], [ReasonEpisodeCeased],
// [ReasonPlacementChange], [CategoryOfNeed], [MissingType],
// [Participation], [Ethnicity] and [Sex]. They share one shape:
//
//   - the zero value is the type's Unknown constant ("no code given"),
//     which prints and marshals as "";
//   - String returns the official code, exactly as the return spells it,
//     and a value outside the list as LegalStatus(200);
//   - Description returns a short English label;
//   - ParseX accepts the exact official code (case and spaces matter) and
//     returns a [*ParseError] wrapping [ErrUnknownCode] for anything else;
//   - MarshalText and UnmarshalText round-trip the official code;
//   - ValidIn reports whether the code may be used in a collection year,
//     since DfE adds and retires codes from year to year.
//
// The lists, their meanings and the years of change follow the SSDA903
// guidance and technical specification as published by the Department for
// Education, read through the open validator of the return
// (data-to-insight/csc-validator-be-903). Each type is backed by one table
// (code, description, first year, last year); the helpers below do the rest.

// codeEntry is one row of a code table.
type codeEntry struct {
	code  string         // the official code; "" only for the Unknown row
	desc  string         // a short English label
	first CollectionYear // first collection year the code is valid in; 0: no known start
	last  CollectionYear // last collection year the code is valid in; 0: still valid
}

// codeTable is the code list of one type. Row i describes the value i;
// row 0 is the type's Unknown value. Tables are built once, at package
// initialisation, and never modified.
type codeTable struct {
	goName string // the Go type name, for printing values outside the list
	what   string // what ParseError.Type says: "legal status", …
	rows   []codeEntry
}

// known reports whether v is a value of the list other than Unknown.
func (t *codeTable) known(v int) bool {
	return v > 0 && v < len(t.rows) && t.rows[v].code != ""
}

// str returns the official code of v: "" for Unknown, and the type's name
// and number, LegalStatus(200), for a value outside the list (as the
// stringer tool prints one; never fmt's %!LegalStatus(200), which reads as
// a formatting error).
func (t *codeTable) str(v int) string {
	if v == 0 {
		return ""
	}
	if !t.known(v) {
		return t.goName + "(" + strconv.Itoa(v) + ")"
	}
	return t.rows[v].code
}

// desc returns the label of v, or "" for Unknown and values outside the
// list.
func (t *codeTable) desc(v int) string {
	if !t.known(v) {
		return ""
	}
	return t.rows[v].desc
}

// validIn reports whether v is a known code valid in collection year y.
func (t *codeTable) validIn(v int, y CollectionYear) bool {
	if !t.known(v) || !y.valid() {
		return false
	}
	r := t.rows[v]
	return (r.first == 0 || y >= r.first) && (r.last == 0 || y <= r.last)
}

// lookup returns the value whose code is exactly s, or false. The lists are
// short (at most a few dozen codes), so a linear scan is as fast as a map
// and needs no extra state.
func (t *codeTable) lookup(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i, r := range t.rows {
		if r.code == s {
			return i, true
		}
	}
	return 0, false
}

// parseCode parses an official code of table t.
func parseCode[T ~uint8](t *codeTable, s string) (T, error) {
	if i, ok := t.lookup(s); ok {
		return T(i), nil
	}
	return 0, &ParseError{Input: s, Type: t.what, Err: ErrUnknownCode}
}

// allCodes returns a fresh slice of every known value of t, in table order.
func allCodes[T ~uint8](t *codeTable) []T {
	out := make([]T, 0, len(t.rows)-1)
	for i := 1; i < len(t.rows); i++ {
		if t.rows[i].code != "" {
			out = append(out, T(i))
		}
	}
	return out
}

// marshalCode returns the code of v as text: empty for Unknown, an error
// wrapping ErrUnknownCode for a value outside the list.
func marshalCode(t *codeTable, v int) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.known(v) {
		return nil, fmt.Errorf("care: cannot marshal %s: %w", t.str(v), ErrUnknownCode)
	}
	return []byte(t.rows[v].code), nil
}

// unmarshalCode sets *p from text: empty text is Unknown, anything else
// must be an official code.
func unmarshalCode[T ~uint8](t *codeTable, b []byte, p *T) error {
	if len(b) == 0 {
		*p = 0
		return nil
	}
	v, err := parseCode[T](t, string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// CollectionYear is an SSDA903 collection year, named by the calendar year
// in which it starts: CollectionYear(2025) is the 2025–26 return, covering
// 1 April 2025 to 31 March 2026 inclusive. The zero CollectionYear means
// "unset". Supported years are 1 to 9998.
type CollectionYear int

// valid reports whether y is a supported, set year.
func (y CollectionYear) valid() bool { return y >= 1 && y <= 9998 }

// CollectionYearOf returns the collection year that contains d: the year
// of d if d is on or after 1 April, and the year before otherwise. So 31
// March 2026 is in 2025–26 and 1 April 2026 in 2026–27. It returns the zero
// CollectionYear for the zero Date and for days before 1 April of year 1.
func CollectionYearOf(d Date) CollectionYear {
	if d.IsZero() {
		return 0
	}
	y, m, _ := d.Date()
	if m < time.April {
		y--
	}
	if y < 1 || y > 9998 {
		return 0
	}
	return CollectionYear(y)
}

// Period returns the days of y as a half-open period: from 1 April of y
// to 1 April of the next year, so that its last day is 31 March. It
// returns the zero Period for the zero year and years outside 1 to 9998.
func (y CollectionYear) Period() Period {
	if !y.valid() {
		return Period{}
	}
	return Period{
		Start: MustDate(int(y), time.April, 1),
		End:   MustDate(int(y)+1, time.April, 1),
	}
}

// String returns y in the DfE's form, "2025-26" (a hyphen, and the last two
// digits of the year in which it ends). The zero year prints as "", and a
// year outside 1 to 9998 as CollectionYear(n).
func (y CollectionYear) String() string {
	if y == 0 {
		return ""
	}
	if !y.valid() {
		return "CollectionYear(" + strconv.Itoa(int(y)) + ")"
	}
	return fmt.Sprintf("%04d-%02d", int(y), (int(y)+1)%100)
}

// ParseCollectionYear parses a collection year in the form "2025-26", as
// [CollectionYear.String] prints it: four digits, a hyphen, and the last two
// digits of the following year. An error is a [*ParseError] wrapping
// [ErrUnknownCode].
func ParseCollectionYear(s string) (CollectionYear, error) {
	bad := &ParseError{Input: s, Type: "collection year", Err: ErrUnknownCode}
	if len(s) != 7 || s[4] != '-' {
		return 0, bad
	}
	y, ok1 := digits(s[0:4])
	e, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1 || y > 9998 || e != (y+1)%100 {
		return 0, bad
	}
	return CollectionYear(y), nil
}

// MarshalText implements [encoding.TextMarshaler]: "2025-26", and "" for
// the zero year. A year outside 1 to 9998 is an error wrapping
// [ErrUnknownCode].
func (y CollectionYear) MarshalText() ([]byte, error) {
	if y == 0 {
		return []byte{}, nil
	}
	if !y.valid() {
		return nil, fmt.Errorf("care: cannot marshal %s: %w", y, ErrUnknownCode)
	}
	return []byte(y.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (the
// zero year) and the form "2025-26", as [ParseCollectionYear] does.
func (y *CollectionYear) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*y = 0
		return nil
	}
	v, err := ParseCollectionYear(string(b))
	if err != nil {
		return err
	}
	*y = v
	return nil
}
