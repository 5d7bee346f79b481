// Package practice models the practice rules of English children's social
// care for looked-after children. For any child and any date it answers
// what is due, what is late, where the child's plan is drifting, and why:
// every answer is a finding that carries the rule behind it, the citation,
// the due date, the date it was met (if it was) and the evidence it was
// computed from.
//
// The statute and its guidance set the timescales: the Children Act 1989;
// the Care Planning, Placement and Case Review (England) Regulations 2010;
// the Adoption Agencies Regulations 2005; the Care Leavers (England)
// Regulations 2010; and statutory guidance. Local authorities may set
// stricter local standards, never looser ones.
//
// # What it is not
//
// It is not legal advice, and it is not a case-management system. It reads
// records that an integration maps from a case-management system and
// computes deadlines and findings from them. A finding is a prompt for a
// practitioner or manager to look, not a judgement about a child's care.
//
// # How the packages fit together
//
//   - [github.com/lookedafter/practice/care] is the vocabulary: [care.Date],
//     [care.Period], the working-day [care.Calendar], the DfE SSDA903 code
//     lists, the child's record (episodes, placements, visits, plans, health,
//     education, missing episodes, care-leaver records), rules, findings and
//     reports, and the rules evaluated from the child's own record.
//   - [github.com/lookedafter/practice/review] computes looked-after reviews,
//     the independent reviewing officer's duties and the follow-up of review
//     recommendations.
//   - [github.com/lookedafter/practice/supervision] covers social workers'
//     supervision, case oversight, management directions and caseloads.
//   - [github.com/lookedafter/practice/permanence] tracks permanence routes,
//     parallel planning, drift, care proceedings and adoption timeliness.
//   - This root package joins them: a whole [Case], with a field for each
//     package's record (Care, Review, Supervision, Permanence), its
//     assessment as of a date ([Assess]), drift summaries, and cohort
//     reports by rule, team and office. The tour example builds one case
//     as a literal and assesses it.
//
// Each domain package imports care and nothing else of this module; where
// one needs a date another computes (permanence needs the second review),
// this package passes it in.
//
// # Statuses
//
// Every finding has one status:
//
//   - Met: done on or before the due date.
//   - Late: done, after the due date.
//   - Overdue: not done, past its due date, and still owed on the as-of
//     date: someone can act on it today.
//   - Missed: not done, and its window has closed, so it can no longer be
//     met: the placement ended before the visit was made, the child left
//     care before the review, the next occurrence took its place. Each rule
//     says in its Text what closes its window ([Rules], RULES.md).
//   - Upcoming: not yet due; the finding carries its due date, so a
//     worklist falls out of the same call.
//   - Breach: a rule about content or quality, not a timescale, is not
//     satisfied; the finding says what is missing.
//
// Late, Overdue, Missed and Breach are failures and count in timeliness
// rates. Only Overdue findings are live: [Drift] (DRIFT-01) counts them and
// never a Missed one.
//
// # Adding local standards
//
// Findings are made in one place, [care.Emitter]. The library's own rule
// families use it, and an authority adds a family of its own local
// standards the same way: a [care.Rule], a [care.Kind] of finding, and a
// decision that calls [care.Emitter.Deadline] or [care.Emitter.Check]
// (see the care package's Emitter example).
//
// # Wire format
//
// Cases, standards, reports and cohort reports carry "format_version": 1
// ([FormatVersion]). The decoders read this version and refuse any other,
// saying which they found. A cohort is a JSON array, JSON Lines (each line a
// case, isolated from its neighbours), or a single case; [ReadCohort]
// streams JSON Lines into [AssessStream] so that a national cohort is never
// held in memory.
//
// # Counting conventions
//
// "Within N working days of D" means on or before the Nth working day after
// D, D itself being day 0 (a policy switch counts D as day 1). "Within N
// days" is D + N. "N months after D" is the corresponding date N months
// later, clamped to the month's end (31 August + 6 months = 28 or 29
// February). A deadline met on its due date is met on time.
//
// # Concurrency
//
// All values are immutable and safe for concurrent use. The library reads no
// clock (every calculator takes an as-of date), keeps no mutable package
// state, and starts no goroutines unless a cohort assessment is asked to run
// in parallel.
package practice
