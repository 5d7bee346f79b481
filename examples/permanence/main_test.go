package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/examples/internal/golden"
	"github.com/lookedafter/practice/permanence"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// cohortJSONL returns the first children of the examples' synthetic
// cohort in the JSON Lines wire format. It is encoded for each run rather
// than stored, so that it follows the cohort.
func cohortJSONL(t *testing.T, children int) []byte {
	t.Helper()
	cases, err := cohort.Cases()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := practice.EncodeCohort(&b, cases[:children]); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	cohortFile := filepath.Join(dir, "cohort.jsonl")
	twelve := cohortJSONL(t, 12)
	if err := os.WriteFile(cohortFile, twelve, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  []byte
		golden string
	}{
		{"the synthetic cohort", nil, nil, "default.golden"},
		{"an earlier date as JSON", []string{"-top", "5", "-asof", "2026-03-31", "-format", "json"}, nil, "earlier.golden.json"},
		{"every row of a cohort file", []string{"-top", "0", cohortFile}, nil, "cohortfile.golden"},
		{"a cohort on standard input", []string{"-top", "3", "-"}, twelve, "stdin.golden"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := runIO(tc.args, bytes.NewReader(tc.stdin), &out, &errOut); code != 0 {
				t.Fatalf("run(%q) = %d, want 0; stderr: %s", tc.args, code, errOut.String())
			}
			got := strings.ReplaceAll(out.String(), dir, "TMPDIR")
			golden.Check(t, filepath.Join("testdata", tc.golden), got, *update)
		})
	}
}

// TestRunBadRecords checks that records that cannot be read are reported,
// naming the file, record and field, while the others are still tracked.
func TestRunBadRecords(t *testing.T) {
	dir := t.TempDir()
	good := bytes.TrimSpace(cohortJSONL(t, 2))
	lines := bytes.Split(good, []byte("\n"))
	// Record 1 does not decode; record 3 decodes but its plan is invalid.
	bad := []byte(`{"format_version": 1, "child": {"id": "C9", "date_of_birth": "2020-01-01"}, "episodes": [], "colour": "blue"}`)
	c, err := practice.DecodeCase(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	c.Care.Child.ID = "C000099"
	c.Permanence.Plan.Transitions = []permanence.Transition{{Route: permanence.RouteAdoption, State: permanence.StateConsidered, Primary: true}}
	invalid, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "mixed.jsonl")
	if err := os.WriteFile(file, bytes.Join([][]byte{lines[0], bad, lines[1], invalid}, []byte("\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := runIO([]string{file}, bytes.NewReader(nil), &out, &errOut)
	if code != 1 {
		t.Errorf("run(%q) = %d, want 1", file, code)
	}
	for _, want := range []string{"mixed.jsonl", "record 1", "colour", "record 3 (child C000099): permanence.plan.transitions[0].date"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("run(%q) stderr = %q, want it to contain %q", file, errOut.String(), want)
		}
	}
	if !strings.Contains(out.String(), "Children tracked: 2 ") {
		t.Errorf("run(%q) stdout = %q, want the two good children tracked", file, out.String())
	}
}

func TestRunBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string // in the message
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"date beyond the calendar", []string{"-asof", "2095-06-01"}, 2, "outside the working-day calendar"},
		{"date in UK order", []string{"-asof", "01/12/2026"}, 2, "-asof"},
		{"no such day", []string{"-asof", "2026-04-31"}, 2, "-asof"},
		{"unknown format", []string{"-format", "yaml"}, 2, "-format"},
		{"a flag that is gone", []string{"-children", "40"}, 2, "flag provided but not defined: -children"},
		{"negative top", []string{"-top", "-1"}, 2, "-top"},
		{"missing file", []string{"no-such-cohort.jsonl"}, 1, "no-such-cohort.jsonl"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := runIO(tc.args, bytes.NewReader(nil), &out, &errOut)
			if code != tc.code || !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("run(%q) = %d with stderr %q; want %d and a message containing %q", tc.args, code, errOut.String(), tc.code, tc.want)
			}
		})
	}
}
