package validate

import (
	"strconv"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// prevYearRules holds the rules of the prev-year family: rules comparing
// with the previous year's return. Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var prevYearRules = []Rule{
	{Code: "165", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Data entry for mother status is invalid.",
		Fields:  fields("MOTHER", "SEX", "ACTIV", "ACCOM", "IN_TOUCH", "DECOM"), Tables: tables(episodes, header, oc3), Check: rule165},
	{Code: "199", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
		Fields:  fields("CHILD"), Tables: tables(episodes), Check: rule199},
	{Code: "202", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The gender code conflicts with the gender already recorded for this child.",
		Fields:  fields("SEX"), Tables: tables(header), Last: tables(header), Check: rule202},
	{Code: "204", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
		Fields:  fields("ETHNIC"), Tables: tables(header), Last: tables(header), Check: rule204},
	{Code: "205D", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
		Fields:  fields("UASC", "CHILD"), Tables: tables(uasc), Optional: tables(header), Last: tables(uasc), Check: rule205D},
	{Code: "207", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
		Fields:  fields("MOTHER"), Tables: tables(episodes, header), Last: tables(header), Check: rule207},
	{Code: "208", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
		Fields:  fields("UPN"), Tables: tables(header), Last: tables(header), Check: rule208},
	{Code: "348", Years: Years{From: 2025}, Family: FamilyPrevYear,
		Message: "Care leaver has previously been reported as having died.",
		Fields:  fields("IN_TOUCH"), Tables: tables(oc3), Last: tables(oc3), Check: rule348},
	{Code: "392b", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
		Fields:  fields("HOME_POST", "PL_POST"), Tables: tables(episodes), Optional: tables(header, uasc), Check: rule392b},
	{Code: "502", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
		Fields:  fields("DECOM"), Tables: tables(episodes), Last: tables(episodes), Check: rule502},
	{Code: "503A", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The reason for new episode in the first episode does not match open episode at end of last year.",
		Fields:  fields("RNE"), Tables: tables(episodes), Last: tables(episodes), Check: rule503A},
	{Code: "503B", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The legal status in the first episode does not match open episode at end of last year.",
		Fields:  fields("LS"), Tables: tables(episodes), Last: tables(episodes), Check: rule503B},
	{Code: "503C", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The category of need in the first episode does not match open episode at end of last year.",
		Fields:  fields("CIN"), Tables: tables(episodes), Last: tables(episodes), Check: rule503C},
	{Code: "503D", Years: Years{From: 2022, Until: 2023}, Family: FamilyPrevYear,
		Message: "The placement type in the first episode does not match open episode at end of last year",
		Fields:  fields("PLACE"), Tables: tables(episodes), Last: tables(episodes), Check: rule503D},
	{Code: "503D", Years: Years{From: 2024, Until: 2024}, Family: FamilyPrevYear,
		Message: "The placement type in the first episode does not match open episode at end of last year",
		Fields:  fields("PLACE"), Tables: tables(episodes), Last: tables(episodes), Check: rule503Dv2024},
	{Code: "503D", Years: Years{From: 2025}, Family: FamilyPrevYear,
		Message: "The placement type in the first episode does not match open episode at end of last year",
		Fields:  fields("PLACE"), Tables: tables(episodes), Last: tables(episodes), Check: rule503Dv2025},
	{Code: "503E", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The placement provider in the first episode does not match open episode at end of last year.",
		Fields:  fields("PLACE_PROVIDER"), Tables: tables(episodes), Last: tables(episodes), Check: rule503E},
	{Code: "503F", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "The Ofsted URN in the  first episode does not match open episode at end of last year.",
		Fields:  fields("URN"), Tables: tables(episodes), Last: tables(episodes), Check: rule503F},
	{Code: "559", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
		Fields:  fields("DATE_PLACED"), Tables: tables(placedAdoption), Last: tables(placedAdoption), Check: rule559},
	{Code: "560", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
		Fields:  fields("DATE_PLACED", "DATE_PLACED_CEASED"), Tables: tables(placedAdoption), Last: tables(placedAdoption), Check: rule560},
	{Code: "561", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
		Fields:  fields("DATE_PLACED"), Tables: tables(placedAdoption), Last: tables(placedAdoption), Check: rule561},
	{Code: "562", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
		Fields:  fields("DECOM"), Tables: tables(episodes), Last: tables(episodes), Check: rule562},
	{Code: "576", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
		Fields:  fields("CHILD"), Tables: tables(missing), Last: tables(missing), Check: rule576},
	{Code: "584", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
		Fields:  fields("DATE_PLACED"), Tables: tables(placedAdoption), Last: tables(placedAdoption), Check: rule584},
	{Code: "624", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
		Fields:  fields("MC_DOB"), Tables: tables(header), Last: tables(header), Check: rule624},
	{Code: "625", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
		Fields:  fields("MC_DOB", "DEC"), Tables: tables(episodes, header), Check: rule625},
	{Code: "626", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
		Fields:  fields("MOTHER", "MC_DOB"), Tables: tables(header), Last: tables(header), Check: rule626},
	{Code: "706", Years: Years{From: 2026}, Family: FamilyPrevYear,
		Message: "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..",
		Fields:  fields("DOLO_START"), Tables: tables(dolo), Last: tables(dolo), Check: rule706},
	{Code: "1000", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Check: rule1000},
	{Code: "1002", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Last: tables(episodes), Check: rule1002},
	{Code: "1010", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Last: tables(episodes), Check: rule1010},
	{Code: "1011", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Check: rule1011},
	{Code: "NoE", Years: Years{From: 2022}, Family: FamilyPrevYear,
		Message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
		Fields:  fields("DECOM"), Tables: tables(episodes), Last: tables(episodes), Check: ruleNoE},
}

