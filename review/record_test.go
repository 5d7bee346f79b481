package review

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// errPaths returns the paths of a validation error, in order.
func errPaths(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list care.ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T) is not a care.ValidationErrors", err, err)
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Path
	}
	return out
}

func TestRecordValidate(t *testing.T) {
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 6, 15)}
	baby := care.Child{ID: "C0002", DateOfBirth: care.MustDate(2024, 6, 15)}
	eps := []care.Episode{
		ep(t, "2024-01-08", "2024-06-03", care.LegalStatusV2, care.ReasonNewEpisodeS),
		ep(t, "2025-01-06", "", care.LegalStatusC1, care.ReasonNewEpisodeS),
	}
	breaks := []care.Episode{
		ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS),
		ep(t, "2025-03-14", "2025-03-16", care.LegalStatusV3, care.ReasonNewEpisodeS),
	}
	rv := func(s string) Review {
		return Review{Held: d(t, s), Participation: care.ParticipationPN1, ViewsRecorded: true}
	}
	tests := []struct {
		name  string
		child care.Child
		eps   []care.Episode
		rec   Record
		want  []string
	}{
		{name: "empty record", child: child, eps: eps},
		{name: "valid reviews in both periods", child: child, eps: eps,
			rec: Record{Reviews: []Review{rv("2024-02-01"), rv("2024-05-01"), rv("2025-01-20")}}},
		{name: "review on the day the period ended is accepted", child: child, eps: eps,
			rec: Record{Reviews: []Review{rv("2024-06-03")}}},
		{name: "review before the child was looked after", child: child, eps: eps,
			rec: Record{Reviews: []Review{rv("2024-01-07")}}, want: []string{"reviews[0].held"}},
		{name: "review while not looked after", child: child, eps: eps,
			rec: Record{Reviews: []Review{rv("2024-02-01"), rv("2024-09-01")}}, want: []string{"reviews[1].held"}},
		{name: "review with no episodes at all", child: child,
			rec: Record{Reviews: []Review{rv("2024-02-01")}}, want: []string{"reviews[0].held"}},
		{name: "review between short breaks is accepted", child: child, eps: breaks,
			rec: Record{Reviews: []Review{rv("2025-02-20")}}},
		{name: "review long after the last short break", child: child, eps: breaks,
			rec: Record{Reviews: []Review{rv("2026-06-01")}}, want: []string{"reviews[0].held"}},
		{name: "reviews out of order and on the same day", child: child, eps: eps,
			rec:  Record{Reviews: []Review{rv("2025-02-01"), rv("2025-01-20"), rv("2025-01-20")}},
			want: []string{"reviews[1].held", "reviews[2].held"}},
		{name: "review with no date", child: child, eps: eps,
			rec: Record{Reviews: []Review{{}}}, want: []string{"reviews[0].held"}},
		{name: "PN0 for a child aged 4 or more", child: child, eps: eps,
			rec:  Record{Reviews: []Review{{Held: d(t, "2025-01-20"), Participation: care.ParticipationPN0}}},
			want: []string{"reviews[0].participation"}},
		{name: "PN1 for a child under 4", child: baby, eps: eps,
			rec:  Record{Reviews: []Review{{Held: d(t, "2025-01-20"), Participation: care.ParticipationPN1}}},
			want: []string{"reviews[0].participation"}},
		{name: "unknown codes", child: child, eps: eps,
			rec:  Record{Reviews: []Review{{Held: d(t, "2025-01-20"), Participation: care.Participation(99), EarlyReason: EarlyReason(99)}}},
			want: []string{"reviews[0].early_reason", "reviews[0].participation"}},
		{name: "dates before the review", child: child, eps: eps,
			rec: Record{Reviews: []Review{{Held: d(t, "2025-01-20"), DecisionsCirculated: d(t, "2025-01-19"),
				RecordCompleted: d(t, "2025-01-18"), Adjourned: d(t, "2025-01-17"), Reconvened: d(t, "2025-01-16"),
				ProposalImplemented: d(t, "2025-01-15")}}},
			want: []string{"reviews[0].decisions_circulated", "reviews[0].record_completed", "reviews[0].adjourned",
				"reviews[0].reconvened", "reviews[0].proposal_implemented"}},
		{name: "reconvened and implemented without an adjournment", child: child, eps: eps,
			rec:  Record{Reviews: []Review{{Held: d(t, "2025-01-20"), Reconvened: d(t, "2025-01-30"), ProposalImplemented: d(t, "2025-01-25")}}},
			want: []string{"reviews[0].adjourned", "reviews[0].adjourned"}},
		{name: "bad recommendations", child: child, eps: eps,
			rec: Record{Reviews: []Review{{Held: d(t, "2025-01-20"), Recommendations: []Recommendation{
				{Text: "ok", Owner: "SW1", Due: d(t, "2025-02-20")},
				{Owner: "SW1", Due: d(t, "2025-01-19"), Completed: d(t, "2025-01-18"),
					FollowUps: []FollowUp{{}, {Date: d(t, "2025-01-01")}}},
			}}}},
			want: []string{"reviews[0].recommendations[1].text", "reviews[0].recommendations[1].due",
				"reviews[0].recommendations[1].completed", "reviews[0].recommendations[1].follow_ups[0].date",
				"reviews[0].recommendations[1].follow_ups[1].date"}},
		{name: "bad IRO allocations", child: child, eps: eps,
			rec: Record{IRO: []IROAllocation{
				{IROID: "IRO1", Appointed: d(t, "2025-01-08"), Ended: d(t, "2025-01-07"), NamedInPlan: d(t, "2025-01-01")},
				{Appointed: d(t, "2025-01-01")},
				{IROID: "IRO3"},
				{IROID: "IRO4", Appointed: d(t, "2010-01-01"), MetChild: d(t, "2010-01-02")},
			}},
			want: []string{"iro[0].ended", "iro[0].named_in_plan", "iro[1].iro_id", "iro[1].appointed",
				"iro[2].appointed", "iro[3].appointed", "iro[3].appointed", "iro[3].met_child"}},
		{name: "bad midway checks", child: child, eps: eps,
			rec: Record{MidwayChecks: []MidwayCheck{
				{Date: d(t, "2024-03-01"), Outcome: CheckOutcomeOnTrack},
				{Date: d(t, "2024-02-01")},
				{},
				{Date: d(t, "2023-01-01"), Outcome: CheckOutcome(9)},
			}},
			want: []string{"midway_checks[1].date", "midway_checks[2].date", "midway_checks[3].outcome",
				"midway_checks[3].date", "midway_checks[3].date"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rec.Validate(tc.child, tc.eps)
			if diff := cmp.Diff(tc.want, errPaths(t, err)); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestRecordValidateWrapsSentinels(t *testing.T) {
	eps := lookedAfter(t, "2025-01-06")
	rec := Record{Reviews: []Review{{}, {Held: d(t, "2024-12-01")}}}
	err := rec.Validate(care.Child{ID: "C0001"}, eps)
	if !errors.Is(err, care.ErrRequired) {
		t.Errorf("Validate() = %v, want it to wrap care.ErrRequired", err)
	}
	if !errors.Is(err, errNotLookedAfter) {
		t.Errorf("Validate() = %v, want it to report a review while not looked after", err)
	}
}

func TestRecordJSON(t *testing.T) {
	rec := Record{
		Reviews: []Review{{
			Held: d(t, "2025-01-30"), EarlyReason: EarlyReasonIRORequest, ChairedBy: "IRO1",
			Participation: care.ParticipationPN5, ViewsRecorded: true,
			DecisionsCirculated: d(t, "2025-02-04"), RecordCompleted: d(t, "2025-02-20"),
			Adjourned: d(t, "2025-01-30"), Reconvened: d(t, "2025-02-10"),
			Recommendations: []Recommendation{{Ref: "R1", Text: "Arrange contact", Owner: "SW1", Due: d(t, "2025-03-01"),
				FollowUps: []FollowUp{{Date: d(t, "2025-02-15"), Note: "booked"}}}},
		}},
		IRO:          []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-08"), MetChild: d(t, "2025-01-20")}},
		MidwayChecks: []MidwayCheck{{Date: d(t, "2025-03-15"), IROID: "IRO1", Outcome: CheckOutcomeActionNeeded}},
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	const want = `{"reviews":[{"held":"2025-01-30","early_reason":"iro-request","chaired_by":"IRO1","participation":"PN5",` +
		`"views_recorded":true,"decisions_circulated":"2025-02-04","record_completed":"2025-02-20","adjourned":"2025-01-30",` +
		`"reconvened":"2025-02-10","recommendations":[{"ref":"R1","text":"Arrange contact","owner":"SW1","due":"2025-03-01",` +
		`"follow_ups":[{"date":"2025-02-15","note":"booked"}]}]}],"iro":[{"iro_id":"IRO1","appointed":"2025-01-08",` +
		`"met_child":"2025-01-20"}],"midway_checks":[{"date":"2025-03-15","iro_id":"IRO1","outcome":"action-needed"}]}`
	if string(b) != want {
		t.Errorf("Marshal() = %s, want %s", b, want)
	}
	var got Record
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if diff := cmp.Diff(rec, got, cmp.Comparer(care.Date.Equal)); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestHeldDates(t *testing.T) {
	if got := HeldDates(nil); got != nil {
		t.Errorf("HeldDates(nil) = %v, want nil", got)
	}
	rs := held(t, "2025-01-30", "2025-04-30")
	got := HeldDates(rs)
	want := []care.Date{d(t, "2025-01-30"), d(t, "2025-04-30")}
	if diff := cmp.Diff(want, got, cmp.Comparer(care.Date.Equal)); diff != "" {
		t.Errorf("HeldDates() mismatch (-want +got):\n%s", diff)
	}
	got[0] = care.Date{}
	if rs[0].Held.IsZero() {
		t.Errorf("HeldDates() shares memory with its input")
	}
}
