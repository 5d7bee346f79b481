// Command supervision prints an authority's supervision and management
// oversight report as of a date, for a service manager:
//
//   - SUP-01, supervision gaps: for each team, how many workers had
//     intervals between supervision sessions longer than allowed, how many
//     are overdue now and the share of intervals met on time; then each
//     worker with a gap, and the gaps that ended, or are still open, in the
//     reporting period, each with its status: late (a session ended it),
//     overdue (still open and still owed: the worker is in post, and a
//     session can be held today) or missed (the worker left with the
//     interval open, so it can no longer be met);
//   - SUP-03, reflective oversight: for each team, the share of case
//     discussions in the reporting period that recorded the child's
//     progress, worries, risks and the focus of future work, and which
//     element was missing how often;
//   - SUP-05, caseloads: for each team on the as-of date, the workers, the
//     children allocated, the mean and largest caseload, and the workers
//     above the maximum.
//
// Usage:
//
//	go run ./examples/supervision [-asof 2026-12-01] [-months 12] [-top 15] [-max-caseload 20] [-format text|json] [dataset.json | -]
//
// With no file it reports on the authority of the examples' synthetic
// cohort (package examples/internal/cohort: 300 children, no real personal
// data, the same children in every example program): its workers, their
// supervision sessions, and the allocations, case discussions and
// directions of its children's cases. With a file it reads a
// [supervision.Dataset] as JSON ("-" reads standard input; unknown fields
// are errors). The reporting period is the -months months up to and
// including the as-of date; -top limits the list of the longest gaps in
// text output. The standards are the supervision package's defaults,
// except the maximum caseload, which -max-caseload sets. The as-of date
// defaults to the date the synthetic cohort is drawn up to, 2026-12-01, so
// the output is reproducible.
//
// Supervision of social workers has no statutory frequency: every rule here
// is a local standard.
//
// The golden files of the test are regenerated with
//
//	go test ./examples/supervision -update
//
// Exit status: 0 on success, 1 if the data cannot be read or is invalid, 2
// for bad flags.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cli"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/supervision"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	defaultMonths = 12
	defaultTop    = 15
)

// usageError is an error in the command line (exit status 2).
type usageError struct{ error }

// usagef returns a usageError.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// run runs the program with the process's standard input.
func run(args []string, stdout, stderr io.Writer) int {
	return runIO(args, os.Stdin, stdout, stderr)
}

// runIO runs the program, reading a dataset file named "-" from stdin.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("supervision", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cli.Usage(fs, stderr, "supervision [flags] [file]",
		"The file is an authority's supervision dataset (JSON); - reads standard input.\n"+
			"With no file it reports on the examples' embedded synthetic authority.")
	asOfFlag := fs.String("asof", cohort.AsOf.String(), "the date to report as of, YYYY-MM-DD")
	months := fs.Int("months", defaultMonths, "length of the reporting period in months, ending on the as-of date")
	maxCaseload := fs.Int("max-caseload", 0, "SUP-05 maximum caseload (0 means the default, 20)")
	top := fs.Int("top", defaultTop, "how many of the longest SUP-01 gaps in the period to list in text output")
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "supervision:", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	asOf, err := cli.Date("asof", *asOfFlag)
	for _, check := range []func() error{
		func() error { return cli.OneOf("format", *format, "text", "json") },
		func() error { return cli.AtLeast("months", *months, 1) },
		func() error { return cli.AtLeast("top", *top, 0) },
		func() error { return cli.AtLeast("max-caseload", *maxCaseload, 0) },
	} {
		if err == nil {
			err = check()
		}
	}
	switch {
	case err != nil:
		return fail(usageError{err})
	case fs.NArg() > 1:
		return fail(usagef("one dataset file at most, got %d", fs.NArg()))
	}
	p := supervision.Policy{MaxCaseload: *maxCaseload}

	var d supervision.Dataset
	var source string
	if fs.NArg() == 1 {
		d, err = readDataset(fs.Arg(0), stdin)
		if err != nil {
			return fail(err)
		}
		source = "from " + displayName(fs.Arg(0))
	} else {
		synth := cohort.Synthetic()
		d = synth.Supervision
		source = fmt.Sprintf("the examples' synthetic authority, %d children", len(synth.Cases))
	}

	r, err := build(d, asOf, *months, p)
	if err != nil {
		return fail(err)
	}
	r.Source = source
	r.top = *top
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fail(err)
		}
		return 0
	}
	if err := r.writeText(stdout); err != nil {
		return fail(err)
	}
	return 0
}

