package review

import (
	"github.com/lookedafter/practice/care"
)

// This file holds the rules about what follows each review held:
// recommendations (REV-06), the decisions and record (REV-07), the child's
// participation (REV-08) and the completion of an adjourned review
// (REV-10). Their subject is the review, or its recommendation.

// meetings reports REV-06, REV-07, REV-08 and REV-10 for each review held
// by the assessment date.
func (x *assessment) meetings() error {
	for i := range x.rec.Reviews {
		if x.rec.Reviews[i].Held.After(x.asOf) {
			break
		}
		x.recommendations(i)
		if err := x.record(i); err != nil {
			return err
		}
		x.participation(i)
		if err := x.adjournment(i); err != nil {
			return err
		}
	}
	return nil
}

// leftCare returns the day the child stopped being looked after, after a
// review on day held, and which of the sequence closures says so: the end
// of the review's sequence, or where full-time care followed a series of
// short breaks, the end of the care that followed. It is zero while the
// child is looked after.
func (x *assessment) leftCare(held care.Date) (care.Date, int) {
	i := spanOf(x.seqs, held)
	if i < 0 {
		return care.Date{}, closedLeftCare
	}
	for x.seqs[i].closure == closedFullTime && i+1 < len(x.seqs) {
		i++
	}
	return x.seqs[i].end, x.seqs[i].closure
}

// The kinds of REV-06: a check that the recommendation has an owner and a
// due date, and its completion or follow-up by that date.
var (
	recommendationRecorded = care.Kind{
		Rule: rule(REV06), What: "recommendation", Subject: "reviews[].recommendations[]",
		Anchor: "review", AnchorAt: "reviews[]",
		Problems: []string{"recommendation has no owner", "recommendation has no due date"},
	}
	recommendationActedOn = care.Kind{
		Rule: rule(REV06), What: "completion or follow-up", Subject: "reviews[].recommendations[]",
		Anchor: "the review", AnchorAt: "reviews[]",
		Done: "recommendation completed", Dones: []string{"recommendation followed up"},
		Extra: "carried open to the next review", ExtraAt: "reviews[]",
		Closures: sequenceClosures("the next review after its due date was held"),
	}
)

// recommendations reports REV-06 for the recommendations of review i: a
// Breach if one has no owner or no due date, and for each with a due date
// its timeliness, done on the earlier of its completion and its first
// follow-up. One not done stays Overdue until the first review held after
// its due date, which takes stock of it and makes the recommendations that
// now stand (the next obligation takes its place), or until the child
// leaves care, whichever is first; it is then Missed. One still open when
// the next review was held carries that review as evidence.
func (x *assessment) recommendations(i int) {
	rv := &x.rec.Reviews[i]
	var next care.Date
	if i+1 < len(x.rec.Reviews) && !x.rec.Reviews[i+1].Held.After(x.asOf) {
		next = x.rec.Reviews[i+1].Held
	}
	left, leftBy := x.leftCare(rv.Held)
	for j := range rv.Recommendations {
		rc := &rv.Recommendations[j]
		subject := care.At(i).At(j)
		var problems care.Problems
		if rc.Owner == "" {
			problems |= care.Problem(0)
		}
		if rc.Due.IsZero() {
			problems |= care.Problem(1)
		}
		if problems != 0 {
			x.e.Check(&recommendationRecorded, care.Obligation{Subject: subject, Anchor: rv.Held, AnchorAt: care.At(i)}, problems)
		}
		if rc.Due.IsZero() {
			continue
		}
		o := care.Obligation{Subject: subject, Due: rc.Due, Anchor: rv.Held, AnchorAt: care.At(i),
			Count: rc.Due.DaysSince(rv.Held), Unit: care.Days, Closes: left, ClosedBy: leftBy}
		if later := x.reviewAfter(i, rc.Due); !later.IsZero() && (left.IsZero() || later.Before(left)) {
			o.Closes, o.ClosedBy = later, closedByReview
		}
		if !rc.Completed.After(x.asOf) {
			o.Done = rc.Completed
		}
		for _, fu := range rc.FollowUps {
			if !fu.Date.After(x.asOf) && (o.Done.IsZero() || fu.Date.Before(o.Done)) {
				o.Done, o.DoneAs = fu.Date, 1
			}
		}
		if !next.IsZero() && (rc.Completed.IsZero() || rc.Completed.After(next)) {
			o.Extra, o.ExtraAt = next, care.At(i+1)
		}
		x.e.Deadline(&recommendationActedOn, o)
	}
}

// reviewAfter returns the date of the first review after review i held
// after day d and on or before the as-of date, or zero if there is none.
func (x *assessment) reviewAfter(i int, d care.Date) care.Date {
	for _, rv := range x.rec.Reviews[i+1:] {
		if rv.Held.After(x.asOf) {
			break
		}
		if rv.Held.After(d) {
			return rv.Held
		}
	}
	return care.Date{}
}

// The kinds of REV-07.
var (
	decisionsCirculated = care.Kind{
		Rule: rule(REV07), What: "decisions circulated", Subject: "reviews[]",
		Anchor: "the review", Anchors: []string{"the completion of the adjourned review"}, AnchorAt: "reviews[]",
		DoneAt: "reviews[]", Closures: sequenceClosures("the next review was held"),
	}
	recordCompleted = care.Kind{
		Rule: rule(REV07), What: "review record completed", Subject: "reviews[]",
		Anchor: "the review", Anchors: []string{"the completion of the adjourned review"}, AnchorAt: "reviews[]",
		DoneAt: "reviews[]", Closures: sequenceClosures("the next review was held"),
	}
)

