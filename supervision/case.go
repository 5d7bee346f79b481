package supervision

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/internal/arena"
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
	// A child has few directions: duplicates are found, and case notes'
	// directions looked up, by scanning the list; a map is built only for
	// many.
	dirs := dirIndex{list: r.Directions}
	if len(r.Directions) > manyDirections {
		dirs.m = make(map[string]string, len(r.Directions))
	}
	for i := range r.Directions {
		d := &r.Directions[i]
		p := at("directions", i)
		d.validate(errs, p, child, false)
		if d.ID == "" {
			continue
		}
		if dirs.m == nil {
			if _, dup := (dirIndex{list: r.Directions[:i]}).child(d.ID); dup {
				errs.Addf(p.field("id"), "duplicate direction %q", d.ID)
			}
			continue
		}
		if _, dup := dirs.m[d.ID]; dup {
			errs.Addf(p.field("id"), "duplicate direction %q", d.ID)
			continue
		}
		dirs.m[d.ID] = d.Child
	}
	for i := range r.Discussions {
		dn := &r.Discussions[i]
		p := at("discussions", i)
		validateSessionFields(errs, p, dn.Date, dn.Supervisor, dn.Worker, dn.Kind)
		dn.CaseNote.validate(errs, p, child, false, dirs)
	}
	for i := range r.Allocations {
		r.Allocations[i].validate(errs, at("allocations", i), child, false)
	}
	checkAllOverlaps(errs, "allocations", r.Allocations)
}

// manyDirections is the number of directions above which validation indexes
// them in a map rather than scanning the list.
const manyDirections = 32

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
	s := scratchPool.Get().(*scratch)
	a := assessment{rec: rec, asOf: asOf, s: s}
	rep := a.run(dst, childID, p)
	s.release()
	return rep, nil
}

