package review

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// goldenCase is a synthetic child's whole review history, as stored in
// testdata/*.json beside the expected report (*.golden).
type goldenCase struct {
	AsOf     care.Date      `json:"as_of"`
	Child    care.Child     `json:"child"`
	Episodes []care.Episode `json:"episodes"`
	Record   Record         `json:"record"`
}

// TestGoldenReports assesses each case in testdata and compares the report,
// one finding a line with its evidence, with the golden file beside it; run
// with -update to rewrite the golden files.
func TestGoldenReports(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var c goldenCase
			if err := json.Unmarshal(b, &c); err != nil {
				t.Fatalf("decoding %s: %v", file, err)
			}
			rep, err := Assess(c.Record, c.Child, c.Episodes, c.AsOf, care.EnglandAndWales(), Policy{})
			if err != nil {
				t.Fatalf("Assess() error: %v", err)
			}
			got := render(rep)
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("reading %s (run with -update to create it): %v", golden, err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Assess(%s) report mismatch (-want +got):\n%s", name, diff)
			}
		})
	}
}
