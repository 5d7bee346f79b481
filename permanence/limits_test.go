package permanence_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// TestStringLimits: a transition's reason is free text, limited and valid
// UTF-8, and its errors never quote it; a threshold's source is limited
// too.
func TestStringLimits(t *testing.T) {
	long := ruledOut("2025-03-01", home, "Synthetic reason "+strings.Repeat("r", care.MaxTextBytes))
	bad := ruledOut("2025-04-01", adoption, "Synthetic\xff")
	err := plan(primary("2025-01-06", home, considered), tr("2025-01-06", adoption, considered), long, bad).Validate()
	want := []string{"plan.transitions[2].reason", "plan.transitions[3].reason"}
	if diff := cmp.Diff(want, paths(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s\n%v", diff, err)
	}
	if !errors.Is(err, care.ErrTooLong) || !errors.Is(err, care.ErrInvalidUTF8) || strings.Contains(fmt.Sprint(err), "Synthetic") {
		t.Errorf("Validate() = %v, want ErrTooLong and ErrInvalidUTF8, quoting nothing", err)
	}
	p := permanence.Policy{Thresholds: []permanence.Threshold{{Measure: permanence.A1, Months: 14,
		Applies: care.Period{Start: day("2020-04-01")}, Source: strings.Repeat("s", care.MaxTextBytes+1)}}}
	if err := p.Validate(); !errors.Is(err, care.ErrTooLong) || paths(err)[0] != "thresholds[0].source" {
		t.Errorf("Policy.Validate() = %v, want thresholds[0].source too long", err)
	}
}

func TestCodesOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		got  fmt.Stringer
		want string
	}{
		{permanence.Route(200), "Route(200)"},
		{permanence.State(200), "State(200)"},
		{permanence.OrderKind(200), "OrderKind(200)"},
		{permanence.Measure(200), "Measure(200)"},
		{permanence.Shift(200), "Shift(200)"},
	} {
		if got := tc.got.String(); got != tc.want {
			t.Errorf("String() = %q, want %q (never %%!%s)", got, tc.want, tc.want)
		}
	}
}

// TestAssessNobodyLookedAfterAt18: nobody is assessed or tracked as looked
// after at 18 or over.
func TestAssessNobodyLookedAfterAt18(t *testing.T) {
	in := permanence.Inputs{Child: care.Child{ID: "C0050", DateOfBirth: day("2008-06-15")},
		Episodes: []care.Episode{s20("2023-01-09")}}
	if _, err := permanence.Assess(permanence.Record{}, in, day("2026-06-14"), ew, permanence.Policy{}); err != nil {
		t.Errorf("Assess() the day before the 18th birthday = %v, want nil", err)
	}
	if _, err := permanence.Assess(permanence.Record{}, in, day("2026-06-15"), ew, permanence.Policy{}); err == nil || strings.Contains(err.Error(), "2008") {
		t.Errorf("Assess() on the 18th birthday = %v, want an error without the date of birth", err)
	}
	if _, err := permanence.Track(permanence.Record{}, in, day("2026-06-15"), ew, permanence.Policy{}); err == nil {
		t.Errorf("Track() on the 18th birthday = nil, want an error")
	}
	c, err := permanence.TrackCohort([]permanence.Case{{Inputs: in}}, day("2026-06-15"), ew, permanence.Policy{})
	if err == nil || len(c.Rows) != 0 {
		t.Errorf("TrackCohort() on the 18th birthday = %d rows, %v, want an error and no row", len(c.Rows), err)
	}
}
