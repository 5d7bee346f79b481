package care

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// sgEp builds an episode for the safeguarding tests. A non-empty end gets
// reason ceased X1 unless rec is given.
func sgEp(start string, rne ReasonNewEpisode, ls LegalStatus, pt PlacementType, end string, rec ReasonEpisodeCeased) Episode {
	e := Episode{Start: sgD(start), ReasonNew: rne, LegalStatus: ls, PlacementType: pt, End: sgD(end), ReasonCeased: rec,
		Provider: PlacementProviderPR1, PlacementPostcode: "AB1 2CD"}
	if end != "" && rec == ReasonEpisodeCeasedUnknown {
		e.ReasonCeased = ReasonEpisodeCeasedX1
	}
	return e
}

func sgAt(e Episode, postcode string) Episode { e.PlacementPostcode = postcode; return e }

func sgMiles(e Episode, miles string) Episode {
	e.DistanceMiles = decimal.NewNullDecimal(decimal.RequireFromString(miles))
	return e
}

func TestCountPlacements(t *testing.T) {
	const (
		C2 = LegalStatusC2
		V2 = LegalStatusV2
	)
	year := Period{Start: sgD("2024-04-01"), End: sgD("2025-04-01")}
	tests := []struct {
		name string
		eps  []Episode
		w    Period
		want int
	}{
		{
			name: "one placement throughout",
			eps:  []Episode{sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			w:    year, want: 1,
		},
		{
			name: "temporary T3 move and return to the same placement is not a placement",
			eps: []Episode{
				sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-07-20", 0),
				sgEp("2024-07-20", ReasonNewEpisodeP, C2, PlacementTypeT3, "2024-08-03", 0),
				sgEp("2024-08-03", ReasonNewEpisodeP, C2, PlacementTypeU6, "", 0),
			},
			w: year, want: 1,
		},
		{
			name: "temporary move then a different placement counts the new one",
			eps: []Episode{
				sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-07-20", 0),
				sgEp("2024-07-20", ReasonNewEpisodeP, C2, PlacementTypeT4, "2024-07-25", 0),
				sgAt(sgEp("2024-07-25", ReasonNewEpisodeP, C2, PlacementTypeU6, "", 0), "ZZ9 9ZZ"),
			},
			w: year, want: 2,
		},
		{
			name: "change of legal status only is not a placement",
			eps: []Episode{
				sgEp("2024-05-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "2024-09-01", 0),
				sgEp("2024-09-01", ReasonNewEpisodeL, C2, PlacementTypeU6, "", 0),
			},
			w: year, want: 1,
		},
		{
			name: "move with the same carer (T) is a placement",
			eps: []Episode{
				sgEp("2024-05-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-09-01", 0),
				sgAt(sgEp("2024-09-01", ReasonNewEpisodeT, C2, PlacementTypeU6, "", 0), "ZZ9 9ZZ"),
			},
			w: year, want: 2,
		},
		{
			name: "placement in progress at the window's start counts, earlier ones do not",
			eps: []Episode{
				sgEp("2022-01-03", ReasonNewEpisodeS, C2, PlacementTypeU6, "2023-01-03", 0),
				sgEp("2023-01-03", ReasonNewEpisodeP, C2, PlacementTypeK2, "2024-06-01", 0),
				sgEp("2024-06-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "2025-01-06", 0),
				sgEp("2025-01-06", ReasonNewEpisodeP, C2, PlacementTypeU6, "", 0),
			},
			w: year, want: 3,
		},
		{
			name: "placement starting on the window's first day is counted once",
			eps: []Episode{
				sgEp("2023-01-03", ReasonNewEpisodeS, C2, PlacementTypeK2, "2024-04-01", 0),
				sgEp("2024-04-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			w: year, want: 1,
		},
		{
			name: "placement starting the day after the window is not counted",
			eps: []Episode{
				sgEp("2023-01-03", ReasonNewEpisodeS, C2, PlacementTypeK2, "2025-04-01", 0),
				sgEp("2025-04-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			w: year, want: 1,
		},
		{
			name: "a break in care: the new period's first placement counts",
			eps: []Episode{
				sgEp("2024-05-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "2024-07-01", ReasonEpisodeCeasedE4A),
				sgEp("2024-10-01", ReasonNewEpisodeS, V2, PlacementTypeU6, "", 0),
			},
			w: year, want: 2,
		},
		{
			name: "short-break episodes are not placements",
			eps: []Episode{
				sgEp("2024-05-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "2024-05-04", ReasonEpisodeCeasedE4A),
				sgEp("2024-06-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "2024-06-04", ReasonEpisodeCeasedE4A),
			},
			w: year, want: 0,
		},
		{
			name: "empty window",
			eps:  []Episode{sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			w:    Period{}, want: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := CountPlacements(tc.eps, tc.w); got != tc.want {
				t.Errorf("CountPlacements(%v) = %d, want %d", tc.w, got, tc.want)
			}
		})
	}
}

func TestStabilityOn(t *testing.T) {
	const C2 = LegalStatusC2
	child := Child{ID: "C0001", DateOfBirth: sgD("2012-05-10")}
	tests := []struct {
		name string
		c    Child
		eps  []Episode
		asOf string
		want StabilityMeasures
	}{
		{
			name: "not looked after on the date",
			c:    child,
			eps:  []Episode{sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-01-09", ReasonEpisodeCeasedE4A)},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31")},
		},
		{
			name: "short break on the date is excluded",
			c:    child,
			eps:  []Episode{sgEp("2025-03-30", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "", 0)},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31")},
		},
		{
			name: "looked after exactly 2 years on 31 March, three placements",
			c:    child,
			eps: []Episode{
				sgEp("2023-04-01", ReasonNewEpisodeS, C2, PlacementTypeK2, "2023-09-01", 0),
				sgEp("2023-09-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "2024-06-01", 0),
				sgEp("2024-06-01", ReasonNewEpisodeP, C2, PlacementTypeU6, "", 0),
			},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31"), Included: true, CareSince: sgD("2023-04-01"),
				PlacementsYear: 2, TwoYears: true, PlacementsTwoYears: 3, SameCarerSince: sgD("2024-06-01")},
		},
		{
			name: "one day short of 2 years",
			c:    child,
			eps:  []Episode{sgEp("2023-04-02", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31"), Included: true, CareSince: sgD("2023-04-02"),
				PlacementsYear: 1, SameCarerSince: sgD("2023-04-02")},
		},
		{
			name: "long-term stable: a same-carer move (U) and a temporary move keep the carer",
			c:    child,
			eps: []Episode{
				sgEp("2021-06-01", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2022-02-01", 0),
				sgAt(sgEp("2022-02-01", ReasonNewEpisodeU, C2, PlacementTypeU4, "2024-07-20", 0), "EF3 4GH"),
				sgEp("2024-07-20", ReasonNewEpisodeP, C2, PlacementTypeT3, "2024-08-03", 0),
				sgAt(sgEp("2024-08-03", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0), "EF3 4GH"),
			},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31"), Included: true, CareSince: sgD("2021-06-01"),
				PlacementsYear: 1, TwoYears: true, PlacementsTwoYears: 1,
				LongTerm: true, SameCarerSince: sgD("2021-06-01"), LongTermStable: true},
		},
		{
			name: "long-term measure, new carer 23 months ago",
			c:    child,
			eps: []Episode{
				sgEp("2021-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "2023-05-01", 0),
				sgEp("2023-05-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31"), Included: true, CareSince: sgD("2021-06-01"),
				PlacementsYear: 1, TwoYears: true, PlacementsTwoYears: 2,
				LongTerm: true, SameCarerSince: sgD("2023-05-01")},
		},
		{
			name: "aged 16 on the date: no long-term measure",
			c:    Child{ID: "C0002", DateOfBirth: sgD("2009-03-31")},
			eps:  []Episode{sgEp("2021-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			asOf: "2025-03-31",
			want: StabilityMeasures{AsOf: sgD("2025-03-31"), Included: true, CareSince: sgD("2021-06-01"),
				PlacementsYear: 1, TwoYears: true, PlacementsTwoYears: 1, SameCarerSince: sgD("2021-06-01")},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := StabilityOn(tc.c, tc.eps, sgD(tc.asOf))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("StabilityOn() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSTABFindings(t *testing.T) {
	const C2 = LegalStatusC2
	// Born 15 October 2009: aged 14 on 31 August 2024, so in Key Stage 4
	// (year 10) from September 2024.
	child := Child{ID: "C0003", DateOfBirth: sgD("2009-10-15")}
	base := []Episode{
		sgMiles(sgEp("2024-01-08", ReasonNewEpisodeS, C2, PlacementTypeK2, "2024-08-30", 0), "25.3"),
		sgEp("2024-08-30", ReasonNewEpisodeP, C2, PlacementTypeU6, "2024-11-04", 0),
		sgMiles(sgEp("2024-11-04", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0), "20.0"),
	}
	ks4 := func(a PlacementApproval) PlacementApproval {
		a.Kind, a.Placement = ApprovalKindKeyStage4, sgD("2024-11-04")
		return a
	}
	loc := func(a PlacementApproval) PlacementApproval {
		a.Kind, a.Placement = ApprovalKindLocation, sgD("2024-01-08")
		return a
	}
	tests := []struct {
		name     string
		eps      []Episode
		as       []PlacementApproval
		p        StabilityPolicy
		want     []sgRow
		messages []string
	}{
		{
			name: "far placement without approval, Key Stage 4 move without approval",
			eps:  base,
			want: []sgRow{
				{STAB01, "child", Breach, "", ""},
				{STAB03, "episodes[0]", Breach, "", ""},
				{STAB04, "episodes[2]", Breach, "", ""},
			},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 3, at or above the threshold of 3",
				"placement started on 8 January 2024, 25.3 miles from home (limit 20 miles): not approved by the nominated officer",
				"change of placement in Key Stage 4 on 4 November 2024: not approved by the nominated officer",
			},
		},
		{
			name: "approvals in time, with consultations",
			eps:  base,
			as: []PlacementApproval{
				loc(PlacementApproval{Location: PlacementLocationInArea, Approver: ApproverNominatedOfficer, Approved: sgD("2024-01-08")}),
				ks4(PlacementApproval{Approver: ApproverNominatedOfficer, Approved: sgD("2024-10-30"), DesignatedTeacherConsulted: true, IROConsulted: true}),
			},
			want: []sgRow{
				{STAB01, "child", Breach, "", ""},
				{STAB03, "episodes[0]", Met, "", "2024-01-08"},
				{STAB04, "episodes[2]", Met, "", "2024-10-30"},
			},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 3, at or above the threshold of 3",
				"placement started on 8 January 2024, 25.3 miles from home (limit 20 miles): approved by the nominated officer before placing",
				"change of placement in Key Stage 4 on 4 November 2024: approved by the nominated officer before the move, after consulting the designated teacher and the IRO",
			},
		},
		{
			// One STAB-04 finding for the move names both problems: the
			// late approval and the IRO not consulted.
			name: "distant placement approved by the nominated officer only; KS4 approved late without the IRO",
			eps:  base,
			as: []PlacementApproval{
				loc(PlacementApproval{Location: PlacementLocationDistant, Approver: ApproverNominatedOfficer, Approved: sgD("2024-01-05")}),
				ks4(PlacementApproval{Approver: ApproverDirector, Approved: sgD("2024-11-05"), DesignatedTeacherConsulted: true}),
			},
			want: []sgRow{
				{STAB01, "child", Breach, "", ""},
				{STAB03, "episodes[0]", Breach, "", ""},
				{STAB04, "episodes[2]", Breach, "", ""},
			},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 3, at or above the threshold of 3",
				"distant placement (outside the authority, not adjoining it) started on 8 January 2024, 25.3 miles from home (limit 20 miles): approved by the nominated officer only: the Director's approval is needed",
				"change of placement in Key Stage 4 on 4 November 2024: approved after the move; approved without consulting the IRO",
			},
		},
		{
			name: "adjoining authority approved after placing",
			eps:  base[:1],
			as:   []PlacementApproval{loc(PlacementApproval{Location: PlacementLocationAdjoining, Approver: ApproverNominatedOfficer, Approved: sgD("2024-01-10")})},
			want: []sgRow{
				{STAB03, "episodes[0]", Breach, "", ""},
			},
			messages: []string{
				"placement in an adjoining authority started on 8 January 2024, 25.3 miles from home (limit 20 miles): approved after the child was placed",
			},
		},
		{
			name: "emergency move in Key Stage 4 and an in-area placement under 20 miles",
			eps: []Episode{
				sgMiles(sgEp("2024-01-08", ReasonNewEpisodeS, C2, PlacementTypeK2, "2024-11-04", 0), "19.9"),
				sgEp("2024-11-04", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			as:   []PlacementApproval{ks4(PlacementApproval{Emergency: true})},
			want: []sgRow{{STAB01, "child", Met, "", ""}},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 2, below the threshold",
			},
		},
		{
			name: "stricter distance of 15 miles and threshold of 2 placements",
			eps: []Episode{
				sgMiles(sgEp("2024-01-08", ReasonNewEpisodeS, C2, PlacementTypeK2, "2024-06-03", 0), "19.9"),
				sgEp("2024-06-03", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			p: StabilityPolicy{Placements: 2, DistanceMiles: decimal.NewFromInt(15)},
			want: []sgRow{
				{STAB01, "child", Breach, "", ""},
				{STAB03, "episodes[0]", Breach, "", ""},
			},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 2, at or above the local threshold of 2",
				"placement started on 8 January 2024, 19.9 miles from home (limit 15 miles): not approved by the nominated officer",
			},
		},
		{
			name: "a move in year 9 is not in Key Stage 4",
			eps: []Episode{
				sgEp("2023-01-09", ReasonNewEpisodeS, C2, PlacementTypeK2, "2024-08-30", 0),
				sgEp("2024-08-30", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			want: []sgRow{
				{STAB01, "child", Met, "", ""},
				{STAB01, "child", Met, "", ""},
			},
			messages: []string{
				"placements in the 12 months from 1 April 2024 to 31 March 2025: 2, below the threshold",
				"placements in the 2 years from 1 April 2023 to 31 March 2025: 2, below the threshold",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: child, Episodes: tc.eps, SafeguardingRecords: SafeguardingRecords{PlacementApprovals: tc.as}}
			var p Policy
			p.Stability = tc.p
			rep := sgAssess(t, r, "2025-03-31", p)
			if diff := cmp.Diff(tc.want, sgRows(rep, STAB01, STAB02, STAB03, STAB04)); diff != "" {
				t.Errorf("STAB findings mismatch (-want +got):\n%s", diff)
			}
			var got []string
			for _, f := range rep {
				got = append(got, f.Message())
			}
			if diff := cmp.Diff(tc.messages, got); diff != "" {
				t.Errorf("STAB messages mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSTAB01TwoYears checks that the two-year measure is reported only
// when the 12-month measure does not already report the instability.
func TestSTAB01TwoYears(t *testing.T) {
	const C2 = LegalStatusC2
	child := Child{ID: "C0001", DateOfBirth: sgD("2012-05-10")}
	tests := []struct {
		name string
		eps  []Episode
		want []string
	}{
		{
			name: "three placements in the 12 months: one finding",
			eps: []Episode{
				sgEp("2022-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "2024-06-03", 0),
				sgEp("2024-06-03", ReasonNewEpisodeP, C2, PlacementTypeU4, "2024-11-04", 0),
				sgEp("2024-11-04", ReasonNewEpisodeP, C2, PlacementTypeK2, "", 0),
			},
			want: []string{"STAB-01 breach: placements in the 12 months from 1 April 2024 to 31 March 2025: 3, at or above the threshold of 3"},
		},
		{
			name: "two in the 12 months, three in the 2 years: both measures",
			eps: []Episode{
				sgEp("2022-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "2023-06-05", 0),
				sgEp("2023-06-05", ReasonNewEpisodeP, C2, PlacementTypeU4, "2024-11-04", 0),
				sgEp("2024-11-04", ReasonNewEpisodeP, C2, PlacementTypeK2, "", 0),
			},
			want: []string{
				"STAB-01 met: placements in the 12 months from 1 April 2024 to 31 March 2025: 2, below the threshold",
				"STAB-01 breach: placements in the 2 years from 1 April 2023 to 31 March 2025: 3, at or above the threshold of 3",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range sgAssess(t, Record{Child: child, Episodes: tc.eps}, "2025-03-31", Policy{}).ForRule(STAB01) {
				got = append(got, f.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("STAB-01 mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSTAB03DistanceLimit checks the boundary of the distance limit: a
// placement is beyond it only when strictly more than the limit away,
// compared exactly whatever the scale of the decimals, and the message
// rounds the distance to a tenth of a mile.
func TestSTAB03DistanceLimit(t *testing.T) {
	tests := []struct {
		miles string
		limit string
		want  string // the message; "" for no finding
	}{
		{"20", "", ""},
		{"20.0", "", ""},
		{"20.000", "", ""},
		{"20.01", "", "placement started on 8 January 2024, 20.0 miles from home (limit 20 miles): not approved by the nominated officer"},
		{"20.05", "", "placement started on 8 January 2024, 20.1 miles from home (limit 20 miles): not approved by the nominated officer"},
		{"20.1", "", "placement started on 8 January 2024, 20.1 miles from home (limit 20 miles): not approved by the nominated officer"},
		{"412", "", "placement started on 8 January 2024, 412.0 miles from home (limit 20 miles): not approved by the nominated officer"},
		{"15.5", "15.5", ""},
		{"15.6", "15.5", "placement started on 8 January 2024, 15.6 miles from home (limit 15.5 miles): not approved by the nominated officer"},
	}
	for _, tc := range tests {
		t.Run(tc.miles+" over "+tc.limit, func(t *testing.T) {
			r := Record{Child: Child{ID: "C0013", DateOfBirth: sgD("2012-05-10")},
				Episodes: []Episode{sgMiles(sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "", 0), tc.miles)}}
			var p Policy
			if tc.limit != "" {
				p.Stability.DistanceMiles = decimal.RequireFromString(tc.limit)
			}
			fs := sgAssess(t, r, "2025-03-31", p).ForRule(STAB03)
			switch {
			case tc.want == "" && len(fs) != 0:
				t.Errorf("got %v, want no finding", fs)
			case tc.want != "" && (len(fs) != 1 || fs[0].Message() != tc.want):
				t.Errorf("got %v, want one finding: %s", fs, tc.want)
			}
		})
	}
}

// TestSTAB02 checks the long-term stability measure's check and message.
func TestSTAB02(t *testing.T) {
	const C2 = LegalStatusC2
	child := Child{ID: "C0001", DateOfBirth: sgD("2012-05-10")}
	tests := []struct {
		name string
		eps  []Episode
		want string
		st   Status
	}{
		{
			name: "new carer 23 months ago",
			eps: []Episode{
				sgEp("2021-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "2023-05-01", 0),
				sgEp("2023-05-01", ReasonNewEpisodeP, C2, PlacementTypeU4, "", 0),
			},
			st:   Breach,
			want: "placed with the current carer on 1 May 2023: less than 2 years with the same carer",
		},
		{
			name: "the same carer since care began",
			eps:  []Episode{sgEp("2021-06-01", ReasonNewEpisodeS, C2, PlacementTypeU6, "", 0)},
			st:   Met,
			want: "placed with the current carer on 1 June 2021: 2 years or more with the same carer",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: child, Episodes: tc.eps}
			f := sgOne(t, sgAssess(t, r, "2025-03-31", Policy{}), STAB02)
			if f.Status != tc.st || f.Message() != tc.want || f.Subject() != "child" {
				t.Errorf("STAB-02 = %v %s (%s), want %v %s (child)", f.Status, f.Message(), f.Subject(), tc.st, tc.want)
			}
			if ev := f.Evidence(); len(ev) != 2 || ev[0].Ref == "" || ev[1].Label != "looked after since" || ev[1].Date != sgD("2021-06-01") {
				t.Errorf("STAB-02 evidence = %v", ev)
			}
		})
	}
}

func TestInKeyStage4(t *testing.T) {
	tests := []struct {
		name string
		dob  string
		d    string
		want bool
	}{
		{"first day of year 10", "2009-10-15", "2024-09-01", true},
		{"last day of year 9", "2009-10-15", "2024-08-31", false},
		{"last day of year 11", "2009-10-15", "2026-08-31", true},
		{"first day after year 11", "2009-10-15", "2026-09-01", false},
		{"born 31 August: youngest in year 10", "2010-08-31", "2024-09-02", true},
		{"born 1 September: still in year 9", "2010-09-01", "2024-09-02", false},
		{"no date of birth", "", "2024-09-02", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sgKeyStage4(sgD(tc.dob), sgD(tc.d)); got != tc.want {
				t.Errorf("sgKeyStage4(%s, %s) = %v, want %v", tc.dob, tc.d, got, tc.want)
			}
		})
	}
}

func TestPlacementApprovalsValidate(t *testing.T) {
	eps := []Episode{sgEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeK2, "", 0)}
	tests := []struct {
		name string
		as   []PlacementApproval
		want []string
	}{
		{"valid", []PlacementApproval{{Placement: sgD("2024-01-08"), Kind: ApprovalKindLocation, Location: PlacementLocationAdjoining, Approver: ApproverNominatedOfficer, Approved: sgD("2024-01-05")}}, nil},
		{"no placement starts that day", []PlacementApproval{{Placement: sgD("2024-01-09"), Kind: ApprovalKindLocation, Location: PlacementLocationInArea}}, []string{"placement_approvals[0].placement"}},
		{"kind and location missing, approver without a date", []PlacementApproval{{Placement: sgD("2024-01-08"), Approver: ApproverDirector}}, []string{"placement_approvals[0].kind", "placement_approvals[0].approved"}},
		{"location record without a location", []PlacementApproval{{Placement: sgD("2024-01-08"), Kind: ApprovalKindLocation}}, []string{"placement_approvals[0].location"}},
		{"overlapping approvals for the same placement", []PlacementApproval{
			{Placement: sgD("2024-01-08"), Kind: ApprovalKindLocation, Location: PlacementLocationInArea},
			{Placement: sgD("2024-01-08"), Kind: ApprovalKindLocation, Location: PlacementLocationDistant},
		}, []string{"placement_approvals[1].placement"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			validatePlacementApprovals(&errs, tc.as, eps)
			if diff := cmp.Diff(tc.want, sgPaths(errs.Err())); diff != "" {
				t.Errorf("validatePlacementApprovals() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
