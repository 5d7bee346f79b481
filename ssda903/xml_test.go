package ssda903_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/ssda903"
)

// sampleXML is a synthetic XML return with every table.
const sampleXML = `<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
 <CHILD>
  <HEADER>
   <CHILDID>C1</CHILDID><UPN>A123456789012</UPN><SEX>F</SEX><DOB>01/05/2012</DOB><ETHNIC>WBRI</ETHNIC>
   <UASC>1</UASC><DUC/>
   <DATE_INT>01/06/2024</DATE_INT><DATE_MATCH>01/09/2024</DATE_MATCH><FOSTER_CARE>0</FOSTER_CARE>
   <NB_ADOPTR>2</NB_ADOPTR><SEX_ADOPTR>MF</SEX_ADOPTR><LS_ADOPTR>L11</LS_ADOPTR>
   <AMISSING><MISSING>M</MISSING><MIS_START>03/05/2025</MIS_START><MIS_END>04/05/2025</MIS_END></AMISSING>
   <IN_TOUCH>YES</IN_TOUCH><ACTIV>F1</ACTIV><ACCOM>B1</ACCOM>
   <AREVIEW><REVIEW>01/05/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
   <AREVIEW><REVIEW>01/11/2025</REVIEW><REVIEW_CODE>PN2</REVIEW_CODE></AREVIEW>
   <MOTHER>0</MOTHER><MC_DOB/>
   <PERMANENCE><PREV_PERM>Z1</PREV_PERM><LA_PERM/><DATE_PERM/></PERMANENCE>
   <OC2><SDQ_SCORE>12</SDQ_SCORE><SDQ_REASON/><CONVICTED>0</CONVICTED><HEALTH_CHECK>1</HEALTH_CHECK>
    <IMMUNISATIONS>1</IMMUNISATIONS><TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT>
    <SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE><INTERVENTION_RECEIVED>0</INTERVENTION_RECEIVED><INTERVENTION_OFFERED>0</INTERVENTION_OFFERED></OC2>
   <AD_PLACED><DATE_PLACED>01/06/2024</DATE_PLACED><DATE_PLACED_CEASED/><REASON_PLACED_CEASED/></AD_PLACED>
  </HEADER>
  <EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>AB1 2CD</PL_POST>
   <HOME_POST>AB3 4EF</HOME_POST><URN>SC123456</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC/><REC/><REASON_PLACE_CHANGE/></EPISODE>
  <SW_EPISODE><SW_ID>SW01</SW_ID><SW_DECOM>01/04/2025</SW_DECOM><SW_DEC/><SW_REASON/></SW_EPISODE>
  <DOLO><DOLO_START>02/04/2025</DOLO_START><DOLO_END/></DOLO>
 </CHILD>
 <CHILD>
  <HEADER><CHILDID>C2</CHILDID><UPN/><SEX>M</SEX><DOB>02/02/2010</DOB><ETHNIC>BAFR</ETHNIC><UASC/><MOTHER/><MC_DOB/></HEADER>
  <EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>V2</LS><CIN>N2</CIN><PL>K2</PL><PL_POST/><HOME_POST/><URN/>
   <PLACE_PROVIDER>PR3</PLACE_PROVIDER><DEC>01/06/2025</DEC><REC>E13</REC><REASON_PLACE_CHANGE/></EPISODE>
 </CHILD>
</EXPSSDA903>
`

