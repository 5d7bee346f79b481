package validate_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// A return is validated against its year's rule set; each flagged row is
// named by its file and row.
func ExampleRun() {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
		"C1,1,01/02/2012,WBRI,UN1,,\n" +
		"C2,2,31/02/2013,wbrx,UN1,,\n"
	ret, _ := ssda903.ReadCSV(strings.NewReader(header), "header.csv", 2025)
	res, err := validate.Run(context.Background(), ret, validate.Options{Codes: []string{"102", "103", "148"}})
	if err != nil {
		fmt.Println(err)
	}
	for _, rr := range res.Rules {
		for _, f := range rr.Flags {
			fmt.Printf("%s %s: %s %v\n", rr.Rule.Code, f.Pos, rr.Rule.Message, rr.Rule.Fields)
		}
	}
	for _, s := range res.Skipped {
		fmt.Println("skipped", s.Rule.Code+":", s.Reason)
	}
	// Output:
	// 102 header.csv:3 (row 2): Date of birth is not a valid date. [DOB]
	// 103 header.csv:3 (row 2): The ethnicity code is either not valid or has not been entered. [ETHNIC]
	// skipped 148: the return has no Episodes table
}

// An integration checks one child's record as it is saved: the flags are
// those the whole return gives that child.
func ExampleRunChild() {
	header := "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" +
		"C1,1,01/02/2012,XXXX,UN1,,\n" +
		"C2,2,01/03/2013,XXXX,UN1,,\n"
	ret, _ := ssda903.ReadCSV(strings.NewReader(header), "header.csv", 2025)
	res, _ := validate.RunChild(context.Background(), ret, "C2", validate.Options{Codes: []string{"103"}})
	for _, cr := range res.ByChild() {
		for _, f := range cr.Flags {
			fmt.Println(cr.Child, f.Rule.Code, f.Flag.Table, f.Flag.Pos.Row)
		}
	}
	// Output:
	// C2 103 Header 2
}

// A rule is found from its code and year; the DfE amended rule 101 in
// 2024–25.
func ExampleLookup() {
	for _, y := range []care.CollectionYear{2023, 2024} {
		r := validate.Lookup("101", y)
		fmt.Printf("%s (%s): %s\n", r.Code, r.Years, r.Message)
	}
	// Output:
	// 101 (2022-23 to 2023-24): Gender code is not valid.
	// 101 (2024-25 onwards): The child or young person’s reported sex is not valid.
}

// Each year's rule set is the previous year's with that year's changes.
func ExampleChanges() {
	added, amended, deleted := validate.Changes(2026)
	fmt.Println(len(validate.RuleSet(2025)), "+", len(added), "−", len(deleted), "=", len(validate.RuleSet(2026)))
	fmt.Println("added:", added)
	fmt.Println("amended:", len(amended))
	// Output:
	// 311 + 11 − 0 = 322
	// added: [700 701 702 703 704 705 706 707 708 709 710]
	// amended: 0
}

// RuleSet lists the rules in force in a year.
func ExampleRuleSet() {
	set := validate.RuleSet(2025)
	fmt.Println(len(set), set[0].Code, set[0].Family)
	// Output:
	// 311 101 field
}
