package validate

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/lookedafter/practice/care"
)

// The output of a result, as text ([Result.WriteText]), JSON
// ([Result.WriteJSON]) and CSV ([Result.WriteCSV]). None of them quotes a
// cell of the return but the flagged rows' CHILD: a row is named by its
// table, file and row, and the fields to look at are named, never shown,
// so that a report can be passed on without the dates of birth, UPNs,
// postcodes and URNs the return holds. The messages, reasons and codes
// come from the rules, not the data.

// FormatVersion is the version of the JSON that [Result.WriteJSON]
// writes, its "format_version". It changes only when a field is removed
// or changes meaning; fields may be added within a version.
const FormatVersion = 1

// TextOptions are the options of [Result.WriteText].
type TextOptions struct {
	// Rows is how many flagged rows to list for each rule, the first in
	// table and file order: 0 lists none (the counts only), and a
	// negative number lists every one.
	Rows int
}

// summary holds the counts the outputs share.
type summary struct {
	flaggedRules int // rules that flagged a row
	rows         int // flagged rows, over every rule
	children     int // children with a flagged row
}

func (r *Result) summary() summary {
	var s summary
	seen := map[string]bool{}
	for _, rr := range r.Rules {
		if len(rr.Flags) > 0 {
			s.flaggedRules++
		}
		s.rows += len(rr.Flags)
		for _, f := range rr.Flags {
			seen[f.Child] = true
		}
	}
	s.children = len(seen)
	return s
}

// children returns the number of children with a flagged row.
func children(flags []Flag) int {
	seen := map[string]bool{}
	for _, f := range flags {
		seen[f.Child] = true
	}
	return len(seen)
}

// byCode returns the results in order of their rules' codes
// ([CompareCodes]), each rule's versions in the order run.
func byCode[T any](xs []T, rule func(T) *Rule) []T {
	out := slices.Clone(xs)
	slices.SortStableFunc(out, func(a, b T) int { return CompareCodes(rule(a).Code, rule(b).Code) })
	return out
}

