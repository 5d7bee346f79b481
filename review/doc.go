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
// [care.Report]. [Rules] is the catalogue; [Policy] holds the timescales,
// its zero value meaning the statutory defaults.
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
// [care.CountFromNextDay]; design decision Q1). [Policy.Counting] offers the
// inclusive reading for authorities that count D as day 1. Working days are
// those of CPPCR reg 2(1), from the [care.Calendar] passed in. "N months
// after D" is the corresponding date N calendar months later, or the last
// day of that month where it has no such day ([care.Date.AddMonths]): a
// review on 31 August puts the next six-monthly one on 28 or 29 February.
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
// # Concurrency
//
// The package keeps no mutable state and starts no goroutines. Every
// function is safe to call from multiple goroutines at once, with the same
// or different arguments; inputs are never modified, and every slice
// returned is freshly allocated.
package review
