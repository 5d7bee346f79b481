package care

import (
	"fmt"
	"strconv"
)

// This file is the hub of the planning families: PLAN (care and placement
// plans, plans.go), ASMT (reassessment and chronology, reassessment.go), VIS
// (statutory visits, visits.go), HLTH (health, health.go), EDU (personal
// education plans, education.go) and ID (identity, identity.go). It holds
// the records and policy they read, the validation and assessment entry
// points [Record] calls, and the catalogue of the six families.
//
// Each family decides; the [Emitter] records. A timescale passes the day
// its window closes (Obligation.Closes), and the emitter tells an obligation
// still owed (Overdue) from one whose window closed unmet (Missed), and
// drops one whose window closed before it fell due. What closes a window,
// family by family, is said in each rule's Text:
//
//   - placement-bound duties (visits, placement plans, notifications, the
//     reg 19 assessment and decision) close when the placement, or the
//     part of it a visiting regime covers, ends;
//   - the child-level duties of a period of care (the care plan, health
//     assessments, SDQs, dental checks, the PEP, reassessments and
//     chronology, visit write-ups) close when the child leaves care;
//   - a recurring duty closes when its next occurrence takes its place: a
//     term's PEP review at the start of the next term, an updated assessment
//     for a review when the next review is held, an SDQ at the 17th
//     birthday;
//   - an open visit interval stays Overdue while its placement lasts: a
//     visit made late still closes it, as Late.
//
// A root cause is reported once: a term without a PEP review is not
// reported while no PEP existed (EDU-01 reports that), the first-review
// deadline of EDU-01 is not reported beside its initiation deadline when
// neither has a PEP to meet it, and a care plan is not faulted for lacking
// a PEP that EDU-01 reports does not exist.

// PlanningRecords are the records read by the planning families. It is
// embedded in [Record], so its fields appear beside "child" and "episodes"
// in the JSON form. Records of one kind are given in date order where the
// field's doc says so; [Record.Validate] reports any that are not.
type PlanningRecords struct {
	// Visits are the social worker's visits to the child (reg 28), in date
	// order.
	Visits []Visit `json:"visits,omitempty"`
	// VisitAgreements record the child's agreement to less frequent visits
	// in a long-term foster placement (reg 28(3A)).
	VisitAgreements []VisitAgreement `json:"visit_agreements,omitempty"`
	// Arrangements are periods during which another person is responsible
	// for the child's living arrangements (reg 28(6)). A connected
	// person's temporary approval (reg 24, reg 28(4)) is not one: it is
	// recorded once, in ConnectedApprovals.
	Arrangements []Arrangement `json:"arrangements,omitempty"`
	// HomeNotices are notifications under s.30A Care Standards Act 2000
	// about the children's home where the child lives (reg 28(7)(b)).
	HomeNotices []HomeNotice `json:"home_notices,omitempty"`

	// CarePlans are the versions of the care plan, in order of agreement.
	CarePlans []CarePlan `json:"care_plans,omitempty"`
	// PlacementPlans are the placement plans, each naming its placement.
	PlacementPlans []PlacementPlan `json:"placement_plans,omitempty"`
	// Notifications are the written notices of a placement (reg 13).
	Notifications []Notification `json:"notifications,omitempty"`
	// ParentPlacements are placements with a parent before the assessment
	// is complete (reg 19).
	ParentPlacements []ParentPlacement `json:"parent_placements,omitempty"`

	// Events are significant events and changes of circumstances, in date
	// order.
	Events []Event `json:"events,omitempty"`
	// Assessments are completed assessments of the child's needs and
	// circumstances, in date order.
	Assessments []Assessment `json:"assessments,omitempty"`
	// Chronology holds the entries of the child's chronology.
	Chronology []ChronologyEntry `json:"chronology,omitempty"`

	// HealthAssessments are the statutory health assessments (reg 7), in
	// date order.
	HealthAssessments []HealthAssessment `json:"health_assessments,omitempty"`
	// SDQs are the Strengths and Difficulties Questionnaires, in date order.
	SDQs []SDQ `json:"sdqs,omitempty"`
	// DentalChecks are dental checks, in date order.
	DentalChecks []DentalCheck `json:"dental_checks,omitempty"`

	// PEPs are the personal education plans, in order of initiation.
	PEPs []PEP `json:"peps,omitempty"`
	// Terms are the authority's school terms, in order. When nil, the
	// default England pattern of [DefaultTerms] is used.
	Terms []Term `json:"terms,omitempty"`
}

