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
// A series of short breaks can span several periods of care, and a period
// can hold a series followed by full-time care, which is why the review
// timetable runs over spans rather than over [care.History.Periods].
type span struct {
	start care.Date
	// end is the day the sequence ended: the day the period of care ended
	// (the first day not looked after; a review held that day still
	// belongs to the span, since the child was looked after for part of
	// it), the day a series of short breaks lapses, or the day full-time
	// care began after one. Zero while it is ongoing.
	end care.Date
	// closure says what ended the sequence: one of the closed* constants.
	closure    int
	shortBreak bool
	// episode is the index of the sequence's first episode: the subject
	// of findings about the sequence as a whole.
	episode int
}

// What closes the window of an obligation of a review sequence: the
// indices of the first closures of every kind of this package that has
// any (see [sequenceClosures]).
const (
	closedLeftCare = iota // a regular sequence ends: the child left care
	closedLapsed          // a series of short breaks lapsed
	closedFullTime        // full-time care began after a series of short breaks
	closedByReview        // the kind's own closure: a review took its place
)

// sequenceClosures returns the closure labels of a kind whose window ends
// with its review sequence, followed by byReview, if given: what closes
// it when a review takes its place.
func sequenceClosures(byReview string) []string {
	cs := []string{"the child left care", "the series of short breaks lapsed", "full-time care began"}
	if byReview != "" {
		cs = append(cs, byReview)
	}
	return cs
}

// contains reports whether a review on day d belongs to the span.
func (s span) contains(d care.Date) bool {
	return !d.Before(s.start) && (s.end.IsZero() || !d.After(s.end))
}

// endedBy reports whether the span had ended by day d.
func (s span) endedBy(d care.Date) bool {
	return !s.end.IsZero() && !s.end.After(d)
}

func (s span) period() care.Period { return care.Period{Start: s.start, End: s.end} }

// buildSpans splits the episodes into review sequences. A new sequence
// starts with each period of care; consecutive short-break periods join one
// series while each starts no later than lapseMonths after the previous one
// ended; within a period, the first episode that is not a short break
// after short-break episodes starts a regular sequence, and short-break
// episodes after regular ones continue it. Episodes with no start are
// skipped (validation reports them).
func buildSpans(eps []care.Episode, lapseMonths int) []span {
	return appendSpans(nil, eps, lapseMonths)
}

// appendSpans is buildSpans appending the sequences to out.
func appendSpans(out []span, eps []care.Episode, lapseMonths int) []span {
	lapse := func(d care.Date) care.Date {
		if d.IsZero() {
			return d
		}
		return d.AddMonths(lapseMonths)
	}
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
			// Full-time care begins before the series of short breaks lapses.
			out[n-1].end, out[n-1].closure = e.Start, closedFullTime
		}
		s := span{start: e.Start, end: e.End, closure: closedLeftCare, shortBreak: sb, episode: i}
		if sb {
			s.end, s.closure = lapse(e.End), closedLapsed
		}
		out = append(out, s)
	}
	return out
}

// spanOf returns the index of the last span containing day d, or -1.
func spanOf(sp []span, d care.Date) int {
	for i := len(sp) - 1; i >= 0; i-- {
		if sp[i].contains(d) {
			return i
		}
	}
	return -1
}

// A stage is one review of a timetable as the rules count it: the first,
// the second, a later one, or a short-break child's first or later review.
// It has two kinds of finding. A review held is the subject of its own
// finding; a review owed and not yet held has no record, so the subject of
// its finding is the first episode of its review sequence, and its words
// ("no first review yet", "no later review yet") say which review it is.
type stage struct {
	held, owed care.Kind
}

// earlyHeld labels a review held early for each [EarlyReason] but
// [EarlyReasonNone], in order: the Dones of the kinds of a review held.
var earlyHeld = func() []string {
	out := make([]string, 0, len(earlyReasonNames)-1)
	for _, name := range earlyReasonNames[1:] {
		out = append(out, "early review held ("+name+")")
	}
	return out
}()

func newStage(id care.RuleID, what, anchor string) stage {
	owed := care.Kind{Rule: rule(id), What: what, Subject: "episodes[]", Anchor: anchor, AnchorAt: "reviews[]",
		Closures: sequenceClosures("")}
	held := owed
	held.Subject, held.Done, held.Dones, held.DoneAt = "reviews[]", "review held", earlyHeld, "reviews[]"
	return stage{held: held, owed: owed}
}

