package review

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesCoverAPI checks that every exported function, and every
// Validate method, has an Example in example_test.go, and that every
// exported identifier has a doc comment.
func TestExamplesCoverAPI(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") && name != "example_test.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/lookedafter/practice/review")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Funcs) == 0 || len(pkg.Types) == 0 {
		t.Fatalf("found no exported functions or types")
	}
	check := func(name, docText string, examples []*doc.Example, needExample bool) {
		if docText == "" {
			t.Errorf("%s has no doc comment", name)
		}
		if needExample && len(examples) == 0 {
			t.Errorf("%s has no Example", name)
		}
	}
	for _, f := range pkg.Funcs {
		check(f.Name, f.Doc, f.Examples, true)
	}
	for _, typ := range pkg.Types {
		check(typ.Name, typ.Doc, nil, false)
		for _, f := range typ.Funcs {
			check(f.Name, f.Doc, f.Examples, true)
		}
		for _, m := range typ.Methods {
			check(typ.Name+"."+m.Name, m.Doc, m.Examples, m.Name == "Validate")
		}
	}
}
