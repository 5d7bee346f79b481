package care

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// sgD parses an ISO date for the safeguarding tests; "" is the zero Date.
func sgD(s string) Date {
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sgT parses "HH:MM"; "" is the zero Clock.
func sgT(s string) Clock {
	if s == "" {
		return Clock{}
	}
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// sgM builds a Moment from "YYYY-MM-DD" and "HH:MM" (either may be "").
func sgM(d, t string) Moment { return Moment{Date: sgD(d), Clock: sgT(t)} }

// sgRow is the part of a finding the safeguarding tests compare.
type sgRow struct {
	Rule    RuleID
	Subject string
	Status  Status
	Due     string
	Done    string
}

func sgRows(rep Report, ids ...RuleID) []sgRow {
	var out []sgRow
	for _, f := range rep {
		if len(ids) > 0 && !slices.Contains(ids, f.Rule) {
			continue
		}
		out = append(out, sgRow{f.Rule, f.Subject, f.Status, f.Due.String(), f.Done.String()})
	}
	return out
}

// sgAssess runs the safeguarding assessment alone and returns its findings.
func sgAssess(t *testing.T, r Record, asOf string, p Policy) Report {
	t.Helper()
	var rep Report
	if err := r.assessSafeguarding(Context{}, sgD(asOf), EnglandAndWales(), p, &rep); err != nil {
		t.Fatalf("assessSafeguarding(%s) error: %v", asOf, err)
	}
	return rep
}

// sgPaths returns the field paths of a validation error.
func sgPaths(err error) []string {
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

func TestReturnInterviewDue(t *testing.T) {
	tests := []struct {
		name    string
		e       MissingEpisode
		p       MissingPolicy
		want    string
		wantOK  bool
		comment string
	}{
		{
			name: "23:00 on a Friday before the August bank holiday: hours run through it",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT("23:00")},
			want: "2025-08-25 23:00", wantOK: true,
		},
		{
			name: "date only, favourable: end of the third day",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-21"), End: sgD("2025-08-22")},
			want: "2025-08-25 23:59", wantOK: true,
		},
		{
			name: "date only, unfavourable: midnight starting the third day",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-21"), End: sgD("2025-08-22")},
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			want: "2025-08-25 00:00", wantOK: true,
		},
		{
			name: "stricter local standard of 48 hours",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT("23:00")},
			p:    MissingPolicy{InterviewHours: 48},
			want: "2025-08-24 23:00", wantOK: true,
		},
		{
			name: "across a leap day",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2024-02-26"), End: sgD("2024-02-27"), EndTime: sgT("10:15")},
			want: "2024-03-01 10:15", wantOK: true,
		},
		{
			name: "across the year end",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-12-30"), End: sgD("2025-12-30"), EndTime: sgT("18:30")},
			want: "2026-01-02 18:30", wantOK: true,
		},
		{
			name: "across the end of BST: wall-clock hours",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-10-24"), End: sgD("2025-10-24"), EndTime: sgT("12:00")},
			want: "2025-10-27 12:00", wantOK: true,
		},
		{
			name: "still missing: no deadline",
			e:    MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-22")},
		},
		{
			name: "away episode, not included by default",
			e:    MissingEpisode{Type: MissingTypeAway, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT("23:00")},
		},
		{
			name: "away episode, included by policy",
			e:    MissingEpisode{Type: MissingTypeAway, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT("23:00")},
			p:    MissingPolicy{IncludeAway: true},
			want: "2025-08-25 23:00", wantOK: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ReturnInterviewDue(tc.e, tc.p)
			if got.String() != tc.want || ok != tc.wantOK {
				t.Errorf("ReturnInterviewDue() = %v, %v, want %v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestMISS01Status(t *testing.T) {
	friday := func(ri ReturnInterview) []MissingEpisode {
		return []MissingEpisode{{Type: MissingTypeMissing, Start: sgD("2025-08-22"), StartTime: sgT("17:00"),
			End: sgD("2025-08-22"), EndTime: sgT("23:00"), Interview: ri}}
	}
	tests := []struct {
		name string
		eps  []MissingEpisode
		p    MissingPolicy
		asOf string
		want []sgRow
	}{
		{
			name: "held on the bank holiday Monday before 23:00",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-25", "22:00")}),
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Met, "2025-08-25", "2025-08-25"}},
		},
		{
			name: "held on the bank holiday Monday after 23:00 is late",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-25", "23:30")}),
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Late, "2025-08-25", "2025-08-25"}},
		},
		{
			name: "held the Tuesday after the bank holiday is late",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-26", "09:00")}),
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Late, "2025-08-25", "2025-08-26"}},
		},
		{
			name: "held on the due day, time not recorded, favourable",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-25", "")}),
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Met, "2025-08-25", "2025-08-25"}},
		},
		{
			name: "held on the due day, time not recorded, unfavourable",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-25", "")}),
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Late, "2025-08-25", "2025-08-25"}},
		},
		{
			name: "declined when offered on the Saturday",
			eps:  friday(ReturnInterview{Offered: sgM("2025-08-23", "10:00"), Declined: true}),
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Met, "2025-08-25", "2025-08-23"}},
		},
		{
			name: "not held, as of the due day: upcoming",
			eps:  friday(ReturnInterview{}),
			asOf: "2025-08-25",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Upcoming, "2025-08-25", ""}},
		},
		{
			name: "not held, day after the due day: overdue",
			eps:  friday(ReturnInterview{}),
			asOf: "2025-08-26",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name: "held after the as-of date counts as not held yet",
			eps:  friday(ReturnInterview{Held: sgM("2025-08-25", "10:00")}),
			asOf: "2025-08-24",
			want: []sgRow{{"MISS-01", "missing_episodes[0]", Upcoming, "2025-08-25", ""}},
		},
		{
			name: "return after the as-of date: nothing yet",
			eps:  friday(ReturnInterview{}),
			asOf: "2025-08-21",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: tc.eps}}
			var p Policy
			p.Missing = tc.p
			got := sgRows(sgAssess(t, r, tc.asOf, p), "MISS-01")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MISS-01 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRepeatedMissing(t *testing.T) {
	m := func(start string) MissingEpisode {
		return MissingEpisode{Type: MissingTypeMissing, Start: sgD(start), End: sgD(start)}
	}
	a := func(start string) MissingEpisode {
		return MissingEpisode{Type: MissingTypeAway, Start: sgD(start), End: sgD(start)}
	}
	tests := []struct {
		name   string
		eps    []MissingEpisode
		from   string
		p      MissingPolicy
		want   int
		wantOK bool
	}{
		{"three within 90 days (89 days apart)", []MissingEpisode{m("2025-01-01"), m("2025-02-01"), m("2025-03-31")}, "", MissingPolicy{}, 2, true},
		{"three spanning 91 days", []MissingEpisode{m("2025-01-01"), m("2025-02-01"), m("2025-04-01")}, "", MissingPolicy{}, 0, false},
		{"window slides past an early episode", []MissingEpisode{m("2024-06-01"), m("2025-01-01"), m("2025-02-01"), m("2025-03-01")}, "", MissingPolicy{}, 3, true},
		{"away episodes not counted by default", []MissingEpisode{m("2025-01-01"), a("2025-01-02"), m("2025-01-03")}, "", MissingPolicy{}, 0, false},
		{"away episodes counted by policy", []MissingEpisode{m("2025-01-01"), a("2025-01-02"), m("2025-01-03")}, "", MissingPolicy{IncludeAway: true}, 2, true},
		{"stricter threshold of two", []MissingEpisode{m("2025-01-01"), m("2025-01-03")}, "", MissingPolicy{RepeatEpisodes: 2}, 1, true},
		{"episodes before from are ignored", []MissingEpisode{m("2025-01-01"), m("2025-01-02"), m("2025-01-03"), m("2025-01-04")}, "2025-01-02", MissingPolicy{}, 3, true},
		{"same-day episodes", []MissingEpisode{m("2025-01-01"), m("2025-01-01"), m("2025-01-01")}, "", MissingPolicy{}, 2, true},
		{"none", nil, "", MissingPolicy{}, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := RepeatedMissing(tc.eps, sgD(tc.from), tc.p)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("RepeatedMissing() = %d, %v, want %d, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestMISS02And03(t *testing.T) {
	eps := []MissingEpisode{
		{Type: MissingTypeMissing, Start: sgD("2025-06-02"), End: sgD("2025-06-03"), Interview: ReturnInterview{Held: sgM("2025-06-04", "")}},
		{Type: MissingTypeMissing, Start: sgD("2025-07-15"), End: sgD("2025-07-15"), Interview: ReturnInterview{Held: sgM("2025-07-16", "")}},
		// The third, on the Friday before the August bank holiday: the
		// meeting is due 5 working days later, Monday 1 September.
		{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-23"), Interview: ReturnInterview{Held: sgM("2025-08-24", "")}},
	}
	tests := []struct {
		name     string
		meetings []RiskMeeting
		asOf     string
		want     []sgRow
	}{
		{
			name: "no meeting yet, due day not passed",
			asOf: "2025-09-01",
			want: []sgRow{{"MISS-02", "missing_episodes[2]", Upcoming, "2025-09-01", ""}},
		},
		{
			name: "no meeting, overdue",
			asOf: "2025-09-02",
			want: []sgRow{{"MISS-02", "missing_episodes[2]", Overdue, "2025-09-01", ""}},
		},
		{
			name: "meeting on the due day, low risk ends the cycle",
			meetings: []RiskMeeting{
				{Date: sgD("2025-09-01"), Risk: RiskLow},
			},
			asOf: "2025-12-01",
			want: []sgRow{{"MISS-02", "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"}},
		},
		{
			name: "high risk twice, not escalated",
			meetings: []RiskMeeting{
				{Date: sgD("2025-09-02"), Risk: RiskHigh},
				{Date: sgD("2025-10-20"), Risk: RiskHigh},
			},
			asOf: "2025-11-01",
			want: []sgRow{
				{"MISS-02", "missing_episodes[2]", Late, "2025-09-01", "2025-09-02"},
				{"MISS-02", "risk_meetings[0]", Late, "2025-10-14", "2025-10-20"},
				{"MISS-02", "risk_meetings[1]", Upcoming, "2025-12-01", ""},
				{"MISS-03", "risk_meetings[1]", Overdue, "2025-10-20", ""},
			},
		},
		{
			name: "high risk twice, escalated at the second meeting",
			meetings: []RiskMeeting{
				{Date: sgD("2025-09-01"), Risk: RiskHigh},
				{Date: sgD("2025-10-10"), Risk: RiskHigh, EscalatedTo: "head of service", EscalatedOn: sgD("2025-10-10")},
				{Date: sgD("2025-11-14"), Risk: RiskMedium},
			},
			asOf: "2025-12-31",
			want: []sgRow{
				{"MISS-02", "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"},
				{"MISS-02", "risk_meetings[0]", Met, "2025-10-13", "2025-10-10"},
				{"MISS-02", "risk_meetings[1]", Met, "2025-11-21", "2025-11-14"},
				{"MISS-02", "risk_meetings[2]", Overdue, "2025-12-26", ""},
				{"MISS-03", "risk_meetings[1]", Met, "2025-10-10", "2025-10-10"},
			},
		},
		{
			name: "a medium meeting between two high ones resets the run",
			meetings: []RiskMeeting{
				{Date: sgD("2025-09-01"), Risk: RiskHigh},
				{Date: sgD("2025-10-01"), Risk: RiskMedium},
				{Date: sgD("2025-11-01"), Risk: RiskHigh},
				{Date: sgD("2025-11-02"), Risk: RiskLow},
			},
			asOf: "2025-12-31",
			want: []sgRow{
				{"MISS-02", "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"},
				{"MISS-02", "risk_meetings[0]", Met, "2025-10-13", "2025-10-01"},
				{"MISS-02", "risk_meetings[1]", Met, "2025-11-12", "2025-11-01"},
				{"MISS-02", "risk_meetings[2]", Met, "2025-12-13", "2025-11-02"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: eps, RiskMeetings: tc.meetings}}
			got := sgRows(sgAssess(t, r, tc.asOf, Policy{}), "MISS-02", "MISS-03")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MISS-02/03 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMissingValidate(t *testing.T) {
	tests := []struct {
		name string
		sr   SafeguardingRecords
		want []string
	}{
		{
			name: "episode ending before it starts",
			sr:   SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing, Start: sgD("2025-03-05"), End: sgD("2025-03-04")}}},
			want: []string{"missing_episodes[0].end"},
		},
		{
			name: "same day, return time before the start time",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing,
				Start: sgD("2025-03-05"), StartTime: sgT("18:00"), End: sgD("2025-03-05"), EndTime: sgT("17:00")}}},
			want: []string{"missing_episodes[0].end"},
		},
		{
			name: "interview before the return",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing,
				Start: sgD("2025-03-05"), End: sgD("2025-03-06"), EndTime: sgT("12:00"),
				Interview: ReturnInterview{Held: sgM("2025-03-06", "11:00")}}}},
			want: []string{"missing_episodes[0].interview.held"},
		},
		{
			name: "interview with no return, declined without an offer, missing type",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Start: sgD("2025-03-05"),
				Interview: ReturnInterview{Held: sgM("2025-03-06", ""), Declined: true}}}},
			want: []string{"missing_episodes[0].type", "missing_episodes[0].interview.held",
				"missing_episodes[0].interview.offered", "missing_episodes[0].interview.declined"},
		},
		{
			name: "time without a date, and a bad code",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingType(9), Start: sgD("2025-03-05"),
				EndTime: sgT("10:00")}}},
			want: []string{"missing_episodes[0].type", "missing_episodes[0].end_time"},
		},
		{
			name: "out of order and overlapping episodes",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{
				{Type: MissingTypeMissing, Start: sgD("2025-03-05"), End: sgD("2025-03-08")},
				{Type: MissingTypeMissing, Start: sgD("2025-03-07"), End: sgD("2025-03-09")},
				{Type: MissingTypeMissing, Start: sgD("2025-03-01"), End: sgD("2025-03-02")},
			}},
			want: []string{"missing_episodes[1].start", "missing_episodes[2].start"},
		},
		{
			name: "risk meetings: no level, half an escalation, out of order",
			sr: SafeguardingRecords{RiskMeetings: []RiskMeeting{
				{Date: sgD("2025-03-05"), Risk: RiskHigh, EscalatedTo: "head of service"},
				{Date: sgD("2025-03-01")},
			}},
			want: []string{"risk_meetings[0].escalated_on", "risk_meetings[1].risk", "risk_meetings[1].date"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			Record{SafeguardingRecords: tc.sr}.validateSafeguarding(&errs)
			if diff := cmp.Diff(tc.want, sgPaths(errs.Err())); diff != "" {
				t.Errorf("validateSafeguarding() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSafeguardingPolicyValidate(t *testing.T) {
	tests := []struct {
		name string
		p    SafeguardingPolicy
		want []string
	}{
		{"zero policy is the defaults", SafeguardingPolicy{}, nil},
		{"stricter values", SafeguardingPolicy{
			Missing:   MissingPolicy{InterviewHours: 48, RepeatEpisodes: 2, RepeatDays: 120, MeetingWorkingDays: 3, MeetingIntervalWeeks: 4, EscalateAfterMeetings: 1},
			Stability: StabilityPolicy{Placements: 2},
			Connected: ConnectedPolicy{TemporaryWeeks: 12, ExtensionWeeks: 4},
			Leaving:   LeavingPolicy{AssessmentMonths: 2, PathwayReviewMonths: 3, AdviserFirstVisitDays: 5, AdviserVisitMonths: 1, CeaseWorkingDays: 10},
		}, nil},
		{"looser values", SafeguardingPolicy{
			Missing:   MissingPolicy{InterviewHours: 96, RepeatEpisodes: 4, RepeatDays: 60, MeetingWorkingDays: 10, MeetingIntervalWeeks: 8, EscalateAfterMeetings: 3},
			Stability: StabilityPolicy{Placements: 4},
			Connected: ConnectedPolicy{TemporaryWeeks: 17, ExtensionWeeks: 9},
			Leaving:   LeavingPolicy{AssessmentMonths: 4, PathwayReviewMonths: 12, AdviserFirstVisitDays: 14, AdviserVisitMonths: 3, CeaseWorkingDays: 25},
		}, []string{"missing.interview_hours", "missing.repeat_episodes", "missing.repeat_days", "missing.meeting_working_days",
			"missing.meeting_interval_weeks", "missing.escalate_after_meetings", "stability.placements",
			"connected.temporary_weeks", "connected.extension_weeks", "leaving.assessment_months", "leaving.pathway_review_months",
			"leaving.adviser_first_visit_days", "leaving.adviser_visit_months", "leaving.cease_working_days"}},
		{"nonsense values", SafeguardingPolicy{
			Missing:   MissingPolicy{InterviewHours: -1, RepeatEpisodes: 1, UnknownTimes: 7},
			Connected: ConnectedPolicy{TemporaryWeeks: -16},
		}, []string{"missing.interview_hours", "missing.unknown_times", "missing.repeat_episodes", "connected.temporary_weeks"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			tc.p.validate(&errs)
			if diff := cmp.Diff(tc.want, sgPaths(errs.Err())); diff != "" {
				t.Errorf("SafeguardingPolicy.validate() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestClockText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr bool
	}{
		{"midnight", "00:00", "00:00", false},
		{"last minute", "23:59", "23:59", false},
		{"empty is unset", "", "", false},
		{"24:00 does not exist", "24:00", "", true},
		{"seconds are refused", "12:00:00", "", true},
		{"single-digit hour refused", "9:30", "", true},
		{"minute 60", "10:60", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c Clock
			err := c.UnmarshalText([]byte(tc.in))
			if (err != nil) != tc.wantErr {
				t.Fatalf("UnmarshalText(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			}
			if tc.wantErr {
				if !errors.Is(err, ErrInvalidClock) {
					t.Errorf("UnmarshalText(%q) error = %v, want ErrInvalidClock", tc.in, err)
				}
				return
			}
			b, err := c.MarshalText()
			if err != nil || string(b) != tc.want {
				t.Errorf("MarshalText() = %q, %v, want %q", b, err, tc.want)
			}
		})
	}
}

func TestSafeguardingRulesCatalogue(t *testing.T) {
	want := []RuleID{"MISS-01", "MISS-02", "MISS-03", "STAB-01", "STAB-02", "STAB-03", "STAB-04", "CONN-01",
		"LEAV-01", "LEAV-02", "LEAV-03", "LEAV-04"}
	rs := safeguardingRules()
	var got []RuleID
	for _, r := range rs {
		got = append(got, r.ID)
		t.Run(string(r.ID), func(t *testing.T) {
			if r.Title == "" || r.Text == "" || r.Citation.Instrument == "" || r.Package != "care" {
				t.Errorf("rule %s is missing a title, text, citation or package: %+v", r.ID, r)
			}
			if r.Severity == SeverityUnknown || r.Domain == DomainUnknown {
				t.Errorf("rule %s has no severity or domain", r.ID)
			}
			for _, name := range r.Policy {
				if !sgPolicyFieldExists(name) {
					t.Errorf("rule %s names policy field %q, which Policy does not have", r.ID, name)
				}
			}
		})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("safeguardingRules() IDs mismatch (-want +got):\n%s", diff)
	}
	rs[0].Policy[0] = "changed"
	if again := safeguardingRules(); again[0].Policy[0] == "changed" {
		t.Errorf("safeguardingRules() shares memory between calls")
	}
}

// sgPolicyFieldExists reports whether a dotted field name such as
// "Missing.InterviewHours" names a field of Policy.
func sgPolicyFieldExists(name string) bool {
	typ := reflect.TypeOf(Policy{})
	for _, part := range strings.Split(name, ".") {
		f, ok := typ.FieldByName(part)
		if !ok {
			return false
		}
		typ = f.Type
	}
	return true
}

func TestSafeguardingJSONRoundTrip(t *testing.T) {
	sr := SafeguardingRecords{
		MissingEpisodes: []MissingEpisode{{Type: MissingTypeAway, Start: sgD("2025-03-01"), StartTime: sgT("00:00"),
			End: sgD("2025-03-02"), EndTime: sgT("07:45"), Interview: ReturnInterview{Offered: sgM("2025-03-02", "12:00"), Declined: true}}},
		RiskMeetings:       []RiskMeeting{{Date: sgD("2025-03-10"), Risk: RiskHigh, Actions: []string{"disruption plan"}, EscalatedTo: "head of service", EscalatedOn: sgD("2025-03-11")}},
		ConnectedApprovals: []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"), ExtendedOn: sgD("2025-04-20"), ExtensionWeeks: 8, ExtendedBy: ApproverNominatedOfficer}},
		PlacementApprovals: []PlacementApproval{{Placement: sgD("2025-01-06"), Kind: ApprovalLocation, Location: LocationDistant, Approver: ApproverDirector, Approved: sgD("2025-01-03")}},
		LeavingCare: LeavingCare{
			NeedsAssessments: []NeedsAssessment{{Completed: sgD("2025-02-01")}},
			Accommodation:    []Period{{Start: sgD("2025-05-01")}},
			SupportTo25:      true,
		},
		CeasingApprovals: []CeasingApproval{{Ceased: sgD("2025-06-01"), Approver: ApproverDirector, Approved: sgD("2025-05-30"), IROConsulted: true}},
	}
	b, err := json.Marshal(sr)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var back SafeguardingRecords
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	opts := cmp.Options{cmpopts.EquateComparable(Date{}, Clock{})}
	if diff := cmp.Diff(sr, back, opts); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}

	p := SafeguardingPolicy{Missing: MissingPolicy{InterviewHours: 48, UnknownTimes: UnknownTimesUnfavourable},
		Stability: StabilityPolicy{DistanceMiles: decimal.RequireFromString("15.5")}}
	b, err = json.Marshal(p)
	if err != nil {
		t.Fatalf("json.Marshal(policy): %v", err)
	}
	const wantJSON = `{"missing":{"interview_hours":48,"unknown_times":"unfavourable"},"stability":{"distance_miles":"15.5"}}`
	if string(b) != wantJSON {
		t.Errorf("json.Marshal(policy) = %s, want %s", b, wantJSON)
	}
	var pb SafeguardingPolicy
	if err := json.Unmarshal(b, &pb); err != nil || !pb.Stability.DistanceMiles.Equal(p.Stability.DistanceMiles) || pb.Missing != p.Missing {
		t.Errorf("json.Unmarshal(policy) = %+v, %v, want %+v", pb, err, p)
	}
}
