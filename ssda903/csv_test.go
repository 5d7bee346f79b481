package ssda903

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// scanAll scans text and returns its rows (as strings), the line each
// starts on, and the lines of malformed rows.
func scanAll(text string) (rows [][]string, lines, bad []int) {
	s := newCSVScanner([]byte(text))
	for {
		line, err, ok := s.scan()
		if !ok {
			return rows, lines, bad
		}
		if err != nil {
			bad = append(bad, line)
			continue
		}
		row := make([]string, s.ncells())
		for i := range row {
			row[i] = string(s.cell(i))
		}
		rows = append(rows, row)
		lines = append(lines, line)
	}
}

func TestCSVScanner(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		rows  [][]string
		lines []int
		bad   []int
	}{
		{name: "plain rows with LF", in: "a,b\n1,2\n", rows: [][]string{{"a", "b"}, {"1", "2"}}, lines: []int{1, 2}},
		{name: "CRLF endings", in: "a,b\r\n1,2\r\n", rows: [][]string{{"a", "b"}, {"1", "2"}}, lines: []int{1, 2}},
		{name: "no final line ending", in: "a,b\n1,2", rows: [][]string{{"a", "b"}, {"1", "2"}}, lines: []int{1, 2}},
		{name: "blank cells", in: "a,,\n,,\n", rows: [][]string{{"a", "", ""}, {"", "", ""}}, lines: []int{1, 2}},
		{name: "blank lines skipped, lines counted", in: "a\n\n\r\nb\n", rows: [][]string{{"a"}, {"b"}}, lines: []int{1, 4}},
		{name: "quoted cell with comma", in: `"a,b",c` + "\n", rows: [][]string{{"a,b", "c"}}, lines: []int{1}},
		{name: "doubled quotes undone", in: `"say ""hi""",x` + "\n", rows: [][]string{{`say "hi"`, "x"}}, lines: []int{1}},
		{name: "quoted line break counts a line", in: "\"a\nb\",c\nd,e\n", rows: [][]string{{"a\nb", "c"}, {"d", "e"}}, lines: []int{1, 3}},
		{name: "quoted cell last with CRLF", in: "x,\"y\"\r\nz,w\r\n", rows: [][]string{{"x", "y"}, {"z", "w"}}, lines: []int{1, 2}},
		{name: "empty quoted cell", in: `a,""` + "\n", rows: [][]string{{"a", ""}}, lines: []int{1}},
		{name: "quoted cell then comma at end", in: `"a",`, rows: [][]string{{"a", ""}}, lines: []int{1}},
		{name: "spaces kept", in: " a , b \n", rows: [][]string{{" a ", " b "}}, lines: []int{1}},
		{name: "lone CR inside a cell kept", in: "a\rb,c\n", rows: [][]string{{"a\rb", "c"}}, lines: []int{1}},
		{name: "bare quote is an error, next line read", in: "a,b\"c\nd,e\n", rows: [][]string{{"d", "e"}}, lines: []int{2}, bad: []int{1}},
		{name: "text after closing quote", in: "\"a\"b,c\nd\n", rows: [][]string{{"d"}}, lines: []int{2}, bad: []int{1}},
		{name: "quote never closes", in: "a\n\"b,c\nd\n", rows: [][]string{{"a"}}, lines: []int{1}, bad: []int{2}},
		{name: "empty text", in: "", rows: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, lines, bad := scanAll(tc.in)
			if diff := cmp.Diff(tc.rows, rows); diff != "" {
				t.Errorf("rows mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.lines, lines); diff != "" {
				t.Errorf("lines mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.bad, bad); diff != "" {
				t.Errorf("malformed lines mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var out []byte
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	} else {
		out = []byte{0xFF, 0xFE}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	const text = "CHILD,SEX\r\n1,M £ 😀\r\n"
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr bool
	}{
		{name: "UTF-8 without BOM", in: []byte(text), want: text},
		{name: "UTF-8 with BOM", in: append([]byte{0xEF, 0xBB, 0xBF}, text...), want: text},
		{name: "UTF-16LE with BOM", in: utf16Bytes(text, false), want: text},
		{name: "UTF-16BE with BOM", in: utf16Bytes(text, true), want: text},
		{name: "UTF-16 with an odd byte", in: append(utf16Bytes("ab", false), 'c'), wantErr: true},
		{name: "UTF-16 with an unpaired surrogate", in: []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, wantErr: true},
		{name: "UTF-16 with a lone low surrogate", in: []byte{0xFF, 0xFE, 0x00, 0xDC}, wantErr: true},
		{name: "UTF-16 without a BOM", in: utf16Bytes(text, false)[2:], wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeText(tc.in)
			if tc.wantErr {
				if !errors.Is(err, ErrMalformed) {
					t.Fatalf("decodeText() error = %v, want ErrMalformed", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("decodeText() error = %v", err)
			}
			if string(got) != tc.want {
				t.Errorf("decodeText() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTableSpecs(t *testing.T) {
	keys := map[string]Table{}
	for _, tb := range Tables() {
		s := specs[tb]
		if specColumn(tb, s.key) < 0 {
			t.Errorf("%s: key %s is not a column", tb, s.key)
		}
		if other, dup := keys[s.key]; dup {
			t.Errorf("%s and %s share the key %s", tb, other, s.key)
		}
		keys[s.key] = tb
		if s.columns[colChild].name != "CHILD" {
			t.Errorf("%s: first column %s, want CHILD", tb, s.columns[0].name)
		}
		// No other table has the key column.
		for _, o := range Tables() {
			if o != tb && specColumn(o, s.key) >= 0 {
				t.Errorf("%s's key %s is also a column of %s", tb, s.key, o)
			}
		}
	}
	checks := []struct {
		t    Table
		col  int
		name string
	}{
		{TableHeader, hdrUASC, "UASC"}, {TableHeader, hdrMCDOB, "MC_DOB"}, {TableEpisodes, epLocation, "PL_LOCATION"},
		{TableEpisodes, epURN, "URN"}, {TableReviews, rvCode, "REVIEW_CODE"}, {TableUASC, uaDUC, "DUC"},
		{TableOC2, oc2Offered, "INTERVENTION_OFFERED"}, {TableOC3, oc3Accom, "ACCOM"}, {TableAD1, adLS, "LS_ADOPTR"},
		{TablePlacedAdoption, paReason, "REASON_PLACED_CEASED"}, {TablePrevPerm, ppDate, "DATE_PERM"},
		{TableMissing, msEnd, "MIS_END"}, {TableSWEpisodes, swReason, "SW_REASON"}, {TableDoLo, dlEnd, "DOLO_END"},
	}
	for _, c := range checks {
		if got := specs[c.t].columns[c.col].name; got != c.name {
			t.Errorf("%s column %d = %s, want %s", c.t, c.col, got, c.name)
		}
	}
	for _, tb := range Tables() {
		if tb == TableEpisodes || tb == TableHeader || tb == TableUASC {
			continue
		}
		if got := specs[tb].columns[colDOB].name; got != "DOB" {
			t.Errorf("%s column 1 = %s, want DOB", tb, got)
		}
	}
	if !strings.Contains(keyColumns(), "DECOM for Episodes") {
		t.Errorf("keyColumns() = %s", keyColumns())
	}
}
