package ssda903

import (
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// This file holds the code lists of the return that only this package
// uses (care has the lists the practice rules read: legal status,
// placement type and the rest). Each is a named type with an Unknown zero
// value ("no code given"), constants named after the codes, and
// Parse, String (the official code), IsKnown, MarshalText and
// UnmarshalText. The codes are those of the DfE's technical
// specifications as liia-tools' SSDA903 schemas for 2017, 2021 and 2024
// give them (SocialFinanceDigitalLabs/liia-tools, liiatools/spec/s903); the
// DfE validator's tables for the same years agree. A code of any year is
// accepted: which year allows which code is for the validation rules. The
// lists carry no descriptions: the specifications read give the codes
// without their meanings, and a label guessed would mislead.

// codeList is one code list: codes[v] is the code of value v; codes[0] is
// "" (Unknown).
type codeList struct {
	goName string
	what   string
	codes  []string
}

func (l *codeList) known(v int) bool { return v > 0 && v < len(l.codes) }

func (l *codeList) str(v int) string {
	switch {
	case v == 0:
		return ""
	case l.known(v):
		return l.codes[v]
	}
	return l.goName + "(" + strconv.Itoa(v) + ")"
}

func (l *codeList) parse(s string) (int, error) {
	if s != "" {
		for i := 1; i < len(l.codes); i++ {
			if l.codes[i] == s {
				return i, nil
			}
		}
	}
	return 0, &care.ParseError{Input: s, Type: l.what, Err: care.ErrUnknownCode}
}

func (l *codeList) marshal(v int) ([]byte, error) {
	if v != 0 && !l.known(v) {
		return nil, &care.ParseError{Input: l.str(v), Type: l.what, Err: care.ErrUnknownCode}
	}
	return []byte(l.str(v)), nil
}

func (l *codeList) unmarshal(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return l.parse(string(b))
}

// NormalizeCode returns a cell as a code: trimmed of surrounding spaces
// and upper-cased, as the DfE's tool compares codes ("  wbri " is "WBRI").
// It does not allocate when the cell is a code already.
func NormalizeCode(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}

// Flag is a yes-or-no field of the return, coded 0 (no) or 1 (yes): MOTHER,
// UASC (in the XML's HEADER), FOSTER_CARE and the OC2 checks (CONVICTED,
// HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT,
// SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED). The zero
// value, [FlagUnknown], means no code was given.
type Flag uint8

// Flag codes.
const (
	FlagUnknown Flag = iota // no code given; prints as ""
	FlagNo                  // 0: no
	FlagYes                 // 1: yes
)

var flagList = codeList{goName: "Flag", what: "flag (0 or 1)", codes: []string{"", "0", "1"}}

// ParseFlag parses a flag (0 or 1) code such as "0", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseFlag(s string) (Flag, error) {
	v, err := flagList.parse(s)
	return Flag(v), err
}

