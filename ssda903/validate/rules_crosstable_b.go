package validate

import (
	"strings"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// Cross-table rules from 600 up (issue 16): adoption (601, 602, 1003),
// motherhood (607, 628), previous permanence (630, 632, 634),
// deprivation of liberty orders (707, 709, 710), care leavers' data
// (1012, 1014, EPI) and the internal checks that every table's child is
// the Header's child (INT01–INT09) with the same date of birth and sex
// (INT11–INT21). Their entries are in rules_crosstable.go.
//
// Joins go by CHILD: a child's rows of another table are t.RowsOf(child).

// rule601: a child whose episodes show an adoption during the year (an
// episode ceasing with reason E11 or E12 within the collection year) has
// every adoption item of AD1 completed. A child with no AD1 row has not
// completed them either: the adoption episodes are flagged.
func rule601(c *Check) {
	eps, ad := c.Table(episodes), c.Table(ad1)
	for _, child := range eps.Children() {
		adopted := adoptionEpisodesX2(c, eps, child)
		if len(adopted) == 0 {
			continue
		}
		rows := ad.RowsOf(child)
		incomplete := len(rows) == 0
		for _, i := range rows {
			if anyBlank(ad, i, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR") {
				incomplete = true
				c.Flag(ad, i)
			}
		}
		if incomplete {
			for _, i := range adopted {
				c.Flag(eps, i)
			}
		}
	}
}

// rule602: adoption items in AD1 are given only for a child whose
// episodes show an adoption during the year.
func rule602(c *Check) {
	eps, ad := c.Table(episodes), c.Table(ad1)
	for i := range ad.Len() {
		if !allBlankX2(ad, i, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR") && len(adoptionEpisodesX2(c, eps, ad.Child(i))) == 0 {
			c.Flag(ad, i)
		}
	}
}

// adoptionEpisodesX2 returns the child's episodes that ended in adoption
// (reason E11 or E12) within the collection year.
func adoptionEpisodesX2(c *Check, eps *Table, child string) []int {
	var out []int
	rec, dec := eps.Column("REC"), eps.Column("DEC")
	for _, i := range eps.RowsOf(child) {
		if d, ok := dec.Date(i); ok && oneOf(rec.Code(i), "E11", "E12") && inYearX2(c, d) {
			out = append(out, i)
		}
	}
	return out
}

// rule607 (2022–23 and 2023–24, when SEX 2 was female): see
// flagMotherMissingX2.
func rule607(c *Check) { flagMotherMissingX2(c, "2") }

// rule607v2024 (from 2024–25, when SEX F is female): see
// flagMotherMissingX2.
func rule607v2024(c *Check) { flagMotherMissingX2(c, "F") }

// flagMotherMissingX2 flags a girl (SEX female) who ceased to be looked
// after in the year (an episode with a DEC in the collection year and a
// reason other than X1, not under legal status V3 or V4) whose MOTHER is
// blank: the episode and the Header row.
func flagMotherMissingX2(c *Check, female string) {
	eps, hdr := c.Table(episodes), c.Table(header)
	dec, rec, ls := eps.Column("DEC"), eps.Column("REC"), eps.Column("LS")
	sex, mother := hdr.Column("SEX"), hdr.Column("MOTHER")
	for i := range eps.Len() {
		ended, ok := dec.Date(i)
		if !ok || !inYearX2(c, ended) || rec.Blank(i) || rec.Code(i) == "X1" || shortBreaks(ls.Code(i)) {
			continue
		}
		for _, h := range hdr.RowsOf(eps.Child(i)) {
			if sex.Code(h) == female && mother.Blank(h) {
				c.Flag(eps, i)
				c.Flag(hdr, h)
			}
		}
	}
}

// rule628: a care leaver (a child with care leaver information in OC3)
// who has not been looked after during the year (no episodes) has no
// MOTHER.
func rule628(c *Check) {
	hdr, eps, leavers := c.Table(header), c.Table(episodes), c.Table(oc3)
	for i := range hdr.Len() {
		child := hdr.Child(i)
		if !hdr.Blank(i, "MOTHER") && len(eps.RowsOf(child)) == 0 && len(careLeaverRowsX2(leavers, child)) > 0 {
			c.Flag(hdr, i)
		}
	}
}

// careLeaverRowsX2 returns the child's OC3 rows with care leaver
// information: IN_TOUCH, ACTIV or ACCOM given.
func careLeaverRowsX2(leavers *Table, child string) []int {
	var out []int
	for _, i := range leavers.RowsOf(child) {
		if !allBlankX2(leavers, i, "IN_TOUCH", "ACTIV", "ACCOM") {
			out = append(out, i)
		}
	}
	return out
}

// rule630: a child starting a new period of care (RNE S) in the year has
// previous permanence information: a PrevPerm row with PREV_PERM, and
// with LA_PERM and DATE_PERM unless PREV_PERM is Z1. The episode is
// flagged.
func rule630(c *Check) {
	eps, perm := c.Table(episodes), c.Table(prevPerm)
	rne, decom := eps.Column("RNE"), eps.Column("DECOM")
	for i := range eps.Len() {
		start, ok := decom.Date(i)
		if rne.Code(i) != "S" || !ok || start.Before(c.Meta.Start) {
			continue
		}
		rows := perm.RowsOf(eps.Child(i))
		missing := len(rows) == 0
		for _, p := range rows {
			option := perm.Code(p, "PREV_PERM")
			if option == "" || option != "Z1" && (perm.Blank(p, "LA_PERM") || perm.Blank(p, "DATE_PERM")) {
				missing = true
			}
		}
		if missing {
			c.Flag(eps, i)
		}
	}
}

// rule632: a DATE_PERM, if given, is a valid date, dd/mm/yyyy with any of
// its elements replaced by ZZ (ZZZZ for the year) when not known, and is
// before the start of the child's first episode. A partly known date is
// taken at its latest possible day. The PrevPerm row is flagged, and the
// first episode when the child has one.
func rule632(c *Check) {
	eps, perm := c.Table(episodes), c.Table(prevPerm)
	for _, child := range perm.Children() {
		first, hasFirst := firstEpisodeX2(eps, child, "")
		for _, p := range perm.RowsOf(child) {
			if perm.Blank(p, "DATE_PERM") {
				continue
			}
			latest, known, valid := datePermX2(perm.Text(p, "DATE_PERM"))
			if valid && (!known || !hasFirst) {
				continue
			}
			if valid {
				if start, _ := eps.Date(first, "DECOM"); latest.Before(start) {
					continue
				}
			}
			c.Flag(perm, p)
			if hasFirst {
				c.Flag(eps, first)
			}
		}
	}
}

// datePermX2 reads a DATE_PERM: dd/mm/yyyy, where the day or the month
// may be ZZ and the year ZZZZ (any case) when not known, as the DfE
// allows ("one or more elements of the date can be replaced by ZZ if part
// of the date element is not known"). It returns the latest day the date
// can be, whether that is known (not when the year is ZZZZ), and whether
// the cell is valid.
func datePermX2(s string) (latest care.Date, known, valid bool) {
	parts := strings.Split(strings.ToUpper(strings.TrimSpace(s)), "/")
	if len(parts) != 3 {
		return care.Date{}, false, false
	}
	// number reads a day or month: 1 or 2 digits in [1, hi], or ZZ (0).
	number := func(p string, hi int) (int, bool) {
		if p == "ZZ" {
			return 0, true
		}
		if len(p) < 1 || len(p) > 2 {
			return 0, false
		}
		n := 0
		for _, r := range p {
			if r < '0' || r > '9' {
				return 0, false
			}
			n = n*10 + int(r-'0')
		}
		return n, n >= 1 && n <= hi
	}
	day, okD := number(parts[0], 31)
	month, okM := number(parts[1], 12)
	if !okD || !okM {
		return care.Date{}, false, false
	}
	year := 2000 // a leap year: 29/02/ZZZZ may be
	if parts[2] != "ZZZZ" {
		if len(parts[2]) != 4 {
			return care.Date{}, false, false
		}
		y, ok := number4X2(parts[2])
		if !ok {
			return care.Date{}, false, false
		}
		year, known = y, true
	}
	if month == 0 {
		month = 12
	}
	if day == 0 {
		// The month's last day: the day before the next month's first.
		d, err := care.NewDate(year, time.Month(month), 1)
		if err != nil {
			return care.Date{}, false, false
		}
		return d.AddMonths(1).AddDays(-1), known, true
	}
	d, err := care.NewDate(year, time.Month(month), day)
	if err != nil {
		return care.Date{}, false, false
	}
	return d, known, true
}

// number4X2 reads four decimal digits, not all zero.
func number4X2(s string) (int, bool) {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, n > 0
}

// firstEpisodeX2 returns the child's episode with the earliest valid
// DECOM (the first in file order among equals), among those with RNE rne
// when rne is not "", and whether there is one.
func firstEpisodeX2(eps *Table, child, rne string) (int, bool) {
	decom, reason := eps.Column("DECOM"), eps.Column("RNE")
	first, found := -1, false
	var earliest care.Date
	for _, i := range eps.RowsOf(child) {
		d, ok := decom.Date(i)
		if !ok || rne != "" && reason.Code(i) != rne {
			continue
		}
		if !found || d.Before(earliest) {
			first, earliest, found = i, d, true
		}
	}
	return first, found
}

// rule634: previous permanence information (PREV_PERM, LA_PERM or
// DATE_PERM) is given only for a child who started to be looked after
// from 1 April 2016 onwards: one of the child's episodes starts on or
// after that day. The PrevPerm rows and the child's episodes are flagged.
func rule634(c *Check) {
	eps, perm := c.Table(episodes), c.Table(prevPerm)
	since := care.MustDate(2016, time.April, 1)
	for _, child := range perm.Children() {
		latest, ok := latestStartX2(eps, child)
		if !ok || !latest.Before(since) {
			continue
		}
		flagged := false
		for _, p := range perm.RowsOf(child) {
			if !allBlankX2(perm, p, "PREV_PERM", "LA_PERM", "DATE_PERM") {
				c.Flag(perm, p)
				flagged = true
			}
		}
		if flagged {
			for _, i := range eps.RowsOf(child) {
				c.Flag(eps, i)
			}
		}
	}
}

// latestStartX2 returns the latest valid DECOM of the child's episodes,
// and whether there is one.
func latestStartX2(eps *Table, child string) (care.Date, bool) {
	decom := eps.Column("DECOM")
	var latest care.Date
	found := false
	for _, i := range eps.RowsOf(child) {
		if d, ok := decom.Date(i); ok && (!found || d.After(latest)) {
			latest, found = d, true
		}
	}
	return latest, found
}

// rule707: a DoLO without an end date (DOLO_START given, DOLO_END blank)
// belongs to a child still looked after: the child's last period of care
// is open (its last episode has no DEC) and began on or before the DoLO
// started. Otherwise the child ceased to be looked after since the DoLO
// started, and the DoLO is flagged. A child with no dated episodes is not
// judged.
func rule707(c *Check) {
	orders, eps := c.Table(dolo), c.Table(episodes)
	start, end := orders.Column("DOLO_START"), orders.Column("DOLO_END")
	for i := range orders.Len() {
		began, ok := start.Date(i)
		if !ok || !end.Blank(i) {
			continue
		}
		periodStart, open, dated := lastPeriodOfCareX2(eps, orders.Child(i))
		if dated && (!open || periodStart.After(began)) {
			c.Flag(orders, i)
		}
	}
}

// lastPeriodOfCareX2 returns the start of the child's last period of care
// (a run of episodes, in order of DECOM, each starting on or before the
// day the one before ended), whether it is still open (its last episode
// has no DEC), and whether the child has an episode with a valid DECOM.
func lastPeriodOfCareX2(eps *Table, child string) (start care.Date, open, dated bool) {
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
	var prevEnd care.Date
	prevEnded := false
	for _, i := range rows {
		d, ok := decom.Date(i)
		if !ok {
			break // undated episodes sort last
		}
		if !dated || prevEnded && d.After(prevEnd) {
			start = d
		}
		dated = true
		prevEnd, prevEnded = dec.Date(i)
		open = dec.Blank(i)
	}
	return start, open, dated
}

// rule709: during a DoLO (DOLO_START and DOLO_END both given) a child is
// placed in a children's home (PLACE K2) or the placements Z12 or Z13:
// an episode overlapping the DoLO with another placement type is
// flagged, with the DoLO. The open validator reads a column PLACEMENT
// that no return has; the placement type is PLACE.
func rule709(c *Check) {
	flagDoLoPlacementX2(c, func(place string) bool { return !oneOf(place, "K2", "Z12", "Z13") })
}

// rule710: during a DoLO (DOLO_START and DOLO_END both given) a child is
// not placed in a secure children's home (PLACE K1), with parents (P1),
// in a young offender institution (R5) or in supported accommodation
// (K3): such an episode overlapping the DoLO is flagged, with the DoLO.
// As 709, the placement type is PLACE.
func rule710(c *Check) {
	flagDoLoPlacementX2(c, func(place string) bool { return oneOf(place, "K1", "P1", "R5", "K3") })
}

// flagDoLoPlacementX2 flags each DoLO with both dates valid, and each of
// the child's episodes overlapping it (DECOM on or before DOLO_END, and
// DEC blank or on or after DOLO_START) whose placement type is given and
// wrong.
func flagDoLoPlacementX2(c *Check, wrong func(place string) bool) {
	orders, eps := c.Table(dolo), c.Table(episodes)
	start, end := orders.Column("DOLO_START"), orders.Column("DOLO_END")
	decom, dec, place := eps.Column("DECOM"), eps.Column("DEC"), eps.Column("PLACE")
	for o := range orders.Len() {
		from, ok1 := start.Date(o)
		to, ok2 := end.Date(o)
		if !ok1 || !ok2 {
			continue
		}
		for _, i := range eps.RowsOf(orders.Child(o)) {
			began, ok := decom.Date(i)
			if !ok || began.After(to) || place.Blank(i) || !wrong(place.Code(i)) {
				continue
			}
			if ended, ok := dec.Date(i); ok && ended.Before(from) || !ok && !dec.Blank(i) {
				continue
			}
			c.Flag(orders, o)
			c.Flag(eps, i)
		}
	}
}

// rule1003: the decision that a child should be placed for adoption
// (DATE_PLACED) is not before the child started to be looked after: the
// start of the child's first episode beginning a period of care (RNE S).
func rule1003(c *Check) {
	eps, placed := c.Table(episodes), c.Table(placedAdoption)
	for _, child := range placed.Children() {
		first, ok := firstEpisodeX2(eps, child, "S")
		if !ok {
			continue
		}
		started, _ := eps.Date(first, "DECOM")
		for _, p := range placed.RowsOf(child) {
			if d, ok := placed.Date(p, "DATE_PLACED"); ok && d.Before(started) {
				c.Flag(placed, p)
				c.Flag(eps, first)
			}
		}
	}
}

// rule1012: a child with no episodes in the year (an OC3 care leaver:
// only care leavers are in a return without episodes) has no rows in
// PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2. The tables
// present are read.
func rule1012(c *Check) {
	eps := c.Table(episodes)
	for _, which := range [...]ssda903.Table{placedAdoption, missing, reviews, ad1, prevPerm, oc2} {
		t := c.Table(which)
		if t == nil {
			continue
		}
		for i := range t.Len() {
			if len(eps.RowsOf(t.Child(i))) == 0 {
				c.Flag(t, i)
			}
		}
	}
}

// rule1014: a care leaver (a child with care leaver information in OC3:
// IN_TOUCH, ACTIV or ACCOM) who was not looked after during the year
// has no UASC information: the child's UASC rows and OC3 rows are
// flagged.
func rule1014(c *Check) {
	eps, leavers, u := c.Table(episodes), c.Table(oc3), c.Table(uasc)
	for _, child := range u.Children() {
		if lookedAfterInYearX2(c, eps, child) {
			continue
		}
		info := careLeaverRowsX2(leavers, child)
		if len(info) == 0 {
			continue
		}
		for _, i := range u.RowsOf(child) {
			c.Flag(u, i)
		}
		for _, i := range info {
			c.Flag(leavers, i)
		}
	}
}

// lookedAfterInYearX2 reports whether one of the child's episodes falls
// in the collection year: it starts by the year's end and ends (DEC) on
// or after its start, or has no valid end.
func lookedAfterInYearX2(c *Check, eps *Table, child string) bool {
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for _, i := range eps.RowsOf(child) {
		began, ok := decom.Date(i)
		if !ok || began.After(c.Meta.End) {
			continue
		}
		if ended, ok := dec.Date(i); !ok || !ended.Before(c.Meta.Start) {
			return true
		}
	}
	return false
}

// ruleEPI: every child of the Header has episodes, unless the child is a
// care leaver in OC3 (read when present).
func ruleEPI(c *Check) {
	hdr, eps, leavers := c.Table(header), c.Table(episodes), c.Table(oc3)
	for i := range hdr.Len() {
		child := hdr.Child(i)
		if len(eps.RowsOf(child)) == 0 && (leavers == nil || len(leavers.RowsOf(child)) == 0) {
			c.Flag(hdr, i)
		}
	}
}

// The internal checks: each table's child exists in the Header
// (INT01–INT09).

func ruleINT01(c *Check) { flagNotInHeaderX2(c, ad1) }
func ruleINT02(c *Check) { flagNotInHeaderX2(c, placedAdoption) }
func ruleINT03(c *Check) { flagNotInHeaderX2(c, episodes) }
func ruleINT04(c *Check) { flagNotInHeaderX2(c, missing) }
func ruleINT05(c *Check) { flagNotInHeaderX2(c, oc2) }
func ruleINT06(c *Check) { flagNotInHeaderX2(c, oc3) }
func ruleINT07(c *Check) { flagNotInHeaderX2(c, prevPerm) }
func ruleINT08(c *Check) { flagNotInHeaderX2(c, reviews) }
func ruleINT09(c *Check) { flagNotInHeaderX2(c, uasc) }

// flagNotInHeaderX2 flags the rows of table which whose child has no
// Header row.
func flagNotInHeaderX2(c *Check, which ssda903.Table) {
	t, hdr := c.Table(which), c.Table(header)
	for i := range t.Len() {
		if len(hdr.RowsOf(t.Child(i))) == 0 {
			c.Flag(t, i)
		}
	}
}

// The internal checks: a table's date of birth (INT11–INT18) and sex
// (INT21) are the Header's.

func ruleINT11(c *Check) { flagDiffersFromHeaderX2(c, ad1, "DOB") }
func ruleINT12(c *Check) { flagDiffersFromHeaderX2(c, placedAdoption, "DOB") }
func ruleINT13(c *Check) { flagDiffersFromHeaderX2(c, missing, "DOB") }
func ruleINT14(c *Check) { flagDiffersFromHeaderX2(c, oc2, "DOB") }
func ruleINT15(c *Check) { flagDiffersFromHeaderX2(c, oc3, "DOB") }
func ruleINT16(c *Check) { flagDiffersFromHeaderX2(c, prevPerm, "DOB") }
func ruleINT17(c *Check) { flagDiffersFromHeaderX2(c, reviews, "DOB") }
func ruleINT18(c *Check) { flagDiffersFromHeaderX2(c, uasc, "DOB") }
func ruleINT21(c *Check) { flagDiffersFromHeaderX2(c, uasc, "SEX") }

// flagDiffersFromHeaderX2 flags the rows of table which whose cell in the
// column differs from the child's in a Header row, both given: as dates
// when both are valid dates ("1/4/2020" is "01/04/2020"), else as codes.
func flagDiffersFromHeaderX2(c *Check, which ssda903.Table, name string) {
	t, hdr := c.Table(which), c.Table(header)
	mine, theirs := t.Column(name), hdr.Column(name)
	for i := range t.Len() {
		if mine.Blank(i) {
			continue
		}
		for _, h := range hdr.RowsOf(t.Child(i)) {
			if theirs.Blank(h) {
				continue
			}
			a, ok1 := mine.Date(i)
			b, ok2 := theirs.Date(h)
			if ok1 && ok2 && !a.Equal(b) || !(ok1 && ok2) && mine.Code(i) != theirs.Code(h) {
				c.Flag(t, i)
				break
			}
		}
	}
}

// inYearX2 reports whether d is within the collection year, both ends
// included.
func inYearX2(c *Check, d care.Date) bool { return !d.Before(c.Meta.Start) && !d.After(c.Meta.End) }

// allBlankX2 reports whether every one of the columns is blank in row i.
func allBlankX2(t *Table, i int, names ...string) bool {
	for _, n := range names {
		if !t.Blank(i, n) {
			return false
		}
	}
	return true
}
