package validate

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// The catalogue: every version of every rule, from the families' files.
//
// HOW TO ADD A RULE
//
//  1. Find its entry in its family's file (rules_field.go, rules_sequence.go,
//     rules_age.go, rules_duration.go; issue 16: rules_crosstable.go,
//     rules_prevyear.go, rules_oc2.go, rules_postcode.go,
//     rules_provider.go, rules_earlier.go). Every rule of 2022–23 to
//     2026–27 is already listed there with its code, message, fields,
//     tables and years, and Check: nil (reported "not implemented yet").
//     A rule the DfE amended has one entry per version.
//  2. Write its function in the same file, named rule<Code> (rule103,
//     rule503G, ruleSW01aSTG1; a later version rule146v2025), and set
//     Check: rule103 in the entry. The function reads tables through
//     c.Table(ssda903.TableEpisodes) (never nil for the entry's Tables),
//     and flags rows with c.Flag(t, i). Read cells with the helpers of
//     *Table: Code (trimmed, upper-cased; "" when blank), Blank, Missing,
//     Text (as given), Date and BadDate (dd/mm/yyyy, parsed once per
//     run), Int, Child, Children, RowsOf (a child's rows in file order)
//     and SortedByDate; in a loop over many rows take the column once,
//     col := t.Column("LS"), and read col.Code(i) (see rules_duration.go);
//     and c.DOB(child), AgeOn, Birthday, c.Meta (Start, End,
//     Year, Authority), c.Last(t) for the previous year's tables. Never
//     cache anything in package variables: the Table shares parsed
//     columns between rules.
//  3. Correct the entry if the rule needs it: Tables (needed: skipped
//     when absent), Optional (read if present), Last, Needs,
//     AcrossChildren (a rule comparing different children, like a
//     duplicate UPN).
//  4. Run its cases: go test ./ssda903/validate -run '^TestCases$/^103$' -v
//     (the subtests are TestCases/<code>/<case id>/<year>). Progress by
//     family: go test ./ssda903/validate -run '^TestCases$' -v | grep -A12 'cases_test.*passed'.
//     A case the open validator has wrong
//     goes in testdata/disagreements.json with the DfE's rule text and
//     our expected rows.
//
// Messages are the DfE's published wording (through the rule lists in
// ../testdata/dfe); keep them as they are. Code lists used by one family
// live in its file; lists several families use go in codes.go.

// firstYear and lastYear are the years with a rule set.
const (
	firstYear care.CollectionYear = 2022
	lastYear  care.CollectionYear = 2026
)

// Short names of the tables, for the rule lists.
const (
	header         = ssda903.TableHeader
	episodes       = ssda903.TableEpisodes
	reviews        = ssda903.TableReviews
	uasc           = ssda903.TableUASC
	oc2            = ssda903.TableOC2
	oc3            = ssda903.TableOC3
	ad1            = ssda903.TableAD1
	placedAdoption = ssda903.TablePlacedAdoption
	prevPerm       = ssda903.TablePrevPerm
	missing        = ssda903.TableMissing
	swEpisodes     = ssda903.TableSWEpisodes
	dolo           = ssda903.TableDoLo
)

// tables is shorthand for a list of tables.
func tables(ts ...ssda903.Table) []ssda903.Table { return ts }

// fields is shorthand for a list of fields.
func fields(fs ...string) []string { return fs }

// allRules is every version of every rule, in the families' order. It is
// not modified after initialisation.
var allRules = join(fieldRules, sequenceRules, ageRules, durationRules,
	crossTableRules, prevYearRules, oc2Rules, postcodeRules, providerRules, earlierRules)

func join(lists ...[]Rule) []*Rule {
	var out []*Rule
	for _, l := range lists {
		for i := range l {
			out = append(out, &l[i])
		}
	}
	return out
}

// hasRuleSet reports whether y has a rule set.
func hasRuleSet(y care.CollectionYear) bool { return y >= firstYear && y <= lastYear }

