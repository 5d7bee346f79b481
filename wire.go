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

	"github.com/lookedafter/practice/care"
)

// DecodeError reports JSON that does not fit the case format: an unknown
// field, a value of the wrong type, or a date or code that does not parse.
// Path names the field from the root of the case ("episodes[2].start");
// Line and Column are 1-based positions in the input; Record is the
// 0-based index of the case within a cohort (0 for a single case).
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

// DecodeCase reads one case from its JSON form (see the package
// documentation and schema/case.schema.json). It is strict: unknown fields,
// values of the wrong type, malformed dates and unknown codes are errors,
// every one of them reported as a [*DecodeError] naming its path and line
// (joined with [errors.Join] when there are several). It does not validate
// the case's content: call [Case.Validate] for that.
func DecodeCase(data []byte) (Case, error) {
	return decodeCase(data, 0, 0)
}

func decodeCase(data []byte, record, lineBase int) (Case, error) {
	var c Case
	if err := decodeVersioned(data, record, lineBase, &c); err != nil {
		return Case{}, err
	}
	return c, nil
}

// FormatVersion is the version of the library's JSON format: of cases,
// standards, reports and cohort reports. Every document carries it as
// "format_version"; the decoders read this version and refuse any other,
// saying which they found.
const FormatVersion = care.FormatVersion

// decodeVersioned is decodeStrict for a document that carries the format
// version at its top level: any version other than FormatVersion, or none,
// is an error saying which it found.
func decodeVersioned(data []byte, record, lineBase int, v any) error {
	version := -1
	if err := decodeStrict(data, record, lineBase, v, &version); err != nil {
		return err
	}
	if version == FormatVersion {
		return nil
	}
	line, col := position(data, leadingSeparators(data))
	err := fmt.Errorf("format version %d: this library reads format version %d", version, FormatVersion)
	if version < 0 {
		err = fmt.Errorf("no format_version: this library reads format version %d (add \"format_version\": %d)", FormatVersion, FormatVersion)
	}
	return &DecodeError{Record: record, Path: "format_version", Line: line + lineBase, Column: col, Err: err}
}

// MarshalJSON implements [json.Marshaler]: the case's fields, with the
// format version first.
func (c Case) MarshalJSON() ([]byte, error) {
	type plain Case
	return json.Marshal(struct {
		FormatVersion int `json:"format_version"`
		plain
	}{FormatVersion, plain(c)})
}

// EncodeCase writes the case in its JSON form, indented for people to read.
// DecodeCase(EncodeCase(c)) gives back c.
func EncodeCase(c Case) ([]byte, error) {
	return json.MarshalIndent(c, "", "  ")
}

// DecodeCohort reads many cases: one JSON array of cases, JSON Lines (one
// case per line; blank lines are skipped), or a single case object however
// it is laid out. A record that does
// not decode is reported and the others are still returned, so nothing is
// dropped silently: cases holds the records that decoded, in input order,
// and indexes holds each one's record number; err joins a [*DecodeError]
// for every fault of every bad record.
func DecodeCohort(r io.Reader) (cases []Case, indexes []int, err error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	var errs []error
	i := 0
	for c, err := range records(data) {
		if err != nil {
			errs = append(errs, err)
		} else {
			cases = append(cases, c)
			indexes = append(indexes, i)
		}
		i++
	}
	return cases, indexes, errors.Join(errs...)
}

// ReadCohort returns the cases of the cohort read from r as a sequence,
// for [AssessStream]. JSON Lines are read and decoded a line at a time, so
// that a national cohort is never held in memory whole; a JSON array, or a
// single case object however it is laid out, is one document and is read
// whole, as [DecodeCohort] reads it. A record that does not decode gives its
// error (a [*DecodeError], or several joined) in its place in the
// sequence, and the sequence goes on; an error reading r ends it.
func ReadCohort(r io.Reader) iter.Seq2[Case, error] {
	return func(yield func(Case, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		first, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			yield(Case{}, err)
			return
		}
		trimmed := bytes.TrimSpace(first)
		if len(trimmed) == 0 || trimmed[0] != '{' || !json.Valid(trimmed) {
			// An array, a case spread over many lines, or blank lines first:
			// read the document whole.
			rest, rerr := io.ReadAll(br)
			if rerr != nil {
				yield(Case{}, rerr)
				return
			}
			for c, err := range records(append(first, rest...)) {
				if !yield(c, err) {
					return
				}
			}
			return
		}
		line, record := first, 0
		for lineNo := 0; ; lineNo++ {
			if len(bytes.TrimSpace(line)) > 0 {
				if !yield(decodeCase(line, record, lineNo)) {
					return
				}
				record++
			}
			if err == io.EOF {
				return
			}
			line, err = br.ReadBytes('\n')
			if err != nil && err != io.EOF {
				yield(Case{}, err)
				return
			}
		}
	}
}

