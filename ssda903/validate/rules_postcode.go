package validate

import "strconv"

// postcodeRules holds the rules of the ref-postcode family: postcode-derived
// fields and the authority's code. Issue 16.
//
// Most read the postcode-derived columns of the Episodes table
// (PL_DISTANCE, PL_LA, PL_LOCATION; [Rule.Derived]): as the return gives
// them, or derived from its postcodes ([Metadata.Postcodes]); a rule is
// skipped when a column it reads is neither given nor derivable, and a
// row whose derived value is unknown (a postcode the directory does not
// know: no cell, [Table.Missing]) is not judged. A blank cell is a
// blank value: given blank, or derived from a blank postcode. Only 392c
// judges the postcodes themselves, against the directory given
// ([NeedPostcodes]). 218 reads PL_LA only to exempt placements outside
// England, and still needs it: without it an out-of-area placement would
// be flagged for want of a URN.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var postcodeRules = []Rule{
	{Code: "164", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes, header), Optional: tables(uasc), Derived: fields(colDistance), Check: rule164},
	{Code: "169", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
		Fields:  fields("PL_LA"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule169},
	{Code: "179", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Placement location code is not a valid code.",
		Fields:  fields("PL_LOCATION"), Tables: tables(episodes), Derived: fields(colLocation), Check: rule179},
	{Code: "218", Years: Years{From: 2022, Until: 2023}, Family: FamilyRefPostcode,
		Message: "Ofsted Unique reference number (URN) is required.",
		Fields:  fields("URN"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule218},
	{Code: "218", Years: Years{From: 2024, Until: 2024}, Family: FamilyRefPostcode,
		Message: "Ofsted Unique reference number (URN) is required.",
		Fields:  fields("URN"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule218v2024},
	{Code: "218", Years: Years{From: 2025}, Family: FamilyRefPostcode,
		Message: "Ofsted Unique reference number (URN) is required.",
		Fields:  fields("URN"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule218v2025},
	{Code: "392a", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes, header), Optional: tables(uasc), Derived: fields(colDistance), Check: rule392a},
	{Code: "392c", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Postcode(s) provided are invalid.",
		Fields:  fields("HOME_POST", "PL_POST"), Tables: tables(episodes), Needs: NeedPostcodes, Check: rule392c},
	{Code: "406", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes, header), Optional: tables(uasc), Derived: fields(colDistance), Check: rule406},
	{Code: "411", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Placement location code disagrees with LA of placement.",
		Fields:  fields("PL_LOCATION"), Tables: tables(episodes), Needs: NeedAuthority, Derived: fields(colPlaceLA, colLocation), Check: rule411},
	{Code: "420", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "LA of placement completed but child is looked after under legal status V3 or V4.",
		Fields:  fields("PL_LA"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule420},
	{Code: "452", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
		Fields:  fields("PL_LA"), Tables: tables(episodes), Last: tables(episodes), Derived: fields(colPlaceLA), Check: rule452},
	{Code: "453", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes), Last: tables(episodes), Derived: fields(colDistance), Check: rule453},
	{Code: "454", Years: Years{From: 2025}, Family: FamilyRefPostcode,
		Message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes), Derived: fields(colDistance), Check: rule454},
	{Code: "503G", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "The distance in first episode does not match open episode at end of last year.",
		Fields:  fields("PL_DISTANCE"), Tables: tables(episodes), Last: tables(episodes), Derived: fields(colDistance), Check: rule503G},
	{Code: "503H", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "The placement LA in first episode does not match open episode at end of last year.",
		Fields:  fields("PL_LA"), Tables: tables(episodes), Last: tables(episodes), Derived: fields(colPlaceLA), Check: rule503H},
	{Code: "503J", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "The placement location in first episode does not match open episode at end of last year.",
		Fields:  fields("PL_LOCATION"), Tables: tables(episodes), Last: tables(episodes), Derived: fields(colLocation), Check: rule503J},
	{Code: "1015", Years: Years{From: 2022}, Family: FamilyRefPostcode,
		Message: "Placement provider is own provision but child not placed in own LA.",
		Fields:  fields("PL_LA"), Tables: tables(episodes), Needs: NeedAuthority, Derived: fields(colPlaceLA), Check: rule1015},
}

