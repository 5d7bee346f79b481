package practice

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// DriftPolicy is the local definition of drift (rule DRIFT-01). The zero
// value means the defaults.
type DriftPolicy struct {
	// MaxOverdueDays flags a child whose oldest overdue finding of any
	// severity has been overdue for more than this many days. Zero means the
	// default, 90 days (the three-month window in which a plan that has not
	// moved is said to drift, PERM-03); it must not be negative.
	MaxOverdueDays int `json:"max_overdue_days,omitempty"`
	// IncludeBreaches counts Breach findings (content and quality rules)
	// alongside overdue ones when summarising drift. Off by default: drift
	// is about things not done on time.
	IncludeBreaches bool `json:"include_breaches,omitempty"`
}

// DefaultMaxOverdueDays is the default of [DriftPolicy.MaxOverdueDays].
const DefaultMaxOverdueDays = 90

func (p DriftPolicy) maxOverdueDays() int {
	if p.MaxOverdueDays == 0 {
		return DefaultMaxOverdueDays
	}
	return p.MaxOverdueDays
}

func (p DriftPolicy) validate(errs *care.ValidationErrors) {
	if p.MaxOverdueDays < 0 {
		errs.Addf("drift.max_overdue_days", "%d is negative", p.MaxOverdueDays)
	}
}

// Drift summarises how far one child's case has drifted as of a date:
// what is overdue, how long the oldest item has waited, and which areas of
// practice are affected.
//
// A child is Flagged (rule DRIFT-01) when any statutory finding is overdue,
// or when the oldest overdue finding of any severity has waited more than
// the policy's MaxOverdueDays. Children sort by [CompareDrift]: most
// overdue statutory findings first, then the oldest overdue age, then the
// number of overdue findings, then child ID.
type Drift struct {
	ChildID string `json:"child_id"`
	Flagged bool   `json:"flagged"`
	// OverdueStatutory counts overdue findings of statutory severity;
	// Overdue counts every overdue finding (and breaches, if the policy
	// says so).
	OverdueStatutory int `json:"overdue_statutory"`
	Overdue          int `json:"overdue"`
	// OldestOverdueDays is how many days the oldest overdue item has been
	// overdue as of the assessment date.
	OldestOverdueDays int `json:"oldest_overdue_days"`
	// Domains are the areas of practice with overdue findings, in order.
	Domains []care.Domain `json:"domains,omitempty"`
	// Findings are the findings that make up the drift, oldest due first.
	Findings care.Report `json:"findings,omitempty"`
}

// DriftOf summarises the drift in one child's report as of asOf.
func DriftOf(childID string, rep care.Report, asOf care.Date, p DriftPolicy) Drift {
	d := driftOf(childID, rep, asOf, p, true)
	if !slices.IsSortedFunc([]care.Finding(d.Findings), func(a, b care.Finding) int { return care.CompareFindings(&a, &b) }) {
		d.Findings.Sort()
	}
	return d
}

// counts reports whether f counts towards drift under p.
func (p DriftPolicy) counts(f *care.Finding) bool {
	return (f.Status == care.Overdue || (p.IncludeBreaches && f.Status == care.Breach)) && f.Rule != RuleDrift
}

// driftOf is DriftOf keeping the findings (in report order) only when
// asked: [Assess] needs the counts, not a copy of the findings.
func driftOf(childID string, rep care.Report, asOf care.Date, p DriftPolicy, keep bool) Drift {
	d := Drift{ChildID: childID}
	var domains uint64 // a bit per domain seen; domains are small integers
	var others []care.Domain
	for i := range rep {
		f := &rep[i]
		if !p.counts(f) {
			continue
		}
		d.Overdue++
		if f.Status == care.Overdue && f.Severity >= care.SeverityStatutory {
			d.OverdueStatutory++
		}
		d.OldestOverdueDays = max(d.OldestOverdueDays, f.DaysLate(asOf))
		if f.Domain < 64 {
			domains |= 1 << f.Domain
		} else if !slices.Contains(others, f.Domain) {
			others = append(others, f.Domain)
		}
	}
	if d.Overdue == 0 {
		d.Flagged = d.OldestOverdueDays > p.maxOverdueDays()
		return d
	}
	d.Domains = make([]care.Domain, 0, bits.OnesCount64(domains)+len(others))
	for dom := care.Domain(0); domains != 0; dom++ {
		if domains&1 != 0 {
			d.Domains = append(d.Domains, dom)
		}
		domains >>= 1
	}
	slices.Sort(others)
	d.Domains = append(d.Domains, others...)
	if keep {
		d.Findings = make(care.Report, 0, d.Overdue)
		for i := range rep {
			if p.counts(&rep[i]) {
				d.Findings = append(d.Findings, rep[i])
			}
		}
	}
	d.Flagged = d.OverdueStatutory > 0 || d.OldestOverdueDays > p.maxOverdueDays()
	return d
}

