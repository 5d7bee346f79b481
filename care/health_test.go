package care

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHealth(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	child := func(dob string) Child { return Child{ID: "C0002", DateOfBirth: isoDate(dob)} }
	byDue := Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{FifthBirthday: FifthBirthdayByDueDate}}}
	ha := func(d string, k HealthAssessmentKind) HealthAssessment {
		return HealthAssessment{Date: isoDate(d), Kind: k, By: AssessorDoctor, WrittenReport: true}
	}
	tests := []struct {
		name   string
		child  Child
		eps    []Episode
		recs   PlanningRecords
		asOf   string
		policy Policy
		only   string
		want   []string
	}{
		{
			name: "initial assessment on the 20th working day", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2024-02-05", HealthAssessmentKindInitial)}},
			asOf: "2024-03-01", only: "HLTH-01",
			want: []string{"HLTH-01 met due 2024-02-05 done 2024-02-05"},
		},
		{
			name: "an assessment with a written report in the 3 months before the placement exempts it", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2023-10-08", HealthAssessmentKindReview)}},
			asOf: "2024-03-01", only: "HLTH-01",
			want: []string{"HLTH-01 met due 2024-02-05 done 2023-10-08"},
		},
		{
			name: "one a day more than 3 months before does not", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2023-10-07", HealthAssessmentKindReview)}},
			asOf: "2024-03-01", only: "HLTH-01",
			want: []string{"HLTH-01 overdue due 2024-02-05"},
		},
		{
			name: "nor one without a written report", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{{Date: isoDate("2023-12-01"), Kind: HealthAssessmentKindReview}}},
			asOf: "2024-03-01", only: "HLTH-01",
			want: []string{"HLTH-01 overdue due 2024-02-05"},
		},
		{
			name: "the child's refusal discharges it", child: child("2008-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{{Date: isoDate("2024-01-20"), Kind: HealthAssessmentKindInitial, Refused: true}}},
			asOf: "2024-03-01", only: "HLTH-01",
			want: []string{"HLTH-01 met due 2024-02-05 done 2024-01-20"},
		},
		{
			name: "turning 5 between assessments: interval set by age at the last (default)", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2024-02-05", HealthAssessmentKindInitial), ha("2024-08-01", HealthAssessmentKindReview)}},
			asOf: "2024-12-01", only: "HLTH-02",
			want: []string{"HLTH-02 met due 2024-08-05 done 2024-08-01", "HLTH-02 upcoming due 2025-02-01"},
		},
		{
			name: "turning 5 between assessments: 12 months when 6 would fall after the birthday", child: child("2019-09-15"),
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2024-02-05", HealthAssessmentKindInitial), ha("2024-08-01", HealthAssessmentKindReview)}},
			asOf: "2024-12-01", only: "HLTH-02", policy: byDue,
			want: []string{"HLTH-02 met due 2024-08-05 done 2024-08-01", "HLTH-02 upcoming due 2025-08-01"},
		},
		{
			name: "5 or over: 12 months, from 29 February to 28 February", child: child("2012-01-01"),
			eps:  []Episode{plEp("2024-02-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")},
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2024-02-29", HealthAssessmentKindInitial)}},
			asOf: "2025-03-01", only: "HLTH-02",
			want: []string{"HLTH-02 overdue due 2025-02-28"},
		},
		{
			name: "reviews stop when the child leaves care", child: child("2012-01-01"),
			eps:  []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-06-01", ReasonEpisodeCeasedE4A)},
			recs: PlanningRecords{HealthAssessments: []HealthAssessment{ha("2024-01-20", HealthAssessmentKindInitial)}},
			asOf: "2025-03-01", only: "HLTH-02",
			want: nil,
		},
		{
			name: "SDQ a year after becoming looked after", child: child("2019-09-15"),
			recs: PlanningRecords{SDQs: []SDQ{{Date: isoDate("2025-01-06"), Score: 14}}},
			asOf: "2025-02-01", only: "HLTH-03",
			want: []string{"HLTH-03 met due 2025-01-08 done 2025-01-06", "HLTH-03 upcoming due 2026-01-06"},
		},
		{
			name: "turning 4 in care: the first SDQ is due a year after the 4th birthday", child: child("2020-06-10"),
			asOf: "2024-12-01", only: "HLTH-03",
			want: []string{"HLTH-03 upcoming due 2025-06-10"},
		},
		{
			name: "turning 16 between two SDQs: the next is still due", child: child("2008-09-01"),
			recs: PlanningRecords{SDQs: []SDQ{{Date: isoDate("2024-06-01"), Score: 20}}},
			asOf: "2025-01-01", only: "HLTH-03",
			want: []string{"HLTH-03 met due 2025-01-08 done 2024-06-01", "HLTH-03 upcoming due 2025-06-01"},
		},
		{
			name: "turning 17 before the next SDQ is due: none is owed", child: child("2008-03-01"),
			recs: PlanningRecords{SDQs: []SDQ{{Date: isoDate("2025-01-05"), Reason: SDQReason5}}},
			asOf: "2025-06-01", only: "HLTH-03",
			want: []string{"HLTH-03 met due 2025-01-08 done 2025-01-05"},
		},
		{
			name: "dental check at a stricter local 6 months", child: child("2019-09-15"),
			recs: PlanningRecords{DentalChecks: []DentalCheck{{Date: isoDate("2024-07-01")}}},
			asOf: "2024-08-01", only: "HLTH-04",
			policy: Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{DentalMonths: 6}}},
			want:   []string{"HLTH-04 met due 2024-07-08 done 2024-07-01", "HLTH-04 upcoming due 2025-01-01"},
		},
		{
			name: "short breaks: no health rules", child: child("2019-09-15"),
			eps:  []Episode{plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "")},
			asOf: "2025-06-01", only: "HLTH",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.eps
			if e == nil {
				e = eps
			}
			rep := plAssess(t, Record{Child: tc.child, Episodes: e, PlanningRecords: tc.recs}, Context{}, tc.asOf, tc.policy)
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHealthValidation(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	recs := PlanningRecords{
		HealthAssessments: []HealthAssessment{{Date: isoDate("2024-02-01"), Kind: HealthAssessmentKindInitial}, {Date: isoDate("2024-01-01"), Kind: 7, By: 9}},
		SDQs:              []SDQ{{Date: isoDate("2024-02-01"), Score: 41}, {Date: isoDate("2024-03-01"), Score: 3, Reason: SDQReason2}, {Date: isoDate("2024-04-01"), Reason: 99}},
		DentalChecks:      []DentalCheck{{}},
	}
	err := Record{Child: plChild(), Episodes: eps, PlanningRecords: recs}.Validate()
	want := []string{"health_assessments[1].date", "health_assessments[1].kind", "health_assessments[1].by",
		"sdqs[0].score", "sdqs[1].score", "sdqs[2].reason", "dental_checks[0].date"}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
	}
}

