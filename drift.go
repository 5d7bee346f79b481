package practice

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// DriftPolicy is the local definition of drift (rule DRIFT-01). The zero
// value means the defaults.
type DriftPolicy struct {
	// MaxOverdueDays flags a child whose permanence plan has stalled
	// (PERM-03 overdue) for more than this many days, where nothing of
	// statutory or guidance severity is live. Zero means the default, 90
	// days; it must not be negative. A live statutory or guidance item
	// flags a child at once; other local-standard items (recommendations,
	// directions, care plan actions) count in the summary but do not flag a
	// child on their own.
	MaxOverdueDays int `json:"max_overdue_days,omitempty"`
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

// Drift summarises how far one child's case has drifted as of a date, from
// its live items only: the obligations still owed that someone can act on
// today.
//
// # What counts
//
// A live item is an [care.Overdue] finding (never a [care.Missed] one: a
// window that has closed cannot be acted on, and counts in the timeliness
// rates instead); a stalled permanence plan is one (PERM-03 is Overdue
// while the plan has not moved). For a child looked after on the as-of
// date every live item counts. For a child who has left care only the live
// leaving-care duties (domain leaving-care) count, so a child who went home
// years ago is never listed for duties of the past.
//
// "Binding" items are those of statutory or guidance severity: duties in
// an Act or regulations, and statutory guidance an authority must follow.
//
// # Flagging (DRIFT-01)
//
// A child is Flagged when any binding item is live, or when the child's
// permanence plan has been stalled (PERM-03 overdue) for more than
// [DriftPolicy.MaxOverdueDays]. Other local-standard items are counted and
// listed but do not flag a child on their own: the drift list is for what
// the law and statutory guidance require, and for plans that have stopped
// moving.
//
// # Ranking
//
// [CompareDrift] orders children worst first, by these keys in turn, and
// [Drift.Why] says them in words for each child:
//
//  1. children with a live binding item before those without;
//  2. the days the oldest live binding item has been overdue (the oldest
//     live item of any severity, for a child with no binding item);
//  3. the number of live binding items;
//  4. the number of domains with live items;
//  5. the number of live items;
//  6. the child's ID.
type Drift struct {
	ChildID string `json:"child_id"`
	Flagged bool   `json:"flagged"`
	// InCare reports whether the child was looked after on the as-of date.
	InCare bool `json:"in_care"`
	// Live counts the live items; Binding those of statutory or guidance
	// severity, and Statutory those of statutory severity alone.
	Live      int `json:"live"`
	Binding   int `json:"binding"`
	Statutory int `json:"statutory"`
	// Oldest is the rule of the oldest live binding item (of any live item
	// when none is binding), OldestDue its due date and OldestDays how many
	// days it has been overdue on the as-of date.
	Oldest     care.RuleID `json:"oldest,omitempty"`
	OldestDue  care.Date   `json:"oldest_due,omitzero"`
	OldestDays int         `json:"oldest_days"`
	// Domains are the areas of practice with live items, in order.
	Domains []care.Domain `json:"domains,omitempty"`
	// MissedLastYear counts the child's Missed findings that fell due in the
	// twelve months to the as-of date: history, kept in sight without
	// counting towards drift.
	MissedLastYear int `json:"missed_last_year"`
	// Findings are the live items, oldest due first.
	Findings care.Report `json:"findings,omitempty"`
}

// Why says why the child ranks where it does, in the order of the ranking
// keys: "oldest statutory or guidance item VIS-02, 84 days overdue; 5
// statutory or guidance items (3 statutory); 3 domains; 6 live items".
func (d Drift) Why() string {
	if d.Live == 0 {
		return "no live items"
	}
	var b strings.Builder
	if d.Binding > 0 {
		b.WriteString("oldest statutory or guidance item ")
	} else {
		b.WriteString("local standards only; oldest item ")
	}
	b.WriteString(string(d.Oldest))
	b.WriteString(", ")
	b.WriteString(plural(d.OldestDays, "day"))
	b.WriteString(" overdue; ")
	b.WriteString(plural(d.Binding, "statutory or guidance item"))
	b.WriteString(" (")
	b.WriteString(strconv.Itoa(d.Statutory))
	b.WriteString(" statutory); ")
	b.WriteString(plural(len(d.Domains), "domain"))
	b.WriteString("; ")
	b.WriteString(plural(d.Live, "live item"))
	return b.String()
}

// plural returns "1 day" or "n days".
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// DriftOf summarises the drift of case c whose report is rep, as of asOf.
// The report need not be sorted; DRIFT-01 findings in it are ignored.
func DriftOf(c Case, rep care.Report, asOf care.Date, p DriftPolicy) Drift {
	_, inCare := care.EpisodeOn(c.Care.Episodes, asOf)
	return drift(c.Care.Child.ID, inCare, rep, asOf, p)
}

// driftOf is DriftOf for a child whose history is h.
func driftOf(childID string, h *care.History, rep care.Report, asOf care.Date, p DriftPolicy) Drift {
	return drift(childID, h.InCareOn(asOf), rep, asOf, p)
}

func drift(childID string, inCare bool, rep care.Report, asOf care.Date, p DriftPolicy) Drift {
	d := Drift{ChildID: childID, InCare: inCare}
	yearAgo := asOf.AddYears(-1)
	stalled := 0
	var domains uint64
	var oldest *care.Finding
	for i := range rep {
		f := &rep[i]
		if f.Rule() == DRIFT01 {
			continue
		}
		if f.Status == care.Missed && f.Due.After(yearAgo) && !f.Due.After(asOf) {
			d.MissedLastYear++
		}
		if !isLive(f, inCare) {
			continue
		}
		d.Live++
		binding := f.Severity() >= care.SeverityGuidance
		if binding {
			d.Binding++
			if f.Severity() == care.SeverityStatutory {
				d.Statutory++
			}
		}
		domains |= 1 << (f.Domain() % 64)
		if f.Rule() == permanenceDrift {
			stalled = max(stalled, f.DaysLate(asOf))
		}
		// The oldest binding item; the oldest of any severity until one is
		// found.
		switch {
		case oldest == nil,
			binding && oldest.Severity() < care.SeverityGuidance,
			binding == (oldest.Severity() >= care.SeverityGuidance) && f.Due.Before(oldest.Due):
			oldest = f
		}
	}
	if d.Live == 0 {
		return d
	}
	d.Oldest, d.OldestDue, d.OldestDays = oldest.Rule(), oldest.Due, oldest.DaysLate(asOf)
	for dom := care.Domain(0); dom < 64; dom++ {
		if domains&(1<<dom) != 0 {
			d.Domains = append(d.Domains, dom)
		}
	}
	d.Flagged = d.Binding > 0 || stalled > p.maxOverdueDays()
	d.Findings = make(care.Report, 0, d.Live)
	for i := range rep {
		if f := &rep[i]; f.Rule() != DRIFT01 && isLive(f, inCare) {
			d.Findings = append(d.Findings, *f)
		}
	}
	d.Findings.Sort()
	return d
}

// permanenceDrift is the rule of a stalled permanence plan.
const permanenceDrift = permanence.PERM03

// isLive reports whether f is a live item of a child in care (inCare) or
// of a care leaver.
func isLive(f *care.Finding, inCare bool) bool {
	return f.Status == care.Overdue && (inCare || f.Domain() == care.DomainLeaving)
}

// CompareDrift orders drift summaries worst first, by the keys listed
// under [Drift]'s Ranking.
func CompareDrift(a, b Drift) int {
	if (a.Binding > 0) != (b.Binding > 0) {
		if a.Binding > 0 {
			return -1
		}
		return 1
	}
	if c := cmp.Compare(b.OldestDays, a.OldestDays); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Binding, a.Binding); c != 0 {
		return c
	}
	if c := cmp.Compare(len(b.Domains), len(a.Domains)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Live, a.Live); c != 0 {
		return c
	}
	return strings.Compare(a.ChildID, b.ChildID)
}

