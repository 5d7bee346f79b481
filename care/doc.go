// Package care is the vocabulary of the library: calendar dates and periods,
// the working-day calendar, the DfE SSDA903 code lists, the child's record
// (child, episodes, placements, visits, plans, health, education, missing
// episodes, care-leaver records), rules, findings, deadlines and reports,
// and the rules evaluated from the child's own record (families PLAN, ASMT,
// VIS, HLTH, EDU, ID, MISS, STAB, CONN and LEAV).
//
// # Counting conventions
//
// One convention is used everywhere. "Within N working days of D" means on
// or before the Nth working day after D: D itself is day 0 and is not
// counted ([Calendar.AddWorkingDays]). "Within N days" or "one week" means
// on or before D + N days. "N months after D" is the corresponding date N
// calendar months later, or the last day of that month where it has no such
// day ([Date.AddMonths]). A deadline met on its due date is met on time.
//
// # Concurrency
//
// Every value in this package is immutable once built and safe to use from
// multiple goroutines at once; a [*Calendar] is read-only after
// construction. The package starts no goroutines and keeps no mutable
// package state.
package care
