package validate

import (
	"strconv"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// Rule is one version of one DfE validation rule: what it says, what it
// reads, the collection years it is in force, and the function that
// applies it. A rule the DfE amended has one Rule value per version, each
// with its own years (the same Code in years that do not overlap).
//
// The rules of the catalogue are package-level values and must not be
// modified; [Options.Rules] runs rules of the caller's own instead.
type Rule struct {
	// Code is the rule's code exactly as the DfE writes it: "103", "SW01",
	// "503G", "1004".
	Code string
	// Message is the DfE's message for the rule (see the package
	// documentation: its published wording, reused under the Open
	// Government Licence).
	Message string
	// Fields are the fields the DfE names as affected: the columns a user
	// looks at to correct a flagged row.
	Fields []string
	// Tables are the tables of this year's return the rule needs: when
	// one is absent the rule is skipped, with the reason, never passed.
	Tables []ssda903.Table
	// Optional are tables the rule reads when they are present and does
	// without when they are absent.
	Optional []ssda903.Table
	// Last are the tables of the previous year's return the rule needs:
	// when there is no previous year's return, or it lacks one of them,
	// the rule is skipped.
	Last []ssda903.Table
	// Needs lists the inputs other than tables the rule needs (the
	// authority's code, reference data): when one is not given the rule
	// is skipped.
	Needs Need
	// Derived are the postcode-derived columns of the Episodes table
	// (PL_DISTANCE, PL_LA, PL_LOCATION) the rule reads: when this year's
	// Episodes table (and, for a rule with Last, last year's) neither
	// gives one nor can have it derived ([Metadata.Postcodes]), the rule
	// is skipped, never run on unknowns.
	Derived []string
	// Years are the collection years this version is in force.
	Years Years
	// Family is the rule's primary family: what kind of reading it does.
	Family Family
	// AcrossChildren marks a rule that compares different children's rows
	// (a duplicate UPN): [RunChild] runs it over the whole return and
	// keeps the child's flags, so that they are the same as [Run]'s.
	AcrossChildren bool
	// Check applies the rule, flagging rows through c; nil while the rule
	// is not yet implemented (it is then skipped, with that reason).
	Check func(c *Check)
}

// Years is the span of collection years a version of a rule is in force,
// inclusive: From to Until, or From onwards when Until is zero.
type Years struct {
	From, Until care.CollectionYear
}

// Contains reports whether y is one of the years.
func (ys Years) Contains(y care.CollectionYear) bool {
	return y >= ys.From && (ys.Until == 0 || y <= ys.Until)
}

// String returns the years as "2022-23 to 2024-25", or "2024-25 onwards".
func (ys Years) String() string {
	switch {
	case ys.Until == 0:
		return ys.From.String() + " onwards"
	case ys.Until == ys.From:
		return ys.From.String()
	}
	return ys.From.String() + " to " + ys.Until.String()
}

// Need is a set of inputs, other than the tables, that a rule needs.
type Need uint8

// The inputs a rule may need.
const (
	// NeedAuthority: the authority's code ([Metadata.Authority]).
	NeedAuthority Need = 1 << iota
	// NeedProviders: the Ofsted provider lists ([Metadata.Providers]).
	NeedProviders
	// NeedPostcodes: postcode reference data itself
	// ([Metadata.Postcodes]), for a rule that judges the postcodes (a
	// rule that reads only the derived columns lists them in
	// [Rule.Derived] instead).
	NeedPostcodes
)

// Family is a rule's primary family: the kind of reading it does, as
// the rule lists (testdata/dfe/rules_2025_26.json) classify it.
type Family uint8

// The families of rules.
const (
	FamilyUnknown     Family = iota
	FamilyField              // field: one row of one table: code lists, valid dates, fields required together
	FamilySequence           // sequence: across the rows of one table (episodes in order, duplicates)
	FamilyAge                // age: a child's age on some date
	FamilyDuration           // duration: days, weeks or months between dates
	FamilyCrossTable         // cross-table: joins two or more tables
	FamilyPrevYear           // prev-year: compares with the previous year's return
	FamilyOC2Cohort          // oc2-cohort: looked after continuously for 12 months at 31 March
	FamilyRefPostcode        // ref-postcode: postcode-derived fields or the authority's code
	FamilyRefProvider        // ref-provider: the Ofsted provider lists
	numFamilies
)

var familyNames = [numFamilies]string{"", "field", "sequence", "age", "duration", "cross-table", "prev-year", "oc2-cohort", "ref-postcode", "ref-provider"}

// String returns the family's name as the rule lists write it ("field",
// "cross-table"), "" for [FamilyUnknown].
func (f Family) String() string {
	if f < numFamilies {
		return familyNames[f]
	}
	return "Family(" + strconv.Itoa(int(f)) + ")"
}
