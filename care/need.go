package care

// CategoryOfNeed is the main reason a child needed children's social care
// services when they became looked after: the SSDA903 field CIN (DfE
// "children looked after" return guidance, category of need code list,
// shared with the children in need census). The zero value,
// [CategoryOfNeedUnknown], means no category was given.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type CategoryOfNeed uint8

// Category of need codes (SSDA903 CIN). Each constant is named after its
// code.
const (
	CategoryOfNeedUnknown CategoryOfNeed = iota // no category given; prints as ""
	CategoryOfNeedN1                            // N1: abuse or neglect
	CategoryOfNeedN2                            // N2: the child's disability
	CategoryOfNeedN3                            // N3: parental illness or disability
	CategoryOfNeedN4                            // N4: family in acute stress
	CategoryOfNeedN5                            // N5: family dysfunction
	CategoryOfNeedN6                            // N6: socially unacceptable behaviour
	CategoryOfNeedN7                            // N7: low income
	CategoryOfNeedN8                            // N8: absent parenting
)

// needTable is the SSDA903 category of need list. No code is known to have
// been added or retired in the years the reference covers.
var needTable = codeTable{goName: "CategoryOfNeed", what: "category of need", rows: []codeEntry{
	CategoryOfNeedUnknown: {},
	CategoryOfNeedN1:      {code: "N1", desc: "abuse or neglect"},
	CategoryOfNeedN2:      {code: "N2", desc: "the child's disability"},
	CategoryOfNeedN3:      {code: "N3", desc: "a parent's illness or disability"},
	CategoryOfNeedN4:      {code: "N4", desc: "family in acute stress"},
	CategoryOfNeedN5:      {code: "N5", desc: "family dysfunction"},
	CategoryOfNeedN6:      {code: "N6", desc: "socially unacceptable behaviour"},
	CategoryOfNeedN7:      {code: "N7", desc: "low income"},
	CategoryOfNeedN8:      {code: "N8", desc: "absent parenting"},
}}

// ParseCategoryOfNeed parses an SSDA903 category of need code, "N1" to
// "N8". The code must match exactly. An empty or unknown code returns a
// [*ParseError] wrapping [ErrUnknownCode].
func ParseCategoryOfNeed(s string) (CategoryOfNeed, error) {
	return parseCode[CategoryOfNeed](&needTable, s)
}

// CategoriesOfNeed returns every SSDA903 category of need code, N1 to N8.
// The slice is new on each call.
func CategoriesOfNeed() []CategoryOfNeed { return allCodes[CategoryOfNeed](&needTable) }

// String returns the official SSDA903 code ("N1"), "" for
// [CategoryOfNeedUnknown], and CategoryOfNeed(n) for a value outside the
// list.
func (c CategoryOfNeed) String() string { return needTable.str(int(c)) }

// IsKnown reports whether c is a code of the SSDA903 list in any year:
// false for [CategoryOfNeedUnknown] and for values outside the list. Use
// [CategoryOfNeed.ValidIn] to check a particular collection year.
func (c CategoryOfNeed) IsKnown() bool { return needTable.known(int(c)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [CategoryOfNeedUnknown] and for
// values outside the list.
func (c CategoryOfNeed) Description() string { return needTable.desc(int(c)) }

// ValidIn reports whether c is in the SSDA903 category of need list of
// collection year y. Every code is valid in every year the reference
// covers; Unknown and values outside the list are never valid.
func (c CategoryOfNeed) ValidIn(y CollectionYear) bool { return needTable.validIn(int(c), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [CategoryOfNeedUnknown]. A value outside the list is an error
// wrapping [ErrUnknownCode].
func (c CategoryOfNeed) MarshalText() ([]byte, error) { return marshalCode(&needTable, int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [CategoryOfNeedUnknown]) and the codes [ParseCategoryOfNeed] accepts.
func (c *CategoryOfNeed) UnmarshalText(b []byte) error {
	return unmarshalCode(&needTable, b, c)
}
