package validate

import (
	"slices"
	"time"

	"github.com/lookedafter/practice/care"
)

// ageRules holds the rules of the age family: a child's age on some date.
// Issue 15.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var ageRules = []Rule{
	{Code: "188", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.",
		Fields:  fields("SDQ_SCORE", "SDQ_REASON"), Tables: tables(oc2), Check: rule188},
	{Code: "189", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("DOB", "SDQ_SCORE", "SDQ_REASON"), Tables: tables(oc2), Check: rule189},
	{Code: "203", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Date of birth disagrees with the date of birth already recorded for this child.",
		Fields:  fields("DOB"), Tables: tables(header), Last: tables(header), Check: rule203},
	{Code: "205A", Years: Years{From: 2022}, Family: FamilyAge, Optional: tables(header),
		Message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
		Fields:  fields("CHILD", "UASC"), Tables: tables(uasc), Last: tables(uasc), Check: rule205A},
	{Code: "205B", Years: Years{From: 2022}, Family: FamilyAge, Optional: tables(header),
		Message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
		Fields:  fields("DUC", "UASC"), Tables: tables(uasc), Last: tables(uasc), Check: rule205B},
	{Code: "205C", Years: Years{From: 2022}, Family: FamilyAge, Optional: tables(header),
		Message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
		Fields:  fields("DUC", "UASC"), Tables: tables(uasc), Last: tables(uasc), Check: rule205C},
	{Code: "209", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
		Fields:  fields("UPN", "DOB"), Tables: tables(header), Check: rule209},
	{Code: "231", Years: Years{From: 2024}, Family: FamilyAge,
		Message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
		Fields:  fields("DOB", "UASC"), Tables: tables(header), Check: rule231},
	{Code: "234", Years: Years{From: 2025}, Family: FamilyAge,
		Message: "A child aged under 10 can not change placement due to being admitted to custody",
		Fields:  fields("REASON_PLACE_CHANGE", "DOB"), Tables: tables(episodes, header), Check: rule234},
	{Code: "304", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
		Fields:  fields("DUC"), Tables: tables(uasc), Check: rule304},
	{Code: "347", Years: Years{From: 2023}, Family: FamilyAge,
		Message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
		Fields:  fields("PLACE", "DEC", "URN"), Tables: tables(oc3), Check: rule347},
	{Code: "351", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child was over 25 at the start of the current collection year.",
		Fields:  fields("DOB"), Tables: tables(header), Check: rule351},
	{Code: "352", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child who started to be looked after was aged 18 or over.",
		Fields:  fields("DECOM", "RNE"), Tables: tables(episodes, header), Check: rule352},
	{Code: "358", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child with this legal status should not be under 10.",
		Fields:  fields("DECOM", "DOB", "LS"), Tables: tables(episodes, header), Check: rule358},
	{Code: "359", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
		Fields:  fields("DEC", "LS", "PLACE"), Tables: tables(episodes, header), Check: rule359},
	{Code: "371", Years: Years{From: 2022, Until: 2022}, Family: FamilyAge,
		Message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 14.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule371},
	{Code: "371", Years: Years{From: 2023, Until: 2023}, Family: FamilyAge,
		Message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule371v2023},
	{Code: "371", Years: Years{From: 2024}, Family: FamilyAge,
		Message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule371v2024},
	{Code: "372", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child in youth custody or prison should be at least 10.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule372},
	{Code: "373", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child placed in a school should be at least 4 years old.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule373},
	{Code: "374", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child in residential employment should be at least 14 years old.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header), Check: rule374},
	{Code: "386", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is adopted but child has reached age 18.",
		Fields:  fields("REC"), Tables: tables(episodes, header), Check: rule386},
	{Code: "387", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
		Fields:  fields("REC"), Tables: tables(episodes, header), Check: rule387},
	{Code: "389", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
		Fields:  fields("REC"), Tables: tables(episodes, header), Check: rule389},
	{Code: "391", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
		Fields:  fields("DOB", "IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(oc3), Check: rule391},
	{Code: "407", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
		Fields:  fields("DEC", "DOB", "REC"), Tables: tables(episodes, header), Check: rule407},
	{Code: "440", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
		Fields:  fields("DOB", "REVIEW", "REVIEW_CODE"), Tables: tables(reviews), Check: rule440},
	{Code: "441", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
		Fields:  fields("DOB", "REVIEW", "REVIEW_CODE"), Tables: tables(reviews), Check: rule441},
	{Code: "460", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
		Fields:  fields("DEC", "REC"), Tables: tables(episodes, header), Check: rule460},
	{Code: "542", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "A child aged under 10 at 31 March should not have conviction information completed.",
		Fields:  fields("CONVICTED"), Tables: tables(oc2), Check: rule542},
	{Code: "580", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
		Fields:  fields("REC"), Tables: tables(episodes, missing), Check: rule580},
	{Code: "620", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
		Fields:  fields("DOB", "MOTHER"), Tables: tables(header), Check: rule620},
	{Code: "1001", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, header, oc3), Last: tables(episodes), Check: rule1001},
	{Code: "1007", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Check: rule1007},
	{Code: "1016", Years: Years{From: 2023}, Family: FamilyAge,
		Message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3), Check: rule1016},
	{Code: "3001", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
		Fields:  fields("REC"), Tables: tables(header, oc3), Check: rule3001},
}

