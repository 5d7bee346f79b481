package review

import (
	"slices"
	"strconv"
	"sync"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/internal/arena"
)

// Assess evaluates the review rules REV-01 to REV-10 for one child as of
// asOf and returns the findings, sorted by due date then rule ID:
//
//   - REV-01, REV-02, REV-03 and REV-09: one finding per deadline of
//     [Schedule], Met, Late, Overdue or Upcoming.
//   - REV-04, for each period of care: the IRO appointed within
//     Policy.IROAppointDays working days of becoming looked after (an
//     allocation already running on that day counts); the IRO met the child
//     on or before the day of the first review (or its due date, while it
//     has not been held); and the IRO named in the care plan (Met, or a
//     Breach once the appointment is due).
//   - REV-05: for each interval after a review, a midway check within
//     Policy.MidwayToleranceDays calendar days of the midpoint between the
//     review and the next review's due date. Checks before the window do not
//     count; none is owed if the next review is held before the check falls
//     due.
//   - REV-06: for each recommendation of a review held by asOf, a Breach if
//     it has no owner or no due date, and a timeliness finding: done on the
//     earlier of its completion and its first follow-up. One still open when
//     the next review was held carries evidence "carried open to next
//     review" and says so in its message.
//   - REV-07: decisions circulated and record completed within
//     Policy.DecisionsDays and Policy.RecordDays working days of the review
//     (of its completion, for an adjourned review; none is owed while an
//     adjourned review is incomplete).
//   - REV-08: Met, or a Breach if the participation code is missing or the
//     views of a child aged 4 or more are not recorded. The child's age on
//     the day of the review decides; without a date of birth, PN0 does.
//   - REV-10: an adjourned review completed within Policy.AdjournmentDays
//     working days of the adjournment, and a Breach if a proposal was
//     implemented before it was completed.
//
// Working days count from the anchor as day 0 unless Policy.Counting says
// otherwise; months are calendar months clamped to the month end. Records
// dated after asOf are treated as not yet made. Findings of a rule with an
// in-force period are left out where the due date falls before it.
//
// It returns an error, and no report, if the policy is invalid, asOf is
// zero, cal is nil, the episodes or the record are invalid (a
// [care.ValidationErrors] with paths such as "reviews[2].held" and
// "episodes[0].start"), or a working-day count leaves the calendar
// (wrapping [care.ErrOutsideCalendar]).
//
// See also [Schedule] and [Record.Validate].
func Assess(rec Record, child care.Child, eps []care.Episode, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	// The findings are gathered in scratch, then copied to a report of
	// exactly their number.
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	rep, err := AppendAssessment(sc.rep[:0], rec, child, eps, asOf, cal, p)
	if err != nil {
		return nil, err
	}
	sc.rep = rep
	out := make(care.Report, len(rep))
	copy(out, rep)
	out.Sort()
	return out, nil
}

// AppendAssessment is [Assess] appending its findings, unsorted, to dst:
// for callers that gather several packages' findings into one report and
// sort it once. On error it returns dst unchanged.
func AppendAssessment(dst care.Report, rec Record, child care.Child, eps []care.Episode, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	out, err := assessInto(dst, rec, child, eps, asOf, cal, p)
	if err != nil {
		return dst, err
	}
	return out, nil
}

func assessInto(dst care.Report, rec Record, child care.Child, eps []care.Episode, asOf care.Date, cal *care.Calendar, p Policy) (care.Report, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		return nil, errNoAsOf
	}
	if cal == nil {
		return nil, errNoCalendar
	}
	errs := care.ValidateEpisodes("episodes", eps, child.DateOfBirth)
	rec.validate(&errs, child.DateOfBirth, eps)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	sched, err := sc.schedule(eps, rec.Reviews, asOf, cal, p)
	if err != nil {
		return nil, err
	}
	sp := sc.spans
	nrec := 0
	for _, r := range rec.Reviews {
		nrec += len(r.Recommendations)
	}
	a := assessor{
		rec: rec, child: child, asOf: asOf, cal: cal, p: p,
		rep: slices.Grow(dst, len(sched)+4*len(rec.Reviews)+nrec+3*len(sp)+4),
		ev:  slices.Grow(sc.ev[:0], 2*len(sched)+6*len(rec.Reviews)+2*nrec+4*len(sp)+8),
	}
	a.schedule(sched)
	err = a.iro(sp, sched)
	if err == nil {
		a.midway(sched)
		err = a.reviews()
	}
	sc.ev = a.ev
	if err != nil {
		// The findings gathered so far point into the scratch evidence.
		clear(a.rep[len(dst):])
		return nil, err
	}
	arena.Settle(a.rep[len(dst):])
	return a.rep, nil
}

