package ssda903_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// A program that assesses an authority's return reads it, converts it and
// builds one case per child; every child is either a case or reported.
// testdata/return is a small synthetic return: S003 has no episodes.
func Example() {
	ret, err := ssda903.ReadDir("testdata/return", 2025)
	if err != nil {
		fmt.Println(err) // every problem reading the files, with its place
	}
	rec, err := ret.Records()
	if err != nil {
		fmt.Println(err) // every cell that could not be read
	}
	set := ssda903.Cases(rec)
	for _, c := range set.Cases {
		fmt.Printf("%s: %d episodes, %d reviews\n", c.Care.Child.ID, len(c.Care.Episodes), len(c.Review.Reviews))
	}
	for _, inv := range set.Invalid {
		fmt.Println("invalid:", inv.Errs)
	}
	// Output:
	// S001: 1 episodes, 1 reviews
	// S002: 2 episodes, 1 reviews
	// invalid: testdata/return/header.csv:4: Header row 3, child "S003": episodes: no episodes: a child must have been looked after to be assessed
}

func ExampleReadDir() {
	ret, err := ssda903.ReadDir("testdata/return", 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range ssda903.Tables() {
		if tb := ret.Table(t); tb != nil {
			fmt.Println(t, tb.Len(), "rows from", filepath.Base(tb.Files()[0]))
		}
	}
	// Output:
	// Header 3 rows from header.csv
	// Episodes 3 rows from episodes.csv
	// Reviews 2 rows from reviews.csv
}

// A table is recognised by its header row, whatever the file's name, and
// its columns may come in any order and case.
func ExampleReadFS() {
	fsys := fstest.MapFS{
		"export-1.csv": {Data: []byte("child,review_code,review,dob\nC1,PN1,28/03/2025,14/06/2015\n")},
	}
	ret, err := ssda903.ReadFS(fsys, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	tb := ret.Table(ssda903.TableReviews)
	held, _ := tb.Cell(0, "REVIEW")
	fmt.Println(tb.Columns(), held, tb.Pos(0))
	// Output:
	// [CHILD REVIEW_CODE REVIEW DOB] 28/03/2025 export-1.csv:2 (row 1)
}

func ExampleReadFiles() {
	ret, err := ssda903.ReadFiles(2025, "testdata/return.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	tb := ret.Table(ssda903.TableEpisodes)
	place, _ := tb.Cell(0, "PLACE") // the XML's PL
	fmt.Println(tb.Len(), place, tb.Pos(0))
	// Output:
	// 1 U4 testdata/return.xml:9 (row 1)
}

// A problem never stops the rest being read: here a column the table does
// not have is reported, and the row is read with it.
func ExampleReadCSV() {
	text := "\uFEFFCHILD,DOB,REVIEW,REVIEW_CODE,NOTES\r\nC1,14/06/2015,28/03/2025,PN1,\"a, b\"\r\n"
	ret, err := ssda903.ReadCSV(strings.NewReader(text), "reviews.csv", 2025)
	fmt.Println(err)
	fmt.Println(ret.Table(ssda903.TableReviews).Row(0))
	// Output:
	// reviews.csv:1: Reviews, NOTES: unknown column: the Reviews table has no column "NOTES" in any year (its columns: CHILD, DOB, REVIEW, REVIEW_CODE)
	// [C1 14/06/2015 28/03/2025 PN1 a, b]
}

func ExampleReadXML() {
	doc := `<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><SEX>F</SEX><DOB>14/06/2015</DOB>` +
		`<AREVIEW><REVIEW>28/03/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW></HEADER></CHILD></EXPSSDA903>`
	ret, err := ssda903.ReadXML(strings.NewReader(doc), "return.xml", 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The Reviews row repeats the child's DOB, as the CSV table does.
	fmt.Println(ret.Table(ssda903.TableReviews).Row(0))
	// Output:
	// [C1 14/06/2015 28/03/2025 PN1]
}

func ExampleRawTable_Cell() {
	ret := readExample()
	tb := ret.Table(ssda903.TableEpisodes)
	for i := range tb.Len() {
		child, _ := tb.Cell(i, "CHILD")
		end, _ := tb.Cell(i, "DEC")
		fmt.Printf("%s %q\n", child, end)
	}
	_, ok := tb.Cell(0, "PL_LA")
	fmt.Println("PL_LA given:", ok)
	// Output:
	// S001 ""
	// S002 "01/07/2025"
	// S002 ""
	// PL_LA given: false
}

func readExample() *ssda903.Return {
	ret, err := ssda903.ReadDir("testdata/return", 2025)
	if err != nil {
		panic(err)
	}
	return ret
}

// The CSV writer writes the year's columns in the DfE's order, whatever
// order they were read in.
func ExampleReturn_WriteCSV() {
	fsys := fstest.MapFS{"r.csv": {Data: []byte("REVIEW_CODE,CHILD,REVIEW,DOB\npn1,C1,28/03/2025,14/06/2015\n")}}
	ret, err := ssda903.ReadFS(fsys, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := ret.WriteCSV(&buf, ssda903.TableReviews); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n")) // rows end in CRLF
	// Output:
	// CHILD,DOB,REVIEW,REVIEW_CODE
	// C1,14/06/2015,28/03/2025,pn1
}

func ExampleReturn_WriteDir() {
	dir, err := os.MkdirTemp("", "return")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := readExample().WriteDir(dir); err != nil {
		fmt.Println(err)
		return
	}
	back, err := ssda903.ReadDir(dir, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range ssda903.Tables() {
		if tb := back.Table(t); tb != nil {
			fmt.Println(filepath.Base(tb.Files()[0]), tb.Len())
		}
	}
	// Output:
	// header.csv 3
	// episodes.csv 3
	// reviews.csv 2
}

func ExampleReturn_WriteXML() {
	fsys := fstest.MapFS{
		"h.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,14/06/2015,WBRI,,,\n")},
		"u.csv": {Data: []byte("CHILD,SEX,DOB,DUC\nC1,F,14/06/2015,\n")},
	}
	ret, err := ssda903.ReadFS(fsys, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := ret.WriteXML(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <EXPSSDA903>
	// <CHILD><HEADER><CHILDID>C1</CHILDID><UPN/><SEX>F</SEX><DOB>14/06/2015</DOB><ETHNIC>WBRI</ETHNIC><UASC>1</UASC><DUC/><MOTHER/><MC_DOB/></HEADER></CHILD>
	// </EXPSSDA903>
}

// Records reads the cells as the DfE's tool does (codes in any case,
// surrounding spaces trimmed), and reports what it cannot read without
// quoting a date of birth.
func ExampleReturn_Records() {
	fsys := fstest.MapFS{
		"h.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1, f ,31/02/2015,wbri,,,\n")},
	}
	ret, _ := ssda903.ReadFS(fsys, 2025)
	rec, err := ret.Records()
	fmt.Println(err)
	h := rec.Header[0]
	fmt.Println(h.Child.Sex, h.Child.Ethnicity, h.Child.DateOfBirth.IsZero())
	fmt.Println(errors.Is(err, care.ErrInvalidDate))
	// Output:
	// h.csv:2: Header row 1, child "C1", DOB: parsing date (input withheld): invalid date: no such day
	// F WBRI true
	// true
}

// Records.Return writes each value in the form of the year: sex is 1 or 2
// before 2024–25.
func ExampleRecords_Return() {
	rec := &ssda903.Records{Year: 2023, Header: []ssda903.Header{{Child: care.Child{
		ID: "C1", Sex: care.SexFemale, DateOfBirth: care.MustDate(2015, time.June, 14), Ethnicity: care.EthnicityWBRI}}}}
	ret, err := rec.Return()
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if err := ret.WriteCSV(&buf, ssda903.TableHeader); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n")) // rows end in CRLF
	// Output:
	// CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
	// C1,2,14/06/2015,WBRI,,,
}

// Cases puts each child's rows in date order, and maps a problem with the
// case back to the row and column it came from.
func ExampleCases() {
	fsys := fstest.MapFS{
		"h.csv": {Data: []byte("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,14/06/2015,WBRI,,,\nC2,M,02/11/2011,WBRI,,,\n")},
		"e.csv": {Data: []byte("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
			"C1,01/07/2025,P,C2,N1,K2,PR3,,,,,,\n" +
			"C1,03/03/2025,S,C2,N1,U4,PR1,01/07/2025,X1,CARPL,,,\n" +
			"C2,03/03/2025,S,V2,N1,U4,PR1,01/02/2025,E8,,,,\n")},
	}
	ret, _ := ssda903.ReadFS(fsys, 2025)
	rec, _ := ret.Records()
	set := ssda903.Cases(rec)
	for _, e := range set.Cases[0].Care.Episodes {
		fmt.Println(set.Cases[0].Care.Child.ID, e.Start, e.PlacementType)
	}
	for _, inv := range set.Invalid {
		fmt.Println(inv.Errs)
	}
	// Output:
	// C1 2025-03-03 U4
	// C1 2025-07-01 K2
	// e.csv:4: Episodes row 3, child "C2", DEC: episode ends 2025-02-01, before it starts 2025-03-03
}

// This year's return holds the episode open in its year, a change of
// placement; last year's holds the episode that began the period of care
// and the reviews before it.
func ExampleCasesWithPrevious() {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,F,14/06/2015,WBRI,,,\n"
	episodes := "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
	reviews := "CHILD,DOB,REVIEW,REVIEW_CODE\n"
	read := func(y care.CollectionYear, e, r string) *ssda903.Records {
		ret, _ := ssda903.ReadFS(fstest.MapFS{"h.csv": {Data: []byte(header)}, "e.csv": {Data: []byte(episodes + e)},
			"r.csv": {Data: []byte(reviews + r)}}, y)
		rec, _ := ret.Records()
		return rec
	}
	last := read(2024, "C1,03/06/2024,S,C2,N1,U4,PR1,01/02/2025,X1,CARPL,,,\nC1,01/02/2025,P,C2,N1,K2,PR3,,,,,,\n",
		"C1,14/06/2015,28/06/2024,PN1\nC1,14/06/2015,10/09/2024,PN1\n")
	this := read(2025, "C1,01/02/2025,P,C2,N1,K2,PR3,,,,,,\n", "C1,14/06/2015,01/03/2025,PN1\nC1,14/06/2015,20/08/2025,PN1\n")
	c := ssda903.CasesWithPrevious(this, last).Cases[0]
	fmt.Println(len(c.Care.Episodes), "episodes,", len(c.Review.Reviews), "reviews, from", c.Coverage.From, "to", c.Coverage.To)
	// Output:
	// 2 episodes, 4 reviews, from 2024-04-01 to 2026-03-31
}

// A case built from the return carries what the return holds, over the
// collection year; the rules that read anything else are not assessed.
func ExampleReturnCoverage() {
	cov := ssda903.ReturnCoverage(2025)
	fmt.Println(cov.Source)
	fmt.Println(cov.Carries)
	fmt.Println(cov.From, "to", cov.To)
	// Output:
	// SSDA903 return 2025-26
	// episodes|missing|reviews|allocations|adoption
	// 2025-04-01 to 2026-03-31
}

func ExampleFromCases() {
	cohort := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 3})
	rec := ssda903.FromCases(cohort.Cases, 2025)
	fmt.Println(len(rec.Header), "children;", "tables:", rec.Supplied.Tables())
	// Output:
	// 3 children; tables: [Header Episodes Reviews UASC OC2 OC3 AD1 PlacedAdoption PrevPerm Missing SWEpisodes]
}

func ExampleWriteCases() {
	dir, err := os.MkdirTemp("", "return")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	cohort := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 50})
	if err := ssda903.WriteCases(dir, cohort.Cases, 2025); err != nil {
		fmt.Println(err)
		return
	}
	ret, err := ssda903.ReadDir(dir, 2025)
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := ret.Records()
	if err != nil {
		fmt.Println(err)
		return
	}
	set := ssda903.Cases(rec)
	fmt.Println(len(set.Cases), "cases,", len(set.Invalid), "invalid")
	// Output:
	// 50 cases, 0 invalid
}

