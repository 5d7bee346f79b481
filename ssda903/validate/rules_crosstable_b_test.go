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

func readTablesX2(t *testing.T, y care.CollectionYear, files map[string]string) *ssda903.Return {
	t.Helper()
	ret := readTablesOf(t, y, files)
	if ret == nil {
		t.Fatal("no return read")
	}
	return ret
}

// flaggedRowsX2 runs one rule in year y and returns its flagged rows as
// "Table:n", n the row's 0-based position in its table, sorted.
func flaggedRowsX2(t *testing.T, code string, y care.CollectionYear, files map[string]string) []string {
	t.Helper()
	ret := readTablesX2(t, y, files)
	// The collection year's first and last days, given: the engine's
	// default End is care.Period's End, which is exclusive (1 April), not
	// the last day Metadata.End documents.
	meta := validate.Metadata{Year: y, Start: care.MustDate(int(y), time.April, 1), End: care.MustDate(int(y)+1, time.March, 31)}
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: meta, Codes: []string{code}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) > 0 || len(res.Crashed) > 0 {
		t.Fatalf("%s: skipped %+v, crashed %+v", code, res.Skipped, res.Crashed)
	}
	flags, ran := res.Flagged(code)
	if !ran {
		t.Fatalf("%s did not run in %s", code, y)
	}
	var out []string
	for _, f := range flags {
		out = append(out, f.Table.String()+":"+itoaX2(f.Pos.Row-1))
	}
	slices.Sort(out)
	return out
}

func itoaX2(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaX2(n/10) + string(rune('0'+n%10))
}

// 709 and 710 read the placement type from PLACE, the return's column
// (the open validator reads PLACEMENT, which no return has): the cases
// 709#0 and 710#0 with the column named PLACE.
func TestRule709And710ReadPLACE(t *testing.T) {
	doLo := "CHILD,DOLO_START,DOLO_END\n" +
		"1,02/01/2000,03/01/2000\n" + // 0 inside the episode
		"1,02/01/2000,05/01/2000\n" + // 1 starts inside, ends after
		"1,31/01/1999,03/01/2000\n" + // 2 starts before
		"1,31/01/1999,05/01/2000\n" + // 3 covers it
		"1,25/12/1999,31/12/1999\n" + // 4 before it
		"1,06/01/2000,07/01/2000\n" + // 5 after it
		"1,02/01/2000,\n" + // 6 no end: not judged
		"1,,07/01/2000\n" // 7 no start: not judged
	for _, tc := range []struct {
		code, place string
	}{{"709", "P"}, {"710", "P1"}} {
		eps := "CHILD,DECOM,DEC,PLACE\n" +
			"1,01/01/2000,04/01/2000," + tc.place + "\n" +
			"1,01/01/2000,04/01/2000,K2\n" + // allowed by both
			"2,01/01/2000,03/01/2000,P\n" // no DoLO
		got := flaggedRowsX2(t, tc.code, 2026, map[string]string{"DoLo.csv": doLo, "Episodes.csv": eps})
		wantFlagsX1(t, tc.code, got, "DoLo:0", "DoLo:1", "DoLo:2", "DoLo:3", "Episodes:0")
	}
	// Expected placements (709) and a blank one are not flagged; an open
	// episode overlaps a DoLO that starts after its DECOM.
	eps := "CHILD,DECOM,DEC,PLACE\n1,01/01/2000,,z12\n1,01/01/2000,04/01/2000,\n1,01/01/2000,,R5\n"
	doLo = "CHILD,DOLO_START,DOLO_END\n1,01/06/2000,30/06/2000\n"
	files := map[string]string{"DoLo.csv": doLo, "Episodes.csv": eps}
	wantFlagsX1(t, "709", flaggedRowsX2(t, "709", 2026, files), "DoLo:0", "Episodes:2")
	wantFlagsX1(t, "710", flaggedRowsX2(t, "710", 2026, files), "DoLo:0", "Episodes:2")
}

// 707: an open DoLO is flagged when the child's care ended after it
// started, not while the period of care it began in is still open.
func TestRule707OpenDoLO(t *testing.T) {
	eps := "CHILD,DECOM,DEC\n" +
		"A,01/05/2026,,\n" + // A: still looked after
		"B,01/05/2026,01/09/2026\n" + // B: care ended
		"C,01/05/2026,01/09/2026\n" + // C: a second period from 01/10/2026, open
		"C,01/10/2026,\n" +
		"D,01/05/2026,01/09/2026\n" + // D: the next episode continues the period
		"D,01/09/2026,\n"
	doLo := "CHILD,DOLO_START,DOLO_END\n" +
		"A,01/06/2026,\n" + // 0 open, child looked after
		"B,01/06/2026,\n" + // 1 open, child left care
		"B,01/06/2026,01/08/2026\n" + // 2 ended: not this rule
		"C,01/06/2026,\n" + // 3 began in the period that ended
		"C,01/11/2026,\n" + // 4 began in the open period
		"D,01/06/2026,\n" + // 5 the period is still open
		"E,01/06/2026,\n" // 6 no episodes: not judged
	got := flaggedRowsX2(t, "707", 2026, map[string]string{"DoLo.csv": doLo, "Episodes.csv": eps})
	wantFlagsX1(t, "707", got, "DoLo:1", "DoLo:3")
}

