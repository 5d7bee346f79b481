package validate

import "github.com/lookedafter/practice/care"

// The cross-table rules numbered below 600 (issue 16): each function reads
// as its rule's message reads; its entry is in rules_crosstable.go. Rows
// of different tables are joined by child (Table.RowsOf). Helpers of this
// file end in X1.

// rule105: where the Header carries the UASC status (a return read from
// XML: a CSV Header has no such column, the UASC table stands for it), it
// is 0 or 1.
func rule105(c *Check) {
	h := c.Table(header)
	if !h.HasColumn("UASC") {
		return
	}
	status := h.Column("UASC")
	for i := range h.Len() {
		if !oneOf(status.Code(i), "0", "1") {
			c.Flag(h, i)
		}
	}
}

// rule117: the dates of the decisions that a child should, and should no
// longer, be placed for adoption are not after the end of the collection
// year, nor after the child ceased to be looked after: the end of the
// child's latest episode (an X1 episode, which care continues after, is
// not an end). The decision and that episode are flagged.
func rule117(c *Check) {
	pa, eps := c.Table(placedAdoption), c.Table(episodes)
	placed, ceased := pa.Column("DATE_PLACED"), pa.Column("DATE_PLACED_CEASED")
	decom, rec := eps.Column("DECOM"), eps.Column("REC")
	for _, child := range pa.Children() {
		last, ok := pickByDateX1(decom, eps.RowsOf(child), true, func(i int) bool { return rec.Code(i) != "X1" })
		left, hasLeft := care.Date{}, false
		if ok {
			left, hasLeft = eps.Date(last, "DEC")
		}
		for _, i := range pa.RowsOf(child) {
			for _, col := range []*Column{placed, ceased} {
				d, dated := col.Date(i)
				if dated && (d.After(c.Meta.End) || (hasLeft && d.After(left))) {
					c.Flag(pa, i)
					if ok {
						c.Flag(eps, last)
					}
				}
			}
		}
	}
}

// rule118: the date of the decision that a child should no longer be
// placed for adoption is not before the collection year, nor before the
// child started to be looked after: the start of the child's first
// episode other than a short break (V3, V4). The decision and that
// episode are flagged.
func rule118(c *Check) {
	pa, eps := c.Table(placedAdoption), c.Table(episodes)
	ceased := pa.Column("DATE_PLACED_CEASED")
	decom, ls := eps.Column("DECOM"), eps.Column("LS")
	for _, child := range pa.Children() {
		first, ok := pickByDateX1(decom, eps.RowsOf(child), false, func(i int) bool { return !shortBreaks(ls.Code(i)) })
		var start care.Date
		if ok {
			start, _ = decom.Date(first)
		}
		for _, i := range pa.RowsOf(child) {
			d, dated := ceased.Date(i)
			if dated && (d.Before(c.Meta.Start) || (ok && d.Before(start))) {
				c.Flag(pa, i)
				if ok {
					c.Flag(eps, first)
				}
			}
		}
	}
}

// rule134: a child with care leaver data (OC3: in touch, activity,
// accommodation) has no adoption data (AD1).
func rule134(c *Check) {
	ad, o3 := c.Table(ad1), c.Table(oc3)
	adoption, leaver := adoptionItemsX1(ad), careLeaverItemsX1(o3)
	for i := range ad.Len() {
		if !anyGivenX1(i, adoption) {
			continue
		}
		for _, j := range o3.RowsOf(ad.Child(i)) {
			if anyGivenX1(j, leaver) {
				c.Flag(ad, i)
			}
		}
	}
}

// rule184: the decision that a child should be placed for adoption is not
// before the child was born.
func rule184(c *Check) {
	pa := c.Table(placedAdoption)
	placed := pa.Column("DATE_PLACED")
	for i := range pa.Len() {
		d, ok1 := placed.Date(i)
		dob, ok2 := c.DOB(pa.Child(i))
		if ok1 && ok2 && d.Before(dob) {
			c.Flag(pa, i)
		}
	}
}

