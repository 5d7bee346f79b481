package ssda903

import (
	"errors"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// Sentinel errors. Every problem is an [*Error] that wraps one of these (or
// one of care's: [care.ErrInvalidDate], [care.ErrUnknownCode],
// [care.ErrRequired]), so callers branch with [errors.Is].
var (
	// ErrMalformed reports text that is not well-formed CSV or XML, or
	// not in a supported encoding.
	ErrMalformed = errors.New("malformed")
	// ErrUnknownTable reports a CSV file whose header row is not that of
	// any table of the return, or an XML file that is not a return.
	ErrUnknownTable = errors.New("not a table of the return")
	// ErrUnknownColumn reports a column (or XML element) that the table
	// does not have in any year.
	ErrUnknownColumn = errors.New("unknown column")
	// ErrMissingColumn reports a column that the table's files must have.
	ErrMissingColumn = errors.New("missing column")
	// ErrCellCount reports a CSV row with more or fewer cells than the
	// header row has columns.
	ErrCellCount = errors.New("wrong number of cells")
	// ErrTooLarge reports input larger than this package reads
	// ([MaxFileBytes]).
	ErrTooLarge = errors.New("too large")
	// ErrNotNumber reports a cell that should hold a whole number and
	// does not.
	ErrNotNumber = errors.New("not a whole number")
	// ErrNoChild reports a row whose child is not in the Header table, a
	// child with two Header rows, or a row whose CHILD is blank.
	ErrNoChild = errors.New("child not in the Header table")
	// ErrDuplicate reports a second row of a table that holds at most one
	// row per child (UASC, OC2, OC3, AD1, PrevPerm) in a form that can
	// hold only one, or a second Header row of the same child.
	ErrDuplicate = errors.New("duplicate")
	// ErrCannotWrite reports a value the writer cannot put in the form
	// asked for: a code outside its list, a cell that XML cannot hold.
	ErrCannotWrite = errors.New("cannot write")
)

// Error is one problem with a return, at its place: the file, the table,
// the row, the column. Row is the 1-based data row of a CSV file (row 1 is
// the first row after the header row), or, for a row read from XML, its
// number in its table; Line is the line of the file where the row (or the
// XML element) starts. Either may be 0 for a problem with a whole file.
//
// Its message never holds a value of a column that identifies a child or
// says where they live (DOB, MC_DOB, UPN, HOME_POST, PL_POST, URN), and
// quotes other values only as a short escaped prefix ([care.Excerpt]).
type Error struct {
	File   string
	Table  Table
	Row    int
	Line   int
	Column string
	// Child is the child's ID (CHILD), when the row has one.
	Child string
	Err   error
}

// Error returns the problem as one line: "episodes.csv:14: Episodes row 13,
// child "566910", DECOM: not a date: want dd/mm/yyyy".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	sep := func() {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
	}
	where := false
	if e.Table.IsKnown() {
		sep()
		b.WriteString(e.Table.String())
		if e.Row > 0 {
			b.WriteString(" row ")
			b.WriteString(strconv.Itoa(e.Row))
		}
		where = true
	} else if e.Row > 0 {
		sep()
		b.WriteString("row ")
		b.WriteString(strconv.Itoa(e.Row))
		where = true
	}
	if e.Child != "" {
		if where {
			b.WriteString(", ")
		} else {
			sep()
		}
		b.WriteString("child ")
		b.WriteString(care.Excerpt(e.Child))
		where = true
	}
	if e.Column != "" {
		if where {
			b.WriteString(", ")
		} else {
			sep()
		}
		b.WriteString(columnLabel(e.Column))
	}
	sep()
	if e.Err == nil {
		b.WriteString("invalid")
	} else {
		b.WriteString(strings.TrimPrefix(e.Err.Error(), "care: "))
	}
	return b.String()
}

// Unwrap returns the underlying reason.
func (e *Error) Unwrap() error { return e.Err }

// Errors is a list of problems, in the order they were found. The zero
// value is an empty list, ready to use.
type Errors []*Error

// Error returns the first problem and how many more there are, as
// [go/scanner.ErrorList] does.
func (l Errors) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	case 2:
		return l[0].Error() + " (and 1 more error)"
	}
	return l[0].Error() + " (and " + strconv.Itoa(len(l)-1) + " more errors)"
}

// Err returns nil for an empty list and the list otherwise, so that a
// function returning Errors.Err never returns a typed nil.
func (l Errors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the problems, for [errors.Is] and [errors.As].
func (l Errors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// columnLabel returns a column name for a message: as it is if it looks
// like a column name (capitals, digits and underscores, at most 32 bytes),
// quoted and cut short otherwise ([care.Excerpt]).
func columnLabel(name string) string {
	if len(name) > 32 {
		return care.Excerpt(name)
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return care.Excerpt(name)
		}
	}
	return name
}
