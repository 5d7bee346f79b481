package permanence_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/shopspring/decimal"
)

func TestTrack(t *testing.T) {
	tests := []struct {
		name string
		rec  permanence.Record
		in   permanence.Inputs
		asOf string
		want permanence.Row
	}{
		{
			name: "return home primary, adoption parallel, special guardianship ruled out",
			rec: permanence.Record{
				Plan: permanence.Plan{Transitions: []permanence.Transition{
					primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered), tr("2025-01-06", sgo, considered),
					tr("2025-02-10", adoption, assessing), ruledOut("2025-03-03", sgo, "no viable carer"),
				}},
				Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10")}},
			},
			in:   inputs("C0010", s20("2025-01-02")),
			asOf: "2025-05-01",
			want: permanence.Row{
				ChildID: "C0010", Primary: home, PrimaryState: assessing, PrimarySince: day("2025-01-06"),
				Alternatives: []permanence.Alternative{
					{Route: sgo, State: permanence.StateRuledOut, Since: day("2025-03-03"), Reason: "no viable carer"},
					{Route: adoption, State: assessing, Since: day("2025-02-10")},
				},
				LastMovement: day("2025-03-03"), DaysSinceMovement: 59,
				Next: permanence.Milestone{Rule: permanence.PERM03, Label: "next movement on the plan", Due: day("2025-06-03")},
			},
		},
		{
			name: "overdue item is next",
			rec:  permanence.Record{Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10")}}},
			in:   inputs("C0011"),
			asOf: "2025-08-01",
			want: permanence.Row{ChildID: "C0011", Failures: 1,
				Next: permanence.Milestone{Rule: permanence.PERM04, Label: "final order (permanence.proceedings[0])", Due: day("2025-07-10"), Overdue: true}},
		},
		{
			name: "foster-carer adoption: A10 from the foster placement's start",
			rec: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-15"), Match: day("2025-02-01"),
				Placed: day("2025-03-01"), FosterCarerAdoption: true, AdoptionOrder: day("2025-07-01")}},
			in: permanence.Inputs{Child: kid("C0012"), Episodes: []care.Episode{
				ep("2024-01-15", "2024-04-01", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1),
				ep("2024-04-01", "2025-03-01", care.ReasonNewEpisodeP, care.LegalStatusC1, care.PlacementTypeU5, care.ReasonEpisodeCeasedX1),
				ep("2025-03-01", "2025-07-01", care.ReasonNewEpisodeU, care.LegalStatusE1, care.PlacementTypeA5, care.ReasonEpisodeCeasedE11),
			}},
			asOf: "2025-08-01",
			// The first review after placement was missed: the adoption
			// order closed it, so it is a failure but not the next milestone.
			want: permanence.Row{ChildID: "C0012", Failures: 1,
				Measures: []permanence.Measurement{
					{Measure: permanence.A1, Start: day("2024-01-15"), End: day("2025-03-01"), Days: 411, Judged: true, Within: true,
						Threshold: permanence.DefaultThresholds()[9]},
					{Measure: permanence.A2, Start: day("2025-01-15"), End: day("2025-02-01"), Days: 17, Judged: true, Within: true,
						Threshold: permanence.DefaultThresholds()[10]},
					{Measure: permanence.A10, Start: day("2024-01-15"), End: day("2024-04-01"), Days: 77},
				}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := permanence.Track(tc.rec, tc.in, day(tc.asOf), ew, permanence.Policy{})
			if err != nil {
				t.Fatalf("Track() error = %v", err)
			}
			if diff := cmp.Diff(tc.want, got, cmpOpts); diff != "" {
				t.Errorf("Track() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTrackCohort(t *testing.T) {
	adoptedCase := func(id, entered, po, match, placed, order string) permanence.Case {
		in := adoptedInputs(entered, placed)
		in.Child.ID = id
		in.Episodes[1].End, in.Episodes[1].ReasonCeased = day(order), care.ReasonEpisodeCeasedE11
		return permanence.Case{
			Record: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day(po), Match: day(match),
				Placed: day(placed), AdoptionOrder: day(order)}},
			Inputs: in,
		}
	}
	cases := []permanence.Case{
		// A1 400 days (within 14 months), A2 30 days.
		adoptedCase("C0020", "2023-01-01", "2023-10-01", "2023-10-31", "2024-02-05", "2024-09-01"),
		// A1 501 days (not within), A2 0 days (match first).
		adoptedCase("C0021", "2023-01-01", "2024-02-01", "2024-01-20", "2024-05-16", "2024-12-01"),
		// Adopted before the window: left out of the averages.
		adoptedCase("C0022", "2019-01-01", "2019-06-01", "2019-07-01", "2019-09-01", "2020-03-01"),
		// Invalid: reported in the error, no row.
		{Record: plan(tr("2024-01-01", ltf, achieved)), Inputs: inputs("C0023")},
	}
	got, err := permanence.TrackCohort(cases, day("2025-03-31"), ew, permanence.Policy{})
	if !errors.Is(err, permanence.ErrInvalidTransition) || len(paths(err)) != 1 || paths(err)[0] != "cases[3].plan.transitions[0].state" {
		t.Errorf("TrackCohort() error = %v, want one invalid transition at cases[3]", err)
	}
	if len(got.Rows) != 3 {
		t.Fatalf("TrackCohort() rows = %d, want 3", len(got.Rows))
	}
	wantWindow := care.Period{Start: day("2022-04-01"), End: day("2025-04-01")}
	if got.Window != wantWindow {
		t.Errorf("TrackCohort() window = %v, want %v", got.Window, wantWindow)
	}
	want := []permanence.Average{
		{Measure: permanence.A1, Children: 2, TotalDays: 901, MeanDays: decimal.RequireFromString("450.5"), Judged: 2, Within: 1, WithinPercent: decimal.RequireFromString("50.0")},
		{Measure: permanence.A2, Children: 2, TotalDays: 30, MeanDays: decimal.RequireFromString("15.0"), Judged: 2, Within: 2, WithinPercent: decimal.RequireFromString("100.0")},
		{Measure: permanence.A10, Children: 2, TotalDays: 901, MeanDays: decimal.RequireFromString("450.5")},
	}
	if diff := cmp.Diff(want, got.Averages, cmpOpts); diff != "" {
		t.Errorf("TrackCohort() averages mismatch (-want +got):\n%s", diff)
	}
	if s := got.Averages[0].MeanDays.StringFixed(1); s != "450.5" {
		t.Errorf("MeanDays.StringFixed(1) = %q, want %q", s, "450.5")
	}
}

func TestTrackCohortRounding(t *testing.T) {
	// Three children of 1, 1 and 2 days' A2: mean 4/3 = 1.333… → 1.3; and
	// 1 of 3 within → 33.3%.
	mk := func(id, po, match string) permanence.Case {
		return permanence.Case{
			Record: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day(po), Match: day(match),
				Placed: day("2024-12-01"), AdoptionOrder: day("2025-01-10")}},
			Inputs: inputs(id, ep("2023-06-01", "", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, 0)),
		}
	}
	cases := []permanence.Case{mk("C0030", "2024-01-01", "2024-01-02"), mk("C0031", "2024-01-01", "2024-01-02"), mk("C0032", "2024-01-01", "2024-01-03")}
	p := permanence.Policy{Thresholds: []permanence.Threshold{{Measure: permanence.A2, Days: 1, Applies: care.Period{Start: day("2020-01-01")}}}}
	got, err := permanence.TrackCohort(cases, day("2025-03-31"), ew, p)
	if err != nil {
		t.Fatalf("TrackCohort() error = %v", err)
	}
	a2 := got.Averages[1]
	if a2.MeanDays.StringFixed(1) != "1.3" || a2.WithinPercent.StringFixed(1) != "66.7" {
		t.Errorf("A2 mean, within%% = %s, %s, want 1.3, 66.7", a2.MeanDays.StringFixed(1), a2.WithinPercent.StringFixed(1))
	}
	// A cohort in which nobody was adopted averages nothing.
	none, err := permanence.TrackCohort([]permanence.Case{{Inputs: inputs("C0033")}}, day("2025-03-31"), ew, p)
	if err != nil {
		t.Fatalf("TrackCohort() error = %v", err)
	}
	if empty := none.Averages[0]; !empty.MeanDays.IsZero() || empty.Children != 0 {
		t.Errorf("A1 average with no children = %+v, want zero", empty)
	}
}

