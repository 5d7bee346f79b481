package validate_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// Named edge tests of the sequence, age and duration rules: inclusive and
// exclusive date boundaries, ages on a birthday and on 29 February,
// lower-case and padded codes, blank and missing cells, and the two rules
// (231, 233) whose columns the open validator names wrongly.

// flaggedRows runs one rule (the catalogue's for code in year y, or r if
// given) over the files and returns the CHILD cells of the flagged rows
// of table tb, sorted.
func flaggedRows(t *testing.T, code string, y care.CollectionYear, r *validate.Rule, files map[string]string, tb ssda903.Table) []string {
	t.Helper()
	if r == nil {
		r = validate.Lookup(code, y)
		if r == nil {
			t.Fatalf("rule %s is not in %s", code, y)
		}
	}
	ret := readTables(t, files)
	// The collection period given in full: 1 April to 31 March.
	meta := validate.Metadata{Year: y, Start: care.MustDate(int(y), time.April, 1), End: care.MustDate(int(y)+1, time.March, 31)}
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: meta, Rules: []*validate.Rule{r}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) > 0 || len(res.Crashed) > 0 {
		t.Fatalf("skipped %+v, crashed %+v", res.Skipped, res.Crashed)
	}
	var out []string
	for _, rr := range res.Rules {
		for _, f := range rr.Flags {
			if f.Table == tb {
				out = append(out, f.Child)
			}
		}
	}
	slices.Sort(out)
	return out
}

func wantRows(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if got == nil {
		got = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: flagged %v, want %v", what, got, want)
	}
}

