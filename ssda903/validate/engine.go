package validate

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/reference"
)

// Metadata are the inputs of a run other than the tables.
type Metadata struct {
	// Year is the collection year, which selects the rule set
	// (CollectionYear(2025) is 2025–26). Zero: the return's own Year.
	Year care.CollectionYear
	// Start and End are the first and last days of the collection period.
	// Zero: those of Year (1 April and 31 March).
	Start, End care.Date
	// Authority is the authority's code ("201"); "" if not given, and
	// the rules that need it are skipped. The DfE's three-digit code is
	// looked up in Authorities for the ONS code the placement authority
	// (PL_LA) is compared with; a code not in the list (an ONS code,
	// "E09000033") is compared as given.
	Authority string

	// Reference data: inputs, never fetched. Each is optional.

	// Postcodes is postcode reference data (the ONS Postcode Directory,
	// [reference.ReadONSPD]). When the Episodes table of this year's or
	// last year's return lacks a postcode-derived column (PL_DISTANCE,
	// PL_LA, PL_LOCATION), the column is derived from HOME_POST and
	// PL_POST as [reference.PlacementDistance], [reference.PlacementLA]
	// and [reference.PlacementLocation] compute it (PL_LOCATION only when
	// Authority is given): a row whose postcode is blank has a blank
	// cell; a row whose postcode Postcodes does not know has no cell
	// ([Table.Missing]), and the rules do not judge it. A column the
	// return gives is used as given. Nil: nothing is derived, and the
	// rules that read a column the return lacks are skipped
	// ([Rule.Derived]).
	Postcodes reference.Postcodes
	// Providers are the Ofsted provider lists ([reference.ReadProvidersXLSX],
	// [reference.ReadProvidersCSV]); nil: the rules that need them are
	// skipped ([NeedProviders]).
	Providers *reference.Providers
	// Authorities is the list of local authorities; nil: the list the
	// reference package embeds ([reference.EmbeddedAuthorities]).
	Authorities *reference.Authorities
}

// embeddedAuthorities is the reference package's list, read once at
// initialisation and not modified after.
var embeddedAuthorities = reference.EmbeddedAuthorities()

// Options are the inputs of [Run] and [RunChild] besides the return.
type Options struct {
	Metadata
	// Last is the previous year's return, or nil: the rules that compare
	// with it are then skipped.
	Last *ssda903.Return
	// Codes, when not empty, runs only the rules with these codes.
	Codes []string
	// Rules, when not nil, are run instead of the catalogue's rule set
	// for the year (each still only in its years): an authority's own
	// rules, or a test's.
	Rules []*Rule
}

// Result is what a run found: per rule, the rows it flagged; the rules
// skipped, with the reason; the rules that crashed.
type Result struct {
	// Meta is the metadata the run used, defaults filled in.
	Meta Metadata
	// Rules are the rules that ran, in the order of the rule set, each
	// with the rows it flagged (none if the data passed it).
	Rules []RuleResult
	// Skipped are the rules that did not run, and why.
	Skipped []Skipped
	// Crashed are the rules whose function failed: they are neither
	// passed nor failed.
	Crashed []Crashed
}

// RuleResult is one rule that ran and the rows it flagged.
type RuleResult struct {
	Rule *Rule
	// Flags are the flagged rows, by table then row: empty if none.
	Flags []Flag
}

// Flag is one flagged row.
type Flag struct {
	// Table is the table the row is in.
	Table ssda903.Table
	// Pos is where the row came from: its file and row in the file.
	Pos ssda903.Pos
	// Child is the row's CHILD cell, trimmed.
	Child string
	// Row is the row's index in the return's table ([ssda903.RawTable]).
	Row int
	// Last reports that the row is in the previous year's return.
	Last bool
}

// Skipped is a rule that did not run.
type Skipped struct {
	Rule   *Rule
	Reason string
}

// Crashed is a rule whose function panicked. Reason says how, without
// quoting any cell.
type Crashed struct {
	Rule   *Rule
	Reason string
}

// Flagged returns the rows the rule with this code flagged (of its first
// version that ran), and whether it ran.
func (r *Result) Flagged(code string) ([]Flag, bool) {
	for _, rr := range r.Rules {
		if rr.Rule.Code == code {
			return rr.Flags, true
		}
	}
	return nil, false
}

