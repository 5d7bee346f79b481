package care

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Status is the outcome of a rule for one obligation.
type Status uint8

const (
	StatusUnknown Status = iota
	// Met: done on or before the due date.
	Met
	// Late: done, but after the due date.
	Late
	// Overdue: not done, the due date has passed, and the obligation is
	// still owed on the assessment date: someone can act on it today.
	Overdue
	// Upcoming: not done and not yet due; the finding carries the due date,
	// so a worklist falls out of the same call.
	Upcoming
	// Breach: a rule that is not a timescale (content, quality, a threshold)
	// is not satisfied; the evidence says why.
	Breach
	// Missed: not done, and its window has closed, so it can no longer be
	// met: the placement ended before the visit was made, the child left
	// care before the review, the next obligation took its place. Each rule
	// family documents what closes its windows. A missed obligation is a
	// failure and counts in timeliness rates, but it is not live: drift
	// never counts it.
	Missed
)

var statusNames = [...]string{"unknown", "met", "late", "overdue", "upcoming", "breach", "missed"}

// String returns "met", "late", "overdue", "upcoming", "breach" or
// "missed", and "Status(n)" for a value outside the list.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// IsFailure reports whether s records a failure: Late, Overdue, Missed or
// Breach.
func (s Status) IsFailure() bool { return s == Late || s == Overdue || s == Missed || s == Breach }

// IsLive reports whether s is still owed on the assessment date and can be
// acted on: Overdue or Upcoming.
func (s Status) IsLive() bool { return s == Overdue || s == Upcoming }

// MarshalText implements [encoding.TextMarshaler].
func (s Status) MarshalText() ([]byte, error) {
	return marshalName(s.String(), int(s), len(statusNames), "status")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Status) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, statusNames[:], "status")
	*s = Status(i)
	return err
}

// Evidence is one dated fact a finding was computed from, such as "the last
// visit 2025-03-03 (visits[4])". Findings render their evidence when it is
// read ([Finding.Evidence]).
type Evidence struct {
	Label string `json:"label"`
	Date  Date   `json:"date,omitzero"`
	Ref   string `json:"ref,omitempty"` // the record it came from: "visits[3]"
}

// String returns "label date (ref)".
func (e Evidence) String() string {
	s := e.Label
	if !e.Date.IsZero() {
		s += " " + e.Date.String()
	}
	if e.Ref != "" {
		s += " (" + e.Ref + ")"
	}
	return s
}

// Finding is the result of one rule for one obligation of one child: data,
// not an error. A late review is a finding; a malformed date is an error.
//
// A finding holds numbers and dates and refers to its [Kind], which refers
// to its [Rule]: the citation, severity, domain and the words of its
// message live there, once, and the message, subject path and evidence are
// rendered when they are read ([Finding.Message], [Finding.Subject],
// [Finding.Evidence], String and JSON). Findings are made by an [Emitter];
// the zero Finding belongs to no rule.
//
// A Finding is a small value, safe to copy and to use from several
// goroutines at once.
type Finding struct {
	kind *Kind
	// Status is the outcome: Met, Late, Overdue, Missed, Upcoming or
	// Breach.
	Status Status
	// Due is the due date (zero for a finding that is not a timescale);
	// Done is the date the obligation was met, zero if it was not.
	Due  Date
	Done Date

	subject  Ref
	unit     Unit
	closedBy uint8
	anchorAs uint8
	doneAs   uint8
	count    int32 // the timescale's count of units
	anchor   Date  // the date the timescale runs from
	closed   Date  // the date the window closed (Missed)
	extra    Date
	problems Problems
	quantity int32 // a number the kind's message reads
	limit    int32 // the limit quantity is measured against
	anchorAt Ref
	doneAt   Ref
	extraAt  Ref
}

// Kind returns the kind of the finding (nil for the zero Finding).
func (f Finding) Kind() *Kind { return f.kind }

