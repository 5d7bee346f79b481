package care

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Status is the outcome of a rule for one obligation.
type Status uint8

const (
	StatusUnknown Status = iota
	// Met: done on or before the due date.
	Met
	// Late: done, but after the due date.
	Late
	// Overdue: not done, and the due date has passed as of the assessment date.
	Overdue
	// Upcoming: not done and not yet due; the finding carries the due date,
	// so a worklist falls out of the same call.
	Upcoming
	// Breach: a rule that is not a timescale (content, quality, a threshold)
	// is not satisfied; the evidence says why.
	Breach
)

var statusNames = [...]string{"unknown", "met", "late", "overdue", "upcoming", "breach"}

// String returns "met", "late", "overdue", "upcoming" or "breach".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("%%!Status(%d)", uint8(s))
}

// IsFailure reports whether s records a failure: Late, Overdue or Breach.
func (s Status) IsFailure() bool { return s == Late || s == Overdue || s == Breach }

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

// Evidence is one dated fact a finding was computed from, such as
// "last visit 2025-03-03" or "placement started 2025-01-06".
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
type Finding struct {
	Rule     RuleID   `json:"rule"`
	Citation Citation `json:"citation"`
	Severity Severity `json:"severity"`
	Domain   Domain   `json:"domain"`
	// Subject names what the finding is about: the child, or a record of
	// the child's ("placement 2025-01-06", "reviews[2]").
	Subject string `json:"subject"`
	Status  Status `json:"status"`
	// Due is the due date (zero for a Breach that has none); Done is the
	// date the obligation was met, zero if it was not.
	Due  Date `json:"due,omitzero"`
	Done Date `json:"done,omitzero"`
	// Deadline explains Due: the anchor date, count and unit it came from.
	// It is zero for findings that are not timescales.
	Deadline Deadline   `json:"deadline,omitzero"`
	Message  string     `json:"message"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// NewFinding starts a finding for rule r: rule ID, citation, severity and
// domain are copied from it.
func NewFinding(r Rule, subject string, status Status) Finding {
	return Finding{Rule: r.ID, Citation: r.Citation, Severity: r.Severity, Domain: r.Domain, Subject: subject, Status: status}
}

// DaysLate returns how many days after Due the obligation was met (Late) or
// how many days it has been outstanding as of asOf (Overdue); otherwise 0.
func (f Finding) DaysLate(asOf Date) int {
	switch f.Status {
	case Late:
		return f.Done.DaysSince(f.Due)
	case Overdue:
		return max(asOf.DaysSince(f.Due), 0)
	}
	return 0
}

// String returns a one-line summary: "REV-01 overdue: … (due 2025-02-03)".
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(string(f.Rule))
	b.WriteByte(' ')
	b.WriteString(f.Status.String())
	b.WriteString(": ")
	b.WriteString(f.Message)
	if !f.Due.IsZero() {
		b.WriteString(" (due ")
		b.WriteString(f.Due.String())
		if !f.Done.IsZero() {
			b.WriteString(", done ")
			b.WriteString(f.Done.String())
		}
		b.WriteByte(')')
	}
	return b.String()
}

// Clone returns a copy of f that shares no memory with it.
func (f Finding) Clone() Finding {
	f.Evidence = slices.Clone(f.Evidence)
	return f
}

// Report is a list of findings. The zero value is an empty report, ready to
// use. Methods that return a Report return a fresh one and leave the
// receiver as it was.
type Report []Finding

// Add appends findings to the report.
func (r *Report) Add(fs ...Finding) { *r = append(*r, fs...) }

// Sort sorts the report in place by [CompareFindings]: due date (undated
// findings first), then rule ID, then subject, then status; findings equal
// in all four keep their order (the sort is stable).
func (r Report) Sort() {
	if r.isSorted() {
		return
	}
	if len(r) > smallSort {
		sc := bigSortPool.Get().(*bigSort)
		sc.perm = r.order(sc.perm[:0])
		r.permute(sc.perm)
		bigSortPool.Put(sc)
		return
	}
	var buf [smallSort]int32
	r.permute(r.order(buf[:0]))
}

// AppendSorted appends the findings of r to dst in the order [Report.Sort]
// would put them, leaving r as it was, and returns the extended report. It
// costs about what Sort costs, and a caller that gathers findings in a
// scratch report can use it to build the sorted report in memory of exactly
// the right size.
func (r Report) AppendSorted(dst Report) Report {
	dst = slices.Grow(dst, len(r))
	if r.isSorted() {
		return append(dst, r...)
	}
	if len(r) > smallSort {
		sc := bigSortPool.Get().(*bigSort)
		sc.perm = r.order(sc.perm[:0])
		for _, i := range sc.perm {
			dst = append(dst, r[i])
		}
		bigSortPool.Put(sc)
		return dst
	}
	var buf [smallSort]int32
	for _, i := range r.order(buf[:0]) {
		dst = append(dst, r[i])
	}
	return dst
}

// order appends to perm, and returns, the permutation that sorts r: the
// sorted report's k'th finding is r[perm[k]].
func (r Report) order(perm []int32) []int32 {
	if len(r) >= 1<<24 {
		return r.orderKeys(perm)
	}
	var ok bool
	if len(r) <= smallSort {
		var ofBuf [smallSort]uint8
		var keyBuf [smallSort]uint64
		perm, ok = r.orderPacked(perm, ofBuf[:0], keyBuf[:0])
	} else {
		sc := bigSortPool.Get().(*bigSort)
		sc.of, sc.keys = slices.Grow(sc.of[:0], len(r)), slices.Grow(sc.keys[:0], len(r))
		perm, ok = r.orderPacked(perm, sc.of, sc.keys)
		bigSortPool.Put(sc)
	}
	if !ok {
		return r.orderKeys(perm)
	}
	return perm
}

// smallSort is the longest report sorted with scratch on the stack; longer
// ones borrow it from bigSortPool.
const smallSort = 512

// orderPacked orders the report by packing each finding's due date, the
// rank of its rule ID among the report's rule IDs, and its index into one
// uint64, so the sort compares integers; findings with the same due date
// and rule are then ordered by the full comparison, index last. It returns
// false when the report has more than 256 distinct rule IDs.
//
// of and keys are empty scratch slices with room for len(r) items.
func (r Report) orderPacked(perm []int32, of []uint8, keys []uint64) ([]int32, bool) {
	// Distinct rule IDs, found by comparing with the previous finding's
	// (findings often come in runs of one rule) and then through a small
	// open-addressed table keyed by the ID's first eight bytes.
	var idsBuf [64]RuleID
	ids := idsBuf[:0]
	var table idTable
	minDue := r[0].Due.n
	for i := range r {
		id := r[i].Rule
		minDue = min(minDue, r[i].Due.n)
		if i > 0 && id == r[i-1].Rule {
			of = append(of, of[i-1])
			continue
		}
		k, ok := table.find(id, ids)
		if !ok {
			if len(ids) == 256 {
				return perm, false
			}
			k = len(ids)
			ids = append(ids, id)
			table.insert(id, k)
		}
		of = append(of, uint8(k))
	}
	// rank[k] is the position of ids[k] in ID order.
	var order [256]uint8
	var rank [256]uint64
	for k := range ids {
		order[k] = uint8(k)
	}
	slices.SortFunc(order[:len(ids)], func(a, b uint8) int { return cmp.Compare(ids[a], ids[b]) })
	for pos, k := range order[:len(ids)] {
		rank[k] = uint64(pos)
	}
	const index = 1<<24 - 1 // the index bits of a key
	for i := range r {
		due := uint64(uint32(r[i].Due.n - minDue))
		keys = append(keys, due<<32|rank[of[i]]<<24|uint64(i))
	}
	slices.Sort(keys)
	// Runs with the same due date and rule are ordered by the rest of the
	// comparison (subject, then status), and then by index, which keeps
	// the sort stable.
	tie := func(a, b uint64) int {
		fa, fb := &r[a&index], &r[b&index]
		if c := cmp.Compare(fa.Subject, fb.Subject); c != 0 {
			return c
		}
		if c := cmp.Compare(fa.Status, fb.Status); c != 0 {
			return c
		}
		return cmp.Compare(a&index, b&index)
	}
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]>>24 == keys[lo]>>24 {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], tie)
		}
		lo = hi
	}
	for _, key := range keys {
		perm = append(perm, int32(key&index))
	}
	return perm, true
}

// orderKeys is the general order: small keys (due date, the rule ID's
// first eight bytes, index) sorted with the full comparison as the
// tie-break.
func (r Report) orderKeys(perm []int32) []int32 {
	var buf [512]sortKey
	keys := buf[:0]
	if len(r) > len(buf) {
		keys = make([]sortKey, 0, len(r))
	}
	for i := range r {
		keys = append(keys, sortKey{due: r[i].Due.n, rule: rulePrefix(r[i].Rule), i: int32(i)})
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		if a.rule != b.rule {
			return cmp.Compare(a.rule, b.rule)
		}
		if c := CompareFindings(&r[a.i], &r[b.i]); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	for k := range keys {
		perm = append(perm, keys[k].i)
	}
	return perm
}

// permute moves each finding once so that position k receives the finding
// at perm[k]; it overwrites perm.
func (r Report) permute(perm []int32) {
	// -1 marks a position already filled.
	for k := range perm {
		if perm[k] < 0 || int(perm[k]) == k {
			continue
		}
		tmp := r[k]
		j := k
		for {
			next := int(perm[j])
			perm[j] = -1
			if next == k {
				r[j] = tmp
				break
			}
			r[j] = r[next]
			j = next
		}
	}
}

// bigSort is the scratch space of sorting reports of more than 512
// findings, which do not fit the stack buffers; it holds only integers.
type bigSort struct {
	of   []uint8
	keys []uint64
	perm []int32
}

var bigSortPool = sync.Pool{New: func() any { return new(bigSort) }}

// idTable maps up to 256 rule IDs to small indices: open addressing on the
// first eight bytes of the ID, comparing whole IDs only when those match.
type idTable struct {
	prefix [512]uint64
	slot   [512]uint16 // index+1; 0 marks an empty slot
}

func idSlot(p uint64) int {
	return int((p * 0x9E3779B97F4A7C15) >> (64 - 9))
}

// find returns the index of id, whose IDs so far are ids.
func (t *idTable) find(id RuleID, ids []RuleID) (int, bool) {
	p := rulePrefix(id)
	for h := idSlot(p); t.slot[h] != 0; h = (h + 1) & 511 {
		if t.prefix[h] == p {
			if k := int(t.slot[h] - 1); ids[k] == id {
				return k, true
			}
		}
	}
	return 0, false
}

// insert records that id has index k; id is not in the table.
func (t *idTable) insert(id RuleID, k int) {
	p := rulePrefix(id)
	h := idSlot(p)
	for t.slot[h] != 0 {
		h = (h + 1) & 511
	}
	t.prefix[h], t.slot[h] = p, uint16(k+1)
}

// sortKey is what Sort orders findings by before it needs the findings.
type sortKey struct {
	due  int32
	i    int32
	rule uint64
}

// rulePrefix packs the first eight bytes of a rule ID big-endian, so that
// comparing prefixes orders IDs as comparing the strings does, wherever
// their first eight bytes differ.
func rulePrefix(id RuleID) uint64 {
	var p uint64
	for k := 0; k < 8; k++ {
		p <<= 8
		if k < len(id) {
			p |= uint64(id[k])
		}
	}
	return p
}

func (r Report) isSorted() bool {
	for i := 1; i < len(r); i++ {
		if CompareFindings(&r[i-1], &r[i]) > 0 {
			return false
		}
	}
	return true
}

// CompareFindings orders findings as a sorted [Report] holds them: by due
// date (undated first), then rule ID, then subject, then status. It
// returns -1, 0 or +1.
func CompareFindings(a, b *Finding) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
		return c
	}
	return cmp.Compare(a.Status, b.Status)
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
	return r.Filter(func(f Finding) bool { return f.Severity >= s })
}

// ForRule returns the findings of rule id.
func (r Report) ForRule(id RuleID) Report {
	return r.Filter(func(f Finding) bool { return f.Rule == id })
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

// Failures returns the Late, Overdue and Breach findings.
func (r Report) Failures() Report {
	return r.Filter(func(f Finding) bool { return f.Status.IsFailure() })
}

// Err returns nil when no finding is Late, Overdue or a Breach, and a
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
