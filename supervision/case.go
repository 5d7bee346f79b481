package supervision

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/lookedafter/practice/care"
)

// CaseRecord is one child's supervision record: who held the case and
// when, each discussion of the case in supervision, and the management
// directions about the child. It is the per-child view of a [Dataset]
// ([Dataset.CaseRecord]); the root package's whole case embeds it, so its
// JSON fields ("allocations", "discussions", "directions") sit beside the
// child's other records.
//
// The Child fields of its entries may be left empty; if set, they must all
// name the same child. Index paths in findings and errors refer to the
// slices as given ("discussions[3]").
type CaseRecord struct {
	Allocations []Allocation `json:"allocations,omitempty"`
	Discussions []Discussion `json:"discussions,omitempty"`
	Directions  []Direction  `json:"directions,omitempty"`
}

// Discussion is one discussion of the child's case in a supervision
// session: the session's date, supervisor, worker and kind, and the case
// note (the recorded elements and the directions given).
type Discussion struct {
	Date       care.Date   `json:"date"`
	Supervisor string      `json:"supervisor"`
	Worker     string      `json:"worker"`
	Kind       SessionKind `json:"kind"`
	CaseNote
}

// Validate checks the record and reports every problem as a
// [care.ValidationErrors] with paths such as "discussions[2].worker":
// missing dates and workers, allocations that end before they start or
// overlap, directions dated out of order or with duplicate IDs, case notes
// naming unknown directions, and entries naming different children. It
// cannot check workers' time in post, which needs the authority's
// [Dataset].
func (r CaseRecord) Validate() error {
	var errs care.ValidationErrors
	r.validate(&errs, "")
	return errs.Err()
}

func (r CaseRecord) validate(errs *care.ValidationErrors, child string) {
	if child == "" {
		child = r.childID()
	}
	dirs := make(map[string]string, len(r.Directions))
	for i, d := range r.Directions {
		p := at("directions", i)
		d.validate(errs, p, child, false)
		if d.ID == "" {
			continue
		}
		if _, dup := dirs[d.ID]; dup {
			errs.Addf(p.field("id"), "duplicate direction %q", d.ID)
			continue
		}
		dirs[d.ID] = d.Child
	}
	for i, dn := range r.Discussions {
		p := at("discussions", i)
		validateSessionFields(errs, p, dn.Date, dn.Supervisor, dn.Worker, dn.Kind)
		dn.CaseNote.validate(errs, p, child, false, dirs)
	}
	idx := make([]int, len(r.Allocations))
	for i, a := range r.Allocations {
		a.validate(errs, at("allocations", i), child, false)
		idx[i] = i
	}
	checkOverlaps(errs, "allocations", r.Allocations, idx)
}

// childID returns the first child ID named in the record, or "".
func (r CaseRecord) childID() string {
	for _, a := range r.Allocations {
		if a.Child != "" {
			return a.Child
		}
	}
	for _, d := range r.Discussions {
		if d.Child != "" {
			return d.Child
		}
	}
	for _, d := range r.Directions {
		if d.Child != "" {
			return d.Child
		}
	}
	return ""
}

// WorkerOn returns the worker who held the case on day d (allocations are
// half-open, so on the day of a reallocation it is the new worker), and
// false if the case was unallocated that day.
func (r CaseRecord) WorkerOn(d care.Date) (string, bool) {
	for _, a := range r.Allocations {
		if a.Period().Contains(d) {
			return a.Worker, true
		}
	}
	return "", false
}

// AssessCase evaluates SUP-02, SUP-03 and SUP-04 for the child's case as of
// asOf, and returns the findings sorted ([care.Report.Sort]). Subjects are
// the child's ID (SUP-02) and record paths ("discussions[3]",
// "directions[0]").
//
// SUP-02: while the case is allocated it is discussed at least every
// p.CaseDiscussion (default 6 weeks), counted in calendar days from the day
// after the last discussion (a discussion on the due date is on time). The
// first interval runs from the first day of the first allocation; the
// clock follows the child across reallocations and through unallocated
// spells, and stops when the last allocation ends. A discussion counts if
// its worker held the case at any time on that day (the outgoing worker
// too, on the day of a reallocation); several on one day count once.
//
// SUP-03: each discussion on or before asOf is Met if it records progress,
// worries, risks and the focus of future work, and a Breach naming the
// missing elements otherwise.
//
// SUP-04: each direction given on or before asOf without an owner, or
// without a due date, is a Breach; and each must be reviewed (or completed)
// on or before the earlier of its due date and the next discussion of the
// case after the day it was given, which gives a Met, Late, Overdue or
// Upcoming finding. A direction with no due date and no later discussion
// has no follow-up date yet.
//
// All three are local standards ([care.SeverityLocal]): supervision has no
// statutory frequency. AssessCase returns an error, and no report, if p is
// invalid, asOf is zero, or the record is invalid or names a child other
// than childID.
func AssessCase(childID string, rec CaseRecord, asOf care.Date, p Policy) (care.Report, error) {
	rep, err := AppendCaseAssessment(nil, childID, rec, asOf, p)
	if err != nil {
		return nil, err
	}
	rep.Sort()
	return rep, nil
}

