package validate

// oc2Rules holds the rules of the oc2-cohort family: children looked after
// continuously for 12 months at 31 March. Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var oc2Rules = []Rule{
	{Code: "157", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
		Fields:  fields("SDQ_REASON", "DOB"), Tables: tables(episodes, oc2)},
	{Code: "185", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("SDQ_SCORE"), Tables: tables(episodes, oc2)},
	{Code: "186", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
		Fields:  fields("SDQ_SCORE"), Tables: tables(episodes, oc2)},
	{Code: "187", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
		Fields:  fields("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR", "IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(ad1, episodes, oc3)},
	{Code: "190", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
		Fields:  fields("CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"), Tables: tables(episodes, oc2)},
	{Code: "191", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
		Fields:  fields("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"), Tables: tables(episodes, oc2)},
	{Code: "197B", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
		Fields:  fields("SDQ_REASON", "DOB"), Tables: tables(episodes, oc2)},
	{Code: "198", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("SDQ_REASON"), Tables: tables(episodes, oc2)},
	{Code: "543", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
		Fields:  fields("DOB", "CONVICTED"), Tables: tables(episodes, oc2)},
	{Code: "545", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
		Fields:  fields("DOB", "HEALTH_CHECK"), Tables: tables(episodes, oc2)},
	{Code: "546", Years: Years{From: 2022}, Family: FamilyOC2Cohort,
		Message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
		Fields:  fields("DOB", "HEALTH_CHECK"), Tables: tables(episodes, oc2)},
}
