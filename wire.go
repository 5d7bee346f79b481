package practice

import (
	"bufio"
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice/care"
)

// The decoder's limits. No real case comes near them; they are there so that
// a hostile or broken input fails at once, with an error that says which
// limit it broke, instead of being held in memory or recursed into.
const (
	// maxNumberLen is the longest number the decoder reads, in characters
	// as written (and, for a decimal, as written out in full).
	maxNumberLen = 32
	// maxStringLen is the longest string the decoder reads, in bytes of
	// UTF-8 once its escapes are decoded. IDs and free text have shorter
	// limits of their own, checked by validation.
	maxStringLen = 64 << 10
	// maxDepth is how deeply objects and arrays may nest in one record.
	// A case nests at most six levels.
	maxDepth = 64
	// maxRecordLen is the longest record [ReadCohort] and [DecodeCohort]
	// hold in memory, in bytes.
	maxRecordLen = 32 << 20
	// maxErrors is the number of faults reported for one record, after
	// which the rest of it is not checked.
	maxErrors = 100
)

// DecodeError reports JSON that does not fit the case format: an unknown
// field, a duplicate field, a value of the wrong type, a date or code that
// does not parse, malformed JSON, or a value beyond one of the decoder's
// limits. Path names the field from the root of the case
// ("episodes[2].start"; empty for the case as a whole); Line and Column
// are 1-based positions in the input, the column counted in bytes; Record
// is the 0-based index of the record within a cohort (0 for a single case).
//
// The message never holds more of a bad value than a short escaped prefix
// ("…" marks where it was cut), and for an identifying field (a date of
// birth, a UPN, a postcode, a name) none of it at all: it says what is
// wrong and where.
type DecodeError struct {
	Record int
	Path   string
	Line   int
	Column int
	Err    error
}