func ExampleNormalizeCode() {
	fmt.Printf("%q %q\n", ssda903.NormalizeCode("  wbri "), ssda903.NormalizeCode("U4"))
	// Output:
	// "WBRI" "U4"
}

func ExampleParseYear() {
	for _, s := range []string{"2025-26", "2025/26", "lac2025_26", "2026"} {
		y, err := ssda903.ParseYear(s)
		fmt.Println(s, y, err)
	}
	// Output:
	// 2025-26 2025-26 <nil>
	// 2025/26 2025-26 <nil>
	// lac2025_26 2025-26 <nil>
	// 2026 2025-26 <nil>
}

func ExampleParseDate() {
	d, err := ssda903.ParseDate("1/4/2025")
	fmt.Println(d, err)
	_, err = ssda903.ParseDate("2025-04-01")
	fmt.Println(err)
	// Output:
	// 2025-04-01 <nil>
	// care: parsing "2025-04-01" as date: invalid date: want dd/mm/yyyy
}

func ExampleFormatDate() {
	fmt.Println(ssda903.FormatDate(care.MustDate(2025, time.April, 1)))
	// Output: 01/04/2025
}

func ExampleParsePartialDate() {
	p, err := ssda903.ParsePartialDate("zz/05/2021")
	fmt.Println(p, p.Year(), p.Month(), p.Day(), err)
	_, full := p.Date()
	fmt.Println(full)
	// Output:
	// ZZ/05/2021 2021 May 0 <nil>
	// false
}

