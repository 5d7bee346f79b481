package care

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

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
		if len(ids) > 0 && !slices.Contains(ids, f.Rule()) {
			continue
		}
		out = append(out, sgRow{f.Rule(), f.Subject(), f.Status, f.Due.String(), f.Done.String()})
	}
	return out
}

// sgHistory returns the history of r's child and episodes: validated when
// the record names its child, and as given otherwise (the tests of a
// family's own records need no child).
func sgHistory(t testing.TB, r Record) *History {
	t.Helper()
	if r.Child.ID == "" {
		return &History{child: r.Child, eps: r.Episodes, periods: appendPeriodsOfCare(nil, r.Episodes),
			placements: appendPlacements(nil, r.Episodes)}
	}
	h, err := NewHistory(r.Child, r.Episodes)
	if err != nil {
		t.Fatalf("NewHistory: %v", err)
	}
	return h
}

// sgAssess runs the safeguarding assessment alone and returns its findings
// in the order they were made.
func sgAssess(t *testing.T, r Record, asOf string, p Policy) Report {
	t.Helper()
	return sgAssessCtx(t, r, Context{}, asOf, p)
}

// sgAssessCtx is sgAssess with a context.
func sgAssessCtx(t *testing.T, r Record, ctx Context, asOf string, p Policy) Report {
	t.Helper()
	e := NewEmitter(sgD(asOf))
	if err := r.assessSafeguarding(e, sgHistory(t, r), ctx, EnglandAndWales(), p); err != nil {
		t.Fatalf("assessSafeguarding(%s) error: %v", asOf, err)
	}
	return slices.Clone(e.Findings())
}