// record reports REV-07 for review i: its decisions circulated and its
// record completed within Policy.DecisionsDays and Policy.RecordDays
// working days of the review, or of its completion for an adjourned
// review (none is owed while an adjourned review is incomplete). Each is
// Overdue until done, and Missed when the next review is held or the
// child leaves care, whichever comes first.
func (x *assessment) record(i int) error {
	rv := &x.rec.Reviews[i]
	anchor, anchorAs := rv.Held, 0
	if !rv.Adjourned.IsZero() {
		if rv.Reconvened.IsZero() || rv.Reconvened.After(x.asOf) {
			return nil
		}
		anchor, anchorAs = rv.Reconvened, 1
	}
	closes, closedBy := x.leftCare(rv.Held)
	if i+1 < len(x.rec.Reviews) {
		if next := x.rec.Reviews[i+1].Held; closes.IsZero() || next.Before(closes) {
			closes, closedBy = next, closedByReview
		}
	}
	for _, r := range [...]struct {
		kind *care.Kind
		days int
		done care.Date
	}{
		{&decisionsCirculated, x.p.decisionsDays(), rv.DecisionsCirculated},
		{&recordCompleted, x.p.recordDays(), rv.RecordCompleted},
	} {
		due, err := x.cal.WorkingDayDeadline(anchor, r.days, x.p.Counting)
		if err != nil {
			return err
		}
		x.e.Deadline(r.kind, care.Obligation{Subject: care.At(i), Due: due, Anchor: anchor, AnchorAt: care.At(i),
			AnchorAs: anchorAs, Count: r.days, Unit: care.WorkingDays, Done: r.done, DoneAt: care.At(i),
			Closes: closes, ClosedBy: closedBy})
	}
	return nil
}

// participationRecorded is the kind of REV-08.
var participationRecorded = care.Kind{
	Rule: rule(REV08), What: "participation", Subject: "reviews[]", Anchor: "review", AnchorAt: "reviews[]",
	Done: "participation and views recorded", DoneAt: "reviews[]",
	Problems: []string{"child's participation code not recorded", "child's views not recorded"},
	Met:      "child's participation and views recorded",
}

// participation reports REV-08 for review i: Met, or a Breach if the
// participation code is missing or the views of a child aged 4 or more on
// the day of the review are not recorded.
func (x *assessment) participation(i int) {
	rv := &x.rec.Reviews[i]
	var problems care.Problems
	if rv.Participation == care.ParticipationUnknown {
		problems |= care.Problem(0)
	}
	if !rv.ViewsRecorded && care.AgeOn(x.dob, rv.Held) >= 4 {
		problems |= care.Problem(1)
	}
	o := care.Obligation{Subject: care.At(i), Anchor: rv.Held, AnchorAt: care.At(i)}
	if problems == 0 {
		o.Done, o.DoneAt = rv.Held, care.At(i)
	}
	x.e.Check(&participationRecorded, o, problems)
}

// The kinds of REV-10.
var (
	adjournedCompleted = care.Kind{
		Rule: rule(REV10), What: "completion of the adjourned review", Subject: "reviews[]",
		Anchor: "the adjournment", AnchorAt: "reviews[]", Done: "adjourned review completed", DoneAt: "reviews[]",
		Closures: sequenceClosures(""),
	}
	proposalImplemented = care.Kind{
		Rule: rule(REV10), What: "adjourned review", Subject: "reviews[]", Anchor: "review adjourned", AnchorAt: "reviews[]",
		Extra: "proposal implemented", ExtraAt: "reviews[]",
		Problems: []string{"a proposal was implemented before the adjourned review was completed"},
	}
)

// adjournment reports REV-10 for review i, if it was adjourned by the
// assessment date: completed within Policy.AdjournmentDays working days
// of the adjournment (Overdue until it is, Missed when the child leaves
// care), and a Breach if a proposal was implemented before it was
// completed.
func (x *assessment) adjournment(i int) error {
	rv := &x.rec.Reviews[i]
	if rv.Adjourned.IsZero() || rv.Adjourned.After(x.asOf) {
		return nil
	}
	n := x.p.adjournmentDays()
	due, err := x.cal.WorkingDayDeadline(rv.Adjourned, n, x.p.Counting)
	if err != nil {
		return err
	}
	left, leftBy := x.leftCare(rv.Held)
	x.e.Deadline(&adjournedCompleted, care.Obligation{Subject: care.At(i), Due: due, Anchor: rv.Adjourned,
		AnchorAt: care.At(i), Count: n, Unit: care.WorkingDays, Done: rv.Reconvened, DoneAt: care.At(i),
		Closes: left, ClosedBy: leftBy})
	impl := rv.ProposalImplemented
	if impl.IsZero() || impl.After(x.asOf) {
		return nil
	}
	completed := !rv.Reconvened.IsZero() && !rv.Reconvened.After(x.asOf)
	if !completed || impl.Before(rv.Reconvened) {
		x.e.Check(&proposalImplemented, care.Obligation{Subject: care.At(i), Anchor: rv.Adjourned, AnchorAt: care.At(i),
			Extra: impl, ExtraAt: care.At(i)}, care.Problem(0))
	}
	return nil
}
