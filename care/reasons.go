package care

// ReasonNewEpisode is why a new episode of care began: the SSDA903 field
// RNE (DfE "children looked after" return guidance, reason for new episode
// code list). An episode starts when a child becomes looked after and
// whenever the legal status, the placement or the carer changes. The zero
// value, [ReasonNewEpisodeUnknown], means no reason was given.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type ReasonNewEpisode uint8

// Reason for new episode codes (SSDA903 RNE). Each constant is named after
// its code.
const (
	ReasonNewEpisodeUnknown ReasonNewEpisode = iota // no reason given; prints as ""
	ReasonNewEpisodeS                               // S: started to be looked after
	ReasonNewEpisodeL                               // L: change of legal status only
	ReasonNewEpisodeP                               // P: change of placement and carer only
	ReasonNewEpisodeT                               // T: change of placement, same carer
	ReasonNewEpisodeB                               // B: change of legal status and of placement and carer
	ReasonNewEpisodeU                               // U: change of legal status and of placement, same carer
)

// newEpisodeTable is the SSDA903 reason for new episode list. No code is
// known to have been added or retired in the years the reference covers.
var newEpisodeTable = codeTable{goName: "ReasonNewEpisode", what: "reason for new episode", rows: []codeEntry{
	ReasonNewEpisodeUnknown: {},
	ReasonNewEpisodeS:       {code: "S", desc: "started to be looked after"},
	ReasonNewEpisodeL:       {code: "L", desc: "legal status changed, placement and carer unchanged"},
	ReasonNewEpisodeP:       {code: "P", desc: "placement and carer changed, legal status unchanged"},
	ReasonNewEpisodeT:       {code: "T", desc: "placement changed but carer the same, legal status unchanged"},
	ReasonNewEpisodeB:       {code: "B", desc: "legal status changed at the same time as placement and carer"},
	ReasonNewEpisodeU:       {code: "U", desc: "legal status and placement changed at the same time, carer the same"},
}}

// ParseReasonNewEpisode parses an SSDA903 reason for new episode code such
// as "S" or "P". The code must match exactly. An empty or unknown code
// returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseReasonNewEpisode(s string) (ReasonNewEpisode, error) {
	return parseCode[ReasonNewEpisode](&newEpisodeTable, s)
}

// NewEpisodeReasons returns every SSDA903 reason for new episode code, in
// the order of the DfE list. The slice is new on each call.
func NewEpisodeReasons() []ReasonNewEpisode { return allCodes[ReasonNewEpisode](&newEpisodeTable) }

// String returns the official SSDA903 code ("P"), "" for
// [ReasonNewEpisodeUnknown], and ReasonNewEpisode(n) for a value outside
// the list.
func (r ReasonNewEpisode) String() string { return newEpisodeTable.str(int(r)) }

