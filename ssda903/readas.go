package ssda903

import (
	"fmt"
	"io/fs"
	"slices"

	"github.com/lookedafter/practice/care"
)

// ReadFSTables is [ReadFS] for CSV files whose tables are known from
// elsewhere (their names, a manifest): names maps each file of fsys to
// read to its table. The header row does not have to identify the table
// (a file may lack the table's key column); its columns are checked as
// ReadFS checks them, each problem an error, and every column, known or
// not, is kept. Files are read in name order.
func ReadFSTables(fsys fs.FS, names map[string]Table, year care.CollectionYear) (*Return, error) {
	rb := newReturnBuilder(year)
	files := make([]string, 0, len(names))
	for n := range names {
		files = append(files, n)
	}
	slices.Sort(files)
	for _, n := range files {
		t := names[n]
		if !t.IsKnown() {
			rb.errs = append(rb.errs, &Error{File: n, Err: fmt.Errorf("%w: %s", ErrUnknownTable, t)})
			continue
		}
		data, err := readFSFile(fsys, n)
		if err != nil {
			rb.errs = append(rb.errs, &Error{File: n, Err: err})
			continue
		}
		rb.readCSVAs(n, data, t)
	}
	return rb.done()
}
