package reference_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/lookedafter/practice/ssda903/reference"
)

func loadSmall(t testing.TB, opt reference.ONSPDOptions) *reference.PostcodeTable {
	t.Helper()
	f, err := os.Open("testdata/onspd_small.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := reference.ReadONSPD(f, "onspd_small.csv", opt)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

func TestNormalizePostcode(t *testing.T) {
	for in, want := range map[string]string{
		"sw1a1aa":                             "SW1A 1AA",
		" SW1A  1AA ":                         "SW1A 1AA",
		"SW1A 1AA":                            "SW1A 1AA",
		"m1 1ae":                              "M1 1AE",
		"GIR0AA":                              "GIR 0AA",
		"sw1a":                                "SW1A",
		"SW1A 1":                              "SW1A1",
		"":                                    "",
		"not a postcode at all, far too long": "NOTAPOSTCODEATALL,FARTOOLONG",
	} {
		if got := reference.NormalizePostcode(in); got != want {
			t.Errorf("NormalizePostcode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadONSPD(t *testing.T) {
	tab := loadSmall(t, reference.ONSPDOptions{})
	if tab.Len() != 9 {
		t.Fatalf("Len = %d, want 9", tab.Len())
	}
	p, ok := tab.Lookup("zz11aa")
	if !ok {
		t.Fatal("ZZ1 1AA not found")
	}
	want := reference.Postcode{Postcode: "ZZ1 1AA", District: "E09000033", Country: "E92000001",
		Easting: 530000, Northing: 180000, HasGrid: true, LatE6: 51_500_000, LongE6: -140_000, HasLatLong: true}
	if p != want {
		t.Errorf("got %+v\nwant %+v", p, want)
	}
	if p, _ := tab.Lookup("ZZ2 2BB"); p.County != "E10000032" || p.District != "E07000226" || p.Authority() != "E10000032" {
		t.Errorf("two-tier postcode: %+v, authority %s", p, p.Authority())
	}
	if p, _ := tab.Lookup("ZZ3 3CC"); p.County != "" || p.Authority() != "E06000064" {
		t.Errorf("unitary postcode: %+v", p)
	}
	if p, _ := tab.Lookup("ZZ6 6FF"); p.Terminated != "201512" {
		t.Errorf("terminated postcode: %+v", p)
	}
	if p, _ := tab.Lookup("ZZ7 7GG"); p.HasGrid || p.HasLatLong || p.District != "" {
		t.Errorf("postcode with no location: %+v", p)
	}
	if p, ok := tab.Lookup("ZZ9 9AA"); !ok || p.Postcode != "ZZ9 9AA" {
		t.Errorf("pcds read where pcd is unspaced: %+v %v", p, ok)
	}
	for _, pc := range []string{"ZZ1", "ZZ1 1", "ZZ1 1AC", "", "ZZ11AAA", "ZZ1-1AA"} {
		if _, ok := tab.Lookup(pc); ok {
			t.Errorf("Lookup(%q) found a postcode", pc)
		}
	}
	live := loadSmall(t, reference.ONSPDOptions{LiveOnly: true})
	if _, ok := live.Lookup("ZZ6 6FF"); ok || live.Len() != 8 {
		t.Errorf("LiveOnly kept a terminated postcode (Len %d)", live.Len())
	}
	var nilTab *reference.PostcodeTable
	if _, ok := nilTab.Lookup("ZZ1 1AA"); ok || nilTab.Len() != 0 {
		t.Error("a nil table knows a postcode")
	}
}

func TestReadONSPDLayouts(t *testing.T) {
	// The NSPL's layout, and a later edition's year-coded names.
	for name, src := range map[string]string{
		"nspl":   "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward,ctry,lat,long\nZZ1 1AA,ZZ1  1AA,ZZ1 1AA,198001,,0,530000,180000,1,E00000000,E99999999,E99999999,E09000033,E05000000,E92000001,51.5,-0.14\n",
		"lad25":  "\ufeffPCDS,DOTERM,EAST1M,NORTH1M,LAD25CD,CTY25CD,CTRY25CD,LAT,LONG\nZZ1 1AA,,530000,180000,E09000033,,E92000001,51.500000,-0.140000\n",
		"crlf":   "pcds,oslaua,oseast1m,osnrth1m\r\nZZ1 1AA,E09000033,530000,180000\r\n",
		"nogrid": "pcds,oslaua\nZZ1 1AA,E09000033\n",
	} {
		tab, err := reference.ReadONSPD(strings.NewReader(src), name, reference.ONSPDOptions{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		p, ok := tab.Lookup("ZZ1 1AA")
		if !ok || p.District != "E09000033" || (name != "nogrid" && (!p.HasGrid || p.Easting != 530000)) {
			t.Errorf("%s: %+v %v", name, p, ok)
		}
		if name == "lad25" && (p.Country != "E92000001" || !p.HasLatLong) {
			t.Errorf("%s: %+v", name, p)
		}
	}
}

func TestReadONSPDErrors(t *testing.T) {
	tests := []struct {
		name, src string
		sentinel  error
		msg       string
		len       int
	}{
		{"empty", "", reference.ErrMalformed, "f.csv: row 1: malformed: empty file", 0},
		{"no postcode column", "postcode,la\nZZ1 1AA,E09000033\n", reference.ErrMissingColumn, "f.csv: row 1: missing column: pcds (or pcd)", 0},
		{"no district column", "pcds,la\nZZ1 1AA,E09000033\n", reference.ErrMissingColumn, "f.csv: row 1: missing column: oslaua (or laua, ladNNcd)", 0},
		{"bad easting", "pcds,oslaua,oseast1m,osnrth1m\nZZ1 1AA,E09000033,east,180000\nZZ1 1AB,E09000033,1,1\n", reference.ErrBadValue,
			`f.csv: row 2, column "oseast1m": bad value: not an easting in metres: "east"`, 1},
		{"negative northing", "pcds,oslaua,oseast1m,osnrth1m\nZZ1 1AA,E09000033,1,-5\n", reference.ErrBadValue,
			`f.csv: row 2, column "osnrth1m": bad value: not a northing in metres: "-5"`, 0},
		{"partial postcode", "pcds,oslaua\nZZ1,E09000033\n", reference.ErrBadValue,
			`f.csv: row 2, column "pcds": bad value: not a full postcode: "ZZ1"`, 0},
		{"long code", "pcds,oslaua\nZZ1 1AA," + strings.Repeat("E", 100) + "\n", reference.ErrBadValue,
			`f.csv: row 2, column "oslaua": bad value: not an ONS code: "EEEEEEEEEEEEEEEEEEEEEEEE"…`, 0},
		{"bad latitude", "pcds,oslaua,lat,long\nZZ1 1AA,E09000033,5x,0\n", reference.ErrBadValue,
			`f.csv: row 2, column "lat": bad value: not a latitude: "5x"`, 0},
		{"bad doterm", "pcds,oslaua,doterm\nZZ1 1AA,E09000033,soon\n", reference.ErrBadValue,
			`f.csv: row 2, column "doterm": bad value: not a month YYYYMM: "soon"`, 0},
		{"bare quote", "pcds,oslaua\nZZ1 1AA,E0900\"0033\n", reference.ErrMalformed, "f.csv: row 2: malformed: bare \" in non-quoted-field", 0},
	}
	for _, tt := range tests {
		tab, err := reference.ReadONSPD(strings.NewReader(tt.src), "f.csv", reference.ONSPDOptions{})
		if !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.sentinel)
			continue
		}
		var es reference.Errors
		if !errors.As(err, &es) || es[0].Error() != tt.msg {
			t.Errorf("%s: first error\n%v\nwant\n%s", tt.name, err, tt.msg)
		}
		if tab.Len() != tt.len {
			t.Errorf("%s: Len %d, want %d", tt.name, tab.Len(), tt.len)
		}
	}
}

func TestPlacementDerived(t *testing.T) {
	tab := loadSmall(t, reference.ONSPDOptions{})
	dist := []struct {
		home, pl string
		want     string
		ok       bool
	}{
		{"ZZ1 1AA", "zz11ab", "3.1", true},    // 5,000 m: 3.107 miles
		{"ZZ1 1AA", "ZZ2 2BB", "100.0", true}, // 160,930 m: 100 miles exactly
		{"ZZ1 1AA", "ZZ1 1AA", "0.0", true},
		{"ZZ1 1AA", "ZZ7 7GG", "", false}, // no grid reference
		{"ZZ1 1AA", "ZZ1 1ZZ", "", false}, // not in the directory
		{"ZZ1", "ZZ1 1AB", "", false},     // partial home postcode
		{"", "ZZ1 1AB", "", false},
	}
	for _, d := range dist {
		got, ok := reference.PlacementDistance(tab, d.home, d.pl)
		if ok != d.ok || (ok && got.String() != d.want) {
			t.Errorf("PlacementDistance(%s, %s) = %v, %v; want %s, %v", d.home, d.pl, got, ok, d.want, d.ok)
		}
		if !ok && got != 0 {
			t.Errorf("unknown distance is not zero-valued: %v", got)
		}
	}
	las := []struct {
		pl, want string
		ok       bool
		loc      string
	}{
		{"ZZ1 1AB", "E09000033", true, "IN"},
		{"ZZ2 2BB", "E10000032", true, "OUT"}, // the county, not the district E07000226
		{"ZZ3 3CC", "E06000064", true, "OUT"},
		{"ZZ4 4DD", "SCO", true, "OUT"},
		{"ZZ5 5EE", "WAL", true, "OUT"},
		{"ZZ7 7GG", "", false, ""}, // Channel Islands: no authority
		{"ZZ1 1ZZ", "", false, ""},
	}
	for _, l := range las {
		got, ok := reference.PlacementLA(tab, l.pl)
		if got != l.want || ok != l.ok {
			t.Errorf("PlacementLA(%s) = %q, %v; want %q, %v", l.pl, got, ok, l.want, l.ok)
		}
		loc, ok := reference.PlacementLocation(tab, l.pl, " e09000033")
		if loc.String() != l.loc || ok != l.ok {
			t.Errorf("PlacementLocation(%s) = %q, %v; want %q, %v", l.pl, loc, ok, l.loc, l.ok)
		}
	}
	if _, ok := reference.PlacementDistance(nil, "ZZ1 1AA", "ZZ1 1AB"); ok {
		t.Error("distance from no postcodes")
	}
	if _, ok := reference.PlacementLA(nil, "ZZ1 1AA"); ok {
		t.Error("authority from no postcodes")
	}
}

// farPostcodes is a Postcodes with grid references off the grid.
type farPostcodes struct{}

func (farPostcodes) Lookup(pc string) (reference.Postcode, bool) {
	return reference.Postcode{Postcode: pc, Easting: 2_000_000_000, HasGrid: true}, true
}

func TestPlacementDistanceOffGrid(t *testing.T) {
	if d, ok := reference.PlacementDistance(farPostcodes{}, "A", "B"); ok {
		t.Errorf("distance off the grid: %v", d)
	}
}

func TestDistance(t *testing.T) {
	for d, want := range map[reference.Distance]string{0: "0.0", 5: "0.5", 123: "12.3", 3500: "350.0", -15: "-1.5"} {
		if d.String() != want {
			t.Errorf("Distance(%d).String() = %q, want %q", int32(d), d.String(), want)
		}
		if d.Decimal().StringFixed(1) != want {
			t.Errorf("Distance(%d).Decimal() = %s, want %s", int32(d), d.Decimal().StringFixed(1), want)
		}
	}
	if reference.Location(0).String() != "" || reference.LocationIn.String() != "IN" || reference.LocationOut.String() != "OUT" {
		t.Error("Location strings")
	}
}
