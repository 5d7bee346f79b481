package ssda903

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// Return is one collection year's return as submitted: its tables, each
// row keeping every cell exactly as given, with the file, row and line it
// came from. Nothing is trimmed, case-folded, parsed or dropped here; the
// typed layer ([Return.Records]) interprets the cells and reports what it
// cannot.
//
// A Return is read-only once read, and safe for concurrent use. A program
// that checks a return against the previous year's reads both: two
// Returns, each with its Year.
type Return struct {
	// Year is the collection year the return is for: the year the caller
	// says it is, since the files do not hold it. Zero means not given;
	// the writers then use the current forms of the codes.
	Year   care.CollectionYear
	tables [numTables]*RawTable
}

// Table returns the table t as read, or nil if no file held it.
func (r *Return) Table(t Table) *RawTable {
	if r == nil || !t.IsKnown() {
		return nil
	}
	return r.tables[t]
}

// table returns table t, creating it if need be.
func (r *Return) table(t Table) *RawTable {
	if r.tables[t] == nil {
		r.tables[t] = &RawTable{table: t}
	}
	return r.tables[t]
}

// finish makes every table's text readable once building is done.
func (r *Return) finish() {
	for _, t := range r.tables {
		if t != nil {
			t.finish()
		}
	}
}

// Pos is where a row came from: the file, the row's number and the line
// it starts on.
type Pos struct {
	// File is the file's name as the reader was given it.
	File string
	// Row is the row's 1-based number: in a CSV file, counting from the
	// first row after the header row; in an XML file, its number in its
	// table.
	Row int
	// Line is the line of the file on which the row starts (the row's
	// element, in XML), or 0 if not known.
	Line int
}

// String returns "file:line (row n)", or what of it is known.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
	}
	if p.Row > 0 {
		if s != "" {
			s += " "
		}
		s += "(row " + strconv.Itoa(p.Row) + ")"
	}
	return s
}

// RawTable is one table of a [Return] exactly as given: its columns as
// named in the files (trimmed and upper-cased, since column names are
// matched without regard to case), and its rows, each cell's text
// untouched. A table read from several files has the rows of all of them,
// in the order read, each row keeping its own file; its columns are those
// of every file, and a row from a file without a column has no cell there
// ([RawTable.Cell] reports it absent).
//
// The cells are stored together in one string, each with its length in
// a byte, so that a national return of several million cells costs about
// a byte a cell more than its text.
type RawTable struct {
	table   Table
	columns []string
	files   []rawFile
	rows    []rawRow
	// lens holds the length of every cell, row after row, in the order
	// of columns (cell c of row i is lens[i*len(columns)+c]); a cell of
	// longCell bytes or more has longCell here and its length in long.
	lens []uint8
	long map[int]uint32
	sb   strings.Builder
	text string
}

// longCell marks, in lens, a cell whose length is in long.
const longCell = 255

type rawFile struct {
	name string
	// has[c] reports whether the file has column c.
	has []bool
}

// rawRow is where a row came from, and where its text starts.
type rawRow struct {
	file, row, line int32
	start           uint32
}

// maxText is the most text one table may hold: offsets are 32-bit.
const maxText = math.MaxUint32

// Table returns which table of the return t is.
func (t *RawTable) Table() Table { return t.table }

// Columns returns the names of the table's columns as given, in order of
// first appearance: a fresh slice.
func (t *RawTable) Columns() []string { return slices.Clone(t.columns) }

// Len returns the number of rows.
func (t *RawTable) Len() int { return len(t.rows) }

// Files returns the names of the files the table was read from, in the
// order read: a fresh slice.
func (t *RawTable) Files() []string {
	out := make([]string, len(t.files))
	for i, f := range t.files {
		out[i] = f.name
	}
	return out
}

// Pos returns where row i came from.
func (t *RawTable) Pos(i int) Pos {
	r := t.rows[i]
	return Pos{File: t.files[r.file].name, Row: int(r.row), Line: int(r.line)}
}

// Cell returns the text of row i's cell in the column named column
// (matched without regard to case), and whether the row has that cell:
// false when the table has no such column, or the row's file did not.
func (t *RawTable) Cell(i int, column string) (string, bool) {
	c := t.col(strings.ToUpper(strings.TrimSpace(column)))
	if c < 0 {
		return "", false
	}
	return t.cell(i, c)
}

// Row returns the texts of row i's cells in the order of
// [RawTable.Columns], "" where the row has no cell: a fresh slice.
func (t *RawTable) Row(i int) []string {
	return t.appendRow(make([]string, 0, len(t.columns)), i)
}

// appendRow appends the texts of row i's cells to dst, in column order,
// "" where the row has no cell, in one pass over the row.
func (t *RawTable) appendRow(dst []string, i int) []string {
	r := t.rows[i]
	has := t.files[r.file].has
	off := r.start
	k := i * len(t.columns)
	for c := range t.columns {
		n := t.length(k + c)
		if has[c] {
			dst = append(dst, t.text[off:off+n])
		} else {
			dst = append(dst, "")
		}
		off += n
	}
	return dst
}

