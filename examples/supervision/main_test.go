package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/examples/internal/golden"
	"github.com/lookedafter/practice/supervision"
)

var update = flag.Bool("update", false, "rewrite the golden files (and testdata/dataset.json from the examples' synthetic authority)")

// datasetFile is one team's part of the examples' synthetic authority,
// written by -update so that it follows the cohort.
const (
	datasetFile = "testdata/dataset.json"
	datasetTeam = "East Leaving Care"
)

func writeDatasetFile(t *testing.T) {
	t.Helper()
	d := teamDataset(cohort.Synthetic().Supervision, datasetTeam, cohort.AsOf)
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(datasetFile, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// teamDataset returns the part of dataset d that concerns one team: its
// workers, their sessions and the allocations of cases to them, with the
// directions their case notes refer to. So that the report shows a missed
// interval, which the synthetic authority never has, the team's first
// worker leaves: supervision stops 100 days before asOf and the worker
// leaves, with the interval open, 60 days later, their cases being
// unallocated from then on.
func teamDataset(d supervision.Dataset, team string, asOf care.Date) supervision.Dataset {
	out := supervision.Dataset{Since: d.Since}
	inTeam := map[string]bool{}
	for _, w := range d.Workers {
		if w.Team == team {
			inTeam[w.ID] = true
			out.Workers = append(out.Workers, w)
		}
	}
	leaver := &out.Workers[0]
	stop := asOf.AddDays(-100)
	leaver.End = stop.AddDays(60)

	referred := map[string]bool{} // directions the kept case notes refer to
	for _, s := range d.Sessions {
		if !inTeam[s.Worker] || (s.Worker == leaver.ID && !s.Date.Before(stop)) {
			continue
		}
		out.Sessions = append(out.Sessions, s)
		for _, n := range s.Cases {
			for _, id := range n.Directions {
				referred[id] = true
			}
		}
	}
	for _, a := range d.Allocations {
		if !inTeam[a.Worker] {
			continue
		}
		if a.Worker == leaver.ID {
			if !a.From.Before(leaver.End) {
				continue
			}
			if a.To.IsZero() || a.To.After(leaver.End) {
				a.To = leaver.End
			}
		}
		out.Allocations = append(out.Allocations, a)
	}
	for _, dr := range d.Directions {
		if referred[dr.ID] {
			out.Directions = append(out.Directions, dr)
		}
	}
	return out
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
		{"the synthetic authority", nil, "", "default.golden"},
		{"strict caseload maximum over one quarter", []string{"-max-caseload", "12", "-months", "3", "-top", "5"}, "", "strict.golden"},
		{"an earlier date as JSON", []string{"-asof", "2026-06-30", "-months", "6", "-format", "json"}, "", "earlier.golden.json"},
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
		{"a flag that is gone", []string{"-seed", "2"}, 2, "flag provided but not defined: -seed"},
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
