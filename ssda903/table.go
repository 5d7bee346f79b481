package ssda903

import (
	"strconv"

	"github.com/lookedafter/practice/care"
)

// Table is one table of the return, as the DfE defines it. The zero value,
// [TableUnknown], is a file whose table could not be recognised. String
// gives the table's name as the DfE's validation tool spells it
// ("Episodes", "PlacedAdoption").
type Table uint8

// The tables of the return.
const (
	TableUnknown        Table = iota // not a table of the return
	TableHeader                      // Header: one row per child (CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB)
	TableEpisodes                    // Episodes: the episodes of care
	TableReviews                     // Reviews: the looked-after reviews held
	TableUASC                        // UASC: unaccompanied asylum-seeking children and the date the status ceased
	TableOC2                         // OC2: outcomes of children looked after for 12 months at 31 March
	TableOC3                         // OC3: care leavers around their 17th to 21st birthdays
	TableAD1                         // AD1: children adopted
	TablePlacedAdoption              // PlacedAdoption: decisions that a child should be placed for adoption
	TablePrevPerm                    // PrevPerm: permanence arrangements before the child started to be looked after
	TableMissing                     // Missing: episodes of being missing or away from placement
	TableSWEpisodes                  // SWEpisodes: social worker episodes (from 2023–24)
	TableDoLo                        // DoLo: deprivation of liberty orders (from 2026–27)
	numTables
)

// Tables returns every table of the return, in the order of the constants:
// a fresh slice.
func Tables() []Table {
	out := make([]Table, 0, numTables-1)
	for t := TableHeader; t < numTables; t++ {
		out = append(out, t)
	}
	return out
}

// String returns the table's name ("Episodes"), "" for [TableUnknown], and
// Table(n) for a value outside the list.
func (t Table) String() string {
	switch {
	case t == TableUnknown:
		return ""
	case t < numTables:
		return specs[t].name
	}
	return "Table(" + strconv.Itoa(int(t)) + ")"
}

// IsKnown reports whether t is one of the tables of the return.
func (t Table) IsKnown() bool { return t > TableUnknown && t < numTables }

// ValidIn reports whether the return of collection year y has the table:
// every table in every year, except SWEpisodes (from 2023–24) and DoLo
// (from 2026–27). The zero year means "any year": every table is valid in
// it.
func (t Table) ValidIn(y care.CollectionYear) bool {
	if !t.IsKnown() {
		return false
	}
	return y == 0 || y >= specs[t].first
}

// Columns returns the table's columns in the order the DfE's technical
// specification gives them for collection year y: the columns of the CSV
// file, and the XML elements of a row. It returns a fresh slice, and nil
// for [TableUnknown] and for a table the year does not have.
//
// The specifications read (liia-tools' SSDA903 schemas for 2017, 2021 and
// 2024, and the DfE validator's tables for 2022–23 to 2026–27) give the
// same columns in every year a table exists. The columns the DfE derives
// from the postcodes (PL_DISTANCE, PL_LA and PL_LOCATION) and the Header's
// UASC flag of the XML return are not in the CSV files an authority sends,
// so Columns leaves them out; [ColumnsAccepted] lists them.
func (t Table) Columns(y care.CollectionYear) []string {
	if !t.ValidIn(y) {
		return nil
	}
	var out []string
	for _, c := range specs[t].columns {
		if !c.extra {
			out = append(out, c.name)
		}
	}
	return out
}

// ColumnsAccepted returns every column a file of the table may have: those
// of [Table.Columns] and then the optional ones (PL_DISTANCE, PL_LA and
// PL_LOCATION of Episodes, which the DfE derives from the postcodes; the
// UASC flag of Header, which the XML return has). A fresh slice; nil for
// [TableUnknown].
func ColumnsAccepted(t Table) []string {
	if !t.IsKnown() {
		return nil
	}
	out := make([]string, len(specs[t].columns))
	for i, c := range specs[t].columns {
		out[i] = c.name
	}
	return out
}

// column describes one column of a table.
type column struct {
	name string
	// private marks a column whose values identify a child or say where
	// they live: errors never quote them.
	private bool
	// extra marks an optional column: derived by the DfE, or the XML's
	// UASC flag. A file may leave it out, and the CSV writer writes it
	// only when a row has it.
	extra bool
}

// tableSpec describes one table.
type tableSpec struct {
	name string
	// file is the file name the CSV writer gives the table.
	file string
	// key is the column whose presence in a header row identifies the
	// table: no other table has it.
	key string
	// xml is the element of one row in the XML return; "" for a table
	// whose fields sit in the child's HEADER element.
	xml string
	// first is the first collection year whose return has the table.
	first   care.CollectionYear
	columns []column
}

