// Command permanence prints the permanence tracker of a cohort of
// looked-after children as of a date: for each child the primary route to
// permanence and its state, the alternative routes of the parallel plan,
// the days since the plan last moved, and the next milestone with its due
// date (package permanence, rules PERM-01 to PERM-08), the most drifting
// children first; then the adoption scorecard averages A1, A2 and A10 over
// the children adopted in the scorecard window.
//
// Usage:
//
//	go run ./examples/permanence [-asof 2026-12-01] [-top 20] [-format text|json] [cohort.jsonl ... | -]
//
// With no files it tracks the examples' synthetic cohort (package
// examples/internal/cohort: 300 children, no real personal data, the same
// children in every example program). With files it tracks the cases in
// them: each file is a cohort in the JSON wire format of package practice
// (a JSON array of cases, or JSON Lines), "-" reading standard input. A
// record that cannot be read or is invalid is reported on standard error,
// naming the file, the record and the field, and the rest are still
// tracked; the exit status is then 1. The as-of date defaults to the date
// the synthetic cohort is drawn up to, 2026-12-01, so the output is
// reproducible.
//
// # Drifting plans
//
// A plan is drifting as rule PERM-03 defines it: the child is looked
// after, the plan is still in progress (its primary route has been neither
// achieved nor had the court order it needs made) and it has not moved for
// longer than the drift window (3 months by default), so that the PERM-03
// finding is overdue. A plan that has arrived is not drifting however long
// ago it last moved. The summary counts these children, and the children
// with a permanence obligation missed: one whose window closed unmet, so
// that it can no longer be met (a plan still stalled, or still missing,
// when the child left care; a special guardianship report not made before
// the notice was withdrawn).
//
// # Order of the tracker
//
// Children are sorted so that the most drifting come first: by how many
// days their next milestone is overdue (those not overdue count 0), then by
// the days since their plan last moved, then by their number of permanence
// failures (late, overdue, missed and breach findings), then by child ID.
// -top limits the rows shown (0 shows all); the summary and the averages
// always cover the whole cohort.
//
// The golden files of the test are regenerated with
//
//	go test ./examples/permanence -update
//
// Exit status: 0 on success, 1 if a record could not be read or tracked, 2
// for bad flags.
package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cli"
	"github.com/lookedafter/practice/examples/internal/cohort"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const defaultTop = 20

// run runs the program with the process's standard input.
func run(args []string, stdout, stderr io.Writer) int {
	return runIO(args, os.Stdin, stdout, stderr)
}

// source is one case and where it came from, for messages.
type source struct {
	c      practice.Case
	origin string // "cohort.jsonl record 3"
}

// runIO runs the program, reading a cohort file named "-" from stdin.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("permanence", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cli.Usage(fs, stderr, "permanence [flags] [file ...]",
		"Each file is a cohort (JSON Lines or a JSON array) or a case; - reads standard input.\n"+
			"With no files it tracks the examples' embedded synthetic cohort.")
	asOfFlag := fs.String("asof", cohort.AsOf.String(), "the date to track as of, YYYY-MM-DD")
	top := fs.Int("top", defaultTop, "how many tracker rows to show, most drifting first (0 shows all)")
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	usage := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "permanence: %s\n", fmt.Sprintf(format, args...))
		return 2
	}
	asOf, err := cli.Date("asof", *asOfFlag)
	if err == nil {
		err = cli.OneOf("format", *format, "text", "json")
	}
	if err == nil {
		err = cli.AtLeast("top", *top, 0)
	}
	if err != nil {
		return usage("%v", err)
	}
	cal := care.EnglandAndWales()
	if covers := cal.Covers(); !covers.Contains(asOf) {
		last, _ := covers.Last()
		return usage("-asof %s: outside the working-day calendar, which covers %s to %s", asOf, covers.Start, last)
	}

	status := 0
	report := func(err error) {
		fmt.Fprintln(stderr, "permanence:", err)
		status = 1
	}
	var cases []source
	var origin string
	if fs.NArg() == 0 {
		cs, err := cohort.Cases()
		if err != nil {
			report(fmt.Errorf("the synthetic cohort: %w", err))
		}
		for i, c := range cs {
			cases = append(cases, source{c: c, origin: fmt.Sprintf("synthetic cohort record %d", i)})
		}
		origin = fmt.Sprintf("the examples' synthetic cohort, %d children", len(cs))
	} else {
		for _, path := range fs.Args() {
			cs, err := readCohort(path, stdin)
			if err != nil {
				report(err)
			}
			cases = append(cases, cs...)
		}
		origin = strings.Join(names(fs.Args()), ", ")
	}

	t, errs := build(cases, asOf, practice.Standards{}, cal)
	for _, err := range errs {
		report(err)
	}
	t.Source = origin
	t.limit(*top)
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(t); err != nil {
			report(err)
		}
		return status
	}
	if err := t.writeText(stdout); err != nil {
		report(err)
	}
	return status
}

