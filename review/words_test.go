package review

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// TestScheduleWords reads each review timescale against the words of its
// provision, quoted in the test's name, at the edges where counting
// conventions differ: whether the anchor day is counted, and months ending
// on a day the target month lacks. CPPCR 2010 reg 33 (REV-01 to REV-03)
// and reg 48(3)(d) (REV-09), as made and unamended.
func TestScheduleWords(t *testing.T) {
	shortBreak := func(start string) []care.Episode {
		return []care.Episode{ep(t, start, "", care.LegalStatusV3, care.ReasonNewEpisodeS)}
	}
	tests := []struct {
		name    string
		eps     []care.Episode
		reviews []Review
		asOf    string
		p       Policy
		want    []string
	}{
		{
			name: `reg 33(1) "within 20 working days of the date on which C becomes looked after": that date is day 0`,
			eps:  lookedAfter(t, "2026-03-02"), asOf: "2026-03-02",
			// Monday 2 March 2026: the 20th working day after it is Monday 30 March.
			want: []string{"REV-01 2026-03-30 upcoming anchor 2026-03-02"},
		},
		{
			name: `reg 33(1): counted as day 1 by policy, a Monday start gives the Friday before`,
			eps:  lookedAfter(t, "2026-03-02"), asOf: "2026-03-02", p: Policy{Counting: care.CountFromAnchorDay},
			want: []string{"REV-01 2026-03-27 upcoming anchor 2026-03-02"},
		},
		{
			name: `reg 33(1): a review on the 20th working day is within 20 working days`,
			eps:  lookedAfter(t, "2026-03-02"), reviews: held(t, "2026-03-30"), asOf: "2026-03-31",
			want: []string{"REV-01 2026-03-30 met anchor 2026-03-02 held 2026-03-30", "REV-02 2026-06-30 upcoming anchor 2026-03-30"},
		},
		{
			name: `reg 33(1): a review on the 21st working day is late`,
			eps:  lookedAfter(t, "2026-03-02"), reviews: held(t, "2026-03-31"), asOf: "2026-03-31",
			want: []string{"REV-01 2026-03-30 late anchor 2026-03-02 held 2026-03-31", "REV-02 2026-06-30 upcoming anchor 2026-03-31"},
		},
		{
			name: `reg 2(1) "working day": Christmas Day, Boxing Day and New Year's Day are not counted`,
			eps:  lookedAfter(t, "2025-12-19"), asOf: "2025-12-19",
			want: []string{"REV-01 2026-01-21 upcoming anchor 2025-12-19"},
		},
		{
			name: `reg 33(2) "not more than three months after the first": the corresponding date`,
			eps:  lookedAfter(t, "2025-05-06"), reviews: held(t, "2025-05-31"), asOf: "2025-06-01",
			want: []string{"REV-01 2025-06-04 met anchor 2025-05-06 held 2025-05-31", "REV-02 2025-08-31 upcoming anchor 2025-05-31"},
		},
		{
			name: `reg 33(2) "three months after the first": 30 November gives 29 February in a leap year`,
			eps:  lookedAfter(t, "2027-11-01"), reviews: held(t, "2027-11-30"), asOf: "2027-12-01",
			want: []string{"REV-01 2027-11-29 late anchor 2027-11-01 held 2027-11-30", "REV-02 2028-02-29 upcoming anchor 2027-11-30"},
		},
		{
			name: `reg 33(2) "at intervals of not more than six months": 31 August gives the last day of February`,
			eps:  lookedAfter(t, "2025-04-01"), reviews: held(t, "2025-04-28", "2025-07-28", "2025-08-31"), asOf: "2025-09-01",
			want: []string{
				"REV-01 2025-05-01 met anchor 2025-04-01 held 2025-04-28",
				"REV-02 2025-07-28 met anchor 2025-04-28 held 2025-07-28",
				"REV-03 2026-01-28 met anchor 2025-07-28 held 2025-08-31",
				"REV-03 2026-02-28 upcoming anchor 2025-08-31",
			},
		},
		{
			name: `reg 33(2) "intervals": each interval runs from the review held, so 28 February gives 28 August, not 31 August`,
			eps:  lookedAfter(t, "2025-04-01"), reviews: held(t, "2025-04-28", "2025-07-28", "2025-08-31", "2026-02-28"), asOf: "2026-03-01",
			want: []string{
				"REV-01 2025-05-01 met anchor 2025-04-01 held 2025-04-28",
				"REV-02 2025-07-28 met anchor 2025-04-28 held 2025-07-28",
				"REV-03 2026-01-28 met anchor 2025-07-28 held 2025-08-31",
				"REV-03 2026-02-28 met anchor 2025-08-31 held 2026-02-28",
				"REV-03 2026-08-28 upcoming anchor 2026-02-28",
			},
		},
		{
			name: `reg 48(3)(d)(i) "within three months of the start of the first placement": 30 November gives the last day of February`,
			eps:  shortBreak("2025-11-30"), asOf: "2025-12-01",
			want: []string{"REV-09 2026-02-28 upcoming anchor 2025-11-30"},
		},
		{
			name: `reg 48(3)(d)(ii) "the second and subsequent reviews ... at intervals of not more than six months"`,
			eps:  shortBreak("2025-11-30"), reviews: held(t, "2026-02-28"), asOf: "2026-03-01",
			want: []string{"REV-09 2026-02-28 met anchor 2025-11-30 held 2026-02-28", "REV-09 2026-08-28 upcoming anchor 2026-02-28"},
		},
	}
	cal := care.EnglandAndWales()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ds, err := Schedule(tc.eps, tc.reviews, d(t, tc.asOf), cal, tc.p)
			if err != nil {
				t.Fatalf("Schedule: %v", err)
			}
			var got []string
			for _, x := range ds {
				got = append(got, dueRow(x))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Schedule mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMeetingWords reads the working-day timescales that follow a review
// against their words: reg 36(2) (REV-10, statutory) and the local
// standards REV-04 and REV-07, which count as the statutory ones do.
func TestMeetingWords(t *testing.T) {
	cal := care.EnglandAndWales()
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 6, 15)}
	rv := func(held string) Review {
		return Review{Held: d(t, held), Participation: care.ParticipationPN1, ViewsRecorded: true}
	}
	adjourned := func(held, back string) Review {
		r := rv(held)
		r.Adjourned, r.Reconvened = d(t, held), d(t, back)
		return r
	}
	tests := []struct {
		name string
		eps  []care.Episode
		rec  Record
		asOf string
		rule care.RuleID
		want []string
	}{
		{
			name: `reg 36(2) "adjourn the review meeting once for not more than 20 working days": completed on the 20th working day after, across Christmas`,
			eps:  lookedAfter(t, "2025-11-21"),
			rec:  Record{Reviews: []Review{adjourned("2025-12-19", "2026-01-21")}}, asOf: "2026-01-22", rule: REV10,
			want: []string{"REV-10 met reviews[0] due 2026-01-21 done 2026-01-21: completion of the adjourned review on 21 January 2026, on time; due 21 January 2026, 20 working days after the adjournment on 19 December 2025"},
		},
		{
			name: `reg 36(2): completed on the 21st working day, it was adjourned for more than 20`,
			eps:  lookedAfter(t, "2025-11-21"),
			rec:  Record{Reviews: []Review{adjourned("2025-12-19", "2026-01-22")}}, asOf: "2026-01-23", rule: REV10,
			want: []string{"REV-10 late reviews[0] due 2026-01-21 done 2026-01-22: completion of the adjourned review on 22 January 2026, 1 day late; due 21 January 2026, 20 working days after the adjournment on 19 December 2025"},
		},
		{
			name: `REV-07 local "within 5 working days" of the review: the review day is day 0`,
			eps:  lookedAfter(t, "2025-11-21"),
			rec:  Record{Reviews: []Review{rv("2025-12-19")}}, asOf: "2025-12-19", rule: REV07,
			want: []string{
				"REV-07 upcoming reviews[0] due 2025-12-30: decisions circulated due 30 December 2025, 5 working days after the review on 19 December 2025",
				"REV-07 upcoming reviews[0] due 2026-01-21: review record completed due 21 January 2026, 20 working days after the review on 19 December 2025",
			},
		},
		{
			name: `REV-04 local "within 5 working days" of becoming looked after: that day is day 0`,
			eps:  lookedAfter(t, "2025-12-19"), asOf: "2025-12-19", rule: REV04,
			want: []string{"REV-04 upcoming episodes[0] due 2025-12-30: IRO appointed due 30 December 2025, 5 working days after becoming looked after on 19 December 2025"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Assess(tc.rec, child, tc.eps, d(t, tc.asOf), cal, Policy{})
			if err != nil {
				t.Fatalf("Assess: %v", err)
			}
			if diff := cmp.Diff(tc.want, rows(rep, tc.rule)); diff != "" {
				t.Errorf("Assess %s mismatch (-want +got):\n%s", tc.rule, diff)
			}
		})
	}
}
