// Command schedule prints one looked-after child's statutory calendar as of
// a date: the looked-after review schedule and the next review, the next
// statutory visit, the health and education dates (initial and review
// health assessments, Strengths and Difficulties Questionnaire, dental
// check, personal education plan), the next permanence milestone, every
// other obligation still owed, and what was missed in the last 12 months.
// Each line gives the rule ID, the due date, the status as of the date, a
// short citation and the finding's message, which says how the due date
// was worked out, so that an independent reviewing officer can check it.
//
// The statuses are those of package care: met (done by the due date), late
// (done after it), upcoming (not yet due), overdue (not done, and still
// owed: someone can act on it today), missed (not done, and its window has
// closed: the placement ended, the child left care, or the next occurrence
// took its place, so it can no longer be met), and breach (a record that
// falls short of a rule that is not a timescale).
//
// Usage:
//
//	go run ./examples/schedule [-asof 2026-12-01] [-child C000001] [-format text|json|svg] [case.json | -]
//
// With no case file it shows a child of the examples' synthetic cohort
// (package examples/internal/cohort: 300 children, no real personal data,
// the same children in every example program): the child named by -child,
// or by default the first child who is looked after on the as-of date and
// has, by then, a rich history: three or more reviews, a change of
// placement and a plan for permanence. With a case file (the JSON wire
// format of [practice.Case]; "-" reads standard input) it shows that
// child. The as-of date defaults to the date the cohort is drawn up to,
// 2026-12-01, so the output is reproducible; an earlier date shows the
// synthetic child as things stood then, records dated after it being not
// yet known.
//
// With -format svg it writes the child's timeline instead, as one
// self-contained SVG picture (package timeline): placements, legal status,
// reviews, visits, health and education records, permanence stages and
// every finding with a due date on that date.
//
// The golden files of the test are regenerated with
//
//	go test ./examples/schedule -update
//
// Exit status: 0 on success, 1 if the case cannot be read or assessed, 2
// for bad flags.
package main

import (
	"bytes"
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
	"github.com/lookedafter/practice/timeline"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

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

// runIO runs the program, reading a case file named "-" from stdin.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cli.Usage(fs, stderr, "schedule [flags] [file]",
		"The file is one child's case (JSON); - reads standard input.\n"+
			"With no file it shows a child of the examples' embedded synthetic cohort (-child chooses which).")
	asOfFlag := fs.String("asof", cohort.AsOf.String(), "the date to draw up the calendar as of, YYYY-MM-DD")
	childID := fs.String("child", "", "ID of the child of the synthetic cohort to show (default: the first looked-after child with a rich history)")
	format := fs.String("format", "text", "output format: text, json or svg (the child's timeline)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "schedule:", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	asOf, err := cli.Date("asof", *asOfFlag)
	if err == nil {
		err = cli.OneOf("format", *format, "text", "json", "svg")
	}
	if err != nil {
		return fail(usageError{err})
	}
	if fs.NArg() > 1 {
		return fail(usagef("one case file at most, got %d", fs.NArg()))
	}
	cal := care.EnglandAndWales()
	if covers := cal.Covers(); !covers.Contains(asOf) {
		last, _ := covers.Last()
		return fail(usagef("-asof %s: outside the working-day calendar, which covers %s to %s", asOf, covers.Start, last))
	}

	var c practice.Case
	var chosen string
	var std practice.Standards // the statutory defaults
	where := "synthetic child"
	if fs.NArg() == 1 {
		if *childID != "" {
			return fail(usagef("-child selects a child of the synthetic cohort and cannot be used with a case file"))
		}
		c, err = readCase(fs.Arg(0), stdin)
		if err != nil {
			return fail(err)
		}
		chosen = "from " + displayName(fs.Arg(0))
		where = displayName(fs.Arg(0)) + ": child"
	} else {
		cases, err := cohort.Cases()
		if err != nil {
			return fail(fmt.Errorf("the synthetic cohort: %w", err))
		}
		// The cohort is an extract drawn up to cohort.AsOf: assessed as of
		// an earlier date, the records dated after it are not yet made.
		std.IgnoreFutureRecords = true
		var ok bool
		if *childID != "" {
			c, ok = findChild(cases, *childID)
			if !ok {
				return fail(usagef("-child %s: no such child in the synthetic cohort of %d (IDs run C000001 to C%06d)", *childID, len(cases), len(cases)))
			}
			chosen = "the examples' synthetic cohort"
		} else {
			c, ok = defaultChild(cases, asOf)
			if !ok {
				return fail(fmt.Errorf("no child in the synthetic cohort is looked after on %s", asOf))
			}
			chosen = fmt.Sprintf("the examples' synthetic cohort: the first child looked after on %s with 3 or more reviews, a change of placement and a plan for permanence", asOf)
		}
	}

	if *format == "svg" {
		rep, err := practice.Assess(c, asOf, std, cal)
		if err == nil {
			err = timeline.SVG(stdout, c, rep, asOf, timeline.Options{})
		}
		if err != nil {
			return fail(fmt.Errorf("%s %s: %w", where, c.Care.Child.ID, err))
		}
		return 0
	}
	s, err := build(c, asOf, std, cal)
	if err != nil {
		return fail(fmt.Errorf("%s %s: %w", where, c.Care.Child.ID, err))
	}
	s.Source = chosen
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(s); err != nil {
			return fail(err)
		}
		return 0
	}
	if err := s.writeText(stdout); err != nil {
		return fail(err)
	}
	return 0
}

