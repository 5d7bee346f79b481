package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"

	"github.com/lookedafter/practice/examples/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the embedded cohort and the golden files")

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stdin  string
		golden string
		code   int
	}{
		{"embedded cohort, default date", nil, "", "default.golden", 0},
		{"embedded cohort as JSON", []string{"-format", "json", "-top", "3"}, "", "default.json.golden", 0},
		{"embedded cohort as HTML", []string{"-format", "html", "-top", "3"}, "", "default.html.golden", 0},
		{"a year earlier, stricter visits", []string{"-asof", "2025-12-01", "-standards", "testdata/standards.json", "-top", "3"}, "", "stricter.golden", 0},
		{"a cohort file with bad records, from stdin", []string{"-top", "2", "-"}, "", "badfile.golden", 1},
		{"an SSDA903 return", []string{"-top", "3", exampleReturn}, "", "return.golden", 0},
		{"an SSDA903 return as JSON", []string{"-top", "1", "-format", "json", exampleReturn}, "", "return.json.golden", 0},
		{"an SSDA903 return with last year's (the same files: every row is once)", []string{"-top", "1", "-last", exampleReturn, exampleReturn}, "", "return.last.golden", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdin bytes.Buffer
			if tc.golden == "badfile.golden" {
				stdin.WriteString(badCohort(t))
			}
			var out, errOut bytes.Buffer
			code := run(tc.args, &stdin, &out, &errOut)
			if code != tc.code {
				t.Fatalf("run(%q) = %d, want %d; stderr:\n%s", tc.args, code, tc.code, errOut.String())
			}
			got := out.String()
			if errOut.Len() > 0 {
				got += "--- stderr\n" + errOut.String()
			}
			golden.Check(t, filepath.Join("testdata", tc.golden), got, *update)
		})
	}
}

// badCohort is three synthetic cases as JSON Lines: the first valid, the
// second with an unknown field and a bad date, the third with an episode
// that ends before it starts.
func badCohort(t *testing.T) string {
	t.Helper()
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 7, Children: 3, AsOf: care.MustDate(2026, 12, 1)})
	coh.Cases[2].Care.Episodes[0].End = coh.Cases[2].Care.Episodes[0].Start.AddDays(-1)
	var b bytes.Buffer
	if err := practice.EncodeCohort(&b, coh.Cases); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	lines[1] = strings.Replace(lines[1], `"team":`, `"teem":"x","team":`, 1)
	lines[1] = strings.Replace(lines[1], `"date_of_birth":"`, `"date_of_birth":"2010-02-30","x_dob":"`, 1)
	return strings.Join(lines, "\n")
}

func TestRunBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad date", []string{"-asof", "01/12/2026"}, `casework: -asof "01/12/2026": want a date YYYY-MM-DD`},
		{"impossible date", []string{"-asof", "2025-02-30"}, `casework: -asof "2025-02-30": want a date YYYY-MM-DD: care: invalid date: no such day` + "\n"},
		{"bad format", []string{"-format", "xml"}, `casework: -format "xml"`},
		{"negative top", []string{"-top", "-1"}, "casework: -top -1: want 0 or more"},
		{"parallel below -1", []string{"-parallel", "-2"}, "casework: -parallel -2: want -1 or more"},
		{"looser standards", []string{"-standards", "testdata/looser.json"}, "casework: standards testdata/looser.json"},
		{"unknown flag", []string{"-nope"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tc.args, strings.NewReader(""), &out, &errOut); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tc.args, code)
			}
			if !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tc.args, errOut.String(), tc.want)
			}
		})
	}
}

