package reference_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lookedafter/practice/ssda903/reference"
)

// checkErrors holds a loader's error to the package's promises: every
// problem an *Error with a place and a bounded message.
func checkErrors(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var es reference.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error is not a non-empty Errors: %T %v", err, err)
	}
	for _, e := range es {
		if e.File == "" || e.Err == nil {
			t.Fatalf("error without a place or cause: %#v", e)
		}
		if n := len(e.Error()); n > 400 {
			t.Fatalf("error message of %d bytes: %.100q", n, e.Error())
		}
	}
}

// FuzzReadProvidersXLSX reads arbitrary bytes as a workbook, seeded with
// the DfE validator's fake Ofsted lists: it never panics, and every
// problem is placed and bounded.
func FuzzReadProvidersXLSX(f *testing.F) {
	files, _ := filepath.Glob("../testdata/dfe/fake_data/*.xlsx")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(workbook(f, `<workbookPr date1904="1"/>`, `<row r="2"><c r="A2" t="inlineStr"><is><t>URN</t></is></c><c r="B2" t="inlineStr"><is><t>Closed date</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>45000</v></c></row>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := reference.ReadProvidersXLSX(bytes.NewReader(b), int64(len(b)), "f.xlsx")
		if ps == nil {
			t.Fatal("nil providers")
		}
		checkErrors(t, err)
		for _, p := range ps.All() {
			if q, ok := ps.Lookup(p.URN); p.URN != "" && (!ok || q.URN != p.URN) {
				t.Fatalf("URN %q read but not found", p.URN)
			}
		}
	})
}

// FuzzReadProvidersCSV reads arbitrary text as a provider CSV.
func FuzzReadProvidersCSV(f *testing.F) {
	b, err := os.ReadFile("testdata/providers.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("URN,Registration date,Capacity\nSC1,31/02/2020,x\n")
	f.Add("\ufeffURN,Provider type\n\"SC1,Home\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := reference.ReadProvidersCSV(strings.NewReader(s), "f.csv")
		if ps == nil {
			t.Fatal("nil providers")
		}
		checkErrors(t, err)
	})
}

// FuzzReadONSPD reads arbitrary text as the ONS Postcode Directory, and
// derives distances from what it read.
func FuzzReadONSPD(f *testing.F) {
	b, err := os.ReadFile("testdata/onspd_small.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("pcds,oslaua,oseast1m,osnrth1m,lat,long,doterm\nZZ1 1AA,E09000033,530000,180000,51.5,-0.14,\nZZ1 1AB,E09000033,1,2,x,y,z\n")
	f.Add("PCD7,LAD25CD\nZZ11AA,E09000033\n")
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := reference.ReadONSPD(strings.NewReader(s), "f.csv", reference.ONSPDOptions{})
		checkErrors(t, err)
		for _, pc := range []string{"ZZ1 1AA", "ZZ1 1AB", "ZZ11AA"} {
			if d, ok := reference.PlacementDistance(tab, "ZZ1 1AA", pc); ok && d < 0 {
				t.Fatalf("negative distance %v", d)
			}
			if p, ok := tab.Lookup(pc); ok && reference.NormalizePostcode(pc) != p.Postcode {
				t.Fatalf("Lookup(%q) returned %q", pc, p.Postcode)
			}
			_, _ = reference.PlacementLocation(tab, pc, "E09000033")
		}
	})
}

// FuzzReadAuthorities reads arbitrary text as a list of authorities.
func FuzzReadAuthorities(f *testing.F) {
	f.Add("dfe_code,ons_code,name,from,until\n201,E09000001,City of London,,\n815,E10000023,North Yorkshire,,2023-03-31\n")
	f.Add("name,ons_code,dfe_code\nX,E0,1\n")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := reference.ReadAuthorities(strings.NewReader(s), "a.csv")
		checkErrors(t, err)
		for _, a := range as.All() {
			if b, ok := as.LookupONS(a.ONS); !ok || b.ONS != a.ONS {
				t.Fatalf("ONS code %q read but not found", a.ONS)
			}
			if _, ok := as.LookupDfE(a.DfE, a.From); !ok && a.From.IsZero() && a.Until.IsZero() {
				t.Fatalf("DfE code %q read but not found", a.DfE)
			}
		}
	})
}