// sgOne returns the only finding of rule id in rep, failing the test if
// there is not exactly one.
func sgOne(t *testing.T, rep Report, id RuleID) Finding {
	t.Helper()
	fs := rep.ForRule(id)
	if len(fs) != 1 {
		t.Fatalf("%d %s findings, want 1: %v", len(fs), id, fs)
	}
	return fs[0]
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

// TestReturnInterviewDue checks the return home interview's due moment:
// "within 72 hours of the child returning to their home or care setting"
// (DfE statutory guidance, 2014), counted in real, elapsed hours. want is
// the due moment on the clock in England, wantUTC the due instant.
func TestReturnInterviewDue(t *testing.T) {
	tests := []struct {
		name    string
		ret     Moment
		p       MissingPolicy
		want    string
		wantUTC string
	}{
		{
			name: "23:00 on a Friday before the August bank holiday: hours run through it",
			ret:  sgM("2025-08-22", "23:00"),
			want: "2025-08-25 23:00", wantUTC: "2025-08-25T22:00:00Z",
		},
		{
			name: "date only, favourable: end of the third day",
			ret:  sgM("2025-08-22", ""),
			want: "2025-08-25 23:59", wantUTC: "2025-08-25T22:59:00Z",
		},
		{
			name: "date only, unfavourable: midnight starting the third day",
			ret:  sgM("2025-08-22", ""),
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			want: "2025-08-25 00:00", wantUTC: "2025-08-24T23:00:00Z",
		},
		{
			name: "stricter local standard of 48 hours",
			ret:  sgM("2025-08-22", "23:00"),
			p:    MissingPolicy{InterviewHours: 48},
			want: "2025-08-24 23:00", wantUTC: "2025-08-24T22:00:00Z",
		},
		{
			name: "across a leap day",
			ret:  sgM("2024-02-27", "10:15"),
			want: "2024-03-01 10:15", wantUTC: "2024-03-01T10:15:00Z",
		},
		{
			name: "across the year end",
			ret:  sgM("2025-12-30", "18:30"),
			want: "2026-01-02 18:30", wantUTC: "2026-01-02T18:30:00Z",
		},
		{
			name: "Friday 21:00 BST before the clocks go back: Monday 20:00 GMT",
			ret:  sgM("2025-10-24", "21:00"),
			want: "2025-10-27 20:00", wantUTC: "2025-10-27T20:00:00Z",
		},
		{
			name: "Friday 21:00 GMT before the clocks go forward: Monday 22:00 BST",
			ret:  sgM("2025-03-28", "21:00"),
			want: "2025-03-31 22:00", wantUTC: "2025-03-31T21:00:00Z",
		},
		{
			name: "Friday noon before the clocks go back: Monday 11:00, not noon",
			ret:  sgM("2025-10-24", "12:00"),
			want: "2025-10-27 11:00", wantUTC: "2025-10-27T11:00:00Z",
		},
		{
			name: "return in the repeated autumn hour is its first occurrence, BST: due an hour earlier on the clock",
			ret:  sgM("2025-10-26", "01:30"),
			want: "2025-10-29 00:30", wantUTC: "2025-10-29T00:30:00Z",
		},
		{
			name: "return at 00:59 BST, the minute before the repeated hour",
			ret:  sgM("2025-10-26", "00:59"),
			want: "2025-10-28 23:59", wantUTC: "2025-10-28T23:59:00Z",
		},
		{
			name: "return at 02:00 GMT, the minute after the repeated hour: no change in the count",
			ret:  sgM("2025-10-26", "02:00"),
			want: "2025-10-29 02:00", wantUTC: "2025-10-29T02:00:00Z",
		},
		{
			name: "return in the skipped spring hour is read as GMT: due at 02:30 BST",
			ret:  sgM("2025-03-30", "01:30"),
			want: "2025-04-02 02:30", wantUTC: "2025-04-02T01:30:00Z",
		},
		{
			name: "return at 00:59 GMT, the minute before the skipped hour",
			ret:  sgM("2025-03-30", "00:59"),
			want: "2025-04-02 01:59", wantUTC: "2025-04-02T00:59:00Z",
		},
		{
			name: "return at 02:00 BST, the first minute of summer time: no change in the count",
			ret:  sgM("2025-03-30", "02:00"),
			want: "2025-04-02 02:00", wantUTC: "2025-04-02T01:00:00Z",
		},
		{
			name: "due in the repeated hour's second occurrence (GMT)",
			ret:  sgM("2025-10-23", "02:30"),
			want: "2025-10-26 01:30", wantUTC: "2025-10-26T01:30:00Z",
		},
		{
			name: "due in the repeated hour's first occurrence (BST)",
			ret:  sgM("2025-10-23", "01:30"),
			want: "2025-10-26 01:30", wantUTC: "2025-10-26T00:30:00Z",
		},
		{
			name: "due the instant the clocks go forward: 02:00 BST",
			ret:  sgM("2025-03-27", "01:00"),
			want: "2025-03-30 02:00", wantUTC: "2025-03-30T01:00:00Z",
		},
		{
			name: "due the minute before the clocks go forward: 00:59 GMT",
			ret:  sgM("2025-03-27", "00:59"),
			want: "2025-03-30 00:59", wantUTC: "2025-03-30T00:59:00Z",
		},
		{
			name: "date only, favourable, clocks go forward in between: 00:59 BST on the fourth day",
			ret:  sgM("2025-03-28", ""),
			want: "2025-04-01 00:59", wantUTC: "2025-03-31T23:59:00Z",
		},
		{
			name: "date only, favourable, clocks go back in between: 22:59 GMT on the third day",
			ret:  sgM("2025-10-24", ""),
			want: "2025-10-27 22:59", wantUTC: "2025-10-27T22:59:00Z",
		},
		{
			name: "date only, unfavourable, clocks go back in between: 23:00 GMT on the second day",
			ret:  sgM("2025-10-24", ""),
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			want: "2025-10-26 23:00", wantUTC: "2025-10-26T23:00:00Z",
		},
		{
			name: "date only, unfavourable, the Thursday before: the count ends before the clocks go back",
			ret:  sgM("2025-10-23", ""),
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			want: "2025-10-26 00:00", wantUTC: "2025-10-25T23:00:00Z",
		},
		{
			name: "2000, the first year a record may hold: the last Sunday of March is the 26th",
			ret:  sgM("2000-03-24", "21:00"),
			want: "2000-03-27 22:00", wantUTC: "2000-03-27T21:00:00Z",
		},
		{
			name: "1996, the first year of the rule: clocks back on 27 October",
			ret:  sgM("1996-10-25", "21:00"),
			want: "1996-10-28 20:00", wantUTC: "1996-10-28T20:00:00Z",
		},
		{
			name: "last Sunday of March on the 31st (2024)",
			ret:  sgM("2024-03-29", "12:00"),
			want: "2024-04-01 13:00", wantUTC: "2024-04-01T12:00:00Z",
		},
		{
			name: "last Sunday of March on the 29th, not the fourth Sunday the 22nd (2026)",
			ret:  sgM("2026-03-20", "12:00"),
			want: "2026-03-23 12:00", wantUTC: "2026-03-23T12:00:00Z",
		},
		{
			name: "last Sunday of October on the 31st (2027)",
			ret:  sgM("2027-10-29", "12:00"),
			want: "2027-11-01 11:00", wantUTC: "2027-11-01T11:00:00Z",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReturnInterviewDue(tc.ret, tc.p)
			if err != nil {
				t.Fatalf("ReturnInterviewDue(%v) error: %v", tc.ret, err)
			}
			if m := (Moment{got.Due, got.DueTime}).String(); m != tc.want {
				t.Errorf("ReturnInterviewDue(%v) due %s, want %s", tc.ret, m, tc.want)
			}
			if u := got.DueAt.Format(time.RFC3339); u != tc.wantUTC {
				t.Errorf("ReturnInterviewDue(%v) DueAt = %s, want %s", tc.ret, u, tc.wantUTC)
			}
			if h := got.DueAt.Sub(got.AnchorAt); h != time.Duration(got.Count)*time.Hour {
				t.Errorf("ReturnInterviewDue(%v): %v between AnchorAt and DueAt, want %d hours", tc.ret, h, got.Count)
			}
			if got.Rule != MISS01 || got.Unit != Hours || got.Anchor != tc.ret.Date || got.AnchorTime != tc.ret.Clock {
				t.Errorf("ReturnInterviewDue(%v) = %+v, want MISS-01 hours after the return", tc.ret, got)
			}
		})
	}
}

