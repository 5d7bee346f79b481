package review

import (
	"github.com/lookedafter/practice/care"
)

// The kinds of REV-04. Their subject is the first episode of the review
// sequence: the IRO is appointed for the period of care (or series of
// short breaks), not for one review.
var (
	iroAppointed = care.Kind{
		Rule: rule(REV04), What: "IRO appointed", Subject: "episodes[]",
		Anchor: "becoming looked after", Anchors: []string{"the start of the first short break"},
		DoneAt: "iro[]", Closures: sequenceClosures(""),
	}
	iroMetChild = care.Kind{
		Rule: rule(REV04), What: "IRO meeting with the child", Subject: "episodes[]",
		Anchor: "the first review", Anchors: []string{"the first review's due date"}, AnchorAt: "reviews[]",
		Done: "IRO met the child", DoneAt: "iro[]", Closures: sequenceClosures("the first review had been held"),
	}
	iroNamed = care.Kind{
		Rule: rule(REV04), What: "IRO named in the care plan", Subject: "episodes[]",
		Anchor: "IRO appointment", AnchorAt: "iro[]", Done: "named in the care plan", DoneAt: "iro[]",
		Problems: []string{"IRO not named in the care plan"}, Met: "IRO named in the care plan",
	}
)

// anchorAs is the label of a sequence's start: becoming looked after, or
// for a series of short breaks the start of the first one.
func (s span) anchorAs() int {
	if s.shortBreak {
		return 1
	}
	return 0
}

// iro reports REV-04 for each review sequence started by the assessment
// date:
//
//   - the IRO appointed within Policy.IROAppointDays working days of the
//     start of the sequence (an allocation already running on that day
//     counts): Overdue until an IRO is appointed, Missed when the sequence
//     ends with none;
//   - the IRO met the child on or before the day of the first review: due
//     on the day the first review was held, or while it has not been, on
//     its due date. The window closes when the first review is held (the
//     day after it, since a meeting that day counts): with no meeting by
//     then it is Missed, and a meeting after the review is Late. Before the
//     first review is held it closes, as the review's does, when the
//     sequence ends. It is owed once an IRO is appointed: until then the
//     appointment's finding reports the root cause, once;
//   - the IRO named in the care plan: Met, or a Breach once the
//     appointment is due.
func (x *assessment) iro() error {
	allocs := x.rec.IRO
	for si, s := range x.seqs {
		if s.start.After(x.asOf) {
			break
		}
		n := x.p.iroAppointDays()
		due, err := x.cal.WorkingDayDeadline(s.start, n, x.p.Counting)
		if err != nil {
			return err
		}
		k := -1 // the allocation that covers the start of the sequence
		for i, al := range allocs {
			if al.Appointed.After(x.asOf) {
				break
			}
			if al.activeOn(s.start) || (al.Appointed.After(s.start) && s.contains(al.Appointed)) {
				k = i
				break
			}
		}
		subject := care.At(s.episode)
		appoint := care.Obligation{Subject: subject, Due: due, Anchor: s.start, AnchorAs: s.anchorAs(),
			Count: n, Unit: care.WorkingDays, Closes: s.end, ClosedBy: s.closure}
		if k >= 0 {
			appoint.Done, appoint.DoneAt = allocs[k].Appointed, care.At(k)
		}
		x.e.Deadline(&iroAppointed, appoint)

		if k < 0 {
			// No IRO: the appointment reports the root cause, and the
			// meeting and the care plan are not reported as well.
			continue
		}

		// The IRO meets the child on or before the day of the first review.
		x.e.Deadline(&iroMetChild, x.iroMeeting(si, k))

		// The IRO is named in the care plan.
		named := care.Obligation{Subject: subject, Anchor: allocs[k].Appointed, AnchorAt: care.At(k)}
		switch {
		case !allocs[k].NamedInPlan.IsZero() && !allocs[k].NamedInPlan.After(x.asOf):
			named.Done, named.DoneAt = allocs[k].NamedInPlan, care.At(k)
			x.e.Check(&iroNamed, named, 0)
		case x.asOf.After(due):
			x.e.Check(&iroNamed, named, care.Problem(0))
		}
	}
	return nil
}