// col returns the index of the column named name, or -1.
func (t *RawTable) col(name string) int {
	for i, c := range t.columns {
		if c == name {
			return i
		}
	}
	return -1
}

// cell returns cell c of row i.
func (t *RawTable) cell(i, c int) (string, bool) {
	r := t.rows[i]
	if !t.files[r.file].has[c] {
		return "", false
	}
	k := i * len(t.columns)
	off := r.start
	for j := k; j < k+c; j++ {
		off += t.length(j)
	}
	return t.text[off : off+t.length(k+c)], true
}

// length returns the length of cell k (counting row after row).
func (t *RawTable) length(k int) uint32 {
	if n := t.lens[k]; n != longCell {
		return uint32(n)
	}
	return t.long[k]
}

// addLen records the length of the next cell.
func (t *RawTable) addLen(n int) {
	if n < longCell {
		t.lens = append(t.lens, uint8(n))
		return
	}
	if t.long == nil {
		t.long = map[int]uint32{}
	}
	t.long[len(t.lens)] = uint32(n)
	t.lens = append(t.lens, longCell)
}

// addFile records a file holding the table with the columns names, adding
// any column the table does not have yet, and returns the file's index and
// where each of its columns sits in the table.
func (t *RawTable) addFile(name string, names []string) (int, []int) {
	where := make([]int, len(names))
	index := make(map[string]int, len(t.columns))
	for c, n := range t.columns {
		index[n] = c
	}
	for j, n := range names {
		c, ok := index[n]
		if !ok {
			t.widen(n)
			c = len(t.columns) - 1
			index[n] = c
		}
		where[j] = c
	}
	has := make([]bool, len(t.columns))
	for _, c := range where {
		has[c] = true
	}
	t.files = append(t.files, rawFile{name: name, has: has})
	return len(t.files) - 1, where
}

// widen adds a column, giving every row read so far an empty cell in it.
func (t *RawTable) widen(name string) {
	n := len(t.columns)
	t.columns = append(t.columns, name)
	for i := range t.files {
		t.files[i].has = append(t.files[i].has, false)
	}
	if len(t.rows) == 0 {
		return
	}
	old, oldLong := t.lens, t.long
	t.lens, t.long = make([]uint8, 0, len(t.rows)*(n+1)), nil
	for i := range t.rows {
		for k := i * n; k < (i+1)*n; k++ {
			if old[k] == longCell {
				t.addLen(int(oldLong[k]))
			} else {
				t.lens = append(t.lens, old[k])
			}
		}
		t.lens = append(t.lens, 0)
	}
}

// addRow appends a row whose cells are given in the table's column order
// (one per column; a column the row's file lacks has ""), or reports that
// the table's text would outgrow maxText.
func (t *RawTable) addRow(file, row, line int, cells []string) bool {
	size := 0
	for _, c := range cells {
		size += len(c)
	}
	if t.sb.Len()+size > maxText {
		return false
	}
	t.rows = append(t.rows, rawRow{file: int32(file), row: int32(row), line: int32(line), start: uint32(t.sb.Len())})
	for _, c := range cells {
		t.sb.WriteString(c)
		t.addLen(len(c))
	}
	return true
}

// addRowCSV is addRow for the row a CSV scanner last scanned, its cells
// in the file's own column order, placed into the table's by from (from
// fileOrder).
func (t *RawTable) addRowCSV(file, row, line int, s *csvScanner, from []int) bool {
	size := 0
	for _, sp := range s.spans {
		size += sp.b - sp.a
	}
	if t.sb.Len()+size > maxText {
		return false
	}
	t.rows = append(t.rows, rawRow{file: int32(file), row: int32(row), line: int32(line), start: uint32(t.sb.Len())})
	if from == nil {
		for k := range s.spans {
			c := s.cell(k)
			t.sb.Write(c)
			t.addLen(len(c))
		}
		for range len(t.columns) - len(s.spans) {
			t.lens = append(t.lens, 0)
		}
		return true
	}
	for _, j := range from {
		if j < 0 {
			t.lens = append(t.lens, 0)
			continue
		}
		cell := s.cell(j)
		t.sb.Write(cell)
		t.addLen(len(cell))
	}
	return true
}

// fileOrder returns, for a file whose columns sit in the table at where
// (from addFile), the file's column of each table column (-1 if none);
// nil when the file's columns are the table's first ones, in order.
func (t *RawTable) fileOrder(where []int) []int {
	ordered := true
	for j, c := range where {
		if c != j {
			ordered = false
			break
		}
	}
	if ordered {
		return nil
	}
	from := make([]int, len(t.columns))
	for c := range from {
		from[c] = -1
	}
	for j, c := range where {
		from[c] = j
	}
	return from
}

// grow makes room for about n more bytes of text and rows more rows.
func (t *RawTable) grow(n, rows int) {
	if n > 0 && t.sb.Len()+n <= maxText {
		t.sb.Grow(n)
	}
	t.rows = slices.Grow(t.rows, rows)
	t.lens = slices.Grow(t.lens, rows*len(t.columns))
}

// finish makes the text readable.
func (t *RawTable) finish() { t.text = t.sb.String() }