// IsKnown reports whether r is a code of the SSDA903 list in any year:
// false for [ReasonNewEpisodeUnknown] and for values outside the list. Use
// [ReasonNewEpisode.ValidIn] to check a particular collection year.
func (r ReasonNewEpisode) IsKnown() bool { return newEpisodeTable.known(int(r)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [ReasonNewEpisodeUnknown] and for
// values outside the list.
func (r ReasonNewEpisode) Description() string { return newEpisodeTable.desc(int(r)) }

// ValidIn reports whether r is in the SSDA903 reason for new episode list
// of collection year y. Every code is valid in every year the reference
// covers; Unknown and values outside the list are never valid.
func (r ReasonNewEpisode) ValidIn(y CollectionYear) bool { return newEpisodeTable.validIn(int(r), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [ReasonNewEpisodeUnknown]. A value outside the list is an error
// wrapping [ErrUnknownCode].
func (r ReasonNewEpisode) MarshalText() ([]byte, error) {
	return marshalCode(&newEpisodeTable, int(r))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [ReasonNewEpisodeUnknown]) and the codes [ParseReasonNewEpisode] accepts.
func (r *ReasonNewEpisode) UnmarshalText(b []byte) error {
	return unmarshalCode(&newEpisodeTable, b, r)
}

// ReasonEpisodeCeased is why an episode of care ended: the SSDA903 field
// REC (DfE "children looked after" return guidance, reason episode ceased
// code list). X1 ends an episode that is followed the same day by another;
// every other code means the child left care. The zero value,
// [ReasonEpisodeCeasedUnknown], means no reason was given (as for an
// episode still open).
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type ReasonEpisodeCeased uint8

// Reason episode ceased codes (SSDA903 REC). Each constant is named after
// its code.
const (
	ReasonEpisodeCeasedUnknown ReasonEpisodeCeased = iota // no reason given; prints as ""
	ReasonEpisodeCeasedE11                                // E11: adopted, application unopposed
	ReasonEpisodeCeasedE12                                // E12: adopted, consent dispensed with by the court
	ReasonEpisodeCeasedE2                                 // E2: died
	ReasonEpisodeCeasedE3                                 // E3: care taken over by another UK local authority
	ReasonEpisodeCeasedE4A                                // E4A: returned home as part of the care plan
	ReasonEpisodeCeasedE4B                                // E4B: returned home, not as part of the care plan
	ReasonEpisodeCeasedE13                                // E13: left care to live with parent, relative or other without parental responsibility
	ReasonEpisodeCeasedE41                                // E41: residence order or child arrangements order granted
	ReasonEpisodeCeasedE43                                // E43: special guardianship order to former foster carers (older code, replaced by E45–E46)
	ReasonEpisodeCeasedE44                                // E44: special guardianship order to other carers (older code, replaced by E47–E48)
	ReasonEpisodeCeasedE45                                // E45: special guardianship order to former foster carers who are relatives or friends
	ReasonEpisodeCeasedE46                                // E46: special guardianship order to former foster carers who are not relatives or friends
	ReasonEpisodeCeasedE47                                // E47: special guardianship order to other carers who are relatives or friends
	ReasonEpisodeCeasedE48                                // E48: special guardianship order to other carers who are not relatives or friends
	ReasonEpisodeCeasedE5                                 // E5: moved to independent living with formal support
	ReasonEpisodeCeasedE6                                 // E6: moved to independent living without formal support
	ReasonEpisodeCeasedE7                                 // E7: transferred to adult social care residential care
	ReasonEpisodeCeasedE8                                 // E8: ceased for any other reason
	ReasonEpisodeCeasedE9                                 // E9: sentenced to custody
	ReasonEpisodeCeasedE14                                // E14: accommodation on remand ended
	ReasonEpisodeCeasedE15                                // E15: age assessment found the child to be 18 or over
	ReasonEpisodeCeasedE16                                // E16: moved abroad
	ReasonEpisodeCeasedE17                                // E17: aged 18 or over and stayed with the current carers
	ReasonEpisodeCeasedX1                                 // X1: episode ended and another began the same day
)

// ceasedTable is the SSDA903 reason episode ceased list.
//
// E43 and E44 are the older special guardianship codes that E45–E48
// replaced. The reference shows them in DfE guidance text but not in the
// validator's lists, the earliest of which is 2022–23; the year DfE made
// the change is not in the reference. They are kept so that older records
// parse, and treated as valid up to 2021–22, the last year before the
// earliest list we could check. For the same reason E45–E48 carry no start
// year, so both sets are accepted before 2022–23.
var ceasedTable = codeTable{goName: "ReasonEpisodeCeased", what: "reason episode ceased", rows: []codeEntry{
	ReasonEpisodeCeasedUnknown: {},
	ReasonEpisodeCeasedE11:     {code: "E11", desc: "adopted after an application that was not opposed"},
	ReasonEpisodeCeasedE12:     {code: "E12", desc: "adopted after the court dispensed with consent"},
	ReasonEpisodeCeasedE2:      {code: "E2", desc: "died"},
	ReasonEpisodeCeasedE3:      {code: "E3", desc: "care taken over by another local authority in the UK"},
	ReasonEpisodeCeasedE4A:     {code: "E4A", desc: "returned home to parents, relatives or others with parental responsibility as planned (no special guardianship, residence or child arrangements order)"},
	ReasonEpisodeCeasedE4B:     {code: "E4B", desc: "returned home to parents, relatives or others with parental responsibility, not as part of the care plan"},
	ReasonEpisodeCeasedE13:     {code: "E13", desc: "left care to live with parents, relatives or others who do not have parental responsibility"},
	ReasonEpisodeCeasedE41:     {code: "E41", desc: "residence order or child arrangements order (who the child lives with) granted"},
	ReasonEpisodeCeasedE43:     {code: "E43", desc: "special guardianship order made to former foster carers (older code)", last: 2021},
	ReasonEpisodeCeasedE44:     {code: "E44", desc: "special guardianship order made to carers other than former foster carers (older code)", last: 2021},
	ReasonEpisodeCeasedE45:     {code: "E45", desc: "special guardianship order made to former foster carers who are relatives or friends"},
	ReasonEpisodeCeasedE46:     {code: "E46", desc: "special guardianship order made to former foster carers who are not relatives or friends"},
	ReasonEpisodeCeasedE47:     {code: "E47", desc: "special guardianship order made to other carers who are relatives or friends"},
	ReasonEpisodeCeasedE48:     {code: "E48", desc: "special guardianship order made to other carers who are not relatives or friends"},
	ReasonEpisodeCeasedE5:      {code: "E5", desc: "moved to independent living with formal support, such as a hostel, foyer or staying close"},
	ReasonEpisodeCeasedE6:      {code: "E6", desc: "moved to independent living without formal support"},
	ReasonEpisodeCeasedE7:      {code: "E7", desc: "moved to residential care funded by adult social care"},
	ReasonEpisodeCeasedE8:      {code: "E8", desc: "care ceased for any other reason"},
	ReasonEpisodeCeasedE9:      {code: "E9", desc: "sentenced to custody"},
	ReasonEpisodeCeasedE14:     {code: "E14", desc: "accommodation on remand ended"},
	ReasonEpisodeCeasedE15:     {code: "E15", desc: "an age assessment found the child to be 18 or over, and E5 to E7 do not apply"},
	ReasonEpisodeCeasedE16:     {code: "E16", desc: "moved abroad"},
	ReasonEpisodeCeasedE17:     {code: "E17", desc: "aged 18 or over and stayed on with the current carers, including staying put"},
	ReasonEpisodeCeasedX1:      {code: "X1", desc: "episode ended and a new episode began on the same day"},
}}

// ParseReasonEpisodeCeased parses an SSDA903 reason episode ceased code
// such as "E11" or "X1". The code must match exactly. An empty or unknown
// code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseReasonEpisodeCeased(s string) (ReasonEpisodeCeased, error) {
	return parseCode[ReasonEpisodeCeased](&ceasedTable, s)
}

// CeasedReasons returns every SSDA903 reason episode ceased code, the
// older E43 and E44 included, in the order of the DfE list. The slice is
// new on each call.
func CeasedReasons() []ReasonEpisodeCeased { return allCodes[ReasonEpisodeCeased](&ceasedTable) }

// String returns the official SSDA903 code ("E11"), "" for
// [ReasonEpisodeCeasedUnknown], and ReasonEpisodeCeased(n) for a value
// outside the list.
func (r ReasonEpisodeCeased) String() string { return ceasedTable.str(int(r)) }

// IsKnown reports whether r is a code of the SSDA903 list in any year:
// false for [ReasonEpisodeCeasedUnknown] and for values outside the list. Use
// [ReasonEpisodeCeased.ValidIn] to check a particular collection year.
func (r ReasonEpisodeCeased) IsKnown() bool { return ceasedTable.known(int(r)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [ReasonEpisodeCeasedUnknown] and for
// values outside the list.
func (r ReasonEpisodeCeased) Description() string { return ceasedTable.desc(int(r)) }

// ValidIn reports whether r is in the SSDA903 reason episode ceased list of
// collection year y. E43 and E44 are treated as valid up to 2021–22 (the
// year they were retired is not known; see the package source); every
// other code is valid in every year. Unknown and values outside the list
// are never valid.
func (r ReasonEpisodeCeased) ValidIn(y CollectionYear) bool { return ceasedTable.validIn(int(r), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [ReasonEpisodeCeasedUnknown]. A value outside the list is an error
// wrapping [ErrUnknownCode].
func (r ReasonEpisodeCeased) MarshalText() ([]byte, error) {
	return marshalCode(&ceasedTable, int(r))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [ReasonEpisodeCeasedUnknown]) and the codes [ParseReasonEpisodeCeased]
// accepts.
func (r *ReasonEpisodeCeased) UnmarshalText(b []byte) error {
	return unmarshalCode(&ceasedTable, b, r)
}

// IsAdoption reports whether r is an adoption (E11, E12).
func (r ReasonEpisodeCeased) IsAdoption() bool {
	return r == ReasonEpisodeCeasedE11 || r == ReasonEpisodeCeasedE12
}

// IsSpecialGuardianship reports whether r is a special guardianship order,
// under the current codes (E45–E48) or the older ones (E43, E44).
func (r ReasonEpisodeCeased) IsSpecialGuardianship() bool {
	return r >= ReasonEpisodeCeasedE43 && r <= ReasonEpisodeCeasedE48
}

// IsChildArrangementsOrder reports whether r is a residence order or a
// child arrangements order settling with whom the child lives (E41).
func (r ReasonEpisodeCeased) IsChildArrangementsOrder() bool { return r == ReasonEpisodeCeasedE41 }

// IsReturnHome reports whether r is a return home to parents, relatives or
// others with parental responsibility, planned (E4A) or not (E4B).
func (r ReasonEpisodeCeased) IsReturnHome() bool {
	return r == ReasonEpisodeCeasedE4A || r == ReasonEpisodeCeasedE4B
}

// IsContinuation reports whether r is X1: the episode ended only because
// another began the same day, so the child did not leave care.
func (r ReasonEpisodeCeased) IsContinuation() bool { return r == ReasonEpisodeCeasedX1 }

// ReasonPlacementChange is why a child's placement changed: the SSDA903
// field REASON_PLACE_CHANGE (DfE "children looked after" return guidance,
// reason for placement change code list). The return does not expect it
// for temporary placements or for an episode that has not ended. The zero
// value, [ReasonPlacementChangeUnknown], means no reason was given.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type ReasonPlacementChange uint8

// Reason for placement change codes (SSDA903 REASON_PLACE_CHANGE). Each
// constant is named after its code.
const (
	ReasonPlacementChangeUnknown ReasonPlacementChange = iota // no reason given; prints as ""
	ReasonPlacementChangeCARPL                                // CARPL: change to, or carrying out of, the care plan
	ReasonPlacementChangeCLOSE                                // CLOSE: provider resigned or provision closed
	ReasonPlacementChangeALLEG                                // ALLEG: allegation (CA89 s.47)
	ReasonPlacementChangeSTAND                                // STAND: concerns about standards of care
	ReasonPlacementChangeAPPRR                                // APPRR: approval removed
	ReasonPlacementChangeCREQB                                // CREQB: carer asked to end it because of the child's behaviour
	ReasonPlacementChangeCREQO                                // CREQO: carer asked to end it for other reasons
	ReasonPlacementChangeCHILD                                // CHILD: child asked to end it
	ReasonPlacementChangeLAREQ                                // LAREQ: responsible or area authority asked to end it
	ReasonPlacementChangePLACE                                // PLACE: change in the placement's status only
	ReasonPlacementChangeCUSTOD                               // CUSTOD: custody arrangement
	ReasonPlacementChangeOTHER                                // OTHER: other reason
)

// placeChangeTable is the SSDA903 reason for placement change list. No
// code is known to have been added or retired in the years the reference
// covers.
var placeChangeTable = codeTable{goName: "ReasonPlacementChange", what: "reason for placement change", rows: []codeEntry{
	ReasonPlacementChangeUnknown: {},
	ReasonPlacementChangeCARPL:   {code: "CARPL", desc: "change to the care plan, or the plan being carried out"},
	ReasonPlacementChangeCLOSE:   {code: "CLOSE", desc: "the carer resigned or the provision closed"},
	ReasonPlacementChangeALLEG:   {code: "ALLEG", desc: "an allegation under section 47"},
	ReasonPlacementChangeSTAND:   {code: "STAND", desc: "concerns about the standard of care"},
	ReasonPlacementChangeAPPRR:   {code: "APPRR", desc: "the carer's approval was removed"},
	ReasonPlacementChangeCREQB:   {code: "CREQB", desc: "the carer asked for the placement to end because of the child's behaviour"},
	ReasonPlacementChangeCREQO:   {code: "CREQO", desc: "the carer asked for the placement to end for another reason"},
	ReasonPlacementChangeCHILD:   {code: "CHILD", desc: "the child asked for the placement to end"},
	ReasonPlacementChangeLAREQ:   {code: "LAREQ", desc: "the responsible or area authority asked for the placement to end"},
	ReasonPlacementChangePLACE:   {code: "PLACE", desc: "only the placement's status changed"},
	ReasonPlacementChangeCUSTOD:  {code: "CUSTOD", desc: "a custody arrangement"},
	ReasonPlacementChangeOTHER:   {code: "OTHER", desc: "any other reason"},
}}

// ParseReasonPlacementChange parses an SSDA903 reason for placement change
// code such as "CARPL". The code must match exactly. An empty or unknown
// code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseReasonPlacementChange(s string) (ReasonPlacementChange, error) {
	return parseCode[ReasonPlacementChange](&placeChangeTable, s)
}

// PlacementChangeReasons returns every SSDA903 reason for placement change
// code, in the order of the DfE list. The slice is new on each call.
func PlacementChangeReasons() []ReasonPlacementChange {
	return allCodes[ReasonPlacementChange](&placeChangeTable)
}

// String returns the official SSDA903 code ("CARPL"), "" for
// [ReasonPlacementChangeUnknown], and ReasonPlacementChange(n) for a value
// outside the list.
func (r ReasonPlacementChange) String() string { return placeChangeTable.str(int(r)) }

// IsKnown reports whether r is a code of the SSDA903 list in any year:
// false for [ReasonPlacementChangeUnknown] and for values outside the list. Use
// [ReasonPlacementChange.ValidIn] to check a particular collection year.
func (r ReasonPlacementChange) IsKnown() bool { return placeChangeTable.known(int(r)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [ReasonPlacementChangeUnknown] and for
// values outside the list.
func (r ReasonPlacementChange) Description() string { return placeChangeTable.desc(int(r)) }

// ValidIn reports whether r is in the SSDA903 reason for placement change
// list of collection year y. Every code is valid in every year the
// reference covers; Unknown and values outside the list are never valid.
func (r ReasonPlacementChange) ValidIn(y CollectionYear) bool {
	return placeChangeTable.validIn(int(r), y)
}

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [ReasonPlacementChangeUnknown]. A value outside the list is an error
// wrapping [ErrUnknownCode].
func (r ReasonPlacementChange) MarshalText() ([]byte, error) {
	return marshalCode(&placeChangeTable, int(r))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [ReasonPlacementChangeUnknown]) and the codes [ParseReasonPlacementChange]
// accepts.
func (r *ReasonPlacementChange) UnmarshalText(b []byte) error {
	return unmarshalCode(&placeChangeTable, b, r)
}

// IsCarerRequest reports whether the carer asked for the placement to end,
// because of the child's behaviour (CREQB) or for another reason (CREQO).
func (r ReasonPlacementChange) IsCarerRequest() bool {
	return r == ReasonPlacementChangeCREQB || r == ReasonPlacementChangeCREQO
}
