package care

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// This file is the one place findings are made. Rules decide; an [Emitter]
// records: every rule family of the library, and any family of local
// standards an authority adds, reports through it, as go/analysis
// analyzers report through Pass.Report. The deadline-to-finding recipe
// (status from due, done and window), the in-force check and the words of
// messages live here once.

// A Path names a list of records of a case, with "[]" where an index goes:
// "visits[]", "reviews[].recommendations[]",
// "leaving_care.pathway_plans[]". A path without "[]" names one record
// ("permanence.plan"), and the empty path names the child. Paths are
// written as constants in a [Kind]; a finding holds only the indices
// ([Ref]), and its record path is rendered when it is read.
type Path string

// Ref is the position of a record in the list a [Path] names: element i
// ([At]), or element j of the list inside element i (At(i).At(j)). The zero
// Ref points at nothing.
type Ref struct {
	i, j int32 // each index plus one; 0 means none
}

// At returns the position of element i of a list; a negative i gives the
// zero Ref, so that "no record" (-1) needs no special case.
func At(i int) Ref {
	if i < 0 || i >= 1<<31-1 {
		return Ref{}
	}
	return Ref{i: int32(i + 1)}
}

// At returns the position of element j of the list inside the element r
// points at; a negative j, or a zero r, gives r unchanged.
func (r Ref) At(j int) Ref {
	if r.i == 0 || j < 0 || j >= 1<<31-1 {
		return r
	}
	r.j = int32(j + 1)
	return r
}

// IsZero reports whether r points at nothing.
func (r Ref) IsZero() bool { return r.i == 0 }

// Index returns the outer index of r, and false for the zero Ref.
func (r Ref) Index() (int, bool) { return int(r.i) - 1, r.i != 0 }

// Inner returns the inner index of r, and false if it has none.
func (r Ref) Inner() (int, bool) { return int(r.j) - 1, r.j != 0 }

func (r Ref) compare(o Ref) int {
	if r.i != o.i {
		if r.i < o.i {
			return -1
		}
		return 1
	}
	switch {
	case r.j < o.j:
		return -1
	case r.j > o.j:
		return 1
	}
	return 0
}

// ref returns the path of the record r in p, "" when r is zero and p has
// indices to fill.
func (p Path) ref(r Ref) string {
	if r.IsZero() && strings.Contains(string(p), "[]") {
		return ""
	}
	if !strings.Contains(string(p), "[]") {
		return string(p)
	}
	return string(p.appendRef(nil, r))
}

// appendRef appends the path of record r in p: each "[]" is filled with
// the next index of r. The empty path is "child".
func (p Path) appendRef(b []byte, r Ref) []byte {
	if p == "" {
		return append(b, "child"...)
	}
	s := string(p)
	idx := [2]int32{r.i, r.j}
	for n := 0; ; n++ {
		k := strings.Index(s, "[]")
		if k < 0 || n == 2 || idx[n] == 0 {
			if k >= 0 {
				s = strings.ReplaceAll(s, "[]", "")
			}
			return append(b, s...)
		}
		b = append(b, s[:k]...)
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(idx[n]-1), 10)
		b = append(b, ']')
		s = s[k+2:]
	}
}

// Problems is the set of problems a check found, one bit for each entry of
// its kind's Problems list: bit 0 for the first. The zero value is no
// problem.
type Problems uint32

// Problem returns the set holding only problem i of a kind's list.
func Problem(i int) Problems { return 1 << uint(i) }

// Has reports whether p holds problem i.
func (p Problems) Has(i int) bool { return p&(1<<uint(i)) != 0 }

