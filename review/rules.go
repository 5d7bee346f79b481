package review

import (
	"github.com/lookedafter/practice/care"
)

// The rule IDs of this package. They are public API and never change.
const (
	RuleFirstReview    care.RuleID = "REV-01"
	RuleSecondReview   care.RuleID = "REV-02"
	RuleLaterReview    care.RuleID = "REV-03"
	RuleIRO            care.RuleID = "REV-04"
	RuleMidwayCheck    care.RuleID = "REV-05"
	RuleRecommendation care.RuleID = "REV-06"
	RuleReviewRecord   care.RuleID = "REV-07"
	RuleParticipation  care.RuleID = "REV-08"
	RuleShortBreak     care.RuleID = "REV-09"
	RuleAdjournment    care.RuleID = "REV-10"
)

// cppcrInForce is the day the CPPCR 2010 came into force.
var cppcrInForce = care.MustDate(2011, 4, 1)

const (
	iroHandbook    = "IRO Handbook (DfE, 2010)"
	reg33URL       = care.CPPCRURL + "/regulation/33"
	reg36URL       = care.CPPCRURL + "/regulation/36"
	reg48URL       = care.CPPCRURL + "/regulation/48"
	ca89s25AURL    = "https://www.legislation.gov.uk/ukpga/1989/41/section/25A"
	ssda903        = "DfE children looked after return (SSDA903)"
	workingDayNote = " Working days are as CPPCR reg 2(1) defines them; the anchor day is day 0 and the deadline is the Nth working day after it, unless Policy.Counting counts the anchor as day 1."
	monthNote      = " Months are calendar months: the corresponding date, or the last day of the month where it has no such day."
)

// Rules returns the catalogue of the review rules, REV-01 to REV-10 in ID
// order: a fresh slice on every call, sharing no memory with any other.
func Rules() []care.Rule {
	return []care.Rule{
		{
			ID:    RuleFirstReview,
			Title: "First review within 20 working days of becoming looked after",
			Text: "The first review of each period of care is held within 20 working days of the day the child became looked after. " +
				"An early review held before then counts as the first." + workingDayNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(1)", URL: reg33URL},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Package: "review", Default: "20 WD", Policy: []string{"FirstReviewDays", "Counting"},
		},
		{
			ID:    RuleSecondReview,
			Title: "Second review not more than 3 months after the first",
			Text: "The second review is held not more than 3 months after the first review was actually held, " +
				"whether the first was on time, late or early." + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(2)", URL: reg33URL},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Package: "review", Default: "3 months", Policy: []string{"SecondReviewMonths"},
		},
		{
			ID:    RuleLaterReview,
			Title: "Later reviews not more than 6 months after the previous one",
			Text: "Each later review is held not more than 6 months after the previous review was actually held; " +
				"an early review restarts the interval." + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(2)", URL: reg33URL},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Package: "review", Default: "6 months", Policy: []string{"LaterReviewMonths"},
		},
		{
			ID:    RuleIRO,
			Title: "IRO appointed promptly, named in the care plan, and meets the child before the first review",
			Text: "An independent reviewing officer is appointed within 5 working days of the child becoming looked after " +
				"(local good practice), is named in the care plan (reg 5(d)), and meets the child on or before the day of the first review." +
				workingDayNote,
			Citation: care.Citation{Instrument: "Children Act 1989", Provision: "s.25A; CPPCR reg 5(d)", URL: ca89s25AURL},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Package: "review", Default: "5 WD, local", Policy: []string{"IROAppointDays", "Counting"},
		},
		{
			ID:    RuleMidwayCheck,
			Title: "IRO midway check between reviews",
			Text: "Between two reviews the IRO checks progress on the plan at the midpoint of the interval (from the review held " +
				"to the next review's due date), within a tolerance either side counted in calendar days. No check is owed when " +
				"the next review is held before the check falls due.",
			Citation: care.Citation{Instrument: iroHandbook, Provision: "monitoring the case between reviews; local practice standard"},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Package: "review", Default: "midpoint ± 14 days, local", Policy: []string{"MidwayToleranceDays"},
		},
		{
			ID:    RuleRecommendation,
			Title: "Every review recommendation has an owner and a due date, and is completed or followed up by it",
			Text: "Each recommendation or decision of a review names the person responsible and a due date, and is completed, " +
				"or has a recorded follow-up, on or before that date. A recommendation still open when the next review is held " +
				"is reported as carried to that review.",
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 36(1)(d); inspection finding", URL: reg36URL},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Package: "review", Default: "—",
		},
		{
			ID:    RuleReviewRecord,
			Title: "Review decisions circulated within 5 working days, the full record within 20",
			Text: "The review's decisions are circulated within 5 working days and its written record (reg 38) completed within " +
				"20 working days of the review, or of its completion if it was adjourned. The figures are IRO Handbook practice, " +
				"not confirmed from the text." + workingDayNote,
			Citation: care.Citation{Instrument: iroHandbook, Provision: "ch. 3, outcomes from the review (figures unconfirmed); CPPCR reg 38 sets no timescale"},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Package: "review", Default: "5 / 20 WD, local", Policy: []string{"DecisionsDays", "RecordDays", "Counting"},
		},
		{
			ID:    RuleParticipation,
			Title: "Child's participation and views recorded at each review",
			Text: "Each review records the child's participation code (SSDA903 PN0 to PN7) and, unless the child was under 4 " +
				"on the day of the review, the child's views.",
			Citation: care.Citation{Instrument: ssda903, Provision: "Reviews table, REVIEW_CODE; inspection finding"},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Package: "review", Default: "—",
		},
		{
			ID:    RuleShortBreak,
			Title: "Short-break child: first review within 3 months of the first short break, then 6-monthly",
			Text: "For a child in an agreed series of short breaks (legal status V3 or V4, reg 48), the first review is held within " +
				"3 months of the start of the first short break and later reviews not more than 6 months apart." + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 48(3)(d)", URL: reg48URL},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Package: "review", Default: "3 / 6 months",
			Policy: []string{"ShortBreakFirstMonths", "ShortBreakLaterMonths", "ShortBreakLapseMonths"},
		},
		{
			ID:    RuleAdjournment,
			Title: "Adjourned review completed within 20 working days, no proposal implemented before it is",
			Text: "The IRO may adjourn a review meeting once, for not more than 20 working days; the review is completed " +
				"within 20 working days of the adjournment and no proposal under review is implemented until it is." + workingDayNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 36(2)", URL: reg36URL},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Package: "review", Default: "20 WD", Policy: []string{"AdjournmentDays", "Counting"},
		},
	}
}

// rule returns the catalogue entry of id (one of this package's
// constants), without the allocation of [Rules]: findings copy the rule's
// citation, severity and domain. The entry must not be modified.
func rule(id care.RuleID) *care.Rule {
	if len(id) == 6 {
		if n := int(id[4]-'0')*10 + int(id[5]-'0'); n >= 1 && n <= len(ruleTable) {
			return &ruleTable[n-1]
		}
	}
	return &care.Rule{ID: id}
}

// ruleTable is the catalogue the calculators read. It is never modified
// and never returned: [Rules] builds a fresh copy for callers.
var ruleTable = Rules()
