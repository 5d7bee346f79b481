package review

import (
	"github.com/lookedafter/practice/care"
)

// The rule IDs of this package, each constant named after the ID it holds.
// They are public API and never change.
const (
	REV01 care.RuleID = "REV-01"
	REV02 care.RuleID = "REV-02"
	REV03 care.RuleID = "REV-03"
	REV04 care.RuleID = "REV-04"
	REV05 care.RuleID = "REV-05"
	REV06 care.RuleID = "REV-06"
	REV07 care.RuleID = "REV-07"
	REV08 care.RuleID = "REV-08"
	REV09 care.RuleID = "REV-09"
	REV10 care.RuleID = "REV-10"
)

// cppcrInForce is the day the CPPCR 2010 came into force.
var cppcrInForce = care.MustDate(2011, 4, 1)

const (
	iroHandbook       = "IRO Handbook (DfE, 2010)"
	iroHandbookAbbrev = "IRO Handbook 2010"
	reg33URL          = care.CPPCRURL + "/regulation/33"
	reg36URL          = care.CPPCRURL + "/regulation/36"
	reg48URL          = care.CPPCRURL + "/regulation/48"
	ca89s25AURL       = "https://www.legislation.gov.uk/ukpga/1989/41/section/25A"
	ssda903           = "DfE children looked after return (SSDA903)"
	workingDayNote    = " Working days are as CPPCR reg 2(1) defines them; the anchor day is day 0 and the deadline is the Nth working day after it, unless Policy.Counting counts the anchor as day 1."
	monthNote         = " Months are calendar months: the corresponding date, or the last day of the month where it has no such day."
	// timetableMissed says what closes the window of a review of the
	// timetable (REV-01, REV-02, REV-03 and REV-09).
	timetableMissed = " A review not yet held stays overdue while the review sequence runs; it is missed when the sequence ends " +
		"after its due date without it (the child leaves care, a series of short breaks lapses, or full-time care begins), " +
		"and not owed when the sequence ends on or before its due date."
)

