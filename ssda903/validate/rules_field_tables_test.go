package validate_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// Edge tests of the field rules of the tables other than Header and
// Episodes (rules_field_tables.go).

// runFieldT reads CSV texts keyed by file name ("OC3.csv") as collection
// year y's return, runs the rules of codes in force in y, and returns the
// children each flagged, in file order.
func runFieldT(t *testing.T, y care.CollectionYear, files map[string]string, codes ...string) map[string][]string {
	t.Helper()
	fsys := fstest.MapFS{}
	names := map[string]ssda903.Table{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		for _, tb := range ssda903.Tables() {
			if strings.EqualFold(tb.String()+".csv", name) {
				names[name] = tb
			}
		}
	}
	ret, _ := ssda903.ReadFSTables(fsys, names, y)
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: y}, Codes: codes})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Skipped {
		t.Fatalf("%s skipped: %s", s.Rule.Code, s.Reason)
	}
	for _, cr := range res.Crashed {
		t.Fatalf("%s crashed: %s", cr.Rule.Code, cr.Reason)
	}
	got := map[string][]string{}
	for _, rr := range res.Rules {
		for _, f := range rr.Flags {
			got[rr.Rule.Code] = append(got[rr.Rule.Code], f.Child)
		}
	}
	return got
}

// wantFlagsT compares the children each rule flagged with want (a rule
// absent from want flags nobody).
func wantFlagsT(t *testing.T, y care.CollectionYear, got map[string][]string, want map[string][]string, codes ...string) {
	t.Helper()
	for _, code := range codes {
		if !slices.Equal(got[code], want[code]) {
			t.Errorf("%s in %s flagged %v, want %v", code, y, got[code], want[code])
		}
	}
}

// Codes are compared trimmed and without regard to case, as the DfE's
// tool reads them; a code that is not one, padded or not, is flagged.
func TestFieldTablesLowerCaseAndPaddedCodes(t *testing.T) {
	files := map[string]string{
		"OC3.csv": "CHILD,IN_TOUCH,ACTIV,ACCOM\n" +
			"a, yes ,f1 , s2\n" + // valid codes, lower case and padded
			"b,Refuse,F3,S1\n" + // REFUSE is not REFU; F3, S1 not in the lists since 2022-23
			"c, DIED , 0 ,0\n", // died: activity and accommodation 0
		"AD1.csv": "CHILD,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n" +
			"a, 2 , mf , l3 \n" + // valid, and MF for L3
			"b,2,f1,l0\n", // two adopters coded as one
		"Missing.csv": "CHILD,MISSING,MIS_START\n" +
			"a, m ,01/05/2025\n" +
			"b,away,01/05/2025\n",
		"PrevPerm.csv": "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n" +
			"a, z1 , sco ,\n" + // Z1 with an authority
			"b, p1 ,  204 ,01/01/2020\n",
		"SWEpisodes.csv": "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n" +
			"a, xx01 ,01/05/2025,, others \n" +
			"b,ab01,01/05/2025,,OTHER\n",
	}
	codes := []string{"131", "132", "133", "344", "175", "176", "177", "511", "517", "1006", "631", "633", "635", "SW02STG1", "SW13STG1"}
	got := runFieldT(t, 2025, files, codes...)
	wantFlagsT(t, 2025, got, map[string][]string{
		"131": {"b"}, "132": {"b"}, "133": {"b"},
		"511":      {"b"},
		"1006":     {"b"},
		"635":      {"a"},
		"SW02STG1": {"b"}, "SW13STG1": {"b"},
	}, codes...)
}