// The stages of the timetables of REV-01, REV-02, REV-03 and REV-09.
var (
	firstReview           = newStage(REV01, "first review", "becoming looked after")
	secondReview          = newStage(REV02, "second review", "the first review")
	laterReview           = newStage(REV03, "later review", "the previous review")
	firstShortBreakReview = newStage(REV09, "first review", "the start of the first short break")
	laterShortBreakReview = newStage(REV09, "later review", "the previous review")
)

// deadline returns the deadline of a review of stage st, Count Units after
// anchor.
func (st *stage) deadline(due, anchor care.Date, count int, unit care.Unit) care.Deadline {
	return care.Deadline{Rule: st.owed.Rule.ID, Due: due, Anchor: anchor, AnchorLabel: st.owed.Anchor, Count: count, Unit: unit}
}

// firstDeadline returns the stage and deadline of the first review of
// span s.
func firstDeadline(s span, cal *care.Calendar, p Policy) (*stage, care.Deadline, error) {
	if s.shortBreak {
		n := p.shortBreakFirst()
		st := &firstShortBreakReview
		return st, st.deadline(s.start.AddMonths(n), s.start, n, care.Months), nil
	}
	n := p.firstReviewDays()
	due, err := cal.WorkingDayDeadline(s.start, n, p.Counting)
	if err != nil {
		return nil, care.Deadline{}, fmt.Errorf("review: first review after becoming looked after on %s: %w", s.start, err)
	}
	st := &firstReview
	return st, st.deadline(due, s.start, n, care.WorkingDays), nil
}

// nextDeadline returns the stage and deadline of the review after the
// ordinal-th, held on held.
func nextDeadline(s span, ordinal int, held care.Date, p Policy) (*stage, care.Deadline) {
	st, n := &laterReview, p.laterReviewMonths()
	switch {
	case s.shortBreak:
		st, n = &laterShortBreakReview, p.shortBreakLater()
	case ordinal == 1:
		st, n = &secondReview, p.secondReviewMonths()
	}
	return st, st.deadline(held.AddMonths(n), held, n, care.Months)
}

// step is one deadline of the timetable of a review sequence.
type step struct {
	seq   int // the index of the sequence
	stage *stage
	dl    care.Deadline
	// review is the index of the review that met the deadline, -1 if none
	// was held by the assessment date; anchorReview is the review the
	// interval ran from, -1 for a first review.
	review, anchorReview int
	ordinal              int
}

// schedule returns the deadlines of every span starting on or before
// asOf, in order: each span's reviews held by asOf, then the one review
// not yet held, whether or not the span ended before it fell due (the
// emitter leaves out what was never owed). Reviews must be in order with
// dates set.
func schedule(sp []span, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) ([]step, error) {
	return appendSchedule(nil, sp, reviews, asOf, cal, p, false)
}

// appendSchedule is schedule appending the steps to out. When truncated,
// the records begin part way through the first sequence's period of care
// ([care.History.Truncated]): how many reviews it had before them, and
// when, is not known, so its first and second reviews (REV-01, REV-02)
// are not judged, the first review in the records is taken as a later
// review whose own timeliness is unknown, and the sequence runs on from it
// at the later reviews' interval (REV-03). That is the longest interval
// the child could be owed, so no review is reported late or overdue that
// the full history might show on time; a late second review can be missed.
// With no review in the records, nothing of the sequence can be judged.
func appendSchedule(out []step, sp []span, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy, truncated bool) ([]step, error) {
	j := 0 // next review to consider
	for si, s := range sp {
		if s.start.After(asOf) {
			break
		}
		// Skip reviews before this span (they belong to none, or to an
		// earlier span whose timetable has already been walked); a
		// sequence begun before the records holds the reviews before its
		// first episode.
		if si == 0 && truncated && j < len(reviews) && reviews[j].Held.Before(s.start) {
			s.start = reviews[j].Held
		}
		for j < len(reviews) && reviews[j].Held.Before(s.start) {
			j++
		}
		st, dl, err := firstDeadline(s, cal, p)
		if err != nil {
			return nil, err
		}
		anchor, first := -1, 1
		if si == 0 && truncated {
			// The first review in the records, of a sequence begun before
			// them: a later review (see above), or nothing to judge.
			if j >= len(reviews) || reviews[j].Held.After(asOf) || !s.contains(reviews[j].Held) ||
				(si+1 < len(sp) && !reviews[j].Held.Before(sp[si+1].start)) {
				continue
			}
			first = 3
			st, dl = nextDeadline(s, first, reviews[j].Held, p)
			anchor = j
			j++
			first++
		}
		for ordinal := first; ; ordinal++ {
			x := step{seq: si, stage: st, dl: dl, review: -1, anchorReview: anchor, ordinal: ordinal}
			// The next review held in this span (a later span claims a
			// review on its first day).
			held := j < len(reviews) && !reviews[j].Held.After(asOf) && s.contains(reviews[j].Held) &&
				(si+1 >= len(sp) || reviews[j].Held.Before(sp[si+1].start))
			if !held {
				out = append(out, x)
				break
			}
			x.review = j
			out = append(out, x)
			st, dl = nextDeadline(s, ordinal, reviews[j].Held, p)
			anchor = j
			j++
		}
	}
	return out, nil
}