// String returns the official code, "" for [FlagUnknown], and Flag(n)
// for a value outside the list.
func (c Flag) String() string { return flagList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c Flag) IsKnown() bool { return flagList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [FlagUnknown]; a value outside the list is an error.
func (c Flag) MarshalText() ([]byte, error) { return flagList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [FlagUnknown], anything else must be a code of the list.
func (c *Flag) UnmarshalText(b []byte) error {
	v, err := flagList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = Flag(v)
	return nil
}

// InTouch is whether the authority is in touch with a care leaver: OC3's
// IN_TOUCH. The zero value, [InTouchUnknown], means no code was given.
type InTouch uint8

// InTouch codes.
const (
	InTouchUnknown InTouch = iota // no code given; prints as ""
	InTouchYES                    // YES
	InTouchNO                     // NO
	InTouchDIED                   // DIED
	InTouchREFU                   // REFU
	InTouchNREQ                   // NREQ
	InTouchRHOM                   // RHOM
)

var inTouchList = codeList{goName: "InTouch", what: "in touch", codes: []string{"", "YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}}

// ParseInTouch parses a in touch code such as "YES", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseInTouch(s string) (InTouch, error) {
	v, err := inTouchList.parse(s)
	return InTouch(v), err
}

// String returns the official code, "" for [InTouchUnknown], and InTouch(n)
// for a value outside the list.
func (c InTouch) String() string { return inTouchList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c InTouch) IsKnown() bool { return inTouchList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [InTouchUnknown]; a value outside the list is an error.
func (c InTouch) MarshalText() ([]byte, error) { return inTouchList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [InTouchUnknown], anything else must be a code of the list.
func (c *InTouch) UnmarshalText(b []byte) error {
	v, err := inTouchList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = InTouch(v)
	return nil
}

// Activity is a care leaver's main activity: OC3's ACTIV. The list changed
// over the years (F3 and P3 are in the 2017 and 2021 specifications, F4, P4,
// F5 and P5 in the 2024 one); all are accepted here, and which a year allows
// is a matter for the validation rules. The zero value, [ActivityUnknown],
// means no code was given.
type Activity uint8

// Activity codes.
const (
	ActivityUnknown Activity = iota // no code given; prints as ""
	ActivityF1                      // F1
	ActivityP1                      // P1
	ActivityF2                      // F2
	ActivityP2                      // P2
	ActivityF3                      // F3
	ActivityP3                      // P3
	ActivityF4                      // F4
	ActivityP4                      // P4
	ActivityF5                      // F5
	ActivityP5                      // P5
	ActivityG4                      // G4
	ActivityG5                      // G5
	ActivityG6                      // G6
	Activity0                       // 0
)

var activityList = codeList{goName: "Activity", what: "activity", codes: []string{"", "F1", "P1", "F2", "P2", "F3", "P3", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}}

// ParseActivity parses a activity code such as "F1", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseActivity(s string) (Activity, error) {
	v, err := activityList.parse(s)
	return Activity(v), err
}

// String returns the official code, "" for [ActivityUnknown], and Activity(n)
// for a value outside the list.
func (c Activity) String() string { return activityList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c Activity) IsKnown() bool { return activityList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [ActivityUnknown]; a value outside the list is an error.
func (c Activity) MarshalText() ([]byte, error) { return activityList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [ActivityUnknown], anything else must be a code of the list.
func (c *Activity) UnmarshalText(b []byte) error {
	v, err := activityList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = Activity(v)
	return nil
}

// Accommodation is a care leaver's accommodation and whether it is suitable:
// OC3's ACCOM. The zero value, [AccommodationUnknown], means no code was
// given.
type Accommodation uint8

// Accommodation codes.
const (
	AccommodationUnknown Accommodation = iota // no code given; prints as ""
	AccommodationB1                           // B1
	AccommodationB2                           // B2
	AccommodationC1                           // C1
	AccommodationC2                           // C2
	AccommodationD1                           // D1
	AccommodationD2                           // D2
	AccommodationE1                           // E1
	AccommodationE2                           // E2
	AccommodationG1                           // G1
	AccommodationG2                           // G2
	AccommodationH1                           // H1
	AccommodationH2                           // H2
	AccommodationK1                           // K1
	AccommodationK2                           // K2
	AccommodationR1                           // R1
	AccommodationR2                           // R2
	AccommodationS1                           // S1
	AccommodationS2                           // S2
	AccommodationT1                           // T1
	AccommodationT2                           // T2
	AccommodationU1                           // U1
	AccommodationU2                           // U2
	AccommodationV1                           // V1
	AccommodationV2                           // V2
	AccommodationW1                           // W1
	AccommodationW2                           // W2
	AccommodationX1                           // X1
	AccommodationX2                           // X2
	AccommodationY1                           // Y1
	AccommodationY2                           // Y2
	AccommodationZ1                           // Z1
	AccommodationZ2                           // Z2
	Accommodation0                            // 0
)

var accommodationList = codeList{goName: "Accommodation", what: "accommodation", codes: []string{"", "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S1", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X1", "X2", "Y1", "Y2", "Z1", "Z2", "0"}}

// ParseAccommodation parses a accommodation code such as "B1", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseAccommodation(s string) (Accommodation, error) {
	v, err := accommodationList.parse(s)
	return Accommodation(v), err
}

// String returns the official code, "" for [AccommodationUnknown], and Accommodation(n)
// for a value outside the list.
func (c Accommodation) String() string { return accommodationList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c Accommodation) IsKnown() bool { return accommodationList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [AccommodationUnknown]; a value outside the list is an error.
func (c Accommodation) MarshalText() ([]byte, error) { return accommodationList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [AccommodationUnknown], anything else must be a code of the list.
func (c *Accommodation) UnmarshalText(b []byte) error {
	v, err := accommodationList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = Accommodation(v)
	return nil
}

// AdopterSex is the sex of the adopter or adopters: AD1's SEX_ADOPTR. The
// zero value, [AdopterSexUnknown], means no code was given.
type AdopterSex uint8

// AdopterSex codes.
const (
	AdopterSexUnknown AdopterSex = iota // no code given; prints as ""
	AdopterSexM1                        // M1
	AdopterSexF1                        // F1
	AdopterSexMM                        // MM
	AdopterSexFF                        // FF
	AdopterSexMF                        // MF
)

var adopterSexList = codeList{goName: "AdopterSex", what: "adopters' sex", codes: []string{"", "M1", "F1", "MM", "FF", "MF"}}

// ParseAdopterSex parses a adopters' sex code such as "M1", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseAdopterSex(s string) (AdopterSex, error) {
	v, err := adopterSexList.parse(s)
	return AdopterSex(v), err
}

// String returns the official code, "" for [AdopterSexUnknown], and AdopterSex(n)
// for a value outside the list.
func (c AdopterSex) String() string { return adopterSexList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c AdopterSex) IsKnown() bool { return adopterSexList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [AdopterSexUnknown]; a value outside the list is an error.
func (c AdopterSex) MarshalText() ([]byte, error) { return adopterSexList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [AdopterSexUnknown], anything else must be a code of the list.
func (c *AdopterSex) UnmarshalText(b []byte) error {
	v, err := adopterSexList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = AdopterSex(v)
	return nil
}

// AdopterLegalStatus is the legal status of the adopter or adopters: AD1's
// LS_ADOPTR. The zero value, [AdopterLegalStatusUnknown], means no code was
// given.
type AdopterLegalStatus uint8

// AdopterLegalStatus codes.
const (
	AdopterLegalStatusUnknown AdopterLegalStatus = iota // no code given; prints as ""
	AdopterLegalStatusL0                                // L0
	AdopterLegalStatusL11                               // L11
	AdopterLegalStatusL12                               // L12
	AdopterLegalStatusL2                                // L2
	AdopterLegalStatusL3                                // L3
	AdopterLegalStatusL4                                // L4
)

var adopterLegalStatusList = codeList{goName: "AdopterLegalStatus", what: "adopters' legal status", codes: []string{"", "L0", "L11", "L12", "L2", "L3", "L4"}}

// ParseAdopterLegalStatus parses a adopters' legal status code such as "L0", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseAdopterLegalStatus(s string) (AdopterLegalStatus, error) {
	v, err := adopterLegalStatusList.parse(s)
	return AdopterLegalStatus(v), err
}

// String returns the official code, "" for [AdopterLegalStatusUnknown], and AdopterLegalStatus(n)
// for a value outside the list.
func (c AdopterLegalStatus) String() string { return adopterLegalStatusList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c AdopterLegalStatus) IsKnown() bool { return adopterLegalStatusList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [AdopterLegalStatusUnknown]; a value outside the list is an error.
func (c AdopterLegalStatus) MarshalText() ([]byte, error) {
	return adopterLegalStatusList.marshal(int(c))
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [AdopterLegalStatusUnknown], anything else must be a code of the list.
func (c *AdopterLegalStatus) UnmarshalText(b []byte) error {
	v, err := adopterLegalStatusList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = AdopterLegalStatus(v)
	return nil
}

// ReasonPlacedCeased is why a child should no longer be placed for adoption:
// PlacedAdoption's REASON_PLACED_CEASED. The zero value,
// [ReasonPlacedCeasedUnknown], means no code was given.
type ReasonPlacedCeased uint8

// ReasonPlacedCeased codes.
const (
	ReasonPlacedCeasedUnknown ReasonPlacedCeased = iota // no code given; prints as ""
	ReasonPlacedCeasedRD1                               // RD1
	ReasonPlacedCeasedRD2                               // RD2
	ReasonPlacedCeasedRD3                               // RD3
	ReasonPlacedCeasedRD4                               // RD4
)

var reasonPlacedCeasedList = codeList{goName: "ReasonPlacedCeased", what: "reason placed for adoption ceased", codes: []string{"", "RD1", "RD2", "RD3", "RD4"}}

// ParseReasonPlacedCeased parses a reason placed for adoption ceased code such as "RD1", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseReasonPlacedCeased(s string) (ReasonPlacedCeased, error) {
	v, err := reasonPlacedCeasedList.parse(s)
	return ReasonPlacedCeased(v), err
}

// String returns the official code, "" for [ReasonPlacedCeasedUnknown], and ReasonPlacedCeased(n)
// for a value outside the list.
func (c ReasonPlacedCeased) String() string { return reasonPlacedCeasedList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c ReasonPlacedCeased) IsKnown() bool { return reasonPlacedCeasedList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [ReasonPlacedCeasedUnknown]; a value outside the list is an error.
func (c ReasonPlacedCeased) MarshalText() ([]byte, error) {
	return reasonPlacedCeasedList.marshal(int(c))
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [ReasonPlacedCeasedUnknown], anything else must be a code of the list.
func (c *ReasonPlacedCeased) UnmarshalText(b []byte) error {
	v, err := reasonPlacedCeasedList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = ReasonPlacedCeased(v)
	return nil
}

// PreviousPermanence is the permanence arrangement a child had before
// starting to be looked after: PrevPerm's PREV_PERM. The zero value,
// [PreviousPermanenceUnknown], means no code was given.
type PreviousPermanence uint8

// PreviousPermanence codes.
const (
	PreviousPermanenceUnknown PreviousPermanence = iota // no code given; prints as ""
	PreviousPermanenceP1                                // P1
	PreviousPermanenceP2                                // P2
	PreviousPermanenceP3                                // P3
	PreviousPermanenceP4                                // P4
	PreviousPermanenceZ1                                // Z1
)

var previousPermanenceList = codeList{goName: "PreviousPermanence", what: "previous permanence", codes: []string{"", "P1", "P2", "P3", "P4", "Z1"}}

// ParsePreviousPermanence parses a previous permanence code such as "P1", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParsePreviousPermanence(s string) (PreviousPermanence, error) {
	v, err := previousPermanenceList.parse(s)
	return PreviousPermanence(v), err
}

// String returns the official code, "" for [PreviousPermanenceUnknown], and PreviousPermanence(n)
// for a value outside the list.
func (c PreviousPermanence) String() string { return previousPermanenceList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c PreviousPermanence) IsKnown() bool { return previousPermanenceList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [PreviousPermanenceUnknown]; a value outside the list is an error.
func (c PreviousPermanence) MarshalText() ([]byte, error) {
	return previousPermanenceList.marshal(int(c))
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [PreviousPermanenceUnknown], anything else must be a code of the list.
func (c *PreviousPermanence) UnmarshalText(b []byte) error {
	v, err := previousPermanenceList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = PreviousPermanence(v)
	return nil
}

// SWReason is why a child's social worker changed: SWEpisodes' SW_REASON.
// The zero value, [SWReasonUnknown], means no code was given.
type SWReason uint8

// SWReason codes.
const (
	SWReasonUnknown SWReason = iota // no code given; prints as ""
	SWReasonMANAGE                  // MANAGE
	SWReasonFCONTA                  // FCONTA
	SWReasonLEFTRL                  // LEFTRL
	SWReasonORGRST                  // ORGRST
	SWReasonTSPROC                  // TSPROC
	SWReasonABSENC                  // ABSENC
	SWReasonCHCHAN                  // CHCHAN
	SWReasonPCCHAN                  // PCCHAN
	SWReasonSWDIED                  // SWDIED
	SWReasonOTHERS                  // OTHERS
)

var sWReasonList = codeList{goName: "SWReason", what: "social worker change reason", codes: []string{"", "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"}}

// ParseSWReason parses a social worker change reason code such as "MANAGE", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParseSWReason(s string) (SWReason, error) {
	v, err := sWReasonList.parse(s)
	return SWReason(v), err
}

// String returns the official code, "" for [SWReasonUnknown], and SWReason(n)
// for a value outside the list.
func (c SWReason) String() string { return sWReasonList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c SWReason) IsKnown() bool { return sWReasonList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [SWReasonUnknown]; a value outside the list is an error.
func (c SWReason) MarshalText() ([]byte, error) { return sWReasonList.marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [SWReasonUnknown], anything else must be a code of the list.
func (c *SWReason) UnmarshalText(b []byte) error {
	v, err := sWReasonList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = SWReason(v)
	return nil
}

// PlacementLocation is whether a placement is inside or outside the
// responsible authority's area, which the DfE derives from the placement
// postcode: Episodes' PL_LOCATION. The zero value,
// [PlacementLocationUnknown], means no code was given.
type PlacementLocation uint8

// PlacementLocation codes.
const (
	PlacementLocationUnknown PlacementLocation = iota // no code given; prints as ""
	PlacementLocationIN                               // IN
	PlacementLocationOUT                              // OUT
)

var placementLocationList = codeList{goName: "PlacementLocation", what: "placement location", codes: []string{"", "IN", "OUT"}}

// ParsePlacementLocation parses a placement location code such as "IN", exactly as the
// DfE writes it. An empty or unknown code returns a [*care.ParseError]
// wrapping [care.ErrUnknownCode].
func ParsePlacementLocation(s string) (PlacementLocation, error) {
	v, err := placementLocationList.parse(s)
	return PlacementLocation(v), err
}

// String returns the official code, "" for [PlacementLocationUnknown], and PlacementLocation(n)
// for a value outside the list.
func (c PlacementLocation) String() string { return placementLocationList.str(int(c)) }

// IsKnown reports whether c is a code of the list (not Unknown).
func (c PlacementLocation) IsKnown() bool { return placementLocationList.known(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: the official code, ""
// for [PlacementLocationUnknown]; a value outside the list is an error.
func (c PlacementLocation) MarshalText() ([]byte, error) {
	return placementLocationList.marshal(int(c))
}

// UnmarshalText implements [encoding.TextUnmarshaler]: "" is
// [PlacementLocationUnknown], anything else must be a code of the list.
func (c *PlacementLocation) UnmarshalText(b []byte) error {
	v, err := placementLocationList.unmarshal(b)
	if err != nil {
		return err
	}
	*c = PlacementLocation(v)
	return nil
}