// rule386: a child whose episode ended in adoption (E11, E12) is under 18
// on the day it ended.
func rule386(c *Check) {
	eps := c.Table(episodes)
	for i := range eps.Len() {
		if !oneOf(eps.Code(i, "REC"), "E11", "E12") {
			continue
		}
		dec, ok1 := eps.Date(i, "DEC")
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, dec) >= 18 {
			c.Flag(eps, i)
		}
	}
}

// rule620: a child recorded as a mother is at least 11 at the start of
// the collection year.
func rule620(c *Check) {
	h := c.Table(header)
	for i := range h.Len() {
		if h.Code(i, "MOTHER") != "1" {
			continue
		}
		if dob, ok := h.Date(i, "DOB"); ok && AgeOn(dob, c.Meta.Start) < 11 {
			c.Flag(h, i)
		}
	}
}

// flagChildHeader flags the child's rows of the Header table: the rule
// reads the date of birth there.
func flagChildHeader(c *Check, child string) {
	h := c.Table(header)
	if h == nil {
		return
	}
	for _, i := range h.RowsOf(child) {
		c.Flag(h, i)
	}
}

// rule188: a child under 4 at the end of the collection year has no SDQ
// score and no reason for none.
func rule188(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if dob, ok := t.Date(i, "DOB"); ok && AgeOn(dob, c.Meta.End) < 4 && anyGiven(t, i, "SDQ_SCORE", "SDQ_REASON") {
			c.Flag(t, i)
		}
	}
}

// rule189: a child 17 or over at the start of the collection year has no
// SDQ score and no reason for none.
func rule189(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if dob, ok := t.Date(i, "DOB"); ok && AgeOn(dob, c.Meta.Start) >= 17 && anyGiven(t, i, "SDQ_SCORE", "SDQ_REASON") {
			c.Flag(t, i)
		}
	}
}

// rule203: a child's date of birth is the one last year's return gave.
// Two valid dates are compared as dates; otherwise the cells are
// compared as given (trimmed), so a blank against a date differs and the
// same unreadable text twice does not (rule 102 reports it).
func rule203(c *Check) {
	h, last := c.Table(header), c.Last(header)
	for i := range h.Len() {
		prev := last.RowsOf(h.Child(i))
		if len(prev) == 0 {
			continue
		}
		j := prev[0]
		d1, ok1 := h.Date(i, "DOB")
		d2, ok2 := last.Date(j, "DOB")
		if ok1 && ok2 {
			if !d1.Equal(d2) {
				c.Flag(h, i)
			}
		} else if h.Trimmed(i, "DOB") != last.Trimmed(j, "DOB") {
			c.Flag(h, i)
		}
	}
}

