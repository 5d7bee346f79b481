package permanence

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lookedafter/practice/care"
)

// Route is a way of achieving permanence for a child: what practitioners
// call a "permanence option". The zero value, [RouteUnknown], means no route
// was given. String returns the kebab-case code used in JSON ("return-home").
type Route uint8

// Permanence routes.
const (
	RouteUnknown Route = iota
	// RouteReturnHome: return home to a parent (reunification).
	RouteReturnHome
	// RouteChildArrangements: living with family or friends under a child
	// arrangements order.
	RouteChildArrangements
	// RouteSpecialGuardianship: a special guardianship order (CA89 s.14A).
	RouteSpecialGuardianship
	// RouteAdoption: adoption, including fostering for adoption and other
	// early permanence placements.
	RouteAdoption
	// RouteLongTermFostering: long-term fostering, with relatives or friends
	// or with other carers.
	RouteLongTermFostering
	// RouteResidential: residential care with a long-term plan.
	RouteResidential
	// RouteIndependence: staying put or moving to independence.
	RouteIndependence
)

var routeNames = [...]string{"", "return-home", "child-arrangements", "special-guardianship", "adoption",
	"long-term-fostering", "residential", "independence"}

var routeDescs = [...]string{"", "return home to parents", "living with family or friends under a child arrangements order",
	"special guardianship order", "adoption (including fostering for adoption)", "long-term fostering",
	"residential care with a long-term plan", "staying put or independence"}

// ParseRoute parses a route code such as "adoption". An empty or unknown
// code returns a [*care.ParseError] wrapping [care.ErrUnknownCode].
func ParseRoute(s string) (Route, error) {
	i, err := parseName(s, routeNames[:], "permanence route")
	return Route(i), err
}

// Routes returns every route, in the order of the constants: a fresh slice.
func Routes() []Route {
	out := make([]Route, 0, len(routeNames)-1)
	for i := 1; i < len(routeNames); i++ {
		out = append(out, Route(i))
	}
	return out
}

// String returns the route's code ("special-guardianship"), "" for
// [RouteUnknown] and Route(n) for a value outside the list.
func (r Route) String() string { return nameOf(routeNames[:], int(r), "Route") }

// Description returns the route in words, or "" for an unknown route.
func (r Route) Description() string {
	if int(r) < len(routeDescs) {
		return routeDescs[r]
	}
	return ""
}

// IsKnown reports whether r is one of the routes (not Unknown).
func (r Route) IsKnown() bool { return r > RouteUnknown && int(r) < len(routeNames) }

// UsesCourt reports whether a court order can form part of the route, so
// that the states [StateApplication] and [StateOrderMade] apply to it:
// return home (discharge of a care order), child arrangements, special
// guardianship and adoption.
func (r Route) UsesCourt() bool {
	return r == RouteReturnHome || r == RouteChildArrangements || r == RouteSpecialGuardianship || r == RouteAdoption
}

// RequiresApplication reports whether an order on the route can be made only
// on an application, so that [StateOrderMade] must follow
// [StateApplication] unless the transition records that the court acted of
// its own motion. It holds for child arrangements, special guardianship and
// adoption.
func (r Route) RequiresApplication() bool {
	return r == RouteChildArrangements || r == RouteSpecialGuardianship || r == RouteAdoption
}

