// Command schedule prints one looked-after child's statutory calendar as of
// a date: the looked-after review schedule and the next review, the next
// statutory visit, the health and education dates (initial and review
// health assessments, Strengths and Difficulties Questionnaire, dental
// check, personal education plan), the next permanence milestone, and any
// other obligation still open. Each line gives the rule ID, the due date,
// the status as of the date and how the due date was worked out, so that an
// independent reviewing officer can check it.
//
// Usage:
//
//	go run ./examples/schedule [-asof 2026-12-01] [-seed 1] [-children 300] [-child C000001] [-format text|json] [case.json | -]
//
// With no case file it draws a synthetic cohort ([practice.Synthetic], with
// -seed and -children) and shows the child named by -child, or by default
// the first child who is looked after on the as-of date and has a rich
// history: three or more reviews, a change of placement and a plan for
// permanence. With a case file (the JSON wire format of [practice.Case];
// "-" reads standard input) it shows that child. The as-of date defaults to
// 2026-12-01, so the output is reproducible.
//
// The golden files of the test are regenerated with
//
//	go test ./examples/schedule -update
//
// Exit status: 0 on success, 1 if the case cannot be read or assessed, 2
// for bad flags.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	defaultAsOf     = "2026-12-01"
	defaultSeed     = 1
	defaultChildren = 300
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

// runIO runs the program, reading a case file named "-" from stdin.
func runIO(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("schedule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: schedule [flags] [case.json | -]")
		fs.PrintDefaults()
	}
	asOfFlag := fs.String("asof", defaultAsOf, "the date to draw up the calendar as of, YYYY-MM-DD")
	seed := fs.Uint64("seed", defaultSeed, "seed of the synthetic cohort")
	children := fs.Int("children", defaultChildren, "size of the synthetic cohort")
	childID := fs.String("child", "", "ID of the synthetic child to show (default: the first looked-after child with a rich history)")
	format := fs.String("format", "text", "output format: text or json")
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
	asOf, err := care.ParseDate(*asOfFlag)
	if err != nil {
		return fail(usagef("-asof: %w", err))
	}
	if *format != "text" && *format != "json" {
		return fail(usagef("-format %q: want text or json", *format))
	}
	if *children < 1 {
		return fail(usagef("-children %d: want at least 1", *children))
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
	where := "synthetic child"
	if fs.NArg() == 1 {
		if *childID != "" {
			return fail(usagef("-child selects a synthetic child and cannot be used with a case file"))
		}
		c, err = readCase(fs.Arg(0), stdin)
		if err != nil {
			return fail(err)
		}
		chosen = "from " + displayName(fs.Arg(0))
		where = displayName(fs.Arg(0)) + ": child"
	} else {
		cohort := practice.Synthetic(practice.SyntheticOptions{Seed: *seed, Children: *children, AsOf: asOf})
		var ok bool
		if *childID != "" {
			c, ok = findChild(cohort.Cases, *childID)
			if !ok {
				return fail(usagef("-child %s: no such child in the synthetic cohort of %d (IDs run C000001 to C%06d)", *childID, len(cohort.Cases), len(cohort.Cases)))
			}
			chosen = fmt.Sprintf("synthetic cohort, seed %d", *seed)
		} else {
			c, ok = defaultChild(cohort.Cases, asOf)
			if !ok {
				return fail(fmt.Errorf("no child in the synthetic cohort is looked after on %s", asOf))
			}
			chosen = fmt.Sprintf("synthetic cohort, seed %d: the first child looked after on %s with 3 or more reviews, a change of placement and a plan for permanence", *seed, asOf)
		}
	}

	s, err := build(c, asOf, practice.Standards{}, cal)
	if err != nil {
		return fail(fmt.Errorf("%s %s: %w", where, c.Child.ID, err))
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
		if c.Child.ID == id {
			return c, true
		}
	}
	return practice.Case{}, false
}