// RuleSetYears returns the collection years with a rule set: 2022–23 to 2026–27.
func RuleSetYears() []care.CollectionYear {
	var out []care.CollectionYear
	for y := firstYear; y <= lastYear; y++ {
		out = append(out, y)
	}
	return out
}

// RuleSet returns the rules in force in collection year y, in order of
// their codes, or nil if y has no rule set. It is built as the DfE
// publishes it: the first year's rules, then each following year's,
// which is the previous year's plus that year's additions and amendments
// minus its deletions ([Changes]). The rules are shared: do not modify
// them.
func RuleSet(y care.CollectionYear) []*Rule {
	if !hasRuleSet(y) {
		return nil
	}
	return slices.Clone(ruleSets[y-firstYear])
}

// ruleSets holds each year's rule set, built once at initialisation and
// not modified after.
var ruleSets = func() [][]*Rule {
	var out [][]*Rule
	for y := firstYear; y <= lastYear; y++ {
		out = append(out, buildRuleSet(y))
	}
	return out
}()

// buildRuleSet builds year y's rule set from the first year's, by each
// following year's changes.
func buildRuleSet(y care.CollectionYear) []*Rule {
	set := map[string]*Rule{}
	for year := firstYear; year <= y; year++ {
		ch := changes(year)
		for _, r := range ch.added {
			set[r.Code] = r
		}
		for _, r := range ch.amended {
			set[r.Code] = r
		}
		for _, code := range ch.deleted {
			delete(set, code)
		}
	}
	out := make([]*Rule, 0, len(set))
	for _, r := range set {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Rule) int { return CompareCodes(a.Code, b.Code) })
	return out
}

// Changes returns the codes of the rules that collection year y added,
// amended (a new version replacing the previous year's) and deleted,
// against the previous year's rule set; for the first year, every rule is
// added.
func Changes(y care.CollectionYear) (added, amended, deleted []string) {
	ch := changes(y)
	for _, r := range ch.added {
		added = append(added, r.Code)
	}
	for _, r := range ch.amended {
		amended = append(amended, r.Code)
	}
	deleted = ch.deleted
	for _, s := range [][]string{added, amended, deleted} {
		slices.SortFunc(s, CompareCodes)
	}
	return added, amended, deleted
}

type yearChanges struct {
	added, amended []*Rule
	deleted        []string
}

func changes(y care.CollectionYear) yearChanges {
	var ch yearChanges
	if !hasRuleSet(y) {
		return ch
	}
	inForce := func(code string, year care.CollectionYear) bool {
		if year < firstYear {
			return false
		}
		for _, r := range allRules {
			if r.Code == code && r.Years.Contains(year) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for _, r := range allRules {
		if r.Years.From == y || (y == firstYear && r.Years.Contains(y)) {
			if inForce(r.Code, y-1) {
				ch.amended = append(ch.amended, r)
			} else {
				ch.added = append(ch.added, r)
			}
		}
		if !seen[r.Code] && inForce(r.Code, y-1) && !inForce(r.Code, y) {
			ch.deleted = append(ch.deleted, r.Code)
		}
		seen[r.Code] = true
	}
	return ch
}

// Lookup returns the version of the rule with this code in force in
// collection year y, or nil.
func Lookup(code string, y care.CollectionYear) *Rule {
	for _, r := range allRules {
		if r.Code == code && r.Years.Contains(y) {
			return r
		}
	}
	return nil
}

// CompareCodes orders rule codes as the DfE lists them: by their leading
// number ("103" before "1004"), then as text ("503A" before "503B", codes
// without a number, "SW01aSTG1", "INT31", after those with one).
func CompareCodes(a, b string) int {
	na, ra := leadingNumber(a)
	nb, rb := leadingNumber(b)
	switch {
	case na >= 0 && nb < 0:
		return -1
	case na < 0 && nb >= 0:
		return 1
	}
	if c := cmp.Compare(na, nb); c != 0 {
		return c
	}
	return cmp.Compare(ra, rb)
}

func leadingNumber(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return -1, s
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return -1, s
	}
	return n, s[i:]
}
