// Package care is the vocabulary of the library: calendar dates and periods,
// the working-day calendar, the DfE SSDA903 code lists, the child's record
// (child, episodes, placements, visits, plans, health, education, missing
// episodes, care-leaver records), rules, findings, deadlines and reports,
// and the rules evaluated from the child's own record (families PLAN, ASMT,
// VIS, HLTH, EDU, ID, MISS, STAB, CONN and LEAV).
//
// # Statutory basis
//
// The timescales come from the Children Act 1989, the Care Planning,
// Placement and Case Review (England) Regulations 2010 (CPPCR), the Care
// Leavers (England) Regulations 2010 and statutory guidance; each [Rule]
// carries its [Citation], and [Rules] lists the care-record rules. Working
// days are those of CPPCR reg 2 ([EnglandAndWales]); the code lists are the
// DfE SSDA903 return's.
//
// # Decisions on open points
//
// Where the law or the return leaves a point open, the choice is made once
// and documented where it is made: a 29 February birthday falls on 1 March
// in common years ([AgeOn], [Birthday]); how each reason for a new episode
// starts or continues a placement ([Placement]); the anchor day of a
// working-day count is day 0 unless [Policy] says day 1 ([Counting]); the
// health-assessment interval around the fifth birthday
// ([HealthPolicy].FifthBirthday); and return-home interviews when only dates
// are recorded ([MissingPolicy]).
//
// # Plausible input
//
// A record is refused, with every bad field named, when it cannot describe
// a looked-after child ([Record.Validate], [NewHistory]): no episodes
// ([ErrNoEpisodes]); a date before [EarliestRecordYear] (2000, the start
// of [EnglandAndWales]), checked for every date of a [Record] by one
// helper; a date of birth before [EarliestBirthYear] or more than
// [MaxYearsBeforeCare] years before the first episode; an episode that
// starts when the child is 18 or over, or ends after the 18th birthday; a
// distance from home over [MaxDistanceMiles]; a postcode not in the UK
// format ([ValidPostcode]); a string over its limit ([MaxIDBytes],
// [MaxNameBytes], [MaxTextBytes]) or not valid UTF-8. A child of 18 or
// over still looked after on the assessment date can be found only then:
// [History.ValidateOn] reports it, and [RecordAssessor.Emit] calls it, so
// nobody is assessed as looked after at 18 or over. Records dated after
// the assessment date are treated as not yet made, in every family; a
// caller that wants them refused (the root package does, unless told
// otherwise) checks them before assessing.
//
// # Personal data
//
// Children's records are special-category personal data, and the package
// keeps them out of what it prints. A [Child], an [Episode] and a
// [History] format and log without the name, date of birth, UPN,
// postcodes or URN; errors about identifying fields say what is wrong and
// where, never the value ([CheckPrivateString], [ParseError].Private), and
// other errors quote at most 20 bytes of a value ([Excerpt]). A finding
// whose timescale runs from a birthday, or whose window closes on one,
// names the birthday without its date; its due date is shown, and a reader
// can work back from it to the birthday, so a report is personal data
// however it is printed. [Report.WithoutBirthdays] drops the birthdays'
// dates from a report's JSON.
//
// # Findings
//
// A [Finding] is made by an [Emitter], the one place findings are built:
// rules decide, the emitter records. [Emitter.Deadline] turns a timescale
// into Met, Late, Overdue (still owed on the as-of date), Missed (its
// window closed unmet: the placement ended, the child left care, the next
// occurrence took its place) or Upcoming; [Emitter.Check] turns a rule
// about content or quality into Met or Breach. A finding refers to its
// [Kind] and through it to its [Rule], and renders its message, subject
// path and evidence when they are read, so a cohort summary builds no text
// nobody reads. An authority adds its own local standards through the same
// emitter ([Emitter] example). [History] holds a child's validated episodes
// and finds the current period of care ([History.PeriodAt]).
//
// # Counting conventions
//
// One convention is used everywhere. "Within N working days of D" means on
// or before the Nth working day after D: D itself is day 0 and is not
// counted ([Calendar.AddWorkingDays]). "Within N days" or "one week" means
// on or before D + N days. "N months after D" is the corresponding date N
// calendar months later, or the last day of that month where it has no such
// day ([Date.AddMonths]). "A period of N days (or weeks) beginning with D"
// counts D as day 1 and ends on the day before D + N (CA89 s.32(1)(a)(ii);
// CPPCR reg 27B(2); Care Leavers Regs reg 7(3)(a)). "Within N hours" is N
// real, elapsed hours on the clock in England: across a change to or from
// British Summer Time the deadline moves an hour on the clock
// ([TimedDeadline]; [Moment.Instant] says how a time in the repeated or
// skipped hour is read). A deadline met on its due date is met on time.
//
// # Concurrency
//
// Every value in this package is immutable once built and safe to use from
// multiple goroutines at once; a [*Calendar] is read-only after
// construction. The package starts no goroutines and keeps no mutable
// package state.
package care
