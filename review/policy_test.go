package review

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name      string
		p         Policy
		wantPaths []string
		wantText  string // a fragment the message must contain
	}{
		{name: "zero policy means the defaults"},
		{name: "every field at its limit", p: Policy{Counting: care.CountFromAnchorDay, FirstReviewDays: 20, SecondReviewMonths: 3,
			LaterReviewMonths: 6, ShortBreakFirstMonths: 3, ShortBreakLaterMonths: 6, ShortBreakLapseMonths: 12,
			IROAppointDays: 5, MidwayToleranceDays: 14, DecisionsDays: 5, RecordDays: 20, AdjournmentDays: 20}},
		{name: "stricter fields", p: Policy{FirstReviewDays: 15, LaterReviewMonths: 4, DecisionsDays: 3, MidwayToleranceDays: 7}},
		{name: "a 7-month review interval", p: Policy{LaterReviewMonths: 7},
			wantPaths: []string{"later_review_months"}, wantText: "7 months is looser than the statutory limit (CPPCR reg 33(2)) of 6 months"},
		{name: "first review after 21 working days", p: Policy{FirstReviewDays: 21},
			wantPaths: []string{"first_review_days"}, wantText: "21 working days is looser than the statutory limit (CPPCR reg 33(1)) of 20"},
		{name: "looser local standards", p: Policy{IROAppointDays: 10, DecisionsDays: 10, RecordDays: 28, MidwayToleranceDays: 30},
			wantPaths: []string{"iro_appoint_days", "midway_tolerance_days", "decisions_days", "record_days"}, wantText: "local standard"},
		{name: "negative intervals", p: Policy{SecondReviewMonths: -1, AdjournmentDays: -5},
			wantPaths: []string{"second_review_months", "adjournment_days"}, wantText: "not a valid interval"},
		{name: "short-break timetable too loose", p: Policy{ShortBreakFirstMonths: 4, ShortBreakLaterMonths: 9, ShortBreakLapseMonths: 13},
			wantPaths: []string{"short_break_first_months", "short_break_later_months", "short_break_lapse_months"}, wantText: "reg 48(3)(d)"},
		{name: "unknown counting convention", p: Policy{Counting: 7}, wantPaths: []string{"counting"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if diff := cmp.Diff(tc.wantPaths, errPaths(t, err)); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
			}
			if tc.wantText != "" && (err == nil || !strings.Contains(err.Error(), tc.wantText)) {
				t.Errorf("Validate() = %v, want a message containing %q", err, tc.wantText)
			}
		})
	}
}