// AppendCaseAssessment is [AssessCase] appending its findings, unsorted,
// to dst: for callers that gather several packages' findings into one
// report and sort it once. On error it returns dst unchanged.
func AppendCaseAssessment(dst care.Report, childID string, rec CaseRecord, asOf care.Date, p Policy) (care.Report, error) {
	if err := p.Validate(); err != nil {
		return dst, fmt.Errorf("supervision: policy: %w", err)
	}
	if asOf.IsZero() {
		return dst, fmt.Errorf("supervision: as-of date: %w", care.ErrRequired)
	}
	if childID == "" {
		return dst, fmt.Errorf("supervision: child ID: %w", care.ErrRequired)
	}
	var errs care.ValidationErrors
	rec.validate(&errs, childID)
	if err := errs.Err(); err != nil {
		return dst, err
	}
	a := assessment{rec: rec, asOf: asOf, rules: ruleTable}
	a.order = byDate(len(rec.Discussions), func(i int) care.Date { return rec.Discussions[i].Date })
	a.refs = make([]string, len(rec.Discussions))
	for i := range a.refs {
		a.refs[i] = care.Index("discussions", i)
	}
	n := 2*len(rec.Discussions) + 3*len(rec.Directions) + 4
	rep := slices.Grow(dst, n)
	ev := make([]care.Evidence, 0, 2*n)
	rep = a.discussionInterval(childID, p, rep, &ev)
	rep = a.reflective(rep, &ev)
	rep = a.directions(rep, &ev)
	return rep, nil
}

// assessment holds what the three case rules share.
type assessment struct {
	rec   CaseRecord
	asOf  care.Date
	rules []care.Rule // Rules(), in ID order
	order []int       // discussions by date
	refs  []string    // "discussions[i]"
}

func (a *assessment) rule(id care.RuleID) care.Rule {
	for _, r := range a.rules {
		if r.ID == id {
			return r
		}
	}
	return care.Rule{ID: id}
}

// caseClock returns the SUP-02 clock of the case, or false if it has no
// allocation.
func caseClock(rec CaseRecord, order []int, asOf care.Date, p Policy, refs func(int) string) (clock, bool) {
	if len(rec.Allocations) == 0 {
		return clock{}, false
	}
	start, end := rec.Allocations[0].From, rec.Allocations[0].To
	for _, a := range rec.Allocations[1:] {
		if a.From.Before(start) {
			start = a.From
		}
		if end.IsZero() || a.To.IsZero() {
			end = care.Date{}
		} else if a.To.After(end) {
			end = a.To
		}
	}
	iv := p.caseDiscussion()
	c := clock{start: start, startLabel: "first allocation of the case", end: end, asOf: asOf,
		eventLabel: "case discussion", interval: func(care.Date) Interval { return iv },
		events: make([]event, 0, len(order))}
	for _, i := range order {
		dn := rec.Discussions[i]
		if dn.Date.Before(start) || dn.Date.After(asOf) || (!end.IsZero() && !dn.Date.Before(end)) {
			continue
		}
		if n := len(c.events); n > 0 && c.events[n-1].date == dn.Date {
			continue
		}
		if !rec.heldBy(dn.Worker, dn.Date) {
			continue
		}
		c.events = append(c.events, event{date: dn.Date, ref: refs(i)})
	}
	return c, true
}

// heldBy reports whether worker held the case at any time on day d.
func (r CaseRecord) heldBy(worker string, d care.Date) bool {
	for _, a := range r.Allocations {
		if a.Worker == worker && a.heldOn(d) {
			return true
		}
	}
	return false
}

func (a *assessment) discussionInterval(childID string, p Policy, rep care.Report, ev *[]care.Evidence) care.Report {
	c, ok := caseClock(a.rec, a.order, a.asOf, p, func(i int) string { return a.refs[i] })
	if !ok {
		return rep
	}
	r := a.rule(SUP02)
	for _, o := range c.walk(SUP02, make([]obligation, 0, len(c.events)+2)) {
		rep = append(rep, o.finding(r, childID, "case discussion", ev))
	}
	return rep
}

