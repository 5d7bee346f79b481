package validate

import (
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// oc2Rules holds the rules of the oc2-cohort family: children looked after
// continuously for 12 months at 31 March. Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var oc2Rules = []Rule{
	{Code: "157", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
		Fields:  fields("SDQ_REASON", "DOB"), Tables: tables(episodes, oc2), Check: rule157},
	{Code: "185", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("SDQ_SCORE"), Tables: tables(episodes, oc2), Check: rule185},
	{Code: "186", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
		Fields:  fields("SDQ_SCORE"), Tables: tables(episodes, oc2), Check: rule186},
	{Code: "187", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
		Fields:  fields("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR", "IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(ad1, episodes, oc3), Check: rule187},
	{Code: "190", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
		Fields:  fields("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"), Tables: tables(episodes, oc2), Check: rule190},
	{Code: "191", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
		Fields:  fields("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"), Tables: tables(episodes, oc2), Check: rule191},
	{Code: "197B", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
		Fields:  fields("SDQ_REASON", "DOB"), Tables: tables(episodes, oc2), Check: rule197B},
	{Code: "198", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("SDQ_REASON"), Tables: tables(episodes, oc2), Check: rule198},
	{Code: "543", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
		Fields:  fields("DOB", "CONVICTED"), Tables: tables(episodes, oc2), Check: rule543},
	{Code: "545", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
		Fields:  fields("DOB", "HEALTH_CHECK"), Tables: tables(episodes, oc2), Check: rule545},
	{Code: "546", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
		Fields:  fields("DOB", "HEALTH_CHECK"), Tables: tables(episodes, oc2), Check: rule546},
}

// The OC2 cohort: the children looked after continuously for at least 12
// months at 31 March of the collection ([ssda903.ContinuouslyLookedAfter12Months]).
// The collection is the one whose year begins on [Metadata.Start] (the
// open validator's cases set it to 1 April 1980 for every year). A child
// with no episode is not in the cohort.
//
// The cohort is derived once per run from the Episodes table (DECOM, DEC,
// RNE, LS and REC only; a code that cannot be read is the zero value, a
// date that cannot be read is no date) and shared by every rule of this
// family. The engine has no place for data derived once per run, so it is
// kept as a derived column of the Episodes view, under a name no column of
// a return can have (cohortColumnP): one cell per episode, "Y" on the
// episodes of a child in the cohort.

// cohortColumnP names the derived column holding the cohort. Table.Column
// upper-cases the names it is given, so no rule can read it by mistake,
// and no file's column can have it.
const cohortColumnP = "\x00oc2 cohort"

// cohortYearP returns the collection year whose cohort the OC2 rules
// judge: the one beginning on the run's collection start.
func cohortYearP(c *Check) care.CollectionYear { return care.CollectionYearOf(c.Meta.Start) }

// inCohortP reports whether child is in the OC2 cohort of the run.
func inCohortP(c *Check, child string) bool {
	eps := c.Table(episodes)
	rows := eps.RowsOf(child)
	return len(rows) > 0 && cohortOfP(c, eps).Code(rows[0]) == "Y"
}

// rowInCohortP reports whether the child of row i of the OC2 table is in
// the cohort, through a derived column of the OC2 view ("Y" on the rows
// of children in the cohort), built once per run.
func rowInCohortP(c *Check, i int) bool {
	t := c.Table(oc2)
	col := derivedP(t, "\x00in the oc2 cohort", func() *Column {
		col := rowsColumnP(t.Len())
		for k := range t.Len() {
			if inCohortP(c, t.Child(k)) {
				col.codes[k] = "Y"
			}
		}
		return col
	})
	return col.Code(i) == "Y"
}

// cohortOfP returns the derived cohort column of the Episodes view eps,
// computing it on first use in the run.
func cohortOfP(c *Check, eps *Table) *Column {
	return derivedP(eps, cohortColumnP, func() *Column { return buildCohortP(c, eps) })
}

// buildCohortP derives the cohort column of the Episodes view eps.
func buildCohortP(c *Check, eps *Table) *Column {
	year := cohortYearP(c)
	decom, dec := eps.Column("DECOM"), eps.Column("DEC")
	rne, ls, rec := eps.Column("RNE"), eps.Column("LS"), eps.Column("REC")
	col := rowsColumnP(eps.Len())
	var buf []care.Episode
	for _, child := range eps.Children() {
		buf = buf[:0]
		for _, r := range eps.RowsOf(child) {
			var e care.Episode
			e.Start, _ = decom.Date(r)
			e.End, _ = dec.Date(r)
			e.ReasonNew, _ = care.ParseReasonNewEpisode(rne.Code(r))
			e.LegalStatus, _ = care.ParseLegalStatus(ls.Code(r))
			e.ReasonCeased, _ = care.ParseReasonEpisodeCeased(rec.Code(r))
			buf = append(buf, e)
		}
		if ssda903.ContinuouslyLookedAfter12Months(buf, year) {
			for _, r := range eps.RowsOf(child) {
				col.codes[r] = "Y"
			}
		}
	}
	return col
}

// ageAtStartP and ageAtEndP return the age of the child of row i of t
// (its DOB cell) on 1 April and on 31 March of the cohort's year, and
// whether the DOB is a date.
func ageAtStartP(c *Check, t *Table, i int) (int, bool) {
	dob, ok := t.Date(i, "DOB")
	return AgeOn(dob, cohortYearP(c).Period().Start), ok
}

func ageAtEndP(c *Check, t *Table, i int) (int, bool) {
	dob, ok := t.Date(i, "DOB")
	return AgeOn(dob, cohortYearP(c).Period().End.AddDays(-1)), ok
}

// rule157: SDQ1 (the child was under 4 or over 17 at the assessment) is
// not the reason for no SDQ score of a child in the cohort aged 4 or over
// on 1 April and 16 or under on 31 March. The DfE's "or" between the ages
// is read as "and", as the open validator does: the code is wrong only
// for a child within both.
func rule157(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if t.Code(i, "SDQ_REASON") != "SDQ1" || !rowInCohortP(c, i) {
			continue
		}
		start, ok1 := ageAtStartP(c, t, i)
		end, ok2 := ageAtEndP(c, t, i)
		if ok1 && ok2 && start >= 4 && end <= 16 {
			c.Flag(t, i)
		}
	}
}

// rule185: a child not in the cohort has no SDQ score.
func rule185(c *Check) { flagOutsideCohortP(c, "SDQ_SCORE") }

// rule198: a child not in the cohort has no reason for no SDQ score.
func rule198(c *Check) { flagOutsideCohortP(c, "SDQ_REASON") }

// rule190: a child not in the cohort has none of the items of children
// looked after for 12 months.
func rule190(c *Check) {
	flagOutsideCohortP(c, "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
		"HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")
}

// flagOutsideCohortP flags the OC2 rows of children outside the cohort
// that have any of the columns completed.
func flagOutsideCohortP(c *Check, cols ...string) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if anyGiven(t, i, cols...) && !rowInCohortP(c, i) {
			c.Flag(t, i)
		}
	}
}

