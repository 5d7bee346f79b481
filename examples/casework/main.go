// Command casework assesses a cohort of looked-after children as of a date
// and prints what a service manager needs first: the children whose cases
// are drifting most, with the overdue findings that make it so (due dates
// and citations), and the cohort's timeliness per rule and per office.
//
// Usage:
//
//	go run ./examples/casework [flags] [file ...]
//
// With no files it assesses the embedded synthetic cohort (300 children,
// no real personal data) as of 2026-12-01. Each file is a case (JSON), or a
// cohort as a JSON array or JSON Lines; "-" reads standard input. A case
// that does not decode or validate is reported on standard error with the
// file, record and field, the rest are still assessed, and the exit status
// is 1.
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
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
)

// cohortGz is the embedded synthetic cohort: practice.Synthetic with the
// seed and size below, as gzipped JSON Lines (see main_test.go, which
// checks it and rewrites it with -update).
//
//go:embed testdata/cohort.jsonl.gz
var cohortGz []byte

const (
	embeddedSeed     = 903
	embeddedChildren = 300
	defaultAsOf      = "2026-12-01"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type source struct {
	name string
	data []byte
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("casework", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOfText := fs.String("asof", defaultAsOf, "assessment date, YYYY-MM-DD")
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
		data, err := gunzip(cohortGz)
		if err != nil {
			fmt.Fprintln(stderr, "casework: embedded cohort:", err)
			return 1
		}
		sources = append(sources, source{"embedded cohort", data})
	}
	for _, name := range fs.Args() {
		var data []byte
		var err error
		if name == "-" {
			data, err = io.ReadAll(stdin)
			name = "standard input"
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			fmt.Fprintf(stderr, "casework: %v\n", err)
			return 2
		}
		sources = append(sources, source{name, data})
	}

	// Decode every source, reporting bad records and keeping the rest.
	failed := false
	var cases []practice.Case
	var origin []string // where each case came from, for error messages
	for _, src := range sources {
		cs, idx, err := practice.DecodeCohort(bytes.NewReader(src.data))
		for _, e := range flatten(err) {
			failed = true
			fmt.Fprintf(stderr, "casework: %s: %v\n", src.name, e)
		}
		for i, c := range cs {
			cases = append(cases, c)
			origin = append(origin, fmt.Sprintf("%s: record %d (child %s)", src.name, idx[i], c.Child.ID))
		}
	}

	rep, err := practice.AssessCohort(cases, asOf, std, care.EnglandAndWales(), practice.CohortOptions{Parallelism: *parallel})
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

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

func writeText(w io.Writer, rep practice.CohortReport, top int) error {
	drifting := rep.Drifting()
	fmt.Fprintf(w, "Casework as of %s: %d children assessed", rep.AsOf.Format(), rep.Assessed)
	if rep.Invalid > 0 {
		fmt.Fprintf(w, ", %d could not be assessed (see errors)", rep.Invalid)
	}
	fmt.Fprintf(w, "; %d flagged for drift (DRIFT-01).\n", rep.Flagged)

	fmt.Fprintf(w, "\nChildren drifting most (worst first; showing %d of %d)\n", min(top, len(drifting)), len(drifting))
	for i, d := range drifting[:min(top, len(drifting))] {
		res := childResult(rep, d.ChildID)
		names := make([]string, len(d.Domains))
		for k, dom := range d.Domains {
			names[k] = dom.String()
		}
		fmt.Fprintf(w, "\n%2d. %s  %s, %s office\n", i+1, d.ChildID, res.Team, res.Office)
		fmt.Fprintf(w, "    %d overdue (%d statutory), oldest %d days overdue; %s\n", d.Overdue, d.OverdueStatutory, d.OldestOverdueDays, strings.Join(names, ", "))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		shown := d.Findings
		if len(shown) > 6 {
			shown = shown[:6]
		}
		for _, f := range shown {
			fmt.Fprintf(tw, "    %s\tdue %s\t%d days\t%s\t%s\n", f.Rule, f.Due, f.DaysLate(rep.AsOf), short(f.Message, 60), f.Citation)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if n := len(d.Findings) - len(shown); n > 0 {
			fmt.Fprintf(w, "    … and %d more\n", n)
		}
	}

	fmt.Fprintf(w, "\nTimeliness by rule (met on time / fell due; upcoming obligations excluded)\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "Rule\tDue\tMet\tLate\tOverdue\tBreach\tOn time %\tMedian days late\t")
	for _, r := range rep.Rates {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", r.Rule, r.Applicable, r.Met, r.Late, r.Overdue, r.Breach, r.Rate.StringFixed(1), r.MedianDaysLate.StringFixed(1))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nTimeliness by office (all rules; weakest three rules with at least 10 due)\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Office\tChildren\tFlagged\tOn time %\tWeakest")
	for _, g := range rep.ByOffice {
		met, due := 0, 0
		for _, r := range g.Rates {
			met += r.Met
			due += r.Applicable
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", nonEmpty(g.Group), g.Children, g.Flagged, percent(met, due), weakest(g.Rates, 3))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\nOverdue findings by domain\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, d := range rep.OverdueByDomain {
		fmt.Fprintf(tw, "%s\t%d\n", d.Domain, d.Overdue)
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

func percent(met, due int) string {
	if due == 0 {
		return "-"
	}
	return decimal.NewFromInt(int64(met)).Mul(decimal.NewFromInt(100)).DivRound(decimal.NewFromInt(int64(due)), 1).StringFixed(1)
}

func nonEmpty(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func short(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// jsonReport is the -format json output: the cohort summary and the
// drifting children, without every child's full report.
type jsonReport struct {
	AsOf            care.Date              `json:"as_of"`
	Assessed        int                    `json:"assessed"`
	Invalid         []jsonInvalid          `json:"invalid"`
	Flagged         int                    `json:"flagged"`
	Drifting        []practice.Drift       `json:"drifting"`
	Rates           []practice.RuleRate    `json:"rates"`
	ByTeam          []practice.GroupRates  `json:"by_team"`
	ByOffice        []practice.GroupRates  `json:"by_office"`
	OverdueByDomain []practice.DomainCount `json:"overdue_by_domain"`
}

type jsonInvalid struct {
	Index   int      `json:"index"`
	ChildID string   `json:"child_id"`
	Errors  []string `json:"errors"`
}

func writeJSON(w io.Writer, rep practice.CohortReport, top int) error {
	drifting := rep.Drifting()
	out := jsonReport{
		AsOf: rep.AsOf, Assessed: rep.Assessed, Flagged: rep.Flagged, Invalid: []jsonInvalid{},
		Drifting: drifting[:min(top, len(drifting))], Rates: rep.Rates, ByTeam: rep.ByTeam, ByOffice: rep.ByOffice,
		OverdueByDomain: rep.OverdueByDomain,
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
