package ssda903

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/lookedafter/practice/care"
)

// This file reads the CSV form of the return: one table a file, told apart
// by its header row. The format is RFC 4180: cells separated by commas,
// rows ended by LF or CRLF, a cell that holds a comma, a quote or a line
// break enclosed in double quotes with its quotes doubled. Blank lines are
// skipped. A quote inside an unquoted cell, text after a closing quote and
// a quoted cell that never closes are errors (as encoding/csv has them
// without LazyQuotes). The text is UTF-8, with or without a byte-order
// mark, or UTF-16 (little- or big-endian) with one, as Excel's "Unicode
// text" and "CSV UTF-8" exports write it.

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText returns data as UTF-8 without a byte-order mark.
func decodeText(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):], nil
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return fromUTF16(data[2:], false)
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return fromUTF16(data[2:], true)
	case len(data) >= 4 && (data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0 ||
		data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0):
		return nil, fmt.Errorf("%w: the text looks like UTF-16 without a byte-order mark; save it as UTF-8, or as UTF-16 with one", ErrMalformed)
	}
	return data, nil
}

// fromUTF16 decodes UTF-16 text (after its byte-order mark) to UTF-8. An
// unpaired surrogate is an error, not a replacement character: the cell
// would no longer be as given.
func fromUTF16(b []byte, bigEndian bool) ([]byte, error) {
	if len(b)%2 != 0 {
		return nil, fmt.Errorf("%w: UTF-16 text with an odd number of bytes", ErrMalformed)
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	out := make([]byte, 0, len(b)/2+len(b)/8)
	for i := 0; i < len(b); i += 2 {
		r := unit(i)
		switch {
		case utf16.IsSurrogate(r):
			if r >= 0xDC00 || i+3 >= len(b) {
				return nil, fmt.Errorf("%w: invalid UTF-16 (an unpaired surrogate) at byte %d", ErrMalformed, i+2)
			}
			r2 := unit(i + 2)
			dec := utf16.DecodeRune(r, r2)
			if dec == utf8.RuneError {
				return nil, fmt.Errorf("%w: invalid UTF-16 (an unpaired surrogate) at byte %d", ErrMalformed, i+2)
			}
			out = utf8.AppendRune(out, dec)
			i += 2
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return out, nil
}

// csvScanner splits CSV text into rows of cells.
type csvScanner struct {
	data []byte
	pos  int
	line int // the line of data[pos], from 1
	// spans locate the cells of the row last scanned.
	spans   []span
	scratch []byte
}

// span locates a cell in data, or in scratch.
type span struct {
	scratch bool
	a, b    int
}

func newCSVScanner(data []byte) *csvScanner {
	return &csvScanner{data: data, line: 1}
}

// scan reads the next row: it returns the line the row starts on and
// false at the end of the text. A malformed row returns an error; scanning
// then goes on from the next line (or stops, for a quoted cell that never
// closes).
func (s *csvScanner) scan() (line int, err error, ok bool) {
	n := len(s.data)
	// Skip blank lines.
	for s.pos < n {
		switch {
		case s.data[s.pos] == '\n':
			s.pos++
			s.line++
			continue
		case s.data[s.pos] == '\r' && (s.pos+1 == n || s.data[s.pos+1] == '\n'):
			s.pos++
			continue
		}
		break
	}
	if s.pos >= n {
		return 0, nil, false
	}
	line = s.line
	s.spans = s.spans[:0]
	s.scratch = s.scratch[:0]
	for {
		if s.pos < n && s.data[s.pos] == '"' {
			end, err := s.quoted(line)
			if err != nil {
				return line, err, true
			}
			if end {
				break
			}
			continue
		}
		start := s.pos
		for s.pos < n {
			c := s.data[s.pos]
			if c == ',' || c == '\n' || c == '"' {
				break
			}
			s.pos++
		}
		if s.pos < n && s.data[s.pos] == '"' {
			col := len(s.spans) + 1
			s.skipLine()
			return line, fmt.Errorf("%w: a quote inside unquoted cell %d (a cell holding quotes must be enclosed in quotes, its quotes doubled)", ErrMalformed, col), true
		}
		if s.pos < n && s.data[s.pos] == ',' {
			s.spans = append(s.spans, span{a: start, b: s.pos})
			s.pos++
			continue
		}
		// The end of the row.
		end := s.pos
		if end > start && s.data[end-1] == '\r' {
			end--
		}
		s.spans = append(s.spans, span{a: start, b: end})
		if s.pos < n {
			s.pos++
			s.line++
		}
		break
	}
	return line, nil, true
}

// ncells returns the number of cells of the row last scanned.
func (s *csvScanner) ncells() int { return len(s.spans) }

// cell returns cell k of the row last scanned: a sub-slice of the text, or
// of the scanner's scratch space for a cell whose doubled quotes were
// undone. It is valid until the next scan.
func (s *csvScanner) cell(k int) []byte {
	sp := s.spans[k]
	if sp.scratch {
		return s.scratch[sp.a:sp.b]
	}
	return s.data[sp.a:sp.b]
}

// quoted reads a quoted cell starting at s.pos, and what follows it: it
// reports whether the row ends after it.
func (s *csvScanner) quoted(rowLine int) (bool, error) {
	n := len(s.data)
	openLine := s.line
	s.pos++ // the opening quote
	seg := s.pos
	sp := span{a: s.pos}
	undone := false
	for {
		i := bytes.IndexByte(s.data[s.pos:], '"')
		if i < 0 {
			s.line += bytes.Count(s.data[s.pos:], []byte{'\n'})
			s.pos = n
			return true, fmt.Errorf("%w: a quoted cell opened on line %d never closes", ErrMalformed, openLine)
		}
		s.line += bytes.Count(s.data[s.pos:s.pos+i], []byte{'\n'})
		s.pos += i + 1
		if s.pos < n && s.data[s.pos] == '"' {
			// A doubled quote: one quote of the cell's text.
			if !undone {
				undone = true
				sp = span{scratch: true, a: len(s.scratch)}
			}
			s.scratch = append(s.scratch, s.data[seg:s.pos]...)
			s.pos++
			seg = s.pos
			continue
		}
		break
	}
	if undone {
		s.scratch = append(s.scratch, s.data[seg:s.pos-1]...)
		sp.b = len(s.scratch)
	} else {
		sp.b = s.pos - 1
	}
	s.spans = append(s.spans, sp)
	switch {
	case s.pos >= n:
		return true, nil
	case s.data[s.pos] == ',':
		s.pos++
		if s.pos >= n {
			// A comma at the very end: one more, empty, cell.
			s.spans = append(s.spans, span{a: n, b: n})
			return true, nil
		}
		return false, nil
	case s.data[s.pos] == '\n':
		s.pos++
		s.line++
		return true, nil
	case s.data[s.pos] == '\r' && (s.pos+1 == n || s.data[s.pos+1] == '\n'):
		s.pos++
		if s.pos < n {
			s.pos++
			s.line++
		}
		return true, nil
	}
	col := len(s.spans)
	s.skipLine()
	return true, fmt.Errorf("%w: text after the closing quote of cell %d", ErrMalformed, col)
}

// skipLine moves past the end of the current line.
func (s *csvScanner) skipLine() {
	i := bytes.IndexByte(s.data[s.pos:], '\n')
	if i < 0 {
		s.pos = len(s.data)
		return
	}
	s.pos += i + 1
	s.line++
}

// columnName returns a header cell as a column name: trimmed and
// upper-cased, since the DfE's tool matches names without regard to case
// or surrounding spaces.
func columnName(b []byte) string {
	return strings.ToUpper(strings.TrimSpace(string(b)))
}

// readCSV reads one CSV file into the return.
func (rb *returnBuilder) readCSV(name string, data []byte) { rb.readCSVAs(name, data, TableUnknown) }

// readCSVAs reads one CSV file into the return as table as, or, when as
// is TableUnknown, as the table its header row identifies.
func (rb *returnBuilder) readCSVAs(name string, data []byte, as Table) {
	fail := func(line int, err error) {
		rb.errs = append(rb.errs, &Error{File: name, Line: line, Err: err})
	}
	if len(data) > MaxFileBytes {
		fail(0, fmt.Errorf("%w: %d bytes, more than the %d this package reads", ErrTooLarge, len(data), MaxFileBytes))
		return
	}
	text, err := decodeText(data)
	if err != nil {
		fail(0, err)
		return
	}
	s := newCSVScanner(text)
	line, err, ok := s.scan()
	switch {
	case !ok:
		fail(0, fmt.Errorf("%w: the file is empty: no header row", ErrUnknownTable))
		return
	case err != nil:
		fail(line, fmt.Errorf("header row: %w", err))
		return
	}
	names := make([]string, s.ncells())
	for i := range names {
		names[i] = columnName(s.cell(i))
	}
	seen := make(map[string]int, len(names))
	for i, n := range names {
		if n == "" {
			fail(line, fmt.Errorf("%w: column %d of the header row has no name", ErrMalformed, i+1))
			return
		}
		if j, dup := seen[n]; dup {
			fail(line, fmt.Errorf("%w: column %s appears twice in the header row (columns %d and %d)", ErrMalformed, care.Excerpt(n), j+1, i+1))
			return
		}
		seen[n] = i
	}
	tables := identify(names)
	if as != TableUnknown {
		tables = []Table{as}
	}
	switch len(tables) {
	case 0:
		fail(line, fmt.Errorf("%w: its header row (%s) has none of the columns that identify a table (%s)", ErrUnknownTable, listNames(names), keyColumns()))
		return
	case 1:
	default:
		fail(line, fmt.Errorf("%w: its header row has the columns that identify both %s (%s) and %s (%s)", ErrUnknownTable,
			tables[0], specs[tables[0]].key, tables[1], specs[tables[1]].key))
		return
	}
	tb := tables[0]
	for _, n := range names {
		if specColumn(tb, n) < 0 {
			rb.errs = append(rb.errs, &Error{File: name, Table: tb, Line: line, Column: n,
				Err: fmt.Errorf("%w: the %s table has no column %s in any year (its columns: %s)", ErrUnknownColumn, tb, care.Excerpt(n), strings.Join(ColumnsAccepted(tb), ", "))})
		}
	}
	for _, c := range specs[tb].columns {
		if _, ok := seen[c.name]; !ok && !c.extra {
			rb.errs = append(rb.errs, &Error{File: name, Table: tb, Line: line, Column: c.name,
				Err: fmt.Errorf("%w: the header row has no %s column", ErrMissingColumn, c.name)})
		}
	}
	t := rb.ret.table(tb)
	file, where := t.addFile(name, names)
	from := t.fileOrder(where)
	t.grow(len(text), bytes.Count(text, []byte{'\n'})+1)
	row := 0
	for {
		line, err, ok := s.scan()
		if !ok {
			break
		}
		row++
		if err != nil {
			rb.errs = append(rb.errs, &Error{File: name, Table: tb, Row: row, Line: line, Err: err})
			continue
		}
		if s.ncells() != len(names) {
			rb.errs = append(rb.errs, &Error{File: name, Table: tb, Row: row, Line: line,
				Err: fmt.Errorf("%w: %d cells, but the header row has %d columns; the row is not read", ErrCellCount, s.ncells(), len(names))})
			continue
		}
		if !t.addRowCSV(file, row, line, s, from) {
			rb.errs = append(rb.errs, &Error{File: name, Table: tb, Row: row, Line: line,
				Err: fmt.Errorf("%w: the %s table holds more than %d bytes of text; the rest of the file is not read", ErrTooLarge, tb, uint64(maxText))})
			return
		}
	}
}

// slicesIndex is slices.Index for strings.
func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// listNames quotes up to eight column names.
func listNames(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i == 8 {
			b.WriteString(", … " + strconv.Itoa(len(names)-8) + " more")
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(care.Excerpt(n))
	}
	return b.String()
}

// keyColumns lists the column that identifies each table.
func keyColumns() string {
	var b strings.Builder
	for t := TableHeader; t < numTables; t++ {
		if t > TableHeader {
			b.WriteString(", ")
		}
		b.WriteString(specs[t].key + " for " + t.String())
	}
	return b.String()
}
