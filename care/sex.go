package care

// Sex is a child's sex as recorded in the SSDA903 Header and UASC tables
// (DfE "children looked after" return guidance, field SEX). The zero value,
// [SexUnknown], means no code was given.
//
// The return has used two forms. Up to and including 2023–24 the codes were
// numeric: 1 for male and 2 for female. From 2024–25 they are letters: M,
// F and U. (The validator's lists for 2022–23 and 2023–24 have 1 and 2,
// and from 2024–25 M, F and U; earlier years are taken to use 1 and 2 as
// well. The meaning of U, "not known", is our reading: the reference lists
// the letter without a label.)
//
// [ParseSex] accepts both forms in any year. [Sex.String] and
// [Sex.MarshalText] always give the current letter form, so data read from
// an older return is written back in the current form; use [Sex.Code] for
// the form of a given year.
//
// The numeric values of the constants are not part of the API: store and
// exchange the code, not the number.
type Sex uint8

// Sex codes (SSDA903 SEX).
const (
	SexUnknown  Sex = iota // no code given; prints as ""
	SexMale                // M, or 1 before 2024–25
	SexFemale              // F, or 2 before 2024–25
	SexNotKnown            // U: recorded as not known (from 2024–25; no numeric form)
)

// sexLetterYear is the first collection year that uses the letter codes.
const sexLetterYear CollectionYear = 2024

// sexTable is the current (letter) form of the SSDA903 sex list.
var sexTable = codeTable{goName: "Sex", what: "sex", rows: []codeEntry{
	SexUnknown:  {},
	SexMale:     {code: "M", desc: "male"},
	SexFemale:   {code: "F", desc: "female"},
	SexNotKnown: {code: "U", desc: "not known", first: sexLetterYear},
}}

// sexNumeric is the numeric form used up to 2023–24; "" where the value has
// no numeric code.
var sexNumeric = [...]string{SexMale: "1", SexFemale: "2", SexNotKnown: ""}

// ParseSex parses an SSDA903 sex code in either form: "M", "F" or "U", or
// the older "1" (male) or "2" (female). The code must match exactly. An
// empty or unknown code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseSex(s string) (Sex, error) {
	for i, c := range sexNumeric {
		if c != "" && c == s {
			return Sex(i), nil
		}
	}
	return parseCode[Sex](&sexTable, s)
}

// Sexes returns every value of the SSDA903 sex list: male, female and not
// known. The slice is new on each call.
func Sexes() []Sex { return allCodes[Sex](&sexTable) }

// String returns the current (letter) SSDA903 code, "M", "F" or "U"; "" for
// [SexUnknown]; and Sex(n) for a value outside the list. Use [Sex.Code]
// for the form of an earlier year.
func (s Sex) String() string { return sexTable.str(int(s)) }

// Code returns the SSDA903 code of s in the form collection year y uses:
// "1" or "2" before 2024–25, and "M", "F" or "U" from 2024–25 (and when y
// is the zero year). [SexNotKnown] has no numeric form, so before 2024–25
// it returns "" for it, as it does for [SexUnknown]. A value outside the
// list prints as in [Sex.String].
func (s Sex) Code(y CollectionYear) string {
	if y == 0 || y >= sexLetterYear || !sexTable.known(int(s)) {
		return s.String()
	}
	return sexNumeric[s]
}

// IsKnown reports whether s is a code of the SSDA903 list in any year:
// false for [SexUnknown] and for values outside the list. Use
// [Sex.ValidIn] to check a particular collection year.
func (s Sex) IsKnown() bool { return sexTable.known(int(s)) }

// Description returns a short English label: "male", "female" or "not
// known". It returns "" for [SexUnknown] and for values outside the list.
func (s Sex) Description() string { return sexTable.desc(int(s)) }

// ValidIn reports whether s can be recorded in collection year y: male and
// female in every year (in the form [Sex.Code] gives), not known only from
// 2024–25. Unknown and values outside the list are never valid.
func (s Sex) ValidIn(y CollectionYear) bool { return sexTable.validIn(int(s), y) }

// MarshalText implements [encoding.TextMarshaler]: the current letter code,
// or "" for [SexUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (s Sex) MarshalText() ([]byte, error) { return marshalCode(&sexTable, int(s)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [SexUnknown]) and both forms [ParseSex] accepts.
func (s *Sex) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = SexUnknown
		return nil
	}
	v, err := ParseSex(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
