package permanence_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

func TestRules(t *testing.T) {
	rules := permanence.Rules()
	wantIDs := []care.RuleID{"PERM-01", "PERM-02", "PERM-03", "PERM-04", "PERM-05", "PERM-06", "PERM-07", "PERM-08"}
	if len(rules) != len(wantIDs) {
		t.Fatalf("len(Rules()) = %d, want %d", len(rules), len(wantIDs))
	}
	for i, r := range rules {
		t.Run(string(wantIDs[i]), func(t *testing.T) {
			if r.ID != wantIDs[i] {
				t.Errorf("Rules()[%d].ID = %s, want %s", i, r.ID, wantIDs[i])
			}
			if r.Title == "" || r.Text == "" || r.Citation.Instrument == "" || r.Citation.Abbrev == "" || r.Default == "" {
				t.Errorf("rule %s lacks a title, text, citation, abbreviation or default: %+v", r.ID, r)
			}
			// The file holding the rule's decision names its ID constant.
			src, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(r.File)))
			if err != nil {
				t.Fatalf("rule %s: File %q: %v", r.ID, r.File, err)
			}
			if use := "rule(" + strings.ReplaceAll(string(r.ID), "-", "") + ")"; !strings.Contains(string(src), use) {
				t.Errorf("rule %s: %s has no %s", r.ID, r.File, use)
			}
			if r.Severity == care.SeverityUnknown || r.Domain != care.DomainPermanence || r.Package != "permanence" {
				t.Errorf("rule %s: severity %v, domain %v, package %q", r.ID, r.Severity, r.Domain, r.Package)
			}
		})
	}
	rules[0].Title = "changed"
	if again := permanence.Rules(); again[0].Title == "changed" {
		t.Errorf("Rules() returned a shared slice")
	}
}

// TestFindingsCarryRule checks that every finding has its rule's citation,
// severity and domain.
func TestFindingsCarryRule(t *testing.T) {
	rec := permanence.Record{
		Plan:                permanence.Plan{Transitions: []permanence.Transition{primary("2025-01-06", home, assessing)}},
		Proceedings:         []permanence.Proceedings{{Issued: day("2025-01-10")}},
		Adoption:            permanence.Adoption{PlacementOrder: day("2025-03-01")},
		SpecialGuardianship: []permanence.SpecialGuardianship{{Notice: day("2025-02-01")}},
	}
	in := permanence.Inputs{Child: kid("C0009"), Episodes: []care.Episode{s20("2025-01-02")}, SecondReview: day("2025-04-20")}
	rep, err := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	byID := map[care.RuleID]care.Rule{}
	for _, r := range permanence.Rules() {
		byID[r.ID] = r
	}
	seen := map[care.RuleID]bool{}
	for _, f := range rep {
		r, ok := byID[f.Rule()]
		if !ok {
			t.Errorf("finding %v has a rule outside the catalogue", f)
			continue
		}
		seen[f.Rule()] = true
		if f.Citation() != r.Citation || f.Severity() != r.Severity || f.Domain() != r.Domain || f.Title() != r.Title {
			t.Errorf("finding %v does not carry its rule's title, citation, severity and domain", f)
		}
		if len(f.Evidence()) == 0 {
			t.Errorf("finding %v has no evidence", f)
		}
	}
	for _, id := range []care.RuleID{"PERM-01", "PERM-02", "PERM-03", "PERM-04", "PERM-05", "PERM-06", "PERM-07", "PERM-08"} {
		if !seen[id] {
			t.Errorf("no finding for %s in %v", id, rep)
		}
	}
	if !slicesSorted(rep) {
		t.Errorf("Assess() report is not sorted: %v", rep)
	}
}

func slicesSorted(rep care.Report) bool {
	for i := 1; i < len(rep); i++ {
		if rep[i].Due.Before(rep[i-1].Due) {
			return false
		}
	}
	return true
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRuleCatalogue renders the catalogue as a Markdown table and compares
// it with testdata/rules.golden; run with -update to rewrite it.
func TestRuleCatalogue(t *testing.T) {
	var b strings.Builder
	b.WriteString("| ID | Rule | Default | Severity | Citation | Short citation | In force from | Policy | File |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range permanence.Rules() {
		from := r.InForce.Start.String()
		if from == "" {
			from = "—"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.ID, r.Title, r.Default, r.Severity, r.Citation,
			r.Citation.Short(), from, strings.Join(r.Policy, ", "), r.File)
	}
	got := b.String()
	path := filepath.Join("testdata", "rules.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("rule catalogue mismatch (-want +got):\n%s", diff)
	}
}
