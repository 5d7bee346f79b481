package validate_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

const sharedDir = "../testdata/dfe/fake_data"

// readTables reads CSV texts keyed by file name, each file's table known
// from the key's stem ("Episodes.csv").
func readTables(t testing.TB, files map[string]string) *ssda903.Return {
	t.Helper()
	return readTablesOf(t, 2025, files)
}

// readTablesOf reads files, each named by its table ("Episodes.csv"), as
// the return of year y.
func readTablesOf(t testing.TB, y care.CollectionYear, files map[string]string) *ssda903.Return {
	t.Helper()
	fsys := fstest.MapFS{}
	names := map[string]ssda903.Table{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		for _, tb := range ssda903.Tables() {
			if strings.EqualFold(tb.String()+".csv", name) {
				names[name] = tb
			}
		}
	}
	ret, _ := ssda903.ReadFSTables(fsys, names, y)
	return ret
}

func TestAbsentTableSkipsEmptyTableRuns(t *testing.T) {
	ret := readTables(t, map[string]string{"Header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,01/01/2015,WBRI,UN1,,\n"})
	res, err := validate.Run(context.Background(), ret, validate.Options{Codes: []string{"148", "103"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Rule.Code != "148" || !strings.Contains(res.Skipped[0].Reason, "no Episodes table") {
		t.Errorf("skipped = %+v, want 148 for want of Episodes", res.Skipped)
	}
	if _, ran := res.Flagged("148"); ran {
		t.Error("148 ran without its table")
	}
	// A table with a header and no rows is present: its rules run.
	ret = readTables(t, map[string]string{"Episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"})
	res, _ = validate.Run(context.Background(), ret, validate.Options{Codes: []string{"148"}})
	if flags, ran := res.Flagged("148"); !ran || len(flags) != 0 || len(res.Skipped) != 0 {
		t.Errorf("empty Episodes: ran %v, flags %v, skipped %+v", ran, flags, res.Skipped)
	}
}

func TestCrashedRuleReported(t *testing.T) {
	ret := readTables(t, map[string]string{"Header.csv": "CHILD,DOB\n1,01/01/2015\n"})
	boom := &validate.Rule{Code: "X1", Message: "test", Tables: []ssda903.Table{ssda903.TableHeader}, Years: validate.Years{From: 2022},
		Check: func(c *validate.Check) {
			var s []int
			_ = s[c.Table(ssda903.TableHeader).Len()] // index out of range
		}}
	secret := &validate.Rule{Code: "X2", Message: "test", Years: validate.Years{From: 2022},
		Check: func(c *validate.Check) { panic("01/01/2015") }}
	ok := validate.Lookup("102", 2025)
	res, err := validate.Run(context.Background(), ret, validate.Options{Rules: []*validate.Rule{boom, secret, ok}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Crashed) != 2 || res.Crashed[0].Rule != boom || !strings.Contains(res.Crashed[0].Reason, "index out of range") {
		t.Fatalf("crashed = %+v", res.Crashed)
	}
	if strings.Contains(res.Crashed[1].Reason, "2015") {
		t.Errorf("crash reason quotes the panic value: %q", res.Crashed[1].Reason)
	}
	if _, ran := res.Flagged("102"); !ran {
		t.Error("102 did not run after the crashes")
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ret := readTables(t, map[string]string{"Header.csv": "CHILD,DOB\n1,01/01/2015\n"})
	res, err := validate.Run(ctx, ret, validate.Options{Metadata: validate.Metadata{Year: 2025}})
	if !errors.Is(err, context.Canceled) || len(res.Rules) != 0 {
		t.Errorf("err = %v, %d rules ran", err, len(res.Rules))
	}
}

func TestNoRuleSet(t *testing.T) {
	_, err := validate.Run(context.Background(), nil, validate.Options{Metadata: validate.Metadata{Year: 2019}})
	if !errors.Is(err, validate.ErrNoRuleSet) {
		t.Errorf("err = %v", err)
	}
}

// One child's rows alone get the flags the whole return gives that child.
func TestRunChildSameFlags(t *testing.T) {
	ret, _ := ssda903.ReadDir(sharedDir, 2025)
	opts := validate.Options{Metadata: validate.Metadata{Year: 2025}}
	whole, err := validate.Run(context.Background(), ret, opts)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]validate.ChildFlag{}
	for _, cr := range whole.ByChild() {
		want[cr.Child] = cr.Flags
	}
	if len(want) < 10 {
		t.Fatalf("only %d children flagged: too few to test", len(want))
	}
	n := 0
	for child := range want {
		if n++; n > 40 {
			break
		}
		res, err := validate.RunChild(context.Background(), ret, child, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []validate.ChildFlag
		for _, cr := range res.ByChild() {
			if cr.Child != child {
				t.Errorf("RunChild(%s) flagged child %s", child, cr.Child)
			}
			got = cr.Flags
		}
		if !slices.Equal(got, want[child]) {
			t.Errorf("RunChild(%s) = %v, want %v", child, got, want[child])
		}
	}
}

// The catalogue's years agree with the rule lists and with the cases'
// summary, and no two versions of a rule overlap.
func TestRuleSets(t *testing.T) {
	wantCount := map[care.CollectionYear]int{2022: 293, 2023: 312, 2024: 305, 2025: 311, 2026: 322}
	for _, y := range validate.RuleSetYears() {
		set := validate.RuleSet(y)
		if len(set) != wantCount[y] {
			t.Errorf("%s: %d rules, want %d", y, len(set), wantCount[y])
		}
		seen := map[string]bool{}
		for _, r := range set {
			if seen[r.Code] {
				t.Errorf("%s: two versions of %s", y, r.Code)
			}
			seen[r.Code] = true
			if r.Message == "" || len(r.Fields) == 0 || r.Family == validate.FamilyUnknown || !r.Years.Contains(y) {
				t.Errorf("%s: rule %s incomplete: %+v", y, r.Code, r)
			}
		}
		added, amended, deleted := validate.Changes(y)
		if y > 2022 {
			prev := map[string]bool{}
			for _, r := range validate.RuleSet(y - 1) {
				prev[r.Code] = true
			}
			if len(prev)+len(added)-len(deleted) != len(set) {
				t.Errorf("%s: %d + %d added − %d deleted ≠ %d", y, len(prev), len(added), len(deleted), len(set))
			}
			for _, c := range amended {
				if !prev[c] || !seen[c] {
					t.Errorf("%s: amended %s not in both years", y, c)
				}
			}
		}
	}
	for y, file := range map[care.CollectionYear]string{2025: "rules_2025_26.json", 2026: "rules_2026_27.json"} {
		data, err := os.ReadFile("../testdata/dfe/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var list struct {
			Rules []struct {
				Code    string `json:"code"`
				Primary string `json:"primary"`
			} `json:"rules"`
		}
		if err := json.Unmarshal(data, &list); err != nil {
			t.Fatal(err)
		}
		for _, r := range list.Rules {
			got := validate.Lookup(r.Code, y)
			if got == nil || got.Family.String() != r.Primary {
				t.Errorf("%s: rule %s (%s): catalogue has %+v", y, r.Code, r.Primary, got)
			}
		}
	}
}

func TestCompareCodes(t *testing.T) {
	codes := []string{"SW01aSTG1", "1004", "503G", "103", "INT32", "503A", "99"}
	slices.SortFunc(codes, validate.CompareCodes)
	want := []string{"99", "103", "503A", "503G", "1004", "INT32", "SW01aSTG1"}
	if !slices.Equal(codes, want) {
		t.Errorf("sorted %v, want %v", codes, want)
	}
}

// The collection period's default dates are 1 April and 31 March, its
// first and last days.
func TestDefaultPeriod(t *testing.T) {
	ret, err := ssda903.ReadCSV(strings.NewReader("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/02/2012,WBRI,UN1,,\n"), "h.csv", 2025)
	if err != nil {
		t.Fatal(err)
	}
	res, err := validate.Run(context.Background(), ret, validate.Options{Codes: []string{"102"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Meta.Start, care.MustDate(2025, time.April, 1); got != want {
		t.Errorf("Start = %s, want %s", got, want)
	}
	if got, want := res.Meta.End, care.MustDate(2026, time.March, 31); got != want {
		t.Errorf("End = %s, want %s", got, want)
	}
}