// TestRunHostile runs the program over small hostile files in
// testdata/hostile and checks, for each, the exit status, the report's
// header and everything on standard error against hostile.golden.
func TestRunHostile(t *testing.T) {
	h := func(name string) string { return filepath.Join("testdata", "hostile", name) }
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
	}{
		{"valid cohort", []string{h("valid.jsonl")}, "", exitOK},
		{"empty file", []string{h("empty.json")}, "", exitEmpty},
		{"white space only", []string{h("whitespace.json")}, "", exitEmpty},
		{"empty array", []string{h("empty-array.json")}, "", exitEmpty},
		{"empty standard input", []string{"-"}, "", exitEmpty},
		{"missing file beside a valid one", []string{h("no-such-file.json"), h("valid.jsonl")}, "", exitInvalid},
		{"a directory beside a valid file", []string{h("."), h("valid.jsonl")}, "", exitInvalid},
		{"truncated pretty-printed case", []string{h("truncated.json")}, "", exitInvalid},
		{"syntax error inside an array", []string{h("array-syntax-error.json")}, "", exitInvalid},
		{"duplicate child in a file", []string{h("duplicates.jsonl")}, "", exitInvalid},
		{"duplicate children across files", []string{h("valid.jsonl"), h("duplicates.jsonl")}, "", exitInvalid},
		{"trailing garbage after one case", []string{h("trailing-garbage.json")}, "", exitInvalid},
		{"UTF-8 byte order mark", []string{h("bom.json")}, "", exitOK},
		{"UTF-16", []string{h("utf16.json")}, "", exitInvalid},
		{"null", []string{h("null.json")}, "", exitInvalid},
		{"aged 80", []string{h("aged-80.json")}, "", exitInvalid},
		{"a visit after the assessment date", []string{h("future-visit.json")}, "", exitInvalid},
		{"no episodes", []string{h("no-episodes.json")}, "", exitInvalid},
		{"several bad files, each error names its file", []string{h("null.json"), h("utf16.json"), h("no-episodes.json"), h("valid.jsonl")}, "", exitInvalid},
		{"duplicate key, from standard input", []string{"-"}, `{"format_version":1,"format_version":1}`, exitInvalid},
	}
	var got strings.Builder
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		code := run(tc.args, strings.NewReader(tc.stdin), &out, &errOut)
		if code != tc.code {
			t.Errorf("%s: run(%q) = %d, want %d; stderr:\n%s", tc.name, tc.args, code, tc.code, errOut.String())
		}
		header, _, _ := strings.Cut(out.String(), "\n")
		fmt.Fprintf(&got, "=== %s\n$ casework %s\nexit %d\n%s\n%s\n", tc.name, strings.Join(tc.args, " "), code, header, errOut.String())
	}
	golden.Check(t, filepath.Join("testdata", "hostile.golden"), filepath.ToSlash(got.String()), *update)
}

// TestInvalidCounts checks that the number of records that could not be
// assessed is the same on standard error, in the text header and in the
// JSON, and that each JSON entry names its file, record and line.
func TestInvalidCounts(t *testing.T) {
	h := func(name string) string { return filepath.Join("testdata", "hostile", name) }
	args := []string{h("null.json"), h("truncated.json"), h("duplicates.jsonl"), h("valid.jsonl")}
	var text, textErr, js, jsErr bytes.Buffer
	run(append([]string{"-top", "0"}, args...), nil, &text, &textErr)
	run(append([]string{"-top", "0", "-format", "json"}, args...), nil, &js, &jsErr)
	const want = 5 // null, truncated, one duplicate in its file, two of valid.jsonl already in duplicates.jsonl
	if s := fmt.Sprintf("casework: %d records could not be assessed\n", want); !strings.HasSuffix(textErr.String(), s) {
		t.Errorf("stderr does not end %q:\n%s", s, textErr.String())
	}
	if s := fmt.Sprintf(", %d records could not be assessed (see errors)", want); !strings.Contains(text.String(), s) {
		t.Errorf("text header does not say %q:\n%s", s, text.String())
	}
	var rep struct {
		Invalid []struct {
			Source string   `json:"source"`
			Record *int     `json:"record"`
			Line   int      `json:"line"`
			Errors []string `json:"errors"`
		} `json:"invalid"`
	}
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Invalid) != want {
		t.Errorf("JSON has %d invalid records, want %d", len(rep.Invalid), want)
	}
	for _, inv := range rep.Invalid {
		if inv.Source == "" || inv.Record == nil || len(inv.Errors) == 0 {
			t.Errorf("invalid entry without its source, record or errors: %+v", inv)
		}
	}
	if rep.Invalid[0].Line != 1 || rep.Invalid[1].Line != 22 {
		t.Errorf("lines of the decode errors = %d, %d; want 1, 22", rep.Invalid[0].Line, rep.Invalid[1].Line)
	}
	if textErr.String() != jsErr.String() {
		t.Errorf("stderr differs between text and JSON:\n%s\n%s", textErr.String(), jsErr.String())
	}
}

