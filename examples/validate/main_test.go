package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lookedafter/practice/examples/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The golden files hold what the rules implemented when they were written
// flag: go test ./examples/validate -update rewrites them as rules are
// added.
func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
		code   int
	}{
		{"embedded return, this year and last", nil, "default.golden", exitFlagged},
		{"embedded return as JSON, three rules", []string{"-format", "json", "-la", "201", "-rules", "102,103,501"}, "default.json.golden", exitFlagged},
		{"embedded return as CSV, one rule", []string{"-format", "csv", "-rules", "501"}, "default.csv.golden", exitFlagged},
		{"a folder and last year's, every flagged row", []string{"-rows", "-1", "-last", "testdata/clean", "testdata/small.xml"}, "small.golden", exitFlagged},
		{"a clean return, counts only", []string{"-rows", "0", "-year", "2026", "testdata/clean"}, "clean.golden", exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(context.Background(), tc.args, &out, &errOut)
			if code != tc.code {
				t.Fatalf("run(%q) = %d, want %d; stderr:\n%s", tc.args, code, tc.code, errOut.String())
			}
			got := out.String()
			if errOut.Len() > 0 {
				got += "--- stderr\n" + errOut.String()
			}
			golden.Check(t, filepath.Join("testdata", tc.golden), filepath.ToSlash(got), *update)
		})
	}
}

// TestRunInputs runs the program over inputs that cannot all be read and
// checks, for each, the exit status and everything on standard error
// against inputs.golden.
func TestRunInputs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"a folder with an unknown column and a file that is no table", []string{"-rules", "103", "testdata/badfile"}, exitFlagged},
		{"no such folder", []string{"testdata/no-such-folder"}, exitFlagged},
		{"a folder with no CSV files", []string{"testdata/empty"}, exitFlagged},
		{"a file that is no table", []string{"testdata/badfile/notes.csv"}, exitFlagged},
		{"no such previous year's return", []string{"-last", "testdata/no-such-folder", "testdata/clean"}, exitFlagged},
		{"a clean return with a bad previous year's", []string{"-rules", "102", "-last", "testdata/badfile", "testdata/clean"}, exitFlagged},
		{"a clean return", []string{"-rules", "102,103,148", "testdata/clean"}, exitOK},
	}
	var got strings.Builder
	for _, tc := range tests {
		var out, errOut bytes.Buffer
		code := run(context.Background(), tc.args, &out, &errOut)
		if code != tc.code {
			t.Errorf("%s: run(%q) = %d, want %d; stderr:\n%s", tc.name, tc.args, code, tc.code, errOut.String())
		}
		heading := ""
		if lines := strings.SplitN(out.String(), "\n", 5); len(lines) >= 4 {
			heading = strings.Join(lines[2:4], "\n")
		}
		fmt.Fprintf(&got, "=== %s\n$ validate %s\nexit %d\n%s\n%s\n", tc.name, strings.Join(tc.args, " "), code, heading, errOut.String())
	}
	golden.Check(t, filepath.Join("testdata", "inputs.golden"), filepath.ToSlash(got.String()), *update)
}

func TestRunBadFlags(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad year", []string{"-year", "2025-27"}, `validate: -year "2025-27": want a collection year, 2025-26`},
		{"year without a rule set", []string{"-year", "2019-20"}, `validate: -year "2019-20": no rule set for 2019-20; there are rule sets for 2022-23 to 2026-27`},
		{"bad format", []string{"-format", "xml"}, `validate: -format "xml": want text or json or csv`},
		{"rows below -1", []string{"-rows", "-2"}, "validate: -rows -2: want -1 or more"},
		{"bad authority", []string{"-la", "20A"}, `validate: -la "20A": want the authority's three-digit code, such as 201`},
		{"unknown rule", []string{"-rules", "102,999"}, `validate: -rules "102,999": no rule "999" in 2025-26's rule set`},
		{"rule not in force that year", []string{"-year", "2025-26", "-rules", "700"}, `no rule "700" in 2025-26's rule set`},
		{"two returns", []string{"a", "b"}, "validate: one return at a time: 2 arguments given"},
		{"unknown flag", []string{"-nope"}, "flag provided but not defined"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(context.Background(), tc.args, &out, &errOut); code != exitUsage {
				t.Errorf("run(%q) = %d, want %d", tc.args, code, exitUsage)
			}
			if !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tc.args, errOut.String(), tc.want)
			}
			if out.Len() > 0 {
				t.Errorf("run(%q) wrote to stdout:\n%s", tc.args, out.String())
			}
		})
	}
}

