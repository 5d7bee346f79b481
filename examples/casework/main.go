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
// on standard error with the file, record and field, the rest are still
// assessed, and the exit status is 1.
//
// Flags:
//
//	-asof DATE        the assessment date (default 2026-12-01)
//	-format text|json the output format (default text)
//	-standards FILE   local standards as JSON (zero means statutory defaults)
//	-top N            how many drifting children to list (default 10)
//	-parallel N       goroutines to use; -1 means one per CPU (default -1)
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cohort"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// source is one input: its name in messages and how to open it.
type source struct {
	name string
	open func() (io.ReadCloser, error)
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casework", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOfText := fs.String("asof", cohort.AsOf.String(), "assessment date, YYYY-MM-DD")
	format := fs.String("format", "text", "output format: text or json")
	standardsFile := fs.String("standards", "", "local standards as JSON (default: statutory defaults)")
	top := fs.Int("top", 10, "how many drifting children to list")
	parallel := fs.Int("parallel", -1, "goroutines to use; -1 means one per CPU")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	asOf, err := care.ParseDate(*asOfText)
	if err != nil {
		fmt.Fprintln(stderr, "casework: -asof:", err)
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "casework: -format %q: want text or json\n", *format)
		return 2
	}
	var std practice.Standards
	if *standardsFile != "" {
		data, err := os.ReadFile(*standardsFile)
		if err == nil {
			std, err = practice.DecodeStandards(data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "casework: standards %s: %v\n", *standardsFile, err)
			return 2
		}
	}

	var sources []source
	if fs.NArg() == 0 {
		sources = append(sources, source{"embedded cohort", func() (io.ReadCloser, error) {
			data, err := cohort.JSONL()
			return io.NopCloser(bytes.NewReader(data)), err
		}})
	}
	for _, name := range fs.Args() {
		if name == "-" {
			sources = append(sources, source{"standard input", func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		if _, err := os.Stat(name); err != nil {
			fmt.Fprintf(stderr, "casework: %v\n", err)
			return 2
		}
		sources = append(sources, source{name, func() (io.ReadCloser, error) { return os.Open(name) }})
	}

	// Read every source as one stream of cases, noting where each came from
	// for error messages.
	var origin []string
	failed := false
	cases := func(yield func(practice.Case, error) bool) {
		for _, src := range sources {
			rc, err := src.open()
			if err != nil {
				origin = append(origin, src.name)
				if !yield(practice.Case{}, err) {
					return
				}
				continue
			}
			record := 0
			for c, err := range practice.ReadCohort(rc) {
				origin = append(origin, fmt.Sprintf("%s: record %d (child %s)", src.name, record, c.Child.ID))
				if err != nil {
					origin[len(origin)-1] = src.name
				}
				record++
				if !yield(c, err) {
					rc.Close()
					return
				}
			}
			rc.Close()
		}
	}
	rep, err := practice.AssessStream(context.Background(), iter.Seq2[practice.Case, error](cases), asOf, std, care.EnglandAndWales(),
		practice.CohortOptions{Parallelism: *parallel, DiscardReports: true})
	if err != nil {
		fmt.Fprintln(stderr, "casework:", err)
		return 1
	}
	for _, c := range rep.Children {
		if c.Err == nil {
			continue
		}
		failed = true
		for _, e := range flatten(c.Err) {
			fmt.Fprintf(stderr, "casework: %s: %v\n", origin[c.Index], e)
		}
	}

	if *format == "json" {
		err = writeJSON(stdout, rep, *top)
	} else {
		err = writeText(stdout, rep, *top)
	}
	if err != nil {
		fmt.Fprintln(stderr, "casework:", err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
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

	fmt.Fprintf(w, "\nChildren drifting most (worst first; showing %d of %d)\n", min(top, len(drifting)), len(drifting))
	fmt.Fprintf(w, "Ranked by: a live statutory or guidance item; then the oldest such item; then how many; then domains.\n")
	for i, d := range drifting[:min(top, len(drifting))] {
		res := childResult(rep, d.ChildID)
		names := make([]string, len(d.Domains))
		for k, dom := range d.Domains {
			names[k] = dom.String()
		}
		fmt.Fprintf(w, "\n%2d. %s  %s, %s office\n", i+1, d.ChildID, res.Team, res.Office)
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
}

type jsonDrift struct {
	Rank int    `json:"rank"`
	Why  string `json:"why"`
	practice.Drift
}

type jsonInvalid struct {
	Index   int      `json:"index"`
	ChildID string   `json:"child_id"`
	Errors  []string `json:"errors"`
}

func writeJSON(w io.Writer, rep practice.CohortReport, top int) error {
	drifting := rep.Drifting()
	out := jsonReport{
		FormatVersion: practice.FormatVersion,
		AsOf:          rep.AsOf, Assessed: rep.Assessed, Flagged: rep.Flagged, Invalid: []jsonInvalid{},
		Live: rep.Live, Binding: rep.Binding, Statutory: rep.Statutory, Drifting: []jsonDrift{},
		Rates: rep.Rates, ByTeam: rep.ByTeam, ByOffice: rep.ByOffice, LiveByDomain: rep.LiveByDomain,
	}
	for i, d := range drifting[:min(top, len(drifting))] {
		out.Drifting = append(out.Drifting, jsonDrift{Rank: i + 1, Why: d.Why(), Drift: d})
	}
	for _, c := range rep.Children {
		if c.Err == nil {
			continue
		}
		inv := jsonInvalid{Index: c.Index, ChildID: c.ChildID}
		for _, e := range flatten(c.Err) {
			inv.Errors = append(inv.Errors, e.Error())
		}
		out.Invalid = append(out.Invalid, inv)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