// records returns the cases of a whole cohort document: a JSON array, a
// single case object, or JSON Lines.
func records(data []byte) iter.Seq2[Case, error] {
	return func(yield func(Case, error) bool) {
		trimmed := bytes.TrimLeft(data, " \t\r\n")
		if isSingleObject(trimmed) {
			yield(decodeCase(data, 0, 0))
			return
		}
		if len(trimmed) > 0 && trimmed[0] == '[' {
			var raws []json.RawMessage
			if err := json.Unmarshal(data, &raws); err != nil {
				line, col := position(data, syntaxOffset(err))
				yield(Case{}, &DecodeError{Line: line, Column: col, Err: err})
				return
			}
			// Find each element's offset so that errors carry real lines.
			dec := json.NewDecoder(bytes.NewReader(data))
			if _, err := dec.Token(); err != nil { // '['
				yield(Case{}, err)
				return
			}
			for i := range raws {
				start := int(dec.InputOffset())
				start += leadingSeparators(data[start:])
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					yield(Case{}, err)
					return
				}
				line, _ := position(data, start)
				if !yield(decodeCase(data[start:int(dec.InputOffset())], i, line-1)) {
					return
				}
			}
			return
		}
		record := 0
		for lineNo, line := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if !yield(decodeCase(line, record, lineNo)) {
				return
			}
			record++
		}
	}
}

// DecodeStandards reads local standards from JSON (the JSON form of
// [Standards], for example {"care": {"visits": {"interval_days": 28}}}),
// as strictly as [DecodeCase] reads a case, and validates them: a standard
// looser than statute is an error naming the field.
func DecodeStandards(data []byte) (Standards, error) {
	var s Standards
	if err := decodeVersioned(data, 0, 0, &s); err != nil {
		return Standards{}, err
	}
	if err := s.Validate(); err != nil {
		return Standards{}, err
	}
	return s, nil
}

// MarshalJSON implements [json.Marshaler]: the standards, with the format
// version first.
func (s Standards) MarshalJSON() ([]byte, error) {
	type plain Standards
	return json.Marshal(struct {
		FormatVersion int `json:"format_version"`
		plain
	}{FormatVersion, plain(s)})
}

// isSingleObject reports whether data is one JSON object and nothing more,
// however it is laid out: one case rather than JSON Lines.
func isSingleObject(data []byte) bool {
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	return dec.Decode(&v) == nil && !dec.More()
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

// decodeStrict checks data against v's type, reporting every fault with
// its path and position, and then decodes it into v. lineBase is added to
// the line numbers (for a record that starts on a later line of a file).
// When version is not nil, it accepts a whole-number "format_version" key
// at the top level and stores its value in *version.
func decodeStrict(data []byte, record, lineBase int, v any, version *int) error {
	c := checker{data: data, record: record, lineBase: lineBase, fields: map[reflect.Type]map[string]reflect.Type{}, version: version}
	c.dec = json.NewDecoder(bytes.NewReader(data))
	c.dec.UseNumber()
	if err := c.value(reflect.TypeOf(v).Elem(), ""); err != nil {
		return err
	}
	if c.dec.More() {
		c.fail("", c.offset(), errors.New("unexpected data after the top-level value"))
	}
	if len(c.errs) > 0 {
		return errors.Join(c.errs...)
	}
	if err := json.Unmarshal(data, v); err != nil {
		// The check above should have caught everything; report it with a
		// position all the same.
		line, col := position(data, syntaxOffset(err))
		return &DecodeError{Record: record, Line: line + lineBase, Column: col, Err: err}
	}
	return nil
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

type checker struct {
	dec      *json.Decoder
	data     []byte
	record   int
	lineBase int
	errs     []error
	fields   map[reflect.Type]map[string]reflect.Type
	// version, when not nil, receives the top-level "format_version".
	version *int
}

func (c *checker) offset() int {
	off := int(c.dec.InputOffset())
	return off + leadingSeparators(c.data[off:])
}

func (c *checker) fail(path string, off int, err error) {
	line, col := position(c.data, off)
	c.errs = append(c.errs, &DecodeError{Record: c.record, Path: path, Line: line + c.lineBase, Column: col, Err: err})
}

// value checks the next JSON value against type t. It returns an error only
// for malformed JSON, after which nothing more can be read; type faults are
// collected and the value skipped.
func (c *checker) value(t reflect.Type, path string) error {
	start := c.offset()
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(jsonUnmarshaler):
		raw, err := c.raw()
		if err != nil {
			return err
		}
		if err := reflect.New(t).Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			c.fail(path, start, err)
		}
		return nil
	case pt.Implements(textUnmarshaler):
		tok, err := c.token()
		if err != nil {
			return err
		}
		s, ok := tok.(string)
		if !ok {
			if tok != nil {
				c.fail(path, start, fmt.Errorf("want a string, got %s", describe(tok)))
				return c.skipRest(tok)
			}
			return nil
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			c.fail(path, start, err)
		}
		return nil
	}
	tok, err := c.token()
	if err != nil {
		return err
	}
	if tok == nil { // null leaves the zero value, as encoding/json does
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return c.valueFrom(tok, t.Elem(), path, start)
	default:
		return c.valueFrom(tok, t, path, start)
	}
}