// displayName names a case file in messages.
func displayName(path string) string {
	if path == "-" {
		return "standard input"
	}
	return path
}

// readCase reads and decodes one case; errors name the file.
func readCase(path string, stdin io.Reader) (practice.Case, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(path) // the error names the file
	}
	if err != nil && path != "-" {
		return practice.Case{}, err
	}
	if err != nil {
		return practice.Case{}, fmt.Errorf("%s: %w", displayName(path), err)
	}
	c, err := practice.DecodeCase(data)
	if err != nil {
		return practice.Case{}, fmt.Errorf("%s: %w", displayName(path), err)
	}
	return c, nil
}

func findChild(cases []practice.Case, id string) (practice.Case, bool) {
	for _, c := range cases {
		if c.Care.Child.ID == id {
			return c, true
		}
	}
	return practice.Case{}, false
}

// defaultChild picks, deterministically, the first case in cohort order
// whose child is looked after on asOf (not as a short-break child) and has,
// by asOf, a rich history: three or more reviews held, at least one change
// of placement, and a plan for permanence. If none qualifies, it takes the
// first child looked after on asOf.
func defaultChild(cases []practice.Case, asOf care.Date) (practice.Case, bool) {
	fallback := -1
	for i, c := range cases {
		j, ok := care.EpisodeOn(c.Care.Episodes, asOf)
		if !ok || c.Care.Episodes[j].LegalStatus.IsShortBreak() {
			continue
		}
		if fallback < 0 {
			fallback = i
		}
		reviews := count(c.Review.Reviews, func(r review.Review) bool { return !r.Held.After(asOf) })
		moves := count(care.PlacementMoves(c.Care.Episodes), func(m care.PlacementMove) bool { return !m.Date.After(asOf) })
		plan := count(c.Permanence.Plan.Transitions, func(t permanence.Transition) bool { return !t.Date.After(asOf) })
		if reviews >= 3 && moves > 0 && plan > 0 {
			return c, true
		}
	}
	if fallback >= 0 {
		return cases[fallback], true
	}
	return practice.Case{}, false
}

// count returns how many elements of xs satisfy ok.
func count[T any](xs []T, ok func(T) bool) int {
	n := 0
	for _, x := range xs {
		if ok(x) {
			n++
		}
	}
	return n
}

