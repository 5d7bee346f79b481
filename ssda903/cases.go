package ssda903

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/supervision"
)

// CaseSet accounts for every child of a return: a [practice.Case] for
// each child whose records are valid, and every other child with the
// problems that make it invalid. Each child of the Header table is in
// exactly one of the two lists, in the order of the Header table; so is
// each child that appears in another table only (invalid: it has no
// Header row), after them, in order of first appearance; and so is each
// Header row with a blank CHILD (invalid, with an empty Child).
type CaseSet struct {
	Cases   []practice.Case
	Invalid []InvalidChild
}

// InvalidChild is a child of a return whose records cannot make a valid
// case, with every problem: each names the table, row and column it
// concerns.
type InvalidChild struct {
	// Child is the child's ID (CHILD).
	Child string
	// Pos is the child's Header row; zero if the child has none.
	Pos Pos
	// Case is the case as built from the child's records, for a caller
	// that wants to look at it: [practice.Case.Validate] fails on it, or
	// some of the child's cells could not be read.
	Case practice.Case
	// Errs are the problems: those [Return.Records] found in the cells
	// the case holds, the rows with no Header row, and those
	// [practice.Case.Validate] reports, each mapped back to the row and
	// column it concerns (a problem with the episodes as a whole, such
	// as there being none, is placed on the Header row).
	Errs Errors
}

// Cases builds one [practice.Case] for each child of the records, and
// accounts for every child ([CaseSet]). Team and Office are left empty:
// the return does not hold them.
//
// A child's case holds what the return says about the child:
//
//   - Care.Child from the Header row (ID, date of birth, sex, ethnicity,
//     UPN), with UASC set when the Header's UASC flag is 1 or the child
//     has a UASC row;
//   - Care.Episodes from the Episodes rows, and Care.MissingEpisodes (type,
//     start, end) from the Missing rows;
//   - Review.Reviews (the date held and the participation code) from the
//     Reviews rows;
//   - Supervision.Allocations (worker, from, to) from the SWEpisodes rows;
//   - Permanence.Adoption's authority to place, placement for adoption and
//     adoption order from the episodes (see adoptionOf), and its Match and
//     FosterCarerAdoption from the AD1 row;
//   - Coverage: the record families the return carries (episodes,
//     reviews, missing episodes, adoption, and social worker allocations in
//     the years that have them) over the collection year, named
//     "SSDA903 return 2025-26" (see [ReturnCoverage]).
//
// Each list is put in date order (stably: rows of the same date keep the
// order given), as practice.Case requires; the return's rows are in no
// order the DfE prescribes. The other tables (UASC's dates, OC2, OC3,
// PlacedAdoption, PrevPerm, DoLo) and the columns the case has no field
// for (MOTHER, MC_DOB, the adopters, SW_REASON, PL_LA, PL_LOCATION) stay
// in the records.
//
// A child is invalid if [Return.Records] could not read one of its cells
// that the case holds, if it has rows but no Header row (or two Header
// rows, or two AD1 rows), or if [practice.Case.Validate] fails on its
// case: a child with no episodes, for one. A first episode that continues
// a period of care begun before the collection year (its reason new is
// not S, and it started on or before 1 April) is not a fault: the return
// holds the episodes open in its year, and the case's coverage says so
// ([care.History.ResetFrom]). A cell the case does not hold
// (an OC3 code, SW_REASON, MOTHER) that could not be read is in
// Records.Problems, and does not stop the child's case being built.
func Cases(rec *Records) CaseSet { return newAssembler(rec).cases() }

// cases builds the assembler's cases, as [Cases] describes.
func (a *assembler) cases() CaseSet {
	rec := a.rec
	// A case is over a kilobyte: the list is made once, at its size.
	out := CaseSet{Cases: make([]practice.Case, 0, len(a.children))}
	for i := range a.children {
		ch := &a.children[i]
		c := a.build(i)
		if len(ch.errs) == 0 {
			if err := c.Validate(); err != nil {
				a.mapValidation(i, err)
			}
		}
		if len(ch.errs) == 0 {
			out.Cases = append(out.Cases, c)
			continue
		}
		inv := InvalidChild{Child: ch.id, Case: c, Errs: ch.errs}
		if ch.header >= 0 {
			inv.Pos = rec.Header[ch.header].Pos
		}
		out.Invalid = append(out.Invalid, inv)
	}
	return out
}

