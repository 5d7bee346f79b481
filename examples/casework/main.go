// Command casework assesses a cohort of looked-after children as of a date
// and prints what a service manager needs first: the children whose cases
// are drifting, each with why it ranks where it does and the live items
// (still owed, actionable today) that make it so; then the cohort's
// timeliness per rule, per team and per office.
//
// Usage:
//
//	go run ./examples/casework [flags] [file ...]
//
// With no files it assesses the examples' embedded synthetic cohort (300
// children, no real personal data) as of 2026-12-01. Each file is a case
// (JSON), or a cohort as a JSON array or JSON Lines; "-" reads standard
// input. JSON Lines are read a record at a time, so a national cohort is
// never held in memory. A case that does not decode or validate is reported
// on standard error with the file, record (counted from 0 in each file) and
// field, and counted in the report's header and its JSON (invalid); the rest
// are still assessed. A file that cannot be read is reported and skipped. A
// second record of a child already seen is reported and not assessed.
//
// Exit status: 0 when every record was assessed; 1 when some input could
// not be read, decoded or assessed; 2 for a bad flag or standards file; 3
// when the input held no cases at all (an empty file, white space, "[]").
//
// Flags:
//
//	-asof DATE        the assessment date (default 2026-12-01)
//	-format text|json|html the output format (default text)
//	-standards FILE   local standards as JSON (zero means statutory defaults)
//	-top N            how many drifting children to list (default 10)
//	-parallel N       goroutines to use; -1 means one per CPU (default -1)
//	-year 2025-26     an SSDA903 return's collection year (default: from its name)
//	-last DIR         the previous year's SSDA903 return, read with the return
//
// An argument that is a directory (of CSV files) or an .xml file is an
// SSDA903 return, the only input: its children are assessed as of the
// collection year's last day (or -asof, not after it), on what the return
// holds; the report says what was not assessed and why.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cli"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/ssda903"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// source is one input: its name in messages and how to open it.
type source struct {
	name string
	open func() (io.ReadCloser, error)
}

// origin is where a record came from: its source, its position in that
// source (0-based) and, for a record that did not decode, the line of its
// first fault.
type origin struct {
	source string
	record int
	line   int
	child  string
}

// place names the record for a message about a record of source from: its
// record number, with its source if that is another.
func (o origin) place(from string) string {
	if o.source == from {
		return fmt.Sprintf("record %d", o.record)
	}
	return fmt.Sprintf("%s: record %d", o.source, o.record)
}