// scratch is the working memory of one assessment, reused through
// scratchPool: the spans, the schedule, the findings' evidence while they are gathered, and for [Assess] the findings
// before they are copied to the report. Nothing a returned finding
// references lives in it: arena.Settle copies the evidence out.
type scratch struct {
	rep   care.Report
	spans []span
	sched []Due
	ev    []care.Evidence
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooled is the largest evidence buffer returned to the pool, so that
// one outsized record does not pin its memory.
const maxPooled = 1024

// release clears the references the scratch holds into the report and
// returns it to the pool.
func (sc *scratch) release() {
	if cap(sc.ev) > maxPooled || cap(sc.rep) > maxPooled {
		return
	}
	// Past their lengths, the buffers are already clear.
	clear(sc.ev)
	sc.ev = sc.ev[:0]
	clear(sc.rep)
	sc.rep = sc.rep[:0]
	scratchPool.Put(sc)
}

// assessor holds the state of one call of [Assess].
type assessor struct {
	rec   Record
	child care.Child
	asOf  care.Date
	cal   *care.Calendar
	p     Policy
	rep   care.Report
	ev    []care.Evidence // scratch store of every finding's evidence, until settled
}

// evidence copies es into the scratch store and returns a slice of it with
// its capacity capped, so that a caller appending to one finding's evidence
// cannot overwrite another's; arena.Settle later moves it out.
func (a *assessor) evidence(es ...care.Evidence) []care.Evidence {
	start := len(a.ev)
	a.ev = append(a.ev, es...)
	return a.ev[start:len(a.ev):len(a.ev)]
}

// add appends a finding of rule r, as [care.NewFinding] starts it, with
// the rest of its fields, unless the rule was not in force on its due date
// (on asOf, for a finding with no due date).
func (a *assessor) add(r *care.Rule, subject string, st care.Status, d care.Deadline, done care.Date, message string, ev []care.Evidence) {
	on := d.Due
	if on.IsZero() {
		on = a.asOf
	}
	if !r.InForceOn(on) {
		return
	}
	f := care.NewFinding(*r, subject, st)
	f.Due, f.Done, f.Deadline, f.Message, f.Evidence = d.Due, done, d, message, a.evidence(ev...)
	a.rep = append(a.rep, f)
}

// deadline builds a timeliness finding from a deadline.
func (a *assessor) deadline(d care.Deadline, subject, message string, done care.Date, ev ...care.Evidence) {
	st := d.Evaluate(done, a.asOf)
	if st != care.Met && st != care.Late {
		done = care.Date{}
	}
	a.add(rule(d.Rule), subject, st, d, done, message, ev)
}

// check builds a Met or Breach finding of a rule that is not a timescale.
func (a *assessor) check(id care.RuleID, subject, message string, ok bool, done care.Date, ev ...care.Evidence) {
	st := care.Met
	if !ok {
		st, done = care.Breach, care.Date{} // only a met obligation has a date done
	}
	a.add(rule(id), subject, st, care.Deadline{}, done, message, ev)
}

// reviewRef returns the record path of review i ("reviews[3]") and
// recRef that of its recommendation j ("reviews[3].recommendations[0]"):
// strings from tables built once, shared by every report and never
// modified, for all but outsized records.
func reviewRef(i int) string { return reviewRefs.At(i) }

func recRef(i, j int) string {
	if i < len(recRefs) {
		return recRefs[i].At(j)
	}
	return care.Index(reviewRefs.At(i)+".recommendations", j)
}

var (
	iroRefs    = arena.NewPaths("iro", 16)
	midwayRefs = arena.NewPaths("midway_checks", 16)
	reviewRefs = arena.NewPaths("reviews", 40)
	// recRefs[i] holds the paths of the first recommendations of review i.
	recRefs = func() (t [40]*arena.Paths) {
		for i := range t {
			t[i] = arena.NewPaths(reviewRefs.At(i)+".recommendations", 8)
		}
		return t
	}()
)

// withDate returns prefix followed by d in ISO form, allocating only the
// result.
func withDate(prefix string, d care.Date) string {
	var buf [64]byte
	b := append(buf[:0], prefix...)
	b, _ = d.AppendText(b)
	return string(b)
}

// earlyHeldLabels[r] is the evidence label of an early review held for
// reason r.
var earlyHeldLabels = func() (t [len(earlyReasonNames)]string) {
	for r := range t {
		t[r] = "early review held (" + EarlyReason(r).String() + ")"
	}
	return t
}()

// schedule reports REV-01, REV-02, REV-03 and REV-09.
func (a *assessor) schedule(sched []Due) {
	for _, d := range sched {
		r := rule(d.Deadline.Rule)
		var subject string
		if d.Review >= 0 {
			subject = reviewRef(d.Review)
		} else {
			var buf [64]byte
			b := append(buf[:0], "review "...)
			b = strconv.AppendInt(b, int64(d.Ordinal), 10)
			b = append(b, " of the period of care from "...)
			b, _ = d.Period.Start.AppendText(b)
			subject = string(b)
		}
		anchor := care.Evidence{Label: d.Deadline.AnchorLabel, Date: d.Deadline.Anchor}
		if d.AnchorReview >= 0 {
			anchor.Ref = reviewRef(d.AnchorReview)
		}
		if d.Review < 0 {
			a.deadline(d.Deadline, subject, r.Title, care.Date{}, anchor)
			continue
		}
		held := care.Evidence{Label: "review held", Date: d.Held, Ref: subject}
		if er := a.rec.Reviews[d.Review].EarlyReason; er.IsEarly() {
			if int(er) < len(earlyHeldLabels) {
				held.Label = earlyHeldLabels[er]
			} else {
				held.Label = "early review held (" + er.String() + ")"
			}
		}
		a.deadline(d.Deadline, subject, r.Title, d.Held, anchor, held)
	}
}

// iro reports REV-04 for each review sequence started by asOf.
func (a *assessor) iro(sp []span, sched []Due) error {
	allocs := a.rec.IRO
	for _, s := range sp {
		if s.start.After(a.asOf) {
			break
		}
		due, err := a.cal.WorkingDayDeadline(s.start, a.p.iroAppointDays(), a.p.Counting)
		if err != nil {
			return err
		}
		k := -1
		for i, al := range allocs {
			if al.Appointed.After(a.asOf) {
				break
			}
			if al.activeOn(s.start) || (al.Appointed.After(s.start) && s.contains(al.Appointed)) {
				k = i
				break
			}
		}
		if k < 0 && !s.applies(due) {
			continue
		}
		subject := withDate("IRO for the period of care from ", s.start)
		start := care.Evidence{Label: "became looked after", Date: s.start}
		if s.shortBreak {
			start.Label = "first short break began"
		}
		dl := care.Deadline{Rule: RuleIRO, Due: due, Anchor: s.start, AnchorLabel: start.Label,
			Count: a.p.iroAppointDays(), Unit: care.WorkingDays}
		var appointed care.Date
		var ref, appointedLabel string
		if k >= 0 {
			appointed = allocs[k].Appointed
			ref = iroRefs.At(k)
			appointedLabel = "IRO " + allocs[k].IROID + " appointed"
			a.deadline(dl, subject, "IRO appointed", appointed, start,
				care.Evidence{Label: appointedLabel, Date: appointed, Ref: ref})
		} else {
			a.deadline(dl, subject, "IRO appointed", care.Date{}, start)
		}

		// The IRO meets the child on or before the day of the first review.
		first := -1
		for i, d := range sched {
			if d.Ordinal == 1 && d.Period.Start.Equal(s.start) {
				first = i
				break
			}
		}
		if first >= 0 {
			fd := sched[first]
			meet := care.Deadline{Rule: RuleIRO, Due: fd.Deadline.Due, Anchor: fd.Deadline.Due,
				AnchorLabel: "first review due", Unit: care.Days}
			if fd.Review >= 0 {
				meet.Due, meet.Anchor, meet.AnchorLabel = fd.Held, fd.Held, "first review held"
			}
			m := k
			for i := len(allocs) - 1; i >= 0; i-- {
				if allocs[i].activeOn(meet.Due) && !allocs[i].Appointed.After(a.asOf) {
					m = i
					break
				}
			}
			anchor := care.Evidence{Label: meet.AnchorLabel, Date: meet.Anchor}
			if fd.Review >= 0 {
				anchor.Ref = reviewRef(fd.Review)
			}
			if m >= 0 && !allocs[m].MetChild.IsZero() {
				a.deadline(meet, subject, "IRO met the child before the first review", allocs[m].MetChild, anchor,
					care.Evidence{Label: "IRO " + allocs[m].IROID + " met the child", Date: allocs[m].MetChild,
						Ref: iroRefs.At(m)})
			} else {
				a.deadline(meet, subject, "IRO met the child before the first review", care.Date{}, anchor)
			}
		}

		// The IRO is named in the care plan.
		if k >= 0 {
			named := allocs[k].NamedInPlan
			switch {
			case !named.IsZero() && !named.After(a.asOf):
				a.check(RuleIRO, subject, "IRO named in the care plan", true, named,
					care.Evidence{Label: "named in the care plan", Date: named, Ref: ref})
			case a.asOf.After(due):
				a.check(RuleIRO, subject, "IRO not named in the care plan", false, care.Date{},
					care.Evidence{Label: appointedLabel, Date: appointed, Ref: ref})
			}
		}
	}
	return nil
}

// midway reports REV-05 for each interval that follows a review.
func (a *assessor) midway(sched []Due) {
	checks := a.rec.MidwayChecks
	tol := a.p.midwayTolerance()
	k := 0
	for _, d := range sched {
		if d.AnchorReview < 0 {
			continue
		}
		prev := a.rec.Reviews[d.AnchorReview].Held
		half := d.Deadline.Due.DaysSince(prev) / 2
		mid := prev.AddDays(half)
		lo := mid.AddDays(-tol)
		if !lo.After(prev) {
			lo = prev.AddDays(1)
		}
		due := mid.AddDays(tol)
		for k < len(checks) && checks[k].Date.Before(lo) {
			k++
		}
		found := -1
		if k < len(checks) && !checks[k].Date.After(a.asOf) && (d.Held.IsZero() || checks[k].Date.Before(d.Held)) {
			found = k
		}
		if found < 0 && !d.Held.IsZero() && !d.Held.After(due) {
			continue // the next review came before a check was owed
		}
		dl := care.Deadline{Rule: RuleMidwayCheck, Due: due, Anchor: prev, AnchorLabel: "review held",
			Count: half + tol, Unit: care.Days}
		subject := reviewRef(d.AnchorReview)
		anchor := care.Evidence{Label: "review held", Date: prev, Ref: subject}
		next := care.Evidence{Label: "next review due", Date: d.Deadline.Due}
		if found >= 0 {
			c := checks[found]
			a.deadline(dl, subject, "IRO midway check between reviews", c.Date, anchor, next,
				care.Evidence{Label: "midway check", Date: c.Date, Ref: midwayRefs.At(found)})
		} else {
			a.deadline(dl, subject, "IRO midway check between reviews", care.Date{}, anchor, next)
		}
	}
}

// reviews reports REV-06, REV-07, REV-08 and REV-10 for each review held
// by asOf.
func (a *assessor) reviews() error {
	revs := a.rec.Reviews
	four := care.Birthday(a.child.DateOfBirth, 4)
	for i := range revs {
		rv := &revs[i]
		if rv.Held.After(a.asOf) {
			break
		}
		subject := reviewRef(i)
		heldEv := care.Evidence{Label: "review held", Date: rv.Held, Ref: subject}
		var next care.Date
		if i+1 < len(revs) && !revs[i+1].Held.After(a.asOf) {
			next = revs[i+1].Held
		}

		// REV-06: recommendations.
		for j := range rv.Recommendations {
			rc := &rv.Recommendations[j]
			rs := recRef(i, j)
			if rc.Owner == "" {
				a.check(RuleRecommendation, rs, "recommendation has no owner", false, care.Date{}, heldEv)
			}
			if rc.Due.IsZero() {
				a.check(RuleRecommendation, rs, "recommendation has no due date", false, care.Date{}, heldEv)
				continue
			}
			done := rc.Completed
			if done.After(a.asOf) {
				done = care.Date{}
			}
			for _, fu := range rc.FollowUps {
				if !fu.Date.After(a.asOf) && (done.IsZero() || fu.Date.Before(done)) {
					done = fu.Date
				}
			}
			dl := care.Deadline{Rule: RuleRecommendation, Due: rc.Due, Anchor: rv.Held, AnchorLabel: "review held",
				Count: rc.Due.DaysSince(rv.Held), Unit: care.Days}
			msg := "recommendation completed or followed up by its due date"
			carried := !next.IsZero() && (rc.Completed.IsZero() || rc.Completed.After(next))
			if carried {
				msg = "recommendation completed or followed up by its due date; carried open to the next review"
				a.deadline(dl, rs, msg, done, heldEv,
					care.Evidence{Label: "carried open to next review", Date: next, Ref: reviewRef(i + 1)})
			} else {
				a.deadline(dl, rs, msg, done, heldEv)
			}
		}

		// REV-07: decisions and record.
		anchor, label := rv.Held, "review held"
		owed := true
		if !rv.Adjourned.IsZero() {
			anchor, label = rv.Reconvened, "adjourned review completed"
			owed = !rv.Reconvened.IsZero() && !rv.Reconvened.After(a.asOf)
		}
		if owed {
			ev := care.Evidence{Label: label, Date: anchor, Ref: subject}
			for _, x := range [2]struct {
				n    int
				done care.Date
				msg  string
			}{
				{a.p.decisionsDays(), rv.DecisionsCirculated, "review decisions circulated"},
				{a.p.recordDays(), rv.RecordCompleted, "review record completed"},
			} {
				due, err := a.cal.WorkingDayDeadline(anchor, x.n, a.p.Counting)
				if err != nil {
					return err
				}
				dl := care.Deadline{Rule: RuleReviewRecord, Due: due, Anchor: anchor, AnchorLabel: label, Count: x.n, Unit: care.WorkingDays}
				a.deadline(dl, subject, x.msg, x.done, ev)
			}
		}

		// REV-08: participation and views.
		under4 := rv.Participation.IsUnderFour()
		if dob := a.child.DateOfBirth; !dob.IsZero() {
			under4 = underFour(dob, four, rv.Held)
		}
		coded := rv.Participation != care.ParticipationUnknown
		views := under4 || rv.ViewsRecorded
		switch {
		case coded && views:
			a.check(RuleParticipation, subject, "child's participation and views recorded", true, rv.Held, heldEv)
		case !coded && !views:
			a.check(RuleParticipation, subject, "child's participation code and views not recorded", false, care.Date{}, heldEv)
		case !coded:
			a.check(RuleParticipation, subject, "child's participation code not recorded", false, care.Date{}, heldEv)
		default:
			a.check(RuleParticipation, subject, "child's views not recorded", false, care.Date{}, heldEv)
		}

		// REV-10: adjournment.
		if rv.Adjourned.IsZero() || rv.Adjourned.After(a.asOf) {
			continue
		}
		n := a.p.adjournmentDays()
		due, err := a.cal.WorkingDayDeadline(rv.Adjourned, n, a.p.Counting)
		if err != nil {
			return err
		}
		adj := care.Evidence{Label: "review adjourned", Date: rv.Adjourned, Ref: subject}
		dl := care.Deadline{Rule: RuleAdjournment, Due: due, Anchor: rv.Adjourned, AnchorLabel: "review adjourned", Count: n, Unit: care.WorkingDays}
		a.deadline(dl, subject, "adjourned review completed", rv.Reconvened, adj)
		impl := rv.ProposalImplemented
		if !impl.IsZero() && !impl.After(a.asOf) {
			completed := !rv.Reconvened.IsZero() && !rv.Reconvened.After(a.asOf)
			if !completed || impl.Before(rv.Reconvened) {
				a.check(RuleAdjournment, subject, "a proposal was implemented before the adjourned review was completed", false, care.Date{},
					adj, care.Evidence{Label: "proposal implemented", Date: impl, Ref: subject})
			}
		}
	}
	return nil
}