// CasesWithPrevious is [Cases] for a return read with the previous
// year's, prev: each child of rec's return has, besides its rows in rec,
// the rows of prev that fall before rec's year and that rec does not
// repeat — the reviews held and missing episodes begun before rec's year
// began, and the episodes that started before the child's first episode
// in rec; a review or missing episode of the same date in both is rec's —
// and its case covers both years (Coverage.From is the first day
// of prev's year). Children only in prev (who left care before rec's
// year) are not in the set. Each row keeps its own file and row, so a
// problem with one of prev's rows names prev's file. A nil prev gives
// [Cases] of rec.
func CasesWithPrevious(rec, prev *Records) CaseSet {
	if prev == nil {
		return Cases(rec)
	}
	start := ReturnCoverage(rec.Year).From
	children := make(map[string]bool, len(rec.Header))
	for _, h := range rec.Header {
		children[h.Child.ID] = true
	}
	firstEp := map[string]care.Date{}
	for _, e := range rec.Episodes {
		if f, ok := firstEp[e.Child]; !ok || e.Start.Before(f) {
			firstEp[e.Child] = e.Start
		}
	}
	merged := *rec
	merged.Episodes = slices.Clone(rec.Episodes)
	for _, e := range prev.Episodes {
		if f, ok := firstEp[e.Child]; children[e.Child] && (!ok || e.Start.Before(f)) {
			merged.Episodes = append(merged.Episodes, e)
		}
	}
	// A row of prev that rec repeats (the same child and date) is rec's.
	type dated struct {
		child string
		day   care.Date
	}
	seen := map[dated]bool{}
	merged.Reviews = slices.Clone(rec.Reviews)
	for _, r := range rec.Reviews {
		seen[dated{r.Child, r.Held}] = true
	}
	for _, r := range prev.Reviews {
		if children[r.Child] && r.Held.Before(start) && !seen[dated{r.Child, r.Held}] {
			merged.Reviews = append(merged.Reviews, r)
		}
	}
	clear(seen)
	merged.Missing = slices.Clone(rec.Missing)
	for _, m := range rec.Missing {
		seen[dated{m.Child, m.Start}] = true
	}
	for _, m := range prev.Missing {
		if children[m.Child] && m.Start.Before(start) && !seen[dated{m.Child, m.Start}] {
			merged.Missing = append(merged.Missing, m)
		}
	}
	a := newAssembler(&merged)
	if !start.IsZero() && prev.Year != 0 {
		a.coverage.From = ReturnCoverage(prev.Year).From
		a.coverage.Source = "SSDA903 returns " + prev.Year.String() + " and " + rec.Year.String()
	}
	return a.cases()
}

// ReturnCoverage is what a case built from the return of collection year
// y holds ([practice.Case].Coverage): the child and episodes, the reviews
// held, the missing episodes, the adoption dates (authority to place,
// placement, match, order) and, from 2023–24, the social worker
// allocations, over the collection year. It does not hold visits, plans,
// health, education, events, return interviews, risk meetings, approvals,
// care leavers' plans, review records, IRO records, supervision,
// permanence plans, proceedings, adoption reviews or special guardianship:
// the rules that read them are not assessed on a return.
//
// The From date is the first day of the collection year: the return's
// episodes go back to the start of the child's care, but its reviews and
// missing episodes are those of the year only, so obligations that fell
// due before it cannot be judged from it.
func ReturnCoverage(y care.CollectionYear) care.Coverage {
	carries := care.FamilyEpisodes | care.FamilyReviews | care.FamilyMissing | care.FamilyAdoption
	if TableSWEpisodes.ValidIn(y) {
		carries |= care.FamilyAllocations
	}
	cov := care.Coverage{Source: "SSDA903 return " + y.String(), Carries: carries}
	if y != 0 {
		p := y.Period()
		cov.From, cov.To = p.Start, p.End.AddDays(-1)
	}
	return cov
}

