package validate

import (
	"time"

	"github.com/lookedafter/practice/care"
)

// earlierRules holds the rules of rules in force only in years before
// 2025–26 (any family). Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var earlierRules = []Rule{
	{Code: "217t", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
		Fields:  fields("PLACE", "DECOM"), Tables: tables(episodes), Check: rule217t},
	{Code: "230", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
		Fields:  fields("PLACE", "DEC", "URN"), Tables: tables(episodes), Derived: fields(colPlaceLA), Check: rule230},
	{Code: "370", Years: Years{From: 2022, Until: 2022}, Family: FamilyAge,
		Message: "Child in independent living should be at least 15.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule370},
	{Code: "370", Years: Years{From: 2023, Until: 2023}, Family: FamilyAge,
		Message: "Child in independent living should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule370v2023},
	{Code: "445", Years: Years{From: 2022, Until: 2023}, Family: FamilyField,
		Message: "D1 is not a valid code for episodes starting after December 2005.",
		Fields:  fields("LS", "DECOM"), Tables: tables(episodes), Check: rule445},
	{Code: "451", Years: Years{From: 2022, Until: 2023}, Family: FamilyField,
		Message: "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
		Fields:  fields("DEC", "REC", "LS"), Tables: tables(episodes), Check: rule451},
	{Code: "555", Years: Years{From: 2022, Until: 2023}, Family: FamilyCrossTable,
		Message: "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
		Fields:  fields("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"), Tables: tables(episodes, placedAdoption), Check: rule555},
	{Code: "556", Years: Years{From: 2022, Until: 2023}, Family: FamilyCrossTable,
		Message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
		Fields:  fields("DATE_PLACED", "DECOM"), Tables: tables(episodes, placedAdoption), Check: rule556},
	{Code: "SW01STG1", Years: Years{From: 2023, Until: 2023}, Family: FamilyCrossTable,
		Message: "Child looked after on 31 March, but no social worker episode information is reported",
		Fields:  fields("DEC"), Tables: tables(swEpisodes, episodes), Check: ruleSW01STG1},
	{Code: "SW03STG1", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "For each social worker episode, information should be complete.",
		Fields:  fields("SW_ID", "SW_DECOM", "SW_REASON"), Tables: tables(swEpisodes), Check: ruleSW03STG1},
	{Code: "SW11aSTG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW11aSTG2},
	{Code: "SW14STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Social worker episode date ceased is blank.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW14STG2},
}

// day returns a date of the DfE's rule texts; it is never invalid.
func day(y int, m time.Month, d int) care.Date {
	dt, _ := care.NewDate(y, m, d)
	return dt
}

// rule217t: no placement of type P2 (independent living) open after 28
// October 2023.
func rule217t(c *Check) {
	eps := c.Table(episodes)
	place, dec := eps.Column("PLACE"), eps.Column("DEC")
	last := day(2023, time.October, 28)
	for i := range eps.Len() {
		end, ended := dec.Date(i)
		if place.Code(i) == "P2" && !dec.BadDate(i) && (!ended || end.After(last)) {
			c.Flag(eps, i)
		}
	}
}

// rule230: a placement of type H5 in England open on or after 29
// October 2023 has a URN, not the placeholder.
func rule230(c *Check) {
	eps := c.Table(episodes)
	place, dec, la, urn := eps.Column("PLACE"), eps.Column("DEC"), eps.Column(colPlaceLA), eps.Column("URN")
	from := day(2023, time.October, 29)
	for i := range eps.Len() {
		if place.Code(i) != "H5" || la.Missing(i) || outsideEngland(la.Code(i)) || dec.BadDate(i) {
			continue
		}
		if end, ended := dec.Date(i); (!ended || !end.Before(from)) && (urn.Blank(i) || urn.Code(i) == placeholderURN) {
			c.Flag(eps, i)
		}
	}
}

// rule370 (2022–23): a child placed in independent living (P2) is at
// least 15 when the placement starts.
func rule370(c *Check) { flagPlacedYoung(c, "P2", 15) }

// rule370v2023: as rule370, at least 16.
func rule370v2023(c *Check) { flagPlacedYoung(c, "P2", 16) }

func flagPlacedYoung(c *Check, code string, age int) {
	eps := c.Table(episodes)
	place, decom := eps.Column("PLACE"), eps.Column("DECOM")
	for i := range eps.Len() {
		if place.Code(i) != code {
			continue
		}
		start, ok := decom.Date(i)
		dob, born := c.DOB(eps.Child(i))
		if ok && born && start.Before(Birthday(dob, age)) {
			c.Flag(eps, i)
		}
	}
}

// rule445: no episode under a freeing order (D1) starts after December
// 2005.
func rule445(c *Check) {
	eps := c.Table(episodes)
	ls, decom := eps.Column("LS"), eps.Column("DECOM")
	last := day(2005, time.December, 31)
	for i := range eps.Len() {
		if start, ok := decom.Date(i); ok && ls.Code(i) == "D1" && start.After(last) {
			c.Flag(eps, i)
		}
	}
}

// rule451: no episode under a freeing order (D1) is still open, with no
// date or reason it ceased.
func rule451(c *Check) {
	eps := c.Table(episodes)
	ls, dec, rec := eps.Column("LS"), eps.Column("DEC"), eps.Column("REC")
	for i := range eps.Len() {
		if ls.Code(i) == "D1" && dec.Blank(i) && rec.Blank(i) {
			c.Flag(eps, i)
		}
	}
}

// rule555: a child under a freeing order (D1) has a date of the decision
// to place for adoption (DATE_PLACED); while the episode is open, that
// decision has not ceased (DATE_PLACED_CEASED and REASON_PLACED_CEASED
// blank).
func rule555(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	ls, dec := eps.Column("LS"), eps.Column("DEC")
	placed, ceased, reason := pa.Column("DATE_PLACED"), pa.Column("DATE_PLACED_CEASED"), pa.Column("REASON_PLACED_CEASED")
	for i := range eps.Len() {
		if ls.Code(i) != "D1" {
			continue
		}
		decided := false
		for _, j := range pa.RowsOf(eps.Child(i)) {
			decided = decided || !placed.Blank(j)
			if dec.Blank(i) && (!ceased.Blank(j) || !reason.Blank(j)) {
				c.Flag(pa, j)
			}
		}
		if !decided {
			c.Flag(eps, i)
		}
	}
}

// rule556: the decision to place a child for adoption is on or before
// the start of an episode under a freeing order (D1).
func rule556(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	ls, decom := eps.Column("LS"), eps.Column("DECOM")
	placed := pa.Column("DATE_PLACED")
	for i := range eps.Len() {
		start, ok := decom.Date(i)
		if ls.Code(i) != "D1" || !ok {
			continue
		}
		for _, j := range pa.RowsOf(eps.Child(i)) {
			if d, ok := placed.Date(j); ok && d.After(start) {
				c.Flag(eps, i)
			}
		}
	}
}

// ruleSW01STG1: a child looked after on 31 March (an open episode, not a
// short break) has social worker episodes giving, between them, a social
// worker, a start date and a reason. The open episode is flagged (the
// rule's field is DEC).
func ruleSW01STG1(c *Check) {
	eps, sw := c.Table(episodes), c.Table(swEpisodes)
	ls, dec := eps.Column("LS"), eps.Column("DEC")
	id, start, reason := sw.Column("SW_ID"), sw.Column("SW_DECOM"), sw.Column("SW_REASON")
	for i := range eps.Len() {
		if !dec.Blank(i) || shortBreaks(ls.Code(i)) {
			continue
		}
		var hasID, hasStart, hasReason bool
		for _, j := range sw.RowsOf(eps.Child(i)) {
			hasID, hasStart, hasReason = hasID || !id.Blank(j), hasStart || !start.Blank(j), hasReason || !reason.Blank(j)
		}
		if !hasID || !hasStart || !hasReason {
			c.Flag(eps, i)
		}
	}
}

// ruleSW03STG1: a social worker episode gives the social worker, the
// start date and the reason.
func ruleSW03STG1(c *Check) {
	sw := c.Table(swEpisodes)
	id, start, reason := sw.Column("SW_ID"), sw.Column("SW_DECOM"), sw.Column("SW_REASON")
	for i := range sw.Len() {
		if id.Blank(i) || start.Blank(i) || reason.Blank(i) {
			c.Flag(sw, i)
		}
	}
}

// ruleSW11aSTG2: a social worker episode that ended more than five days
// before the end of the collection is followed (the child's next episode
// by start date) by one starting within five days of its end.
func ruleSW11aSTG2(c *Check) {
	sw := c.Table(swEpisodes)
	start, end := sw.Column("SW_DECOM"), sw.Column("SW_DEC")
	cutoff := c.Meta.End.AddDays(-5)
	for _, child := range sw.Children() {
		rows := sw.SortedByDate(sw.RowsOf(child), "SW_DECOM")
		for k := 1; k < len(rows); k++ {
			prevEnd, ended := end.Date(rows[k-1])
			if !ended || prevEnd.After(cutoff) {
				continue
			}
			next, ok := start.Date(rows[k])
			if !ok || next.Before(prevEnd.AddDays(-5)) || next.After(prevEnd.AddDays(5)) {
				c.Flag(sw, rows[k])
			}
		}
	}
}

// ruleSW14STG2: every social worker episode but a child's latest (by
// start date) has an end date.
func ruleSW14STG2(c *Check) {
	sw := c.Table(swEpisodes)
	end := sw.Column("SW_DEC")
	for _, child := range sw.Children() {
		rows := sw.SortedByDate(sw.RowsOf(child), "SW_DECOM")
		for _, i := range rows[:len(rows)-1] {
			if _, ok := end.Date(i); !ok {
				c.Flag(sw, i)
			}
		}
	}
}
