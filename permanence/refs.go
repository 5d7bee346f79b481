package permanence

import (
	"strconv"

	"github.com/lookedafter/practice/care"
)

// Record paths and labels used in evidence are built once, so that
// assessing a child does not format the same strings again. The tables are
// filled at package initialisation and only read afterwards.

const refCache = 64

type refTable struct {
	prefix string
	refs   [refCache]string
}

func newRefTable(prefix string) *refTable {
	t := &refTable{prefix: prefix}
	for i := range t.refs {
		t.refs[i] = prefix + "[" + strconv.Itoa(i) + "]"
	}
	return t
}

// at returns the path of element i ("plan.transitions[3]").
func (t *refTable) at(i int) string {
	if i >= 0 && i < refCache {
		return t.refs[i]
	}
	return care.Index(t.prefix, i)
}

var (
	transitionRefs  = newRefTable("plan.transitions")
	reviewRefs      = newRefTable("adoption.reviews")
	episodeRefs     = newRefTable("episodes")
	proceedingsRefs = newRefTable("proceedings")
	sgoRefs         = newRefTable("special_guardianship")
)

// routeStateNames[r][s] is "route state", e.g. "adoption agreed".
var routeStateNames = func() (t [len(routeNames)][len(stateNames)]string) {
	for r := range t {
		for s := range t[r] {
			t[r][s] = routeNames[r] + " " + stateNames[s]
		}
	}
	return t
}()

// driftLabels[r][s] is the PERM-03 anchor label for a last movement that
// took route r to state s.
var driftLabels = func() (t [len(routeNames)][len(stateNames)]string) {
	for r := range t {
		for s := range t[r] {
			t[r][s] = "last movement on the plan (" + routeStateNames[r][s] + ")"
		}
	}
	return t
}()

func describe(t Transition) string {
	if t.Route.IsKnown() && t.State.IsKnown() {
		return routeStateNames[t.Route][t.State]
	}
	return t.Route.String() + " " + t.State.String()
}

func driftLabel(t Transition) string {
	if t.Route.IsKnown() && t.State.IsKnown() {
		return driftLabels[t.Route][t.State]
	}
	return "last movement on the plan (" + describe(t) + ")"
}