func (e *DecodeError) Error() string {
	path := e.Path
	if path == "" {
		path = "(top level)"
	}
	return fmt.Sprintf("record %d, line %d, column %d: %s: %v", e.Record, e.Line, e.Column, path, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// ErrUnknownField reports a JSON field that the case format does not have.
var ErrUnknownField = errors.New("unknown field")

// ErrEmpty reports an input that holds no case at all: empty, only white
// space, or an empty array. [DecodeCohort] returns it and [ReadCohort]
// yields it (as the only element of the sequence); [DecodeCase] returns a
// [*DecodeError] wrapping it. Callers test for it with [errors.Is].
var ErrEmpty = errors.New("practice: no cases in the input")

var (
	errMalformed = errors.New("malformed JSON")
	errUTF16     = errors.New("UTF-16 is not supported; save as UTF-8")
	errNilReader = errors.New("practice: nil reader")

	errNumberTooLong = fmt.Errorf("number longer than the limit of %d characters", maxNumberLen)
	errStringTooLong = fmt.Errorf("string longer than the limit of %d bytes", maxStringLen)
	errTooDeep       = fmt.Errorf("objects and arrays nested deeper than the limit of %d levels", maxDepth)
	errRecordTooLong = fmt.Errorf("record longer than the limit of %d MiB; the rest of it was not read", maxRecordLen>>20)
	errTooManyErrors = fmt.Errorf("more than %d errors in this record; the rest of it was not checked", maxErrors)
	errDuplicateKey  = errors.New("duplicate field")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// DecodeCase reads one case from its JSON form (see the package
// documentation and schema/case.schema.json). It is strict: unknown
// fields, fields given twice, values of the wrong type, malformed dates and
// unknown codes are errors, every one of them reported as a
// [*DecodeError] naming its path, line and column (joined with
// [errors.Join] when there are several, at most 100 for one case). It does
// not validate the case's content: call [Case.Validate] for that.
//
// data must be one JSON object and nothing more, in UTF-8; a UTF-8 byte
// order mark at the start is skipped, and UTF-16 is refused. Text must be
// valid UTF-8 (it is never replaced by U+FFFD), and the decoder refuses a
// number longer than 32 characters, a string longer than 64 KiB and
// objects or arrays nested more than 64 deep, saying which limit was
// broken. Empty input gives an error wrapping [ErrEmpty]. DecodeCase(nil)
// is empty input.
func DecodeCase(data []byte) (Case, error) {
	data, err := trimBOM(data)
	if err != nil {
		return Case{}, err
	}
	c, err, _ := decodeCase(data, source{line: 1, col: 1}, nil)
	return c, err
}

// trimBOM drops a UTF-8 byte order mark at the start of data, and refuses
// UTF-16.
func trimBOM(data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, bomUTF16BE) || bytes.HasPrefix(data, bomUTF16LE) {
		return nil, &DecodeError{Line: 1, Column: 1, Err: errUTF16}
	}
	return bytes.TrimPrefix(data, bomUTF8), nil
}

// source says where a record's bytes are in the input: which record, and
// the line and column of its first byte.
type source struct {
	record    int
	line, col int
}

// decodeCase decodes one record. cut, when not nil, is why data was cut
// short. stop reports an error after which the input around the record
// cannot be trusted (malformed JSON).
func decodeCase(data []byte, src source, cut error) (c Case, err error, stop bool) {
	var w caseJSON
	if err, stop := decodeVersioned(data, src, cut, ErrEmpty, &w); err != nil {
		return Case{}, err, stop
	}
	return w.toCase(), nil, false
}

// FormatVersion is the version of the library's JSON format: of cases,
// standards, reports and cohort reports. Every document carries it as
// "format_version"; the decoders read this version and refuse any other,
// saying which they found.
const FormatVersion = care.FormatVersion

// decodeVersioned is decodeStrict for a document that carries the format
// version at its top level: any version other than FormatVersion, or none,
// is an error saying which it found.
func decodeVersioned(data []byte, src source, cut, empty error, v any) (err error, stop bool) {
	version := -1
	if err, stop := decodeStrict(data, src, cut, empty, v, &version); err != nil {
		return err, stop
	}
	if version == FormatVersion {
		return nil, false
	}
	c := checker{data: data, src: src}
	line, col := c.position(c.skipSpace(0))
	err = fmt.Errorf("format version %d: this library reads format version %d", version, FormatVersion)
	if version < 0 {
		err = fmt.Errorf("no format_version: this library reads format version %d (add \"format_version\": %d)", FormatVersion, FormatVersion)
	}
	return &DecodeError{Record: src.record, Path: "format_version", Line: line, Column: col, Err: err}, false
}

// EncodeCase writes the case in its JSON form, indented for people to read.
// DecodeCase(EncodeCase(c)) gives back c.
func EncodeCase(c Case) ([]byte, error) {
	return json.MarshalIndent(c, "", "  ")
}

// EncodeCohort writes cases as JSON Lines, one case per line.
func EncodeCohort(w io.Writer, cases []Case) error {
	enc := json.NewEncoder(w)
	for i := range cases {
		if err := enc.Encode(cases[i]); err != nil {
			return fmt.Errorf("practice: encoding case %d: %w", i, err)
		}
	}
	return nil
}

// DecodeStandards reads local standards from JSON (the JSON form of
// [Standards], for example {"care": {"visits": {"interval_days": 28}}}),
// as strictly as [DecodeCase] reads a case, and validates them: a standard
// looser than statute is an error naming the field.
func DecodeStandards(data []byte) (Standards, error) {
	data, err := trimBOM(data)
	if err != nil {
		return Standards{}, err
	}
	var s Standards
	if err, _ := decodeVersioned(data, source{line: 1, col: 1}, nil, errNoStandards, &s); err != nil {
		return Standards{}, err
	}
	if err := s.Validate(); err != nil {
		return Standards{}, err
	}
	return s, nil
}

var errNoStandards = errors.New("practice: no standards in the input")

// MarshalJSON implements [json.Marshaler]: the standards, with the format
// version first.
func (s Standards) MarshalJSON() ([]byte, error) {
	type plain Standards
	return json.Marshal(struct {
		FormatVersion int `json:"format_version"`
		plain
	}{FormatVersion, plain(s)})
}

// DecodeCohort reads many cases, as [ReadCohort] does, and gathers them:
// cases holds the records that decoded, in input order, and indexes holds
// each one's record number (its position in ReadCohort's sequence); err
// joins the errors of every record that did not, so nothing is dropped
// silently. An input with no cases in it gives [ErrEmpty] and nothing
// else; DecodeCohort(nil) is an error.
//
// A syntax error inside a JSON array (or a document of cases one after
// another) costs the record it is in and every record after it, which
// cannot be told apart from the debris of the error: the cases before it
// are returned, and the error names the record it is in with its line and
// column. JSON Lines isolates each record: a bad line costs that line only.
func DecodeCohort(r io.Reader) (cases []Case, indexes []int, err error) {
	var errs []error
	i := 0
	for c, err := range ReadCohort(r) {
		switch {
		case err == ErrEmpty:
			return nil, nil, ErrEmpty
		case err != nil:
			errs = append(errs, err)
		default:
			cases = append(cases, c)
			indexes = append(indexes, i)
		}
		i++
	}
	return cases, indexes, errors.Join(errs...)
}

// ReadCohort returns the cases of the cohort read from r as a sequence,
// for [AssessStream]. The input is UTF-8 (a byte order mark at the start
// is skipped; UTF-16 is refused) and holds one of:
//
//   - JSON Lines: one case per line, blank lines skipped. This is the form
//     for a large cohort, and it isolates each record: a line that does not
//     decode costs that record only.
//   - A JSON array of cases. Its elements are read and decoded one by one,
//     so the cases before a syntax error are kept: a syntax error costs the
//     record it is in and every record after it (a broken string or bracket
//     leaves nothing after it that can be trusted), and its error names that
//     record, its line and its column.
//   - One case laid out over many lines (the first line starts with "{" and
//     does not hold the whole case), or several one after another. A
//     truncated case is one error, where the input ends. Data after the
//     last case is reported as an error of its own, with its line; the
//     cases before it are kept.
//
// Only one record is held in memory at a time, of at most 32 MiB; a record
// that breaks one of the limits of [DecodeCase] is refused as soon as it
// does, without being read further.
//
// A record that does not decode gives its error (a [*DecodeError], or
// several joined) in its place in the sequence, which goes on unless the
// error was a syntax error in an array or a multi-line document, as above.
// An input with no cases in it (empty, white space, or "[]") yields
// [ErrEmpty] as the only element; a nil r yields an error; an error reading
// r ends the sequence with that error.
func ReadCohort(r io.Reader) iter.Seq2[Case, error] {
	return func(yield func(Case, error) bool) {
		if r == nil {
			yield(Case{}, errNilReader)
			return
		}
		cr := &cohortReader{br: bufio.NewReaderSize(r, 64<<10), line: 1, col: 1}
		cr.read(yield)
	}
}

// cohortReader splits the input of [ReadCohort] into records and decodes
// each, keeping one record in memory at a time.
type cohortReader struct {
	br        *bufio.Reader
	pending   []byte // bytes given back, read again before br
	line, col int    // the position of the next byte
	rec       []byte // the record being read
	n         int    // the number of elements yielded
	err       error  // an error reading br, other than io.EOF
}

var (
	errNotClosed  = fmt.Errorf("%w: unexpected end of input: the array is not closed", errMalformed)
	errTruncated  = fmt.Errorf("%w: unexpected end of input", errMalformed)
	errAfterCases = errors.New("unexpected data after the last case: want another case or the end of the input")
	errAfterArray = errors.New("unexpected data after the array: want the end of the input")
)

// read yields the records of the whole input.
func (r *cohortReader) read(yield func(Case, error) bool) {
	head, err := r.br.Peek(3)
	if err != nil && err != io.EOF {
		r.err = err
		r.end(yield)
		return
	}
	switch {
	case bytes.HasPrefix(head, bomUTF16BE), bytes.HasPrefix(head, bomUTF16LE):
		yield(Case{}, &DecodeError{Line: 1, Column: 1, Err: errUTF16})
		return
	case bytes.HasPrefix(head, bomUTF8):
		_, _ = r.br.Discard(len(bomUTF8))
	}
	b, line, col, ok := r.skipSpace()
	switch {
	case !ok:
		r.end(yield)
	case b == '[':
		r.array(yield)
	case b == '{':
		r.firstObject(line, col, yield)
	default:
		r.lines(b, line, col, yield)
	}
}

// end ends the sequence: with the error reading the input if there was
// one, and with ErrEmpty if nothing at all was yielded.
func (r *cohortReader) end(yield func(Case, error) bool) {
	switch {
	case r.err != nil:
		yield(Case{}, fmt.Errorf("practice: reading record %d: %w", r.n, r.err))
	case r.n == 0:
		yield(Case{}, ErrEmpty)
	}
}

// emit decodes the record in r.rec, which starts at line, col, and yields
// it. It reports whether to go on: not when the consumer stopped, nor, if
// stopOnSyntax, after malformed JSON.
func (r *cohortReader) emit(line, col int, cut error, stopOnSyntax bool, yield func(Case, error) bool) bool {
	if r.err != nil {
		r.end(yield)
		return false
	}
	c, err, stop := decodeCase(r.rec, source{record: r.n, line: line, col: col}, cut)
	r.n++
	if stop && stopOnSyntax {
		// Say what the error cost, unless the input simply ended.
		var de *DecodeError
		if errors.As(err, &de) && !errors.Is(err, errTruncated) {
			de.Err = fmt.Errorf("%w; nothing after it was read", de.Err)
		}
		yield(c, err)
		return false
	}
	return yield(c, err)
}

// fail yields an error about the structure of the input at line, col.
func (r *cohortReader) fail(line, col int, err error, yield func(Case, error) bool) {
	if r.err != nil {
		r.end(yield)
		return
	}
	yield(Case{}, &DecodeError{Record: r.n, Line: line, Column: col, Err: err})
}

// lines reads JSON Lines, from the record that starts with first.
func (r *cohortReader) lines(first byte, line, col int, yield func(Case, error) bool) {
	for {
		cut := r.readLine(first)
		if !r.emit(line, col, cut, false, yield) {
			return
		}
		var ok bool
		if first, line, col, ok = r.skipSpace(); !ok {
			r.end(yield)
			return
		}
	}
}

// firstObject reads an input that starts with "{" at line, col: JSON Lines
// if its first line holds a whole case, and otherwise one case laid out
// over many lines, or several one after another.
func (r *cohortReader) firstObject(line, col int, yield func(Case, error) bool) {
	r.rec = append(r.rec[:0], '{')
	s := shape{depth: 1}
	var cut error
	// Read the first line, following the shape of the case on it.
firstLine:
	for {
		buf := r.buffered()
		if len(buf) == 0 { // the input ends on the first line
			if r.emit(line, col, cut, true, yield) {
				r.end(yield)
			}
			return
		}
		part := buf
		eol := bytes.IndexByte(buf, '\n')
		if eol >= 0 {
			part = buf[:eol]
		}
		switch {
		case cut != nil:
			// Too long to tell: read it as a line, to its end.
		case s.done:
			if k := bytes.IndexFunc(part, func(r rune) bool { return !isSpace(byte(r)) || r >= utf8.RuneSelf }); k >= 0 {
				// Data after the case on its first line: the input is
				// not JSON Lines. The case is kept, and the data read
				// after it.
				r.consume(k)
				r.documents(line, col, nil, yield)
				return
			}
		default:
			var n int
			n, cut = r.keep(&s, part)
			r.consume(n)
			if n < len(part) || s.done || cut != nil {
				continue
			}
			if eol >= 0 {
				r.consume(1)
				break firstLine
			}
			continue
		}
		if eol >= 0 {
			r.consume(len(part) + 1)
			break
		}
		r.consume(len(part))
	}
	if s.done || cut != nil {
		if r.emit(line, col, cut, false, yield) {
			r.lines0(yield)
		}
		return
	}
	// The first line does not hold a whole case. If the next line that is
	// not blank starts with "{", where the case could not go on (its
	// object is open at the top level, not after a colon), the input is
	// JSON Lines whose first line is broken; otherwise it is one case over
	// many lines.
	lineLen := len(r.rec)
	last := lastNonSpace(r.rec)
	r.rec = append(r.rec, '\n')
	_ = r.step(&s, '\n')
	for {
		bl, bc := r.line, r.col
		b, ok := r.next()
		if !ok {
			r.rec = r.rec[:lineLen]
			if r.emit(line, col, nil, true, yield) {
				r.end(yield)
			}
			return
		}
		if isSpace(b) {
			r.rec = append(r.rec, b)
			continue
		}
		if b == '{' && s.depth == 1 && !s.inStr && last != ':' {
			r.rec = r.rec[:lineLen]
			r.pushBack(b, bl, bc)
			if r.emit(line, col, nil, false, yield) {
				r.lines0(yield)
			}
			return
		}
		r.rec = append(r.rec, b)
		cut = r.step(&s, b)
		break
	}
	cut = r.readRest(&s, cut)
	r.documents(line, col, cut, yield)
}

// lines0 goes on reading JSON Lines after a record.
func (r *cohortReader) lines0(yield func(Case, error) bool) {
	b, line, col, ok := r.skipSpace()
	if !ok {
		r.end(yield)
		return
	}
	r.lines(b, line, col, yield)
}

// documents reads cases laid out over many lines, one after another: the
// one in r.rec, which starts at line, col, and any after it.
func (r *cohortReader) documents(line, col int, cut error, yield func(Case, error) bool) {
	for {
		if !r.emit(line, col, cut, true, yield) {
			return
		}
		b, bl, bc, ok := r.skipSpace()
		if !ok {
			r.end(yield)
			return
		}
		if b != '{' {
			r.fail(bl, bc, errAfterCases, yield)
			return
		}
		line, col = bl, bc
		cut = r.readValue(b)
	}
}

// array reads a JSON array of cases, element by element; its "[" has been
// read.
func (r *cohortReader) array(yield func(Case, error) bool) {
	b, line, col, ok := r.skipSpace()
	if ok && b == ']' {
		r.afterArray(yield)
		return
	}
	for {
		if !ok {
			r.fail(r.line, r.col, errNotClosed, yield)
			return
		}
		cut := r.readValue(b)
		if !r.emit(line, col, cut, true, yield) {
			return
		}
		var bl, bc int
		b, bl, bc, ok = r.skipSpace()
		switch {
		case !ok:
			continue
		case b == ']':
			r.afterArray(yield)
			return
		case b != ',':
			r.fail(bl, bc, fmt.Errorf("%w: want , or ] after a case, got %s", errMalformed, describeByte(b)), yield)
			return
		}
		b, line, col, ok = r.skipSpace()
		if ok && b == ']' {
			r.fail(line, col, fmt.Errorf("%w: want a case after the comma, got ]", errMalformed), yield)
			return
		}
	}
}

// afterArray ends the input after the array's "]".
func (r *cohortReader) afterArray(yield func(Case, error) bool) {
	if _, line, col, ok := r.skipSpace(); ok {
		r.fail(line, col, errAfterArray, yield)
		return
	}
	r.end(yield)
}

// next reads the next byte, keeping count of the position.
func (r *cohortReader) next() (byte, bool) {
	var b byte
	if len(r.pending) > 0 {
		b, r.pending = r.pending[0], r.pending[1:]
	} else {
		var err error
		if b, err = r.br.ReadByte(); err != nil {
			if err != io.EOF {
				r.err = err
			}
			return 0, false
		}
	}
	if b == '\n' {
		r.line, r.col = r.line+1, 1
	} else {
		r.col++
	}
	return b, true
}

// pushBack gives back byte b, read at line, col, to be read again.
func (r *cohortReader) pushBack(b byte, line, col int) {
	r.pending = append(r.pending, b)
	r.line, r.col = line, col
}

// skipSpace reads past white space and returns the next byte with its
// position; ok is false at the end of the input.
func (r *cohortReader) skipSpace() (b byte, line, col int, ok bool) {
	for {
		line, col = r.line, r.col
		if b, ok = r.next(); !ok || !isSpace(b) {
			return b, line, col, ok
		}
	}
}

// step follows the shape of the record with the byte just appended to
// r.rec, and returns the limit it breaks, if any.
func (r *cohortReader) step(s *shape, b byte) error {
	if err := s.step(b); err != nil {
		return err
	}
	if len(r.rec) > maxRecordLen {
		return errRecordTooLong
	}
	return nil
}

// readLine reads a record of JSON Lines, which starts with first, to the
// end of its line. A record that breaks a limit is cut off there: the
// rest of the line is read but not kept, and cut says which limit it
// broke.
func (r *cohortReader) readLine(first byte) (cut error) {
	r.rec = append(r.rec[:0], first)
	var s shape
	_ = s.step(first)
	for {
		buf := r.buffered()
		if len(buf) == 0 {
			return cut
		}
		line := buf
		end := bytes.IndexByte(buf, '\n')
		if end >= 0 {
			line = buf[:end]
		}
		for rest := line; cut == nil && len(rest) > 0; {
			var n int
			n, cut = r.keep(&s, rest)
			rest = rest[n:]
			s.done = false // in JSON Lines, the line is the record
		}
		if end >= 0 {
			r.consume(end + 1)
			return cut
		}
		r.consume(len(buf))
	}
}

// readValue reads the JSON value that starts with first to its end (a
// case of an array, or a case of a document), as readLine does.
func (r *cohortReader) readValue(first byte) (cut error) {
	r.rec = append(r.rec[:0], first)
	var s shape
	_ = s.step(first)
	if s.depth == 0 && !s.inStr {
		// A number, a literal or something malformed: it ends where a
		// delimiter starts.
		for {
			bl, bc := r.line, r.col
			b, ok := r.next()
			if !ok {
				return nil
			}
			if isSpace(b) || strings.IndexByte(",:[]{}\"", b) >= 0 {
				r.pushBack(b, bl, bc)
				return nil
			}
			r.rec = append(r.rec, b)
			if len(r.rec) > maxRecordLen {
				return r.readRest(&s, errRecordTooLong)
			}
		}
	}
	return r.readRest(&s, nil)
}

// readRest reads the rest of a value whose shape so far is s, to its end,
// keeping it in r.rec unless it was cut off already.
func (r *cohortReader) readRest(s *shape, cut error) error {
	for !s.done {
		buf := r.buffered()
		if len(buf) == 0 {
			return cut
		}
		var n int
		if cut == nil {
			n, cut = r.keep(s, buf)
		} else {
			n, _ = s.scan(buf, false)
		}
		r.consume(n)
	}
	return cut
}

// keep follows s over buf, to the end of the value or the first limit it
// breaks, and appends what it took to r.rec.
func (r *cohortReader) keep(s *shape, buf []byte) (n int, cut error) {
	n, cut = s.scan(buf, true)
	if len(r.rec)+n > cap(r.rec) {
		// Double, rather than let append grow a large record by a
		// quarter at a time: a record of n bytes then costs 2n of
		// allocations, not 5n.
		grown := make([]byte, len(r.rec), 2*cap(r.rec)+n)
		copy(grown, r.rec)
		r.rec = grown
	}
	r.rec = append(r.rec, buf[:n]...)
	if cut == nil && len(r.rec) > maxRecordLen {
		cut = errRecordTooLong
	}
	return n, cut
}

// buffered returns the bytes read but not yet taken, reading more if there
// are none; it is empty at the end of the input.
func (r *cohortReader) buffered() []byte {
	if len(r.pending) > 0 {
		return r.pending
	}
	if r.br.Buffered() == 0 {
		if _, err := r.br.Peek(1); err != nil {
			if err != io.EOF {
				r.err = err
			}
			return nil
		}
	}
	buf, _ := r.br.Peek(r.br.Buffered())
	return buf
}

// consume takes the first n bytes that buffered returned.
func (r *cohortReader) consume(n int) {
	var b []byte
	if len(r.pending) > 0 {
		b, r.pending = r.pending[:n], r.pending[n:]
	} else {
		b, _ = r.br.Peek(n)
		defer r.br.Discard(n)
	}
	if nl := bytes.Count(b, []byte{'\n'}); nl > 0 {
		r.line += nl
		r.col = len(b) - bytes.LastIndexByte(b, '\n')
	} else {
		r.col += len(b)
	}
}

// shape follows the structure of a record as its bytes arrive (how deeply
// it nests, whether it is inside a string and how long that string is) so
// that a record that breaks a limit is cut off before it is held whole.
// It does not check the syntax: the checker does that.
type shape struct {
	depth  int
	inStr  bool
	esc    bool
	strLen int
	done   bool // the value has ended
}

// maxRawString is the length of a string's JSON text beyond which its
// decoded text is certainly longer than maxStringLen (an escape takes at
// most six bytes for every byte it stands for).
const maxRawString = 6*maxStringLen + 16

// scan follows the shape over buf and returns how much of it it took: all
// of it, or up to the end of the value, or (if limits) up to the first
// limit broken, with that limit.
func (s *shape) scan(buf []byte, limits bool) (int, error) {
	i := 0
	for i < len(buf) {
		if s.inStr && !s.esc {
			j := i
			for j < len(buf) && buf[j] != '"' && buf[j] != '\\' {
				j++
			}
			if limits && s.strLen+j-i > maxRawString {
				n := i + maxRawString - s.strLen + 1
				s.strLen = maxRawString + 1
				return n, errStringTooLong
			}
			s.strLen += j - i
			if i = j; i == len(buf) {
				break
			}
		}
		err := s.step(buf[i])
		i++
		if err != nil && limits {
			return i, err
		}
		if s.done {
			return i, nil
		}
	}
	return i, nil
}

func (s *shape) step(b byte) error {
	if s.inStr {
		switch {
		case s.esc:
			s.esc = false
		case b == '\\':
			s.esc = true
		case b == '"':
			s.inStr = false
			s.done = s.depth == 0
			return nil
		}
		if s.strLen++; s.strLen > maxRawString {
			return errStringTooLong
		}
		return nil
	}
	switch b {
	case '"':
		s.inStr, s.strLen = true, 0
	case '{', '[':
		if s.depth++; s.depth > maxDepth {
			return errTooDeep
		}
	case '}', ']':
		if s.depth--; s.depth <= 0 {
			s.depth, s.done = 0, true
		}
	}
	return nil
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// lastNonSpace returns the last byte of b that is not white space.
func lastNonSpace(b []byte) byte {
	b = bytes.TrimRight(b, " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[len(b)-1]
}

// decodeStrict checks data against v's type, reporting every fault with
// its path and position, and then decodes it into v. src says where data
// is in the input; cut, when not nil, is why data was cut short, reported
// where it ends; empty is the error for data that holds no value. When
// version is not nil, it accepts a whole-number "format_version" key at
// the top level and stores its value in *version. stop reports malformed
// JSON.
func decodeStrict(data []byte, src source, cut, empty error, v any, version *int) (err error, stop bool) {
	c := checker{data: data, src: src, cut: cut, version: version, lineNo: 1}
	if start := c.skipSpace(0); start == len(data) && cut == nil {
		line, col := c.position(start)
		return &DecodeError{Record: src.record, Line: line, Column: col, Err: empty}, false
	}
	root := reflect.TypeOf(v).Elem()
	if err := c.value(root); err == nil {
		if end := c.skipSpace(c.pos); end < len(data) {
			c.failAt(end, "", errors.New("unexpected data after the top-level value"))
			c.stopped = true
		}
	}
	if len(c.errs) > 0 {
		return errors.Join(c.errs...), c.stopped
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The check above should have caught everything; report it with a
		// position all the same, but not its text, which may quote a value.
		line, col := c.position(c.skipSpace(0))
		return &DecodeError{Record: src.record, Line: line, Column: col, Err: fmt.Errorf("cannot decode %s", root)}, false
	}
	return nil, false
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	decType         = reflect.TypeFor[decimal.Decimal]()
	nullDecType     = reflect.TypeFor[decimal.NullDecimal]()
)

// checker reads one JSON document byte by byte, checking its syntax, the
// decoder's limits and the value's fit to a Go type, and collects a
// [*DecodeError] for every fault with its path and position. It reads the
// input once and builds nothing but its errors: a path is spelled out only
// for an error.
type checker struct {
	data    []byte
	pos     int
	src     source
	cut     error
	version *int // when not nil, receives the top-level "format_version"
	depth   int
	path    []segment
	keys    []seenKey // the keys of the objects being read, for duplicates
	skipped int       // > 0 while skipping a value already reported
	errs    []error
	stopped bool // malformed JSON: the input around the record cannot be trusted

	lineOff, lineNo int // the offset at which line lineNo starts, for positions
}

// segment is one step of a path: a key, or an index when key is nil.
type segment struct {
	key   []byte
	index int
}

type seenKey struct {
	name string
	off  int
}

// errFatal marks the error after which the checker cannot go on.
var errFatal = errors.New("fatal")

// value checks the next value against type t; a nil t accepts any value
// (one already reported, or of an unknown field) and only checks its
// syntax. It returns errFatal when it cannot go on, and collects every
// other fault.
func (c *checker) value(t reflect.Type) error {
	c.pos = c.skipSpace(c.pos)
	if c.pos >= len(c.data) {
		return c.eof()
	}
	start := c.pos
	b := c.data[start]
	if t == nil {
		return c.skip()
	}
	if b == 'n' {
		if err := c.literal("null"); err != nil {
			return err
		}
		if len(c.path) == 0 {
			c.failAt(start, "", errors.New("want an object, got null"))
		}
		return nil // null leaves the zero value, as encoding/json does
	}
	info := typeInfoOf(t)
	t = info.t
	switch info.class {
	case classDecimal:
		return c.decimal(t, start)
	case classJSON:
		if err := c.skip(); err != nil {
			return err
		}
		u := reflect.New(t).Interface().(json.Unmarshaler)
		if err := u.UnmarshalJSON(c.data[start:c.pos]); err != nil {
			c.fail(start, valueError(c.pathString(), c.data[start:c.pos], err))
		}
		return nil
	case classText:
		if b != '"' {
			return c.want(start, "a string")
		}
		text, err := c.stringValue()
		if err != nil {
			return err
		}
		u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText(text); err != nil {
			c.fail(start, valueError(c.pathString(), text, err))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		if b != '{' {
			return c.want(start, "an object")
		}
		return c.object(info.fields, nil)
	case reflect.Map:
		if b != '{' {
			return c.want(start, "an object")
		}
		return c.object(nil, t)
	case reflect.Slice, reflect.Array:
		if b != '[' {
			return c.want(start, "an array")
		}
		return c.array(t.Elem())
	case reflect.String:
		if b != '"' {
			return c.want(start, "a string")
		}
		_, _, err := c.str()
		return err
	case reflect.Bool:
		if b != 't' && b != 'f' {
			return c.want(start, "true or false")
		}
		return c.skip()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		if b != '-' && (b < '0' || b > '9') {
			return c.want(start, "a number")
		}
		return c.number(t)
	case reflect.Interface:
		return c.skip()
	}
	return c.want(start, t.Kind().String())
}

// want reports a value of the wrong type and skips it (what is not a
// value at all is malformed JSON, reported by skip).
func (c *checker) want(start int, what string) error {
	if b := c.data[start]; strings.IndexByte("{[\"tfn-0123456789", b) >= 0 {
		c.fail(start, fmt.Errorf("want %s, got %s", what, describeValue(b)))
	}
	return c.skip()
}

// skip checks the syntax of the next value, and nothing else.
func (c *checker) skip() error {
	c.pos = c.skipSpace(c.pos)
	if c.pos >= len(c.data) {
		return c.eof()
	}
	c.skipped++
	defer func() { c.skipped-- }()
	switch b := c.data[c.pos]; {
	case b == '{':
		return c.object(nil, nil)
	case b == '[':
		return c.array(nil)
	case b == '"':
		_, _, err := c.str()
		return err
	case b == 't':
		return c.literal("true")
	case b == 'f':
		return c.literal("false")
	case b == 'n':
		return c.literal("null")
	case b == '-' || b >= '0' && b <= '9':
		return c.number(nil)
	default:
		return c.syntax(c.pos, "want a value, got %s", describeByte(b))
	}
}

// object checks an object: a struct's, whose fields are given (nil to
// check the syntax only), or a map of type mapType.
func (c *checker) object(fields map[string]field, mapType reflect.Type) error {
	if err := c.enter(); err != nil {
		return err
	}
	c.pos++ // '{'
	mark := len(c.keys)
	checkType := fields != nil || mapType != nil
	for n := 0; ; n++ {
		c.pos = c.skipSpace(c.pos)
		if c.pos >= len(c.data) {
			return c.eof()
		}
		if n == 0 && c.data[c.pos] == '}' {
			break
		}
		keyOff := c.pos
		if c.data[keyOff] != '"' {
			return c.syntax(keyOff, "want a field name in double quotes, got %s", describeByte(c.data[keyOff]))
		}
		key, esc, err := c.str()
		if err != nil {
			return err
		}
		if esc {
			key = unescape(key)
		}
		c.pos = c.skipSpace(c.pos)
		if c.pos >= len(c.data) {
			return c.eof()
		}
		if c.data[c.pos] != ':' {
			return c.syntax(c.pos, "want : after a field name, got %s", describeByte(c.data[c.pos]))
		}
		c.pos++
		c.path = append(c.path, segment{key: key})
		switch {
		case !checkType:
			err = c.value(nil)
		case fields == nil: // a map
			c.seen(string(key), keyOff, mark)
			err = c.value(mapType.Elem())
		case c.version != nil && len(c.path) == 1 && string(key) == "format_version":
			c.seen("format_version", keyOff, mark)
			err = c.formatVersion()
		default:
			f, ok := fields[string(key)]
			if ok {
				c.seen(f.name, keyOff, mark)
			} else {
				c.fail(keyOff, ErrUnknownField)
			}
			err = c.value(f.t)
		}
		c.path = c.path[:len(c.path)-1]
		if err != nil {
			return err
		}
		if end, err := c.afterMember('}', key, 0); err != nil || end {
			if err != nil {
				return err
			}
			break
		}
	}
	c.pos++ // '}'
	c.keys = c.keys[:mark]
	c.depth--
	return nil
}

// afterMember moves past the "," after a member of an object (key) or
// array (element i), and reports whether end, which closes the container,
// comes instead.
func (c *checker) afterMember(end byte, key []byte, i int) (bool, error) {
	if len(c.errs) >= maxErrors {
		return false, c.tooMany()
	}
	c.pos = c.skipSpace(c.pos)
	if c.pos >= len(c.data) {
		return false, c.eof()
	}
	switch b := c.data[c.pos]; {
	case b == end:
		return true, nil
	case b != ',':
		if end == '}' {
			return false, c.syntax(c.pos, "want , or } after the value of %s, got %s", pathKey(key), describeByte(b))
		}
		return false, c.syntax(c.pos, "want , or ] after element %d, got %s", i, describeByte(b))
	}
	c.pos++
	return false, nil
}

// seen notes key name at offset off in the object being read, whose keys
// are c.keys[mark:], and reports it if the object already has it.
func (c *checker) seen(name string, off, mark int) {
	for _, k := range c.keys[mark:] {
		if k.name == name {
			line, _ := c.position(k.off)
			c.fail(off, fmt.Errorf("%w: the object already has it on line %d", errDuplicateKey, line))
			return
		}
	}
	c.keys = append(c.keys, seenKey{name, off})
}

// array checks an array whose elements are of type elem (nil: any).
func (c *checker) array(elem reflect.Type) error {
	if err := c.enter(); err != nil {
		return err
	}
	c.pos++ // '['
	for i := 0; ; i++ {
		c.pos = c.skipSpace(c.pos)
		if c.pos >= len(c.data) {
			return c.eof()
		}
		if i == 0 && c.data[c.pos] == ']' {
			break
		}
		c.path = append(c.path, segment{index: i})
		err := c.value(elem)
		c.path = c.path[:len(c.path)-1]
		if err != nil {
			return err
		}
		if end, err := c.afterMember(']', nil, i); err != nil || end {
			if err != nil {
				return err
			}
			break
		}
	}
	c.pos++ // ']'
	c.depth--
	return nil
}

// enter goes one level deeper into the document.
func (c *checker) enter() error {
	if c.depth++; c.depth > maxDepth {
		return c.limit(c.pos, errTooDeep)
	}
	return nil
}

// str reads the string at c.pos, which starts with its quote, and returns
// its text as written (escapes and all) and whether it has escapes. Text
// that is not UTF-8 and escapes that stand for no character are faults of
// the value; a control character, a malformed escape, the end of the input
// or a string beyond the limit end the check.
func (c *checker) str() (text []byte, esc bool, err error) {
	start := c.pos
	i := start + 1
	n := 0 // bytes of decoded text
	for {
		// The plain run, no further than the limit allows.
		end := min(len(c.data), i+maxStringLen-n+1)
		j := i
		for j < end {
			if b := c.data[j]; b < utf8.RuneSelf && b >= 0x20 && b != '"' && b != '\\' {
				j++
				continue
			}
			break
		}
		n += j - i
		i = j
		if n > maxStringLen {
			return nil, false, c.limit(start, errStringTooLong)
		}
		if i >= len(c.data) {
			return nil, false, c.eof()
		}
		switch b := c.data[i]; {
		case b == '"':
			c.pos = i + 1
			return c.data[start+1 : i], esc, nil
		case b == '\\':
			esc = true
			if i+1 >= len(c.data) {
				return nil, false, c.eof()
			}
			switch c.data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
				n++
				continue
			case 'u':
			default:
				return nil, false, c.syntax(i, "invalid escape %s in a string", c.describeEscape(c.data[i:i+2]))
			}
			r, ok, err := c.hex4(i)
			if err != nil {
				return nil, false, err
			}
			_ = ok
			at := i
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if r < 0xDC00 && i+1 < len(c.data) && c.data[i] == '\\' && c.data[i+1] == 'u' {
					if r2, _, err = c.hex4(i); err != nil {
						return nil, false, err
					}
				}
				if utf16.DecodeRune(r, r2) == utf8.RuneError {
					c.fail(at, errors.New("an escape \\u that stands for half a UTF-16 pair, not a character"))
					n += 3
					continue
				}
				i += 6
				n += 4
				continue
			}
			n += utf8.RuneLen(r)
		case b < 0x20:
			return nil, false, c.syntax(i, "%s inside a string (escape it, or close the string before it)", describeByte(b))
		default: // b >= utf8.RuneSelf
			r, size := utf8.DecodeRune(c.data[i:])
			if r == utf8.RuneError && size == 1 {
				if c.cut != nil && !utf8.FullRune(c.data[i:]) {
					return nil, false, c.eof()
				}
				c.fail(i, errors.New("text that is not UTF-8 (save the file as UTF-8)"))
			}
			i += size
			n += size
		}
	}
}

// hex4 reads the four hex digits of the \u escape at offset i.
func (c *checker) hex4(i int) (rune, bool, error) {
	if i+6 > len(c.data) {
		for _, b := range c.data[i+2:] {
			if !isHex(b) {
				return 0, false, c.syntax(i, "invalid escape %s in a string", c.describeEscape(c.data[i:]))
			}
		}
		return 0, false, c.eof()
	}
	var r rune
	for _, b := range c.data[i+2 : i+6] {
		switch {
		case b >= '0' && b <= '9':
			r = r<<4 | rune(b-'0')
		case b >= 'a' && b <= 'f':
			r = r<<4 | rune(b-'a'+10)
		case b >= 'A' && b <= 'F':
			r = r<<4 | rune(b-'A'+10)
		default:
			return 0, false, c.syntax(i, "invalid escape %s in a string", c.describeEscape(c.data[i:i+6]))
		}
	}
	return r, true, nil
}

func isHex(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F' }

// stringValue reads a string and returns its decoded text.
func (c *checker) stringValue() ([]byte, error) {
	text, esc, err := c.str()
	if err != nil || !esc {
		return text, err
	}
	return unescape(text), nil
}

// unescape decodes the text of a string that the checker has read.
func unescape(text []byte) []byte {
	var s string
	quoted := make([]byte, 0, len(text)+2)
	quoted = append(append(append(quoted, '"'), text...), '"')
	_ = json.Unmarshal(quoted, &s)
	return []byte(s)
}

// literal reads true, false or null.
func (c *checker) literal(word string) error {
	rest := c.data[c.pos:]
	if len(rest) < len(word) && bytes.HasPrefix([]byte(word), rest) {
		return c.eof()
	}
	if !bytes.HasPrefix(rest, []byte(word)) {
		return c.syntax(c.pos, "want a value, got %s", c.describeWord(rest))
	}
	c.pos += len(word)
	return nil
}

// number reads a number and checks that it fits type t (nil: any number).
func (c *checker) number(t reflect.Type) error {
	start := c.pos
	i := start
	digits := func() int {
		j := i
		for j < len(c.data) && c.data[j] >= '0' && c.data[j] <= '9' {
			j++
		}
		n := j - i
		i = j
		return n
	}
	if c.data[i] == '-' {
		i++
	}
	switch {
	case i < len(c.data) && c.data[i] == '0':
		i++
	case digits() == 0:
		return c.malformedNumber(i)
	}
	if i < len(c.data) && c.data[i] == '.' {
		i++
		if digits() == 0 {
			return c.malformedNumber(i)
		}
	}
	if i < len(c.data) && (c.data[i] == 'e' || c.data[i] == 'E') {
		i++
		if i < len(c.data) && (c.data[i] == '+' || c.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			return c.malformedNumber(i)
		}
	}
	c.pos = i
	if t == nil || c.skipped > 0 {
		return nil
	}
	text := c.data[start:i]
	if len(text) > maxNumberLen {
		c.fail(start, errNumberTooLong)
		return nil
	}
	var err error
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		if _, err = strconv.ParseFloat(string(text), t.Bits()); err != nil {
			err = fmt.Errorf("want a number that fits %s, got %s", t.Kind(), numberText(text))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if _, err = strconv.ParseUint(string(text), 10, t.Bits()); err != nil {
			err = fmt.Errorf("want a non-negative whole number that fits %s, got %s", t.Kind(), numberText(text))
		}
	default:
		if _, err = strconv.ParseInt(string(text), 10, t.Bits()); err != nil {
			err = fmt.Errorf("want a whole number that fits %s, got %s", t.Kind(), numberText(text))
		}
	}
	if err != nil {
		c.fail(start, err)
	}
	return nil
}

func (c *checker) malformedNumber(i int) error {
	if i >= len(c.data) {
		return c.eof()
	}
	return c.syntax(i, "malformed number: want a digit, got %s", describeByte(c.data[i]))
}

// decimal checks a decimal number (of type t, [decimal.Decimal] or
// [decimal.NullDecimal]): a JSON number or a string holding one, at most
// maxNumberLen characters long, as written and as written out in full, so
// that it is encoded as it was read.
func (c *checker) decimal(t reflect.Type, start int) error {
	var text []byte
	switch b := c.data[start]; {
	case b == '"':
		s, esc, err := c.str()
		if err != nil {
			return err
		}
		if esc {
			c.fail(start, errors.New("want a decimal number, got a string with escapes"))
			return nil
		}
		text = s
	case b == '-' || b >= '0' && b <= '9':
		if err := c.number(nil); err != nil {
			return err
		}
		text = c.data[start:c.pos]
	default:
		return c.want(start, "a decimal number")
	}
	if len(text) > maxNumberLen {
		c.fail(start, errNumberTooLong)
		return nil
	}
	v := reflect.New(t)
	if err := v.Interface().(json.Unmarshaler).UnmarshalJSON(c.data[start:c.pos]); err != nil {
		c.fail(start, fmt.Errorf("want a decimal number, got %s", excerpt(c.pathString(), text)))
		return nil
	}
	d, ok := v.Interface().(*decimal.Decimal)
	if !ok {
		d = &v.Interface().(*decimal.NullDecimal).Decimal
	}
	if e := d.Exponent(); e > maxNumberLen || e < -maxNumberLen || len(d.String()) > maxNumberLen {
		c.fail(start, fmt.Errorf("%w, written out in full", errNumberTooLong))
	}
	return nil
}

// formatVersion reads the value of the top-level "format_version" key.
func (c *checker) formatVersion() error {
	c.pos = c.skipSpace(c.pos)
	if c.pos >= len(c.data) {
		return c.eof()
	}
	start := c.pos
	if b := c.data[start]; b == '-' || b >= '0' && b <= '9' {
		if err := c.number(nil); err != nil {
			return err
		}
		if v, err := strconv.Atoi(string(c.data[start:c.pos])); err == nil && v >= 0 && v <= 1<<20 {
			*c.version = v
			return nil
		}
		c.pos = start
	}
	c.fail(start, fmt.Errorf("want a whole number, got %s", describeValue(c.data[start])))
	*c.version = FormatVersion // reported here, not again as a wrong version
	return c.skip()
}

// fail collects a fault at offset off of the value at the current path.
func (c *checker) fail(off int, err error) {
	c.failAt(off, c.pathString(), err)
}

func (c *checker) failAt(off int, path string, err error) {
	if c.skipped > 0 && !errors.Is(err, errFatal) {
		return // the value is already reported
	}
	line, col := c.position(off)
	c.errs = append(c.errs, &DecodeError{Record: c.src.record, Path: path, Line: line, Column: col, Err: err})
}

// syntax reports malformed JSON at offset off and ends the check.
func (c *checker) syntax(off int, format string, args ...any) error {
	c.stopped = true
	return c.end(off, fmt.Errorf("%w: "+format, append([]any{errMalformed}, args...)...))
}

// limit reports a broken limit at offset off and ends the check.
func (c *checker) limit(off int, err error) error {
	return c.end(off, err)
}

// eof reports the end of the input where a value was still wanted, and
// ends the check: the input is truncated (malformed JSON), or, when it was
// cut short, it broke the limit that cut it.
func (c *checker) eof() error {
	if c.cut != nil {
		return c.limit(len(c.data), c.cut)
	}
	c.stopped = true
	return c.end(len(c.data), errTruncated)
}

// tooMany ends the check after maxErrors faults.
func (c *checker) tooMany() error {
	return c.end(c.pos, errTooManyErrors)
}

// end records err at offset off, even while skipping, and ends the check.
func (c *checker) end(off int, err error) error {
	line, col := c.position(off)
	c.errs = append(c.errs, &DecodeError{Record: c.src.record, Path: c.pathString(), Line: line, Column: col, Err: err})
	return errFatal
}

// position returns the line and column of offset off in the input.
func (c *checker) position(off int) (line, col int) {
	off = min(max(off, 0), len(c.data))
	if c.lineNo == 0 || off < c.lineOff {
		c.lineOff, c.lineNo = 0, 1
	}
	for {
		i := bytes.IndexByte(c.data[c.lineOff:off], '\n')
		if i < 0 {
			break
		}
		c.lineOff += i + 1
		c.lineNo++
	}
	line, col = c.lineNo, off-c.lineOff+1
	if line == 1 {
		col += c.src.col - 1
	}
	return line + c.src.line - 1, col
}

// skipSpace returns the offset of the first byte from off on that is not
// white space.
func (c *checker) skipSpace(off int) int {
	for off < len(c.data) && isSpace(c.data[off]) {
		off++
	}
	return off
}

// pathString spells out the current path: "episodes[2].start". A path
// deeper than any in a case (one in a value being skipped) is shown by its
// first and last steps.
func (c *checker) pathString() string {
	const head, tail = 6, 3
	var b strings.Builder
	for i, s := range c.path {
		if len(c.path) > head+tail+1 && i >= head && i < len(c.path)-tail {
			if i == head {
				fmt.Fprintf(&b, "…%d more…", len(c.path)-head-tail)
			}
			continue
		}
		if s.key == nil {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(pathKey(s.key))
	}
	return b.String()
}

// pathKey returns a key as a path shows it: as it is if it is a plain
// name, and otherwise as a short quoted prefix.
func pathKey(key []byte) string {
	if len(key) > 0 && len(key) <= 64 {
		plain := true
		for _, b := range key {
			if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-') {
				plain = false
				break
			}
		}
		if plain {
			return string(key)
		}
	}
	return quotePrefix(key)
}

// excerptLen is the longest number, in bytes, that an error shows whole.
const excerptLen = 20

// quotePrefix quotes s, or its first bytes followed by "…" when it is
// long ([care.Excerpt]).
func quotePrefix(s []byte) string {
	return care.Excerpt(string(s[:min(len(s), 64)])) // it quotes 20 bytes at most
}

// numberText shows a number in an error: as it is if it is short, and
// otherwise as a short quoted prefix.
func numberText(text []byte) string {
	if len(text) <= excerptLen {
		return string(text)
	}
	return quotePrefix(text)
}

// excerpt shows a value in an error about the field at path: a short
// quoted prefix of it, or nothing at all of an identifying field.
func excerpt(path string, value []byte) string {
	if identifying(path) {
		return "a value (not shown: the field identifies the child)"
	}
	return quotePrefix(value)
}

// identifying reports whether the field at path identifies a person, so
// that no error shows its value: a date of birth, a UPN, a postcode or a
// name.
func identifying(path string) bool {
	name := path[strings.LastIndexAny(path, ".]")+1:]
	return name == "date_of_birth" || name == "upn" || strings.Contains(name, "postcode") ||
		name == "name" || strings.HasSuffix(name, "_name")
}

// valueError is the error of a value that did not parse, as an error
// about the field at path shows it: with at most a short quoted prefix of
// the value, and for an identifying field none of it. It wraps the
// sentinel of the original error ([care.ErrInvalidDate],
// [care.ErrUnknownCode], …), not the original, which holds the value.
func valueError(path string, value []byte, err error) error {
	var sentinel error
	for _, s := range []error{care.ErrInvalidDate, care.ErrUnknownCode, care.ErrInvalidClock, care.ErrOutsideCalendar} {
		if errors.Is(err, s) {
			sentinel = s
			break
		}
	}
	var pe *care.ParseError
	isParse := errors.As(err, &pe)
	var msg string
	switch {
	case identifying(path) && isParse && pe.Type == "date":
		msg = "not a date in YYYY-MM-DD form"
	case identifying(path) && isParse:
		msg = "not a valid " + pe.Type
	case identifying(path):
		msg = "not a valid value"
	case isParse:
		msg = fmt.Sprintf("care: parsing %s as %s: %s", quotePrefix([]byte(pe.Input)), pe.Type, scrub(pe.Err.Error(), pe.Input))
	default:
		msg = scrub(err.Error(), string(value))
	}
	return &redactedError{msg: msg, err: sentinel}
}

// scrub replaces a long value in msg by its quoted prefix, and cuts msg
// short if it is still long.
func scrub(msg, value string) string {
	if utf8.RuneCountInString(value) > excerptLen {
		msg = strings.ReplaceAll(msg, value, quotePrefix([]byte(value)))
	}
	if len(msg) > 200 {
		msg = strings.ToValidUTF8(msg[:200], "") + "…"
	}
	return msg
}

// redactedError is an error whose message leaves out the value it is
// about; it wraps the sentinel of the error it replaces.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// describeValue says what kind of value starts with byte b.
func describeValue(b byte) string {
	switch {
	case b == '{':
		return "an object"
	case b == '[':
		return "an array"
	case b == '"':
		return "a string"
	case b == 't' || b == 'f':
		return "true or false"
	case b == 'n':
		return "null"
	case b == '-' || b >= '0' && b <= '9':
		return "a number"
	}
	return describeByte(b)
}

// describeByte names byte b in a syntax error.
func describeByte(b byte) string {
	switch {
	case b == '\n':
		return "a line break"
	case b == 0:
		return "a NUL byte (is the file UTF-16? save it as UTF-8)"
	case b == '\t':
		return "a tab"
	case b == '\r':
		return "a carriage return"
	case b == '\'':
		return "a single quote (JSON strings take double quotes)"
	case b > ' ' && b < utf8.RuneSelf:
		return "'" + string(b) + "'"
	}
	return fmt.Sprintf("byte 0x%02X", b)
}

// describeWord names the word at the start of b in a syntax error, in a
// few characters; in the value of an identifying field, only its first.
func (c *checker) describeWord(b []byte) string {
	n := 0
	for n < len(b) && n < 8 && (b[n] >= 'a' && b[n] <= 'z' || b[n] >= 'A' && b[n] <= 'Z') {
		n++
	}
	if n <= 1 || identifying(c.pathString()) {
		return describeByte(b[0])
	}
	return strconv.Quote(string(b[:n]))
}

// describeEscape shows an escape sequence in a syntax error; in the value
// of an identifying field, not at all.
func (c *checker) describeEscape(b []byte) string {
	if identifying(c.pathString()) {
		return "(not shown: the field identifies the child)"
	}
	return strconv.QuoteToASCII(string(b[:min(len(b), 6)]))
}

// field is a JSON field of a struct: its name and type.
type field struct {
	name string
	t    reflect.Type
}

// typeInfo is how the checker reads a value of a type.
type typeInfo struct {
	t      reflect.Type     // the type, with pointers taken away
	class  class            // how its value is read
	fields map[string]field // the JSON fields of a struct
}

type class uint8

const (
	classPlain   class = iota // by its kind
	classDecimal              // a decimal.Decimal or decimal.NullDecimal
	classJSON                 // by its UnmarshalJSON
	classText                 // by its UnmarshalText, from a string
)

// typeInfos holds the typeInfo of every type that a Case (in its JSON
// layout, caseJSON) or Standards holds, computed once.
var typeInfos = sync.OnceValue(func() map[reflect.Type]*typeInfo {
	infos := map[reflect.Type]*typeInfo{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if infos[t] != nil {
			return
		}
		info := newTypeInfo(t)
		infos[t] = info
		switch t := info.t; {
		case info.class != classPlain:
		case t.Kind() == reflect.Struct:
			for _, f := range info.fields {
				walk(f.t)
			}
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map:
			walk(t.Elem())
		}
	}
	walk(reflect.TypeFor[caseJSON]())
	walk(reflect.TypeFor[Standards]())
	return infos
})

// typeInfoOf returns the typeInfo of t.
func typeInfoOf(t reflect.Type) *typeInfo {
	if info, ok := typeInfos()[t]; ok {
		return info
	}
	return newTypeInfo(t)
}

func newTypeInfo(t reflect.Type) *typeInfo {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	info := &typeInfo{t: t}
	pt := reflect.PointerTo(t)
	switch {
	case t == decType || t == nullDecType:
		info.class = classDecimal
	case pt.Implements(jsonUnmarshaler):
		info.class = classJSON
	case pt.Implements(textUnmarshaler):
		info.class = classText
	case t.Kind() == reflect.Struct:
		info.fields = map[string]field{}
		for name, ft := range jsonFields(t) {
			info.fields[name] = field{name, ft}
		}
	}
	return info
}

// jsonFields returns the JSON field names of struct type t with their
// types, with embedded structs' fields promoted as encoding/json promotes
// them (a shallower field hides a deeper one; two at the same depth hide
// each other). The decoder accepts exactly these fields, and the schema
// test describes exactly these.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	type entry struct {
		t     reflect.Type
		depth int
		dup   bool
	}
	found := map[string]entry{}
	var walk func(t reflect.Type, depth int)
	walk = func(t reflect.Type, depth int) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type, depth+1)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			if old, ok := found[name]; ok {
				if old.depth < depth {
					continue
				}
				if old.depth == depth {
					old.dup = true
					found[name] = old
					continue
				}
			}
			found[name] = entry{t: f.Type, depth: depth}
		}
	}
	walk(t, 0)
	m := make(map[string]reflect.Type, len(found))
	for k, e := range found {
		if !e.dup {
			m[k] = e.t
		}
	}
	return m
}
