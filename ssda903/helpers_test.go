package ssda903_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/shopspring/decimal"
)

// sharedDir is the shared synthetic return; tests that read it skip when
// it is not there (a clean checkout has only this repository).
const sharedDir = "testdata/dfe/fake_data"

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "header.csv")); err != nil {
		t.Skipf("shared synthetic return not available: %v", err)
	}
}

// cmpRecords compares records: dates and partial dates as values,
// decimals by value, positions and problems left out.
var cmpRecords = cmp.Options{
	cmpopts.EquateComparable(care.Date{}, care.Clock{}, ssda903.PartialDate{}),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.IgnoreTypes(ssda903.Pos{}, ssda903.Errors{}),
	cmpopts.EquateEmpty(),
}

// rawTables returns every table of r as a map from column to cells, so
// that returns compare regardless of column order, files and positions.
func rawTables(r *ssda903.Return) map[ssda903.Table]map[string][]string {
	out := map[ssda903.Table]map[string][]string{}
	for _, t := range ssda903.Tables() {
		tb := r.Table(t)
		if tb == nil {
			continue
		}
		m := map[string][]string{}
		for _, c := range tb.Columns() {
			col := make([]string, tb.Len())
			for i := range col {
				col[i], _ = tb.Cell(i, c)
			}
			m[c] = col
		}
		out[t] = m
	}
	return out
}

// writeFS writes every table of r as CSV into an in-memory file system.
func writeFS(t testing.TB, r *ssda903.Return) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, tb := range ssda903.Tables() {
		if r.Table(tb) == nil {
			continue
		}
		var buf bytes.Buffer
		if err := r.WriteCSV(&buf, tb); err != nil {
			t.Fatalf("WriteCSV(%s) error = %v", tb, err)
		}
		fsys[ssda903.FileName(tb)] = &fstest.MapFile{Data: buf.Bytes()}
	}
	return fsys
}

// problems returns the problems of err, failing if it is not an Errors.
func problems(t testing.TB, err error) ssda903.Errors {
	t.Helper()
	if err == nil {
		return nil
	}
	var errs ssda903.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %v (%T) is not an ssda903.Errors", err, err)
	}
	return errs
}

// mustRead reads a return from an in-memory file system of CSV files
// given as text, failing on any problem.
func mustRead(t testing.TB, files map[string]string) *ssda903.Return {
	t.Helper()
	fsys := fstest.MapFS{}
	for n, s := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(s)}
	}
	r, err := ssda903.ReadFS(fsys, 2025)
	if err != nil {
		t.Fatalf("ReadFS() error = %v", err)
	}
	return r
}

// mapFS makes an in-memory file system of files given as text.
func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for n, s := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

// sameCells reports how written-then-read return b differs from r: every
// cell of r must be in b, and b's other columns (the year's columns the
// writer adds) must be blank.
func sameCells(r, b *ssda903.Return) string {
	want, got := rawTables(r), rawTables(b)
	for t, cols := range got {
		for c, cells := range cols {
			if _, ok := want[t][c]; ok {
				continue
			}
			for _, s := range cells {
				if s != "" {
					return t.String() + " column " + c + " is not blank"
				}
			}
			delete(cols, c)
		}
	}
	return cmp.Diff(want, got)
}
