package permanence

import (
	"errors"
	"fmt"

	"github.com/lookedafter/practice/care"
)

// MaxExtensionWeeks is how far past its starting point one extension of
// the time limit for care proceedings may run: Children Act 1989 s.32(8),
// "Each separate extension under subsection (5) is to end no more than
// eight weeks after the later of (a) the end of the period being extended;
// and (b) the end of the day on which the extension is granted". An
// extension that ends later is a validation error ([Record.Validate]).
const MaxExtensionWeeks = 8

// Record is one child's permanence record: the plan for permanence over
// time, care proceedings, adoption milestones and special guardianship
// notices. Its JSON form uses snake_case names. A Record is a plain value;
// the functions of this package never modify it.
type Record struct {
	Plan                Plan                  `json:"plan"`
	Proceedings         []Proceedings         `json:"proceedings,omitempty"`
	Adoption            Adoption              `json:"adoption,omitzero"`
	SpecialGuardianship []SpecialGuardianship `json:"special_guardianship,omitempty"`
}

// Plan is the child's plan for permanence over time: every change of state
// of every route, in date order. The primary route is set by a transition
// marked Primary and stays primary until another transition marks a
// different route primary or the route is ruled out.
//
// The plan for permanence is recorded on the date of the first transition
// that names a primary route.
type Plan struct {
	Transitions []Transition `json:"transitions,omitempty"`
}

// Transition is one dated change of a route's state.
type Transition struct {
	Date  care.Date `json:"date"`
	Route Route     `json:"route"`
	State State     `json:"state"`
	// Primary makes Route the primary route from Date.
	Primary bool `json:"primary,omitempty"`
	// Reason says why a route was ruled out; required with [StateRuledOut].
	// It is free text of at most [care.MaxTextBytes], never quoted in
	// errors.
	Reason string `json:"reason,omitempty"`
	// OwnMotion records an order the court made of its own motion, with no
	// application (a special guardianship order made in family
	// proceedings, CA89 s.14A); it allows [StateOrderMade] without a
	// prior [StateApplication].
	OwnMotion bool `json:"own_motion,omitempty"`
}

// Proceedings is one set of care proceedings (CA89 s.31).
type Proceedings struct {
	// Issued is the day the application was issued; the 26 weeks run from it.
	Issued care.Date `json:"issued"`
	// Extensions are the extensions of the time limit the court granted
	// (CA89 s.32(5)), in the order they were granted, each extending the
	// period as the one before it left it. As of a date, the limit is the
	// end of the latest extension granted on or before that date
	// ([ProceedingsFinalDay]).
	Extensions []Extension `json:"extensions,omitempty"`
	// FinalOrder is the day the proceedings were concluded (final order, no
	// order, or withdrawal); zero while they continue.
	FinalOrder     care.Date `json:"final_order,omitzero"`
	FinalOrderKind OrderKind `json:"final_order_kind,omitzero"`
}

// Extension is one extension of the time limit for care proceedings granted
// by the court (CA89 s.32(5)), recorded as the court made it: the day it
// was granted and the last day of the extended period.
//
// Ends must be after the end of the period it extends (the 26 weeks, or the
// previous extension), on or after Granted, and no later than
// [MaxExtensionWeeks] (8) weeks after the later of the end of that period
// and the day of grant (s.32(8)). "Eight weeks after the end of" a day is
// the end of the day 56 days later, so an extension of a period whose last
// day is L, granted on G, may end on max(L, G) + 56 days at the latest: an
// extension granted after the limit has passed runs up to 8 weeks from its
// grant.
type Extension struct {
	// Granted is the day the court granted the extension.
	Granted care.Date `json:"granted"`
	// Ends is the last day of the period as extended: the proceedings are
	// in time if concluded on or before it.
	Ends care.Date `json:"ends"`
}

// Adoption holds the adoption milestones of a child whose plan is adoption.
type Adoption struct {
	// PlacementOrder is the day the agency first had authority to place the
	// child for adoption: the placement order (ACA 2002 s.21), or the
	// parents' consent (s.19).
	PlacementOrder care.Date `json:"placement_order,omitzero"`
	// Match is the day the agency decided on the match with the
	// prospective adopters.
	Match care.Date `json:"match,omitzero"`
	// Placed is the day the child moved in with the prospective adopters
	// (placed for adoption).
	Placed care.Date `json:"placed,omitzero"`
	// FosterCarerAdoption records that the adopters are the child's own
	// foster carers, so measure A10 ends on the day the foster placement
	// began.
	FosterCarerAdoption bool `json:"foster_carer_adoption,omitempty"`
	// FosterPlacementStart is the day the foster placement with the
	// adopters began. If zero for a foster-carer adoption it is taken from
	// the episodes: the start of the placement (same carer) that includes
	// Placed.
	FosterPlacementStart care.Date `json:"foster_placement_start,omitzero"`
	// AdoptionOrder is the day the adoption order was made.
	AdoptionOrder care.Date `json:"adoption_order,omitzero"`
	// Revoked is the day the authority to place ended without the child
	// being placed (placement order revoked, consent withdrawn).
	Revoked care.Date `json:"revoked,omitzero"`
	// Disrupted is the day an adoptive placement ended before an adoption
	// order.
	Disrupted care.Date `json:"disrupted,omitzero"`
	// Reviews are the adoption reviews held (AAR 2005 reg 36), in date
	// order.
	Reviews []care.Date `json:"reviews,omitempty"`
}

