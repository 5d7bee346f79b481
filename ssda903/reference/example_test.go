package reference_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/reference"
)

// The ONS Postcode Directory is read once, then derives the DfE's
// placement fields for each episode. An unknown postcode leaves a field
// unknown, neither zero nor OUT.
func ExampleReadONSPD() {
	f, err := os.Open("testdata/onspd_small.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	pcs, err := reference.ReadONSPD(f, "onspd_small.csv", reference.ONSPDOptions{})
	if err != nil {
		fmt.Println(err) // every row that could not be read, by row and column
	}
	p, _ := pcs.Lookup("zz22bb")
	fmt.Println(pcs.Len(), "postcodes;", p.Postcode, "is in district", p.District, "of", p.Authority())
	// Output:
	// 9 postcodes; ZZ2 2BB is in district E07000226 of E10000032
}

func ExamplePlacementDistance() {
	pcs, _ := reference.ReadONSPD(strings.NewReader(
		"pcds,oslaua,oseast1m,osnrth1m\nZZ1 1AA,E09000033,530000,180000\nZZ1 1AB,E09000033,533000,184000\n"),
		"onspd.csv", reference.ONSPDOptions{})
	d, ok := reference.PlacementDistance(pcs, "ZZ1 1AA", "zz1 1ab")
	fmt.Println(d, ok, d.Decimal())
	d, ok = reference.PlacementDistance(pcs, "ZZ1 1AA", "ZZ9 9ZZ")
	fmt.Println(d, ok)
	// Output:
	// 3.1 true 3.1
	// 0.0 false
}

func ExamplePlacementLA() {
	pcs, _ := reference.ReadONSPD(strings.NewReader(
		"pcds,oscty,oslaua,ctry\nZZ2 2BB,E10000032,E07000226,E92000001\nZZ4 4DD,S99999999,S12000036,S92000003\n"),
		"onspd.csv", reference.ONSPDOptions{})
	for _, pc := range []string{"ZZ2 2BB", "ZZ4 4DD", "ZZ9 9ZZ"} {
		la, ok := reference.PlacementLA(pcs, pc)
		fmt.Printf("%q %v\n", la, ok)
	}
	// Output:
	// "E10000032" true
	// "SCO" true
	// "" false
}

func ExamplePlacementLocation() {
	pcs, _ := reference.ReadONSPD(strings.NewReader(
		"pcds,oslaua\nZZ1 1AB,E09000033\nZZ3 3CC,E06000064\n"), "onspd.csv", reference.ONSPDOptions{})
	westminster := "E09000033"
	for _, pc := range []string{"ZZ1 1AB", "ZZ3 3CC", "ZZ9 9ZZ"} {
		loc, ok := reference.PlacementLocation(pcs, pc, westminster)
		fmt.Printf("%q %v\n", loc, ok)
	}
	// Output:
	// "IN" true
	// "OUT" true
	// "" false
}

func ExampleNormalizePostcode() {
	fmt.Println(reference.NormalizePostcode(" sw1a1aa"), reference.NormalizePostcode("M1  1AE"))
	// Output:
	// SW1A 1AA M1 1AE
}

func ExampleEmbeddedAuthorities() {
	as := reference.EmbeddedAuthorities()
	a, _ := as.LookupONS("E10000032")
	fmt.Println(a.DfE, a.Name)
	b, _ := as.LookupDfE("201", care.Date{})
	fmt.Println(b.ONS, b.Name)
	// Output:
	// 938 West Sussex
	// E09000001 City of London
}

func ExampleReadAuthorities() {
	as, err := reference.ReadAuthorities(strings.NewReader(
		"dfe_code,ons_code,name,from,until\n201,E09000001,City of London,,\n999,E06999999,Newtown,2027-04-01,\n"),
		"authorities.csv")
	if err != nil {
		fmt.Println(err)
	}
	a, _ := as.LookupDfE("999", care.Date{})
	fmt.Println(as.Len(), a.Name, a.From)
	// Output:
	// 2 Newtown 2027-04-01
}

func ExampleReadProvidersXLSX() {
	b, err := os.ReadFile("../testdata/dfe/fake_data/combined_scp_ch_fake.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	ps, err := reference.ReadProvidersXLSX(bytes.NewReader(b), int64(len(b)), "combined_scp_ch_fake.xlsx")
	if err != nil {
		fmt.Println(err) // every cell that could not be read, by sheet, row and column
	}
	p, _ := ps.Lookup("mdr00003")
	fmt.Println(ps.Len(), "providers;", p.URN, p.Type, p.Registered, p.Postcode, p.PlacementCodes)
	// Output:
	// 4 providers; MDR00003 Children's Home 1993-12-16 MO6 7NN [K1]
}

func ExampleReadProvidersCSV() {
	f, err := os.Open("testdata/providers.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	ps, err := reference.ReadProvidersCSV(f, "providers.csv")
	if err != nil {
		fmt.Println(err)
	}
	p, _ := ps.Lookup("SC999002")
	fmt.Println(p.Name, p.Closed, p.ProviderCodes)
	// Output:
	// Test Secure Unit 2024-12-31 [PR1]
}
