package care

// PlacementProvider is who provides a child's placement: the SSDA903 field
// PLACE_PROVIDER (DfE "children looked after" return guidance, placement
// provider code list). The zero value, [PlacementProviderUnknown], means no
// provider was given, which is correct for some placements: the return
// expects no provider for T0–T3 and, from 2025–26, for Z11–Z14.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type PlacementProvider uint8

// Placement provider codes (SSDA903 PLACE_PROVIDER). Each constant is named
// after its code.
const (
	PlacementProviderUnknown PlacementProvider = iota // no provider given; prints as ""
	PlacementProviderPR0                              // PR0: parent or other person with parental responsibility
	PlacementProviderPR1                              // PR1: the responsible authority's own provision
	PlacementProviderPR2                              // PR2: another local authority's provision
	PlacementProviderPR3                              // PR3: other public provision
	PlacementProviderPR4                              // PR4: private provision
	PlacementProviderPR5                              // PR5: voluntary or third sector provision
)

// providerTable is the SSDA903 placement provider list. No code is known
// to have been added or retired in the years the reference covers.
var providerTable = codeTable{goName: "PlacementProvider", what: "placement provider", rows: []codeEntry{
	PlacementProviderUnknown: {},
	PlacementProviderPR0:     {code: "PR0", desc: "a parent or other person with parental responsibility"},
	PlacementProviderPR1:     {code: "PR1", desc: "the authority's own provision, including a regional adoption agency it hosts"},
	PlacementProviderPR2:     {code: "PR2", desc: "another local authority's provision, including a regional adoption agency hosted by another authority"},
	PlacementProviderPR3:     {code: "PR3", desc: "other public sector provision"},
	PlacementProviderPR4:     {code: "PR4", desc: "private sector provision"},
	PlacementProviderPR5:     {code: "PR5", desc: "voluntary or third sector provision"},
}}

// ParsePlacementProvider parses an SSDA903 placement provider code such as
// "PR1". The code must match exactly. An empty or unknown code returns a
// [*ParseError] wrapping [ErrUnknownCode].
func ParsePlacementProvider(s string) (PlacementProvider, error) {
	return parseCode[PlacementProvider](&providerTable, s)
}

// PlacementProviders returns every SSDA903 placement provider code, in the
// order of the DfE list. The slice is new on each call.
func PlacementProviders() []PlacementProvider {
	return allCodes[PlacementProvider](&providerTable)
}

// String returns the official SSDA903 code ("PR1"), "" for
// [PlacementProviderUnknown], and PlacementProvider(n) for a value
// outside the list.
func (p PlacementProvider) String() string { return providerTable.str(int(p)) }

// IsKnown reports whether p is a code of the SSDA903 list in any year:
// false for [PlacementProviderUnknown] and for values outside the list. Use
// [PlacementProvider.ValidIn] to check a particular collection year.
func (p PlacementProvider) IsKnown() bool { return providerTable.known(int(p)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [PlacementProviderUnknown] and for
// values outside the list.
func (p PlacementProvider) Description() string { return providerTable.desc(int(p)) }

// ValidIn reports whether p is in the SSDA903 placement provider list of
// collection year y. Every provider code is valid in every year the
// reference covers; Unknown and values outside the list are never valid.
func (p PlacementProvider) ValidIn(y CollectionYear) bool { return providerTable.validIn(int(p), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [PlacementProviderUnknown]. A value outside the list is an error
// wrapping [ErrUnknownCode].
func (p PlacementProvider) MarshalText() ([]byte, error) { return marshalCode(&providerTable, int(p)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [PlacementProviderUnknown]) and the codes [ParsePlacementProvider]
// accepts.
func (p *PlacementProvider) UnmarshalText(b []byte) error {
	return unmarshalCode(&providerTable, b, p)
}

// IsLocalAuthority reports whether p is local authority provision, this
// authority's own (PR1) or another's (PR2).
func (p PlacementProvider) IsLocalAuthority() bool {
	return p == PlacementProviderPR1 || p == PlacementProviderPR2
}

// IsOwnProvision reports whether p is the responsible authority's own
// provision (PR1).
func (p PlacementProvider) IsOwnProvision() bool { return p == PlacementProviderPR1 }

// IsPrivate reports whether p is private sector provision (PR4).
func (p PlacementProvider) IsPrivate() bool { return p == PlacementProviderPR4 }
