package review

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// TestMissedBoundaries checks each family's windows at their edges: a
// window that closes the day before the due date or on it owed nothing; one
// that closes the day after is Missed; one still open on the assessment
// date (or closing after it) is Overdue; a later event (the review held,
// the next review) settles or closes it.
func TestMissedBoundaries(t *testing.T) {
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 6, 15)}
	// Looked after from Monday 6 January 2025: the IRO is due by 13
	// January, the first review by 3 February.
	from := func(end string) []care.Episode {
		return []care.Episode{ep(t, "2025-01-06", end, care.LegalStatusC2, care.ReasonNewEpisodeS)}
	}
	good := func(s string) Review {
		return Review{Held: d(t, s), Participation: care.ParticipationPN1, ViewsRecorded: true,
			DecisionsCirculated: d(t, s), RecordCompleted: d(t, s)}
	}
	iro := []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-08"), MetChild: d(t, "2025-01-20"), NamedInPlan: d(t, "2025-01-08")}}
	// A review on 31 January with a recommendation due 31 March; the
	// next review is due on 30 April, its midway check by 30 March.
	withRec := func(reviews ...Review) Record {
		reviews[0].Recommendations = []Recommendation{{Ref: "R1", Owner: "SW1", Due: d(t, "2025-03-31")}}
		return Record{Reviews: reviews, IRO: iro}
	}
	tests := []struct {
		name    string
		eps     []care.Episode
		rec     Record
		asOf    string
		rule    care.RuleID
		subject string // only findings about this record, if set
		want    []string
	}{
		// REV-01 (and REV-02, REV-03, REV-09): the review sequence ending.
		{name: "REV-01 child leaves care the day before the due date: nothing owed",
			eps: from("2025-02-02"), asOf: "2025-03-01", rule: REV01},
		{name: "REV-01 child leaves care on the due date: nothing owed",
			eps: from("2025-02-03"), asOf: "2025-03-01", rule: REV01},
		{name: "REV-01 child leaves care the day after the due date: missed",
			eps: from("2025-02-04"), asOf: "2025-03-01", rule: REV01,
			want: []string{"REV-01 missed episodes[0] due 2025-02-03 closed 2025-02-04 when the child left care"}},
		{name: "REV-01 child leaves care after the assessment date: overdue",
			eps: from("2025-03-01"), asOf: "2025-02-10", rule: REV01,
			want: []string{"REV-01 overdue episodes[0] due 2025-02-03"}},
		{name: "REV-01 still looked after: overdue",
			eps: from(""), asOf: "2025-03-01", rule: REV01,
			want: []string{"REV-01 overdue episodes[0] due 2025-02-03"}},
		{name: "REV-01 review held on the day the child leaves care: late, not missed",
			eps: from("2025-02-04"), rec: Record{Reviews: []Review{good("2025-02-04")}}, asOf: "2025-03-01", rule: REV01,
			want: []string{"REV-01 late reviews[0] due 2025-02-03 done 2025-02-04"}},
		{name: "REV-05 missed when the child leaves care before the next review",
			eps: from("2025-11-15"), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-04-30")}}, asOf: "2025-12-01",
			rule: REV05, subject: "reviews[1]", want: []string{
				"REV-05 missed reviews[1] due 2025-08-13 closed 2025-11-15 when the child left care",
			}},
		{name: "REV-03 missed when the child leaves care after its due date",
			eps: from("2025-11-15"), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-04-30")}}, asOf: "2025-12-01",
			rule: REV03, want: []string{"REV-03 missed episodes[0] due 2025-10-30 closed 2025-11-15 when the child left care"}},
		{name: "REV-09 missed when the series of short breaks lapses",
			eps: []care.Episode{ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS)}, asOf: "2025-08-01", rule: REV09,
			want: []string{"REV-09 missed episodes[0] due 2025-04-10 closed 2025-07-12 when the series of short breaks lapsed"}},
		{name: "REV-09 overdue while the series continues",
			eps: []care.Episode{
				ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS),
				ep(t, "2025-03-01", "2025-03-03", care.LegalStatusV3, care.ReasonNewEpisodeS),
			}, asOf: "2025-08-01", rule: REV09,
			want: []string{"REV-09 overdue episodes[0] due 2025-04-10"}},
		{name: "REV-09 missed when full-time care begins after its due date",
			eps: []care.Episode{
				ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS),
				ep(t, "2025-05-01", "", care.LegalStatusC2, care.ReasonNewEpisodeS),
			}, asOf: "2025-08-01", rule: REV09,
			want: []string{"REV-09 missed episodes[0] due 2025-04-10 closed 2025-05-01 when full-time care began"}},

		// REV-04: the appointment closes with the sequence; the meeting when
		// the first review is held.
		{name: "REV-04 child leaves care the day before the appointment is due: nothing owed",
			eps: from("2025-01-12"), asOf: "2025-03-01", rule: REV04},
		{name: "REV-04 child leaves care on the appointment's due date: nothing owed",
			eps: from("2025-01-13"), asOf: "2025-03-01", rule: REV04},
		{name: "REV-04 child leaves care the day after the appointment is due: missed",
			eps: from("2025-01-14"), asOf: "2025-03-01", rule: REV04,
			want: []string{"REV-04 missed episodes[0] due 2025-01-13 closed 2025-01-14 when the child left care"}},
		{name: "REV-04 no meeting by the first review: missed when it is held",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31")}, IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-08"), NamedInPlan: d(t, "2025-01-08")}}},
			asOf: "2025-02-10", rule: REV04, want: []string{
				"REV-04 met episodes[0] done 2025-01-08",
				"REV-04 met episodes[0] due 2025-01-13 done 2025-01-08",
				"REV-04 missed episodes[0] due 2025-01-31 closed 2025-02-01 when the first review had been held",
			}},
		{name: "REV-04 on the day of the first review the meeting is still upcoming",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31")}, IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-08"), NamedInPlan: d(t, "2025-01-08")}}},
			asOf: "2025-01-31", rule: REV04, want: []string{
				"REV-04 met episodes[0] done 2025-01-08",
				"REV-04 met episodes[0] due 2025-01-13 done 2025-01-08",
				"REV-04 upcoming episodes[0] due 2025-01-31",
			}},

		// REV-05: the next review closes the window.
		{name: "REV-05 next review the day before the check is due: nothing owed",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-03-29")}}, asOf: "2025-04-01",
			rule: REV05, subject: "reviews[0]"},
		{name: "REV-05 next review on the check's due date: nothing owed",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-03-30")}}, asOf: "2025-04-01",
			rule: REV05, subject: "reviews[0]"},
		{name: "REV-05 next review the day after the check's due date: missed",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-03-31")}}, asOf: "2025-04-01",
			rule: REV05, subject: "reviews[0]",
			want: []string{"REV-05 missed reviews[0] due 2025-03-30 closed 2025-03-31 when the next review was held"}},
		{name: "REV-05 a check on the day of the next review does not count",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-03-31")}, MidwayChecks: []MidwayCheck{{Date: d(t, "2025-03-31")}}},
			asOf: "2025-04-01", rule: REV05, subject: "reviews[0]",
			want: []string{"REV-05 missed reviews[0] due 2025-03-30 closed 2025-03-31 when the next review was held"}},
		{name: "REV-05 next review not yet held: overdue",
			eps: from(""), rec: Record{Reviews: []Review{good("2025-01-31")}}, asOf: "2025-04-01",
			rule: REV05, subject: "reviews[0]",
			want: []string{"REV-05 overdue reviews[0] due 2025-03-30"}},

		// REV-06: open until done; closed when the child leaves care.
		{name: "REV-06 child leaves care the day before the recommendation is due: nothing owed",
			eps: from("2025-03-30"), rec: withRec(good("2025-01-31")), asOf: "2025-04-10", rule: REV06},
		{name: "REV-06 child leaves care on the recommendation's due date: nothing owed",
			eps: from("2025-03-31"), rec: withRec(good("2025-01-31")), asOf: "2025-04-10", rule: REV06},
		{name: "REV-06 child leaves care the day after the recommendation's due date: missed",
			eps: from("2025-04-01"), rec: withRec(good("2025-01-31")), asOf: "2025-04-10", rule: REV06,
			want: []string{"REV-06 missed reviews[0].recommendations[0] due 2025-03-31 closed 2025-04-01 when the child left care"}},
		{name: "REV-06 next review before the recommendation's due date: still owed after it",
			eps: from(""), rec: withRec(good("2025-01-31"), good("2025-03-20")), asOf: "2025-04-10", rule: REV06,
			want: []string{"REV-06 overdue reviews[0].recommendations[0] due 2025-03-31"}},
		{name: "REV-06 next review on the recommendation's due date: still owed",
			eps: from(""), rec: withRec(good("2025-01-31"), good("2025-03-31")), asOf: "2025-04-10", rule: REV06,
			want: []string{"REV-06 overdue reviews[0].recommendations[0] due 2025-03-31"}},
		{name: "REV-06 first review after the due date takes stock: missed",
			eps: from(""), rec: withRec(good("2025-01-31"), good("2025-04-01")), asOf: "2025-04-10", rule: REV06,
			want: []string{"REV-06 missed reviews[0].recommendations[0] due 2025-03-31 closed 2025-04-01 when the next review after its due date was held"}},
		{name: "REV-06 the next review after the as-of date: still overdue",
			eps: from(""), rec: withRec(good("2025-01-31"), good("2025-04-12")), asOf: "2025-04-10", rule: REV06,
			want: []string{"REV-06 overdue reviews[0].recommendations[0] due 2025-03-31"}},

		// REV-07: the next review or leaving care closes the window.
		{name: "REV-07 next review the day before the decisions are due: nothing owed",
			eps: from(""), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), RecordCompleted: d(t, "2025-01-31")}, good("2025-02-06")}},
			asOf: "2025-02-10", rule: REV07, subject: "reviews[0]",
			want: []string{"REV-07 met reviews[0] due 2025-02-28 done 2025-01-31"}},
		{name: "REV-07 next review on the decisions' due date: nothing owed",
			eps: from(""), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), RecordCompleted: d(t, "2025-01-31")}, good("2025-02-07")}},
			asOf: "2025-02-10", rule: REV07, subject: "reviews[0]",
			want: []string{"REV-07 met reviews[0] due 2025-02-28 done 2025-01-31"}},
		{name: "REV-07 next review the day after the decisions' due date: missed",
			eps: from(""), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), RecordCompleted: d(t, "2025-01-31")}, good("2025-02-08")}},
			asOf: "2025-02-10", rule: REV07, subject: "reviews[0]",
			want: []string{
				"REV-07 missed reviews[0] due 2025-02-07 closed 2025-02-08 when the next review was held",
				"REV-07 met reviews[0] due 2025-02-28 done 2025-01-31",
			}},
		{name: "REV-07 child leaves care before the next review: missed",
			eps: from("2025-02-20"), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), RecordCompleted: d(t, "2025-01-31")}}},
			asOf: "2025-03-01", rule: REV07,
			want: []string{
				"REV-07 missed reviews[0] due 2025-02-07 closed 2025-02-20 when the child left care",
				"REV-07 met reviews[0] due 2025-02-28 done 2025-01-31",
			}},
		{name: "REV-07 decisions not circulated, no next review: overdue",
			eps: from(""), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), RecordCompleted: d(t, "2025-01-31")}}},
			asOf: "2025-02-10", rule: REV07,
			want: []string{
				"REV-07 overdue reviews[0] due 2025-02-07",
				"REV-07 met reviews[0] due 2025-02-28 done 2025-01-31",
			}},

		// REV-10: closed when the child leaves care.
		{name: "REV-10 adjourned review not completed when the child leaves care: missed",
			eps: from("2025-03-03"), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), Adjourned: d(t, "2025-01-31")}}},
			asOf: "2025-04-01", rule: REV10,
			want: []string{"REV-10 missed reviews[0] due 2025-02-28 closed 2025-03-03 when the child left care"}},
		{name: "REV-10 adjourned review not completed, child looked after: overdue",
			eps: from(""), rec: Record{Reviews: []Review{{Held: d(t, "2025-01-31"), Adjourned: d(t, "2025-01-31")}}},
			asOf: "2025-04-01", rule: REV10,
			want: []string{"REV-10 overdue reviews[0] due 2025-02-28"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Assess(tc.rec, child, tc.eps, d(t, tc.asOf), cal, Policy{})
			if err != nil {
				t.Fatalf("Assess() error: %v", err)
			}
			var got []string
			for _, f := range rep {
				if (tc.rule == "" || f.Rule() == tc.rule) && (tc.subject == "" || strings.HasPrefix(f.Subject(), tc.subject)) {
					got = append(got, statusRow(f))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Assess() findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