// iroMeeting returns the obligation of the IRO to meet the child before
// the first review of sequence si, whose IRO is allocation k.
func (x *assessment) iroMeeting(si, k int) care.Obligation {
	s, allocs := x.seqs[si], x.rec.IRO
	first := x.firstReview(si)
	meet := care.Obligation{Subject: care.At(s.episode), Due: first.dl.Due, Anchor: first.dl.Due, AnchorAs: 1,
		Unit: care.Days, Closes: s.end, ClosedBy: s.closure}
	if first.review >= 0 {
		held := x.rec.Reviews[first.review].Held
		meet.Due, meet.Anchor, meet.AnchorAs, meet.AnchorAt = held, held, 0, care.At(first.review)
		meet.Closes, meet.ClosedBy = held.AddDays(1), closedByReview
	}
	m := k // the allocation running on the day of the first review
	for i := len(allocs) - 1; i >= 0; i-- {
		if allocs[i].activeOn(meet.Due) && !allocs[i].Appointed.After(x.asOf) {
			m = i
			break
		}
	}
	meet.Done, meet.DoneAt = allocs[m].MetChild, care.At(m)
	return meet
}

// firstReview returns the first step of the timetable of sequence si.
// Every sequence started by the assessment date has one.
func (x *assessment) firstReview(si int) step {
	for _, st := range x.steps {
		if st.seq == si {
			return st
		}
	}
	panic("review: no first review in a sequence started by the assessment date")
}

// midwayCheck is the kind of REV-05. Its subject is the review the
// interval runs from.
var midwayCheck = care.Kind{
	Rule: rule(REV05), What: "IRO midway check", Subject: "reviews[]",
	Anchor: "the review", AnchorAt: "reviews[]", Done: "midway check", DoneAt: "midway_checks[]",
	Extra: "next review due", Closures: sequenceClosures("the next review was held"),
}

// midway reports REV-05 for each interval that follows a review: a midway
// check within Policy.MidwayToleranceDays calendar days of the midpoint
// between the review and the next review's due date. Checks before the
// window do not count. The window closes when the next review is held (a
// check on that day does not count), so none is owed when the next review
// is held before the check falls due, and one not made by then is Missed;
// while the next review is not held it closes when the review sequence
// ends.
func (x *assessment) midway() {
	checks := x.rec.MidwayChecks
	tol := x.p.midwayTolerance()
	k := 0
	for _, st := range x.steps {
		if st.anchorReview < 0 {
			continue
		}
		prev := x.rec.Reviews[st.anchorReview].Held
		half := st.dl.Due.DaysSince(prev) / 2
		mid := prev.AddDays(half)
		lo := mid.AddDays(-tol)
		if !lo.After(prev) {
			lo = prev.AddDays(1)
		}
		for k < len(checks) && checks[k].Date.Before(lo) {
			k++
		}
		o := care.Obligation{Subject: care.At(st.anchorReview), Due: mid.AddDays(tol), Anchor: prev,
			AnchorAt: care.At(st.anchorReview), Count: half + tol, Unit: care.Days, Extra: st.dl.Due}
		if st.review >= 0 {
			o.Closes, o.ClosedBy = x.rec.Reviews[st.review].Held, closedByReview
		} else {
			s := x.seqs[st.seq]
			o.Closes, o.ClosedBy = s.end, s.closure
		}
		// The first check in the window, if made before it closed.
		if k < len(checks) && (o.Closes.IsZero() || checks[k].Date.Before(o.Closes)) {
			o.Done, o.DoneAt = checks[k].Date, care.At(k)
		}
		x.e.Deadline(&midwayCheck, o)
	}
}
