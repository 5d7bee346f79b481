package care

// LegalStatus is the legal basis on which a child is looked after: the
// SSDA903 field LS (DfE "children looked after" return guidance, legal
// status code list). The zero value, [LegalStatusUnknown], means no status
// was given.
//
// The numeric values are not part of the API: store and exchange the code
// ([LegalStatus.String], [LegalStatus.MarshalText]), not the number.
type LegalStatus uint8

// Legal status codes (SSDA903 LS). Each constant is named after its code.
const (
	LegalStatusUnknown LegalStatus = iota // no legal status given; prints as ""
	LegalStatusC1                         // C1: interim care order (CA89 s.38)
	LegalStatusC2                         // C2: full care order (CA89 s.31)
	LegalStatusD1                         // D1: freeing order granted (pre-ACA 2002 law)
	LegalStatusE1                         // E1: placement order granted (ACA 2002 s.21)
	LegalStatusV2                         // V2: single period of accommodation under CA89 s.20
	LegalStatusV3                         // V3: agreed series of short breaks, each stay recorded
	LegalStatusV4                         // V4: agreed series of short breaks, agreements recorded
	LegalStatusL1                         // L1: police protection, in local authority accommodation
	LegalStatusL2                         // L2: emergency protection order
	LegalStatusL3                         // L3: child assessment order, in local authority accommodation
	LegalStatusJ1                         // J1: remanded to local authority or youth detention accommodation
	LegalStatusJ2                         // J2: in local authority accommodation under PACE 1984
	LegalStatusJ3                         // J3: youth rehabilitation order with residence or intensive fostering requirement
)

// legalStatusTable is the SSDA903 legal status list. No code is known to
// have been added or retired in the years the reference covers.
var legalStatusTable = codeTable{goName: "LegalStatus", what: "legal status", rows: []codeEntry{
	LegalStatusUnknown: {},
	LegalStatusC1:      {code: "C1", desc: "interim care order"},
	LegalStatusC2:      {code: "C2", desc: "full care order"},
	LegalStatusD1:      {code: "D1", desc: "freeing order granted"},
	LegalStatusE1:      {code: "E1", desc: "placement order granted"},
	LegalStatusV2:      {code: "V2", desc: "accommodated under section 20 for a single period"},
	LegalStatusV3:      {code: "V3", desc: "agreed series of short breaks, with each stay recorded as an episode"},
	LegalStatusV4:      {code: "V4", desc: "agreed series of short breaks, with the agreements recorded instead of each stay"},
	LegalStatusL1:      {code: "L1", desc: "under police protection and in local authority accommodation"},
	LegalStatusL2:      {code: "L2", desc: "emergency protection order"},
	LegalStatusL3:      {code: "L3", desc: "child assessment order and in local authority accommodation"},
	LegalStatusJ1:      {code: "J1", desc: "remanded to local authority accommodation or youth detention accommodation"},
	LegalStatusJ2:      {code: "J2", desc: "in local authority accommodation under PACE 1984, secure or not"},
	LegalStatusJ3:      {code: "J3", desc: "sentenced to a youth rehabilitation order with a residence or intensive fostering requirement"},
}}

// ParseLegalStatus parses an SSDA903 legal status code such as "C2" or
// "V2". The code must match exactly: no surrounding space, upper case. An
// empty or unknown code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseLegalStatus(s string) (LegalStatus, error) {
	return parseCode[LegalStatus](&legalStatusTable, s)
}

// LegalStatuses returns every SSDA903 legal status code, in the order of
// the DfE list. The slice is new on each call; the caller may change it.
func LegalStatuses() []LegalStatus { return allCodes[LegalStatus](&legalStatusTable) }

// String returns the official SSDA903 code ("C2"), "" for
// [LegalStatusUnknown], and LegalStatus(n) for a value outside the list.
func (s LegalStatus) String() string { return legalStatusTable.str(int(s)) }

