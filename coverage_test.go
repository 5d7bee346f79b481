package practice_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/review"
)

// coverageCase is a child placed in April 2025 with two reviews held and
// nothing else recorded: from a source holding every family, visits,
// plans and the rest are overdue; from one holding episodes and reviews
// over 2025-26 only, they are not assessed.
func coverageCase(cov care.Coverage) practice.Case {
	c := practice.Case{Coverage: cov}
	c.Care.Child = care.Child{ID: "C0001", DateOfBirth: care.MustDate(2012, time.Month(5), 1), Ethnicity: care.EthnicityWBRI,
		Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"}
	c.Care.Episodes = []care.Episode{{Start: care.MustDate(2025, time.Month(4), 2), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}
	c.Review.Reviews = append(c.Review.Reviews, practiceReview(2025, 4, 28), practiceReview(2025, 7, 20))
	return c
}

var returnCoverage = care.Coverage{Source: "SSDA903 return 2025-26",
	Carries: care.FamilyEpisodes | care.FamilyReviews | care.FamilyMissing | care.FamilyAllocations,
	From:    care.MustDate(2025, time.Month(4), 1), To: care.MustDate(2026, time.Month(3), 31)}

// A case read from the SSDA903 return carries its episodes, reviews,
// missing episodes and social worker allocations over the collection year,
// and nothing of visits, plans, health or supervision: those rules are not
// assessed, rather than reported overdue.
func ExampleNotAssessed() {
	cov := care.Coverage{Source: "SSDA903 return 2025-26",
		Carries: care.FamilyEpisodes | care.FamilyReviews | care.FamilyMissing | care.FamilyAllocations,
		From:    care.MustDate(2025, time.Month(4), 1), To: care.MustDate(2026, time.Month(3), 31)}
	for _, g := range practice.NotAssessed(cov)[:4] {
		fmt.Printf("not assessed: %s are not in this data (%v)\n", g.Family.Words(), g.Rules)
	}
	// Output:
	// not assessed: visits are not in this data ([VIS-01 VIS-02 VIS-03 VIS-04 VIS-05 VIS-06 VIS-07 VIS-08 VIS-09 VIS-10 VIS-11 VIS-12])
	// not assessed: care and placement plans are not in this data ([PLAN-01 PLAN-02 PLAN-03 PLAN-04 PLAN-05 PLAN-06 VIS-05 ID-01])
	// not assessed: significant events are not in this data ([ASMT-01 ASMT-02 ASMT-03])
	// not assessed: health assessments are not in this data ([HLTH-01 HLTH-02 HLTH-03 HLTH-04])
}

func TestCoverageLimitsFindings(t *testing.T) {
	asOf := care.MustDate(2026, time.Month(3), 31)
	full, err := practice.Assess(coverageCase(care.Coverage{}), asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	part, err := practice.Assess(coverageCase(returnCoverage), asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	rules := func(rep care.Report) []care.RuleID {
		var ids []care.RuleID
		for _, f := range rep {
			if !slices.Contains(ids, f.Rule()) {
				ids = append(ids, f.Rule())
			}
		}
		slices.Sort(ids)
		return ids
	}
	if !slices.Contains(rules(full), "VIS-01") || !slices.Contains(rules(full), "HLTH-01") {
		t.Fatalf("complete data: rules %v, want VIS-01 and HLTH-01 among them", rules(full))
	}
	byID := map[care.RuleID]care.Rule{}
	for _, r := range practice.Rules() {
		byID[r.ID] = r
	}
	for _, f := range part {
		r := byID[f.Rule()]
		if !returnCoverage.Supports(&r) {
			t.Errorf("%s found on data lacking %s", f.Rule(), returnCoverage.Lacks(r.Reads))
		}
		if !f.Due.IsZero() && !returnCoverage.Covers(f.Due) {
			t.Errorf("%s due %s, outside the data's dates", f.Rule(), f.Due)
		}
	}
	// The review timetable is still assessed: REV-01 (due 2 May 2025, 20
	// working days after 2 April with Easter between; held 28 April),
	// REV-02 (due 28 July, held 20 July), REV-03 (due 20 January 2026, not
	// held: overdue).
	var got []string
	for _, f := range part {
		if f.Rule() >= "REV-01" && f.Rule() <= "REV-03" {
			got = append(got, fmt.Sprint(f.Rule(), " ", f.Status, " ", f.Due))
		}
	}
	want := []string{"REV-01 met 2025-05-02", "REV-02 met 2025-07-28", "REV-03 overdue 2026-01-20"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review findings (-want +got):\n%s", diff)
	}
}

// An obligation due before the data's first day is not assessed, one due
// on it is.
func TestCoverageFromBoundary(t *testing.T) {
	asOf := care.MustDate(2026, time.Month(3), 31)
	for _, tc := range []struct {
		name string
		from care.Date
		want bool // REV-01, due 2025-05-02, assessed
	}{
		{"due the day before the data starts", care.MustDate(2025, time.Month(5), 3), false},
		{"due on the data's first day", care.MustDate(2025, time.Month(5), 2), true},
		{"due the day after the data starts", care.MustDate(2025, time.Month(5), 1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cov := returnCoverage
			cov.From = tc.from
			rep, err := practice.Assess(coverageCase(cov), asOf, practice.Standards{}, care.EnglandAndWales())
			if err != nil {
				t.Fatal(err)
			}
			got := slices.ContainsFunc(rep, func(f care.Finding) bool { return f.Rule() == "REV-01" })
			if got != tc.want {
				t.Errorf("REV-01 assessed = %v, want %v", got, tc.want)
			}
		})
	}
}

// Assessing after the last day the data covers is an error: what was done
// since is not in the data.
func TestCoverageAsOfAfterTo(t *testing.T) {
	_, err := practice.Assess(coverageCase(returnCoverage), care.MustDate(2026, time.Month(4), 1), practice.Standards{}, care.EnglandAndWales())
	var fe *care.FieldError
	if !errors.As(err, &fe) || fe.Path != "as_of" {
		t.Fatalf("Assess after coverage.to: error %v, want an as_of field error", err)
	}
	if _, err := practice.Assess(coverageCase(returnCoverage), care.MustDate(2026, time.Month(3), 31), practice.Standards{}, care.EnglandAndWales()); err != nil {
		t.Errorf("Assess on coverage.to: %v", err)
	}
}

func TestCoverageJSON(t *testing.T) {
	c := coverageCase(returnCoverage)
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	const want = `{"source":"SSDA903 return 2025-26","carries":["episodes","missing","reviews","allocations"],"from":"2025-04-01","to":"2026-03-31"}`
	if got := string(top["coverage"]); got != want {
		t.Errorf("coverage JSON = %s, want %s", got, want)
	}
	back, err := practice.DecodeCase(b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Coverage != c.Coverage {
		t.Errorf("decoded coverage %+v, want %+v", back.Coverage, c.Coverage)
	}
	// A case without coverage is complete, and writes none.
	b, _ = json.Marshal(coverageCase(care.Coverage{}))
	top = nil
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if _, ok := top["coverage"]; ok {
		t.Errorf("complete coverage written as %s", top["coverage"])
	}
	_, err = practice.DecodeCase([]byte(`{"format_version":1,"child":{"id":"C1","date_of_birth":"2012-05-01"},"episodes":[{"start":"2025-04-02","reason_new":"S","legal_status":"V2","placement_type":"U6"}],"coverage":{"carries":["visitz"]}}`))
	if err == nil {
		t.Error("unknown family decoded without error")
	}
}

func TestCohortNotAssessed(t *testing.T) {
	a, b := coverageCase(returnCoverage), coverageCase(care.Coverage{})
	b.Care.Child.ID = "C0002"
	rep, err := practice.AssessCohort([]practice.Case{a, b}, care.MustDate(2026, time.Month(3), 31), practice.Standards{}, care.EnglandAndWales(), practice.CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.NotAssessed) == 0 || rep.NotAssessed[0].Family != care.FamilyVisits || rep.NotAssessed[0].Children != 1 {
		t.Fatalf("NotAssessed = %+v, want visits first, for 1 child", rep.NotAssessed)
	}
	for _, g := range rep.NotAssessed {
		if returnCoverage.Carries.Has(g.Family) {
			t.Errorf("family %s reported not assessed, but the data carries it", g.Family)
		}
	}
	want := []practice.Window{{Source: returnCoverage.Source, From: returnCoverage.From, To: returnCoverage.To, Children: 1}}
	if diff := cmp.Diff(want, rep.Windows, cmp.Comparer(func(x, y care.Date) bool { return x.Equal(y) })); diff != "" {
		t.Errorf("Windows (-want +got):\n%s", diff)
	}
	// VIS-01's rate counts only the child whose data has visits.
	for _, r := range rep.Rates {
		if r.Rule == "VIS-01" && r.Applicable != 1 {
			t.Errorf("VIS-01 applicable = %d, want 1 (the complete case only)", r.Applicable)
		}
	}
}

func practiceReview(y, m, d int) review.Review {
	return review.Review{Held: care.MustDate(y, time.Month(m), d), Participation: care.ParticipationPN1}
}

// A return holds the episodes open in its year: a child looked after
// since 2019 has a first episode that continues that period of care (P, a
// change of placement). The case is valid, its first and second reviews
// are not judged (they fell before the records), and the reviews in the
// records run at the six-monthly interval from the first of them.
func TestCoverageTruncatedHistory(t *testing.T) {
	c := practice.Case{Coverage: returnCoverage}
	c.Care.Child = care.Child{ID: "C0009", DateOfBirth: care.MustDate(2012, time.May, 1), Ethnicity: care.EthnicityWBRI}
	c.Care.Episodes = []care.Episode{{Start: care.MustDate(2024, time.November, 4), ReasonNew: care.ReasonNewEpisodeP,
		LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU4}}
	c.Review.Reviews = []review.Review{practiceReview(2025, 6, 10), practiceReview(2026, 1, 20)}
	rep, err := practice.Assess(c, care.MustDate(2026, time.March, 31), practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep {
		if strings.HasPrefix(string(f.Rule()), "REV-0") && f.Rule() <= "REV-03" {
			got = append(got, fmt.Sprint(f.Rule(), " ", f.Status, " ", f.Due))
		}
	}
	// 10 June 2025 + 6 months = 10 December 2025: the January review is
	// late; the next, due 20 July 2026, falls after the records end.
	want := []string{"REV-03 late 2025-12-10"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review findings (-want +got):\n%s", diff)
	}
	// Without coverage, the same first episode is an error: complete
	// records must start with S.
	c.Coverage = care.Coverage{}
	if err := c.Validate(); err == nil {
		t.Error("complete records starting with a P episode: no error")
	}
	// Nor may a non-S first episode start after the records do.
	c.Coverage = returnCoverage
	c.Care.Episodes[0].Start = care.MustDate(2025, time.April, 2)
	if err := c.Validate(); err == nil {
		t.Error("a P episode starting after the records begin: no error")
	}
}
