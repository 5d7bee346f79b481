package validate_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// returnP reads CSV texts keyed by table name ("Episodes") as a return of
// collection year y; nil when files is nil.
func returnP(t *testing.T, y care.CollectionYear, files map[string]string) *ssda903.Return {
	t.Helper()
	if files == nil {
		return nil
	}
	named := map[string]string{}
	for name, text := range files {
		named[name+".csv"] = text
	}
	return readTablesOf(t, y, named)
}

// flagsP runs the rule with this code in year y (default metadata) on this
// year's and last year's tables (last nil: not loaded) and returns its
// flags as "Table child" ("Table child last" for a row of last year's),
// sorted. The rule must run.
func flagsP(t *testing.T, y care.CollectionYear, code string, this, last map[string]string) []string {
	t.Helper()
	res, err := validate.Run(context.Background(), returnP(t, y, this),
		validate.Options{Metadata: validate.Metadata{Year: y}, Last: returnP(t, y-1, last), Codes: []string{code}})
	if err != nil || len(res.Skipped) > 0 || len(res.Crashed) > 0 {
		t.Fatalf("%s in %s: err %v, skipped %+v, crashed %+v", code, y, err, res.Skipped, res.Crashed)
	}
	return flagStringsP(res, code)
}

func flagStringsP(res *validate.Result, code string) []string {
	flags, _ := res.Flagged(code)
	out := []string{}
	for _, f := range flags {
		s := f.Table.String() + " " + f.Child
		if f.Last {
			s += " last"
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

func wantP(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: flagged %q, want %q", what, got, want)
	}
}

// cohortEpisodesP are children at the edges of the 2025-26 OC2 cohort
// (1 April 2025 to 31 March 2026):
//
//	IN_OPEN    looked after since 2023: in
//	IN_0104    started on 1 April 2025: twelve months end on 31 March: in
//	IN_3103    started on 31 March 2025: in
//	IN_X1_3103 moved placement on 31 March 2026 (X1), next episode next year: in
//	IN_MOVED   moved placement in October (X1, then P): in
//	OUT_0204   started on 2 April 2025: out
//	OUT_L3103  left care on 31 March 2026 (E11): not looked after at 31 March: out
//	OUT_L0104  left care on 1 April 2025 (E4A): out
//	OUT_BREAK  left care on 10 October, back on 11 October (a break of one day): out
//	OUT_SAME   left care and came back the same day (a new period of care): out
//	OUT_V3     short breaks (V3) all year: out
//	OUT_V4     a short-break agreement (V4) for a month in the year, C2 around it: out
//	IN_V3_OLD  short breaks that ended before the year, then C2: in
const cohortEpisodesP = `CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
IN_OPEN,01/06/2023,S,C2,N1,U1,PR1,,,,,,
IN_0104,01/04/2025,S,C2,N1,U1,PR1,,,,,,
IN_3103,31/03/2025,S,C2,N1,U1,PR1,,,,,,
IN_X1_3103,01/06/2023,S,C2,N1,U1,PR1,31/03/2026,X1,,,,
IN_MOVED,01/06/2023,S,C2,N1,U1,PR1,10/10/2025,X1,CHANGE,,,
IN_MOVED,10/10/2025,P,C2,N1,U1,PR1,,,,,,
OUT_0204,02/04/2025,S,C2,N1,U1,PR1,,,,,,
OUT_L3103,01/06/2023,S,C2,N1,U1,PR1,31/03/2026,E11,,,,
OUT_L0104,01/06/2023,S,C2,N1,U1,PR1,01/04/2025,E4A,,,,
OUT_BREAK,01/06/2023,S,C2,N1,U1,PR1,10/10/2025,E4A,,,,
OUT_BREAK,11/10/2025,S,C2,N1,U1,PR1,,,,,,
OUT_SAME,01/06/2023,S,C2,N1,U1,PR1,10/10/2025,E4A,,,,
OUT_SAME,10/10/2025,S,C2,N1,U1,PR1,,,,,,
OUT_V3,01/06/2023,S,V3,N1,U1,PR1,,,,,,
OUT_V4,01/06/2023,S,C2,N1,U1,PR1,01/06/2025,X1,LEGAL,,,
OUT_V4,01/06/2025,L,V4,N1,U1,PR1,01/07/2025,X1,LEGAL,,,
OUT_V4,01/07/2025,L,C2,N1,U1,PR1,,,,,,
IN_V3_OLD,01/06/2023,S,V3,N1,U1,PR1,01/01/2024,X1,LEGAL,,,
IN_V3_OLD,01/01/2024,L,C2,N1,U1,PR1,,,,,,
`

var cohortChildrenP = []string{"IN_OPEN", "IN_0104", "IN_3103", "IN_X1_3103", "IN_MOVED", "OUT_0204", "OUT_L3103",
	"OUT_L0104", "OUT_BREAK", "OUT_SAME", "OUT_V3", "OUT_V4", "IN_V3_OLD"}

// oc2RowsP returns an OC2 table with one complete row for each child,
// all born on dob.
func oc2RowsP(dob string, children ...string) string {
	var b strings.Builder
	b.WriteString("CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n")
	for _, c := range children {
		b.WriteString(c + "," + dob + ",10,,0,,1,1,1,0,,\n")
	}
	return b.String()
}

// TestOC2CohortEdges: 190 flags the OC2 rows of the children outside the
// cohort, 191 the first episode of a child in the cohort without one.
func TestOC2CohortEdges(t *testing.T) {
	var in, out []string
	for _, c := range cohortChildrenP {
		if strings.HasPrefix(c, "IN") {
			in = append(in, c)
		} else {
			out = append(out, "OC2 "+c)
		}
	}
	this := map[string]string{"Episodes": cohortEpisodesP, "OC2": oc2RowsP("01/01/2012", cohortChildrenP...)}
	wantP(t, "190", flagsP(t, 2025, "190", this, nil), out...)
	wantP(t, "191 (every child has a complete OC2 row)", flagsP(t, 2025, "191", this, nil))

	// Without OC2 rows, 191 flags the first episode of each child in the
	// cohort.
	var firsts []string
	for _, c := range in {
		firsts = append(firsts, "Episodes "+c)
	}
	none := map[string]string{"Episodes": cohortEpisodesP, "OC2": oc2RowsP("01/01/2012")}
	wantP(t, "191 (no OC2 rows)", flagsP(t, 2025, "191", none, nil), firsts...)

	// The same children as one child's record, through RunChild.
	ret := returnP(t, 2025, this)
	for _, c := range cohortChildrenP {
		res, err := validate.RunChild(context.Background(), ret, c, validate.Options{Metadata: validate.Metadata{Year: 2025}, Codes: []string{"190"}})
		if err != nil {
			t.Fatal(err)
		}
		flagged := len(flagStringsP(res, "190")) > 0
		if flagged != strings.HasPrefix(c, "OUT") {
			t.Errorf("RunChild %s: 190 flagged %v", c, flagged)
		}
	}
}

// TestOC2CohortCollectionStart: the cohort is the one of the collection
// beginning on the run's start (the open validator's cases run 1980-81's
// in every year's rule set).
func TestOC2CohortCollectionStart(t *testing.T) {
	eps := "CHILD,DECOM,RNE,LS,DEC,REC\nA,01/03/1980,S,C2,,\nB,05/04/1980,S,C2,,\n"
	ret := returnP(t, 2025, map[string]string{"Episodes": eps, "OC2": oc2RowsP("01/01/1970", "A", "B")})
	meta := validate.Metadata{Year: 2025, Start: care.MustDate(1980, 4, 1), End: care.MustDate(1981, 3, 31)}
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: meta, Codes: []string{"190"}})
	if err != nil {
		t.Fatal(err)
	}
	wantP(t, "190 in 1980-81", flagStringsP(res, "190"), "OC2 B")
}

