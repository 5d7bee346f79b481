package reference_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/reference"
)

const fakeData = "../testdata/dfe/fake_data/"

func readXLSX(t testing.TB, file string) (*reference.Providers, error) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fakeData, file))
	if err != nil {
		t.Fatal(err)
	}
	return reference.ReadProvidersXLSX(bytes.NewReader(b), int64(len(b)), file)
}

func d(s string) care.Date {
	x, err := care.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

// TestReadProvidersXLSXFakeLists reads every layout of the DfE validator's
// fake Ofsted lists.
func TestReadProvidersXLSXFakeLists(t *testing.T) {
	tests := []struct {
		file  string
		urns  []string
		check func(t *testing.T, ps *reference.Providers)
	}{
		{"ch_fake.xlsx", []string{"NJASCN"}, func(t *testing.T, ps *reference.Providers) {
			p, _ := ps.Lookup("njascn")
			want := reference.Provider{URN: "NJASCN", Name: "The Setting", Type: "Childrens Home", Subtype: "Local Fostering",
				Sector: "Section", LocalAuthority: "East Sussex", Status: "Active", Registered: d("2023-12-01"),
				Postcode: "BN20 8JX", PlacementCodes: []string{"COD3"}, ProviderCodes: []string{"COD3C0D3"},
				Sheet: "Provider information", Row: 2}
			if !equalProvider(p, want) {
				t.Errorf("got  %+v\nwant %+v", p, want)
			}
		}},
		{"scp_fake.xlsx", []string{"BABABOOEY", "P4BABOO7"}, func(t *testing.T, ps *reference.Providers) {
			cur, _ := ps.Lookup("BABABOOEY")
			if cur.Sheet != "Current providers" || cur.Postcode != "BN20 8JX" || !cur.HasPlaces || cur.Places != 20 || !cur.Closed.IsZero() {
				t.Errorf("current provider: %+v", cur)
			}
			closed, _ := ps.Lookup("p4baboo7")
			if closed.Sheet != "Providers closed in 2022-23" || closed.Closed != d("2023-01-01") || closed.Status != "Closed" {
				t.Errorf("closed provider: %+v", closed)
			}
		}},
		{"combined_scp_ch_fake.xlsx", []string{"ARN00001", "GND00002", "MDR00003", "RHN00004"}, func(t *testing.T, ps *reference.Providers) {
			p, _ := ps.Lookup("ARN00001")
			if !slices.Equal(p.PlacementCodes, []string{"U1", "U2", "U3", "U4", "U5", "U6"}) ||
				!slices.Equal(p.ProviderCodes, []string{"RD1", "RD2"}) || p.Places != 300 || p.Registered != d("2021-05-05") {
				t.Errorf("ARN00001: %+v", p)
			}
			if p, _ := ps.Lookup("MDR00003"); p.Registered != d("1993-12-16") || p.Subtype != "Secure Unit" || p.Postcode != "MO6 7NN" {
				t.Errorf("MDR00003: %+v", p)
			}
			if p, _ := ps.Lookup("GND00002"); p.HasPlaces {
				t.Errorf("GND00002 has no places: %+v", p)
			}
		}},
		{"scp_ch_2025_fake.xlsx", []string{"1", "2"}, func(t *testing.T, ps *reference.Providers) {
			p, _ := ps.Lookup("1")
			if p.Name != "Provision Provider" || p.Registered != d("2025-01-01") || p.Postcode != "RT1 4RT" || p.Places != 10 ||
				!slices.Equal(p.PlacementCodes, []string{"H5"}) || !slices.Equal(p.ProviderCodes, []string{"RRR"}) {
				t.Errorf("provider 1: %+v", p)
			}
			sa, _ := ps.Lookup("2")
			if sa.Sheet != "SA Providers" || sa.LocalAuthority != "SA LA" || sa.Closed != d("2024-02-01") ||
				sa.Postcode != "P05 7OD" || !slices.Equal(sa.PlacementCodes, []string{"N1"}) || sa.ProviderCodes != nil {
				t.Errorf("supported accommodation provider: %+v", sa)
			}
		}},
		{"scpch_assisted.xlsx", []string{"ARN00001", "GND00002", "MDR00003", "RHN00004", "ISL00001", "TNT00001"}, func(t *testing.T, ps *reference.Providers) {
			p, _ := ps.Lookup("ISL00001")
			if p.Closed != (care.Date{}) || p.Registered != d("2000-01-01") || p.Places != 0 || p.HasPlaces == true {
				// Capacity "One" is not a number: reported, and left unset.
				t.Errorf("ISL00001: %+v", p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ps, err := readXLSX(t, tt.file)
			if err != nil && tt.file != "scpch_assisted.xlsx" {
				t.Fatal(err)
			}
			var urns []string
			for _, p := range ps.All() {
				urns = append(urns, p.URN)
			}
			if !slices.Equal(urns, tt.urns) {
				t.Errorf("URNs %q, want %q", urns, tt.urns)
			}
			tt.check(t, ps)
		})
	}
}

func equalProvider(a, b reference.Provider) bool {
	return reflect.DeepEqual(a, b)
}

// The assisted list's supported-accommodation sheet has capacities in
// words ("One", "Lots"): each is reported by file, sheet, row and column.
func TestReadProvidersXLSXCellErrors(t *testing.T) {
	_, err := readXLSX(t, "scpch_assisted.xlsx")
	want := `scpch_assisted.xlsx: sheet "SA Providers": row 2, column L: bad value: not a number of places: "One"` + "\n" +
		`scpch_assisted.xlsx: sheet "SA Providers": row 3, column L: bad value: not a number of places: "Lots"`
	if err == nil || err.Error() != want || !errors.Is(err, reference.ErrBadValue) {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// zipOf builds a zip archive of the named parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	wbXML = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">%s<sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>`
	rels  = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
)

func workbook(t testing.TB, pr, sheetData string) []byte {
	return zipOf(t, map[string]string{
		"xl/workbook.xml":            strings.Replace(wbXML, "%s", pr, 1),
		"xl/_rels/workbook.xml.rels": rels,
		"xl/worksheets/sheet1.xml":   `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`,
	})
}

func TestReadProvidersXLSXLayouts(t *testing.T) {
	// A title above the header, inline strings, a numeric URN written as a
	// float, a formula's cached result, the 1904 date system and a text date.
	sheet := `<row r="1"><c r="A1" t="inlineStr"><is><t>Children's homes at 31 March</t></is></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>URN</t></is></c><c r="B3" t="inlineStr"><is><t>Provider type</t></is></c>` +
		`<c r="C3" t="inlineStr"><is><t>Registration date</t></is></c><c r="D3" t="inlineStr"><is><t>Closed date</t></is></c>` +
		`<c r="E3" t="inlineStr"><is><t>Number of registered places</t></is></c></row>` +
		`<row r="4"><c r="A4"><v>1234567.0</v></c><c r="B4" t="str"><f>"Children's "&amp;"Home"</f><v>Children's Home</v></c>` +
		`<c r="C4" s="1"><v>0</v></c><c r="D4" t="inlineStr"><is><t>31/03/2025</t></is></c><c r="E4"><f>2+2</f><v>4</v></c></row>`
	b := workbook(t, `<workbookPr date1904="1"/>`, sheet)
	ps, err := reference.ReadProvidersXLSX(bytes.NewReader(b), int64(len(b)), "list.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p, ok := ps.Lookup("1234567")
	if !ok || p.Type != "Children's Home" || p.Row != 4 || p.Places != 4 || p.Closed != d("2025-03-31") {
		t.Fatalf("got %+v, %v", p, ok)
	}
	// Serial 0 in the 1904 system is 1 January 1904.
	if p.Registered != d("1904-01-01") {
		t.Errorf("1904 date: %v", p.Registered)
	}
	// In the 1900 system, serial 61 is 1 March 1900 (Excel's phantom 29
	// February 1900 is serial 60) and 45658 is 1 January 2025.
	sheet = `<row><c t="inlineStr"><is><t>URN</t></is></c><c t="inlineStr"><is><t>Registration date</t></is></c></row>` +
		`<row><c t="inlineStr"><is><t>A1</t></is></c><c><v>61</v></c></row>` +
		`<row><c t="inlineStr"><is><t>A2</t></is></c><c><v>45658.75</v></c></row>` +
		`<row><c t="inlineStr"><is><t>A3</t></is></c><c><v>60</v></c></row>`
	b = workbook(t, "", sheet)
	ps, err = reference.ReadProvidersXLSX(bytes.NewReader(b), int64(len(b)), "list.xlsx")
	if p, _ := ps.Lookup("A1"); p.Registered != d("1900-03-01") {
		t.Errorf("serial 61: %v", p.Registered)
	}
	if p, _ := ps.Lookup("A2"); p.Registered != d("2025-01-01") {
		t.Errorf("serial 45658.75: %v", p.Registered)
	}
	want := `list.xlsx: sheet "List": row 4, column B: bad value: not a date: "60"`
	if err == nil || err.Error() != want {
		t.Errorf("serial 60: got %v, want %s", err, want)
	}
}

func TestReadProvidersXLSXHostile(t *testing.T) {
	good, _ := os.ReadFile(filepath.Join(fakeData, "ch_fake.xlsx"))
	bigSheet := workbook(t, "", `<row><c t="inlineStr"><is><t>`+strings.Repeat("x", 40000)+`</t></is></c></row>`)
	tests := []struct {
		name     string
		data     []byte
		sentinel error
		msg      string
	}{
		{"not a zip", []byte("URN,Name\n1,A\n"), reference.ErrMalformed, "f.xlsx: malformed: zip: not a valid zip file"},
		{"truncated", good[:len(good)/2], reference.ErrMalformed, "f.xlsx: malformed: zip: not a valid zip file"},
		{"no workbook", zipOf(t, map[string]string{"a.txt": "x"}), reference.ErrMalformed, "f.xlsx: malformed: the archive has no xl/workbook.xml"},
		{"no sheets", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), reference.ErrMalformed, "f.xlsx: malformed: the workbook lists no sheets"},
		{"bad xml", workbook(t, "", `<row><c>`), reference.ErrMalformed, `f.xlsx: sheet "List": row 1: malformed: XML syntax error: unexpected </sheetData>`},
		{"shared string out of range", workbook(t, "", `<row r="2"><c r="C2" t="s"><v>7</v></c></row>`), reference.ErrMalformed,
			`f.xlsx: sheet "List": row 2, column C: malformed: shared string index "7" out of range`},
		{"cells out of order", workbook(t, "", `<row><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>`), reference.ErrMalformed,
			`f.xlsx: sheet "List": row 1, column A: malformed: cells out of order`},
		{"column past XFD", workbook(t, "", `<row><c r="XFE1"><v>1</v></c></row>`), reference.ErrTooLarge,
			`f.xlsx: sheet "List": row 1, column XFE: too large: beyond column 16384`},
		{"row past the limit", workbook(t, "", `<row r="4000001"><c><v>1</v></c></row>`), reference.ErrTooLarge,
			`f.xlsx: sheet "List": row 4000001: too large: more than 4000000 rows`},
		{"cell too long", bigSheet, reference.ErrTooLarge, `f.xlsx: sheet "List": row 1, column A: too large: cell longer than 32767 bytes`},
		{"no provider sheet", workbook(t, "", `<row><c t="inlineStr"><is><t>URN</t></is></c><c t="inlineStr"><is><t>Conditions</t></is></c></row>`),
			reference.ErrNoProviders, "f.xlsx: no provider list: no sheet has a URN column beside provider columns"},
	}
	for _, tt := range tests {
		ps, err := reference.ReadProvidersXLSX(bytes.NewReader(tt.data), int64(len(tt.data)), "f.xlsx")
		if !errors.Is(err, tt.sentinel) || err.Error() != tt.msg {
			t.Errorf("%s: got %v\nwant %s", tt.name, err, tt.msg)
		}
		if ps == nil {
			t.Errorf("%s: nil providers", tt.name)
		}
	}
	if _, err := reference.ReadProvidersXLSX(bytes.NewReader(good), reference.MaxWorkbookBytes+1, "f.xlsx"); !errors.Is(err, reference.ErrTooLarge) {
		t.Errorf("oversized workbook: %v", err)
	}
}

func TestReadProvidersCSV(t *testing.T) {
	f, err := os.Open("testdata/providers.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := reference.ReadProvidersCSV(f, "providers.csv")
	if err != nil {
		t.Fatal(err)
	}
	if ps.Len() != 4 {
		t.Fatalf("Len %d, want 4", ps.Len())
	}
	p, ok := ps.Lookup(" sc999002")
	if !ok || p.Closed != d("2024-12-31") || p.Registered != d("2010-04-01") || p.Row != 6 || p.Sheet != "" {
		t.Errorf("SC999002: %+v", p)
	}
	if p, _ := ps.Lookup("1234567"); !slices.Equal(p.PlacementCodes, []string{"U1", "U2", "U3"}) || p.HasPlaces || p.Postcode != "ZZ2 2BB" {
		t.Errorf("1234567: %+v", p)
	}
	if p, ok := ps.Lookup("SC999003"); !ok || !slices.Equal(p.PlacementCodes, []string{"K2", "H5"}) {
		t.Errorf("SC999003 (padded, lower case in the file): %+v %v", p, ok)
	}
	if _, ok := ps.Lookup("SC999"); ok {
		t.Error("a URN prefix matched")
	}
}

func TestReadProvidersCSVErrors(t *testing.T) {
	tests := []struct {
		name, src string
		sentinel  error
		msg       string
	}{
		{"no URN", "Name,Type\nA,B\n", reference.ErrMissingColumn, "p.csv: missing column: URN, with a provider type, placement code or postcode"},
		{"bad date", "\ufeffURN,Registration date\nSC1,31/02/2020\n", reference.ErrBadValue, `p.csv: row 2, column "Registration date": bad value: not a date: "31/02/2020"`},
		{"bad places", "URN,Provider type,Capacity\nSC1,Home,-3\n", reference.ErrBadValue, `p.csv: row 2, column "Capacity": bad value: not a number of places: "-3"`},
		{"unterminated quote", "URN,Provider type\nSC1,\"Home\n", reference.ErrMalformed, "p.csv: row 2: malformed: extraneous or missing \" in quoted-field"},
	}
	for _, tt := range tests {
		_, err := reference.ReadProvidersCSV(strings.NewReader(tt.src), "p.csv")
		if !errors.Is(err, tt.sentinel) || err.Error() != tt.msg {
			t.Errorf("%s: got %v\nwant %s", tt.name, err, tt.msg)
		}
	}
}

func TestProvidersSet(t *testing.T) {
	a := reference.NewProviders(reference.Provider{URN: "sc1", Name: "first"}, reference.Provider{URN: "SC1", Name: "second"})
	b := reference.NewProviders(reference.Provider{URN: "2", Name: "other"})
	m := a.Merge(b)
	if m.Len() != 3 {
		t.Fatalf("Len %d", m.Len())
	}
	if p, _ := m.Lookup("SC1"); p.Name != "first" {
		t.Errorf("duplicate URN: Lookup returned %q, want the first", p.Name)
	}
	if _, ok := m.Lookup("2"); !ok {
		t.Error("merged provider missing")
	}
	var none *reference.Providers
	if _, ok := none.Lookup("SC1"); ok || none.Len() != 0 || none.All() != nil {
		t.Error("nil set")
	}
	if m := none.Merge(b); m.Len() != 1 {
		t.Error("merge into nil")
	}
}
