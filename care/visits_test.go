package care

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// plEp builds an episode; a non-empty end closes it with X1 (a new episode
// the same day) unless rec says otherwise.
func plEp(start string, rne ReasonNewEpisode, ls LegalStatus, pt PlacementType, end string, rec ...ReasonEpisodeCeased) Episode {
	e := Episode{Start: isoDate(start), ReasonNew: rne, LegalStatus: ls, PlacementType: pt, End: isoDate(end)}
	if end != "" {
		e.ReasonCeased = ReasonEpisodeCeasedX1
		if len(rec) > 0 {
			e.ReasonCeased = rec[0]
		}
	}
	return e
}

// plSeen returns statutory visits at which the child was seen.
func plSeen(dates ...string) []Visit {
	out := make([]Visit, len(dates))
	for i, d := range dates {
		out[i] = Visit{Date: isoDate(d), Kind: VisitKindStatutory, ChildSeen: true}
	}
	return out
}

// plDates parses ISO dates.
func plDates(ss ...string) []Date {
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = isoDate(s)
	}
	return out
}

// plSummary renders the findings of the rules whose IDs start with one of
// prefixes as "RULE status due D [done D]".
func plSummary(rep Report, prefixes ...string) []string {
	var out []string
	for _, f := range rep {
		keep := len(prefixes) == 0
		for _, p := range prefixes {
			keep = keep || strings.HasPrefix(string(f.Rule()), p)
		}
		if !keep {
			continue
		}
		s := fmt.Sprintf("%s %s", f.Rule(), f.Status)
		if !f.Due.IsZero() {
			s += " due " + f.Due.String()
		}
		if !f.Done.IsZero() {
			s += " done " + f.Done.String()
		}
		out = append(out, s)
	}
	return out
}

// plMessages renders the findings of the rules whose IDs start with one of
// prefixes as "RULE status subject: message".
func plMessages(rep Report, prefixes ...string) []string {
	var out []string
	for _, f := range rep {
		for _, p := range prefixes {
			if strings.HasPrefix(string(f.Rule()), p) {
				out = append(out, fmt.Sprintf("%s %s %s: %s", f.Rule(), f.Status, f.Subject(), f.Message()))
				break
			}
		}
	}
	return out
}

func plChild() Child { return Child{ID: "C0001", DateOfBirth: isoDate("2014-06-10")} }