// Helpers of the prev-year rules. A child's rows in last year's return are
// found by its CHILD code, as in this year's.

// dayP returns row i's cell of col as a date: dd/mm/yyyy as the DfE
// writes dates, or else yyyy-mm-dd, the form in which some of the open
// validator's cases give theirs (its tests parse them before the rule
// runs). A cell in neither form is no date.
func dayP(col *Column, i int) (care.Date, bool) {
	if d, ok := col.Date(i); ok || !col.BadDate(i) {
		return d, ok
	}
	d, err := care.ParseDate(col.Trimmed(i))
	return d, err == nil
}

// sameDayP reports whether row i of a and row j of b hold the same date:
// the same day when both are dates, the same text (trimmed) otherwise, so
// that two blank cells agree.
func sameDayP(a *Column, i int, b *Column, j int) bool {
	da, ok1 := dayP(a, i)
	db, ok2 := dayP(b, j)
	if ok1 && ok2 {
		return da.Equal(db)
	}
	return !ok1 && !ok2 && a.Trimmed(i) == b.Trimmed(j)
}

// numberP returns a code that may have been written as a number ("1.0",
// "0.0") as a whole number ("1", "0"); other codes as they are.
func numberP(code string) string {
	if f, err := strconv.ParseFloat(code, 64); err == nil && f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return code
}

// finalEpisodeP returns the child's episode of t with the latest DECOM
// (the last in the file among equals, or the last in the file when none
// has a start date), and whether the child has one.
func finalEpisodeP(t *Table, child string) (int, bool) {
	return pickEpisodeP(t.RowsOf(child), t.Column("DECOM"), true)
}

// pickEpisodeP returns the row of rows with the earliest start in decom,
// or the latest when latest.
func pickEpisodeP(rows []int, decom *Column, latest bool) (int, bool) {
	if len(rows) == 0 {
		return 0, false
	}
	best := rows[0]
	if latest {
		best = rows[len(rows)-1]
	}
	var bestDay care.Date
	dated := false
	for _, r := range rows {
		d, ok := dayP(decom, r)
		if ok && (!dated || (latest && !d.Before(bestDay)) || (!latest && d.Before(bestDay))) {
			best, bestDay, dated = r, d, true
		}
	}
	return best, true
}

