package practice

import (
	"errors"
	"testing"

	"github.com/lookedafter/practice/care"
)

// TestFutureRecords checks that a case holding work done after the
// assessment date is refused, naming the first such record of each list
// and saying how to assess a past date from a later extract, and that
// IgnoreFutureRecords treats such records as not yet made.
func TestFutureRecords(t *testing.T) {
	c := driftCase("C0001")
	c.Care.Visits = []care.Visit{
		{Date: care.MustDate(2026, 4, 8), Kind: care.VisitKindStatutory, ChildSeen: true},
		{Date: care.MustDate(2026, 5, 20), Kind: care.VisitKindStatutory, ChildSeen: true},
		{Date: care.MustDate(2026, 7, 1), Kind: care.VisitKindStatutory, ChildSeen: true},
	}
	cal := care.EnglandAndWales()
	tests := []struct {
		name string
		asOf care.Date
		path string // the error's path; "" for none
	}{
		{"every record on or before the as-of date", care.MustDate(2026, 7, 1), ""},
		{"a visit the day after the as-of date", care.MustDate(2026, 6, 30), "visits[2]"},
		{"two visits after it: the first is named", care.MustDate(2026, 5, 1), "visits[1]"},
		{"the episode began after it", care.MustDate(2026, 4, 1), "episodes[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Assess(c, tc.asOf, Standards{}, cal)
			if tc.path == "" {
				if err != nil {
					t.Fatalf("Assess error %v, want none", err)
				}
				return
			}
			var fe *FutureError
			var ve care.ValidationErrors
			if !errors.As(err, &ve) || !errors.As(err, &fe) || ve[0].Path != tc.path {
				t.Fatalf("Assess error %v, want a FutureError at %s", err, tc.path)
			}
			if _, err := Assess(c, tc.asOf, Standards{IgnoreFutureRecords: true}, cal); err != nil && tc.path != "episodes[0]" {
				t.Errorf("with IgnoreFutureRecords: %v", err)
			}
		})
	}
}
