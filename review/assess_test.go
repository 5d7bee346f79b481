package review

import (
	"errors"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// rows renders the findings of rule id (all rules if id is "").
func rows(rep care.Report, id care.RuleID) []string {
	var out []string
	for _, f := range rep {
		if id == "" || f.Rule() == id {
			out = append(out, findingRow(f))
		}
	}
	return out
}

func TestAssessRules(t *testing.T) {
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2020, 6, 15)}
	eps := lookedAfter(t, "2025-01-06") // Monday; first review due 2025-02-03
	good := func(s string) Review {
		return Review{Held: d(t, s), Participation: care.ParticipationPN1, ViewsRecorded: true,
			DecisionsCirculated: d(t, s), RecordCompleted: d(t, s)}
	}
	tests := []struct {
		name  string
		child care.Child
		eps   []care.Episode
		rec   Record
		asOf  string
		p     Policy
		rule  care.RuleID
		want  []string
	}{
		{
			name: "REV-04 IRO appointed on time, met the child before the first review, named in the plan",
			rec: Record{Reviews: []Review{good("2025-01-31")},
				IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-13"), MetChild: d(t, "2025-01-31"), NamedInPlan: d(t, "2025-01-15")}}},
			asOf: "2025-02-10", rule: REV04,
			want: []string{
				"REV-04 met episodes[0] done 2025-01-15: IRO appointment on 13 January 2025: IRO named in the care plan",
				"REV-04 met episodes[0] due 2025-01-13 done 2025-01-13: IRO appointed on 13 January 2025, on time; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025",
				"REV-04 met episodes[0] due 2025-01-31 done 2025-01-31: IRO meeting with the child on 31 January 2025, on time; due 31 January 2025, no later than the first review on 31 January 2025",
			},
		},
		{
			name: "REV-04 IRO appointed late, met the child after the first review, not named",
			rec: Record{Reviews: []Review{good("2025-01-31")},
				IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-14"), MetChild: d(t, "2025-02-03")}}},
			asOf: "2025-02-10", rule: REV04,
			want: []string{
				"REV-04 breach episodes[0]: IRO appointment on 14 January 2025: IRO not named in the care plan",
				"REV-04 late episodes[0] due 2025-01-13 done 2025-01-14: IRO appointed on 14 January 2025, 1 day late; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025",
				"REV-04 late episodes[0] due 2025-01-31 done 2025-02-03: IRO meeting with the child on 3 February 2025, 3 days late; due 31 January 2025, no later than the first review on 31 January 2025",
			},
		},
		{
			name: "REV-04 no IRO yet: the appointment is overdue, and the meeting is not reported as well",
			asOf: "2025-01-20", rule: REV04,
			want: []string{
				"REV-04 overdue episodes[0] due 2025-01-13: no IRO appointed yet; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025",
			},
		},
		{
			name: "REV-04 IRO appointed late, not yet met the child: the meeting is upcoming by the first review's due date",
			rec:  Record{IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-15")}}},
			asOf: "2025-01-20", rule: REV04,
			want: []string{
				"REV-04 breach episodes[0]: IRO appointment on 15 January 2025: IRO not named in the care plan",
				"REV-04 late episodes[0] due 2025-01-13 done 2025-01-15: IRO appointed on 15 January 2025, 2 days late; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025",
				"REV-04 upcoming episodes[0] due 2025-02-03: IRO meeting with the child due 3 February 2025, no later than the first review's due date on 3 February 2025",
			},
		},
		{
			name: "REV-04 an IRO allocated before the period began counts as appointed on time",
			rec:  Record{IRO: []IROAllocation{{IROID: "IRO1", Appointed: d(t, "2025-01-02"), MetChild: d(t, "2025-01-02"), NamedInPlan: d(t, "2025-01-07")}}},
			asOf: "2025-01-20", rule: REV04,
			want: []string{
				"REV-04 met episodes[0] done 2025-01-07: IRO appointment on 2 January 2025: IRO named in the care plan",
				"REV-04 met episodes[0] due 2025-01-13 done 2025-01-02: IRO appointed on 2 January 2025, on time; due 13 January 2025, 5 working days after becoming looked after on 6 January 2025",
				"REV-04 met episodes[0] due 2025-02-03 done 2025-01-02: IRO meeting with the child on 2 January 2025, on time; due 3 February 2025, no later than the first review's due date on 3 February 2025",
			},
		},
		{
			name: "REV-05 midway check at the midpoint of a 3-month interval",
			rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-04-30")},
				MidwayChecks: []MidwayCheck{{Date: d(t, "2025-03-14"), Outcome: CheckOutcomeOnTrack}}},
			asOf: "2025-05-01", rule: REV05,
			// 2025-01-31 to 2025-04-30 is 89 days: midpoint 2025-03-16, window to 2025-03-30.
			want: []string{
				"REV-05 met reviews[0] due 2025-03-30 done 2025-03-14: IRO midway check on 14 March 2025, on time; due 30 March 2025, 58 days after the review on 31 January 2025",
				"REV-05 upcoming reviews[1] due 2025-08-13: IRO midway check due 13 August 2025, 105 days after the review on 30 April 2025",
			},
		},
		{
			name: "REV-05 check too early does not count; a late one is late",
			rec: Record{Reviews: []Review{good("2025-01-31"), good("2025-04-30")},
				MidwayChecks: []MidwayCheck{{Date: d(t, "2025-02-10")}, {Date: d(t, "2025-04-07")}}},
			asOf: "2025-05-01", rule: REV05,
			want: []string{
				"REV-05 late reviews[0] due 2025-03-30 done 2025-04-07: IRO midway check on 7 April 2025, 8 days late; due 30 March 2025, 58 days after the review on 31 January 2025",
				"REV-05 upcoming reviews[1] due 2025-08-13: IRO midway check due 13 August 2025, 105 days after the review on 30 April 2025",
			},
		},
		{
			name: "REV-05 no check before the next review: missed",
			rec:  Record{Reviews: []Review{good("2025-01-31"), good("2025-04-30")}},
			asOf: "2025-05-01", rule: REV05,
			want: []string{
				"REV-05 missed reviews[0] due 2025-03-30: no IRO midway check by 30 March 2025 (58 days after the review on 31 January 2025); closed when the next review was held on 30 April 2025",
				"REV-05 upcoming reviews[1] due 2025-08-13: IRO midway check due 13 August 2025, 105 days after the review on 30 April 2025",
			},
		},
		{
			name: "REV-05 none owed when the next review comes before the check falls due",
			rec:  Record{Reviews: []Review{good("2025-01-31"), good("2025-03-01")}},
			asOf: "2025-03-02", rule: REV05,
			want: []string{
				"REV-05 upcoming reviews[1] due 2025-06-15: IRO midway check due 15 June 2025, 106 days after the review on 1 March 2025",
			},
		},
		{
			name: "REV-06 recommendations: on time, followed up, late, overdue, no owner, no due date, carried",
			rec: Record{Reviews: []Review{
				{Held: d(t, "2025-01-31"), Participation: care.ParticipationPN1, ViewsRecorded: true, Recommendations: []Recommendation{
					{Ref: "R1", Owner: "SW1", Due: d(t, "2025-02-28"), Completed: d(t, "2025-02-20")},
					{Ref: "R2", Owner: "SW1", Due: d(t, "2025-02-28"), FollowUps: []FollowUp{{Date: d(t, "2025-03-10")}, {Date: d(t, "2025-02-27")}}},
					{Ref: "R3", Owner: "SW1", Due: d(t, "2025-02-28"), Completed: d(t, "2025-03-05")},
					{Ref: "R4", Owner: "SW1", Due: d(t, "2025-03-31")},
					{Ref: "R5", Due: d(t, "2025-06-30")},
					{Ref: "R6", Owner: "SW2"},
				}},
				good("2025-04-30"),
			}},
			asOf: "2025-05-01", rule: REV06,
			want: []string{
				"REV-06 breach reviews[0].recommendations[4]: review on 31 January 2025: recommendation has no owner",
				"REV-06 breach reviews[0].recommendations[5]: review on 31 January 2025: recommendation has no due date",
				"REV-06 met reviews[0].recommendations[0] due 2025-02-28 done 2025-02-20: completion or follow-up on 20 February 2025, on time; due 28 February 2025, 28 days after the review on 31 January 2025",
				"REV-06 met reviews[0].recommendations[1] due 2025-02-28 done 2025-02-27: completion or follow-up on 27 February 2025, on time; due 28 February 2025, 28 days after the review on 31 January 2025",
				"REV-06 late reviews[0].recommendations[2] due 2025-02-28 done 2025-03-05: completion or follow-up on 5 March 2025, 5 days late; due 28 February 2025, 28 days after the review on 31 January 2025",
				"REV-06 missed reviews[0].recommendations[3] due 2025-03-31: no completion or follow-up by 31 March 2025 (59 days after the review on 31 January 2025); closed when the next review after its due date was held on 30 April 2025",
				"REV-06 upcoming reviews[0].recommendations[4] due 2025-06-30: completion or follow-up due 30 June 2025, 150 days after the review on 31 January 2025",
			},
		},
		{
			name: "REV-07 decisions and record: on time across a bank holiday, late, overdue",
			eps:  lookedAfter(t, "2025-04-01"),
			rec: Record{Reviews: []Review{
				{Held: d(t, "2025-04-17"), Participation: care.ParticipationPN1, ViewsRecorded: true,
					DecisionsCirculated: d(t, "2025-04-29"), RecordCompleted: d(t, "2025-05-20")},
			}},
			asOf: "2025-05-20", rule: REV07,
			// Good Friday 18 April, Easter Monday 21 April and 5 May are not working days.
			want: []string{
				"REV-07 late reviews[0] due 2025-04-28 done 2025-04-29: decisions circulated on 29 April 2025, 1 day late; due 28 April 2025, 5 working days after the review on 17 April 2025",
				"REV-07 met reviews[0] due 2025-05-20 done 2025-05-20: review record completed on 20 May 2025, on time; due 20 May 2025, 20 working days after the review on 17 April 2025",
			},
		},
		{
			name: "REV-07 an adjourned review counts from its completion, missed when the next review is held; none owed while it is adjourned",
			rec: Record{Reviews: []Review{
				{Held: d(t, "2025-01-31"), Participation: care.ParticipationPN1, ViewsRecorded: true, Adjourned: d(t, "2025-01-31"), Reconvened: d(t, "2025-02-14")},
				{Held: d(t, "2025-04-30"), Participation: care.ParticipationPN1, ViewsRecorded: true, Adjourned: d(t, "2025-04-30")},
			}},
			asOf: "2025-05-01", rule: REV07,
			want: []string{
				"REV-07 missed reviews[0] due 2025-02-21: no decisions circulated by 21 February 2025 (5 working days after the completion of the adjourned review on 14 February 2025); closed when the next review was held on 30 April 2025",
				"REV-07 missed reviews[0] due 2025-03-14: no review record completed by 14 March 2025 (20 working days after the completion of the adjourned review on 14 February 2025); closed when the next review was held on 30 April 2025",
			},
		},
		{
			name:  "REV-08 participation and views",
			child: care.Child{ID: "C0002", DateOfBirth: care.MustDate(2021, 2, 1)},
			rec: Record{Reviews: []Review{
				{Held: d(t, "2025-01-31"), Participation: care.ParticipationPN0},
				{Held: d(t, "2025-04-30"), Participation: care.ParticipationPN5, ViewsRecorded: true},
				{Held: d(t, "2025-06-30"), Participation: care.ParticipationPN7},
				{Held: d(t, "2025-07-30")},
				{Held: d(t, "2025-08-30"), ViewsRecorded: true},
			}},
			asOf: "2025-09-01", rule: REV08,
			want: []string{
				"REV-08 met reviews[0] done 2025-01-31: review on 31 January 2025: child's participation and views recorded",
				"REV-08 met reviews[1] done 2025-04-30: review on 30 April 2025: child's participation and views recorded",
				"REV-08 breach reviews[2]: review on 30 June 2025: child's views not recorded",
				"REV-08 breach reviews[3]: review on 30 July 2025: child's participation code not recorded; child's views not recorded",
				"REV-08 breach reviews[4]: review on 30 August 2025: child's participation code not recorded",
			},
		},
		{
			name: "REV-10 adjourned reviews: completed in time, late, outstanding, proposal implemented early",
			rec: Record{Reviews: []Review{
				{Held: d(t, "2025-01-31"), Participation: care.ParticipationPN1, ViewsRecorded: true,
					Adjourned: d(t, "2025-01-31"), Reconvened: d(t, "2025-02-28")},
				{Held: d(t, "2025-04-17"), Participation: care.ParticipationPN1, ViewsRecorded: true,
					Adjourned: d(t, "2025-04-17"), Reconvened: d(t, "2025-05-21"), ProposalImplemented: d(t, "2025-05-01")},
				{Held: d(t, "2025-10-01"), Participation: care.ParticipationPN1, ViewsRecorded: true,
					Adjourned: d(t, "2025-10-01"), ProposalImplemented: d(t, "2025-10-02")},
			}},
			asOf: "2025-11-03", rule: REV10,
			want: []string{
				"REV-10 breach reviews[1]: review adjourned on 17 April 2025: a proposal was implemented before the adjourned review was completed",
				"REV-10 breach reviews[2]: review adjourned on 1 October 2025: a proposal was implemented before the adjourned review was completed",
				"REV-10 met reviews[0] due 2025-02-28 done 2025-02-28: completion of the adjourned review on 28 February 2025, on time; due 28 February 2025, 20 working days after the adjournment on 31 January 2025",
				"REV-10 late reviews[1] due 2025-05-20 done 2025-05-21: completion of the adjourned review on 21 May 2025, 1 day late; due 20 May 2025, 20 working days after the adjournment on 17 April 2025",
				"REV-10 overdue reviews[2] due 2025-10-29: no completion of the adjourned review yet; due 29 October 2025, 20 working days after the adjournment on 1 October 2025",
			},
		},
		{
			name: "REV-10 with the anchor day counted as day 1",
			rec: Record{Reviews: []Review{{Held: d(t, "2025-03-03"), Participation: care.ParticipationPN1, ViewsRecorded: true,
				Adjourned: d(t, "2025-03-03"), Reconvened: d(t, "2025-03-31")}}},
			asOf: "2025-04-01", rule: REV10, p: Policy{Counting: care.CountFromAnchorDay},
			want: []string{
				"REV-10 late reviews[0] due 2025-03-28 done 2025-03-31: completion of the adjourned review on 31 March 2025, 3 days late; due 28 March 2025, 20 working days after the adjournment on 3 March 2025",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.child
			if c.ID == "" {
				c = child
			}
			e := tc.eps
			if e == nil {
				e = eps
			}
			rep, err := Assess(tc.rec, c, e, d(t, tc.asOf), cal, tc.p)
			if err != nil {
				t.Fatalf("Assess() error: %v", err)
			}
			if diff := cmp.Diff(tc.want, rows(rep, tc.rule)); diff != "" {
				t.Errorf("Assess() %s findings mismatch (-want +got):\n%s", tc.rule, diff)
			}
		})
	}
}

func TestAssessSchedule(t *testing.T) {
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 6, 15)}
	rec := Record{Reviews: []Review{{Held: d(t, "2025-02-04"), EarlyReason: EarlyReasonNone}, {Held: d(t, "2025-03-01"), EarlyReason: EarlyReasonIRORequest}}}
	rep, err := Assess(rec, child, lookedAfter(t, "2025-01-06"), d(t, "2025-10-01"), cal, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, id := range []care.RuleID{REV01, REV02, REV03} {
		got = append(got, rows(rep, id)...)
	}
	want := []string{
		"REV-01 late reviews[0] due 2025-02-03 done 2025-02-04: first review on 4 February 2025, 1 day late; due 3 February 2025, 20 working days after becoming looked after on 6 January 2025",
		"REV-02 met reviews[1] due 2025-05-04 done 2025-03-01: second review on 1 March 2025, on time; due 4 May 2025, 3 months after the first review on 4 February 2025",
		"REV-03 overdue episodes[0] due 2025-09-01: no later review yet; due 1 September 2025, 6 months after the previous review on 1 March 2025",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assess() schedule findings mismatch (-want +got):\n%s", diff)
	}
	for _, f := range rep.ForRule(REV02) {
		wantEv := []care.Evidence{
			{Label: "the first review", Date: d(t, "2025-02-04"), Ref: "reviews[0]"},
			{Label: "early review held (iro-request)", Date: d(t, "2025-03-01"), Ref: "reviews[1]"},
		}
		if diff := cmp.Diff(wantEv, f.Evidence(), cmp.Comparer(care.Date.Equal)); diff != "" {
			t.Errorf("REV-02 evidence mismatch (-want +got):\n%s", diff)
		}
		if f.Citation().Provision != "reg 33(2)" || f.Severity() != care.SeverityStatutory {
			t.Errorf("REV-02 finding citation %v, severity %v", f.Citation(), f.Severity())
		}
	}
	// The report is sorted.
	if !isSorted(rep) {
		t.Errorf("Assess() report is not sorted")
	}
}

