package permanence

import (
	"time"

	"github.com/lookedafter/practice/care"
)

// Rule IDs of this package. They are public API and never change.
const (
	PERM01 care.RuleID = "PERM-01"
	PERM02 care.RuleID = "PERM-02"
	PERM03 care.RuleID = "PERM-03"
	PERM04 care.RuleID = "PERM-04"
	PERM05 care.RuleID = "PERM-05"
	PERM06 care.RuleID = "PERM-06"
	PERM07 care.RuleID = "PERM-07"
	PERM08 care.RuleID = "PERM-08"
)

const (
	instVol2 = "The Children Act 1989 guidance and regulations, Volume 2: care planning, placement and case review (DfE, 2015)"
	urlVol2  = "https://www.gov.uk/government/publications/children-act-1989-care-planning-placement-and-case-review"
	instCA89 = "Children Act 1989"
	instAAR  = "Adoption Agencies Regulations 2005"
	instPLWG = "Public Law Working Group, best practice guidance on accommodation under s.20 (2021)"
	instLoc  = "Local practice standard (inspection finding)"
	instCard = "DfE adoption scorecards"
)

// Rules returns the permanence rules, PERM-01 to PERM-08 in ID order: a
// fresh slice on every call.
func Rules() []care.Rule {
	return []care.Rule{
		{
			ID: PERM01, Title: "Plan for permanence recorded by the second review",
			Text: "By the second looked-after review of the period of care, the care plan names a primary permanence " +
				"route. The due date is the second review's date (held, or due if not yet held), which the caller " +
				"supplies; the plan counts as recorded on the first transition of the current period's plan that " +
				"names a primary route. Met if recorded on or before that day.",
			Citation: care.Citation{Instrument: instVol2, Provision: "plan for permanence by the second review (paragraph not confirmed)", URL: urlVol2},
			InForce:  care.Period{Start: care.MustDate(2011, time.April, 1)},
			Severity: care.SeverityGuidance, Domain: care.DomainPermanence, Package: "permanence",
			Default: "2nd review",
		},
		{
			ID: PERM02, Title: "Parallel planning while the primary route is uncertain",
			Text: "While the child is looked after and the primary route is uncertain (one of the policy's uncertain " +
				"routes, not yet at order made or achieved), at least one other route is actively being worked " +
				"(assessing, recommended, agreed, before the court or order made). Evaluated as of the assessment date.",
			Citation: care.Citation{Instrument: instLoc, Provision: "a range of options considered at the same time"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Package: "permanence",
			Default: "return home, child arrangements, special guardianship, adoption", Policy: []string{"UncertainRoutes"},
		},
		{
			ID: PERM03, Title: "No drift in the permanence plan",
			Text: "While any route of the current plan is open (considered to order made), the next transition on the " +
				"plan is due within the drift window of the previous one: the corresponding date DriftMonths calendar " +
				"months later. Each gap between transitions is met or late; the gap since the last transition is " +
				"upcoming or overdue (drifting), naming the open routes and their last movement.",
			Citation: care.Citation{Instrument: instLoc, Provision: "managers' tracking of permanence plans"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Package: "permanence",
			Default: "3 months", Policy: []string{"DriftMonths"},
		},
		{
			ID: PERM04, Title: "Care proceedings finish within 26 weeks, plus court-granted extensions",
			Text: "Proceedings issued on day D are to be concluded by D + 7×26 days plus the days of every extension " +
				"the court granted (each at most 8 weeks). Weeks are calendar weeks, so bank holidays make no " +
				"difference; a limit falling on a non-working day moves only under ProceedingsShift. Met if the " +
				"final order is made on or before the limit.",
			Citation: care.Citation{Instrument: instCA89, Provision: "s.32(1)(a), (5)–(8)", URL: "https://www.legislation.gov.uk/ukpga/1989/41/section/32"},
			InForce:  care.Period{Start: care.MustDate(2014, time.April, 22)},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Package: "permanence",
			Default: "26 weeks", Policy: []string{"ProceedingsWeeks", "ProceedingsShift"},
		},
		{
			ID: PERM05, Title: "Adoption timeliness against the scorecard thresholds",
			Text: "A1: entering care (start of the period of care) to moving in with the adopters; A2: authority to " +
				"place to the match decision (a match before the authority counts as 0 days). Each is judged against " +
				"the threshold in force on the day the measured period ended, or on the assessment date while it " +
				"runs; a threshold in months is the corresponding date, one in days is the start plus that many " +
				"days. A10 (foster-carer adoptions, ending when the foster placement began) has no confirmed " +
				"threshold and is reported by the tracker without being judged. A scorecard threshold is a national " +
				"performance measure, not a duty.",
			Citation: care.Citation{Instrument: instCard, Provision: "measures A1, A2 and A10; thresholds by scorecard period",
				URL: "https://www.gov.uk/government/news/adoption-scorecards-and-thresholds-published"},
			InForce:  care.Period{Start: care.MustDate(2010, time.April, 1)},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Package: "permanence",
			Default: "14 / 4 months", Policy: []string{"Thresholds", "ScorecardYears"},
		},
		{
			ID: PERM06, Title: "Special guardianship report ready within 3 months of the notice",
			Text: "The authority's report on a prospective special guardian is ready by the corresponding date " +
				"SGOReportMonths (3) calendar months after the applicant's notice, unless the notice is withdrawn first.",
			Citation: care.Citation{Instrument: instCA89, Provision: "s.14A(7)–(8)", URL: "https://www.legislation.gov.uk/ukpga/1989/41/section/14A"},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Package: "permanence",
			Default: "3 months", Policy: []string{"SGOReportMonths"},
		},
		{
			ID: PERM07, Title: "Adoption reviews",
			Text: "Authorised to place but not placed: first review not more than 3 months after the authority, then " +
				"not more than 6 months after the previous review, until placed. Placed for adoption: first review " +
				"not more than 4 weeks (28 days) after placement, the second not more than 3 months after the first, " +
				"then not more than 6 months after the previous, until the adoption order or the placement ends. " +
				"Each interval runs from the review actually held; months are corresponding dates.",
			Citation: care.Citation{Instrument: instAAR, Provision: "reg 36(1), (3)", URL: "https://www.legislation.gov.uk/uksi/2005/389/regulation/36"},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Package: "permanence",
			Default: "3 / 6 months; 4 weeks / 3 / 6 months",
		},
		{
			ID: PERM08, Title: "No long s.20 accommodation without a plan for permanence",
			Text: "A child accommodated under s.20 (legal status V2) has a plan for permanence by the corresponding " +
				"date Section20Months (6) calendar months after the s.20 accommodation began, if it lasts that long.",
			Citation: care.Citation{Instrument: instPLWG, Provision: "drift in s.20 accommodation"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Package: "permanence",
			Default: "6 months", Policy: []string{"Section20Months"},
		},
	}
}

// rule returns the catalogue entry of id (one of this package's
// constants) without copying it: findings copy the fields they need. The
// entry must not be modified.
func rule(id care.RuleID) *care.Rule {
	if len(id) == 7 {
		if n := int(id[5]-'0')*10 + int(id[6]-'0'); n >= 1 && n <= len(ruleTable) && ruleTable[n-1].ID == id {
			return &ruleTable[n-1]
		}
	}
	for i := range ruleTable {
		if ruleTable[i].ID == id {
			return &ruleTable[i]
		}
	}
	return &care.Rule{ID: id}
}

// ruleTable is read-only; Rules hands out fresh copies.
var ruleTable = Rules()