func displayName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// readDataset reads a dataset strictly; errors name the file.
func readDataset(path string, stdin io.Reader) (supervision.Dataset, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path) // the error names the file
	}
	if err != nil && path != "-" {
		return supervision.Dataset{}, err
	}
	if err != nil {
		return supervision.Dataset{}, fmt.Errorf("%s: %w", displayName(path), err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d supervision.Dataset
	if err := dec.Decode(&d); err != nil {
		return supervision.Dataset{}, fmt.Errorf("%s: %w", displayName(path), err)
	}
	if err := d.Validate(); err != nil {
		return supervision.Dataset{}, fmt.Errorf("%s: %w", displayName(path), err)
	}
	return d, nil
}

// Report is the program's report (and the JSON it writes with -format
// json).
type Report struct {
	AsOf   care.Date   `json:"as_of"`
	Source string      `json:"source"`
	Period care.Period `json:"period"`
	// Gaps is the SUP-01 analysis by team and worker, without each
	// worker's findings and gaps; PeriodGaps are the gaps that touch the
	// reporting period, with their status, most days over first.
	Gaps       supervision.GapReport `json:"gaps"`
	PeriodGaps []PeriodGap           `json:"period_gaps"`
	// Oversight is SUP-03 over the period, by team.
	Oversight []supervision.OversightRate `json:"oversight"`
	// Caseloads is SUP-05 on the as-of date.
	Caseloads Caseloads `json:"caseloads"`

	top int // gaps listed in text output
}

// PeriodGap is a SUP-01 gap with the status of its interval: Late if a
// session ended it, Overdue if it is still open and owed (the worker is in
// post), Missed if the worker left while it was open.
type PeriodGap struct {
	supervision.Gap
	Status care.Status `json:"status"`
}

// Caseloads is the SUP-05 part of the report.
type Caseloads struct {
	Max         int                         `json:"max"`
	Teams       []supervision.CaseloadPoint `json:"teams"`
	OverMax     []supervision.Caseload      `json:"over_max"`
	Unallocated int                         `json:"unallocated"`
}

func build(d supervision.Dataset, asOf care.Date, months int, p supervision.Policy) (Report, error) {
	r := Report{AsOf: asOf, Period: care.Period{Start: asOf.AddMonths(-months).AddDays(1), End: asOf.AddDays(1)}}
	gaps, err := supervision.Gaps(d, asOf, p)
	if err != nil {
		return Report{}, err
	}
	r.PeriodGaps = []PeriodGap{}
	for i := range gaps.Workers {
		w := &gaps.Workers[i]
		for _, g := range w.Gaps {
			if !g.Until.Before(r.Period.Start) {
				r.PeriodGaps = append(r.PeriodGaps, PeriodGap{Gap: g, Status: intervalStatus(w.Findings, g)})
			}
		}
		w.Findings, w.Gaps = nil, nil
	}
	slices.SortStableFunc(r.PeriodGaps, func(a, b PeriodGap) int {
		return cmp.Or(cmp.Compare(b.DaysOver, a.DaysOver), cmp.Compare(a.Subject, b.Subject), a.From.Compare(b.From))
	})
	r.Gaps = gaps

	ov, err := supervision.OversightRates(d, r.Period, p)
	if err != nil {
		return Report{}, err
	}
	r.Oversight = ov.Teams

	cl, err := supervision.Caseloads(d, asOf, p)
	if err != nil {
		return Report{}, err
	}
	r.Caseloads.Max = cl.Max
	r.Caseloads.OverMax = []supervision.Caseload{}
	r.Caseloads.Unallocated = cl.Unallocated
	for _, w := range cl.Workers {
		if w.Count > cl.Max {
			w.Children = nil
			r.Caseloads.OverMax = append(r.Caseloads.OverMax, w)
		}
	}
	r.Caseloads.Teams, err = supervision.CaseloadSeries(d, []care.Date{asOf}, supervision.ByTeam, p)
	if err != nil {
		return Report{}, err
	}
	return r, nil
}

// intervalStatus returns the status of the worker's interval whose gap is
// g, from the worker's SUP-01 findings (one per interval): the finding due
// on the same day.
func intervalStatus(findings care.Report, g supervision.Gap) care.Status {
	for _, f := range findings {
		if f.Due.Equal(g.Due) && f.Status.IsFailure() {
			return f.Status
		}
	}
	return care.StatusUnknown
}

func (r Report) writeText(w io.Writer) error {
	last, _ := r.Period.Last()
	fmt.Fprintf(w, "Supervision and management oversight as of %s\n", r.AsOf)
	fmt.Fprintf(w, "(%s; reporting period %s to %s)\n", r.Source, r.Period.Start, last)
	fmt.Fprintf(w, "Local standards: supervision every 4 weeks (weekly, fortnightly, then monthly in the ASYE); each case discussed every 6 weeks; at most %d children per worker.\n", r.Caseloads.Max)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nSUP-01 supervision gaps by team (all intervals since records began)\n")
	fmt.Fprintln(tw, "  Team\tWorkers\tWith gaps\tOverdue now\tGaps\tLongest (days)\tOn time")
	for _, t := range r.Gaps.Teams {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\t%s\n", t.Team, t.Workers, t.WithGaps, t.OverdueNow, t.Gaps, t.LongestDays, t.OnTime)
	}

	inPeriod := map[string]int{} // gaps in the period by worker
	for _, g := range r.PeriodGaps {
		inPeriod[g.Subject]++
	}
	fmt.Fprintf(tw, "\nSUP-01 workers with a gap in the reporting period\n")
	fmt.Fprintln(tw, "  Worker\tTeam\tStage\tLast supervised\tNext due\tOn time\tLongest (days)\tGaps in period")
	for _, wg := range r.Gaps.Workers {
		if n := inPeriod[wg.Worker]; n > 0 {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", wg.Worker, wg.Team, wg.Status, dash(wg.LastSession), dash(wg.NextDue), wg.OnTime, wg.LongestDays, n)
		}
	}
	if len(inPeriod) == 0 {
		fmt.Fprintln(tw, "  none")
	}

	shown := r.PeriodGaps[:min(r.top, len(r.PeriodGaps))]
	fmt.Fprintf(tw, "\nSUP-01 the %d longest of the %d gaps in the reporting period (most days over first)\n", len(shown), len(r.PeriodGaps))
	fmt.Fprintln(tw, "  (late: a session ended it; overdue: still open, a session is owed now; missed: the worker left with it open)")
	fmt.Fprintln(tw, "  Worker\tFrom\tAllowed\tDue\tTo\tDays\tDays over\tStatus")
	for _, g := range shown {
		to := g.To.String()
		switch {
		case g.Status == care.Missed:
			to = "left " + g.Until.String()
		case g.To.IsZero():
			to = "open"
		}
		fmt.Fprintf(tw, "  %s\t%s %s\t%s\t%s\t%s\t%d\t%d\t%s\n", g.Subject, g.FromLabel, g.From, g.Allowed, g.Due, to, g.Days, g.DaysOver, g.Status)
	}
	if len(r.PeriodGaps) == 0 {
		fmt.Fprintln(tw, "  none")
	}

	fmt.Fprintf(tw, "\nSUP-03 reflective case discussions by team, %s to %s\n", r.Period.Start, last)
	fmt.Fprintln(tw, "  Team\tReflective\tNo progress\tNo worries\tNo risks\tNo future focus")
	for _, t := range r.Oversight {
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%d\t%d\t%d\n", t.Group, t.Reflective, t.MissingProgress, t.MissingWorries, t.MissingRisks, t.MissingFutureFocus)
	}
	if len(r.Oversight) == 0 {
		fmt.Fprintln(tw, "  no case discussions recorded in the period")
	}

	fmt.Fprintf(tw, "\nSUP-05 caseloads by team on %s (maximum %d)\n", r.AsOf, r.Caseloads.Max)
	fmt.Fprintln(tw, "  Team\tWorkers\tChildren\tMean\tLargest\tOver maximum")
	for _, t := range r.Caseloads.Teams {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%d\t%d\n", t.Group, t.Workers, t.Children, t.Mean.StringFixed(1), t.Largest, t.OverMax)
	}
	fmt.Fprintf(tw, "  Children whose case is unallocated between allocations: %d\n", r.Caseloads.Unallocated)

	fmt.Fprintf(tw, "\nSUP-05 workers above the maximum caseload of %d\n", r.Caseloads.Max)
	fmt.Fprintln(tw, "  Worker\tTeam\tOffice\tChildren")
	for _, c := range r.Caseloads.OverMax {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\n", c.Worker, c.Team, c.Office, c.Count)
	}
	if len(r.Caseloads.OverMax) == 0 {
		fmt.Fprintln(tw, "  none")
	}
	return tw.Flush()
}

func dash(d care.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}