func isSorted(rep care.Report) bool {
	s := rep.Sorted()
	for i := range rep {
		if findingRow(rep[i]) != findingRow(s[i]) {
			return false
		}
	}
	return true
}

func TestAssessRuleNotInForce(t *testing.T) {
	// The CPPCR 2010 came into force on 1 April 2011. A timescale whose
	// anchor falls before then arose under earlier law and is left out,
	// even where it falls due after (the check was on the due date before
	// the emitter made it on the anchor: these findings were reported
	// then); one anchored on or after 1 April 2011 is reported.
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2005, 1, 1)}
	for _, tc := range []struct {
		name string
		eps  []care.Episode
		rec  Record
		asOf string
		want []string
	}{
		{name: "first review anchored and due before", eps: lookedAfter(t, "2011-01-04"), asOf: "2011-03-01"},
		{name: "first review anchored before, due after", eps: lookedAfter(t, "2011-03-21"), asOf: "2011-06-01"},
		{name: "second review anchored on a first review held before", eps: lookedAfter(t, "2011-03-01"),
			rec: Record{Reviews: held(t, "2011-03-25")}, asOf: "2011-07-01"},
		{name: "later review anchored after", eps: lookedAfter(t, "2011-03-01"),
			rec: Record{Reviews: held(t, "2011-03-25", "2011-06-20")}, asOf: "2012-01-01",
			want: []string{"REV-03 overdue episodes[0] due 2011-12-20"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Assess(tc.rec, child, tc.eps, d(t, tc.asOf), cal, Policy{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range rep {
				if r := f.Rule(); r == REV01 || r == REV02 || r == REV03 {
					got = append(got, statusRow(f))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("timetable findings mismatch (-want +got):\n%s", diff)
			}
			if len(rep.ForRule(REV04)) == 0 {
				t.Errorf("REV-04 (no in-force period) findings = none, want some")
			}
		})
	}
}

func TestAssessErrors(t *testing.T) {
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2020, 6, 15)}
	eps := lookedAfter(t, "2025-01-06")
	tests := []struct {
		name      string
		rec       Record
		eps       []care.Episode
		asOf      care.Date
		cal       *care.Calendar
		p         Policy
		wantErr   error
		wantPaths []string
	}{
		{name: "looser policy", eps: eps, asOf: d(t, "2025-02-01"), cal: cal, p: Policy{RecordDays: 30}, wantPaths: []string{"record_days"}},
		{name: "zero as-of date", eps: eps, cal: cal, wantErr: care.ErrInvalidDate},
		{name: "nil calendar", eps: eps, asOf: d(t, "2025-02-01"), wantErr: care.ErrOutsideCalendar},
		{name: "review before the child was looked after", eps: eps, asOf: d(t, "2025-02-01"), cal: cal,
			rec: Record{Reviews: held(t, "2025-01-03")}, wantPaths: []string{"reviews[0].held"}},
		{name: "invalid episodes and record together", eps: []care.Episode{{}}, asOf: d(t, "2025-02-01"), cal: cal,
			rec:       Record{Reviews: []Review{{}}},
			wantPaths: []string{"episodes[0].start", "episodes[0].reason_new", "episodes[0].legal_status", "episodes[0].placement_type", "reviews[0].held"}},
		// Record dates start in 2000 (care.EarliestRecordYear), where the
		// calendar starts, so only the end of the calendar can be reached.
		{name: "dates outside the calendar", eps: lookedAfter(t, "2036-01-07"), asOf: d(t, "2036-03-03"), cal: cal, wantErr: care.ErrOutsideCalendar},
		{name: "dates before the earliest record date (and the child's birth)", eps: lookedAfter(t, "1999-06-01"), asOf: d(t, "1999-07-01"), cal: cal,
			wantPaths: []string{"episodes[0].start", "episodes[0].start"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Assess(tc.rec, child, tc.eps, tc.asOf, tc.cal, tc.p)
			if err == nil {
				t.Fatalf("Assess() = %v, want an error", rep)
			}
			if rep != nil {
				t.Errorf("Assess() returned a report with its error")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("Assess() error = %v, want %v", err, tc.wantErr)
			}
			if tc.wantPaths != nil {
				if diff := cmp.Diff(tc.wantPaths, errPaths(t, err)); diff != "" {
					t.Errorf("Assess() error paths mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestAssessDeterministicAndFresh(t *testing.T) {
	cal := care.EnglandAndWales()
	rec := benchRecord(t)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(t, "2015-01-05")
	asOf := d(t, "2025-06-01")
	before := benchRecord(t)
	a, err := Assess(rec, child, eps, asOf, cal, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, rec, cmp.Comparer(care.Date.Equal)); diff != "" {
		t.Errorf("Assess() modified its record (-before +after):\n%s", diff)
	}
	b, err := Assess(rec, child, eps, asOf, cal, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(render(a), render(b)); diff != "" {
		t.Errorf("Assess() not deterministic (-first +second):\n%s", diff)
	}
	// Evidence is rendered afresh on each call: changing one finding's
	// does not touch the next rendering.
	for _, f := range a {
		if ev := f.Evidence(); len(ev) > 0 {
			ev[0].Label = "changed"
			if f.Evidence()[0].Label == "changed" {
				t.Fatalf("%v: Evidence() shares memory between calls", f)
			}
		}
	}
}

// TestAssessConcurrent runs Assess from several goroutines on shared
// inputs; under -race it shows the package keeps no shared mutable state.
func TestAssessConcurrent(t *testing.T) {
	cal := care.EnglandAndWales()
	rec := benchRecord(t)
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2008, 3, 1)}
	eps := lookedAfter(t, "2015-01-05")
	asOf := d(t, "2025-06-01")
	want, err := Assess(rec, child, eps, asOf, cal, Policy{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]care.Report, 4)
	for i := range got {
		wg.Go(func() {
			got[i], _ = Assess(rec, child, eps, asOf, cal, Policy{})
		})
	}
	wg.Wait()
	for i := range got {
		if diff := cmp.Diff(render(want), render(got[i])); diff != "" {
			t.Errorf("concurrent Assess() %d mismatch (-want +got):\n%s", i, diff)
		}
	}
}
