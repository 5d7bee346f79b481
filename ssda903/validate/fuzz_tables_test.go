package validate_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// FuzzRunTables extends FuzzRun (Header and Episodes only) to every table
// of the return and of the previous year's, the authority's code, and the
// outputs: the whole catalogue of a year runs on arbitrary files read as
// each table (whatever their header rows), and no rule may crash; one
// child's run must agree with the whole return's; the text, JSON and CSV
// must be written, the JSON valid, and the CSV a line for each flagged
// row. this and last hold a file per table, in the order of
// ssda903.Tables(), separated by form feeds.
func FuzzRunTables(f *testing.F) {
	var seed []string
	for _, name := range []string{"header.csv", "episodes.csv", "reviews.csv", "uasc.csv", "oc2.csv", "oc3.csv", "ad1.csv",
		"placed_for_adoption.csv", "previous_permanence.csv", "missing.csv", "sw_episodes.csv", "DoLo.csv"} {
		data, err := os.ReadFile(filepath.Join(sharedDir, name))
		if err != nil {
			f.Fatal(err)
		}
		lines := strings.SplitAfter(string(data), "\n")
		seed = append(seed, strings.Join(lines[:min(len(lines), 6)], ""))
	}
	f.Add(strings.Join(seed, "\f"), strings.Join(seed[:4], "\f"), uint8(3), "201")
	f.Add("CHILD,SEX,DOB,ETHNIC\n1,1,29/02/2008,wbri\n\fCHILD,DECOM,LS,DEC\n1,1/4/2025,l3,31/04/2025\n\f\f\f\f\f\f\f\f\f\fCHILD,DOLO_START\n1,x\n", "", uint8(4), "")
	f.Add("\f\f\f", "\fCHILD\n", uint8(0), "999")
	f.Fuzz(func(t *testing.T, this, last string, year uint8, la string) {
		ctx := context.Background()
		ret := readSplit(this)
		opts := validate.Options{Metadata: validate.Metadata{Year: validate.RuleSetYears()[int(year)%len(validate.RuleSetYears())], Authority: la}}
		if last != "" {
			opts.Last = readSplit(last)
		}
		res, err := validate.Run(ctx, ret, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Crashed {
			t.Errorf("rule %s crashed: %s", c.Rule.Code, c.Reason)
		}
		var text, js, cs bytes.Buffer
		if err := res.WriteText(&text, validate.TextOptions{Rows: -1}); err != nil {
			t.Fatal(err)
		}
		if err := res.WriteJSON(&js); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(js.Bytes()) {
			t.Fatalf("invalid JSON:\n%s", js.String())
		}
		if err := res.WriteCSV(&cs); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&cs).ReadAll()
		if err != nil || len(recs) != res.Count()+1 {
			t.Fatalf("CSV: %d records for %d flagged rows, %v", len(recs), res.Count(), err)
		}
		byChild := res.ByChild()
		if len(byChild) == 0 {
			return
		}
		want := byChild[len(byChild)/2]
		one, err := validate.RunChild(ctx, ret, want.Child, opts)
		if err != nil {
			t.Fatal(err)
		}
		got := one.ByChild()
		if len(got) != 1 || !slices.Equal(got[0].Flags, want.Flags) {
			t.Errorf("child %q: RunChild gives %v, Run %v", want.Child, got, want.Flags)
		}
	})
}

// readSplit reads files separated by form feeds as the tables of a
// return, in the order of ssda903.Tables().
func readSplit(s string) *ssda903.Return {
	fsys := fstest.MapFS{}
	names := map[string]ssda903.Table{}
	for k, text := range strings.Split(s, "\f") {
		if k >= len(ssda903.Tables()) {
			break
		}
		t := ssda903.Tables()[k]
		name := t.String() + ".csv"
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		names[name] = t
	}
	ret, _ := ssda903.ReadFSTables(fsys, names, 2025)
	return ret
}