// assembler groups a return's records by child.
type assembler struct {
	rec      *Records
	coverage care.Coverage
	children []assembled
	byID     map[string]int32
	// rows[t] lists, for table t, the indexes of its records child after
	// child; from[t][k] is where child k's begin (and from[t][k+1] where
	// they end).
	rows [numTables][]int32
	from [numTables][]int32
}

type assembled struct {
	id     string
	header int // index in rec.Header, or -1
	errs   Errors
}

func newAssembler(rec *Records) *assembler {
	a := &assembler{rec: rec, coverage: ReturnCoverage(rec.Year), byID: make(map[string]int32, len(rec.Header))}
	add := func(id string, header int) int32 {
		a.children = append(a.children, assembled{id: id, header: header})
		return int32(len(a.children) - 1)
	}
	for i, h := range rec.Header {
		id := h.Child.ID
		if id == "" {
			k := add("", i)
			a.children[k].errs = append(a.children[k].errs, errAt(h.Pos, TableHeader, "", "CHILD",
				fmt.Errorf("%w: the Header row's CHILD is blank", ErrNoChild)))
			continue
		}
		if k, dup := a.byID[id]; dup {
			a.children[k].errs = append(a.children[k].errs, errAt(h.Pos, TableHeader, id, "CHILD",
				fmt.Errorf("%w: a second Header row for the child (the first is row %d)", ErrDuplicate, rec.Header[a.children[k].header].Pos.Row)))
			continue
		}
		a.byID[id] = add(id, i)
	}
	ids := [numTables]func(int) (string, Pos){
		TableEpisodes:       func(i int) (string, Pos) { return rec.Episodes[i].Child, rec.Episodes[i].Pos },
		TableReviews:        func(i int) (string, Pos) { return rec.Reviews[i].Child, rec.Reviews[i].Pos },
		TableUASC:           func(i int) (string, Pos) { return rec.UASC[i].Child, rec.UASC[i].Pos },
		TableOC2:            func(i int) (string, Pos) { return rec.OC2[i].Child, rec.OC2[i].Pos },
		TableOC3:            func(i int) (string, Pos) { return rec.OC3[i].Child, rec.OC3[i].Pos },
		TableAD1:            func(i int) (string, Pos) { return rec.AD1[i].Child, rec.AD1[i].Pos },
		TablePlacedAdoption: func(i int) (string, Pos) { return rec.PlacedAdoption[i].Child, rec.PlacedAdoption[i].Pos },
		TablePrevPerm:       func(i int) (string, Pos) { return rec.PrevPerm[i].Child, rec.PrevPerm[i].Pos },
		TableMissing:        func(i int) (string, Pos) { return rec.Missing[i].Child, rec.Missing[i].Pos },
		TableSWEpisodes:     func(i int) (string, Pos) { return rec.SWEpisodes[i].Child, rec.SWEpisodes[i].Pos },
		TableDoLo:           func(i int) (string, Pos) { return rec.DoLo[i].Child, rec.DoLo[i].Pos },
	}
	lens := [numTables]int{TableEpisodes: len(rec.Episodes), TableReviews: len(rec.Reviews), TableUASC: len(rec.UASC),
		TableOC2: len(rec.OC2), TableOC3: len(rec.OC3), TableAD1: len(rec.AD1), TablePlacedAdoption: len(rec.PlacedAdoption),
		TablePrevPerm: len(rec.PrevPerm), TableMissing: len(rec.Missing), TableSWEpisodes: len(rec.SWEpisodes), TableDoLo: len(rec.DoLo)}
	// owner[t][i] is the child of record i of table t, or -1.
	var owner [numTables][]int32
	for t := TableEpisodes; t < numTables; t++ {
		owner[t] = make([]int32, lens[t])
		for i := range lens[t] {
			id, pos := ids[t](i)
			if id == "" {
				owner[t][i] = -1 // reported by Records
				continue
			}
			k, ok := a.byID[id]
			if !ok {
				k = add(id, -1)
				a.byID[id] = k
			}
			owner[t][i] = k
			if a.children[k].header < 0 {
				a.children[k].errs = append(a.children[k].errs, errAt(pos, t, id, "CHILD",
					fmt.Errorf("%w: the child has no Header row", ErrNoChild)))
			}
		}
	}
	n := len(a.children)
	for t := TableEpisodes; t < numTables; t++ {
		from := make([]int32, n+1)
		for _, k := range owner[t] {
			if k >= 0 {
				from[k+1]++
			}
		}
		for k := range n {
			from[k+1] += from[k]
		}
		rows := make([]int32, from[n])
		next := slices.Clone(from[:n])
		for i, k := range owner[t] {
			if k >= 0 {
				rows[next[k]] = int32(i)
				next[k]++
			}
		}
		a.rows[t], a.from[t] = rows, from
	}
	for _, p := range rec.Problems {
		if p.Child == "" || !feedsCase(p.Table, p.Column) {
			continue
		}
		if k, ok := a.byID[p.Child]; ok {
			a.children[k].errs = append(a.children[k].errs, p)
		}
	}
	return a
}