// Rule returns the ID of the finding's rule.
func (f Finding) Rule() RuleID {
	if f.kind == nil || f.kind.Rule == nil {
		return ""
	}
	return f.kind.Rule.ID
}

// Title returns the title of the finding's rule.
func (f Finding) Title() string {
	if f.kind == nil || f.kind.Rule == nil {
		return ""
	}
	return f.kind.Rule.Title
}

// Citation returns the citation of the finding's rule.
func (f Finding) Citation() Citation {
	if f.kind == nil || f.kind.Rule == nil {
		return Citation{}
	}
	return f.kind.Rule.Citation
}

// Severity returns the severity of the finding's rule.
func (f Finding) Severity() Severity {
	if f.kind == nil || f.kind.Rule == nil {
		return SeverityUnknown
	}
	return f.kind.Rule.Severity
}

// Domain returns the domain of the finding's rule.
func (f Finding) Domain() Domain {
	if f.kind == nil || f.kind.Rule == nil {
		return DomainUnknown
	}
	return f.kind.Rule.Domain
}

// Subject returns the record path of what the finding is about
// ("visits[3]", "episodes[2]", "reviews[1].recommendations[0]"), or
// "child" for the child as a whole.
func (f Finding) Subject() string {
	if f.kind == nil {
		return ""
	}
	return string(f.kind.Subject.appendRef(nil, f.subject))
}

// SubjectRef returns the position of the record the finding is about in
// the list that its kind's Subject names.
func (f Finding) SubjectRef() Ref { return f.subject }

// Closed returns the date the obligation's window closed, for a Missed
// finding, and what closed it ("the placement ended").
func (f Finding) Closed() (Date, string) {
	if f.Status != Missed {
		return Date{}, ""
	}
	return f.closed, f.kind.closure(f.closedBy)
}

// Problems returns what a Breach finding of a check found wrong, as a set
// of its kind's problems.
func (f Finding) Problems() Problems { return f.problems }

// Quantity returns the number the finding's message reads, where its kind
// has one (placements in a window, miles, days without an adviser).
func (f Finding) Quantity() int { return int(f.quantity) }

// Anchor returns the date the finding's timescale ran from, or for a
// check the date of the record it read (zero if none).
func (f Finding) Anchor() Date { return f.anchor }

// Limit returns the limit the finding's quantity is measured against,
// where its kind has one (the most miles from home, the maximum caseload).
func (f Finding) Limit() int { return int(f.limit) }

// Extra returns the extra dated fact of the finding, if its kind has one
// (for example the next review's due date for a midway check).
func (f Finding) Extra() Date { return f.extra }

// Deadline returns the deadline the finding's due date was computed from,
// and false for a finding that is not a timescale.
func (f Finding) Deadline() (Deadline, bool) {
	if f.unit == UnitUnknown || f.kind == nil {
		return Deadline{}, false
	}
	return Deadline{Rule: f.Rule(), Due: f.Due, Anchor: f.anchor, AnchorLabel: f.kind.anchor(f.anchorAs), Count: int(f.count), Unit: f.unit}, true
}

// DaysLate returns how many days after Due the obligation was met (Late),
// has been outstanding as of asOf (Overdue), or had been outstanding when
// its window closed (Missed); otherwise 0.
func (f Finding) DaysLate(asOf Date) int {
	switch f.Status {
	case Late:
		return f.Done.DaysSince(f.Due)
	case Overdue:
		return max(asOf.DaysSince(f.Due), 0)
	case Missed:
		return max(f.closed.DaysSince(f.Due), 0)
	}
	return 0
}

// Message returns the finding's message, about this child: what was due,
// from what, and what happened ("no visit yet: due 24 October 2026, 42
// days after the last visit on 12 September 2026"). It is rendered on each
// call.
func (f Finding) Message() string { return string(f.AppendMessage(nil)) }