func TestReturnInterviewDueErrors(t *testing.T) {
	tests := []struct {
		name     string
		ret      Moment
		p        MissingPolicy
		wantPath []string
		wantErr  error
	}{
		{"no date", Moment{}, MissingPolicy{}, []string{"returned.date"}, ErrRequired},
		{"a time without its date", Moment{Clock: sgT("10:00")}, MissingPolicy{}, []string{"returned.date"}, ErrRequired},
		{"time of day out of range", Moment{Date: sgD("2025-08-22"), Clock: Clock{2000}}, MissingPolicy{}, []string{"returned.time"}, ErrInvalidClock},
		{"1995, before the rule: the clocks went back on the fourth Sunday", sgM("1995-10-20", "21:00"), MissingPolicy{}, []string{"returned.date"}, ErrOutsideUKClock},
		{"due after 9999", sgM("9999-12-30", "12:00"), MissingPolicy{}, []string{"returned.date"}, ErrOutsideUKClock},
		{"96 hours is looser than the guidance", sgM("2025-08-22", "23:00"), MissingPolicy{InterviewHours: 96}, []string{"missing.interview_hours"}, nil},
		{"negative hours and an unknown convention", sgM("2025-08-22", "23:00"), MissingPolicy{InterviewHours: -1, UnknownTimes: 9},
			[]string{"missing.interview_hours", "missing.unknown_times"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReturnInterviewDue(tc.ret, tc.p)
			if err == nil {
				t.Fatalf("ReturnInterviewDue(%v) = %v, want an error", tc.ret, got)
			}
			if diff := cmp.Diff(tc.wantPath, sgPaths(err)); diff != "" {
				t.Errorf("ReturnInterviewDue(%v) error paths mismatch (-want +got):\n%s", tc.ret, diff)
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("ReturnInterviewDue(%v) error = %v, want %v", tc.ret, err, tc.wantErr)
			}
			if got != (TimedDeadline{}) {
				t.Errorf("ReturnInterviewDue(%v) = %v with an error, want the zero TimedDeadline", tc.ret, got)
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

// TestMISS01AcrossClockChanges checks that "within 72 hours of the child
// returning" (DfE statutory guidance, 2014) is 72 real hours when the
// clocks change in between, and how times in the repeated and skipped
// hours are read.
func TestMISS01AcrossClockChanges(t *testing.T) {
	ep := func(end, endTime string, ri ReturnInterview) []MissingEpisode {
		return []MissingEpisode{{Type: MissingTypeMissing, Start: sgD(end), End: sgD(end), EndTime: sgT(endTime), Interview: ri}}
	}
	tests := []struct {
		name string
		eps  []MissingEpisode
		p    MissingPolicy
		want []sgRow
	}{
		{
			name: "clocks go back: held Monday 19:59 GMT, within 72 hours of Friday 21:00 BST",
			eps:  ep("2025-10-24", "21:00", ReturnInterview{Held: sgM("2025-10-27", "19:59")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-10-27", "2025-10-27"}},
		},
		{
			name: "clocks go back: held Monday 20:30 GMT is late, although 20:30 is before 21:00 on the clock",
			eps:  ep("2025-10-24", "21:00", ReturnInterview{Held: sgM("2025-10-27", "20:30")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-27", "2025-10-27"}},
		},
		{
			name: "clocks go forward: held Monday 21:30 BST, within 72 hours of Friday 21:00 GMT",
			eps:  ep("2025-03-28", "21:00", ReturnInterview{Held: sgM("2025-03-31", "21:30")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-03-31", "2025-03-31"}},
		},
		{
			name: "clocks go forward: held Monday 22:01 BST is late",
			eps:  ep("2025-03-28", "21:00", ReturnInterview{Held: sgM("2025-03-31", "22:01")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-03-31", "2025-03-31"}},
		},
		{
			name: "clocks go back: return Friday 23:30 BST is due Monday 22:30 GMT, the due day unchanged",
			eps:  ep("2025-10-24", "23:30", ReturnInterview{Held: sgM("2025-10-27", "22:45")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-27", "2025-10-27"}},
		},
		{
			name: "clocks go back: return Friday 00:30 BST is due Sunday 23:30 GMT, a day earlier",
			eps:  ep("2025-10-24", "00:30", ReturnInterview{Held: sgM("2025-10-27", "00:10")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-26", "2025-10-27"}},
		},
		{
			name: "clocks go forward: return Friday 23:30 GMT is due Tuesday 00:30 BST, a day later",
			eps:  ep("2025-03-28", "23:30", ReturnInterview{Held: sgM("2025-04-01", "00:15")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-04-01", "2025-04-01"}},
		},
		{
			name: "due 01:30 GMT in the repeated hour: held at 01:45, read as BST, is on time",
			eps:  ep("2025-10-23", "02:30", ReturnInterview{Held: sgM("2025-10-26", "01:45")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-10-26", "2025-10-26"}},
		},
		{
			name: "due 01:30 GMT in the repeated hour: held at 02:10 GMT is late",
			eps:  ep("2025-10-23", "02:30", ReturnInterview{Held: sgM("2025-10-26", "02:10")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-26", "2025-10-26"}},
		},
		{
			name: "due 01:30 BST in the repeated hour: held at 01:45, read as BST, is late",
			eps:  ep("2025-10-23", "01:30", ReturnInterview{Held: sgM("2025-10-26", "01:45")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-26", "2025-10-26"}},
		},
		{
			name: "due 02:15 BST: held at 01:30 in the skipped hour, read as GMT (02:30 BST), is late",
			eps:  ep("2025-03-27", "01:15", ReturnInterview{Held: sgM("2025-03-30", "01:30")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-03-30", "2025-03-30"}},
		},
		{
			name: "due 02:15 BST: held at 01:10 in the skipped hour, read as GMT (02:10 BST), is on time",
			eps:  ep("2025-03-27", "01:15", ReturnInterview{Held: sgM("2025-03-30", "01:10")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-03-30", "2025-03-30"}},
		},
		{
			name: "date only, favourable: held on the fourth day is on time when the clocks go forward in between",
			eps:  ep("2025-03-28", "", ReturnInterview{Held: sgM("2025-04-01", "")}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-04-01", "2025-04-01"}},
		},
		{
			name: "date only, unfavourable: held on the second day is late when the clocks go back in between",
			eps:  ep("2025-10-24", "", ReturnInterview{Held: sgM("2025-10-26", "")}),
			p:    MissingPolicy{UnknownTimes: UnknownTimesUnfavourable},
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-26", "2025-10-26"}},
		},
		{
			name: "declined when offered at 20:30 GMT on the Monday after the clocks went back: late",
			eps:  ep("2025-10-24", "21:00", ReturnInterview{Offered: sgM("2025-10-27", "20:30"), Declined: true}),
			want: []sgRow{{MISS01, "missing_episodes[0]", Late, "2025-10-27", "2025-10-27"}},
		},
		{
			name: "away episode, not included by default: no finding",
			eps: []MissingEpisode{{Type: MissingTypeAway, Start: sgD("2025-10-24"), End: sgD("2025-10-24"), EndTime: sgT("21:00"),
				Interview: ReturnInterview{Held: sgM("2025-10-27", "19:00")}}},
		},
		{
			name: "away episode, included by policy",
			eps: []MissingEpisode{{Type: MissingTypeAway, Start: sgD("2025-10-24"), End: sgD("2025-10-24"), EndTime: sgT("21:00"),
				Interview: ReturnInterview{Held: sgM("2025-10-27", "19:00")}}},
			p:    MissingPolicy{IncludeAway: true},
			want: []sgRow{{MISS01, "missing_episodes[0]", Met, "2025-10-27", "2025-10-27"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: tc.eps}}
			var p Policy
			p.Missing = tc.p
			got := sgRows(sgAssess(t, r, "2025-11-30", p), MISS01)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("MISS-01 findings mismatch (-want +got):\n%s", diff)
			}
			// The rule and the one-call calculator agree on the due day.
			if len(got) == 1 {
				d, err := ReturnInterviewDue(tc.eps[0].Returned(), tc.p)
				if err != nil || d.Due.String() != got[0].Due {
					t.Errorf("ReturnInterviewDue() = %v, %v; the finding is due %s", d, err, got[0].Due)
				}
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
				{Date: sgD("2025-09-01"), Risk: RiskLevelLow},
			},
			asOf: "2025-12-01",
			want: []sgRow{{"MISS-02", "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"}},
		},
		{
			name: "high risk twice, not escalated",
			meetings: []RiskMeeting{
				{Date: sgD("2025-09-02"), Risk: RiskLevelHigh},
				{Date: sgD("2025-10-20"), Risk: RiskLevelHigh},
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
				{Date: sgD("2025-09-01"), Risk: RiskLevelHigh},
				{Date: sgD("2025-10-10"), Risk: RiskLevelHigh, EscalatedTo: "head of service", EscalatedOn: sgD("2025-10-10")},
				{Date: sgD("2025-11-14"), Risk: RiskLevelMedium},
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
				{Date: sgD("2025-09-01"), Risk: RiskLevelHigh},
				{Date: sgD("2025-10-01"), Risk: RiskLevelMedium},
				{Date: sgD("2025-11-01"), Risk: RiskLevelHigh},
				{Date: sgD("2025-11-02"), Risk: RiskLevelLow},
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

// sgChild is the child of the safeguarding tests that need episodes.
var sgChild = Child{ID: "C0020", DateOfBirth: sgD("2010-01-01")}

// sgInCare returns one period of care from 6 January 2025, ended on end
// ("" while it lasts).
func sgInCare(end string) []Episode {
	rec := ReasonEpisodeCeasedE4A
	if end == "" {
		rec = ReasonEpisodeCeasedUnknown
	}
	return []Episode{sgEp("2025-01-06", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, end, rec)}
}

// TestMISS01Message checks that a MISS-01 message gives the clock times the
// 72 hours are counted in.
func TestMISS01Message(t *testing.T) {
	ep := func(endTime string, ri ReturnInterview) MissingEpisode {
		return MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT(endTime), Interview: ri}
	}
	epOn := func(end, endTime string, ri ReturnInterview) MissingEpisode {
		return MissingEpisode{Type: MissingTypeMissing, Start: sgD(end), End: sgD(end), EndTime: sgT(endTime), Interview: ri}
	}
	tests := []struct {
		name string
		ep   MissingEpisode
		p    MissingPolicy
		asOf string
		want string
	}{
		{"held on time", ep("23:00", ReturnInterview{Held: sgM("2025-08-25", "22:00")}), MissingPolicy{}, "2025-09-01",
			"return home interview held at 22:00 on 25 August 2025, on time; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025"},
		{"held on the due day after the due time", ep("23:00", ReturnInterview{Held: sgM("2025-08-25", "23:30")}), MissingPolicy{}, "2025-09-01",
			"return home interview held at 23:30 on 25 August 2025, 30 minutes late; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025"},
		{"held the next morning", ep("23:00", ReturnInterview{Held: sgM("2025-08-26", "09:15")}), MissingPolicy{}, "2025-09-01",
			"return home interview held at 09:15 on 26 August 2025, 10 hours 15 minutes late; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025"},
		{"held on the due day, no time recorded, unfavourable", ep("23:00", ReturnInterview{Held: sgM("2025-08-25", "")}),
			MissingPolicy{UnknownTimes: UnknownTimesUnfavourable}, "2025-09-01",
			"return home interview held on 25 August 2025, late; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025"},
		{"declined", ep("23:00", ReturnInterview{Offered: sgM("2025-08-23", "10:00"), Declined: true}), MissingPolicy{}, "2025-09-01",
			"return home interview offered at 10:00 on 23 August 2025 and declined, on time; due by 23:00 on 25 August 2025, 72 hours after the return at 23:00 on 22 August 2025"},
		{"not held, return time not recorded", ep("", ReturnInterview{}), MissingPolicy{}, "2025-09-01",
			"no return home interview yet; due by 23:59 on 25 August 2025, 72 hours after the return on 22 August 2025 (no time recorded: taken as 23:59)"},
		{"upcoming, 36 hours by local standard", ep("23:00", ReturnInterview{}), MissingPolicy{InterviewHours: 36}, "2025-08-23",
			"return home interview due by 11:00 on 24 August 2025, 36 hours after the return at 23:00 on 22 August 2025"},
		{"held with no time recorded", ep("", ReturnInterview{Held: sgM("2025-08-26", "")}), MissingPolicy{}, "2025-09-01",
			"return home interview held on 26 August 2025, 1 day late; due by 23:59 on 25 August 2025, 72 hours after the return on 22 August 2025 (no time recorded: taken as 23:59)"},
		{"clocks go back: both ends name their zone, lateness in real minutes", epOn("2025-10-24", "21:00", ReturnInterview{Held: sgM("2025-10-27", "20:30")}),
			MissingPolicy{}, "2025-11-30",
			"return home interview held at 20:30 on 27 October 2025, 30 minutes late; due by 20:00 GMT on 27 October 2025, 72 hours after the return at 21:00 BST on 24 October 2025"},
		{"clocks go forward: both ends name their zone", epOn("2025-03-28", "21:00", ReturnInterview{Held: sgM("2025-03-31", "21:30")}),
			MissingPolicy{}, "2025-11-30",
			"return home interview held at 21:30 on 31 March 2025, on time; due by 22:00 BST on 31 March 2025, 72 hours after the return at 21:00 GMT on 28 March 2025"},
		{"late across the spring change: hours counted in real time", epOn("2025-03-28", "21:00", ReturnInterview{Held: sgM("2025-04-01", "09:00")}),
			MissingPolicy{}, "2025-11-30",
			"return home interview held at 09:00 on 1 April 2025, 11 hours late; due by 22:00 BST on 31 March 2025, 72 hours after the return at 21:00 GMT on 28 March 2025"},
		{"due in the repeated hour: held at 01:45 BST, on time", epOn("2025-10-23", "02:30", ReturnInterview{Held: sgM("2025-10-26", "01:45")}),
			MissingPolicy{}, "2025-11-30",
			"return home interview held at 01:45 BST on 26 October 2025, on time; due by 01:30 GMT on 26 October 2025, 72 hours after the return at 02:30 BST on 23 October 2025"},
		{"due in the repeated hour: held at 02:10 GMT, 40 minutes late", epOn("2025-10-23", "02:30", ReturnInterview{Held: sgM("2025-10-26", "02:10")}),
			MissingPolicy{}, "2025-11-30",
			"return home interview held at 02:10 on 26 October 2025, 40 minutes late; due by 01:30 GMT on 26 October 2025, 72 hours after the return at 02:30 BST on 23 October 2025"},
		{"return in the repeated hour: read as BST", epOn("2025-10-26", "01:30", ReturnInterview{}), MissingPolicy{}, "2025-11-30",
			"no return home interview yet; due by 00:30 GMT on 29 October 2025, 72 hours after the return at 01:30 BST on 26 October 2025"},
		{"return in the skipped hour: read as GMT", epOn("2025-03-30", "01:30", ReturnInterview{}), MissingPolicy{}, "2025-04-10",
			"no return home interview yet; due by 02:30 on 2 April 2025, 72 hours after the return at 01:30 GMT on 30 March 2025"},
		{"interview in the skipped hour: read as GMT, 15 minutes late", epOn("2025-03-27", "01:15", ReturnInterview{Held: sgM("2025-03-30", "01:30")}),
			MissingPolicy{}, "2025-04-10",
			"return home interview held at 01:30 GMT on 30 March 2025, 15 minutes late; due by 02:15 BST on 30 March 2025, 72 hours after the return at 01:15 GMT on 27 March 2025"},
		{"date only across the spring change: due on the fourth day", epOn("2025-03-28", "", ReturnInterview{}), MissingPolicy{}, "2025-04-10",
			"no return home interview yet; due by 00:59 BST on 1 April 2025, 72 hours after the return on 28 March 2025 (no time recorded: taken as 23:59 GMT)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: []MissingEpisode{tc.ep}}}
			var p Policy
			p.Missing = tc.p
			f := sgOne(t, sgAssess(t, r, tc.asOf, p), MISS01)
			if got := f.Message(); got != tc.want {
				t.Errorf("Message() =\n%s\nwant\n%s", got, tc.want)
			}
			if d, ok := f.Deadline(); !ok || d.Unit != Hours || d.Anchor != tc.ep.End {
				t.Errorf("Deadline() = %v, %v, want hours after the return on %v", d, ok, tc.ep.End)
			}
		})
	}
}

// TestMISS01Window checks what closes the window of a return home
// interview: the child's next missing episode, whose own interview takes
// its place, or leaving care. The return is at 23:00 on Friday 22 August
// 2025, so the interview is due on Monday 25 August.
func TestMISS01Window(t *testing.T) {
	friday := MissingEpisode{Type: MissingTypeMissing, Start: sgD("2025-08-22"), StartTime: sgT("17:00"),
		End: sgD("2025-08-22"), EndTime: sgT("23:00")}
	next := func(typ MissingType, start string) MissingEpisode {
		return MissingEpisode{Type: typ, Start: sgD(start), End: sgD(start), Interview: ReturnInterview{Held: sgM(start, "")}}
	}
	tests := []struct {
		name       string
		eps        []MissingEpisode
		episodes   []Episode
		asOf       string
		want       []sgRow
		wantClosed string
		msg        string // of the first finding, if given
		reviews    []string
	}{
		{
			name: "missing again the day before the due day: nothing was owed",
			eps:  []MissingEpisode{friday, next(MissingTypeMissing, "2025-08-24")},
			asOf: "2025-09-10",
			want: []sgRow{{MISS01, "missing_episodes[1]", Met, "2025-08-27", "2025-08-24"}},
		},
		{
			name: "missing again on the due day: nothing was owed",
			eps:  []MissingEpisode{friday, next(MissingTypeMissing, "2025-08-25")},
			asOf: "2025-09-10",
			want: []sgRow{{MISS01, "missing_episodes[1]", Met, "2025-08-28", "2025-08-25"}},
		},
		{
			name: "missing again the day after the due day: missed",
			eps:  []MissingEpisode{friday, next(MissingTypeMissing, "2025-08-26")},
			asOf: "2025-09-10",
			want: []sgRow{
				{MISS01, "missing_episodes[0]", Missed, "2025-08-25", ""},
				{MISS01, "missing_episodes[1]", Met, "2025-08-29", "2025-08-26"},
			},
			wantClosed: "2025-08-26 the child next went missing",
			msg: "no return home interview by 23:00 on 25 August 2025 (72 hours after the return at 23:00 on 22 August 2025); " +
				"closed when the child next went missing on 26 August 2025",
		},
		{
			name: "missing again after the as-of date: still overdue",
			eps:  []MissingEpisode{friday, next(MissingTypeMissing, "2025-09-12")},
			asOf: "2025-09-10",
			want: []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name: "an away episode the policy does not count does not close it",
			eps:  []MissingEpisode{friday, next(MissingTypeAway, "2025-08-24")},
			asOf: "2025-09-10",
			want: []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name: "held after the next episode began: late, not missed",
			eps: []MissingEpisode{
				{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-22"), EndTime: sgT("23:00"),
					Interview: ReturnInterview{Held: sgM("2025-08-27", "10:00")}},
				next(MissingTypeMissing, "2025-08-26"),
			},
			asOf: "2025-09-10",
			want: []sgRow{
				{MISS01, "missing_episodes[0]", Late, "2025-08-25", "2025-08-27"},
				{MISS01, "missing_episodes[1]", Met, "2025-08-29", "2025-08-26"},
			},
		},
		{
			name:       "left care the day after the due day: missed",
			eps:        []MissingEpisode{friday},
			episodes:   sgInCare("2025-08-26"),
			asOf:       "2025-09-10",
			want:       []sgRow{{MISS01, "missing_episodes[0]", Missed, "2025-08-25", ""}},
			wantClosed: "2025-08-26 the child left care",
		},
		{
			name:     "left care on the due day: nothing was owed",
			eps:      []MissingEpisode{friday},
			episodes: sgInCare("2025-08-25"),
			asOf:     "2025-09-10",
		},
		{
			name:     "a looked-after review the day before the due day: still owed",
			eps:      []MissingEpisode{friday},
			episodes: sgInCare(""),
			reviews:  []string{"2025-08-24"},
			asOf:     "2025-09-10",
			want:     []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name:     "a looked-after review on the due day: still owed",
			eps:      []MissingEpisode{friday},
			episodes: sgInCare(""),
			reviews:  []string{"2025-08-25"},
			asOf:     "2025-09-10",
			want:     []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name:       "the first looked-after review after the due day takes stock: missed",
			eps:        []MissingEpisode{friday},
			episodes:   sgInCare(""),
			reviews:    []string{"2025-08-25", "2025-09-03"},
			asOf:       "2025-09-10",
			want:       []sgRow{{MISS01, "missing_episodes[0]", Missed, "2025-08-25", ""}},
			wantClosed: "2025-09-03 the next looked-after review was held",
		},
		{
			name:     "a review after the as-of date: still overdue",
			eps:      []MissingEpisode{friday},
			episodes: sgInCare(""),
			reviews:  []string{"2025-09-11"},
			asOf:     "2025-09-10",
			want:     []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
		{
			name:     "still looked after: overdue",
			eps:      []MissingEpisode{friday},
			episodes: sgInCare(""),
			asOf:     "2025-09-10",
			want:     []sgRow{{MISS01, "missing_episodes[0]", Overdue, "2025-08-25", ""}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: tc.eps}}
			if tc.episodes != nil {
				r.Child, r.Episodes = sgChild, tc.episodes
			}
			var ctx Context
			for _, d := range tc.reviews {
				ctx.Reviews = append(ctx.Reviews, sgD(d))
			}
			rep := sgAssessCtx(t, r, ctx, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, sgRows(rep, MISS01)); diff != "" {
				t.Errorf("MISS-01 findings mismatch (-want +got):\n%s", diff)
			}
			for _, f := range rep.WithStatus(Missed) {
				on, by := f.Closed()
				if got := on.String() + " " + by; got != tc.wantClosed {
					t.Errorf("Closed() = %s, want %s", got, tc.wantClosed)
				}
			}
			if tc.msg != "" && rep[0].Message() != tc.msg {
				t.Errorf("Message() =\n%s\nwant\n%s", rep[0].Message(), tc.msg)
			}
		})
	}
}

// TestMISS02Window checks that a risk meeting stays owed until it is held,
// and that its window closes only when the child leaves care. The meeting
// after the third episode (Friday 22 August 2025) is due on 1 September.
func TestMISS02Window(t *testing.T) {
	eps := []MissingEpisode{
		{Type: MissingTypeMissing, Start: sgD("2025-06-02"), End: sgD("2025-06-03"), Interview: ReturnInterview{Held: sgM("2025-06-04", "")}},
		{Type: MissingTypeMissing, Start: sgD("2025-07-15"), End: sgD("2025-07-15"), Interview: ReturnInterview{Held: sgM("2025-07-16", "")}},
		{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-23"), Interview: ReturnInterview{Held: sgM("2025-08-24", "")}},
	}
	tests := []struct {
		name     string
		leftCare string
		meetings []RiskMeeting
		asOf     string
		want     []sgRow
	}{
		{name: "left care the day before the due day: nothing was owed", leftCare: "2025-08-31", asOf: "2025-10-01"},
		{name: "left care on the due day: nothing was owed", leftCare: "2025-09-01", asOf: "2025-10-01"},
		{
			name: "left care the day after the due day: missed", leftCare: "2025-09-02", asOf: "2025-10-01",
			want: []sgRow{{MISS02, "missing_episodes[2]", Missed, "2025-09-01", ""}},
		},
		{
			name: "a meeting after leaving care does not meet it", leftCare: "2025-09-02", asOf: "2025-10-01",
			meetings: []RiskMeeting{{Date: sgD("2025-09-03"), Risk: RiskLevelHigh}},
			want:     []sgRow{{MISS02, "missing_episodes[2]", Missed, "2025-09-01", ""}},
		},
		{
			name: "still looked after and no meeting, however long: overdue", asOf: "2026-06-01",
			want: []sgRow{{MISS02, "missing_episodes[2]", Overdue, "2025-09-01", ""}},
		},
		{
			name: "the next meeting, due after the child left care: none owed", leftCare: "2025-10-10", asOf: "2025-12-01",
			meetings: []RiskMeeting{{Date: sgD("2025-09-01"), Risk: RiskLevelHigh}},
			want:     []sgRow{{MISS02, "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"}},
		},
		{
			name: "the next meeting, due before the child left care: missed", leftCare: "2025-10-20", asOf: "2025-12-01",
			meetings: []RiskMeeting{{Date: sgD("2025-09-01"), Risk: RiskLevelHigh}},
			want: []sgRow{
				{MISS02, "missing_episodes[2]", Met, "2025-09-01", "2025-09-01"},
				{MISS02, "risk_meetings[0]", Missed, "2025-10-13", ""},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: sgChild, Episodes: sgInCare(tc.leftCare),
				SafeguardingRecords: SafeguardingRecords{MissingEpisodes: eps, RiskMeetings: tc.meetings}}
			if diff := cmp.Diff(tc.want, sgRows(sgAssess(t, r, tc.asOf, Policy{}), MISS02)); diff != "" {
				t.Errorf("MISS-02 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMISS03Window checks what closes the window of an escalation: a later
// meeting recording a lower risk, the next run of high-risk meetings
// falling due for its own escalation, or leaving care.
func TestMISS03Window(t *testing.T) {
	high := func(d string) RiskMeeting { return RiskMeeting{Date: sgD(d), Risk: RiskLevelHigh} }
	tests := []struct {
		name       string
		meetings   []RiskMeeting
		leftCare   string
		asOf       string
		want       []sgRow
		wantClosed []string
	}{
		{
			name:       "the next meeting records a lower risk: missed",
			meetings:   []RiskMeeting{high("2025-09-01"), high("2025-10-01"), {Date: sgD("2025-11-03"), Risk: RiskLevelMedium}},
			asOf:       "2025-12-01",
			want:       []sgRow{{MISS03, "risk_meetings[1]", Missed, "2025-10-01", ""}},
			wantClosed: []string{"2025-11-03 a later meeting recorded a lower risk"},
		},
		{
			name:     "a third high-risk meeting: still owed",
			meetings: []RiskMeeting{high("2025-09-01"), high("2025-10-01"), high("2025-11-03")},
			asOf:     "2025-12-01",
			want:     []sgRow{{MISS03, "risk_meetings[1]", Overdue, "2025-10-01", ""}},
		},
		{
			name:     "the next run falls due: its escalation takes the place of the first",
			meetings: []RiskMeeting{high("2025-09-01"), high("2025-10-01"), high("2025-11-03"), high("2025-12-01")},
			asOf:     "2025-12-10",
			want: []sgRow{
				{MISS03, "risk_meetings[1]", Missed, "2025-10-01", ""},
				{MISS03, "risk_meetings[3]", Overdue, "2025-12-01", ""},
			},
			wantClosed: []string{"2025-12-01 the next run of high-risk meetings fell due for escalation"},
		},
		{
			name: "an escalation made as the next run falls due meets that run only",
			meetings: []RiskMeeting{high("2025-09-01"), high("2025-10-01"), high("2025-11-03"),
				{Date: sgD("2025-12-01"), Risk: RiskLevelHigh, EscalatedTo: "head of service", EscalatedOn: sgD("2025-12-01")}},
			asOf: "2025-12-10",
			want: []sgRow{
				{MISS03, "risk_meetings[1]", Missed, "2025-10-01", ""},
				{MISS03, "risk_meetings[3]", Met, "2025-12-01", "2025-12-01"},
			},
			wantClosed: []string{"2025-12-01 the next run of high-risk meetings fell due for escalation"},
		},
		{
			name:       "left care after the second meeting: missed",
			meetings:   []RiskMeeting{high("2025-09-01"), high("2025-10-01")},
			leftCare:   "2025-10-15",
			asOf:       "2025-12-01",
			want:       []sgRow{{MISS03, "risk_meetings[1]", Missed, "2025-10-01", ""}},
			wantClosed: []string{"2025-10-15 the child left care"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Child: sgChild, Episodes: sgInCare(tc.leftCare), SafeguardingRecords: SafeguardingRecords{RiskMeetings: tc.meetings}}
			rep := sgAssess(t, r, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, sgRows(rep, MISS03)); diff != "" {
				t.Errorf("MISS-03 findings mismatch (-want +got):\n%s", diff)
			}
			var closed []string
			for _, f := range rep.ForRule(MISS03).WithStatus(Missed) {
				on, by := f.Closed()
				closed = append(closed, on.String()+" "+by)
			}
			if diff := cmp.Diff(tc.wantClosed, closed); diff != "" {
				t.Errorf("MISS-03 closures mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMISS02And03Messages checks the words of the risk-meeting findings.
func TestMISS02And03Messages(t *testing.T) {
	eps := []MissingEpisode{
		{Type: MissingTypeMissing, Start: sgD("2025-06-02"), End: sgD("2025-06-03"), Interview: ReturnInterview{Held: sgM("2025-06-04", "")}},
		{Type: MissingTypeMissing, Start: sgD("2025-07-15"), End: sgD("2025-07-15"), Interview: ReturnInterview{Held: sgM("2025-07-16", "")}},
		{Type: MissingTypeMissing, Start: sgD("2025-08-22"), End: sgD("2025-08-23"), Interview: ReturnInterview{Held: sgM("2025-08-24", "")}},
	}
	r := Record{SafeguardingRecords: SafeguardingRecords{MissingEpisodes: eps, RiskMeetings: []RiskMeeting{
		{Date: sgD("2025-09-02"), Risk: RiskLevelHigh},
		{Date: sgD("2025-10-20"), Risk: RiskLevelHigh},
	}}}
	var got []string
	for _, f := range sgAssess(t, r, "2025-11-01", Policy{}) {
		if f.Rule() != MISS01 {
			got = append(got, f.String())
		}
	}
	want := []string{
		"MISS-02 late: risk meeting on 2 September 2025, 1 day late; due 1 September 2025, 5 working days after the start of the repeated missing episode on 22 August 2025",
		"MISS-02 late: risk meeting on 20 October 2025, 6 days late; due 14 October 2025, 6 weeks after the last risk meeting (high risk) on 2 September 2025",
		"MISS-02 upcoming: risk meeting due 1 December 2025, 6 weeks after the last risk meeting (high risk) on 20 October 2025",
		"MISS-03 overdue: no escalation to a senior manager yet; due 20 October 2025, no later than the last of the consecutive high-risk meetings on 20 October 2025",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
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
			name: "starts 01:50 and returns 01:10 on the day the clocks go back: valid, 01:10 may be the GMT one",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing,
				Start: sgD("2025-10-26"), StartTime: sgT("01:50"), End: sgD("2025-10-26"), EndTime: sgT("01:10")}}},
		},
		{
			name: "starts 01:50 and returns 00:30 on the day the clocks go back: no reading makes it right",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing,
				Start: sgD("2025-10-26"), StartTime: sgT("01:50"), End: sgD("2025-10-26"), EndTime: sgT("00:30")}}},
			want: []string{"missing_episodes[0].end"},
		},
		{
			name: "starts 01:50 and returns 01:10 on the day the clocks go forward: before the start",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{{Type: MissingTypeMissing,
				Start: sgD("2025-03-30"), StartTime: sgT("01:50"), End: sgD("2025-03-30"), EndTime: sgT("01:10")}}},
			want: []string{"missing_episodes[0].end"},
		},
		{
			name: "next episode starts in the repeated hour after the previous return in it: valid",
			sr: SafeguardingRecords{MissingEpisodes: []MissingEpisode{
				{Type: MissingTypeMissing, Start: sgD("2025-10-25"), StartTime: sgT("22:00"), End: sgD("2025-10-26"), EndTime: sgT("01:40")},
				{Type: MissingTypeMissing, Start: sgD("2025-10-26"), StartTime: sgT("01:20"), End: sgD("2025-10-26"), EndTime: sgT("03:00")},
			}},
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
				{Date: sgD("2025-03-05"), Risk: RiskLevelHigh, EscalatedTo: "head of service"},
				{Date: sgD("2025-03-01")},
			}},
			want: []string{"risk_meetings[0].escalated_on", "risk_meetings[1].risk", "risk_meetings[1].date"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var errs ValidationErrors
			Record{SafeguardingRecords: tc.sr}.validateSafeguarding(&errs, &History{})
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
			if r.Citation.Abbrev == "" {
				t.Errorf("rule %s has no short citation", r.ID)
			}
			// The file holding the rule's decision names its ID constant.
			src, err := os.ReadFile(filepath.Join("..", r.File))
			if konst := strings.ReplaceAll(string(r.ID), "-", ""); err != nil || !strings.Contains(string(src), konst) {
				t.Errorf("rule %s: file %q does not name %s (%v)", r.ID, r.File, konst, err)
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
		RiskMeetings:       []RiskMeeting{{Date: sgD("2025-03-10"), Risk: RiskLevelHigh, Actions: []string{"disruption plan"}, EscalatedTo: "head of service", EscalatedOn: sgD("2025-03-11")}},
		ConnectedApprovals: []ConnectedApproval{{Carer: "CP01", Start: sgD("2025-01-06"), ExtendedOn: sgD("2025-04-20"), ExtensionEnds: sgD("2025-06-23"), ExtendedBy: ApproverNominatedOfficer}},
		PlacementApprovals: []PlacementApproval{{Placement: sgD("2025-01-06"), Kind: ApprovalKindLocation, Location: PlacementLocationDistant, Approver: ApproverDirector, Approved: sgD("2025-01-03")}},
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
