package practice

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

func decodeErrors(err error) []*DecodeError {
	var out []*DecodeError
	var walk func(error)
	walk = func(err error) {
		var de *DecodeError
		if errors.As(err, &de) && errors.Unwrap(err) == de.Err {
			out = append(out, de)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if errors.As(err, &de) {
			out = append(out, de)
		}
	}
	walk(err)
	return out
}

type where struct {
	Record int
	Path   string
	Line   int
}

func wheres(err error) []where {
	var out []where
	for _, de := range decodeErrors(err) {
		out = append(out, where{de.Record, de.Path, de.Line})
	}
	return out
}

func TestDecodeCaseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []where
	}{
		{"valid", `{"format_version":1,"team":"North","child":{"id":"C0001","date_of_birth":"2015-06-01"},"episodes":[]}`, nil},
		{"unknown top-level field", "{\"format_version\":1,\n\"teem\": \"North\"\n}", []where{{0, "teem", 2}}},
		{"unknown nested field, with its path", "{\"format_version\":1,\"child\": {\"id\": \"C1\",\n \"nmae\": \"x\"}}", []where{{0, "child.nmae", 2}}},
		{"bad date in a list", "{\"format_version\":1,\"episodes\": [\n{\"start\": \"2024-01-10\"},\n{\"start\": \"2024-02-30\"}]}", []where{{0, "episodes[1].start", 3}}},
		{"unknown code", `{"format_version":1,"episodes":[{"legal_status":"C9"}]}`, []where{{0, "episodes[0].legal_status", 1}}},
		{"wrong type", `{"format_version":1,"child":{"id":42}}`, []where{{0, "child.id", 1}}},
		{"number for a date", `{"format_version":1,"child":{"date_of_birth":20150601}}`, []where{{0, "child.date_of_birth", 1}}},
		{"object for a list", `{"format_version":1,"episodes":{}}`, []where{{0, "episodes", 1}}},
		{"every fault is reported", "{\"format_version\":1,\"child\":{\"id\":1,\"x\":2},\n\"episodes\":[{\"start\":\"x\"}]}", []where{{0, "child.id", 1}, {0, "child.x", 1}, {0, "episodes[0].start", 2}}},
		{"trailing data", `{} {}`, []where{{0, "", 1}}},
		{"malformed, with the path it is in", `{"child":`, []where{{0, "child", 1}}},
		{"duplicate key, in a nested object", "{\"format_version\":1,\"child\":{\"id\":\"C1\",\n\"id\":\"C2\"}}", []where{{0, "child.id", 2}}},
		{"null at the top level", `null`, []where{{0, "", 1}}},
		{"null for a field is the zero value", `{"format_version":1,"child":null,"episodes":null}`, nil},
		{"no format version", `{"team":"North"}`, []where{{0, "format_version", 1}}},
		{"another format version", `{"format_version":2,"team":"North"}`, []where{{0, "format_version", 1}}},
		{"format version not a number", `{"format_version":"1","team":"North"}`, []where{{0, "format_version", 1}}},
		{"format version nested is unknown", `{"format_version":1,"child":{"format_version":1}}`, []where{{0, "child.format_version", 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase([]byte(tc.in))
			if diff := cmp.Diff(tc.want, wheres(err)); diff != "" {
				t.Errorf("DecodeCase(%s) errors mismatch (-want +got):\n%s\nerror: %v", tc.in, diff, err)
			}
		})
	}
}

func TestDecodeCohort(t *testing.T) {
	jsonl := strings.Join([]string{
		`{"format_version":1,"child":{"id":"C0001","date_of_birth":"2015-06-01"}}`,
		``,
		`{"format_version":1,"child":{"id":"C0002","date_of_birth":"2015-13-01"}}`,
		`{"format_version":1,"child":{"id":"C0003","date_of_birth":"2012-01-01"}}`,
	}, "\n")
	cases, idx, err := DecodeCohort(strings.NewReader(jsonl))
	if diff := cmp.Diff([]where{{1, "child.date_of_birth", 3}}, wheres(err)); diff != "" {
		t.Errorf("JSON Lines errors mismatch (-want +got):\n%s", diff)
	}
	if len(cases) != 2 || cases[1].Care.Child.ID != "C0003" || !cmp.Equal(idx, []int{0, 2}) {
		t.Errorf("JSON Lines kept %d cases, indexes %v", len(cases), idx)
	}
	single := "{\n  \"format_version\": 1,\n  \"child\": {\"id\": \"C0009\"},\n  \"episodes\": []\n}\n"
	cases, idx, err = DecodeCohort(strings.NewReader(single))
	if err != nil || len(cases) != 1 || cases[0].Care.Child.ID != "C0009" || !cmp.Equal(idx, []int{0}) {
		t.Errorf("a single laid-out case: %d cases, %v, %v", len(cases), idx, err)
	}
	array := "[\n  {\"format_version\":1,\"child\":{\"id\":\"C0001\"}},\n  {\"format_version\":1,\"child\":{\"id\":\"C0002\", \"bad\": 1}},\n  {\"format_version\":1,\"child\":{\"id\":\"C0003\"}}\n]"
	cases, idx, err = DecodeCohort(strings.NewReader(array))
	if diff := cmp.Diff([]where{{1, "child.bad", 3}}, wheres(err)); diff != "" {
		t.Errorf("array errors mismatch (-want +got):\n%s", diff)
	}
	if len(cases) != 2 || !cmp.Equal(idx, []int{0, 2}) {
		t.Errorf("array kept %d cases, indexes %v", len(cases), idx)
	}
}