// uascYear is what one year's return says of a child's UASC status: the
// Header's UASC flag ("1") where the Header has one, otherwise a date
// UASC ceased in the UASC table (as the DfE tool derives it for CSV
// returns without a UASC column); and the date UASC ceased.
type uascYear struct {
	flagged map[string]bool
	duc     map[string]care.Date
	hasDUC  map[string]bool
}

func readUASCYear(h, u *Table) uascYear {
	y := uascYear{flagged: map[string]bool{}, duc: map[string]care.Date{}, hasDUC: map[string]bool{}}
	for i := range u.Len() {
		ch := u.Child(i)
		if !u.Blank(i, "DUC") {
			y.hasDUC[ch] = true
			if d, ok := u.Date(i, "DUC"); ok {
				y.duc[ch] = d
			}
		}
	}
	if h != nil && h.HasColumn("UASC") {
		for i := range h.Len() {
			if h.Code(i, "UASC") == "1" {
				y.flagged[h.Child(i)] = true
			}
		}
		return y
	}
	for ch := range y.hasDUC {
		y.flagged[ch] = true
	}
	return y
}

// uascYears returns this year's and last year's UASC status.
func uascYears(c *Check) (this, last uascYear) {
	return readUASCYear(c.Table(header), c.Table(uasc)), readUASCYear(c.Last(header), c.Last(uasc))
}

// flagUASCChild flags a child's UASC row i and its Header rows.
func flagUASCChild(c *Check, i int) {
	u := c.Table(uasc)
	c.Flag(u, i)
	flagChildHeader(c, u.Child(i))
}

// rule205A: a child UASC last year and not this year has no date UASC
// ceased this year, and last year's date UASC ceased falls in last
// year's collection year (1 April to 31 March).
func rule205A(c *Check) {
	this, last := uascYears(c)
	lastStart, lastEnd := c.Meta.Start.AddYears(-1), c.Meta.End.AddYears(-1)
	u := c.Table(uasc)
	for i := range u.Len() {
		ch := u.Child(i)
		if this.flagged[ch] || !last.flagged[ch] {
			continue
		}
		d, ok := last.duc[ch]
		inLastYear := ok && !d.Before(lastStart) && !d.After(lastEnd)
		if this.hasDUC[ch] || !inLastYear {
			flagUASCChild(c, i)
		}
	}
}

// rule205B: a child UASC both last year and this year had, last year, a
// date UASC ceased on their 18th birthday (the date UASC status ends);
// and this year's date UASC ceased falls in this collection year or is
// last year's date.
func rule205B(c *Check) {
	this, last := uascYears(c)
	u, lu := c.Table(uasc), c.Last(uasc)
	for i := range u.Len() {
		ch := u.Child(i)
		if !this.flagged[ch] || !last.flagged[ch] {
			continue
		}
		dob, ok := u.Date(i, "DOB")
		if rows := lu.RowsOf(ch); len(rows) > 0 {
			if d, ok2 := lu.Date(rows[0], "DOB"); ok2 {
				dob, ok = d, true
			}
		}
		prev, okPrev := last.duc[ch]
		now, okNow := this.duc[ch]
		prevIs18th := ok && okPrev && prev.Equal(Birthday(dob, 18))
		nowInYear := okNow && !now.Before(c.Meta.Start) && !now.After(c.Meta.End)
		sameAsLast := okNow && okPrev && now.Equal(prev)
		if !prevIs18th || (!nowInYear && !sameAsLast) {
			flagUASCChild(c, i)
		}
	}
}

// rule205C: a child UASC in neither year has no date UASC ceased in
// either year.
func rule205C(c *Check) {
	this, last := uascYears(c)
	u := c.Table(uasc)
	for i := range u.Len() {
		ch := u.Child(i)
		if !this.flagged[ch] && !last.flagged[ch] && (this.hasDUC[ch] || last.hasDUC[ch]) {
			flagUASCChild(c, i)
		}
	}
}