// 632: DATE_PERM with unknown elements (ZZ) is valid and taken at its
// latest possible day; it must be before the first episode's DECOM.
func TestRule632PartialDates(t *testing.T) {
	perm := "CHILD,DATE_PERM\n" +
		"A,ZZ/04/2026\n" + // latest 30/04/2026: not before 30/04/2026
		"B,ZZ/03/2026\n" + // latest 31/03/2026: before
		"C,zz/zz/zzzz\n" + // wholly unknown: valid
		"D,05/ZZ/2025\n" + // latest 05/12/2025: before
		"E,ZZ/ZZ/26\n" + // a two-digit year: invalid
		"F,31/04/2020\n" + // no such day: invalid
		"G,29/02/ZZZZ\n" + // a day that exists in some year: valid
		"H,01/01/2020\n" // no episodes: not compared
	eps := "CHILD,DECOM\nA,30/04/2026\nA,01/01/2027\nB,30/04/2026\nC,30/04/2026\nD,30/04/2026\nE,30/04/2026\nF,30/04/2026\nG,30/04/2026\n"
	got := flaggedRowsX2(t, "632", 2026, map[string]string{"PrevPerm.csv": perm, "Episodes.csv": eps})
	wantFlagsX1(t, "632", got, "PrevPerm:0", "Episodes:0", "PrevPerm:4", "Episodes:5", "PrevPerm:5", "Episodes:6")
}

// 634: a DECOM of 1 April 2016 itself is "from 1 April 2016 onwards".
func TestRule634FirstApril2016(t *testing.T) {
	perm := "CHILD,PREV_PERM\nA,P1\nB,P1\n"
	eps := "CHILD,DECOM\nA,01/04/2016\nB,31/03/2016\n"
	got := flaggedRowsX2(t, "634", 2025, map[string]string{"PrevPerm.csv": perm, "Episodes.csv": eps})
	wantFlagsX1(t, "634", got, "PrevPerm:1", "Episodes:1")
}

// 601 and 607 read the collection year with both ends included; 601
// flags an adoption with no AD1 row at all.
func TestRules601And607YearEnds(t *testing.T) {
	eps := "CHILD,DECOM,DEC,REC,LS\n" +
		"A,01/01/2025,01/04/2025,E11,E1\n" + // first day of 2025–26
		"B,01/01/2025,31/03/2026,E12,E1\n" + // last day
		"C,01/01/2025,31/03/2025,E11,E1\n" + // the year before
		"D,01/01/2025,01/04/2026,E11,E1\n" // the year after
	ad := "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n" +
		"A,01/01/2025,01/02/2025,0,1,M1,L0\n" + // complete
		"C,01/01/2025,,,,,\n" + // incomplete, adopted outside the year
		"D,,,,,,\n"
	got := flaggedRowsX2(t, "601", 2025, map[string]string{"Episodes.csv": eps, "AD1.csv": ad})
	wantFlagsX1(t, "601", got, "Episodes:1") // B adopted, no AD1 row
	hdr := "CHILD,SEX,MOTHER\nA,F,\nB,F,\nC,F,\nD,F,\n"
	got = flaggedRowsX2(t, "607", 2025, map[string]string{"Episodes.csv": eps, "Header.csv": hdr})
	wantFlagsX1(t, "607", got, "Episodes:0", "Episodes:1", "Header:0", "Header:1")
}

// INT11–INT21 compare dates as dates, and ignore a blank on either side.
func TestInternalChecksCompareDates(t *testing.T) {
	hdr := "CHILD,DOB,SEX\nA,01/04/2020,M\nB,01/04/2020,F\nC,,F\nD,31/02/2020,M\n"
	ad := "CHILD,DOB\nA,1/4/2020\nB,02/04/2020\nC,01/04/2020\nD,01/03/2020\nE,01/01/2020\n"
	files := map[string]string{"Header.csv": hdr, "AD1.csv": ad}
	wantFlagsX1(t, "INT11", flaggedRowsX2(t, "INT11", 2025, files), "AD1:1", "AD1:3")
	wantFlagsX1(t, "INT01", flaggedRowsX2(t, "INT01", 2025, files), "AD1:4")
}