// Schedule is the child's calendar as the program prints it (and the JSON
// it writes with -format json).
type Schedule struct {
	AsOf   care.Date `json:"as_of"`
	Child  string    `json:"child"`
	Source string    `json:"source"`
	// Summary describes the child's current care: age, legal status,
	// placement and period of care.
	Summary    []string `json:"summary"`
	NextReview *Item    `json:"next_review,omitempty"`
	Reviews    []Item   `json:"reviews"`
	NextVisit  *Item    `json:"next_visit,omitempty"`
	Health     []Item   `json:"health"`
	Education  []Item   `json:"education"`
	Permanence Plan     `json:"permanence"`
	// Other holds every other obligation still owed (overdue or
	// upcoming); Missed the obligations whose window closed unmet that
	// fell due in the 12 months to the as-of date, and that no section
	// above shows.
	Other  []Item    `json:"other"`
	Missed []Item    `json:"missed"`
	Counts []Counted `json:"counts"`
}

// Item is one line of the calendar: a finding of the child's report.
type Item struct {
	Rule care.RuleID `json:"rule"`
	What string      `json:"what"`
	// Subject is the record the line is about ("reviews[2]",
	// "episodes[3]"), or "" for the child.
	Subject string      `json:"subject,omitempty"`
	Due     care.Date   `json:"due,omitzero"`
	Status  care.Status `json:"status"`
	Done    care.Date   `json:"done,omitzero"`
	// Closed is the day the window closed, for a missed obligation.
	Closed care.Date `json:"closed,omitzero"`
	// Citation is the rule's short citation ("CPPCR 2010 reg 33(2)(b)").
	Citation string `json:"citation"`
	// Message is the finding's message: what was due, how the due date was
	// worked out, and what happened.
	Message string `json:"message"`
}

// Plan is the permanence part of the calendar.
type Plan struct {
	Primary      string `json:"primary"`
	Alternatives string `json:"alternatives"`
	LastMovement string `json:"last_movement"`
	Next         *Item  `json:"next,omitempty"`
}

// Counted is the number of the child's findings with one status.
type Counted struct {
	Status care.Status `json:"status"`
	Count  int         `json:"count"`
}

// The rule families shown in their own sections, and what each line is
// about.
var (
	reviewRules    = []care.RuleID{review.REV01, review.REV02, review.REV03, review.REV09}
	healthRules    = []care.RuleID{care.HLTH01, care.HLTH02, care.HLTH03, care.HLTH04}
	educationRules = []care.RuleID{care.EDU01, care.EDU02, care.EDU03}
	ruleWhat       = map[care.RuleID]string{
		care.HLTH01: "initial health assessment",
		care.HLTH02: "review health assessment",
		care.HLTH03: "Strengths and Difficulties Questionnaire",
		care.HLTH04: "dental check",
		care.EDU01:  "personal education plan initiated",
		care.EDU02:  "PEP review this term",
		care.EDU03:  "PEP targets and Pupil Premium Plus",
	}
)

