package validate

import (
	"time"

	"github.com/lookedafter/practice/care"
)

// The field rules that read the Header or the Episodes table (issue 15).
//
// Codes. A rule that asks whether a code "is not a valid code" takes the
// cell as written, trimmed of surrounding spaces but with its case kept,
// as the DfE's XML schema does (so "p" is not the reason for new episode
// P: rule103 does the same, and the open validator's cases agree); a
// blank cell is not an invalid code (other rules ask for the field). A
// rule that reads a code to decide something else (placement P1 with
// legal status V2) reads it trimmed and without regard to case
// ([Table.Code]), as the DfE compares codes.

// epYearCode is a code of a list that changes by collection year.
type epYearCode interface {
	ValidIn(care.CollectionYear) bool
}

// epFlagInvalid flags the rows of t whose cell in the column is given and
// is not a code of the year's list, as parse reads it.
func epFlagInvalid[T epYearCode](c *Check, t *Table, name string, parse func(string) (T, error)) {
	col := t.Column(name)
	y := c.Year()
	for i := range t.Len() {
		s := col.Code(i)
		if s == "" {
			continue
		}
		if v, err := parse(s); err != nil || !v.ValidIn(y) {
			c.Flag(t, i)
		}
	}
}

// --- Header ---

// rule101: the sex is a code of the year's list (1 or 2 to 2023–24), and
// must be given.
func rule101(c *Check) { epFlagSex(c, "1", "2") }

// rule101v2024: the sex is M, F or U, and must be given.
func rule101v2024(c *Check) { epFlagSex(c, "M", "F", "U") }

func epFlagSex(c *Check, codes ...string) {
	h := c.Table(header)
	sex := h.Column("SEX")
	for i := range h.Len() {
		if !oneOf(sex.Code(i), codes...) {
			c.Flag(h, i)
		}
	}
}

