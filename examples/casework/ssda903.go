package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// isReturn reports whether name is an SSDA903 return: a directory of its
// CSV tables, or an XML file.
func isReturn(name string) bool {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return true
	}
	return strings.EqualFold(filepath.Ext(name), ".xml")
}

// yearInName finds a collection year in a file or directory name as
// people write it ("return-2025-26", "903_2025_26.xml", "lac2025_26"),
// taking the last one in the path.
var yearInName = regexp.MustCompile(`(?:lac)?(\d{4})[-_/](\d{2})`)

func returnYear(flagValue, name string) (care.CollectionYear, error) {
	if flagValue != "" {
		y, err := ssda903.ParseYear(flagValue)
		if err != nil {
			return 0, fmt.Errorf("-year %s: want a collection year such as 2025-26", care.Excerpt(flagValue))
		}
		return y, nil
	}
	ms := yearInName.FindAllString(filepath.ToSlash(name), -1)
	for i := len(ms) - 1; i >= 0; i-- {
		if y, err := ssda903.ParseYear(strings.ReplaceAll(ms[i], "/", "-")); err == nil {
			return y, nil
		}
	}
	return 0, fmt.Errorf("%s: the return's collection year is not in its name; give it with -year 2025-26", filepath.Base(name))
}

// returnInput is a return read into cases: the valid ones, those that are
// not, and the problems with cells no case holds.
type returnInput struct {
	year     care.CollectionYear
	children int
	set      ssda903.CaseSet
	// problems are the problems of reading the files and of cells that
	// no case holds: reported, but no child's assessment depends on them.
	problems ssda903.Errors
}

// readReturn reads the return at name (a directory of CSV files, or an
// XML file) for collection year y and builds its cases, with the previous
// year's return at last if it is not "". It fails only when nothing could
// be read at all.
func readReturn(name string, y care.CollectionYear, last string) (*returnInput, error) {
	in := &returnInput{year: y}
	rec, err := in.read(name, y)
	if err != nil {
		return nil, err
	}
	var prev *ssda903.Records
	if last != "" {
		if prev, err = in.read(last, y-1); err != nil {
			return nil, fmt.Errorf("-last %s: %w", last, err)
		}
	}
	in.set = ssda903.CasesWithPrevious(rec, prev)
	// A problem with a cell of an invalid child is among its errors; the
	// others concern cells no case holds (an OC3 code, SW_REASON).
	invalid := map[string]bool{}
	for _, inv := range in.set.Invalid {
		invalid[inv.Child] = true
	}
	for _, r := range []*ssda903.Records{rec, prev} {
		if r == nil {
			continue
		}
		for _, p := range r.Problems {
			if !invalid[p.Child] || p.Child == "" {
				in.problems = append(in.problems, p)
			}
		}
	}
	in.children = len(in.set.Cases) + len(in.set.Invalid)
	return in, nil
}

// read reads one return's files into records, noting the problems of
// reading them.
func (in *returnInput) read(name string, y care.CollectionYear) (*ssda903.Records, error) {
	var ret *ssda903.Return
	var err error
	if fi, serr := os.Stat(name); serr == nil && fi.IsDir() {
		ret, err = ssda903.ReadDir(name, y)
	} else {
		var f *os.File
		if f, err = os.Open(name); err != nil {
			return nil, unwrapPath(err)
		}
		ret, err = ssda903.ReadXML(f, filepath.Base(name), y)
		f.Close()
	}
	var errs ssda903.Errors
	if err != nil && !errors.As(err, &errs) {
		return nil, err
	}
	in.problems = append(in.problems, errs...)
	if ret == nil {
		return nil, errs
	}
	rec, err := ret.Records()
	if err != nil && !errors.As(err, new(ssda903.Errors)) {
		return nil, err
	}
	return rec, nil
}

// cases returns the return's children as a stream for the cohort run, the
// valid ones first, then the invalid ones with their errors, recording
// where each came from.
func (in *returnInput) cases(name string, origins *[]origin) func(func(practice.Case, error) bool) {
	return func(yield func(practice.Case, error) bool) {
		n := 0
		for _, c := range in.set.Cases {
			*origins = append(*origins, origin{source: name, record: n, child: c.Care.Child.ID})
			n++
			if !yield(c, nil) {
				return
			}
		}
		for _, inv := range in.set.Invalid {
			*origins = append(*origins, origin{source: name, record: n, child: inv.Child})
			n++
			if !yield(inv.Case, inv.Errs) {
				return
			}
		}
	}
}

// source is the return's cases as a source the HTML page can read again
// for its timelines: their JSON, in the order [returnInput.cases] gives
// them.
func (in *returnInput) source(name string) source {
	return source{name, func() (io.ReadCloser, error) {
		all := slices.Clone(in.set.Cases)
		for _, inv := range in.set.Invalid {
			all = append(all, inv.Case)
		}
		var b bytes.Buffer
		err := practice.EncodeCohort(&b, all)
		return io.NopCloser(&b), err
	}}
}

// report prints the problems no child's assessment depends on, and a
// summary line accounting for every child of the return.
func (in *returnInput) report(w io.Writer, name string) {
	fmt.Fprintf(w, "casework: %s: SSDA903 return %s: %s, %d built into cases, %d invalid\n", name, in.year,
		plural(in.children, "child", "children"), len(in.set.Cases), len(in.set.Invalid))
	const most = 20
	for i, p := range in.problems {
		if i == most {
			fmt.Fprintf(w, "casework: … and %d more problems with cells no assessment reads\n", len(in.problems)-most)
			break
		}
		fmt.Fprintf(w, "casework: warning: %v\n", p)
	}
}

// writeNotAssessed prints what the data did not allow to be assessed.
func writeNotAssessed(w io.Writer, rep practice.CohortReport) {
	for _, l := range notAssessed(rep) {
		fmt.Fprintln(w, l)
	}
}

// notAssessed says, a sentence a line, what the data did not allow to be
// assessed and why: nothing when every case's data is complete.
func notAssessed(rep practice.CohortReport) []string {
	var lines []string
	var lacking care.Family
	most := 0
	for _, g := range rep.NotAssessed {
		lacking |= g.Family
		most = max(most, g.Children)
	}
	if lacking != 0 {
		lines = append(lines, fmt.Sprintf("Not assessed: %s are not in this data (%s); their rules are left out, not counted as overdue.",
			lacking.Words(), plural(most, "child", "children")))
	}
	for _, win := range rep.Windows {
		lines = append(lines, fmt.Sprintf("Not assessed: obligations due outside %s to %s, the span of %s (%s).",
			win.From.Format(), win.To.Format(), nonEmpty(win.Source), plural(win.Children, "child", "children")))
	}
	return lines
}

// flagSet reports whether the flag called name was given.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// teamOffice names the child's team and office, as far as the data does
// (the SSDA903 return holds neither).
func teamOffice(res practice.ChildResult) string {
	switch {
	case res.Team != "" && res.Office != "":
		return "  " + res.Team + ", " + res.Office + " office"
	case res.Team != "":
		return "  " + res.Team
	case res.Office != "":
		return "  " + res.Office + " office"
	}
	return ""
}
