package care

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

func TestDefaultTerms(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []string
	}{
		{"Easter Sunday 31 March 2024 ends spring", 2023, []string{
			"autumn 2023-09-01 2023-12-31", "spring 2024-01-01 2024-03-31", "summer 2024-04-01 2024-08-31"}},
		{"Easter Sunday 20 April 2025 ends spring", 2024, []string{
			"autumn 2024-09-01 2024-12-31", "spring 2025-01-01 2025-04-20", "summer 2025-04-21 2025-08-31"}},
		{"out of range", 9999, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, term := range DefaultTerms(tc.year) {
				got = append(got, term.Name+" "+term.First.String()+" "+term.Last.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("DefaultTerms(%d) mismatch (-want +got):\n%s", tc.year, diff)
			}
		})
	}
}

func TestEducation(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	early := []Episode{plEp("2024-01-02", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	terms := []Term{
		{Name: "spring", First: isoDate("2024-01-04"), Last: isoDate("2024-03-28")},
		{Name: "summer", First: isoDate("2024-04-15"), Last: isoDate("2024-07-23")},
		{Name: "autumn", First: isoDate("2024-09-04"), Last: isoDate("2024-12-20")},
	}
	pep := func(initiated string, reviews ...string) PEP {
		return PEP{Initiated: isoDate(initiated), Reviews: plDates(reviews...)}
	}
	tests := []struct {
		name   string
		child  Child
		eps    []Episode
		recs   PlanningRecords
		ctx    Context
		asOf   string
		policy Policy
		only   string
		want   []string
	}{
		{
			name: "PEP on the 10th working day and in place by the first review",
			recs: PlanningRecords{PEPs: []PEP{pep("2024-01-22")}}, ctx: Context{Reviews: plDates("2024-02-02")},
			asOf: "2024-02-10", only: "EDU-01",
			want: []string{"EDU-01 met due 2024-01-22 done 2024-01-22", "EDU-01 met due 2024-02-02 done 2024-01-22"},
		},
		{
			name: "no PEP yet: overdue, and the first review still to come",
			ctx:  Context{FirstReviewDue: isoDate("2024-02-05")},
			asOf: "2024-01-25", only: "EDU-01",
			want: []string{"EDU-01 overdue due 2024-01-22", "EDU-01 upcoming due 2024-02-05"},
		},
		{
			name:  "a three-year-old is outside the default age",
			child: Child{ID: "C0003", DateOfBirth: isoDate("2020-09-01")},
			asOf:  "2024-03-01", only: "EDU",
			want: nil,
		},
		{
			name:   "an authority with early-years PEPs from 3",
			child:  Child{ID: "C0003", DateOfBirth: isoDate("2020-09-01")},
			policy: Policy{PlanningPolicy: PlanningPolicy{Education: EducationPolicy{FromAge: 3}}},
			asOf:   "2024-01-25", only: "EDU-01",
			want: []string{"EDU-01 overdue due 2024-01-22"},
		},
		{
			name: "a review in the Easter holiday counts for no term", eps: early,
			recs: PlanningRecords{Terms: terms, PEPs: []PEP{pep("2024-01-15", "2024-04-02")}},
			asOf: "2024-08-01", only: "EDU-02",
			want: []string{"EDU-02 met due 2024-03-28 done 2024-01-15", "EDU-02 overdue due 2024-07-23"},
		},
		{
			name: "a review in each term", eps: early,
			recs: PlanningRecords{Terms: terms, PEPs: []PEP{pep("2024-01-15", "2024-04-02", "2024-05-10")}},
			asOf: "2024-09-10", only: "EDU-02",
			want: []string{"EDU-02 met due 2024-03-28 done 2024-01-15", "EDU-02 met due 2024-07-23 done 2024-05-10", "EDU-02 upcoming due 2024-12-20"},
		},
		{
			name: "default terms: Easter Sunday is in spring, Easter Monday in summer",
			eps:  []Episode{plEp("2023-12-20", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")},
			recs: PlanningRecords{PEPs: []PEP{pep("2024-01-15", "2024-03-31", "2024-04-01")}},
			asOf: "2024-08-31", only: "EDU-02",
			want: []string{"EDU-02 met due 2024-03-31 done 2024-01-15", "EDU-02 met due 2024-08-31 done 2024-04-01"},
		},
		{
			name: "the term the child came into care is covered by EDU-01, not EDU-02",
			recs: PlanningRecords{Terms: terms},
			asOf: "2024-03-01", only: "EDU-02",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.eps
			if e == nil {
				e = eps
			}
			c := tc.child
			if c.ID == "" {
				c = plChild()
			}
			rep := plAssess(t, Record{Child: c, Episodes: e, PlanningRecords: tc.recs}, tc.ctx, tc.asOf, tc.policy)
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPEPContent(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	tests := []struct {
		name    string
		pep     PEP
		want    []string
		message string
	}{
		{"targets and Pupil Premium Plus recorded", PEP{Initiated: isoDate("2024-01-15"), Targets: []string{"reading age"},
			PupilPremium: PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.RequireFromString("2570")), PlannedUse: "tutoring"}},
			[]string{"EDU-03 met"}, ""},
		{"nothing recorded", PEP{Initiated: isoDate("2024-01-15")}, []string{"EDU-03 breach"},
			"no targets; no Pupil Premium Plus amount allocated; no planned use of Pupil Premium Plus"},
		{"a zero allocation is recorded, but its use is not", PEP{Initiated: isoDate("2024-01-15"), Targets: []string{"attendance"},
			PupilPremium: PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.Zero)}}, []string{"EDU-03 breach"},
			"no planned use of Pupil Premium Plus"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Episodes: eps, PlanningRecords: PlanningRecords{PEPs: []PEP{tc.pep}}}, Context{}, "2024-02-01", Policy{})
			got := rep.ForRule("EDU-03")
			if diff := cmp.Diff(tc.want, plSummary(got)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
			if len(got) == 1 && !strings.HasSuffix(got[0].Message(), tc.message) {
				t.Errorf("EDU-03 message = %q, want it to end %q", got[0].Message(), tc.message)
			}
		})
	}
	rep := plAssess(t, Record{Episodes: eps, PlanningRecords: PlanningRecords{PEPs: []PEP{tests[0].pep}}}, Context{}, "2024-02-01", Policy{})
	// The evidence points at the record that holds the amount.
	ev := rep.ForRule("EDU-03")[0].Evidence()
	want := []Evidence{{Label: "PEP initiated", Date: isoDate("2024-01-15")}, {Label: "Pupil Premium Plus allocated", Ref: "peps[0].pupil_premium"}}
	if diff := cmp.Diff(want, ev, cmpopts.EquateComparable(Date{})); diff != "" {
		t.Errorf("EDU-03 evidence mismatch (-want +got):\n%s", diff)
	}
}

func TestEducationValidation(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	recs := PlanningRecords{
		PEPs: []PEP{{Initiated: isoDate("2024-01-15"), Reviews: plDates("2024-01-10"), Targets: []string{""},
			PupilPremium: PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.RequireFromString("-100.5"))}}},
		Terms: []Term{{First: isoDate("2024-01-04"), Last: isoDate("2024-03-28")}, {First: isoDate("2024-03-28"), Last: isoDate("2024-03-01")}},
	}
	err := Record{Child: plChild(), Episodes: eps, PlanningRecords: recs}.Validate()
	want := []string{"peps[0].reviews[0]", "peps[0].targets[0]", "peps[0].pupil_premium.allocated", "terms[1].last", "terms[1].first"}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
	}
	if err == nil || !strings.Contains(err.Error(), "negative amount -100.50") {
		t.Errorf("Validate() = %v, want the negative amount named", err)
	}
}