// Column indexes of every table, in the order of specs' columns.
const (
	colChild = 0 // CHILD is the first column of every table

	hdrSex, hdrDOB, hdrEthnic, hdrUPN, hdrMother, hdrMCDOB, hdrUASC = 1, 2, 3, 4, 5, 6, 7

	epDECOM, epRNE, epLS, epCIN, epPLACE, epProvider, epDEC, epREC, epRPC, epHomePost, epPLPost, epURN, epDistance, epLA, epLocation = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15

	// Every table but Header, Episodes and UASC has DOB second.
	colDOB = 1

	rvReview, rvCode = 2, 3

	uaSex, uaDOB, uaDUC = 1, 2, 3

	oc2Score, oc2Reason, oc2Convicted, oc2HealthCheck, oc2Immunisations, oc2Teeth, oc2Assessment, oc2Substance, oc2Received, oc2Offered = 2, 3, 4, 5, 6, 7, 8, 9, 10, 11

	oc3InTouch, oc3Activ, oc3Accom = 2, 3, 4

	adInt, adMatch, adFoster, adNumber, adSex, adLS = 2, 3, 4, 5, 6, 7

	paPlaced, paCeased, paReason = 2, 3, 4

	ppPerm, ppLA, ppDate = 2, 3, 4

	msMissing, msStart, msEnd = 2, 3, 4

	swID, swDECOM, swDEC, swReason = 2, 3, 4, 5

	dlStart, dlEnd = 2, 3
)

// privateColumn reports whether a column holds values that identify a
// child or say where they live: dates of birth, the UPN, postcodes, the
// placement's URN and its distance from home (as care's episodes keep
// them out of messages).
func privateColumn(name string) bool {
	switch name {
	case "DOB", "UPN", "MC_DOB", "HOME_POST", "PL_POST", "URN", "PL_DISTANCE":
		return true
	}
	return false
}

func cols(names ...string) []column {
	out := make([]column, len(names))
	for i, n := range names {
		out[i] = column{name: n, private: privateColumn(n)}
	}
	return out
}

func withExtra(cs []column, names ...string) []column {
	for _, n := range names {
		cs = append(cs, column{name: n, extra: true, private: privateColumn(n)})
	}
	return cs
}

// specs describes every table. Sources: the DfE's technical
// specifications for the return, as read through liia-tools'
// SSDA903_schema_2017, _2021 and _2024 (SocialFinanceDigitalLabs/liia-tools,
// liiatools/spec/s903) and the DfE validator's tables
// (data-to-insight/csc-validator-be-903: SWEpisodes from 2023–24, DoLo from
// 2026–27). The order of UASC's columns (CHILD, SEX, DOB, DUC) is that of
// the DfE's own files, as in the shared synthetic return.
var specs = [numTables]tableSpec{
	TableHeader: {name: "Header", file: "header.csv", key: "ETHNIC",
		columns: withExtra(cols("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"), "UASC")},
	TableEpisodes: {name: "Episodes", file: "episodes.csv", key: "DECOM", xml: "EPISODE",
		columns: withExtra(cols("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
			"REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"), "PL_DISTANCE", "PL_LA", "PL_LOCATION")},
	TableReviews: {name: "Reviews", file: "reviews.csv", key: "REVIEW_CODE", xml: "AREVIEW",
		columns: cols("CHILD", "DOB", "REVIEW", "REVIEW_CODE")},
	TableUASC: {name: "UASC", file: "uasc.csv", key: "DUC",
		columns: cols("CHILD", "SEX", "DOB", "DUC")},
	TableOC2: {name: "OC2", file: "oc2.csv", key: "SDQ_SCORE", xml: "OC2",
		columns: cols("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
			"TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")},
	TableOC3: {name: "OC3", file: "oc3.csv", key: "IN_TOUCH",
		columns: cols("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")},
	TableAD1: {name: "AD1", file: "ad1.csv", key: "DATE_INT",
		columns: cols("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")},
	TablePlacedAdoption: {name: "PlacedAdoption", file: "placed_for_adoption.csv", key: "DATE_PLACED", xml: "AD_PLACED",
		columns: cols("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")},
	TablePrevPerm: {name: "PrevPerm", file: "previous_permanence.csv", key: "PREV_PERM", xml: "PERMANENCE",
		columns: cols("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")},
	TableMissing: {name: "Missing", file: "missing.csv", key: "MIS_START", xml: "AMISSING",
		columns: cols("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")},
	TableSWEpisodes: {name: "SWEpisodes", file: "sw_episodes.csv", key: "SW_ID", xml: "SW_EPISODE", first: 2023,
		columns: cols("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON")},
	TableDoLo: {name: "DoLo", file: "dolo.csv", key: "DOLO_START", xml: "DOLO", first: 2026,
		columns: cols("CHILD", "DOB", "DOLO_START", "DOLO_END")},
}

// specColumn returns the index of column name in table t's spec, or -1.
func specColumn(t Table, name string) int {
	for i, c := range specs[t].columns {
		if c.name == name {
			return i
		}
	}
	return -1
}

// identify returns the tables whose key column is among names.
func identify(names []string) []Table {
	var out []Table
	for t := TableHeader; t < numTables; t++ {
		for _, n := range names {
			if n == specs[t].key {
				out = append(out, t)
				break
			}
		}
	}
	return out
}
