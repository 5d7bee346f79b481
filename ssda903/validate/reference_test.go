package validate_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/reference"
	"github.com/lookedafter/practice/ssda903/validate"
)

// episodesReturn builds a 2025–26 return of an Episodes table, and a
// Header table if given, from CSV text.
func episodesReturn(t *testing.T, csv string, hdr ...string) *ssda903.Return {
	t.Helper()
	fs := fstest.MapFS{"episodes.csv": &fstest.MapFile{Data: []byte(csv)}}
	names := map[string]ssda903.Table{"episodes.csv": ssda903.TableEpisodes}
	if len(hdr) > 0 {
		fs["header.csv"] = &fstest.MapFile{Data: []byte(hdr[0])}
		names["header.csv"] = ssda903.TableHeader
	}
	ret, _ := ssda903.ReadFSTables(fs, names, 2025)
	if ret == nil || ret.Table(ssda903.TableEpisodes) == nil {
		t.Fatal("no Episodes table")
	}
	return ret
}

// flaggedChildren runs the rules with these codes and returns, by code,
// the children flagged (in row order), and the skip reasons by code.
func flaggedChildren(t *testing.T, ret *ssda903.Return, meta validate.Metadata, codes ...string) (map[string][]string, map[string]string) {
	t.Helper()
	res, err := validate.Run(context.Background(), ret, validate.Options{Metadata: meta, Codes: codes})
	if err != nil {
		t.Fatal(err)
	}
	for _, cr := range res.Crashed {
		t.Fatalf("%s crashed: %s", cr.Rule.Code, cr.Reason)
	}
	flags, skipped := map[string][]string{}, map[string]string{}
	for _, rr := range res.Rules {
		flags[rr.Rule.Code] = []string{}
		for _, f := range rr.Flags {
			flags[rr.Rule.Code] = append(flags[rr.Rule.Code], f.Child)
		}
	}
	for _, s := range res.Skipped {
		skipped[s.Rule.Code] = s.Reason
	}
	return flags, skipped
}