// openAtEndOfLastYearP returns the child's final episode in last year's
// return when it had not ended (no DEC), and whether there is one.
func openAtEndOfLastYearP(c *Check, child string) (int, bool) {
	last := c.Last(episodes)
	r, ok := finalEpisodeP(last, child)
	return r, ok && last.Blank(r, "DEC")
}

// flagFirstEpisodeUnlikeLastP flags, for each child whose final episode
// last year was still open, this year's first episode when same says its
// value of the column differs from that episode's.
func flagFirstEpisodeUnlikeLastP(c *Check, name string, same func(now, was string) bool) {
	eps, last := c.Table(episodes), c.Last(episodes)
	now, was, open := eps.Column(name), last.Column(name), openAtEndOfLastYearColumnP(c)
	for i := range eps.Len() {
		if j, ok := open.Int(i); ok && !same(now.Code(i), was.Code(j)) {
			c.Flag(eps, i)
		}
	}
}

// Data derived once per run. The engine has no place for it, so it is
// kept as a derived column of a table's view, under a name no column of a
// return can have (Table.Column upper-cases the names it is given, and no
// file's header has a NUL): derivedP returns it, building it on first use
// in the run.
func derivedP(t *Table, name string, build func() *Column) *Column {
	if col, ok := t.cols[name]; ok {
		return col
	}
	col := build()
	t.setColumn(name, col)
	return col
}

// rowsColumnP returns an empty derived column of n rows.
func rowsColumnP(n int) *Column {
	return &Column{cells: make([]string, n), codes: make([]string, n), ints: make([]intCell, n)}
}

// openAtEndOfLastYearColumnP returns, on this year's Episodes, a column
// whose Int(i) is, for each child's first episode i, the child's final
// episode in last year's return when it had not ended (not ok
// otherwise).
func openAtEndOfLastYearColumnP(c *Check) *Column {
	eps, last := c.Table(episodes), c.Last(episodes)
	return derivedP(eps, "\x00open at the end of last year", func() *Column {
		col := rowsColumnP(eps.Len())
		decom, lastDecom, lastDec := eps.Column("DECOM"), last.Column("DECOM"), last.Column("DEC")
		for _, child := range eps.Children() {
			if open, ok := pickEpisodeP(last.RowsOf(child), lastDecom, true); ok && lastDec.Blank(open) {
				first, _ := pickEpisodeP(eps.RowsOf(child), decom, false)
				col.ints[first] = intCell{v: open, ok: true}
			}
		}
		return col
	})
}

// lastYearRowP returns, on this year's table which, a column whose Int(i)
// is the child's first row in last year's table (not ok when the child
// has none).
func lastYearRowP(c *Check, which ssda903.Table) *Column {
	t, last := c.Table(which), c.Last(which)
	return derivedP(t, "\x00row last year", func() *Column {
		col := rowsColumnP(t.Len())
		for i := range t.Len() {
			if rows := last.RowsOf(t.Child(i)); len(rows) > 0 {
				col.ints[i] = intCell{v: rows[0], ok: true}
			}
		}
		return col
	})
}

// sameCodeP reports whether two codes are the same.
func sameCodeP(now, was string) bool { return now == was }

// flagChangedSinceLastP flags this year's rows of t whose column holds a
// value that allowed does not accept after the value of the child's first
// row in last year's t. Children not in last year's table are not judged.
func flagChangedSinceLastP(c *Check, which ssda903.Table, name string, allowed func(now, was string) bool) {
	t, last := c.Table(which), c.Last(which)
	now, was, prev := t.Column(name), last.Column(name), lastYearRowP(c, which)
	for i := range t.Len() {
		if j, ok := prev.Int(i); ok && !allowed(now.Code(i), was.Code(j)) {
			c.Flag(t, i)
		}
	}
}

