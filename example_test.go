package practice_test

import (
	"fmt"
	"strings"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
)

// A child placed with foster carers the day before Good Friday 2026, with
// nothing else recorded yet: as of 20 April the statutory deadlines that
// have passed are overdue, and those to come are listed with their dates.
func ExampleAssess() {
	c := practice.Case{Team: "North Children in Care", Office: "North"}
	c.Care.Child = care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, 5, 1), Ethnicity: care.EthnicityWBRI,
		Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"}
	c.Care.Episodes = []care.Episode{{Start: care.MustDate(2026, 4, 2), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}
	rep, err := practice.Assess(c, care.MustDate(2026, 4, 20), practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.WithStatus(care.Overdue, care.Upcoming) {
		if f.Due.Before(care.MustDate(2026, 5, 6)) {
			d, _ := f.Deadline()
			fmt.Println(f.Due, f.Rule(), f.Status, "-", d)
		}
	}
	// Output:
	// 2026-04-09 VIS-01 overdue - VIS-01 due 2026-04-09: 7 days after the start of the placement on 2026-04-02
	// 2026-04-13 PLAN-04 overdue - PLAN-04 due 2026-04-13: 5 working days after the start of the placement on 2026-04-02
	// 2026-04-13 PLAN-05 overdue - PLAN-05 due 2026-04-13: 5 working days after the start of the placement on 2026-04-02
	// 2026-04-13 REV-04 overdue - REV-04 due 2026-04-13: 5 working days after becoming looked after on 2026-04-02
	// 2026-04-20 EDU-01 upcoming - EDU-01 due 2026-04-20: 10 working days after becoming looked after on 2026-04-02
	// 2026-04-20 PLAN-01 upcoming - PLAN-01 due 2026-04-20: 10 working days after the start of the first placement on 2026-04-02
	// 2026-05-05 EDU-01 upcoming - EDU-01 due 2026-05-05: no later than the first review due on 2026-05-05
	// 2026-05-05 HLTH-01 upcoming - HLTH-01 due 2026-05-05: 20 working days after becoming looked after on 2026-04-02
	// 2026-05-05 REV-01 upcoming - REV-01 due 2026-05-05: 20 working days after becoming looked after on 2026-04-02
}

// Decoding is strict: every unknown field, malformed date and unknown code
// is reported with its path and line.
func ExampleDecodeCase() {
	_, err := practice.DecodeCase([]byte(`{
  "format_version": 1,
  "child": {"id": "C0001", "date_of_birth": "2014-02-30"},
  "episodes": [{"start": "2026-04-02", "legal_status": "C9", "placment_type": "U6"}]
}`))
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Println(line)
	}
	// Output:
	// record 0, line 3, column 45: child.date_of_birth: not a date in YYYY-MM-DD form
	// record 0, line 4, column 56: episodes[0].legal_status: care: parsing "C9" as legal status: care: unknown code
	// record 0, line 4, column 62: episodes[0].placment_type: unknown field
}

// A synthetic cohort assessed as a whole: timeliness by rule, and the
// children drifting most.
func ExampleAssessCohort() {
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 40})
	rep, err := practice.AssessCohort(coh.Cases, coh.AsOf, practice.Standards{}, care.EnglandAndWales(), practice.CohortOptions{Parallelism: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Assessed, "assessed,", rep.Invalid, "invalid,", rep.Flagged, "flagged")
	for _, r := range rep.Rates {
		if r.Rule == "REV-01" || r.Rule == "VIS-01" {
			fmt.Printf("%s: %d of %d on time (%s%%)\n", r.Rule, r.Met, r.Applicable, r.Rate.StringFixed(1))
		}
	}
	d := rep.Drifting()[0]
	fmt.Println("worst:", d.ChildID, "-", d.Why())
	// Output:
	// 40 assessed, 0 invalid, 6 flagged
	// REV-01: 32 of 40 on time (80.0%)
	// VIS-01: 85 of 91 on time (93.4%)
	// worst: C000027 - oldest statutory or guidance item HLTH-03, 121 days overdue; 1 statutory or guidance item (0 statutory); 2 domains; 2 live items
}

// Drift counts a child's live items only: what is overdue and still owed
// today. Here a child placed in April 2026 and left without a visit, a
// review or a plan is drifting by December.
func ExampleDriftOf() {
	c := practice.Case{}
	c.Care.Child = care.Child{ID: "C0001", DateOfBirth: care.MustDate(2014, 5, 1), Ethnicity: care.EthnicityWBRI,
		Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"}
	c.Care.Episodes = []care.Episode{{Start: care.MustDate(2026, 4, 2), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}
	asOf := care.MustDate(2026, 12, 1)
	rep, err := practice.Assess(c, asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	d := practice.DriftOf(c, rep, asOf, practice.DriftPolicy{})
	fmt.Println(d.Flagged, d.Live, d.Binding, d.Statutory, d.Domains)
	fmt.Println(d.Why())
	// Output:
	// true 9 8 6 [plans visits health education reviews permanence]
	// oldest statutory or guidance item VIS-01, 236 days overdue; 8 statutory or guidance items (6 statutory); 6 domains; 9 live items
}

func ExampleRules() {
	rules := practice.Rules()
	fmt.Println(len(rules), "rules")
	for _, r := range rules {
		if r.ID == "REV-01" {
			fmt.Println(r.ID, r.Title, "|", r.Citation)
		}
	}
	// Output:
	// 65 rules
	// REV-01 First review within 20 working days of becoming looked after | Care Planning, Placement and Case Review (England) Regulations 2010, reg 33(1)
}

func ExampleSynthetic() {
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 3})
	for _, c := range coh.Cases {
		fmt.Println(c.Care.Child, c.Office, len(c.Care.Episodes) > 0, c.Validate() == nil)
	}
	// Output:
	// child C000001 Central true true
	// child C000002 Central true true
	// child C000003 Central true true
}

func ExampleDecodeStandards() {
	_, err := practice.DecodeStandards([]byte(`{"format_version": 1, "review": {"later_review_months": 7}}`))
	fmt.Println(err)
	std, err := practice.DecodeStandards([]byte(`{"format_version": 1, "care": {"visits": {"interval_days": 28}}, "drift": {"max_overdue_days": 30}}`))
	fmt.Println(std.Care.Visits.IntervalDays, std.Drift.MaxOverdueDays, err)
	_, err = practice.DecodeStandards([]byte(`{"format_version": 2}`))
	fmt.Println(err)
	// Output:
	// review.later_review_months: 7 months is looser than the statutory limit (CPPCR reg 33(2)) of 6 months
	// 28 30 <nil>
	// record 0, line 1, column 1: format_version: format version 2: this library reads format version 1
}
