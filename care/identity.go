package care

// This file holds the ID family: the child's identity recorded (ID-01), a
// check while the child is looked after.

var ruleID01 = Rule{
	ID: ID01, Title: "Identity recorded: ethnicity, religion, first language and how the plan meets identity needs",
	Text:     "While the child is looked after, the record holds the child's ethnicity as an SSDA903 code (not REFU or NOBT), religion, first language, and how the care plan meets the child's identity needs (Child.IdentityNeeds). One finding for the child.",
	Citation: plCPPCR("reg 5 and Sch 1 (identity); inspection finding", 5), InForce: plCPPCRInForce,
	Severity: SeverityStatutory, Domain: DomainIdentity, Reads: FamilyPlans, Package: "care", File: "care/identity.go",
}

var kindID01 = Kind{Rule: &ruleID01, What: "identity record",
	Problems: []string{"ethnicity not recorded", "religion not recorded", "first language not recorded",
		"how identity needs are met not recorded"},
	Met: "ethnicity, religion, first language and identity needs recorded"}

// identity records ID-01, while the child is looked after.
func (a *planAssessor) identity() {
	if !a.h.InCareOn(a.asOf) {
		return
	}
	c := a.h.Child()
	a.e.Check(&kindID01, Obligation{}, plProblems(
		!c.Ethnicity.IsRecorded(), // ethnicity
		c.Religion == "",          // religion
		c.FirstLanguage == "",     // first language
		c.IdentityNeeds == "",     // identity needs
	))
}