// rule165: MOTHER, when given, is 0 or 1 and the child is female; when
// blank, the child is male, or had no episode in the year and has care
// leaver information (OC3). Children with no episode other than short
// breaks (V3, V4) are not judged. The child's Header and OC3 rows are
// flagged.
func rule165(c *Check) {
	h, o := c.Table(header), c.Table(oc3)
	sex, mother := h.Column("SEX"), h.Column("MOTHER")
	for i := range h.Len() {
		child := h.Child(i)
		cared, inYear := episodesOutsideShortBreaksP(c, child)
		if !cared || motherStatusFits165P(sex.Code(i), numberP(mother.Code(i)), inYear, hasCareLeaverInfoP(o, child)) {
			continue
		}
		c.Flag(h, i)
		for _, r := range o.RowsOf(child) {
			c.Flag(o, r)
		}
	}
}

// motherStatusFits165P applies rule 165 to a child's SEX and MOTHER.
func motherStatusFits165P(sexCode, mother string, inYear, careLeaver bool) bool {
	sex, _ := care.ParseSex(sexCode)
	if mother != "" {
		return (mother == "0" || mother == "1") && sex == care.SexFemale
	}
	return sex == care.SexMale || (!inYear && careLeaver)
}

// episodesOutsideShortBreaksP reports whether the child has an episode
// that is not a short break, and whether one of those was open at some
// time in the collection (began by its end and had not ended before its
// start; an end that is not a date counts as still open).
func episodesOutsideShortBreaksP(c *Check, child string) (cared, inYear bool) {
	eps := c.Table(episodes)
	rows := eps.RowsOf(child)
	if len(rows) == 0 {
		return false, false
	}
	ls, decom, dec := eps.Column("LS"), eps.Column("DECOM"), eps.Column("DEC")
	end := c.Meta.End
	for _, r := range rows {
		if oneOf(ls.Code(r), "V3", "V4") {
			continue
		}
		cared = true
		began, ok := decom.Date(r)
		ended, closed := dec.Date(r)
		if ok && !began.After(end) && (!closed || !ended.Before(c.Meta.Start)) {
			inYear = true
		}
	}
	return cared, inYear
}

// hasCareLeaverInfoP reports whether one of the child's OC3 rows holds
// care leaver information.
func hasCareLeaverInfoP(o *Table, child string) bool {
	for _, r := range o.RowsOf(child) {
		if anyGiven(o, r, "IN_TOUCH", "ACTIV", "ACCOM") {
			return true
		}
	}
	return false
}

// careLeaverRowP reports whether row i of the OC3 table is care leaver
// information: it has one of IN_TOUCH, ACTIV or ACCOM completed, or the
// table has none of those columns (a table of children only, as some
// cases give it).
func careLeaverRowP(o *Table, i int) bool {
	if !o.HasColumn("IN_TOUCH") && !o.HasColumn("ACTIV") && !o.HasColumn("ACCOM") {
		return true
	}
	return anyGiven(o, i, "IN_TOUCH", "ACTIV", "ACCOM")
}

// rule199: no episode starts on or after the day an episode of the same
// child ended in adoption (REC E11 or E12), in this year's return or, when
// it is loaded, last year's.
func rule199(c *Check) {
	eps := c.Table(episodes)
	adopted := map[string]care.Date{}
	adoptionsP(eps, adopted)
	if last := c.Last(episodes); last != nil {
		adoptionsP(last, adopted)
	}
	if len(adopted) == 0 {
		return
	}
	decom, dec, rec := eps.Column("DECOM"), eps.Column("DEC"), eps.Column("REC")
	for i := range eps.Len() {
		on, ok := adopted[eps.Child(i)]
		if !ok {
			continue
		}
		d, ok1 := dayP(decom, i)
		ended, ok2 := dayP(dec, i)
		itself := ok2 && ended.Equal(on) && oneOf(rec.Code(i), "E11", "E12")
		if ok1 && !d.Before(on) && !itself {
			c.Flag(eps, i)
		}
	}
}

// adoptionsP records in on, for each child of t with an episode that
// ended in adoption (REC E11 or E12), the earliest such day.
func adoptionsP(t *Table, on map[string]care.Date) {
	dec, rec := t.Column("DEC"), t.Column("REC")
	for i := range t.Len() {
		if !oneOf(rec.Code(i), "E11", "E12") {
			continue
		}
		if d, ok := dayP(dec, i); ok {
			if was, seen := on[t.Child(i)]; !seen || d.Before(was) {
				on[t.Child(i)] = d
			}
		}
	}
}

