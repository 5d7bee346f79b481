package review

import (
	"fmt"

	"github.com/lookedafter/practice/care"
)

// span is one review sequence: a run of care over which the review
// timetable runs without restarting. A regular span is a period of care
// (or the part of one after the child stopped being a short-break child);
// a short-break span is a series of short breaks (legal status V3 or V4,
// CPPCR reg 48), from the start of the first stay until the series lapses.
type span struct {
	start care.Date
	// end is the last day on which a review belongs to the span: the day
	// the period of care ended (inclusive, since the child was looked
	// after for part of it), or, for a short-break series, the day it
	// lapses. Zero while it is ongoing.
	end        care.Date
	shortBreak bool
}

// contains reports whether a review on day d belongs to the span.
func (s span) contains(d care.Date) bool {
	return !d.Before(s.start) && (s.end.IsZero() || !d.After(s.end))
}

// applies reports whether a review due on day d is still owed: the child
// was looked after (or the series continuing) on d.
func (s span) applies(d care.Date) bool {
	return s.end.IsZero() || d.Before(s.end)
}

// buildSpans splits the episodes into review sequences. A new sequence
// starts with each period of care; consecutive short-break periods join one
// series while each starts no later than lapseMonths after the previous one
// ended; within a period, the first episode that is not a short break
// after short-break episodes starts a regular sequence, and short-break
// episodes after regular ones continue it. Episodes with no start are
// skipped (validation reports them). The spans are appended to out, which
// callers pass as a small buffer of their own so that building them does
// not allocate.
func buildSpans(out []span, eps []care.Episode, lapseMonths int) []span {
	lapse := func(d care.Date) care.Date {
		if d.IsZero() {
			return d
		}
		return d.AddMonths(lapseMonths)
	}
	out = out[:0]
	var prevEnd care.Date
	for i, e := range eps {
		if e.Start.IsZero() {
			continue
		}
		sb := e.LegalStatus.IsShortBreak()
		continuous := i > 0 && len(out) > 0 && e.Start.Equal(prevEnd)
		prevEnd = e.End
		n := len(out)
		switch {
		case continuous && (sb || !out[n-1].shortBreak):
			// The same sequence carries on.
			if out[n-1].shortBreak {
				out[n-1].end = lapse(e.End)
			} else {
				out[n-1].end = e.End
			}
			continue
		case !continuous && sb && n > 0 && out[n-1].shortBreak && !out[n-1].end.IsZero() && !e.Start.After(out[n-1].end):
			// A later stay of the same series of short breaks.
			out[n-1].end = lapse(e.End)
			continue
		}
		if n > 0 && (out[n-1].end.IsZero() || out[n-1].end.After(e.Start)) {
			out[n-1].end = e.Start
		}
		s := span{start: e.Start, shortBreak: sb, end: e.End}
		if sb {
			s.end = lapse(e.End)
		}
		out = append(out, s)
	}
	return out
}

// spanBuf is the number of spans the callers of [buildSpans] keep on the
// stack: enough for nearly every child; more spill to the heap.
const spanBuf = 8

// spanOf returns the index of the last span containing day d, or -1.
func spanOf(sp []span, d care.Date) int {
	for i := len(sp) - 1; i >= 0; i-- {
		if sp[i].contains(d) {
			return i
		}
	}
	return -1
}

// Due is one statutory review deadline of a child's schedule, with its
// status as of the assessment date and the records it came from.
type Due struct {
	// Deadline is the due date with its rule (REV-01, REV-02, REV-03 or
	// REV-09) and the anchor it was counted from.
	Deadline care.Deadline `json:"deadline"`
	// Status is Met or Late if a review was held (on or before the due
	// date, or after it), Overdue or Upcoming if not.
	Status care.Status `json:"status"`
	// Held is the date of the review that met the deadline, zero if none
	// has been held; Review is its index in the reviews, -1 if none.
	Held   care.Date `json:"held,omitzero"`
	Review int       `json:"review"`
	// AnchorReview is the index of the review the interval ran from, or -1
	// for a first review (counted from becoming looked after, or from the
	// first short break).
	AnchorReview int `json:"anchor_review"`
	// Ordinal is the review's number in its period of care: 1 for the
	// first review.
	Ordinal int `json:"ordinal"`
	// Period is the span the timetable runs over: the period of care, or
	// for a series of short breaks, from the first stay until the series
	// lapses (see [Policy.ShortBreakLapseMonths]). A zero End means it is
	// ongoing.
	Period care.Period `json:"period"`
	// ShortBreak is true for a short-break child's timetable (REV-09).
	ShortBreak bool `json:"short_break,omitempty"`
}

