package reference_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/reference"
)

func TestEmbeddedAuthorities(t *testing.T) {
	as := reference.EmbeddedAuthorities()
	if as.Len() != 161 {
		t.Fatalf("Len %d, want 161", as.Len())
	}
	now := d("2025-04-01")
	current := 0
	seenDfE := map[string]bool{}
	for _, a := range as.All() {
		if a.ExistsOn(now) {
			current++
			if seenDfE[a.DfE] {
				t.Errorf("DfE code %s used twice by current authorities", a.DfE)
			}
			seenDfE[a.DfE] = true
		}
		if a.Name == "" || !strings.HasPrefix(a.ONS, "E") {
			t.Errorf("row %+v", a)
		}
	}
	if current != 153 {
		t.Errorf("%d authorities on 1 April 2025, want 153", current)
	}
	// Also checks that the embedded file reads without error.
	if _, err := reference.ReadAuthorities(strings.NewReader(embeddedCSV(t, as)), "x.csv"); err != nil {
		t.Error(err)
	}
	for _, tt := range []struct{ ons, dfe, name string }{
		{"E09000001", "201", "City of London"},
		{"E10000032", "938", "West Sussex"},
		{"E06000053", "420", "Isles of Scilly"},
		{"E08000037", "390", "Gateshead"},
		{"E06000064", "943", "Westmorland and Furness"},
	} {
		a, ok := as.LookupONS(strings.ToLower(tt.ons) + " ")
		if !ok || a.DfE != tt.dfe || a.Name != tt.name {
			t.Errorf("LookupONS(%s) = %+v, %v", tt.ons, a, ok)
		}
		b, ok := as.LookupDfE(tt.dfe, care.Date{})
		if !ok || b.ONS != tt.ons {
			t.Errorf("LookupDfE(%s) = %+v, %v", tt.dfe, b, ok)
		}
	}
	// 815 passed from the county to the unitary authority on 1 April 2023.
	if a, _ := as.LookupDfE("815", d("2023-03-31")); a.ONS != "E10000023" {
		t.Errorf("815 on 31 March 2023: %+v", a)
	}
	if a, _ := as.LookupDfE("815", d("2023-04-01")); a.ONS != "E06000065" {
		t.Errorf("815 on 1 April 2023: %+v", a)
	}
	if a, _ := as.LookupDfE("815", care.Date{}); a.ONS != "E06000065" {
		t.Errorf("815 now: %+v", a)
	}
	// Cumbria's 909 exists no more; with no date, the last authority that had it.
	if a, ok := as.LookupDfE("909", care.Date{}); !ok || a.ONS != "E10000006" || a.Until != d("2023-03-31") {
		t.Errorf("909: %+v %v", a, ok)
	}
	if _, ok := as.LookupDfE("909", d("2024-01-01")); ok {
		t.Error("909 found after Cumbria ended")
	}
	if _, ok := as.LookupDfE("999", care.Date{}); ok {
		t.Error("999 found")
	}
	var none *reference.Authorities
	if _, ok := none.LookupONS("E09000001"); ok || none.Len() != 0 || none.All() != nil {
		t.Error("nil list")
	}
	if _, ok := none.LookupDfE("201", care.Date{}); ok {
		t.Error("nil list")
	}
}

// embeddedCSV writes a list back in the embedded layout.
func embeddedCSV(t testing.TB, as *reference.Authorities) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("dfe_code,ons_code,name,from,until\n")
	for _, a := range as.All() {
		b.WriteString(a.DfE + "," + a.ONS + ",\"" + a.Name + "\"," + a.From.String() + "," + a.Until.String() + "\n")
	}
	return b.String()
}

func TestReadAuthoritiesErrors(t *testing.T) {
	tests := []struct {
		name, src string
		sentinel  error
		msg       string
		len       int
	}{
		{"empty", "", reference.ErrMissingColumn, "a.csv: missing column: empty file", 0},
		{"no name column", "dfe_code,ons_code\n201,E09000001\n", reference.ErrMissingColumn, "a.csv: row 1: missing column: name", 0},
		{"bad DfE code", "dfe_code,ons_code,name\n2011,E09000001,City\n202,E09000007,Camden\n", reference.ErrBadValue,
			`a.csv: row 2, column dfe_code: bad value: not a three-digit DfE code: "2011"`, 1},
		{"bad ONS code", "dfe_code,ons_code,name\n201,E0900001,City\n", reference.ErrBadValue,
			`a.csv: row 2, column ons_code: bad value: not a nine-character ONS code: "E0900001"`, 0},
		{"duplicate", "dfe_code,ons_code,name\n201,E09000001,City\n201,E09000001,City\n", reference.ErrBadValue,
			`a.csv: row 3, column ons_code: bad value: listed twice: "E09000001"`, 1},
		{"bad date", "name,ons_code,dfe_code,until\nCity,E09000001,201,31/03/2023\n", reference.ErrBadValue,
			`a.csv: row 2, column until: bad value: not a date (YYYY-MM-DD): "31/03/2023"`, 0},
	}
	for _, tt := range tests {
		as, err := reference.ReadAuthorities(strings.NewReader(tt.src), "a.csv")
		if !errors.Is(err, tt.sentinel) || err.Error() != tt.msg {
			t.Errorf("%s: got %v\nwant %s", tt.name, err, tt.msg)
		}
		if as.Len() != tt.len {
			t.Errorf("%s: Len %d, want %d", tt.name, as.Len(), tt.len)
		}
	}
}