// rule202: a child's sex is the one recorded last year (1 and M, 2 and F
// being the same sex written in the codes of different years).
func rule202(c *Check) { flagChangedSinceLastP(c, header, "SEX", sameSexP) }

// sameSexP reports whether two SEX codes record the same sex.
func sameSexP(now, was string) bool {
	a, err1 := care.ParseSex(now)
	b, err2 := care.ParseSex(was)
	if err1 == nil && err2 == nil {
		return a == b
	}
	return now == was
}

// rule204: a child's ethnic origin is the one recorded last year.
func rule204(c *Check) { flagChangedSinceLastP(c, header, "ETHNIC", sameCodeP) }

// rule205D: a child identified as UASC this year was identified as UASC
// last year: in the Header table (the XML return's UASC item) when both
// years' are loaded, and in the UASC table (the date the child ceased to
// be UASC, given this year and blank last year).
func rule205D(c *Check) {
	if h, hl := c.Table(header), c.Last(header); h != nil && hl != nil {
		flagChangedSinceLastP(c, header, "UASC", func(now, was string) bool {
			return numberP(now) != "1" || numberP(was) == "1"
		})
	}
	flagChangedSinceLastP(c, uasc, "DUC", func(now, was string) bool { return now == "" || was != "" })
}

// rule207: a child recorded as a mother last year is recorded as a mother
// this year, if looked after this year.
func rule207(c *Check) {
	eps := c.Table(episodes)
	t, last := c.Table(header), c.Last(header)
	now, was, prev := t.Column("MOTHER"), last.Column("MOTHER"), lastYearRowP(c, header)
	for i := range t.Len() {
		j, ok := prev.Int(i)
		if ok && numberP(was.Code(j)) == "1" && numberP(now.Code(i)) != "1" && len(eps.RowsOf(t.Child(i))) > 0 {
			c.Flag(t, i)
		}
	}
}

// rule208: a child's UPN is the one recorded last year, unless none was
// recorded, or last year's was UN1 and this year's is UN2 to UN5, or last
// year's was unknown (UN1 to UN5) and this year's is a UPN.
func rule208(c *Check) { flagChangedSinceLastP(c, header, "UPN", upnMayFollowP) }

// upnMayFollowP reports whether UPN now may follow UPN was.
func upnMayFollowP(now, was string) bool {
	unknown := func(s string) bool { return oneOf(s, "UN1", "UN2", "UN3", "UN4", "UN5") }
	switch {
	case was == "" || now == was:
		return true
	case was == "UN1" && unknown(now) && now != "UN1":
		return true
	}
	return unknown(was) && now != "" && !unknown(now)
}

// rule348: a care leaver reported as having died last year (IN_TOUCH
// DIED) is reported as having died this year.
func rule348(c *Check) {
	flagChangedSinceLastP(c, oc3, "IN_TOUCH", func(now, was string) bool { return was != "DIED" || now == "DIED" })
}

// rule392b: an episode other than a short break (V3, V4) has the home and
// placement postcodes, unless the child is or was UASC (this year's or,
// when loaded, last year's Header UASC item or UASC table).
func rule392b(c *Check) {
	eps := c.Table(episodes)
	ls, home, pl := eps.Column("LS"), eps.Column("HOME_POST"), eps.Column("PL_POST")
	uascs := uascChildrenP(c)
	for i := range eps.Len() {
		if (home.Blank(i) || pl.Blank(i)) && !oneOf(ls.Code(i), "V3", "V4") && !uascs[eps.Child(i)] {
			c.Flag(eps, i)
		}
	}
}

