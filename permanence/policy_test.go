package permanence_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name string
		p    permanence.Policy
		want []string
	}{
		{name: "zero policy means the defaults", p: permanence.Policy{}},
		{name: "stricter than statute", p: permanence.Policy{ProceedingsWeeks: 20, SGOReportMonths: 2, DriftMonths: 1, Section20Months: 3}},
		{
			name: "looser than statute",
			p:    permanence.Policy{ProceedingsWeeks: 27, SGOReportMonths: 4},
			want: []string{"proceedings_weeks", "sgo_report_months"},
		},
		{
			name: "nonsense intervals",
			p:    permanence.Policy{DriftMonths: -1, Section20Months: 25, ScorecardYears: 11, ProceedingsShift: permanence.Shift(9)},
			want: []string{"drift_months", "section20_months", "scorecard_years", "proceedings_shift"},
		},
		{
			name: "unknown uncertain route",
			p:    permanence.Policy{UncertainRoutes: []permanence.Route{permanence.RouteAdoption, 0}},
			want: []string{"uncertain_routes[1]"},
		},
		{
			name: "thresholds: overlap, both units, none, empty period, unknown measure",
			p: permanence.Policy{Thresholds: []permanence.Threshold{
				{Measure: permanence.A1, Months: 12, Applies: care.Period{Start: day("2020-04-01")}},
				{Measure: permanence.A1, Months: 12, Applies: care.Period{Start: day("2024-04-01"), End: day("2025-04-01")}},
				{Measure: permanence.A10, Months: 12, Days: 365, Applies: care.Period{Start: day("2024-04-01")}},
				{Measure: permanence.A2, Applies: care.Period{Start: day("2024-04-01")}},
				{Measure: permanence.A2, Days: 120},
				{Days: 120, Applies: care.Period{Start: day("2024-04-01")}},
			}},
			want: []string{"thresholds[1].applies", "thresholds[2]", "thresholds[3]", "thresholds[4].applies", "thresholds[5].measure"},
		},
		{name: "the default thresholds are valid", p: permanence.Policy{Thresholds: permanence.DefaultThresholds()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if diff := cmp.Diff(tc.want, paths(err), cmpOpts); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

func TestPolicyJSONKeepsEmptyLists(t *testing.T) {
	tests := []struct {
		name    string
		p       permanence.Policy
		json    string
		wantNil bool
	}{
		{name: "nil list means the default", p: permanence.Policy{}, json: `{}`, wantNil: true},
		{name: "empty list means no route is uncertain", p: permanence.Policy{UncertainRoutes: []permanence.Route{}}, json: `{"uncertain_routes":[]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.p)
			if err != nil || string(b) != tc.json {
				t.Fatalf("Marshal(%+v) = %s, %v, want %s", tc.p, b, err, tc.json)
			}
			var got permanence.Policy
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("Unmarshal(%s) error = %v", b, err)
			}
			if (got.UncertainRoutes == nil) != tc.wantNil {
				t.Errorf("Unmarshal(%s).UncertainRoutes = %#v, want nil: %v", b, got.UncertainRoutes, tc.wantNil)
			}
		})
	}
}

func TestThresholdFor(t *testing.T) {
	ts := permanence.DefaultThresholds()
	tests := []struct {
		name    string
		m       permanence.Measure
		d       string
		want    string
		ok      bool
		confirm bool
	}{
		{name: "before the first scorecard", m: permanence.A1, d: "2010-03-31"},
		{name: "first scorecard year A1", m: permanence.A1, d: "2010-04-01", want: "A1 21 months", ok: true},
		{name: "first scorecard year A2", m: permanence.A2, d: "2011-03-31", want: "A2 7 months", ok: true},
		{name: "2009–12 in days", m: permanence.A1, d: "2011-04-01", want: "A1 639 days", ok: true},
		{name: "A2 for 2010–13 is not confirmed", m: permanence.A2, d: "2012-06-01"},
		{name: "2013–16 confirmed", m: permanence.A2, d: "2016-03-31", want: "A2 4 months", ok: true, confirm: true},
		{name: "later years presumed", m: permanence.A1, d: "2026-01-01", want: "A1 14 months", ok: true},
		{name: "no A10 threshold", m: permanence.A10, d: "2026-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			th, ok := permanence.ThresholdFor(ts, tc.m, day(tc.d))
			got := ""
			if ok {
				got = th.String()
			}
			if got != tc.want || ok != tc.ok || th.Confirmed != tc.confirm {
				t.Errorf("ThresholdFor(%v, %s) = %q, %v (confirmed %v), want %q, %v (confirmed %v)", tc.m, tc.d, got, ok, th.Confirmed, tc.want, tc.ok, tc.confirm)
			}
		})
	}
	ts[0].Months = 1
	if again := permanence.DefaultThresholds(); again[0].Months != 21 {
		t.Errorf("DefaultThresholds() shares memory between calls: first = %v", again[0])
	}
}

func TestCodesRoundTrip(t *testing.T) {
	for _, r := range permanence.Routes() {
		got, err := permanence.ParseRoute(r.String())
		if err != nil || got != r {
			t.Errorf("ParseRoute(%q) = %v, %v, want %v", r.String(), got, err, r)
		}
		if r.Description() == "" {
			t.Errorf("%v.Description() is empty", r)
		}
	}
	for s := permanence.StateConsidered; s <= permanence.StateRuledOut; s++ {
		got, err := permanence.ParseState(s.String())
		if err != nil || got != s {
			t.Errorf("ParseState(%q) = %v, %v, want %v", s.String(), got, err, s)
		}
	}
	for k := permanence.OrderKindCare; k <= permanence.OrderKindWithdrawn; k++ {
		got, err := permanence.ParseOrderKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseOrderKind(%q) = %v, %v, want %v", k.String(), got, err, k)
		}
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"route out of range", permanence.Route(200).String(), "Route(200)"},
		{"state out of range", permanence.State(200).String(), "State(200)"},
		{"unknown route", permanence.RouteUnknown.String(), ""},
		{"measure", permanence.A10.String(), "A10"},
		{"shift", permanence.ShiftNextWorkingDay.String(), "next-working-day"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("String() = %q, want %q", tc.got, tc.want)
			}
		})
	}
	if _, err := permanence.ParseRoute(""); err == nil {
		t.Errorf("ParseRoute(\"\") error = nil, want an error")
	}
	if _, err := permanence.Route(200).MarshalText(); err == nil {
		t.Errorf("Route(200).MarshalText() error = nil, want an error")
	}
}
