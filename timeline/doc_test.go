package timeline

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesCoverAPI checks that every exported function has an Example
// and every exported identifier a doc comment.
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
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	pkg, err := doc.NewFromFiles(fset, files, "github.com/lookedafter/practice/timeline")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Funcs) == 0 {
		t.Fatal("found no exported functions")
	}
	for _, f := range pkg.Funcs {
		if f.Doc == "" || len(f.Examples) == 0 {
			t.Errorf("%s: doc comment %t, examples %d; want both", f.Name, f.Doc != "", len(f.Examples))
		}
	}
	for _, typ := range pkg.Types {
		if typ.Doc == "" {
			t.Errorf("type %s has no doc comment", typ.Name)
		}
	}
	for _, v := range pkg.Vars {
		if v.Doc == "" {
			t.Errorf("var %s has no doc comment", strings.Join(v.Names, ", "))
		}
	}
}
