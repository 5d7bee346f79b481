package permanence

import (
	"fmt"

	"github.com/lookedafter/practice/care"
)

// This file holds the rules about applications to court: the 26-week limit
// for care proceedings (PERM-04) and the special guardianship report
// (PERM-06).
//
// Windows: proceedings run until they are concluded, whether or not the
// child is looked after, so PERM-04 is Overdue while they are open past the
// limit and Late once concluded after it, never Missed. A special
// guardianship notice needs its report until the notice is withdrawn:
// PERM-06 is Missed when a notice is withdrawn after the report fell due
// with none ready, and not owed when withdrawn on or before that day.

// PERM-04: care proceedings within 26 weeks. Anchors: the limit moved to
// the next working day. Dones: how the proceedings ended, chosen by the
// [OrderKind]. Extra: the latest extension granted, whose end is the limit.
var proceedingsKind = care.Kind{
	Rule: rule(PERM04), What: "final order", Subject: "permanence.proceedings[]",
	Anchor:   "the issue of the application",
	Anchors:  []string{"the issue of the application (the limit moved to the next working day)"},
	AnchorAt: "permanence.proceedings[]",
	Done:     "proceedings concluded",
	Dones: []string{OrderKindCare - 1: "care order made", OrderKindSupervision - 1: "supervision order made",
		OrderKindSpecialGuardianship - 1: "special guardianship order made", OrderKindChildArrangements - 1: "child arrangements order made",
		OrderKindPlacement - 1: "placement order made", OrderKindNone - 1: "no order made", OrderKindWithdrawn - 1: "application withdrawn"},
	DoneAt:  "permanence.proceedings[]",
	Extra:   "the latest extension granted",
	ExtraAt: "permanence.proceedings[].extensions[]",
}

// lastDayOfWeeks returns the last day of a period of n weeks beginning
// with day d, d itself being day 1: d + 7n − 1 days, the day before the
// same weekday n weeks later.
func lastDayOfWeeks(d care.Date, n int) care.Date { return d.AddDays(7*n - 1) }

// extensionLimit returns the latest day an extension granted on granted
// may end when the period it extends ends on periodEnd (its last day): CA89
// s.32(8), "no more than eight weeks after the later of (a) the end of the
// period being extended; and (b) the end of the day on which the extension
// is granted". Eight weeks after the end of day X is the end of day X + 56.
func extensionLimit(periodEnd, granted care.Date) care.Date {
	from := periodEnd
	if granted.After(from) {
		from = granted
	}
	return from.AddDays(7 * MaxExtensionWeeks)
}

// proceedingsLimit is the one computation of the time limit for care
// proceedings issued on issued, as of asOf: the last day of weeks weeks
// beginning with the day of issue, or, once the court has extended it, the
// end of the latest extension granted on or before asOf. It returns the
// limit as an obligation anchored on the issue, counted in days (Due =
// issued + Count days), with the latest extension's grant as its Extra,
// and that extension's index (-1 if none). The extensions are in the order
// they were granted ([Record.Validate]).
func proceedingsLimit(issued care.Date, extensions []Extension, asOf care.Date, weeks int) (care.Obligation, int) {
	o := care.Obligation{Anchor: issued, Due: lastDayOfWeeks(issued, weeks), Unit: care.Days}
	latest := -1
	for j, x := range extensions {
		if x.Granted.After(asOf) {
			break
		}
		o.Due, o.Extra, latest = x.Ends, x.Granted, j
	}
	o.Count = o.Due.DaysSince(issued)
	return o, latest
}

