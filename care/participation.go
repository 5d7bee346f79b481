package care

// Participation is how a child took part in a review of their case: the
// SSDA903 field REVIEW_CODE of the Reviews table (DfE "children looked
// after" return guidance, participation codes PN0 to PN7). The zero value,
// [ParticipationUnknown], means no code was given.
//
// The numeric values are not part of the API: store and exchange the code,
// not the number.
type Participation uint8

// Review participation codes (SSDA903 REVIEW_CODE). Each constant is named
// after its code.
const (
	ParticipationUnknown Participation = iota // no code given; prints as ""
	ParticipationPN0                          // PN0: child under 4 at the time of the review
	ParticipationPN1                          // PN1: attended and spoke for themselves
	ParticipationPN2                          // PN2: attended, an advocate or the IRO spoke for them
	ParticipationPN3                          // PN3: attended and conveyed views symbolically
	ParticipationPN4                          // PN4: attended but did not contribute
	ParticipationPN5                          // PN5: did not attend, briefed an advocate or the IRO
	ParticipationPN6                          // PN6: did not attend, conveyed views by a facilitative medium
	ParticipationPN7                          // PN7: did not attend and views were not conveyed
)

// participationTable is the SSDA903 review participation list. No code is
// known to have changed in the years the reference covers.
var participationTable = codeTable{goName: "Participation", what: "review participation", rows: []codeEntry{
	ParticipationUnknown: {},
	ParticipationPN0:     {code: "PN0", desc: "child was under 4 when the review was held"},
	ParticipationPN1:     {code: "PN1", desc: "child attended and spoke for themselves"},
	ParticipationPN2:     {code: "PN2", desc: "child attended and an advocate or the IRO put their views"},
	ParticipationPN3:     {code: "PN3", desc: "child attended and conveyed their views non-verbally or symbolically"},
	ParticipationPN4:     {code: "PN4", desc: "child attended but did not contribute"},
	ParticipationPN5:     {code: "PN5", desc: "child did not attend but briefed an advocate or the IRO to put their views"},
	ParticipationPN6:     {code: "PN6", desc: "child did not attend but conveyed their views by another means, such as a form or recording"},
	ParticipationPN7:     {code: "PN7", desc: "child did not attend and their views were not conveyed"},
}}

// ParseParticipation parses an SSDA903 review participation code, "PN0" to
// "PN7". The code must match exactly. An empty or unknown code returns a
// [*ParseError] wrapping [ErrUnknownCode].
func ParseParticipation(s string) (Participation, error) {
	return parseCode[Participation](&participationTable, s)
}

// Participations returns every SSDA903 review participation code, PN0 to
// PN7. The slice is new on each call.
func Participations() []Participation { return allCodes[Participation](&participationTable) }

// String returns the official SSDA903 code ("PN1"), "" for
// [ParticipationUnknown], and Participation(n) for a value outside the
// list.
func (p Participation) String() string { return participationTable.str(int(p)) }

// IsKnown reports whether p is a code of the SSDA903 list in any year:
// false for [ParticipationUnknown] and for values outside the list. Use
// [Participation.ValidIn] to check a particular collection year.
func (p Participation) IsKnown() bool { return participationTable.known(int(p)) }

// Description returns a short English label for the code, paraphrasing the
// SSDA903 guidance. It returns "" for [ParticipationUnknown] and for values
// outside the list.
func (p Participation) Description() string { return participationTable.desc(int(p)) }

// ValidIn reports whether p is in the SSDA903 review participation list of
// collection year y. Every code is valid in every year the reference
// covers; Unknown and values outside the list are never valid.
func (p Participation) ValidIn(y CollectionYear) bool { return participationTable.validIn(int(p), y) }

// MarshalText implements [encoding.TextMarshaler]: the official code, or ""
// for [ParticipationUnknown]. A value outside the list is an error wrapping
// [ErrUnknownCode].
func (p Participation) MarshalText() ([]byte, error) {
	return marshalCode(&participationTable, int(p))
}

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts "" (for
// [ParticipationUnknown]) and the codes [ParseParticipation] accepts.
func (p *Participation) UnmarshalText(b []byte) error {
	return unmarshalCode(&participationTable, b, p)
}

// Attended reports whether the child attended the review (PN1–PN4).
func (p Participation) Attended() bool { return p >= ParticipationPN1 && p <= ParticipationPN4 }

// ViewsConveyed reports whether the child's views reached the review,
// whether or not the child attended: PN1–PN3, PN5 and PN6. It is false for
// PN4 (attended without contributing), PN7, PN0 (under 4) and Unknown.
func (p Participation) ViewsConveyed() bool {
	switch p {
	case ParticipationPN1, ParticipationPN2, ParticipationPN3, ParticipationPN5, ParticipationPN6:
		return true
	}
	return false
}

// IsUnderFour reports whether participation was not expected because the
// child was under 4 at the time of the review (PN0).
func (p Participation) IsUnderFour() bool { return p == ParticipationPN0 }