// Count returns the number of flagged rows, over every rule.
func (r *Result) Count() int {
	n := 0
	for _, rr := range r.Rules {
		n += len(rr.Flags)
	}
	return n
}

// ChildResult is one child's flags.
type ChildResult struct {
	Child string
	Flags []ChildFlag
}

// ChildFlag is one flag of a child: the rule and the row.
type ChildFlag struct {
	Rule *Rule
	Flag Flag
}

// ByChild returns the flags grouped by child, children in order of their
// codes, each child's flags in the order of the rule set and then of the
// rows.
func (r *Result) ByChild() []ChildResult {
	idx := map[string]int{}
	var out []ChildResult
	for _, rr := range r.Rules {
		for _, f := range rr.Flags {
			k, ok := idx[f.Child]
			if !ok {
				k = len(out)
				idx[f.Child] = k
				out = append(out, ChildResult{Child: f.Child})
			}
			out[k].Flags = append(out[k].Flags, ChildFlag{Rule: rr.Rule, Flag: f})
		}
	}
	slices.SortStableFunc(out, func(a, b ChildResult) int { return strings.Compare(a.Child, b.Child) })
	return out
}

// ErrNoRuleSet is the error of a run for a collection year with no rule
// set.
var ErrNoRuleSet = errors.New("validate: no rule set for the collection year")

// Run validates a return against the rule set of the collection year
// (opts.Year, or ret.Year): every rule in force, each on the raw cells,
// none stopping the others. A rule whose tables or inputs are absent is
// skipped with the reason; a rule that panics is reported as crashed.
//
// The error is [ErrNoRuleSet] (wrapped) when the year has no rule set, or
// the context's error when ctx is done before every rule has run: the
// Result then holds the rules that ran.
func Run(ctx context.Context, ret *ssda903.Return, opts Options) (*Result, error) {
	return run(ctx, ret, opts, "", false)
}

// RunChild validates one child's rows of a return, as an integration
// checks a record as it is saved: the flags are those [Run] gives that
// child on the same return. Only the child's rows are read, but for the
// rules that compare children ([Rule.AcrossChildren]), which read the
// whole return and keep the child's flags. child is matched to the CHILD
// cells trimmed of spaces.
func RunChild(ctx context.Context, ret *ssda903.Return, child string, opts Options) (*Result, error) {
	return run(ctx, ret, opts, strings.TrimSpace(child), true)
}

func run(ctx context.Context, ret *ssda903.Return, opts Options, child string, oneChild bool) (*Result, error) {
	meta := opts.Metadata
	if meta.Year == 0 && ret != nil {
		meta.Year = ret.Year
	}
	p := meta.Year.Period()
	if meta.Start.IsZero() {
		meta.Start = p.Start
	}
	if meta.End.IsZero() && !p.End.IsZero() {
		meta.End = p.End.AddDays(-1) // the period is half-open: its last day is 31 March
	}
	if meta.Authorities == nil {
		meta.Authorities = embeddedAuthorities
	}
	res := &Result{Meta: meta}
	rules := opts.Rules
	if rules == nil {
		if !hasRuleSet(meta.Year) {
			return res, fmt.Errorf("%w: %s (rule sets: %s to %s)", ErrNoRuleSet, meta.Year, firstYear, lastYear)
		}
		rules = ruleSets[meta.Year-firstYear]
	}
	var all, mine *inputs
	if oneChild {
		mine = newInputs(ret, opts.Last, child, true)
		derivePostcodeFields(mine, meta)
	} else {
		all = newInputs(ret, opts.Last, "", false)
		derivePostcodeFields(all, meta)
		mine = all
	}
	var scratch []flag // the rows each rule flags, reused from rule to rule
	for _, r := range rules {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if !r.Years.Contains(meta.Year) || (len(opts.Codes) > 0 && !slices.Contains(opts.Codes, r.Code)) {
			continue
		}
		in := mine
		if r.AcrossChildren && oneChild {
			if all == nil {
				all = newInputs(ret, opts.Last, "", false)
				derivePostcodeFields(all, meta)
			}
			in = all
		}
		if why := skipReason(r, in, meta); why != "" {
			res.Skipped = append(res.Skipped, Skipped{Rule: r, Reason: why})
			continue
		}
		c := &Check{Meta: meta, in: in, flags: scratch[:0]}
		why := apply(r, c)
		scratch = c.flags
		if why != "" {
			res.Crashed = append(res.Crashed, Crashed{Rule: r, Reason: why})
			continue
		}
		flags := c.result(in)
		if oneChild && in == all {
			flags = slices.DeleteFunc(flags, func(f Flag) bool { return f.Child != child })
		}
		res.Rules = append(res.Rules, RuleResult{Rule: r, Flags: flags})
	}
	return res, nil
}

