package validate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// The acceptance test: every case of testdata/dfe/cases.json (the open
// validator's rule tests), run in every collection year it is effective
// in, flagged rows compared by label with the case's expected rows, or
// with ours for the cases listed in testdata/disagreements.json. A case
// whose rule has no function yet is skipped.
//
// Progress (passed, skipped, failed runs of a case in a year, by family):
//
//	go test ./ssda903/validate -run '^TestCases$' -v | grep -A12 'cases_test.*passed'
//	go test ./ssda903/validate -run '^TestCases$' -v | grep -- '--- FAIL'
//
// One rule: go test ./ssda903/validate -run '^TestCases$/^103$' -v

type dfeCases struct {
	Cases []dfeCase `json:"cases"`
}

type dfeCase struct {
	ID          string                       `json:"id"`
	Rule        string                       `json:"rule"`
	DefinedIn   string                       `json:"defined_in"`
	EffectiveIn []string                     `json:"effective_in"`
	Input       map[string]dfeTable          `json:"input"`
	Metadata    map[string]json.RawMessage   `json:"metadata"`
	Expected    map[string][]json.RawMessage `json:"expected"`
}

type dfeTable struct {
	Columns []string            `json:"columns"`
	Index   []json.RawMessage   `json:"index"`
	Rows    [][]json.RawMessage `json:"rows"`
}

type disagreements struct {
	Cases []struct {
		ID       string                       `json:"id"`
		Years    []string                     `json:"years"`
		Expected map[string][]json.RawMessage `json:"expected"`
		DfEText  string                       `json:"dfe_text"`
		Why      string                       `json:"why"`
	} `json:"cases"`
}