// ProceedingsFinalDay returns the last day on which care proceedings
// issued on issued are in time, as of asOf, with the [care.Deadline] that
// explains it (rule PERM-04).
//
// Counting convention: CA89 s.32(1)(a)(ii) sets the limit "within
// twenty-six weeks beginning with the day on which the application was
// issued". "Beginning with" counts the day of issue as day 1, so the last
// day is issued + 181 days, the day before the same weekday 26 weeks later:
// issued on Monday 2 June 2025, the last day is Sunday 30 November 2025.
// The Deadline states this as 181 days after the issue (Anchor + Count days
// is Due). Weeks are calendar weeks: bank holidays and court closures make
// no difference, and a last day on a weekend is not moved (the assessment's
// [Policy.ProceedingsShift] can move it; this calculator does not).
//
// Once the court has extended the period (s.32(5)), the last day is the
// Ends of the latest extension granted on or before asOf; an extension
// granted after asOf is not yet known. Each extension may end at most 8
// weeks after the later of the end of the period it extends and the end of
// the day it was granted (s.32(8), [Extension]), so one granted after the
// limit had passed may run 8 weeks from its grant.
//
// It returns [ErrNoAsOf] for a zero asOf; a [care.ValidationErrors] naming
// the field ("issued", "extensions[1].ends") for a missing issue date or an
// invalid extension ([Record.Validate]'s checks); and an error at "issued"
// for proceedings issued before 22 April 2014, when the 26-week limit came
// into force (Children and Families Act 2014 s.14). It is what rule PERM-04
// computes with the default policy.
//
// See also [Assess] for the finding, and [Proceedings].
func ProceedingsFinalDay(issued care.Date, extensions []Extension, asOf care.Date) (care.Deadline, error) {
	if asOf.IsZero() {
		return care.Deadline{}, ErrNoAsOf
	}
	var errs care.ValidationErrors
	Proceedings{Issued: issued, Extensions: extensions}.validate(&errs, "")
	if err := errs.Err(); err != nil {
		return care.Deadline{}, err
	}
	if r := proceedingsKind.Rule; !r.InForceOn(issued) {
		return care.Deadline{}, &care.FieldError{Path: "issued",
			Err: fmt.Errorf("issued %s, before the 26-week limit came into force on %s", issued, r.InForce.Start)}
	}
	o, _ := proceedingsLimit(issued, extensions, asOf, DefaultProceedingsWeeks)
	return care.Deadline{Rule: PERM04, Due: o.Due, Anchor: o.Anchor, AnchorLabel: proceedingsKind.Anchor, Count: o.Count, Unit: o.Unit}, nil
}

// proceedings evaluates PERM-04 for each set of proceedings issued by the
// assessment date: concluded by the limit of [proceedingsLimit], with
// ProceedingsWeeks weeks beginning with the day of issue (26 by default),
// or by the end of the latest extension granted by then; the limit is
// moved to the next working day only under [ShiftNextWorkingDay].
func (a *Assessor) proceedings(e *care.Emitter, rec Record) error {
	asOf := e.AsOf()
	for i, pr := range rec.Proceedings {
		if pr.Issued.After(asOf) {
			continue
		}
		o, latest := proceedingsLimit(pr.Issued, pr.Extensions, asOf, a.p.proceedingsWeeks())
		o.Subject, o.AnchorAt = care.At(i), care.At(i)
		o.Done, o.DoneAt, o.DoneAs = pr.FinalOrder, care.At(i), int(pr.FinalOrderKind)
		if latest >= 0 {
			o.ExtraAt = care.At(i).At(latest)
		}
		if a.p.ProceedingsShift == ShiftNextWorkingDay {
			due, err := nextWorkingDay(a.cal, o.Due)
			if err != nil {
				return fmt.Errorf("permanence: %s: %w", care.Index("proceedings", i), err)
			}
			if !due.Equal(o.Due) {
				o.Due, o.Count, o.AnchorAs = due, due.DaysSince(pr.Issued), 1
			}
		}
		e.Deadline(&proceedingsKind, o)
	}
	return nil
}

// nextWorkingDay returns d if it is a working day of cal, else the next one.
func nextWorkingDay(cal *care.Calendar, d care.Date) (care.Date, error) {
	if cal.IsWorkingDay(d) {
		return d, nil
	}
	return cal.AddWorkingDays(d, 1)
}

// PERM-06: the special guardianship report.
var sgoKind = care.Kind{
	Rule: rule(PERM06), What: "special guardianship report", Subject: "permanence.special_guardianship[]",
	Anchor: "the special guardianship notice", AnchorAt: "permanence.special_guardianship[]",
	DoneAt:   "permanence.special_guardianship[]",
	Closures: []string{"the notice was withdrawn"},
}

// specialGuardianship evaluates PERM-06 for each notice given by the
// assessment date: the report is ready SGOReportMonths after the notice
// (the corresponding date), unless the notice is withdrawn first. A report
// ready after the withdrawal does not count. The 3 months are those of
// s.14A(7): the notice must be given "before the beginning of the period
// of three months ending with the date of the application", so the first
// day the application can be made, and the report be needed, is the
// corresponding date 3 months after the notice.
func (a *Assessor) specialGuardianship(e *care.Emitter, rec Record) {
	months := a.p.sgoReportMonths()
	for i, s := range rec.SpecialGuardianship {
		if s.Notice.After(e.AsOf()) {
			continue
		}
		e.Deadline(&sgoKind, care.Obligation{
			Subject: care.At(i), Anchor: s.Notice, AnchorAt: care.At(i),
			Due: s.Notice.AddMonths(months), Count: months, Unit: care.Months,
			Done: within(s.Report, s.Withdrawn), DoneAt: care.At(i),
			Closes: s.Withdrawn,
		})
	}
}