func smallONSPD(t *testing.T) *reference.PostcodeTable {
	t.Helper()
	f, err := os.Open("../reference/testdata/onspd_small.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pcs, err := reference.ReadONSPD(f, "onspd_small.csv", reference.ONSPDOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return pcs
}

// A return without the derived columns: A is placed 100 miles away in
// West Sussex, B 3.1 miles away in Westminster (the authority), C from a
// home postcode no directory knows to Westmorland and Furness, D with no
// placement postcode.
const postcodeEpisodes = "CHILD,DECOM,LS,PLACE,PLACE_PROVIDER,HOME_POST,PL_POST,URN\n" +
	"A,01/05/2025,C2,K1,PR1,ZZ1 1AA,zz2 2bb,SC999001\n" +
	"B,01/05/2025,C2,K1,PR1,ZZ1 1AA,ZZ1 1AB,SC999001\n" +
	"C,01/05/2025,C2,K1,PR1,ZZ9 9ZZ,ZZ3 3CC,SC999001\n" +
	"D,01/05/2025,C2,K1,PR1,ZZ1 1AA,,SC999001\n"

const postcodeHeader = "CHILD,UASC\nA,0\nB,0\nC,0\nD,0\n"

var postcodeCodes = []string{"164", "169", "179", "392a", "392c", "411", "420", "454", "1015"}

// With no postcode reference data, the rules that read a derived column
// the return lacks, or the postcodes themselves, are skipped with the
// reason, never run on unknowns; so are the provider rules without the
// Ofsted lists.
func TestReferenceAbsentSkips(t *testing.T) {
	ret := episodesReturn(t, postcodeEpisodes, postcodeHeader)
	codes := append(slices.Clone(postcodeCodes), "219", "221", "224", "227", "228", "229", "1008")
	flags, skipped := flaggedChildren(t, ret, validate.Metadata{Year: 2025, Authority: "213"}, codes...)
	if len(flags) != 0 {
		t.Errorf("rules ran without their reference data: %v", flags)
	}
	want := map[string]string{
		"164": "PL_DISTANCE", "392a": "PL_DISTANCE", "454": "PL_DISTANCE", "169": "PL_LA", "420": "PL_LA", "1015": "PL_LA",
		"179": "PL_LOCATION", "411": "PL_LA", "392c": "postcode reference data was not given",
		"219": "Ofsted provider lists were not given", "1008": "Ofsted provider lists were not given",
	}
	for code, frag := range want {
		if !strings.Contains(skipped[code], frag) {
			t.Errorf("%s: skipped %q, want a reason naming %q", code, skipped[code], frag)
		}
	}
	// PL_LOCATION needs the authority as well as the postcodes.
	_, skipped = flaggedChildren(t, ret, validate.Metadata{Year: 2025, Postcodes: smallONSPD(t)}, "179")
	if !strings.Contains(skipped["179"], "PL_LOCATION") {
		t.Errorf("179 without the authority: skipped %q", skipped["179"])
	}
}

// With the postcode directory, the derived columns are computed as the
// reference package defines them; a row whose postcode the directory does
// not know is not judged, a row with a blank postcode has blank values.
func TestReferenceDerivedFromPostcodes(t *testing.T) {
	ret := episodesReturn(t, postcodeEpisodes, postcodeHeader)
	meta := validate.Metadata{Year: 2025, Authority: "213", Postcodes: smallONSPD(t)}
	flags, skipped := flaggedChildren(t, ret, meta, postcodeCodes...)
	if len(skipped) != 0 {
		t.Fatalf("skipped: %v", skipped)
	}
	want := map[string][]string{
		"164":  {},         // 100.0 and 3.1 are in range; C unknown
		"169":  {"D"},      // no placement postcode, so no PL_LA
		"179":  {"D"},      // nor PL_LOCATION
		"392a": {"D"},      // nor distance; C's is unknown, not blank
		"392c": {"C"},      // ZZ9 9ZZ is not in the directory
		"411":  {},         // derived IN and PL_LA agree
		"420":  {},         // no short breaks
		"454":  {},         // none over 350 miles
		"1015": {"A", "C"}, // own provision in West Sussex and in Westmorland and Furness
	}
	for code, w := range want {
		if !slices.Equal(flags[code], w) {
			t.Errorf("%s: flagged %v, want %v", code, flags[code], w)
		}
	}
}

// A column the return gives is read as given, not derived.
func TestReferenceGivenColumnsWin(t *testing.T) {
	ret := episodesReturn(t, "CHILD,LS,HOME_POST,PL_POST,PL_DISTANCE\nA,C2,ZZ1 1AA,ZZ2 2BB,400.0\n")
	flags, _ := flaggedChildren(t, ret, validate.Metadata{Year: 2025, Postcodes: smallONSPD(t)}, "454")
	if !slices.Equal(flags["454"], []string{"A"}) {
		t.Errorf("454: flagged %v, want the given 400.0 flagged", flags["454"])
	}
}

// URNs are compared as text: "123456" is not "SC123456", case and
// surrounding spaces do not matter, a numeric URN is its digits, and the
// placeholder XXXXXXX is no URN.
func TestReferenceURNAsText(t *testing.T) {
	ret := episodesReturn(t, "CHILD,DECOM,PLACE,URN\n"+
		"A,01/05/2025,K1,SC123456\n"+
		"B,01/05/2025,K1,123456\n"+
		"C,01/05/2025,K1, sc123456 \n"+
		"D,01/05/2025,U1,1234567\n"+
		"E,01/05/2025,K1,XXXXXXX\n"+
		"F,01/05/2025,K1,1234567\n")
	ps := reference.NewProviders(
		reference.Provider{URN: "SC123456", PlacementCodes: []string{"K1"}},
		reference.Provider{URN: "1234567", PlacementCodes: []string{"U1", "U2"}},
	)
	flags, _ := flaggedChildren(t, ret, validate.Metadata{Year: 2025, Providers: ps}, "1008", "219")
	if w := []string{"B"}; !slices.Equal(flags["1008"], w) {
		t.Errorf("1008: flagged %v, want %v", flags["1008"], w)
	}
	if w := []string{"F"}; !slices.Equal(flags["219"], w) {
		t.Errorf("219: flagged %v, want %v (a K1 placement at a fostering agency)", flags["219"], w)
	}
}

// Providers read from an Ofsted workbook drive the provider rules.
func TestReferenceProvidersFromXLSX(t *testing.T) {
	const name = "../testdata/dfe/fake_data/combined_scp_ch_fake.xlsx"
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := reference.ReadProvidersXLSX(f, st.Size(), name)
	if err != nil {
		t.Fatal(err)
	}
	p, ok := ps.Lookup("ARN00001")
	if !ok || !slices.Contains(p.PlacementCodes, "U1") || slices.Contains(p.PlacementCodes, "K1") {
		t.Fatalf("ARN00001: %+v, %v", p, ok)
	}
	ret := episodesReturn(t, "CHILD,DECOM,PLACE,URN\n"+
		"A,01/05/2025,U1,ARN00001\n"+
		"B,01/05/2025,K1,arn00001\n"+
		"C,01/05/2025,U1,ARN99999\n")
	flags, _ := flaggedChildren(t, ret, validate.Metadata{Year: 2025, Providers: ps}, "1008", "219")
	if w := []string{"C"}; !slices.Equal(flags["1008"], w) {
		t.Errorf("1008: flagged %v, want %v", flags["1008"], w)
	}
	if w := []string{"B"}; !slices.Equal(flags["219"], w) {
		t.Errorf("219: flagged %v, want %v", flags["219"], w)
	}
}

// A provider's authority is matched by ONS code, DfE code or name as
// Ofsted writes it ("Westminster", "Westminster City Council"); an own
// provision (PR1) elsewhere, or another authority's (PR2) in the
// authority, is flagged; a provider whose authority cannot be told is not
// judged.
func TestReferenceProviderAuthority(t *testing.T) {
	ret := episodesReturn(t, "CHILD,DECOM,PLACE,PLACE_PROVIDER,URN\n"+
		"A,01/05/2025,K1,PR1,SC000001\n"+
		"B,01/05/2025,K1,PR2,SC000002\n"+
		"C,01/05/2025,K1,PR1,SC000003\n"+
		"D,01/05/2025,K1,PR1,SC000004\n"+
		"E,01/05/2025,K1,PR1,SC000005\n")
	ps := reference.NewProviders(
		reference.Provider{URN: "SC000001", LocalAuthority: "Westminster City Council"},
		reference.Provider{URN: "SC000002", LocalAuthority: "E09000033"},
		reference.Provider{URN: "SC000003", LocalAuthority: "West Sussex County Council"},
		reference.Provider{URN: "SC000004", LocalAuthority: "Middle-earth"},
		reference.Provider{URN: "SC000005", Postcode: "ZZ1 1AB"},
	)
	flags, _ := flaggedChildren(t, ret, validate.Metadata{Year: 2025, Authority: "213", Providers: ps, Postcodes: smallONSPD(t),
		End: care.MustDate(2026, 3, 31)}, "229")
	if w := []string{"B", "C"}; !slices.Equal(flags["229"], w) {
		t.Errorf("229: flagged %v, want %v", flags["229"], w)
	}
}
