package supervision

import (
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// clock walks a recurring obligation ("at least every interval") for one
// subject: a worker (SUP-01) or a child's case (SUP-02).
//
// The first interval runs from start; each event (a session or discussion)
// meets the open interval and starts the next. The interval is the one in
// force on the day it starts. A phase start (a stricter part of a schedule)
// inside an open interval starts a competing interval of its own, and the
// earlier due date wins. Nothing falls due on or after end: the worker has
// left, or the case has closed.
//
// The walk only works out the intervals and their due dates; an emitter
// decides their status ([interval.obligation]), with end closing the window
// of the open one.
type clock struct {
	start    care.Date
	startAs  int       // the label of start among its kind's anchors
	eventAs  int       // the label of an event as the anchor of the next interval
	end      care.Date // half-open; zero if ongoing
	asOf     care.Date
	interval func(care.Date) Interval // nil for fixed
	fixed    Interval                 // the interval on every day, when interval is nil
	phases   []phase
	events   []event // sorted by date, no two on one day, in [start, end), not after asOf
}

// phase is the start of a stricter part of a schedule, labelled by its
// kind's anchor as.
type phase struct {
	date care.Date
	as   int
}

// event is a session or discussion that meets an interval: its date and its
// index in its list of records.
type event struct {
	date care.Date
	at   int
}

// interval is one interval of the walk: due iv after anchor (the start, a
// phase, or the event at anchorAt), and met by the event at doneAt, if
// any. until is the date it is measured to: the event that met it, or the
// end of the walk or asOf while it is open.
type interval struct {
	anchor   care.Date
	anchorAs int
	anchorAt int // -1 when the anchor is not an event
	iv       Interval
	due      care.Date
	done     care.Date
	doneAt   int // -1 while open
	until    care.Date
}

// days returns the length of the interval as it stands, to until.
func (o interval) days() int { return o.until.DaysSince(o.anchor) }

// intervalOn returns the interval in force on day d.
func (c *clock) intervalOn(d care.Date) Interval {
	if c.interval == nil {
		return c.fixed
	}
	return c.interval(d)
}

// walk yields the clock's intervals in order, for a range loop.
func (c *clock) walk(yield func(interval) bool) {
	if c.start.IsZero() || c.start.After(c.asOf) {
		return
	}
	anchor, as, at := c.start, c.startAs, -1
	pi := 0
	for i := 0; ; i++ {
		o := interval{anchor: anchor, anchorAs: as, anchorAt: at, iv: c.intervalOn(anchor), doneAt: -1}
		o.due = o.iv.AddTo(anchor)
		for pi < len(c.phases) && !c.phases[pi].date.After(anchor) {
			pi++
		}
		for j := pi; j < len(c.phases) && !c.phases[j].date.After(o.due); j++ {
			ph := c.phases[j]
			piv := c.intervalOn(ph.date)
			if due := piv.AddTo(ph.date); due.Before(o.due) {
				o.anchor, o.anchorAs, o.anchorAt, o.iv, o.due = ph.date, ph.as, -1, piv, due
			}
		}
		if i < len(c.events) {
			ev := c.events[i]
			o.done, o.doneAt, o.until = ev.date, ev.at, ev.date
			if !yield(o) {
				return
			}
			anchor, as, at = ev.date, c.eventAs, ev.at
			continue
		}
		if !c.end.IsZero() && !o.due.Before(c.end) {
			return // falls due after the worker left or the case closed: never owed
		}
		o.until = c.asOf
		if !c.end.IsZero() && c.end.Before(o.until) {
			o.until = c.end
		}
		yield(o)
		return
	}
}

// obligation returns the interval as an obligation of the subject, for an
// emitter: its window closes on closes (the end of the walk), so that an
// interval still open then is missed.
func (o interval) obligation(subject care.Ref, closes care.Date) care.Obligation {
	return care.Obligation{
		Subject: subject,
		Due:     o.due, Anchor: o.anchor, AnchorAt: care.At(o.anchorAt), AnchorAs: o.anchorAs,
		Count: o.iv.Count, Unit: o.iv.Unit,
		Done: o.done, DoneAt: care.At(o.doneAt),
		Closes: closes,
	}
}

// Gap is one interval between supervision sessions (SUP-01) or discussions
// of a child's case (SUP-02) that was longer than allowed, or that is still
// open past its due date.
type Gap struct {
	Rule care.RuleID `json:"rule"`
	// Subject is the worker's ID (SUP-01) or the child's (SUP-02).
	Subject string `json:"subject"`
	// From is the start of the interval: the last session or discussion,
	// or the event named by FromLabel (starting in post, the case's first
	// allocation, a phase of the ASYE).
	From      care.Date `json:"from"`
	FromLabel string    `json:"from_label"`
	// Allowed is the interval allowed, and Due the date it ended.
	Allowed Interval  `json:"allowed"`
	Due     care.Date `json:"due"`
	// To is the session or discussion that ended the gap; zero while the
	// gap is open.
	To care.Date `json:"to,omitzero"`
	// Until is the date the gap is measured to: To, or the assessment date,
	// or the day the worker left or the case's last allocation ended.
	Until care.Date `json:"until"`
	// Days is the gap's length, Until − From, and DaysOver the days past
	// Due, Until − Due.
	Days     int `json:"days"`
	DaysOver int `json:"days_over"`
}

// String reads as a line of a manager's report: "W001: 35 days from the
// supervision on 2025-01-01 to 2025-02-05 (allowed 4 weeks, 7 days over)".
func (g Gap) String() string {
	to := g.To.String()
	if g.To.IsZero() {
		to = "none by " + g.Until.String()
	}
	return g.Subject + ": " + strconv.Itoa(g.Days) + " days from the " + g.FromLabel + " on " + g.From.String() +
		" to " + to + " (allowed " + g.Allowed.String() + ", " + strconv.Itoa(g.DaysOver) + " days over)"
}

// gap returns the gap of an interval of kind k that was met late, or that
// is still unmet past its due date as of asOf (whether its window is still
// open or has closed), and false for any other.
func (o interval) gap(k *care.Kind, subject string, asOf care.Date) (Gap, bool) {
	switch (care.Deadline{Due: o.due}).Evaluate(o.done, asOf) {
	case care.Late, care.Overdue:
	default:
		return Gap{}, false
	}
	return Gap{
		Rule: k.Rule.ID, Subject: subject,
		From: o.anchor, FromLabel: fromLabel(k, o.anchorAs),
		Allowed: o.iv, Due: o.due, To: o.done, Until: o.until,
		Days: o.days(), DaysOver: o.until.DaysSince(o.due),
	}, true
}

// fromLabel returns the label a [Gap] gives the start of an interval: the
// kind's anchor label chosen by as, without its article ("supervision" for
// "the supervision").
func fromLabel(k *care.Kind, as int) string {
	l := k.Anchor
	if as > 0 {
		l = k.Anchors[as-1]
	}
	return strings.TrimPrefix(l, "the ")
}