// WriteText writes the result for people: a heading with the collection
// year and the counts; then each rule that flagged rows, in order of
// code, with how many rows and children and its message; the rules that
// passed; the rules skipped, grouped by reason; the rules that crashed,
// each with how; and then, for each rule that flagged rows, its code,
// message and affected fields, and its first opts.Rows rows, each named
// by its table, file and row and its child (rows of the previous year's
// return marked so). It quotes no cell but the child's code.
func (r *Result) WriteText(w io.Writer, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	s := r.summary()
	m := r.Meta
	fmt.Fprintf(bw, "SSDA903 validation of the %s return (%s to %s)", nonEmpty(m.Year.String(), "(no year)"), m.Start.Format(), m.End.Format())
	if m.Authority != "" {
		fmt.Fprintf(bw, ", authority %s", textValue(m.Authority))
	}
	fmt.Fprintf(bw, "\nRules: %d ran (%d flagged, %d passed), %d skipped, %d crashed.\n",
		len(r.Rules), s.flaggedRules, len(r.Rules)-s.flaggedRules, len(r.Skipped), len(r.Crashed))
	if s.rows == 0 {
		fmt.Fprintf(bw, "Flagged: no rows.\n")
	} else {
		fmt.Fprintf(bw, "Flagged: %s of %s.\n", plural(s.rows, "row", "rows"), plural(s.children, "child", "children"))
	}

	rules := byCode(r.Rules, func(rr RuleResult) *Rule { return rr.Rule })
	if s.flaggedRules > 0 {
		fmt.Fprintf(bw, "\nFlagged rules\n")
		tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Rule\tRows\tChildren\tMessage")
		for _, rr := range rules {
			if len(rr.Flags) > 0 {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", rr.Rule.Code, thousands(len(rr.Flags)), thousands(children(rr.Flags)), rr.Rule.Message)
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	var passed []string
	for _, rr := range rules {
		if len(rr.Flags) == 0 {
			passed = append(passed, rr.Rule.Code)
		}
	}
	if len(passed) > 0 {
		fmt.Fprintf(bw, "\nPassed (%d)\n", len(passed))
		writeCodes(bw, "  ", passed)
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(bw, "\nSkipped (%d), by reason\n", len(r.Skipped))
		for _, g := range groupSkipped(r.Skipped) {
			fmt.Fprintf(bw, "  %s (%d)\n", g.reason, len(g.codes))
			writeCodes(bw, "    ", g.codes)
		}
	}
	if len(r.Crashed) > 0 {
		fmt.Fprintf(bw, "\nCrashed (%d): neither passed nor failed\n", len(r.Crashed))
		for _, c := range byCode(r.Crashed, func(c Crashed) *Rule { return c.Rule }) {
			fmt.Fprintf(bw, "  %s: %s\n", c.Rule.Code, c.Reason)
		}
	}
	if s.flaggedRules > 0 && opts.Rows != 0 {
		if opts.Rows < 0 {
			fmt.Fprintf(bw, "\nFlagged rows\n")
		} else {
			fmt.Fprintf(bw, "\nFlagged rows (the first %d of each rule)\n", opts.Rows)
		}
		for _, rr := range rules {
			if len(rr.Flags) == 0 {
				continue
			}
			fmt.Fprintf(bw, "\n%s  %s\n", rr.Rule.Code, rr.Rule.Message)
			fmt.Fprintf(bw, "    Fields: %s\n", strings.Join(rr.Rule.Fields, ", "))
			shown := rr.Flags
			if opts.Rows > 0 && len(shown) > opts.Rows {
				shown = shown[:opts.Rows]
			}
			tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
			for _, f := range shown {
				table := f.Table.String()
				if f.Last {
					table += " (previous year)"
				}
				fmt.Fprintf(tw, "    %s\t%s\tchild %s\n", table, textValue(f.Pos.String()), childText(f.Child))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if n := len(rr.Flags) - len(shown); n > 0 {
				fmt.Fprintf(bw, "    … and %s more\n", thousands(n))
			}
		}
	}
	return bw.Flush()
}

type skipGroup struct {
	reason string
	codes  []string
}

// groupSkipped groups the skipped rules by reason, the reasons in order
// of their first rule's code, the codes in order.
func groupSkipped(skipped []Skipped) []skipGroup {
	var out []skipGroup
	idx := map[string]int{}
	for _, s := range byCode(skipped, func(s Skipped) *Rule { return s.Rule }) {
		k, ok := idx[s.Reason]
		if !ok {
			k = len(out)
			idx[s.Reason] = k
			out = append(out, skipGroup{reason: s.Reason})
		}
		out[k].codes = append(out[k].codes, s.Rule.Code)
	}
	return out
}

// writeCodes writes rule codes separated by commas, wrapped before 100
// columns, each line indented.
func writeCodes(w *bufio.Writer, indent string, codes []string) {
	n := 0
	for i, c := range codes {
		switch {
		case i == 0:
			w.WriteString(indent)
			n = len(indent)
		case n+2+len(c) > 100:
			w.WriteString(",\n")
			w.WriteString(indent)
			n = len(indent)
		default:
			w.WriteString(", ")
			n += 2
		}
		w.WriteString(c)
		n += len(c)
	}
	w.WriteString("\n")
}

// childText returns a child's code for text output: as it is if it is
// short and printable, "(none)" if blank, and otherwise quoted and cut
// short ([care.Excerpt]), so that a hostile cell can neither forge lines
// of the report nor fill it.
func childText(s string) string {
	switch {
	case s == "":
		return "(none)"
	case len(s) <= 64 && printable(s):
		return s
	}
	return care.Excerpt(s)
}

// textValue returns s as it is if it is printable, and otherwise quoted.
func textValue(s string) string {
	if printable(s) {
		return s
	}
	return strconv.Quote(s)
}

// printable reports whether s is valid UTF-8 of printable runes: the
// ASCII space is one; tabs, line breaks and other spaces are not.
func printable(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsPrint(r)
	})
}

func nonEmpty(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// plural returns "1 row" or "n rows", n with thousands separated.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands writes n with a comma between each group of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// WriteJSON writes the result as one JSON object, for programs. Its
// fields, stable within a [FormatVersion]:
//
//	format_version    1
//	collection_year   "2025-26": selects the rule set
//	collection_start  "2025-04-01", and collection_end "2026-03-31": the period validated
//	authority         the authority's code, "" if not given
//	summary           rules_run, rules_flagged (rules that flagged a row),
//	                  rules_passed, rules_skipped, rules_crashed,
//	                  rows_flagged, children_flagged (numbers)
//	rules             every rule that ran, in order of code: code, message,
//	                  fields (the affected fields), family ("field",
//	                  "sequence", …), rows_flagged, children_flagged, and
//	                  rows, the flagged rows (empty if the rule passed), in
//	                  table and file order, each with child (the CHILD
//	                  cell, trimmed), table ("Episodes"), file (as the
//	                  reader was given it), row (its 1-based row in the
//	                  file), line (the line it starts on; 0 if not known)
//	                  and previous_year (true for a row of the previous
//	                  year's return)
//	skipped           the rules that did not run, in order of code: code,
//	                  message, reason ("the return has no Missing table")
//	crashed           the rules whose function failed, in order of code:
//	                  code, message, reason
//
// Lists are never null. Each flagged row is written on a line of its own,
// so that a national return's tens of thousands of rows stay readable;
// apart from those, the object is indented. No cell is quoted but CHILD.
func (r *Result) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriter(w)
	s := r.summary()
	m := r.Meta
	fmt.Fprintf(bw, "{\n  \"format_version\": %d,\n", FormatVersion)
	fmt.Fprintf(bw, "  \"collection_year\": %s,\n", jsonString(m.Year.String()))
	fmt.Fprintf(bw, "  \"collection_start\": %s,\n", jsonString(m.Start.String()))
	fmt.Fprintf(bw, "  \"collection_end\": %s,\n", jsonString(m.End.String()))
	fmt.Fprintf(bw, "  \"authority\": %s,\n", jsonString(m.Authority))
	fmt.Fprintf(bw, "  \"summary\": {\"rules_run\": %d, \"rules_flagged\": %d, \"rules_passed\": %d, \"rules_skipped\": %d, \"rules_crashed\": %d, \"rows_flagged\": %d, \"children_flagged\": %d},\n",
		len(r.Rules), s.flaggedRules, len(r.Rules)-s.flaggedRules, len(r.Skipped), len(r.Crashed), s.rows, s.children)
	bw.WriteString("  \"rules\": [")
	for i, rr := range byCode(r.Rules, func(rr RuleResult) *Rule { return rr.Rule }) {
		if i > 0 {
			bw.WriteByte(',')
		}
		fields := make([]string, len(rr.Rule.Fields))
		for k, f := range rr.Rule.Fields {
			fields[k] = jsonString(f)
		}
		fmt.Fprintf(bw, "\n    {\"code\": %s, \"message\": %s, \"fields\": %s, \"family\": %s, \"rows_flagged\": %d, \"children_flagged\": %d,\n     \"rows\": [",
			jsonString(rr.Rule.Code), jsonString(rr.Rule.Message), "["+strings.Join(fields, ", ")+"]", jsonString(rr.Rule.Family.String()), len(rr.Flags), children(rr.Flags))
		for k, f := range rr.Flags {
			if k > 0 {
				bw.WriteByte(',')
			}
			fmt.Fprintf(bw, "\n      {\"child\": %s, \"table\": %s, \"file\": %s, \"row\": %d, \"line\": %d, \"previous_year\": %t}",
				jsonString(f.Child), jsonString(f.Table.String()), jsonString(f.Pos.File), f.Pos.Row, f.Pos.Line, f.Last)
		}
		if len(rr.Flags) > 0 {
			bw.WriteString("\n     ")
		}
		bw.WriteString("]}")
	}
	if len(r.Rules) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n")
	writeReasons := func(name string, n int, at func(int) (*Rule, string), last bool) {
		fmt.Fprintf(bw, "  %q: [", name)
		for i := range n {
			if i > 0 {
				bw.WriteByte(',')
			}
			rule, reason := at(i)
			fmt.Fprintf(bw, "\n    {\"code\": %s, \"message\": %s, \"reason\": %s}", jsonString(rule.Code), jsonString(rule.Message), jsonString(reason))
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]")
		if !last {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	skipped := byCode(r.Skipped, func(s Skipped) *Rule { return s.Rule })
	writeReasons("skipped", len(skipped), func(i int) (*Rule, string) { return skipped[i].Rule, skipped[i].Reason }, false)
	crashed := byCode(r.Crashed, func(c Crashed) *Rule { return c.Rule })
	writeReasons("crashed", len(crashed), func(i int) (*Rule, string) { return crashed[i].Rule, crashed[i].Reason }, true)
	bw.WriteString("}\n")
	return bw.Flush()
}

// jsonString returns s as a JSON string, without escaping <, > and &
// (which is for HTML, and would spoil the messages for people reading
// the JSON).
func jsonString(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes (invalid UTF-8 becomes U+FFFD)
	return strings.TrimSuffix(b.String(), "\n")
}

// csvHeader returns the header row of [Result.WriteCSV].
func csvHeader() []string {
	return []string{"Child", "Table", "Row", "Rule", "Message", "Fields", "File", "Line", "Previous year"}
}

// WriteCSV writes the flagged rows as CSV in the layout of the DfE tool's
// child-level error report, one line per flagged row, children in order
// of their codes and each child's rows in order of rule code, then table
// and row: Child (the CHILD cell, trimmed), Table ("Episodes"), Row (the
// row's 1-based number in its file), Rule (the rule's code), Message,
// Fields (the affected fields, separated by ", "); then File (as the
// reader was given it), Line (the line the row starts on, blank if not
// known) and Previous year ("yes" for a row of the previous year's
// return, else blank). The first line is the header row.
//
// A Child or File cell that a spreadsheet would take for a formula (one
// starting =, +, -, @, a tab or a carriage return) is written with a
// leading apostrophe. The skipped and crashed rules are not rows: the
// text and JSON outputs list them.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	header := csvHeader()
	if err := cw.Write(header); err != nil {
		return err
	}
	type line struct {
		rule *Rule
		f    Flag
	}
	var lines []line
	for _, rr := range r.Rules {
		for _, f := range rr.Flags {
			lines = append(lines, line{rr.Rule, f})
		}
	}
	// By child, then rule code, then the order the rule gave (table, then
	// this year before last, then row).
	slices.SortStableFunc(lines, func(a, b line) int {
		return cmp.Or(strings.Compare(a.f.Child, b.f.Child), CompareCodes(a.rule.Code, b.rule.Code))
	})
	rec := make([]string, len(header))
	for _, l := range lines {
		rec[0] = spreadsheetSafe(l.f.Child)
		rec[1] = l.f.Table.String()
		rec[2] = strconv.Itoa(l.f.Pos.Row)
		rec[3] = l.rule.Code
		rec[4] = l.rule.Message
		rec[5] = strings.Join(l.rule.Fields, ", ")
		rec[6] = spreadsheetSafe(l.f.Pos.File)
		rec[7] = ""
		if l.f.Pos.Line > 0 {
			rec[7] = strconv.Itoa(l.f.Pos.Line)
		}
		rec[8] = ""
		if l.f.Last {
			rec[8] = "yes"
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// spreadsheetSafe prefixes an apostrophe to a cell a spreadsheet would
// read as a formula.
func spreadsheetSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
