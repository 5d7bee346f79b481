package ssda903_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// The tests in this file read the shared synthetic return (see
// testdata/dfe/README.md): 2,675 children in CSV, 253 in XML.

func readShared(t testing.TB) *ssda903.Return {
	t.Helper()
	needShared(t)
	r, err := ssda903.ReadDir(sharedDir, 2025)
	if err != nil {
		t.Fatalf("ReadDir(shared) error = %v", err)
	}
	return r
}

func readSharedXML(t testing.TB) *ssda903.Return {
	t.Helper()
	needShared(t)
	f, err := os.Open(filepath.Join(sharedDir, "fake_903.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ssda903.ReadXML(f, "fake_903.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML(shared) error = %v", err)
	}
	return r
}

func TestSharedCSV(t *testing.T) {
	r := readShared(t)
	want := map[ssda903.Table]int{
		ssda903.TableHeader: 2675, ssda903.TableEpisodes: 5050, ssda903.TableReviews: 12582, ssda903.TableUASC: 132,
		ssda903.TableOC2: 2675, ssda903.TableOC3: 53, ssda903.TableAD1: 29,
		ssda903.TablePlacedAdoption: 29 + 30, // placed_for_adoption.csv and placed_for_adoption_errors.csv
		ssda903.TablePrevPerm:       2675, ssda903.TableMissing: 43, ssda903.TableSWEpisodes: 1, ssda903.TableDoLo: 1,
	}
	got := map[ssda903.Table]int{}
	for _, tb := range ssda903.Tables() {
		got[tb] = r.Table(tb).Len()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows mismatch (-want +got):\n%s", diff)
	}
	// Every cell is as encoding/csv reads it.
	entries, err := os.ReadDir(sharedDir)
	if err != nil {
		t.Fatal(err)
	}
	next := map[ssda903.Table]int{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(sharedDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%s: encoding/csv: %v", e.Name(), err)
		}
		var tb *ssda903.RawTable
		for _, c := range ssda903.Tables() {
			if rt := r.Table(c); rt != nil && rt.Len() > next[c] && rt.Pos(next[c]).File == filepath.Join(sharedDir, e.Name()) {
				tb = rt
			}
		}
		if tb == nil {
			t.Fatalf("%s: no table read from it", e.Name())
		}
		for i, row := range rows[1:] {
			k := next[tb.Table()] + i
			for j, col := range rows[0] {
				if got, _ := tb.Cell(k, col); got != row[j] {
					t.Fatalf("%s row %d %s = %q, encoding/csv reads %q", e.Name(), i+1, col, got, row[j])
				}
			}
		}
		next[tb.Table()] += len(rows) - 1
	}
}

func TestSharedCases(t *testing.T) {
	r := readShared(t)
	rec, err := r.Records()
	errs := problems(t, err)
	// The shared data's own faults: MOTHER "1.0", ACCOM "01" and "02",
	// REASON_PLACED_CEASED "XXX" (59 rows), SW_REASON "SWLAZY".
	if len(errs) != 63 {
		t.Errorf("Records() found %d problems, want 63: %v", len(errs), errs)
	}
	set := ssda903.Cases(rec)
	seen := map[string]int{}
	for _, c := range set.Cases {
		seen[c.Care.Child.ID]++
	}
	noEpisodes := 0
	for _, inv := range set.Invalid {
		seen[inv.Child]++
		if len(inv.Errs) == 0 {
			t.Errorf("invalid child %s has no problem", inv.Child)
		}
		for _, e := range inv.Errs {
			if e.Table == ssda903.TableUnknown || e.Row == 0 || e.File == "" {
				t.Errorf("problem without a place: %v", e)
			}
			if errors.Is(e, care.ErrNoEpisodes) {
				noEpisodes++
			}
		}
	}
	for _, h := range rec.Header {
		if seen[h.Child.ID] != 1 {
			t.Errorf("child %s accounted for %d times", h.Child.ID, seen[h.Child.ID])
		}
	}
	// CHILD10 has a social worker episode and a DoLo but no Header row:
	// it is accounted for too, invalid.
	if seen["CHILD10"] != 1 {
		t.Errorf("CHILD10 accounted for %d times", seen["CHILD10"])
	}
	if len(seen) != 2676 || len(set.Cases)+len(set.Invalid) != 2676 {
		t.Errorf("accounted for %d children (%d valid, %d invalid), want 2,675 and CHILD10", len(seen), len(set.Cases), len(set.Invalid))
	}
	if noEpisodes != 552 {
		t.Errorf("%d children reported with no episodes, want 552", noEpisodes)
	}
	t.Logf("%d valid cases, %d invalid children", len(set.Cases), len(set.Invalid))
}

func TestSharedRoundTripCSV(t *testing.T) {
	r := readShared(t)
	back, err := ssda903.ReadFS(writeFS(t, r), 2025)
	if err != nil {
		t.Fatalf("ReadFS(written) error = %v", err)
	}
	if diff := cmp.Diff(rawTables(r), rawTables(back)); diff != "" {
		t.Errorf("raw round trip mismatch (-want +got):\n%s", diff)
	}
	// Typed: records → return (the year's forms) → CSV → records.
	rec, _ := r.Records()
	typed, err := rec.Return()
	if err != nil {
		t.Fatalf("Records.Return() error = %v", err)
	}
	again, err := ssda903.ReadFS(writeFS(t, typed), 2025)
	if err != nil {
		t.Fatalf("ReadFS(typed) error = %v", err)
	}
	rec2, _ := again.Records()
	if diff := cmp.Diff(rec, rec2, cmpRecords); diff != "" {
		t.Errorf("typed round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestSharedRoundTripXML(t *testing.T) {
	r := readSharedXML(t)
	if n := r.Table(ssda903.TableHeader).Len(); n != 253 {
		t.Errorf("XML children = %d, want 253", n)
	}
	var buf bytes.Buffer
	if err := r.WriteXML(&buf); err != nil {
		t.Fatalf("WriteXML() error = %v", err)
	}
	back, err := ssda903.ReadXML(&buf, "written.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML(written) error = %v", err)
	}
	if diff := cmp.Diff(rawTables(r), rawTables(back)); diff != "" {
		t.Errorf("raw round trip mismatch (-want +got):\n%s", diff)
	}
	rec, err := r.Records()
	// The XML's own faults: ACCOM "01" and "02", REASON_PLACED_CEASED
	// "XXX".
	if errs := problems(t, err); len(errs) != 4 {
		t.Errorf("Records() problems = %v, want 4", errs)
	}
	typed, err := rec.Return()
	if err != nil {
		t.Fatalf("Records.Return() error = %v", err)
	}
	buf.Reset()
	if err := typed.WriteXML(&buf); err != nil {
		t.Fatalf("WriteXML(typed) error = %v", err)
	}
	again, _ := ssda903.ReadXML(&buf, "typed.xml", 2025)
	rec2, _ := again.Records()
	if diff := cmp.Diff(rec, rec2, cmpRecords); diff != "" {
		t.Errorf("typed round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestSharedCSVAsXML writes the CSV return as XML: the cases built from
// the two are the same.
func TestSharedCSVAsXML(t *testing.T) {
	r := readShared(t)
	var buf bytes.Buffer
	// CHILD10's rows cannot be written: the child has no Header row.
	errs := problems(t, r.WriteXML(&buf))
	if len(errs) != 2 || !errors.Is(errs[0], ssda903.ErrNoChild) || errs[0].Child != "CHILD10" || errs[1].Table != ssda903.TableDoLo {
		t.Fatalf("WriteXML() problems = %v, want CHILD10's SWEpisodes and DoLo rows", errs)
	}
	// Without them (that is, without those two files), it can.
	var files []string
	for _, tb := range ssda903.Tables() {
		if tb != ssda903.TableSWEpisodes && tb != ssda903.TableDoLo {
			files = append(files, r.Table(tb).Files()...)
		}
	}
	r, err := ssda903.ReadFiles(2025, files...)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteXML(&buf); err != nil {
		t.Fatalf("WriteXML() error = %v", err)
	}
	x, err := ssda903.ReadXML(&buf, "as.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML() error = %v", err)
	}
	rec, _ := r.Records()
	xrec, _ := x.Records()
	a, b := ssda903.Cases(rec), ssda903.Cases(xrec)
	if len(a.Cases) != len(b.Cases) || len(a.Invalid) != len(b.Invalid) {
		t.Fatalf("CSV gives %d+%d children, XML %d+%d", len(a.Cases), len(a.Invalid), len(b.Cases), len(b.Invalid))
	}
	if diff := cmp.Diff(a.Cases, b.Cases, cmpRecords); diff != "" {
		t.Errorf("valid cases differ (-csv +xml):\n%s", diff)
	}
	for i := range a.Invalid {
		if diff := cmp.Diff(a.Invalid[i].Case, b.Invalid[i].Case, cmpRecords); diff != "" {
			t.Fatalf("invalid child %s differs (-csv +xml):\n%s", a.Invalid[i].Child, diff)
		}
	}
}