// TestCaseRoundTrip checks decode(encode(c)) == c for a synthetic cohort,
// and that encoding is stable byte for byte.
func TestCaseRoundTrip(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 42, Children: 60})
	for _, c := range coh.Cases {
		first, err := EncodeCase(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeCase(first)
		if err != nil {
			t.Fatalf("%s: DecodeCase(EncodeCase) = %v", c.Care.Child.ID, err)
		}
		second, err := EncodeCase(back)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(first), string(second)); diff != "" {
			t.Fatalf("%s: round trip changed the encoding (-first +second):\n%s", c.Care.Child.ID, diff)
		}
		if err := back.Validate(); err != nil {
			t.Errorf("%s: decoded case is invalid: %v", c.Care.Child.ID, err)
		}
	}
	var buf strings.Builder
	if err := EncodeCohort(&buf, coh.Cases); err != nil {
		t.Fatal(err)
	}
	cases, _, err := DecodeCohort(strings.NewReader(buf.String()))
	if err != nil || len(cases) != len(coh.Cases) {
		t.Fatalf("DecodeCohort(EncodeCohort) = %d cases, %v", len(cases), err)
	}
}

// element is one element of ReadCohort's sequence: a case's child ID, or
// an error.
type element struct {
	ID  string
	Err error
}

func readCohort(r io.Reader) []element {
	var out []element
	for c, err := range ReadCohort(r) {
		out = append(out, element{c.Care.Child.ID, err})
	}
	return out
}

// okCase is a valid one-line case for child id.
func okCase(id string) string {
	return `{"format_version": 1, "team": "North", "child": {"id": "` + id + `", "date_of_birth": "2015-06-01"}}`
}

// onlyDecodeError returns the single *DecodeError that err holds, failing
// the test if it holds anything else.
func onlyDecodeError(t *testing.T, err error) *DecodeError {
	t.Helper()
	des := decodeErrors(err)
	if len(des) != 1 {
		t.Fatalf("want one *DecodeError, got %d: %v", len(des), err)
	}
	return des[0]
}

