package care

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ep builds an episode for tests.
func ep(start string, rne ReasonNewEpisode, ls LegalStatus, pt PlacementType, end string, rec ReasonEpisodeCeased) Episode {
	return Episode{Start: isoDate(start), ReasonNew: rne, LegalStatus: ls, PlacementType: pt, End: isoDate(end), ReasonCeased: rec}
}

func paths(err error) []string {
	var ve ValidationErrors
	if !errors.As(err, &ve) {
		return nil
	}
	out := make([]string, len(ve))
	for i, e := range ve {
		out[i] = e.Path
	}
	return out
}

func TestValidateEpisodes(t *testing.T) {
	dob := isoDate("2015-06-01")
	tests := []struct {
		name string
		eps  []Episode
		want []string
	}{
		{"a valid history with a gap and a return", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedX1),
			ep("2024-03-01", ReasonNewEpisodeL, LegalStatusC1, PlacementTypeU6, "2024-05-01", ReasonEpisodeCeasedX1),
			ep("2024-05-01", ReasonNewEpisodeP, LegalStatusC1, PlacementTypeK2, "2024-09-01", ReasonEpisodeCeasedE4A),
			ep("2025-01-06", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU3, "", 0),
		}, nil},
		{"first episode must be S", []Episode{
			ep("2024-01-10", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU6, "", 0),
		}, []string{"episodes[0].reason_new"}},
		{"end before start", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-01-09", ReasonEpisodeCeasedE8),
		}, []string{"episodes[0].end"}},
		{"missing required codes, all reported", []Episode{
			{Start: isoDate("2024-01-10")},
		}, []string{"episodes[0].reason_new", "episodes[0].legal_status", "episodes[0].placement_type"}},
		{"ended without a reason", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-02-01", 0),
		}, []string{"episodes[0].reason_ceased"}},
		{"overlapping episodes", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedX1),
			ep("2024-02-01", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, "", 0),
		}, []string{"episodes[1].start"}},
		{"out of order", []Episode{
			ep("2024-05-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-06-01", ReasonEpisodeCeasedX1),
			ep("2024-01-01", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, "2024-02-01", ReasonEpisodeCeasedE8),
		}, []string{"episodes[1].start"}},
		{"gap inside a period of care", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedX1),
			ep("2024-03-05", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, "", 0),
		}, []string{"episodes[1].reason_new", "episodes[0].reason_ceased"}},
		{"S in the middle of a period", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedX1),
			ep("2024-03-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU4, "", 0),
		}, []string{"episodes[1].reason_new"}},
		{"left care but the next episode starts the same day", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedE4A),
			ep("2024-03-01", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, "", 0),
		}, []string{"episodes[0].reason_ceased"}},
		{"open episode that is not the last", []Episode{
			ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "", 0),
			ep("2024-03-01", ReasonNewEpisodeP, LegalStatusV2, PlacementTypeU4, "", 0),
		}, []string{"episodes[0].end"}},
		{"before the date of birth", []Episode{
			ep("2015-05-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "", 0),
		}, []string{"episodes[0].start"}},
		{"placement type not valid in the collection year", []Episode{
			ep("2025-05-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeH5, "", 0),
		}, []string{"episodes[0].placement_type"}},
		{"out-of-range code built in Go", []Episode{
			ep("2025-05-01", ReasonNewEpisodeS, LegalStatus(200), PlacementTypeU6, "", 0),
		}, []string{"episodes[0].legal_status"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := paths(ValidateEpisodes("episodes", tc.eps, dob).Err())
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ValidateEpisodes paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlacementsAndPeriods(t *testing.T) {
	eps := []Episode{
		ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2024-03-01", ReasonEpisodeCeasedX1),
		ep("2024-03-01", ReasonNewEpisodeL, LegalStatusC1, PlacementTypeU6, "2024-04-01", ReasonEpisodeCeasedX1), // legal status only
		ep("2024-04-01", ReasonNewEpisodeT, LegalStatusC1, PlacementTypeU4, "2024-05-01", ReasonEpisodeCeasedX1), // same carer, new home
		ep("2024-05-01", ReasonNewEpisodeP, LegalStatusC1, PlacementTypeK2, "2024-09-01", ReasonEpisodeCeasedE4A),
		ep("2025-01-06", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU3, "2025-02-01", ReasonEpisodeCeasedX1),
		ep("2025-02-01", ReasonNewEpisodeB, LegalStatusC2, PlacementTypeU1, "", 0),
	}
	if err := ValidateEpisodes("episodes", eps, Date{}).Err(); err != nil {
		t.Fatalf("test history is invalid: %v", err)
	}
	wantPeriods := []Period{
		{Start: isoDate("2024-01-10"), End: isoDate("2024-09-01")},
		{Start: isoDate("2025-01-06")},
	}
	opts := cmpopts.EquateComparable(Date{})
	if diff := cmp.Diff(wantPeriods, PeriodsOfCare(eps), opts); diff != "" {
		t.Errorf("PeriodsOfCare mismatch (-want +got):\n%s", diff)
	}
	want := []Placement{
		{Period: Period{isoDate("2024-01-10"), isoDate("2024-05-01")}, First: 0, Last: 2, Type: PlacementTypeU4, FirstType: PlacementTypeU6, Moves: []Date{isoDate("2024-04-01")}},
		{Period: Period{isoDate("2024-05-01"), isoDate("2024-09-01")}, First: 3, Last: 3, Type: PlacementTypeK2, FirstType: PlacementTypeK2},
		{Period: Period{isoDate("2025-01-06"), isoDate("2025-02-01")}, First: 4, Last: 4, Type: PlacementTypeU3, FirstType: PlacementTypeU3},
		{Period: Period{Start: isoDate("2025-02-01")}, First: 5, Last: 5, Type: PlacementTypeU1, FirstType: PlacementTypeU1},
	}
	if diff := cmp.Diff(want, Placements(eps), opts); diff != "" {
		t.Errorf("Placements mismatch (-want +got):\n%s", diff)
	}
	statusTests := []struct {
		name string
		on   string
		want LegalStatus
		ok   bool
	}{
		{"before care", "2024-01-09", LegalStatusUnknown, false},
		{"first day", "2024-01-10", LegalStatusV2, true},
		{"day of a legal status change", "2024-03-01", LegalStatusC1, true},
		{"day care ended", "2024-09-01", LegalStatusUnknown, false},
		{"in the gap", "2024-12-25", LegalStatusUnknown, false},
		{"open episode far ahead", "2030-01-01", LegalStatusC2, true},
	}
	for _, tc := range statusTests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := LegalStatusOn(eps, isoDate(tc.on))
			if got != tc.want || ok != tc.ok {
				t.Errorf("LegalStatusOn(%s) = %v, %v; want %v, %v", tc.on, got, ok, tc.want, tc.ok)
			}
		})
	}
	if IsShortBreakOnly(eps) || IsShortBreakOnly(nil) {
		t.Error("IsShortBreakOnly")
	}
	if !IsShortBreakOnly([]Episode{ep("2024-01-10", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeK2, "2024-01-12", ReasonEpisodeCeasedE8)}) {
		t.Error("a V3 history is short breaks only")
	}
}

func TestChildRedacts(t *testing.T) {
	c := Child{ID: "C0001", Name: "Synthetic Name", DateOfBirth: isoDate("2012-03-04")}
	if s := c.String(); s != "child C0001" {
		t.Errorf("String() = %q", s)
	}
	if v := c.LogValue().String(); v != "[id=C0001]" {
		t.Errorf("LogValue() = %q", v)
	}
	got := paths(Child{UPN: "12345"}.Validate())
	if diff := cmp.Diff([]string{"id", "date_of_birth", "upn"}, got); diff != "" {
		t.Errorf("Child.Validate paths (-want +got):\n%s", diff)
	}
}
