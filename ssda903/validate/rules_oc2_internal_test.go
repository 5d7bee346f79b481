package validate

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/ssda903"
)

// TestOC2CohortOncePerRun: the cohort is derived once per run and shared
// by the rules of the run; another run derives its own.
func TestOC2CohortOncePerRun(t *testing.T) {
	fsys := fstest.MapFS{"e.csv": {Data: []byte("CHILD,DECOM,RNE,LS,DEC,REC\nA,01/06/2020,S,C2,,\nB,01/06/2025,S,C2,,\n")}}
	// Errors are the columns a return has and this one lacks.
	ret, _ := ssda903.ReadFSTables(fsys, map[string]ssda903.Table{"e.csv": episodes}, 2025)
	var seen []*Column
	probe := func(c *Check) {
		col := cohortOfP(c, c.Table(episodes))
		seen = append(seen, col)
		if !inCohortP(c, "A") || inCohortP(c, "B") || inCohortP(c, "C") {
			t.Error("A is in the 2025-26 cohort; B (started in the year) and C (no episodes) are not")
		}
	}
	rules := []*Rule{
		{Code: "P1", Years: Years{From: 2022}, Tables: tables(episodes), Check: probe},
		{Code: "P2", Years: Years{From: 2022}, Tables: tables(episodes), Check: probe},
	}
	for range 2 {
		if _, err := Run(context.Background(), ret, Options{Metadata: Metadata{Year: 2025}, Rules: rules}); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) != 4 || seen[0] != seen[1] || seen[2] != seen[3] || seen[0] == seen[2] {
		t.Errorf("want one cohort per run, shared by its rules: %p", seen)
	}
}