// feedsCase reports whether column of table t feeds a child's case, so
// that a cell of it that could not be read makes the child invalid.
func feedsCase(t Table, column string) bool {
	switch t {
	case TableHeader:
		return column != "MOTHER" && column != "MC_DOB"
	case TableEpisodes:
		return column != "PL_LA" && column != "PL_LOCATION"
	case TableReviews, TableMissing:
		return column != "DOB"
	case TableSWEpisodes:
		return column != "DOB" && column != "SW_REASON"
	case TableAD1:
		return column == "DATE_MATCH" || column == "FOSTER_CARE"
	}
	return false
}

// errAt builds an Error at a position.
func errAt(p Pos, t Table, child, column string, err error) *Error {
	return &Error{File: p.File, Table: t, Row: p.Row, Line: p.Line, Column: column, Child: child, Err: err}
}

// of returns the indexes of child k's records of table t, sorted stably
// by date.
func (a *assembler) of(t Table, k int, date func(int32) care.Date) []int32 {
	rows := a.rows[t][a.from[t][k]:a.from[t][k+1]]
	if date != nil && !slices.IsSortedFunc(rows, func(x, y int32) int { return date(x).Compare(date(y)) }) {
		slices.SortStableFunc(rows, func(x, y int32) int { return date(x).Compare(date(y)) })
	}
	return rows
}

