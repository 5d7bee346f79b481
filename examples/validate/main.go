// Command validate checks an SSDA903 return against the DfE's validation
// rules for its collection year, as an authority must before it submits
// it, and prints what it found: how many rows each rule flagged, the rules
// that passed, were skipped (and why) or crashed, and the first rows each
// rule flagged, named by table, file and row and child. No cell of the
// return is printed but the child's code.
//
// Usage:
//
//	go run ./examples/validate [flags] [DIR]
//
// DIR is the return: a folder of CSV files (each table recognised by its
// header row), or one file, the XML return (.xml) or a CSV table. With no
// DIR it validates the shared synthetic return embedded from its testdata
// (2,675 children, from the open DfE validator's test data; no real
// children) as the 2025-26 return, with itself as the previous year's, as
// that validator's test set-up does.
//
// Exit status: 0 when every rule that ran passed; 1 when a rule flagged a
// row or crashed, or some of the input could not be read (each problem is
// reported on standard error; what could be read is still validated); 2
// for a bad flag or argument.
//
// Flags:
//
//	-year 2025-26            the collection year: it selects the rule set, and
//	                         the period validated (1 April 2025 to 31 March 2026)
//	-last DIR                the previous year's return (read as year − 1); without
//	                         it the rules comparing with it are skipped
//	-la CODE                 the authority's three-digit code; without it the rules
//	                         that need it are skipped
//	-format text|json|csv    the output format (default text)
//	-rows N                  text: how many flagged rows to list for each rule
//	                         (default 5; 0 lists none, -1 every one)
//	-rules CODE,CODE         run only these rules
//	-postcodes FILE          the ONS Postcode Directory (its CSV), from which the
//	                         placement distance, authority and location are derived
//	                         where the return does not give them; without it the
//	                         rules that need them are skipped, never run on unknowns
//	-providers FILE,FILE     Ofsted's provider lists (.xlsx as Ofsted publishes them,
//	                         or .csv); without them the provider rules are skipped
package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cli"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/reference"
	"github.com/lookedafter/practice/ssda903/validate"
)

//go:embed testdata/return/*.csv
var embedded embed.FS

// embeddedName names the embedded return in the report.
const embeddedName = "the embedded synthetic return"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFlagged = 1 // a rule flagged a row or crashed, or input could not be read
	exitUsage   = 2 // a bad flag or argument
)

// maxProblems is how many reading problems are listed on standard error
// for each return; the rest are counted.
const maxProblems = 20

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("validate", flag.ContinueOnError)
	flags.SetOutput(stderr)
	cli.Usage(flags, stderr, "validate [flags] [DIR]",
		"DIR is the return: a folder of CSV files, or the XML return (.xml).\n"+
			"With no DIR it validates the embedded synthetic return (2,675 children) as 2025-26's,\n"+
			"with itself as the previous year's.\n"+
			"Exit status: 0 every rule passed; 1 a rule flagged a row or crashed, or input could not\n"+
			"be read; 2 a bad flag or argument.")
	yearText := flags.String("year", "2025-26", "collection year, 2025-26 (1 April 2025 to 31 March 2026): selects the rule set")
	lastDir := flags.String("last", "", "the previous year's return, a folder of CSV files or .xml (default: none; with no DIR, the embedded one)")
	la := flags.String("la", "", "the authority's three-digit code (default: none, and the rules that need it are skipped)")
	format := flags.String("format", "text", "output format: text, json or csv")
	rows := flags.Int("rows", 5, "text: how many flagged rows to list for each rule; -1 lists every one")
	rulesText := flags.String("rules", "", "run only these rules, by code, separated by commas")
	postcodesFile := flags.String("postcodes", "", "the ONS Postcode Directory as CSV (default: none; the postcode rules need it or the derived columns)")
	providersFiles := flags.String("providers", "", "Ofsted provider lists, .xlsx or .csv, separated by commas (default: none; the provider rules are skipped)")
	if err := flags.Parse(args); err != nil {
		return exitUsage
	}
	year, err := yearFlag(*yearText)
	if err == nil {
		err = cli.OneOf("format", *format, "text", "json", "csv")
	}
	if err == nil {
		err = cli.AtLeast("rows", *rows, -1)
	}
	if err == nil {
		err = laFlag(*la)
	}
	var codes []string
	if err == nil {
		codes, err = rulesFlag(*rulesText, year)
	}
	if err == nil && flags.NArg() > 1 {
		err = fmt.Errorf("one return at a time: %d arguments given", flags.NArg())
	}
	if err != nil {
		fmt.Fprintln(stderr, "validate:", err)
		return exitUsage
	}
	meta := validate.Metadata{Year: year, Authority: *la}
	if meta.Postcodes, err = readPostcodes(*postcodesFile); err == nil {
		meta.Providers, err = readProviders(*providersFiles)
	}
	if err != nil {
		fmt.Fprintln(stderr, "validate:", err)
		return exitFlagged
	}

	failed := false
	var ret, last *ssda903.Return
	var name, lastName string
	if flags.NArg() == 0 {
		sub, err := fs.Sub(embedded, "testdata/return")
		if err == nil {
			ret, err = ssda903.ReadFS(sub, year)
		}
		if err != nil { // the embedded files are tested: this cannot happen
			fmt.Fprintln(stderr, "validate: the embedded return:", err)
			return exitFlagged
		}
		name = embeddedName
		if *lastDir == "" {
			last, _ = ssda903.ReadFS(sub, year-1)
			lastName = "the same files"
		}
	} else {
		name = flags.Arg(0)
		var ok bool
		if ret, ok = read(name, year, stderr); !ok {
			failed = true
		}
		if ret == nil {
			return exitFlagged
		}
	}
	if *lastDir != "" {
		lastName = *lastDir
		var ok bool
		if last, ok = read(*lastDir, year-1, stderr); !ok {
			failed = true
		}
		if last == nil {
			return exitFlagged
		}
	}

	res, err := validate.Run(ctx, ret, validate.Options{
		Metadata: meta,
		Last:     last,
		Codes:    codes,
	})
	if err != nil {
		fmt.Fprintln(stderr, "validate:", err)
		return exitFlagged
	}
	switch *format {
	case "json":
		err = res.WriteJSON(stdout)
	case "csv":
		err = res.WriteCSV(stdout)
	default:
		fmt.Fprintf(stdout, "Return: %s, as %s's (%s)\n", name, ret.Year, describe(ret))
		if last != nil {
			fmt.Fprintf(stdout, "Previous year's: %s, as %s's (%s)\n", lastName, last.Year, describe(last))
		} else {
			fmt.Fprintf(stdout, "Previous year's: not given (-last DIR); the rules comparing with it are skipped\n")
		}
		err = res.WriteText(stdout, validate.TextOptions{Rows: *rows})
	}
	if err != nil {
		fmt.Fprintln(stderr, "validate:", err)
		return exitFlagged
	}
	if failed || res.Count() > 0 || len(res.Crashed) > 0 {
		return exitFlagged
	}
	return exitOK
}

