package supervision

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lookedafter/practice/care"
)

// Worker is a social worker (or other practitioner who holds cases) in the
// authority's workforce. The span in post is the half-open [Start, End), as
// a [care.Period]: End is the first day the worker is no longer in post (the
// day after their last day), and a zero End means they are still in post.
//
// A Worker is a plain value, safe to use from multiple goroutines at once.
type Worker struct {
	// ID is the authority's identifier for the worker; required and
	// unique, at most [care.MaxIDBytes] long.
	ID string `json:"id"`
	// Registered records registration with Social Work England.
	Registered bool `json:"registered,omitempty"`
	// Qualified is the date the worker qualified as a social worker, if
	// known.
	Qualified care.Date `json:"qualified,omitzero"`
	// ASYE is the first day of the worker's assessed and supported year in
	// employment (ASYE) as a newly qualified social worker; zero if the
	// worker is not, and was not while in this post, newly qualified. The
	// ASYE supervision schedule of SUP-01 runs for 12 months from it.
	ASYE care.Date `json:"asye,omitzero"`
	// Team and Office group workers in reports, each at most
	// [care.MaxNameBytes] long. Team is required.
	Team   string `json:"team"`
	Office string `json:"office,omitempty"`
	// Start is the first day in post (required); End the first day no
	// longer in post (zero while in post).
	Start care.Date `json:"start"`
	End   care.Date `json:"end,omitzero"`
}

// InPost returns the worker's span in post, [Start, End).
func (w Worker) InPost() care.Period { return care.Period{Start: w.Start, End: w.End} }

// StatusOn returns the worker's status on day d: [WorkerStatusNewlyQualified] from the
// ASYE start for 12 months (the corresponding date), [WorkerStatusExperienced]
// otherwise, and [WorkerStatusUnknown] for the zero Date.
func (w Worker) StatusOn(d care.Date) WorkerStatus {
	switch {
	case d.IsZero():
		return WorkerStatusUnknown
	case !w.ASYE.IsZero() && !d.Before(w.ASYE) && d.Before(w.ASYE.AddMonths(asyeMonths)):
		return WorkerStatusNewlyQualified
	}
	return WorkerStatusExperienced
}

// WorkerStatus is a worker's status for the supervision schedule (SUP-01).
type WorkerStatus uint8

// Worker statuses. The zero value, WorkerStatusUnknown, is the status of
// no day.
const (
	WorkerStatusUnknown        WorkerStatus = iota
	WorkerStatusExperienced                 // qualified and past the assessed and supported year
	WorkerStatusNewlyQualified              // in the assessed and supported year in employment (ASYE)
)

var statusNames = [...]string{"unknown", "experienced", "newly qualified"}