// A Kind describes one kind of finding a rule makes: the obligation it
// measures, the records its subject and evidence point into, and the words
// its messages are made of. A rule family declares its kinds once, as
// package-level values beside its rules; findings refer to them, so a
// finding holds only numbers and dates and its text is rendered when it is
// read. A Kind must not be changed once findings refer to it.
//
// Labels are written to read inside the standard messages: What is a noun
// phrase that reads after "no" ("visit", "initial health assessment");
// Anchor reads after "after" ("the last visit", "the start of the
// placement"); each closure reads after "when" ("the placement ended").
type Kind struct {
	// Rule is the rule the findings belong to: their ID, title, citation,
	// severity and domain.
	Rule *Rule
	// What names the obligation.
	What string
	// Subject is the list the finding's subject is an element of; the empty
	// Path means the child.
	Subject Path
	// Anchor labels the date a timescale runs from, and AnchorAt is the
	// list of the record it came from, if any. For a check, Anchor labels
	// the dated record checked ("visit"). Anchors are further labels an
	// obligation can choose instead ([Obligation].AnchorAs).
	Anchor   string
	Anchors  []string
	AnchorAt Path
	// Done labels the record that met the obligation (What if empty), and
	// DoneAt is its list. Dones are further labels an obligation can
	// choose instead ([Obligation].DoneAs).
	Done   string
	Dones  []string
	DoneAt Path
	// Extra labels one further dated fact the findings carry ("next review
	// due"), and ExtraAt is the list of its record.
	Extra   string
	ExtraAt Path
	// Closures name what can close the window of an obligation of this
	// kind, [Obligation].ClosedBy choosing one; the first is the default.
	Closures []string
	// Problems name the problems a check of this kind can find, in bit
	// order ([Problems]).
	Problems []string
	// Met describes a check that found nothing wrong ("child seen alone,
	// views and purpose recorded"); "met" if empty.
	Met string
	// Message, if set, renders the message of a finding of this kind in
	// place of the standard wording, appending it to b. It must use only
	// the finding (its dates, count, quantity and problems).
	Message func(b []byte, f Finding) []byte
}

// anchor returns the anchor label chosen by i: Anchor for 0, Anchors[i-1]
// after.
func (k *Kind) anchor(i uint8) string {
	if i > 0 && int(i) <= len(k.Anchors) {
		return k.Anchors[i-1]
	}
	return k.Anchor
}

// done returns the done label chosen by i, as anchor does.
func (k *Kind) done(i uint8) string {
	if i > 0 && int(i) <= len(k.Dones) {
		return k.Dones[i-1]
	}
	if k.Done == "" {
		return k.What
	}
	return k.Done
}

func (k *Kind) closure(i uint8) string {
	if int(i) < len(k.Closures) {
		return k.Closures[i]
	}
	return "the window closed"
}

// Obligation is one obligation as a rule has worked it out, for
// [Emitter.Deadline] and [Emitter.Check] to record. Refs point into the
// lists the finding's [Kind] names; zero fields are simply absent.
type Obligation struct {
	// Subject is the record the finding is about.
	Subject Ref
	// Due is the date the obligation falls due; Anchor, Count and Unit say
	// how it was computed (Count Units after Anchor), and AnchorAt points
	// at the record Anchor came from. For a check, Anchor is the date of
	// the record checked.
	Due      Date
	Anchor   Date
	AnchorAt Ref
	Count    int
	Unit     Unit
	// AnchorAs and DoneAs choose the labels of the anchor and of the record
	// that met the obligation: 0 for the kind's Anchor and Done, i for its
	// Anchors[i-1] and Dones[i-1].
	AnchorAs int
	DoneAs   int
	// DueClock and DoneClock are the times of day it falls due and was
	// done, for a timescale counted in hours: done on its due date after
	// its due time, it is Late. Zero where a timescale has no times.
	DueClock  Clock
	DoneClock Clock
	// Done is the date the obligation was met, zero if it was not; DoneAt
	// points at the record that met it. A date after the assessment date
	// counts as not done.
	Done   Date
	DoneAt Ref
	// Closes is the first day on which the obligation can no longer be
	// met, if its window has an end (the day the placement ended, the day
	// the next review was held); ClosedBy chooses the kind's closure that
	// says why. Zero means the window does not close.
	Closes   Date
	ClosedBy int
	// Extra and ExtraAt are the further dated fact the kind's Extra labels.
	Extra   Date
	ExtraAt Ref
	// Quantity is a number the kind's message reads, and Limit the limit
	// it is measured against, where there is one (miles from home and the
	// most allowed; children on a caseload and the maximum).
	Quantity int
	Limit    int
}

