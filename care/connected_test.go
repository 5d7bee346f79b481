package care

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConnectedApprovalExpiry(t *testing.T) {
	// Temporary approval from Monday 6 January 2025: 16 weeks end on
	// Monday 28 April 2025.
	start := sgD("2025-01-06")
	tests := []struct {
		name   string
		a      ConnectedApproval
		p      ConnectedPolicy
		want   string
		count  int
		wantOK bool
	}{
		{"16 weeks", ConnectedApproval{Carer: "CP01", Start: start}, ConnectedPolicy{}, "2025-04-28", 16, true},
		{"extended by 8 weeks before expiry", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionWeeks: 8, ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-06-23", 24, true},
		{"extended on the expiry day itself", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-28"), ExtensionWeeks: 4, ExtendedBy: ApproverDirector}, ConnectedPolicy{}, "2025-05-26", 20, true},
		{"extension granted after expiry does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-29"), ExtensionWeeks: 8, ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-04-28", 16, true},
		{"extension of 10 weeks does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionWeeks: 10, ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-04-28", 16, true},
		{"extension with no approver does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionWeeks: 8}, ConnectedPolicy{}, "2025-04-28", 16, true},
		{"stricter local 12 weeks", ConnectedApproval{Carer: "CP01", Start: start}, ConnectedPolicy{TemporaryWeeks: 12}, "2025-03-31", 12, true},
		{"independent review pending: no fixed expiry", ConnectedApproval{Carer: "CP01", Start: start,
			IRMRequested: sgD("2025-04-25")}, ConnectedPolicy{}, "2025-04-28", 16, false},
		{"independent review outcome extends", ConnectedApproval{Carer: "CP01", Start: start,
			IRMRequested: sgD("2025-04-25"), IRMOutcome: sgD("2025-05-20")}, ConnectedPolicy{}, "2025-05-20", 25, true},
		{"no start", ConnectedApproval{Carer: "CP01"}, ConnectedPolicy{}, "", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ConnectedApprovalExpiry(tc.a, tc.p)
			if got.Due.String() != tc.want || got.Count != tc.count || ok != tc.wantOK {
				t.Errorf("ConnectedApprovalExpiry() = %v (count %d), %v, want %v (count %d), %v", got.Due, got.Count, ok, tc.want, tc.count, tc.wantOK)
			}
		})
	}
}

func TestCONN01Findings(t *testing.T) {
	start := sgD("2025-01-06")
	tests := []struct {
		name string
		a    ConnectedApproval
		asOf string
		want []sgRow
	}{
		{"before expiry: upcoming", ConnectedApproval{Carer: "CP01", Start: start}, "2025-04-28",
			[]sgRow{{"CONN-01", "connected_approvals[0]", Upcoming, "2025-04-28", ""}}},
		{"after expiry, unresolved: overdue", ConnectedApproval{Carer: "CP01", Start: start}, "2025-04-29",
			[]sgRow{{"CONN-01", "connected_approvals[0]", Overdue, "2025-04-28", ""}}},
		{"fully approved in time", ConnectedApproval{Carer: "CP01", Start: start, Approved: sgD("2025-04-01")}, "2025-06-01",
			[]sgRow{{"CONN-01", "connected_approvals[0]", Met, "2025-04-28", "2025-04-01"}}},
		{"placement ended after expiry: late", ConnectedApproval{Carer: "CP01", Start: start, Ended: sgD("2025-05-02")}, "2025-06-01",
			[]sgRow{{"CONN-01", "connected_approvals[0]", Late, "2025-04-28", "2025-05-02"}}},
		{"extension granted after expiry: breach, and approval late", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-05-01"), ExtensionWeeks: 8, ExtendedBy: ApproverNominatedOfficer, Approved: sgD("2025-06-10")}, "2025-07-01",
			[]sgRow{
				{"CONN-01", "connected_approvals[0]", Breach, "", ""},
				{"CONN-01", "connected_approvals[0]", Late, "2025-04-28", "2025-06-10"},
			}},
		{"valid extension: approval within 24 weeks is met", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-14"), ExtensionWeeks: 8, ExtendedBy: ApproverNominatedOfficer, Approved: sgD("2025-06-10")}, "2025-07-01",
			[]sgRow{{"CONN-01", "connected_approvals[0]", Met, "2025-06-23", "2025-06-10"}}},
		{"review pending: no timescale finding", ConnectedApproval{Carer: "CP01", Start: start, IRMRequested: sgD("2025-04-01")}, "2025-07-01", nil},
		{"approval starting after the date: nothing", ConnectedApproval{Carer: "CP01", Start: start}, "2025-01-05", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{tc.a}}}
			got := sgRows(sgAssess(t, r, tc.asOf, Policy{}), "CONN-01")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("CONN-01 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConnectedValidate(t *testing.T) {
	tests := []struct {
		name string
		as   []ConnectedApproval
		want []string
	}{
		{"valid", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"), Approved: sgD("2025-03-01")}}, nil},
		{"missing carer and start", []ConnectedApproval{{}}, []string{"connected_approvals[0].carer", "connected_approvals[0].start"}},
		{"dates before the start, extension without a date", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"),
			Approved: sgD("2025-01-01"), ExtensionWeeks: 4}}, []string{"connected_approvals[0].approved", "connected_approvals[0].extended_on"}},
		{"review outcome without a request", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"), IRMOutcome: sgD("2025-05-01")}},
			[]string{"connected_approvals[0].irm_requested"}},
		{"overlapping approvals for the same carer", []ConnectedApproval{
			{Carer: "CP01", Start: sgD("2025-01-06")},
			{Carer: "CP01", Start: sgD("2025-02-03")},
			{Carer: "CP02", Start: sgD("2025-02-03")},
		}, []string{"connected_approvals[1].start"}},
		{"consecutive approvals for the same carer do not overlap", []ConnectedApproval{
			{Carer: "CP01", Start: sgD("2025-01-06"), Ended: sgD("2025-02-03")},
			{Carer: "CP01", Start: sgD("2025-02-03")},
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			validateConnected(&errs, tc.as)
			if diff := cmp.Diff(tc.want, sgPaths(errs.Err())); diff != "" {
				t.Errorf("validateConnected() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