// build assesses the case and draws up its calendar.
func build(c practice.Case, asOf care.Date, std practice.Standards, cal *care.Calendar) (Schedule, error) {
	s := Schedule{AsOf: asOf, Child: c.Care.Child.ID}
	rep, err := practice.Assess(c, asOf, std, cal)
	if err != nil {
		return Schedule{}, err
	}
	s.Summary = summary(c, asOf)
	// shown holds the findings the sections have printed, so that the
	// last two list only the rest.
	shown := map[care.Finding]bool{}
	show := func(f care.Finding, what string) Item {
		shown[f] = true
		return item(f, what)
	}

	// Reviews: the whole schedule with statuses, each explained by its
	// finding, and the next one owed.
	dues, err := review.Schedule(c.Care.Episodes, c.Review.Reviews, asOf, cal, std.Review)
	if err != nil {
		return Schedule{}, err
	}
	for _, d := range dues {
		what := fmt.Sprintf("review %d", d.Ordinal)
		if f, ok := find(rep, d.Deadline.Rule, d.Deadline.Due); ok {
			s.Reviews = append(s.Reviews, show(f, what))
			continue
		}
		// The schedule's own line, should the report not hold it.
		s.Reviews = append(s.Reviews, Item{Rule: d.Deadline.Rule, What: what, Due: d.Deadline.Due, Status: d.Status,
			Done: d.Held, Closed: d.Closed, Message: d.Deadline.String()})
	}
	if dl, ok, err := review.NextDue(c.Care.Episodes, c.Review.Reviews, asOf, cal, std.Review); err != nil {
		return Schedule{}, err
	} else if ok {
		s.NextReview = deadlineItem(rep, dl, "next review", asOf, show)
	}

	// Visits: the next statutory visit of the current placement.
	_, second, err := review.Milestones(c.Care.Episodes, c.Review.Reviews, asOf, cal, std.Review)
	if err != nil {
		return Schedule{}, err
	}
	visits := c.Care.VisitFacts(review.HeldDates(c.Review.Reviews))
	if dl, ok, err := care.NextVisit(visits, asOf, std.Care.Visits); err != nil {
		return Schedule{}, err
	} else if ok {
		s.NextVisit = deadlineItem(rep, dl, "next statutory visit", asOf, show)
	}

	// Health and education: what is owed for each rule, or else the last
	// finding, so that the reader sees when it was last done.
	for _, id := range healthRules {
		s.Health = append(s.Health, latest(rep.ForRule(id), ruleWhat[id], show)...)
	}
	for _, id := range educationRules {
		s.Education = append(s.Education, latest(rep.ForRule(id), ruleWhat[id], show)...)
	}

	// Permanence: the tracker row's next milestone, explained by the
	// finding it came from.
	row, err := permanence.Track(c.Permanence, permanence.Inputs{Child: c.Care.Child, Episodes: c.Care.Episodes, SecondReview: second}, asOf, cal, std.Permanence)
	if err != nil {
		return Schedule{}, err
	}
	s.Permanence = plan(row, rep, asOf, show)

	// Everything else still owed, in due-date order, so that the calendar
	// is complete whatever records the case holds; then what was missed in
	// the last 12 months. The review schedule above holds every review.
	yearAgo := asOf.AddYears(-1)
	for _, f := range rep {
		switch {
		case shown[f] || slices.Contains(reviewRules, f.Rule()) || f.Rule() == practice.DRIFT01:
		case f.Status.IsLive():
			s.Other = append(s.Other, item(f, f.Kind().What))
		case f.Status == care.Missed && f.Due.After(yearAgo):
			s.Missed = append(s.Missed, item(f, f.Kind().What))
		}
	}
	for _, st := range []care.Status{care.Met, care.Late, care.Overdue, care.Missed, care.Upcoming, care.Breach} {
		s.Counts = append(s.Counts, Counted{Status: st, Count: rep.Count(st)})
	}
	return s, nil
}

// summary describes the child's current care without the name or date of
// birth.
func summary(c practice.Case, asOf care.Date) []string {
	out := []string{fmt.Sprintf("Age %d", c.Care.Child.AgeOn(asOf))}
	j, ok := care.EpisodeOn(c.Care.Episodes, asOf)
	if !ok {
		return append(out, "Not looked after on "+asOf.String())
	}
	e := c.Care.Episodes[j]
	out = append(out,
		fmt.Sprintf("Legal status %s (%s)", e.LegalStatus, e.LegalStatus.Description()),
		fmt.Sprintf("Placement %s (%s) since %s", e.PlacementType, e.PlacementType.Description(), placementStart(c.Care.Episodes, asOf)))
	for _, p := range care.PeriodsOfCare(c.Care.Episodes) {
		if p.Contains(asOf) {
			out = append(out, fmt.Sprintf("Looked after since %s (%s), %s in this period", p.Start,
				plural(asOf.DaysSince(p.Start), "day"), plural(care.CountPlacements(c.Care.Episodes, p), "placement")))
		}
	}
	return out
}

// placementStart returns the first day of the placement that includes asOf.
func placementStart(eps []care.Episode, asOf care.Date) care.Date {
	for _, p := range care.Placements(eps) {
		if p.Period.Contains(asOf) {
			return p.Period.Start
		}
	}
	return care.Date{}
}

