package review

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRules(t *testing.T) {
	rs := Rules()
	if len(rs) != 10 {
		t.Fatalf("len(Rules()) = %d, want 10", len(rs))
	}
	for i, r := range rs {
		t.Run(string(r.ID), func(t *testing.T) {
			if want := care.RuleID(fmt.Sprintf("REV-%02d", i+1)); r.ID != want {
				t.Errorf("Rules()[%d].ID = %s, want %s", i, r.ID, want)
			}
			if r.Title == "" || r.Text == "" || r.Citation.Instrument == "" || r.Citation.Provision == "" {
				t.Errorf("rule %s lacks a title, text or citation: %+v", r.ID, r)
			}
			if r.Severity == care.SeverityUnknown || r.Domain != care.DomainReviews || r.Package != "review" || r.Default == "" {
				t.Errorf("rule %s: severity %v, domain %v, package %q, default %q", r.ID, r.Severity, r.Domain, r.Package, r.Default)
			}
			if r.Citation.Abbrev == "" || !strings.HasPrefix(r.Citation.Short(), r.Citation.Abbrev+" ") {
				t.Errorf("rule %s has no short citation: %q", r.ID, r.Citation.Short())
			}
			// The file named holds the rule's decision, beside its ID constant.
			src, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(r.File)))
			if err != nil || !strings.Contains(string(src), strings.ReplaceAll(string(r.ID), "-", "")) {
				t.Errorf("rule %s: file %q (%v) does not name its ID constant", r.ID, r.File, err)
			}
			if r.Severity == care.SeverityStatutory && !strings.HasPrefix(r.Citation.URL, "https://www.legislation.gov.uk/") {
				t.Errorf("statutory rule %s has no legislation.gov.uk URL: %q", r.ID, r.Citation.URL)
			}
			for _, field := range r.Policy {
				if !hasPolicyField(field) {
					t.Errorf("rule %s names policy field %q, which Policy does not have", r.ID, field)
				}
			}
		})
	}
}

func hasPolicyField(name string) bool {
	_, ok := reflect.TypeFor[Policy]().FieldByName(name)
	return ok
}

func TestRulesFresh(t *testing.T) {
	a := Rules()
	a[0].Title = "changed"
	a[8].Policy[0] = "changed"
	b := Rules()
	if b[0].Title == "changed" || b[8].Policy[0] == "changed" {
		t.Errorf("Rules() returned shared memory")
	}
	if rule(REV09).Policy[0] == "changed" {
		t.Errorf("Rules() shares memory with the internal catalogue")
	}
}

// TestRuleCatalogue renders the catalogue as a Markdown table and compares
// it with testdata/rules.golden; run with -update to rewrite it.
func TestRuleCatalogue(t *testing.T) {
	var b strings.Builder
	b.WriteString("| ID | Rule | Default | Severity | Citation | In force from | Policy |\n|---|---|---|---|---|---|---|\n")
	for _, r := range Rules() {
		from := r.InForce.Start.String()
		if from == "" {
			from = "—"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", r.ID, r.Title, r.Default, r.Severity, r.Citation, from,
			strings.Join(r.Policy, ", "))
	}
	got := b.String()
	path := filepath.Join("testdata", "rules.golden")
	if *update {
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