// uascChildren returns the children who are or were unaccompanied
// asylum-seeking children, in the data loaded: UASC = 1 in this year's
// or last year's Header, or a row with a date UASC ceased (DUC) in this
// year's or last year's UASC table.
func uascChildren(c *Check) map[string]bool {
	out := map[string]bool{}
	for _, h := range []*Table{c.Table(header), c.Last(header)} {
		if h == nil {
			continue
		}
		u := h.Column("UASC")
		for i := range h.Len() {
			if u.Code(i) == "1" {
				out[h.Child(i)] = true
			}
		}
	}
	for _, t := range []*Table{c.Table(uasc), c.Last(uasc)} {
		if t == nil {
			continue
		}
		duc := t.Column("DUC")
		for i := range t.Len() {
			if !duc.Blank(i) {
				out[t.Child(i)] = true
			}
		}
	}
	return out
}

// distance returns a PL_DISTANCE cell in miles, and whether it is a
// number.
func distance(col *Column, i int) (float64, bool) {
	v, err := strconv.ParseFloat(col.Code(i), 64)
	return v, err == nil
}

// rule164: a child who is not and was not UASC, not on a short break,
// has a distance, if any, from 0.0 to 999.9 miles.
func rule164(c *Check) {
	eps := c.Table(episodes)
	ls, dist := eps.Column("LS"), eps.Column(colDistance)
	was := uascChildren(c)
	for i := range eps.Len() {
		if dist.Blank(i) || was[eps.Child(i)] || shortBreaks(ls.Code(i)) {
			continue
		}
		if d, ok := distance(dist, i); !ok || d < 0 || d > 999.9 {
			c.Flag(eps, i)
		}
	}
}

// rule392a: a child who is not and was not UASC, not on a short break,
// has a distance.
func rule392a(c *Check) {
	eps := c.Table(episodes)
	ls, dist := eps.Column("LS"), eps.Column(colDistance)
	was := uascChildren(c)
	for i := range eps.Len() {
		if dist.Blank(i) && !dist.Missing(i) && !shortBreaks(ls.Code(i)) && !was[eps.Child(i)] {
			c.Flag(eps, i)
		}
	}
}

// rule406: a child who is or was UASC has no distance.
func rule406(c *Check) {
	eps := c.Table(episodes)
	dist := eps.Column(colDistance)
	was := uascChildren(c)
	for i := range eps.Len() {
		if !dist.Blank(i) && was[eps.Child(i)] {
			c.Flag(eps, i)
		}
	}
}

// rule454: a distance is at most 350 miles (999.9 marks a distance not
// known).
func rule454(c *Check) {
	eps := c.Table(episodes)
	dist := eps.Column(colDistance)
	for i := range eps.Len() {
		if d, ok := distance(dist, i); ok && d > 350 && d != 999.9 {
			c.Flag(eps, i)
		}
	}
}