func TestTrackCohortErrors(t *testing.T) {
	if _, err := permanence.TrackCohort(nil, care.Date{}, ew, permanence.Policy{}); !errors.Is(err, permanence.ErrNoAsOf) {
		t.Errorf("TrackCohort(zero as-of) error = %v, want ErrNoAsOf", err)
	}
	if _, err := permanence.TrackCohort(nil, day("2025-01-01"), ew, permanence.Policy{DriftMonths: -2}); err == nil {
		t.Errorf("TrackCohort(bad policy) error = nil, want an error")
	}
	if _, err := permanence.TrackCohort(nil, day("2025-01-01"), nil, permanence.Policy{}); err == nil {
		t.Errorf("TrackCohort(nil calendar) error = nil, want an error")
	}
	got, err := permanence.TrackCohort(nil, day("2025-01-01"), ew, permanence.Policy{})
	if err != nil || len(got.Rows) != 0 || len(got.Averages) != 3 {
		t.Errorf("TrackCohort(no cases) = %+v, %v, want no rows, three empty averages", got, err)
	}
}

// TestTrackLongTermFosterConfirmed: a long-term fostering plan agreed in
// 2021 whose placement was confirmed as a long-term foster placement (the
// episode's LongTermFoster) shows as achieved, with nothing next, in 2026.
func TestTrackLongTermFosterConfirmed(t *testing.T) {
	first := ep("2020-09-07", "2021-03-15", care.ReasonNewEpisodeS, care.LegalStatusC2, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1)
	second := ep("2021-03-15", "", care.ReasonNewEpisodeT, care.LegalStatusC2, care.PlacementTypeU4, 0)
	second.LongTermFoster = true
	rec := plan(primary("2020-10-01", ltf, considered), tr("2020-12-01", ltf, assessing), tr("2021-02-01", ltf, agreed))
	row, err := permanence.Track(rec, inputs("C0061", first, second), day("2026-06-01"), ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("Track() error = %v", err)
	}
	if row.Primary != ltf || row.PrimaryState != achieved || row.PrimarySince != day("2021-03-15") ||
		row.LastMovement != day("2021-03-15") || !row.Next.IsZero() || row.Failures != 0 {
		t.Errorf("Track() = %+v, want long-term fostering achieved on 2021-03-15, last moved then, nothing next, no failures", row)
	}
}