func displayName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

func names(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = displayName(p)
	}
	return out
}

// readCohort reads the cases of one file. It returns the cases that
// decoded even when others did not, with an error naming the file (and,
// through the decoder, the record, line and field) for those.
func readCohort(path string, stdin io.Reader) ([]source, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	cs, idx, err := practice.DecodeCohort(r)
	out := make([]source, len(cs))
	for i, c := range cs {
		out[i] = source{c: c, origin: fmt.Sprintf("%s record %d", displayName(path), idx[i])}
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", displayName(path), err)
	}
	return out, err
}

// Tracker is the program's report (and the JSON it writes with -format
// json).
type Tracker struct {
	AsOf   care.Date `json:"as_of"`
	Source string    `json:"source"`
	// Tracked counts the children tracked; LookedAfter those looked after
	// on the as-of date; Overdue those whose next milestone is overdue;
	// Drifting those whose plan is drifting as PERM-03 defines it (see
	// Row.Drifting), DriftMonths being its window; Missed those with a
	// permanence obligation missed; NoPlan those with no route recorded.
	Tracked     int `json:"tracked"`
	LookedAfter int `json:"looked_after"`
	Overdue     int `json:"overdue"`
	Drifting    int `json:"drifting"`
	DriftMonths int `json:"drift_months"`
	Missed      int `json:"missed"`
	NoPlan      int `json:"no_plan"`
	// Routes counts the children by primary route, in route order.
	Routes []RouteCount `json:"routes"`
	// Rows are the tracker rows, most drifting first (limited by -top).
	Rows []Row `json:"rows"`
	// Window and Averages are the adoption scorecard averages (A1, A2, A10)
	// over the children whose adoption order falls in the window.
	Window   care.Period          `json:"window"`
	Averages []permanence.Average `json:"averages"`
}

// RouteCount is the number of children with one primary route.
type RouteCount struct {
	Route    permanence.Route `json:"route"`
	Children int              `json:"children"`
}

// Row is one child's tracker row with the team and office that hold the
// case.
type Row struct {
	Team   string `json:"team,omitempty"`
	Office string `json:"office,omitempty"`
	permanence.Row
	// DaysOverdue is how long the next milestone has been overdue, 0 if it
	// is not.
	DaysOverdue int `json:"days_overdue"`
	// Drifting reports whether the child's PERM-03 finding is overdue: the
	// child is looked after and the plan, still in progress, has not moved
	// for longer than the drift window.
	Drifting bool `json:"drifting"`
	// Missed counts the child's permanence findings whose window closed
	// unmet, so that they can no longer be met.
	Missed int `json:"missed"`
}