// IsZero reports whether a records no adoption milestone.
func (a Adoption) IsZero() bool {
	return a.PlacementOrder.IsZero() && a.Match.IsZero() && a.Placed.IsZero() && a.AdoptionOrder.IsZero() &&
		a.Revoked.IsZero() && a.Disrupted.IsZero() && a.FosterPlacementStart.IsZero() && !a.FosterCarerAdoption &&
		len(a.Reviews) == 0
}

// SpecialGuardianship is one notice of intention to apply for a special
// guardianship order (CA89 s.14A(7)) and the authority's report on it.
type SpecialGuardianship struct {
	Notice care.Date `json:"notice"`
	// Report is the day the authority's report (s.14A(8)) was ready.
	Report care.Date `json:"report,omitzero"`
	// Withdrawn is the day the applicant withdrew the notice, if they did.
	Withdrawn care.Date `json:"withdrawn,omitzero"`
}

// ErrInvalidTransition reports a plan transition that cannot follow the
// route's earlier states.
var ErrInvalidTransition = errors.New("invalid transition")

// Validate checks the record and reports every problem at once as a
// [care.ValidationErrors], with paths such as "plan.transitions[2].state".
// It reports missing or unknown fields, dates out of order, an extension
// that does not end after the period it extends or ends later than CA89
// s.32(8) allows (the error gives the limit, [Extension]), and invalid
// transitions (wrapping
// [ErrInvalidTransition], naming the transition): achieved before the route
// was agreed (or an order made), an order made without an application on a
// route that needs one, a court state on a route with no court order, a
// ruled-out route made primary or with no reason, and a transition that
// repeats the route's current state. A transition's reason longer than
// [care.MaxTextBytes] or not valid UTF-8 is an error that never quotes it.
func (r Record) Validate() error {
	var errs care.ValidationErrors
	r.Plan.validate(&errs, "plan")
	// Each item is validated with paths relative to itself and merged under
	// its index only if it has errors, so that a good record does not
	// allocate paths.
	for i, pr := range r.Proceedings {
		var sub care.ValidationErrors
		if pr.validate(&sub, ""); len(sub) > 0 {
			errs.Merge(care.Index("proceedings", i), sub)
		}
	}
	r.Adoption.validate(&errs, "adoption")
	for i, sg := range r.SpecialGuardianship {
		var sub care.ValidationErrors
		if sg.validate(&sub, ""); len(sub) > 0 {
			errs.Merge(care.Index("special_guardianship", i), sub)
		}
	}
	return errs.Err()
}

// cycle is what validation knows about a route since it was last opened.
type cycle struct {
	state       State
	agreed      bool // reached StateAgreed or StateOrderMade
	application bool // reached StateApplication
}