// timetable reports REV-01, REV-02, REV-03 and REV-09: each review held
// is Met or Late against its deadline; the review not yet held of each
// sequence is Upcoming, then Overdue while the sequence runs, and Missed
// once the sequence has ended after its due date (the child left care,
// the series of short breaks lapsed, or full-time care began). A sequence
// that ended on or before the due date owed no review, and the emitter
// leaves it out.
func (x *assessment) timetable() {
	for _, st := range x.steps {
		o := care.Obligation{Due: st.dl.Due, Anchor: st.dl.Anchor, AnchorAt: care.At(st.anchorReview),
			Count: st.dl.Count, Unit: st.dl.Unit}
		if st.review >= 0 {
			rv := &x.rec.Reviews[st.review]
			o.Subject, o.Done, o.DoneAt, o.DoneAs = care.At(st.review), rv.Held, care.At(st.review), int(rv.EarlyReason)
			x.e.Deadline(&st.stage.held, o)
			continue
		}
		s := x.seqs[st.seq]
		o.Subject, o.Closes, o.ClosedBy = care.At(s.episode), s.end, s.closure
		x.e.Deadline(&st.stage.owed, o)
	}
}

// Due is one statutory review deadline of a child's schedule, with its
// status as of the assessment date and the records it came from.
type Due struct {
	// Deadline is the due date with its rule (REV-01, REV-02, REV-03 or
	// REV-09) and the anchor it was counted from.
	Deadline care.Deadline `json:"deadline"`
	// Status is Met or Late if a review was held (on or before the due
	// date, or after it); Overdue or Upcoming if not, while the review
	// sequence runs; Missed if the sequence ended after the due date
	// without the review being held.
	Status care.Status `json:"status"`
	// Held is the date of the review that met the deadline, zero if none
	// has been held; Review is its index in the reviews, -1 if none.
	Held   care.Date `json:"held,omitzero"`
	Review int       `json:"review"`
	// Closed is the day the sequence ended, for a Missed deadline; zero
	// otherwise.
	Closed care.Date `json:"closed,omitzero"`
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
//   - REV-01: CPPCR reg 33(1), "within 20 working days of the date on
//     which C becomes looked after": due on the Policy.FirstReviewDays (20)th
//     working day after that date, which is day 0 and not counted
//     ([care.CountFromNextDay]; a "within … of" period does not count its
//     first day) unless the policy counts it as day 1. Working days are
//     those of reg 2(1), from the calendar.
//   - REV-02: reg 33(2), "not more than three months after the first": due
//     on the corresponding date 3 months after the first review was
//     actually held, clamped to the end of the month (a first review on 30
//     November puts the second on 28 or 29 February).
//   - REV-03: reg 33(2), "subsequent reviews must be carried out at
//     intervals of not more than six months": due 6 months after the
//     previous review was actually held, by the same month rule (31 August
//     gives the last day of February).
//   - REV-09: a short-break child (every episode of the sequence with legal
//     status V3 or V4) instead has, under reg 48(3)(d), a first review
//     "within three months of the start of the first placement" (the
//     corresponding date 3 months after the first short break began) and
//     "the second and subsequent reviews ... at intervals of not more than
//     six months"; the series runs on between stays (see
//     [Policy.ShortBreakLapseMonths]).
//
// Every review counts, whenever it is held: an early review restarts the
// interval, and an early review before the first counts as the first
// (design decision Q2). A review held late is Late, and the next interval
// runs from the date it was actually held. A new period of care starts the
// sequence again. Once a deadline is not met, the next cannot be computed,
// so each sequence ends with at most one deadline not met: Overdue or
// Upcoming while the sequence runs, Missed once it has ended (by asOf)
// after the due date; a deadline of a sequence that ended on or before its
// due date was never owed and is left out. The statuses are those
// [Assessor.Emit] reports. Reviews held after asOf are treated as not yet
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
	sp := buildSpans(eps, p.shortBreakLapse())
	steps, err := schedule(sp, reviews, asOf, cal, p)
	if err != nil {
		return nil, err
	}
	out := make([]Due, 0, len(steps))
	for _, x := range steps {
		s := sp[x.seq]
		d := Due{Deadline: x.dl, Review: x.review, AnchorReview: x.anchorReview, Ordinal: x.ordinal,
			Period: s.period(), ShortBreak: s.shortBreak}
		switch {
		case x.review >= 0:
			d.Held = reviews[x.review].Held
			d.Status = x.dl.Evaluate(d.Held, asOf)
		case s.endedBy(asOf) && !x.dl.Due.Before(s.end):
			continue // the sequence ended before the review fell due
		case s.endedBy(asOf):
			d.Status, d.Closed = care.Missed, s.end
		default:
			d.Status = x.dl.Evaluate(care.Date{}, asOf)
		}
		out = append(out, d)
	}
	return out, nil
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
	return checkReviews(reviews)
}

