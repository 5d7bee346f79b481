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
// [OrderKind].
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

// proceedings evaluates PERM-04 for each set of proceedings issued by the
// assessment date: concluded within ProceedingsWeeks weeks of issue plus
// the days of every extension granted by then, the limit moved to the next
// working day only under [ShiftNextWorkingDay]. The count is in weeks when
// the days are whole weeks, and in days otherwise.
func (a *Assessor) proceedings(e *care.Emitter, rec Record) error {
	asOf := e.AsOf()
	for i, pr := range rec.Proceedings {
		if pr.Issued.After(asOf) {
			continue
		}
		o := care.Obligation{Subject: care.At(i), Anchor: pr.Issued, AnchorAt: care.At(i),
			Done: pr.FinalOrder, DoneAt: care.At(i), DoneAs: int(pr.FinalOrderKind)}
		days := 7 * a.p.proceedingsWeeks()
		for j, x := range pr.Extensions {
			if x.Granted.After(asOf) {
				continue
			}
			days += x.Days
			o.Extra, o.ExtraAt = x.Granted, care.At(i).At(j)
		}
		o.Due, o.Count, o.Unit = pr.Issued.AddDays(days), days, care.Days
		if days%7 == 0 {
			o.Count, o.Unit = days/7, care.Weeks
		}
		if a.p.ProceedingsShift == ShiftNextWorkingDay {
			due, err := nextWorkingDay(a.cal, o.Due)
			if err != nil {
				return fmt.Errorf("permanence: %s: %w", care.Index("proceedings", i), err)
			}
			if !due.Equal(o.Due) {
				o.Due, o.AnchorAs = due, 1
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
// assessment date: the report is ready SGOReportMonths after the notice,
// unless the notice is withdrawn first. A report ready after the
// withdrawal does not count.
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