// TestOC2AgesAt31March: the ages of 157, 186, 197B, 543, 545 and 546 on
// the year's first and last days, birthdays on the boundaries.
func TestOC2AgesAt31March(t *testing.T) {
	eps := "CHILD,DECOM,RNE,LS,DEC,REC\n"
	for _, c := range []string{"A", "B", "C", "D"} {
		eps += c + ",01/06/2020,S,C2,,\n"
	}
	oc2 := func(rows string) map[string]string {
		return map[string]string{"Episodes": eps, "OC2": "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK\n" + rows}
	}
	// 543: aged 10 on 31 March 2026 (born 31/03/2016) needs CONVICTED;
	// born 01/04/2016 is 9.
	wantP(t, "543", flagsP(t, 2025, "543", oc2("A,31/03/2016,,,,\nB,01/04/2016,,,,\n"), nil), "OC2 A")
	// 545: under 5 on 31 March 2026 (born 01/04/2021) needs HEALTH_CHECK;
	// born 31/03/2021 is 5. 546: the other way round.
	rows := "A,01/04/2021,,,,\nB,31/03/2021,,,,1\nC,01/04/2021,,,,1\nD,31/03/2021,,,,\n"
	wantP(t, "545", flagsP(t, 2025, "545", oc2(rows), nil), "OC2 A")
	wantP(t, "546", flagsP(t, 2025, "546", oc2(rows), nil), "OC2 B")
	// 197B: turns 4 on 1 April 2025 or 17 on 31 March 2026: flagged
	// without an SDQ score or reason; turns 4 on 1 April 2026: not.
	wantP(t, "197B", flagsP(t, 2025, "197B", oc2("A,01/04/2021,,,,\nB,31/03/2009,,,,\nC,01/04/2022,,,,\nD,31/03/2009,10,,,\n"), nil),
		"OC2 A", "OC2 B")
	// 186: 4 or over on 1 April 2025 (born on or before 01/04/2021) and
	// under 17 on 31 March 2026 (born after 31/03/2009).
	wantP(t, "186", flagsP(t, 2025, "186", oc2("A,01/04/2021,,,,\nB,02/04/2021,,,,\nC,31/03/2009,,,,\nD,01/04/2009,,,,\n"), nil),
		"OC2 A", "OC2 D")
	// 157: SDQ1 (under 4 or over 17) for a child 4 or over on 1 April and
	// 16 or under on 31 March (C is 17 on 31 March 2026).
	wantP(t, "157", flagsP(t, 2025, "157", oc2("A,01/04/2021,,SDQ1,,\nB,02/04/2021,,SDQ1,,\nC,31/03/2009,,SDQ1,,\nD,01/04/2009,,SDQ1,,\n"), nil),
		"OC2 A", "OC2 D")
}