// TestEducationWindows checks that a term's PEP review closes when the
// next term starts, and that a missing PEP is reported once, by EDU-01.
func TestEducationWindows(t *testing.T) {
	early := []Episode{plEp("2024-01-02", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	terms := []Term{
		{Name: "spring", First: isoDate("2024-01-04"), Last: isoDate("2024-03-28")},
		{Name: "summer", First: isoDate("2024-04-15"), Last: isoDate("2024-07-23")},
		{Name: "autumn", First: isoDate("2024-09-04"), Last: isoDate("2024-12-20")},
	}
	pep := []PEP{{Initiated: isoDate("2024-01-15")}}
	tests := []struct {
		name string
		recs PlanningRecords
		ctx  Context
		asOf string
		only string
		want []string
	}{
		{"a term without a review is overdue in the holiday after it", PlanningRecords{Terms: terms, PEPs: pep}, Context{}, "2024-09-03", "EDU-02",
			[]string{"EDU-02 met due 2024-03-28 done 2024-01-15", "EDU-02 overdue due 2024-07-23"}},
		{"and missed once the next term starts", PlanningRecords{Terms: terms, PEPs: pep}, Context{}, "2024-09-04", "EDU-02",
			[]string{"EDU-02 met due 2024-03-28 done 2024-01-15", "EDU-02 missed due 2024-07-23", "EDU-02 upcoming due 2024-12-20"}},
		{"no PEP at all: EDU-01 reports it, and no term is reported missing a review", PlanningRecords{Terms: terms}, Context{}, "2024-09-10", "EDU-01,EDU-02",
			[]string{"EDU-01 overdue due 2024-01-16", "EDU-02 upcoming due 2024-12-20"}},
		{"a PEP initiated late: terms that passed before it are left to EDU-01", PlanningRecords{Terms: terms, PEPs: []PEP{{Initiated: isoDate("2024-05-01")}}}, Context{}, "2024-09-10", "EDU-01,EDU-02",
			[]string{"EDU-01 late due 2024-01-16 done 2024-05-01", "EDU-02 met due 2024-07-23 done 2024-05-01", "EDU-02 upcoming due 2024-12-20"}},
		{"no PEP by the first review either: reported once", PlanningRecords{Terms: terms}, Context{Reviews: plDates("2024-01-30")}, "2024-02-10", "EDU-01",
			[]string{"EDU-01 overdue due 2024-01-16"}},
		{"no PEP, the first review still to come: both deadlines shown", PlanningRecords{Terms: terms}, Context{FirstReviewDue: isoDate("2024-01-30")}, "2024-01-20", "EDU-01",
			[]string{"EDU-01 overdue due 2024-01-16", "EDU-01 upcoming due 2024-01-30"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Episodes: early, PlanningRecords: tc.recs}, tc.ctx, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, strings.Split(tc.only, ",")...)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	rep := plAssess(t, Record{Episodes: early, PlanningRecords: PlanningRecords{Terms: terms, PEPs: pep}}, Context{}, "2024-09-04", Policy{})
	want := []string{
		"EDU-02 missed episodes[0]: no PEP review by 23 July 2024 (99 days after the start of the summer term on 15 April 2024); closed when the next term started on 4 September 2024",
	}
	if diff := cmp.Diff(want, plMessages(rep.WithStatus(Missed), "EDU-02")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
	if got, want := fmt.Sprint(rep.ForRule(EDU02)[0].Evidence()), "[the start of the spring term 2024-01-04 (terms[0]) PEP initiated 2024-01-15 (peps[0])]"; got != want {
		t.Errorf("EDU-02 Evidence() = %s, want %s", got, want)
	}
}