// rule169: a child not on a short break has a placement authority.
func rule169(c *Check) {
	eps := c.Table(episodes)
	ls, la := eps.Column("LS"), eps.Column(colPlaceLA)
	for i := range eps.Len() {
		if la.Blank(i) && !la.Missing(i) && !shortBreaks(ls.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule420: a child on a short break has no placement authority.
func rule420(c *Check) {
	eps := c.Table(episodes)
	ls, la := eps.Column("LS"), eps.Column(colPlaceLA)
	for i := range eps.Len() {
		if !la.Blank(i) && shortBreaks(ls.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule179: a placement location, when given, is IN or OUT; a child not
// on a short break has one.
func rule179(c *Check) {
	eps := c.Table(episodes)
	ls, loc := eps.Column("LS"), eps.Column(colLocation)
	for i := range eps.Len() {
		switch {
		case loc.Missing(i):
		case loc.Blank(i):
			if !shortBreaks(ls.Code(i)) {
				c.Flag(eps, i)
			}
		case !oneOf(loc.Code(i), "IN", "OUT"):
			c.Flag(eps, i)
		}
	}
}

// rule411: a placement located IN the authority has the authority as
// its placement authority.
func rule411(c *Check) {
	eps := c.Table(episodes)
	la, loc := eps.Column(colPlaceLA), eps.Column(colLocation)
	ours, _ := authorityCode(c.Meta)
	for i := range eps.Len() {
		if loc.Code(i) == "IN" && !la.Missing(i) && la.Code(i) != ours {
			c.Flag(eps, i)
		}
	}
}

// rule1015: a placement with the authority's own provision (PR1), other
// than foster care or adoption (A3–A6, U1–U6), not a short break, is in
// the authority. A placement authority not recorded or not known is not
// judged here (169 flags one not recorded).
func rule1015(c *Check) {
	eps := c.Table(episodes)
	place, ls, pp, la := eps.Column("PLACE"), eps.Column("LS"), eps.Column("PLACE_PROVIDER"), eps.Column(colPlaceLA)
	ours, _ := authorityCode(c.Meta)
	for i := range eps.Len() {
		if pp.Code(i) != "PR1" || place.Blank(i) || ls.Blank(i) || shortBreaks(ls.Code(i)) || la.Blank(i) {
			continue
		}
		if !oneOf(place.Code(i), "A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6") && la.Code(i) != ours {
			c.Flag(eps, i)
		}
	}
}

// rule218 (2022–23, 2023–24): an episode open at or ending on or after
// the start of the collection has a URN, but for placements of types H5,
// P1–P3, R1, R2, R5, T0–T4 and Z1, placements outside England and
// confidential ones (CON).
func rule218(c *Check) {
	flagNoURN(c, "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")
}

// rule218v2024: as rule218, with H5 and P2 no longer exempt.
func rule218v2024(c *Check) {
	flagNoURN(c, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1")
}

// rule218v2025: as rule218v2024, with Z1 become Z11–Z14.
func rule218v2025(c *Check) {
	flagNoURN(c, "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
}

func flagNoURN(c *Check, exempt ...string) {
	eps := c.Table(episodes)
	place, dec, la, urn := eps.Column("PLACE"), eps.Column("DEC"), eps.Column(colPlaceLA), eps.Column("URN")
	for i := range eps.Len() {
		if !urn.Blank(i) || la.Missing(i) || outsideEngland(la.Code(i)) || la.Code(i) == "CON" || oneOf(place.Code(i), exempt...) || dec.BadDate(i) {
			continue
		}
		if end, ended := dec.Date(i); !ended || !end.Before(c.Meta.Start) {
			c.Flag(eps, i)
		}
	}
}

// outsideEngland reports whether a placement authority (PL_LA) is
// outside England: SCO, WAL, NIR, NUK (outside the United Kingdom), or
// an ONS code of Scotland, Wales or Northern Ireland (S…, W…, N…).
func outsideEngland(la string) bool {
	return la != "" && (la[0] == 'S' || la[0] == 'W' || la[0] == 'N')
}

// rule392c: a home or placement postcode given is one the postcode
// directory knows.
func rule392c(c *Check) {
	eps := c.Table(episodes)
	home, place := eps.Column("HOME_POST"), eps.Column("PL_POST")
	for i := range eps.Len() {
		for _, pc := range []*Column{home, place} {
			if !pc.Blank(i) {
				if _, ok := c.Meta.Postcodes.Lookup(pc.Trimmed(i)); !ok {
					c.Flag(eps, i)
				}
			}
		}
	}
}

// rule452: the placement authority of a child's first episode is that of
// the episode open at the end of last year.
func rule452(c *Check) { flagChangedSinceLastYear(c, colPlaceLA) }

// rule503H: as rule452 (the DfE lists both).
func rule503H(c *Check) { flagChangedSinceLastYear(c, colPlaceLA) }

// rule453: the distance of a child's first episode is that of the
// episode open at the end of last year.
func rule453(c *Check) { flagChangedSinceLastYear(c, colDistance) }

// rule503G: as rule453 (the DfE lists both).
func rule503G(c *Check) { flagChangedSinceLastYear(c, colDistance) }

// rule503J: the placement location of a child's first episode is that of
// the episode open at the end of last year.
func rule503J(c *Check) { flagChangedSinceLastYear(c, colLocation) }

// flagChangedSinceLastYear flags each child's first episode this year
// (the earliest DECOM) whose value in the column differs from that of
// the child's final episode last year (the latest DECOM) when that was
// open (no DEC). Values are compared as codes, or as numbers when both
// are numbers (165 is 165.0); a value not known (not derivable) is not
// compared.
func flagChangedSinceLastYear(c *Check, name string) {
	eps, last := c.Table(episodes), c.Last(episodes)
	this, prev := eps.Column(name), last.Column(name)
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		lastRows := last.RowsOf(child)
		if len(rows) == 0 || len(lastRows) == 0 {
			continue
		}
		first := rows[0]
		lastRows = last.SortedByDate(lastRows, "DECOM")
		final := lastRows[len(lastRows)-1]
		if _, ok := eps.Date(first, "DECOM"); !ok || !last.Blank(final, "DEC") {
			continue
		}
		if this.Missing(first) || prev.Missing(final) {
			continue
		}
		if !sameValue(this, first, prev, final) {
			c.Flag(eps, first)
		}
	}
}

func sameValue(a *Column, i int, b *Column, j int) bool {
	x, okx := distance(a, i)
	y, oky := distance(b, j)
	if okx && oky {
		return x == y
	}
	return a.Code(i) == b.Code(j)
}
