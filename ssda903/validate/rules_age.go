package validate

// ageRules holds the rules of the age family: a child's age on some date.
// Issue 15.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var ageRules = []Rule{
	{Code: "188", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.",
		Fields:  fields("SDQ_SCORE", "SDQ_REASON"), Tables: tables(oc2)},
	{Code: "189", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
		Fields:  fields("DOB", "SDQ_SCORE", "SDQ_REASON"), Tables: tables(oc2)},
	{Code: "203", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Date of birth disagrees with the date of birth already recorded for this child.",
		Fields:  fields("DOB"), Tables: tables(header), Last: tables(header)},
	{Code: "205A", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
		Fields:  fields("CHILD", "UASC"), Tables: tables(header, uasc), Last: tables(uasc, header)},
	{Code: "205B", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
		Fields:  fields("DUC", "UASC"), Tables: tables(header, uasc), Last: tables(uasc, header)},
	{Code: "205C", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
		Fields:  fields("DUC", "UASC"), Tables: tables(header, uasc), Last: tables(uasc, header)},
	{Code: "209", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
		Fields:  fields("UPN", "DOB"), Tables: tables(header)},
	{Code: "231", Years: Years{From: 2024}, Family: FamilyAge,
		Message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
		Fields:  fields("DOB", "UASC_STATUS"), Tables: tables(header)},
	{Code: "234", Years: Years{From: 2025}, Family: FamilyAge,
		Message: "A child aged under 10 can not change placement due to being admitted to custody",
		Fields:  fields("REASON_PLACE_CHANGE", "DOB"), Tables: tables(episodes, header)},
	{Code: "304", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
		Fields:  fields("DUC"), Tables: tables(uasc)},
	{Code: "347", Years: Years{From: 2023}, Family: FamilyAge,
		Message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
		Fields:  fields("PLACE", "DEC", "URN"), Tables: tables(oc3)},
	{Code: "351", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child was over 25 at the start of the current collection year.",
		Fields:  fields("DOB"), Tables: tables(header)},
	{Code: "352", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child who started to be looked after was aged 18 or over.",
		Fields:  fields("DECOM", "RNE"), Tables: tables(episodes, header)},
	{Code: "358", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child with this legal status should not be under 10.",
		Fields:  fields("DECOM", "DOB", "LS"), Tables: tables(episodes, header)},
	{Code: "359", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.",
		Fields:  fields("DEC", "LS", "PLACE"), Tables: tables(episodes, header)},
	{Code: "371", Years: Years{From: 2022, Until: 2022}, Family: FamilyAge,
		Message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 14.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "371", Years: Years{From: 2023, Until: 2023}, Family: FamilyAge,
		Message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "371", Years: Years{From: 2024}, Family: FamilyAge,
		Message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "372", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child in youth custody or prison should be at least 10.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "373", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child placed in a school should be at least 4 years old.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "374", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child in residential employment should be at least 14 years old.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "386", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is adopted but child has reached age 18.",
		Fields:  fields("REC"), Tables: tables(episodes, header), Check: rule386},
	{Code: "387", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
		Fields:  fields("REC"), Tables: tables(episodes, header)},
	{Code: "389", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
		Fields:  fields("REC"), Tables: tables(episodes, header)},
	{Code: "391", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year.",
		Fields:  fields("DOB", "IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(oc3)},
	{Code: "407", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
		Fields:  fields("DEC", "DOB", "REC"), Tables: tables(episodes, header)},
	{Code: "440", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
		Fields:  fields("DOB", "REVIEW", "REVIEW_CODE"), Tables: tables(reviews)},
	{Code: "441", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
		Fields:  fields("DOB", "REVIEW", "REVIEW_CODE"), Tables: tables(reviews)},
	{Code: "460", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
		Fields:  fields("DEC", "REC"), Tables: tables(episodes, header)},
	{Code: "542", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "A child aged under 10 at 31 March should not have conviction information completed.",
		Fields:  fields("CONVICTED"), Tables: tables(oc2)},
	{Code: "580", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
		Fields:  fields("REC"), Tables: tables(episodes, missing)},
	{Code: "620", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
		Fields:  fields("DOB", "MOTHER"), Tables: tables(header), Check: rule620},
	{Code: "1001", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, header, oc3), Last: tables(episodes)},
	{Code: "1007", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3)},
	{Code: "1016", Years: Years{From: 2023}, Family: FamilyAge,
		Message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
		Fields:  fields("IN_TOUCH", "ACTIV", "ACCOM"), Tables: tables(episodes, oc3)},
	{Code: "3001", Years: Years{From: 2022}, Family: FamilyAge,
		Message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
		Fields:  fields("REC"), Tables: tables(header, oc3)},
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