// build tracks the cases. Cases that cannot be tracked are returned as
// errors naming where they came from; the others are tracked.
func build(cases []source, asOf care.Date, std practice.Standards, cal *care.Calendar) (Tracker, []error) {
	var errs []error
	in := make([]permanence.Case, 0, len(cases))
	kept := make([]source, 0, len(cases))
	for _, s := range cases {
		c := s.c
		_, second, err := review.Milestones(c.Care.Episodes, c.Review.Reviews, asOf, cal, std.Review)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s (child %s): %w", s.origin, c.Care.Child.ID, err))
			continue
		}
		in = append(in, permanence.Case{Record: c.Permanence, Inputs: permanence.Inputs{Child: c.Care.Child, Episodes: c.Care.Episodes, SecondReview: second}})
		kept = append(kept, s)
	}
	tracked, err := permanence.TrackCohort(in, asOf, cal, std.Permanence)
	if err != nil {
		var verrs care.ValidationErrors
		if !errors.As(err, &verrs) {
			return Tracker{}, append(errs, err)
		}
		for _, fe := range verrs {
			errs = append(errs, fmt.Errorf("%s", originOf(fe, kept)))
		}
	}
	drift := std.Permanence.DriftMonths
	if drift == 0 {
		drift = permanence.DefaultDriftMonths
	}
	t := Tracker{AsOf: asOf, DriftMonths: drift, Routes: []RouteCount{}, Rows: []Row{}, Window: tracked.Window, Averages: tracked.Averages}
	byID := make(map[string]int, len(kept)) // child ID → index in kept and in
	for i, s := range kept {
		byID[s.c.Care.Child.ID] = i
	}
	counts := map[permanence.Route]int{}
	for _, r := range tracked.Rows {
		i := byID[r.ChildID]
		c := kept[i].c
		// Whether the plan is drifting is PERM-03's decision, which the
		// child's findings hold: the tracker row says when the plan last
		// moved, not whether it is still in progress.
		rep, err := permanence.Assess(in[i].Record, in[i].Inputs, asOf, cal, std.Permanence)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s (child %s): %w", kept[i].origin, c.Care.Child.ID, err))
			continue
		}
		row := Row{Team: c.Team, Office: c.Office, Row: r,
			Drifting: len(rep.ForRule(permanence.PERM03).WithStatus(care.Overdue)) > 0, Missed: rep.Count(care.Missed)}
		if r.Next.Overdue {
			row.DaysOverdue = max(asOf.DaysSince(r.Next.Due), 0)
			t.Overdue++
		}
		if _, inCare := care.EpisodeOn(c.Care.Episodes, asOf); inCare {
			t.LookedAfter++
		}
		if r.Primary == permanence.RouteUnknown {
			t.NoPlan++
		}
		if row.Drifting {
			t.Drifting++
		}
		if row.Missed > 0 {
			t.Missed++
		}
		counts[r.Primary]++
		t.Rows = append(t.Rows, row)
	}
	t.Tracked = len(t.Rows)
	for _, r := range append(permanence.Routes(), permanence.RouteUnknown) {
		if counts[r] > 0 {
			t.Routes = append(t.Routes, RouteCount{Route: r, Children: counts[r]})
		}
	}
	slices.SortStableFunc(t.Rows, func(a, b Row) int {
		return cmp.Or(
			cmp.Compare(b.DaysOverdue, a.DaysOverdue),
			cmpBool(!a.Next.IsZero(), !b.Next.IsZero()),
			cmp.Compare(b.DaysSinceMovement, a.DaysSinceMovement),
			cmp.Compare(b.Failures, a.Failures),
			cmp.Compare(a.ChildID, b.ChildID))
	})
	return t, errs
}

// cmpBool orders true before false.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// originOf rewrites a cohort tracker error ("cases[12].plan…") to name
// where the case came from.
func originOf(fe *care.FieldError, kept []source) string {
	var i int
	var rest string
	if n, err := fmt.Sscanf(fe.Path, "cases[%d]", &i); n == 1 && err == nil && i >= 0 && i < len(kept) {
		_, rest, _ = strings.Cut(fe.Path, "]")
		rest = strings.TrimPrefix(rest, ".")
		s := kept[i]
		if rest == "" {
			return fmt.Sprintf("%s (child %s): %v", s.origin, s.c.Care.Child.ID, fe.Err)
		}
		return fmt.Sprintf("%s (child %s): permanence.%s: %v", s.origin, s.c.Care.Child.ID, rest, fe.Err)
	}
	return fe.Error()
}