// DRIFT01 is the ID of the drift rule.
const DRIFT01 care.RuleID = "DRIFT-01"

// driftRule is DRIFT-01, the one rule of the root package.
var driftRule = care.Rule{
	ID:    DRIFT01,
	Title: "Case drift: live statutory or guidance items, or a permanence plan stalled beyond the local limit",
	Text: "A child looked after on the assessment date is flagged when any finding of statutory or guidance severity " +
		"is overdue (still owed and actionable), or when the permanence plan has been stalled (PERM-03 overdue) for " +
		"more than the local limit (default 90 days); other local-standard items are counted but do not flag a child " +
		"on their own. Missed findings (windows already closed) never count; a child who " +
		"has left care counts only live leaving-care duties. Children are ranked by the oldest live statutory or guidance " +
		"item, then the number of such items, then the domains affected.",
	Citation: care.Citation{Instrument: "Local standard composed from the rules of this catalogue",
		Provision: "inspection findings on drift", Abbrev: "Local standard"},
	Severity: care.SeverityLocal,
	Domain:   care.DomainDrift,
	Reads:    care.FamilyEpisodes, Package: "practice",
	File:    "drift.go",
	Default: "90 days",
	Policy:  []string{"Drift.MaxOverdueDays"},
}

// driftKind is the kind of the DRIFT-01 finding: its subject is the child;
// Quantity holds the number of live items, Problems the domains (one bit
// each), Anchor the oldest item's due date and Extra the assessment date.
var driftKind = care.Kind{
	Rule: &driftRule, What: "case drift",
	Anchor: "the oldest live item fell due", Extra: "assessed",
	Message: func(b []byte, f care.Finding) []byte {
		b = strconv.AppendInt(b, int64(f.Quantity()), 10)
		if f.Quantity() == 1 {
			b = append(b, " live item"...)
		} else {
			b = append(b, " live items"...)
		}
		if due := f.Anchor(); !due.IsZero() {
			b = append(b, ", the oldest due "...)
			b = due.AppendFormat(b)
			b = append(b, " ("...)
			b = append(b, plural(f.Extra().DaysSince(due), "day")...)
			b = append(b, " overdue)"...)
		}
		b = append(b, "; domains: "...)
		n := 0
		for dom := care.Domain(0); dom < 32; dom++ {
			if f.Problems().Has(int(dom)) {
				if n > 0 {
					b = append(b, ", "...)
				}
				b = append(b, dom.String()...)
				n++
			}
		}
		return b
	},
}

// emit records the DRIFT-01 finding of a flagged child in e.
func (d Drift) emit(e *care.Emitter) {
	var domains care.Problems
	for _, dom := range d.Domains {
		if dom < 32 {
			domains |= care.Problem(int(dom))
		}
	}
	e.Check(&driftKind, care.Obligation{Anchor: d.OldestDue, Extra: e.AsOf(), Quantity: d.Live}, domains)
}
