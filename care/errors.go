package care

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrUnknownCode reports a code that is not in its code list.
var ErrUnknownCode = errors.New("care: unknown code")

// ErrRequired reports a required field that is missing.
var ErrRequired = errors.New("required")

// ParseError reports text that could not be parsed as a value of Type. It
// wraps the underlying reason, so errors.Is(err, ErrInvalidDate) and
// errors.Is(err, ErrUnknownCode) work through it.
//
// Its message quotes at most the first 20 bytes of Input, escaped
// ([Excerpt]): `care: parsing "2025-02-30" as date: invalid date: no such
// day`, however long the input. When the input is the value of an
// identifying field (a date of birth, a UPN, a postcode, a name), set
// Private, and the message leaves the input out altogether: `care: parsing
// date (input withheld): invalid date: want YYYY-MM-DD`. The reasons this
// package gives in Err never repeat the input, so that a private message
// holds none of it; a decoder that knows which fields identify a person
// sets Private on the errors it gets for them (errors.As, then set the
// field) before wrapping them with the field's path.
type ParseError struct {
	Input string // the text that was given
	Type  string // what it was parsed as: "date", "legal status", …
	Err   error  // why it failed
	// Private keeps Input out of the message: the input is the value of
	// an identifying field.
	Private bool
}

// Error returns "care: parsing <excerpt of the input> as <type>: <reason>",
// or "care: parsing <type> (input withheld): <reason>" when the error is
// Private. The reason is Err's message without a leading "care: ".
func (e *ParseError) Error() string {
	reason := "invalid"
	if e.Err != nil {
		reason = strings.TrimPrefix(e.Err.Error(), "care: ")
	}
	if e.Private {
		return "care: parsing " + e.Type + " (input withheld): " + reason
	}
	return "care: parsing " + Excerpt(e.Input) + " as " + e.Type + ": " + reason
}

func (e *ParseError) Unwrap() error { return e.Err }

// FieldError reports one bad field of a record, by its path from the root
// of the record being validated ("placements[2].end").
type FieldError struct {
	Path string
	Err  error
}

// Error returns "path: reason" (the reason alone without a path; "invalid"
// for a nil Err).
func (e *FieldError) Error() string {
	reason := "invalid"
	if e.Err != nil {
		reason = e.Err.Error()
	}
	if e.Path == "" {
		return reason
	}
	return e.Path + ": " + reason
}

func (e *FieldError) Unwrap() error { return e.Err }

// ValidationErrors is a list of field errors. The zero value is an empty
// list, ready to use. Validation collects every problem it finds rather than
// stopping at the first.
type ValidationErrors []*FieldError

// Add appends an error for the field at path. Like Addf and Merge, it
// stores through v, so v must not be nil: a nil *ValidationErrors is a
// programmer error and panics. The zero ValidationErrors is ready to use.
func (v *ValidationErrors) Add(path string, err error) {
	*v = append(*v, &FieldError{Path: path, Err: err})
}

// Addf appends an error for the field at path with a formatted message.
func (v *ValidationErrors) Addf(path, format string, args ...any) {
	*v = append(*v, &FieldError{Path: path, Err: fmt.Errorf(format, args...)})
}

// Merge appends every error of err under the path prefix: a
// [ValidationErrors] or [*FieldError] keeps its own paths, prefixed as
// "prefix.path" or "prefix[i].path"; any other error is added at prefix. A
// nil err adds nothing.
func (v *ValidationErrors) Merge(prefix string, err error) {
	if err == nil {
		return
	}
	var list ValidationErrors
	var fe *FieldError
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			if e != nil {
				*v = append(*v, &FieldError{Path: JoinPath(prefix, e.Path), Err: e.Err})
			}
		}
	case errors.As(err, &fe):
		*v = append(*v, &FieldError{Path: JoinPath(prefix, fe.Path), Err: fe.Err})
	default:
		*v = append(*v, &FieldError{Path: prefix, Err: err})
	}
}

// JoinPath joins two field paths: JoinPath("reviews[1]", "owner") is
// "reviews[1].owner" and JoinPath("a", "[2].b") is "a[2].b".
func JoinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// Index returns the path of element i of the list at path: "visits[3]".
func Index(path string, i int) string {
	var buf [64]byte
	return string(appendIndex(buf[:0], path, i))
}

// appendIndex appends [Index](path, i) to b.
func appendIndex(b []byte, path string, i int) []byte {
	b = append(b, path...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, ']')
}

// Error joins the messages, one per line.
func (v ValidationErrors) Error() string {
	var b strings.Builder
	for i, e := range v {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil if the list is empty and the list otherwise. It never
// returns a typed nil.
func (v ValidationErrors) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// Unwrap returns the field errors, so errors.Is and errors.As see each one.
func (v ValidationErrors) Unwrap() []error {
	out := make([]error, len(v))
	for i, e := range v {
		out[i] = e
	}
	return out
}

// errNilCalendar reports a nil working-day calendar.
var errNilCalendar = errors.New("care: nil calendar")

// has reports whether v holds an error at path.
func (v ValidationErrors) has(path string) bool {
	for _, e := range v {
		if e.Path == path {
			return true
		}
	}
	return false
}