// TestReadmeOutput checks that the lines of casework output quoted in the
// README are lines the program prints, so the README cannot drift.
func TestReadmeOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/default.golden")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "```text\n")
	if start < 0 {
		t.Fatal("README has no ```text block of casework output")
	}
	block := text[start+len("```text\n"):]
	block = block[:strings.Index(block, "```")]
	lines := strings.Split(string(golden), "\n")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if strings.TrimSpace(line) == "…" || line == "" {
			continue
		}
		if !slices.Contains(lines, line) {
			t.Errorf("README quotes a line the program does not print: %q", line)
		}
	}
	// The return's lines, in its own section.
	ret, err := os.ReadFile("testdata/return.golden")
	if err != nil {
		t.Fatal(err)
	}
	sec := text[strings.Index(text, "## The SSDA903 return"):]
	block = sec[strings.Index(sec, "```text\n")+len("```text\n"):]
	block = block[:strings.Index(block, "```")]
	lines = strings.Split(string(ret), "\n")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if !slices.Contains(lines, line) {
			t.Errorf("README quotes a line the program does not print for the return: %q", line)
		}
	}
}

// exampleReturn is the examples' SSDA903 return for 2025-26, written from
// a synthetic cohort drawn up to the year's last day (TestExampleReturn).
const exampleReturn = "testdata/return-2025-26"

// exampleReturnCohort is the cohort the example return is written from.
func exampleReturnCohort() practice.SyntheticCohort {
	return practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 300, AsOf: care.MustDate(2026, 3, 31)})
}

// TestExampleReturn keeps the example return equal to what the synthetic
// cohort writes; -update rewrites it.
func TestExampleReturn(t *testing.T) {
	dir := t.TempDir()
	if err := ssda903.WriteCases(dir, exampleReturnCohort().Cases, 2025); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files written: %v", err)
	}
	if *update {
		if err := os.RemoveAll(exampleReturn); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(exampleReturn, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, filepath.Join(exampleReturn, filepath.Base(f)), string(data), *update)
	}
}

// The DfE validator's synthetic return is old data of poor quality: every
// child is accounted for, assessed or reported invalid with the table and
// row of each problem, and nothing personal is printed.
func TestSharedReturn(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"-year", "2025-26", "../../ssda903/testdata/dfe/fake_data"}, nil, &out, &errOut)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d", code, exitInvalid)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	var children, built, invalid int
	if _, err := fmt.Sscanf(lines[0][strings.Index(lines[0], "2025-26: ")+len("2025-26: "):],
		"%d children, %d built into cases, %d invalid", &children, &built, &invalid); err != nil {
		t.Fatalf("first line %q: %v", lines[0], err)
	}
	if children != 2676 || built+invalid != children { // 2,675 Header rows and CHILD10, with rows but no Header row
		t.Errorf("children %d, built %d, invalid %d", children, built, invalid)
	}
	var assessed, notAssessed int
	if _, err := fmt.Sscanf(out.String(), "Casework as of 31 March 2026: %d children assessed, %d records could not be assessed",
		&assessed, &notAssessed); err != nil {
		t.Fatalf("report header: %v\n%s", err, out.String()[:200])
	}
	if assessed != built || notAssessed != invalid {
		t.Errorf("report: %d assessed, %d not; return: %d built, %d invalid", assessed, notAssessed, built, invalid)
	}
	named := map[string]bool{}
	for _, l := range lines[1:] {
		if strings.Contains(l, " records could not be assessed") || strings.Contains(l, "more problems") {
			continue
		}
		if !strings.Contains(l, " row ") {
			t.Errorf("no table row in %q", l)
		}
		if i := strings.Index(l, `child "`); i >= 0 {
			named[l[i+7:i+7+strings.IndexByte(l[i+7:], '"')]] = true
		}
	}
	if len(named) < invalid {
		t.Errorf("%d children named in errors, want at least the %d invalid", len(named), invalid)
	}
	for _, dob := range []string{"DOB:", "/20", "/19"} { // no date of birth, nor any dd/mm/yyyy cell
		if strings.Contains(errOut.String(), dob) {
			t.Errorf("stderr holds %q", dob)
			break
		}
	}
}

// The page of a return says what was not assessed, and draws each listed
// child's timeline from the return's cases.
func TestReturnHTML(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-format", "html", "-top", "3", exampleReturn}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut.String())
	}
	page := out.String()
	if n := strings.Count(page, "<p class=\"note\">Not assessed: "); n != 2 {
		t.Errorf("%d not-assessed lines, want 2 (families and dates)", n)
	}
	if n := strings.Count(page, "<svg"); n != 3 {
		t.Errorf("%d timelines, want 3", n)
	}
}
