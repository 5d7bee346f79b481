package supervision

import (
	"slices"

	"github.com/lookedafter/practice/care"
)

// Dataset is an authority's supervision records: its workers, every
// supervision session, the management directions and the allocation history
// of children's cases. The authority-level calculators ([Gaps],
// [OversightRates], [Caseloads], [CaseloadSeries]) read a Dataset; one
// child's part of it is a [CaseRecord] ([Dataset.CaseRecord]).
//
// Index paths in findings and errors ("workers[2]", "sessions[3].cases[0]",
// "allocations[12]") refer to the slices as given; nothing needs to be
// sorted.
type Dataset struct {
	// Since is the first day the records cover, when they are an extract
	// that does not go back to every worker's start in post: SUP-01
	// intervals then start no earlier than Since ("start of records"), and
	// sessions before it are ignored. Zero means the records are complete.
	Since       care.Date    `json:"since,omitzero"`
	Workers     []Worker     `json:"workers"`
	Sessions    []Session    `json:"sessions"`
	Directions  []Direction  `json:"directions,omitempty"`
	Allocations []Allocation `json:"allocations"`
}

// Validate checks the whole dataset and reports every problem as a
// [care.ValidationErrors] with paths such as "sessions[3].worker": missing
// or duplicate IDs; sessions and allocations naming unknown workers, or
// dated before the worker started or after they left; a child's overlapping
// allocations; directions dated out of order; case notes naming unknown
// directions or directions about another child; strings longer than their
// limits or not valid UTF-8 (IDs [care.MaxIDBytes], team, office and owner
// names [care.MaxNameBytes], free text [care.MaxTextBytes]). Errors quote
// at most a short prefix of an ID, team or office ([care.Excerpt]), never
// an owner or free text. Missing owners and due dates of directions are
// findings (SUP-04), not errors.
func (d Dataset) Validate() error {
	var errs care.ValidationErrors
	workers := make(map[string]int, len(d.Workers))
	for i, w := range d.Workers {
		p := at("workers", i)
		w.validate(&errs, p)
		if w.ID == "" {
			continue
		}
		if j, dup := workers[w.ID]; dup {
			errs.Addf(p.field("id"), "duplicate worker %s (also %s)", care.Excerpt(w.ID), care.Index("workers", j))
			continue
		}
		workers[w.ID] = i
	}
	dirs := make(map[string]string, len(d.Directions))
	for i, dr := range d.Directions {
		p := at("directions", i)
		dr.validate(&errs, p, "", true)
		if dr.ID == "" {
			continue
		}
		if _, dup := dirs[dr.ID]; dup {
			errs.Addf(p.field("id"), "duplicate direction %s", care.Excerpt(dr.ID))
			continue
		}
		dirs[dr.ID] = dr.Child
	}
	for i, s := range d.Sessions {
		p := at("sessions", i)
		validateSessionFields(&errs, p, s.Date, s.Supervisor, s.Worker, s.Kind)
		d.checkInPost(&errs, p, workers, s.Worker, s.Date, s.Date)
		for j, n := range s.Cases {
			n.validate(&errs, p.in("cases", j), "", true, dirIndex{m: dirs})
			for k := range j {
				if s.Cases[k].Child == n.Child && n.Child != "" {
					errs.Addf(p.in("cases", j).field("child"), "child %s discussed twice in one session", care.Excerpt(n.Child))
					break
				}
			}
		}
	}
	byChild := make(map[string][]int)
	for i, a := range d.Allocations {
		p := at("allocations", i)
		a.validate(&errs, p, "", true)
		last := a.To
		if !last.IsZero() {
			last = last.AddDays(-1)
		}
		d.checkInPost(&errs, p, workers, a.Worker, a.From, last)
		if a.Child != "" {
			byChild[a.Child] = append(byChild[a.Child], i)
		}
	}
	children := make([]string, 0, len(byChild))
	for c := range byChild {
		children = append(children, c)
	}
	slices.Sort(children)
	for _, c := range children {
		checkOverlaps(&errs, "allocations", d.Allocations, byChild[c])
	}
	return errs.Err()
}

// checkInPost reports, at the record's "worker" field, an unknown worker, or a span [first, last] (last zero
// for ongoing) that is not within the worker's time in post.
func (d Dataset) checkInPost(errs *care.ValidationErrors, path loc, workers map[string]int, id string, first, last care.Date) {
	if id == "" {
		return
	}
	i, ok := workers[id]
	if !ok {
		errs.Addf(path.field("worker"), "unknown worker %s", care.Excerpt(id))
		return
	}
	w := d.Workers[i]
	if !first.IsZero() && first.Before(w.Start) {
		errs.Addf(path.field("worker"), "%v is before worker %s started on %v", first, care.Excerpt(id), w.Start)
	}
	if w.End.IsZero() {
		return
	}
	switch {
	case last.IsZero() && !first.IsZero():
		errs.Addf(path.field("worker"), "ongoing, but worker %s left on %v", care.Excerpt(id), w.End)
	case !last.IsZero() && !last.Before(w.End):
		errs.Addf(path.field("worker"), "%v is after worker %s left on %v", last, care.Excerpt(id), w.End)
	}
}