// MarshalText implements [encoding.TextMarshaler].
func (r Route) MarshalText() ([]byte, error) { return marshalName(routeNames[:], int(r), "Route") }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [RouteUnknown].
func (r *Route) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = RouteUnknown
		return nil
	}
	v, err := ParseRoute(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// State is where a route stands in the plan. The states run in order from
// [StateConsidered] to [StateAchieved]; [StateRuledOut] ends a route, with a
// reason, until a later transition reopens it.
type State uint8

// Route states.
const (
	StateUnknown State = iota
	// StateConsidered: the route is listed as an option, no work started.
	StateConsidered
	// StateAssessing: the route is being assessed (viability, parenting,
	// connected-person or adopter assessment).
	StateAssessing
	// StateRecommended: the assessment recommends the route.
	StateRecommended
	// StateAgreed: the route is agreed at a looked-after review (or by the
	// agency decision maker).
	StateAgreed
	// StateApplication: an application to court for the order the route
	// needs has been made.
	StateApplication
	// StateOrderMade: the court has made the order.
	StateOrderMade
	// StateAchieved: the child lives permanently under the route.
	StateAchieved
	// StateRuledOut: the route has been ruled out; the transition gives the
	// reason.
	StateRuledOut
)

var stateNames = [...]string{"", "considered", "assessing", "recommended", "agreed", "application", "order-made",
	"achieved", "ruled-out"}

// ParseState parses a state code such as "agreed". An empty or unknown code
// returns a [*care.ParseError] wrapping [care.ErrUnknownCode].
func ParseState(s string) (State, error) {
	i, err := parseName(s, stateNames[:], "permanence state")
	return State(i), err
}

// String returns the state's code ("order-made"), "" for [StateUnknown] and
// State(n) for a value outside the list.
func (s State) String() string { return nameOf(stateNames[:], int(s), "State") }

// IsKnown reports whether s is one of the states (not Unknown).
func (s State) IsKnown() bool { return s > StateUnknown && int(s) < len(stateNames) }

// IsOpen reports whether a route in state s is still open: neither achieved
// nor ruled out. Open routes are the ones drift (PERM-03) watches.
func (s State) IsOpen() bool { return s >= StateConsidered && s <= StateOrderMade }

// IsActive reports whether a route in state s is actively being worked:
// assessed, recommended, agreed, before the court or with an order made.
// A route only "considered" is not active, so it does not count as a
// parallel plan (PERM-02).
func (s State) IsActive() bool { return s >= StateAssessing && s <= StateOrderMade }

// MarshalText implements [encoding.TextMarshaler].
func (s State) MarshalText() ([]byte, error) { return marshalName(stateNames[:], int(s), "State") }

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [StateUnknown].
func (s *State) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = StateUnknown
		return nil
	}
	v, err := ParseState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// OrderKind is the final order that concluded care proceedings, or how they
// otherwise ended.
type OrderKind uint8

// Final order kinds.
const (
	OrderKindUnknown             OrderKind = iota
	OrderKindCare                          // care order (CA89 s.31)
	OrderKindSupervision                   // supervision order (CA89 s.31)
	OrderKindSpecialGuardianship           // special guardianship order (CA89 s.14A)
	OrderKindChildArrangements             // child arrangements order (CA89 s.8)
	OrderKindPlacement                     // placement order (ACA 2002 s.21), with or after a care order
	OrderKindNone                          // no order made
	OrderKindWithdrawn                     // application withdrawn with the court's permission
)

var orderNames = [...]string{"", "care", "supervision", "special-guardianship", "child-arrangements", "placement",
	"no-order", "withdrawn"}

// ParseOrderKind parses an order kind code such as "care".
func ParseOrderKind(s string) (OrderKind, error) {
	i, err := parseName(s, orderNames[:], "order kind")
	return OrderKind(i), err
}

// String returns the order kind's code, "" for [OrderKindUnknown].
func (k OrderKind) String() string { return nameOf(orderNames[:], int(k), "OrderKind") }

// IsKnown reports whether k is one of the kinds (not Unknown).
func (k OrderKind) IsKnown() bool { return k > OrderKindUnknown && int(k) < len(orderNames) }

// MarshalText implements [encoding.TextMarshaler].
func (k OrderKind) MarshalText() ([]byte, error) {
	return marshalName(orderNames[:], int(k), "OrderKind")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is [OrderKindUnknown].
func (k *OrderKind) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*k = OrderKindUnknown
		return nil
	}
	v, err := ParseOrderKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

func nameOf(names []string, i int, goName string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("%s(%d)", goName, i)
}

func marshalName(names []string, i int, goName string) ([]byte, error) {
	if i < 0 || i >= len(names) {
		return nil, fmt.Errorf("%w: %s(%d)", care.ErrUnknownCode, goName, i)
	}
	return []byte(names[i]), nil
}

var errEmptyCode = errors.New("empty code")

func parseName(s string, names []string, what string) (int, error) {
	if s == "" {
		return 0, &care.ParseError{Input: s, Type: what, Err: fmt.Errorf("%w: %w", care.ErrUnknownCode, errEmptyCode)}
	}
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i, nil
		}
	}
	return 0, &care.ParseError{Input: s, Type: what,
		Err: fmt.Errorf("%w: want one of %s", care.ErrUnknownCode, strings.Join(names[1:], ", "))}
}
