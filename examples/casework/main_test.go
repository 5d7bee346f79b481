package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"

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
		{"a year earlier, stricter visits", []string{"-asof", "2025-12-01", "-standards", "testdata/standards.json", "-top", "3"}, "", "stricter.golden", 0},
		{"a cohort file with bad records, from stdin", []string{"-top", "2", "-"}, "", "badfile.golden", 1},
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
	coh.Cases[2].Episodes[0].End = coh.Cases[2].Episodes[0].Start.AddDays(-1)
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
		{"bad date", []string{"-asof", "01/12/2026"}, "casework: -asof:"},
		{"bad format", []string{"-format", "xml"}, `casework: -format "xml"`},
		{"missing file", []string{"testdata/no-such-file.json"}, "no-such-file.json"},
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
}
