package supervision

import (
	"strconv"

	"github.com/lookedafter/practice/care"
)

// clock walks a recurring obligation ("at least every interval") for one
// subject: a worker (SUP-01) or a child's case (SUP-02).
//
// The first interval runs from start; each event (a session or discussion)
// meets the open interval and starts the next. The interval is the one in
// force on the day it starts. A phase start (a stricter part of a schedule)
// inside an open interval starts a competing interval of its own, and the
// earlier due date wins. Obligations due on or after end are not owed.
type clock struct {
	start      care.Date
	startLabel string
	end        care.Date // half-open; zero if ongoing
	asOf       care.Date
	eventLabel string
	interval   func(care.Date) Interval // nil for fixed
	fixed      Interval                 // the interval on every day, when interval is nil
	phases     []phase
	events     []event // sorted by date, no two on one day, in [start, end), not after asOf
}

type phase struct {
	date  care.Date
	label string
}

type event struct {
	date care.Date
	ref  string
}

// obligation is one interval of the walk.
type obligation struct {
	deadline  care.Deadline
	anchorRef string
	iv        Interval
	status    care.Status
	done      event // zero unless Met or Late
	until     care.Date
}

// days returns the length of the interval as it stands: to the event that
// met it, or to the end of the obligations or asOf when still open.
func (o obligation) days() int { return o.until.DaysSince(o.deadline.Anchor) }

// intervalOn returns the interval in force on day d.
func (c *clock) intervalOn(d care.Date) Interval {
	if c.interval == nil {
		return c.fixed
	}
	return c.interval(d)
}

// walk appends the clock's obligations to out and returns it.
func (c *clock) walk(rule care.RuleID, out []obligation) []obligation {
	if c.start.IsZero() || c.start.After(c.asOf) {
		return out
	}
	anchor, label, ref := c.start, c.startLabel, ""
	pi := 0
	for i := 0; ; {
		iv := c.intervalOn(anchor)
		dl := care.Deadline{Rule: rule, Due: iv.AddTo(anchor), Anchor: anchor, AnchorLabel: label, Count: iv.Count, Unit: iv.Unit}
		aref := ref
		for pi < len(c.phases) && !c.phases[pi].date.After(anchor) {
			pi++
		}
		for j := pi; j < len(c.phases) && !c.phases[j].date.After(dl.Due); j++ {
			ph := c.phases[j]
			piv := c.intervalOn(ph.date)
			if due := piv.AddTo(ph.date); due.Before(dl.Due) {
				iv = piv
				dl = care.Deadline{Rule: rule, Due: due, Anchor: ph.date, AnchorLabel: ph.label, Count: piv.Count, Unit: piv.Unit}
				aref = ""
			}
		}
		if i < len(c.events) {
			ev := c.events[i]
			i++
			st := care.Met
			if ev.date.After(dl.Due) {
				st = care.Late
			}
			out = append(out, obligation{deadline: dl, anchorRef: aref, iv: iv, status: st, done: ev, until: ev.date})
			anchor, label, ref = ev.date, c.eventLabel, ev.ref
			continue
		}
		if !c.end.IsZero() && !dl.Due.Before(c.end) {
			return out
		}
		until := c.asOf
		if !c.end.IsZero() && c.end.Before(until) {
			until = c.end
		}
		out = append(out, obligation{deadline: dl, anchorRef: aref, iv: iv, status: dl.Evaluate(care.Date{}, c.asOf), until: until})
		return out
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

// gap returns the gap of a Late or Overdue obligation.
func (o obligation) gap(subject string) Gap {
	return Gap{
		Rule: o.deadline.Rule, Subject: subject,
		From: o.deadline.Anchor, FromLabel: o.deadline.AnchorLabel,
		Allowed: o.iv, Due: o.deadline.Due, To: o.done.date, Until: o.until,
		Days: o.days(), DaysOver: o.until.DaysSince(o.deadline.Due),
	}
}

// finding returns the finding of the obligation. ev is a slab the evidence
// is carved from, to save an allocation per finding.
func (o obligation) finding(r care.Rule, subject, what string, ev *[]care.Evidence) care.Finding {
	f := care.NewFinding(r, subject, o.status)
	o.fill(&f, what, ev)
	// The message is built in one buffer, with one allocation for the
	// string.
	var buf [192]byte
	f.Message = string(o.appendMessage(buf[:0], what))
	return f
}

// fill sets the due date, deadline, done date and evidence of the
// obligation's finding f, carving the evidence from ev.
func (o *obligation) fill(f *care.Finding, what string, ev *[]care.Evidence) {
	f.Due = o.deadline.Due
	f.Deadline = o.deadline
	f.Done = o.done.date
	anchor := care.Evidence{Label: o.deadline.AnchorLabel, Date: o.deadline.Anchor, Ref: o.anchorRef}
	if o.done.date.IsZero() {
		f.Evidence = carve(ev, anchor)
	} else {
		f.Evidence = carve(ev, anchor, care.Evidence{Label: what, Date: o.done.date, Ref: o.done.ref})
	}
}

// appendMessage appends the message of the obligation's finding to b.
func (o *obligation) appendMessage(b []byte, what string) []byte {
	switch o.status {
	case care.Met:
		b = append(append(b, what...), " within "...)
		b = append(o.iv.appendTo(b), " of"...)
		b = o.appendSince(b)
	case care.Late:
		b = append(append(b, what...), ' ')
		b = append(strconv.AppendInt(b, int64(o.days()), 10), " days after"...)
		b = append(o.appendSince(b), " (allowed "...)
		b = append(o.iv.appendTo(b), ')')
	case care.Overdue:
		b = append(append(append(b, "no "...), what...), " for "...)
		b = append(strconv.AppendInt(b, int64(o.days()), 10), " days since"...)
		b = append(o.appendSince(b), " (allowed "...)
		b = append(o.iv.appendTo(b), ')')
	default:
		b = append(append(append(b, "next "...), what...), " due within "...)
		b = append(o.iv.appendTo(b), " of"...)
		b = o.appendSince(b)
	}
	return b
}

// appendSince appends " the <anchor label> on <anchor date>" to b.
func (o *obligation) appendSince(b []byte) []byte {
	b = append(b, " the "...)
	b = append(b, o.deadline.AnchorLabel...)
	b = append(b, " on "...)
	b, _ = o.deadline.Anchor.AppendText(b)
	return b
}

// carve copies items into the slab ev and returns them as a slice whose
// capacity ends at its length, so that appending to it cannot overwrite the
// slab. A full slab is replaced by a new one; slices already carved keep
// the old one.
func carve(ev *[]care.Evidence, items ...care.Evidence) []care.Evidence {
	if cap(*ev)-len(*ev) < len(items) {
		*ev = make([]care.Evidence, 0, max(256, len(items)))
	}
	s := len(*ev)
	*ev = append(*ev, items...)
	return (*ev)[s : s+len(items) : s+len(items)]
}
