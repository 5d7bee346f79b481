// Command deadlines prints the statutory deadlines that run from one date:
// the working-day deadlines (care plan, placement plan, first review, initial
// health assessment, PEP) and the calendar deadlines (first visit, visit
// intervals, second and later reviews) that a child who became looked after,
// or moved placement, on that date would have.
//
// Usage:
//
//	go run ./examples/deadlines [-from 2026-04-02] [-counting from-next-day|from-anchor-day]
//
// With no -from it uses a fixed date, so its output is reproducible.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// defaultFrom is the day before Good Friday 2026, which shows how bank
// holidays push working-day deadlines back.
const defaultFrom = "2026-04-02"

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("deadlines", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", defaultFrom, "the anchor date, YYYY-MM-DD")
	counting := fs.String("counting", "from-next-day", "working-day counting: from-next-day (the anchor is day 0) or from-anchor-day (the anchor is day 1)")
	cli.Usage(fs, stderr, "deadlines [flags]", "Prints working-day and month deadlines from one date.")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	anchor, err := cli.Date("from", *from)
	if err != nil {
		fmt.Fprintln(stderr, "deadlines:", err)
		return 2
	}
	var c care.Counting
	if err := c.UnmarshalText([]byte(*counting)); err != nil {
		fmt.Fprintln(stderr, "deadlines:", err)
		return 2
	}
	cal := care.EnglandAndWales()

	fmt.Fprintf(stdout, "Deadlines from %s (%s), England and Wales working days, counting %s\n\n", anchor, anchor.Weekday(), c)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rule\tObligation\tTimescale\tDue\tWeekday")
	wd := []struct {
		rule, what string
		n          int
	}{
		{"PLAN-04", "placement plan", 5},
		{"PLAN-01", "care plan", 10},
		{"EDU-01", "personal education plan initiated", 10},
		{"REV-01", "first review", 20},
		{"HLTH-01", "initial health assessment", 20},
	}
	for _, w := range wd {
		due, err := cal.WorkingDayDeadline(anchor, w.n, c)
		if err != nil {
			fmt.Fprintln(stderr, "deadlines:", err)
			return 1
		}
		fmt.Fprintf(tw, "%s\t%s\t%d working days\t%s\t%s\n", w.rule, w.what, w.n, due, due.Weekday())
	}
	cd := []struct {
		rule, what, span string
		due              care.Date
	}{
		{"VIS-01", "first visit in a new placement", "1 week", anchor.AddDays(7)},
		{"VIS-02", "next visit, first year of a placement", "6 weeks", anchor.AddDays(42)},
		{"REV-02", "second review, if the first is held on the anchor date", "3 months", anchor.AddMonths(3)},
		{"REV-03", "later reviews, after the previous one", "6 months", anchor.AddMonths(6)},
		{"HLTH-02", "review health assessment, child 5 or over", "12 months", anchor.AddMonths(12)},
	}
	for _, w := range cd {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", w.rule, w.what, w.span, w.due, w.due.Weekday())
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintln(stderr, "deadlines:", err)
		return 1
	}
	skipped := cal.Holidays(care.Period{Start: anchor, End: anchor.AddDays(35)})
	if len(skipped) > 0 {
		fmt.Fprint(stdout, "\nNon-working weekdays in the next five weeks:")
		for _, h := range skipped {
			fmt.Fprintf(stdout, " %s", h)
		}
		fmt.Fprintln(stdout)
	}
	return 0
}
