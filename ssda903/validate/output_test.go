package validate_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// exampleResult validates a two-child Header table against rules 102,
// 103 and 148 (which is skipped: there is no Episodes table).
func exampleResult() *validate.Result {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
		"C1,1,01/02/2012,WBRI,UN1,,\n" +
		"C2,2,31/02/2013,XXXX,UN1,,\n" +
		"C3,2,01/02/2013,ZZZZ,UN1,,\n"
	ret, _ := ssda903.ReadCSV(strings.NewReader(header), "header.csv", 2025)
	res, err := validate.Run(context.Background(), ret, validate.Options{
		Metadata: validate.Metadata{Year: 2025, Authority: "201"},
		Codes:    []string{"102", "103", "148"},
	})
	if err != nil {
		panic(err)
	}
	return res
}

// The text output gives the counts by rule, the rules that passed or
// were skipped, and then the first rows each rule flagged: named by
// table, file and row, never showing a cell.
func ExampleResult_WriteText() {
	res := exampleResult()
	if err := res.WriteText(os.Stdout, validate.TextOptions{Rows: 1}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// SSDA903 validation of the 2025-26 return (1 April 2025 to 31 March 2026), authority 201
	// Rules: 2 ran (2 flagged, 0 passed), 1 skipped, 0 crashed.
	// Flagged: 3 rows of 2 children.
	//
	// Flagged rules
	// Rule  Rows  Children  Message
	// 102   1     1         Date of birth is not a valid date.
	// 103   2     2         The ethnicity code is either not valid or has not been entered.
	//
	// Skipped (1), by reason
	//   the return has no Episodes table (1)
	//     148
	//
	// Flagged rows (the first 1 of each rule)
	//
	// 102  Date of birth is not a valid date.
	//     Fields: DOB
	//     Header  header.csv:3 (row 2)  child C2
	//
	// 103  The ethnicity code is either not valid or has not been entered.
	//     Fields: ETHNIC
	//     Header  header.csv:3 (row 2)  child C2
	//     … and 1 more
}

// The JSON output lists every rule that ran, with its flagged rows, and
// the rules skipped and crashed, with the reasons.
func ExampleResult_WriteJSON() {
	res := exampleResult()
	if err := res.WriteJSON(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "format_version": 1,
	//   "collection_year": "2025-26",
	//   "collection_start": "2025-04-01",
	//   "collection_end": "2026-03-31",
	//   "authority": "201",
	//   "summary": {"rules_run": 2, "rules_flagged": 2, "rules_passed": 0, "rules_skipped": 1, "rules_crashed": 0, "rows_flagged": 3, "children_flagged": 2},
	//   "rules": [
	//     {"code": "102", "message": "Date of birth is not a valid date.", "fields": ["DOB"], "family": "field", "rows_flagged": 1, "children_flagged": 1,
	//      "rows": [
	//       {"child": "C2", "table": "Header", "file": "header.csv", "row": 2, "line": 3, "previous_year": false}
	//      ]},
	//     {"code": "103", "message": "The ethnicity code is either not valid or has not been entered.", "fields": ["ETHNIC"], "family": "field", "rows_flagged": 2, "children_flagged": 2,
	//      "rows": [
	//       {"child": "C2", "table": "Header", "file": "header.csv", "row": 2, "line": 3, "previous_year": false},
	//       {"child": "C3", "table": "Header", "file": "header.csv", "row": 3, "line": 4, "previous_year": false}
	//      ]}
	//   ],
	//   "skipped": [
	//     {"code": "148", "message": "Date episode ceased and reason episode ceased must both be coded, or both left blank.", "reason": "the return has no Episodes table"}
	//   ],
	//   "crashed": []
	// }
}

// The CSV output has a line per flagged row, by child, in the layout of
// the DfE tool's child-level report.
func ExampleResult_WriteCSV() {
	res := exampleResult()
	if err := res.WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Child,Table,Row,Rule,Message,Fields,File,Line,Previous year
	// C2,Header,2,102,Date of birth is not a valid date.,DOB,header.csv,3,
	// C2,Header,2,103,The ethnicity code is either not valid or has not been entered.,ETHNIC,header.csv,3,
	// C3,Header,3,103,The ethnicity code is either not valid or has not been entered.,ETHNIC,header.csv,4,
}

// everyRow returns a rule that flags every row of every table of both
// years' returns: a test rule that lets every cell reach the outputs, if
// they leaked any.
func everyRow() *validate.Rule {
	return &validate.Rule{Code: "T1", Message: "every row", Fields: []string{"DOB", "UPN"}, Years: validate.Years{From: 2022},
		Family: validate.FamilyField,
		Check: func(c *validate.Check) {
			for _, t := range ssda903.Tables() {
				for _, tb := range []*validate.Table{c.Table(t), c.Last(t)} {
					if tb == nil {
						continue
					}
					for i := range tb.Len() {
						c.Flag(tb, i)
					}
				}
			}
		}}
}

// The outputs never show a cell but CHILD: not the dates of birth, UPNs,
// postcodes, URNs or distances, nor any other.
func TestOutputsQuoteNoCell(t *testing.T) {
	files := map[string]string{
		"Header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
			"K1,SEXVAL,17/05/2011,ETHVAL,UPNSECRET1,MOTHERVAL,23/09/2030\n",
		"Episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_DISTANCE\n" +
			"K1,03/06/2025,RNEVAL,LSVAL,CINVAL,PLVAL,PROVVAL,DECVAL,RECVAL,RPCVAL,ZZ9 9ZZ,YY8 8YY,URN777777,123.45\n",
	}
	ret := readTables(t, files)
	boom := &validate.Rule{Code: "T2", Message: "crashes", Fields: []string{"DOB"}, Years: validate.Years{From: 2022},
		Check: func(c *validate.Check) { panic(c.Table(ssda903.TableHeader).Text(0, "DOB")) }}
	notYet := &validate.Rule{Code: "T3", Message: "not written yet", Years: validate.Years{From: 2022}}
	res, err := validate.Run(context.Background(), ret, validate.Options{
		Metadata: validate.Metadata{Year: 2025},
		Last:     ret,
		Rules:    []*validate.Rule{everyRow(), boom, validate.Lookup("148", 2025), notYet},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count() != 4 || len(res.Crashed) != 1 {
		t.Fatalf("%d rows flagged, %d crashed; want 4 and 1", res.Count(), len(res.Crashed))
	}
	outs := map[string]*bytes.Buffer{"text": {}, "json": {}, "csv": {}}
	if err := res.WriteText(outs["text"], validate.TextOptions{Rows: -1}); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteJSON(outs["json"]); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteCSV(outs["csv"]); err != nil {
		t.Fatal(err)
	}
	secrets := []string{"17/05/2011", "2011", "23/09/2030", "UPNSECRET1", "ZZ9", "YY8", "URN777777", "777", "123.45",
		"SEXVAL", "ETHVAL", "MOTHERVAL", "RNEVAL", "LSVAL", "CINVAL", "PLVAL", "PROVVAL", "DECVAL", "RECVAL", "RPCVAL", "03/06/2025"}
	for name, out := range outs {
		for _, s := range secrets {
			if strings.Contains(out.String(), s) {
				t.Errorf("%s output quotes the cell %q:\n%s", name, s, out)
			}
		}
		if !strings.Contains(out.String(), "K1") {
			t.Errorf("%s output does not name the child", name)
		}
	}
	// Skipped and crashed rules are in the text and the JSON.
	for _, name := range []string{"text", "json"} {
		for _, s := range []string{"T2", "the rule's function failed", "148", "T3", "not implemented yet"} {
			if !strings.Contains(outs[name].String(), s) {
				t.Errorf("%s output does not say %q:\n%s", name, s, outs[name])
			}
		}
	}
}

// jsonResult is the documented JSON layout (WriteJSON's doc comment).
type jsonResult struct {
	FormatVersion   *int    `json:"format_version"`
	CollectionYear  string  `json:"collection_year"`
	CollectionStart string  `json:"collection_start"`
	CollectionEnd   string  `json:"collection_end"`
	Authority       *string `json:"authority"`
	Summary         struct {
		RulesRun        *int `json:"rules_run"`
		RulesFlagged    *int `json:"rules_flagged"`
		RulesPassed     *int `json:"rules_passed"`
		RulesSkipped    *int `json:"rules_skipped"`
		RulesCrashed    *int `json:"rules_crashed"`
		RowsFlagged     *int `json:"rows_flagged"`
		ChildrenFlagged *int `json:"children_flagged"`
	} `json:"summary"`
	Rules []struct {
		Code            string   `json:"code"`
		Message         string   `json:"message"`
		Fields          []string `json:"fields"`
		Family          string   `json:"family"`
		RowsFlagged     int      `json:"rows_flagged"`
		ChildrenFlagged int      `json:"children_flagged"`
		Rows            []struct {
			Child        string `json:"child"`
			Table        string `json:"table"`
			File         string `json:"file"`
			Row          int    `json:"row"`
			Line         int    `json:"line"`
			PreviousYear *bool  `json:"previous_year"`
		} `json:"rows"`
	} `json:"rules"`
	Skipped []jsonReason `json:"skipped"`
	Crashed []jsonReason `json:"crashed"`
}

type jsonReason struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Reason  string `json:"reason"`
}

// The JSON of the shared synthetic return, this year's and last year's,
// decodes strictly into the documented layout, and agrees with the
// result and with the CSV, row for row.
func TestJSONAndCSVAgree(t *testing.T) {
	ret, last := sharedReturn(t)
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: 2025}, Last: last})
	if err != nil {
		t.Fatal(err)
	}
	var js, cs bytes.Buffer
	if err := res.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if err := res.WriteCSV(&cs); err != nil {
		t.Fatal(err)
	}
	var out jsonResult
	dec := json.NewDecoder(&js)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	if out.FormatVersion == nil || *out.FormatVersion != validate.FormatVersion || out.CollectionYear != "2025-26" ||
		out.CollectionStart != "2025-04-01" || out.CollectionEnd != "2026-03-31" {
		t.Errorf("JSON heading: %v %q %q %q", out.FormatVersion, out.CollectionYear, out.CollectionStart, out.CollectionEnd)
	}
	if s := out.Summary; s.RowsFlagged == nil || *s.RowsFlagged != res.Count() || *s.RulesRun != len(res.Rules) ||
		*s.RulesSkipped != len(res.Skipped) || *s.RulesCrashed != len(res.Crashed) || *s.ChildrenFlagged != len(res.ByChild()) {
		t.Errorf("JSON summary %+v disagrees with the result", s)
	}
	if len(out.Rules) != len(res.Rules) || out.Skipped == nil || out.Crashed == nil {
		t.Fatalf("JSON has %d rules, want %d; skipped nil %v, crashed nil %v", len(out.Rules), len(res.Rules), out.Skipped == nil, out.Crashed == nil)
	}
	rows := 0
	for i, r := range out.Rules {
		if i > 0 && validate.CompareCodes(out.Rules[i-1].Code, r.Code) > 0 {
			t.Errorf("JSON rules out of order: %s before %s", out.Rules[i-1].Code, r.Code)
		}
		if r.Rows == nil || len(r.Rows) != r.RowsFlagged {
			t.Errorf("rule %s: %d rows, rows_flagged %d", r.Code, len(r.Rows), r.RowsFlagged)
		}
		for _, row := range r.Rows {
			if row.Child == "" || row.Table == "" || row.File == "" || row.Row < 1 || row.PreviousYear == nil {
				t.Errorf("rule %s: incomplete row %+v", r.Code, row)
			}
		}
		rows += len(r.Rows)
	}
	recs, err := csv.NewReader(&cs).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs)-1 != rows || rows != res.Count() {
		t.Errorf("CSV has %d rows, JSON %d, result %d", len(recs)-1, rows, res.Count())
	}
}

// A CHILD cell that would forge a line of the text, or be taken for a
// formula by a spreadsheet, is quoted.
func TestHostileChild(t *testing.T) {
	ret := readTables(t, map[string]string{"Header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
		"\"K1\nRules: 0 ran\",1,01/01/2015,XXXX,,,\n=HYPERLINK(1),1,01/01/2015,XXXX,,,\n"})
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: validate.Metadata{Year: 2025}, Codes: []string{"103"}})
	if err != nil {
		t.Fatal(err)
	}
	var text, cs bytes.Buffer
	if err := res.WriteText(&text, validate.TextOptions{Rows: -1}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text.String(), "\nRules: 0 ran") || !strings.Contains(text.String(), `child "K1\nRules: 0 ran"`) {
		t.Errorf("text output lets a child's code forge a line:\n%s", text.String())
	}
	if err := res.WriteCSV(&cs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cs.String(), "\n'=HYPERLINK(1),") {
		t.Errorf("CSV does not guard a formula:\n%s", cs.String())
	}
}