func TestReadXML(t *testing.T) {
	r, err := ssda903.ReadXML(strings.NewReader(sampleXML), "return.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML() error = %v", err)
	}
	want := map[ssda903.Table][][]string{
		ssda903.TableHeader: {
			{"C1", "F", "01/05/2012", "WBRI", "A123456789012", "0", "", "1"},
			{"C2", "M", "02/02/2010", "BAFR", "", "", "", ""},
		},
		ssda903.TableUASC:     {{"C1", "F", "01/05/2012", ""}},
		ssda903.TableAD1:      {{"C1", "01/05/2012", "01/06/2024", "01/09/2024", "0", "2", "MF", "L11"}},
		ssda903.TableOC3:      {{"C1", "01/05/2012", "YES", "F1", "B1"}},
		ssda903.TableMissing:  {{"C1", "01/05/2012", "M", "03/05/2025", "04/05/2025"}},
		ssda903.TableReviews:  {{"C1", "01/05/2012", "01/05/2025", "PN1"}, {"C1", "01/05/2012", "01/11/2025", "PN2"}},
		ssda903.TablePrevPerm: {{"C1", "01/05/2012", "Z1", "", ""}},
		ssda903.TableOC2:      {{"C1", "01/05/2012", "12", "", "0", "1", "1", "1", "1", "0", "0", "0"}},
		ssda903.TablePlacedAdoption: {
			{"C1", "01/05/2012", "01/06/2024", "", ""},
		},
		ssda903.TableEpisodes: {
			{"C1", "01/04/2025", "S", "C2", "N1", "U4", "PR1", "", "", "", "AB3 4EF", "AB1 2CD", "SC123456"},
			{"C2", "01/04/2025", "S", "V2", "N2", "K2", "PR3", "01/06/2025", "E13", "", "", "", ""},
		},
		ssda903.TableSWEpisodes: {{"C1", "01/05/2012", "SW01", "01/04/2025", "", ""}},
		ssda903.TableDoLo:       {{"C1", "01/05/2012", "02/04/2025", ""}},
	}
	got := map[ssda903.Table][][]string{}
	for _, tb := range ssda903.Tables() {
		rt := r.Table(tb)
		if rt == nil {
			continue
		}
		for i := range rt.Len() {
			got[tb] = append(got[tb], rt.Row(i))
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables mismatch (-want +got):\n%s", diff)
	}
	if p := r.Table(ssda903.TableReviews).Pos(1); p != (ssda903.Pos{File: "return.xml", Row: 2, Line: 12}) {
		t.Errorf("Reviews Pos(1) = %+v, want row 2 on line 12", p)
	}
	if p := r.Table(ssda903.TableEpisodes).Pos(1); p.Row != 2 || p.Line != 27 {
		t.Errorf("Episodes Pos(1) = %+v, want row 2 on line 27", p)
	}
}

