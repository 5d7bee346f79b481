package permanence_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

const (
	home     = permanence.RouteReturnHome
	cao      = permanence.RouteChildArrangements
	sgo      = permanence.RouteSpecialGuardianship
	adoption = permanence.RouteAdoption
	ltf      = permanence.RouteLongTermFostering

	considered  = permanence.StateConsidered
	assessing   = permanence.StateAssessing
	recommended = permanence.StateRecommended
	agreed      = permanence.StateAgreed
	application = permanence.StateApplication
	orderMade   = permanence.StateOrderMade
	achieved    = permanence.StateAchieved
)

func plan(ts ...permanence.Transition) permanence.Record {
	return permanence.Record{Plan: permanence.Plan{Transitions: ts}}
}

func TestRecordValidate(t *testing.T) {
	ownMotion := tr("2025-06-01", sgo, orderMade)
	ownMotion.OwnMotion = true
	primaryRuledOut := ruledOut("2025-03-01", home, "parenting assessment negative")
	primaryRuledOut.Primary = true
	tests := []struct {
		name    string
		rec     permanence.Record
		want    []string // paths of the errors, in order
		invalid bool     // some error wraps ErrInvalidTransition
	}{
		{name: "empty record", rec: permanence.Record{}},
		{
			name: "adoption route from considered to achieved in order",
			rec: plan(primary("2025-01-06", adoption, considered), tr("2025-02-01", adoption, assessing),
				tr("2025-03-01", adoption, agreed), tr("2025-03-01", adoption, application),
				tr("2025-06-01", adoption, orderMade), tr("2025-09-01", adoption, achieved)),
		},
		{
			name:    "achieved before agreed",
			rec:     plan(primary("2025-01-06", ltf, considered), tr("2025-02-01", ltf, assessing), tr("2025-03-01", ltf, achieved)),
			want:    []string{"plan.transitions[2].state"},
			invalid: true,
		},
		{
			name:    "order made without application",
			rec:     plan(primary("2025-01-06", adoption, agreed), tr("2025-05-01", adoption, orderMade)),
			want:    []string{"plan.transitions[1].state"},
			invalid: true,
		},
		{
			name: "special guardianship order made of the court's own motion",
			rec:  plan(primary("2025-01-06", sgo, assessing), ownMotion, tr("2025-06-02", sgo, achieved)),
		},
		{
			name: "return home order made without application (discharge is not required to be applied for)",
			rec:  plan(primary("2025-01-06", home, agreed), tr("2025-05-01", home, orderMade), tr("2025-05-01", home, achieved)),
		},
		{
			name:    "court state on long-term fostering",
			rec:     plan(primary("2025-01-06", ltf, agreed), tr("2025-05-01", ltf, application)),
			want:    []string{"plan.transitions[1].state"},
			invalid: true,
		},
		{
			name: "route ruled out and later reopened",
			rec: plan(primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered),
				ruledOut("2025-03-01", home, "parenting assessment negative"), tr("2025-07-01", home, assessing)),
		},
		{
			name: "route reopened after being achieved (re-entry to care) must be agreed again",
			rec: plan(primary("2024-01-06", home, agreed), tr("2024-06-01", home, achieved),
				primary("2025-01-10", home, considered), tr("2025-04-01", home, achieved)),
			want:    []string{"plan.transitions[3].state"},
			invalid: true,
		},
		{
			name:    "ruled out with no reason",
			rec:     plan(primary("2025-01-06", home, assessing), tr("2025-03-01", home, permanence.StateRuledOut)),
			want:    []string{"plan.transitions[1].reason"},
			invalid: false,
		},
		{
			name:    "ruled-out route made primary",
			rec:     plan(primary("2025-01-06", home, assessing), primaryRuledOut),
			want:    []string{"plan.transitions[1].primary"},
			invalid: true,
		},
		{
			name:    "state repeated",
			rec:     plan(primary("2025-01-06", home, assessing), tr("2025-04-01", home, assessing)),
			want:    []string{"plan.transitions[1].state"},
			invalid: true,
		},
		{
			name: "transitions out of date order, missing and unknown fields",
			rec: plan(primary("2025-02-01", home, assessing), tr("2025-01-01", adoption, considered),
				permanence.Transition{Date: day("2025-03-01")},
				permanence.Transition{Route: permanence.Route(99), State: permanence.State(42)}),
			want: []string{"plan.transitions[1].date", "plan.transitions[2].route", "plan.transitions[2].state",
				"plan.transitions[3].date", "plan.transitions[3].route", "plan.transitions[3].state"},
		},
		{
			name: "two extensions within 8 weeks each",
			rec: permanence.Record{Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"),
				Extensions:     []permanence.Extension{ext("2025-06-20", "2025-09-04"), ext("2025-08-15", "2025-10-02")},
				FinalOrder:     day("2025-09-30"),
				FinalOrderKind: permanence.OrderKindCare}}},
		},
		{
			name: "extension longer than 8 weeks, before issue and final order without kind",
			rec: permanence.Record{Proceedings: []permanence.Proceedings{{}, {Issued: day("2025-01-10"),
				Extensions: []permanence.Extension{ext("2025-01-01", "2025-09-05"), {}},
				FinalOrder: day("2025-09-30")}}},
			want: []string{"proceedings[0].issued", "proceedings[1].extensions[0].granted", "proceedings[1].extensions[0].ends",
				"proceedings[1].extensions[1].granted", "proceedings[1].extensions[1].ends", "proceedings[1].final_order_kind"},
		},
		{
			name: "adoption milestones out of order",
			rec: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-01"), AdoptionOrder: day("2025-06-01"),
				Reviews: []care.Date{day("2025-02-01"), day("2025-05-01"), day("2025-05-01")}}},
			want: []string{"adoption.placed", "adoption.reviews[0]", "adoption.reviews[2]"},
		},
		{
			name: "match before the placement order is valid",
			rec: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-01"), Match: day("2025-02-20"),
				Placed: day("2025-03-10"), AdoptionOrder: day("2025-09-01")}},
		},
		{
			name: "special guardianship report before the notice and missing notice",
			rec: permanence.Record{SpecialGuardianship: []permanence.SpecialGuardianship{
				{Notice: day("2025-03-01"), Report: day("2025-02-01")}, {Report: day("2025-02-01")}}},
			want: []string{"special_guardianship[0].report", "special_guardianship[1].notice"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rec.Validate()
			if diff := cmp.Diff(tc.want, paths(err), cmpOpts); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if got := errors.Is(err, permanence.ErrInvalidTransition); got != tc.invalid {
				t.Errorf("errors.Is(Validate(), ErrInvalidTransition) = %v, want %v (error: %v)", got, tc.invalid, err)
			}
		})
	}
}

