package reference

import (
	"errors"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/ssda903/reference/internal/xlsx"
)

// Sentinel errors: every problem is an [*Error] wrapping one of these, so
// callers branch with [errors.Is].
var (
	// ErrMalformed reports a file that cannot be read as its format: not
	// a zip archive or not a workbook, CSV that is not well formed.
	ErrMalformed = errors.New("malformed")
	// ErrTooLarge reports input past a bound of this package
	// ([MaxFileBytes], [MaxRows]) or of the workbook reader.
	ErrTooLarge = errors.New("too large")
	// ErrMissingColumn reports a file without a column this package needs
	// (a postcode, a URN).
	ErrMissingColumn = errors.New("missing column")
	// ErrBadValue reports a cell that does not hold what its column
	// should: a date that is not one, a number that is not a number.
	ErrBadValue = errors.New("bad value")
	// ErrNoProviders reports a workbook none of whose sheets is a
	// provider list.
	ErrNoProviders = errors.New("no provider list")
)

// Bounds on what the loaders read. A file larger than MaxFileBytes, or
// with more data rows than MaxRows, is refused with [ErrTooLarge] rather
// than read in part.
const (
	// MaxFileBytes bounds one reference-data file: 4 GiB, larger than the
	// whole ONS Postcode Directory as one CSV.
	MaxFileBytes = 4 << 30
	// MaxRows bounds the data rows of one file or sheet: 4 million, more
	// than the Directory's postcodes, live and terminated.
	MaxRows = 4_000_000
	// MaxWorkbookBytes bounds an Ofsted workbook (the compressed file)
	// and each decompressed part of it: 256 MiB.
	MaxWorkbookBytes = 256 << 20
)

// Error is one problem in a reference-data file, at its place: the file
// (as the caller named it), the sheet of a workbook, the 1-based row of
// the file or sheet (the header row included), and the column, by its
// letter in a workbook or its header. Any of them may be empty or zero
// for a problem with a whole file.
//
// Reference data is not personal, but values are quoted only as a short
// escaped prefix, so a message stays bounded.
type Error struct {
	File   string
	Sheet  string
	Row    int
	Column string
	Err    error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(": sheet ")
		b.WriteString(strconv.Quote(e.Sheet))
	}
	if e.Row > 0 {
		b.WriteString(": row ")
		b.WriteString(strconv.Itoa(e.Row))
	}
	if e.Column != "" {
		b.WriteString(", column ")
		b.WriteString(e.Column)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errors is every problem found reading one file, in the order found.
type Errors []*Error

// Error implements error: the first problems, one a line, and how many
// more there were.
func (es Errors) Error() string {
	const shown = 10
	var b strings.Builder
	for i, e := range es {
		if i == shown {
			b.WriteString("\n… and ")
			b.WriteString(strconv.Itoa(len(es) - shown))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that [errors.Is] and [errors.As] see
// each of them.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// orNil returns es as an error, or nil when it is empty.
func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// fromXLSX turns a workbook reader's error into one of this package's.
func fromXLSX(file string, err error) *Error {
	var xe *xlsx.Error
	if !errors.As(err, &xe) {
		return &Error{File: file, Err: err}
	}
	e := &Error{File: file, Sheet: xe.Sheet, Row: xe.Row}
	if xe.Col > 0 {
		e.Column = xlsx.ColumnName(xe.Col)
	}
	switch {
	case errors.Is(err, xlsx.ErrTooLarge):
		e.Err = wrapMsg(ErrTooLarge, xe.Err)
	default:
		e.Err = wrapMsg(ErrMalformed, xe.Err)
	}
	return e
}

// wrapMsg wraps sentinel with the message of cause, minus the cause's own
// sentinel prefix.
func wrapMsg(sentinel, cause error) error {
	msg := cause.Error()
	if u := errors.Unwrap(cause); u != nil {
		msg = strings.TrimPrefix(strings.TrimPrefix(msg, u.Error()), ": ")
	}
	return &wrapped{sentinel: sentinel, msg: msg}
}

type wrapped struct {
	sentinel error
	msg      string
}

func (w *wrapped) Error() string {
	if w.msg == "" {
		return w.sentinel.Error()
	}
	return w.sentinel.Error() + ": " + w.msg
}
func (w *wrapped) Unwrap() error { return w.sentinel }

// excerpt quotes at most a short prefix of s.
func excerpt(s string) string {
	const n = 24
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}
