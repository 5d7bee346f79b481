package care

func fillIdentityRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	rs[rID01] = cppcrRule("ID-01", "Identity recorded: ethnicity, religion, first language and how the plan meets identity needs",
		"While the child is looked after, the record holds the child's ethnicity as an SSDA903 code (not REFU or NOBT), religion, first language, and how the care plan meets the child's identity needs (Child.IdentityNeeds).",
		"reg 5 and Sch 1 (identity); inspection finding", 5, DomainIdentity, "")
}

// identity appends the ID-01 finding, while the child is looked after.
func (a *planAssessor) identity() {
	if _, inCare := EpisodeOn(a.r.Episodes, a.asOf); !inCare {
		return
	}
	c := a.r.Child
	var buf [4]string
	missing := buf[:0]
	if !c.Ethnicity.IsRecorded() {
		missing = append(missing, "ethnicity not recorded")
	}
	if c.Religion == "" {
		missing = append(missing, "religion not recorded")
	}
	if c.FirstLanguage == "" {
		missing = append(missing, "first language not recorded")
	}
	if c.IdentityNeeds == "" {
		missing = append(missing, "how identity needs are met not recorded")
	}
	a.check(rID01, "child", missing, Evidence{Label: "child's record", Ref: "child"})
}
