package care

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestConnectedApprovalExpiry(t *testing.T) {
	// Temporary approval from Monday 6 January 2025: "a temporary period
	// not exceeding 16 weeks" (reg 24(1)) does not count the day of
	// approval, so the 16 weeks end on Monday 28 April 2025 (start + 112
	// days), and an extension "for a further period of up to eight weeks"
	// (reg 25(2)) may run to Monday 23 June 2025 (start + 168 days).
	start := sgD("2025-01-06")
	tests := []struct {
		name   string
		a      ConnectedApproval
		p      ConnectedPolicy
		want   string
		count  int
		unit   Unit
		wantOK bool
	}{
		{"16 weeks: the day of approval is not counted", ConnectedApproval{Carer: "CP01", Start: start}, ConnectedPolicy{}, "2025-04-28", 16, Weeks, true},
		{"extended before expiry to the 8-week limit", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-06-23", 24, Weeks, true},
		{"extended on the expiry day itself", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-28"), ExtensionEnds: sgD("2025-05-26"), ExtendedBy: ApproverDirector}, ConnectedPolicy{}, "2025-05-26", 20, Weeks, true},
		{"extension of part of a week: counted in days", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-01"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-06-01", 146, Days, true},
		{"extension granted the day after expiry does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-29"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-04-28", 16, Weeks, true},
		{"extension ending on the expiry day does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-04-28"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{}, "2025-04-28", 16, Weeks, true},
		{"extension beyond a local 6-week limit does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{ExtensionWeeks: 6}, "2025-04-28", 16, Weeks, true},
		{"extension to the last day of a local 6-week limit extends", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-09"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{ExtensionWeeks: 6}, "2025-06-09", 22, Weeks, true},
		{"extension with no approver does not extend", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23")}, ConnectedPolicy{}, "2025-04-28", 16, Weeks, true},
		{"stricter local 12 weeks", ConnectedApproval{Carer: "CP01", Start: start}, ConnectedPolicy{TemporaryWeeks: 12}, "2025-03-31", 12, Weeks, true},
		{"local 12 weeks: the extension runs 8 weeks from the 12th", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-03-25"), ExtensionEnds: sgD("2025-05-26"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{TemporaryWeeks: 12}, "2025-05-26", 20, Weeks, true},
		{"independent review pending: no fixed expiry", ConnectedApproval{Carer: "CP01", Start: start,
			IRMRequested: sgD("2025-04-25")}, ConnectedPolicy{}, "2025-04-28", 16, Weeks, false},
		{"independent review outcome extends", ConnectedApproval{Carer: "CP01", Start: start,
			IRMRequested: sgD("2025-04-25"), IRMOutcome: sgD("2025-05-20")}, ConnectedPolicy{}, "2025-05-20", 25, Days, true},
		{"carer, approval and end do not move the expiry", ConnectedApproval{Start: start, Approved: sgD("2025-03-01"), Ended: sgD("2025-03-02")},
			ConnectedPolicy{}, "2025-04-28", 16, Weeks, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := ConnectedApprovalExpiry(tc.a, tc.p)
			if err != nil {
				t.Fatalf("ConnectedApprovalExpiry() error = %v", err)
			}
			if got.Due.String() != tc.want || got.Count != tc.count || got.Unit != tc.unit || ok != tc.wantOK {
				t.Errorf("ConnectedApprovalExpiry() = %v (%d %v), %v, want %v (%d %v), %v", got.Due, got.Count, got.Unit, ok, tc.want, tc.count, tc.unit, tc.wantOK)
			}
		})
	}
}

// TestConnectedApprovalExpiryErrors checks that bad input is an error
// naming the field, and that an extension ending after the statute allows
// says what the limit is.
func TestConnectedApprovalExpiryErrors(t *testing.T) {
	start := sgD("2025-01-06")
	tests := []struct {
		name string
		a    ConnectedApproval
		p    ConnectedPolicy
		path string
		msg  string
	}{
		{"no start", ConnectedApproval{Carer: "CP01"}, ConnectedPolicy{}, "start", "required"},
		{"extension ending the day after the 8 weeks of reg 25(2)", ConnectedApproval{Start: start, ExtendedOn: sgD("2025-04-20"),
			ExtensionEnds: sgD("2025-06-24"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{},
			"extension_ends", "2025-06-24 is after 2025-06-23, the latest an extension may end: CPPCR reg 25(2) allows one extension of up to 8 weeks after the 16 weeks of temporary approval end on 2025-04-28"},
		{"extension granted with no end", ConnectedApproval{Start: start, ExtendedOn: sgD("2025-04-20")}, ConnectedPolicy{}, "extension_ends", "required"},
		{"extension end with no grant", ConnectedApproval{Start: start, ExtensionEnds: sgD("2025-06-01")}, ConnectedPolicy{}, "extended_on", "required"},
		{"extension ending the day it was granted", ConnectedApproval{Start: start, ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-04-20")},
			ConnectedPolicy{}, "extension_ends", "not after the day the extension was granted"},
		{"looser policy", ConnectedApproval{Start: start}, ConnectedPolicy{TemporaryWeeks: 20}, "connected.temporary_weeks", "16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ConnectedApprovalExpiry(tc.a, tc.p)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("ConnectedApprovalExpiry() error = %v, want a field error", err)
			}
			if fe.Path != tc.path || !strings.Contains(fe.Error(), tc.msg) {
				t.Errorf("ConnectedApprovalExpiry() error = %q at %s, want %q at %s", fe.Error(), fe.Path, tc.msg, tc.path)
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
			[]sgRow{{CONN01, "connected_approvals[0]", Upcoming, "2025-04-28", ""}}},
		{"after expiry, unresolved: overdue", ConnectedApproval{Carer: "CP01", Start: start}, "2025-04-29",
			[]sgRow{{CONN01, "connected_approvals[0]", Overdue, "2025-04-28", ""}}},
		{"fully approved in time", ConnectedApproval{Carer: "CP01", Start: start, Approved: sgD("2025-04-01")}, "2025-06-01",
			[]sgRow{{CONN01, "connected_approvals[0]", Met, "2025-04-28", "2025-04-01"}}},
		{"fully approved after expiry: late", ConnectedApproval{Carer: "CP01", Start: start, Approved: sgD("2025-05-06")}, "2025-06-01",
			[]sgRow{{CONN01, "connected_approvals[0]", Late, "2025-04-28", "2025-05-06"}}},
		{"extension granted after expiry: breach, and approval late", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-05-01"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer, Approved: sgD("2025-06-10")}, "2025-07-01",
			[]sgRow{
				{CONN01, "connected_approvals[0]", Breach, "", ""},
				{CONN01, "connected_approvals[0]", Late, "2025-04-28", "2025-06-10"},
			}},
		{"valid extension: met, and approval within 24 weeks is met", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-14"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer, Approved: sgD("2025-06-10")}, "2025-07-01",
			[]sgRow{
				{CONN01, "connected_approvals[0]", Met, "", ""},
				{CONN01, "connected_approvals[0]", Met, "2025-06-23", "2025-06-10"},
			}},
		{"extension granted after the date: not yet checked", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-14"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}, "2025-04-10",
			[]sgRow{{CONN01, "connected_approvals[0]", Upcoming, "2025-06-23", ""}}},
		{"review pending: no timescale finding", ConnectedApproval{Carer: "CP01", Start: start, IRMRequested: sgD("2025-04-01")}, "2025-07-01", nil},
		{"approval starting after the date: nothing", ConnectedApproval{Carer: "CP01", Start: start}, "2025-01-05", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{tc.a}}}
			got := sgRows(sgAssess(t, r, tc.asOf, Policy{}), CONN01)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("CONN-01 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCONN01Window checks that the expiry's window closes when the
// placement with the connected person ends. The temporary approval from 6
// January 2025 expires on 28 April 2025.
func TestCONN01Window(t *testing.T) {
	start := sgD("2025-01-06")
	tests := []struct {
		name  string
		ended string
		asOf  string
		want  []sgRow
		msg   string
	}{
		{name: "placement ended the day before expiry: nothing was owed", ended: "2025-04-27", asOf: "2025-06-01"},
		{name: "placement ended on the day of expiry: nothing was owed", ended: "2025-04-28", asOf: "2025-06-01"},
		{
			name: "placement ended the day after expiry: missed", ended: "2025-04-29", asOf: "2025-06-01",
			want: []sgRow{{CONN01, "connected_approvals[0]", Missed, "2025-04-28", ""}},
			msg: "no full approval as a foster carer by 28 April 2025 (16 weeks after the temporary approval on 6 January 2025); " +
				"closed when the placement with the connected person ended on 29 April 2025",
		},
		{
			name: "placement ends after the as-of date: overdue", ended: "2025-06-01", asOf: "2025-05-10",
			want: []sgRow{{CONN01, "connected_approvals[0]", Overdue, "2025-04-28", ""}},
			msg:  "no full approval as a foster carer yet; due 28 April 2025, 16 weeks after the temporary approval on 6 January 2025",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := ConnectedApproval{Carer: "CP01", Start: start, Ended: sgD(tc.ended)}
			r := Record{SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{a}}}
			rep := sgAssess(t, r, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, sgRows(rep, CONN01)); diff != "" {
				t.Errorf("CONN-01 findings mismatch (-want +got):\n%s", diff)
			}
			if len(rep) == 1 && rep[0].Message() != tc.msg {
				t.Errorf("Message() =\n%s\nwant\n%s", rep[0].Message(), tc.msg)
			}
		})
	}
	// Full approval after the placement ended does not meet it.
	a := ConnectedApproval{Carer: "CP01", Start: start, Ended: sgD("2025-05-01"), Approved: sgD("2025-05-10")}
	r := Record{SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{a}}}
	if f := sgOne(t, sgAssess(t, r, "2025-06-01", Policy{}), CONN01); f.Status != Missed {
		t.Errorf("approved after the placement ended: %v, want missed", f)
	}
}

// TestCONN01Messages checks the words of the extension check and of the
// expiry's anchor.
func TestCONN01Messages(t *testing.T) {
	start := sgD("2025-01-06")
	tests := []struct {
		name string
		a    ConnectedApproval
		p    ConnectedPolicy
		want []string
	}{
		{"extension granted after expiry", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-05-01"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{},
			[]string{
				"CONN-01 breach: extension to 23 June 2025 granted on 1 May 2025: granted after the temporary approval expired on 28 April 2025",
				"CONN-01 overdue: no full approval as a foster carer yet; due 28 April 2025, 16 weeks after the temporary approval on 6 January 2025",
			}},
		{"extension too long, with no approver, against a local limit", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23")}, ConnectedPolicy{ExtensionWeeks: 6},
			[]string{
				"CONN-01 breach: extension to 23 June 2025 granted on 20 April 2025: longer than the 6 weeks allowed, which end on 9 June 2025; not approved by the nominated officer",
				"CONN-01 overdue: no full approval as a foster carer yet; due 28 April 2025, 16 weeks after the temporary approval on 6 January 2025",
			}},
		{"extension ending on the day the approval expired", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-04-28"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{},
			[]string{
				"CONN-01 breach: extension to 28 April 2025 granted on 20 April 2025: does not end after the temporary approval expired on 28 April 2025",
				"CONN-01 overdue: no full approval as a foster carer yet; due 28 April 2025, 16 weeks after the temporary approval on 6 January 2025",
			}},
		{"valid extension", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-05-05"), ExtendedBy: ApproverDirector}, ConnectedPolicy{},
			[]string{
				"CONN-01 met: extension to 5 May 2025 granted on 20 April 2025: granted before the expiry, within the limit, and approved",
				"CONN-01 overdue: no full approval as a foster carer yet; due 5 May 2025, 17 weeks after the temporary approval, extended once, on 6 January 2025",
			}},
		{"valid extension of part of a week", ConnectedApproval{Carer: "CP01", Start: start,
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-05-01"), ExtendedBy: ApproverNominatedOfficer}, ConnectedPolicy{},
			[]string{
				"CONN-01 met: extension to 1 May 2025 granted on 20 April 2025: granted before the expiry, within the limit, and approved",
				"CONN-01 overdue: no full approval as a foster carer yet; due 1 May 2025, 115 days after the temporary approval, extended once, on 6 January 2025",
			}},
		{"independent review", ConnectedApproval{Carer: "CP01", Start: start, IRMRequested: sgD("2025-04-25"), IRMOutcome: sgD("2025-05-20")}, ConnectedPolicy{},
			[]string{
				"CONN-01 overdue: no full approval as a foster carer yet; due 20 May 2025, 25 days after the request for an independent review on 25 April 2025",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: []ConnectedApproval{tc.a}}}
			var p Policy
			p.Connected = tc.p
			var got []string
			for _, f := range sgAssess(t, r, "2025-07-01", p) {
				got = append(got, f.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("messages mismatch (-want +got):\n%s", diff)
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
		{"dates before the start, extension end without a grant date", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"),
			Approved: sgD("2025-01-01"), ExtensionEnds: sgD("2025-05-26")}}, []string{"connected_approvals[0].extended_on", "connected_approvals[0].approved"}},
		{"extension ending after the statutory limit", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"),
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-07-01"), ExtendedBy: ApproverNominatedOfficer}}, []string{"connected_approvals[0].extension_ends"}},
		{"extension ending on the statutory limit", []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"),
			ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}}, nil},
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