// defaultChild picks, deterministically, the first case in cohort order
// whose child is looked after on asOf (not as a short-break child) and has
// a rich history: three or more reviews held, at least one change of
// placement, and a plan for permanence. If none qualifies, it takes the
// first child looked after on asOf.
func defaultChild(cases []practice.Case, asOf care.Date) (practice.Case, bool) {
	fallback := -1
	for i, c := range cases {
		j, ok := care.EpisodeOn(c.Episodes, asOf)
		if !ok || c.Episodes[j].LegalStatus.IsShortBreak() {
			continue
		}
		if fallback < 0 {
			fallback = i
		}
		if len(c.Reviews) >= 3 && len(care.PlacementMoves(c.Episodes)) > 0 && len(c.Permanence.Plan.Transitions) > 0 {
			return c, true
		}
	}
	if fallback >= 0 {
		return cases[fallback], true
	}
	return practice.Case{}, false
}

// Schedule is the child's calendar as the program prints it (and the JSON
// it writes with -format json).
type Schedule struct {
	AsOf   care.Date `json:"as_of"`
	Child  string    `json:"child"`
	Source string    `json:"source"`
	// Summary describes the child's current care: age, legal status,
	// placement and period of care.
	Summary    []string  `json:"summary"`
	NextReview *Item     `json:"next_review,omitempty"`
	Reviews    []Item    `json:"reviews"`
	NextVisit  *Item     `json:"next_visit,omitempty"`
	Health     []Item    `json:"health"`
	Education  []Item    `json:"education"`
	Permanence Plan      `json:"permanence"`
	Other      []Item    `json:"other"`
	Counts     []Counted `json:"counts"`
}

