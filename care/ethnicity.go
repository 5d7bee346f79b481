package care

// Ethnicity is a child's ethnic group as the DfE records it: the SSDA903
// field ETHNIC of the Header table (DfE "children looked after" return
// guidance, ethnicity code list, the same four-letter codes as the school
// census). The zero value, [EthnicityUnknown], means no code was given;
// the codes REFU and NOBT record a refusal or that the information has not
// yet been obtained.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type Ethnicity uint8

// Ethnicity codes (SSDA903 ETHNIC). Each constant is named after its code.
const (
	EthnicityUnknown Ethnicity = iota // no code given; prints as ""
	EthnicityWBRI                     // WBRI: White British
	EthnicityWIRI                     // WIRI: White Irish
	EthnicityWIRT                     // WIRT: Traveller of Irish heritage
	EthnicityWOTH                     // WOTH: any other White background
	EthnicityWROM                     // WROM: Gypsy or Roma
	EthnicityMWBC                     // MWBC: White and Black Caribbean
	EthnicityMWBA                     // MWBA: White and Black African
	EthnicityMWAS                     // MWAS: White and Asian
	EthnicityMOTH                     // MOTH: any other mixed background
	EthnicityAIND                     // AIND: Indian
	EthnicityAPKN                     // APKN: Pakistani
	EthnicityABAN                     // ABAN: Bangladeshi
	EthnicityAOTH                     // AOTH: any other Asian background
	EthnicityBCRB                     // BCRB: Black Caribbean
	EthnicityBAFR                     // BAFR: Black African
	EthnicityBOTH                     // BOTH: any other Black background
	EthnicityCHNE                     // CHNE: Chinese
	EthnicityOOTH                     // OOTH: any other ethnic group
	EthnicityREFU                     // REFU: refused
	EthnicityNOBT                     // NOBT: information not yet obtained
)

// ethnicityTable is the SSDA903 ethnicity list. No code is known to have
// changed in the years the reference covers.
var ethnicityTable = codeTable{goName: "Ethnicity", what: "ethnicity", rows: []codeEntry{
	EthnicityUnknown: {},
	EthnicityWBRI:    {code: "WBRI", desc: "White: British"},
	EthnicityWIRI:    {code: "WIRI", desc: "White: Irish"},
	EthnicityWIRT:    {code: "WIRT", desc: "White: Traveller of Irish heritage"},
	EthnicityWOTH:    {code: "WOTH", desc: "White: any other White background"},
	EthnicityWROM:    {code: "WROM", desc: "White: Gypsy or Roma"},
	EthnicityMWBC:    {code: "MWBC", desc: "Mixed: White and Black Caribbean"},
	EthnicityMWBA:    {code: "MWBA", desc: "Mixed: White and Black African"},
	EthnicityMWAS:    {code: "MWAS", desc: "Mixed: White and Asian"},
	EthnicityMOTH:    {code: "MOTH", desc: "Mixed: any other mixed background"},
	EthnicityAIND:    {code: "AIND", desc: "Asian or Asian British: Indian"},
	EthnicityAPKN:    {code: "APKN", desc: "Asian or Asian British: Pakistani"},
	EthnicityABAN:    {code: "ABAN", desc: "Asian or Asian British: Bangladeshi"},
	EthnicityAOTH:    {code: "AOTH", desc: "Asian or Asian British: any other Asian background"},
	EthnicityBCRB:    {code: "BCRB", desc: "Black or Black British: Caribbean"},
	EthnicityBAFR:    {code: "BAFR", desc: "Black or Black British: African"},
	EthnicityBOTH:    {code: "BOTH", desc: "Black or Black British: any other Black background"},
	EthnicityCHNE:    {code: "CHNE", desc: "Chinese"},
	EthnicityOOTH:    {code: "OOTH", desc: "any other ethnic group"},
	EthnicityREFU:    {code: "REFU", desc: "refused to say"},
	EthnicityNOBT:    {code: "NOBT", desc: "information not yet obtained"},
}}

// ParseEthnicity parses an SSDA903 ethnicity code such as "WBRI". The code
// must match exactly: four upper-case letters, no surrounding space. An
// empty or unknown code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseEthnicity(s string) (Ethnicity, error) {
	return parseCode[Ethnicity](&ethnicityTable, s)
}

// Ethnicities returns every SSDA903 ethnicity code, REFU and NOBT included.
// The slice is new on each call.
func Ethnicities() []Ethnicity { return allCodes[Ethnicity](&ethnicityTable) }

// String returns the official SSDA903 code ("WBRI"), "" for
// [EthnicityUnknown], and Ethnicity(n) for a value outside the list.
func (e Ethnicity) String() string { return ethnicityTable.str(int(e)) }

// IsKnown reports whether e is a code of the SSDA903 list in any year:
// false for [EthnicityUnknown] and for values outside the list. Use
// [Ethnicity.ValidIn] to check a particular collection year.
func (e Ethnicity) IsKnown() bool { return ethnicityTable.known(int(e)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [EthnicityUnknown] and for values
// outside the list.
func (e Ethnicity) Description() string { return ethnicityTable.desc(int(e)) }

// ValidIn reports whether e is in the SSDA903 ethnicity list of collection
// year y. Every code is valid in every year the reference covers; Unknown
// and values outside the list are never valid.
func (e Ethnicity) ValidIn(y CollectionYear) bool { return ethnicityTable.validIn(int(e), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [EthnicityUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (e Ethnicity) MarshalText() ([]byte, error) { return marshalCode(&ethnicityTable, int(e)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [EthnicityUnknown]) and the codes [ParseEthnicity] accepts.
func (e *Ethnicity) UnmarshalText(b []byte) error {
	return unmarshalCode(&ethnicityTable, b, e)
}

// IsRecorded reports whether e records an ethnic group: true for every code
// except REFU (refused) and NOBT (not yet obtained), and false for Unknown.
func (e Ethnicity) IsRecorded() bool {
	return ethnicityTable.known(int(e)) && e != EthnicityREFU && e != EthnicityNOBT
}
