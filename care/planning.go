package care

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// This file is the hub of the planning families: PLAN (care and placement
// plans, plans.go), ASMT (reassessment and chronology, reassessment.go), VIS
// (statutory visits, visits.go), HLTH (health, health.go), EDU (personal
// education plans, education.go) and ID (identity, identity.go).

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
	// for the child's living arrangements (reg 28(6)) or the child lives
	// with a connected person on temporary approval (reg 24, reg 28(4)).
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

func (r Record) validatePlanning(errs *ValidationErrors) {
	var buf [4]Period // room for most children's periods of care
	periods := appendPeriodsOfCare(buf[:0], r.Episodes)
	r.validateVisits(errs, periods)
	r.validatePlans(errs)
	r.validateReassessment(errs)
	r.validateHealth(errs)
	r.validateEducation(errs)
}

// assessPlanning appends the findings of every planning rule.
func (r Record) assessPlanning(ctx Context, asOf Date, cal *Calendar, p Policy, rep *Report) error {
	if asOf.IsZero() {
		return &FieldError{Path: "as_of", Err: ErrRequired}
	}
	a := planAssessor{r: r, ctx: ctx, asOf: asOf, cal: cal, p: p, rs: &planRuleTable, rep: rep}
	// The periods, placements (whose Moves the assessor never reads) and
	// visit paths are scratch, borrowed from a pool: findings copy what
	// they need from them and never reference their memory.
	sc := planScratchPool.Get().(*planScratch)
	defer sc.release()
	sc.periods = appendPeriodsOfCare(sc.periods[:0], r.Episodes)
	sc.placements = appendPlacements(sc.placements[:0], r.Episodes)
	a.periods, a.placements = sc.periods, sc.placements
	a.visitPaths = sc.paths(len(r.Visits))
	est := r.planFindingsEstimate(len(a.placements), len(a.periods), len(ctx.Reviews))
	*rep = slices.Grow(*rep, est)
	a.evNext = est + est/2 // findings carry about one and a half items of evidence each
	if err := a.plans(); err != nil {
		return err
	}
	if err := a.reassessment(); err != nil {
		return err
	}
	a.visitSchedule(func(s visitStep, done Date, ref int) { a.emitVisit(s, done, ref) })
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

// planScratch is the reusable scratch space of assessPlanning.
type planScratch struct {
	periods    []Period
	placements []Placement
	visitPaths []string
}

var planScratchPool = sync.Pool{New: func() any { return new(planScratch) }}

// paths returns n empty visit paths.
func (sc *planScratch) paths(n int) []string {
	if cap(sc.visitPaths) < n {
		sc.visitPaths = make([]string, n)
	}
	return sc.visitPaths[:n]
}

// release clears what would keep a report's strings alive and returns the
// scratch to the pool.
func (sc *planScratch) release() {
	clear(sc.visitPaths[:cap(sc.visitPaths)])
	planScratchPool.Put(sc)
}

// planFindingsEstimate is about how many findings the planning rules make,
// so the report grows once.
func (r Record) planFindingsEstimate(placements, periods, reviews int) int {
	n := 3*len(r.Visits) + 2*len(r.Events) + reviews + 4*placements + len(r.Notifications) + 8*periods + 2
	n += len(r.HealthAssessments) + len(r.SDQs) + len(r.DentalChecks) + 4*len(r.PEPs) + len(r.HomeNotices)
	if k := len(r.CarePlans); k > 0 {
		n += 2 + len(r.CarePlans[k-1].Actions)
	}
	return n
}

// planAssessor carries the state of one assessment of one record.
type planAssessor struct {
	r          Record
	ctx        Context
	asOf       Date
	cal        *Calendar
	p          Policy
	rs         *[nPlanRules]Rule
	rep        *Report
	periods    []Period
	placements []Placement
	// visitPaths caches "visits[i]" for each visit named in evidence: one
	// visit is named by several findings (the interval it closes, the next
	// it opens, its write-up and its quality).
	visitPaths []string
	// ev is an arena the findings' evidence is carved from, so that a
	// report needs a few allocations for its evidence rather than one a
	// finding; evNext is the size of its next chunk (the whole estimate
	// first, then small chunks, so that little is left unused).
	ev     []Evidence
	evNext int
}

// evidence returns an empty slice with room for n items, carved from the
// arena. Its capacity is exactly n, so appending past it reallocates rather
// than overwriting another finding's evidence.
func (a *planAssessor) evidence(n int) []Evidence {
	if n == 0 {
		return nil
	}
	if cap(a.ev)-len(a.ev) < n {
		a.ev = make([]Evidence, 0, max(a.evNext, n, 16))
		a.evNext = 32
	}
	l := len(a.ev)
	a.ev = a.ev[:l+n]
	return a.ev[l : l : l+n]
}

// visitPath returns "visits[i]", building each path once.
func (a *planAssessor) visitPath(i int) string {
	if a.visitPaths == nil {
		a.visitPaths = make([]string, len(a.r.Visits))
	}
	if i < 0 || i >= len(a.visitPaths) {
		return Index("visits", i)
	}
	if a.visitPaths[i] == "" {
		a.visitPaths[i] = Index("visits", i)
	}
	return a.visitPaths[i]
}

// wd returns the deadline n working days after anchor under the policy's
// counting convention; errors name the rule.
func (a *planAssessor) wd(rule int, anchor Date, n int) (Date, error) {
	d, err := a.cal.WorkingDayDeadline(anchor, n, a.p.Counting)
	if err != nil {
		return Date{}, fmt.Errorf("care: %s: %w", a.rs[rule].ID, err)
	}
	return d, nil
}

// deadline emits a finding for a timescale obligation: the status from
// [Deadline.Evaluate], the deadline, and as evidence the anchor followed by
// refs. An obligation whose anchor falls before the rule came into force
// (CPPCR: 1 April 2011; reg 28(3A): 1 April 2015) makes no finding. It builds the evidence with its final capacity, so a finding costs
// one allocation.
func (a *planAssessor) deadline(rule int, subject string, d Deadline, done Date, refs ...Evidence) {
	a.finding(rule, subject, d, done, "", refs)
}

// finding is deadline with a reference for the anchor's evidence.
func (a *planAssessor) finding(rule int, subject string, d Deadline, done Date, anchorRef string, refs []Evidence) {
	r := &a.rs[rule]
	if !r.InForceOn(d.Anchor) {
		return // the obligation arose before the rule was in force
	}
	d.Rule = r.ID
	f := NewFinding(*r, subject, d.Evaluate(done, a.asOf))
	f.Due = d.Due
	if f.Status == Met || f.Status == Late {
		f.Done = done
	}
	f.Deadline = d
	f.Message = r.Title
	ev := append(a.evidence(1+len(refs)), Evidence{Label: d.AnchorLabel, Date: d.Anchor, Ref: anchorRef})
	f.Evidence = append(ev, refs...)
	*a.rep = append(*a.rep, f)
}

// check emits a finding for a rule that is not a timescale: Met when
// problems is empty, Breach with the problems as the message otherwise.
func (a *planAssessor) check(rule int, subject string, problems []string, refs ...Evidence) {
	r := &a.rs[rule]
	if !r.InForceOn(a.asOf) {
		return
	}
	if len(problems) == 0 {
		f := NewFinding(*r, subject, Met)
		f.Message = r.Title
		f.Evidence = append(a.evidence(len(refs)), refs...)
		*a.rep = append(*a.rep, f)
		return
	}
	f := NewFinding(*r, subject, Breach)
	f.Message = joinMessage(r.Title, problems)
	f.Evidence = append(a.evidence(len(refs)), refs...)
	*a.rep = append(*a.rep, f)
}

// joinMessage returns "title: p1; p2; …" in one allocation.
func joinMessage(title string, problems []string) string {
	n := len(title) + 2*len(problems)
	for _, p := range problems {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(title)
	for i, p := range problems {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(p)
	}
	return b.String()
}

// Indices of the planning rules in the rule table, in catalogue order.
const (
	rPLAN01 = iota
	rPLAN02
	rPLAN03
	rPLAN04
	rPLAN05
	rPLAN06
	rASMT01
	rASMT02
	rASMT03
	rVIS01
	rVIS02
	rVIS03
	rVIS04
	rVIS05
	rVIS06
	rVIS07
	rVIS08
	rVIS09
	rVIS10
	rVIS11
	rVIS12
	rHLTH01
	rHLTH02
	rHLTH03
	rHLTH04
	rEDU01
	rEDU02
	rEDU03
	rID01
	nPlanRules
)

// fillPlanRules writes every planning rule into rs and the names of the
// policy fields each reads, comma-separated, into pol. Keeping the names as
// one string lets assessment build the table without allocating.
func fillPlanRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	fillPlansRules(rs, pol)
	fillReassessmentRules(rs, pol)
	fillVisitRules(rs, pol)
	fillHealthRules(rs, pol)
	fillEducationRules(rs, pol)
	fillIdentityRules(rs, pol)
}

// planRuleTable and planRulePolicy hold the planning rules and the names of
// the policy fields each reads, built once; they are never modified, so
// assessment reads them without building the rules again.
var planRuleTable, planRulePolicy = buildPlanRules()

func buildPlanRules() (rs [nPlanRules]Rule, pol [nPlanRules]string) {
	fillPlanRules(&rs, &pol)
	return rs, pol
}

// planningRules returns the planning rules in ID order, fresh on each call.
func planningRules() []Rule {
	out := make([]Rule, nPlanRules)
	for i := range planRuleTable {
		out[i] = planRuleTable[i]
		if planRulePolicy[i] != "" {
			out[i].Policy = strings.Split(planRulePolicy[i], ",")
		}
	}
	return out
}

// cppcrRule starts a statutory rule of the CPPCR 2010, in force from 1 April
// 2011, at the given provision; reg names the regulation for the URL.
func cppcrRule(id RuleID, title, text, provision string, reg int, dom Domain, def string) Rule {
	return Rule{
		ID: id, Title: title, Text: text,
		Citation: Citation{Instrument: CPPCR, Provision: provision, URL: fmt.Sprintf("%s/regulation/%d", CPPCRURL, reg)},
		InForce:  Period{Start: MustDate(2011, 4, 1)},
		Severity: SeverityStatutory, Domain: dom, Package: "care", Default: def,
	}
}

// localRule starts a local practice standard.
func localRule(id RuleID, title, text, source string, dom Domain, def string) Rule {
	return Rule{
		ID: id, Title: title, Text: text,
		Citation: Citation{Instrument: "Local practice standard", Provision: source},
		Severity: SeverityLocal, Domain: dom, Package: "care", Default: def,
	}
}

// plSubject names a placement, a period or another dated thing.
func plSubject(what string, d Date) string { return what + " " + d.String() }

// plRef is evidence pointing at record i of the list at path.
func plRef(label string, d Date, path string, i int) Evidence {
	return Evidence{Label: label, Date: d, Ref: Index(path, i)}
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

// plPeriodIndex returns the index of the period of care containing d, or -1.
func plPeriodIndex(periods []Period, d Date) int {
	for i, p := range periods {
		if p.Contains(d) {
			return i
		}
	}
	return -1
}
