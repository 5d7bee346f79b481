package ssda903_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/ssda903"
)

// A file whose table is known from its name is read as that table even
// when its header lacks the table's key column (DECOM for Episodes).
func ExampleReadFSTables() {
	fsys := fstest.MapFS{"eps.csv": {Data: []byte("CHILD,REC\n101,X1\n102,e2\n")}}
	ret, err := ssda903.ReadFSTables(fsys, map[string]ssda903.Table{"eps.csv": ssda903.TableEpisodes}, 2025)
	fmt.Println(err != nil) // the columns the table must have are missing
	eps := ret.Table(ssda903.TableEpisodes)
	rec, _ := eps.Cell(1, "REC")
	fmt.Println(eps.Len(), rec)
	// Output:
	// true
	// 2 e2
}

// A validator reads a column of every row at once.
func ExampleRawTable_ColumnCells() {
	ret, _ := ssda903.ReadCSV(strings.NewReader("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2015,WBRI,UN1,,\n2,2,02/02/2016,abc,UN2,,\n"), "header.csv", 2025)
	cells, missing, ok := ret.Table(ssda903.TableHeader).ColumnCells("ethnic")
	fmt.Println(cells, missing == nil, ok)
	// Output:
	// [WBRI abc] true true
}

func TestColumnCellsMissing(t *testing.T) {
	fsys := fstest.MapFS{
		"a.csv": {Data: []byte("CHILD,REC\n1,X1\n")},
		"b.csv": {Data: []byte("CHILD,DECOM\n2,01/04/2025\n")},
	}
	ret, _ := ssda903.ReadFSTables(fsys, map[string]ssda903.Table{"a.csv": ssda903.TableEpisodes, "b.csv": ssda903.TableEpisodes}, 2025)
	eps := ret.Table(ssda903.TableEpisodes)
	cells, missing, ok := eps.ColumnCells("REC")
	if !ok || len(cells) != 2 || cells[0] != "X1" || missing == nil || missing[0] || !missing[1] {
		t.Errorf("REC: %q %v %v", cells, missing, ok)
	}
	if _, _, ok := eps.ColumnCells("PLACE"); ok {
		t.Error("PLACE: want no such column")
	}
	if p := eps.Pos(1); p.File != "b.csv" || p.Row != 1 {
		t.Errorf("Pos(1) = %v", p)
	}
}