// Emitter records the findings of one assessment, as of one date. Rule
// code calls [Emitter.Deadline] for a timescale and [Emitter.Check] for a
// rule about content or quality; the emitter decides the status, leaves
// out what a rule not yet in force or an obligation never owed would give,
// and keeps the findings in the order they were made until
// [Emitter.Report] returns them sorted.
//
// An Emitter can be reused for one assessment after another
// ([Emitter.Reset]), which keeps its memory: a cohort run gathers every
// child's findings in the same buffer. It is not safe for concurrent use.
type Emitter struct {
	asOf    Date
	cov     Coverage
	rep     Report
	keys    []sortKey // sort scratch, kept for the next report
	scratch []any     // see Scratch
}

// NewEmitter returns an emitter for an assessment as of asOf.
func NewEmitter(asOf Date) *Emitter { return &Emitter{asOf: asOf} }

// Reset empties the emitter, keeping its memory, for an assessment as of
// asOf. Findings returned by [Emitter.Findings] before are overwritten.
func (e *Emitter) Reset(asOf Date) {
	e.asOf = asOf
	e.cov = Coverage{}
	e.rep = e.rep[:0]
}

// Cover limits the findings to what data of coverage c can support, until
// the next [Emitter.Reset]: no finding is made for a rule that reads a
// record family c does not carry ([Coverage.Supports]), nor for a
// timescale obligation due outside c's dates ([Emitter.Deadline]). Those
// are not assessed, rather than reported overdue for records the data
// never held. A check ([Emitter.Check]) judges the records there are,
// whatever their dates: a measure such as a child's time with the same
// carer reads the episodes, which go back before the data's first day.
func (e *Emitter) Cover(c Coverage) { e.cov = c }

// Coverage returns the coverage set by [Emitter.Cover].
func (e *Emitter) Coverage() Coverage { return e.cov }

// AsOf returns the assessment date.
func (e *Emitter) AsOf() Date { return e.asOf }

// Len returns the number of findings recorded so far.
func (e *Emitter) Len() int { return len(e.rep) }

// Truncate drops the findings recorded after the first n, as a rule family
// that fails part way does, so that its caller sees none of them.
func (e *Emitter) Truncate(n int) {
	if n >= 0 && n < len(e.rep) {
		e.rep = e.rep[:n]
	}
}

// Findings returns the findings recorded so far, in the order they were
// made. The slice shares the emitter's memory: it is valid until the next
// call that records, resets or truncates.
func (e *Emitter) Findings() Report { return e.rep }

// Grow makes room for n more findings, so that an assessment whose size
// the caller can estimate records them without growing the buffer.
func (e *Emitter) Grow(n int) { e.rep = slices.Grow(e.rep, n) }

// Report returns the findings recorded so far, sorted ([Report.Sort]), in
// a new slice of exactly their number.
func (e *Emitter) Report() Report {
	out := make(Report, 0, len(e.rep))
	e.keys = e.rep.order(e.keys[:0])
	for _, k := range e.keys {
		out = append(out, e.rep[k&keyIndex])
	}
	return out
}

// A report is sorted through keys of one integer each: the due date in the
// high half and the finding's index in the low half. Integers sort fast and
// move cheaply; findings that share a due date are then ordered by
// [CompareFindings], the index breaking the last tie so that the order is
// the stable one, and each finding is placed once. Sorting the 88-byte
// findings themselves moves each many times over, with a pointer the
// garbage collector must see written every time: BenchmarkReportSort
// measures about 50 µs for 200 findings that way and 10 to 13 µs this way,
// most of it the new report's memory. (Ranking the rule IDs into the key as
// well, so that fewer ties need the comparison, measured no faster.)
type sortKey = uint64

// keyIndex masks a sort key to the finding's index.
const keyIndex = 1<<32 - 1

