package supervision

import (
	"fmt"
	"slices"

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
// naming unknown directions, entries naming different children, and
// strings longer than their limits or not valid UTF-8 (IDs
// [care.MaxIDBytes], owners [care.MaxNameBytes], free text
// [care.MaxTextBytes]; errors quote at most a short prefix of an ID, and
// never an owner or free text). It cannot check workers' time in post,
// which needs the authority's [Dataset].
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
				errs.Addf(p.field("id"), "duplicate direction %s", care.Excerpt(d.ID))
			}
			continue
		}
		if _, dup := dirs.m[d.ID]; dup {
			errs.Addf(p.field("id"), "duplicate direction %s", care.Excerpt(d.ID))
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

// CaseAssessor evaluates SUP-02, SUP-03 and SUP-04 for children's case
// records with one policy, checked once, when it is made. It is read-only
// and safe for concurrent use: a cohort run makes one and assesses every
// child with it.
type CaseAssessor struct {
	p Policy
}

// NewCaseAssessor returns an assessor for policy p. It returns the
// [care.ValidationErrors] of [Policy.Validate] if p is invalid.
func NewCaseAssessor(p Policy) (*CaseAssessor, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &CaseAssessor{p: p}, nil
}

// Emit evaluates SUP-02, SUP-03 and SUP-04 for the child's case record, as
// of e.AsOf(), and records the findings in e:
//
// SUP-02: while the case is allocated it is discussed at least every
// p.CaseDiscussion (default 6 weeks), counted in calendar days from the day
// after the last discussion (a discussion on the due date is on time). The
// first interval runs from the first day of the first allocation; the
// clock follows the child across reallocations and through unallocated
// spells, and stops when the last allocation ends. A discussion counts if
// its worker held the case at any time on that day (the outgoing worker
// too, on the day of a reallocation); several on one day count once. The
// subject is the child. The open interval is Overdue while the case is
// allocated; when the last allocation ends (the case closes) it is Missed,
// and nothing is owed that would fall due on or after that day.
//
// SUP-03: each discussion on or before the as-of date is Met if it records
// progress, worries, risks and the focus of future work, and a Breach
// naming the missing elements otherwise ("discussions[3]").
//
// SUP-04: each direction given on or before the as-of date without an
// owner, or without a due date, is one Breach naming what is missing; and
// each must be reviewed (or completed) on or before the earlier of its due
// date and the next discussion of the case after the day it was given,
// which gives a Met, Late, Overdue or Upcoming finding ("directions[0]").
// A direction with no due date and no later discussion has no follow-up
// date yet. The follow-up's window closes when the case closes: a
// direction not followed up by then is Missed, and one whose follow-up
// would fall due on or after that day was never owed.
//
// All three are local standards ([care.SeverityLocal]): supervision has no
// statutory frequency. Emit returns an error, and records nothing, if the
// as-of date or childID is empty, or the record is invalid or names a child
// other than childID.
func (a *CaseAssessor) Emit(e *care.Emitter, childID string, rec CaseRecord) error {
	asOf := e.AsOf()
	if asOf.IsZero() {
		return fmt.Errorf("supervision: as-of date: %w", care.ErrRequired)
	}
	if childID == "" {
		return fmt.Errorf("supervision: child ID: %w", care.ErrRequired)
	}
	var errs care.ValidationErrors
	rec.validate(&errs, childID)
	if err := errs.Err(); err != nil {
		return err
	}
	start, closed, allocated := rec.span()
	if allocated {
		rec.discussed(e, start, closed, a.p) // SUP02
	}
	for i := range rec.Discussions {
		if dn := &rec.Discussions[i]; !dn.Date.After(asOf) {
			reflective(e, &reflectiveKind, care.At(i), dn.Date, dn.CaseNote) // SUP03
		}
	}
	for i := range rec.Directions {
		if d := &rec.Directions[i]; !d.Given.After(asOf) {
			rec.direction(e, i, closed) // SUP04
		}
	}
	return nil
}

// AssessCase evaluates SUP-02, SUP-03 and SUP-04 for the child's case as of
// asOf, as [CaseAssessor.Emit] does, and returns the findings sorted
// ([care.Report.Sort]). Subjects are the child (SUP-02) and record paths
// ("discussions[3]", "directions[0]").
//
// AssessCase returns an error, and no report, if p is invalid, asOf is
// zero, or the record is invalid or names a child other than childID.
func AssessCase(childID string, rec CaseRecord, asOf care.Date, p Policy) (care.Report, error) {
	a, err := NewCaseAssessor(p)
	if err != nil {
		return nil, fmt.Errorf("supervision: policy: %w", err)
	}
	e := care.NewEmitter(asOf)
	if err := a.Emit(e, childID, rec); err != nil {
		return nil, err
	}
	return e.Report(), nil
}

// span returns the first day of the case's first allocation and the day
// its last allocation ended (zero while one is open), and false if the
// case was never allocated.
func (r *CaseRecord) span() (start, closed care.Date, ok bool) {
	if len(r.Allocations) == 0 {
		return care.Date{}, care.Date{}, false
	}
	start, closed = r.Allocations[0].From, r.Allocations[0].To
	for _, a := range r.Allocations[1:] {
		if a.From.Before(start) {
			start = a.From
		}
		if closed.IsZero() || a.To.IsZero() {
			closed = care.Date{}
		} else if a.To.After(closed) {
			closed = a.To
		}
	}
	return start, closed, true
}

// discussionKind is the SUP-02 finding of one interval between discussions
// of the child's case. Its window closes when the case does.
var discussionKind = care.Kind{
	Rule: rule(SUP02), What: "case discussion",
	Anchor: "the first allocation of the case", Anchors: []string{fromDiscussion - 1: "the case discussion"},
	AnchorAt: "discussions[]", DoneAt: "discussions[]",
	Closures: []string{"the last allocation of the case ended"},
}

// fromDiscussion labels a SUP-02 interval that runs from a discussion (0
// is the first allocation).
const fromDiscussion = 1

// discussed records the SUP-02 finding of each interval between
// discussions of a case allocated from start until closed (zero while
// allocated): the window of the open interval closes when the case does.
func (r *CaseRecord) discussed(e *care.Emitter, start, closed care.Date, p Policy) {
	// The clock's events are working memory the emitter keeps from one
	// child to the next.
	sc := care.Scratch[scratch](e)
	c := r.discussionClock(sc.events[:0], start, closed, e.AsOf(), p)
	sc.events = c.events
	for o := range c.walk {
		e.Deadline(&discussionKind, o.obligation(care.Ref{}, closed))
	}
}

// scratch is the working memory of [CaseAssessor.Emit], kept by the
// emitter ([care.Scratch]).
type scratch struct {
	events []event
}

// discussionClock returns the SUP-02 clock of a case allocated from start
// until closed (zero while allocated), as of asOf: its events, appended to
// events, are the discussions on or before asOf held by a worker who held
// the case that day, by date, the first of each day.
func (r *CaseRecord) discussionClock(events []event, start, closed, asOf care.Date, p Policy) clock {
	for i := range r.Discussions {
		dn := &r.Discussions[i]
		if dn.Date.Before(start) || dn.Date.After(asOf) || (!closed.IsZero() && !dn.Date.Before(closed)) ||
			!r.heldBy(dn.Worker, dn.Date) {
			continue
		}
		events = append(events, event{date: dn.Date, at: i})
	}
	slices.SortStableFunc(events, func(x, y event) int { return x.date.Compare(y.date) })
	events = slices.CompactFunc(events, func(x, y event) bool { return x.date == y.date })
	return clock{start: start, eventAs: fromDiscussion, end: closed, asOf: asOf, fixed: p.caseDiscussion(), events: events}
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

// DiscussionGaps returns the SUP-02 gaps of the child's case as of asOf:
// the intervals between discussions of the case longer than p.CaseDiscussion,
// and an open interval past its due date (to asOf, or to the day the case
// closed), oldest first. The counting convention is [CaseAssessor.Emit]'s.
// It returns an error if p is invalid, asOf is zero or the record is
// invalid.
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
	start, closed, ok := rec.span()
	if !ok {
		return nil, nil
	}
	var gaps []Gap
	c := rec.discussionClock(nil, start, closed, asOf, p)
	for o := range c.walk {
		if g, ok := o.gap(&discussionKind, childID, asOf); ok {
			gaps = append(gaps, g)
		}
	}
	return gaps, nil
}

// reflectiveKind is the SUP-03 finding of one discussion in a child's case
// record; oversightKind (oversight.go) is the same check of a case note in
// the authority's sessions.
var reflectiveKind = care.Kind{
	Rule: rule(SUP03), What: "case discussion record", Subject: "discussions[]",
	Anchor: "case discussion", AnchorAt: "discussions[]",
	Problems: elementProblems, Met: elementsMet,
}

// The words of a SUP-03 finding: a problem for each element of a
// reflective discussion, in the bit order of [Element], so that a note's
// missing elements are the finding's problems.
var elementProblems = []string{"progress not recorded", "worries not recorded", "risks not recorded", "future focus not recorded"}

const elementsMet = "progress, worries, risks and future focus recorded"

// reflective records the SUP-03 check of a case note of a discussion on
// date: each element it does not record is a problem. The subject is the
// discussion, at, which is also the record the check reads.
func reflective(e *care.Emitter, k *care.Kind, at care.Ref, date care.Date, n CaseNote) {
	missing := care.Problems(n.Missing())
	e.Check(k, care.Obligation{Subject: at, Anchor: date, AnchorAt: at, Done: date}, missing)
}

// directionKind is the SUP-04 check that a direction names an owner and a
// due date; followUpKind the SUP-04 deadline for following it up.
var (
	directionKind = care.Kind{
		Rule: rule(SUP04), What: "direction", Subject: "directions[]", Anchor: "direction given",
		Problems: []string{noOwner: "no owner", noDueDate: "no due date"},
	}
	followUpKind = care.Kind{
		Rule: rule(SUP04), What: "follow-up of the direction", Subject: "directions[]",
		Anchor: "the direction's due date", Anchors: []string{byNextDiscussion - 1: "the next case discussion"},
		AnchorAt: "discussions[]",
		Done:     "direction reviewed", Dones: []string{byCompletion - 1: "direction completed"},
		Extra: "direction given",
		Closures: []string{closedCase: "the last allocation of the case ended",
			closedByDiscussion: "the next case discussion after its due date was held"},
	}
)

// The problems of directionKind, the anchor of followUpKind (0 is the
// direction's due date) and its done labels (0 is a review).
const (
	noOwner   = 0
	noDueDate = 1

	byNextDiscussion = 1
	byCompletion     = 1

	closedCase         = 0
	closedByDiscussion = 1
)

// direction records the SUP-04 findings of direction i, given on or before
// the as-of date, of a case that closed on closed (zero while allocated).
func (r *CaseRecord) direction(e *care.Emitter, i int, closed care.Date) {
	d := &r.Directions[i]
	var missing care.Problems
	if blank(d.Owner) {
		missing |= care.Problem(noOwner)
	}
	if d.Due.IsZero() {
		missing |= care.Problem(noDueDate)
	}
	if missing != 0 {
		e.Check(&directionKind, care.Obligation{Subject: care.At(i), Anchor: d.Given}, missing)
	}
	// The follow-up is due by the earlier of the direction's due date and
	// the next discussion of the case after the day it was given.
	o := care.Obligation{Subject: care.At(i), Due: d.Due, Anchor: d.Due, Extra: d.Given, Closes: closed}
	if j := r.nextDiscussion(d.Given, e.AsOf()); j >= 0 {
		if next := r.Discussions[j].Date; d.Due.IsZero() || next.Before(d.Due) {
			o.Due, o.Anchor, o.AnchorAs, o.AnchorAt = next, next, byNextDiscussion, care.At(j)
		}
	}
	if o.Due.IsZero() {
		return
	}
	o.Done = d.Reviewed
	if o.Done.IsZero() || (!d.Completed.IsZero() && d.Completed.Before(o.Done)) {
		o.Done, o.DoneAs = d.Completed, byCompletion
	}
	// The first case discussion after the follow-up fell due takes stock
	// of the direction: one still not followed up then is missed, and the
	// directions of that discussion take its place.
	if j := r.nextDiscussion(o.Due, e.AsOf()); j >= 0 {
		if next := r.Discussions[j].Date; o.Closes.IsZero() || next.Before(o.Closes) {
			o.Closes, o.ClosedBy = next, closedByDiscussion
		}
	}
	e.Deadline(&followUpKind, o)
}

// nextDiscussion returns the index of the first discussion (by date, then
// by index) after day given and on or before asOf, or -1 if there is none.
func (r *CaseRecord) nextDiscussion(given, asOf care.Date) int {
	next := -1
	for i := range r.Discussions {
		d := r.Discussions[i].Date
		if d.After(given) && !d.After(asOf) && (next < 0 || d.Before(r.Discussions[next].Date)) {
			next = i
		}
	}
	return next
}

// IsZero reports whether the record holds nothing (empty and nil lists
// alike), so that the JSON form omits it and round-trips.
func (r CaseRecord) IsZero() bool {
	return len(r.Allocations) == 0 && len(r.Discussions) == 0 && len(r.Directions) == 0
}
