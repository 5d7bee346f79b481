// Package ssda903 reads and writes the DfE's children looked after return
// (SSDA903), in its CSV and XML forms, and turns it into the library's
// types: a [practice.Case] for each child.
//
// It works in three layers:
//
//   - The raw layer, [Return]: the tables as the DfE defines them (Header,
//     Episodes, Reviews, UASC, OC2, OC3, AD1, PlacedAdoption, PrevPerm,
//     Missing, SWEpisodes, DoLo; see [Table]), each row keeping every cell
//     exactly as given, with the file, row, line and column it came from.
//     [ReadDir], [ReadFS], [ReadFiles], [ReadCSV] and [ReadXML] read it;
//     [Return.WriteCSV], [Return.WriteDir] and [Return.WriteXML] write it.
//   - The typed layer, [Records]: every row read into typed values
//     ([care.Episode], [care.Date], the code lists), with every cell that
//     could not be read reported by file, table, row and column
//     ([Return.Records]); and back ([Records.Return]), in the forms of the
//     collection year.
//   - Cases: [Cases] builds one [practice.Case] per child from the records,
//     and accounts for every child: built, or invalid with the table, row
//     and column of each problem ([CaseSet]). [FromCases] and [WriteCases]
//     go the other way, to write a synthetic cohort as a return.
//
// A program that assesses an authority's return reads it and builds the
// cases:
//
//	ret, err := ssda903.ReadDir(dir, year) // err lists problems; ret holds what could be read
//	rec, err := ret.Records()              // err lists cells that could not be read
//	set := ssda903.Cases(rec)              // set.Cases to assess, set.Invalid to report
//
// The sub-package validate checks a return against the DfE's validation
// rules; the sub-package reference reads the reference data its rules
// need (the ONS Postcode Directory, Ofsted's provider lists, the
// authorities).
//
// # Collection years
//
// Years are [care.CollectionYear] throughout, named by the year in which
// they start (CollectionYear(2025) is 2025–26, printed "2025-26").
// [ParseYear] reads the other spellings met at the edges ("2025/26",
// "lac2025_26", and "2026", the collection named by the year it ends).
// The files of a return do not say which year they are for, so the
// readers take the year as an argument; to check a return against the
// previous year's, read both, each with its year.
//
// # Reading
//
// A CSV table is recognised by its header row, not its file name: each
// table has one column no other table has (DECOM for Episodes, ETHNIC for
// Header, REVIEW_CODE for Reviews, DUC for UASC, SDQ_SCORE for OC2,
// IN_TOUCH for OC3, DATE_INT for AD1, DATE_PLACED for PlacedAdoption,
// PREV_PERM for PrevPerm, MIS_START for Missing, SW_ID for SWEpisodes,
// DOLO_START for DoLo). Column names match without regard to case or
// surrounding spaces, in any order. A column the table does not have in
// any year is an error naming the file and the column; so is a column it
// must have and lacks. The optional columns are those the DfE derives
// from the postcodes (PL_DISTANCE, PL_LA, PL_LOCATION) and the XML's UASC
// flag ([ColumnsAccepted]).
//
// Files may be UTF-8, with or without a byte-order mark, or UTF-16 (little-
// or big-endian) with one; rows may end in LF or CRLF; cells may be quoted
// (RFC 4180). Nothing is dropped without an error saying so, and no
// problem stops the rest of the return being read: each reader returns
// what it read and an [Errors] listing every problem.
//
// # XML
//
// The XML return has one CHILD element per child, holding a HEADER (the
// Header row's fields, the UASC flag and DUC, the AD1 and OC3 fields, and
// the AREVIEW, AMISSING, PERMANENCE, OC2 and AD_PLACED row elements) and
// its EPISODE elements; field elements are named as the CSV columns, but
// for CHILDID (CHILD) and PL (PLACE). The rows of the CSV tables that
// repeat the child's DOB (and SEX) take them from the HEADER, as the
// DfE's tool does. That much is the DfE's layout, as the shared synthetic
// return (fake_903.xml, from the DfE validator's test data) has it.
//
// The social worker episodes and deprivation of liberty orders have no
// element in any XML return or schema this package's authors could read:
// their field elements are named as their CSV columns (SW_ID, SW_DECOM,
// SW_DEC, SW_REASON, as liia-tools' 2024 SSDA903 schema names the
// SocialWorker table's columns; DOLO_START, DOLO_END, as the DfE
// validator's DoLo table does), and their row elements, SW_EPISODE and
// DOLO in CHILD after the EPISODEs, are this package's choice, to be
// checked against the DfE's technical specification for 2026–27.
//
// # Personal data
//
// Returns hold special-category personal data. Errors never print the
// value of a column that identifies a child or says where they live (DOB,
// MC_DOB, UPN, HOME_POST, PL_POST, URN, PL_DISTANCE); other values are
// quoted only as a short escaped prefix ([care.Excerpt]). Use synthetic
// data in tests and examples.
//
// # Imports
//
// The package imports care, the domain packages (review, supervision,
// permanence) and the root package practice, to build [practice.Case]
// values; none of them imports it.
//
// # Concurrency
//
// A [Return] and [Records] are not modified once built, and are safe for
// concurrent use. The package starts no goroutines and reads no clock.
package ssda903
