package care

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestVisitsFromConnectedApproval checks that the one record of a
// connected person's temporary approval, a ConnectedApproval, sets the
// visits of reg 28(4) ("where regulation 24 applies"): weekly until the
// first review, then four-weekly. The child is placed with a connected
// person (U3) on Monday 3 March 2025 and approved the same day.
func TestVisitsFromConnectedApproval(t *testing.T) {
	const start = "2025-03-03"
	u3 := []Episode{plEp(start, ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU3, "")}
	moved := []Episode{
		plEp(start, ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU3, "2025-04-01"),
		plEp("2025-04-01", ReasonNewEpisodeP, LegalStatusC1, PlacementTypeU6, ""),
	}
	approval := func(mod func(*ConnectedApproval)) []ConnectedApproval {
		a := ConnectedApproval{Carer: "CP01", Start: isoDate(start)}
		if mod != nil {
			mod(&a)
		}
		return []ConnectedApproval{a}
	}
	tests := []struct {
		name      string
		eps       []Episode
		approvals []ConnectedApproval
		visits    []Visit
		reviews   []Date
		asOf      string
		want      []string
	}{
		{
			name: "only a ConnectedApproval: weekly visits", eps: u3, approvals: approval(nil),
			visits: plSeen("2025-03-04", "2025-03-11"), asOf: "2025-03-14",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 met due 2025-03-11 done 2025-03-11", "VIS-06 upcoming due 2025-03-18"},
		},
		{
			name: "the same placement without an approval: six-weekly", eps: u3,
			visits: plSeen("2025-03-04", "2025-03-11"), asOf: "2025-03-14",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-02 met due 2025-04-15 done 2025-03-11", "VIS-02 upcoming due 2025-04-22"},
		},
		{
			name: "after the first review: four-weekly", eps: u3, approvals: approval(nil),
			visits: plSeen("2025-03-04", "2025-03-11", "2025-03-18"), reviews: plDates("2025-03-17"), asOf: "2025-03-20",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 met due 2025-03-11 done 2025-03-11",
				"VIS-06 met due 2025-04-08 done 2025-03-18", "VIS-06 upcoming due 2025-04-15"},
		},
		{
			name: "full approval as a foster carer ends reg 24: six-weekly after it",
			eps:  u3, approvals: approval(func(a *ConnectedApproval) { a.Approved = isoDate("2025-03-10") }),
			visits: plSeen("2025-03-04", "2025-03-11"), asOf: "2025-03-14",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 met due 2025-03-11 done 2025-03-11", "VIS-02 upcoming due 2025-04-22"},
		},
		{
			name: "an expired approval with the child still placed keeps reg 28(4)", eps: u3, approvals: approval(nil),
			visits: plSeen("2025-03-04", "2025-03-11", "2025-03-18", "2025-08-01"), reviews: plDates("2025-03-17"), asOf: "2025-08-02",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 met due 2025-03-11 done 2025-03-11",
				"VIS-06 met due 2025-04-08 done 2025-03-18", "VIS-06 late due 2025-04-15 done 2025-08-01", "VIS-06 upcoming due 2025-08-29"},
		},
		{
			name: "an approval with no end recorded does not run on into the next placement", eps: moved, approvals: approval(nil),
			visits: plSeen("2025-03-04", "2025-04-02", "2025-04-09"), reviews: plDates("2025-03-20"), asOf: "2025-04-10",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 missed due 2025-03-11",
				"VIS-01 met due 2025-04-08 done 2025-04-02", "VIS-02 met due 2025-05-14 done 2025-04-09", "VIS-02 upcoming due 2025-05-21"},
		},
		{
			name: "an approval granted the day before the child moved in belongs to that placement",
			eps:  u3, approvals: approval(func(a *ConnectedApproval) { a.Start = isoDate("2025-03-02") }),
			visits: plSeen("2025-03-04"), asOf: "2025-03-05",
			want: []string{"VIS-01 met due 2025-03-10 done 2025-03-04", "VIS-06 upcoming due 2025-03-11"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := VisitFacts{Episodes: tc.eps, Visits: tc.visits, Reviews: tc.reviews, ConnectedApprovals: tc.approvals}
			rep, err := EvaluateVisits(f, isoDate(tc.asOf), VisitsPolicy{})
			if err != nil {
				t.Fatalf("EvaluateVisits() error = %v", err)
			}
			if diff := cmp.Diff(tc.want, plSummary(rep, "VIS")); diff != "" {
				t.Errorf("EvaluateVisits() mismatch (-want +got):\n%s", diff)
			}
			// The whole assessment reads the same record the same way.
			r := Record{Child: plChild(), Episodes: tc.eps, PlanningRecords: PlanningRecords{Visits: tc.visits},
				SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: tc.approvals}}
			all := plAssess(t, r, Context{Reviews: tc.reviews}, tc.asOf, Policy{})
			var timetable []string
			for _, s := range plSummary(all, "VIS") {
				if !strings.HasPrefix(s, "VIS-08") && !strings.HasPrefix(s, "VIS-09") {
					timetable = append(timetable, s)
				}
			}
			if diff := cmp.Diff(tc.want, timetable); diff != "" {
				t.Errorf("Assess() VIS timetable mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestNextVisitConnectedApprovalOnly is the case of issue 13: an
// integrator records the temporary approval once, as a ConnectedApproval
// with a U3 placement, and gets weekly visits, not six-weekly.
func TestNextVisitConnectedApprovalOnly(t *testing.T) {
	f := VisitFacts{
		Episodes:           []Episode{plEp("2025-03-03", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU3, "")},
		Visits:             plSeen("2025-03-04"),
		ConnectedApprovals: []ConnectedApproval{{Carer: "CP01", Start: isoDate("2025-03-03")}},
	}
	got, ok, err := NextVisit(f, isoDate("2025-03-05"), VisitsPolicy{})
	if err != nil || !ok {
		t.Fatalf("NextVisit() = %v, %v, %v", got, ok, err)
	}
	want := Deadline{Rule: VIS06, Due: isoDate("2025-03-11"), Anchor: isoDate("2025-03-04"), AnchorLabel: "the last visit", Count: 7, Unit: Days}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NextVisit() mismatch (-want +got):\n%s", diff)
	}
}

// TestWeeklyUntilFirstReview checks the end of the weekly visits of reg
// 28(3) and (4): "at least once a week until the first review carried out
// in accordance with Part 6, and thereafter at intervals of not more than
// six [four] weeks". The weekly duty lasts until the first review; after
// it, the ordinary interval runs from the last visit. The child lives with
// a parent under an interim care order (reg 28(4)) from Wednesday 7 May
// 2025 and is seen weekly, last on 28 May.
func TestWeeklyUntilFirstReview(t *testing.T) {
	ico := []Episode{plEp("2025-05-07", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeP1, "")}
	reg19 := []Episode{plEp("2025-05-07", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "")}
	visits := plSeen("2025-05-07", "2025-05-14", "2025-05-21", "2025-05-28")
	parent := []ParentPlacement{{PlacementStart: isoDate("2025-05-07")}}
	// In care from 1 May elsewhere, reviewed on 6 May, home on 7 May.
	movedHome := []Episode{
		plEp("2025-05-01", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2025-05-07"),
		plEp("2025-05-07", ReasonNewEpisodeP, LegalStatusC1, PlacementTypeP1, ""),
	}
	tests := []struct {
		name    string
		eps     []Episode
		parent  []ParentPlacement
		reviews []Date
		asOf    string
		want    Deadline
	}{
		{"first review between two weekly visits: next visit four weeks after the last, not a week",
			ico, nil, plDates("2025-05-29"), "2025-06-05",
			Deadline{Rule: VIS06, Due: isoDate("2025-06-25"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 28, Unit: Days}},
		{"reg 19 placement, first review between two weekly visits: next visit six weeks after the last",
			reg19, parent, plDates("2025-05-29"), "2025-06-05",
			Deadline{Rule: VIS05, Due: isoDate("2025-07-09"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 42, Unit: Days}},
		{"first review on the day the weekly visit falls due: that visit is still owed",
			ico, nil, plDates("2025-06-04"), "2025-06-05",
			Deadline{Rule: VIS06, Due: isoDate("2025-06-04"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 7, Unit: Days}},
		{"first review not yet held on the assessment date: weekly",
			ico, nil, plDates("2025-05-29"), "2025-05-28",
			Deadline{Rule: VIS06, Due: isoDate("2025-06-04"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 7, Unit: Days}},
		{"no review held: weekly",
			ico, nil, nil, "2025-06-05",
			Deadline{Rule: VIS06, Due: isoDate("2025-06-04"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 7, Unit: Days}},
		{"a review before the placement started does not end its weekly visits",
			movedHome, nil, plDates("2025-05-06"), "2025-06-05",
			Deadline{Rule: VIS06, Due: isoDate("2025-06-04"), Anchor: isoDate("2025-05-28"), AnchorLabel: "the last visit", Count: 7, Unit: Days}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := VisitFacts{Episodes: tc.eps, Visits: visits, Reviews: tc.reviews, ParentPlacements: tc.parent}
			got, ok, err := NextVisit(f, isoDate(tc.asOf), VisitsPolicy{})
			if err != nil || !ok {
				t.Fatalf("NextVisit() = %v, %v, %v", got, ok, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NextVisit() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestTemporaryApprovalArrangementRejected checks that the old second
// record of a temporary approval, an arrangement of kind
// "temporary-approval", can no longer be given, and that the error says
// where the approval goes instead.
func TestTemporaryApprovalArrangementRejected(t *testing.T) {
	var k ArrangementKind
	err := k.UnmarshalText([]byte("temporary-approval"))
	if !errors.Is(err, ErrUnknownCode) || !strings.Contains(err.Error(), "connected_approvals") || k != ArrangementKindUnknown {
		t.Errorf("UnmarshalText(temporary-approval) = %v, %v; want an unknown-code error naming connected_approvals", k, err)
	}
	var pr PlanningRecords
	err = json.Unmarshal([]byte(`{"arrangements":[{"kind":"temporary-approval","start":"2025-03-03"}]}`), &pr)
	if err == nil || !strings.Contains(err.Error(), "record it once, in connected_approvals") {
		t.Errorf("json.Unmarshal() error = %v, want one naming connected_approvals", err)
	}
	if _, err := ArrangementKind(2).MarshalText(); err == nil {
		t.Error("ArrangementKind(2).MarshalText() error = nil: the value of the old kind must not marshal")
	}
	// The other kind still reads.
	if err := k.UnmarshalText([]byte("other-person")); err != nil || k != ArrangementKindOtherPerson {
		t.Errorf("UnmarshalText(other-person) = %v, %v", k, err)
	}
}

// TestVisitFactsErrors checks that the calculators name the bad field of
// the facts they are given.
func TestVisitFactsErrors(t *testing.T) {
	eps := []Episode{plEp("2025-03-03", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU3, "")}
	tests := []struct {
		name string
		f    VisitFacts
		want []string
	}{
		{"no episodes", VisitFacts{}, []string{"episodes"}},
		{"zero review date", VisitFacts{Episodes: eps, Reviews: []Date{{}}}, []string{"reviews[0]"}},
		{"connected approval extension beyond the statute", VisitFacts{Episodes: eps, ConnectedApprovals: []ConnectedApproval{{Carer: "CP01",
			Start: isoDate("2025-03-03"), ExtendedOn: isoDate("2025-06-01"), ExtensionEnds: isoDate("2025-09-01")}}},
			[]string{"connected_approvals[0].extension_ends"}},
		{"parent placement on no placement's start", VisitFacts{Episodes: eps, ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2025-03-04")}}},
			[]string{"parent_placements[0].placement_start"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := NextVisit(tc.f, isoDate("2025-04-01"), VisitsPolicy{})
			if diff := cmp.Diff(tc.want, paths(err)); diff != "" {
				t.Errorf("NextVisit() error paths mismatch (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}
