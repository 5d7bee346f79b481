// Package review implements the rules for looked-after children's reviews:
// when each statutory review is due, the independent reviewing officer
// (IRO), the IRO's midway checks, review recommendations and their
// follow-up, the review record, the child's participation, short-break
// reviews, and adjourned reviews (rules REV-01 to REV-10).
//
// A child's review history is a [Record]; [Record.Validate] checks it
// against the child and the SSDA903 episodes. [Schedule] lists every
// statutory review deadline with its anchor and status, [NextDue] gives the
// next one, [Milestones] the first and second review due dates that other
// packages measure against, and [Assess] evaluates every rule into a
// [care.Report]. An [Assessor] ([NewAssessor]) does the same for a
// whole-case assessment: it checks its [Policy] once and records each
// child's findings in a [care.Emitter] ([Assessor.Emit]). [Rules] is the
// catalogue, its rule IDs the constants [REV01] to [REV10]; [Policy] holds
// the timescales, its zero value meaning the statutory defaults.
//
// The package encodes rules for checking records; it does not give legal
// advice, and it does not decide whether a review should be held early: it
// takes the reviews that were held as facts.
//
// # Statutory basis
//
// The Care Planning, Placement and Case Review (England) Regulations 2010
// (SI 2010/959): reg 33(1) and (2) (the review timetable), reg 33(3) (early
// reviews), reg 36 (the IRO's duties at a review, and adjournment once for
// not more than 20 working days), reg 38 (the record of the review), and
// reg 48(3)(d) (the short-break timetable). The Children Act 1989 s.25A
// requires an IRO for every looked-after child, and reg 5(d) names the IRO
// in the care plan. The IRO appointment window (5 working days), the
// midway check, the circulation of decisions (5 working days) and of the
// record (20 working days) are local practice standards after the IRO
// Handbook (2010); their figures are not confirmed from the text and are
// policy fields that an authority may tighten but not relax.
//
// # Counting conventions
//
// "Within N working days of D" means on or before the Nth working day after
// D: D is day 0 and is not counted ([care.Calendar.WorkingDayDeadline] with
// [care.CountFromNextDay]; design decision Q1). This is how the regulations'
// "within 20 working days of the date on which C becomes looked after"
// (reg 33(1)) and "adjourn ... for not more than 20 working days" (reg
// 36(2)) read: unlike "beginning with", which the CPPCR uses where it
// counts the first day (reg 27B(2)), "within ... of" does not count the
// day it runs from. [Policy.Counting] offers the
// inclusive reading for authorities that count D as day 1. Working days are
// those of CPPCR reg 2(1), from the [care.Calendar] passed in. "N months
// after D" is the corresponding date N calendar months later, or the last
// day of that month where it has no such day ([care.Date.AddMonths]): a
// review on 31 August puts the next six-monthly one on 28 or 29 February.
// This reads reg 33(2)'s "not more than three months after the first" and
// "at intervals of not more than six months", and reg 48(3)(d)'s "within
// three months of the start of the first placement".
// Midway-check tolerances are calendar days. A deadline met on its due date
// is met on time.
//
// Every review counts towards the timetable from the day it was held: an
// early review restarts the interval, and one held before the first review
// was due counts as the first (design decision Q2). A review held late is
// Late, and the next interval runs from the day it was actually held. A new
// period of care starts the timetable again. An adjourned review counts
// from the day it first sat; REV-10 polices its completion.
//
// A short-break child (legal status V3 or V4) follows reg 48(3)(d): the
// series of short breaks is one timetable, continuing between stays until
// [Policy.ShortBreakLapseMonths] after the last stay ends.
//
// # Overdue and missed
//
// A deadline not met is Overdue while someone can still meet it on the
// assessment date, and Missed once its window has closed. What closes a
// window, rule by rule:
//
//   - REV-01, REV-02, REV-03 and REV-09: the review sequence ending (the
//     child leaving care, a series of short breaks lapsing, or full-time
//     care beginning after one). A sequence that ends on or before a
//     review's due date owed no review.
//   - REV-04: the IRO's appointment closes with the sequence; the IRO's
//     meeting with the child closes when the first review is held (a
//     meeting after it is Late; none is Missed).
//   - REV-05: the next review being held (a check on its day does not
//     count), or the sequence ending before it is.
//   - REV-06 and REV-10: the child leaving care.
//   - REV-07: the next review being held, or the child leaving care,
//     whichever comes first.
//
// REV-08 and the checks of REV-04, REV-06 and REV-10 are not timescales:
// they are Met or a Breach.
//
// The subject of a finding is a record path: the review ("reviews[2]"),
// its recommendation ("reviews[2].recommendations[0]"), or, for a review
// not yet held and for the IRO of a period of care, the first episode of
// the review sequence ("episodes[1]"), since a review not yet held has no
// record of its own.
//
// # Concurrency
//
// The package keeps no mutable state and starts no goroutines. Every
// function, and an [Assessor], is safe to call from multiple goroutines at
// once, with the same or different arguments (an emitter is not: give each
// goroutine its own); inputs are never modified, and every slice returned
// is freshly allocated.
package review
