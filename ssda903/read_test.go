package ssda903_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/ssda903"
)

const (
	headerCSV   = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
	episodesCSV = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
)

func TestRecogniseTables(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   ssda903.Table
	}{
		{"Header in the DfE's order", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", ssda903.TableHeader},
		{"Header with the XML's UASC flag", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC", ssda903.TableHeader},
		{"Episodes in another order and case", " decom ,Child,rne,ls,cin,place,place_provider,dec,rec,reason_place_change,home_post,pl_post,urn", ssda903.TableEpisodes},
		{"Episodes with the derived columns", strings.TrimSpace(episodesCSV) + ",PL_DISTANCE,PL_LA,PL_LOCATION", ssda903.TableEpisodes},
		{"Reviews", "CHILD,DOB,REVIEW,REVIEW_CODE", ssda903.TableReviews},
		{"UASC", "CHILD,SEX,DOB,DUC", ssda903.TableUASC},
		{"OC2", "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", ssda903.TableOC2},
		{"OC3", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", ssda903.TableOC3},
		{"AD1", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR", ssda903.TableAD1},
		{"PlacedAdoption", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", ssda903.TablePlacedAdoption},
		{"PrevPerm", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", ssda903.TablePrevPerm},
		{"Missing", "CHILD,DOB,MISSING,MIS_START,MIS_END", ssda903.TableMissing},
		{"SWEpisodes", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", ssda903.TableSWEpisodes},
		{"DoLo", "CHILD,DOB,DOLO_START,DOLO_END", ssda903.TableDoLo},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ssda903.ReadCSV(strings.NewReader(tc.header+"\n"), "any-name.txt", 2025)
			if err != nil {
				t.Fatalf("ReadCSV() error = %v", err)
			}
			tb := r.Table(tc.want)
			if tb == nil {
				t.Fatalf("ReadCSV() did not read table %s", tc.want)
			}
			if tb.Len() != 0 {
				t.Errorf("Len() = %d, want 0", tb.Len())
			}
		})
	}
}

func TestReadProblems(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		sentinel error
		table    ssda903.Table
		row      int
		line     int
		column   string
		rows     int // rows read into the table
	}{
		{name: "unknown column kept and reported", text: "CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\n1,01/01/2015,02/02/2025,PN1,x\n",
			sentinel: ssda903.ErrUnknownColumn, table: ssda903.TableReviews, line: 1, column: "NOTES", rows: 1},
		{name: "missing column", text: "CHILD,REVIEW,REVIEW_CODE\n1,02/02/2025,PN1\n",
			sentinel: ssda903.ErrMissingColumn, table: ssda903.TableReviews, line: 1, column: "DOB", rows: 1},
		{name: "short row not read", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2015,02/02/2025\n2,01/01/2015,02/02/2025,PN1\n",
			sentinel: ssda903.ErrCellCount, table: ssda903.TableReviews, row: 1, line: 2, rows: 1},
		{name: "bare quote", text: "CHILD,DOB,REVIEW,REVIEW_CODE\n\n1,01/01/2015,02/0\"2/2025,PN1\n",
			sentinel: ssda903.ErrMalformed, table: ssda903.TableReviews, row: 1, line: 3, rows: 0},
		{name: "no table's key column", text: "CHILD,DOB\n1,2\n", sentinel: ssda903.ErrUnknownTable, line: 1},
		{name: "two tables' key columns", text: "CHILD,DECOM,REVIEW_CODE\n", sentinel: ssda903.ErrUnknownTable, line: 1},
		{name: "empty file", text: "", sentinel: ssda903.ErrUnknownTable},
		{name: "column twice", text: "CHILD,DOB,REVIEW,REVIEW_CODE,child\n", sentinel: ssda903.ErrMalformed, line: 1},
		{name: "unnamed column", text: "CHILD,DOB,REVIEW,REVIEW_CODE,\n", sentinel: ssda903.ErrMalformed, line: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ssda903.ReadCSV(strings.NewReader(tc.text), "f.csv", 2025)
			errs := problems(t, err)
			if len(errs) != 1 {
				t.Fatalf("ReadCSV() problems = %v, want 1", errs)
			}
			e := errs[0]
			if !errors.Is(e, tc.sentinel) {
				t.Errorf("problem %v does not wrap %v", e, tc.sentinel)
			}
			got := [...]any{e.File, e.Table, e.Row, e.Line, e.Column}
			want := [...]any{"f.csv", tc.table, tc.row, tc.line, tc.column}
			if got != want {
				t.Errorf("problem at %v, want %v (%v)", got, want, e)
			}
			if tc.table.IsKnown() && r.Table(tc.table).Len() != tc.rows {
				t.Errorf("rows read = %d, want %d", r.Table(tc.table).Len(), tc.rows)
			}
		})
	}
}

func TestReadKeepsCellsAsGiven(t *testing.T) {
	text := "\uFEFFCHILD,DOB,REVIEW,REVIEW_CODE,NOTES\r\n" +
		"\" 1 \",01/01/2015,2/3/2025,pn1,\"a, \"\"quoted\"\"\r\nnote\"\r\n" +
		"2,01/01/2015,02/02/2025, PN2 ,\r\n"
	for _, enc := range []struct {
		name string
		data []byte
	}{
		{"UTF-8 with BOM and CRLF", []byte(text)},
		{"UTF-16LE", utf16LE(strings.TrimPrefix(text, "\uFEFF"))},
	} {
		t.Run(enc.name, func(t *testing.T) {
			r, err := ssda903.ReadCSV(strings.NewReader(string(enc.data)), "reviews.csv", 2025)
			errs := problems(t, err)
			if len(errs) != 1 || !errors.Is(errs[0], ssda903.ErrUnknownColumn) {
				t.Fatalf("problems = %v, want the unknown column NOTES", errs)
			}
			tb := r.Table(ssda903.TableReviews)
			want := [][]string{
				{" 1 ", "01/01/2015", "2/3/2025", "pn1", "a, \"quoted\"\r\nnote"},
				{"2", "01/01/2015", "02/02/2025", " PN2 ", ""},
			}
			var got [][]string
			for i := range tb.Len() {
				got = append(got, tb.Row(i))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rows mismatch (-want +got):\n%s", diff)
			}
			if p := tb.Pos(1); p != (ssda903.Pos{File: "reviews.csv", Row: 2, Line: 4}) {
				t.Errorf("Pos(1) = %+v, want row 2 on line 4", p)
			}
		})
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func TestReadSeveralFilesOfOneTable(t *testing.T) {
	fsys := fstest.MapFS{
		"a.csv":      {Data: []byte("CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2015,02/02/2025,PN1\n")},
		"b.CSV":      {Data: []byte("review_code,REVIEW,DOB,CHILD\nPN2,03/03/2025,01/01/2016,2\n")},
		"notes.xlsx": {Data: []byte("not read")},
		"sub/c.csv":  {Data: []byte("CHILD,DOB\n")},
	}
	r, err := ssda903.ReadFS(fsys, 2025)
	if err != nil {
		t.Fatalf("ReadFS() error = %v", err)
	}
	tb := r.Table(ssda903.TableReviews)
	if got, want := tb.Files(), []string{"a.csv", "b.CSV"}; !cmp.Equal(got, want) {
		t.Errorf("Files() = %v, want %v", got, want)
	}
	got := [][]string{tb.Row(0), tb.Row(1)}
	want := [][]string{{"1", "01/01/2015", "02/02/2025", "PN1"}, {"2", "01/01/2016", "03/03/2025", "PN2"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows mismatch (-want +got):\n%s", diff)
	}
	if p := tb.Pos(1); p != (ssda903.Pos{File: "b.CSV", Row: 1, Line: 2}) {
		t.Errorf("Pos(1) = %+v", p)
	}
}

func TestReadColumnsDiffer(t *testing.T) {
	// A second file with a column the first lacks: the first file's rows
	// have no cell there.
	long := strings.Repeat("u", 300) // a cell longer than 255 bytes
	r := mustRead(t, map[string]string{
		"a.csv": episodesCSV + "1,01/04/2025,S,C2,N1,U1,PR1,,,,,," + long + "\n",
		"b.csv": strings.TrimSpace(episodesCSV) + ",PL_LA\n2,01/04/2025,S,C2,N1,U1,PR1,,,,,,,E09000001\n",
	})
	tb := r.Table(ssda903.TableEpisodes)
	if s, ok := tb.Cell(0, "pl_la"); ok || s != "" {
		t.Errorf("Cell(0, PL_LA) = %q, %v; want absent", s, ok)
	}
	if s, ok := tb.Cell(1, "PL_LA"); !ok || s != "E09000001" {
		t.Errorf("Cell(1, PL_LA) = %q, %v", s, ok)
	}
	if s, ok := tb.Cell(0, "URN"); !ok || s != long {
		t.Errorf("Cell(0, URN) = %q, %v; want the long cell", s, ok)
	}
	if s, ok := tb.Cell(1, "URN"); !ok || s != "" {
		t.Errorf("Cell(1, URN) = %q, %v; want present and blank", s, ok)
	}
	if s, _ := tb.Cell(1, "CHILD"); s != "2" {
		t.Errorf("Cell(1, CHILD) = %q, want 2", s)
	}
}

func TestReadDirAndFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("header.csv", headerCSV+"1,1,01/01/2015,WBRI,A123456789012,,\n")
	write("readme.txt", "CHILD,DOB\n")
	r, err := ssda903.ReadDir(dir, 2025)
	if err != nil {
		t.Fatalf("ReadDir() error = %v", err)
	}
	if r.Year != 2025 || r.Table(ssda903.TableHeader).Len() != 1 || r.Table(ssda903.TableEpisodes) != nil {
		t.Errorf("ReadDir() = year %v, tables %v", r.Year, rawTables(r))
	}
	_, err = ssda903.ReadFiles(2025, filepath.Join(dir, "readme.txt"), filepath.Join(dir, "missing.csv"))
	errs := problems(t, err)
	if len(errs) != 2 || !errors.Is(errs[0], ssda903.ErrUnknownTable) || !errors.Is(errs[1], os.ErrNotExist) {
		t.Errorf("ReadFiles() problems = %v", errs)
	}
	r, err = ssda903.ReadDir(filepath.Join(dir, "nowhere"), 2025)
	if err == nil || r == nil {
		t.Errorf("ReadDir(missing dir) = %v, %v; want an empty return and an error", r, err)
	}
}

func TestErrorMessageWithholdsPersonalData(t *testing.T) {
	text := headerCSV + "C1,1,31/02/2015,WBRI,Z999999999999,1,40/01/2020\n"
	r, err := ssda903.ReadCSV(strings.NewReader(text), "header.csv", 2025)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Records()
	errs := problems(t, err)
	if len(errs) != 2 {
		t.Fatalf("problems = %v, want the DOB and MC_DOB", errs)
	}
	for _, e := range errs {
		msg := e.Error()
		for _, secret := range []string{"31/02/2015", "40/01/2020", "Z999999999999"} {
			if strings.Contains(msg, secret) {
				t.Errorf("message %q quotes %q", msg, secret)
			}
		}
		if !strings.Contains(msg, `header.csv:2: Header row 1, child "C1", `) {
			t.Errorf("message %q does not say where", msg)
		}
	}
}

func TestErrorsList(t *testing.T) {
	var none ssda903.Errors
	if none.Err() != nil {
		t.Error("empty Errors.Err() is not nil")
	}
	e := &ssda903.Error{File: "f.csv", Table: ssda903.TableReviews, Row: 3, Line: 4, Column: "NOT A NAME", Err: ssda903.ErrNotNumber}
	list := ssda903.Errors{e, e, e}
	if got, want := list.Error(), `f.csv:4: Reviews row 3, "NOT A NAME": not a whole number (and 2 more errors)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(list.Err(), ssda903.ErrNotNumber) {
		t.Error("errors.Is does not see through Errors")
	}
}
