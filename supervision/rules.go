package supervision

import "github.com/lookedafter/practice/care"

// The IDs of the package's rules. Each constant is named after the ID it
// holds, so SUP02 is "SUP-02"; IDs are stable API and never change.
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

// Positions of the rules in the catalogue, for the kinds of finding that
// point at them.
const (
	rSUP01 = iota
	rSUP02
	rSUP03
	rSUP04
	rSUP05
)

// rules is the catalogue, built once; the kinds of finding point into it
// and [Rules] hands out copies.
var rules = [...]care.Rule{
	rSUP01: {
		ID:    SUP01,
		Title: "Social worker supervised at the interval for their status",
		Text: "Each worker in post is supervised at least at the policy interval for their status. " +
			"Newly qualified workers in the assessed and supported year (ASYE): weekly for the first 6 weeks, " +
			"fortnightly from 6 weeks to 6 months, then at least monthly to 12 months; other workers every 4 weeks. " +
			"Each session starts a new interval, counted in calendar days from the day after it (a session on the day " +
			"the interval ends is on time); the first interval runs from the first day in post, and the start of a " +
			"stricter phase of the ASYE starts a new interval. The interval is the one in force on the day it starts. " +
			"Only individual sessions count unless the policy counts group sessions or case discussions. " +
			"An open interval past its due date is overdue while the worker is in post; when the worker leaves it is " +
			"missed, and an interval that would fall due on or after the day they left is not owed. " +
			"No statutory frequency exists; the employer standards require regular supervision.",
		Citation: care.Citation{Instrument: employerStandards, Provision: "Standard 5 (regular and appropriate supervision); Skills for Care ASYE supervision schedule",
			URL: employerStandardsURL, Abbrev: "LGA employer standards"},
		Severity: care.SeverityLocal,
		Domain:   care.DomainSupervision,
		Reads:    care.FamilySupervision, Package: "supervision",
		File:    "supervision/gaps.go",
		Default: "4 weeks; ASYE 1 / 2 weeks / 1 month",
		Policy:  []string{"Supervision", "ASYEWeekly", "ASYEFortnightly", "ASYEMonthly", "CountGroup", "CountCaseDiscussions"},
	},
	rSUP02: {
		ID:    SUP02,
		Title: "Child's case discussed in supervision at the local interval",
		Text: "While the child's case is allocated, it is discussed in supervision at least at the policy interval " +
			"(default 6 weeks, counted in calendar days), by the worker who held the case on the day of the discussion " +
			"(including the outgoing worker on the day of a reallocation). The clock follows the child across changes " +
			"of worker and through unallocated spells: it starts on the first day of the first allocation and restarts " +
			"at each discussion; it stops when the last allocation ends (the case closes). An open interval past its " +
			"due date is overdue while the case is allocated, and missed once the case has closed; an interval that " +
			"would fall due on or after the day the case closed is not owed.",
		Citation: care.Citation{Instrument: localStandard, Provision: "case supervision (inspection finding: long gaps between supervision)",
			Abbrev: "Local standard"},
		Severity: care.SeverityLocal,
		Domain:   care.DomainSupervision,
		Reads:    care.FamilySupervision | care.FamilyAllocations, Package: "supervision",
		File:    "supervision/case.go",
		Default: "6 weeks",
		Policy:  []string{"CaseDiscussion"},
	},
	rSUP03: {
		ID:    SUP03,
		Title: "Recorded case supervision is reflective",
		Text: "Each recorded discussion of a child's case records the child's progress, worries, presenting risks " +
			"and the focus of future work. A discussion missing any of the four is a breach naming the missing elements; " +
			"rates are reflective discussions over recorded discussions.",
		Citation: care.Citation{Instrument: localStandard, Provision: "reflective oversight (inspection finding)", Abbrev: "Local standard"},
		Severity: care.SeverityLocal,
		Domain:   care.DomainSupervision,
		Reads:    care.FamilySupervision, Package: "supervision",
		File: "supervision/case.go",
	},
	rSUP04: {
		ID:    SUP04,
		Title: "Management direction has an owner and a due date and is followed up",
		Text: "Each management direction names an owner and a due date (one breach names what is missing), and is " +
			"reviewed (or completed) on or before the earlier of its due date and the next discussion of the child's " +
			"case after it was given. The follow-up stays owed, and overdue, until the first case discussion after it fell " +
			"due, which takes stock of it and gives the directions that now stand, or until the case closes (its last " +
			"allocation ends); it is then missed. It is not owed if the case closed on or before the day it fell due.",
		Citation: care.Citation{Instrument: localStandard, Provision: "management oversight (inspection finding: directions not reviewed)",
			Abbrev: "Local standard"},
		Severity: care.SeverityLocal,
		Domain:   care.DomainSupervision,
		Reads:    care.FamilySupervision, Package: "supervision",
		File: "supervision/case.go",
	},
	rSUP05: {
		ID:    SUP05,
		Title: "Social worker caseload above the local maximum",
		Text: "A worker's caseload on a day is the number of children whose case is allocated to them on that day " +
			"(allocations are half-open: on the day of a reallocation the case counts for the new worker). " +
			"A caseload above the policy maximum is a breach.",
		Citation: care.Citation{Instrument: localStandard, Provision: "caseload maximum (inspection finding)", Abbrev: "Local standard"},
		Severity: care.SeverityLocal,
		Domain:   care.DomainSupervision,
		Reads:    care.FamilyAllocations, Package: "supervision",
		File:    "supervision/caseload.go",
		Default: "20",
		Policy:  []string{"MaxCaseload"},
	},
}

// Rules returns the catalogue of the package's rules, SUP-01 to SUP-05, in
// ID order: a fresh slice on every call. Supervision of social workers has
// no statutory frequency (regulations.md §5.1), so every rule has
// [care.SeverityLocal] and its citation says so.
func Rules() []care.Rule {
	out := make([]care.Rule, len(rules))
	for i, r := range rules {
		out[i] = r.Clone()
	}
	return out
}

// rule returns the catalogue's rule id, for the kinds of finding: a kind
// names its rule's ID constant, one hop from the ID to its decision. An ID
// not in the catalogue is a programming error, found when the package is
// initialised.
func rule(id care.RuleID) *care.Rule {
	for i := range rules {
		if rules[i].ID == id {
			return &rules[i]
		}
	}
	panic("supervision: no rule " + string(id))
}
