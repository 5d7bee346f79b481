// Package reference reads the reference data the DfE's validation of the
// SSDA903 return needs beside the return itself, and derives from it the
// fields the rules read. Reference data is an input: nothing is fetched
// at run time, and a rule whose reference data is absent is skipped, not
// run on unknowns.
//
//   - Postcodes: [Postcodes] finds a postcode's authority and grid
//     reference; [ReadONSPD] reads the ONS Postcode Directory (ONSPD) in
//     its CSV layout into a [PostcodeTable]. From it, [PlacementDistance]
//     (PL_DISTANCE, in tenths of a mile: [Distance]), [PlacementLA]
//     (PL_LA) and [PlacementLocation] (PL_LOCATION) compute the derived
//     fields as the DfE defines them, each with an ok flag that is false
//     when a postcode is unknown: the field is then unknown, not zero and
//     not OUT.
//   - Authorities: [EmbeddedAuthorities] is the list of English
//     authorities with children's services (DfE and ONS codes, names),
//     embedded with its sources and date (README.md beside this file);
//     [ReadAuthorities] reads a replacement in the same CSV layout.
//   - Ofsted providers: [ReadProvidersXLSX] reads the Ofsted provider
//     lists as Ofsted publishes them (workbooks: the Children's homes
//     list, the Social care providers list, the combined lists) and
//     [ReadProvidersCSV] the same columns as CSV, into [Providers] looked
//     up by URN, compared as text.
//
// # Reading workbooks without a spreadsheet library
//
// The Ofsted lists are read with the standard library's archive/zip and
// encoding/xml (an internal package), not a spreadsheet library, so the
// core module's build list does not grow and there is no second module
// to keep in step. The layouts are simple enough to read honestly that
// way: each list is one or two sheets of plain cells, a header row (found
// within the first 30 rows, so a title above it does no harm) and a row
// a provider. The reader resolves what those files hold: shared strings
// (with rich-text runs joined and phonetic runs dropped), inline strings,
// formula results (the cached value; nothing is evaluated), numbers,
// booleans, sparse rows and cells located by reference, several sheets
// found through the workbook's relationships, and dates, which Excel
// stores as serial day numbers (the 1900 system with its phantom 29
// February 1900, or the 1904 system where the workbook says so): the
// columns that hold dates are known by their headers, so styles need not
// be read. What it does not do (merged cells, formula evaluation,
// number formats, encrypted or binary .xls files) the lists do not need.
// Every part's decompressed size, the rows, the columns and each cell's
// length are bounded before they are read (a zip bomb is refused, not
// expanded), and every problem is an error naming the file, the sheet,
// the row and the column; the reader is fuzzed from the DfE validator's
// fake lists.
//
// # Errors and personal data
//
// Loaders return what they could read and an [Errors] listing every
// problem, each an [*Error] naming the file, the sheet, the row and the
// column. Reference data is not personal, but values are quoted only as
// a short prefix. The derived-field functions take a child's postcodes
// and report nothing about them: an unknown postcode is a false ok, not
// an error that could carry it.
//
// # Imports
//
// The package imports care (for dates) and shopspring/decimal (for
// [Distance.Decimal]); it does not import ssda903, so the rule engine,
// wherever it lives, can import it.
//
// # Concurrency
//
// Tables, lists and sets are not modified once read, and are safe for
// concurrent use. The package starts no goroutines and reads no clock.
package reference