// apply runs the rule's function, and returns "" or how it crashed.
func apply(r *Rule, c *Check) (crash string) {
	defer func() {
		if v := recover(); v != nil {
			// A runtime error says what went wrong without quoting
			// data; any other panic value might quote a cell.
			if e, ok := v.(runtime.Error); ok {
				crash = "the rule's function failed: " + e.Error()
			} else {
				crash = fmt.Sprintf("the rule's function failed (panic of type %T)", v)
			}
		}
	}()
	r.Check(c)
	return ""
}

// result returns the rows the rule flagged, by table and row, each once.
func (c *Check) result(in *inputs) []Flag {
	if len(c.flags) == 0 {
		return nil
	}
	order := func(a, b flag) int {
		if a.table.which != b.table.which {
			return int(a.table.which) - int(b.table.which)
		}
		if a.table != b.table {
			// This year's table first, then last year's.
			if a.table == in.this[a.table.which] {
				return -1
			}
			return 1
		}
		return a.row - b.row
	}
	if !slices.IsSortedFunc(c.flags, order) { // most rules flag rows in order
		slices.SortFunc(c.flags, order)
	}
	c.flags = slices.Compact(c.flags)
	out := make([]Flag, 0, len(c.flags))
	for _, f := range c.flags {
		t := f.table
		out = append(out, Flag{Table: t.which, Pos: t.raw.Pos(f.row), Child: rawChild(t, f.row), Row: f.row,
			Last: t != in.this[t.which]})
	}
	return out
}

// rawChild returns the child of row row of t's raw table, trimmed.
func rawChild(t *Table, row int) string {
	if t.rows == nil { // the view is the whole table: its rows are the raw rows
		return t.Child(row)
	}
	s, _ := t.raw.Cell(row, "CHILD")
	return strings.TrimSpace(s)
}

// skipReason returns why the rule cannot run on these inputs, or "".
func skipReason(r *Rule, in *inputs, meta Metadata) string {
	if r.Check == nil {
		return "not implemented yet"
	}
	for _, t := range r.Tables {
		if in.this[t] == nil {
			return "the return has no " + t.String() + " table"
		}
	}
	if len(r.Last) > 0 && !in.hasLast {
		return "no previous year's return was given"
	}
	for _, t := range r.Last {
		if in.last[t] == nil {
			return "the previous year's return has no " + t.String() + " table"
		}
	}
	if r.Needs&NeedAuthority != 0 && meta.Authority == "" {
		return "the authority's code was not given"
	}
	if r.Needs&NeedProviders != 0 && meta.Providers == nil {
		return "the Ofsted provider lists were not given"
	}
	if r.Needs&NeedPostcodes != 0 && meta.Postcodes == nil {
		return "postcode reference data was not given"
	}
	return derivedSkipReason(r, in)
}

// newInputs builds the views of a return and the previous year's: all
// rows, or only the child's when oneChild.
func newInputs(ret, last *ssda903.Return, child string, oneChild bool) *inputs {
	n := len(ssda903.Tables()) + 1
	in := &inputs{this: make([]*Table, n), last: make([]*Table, n), hasLast: last != nil}
	for _, t := range ssda903.Tables() {
		in.this[t] = view(ret, t, child, oneChild)
		in.last[t] = view(last, t, child, oneChild)
	}
	return in
}

func view(ret *ssda903.Return, t ssda903.Table, child string, oneChild bool) *Table {
	raw := ret.Table(t) // nil-safe
	if raw == nil {
		return nil
	}
	if !oneChild {
		return newTable(t, raw, nil)
	}
	rows := []int{}
	cells, _, _ := raw.ColumnCells("CHILD")
	for i := range raw.Len() {
		s := "" // a table without a CHILD column: every row's child is ""
		if cells != nil {
			s = cells[i]
		}
		if strings.TrimSpace(s) == child {
			rows = append(rows, i)
		}
	}
	return newTable(t, raw, rows)
}