// CaseRecord returns the child's part of the dataset: the allocations and
// directions about the child, and each case note about the child as a
// [Discussion], in the order of the dataset. The slices are fresh; the
// record shares no memory with d.
//
// See also [Dataset.CaseRecords], which splits every child in one pass, and
// [Join], which puts case records back together.
func (d Dataset) CaseRecord(childID string) CaseRecord {
	var r CaseRecord
	for _, a := range d.Allocations {
		if a.Child == childID {
			r.Allocations = append(r.Allocations, a)
		}
	}
	for _, s := range d.Sessions {
		for _, n := range s.Cases {
			if n.Child == childID {
				r.Discussions = append(r.Discussions, s.discussion(n))
			}
		}
	}
	for _, dr := range d.Directions {
		if dr.Child == childID {
			r.Directions = append(r.Directions, dr)
		}
	}
	return r
}

// CaseRecords splits the dataset into one [CaseRecord] per child named in an
// allocation, case note or direction, as [Dataset.CaseRecord] would for
// each, in one pass.
func (d Dataset) CaseRecords() map[string]CaseRecord {
	out := make(map[string]CaseRecord)
	for _, a := range d.Allocations {
		r := out[a.Child]
		r.Allocations = append(r.Allocations, a)
		out[a.Child] = r
	}
	for _, s := range d.Sessions {
		for _, n := range s.Cases {
			r := out[n.Child]
			r.Discussions = append(r.Discussions, s.discussion(n))
			out[n.Child] = r
		}
	}
	for _, dr := range d.Directions {
		r := out[dr.Child]
		r.Directions = append(r.Directions, dr)
		out[dr.Child] = r
	}
	return out
}

func (s Session) discussion(n CaseNote) Discussion {
	n.Directions = slices.Clone(n.Directions)
	return Discussion{Date: s.Date, Supervisor: s.Supervisor, Worker: s.Worker, Kind: s.Kind, CaseNote: n}
}

// Join builds a dataset from an authority-level base (workers, sessions
// with or without case notes, and any allocations and directions) and
// per-child case records keyed by child ID: the inverse of
// [Dataset.CaseRecords]. Each case record's allocations and directions are
// appended with Child set to the key; each discussion becomes a case note in
// the base session with the same date, worker, supervisor and kind, or in a
// new session when there is none. Children are taken in ID order and the
// sessions are sorted stably by date, so the result is deterministic.
// Neither base nor cases is modified.
func Join(base Dataset, cases map[string]CaseRecord) Dataset {
	out := Dataset{
		Since:       base.Since,
		Workers:     slices.Clone(base.Workers),
		Sessions:    make([]Session, len(base.Sessions)),
		Directions:  slices.Clone(base.Directions),
		Allocations: slices.Clone(base.Allocations),
	}
	type key struct {
		date               care.Date
		worker, supervisor string
		kind               SessionKind
	}
	at := make(map[key]int, len(base.Sessions))
	for i, s := range base.Sessions {
		s.Cases = slices.Clone(s.Cases)
		out.Sessions[i] = s
		k := key{s.Date, s.Worker, s.Supervisor, s.Kind}
		if _, ok := at[k]; !ok {
			at[k] = i
		}
	}
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		r := cases[id]
		for _, a := range r.Allocations {
			a.Child = id
			out.Allocations = append(out.Allocations, a)
		}
		for _, dr := range r.Directions {
			dr.Child = id
			out.Directions = append(out.Directions, dr)
		}
		for _, dn := range r.Discussions {
			n := dn.CaseNote
			n.Child = id
			n.Directions = slices.Clone(n.Directions)
			k := key{dn.Date, dn.Worker, dn.Supervisor, dn.Kind}
			i, ok := at[k]
			if !ok {
				i = len(out.Sessions)
				at[k] = i
				out.Sessions = append(out.Sessions, Session{Date: dn.Date, Supervisor: dn.Supervisor, Worker: dn.Worker, Kind: dn.Kind})
			}
			out.Sessions[i].Cases = append(out.Sessions[i].Cases, n)
		}
	}
	slices.SortStableFunc(out.Sessions, func(a, b Session) int { return a.Date.Compare(b.Date) })
	return out
}