func TestXMLRoundTrip(t *testing.T) {
	r, err := ssda903.ReadXML(strings.NewReader(sampleXML), "return.xml", 2025)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r.WriteXML(&buf); err != nil {
		t.Fatalf("WriteXML() error = %v", err)
	}
	back, err := ssda903.ReadXML(&buf, "again.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML(written) error = %v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(rawTables(r), rawTables(back)); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

func TestReadXMLProblems(t *testing.T) {
	wrap := func(child string) string {
		return `<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><DOB>01/01/2015</DOB>` + child + `</CHILD></EXPSSDA903>`
	}
	tests := []struct {
		name     string
		xml      string
		sentinel error
		column   string
		reviews  int // Reviews rows read
	}{
		{name: "unknown field in HEADER", xml: wrap(`<NAME>x</NAME></HEADER>`), sentinel: ssda903.ErrUnknownColumn, column: "NAME"},
		{name: "unknown field in a row", xml: wrap(`<AREVIEW><REVIEW>01/01/2025</REVIEW><WHO>x</WHO></AREVIEW></HEADER>`),
			sentinel: ssda903.ErrUnknownColumn, column: "WHO", reviews: 1},
		{name: "field twice", xml: wrap(`<AREVIEW><REVIEW>01/01/2025</REVIEW><REVIEW>02/01/2025</REVIEW></AREVIEW></HEADER>`),
			sentinel: ssda903.ErrDuplicate, column: "REVIEW", reviews: 1},
		{name: "text between elements", xml: wrap(`</HEADER>stray`), sentinel: ssda903.ErrMalformed},
		{name: "element inside a field", xml: wrap(`<UPN><B>x</B></UPN></HEADER>`), sentinel: ssda903.ErrMalformed, column: "UPN"},
		{name: "not a return", xml: `<SOMETHING/>`, sentinel: ssda903.ErrUnknownTable},
		{name: "not XML", xml: "CHILD,DOB\n1,2\n", sentinel: ssda903.ErrUnknownTable},
		{name: "unclosed element", xml: `<EXPSSDA903><CHILD><HEADER>`, sentinel: ssda903.ErrMalformed},
		{name: "CHILD with no HEADER", xml: `<EXPSSDA903><CHILD></CHILD></EXPSSDA903>`, sentinel: ssda903.ErrMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ssda903.ReadXML(strings.NewReader(tc.xml), "x.xml", 2025)
			errs := problems(t, err)
			if len(errs) != 1 || !errors.Is(errs[0], tc.sentinel) || errs[0].Column != tc.column {
				t.Fatalf("problems = %v, want one %v at column %q", errs, tc.sentinel, tc.column)
			}
			if n := 0; r.Table(ssda903.TableReviews) != nil {
				n = r.Table(ssda903.TableReviews).Len()
				if n != tc.reviews {
					t.Errorf("Reviews rows = %d, want %d", n, tc.reviews)
				}
			}
		})
	}
}

func TestReadXMLEncodings(t *testing.T) {
	body := `<EXPSSDA903><CHILD><HEADER><CHILDID>C\xE91</CHILDID></HEADER></CHILD></EXPSSDA903>`
	for _, tc := range []struct{ label, want string }{
		{"ISO-8859-1", "Cé1"}, {"windows-1252", "Cé1"},
	} {
		t.Run(tc.label, func(t *testing.T) {
			doc := `<?xml version="1.0" encoding="` + tc.label + `"?>` + strings.ReplaceAll(body, `\xE9`, "\xE9")
			r, err := ssda903.ReadXML(strings.NewReader(doc), "x.xml", 2025)
			if err != nil {
				t.Fatalf("ReadXML() error = %v", err)
			}
			if got, _ := r.Table(ssda903.TableHeader).Cell(0, "CHILD"); got != tc.want {
				t.Errorf("CHILD = %q, want %q", got, tc.want)
			}
		})
	}
	utf16doc := utf16LE(`<?xml version="1.0" encoding="UTF-16"?><EXPSSDA903><CHILD><HEADER><CHILDID>C£</CHILDID></HEADER></CHILD></EXPSSDA903>`)
	r, err := ssda903.ReadXML(bytes.NewReader(utf16doc), "x.xml", 2025)
	if err != nil {
		t.Fatalf("ReadXML(UTF-16) error = %v", err)
	}
	if got, _ := r.Table(ssda903.TableHeader).Cell(0, "CHILD"); got != "C£" {
		t.Errorf("CHILD = %q", got)
	}
}

func TestWriteXMLProblems(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		sentinel error
		table    ssda903.Table
		column   string
	}{
		{name: "row of a child with no Header row", files: map[string]string{
			"h.csv": headerCSV + "1,1,01/01/2015,WBRI,,,\n",
			"r.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n2,01/01/2015,01/01/2025,PN1\n"},
			sentinel: ssda903.ErrNoChild, table: ssda903.TableReviews, column: "CHILD"},
		{name: "two AD1 rows", files: map[string]string{
			"h.csv": headerCSV + "1,1,01/01/2015,WBRI,,,\n",
			"a.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n1,01/01/2015,,,,,,\n1,01/01/2015,,,,,,\n"},
			sentinel: ssda903.ErrDuplicate, table: ssda903.TableAD1},
		{name: "DOB differs from the Header's", files: map[string]string{
			"h.csv": headerCSV + "1,1,01/01/2015,WBRI,,,\n",
			"r.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\n1,1/1/2015,01/01/2025,PN1\n"},
			sentinel: ssda903.ErrCannotWrite, table: ssda903.TableReviews, column: "DOB"},
		{name: "control character", files: map[string]string{
			"h.csv": headerCSV + "1,1,01/01/2015,WB\x01RI,,,\n"},
			sentinel: ssda903.ErrCannotWrite, table: ssda903.TableHeader, column: "ETHNIC"},
		{name: "column with no element", files: map[string]string{
			"h.csv": strings.TrimSpace(headerCSV) + ",NAME\n1,1,01/01/2015,WBRI,,,,x\n"},
			sentinel: ssda903.ErrCannotWrite, table: ssda903.TableHeader, column: "NAME"},
		{name: "second Header row of a child", files: map[string]string{
			"h.csv": headerCSV + "1,1,01/01/2015,WBRI,,,\n1,1,01/01/2015,WBRI,,,\n"},
			sentinel: ssda903.ErrDuplicate, table: ssda903.TableHeader, column: "CHILD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := map[string]string{}
			for k, v := range tc.files {
				fsys[k+".csv"] = v
			}
			r, _ := ssda903.ReadFS(mapFS(fsys), 2025)
			var buf bytes.Buffer
			errs := problems(t, r.WriteXML(&buf))
			if len(errs) != 1 || !errors.Is(errs[0], tc.sentinel) || errs[0].Table != tc.table || errs[0].Column != tc.column {
				t.Fatalf("WriteXML() problems = %v, want one %v in %s column %q", errs, tc.sentinel, tc.table, tc.column)
			}
			if buf.Len() != 0 {
				t.Errorf("WriteXML() wrote %d bytes despite the problems", buf.Len())
			}
		})
	}
}