// uascChildrenP returns the children identified as UASC this year or
// last: Header UASC 1, or a date ceased to be UASC in the UASC table.
func uascChildrenP(c *Check) map[string]bool {
	out := map[string]bool{}
	for _, h := range []*Table{c.Table(header), c.Last(header)} {
		for i := range tableLenP(h) {
			if numberP(h.Code(i, "UASC")) == "1" {
				out[h.Child(i)] = true
			}
		}
	}
	for _, u := range []*Table{c.Table(uasc), c.Last(uasc)} {
		for i := range tableLenP(u) {
			if !u.Blank(i, "DUC") {
				out[u.Child(i)] = true
			}
		}
	}
	return out
}

// tableLenP returns t's number of rows, 0 for an absent table.
func tableLenP(t *Table) int {
	if t == nil {
		return 0
	}
	return t.Len()
}

// rule502: when last year's final episode was open, this year's first
// episode started on the same day.
func rule502(c *Check) {
	eps, last := c.Table(episodes), c.Last(episodes)
	now, was, open := eps.Column("DECOM"), last.Column("DECOM"), openAtEndOfLastYearColumnP(c)
	for i := range eps.Len() {
		if j, ok := open.Int(i); ok && !sameDayP(now, i, was, j) {
			c.Flag(eps, i)
		}
	}
}

// rule503A–F: when last year's final episode was open, this year's first
// episode has its reason for new episode, legal status, category of need,
// placement type, placement provider and URN.
func rule503A(c *Check) { flagFirstEpisodeUnlikeLastP(c, "RNE", sameCodeP) }
func rule503B(c *Check) { flagFirstEpisodeUnlikeLastP(c, "LS", sameCodeP) }
func rule503C(c *Check) { flagFirstEpisodeUnlikeLastP(c, "CIN", sameCodeP) }
func rule503D(c *Check) { flagFirstEpisodeUnlikeLastP(c, "PLACE", sameCodeP) }
func rule503E(c *Check) { flagFirstEpisodeUnlikeLastP(c, "PLACE_PROVIDER", sameCodeP) }
func rule503F(c *Check) { flagFirstEpisodeUnlikeLastP(c, "URN", sameCodeP) }

// rule503Dv2024: 503D, but for 2024–25 H5 may become K3 (the placement
// type that replaced it).
func rule503Dv2024(c *Check) {
	flagFirstEpisodeUnlikeLastP(c, "PLACE", func(now, was string) bool {
		return now == was || (was == "H5" && now == "K3")
	})
}

// rule503Dv2025: 503D, but from 2025–26 Z1 may become Z13 or Z14 (the
// placement types that replaced it).
func rule503Dv2025(c *Check) {
	flagFirstEpisodeUnlikeLastP(c, "PLACE", func(now, was string) bool {
		return now == was || (was == "Z1" && oneOf(now, "Z13", "Z14"))
	})
}

// rule559: a decision to place for adoption dated before this collection
// year was recorded in last year's return.
func rule559(c *Check) {
	t, last := c.Table(placedAdoption), c.Last(placedAdoption)
	placed := t.Column("DATE_PLACED")
	for i := range t.Len() {
		if d, ok := dayP(placed, i); !ok || !d.Before(c.Meta.Start) {
			continue
		}
		recorded := false
		for _, r := range last.RowsOf(t.Child(i)) {
			recorded = recorded || !last.Blank(r, "DATE_PLACED")
		}
		if !recorded {
			c.Flag(t, i)
		}
	}
}

// rule560: when last year's decision to place for adoption still stood
// (no DATE_PLACED_CEASED), its date is this year's.
func rule560(c *Check) {
	t, last := c.Table(placedAdoption), c.Last(placedAdoption)
	now, was := t.Column("DATE_PLACED"), last.Column("DATE_PLACED")
	for i := range t.Len() {
		standing, same := false, false
		for _, r := range last.RowsOf(t.Child(i)) {
			if last.Blank(r, "DATE_PLACED_CEASED") {
				standing = true
				same = same || sameDayP(now, i, was, r)
			}
		}
		if standing && !same {
			c.Flag(t, i)
		}
	}
}