// PlanningPolicy holds the timescales of the planning families. The zero
// value means the defaults of the rule catalogue; a field may be made
// stricter, never looser than its statutory limit (see [Policy.Validate]).
type PlanningPolicy struct {
	Plans      PlansPolicy      `json:"plans,omitzero"`      // PLAN rules
	Assessment AssessmentPolicy `json:"assessment,omitzero"` // ASMT rules
	Visits     VisitsPolicy     `json:"visits,omitzero"`     // VIS rules
	Health     HealthPolicy     `json:"health,omitzero"`     // HLTH rules
	Education  EducationPolicy  `json:"education,omitzero"`  // EDU rules
}

func (p PlanningPolicy) validate(errs *ValidationErrors) {
	p.Plans.validate(errs)
	p.Assessment.validate(errs)
	p.Visits.validate(errs)
	p.Health.validate(errs)
	p.Education.validate(errs)
}

// plLimit checks a policy count: 0 means the default; negative is nonsense;
// above max is looser than the limit. A zero max means no upper limit.
func plLimit(errs *ValidationErrors, path string, v, max int, unit, source string) {
	switch {
	case v < 0:
		errs.Addf(path, "%d %s: must be positive (0 means the default)", v, unit)
	case max > 0 && v > max:
		errs.Addf(path, "%d %s is looser than the limit of %d %s (%s)", v, unit, max, unit, source)
	}
}

// validatePlanning checks the planning records against h's periods of
// care and placements, adding each problem to errs with its path from the
// root of the record ("visits[0].date").
func (r Record) validatePlanning(errs *ValidationErrors, h *History) {
	placements := h.Placements()
	if len(placements) == 0 && len(h.Episodes()) > 0 {
		// The episodes are invalid, so h derived no placements: check the
		// records against the placements of the episodes as given.
		placements = appendPlacements(nil, h.Episodes())
	}
	periods := h.Periods()
	r.validateVisits(errs, periods)
	r.validatePlans(errs, placements)
	r.validateReassessment(errs)
	r.validateHealth(errs)
	r.validateEducation(errs)
}

// assessPlanning records the findings of every planning rule in e, as of
// e.AsOf(). The child and episodes are h's; p has been validated.
func (r Record) assessPlanning(e *Emitter, h *History, ctx Context, cal *Calendar, p Policy) error {
	a := planAssessor{r: &r, h: h, eps: h.Episodes(), ctx: &ctx, e: e, asOf: e.AsOf(), cal: cal, p: &p}
	var buf [8]planPeriod // room for most children's periods of care
	a.periods = a.planPeriods(buf[:0])
	if err := a.plans(); err != nil {
		return err
	}
	if err := a.reassessment(); err != nil {
		return err
	}
	a.visitSchedule(a.emitVisit)
	if err := a.visitRecords(); err != nil {
		return err
	}
	if err := a.health(); err != nil {
		return err
	}
	if err := a.education(); err != nil {
		return err
	}
	a.identity()
	return nil
}

// planAssessor carries one assessment of one child's planning records.
type planAssessor struct {
	r   *Record   // the planning records; the child and episodes are h's
	h   *History  // the child, episodes, periods and placements, validated
	eps []Episode // h.Episodes()
	// periods are h's periods of care with what the families read of
	// them, worked out once.
	periods []planPeriod
	ctx     *Context
	e       *Emitter
	asOf    Date
	cal     *Calendar // nil for the visit calculators, which count no working days
	p       *Policy
}

// workingDays returns the last day of "within n working days of anchor"
// under the policy's counting convention; an error names the rule.
func (a *planAssessor) workingDays(k *Kind, anchor Date, n int) (Date, error) {
	d, err := a.cal.WorkingDayDeadline(anchor, n, a.p.Counting)
	if err != nil {
		return Date{}, fmt.Errorf("care: %s: %w", k.Rule.ID, err)
	}
	return d, nil
}