// epUPN reports whether s is a UPN: a letter other than I, O or S, then
// twelve digits or eleven digits and a letter; or an unknown code UN1 to
// UN5.
func epUPN(s string) bool {
	if len(s) == 3 && s[0] == 'U' && s[1] == 'N' && s[2] >= '1' && s[2] <= '5' {
		return true
	}
	if len(s) != 13 || s[0] < 'A' || s[0] > 'Z' || s[0] == 'I' || s[0] == 'O' || s[0] == 'S' {
		return false
	}
	for k := 1; k < 12; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	last := s[12]
	return (last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z')
}

// rule168: a UPN given is a valid UPN or UN1 to UN5.
func rule168(c *Check) {
	h := c.Table(header)
	upn := h.Column("UPN")
	for i := range h.Len() {
		if s := upn.Trimmed(i); s != "" && !epUPN(s) {
			c.Flag(h, i)
		}
	}
}

// rule171: the date of birth of the mother's child is a valid date.
func rule171(c *Check) { flagBadDates(c, c.Table(header), "MC_DOB", false) }

// rule174: a male child (sex 1) has no date of birth of a mother's child.
func rule174(c *Check) { epFlagMaleMother(c, "1") }

// rule174v2024: a male child (sex M) has no date of birth of a mother's
// child.
func rule174v2024(c *Check) { epFlagMaleMother(c, "M") }

func epFlagMaleMother(c *Check, male string) {
	h := c.Table(header)
	sex, mc := h.Column("SEX"), h.Column("MC_DOB")
	for i := range h.Len() {
		if sex.Code(i) == male && !mc.Blank(i) {
			c.Flag(h, i)
		}
	}
}

// rule232: the sex is recorded as not known (U).
func rule232(c *Check) {
	h := c.Table(header)
	sex := h.Column("SEX")
	for i := range h.Len() {
		if sex.Code(i) == "U" {
			c.Flag(h, i)
		}
	}
}

// rule301: the date of birth is after the end of the collection year.
func rule301(c *Check) {
	h := c.Table(header)
	dob := h.Column("DOB")
	for i := range h.Len() {
		if d, ok := dob.Date(i); ok && d.After(c.Meta.End) {
			c.Flag(h, i)
		}
	}
}

// rule611: a mother (MOTHER 1) has the date of birth of her child.
func rule611(c *Check) {
	h := c.Table(header)
	mother, mc := h.Column("MOTHER"), h.Column("MC_DOB")
	for i := range h.Len() {
		if mother.Code(i) == "1" && mc.Blank(i) {
			c.Flag(h, i)
		}
	}
}

// rule612: a girl (sex 2) whose record is not that of a mother (MOTHER
// not 1) has no date of birth of a child.
func rule612(c *Check) { epFlagNotMother(c, "2") }

// rule612v2024: the same, sex F.
func rule612v2024(c *Check) { epFlagNotMother(c, "F") }

func epFlagNotMother(c *Check, female string) {
	h := c.Table(header)
	sex, mother, mc := h.Column("SEX"), h.Column("MOTHER"), h.Column("MC_DOB")
	for i := range h.Len() {
		if sex.Code(i) == female && mother.Code(i) != "1" && !mc.Blank(i) {
			c.Flag(h, i)
		}
	}
}

// rule621: the mother's child was born after the mother.
func rule621(c *Check) {
	h := c.Table(header)
	dob, mc := h.Column("DOB"), h.Column("MC_DOB")
	for i := range h.Len() {
		d, ok1 := dob.Date(i)
		m, ok2 := mc.Date(i)
		if ok1 && ok2 && !m.After(d) {
			c.Flag(h, i)
		}
	}
}

// --- Episodes: codes and dates ---

// rule141: the date the episode began is a valid date.
func rule141(c *Check) { flagBadDates(c, c.Table(episodes), "DECOM", false) }

// rule143: the reason for new episode is a code of the year's list.
func rule143(c *Check) { epFlagInvalid(c, c.Table(episodes), "RNE", care.ParseReasonNewEpisode) }

// rule144: the legal status is a code of the year's list.
func rule144(c *Check) { epFlagInvalid(c, c.Table(episodes), "LS", care.ParseLegalStatus) }

// rule145: the category of need is a code of the year's list.
func rule145(c *Check) { epFlagInvalid(c, c.Table(episodes), "CIN", care.ParseCategoryOfNeed) }

// rule146: the placement type is a code of the year's list (K3 from
// 2024–25; H5, P2 and Z1 to 2024–25; Z11 to Z14 from 2025–26).
func rule146(c *Check) { epFlagInvalid(c, c.Table(episodes), "PLACE", care.ParsePlacementType) }

// rule147: the date the episode ceased is a valid date.
func rule147(c *Check) { flagBadDates(c, c.Table(episodes), "DEC", false) }

// rule149: the reason the episode ceased is a code of the year's list.
func rule149(c *Check) {
	epFlagInvalid(c, c.Table(episodes), "REC", care.ParseReasonEpisodeCeased)
}

// rule1009: the reason for placement change is a code of the year's list.
func rule1009(c *Check) {
	epFlagInvalid(c, c.Table(episodes), "REASON_PLACE_CHANGE", care.ParseReasonPlacementChange)
}

// --- Episodes: placement provider ---

// epFlagProvider flags a provider given that is not a code of the list,
// or given for a placement in none (no provider is recorded for it).
func epFlagProvider(c *Check, none ...string) {
	eps := c.Table(episodes)
	prov, place := eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	y := c.Year()
	for i := range eps.Len() {
		s := prov.Code(i)
		if s == "" {
			continue
		}
		p, err := care.ParsePlacementProvider(s)
		if err != nil || !p.ValidIn(y) || oneOf(place.Code(i), none...) {
			c.Flag(eps, i)
		}
	}
}

// rule178: a provider given is PR0 to PR5, and not given for placements
// T0 to T4 and Z1.
func rule178(c *Check) { epFlagProvider(c, "T0", "T1", "T2", "T3", "T4", "Z1") }

// rule178v2025: a provider given is PR0 to PR5, and not given for
// placements T0 to T3 and Z11 to Z14 (the DfE's 2025–26 text).
func rule178v2025(c *Check) {
	epFlagProvider(c, "T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14")
}

// epFlagProviderGiven flags a provider given for a placement of places.
func epFlagProviderGiven(c *Check, places ...string) {
	eps := c.Table(episodes)
	prov, place := eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	for i := range eps.Len() {
		if !prov.Blank(i) && oneOf(place.Code(i), places...) {
			c.Flag(eps, i)
		}
	}
}

// rule213: no provider for a temporary placement, T0 to T4.
func rule213(c *Check) { epFlagProviderGiven(c, "T0", "T1", "T2", "T3", "T4") }

// rule213v2025: no provider for T0 to T4 and Z11 to Z14.
func rule213v2025(c *Check) {
	epFlagProviderGiven(c, "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
}

// epFlagProviderMissing flags a missing provider for a placement other
// than those of except.
func epFlagProviderMissing(c *Check, except ...string) {
	eps := c.Table(episodes)
	prov, place := eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	for i := range eps.Len() {
		if prov.Blank(i) && !oneOf(place.Code(i), except...) {
			c.Flag(eps, i)
		}
	}
}

// rule526: a provider for every placement but T0 to T4 and Z1.
func rule526(c *Check) { epFlagProviderMissing(c, "T0", "T1", "T2", "T3", "T4", "Z1") }

// rule526v2025: a provider for every placement but T0 to T4 and Z11 to
// Z14.
func rule526v2025(c *Check) {
	epFlagProviderMissing(c, "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
}

// epFlagProviderWith flags provider prov with a placement of places.
func epFlagProviderWith(c *Check, provider string, places ...string) {
	eps := c.Table(episodes)
	prov, place := eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	for i := range eps.Len() {
		if prov.Code(i) == provider && oneOf(place.Code(i), places...) {
			c.Flag(eps, i)
		}
	}
}

// rule527: provider PR1 is not with placements P1, R2 or R5.
func rule527(c *Check) { epFlagProviderWith(c, "PR1", "P1", "R2", "R5") }

// rule528: provider PR2 is not with placements P1, R2 or R5.
func rule528(c *Check) { epFlagProviderWith(c, "PR2", "P1", "R2", "R5") }

// rule529: provider PR3 is not with placements P1, A3 to A6, K1, K2 and
// U1 to U6.
func rule529(c *Check) {
	epFlagProviderWith(c, "PR3", "P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6")
}

// rule530: provider PR4 is not with placement P1.
func rule530(c *Check) { epFlagProviderWith(c, "PR4", "P1") }

// rule531: provider PR5 is not with placement P1.
func rule531(c *Check) { epFlagProviderWith(c, "PR5", "P1") }

// rule550: provider PR0 is only with placement P1.
func rule550(c *Check) {
	eps := c.Table(episodes)
	prov, place := eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	for i := range eps.Len() {
		if prov.Code(i) == "PR0" && place.Code(i) != "P1" {
			c.Flag(eps, i)
		}
	}
}

// --- Episodes: placement location ---

// rule214: no placement postcode or URN for a child on short breaks (V3,
// V4).
func rule214(c *Check) {
	eps := c.Table(episodes)
	ls, post, urn := eps.Column("LS"), eps.Column("PL_POST"), eps.Column("URN")
	for i := range eps.Len() {
		if shortBreaks(ls.Code(i)) && (!post.Blank(i) || !urn.Blank(i)) {
			c.Flag(eps, i)
		}
	}
}

// epFlagURN flags a URN given, other than XXXXXXX, for a placement of
// places.
func epFlagURN(c *Check, places ...string) {
	eps := c.Table(episodes)
	place, urn := eps.Column("PLACE"), eps.Column("URN")
	for i := range eps.Len() {
		if u := urn.Code(i); u != "" && u != "XXXXXXX" && oneOf(place.Code(i), places...) {
			c.Flag(eps, i)
		}
	}
}

// rule222: no URN for placements H5, P1 to P3, R1, R2, R5, T0 to T4 and
// Z1 (2022–23).
func rule222(c *Check) {
	epFlagURN(c, "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")
}

// rule222v2023: the same without H5 (2023–24).
func rule222v2023(c *Check) {
	epFlagURN(c, "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")
}

// rule222v2024: the same without P2 (2024–25).
func rule222v2024(c *Check) {
	epFlagURN(c, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")
}

// rule222v2025: Z11 to Z14 in place of Z1 (2025–26 on).
func rule222v2025(c *Check) {
	epFlagURN(c, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
}

// epSamePostcode reports whether two postcodes given are the same,
// ignoring case and spaces.
func epSamePostcode(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == ' ' {
			i++
		}
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

// rule392d: the home and placement postcodes differ unless the placement
// is P1.
func rule392d(c *Check) {
	eps := c.Table(episodes)
	place, home, pl := eps.Column("PLACE"), eps.Column("HOME_POST"), eps.Column("PL_POST")
	for i := range eps.Len() {
		h, p := home.Code(i), pl.Code(i)
		if h != "" && p != "" && place.Code(i) != "P1" && epSamePostcode(h, p) {
			c.Flag(eps, i)
		}
	}
}

// rule398: no home or placement postcode (from which the distance is
// derived) for a child on short breaks (V3, V4).
func rule398(c *Check) {
	eps := c.Table(episodes)
	ls, home, pl := eps.Column("LS"), eps.Column("HOME_POST"), eps.Column("PL_POST")
	for i := range eps.Len() {
		if shortBreaks(ls.Code(i)) && (!home.Blank(i) || !pl.Blank(i)) {
			c.Flag(eps, i)
		}
	}
}

// --- Episodes: the dates of an episode ---

// Fixed dates of the rules, never modified.
var (
	epEarliest = care.MustDate(1991, time.October, 14) // 353: the Children Act 1989 in force
	epE1From   = care.MustDate(2005, time.December, 1) // 446: placement orders (E1)
	epA3A5From = care.MustDate(2015, time.April, 1)    // 217
)

// rule353: no episode starts before 14 October 1991.
func rule353(c *Check) {
	eps := c.Table(episodes)
	decom := eps.Column("DECOM")
	for i := range eps.Len() {
		if d, ok := decom.Date(i); ok && d.Before(epEarliest) {
			c.Flag(eps, i)
		}
	}
}

// rule354: the episode began on or before the end of the collection
// year.
func rule354(c *Check) { flagAfterEnd(c, c.Table(episodes), "DECOM") }

// rule385: the episode ceased on or before the end of the collection
// year.
func rule385(c *Check) { flagAfterEnd(c, c.Table(episodes), "DEC") }

// rule355: the episode did not begin and cease on the same day.
func rule355(c *Check) {
	eps := c.Table(episodes)
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for i := range eps.Len() {
		s, ok1 := decom.Date(i)
		e, ok2 := dec.Date(i)
		if ok1 && ok2 && s == e {
			c.Flag(eps, i)
		}
	}
}

// rule356: the episode did not cease before it began.
func rule356(c *Check) {
	eps := c.Table(episodes)
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for i := range eps.Len() {
		s, ok1 := decom.Date(i)
		e, ok2 := dec.Date(i)
		if ok1 && ok2 && e.Before(s) {
			c.Flag(eps, i)
		}
	}
}

// rule233: no reason for placement change for an episode that has not
// ceased.
func rule233(c *Check) {
	eps := c.Table(episodes)
	dec, why := eps.Column("DEC"), eps.Column("REASON_PLACE_CHANGE")
	for i := range eps.Len() {
		if dec.Blank(i) && !why.Blank(i) {
			c.Flag(eps, i)
		}
	}
}

// --- Episodes: combinations of codes ---

// rule217: a child placed for adoption with the current foster carers
// (A3, A5) in an episode from 1 April 2015 has a reason for new episode
// S, T or U.
func rule217(c *Check) {
	eps := c.Table(episodes)
	place, decom, rne := eps.Column("PLACE"), eps.Column("DECOM"), eps.Column("RNE")
	for i := range eps.Len() {
		d, ok := decom.Date(i)
		if ok && !d.Before(epA3A5From) && oneOf(place.Code(i), "A3", "A5") && !oneOf(rne.Code(i), "S", "T", "U") {
			c.Flag(eps, i)
		}
	}
}

// rule366: a short break under V3 is an episode of its own: it starts
// the period of care (reason S), never a change of placement.
func rule366(c *Check) {
	eps := c.Table(episodes)
	ls, rne := eps.Column("LS"), eps.Column("RNE")
	for i := range eps.Len() {
		if ls.Code(i) == "V3" && rne.Code(i) != "S" {
			c.Flag(eps, i)
		}
	}
}

// rule378: a child placed with parents (P1) is not accommodated under a
// single period of section 20 (V2).
func rule378(c *Check) {
	eps := c.Table(episodes)
	place, ls := eps.Column("PLACE"), eps.Column("LS")
	for i := range eps.Len() {
		if place.Code(i) == "P1" && ls.Code(i) == "V2" {
			c.Flag(eps, i)
		}
	}
}

// rule380: a temporary placement (T0 to T4) is a change of placement
// (reason P or B), never the start of a period of care.
func rule380(c *Check) {
	eps := c.Table(episodes)
	place, rne := eps.Column("PLACE"), eps.Column("RNE")
	for i := range eps.Len() {
		if isTemporaryPlacement(place.Code(i)) && !oneOf(rne.Code(i), "P", "B") {
			c.Flag(eps, i)
		}
	}
}

// rule381: a temporary placement (T0 to T4) ends only in another episode
// (X1), never the end of the period of care.
func rule381(c *Check) {
	eps := c.Table(episodes)
	place, rec := eps.Column("PLACE"), eps.Column("REC")
	for i := range eps.Len() {
		if r := rec.Code(i); r != "" && r != "X1" && isTemporaryPlacement(place.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule382: a child on short breaks (V3, V4) is not in a temporary
// placement.
func rule382(c *Check) {
	eps := c.Table(episodes)
	place, ls := eps.Column("PLACE"), eps.Column("LS")
	for i := range eps.Len() {
		if shortBreaks(ls.Code(i)) && isTemporaryPlacement(place.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule384: a child on short breaks (V3, V4) is not in a long-term foster
// placement (U1, U4).
func rule384(c *Check) {
	eps := c.Table(episodes)
	place, ls := eps.Column("PLACE"), eps.Column("LS")
	for i := range eps.Len() {
		if shortBreaks(ls.Code(i)) && oneOf(place.Code(i), "U1", "U4") {
			c.Flag(eps, i)
		}
	}
}

// rule390: an episode that ceased with adoption (E11, E12) was a
// placement for adoption (A3 to A6).
func rule390(c *Check) {
	eps := c.Table(episodes)
	place, rec := eps.Column("PLACE"), eps.Column("REC")
	for i := range eps.Len() {
		if oneOf(rec.Code(i), "E11", "E12") && !oneOf(place.Code(i), "A3", "A4", "A5", "A6") {
			c.Flag(eps, i)
		}
	}
}

// rule408: a child placed for adoption under a placement order (A5, A6)
// has the legal status of a placement order (E1).
func rule408(c *Check) {
	eps := c.Table(episodes)
	place, ls := eps.Column("PLACE"), eps.Column("LS")
	for i := range eps.Len() {
		if oneOf(place.Code(i), "A5", "A6") && ls.Code(i) != "E1" {
			c.Flag(eps, i)
		}
	}
}

// rule426: a child's short breaks are recorded under V3 or under V4 in a
// year, not both: when both appear, each of them is flagged.
func rule426(c *Check) {
	eps := c.Table(episodes)
	ls := eps.Column("LS")
	for _, child := range eps.Children() {
		rows := eps.RowsOf(child)
		v3, v4 := false, false
		for _, i := range rows {
			v3 = v3 || ls.Code(i) == "V3"
			v4 = v4 || ls.Code(i) == "V4"
		}
		if !v3 || !v4 {
			continue
		}
		for _, i := range rows {
			if shortBreaks(ls.Code(i)) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule435: an episode whose reason is a change of placement only (P, or
// T: same carer) keeps the legal status of the child's previous episode
// and changes something of the placement (type, postcode, URN or
// provider).
func rule435(c *Check) {
	eps := c.Table(episodes)
	rne, ls := eps.Column("RNE"), eps.Column("LS")
	placeCols := [...]*Column{eps.Column("PLACE"), eps.Column("PL_POST"), eps.Column("URN"), eps.Column("PLACE_PROVIDER")}
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		for k := 1; k < len(rows); k++ {
			i, prev := rows[k], rows[k-1]
			if !oneOf(rne.Code(i), "P", "T") {
				continue
			}
			same := true
			for _, col := range placeCols {
				same = same && col.Code(i) == col.Code(prev)
			}
			if ls.Code(i) != ls.Code(prev) || same {
				c.Flag(eps, i)
			}
		}
	}
}

// rule446: legal status E1 (placement order) is not for an episode that
// began before 1 December 2005.
func rule446(c *Check) {
	eps := c.Table(episodes)
	ls, decom := eps.Column("LS"), eps.Column("DECOM")
	for i := range eps.Len() {
		if d, ok := decom.Date(i); ok && d.Before(epE1From) && ls.Code(i) == "E1" {
			c.Flag(eps, i)
		}
	}
}

// rule516: an episode that ceased with a special guardianship order to
// former foster carers (E45, E46) was a foster placement (U1 to U6).
func rule516(c *Check) {
	eps := c.Table(episodes)
	place, rec := eps.Column("PLACE"), eps.Column("REC")
	for i := range eps.Len() {
		if oneOf(rec.Code(i), "E45", "E46") && !oneOf(place.Code(i), "U1", "U2", "U3", "U4", "U5", "U6") {
			c.Flag(eps, i)
		}
	}
}