// build makes child k's case.
func (a *assembler) build(k int) practice.Case {
	rec := a.rec
	ch := &a.children[k]
	var c practice.Case
	if ch.header >= 0 {
		h := rec.Header[ch.header].Child
		c.Care.Child = care.Child{ID: h.ID, DateOfBirth: h.DateOfBirth, Sex: h.Sex, Ethnicity: h.Ethnicity, UPN: h.UPN,
			UASC: rec.Header[ch.header].UASC == FlagYes}
	} else {
		c.Care.Child.ID = ch.id
	}
	if len(a.of(TableUASC, k, nil)) > 0 {
		c.Care.Child.UASC = true
	}
	if rows := a.of(TableEpisodes, k, func(i int32) care.Date { return rec.Episodes[i].Start }); len(rows) > 0 {
		c.Care.Episodes = make([]care.Episode, len(rows))
		for j, i := range rows {
			c.Care.Episodes[j] = rec.Episodes[i].Episode
		}
	}
	if rows := a.of(TableMissing, k, func(i int32) care.Date { return rec.Missing[i].Start }); len(rows) > 0 {
		c.Care.MissingEpisodes = make([]care.MissingEpisode, len(rows))
		for j, i := range rows {
			m := rec.Missing[i]
			c.Care.MissingEpisodes[j] = care.MissingEpisode{Type: m.Type, Start: m.Start, End: m.End}
		}
	}
	if rows := a.of(TableReviews, k, func(i int32) care.Date { return rec.Reviews[i].Held }); len(rows) > 0 {
		c.Review.Reviews = make([]review.Review, len(rows))
		for j, i := range rows {
			c.Review.Reviews[j] = review.Review{Held: rec.Reviews[i].Held, Participation: rec.Reviews[i].Participation}
		}
	}
	if rows := a.of(TableSWEpisodes, k, func(i int32) care.Date { return rec.SWEpisodes[i].Start }); len(rows) > 0 {
		c.Supervision.Allocations = make([]supervision.Allocation, len(rows))
		for j, i := range rows {
			s := rec.SWEpisodes[i]
			c.Supervision.Allocations[j] = supervision.Allocation{Child: ch.id, Worker: s.Worker, From: s.Start, To: s.End}
		}
	}
	c.Permanence.Adoption = adoptionOf(c.Care.Episodes)
	for j, i := range a.of(TableAD1, k, nil) {
		ad := rec.AD1[i]
		if j > 0 {
			ch.errs = append(ch.errs, errAt(ad.Pos, TableAD1, ch.id, "", fmt.Errorf("%w: a second AD1 row for the child (a child is adopted once)", ErrDuplicate)))
			continue
		}
		c.Permanence.Adoption.Match = ad.Matched
		c.Permanence.Adoption.FosterCarerAdoption = ad.FosterCare == FlagYes
	}
	c.Coverage = a.coverage
	return c
}

// adoptionOf reads the adoption dates the episodes give, in the child's
// latest period of care: the authority to place (the start of the first
// episode under a placement order, E1, or a freeing order, D1), the
// placement for adoption (the start of the first episode placed for
// adoption, A3 to A6, on or after it) and the adoption order (the end of
// the episode that ceased with the child adopted, E11 or E12). The
// return's episodes are the only source of these dates; AD1 adds the match.
func adoptionOf(eps []care.Episode) permanence.Adoption {
	var ad permanence.Adoption
	ps := care.PeriodsOfCare(eps)
	if len(ps) == 0 {
		return ad
	}
	latest := ps[len(ps)-1].Start
	for _, e := range eps {
		if e.Start.Before(latest) {
			continue
		}
		if ad.PlacementOrder.IsZero() && (e.LegalStatus.IsPlacementOrder() || e.LegalStatus.IsFreeingOrder()) {
			ad.PlacementOrder = e.Start
		}
		if ad.Placed.IsZero() && !ad.PlacementOrder.IsZero() && e.PlacementType.IsAdoptive() {
			ad.Placed = e.Start
		}
		if ad.AdoptionOrder.IsZero() && !ad.Placed.IsZero() && e.ReasonCeased.IsAdoption() && !e.End.IsZero() {
			ad.AdoptionOrder = e.End
		}
	}
	return ad
}

// mapValidation files the problems practice.Case.Validate found under
// the rows and columns they concern.
func (a *assembler) mapValidation(k int, err error) {
	ch := &a.children[k]
	var fes care.ValidationErrors
	if !errors.As(err, &fes) {
		ch.errs = append(ch.errs, a.headerErr(ch, "", err))
		return
	}
	rec := a.rec
	for _, fe := range fes {
		list, idx, field := splitPath(fe.Path)
		var e *Error
		switch list {
		case "episodes":
			rows := a.of(TableEpisodes, k, func(i int32) care.Date { return rec.Episodes[i].Start })
			if idx >= 0 && idx < len(rows) {
				e = errAt(rec.Episodes[rows[idx]].Pos, TableEpisodes, ch.id, episodeColumn(field), fe.Err)
			}
		case "missing_episodes":
			rows := a.of(TableMissing, k, func(i int32) care.Date { return rec.Missing[i].Start })
			if idx >= 0 && idx < len(rows) {
				e = errAt(rec.Missing[rows[idx]].Pos, TableMissing, ch.id, pick(field, missingColumns), fe.Err)
			}
		case "reviews":
			rows := a.of(TableReviews, k, func(i int32) care.Date { return rec.Reviews[i].Held })
			if idx >= 0 && idx < len(rows) {
				e = errAt(rec.Reviews[rows[idx]].Pos, TableReviews, ch.id, pick(field, reviewColumns), fe.Err)
			}
		case "supervision.allocations":
			rows := a.of(TableSWEpisodes, k, func(i int32) care.Date { return rec.SWEpisodes[i].Start })
			if idx >= 0 && idx < len(rows) {
				e = errAt(rec.SWEpisodes[rows[idx]].Pos, TableSWEpisodes, ch.id, pick(field, allocationColumns), fe.Err)
			}
		case "permanence.adoption":
			if rows := a.of(TableAD1, k, nil); len(rows) > 0 {
				e = errAt(rec.AD1[rows[0]].Pos, TableAD1, ch.id, pick(field, adoptionColumns), fe.Err)
			}
		case "child":
			e = a.headerErr(ch, pick(field, childColumns), fe.Err)
		}
		if e == nil {
			// A problem with a list as a whole ("episodes": there are
			// none), or one this mapping does not know: on the Header
			// row, with its path.
			e = a.headerErr(ch, "", fe)
		}
		ch.errs = append(ch.errs, e)
	}
}

