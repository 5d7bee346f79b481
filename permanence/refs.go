package permanence

import (
	"strconv"

	"github.com/lookedafter/practice/internal/arena"
)

// Record paths and labels used in evidence are built once, so that
// assessing a child does not format the same strings again. The tables are
// filled at package initialisation and only read afterwards.

var (
	transitionRefs  = arena.NewPaths("plan.transitions", 64)
	reviewRefs      = arena.NewPaths("adoption.reviews", 64)
	episodeRefs     = arena.NewPaths("episodes", 64)
	proceedingsRefs = arena.NewPaths("proceedings", 64)
	sgoRefs         = arena.NewPaths("special_guardianship", 64)
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

// routeLabels[r][s] is prefix + "route state", for each prefix of the
// evidence labels below.
type routeLabels [len(routeNames)][len(stateNames)]string

func newRouteLabels(prefix string) *routeLabels {
	t := new(routeLabels)
	for r := range t {
		for s := range t[r] {
			t[r][s] = prefix + routeStateNames[r][s]
		}
	}
	return t
}

var (
	primaryRouteLabels  = newRouteLabels("primary route ")
	parallelRouteLabels = newRouteLabels("parallel route ")
	openRouteLabels     = newRouteLabels("open route ")
)

// label returns prefix + describe(t), from the table when t is known.
func (l *routeLabels) label(prefix string, t Transition) string {
	if t.Route.IsKnown() && t.State.IsKnown() {
		return l[t.Route][t.State]
	}
	return prefix + describe(t)
}

func primaryRouteLabel(t Transition) string  { return primaryRouteLabels.label("primary route ", t) }
func parallelRouteLabel(t Transition) string { return parallelRouteLabels.label("parallel route ", t) }
func openRouteLabel(t Transition) string     { return openRouteLabels.label("open route ", t) }

// parallelMessages[r] is the PERM-02 message of an uncertain primary route
// r with a parallel route being worked; noParallelMessages[r][s] that of a
// primary route r in state s with none.
var (
	parallelMessages = func() (t [len(routeNames)]string) {
		for r := range t {
			t[r] = "primary route " + Route(r).String() + " is uncertain and a parallel route is being worked"
		}
		return t
	}()
	noParallelMessages = func() (t [len(routeNames)][len(stateNames)]string) {
		for r := range t {
			for s := range t[r] {
				t[r][s] = "primary route " + Route(r).String() + " (" + State(s).String() + ") is uncertain and no other route is actively being worked"
			}
		}
		return t
	}()
)

func parallelMessage(r Route) string {
	if int(r) < len(parallelMessages) {
		return parallelMessages[r]
	}
	return "primary route " + r.String() + " is uncertain and a parallel route is being worked"
}

func noParallelMessage(r Route, s State) string {
	if int(r) < len(noParallelMessages) && int(s) < len(noParallelMessages[r]) {
		return noParallelMessages[r][s]
	}
	return "primary route " + r.String() + " (" + s.String() + ") is uncertain and no other route is actively being worked"
}

// extensionLabels[n] is the evidence label of an extension of n days.
var extensionLabels = func() (t [MaxExtensionDays + 1]string) {
	for n := range t {
		t[n] = "extension of " + strconv.Itoa(n) + " days granted"
	}
	return t
}()

func extensionLabel(days int) string {
	if days >= 0 && days < len(extensionLabels) {
		return extensionLabels[days]
	}
	return "extension of " + strconv.Itoa(days) + " days granted"
}

// extensionRef returns the path of extension j of the proceedings at
// subject: "proceedings[0].extensions[1]".
func extensionRef(subject string, j int) string {
	var buf [64]byte
	b := append(buf[:0], subject...)
	b = append(b, ".extensions["...)
	b = strconv.AppendInt(b, int64(j), 10)
	return string(append(b, ']'))
}

// finalOrderLabels[k] is the evidence label of a final order of kind k.
var finalOrderLabels = func() (t [len(orderNames)]string) {
	for k := range t {
		t[k] = "final order: " + OrderKind(k).String()
	}
	return t
}()

func finalOrderLabel(k OrderKind) string {
	if int(k) < len(finalOrderLabels) {
		return finalOrderLabels[k]
	}
	return "final order: " + k.String()
}

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
