package care

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReassessment(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	tests := []struct {
		name   string
		recs   PlanningRecords
		ctx    Context
		asOf   string
		policy Policy
		only   string
		want   []string
	}{
		{
			name: "event on Maundy Thursday: 20 working days skip Easter",
			// 28 March 2024 is the Thursday before Good Friday.
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindPlacementChange}},
				Assessments: []Assessment{{Completed: isoDate("2024-04-29"), Kind: AssessmentKindUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 met due 2024-04-29 done 2024-04-29"},
		},
		{
			name: "an assessment before the event does not count",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindMissing}},
				Assessments: []Assessment{{Completed: isoDate("2024-03-27"), Kind: AssessmentKindUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 overdue due 2024-04-29"},
		},
		{
			name: "an assessment on the day of the event counts",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindMissing}},
				Assessments: []Assessment{{Completed: isoDate("2024-03-28"), Kind: AssessmentKindUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 met due 2024-04-29 done 2024-03-28"},
		},
		{
			name: "a stricter local window",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindHealth}},
				Assessments: []Assessment{{Completed: isoDate("2024-04-29"), Kind: AssessmentKindUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			policy: Policy{PlanningPolicy: PlanningPolicy{Assessment: AssessmentPolicy{ReassessDays: 10}}},
			want:   []string{"ASMT-01 late due 2024-04-15 done 2024-04-29"},
		},
		{
			name: "events outside care are not judged",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2023-12-01"), Kind: EventKindFamily}}},
			asOf: "2024-05-10", only: "ASMT",
			want: nil,
		},
		{
			name: "chronology entry for the event within 5 working days",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindOffending}, {Date: isoDate("2024-04-10"), Kind: EventKindCourt}},
				Chronology: []ChronologyEntry{{Event: isoDate("2024-03-28"), Recorded: isoDate("2024-04-08")}, {Event: isoDate("2024-03-28"), Recorded: isoDate("2024-04-05")}}},
			asOf: "2024-04-20", only: "ASMT-03",
			want: []string{"ASMT-03 met due 2024-04-08 done 2024-04-05", "ASMT-03 overdue due 2024-04-17"},
		},
		{
			name: "assessment updated between reviews",
			recs: PlanningRecords{Assessments: []Assessment{
				{Completed: isoDate("2024-01-20"), Kind: AssessmentKindInitial},
				{Completed: isoDate("2024-04-20"), Kind: AssessmentKindUpdate},
			}},
			ctx:  Context{Reviews: plDates("2024-02-02", "2024-05-01", "2024-10-30")},
			asOf: "2024-11-05", only: "ASMT-02",
			want: []string{"ASMT-02 met due 2024-05-01 done 2024-04-20", "ASMT-02 overdue due 2024-10-30"},
		},
		{
			name: "an assessment on the previous review's day is not an update since it",
			recs: PlanningRecords{Assessments: []Assessment{{Completed: isoDate("2024-02-02"), Kind: AssessmentKindUpdate}, {Completed: isoDate("2024-05-03"), Kind: AssessmentKindUpdate}}},
			ctx:  Context{Reviews: plDates("2024-02-02", "2024-05-01")},
			asOf: "2024-06-01", only: "ASMT-02",
			want: []string{"ASMT-02 late due 2024-05-01 done 2024-05-03"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Episodes: eps, PlanningRecords: tc.recs}, tc.ctx, tc.asOf, tc.policy)
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReassessmentValidation(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	recs := PlanningRecords{
		Events:      []Event{{Date: isoDate("2024-02-01")}, {Date: isoDate("2024-01-01"), Kind: EventKind(42)}},
		Assessments: []Assessment{{Kind: AssessmentKindUpdate}},
		Chronology:  []ChronologyEntry{{Event: isoDate("2024-02-01"), Recorded: isoDate("2024-01-31")}},
	}
	err := Record{Child: plChild(), Episodes: eps, PlanningRecords: recs}.Validate()
	want := []string{"events[0].kind", "events[1].date", "events[1].kind", "assessments[0].completed", "chronology[0].recorded"}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
	}
}

