package care_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// These tests cover privacy.go: findings anchored on a birthday, and how
// episodes, histories and children format and log.

// TestBirthdayNotPrinted: the LEAV findings of a care leaver run from the
// 16th birthday and close at the 21st; their messages name those birthdays
// without their dates, their due dates are shown, and
// Report.WithoutBirthdays leaves no birthday date in the JSON.
func TestBirthdayNotPrinted(t *testing.T) {
	dob := care.MustDate(2008, time.June, 15)
	b16, b21 := dob.AddYears(16), dob.AddYears(21)
	leaver := care.Record{Child: care.Child{ID: "C0110", DateOfBirth: dob},
		Episodes: []care.Episode{{Start: care.MustDate(2022, time.January, 10), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6,
			End: dob.AddYears(18), ReasonCeased: care.ReasonEpisodeCeasedE17}}}
	birthdays := append(append(dateForms(dob), dateForms(b16)...), dateForms(b21)...)
	cal := care.EnglandAndWales()

	t.Run("anchored on the 16th birthday", func(t *testing.T) {
		rep, err := care.Assess(leaver, care.Context{}, care.MustDate(2024, time.October, 1), cal, care.Policy{})
		if err != nil {
			t.Fatal(err)
		}
		fs := rep.ForRule(care.LEAV01)
		if len(fs) != 1 {
			t.Fatalf("LEAV-01 findings = %v, want one", fs)
		}
		const want = "LEAV-01 overdue: no needs assessment yet; due 15 September 2024, 3 months after the 16th birthday"
		if got := fs[0].String(); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
		if d, ok := fs[0].Deadline(); !ok || !strings.HasSuffix(d.String(), "3 months after the 16th birthday") {
			t.Errorf("Deadline().String() = %q, want no birthday date", d)
		}
		for _, f := range rep.Failures() {
			mustNotMention(t, "message", f.String(), birthdays...)
		}
		plain, err := json.Marshal(fs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(plain, []byte(b16.String())) {
			t.Errorf("JSON %s: want the anchor date by default", plain)
		}
		redacted, err := json.Marshal(rep.WithoutBirthdays().ForRule(care.LEAV01))
		if err != nil {
			t.Fatal(err)
		}
		mustNotMention(t, "JSON", string(redacted), birthdays...)
		for _, keep := range []string{`"due":"2024-09-15"`, `"anchor_label":"the 16th birthday"`, "after the 16th birthday"} {
			if !bytes.Contains(redacted, []byte(keep)) {
				t.Errorf("WithoutBirthdays JSON %s: want %s", redacted, keep)
			}
		}
		if got := rep.ForRule(care.LEAV01)[0].Anchor(); !got.Equal(b16) {
			t.Errorf("WithoutBirthdays changed the report it was called on: anchor %v", got)
		}
	})

	t.Run("closed at the 21st birthday", func(t *testing.T) {
		rep, err := care.Assess(leaver, care.Context{}, b21.AddDays(20), cal, care.Policy{})
		if err != nil {
			t.Fatal(err)
		}
		fs := rep.ForRule(care.LEAV01)
		const want = "LEAV-01 missed: no needs assessment by 15 September 2024 (3 months after the 16th birthday); closed when the young person turned 21"
		if len(fs) != 1 || fs[0].String() != want {
			t.Fatalf("LEAV-01 findings = %v, want %q", fs, want)
		}
		// The child left care on the 18th birthday, and findings closed
		// then say so: a record date, not a birthday label. The LEAV
		// findings are checked.
		leav := rep.Filter(func(f care.Finding) bool {
			return strings.HasPrefix(string(f.Rule()), "LEAV-0") && f.Rule() != care.LEAV04
		})
		for _, f := range leav {
			mustNotMention(t, "message", f.String(), birthdays...)
		}
		redacted, err := json.Marshal(leav.WithoutBirthdays())
		if err != nil {
			t.Fatal(err)
		}
		mustNotMention(t, "JSON", string(redacted), birthdays...)
	})

	t.Run("anchored on the 4th birthday, closed at the 17th", func(t *testing.T) {
		young := care.MustDate(2021, time.March, 10)
		r := care.Record{Child: care.Child{ID: "C0111", DateOfBirth: young},
			Episodes: []care.Episode{lmEp(care.MustDate(2024, time.January, 8))}}
		rep, err := care.Assess(r, care.Context{}, care.MustDate(2026, time.June, 1), cal, care.Policy{})
		if err != nil {
			t.Fatal(err)
		}
		fs := rep.ForRule(care.HLTH03)
		const want = "HLTH-03 overdue: no SDQ yet; due 10 March 2026, 12 months after the 4th birthday"
		if len(fs) != 1 || fs[0].String() != want {
			t.Errorf("HLTH-03 findings = %v, want %q", fs, want)
		}
		j, err := json.Marshal(rep.WithoutBirthdays())
		if err != nil {
			t.Fatal(err)
		}
		mustNotMention(t, "JSON", string(j), append(dateForms(young), dateForms(young.AddYears(4))...)...)
	})
}

func TestNeedsAssessmentDueString(t *testing.T) {
	c := care.Child{ID: "C0112", DateOfBirth: care.MustDate(2007, time.November, 30)}
	s := care.LeaverStatus{Category: care.LeaverCategoryEligible, EligibleFrom: care.MustDate(2023, time.November, 30)}
	d, ok := care.NeedsAssessmentDue(c, s, care.LeavingPolicy{})
	if want := "LEAV-01 due 2024-02-29: 3 months after 16th birthday"; !ok || d.String() != want {
		t.Errorf("NeedsAssessmentDue() = %q, %v, want %q", d, ok, want)
	}
}

func TestEpisodeFormatting(t *testing.T) {
	e := care.Episode{Start: care.MustDate(2025, time.January, 6), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
		PlacementType: care.PlacementTypeU6, HomePostcode: "ZZ1 1ZZ", PlacementPostcode: "YY2 2YY", URN: "SC999999",
		DistanceMiles: decimal.NewNullDecimal(decimal.RequireFromString("12.5"))}
	closed := e
	closed.End, closed.ReasonCeased = care.MustDate(2025, time.March, 1), care.ReasonEpisodeCeasedE8
	secret := []string{"ZZ1", "YY2", "SC999"}
	tests := []struct {
		name, got, want string
	}{
		{"String, open", e.String(), "episode from 2025-01-06, open (S C2 U6)"},
		{"String, closed", closed.String(), "episode 2025-01-06 to 2025-03-01 (S C2 U6)"},
		{"%v", fmt.Sprintf("%v", e), "episode from 2025-01-06, open (S C2 U6)"},
		{"%s", fmt.Sprintf("%s", e), "episode from 2025-01-06, open (S C2 U6)"},
		{"%q", fmt.Sprintf("%q", e), `"episode from 2025-01-06, open (S C2 U6)"`},
		{"%d", fmt.Sprintf("%d", e), "%!d(care.Episode=episode from 2025-01-06, open (S C2 U6))"},
		{"in a slice", fmt.Sprintf("%v", []care.Episode{closed}), "[episode 2025-01-06 to 2025-03-01 (S C2 U6)]"},
		{"in a record", fmt.Sprintf("%+v", care.Record{Child: lmChild(), Episodes: []care.Episode{e}}.Episodes), "[{Start:2025-01-06 ReasonNew:S LegalStatus:C2 CategoryOfNeed: PlacementType:U6 Provider: End: ReasonCeased: ReasonChange: HomePostcode:(withheld) PlacementPostcode:(withheld) DistanceMiles:{Decimal:12.5 Valid:true} URN:(withheld) IntendedUntil18:false LongTermFoster:false}]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		mustNotMention(t, verb, fmt.Sprintf(verb, e), secret...)
		mustNotMention(t, verb+" of a pointer", fmt.Sprintf(verb, &e), secret...)
	}
	if gs := fmt.Sprintf("%#v", e); !strings.HasPrefix(gs, "care.Episode{Start:") || !strings.Contains(gs, `HomePostcode:"(withheld)"`) {
		t.Errorf("%%#v = %s, want Go syntax with the postcodes withheld", gs)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("placed", "episode", e)
	if want := `"episode":{"start":"2025-01-06","reason_new":"S","legal_status":"C2","placement_type":"U6"}`; !strings.Contains(buf.String(), want) {
		t.Errorf("slog = %s, want %s", buf.String(), want)
	}
	mustNotMention(t, "slog", buf.String(), secret...)
}

func TestChildAndHistoryFormatting(t *testing.T) {
	c := care.Child{ID: "C0113", Name: "Synthetic Name", DateOfBirth: care.MustDate(2012, time.June, 15), UPN: "A123456789012"}
	e := lmEp(care.MustDate(2025, time.January, 6))
	e.HomePostcode = "ZZ1 1ZZ"
	h, err := care.NewHistory(c, []care.Episode{e})
	if err != nil {
		t.Fatal(err)
	}
	secret := append(dateForms(c.DateOfBirth), "Synthetic", "A1234", "ZZ1")
	if got, want := fmt.Sprintf("%#v", c), `care.Child{ID:"C0113" /* other fields withheld */}`; got != want {
		t.Errorf("%%#v = %s, want %s", got, want)
	}
	if got, want := h.String(), "history of child C0113: 1 episode, 1 period of care"; got != want {
		t.Errorf("History.String() = %q, want %q", got, want)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		for _, v := range []any{c, &c, h, []care.Child{c}} {
			mustNotMention(t, verb, fmt.Sprintf(verb, v), secret...)
		}
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("assessed", "history", h, "child", c)
	if want := `"history":{"child":"C0113","episodes":1,"periods_of_care":1},"child":{"id":"C0113"}`; !strings.Contains(buf.String(), want) {
		t.Errorf("slog = %s, want %s", buf.String(), want)
	}
	var none *care.History
	if got := fmt.Sprint(none); got != "care.History(nil)" {
		t.Errorf("nil *History prints %q", got)
	}
}

// TestNamedCodesOutOfRange: every code type of care that is not a DfE code
// list (those are checked by TestCodeOutOfRange) prints a value outside
// its list as Type(n), never %!Type(n).
func TestNamedCodesOutOfRange(t *testing.T) {
	tests := []struct {
		got  fmt.Stringer
		want string
	}{
		{care.Approver(200), "Approver(200)"},
		{care.Recipient(200), "Recipient(200)"},
		{care.VisitKind(200), "VisitKind(200)"},
		{care.SeenAlone(200), "SeenAlone(200)"},
		{care.ArrangementKind(200), "ArrangementKind(200)"},
		{care.HealthAssessmentKind(200), "HealthAssessmentKind(200)"},
		{care.Assessor(200), "Assessor(200)"},
		{care.FifthBirthday(200), "FifthBirthday(200)"},
		{care.EventKind(200), "EventKind(200)"},
		{care.AssessmentKind(200), "AssessmentKind(200)"},
		{care.LeaverCategory(200), "LeaverCategory(200)"},
		{care.RiskLevel(200), "RiskLevel(200)"},
		{care.UnknownTimes(200), "UnknownTimes(200)"},
		{care.PlacementLocation(200), "PlacementLocation(200)"},
		{care.ApprovalKind(200), "ApprovalKind(200)"},
		{care.Severity(200), "Severity(200)"},
		{care.Domain(200), "Domain(200)"},
		{care.Unit(200), "Unit(200)"},
		{care.Counting(200), "Counting(200)"},
		{care.Status(200), "Status(200)"},
		{care.LegalStatus(200), "LegalStatus(200)"},
		{care.CollectionYear(-3), "CollectionYear(-3)"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.got.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			if got := fmt.Sprintf("%v", tc.got); got != tc.want {
				t.Errorf("%%v = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNilAndZeroArguments: exported functions given a nil or zero argument
// return an error or an empty result, and the two documented programmer
// errors panic.
func TestNilAndZeroArguments(t *testing.T) {
	var cal *care.Calendar
	d := care.MustDate(2025, time.January, 6)
	if _, err := cal.AddWorkingDays(d, 1); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("nil *Calendar AddWorkingDays error = %v, want ErrOutsideCalendar", err)
	}
	if _, err := cal.WorkingDaysBetween(d, d); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("nil *Calendar WorkingDaysBetween error = %v, want ErrOutsideCalendar", err)
	}
	if _, err := cal.WorkingDayDeadline(d, 1, care.CountFromNextDay); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("nil *Calendar WorkingDayDeadline error = %v, want ErrOutsideCalendar", err)
	}
	if _, err := cal.WithClosures(d); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("nil *Calendar WithClosures error = %v, want ErrOutsideCalendar", err)
	}
	if _, err := cal.WithBankHolidaysJSON(nil); err == nil {
		t.Errorf("nil *Calendar WithBankHolidaysJSON(nil) error = nil, want one")
	}
	if cal.IsWorkingDay(d) || cal.Holidays(care.Period{Start: d}) != nil || !cal.Covers().IsEmpty() {
		t.Errorf("nil *Calendar: want no working days, no holidays, no coverage")
	}
	if _, err := care.NewRecordAssessor(care.Policy{}, nil); err == nil {
		t.Errorf("NewRecordAssessor(nil calendar) error = nil, want one")
	}
	if _, err := care.Assess(lmRecord(), care.Context{}, d, nil, care.Policy{}); err == nil {
		t.Errorf("Assess(nil calendar) error = nil, want one")
	}
	if _, err := care.Assess(lmRecord(), care.Context{}, care.Date{}, care.EnglandAndWales(), care.Policy{}); err == nil {
		t.Errorf("Assess(zero as-of) error = nil, want one")
	}
	if _, _, err := care.CeasingApprover(lmChild(), []care.Episode{{Start: care.MustDate(2024, 12, 20), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6, End: d, ReasonCeased: care.ReasonEpisodeCeasedE4A}}, d, 20, nil, 0); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("CeasingApprover(nil calendar) error = %v, want ErrOutsideCalendar", err)
	}

	// A nil *History holds nothing; Reset and ValidateOn say so.
	var h *care.History
	if h.Child().ID != "" || h.Episodes() != nil || h.Periods() != nil || h.Placements() != nil || h.InCareOn(d) {
		t.Errorf("nil *History: want no child, episodes, periods or placements")
	}
	if _, _, ok := h.PeriodAt(d); ok {
		t.Errorf("nil *History PeriodAt ok = true")
	}
	if _, ok := h.LeftCare(d); ok {
		t.Errorf("nil *History LeftCare ok = true")
	}
	if err := h.Reset(lmChild(), lmRecord().Episodes); err == nil {
		t.Errorf("nil *History Reset error = nil, want one")
	}
	if err := h.ValidateOn(d); err == nil {
		t.Errorf("nil *History ValidateOn error = nil, want one")
	}
	var zero care.History
	if err := zero.ValidateOn(d); !errors.Is(err, care.ErrNoEpisodes) {
		t.Errorf("zero History ValidateOn error = %v, want ErrNoEpisodes", err)
	}

	// RecordAssessor.Emit with a nil assessor, emitter or history, or a
	// zero as-of date.
	a, err := care.NewRecordAssessor(care.Policy{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	good, err := care.NewHistory(lmChild(), lmRecord().Episodes)
	if err != nil {
		t.Fatal(err)
	}
	var nilA *care.RecordAssessor
	for name, call := range map[string]func() error{
		"nil assessor": func() error { return nilA.Emit(care.NewEmitter(d), good, lmRecord(), care.Context{}) },
		"zero assessor": func() error {
			return new(care.RecordAssessor).Emit(care.NewEmitter(d), good, lmRecord(), care.Context{})
		},
		"nil emitter":     func() error { return a.Emit(nil, good, lmRecord(), care.Context{}) },
		"nil history":     func() error { return a.Emit(care.NewEmitter(d), nil, lmRecord(), care.Context{}) },
		"empty history":   func() error { return a.Emit(care.NewEmitter(d), &zero, lmRecord(), care.Context{}) },
		"zero as-of date": func() error { return a.Emit(care.NewEmitter(care.Date{}), good, lmRecord(), care.Context{}) },
	} {
		if err := call(); err == nil {
			t.Errorf("Emit with a %s: error = nil, want one", name)
		}
	}

	// Zero errors print something.
	if got := (&care.FieldError{Path: "x"}).Error(); got != "x: invalid" {
		t.Errorf("FieldError with a nil Err = %q", got)
	}
	if got := (&care.ParseError{}).Error(); got != `care: parsing "" as : invalid` {
		t.Errorf("zero ParseError = %q", got)
	}
	var v care.ValidationErrors
	v.Merge("a", care.ValidationErrors{nil, &care.FieldError{Path: "b", Err: care.ErrRequired}})
	if got := v.Error(); got != "a.b: required" {
		t.Errorf("Merge with a nil entry = %q", got)
	}

	// The documented programmer errors.
	panics := func(name string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s did not panic", name)
			}
		}()
		f()
	}
	panics("Add on a nil *ValidationErrors", func() { (*care.ValidationErrors)(nil).Add("x", care.ErrRequired) })
	panics("DateIn with a nil location", func() { care.DateIn(time.Unix(0, 0), nil) })
	panics("MustDate(2025, 2, 30)", func() { care.MustDate(2025, time.February, 30) })
}