// valueFrom checks a value whose first token has been read.
func (c *checker) valueFrom(tok json.Token, t reflect.Type, path string, start int) error {
	want := func(what string) error {
		c.fail(path, start, fmt.Errorf("want %s, got %s", what, describe(tok)))
		return c.skipRest(tok)
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			return want("an object")
		}
		fields := c.structFields(t)
		for c.dec.More() {
			keyOff := c.offset()
			kt, err := c.token()
			if err != nil {
				return err
			}
			key, _ := kt.(string)
			if path == "" && key == "format_version" && c.version != nil {
				if err := c.formatVersion(); err != nil {
					return err
				}
				continue
			}
			ft, ok := fields[key]
			if !ok {
				c.fail(joinPath(path, key), keyOff, ErrUnknownField)
				if err := c.skip(); err != nil {
					return err
				}
				continue
			}
			if err := c.value(ft, joinPath(path, key)); err != nil {
				return err
			}
		}
		_, err := c.token() // '}'
		return err
	case reflect.Slice, reflect.Array:
		if tok != json.Delim('[') {
			return want("an array")
		}
		for i := 0; c.dec.More(); i++ {
			if err := c.value(t.Elem(), path+"["+strconv.Itoa(i)+"]"); err != nil {
				return err
			}
		}
		_, err := c.token() // ']'
		return err
	case reflect.Map:
		if tok != json.Delim('{') {
			return want("an object")
		}
		for c.dec.More() {
			kt, err := c.token()
			if err != nil {
				return err
			}
			key, _ := kt.(string)
			if err := c.value(t.Elem(), joinPath(path, key)); err != nil {
				return err
			}
		}
		_, err := c.token()
		return err
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return want("a string")
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return want("true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return want("a whole number")
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			c.fail(path, start, fmt.Errorf("want a whole number that fits %s, got %s", t.Kind(), n))
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := tok.(json.Number)
		if !ok {
			return want("a whole number")
		}
		if _, err := strconv.ParseUint(string(n), 10, t.Bits()); err != nil {
			c.fail(path, start, fmt.Errorf("want a non-negative whole number that fits %s, got %s", t.Kind(), n))
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := tok.(json.Number); !ok {
			return want("a number")
		}
	case reflect.Interface:
		return c.skipRest(tok)
	default:
		return want(t.Kind().String())
	}
	return nil
}

// formatVersion reads the value of the top-level "format_version" key.
func (c *checker) formatVersion() error {
	start := c.offset()
	tok, err := c.token()
	if err != nil {
		return err
	}
	n, ok := tok.(json.Number)
	v, perr := strconv.Atoi(string(n))
	if !ok || perr != nil || v < 0 || v > 1<<20 {
		c.fail("format_version", start, fmt.Errorf("want a whole number, got %s", describe(tok)))
		*c.version = FormatVersion // reported here, not again as a wrong version
		return c.skipRest(tok)
	}
	*c.version = v
	return nil
}

// structFields returns [jsonFields] of t, computed once a type.
func (c *checker) structFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := c.fields[t]; ok {
		return m
	}
	m := jsonFields(t)
	c.fields[t] = m
	return m
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

func (c *checker) token() (json.Token, error) {
	off := c.offset()
	tok, err := c.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		line, col := position(c.data, off)
		return nil, &DecodeError{Record: c.record, Line: line + c.lineBase, Column: col, Err: fmt.Errorf("malformed JSON: %w", err)}
	}
	return tok, nil
}

// skip skips the next value.
func (c *checker) skip() error {
	tok, err := c.token()
	if err != nil {
		return err
	}
	return c.skipRest(tok)
}

// skipRest skips the rest of a value whose first token was tok.
func (c *checker) skipRest(tok json.Token) error {
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		for depth := 1; depth > 0; {
			t, err := c.token()
			if err != nil {
				return err
			}
			switch t {
			case json.Delim('{'), json.Delim('['):
				depth++
			case json.Delim('}'), json.Delim(']'):
				depth--
			}
		}
	}
	return nil
}

// raw returns the bytes of the next value.
func (c *checker) raw() ([]byte, error) {
	start := c.offset()
	if err := c.skip(); err != nil {
		return nil, err
	}
	return c.data[start:int(c.dec.InputOffset())], nil
}

func describe(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	}
	return "null"
}

// leadingSeparators counts the white space, colons and commas before the
// next token.
func leadingSeparators(b []byte) int {
	n := 0
	for n < len(b) {
		switch b[n] {
		case ' ', '\t', '\r', '\n', ':', ',':
			n++
		default:
			return n
		}
	}
	return n
}

// position returns the 1-based line and column of byte offset off.
func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

func syntaxOffset(err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return int(te.Offset)
	}
	return 0
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
