package ssda903_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/shopspring/decimal"
)

func TestParseYear(t *testing.T) {
	tests := []struct {
		in   string
		want care.CollectionYear
		ok   bool
	}{
		{"2025-26", 2025, true}, {"2025/26", 2025, true}, {"2025_26", 2025, true}, {" lac2025_26 ", 2025, true},
		{"LAC2022_23", 2022, true}, {"2025-2026", 2025, true}, {"2025/2026", 2025, true},
		{"2026", 2025, true}, {"1999-00", 1999, true},
		{"2025-27", 0, false}, {"2025-2027", 0, false}, {"2025", 2024, true}, {"25/26", 0, false}, {"", 0, false},
		{"2025:26", 0, false}, {"lac", 0, false}, {"2025-2", 0, false}, {"0001", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ssda903.ParseYear(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("ParseYear(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
			if err != nil && !errors.Is(err, care.ErrUnknownCode) {
				t.Errorf("ParseYear(%q) error %v does not wrap care.ErrUnknownCode", tc.in, err)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want care.Date
		ok   bool
	}{
		{"dd/mm/yyyy", "03/04/2025", care.MustDate(2025, time.April, 3), true},
		{"one-digit day and month", "3/4/2025", care.MustDate(2025, time.April, 3), true},
		{"surrounding spaces", " 29/02/2024 ", care.MustDate(2024, time.February, 29), true},
		{"blank", "  ", care.Date{}, true},
		{"no such day", "29/02/2025", care.Date{}, false},
		{"ISO order", "2025-04-03", care.Date{}, false},
		{"two-digit year", "03/04/25", care.Date{}, false},
		{"month 13", "01/13/2025", care.Date{}, false},
		{"three parts too many", "01/01/2025/1", care.Date{}, false},
		{"time of day", "01/01/2025 00:00", care.Date{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ssda903.ParseDate(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
			if err != nil && !errors.Is(err, care.ErrInvalidDate) {
				t.Errorf("error %v does not wrap care.ErrInvalidDate", err)
			}
		})
	}
	if got := ssda903.FormatDate(care.MustDate(987, time.March, 1)); got != "01/03/0987" {
		t.Errorf("FormatDate = %q", got)
	}
}

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		in        string
		str       string
		y, m, d   int
		full      bool
		ok, blank bool
	}{
		{in: "05/11/2019", str: "05/11/2019", y: 2019, m: 11, d: 5, full: true, ok: true},
		{in: "zz/11/2019", str: "ZZ/11/2019", y: 2019, m: 11, ok: true},
		{in: "ZZ/ZZ/1993", str: "ZZ/ZZ/1993", y: 1993, ok: true},
		{in: "zz/zz/zzzz", str: "ZZ/ZZ/ZZZZ", ok: true},
		{in: "", ok: true, blank: true},
		{in: "05/ZZ/2020"}, {in: "ZZ/05/ZZZZ"}, {in: "ZZ/ZZ/ZZ"}, {in: "xx/10/2011"}, {in: "31/02/2020"}, {in: "01/13/2000"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, err := ssda903.ParsePartialDate(tc.in)
			if (err == nil) != tc.ok {
				t.Fatalf("ParsePartialDate(%q) error = %v, want ok %v", tc.in, err, tc.ok)
			}
			if !tc.ok {
				return
			}
			_, full := p.Date()
			got := [...]any{p.String(), p.Year(), int(p.Month()), p.Day(), full, p.IsZero()}
			want := [...]any{tc.str, tc.y, tc.m, tc.d, tc.full, tc.blank}
			if got != want {
				t.Errorf("ParsePartialDate(%q) = %v, want %v", tc.in, got, want)
			}
		})
	}
}

func TestRecords(t *testing.T) {
	r := mustRead(t, map[string]string{
		"h.csv": headerCSV + " c1 ,m,1/5/2012,wbri,a123456789012,0,\n",
		"e.csv": strings.TrimSpace(episodesCSV) + ",PL_DISTANCE,PL_LA,PL_LOCATION\n" +
			"c1,01/04/2025,s,c2,n1,u4,pr1,01/06/2025,e4a,carpl,ab1 2cd,AB3 4EF,SC123,12.5,e09000001,out\n",
		"o.csv": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
			"c1,01/05/2012,14,,1,0,1,0,1,0,1,0\n",
		"p.csv": "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nc1,01/05/2012,p1,sco,zz/05/2021\n",
	})
	rec, err := r.Records()
	if err != nil {
		t.Fatalf("Records() error = %v", err)
	}
	dob := care.MustDate(2012, time.May, 1)
	want := &ssda903.Records{
		Year: 2025,
		Supplied: ssda903.TableSet(0).With(ssda903.TableHeader).With(ssda903.TableEpisodes).
			With(ssda903.TableOC2).With(ssda903.TablePrevPerm),
		Header: []ssda903.Header{{Child: care.Child{ID: "c1", DateOfBirth: dob, Sex: care.SexMale,
			Ethnicity: care.EthnicityWBRI, UPN: "A123456789012"}, Mother: ssda903.FlagNo}},
		Episodes: []ssda903.Episode{{Child: "c1", Episode: care.Episode{
			Start: care.MustDate(2025, time.April, 1), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
			CategoryOfNeed: care.CategoryOfNeedN1, PlacementType: care.PlacementTypeU4, Provider: care.PlacementProviderPR1,
			End: care.MustDate(2025, time.June, 1), ReasonCeased: care.ReasonEpisodeCeasedE4A,
			ReasonChange: care.ReasonPlacementChangeCARPL, HomePostcode: "AB1 2CD", PlacementPostcode: "AB3 4EF",
			URN: "SC123", DistanceMiles: decimal.NewNullDecimal(decimal.RequireFromString("12.5"))},
			PlacementLA: "E09000001", PlacementLocation: ssda903.PlacementLocationOUT}},
		OC2: []ssda903.OC2{{Child: "c1", DOB: dob, SDQScore: ssda903.NullInt{Int: 14, Valid: true},
			Convicted: ssda903.FlagYes, HealthCheck: ssda903.FlagNo, Immunisations: ssda903.FlagYes,
			TeethCheck: ssda903.FlagNo, HealthAssessment: ssda903.FlagYes, SubstanceMisuse: ssda903.FlagNo,
			InterventionReceived: ssda903.FlagYes, InterventionOffered: ssda903.FlagNo}},
		PrevPerm: []ssda903.PrevPerm{{Child: "c1", DOB: dob, Arrangement: ssda903.PreviousPermanenceP1, LA: "SCO",
			Date: mustPartial(t, "ZZ/05/2021")}},
	}
	if diff := cmp.Diff(want, rec, cmpRecords); diff != "" {
		t.Errorf("Records() mismatch (-want +got):\n%s", diff)
	}
	if p := rec.Episodes[0].Pos; p != (ssda903.Pos{File: "e.csv", Row: 1, Line: 2}) {
		t.Errorf("Episodes[0].Pos = %+v", p)
	}
}

func mustPartial(t *testing.T, s string) ssda903.PartialDate {
	t.Helper()
	p, err := ssda903.ParsePartialDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecordsProblems(t *testing.T) {
	r := mustRead(t, map[string]string{
		"e.csv": episodesCSV + ",31/04/2025,S,C9,N1,U4,,,,,,,\n",
		"o.csv": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
			"c1,01/05/2012,1O,,2,,,,,,,\n",
	})
	rec, err := r.Records()
	errs := problems(t, err)
	type where struct {
		Table  ssda903.Table
		Column string
		Is     error
	}
	var got []where
	for _, e := range errs {
		var is error
		for _, s := range []error{ssda903.ErrNoChild, care.ErrInvalidDate, care.ErrUnknownCode, ssda903.ErrNotNumber} {
			if errors.Is(e, s) {
				is = s
			}
		}
		got = append(got, where{e.Table, e.Column, is})
	}
	want := []where{
		{ssda903.TableEpisodes, "CHILD", ssda903.ErrNoChild},
		{ssda903.TableEpisodes, "DECOM", care.ErrInvalidDate},
		{ssda903.TableEpisodes, "LS", care.ErrUnknownCode},
		{ssda903.TableOC2, "SDQ_SCORE", ssda903.ErrNotNumber},
		{ssda903.TableOC2, "CONVICTED", care.ErrUnknownCode},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s\n%v", diff, errs)
	}
	if len(rec.Episodes) != 1 || !rec.Episodes[0].Start.IsZero() || rec.Episodes[0].PlacementType != care.PlacementTypeU4 {
		t.Errorf("Episodes = %+v: want the row kept, DECOM zero, the rest read", rec.Episodes)
	}
	if len(rec.Problems) != len(errs) {
		t.Errorf("Problems has %d, the error %d", len(rec.Problems), len(errs))
	}
}

func TestRecordsReturnYearForms(t *testing.T) {
	rec := &ssda903.Records{Header: []ssda903.Header{
		{Child: care.Child{ID: "1", DateOfBirth: care.MustDate(2015, time.January, 2), Sex: care.SexFemale}},
		{Child: care.Child{ID: "2", Sex: care.SexNotKnown}},
		{Child: care.Child{ID: "3", Ethnicity: care.Ethnicity(200)}},
	}}
	for _, tc := range []struct {
		year     care.CollectionYear
		sex      []string
		problems int
	}{
		{2023, []string{"2", "", ""}, 2}, {2024, []string{"F", "U", ""}, 1},
	} {
		rec.Year = tc.year
		r, err := rec.Return()
		errs := problems(t, err)
		if len(errs) != tc.problems {
			t.Errorf("%v: problems = %v, want %d", tc.year, errs, tc.problems)
		}
		for _, e := range errs {
			if !errors.Is(e, ssda903.ErrCannotWrite) {
				t.Errorf("%v: %v does not wrap ErrCannotWrite", tc.year, e)
			}
		}
		h := r.Table(ssda903.TableHeader)
		for i, want := range tc.sex {
			if got, _ := h.Cell(i, "SEX"); got != want {
				t.Errorf("%v: SEX of row %d = %q, want %q", tc.year, i, got, want)
			}
		}
		if got, _ := h.Cell(0, "DOB"); got != "02/01/2015" {
			t.Errorf("DOB = %q", got)
		}
		if got := h.Columns(); !cmp.Equal(got, ssda903.TableHeader.Columns(tc.year)) {
			t.Errorf("columns = %v", got)
		}
	}
}

func TestCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(string) (string, error)
		good []string
	}{
		{"Flag", func(s string) (string, error) { v, err := ssda903.ParseFlag(s); return v.String(), err }, []string{"0", "1"}},
		{"InTouch", func(s string) (string, error) { v, err := ssda903.ParseInTouch(s); return v.String(), err }, []string{"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}},
		{"Activity", func(s string) (string, error) { v, err := ssda903.ParseActivity(s); return v.String(), err }, []string{"F1", "P3", "F5", "G6", "0"}},
		{"Accommodation", func(s string) (string, error) { v, err := ssda903.ParseAccommodation(s); return v.String(), err }, []string{"B1", "Z2", "0"}},
		{"AdopterSex", func(s string) (string, error) { v, err := ssda903.ParseAdopterSex(s); return v.String(), err }, []string{"M1", "MF"}},
		{"AdopterLegalStatus", func(s string) (string, error) { v, err := ssda903.ParseAdopterLegalStatus(s); return v.String(), err }, []string{"L0", "L12", "L4"}},
		{"ReasonPlacedCeased", func(s string) (string, error) { v, err := ssda903.ParseReasonPlacedCeased(s); return v.String(), err }, []string{"RD1", "RD4"}},
		{"PreviousPermanence", func(s string) (string, error) { v, err := ssda903.ParsePreviousPermanence(s); return v.String(), err }, []string{"P1", "P4", "Z1"}},
		{"SWReason", func(s string) (string, error) { v, err := ssda903.ParseSWReason(s); return v.String(), err }, []string{"MANAGE", "PCCHAN", "OTHERS"}},
		{"PlacementLocation", func(s string) (string, error) { v, err := ssda903.ParsePlacementLocation(s); return v.String(), err }, []string{"IN", "OUT"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, s := range tc.good {
				if got, err := tc.f(s); err != nil || got != s {
					t.Errorf("Parse%s(%q) = %q, %v", tc.name, s, got, err)
				}
			}
			for _, s := range []string{"", "XXX", strings.ToLower(tc.good[0]) + "x"} {
				if _, err := tc.f(s); !errors.Is(err, care.ErrUnknownCode) {
					t.Errorf("Parse%s(%q) error = %v, want ErrUnknownCode", tc.name, s, err)
				}
			}
		})
	}
	var f ssda903.Flag
	if err := f.UnmarshalText([]byte("1")); err != nil || f != ssda903.FlagYes {
		t.Errorf("UnmarshalText = %v, %v", f, err)
	}
	if b, err := ssda903.Flag(9).MarshalText(); err == nil {
		t.Errorf("MarshalText(Flag(9)) = %q, want an error", b)
	}
	if got := ssda903.Flag(9).String(); got != "Flag(9)" {
		t.Errorf("String() = %q", got)
	}
}

func TestTableMetadata(t *testing.T) {
	if ssda903.TableSWEpisodes.ValidIn(2022) || !ssda903.TableSWEpisodes.ValidIn(2023) {
		t.Error("SWEpisodes should start in 2023-24")
	}
	if ssda903.TableDoLo.ValidIn(2025) || !ssda903.TableDoLo.ValidIn(2026) || ssda903.TableDoLo.Columns(2025) != nil {
		t.Error("DoLo should start in 2026-27")
	}
	if got := ssda903.Table(99).String(); got != "Table(99)" {
		t.Errorf("String() = %q", got)
	}
	if got := ssda903.ColumnsAccepted(ssda903.TableEpisodes); len(got) != 16 {
		t.Errorf("ColumnsAccepted(Episodes) = %v", got)
	}
	s := ssda903.TableSet(0).With(ssda903.TableDoLo).With(ssda903.TableHeader).With(ssda903.TableUnknown)
	if got := s.Tables(); !cmp.Equal(got, []ssda903.Table{ssda903.TableHeader, ssda903.TableDoLo}) {
		t.Errorf("Tables() = %v", got)
	}
}