// The JSON of the whole embedded return is valid, and counts as the text
// does.
func TestJSONMatchesText(t *testing.T) {
	var text, js, errOut bytes.Buffer
	run(context.Background(), []string{"-rows", "0"}, &text, &errOut)
	run(context.Background(), []string{"-format", "json"}, &js, &errOut)
	var rep struct {
		Summary struct {
			RowsFlagged int `json:"rows_flagged"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(js.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("Flagged: %s rows", thousands(rep.Summary.RowsFlagged))
	if rep.Summary.RowsFlagged == 0 || !strings.Contains(text.String(), want) {
		t.Errorf("text does not say %q:\n%s", want, text.String())
	}
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// A cancelled run stops, and says so.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	if code := run(ctx, nil, &out, &errOut); code != exitFlagged || !strings.Contains(errOut.String(), "context canceled") {
		t.Errorf("cancelled run = %d, stderr %q", code, errOut.String())
	}
}

// The embedded return is the shared synthetic return's files, unchanged.
func TestTestdataIsShared(t *testing.T) {
	entries, err := os.ReadDir("testdata/return")
	if err != nil {
		t.Fatal(err)
	}
	var csvs []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") || strings.HasPrefix(e.Name(), "LICENSE") {
			csvs = append(csvs, e.Name())
			mine, err := os.ReadFile(filepath.Join("testdata/return", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			shared, err := os.ReadFile(filepath.Join("../../ssda903/testdata/dfe", strings.Replace("fake_data/"+e.Name(), "fake_data/LICENSE", "LICENSE", 1)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(mine, shared) {
				t.Errorf("testdata/return/%s differs from the shared file", e.Name())
			}
		}
	}
	want := []string{"LICENSE.data-to-insight", "ad1.csv", "episodes.csv", "header.csv", "oc2.csv", "oc3.csv", "placed_for_adoption.csv", "reviews.csv", "uasc.csv"}
	if !slices.Equal(csvs, want) {
		t.Errorf("testdata/return has %v, want %v", csvs, want)
	}
}

// TestReadmeOutput checks that the lines of validate's output quoted in
// the README are lines the program prints, so the README cannot drift.
func TestReadmeOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile("testdata/default.golden")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "```text\nReturn: ")
	if start < 0 {
		t.Fatal("README has no ```text block of validate's output")
	}
	block := text[start+len("```text\n"):]
	block = block[:strings.Index(block, "```")]
	lines := strings.Split(string(out), "\n")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if strings.TrimSpace(line) == "…" || line == "" {
			continue
		}
		if !slices.Contains(lines, line) {
			t.Errorf("README quotes a line the program does not print: %q", line)
		}
	}
}

// Reference data given on the command line lets the provider and postcode
// rules run; without it they are skipped with the reason.
func TestReferenceFlags(t *testing.T) {
	runs := func(args ...string) string {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), args, &out, &errOut); code == exitUsage {
			t.Fatalf("run(%q): usage error:\n%s", args, errOut.String())
		}
		return out.String()
	}
	without := runs("-rows", "0", "-la", "201", "-rules", "219,164")
	if !strings.Contains(without, "the Ofsted provider lists were not given") {
		t.Errorf("without -providers, 219 is not skipped for that reason:\n%s", without)
	}
	with := runs("-rows", "0", "-la", "201", "-rules", "219,164",
		"-providers", "../../ssda903/testdata/dfe/fake_data/combined_scp_ch_fake.xlsx",
		"-postcodes", "../../ssda903/reference/testdata/onspd_small.csv")
	if strings.Contains(with, "were not given") || strings.Contains(with, "could not be derived") {
		t.Errorf("with reference data, rules still skipped for the want of it:\n%s", with)
	}
	var errOut bytes.Buffer
	if code := run(context.Background(), []string{"-providers", "testdata/nonesuch.xlsx"}, io.Discard, &errOut); code != exitFlagged {
		t.Errorf("an unreadable provider list: exit %d, want %d", code, exitFlagged)
	}
}