// AppendMessage appends the finding's message to b and returns the
// extended buffer.
func (f Finding) AppendMessage(b []byte) []byte {
	if f.kind == nil {
		return b
	}
	if f.kind.Message != nil {
		return f.kind.Message(b, f)
	}
	return f.kind.appendMessage(b, f)
}

// Evidence returns the dated facts the finding was computed from: the
// date its timescale ran from, the record that met it, any extra fact its
// kind records, and for a Missed finding what closed its window. It is
// rendered on each call, in a new slice.
func (f Finding) Evidence() []Evidence {
	k := f.kind
	if k == nil {
		return nil
	}
	var out []Evidence
	if l := k.anchor(f.anchorAs); l != "" && (!f.anchor.IsZero() || !f.anchorAt.IsZero()) {
		out = append(out, Evidence{Label: l, Date: f.anchor, Ref: k.AnchorAt.ref(f.anchorAt)})
	}
	if !f.Done.IsZero() || !f.doneAt.IsZero() {
		out = append(out, Evidence{Label: k.done(f.doneAs), Date: f.Done, Ref: k.DoneAt.ref(f.doneAt)})
	}
	if k.Extra != "" && (!f.extra.IsZero() || !f.extraAt.IsZero()) {
		out = append(out, Evidence{Label: k.Extra, Date: f.extra, Ref: k.ExtraAt.ref(f.extraAt)})
	}
	if f.Status == Missed {
		out = append(out, Evidence{Label: k.closure(f.closedBy), Date: f.closed})
	}
	return out
}

// String returns a one-line summary: "VIS-02 overdue: no visit yet: due …".
func (f Finding) String() string {
	b := make([]byte, 0, 128)
	b = append(b, f.Rule()...)
	b = append(b, ' ')
	b = append(b, f.Status.String()...)
	b = append(b, ": "...)
	return string(f.AppendMessage(b))
}

