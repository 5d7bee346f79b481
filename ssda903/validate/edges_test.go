package validate_test

import (
	"context"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// probe runs a rule that records what the Table helpers say of the
// Header table's rows.
func probe(t *testing.T, files map[string]string, read func(c *validate.Check, h *validate.Table)) {
	t.Helper()
	ret := readTables(t, files)
	r := &validate.Rule{Code: "T", Message: "t", Years: validate.Years{From: 2022}, Tables: []ssda903.Table{ssda903.TableHeader},
		Check: func(c *validate.Check) { read(c, c.Table(ssda903.TableHeader)) }}
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: 2025}, Rules: []*validate.Rule{r}})
	if err != nil || len(res.Crashed) > 0 || len(res.Skipped) > 0 {
		t.Fatalf("err %v, crashed %+v, skipped %+v", err, res.Crashed, res.Skipped)
	}
}

func TestCellHelpers(t *testing.T) {
	probe(t, map[string]string{"Header.csv": "CHILD,ETHNIC,DOB\n 1 , wbri ,29/02/2024\n2,  ,31/02/2024\n3,WBRI, 1/4/2025 \n"},
		func(c *validate.Check, h *validate.Table) {
			if got := h.Code(0, "ETHNIC"); got != "WBRI" {
				t.Errorf("Code = %q, want WBRI (trimmed, upper-cased)", got)
			}
			if got := h.Trimmed(0, "ethnic"); got != "wbri" {
				t.Errorf("Trimmed = %q", got)
			}
			if h.Child(0) != "1" || len(h.RowsOf("1")) != 1 {
				t.Errorf("Child = %q", h.Child(0))
			}
			if !h.Blank(1, "ETHNIC") || h.Missing(1, "ETHNIC") {
				t.Error("spaces: blank, not missing")
			}
			if !h.Blank(0, "UPN") || !h.Missing(0, "UPN") || h.HasColumn("UPN") {
				t.Error("no UPN column: blank and missing")
			}
			if d, ok := h.Date(0, "DOB"); !ok || d != care.MustDate(2024, 2, 29) {
				t.Errorf("Date = %v %v", d, ok)
			}
			if _, ok := h.Date(1, "DOB"); ok || !h.BadDate(1, "DOB") {
				t.Error("31/02/2024 is not a date")
			}
			if d, ok := h.Date(2, "DOB"); !ok || d != care.MustDate(2025, 4, 1) {
				t.Errorf("padded 1/4/2025 = %v %v", d, ok)
			}
			if h.BadDate(1, "ETHNIC") {
				t.Error("a blank cell is not a bad date")
			}
		})
}

func TestAgeOn29February(t *testing.T) {
	dob := care.MustDate(2008, 2, 29)
	for _, tc := range []struct {
		on   care.Date
		want int
	}{
		{care.MustDate(2026, 2, 28), 17},
		{care.MustDate(2026, 3, 1), 18},
		{care.MustDate(2028, 2, 29), 20},
		{care.MustDate(2028, 2, 28), 19},
	} {
		if got := validate.AgeOn(dob, tc.on); got != tc.want {
			t.Errorf("AgeOn(%v, %v) = %d, want %d", dob, tc.on, got, tc.want)
		}
	}
	if b := validate.Birthday(dob, 18); b != care.MustDate(2026, 3, 1) {
		t.Errorf("18th birthday = %v", b)
	}
}

// Boundaries of the worked rules: 361 allows exactly three days; 386
// flags adoption on the 18th birthday itself.
func TestWorkedRuleBoundaries(t *testing.T) {
	eps := "CHILD,DECOM,DEC,LS,REC\n" +
		"A,01/06/2025,04/06/2025,L1,X1\n" + // 3 days: allowed
		"B,01/06/2025,05/06/2025,L1,X1\n" + // 4 days
		"C,01/06/2025,01/03/2026,V2,E11\n" + // 18 on 1 March 2026 (born 29/02/2008)
		"D,01/06/2025,28/02/2026,V2,E11\n" // 17 on 28 February
	hdr := "CHILD,DOB\nA,01/01/2015\nB,01/01/2015\nC,29/02/2008\nD,29/02/2008\n"
	ret := readTables(t, map[string]string{"Episodes.csv": eps, "Header.csv": hdr})
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: 2025}, Codes: []string{"361", "386"}})
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{"361": "B", "386": "C"} {
		flags, _ := res.Flagged(code)
		if len(flags) != 1 || flags[0].Child != want {
			t.Errorf("%s flagged %+v, want child %s only", code, flags, want)
		}
	}
}
