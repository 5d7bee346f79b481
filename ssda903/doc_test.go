package ssda903_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestDocs checks that every exported identifier has a doc comment, and
// that every exported reader, writer and converter has an example.
func TestDocs(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files, tests []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "_test.go") {
			tests = append(tests, f)
		} else {
			files = append(files, f)
		}
	}
	pkg, err := doc.NewFromFiles(fset, append(files, tests...), "github.com/lookedafter/practice/ssda903")
	if err != nil {
		t.Fatal(err)
	}
	examples := map[string]bool{}
	for _, ex := range doc.Examples(tests...) {
		examples[strings.SplitN(ex.Name, "_", 2)[0]] = true
		examples[ex.Name] = true
	}
	needsExample := func(name string) bool {
		for _, p := range []string{"Read", "Write", "Parse", "Format", "Records", "Return", "Cases", "FromCases", "PartialDateOf"} {
			if strings.HasPrefix(name, p) {
				return true
			}
		}
		return false
	}
	check := func(name, docText string, isFunc bool, exampleName string) {
		if strings.TrimSpace(docText) == "" {
			t.Errorf("%s has no doc comment", name)
		}
		if isFunc && needsExample(name[strings.LastIndex(name, ".")+1:]) && !examples[exampleName] {
			t.Errorf("%s has no example (%s)", name, "Example"+exampleName)
		}
	}
	for _, f := range pkg.Funcs {
		check(f.Name, f.Doc, true, f.Name)
	}
	for _, c := range pkg.Consts {
		check(strings.Join(c.Names, ", "), c.Doc, false, "")
	}
	for _, v := range pkg.Vars {
		check(strings.Join(v.Names, ", "), v.Doc, false, "")
	}
	for _, typ := range pkg.Types {
		check(typ.Name, typ.Doc, false, "")
		for _, f := range typ.Funcs {
			check(f.Name, f.Doc, true, f.Name)
		}
		for _, m := range typ.Methods {
			check(typ.Name+"."+m.Name, m.Doc, true, typ.Name+"_"+m.Name)
		}
		for _, c := range typ.Consts {
			check(strings.Join(c.Names, ", "), c.Doc, false, "")
		}
		for _, v := range typ.Vars {
			check(strings.Join(v.Names, ", "), v.Doc, false, "")
		}
	}
}
