package practice

import (
	"cmp"
	"slices"

	"github.com/lookedafter/practice/care"
)

// Gap is one record family that a case's data does not carry, with the
// rules that read it and so were not assessed: "not assessed: visits are
// not in this data".
type Gap struct {
	// Family is one record family.
	Family care.Family `json:"family"`
	// Rules are the rules of the catalogue that read the family, in
	// catalogue order.
	Rules []care.RuleID `json:"rules"`
	// Children is, in a cohort, the number of children assessed whose data
	// lacks the family; in [NotAssessed], 0.
	Children int `json:"children,omitempty"`
}

// Window is a span of dates that some children's data covers (see
// [care.Coverage]): obligations of theirs due outside it were not assessed.
type Window struct {
	Source string    `json:"source,omitempty"`
	From   care.Date `json:"from,omitzero"`
	To     care.Date `json:"to,omitzero"`
	// Children is the number of children assessed whose data covers these
	// dates.
	Children int `json:"children"`
}

// NotAssessed returns what an assessment of a case whose data has coverage
// cov leaves out: one [Gap] for each record family the data lacks that a
// rule of the catalogue reads, in family order. It returns nil for
// complete coverage. Obligations due outside cov's dates are not assessed
// either (see [care.Coverage]).
func NotAssessed(cov care.Coverage) []Gap {
	return gaps(cov.Lacks(care.FamilyAll), Rules(), nil)
}

// gaps returns the gaps of the families lacking, with the rules of rules
// reading each; children, if not nil, counts the children lacking each.
func gaps(lacking care.Family, rules []care.Rule, children map[care.Family]int) []Gap {
	var out []Gap
	for f := range lacking.Each {
		g := Gap{Family: f, Children: children[f]}
		for i := range rules {
			if rules[i].Reads&f != 0 {
				g.Rules = append(g.Rules, rules[i].ID)
			}
		}
		if len(g.Rules) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// coverageTally counts the coverages of the children of a cohort that were
// assessed, leaving out complete ones.
type coverageTally map[care.Coverage]int

func (t coverageTally) add(c care.Coverage) {
	if !c.IsComplete() {
		t[c]++
	}
}

func (t coverageTally) merge(o coverageTally) {
	for c, n := range o {
		t[c] += n
	}
}

// report returns the cohort's gaps and date windows.
func (t coverageTally) report() ([]Gap, []Window) {
	var lacking care.Family
	children := map[care.Family]int{}
	wins := map[Window]int{}
	for c, n := range t {
		l := c.Lacks(care.FamilyAll)
		lacking |= l
		for f := range l.Each {
			children[f] += n
		}
		if !c.From.IsZero() || !c.To.IsZero() {
			wins[Window{Source: c.Source, From: c.From, To: c.To}] += n
		}
	}
	var ws []Window
	for w, n := range wins {
		w.Children = n
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b Window) int {
		return cmp.Or(a.From.Compare(b.From), a.To.Compare(b.To), cmp.Compare(a.Source, b.Source))
	})
	return gaps(lacking, Rules(), children), ws
}