func ExamplePartialDateOf() {
	fmt.Println(ssda903.PartialDateOf(care.MustDate(2019, time.November, 5)))
	// Output: 05/11/2019
}

func ExampleTable_Columns() {
	fmt.Println(ssda903.TableSWEpisodes.Columns(2025))
	fmt.Println(ssda903.TableSWEpisodes.Columns(2022)) // before the table existed
	// Output:
	// [CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON]
	// []
}

func ExampleColumnsAccepted() {
	fmt.Println(ssda903.ColumnsAccepted(ssda903.TableHeader))
	// Output: [CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB UASC]
}

func ExampleFileName() {
	fmt.Println(ssda903.FileName(ssda903.TablePlacedAdoption))
	// Output: placed_for_adoption.csv
}

func ExampleErrors() {
	_, err := ssda903.ReadCSV(strings.NewReader("CHILD,DOB\n"), "mystery.csv", 2025)
	var errs ssda903.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Println(e.File, e.Line, errors.Is(e, ssda903.ErrUnknownTable))
		}
	}
	// Output:
	// mystery.csv 1 true
}

func ExampleParseFlag() {
	f, err := ssda903.ParseFlag("1")
	fmt.Println(f == ssda903.FlagYes, err)
	// Output: true <nil>
}

func ExampleParseInTouch() {
	v, err := ssda903.ParseInTouch("RHOM")
	fmt.Println(v == ssda903.InTouchRHOM, err)
	// Output: true <nil>
}