func TestRecordValidateNamesTransition(t *testing.T) {
	rec := plan(primary("2025-01-06", ltf, considered), tr("2025-03-01", ltf, achieved))
	err := rec.Validate()
	want := "plan.transitions[1].state: invalid transition: transition 1 (long-term-fostering to achieved on 2025-03-01): achieved before the route was agreed or an order made"
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %q", err, want)
	}
}

func TestRecordJSONRoundTrip(t *testing.T) {
	rec := permanence.Record{
		Plan: permanence.Plan{Transitions: []permanence.Transition{
			primary("2025-01-06", home, assessing), ruledOut("2025-03-01", home, "assessment negative"),
		}},
		Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"), FinalOrder: day("2025-07-01"), FinalOrderKind: permanence.OrderKindSpecialGuardianship}},
		Adoption:    permanence.Adoption{PlacementOrder: day("2025-07-01"), Reviews: []care.Date{day("2025-09-01")}},
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	const want = `{"plan":{"transitions":[{"date":"2025-01-06","route":"return-home","state":"assessing","primary":true},` +
		`{"date":"2025-03-01","route":"return-home","state":"ruled-out","reason":"assessment negative"}]},` +
		`"proceedings":[{"issued":"2025-01-10","final_order":"2025-07-01","final_order_kind":"special-guardianship"}],` +
		`"adoption":{"placement_order":"2025-07-01","reviews":["2025-09-01"]}}`
	if string(b) != want {
		t.Errorf("Marshal() = %s\nwant        %s", b, want)
	}
	var got permanence.Record
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("Unmarshal: %v", err)
	}
	if diff := cmp.Diff(rec, got, cmpOpts); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"plan":{"transitions":[{"route":"fostering"}]}}`), &got); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("Unmarshal(unknown route) error = %v, want ErrUnknownCode", err)
	}
}

// TestRecordValidateExtensions quotes CA89 s.32(8): "Each separate
// extension under subsection (5) is to end no more than eight weeks after
// the later of (a) the end of the period being extended; and (b) the end
// of the day on which the extension is granted." Eight weeks after the end
// of day X is the end of day X + 56. Proceedings issued on 10 January 2025
// have 26 weeks ending on 10 July 2025.
func TestRecordValidateExtensions(t *testing.T) {
	tests := []struct {
		name   string
		ext    []permanence.Extension
		path   string // "" for valid
		substr string
	}{
		{name: "granted before the limit, ending exactly 8 weeks after the end of the 26 weeks",
			ext: []permanence.Extension{ext("2025-06-20", "2025-09-04")}},
		{name: "granted before the limit, ending one day beyond 8 weeks",
			ext:  []permanence.Extension{ext("2025-06-20", "2025-09-05")},
			path: "proceedings[0].extensions[0].ends", substr: "extension ends 2025-09-05, later than 2025-09-04: CA89 s.32(8) allows at most 8 weeks"},
		{name: "granted on the last day of the 26 weeks: the later of the two is that day",
			ext: []permanence.Extension{ext("2025-07-10", "2025-09-04")}},
		{name: "granted after the limit has passed, ending exactly 8 weeks after the day of grant",
			ext: []permanence.Extension{ext("2025-07-20", "2025-09-14")}},
		{name: "granted after the limit has passed, ending one day beyond 8 weeks from the grant",
			ext:  []permanence.Extension{ext("2025-07-20", "2025-09-15")},
			path: "proceedings[0].extensions[0].ends", substr: "later than 2025-09-14"},
		{name: "granted after the limit has passed, ending before the day of grant",
			ext:  []permanence.Extension{ext("2025-07-20", "2025-07-15")},
			path: "proceedings[0].extensions[0].ends", substr: "before the day it was granted, 2025-07-20"},
		{name: "chained: the second ends exactly 8 weeks after the end of the first",
			ext: []permanence.Extension{ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-10-30")}},
		{name: "chained: the second ends one day beyond 8 weeks after the end of the first",
			ext:  []permanence.Extension{ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-10-31")},
			path: "proceedings[0].extensions[1].ends", substr: "later than 2025-10-30"},
		{name: "ending on the last day of the 26 weeks extends nothing",
			ext:  []permanence.Extension{ext("2025-06-20", "2025-07-10")},
			path: "proceedings[0].extensions[0].ends", substr: "not after the end of the period it extends, 2025-07-10"},
		{name: "chained: the second ending before the first extends nothing",
			ext:  []permanence.Extension{ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-08-30")},
			path: "proceedings[0].extensions[1].ends", substr: "not after the end of the period it extends, 2025-09-04"},
		{name: "extensions out of the order they were granted",
			ext:  []permanence.Extension{ext("2025-08-29", "2025-09-04"), ext("2025-06-20", "2025-10-30")},
			path: "proceedings[0].extensions[1].granted", substr: "out of date order"},
		{name: "end of the extension missing",
			ext:  []permanence.Extension{{Granted: day("2025-06-20")}},
			path: "proceedings[0].extensions[0].ends", substr: "required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := proceedings("2025-01-10", "", tc.ext...).Validate()
			if tc.path == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if diff := cmp.Diff([]string{tc.path}, paths(err)); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if err == nil || !strings.Contains(err.Error(), tc.substr) {
				t.Errorf("Validate() = %v, want it to contain %q", err, tc.substr)
			}
		})
	}
}