// limit keeps the first n rows (all if n is 0).
func (t *Tracker) limit(n int) {
	if n > 0 && n < len(t.Rows) {
		t.Rows = t.Rows[:n]
	}
}

func (t Tracker) writeText(w io.Writer) error {
	fmt.Fprintf(w, "Permanence tracker as of %s\n", t.AsOf)
	fmt.Fprintf(w, "(%s)\n\n", t.Source)
	fmt.Fprintf(w, "  Children tracked: %d (looked after on %s: %d)\n", t.Tracked, t.AsOf, t.LookedAfter)
	fmt.Fprintf(w, "  Next milestone overdue: %d\n", t.Overdue)
	fmt.Fprintf(w, "  Drifting: looked after, plan in progress and not moved for more than %d months (PERM-03 overdue): %d\n", t.DriftMonths, t.Drifting)
	fmt.Fprintf(w, "  With a permanence obligation missed (window closed unmet): %d\n", t.Missed)
	fmt.Fprintf(w, "  No plan for permanence recorded: %d\n", t.NoPlan)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nChildren by primary route\n")
	fmt.Fprintln(tw, "  Route\tChildren")
	for _, r := range t.Routes {
		name := "none recorded"
		if r.Route != permanence.RouteUnknown {
			name = r.Route.Description()
		}
		fmt.Fprintf(tw, "  %s\t%d\n", name, r.Children)
	}
	if len(t.Routes) == 0 {
		fmt.Fprintln(tw, "  no children")
	}

	fmt.Fprintf(tw, "\nTracker, most drifting first (%d of %d children)\n", len(t.Rows), t.Tracked)
	fmt.Fprintln(tw, "  Child\tTeam\tPrimary route\tState\tAlternatives\tLast moved\tDays\tNext milestone\tRule\tDue\tStatus")
	for _, r := range t.Rows {
		primary, state := "-", "-"
		if r.Primary != permanence.RouteUnknown {
			primary, state = r.Primary.String(), r.PrimaryState.String()
		}
		next, rule, due, status := "none due", "-", "-", "-"
		if !r.Next.IsZero() {
			next, rule, due, status = r.Next.Label, string(r.Next.Rule), r.Next.Due.String(), "upcoming"
			if r.Next.Overdue {
				status = "overdue " + plural(r.DaysOverdue, "day")
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", r.ChildID, dashString(r.Team), primary, state,
			alternatives(r.Alternatives), dash(r.LastMovement), r.DaysSinceMovement, next, rule, due, status)
	}
	if len(t.Rows) == 0 {
		fmt.Fprintln(tw, "  no children")
	}

	last, _ := t.Window.Last()
	fmt.Fprintf(tw, "\nAdoption scorecard averages (PERM-05), adoption orders %s to %s\n", t.Window.Start, last)
	fmt.Fprintln(tw, "  Measure\tChildren\tMean days\tJudged\tWithin threshold\tWithin %")
	for _, a := range t.Averages {
		pct := "-"
		if a.Judged > 0 {
			pct = a.WithinPercent.StringFixed(1)
		}
		mean := "-"
		if a.Children > 0 {
			mean = a.MeanDays.StringFixed(1)
		}
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%d\t%d\t%s\n", a.Measure, a.Children, mean, a.Judged, a.Within, pct)
	}
	fmt.Fprintln(tw, "  A1: entering care to moving in with the adopters; A2: authority to place to the match; A10: as A1, ending when a foster carer who adopts took the child in.")
	fmt.Fprintln(tw, "  Judged against the scorecard thresholds in force on the measure's end date; no A10 threshold is confirmed, so A10 is not judged.")
	return tw.Flush()
}

// alternatives lists the other routes of the plan with their states.
func alternatives(as []permanence.Alternative) string {
	if len(as) == 0 {
		return "-"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Route.String() + " (" + a.State.String() + ")"
	}
	return strings.Join(parts, ", ")
}

// plural returns "1 day" or "n days".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func dash(d care.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

func dashString(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
