package permanence_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// TestProceedingsFinalDay quotes CA89 s.32(1)(a)(ii), "within twenty-six
// weeks beginning with the day on which the application was issued", and
// s.32(8), "no more than eight weeks after the later of (a) the end of the
// period being extended; and (b) the end of the day on which the extension
// is granted".
func TestProceedingsFinalDay(t *testing.T) {
	tests := []struct {
		name   string
		issued string
		ext    []permanence.Extension
		asOf   string
		want   string // the last day
		count  int    // days after the issue
	}{
		{name: "beginning with the day of issue: Monday 2 June 2025 to Sunday 30 November 2025",
			issued: "2025-06-02", asOf: "2025-06-02", want: "2025-11-30", count: 181},
		{name: "issued on a leap day: the 26 weeks end on Saturday 28 August 2032",
			issued: "2032-02-29", asOf: "2032-03-01", want: "2032-08-28", count: 181},
		{name: "issued on 31 December: the count crosses the year end",
			issued: "2025-12-31", asOf: "2026-01-05", want: "2026-06-30", count: 181},
		{name: "extension granted before the limit, not yet known on the as-of date",
			issued: "2025-06-02", ext: []permanence.Extension{ext("2025-11-20", "2026-01-25")}, asOf: "2025-11-19",
			want: "2025-11-30", count: 181},
		{name: "extension granted before the limit: 8 weeks after the end of the 26 weeks",
			issued: "2025-06-02", ext: []permanence.Extension{ext("2025-11-20", "2026-01-25")}, asOf: "2025-11-20",
			want: "2026-01-25", count: 237},
		{name: "extension granted after the limit had passed: 8 weeks after the day of grant",
			issued: "2025-06-02", ext: []permanence.Extension{ext("2025-12-10", "2026-02-04")}, asOf: "2026-01-01",
			want: "2026-02-04", count: 247},
		{name: "chained extensions: the latest granted on or before the as-of date",
			issued: "2025-06-02", ext: []permanence.Extension{ext("2025-11-20", "2026-01-25"), ext("2026-01-20", "2026-03-22")},
			asOf: "2026-02-01", want: "2026-03-22", count: 293},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := permanence.ProceedingsFinalDay(day(tc.issued), tc.ext, day(tc.asOf))
			if err != nil {
				t.Fatalf("ProceedingsFinalDay() error = %v", err)
			}
			want := care.Deadline{Rule: permanence.PERM04, Due: day(tc.want), Anchor: day(tc.issued),
				AnchorLabel: "the issue of the application", Count: tc.count, Unit: care.Days}
			if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
				t.Errorf("ProceedingsFinalDay(%s) mismatch (-want +got):\n%s", tc.issued, diff)
			}
			if got.Anchor.AddDays(got.Count) != got.Due {
				t.Errorf("ProceedingsFinalDay(%s) = %v: anchor + count is not the due date", tc.issued, got)
			}
		})
	}
}

func TestProceedingsFinalDayErrors(t *testing.T) {
	tests := []struct {
		name   string
		issued care.Date
		ext    []permanence.Extension
		asOf   care.Date
		is     error
		substr string
	}{
		{name: "zero as-of date", issued: day("2025-06-02"), is: permanence.ErrNoAsOf},
		{name: "no issue date", asOf: day("2025-06-02"), is: care.ErrRequired, substr: "issued"},
		{name: "issued before the 26-week limit came into force", issued: day("2014-04-21"), asOf: day("2014-06-01"),
			substr: "issued: issued 2014-04-21, before the 26-week limit came into force on 2014-04-22"},
		{name: "extension one day beyond 8 weeks", issued: day("2025-06-02"), asOf: day("2025-12-01"),
			ext:    []permanence.Extension{ext("2025-11-20", "2026-01-26")},
			substr: "extensions[0].ends: extension ends 2026-01-26, later than 2026-01-25"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := permanence.ProceedingsFinalDay(tc.issued, tc.ext, tc.asOf)
			if err == nil {
				t.Fatalf("ProceedingsFinalDay() = %v, want an error", got)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("ProceedingsFinalDay() error = %v, want one wrapping %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.substr) {
				t.Errorf("ProceedingsFinalDay() error = %q, want it to contain %q", err, tc.substr)
			}
		})
	}
}

// TestPERM04UsesProceedingsFinalDay: the rule's finding explains its due
// date with the calculator's Deadline, so that there is one computation.
func TestPERM04UsesProceedingsFinalDay(t *testing.T) {
	exts := []permanence.Extension{ext("2025-11-20", "2026-01-25"), ext("2026-01-20", "2026-03-22")}
	for _, asOf := range []string{"2025-10-01", "2025-12-01", "2026-02-01"} {
		rec := permanence.Record{Proceedings: []permanence.Proceedings{{Issued: day("2025-06-02"), Extensions: exts}}}
		rep, err := permanence.Assess(rec, inputs("C0070"), day(asOf), ew, permanence.Policy{})
		if err != nil {
			t.Fatalf("Assess() error = %v", err)
		}
		f := rep.ForRule(permanence.PERM04)
		if len(f) != 1 {
			t.Fatalf("Assess() PERM-04 findings = %v, want 1", f)
		}
		got, _ := f[0].Deadline()
		want, err := permanence.ProceedingsFinalDay(day("2025-06-02"), exts, day(asOf))
		if err != nil {
			t.Fatalf("ProceedingsFinalDay() error = %v", err)
		}
		if diff := cmp.Diff(want, got, cmpOpts); diff != "" {
			t.Errorf("as of %s: finding's Deadline and ProceedingsFinalDay differ (-calculator +finding):\n%s", asOf, diff)
		}
	}
}
