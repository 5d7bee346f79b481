package review

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

func TestSchedule(t *testing.T) {
	cal := care.EnglandAndWales()
	// x1 marks an episode that ended with another starting the same day.
	x1 := func(e care.Episode) care.Episode { e.ReasonCeased = care.ReasonEpisodeCeasedX1; return e }
	tests := []struct {
		name    string
		eps     []care.Episode
		reviews []Review
		asOf    string
		p       Policy
		want    []string
	}{
		{
			name: "became looked after the day before Good Friday",
			eps:  lookedAfter(t, "2026-04-02"),
			asOf: "2026-04-10",
			// Good Friday 3 April, Easter Monday 6 April and the early May
			// bank holiday 4 May are skipped.
			want: []string{"REV-01 2026-05-05 upcoming anchor 2026-04-02"},
		},
		{
			name: "became looked after on Christmas Eve",
			eps:  lookedAfter(t, "2025-12-24"),
			asOf: "2026-01-05",
			want: []string{"REV-01 2026-01-26 upcoming anchor 2025-12-24"},
		},
		{
			name: "became looked after on a Saturday",
			eps:  lookedAfter(t, "2025-03-01"),
			asOf: "2025-03-01",
			want: []string{"REV-01 2025-03-28 upcoming anchor 2025-03-01"},
		},
		{
			name: "Saturday start: both counting conventions agree",
			eps:  lookedAfter(t, "2025-03-01"),
			asOf: "2025-03-01",
			p:    Policy{Counting: care.CountFromAnchorDay},
			want: []string{"REV-01 2025-03-28 upcoming anchor 2025-03-01"},
		},
		{
			name: "weekday start counted as day 1",
			eps:  lookedAfter(t, "2025-03-03"),
			asOf: "2025-03-03",
			p:    Policy{Counting: care.CountFromAnchorDay},
			want: []string{"REV-01 2025-03-28 upcoming anchor 2025-03-03"},
		},
		{
			name: "weekday start counted from the next day",
			eps:  lookedAfter(t, "2025-03-03"),
			asOf: "2025-03-03",
			want: []string{"REV-01 2025-03-31 upcoming anchor 2025-03-03"},
		},
		{
			name: "stricter policy: first review within 15 working days",
			eps:  lookedAfter(t, "2025-03-03"),
			asOf: "2025-03-03",
			p:    Policy{FirstReviewDays: 15},
			want: []string{"REV-01 2025-03-24 upcoming anchor 2025-03-03"},
		},
		{
			name:    "first review held on its due date",
			eps:     lookedAfter(t, "2025-03-01"),
			reviews: held(t, "2025-03-28"),
			asOf:    "2025-04-01",
			want: []string{
				"REV-01 2025-03-28 met anchor 2025-03-01 held 2025-03-28",
				"REV-02 2025-06-28 upcoming anchor 2025-03-28",
			},
		},
		{
			name:    "first review late: the second runs from the day it was held",
			eps:     lookedAfter(t, "2025-03-01"),
			reviews: held(t, "2025-04-02"),
			asOf:    "2025-04-02",
			want: []string{
				"REV-01 2025-03-28 late anchor 2025-03-01 held 2025-04-02",
				"REV-02 2025-07-02 upcoming anchor 2025-04-02",
			},
		},
		{
			name: "first review overdue",
			eps:  lookedAfter(t, "2025-03-01"),
			asOf: "2025-03-29",
			want: []string{"REV-01 2025-03-28 overdue anchor 2025-03-01"},
		},
		{
			name:    "first review on 28 February: second on 28 May, not 31 May",
			eps:     lookedAfter(t, "2025-02-01"),
			reviews: held(t, "2025-02-28"),
			asOf:    "2025-03-01",
			want: []string{
				"REV-01 2025-02-28 met anchor 2025-02-01 held 2025-02-28",
				"REV-02 2025-05-28 upcoming anchor 2025-02-28",
			},
		},
		{
			name:    "first review on 30 November: second on 28 February",
			eps:     lookedAfter(t, "2025-11-03"),
			reviews: held(t, "2025-11-30"),
			asOf:    "2025-12-01",
			want: []string{
				"REV-01 2025-12-01 met anchor 2025-11-03 held 2025-11-30",
				"REV-02 2026-02-28 upcoming anchor 2025-11-30",
			},
		},
		{
			name:    "review on 31 August: next on 28 February",
			eps:     lookedAfter(t, "2025-04-01"),
			reviews: held(t, "2025-04-28", "2025-07-28", "2025-08-31"),
			asOf:    "2025-09-01",
			want: []string{
				"REV-01 2025-05-01 met anchor 2025-04-01 held 2025-04-28",
				"REV-02 2025-07-28 met anchor 2025-04-28 held 2025-07-28",
				"REV-03 2026-01-28 met anchor 2025-07-28 held 2025-08-31",
				"REV-03 2026-02-28 upcoming anchor 2025-08-31",
			},
		},
		{
			name:    "review on 31 August before a leap year: next on 29 February",
			eps:     lookedAfter(t, "2023-04-03"),
			reviews: held(t, "2023-04-28", "2023-07-28", "2023-08-31"),
			asOf:    "2023-09-01",
			want: []string{
				"REV-01 2023-05-04 met anchor 2023-04-03 held 2023-04-28",
				"REV-02 2023-07-28 met anchor 2023-04-28 held 2023-07-28",
				"REV-03 2024-01-28 met anchor 2023-07-28 held 2023-08-31",
				"REV-03 2024-02-29 upcoming anchor 2023-08-31",
			},
		},
		{
			name: "early review at the IRO's request restarts the interval",
			eps:  lookedAfter(t, "2025-01-06"),
			reviews: func() []Review {
				rs := held(t, "2025-01-30", "2025-04-25", "2025-06-02")
				rs[2].EarlyReason = EarlyReasonIRORequest
				return rs
			}(),
			asOf: "2025-06-02",
			want: []string{
				"REV-01 2025-02-03 met anchor 2025-01-06 held 2025-01-30",
				"REV-02 2025-04-30 met anchor 2025-01-30 held 2025-04-25",
				"REV-03 2025-10-25 met anchor 2025-04-25 held 2025-06-02",
				"REV-03 2025-12-02 upcoming anchor 2025-06-02",
			},
		},
		{
			name:    "early review before the first counts as the first",
			eps:     lookedAfter(t, "2025-01-06"),
			reviews: held(t, "2025-01-10"),
			asOf:    "2025-01-10",
			want: []string{
				"REV-01 2025-02-03 met anchor 2025-01-06 held 2025-01-10",
				"REV-02 2025-04-10 upcoming anchor 2025-01-10",
			},
		},
		{
			name:    "review held on the day the child became looked after",
			eps:     lookedAfter(t, "2025-01-06"),
			reviews: held(t, "2025-01-06"),
			asOf:    "2025-01-06",
			want: []string{
				"REV-01 2025-02-03 met anchor 2025-01-06 held 2025-01-06",
				"REV-02 2025-04-06 upcoming anchor 2025-01-06",
			},
		},
		{
			name: "child leaves care and returns: a new period starts the timetable again",
			eps: []care.Episode{
				ep(t, "2024-01-08", "2024-06-03", care.LegalStatusV2, care.ReasonNewEpisodeS),
				ep(t, "2025-01-06", "", care.LegalStatusC1, care.ReasonNewEpisodeS),
			},
			reviews: held(t, "2024-02-01", "2024-05-01", "2025-01-20"),
			asOf:    "2025-02-01",
			want: []string{
				"REV-01 2024-02-05 met anchor 2024-01-08 held 2024-02-01",
				"REV-02 2024-05-01 met anchor 2024-02-01 held 2024-05-01",
				"REV-01 2025-02-03 met anchor 2025-01-06 held 2025-01-20",
				"REV-02 2025-04-20 upcoming anchor 2025-01-20",
			},
		},
		{
			name: "child leaves care before the first review is due: nothing owed",
			eps: []care.Episode{
				ep(t, "2025-01-06", "2025-01-20", care.LegalStatusV2, care.ReasonNewEpisodeS),
			},
			asOf: "2025-03-01",
			want: nil,
		},
		{
			name: "child leaves care on the day the first review is due: nothing owed",
			eps: []care.Episode{
				ep(t, "2025-01-06", "2025-02-03", care.LegalStatusV2, care.ReasonNewEpisodeS),
			},
			asOf: "2025-03-01",
			want: nil,
		},
		{
			name: "child leaves care after missing the first review: missed",
			eps: []care.Episode{
				ep(t, "2025-01-06", "2025-03-01", care.LegalStatusV2, care.ReasonNewEpisodeS),
			},
			asOf: "2025-04-01",
			want: []string{"REV-01 2025-02-03 missed anchor 2025-01-06 closed 2025-03-01"},
		},
		{
			name: "child due to leave care after the as-of date: still overdue",
			eps: []care.Episode{
				ep(t, "2025-01-06", "2025-03-01", care.LegalStatusV2, care.ReasonNewEpisodeS),
			},
			asOf: "2025-02-10",
			want: []string{"REV-01 2025-02-03 overdue anchor 2025-01-06"},
		},
		{
			name: "a change of legal status within a period does not restart the timetable",
			eps: []care.Episode{
				x1(ep(t, "2025-01-06", "2025-02-10", care.LegalStatusC1, care.ReasonNewEpisodeS)),
				ep(t, "2025-02-10", "", care.LegalStatusC2, care.ReasonNewEpisodeL),
			},
			reviews: held(t, "2025-01-31"),
			asOf:    "2025-03-01",
			want: []string{
				"REV-01 2025-02-03 met anchor 2025-01-06 held 2025-01-31",
				"REV-02 2025-04-30 upcoming anchor 2025-01-31",
			},
		},
		{
			name: "short breaks: first review within 3 months of the first stay, then 6-monthly",
			eps: []care.Episode{
				ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS),
				ep(t, "2025-02-14", "2025-02-16", care.LegalStatusV3, care.ReasonNewEpisodeS),
				ep(t, "2025-04-11", "2025-04-13", care.LegalStatusV3, care.ReasonNewEpisodeS),
			},
			reviews: held(t, "2025-03-20"),
			asOf:    "2025-05-01",
			want: []string{
				"REV-09 2025-04-10 met anchor 2025-01-10 held 2025-03-20",
				"REV-09 2025-09-20 upcoming anchor 2025-03-20",
			},
		},
		{
			name: "short breaks lapse: a stay after the lapse starts a new series",
			eps: []care.Episode{
				ep(t, "2024-01-12", "2024-01-14", care.LegalStatusV4, care.ReasonNewEpisodeS),
				ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV4, care.ReasonNewEpisodeS),
			},
			reviews: held(t, "2024-03-01"),
			asOf:    "2025-02-01",
			want: []string{
				"REV-09 2024-04-12 met anchor 2024-01-12 held 2024-03-01",
				"REV-09 2025-04-10 upcoming anchor 2025-01-10",
			},
		},
		{
			name: "short-break child comes into care: the regular timetable starts",
			eps: []care.Episode{
				x1(ep(t, "2025-01-10", "2025-01-15", care.LegalStatusV3, care.ReasonNewEpisodeS)),
				ep(t, "2025-01-15", "", care.LegalStatusC1, care.ReasonNewEpisodeL),
			},
			asOf: "2025-01-20",
			want: []string{"REV-01 2025-02-12 upcoming anchor 2025-01-15"},
		},
		{
			name:    "reviews after the as-of date are not yet held",
			eps:     lookedAfter(t, "2025-03-01"),
			reviews: held(t, "2025-03-20"),
			asOf:    "2025-03-10",
			want:    []string{"REV-01 2025-03-28 upcoming anchor 2025-03-01"},
		},
		{
			name: "period starting after the as-of date is left out",
			eps:  lookedAfter(t, "2025-03-01"),
			asOf: "2025-02-01",
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Schedule(tc.eps, tc.reviews, d(t, tc.asOf), cal, tc.p)
			if err != nil {
				t.Fatalf("Schedule() error: %v", err)
			}
			var rows []string
			for _, x := range got {
				rows = append(rows, dueRow(x))
			}
			if diff := cmp.Diff(tc.want, rows); diff != "" {
				t.Errorf("Schedule() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScheduleErrors(t *testing.T) {
	cal := care.EnglandAndWales()
	eps := lookedAfter(t, "2025-03-03")
	tests := []struct {
		name    string
		eps     []care.Episode
		reviews []Review
		asOf    care.Date
		cal     *care.Calendar
		p       Policy
		want    error
	}{
		{name: "nil calendar", eps: eps, asOf: d(t, "2025-04-01"), want: care.ErrOutsideCalendar},
		{name: "zero calendar", eps: eps, asOf: d(t, "2025-04-01"), cal: &care.Calendar{}, want: care.ErrOutsideCalendar},
		{name: "zero as-of date", eps: eps, cal: cal, want: care.ErrInvalidDate},
		{name: "review with no date", eps: eps, reviews: []Review{{}}, asOf: d(t, "2025-04-01"), cal: cal, want: care.ErrRequired},
		{name: "reviews out of order", eps: eps, reviews: held(t, "2025-03-20", "2025-03-10"), asOf: d(t, "2025-04-01"), cal: cal, want: care.ErrOutOfOrder},
		{name: "looser policy", eps: eps, asOf: d(t, "2025-04-01"), cal: cal, p: Policy{LaterReviewMonths: 7}},
		{name: "outside the calendar", eps: lookedAfter(t, "1995-03-01"), asOf: d(t, "1995-04-01"), cal: cal, want: care.ErrOutsideCalendar},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Schedule(tc.eps, tc.reviews, tc.asOf, tc.cal, tc.p)
			if err == nil {
				t.Fatalf("Schedule() = %v, want an error", got)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Schedule() error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestNextDue(t *testing.T) {
	cal := care.EnglandAndWales()
	tests := []struct {
		name    string
		eps     []care.Episode
		reviews []Review
		asOf    string
		want    string
		wantOK  bool
	}{
		{name: "first review upcoming", eps: lookedAfter(t, "2025-03-01"), asOf: "2025-03-10",
			want: "REV-01 due 2025-03-28: 20 working days after becoming looked after on 2025-03-01", wantOK: true},
		{name: "second review after the first", eps: lookedAfter(t, "2025-03-01"), reviews: held(t, "2025-03-20"), asOf: "2025-03-21",
			want: "REV-02 due 2025-06-20: 3 months after the first review on 2025-03-20", wantOK: true},
		{name: "first review overdue is still next", eps: lookedAfter(t, "2025-03-01"), asOf: "2025-05-01",
			want: "REV-01 due 2025-03-28: 20 working days after becoming looked after on 2025-03-01", wantOK: true},
		{name: "child has left care", eps: []care.Episode{ep(t, "2025-01-06", "2025-03-01", care.LegalStatusV2, care.ReasonNewEpisodeS)},
			reviews: held(t, "2025-01-30"), asOf: "2025-03-02"},
		{name: "not yet looked after", eps: lookedAfter(t, "2025-03-01"), asOf: "2025-02-01"},
		{name: "on the day of leaving care", eps: []care.Episode{ep(t, "2025-01-06", "2025-03-01", care.LegalStatusV2, care.ReasonNewEpisodeS)},
			reviews: held(t, "2025-01-30"), asOf: "2025-03-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := NextDue(tc.eps, tc.reviews, d(t, tc.asOf), cal, Policy{})
			if err != nil {
				t.Fatalf("NextDue() error: %v", err)
			}
			if ok != tc.wantOK || (ok && got.String() != tc.want) {
				t.Errorf("NextDue(%s) = %v, %v, want %v, %v", tc.asOf, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestMilestones(t *testing.T) {
	cal := care.EnglandAndWales()
	tests := []struct {
		name              string
		eps               []care.Episode
		reviews           []Review
		asOf              string
		wantFirst, wantSn string
	}{
		{name: "first not held: second projected from the first's due date", eps: lookedAfter(t, "2025-03-01"), asOf: "2025-03-10",
			wantFirst: "2025-03-28", wantSn: "2025-06-28"},
		{name: "first held early", eps: lookedAfter(t, "2025-03-01"), reviews: held(t, "2025-03-14"), asOf: "2025-03-20",
			wantFirst: "2025-03-28", wantSn: "2025-06-14"},
		{name: "first held after the as-of date is not yet held", eps: lookedAfter(t, "2025-03-01"), reviews: held(t, "2025-03-14"), asOf: "2025-03-10",
			wantFirst: "2025-03-28", wantSn: "2025-06-28"},
		{name: "current period after a return to care", eps: []care.Episode{
			ep(t, "2024-01-08", "2024-06-03", care.LegalStatusV2, care.ReasonNewEpisodeS),
			ep(t, "2025-01-06", "", care.LegalStatusC1, care.ReasonNewEpisodeS),
		}, reviews: held(t, "2024-02-01", "2025-01-31"), asOf: "2025-02-10", wantFirst: "2025-02-03", wantSn: "2025-04-30"},
		{name: "short breaks", eps: []care.Episode{ep(t, "2025-01-10", "2025-01-12", care.LegalStatusV3, care.ReasonNewEpisodeS)},
			reviews: held(t, "2025-03-20"), asOf: "2025-04-01", wantFirst: "2025-04-10", wantSn: "2025-09-20"},
		{name: "never looked after", asOf: "2025-04-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, second, err := Milestones(tc.eps, tc.reviews, d(t, tc.asOf), cal, Policy{})
			if err != nil {
				t.Fatalf("Milestones() error: %v", err)
			}
			if first.String() != tc.wantFirst || second.String() != tc.wantSn {
				t.Errorf("Milestones(%s) = %v, %v, want %s, %s", tc.asOf, first, second, tc.wantFirst, tc.wantSn)
			}
		})
	}
}

func TestScheduleDoesNotModifyInputs(t *testing.T) {
	eps := lookedAfter(t, "2025-03-01")
	reviews := held(t, "2025-03-20", "2025-06-01")
	wantEps := append([]care.Episode(nil), eps...)
	wantReviews := append([]Review(nil), reviews...)
	if _, err := Schedule(eps, reviews, d(t, "2025-07-01"), care.EnglandAndWales(), Policy{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantEps, eps, cmp.Comparer(care.Date.Equal)); diff != "" {
		t.Errorf("episodes modified (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantReviews, reviews, cmp.Comparer(care.Date.Equal)); diff != "" {
		t.Errorf("reviews modified (-want +got):\n%s", diff)
	}
}