// rule561: a decision to place for adoption with the date of one that
// last year's return records as changed (DATE_PLACED_CEASED or
// REASON_PLACED_CEASED given).
func rule561(c *Check) {
	t, last := c.Table(placedAdoption), c.Last(placedAdoption)
	now, was := t.Column("DATE_PLACED"), last.Column("DATE_PLACED")
	for i := range t.Len() {
		if now.Blank(i) {
			continue
		}
		for _, r := range last.RowsOf(t.Child(i)) {
			if anyGiven(last, r, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED") && sameDayP(now, i, was, r) {
				c.Flag(t, i)
			}
		}
	}
}

// rule584: when last year's decision to place for adoption changed
// (DATE_PLACED_CEASED or REASON_PLACED_CEASED given), this year's
// decision is dated after it.
func rule584(c *Check) {
	t, last := c.Table(placedAdoption), c.Last(placedAdoption)
	now, was := t.Column("DATE_PLACED"), last.Column("DATE_PLACED")
	for i := range t.Len() {
		d, ok := dayP(now, i)
		for _, r := range last.RowsOf(t.Child(i)) {
			before, known := dayP(was, r)
			if !known || !anyGiven(last, r, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED") {
				continue
			}
			if now.Blank(i) || (ok && !d.After(before)) {
				c.Flag(t, i)
			}
		}
	}
}

// rule562: a child's first episode that began before this collection year
// is last year's final episode (the same DECOM).
func rule562(c *Check) {
	eps, last := c.Table(episodes), c.Last(episodes)
	decom := eps.Column("DECOM")
	for _, child := range eps.Children() {
		first, found := 0, false
		for _, r := range eps.SortedByDate(eps.RowsOf(child), "DECOM") {
			if d, ok := dayP(decom, r); ok && d.Before(c.Meta.Start) {
				first, found = r, true
				break
			}
		}
		if !found {
			continue
		}
		if final, ok := finalEpisodeP(last, child); !ok || !sameDayP(decom, first, last.Column("DECOM"), final) {
			c.Flag(eps, first)
		}
	}
}

// rule576: a missing or away period open at the end of last year
// (MIS_END blank) is the child's first period this year (the same
// MIS_START). With no period this year, last year's row is flagged.
func rule576(c *Check) { flagOpenLastYearNotFirstP(c, missing, "MIS_START", "MIS_END") }

// rule706: a deprivation of liberty open at the end of last year
// (DOLO_END blank) is the child's first this year (the same DOLO_START).
// With none this year, last year's row is flagged.
func rule706(c *Check) { flagOpenLastYearNotFirstP(c, dolo, "DOLO_START", "DOLO_END") }

// flagOpenLastYearNotFirstP flags, for each row of last year's table which
// that had no end, the child's first row this year (earliest start) unless
// it has the same start; or that row of last year's when the child has
// none this year.
func flagOpenLastYearNotFirstP(c *Check, which ssda903.Table, start, end string) {
	t, last := c.Table(which), c.Last(which)
	now, was := t.Column(start), last.Column(start)
	for j := range last.Len() {
		if !last.Blank(j, end) {
			continue
		}
		rows := t.RowsOf(last.Child(j))
		if len(rows) == 0 {
			c.Flag(last, j)
			continue
		}
		if first := t.SortedByDate(rows, start)[0]; !sameDayP(now, first, was, j) {
			c.Flag(t, first)
		}
	}
}

// rule624: the date of birth of a mother's first child is the one
// recorded last year, if one was.
func rule624(c *Check) {
	t, last := c.Table(header), c.Last(header)
	now, was := t.Column("MC_DOB"), last.Column("MC_DOB")
	for i := range t.Len() {
		for _, r := range last.RowsOf(t.Child(i)) {
			if !was.Blank(r) && !sameDayP(now, i, was, r) {
				c.Flag(t, i)
			}
		}
	}
}