func (o origin) String() string {
	s := fmt.Sprintf("%s: record %d", o.source, o.record)
	if o.child != "" {
		s += " (child " + o.child + ")"
	}
	return s
}

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // some input could not be read, decoded or assessed
	exitUsage   = 2 // a bad flag or standards file
	exitEmpty   = 3 // the input held no cases at all
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casework", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cli.Usage(fs, stderr, "casework [flags] [file ...]",
		"Each file is a case (JSON), or a cohort as a JSON array or JSON Lines; - reads standard input.\n"+
			"With no files it assesses the examples' embedded synthetic cohort (300 children).\n"+
			"Exit status: 0 all assessed; 1 some input could not be read, decoded or assessed;\n"+
			"2 a bad flag or standards file; 3 the input held no cases.")
	asOfText := fs.String("asof", cohort.AsOf.String(), "assessment date, YYYY-MM-DD")
	format := fs.String("format", "text", "output format: text, json or html")
	standardsFile := fs.String("standards", "", "local standards as JSON (default: statutory defaults)")
	yearText := fs.String("year", "", "an SSDA903 return's collection year, such as 2025-26 (default: from its name)")
	lastDir := fs.String("last", "", "the previous year's SSDA903 return, read with the return so that its cases cover both years")
	top := fs.Int("top", 10, "how many drifting children to list")
	parallel := fs.Int("parallel", -1, "goroutines to use; -1 means one per CPU")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	asOf, err := cli.Date("asof", *asOfText)
	if err == nil {
		err = cli.OneOf("format", *format, "text", "json", "html")
	}
	if err == nil {
		err = cli.AtLeast("top", *top, 0)
	}
	if err == nil {
		err = cli.AtLeast("parallel", *parallel, -1)
	}
	if err != nil {
		fmt.Fprintln(stderr, "casework:", err)
		return exitUsage
	}
	var std practice.Standards
	if *standardsFile != "" {
		data, err := os.ReadFile(*standardsFile)
		if err == nil {
			std, err = practice.DecodeStandards(data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "casework: standards %s: %v\n", *standardsFile, err)
			return exitUsage
		}
	}

	failed := false
	var origins []origin
	records := 0
	var cases func(func(practice.Case, error) bool)
	var sources []source
	if fs.NArg() == 1 && isReturn(fs.Arg(0)) {
		// An SSDA903 return: a directory of its CSV tables or an XML
		// file, assessed as of its collection year's last day.
		name := fs.Arg(0)
		y, err := returnYear(*yearText, name)
		if err != nil {
			fmt.Fprintln(stderr, "casework:", err)
			return exitUsage
		}
		last := ssda903.ReturnCoverage(y).To
		if !flagSet(fs, "asof") {
			asOf = last
		} else if asOf.After(last) {
			fmt.Fprintf(stderr, "casework: -asof %s is after %s, the last day the %s return covers\n", asOf, last, y)
			return exitUsage
		}
		in, err := readReturn(name, y, *lastDir)
		if err != nil {
			fmt.Fprintf(stderr, "casework: %s: %v\n", name, err)
			return exitInvalid
		}
		in.report(stderr, name)
		failed = len(in.problems) > 0
		records = in.children
		cases = in.cases(name, &origins)
		sources = append(sources, in.source(name))
	} else if *yearText != "" || *lastDir != "" {
		fmt.Fprintln(stderr, "casework: -year and -last are for an SSDA903 return (a directory of its CSV files, or an XML file)")
		return exitUsage
	}
	if fs.NArg() == 0 && cases == nil {
		sources = append(sources, source{"embedded cohort", func() (io.ReadCloser, error) {
			data, err := cohort.JSONL()
			return io.NopCloser(bytes.NewReader(data)), err
		}})
	}
	for _, name := range fs.Args() {
		if cases != nil {
			break // the return is the input
		}
		if name == "-" {
			sources = append(sources, source{"standard input", func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		sources = append(sources, source{name, func() (io.ReadCloser, error) {
			if fi, err := os.Stat(name); err == nil && fi.IsDir() {
				return nil, errors.New("a directory, not a case or cohort file")
			}
			return os.Open(name)
		}})
	}

	// Read every source as one stream of cases, noting where each record
	// came from for error messages. A source that cannot be opened is
	// reported and skipped: it holds no records.
	if cases == nil {
		cases = func(yield func(practice.Case, error) bool) {
			for _, src := range sources {
				rc, err := src.open()
				if err != nil {
					failed = true
					fmt.Fprintf(stderr, "casework: %s: %v\n", src.name, unwrapPath(err))
					continue
				}
				n := 0
				for c, err := range practice.ReadCohort(rc) {
					if errors.Is(err, practice.ErrEmpty) {
						continue
					}
					o := origin{source: src.name, record: n, child: c.Care.Child.ID}
					var de *practice.DecodeError
					if errors.As(err, &de) {
						o.line = de.Line
					}
					origins = append(origins, o)
					n++
					if !yield(c, err) {
						rc.Close()
						return
					}
				}
				rc.Close()
				if n == 0 {
					fmt.Fprintf(stderr, "casework: %s: warning: no cases\n", src.name)
				}
				records += n
			}
		}
	}
	rep, err := practice.AssessStream(context.Background(), cases, asOf, std, care.EnglandAndWales(),
		practice.CohortOptions{Parallelism: *parallel, DiscardReports: true})
	if err != nil {
		fmt.Fprintln(stderr, "casework:", err)
		return exitInvalid
	}
	for _, c := range rep.Children {
		if c.Err == nil {
			continue
		}
		failed = true
		for _, e := range flatten(c.Err) {
			if where, what := explain(e, origins[c.Index], origins); where != "" {
				fmt.Fprintf(stderr, "casework: %s: %s\n", where, what)
			} else {
				fmt.Fprintf(stderr, "casework: %s\n", what)
			}
		}
	}
	if rep.Invalid > 0 {
		fmt.Fprintf(stderr, "casework: %s could not be assessed\n", plural(rep.Invalid, "record", "records"))
	}

	if *format == "json" {
		err = writeJSON(stdout, rep, *top, origins)
	} else if *format == "html" {
		err = writeHTML(stdout, rep, *top, std, sources, origins)
	} else {
		err = writeText(stdout, rep, *top)
	}
	if err != nil {
		fmt.Fprintln(stderr, "casework:", err)
		return exitInvalid
	}
	switch {
	case records == 0 && !failed:
		return exitEmpty
	case failed:
		return exitInvalid
	}
	return exitOK
}

// explain says where error e, of the record from o, happened and what it
// is, naming records by their place in their own source.
func explain(e error, o origin, origins []origin) (where, what string) {
	var de *practice.DecodeError
	var dup *practice.DuplicateError
	switch {
	case errors.As(e, &de): // it names its record, line and column
		return o.source, e.Error()
	case errors.As(e, new(*ssda903.Error)): // it names its file, table, row and column
		return "", e.Error()
	case errors.As(e, &dup): // its positions count across every source
		return o.String(), fmt.Sprintf("child %s already appears at %s; this record is not assessed",
			dup.ChildID, origins[dup.First].place(o.source))
	}
	return o.String(), e.Error()
}

// unwrapPath drops the operation from a file error ("open x: no such file
// or directory" becomes "no such file or directory"), since the message
// names the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// flatten splits joined errors and validation lists into one error per
// problem, so that each is reported on its own line.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if ve, ok := err.(care.ValidationErrors); ok {
		out := make([]error, len(ve))
		for i, e := range ve {
			out[i] = e
		}
		return out
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// plural returns "1 child" or "n children" from the singular and plural.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func writeText(w io.Writer, rep practice.CohortReport, top int) error {
	drifting := rep.Drifting()
	fmt.Fprintf(w, "Casework as of %s: %s assessed", rep.AsOf.Format(), plural(rep.Assessed, "child", "children"))
	if rep.Invalid > 0 {
		fmt.Fprintf(w, ", %s could not be assessed (see errors)", plural(rep.Invalid, "record", "records"))
	}
	fmt.Fprintf(w, "; %s flagged for drift (DRIFT-01).\n", plural(rep.Flagged, "child", "children"))
	fmt.Fprintf(w, "Live items (overdue and still owed today): %d, of which %d statutory or guidance (%d statutory).\n",
		rep.Live, rep.Binding, rep.Statutory)
	writeNotAssessed(w, rep)

	fmt.Fprintf(w, "\nChildren drifting most (worst first; showing %d of %d)\n", min(top, len(drifting)), len(drifting))
	fmt.Fprintf(w, "Ranked by: a live statutory or guidance item; then the oldest such item; then how many; then domains.\n")
	for i, d := range drifting[:min(top, len(drifting))] {
		res := childResult(rep, d.ChildID)
		names := make([]string, len(d.Domains))
		for k, dom := range d.Domains {
			names[k] = dom.String()
		}
		fmt.Fprintf(w, "\n%2d. %s%s\n", i+1, d.ChildID, teamOffice(res))
		fmt.Fprintf(w, "    Why: %s\n", d.Why())
		fmt.Fprintf(w, "    Domains: %s; missed in the last 12 months: %d\n", strings.Join(names, ", "), d.MissedLastYear)
		shown := d.Findings
		if len(shown) > 6 {
			shown = shown[:6]
		}
		for _, f := range shown {
			fmt.Fprintf(w, "    %-8s %s overdue  %s  [%s]\n", f.Rule(), plural(f.DaysLate(rep.AsOf), "day", "days"), f.Subject(), f.Citation().Short())
			fmt.Fprintf(w, "             %s\n", f.Message())
		}
		if n := len(d.Findings) - len(shown); n > 0 {
			fmt.Fprintf(w, "    … and %d more\n", n)
		}
	}

	fmt.Fprintf(w, "\nTimeliness by rule (met on time / fell due; upcoming excluded; median days late is over late ones)\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rule\tDue\tMet\tLate\tOverdue\tMissed\tBreach\tOn time %\tMedian late\tTitle")
	for _, r := range rep.Rates {
		median := "-"
		if r.Late > 0 {
			median = r.MedianDaysLate.StringFixed(1)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\n", r.Rule, r.Applicable, r.Met, r.Late, r.Overdue, r.Missed, r.Breach,
			r.Rate.StringFixed(1), median, r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, g := range []struct {
		what   string
		groups []practice.GroupRates
	}{{"team", rep.ByTeam}, {"office", rep.ByOffice}} {
		fmt.Fprintf(w, "\nTimeliness by %s (all rules; weakest three rules with at least 10 due)\n", g.what)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "%s\tChildren\tFlagged\tOn time %%\tWeakest\n", strings.ToUpper(g.what[:1])+g.what[1:])
		for _, gr := range g.groups {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", nonEmpty(gr.Group), gr.Children, gr.Flagged, gr.Rate.StringFixed(1), weakest(gr.Rates, 3))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	fmt.Fprintf(w, "\nLive items by domain\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, d := range rep.LiveByDomain {
		fmt.Fprintf(tw, "%s\t%d\n", d.Domain, d.Live)
	}
	return tw.Flush()
}

func childResult(rep practice.CohortReport, id string) practice.ChildResult {
	for _, c := range rep.Children {
		if c.ChildID == id && c.Err == nil {
			return c
		}
	}
	return practice.ChildResult{}
}

func weakest(rates []practice.RuleRate, n int) string {
	rs := slices.Clone(rates)
	rs = slices.DeleteFunc(rs, func(r practice.RuleRate) bool { return r.Applicable < 10 })
	slices.SortStableFunc(rs, func(a, b practice.RuleRate) int { return a.Rate.Cmp(b.Rate) })
	var parts []string
	for _, r := range rs[:min(n, len(rs))] {
		parts = append(parts, fmt.Sprintf("%s %s%%", r.Rule, r.Rate.StringFixed(1)))
	}
	return strings.Join(parts, ", ")
}

func nonEmpty(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// jsonReport is the -format json output: the cohort summary and the
// drifting children, without every child's full report.
type jsonReport struct {
	FormatVersion int                    `json:"format_version"`
	AsOf          care.Date              `json:"as_of"`
	Assessed      int                    `json:"assessed"`
	Invalid       []jsonInvalid          `json:"invalid"`
	Flagged       int                    `json:"flagged"`
	Live          int                    `json:"live"`
	Binding       int                    `json:"binding"`
	Statutory     int                    `json:"statutory"`
	Drifting      []jsonDrift            `json:"drifting"`
	Rates         []practice.RuleRate    `json:"rates"`
	ByTeam        []practice.GroupRates  `json:"by_team"`
	ByOffice      []practice.GroupRates  `json:"by_office"`
	LiveByDomain  []practice.DomainCount `json:"live_by_domain"`
	NotAssessed   []practice.Gap         `json:"not_assessed,omitempty"`
	Windows       []practice.Window      `json:"windows,omitempty"`
}

type jsonDrift struct {
	Rank int    `json:"rank"`
	Why  string `json:"why"`
	practice.Drift
}

type jsonInvalid struct {
	Index   int      `json:"index"`
	Source  string   `json:"source"`
	Record  int      `json:"record"`
	Line    int      `json:"line,omitempty"`
	ChildID string   `json:"child_id,omitempty"`
	Errors  []string `json:"errors"`
}

func writeJSON(w io.Writer, rep practice.CohortReport, top int, origins []origin) error {
	drifting := rep.Drifting()
	out := jsonReport{
		FormatVersion: practice.FormatVersion,
		AsOf:          rep.AsOf, Assessed: rep.Assessed, Flagged: rep.Flagged, Invalid: []jsonInvalid{},
		Live: rep.Live, Binding: rep.Binding, Statutory: rep.Statutory, Drifting: []jsonDrift{},
		Rates: rep.Rates, ByTeam: rep.ByTeam, ByOffice: rep.ByOffice, LiveByDomain: rep.LiveByDomain,
		NotAssessed: rep.NotAssessed, Windows: rep.Windows,
	}
	for i, d := range drifting[:min(top, len(drifting))] {
		out.Drifting = append(out.Drifting, jsonDrift{Rank: i + 1, Why: d.Why(), Drift: d})
	}
	for _, c := range rep.Children {
		if c.Err == nil {
			continue
		}
		o := origins[c.Index]
		inv := jsonInvalid{Index: c.Index, Source: o.source, Record: o.record, Line: o.line, ChildID: c.ChildID}
		for _, e := range flatten(c.Err) {
			_, what := explain(e, o, origins)
			inv.Errors = append(inv.Errors, what)
		}
		out.Invalid = append(out.Invalid, inv)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
