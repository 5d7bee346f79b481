package main

import (
	"bytes"
	"flag"
	"path/filepath"
	"testing"

	"github.com/lookedafter/practice/examples/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		golden string
		code   int
	}{
		{"default date, the day before Good Friday", nil, "default.golden", 0},
		{"Christmas Eve counting the anchor day", []string{"-from", "2025-12-24", "-counting", "from-anchor-day"}, "christmas.golden", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tc.args, &out, &errOut); code != tc.code {
				t.Fatalf("run(%q) = %d, want %d; stderr: %s", tc.args, code, tc.code, errOut.String())
			}
			golden.Check(t, filepath.Join("testdata", tc.golden), out.String(), *update)
		})
	}
}

func TestRunBadInput(t *testing.T) {
	for _, args := range [][]string{{"-from", "02/04/2026"}, {"-from", "2026-02-30"}, {"-counting", "sideways"}, {"-nope"}} {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 2 || errOut.Len() == 0 {
			t.Errorf("run(%q) = %d with stderr %q; want 2 and a message", args, code, errOut.String())
		}
	}
}