// rule186: a child in the cohort aged 4 or over on 1 April and under 17
// on 31 March has an SDQ score, or a reason for none.
func rule186(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if !t.Blank(i, "SDQ_SCORE") || !t.Blank(i, "SDQ_REASON") || !rowInCohortP(c, i) {
			continue
		}
		start, ok1 := ageAtStartP(c, t, i)
		end, ok2 := ageAtEndP(c, t, i)
		if ok1 && ok2 && start >= 4 && end < 17 {
			c.Flag(t, i)
		}
	}
}

// rule197B: a child in the cohort who turns 4 or 17 during the year (1
// April to 31 March, both included) has an SDQ score or a reason for none.
func rule197B(c *Check) {
	t := c.Table(oc2)
	yp := cohortYearP(c).Period()
	turns := func(dob care.Date, age int) bool { return yp.Contains(Birthday(dob, age)) }
	for i := range t.Len() {
		if !t.Blank(i, "SDQ_SCORE") || !t.Blank(i, "SDQ_REASON") || !rowInCohortP(c, i) {
			continue
		}
		if dob, ok := t.Date(i, "DOB"); ok && (turns(dob, 4) || turns(dob, 17)) {
			c.Flag(t, i)
		}
	}
}

// rule187: a child in the cohort has neither adoption (AD1) nor care
// leaver (OC3) information.
func rule187(c *Check) {
	a, o := c.Table(ad1), c.Table(oc3)
	for i := range a.Len() {
		if anyGiven(a, i, "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR") && inCohortP(c, a.Child(i)) {
			c.Flag(a, i)
		}
	}
	for i := range o.Len() {
		if anyGiven(o, i, "IN_TOUCH", "ACTIV", "ACCOM") && inCohortP(c, o.Child(i)) {
			c.Flag(o, i)
		}
	}
}

// rule191: a child in the cohort has an OC2 row with immunisations, teeth
// check, health assessment and substance misuse completed. A child in the
// cohort with no OC2 row at all is flagged on its first episode.
func rule191(c *Check) {
	t, eps := c.Table(oc2), c.Table(episodes)
	for i := range t.Len() {
		if anyBlank(t, i, "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE") && rowInCohortP(c, i) {
			c.Flag(t, i)
		}
	}
	for _, child := range eps.Children() {
		if len(t.RowsOf(child)) == 0 && inCohortP(c, child) {
			c.Flag(eps, eps.SortedByDate(eps.RowsOf(child), "DECOM")[0])
		}
	}
}

// rule543: a child in the cohort aged 10 or over on 31 March has
// conviction information.
func rule543(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if age, ok := ageAtEndP(c, t, i); ok && age >= 10 && t.Blank(i, "CONVICTED") && rowInCohortP(c, i) {
			c.Flag(t, i)
		}
	}
}

// rule545: a child in the cohort aged under 5 on 31 March has health
// promotion information.
func rule545(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if age, ok := ageAtEndP(c, t, i); ok && age < 5 && t.Blank(i, "HEALTH_CHECK") && rowInCohortP(c, i) {
			c.Flag(t, i)
		}
	}
}

// rule546: a child in the cohort aged 5 or over on 31 March has no health
// promotion information.
func rule546(c *Check) {
	t := c.Table(oc2)
	for i := range t.Len() {
		if age, ok := ageAtEndP(c, t, i); ok && age >= 5 && !t.Blank(i, "HEALTH_CHECK") && rowInCohortP(c, i) {
			c.Flag(t, i)
		}
	}
}