// yearFlag parses -year, and checks that the year has a rule set.
func yearFlag(s string) (care.CollectionYear, error) {
	y, err := ssda903.ParseYear(s)
	if err != nil {
		return 0, fmt.Errorf("-year %q: want a collection year, 2025-26", s)
	}
	years := validate.RuleSetYears()
	if validate.RuleSet(y) == nil {
		return 0, fmt.Errorf("-year %q: no rule set for %s; there are rule sets for %s to %s", s, y, years[0], years[len(years)-1])
	}
	return y, nil
}

// laFlag checks -la: blank, or three digits.
func laFlag(s string) error {
	if s == "" {
		return nil
	}
	if len(s) != 3 || strings.Trim(s, "0123456789") != "" {
		return fmt.Errorf("-la %q: want the authority's three-digit code, such as 201", s)
	}
	return nil
}

// rulesFlag parses -rules: codes separated by commas, each in the year's
// rule set.
func rulesFlag(s string, y care.CollectionYear) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var codes []string
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if validate.Lookup(c, y) == nil {
			return nil, fmt.Errorf("-rules %q: no rule %q in %s's rule set", s, c, y)
		}
		codes = append(codes, c)
	}
	return codes, nil
}

// read reads a return of year y from path: a folder of CSV files, or one
// file (XML or CSV). It reports every problem on stderr and says whether
// there were none; it returns nil when nothing could be read at all.
func read(path string, y care.CollectionYear, stderr io.Writer) (*ssda903.Return, bool) {
	var ret *ssda903.Return
	var err error
	fi, statErr := os.Stat(path)
	switch {
	case statErr != nil:
		var pe *fs.PathError
		if errors.As(statErr, &pe) {
			statErr = pe.Err
		}
		fmt.Fprintf(stderr, "validate: %s: %v\n", path, statErr)
		return nil, false
	case fi.IsDir():
		ret, err = ssda903.ReadDir(path, y)
	default:
		ret, err = ssda903.ReadFiles(y, path)
	}
	var list ssda903.Errors
	if !errors.As(err, &list) && err != nil {
		list = ssda903.Errors{&ssda903.Error{File: path, Err: err}}
	}
	for i, e := range list {
		if i == maxProblems {
			fmt.Fprintf(stderr, "validate: %s: … and %d more problems\n", path, len(list)-maxProblems)
			break
		}
		fmt.Fprintf(stderr, "validate: %v\n", e)
	}
	if tables(ret) == 0 {
		fmt.Fprintf(stderr, "validate: %s: no table of the return could be read\n", path)
		return nil, false
	}
	return ret, len(list) == 0
}

// tables returns the number of tables the return holds.
func tables(ret *ssda903.Return) int {
	n := 0
	for _, t := range ssda903.Tables() {
		if ret.Table(t) != nil {
			n++
		}
	}
	return n
}

// describe says what a return holds: its tables and their rows.
func describe(ret *ssda903.Return) string {
	var parts []string
	for _, t := range ssda903.Tables() {
		if tb := ret.Table(t); tb != nil {
			parts = append(parts, fmt.Sprintf("%s %d", t, tb.Len()))
		}
	}
	return "rows: " + strings.Join(parts, ", ")
}

// readPostcodes reads the ONS Postcode Directory's CSV, or returns nil for
// no file.
func readPostcodes(path string) (reference.Postcodes, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pc, err := reference.ReadONSPD(f, path, reference.ONSPDOptions{})
	if err != nil {
		return nil, err
	}
	return pc, nil
}

// readProviders reads Ofsted's provider lists, .xlsx or .csv, into one
// list; nil for none.
func readProviders(paths string) (*reference.Providers, error) {
	if paths == "" {
		return nil, nil
	}
	var all *reference.Providers
	for _, path := range strings.Split(paths, ",") {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var ps *reference.Providers
		if strings.EqualFold(filepath.Ext(path), ".xlsx") {
			ps, err = reference.ReadProvidersXLSX(bytes.NewReader(data), int64(len(data)), path)
		} else {
			ps, err = reference.ReadProvidersCSV(bytes.NewReader(data), path)
		}
		if err != nil {
			return nil, err
		}
		all = all.Merge(ps)
	}
	return all, nil
}