// String returns "experienced" or "newly qualified".
func (s WorkerStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("WorkerStatus(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler]: "experienced" or "newly
// qualified", and "" for [WorkerStatusUnknown].
func (s WorkerStatus) MarshalText() ([]byte, error) {
	switch {
	case s == WorkerStatusUnknown:
		return []byte{}, nil
	case int(s) < len(statusNames):
		return []byte(statusNames[s]), nil
	}
	return nil, fmt.Errorf("supervision: cannot marshal worker status %d", uint8(s))
}

// SessionKind says what kind of supervision a session was.
type SessionKind uint8

// Session kinds. The zero value, SessionKindUnknown, is not a valid kind.
const (
	SessionKindUnknown SessionKind = iota
	// SessionKindIndividual is one-to-one professional supervision of the
	// worker; it may include discussion of the worker's cases.
	SessionKindIndividual
	// SessionKindGroup is group supervision. Record one Session per worker who
	// attended.
	SessionKindGroup
	// SessionKindCaseDiscussion is a discussion of one or more of the
	// worker's cases with a manager outside professional supervision (a case consultation).
	SessionKindCaseDiscussion
)

var kindNames = [...]string{"", "individual", "group", "case"}

// String returns "individual", "group" or "case" ("" for [SessionKindUnknown]).
func (k SessionKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("SessionKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k SessionKind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("supervision: cannot marshal session kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [SessionKindUnknown].
func (k *SessionKind) UnmarshalText(b []byte) error {
	s := string(b)
	for i, n := range kindNames {
		if n == s {
			*k = SessionKind(i)
			return nil
		}
	}
	return &care.ParseError{Input: s, Type: "session kind", Err: fmt.Errorf("%w: want individual, group or case", care.ErrUnknownCode)}
}

// Session is one supervision session of one worker: its date, who gave it,
// its kind, and the children's cases discussed in it. Supervisor and
// Worker are workers' IDs, at most [care.MaxIDBytes] long.
type Session struct {
	Date       care.Date   `json:"date"`
	Supervisor string      `json:"supervisor"`
	Worker     string      `json:"worker"`
	Kind       SessionKind `json:"kind"`
	Cases      []CaseNote  `json:"cases,omitempty"`
}

// CaseNote is the record of one child's case discussed in a session. The
// four reflective elements of SUP-03 count as recorded when their text is
// not blank; the library reads only whether they are there, never what they
// say, and never prints them. Each is free text of at most
// [care.MaxTextBytes]; Child and each direction ID at most
// [care.MaxIDBytes].
type CaseNote struct {
	// Child is the child's ID. In a [CaseRecord] it may be left empty.
	Child       string `json:"child,omitempty"`
	Progress    string `json:"progress,omitempty"`
	Worries     string `json:"worries,omitempty"`
	Risks       string `json:"risks,omitempty"`
	FutureFocus string `json:"future_focus,omitempty"`
	// Directions are the IDs of the management directions given in the
	// discussion; each must be a [Direction] about the same child.
	Directions []string `json:"directions,omitempty"`
}

// Element is one of the four elements of a reflective case discussion
// (SUP-03). Elements form a bit set.
type Element uint8

// The elements of a reflective case discussion, and the set of all four.
const (
	ElementProgress    Element = 1 << iota // the child's progress
	ElementWorries                         // worries about the child
	ElementRisks                           // presenting risks
	ElementFutureFocus                     // the focus of future work

	AllElements = ElementProgress | ElementWorries | ElementRisks | ElementFutureFocus
)

// String lists the elements in the set, "progress, worries, risks, future
// focus", or "none".
func (e Element) String() string {
	var buf [64]byte
	return string(e.appendTo(buf[:0]))
}

// elementNames are the names of the elements, in bit order.
var elementNames = [...]string{"progress", "worries", "risks", "future focus"}

// appendTo appends the list of the elements in the set (String) to b.
func (e Element) appendTo(b []byte) []byte {
	if e&AllElements == 0 {
		return append(b, "none"...)
	}
	first := true
	for i, name := range elementNames {
		if e&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		b = append(b, name...)
		first = false
	}
	return b
}

// Recorded returns the set of elements recorded in the note (text that is
// not blank).
func (n CaseNote) Recorded() Element {
	var e Element
	if !blank(n.Progress) {
		e |= ElementProgress
	}
	if !blank(n.Worries) {
		e |= ElementWorries
	}
	if !blank(n.Risks) {
		e |= ElementRisks
	}
	if !blank(n.FutureFocus) {
		e |= ElementFutureFocus
	}
	return e
}

// Missing returns the elements not recorded in the note.
func (n CaseNote) Missing() Element { return AllElements &^ n.Recorded() }

func blank(s string) bool {
	if s == "" {
		return true
	}
	// Most text starts with a character that is not space.
	if c := s[0]; c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r') {
		return false
	}
	return strings.TrimSpace(s) == ""
}

// Direction is a management direction about a child's case: what is to be
// done, by whom and by when. A missing owner or due date is not an input
// error but a SUP-04 finding.
type Direction struct {
	// ID identifies the direction; required and unique, at most
	// [care.MaxIDBytes] long.
	ID string `json:"id"`
	// Child is the child's ID. In a [CaseRecord] it may be left empty.
	Child string `json:"child,omitempty"`
	// Text is the direction, or a reference to where it is recorded: free
	// text of at most [care.MaxTextBytes], never printed by the library.
	Text string `json:"text,omitempty"`
	// Owner is who must carry it out, at most [care.MaxNameBytes]; errors
	// never quote it.
	Owner string `json:"owner,omitempty"`
	// Given is the date the direction was given (required).
	Given care.Date `json:"given"`
	// Due is the date it is to be done by.
	Due care.Date `json:"due,omitzero"`
	// Reviewed is the first date a manager followed it up; Completed the
	// date it was done.
	Reviewed  care.Date `json:"reviewed,omitzero"`
	Completed care.Date `json:"completed,omitzero"`
}

// Allocation says which worker held a child's case, over the half-open
// [From, To): on the day of a reallocation the case belongs to the new
// worker, and a zero To means the allocation is current. A child's
// allocations must not overlap; gaps between them are periods in which the
// case was unallocated.
type Allocation struct {
	// Child is the child's ID. In a [CaseRecord] it may be left empty.
	Child  string    `json:"child,omitempty"`
	Worker string    `json:"worker"`
	From   care.Date `json:"from"`
	To     care.Date `json:"to,omitzero"`
}

// Period returns the allocation's span, [From, To).
func (a Allocation) Period() care.Period { return care.Period{Start: a.From, End: a.To} }

// heldOn reports whether the worker held the case at any time on day d: from
// From up to and including To, since a handover happens during the day.
func (a Allocation) heldOn(d care.Date) bool {
	return !d.Before(a.From) && (a.To.IsZero() || !d.After(a.To))
}

// loc is the path of a record in a list ("sessions[3]", or
// "sessions[3].cases[1]" with a nested list), turned into a string only when
// an error is reported, so that validating valid records allocates nothing.
type loc struct {
	list string
	i    int
	sub  string
	j    int
}

func at(list string, i int) loc { return loc{list: list, i: i} }

// in returns the path of element j of the nested list sub.
func (l loc) in(sub string, j int) loc {
	l.sub, l.j = sub, j
	return l
}

func (l loc) String() string {
	s := care.Index(l.list, l.i)
	if l.sub != "" {
		s += "." + care.Index(l.sub, l.j)
	}
	return s
}

// field returns the path of a field of the record, or the record's own
// path for "".
func (l loc) field(name string) string {
	if name == "" {
		return l.String()
	}
	return l.String() + "." + name
}

func (w Worker) validate(errs *care.ValidationErrors, path loc) {
	if w.ID == "" {
		errs.Add(path.field("id"), care.ErrRequired)
	}
	if w.Team == "" {
		errs.Add(path.field("team"), care.ErrRequired)
	}
	checkString(errs, path, "id", w.ID, care.MaxIDBytes)
	checkString(errs, path, "team", w.Team, care.MaxNameBytes)
	checkString(errs, path, "office", w.Office, care.MaxNameBytes)
	if w.Start.IsZero() {
		errs.Add(path.field("start"), care.ErrRequired)
	}
	if !w.End.IsZero() && !w.End.After(w.Start) {
		errs.Addf(path.field("end"), "%v is not after start %v", w.End, w.Start)
	}
	if !w.ASYE.IsZero() && !w.Qualified.IsZero() && w.ASYE.Before(w.Qualified) {
		errs.Addf(path.field("asye"), "%v is before qualified %v", w.ASYE, w.Qualified)
	}
}

// dirIndex finds a direction's child by the direction's ID: the first
// direction with a non-empty ID gives it. It reads the map m when one was
// built (many directions), and scans list otherwise, so that validating a
// child's few directions allocates nothing.
type dirIndex struct {
	m    map[string]string
	list []Direction
}

// child returns the child of the first direction with the given ID, and
// false if there is none ("" is never found).
func (x dirIndex) child(id string) (string, bool) {
	if x.m != nil || id == "" {
		c, ok := x.m[id]
		return c, ok
	}
	for i := range x.list {
		if x.list[i].ID == id {
			return x.list[i].Child, true
		}
	}
	return "", false
}

// validateNote checks one case note. child is the child the note must be
// about ("" to accept any non-empty child); dirs maps direction IDs to their
// child.
func (n *CaseNote) validate(errs *care.ValidationErrors, path loc, child string, requireChild bool, dirs dirIndex) {
	switch {
	case n.Child == "" && requireChild:
		errs.Add(path.field("child"), care.ErrRequired)
	case n.Child != "" && child != "" && n.Child != child:
		errs.Addf(path.field("child"), "%s is not child %s", care.Excerpt(n.Child), care.Excerpt(child))
	}
	checkString(errs, path, "child", n.Child, care.MaxIDBytes)
	for _, f := range [...]struct{ name, text string }{
		{"progress", n.Progress}, {"worries", n.Worries}, {"risks", n.Risks}, {"future_focus", n.FutureFocus},
	} {
		checkPrivate(errs, path, f.name, f.text, care.MaxTextBytes)
	}
	about := n.Child
	if about == "" {
		about = child
	}
	for k, id := range n.Directions {
		dc, ok := dirs.child(id)
		bad := care.CheckString(id, care.MaxIDBytes)
		switch {
		case id == "":
			errs.Add(path.field(care.Index("directions", k)), care.ErrRequired)
		case bad != nil:
			errs.Add(path.field(care.Index("directions", k)), bad)
		case !ok:
			errs.Addf(path.field(care.Index("directions", k)), "unknown direction %s", care.Excerpt(id))
		case dc != "" && about != "" && dc != about:
			errs.Addf(path.field(care.Index("directions", k)), "direction %s is about child %s, not %s",
				care.Excerpt(id), care.Excerpt(dc), care.Excerpt(about))
		}
	}
}

func validateSessionFields(errs *care.ValidationErrors, path loc, date care.Date, supervisor, worker string, kind SessionKind) {
	if date.IsZero() {
		errs.Add(path.field("date"), care.ErrRequired)
	}
	if supervisor == "" {
		errs.Add(path.field("supervisor"), care.ErrRequired)
	} else if supervisor == worker {
		errs.Addf(path.field("supervisor"), "%s supervises themself", care.Excerpt(supervisor))
	}
	if worker == "" {
		errs.Add(path.field("worker"), care.ErrRequired)
	}
	checkString(errs, path, "supervisor", supervisor, care.MaxIDBytes)
	checkString(errs, path, "worker", worker, care.MaxIDBytes)
	if kind == SessionKindUnknown || int(kind) >= len(kindNames) {
		errs.Addf(path.field("kind"), "unknown session kind %d: want individual, group or case", uint8(kind))
	}
}

func (d *Direction) validate(errs *care.ValidationErrors, path loc, child string, requireChild bool) {
	if d.ID == "" {
		errs.Add(path.field("id"), care.ErrRequired)
	}
	switch {
	case d.Child == "" && requireChild:
		errs.Add(path.field("child"), care.ErrRequired)
	case d.Child != "" && child != "" && d.Child != child:
		errs.Addf(path.field("child"), "%s is not child %s", care.Excerpt(d.Child), care.Excerpt(child))
	}
	checkString(errs, path, "id", d.ID, care.MaxIDBytes)
	checkString(errs, path, "child", d.Child, care.MaxIDBytes)
	checkPrivate(errs, path, "text", d.Text, care.MaxTextBytes)
	checkPrivate(errs, path, "owner", d.Owner, care.MaxNameBytes)
	if d.Given.IsZero() {
		errs.Add(path.field("given"), care.ErrRequired)
		return
	}
	for _, f := range [...]struct {
		name string
		date care.Date
	}{{"due", d.Due}, {"reviewed", d.Reviewed}, {"completed", d.Completed}} {
		if !f.date.IsZero() && f.date.Before(d.Given) {
			errs.Addf(path.field(f.name), "%v is before given %v", f.date, d.Given)
		}
	}
}

func (a *Allocation) validate(errs *care.ValidationErrors, path loc, child string, requireChild bool) {
	switch {
	case a.Child == "" && requireChild:
		errs.Add(path.field("child"), care.ErrRequired)
	case a.Child != "" && child != "" && a.Child != child:
		errs.Addf(path.field("child"), "%s is not child %s", care.Excerpt(a.Child), care.Excerpt(child))
	}
	if a.Worker == "" {
		errs.Add(path.field("worker"), care.ErrRequired)
	}
	checkString(errs, path, "child", a.Child, care.MaxIDBytes)
	checkString(errs, path, "worker", a.Worker, care.MaxIDBytes)
	if a.From.IsZero() {
		errs.Add(path.field("from"), care.ErrRequired)
	}
	if !a.To.IsZero() && !a.To.After(a.From) {
		errs.Addf(path.field("to"), "%v is not after from %v", a.To, a.From)
	}
}

// checkString reports field of the record at path if s is longer than max
// bytes or not valid UTF-8 ([care.CheckString]): for identifiers, team and
// office names, whose errors quote a short prefix of the value.
func checkString(errs *care.ValidationErrors, path loc, field, s string, max int) {
	if err := care.CheckString(s, max); err != nil {
		errs.Add(path.field(field), err)
	}
}

// checkPrivate is checkString for names of people and free text, whose
// errors never quote the value ([care.CheckPrivateString]).
func checkPrivate(errs *care.ValidationErrors, path loc, field, s string, max int) {
	if err := care.CheckPrivateString(s, max); err != nil {
		errs.Add(path.field(field), err)
	}
}

// checkOverlaps reports allocations of one child that overlap. idx lists
// the indices (into all) of one child's allocations.
func checkOverlaps(errs *care.ValidationErrors, prefix string, all []Allocation, idx []int) {
	for x, i := range idx {
		for _, j := range idx[x+1:] {
			if all[i].Period().Overlaps(all[j].Period()) {
				errs.Addf(care.Index(prefix, j), "overlaps %s %v", care.Index(prefix, i), all[i].Period())
			}
		}
	}
}

// checkAllOverlaps is checkOverlaps over every allocation in all, which
// are one child's.
func checkAllOverlaps(errs *care.ValidationErrors, prefix string, all []Allocation) {
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if all[i].Period().Overlaps(all[j].Period()) {
				errs.Addf(care.Index(prefix, j), "overlaps %s %v", care.Index(prefix, i), all[i].Period())
			}
		}
	}
}
