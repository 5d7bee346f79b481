package supervision_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lookedafter/practice/care"
)

// opts lets go-cmp compare the opaque care.Date, and nil with empty slices.
var opts = cmp.Options{cmpopts.EquateComparable(care.Date{}), cmpopts.EquateEmpty()}

// day parses an ISO date in a test table; it panics on a typo.
func day(s string) care.Date {
	d, err := care.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// paths returns the sorted field paths of a validation error.
func paths(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list care.ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not a care.ValidationErrors", err)
	}
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Path
	}
	slices.Sort(out)
	return out
}

// brief is a finding reduced to what a table test compares.
type brief struct {
	Rule    care.RuleID
	Subject string
	Status  care.Status
	Due     care.Date
	Done    care.Date
}

func briefs(r care.Report) []brief {
	out := make([]brief, len(r))
	for i, f := range r {
		out[i] = brief{f.Rule(), f.Subject(), f.Status, f.Due, f.Done}
	}
	return out
}