// rule210: a child looked after at 31 March (the end of the collection
// year) for more than a week, in the period of care running then, does
// not have the UPN code UN4 (UPN not yet obtained, for a child newly
// looked after). The Header row and the episode that began the period are
// flagged.
func rule210(c *Check) {
	h, eps := c.Table(header), c.Table(episodes)
	upn := h.Column("UPN")
	var buf []periodX1
	for i := range h.Len() {
		if upn.Code(i) != "UN4" {
			continue
		}
		buf = periodsOfCareX1(eps, eps.RowsOf(h.Child(i)), buf[:0])
		for _, p := range buf {
			if !p.start.After(c.Meta.End) && (p.open || p.end.After(c.Meta.End)) && c.Meta.End.DaysSince(p.start) > 7 {
				c.Flag(h, i)
				c.Flag(eps, p.first)
			}
		}
	}
}

// rule215: a child with care leaver information (OC3) has none of the
// items for children looked after for 12 months (OC2) completed.
func rule215(c *Check) {
	o2, o3 := c.Table(oc2), c.Table(oc3)
	leaver := careLeaverItemsX1(o3)
	twelveMonths := columns(o2, "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
		"SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
	for i := range o3.Len() {
		if !anyGivenX1(i, leaver) {
			continue
		}
		for _, j := range o2.RowsOf(o3.Child(i)) {
			if anyGivenX1(j, twelveMonths) {
				c.Flag(o3, i)
				c.Flag(o2, j)
			}
		}
	}
}

// rule302: a child's first episode (the earliest start in the return)
// does not start before the child was born.
func rule302(c *Check) {
	h, eps := c.Table(header), c.Table(episodes)
	decom := eps.Column("DECOM")
	for _, child := range eps.Children() {
		first, ok := pickByDateX1(decom, eps.RowsOf(child), false, nil)
		dob, born := c.DOB(child)
		if !ok || !born {
			continue
		}
		if start, _ := decom.Date(first); start.Before(dob) {
			c.Flag(eps, first)
			c.Flag(h, h.RowsOf(child)[0])
		}
	}
}

// rule303: a child with a date UASC status ceased has UASC status 1 in
// the Header, where the Header carries the status (a return read from
// XML; a CSV return's UASC table stands for it).
func rule303(c *Check) {
	h, u := c.Table(header), c.Table(uasc)
	if !h.HasColumn("UASC") {
		return
	}
	duc, status := u.Column("DUC"), h.Column("UASC")
	for i := range u.Len() {
		if duc.Blank(i) {
			continue
		}
		for _, j := range h.RowsOf(u.Child(i)) {
			if status.Code(j) != "1" {
				c.Flag(u, i)
				c.Flag(h, j)
			}
		}
	}
}

// rule331: the date a child was matched with adopters is on or before the
// date the child was placed for adoption: the start of the episode that
// ended in adoption (E11, E12).
func rule331(c *Check) {
	ad, eps := c.Table(ad1), c.Table(episodes)
	decom, rec := eps.Column("DECOM"), eps.Column("REC")
	match := ad.Column("DATE_MATCH")
	for i := range eps.Len() {
		placed, ok := decom.Date(i)
		if !ok || !adoptedX1(rec.Code(i)) {
			continue
		}
		for _, j := range ad.RowsOf(eps.Child(i)) {
			if m, ok := match.Date(j); ok && m.After(placed) {
				c.Flag(eps, i)
				c.Flag(ad, j)
			}
		}
	}
}

// rule334: the latest period of care (the latest episode whose reason for
// new episode is S, started to be looked after) starts on or before the
// date the child should be placed for adoption (DATE_INT).
func rule334(c *Check) {
	ad, eps := c.Table(ad1), c.Table(episodes)
	decom, rne := eps.Column("DECOM"), eps.Column("RNE")
	dateInt := ad.Column("DATE_INT")
	for i := range ad.Len() {
		decided, ok := dateInt.Date(i)
		if !ok {
			continue
		}
		latest, ok := pickByDateX1(decom, eps.RowsOf(ad.Child(i)), true, func(j int) bool { return rne.Code(j) == "S" })
		if !ok {
			continue
		}
		if start, _ := decom.Date(latest); decided.Before(start) {
			c.Flag(ad, i)
			c.Flag(eps, latest)
		}
	}
}

// rule335: a child adopted (E1, E11, E12) from a placement with the
// current foster carer (A2, A3, A5) is not recorded as not adopted by the
// foster carer (FOSTER_CARE 0), and one adopted from another placement
// (A1, A4, A6) is not recorded as adopted by the foster carer (1).
func rule335(c *Check) {
	ad, eps := c.Table(ad1), c.Table(episodes)
	place, rec := eps.Column("PLACE"), eps.Column("REC")
	fosterCare := ad.Column("FOSTER_CARE")
	for i := range eps.Len() {
		if !oneOf(rec.Code(i), "E1", "E11", "E12") {
			continue
		}
		for _, j := range ad.RowsOf(eps.Child(i)) {
			foster := fosterCare.Code(j)
			if (foster == "0" && oneOf(place.Code(i), "A2", "A3", "A5")) ||
				(foster == "1" && oneOf(place.Code(i), "A1", "A4", "A6")) {
				c.Flag(eps, i)
				c.Flag(ad, j)
			}
		}
	}
}

// rule393: a girl looked after (an episode other than a short break, V3
// or V4) has the mother field completed.
func rule393(c *Check) {
	h, eps := c.Table(header), c.Table(episodes)
	sexes, mother, ls := h.Column("SEX"), h.Column("MOTHER"), eps.Column("LS")
	for i := range h.Len() {
		if sex, err := care.ParseSex(sexes.Code(i)); err != nil || sex != care.SexFemale || !mother.Blank(i) {
			continue
		}
		if anyRowX1(eps.RowsOf(h.Child(i)), func(j int) bool { return !shortBreaks(ls.Code(j)) }) {
			c.Flag(h, i)
		}
	}
}

// rule399: a child looked after only under short breaks (every episode
// V3 or V4) has neither the mother field nor reviews (date or
// participation) completed. The completed rows and the episodes are
// flagged.
func rule399(c *Check) {
	h, eps, rev := c.Table(header), c.Table(episodes), c.Table(reviews)
	ls, mother := eps.Column("LS"), h.Column("MOTHER")
	review := columns(rev, "REVIEW", "REVIEW_CODE")
	for _, child := range eps.Children() {
		rows := eps.RowsOf(child)
		if anyRowX1(rows, func(j int) bool { return !shortBreaks(ls.Code(j)) }) {
			continue
		}
		found := false
		for _, j := range h.RowsOf(child) {
			if !mother.Blank(j) {
				c.Flag(h, j)
				found = true
			}
		}
		for _, j := range rev.RowsOf(child) {
			if anyGivenX1(j, review) {
				c.Flag(rev, j)
				found = true
			}
		}
		if found {
			for _, j := range rows {
				c.Flag(eps, j)
			}
		}
	}
}

// rule442: a child looked after (an episode other than a short break, V3
// or V4) has a UPN.
func rule442(c *Check) {
	h, eps := c.Table(header), c.Table(episodes)
	upn, ls := h.Column("UPN"), eps.Column("LS")
	for i := range h.Len() {
		if upn.Blank(i) && anyRowX1(eps.RowsOf(h.Child(i)), func(j int) bool { return !shortBreaks(ls.Code(j)) }) {
			c.Flag(h, i)
		}
	}
}

// rule521: the date of the decision that adoption is in the child's best
// interests (DATE_INT) is on or before the start of every placement for
// adoption (A3 to A6).
func rule521(c *Check) {
	ad, eps := c.Table(ad1), c.Table(episodes)
	decom, place := eps.Column("DECOM"), eps.Column("PLACE")
	dateInt := ad.Column("DATE_INT")
	for i := range eps.Len() {
		start, ok := decom.Date(i)
		if !ok || !adoptionPlacementX1(place.Code(i)) {
			continue
		}
		for _, j := range ad.RowsOf(eps.Child(i)) {
			if d, ok := dateInt.Date(j); ok && d.After(start) {
				c.Flag(eps, i)
				c.Flag(ad, j)
			}
		}
	}
}

// rule523: the date of the decision that the child should be placed for
// adoption (PlacedAdoption) is the date of the decision that adoption is
// in the child's best interests (AD1).
func rule523(c *Check) {
	ad, pa := c.Table(ad1), c.Table(placedAdoption)
	datePlaced, dateInt := pa.Column("DATE_PLACED"), ad.Column("DATE_INT")
	for i := range pa.Len() {
		placed, ok := datePlaced.Date(i)
		if !ok {
			continue
		}
		for _, j := range ad.RowsOf(pa.Child(i)) {
			if d, ok := dateInt.Date(j); ok && !d.Equal(placed) {
				c.Flag(pa, i)
				c.Flag(ad, j)
			}
		}
	}
}

// rule525: a child whose decision to be placed for adoption was reversed
// (a date the decision ceased) has no adoption data (AD1).
func rule525(c *Check) {
	ad, pa := c.Table(ad1), c.Table(placedAdoption)
	ceased, adoption := pa.Column("DATE_PLACED_CEASED"), adoptionItemsX1(ad)
	for i := range pa.Len() {
		if ceased.Blank(i) {
			continue
		}
		for _, j := range ad.RowsOf(pa.Child(i)) {
			if anyGivenX1(j, adoption) {
				c.Flag(pa, i)
				c.Flag(ad, j)
			}
		}
	}
}

// rule551: a child placed for adoption (A3 to A6) has a date of the
// decision that the child should be placed for adoption.
func rule551(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	place, placed := eps.Column("PLACE"), pa.Column("DATE_PLACED")
	for i := range eps.Len() {
		if adoptionPlacementX1(place.Code(i)) &&
			!anyRowX1(pa.RowsOf(eps.Child(i)), func(j int) bool { return !placed.Blank(j) }) {
			c.Flag(eps, i)
		}
	}
}

// rule552: a decision to place the child for adoption was made on or
// before each placement for adoption (A3 to A6): a placement that starts
// before every dated decision is flagged, with the earliest decision.
func rule552(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	decom, place := eps.Column("DECOM"), eps.Column("PLACE")
	placed := pa.Column("DATE_PLACED")
	for i := range eps.Len() {
		start, ok := decom.Date(i)
		if !ok || !adoptionPlacementX1(place.Code(i)) {
			continue
		}
		first, ok := pickByDateX1(placed, pa.RowsOf(eps.Child(i)), false, nil)
		if !ok {
			continue
		}
		if decided, _ := placed.Date(first); decided.After(start) {
			c.Flag(eps, i)
			c.Flag(pa, first)
		}
	}
}

// rule553: a child with a placement order (legal status E1) has a date of
// the decision that the child should be placed for adoption; while the
// order is in force (the E1 episode open), a decision that has not
// ceased. The E1 episodes of a child with no dated decision are flagged;
// so are the ceased decisions (a date or a reason ceased) of a child with
// an open E1 episode and no decision in force.
func rule553(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	ls, dec := eps.Column("LS"), eps.Column("DEC")
	placed, ceased := pa.Column("DATE_PLACED"), columns(pa, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
	for _, child := range eps.Children() {
		rows, decisions := eps.RowsOf(child), pa.RowsOf(child)
		if !anyRowX1(rows, func(i int) bool { return ls.Code(i) == "E1" }) {
			continue
		}
		if !anyRowX1(decisions, func(j int) bool { return !placed.Blank(j) }) {
			for _, i := range rows {
				if ls.Code(i) == "E1" {
					c.Flag(eps, i)
				}
			}
		}
		inForce := anyRowX1(decisions, func(j int) bool { return !anyGivenX1(j, ceased) })
		if !inForce && anyRowX1(rows, func(i int) bool { return ls.Code(i) == "E1" && dec.Blank(i) }) {
			for _, j := range decisions {
				c.Flag(pa, j)
			}
		}
	}
}

// rule554: the decision that the child should be placed for adoption is
// made on or before the placement order is granted: the start of the
// child's first episode under legal status E1. The episode and the
// earliest decision are flagged when every dated decision is later.
func rule554(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	decom, ls := eps.Column("DECOM"), eps.Column("LS")
	placed := pa.Column("DATE_PLACED")
	for _, child := range eps.Children() {
		order, ok1 := pickByDateX1(decom, eps.RowsOf(child), false, func(i int) bool { return ls.Code(i) == "E1" })
		first, ok2 := pickByDateX1(placed, pa.RowsOf(child), false, nil)
		if !ok1 || !ok2 {
			continue
		}
		granted, _ := decom.Date(order)
		if decided, _ := placed.Date(first); decided.After(granted) {
			c.Flag(eps, order)
			c.Flag(pa, first)
		}
	}
}

// rule557 (2022–23 and 2023–24): a child placed for adoption (A3 to A6)
// or under a freeing or placement order (D1, E1) who left care other than
// by adoption has the decision's end completed (date and reason ceased).
func rule557(c *Check) { flagNotAdoptedX1(c, "D1", "E1") }

// rule557v2024 (from 2024–25): as rule557, the placement order being
// legal status E1 alone.
func rule557v2024(c *Check) { flagNotAdoptedX1(c, "E1") }

// flagNotAdoptedX1 flags each episode of a child placed for adoption (A3
// to A6) or under one of the legal statuses orders, ended with a reason
// other than adoption (E11, E12) or a continuing episode (X1), when the
// child has no decision to place for adoption, or one whose date or reason
// ceased is blank; those decisions are flagged too.
func flagNotAdoptedX1(c *Check, orders ...string) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	place, ls, rec := eps.Column("PLACE"), eps.Column("LS"), eps.Column("REC")
	ceased, reason := pa.Column("DATE_PLACED_CEASED"), pa.Column("REASON_PLACED_CEASED")
	for i := range eps.Len() {
		left := rec.Code(i)
		if !(adoptionPlacementX1(place.Code(i)) || oneOf(ls.Code(i), orders...)) ||
			left == "" || left == "X1" || adoptedX1(left) {
			continue
		}
		decisions := pa.RowsOf(eps.Child(i))
		if len(decisions) == 0 {
			c.Flag(eps, i)
		}
		for _, j := range decisions {
			if ceased.Blank(j) || reason.Blank(j) {
				c.Flag(eps, i)
				c.Flag(pa, j)
			}
		}
	}
}

// rule558: a child adopted (E11, E12) has a decision to place for
// adoption that was not disrupted: among its decisions, one with the date
// it ceased blank. An adopted child whose every decision has a date
// ceased is flagged.
func rule558(c *Check) {
	eps, pa := c.Table(episodes), c.Table(placedAdoption)
	rec, ceased := eps.Column("REC"), pa.Column("DATE_PLACED_CEASED")
	for i := range eps.Len() {
		if !adoptedX1(rec.Code(i)) {
			continue
		}
		decisions := pa.RowsOf(eps.Child(i))
		if len(decisions) > 0 && !anyRowX1(decisions, func(j int) bool { return ceased.Blank(j) }) {
			c.Flag(eps, i)
		}
	}
}

// rule575: a missing period that began during an episode that has ended
// has an end date.
func rule575(c *Check) {
	eps, mis := c.Table(episodes), c.Table(missing)
	misStart, misEnd := mis.Column("MIS_START"), mis.Column("MIS_END")
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for i := range mis.Len() {
		start, ok := misStart.Date(i)
		if !ok || !misEnd.Blank(i) {
			continue
		}
		if anyRowX1(eps.RowsOf(mis.Child(i)), func(j int) bool {
			from, ok1 := decom.Date(j)
			to, ok2 := dec.Date(j)
			return ok1 && ok2 && !start.Before(from) && !start.After(to)
		}) {
			c.Flag(mis, i)
		}
	}
}

// rule577: a missing period without an end date is flagged when the
// child ceased to be looked after after it began: a period of care ended
// on or after the day the child went missing.
func rule577(c *Check) {
	eps, mis := c.Table(episodes), c.Table(missing)
	misStart, misEnd := mis.Column("MIS_START"), mis.Column("MIS_END")
	var buf []periodX1
	for i := range mis.Len() {
		start, ok := misStart.Date(i)
		if !ok || !misEnd.Blank(i) {
			continue
		}
		buf = periodsOfCareX1(eps, eps.RowsOf(mis.Child(i)), buf[:0])
		for _, p := range buf {
			if !p.open && !p.end.Before(start) {
				c.Flag(mis, i)
			}
		}
	}
}

// rule578: a child does not start to be missing after ceasing to be
// looked after: a missing period that starts after a period of care ended,
// and in no later period of care, is flagged.
func rule578(c *Check) {
	eps, mis := c.Table(episodes), c.Table(missing)
	misStart := mis.Column("MIS_START")
	var buf []periodX1
	for i := range mis.Len() {
		start, ok := misStart.Date(i)
		if !ok {
			continue
		}
		buf = periodsOfCareX1(eps, eps.RowsOf(mis.Child(i)), buf[:0])
		ceased, during := false, false
		for _, p := range buf {
			ceased = ceased || (!p.open && p.end.Before(start))
			during = during || (!start.Before(p.start) && (p.open || !start.After(p.end)))
		}
		if ceased && !during {
			c.Flag(mis, i)
		}
	}
}

// rule581: a child goes missing only while looked after: a missing
// period of a child with episodes that starts during none of them (from
// its start to its end, or still open) is flagged.
func rule581(c *Check) {
	eps, mis := c.Table(episodes), c.Table(missing)
	misStart := mis.Column("MIS_START")
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for i := range mis.Len() {
		start, ok := misStart.Date(i)
		rows := eps.RowsOf(mis.Child(i))
		if !ok || len(rows) == 0 {
			continue
		}
		if !anyRowX1(rows, func(j int) bool {
			from, ok1 := decom.Date(j)
			to, ok2 := dec.Date(j)
			return ok1 && !start.Before(from) && (!ok2 || !start.After(to))
		}) {
			c.Flag(mis, i)
		}
	}
}

// rule582: a child who ceased to be looked after by adoption (E11, E12)
// was not adopted on the day of being matched with the adopters.
func rule582(c *Check) {
	ad, eps := c.Table(ad1), c.Table(episodes)
	dec, rec, match := eps.Column("DEC"), eps.Column("REC"), ad.Column("DATE_MATCH")
	for i := range eps.Len() {
		adopted, ok := dec.Date(i)
		if !ok || !adoptedX1(rec.Code(i)) {
			continue
		}
		if anyRowX1(ad.RowsOf(eps.Child(i)), func(j int) bool {
			m, ok := match.Date(j)
			return ok && m.Equal(adopted)
		}) {
			c.Flag(eps, i)
		}
	}
}

// adoptionItemsX1 returns the columns of AD1 on an adoption.
func adoptionItemsX1(ad *Table) []*Column {
	return columns(ad, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
}

// careLeaverItemsX1 returns the columns of OC3 on a care leaver.
func careLeaverItemsX1(o3 *Table) []*Column { return columns(o3, "IN_TOUCH", "ACTIV", "ACCOM") }

// anyGivenX1 reports whether row i has any of the columns completed.
func anyGivenX1(i int, cols []*Column) bool {
	for _, col := range cols {
		if !col.Blank(i) {
			return true
		}
	}
	return false
}

// anyRowX1 reports whether any of rows satisfies ok.
func anyRowX1(rows []int, ok func(int) bool) bool {
	for _, i := range rows {
		if ok(i) {
			return true
		}
	}
	return false
}

// adoptionPlacementX1 reports whether a placement is a placement for
// adoption (A3 to A6).
func adoptionPlacementX1(place string) bool { return oneOf(place, "A3", "A4", "A5", "A6") }

// adoptedX1 reports whether a reason an episode ceased is adoption (E11,
// E12).
func adoptedX1(rec string) bool { return rec == "E11" || rec == "E12" }

// pickByDateX1 returns, of rows that keep accepts (all when keep is nil)
// and that have a valid date in col, the first with the latest date (or
// the earliest), and whether there is one.
func pickByDateX1(col *Column, rows []int, latest bool, keep func(int) bool) (int, bool) {
	best, found := 0, false
	var bestDate care.Date
	for _, i := range rows {
		d, ok := col.Date(i)
		if !ok || (keep != nil && !keep(i)) {
			continue
		}
		if !found || (latest && d.After(bestDate)) || (!latest && d.Before(bestDate)) {
			best, bestDate, found = i, d, true
		}
	}
	return best, found
}

// periodX1 is a period of care: a run of a child's episodes, each
// starting on or before the day the one before ended (or the one before
// having no end), from the first's start to the last's end.
type periodX1 struct {
	start, end care.Date
	open       bool // the last episode has no valid end
	first      int  // the episode that began it
}

// periodsOfCareX1 appends to buf the periods of care of a child's episodes
// (rows of eps), in order of their start; episodes without a valid start
// are not placed.
func periodsOfCareX1(eps *Table, rows []int, buf []periodX1) []periodX1 {
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	for _, i := range eps.SortedByDate(rows, "DECOM") {
		start, ok := decom.Date(i)
		if !ok {
			break
		}
		end, ended := dec.Date(i)
		if n := len(buf); n > 0 && (buf[n-1].open || !start.After(buf[n-1].end)) {
			buf[n-1].end, buf[n-1].open = end, !ended
			continue
		}
		buf = append(buf, periodX1{start: start, end: end, open: !ended, first: i})
	}
	return buf
}