func (p Plan) validate(errs *care.ValidationErrors, prefix string) {
	var cycles [len(routeNames)]cycle
	var prev care.Date
	for i, t := range p.Transitions {
		// Paths and names are built only when there is an error to report,
		// so that validating a good plan does not allocate.
		at := func(field string) string {
			return care.JoinPath(care.Index(care.JoinPath(prefix, "transitions"), i), field)
		}
		name := func() string { return fmt.Sprintf("transition %d (%s to %s on %s)", i, t.Route, t.State, t.Date) }
		if t.Date.IsZero() {
			errs.Add(at("date"), care.ErrRequired)
		} else {
			if t.Date.Before(prev) {
				errs.Add(at("date"), fmt.Errorf("%w: %s is before the previous transition's %s", care.ErrOutOfOrder, t.Date, prev))
			}
			prev = t.Date
		}
		if err := care.CheckPrivateString(t.Reason, care.MaxTextBytes); err != nil {
			errs.Add(at("reason"), err)
		}
		if !t.Route.IsKnown() {
			errs.Add(at("route"), unknownOrRequired(t.Route != RouteUnknown, t.Route.String()))
		}
		if !t.State.IsKnown() {
			errs.Add(at("state"), unknownOrRequired(t.State != StateUnknown, t.State.String()))
		}
		if !t.Route.IsKnown() || !t.State.IsKnown() {
			continue
		}
		c := &cycles[t.Route]
		bad := func(why string) {
			errs.Add(at("state"), fmt.Errorf("%w: %s: %s", ErrInvalidTransition, name(), why))
		}
		if t.State == c.state {
			bad("the route is already " + c.state.String())
		}
		if (t.State == StateApplication || t.State == StateOrderMade) && !t.Route.UsesCourt() {
			bad("route " + t.Route.String() + " has no court order")
		}
		switch t.State {
		case StateAchieved:
			if !c.agreed {
				bad("achieved before the route was agreed or an order made")
			}
		case StateOrderMade:
			if t.Route.RequiresApplication() && !c.application && !t.OwnMotion {
				bad("order made without an application (set own_motion if the court acted of its own motion)")
			}
		case StateRuledOut:
			if t.Reason == "" {
				errs.Add(at("reason"), fmt.Errorf("%w: %s: a ruled-out route needs a reason", care.ErrRequired, name()))
			}
			if t.Primary {
				errs.Add(at("primary"), fmt.Errorf("%w: %s: a ruled-out route cannot be primary", ErrInvalidTransition, name()))
			}
		}
		if t.OwnMotion && t.State != StateOrderMade {
			errs.Add(at("own_motion"), fmt.Errorf("%s: own_motion applies only to order-made", name()))
		}
		// Advance the route's cycle; ruling out or achieving ends it, so a
		// later transition reopens the route afresh.
		switch t.State {
		case StateRuledOut, StateAchieved:
			*c = cycle{state: t.State}
		default:
			c.state = t.State
			if t.State == StateAgreed || t.State == StateOrderMade {
				c.agreed = true
			}
			if t.State == StateApplication {
				c.application = true
			}
		}
	}
}

func unknownOrRequired(set bool, code string) error {
	if !set {
		return care.ErrRequired
	}
	return fmt.Errorf("%w: %s", care.ErrUnknownCode, code)
}

func (pr Proceedings) validate(errs *care.ValidationErrors, path string) {
	if pr.Issued.IsZero() {
		errs.Add(care.JoinPath(path, "issued"), care.ErrRequired)
	}
	// period is the last day of the period the next extension extends: the
	// statutory 26 weeks, then each extension's end in turn.
	var period, prev care.Date
	if !pr.Issued.IsZero() {
		period = lastDayOfWeeks(pr.Issued, DefaultProceedingsWeeks)
	}
	for i, e := range pr.Extensions {
		ep := func(field string) string {
			return care.JoinPath(care.Index(care.JoinPath(path, "extensions"), i), field)
		}
		switch {
		case e.Granted.IsZero():
			errs.Add(ep("granted"), care.ErrRequired)
		case !pr.Issued.IsZero() && e.Granted.Before(pr.Issued):
			errs.Addf(ep("granted"), "extension granted %s, before the application was issued %s", e.Granted, pr.Issued)
		case !pr.FinalOrder.IsZero() && e.Granted.After(pr.FinalOrder):
			errs.Addf(ep("granted"), "extension granted %s, after the final order %s", e.Granted, pr.FinalOrder)
		case e.Granted.Before(prev):
			errs.Add(ep("granted"), fmt.Errorf("%w: %s is before the previous extension's %s", care.ErrOutOfOrder, e.Granted, prev))
		}
		if !e.Granted.IsZero() {
			prev = e.Granted
		}
		switch {
		case e.Ends.IsZero():
			errs.Add(ep("ends"), care.ErrRequired)
		case period.IsZero():
			// No issue date to measure it against.
		case !e.Ends.After(period):
			errs.Addf(ep("ends"), "extension ends %s, not after the end of the period it extends, %s", e.Ends, period)
		case e.Granted.IsZero():
		case e.Ends.Before(e.Granted):
			errs.Addf(ep("ends"), "extension ends %s, before the day it was granted, %s", e.Ends, e.Granted)
		case e.Ends.After(extensionLimit(period, e.Granted)):
			errs.Addf(ep("ends"), "extension ends %s, later than %s: CA89 s.32(8) allows at most %d weeks after the later of the end of the period being extended (%s) and the day of grant (%s)",
				e.Ends, extensionLimit(period, e.Granted), MaxExtensionWeeks, period, e.Granted)
		}
		if !e.Ends.IsZero() && e.Ends.After(period) {
			period = e.Ends
		}
	}
	if !pr.FinalOrder.IsZero() && !pr.Issued.IsZero() && pr.FinalOrder.Before(pr.Issued) {
		errs.Addf(care.JoinPath(path, "final_order"), "final order %s, before the application was issued %s", pr.FinalOrder, pr.Issued)
	}
	switch {
	case pr.FinalOrderKind != OrderKindUnknown && !pr.FinalOrderKind.IsKnown():
		errs.Add(care.JoinPath(path, "final_order_kind"), fmt.Errorf("%w: %s", care.ErrUnknownCode, pr.FinalOrderKind))
	case pr.FinalOrder.IsZero() && pr.FinalOrderKind != OrderKindUnknown:
		errs.Add(care.JoinPath(path, "final_order"), fmt.Errorf("%w: a final order kind is given", care.ErrRequired))
	case !pr.FinalOrder.IsZero() && pr.FinalOrderKind == OrderKindUnknown:
		errs.Add(care.JoinPath(path, "final_order_kind"), fmt.Errorf("%w: a final order date is given", care.ErrRequired))
	}
}

