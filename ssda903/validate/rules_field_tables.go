package validate

import (
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// The field rules of the tables other than Header and Episodes: UASC,
// Reviews, OC2, OC3, AD1, PlacedAdoption, PrevPerm, Missing, SWEpisodes
// and DoLo. Their entries are in rules_field.go.
//
// Codes are read as the DfE's tool reads them: trimmed and upper-cased
// ([Table.Code]); a cell that is blank or missing is "not given". The
// open validator's own tests feed its rules lower-case codes and empty
// strings that its reader never produces (it upper-cases every cell and
// reads an empty cell as no value): testdata/disagreements.json lists
// those cases.

// ---- Shared helpers (suffix T: this file's) ----

// flagInvalidCodesT flags the rows whose cell in the column is given and
// is not a code valid in the year (valid is given the cell as a code); a
// blank cell too when blankBad.
func flagInvalidCodesT(c *Check, t *Table, name string, blankBad bool, valid func(code string) bool) {
	col := t.Column(name)
	for i := range t.Len() {
		code := col.Code(i)
		if code == "" {
			if blankBad {
				c.Flag(t, i)
			}
			continue
		}
		if !valid(code) {
			c.Flag(t, i)
		}
	}
}

// flagOutsideYearT flags the rows whose date in the column is before the
// start or after the end of the collection year.
func flagOutsideYearT(c *Check, t *Table, name string) {
	col := t.Column(name)
	for i := range t.Len() {
		if d, ok := col.Date(i); ok && (d.Before(c.Meta.Start) || d.After(c.Meta.End)) {
			c.Flag(t, i)
		}
	}
}

// flagAllOrNoneT flags the rows where some but not all of the columns are
// given: items that "must all be coded or all left blank".
func flagAllOrNoneT(c *Check, t *Table, names ...string) {
	cols := columns(t, names...)
	for i := range t.Len() {
		given := countGivenT(cols, i)
		if given > 0 && given < len(cols) {
			c.Flag(t, i)
		}
	}
}

// countGivenT returns how many of the columns are given (not blank) in row i.
func countGivenT(cols []*Column, i int) int {
	n := 0
	for _, col := range cols {
		if !col.Blank(i) {
			n++
		}
	}
	return n
}

// isFlagT reports whether code is a yes-or-no code, 0 or 1.
func isFlagT(code string) bool {
	_, err := ssda903.ParseFlag(code)
	return err == nil
}

// oc2HealthT are the OC2 items that must be completed once any OC2 item
// is (182, 544, 547).
var oc2HealthT = []string{"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"}

// oc2FlagsT are the OC2 items coded 0 or 1 (181, 182).
var oc2FlagsT = []string{"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"}

// flagHealthIncompleteT flags the OC2 rows where the item given is 1 but
// one of the health items is blank (544, 547).
func flagHealthIncompleteT(c *Check, item string) {
	oc := c.Table(oc2)
	given := oc.Column(item)
	health := columns(oc, oc2HealthT...)
	for i := range oc.Len() {
		if given.Code(i) == "1" && countGivenT(health, i) < len(health) {
			c.Flag(oc, i)
		}
	}
}

// Adopters' sex codes (AD1 SEX_ADOPTR), as sets a rule asks for.
var (
	singleAdopterT   = []string{"M1", "F1"}
	coupleAdoptersT  = []string{"MM", "FF", "MF"}
	sameSexAdoptersT = []string{"MM", "FF"}
)

// adopterSexesForLST returns the adopters' sex codes the adopters' legal
// status ls allows (514, 517, 518, 524).
func adopterSexesForLST(ls string) []string {
	switch ls {
	case "L0": // a single adopter
		return singleAdopterT
	case "L3": // a different-sex couple, not married
		return []string{"MF"}
	case "L4", "L12": // a same-sex couple
		return sameSexAdoptersT
	}
	return nil
}

// flagAdopterSexForLST flags the AD1 rows whose adopters' legal status is
// ls and whose adopters' sex is not one the status allows (blank
// included: the DfE's "must be").
func flagAdopterSexForLST(c *Check, ls string) {
	ad := c.Table(ad1)
	lsCol, sex := ad.Column("LS_ADOPTR"), ad.Column("SEX_ADOPTR")
	allowed := adopterSexesForLST(ls)
	for i := range ad.Len() {
		if lsCol.Code(i) == ls && !oneOf(sex.Code(i), allowed...) {
			c.Flag(ad, i)
		}
	}
}

// ---- UASC ----

// rule104: the date UASC status ceased, where given, must be a valid date
// and not before the collection year started.
func rule104(c *Check) {
	u := c.Table(uasc)
	duc := u.Column("DUC")
	for i := range u.Len() {
		d, ok := duc.Date(i)
		if duc.BadDate(i) || (ok && d.Before(c.Meta.Start)) {
			c.Flag(u, i)
		}
	}
}

// ---- AD1 ----

// rule112: the date the child should be placed for adoption, where given,
// must be a valid date.
func rule112(c *Check) { flagBadDates(c, c.Table(ad1), "DATE_INT", false) }

// rule113: the date of matching, where given, must be a valid date.
func rule113(c *Check) { flagBadDates(c, c.Table(ad1), "DATE_MATCH", false) }

// rule114: the former carers' status, where given, is 0 or 1.
func rule114(c *Check) { flagInvalidCodesT(c, c.Table(ad1), "FOSTER_CARE", false, isFlagT) }

// rule151: the adoption items are all given or all blank.
func rule151(c *Check) {
	flagAllOrNoneT(c, c.Table(ad1), "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
}

// rule175: the number of adopters, where given, is 1 or 2.
func rule175(c *Check) {
	flagInvalidCodesT(c, c.Table(ad1), "NB_ADOPTR", false, func(code string) bool { return oneOf(code, "1", "2") })
}

// rule176: the adopters' sex, where given, is a code of the list.
func rule176(c *Check) {
	flagInvalidCodesT(c, c.Table(ad1), "SEX_ADOPTR", false, func(code string) bool {
		_, err := ssda903.ParseAdopterSex(code)
		return err == nil
	})
}

// rule177: the adopters' legal status, where given, is a code of the list.
func rule177(c *Check) {
	flagInvalidCodesT(c, c.Table(ad1), "LS_ADOPTR", false, func(code string) bool {
		_, err := ssda903.ParseAdopterLegalStatus(code)
		return err == nil
	})
}

// rule333: where the date of matching is given, the date the child should
// be placed for adoption must be given too, and on or before it.
func rule333(c *Check) {
	ad := c.Table(ad1)
	intCol, match := ad.Column("DATE_INT"), ad.Column("DATE_MATCH")
	for i := range ad.Len() {
		m, ok := match.Date(i)
		if !ok {
			continue
		}
		d, dok := intCol.Date(i)
		if intCol.Blank(i) || (dok && d.After(m)) {
			c.Flag(ad, i)
		}
	}
}

// rule511: two adopters are coded as a couple: MM, FF or MF.
func rule511(c *Check) {
	ad := c.Table(ad1)
	nb, sex := ad.Column("NB_ADOPTR"), ad.Column("SEX_ADOPTR")
	for i := range ad.Len() {
		if nb.Code(i) == "2" && !sex.Blank(i) && !oneOf(sex.Code(i), coupleAdoptersT...) {
			c.Flag(ad, i)
		}
	}
}

// rule514: a single adopter (legal status L0) is coded M1 or F1.
func rule514(c *Check) { flagAdopterSexForLST(c, "L0") }

// rule517: adopters of legal status L3 are coded MF.
func rule517(c *Check) { flagAdopterSexForLST(c, "L3") }

// rule518: adopters of legal status L4 are coded MM or FF.
func rule518(c *Check) { flagAdopterSexForLST(c, "L4") }

// rule519: a civil partnership couple (legal status L2) is coded as a
// couple: MM, FF or MF.
func rule519(c *Check) {
	ad := c.Table(ad1)
	ls, sex := ad.Column("LS_ADOPTR"), ad.Column("SEX_ADOPTR")
	for i := range ad.Len() {
		if ls.Code(i) == "L2" && !oneOf(sex.Code(i), coupleAdoptersT...) {
			c.Flag(ad, i)
		}
	}
}

// rule520: a different-sex married couple (legal status L11) is not coded
// as a same-sex couple.
func rule520(c *Check) {
	ad := c.Table(ad1)
	ls, sex := ad.Column("LS_ADOPTR"), ad.Column("SEX_ADOPTR")
	for i := range ad.Len() {
		if ls.Code(i) == "L11" && oneOf(sex.Code(i), sameSexAdoptersT...) {
			c.Flag(ad, i)
		}
	}
}

// rule524: adopters of legal status L12 are coded MM or FF.
func rule524(c *Check) { flagAdopterSexForLST(c, "L12") }

// ---- PlacedAdoption ----

// rule115: the date of the decision to place for adoption, where given,
// must be a valid date.
func rule115(c *Check) { flagBadDates(c, c.Table(placedAdoption), "DATE_PLACED", false) }

// rule116: the date of the decision no longer to place for adoption, where
// given, must be a valid date.
func rule116(c *Check) { flagBadDates(c, c.Table(placedAdoption), "DATE_PLACED_CEASED", false) }

// rule119: the date of and the reason for the decision no longer to place
// for adoption are both given or both blank.
func rule119(c *Check) {
	flagAllOrNoneT(c, c.Table(placedAdoption), "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
}

// rule120: the reason the decision was reversed, where given, is a code of
// the list.
func rule120(c *Check) {
	flagInvalidCodesT(c, c.Table(placedAdoption), "REASON_PLACED_CEASED", false, func(code string) bool {
		_, err := ssda903.ParseReasonPlacedCeased(code)
		return err == nil
	})
}

// rule522: the decision to place for adoption is on or before the
// decision no longer to.
func rule522(c *Check) {
	pa := c.Table(placedAdoption)
	placed, ceased := pa.Column("DATE_PLACED"), pa.Column("DATE_PLACED_CEASED")
	for i := range pa.Len() {
		p, ok1 := placed.Date(i)
		e, ok2 := ceased.Date(i)
		if ok1 && ok2 && p.After(e) {
			c.Flag(pa, i)
		}
	}
}

// rule563: a decision no longer to place for adoption (its date or its
// reason) needs the date of the decision to place.
func rule563(c *Check) {
	pa := c.Table(placedAdoption)
	placed := pa.Column("DATE_PLACED")
	ceased, reason := pa.Column("DATE_PLACED_CEASED"), pa.Column("REASON_PLACED_CEASED")
	for i := range pa.Len() {
		if placed.Blank(i) && (!ceased.Blank(i) || !reason.Blank(i)) {
			c.Flag(pa, i)
		}
	}
}

// rule583: when a child has more than one decision to place for adoption,
// every one but the latest must have been revoked (a date it ceased).
func rule583(c *Check) {
	pa := c.Table(placedAdoption)
	placed, ceased := pa.Column("DATE_PLACED"), pa.Column("DATE_PLACED_CEASED")
	for _, child := range pa.Children() {
		rows := pa.SortedByDate(pa.RowsOf(child), "DATE_PLACED")
		// Undated rows sort last: the latest decision is the last dated.
		last := -1
		for k, r := range rows {
			if _, ok := placed.Date(r); ok {
				last = k
			}
		}
		if last < 1 {
			continue
		}
		for _, r := range rows[:last] {
			if ceased.Blank(r) {
				c.Flag(pa, r)
			}
		}
	}
}

// ---- OC3 ----

// rule131: being in touch is given and a code of the list.
func rule131(c *Check) {
	flagInvalidCodesT(c, c.Table(oc3), "IN_TOUCH", true, func(code string) bool {
		_, err := ssda903.ParseInTouch(code)
		return err == nil
	})
}

// unlistedActivityT and unlistedAccommodationT are codes of the ssda903
// lists (which take a code of any year of liia-tools' schemas) that the
// DfE's lists for 2022–23 onwards, as its tool applies them, do not have:
// no F3 or P3 activity; no S1 (homeless) or X1 (in custody) accommodation,
// which cannot be suitable.
var (
	unlistedActivityT      = []string{"F3", "P3"}
	unlistedAccommodationT = []string{"S1", "X1"}
)

// rule132: the activity is given and a code of the year's list.
func rule132(c *Check) {
	flagInvalidCodesT(c, c.Table(oc3), "ACTIV", true, func(code string) bool {
		_, err := ssda903.ParseActivity(code)
		return err == nil && !oneOf(code, unlistedActivityT...)
	})
}

// rule133: the accommodation is given and a code of the year's list.
func rule133(c *Check) {
	flagInvalidCodesT(c, c.Table(oc3), "ACCOM", true, func(code string) bool {
		_, err := ssda903.ParseAccommodation(code)
		return err == nil && !oneOf(code, unlistedAccommodationT...)
	})
}

// rule153: being in touch, activity and accommodation are all given or all
// blank.
func rule153(c *Check) { flagAllOrNoneT(c, c.Table(oc3), "IN_TOUCH", "ACTIV", "ACCOM") }

// rule344: a young person who has died or returned home (DIED, RHOM) has
// activity and accommodation coded 0.
func rule344(c *Check) {
	o := c.Table(oc3)
	touch, activ, accom := o.Column("IN_TOUCH"), o.Column("ACTIV"), o.Column("ACCOM")
	for i := range o.Len() {
		if oneOf(touch.Code(i), "DIED", "RHOM") && (activ.Code(i) != "0" || accom.Code(i) != "0") {
			c.Flag(o, i)
		}
	}
}

// rule345: a young person the authority is in touch with (YES) has neither
// activity nor accommodation coded 0.
func rule345(c *Check) {
	o := c.Table(oc3)
	touch, activ, accom := o.Column("IN_TOUCH"), o.Column("ACTIV"), o.Column("ACCOM")
	for i := range o.Len() {
		if touch.Code(i) == "YES" && (activ.Code(i) == "0" || accom.Code(i) == "0") {
			c.Flag(o, i)
		}
	}
}

// ---- OC2 ----

// rule158: an intervention received (1) leaves "intervention offered"
// blank.
func rule158(c *Check) {
	oc := c.Table(oc2)
	received, offered := oc.Column("INTERVENTION_RECEIVED"), oc.Column("INTERVENTION_OFFERED")
	for i := range oc.Len() {
		if received.Code(i) == "1" && !offered.Blank(i) {
			c.Flag(oc, i)
		}
	}
}

// rule159: a substance misuse problem (1) with no intervention received
// (0) needs "intervention offered" completed.
func rule159(c *Check) {
	oc := c.Table(oc2)
	misuse := oc.Column("SUBSTANCE_MISUSE")
	received, offered := oc.Column("INTERVENTION_RECEIVED"), oc.Column("INTERVENTION_OFFERED")
	for i := range oc.Len() {
		if misuse.Code(i) == "1" && received.Code(i) == "0" && offered.Blank(i) {
			c.Flag(oc, i)
		}
	}
}

// rule180: the SDQ score, where given, is a whole number from 0 to 40.
func rule180(c *Check) {
	oc := c.Table(oc2)
	score := oc.Column("SDQ_SCORE")
	for i := range oc.Len() {
		if score.Blank(i) {
			continue
		}
		if v, ok := score.Int(i); !ok || v < 0 || v > 40 {
			c.Flag(oc, i)
		}
	}
}

// rule181: the OC2 items, where given, are 0 or 1.
func rule181(c *Check) {
	oc := c.Table(oc2)
	cols := columns(oc, oc2FlagsT...)
	for i := range oc.Len() {
		for _, col := range cols {
			if code := col.Code(i); code != "" && !isFlagT(code) {
				c.Flag(oc, i)
				break
			}
		}
	}
}

// rule182: once any OC2 item is given, immunisations, teeth check, health
// assessment and substance misuse are all given.
func rule182(c *Check) {
	oc := c.Table(oc2)
	all := columns(oc, oc2FlagsT...)
	health := columns(oc, oc2HealthT...)
	for i := range oc.Len() {
		if countGivenT(all, i) > 0 && countGivenT(health, i) < len(health) {
			c.Flag(oc, i)
		}
	}
}

// rule192: a substance misuse problem (1) needs "intervention received".
func rule192(c *Check) {
	oc := c.Table(oc2)
	misuse, received := oc.Column("SUBSTANCE_MISUSE"), oc.Column("INTERVENTION_RECEIVED")
	for i := range oc.Len() {
		if misuse.Code(i) == "1" && received.Blank(i) {
			c.Flag(oc, i)
		}
	}
}

// rule193: without a substance misuse problem (not 1), "intervention
// received" and "intervention offered" are both blank.
func rule193(c *Check) {
	oc := c.Table(oc2)
	misuse := oc.Column("SUBSTANCE_MISUSE")
	received, offered := oc.Column("INTERVENTION_RECEIVED"), oc.Column("INTERVENTION_OFFERED")
	for i := range oc.Len() {
		if misuse.Code(i) != "1" && (!received.Blank(i) || !offered.Blank(i)) {
			c.Flag(oc, i)
		}
	}
}

// rule196: the SDQ reason, where given, is a code of the list.
func rule196(c *Check) {
	flagInvalidCodesT(c, c.Table(oc2), "SDQ_REASON", false, func(code string) bool {
		_, err := care.ParseSDQReason(code)
		return err == nil
	})
}

// rule197a: a reason for no SDQ score is not given with a score.
func rule197a(c *Check) {
	oc := c.Table(oc2)
	score, reason := oc.Column("SDQ_SCORE"), oc.Column("SDQ_REASON")
	for i := range oc.Len() {
		if !score.Blank(i) && !reason.Blank(i) {
			c.Flag(oc, i)
		}
	}
}

// rule544: conviction information given (1) needs the health items.
func rule544(c *Check) { flagHealthIncompleteT(c, "CONVICTED") }

// rule547: health promotion information given (1) needs the health items.
func rule547(c *Check) { flagHealthIncompleteT(c, "HEALTH_CHECK") }

// ---- Reviews ----

// rule166: the date of review is given and a valid date.
func rule166(c *Check) { flagBadDates(c, c.Table(reviews), "REVIEW", true) }

// rule167: a review (or a participation code without one) has a
// participation code of the year's list.
func rule167(c *Check) {
	r := c.Table(reviews)
	review, code := r.Column("REVIEW"), r.Column("REVIEW_CODE")
	for i := range r.Len() {
		if review.Blank(i) && code.Blank(i) {
			continue
		}
		p, err := care.ParseParticipation(code.Code(i))
		if err != nil || !p.ValidIn(c.Year()) {
			c.Flag(r, i)
		}
	}
}

// ---- PrevPerm ----

// rule631: the previous permanence option, where given, is a code of the
// list.
func rule631(c *Check) {
	flagInvalidCodesT(c, c.Table(prevPerm), "PREV_PERM", false, func(code string) bool {
		_, err := ssda903.ParsePreviousPermanence(code)
		return err == nil
	})
}

// rule633: the authority where the previous permanence option was
// arranged, where given, is one of the year's codes.
func rule633(c *Check) {
	y := c.Year()
	flagInvalidCodesT(c, c.Table(prevPerm), "LA_PERM", false, func(code string) bool {
		return permanenceAuthorityValidT(code, y)
	})
}

// rule635: a previous permanence code of Z1 has no date of order and no
// authority.
func rule635(c *Check) {
	pp := c.Table(prevPerm)
	perm, la, date := pp.Column("PREV_PERM"), pp.Column("LA_PERM"), pp.Column("DATE_PERM")
	for i := range pp.Len() {
		if perm.Code(i) == "Z1" && (!la.Blank(i) || !date.Blank(i)) {
			c.Flag(pp, i)
		}
	}
}

// permanenceAuthoritiesT are the codes LA_PERM takes: the DfE's
// three-digit codes of English authorities (those since reorganised among
// them, since an order may be old), 999, and the countries outside England
// (NIR, SCO, WAL; NUK outside the UK).
var (
	permanenceAuthoritiesT = strings.Fields(`
		201 202 203 204 205 206 207 208 209 210 211 212 213
		301 302 303 304 305 306 307 308 309 310 311 312 313 314 315 316 317 318 319 320
		330 331 332 333 334 335 336 340 341 342 343 344 350 351 352 353 354 355 356 357 358 359
		370 371 372 373 380 381 382 383 384 390 391 392 393 394 420
		800 801 802 803 805 806 807 808 810 811 812 813 815 816 821 822 823 825 826
		830 831 835 836 837 838 839 840 841 845 846 850 851 852 855 856 857 860 861 865 866 867 868 869
		870 871 872 873 874 876 877 878 879 880 881 882 883 884 885 886 887 888 889
		890 891 892 893 894 895 896
		908 909 916 919 921 925 926 928 929 931 933 935 936 937 938 940 941 999
		NIR SCO WAL NUK`)
)

// permanenceAuthorityValidT reports whether code is an authority LA_PERM
// may name in collection year y: the authorities created since 2022–23
// from their first collection year.
func permanenceAuthorityValidT(code string, y care.CollectionYear) bool {
	switch code {
	case "942", "943": // Cumberland, Westmorland and Furness: from 1 April 2023
		return y >= 2023
	}
	return oneOf(code, permanenceAuthoritiesT...)
}

// ---- Missing ----

// rule564: a missing or away episode (its type given) has a start date.
func rule564(c *Check) {
	m := c.Table(missing)
	kind, start := m.Column("MISSING"), m.Column("MIS_START")
	for i := range m.Len() {
		if !kind.Blank(i) && start.Blank(i) {
			c.Flag(m, i)
		}
	}
}

// rule565: a start date needs the type (missing or away).
func rule565(c *Check) {
	m := c.Table(missing)
	kind, start := m.Column("MISSING"), m.Column("MIS_START")
	for i := range m.Len() {
		if kind.Blank(i) && !start.Blank(i) {
			c.Flag(m, i)
		}
	}
}

// rule566: an end date needs the type (missing or away).
func rule566(c *Check) {
	m := c.Table(missing)
	kind, end := m.Column("MISSING"), m.Column("MIS_END")
	for i := range m.Len() {
		if kind.Blank(i) && !end.Blank(i) {
			c.Flag(m, i)
		}
	}
}

// rule567: a missing episode does not end before it started.
func rule567(c *Check) {
	m := c.Table(missing)
	start, end := m.Column("MIS_START"), m.Column("MIS_END")
	for i := range m.Len() {
		s, ok1 := start.Date(i)
		e, ok2 := end.Date(i)
		if ok1 && ok2 && e.Before(s) {
			c.Flag(m, i)
		}
	}
}

// rule570: a missing episode does not start after the collection year.
func rule570(c *Check) { flagAfterEnd(c, c.Table(missing), "MIS_START") }

// rule571: a missing episode ends within the collection year.
func rule571(c *Check) { flagOutsideYearT(c, c.Table(missing), "MIS_END") }

// rule586: a missing episode starts after the child's birth (the DfE: the
// start must be after the date of birth, in the Missing table's DOB).
func rule586(c *Check) { flagNotAfterBirthT(c, c.Table(missing), "MIS_START") }

// flagNotAfterBirthT flags the rows whose date in the column is on or
// before the row's date of birth (DOB).
func flagNotAfterBirthT(c *Check, t *Table, name string) {
	col, dob := t.Column(name), t.Column("DOB")
	for i := range t.Len() {
		d, ok1 := col.Date(i)
		b, ok2 := dob.Date(i)
		if ok1 && ok2 && !d.After(b) {
			c.Flag(t, i)
		}
	}
}

// rule1004: the start of a missing episode is given and a valid date.
func rule1004(c *Check) { flagBadDates(c, c.Table(missing), "MIS_START", true) }

// rule1005: the end of a missing episode, where given, is a valid date.
func rule1005(c *Check) { flagBadDates(c, c.Table(missing), "MIS_END", false) }

// rule1006: the missing type, where given, is M or A.
func rule1006(c *Check) {
	y := c.Year()
	flagInvalidCodesT(c, c.Table(missing), "MISSING", false, func(code string) bool {
		m, err := care.ParseMissingType(code)
		return err == nil && m.ValidIn(y)
	})
}

// ---- DoLo (2026–27) ----

// rule700: the start of a DoLO is given and a valid date.
func rule700(c *Check) { flagBadDates(c, c.Table(dolo), "DOLO_START", true) }

// rule701: the end of a DoLO, where given, is a valid date.
func rule701(c *Check) { flagBadDates(c, c.Table(dolo), "DOLO_END", false) }

// rule702: a DoLO ends after it started (the DfE: the end must be after
// the start; the same day is flagged).
func rule702(c *Check) {
	d := c.Table(dolo)
	start, end := d.Column("DOLO_START"), d.Column("DOLO_END")
	for i := range d.Len() {
		s, ok1 := start.Date(i)
		e, ok2 := end.Date(i)
		if ok1 && ok2 && !e.After(s) {
			c.Flag(d, i)
		}
	}
}

// rule703: a DoLO does not start after the collection year.
func rule703(c *Check) { flagAfterEnd(c, c.Table(dolo), "DOLO_START") }

// rule704: a DoLO ends within the collection year.
func rule704(c *Check) { flagOutsideYearT(c, c.Table(dolo), "DOLO_END") }

// rule708: a DoLO starts after the child's birth (DoLo's DOB).
func rule708(c *Check) { flagNotAfterBirthT(c, c.Table(dolo), "DOLO_START") }

// ---- SWEpisodes ----

// swReasonStartT is the day from which a social worker episode needs a
// reason for the change (SW01b, SW13 from 2024–25).
var swReasonStartT = care.MustDate(2023, 4, 1)

// ruleSW01aSTG1: every social worker episode has a start date, and one
// that started before 1 April 2023 a social worker.
func ruleSW01aSTG1(c *Check) {
	sw := c.Table(swEpisodes)
	id, decom := sw.Column("SW_ID"), sw.Column("SW_DECOM")
	for i := range sw.Len() {
		d, ok := decom.Date(i)
		if decom.Blank(i) || (ok && d.Before(swReasonStartT) && id.Blank(i)) {
			c.Flag(sw, i)
		}
	}
}

// ruleSW01bSTG1: every social worker episode has a start date, and one
// that started on or after 1 April 2023 a social worker and a reason.
func ruleSW01bSTG1(c *Check) {
	sw := c.Table(swEpisodes)
	id, decom, reason := sw.Column("SW_ID"), sw.Column("SW_DECOM"), sw.Column("SW_REASON")
	for i := range sw.Len() {
		d, ok := decom.Date(i)
		if decom.Blank(i) || (ok && !d.Before(swReasonStartT) && (id.Blank(i) || reason.Blank(i))) {
			c.Flag(sw, i)
		}
	}
}

// ruleSW02STG1: the social worker's ID, where given, begins SW or XX.
func ruleSW02STG1(c *Check) {
	flagInvalidCodesT(c, c.Table(swEpisodes), "SW_ID", false, func(code string) bool {
		return strings.HasPrefix(code, "SW") || strings.HasPrefix(code, "XX")
	})
}

// ruleSW04STG1: the start of a social worker episode, where given, is a
// valid date, ZZ standing for a day or month not known and ZZZZ for a
// year.
func ruleSW04STG1(c *Check) { flagBadSWDatesT(c, "SW_DECOM") }

// ruleSW05STG1: the end of a social worker episode, where given, is a
// valid date, with ZZ or ZZZZ for a part not known.
func ruleSW05STG1(c *Check) { flagBadSWDatesT(c, "SW_DEC") }

// flagBadSWDatesT flags the social worker episodes whose date in the
// column is given and is not a date, a part of it not known allowed.
func flagBadSWDatesT(c *Check, name string) {
	sw := c.Table(swEpisodes)
	col := sw.Column(name)
	for i := range sw.Len() {
		if col.BadDate(i) && !partDateT(col.Code(i)) {
			c.Flag(sw, i)
		}
	}
}

// partDateT reports whether s (trimmed, upper case) is dd/mm/yyyy with
// some parts not known: ZZ for the day or month, ZZZZ for the year. The
// parts given must fit some date (31/ZZ/2023 does; 30/02/ZZZZ does not).
func partDateT(s string) bool {
	d, rest, ok1 := strings.Cut(s, "/")
	m, y, ok2 := strings.Cut(rest, "/")
	if !ok1 || !ok2 {
		return false
	}
	// A day not known is the 1st; a month not known January (31 days); a
	// year not known 2000 (a leap year): each lets the given parts fit.
	if d == "ZZ" {
		d = "01"
	}
	if m == "ZZ" {
		m = "01"
	}
	if y == "ZZZZ" {
		y = "2000"
	}
	_, err := ssda903.ParseDate(d + "/" + m + "/" + y)
	return err == nil
}

// ruleSW06STG2: a social worker episode does not start after the
// collection year.
func ruleSW06STG2(c *Check) { flagAfterEnd(c, c.Table(swEpisodes), "SW_DECOM") }

// ruleSW09STG2: a social worker episode does not end the day it started.
func ruleSW09STG2(c *Check) {
	sw := c.Table(swEpisodes)
	decom, dec := sw.Column("SW_DECOM"), sw.Column("SW_DEC")
	for i := range sw.Len() {
		s, ok1 := decom.Date(i)
		e, ok2 := dec.Date(i)
		if ok1 && ok2 && e.Equal(s) {
			c.Flag(sw, i)
		}
	}
}

// ruleSW13STG1: the reason for the change of social worker is given and a
// code of the list (2023–24).
func ruleSW13STG1(c *Check) {
	flagInvalidCodesT(c, c.Table(swEpisodes), "SW_REASON", true, swReasonValidT)
}

// ruleSW13STG1v2024: the reason for the change of social worker, where
// given, is a code of the list, and is given for an episode that started
// on or after 1 April 2023 (2024–25 on).
func ruleSW13STG1v2024(c *Check) {
	sw := c.Table(swEpisodes)
	reason, decom := sw.Column("SW_REASON"), sw.Column("SW_DECOM")
	for i := range sw.Len() {
		code := reason.Code(i)
		if code != "" {
			if !swReasonValidT(code) {
				c.Flag(sw, i)
			}
			continue
		}
		if d, ok := decom.Date(i); ok && !d.Before(swReasonStartT) {
			c.Flag(sw, i)
		}
	}
}

// swReasonValidT reports whether code is a reason for a change of social
// worker.
func swReasonValidT(code string) bool {
	_, err := ssda903.ParseSWReason(code)
	return err == nil
}

// ruleSW17STG2: a child's latest social worker episode (the latest start)
// is open: it has no end date.
func ruleSW17STG2(c *Check) {
	sw := c.Table(swEpisodes)
	decom, dec := sw.Column("SW_DECOM"), sw.Column("SW_DEC")
	for _, child := range sw.Children() {
		latest, latestDate := -1, care.Date{}
		for _, r := range sw.RowsOf(child) {
			// The last of the episodes starting latest, in file order.
			if d, ok := decom.Date(r); ok && (latest < 0 || !d.Before(latestDate)) {
				latest, latestDate = r, d
			}
		}
		if latest >= 0 && !dec.Blank(latest) {
			c.Flag(sw, latest)
		}
	}
}