// find returns the finding of rule id due on due, preferring one still
// owed.
func find(rep care.Report, id care.RuleID, due care.Date) (care.Finding, bool) {
	var found care.Finding
	ok := false
	for _, f := range rep {
		if f.Rule() == id && f.Due.Equal(due) && (!ok || f.Status.IsLive()) {
			found, ok = f, true
		}
	}
	return found, ok
}

// deadlineItem is the line of a deadline a calculator gave: its finding
// in the report if there is one, and otherwise the deadline itself.
func deadlineItem(rep care.Report, dl care.Deadline, what string, asOf care.Date, show func(care.Finding, string) Item) *Item {
	if f, ok := find(rep, dl.Rule, dl.Due); ok {
		it := show(f, what)
		return &it
	}
	return &Item{Rule: dl.Rule, What: what, Due: dl.Due, Status: dl.Evaluate(care.Date{}, asOf), Message: dl.String()}
}

// latest returns the findings of one rule still owed (overdue or upcoming)
// and the breaches of a rule that is not a timescale or, if there are
// none, the latest finding, so that the reader sees when it was last done
// (or missed). A rule with no finding gives no line: it does not apply.
func latest(fs care.Report, what string, show func(care.Finding, string) Item) []Item {
	var out []Item
	for _, f := range fs {
		if f.Status.IsLive() || (f.Status == care.Breach && f.Due.IsZero()) {
			out = append(out, show(f, what))
		}
	}
	if len(out) > 0 || len(fs) == 0 {
		return out
	}
	last := fs[0]
	for _, f := range fs[1:] {
		if !f.Due.Before(last.Due) {
			last = f
		}
	}
	if !last.Due.IsZero() {
		what += " (last)"
	}
	return []Item{show(last, what)}
}

// item is the line of finding f.
func item(f care.Finding, what string) Item {
	closed, _ := f.Closed()
	return Item{Rule: f.Rule(), What: what, Subject: f.Subject(), Due: f.Due, Status: f.Status, Done: f.Done,
		Closed: closed, Citation: f.Citation().Short(), Message: f.Message()}
}

// plan summarises the tracker row.
func plan(row permanence.Row, rep care.Report, asOf care.Date, show func(care.Finding, string) Item) Plan {
	var p Plan
	p.Primary = "none recorded"
	if row.Primary != permanence.RouteUnknown {
		p.Primary = fmt.Sprintf("%s (%s since %s)", row.Primary.Description(), row.PrimaryState, row.PrimarySince)
	}
	p.Alternatives = "none"
	if len(row.Alternatives) > 0 {
		alts := make([]string, len(row.Alternatives))
		for i, a := range row.Alternatives {
			alts[i] = fmt.Sprintf("%s (%s since %s)", a.Route.Description(), a.State, a.Since)
		}
		p.Alternatives = strings.Join(alts, "; ")
	}
	p.LastMovement = "no movement recorded"
	if !row.LastMovement.IsZero() {
		p.LastMovement = fmt.Sprintf("%s (%s before %s)", row.LastMovement, plural(row.DaysSinceMovement, "day"), asOf)
	}
	if row.Next.IsZero() {
		return p
	}
	if f, ok := find(rep, row.Next.Rule, row.Next.Due); ok {
		next := show(f, row.Next.Label)
		p.Next = &next
		return p
	}
	next := Item{Rule: row.Next.Rule, What: row.Next.Label, Due: row.Next.Due, Status: care.Upcoming, Message: row.Next.Label}
	if row.Next.Overdue {
		next.Status = care.Overdue
	}
	p.Next = &next
	return p
}