// DiscussionGaps returns the SUP-02 gaps of the child's case as of asOf:
// the intervals between discussions of the case longer than p.CaseDiscussion,
// and an open interval past its due date, oldest first. The counting
// convention is [AssessCase]'s. It returns an error if p is invalid, asOf
// is zero or the record is invalid.
func DiscussionGaps(childID string, rec CaseRecord, asOf care.Date, p Policy) ([]Gap, error) {
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("supervision: policy: %w", err)
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("supervision: as-of date: %w", care.ErrRequired)
	}
	var errs care.ValidationErrors
	rec.validate(&errs, childID)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	order := byDate(len(rec.Discussions), func(i int) care.Date { return rec.Discussions[i].Date })
	c, ok := caseClock(rec, order, asOf, p, func(i int) string { return care.Index("discussions", i) })
	if !ok {
		return nil, nil
	}
	var gaps []Gap
	for _, o := range c.walk(SUP02, nil) {
		if o.status == care.Late || o.status == care.Overdue {
			gaps = append(gaps, o.gap(childID))
		}
	}
	return gaps, nil
}

func (a *assessment) reflective(rep care.Report, slab *[]care.Evidence) care.Report {
	r := a.rule(SUP03)
	for _, i := range a.order {
		dn := a.rec.Discussions[i]
		if dn.Date.After(a.asOf) {
			break
		}
		ref := a.refs[i]
		ev := carve(slab, care.Evidence{Label: "case discussion", Date: dn.Date, Ref: ref})
		var buf [128]byte
		msg, _ := dn.Date.AppendText(append(buf[:0], "case discussion on "...))
		if missing := dn.Missing(); missing != 0 {
			f := care.NewFinding(r, ref, care.Breach)
			f.Message = string(append(append(msg, " does not record "...), missing.String()...))
			f.Evidence = ev
			rep = append(rep, f)
			continue
		}
		f := care.NewFinding(r, ref, care.Met)
		f.Done = dn.Date
		f.Message = string(append(msg, " records progress, worries, risks and future focus"...))
		f.Evidence = ev
		rep = append(rep, f)
	}
	return rep
}

func (a *assessment) directions(rep care.Report, slab *[]care.Evidence) care.Report {
	r := a.rule(SUP04)
	for i, d := range a.rec.Directions {
		if d.Given.After(a.asOf) {
			continue
		}
		ref := care.Index("directions", i)
		given := care.Evidence{Label: "direction given", Date: d.Given, Ref: ref}
		if blank(d.Owner) {
			f := care.NewFinding(r, ref, care.Breach)
			f.Message = "direction has no owner"
			f.Evidence = carve(slab, given)
			rep = append(rep, f)
		}
		if d.Due.IsZero() {
			f := care.NewFinding(r, ref, care.Breach)
			f.Message = "direction has no due date"
			f.Evidence = carve(slab, given)
			rep = append(rep, f)
		}
		due, label := d.Due, "due date"
		var next care.Evidence
		for _, j := range a.order {
			dn := a.rec.Discussions[j]
			if dn.Date.After(a.asOf) {
				break
			}
			if dn.Date.After(d.Given) {
				next = care.Evidence{Label: "next case discussion", Date: dn.Date, Ref: a.refs[j]}
				break
			}
		}
		if !next.Date.IsZero() && (due.IsZero() || next.Date.Before(due)) {
			due, label = next.Date, "next case discussion"
		}
		if due.IsZero() {
			continue
		}
		done := d.Reviewed
		if done.IsZero() || (!d.Completed.IsZero() && d.Completed.Before(done)) {
			done = d.Completed
		}
		dl := care.Deadline{Rule: SUP04, Due: due, Anchor: d.Given, AnchorLabel: "direction given", Count: due.DaysSince(d.Given), Unit: care.Days}
		f := care.NewFinding(r, ref, dl.Evaluate(done, a.asOf))
		f.Due, f.Deadline = due, dl
		if f.Status == care.Met || f.Status == care.Late {
			f.Done = done
		}
		if next.Date.IsZero() {
			f.Evidence = carve(slab, given)
		} else {
			f.Evidence = carve(slab, given, next)
		}
		switch f.Status {
		case care.Met:
			f.Message = "direction followed up by its " + label
		case care.Late:
			f.Message = "direction followed up " + strconv.Itoa(done.DaysSince(due)) + " days after its " + label
		case care.Overdue:
			f.Message = "direction not followed up by its " + label
		default:
			f.Message = "direction to be followed up by its " + label
		}
		rep = append(rep, f)
	}
	return rep
}

// IsZero reports whether the record holds nothing (empty and nil lists
// alike), so that the JSON form omits it and round-trips.
func (r CaseRecord) IsZero() bool {
	return len(r.Allocations) == 0 && len(r.Discussions) == 0 && len(r.Directions) == 0
}