// order appends to keys, and returns, the sort keys of r in the order
// [Report.Sort] puts the findings.
func (r Report) order(keys []sortKey) []sortKey {
	for i := range r {
		due := uint32(r[i].Due.n) ^ 1<<31 // signed order as unsigned
		keys = append(keys, uint64(due)<<32|uint64(i))
	}
	slices.Sort(keys)
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]>>32 == keys[lo]>>32 {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], func(a, b sortKey) int {
				if c := CompareFindings(r[a&keyIndex], r[b&keyIndex]); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
		}
		lo = hi
	}
	return keys
}

// Scratch returns working memory of type T that e keeps for the rule
// families assessing with it. A family that needs slices for its working
// (review sequences, schedules, a supervision clock's events) keeps them in
// a T of its own and asks e for it, so that a cohort run, which reuses one
// emitter from child to child, reuses that memory too rather than
// allocating it for every child (BenchmarkAssessCohort: about 2 KB a child
// less). The T is zero the first time; after that it is as the family last
// left it, across [Emitter.Reset], so the family truncates what it reuses.
// An emitter keeps one T of each type; nothing in it may be referenced by a
// finding.
func Scratch[T any](e *Emitter) *T {
	for _, s := range e.scratch {
		if p, ok := s.(*T); ok {
			return p
		}
	}
	p := new(T)
	e.scratch = append(e.scratch, p)
	return p
}

// Deadline records the finding of a timescale obligation of kind k:
//
//   - Met if it was done on or before o.Due, Late if after (a done date
//     after the assessment date counts as not done; on the due date, after
//     o.DueClock where both times are given);
//   - otherwise, if its window closed on or before the assessment date
//     (o.Closes), Missed when it fell due while the window was open
//     (o.Due before o.Closes), and no finding at all when the window
//     closed first, since nothing was ever owed;
//   - otherwise Overdue once the assessment date is after o.Due, and
//     Upcoming until then (an obligation due today is not yet overdue).
//
// No finding is made where the rule was not in force on o.Anchor (on o.Due
// when there is no anchor): the obligation arose under earlier law; nor
// where the data's coverage cannot support it ([Emitter.Cover]).
func (e *Emitter) Deadline(k *Kind, o Obligation) {
	on := o.Anchor
	if on.IsZero() {
		on = o.Due
	}
	if !inForce(k.Rule.InForce, on) || !e.cov.Supports(k.Rule) || !e.cov.Covers(o.Due) {
		return
	}
	st, owed := evaluate(o.Due, o.Done, o.Closes, e.asOf)
	if st == Met && o.Done.Equal(o.Due) && !o.DueClock.IsZero() && !o.DoneClock.IsZero() &&
		o.DoneClock.Minutes() > o.DueClock.Minutes() {
		st = Late // on the due day, after the due time
	}
	if !owed {
		return // the window closed before anything fell due
	}
	done := o.Done
	if st != Met && st != Late {
		done = Date{}
	}
	f := e.finding(k, st, &o)
	f.Due = o.Due
	if done.IsZero() {
		f.doneAt = Ref{}
	} else {
		f.Done = done
	}
	if st == Missed {
		f.closed, f.closedBy = o.Closes, uint8(o.ClosedBy)
	}
	f.count, f.unit = int32(o.Count), o.Unit
	if f.unit == UnitUnknown {
		f.unit = Days
	}
	e.rep = append(e.rep, f)
}

// Check records the finding of a rule that is not a timescale: Met when
// problems is empty (with o.Done as the date it was met, if given), and a
// Breach holding the problems otherwise. No finding is made where the rule
// was not in force on o.Anchor (on the assessment date when there is no
// anchor), nor where the data's coverage does not carry the rule's record
// families ([Emitter.Cover]).
func (e *Emitter) Check(k *Kind, o Obligation, problems Problems) {
	on := o.Anchor
	if on.IsZero() {
		on = e.asOf
	}
	if !inForce(k.Rule.InForce, on) || !e.cov.Supports(k.Rule) {
		return
	}
	st := Met
	if problems != 0 {
		st = Breach
	}
	f := e.finding(k, st, &o)
	f.problems = problems
	if st == Met && !o.Done.After(e.asOf) {
		f.Done = o.Done
	} else {
		f.doneAt = Ref{}
	}
	e.rep = append(e.rep, f)
}

