package care

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReassessment(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", NewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
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
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventPlacementChange}},
				Assessments: []Assessment{{Completed: isoDate("2024-04-29"), Kind: AssessmentUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 met due 2024-04-29 done 2024-04-29"},
		},
		{
			name: "an assessment before the event does not count",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventMissing}},
				Assessments: []Assessment{{Completed: isoDate("2024-03-27"), Kind: AssessmentUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 overdue due 2024-04-29"},
		},
		{
			name: "an assessment on the day of the event counts",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventMissing}},
				Assessments: []Assessment{{Completed: isoDate("2024-03-28"), Kind: AssessmentUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			want: []string{"ASMT-01 met due 2024-04-29 done 2024-03-28"},
		},
		{
			name: "a stricter local window",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventHealth}},
				Assessments: []Assessment{{Completed: isoDate("2024-04-29"), Kind: AssessmentUpdate}}},
			asOf: "2024-05-10", only: "ASMT-01",
			policy: Policy{PlanningPolicy: PlanningPolicy{Assessment: AssessmentPolicy{ReassessDays: 10}}},
			want:   []string{"ASMT-01 late due 2024-04-15 done 2024-04-29"},
		},
		{
			name: "events outside care are not judged",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2023-12-01"), Kind: EventFamily}}},
			asOf: "2024-05-10", only: "ASMT",
			want: nil,
		},
		{
			name: "chronology entry for the event within 5 working days",
			recs: PlanningRecords{Events: []Event{{Date: isoDate("2024-03-28"), Kind: EventOffending}, {Date: isoDate("2024-04-10"), Kind: EventCourt}},
				Chronology: []ChronologyEntry{{Event: isoDate("2024-03-28"), Recorded: isoDate("2024-04-08")}, {Event: isoDate("2024-03-28"), Recorded: isoDate("2024-04-05")}}},
			asOf: "2024-04-20", only: "ASMT-03",
			want: []string{"ASMT-03 met due 2024-04-08 done 2024-04-05", "ASMT-03 overdue due 2024-04-17"},
		},
		{
			name: "assessment updated between reviews",
			recs: PlanningRecords{Assessments: []Assessment{
				{Completed: isoDate("2024-01-20"), Kind: AssessmentInitial},
				{Completed: isoDate("2024-04-20"), Kind: AssessmentUpdate},
			}},
			ctx:  Context{Reviews: plDates("2024-02-02", "2024-05-01", "2024-10-30")},
			asOf: "2024-11-05", only: "ASMT-02",
			want: []string{"ASMT-02 met due 2024-05-01 done 2024-04-20", "ASMT-02 overdue due 2024-10-30"},
		},
		{
			name: "an assessment on the previous review's day is not an update since it",
			recs: PlanningRecords{Assessments: []Assessment{{Completed: isoDate("2024-02-02"), Kind: AssessmentUpdate}, {Completed: isoDate("2024-05-03"), Kind: AssessmentUpdate}}},
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
	eps := []Episode{plEp("2024-01-08", NewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	recs := PlanningRecords{
		Events:      []Event{{Date: isoDate("2024-02-01")}, {Date: isoDate("2024-01-01"), Kind: EventKind(42)}},
		Assessments: []Assessment{{Kind: AssessmentUpdate}},
		Chronology:  []ChronologyEntry{{Event: isoDate("2024-02-01"), Recorded: isoDate("2024-01-31")}},
	}
	err := Record{Child: plChild(), Episodes: eps, PlanningRecords: recs}.Validate()
	want := []string{"events[0].kind", "events[1].date", "events[1].kind", "assessments[0].completed", "chronology[0].recorded"}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
	}
}
