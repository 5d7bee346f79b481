package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/examples/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files (and testdata/case.json from the examples' synthetic cohort)")

// caseFile is a child of the examples' synthetic cohort in the JSON wire
// format, written by -update so that it follows the cohort.
const (
	caseFile  = "testdata/case.json"
	caseChild = "C000016" // 17, looked after, with missed PEP reviews and a missed visit
)

func writeCaseFile(t *testing.T) {
	t.Helper()
	cases, err := cohort.Cases()
	if err != nil {
		t.Fatal(err)
	}
	c, ok := findChild(cases, caseChild)
	if !ok {
		t.Fatalf("no child %s in the synthetic cohort", caseChild)
	}
	data, err := practice.EncodeCase(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(caseFile, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	if *update {
		writeCaseFile(t)
	}
	caseJSON, err := os.ReadFile(caseFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		golden string
	}{
		{"default child of the default cohort", nil, "", "default.golden"},
		{"a named child as JSON", []string{"-child", "C000002", "-format", "json"}, "", "child2.golden.json"},
		{"an earlier date", []string{"-asof", "2025-06-30"}, "", "earlier.golden"},
		{"a case file", []string{caseFile}, "", "casefile.golden"},
		{"a case on standard input", []string{"-asof", "2026-12-01", "-"}, string(caseJSON), "stdin.golden"},
		{"the default child's timeline", []string{"-format", "svg"}, "", "default.golden.svg"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := runIO(tc.args, strings.NewReader(tc.stdin), &out, &errOut); code != 0 {
				t.Fatalf("run(%q) = %d, want 0; stderr: %s", tc.args, code, errOut.String())
			}
			golden.Check(t, filepath.Join("testdata", tc.golden), out.String(), *update)
		})
	}
}

func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"format_version": 1, "child": {"id": "C1", "date_of_birth": "2020-02-30"}, "colour": "blue"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	invalid := filepath.Join(dir, "invalid.json")
	if err := os.WriteFile(invalid, []byte(`{"format_version": 1, "child": {"id": "C000042", "date_of_birth": "2015-03-01"}, "episodes": [{"start": "2026-01-10", "end": "2026-01-05", "reason_new": "S", "legal_status": "C2", "placement_type": "U1"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in the message
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"date beyond the calendar", []string{"-asof", "2095-06-01"}, 2, "outside the working-day calendar"},
		{"date in UK order", []string{"-asof", "01/12/2026"}, 2, "-asof"},
		{"no such day", []string{"-asof", "2026-02-30"}, 2, "-asof"},
		{"unknown format", []string{"-format", "xml"}, 2, `-format "xml": want text or json or svg`},
		{"a flag that is gone", []string{"-seed", "3"}, 2, "flag provided but not defined: -seed"},
		{"child not in the cohort", []string{"-child", "C999999"}, 2, "C999999"},
		{"two case files", []string{"a.json", "b.json"}, 2, "one case file"},
		{"-child with a case file", []string{"-child", "C000001", caseFile}, 2, "-child"},
		{"missing file", []string{filepath.Join(dir, "missing.json")}, 1, "missing.json"},
		{"malformed case", []string{bad}, 1, "bad.json"},
		{"invalid case", []string{invalid}, 1, "invalid.json: child C000042: episodes[0].end"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runIO(tc.args, strings.NewReader(""), &out, &errOut)
			if code != tc.code || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("run(%q) = %d with stderr %q; want %d and a message containing %q", tc.args, code, errOut.String(), tc.code, tc.want)
			}
		})
	}
}
