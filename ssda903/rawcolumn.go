package ssda903

import "strings"

// ColumnCells returns the text of every row's cell in the column named
// column (matched without regard to case or surrounding spaces), one per
// row in row order, and, when some rows have no cell there (their file
// lacked the column), which ones: missing is nil when every row has the
// cell. ok is false, and both slices nil, when the table has no such
// column at all.
//
// It reads the column in one pass over the table, for a program that
// reads a column of every row (a validator) rather than a row at a time;
// the slices are fresh, and the strings share the table's memory.
func (t *RawTable) ColumnCells(column string) (cells []string, missing []bool, ok bool) {
	c := t.col(strings.ToUpper(strings.TrimSpace(column)))
	if c < 0 {
		return nil, nil, false
	}
	cells = make([]string, len(t.rows))
	width := len(t.columns)
	for i, r := range t.rows {
		if !t.files[r.file].has[c] {
			if missing == nil {
				missing = make([]bool, len(t.rows))
			}
			missing[i] = true
			continue
		}
		k := i * width
		off := r.start
		for j := k; j < k+c; j++ {
			off += t.length(j)
		}
		cells[i] = t.text[off : off+t.length(k+c)]
	}
	return cells, missing, true
}