func TestEvaluateVisits(t *testing.T) {
	fosterV2 := func(start string) []Episode {
		return []Episode{plEp(start, ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}
	}
	longTerm := func(start string, until18, ltf bool) []Episode {
		e := plEp(start, ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU4, "")
		e.IntendedUntil18, e.LongTermFoster = until18, ltf
		return []Episode{e}
	}
	tests := []struct {
		name   string
		rec    Record
		ctx    Context
		asOf   string
		policy Policy
		only   string
		want   []string
	}{
		{
			name: "visit on the day the placement starts meets VIS-01",
			rec:  Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-08")}},
			asOf: "2024-01-20",
			want: []string{"VIS-01 met due 2024-01-15 done 2024-01-08", "VIS-02 upcoming due 2024-02-19"},
		},
		{
			name: "first visit due on Christmas Day is on time that day (calendar days)",
			rec:  Record{Episodes: fosterV2("2025-12-18"), PlanningRecords: PlanningRecords{Visits: plSeen("2025-12-25")}},
			asOf: "2026-01-10",
			want: []string{"VIS-01 met due 2025-12-25 done 2025-12-25", "VIS-02 upcoming due 2026-02-05"},
		},
		{
			name: "first visit on Boxing Day is a day late",
			rec:  Record{Episodes: fosterV2("2025-12-18"), PlanningRecords: PlanningRecords{Visits: plSeen("2025-12-26")}},
			asOf: "2026-01-10",
			want: []string{"VIS-01 late due 2025-12-25 done 2025-12-26", "VIS-02 upcoming due 2026-02-06"},
		},
		{
			name: "no visit yet: overdue once the week has passed",
			rec:  Record{Episodes: fosterV2("2024-01-08")},
			asOf: "2024-01-16",
			want: []string{"VIS-01 overdue due 2024-01-15"},
		},
		{
			name: "placement crossing its first anniversary, intended until 18",
			rec:  Record{Episodes: longTerm("2023-01-09", true, false), PlanningRecords: PlanningRecords{Visits: plSeen("2023-01-10", "2023-12-20", "2024-01-20")}},
			asOf: "2024-03-01",
			want: []string{
				"VIS-01 met due 2023-01-16 done 2023-01-10",
				"VIS-02 late due 2023-02-21 done 2023-12-20",
				"VIS-02 met due 2024-01-31 done 2024-01-20",
				"VIS-03 upcoming due 2024-04-20",
			},
		},
		{
			name: "after the first year, not intended until 18: six-weekly, across 29 February",
			rec:  Record{Episodes: longTerm("2023-01-09", false, false), PlanningRecords: PlanningRecords{Visits: plSeen("2023-01-10", "2023-12-20", "2024-01-20")}},
			asOf: "2024-03-01",
			only: "VIS-03",
			want: []string{"VIS-03 upcoming due 2024-03-02"},
		},
		{
			name: "three months from 30 November is 29 February in a leap year",
			rec:  Record{Episodes: longTerm("2022-11-15", true, false), PlanningRecords: PlanningRecords{Visits: plSeen("2022-11-16", "2023-11-30")}},
			asOf: "2023-12-10",
			want: []string{
				"VIS-01 met due 2022-11-22 done 2022-11-16",
				"VIS-02 late due 2022-12-28 done 2023-11-30",
				"VIS-03 upcoming due 2024-02-29",
			},
		},
		{
			name: "long-term foster placement with the child's agreement: six-monthly",
			rec: Record{Episodes: longTerm("2022-03-01", true, true), PlanningRecords: PlanningRecords{
				Visits: plSeen("2022-03-02", "2023-03-10"), VisitAgreements: []VisitAgreement{{Agreed: isoDate("2023-03-01")}}}},
			asOf: "2023-06-01",
			only: "VIS-0",
			want: []string{"VIS-01 met due 2022-03-08 done 2022-03-02", "VIS-02 late due 2022-04-13 done 2023-03-10", "VIS-04 upcoming due 2023-09-10"},
		},
		{
			name: "long-term foster placement without the child's agreement: three-monthly",
			rec:  Record{Episodes: longTerm("2022-03-01", true, true), PlanningRecords: PlanningRecords{Visits: plSeen("2022-03-02", "2023-03-10")}},
			asOf: "2023-06-01",
			only: "VIS-03",
			want: []string{"VIS-03 upcoming due 2023-06-10"},
		},
		{
			name: "placed with a parent before assessment: weekly until the first review, then six-weekly",
			rec: Record{Episodes: []Episode{plEp("2024-03-04", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "")}, PlanningRecords: PlanningRecords{
				Visits:           plSeen("2024-03-05", "2024-03-12", "2024-03-20", "2024-04-02"),
				ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-03-04")}}}},
			ctx:  Context{Reviews: plDates("2024-03-28")},
			asOf: "2024-04-10",
			want: []string{
				"VIS-01 met due 2024-03-11 done 2024-03-05",
				"VIS-05 met due 2024-03-12 done 2024-03-12",
				"VIS-05 late due 2024-03-19 done 2024-03-20",
				"VIS-05 late due 2024-03-27 done 2024-04-02",
				"VIS-05 upcoming due 2024-05-14",
			},
		},
		{
			name: "interim care order at home: weekly until the first review, then four-weekly",
			rec: Record{Episodes: []Episode{plEp("2024-03-04", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeP1, "")},
				PlanningRecords: PlanningRecords{Visits: plSeen("2024-03-04", "2024-03-11", "2024-03-18")}},
			ctx:  Context{Reviews: plDates("2024-03-15")},
			asOf: "2024-04-01",
			// The review on 15 March falls between the visits of 11 and
			// 18 March: the weekly visit due on 18 March was no longer
			// owed, and the next was due four weeks after 11 March.
			want: []string{
				"VIS-01 met due 2024-03-11 done 2024-03-04",
				"VIS-06 met due 2024-03-11 done 2024-03-11",
				"VIS-06 met due 2024-04-08 done 2024-03-18",
				"VIS-06 upcoming due 2024-04-15",
			},
		},
		{
			name: "connected person on temporary approval: weekly",
			rec: Record{Episodes: []Episode{plEp("2024-03-04", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU3, "")},
				PlanningRecords:     PlanningRecords{Visits: plSeen("2024-03-05", "2024-03-12")},
				SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{{Carer: "CP01", Start: isoDate("2024-03-04")}}}},
			asOf: "2024-03-15",
			want: []string{"VIS-01 met due 2024-03-11 done 2024-03-05", "VIS-06 met due 2024-03-12 done 2024-03-12", "VIS-06 upcoming due 2024-03-19"},
		},
		{
			name: "care order made while living with a parent: a visit within a week of the order",
			rec: Record{Episodes: []Episode{
				plEp("2024-03-04", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeP1, "2024-05-01"),
				plEp("2024-05-01", ReasonNewEpisodeL, LegalStatusC2, PlacementTypeP1, ""),
			}, PlanningRecords: PlanningRecords{Visits: plSeen("2024-03-04", "2024-04-29", "2024-05-06")}},
			asOf: "2024-05-10",
			only: "VIS-07",
			want: []string{"VIS-07 met due 2024-05-08 done 2024-05-06", "VIS-07 upcoming due 2024-06-17"},
		},
		{
			name: "another person responsible for the living arrangements splits the placement",
			rec: Record{Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "")}, PlanningRecords: PlanningRecords{
				Visits:       plSeen("2024-01-09", "2024-02-15", "2024-03-05", "2024-04-10", "2024-05-06"),
				Arrangements: []Arrangement{{Kind: ArrangementKindOtherPerson, Start: isoDate("2024-03-01"), End: isoDate("2024-05-01")}}}},
			asOf: "2024-05-20",
			want: []string{
				"VIS-01 met due 2024-01-15 done 2024-01-09",
				"VIS-02 met due 2024-02-20 done 2024-02-15",
				"VIS-10 met due 2024-03-08 done 2024-03-05",
				"VIS-10 met due 2024-04-16 done 2024-04-10",
				"VIS-01 met due 2024-05-08 done 2024-05-06",
				"VIS-02 upcoming due 2024-06-17",
			},
		},
		{
			name: "s.30A notice about the children's home: visit within a week",
			rec: Record{Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeK2, "")}, PlanningRecords: PlanningRecords{
				Visits: plSeen("2024-01-10", "2024-02-06"), HomeNotices: []HomeNotice{{Received: isoDate("2024-02-01")}, {Received: isoDate("2024-02-10")}}}},
			asOf: "2024-02-20",
			only: "VIS-11",
			want: []string{"VIS-11 met due 2024-02-08 done 2024-02-06", "VIS-11 overdue due 2024-02-17"},
		},
		{
			name: "short breaks: only visits on days the child is placed count",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8),
				plEp("2024-02-02", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-02-04", ReasonEpisodeCeasedE8),
				plEp("2024-03-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-03-03", ReasonEpisodeCeasedE8),
				plEp("2024-05-03", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, ""),
			}, PlanningRecords: PlanningRecords{Visits: []Visit{
				{Date: isoDate("2024-02-10"), Kind: VisitKindOther, ChildSeen: true},
				{Date: isoDate("2024-03-03"), Kind: VisitKindStatutory, ChildSeen: true},
			}}},
			asOf: "2024-06-01",
			only: "VIS",
			want: []string{"VIS-12 met due 2024-04-05 done 2024-03-03", "VIS-12 upcoming due 2024-09-03"},
		},
		{
			name: "a statutory visit without seeing the child does not count",
			rec: Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: []Visit{
				{Date: isoDate("2024-01-10"), Kind: VisitKindStatutory}, {Date: isoDate("2024-01-16"), Kind: VisitKindStatutory, ChildSeen: true}}}},
			asOf: "2024-01-20",
			only: "VIS-01",
			want: []string{"VIS-01 late due 2024-01-15 done 2024-01-16"},
		},
		{
			name: "policy CountUnseen counts it",
			rec: Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: []Visit{
				{Date: isoDate("2024-01-10"), Kind: VisitKindStatutory}, {Date: isoDate("2024-01-16"), Kind: VisitKindStatutory, ChildSeen: true}}}},
			asOf:   "2024-01-20",
			policy: Policy{PlanningPolicy: PlanningPolicy{Visits: VisitsPolicy{CountUnseen: true}}},
			only:   "VIS-01",
			want:   []string{"VIS-01 met due 2024-01-15 done 2024-01-10"},
		},
		{
			name: "placement ended before the first visit was due: nothing owed",
			rec:  Record{Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-01-12", ReasonEpisodeCeasedE4A)}},
			asOf: "2024-02-01",
			want: nil,
		},
		{
			name: "placement ended after the first visit was due, with no visit: missed",
			rec:  Record{Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-01-20", ReasonEpisodeCeasedE4A)}},
			asOf: "2024-02-01",
			want: []string{"VIS-01 missed due 2024-01-15"},
		},
		{
			name: "a visit after the assessment date is ignored",
			rec:  Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-12")}},
			asOf: "2024-01-10",
			want: []string{"VIS-01 upcoming due 2024-01-15"},
		},
		{
			name: "an arrangement starting after the assessment date changes nothing yet",
			rec: Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-09"),
				Arrangements: []Arrangement{{Kind: ArrangementKindOtherPerson, Start: isoDate("2024-03-01")}}}},
			asOf: "2024-02-01",
			want: []string{"VIS-01 met due 2024-01-15 done 2024-01-09", "VIS-02 upcoming due 2024-02-20"},
		},
		{
			name: "a visit in a gap between periods of care is allowed and counts for nothing",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-02-01", ReasonEpisodeCeasedE4A),
				plEp("2024-03-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, ""),
			}, PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-10", "2024-02-15", "2024-03-05")}},
			asOf: "2024-03-10",
			want: []string{"VIS-01 met due 2024-01-15 done 2024-01-10", "VIS-01 met due 2024-03-08 done 2024-03-05", "VIS-02 upcoming due 2024-04-16"},
		},
		{
			name: "a placement before the CPPCR came into force is not judged",
			rec: Record{Child: Child{ID: "C0009", DateOfBirth: isoDate("2005-01-01")}, Episodes: fosterV2("2011-03-01"),
				PlanningRecords: PlanningRecords{Visits: plSeen("2011-03-20", "2011-04-10")}},
			asOf: "2011-04-20",
			want: []string{"VIS-02 upcoming due 2011-05-22"},
		},
		{
			name:   "a stricter local interval",
			rec:    Record{Episodes: fosterV2("2024-01-08"), PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-08")}},
			asOf:   "2024-01-20",
			policy: Policy{PlanningPolicy: PlanningPolicy{Visits: VisitsPolicy{IntervalDays: 28}}},
			want:   []string{"VIS-01 met due 2024-01-15 done 2024-01-08", "VIS-02 upcoming due 2024-02-05"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.rec.Child.ID == "" {
				tc.rec.Child = plChild()
			}
			rep, err := EvaluateVisits(tc.rec.VisitFacts(tc.ctx.Reviews), isoDate(tc.asOf), tc.policy.Visits)
			if err != nil {
				t.Fatalf("EvaluateVisits() error = %v", err)
			}
			only := tc.only
			if only == "" {
				only = "VIS"
			}
			if diff := cmp.Diff(tc.want, plSummary(rep, only)); diff != "" {
				t.Errorf("EvaluateVisits() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNextVisit(t *testing.T) {
	eps := []Episode{
		plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2024-04-02"),
		plEp("2024-04-02", ReasonNewEpisodeP, LegalStatusC2, PlacementTypeK2, "2024-09-01", ReasonEpisodeCeasedE4A),
	}
	tests := []struct {
		name   string
		visits []Visit
		asOf   string
		want   Deadline
		wantOK bool
	}{
		{"first visit of the current placement", plSeen("2024-01-09"), "2024-04-03",
			Deadline{Rule: "VIS-01", Due: isoDate("2024-04-09"), Anchor: isoDate("2024-04-02"), AnchorLabel: "the start of the placement", Count: 7, Unit: Days}, true},
		{"an overdue interval is still the next visit", plSeen("2024-01-09", "2024-04-03"), "2024-06-01",
			Deadline{Rule: "VIS-02", Due: isoDate("2024-05-15"), Anchor: isoDate("2024-04-03"), AnchorLabel: "the last visit", Count: 42, Unit: Days}, true},
		{"not looked after", plSeen("2024-01-09"), "2024-10-01", Deadline{}, false},
		{"before care", nil, "2023-12-01", Deadline{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := NextVisit(VisitFacts{Episodes: eps, Visits: tc.visits}, isoDate(tc.asOf), VisitsPolicy{})
			if err != nil {
				t.Fatalf("NextVisit() error = %v", err)
			}
			if ok != tc.wantOK {
				t.Errorf("NextVisit(%s) ok = %v, want %v", tc.asOf, ok, tc.wantOK)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("NextVisit(%s) mismatch (-want +got):\n%s", tc.asOf, diff)
			}
		})
	}
}

func TestVisitSchedule(t *testing.T) {
	f := VisitFacts{Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")},
		Visits: plSeen("2024-01-10", "2024-02-19")}
	got, err := VisitSchedule(f, isoDate("2024-03-01"), VisitsPolicy{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Deadline{
		{Rule: "VIS-01", Due: isoDate("2024-01-15"), Anchor: isoDate("2024-01-08"), AnchorLabel: "the start of the placement", Count: 7, Unit: Days},
		{Rule: "VIS-02", Due: isoDate("2024-02-21"), Anchor: isoDate("2024-01-10"), AnchorLabel: "the last visit", Count: 42, Unit: Days},
		{Rule: "VIS-02", Due: isoDate("2024-04-01"), Anchor: isoDate("2024-02-19"), AnchorLabel: "the last visit", Count: 42, Unit: Days},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("VisitSchedule() mismatch (-want +got):\n%s", diff)
	}
}

func TestVisitCalculatorErrors(t *testing.T) {
	good := Record{Child: plChild(), Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}}
	bad := good
	bad.Visits = []Visit{{Date: isoDate("2023-12-01"), Kind: VisitKindStatutory, ChildSeen: true}, {Date: isoDate("2024-02-01")}}
	tests := []struct {
		name   string
		rec    Record
		asOf   Date
		policy Policy
		want   []string
	}{
		{"zero as-of date", good, Date{}, Policy{}, []string{"as_of"}},
		{"looser policy", good, isoDate("2024-02-01"), Policy{PlanningPolicy: PlanningPolicy{Visits: VisitsPolicy{IntervalDays: 60}}}, []string{"visits.interval_days"}},
		{"visit before care and a visit without a kind", bad, isoDate("2024-03-01"), Policy{}, []string{"visits[0].date", "visits[1].kind"}},
		{"statutory visit after the child left care", Record{Child: plChild(),
			Episodes:        []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-02-01", ReasonEpisodeCeasedE4A)},
			PlanningRecords: PlanningRecords{Visits: plSeen("2024-01-09", "2024-02-02")}}, isoDate("2024-03-01"), Policy{}, []string{"visits[1].date"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := EvaluateVisits(tc.rec.VisitFacts(nil), tc.asOf, tc.policy.Visits)
			if err == nil {
				t.Fatal("EvaluateVisits() error = nil, want an error")
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("EvaluateVisits() error = %v, want field errors", err)
			}
			got := paths(err)
			if got == nil {
				got = []string{fe.Path}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("EvaluateVisits() error paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVisitRecordRules(t *testing.T) {
	eps := []Episode{plEp("2024-12-16", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}
	tests := []struct {
		name  string
		visit Visit
		want  []string
	}{
		{"written up across Christmas within 3 working days", Visit{Date: isoDate("2024-12-20"), Kind: VisitKindStatutory, ChildSeen: true, SeenAlone: SeenAloneYes, ViewsRecorded: true, Purpose: "review of placement", WrittenUp: isoDate("2024-12-27")},
			[]string{"VIS-09 met", "VIS-08 met due 2024-12-27 done 2024-12-27"}},
		{"written up a working day late; seen but not alone when appropriate", Visit{Date: isoDate("2024-12-20"), Kind: VisitKindStatutory, ChildSeen: true, SeenAlone: SeenAloneNo, ViewsRecorded: true, PlanAction: "A1", WrittenUp: isoDate("2024-12-30")},
			[]string{"VIS-09 breach", "VIS-08 late due 2024-12-27 done 2024-12-30"}},
		{"not alone because not appropriate is fine", Visit{Date: isoDate("2024-12-20"), Kind: VisitKindStatutory, ChildSeen: true, SeenAlone: SeenAloneNotAppropriate, ViewsRecorded: true, Purpose: "p", WrittenUp: isoDate("2024-12-20")},
			[]string{"VIS-09 met", "VIS-08 met due 2024-12-27 done 2024-12-20"}},
		{"other visits are not judged", Visit{Date: isoDate("2024-12-20"), Kind: VisitKindOther}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: plChild(), Episodes: eps, PlanningRecords: PlanningRecords{Visits: []Visit{tc.visit}}}
			rep, err := Assess(r, Context{}, isoDate("2025-01-10"), EnglandAndWales(), Policy{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, plSummary(rep, "VIS-08", "VIS-09")); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVisitKindText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want VisitKind
		err  bool
	}{
		{"statutory", "statutory", VisitKindStatutory, false},
		{"other", "other", VisitKindOther, false},
		{"empty is unknown", "", VisitKindUnknown, false},
		{"bad", "home", VisitKindUnknown, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var k VisitKind
			err := k.UnmarshalText([]byte(tc.in))
			if (err != nil) != tc.err || k != tc.want {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v, error %v", tc.in, k, err, tc.want, tc.err)
			}
		})
	}
}

// TestVisitWindows checks what closes a visit interval. The child is
// placed on Thursday 10 September 2026 and seen on 12 September, so the
// next visit is due on 24 October; the assessment date is 1 November.
func TestVisitWindows(t *testing.T) {
	const start, asOf = "2026-09-10", "2026-11-01"
	// leaves builds the placement ending on end with the child leaving care.
	leaves := func(end string) []Episode {
		return []Episode{plEp(start, ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, end, ReasonEpisodeCeasedE4A)}
	}
	// moves builds the placement ending on end with a move to another.
	moves := func(end string) []Episode {
		return []Episode{
			plEp(start, ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, end),
			plEp(end, ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, ""),
		}
	}
	tests := []struct {
		name string
		eps  []Episode
		recs PlanningRecords
		want []string
	}{
		{"placement continues: the interval is overdue", leaves(""), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 overdue due 2026-10-24"}},
		{"child leaves care the day before the due date: no visit was owed", leaves("2026-10-23"), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12"}},
		{"child leaves care on the due date: no visit was owed", leaves("2026-10-24"), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12"}},
		{"child leaves care the day after the due date: missed", leaves("2026-10-25"), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 missed due 2026-10-24"}},
		{"placement ends after the assessment date: still overdue", leaves("2026-11-05"), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 overdue due 2026-10-24"}},
		{"child moves the day after the due date: missed, and the new placement's first visit is due", moves("2026-10-25"), PlanningRecords{Visits: plSeen("2026-09-12")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 missed due 2026-10-24", "VIS-01 upcoming due 2026-11-01"}},
		{"a later visit closes the interval as late", leaves(""), PlanningRecords{Visits: plSeen("2026-09-12", "2026-10-28")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 late due 2026-10-24 done 2026-10-28", "VIS-02 upcoming due 2026-12-09"}},
		{"a visit after the placement ended counts for the next placement, not the last", moves("2026-10-25"), PlanningRecords{Visits: plSeen("2026-09-12", "2026-10-26")},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 missed due 2026-10-24", "VIS-01 met due 2026-11-01 done 2026-10-26", "VIS-02 upcoming due 2026-12-07"}},
		{"another person takes over the living arrangements after the due date: missed", leaves(""), PlanningRecords{Visits: plSeen("2026-09-12"),
			Arrangements: []Arrangement{{Kind: ArrangementKindOtherPerson, Start: isoDate("2026-10-25")}}},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-02 missed due 2026-10-24", "VIS-10 upcoming due 2026-11-01"}},
		{"another person's arrangements end with no visit: missed, and the return owes a first visit", leaves(""), PlanningRecords{Visits: plSeen("2026-09-12"),
			Arrangements: []Arrangement{{Kind: ArrangementKindOtherPerson, Start: isoDate("2026-10-01"), End: isoDate("2026-10-20")}}},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-10 missed due 2026-10-08", "VIS-01 overdue due 2026-10-27"}},
		{"an s.30A notice owes no visit once the placement ended before it was due", moves("2026-10-05"), PlanningRecords{Visits: plSeen("2026-09-12", "2026-10-06"),
			HomeNotices: []HomeNotice{{Received: isoDate("2026-10-01")}}},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-01 met due 2026-10-12 done 2026-10-06", "VIS-02 upcoming due 2026-11-17"}},
		{"an s.30A notice is missed when the placement ends after the visit was due", moves("2026-10-10"), PlanningRecords{Visits: plSeen("2026-09-12", "2026-10-12"),
			HomeNotices: []HomeNotice{{Received: isoDate("2026-10-01")}}},
			[]string{"VIS-01 met due 2026-09-17 done 2026-09-12", "VIS-11 missed due 2026-10-08", "VIS-01 met due 2026-10-17 done 2026-10-12", "VIS-02 upcoming due 2026-11-23"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := Record{Child: plChild(), Episodes: tc.eps, PlanningRecords: tc.recs}
			rep, err := EvaluateVisits(rec.VisitFacts(nil), isoDate(asOf), VisitsPolicy{})
			if err != nil {
				t.Fatalf("EvaluateVisits() error = %v", err)
			}
			if diff := cmp.Diff(tc.want, plSummary(rep, "VIS")); diff != "" {
				t.Errorf("EvaluateVisits() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVisitMessages checks that a visit finding reads as a sentence about
// the child, naming its record, and that a missed one says what closed it.
func TestVisitMessages(t *testing.T) {
	eps := []Episode{plEp("2026-09-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}
	rec := Record{Child: plChild(), Episodes: eps, PlanningRecords: PlanningRecords{Visits: plSeen("2026-09-12"),
		Arrangements: []Arrangement{{Kind: ArrangementKindOtherPerson, Start: isoDate("2026-11-03")}}}}
	rep, err := EvaluateVisits(rec.VisitFacts(nil), isoDate("2026-11-01"), VisitsPolicy{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"VIS-01 met episodes[0]: visit on 12 September 2026, on time; due 17 September 2026, 7 days after the start of the placement on 10 September 2026",
		"VIS-02 overdue episodes[0]: no visit yet; due 24 October 2026, 42 days after the last visit on 12 September 2026",
	}
	if diff := cmp.Diff(want, plMessages(rep, "VIS")); diff != "" {
		t.Errorf("EvaluateVisits() messages mismatch (-want +got):\n%s", diff)
	}
	f := rep[1]
	if got, want := fmt.Sprint(f.Evidence()), "[the last visit 2026-09-12 (visits[0])]"; got != want {
		t.Errorf("Evidence() = %s, want %s", got, want)
	}
	// Two days later another person takes over: the interval was missed.
	rep, err = EvaluateVisits(rec.VisitFacts(nil), isoDate("2026-11-05"), VisitsPolicy{})
	if err != nil {
		t.Fatal(err)
	}
	want = []string{
		"VIS-01 met episodes[0]: visit on 12 September 2026, on time; due 17 September 2026, 7 days after the start of the placement on 10 September 2026",
		"VIS-02 missed episodes[0]: no visit by 24 October 2026 (42 days after the last visit on 12 September 2026); closed when another person took over the living arrangements on 3 November 2026",
		"VIS-10 upcoming arrangements[0]: visit due 10 November 2026, 7 days after the start of another person's arrangements on 3 November 2026",
	}
	if diff := cmp.Diff(want, plMessages(rep, "VIS")); diff != "" {
		t.Errorf("EvaluateVisits() messages mismatch (-want +got):\n%s", diff)
	}
	if f := rep[1]; f.DaysLate(isoDate("2026-11-05")) != 10 {
		t.Errorf("DaysLate() = %d, want 10 (from the due date to the day the window closed)", f.DaysLate(isoDate("2026-11-05")))
	}
}

// TestVisitSeriesWindows checks the windows of VIS-07, VIS-12 and VIS-08.
func TestVisitSeriesWindows(t *testing.T) {
	tests := []struct {
		name string
		rec  Record
		asOf string
		only string
		want []string
	}{
		{
			name: "care order at home: the visit after the order is missed when the child moves",
			rec: Record{Episodes: []Episode{
				plEp("2024-03-04", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeP1, "2024-05-01"),
				plEp("2024-05-01", ReasonNewEpisodeL, LegalStatusC2, PlacementTypeP1, "2024-05-20"),
				plEp("2024-05-20", ReasonNewEpisodeP, LegalStatusC2, PlacementTypeU6, ""),
			}, PlanningRecords: PlanningRecords{Visits: plSeen("2024-03-04", "2024-04-29", "2024-05-20")}},
			asOf: "2024-06-01", only: "VIS-07",
			want: []string{"VIS-07 missed due 2024-05-08"},
		},
		{
			name: "short breaks: the series ended after the visit was due: missed",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8),
				plEp("2024-04-12", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-04-14", ReasonEpisodeCeasedE8),
			}},
			asOf: "2024-06-01", only: "VIS",
			want: []string{"VIS-12 missed due 2024-04-05"},
		},
		{
			name: "short breaks: the series ended before the visit was due: none was owed",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8),
				plEp("2024-03-01", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-03-03", ReasonEpisodeCeasedE8),
			}},
			asOf: "2024-06-01", only: "VIS",
			want: nil,
		},
		{
			name: "a visit not written up when the child leaves care is missed",
			rec: Record{Episodes: []Episode{plEp("2024-12-16", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-12-30", ReasonEpisodeCeasedE4A)},
				PlanningRecords: PlanningRecords{Visits: plSeen("2024-12-20")}},
			asOf: "2025-01-10", only: "VIS-08",
			want: []string{"VIS-08 missed due 2024-12-27"},
		},
		{
			name: "child leaves care on the day the write-up is due: none was owed",
			rec: Record{Episodes: []Episode{plEp("2024-12-16", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-12-27", ReasonEpisodeCeasedE4A)},
				PlanningRecords: PlanningRecords{Visits: plSeen("2024-12-20")}},
			asOf: "2025-01-10", only: "VIS-08",
			want: nil,
		},
		{
			name: "a write-up after the child left care is late",
			rec: Record{Episodes: []Episode{plEp("2024-12-16", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-12-30", ReasonEpisodeCeasedE4A)},
				PlanningRecords: PlanningRecords{Visits: []Visit{{Date: isoDate("2024-12-20"), Kind: VisitKindStatutory, ChildSeen: true, WrittenUp: isoDate("2025-01-06")}}}},
			asOf: "2025-01-10", only: "VIS-08",
			want: []string{"VIS-08 late due 2024-12-27 done 2025-01-06"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, tc.rec, Context{}, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
