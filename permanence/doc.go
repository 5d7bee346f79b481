// Package permanence evaluates the permanence rules (PERM-01 to PERM-08) for
// one looked-after child and builds the tracker a manager uses to watch
// permanence plans across a cohort.
//
// A child's plan for permanence is a set of [Route] values (return home,
// child arrangements order with family or friends, special guardianship,
// adoption, long-term fostering, residential care, independence), each
// moving through [State] values by dated [Transition] records, one route
// being primary at a time. Beside the plan, a [Record] holds the care
// proceedings, the adoption milestones and special guardianship notices.
// An [Assessor] (made once, with the policy checked once) records one
// child's findings through a [care.Emitter], reading the child, the
// episodes and the current period of care from a [care.History]; [Assess]
// does the same for one child on its own and returns the report. [Track]
// returns one tracker row and [TrackCohort] a tracker over many children
// with adoption timeliness averages (scorecard measures A1, A2 and A10).
//
// The package does not compute looked-after review dates: the caller (the
// root package practice, which uses package review) passes the second
// review's date in [Inputs]. It imports only package care. It encodes
// rules; it does not give legal advice.
//
// # Findings
//
// Findings refer to their rule and render their messages when read. Their
// subjects are record paths of the whole case: "permanence.plan",
// "permanence.proceedings[0]", "permanence.special_guardianship[0]",
// "permanence.adoption" and, for PERM-08, the first episode of the s.20
// accommodation ("episodes[2]").
//
// An obligation not met is Overdue while it is still owed on the
// assessment date, and Missed once its window has closed; one whose window
// closed on or before its due date was never owed and gives no finding.
// What closes the windows:
//
//   - PERM-01 and PERM-03 (the plan by the second review; a stalled plan):
//     the child leaving care. PERM-03 watches the plan only while it is in
//     progress: once its primary route is achieved or the court has made
//     the order it needs, the plan has arrived. A route is achieved when
//     the child lives permanently under it: adoption at the adoption
//     order, special guardianship and child arrangements at the order,
//     return home on discharge or a planned return home, long-term
//     fostering when the placement is confirmed as a long-term foster
//     placement (CPPCR reg 2(1)); agreeing a route does not achieve it.
//     The plan's own transition to [StateAchieved] records it, and so do
//     the episodes, so that the fact need be recorded only once: a
//     placement marked [care.Episode].LongTermFoster achieves a long-term
//     fostering primary route, and leaving care on adoption, special
//     guardianship, a child arrangements order or a planned return home
//     achieves that route, meeting the open gap rather than closing it.
//   - PERM-02 is a check as of the assessment date, made only while the
//     child is looked after: met or breached, never missed.
//   - PERM-04 (proceedings): nothing but their conclusion, which is late
//     if after the limit whatever the outcome; open proceedings stay
//     overdue.
//   - PERM-05 (scorecard A1, A2): the end of the authority to place, or the
//     child leaving care.
//   - PERM-06 (special guardianship report): the withdrawal of the notice.
//   - PERM-07 (adoption reviews): the end of the review phase (placement,
//     the end of the authority to place, the adoption order, the end of
//     the adoptive placement) or the child leaving care.
//   - PERM-08 (s.20 without a plan): the end of the accommodation under
//     s.20, by a change of legal status or the child leaving care.
//
// Something done after its window closed does not meet the obligation. A
// root cause is reported once: PERM-08 does not report the absence of a
// plan for permanence that PERM-01 already reports as overdue or missed.
//
// # Statutory basis
//
//   - PERM-01: the care plan includes a plan for permanence by the second
//     review (Children Act 1989 guidance and regulations, Volume 2).
//   - PERM-02, PERM-03: parallel planning and drift are local standards
//     drawn from inspection findings.
//   - PERM-04: care proceedings are to be disposed of "within twenty-six
//     weeks beginning with the day on which the application was issued",
//     extended only by the court, each extension ending no more than 8
//     weeks after the later of the end of the period it extends and the
//     end of the day it is granted (Children Act 1989 s.32(1)(a)(ii),
//     (5)–(8), inserted by the Children and Families Act 2014 s.14 from 22
//     April 2014). [ProceedingsFinalDay] computes the last day.
//   - PERM-05: adoption scorecard timeliness (A1, A2, A10) against the
//     thresholds in force for the period, held as data ([Threshold]).
//   - PERM-06: the special guardianship report within 3 months of the
//     applicant's notice (Children Act 1989 s.14A(7)–(8)).
//   - PERM-07: adoption reviews (Adoption Agencies Regulations 2005 reg 36).
//   - PERM-08: accommodation under s.20 for longer than a local window
//     without a plan for permanence (Public Law Working Group best practice
//     guidance, 2021).
//
// # Counting conventions
//
// Each rule counts as its provision's words do (reference/settled.md N2).
// "Beginning with" the day of an event counts that day as day 1: the 26
// weeks of CA89 s.32(1)(a)(ii) end on the issue date + 181 days, the day
// before the same weekday 26 weeks later (issued on Monday 2 June 2025,
// the last day is Sunday 30 November 2025), bank holidays making no
// difference. "N weeks after" and "not more than N weeks after" a day do
// not count it: the 4 weeks of AAR reg 36(3)(a) end on the placement date
// + 28 days, and an extension of the proceedings may end 8 weeks (56 days)
// after the last day of the period it extends, or of the day of grant
// (s.32(8), "eight weeks after ... the end of the day"). Whether a limit
// that falls on a non-working day moves to the next working day is a
// policy choice ([Policy.ProceedingsShift]); by default it does not. "N
// months after D" is the corresponding date N calendar months later,
// clamped to the month's last day ([care.Date.AddMonths]); the special
// guardianship report is due on the corresponding date 3 months after the
// notice, the first day an application can be made (s.14A(7): notice given
// "before the beginning of the period of three months ending with the
// date of the application"). A deadline met on its due date is met on
// time. Day counts for the scorecard measures are [care.Date.DaysSince]:
// the number of days from the start date to the end date, the start not
// counted.
//
// # Concurrency
//
// Every function is pure: it reads its arguments, never mutates them and
// returns fresh values (an [Assessor] records into the emitter it is
// given). The package has no mutable package state and starts no
// goroutines; it is safe to call from multiple goroutines at once, and an
// Assessor may be shared by them, each with its own emitter and history.
package permanence