// checkReviews checks what the timetable needs of the reviews: a date
// each, in order.
func checkReviews(reviews []Review) error {
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

// NextDue returns the deadline of the next review the child is owed as of
// asOf: the first review of the current review sequence not yet held, with
// its anchor. It is Upcoming if its due date is on or after asOf and
// Overdue if it has passed. It returns false when no review is owed: the
// child is not looked after on asOf (nor in a continuing series of short
// breaks), for a review sequence that has ended by asOf, with its review
// missed or never owed.
//
// The counting conventions and errors are those of [Schedule]: the first
// review "within 20 working days of the date on which C becomes looked
// after" (CPPCR reg 33(1), that date being day 0), the second "not more
// than three months after the first" and later ones "at intervals of not
// more than six months" (reg 33(2)), each counted from the review
// actually held by the corresponding-date rule ([care.Date.AddMonths]).
// The calendar is needed for the working days of the first review.
func NextDue(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) (care.Deadline, bool, error) {
	ds, err := Schedule(eps, reviews, asOf, cal, p)
	if err != nil || len(ds) == 0 {
		return care.Deadline{}, false, err
	}
	last := ds[len(ds)-1]
	if last.Review >= 0 || !last.Status.IsLive() {
		return care.Deadline{}, false, nil
	}
	return last.Deadline, true, nil
}

// Milestones returns the due dates of the first and second reviews of the
// child's current review sequence (the latest to start on or before asOf:
// the current period of care, or the series of short breaks or the
// full-time care within it), which other rules measure against: the first
// review for the personal education plan (EDU-01) and the health
// assessment (HLTH-01), the second for the plan for permanence (PERM-01).
//
// first is the REV-01 due date (REV-09 for a short-break child). second is
// 3 months after the first review was actually held (6 for a short-break
// child); while the first has not been held by asOf, it is projected from
// first's due date, which is the latest date that keeps both reviews on
// time. Both are zero if no period of care has started by asOf. The counting
// conventions and errors are those of [Schedule].
//
// See [Assessor.Milestones] for the form a whole-case assessment uses.
func Milestones(eps []care.Episode, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) (first, second care.Date, err error) {
	if err := checkInputs(reviews, asOf, cal, p); err != nil {
		return care.Date{}, care.Date{}, err
	}
	return milestones(buildSpans(eps, p.shortBreakLapse()), reviews, asOf, cal, p)
}

// milestones is [Milestones] over the review sequences sp.
func milestones(sp []span, reviews []Review, asOf care.Date, cal *care.Calendar, p Policy) (first, second care.Date, err error) {
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
	_, dl, err := firstDeadline(s, cal, p)
	if err != nil {
		return care.Date{}, care.Date{}, err
	}
	anchor := dl.Due
	for _, r := range reviews {
		if r.Held.After(asOf) {
			break
		}
		if s.contains(r.Held) {
			anchor = r.Held
			break
		}
	}
	_, next := nextDeadline(s, 1, anchor, p)
	return dl.Due, next.Due, nil
}