// rule209: a child of school age (4 or over on 31 August before the
// collection year starts: the DfE's "31/08/YYYY, the year prior to the
// collection start") does not have the unknown UPN code UN1.
func rule209(c *Check) {
	h := c.Table(header)
	ref := care.MustDate(c.Meta.Start.Year()-1, time.August, 31)
	for i := range h.Len() {
		if dob, ok := h.Date(i, "DOB"); ok && h.Code(i, "UPN") == "UN1" && AgeOn(dob, ref) >= 4 {
			c.Flag(h, i)
		}
	}
}

// rule231: an unaccompanied asylum-seeking child (the Header's UASC flag
// is 1) is 11 or over at the end of the collection year. The open
// validator reads a column UASC_STATUS that no return has; the DfE's
// field is the Header's UASC (testdata/disagreements.json).
func rule231(c *Check) {
	h := c.Table(header)
	for i := range h.Len() {
		if dob, ok := h.Date(i, "DOB"); ok && h.Code(i, "UASC") == "1" && AgeOn(dob, c.Meta.End) < 11 {
			c.Flag(h, i)
		}
	}
}

// rule234: a child under 10 does not change placement because of being
// admitted to custody. The reason for a placement change (CUSTOD) is
// recorded on the episode that ended, so the child's age is taken on the
// day it ended (the DfE: "if DECOM < DOB + 10 years then previous
// episode REASON_PLACE_CHANGE cannot be CUSTOD"; the next episode starts
// the day this one ends). An episode not ended is not judged.
func rule234(c *Check) {
	eps := c.Table(episodes)
	rpc, dec := eps.Column("REASON_PLACE_CHANGE"), eps.Column("DEC")
	for i := range eps.Len() {
		if rpc.Code(i) != "CUSTOD" {
			continue
		}
		ended, ok1 := dec.Date(i)
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, ended) < 10 {
			c.Flag(eps, i)
			flagChildHeader(c, eps.Child(i))
		}
	}
}

// rule304: UASC status ceases on or before the 18th birthday: a date UASC
// ceased after it is flagged.
func rule304(c *Check) {
	u := c.Table(uasc)
	for i := range u.Len() {
		dob, ok1 := u.Date(i, "DOB")
		duc, ok2 := u.Date(i, "DUC")
		if ok1 && ok2 && duc.After(Birthday(dob, 18)) {
			c.Flag(u, i)
		}
	}
}

// rule347: a care leaver in a Foyer (accommodation T) is 18 or over at
// the start of the collection year.
func rule347(c *Check) {
	t := c.Table(oc3)
	for i := range t.Len() {
		if dob, ok := t.Date(i, "DOB"); ok && t.Code(i, "ACCOM") == "T" && AgeOn(dob, c.Meta.Start) < 18 {
			c.Flag(t, i)
		}
	}
}

// rule351: a child is not over 25 at the start of the collection year:
// the 25th birthday falls on or after that day.
func rule351(c *Check) {
	h := c.Table(header)
	for i := range h.Len() {
		if dob, ok := h.Date(i, "DOB"); ok && Birthday(dob, 25).Before(c.Meta.Start) {
			c.Flag(h, i)
		}
	}
}

// rule352: a child starting to be looked after (reason S) is under 18 on
// the day the episode starts.
func rule352(c *Check) {
	eps := c.Table(episodes)
	for i := range eps.Len() {
		if eps.Code(i, "RNE") != "S" {
			continue
		}
		start, ok1 := eps.Date(i, "DECOM")
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, start) >= 18 {
			c.Flag(eps, i)
		}
	}
}

// rule358: a child whose episode starts under a youth-justice legal
// status (J1, J2, J3) is 10 or over on the day it starts.
func rule358(c *Check) {
	eps := c.Table(episodes)
	for i := range eps.Len() {
		if !oneOf(eps.Code(i, "LS"), "J1", "J2", "J3") {
			continue
		}
		start, ok1 := eps.Date(i, "DECOM")
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, start) < 10 {
			c.Flag(eps, i)
			flagChildHeader(c, eps.Child(i))
		}
	}
}