// Schedule returns every statutory review deadline of the child as of asOf,
// in date order, each with its status:
//
//   - REV-01: the first review of each period of care is due within
//     Policy.FirstReviewDays (20) working days of the day the child became
//     looked after. That day is day 0 ([care.CountFromNextDay]) unless the
//     policy counts it as day 1.
//   - REV-02: the second review is due not more than 3 months after the
//     first was actually held (the corresponding date, clamped to the end
//     of the month: a first review on 30 November puts the second on 28 or
//     29 February).
//   - REV-03: each later review is due not more than 6 months after the
//     previous one was actually held.
//   - REV-09: a short-break child (every episode of the sequence with legal
//     status V3 or V4, CPPCR reg 48) instead has a first review within 3
//     months of the start of the first short break and later reviews 6
//     months apart; the series runs on between stays (see
//     [Policy.ShortBreakLapseMonths]).
//
// Every review counts, whenever it is held: an early review restarts the
// interval, and an early review before the first counts as the first
// (design decision Q2). A review held late is Late, and the next interval
// runs from the date it was actually held. A new period of care starts the
// sequence again. Once a deadline is not met, the next cannot be computed,
// so each sequence ends with at most one deadline not met (Overdue or
// Upcoming). A deadline falling on or after the day the child left care is
// not owed and is left out. Reviews held after asOf are treated as not yet
// held, so a past asOf reproduces what was known then.
//
// It returns an error if the policy is invalid, the reviews have a missing
// date or are out of order, asOf is zero, or a working-day count leaves the
// calendar's coverage (wrapping [care.ErrOutsideCalendar]; also for a nil
// calendar). The slice is fresh.
//
// See also [NextDue], [Milestones] and [Assess].
func Schedule(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) ([]Due, error) {
	if err := checkInputs(reviews, asOf, cal, p); err != nil {
		return nil, err
	}
	// The capacity bounds the deadlines: each span gives its reviews held
	// plus at most one deadline not met.
	var buf [spanBuf]span
	sp := buildSpans(buf[:0], eps, p.shortBreakLapse())
	return schedule(sp, reviews, asOf, cal, p, make([]Due, 0, len(reviews)+len(sp)))
}

// schedule is [Schedule] with inputs already checked, built in the
// scratch.
func (sc *scratch) schedule(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) ([]Due, error) {
	sc.spans = buildSpans(sc.spans, eps, p.shortBreakLapse())
	ds, err := schedule(sc.spans, reviews, asOf, cal, p, sc.sched[:0])
	if err != nil {
		return nil, err
	}
	sc.sched = ds
	return ds, nil
}

func checkInputs(reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if asOf.IsZero() {
		return errNoAsOf
	}
	if cal == nil {
		return errNoCalendar
	}
	var errs care.ValidationErrors
	for i, r := range reviews {
		switch {
		case r.Held.IsZero():
			errs.Add(care.JoinPath(care.Index("reviews", i), "held"), care.ErrRequired)
		case i > 0 && !r.Held.After(reviews[i-1].Held):
			errs.Add(care.JoinPath(care.Index("reviews", i), "held"), fmt.Errorf("%w: held %s, not after the previous review %s", care.ErrOutOfOrder, r.Held, reviews[i-1].Held))
		}
	}
	return errs.Err()
}

// firstDeadline returns the first review deadline of span s.
func firstDeadline(s span, cal *care.Calendar, p Policy) (care.Deadline, error) {
	if s.shortBreak {
		n := p.shortBreakFirst()
		return care.Deadline{Rule: RuleShortBreak, Due: s.start.AddMonths(n), Anchor: s.start,
			AnchorLabel: "first short break began", Count: n, Unit: care.Months}, nil
	}
	n := p.firstReviewDays()
	due, err := cal.WorkingDayDeadline(s.start, n, p.Counting)
	if err != nil {
		return care.Deadline{}, fmt.Errorf("review: first review after becoming looked after on %s: %w", s.start, err)
	}
	return care.Deadline{Rule: RuleFirstReview, Due: due, Anchor: s.start,
		AnchorLabel: "became looked after", Count: n, Unit: care.WorkingDays}, nil
}