// evaluate is the status of an obligation due on due, done on done (zero
// if not), whose window closes on closes (zero if never), as of asOf; see
// [Emitter.Deadline]. It reports false when the window closed before the
// obligation fell due, so that nothing was owed.
func evaluate(due, done, closes, asOf Date) (Status, bool) {
	if done.After(asOf) {
		done = Date{}
	}
	switch {
	case !done.IsZero() && done.After(due):
		return Late, true
	case !done.IsZero():
		return Met, true
	case !closes.IsZero() && !closes.After(asOf):
		return Missed, due.Before(closes)
	case asOf.After(due):
		return Overdue, true
	}
	return Upcoming, true
}

// finding starts a finding of kind k with the obligation's references.
func (e *Emitter) finding(k *Kind, st Status, o *Obligation) Finding {
	return Finding{kind: k, Status: st, subject: o.Subject, anchor: o.Anchor, anchorAt: o.AnchorAt,
		anchorAs: uint8(o.AnchorAs), doneAs: uint8(o.DoneAs),
		doneAt: o.DoneAt, extra: o.Extra, extraAt: o.ExtraAt, quantity: int32(o.Quantity), limit: int32(o.Limit)}
}

// appendMessage renders the standard message of a finding of kind k.
func (k *Kind) appendMessage(b []byte, f Finding) []byte {
	if f.unit == UnitUnknown {
		return k.appendCheck(b, f)
	}
	switch f.Status {
	case Met:
		b = k.appendWhatOn(b, f.Done)
		b = append(b, ", on time; due "...)
	case Late:
		b = k.appendWhatOn(b, f.Done)
		b = append(b, ", "...)
		b = appendDays(b, f.Done.DaysSince(f.Due))
		b = append(b, " late; due "...)
	case Overdue:
		b = append(b, "no "...)
		b = append(b, k.What...)
		b = append(b, " yet; due "...)
	case Missed:
		b = append(b, "no "...)
		b = append(b, k.What...)
		b = append(b, " by "...)
		b = f.Due.AppendFormat(b)
		b = append(b, " ("...)
		b = f.appendTimescale(b)
		b = append(b, "); closed when "...)
		b = append(b, k.closure(f.closedBy)...)
		b = append(b, " on "...)
		return f.closed.AppendFormat(b)
	default:
		b = append(b, k.What...)
		b = append(b, " due "...)
	}
	b = f.Due.AppendFormat(b)
	b = append(b, ", "...)
	return f.appendTimescale(b)
}

// appendWhatOn appends "what on date".
func (k *Kind) appendWhatOn(b []byte, d Date) []byte {
	b = append(b, k.What...)
	b = append(b, " on "...)
	return d.AppendFormat(b)
}

// appendTimescale appends how the due date was computed: "42 days after the
// last visit on 12 September 2026", or "no later than the first review on
// …" for a count of zero.
func (f Finding) appendTimescale(b []byte) []byte {
	if f.count == 0 {
		b = append(b, "no later than "...)
	} else {
		b = appendCount(b, int(f.count), f.unit)
		b = append(b, " after "...)
	}
	if l := f.kind.anchor(f.anchorAs); l != "" {
		b = append(b, l...)
		b = append(b, " on "...)
	}
	return f.anchor.AppendFormat(b)
}

// appendCheck renders a check: "visit on 3 March 2025: child not seen
// alone; views not recorded".
func (k *Kind) appendCheck(b []byte, f Finding) []byte {
	if l := k.anchor(f.anchorAs); l != "" && !f.anchor.IsZero() {
		b = append(b, l...)
		b = append(b, " on "...)
		b = f.anchor.AppendFormat(b)
	} else {
		b = append(b, k.What...)
	}
	b = append(b, ": "...)
	if f.Status != Breach {
		if k.Met == "" {
			return append(b, "met"...)
		}
		return append(b, k.Met...)
	}
	n := 0
	for i, p := range k.Problems {
		if f.problems.Has(i) {
			if n > 0 {
				b = append(b, "; "...)
			}
			b = append(b, p...)
			n++
		}
	}
	if n == 0 {
		b = append(b, "not met"...)
	}
	return b
}
