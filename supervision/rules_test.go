package supervision_test

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

var update = flag.Bool("update", false, "rewrite testdata/rules.golden")

// TestRuleCatalogue renders the rules as a Markdown table and compares it
// with testdata/rules.golden; run with -update to rewrite it.
func TestRuleCatalogue(t *testing.T) {
	var b strings.Builder
	b.WriteString("| ID | Title | Severity | Default | Policy | Citation |\n|---|---|---|---|---|---|\n")
	for _, r := range supervision.Rules() {
		b.WriteString("| " + string(r.ID) + " | " + r.Title + " | " + r.Severity.String() + " | " + r.Default + " | " +
			strings.Join(r.Policy, ", ") + " | " + r.Citation.String() + " |\n")
	}
	got := b.String()
	const golden = "testdata/rules.golden"
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
		t.Errorf("rule catalogue mismatch (-want +got):\n%s", diff)
	}
}

// TestRuleFiles checks that each rule names the file holding its decision,
// and that the file names the rule's ID constant.
func TestRuleFiles(t *testing.T) {
	for _, r := range supervision.Rules() {
		src, err := os.ReadFile(filepath.Join("..", r.File))
		if err != nil {
			t.Errorf("%s: File %q: %v", r.ID, r.File, err)
			continue
		}
		if name := strings.ReplaceAll(string(r.ID), "-", ""); !strings.Contains(string(src), name) {
			t.Errorf("%s: %s does not name %s", r.ID, r.File, name)
		}
		if r.Citation.Abbrev == "" {
			t.Errorf("%s: no Citation.Abbrev", r.ID)
		}
	}
}

// TestExamples fails for any exported function, or Validate method, with
// no Example.
func TestExamples(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/lookedafter/practice/supervision")
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, exs []*doc.Example) {
		if len(exs) == 0 {
			t.Errorf("%s has no Example", name)
		}
	}
	for _, f := range pkg.Funcs {
		check(f.Name, f.Examples)
	}
	for _, typ := range pkg.Types {
		for _, f := range typ.Funcs {
			check(f.Name, f.Examples)
		}
		for _, m := range typ.Methods {
			if m.Name == "Validate" {
				check(typ.Name+"."+m.Name, m.Examples)
			}
		}
	}
}

// FuzzAssessCase checks that AssessCase never panics on an arbitrary case
// record, and that whatever it accepts gives a sorted report.
func FuzzAssessCase(f *testing.F) {
	f.Add([]byte(`{"allocations":[{"worker":"W1","from":"2025-01-06"}],"discussions":[{"date":"2025-02-10","supervisor":"M1","worker":"W1","kind":"individual","progress":"p"}],"directions":[{"id":"D1","given":"2025-02-10"}]}`), "2025-06-01")
	f.Add([]byte(`{"allocations":[{"worker":"W1","from":"2025-01-06","to":"2025-01-07"},{"worker":"W2","from":"2025-01-07"}]}`), "2025-01-07")
	f.Fuzz(func(t *testing.T, data []byte, asOf string) {
		var rec supervision.CaseRecord
		if json.Unmarshal(data, &rec) != nil {
			return
		}
		d, err := care.ParseDate(asOf)
		if err != nil {
			return
		}
		rep, err := supervision.AssessCase("C0001", rec, d, supervision.Policy{})
		if err != nil {
			return
		}
		if !slicesEqual(rep, rep.Sorted()) {
			t.Errorf("AssessCase() report is not sorted")
		}
	})
}

func slicesEqual(a, b care.Report) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Rule() != b[i].Rule() || a[i].Due != b[i].Due || a[i].Subject() != b[i].Subject() {
			return false
		}
	}
	return true
}