func TestSDQReasonText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want SDQReason
		err  bool
	}{
		{"carer refused", "SDQ2", SDQReason2, false},
		{"child refused", "SDQ5", SDQReason5, false},
		{"lower case is not a code", "sdq2", SDQReasonUnknown, true},
		{"unknown", "SDQ6", SDQReasonUnknown, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSDQReason(tc.in)
			if (err != nil) != tc.err || got != tc.want {
				t.Errorf("ParseSDQReason(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
			}
			if err == nil {
				b, _ := got.MarshalText()
				if string(b) != tc.in {
					t.Errorf("MarshalText() = %q, want %q", b, tc.in)
				}
			}
		})
	}
}

// TestHealthWindows checks what closes the health duties: the child
// leaving care, and for the SDQ the 17th birthday. The child becomes looked
// after on Monday 8 January 2024; the initial assessment is due on 5
// February.
func TestHealthWindows(t *testing.T) {
	leaves := func(end string) []Episode {
		return []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, end, ReasonEpisodeCeasedE4A)}
	}
	young := Child{ID: "C0002", DateOfBirth: isoDate("2019-09-15")}
	sixteen := Child{ID: "C0006", DateOfBirth: isoDate("2008-03-01")}
	tests := []struct {
		name  string
		child Child
		eps   []Episode
		asOf  string
		only  string
		want  []string
	}{
		{"child leaves care the day before the initial assessment is due: none was owed", young, leaves("2024-02-04"), "2024-03-01", "HLTH-01", nil},
		{"child leaves care on the due date: none was owed", young, leaves("2024-02-05"), "2024-03-01", "HLTH-01", nil},
		{"child leaves care the day after the due date: missed", young, leaves("2024-02-06"), "2024-03-01", "HLTH-01",
			[]string{"HLTH-01 missed due 2024-02-05"}},
		{"child leaves care after the assessment date: still overdue", young, leaves("2024-03-05"), "2024-03-01", "HLTH-01",
			[]string{"HLTH-01 overdue due 2024-02-05"}},
		{"an SDQ owed at 16 is overdue until the 17th birthday", sixteen, leaves(""), "2025-02-01", "HLTH-03",
			[]string{"HLTH-03 overdue due 2025-01-08"}},
		{"an SDQ still owed at the 17th birthday is missed", sixteen, leaves(""), "2025-06-01", "HLTH-03",
			[]string{"HLTH-03 missed due 2025-01-08"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Child: tc.child, Episodes: tc.eps}, Context{}, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	rep := plAssess(t, Record{Child: sixteen, Episodes: leaves("")}, Context{}, "2025-06-01", Policy{})
	want := []string{"HLTH-03 missed episodes[0]: no SDQ by 8 January 2025 (12 months after becoming looked after on 8 January 2024); closed when the child turned 17"} // not "on <the 17th birthday>"
	if diff := cmp.Diff(want, plMessages(rep, "HLTH-03")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
}
