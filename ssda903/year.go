package ssda903

import (
	"strings"

	"github.com/lookedafter/practice/care"
)

// ParseYear parses a collection year in any of the spellings the DfE and
// the tools around the return use, and returns it as a
// [care.CollectionYear] (named by the year in which it starts:
// CollectionYear(2025) is 2025–26, 1 April 2025 to 31 March 2026). This
// package uses care.CollectionYear everywhere else; ParseYear is for the
// edges, where a year arrives as text.
//
// It accepts, with surrounding spaces and in any case:
//
//   - "2025-26", as [care.CollectionYear.String] prints it, and "2025/26",
//     "2025_26", "2025-2026", "2025/2026", "2025_2026";
//   - the validator's rule-set names, "lac2025_26";
//   - a bare year, "2026", which names the collection by the year in which
//     it ends, as the DfE names the collection ("the 2026 collection",
//     children looked after at 31 March 2026) and as liia-tools names its
//     files: "2026" is 2025–26.
//
// The second year must follow the first. An error is a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseYear(s string) (care.CollectionYear, error) {
	bad := &care.ParseError{Input: s, Type: "collection year", Err: care.ErrUnknownCode}
	t := strings.TrimSpace(s)
	if len(t) >= 3 && strings.EqualFold(t[:3], "lac") {
		t = t[3:]
	}
	start, ok := digitsN(t, 4)
	if !ok {
		return 0, bad
	}
	rest := t[4:]
	if rest == "" {
		// A bare year is the year in which the collection ends.
		if start < 2 {
			return 0, bad
		}
		return care.CollectionYear(start - 1), nil
	}
	if c := rest[0]; c != '-' && c != '/' && c != '_' {
		return 0, bad
	}
	rest = rest[1:]
	switch len(rest) {
	case 2:
		end, ok := digitsN(rest, 2)
		if !ok || end != (start+1)%100 {
			return 0, bad
		}
	case 4:
		end, ok := digitsN(rest, 4)
		if !ok || end != start+1 {
			return 0, bad
		}
	default:
		return 0, bad
	}
	if start < 1 || start > 9998 {
		return 0, bad
	}
	return care.CollectionYear(start), nil
}

// digitsN returns the number written by the first n bytes of s, if s has
// at least n bytes and they are all ASCII digits.
func digitsN(s string, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	v := 0
	for i := range n {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