// A blank cell (empty or spaces) and a missing one (no such column) are
// both "not given": a rule that asks for the item flags both, a rule that
// checks a code where given flags neither.
func TestFieldTablesBlankVersusMissingCells(t *testing.T) {
	files := map[string]string{
		"Reviews.csv": "CHILD,REVIEW,REVIEW_CODE\n" +
			"a,,\n" + // nothing given
			"b,   ,PN1\n" + // a code without a date
			"c,01/05/2025,  \n" + // a date without a code
			"d,01/05/2025,PN1\n",
		// AD1 without FOSTER_CARE: missing in every row.
		"AD1.csv": "CHILD,DATE_INT,DATE_MATCH,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n" +
			"a,,,,,\n" +
			"b,01/05/2025,01/06/2025,1,M1,L0\n",
		"OC3.csv": "CHILD,IN_TOUCH,ACTIV,ACCOM\n" +
			"a,,,\n" +
			"b,  ,  ,  \n" +
			"c,YES,F1,\n",
		"Missing.csv": "CHILD,MISSING,MIS_START,MIS_END\n" +
			"a,M,,\n" +
			"b,  ,01/05/2025,  \n",
	}
	codes := []string{"166", "167", "114", "151", "131", "153", "1004", "1005", "1006", "564", "565"}
	got := runFieldT(t, 2025, files, codes...)
	wantFlagsT(t, 2025, got, map[string][]string{
		"166":  {"a", "b"},
		"167":  {"c"}, // a code without a date is 166's
		"151":  {"b"}, // FOSTER_CARE missing while the others are given
		"131":  {"a", "b"},
		"153":  {"c"},
		"1004": {"a"},
		"564":  {"a"},
		"565":  {"b"},
	}, codes...)
}

// Dates that do not exist are not valid dates; a social worker episode's
// date may have parts not known (ZZ, ZZZZ), but the parts given must fit
// some date.
func TestFieldTablesDatesThatDoNotExist(t *testing.T) {
	files := map[string]string{
		"UASC.csv": "CHILD,DUC\n" +
			"a,29/02/2028\n" + // a leap day
			"b,29/02/2027\n" + // no such day
			"c,31/04/2026\n" + // no such day
			"d,01/13/2026\n", // no such month
		"Missing.csv": "CHILD,MISSING,MIS_START,MIS_END\n" +
			"a,M,29/02/2024,01/03/2024\n" +
			"b,M,29/02/2025,30/02/2025\n",
		"SWEpisodes.csv": "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n" +
			"a,SW1,29/02/ZZZZ,31/ZZ/2025,OTHERS\n" + // fits 29/02/2000 and 31/01/2025
			"b,SW1,30/02/ZZZZ,32/ZZ/2025,OTHERS\n" + // 30 February, 32nd day: never
			"c,SW1,zz/zz/zzzz,ZZ/13/2025,OTHERS\n" + // lower case read as ZZ; month 13: never
			"d,SW1,29/02/2025,ZZ/02/2025,OTHERS\n", // no such day; February 2025
	}
	codes := []string{"104", "1004", "1005", "SW04STG1", "SW05STG1"}
	got := runFieldT(t, 2025, files, codes...)
	wantFlagsT(t, 2025, got, map[string][]string{
		"104":      {"b", "c", "d"},
		"1004":     {"b"},
		"1005":     {"b"},
		"SW04STG1": {"b", "d"},
		"SW05STG1": {"b", "c"},
	}, codes...)
}

// Codes and rules valid in one year and not the next: Cumberland (942) and
// Westmorland and Furness (943) exist from 2023-24; SW13 asks for a reason
// in every episode in 2023-24 but only from 1 April 2023 later; the DoLo
// rules are in force from 2026-27.
func TestFieldTablesCodesValidInOneYearNotTheNext(t *testing.T) {
	files := map[string]string{
		"PrevPerm.csv": "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n" +
			"a,P1,942,01/06/2023\n" +
			"b,P1,943,01/06/2023\n" +
			"c,P1,909,01/06/2020\n", // Cumbria, abolished, still names an old order
		"SWEpisodes.csv": "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n" +
			"a,SW1,31/03/2023,,\n" +
			"b,SW1,01/04/2023,,\n",
	}
	for _, tc := range []struct {
		y    care.CollectionYear
		want map[string][]string
	}{
		{2022, map[string][]string{"633": {"a", "b"}}}, // SW13 not yet in force
		{2023, map[string][]string{"SW13STG1": {"a", "b"}}},
		{2024, map[string][]string{"SW13STG1": {"b"}}},
	} {
		got := runFieldT(t, tc.y, files, "633", "SW13STG1")
		wantFlagsT(t, tc.y, got, tc.want, "633", "SW13STG1")
	}
	for _, code := range []string{"700", "701", "702", "703", "704", "708"} {
		if validate.Lookup(code, 2025) != nil || validate.Lookup(code, 2026) == nil {
			t.Errorf("%s: want in force from 2026-27 only", code)
		}
	}
	if validate.Lookup("SW13STG1", 2023).Message == validate.Lookup("SW13STG1", 2024).Message {
		t.Error("SW13STG1: want the 2024-25 wording to differ from 2023-24's")
	}
}

