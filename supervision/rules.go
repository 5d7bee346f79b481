package supervision

import "github.com/lookedafter/practice/care"

// Rule IDs of the package (rules.md). IDs are public API and never change.
const (
	SUP01 care.RuleID = "SUP-01"
	SUP02 care.RuleID = "SUP-02"
	SUP03 care.RuleID = "SUP-03"
	SUP04 care.RuleID = "SUP-04"
	SUP05 care.RuleID = "SUP-05"
)

const (
	employerStandards    = "Standards for Employers of Social Workers in England (LGA, 2014; refreshed 2020) and local supervision policy (no statutory frequency)"
	employerStandardsURL = "https://www.local.gov.uk/our-support/workforce-and-hr-support/social-workers/social-worker-standards/standards-employers"
	localStandard        = "Local practice standard (no statutory frequency: supervision is not prescribed by regulations)"
)

// Rules returns the catalogue of the package's rules, SUP-01 to SUP-05, in
// ID order: a fresh slice on every call. Supervision of social workers has
// no statutory frequency (regulations.md §5.1), so every rule has
// [care.SeverityLocal] and its citation says so.
func Rules() []care.Rule {
	return []care.Rule{
		{
			ID:    SUP01,
			Title: "Social worker supervised at the interval for their status",
			Text: "Each worker in post is supervised at least at the policy interval for their status. " +
				"Newly qualified workers in the assessed and supported year (ASYE): weekly for the first 6 weeks, " +
				"fortnightly from 6 weeks to 6 months, then at least monthly to 12 months; other workers every 4 weeks. " +
				"Each session starts a new interval, counted in calendar days from the day after it (a session on the day " +
				"the interval ends is on time); the first interval runs from the first day in post, and the start of a " +
				"stricter phase of the ASYE starts a new interval. The interval is the one in force on the day it starts. " +
				"Only individual sessions count unless the policy counts group sessions or case discussions. " +
				"No statutory frequency exists; the employer standards require regular supervision.",
			Citation: care.Citation{Instrument: employerStandards, Provision: "Standard 5 (regular and appropriate supervision); Skills for Care ASYE supervision schedule", URL: employerStandardsURL},
			Severity: care.SeverityLocal,
			Domain:   care.DomainSupervision,
			Package:  "supervision",
			Default:  "4 weeks; ASYE 1 / 2 weeks / 1 month",
			Policy:   []string{"Supervision", "ASYEWeekly", "ASYEFortnightly", "ASYEMonthly", "CountGroup", "CountCaseDiscussions"},
		},
		{
			ID:    SUP02,
			Title: "Child's case discussed in supervision at the local interval",
			Text: "While the child's case is allocated, it is discussed in supervision at least at the policy interval " +
				"(default 6 weeks, counted in calendar days), by the worker who held the case on the day of the discussion " +
				"(including the outgoing worker on the day of a reallocation). The clock follows the child across changes " +
				"of worker and through unallocated spells: it starts on the first day of the first allocation and restarts " +
				"at each discussion; it stops when the last allocation ends.",
			Citation: care.Citation{Instrument: localStandard, Provision: "case supervision (inspection finding: long gaps between supervision)"},
			Severity: care.SeverityLocal,
			Domain:   care.DomainSupervision,
			Package:  "supervision",
			Default:  "6 weeks",
			Policy:   []string{"CaseDiscussion"},
		},
		{
			ID:    SUP03,
			Title: "Recorded case supervision is reflective",
			Text: "Each recorded discussion of a child's case records the child's progress, worries, presenting risks " +
				"and the focus of future work. A discussion missing any of the four is a breach naming the missing elements; " +
				"rates are reflective discussions over recorded discussions.",
			Citation: care.Citation{Instrument: localStandard, Provision: "reflective oversight (inspection finding)"},
			Severity: care.SeverityLocal,
			Domain:   care.DomainSupervision,
			Package:  "supervision",
		},
		{
			ID:    SUP04,
			Title: "Management direction has an owner and a due date and is followed up",
			Text: "Each management direction names an owner and a due date, and is reviewed (or completed) on or before " +
				"the earlier of its due date and the next discussion of the child's case after it was given.",
			Citation: care.Citation{Instrument: localStandard, Provision: "management oversight (inspection finding: directions not reviewed)"},
			Severity: care.SeverityLocal,
			Domain:   care.DomainSupervision,
			Package:  "supervision",
		},
		{
			ID:    SUP05,
			Title: "Social worker caseload above the local maximum",
			Text: "A worker's caseload on a day is the number of children whose case is allocated to them on that day " +
				"(allocations are half-open: on the day of a reallocation the case counts for the new worker). " +
				"A caseload above the policy maximum is a breach.",
			Citation: care.Citation{Instrument: localStandard, Provision: "caseload maximum (inspection finding)"},
			Severity: care.SeverityLocal,
			Domain:   care.DomainSupervision,
			Package:  "supervision",
			Default:  "20",
			Policy:   []string{"MaxCaseload"},
		},
	}
}

// rule returns the rule with the given ID from a fresh catalogue.
func rule(id care.RuleID) care.Rule {
	for _, r := range Rules() {
		if r.ID == id {
			return r
		}
	}
	return care.Rule{ID: id}
}