// rule359: a child looked after at the end of the collection year (an
// episode not ended) whose 18th birthday fell before that day is
// accommodated under section 20(5) (legal status V2) in a children's home
// (placement K2).
func rule359(c *Check) {
	eps := c.Table(episodes)
	for i := range eps.Len() {
		if !eps.Blank(i, "DEC") || (eps.Code(i, "LS") == "V2" && eps.Code(i, "PLACE") == "K2") {
			continue
		}
		if dob, ok := c.DOB(eps.Child(i)); ok && Birthday(dob, 18).Before(c.Meta.End) {
			c.Flag(eps, i)
		}
	}
}

// flagYoungInPlacement flags the episodes in one of the placements that
// start before the child reaches minAge.
func flagYoungInPlacement(c *Check, minAge int, places ...string) {
	eps := c.Table(episodes)
	place, decom := eps.Column("PLACE"), eps.Column("DECOM")
	for i := range eps.Len() {
		if !oneOf(place.Code(i), places...) {
			continue
		}
		start, ok1 := decom.Date(i)
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, start) < minAge {
			c.Flag(eps, i)
		}
	}
}

// rule371: a child placed in semi-independent living (H5) is 14 or over
// when the placement starts.
func rule371(c *Check) { flagYoungInPlacement(c, 14, "H5") }

// rule371v2023: from 2023–24, 16 or over.
func rule371v2023(c *Check) { flagYoungInPlacement(c, 16, "H5") }

// rule371v2024: from 2024–25, supported accommodation (K3), 16 or over.
func rule371v2024(c *Check) { flagYoungInPlacement(c, 16, "K3") }

// rule372: a child placed in youth custody or prison (R5) is 10 or over.
func rule372(c *Check) { flagYoungInPlacement(c, 10, "R5") }

// rule373: a child placed in a school (S1) is 4 or over.
func rule373(c *Check) { flagYoungInPlacement(c, 4, "S1") }

// rule374: a child in residential employment (P3) is 14 or over, whether
// or not the placement has ended.
func rule374(c *Check) { flagYoungInPlacement(c, 14, "P3") }

// flagAgeAtCeased flags the episodes that ceased for one of the reasons
// when the child's age on the day they ceased is under minAge (under is
// true) or minAge or over (under is false).
func flagAgeAtCeased(c *Check, under bool, minAge int, reasons ...string) {
	eps := c.Table(episodes)
	rec, dec := eps.Column("REC"), eps.Column("DEC")
	for i := range eps.Len() {
		if !oneOf(rec.Code(i), reasons...) {
			continue
		}
		ended, ok1 := dec.Date(i)
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && (AgeOn(dob, ended) < minAge) == under {
			c.Flag(eps, i)
		}
	}
}

// rule387: a child who moved into independent living (E5, E6) is 14 or
// over on the day the episode ceased.
func rule387(c *Check) { flagAgeAtCeased(c, true, 14, "E5", "E6") }

// rule389: a child transferred to adult social care (E7) is 16 or over.
func rule389(c *Check) { flagAgeAtCeased(c, true, 16, "E7") }

// rule391: a young person with care leaver information was 17, 18, 19,
// 20 or 21 at some time in the collection year: 17 or over at its end
// and 21 or under at its start (the year of 12 months to its end).
func rule391(c *Check) {
	t := c.Table(oc3)
	start := c.Meta.End.AddYears(-1).AddDays(1)
	for i := range t.Len() {
		dob, ok := t.Date(i, "DOB")
		if !ok || !anyGiven(t, i, "IN_TOUCH", "ACTIV", "ACCOM") {
			continue
		}
		if AgeOn(dob, c.Meta.End) < 17 || AgeOn(dob, start) > 21 {
			c.Flag(t, i)
		}
	}
}

// rule407: a child leaving care on a special guardianship order (E45 to
// E48) is under 18 on the day the episode ceased.
func rule407(c *Check) {
	eps := c.Table(episodes)
	for i := range eps.Len() {
		if !oneOf(eps.Code(i, "REC"), "E45", "E46", "E47", "E48") {
			continue
		}
		ended, ok1 := eps.Date(i, "DEC")
		dob, ok2 := c.DOB(eps.Child(i))
		if ok1 && ok2 && AgeOn(dob, ended) >= 18 {
			c.Flag(eps, i)
			flagChildHeader(c, eps.Child(i))
		}
	}
}