// Inclusive and exclusive boundaries of the date rules.
func TestFieldTablesDateBoundaries(t *testing.T) {
	files := map[string]string{
		"Missing.csv": "CHILD,DOB,MISSING,MIS_START,MIS_END\n" +
			"a,01/05/2020,M,01/05/2020,31/03/2025\n" + // starts on the day of birth; ends the day before the year
			"b,01/05/2020,M,31/03/2026,01/04/2025\n" + // the last day, the first day: within
			"c,01/05/2020,M,01/04/2026,01/04/2026\n", // after the year
		"DoLo.csv": "CHILD,DOB,DOLO_START,DOLO_END\n" +
			"a,01/05/2020,01/05/2020,01/05/2020\n" + // same day as birth, ends the day it starts
			"b,01/05/2020,02/05/2020,03/05/2020\n",
		"SWEpisodes.csv": "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n" +
			"a,SW1,01/05/2025,01/05/2025,OTHERS\n" + // ends the day it starts
			"b,,31/03/2023,01/04/2023,\n" + // before 1 April 2023: no social worker
			"c,SW1,01/04/2023,02/04/2023,\n", // from 1 April 2023: no reason
		"AD1.csv": "CHILD,DATE_INT,DATE_MATCH\n" +
			"a,01/05/2025,01/05/2025\n" + // on the day of matching: allowed
			"b,02/05/2025,01/05/2025\n",
	}
	// Missing, AD1 and SW episodes in 2025-26.
	codes := []string{"570", "571", "586", "333", "SW09STG2", "SW01aSTG1", "SW01bSTG1", "SW06STG2"}
	got := runFieldT(t, 2025, files, codes...)
	wantFlagsT(t, 2025, got, map[string][]string{
		"570": {"c"}, "571": {"a", "c"}, "586": {"a"}, "333": {"b"},
		"SW09STG2": {"a"}, "SW01aSTG1": {"b"}, "SW01bSTG1": {"c"},
	}, codes...)
	// DoLo in 2026-27.
	dolo := []string{"702", "703", "704", "708"}
	got = runFieldT(t, 2026, files, dolo...)
	wantFlagsT(t, 2026, got, map[string][]string{
		"702": {"a"}, "704": {"a", "b"}, "708": {"a"},
	}, dolo...)
}

// A child's latest social worker episode must be open; of two starting
// the same day, the later in the file is the latest.
func TestFieldTablesSW17LatestEpisode(t *testing.T) {
	files := map[string]string{
		"SWEpisodes.csv": "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n" +
			"a,SW1,01/05/2025,,OTHERS\n" +
			"a,SW2,01/04/2025,01/05/2025,OTHERS\n" + // earlier, closed: fine
			"b,SW1,01/05/2025,,OTHERS\n" +
			"b,SW2,01/05/2025,02/05/2025,OTHERS\n" + // same start, later in the file, closed
			"c,SW1,bad,,OTHERS\n", // no date: not judged
	}
	got := runFieldT(t, 2025, files, "SW17STG2")
	wantFlagsT(t, 2025, got, map[string][]string{"SW17STG2": {"b"}}, "SW17STG2")
}
