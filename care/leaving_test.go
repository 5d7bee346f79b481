package care

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCareLeaverStatus(t *testing.T) {
	const (
		C2 = LegalStatusC2
		V2 = LegalStatusV2
	)
	// Born 15 June 2008: 14 on 15 June 2022, 16 on 15 June 2024, 18 on 15
	// June 2026, 21 on 15 June 2029.
	child := Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")}
	tests := []struct {
		name string
		c    Child
		eps  []Episode
		asOf string
		want LeaverStatus
	}{
		{
			name: "13 weeks reached the day after the 16th birthday",
			c:    child,
			eps:  []Episode{sgEp("2024-03-18", ReasonNewEpisodeS, V2, PlacementTypeU6, "", 0)},
			asOf: "2024-07-01",
			want: LeaverStatus{Category: LeaverCategoryEligible, EligibleFrom: sgD("2024-06-16"), DaysSince14: 106},
		},
		{
			name: "on the 16th birthday, one day short of 13 weeks",
			c:    child,
			eps:  []Episode{sgEp("2024-03-18", ReasonNewEpisodeS, V2, PlacementTypeU6, "", 0)},
			asOf: "2024-06-15",
			want: LeaverStatus{DaysSince14: 90},
		},
		{
			name: "13 weeks reached before 16: eligible on the birthday",
			c:    child,
			eps:  []Episode{sgEp("2021-01-04", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			asOf: "2024-06-15",
			want: LeaverStatus{Category: LeaverCategoryEligible, EligibleFrom: sgD("2024-06-15"), DaysSince14: 732},
		},
		{
			name: "a break in care between 14 and 16: periods add up",
			c:    child,
			eps: []Episode{
				sgEp("2022-09-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "2022-10-01", ReasonEpisodeCeasedE4A),
				sgEp("2024-05-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "", 0),
			},
			asOf: "2024-07-31",
			want: LeaverStatus{Category: LeaverCategoryEligible, EligibleFrom: sgD("2024-06-30"), DaysSince14: 122},
		},
		{
			name: "relevant after leaving care at 16",
			c:    child,
			eps:  []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, C2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)},
			asOf: "2025-03-01",
			want: LeaverStatus{Category: LeaverCategoryRelevant, EligibleFrom: sgD("2024-06-15"), LeftCare: sgD("2025-01-10"), DaysSince14: 940},
		},
		{
			name: "returned home: still relevant the day before 6 months",
			c:    child,
			eps:  []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-09-01", ReasonEpisodeCeasedE4A)},
			asOf: "2025-02-28",
			want: LeaverStatus{Category: LeaverCategoryRelevant, EligibleFrom: sgD("2024-06-15"), LeftCare: sgD("2024-09-01"), DaysSince14: 809},
		},
		{
			name: "returned home for 6 months: qualifying",
			c:    child,
			eps:  []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-09-01", ReasonEpisodeCeasedE4A)},
			asOf: "2025-03-01",
			want: LeaverStatus{Category: LeaverCategoryQualifying, EligibleFrom: sgD("2024-06-15"), LeftCare: sgD("2024-09-01"), DaysSince14: 809},
		},
		{
			name: "former relevant at 18",
			c:    child,
			eps:  []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, C2, PlacementTypeU6, "2026-06-15", ReasonEpisodeCeasedE17)},
			asOf: "2026-07-01",
			want: LeaverStatus{Category: LeaverCategoryFormerRelevant, EligibleFrom: sgD("2024-06-15"), LeftCare: sgD("2026-06-15"), DaysSince14: 1461},
		},
		{
			name: "qualifying: looked after after 16 for less than 13 weeks",
			c:    child,
			eps:  []Episode{sgEp("2024-07-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "2024-08-01", ReasonEpisodeCeasedE4B)},
			asOf: "2024-12-01",
			want: LeaverStatus{Category: LeaverCategoryQualifying, LeftCare: sgD("2024-08-01"), DaysSince14: 31},
		},
		{
			name: "qualifying ends at 21",
			c:    child,
			eps:  []Episode{sgEp("2024-07-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "2024-08-01", ReasonEpisodeCeasedE4B)},
			asOf: "2029-06-15",
			want: LeaverStatus{LeftCare: sgD("2024-08-01"), DaysSince14: 31},
		},
		{
			name: "short breaks never count",
			c:    child,
			eps: []Episode{
				sgEp("2024-01-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "2024-12-01", ReasonEpisodeCeasedE4A),
				sgEp("2024-12-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "", 0),
			},
			asOf: "2025-01-01",
		},
		{
			name: "born on 29 February: 16th birthday in a leap year",
			c:    Child{ID: "C0005", DateOfBirth: sgD("2008-02-29")},
			eps:  []Episode{sgEp("2023-01-02", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			asOf: "2024-02-29",
			want: LeaverStatus{Category: LeaverCategoryEligible, EligibleFrom: sgD("2024-02-29"), DaysSince14: 424},
		},
		{
			name: "under 16",
			c:    child,
			eps:  []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			asOf: "2024-06-14",
			want: LeaverStatus{DaysSince14: 731},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CareLeaverStatus(tc.c, tc.eps, sgD(tc.asOf))
			if err != nil {
				t.Fatalf("CareLeaverStatus() error: %v", err)
			}
			tc.want.AsOf = sgD(tc.asOf)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("CareLeaverStatus() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCareLeaverStatusErrors(t *testing.T) {
	tests := []struct {
		name string
		c    Child
		asOf string
		want error
	}{
		{"no date of birth", Child{ID: "C0006"}, "2025-01-01", ErrRequired},
		{"zero as-of date", Child{ID: "C0006", DateOfBirth: sgD("2008-06-15")}, "", ErrInvalidDate},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CareLeaverStatus(tc.c, nil, sgD(tc.asOf))
			if !errors.Is(err, tc.want) {
				t.Errorf("CareLeaverStatus() error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestLEAVDuties(t *testing.T) {
	child := Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")}
	eps := []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)}
	full := LeavingCare{
		NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-10")}},
		PathwayPlans:     []PathwayPlan{{Prepared: sgD("2024-10-01")}},
		PathwayReviews:   []PathwayReview{{Date: sgD("2025-03-20")}},
		Advisers:         []PersonalAdviser{{Adviser: "PA01", Appointed: sgD("2024-08-01")}},
		AdviserVisits:    []AdviserVisit{{Date: sgD("2025-01-15")}, {Date: sgD("2025-03-18")}},
		Accommodation:    []Period{{Start: sgD("2025-01-10")}},
	}
	tests := []struct {
		name string
		lc   LeavingCare
		asOf string
		want []sgRow
	}{
		{
			name: "full record, relevant child",
			lc:   full,
			asOf: "2025-10-01",
			want: []sgRow{
				{LEAV01, "child", Met, "2024-09-15", "2024-09-10"},
				{LEAV02, "child", Late, "2024-09-15", "2024-10-01"},
				{LEAV02, "child", Met, "2024-09-15", "2024-08-01"},
				{LEAV02, "leaving_care.pathway_plans[0]", Met, "2025-04-01", "2025-03-20"},
				// The review of 20 March 2025 was held in the accommodation
				// first provided on 10 January, after its first 28 days:
				// the next is due within 3 months (reg 7(3)).
				{LEAV02, "leaving_care.pathway_plans[0]", Overdue, "2025-06-20", ""},
				{LEAV03, "leaving_care.accommodation[0]", Met, "2025-01-17", "2025-01-15"},
				{LEAV03, "leaving_care.accommodation[0]", Late, "2025-03-15", "2025-03-18"},
				{LEAV03, "leaving_care.accommodation[0]", Overdue, "2025-05-18", ""},
				{LEAV03, "leaving_care.pathway_reviews[0]", Met, "2025-03-20", "2025-03-18"},
			},
		},
		{
			name: "nothing recorded, as of the assessment's due day",
			asOf: "2024-09-15",
			want: []sgRow{
				{LEAV01, "child", Upcoming, "2024-09-15", ""},
				{LEAV02, "child", Upcoming, "2024-09-15", ""},
				{LEAV02, "child", Upcoming, "2024-09-15", ""},
			},
		},
		{
			// The eligible child's assessment was not made before the
			// child left care with no pathway plan: it is missed, and the
			// relevant child's assessment (LEAV-03) takes its place; the
			// assessment made after leaving care meets LEAV-03 only.
			name: "relevant child with no pathway plan: assessment within 3 months of leaving",
			lc:   LeavingCare{NeedsAssessments: []NeedsAssessment{{Completed: sgD("2025-04-11")}}},
			asOf: "2025-05-01",
			want: []sgRow{
				{LEAV01, "child", Missed, "2024-09-15", ""},
				{LEAV02, "child", Overdue, "2024-09-15", ""},
				{LEAV02, "child", Overdue, "2024-09-15", ""},
				{LEAV03, "child", Late, "2025-04-10", "2025-04-11"},
			},
		},
		{
			name: "adviser left and none replaced",
			lc: LeavingCare{
				NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-10")}},
				PathwayPlans:     []PathwayPlan{{Prepared: sgD("2024-09-10")}},
				Advisers:         []PersonalAdviser{{Adviser: "PA01", Appointed: sgD("2024-08-01"), Ended: sgD("2024-12-31")}},
			},
			asOf: "2025-01-31",
			want: []sgRow{
				{LEAV01, "child", Met, "2024-09-15", "2024-09-10"},
				{LEAV02, "child", Met, "2024-09-15", "2024-09-10"},
				{LEAV02, "child", Met, "2024-09-15", "2024-08-01"},
				{LEAV02, "child", Breach, "", ""},
				{LEAV02, "leaving_care.pathway_plans[0]", Upcoming, "2025-03-10", ""},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: child, Episodes: eps, SafeguardingRecords: SafeguardingRecords{LeavingCare: tc.lc,
				CeasingApprovals: []CeasingApproval{{Ceased: sgD("2025-01-10"), Approver: ApproverNominatedOfficer, Approved: sgD("2025-01-06"), IROConsulted: true}}}}
			got := sgRows(sgAssess(t, r, tc.asOf, Policy{}), LEAV01, LEAV02, LEAV03)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("LEAV findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLEAV01Window checks that an eligible child's needs assessment closes
// when the child leaves care with no pathway plan (the relevant child's
// assessment, LEAV-03, takes its place). Born 15 June 2008, eligible on
// the 16th birthday: the assessment is due on 15 September 2024.
func TestLEAV01Window(t *testing.T) {
	child := Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")}
	tests := []struct {
		name       string
		left       string
		plan       string
		want       []sgRow
		wantClosed string
	}{
		{
			name: "left care the day before the due day: not owed, LEAV-03 owed", left: "2024-09-14",
			want: []sgRow{{LEAV03, "child", Overdue, "2024-12-14", ""}},
		},
		{
			name: "left care on the due day: not owed, LEAV-03 owed", left: "2024-09-15",
			want: []sgRow{{LEAV03, "child", Overdue, "2024-12-15", ""}},
		},
		{
			name: "left care the day after the due day: missed", left: "2024-09-16",
			want: []sgRow{
				{LEAV01, "child", Missed, "2024-09-15", ""},
				{LEAV03, "child", Overdue, "2024-12-16", ""},
			},
			wantClosed: "no needs assessment by 15 September 2024 (3 months after the 16th birthday); " + // never its date
				"closed when the young person left care with no pathway plan (the relevant child's assessment took its place) on 16 September 2024",
		},
		{
			name: "left care with a pathway plan: still owed", left: "2024-09-16", plan: "2024-09-01",
			want: []sgRow{{LEAV01, "child", Overdue, "2024-09-15", ""}},
		},
		{
			name: "still looked after: overdue",
			want: []sgRow{{LEAV01, "child", Overdue, "2024-09-15", ""}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := ReasonEpisodeCeasedE5
			if tc.left == "" {
				rec = ReasonEpisodeCeasedUnknown
			}
			r := Record{Child: child, Episodes: []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, tc.left, rec)}}
			if tc.plan != "" {
				r.LeavingCare.PathwayPlans = []PathwayPlan{{Prepared: sgD(tc.plan)}}
			}
			rep := sgAssess(t, r, "2025-03-01", Policy{})
			if diff := cmp.Diff(tc.want, sgRows(rep, LEAV01, LEAV03)); diff != "" {
				t.Errorf("LEAV-01/03 findings mismatch (-want +got):\n%s", diff)
			}
			for _, f := range rep.ForRule(LEAV01).WithStatus(Missed) {
				if f.Message() != tc.wantClosed {
					t.Errorf("Message() =\n%s\nwant\n%s", f.Message(), tc.wantClosed)
				}
			}
		})
	}
}

// TestLEAV02DutiesEnd checks that leaving-care duties stay live after the
// child leaves care and close at the 21st birthday (15 June 2029), or the
// 25th where support to 25 is recorded.
func TestLEAV02DutiesEnd(t *testing.T) {
	child := Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")}
	eps := []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2026-06-15", ReasonEpisodeCeasedE17)}
	// reviews returns pathway plan reviews every 6 months from first to last.
	reviews := func(first, last string) []PathwayReview {
		var out []PathwayReview
		for d := sgD(first); !d.After(sgD(last)); d = d.AddMonths(6) {
			out = append(out, PathwayReview{Date: d})
		}
		return out
	}
	tests := []struct {
		name    string
		reviews []PathwayReview
		to25    bool
		want    *sgRow // the last LEAV-02 finding, nil for none after the reviews
		closed  string
	}{
		{
			name: "left care at 18: the open review is still owed", reviews: reviews("2025-03-01", "2027-03-01"),
			want: &sgRow{LEAV02, "leaving_care.pathway_plans[0]", Overdue, "2027-09-01", ""},
		},
		{
			name: "review due before the 21st birthday, not held: missed", reviews: reviews("2024-12-01", "2028-12-01"),
			want:   &sgRow{LEAV02, "leaving_care.pathway_plans[0]", Missed, "2029-06-01", ""},
			closed: "2029-06-15 the young person turned 21",
		},
		{
			name: "review due on or after the 21st birthday: not owed", reviews: reviews("2025-01-01", "2029-01-01"),
		},
		{
			name: "support to 25: still owed", reviews: reviews("2024-12-01", "2028-12-01"), to25: true,
			want: &sgRow{LEAV02, "leaving_care.pathway_plans[0]", Overdue, "2029-06-01", ""},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: child, Episodes: eps, SafeguardingRecords: SafeguardingRecords{LeavingCare: LeavingCare{
				NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-10")}},
				PathwayPlans:     []PathwayPlan{{Prepared: sgD("2024-09-10")}},
				PathwayReviews:   tc.reviews,
				Advisers:         []PersonalAdviser{{Adviser: "PA01", Appointed: sgD("2024-08-01")}},
				SupportTo25:      tc.to25,
			}}}
			asOf := "2029-07-01"
			if tc.name[:4] == "left" {
				asOf = "2028-01-01"
			}
			rows := sgRows(sgAssess(t, r, asOf, Policy{}), LEAV02)
			// The plan, the adviser, then one finding per interval: each
			// review met on time, and the open one last if owed.
			met := 2 + len(tc.reviews)
			if len(rows) < met {
				t.Fatalf("%d LEAV-02 findings, want at least %d: %v", len(rows), met, rows)
			}
			for _, row := range rows[:met] {
				if row.Status != Met {
					t.Errorf("%v, want met", row)
				}
			}
			var last *sgRow
			if len(rows) > met {
				last = &rows[len(rows)-1]
			}
			if diff := cmp.Diff(tc.want, last); diff != "" || len(rows) > met+1 {
				t.Errorf("open review mismatch (-want +got):\n%s%v", diff, rows[met:])
			}
		})
	}
}

// TestLEAV03Visits checks the adviser's visits: closed when the
// accommodation ends, a visit before a review closed once the review's
// day is over, and a review without a visit not reported while the
// regular visit due before it is outstanding.
func TestLEAV03Visits(t *testing.T) {
	child := Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")}
	eps := []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)}
	visits := func(ds ...string) []AdviserVisit {
		var out []AdviserVisit
		for _, d := range ds {
			out = append(out, AdviserVisit{Date: sgD(d)})
		}
		return out
	}
	tests := []struct {
		name    string
		acc     Period
		visits  []AdviserVisit
		reviews []PathwayReview
		want    []sgRow
		msgs    []string
	}{
		{
			name: "accommodation ended before the next visit was made: missed",
			acc:  Period{Start: sgD("2025-01-10"), End: sgD("2025-04-01")}, visits: visits("2025-01-15"),
			want: []sgRow{
				{LEAV03, "leaving_care.accommodation[0]", Met, "2025-01-17", "2025-01-15"},
				{LEAV03, "leaving_care.accommodation[0]", Missed, "2025-03-15", ""},
			},
			msgs: []string{"", "no personal adviser's visit by 15 March 2025 (2 months after the last adviser visit on 15 January 2025); closed when the accommodation ended on 1 April 2025"},
		},
		{
			name: "accommodation ended on the day the next visit was due: not owed",
			acc:  Period{Start: sgD("2025-01-10"), End: sgD("2025-03-15")}, visits: visits("2025-01-15"),
			want: []sgRow{{LEAV03, "leaving_care.accommodation[0]", Met, "2025-01-17", "2025-01-15"}},
		},
		{
			name: "no visit before a review while the cycle was kept: missed",
			acc:  Period{Start: sgD("2025-01-10")}, visits: visits("2025-01-15", "2025-03-01"),
			reviews: []PathwayReview{{Date: sgD("2025-02-20")}, {Date: sgD("2025-02-25")}},
			want: []sgRow{
				{LEAV03, "leaving_care.accommodation[0]", Met, "2025-01-17", "2025-01-15"},
				{LEAV03, "leaving_care.accommodation[0]", Met, "2025-03-15", "2025-03-01"},
				{LEAV03, "leaving_care.accommodation[0]", Upcoming, "2025-05-01", ""},
				{LEAV03, "leaving_care.pathway_reviews[0]", Met, "2025-02-20", "2025-01-15"},
				{LEAV03, "leaving_care.pathway_reviews[1]", Missed, "2025-02-25", ""},
			},
			msgs: []string{"", "", "", "", "no personal adviser's visit before the review by 25 February 2025 (no later than the pathway plan review on 25 February 2025); closed when the day of the review was over on 26 February 2025"},
		},
		{
			name:    "no visit at all: the first visit reports it, not the review",
			acc:     Period{Start: sgD("2025-01-10")},
			reviews: []PathwayReview{{Date: sgD("2025-03-20")}},
			want:    []sgRow{{LEAV03, "leaving_care.accommodation[0]", Overdue, "2025-01-17", ""}},
			msgs:    []string{"no personal adviser's visit yet; due 17 January 2025, 7 days after the start of the accommodation on 10 January 2025"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: child, Episodes: eps, SafeguardingRecords: SafeguardingRecords{LeavingCare: LeavingCare{
				NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-10")}},
				PathwayPlans:     []PathwayPlan{{Prepared: sgD("2024-09-10")}},
				PathwayReviews:   tc.reviews,
				Advisers:         []PersonalAdviser{{Adviser: "PA01", Appointed: sgD("2024-08-01")}},
				AdviserVisits:    tc.visits,
				Accommodation:    []Period{tc.acc},
			}}}
			rep := sgAssess(t, r, "2025-04-01", Policy{}).ForRule(LEAV03)
			if diff := cmp.Diff(tc.want, sgRows(rep)); diff != "" {
				t.Errorf("LEAV-03 findings mismatch (-want +got):\n%s", diff)
			}
			for i, want := range tc.msgs {
				if want != "" && i < len(rep) && rep[i].Message() != want {
					t.Errorf("finding %d: Message() =\n%s\nwant\n%s", i, rep[i].Message(), want)
				}
			}
		})
	}
}

func TestLEAV04(t *testing.T) {
	young := Child{ID: "C0007", DateOfBirth: sgD("2015-03-01")}
	older := Child{ID: "C0008", DateOfBirth: sgD("2008-06-15")}
	tests := []struct {
		name string
		c    Child
		eps  []Episode
		as   []CeasingApproval
		want []sgRow
		msg  string
	}{
		{
			name: "ended on the 20th working day: no approval needed",
			c:    young,
			// 20 working days after Monday 6 January 2025 is Monday 3 February.
			eps: []Episode{sgEp("2025-01-06", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2025-02-03", ReasonEpisodeCeasedE4A)},
		},
		{
			name: "looked after on the 20th working day: nominated officer",
			c:    young,
			eps:  []Episode{sgEp("2025-01-06", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2025-02-04", ReasonEpisodeCeasedE4A)},
			want: []sgRow{{LEAV04, "episodes[0]", Breach, "", ""}},
			msg:  "care ceased on 4 February 2025: not approved by the nominated officer",
		},
		{
			name: "approved by the nominated officer the day before, IRO consulted",
			c:    young,
			eps:  []Episode{sgEp("2025-01-06", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2025-02-04", ReasonEpisodeCeasedE4A)},
			as:   []CeasingApproval{{Ceased: sgD("2025-02-04"), Approver: ApproverNominatedOfficer, Approved: sgD("2025-02-03"), IROConsulted: true}},
			want: []sgRow{{LEAV04, "episodes[0]", Met, "", "2025-02-03"}},
			msg:  "care ceased on 4 February 2025: approved by the nominated officer by the day care ceased, after consulting the IRO",
		},
		{
			name: "16-year-old under s.20 approved by the nominated officer only",
			c:    older,
			eps:  []Episode{sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)},
			as:   []CeasingApproval{{Ceased: sgD("2025-01-10"), Approver: ApproverNominatedOfficer, Approved: sgD("2025-01-06"), IROConsulted: true}},
			want: []sgRow{{LEAV04, "episodes[0]", Breach, "", ""}},
			msg:  "care ceased on 10 January 2025: approved by the nominated officer only: the Director's approval is needed for a 16- or 17-year-old not in care",
		},
		{
			// One finding names both problems.
			name: "16-year-old under s.20 approved by the Director late, without the IRO",
			c:    older,
			eps:  []Episode{sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)},
			as:   []CeasingApproval{{Ceased: sgD("2025-01-10"), Approver: ApproverDirector, Approved: sgD("2025-01-13")}},
			want: []sgRow{{LEAV04, "episodes[0]", Breach, "", ""}},
			msg:  "care ceased on 10 January 2025: approved after care ceased; approved without consulting the IRO",
		},
		{
			name: "second period of care: the subject is its first episode",
			c:    young,
			eps: []Episode{
				sgEp("2023-01-09", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2023-01-20", ReasonEpisodeCeasedE4A),
				sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-06-03", 0),
				sgEp("2024-06-03", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeK2, "2025-01-10", ReasonEpisodeCeasedE4A),
			},
			want: []sgRow{{LEAV04, "episodes[1]", Breach, "", ""}},
			msg:  "care ceased on 10 January 2025: not approved by the nominated officer",
		},
		{
			name: "adopted: not the authority's decision",
			c:    young,
			eps:  []Episode{sgEp("2023-01-09", ReasonNewEpisodeS, LegalStatusE1, PlacementTypeA4, "2025-01-10", ReasonEpisodeCeasedE11)},
		},
		{
			name: "ended before reg 39 was substituted in April 2015",
			c:    young,
			eps:  []Episode{sgEp("2015-03-02", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2015-03-31", ReasonEpisodeCeasedE4A)},
		},
		{
			name: "continuing care is not ceasing",
			c:    young,
			eps: []Episode{
				sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-06-03", 0),
				sgEp("2024-06-03", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeK2, "", 0),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: tc.c, Episodes: tc.eps, SafeguardingRecords: SafeguardingRecords{CeasingApprovals: tc.as}}
			rep := sgAssess(t, r, "2025-06-30", Policy{}).ForRule(LEAV04)
			if diff := cmp.Diff(tc.want, sgRows(rep)); diff != "" {
				t.Errorf("LEAV-04 findings mismatch (-want +got):\n%s", diff)
			}
			if len(rep) == 1 && rep[0].Message() != tc.msg {
				t.Errorf("Message() =\n%s\nwant\n%s", rep[0].Message(), tc.msg)
			}
		})
	}
}

func TestLeavingValidate(t *testing.T) {
	tests := []struct {
		name string
		sr   SafeguardingRecords
		want []string
	}{
		{"valid", SafeguardingRecords{LeavingCare: LeavingCare{
			NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-10")}},
			Advisers:         []PersonalAdviser{{Appointed: sgD("2024-08-01"), Ended: sgD("2024-12-31")}, {Appointed: sgD("2024-12-31")}},
		}}, nil},
		{"out of order and missing dates", SafeguardingRecords{LeavingCare: LeavingCare{
			PathwayReviews: []PathwayReview{{Date: sgD("2025-03-01")}, {Date: sgD("2025-01-01")}, {}},
		}}, []string{"leaving_care.pathway_reviews[1].date", "leaving_care.pathway_reviews[2].date"}},
		{"overlapping advisers and accommodation", SafeguardingRecords{LeavingCare: LeavingCare{
			Advisers:      []PersonalAdviser{{Appointed: sgD("2024-08-01")}, {Appointed: sgD("2024-12-31")}},
			Accommodation: []Period{{Start: sgD("2025-01-10"), End: sgD("2025-03-01")}, {Start: sgD("2025-02-01")}},
		}}, []string{"leaving_care.personal_advisers[1].appointed", "leaving_care.accommodation[1].start"}},
		{"ceasing approvals: overlapping, approver without a date", SafeguardingRecords{CeasingApprovals: []CeasingApproval{
			{Ceased: sgD("2025-01-10"), Approver: ApproverDirector},
			{Ceased: sgD("2025-01-10")},
		}}, []string{"ceasing_approvals[0].approved", "ceasing_approvals[1].ceased"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			Record{SafeguardingRecords: tc.sr}.validateSafeguarding(&errs, &History{})
			if diff := cmp.Diff(tc.want, sgPaths(errs.Err())); diff != "" {
				t.Errorf("validateSafeguarding() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCeasingApprover(t *testing.T) {
	child := Child{ID: "C0007", DateOfBirth: sgD("2015-03-01")}
	ep := func(start, end string, rec ReasonEpisodeCeased) []Episode {
		return []Episode{sgEp(start, ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, end, rec)}
	}
	tests := []struct {
		name     string
		eps      []Episode
		ceased   string
		counting Counting
		want     Approver
		wantOK   bool
	}{
		{"ended Saturday 1 February, counting from the next day: 19 working days", ep("2025-01-06", "2025-02-01", ReasonEpisodeCeasedE4A), "2025-02-01", CountFromNextDay, ApproverUnknown, false},
		{"ended Saturday 1 February, counting the first day: 20 working days", ep("2025-01-06", "2025-02-01", ReasonEpisodeCeasedE4A), "2025-02-01", CountFromAnchorDay, ApproverNominatedOfficer, true},
		{"no period of care ends that day", ep("2025-01-06", "2025-02-01", ReasonEpisodeCeasedE4A), "2025-02-02", CountFromNextDay, ApproverUnknown, false},
		{"a period begun before the calendar's coverage", ep("1999-06-01", "2016-01-04", ReasonEpisodeCeasedE4A), "2016-01-04", CountFromNextDay, ApproverNominatedOfficer, true},
		{"special guardianship order", ep("2024-01-08", "2025-01-10", ReasonEpisodeCeasedE45), "2025-01-10", CountFromNextDay, ApproverUnknown, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := child
			if tc.eps[0].Start.Before(c.DateOfBirth) {
				c.DateOfBirth = sgD("1999-01-01")
			}
			got, ok, err := CeasingApprover(c, tc.eps, sgD(tc.ceased), 20, EnglandAndWales(), tc.counting)
			if err != nil || got != tc.want || ok != tc.wantOK {
				t.Errorf("CeasingApprover(%s) = %v, %v, %v, want %v, %v, nil", tc.ceased, got, ok, err, tc.want, tc.wantOK)
			}
		})
	}
	// A short period wholly outside the calendar is an error, not a guess.
	_, _, err := CeasingApprover(Child{ID: "C0011", DateOfBirth: sgD("1990-01-01")},
		ep("1999-12-01", "1999-12-20", ReasonEpisodeCeasedE4A), sgD("1999-12-20"), 20, EnglandAndWales(), CountFromNextDay)
	if !errors.Is(err, ErrOutsideCalendar) {
		t.Errorf("CeasingApprover(1999) error = %v, want ErrOutsideCalendar", err)
	}
}

func TestLEAV02LookedAfterReviews(t *testing.T) {
	child := Child{ID: "C0012", DateOfBirth: sgD("2008-06-15")}
	r := Record{Child: child,
		Episodes: []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2025-06-01", ReasonEpisodeCeasedE5)},
		SafeguardingRecords: SafeguardingRecords{
			LeavingCare: LeavingCare{
				NeedsAssessments: []NeedsAssessment{{Completed: sgD("2024-09-01")}},
				PathwayPlans:     []PathwayPlan{{Prepared: sgD("2024-09-01")}},
				PathwayReviews:   []PathwayReview{{Date: sgD("2025-03-01")}},
				Advisers:         []PersonalAdviser{{Appointed: sgD("2024-09-01")}},
			},
			CeasingApprovals: []CeasingApproval{{Ceased: sgD("2025-06-01"), Approver: ApproverNominatedOfficer, Approved: sgD("2025-05-30"), IROConsulted: true}},
		},
	}
	// Looked-after reviews while looked after count as pathway plan
	// reviews; the one after care ceased does not.
	ctx := Context{Reviews: []Date{sgD("2024-12-01"), sgD("2025-05-20"), sgD("2025-07-01")}}
	rep := sgAssessCtx(t, r, ctx, "2025-12-01", Policy{})
	want := []sgRow{
		{LEAV02, "child", Met, "2024-09-15", "2024-09-01"},
		{LEAV02, "child", Met, "2024-09-15", "2024-09-01"},
		{LEAV02, "leaving_care.pathway_plans[0]", Met, "2025-03-01", "2024-12-01"},
		{LEAV02, "leaving_care.pathway_plans[0]", Met, "2025-06-01", "2025-03-01"},
		{LEAV02, "leaving_care.pathway_plans[0]", Met, "2025-09-01", "2025-05-20"},
		{LEAV02, "leaving_care.pathway_plans[0]", Overdue, "2025-11-20", ""},
	}
	if diff := cmp.Diff(want, sgRows(rep, LEAV02)); diff != "" {
		t.Errorf("LEAV-02 findings mismatch (-want +got):\n%s", diff)
	}
	// The evidence names the review that met each interval, and the
	// message the one it ran from.
	fs := rep.ForRule(LEAV02)
	if ev := fs[2].Evidence(); len(ev) != 2 || ev[0].Label != "the preparation of the pathway plan" ||
		ev[1].Label != "looked-after review" || ev[1].Ref != "" {
		t.Errorf("LEAV-02 first review evidence = %v", ev)
	}
	if ev := fs[3].Evidence(); len(ev) != 2 || ev[1].Ref != "leaving_care.pathway_reviews[0]" {
		t.Errorf("LEAV-02 second review evidence = %v", ev)
	}
	const wantMsg = "no pathway plan review yet; due 20 November 2025, 6 months after the last looked-after review on 20 May 2025"
	if got := fs[5].Message(); got != wantMsg {
		t.Errorf("Message() =\n%s\nwant\n%s", got, wantMsg)
	}
}
