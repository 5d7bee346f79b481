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
//   - This root package joins them: a whole case, its assessment as of a
//     date, drift summaries, and cohort reports by rule, team and office.
//
// Each domain package imports care and nothing else of this module; where
// one needs a date another computes (permanence needs the second review),
// this package passes it in.
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
