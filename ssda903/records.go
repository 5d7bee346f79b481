package ssda903

import (
	"github.com/lookedafter/practice/care"
)

// Records is a return read into typed values: one slice a table, one
// record a row, in the order of the rows, each record with the [Pos] of
// its row. Every column of the return has a field: where the library's
// vocabulary has a type for it (a date, a legal status, an episode), the
// field has that type; the columns no practice rule reads (the OC2 and
// OC3 outcomes, the adopters, the previous permanence, the reasons a
// social worker changed) have this package's types.
//
// [Return.Records] builds Records from a return, and [Records.Return]
// turns them back into one, in the forms of Records.Year. Records is a
// plain value: its slices may be read from several goroutines at once;
// nothing in this package modifies them.
type Records struct {
	// Year is the collection year of the return.
	Year care.CollectionYear
	// Supplied lists the tables the return had, even with no rows: a
	// table not supplied is not known to be empty.
	Supplied TableSet

	Header         []Header
	Episodes       []Episode
	Reviews        []Review
	UASC           []UASC
	OC2            []OC2
	OC3            []OC3
	AD1            []AD1
	PlacedAdoption []PlacedAdoption
	PrevPerm       []PrevPerm
	Missing        []Missing
	SWEpisodes     []SWEpisode
	DoLo           []DoLo

	// Problems are the problems found converting the return's cells: a
	// date that is not one, a code not in its list. The record keeps the
	// zero value in the field concerned. [Cases] reports the children they
	// concern as invalid.
	Problems Errors
}

// TableSet is a set of tables. The zero value is empty.
type TableSet uint16

// Has reports whether t is in the set.
func (s TableSet) Has(t Table) bool { return t.IsKnown() && s&(1<<t) != 0 }

// With returns the set with t added.
func (s TableSet) With(t Table) TableSet {
	if !t.IsKnown() {
		return s
	}
	return s | 1<<t
}

// Tables returns the tables in the set, in table order: a fresh slice.
func (s TableSet) Tables() []Table {
	var out []Table
	for t := TableHeader; t < numTables; t++ {
		if s.Has(t) {
			out = append(out, t)
		}
	}
	return out
}

// Header is one row of the Header table: a child. The child's ID, date of
// birth, sex, ethnicity and UPN are fields of [care.Child]; MOTHER and
// MC_DOB (whether the child is a mother, and her child's date of birth)
// and the XML's UASC flag are not, and have fields here.
type Header struct {
	Pos Pos
	// Child is the child: ID (CHILD), DateOfBirth (DOB), Sex (SEX),
	// Ethnicity (ETHNIC) and UPN (UPN). Its other fields are not in the
	// return and are left zero; [Cases] sets UASC.
	Child care.Child
	// Mother (MOTHER) records whether the child is a mother; 0 or 1, or
	// blank.
	Mother Flag
	// MotherChildDOB (MC_DOB) is the date of birth of the child's child.
	// Errors never quote it.
	MotherChildDOB care.Date
	// UASC is the XML return's UASC flag (1: an unaccompanied
	// asylum-seeking child); a CSV return has no such column, and the
	// UASC table holds the children concerned.
	UASC Flag
}

// Episode is one row of the Episodes table. Its columns are the fields of
// [care.Episode], which it embeds (IntendedUntil18 and LongTermFoster are
// not in the return and are left false), with the child's ID and the two
// columns the DfE derives from the postcodes (PL_LA and PL_LOCATION; the
// third, PL_DISTANCE, is care.Episode's DistanceMiles).
type Episode struct {
	Pos   Pos
	Child string
	care.Episode
	// PlacementLA (PL_LA) is the code of the local authority in whose
	// area the placement is, as the DfE derives it from PL_POST: text as
	// given, trimmed and upper-cased.
	PlacementLA string
	// PlacementLocation (PL_LOCATION) says whether the placement is inside
	// or outside the responsible authority's area.
	PlacementLocation PlacementLocation
}

// Review is one row of the Reviews table: a looked-after review held
// (REVIEW) and how the child took part (REVIEW_CODE). DOB repeats the
// child's date of birth, as the table does.
type Review struct {
	Pos           Pos
	Child         string
	DOB           care.Date
	Held          care.Date
	Participation care.Participation
}

