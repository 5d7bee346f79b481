package care

// PlacementType is where, and with whom, a looked-after child lives: the
// SSDA903 field PLACE (DfE "children looked after" return guidance,
// placement type code list). The zero value, [PlacementTypeUnknown], means
// no type was given.
//
// The list changes by collection year; [PlacementType.ValidIn] knows how.
// K3 was added in 2024–25 (succeeding H5). The 2025–26 return retired H5,
// P2 and Z1 and added Z11–Z14, which divide the old Z1 "other placement".
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type PlacementType uint8

// Placement type codes (SSDA903 PLACE). Each constant is named after its
// code.
const (
	PlacementTypeUnknown PlacementType = iota // no placement type given; prints as ""
	PlacementTypeA3                           // A3: placed for adoption with consent, with current foster carers
	PlacementTypeA4                           // A4: placed for adoption with consent, not with current foster carers
	PlacementTypeA5                           // A5: placed for adoption under a placement order, with current foster carers
	PlacementTypeA6                           // A6: placed for adoption under a placement order, not with current foster carers
	PlacementTypeH5                           // H5: semi-independent living, not a children's home (to 2024–25)
	PlacementTypeK1                           // K1: secure children's home
	PlacementTypeK2                           // K2: children's home
	PlacementTypeK3                           // K3: registered supported accommodation (from 2024–25)
	PlacementTypeP1                           // P1: with a parent or other person with parental responsibility
	PlacementTypeP2                           // P2: independent living (to 2024–25)
	PlacementTypeP3                           // P3: residential employment
	PlacementTypeR1                           // R1: residential care home
	PlacementTypeR2                           // R2: NHS or other health establishment
	PlacementTypeR3                           // R3: family centre or mother and baby unit
	PlacementTypeR5                           // R5: young offender institution
	PlacementTypeS1                           // S1: residential school
	PlacementTypeT0                           // T0: temporary move of any kind
	PlacementTypeT1                           // T1: temporary stay in hospital
	PlacementTypeT2                           // T2: temporary absence on holiday
	PlacementTypeT3                           // T3: temporary placement while the usual foster carer is on holiday
	PlacementTypeT4                           // T4: other temporary placement of 7 days or less
	PlacementTypeU1                           // U1: foster, relative or friend, long-term
	PlacementTypeU2                           // U2: foster, relative or friend who is an approved adopter
	PlacementTypeU3                           // U3: foster, relative or friend, other
	PlacementTypeU4                           // U4: foster, other carer, long-term
	PlacementTypeU5                           // U5: foster, other carer who is an approved adopter
	PlacementTypeU6                           // U6: foster, other carer, other
	PlacementTypeZ1                           // Z1: other placement (to 2024–25)
	PlacementTypeZ11                          // Z11: other placement, first of the codes replacing Z1 (from 2025–26)
	PlacementTypeZ12                          // Z12: other placement, second of the codes replacing Z1 (from 2025–26)
	PlacementTypeZ13                          // Z13: other placement, third of the codes replacing Z1 (from 2025–26)
	PlacementTypeZ14                          // Z14: other placement, fourth of the codes replacing Z1 (from 2025–26)
)