// rule440: a review coded as a child under 4 (PN0) is of a child under 4
// on the day of the review.
func rule440(c *Check) { flagReviewAge(c, true) }

// rule441: a review coded as a child 4 or over (PN1 to PN7) is of a
// child 4 or over on the day of the review.
func rule441(c *Check) { flagReviewAge(c, false) }

func flagReviewAge(c *Check, pn0 bool) {
	t := c.Table(reviews)
	for i := range t.Len() {
		code := t.Code(i, "REVIEW_CODE")
		if code == "" || (code == "PN0") != pn0 {
			continue
		}
		if !pn0 && !oneOf(code, "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7") {
			continue
		}
		dob, ok1 := t.Date(i, "DOB")
		day, ok2 := t.Date(i, "REVIEW")
		if ok1 && ok2 && (AgeOn(dob, day) >= 4) == pn0 {
			c.Flag(t, i)
		}
	}
}

// rule460: a child who stayed with their carers at 18 (E17) is 18 or
// over on the day the episode ceased.
func rule460(c *Check) { flagAgeAtCeased(c, true, 18, "E17") }

// rule542: a child under 10 at the end of the collection year has no
// conviction information.
func rule542(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if dob, ok := t.Date(i, "DOB"); ok && !t.Blank(i, "CONVICTED") && AgeOn(dob, c.Meta.End) < 10 {
			c.Flag(t, i)
		}
	}
}

// rule580: a child missing (or away) when they cease to be looked after
// on their 18th birthday has reason episode ceased E8. The child is
// missing on that day when a missing period ends on it, or is open and
// began on or before it.
func rule580(c *Check) {
	eps, mis := c.Table(episodes), c.Table(missing)
	for i := range eps.Len() {
		ended, ok := eps.Date(i, "DEC")
		if !ok || eps.Code(i, "REC") == "E8" {
			continue
		}
		for _, j := range mis.RowsOf(eps.Child(i)) {
			dob, ok := mis.Date(j, "DOB")
			if !ok || !Birthday(dob, 18).Equal(ended) {
				continue
			}
			end, okEnd := mis.Date(j, "MIS_END")
			start, okStart := mis.Date(j, "MIS_START")
			if (okEnd && end.Equal(ended)) || (mis.Blank(j, "MIS_END") && okStart && !start.After(ended)) {
				c.Flag(eps, i)
				break
			}
		}
	}
}

// rule1001: a young person with care leaver information is a relevant or
// former relevant child: looked after for at least 13 weeks (91 days)
// since their 14th birthday, some of it (a day or more) since their 16th,
// and not adopted at the end of their last episode (E11, E12). Counting:
// this year's and last year's episodes, each once (by child and start;
// the copy with an end is kept), the last left open counted to the end
// of the collection year, episodes of short breaks (V3, V4) not counted;
// an episode's days run from its start (or the birthday, if later) to
// its end, the end day not counted. Young people 20 or over at the end of
// the year are not judged: two years of episodes cannot show it.
func rule1001(c *Check) {
	t := c.Table(oc3)
	eps, last := c.Table(episodes), c.Last(episodes)
	for i := range t.Len() {
		child := t.Child(i)
		dob, ok := c.DOB(child)
		if ok && AgeOn(dob, c.Meta.End) >= 20 {
			continue
		}
		if !ok || !relevantChild(c, dob, careEpisodes(eps, last, child)) {
			c.Flag(t, i)
		}
	}
}

// careEpisode is one of a child's episodes over two years' returns.
type careEpisode struct {
	start, end care.Date
	open       bool
	ls, rec    string
}