// UASC is one row of the UASC table: an unaccompanied asylum-seeking child
// and the date that status ceased (DUC), zero while it lasts. SEX and DOB
// repeat the Header's.
type UASC struct {
	Pos    Pos
	Child  string
	Sex    care.Sex
	DOB    care.Date
	Ceased care.Date
}

// OC2 is one row of the OC2 table: the outcomes of a child looked after
// continuously for 12 months at 31 March.
type OC2 struct {
	Pos   Pos
	Child string
	DOB   care.Date
	// SDQScore (SDQ_SCORE) is the strengths and difficulties
	// questionnaire's total; SDQReason (SDQ_REASON) says why there is
	// none.
	SDQScore  NullInt
	SDQReason care.SDQReason
	// The checks of the year: CONVICTED, HEALTH_CHECK, IMMUNISATIONS,
	// TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE,
	// INTERVENTION_RECEIVED and INTERVENTION_OFFERED.
	Convicted            Flag
	HealthCheck          Flag
	Immunisations        Flag
	TeethCheck           Flag
	HealthAssessment     Flag
	SubstanceMisuse      Flag
	InterventionReceived Flag
	InterventionOffered  Flag
}

// OC3 is one row of the OC3 table: a care leaver around a birthday from
// the 17th to the 21st, whether the authority is in touch (IN_TOUCH),
// their activity (ACTIV) and accommodation (ACCOM).
type OC3 struct {
	Pos           Pos
	Child         string
	DOB           care.Date
	InTouch       InTouch
	Activity      Activity
	Accommodation Accommodation
}

// AD1 is one row of the AD1 table: a child adopted.
type AD1 struct {
	Pos   Pos
	Child string
	DOB   care.Date
	// Decision (DATE_INT) is the date of the decision that the child
	// should be placed for adoption; Matched (DATE_MATCH) the date the
	// child was matched with the adopters.
	Decision care.Date
	Matched  care.Date
	// FosterCare (FOSTER_CARE) records an adoption by the child's foster
	// carers.
	FosterCare Flag
	// Adopters (NB_ADOPTR) is the number of adopters; AdopterSex
	// (SEX_ADOPTR) and AdopterLegalStatus (LS_ADOPTR) describe them.
	Adopters           NullInt
	AdopterSex         AdopterSex
	AdopterLegalStatus AdopterLegalStatus
}

// PlacedAdoption is one row of the PlacedAdoption table: a decision that
// the child should be placed for adoption (DATE_PLACED) and, if it was
// reversed, the date of that decision (DATE_PLACED_CEASED) and why
// (REASON_PLACED_CEASED).
type PlacedAdoption struct {
	Pos          Pos
	Child        string
	DOB          care.Date
	Decision     care.Date
	Ceased       care.Date
	ReasonCeased ReasonPlacedCeased
}

// PrevPerm is one row of the PrevPerm table: the permanence arrangement
// the child had before starting to be looked after (PREV_PERM), the
// authority that made it (LA_PERM: text as given, trimmed and
// upper-cased) and when (DATE_PERM, which may be partly unknown).
type PrevPerm struct {
	Pos         Pos
	Child       string
	DOB         care.Date
	Arrangement PreviousPermanence
	LA          string
	Date        PartialDate
}

// Missing is one row of the Missing table: an episode of being missing or
// away from placement. Its columns are the fields Type (MISSING), Start
// (MIS_START) and End (MIS_END) of a [care.MissingEpisode], which
// [Cases] builds from it.
type Missing struct {
	Pos   Pos
	Child string
	DOB   care.Date
	Type  care.MissingType
	Start care.Date
	End   care.Date
}

// SWEpisode is one row of the SWEpisodes table: a social worker episode,
// the period a worker (SW_ID) held the child's case, from SW_DECOM to
// SW_DEC, and why it ended (SW_REASON). [Cases] makes it a supervision
// allocation.
type SWEpisode struct {
	Pos    Pos
	Child  string
	DOB    care.Date
	Worker string
	Start  care.Date
	End    care.Date
	Reason SWReason
}

// DoLo is one row of the DoLo table: a deprivation of liberty order, from
// DOLO_START to DOLO_END.
type DoLo struct {
	Pos   Pos
	Child string
	DOB   care.Date
	Start care.Date
	End   care.Date
}