// placementTypeTable is the SSDA903 placement type list.
//
// Years: H5, P2 and Z1 are in the validator's 2024–25 list and not in its
// 2025–26 list. K3 first appears in the 2024–25 list (the 2022–23 list,
// which also served 2023–24, lacks it). Z11–Z14 first appear in 2025–26.
//
// Z11–Z14: the DfE meanings were not found in any source we could read
// (reference/settled.md Q10). What is known: they divide the old Z1 (an
// open Z1 episode may continue as any of them); no provider and no URN is
// recorded for them; and Z12 and Z13 are placements a child may be in
// while a deprivation of liberty order is in force. The descriptions say
// only that much.
var placementTypeTable = codeTable{goName: "PlacementType", what: "placement type", rows: []codeEntry{
	PlacementTypeUnknown: {},
	PlacementTypeA3:      {code: "A3", desc: "placed for adoption with parental consent, with the current foster carers"},
	PlacementTypeA4:      {code: "A4", desc: "placed for adoption with parental consent, not with the current foster carers"},
	PlacementTypeA5:      {code: "A5", desc: "placed for adoption under a placement order, with the current foster carers"},
	PlacementTypeA6:      {code: "A6", desc: "placed for adoption under a placement order, not with the current foster carers"},
	PlacementTypeH5:      {code: "H5", desc: "semi-independent living not regulated as a children's home", last: 2024},
	PlacementTypeK1:      {code: "K1", desc: "secure children's home"},
	PlacementTypeK2:      {code: "K2", desc: "children's home regulated by the Children's Homes Regulations"},
	PlacementTypeK3:      {code: "K3", desc: "supported accommodation registered under the 2023 Supported Accommodation Regulations", first: 2024},
	PlacementTypeP1:      {code: "P1", desc: "living with a parent or another person with parental responsibility"},
	PlacementTypeP2:      {code: "P2", desc: "independent living, such as a flat, lodgings, bed and breakfast or staying with friends", last: 2024},
	PlacementTypeP3:      {code: "P3", desc: "residential employment"},
	PlacementTypeR1:      {code: "R1", desc: "residential care home"},
	PlacementTypeR2:      {code: "R2", desc: "NHS trust or other establishment providing medical or nursing care"},
	PlacementTypeR3:      {code: "R3", desc: "family centre or mother and baby unit"},
	PlacementTypeR5:      {code: "R5", desc: "young offender institution"},
	PlacementTypeS1:      {code: "S1", desc: "residential school, unless also registered as a children's home"},
	PlacementTypeT0:      {code: "T0", desc: "temporary move of any kind"},
	PlacementTypeT1:      {code: "T1", desc: "temporary stay in hospital"},
	PlacementTypeT2:      {code: "T2", desc: "temporary absence on holiday"},
	PlacementTypeT3:      {code: "T3", desc: "temporary placement while the usual foster carer is on holiday"},
	PlacementTypeT4:      {code: "T4", desc: "temporary placement of 7 days or less not covered by T1 to T3"},
	PlacementTypeU1:      {code: "U1", desc: "fostered by a relative or friend, as a long-term foster placement"},
	PlacementTypeU2:      {code: "U2", desc: "fostered by a relative or friend who is also an approved prospective adopter (fostering for adoption or concurrent planning)"},
	PlacementTypeU3:      {code: "U3", desc: "fostered by a relative or friend, neither long-term nor fostering for adoption"},
	PlacementTypeU4:      {code: "U4", desc: "fostered by another foster carer, as a long-term foster placement"},
	PlacementTypeU5:      {code: "U5", desc: "fostered by another foster carer who is also an approved prospective adopter (fostering for adoption or concurrent planning)"},
	PlacementTypeU6:      {code: "U6", desc: "fostered by another foster carer, neither long-term nor fostering for adoption"},
	PlacementTypeZ1:      {code: "Z1", desc: "other placement, listed on a schedule sent to DfE", last: 2024},
	PlacementTypeZ11:     {code: "Z11", desc: "other placement (one of the four codes that replaced Z1; DfE meaning not confirmed)", first: 2025},
	PlacementTypeZ12:     {code: "Z12", desc: "other placement (one of the four codes that replaced Z1, usable during a deprivation of liberty order; DfE meaning not confirmed)", first: 2025},
	PlacementTypeZ13:     {code: "Z13", desc: "other placement (one of the four codes that replaced Z1, usable during a deprivation of liberty order; DfE meaning not confirmed)", first: 2025},
	PlacementTypeZ14:     {code: "Z14", desc: "other placement (one of the four codes that replaced Z1; DfE meaning not confirmed)", first: 2025},
}}

// ParsePlacementType parses an SSDA903 placement type code such as "U4" or
// "Z11". The code must match exactly: no surrounding space, upper case.
// Retired codes (H5, P2, Z1) parse, since older records use them; check
// [PlacementType.ValidIn] for the year. An empty or unknown code returns a
// [*ParseError] wrapping [ErrUnknownCode].
func ParsePlacementType(s string) (PlacementType, error) {
	return parseCode[PlacementType](&placementTypeTable, s)
}

// PlacementTypes returns every SSDA903 placement type code of any year,
// retired codes included, in the order of the DfE list. The slice is new on
// each call; the caller may change it.
func PlacementTypes() []PlacementType { return allCodes[PlacementType](&placementTypeTable) }

// String returns the official SSDA903 code ("U4"), "" for
// [PlacementTypeUnknown], and PlacementType(n) for a value outside the
// list.
func (p PlacementType) String() string { return placementTypeTable.str(int(p)) }