// planningRules returns the planning rules in ID order, fresh on each call.
func planningRules() []Rule {
	rs := [...]*Rule{
		&rulePLAN01, &rulePLAN02, &rulePLAN03, &rulePLAN04, &rulePLAN05, &rulePLAN06,
		&ruleASMT01, &ruleASMT02, &ruleASMT03,
		&ruleVIS01, &ruleVIS02, &ruleVIS03, &ruleVIS04, &ruleVIS05, &ruleVIS06, &ruleVIS07, &ruleVIS08, &ruleVIS09,
		&ruleVIS10, &ruleVIS11, &ruleVIS12,
		&ruleHLTH01, &ruleHLTH02, &ruleHLTH03, &ruleHLTH04,
		&ruleEDU01, &ruleEDU02, &ruleEDU03,
		&ruleID01,
	}
	out := make([]Rule, len(rs))
	for i, r := range rs {
		out[i] = r.Clone()
	}
	return out
}

// plCPPCRInForce is the in-force period of the CPPCR 2010: from 1 April
// 2011.
var plCPPCRInForce = Period{Start: MustDate(2011, 4, 1)}

// plCPPCR returns the citation of provision of regulation reg of the CPPCR
// 2010.
func plCPPCR(provision string, reg int) Citation {
	return Citation{Instrument: CPPCR, Provision: provision, URL: CPPCRURL + "/regulation/" + strconv.Itoa(reg), Abbrev: CPPCRAbbrev}
}

// plLocal returns the citation of a local practice standard whose source is
// given.
func plLocal(source string) Citation {
	return Citation{Instrument: "Local practice standard", Provision: source, Abbrev: "Local standard"}
}

// plPath returns the path of field of element i of list, or field alone
// when list is "" (a record validated on its own). Validation builds paths
// only for the fields it reports.
func plPath(list string, i int, field string) string {
	if list == "" {
		return field
	}
	return JoinPath(Index(list, i), field)
}

// plCheckOrder reports a date, field of element i of list, that is earlier
// than the previous element's.
func plCheckOrder(errs *ValidationErrors, list string, i int, field string, prev, d Date) {
	if i > 0 && !prev.IsZero() && !d.IsZero() && d.Before(prev) {
		errs.Add(plPath(list, i, field), fmt.Errorf("%w: %s is before the previous record's %s", ErrOutOfOrder, d, prev))
	}
}

// plInCare reports whether d falls in a period of care, counting the day a
// period ended (a visit on the day the child left care is in care).
func plInCare(periods []Period, d Date) bool {
	for _, p := range periods {
		if p.Contains(d) || (!p.End.IsZero() && d.Equal(p.End)) {
			return true
		}
	}
	return false
}

// plBeforeCare reports whether d is before the child first became looked after.
func plBeforeCare(periods []Period, d Date) bool {
	return len(periods) > 0 && !d.IsZero() && d.Before(periods[0].Start)
}

// plAfterCare reports whether d is after the day the child's last period of
// care ended. A day in a gap between periods is neither before nor after
// care: short-break children are visited at home between stays.
func plAfterCare(periods []Period, d Date) bool {
	if len(periods) == 0 {
		return false
	}
	last := periods[len(periods)-1]
	return !last.End.IsZero() && d.After(last.End)
}

// planPeriod is a period of care with what the planning families read of
// it.
type planPeriod struct {
	Period
	// first is the index of its first episode: the subject of the
	// findings about the period.
	first int
	// shortBreak says that it starts under a short-break legal status (V3,
	// V4: CPPCR reg 48), whose children have their own care plan, visits
	// and reviews and no health or PEP timescales.
	shortBreak bool
	// careEnd is the day the child's care that the period belongs to
	// ended: the end of the period, or for a series of short breaks
	// (consecutive short-break periods) the end of the series' last
	// recorded stay. It is zero while that care lasts. The duties of a
	// period of care close on this day.
	careEnd Date
}

// planPeriods appends the child's periods of care to dst.
func (a *planAssessor) planPeriods(dst []planPeriod) []planPeriod {
	for _, per := range a.h.Periods() {
		i := a.h.FirstEpisode(per)
		dst = append(dst, planPeriod{Period: per, first: i, shortBreak: a.eps[i].LegalStatus.IsShortBreak()})
	}
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i].careEnd = dst[i].End
		if dst[i].shortBreak && i+1 < len(dst) && dst[i+1].shortBreak {
			dst[i].careEnd = dst[i+1].careEnd
		}
	}
	return dst
}

// plProblems returns the set of the problems i for which bad[i] is true:
// the arguments follow the order of a kind's Problems.
func plProblems(bad ...bool) Problems {
	var p Problems
	for i, b := range bad {
		if b {
			p |= Problem(i)
		}
	}
	return p
}
