package validate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/validate"
)

// flaggedX1 runs one rule over CSV tables in collection year y (from 1
// April to 31 March) and returns its flags as "Table child", sorted.
func flaggedX1(t *testing.T, y care.CollectionYear, code string, files map[string]string) []string {
	t.Helper()
	ret := readTables(t, files)
	meta := validate.Metadata{Year: y, Start: care.MustDate(int(y), 4, 1), End: care.MustDate(int(y)+1, 3, 31)}
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: meta, Codes: []string{code}})
	if err != nil || len(res.Skipped) > 0 || len(res.Crashed) > 0 {
		t.Fatalf("%s: err %v, skipped %+v, crashed %+v", code, err, res.Skipped, res.Crashed)
	}
	flags, _ := res.Flagged(code)
	var out []string
	for _, f := range flags {
		out = append(out, f.Table.String()+" "+f.Child)
	}
	slices.Sort(out)
	return out
}

func wantFlagsX1(t *testing.T, code string, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s flagged %q, want %q", code, got, want)
	}
}

// 210: UN4 is for a child looked after for a week or less at 31 March.
// Looked after since 24 March (7 days) is not more than a week; since 23
// March (8 days) is. A period of care of continuing episodes counts from
// its first; a child who ceased to be looked after on or before 31 March
// is not looked after at 31 March.
func TestRule210WeekAt31March(t *testing.T) {
	hdr := "CHILD,UPN\nA,UN4\nB,UN4\nC,UN4\nD,UN4\nE,UN4\nF,UN3\n"
	eps := "CHILD,DECOM,DEC,REC\n" +
		"A,24/03/2026,,\n" +
		"B,23/03/2026,,\n" +
		"C,01/01/2026,20/03/2026,E13\n" +
		"D,01/01/2026,31/03/2026,E13\n" +
		"E,01/01/2026,15/03/2026,X1\nE,15/03/2026,,\n" +
		"F,01/01/2026,,\n"
	got := flaggedX1(t, 2025, "210", map[string]string{"Header.csv": hdr, "Episodes.csv": eps})
	wantFlagsX1(t, "210", got, "Episodes B", "Header B", "Episodes E", "Header E")
}

// 105 and 303 read the Header's UASC status, which only an XML return
// carries: a CSV Header without the column flags nothing.
func TestRules105And303HeaderWithoutUASC(t *testing.T) {
	csv := map[string]string{"Header.csv": "CHILD,SEX\nA,F\n", "UASC.csv": "CHILD,DUC\nA,01/06/2025\n"}
	wantFlagsX1(t, "105", flaggedX1(t, 2025, "105", csv))
	wantFlagsX1(t, "303", flaggedX1(t, 2025, "303", csv))
	xml := map[string]string{"Header.csv": "CHILD,UASC\nA,0\nB,1\nC,\n", "UASC.csv": "CHILD,DUC\nA,01/06/2025\nB,01/06/2025\n"}
	wantFlagsX1(t, "105", flaggedX1(t, 2025, "105", xml), "Header C")
	wantFlagsX1(t, "303", flaggedX1(t, 2025, "303", xml), "Header A", "UASC A")
}

// 393: a girl is coded 2 up to 2023–24 and F from 2024–25 (in any case);
// a child looked after only under short breaks (V3, V4) is not asked for
// the mother field.
func TestRule393SexCodesAndShortBreaks(t *testing.T) {
	eps := "CHILD,LS\nA,C2\nB,C2\nC,v3\nD,C2\n"
	for _, tc := range []struct {
		y      care.CollectionYear
		female string
	}{{2023, "2"}, {2025, "F"}, {2025, "f"}} {
		hdr := "CHILD,SEX,MOTHER\nA," + tc.female + ",\nB," + tc.female + ",0\nC," + tc.female + ",\nD,M,\n"
		got := flaggedX1(t, tc.y, "393", map[string]string{"Header.csv": hdr, "Episodes.csv": eps})
		wantFlagsX1(t, "393", got, "Header A")
	}
}

// 552: each placement for adoption follows a decision; a second decision
// made after the first placement (a disrupted placement, a new decision,
// a new placement) is not a fault. A placement before every decision is.
func TestRule552SecondDecision(t *testing.T) {
	eps := "CHILD,DECOM,PLACE\nA,01/05/2025,A3\nA,01/12/2025,A4\nB,01/05/2025,A3\n"
	pa := "CHILD,DATE_PLACED\nA,01/04/2025\nA,01/11/2025\nB,02/05/2025\n"
	got := flaggedX1(t, 2025, "552", map[string]string{"Episodes.csv": eps, "PlacedAdoption.csv": pa})
	wantFlagsX1(t, "552", got, "Episodes B", "PlacedAdoption B")
}

// 558: an adopted child whose earlier decision was disrupted (a date
// ceased) but who has a decision in force (no date ceased) is not
// flagged; one whose only decision has a date ceased is.
func TestRule558DecisionInForce(t *testing.T) {
	eps := "CHILD,REC\nA,E11\nB,E12\nC,E13\n"
	pa := "CHILD,DATE_PLACED_CEASED\nA,01/06/2025\nA,\nB,01/06/2025\nC,01/06/2025\n"
	got := flaggedX1(t, 2025, "558", map[string]string{"Episodes.csv": eps, "PlacedAdoption.csv": pa})
	wantFlagsX1(t, "558", got, "Episodes B")
}

// 577, 578 and 581 place a missing period against the child's periods of
// care: A's first period (01/04–01/06/2025) ended, its second
// (01/09/2025–) is open. A went missing, without an end date, in the first
// (577); in the gap (578 and 581); before any care (581 only: not after
// ceasing); and in the open period (none).
func TestMissingAgainstPeriodsOfCare(t *testing.T) {
	eps := "CHILD,DECOM,DEC,REC\n" +
		"A,01/04/2025,01/05/2025,X1\nA,01/05/2025,01/06/2025,E13\nA,01/09/2025,,\n"
	mis := "CHILD,MIS_START,MIS_END\n" +
		"A,10/05/2025,\n" + // in the first period, which ended
		"A,01/07/2025,02/07/2025\n" + // in the gap
		"A,01/01/2025,02/01/2025\n" + // before care
		"A,01/10/2025,\n" // in the open period
	files := map[string]string{"Episodes.csv": eps, "Missing.csv": mis}
	rows := func(code string) []int {
		ret := readTables(t, files)
		res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: 2025}, Codes: []string{code}})
		if err != nil || len(res.Skipped) > 0 {
			t.Fatalf("%s: %v %+v", code, err, res.Skipped)
		}
		flags, _ := res.Flagged(code)
		var out []int
		for _, f := range flags {
			out = append(out, f.Pos.Row)
		}
		slices.Sort(out)
		return out
	}
	for code, want := range map[string][]int{"575": {1}, "577": {1}, "578": {2}, "581": {2, 3}} {
		if got := rows(code); !slices.Equal(got, want) {
			t.Errorf("%s flagged Missing rows %v, want %v", code, got, want)
		}
	}
}