// rule625: the date of birth of a mother's first child is not after the
// end of the collection year, nor after the day the child ceased to be
// looked after (the latest DEC, when every episode has ended). The Header
// row is flagged, and the final episode when it ended before the birth
// or the birth is after the year.
func rule625(c *Check) {
	h, eps := c.Table(header), c.Table(episodes)
	end := c.Meta.End
	for i := range h.Len() {
		born, ok := h.Date(i, "MC_DOB")
		if !ok {
			continue
		}
		final, ceased, hasCeased := ceasedP(eps, h.Child(i))
		if born.After(end) || (hasCeased && born.After(ceased)) {
			c.Flag(h, i)
			if hasCeased {
				c.Flag(eps, final)
			}
		}
	}
}

// ceasedP returns the child's episode with the latest DEC and that day,
// when every one of the child's episodes has ended.
func ceasedP(eps *Table, child string) (row int, day care.Date, ok bool) {
	for _, r := range eps.RowsOf(child) {
		d, dated := eps.Date(r, "DEC")
		if !dated {
			return 0, care.Date{}, false
		}
		if !ok || !d.Before(day) {
			row, day, ok = r, d, true
		}
	}
	return row, day, ok
}

// rule626: a child recorded as a mother this year whose first child was
// born before the year was recorded as a mother last year (not 0).
func rule626(c *Check) {
	t, last := c.Table(header), c.Last(header)
	for i := range t.Len() {
		born, ok := t.Date(i, "MC_DOB")
		if !ok || !born.Before(c.Meta.Start) || numberP(t.Code(i, "MOTHER")) != "1" {
			continue
		}
		for _, r := range last.RowsOf(t.Child(i)) {
			if numberP(last.Code(r, "MOTHER")) == "0" {
				c.Flag(t, i)
			}
		}
	}
}

// rule1000: a child who died in care (REC E2, this year or, when loaded,
// last year) has no care leaver information.
func rule1000(c *Check) {
	o := c.Table(oc3)
	for i := range o.Len() {
		child := o.Child(i)
		if careLeaverRowP(o, i) && (hasEndingP(c.Table(episodes), child, "E2") || hasEndingP(c.Last(episodes), child, "E2")) {
			c.Flag(o, i)
		}
	}
}

// hasEndingP reports whether a child's episode in t (nil: none) ended with
// the reason rec.
func hasEndingP(t *Table, child, rec string) bool {
	if t == nil {
		return false
	}
	for _, r := range t.RowsOf(child) {
		if t.Code(r, "REC") == rec {
			return true
		}
	}
	return false
}

// rule1002: a child with care leaver information has episodes of care,
// this year or last.
func rule1002(c *Check) {
	o := c.Table(oc3)
	for i := range o.Len() {
		child := o.Child(i)
		if careLeaverRowP(o, i) && len(c.Table(episodes).RowsOf(child)) == 0 && len(c.Last(episodes).RowsOf(child)) == 0 {
			c.Flag(o, i)
		}
	}
}

// rule1010: a child with care leaver information and no episode this year
// did not end last year in an open episode.
func rule1010(c *Check) {
	o := c.Table(oc3)
	for i := range o.Len() {
		child := o.Child(i)
		if _, open := openAtEndOfLastYearP(c, child); open && careLeaverRowP(o, i) && len(c.Table(episodes).RowsOf(child)) == 0 {
			c.Flag(o, i)
		}
	}
}

// rule1011: a child whose final episode ended in a transfer to another
// authority (REC E3) has no care leaver information.
func rule1011(c *Check) {
	o, eps := c.Table(oc3), c.Table(episodes)
	for i := range o.Len() {
		final, ok := finalEpisodeP(eps, o.Child(i))
		if ok && eps.Code(final, "REC") == "E3" && careLeaverRowP(o, i) {
			c.Flag(o, i)
		}
	}
}

// ruleNoE: a child whose episodes began before this collection year has
// episodes in last year's return.
func ruleNoE(c *Check) {
	eps, last := c.Table(episodes), c.Last(episodes)
	decom := eps.Column("DECOM")
	for i := range eps.Len() {
		if d, ok := dayP(decom, i); ok && d.Before(c.Meta.Start) && len(last.RowsOf(eps.Child(i))) == 0 {
			c.Flag(eps, i)
		}
	}
}
