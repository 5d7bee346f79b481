package validate

import (
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// sequenceRules holds the rules of the sequence family: across the rows of
// one table (episodes in order, duplicates). Issue 15.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var sequenceRules = []Rule{
	{Code: "142", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new episode has started, but the previous episode has not ended.",
		Fields:  fields("DEC", "REC"), Tables: tables(episodes), Check: rule142},
	{Code: "225", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for placement change must be recorded.",
		Fields:  fields("REASON_PLACE_CHANGE"), Tables: tables(episodes), Check: rule225},
	{Code: "226", Years: Years{From: 2022, Until: 2024}, Family: FamilySequence,
		Message: "Reason for placement change is not required.",
		Fields:  fields("REASON_PLACE_CHANGE", "PLACE"), Tables: tables(episodes), Check: rule226},
	{Code: "226", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "Reason for placement change is not required for temporary placements.",
		Fields:  fields("REASON_PLACE_CHANGE", "PLACE"), Tables: tables(episodes), Check: rule226},
	{Code: "336", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Child does not have a foster placement immediately prior to being placed for adoption.",
		Fields:  fields("PLACE"), Tables: tables(episodes), Check: rule336},
	{Code: "357", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
		Fields:  fields("RNE"), Tables: tables(episodes), Check: rule357},
	{Code: "377", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
		Fields:  fields("PLACE"), Tables: tables(episodes), Check: rule377},
	{Code: "383", Years: Years{From: 2022, Until: 2024}, Family: FamilySequence,
		Message: "A child in a temporary placement must subsequently return to his/her normal placement.",
		Fields:  fields("PLACE"), Tables: tables(episodes), Check: rule383},
	{Code: "383", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "A child in a temporary placement must subsequently return to his/her normal placement.",
		Fields:  fields("PLACE", "RNE", "PL_POST"), Tables: tables(episodes), Check: rule383v2025},
	{Code: "388", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
		Fields:  fields("REC"), Tables: tables(episodes), Check: rule388},
	{Code: "431", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
		Fields:  fields("RNE", "DECOM"), Tables: tables(episodes), Check: rule431},
	{Code: "432", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
		Fields:  fields("RNE"), Tables: tables(episodes), Check: rule432},
	{Code: "433", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
		Fields:  fields("RNE", "DECOM"), Tables: tables(episodes), Check: rule433},
	{Code: "434", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
		Fields:  fields("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"), Tables: tables(episodes), Check: rule434},
	{Code: "436", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
		Fields:  fields("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"), Tables: tables(episodes), Check: rule436},
	{Code: "437", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
		Fields:  fields("REC"), Tables: tables(episodes), Check: rule437},
	{Code: "444", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "Duplicate UPN has been reported",
		Fields:  fields("UPN"), Tables: tables(header), AcrossChildren: true, Check: rule444},
	{Code: "501", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new episode has started before the end date of the previous episode.",
		Fields:  fields("DECOM", "DEC"), Tables: tables(episodes), Check: rule501},
	{Code: "504", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The category of need code differs from that reported at start of current period of being looked after",
		Fields:  fields("CIN"), Tables: tables(episodes), Check: rule504},
	{Code: "574", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
		Fields:  fields("MIS_START", "MIS_END"), Tables: tables(missing), Check: rule574},
	{Code: "579", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
		Fields:  fields("DATE_PLACED", "DATE_PLACED_CEASED"), Tables: tables(placedAdoption), Check: rule579},
	{Code: "705", Years: Years{From: 2026}, Family: FamilySequence,
		Message: "A DoLO cannot start when the previous DoLO is still open.",
		Fields:  fields("DOLO_START", "DOLO_END"), Tables: tables(dolo), Check: rule705},
	{Code: "INT31", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in AD1.",
		Fields:  fields("CHILD"), Tables: tables(ad1), Check: ruleINT31},
	{Code: "INT32", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in Header.",
		Fields:  fields("CHILD"), Tables: tables(header), Check: ruleINT32},
	{Code: "INT33", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in OC2.",
		Fields:  fields("CHILD"), Tables: tables(oc2), Check: ruleINT33},
	{Code: "INT34", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in OC3.",
		Fields:  fields("CHILD"), Tables: tables(oc3), Check: ruleINT34},
	{Code: "INT35", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in PrevPerm.",
		Fields:  fields("CHILD"), Tables: tables(prevPerm), Check: ruleINT35},
	{Code: "INT36", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in UASC.",
		Fields:  fields("CHILD"), Tables: tables(uasc), Check: ruleINT36},
	{Code: "SW08STG2", Years: Years{From: 2023}, Family: FamilySequence,
		Message: "A new social worker episode has started, but the previous episode has not ended.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW08STG2},
}

// ruleINT31: a child has one AD1 row.
func ruleINT31(c *Check) { flagRepeatedChildren(c, ad1) }

// ruleINT32: a child has one Header row; every row of a child with more
// is flagged.
func ruleINT32(c *Check) { flagRepeatedChildren(c, header) }

// ruleINT33: a child has one OC2 row.
func ruleINT33(c *Check) { flagRepeatedChildren(c, oc2) }

// ruleINT34: a child has one OC3 row.
func ruleINT34(c *Check) { flagRepeatedChildren(c, oc3) }

// ruleINT35: a child has one PrevPerm row.
func ruleINT35(c *Check) { flagRepeatedChildren(c, prevPerm) }

// ruleINT36: a child has one UASC row.
func ruleINT36(c *Check) { flagRepeatedChildren(c, uasc) }

// flagRepeatedChildren flags every row of a child with more than one row
// in table tb.
func flagRepeatedChildren(c *Check, tb ssda903.Table) {
	t := c.Table(tb)
	for _, child := range t.Children() {
		if rows := t.RowsOf(child); len(rows) > 1 {
			for _, i := range rows {
				c.Flag(t, i)
			}
		}
	}
}

// rule501: a child's episodes, in order of their start, do not overlap:
// an episode starting before the previous one ended is flagged. An
// episode with no valid start is not placed, and a previous episode still
// open (or with no valid end) is not compared.
func rule501(c *Check) {
	eps := c.Table(episodes)
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		for k := 1; k < len(rows); k++ {
			start, ok := eps.Date(rows[k], "DECOM")
			if !ok {
				break // the rest have no valid start either
			}
			if prevEnd, ok := eps.Date(rows[k-1], "DEC"); ok && start.Before(prevEnd) {
				c.Flag(eps, rows[k])
			}
		}
	}
}