// plural returns "1 day" or "n days".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// writeText renders the calendar for people.
func (s Schedule) writeText(w io.Writer) error {
	fmt.Fprintf(w, "Statutory calendar for child %s as of %s\n", s.Child, s.AsOf)
	fmt.Fprintf(w, "(%s)\n\n", s.Source)
	for _, l := range s.Summary {
		fmt.Fprintf(w, "  %s\n", l)
	}
	counts := make([]string, 0, len(s.Counts))
	for _, c := range s.Counts {
		counts = append(counts, fmt.Sprintf("%d %s", c.Count, c.Status))
	}
	fmt.Fprintf(w, "  Findings: %s\n", strings.Join(counts, ", "))
	fmt.Fprintln(w, "  (overdue: not done and still owed, someone can act today; missed: not done and its window has closed)")

	const columns = "Rule\tWhat\tDue\tStatus\tDone\tCitation"
	row := func(it Item) string {
		return fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s", it.Rule, it.What, dash(it.Due), it.Status, dash(it.Done), it.Citation)
	}
	reviewRow := func(it Item) string {
		if s.NextReview != nil && it.Rule == s.NextReview.Rule && it.Due == s.NextReview.Due && it.Done.IsZero() {
			it.What += " (next)"
		}
		return row(it)
	}
	var visit, milestone []Item
	if s.NextVisit != nil {
		visit = []Item{*s.NextVisit}
	}
	if s.Permanence.Next != nil {
		milestone = []Item{*s.Permanence.Next}
	}
	permanence := fmt.Sprintf("Permanence\n  Primary route: %s\n  Alternatives:  %s\n  Last movement: %s",
		s.Permanence.Primary, s.Permanence.Alternatives, s.Permanence.LastMovement)
	sections := []struct {
		title, columns string
		items          []Item
		row            func(Item) string
		none           string
	}{
		{"Looked-after reviews", columns, s.Reviews, reviewRow, "no review is owed"},
		{"Statutory visits", columns, visit, row, "no statutory visit is owed for a current placement"},
		{"Health", columns, s.Health, row, "no health obligation applies"},
		{"Education (personal education plan)", columns, s.Education, row, "no education obligation applies"},
		{permanence, "Rule\tNext milestone\tDue\tStatus\tDone\tCitation", milestone, row, "no permanence milestone is due"},
		{"Other obligations still owed (overdue or upcoming)", "Rule\tAbout\tDue\tStatus\tCitation", s.Other,
			func(it Item) string {
				return fmt.Sprintf("%s\t%s\t%s\t%s\t%s", it.Rule, it.Subject, dash(it.Due), it.Status, it.Citation)
			}, "none"},
		{fmt.Sprintf("Other obligations missed in the 12 months to %s (not done, window closed)", s.AsOf),
			"Rule\tAbout\tDue\tClosed\tCitation", s.Missed,
			func(it Item) string {
				return fmt.Sprintf("%s\t%s\t%s\t%s\t%s", it.Rule, it.Subject, dash(it.Due), dash(it.Closed), it.Citation)
			}, "none"},
	}
	for _, sec := range sections {
		fmt.Fprintf(w, "\n%s\n", sec.title)
		if err := writeTable(w, sec.columns, sec.items, sec.row, sec.none); err != nil {
			return err
		}
	}
	return nil
}

// writeTable writes a table of items: for each, a row of tab-separated
// columns, aligned with the others, and below it the finding's message in
// full, indented under the second column.
func writeTable(w io.Writer, columns string, items []Item, row func(Item) string, none string) error {
	if len(items) == 0 {
		_, err := fmt.Fprintf(w, "  %s\n", none)
		return err
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  %s\n", columns)
	for _, it := range items {
		fmt.Fprintf(tw, "  %s\n", row(it))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// The rows as aligned, after the header; the first column holds the
	// rule IDs, 2 spaces from the margin and 2 from the next column.
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	width := len("Rule")
	for _, it := range items {
		width = max(width, len(it.Rule))
	}
	indent := strings.Repeat(" ", 2+width+2)
	fmt.Fprintln(w, lines[0])
	for i, it := range items {
		fmt.Fprintln(w, lines[1+i])
		fmt.Fprintln(w, indent+it.Message)
	}
	return nil
}

// dash prints a date, or "-" for an unset one.
func dash(d care.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}
