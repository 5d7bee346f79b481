// Package cli holds what the example programs share in checking their
// command lines, so that every program rejects a bad flag the same way and
// says the same things about it. Each check returns an error worded for the
// person at the terminal ("-top -1: want 0 or more"); the program prints it
// and exits with status 2.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lookedafter/practice/care"
)

// Date parses the value of the date flag name, YYYY-MM-DD.
func Date(name, value string) (care.Date, error) {
	d, err := care.ParseDate(value)
	if err != nil {
		var pe *care.ParseError
		if errors.As(err, &pe) {
			err = pe.Err // the flag names the value; no need to say it twice
		}
		return care.Date{}, fmt.Errorf("-%s %q: want a date YYYY-MM-DD: %w", name, value, err)
	}
	return d, nil
}

// AtLeast checks that the integer flag name is min or more.
func AtLeast(name string, v, min int) error {
	if v < min {
		return fmt.Errorf("-%s %d: want %d or more", name, v, min)
	}
	return nil
}

// OneOf checks that the flag name has one of the values allowed.
func OneOf(name, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("-%s %q: want %s", name, v, strings.Join(allowed, " or "))
}

// Usage sets fs's usage message: the synopsis, what the arguments are, and
// the flags.
func Usage(fs *flag.FlagSet, w io.Writer, synopsis, args string) {
	fs.Usage = func() {
		fmt.Fprintf(w, "usage: %s\n", synopsis)
		if args != "" {
			fmt.Fprintf(w, "\n%s\n", args)
		}
		fmt.Fprintln(w, "\nflags:")
		fs.PrintDefaults()
	}
}