func (a Adoption) validate(errs *care.ValidationErrors, path string) {
	notBefore := func(field string, d care.Date, otherField string, other care.Date) {
		if !d.IsZero() && !other.IsZero() && d.Before(other) {
			errs.Addf(care.JoinPath(path, field), "%s %s is before %s %s", field, d, otherField, other)
		}
	}
	notBefore("adoption_order", a.AdoptionOrder, "placed", a.Placed)
	notBefore("revoked", a.Revoked, "placement_order", a.PlacementOrder)
	notBefore("disrupted", a.Disrupted, "placed", a.Placed)
	notBefore("placed", a.Placed, "foster_placement_start", a.FosterPlacementStart)
	if !a.AdoptionOrder.IsZero() && a.Placed.IsZero() {
		errs.Add(care.JoinPath(path, "placed"), fmt.Errorf("%w: an adoption order is given", care.ErrRequired))
	}
	if !a.Disrupted.IsZero() && a.Placed.IsZero() {
		errs.Add(care.JoinPath(path, "placed"), fmt.Errorf("%w: a disruption is given", care.ErrRequired))
	}
	if !a.Revoked.IsZero() && a.PlacementOrder.IsZero() {
		errs.Add(care.JoinPath(path, "placement_order"), fmt.Errorf("%w: a revocation is given", care.ErrRequired))
	}
	if !a.Disrupted.IsZero() && !a.AdoptionOrder.IsZero() {
		errs.Addf(care.JoinPath(path, "disrupted"), "an adoptive placement with an adoption order (%s) cannot also be disrupted", a.AdoptionOrder)
	}
	if !a.FosterPlacementStart.IsZero() && !a.FosterCarerAdoption {
		errs.Addf(care.JoinPath(path, "foster_placement_start"), "given, but foster_carer_adoption is not set")
	}
	var prev care.Date
	for i, d := range a.Reviews {
		rp := func() string { return care.Index(care.JoinPath(path, "reviews"), i) }
		switch {
		case d.IsZero():
			errs.Add(rp(), care.ErrRequired)
			continue
		case !prev.IsZero() && !d.After(prev):
			errs.Add(rp(), fmt.Errorf("%w: %s is not after the previous review %s", care.ErrOutOfOrder, d, prev))
		}
		prev = d
		start := a.PlacementOrder
		if start.IsZero() || (!a.Placed.IsZero() && a.Placed.Before(start)) {
			start = a.Placed
		}
		if start.IsZero() {
			errs.Addf(rp(), "adoption review %s with no authority to place and no placement", d)
		} else if d.Before(start) {
			errs.Addf(rp(), "adoption review %s is before the authority to place or placement %s", d, start)
		}
	}
}

func (s SpecialGuardianship) validate(errs *care.ValidationErrors, path string) {
	if s.Notice.IsZero() {
		errs.Add(care.JoinPath(path, "notice"), care.ErrRequired)
		return
	}
	if !s.Report.IsZero() && s.Report.Before(s.Notice) {
		errs.Addf(care.JoinPath(path, "report"), "report %s is before the notice %s", s.Report, s.Notice)
	}
	if !s.Withdrawn.IsZero() && s.Withdrawn.Before(s.Notice) {
		errs.Addf(care.JoinPath(path, "withdrawn"), "withdrawn %s, before the notice %s", s.Withdrawn, s.Notice)
	}
}

// IsZero reports whether the record holds nothing (empty and nil lists
// alike), so that the JSON form omits it and round-trips.
func (r Record) IsZero() bool {
	return len(r.Plan.Transitions) == 0 && len(r.Proceedings) == 0 && r.Adoption.IsZero() && len(r.SpecialGuardianship) == 0
}