// A limit reached on the day passes; the day after fails.
func TestSequenceAgeDurationBoundaries(t *testing.T) {
	// 362: an EPO of exactly 21 days is allowed; 22 days is not. Days are
	// counted from start to end, the end day not counted.
	eps := "CHILD,DECOM,DEC,LS\nA,01/06/2025,22/06/2025,L2\nB,01/06/2025,23/06/2025,L2\n"
	wantRows(t, "362 21 vs 22 days", flaggedRows(t, "362", 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "B")

	// 304: UASC may cease on the 18th birthday, not the day after.
	u := "CHILD,DOB,DUC\nA,10/05/2007,10/05/2025\nB,10/05/2007,11/05/2025\n"
	wantRows(t, "304 on the 18th birthday", flaggedRows(t, "304", 2025, nil, map[string]string{"UASC.csv": u}, ssda903.TableUASC), "B")

	// 351: a 25th birthday on 1 April 2025 (the collection start) is not
	// "over 25"; one on 31 March 2025 is.
	h := "CHILD,DOB\nA,01/04/2000\nB,31/03/2000\n"
	wantRows(t, "351 25th birthday on the start", flaggedRows(t, "351", 2025, nil, map[string]string{"Header.csv": h}, ssda903.TableHeader), "B")

	// 377: a third T3 placement on the anniversary of the first is in the
	// next 12-month period; one the day before is not.
	eps = "CHILD,DECOM,DEC,PLACE,RNE\n" +
		"A,01/05/2024,05/05/2024,T3,P\nA,01/09/2024,05/09/2024,T3,P\nA,01/05/2025,05/05/2025,T3,P\n" +
		"B,01/05/2024,05/05/2024,T3,P\nB,01/09/2024,05/09/2024,T3,P\nB,30/04/2025,05/05/2025,T3,P\n"
	wantRows(t, "377 12-month window", flaggedRows(t, "377", 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "B", "B", "B")

	// 574: a missing period starting on the day the previous ended does
	// not overlap it; one starting the day before does.
	mis := "CHILD,MIS_START,MIS_END\nA,01/06/2025,05/06/2025\nA,05/06/2025,06/06/2025\nB,01/06/2025,05/06/2025\nB,04/06/2025,06/06/2025\n"
	wantRows(t, "574 same-day start", flaggedRows(t, "574", 2025, nil, map[string]string{"Missing.csv": mis}, ssda903.TableMissing), "B")

	// 359: an 18th birthday on 31 March itself is not "following" it.
	h = "CHILD,DOB\nA,31/03/2008\nB,30/03/2008\n"
	eps = "CHILD,DECOM,DEC,LS,PLACE\nA,01/01/2026,,C2,U1\nB,01/01/2026,,C2,U1\n"
	wantRows(t, "359 18th birthday on 31 March", flaggedRows(t, "359", 2025, nil, map[string]string{"Header.csv": h, "Episodes.csv": eps}, ssda903.TableEpisodes), "B")
}

// A 29 February birthday falls on 1 March in a common year (English law:
// Family Law Reform Act 1969 s.9), so a child born 29/02/2008 is 17 on
// 28/02/2026 and 18 on 1 March.
func TestAge29FebruaryBirthdayIsFirstMarch(t *testing.T) {
	h := "CHILD,DOB\nA,29/02/2008\nB,29/02/2008\n"
	eps := "CHILD,DECOM,RNE\nA,28/02/2026,S\nB,01/03/2026,S\n"
	wantRows(t, "352 started at 18", flaggedRows(t, "352", 2025, nil, map[string]string{"Header.csv": h, "Episodes.csv": eps}, ssda903.TableEpisodes), "B")

	// 304: UASC ceasing on 1 March 2026 is on the 18th birthday.
	u := "CHILD,DOB,DUC\nA,29/02/2008,01/03/2026\nB,29/02/2008,02/03/2026\n"
	wantRows(t, "304 29 February", flaggedRows(t, "304", 2025, nil, map[string]string{"UASC.csv": u}, ssda903.TableUASC), "B")

	// 373: a school placement starting on the 4th birthday in a leap year
	// (29/02/2024) passes; the day before fails.
	h = "CHILD,DOB\nA,29/02/2020\nB,29/02/2020\n"
	eps = "CHILD,DECOM,DEC,PLACE\nA,29/02/2024,01/04/2024,S1\nB,28/02/2024,01/04/2024,S1\n"
	wantRows(t, "373 leap-year birthday", flaggedRows(t, "373", 2023, nil, map[string]string{"Header.csv": h, "Episodes.csv": eps}, ssda903.TableEpisodes), "B")
}

// Codes are compared trimmed and without regard to case.
func TestSequenceAgeLowerCaseAndPaddedCodes(t *testing.T) {
	h := "CHILD,DOB\nA,01/01/2018\nB,01/01/2018\n"
	eps := "CHILD,DECOM,LS\nA,01/06/2025, j2 \nB,01/06/2025,c2\n"
	wantRows(t, "358 ' j2 '", flaggedRows(t, "358", 2025, nil, map[string]string{"Header.csv": h, "Episodes.csv": eps}, ssda903.TableEpisodes), "A")

	h = "CHILD,UPN\nA, a123456789012 \nB,A123456789012\nC,un1\nD,UN1\n"
	wantRows(t, "444 padded, lower-case UPN; UN1 never a duplicate", flaggedRows(t, "444", 2025, nil, map[string]string{"Header.csv": h}, ssda903.TableHeader), "A", "B")

	eps = "CHILD,DECOM,REC\nA,01/06/2025,e2\nA,02/06/2025,\n"
	wantRows(t, "437 'e2'", flaggedRows(t, "437", 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "A")
}

// A missing cell (no such column) is blank, like a cell of spaces.
func TestSequenceBlankVersusMissingCells(t *testing.T) {
	// 142: DEC of spaces and DEC with no column are both "not ended".
	eps := "CHILD,DECOM,DEC,REC\nA,01/06/2025,  ,X1\nA,02/06/2025,,\n"
	wantRows(t, "142 spaces", flaggedRows(t, "142", 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "A")
	eps = "CHILD,DECOM,REC\nA,01/06/2025,X1\nA,02/06/2025,\n"
	wantRows(t, "142 no DEC column", flaggedRows(t, "142", 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "A")

	// 542: no CONVICTED column means no conviction information.
	oc := "CHILD,DOB\nA,01/01/2020\n"
	wantRows(t, "542 no CONVICTED column", flaggedRows(t, "542", 2025, nil, map[string]string{"OC2.csv": oc}, ssda903.TableOC2))
	oc = "CHILD,DOB,CONVICTED\nA,01/01/2020, \nB,01/01/2020,1\n"
	wantRows(t, "542 blank CONVICTED", flaggedRows(t, "542", 2025, nil, map[string]string{"OC2.csv": oc}, ssda903.TableOC2), "B")
}

// Rule 231 reads the Header's UASC field (the open validator's
// UASC_STATUS is not a field of the return): the case's rows, with the
// field under its real name, give the case's answer; under the wrong name
// nothing says the child is UASC.
func TestRule231ReadsHeaderUASC(t *testing.T) {
	h := "CHILD,DOB,UASC\nA,01/04/2014,1\nB,31/03/2014,1\nC,01/04/2014,0\nD,30/03/2014,1\n"
	wantRows(t, "231 UASC", flaggedRows(t, "231", 2024, nil, map[string]string{"Header.csv": h}, ssda903.TableHeader), "A")
	h = "CHILD,DOB,UASC_STATUS\nA,01/04/2014,1\n"
	wantRows(t, "231 UASC_STATUS", flaggedRows(t, "231", 2024, nil, map[string]string{"Header.csv": h}, ssda903.TableHeader))
}

// Rule 234 takes the age on the day the placement changed: the DEC of
// the episode whose reason for placement change is CUSTOD.
func TestRule234AgeWhenPlacementChanged(t *testing.T) {
	h := "CHILD,DOB\nA,01/06/2016\nB,01/06/2016\nC,01/06/2016\n"
	eps := "CHILD,DECOM,DEC,REASON_PLACE_CHANGE\n" +
		"A,01/01/2025,31/05/2026,custod\n" + // 9 on the day: flagged
		"B,01/01/2025,01/06/2026,CUSTOD\n" + // 10th birthday: passes
		"C,01/01/2025,,CUSTOD\n" // not ended: not judged (233's concern)
	files := map[string]string{"Header.csv": h, "Episodes.csv": eps}
	wantRows(t, "234 episodes", flaggedRows(t, "234", 2025, nil, files, ssda903.TableEpisodes), "A")
	wantRows(t, "234 header", flaggedRows(t, "234", 2025, nil, files, ssda903.TableHeader), "A")
}

// Rule 233 reads DEC (the open validator's DATE_EPISODE_CEASED is not a
// field of the return). The case's rows with DEC give the case's answer.
func TestRule233ReadsDEC(t *testing.T) {
	r := validate.Lookup("233", 2025)
	if r == nil {
		t.Fatal("233 not in 2025-26")
	}
	eps := "CHILD,DEC,REASON_PLACE_CHANGE\nA,01/06/2025,\nB,,\nC,,CARPL\nD,01/06/2025,CARPL\nE,  ,CARPL\n"
	wantRows(t, "233 DEC", flaggedRows(t, "233", 2025, r, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "C", "E")
	// The case as the open validator writes it: no DEC column, so no
	// episode has ceased and both reasons given are flagged.
	eps = "CHILD,DATE_EPISODE_CEASED,REASON_PLACE_CHANGE\nA,data,\nB,,\nC,,data\nD,data,data\n"
	wantRows(t, "233 no DEC column", flaggedRows(t, "233", 2025, r, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes), "C", "D")
}
