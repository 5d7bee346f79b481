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
	"github.com/lookedafter/practice/care"

	"github.com/lookedafter/practice/examples/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files (and testdata/dataset.json from the synthetic generator)")

// datasetFile is a small synthetic authority's dataset, written by -update
// from the generator so that it follows the generator's records.
const datasetFile = "testdata/dataset.json"

func writeDatasetFile(t *testing.T) {
	t.Helper()
	d := authority(practice.Synthetic(practice.SyntheticOptions{Seed: 5, Children: 24, AsOf: care.MustDate(2026, 12, 1)}))
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(datasetFile, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRun(t *testing.T) {
	if *update {
		writeDatasetFile(t)
	}
	dataset, err := os.ReadFile(datasetFile)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		golden string
	}{
		{"default synthetic authority", nil, "", "default.golden"},
		{"strict caseload maximum over one quarter", []string{"-max-caseload", "12", "-months", "3", "-top", "5"}, "", "strict.golden"},
		{"another seed as JSON", []string{"-seed", "2", "-children", "60", "-asof", "2026-06-30", "-format", "json"}, "", "seed2.golden.json"},
		{"a dataset file", []string{datasetFile}, "", "datasetfile.golden"},
		{"a dataset on standard input", []string{"-top", "3", "-"}, string(dataset), "stdin.golden"},
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
	unknownField := filepath.Join(dir, "unknown.json")
	if err := os.WriteFile(unknownField, []byte(`{"workers": [], "sessions": [], "allocations": [], "colour": "blue"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	invalid := filepath.Join(dir, "invalid.json")
	if err := os.WriteFile(invalid, []byte(`{"workers": [{"id": "SW1", "team": "T"}], "sessions": [{"date": "2026-01-05", "worker": "SW9", "kind": "individual"}], "allocations": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string // in the message
	}{
		{"unknown flag", []string{"-nope"}, 2, "flag provided but not defined"},
		{"date in UK order", []string{"-asof", "01/12/2026"}, 2, "-asof"},
		{"no such day", []string{"-asof", "2026-02-29"}, 2, "-asof"},
		{"unknown format", []string{"-format", "csv"}, 2, "-format"},
		{"no children", []string{"-children", "0"}, 2, "-children"},
		{"empty period", []string{"-months", "0"}, 2, "-months"},
		{"negative caseload maximum", []string{"-max-caseload", "-1"}, 2, "-max-caseload"},
		{"negative top", []string{"-top", "-1"}, 2, "-top"},
		{"two files", []string{"a.json", "b.json"}, 2, "one dataset file"},
		{"missing file", []string{filepath.Join(dir, "missing.json")}, 1, "missing.json"},
		{"unknown field", []string{unknownField}, 1, "unknown.json"},
		{"invalid dataset", []string{invalid}, 1, "invalid.json"},
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