// headerErr builds an error on the child's Header row.
func (a *assembler) headerErr(ch *assembled, column string, err error) *Error {
	var p Pos
	if ch.header >= 0 {
		p = a.rec.Header[ch.header].Pos
	}
	return errAt(p, TableHeader, ch.id, column, err)
}

// splitPath splits a validation path into its list, the index into it
// (-1 if none) and the field: "episodes[3].end" is ("episodes", 3,
// "end"), "child.date_of_birth" is ("child", -1, "date_of_birth").
func splitPath(p string) (list string, idx int, field string) {
	i := strings.IndexByte(p, '[')
	if i < 0 {
		if j := strings.IndexByte(p, '.'); j >= 0 && p[:j] == "child" {
			return "child", -1, p[j+1:]
		}
		if p == "child" {
			return "child", -1, ""
		}
		return p, -1, ""
	}
	j := strings.IndexByte(p[i:], ']')
	if j < 0 {
		return p, -1, ""
	}
	n, err := strconv.Atoi(p[i+1 : i+j])
	if err != nil {
		return p, -1, ""
	}
	field = strings.TrimPrefix(p[i+j+1:], ".")
	return p[:i], n, field
}

// Where each field of the case comes from.
var (
	childColumns      = map[string]string{"id": "CHILD", "date_of_birth": "DOB", "sex": "SEX", "ethnicity": "ETHNIC", "upn": "UPN"}
	missingColumns    = map[string]string{"type": "MISSING", "start": "MIS_START", "end": "MIS_END"}
	reviewColumns     = map[string]string{"held": "REVIEW", "participation": "REVIEW_CODE"}
	allocationColumns = map[string]string{"worker": "SW_ID", "from": "SW_DECOM", "to": "SW_DEC", "child": "CHILD"}
	adoptionColumns   = map[string]string{"match": "DATE_MATCH", "foster_carer_adoption": "FOSTER_CARE"}
	episodeColumns    = map[string]string{"start": "DECOM", "reason_new": "RNE", "legal_status": "LS",
		"category_of_need": "CIN", "placement_type": "PLACE", "provider": "PLACE_PROVIDER", "end": "DEC",
		"reason_ceased": "REC", "reason_change": "REASON_PLACE_CHANGE", "home_postcode": "HOME_POST",
		"placement_postcode": "PL_POST", "distance_miles": "PL_DISTANCE", "urn": "URN"}
)

func episodeColumn(field string) string { return pick(field, episodeColumns) }

// pick returns the column of field (its first segment), or "".
func pick(field string, m map[string]string) string {
	if i := strings.IndexByte(field, '.'); i >= 0 {
		field = field[:i]
	}
	return m[field]
}