// findingJSON is the JSON form of a Finding.
type findingJSON struct {
	Rule     RuleID     `json:"rule"`
	Title    string     `json:"title"`
	Severity Severity   `json:"severity"`
	Domain   Domain     `json:"domain"`
	Citation Citation   `json:"citation"`
	Subject  string     `json:"subject"`
	Status   Status     `json:"status"`
	Due      Date       `json:"due,omitzero"`
	Done     Date       `json:"done,omitzero"`
	Closed   Date       `json:"closed,omitzero"`
	Deadline *deadJSON  `json:"deadline,omitempty"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

type deadJSON struct {
	Anchor      Date   `json:"anchor"`
	AnchorLabel string `json:"anchor_label,omitempty"`
	Count       int    `json:"count"`
	Unit        Unit   `json:"unit"`
}

// MarshalJSON implements [json.Marshaler]: the finding with its rule's ID,
// title, severity, domain and citation, its subject path, dates, deadline,
// message and evidence, rendered.
func (f Finding) MarshalJSON() ([]byte, error) {
	j := findingJSON{
		Rule: f.Rule(), Title: f.Title(), Severity: f.Severity(), Domain: f.Domain(), Citation: f.Citation(),
		Subject: f.Subject(), Status: f.Status, Due: f.Due, Done: f.Done, Message: f.Message(), Evidence: f.Evidence(),
	}
	j.Closed, _ = f.Closed()
	if d, ok := f.Deadline(); ok {
		j.Deadline = &deadJSON{Anchor: d.Anchor, AnchorLabel: d.AnchorLabel, Count: d.Count, Unit: d.Unit}
	}
	return json.Marshal(j)
}

// FormatVersion is the version of the library's JSON format, carried as
// "format_version" by the JSON of a [Report] (and, in the root package, of
// cases, standards and cohort reports).
const FormatVersion = 1

// Report is a list of findings. The zero value is an empty report, ready to
// use. Methods that return a Report return a fresh one and leave the
// receiver as it was.
type Report []Finding

// MarshalJSON implements [json.Marshaler]: an object holding the format
// version and the findings, {"format_version": 1, "findings": [...]}.
func (r Report) MarshalJSON() ([]byte, error) {
	fs := []Finding(r)
	if fs == nil {
		fs = []Finding{}
	}
	return json.Marshal(struct {
		FormatVersion int       `json:"format_version"`
		Findings      []Finding `json:"findings"`
	}{FormatVersion, fs})
}

// Sort sorts the report in place by [CompareFindings]: due date (undated
// findings first), then rule ID, then subject, then status; findings equal
// in all four keep their order (the sort is stable).
func (r Report) Sort() {
	if len(r) < 2 {
		return
	}
	sorted := make(Report, 0, len(r))
	for _, k := range r.order(make([]sortKey, 0, len(r))) {
		sorted = append(sorted, r[k&keyIndex])
	}
	copy(r, sorted)
}

// CompareFindings orders findings as a sorted [Report] holds them: by due
// date (undated first), then rule ID, then subject, then status. It
// returns -1, 0 or +1.
func CompareFindings(a, b Finding) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	if a.kind != b.kind {
		if c := cmp.Compare(a.Rule(), b.Rule()); c != 0 {
			return c
		}
		if c := cmp.Compare(a.subjectPath(), b.subjectPath()); c != 0 {
			return c
		}
	}
	if c := a.subject.compare(b.subject); c != 0 {
		return c
	}
	return cmp.Compare(a.Status, b.Status)
}

func (f Finding) subjectPath() Path {
	if f.kind == nil {
		return ""
	}
	return f.kind.Subject
}

// Sorted returns a sorted copy of the report.
func (r Report) Sorted() Report {
	out := slices.Clone(r)
	out.Sort()
	return out
}

// Filter returns the findings for which keep returns true.
func (r Report) Filter(keep func(Finding) bool) Report {
	var out Report
	for _, f := range r {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// WithStatus returns the findings whose status is one of ss.
func (r Report) WithStatus(ss ...Status) Report {
	return r.Filter(func(f Finding) bool { return slices.Contains(ss, f.Status) })
}

// AtLeast returns the findings whose severity is s or more binding.
func (r Report) AtLeast(s Severity) Report {
	return r.Filter(func(f Finding) bool { return f.Severity() >= s })
}

// ForRule returns the findings of rule id.
func (r Report) ForRule(id RuleID) Report {
	return r.Filter(func(f Finding) bool { return f.Rule() == id })
}

// Count returns how many findings have status s.
func (r Report) Count(s Status) int {
	n := 0
	for _, f := range r {
		if f.Status == s {
			n++
		}
	}
	return n
}

// Failures returns the Late, Overdue, Missed and Breach findings.
func (r Report) Failures() Report {
	return r.Filter(func(f Finding) bool { return f.Status.IsFailure() })
}

// Err returns nil when no finding is a failure ([Status.IsFailure]), and a
// [*ReportError] holding those findings otherwise. It never returns a typed
// nil.
func (r Report) Err() error {
	fails := r.Failures()
	if len(fails) == 0 {
		return nil
	}
	return &ReportError{Findings: fails}
}

// ReportError is the error form of a report's failures.
type ReportError struct {
	Findings Report
}

func (e *ReportError) Error() string {
	if len(e.Findings) == 1 {
		return "care: " + e.Findings[0].String()
	}
	return fmt.Sprintf("care: %d failures; first: %s", len(e.Findings), e.Findings[0].String())
}

// appendDays appends "1 day" or "n days".
func appendDays(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	if n == 1 || n == -1 {
		return append(b, " day"...)
	}
	return append(b, " days"...)
}

// appendCount appends "n units", singular for one: "1 week", "20 working
// days".
func appendCount(b []byte, n int, u Unit) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	name := u.String()
	if n == 1 || n == -1 {
		name = strings.TrimSuffix(name, "s")
	}
	return append(b, name...)
}
