package ssda903

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/lookedafter/practice/care"
)

// MaxFileBytes is the largest file the readers read: 1 GiB, some twenty
// times a national return's largest table. A larger file is an error
// wrapping [ErrTooLarge], not an attempt to hold it in memory.
const MaxFileBytes = 1 << 30

// returnBuilder collects a return and the problems found reading it.
type returnBuilder struct {
	ret  *Return
	errs Errors
}

func newReturnBuilder(year care.CollectionYear) *returnBuilder {
	return &returnBuilder{ret: &Return{Year: year}}
}

func (rb *returnBuilder) done() (*Return, error) {
	rb.ret.finish()
	return rb.ret, rb.errs.Err()
}

// ReadDir reads the CSV tables of a return from the files of dir whose
// names end in ".csv" (in any case), in name order; other files and
// subdirectories are not read. year is the collection year the return is
// for (the files do not say); zero if not known.
//
// Each file's table is recognised by its header row, not its name: the
// header row must have the one column that identifies a table (DECOM for
// Episodes, ETHNIC for Header, …; see [Table]), and its other columns must
// be the table's, in any order and case. A table may come in several
// files: its rows are read from each, in name order, each row keeping its
// file.
//
// ReadDir always returns a Return, holding everything that could be read;
// the error, if not nil, is an [Errors] listing every problem, each with
// its file, table, row, line and column: a file that could not be read,
// one whose table could not be recognised, an unknown or missing column, a
// malformed row. A problem never stops the rest being read, and nothing
// is dropped without a problem saying so. The cells are kept exactly as
// given: [Return.Records] interprets them.
func ReadDir(dir string, year care.CollectionYear) (*Return, error) {
	rb := newReturnBuilder(year)
	entries, err := os.ReadDir(dir)
	if err != nil {
		rb.errs = append(rb.errs, &Error{File: dir, Err: err})
		return rb.done()
	}
	for _, e := range entries {
		if e.IsDir() || !isCSVName(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := readFile(p)
		if err != nil {
			rb.errs = append(rb.errs, &Error{File: p, Err: err})
			continue
		}
		rb.readCSV(p, data)
	}
	return rb.done()
}

// ReadFS is [ReadDir] for a file system: it reads the CSV tables of the
// files in the root of fsys whose names end in ".csv", in name order.
// Files are named in errors and positions by their names in fsys.
func ReadFS(fsys fs.FS, year care.CollectionYear) (*Return, error) {
	rb := newReturnBuilder(year)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		rb.errs = append(rb.errs, &Error{File: ".", Err: err})
		return rb.done()
	}
	for _, e := range entries {
		if e.IsDir() || !isCSVName(e.Name()) {
			continue
		}
		data, err := readFSFile(fsys, e.Name())
		if err != nil {
			rb.errs = append(rb.errs, &Error{File: e.Name(), Err: err})
			continue
		}
		rb.readCSV(e.Name(), data)
	}
	return rb.done()
}

// ReadFiles reads a return from the files named, in the order given: a
// file whose name ends in ".xml" (in any case) as the XML return (see
// [ReadXML]), any other as one CSV table (see [ReadDir]). Tables that
// several files hold have the rows of each. A return is normally either
// XML or CSV; ReadFiles reads whatever it is given.
func ReadFiles(year care.CollectionYear, paths ...string) (*Return, error) {
	rb := newReturnBuilder(year)
	for _, p := range paths {
		data, err := readFile(p)
		if err != nil {
			rb.errs = append(rb.errs, &Error{File: p, Err: err})
			continue
		}
		if strings.EqualFold(filepath.Ext(p), ".xml") {
			rb.readXML(p, data)
		} else {
			rb.readCSV(p, data)
		}
	}
	return rb.done()
}

// ReadCSV reads one CSV table from r, which is named name in errors and
// positions, as [ReadDir] reads each file.
func ReadCSV(r io.Reader, name string, year care.CollectionYear) (*Return, error) {
	rb := newReturnBuilder(year)
	data, err := readAll(r)
	if err != nil {
		rb.errs = append(rb.errs, &Error{File: name, Err: err})
		return rb.done()
	}
	rb.readCSV(name, data)
	return rb.done()
}

// ReadXML reads the XML form of a return from r, which is named name in
// errors and positions: every table, in the DfE's layout (see the package
// documentation's "XML"). Like [ReadDir], it returns everything it could
// read and an [Errors] listing every problem.
func ReadXML(r io.Reader, name string, year care.CollectionYear) (*Return, error) {
	rb := newReturnBuilder(year)
	data, err := readAll(r)
	if err != nil {
		rb.errs = append(rb.errs, &Error{File: name, Err: err})
		return rb.done()
	}
	rb.readXML(name, data)
	return rb.done()
}

func isCSVName(name string) bool { return strings.EqualFold(path.Ext(name), ".csv") }

// errTooLarge is the error of a file over MaxFileBytes.
var errTooLarge = fmt.Errorf("%w: larger than the %d bytes this package reads", ErrTooLarge, MaxFileBytes)

// readFile reads a file of at most MaxFileBytes.
func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileBytes {
		return nil, errTooLarge
	}
	return readAll(f)
}

// readFSFile reads a file of fsys of at most MaxFileBytes.
func readFSFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileBytes {
		return nil, errTooLarge
	}
	return readAll(f)
}

// readAll reads r to the end, or to one byte past MaxFileBytes.
func readAll(r io.Reader) ([]byte, error) {
	var buf bytes.Buffer
	if s, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := s.Stat(); err == nil && fi.Size() > 0 && fi.Size() <= MaxFileBytes {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	n, err := buf.ReadFrom(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if n > MaxFileBytes {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}