// nextDeadline returns the deadline of the review after the ordinal-th,
// held on held.
func nextDeadline(s span, ordinal int, held care.Date, p Policy) care.Deadline {
	switch {
	case s.shortBreak:
		n := p.shortBreakLater()
		return care.Deadline{Rule: RuleShortBreak, Due: held.AddMonths(n), Anchor: held,
			AnchorLabel: "previous review held", Count: n, Unit: care.Months}
	case ordinal == 1:
		n := p.secondReviewMonths()
		return care.Deadline{Rule: RuleSecondReview, Due: held.AddMonths(n), Anchor: held,
			AnchorLabel: "first review held", Count: n, Unit: care.Months}
	}
	n := p.laterReviewMonths()
	return care.Deadline{Rule: RuleLaterReview, Due: held.AddMonths(n), Anchor: held,
		AnchorLabel: "previous review held", Count: n, Unit: care.Months}
}

func (s span) period() care.Period { return care.Period{Start: s.start, End: s.end} }

// schedule appends the deadlines of every span starting on or before asOf
// to out. Reviews must be in order with dates set.
func schedule(sp []span, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy, out []Due) ([]Due, error) {
	j := 0 // next review to consider
	for si, s := range sp {
		if s.start.After(asOf) {
			break
		}
		// Skip reviews before this span (they belong to none, or to an
		// earlier span whose timetable has already been walked).
		for j < len(reviews) && reviews[j].Held.Before(s.start) {
			j++
		}
		dl, err := firstDeadline(s, cal, p)
		if err != nil {
			return nil, err
		}
		anchor := -1
		for ordinal := 1; ; ordinal++ {
			// The next review held in this span (a later span claims a
			// review on its first day).
			held := j < len(reviews) && !reviews[j].Held.After(asOf) && s.contains(reviews[j].Held) &&
				(si+1 >= len(sp) || reviews[j].Held.Before(sp[si+1].start))
			if !held && !s.applies(dl.Due) {
				break
			}
			d := Due{Deadline: dl, Review: -1, AnchorReview: anchor, Ordinal: ordinal, Period: s.period(), ShortBreak: s.shortBreak}
			if !held {
				d.Status = dl.Evaluate(care.Date{}, asOf)
				out = append(out, d)
				break
			}
			d.Held = reviews[j].Held
			d.Review = j
			d.Status = dl.Evaluate(d.Held, asOf)
			out = append(out, d)
			dl = nextDeadline(s, ordinal, d.Held, p)
			anchor = j
			j++
		}
	}
	return out, nil
}

// NextDue returns the deadline of the next review the child is owed as of
// asOf: the first review of the current period of care not yet held, with
// its anchor. It is Upcoming if its due date is on or after asOf and
// Overdue if it has passed. It returns false when no review is owed: the
// child is not looked after on asOf (nor in a continuing series of short
// breaks), or left care before the next review fell due. The counting
// conventions and errors are those of [Schedule].
func NextDue(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) (care.Deadline, bool, error) {
	if err := checkInputs(reviews, asOf, cal, p); err != nil {
		return care.Deadline{}, false, err
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	ds, err := sc.schedule(eps, reviews, asOf, cal, p)
	if err != nil {
		return care.Deadline{}, false, err
	}
	if len(ds) == 0 {
		return care.Deadline{}, false, nil
	}
	last := ds[len(ds)-1]
	if last.Review >= 0 || !last.Period.Contains(asOf) {
		return care.Deadline{}, false, nil
	}
	return last.Deadline, true, nil
}

// Milestones returns the due dates of the first and second reviews of the
// child's current period of care (the latest to start on or before asOf),
// which other rules measure against: the first review for the personal
// education plan (EDU-01) and the health assessment (HLTH-01), the second
// for the plan for permanence (PERM-01).
//
// first is the REV-01 due date (REV-09 for a short-break child). second is
// 3 months after the first review was actually held (6 for a short-break
// child); while the first has not been held by asOf, it is projected from
// first's due date, which is the latest date that keeps both reviews on
// time. Both are zero if no period of care has started by asOf. The counting
// conventions and errors are those of [Schedule].
func Milestones(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) (first, second care.Date, err error) {
	if err := checkInputs(reviews, asOf, cal, p); err != nil {
		return care.Date{}, care.Date{}, err
	}
	var buf [spanBuf]span
	sp := buildSpans(buf[:0], eps, p.shortBreakLapse())
	cur := -1
	for i, s := range sp {
		if !s.start.After(asOf) {
			cur = i
		}
	}
	if cur < 0 {
		return care.Date{}, care.Date{}, nil
	}
	s := sp[cur]
	dl, err := firstDeadline(s, cal, p)
	if err != nil {
		return care.Date{}, care.Date{}, err
	}
	anchor := dl.Due
	for _, r := range reviews {
		if r.Held.After(asOf) {
			break
		}
		if !r.Held.Before(s.start) && s.contains(r.Held) {
			anchor = r.Held
			break
		}
	}
	return dl.Due, nextDeadline(s, 1, anchor, p).Due, nil
}
