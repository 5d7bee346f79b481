// Package validate checks an SSDA903 return against the DfE's validation
// rules, as authorities must before they submit it: every rule of the
// collection year's rule set, on the raw tables of an [ssda903.Return], so
// that it judges data the typed layer would refuse.
//
//	res, err := validate.Run(ctx, ret, validate.Options{
//		Metadata: validate.Metadata{Year: 2025, Authority: "201"},
//		Last:     lastYear, // or nil: the rules comparing with it are skipped
//	})
//
// The result lists, per rule that ran, the rows it flagged (each named by
// its file and row, [ssda903.Pos]), with the rule's message and affected
// fields; [Result.ByChild] groups them by child. Rules whose tables or
// inputs are absent are skipped with the reason, never passed; a table
// present with a header and no rows is empty, and its rules run. A rule
// that fails (panics) is reported as crashed and the others still run.
// [RunChild] validates one child's rows, as an integration checks a record
// as it is saved, and gives that child the flags [Run] would.
// [Result.WriteText], [Result.WriteJSON] and [Result.WriteCSV] write a
// result for people, programs and spreadsheets; none quotes a cell of the
// return but the flagged rows' CHILD.
//
// # Rules
//
// Each rule is a [Rule] value: its code exactly as the DfE writes it
// ("103", "SW01aSTG1", "503G", "1004"), its message, affected fields,
// tables, the collection years it is in force, its family, and one
// function. [Lookup] finds the rule of a code in a year; [RuleSet] gives
// a year's rules, built as the DfE publishes them: the previous year's
// plus that year's additions and amendments, minus its deletions
// ([Changes]). Rule sets exist for 2022–23 to 2026–27, selected by
// [care.CollectionYear] (CollectionYear(2025) is 2025–26).
//
// The messages are the DfE's published wording, as the DfE's validation
// tool shows them, reused under the Open Government Licence v3.0
// (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/);
// they were taken from the rule lists in ../testdata/dfe. Messages and
// reasons never quote a cell.
//
// # Cells
//
// Rules read cells as the DfE's tool does: codes trimmed of surrounding
// spaces and compared without regard to case; a cell blank when it is
// missing or holds only spaces; dates written dd/mm/yyyy (one or two
// digits for day and month), a date that does not exist being "not a
// valid date"; ages in completed years, a child born on 29 February being
// a year older on 1 March in other years (as [care.AgeOn]). Each column is
// read and parsed once per run and shared by the rules that read it.
//
// # Concurrency
//
// Run reads no clock and starts no goroutines; it stops between rules when
// its context is done. Rules and the catalogue are not modified.
package validate