// FromCases makes the records of a return for collection year year from
// cases, one child a case, in order: what a return can hold of each case
// (the inverse of [Cases]): the Header row from Care.Child (ID, date of
// birth, sex, ethnicity, UPN), a UASC row (with no date ceased) for a
// UASC child, the Episodes rows, the Reviews rows (date held,
// participation), the Missing rows (type, start, end), the SWEpisodes rows
// from Supervision.Allocations (in years that have the table, from
// 2023–24), and an AD1 row when Permanence.Adoption has a match date or
// is by the foster carers (holding only DATE_MATCH and FOSTER_CARE).
// Every table the year has is Supplied, so that the return written has
// all of them. The rest of a case (visits, plans, health, team, office,
// and so on) is not in the return.
//
// It writes every record of every case, whatever its date: it does not
// cut the records to the collection year, as an authority's return for
// the year would be cut (to the episodes open during the year, and so
// on). It is meant for tests, benchmarks and examples, with synthetic
// cases ([practice.Synthetic]); [WriteCases] writes its files.
func FromCases(cases []practice.Case, year care.CollectionYear) *Records {
	rec := &Records{Year: year}
	for t := TableHeader; t < numTables; t++ {
		if t.ValidIn(year) {
			rec.Supplied = rec.Supplied.With(t)
		}
	}
	var ne, nr, nm, na int
	for i := range cases {
		c := &cases[i]
		ne += len(c.Care.Episodes)
		nr += len(c.Review.Reviews)
		nm += len(c.Care.MissingEpisodes)
		na += len(c.Supervision.Allocations)
	}
	rec.Header = make([]Header, 0, len(cases))
	rec.Episodes = make([]Episode, 0, ne)
	rec.Reviews = make([]Review, 0, nr)
	rec.Missing = make([]Missing, 0, nm)
	if TableSWEpisodes.ValidIn(year) {
		rec.SWEpisodes = make([]SWEpisode, 0, na)
	}
	for i := range cases {
		c := &cases[i]
		ch := c.Care.Child
		id, dob := ch.ID, ch.DateOfBirth
		rec.Header = append(rec.Header, Header{Child: care.Child{ID: id, DateOfBirth: dob, Sex: ch.Sex,
			Ethnicity: ch.Ethnicity, UPN: ch.UPN}})
		if ch.UASC {
			rec.UASC = append(rec.UASC, UASC{Child: id, Sex: ch.Sex, DOB: dob})
		}
		for _, e := range c.Care.Episodes {
			e.IntendedUntil18, e.LongTermFoster = false, false
			rec.Episodes = append(rec.Episodes, Episode{Child: id, Episode: e})
		}
		for _, v := range c.Review.Reviews {
			rec.Reviews = append(rec.Reviews, Review{Child: id, DOB: dob, Held: v.Held, Participation: v.Participation})
		}
		for _, m := range c.Care.MissingEpisodes {
			rec.Missing = append(rec.Missing, Missing{Child: id, DOB: dob, Type: m.Type, Start: m.Start, End: m.End})
		}
		if TableSWEpisodes.ValidIn(year) {
			for _, a := range c.Supervision.Allocations {
				rec.SWEpisodes = append(rec.SWEpisodes, SWEpisode{Child: id, DOB: dob, Worker: a.Worker, Start: a.From, End: a.To})
			}
		}
		if ad := c.Permanence.Adoption; !ad.Match.IsZero() || ad.FosterCarerAdoption {
			fc := FlagNo
			if ad.FosterCarerAdoption {
				fc = FlagYes
			}
			rec.AD1 = append(rec.AD1, AD1{Child: id, DOB: dob, Matched: ad.Match, FosterCare: fc})
		}
	}
	return rec
}

// WriteCases writes cases as the CSV files of a return for collection
// year year into dir (which must exist), as [FromCases] makes its records
// and [Return.WriteDir] writes them. [ReadDir], then [Return.Records] and
// [Cases], read them back into the same cases, less what a return does
// not hold.
func WriteCases(dir string, cases []practice.Case, year care.CollectionYear) error {
	ret, err := FromCases(cases, year).Return()
	if err != nil {
		return err
	}
	return ret.WriteDir(dir)
}