// IsKnown reports whether p is a code of the SSDA903 list in any year:
// false for [PlacementTypeUnknown] and for values outside the list. Use
// [PlacementType.ValidIn] to check a particular collection year.
func (p PlacementType) IsKnown() bool { return placementTypeTable.known(int(p)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [PlacementTypeUnknown] and for values
// outside the list. The labels for Z11–Z14 say that DfE's meanings were not
// confirmed.
func (p PlacementType) Description() string { return placementTypeTable.desc(int(p)) }

// ValidIn reports whether p is in the SSDA903 placement type list of
// collection year y: H5, P2 and Z1 up to 2024–25, K3 from 2024–25, Z11–Z14
// from 2025–26, and every other code in every year. Unknown and values
// outside the list are never valid.
func (p PlacementType) ValidIn(y CollectionYear) bool { return placementTypeTable.validIn(int(p), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [PlacementTypeUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (p PlacementType) MarshalText() ([]byte, error) {
	return marshalCode(&placementTypeTable, int(p))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [PlacementTypeUnknown]) and the codes [ParsePlacementType] accepts.
func (p *PlacementType) UnmarshalText(b []byte) error {
	return unmarshalCode(&placementTypeTable, b, p)
}

// IsFoster reports whether p is a foster placement of any kind (U1–U6),
// with a connected person or with another carer.
func (p PlacementType) IsFoster() bool { return p >= PlacementTypeU1 && p <= PlacementTypeU6 }

// IsConnectedPerson reports whether p is foster care with a relative or
// friend (U1–U3): a connected person in CPPCR terms. No newer code is known
// to belong here.
func (p PlacementType) IsConnectedPerson() bool { return p >= PlacementTypeU1 && p <= PlacementTypeU3 }

// IsLongTermFoster reports whether p is recorded as a long-term foster
// placement (U1 with a connected person, U4 with another carer).
func (p PlacementType) IsLongTermFoster() bool { return p == PlacementTypeU1 || p == PlacementTypeU4 }

// IsFosteringForAdoption reports whether p is foster care with an approved
// prospective adopter, under fostering for adoption or concurrent planning
// (U2, U5; CPPCR reg 25A).
func (p PlacementType) IsFosteringForAdoption() bool {
	return p == PlacementTypeU2 || p == PlacementTypeU5
}

// IsAdoptive reports whether p is a placement for adoption (A3–A6), with
// consent or under a placement order. Fostering for adoption (U2, U5) is a
// foster placement and is not included.
func (p PlacementType) IsAdoptive() bool { return p >= PlacementTypeA3 && p <= PlacementTypeA6 }

// IsWithParents reports whether p is a placement with a parent or another
// person with parental responsibility (P1).
func (p PlacementType) IsWithParents() bool { return p == PlacementTypeP1 }

// IsTemporary reports whether p is a temporary placement (T0–T4). DfE
// placement stability counts leave these out, and a reason for placement
// change is not recorded for them.
func (p PlacementType) IsTemporary() bool { return p >= PlacementTypeT0 && p <= PlacementTypeT4 }

// IsChildrensHome reports whether p is a children's home: secure (K1) or
// not (K2).
func (p PlacementType) IsChildrensHome() bool { return p == PlacementTypeK1 || p == PlacementTypeK2 }

// IsResidential reports whether p is a residential or institutional
// setting: a children's home (K1, K2), a residential care home (R1), a
// health establishment (R2), a family centre or mother and baby unit (R3),
// a young offender institution (R5) or a residential school (S1).
// Supported and independent living ([PlacementType.IsIndependentLiving])
// and residential employment (P3) are not included.
func (p PlacementType) IsResidential() bool {
	switch p {
	case PlacementTypeK1, PlacementTypeK2, PlacementTypeR1, PlacementTypeR2,
		PlacementTypeR3, PlacementTypeR5, PlacementTypeS1:
		return true
	}
	return false
}

// IsIndependentLiving reports whether p is independent or supported
// living: independent living (P2), semi-independent living (H5) or its
// successor, registered supported accommodation (K3).
func (p PlacementType) IsIndependentLiving() bool {
	return p == PlacementTypeP2 || p == PlacementTypeH5 || p == PlacementTypeK3
}

// IsSecure reports whether p is a secure setting: a secure children's home
// (K1) or a young offender institution (R5).
func (p PlacementType) IsSecure() bool { return p == PlacementTypeK1 || p == PlacementTypeR5 }

// IsOther reports whether p is an "other placement": Z1 up to 2024–25, or
// one of the codes that replaced it, Z11–Z14.
func (p PlacementType) IsOther() bool { return p >= PlacementTypeZ1 && p <= PlacementTypeZ14 }