// IsKnown reports whether s is a code of the SSDA903 list in any year:
// false for [LegalStatusUnknown] and for values outside the list. Use
// [LegalStatus.ValidIn] to check a particular collection year.
func (s LegalStatus) IsKnown() bool { return legalStatusTable.known(int(s)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance ("full care order"). It returns "" for
// [LegalStatusUnknown] and for values outside the list.
func (s LegalStatus) Description() string { return legalStatusTable.desc(int(s)) }

// ValidIn reports whether s is a code of the SSDA903 legal status list in
// collection year y. Every legal status code is valid in every year the
// reference covers; Unknown and values outside the list are never valid.
func (s LegalStatus) ValidIn(y CollectionYear) bool { return legalStatusTable.validIn(int(s), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [LegalStatusUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (s LegalStatus) MarshalText() ([]byte, error) { return marshalCode(&legalStatusTable, int(s)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [LegalStatusUnknown]) and the codes [ParseLegalStatus] accepts.
func (s *LegalStatus) UnmarshalText(b []byte) error {
	return unmarshalCode(&legalStatusTable, b, s)
}

// IsCareOrder reports whether s is a care order, interim (C1) or full
// (C2). Under either the local authority shares parental responsibility
// (CA89 s.33(3)).
func (s LegalStatus) IsCareOrder() bool { return s == LegalStatusC1 || s == LegalStatusC2 }

// IsInterimCareOrder reports whether s is an interim care order (C1).
func (s LegalStatus) IsInterimCareOrder() bool { return s == LegalStatusC1 }

// IsFullCareOrder reports whether s is a full (final) care order (C2).
func (s LegalStatus) IsFullCareOrder() bool { return s == LegalStatusC2 }

// IsSection20 reports whether s is a single period of accommodation under
// CA89 s.20 (V2). Short-break series (V3, V4) are also s.20 accommodation
// but are reported separately by [LegalStatus.IsShortBreak]; use
// [LegalStatus.IsAccommodated] for all three.
func (s LegalStatus) IsSection20() bool { return s == LegalStatusV2 }

// IsShortBreak reports whether s is an agreed series of short breaks (V3 or
// V4), the arrangement of CPPCR reg 48. DfE stability measures exclude
// these children.
func (s LegalStatus) IsShortBreak() bool { return s == LegalStatusV3 || s == LegalStatusV4 }

// IsAccommodated reports whether s is voluntary accommodation under CA89
// s.20 of any kind: a single period (V2) or a short-break series (V3, V4).
func (s LegalStatus) IsAccommodated() bool { return s == LegalStatusV2 || s.IsShortBreak() }

// IsPlacementOrder reports whether s is a placement order (E1), which
// authorises placement for adoption (ACA 2002 s.21).
func (s LegalStatus) IsPlacementOrder() bool { return s == LegalStatusE1 }

// IsFreeingOrder reports whether s is a freeing order (D1), the
// predecessor of the placement order under the Adoption Act 1976.
func (s LegalStatus) IsFreeingOrder() bool { return s == LegalStatusD1 }

// IsEmergencyProtection reports whether s is one of the short-term
// protective statuses: police protection (L1), an emergency protection
// order (L2) or a child assessment order (L3).
func (s LegalStatus) IsEmergencyProtection() bool {
	return s == LegalStatusL1 || s == LegalStatusL2 || s == LegalStatusL3
}

// IsRemandOrDetention reports whether s is a remand to local authority or
// youth detention accommodation (J1) or accommodation under PACE 1984
// (J2). It excludes J3, a community sentence; see
// [LegalStatus.IsYouthJustice].
func (s LegalStatus) IsRemandOrDetention() bool { return s == LegalStatusJ1 || s == LegalStatusJ2 }

// IsYouthJustice reports whether s is any youth justice status: J1, J2 or
// J3.
func (s LegalStatus) IsYouthJustice() bool { return s.IsRemandOrDetention() || s == LegalStatusJ3 }