// detach returns d with its findings' evidence copied into one array of
// its own and their text (subjects, messages, evidence labels and refs)
// copied into one string of its own: a drift summary kept after its report
// is discarded then keeps only its own memory alive, not the report's
// shared evidence arenas and message buffers. d.Findings must be d's own
// copy; the findings are modified in place.
func (d Drift) detach() Drift {
	nev, ntext := 0, 0
	for i := range d.Findings {
		f := &d.Findings[i]
		nev += len(f.Evidence)
		ntext += len(f.Subject) + len(f.Message)
		for _, e := range f.Evidence {
			ntext += len(e.Label) + len(e.Ref)
		}
	}
	// The builder has exactly the room it needs, and bytes once written are
	// never changed, so each copy is a slice of its one buffer.
	var b strings.Builder
	b.Grow(ntext)
	clone := func(s string) string {
		if s == "" {
			return ""
		}
		start := b.Len()
		b.WriteString(s)
		return b.String()[start:]
	}
	ev := make([]care.Evidence, 0, nev)
	for i := range d.Findings {
		f := &d.Findings[i]
		f.Subject, f.Message = clone(f.Subject), clone(f.Message)
		if f.Evidence == nil {
			continue
		}
		start := len(ev)
		for _, e := range f.Evidence {
			e.Label, e.Ref = clone(e.Label), clone(e.Ref)
			ev = append(ev, e)
		}
		f.Evidence = ev[start:len(ev):len(ev)]
	}
	return d
}

// CompareDrift orders drift summaries worst first (see [Drift]).
func CompareDrift(a, b Drift) int {
	switch {
	case a.OverdueStatutory != b.OverdueStatutory:
		return b.OverdueStatutory - a.OverdueStatutory
	case a.OldestOverdueDays != b.OldestOverdueDays:
		return b.OldestOverdueDays - a.OldestOverdueDays
	case a.Overdue != b.Overdue:
		return b.Overdue - a.Overdue
	}
	return strings.Compare(a.ChildID, b.ChildID)
}

// RuleDrift is the ID of the drift rule.
const RuleDrift care.RuleID = "DRIFT-01"

func driftRule() care.Rule {
	return care.Rule{
		ID:    RuleDrift,
		Title: "Case drift: overdue statutory findings, or an overdue item older than the local limit",
		Text: "A child is flagged when any statutory finding is overdue as of the assessment date, or when the " +
			"oldest overdue finding of any severity has been overdue for more than the local limit (default 90 days). " +
			"The finding lists the overdue findings, the oldest overdue age in days and the domains affected.",
		Citation: driftCitation,
		Severity: care.SeverityLocal,
		Domain:   care.DomainDrift,
		Package:  "practice",
		Default:  "90 days",
		Policy:   []string{"Drift.MaxOverdueDays", "Drift.IncludeBreaches"},
	}
}

// driftCitation is the citation of DRIFT-01.
var driftCitation = care.Citation{Instrument: "Local standard composed from the rules of this catalogue", Provision: "inspection findings on drift"}

// driftFinding returns the DRIFT-01 finding for a flagged child whose
// sorted report is rep: its evidence lists the findings that make up the
// drift, in report order.
func driftFinding(subject string, d Drift, rep care.Report, p DriftPolicy) care.Finding {
	f := care.Finding{Rule: RuleDrift, Citation: driftCitation, Severity: care.SeverityLocal, Domain: care.DomainDrift,
		Subject: subject, Status: care.Breach}
	b := make([]byte, 0, 96)
	b = strconv.AppendInt(b, int64(d.Overdue), 10)
	b = append(b, " overdue ("...)
	b = strconv.AppendInt(b, int64(d.OverdueStatutory), 10)
	b = append(b, " statutory); oldest overdue "...)
	b = strconv.AppendInt(b, int64(d.OldestOverdueDays), 10)
	b = append(b, " days; domains: "...)
	for i, dom := range d.Domains {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, dom.String()...)
	}
	f.Message = string(b)
	f.Evidence = make([]care.Evidence, 0, d.Overdue)
	for i := range rep {
		if o := &rep[i]; p.counts(o) {
			f.Evidence = append(f.Evidence, care.Evidence{Label: driftLabel(o.Rule, o.Status), Date: o.Due, Ref: o.Subject})
		}
	}
	return f
}

// driftLabel returns "<rule> <status> since".
func driftLabel(id care.RuleID, st care.Status) string {
	return string(id) + " " + st.String() + " since"
}