// Item is one line of the calendar.
type Item struct {
	Rule care.RuleID `json:"rule"`
	What string      `json:"what"`
	// Subject is the record the line is about ("reviews[2]", "placement
	// 2026-01-01"), or the child.
	Subject string      `json:"subject,omitempty"`
	Due     care.Date   `json:"due,omitzero"`
	Status  care.Status `json:"status"`
	Done    care.Date   `json:"done,omitzero"`
	// Explanation is how the due date was worked out
	// ([care.Deadline.String]), or the finding's message when the rule is
	// not a timescale.
	Explanation string `json:"explanation"`
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

// rule families shown in their own sections.
var (
	healthRules    = []care.RuleID{"HLTH-01", "HLTH-02", "HLTH-03", "HLTH-04"}
	educationRules = []care.RuleID{"EDU-01", "EDU-02", "EDU-03"}
	ruleWhat       = map[care.RuleID]string{
		"HLTH-01": "initial health assessment",
		"HLTH-02": "review health assessment",
		"HLTH-03": "Strengths and Difficulties Questionnaire",
		"HLTH-04": "dental check",
		"EDU-01":  "personal education plan initiated",
		"EDU-02":  "PEP review this term",
		"EDU-03":  "PEP targets and Pupil Premium Plus",
	}
)

// build assesses the case and draws up its calendar.
func build(c practice.Case, asOf care.Date, std practice.Standards, cal *care.Calendar) (Schedule, error) {
	s := Schedule{AsOf: asOf, Child: c.Child.ID}
	rep, err := practice.Assess(c, asOf, std, cal)
	if err != nil {
		return Schedule{}, err
	}
	s.Summary = summary(c, asOf)

	// Reviews: the whole schedule with statuses, and the next one owed.
	dues, err := review.Schedule(c.Episodes, c.Reviews, asOf, cal, std.Review)
	if err != nil {
		return Schedule{}, err
	}
	for _, d := range dues {
		s.Reviews = append(s.Reviews, Item{Rule: d.Deadline.Rule, What: fmt.Sprintf("review %d", d.Ordinal),
			Due: d.Deadline.Due, Status: d.Status, Done: d.Held, Explanation: d.Deadline.String()})
	}
	if dl, ok, err := review.NextDue(c.Episodes, c.Reviews, asOf, cal, std.Review); err != nil {
		return Schedule{}, err
	} else if ok {
		s.NextReview = &Item{Rule: dl.Rule, What: "next review", Due: dl.Due, Status: dl.Evaluate(care.Date{}, asOf), Explanation: dl.String()}
	}

	// Visits: the next statutory visit of the current placement.
	first, second, err := review.Milestones(c.Episodes, c.Reviews, asOf, cal, std.Review)
	if err != nil {
		return Schedule{}, err
	}
	ctx := care.Context{Reviews: review.HeldDates(c.Reviews), FirstReviewDue: first}
	if dl, ok, err := care.NextVisit(c.Record, ctx, asOf, std.Care); err != nil {
		return Schedule{}, err
	} else if ok {
		s.NextVisit = &Item{Rule: dl.Rule, What: "next statutory visit", Due: dl.Due, Status: dl.Evaluate(care.Date{}, asOf), Explanation: dl.String()}
	}

	// Health and education: what is open for each rule, or else the last
	// thing done, from the assessment.
	shown := map[care.RuleID]bool{}
	s.Health = latest(rep, healthRules, shown)
	s.Education = latest(rep, educationRules, shown)

	// Permanence: the tracker row's next milestone, explained by the
	// finding it came from.
	row, err := permanence.Track(c.Permanence, permanence.Inputs{Child: c.Child, Episodes: c.Episodes, SecondReview: second}, asOf, cal, std.Permanence)
	if err != nil {
		return Schedule{}, err
	}
	s.Permanence = plan(row, rep, asOf)

	// Everything else still open (or overdue), in due-date order, so that
	// the calendar is complete whatever records the case holds.
	for _, r := range []care.RuleID{review.RuleFirstReview, review.RuleSecondReview, review.RuleLaterReview, review.RuleShortBreak} {
		shown[r] = true
	}
	for _, f := range rep {
		if shown[f.Rule] || (f.Status != care.Upcoming && f.Status != care.Overdue) {
			continue
		}
		if s.NextVisit != nil && f.Rule == s.NextVisit.Rule && f.Due == s.NextVisit.Due {
			continue
		}
		if s.Permanence.Next != nil && f.Rule == s.Permanence.Next.Rule && f.Due == s.Permanence.Next.Due {
			continue
		}
		s.Other = append(s.Other, item(f, f.Message))
	}
	for _, st := range []care.Status{care.Met, care.Late, care.Overdue, care.Upcoming, care.Breach} {
		s.Counts = append(s.Counts, Counted{Status: st, Count: rep.Count(st)})
	}
	return s, nil
}

// summary describes the child's current care without the name or date of
// birth.
func summary(c practice.Case, asOf care.Date) []string {
	out := []string{fmt.Sprintf("Age %d", c.Child.AgeOn(asOf))}
	j, ok := care.EpisodeOn(c.Episodes, asOf)
	if !ok {
		return append(out, "Not looked after on "+asOf.String())
	}
	e := c.Episodes[j]
	out = append(out,
		fmt.Sprintf("Legal status %s (%s)", e.LegalStatus, e.LegalStatus.Description()),
		fmt.Sprintf("Placement %s (%s) since %s", e.PlacementType, e.PlacementType.Description(), placementStart(c.Episodes, asOf)))
	for _, p := range care.PeriodsOfCare(c.Episodes) {
		if p.Contains(asOf) {
			out = append(out, fmt.Sprintf("Looked after since %s (%d days), %d placement(s) in this period", p.Start, asOf.DaysSince(p.Start), care.CountPlacements(c.Episodes, p)))
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

// latest returns, for each rule, the findings still open (Upcoming or
// Overdue, and Breach for rules that are not timescales) or, if there are
// none, the most recent one with a due date, so that the reader sees when
// it was last done. Rules with no finding are left out (they do not apply).
func latest(rep care.Report, rules []care.RuleID, shown map[care.RuleID]bool) []Item {
	var out []Item
	for _, id := range rules {
		shown[id] = true
		fs := rep.ForRule(id)
		open := 0
		for _, f := range fs {
			if f.Status == care.Upcoming || f.Status == care.Overdue || (f.Status == care.Breach && f.Due.IsZero()) {
				out = append(out, item(f, ruleWhat[id]))
				open++
			}
		}
		if open > 0 || len(fs) == 0 {
			continue
		}
		last := fs[0]
		for _, f := range fs[1:] {
			if !f.Due.Before(last.Due) {
				last = f
			}
		}
		what := ruleWhat[id]
		if !last.Due.IsZero() {
			what += " (last)"
		}
		out = append(out, item(last, what))
	}
	return out
}

func item(f care.Finding, what string) Item {
	it := Item{Rule: f.Rule, What: what, Subject: f.Subject, Due: f.Due, Status: f.Status, Done: f.Done, Explanation: f.Message}
	if !f.Deadline.IsZero() {
		it.Explanation = f.Deadline.String()
	}
	return it
}

// plan summarises the tracker row.
func plan(row permanence.Row, rep care.Report, asOf care.Date) Plan {
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
		p.LastMovement = fmt.Sprintf("%s (%d days before %s)", row.LastMovement, row.DaysSinceMovement, asOf)
	}
	if row.Next.IsZero() {
		return p
	}
	next := Item{Rule: row.Next.Rule, What: row.Next.Label, Due: row.Next.Due, Status: care.Upcoming, Explanation: row.Next.Label}
	if row.Next.Overdue {
		next.Status = care.Overdue
	}
	for _, f := range rep.ForRule(row.Next.Rule) {
		if f.Due == row.Next.Due && (f.Status == care.Upcoming || f.Status == care.Overdue) {
			next.Explanation = item(f, "").Explanation
			break
		}
	}
	p.Next = &next
	return p
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

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	section := func(title string) {
		fmt.Fprintf(tw, "\n%s\n", title)
		fmt.Fprintln(tw, "  Rule\tWhat\tDue\tStatus\tDone\tWorked out as")
	}
	line := func(it Item) {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", it.Rule, it.What, dash(it.Due), it.Status, dash(it.Done), workedOut(it))
	}
	none := func(msg string) { fmt.Fprintf(tw, "  %s\n", msg) }

	section("Looked-after reviews")
	if len(s.Reviews) == 0 {
		none("no review is owed")
	}
	for _, it := range s.Reviews {
		if s.NextReview != nil && it.Rule == s.NextReview.Rule && it.Due == s.NextReview.Due && it.Done.IsZero() {
			it.What += " (next)"
		}
		line(it)
	}

	section("Statutory visits")
	if s.NextVisit == nil {
		none("no statutory visit is owed for a current placement")
	} else {
		line(*s.NextVisit)
	}

	section("Health")
	if len(s.Health) == 0 {
		none("no health obligation applies")
	}
	for _, it := range s.Health {
		line(it)
	}

	section("Education (personal education plan)")
	if len(s.Education) == 0 {
		none("no education obligation applies")
	}
	for _, it := range s.Education {
		line(it)
	}

	fmt.Fprintf(tw, "\nPermanence\n")
	fmt.Fprintf(tw, "  Primary route\t%s\n", s.Permanence.Primary)
	fmt.Fprintf(tw, "  Alternatives\t%s\n", s.Permanence.Alternatives)
	fmt.Fprintf(tw, "  Last movement\t%s\n", s.Permanence.LastMovement)
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  Rule\tNext milestone\tDue\tStatus\tDone\tWorked out as")
	if s.Permanence.Next == nil {
		none("no permanence milestone is due")
	} else {
		line(*s.Permanence.Next)
	}

	fmt.Fprintf(tw, "\nOther obligations open or overdue\n")
	fmt.Fprintln(tw, "  Rule\tAbout\tDue\tStatus\tWorked out as")
	if len(s.Other) == 0 {
		none("none")
	}
	for _, it := range s.Other {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", it.Rule, it.Subject, dash(it.Due), it.Status, workedOut(it))
	}
	return tw.Flush()
}

// workedOut is the explanation without the rule and due date that the
// line's own columns already show.
func workedOut(it Item) string {
	prefix := string(it.Rule) + " due " + it.Due.String() + ": "
	if strings.HasPrefix(it.Explanation, prefix) {
		return it.Explanation[len(prefix):]
	}
	return it.Explanation
}

// dash prints a date, or "-" for an unset one.
func dash(d care.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}
