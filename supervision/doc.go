// Package supervision models the supervision and management oversight of
// social workers who hold looked-after children's cases: how often each
// worker is supervised, how often each child's case is discussed, whether
// the recorded discussions are reflective, whether management directions
// are owned, dated and followed up, and how many children each worker
// holds.
//
// Records are plain structs with JSON tags: [Worker], [Session] (with a
// [CaseNote] per child discussed), [Direction] and [Allocation], gathered
// in an authority-level [Dataset], and one child's part of it in a
// [CaseRecord] that the root package's whole case embeds. Both validate
// with field paths ([Dataset.Validate], [CaseRecord.Validate]).
//
// Calculators: [Gaps] (SUP-01, per worker and team), [CaseAssessor] and
// [AssessCase] (SUP-02 to SUP-04 for one child), [DiscussionGaps] (SUP-02
// gaps of one child), [OversightRates] (SUP-03 rates per worker and team),
// [Caseloads] and [CaseloadSeries] (SUP-05). One-call calculators answer a
// single question with a [care.Deadline]: [NextSupervision] (a worker's
// next supervision, SUP-01) and [NextCaseDiscussion] (the next discussion
// of a child's case, SUP-02), each walking the rule's own clock. [Rules]
// lists the rules.
//
// Every finding is made by a [care.Emitter]: [CaseAssessor.Emit] records a
// child's findings in the caller's emitter, and the authority-level reports
// ([GapReport], [OversightReport], [CaseloadReport]) hold findings their
// own emitter made. Subjects are record paths: "workers[3]",
// "sessions[4].cases[1]", "discussions[2]", "directions[0]", and the child
// for SUP-02.
//
// The package does not judge the quality of what was discussed: it reads
// only whether each element of a case note was recorded, and never prints
// the text. It does not model leave or absence of workers, or supervisors'
// own qualifications.
//
// # Statutory basis
//
// There is no statutory frequency for the supervision of social workers.
// The Standards for Employers of Social Workers in England (LGA; Standard
// 5) require regular and appropriate supervision; Skills for Care's
// assessed and supported year in employment (ASYE) sets a schedule for
// newly qualified workers (weekly for 6 weeks, fortnightly to 6 months,
// then at least monthly); authorities set the rest locally. The SUP rules
// answer inspection findings: long gaps between supervision, recorded
// oversight that is not reflective, and directions not reviewed. Every rule
// therefore has [care.SeverityLocal], and its citation says it is a local
// standard. [Policy] holds the authority's standards; its zero value means
// the defaults, and [Policy.Validate] rejects an ASYE interval looser than
// the assessed-year schedule and nonsense such as a zero interval.
//
// # Counting conventions
//
// Supervision intervals count calendar days, not working days: a session
// due "every 4 weeks" after one on D is due by D + 28 days, and a session
// on the due date is on time. Months are calendar months by the
// corresponding-date rule ([care.Date.AddMonths]). The phases of the
// assessed and supported year count from its first day as day 1 ("weekly
// for the first 6 weeks"): the weekly phase is days 1 to 42, the
// fortnightly phase runs from the 43rd day to the day before the
// corresponding date 6 months on, and the monthly phase from that date to
// the day before the corresponding date 12 months on. Each session starts a
// new interval, with the length in force on its day; the first runs from
// the start in post (or the first allocation of a child's case). Spans in
// post and allocations are half-open, as [care.Period]: on the day of a
// reallocation the case counts for the new worker in caseloads, and the
// outgoing worker may still hold the discussion of the case that day.
// Rates are counts ([Rate]); percentages are [decimal.Decimal] values
// rounded to the places the caller asks for.
//
// # Overdue and missed
//
// An obligation not met by its due date is Overdue while someone can still
// meet it, and Missed once its window has closed:
//
//   - SUP-01: a worker's open supervision interval closes when the worker
//     leaves (the first day not in post).
//   - SUP-02: the open interval between discussions of a child's case
//     closes when the case closes, that is when its last allocation ends;
//     a reallocation or an unallocated spell closes nothing, since the
//     clock follows the child.
//   - SUP-04: the follow-up of a direction closes when the case closes, as
//     SUP-02's; until then a direction not followed up stays owed.
//
// Within a window, a later session or discussion meets the open interval
// late (Late) and starts the next. An obligation that would fall due on or
// after the day its window closed was never owed and gives no finding.
// SUP-03 and SUP-05 are checks (Met or Breach) and have no window.
//
// # Concurrency
//
// Every function is pure: inputs are never modified, outputs are freshly
// allocated (or, for [CaseAssessor.Emit], recorded in the caller's
// emitter), and nothing reads the clock (calculators take an as-of date).
// Values, and a [CaseAssessor], are safe to use from multiple goroutines at
// once; an emitter is not. The package keeps no mutable package state and
// starts no goroutines.
package supervision