// Rules returns the catalogue of the review rules, REV-01 to REV-10 in ID
// order: a fresh slice on every call, sharing no memory with any other.
func Rules() []care.Rule {
	return []care.Rule{
		{
			ID:    REV01,
			Title: "First review within 20 working days of becoming looked after",
			Text: "The first review of each period of care is held within 20 working days of the day the child became looked after. " +
				"An early review held before then counts as the first." + timetableMissed + workingDayNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(1)", URL: reg33URL, Abbrev: care.CPPCRAbbrev},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Reads: care.FamilyReviews, Package: "review", File: "review/schedule.go", Default: "20 WD", Policy: []string{"FirstReviewDays", "Counting"},
		},
		{
			ID:    REV02,
			Title: "Second review not more than 3 months after the first",
			Text: "The second review is held not more than 3 months after the first review was actually held, " +
				"whether the first was on time, late or early." + timetableMissed + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(2)", URL: reg33URL, Abbrev: care.CPPCRAbbrev},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Reads: care.FamilyReviews, Package: "review", File: "review/schedule.go", Default: "3 months", Policy: []string{"SecondReviewMonths"},
		},
		{
			ID:    REV03,
			Title: "Later reviews not more than 6 months after the previous one",
			Text: "Each later review is held not more than 6 months after the previous review was actually held; " +
				"an early review restarts the interval." + timetableMissed + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 33(2)", URL: reg33URL, Abbrev: care.CPPCRAbbrev},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Reads: care.FamilyReviews, Package: "review", File: "review/schedule.go", Default: "6 months", Policy: []string{"LaterReviewMonths"},
		},
		{
			ID:    REV04,
			Title: "IRO appointed promptly, named in the care plan, and meets the child before the first review",
			Text: "An independent reviewing officer is appointed within 5 working days of the child becoming looked after " +
				"(local good practice), is named in the care plan (reg 5(d)), and meets the child on or before the day of the first review. " +
				"An appointment not yet made stays overdue while the review sequence runs and is missed when it ends. " +
				"The meeting's window closes when the first review is held: with no meeting by then it is missed " +
				"(a meeting after the review is late); before the first review is held it closes, like the review, when the sequence ends. " +
				"The meeting is owed once an IRO is appointed: until then the appointment alone is reported." +
				workingDayNote,
			Citation: care.Citation{Instrument: "Children Act 1989", Provision: "s.25A; CPPCR reg 5(d)", URL: ca89s25AURL, Abbrev: "CA 1989"},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Reads: care.FamilyIRO | care.FamilyReviews, Package: "review", File: "review/iro.go", Default: "5 WD, local", Policy: []string{"IROAppointDays", "Counting"},
		},
		{
			ID:    REV05,
			Title: "IRO midway check between reviews",
			Text: "Between two reviews the IRO checks progress on the plan at the midpoint of the interval (from the review held " +
				"to the next review's due date), within a tolerance either side counted in calendar days. The window closes when " +
				"the next review is held (a check on the day of the review does not count), so no check is owed when the next " +
				"review is held before the check falls due, and one not made by then is missed; while the next review is not held " +
				"it closes when the review sequence ends.",
			Citation: care.Citation{Instrument: iroHandbook, Provision: "monitoring the case between reviews; local practice standard", Abbrev: iroHandbookAbbrev},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Reads: care.FamilyIRO | care.FamilyReviews, Package: "review", File: "review/iro.go", Default: "midpoint ± 14 days, local", Policy: []string{"MidwayToleranceDays"},
		},
		{
			ID:    REV06,
			Title: "Every review recommendation has an owner and a due date, and is completed or followed up by it",
			Text: "Each recommendation or decision of a review names the person responsible and a due date, and is completed, " +
				"or has a recorded follow-up, on or before that date. One not completed or followed up stays overdue until the first " +
				"review held after its due date, which takes stock of it and makes the recommendations that now stand, or until the " +
				"child leaves care; it is then missed. One still open when the next review is held is reported as carried to that review.",
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 36(1)(d); inspection finding", URL: reg36URL, Abbrev: care.CPPCRAbbrev},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Reads: care.FamilyReviewRecords, Package: "review", File: "review/meeting.go", Default: "—",
		},
		{
			ID:    REV07,
			Title: "Review decisions circulated within 5 working days, the full record within 20",
			Text: "The review's decisions are circulated within 5 working days and its written record (reg 38) completed within " +
				"20 working days of the review, or of its completion if it was adjourned. Either one not done is missed when the " +
				"next review is held or the child leaves care, whichever comes first. The figures are IRO Handbook practice, " +
				"not confirmed from the text." + workingDayNote,
			Citation: care.Citation{Instrument: iroHandbook, Provision: "ch. 3, outcomes from the review (figures unconfirmed); CPPCR reg 38 sets no timescale", Abbrev: iroHandbookAbbrev},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Reads: care.FamilyReviewRecords, Package: "review", File: "review/meeting.go", Default: "5 / 20 WD, local", Policy: []string{"DecisionsDays", "RecordDays", "Counting"},
		},
		{
			ID:    REV08,
			Title: "Child's participation and views recorded at each review",
			Text: "Each review records the child's participation code (SSDA903 PN0 to PN7) and, unless the child was under 4 " +
				"on the day of the review, the child's views.",
			Citation: care.Citation{Instrument: ssda903, Provision: "Reviews table, REVIEW_CODE; inspection finding", Abbrev: "SSDA903"},
			Severity: care.SeverityLocal, Domain: care.DomainReviews,
			Reads: care.FamilyReviews | care.FamilyReviewRecords, Package: "review", File: "review/meeting.go", Default: "—",
		},
		{
			ID:    REV09,
			Title: "Short-break child: first review within 3 months of the first short break, then 6-monthly",
			Text: "For a child in an agreed series of short breaks (legal status V3 or V4, reg 48), the first review is held within " +
				"3 months of the start of the first short break and later reviews not more than 6 months apart." + timetableMissed + monthNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 48(3)(d)", URL: reg48URL, Abbrev: care.CPPCRAbbrev},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Reads: care.FamilyReviews, Package: "review", File: "review/schedule.go", Default: "3 / 6 months",
			Policy: []string{"ShortBreakFirstMonths", "ShortBreakLaterMonths", "ShortBreakLapseMonths"},
		},
		{
			ID:    REV10,
			Title: "Adjourned review completed within 20 working days, no proposal implemented before it is",
			Text: "The IRO may adjourn a review meeting once, for not more than 20 working days; the review is completed " +
				"within 20 working days of the adjournment and no proposal under review is implemented until it is. " +
				"An adjourned review not completed stays overdue until it is, and is missed when the child leaves care." + workingDayNote,
			Citation: care.Citation{Instrument: care.CPPCR, Provision: "reg 36(2)", URL: reg36URL, Abbrev: care.CPPCRAbbrev},
			InForce:  care.Period{Start: cppcrInForce}, Severity: care.SeverityStatutory, Domain: care.DomainReviews,
			Reads: care.FamilyReviewRecords, Package: "review", File: "review/meeting.go", Default: "20 WD", Policy: []string{"AdjournmentDays", "Counting"},
		},
	}
}

// ruleTable is the catalogue the kinds of finding point into, built once.
// It is never modified and never returned: [Rules] builds a fresh copy
// for callers.
var ruleTable = Rules()

// rule returns the catalogue entry of id, one of this package's
// constants, for a kind of finding to point at.
func rule(id care.RuleID) *care.Rule {
	for i := range ruleTable {
		if ruleTable[i].ID == id {
			return &ruleTable[i]
		}
	}
	panic("review: no rule " + string(id))
}