// careEpisodes returns a child's episodes of this year and last year,
// each once, in order of start; episodes with no valid start are left
// out.
func careEpisodes(eps, last *Table, child string) []careEpisode {
	byStart := map[care.Date]careEpisode{}
	var order []care.Date
	for _, t := range []*Table{eps, last} {
		for _, i := range t.RowsOf(child) {
			start, ok := t.Date(i, "DECOM")
			if !ok {
				continue
			}
			end, ended := t.Date(i, "DEC")
			e := careEpisode{start: start, end: end, open: !ended, ls: t.Code(i, "LS"), rec: t.Code(i, "REC")}
			old, seen := byStart[start]
			if !seen {
				order = append(order, start)
			}
			if !seen || (old.open && !e.open) {
				byStart[start] = e
			}
		}
	}
	slices.SortFunc(order, care.Date.Compare)
	out := make([]careEpisode, len(order))
	for k, d := range order {
		out[k] = byStart[d]
	}
	return out
}

// relevantChild reports whether the episodes show a relevant or former
// relevant child (see rule1001).
func relevantChild(c *Check, dob care.Date, eps []careEpisode) bool {
	if len(eps) == 0 {
		return false
	}
	if lastEp := eps[len(eps)-1]; oneOf(lastEp.rec, "E11", "E12") {
		return false
	}
	from14, from16 := Birthday(dob, 14), Birthday(dob, 16)
	days14, days16 := 0, 0
	for k, e := range eps {
		if shortBreaks(e.ls) {
			continue
		}
		end := e.end
		if e.open {
			if k != len(eps)-1 {
				continue
			}
			end = c.Meta.End
		}
		days14 += max(end.DaysSince(latest(e.start, from14)), 0)
		days16 += max(end.DaysSince(latest(e.start, from16)), 0)
	}
	return days14 >= 91 && days16 >= 1
}

// latest returns the later of two dates.
func latest(a, b care.Date) care.Date {
	if a.After(b) {
		return a
	}
	return b
}

// rule1007: a young person 17 or 18 at the end of the collection year who
// was looked after on the birthday they had in it (an episode started on
// or before it and ended after it, or not ended) has no care leaver
// information.
func rule1007(c *Check) {
	t, eps := c.Table(oc3), c.Table(episodes)
	for i := range t.Len() {
		dob, ok := t.Date(i, "DOB")
		if !ok || !anyGiven(t, i, "IN_TOUCH", "ACTIV", "ACCOM") {
			continue
		}
		age := AgeOn(dob, c.Meta.End)
		if age != 17 && age != 18 {
			continue
		}
		bday := Birthday(dob, age)
		for _, j := range eps.RowsOf(t.Child(i)) {
			start, ok := eps.Date(j, "DECOM")
			end, ended := eps.Date(j, "DEC")
			if ok && !start.After(bday) && (end.After(bday) || (!ended && eps.Blank(j, "DEC"))) {
				c.Flag(t, i)
				break
			}
		}
	}
}

// rule1016: a young person 17 or 18 at the end of the collection year who
// ceased to be looked after (an episode ended, other than X1) on or after
// the birthday they had in it has no care leaver information.
func rule1016(c *Check) {
	t, eps := c.Table(oc3), c.Table(episodes)
	for i := range t.Len() {
		dob, ok := t.Date(i, "DOB")
		if !ok || !anyGiven(t, i, "IN_TOUCH", "ACTIV", "ACCOM") {
			continue
		}
		age := AgeOn(dob, c.Meta.End)
		if age != 17 && age != 18 {
			continue
		}
		bday := Birthday(dob, age)
		for _, j := range eps.RowsOf(t.Child(i)) {
			if end, ok := eps.Date(j, "DEC"); ok && !end.Before(bday) && eps.Code(j, "REC") != "X1" {
				c.Flag(t, i)
				break
			}
		}
	}
}

// rule3001: care leaver information returned around the 17th birthday
// (it falls in the collection year) does not give accommodation with
// former foster carers (Z1, Z2).
func rule3001(c *Check) {
	t := c.Table(oc3)
	for i := range t.Len() {
		if !oneOf(t.Code(i, "ACCOM"), "Z1", "Z2") {
			continue
		}
		if dob, ok := c.DOB(t.Child(i)); ok {
			if b := Birthday(dob, 17); !b.Before(c.Meta.Start) && !b.After(c.Meta.End) {
				c.Flag(t, i)
			}
		}
	}
}