func loadCases(t testing.TB) []dfeCase {
	t.Helper()
	data, err := os.ReadFile("../testdata/dfe/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cs dfeCases
	if err := json.Unmarshal(data, &cs); err != nil {
		t.Fatal(err)
	}
	return cs.Cases
}

func TestCases(t *testing.T) {
	cases := loadCases(t)
	var dis disagreements
	if data, err := os.ReadFile("testdata/disagreements.json"); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(data, &dis); err != nil {
		t.Fatal(err)
	}
	ours := map[string]map[string][]json.RawMessage{} // id+year → expected
	for _, d := range dis.Cases {
		if d.DfEText == "" || d.Why == "" {
			t.Errorf("disagreements.json: %s: give the DfE's rule text and why", d.ID)
		}
		years := d.Years
		if len(years) == 0 {
			years = []string{""}
		}
		for _, y := range years {
			ours[d.ID+"|"+y] = d.Expected
		}
	}
	// tally counts the runs (a case in a year) by family and outcome.
	tally := map[string]*[3]int{}
	count := func(t *testing.T, fam string) {
		k := 0
		switch {
		case t.Failed():
			k = 2
		case t.Skipped():
			k = 1
		}
		if tally[fam] == nil {
			tally[fam] = &[3]int{}
		}
		tally[fam][k]++
	}
	defer func() {
		var all [3]int
		for _, fam := range slices.Sorted(maps.Keys(tally)) {
			n := tally[fam]
			t.Logf("%-13s %4d passed %4d skipped %4d failed", fam, n[0], n[1], n[2])
			for k := range all {
				all[k] += n[k]
			}
		}
		t.Logf("%-13s %4d passed %4d skipped %4d failed (cases × years)", "all", all[0], all[1], all[2])
	}()
	byRule := map[string][]dfeCase{}
	var order []string
	for _, c := range cases {
		if _, ok := byRule[c.Rule]; !ok {
			order = append(order, c.Rule)
		}
		byRule[c.Rule] = append(byRule[c.Rule], c)
	}
	for _, code := range order {
		t.Run(code, func(t *testing.T) {
			for _, c := range byRule[code] {
				t.Run(strings.ReplaceAll(c.ID[strings.IndexByte(c.ID, '/')+1:], "#", "_"), func(t *testing.T) {
					if len(c.EffectiveIn) == 0 {
						defer count(t, "(no year)")
						t.Skip("the rule is in force in no collection year (as the open validator registers it)")
					}
					for _, ys := range c.EffectiveIn {
						y, err := ssda903.ParseYear(ys)
						if err != nil {
							t.Fatal(err)
						}
						t.Run(y.String(), func(t *testing.T) {
							fam := "(none)"
							if r := validate.Lookup(c.Rule, y); r != nil {
								fam = r.Family.String()
							}
							defer count(t, fam)
							want := c.Expected
							if e, ok := ours[c.ID+"|"+ys]; ok {
								want = e
							} else if e, ok := ours[c.ID+"|"]; ok {
								want = e
							}
							runCase(t, c, y, want)
						})
					}
				})
			}
		})
	}
}

// runCase runs one case in year y.
func runCase(t *testing.T, c dfeCase, y care.CollectionYear, want map[string][]json.RawMessage) {
	rule := validate.Lookup(c.Rule, y)
	if rule == nil {
		t.Fatalf("rule %s is not in the %s rule set", c.Rule, y)
	}
	if rule.Check == nil {
		t.Skip("not implemented yet")
	}
	this, last, labels := caseReturns(t, c, y)
	meta := caseMetadata(t, c, y)
	res, err := validate.Run(context.Background(), this, validate.Options{Metadata: meta, Last: last, Rules: []*validate.Rule{rule}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Skipped {
		t.Fatalf("skipped: %s", s.Reason)
	}
	for _, cr := range res.Crashed {
		t.Fatalf("crashed: %s", cr.Reason)
	}
	got := map[string][]string{}
	for _, rr := range res.Rules {
		for _, f := range rr.Flags {
			if f.Last {
				t.Errorf("flagged a row of the previous year's %s", f.Table)
				continue
			}
			l := labels[f.Table.String()]
			if f.Pos.Row < 1 || f.Pos.Row > len(l) {
				t.Fatalf("flagged %s row %d: out of range", f.Table, f.Pos.Row)
			}
			got[f.Table.String()] = append(got[f.Table.String()], l[f.Pos.Row-1])
		}
	}
	exp := map[string][]string{}
	for tb, ls := range want {
		for _, l := range ls {
			exp[canonTable(tb)] = append(exp[canonTable(tb)], label(l))
		}
	}
	for tb := range mergeKeys(got, exp) {
		g, e := slices.Sorted(slices.Values(got[tb])), slices.Sorted(slices.Values(exp[tb]))
		if !slices.Equal(g, e) {
			t.Errorf("%s: flagged rows %v, want %v", tb, g, e)
		}
	}
}

func mergeKeys(a, b map[string][]string) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// canonTable returns a table name of the cases as the DfE spells it.
func canonTable(name string) string {
	for _, tb := range ssda903.Tables() {
		if strings.EqualFold(tb.String(), name) {
			return tb.String()
		}
	}
	return name
}

// label returns a row label of the cases (a number or a string) as text.
func label(m json.RawMessage) string {
	var s string
	if json.Unmarshal(m, &s) == nil {
		return s
	}
	return string(m)
}

// caseReturns builds the case's return for year y, the previous year's
// (from the <Table>_last tables; nil if none), and the row labels of each
// of this year's tables by table name: row n of a file has labels[n-1].
func caseReturns(t *testing.T, c dfeCase, y care.CollectionYear) (this, last *ssda903.Return, labels map[string][]string) {
	t.Helper()
	fsThis, fsLast := fstest.MapFS{}, fstest.MapFS{}
	namesThis, namesLast := map[string]ssda903.Table{}, map[string]ssda903.Table{}
	labels = map[string][]string{}
	for name, tb := range c.Input {
		base, isLast := strings.CutSuffix(name, "_last")
		var which ssda903.Table
		for _, x := range ssda903.Tables() {
			if strings.EqualFold(x.String(), base) {
				which = x
			}
		}
		if which == ssda903.TableUnknown {
			t.Fatalf("input table %q: not a table of the return", name)
		}
		file := which.String() + ".csv"
		data := caseCSV(t, tb)
		if isLast {
			fsLast[file] = &fstest.MapFile{Data: data}
			namesLast[file] = which
			continue
		}
		fsThis[file] = &fstest.MapFile{Data: data}
		namesThis[file] = which
		for _, l := range tb.Index {
			labels[which.String()] = append(labels[which.String()], label(l))
		}
	}
	// Errors are missing or unknown columns: the cases give only the
	// columns the rule reads.
	this, _ = ssda903.ReadFSTables(fsThis, namesThis, y)
	if len(namesLast) > 0 {
		last, _ = ssda903.ReadFSTables(fsLast, namesLast, y-1)
	}
	return this, last, labels
}

// caseCSV writes a case's table as a CSV file: null as a blank cell, a
// timestamp as dd/mm/yyyy, numbers as the shortest decimal that reads
// back (20.0 as "20", 999.9 as "999.9").
func caseCSV(t *testing.T, tb dfeTable) []byte {
	t.Helper()
	// Every cell is quoted, so that a row of one blank cell is a row.
	var b bytes.Buffer
	line := func(cells []string) {
		for i, s := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	line(tb.Columns)
	for _, row := range tb.Rows {
		rec := make([]string, len(row))
		for i, cell := range row {
			rec[i] = caseCell(t, cell)
		}
		line(rec)
	}
	return b.Bytes()
}

func caseCell(t *testing.T, cell json.RawMessage) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(cell, &v); err != nil {
		t.Fatal(err)
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case map[string]any:
		if ts, ok := x["$ts"].(string); ok {
			d, err := care.ParseDate(ts[:min(len(ts), 10)])
			if err != nil {
				t.Fatalf("timestamp %q: %v", ts, err)
			}
			return ssda903.FormatDate(d)
		}
	}
	t.Fatalf("cell %s: unknown form", cell)
	return ""
}

// caseMetadata returns the case's metadata for year y: collection start
// and end (dd/mm/yyyy, or a timestamp), the authority's code. The cases'
// collectionYear (sometimes the year the collection starts, sometimes the
// year it ends) is not used: the year is the one the case runs in.
// provider_info is reference data for issue 16.
func caseMetadata(t *testing.T, c dfeCase, y care.CollectionYear) validate.Metadata {
	t.Helper()
	meta := validate.Metadata{Year: y}
	date := func(key string) care.Date {
		raw, ok := c.Metadata[key]
		if !ok {
			return care.Date{}
		}
		s := caseCell(t, raw)
		d, err := ssda903.ParseDate(s)
		if err != nil {
			t.Fatalf("metadata %s: %v", key, err)
		}
		return d
	}
	meta.Start = date("collection_start")
	meta.End = date("collection_end")
	if raw, ok := c.Metadata["localAuthority"]; ok {
		meta.Authority = caseCell(t, raw)
	}
	meta.Providers = caseProviders(t, c)
	return meta
}

// TestCasesCoverCatalogue checks that every rule a case exercises is in
// the catalogue in every year the case is effective in.
func TestCasesCoverCatalogue(t *testing.T) {
	for _, c := range loadCases(t) {
		for _, ys := range c.EffectiveIn {
			y, err := ssda903.ParseYear(ys)
			if err != nil {
				t.Fatal(err)
			}
			if validate.Lookup(c.Rule, y) == nil {
				t.Errorf("%s: rule %s not in the %s rule set", c.ID, c.Rule, y)
			}
		}
	}
}
