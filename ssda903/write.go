package ssda903

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteCSV writes table t of the return to w as a CSV file: a header row,
// then the rows in order. The columns are those the DfE's technical
// specification gives the table for the return's year ([Table.Columns]),
// in its order, and then any other column the table has (the DfE's derived
// columns, the XML's UASC flag, a column no year has), in the order read,
// so that nothing read is lost. Dates and codes are written as they are
// held: a Return holds text (see [Records.Return] for writing typed
// records in the year's forms).
//
// Rows end in CRLF (RFC 4180); a cell holding a comma, a quote or a line
// break is enclosed in quotes, its quotes doubled. The text is UTF-8
// without a byte-order mark. A table the return does not have is written
// as its header row alone.
func (r *Return) WriteCSV(w io.Writer, t Table) error {
	if !t.IsKnown() {
		return fmt.Errorf("ssda903: cannot write table %s: %w", t, ErrUnknownTable)
	}
	tb := r.Table(t)
	cols := t.Columns(r.Year)
	if cols == nil {
		cols = t.Columns(0)
	}
	idx := make([]int, 0, len(cols))
	names := make([]string, 0, len(cols))
	for _, c := range cols {
		k := -1
		if tb != nil {
			k = tb.col(c)
		}
		idx = append(idx, k)
		names = append(names, c)
	}
	if tb != nil {
		for k, c := range tb.columns {
			if slicesIndex(cols, c) < 0 {
				idx = append(idx, k)
				names = append(names, c)
			}
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	writeRecord(bw, names)
	if tb != nil {
		cells := make([]string, len(idx))
		var row []string
		for i := range tb.Len() {
			row = tb.appendRow(row[:0], i)
			for j, k := range idx {
				cells[j] = ""
				if k >= 0 {
					cells[j] = row[k]
				}
			}
			writeRecord(bw, cells)
		}
	}
	return bw.Flush()
}

// writeRecord writes one CSV row. A row of one empty cell is written as
// "", not as a blank line, which a reader skips.
func writeRecord(w *bufio.Writer, cells []string) {
	if len(cells) == 1 && cells[0] == "" {
		w.WriteString("\"\"\r\n")
		return
	}
	for i, c := range cells {
		if i > 0 {
			w.WriteByte(',')
		}
		if !strings.ContainsAny(c, ",\"\r\n") {
			w.WriteString(c)
			continue
		}
		w.WriteByte('"')
		for {
			j := strings.IndexByte(c, '"')
			if j < 0 {
				break
			}
			w.WriteString(c[:j+1])
			w.WriteByte('"')
			c = c[j+1:]
		}
		w.WriteString(c)
		w.WriteByte('"')
	}
	w.WriteString("\r\n")
}

// WriteDir writes each table the return has as a CSV file in dir (which
// must exist), as [Return.WriteCSV] writes it, named as the DfE's own
// files are: header.csv, episodes.csv, reviews.csv, uasc.csv, oc2.csv,
// oc3.csv, ad1.csv, placed_for_adoption.csv, previous_permanence.csv,
// missing.csv, sw_episodes.csv and dolo.csv. An existing file of the same
// name is replaced. [ReadDir] reads the directory back into the same
// return.
func (r *Return) WriteDir(dir string) error {
	var errs []error
	for t := TableHeader; t < numTables; t++ {
		if r.Table(t) == nil {
			continue
		}
		p := filepath.Join(dir, specs[t].file)
		f, err := os.Create(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		err = r.WriteCSV(f, t)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("ssda903: writing %s: %w", p, err))
		}
	}
	return errors.Join(errs...)
}

// FileName returns the name [Return.WriteDir] gives table t's file
// ("episodes.csv"), or "" for a value that is not a table.
func FileName(t Table) string {
	if !t.IsKnown() {
		return ""
	}
	return specs[t].file
}