// seqDated returns a child's rows of t in order of their dates in the
// column col, leaving out the rows with no valid date: a row that cannot
// be placed in the sequence is not compared with its neighbours (the
// field rules report its date).
func seqDated(t *Table, child, col string) []int {
	rows := t.SortedByDate(t.RowsOf(child), col)
	dates := t.Column(col)
	n := len(rows)
	for n > 0 {
		if _, ok := dates.Date(rows[n-1]); ok {
			break
		}
		n--
	}
	return rows[:n]
}

// rule142: every episode but a child's last (in order of start) has both
// a date and a reason it ceased.
func rule142(c *Check) {
	eps := c.Table(episodes)
	dec, rec := eps.Column("DEC"), eps.Column("REC")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for _, i := range rows[:max(len(rows)-1, 0)] {
			if dec.Blank(i) || rec.Blank(i) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule225: when a child leaves a placement that is not temporary for
// another that is not temporary (the episode ceased X1, the next begins
// with a change of placement: P, B, T or U), the reason for the
// placement change is recorded on the episode that ended.
func rule225(c *Check) {
	eps := c.Table(episodes)
	rec, place, rpc, rne := eps.Column("REC"), eps.Column("PLACE"), eps.Column("REASON_PLACE_CHANGE"), eps.Column("RNE")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 0; k+1 < len(rows); k++ {
			i, next := rows[k], rows[k+1]
			if rec.Code(i) == "X1" && rpc.Blank(i) && !isTemporaryPlacement(place.Code(i)) &&
				oneOf(rne.Code(next), "P", "B", "T", "U") && !isTemporaryPlacement(place.Code(next)) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule226: a temporary placement (T0 to T4) has no reason for placement
// change, nor has the episode before it (the DfE's specification: "should
// be null in current episode and current episode - 1").
func rule226(c *Check) {
	eps := c.Table(episodes)
	place, rpc := eps.Column("PLACE"), eps.Column("REASON_PLACE_CHANGE")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k, i := range rows {
			if !isTemporaryPlacement(place.Code(i)) {
				continue
			}
			if !rpc.Blank(i) || (k > 0 && !rpc.Blank(rows[k-1])) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule336: a child placed for adoption with consent (A3, A4) comes from
// a foster placement (U1 to U6) or an adoption placement (A3 to A6); a
// child's first episode has nothing before it and is not flagged.
func rule336(c *Check) {
	eps := c.Table(episodes)
	place := eps.Column("PLACE")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			if oneOf(place.Code(rows[k]), "A3", "A4") &&
				!oneOf(place.Code(rows[k-1]), "A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6") {
				c.Flag(eps, rows[k])
			}
		}
	}
}

// rule357: a child's first episode, when it starts in the collection
// year (on or after its start) so that the return holds it, begins with
// reason S (started to be looked after).
func rule357(c *Check) {
	eps := c.Table(episodes)
	decom, rne := eps.Column("DECOM"), eps.Column("RNE")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		if len(rows) == 0 {
			continue
		}
		first := rows[0]
		if start, _ := decom.Date(first); !start.Before(c.Meta.Start) && rne.Code(first) != "S" {
			c.Flag(eps, first)
		}
	}
}

// rule377: at most two temporary placements for the holiday of the usual
// foster carers (T3) start in any 12-month period. Counting: placements
// are the T3 episodes that begin a placement (an episode with reason L,
// a change of legal status only, continues the placement before it); a
// 12-month period starting on a day runs to the day before its
// anniversary, so three starts less than a year apart break the rule,
// and each of the three is flagged.
func rule377(c *Check) {
	eps := c.Table(episodes)
	place, rne, decom := eps.Column("PLACE"), eps.Column("RNE"), eps.Column("DECOM")
	for _, child := range eps.Children() {
		var t3 []int
		for _, i := range seqDated(eps, child, "DECOM") {
			if place.Code(i) == "T3" && rne.Code(i) != "L" {
				t3 = append(t3, i)
			}
		}
		for k := 0; k+2 < len(t3); k++ {
			first, _ := decom.Date(t3[k])
			third, _ := decom.Date(t3[k+2])
			if third.Before(first.AddYears(1)) {
				for _, i := range t3[k : k+3] {
					c.Flag(eps, i)
				}
			}
		}
	}
}

// rule383: after a temporary placement (T0 to T4) the child returns to
// the placement before it: the next episode begins with a change of
// placement (P) to the same placement type as the episode before the
// temporary one. A temporary placement with no episode before it is not
// judged.
func rule383(c *Check) { flagNoReturnFromTemporary(c, false) }

// rule383v2025: as rule383, and the placement's postcode is also that of
// the placement before the temporary one.
func rule383v2025(c *Check) { flagNoReturnFromTemporary(c, true) }

func flagNoReturnFromTemporary(c *Check, samePostcode bool) {
	eps := c.Table(episodes)
	place, rne, post := eps.Column("PLACE"), eps.Column("RNE"), eps.Column("PL_POST")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 2; k < len(rows); k++ {
			i, temp, before := rows[k], rows[k-1], rows[k-2]
			if !isTemporaryPlacement(place.Code(temp)) {
				continue
			}
			if rne.Code(i) != "P" || place.Code(i) != place.Code(before) ||
				(samePostcode && postcodeKey(post.Code(i)) != postcodeKey(post.Code(before))) {
				c.Flag(eps, i)
			}
		}
	}
}

// postcodeKey returns a postcode (as a code: trimmed, upper-cased) with
// its inner spaces removed, so that "AB1 2CD" and "AB12CD" are the same.
func postcodeKey(code string) string { return strings.ReplaceAll(code, " ", "") }

// rule388: an episode ceased X1 (new episode begins) is followed by an
// episode starting on the day it ceased; an episode that ceased for any
// other reason is not followed by one starting that day; and a child's
// last episode, when it has ended, has not ended X1.
func rule388(c *Check) {
	eps := c.Table(episodes)
	dec, rec, decom := eps.Column("DEC"), eps.Column("REC"), eps.Column("DECOM")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k, i := range rows {
			ended, ok := dec.Date(i)
			if !ok || rec.Blank(i) {
				continue
			}
			x1 := rec.Code(i) == "X1"
			if k == len(rows)-1 {
				if x1 {
					c.Flag(eps, i)
				}
				continue
			}
			next, _ := decom.Date(rows[k+1])
			if x1 != next.Equal(ended) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule431: an episode beginning with reason S (started to be looked
// after) does not start on the day the child's previous episode ended.
func rule431(c *Check) {
	eps := c.Table(episodes)
	rne, decom, dec := eps.Column("RNE"), eps.Column("DECOM"), eps.Column("DEC")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			i := rows[k]
			start, _ := decom.Date(i)
			if prevEnd, ok := dec.Date(rows[k-1]); ok && rne.Code(i) == "S" && prevEnd.Equal(start) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule432: an episode after one that ceased with the child leaving care
// (a reason other than X1) begins with reason S.
func rule432(c *Check) {
	eps := c.Table(episodes)
	rne, rec := eps.Column("RNE"), eps.Column("REC")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			prev := rec.Code(rows[k-1])
			if prev != "" && prev != "X1" && rne.Code(rows[k]) != "S" {
				c.Flag(eps, rows[k])
			}
		}
	}
}

// rule433: an episode beginning with a continuation reason (L, P, T, U,
// B) starts on the day the child's previous episode ended. A previous
// episode with no valid end is another rule's concern (142).
func rule433(c *Check) {
	eps := c.Table(episodes)
	rne, decom, dec := eps.Column("RNE"), eps.Column("DECOM"), eps.Column("DEC")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			i := rows[k]
			if !oneOf(rne.Code(i), "L", "P", "T", "U", "B") {
				continue
			}
			start, _ := decom.Date(i)
			if prevEnd, ok := dec.Date(rows[k-1]); ok && !prevEnd.Equal(start) {
				c.Flag(eps, i)
			}
		}
	}
}

// placementFields are the fields that together say where a child is
// placed.
var placementFields = []string{"PLACE", "PL_POST", "URN", "PLACE_PROVIDER"}

// samePlacement reports whether rows i and j of eps have the same
// placement: the same code (blank matching blank) in every placement
// field.
func samePlacement(eps *Table, i, j int) bool {
	for _, f := range placementFields {
		col := eps.Column(f)
		a, b := col.Code(i), col.Code(j)
		if f == "PL_POST" {
			a, b = postcodeKey(a), postcodeKey(b)
		}
		if a != b {
			return false
		}
	}
	return true
}

// rule434: an episode beginning with reason L (legal status changed, the
// placement did not) has a legal status different from the previous
// episode's and the same placement.
func rule434(c *Check) {
	eps := c.Table(episodes)
	rne, ls := eps.Column("RNE"), eps.Column("LS")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			i, prev := rows[k], rows[k-1]
			if rne.Code(i) == "L" && (ls.Code(i) == ls.Code(prev) || !samePlacement(eps, i, prev)) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule436: an episode beginning with reason B or U (both placement and
// legal status changed) has a legal status different from the previous
// episode's and a different placement (blank legal statuses are the
// same).
func rule436(c *Check) {
	eps := c.Table(episodes)
	rne, ls := eps.Column("RNE"), eps.Column("LS")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			i, prev := rows[k], rows[k-1]
			if oneOf(rne.Code(i), "B", "U") && (ls.Code(i) == ls.Code(prev) || samePlacement(eps, i, prev)) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule437: an episode that ceased because the child died (E2) or was
// found to be 18 or over (E15) is the child's last.
func rule437(c *Check) {
	eps := c.Table(episodes)
	rec := eps.Column("REC")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for _, i := range rows[:max(len(rows)-1, 0)] {
			if oneOf(rec.Code(i), "E2", "E15") {
				c.Flag(eps, i)
			}
		}
	}
}

// rule444: no two Header rows have the same UPN, other than the codes
// for an unknown UPN (UN1 to UN5); every row of a repeated UPN is
// flagged. UPNs are compared as codes (trimmed, upper case).
func rule444(c *Check) {
	h := c.Table(header)
	upn := h.Column("UPN")
	rowsOf := map[string][]int{}
	for i := range h.Len() {
		if u := upn.Code(i); u != "" && !oneOf(u, "UN1", "UN2", "UN3", "UN4", "UN5") {
			rowsOf[u] = append(rowsOf[u], i)
		}
	}
	for i := range h.Len() {
		if len(rowsOf[upn.Code(i)]) > 1 {
			c.Flag(h, i)
		}
	}
}

// rule504: the category of need of every episode of a period of care is
// the one reported at its start. A period continues while an episode
// ceased X1 and the next starts on the day it ceased.
func rule504(c *Check) {
	eps := c.Table(episodes)
	cin, rec, dec, decom := eps.Column("CIN"), eps.Column("REC"), eps.Column("DEC"), eps.Column("DECOM")
	for _, child := range eps.Children() {
		rows := seqDated(eps, child, "DECOM")
		for k := 1; k < len(rows); k++ {
			first := rows[0]
			prev, i := rows[k-1], rows[k]
			ended, ok := dec.Date(prev)
			began, _ := decom.Date(i)
			if !ok || rec.Code(prev) != "X1" || !ended.Equal(began) {
				rows = rows[k:] // a new period of care starts here
				k = 0
				continue
			}
			if cin.Code(i) != cin.Code(first) {
				c.Flag(eps, i)
			}
		}
	}
}

// rule574: a child's missing periods do not overlap: a period (in order
// of start) starting before an earlier one ended, or while an earlier
// one is open (no valid end), is flagged. One ending on the day the next
// starts does not overlap it.
func rule574(c *Check) { flagOverlappingPeriods(c, missing, "MIS_START", "MIS_END") }

// rule579: a child's decisions to place for adoption do not overlap: a
// decision dated before an earlier one ceased, or while an earlier one
// is open, is flagged.
func rule579(c *Check) {
	flagOverlappingPeriods(c, placedAdoption, "DATE_PLACED", "DATE_PLACED_CEASED")
}

// rule705: a DoLO does not start while a previous DoLO (in order of
// start) is still open, or before it ended.
func rule705(c *Check) { flagOverlappingPeriods(c, dolo, "DOLO_START", "DOLO_END") }

// flagOverlappingPeriods flags each of a child's periods of table tb (in
// order of their starts) that starts before the latest end of the
// periods before it, or after one of them with no valid end (still
// open). Periods with no valid start are not placed.
func flagOverlappingPeriods(c *Check, tb ssda903.Table, startCol, endCol string) {
	t := c.Table(tb)
	starts, ends := t.Column(startCol), t.Column(endCol)
	for _, child := range t.Children() {
		var latest care.Date
		open := false
		for k, i := range seqDated(t, child, startCol) {
			start, _ := starts.Date(i)
			if k > 0 && (open || start.Before(latest)) {
				c.Flag(t, i)
			}
			end, ok := ends.Date(i)
			switch {
			case !ok:
				open = true
			case end.After(latest):
				latest = end
			}
		}
	}
}

// ruleSW08STG2: every social worker episode but a child's last (in order
// of start) has ended.
func ruleSW08STG2(c *Check) {
	sw := c.Table(swEpisodes)
	dec := sw.Column("SW_DEC")
	for _, child := range sw.Children() {
		rows := seqDated(sw, child, "SW_DECOM")
		for _, i := range rows[:max(len(rows)-1, 0)] {
			if dec.Blank(i) {
				c.Flag(sw, i)
			}
		}
	}
}