func TestDecodeCohortArraySyntaxErrorKeepsEarlierCases(t *testing.T) {
	array := "[\n" + okCase("C1") + ",\n" + okCase("C2") + ",\n" +
		`{"format_version": 1, "team": "North" "child": {"id": "C3"}},` + "\n" + okCase("C4") + "\n]\n"
	cases, idx, err := DecodeCohort(strings.NewReader(array))
	if len(cases) != 2 || cases[0].Care.Child.ID != "C1" || cases[1].Care.Child.ID != "C2" || !cmp.Equal(idx, []int{0, 1}) {
		t.Errorf("DecodeCohort kept %d cases, indexes %v; want C1 and C2, [0 1]", len(cases), idx)
	}
	de := onlyDecodeError(t, err)
	if want := (where{Record: 2, Line: 4}); (where{de.Record, de.Path, de.Line}) != want || de.Column != 39 {
		t.Errorf("error at record %d, line %d, column %d, path %q; want record 2, line 4, column 39, top level", de.Record, de.Line, de.Column, de.Path)
	}
	if !strings.Contains(de.Error(), "malformed JSON: want , or } after the value of team") {
		t.Errorf("error = %v, want it to say what is malformed", de)
	}
	// The sequence ends at the syntax error: the records after it are
	// not read as cases.
	if got := readCohort(strings.NewReader(array)); len(got) != 3 || got[2].Err == nil {
		t.Errorf("ReadCohort gave %v, want C1, C2 and the error", got)
	}

	tests := []struct {
		name string
		in   string
		ids  int // cases kept
		want where
	}{
		{"missing comma between cases", "[" + okCase("C1") + "\n" + okCase("C2") + "]", 1, where{1, "", 2}},
		{"array not closed", "[" + okCase("C1") + ",\n" + okCase("C2"), 2, where{2, "", 2}},
		{"comma before the end", "[" + okCase("C1") + ",\n]", 1, where{1, "", 2}},
		{"case not closed", "[" + okCase("C1") + ",\n" + `{"format_version": 1, "child": {"id": "C2"}`, 1, where{1, "", 2}},
		{"a bad string in the second case", "[" + okCase("C1") + ",\n" + `{"format_version": 1, "team": "a` + "\n" + `b"}]`, 1, where{1, "team", 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cases, _, err := DecodeCohort(strings.NewReader(tc.in))
			if len(cases) != tc.ids {
				t.Errorf("kept %d cases, want %d", len(cases), tc.ids)
			}
			if diff := cmp.Diff([]where{tc.want}, wheres(err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestDecodeCohortArrayPositions checks that an error in a later case of
// an array on one line has the column in the line, not in the case.
func TestDecodeCohortArrayPositions(t *testing.T) {
	in := `[{"format_version":1}, {"format_version":1,"teem":1}]`
	_, _, err := DecodeCohort(strings.NewReader(in))
	de := onlyDecodeError(t, err)
	if want := strings.Index(in, `"teem"`) + 1; de.Record != 1 || de.Line != 1 || de.Column != want || de.Path != "teem" {
		t.Errorf("error %v; want record 1, line 1, column %d, path teem", de, want)
	}
}

func TestReadCohortTruncatedPrettyCaseIsOneError(t *testing.T) {
	data, err := os.ReadFile("testdata/hostile/truncated-pretty.json")
	if err != nil {
		t.Fatal(err)
	}
	got := readCohort(bytes.NewReader(data))
	if len(got) != 1 {
		t.Fatalf("ReadCohort gave %d elements, want one error: %v", len(got), got)
	}
	de := onlyDecodeError(t, got[0].Err)
	lines := strings.Count(string(data), "\n") + 1
	if de.Line != lines || de.Path != "episodes[1].start" || !strings.Contains(de.Error(), "unexpected end of input") {
		t.Errorf("error %v; want the end of the input, line %d, in episodes[1].start", de, lines)
	}

	// A syntax error in the middle of a laid-out case is one error too,
	// where it is.
	broken := strings.Replace(string(data[:bytes.LastIndex(data, []byte("{"))]), `"team": "North",`, `"team": "North"`, 1)
	got = readCohort(strings.NewReader(broken))
	if len(got) != 1 {
		t.Fatalf("ReadCohort gave %d elements, want one error: %v", len(got), got)
	}
	if de := onlyDecodeError(t, got[0].Err); de.Line != 4 || !strings.Contains(de.Error(), "after the value of team") {
		t.Errorf("error %v; want line 4, after team", de)
	}

	// A JSON Lines file whose first line is broken is still JSON Lines:
	// the next line starts a new case where the first could not go on.
	jsonl := `{"format_version": 1, "child": {"id": "C1"},` + "\n" + okCase("C2") + "\n" + okCase("C3") + "\n"
	want := []string{"", "C2", "C3"}
	got = readCohort(strings.NewReader(jsonl))
	if len(got) != 3 || got[0].Err == nil || got[1].ID != want[1] || got[2].ID != want[2] {
		t.Errorf("ReadCohort(JSON Lines with a broken first line) = %v, want an error, C2, C3", got)
	}
}

func TestReadCohortTrailingDataKeepsTheCase(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want where // of the error about the trailing data
	}{
		{"after a laid-out case", "{\n  \"format_version\": 1,\n  \"child\": {\"id\": \"C1\"}\n}\nthis is not JSON\n", where{1, "", 5}},
		{"on the line of a one-line case", okCase("C1") + " }", where{1, "", 1}},
		{"on the line after a one-line case", okCase("C1") + "\nxyz\n", where{1, "", 2}},
		{"after an array", "[" + okCase("C1") + "]\n[]", where{1, "", 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cases, idx, err := DecodeCohort(strings.NewReader(tc.in))
			if len(cases) != 1 || cases[0].Care.Child.ID != "C1" || !cmp.Equal(idx, []int{0}) {
				t.Errorf("kept %d cases, indexes %v; want C1 at 0", len(cases), idx)
			}
			if diff := cmp.Diff([]where{tc.want}, wheres(err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
	// DecodeCase reads exactly one case: trailing data is an error.
	if _, err := DecodeCase([]byte(okCase("C1") + " x")); err == nil {
		t.Errorf("DecodeCase with trailing data: no error")
	}
}

func TestDecodeCaseDuplicateKeys(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []where
	}{
		{"top level", "{\"format_version\": 1, \"team\": \"N\",\n\"team\": \"S\"}", []where{{0, "team", 2}}},
		{"format_version twice", "{\"format_version\": 1,\n\"format_version\": 1}", []where{{0, "format_version", 2}}},
		{"in a list element", "{\"format_version\": 1, \"episodes\": [{\"start\": \"2024-01-01\",\n\"start\": \"2024-01-02\"}]}", []where{{0, "episodes[0].start", 2}}},
		{"same key in two objects is not a duplicate", `{"format_version": 1, "episodes": [{"start": "2024-01-01"}, {"start": "2024-01-02"}]}`, nil},
		{"same key at two levels is not a duplicate", `{"format_version": 1, "supervision": {"directions": [{"id": "D1"}]}, "child": {"id": "C1"}}`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase([]byte(tc.in))
			if diff := cmp.Diff(tc.want, wheres(err)); diff != "" {
				t.Errorf("DecodeCase(%s) errors mismatch (-want +got):\n%s\nerror: %v", tc.in, diff, err)
			}
			if tc.want != nil && (!errors.Is(err, errDuplicateKey) || !strings.Contains(err.Error(), "on line 1")) {
				t.Errorf("error %v; want a duplicate field, first given on line 1", err)
			}
		})
	}
}

func TestDecodeNullAndEmptyInput(t *testing.T) {
	for _, in := range []string{"null", " null\n"} {
		_, err := DecodeCase([]byte(in))
		if de := onlyDecodeError(t, err); de.Path != "" || de.Err.Error() != "want an object, got null" {
			t.Errorf("DecodeCase(%q) = %v, want \"want an object, got null\"", in, err)
		}
		if got := readCohort(strings.NewReader(in)); len(got) != 1 || !strings.Contains(fmt.Sprint(got[0].Err), "want an object, got null") {
			t.Errorf("ReadCohort(%q) = %v, want \"want an object, got null\"", in, got)
		}
	}
	for _, in := range []string{"", " \n\t\r\n", "[]", " [ \n ]\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"} {
		cases, idx, err := DecodeCohort(strings.NewReader(in))
		if err != ErrEmpty || cases != nil || idx != nil {
			t.Errorf("DecodeCohort(%q) = %d cases, %v; want ErrEmpty", in, len(cases), err)
		}
		if got := readCohort(strings.NewReader(in)); len(got) != 1 || got[0].Err != ErrEmpty {
			t.Errorf("ReadCohort(%q) = %v, want ErrEmpty alone", in, got)
		}
		if strings.HasPrefix(strings.TrimSpace(in), "[") {
			continue
		}
		var de *DecodeError
		if _, err := DecodeCase([]byte(in)); !errors.Is(err, ErrEmpty) || !errors.As(err, &de) {
			t.Errorf("DecodeCase(%q) = %v, want a *DecodeError wrapping ErrEmpty", in, err)
		}
	}
	// An input with no case but with an error is not empty: the error is
	// what the caller needs.
	if _, _, err := DecodeCohort(strings.NewReader("[] x")); err == nil || errors.Is(err, ErrEmpty) {
		t.Errorf("DecodeCohort(\"[] x\") = %v, want the trailing data, not ErrEmpty", err)
	}
}

func TestDecodeNilInputs(t *testing.T) {
	if _, _, err := DecodeCohort(nil); err == nil {
		t.Error("DecodeCohort(nil): no error")
	}
	if got := readCohort(nil); len(got) != 1 || got[0].Err == nil {
		t.Errorf("ReadCohort(nil) = %v, want one error", got)
	}
	if _, err := DecodeCase(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("DecodeCase(nil) = %v, want ErrEmpty", err)
	}
	if _, err := DecodeStandards(nil); err == nil {
		t.Error("DecodeStandards(nil): no error")
	}
}

func TestDecodeEncodings(t *testing.T) {
	bom := "\xEF\xBB\xBF"
	t.Run("UTF-8 byte order mark accepted", func(t *testing.T) {
		c, err := DecodeCase([]byte(bom + okCase("C1")))
		if err != nil || c.Care.Child.ID != "C1" {
			t.Errorf("DecodeCase(BOM + case) = %v, %v", c.Care.Child.ID, err)
		}
		for _, in := range []string{bom + okCase("C1") + "\n" + okCase("C2"), bom + "[" + okCase("C1") + "," + okCase("C2") + "]"} {
			if cases, _, err := DecodeCohort(strings.NewReader(in)); err != nil || len(cases) != 2 {
				t.Errorf("DecodeCohort(BOM + cohort) = %d cases, %v", len(cases), err)
			}
		}
		// Columns on the first line are counted after the mark.
		_, err = DecodeCase([]byte(bom + `{"teem": 1}`))
		if de := decodeErrors(err); len(de) == 0 || de[0].Column != 2 {
			t.Errorf("DecodeCase(BOM + unknown field) = %v, want column 2", err)
		}
	})
	t.Run("UTF-16 refused", func(t *testing.T) {
		for name, in := range map[string]string{
			"little-endian": "\xFF\xFE{\x00\"\x00",
			"big-endian":    "\xFE\xFF\x00{\x00\"",
		} {
			_, err := DecodeCase([]byte(in))
			if err == nil || !strings.Contains(err.Error(), "UTF-16 is not supported; save as UTF-8") {
				t.Errorf("DecodeCase(UTF-16 %s) = %v", name, err)
			}
			if got := readCohort(strings.NewReader(in)); len(got) != 1 || !strings.Contains(fmt.Sprint(got[0].Err), "UTF-16 is not supported; save as UTF-8") {
				t.Errorf("ReadCohort(UTF-16 %s) = %v", name, got)
			}
		}
	})
	t.Run("invalid UTF-8 names the field", func(t *testing.T) {
		in := "{\"format_version\": 1, \"team\": \"North \xff\", \"child\": {\"id\": \"C1\", \"name\": \"Al\xe9x\"},\n\"episodes\": [{\"home_postcode\": \"\xc3\"}]}"
		_, err := DecodeCase([]byte(in))
		if diff := cmp.Diff([]where{{0, "team", 1}, {0, "child.name", 1}, {0, "episodes[0].home_postcode", 2}}, wheres(err)); diff != "" {
			t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
		}
		if msg := err.Error(); !utf8.ValidString(msg) || strings.ContainsRune(msg, utf8.RuneError) {
			t.Errorf("error message is not clean UTF-8: %q", msg)
		}
	})
	t.Run("escapes that are not characters", func(t *testing.T) {
		for _, esc := range []string{`\ud800`, `\udc00`, `\ud800\u0041`, `\ud800x`} {
			_, err := DecodeCase([]byte(`{"format_version": 1, "team": "a` + esc + `"}`))
			if diff := cmp.Diff([]where{{0, "team", 1}}, wheres(err)); diff != "" {
				t.Errorf("team %s: errors mismatch (-want +got):\n%s", esc, diff)
			}
		}
	})
	t.Run("real characters are kept as they are", func(t *testing.T) {
		c, err := DecodeCase([]byte(`{"format_version": 1, "team": "\ud83d\ude00 \u00e9 \ufffd é"}`))
		if want := "\U0001F600 é \uFFFD é"; err != nil || c.Team != want {
			t.Errorf("DecodeCase = %q, %v; want %q", c.Team, err, want)
		}
	})
}

func TestDecodeLimits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []where
		msg  string // in the error
	}{
		{"a 401-digit distance", `{"format_version":1,"episodes":[{"distance_miles":` + strings.Repeat("9", 401) + `}]}`,
			[]where{{0, "episodes[0].distance_miles", 1}}, "longer than the limit of 32 characters"},
		{"a 401-digit distance in a string", `{"format_version":1,"episodes":[{"distance_miles":"` + strings.Repeat("9", 401) + `"}]}`,
			[]where{{0, "episodes[0].distance_miles", 1}}, "longer than the limit of 32 characters"},
		{"a distance that is 41 digits written out", `{"format_version":1,"episodes":[{"distance_miles":"1e40"}]}`,
			[]where{{0, "episodes[0].distance_miles", 1}}, "32 characters, written out in full"},
		{"a 33-digit score", `{"format_version":1,"sdqs":[{"score":` + strings.Repeat("1", 33) + `}]}`,
			[]where{{0, "sdqs[0].score", 1}}, "longer than the limit of 32 characters"},
		{"a 32-character distance", `{"format_version":1,"episodes":[{"distance_miles":"12345678901234567890.1234567890"}]}`, nil, ""},
		{"a string of 64 KiB", `{"format_version":1,"team":"` + strings.Repeat("a", 64<<10) + `"}`, nil, ""},
		{"a string of 64 KiB written with escapes", `{"format_version":1,"team":"` + strings.Repeat(`\u0041`, 64<<10) + `"}`, nil, ""},
		{"a string one byte over 64 KiB", `{"format_version":1,"team":"` + strings.Repeat("a", 64<<10+1) + `"}`,
			[]where{{0, "team", 1}}, "string longer than the limit of 65536 bytes"},
		{"a key over 64 KiB", `{"format_version":1,"` + strings.Repeat("k", 64<<10+1) + `":1}`,
			[]where{{0, "", 1}}, "string longer than the limit of 65536 bytes"},
		{"nested 64 deep", `{"format_version":1,"x":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`,
			[]where{{0, "x", 1}}, "unknown field"},
		{"nested 65 deep", `{"format_version":1,"x":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`,
			[]where{{0, "x", 1}, {0, "x[0][0][0][0][0]…55 more…[0][0][0]", 1}}, "nested deeper than the limit of 64 levels"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase([]byte(tc.in))
			if diff := cmp.Diff(tc.want, wheres(err)); diff != "" {
				t.Errorf("DecodeCase errors mismatch (-want +got):\n%s", diff)
			}
			if err != nil && !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("DecodeCase error = %.300v, want it to say %q", err, tc.msg)
			}
			// The same through the cohort reader, as JSON Lines and as an
			// array, which cut a record off at a limit.
			for _, in := range []string{tc.in + "\n" + okCase("C2"), "[" + tc.in + ",\n" + okCase("C2") + "]"} {
				cases, _, err := DecodeCohort(strings.NewReader(in))
				if diff := cmp.Diff(tc.want, wheres(err)); diff != "" {
					t.Errorf("DecodeCohort(%.20s…) errors mismatch (-want +got):\n%s", in, diff)
				}
				if n := len(cases); n != 2-min(len(tc.want), 1) || cases[n-1].Care.Child.ID != "C2" {
					t.Errorf("DecodeCohort(%.20s…) kept %d cases, want the good ones", in, n)
				}
			}
		})
	}
}

func TestIdentifyingFields(t *testing.T) {
	for path, want := range map[string]bool{
		"child.date_of_birth":            true,
		"child.upn":                      true,
		"child.name":                     true,
		"episodes[3].home_postcode":      true,
		"episodes[0].placement_postcode": true,
		"care_plans[0].iro_name":         true,
		"child.id":                       false,
		"team":                           false,
		"episodes[0].start":              false,
		"date_of_birth_note":             false,
	} {
		if got := identifying(path); got != want {
			t.Errorf("identifying(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestDecodeErrorsDoNotEchoValues(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		path    string
		msg     string // the whole of the error's own message
		secrets []string
		is      error
	}{
		{"date of birth in another form", `{"format_version":1,"child":{"date_of_birth":"31/01/2015"}}`,
			"child.date_of_birth", "not a date in YYYY-MM-DD form", []string{"31/01", "2015"}, care.ErrInvalidDate},
		{"date of birth that does not exist", `{"format_version":1,"child":{"date_of_birth":"2014-02-30"}}`,
			"child.date_of_birth", "not a date in YYYY-MM-DD form", []string{"2014"}, care.ErrInvalidDate},
		{"invalid UTF-8 in a name", "{\"format_version\":1,\"child\":{\"name\":\"Al\xe9x Smith\"}}",
			"child.name", "text that is not UTF-8 (save the file as UTF-8)", []string{"Al", "Smith"}, nil},
		{"a long code, cut short", `{"format_version":1,"episodes":[{"legal_status":"` + strings.Repeat("C2 ", 60) + `"}]}`,
			"episodes[0].legal_status", `care: parsing "C2 C2 C2 C2 C2 C2 C2"… as legal status: care: unknown code`, nil, care.ErrUnknownCode},
		{"a long date, cut short", `{"format_version":1,"episodes":[{"start":"2024-01-01T00:00:00Z and more"}]}`,
			"episodes[0].start", `care: parsing "2024-01-01T00:00:00Z"… as date: care: invalid date: want YYYY-MM-DD`, nil, care.ErrInvalidDate},
		{"a bad decimal, cut short", `{"format_version":1,"episodes":[{"distance_miles":"twelve and a half miles"}]}`,
			"episodes[0].distance_miles", `want a decimal number, got "twelve and a half mi"…`, nil, nil},
		{"a long number that does not fit", `{"format_version":1,"sdqs":[{"score":123456789012345678901234567890}]}`,
			"sdqs[0].score", `want a whole number that fits int, got "12345678901234567890"…`, nil, nil},
		{"a long unknown key", `{"format_version":1,"` + strings.Repeat("x", 300) + `":1}`,
			`"xxxxxxxxxxxxxxxxxxxx"…`, "unknown field", nil, ErrUnknownField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase([]byte(tc.in))
			de := onlyDecodeError(t, err)
			if de.Path != tc.path || de.Err.Error() != tc.msg {
				t.Errorf("error at %q: %q; want at %q: %q", de.Path, de.Err, tc.path, tc.msg)
			}
			for _, s := range tc.secrets {
				if strings.Contains(err.Error(), s) {
					t.Errorf("error %q shows %q", err, s)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
		})
	}
}

func TestReadCohortJSONLinesIsolatesRecords(t *testing.T) {
	in := okCase("C1") + "\n\n" + `{"format_version": 1, "child": {"id": "C2"` + "\n" +
		`{"format_version": 1, "child": {"id": "C3", "date_of_birth": "2015-13-01"}}` + "\r\n" +
		"[1, 2]\n" + okCase("C5") + "\n"
	cases, idx, err := DecodeCohort(strings.NewReader(in))
	if len(cases) != 2 || cases[0].Care.Child.ID != "C1" || cases[1].Care.Child.ID != "C5" || !cmp.Equal(idx, []int{0, 4}) {
		t.Errorf("kept %d cases, indexes %v; want C1 and C5 at 0 and 4", len(cases), idx)
	}
	want := []where{{1, "child", 3}, {2, "child.date_of_birth", 4}, {3, "", 5}}
	if diff := cmp.Diff(want, wheres(err)); diff != "" {
		t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}
}

// failingReader gives data, and then err.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadCohortReadError(t *testing.T) {
	broken := errors.New("disk on fire")
	for _, in := range []string{okCase("C1") + "\n" + okCase("C2") + "\n", "[" + okCase("C1") + ",\n" + okCase("C2") + ",", ""} {
		got := readCohort(&failingReader{[]byte(in), broken})
		last := got[len(got)-1]
		if !errors.Is(last.Err, broken) {
			t.Errorf("ReadCohort(%.20s… then an error) ends with %v, want the read error", in, last.Err)
		}
		for _, e := range got[:len(got)-1] {
			if e.Err != nil {
				t.Errorf("ReadCohort(%.20s… then an error): %v before the read error", in, e.Err)
			}
		}
	}
	// Stopping early is fine.
	for range ReadCohort(strings.NewReader(okCase("C1") + "\n" + okCase("C2"))) {
		break
	}
}

// hostile lists every file in testdata/hostile with what reading it as a
// cohort must give: the cases kept, and where each error is, with a part
// of its message.
var hostile = []struct {
	file  string
	ids   []string
	where []where
	msgs  []string
}{
	{"array-syntax-error.json", []string{"C0001", "C0002"}, []where{{2, "", 4}}, []string{"malformed JSON: want , or } after the value of team"}},
	{"truncated-pretty.json", nil, []where{{0, "episodes[1].start", 16}}, []string{"malformed JSON: unexpected end of input"}},
	{"trailing-garbage.json", []string{"C0006"}, []where{{1, "", 5}}, []string{"unexpected data after the last case"}},
	{"duplicate-key.json", nil, []where{{0, "child.id", 6}}, []string{"duplicate field: the object already has it on line 4"}},
	{"null.json", nil, []where{{0, "", 1}}, []string{"want an object, got null"}},
	{"empty.json", nil, nil, nil},
	{"whitespace.json", nil, nil, nil},
	{"empty-array.json", nil, nil, nil},
	{"utf8-bom.json", []string{"C0009"}, nil, nil},
	{"utf16le-bom.json", nil, []where{{0, "", 1}}, []string{"UTF-16 is not supported; save as UTF-8"}},
	{"utf16be-bom.json", nil, []where{{0, "", 1}}, []string{"UTF-16 is not supported; save as UTF-8"}},
	{"invalid-utf8.json", nil, []where{{0, "team", 1}, {0, "child.name", 1}}, []string{"text that is not UTF-8", "text that is not UTF-8"}},
	{"lone-surrogate.json", nil, []where{{0, "team", 1}}, []string{"half a UTF-16 pair"}},
	{"control-character.json", nil, []where{{0, "team", 1}}, []string{"malformed JSON: a tab inside a string"}},
	{"single-quotes.json", nil, []where{{0, "", 1}}, []string{"JSON strings take double quotes"}},
	{"long-number.json", nil, []where{{0, "episodes[0].distance_miles", 1}}, []string{"number longer than the limit of 32 characters"}},
	{"deep-nesting.json", nil, []where{{0, "notes", 1}, {0, "notes[0][0][0][0][0]…55 more…[0][0][0]", 1}}, []string{"unknown field", "nested deeper than the limit of 64 levels"}},
	{"bad-date-of-birth.json", nil, []where{{0, "child.date_of_birth", 1}}, []string{"not a date in YYYY-MM-DD form"}},
	{"long-value.json", nil, []where{{0, "episodes[0].legal_status", 1}}, []string{`"C2 C2 C2 C2 C2 C2 C2"…`}},
	{"long-key.json", nil, []where{{0, `"xxxxxxxxxxxxxxxxxxxx"…`, 1}}, []string{"unknown field"}},
	{"many-errors.json", nil, nil, []string{"more than 100 errors in this record"}},
	{"top-level-string.json", nil, []where{{0, "", 1}}, []string{"want an object, got a string"}},
	{"jsonl-bad-line.jsonl", []string{"C0022", "C0024"}, []where{{1, "child", 2}}, []string{"unexpected end of input"}},
}

func TestHostileFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, h := range hostile {
		listed[h.file] = true
	}
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not listed in the test", f)
		}
	}
	for _, h := range hostile {
		t.Run(h.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/hostile", h.file))
			if err != nil {
				t.Fatal(err)
			}
			cases, _, err := DecodeCohort(bytes.NewReader(data))
			var ids []string
			for _, c := range cases {
				ids = append(ids, c.Care.Child.ID)
			}
			if diff := cmp.Diff(h.ids, ids); diff != "" {
				t.Errorf("cases kept mismatch (-want +got):\n%s", diff)
			}
			if h.ids == nil && h.where == nil && h.msgs == nil {
				if err != ErrEmpty {
					t.Errorf("error = %v, want ErrEmpty", err)
				}
				return
			}
			des := decodeErrors(err)
			if h.file == "many-errors.json" {
				if len(des) != maxErrors+1 || !strings.Contains(des[maxErrors].Error(), h.msgs[0]) {
					t.Errorf("%d errors, the last %v; want %d and one saying there were more", len(des), des[len(des)-1], maxErrors+1)
				}
				return
			}
			if diff := cmp.Diff(h.where, wheres(err)); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			for i, de := range des {
				if i < len(h.msgs) && !strings.Contains(de.Error(), h.msgs[i]) {
					t.Errorf("error %d = %v, want it to say %q", i, de, h.msgs[i])
				}
			}
		})
	}
}

// allocated returns the bytes f allocates on the heap: an upper bound on
// the memory it holds at any one time.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestDecodeLargeInputs feeds the decoder inputs far beyond any real case
// and checks that it refuses the hostile ones at once, and decodes the
// merely large one, each within a stated memory bound.
func TestDecodeLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs: skipped with -short")
	}
	const MB = 1 << 20
	DecodeCase([]byte(okCase("C0"))) // set up the decoder's tables before measuring
	longString := []byte(`{"format_version":1,"team":"` + strings.Repeat("a", 50*MB) + `"}`)
	deep := []byte(strings.Repeat("[", 100000) + strings.Repeat("]", 100000))
	deepInCase := []byte(`{"format_version":1,"x":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`)

	refused := []struct {
		name  string
		data  []byte
		msg   string
		bound uint64 // bytes allocated, at most
	}{
		// Beyond the input, which the caller holds, the decoder allocates
		// only its errors: it stops at the limit.
		{"a 50 MB string", longString, "string longer than the limit", 64 << 10},
		{"100,000 nested arrays", deep, "nested deeper than the limit", 64 << 10},
		{"100,000 nested arrays in a case", deepInCase, "nested deeper than the limit", 64 << 10},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = DecodeCase(tc.data) })
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("DecodeCase = %.200v, want %q", err, tc.msg)
			}
			if n > tc.bound {
				t.Errorf("DecodeCase allocated %d bytes, want at most %d", n, tc.bound)
			}
			// The cohort reader holds a record only up to the limit it
			// breaks (6 × 64 KiB for a string, written with escapes), and
			// reads the rest without keeping it: at most 2 MiB in all.
			var got []element
			n = allocated(func() { got = readCohort(bytes.NewReader(tc.data)) })
			if len(got) != 1 || got[0].Err == nil || !strings.Contains(got[0].Err.Error(), tc.msg) {
				t.Errorf("ReadCohort = %.200v, want %q", got, tc.msg)
			}
			if n > 2*MB {
				t.Errorf("ReadCohort allocated %d bytes, want at most 2 MiB", n)
			}
		})
	}

	t.Run("a case with 100,000 visits", func(t *testing.T) {
		c := Case{Care: care.Record{
			Child:    care.Child{ID: "C1", DateOfBirth: care.MustDate(2010, 1, 1)},
			Episodes: []care.Episode{{Start: care.MustDate(2011, 1, 1), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU1}},
		}}
		for i := range 100000 {
			d := care.MustDate(2011, 1, 2).AddDays(i / 20)
			c.Care.Visits = append(c.Care.Visits, care.Visit{Date: d, Kind: care.VisitKindStatutory, ChildSeen: true, WrittenUp: d.AddDays(1)})
		}
		data, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		// Decoding allocates the case, whose list of 100,000 visits
		// encoding/json grows a quarter at a time, and little else: at
		// most six times the size of the input (8.5 MB).
		var back Case
		n := allocated(func() { back, err = DecodeCase(data) })
		if err != nil || len(back.Care.Visits) != 100000 {
			t.Fatalf("DecodeCase = %d visits, %v", len(back.Care.Visits), err)
		}
		if bound := 6 * uint64(len(data)); n > bound {
			t.Errorf("DecodeCase of %d bytes allocated %d bytes, want at most %d", len(data), n, bound)
		}
		var got []element
		n = allocated(func() { got = readCohort(bytes.NewReader(data)) })
		if len(got) != 1 || got[0].Err != nil {
			t.Fatalf("ReadCohort = %v", got)
		}
		// The same, and the record, in a buffer that doubles as it grows.
		if bound := 9 * uint64(len(data)); n > bound {
			t.Errorf("ReadCohort of %d bytes allocated %d bytes, want at most %d", len(data), n, bound)
		}
		// Assessing it makes a few findings per visit (two here, of 88
		// bytes each, in slices that double as they grow, then the report
		// cut to size) and little else: at most 1 KiB a visit.
		var rep care.Report
		n = allocated(func() { rep, err = Assess(back, care.MustDate(2025, 1, 1), Standards{}, care.EnglandAndWales()) })
		if err != nil || len(rep.ForRule(care.VIS02)) == 0 {
			t.Fatalf("Assess = %d VIS-02 findings, %v", len(rep.ForRule(care.VIS02)), err)
		}
		t.Logf("Assess of %d visits: %d findings, %d bytes allocated", len(back.Care.Visits), len(rep), n)
		if bound := uint64(len(back.Care.Visits)) << 10; n > bound {
			t.Errorf("Assess of %d visits allocated %d bytes, want at most %d", len(back.Care.Visits), n, bound)
		}
	})

	t.Run("a record over 32 MiB in JSON Lines", func(t *testing.T) {
		// Generated as it is read: the input is never held whole.
		huge := io.MultiReader(strings.NewReader(okCase("C1")+"\n"+`{"format_version":1,"x":[0`),
			&repeatReader{[]byte(",0"), 17 * MB}, strings.NewReader("]}\n"+okCase("C3")+"\n"))
		var got []element
		n := allocated(func() { got = readCohort(huge) })
		if len(got) != 3 || got[0].ID != "C1" || got[2].ID != "C3" || !strings.Contains(fmt.Sprint(got[1].Err), "record longer than the limit of 32 MiB") {
			t.Errorf("ReadCohort = %.300v; want C1, the record's error, C3", got)
		}
		// The record is held up to the limit, in a buffer that doubles
		// as it grows: at most four times the limit.
		if n > 128*MB {
			t.Errorf("ReadCohort allocated %d MiB, want at most 128", n/MB)
		}
	})
}

// repeatReader gives p, n times.
type repeatReader struct {
	p []byte
	n int
}

func (r *repeatReader) Read(b []byte) (int, error) {
	total := 0
	for r.n > 0 && len(b)-total >= len(r.p) {
		total += copy(b[total:], r.p)
		r.n--
	}
	if total == 0 && r.n == 0 {
		return 0, io.EOF
	}
	return total, nil
}