func ExampleParseActivity() {
	v, err := ssda903.ParseActivity("0")
	fmt.Println(v == ssda903.Activity0, err)
	// Output: true <nil>
}

func ExampleParseAccommodation() {
	v, err := ssda903.ParseAccommodation("B2")
	fmt.Println(v, err)
	// Output: B2 <nil>
}

func ExampleParseAdopterSex() {
	v, err := ssda903.ParseAdopterSex("MF")
	fmt.Println(v == ssda903.AdopterSexMF, err)
	// Output: true <nil>
}

func ExampleParseAdopterLegalStatus() {
	v, err := ssda903.ParseAdopterLegalStatus("L11")
	fmt.Println(v, err)
	// Output: L11 <nil>
}

func ExampleParseReasonPlacedCeased() {
	_, err := ssda903.ParseReasonPlacedCeased("XXX")
	fmt.Println(err)
	// Output: care: parsing "XXX" as reason placed for adoption ceased: unknown code
}

func ExampleParsePreviousPermanence() {
	v, err := ssda903.ParsePreviousPermanence("Z1")
	fmt.Println(v == ssda903.PreviousPermanenceZ1, err)
	// Output: true <nil>
}

func ExampleParseSWReason() {
	v, err := ssda903.ParseSWReason("FCONTA")
	fmt.Println(v, err)
	// Output: FCONTA <nil>
}

func ExampleParsePlacementLocation() {
	v, err := ssda903.ParsePlacementLocation("OUT")
	fmt.Println(v == ssda903.PlacementLocationOUT, err)
	// Output: true <nil>
}

// Reading this year's return and last year's gives two Returns, each
// with its year, as the DfE's checks against the previous year need.
func Example_previousYear() {
	current, err := ssda903.ReadXML(bytes.NewReader(nil), "current.xml", 2025)
	fmt.Println(current.Year, err != nil)
	previous, err := ssda903.ReadDir("testdata/return", current.Year-1)
	fmt.Println(previous.Year, err)
	// Output:
	// 2025-26 true
	// 2024-25 <nil>
}
