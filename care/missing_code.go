package care

// MissingType says whether a looked-after child was missing or away from
// their placement without authorisation: the SSDA903 field MISSING of the
// Missing table (DfE "children looked after" return guidance). Missing
// means the child's whereabouts were not known; away means they were known
// but the child was not where they should have been. The zero value,
// [MissingTypeUnknown], means no type was given.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type MissingType uint8

// Missing and away codes (SSDA903 MISSING).
const (
	MissingTypeUnknown MissingType = iota // no type given; prints as ""
	MissingTypeMissing                    // M: missing, whereabouts not known
	MissingTypeAway                       // A: away from placement without authorisation, whereabouts known
)

// missingTable is the SSDA903 missing/away list. Neither code is known to
// have changed in the years the reference covers.
var missingTable = codeTable{goName: "MissingType", what: "missing or away", rows: []codeEntry{
	MissingTypeUnknown: {},
	MissingTypeMissing: {code: "M", desc: "missing from placement, whereabouts not known"},
	MissingTypeAway:    {code: "A", desc: "away from placement without authorisation, whereabouts known"},
}}

// ParseMissingType parses an SSDA903 missing/away code: "M" or "A". The
// code must match exactly. An empty or unknown code returns a
// [*ParseError] wrapping [ErrUnknownCode].
func ParseMissingType(s string) (MissingType, error) {
	return parseCode[MissingType](&missingTable, s)
}

// MissingTypes returns both SSDA903 missing/away codes, M then A. The slice
// is new on each call.
func MissingTypes() []MissingType { return allCodes[MissingType](&missingTable) }

// String returns the official SSDA903 code ("M" or "A"), "" for
// [MissingTypeUnknown], and MissingType(n) for a value outside the list.
func (m MissingType) String() string { return missingTable.str(int(m)) }

// IsKnown reports whether m is a code of the SSDA903 list in any year:
// false for [MissingTypeUnknown] and for values outside the list. Use
// [MissingType.ValidIn] to check a particular collection year.
func (m MissingType) IsKnown() bool { return missingTable.known(int(m)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [MissingTypeUnknown] and for values
// outside the list.
func (m MissingType) Description() string { return missingTable.desc(int(m)) }

// ValidIn reports whether m is in the SSDA903 missing/away list of
// collection year y. Both codes are valid in every year the reference
// covers; Unknown and values outside the list are never valid.
func (m MissingType) ValidIn(y CollectionYear) bool { return missingTable.validIn(int(m), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [MissingTypeUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (m MissingType) MarshalText() ([]byte, error) { return marshalCode(&missingTable, int(m)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [MissingTypeUnknown]) and the codes [ParseMissingType] accepts.
func (m *MissingType) UnmarshalText(b []byte) error {
	return unmarshalCode(&missingTable, b, m)
}
