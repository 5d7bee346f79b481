package permanence

import (
	"time"

	"github.com/lookedafter/practice/care"
)

// The IDs of the permanence rules. Each constant is named after the ID it
// holds, so permanence.PERM04 is "PERM-04"; IDs are stable API (see
// [care.RuleID]).
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
				"names a primary route. Met if recorded on or before that day. Not recorded: overdue while the " +
				"child is looked after; missed when the child leaves care (a plan recorded after that does not " +
				"count), and not owed if the child left care on or before the review's date.",
			Citation: care.Citation{Instrument: instVol2, Provision: "plan for permanence by the second review (paragraph not confirmed)",
				URL: urlVol2, Abbrev: "DfE guidance 2015"},
			InForce:  care.Period{Start: care.MustDate(2011, time.April, 1)},
			Severity: care.SeverityGuidance, Domain: care.DomainPermanence, Reads: care.FamilyPermanencePlans | care.FamilyReviews, Package: "permanence", File: "permanence/plan.go",
			Default: "2nd review",
		},
		{
			ID: PERM02, Title: "Parallel planning while the primary route is uncertain",
			Text: "While the child is looked after and the primary route is uncertain (one of the policy's uncertain " +
				"routes, not yet at order made or achieved), at least one other route is actively being worked " +
				"(assessing, recommended, agreed, before the court or order made). Evaluated as of the assessment " +
				"date: met or breached.",
			Citation: care.Citation{Instrument: instLoc, Provision: "a range of options considered at the same time",
				Abbrev: "Local standard"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Reads: care.FamilyPermanencePlans, Package: "permanence", File: "permanence/plan.go",
			Default: "return home, child arrangements, special guardianship, adoption", Policy: []string{"UncertainRoutes"},
		},
		{
			ID: PERM03, Title: "No drift in the permanence plan",
			Text: "While the plan is in progress, the next movement on the plan (a transition of any route) is due " +
				"within the drift window of the previous one: the corresponding date DriftMonths calendar months " +
				"later. The plan is in progress while a route is open (considered to order made) and its primary " +
				"route, if it has one, has neither been achieved nor had the order it needs made. A route is achieved " +
				"when the child lives permanently under it: adoption at the adoption order, special guardianship and " +
				"child arrangements at the order, return home when the care order is discharged or the child returns " +
				"home as part of the care plan, and long-term fostering when the placement is confirmed as a long-term " +
				"foster placement (CPPCR 2010 reg 2(1) and 22B, inserted by SI 2015/495: the plan for permanence is " +
				"foster care, the carer has agreed to foster the child until they leave care, and the authority has " +
				"confirmed the arrangement to the carer, the parents and the child); a route only agreed is not achieved. " +
				"The plan records it by a transition to achieved, or the episodes show it once: a placement recorded as " +
				"a long-term foster placement (Episode.LongTermFoster) achieves an open long-term fostering primary " +
				"route from the later of the placement's start and the day the route became primary, and leaving care " +
				"on adoption (E11, E12), special guardianship (E43–E48), a child arrangements order (E41) or a planned " +
				"return home (E4A) achieves that route on the day. Once the court has made the order of the primary " +
				"route the plan has also arrived for this rule, and what remains is watched by the rules for that route " +
				"(adoption, after the placement order: PERM-05 and PERM-07). Each gap between movements is met or late; " +
				"the gap since the last movement is upcoming, then overdue (a stalled plan) while the child is looked " +
				"after, met or late when the child leaves care to permanence, and missed when the child leaves care " +
				"otherwise with the plan stalled.",
			Citation: care.Citation{Instrument: instLoc, Provision: "managers' tracking of permanence plans", Abbrev: "Local standard"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Reads: care.FamilyPermanencePlans, Package: "permanence", File: "permanence/plan.go",
			Default: "3 months", Policy: []string{"DriftMonths"},
		},
		{
			ID: PERM04, Title: "Care proceedings finish within 26 weeks beginning with the day of issue, or by the end of the court's extension",
			Text: "Proceedings are concluded \"within twenty-six weeks beginning with the day on which the application was " +
				"issued\" (s.32(1)(a)(ii)): the day of issue is day 1, so proceedings issued on day D are in time if " +
				"concluded by D + 181 days, the day before the same weekday 26 weeks later (issued Monday 2 June 2025, " +
				"last day Sunday 30 November 2025); findings state the limit as that many days after the issue. Once " +
				"the court has extended the period (s.32(5)), the limit is the end of the latest extension granted on " +
				"or before the assessment date, as the court recorded it; each extension may end no more than 8 weeks " +
				"after the later of the end of the period it extends and the end of the day it was granted (s.32(8)), " +
				"and a record of one ending later is invalid. Weeks are calendar weeks, so bank holidays make no " +
				"difference; a limit falling on a non-working day moves only under ProceedingsShift. Met if the " +
				"proceedings are concluded on or before the limit, late if after it, whatever the outcome (an order, no " +
				"order, or the application withdrawn: each disposes of the application); overdue while they are still " +
				"open after the limit. Proceedings run whether or not the child is looked after, so nothing but their " +
				"conclusion closes the window: they are never missed.",
			Citation: care.Citation{Instrument: instCA89, Provision: "s.32(1)(a), (5)–(8)",
				URL: "https://www.legislation.gov.uk/ukpga/1989/41/section/32", Abbrev: "CA 1989"},
			InForce:  care.Period{Start: care.MustDate(2014, time.April, 22)},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Reads: care.FamilyProceedings, Package: "permanence", File: "permanence/court.go",
			Default: "26 weeks", Policy: []string{"ProceedingsWeeks", "ProceedingsShift"},
		},
		{
			ID: PERM05, Title: "Adoption timeliness against the scorecard thresholds",
			Text: "A1: entering care (start of the period of care) to moving in with the adopters; A2: authority to " +
				"place to the match decision (a match before the authority counts as 0 days). Each is judged against " +
				"the threshold in force on the day the measured period ended (on the assessment date while it " +
				"runs; on the day its window closed, if it closed unmet); a threshold in months is the " +
				"corresponding date, one in days is the start plus that many days. The thresholds carry their own " +
				"periods (from April 2010), so they, not an in-force date of the rule, say when it applies. The " +
				"window closes when the authority to place ends or the child leaves care: missed if that was after " +
				"the threshold, not owed if on or before it. A10 (foster-carer adoptions, ending when the foster " +
				"placement began) has no confirmed threshold and is reported by the tracker without being judged. " +
				"A scorecard threshold is a national performance measure, not a duty.",
			Citation: care.Citation{Instrument: instCard, Provision: "measures A1, A2 and A10; thresholds by scorecard period",
				URL: "https://www.gov.uk/government/news/adoption-scorecards-and-thresholds-published", Abbrev: "Adoption scorecards"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Reads: care.FamilyAdoption, Package: "permanence", File: "permanence/adoption.go",
			Default: "14 / 4 months", Policy: []string{"Thresholds", "ScorecardYears"},
		},
		{
			ID: PERM06, Title: "Special guardianship report ready within 3 months of the notice",
			Text: "The authority's report on a prospective special guardian is ready by the corresponding date " +
				"SGOReportMonths (3) calendar months after the applicant's notice. A notice withdrawn on or before " +
				"that day needed no report; one withdrawn after it, with no report ready by the withdrawal, is " +
				"missed. The duty does not depend on the child being looked after.",
			Citation: care.Citation{Instrument: instCA89, Provision: "s.14A(7)–(8)",
				URL: "https://www.legislation.gov.uk/ukpga/1989/41/section/14A", Abbrev: "CA 1989"},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Reads: care.FamilySpecialGuardianship, Package: "permanence", File: "permanence/court.go",
			Default: "3 months", Policy: []string{"SGOReportMonths"},
		},
		{
			ID: PERM07, Title: "Adoption reviews",
			Text: "Authorised to place but not placed: first review not more than 3 months after the authority, then " +
				"not more than 6 months after the previous review, until placed. Placed for adoption: first review " +
				"not more than 4 weeks (28 days) after placement, the second not more than 3 months after the first, " +
				"then not more than 6 months after the previous, until the adoption order or the placement ends. " +
				"Each interval runs from the review actually held; months are corresponding dates. A review not " +
				"held is overdue while its phase lasts and missed when the phase ends (the child is placed, the " +
				"authority ends, the adoption order is made, the placement ends, or the child leaves care); a " +
				"phase that ends on or before a review's due date owed no review.",
			Citation: care.Citation{Instrument: instAAR, Provision: "reg 36(1), (3)",
				URL: "https://www.legislation.gov.uk/uksi/2005/389/regulation/36", Abbrev: "AAR 2005"},
			Severity: care.SeverityStatutory, Domain: care.DomainPermanence, Reads: care.FamilyAdoptionReviews, Package: "permanence", File: "permanence/adoption.go",
			Default: "3 / 6 months; 4 weeks / 3 / 6 months",
		},
		{
			ID: PERM08, Title: "No long s.20 accommodation without a plan for permanence",
			Text: "A child accommodated under s.20 (legal status V2) has a plan for permanence by the corresponding " +
				"date Section20Months (6) calendar months after the s.20 accommodation began, if it lasts that long: " +
				"accommodation that ends on or before that day owed nothing. With no plan, overdue while the s.20 " +
				"accommodation lasts and missed when it ends (a change of legal status, or the child leaving care). " +
				"Where PERM-01 already reports the plan for permanence as overdue or missed, PERM-08 does not " +
				"report the same absence again.",
			Citation: care.Citation{Instrument: instPLWG, Provision: "drift in s.20 accommodation", Abbrev: "PLWG 2021"},
			Severity: care.SeverityLocal, Domain: care.DomainPermanence, Reads: care.FamilyPermanencePlans, Package: "permanence", File: "permanence/plan.go",
			Default: "6 months", Policy: []string{"Section20Months"},
		},
	}
}

// ruleTable is read-only: the kinds of finding point into it, and Rules
// hands out fresh copies.
var ruleTable = Rules()

// rule returns the entry of ruleTable for id, one of this package's
// constants, for a kind of finding to point at. It is called only while
// the package is initialised.
func rule(id care.RuleID) *care.Rule {
	for i := range ruleTable {
		if ruleTable[i].ID == id {
			return &ruleTable[i]
		}
	}
	panic("permanence: no rule " + string(id))
}