// scratch is the working memory of one case assessment, reused through
// scratchPool. Nothing a finding references lives in it: the findings'
// strings and evidence are allocated afresh for each report.
type scratch struct {
	order  []int        // discussions by date
	events []event      // the SUP-02 clock's discussions
	obs    []obligation // the SUP-02 intervals
	text   []byte       // the text of the messages
	ends   []int32      // the end in text of each finding's message; -1 for a constant one
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// The record paths of discussions and directions, "discussions[3]": built
// once for the first of each list, and beyond that as they are needed.
var (
	discussionRefs = arena.NewPaths("discussions", 128)
	directionRefs  = arena.NewPaths("directions", 64)
)

// maxPooled bounds the length of a scratch slice kept for reuse, so that
// one huge case does not pin its memory.
const maxPooled = 1 << 12

// release returns the scratch to the pool. It is not cleared: the only
// memory of a report it can point to is the record paths its events hold,
// strings from the path tables for all but outsized records, until the
// next assessment overwrites them.
func (s *scratch) release() {
	if cap(s.text) > 16*maxPooled || max(cap(s.order), cap(s.events), cap(s.obs), cap(s.ends)) > maxPooled {
		return
	}
	s.order, s.events, s.obs, s.text, s.ends = s.order[:0], s.events[:0], s.obs[:0], s.text[:0], s.ends[:0]
	scratchPool.Put(s)
}

// assessment holds what the three case rules share.
type assessment struct {
	rec  CaseRecord
	asOf care.Date
	s    *scratch
	// known is the number of discussions on or before asOf: the first
	// known of s.order.
	known int
	// ev is the report's evidence, sized exactly, that findings' evidence
	// is carved from.
	ev []care.Evidence
}

// Finding templates of the case rules: rule ID, citation, severity and
// domain, as care.NewFinding sets them.
var (
	findingSUP02 = care.NewFinding(rule(SUP02), "", 0)
	findingSUP03 = care.NewFinding(rule(SUP03), "", 0)
	findingSUP04 = care.NewFinding(rule(SUP04), "", 0)
)

// add appends care.NewFinding(rule, subject, status) to rep, from the
// rule's template t, and returns it to be filled in place.
func add(rep *care.Report, t *care.Finding, subject string, status care.Status) *care.Finding {
	*rep = append(*rep, *t)
	f := &(*rep)[len(*rep)-1]
	f.Subject, f.Status = subject, status
	return f
}

// run appends the findings of SUP-02, SUP-03 and SUP-04 to dst. It counts
// the findings and their evidence first, so that the report and its
// evidence are allocated once and exactly, and builds the record paths and
// then the messages each in one string.
func (a *assessment) run(dst care.Report, childID string, p Policy) care.Report {
	s, ds := a.s, a.rec.Discussions
	s.order = discussionOrder(s.order, ds)
	a.known = sort.Search(len(s.order), func(k int) bool { return ds[s.order[k]].Date.After(a.asOf) })
	// Scratch is sized once, should the pool have handed over a new one.
	c, clocked := caseClock(&a.rec, s.order[:a.known], a.asOf, p, discussionRefs, slices.Grow(s.events[:0], a.known))
	if clocked {
		s.events = c.events
		s.obs = c.walk(SUP02, slices.Grow(s.obs[:0], len(c.events)+1))
	}
	// Count the findings and their evidence.
	nf, ne := len(s.obs)+a.known, len(s.obs)+a.known
	for i := range s.obs {
		if !s.obs[i].done.date.IsZero() {
			ne++
		}
	}
	for i := range a.rec.Directions {
		d := &a.rec.Directions[i]
		if d.Given.After(a.asOf) {
			continue
		}
		if blank(d.Owner) {
			nf, ne = nf+1, ne+1
		}
		if d.Due.IsZero() {
			nf, ne = nf+1, ne+1
		}
		next := a.nextDiscussion(d.Given)
		if !d.Due.IsZero() || next >= 0 {
			nf, ne = nf+1, ne+1
			if next >= 0 {
				ne++
			}
		}
	}
	if nf == 0 {
		if dst == nil {
			return care.Report{} // an empty report, not nil, allocating nothing
		}
		return dst
	}
	rep := slices.Grow(dst, nf)
	base := len(rep)
	a.ev = make([]care.Evidence, 0, ne)
	s.text, s.ends = slices.Grow(s.text[:0], 96*nf), slices.Grow(s.ends[:0], nf)
	for i := range s.obs {
		a.discussionInterval(&rep, &s.obs[i], childID)
	}
	rep = a.reflective(rep)
	rep = a.directions(rep)
	// Give each finding its message, from one string.
	msgs := string(s.text)
	start := 0
	for k, end := range s.ends {
		if end < 0 {
			continue
		}
		rep[base+k].Message = msgs[start:end]
		start = int(end)
	}
	return rep
}

// discussionOrder returns the indices of the discussions sorted stably by
// date, in buf.
func discussionOrder(buf []int, ds []Discussion) []int {
	buf = slices.Grow(buf[:0], len(ds))
	for i := range ds {
		buf = append(buf, i)
	}
	if !slices.IsSortedFunc(ds, func(x, y Discussion) int { return x.Date.Compare(y.Date) }) {
		slices.SortStableFunc(buf, func(x, y int) int { return ds[x].Date.Compare(ds[y].Date) })
	}
	return buf
}

// carve copies items into the assessment's evidence and returns them as a
// slice whose capacity ends at its length.
func (a *assessment) carve(items ...care.Evidence) []care.Evidence {
	return carve(&a.ev, items...)
}

// message ends the message of the next finding, appended to s.text.
func (a *assessment) message(b []byte) {
	a.s.text = b
	a.s.ends = append(a.s.ends, int32(len(b)))
}

// constMessage records that the next finding's message is set already.
func (a *assessment) constMessage() { a.s.ends = append(a.s.ends, -1) }

// nextDiscussion returns the index of the first discussion (by date) after
// day given and on or before asOf, or -1 if there is none.
func (a *assessment) nextDiscussion(given care.Date) int {
	order, ds := a.s.order[:a.known], a.rec.Discussions
	k := sort.Search(len(order), func(k int) bool { return ds[order[k]].Date.After(given) })
	if k == len(order) {
		return -1
	}
	return order[k]
}

// caseClock returns the SUP-02 clock of the case, or false if it has no
// allocation. order lists the discussions on or before asOf by date, and
// refs their paths (nil for none); the clock's events are appended to
// events.
func caseClock(rec *CaseRecord, order []int, asOf care.Date, p Policy, refs *arena.Paths, events []event) (clock, bool) {
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
	c := clock{start: start, startLabel: "first allocation of the case", end: end, asOf: asOf,
		eventLabel: "case discussion", fixed: p.caseDiscussion(), events: events}
	for _, i := range order {
		dn := &rec.Discussions[i]
		if dn.Date.Before(start) || dn.Date.After(asOf) || (!end.IsZero() && !dn.Date.Before(end)) {
			continue
		}
		if n := len(c.events); n > 0 && c.events[n-1].date == dn.Date {
			continue
		}
		if !rec.heldBy(dn.Worker, dn.Date) {
			continue
		}
		ev := event{date: dn.Date}
		if refs != nil {
			ev.ref = refs.At(i)
		}
		c.events = append(c.events, ev)
	}
	return c, true
}

// heldBy reports whether worker held the case at any time on day d.
func (r *CaseRecord) heldBy(worker string, d care.Date) bool {
	for i := range r.Allocations {
		if a := &r.Allocations[i]; a.Worker == worker && a.heldOn(d) {
			return true
		}
	}
	return false
}

// discussionInterval appends the SUP-02 finding of one interval to rep.
func (a *assessment) discussionInterval(rep *care.Report, o *obligation, childID string) {
	o.fill(add(rep, &findingSUP02, childID, o.status), "case discussion", &a.ev)
	a.message(o.appendMessage(a.s.text, "case discussion"))
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
	order := discussionOrder(nil, rec.Discussions)
	c, ok := caseClock(&rec, order, asOf, p, nil, nil)
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

func (a *assessment) reflective(rep care.Report) care.Report {
	for _, i := range a.s.order[:a.known] {
		dn := &a.rec.Discussions[i]
		ref := discussionRefs.At(i)
		ev := a.carve(care.Evidence{Label: "case discussion", Date: dn.Date, Ref: ref})
		b, _ := dn.Date.AppendText(append(a.s.text, "case discussion on "...))
		if missing := dn.Missing(); missing != 0 {
			f := add(&rep, &findingSUP03, ref, care.Breach)
			a.message(missing.appendTo(append(b, " does not record "...)))
			f.Evidence = ev
			continue
		}
		f := add(&rep, &findingSUP03, ref, care.Met)
		f.Done = dn.Date
		a.message(append(b, " records progress, worries, risks and future focus"...))
		f.Evidence = ev
	}
	return rep
}

// SUP-04 messages that need no numbers, by status and by whether the
// direction was due by its due date (0) or its next case discussion (1).
var (
	followedUp    = [2]string{"direction followed up by its due date", "direction followed up by its next case discussion"}
	notFollowedUp = [2]string{"direction not followed up by its due date", "direction not followed up by its next case discussion"}
	toFollowUp    = [2]string{"direction to be followed up by its due date", "direction to be followed up by its next case discussion"}
	followUpBy    = [2]string{"due date", "next case discussion"}
)

func (a *assessment) directions(rep care.Report) care.Report {
	for i := range a.rec.Directions {
		d := &a.rec.Directions[i]
		if d.Given.After(a.asOf) {
			continue
		}
		ref := directionRefs.At(i)
		given := care.Evidence{Label: "direction given", Date: d.Given, Ref: ref}
		if blank(d.Owner) {
			f := add(&rep, &findingSUP04, ref, care.Breach)
			f.Message = "direction has no owner"
			f.Evidence = a.carve(given)
			a.constMessage()
		}
		if d.Due.IsZero() {
			f := add(&rep, &findingSUP04, ref, care.Breach)
			f.Message = "direction has no due date"
			f.Evidence = a.carve(given)
			a.constMessage()
		}
		due, by := d.Due, 0
		var next care.Evidence
		if j := a.nextDiscussion(d.Given); j >= 0 {
			next = care.Evidence{Label: "next case discussion", Date: a.rec.Discussions[j].Date, Ref: discussionRefs.At(j)}
		}
		if !next.Date.IsZero() && (due.IsZero() || next.Date.Before(due)) {
			due, by = next.Date, 1
		}
		if due.IsZero() {
			continue
		}
		done := d.Reviewed
		if done.IsZero() || (!d.Completed.IsZero() && d.Completed.Before(done)) {
			done = d.Completed
		}
		dl := care.Deadline{Rule: SUP04, Due: due, Anchor: d.Given, AnchorLabel: "direction given", Count: due.DaysSince(d.Given), Unit: care.Days}
		f := add(&rep, &findingSUP04, ref, dl.Evaluate(done, a.asOf))
		f.Due, f.Deadline = due, dl
		if f.Status == care.Met || f.Status == care.Late {
			f.Done = done
		}
		if next.Date.IsZero() {
			f.Evidence = a.carve(given)
		} else {
			f.Evidence = a.carve(given, next)
		}
		switch f.Status {
		case care.Met:
			f.Message = followedUp[by]
			a.constMessage()
		case care.Late:
			b := append(a.s.text, "direction followed up "...)
			b = append(strconv.AppendInt(b, int64(done.DaysSince(due)), 10), " days after its "...)
			a.message(append(b, followUpBy[by]...))
		case care.Overdue:
			f.Message = notFollowedUp[by]
			a.constMessage()
		default:
			f.Message = toFollowUp[by]
			a.constMessage()
		}
	}
	return rep
}

// IsZero reports whether the record holds nothing (empty and nil lists
// alike), so that the JSON form omits it and round-trips.
func (r CaseRecord) IsZero() bool {
	return len(r.Allocations) == 0 && len(r.Discussions) == 0 && len(r.Directions) == 0
}