// TestReassessmentWindows checks what closes the ASMT duties: the next
// review for ASMT-02, the child leaving care for ASMT-01 and ASMT-03.
func TestReassessmentWindows(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	reviews := Context{Reviews: plDates("2024-02-02", "2024-05-01", "2024-10-30")}
	tests := []struct {
		name string
		eps  []Episode
		recs PlanningRecords
		ctx  Context
		asOf string
		only string
		want []string
	}{
		{"no update before a review: missed once the next review is held", eps, PlanningRecords{}, reviews, "2024-11-05", "ASMT-02",
			[]string{"ASMT-02 missed due 2024-05-01", "ASMT-02 overdue due 2024-10-30"}},
		{"an assessment after the next review counts for that review, not this one", eps, PlanningRecords{Assessments: []Assessment{
			{Completed: isoDate("2024-11-01"), Kind: AssessmentKindUpdate}}}, reviews, "2024-11-05", "ASMT-02",
			[]string{"ASMT-02 missed due 2024-05-01", "ASMT-02 late due 2024-10-30 done 2024-11-01"}},
		{"an assessment between the reviews is late for the first and meets the second", eps, PlanningRecords{Assessments: []Assessment{
			{Completed: isoDate("2024-06-01"), Kind: AssessmentKindUpdate}}}, reviews, "2024-11-05", "ASMT-02",
			[]string{"ASMT-02 late due 2024-05-01 done 2024-06-01", "ASMT-02 met due 2024-10-30 done 2024-06-01"}},
		{"child leaves care after the reassessment was due: missed", []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2024-05-01", ReasonEpisodeCeasedE4A)},
			PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindMissing}}}, Context{}, "2024-06-01", "ASMT",
			[]string{"ASMT-03 missed due 2024-04-08", "ASMT-01 missed due 2024-04-29"}},
		{"short breaks, reviewed after the last recorded stay with no later stay: missed the day after the review",
			[]Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-11", ReasonEpisodeCeasedE8),
				plEp("2024-02-12", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-02-15", ReasonEpisodeCeasedE8)},
			PlanningRecords{}, Context{Reviews: plDates("2024-01-30", "2024-04-10")}, "2024-11-05", "ASMT-02",
			[]string{"ASMT-02 missed due 2024-04-10"}},
		{"short breaks, reviewed between stays with a later stay: owed while the series lasts", []Episode{
			plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-11", ReasonEpisodeCeasedE8),
			plEp("2024-02-12", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-02-15", ReasonEpisodeCeasedE8),
			plEp("2024-05-13", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-05-16", ReasonEpisodeCeasedE8)},
			PlanningRecords{}, Context{Reviews: plDates("2024-01-30", "2024-04-10")}, "2024-05-14", "ASMT-02",
			[]string{"ASMT-02 overdue due 2024-04-10"}},
		{"child leaves care before the reassessment was due: only the chronology was owed", []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2024-04-20", ReasonEpisodeCeasedE4A)},
			PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindMissing}}}, Context{}, "2024-06-01", "ASMT",
			[]string{"ASMT-03 missed due 2024-04-08"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Episodes: tc.eps, PlanningRecords: tc.recs}, tc.ctx, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	rep := plAssess(t, Record{Episodes: eps, PlanningRecords: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventKindMissing}}}}, reviews, "2024-11-05", Policy{})
	want := []string{
		"ASMT-03 overdue events[0]: no chronology entry yet; due 8 April 2024, 5 working days after the missing episode on 28 March 2024",
		"ASMT-01 overdue events[0]: no reassessment yet; due 29 April 2024, 20 working days after the missing episode on 28 March 2024",
		"ASMT-02 missed episodes[0]: no updated assessment by 1 May 2024 (no later than the review on 1 May 2024); closed when the next review was held on 30 October 2024",
		"ASMT-02 overdue episodes[0]: no updated assessment yet; due 30 October 2024, no later than the review on 30 October 2024",
	}
	if diff := cmp.Diff(want, plMessages(rep, "ASMT")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
}
