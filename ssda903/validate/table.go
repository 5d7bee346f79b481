package validate

import (
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// Table is a rule's view of one table of a return: its rows (all of
// them, or one child's in [RunChild]), read through columns that are
// resolved, trimmed, upper-cased and parsed once per run and shared by
// every rule that reads them. Row i of a Table is its i-th row in file
// order, 0 ≤ i < [Table.Len].
//
// The helpers follow the DfE tool: codes are compared trimmed of
// surrounding spaces and without regard to case ([Table.Code]); a cell
// is blank when it is missing (its file had no such column) or holds only
// spaces ([Table.Blank]); dates are dd/mm/yyyy ([Table.Date]).
//
// A Table belongs to one run and is not safe for concurrent use.
type Table struct {
	which ssda903.Table
	raw   *ssda903.RawTable
	// rows are the raw table's rows in the view; nil: all of them.
	rows []int
	cols map[string]*Column
	// recent are the columns last asked for by name: rules read a few
	// columns cell by cell, and comparing a name with the names asked for
	// last is cheaper than a map look-up.
	recent [8]namedColumn
	turn   int     // the entry of recent to replace next
	child  *Column // CHILD, once asked for
	// order lists the table's children in order of first appearance, and
	// rowsOf[k] the rows of order[k]; byChild maps a child's code
	// (trimmed) to k. All are built on first use. next is the k after the
	// child last asked for: rules walk the children of one table and ask
	// another for each child's rows, most often in the same order (or
	// the same child again, once for each of its rows elsewhere), which a
	// comparison with order[next] (or order[next-1]) answers without
	// hashing the code.
	byChild map[string]int
	order   []string
	rowsOf  [][]int
	next    int
}

type namedColumn struct {
	name string
	col  *Column
}

// Column is one column of a [Table], read once per run and parsed on
// demand, shared by every rule that reads it. Its methods are those of
// Table without the column's name: a rule looping over many rows takes
// the column once (ls := eps.Column("LS")) and reads ls.Code(i), saving
// a look-up per cell.
type Column struct {
	present bool     // the table has the column
	cells   []string // as given, "" where missing
	missing []bool   // nil: no cell missing
	codes   []string // trimmed and upper-cased; nil until asked
	child   []string // trimmed (CHILD); nil until asked
	dates   []dateCell
	ints    []intCell
}

type dateCell struct {
	d     care.Date
	state uint8 // dateBlank, dateOK or dateBad
}

const (
	dateBlank uint8 = iota
	dateOK
	dateBad
)

type intCell struct {
	v  int
	ok bool
}

func newTable(which ssda903.Table, raw *ssda903.RawTable, rows []int) *Table {
	return &Table{which: which, raw: raw, rows: rows, cols: map[string]*Column{}}
}

// Which returns which table of the return t is.
func (t *Table) Which() ssda903.Table { return t.which }

// Len returns the number of rows.
func (t *Table) Len() int {
	if t.rows != nil {
		return len(t.rows)
	}
	return t.raw.Len()
}

// Pos returns where row i came from: its file and row in the file.
func (t *Table) Pos(i int) ssda903.Pos { return t.raw.Pos(t.rawRow(i)) }

func (t *Table) rawRow(i int) int {
	if t.rows != nil {
		return t.rows[i]
	}
	return i
}

// col returns the column named name (upper case, as the DfE writes
// column names), reading it on first use.
func (t *Table) col(name string) *Column {
	if c, ok := t.cols[name]; ok {
		return c
	}
	c := &Column{}
	if t.rows == nil {
		c.cells, c.missing, c.present = t.raw.ColumnCells(name)
	} else {
		c.cells = make([]string, len(t.rows))
		for k, r := range t.rows {
			s, ok := t.raw.Cell(r, name)
			if ok {
				c.present = true
			} else {
				if c.missing == nil {
					c.missing = make([]bool, len(t.rows))
				}
				c.missing[k] = true
			}
			c.cells[k] = s
		}
		if !c.present {
			// Tell "no such column" apart from "no rows".
			c.present = slicesContains(t.raw.Columns(), name)
		}
	}
	if c.cells == nil {
		c.cells = make([]string, t.Len())
	}
	t.cols[name] = c
	return c
}

// setColumn puts c in the table as the column named name (upper case):
// a column derived from others, or data derived once per run.
func (t *Table) setColumn(name string, c *Column) {
	t.cols[name] = c
	t.recent = [len(t.recent)]namedColumn{}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Column returns the column named name (as the DfE writes it, upper
// case): never nil; a column the table lacks has every cell missing.
func (t *Table) Column(name string) *Column {
	for _, r := range &t.recent {
		if len(r.name) == len(name) && r.col != nil && (len(name) == 0 || r.name[0] == name[0]) && r.name == name {
			return r.col
		}
	}
	c := t.col(strings.ToUpper(name))
	t.recent[t.turn] = namedColumn{name, c}
	t.turn = (t.turn + 1) % len(t.recent)
	return c
}

// HasColumn reports whether the table has the column at all (in any of
// its files).
func (t *Table) HasColumn(name string) bool { return t.Column(name).present }

// Text returns row i's cell in the column as given, "" when missing.
func (t *Table) Text(i int, name string) string { return t.Column(name).Text(i) }

// Trimmed returns row i's cell in the column trimmed of surrounding
// spaces, its case kept: for the rules that, like the DfE's XML schema,
// take a code in lower case to be no code ("wbri" is not WBRI).
func (t *Table) Trimmed(i int, name string) string { return t.Column(name).Trimmed(i) }

// Missing reports whether row i has no cell in the column: the table, or
// the row's file, has no such column. A missing cell is also [Table.Blank].
func (t *Table) Missing(i int, name string) bool { return t.Column(name).Missing(i) }

// Blank reports whether row i's cell in the column is missing or holds
// nothing but spaces: the DfE tool's "not recorded".
func (t *Table) Blank(i int, name string) bool { return t.Column(name).Blank(i) }

// Code returns row i's cell in the column as a code: trimmed of
// surrounding spaces and upper-cased, as the DfE tool compares codes; ""
// when blank.
func (t *Table) Code(i int, name string) string { return t.Column(name).Code(i) }

// Date returns row i's cell in the column as a date, dd/mm/yyyy (see
// [ssda903.ParseDate]), and true; the zero Date and false when the cell
// is blank or is not a date that exists.
func (t *Table) Date(i int, name string) (care.Date, bool) { return t.Column(name).Date(i) }

// BadDate reports whether row i's cell in the column is not blank and is
// not a valid date: the DfE's "not a valid date".
func (t *Table) BadDate(i int, name string) bool { return t.Column(name).BadDate(i) }

// Int returns row i's cell in the column as a whole number (trimmed,
// optionally signed, decimal digits only), and whether it is one.
func (t *Table) Int(i int, name string) (int, bool) { return t.Column(name).Int(i) }

// Text returns row i's cell as given, "" when missing.
func (c *Column) Text(i int) string { return c.cells[i] }

// Trimmed returns row i's cell trimmed of surrounding spaces, its case
// kept.
func (c *Column) Trimmed(i int) string { return strings.TrimSpace(c.cells[i]) }

// Missing reports whether row i has no cell in the column.
func (c *Column) Missing(i int) bool { return !c.present || (c.missing != nil && c.missing[i]) }

// Blank reports whether row i's cell is missing or holds nothing but
// spaces.
func (c *Column) Blank(i int) bool { return c.Code(i) == "" }

// Code returns row i's cell trimmed and upper-cased; "" when blank.
func (c *Column) Code(i int) string {
	if c.codes == nil {
		c.fillCodes()
	}
	return c.codes[i]
}

// fillCodes reads every cell of the column as a code, once. Most columns
// hold their codes as codes already: they share the cells.
func (c *Column) fillCodes() {
	for k, s := range c.cells {
		if ssda903.NormalizeCode(s) != s {
			c.codes = make([]string, len(c.cells))
			copy(c.codes, c.cells[:k])
			for j := k; j < len(c.cells); j++ {
				c.codes[j] = ssda903.NormalizeCode(c.cells[j])
			}
			return
		}
	}
	c.codes = c.cells
}

// Date returns row i's cell as a date, and whether it is a valid one.
func (c *Column) Date(i int) (care.Date, bool) {
	dc := c.parseDates()[i]
	return dc.d, dc.state == dateOK
}

// BadDate reports whether row i's cell is not blank and not a valid date.
func (c *Column) BadDate(i int) bool { return c.parseDates()[i].state == dateBad }

func (c *Column) parseDates() []dateCell {
	if c.dates == nil {
		c.dates = make([]dateCell, len(c.cells))
		for k, s := range c.cells {
			if strings.TrimSpace(s) == "" {
				continue
			}
			d, err := ssda903.ParseDate(s)
			if err != nil {
				c.dates[k].state = dateBad
				continue
			}
			c.dates[k] = dateCell{d: d, state: dateOK}
		}
	}
	return c.dates
}

// Int returns row i's cell as a whole number, and whether it is one.
func (c *Column) Int(i int) (int, bool) {
	if c.ints == nil {
		c.ints = make([]intCell, len(c.cells))
		for k, s := range c.cells {
			if s = strings.TrimSpace(s); s == "" {
				continue // not a number, and strconv's error would cost an allocation
			}
			v, err := strconv.Atoi(s)
			c.ints[k] = intCell{v: v, ok: err == nil}
		}
	}
	return c.ints[i].v, c.ints[i].ok
}

// Child returns row i's child: its CHILD cell, trimmed.
func (t *Table) Child(i int) string {
	c := t.child
	if c == nil {
		c = t.col("CHILD")
		t.child = c
	}
	if c.child == nil {
		c.child = make([]string, len(c.cells))
		for k, s := range c.cells {
			c.child[k] = strings.TrimSpace(s)
		}
	}
	return c.child[i]
}

// Children returns the children of the table in order of first
// appearance, each once: shared, not to be modified.
func (t *Table) Children() []string {
	t.index()
	return t.order
}

// RowsOf returns the rows of child in file order, nil if none: shared,
// not to be modified.
func (t *Table) RowsOf(child string) []int {
	t.index()
	if k := t.next; k < len(t.order) && t.order[k] == child {
		t.next++
		return t.rowsOf[k]
	}
	if k := t.next - 1; k >= 0 && k < len(t.order) && t.order[k] == child {
		return t.rowsOf[k] // the same child again, as for each of its rows in another table
	}
	k, ok := t.byChild[child]
	if !ok {
		return nil
	}
	t.next = k + 1
	return t.rowsOf[k]
}

func (t *Table) index() {
	if t.byChild != nil {
		return
	}
	// Number the children in order of first appearance, then lay their
	// rows out child after child in one slice (counting, then placing), so
	// that the whole index is three allocations and a look-up a row.
	n := t.Len()
	t.byChild = make(map[string]int, n/2+1)
	kid := make([]int32, n)
	var count []int32
	prev, k := "", -1
	for i := range n {
		ch := t.Child(i)
		if k < 0 || ch != prev { // a child's rows mostly come together: one look-up for the run
			var ok bool
			if k, ok = t.byChild[ch]; !ok {
				k = len(t.order)
				t.byChild[ch] = k
				t.order = append(t.order, ch)
				count = append(count, 0)
			}
			prev = ch
		}
		kid[i] = int32(k)
		count[k]++
	}
	all := make([]int, n)
	t.rowsOf = make([][]int, len(t.order))
	off := 0
	for k, c := range count {
		t.rowsOf[k] = all[off : off : off+int(c)]
		off += int(c)
	}
	for i, k := range kid {
		t.rowsOf[k] = append(t.rowsOf[k], i)
	}
}

// SortedByDate returns rows (of t) in order of their dates in the column,
// those with the same date in the order given, those with no valid date
// last: a fresh slice. Sequence rules use it to put a child's episodes in
// order: t.SortedByDate(t.RowsOf(child), "DECOM").
func (t *Table) SortedByDate(rows []int, name string) []int {
	ds := t.Column(name).parseDates()
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b int) int {
		da, db := ds[a], ds[b]
		switch {
		case da.state != dateOK && db.state != dateOK:
			return 0
		case da.state != dateOK:
			return 1
		case db.state != dateOK:
			return -1
		}
		return da.d.Compare(db.d)
	})
	return out
}
