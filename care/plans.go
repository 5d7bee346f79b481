package care

import (
	"cmp"
	"fmt"
)

// This file holds the PLAN family: the care plan (PLAN-01 to PLAN-03), the
// placement plan (PLAN-04), notifications of a placement (PLAN-05) and the
// reg 19 placement with a parent (PLAN-06). PLAN-01 closes when the period
// of care ends; PLAN-04 and PLAN-05 when the placement ends; PLAN-06 when
// the placement with the parent ends. PLAN-02 and PLAN-03 are checks of the
// current care plan while the child is looked after.

// CarePlan is one agreed version of the child's care plan (CPPCR regs 4–6).
// The booleans record that the plan holds the part named; PermanencePlan
// (free text, at most [MaxTextBytes]) and IROName (at most [MaxNameBytes])
// hold the text itself. Errors never quote either.
type CarePlan struct {
	Agreed Date `json:"agreed"`
	// PermanencePlan is the long-term plan for the child's upbringing.
	PermanencePlan string `json:"permanence_plan,omitempty"`
	HealthPlan     bool   `json:"health_plan,omitempty"`
	// PEP records that the plan includes the personal education plan.
	PEP bool `json:"pep,omitempty"`
	// IROName names the independent reviewing officer (reg 5(d)).
	IROName string `json:"iro_name,omitempty"`
	// ChildWishes and ParentWishes record that the wishes and feelings of
	// the child and of the parents are set out.
	ChildWishes  bool         `json:"child_wishes,omitempty"`
	ParentWishes bool         `json:"parent_wishes,omitempty"`
	Actions      []PlanAction `json:"actions,omitempty"`
}

// PlanAction is one action of a care plan: who does what, to what end, by
// when. Action and Outcome are free text of at most [MaxTextBytes], Owner
// a name of at most [MaxNameBytes]; errors never quote them.
type PlanAction struct {
	Action    string `json:"action"`
	Owner     string `json:"owner,omitempty"`
	Outcome   string `json:"outcome,omitempty"`
	Due       Date   `json:"due,omitzero"`
	Completed Date   `json:"completed,omitzero"`
}

// PlacementPlan is the placement plan for the placement that starts on
// PlacementStart (reg 9), prepared on Prepared.
type PlacementPlan struct {
	PlacementStart Date `json:"placement_start"`
	Prepared       Date `json:"prepared"`
}

// Recipient is who a placement notification (reg 13) went to.
type Recipient uint8

const (
	RecipientUnknown       Recipient = iota // not given; invalid in a record
	RecipientIRO                            // the independent reviewing officer
	RecipientChild                          // the child
	RecipientParent                         // a parent or person with parental responsibility
	RecipientPreviousCarer                  // the previous carer
	RecipientHealthBody                     // the health body (ICB) for the area
	RecipientGP                             // the child's registered GP
	RecipientSchool                         // the school or education provider
	RecipientAreaAuthority                  // the authority for the area of the placement (reg 13(4))
	RecipientContact                        // a person with contact
	RecipientOther                          // anyone else
)

var recipientNames = [...]string{"unknown", "iro", "child", "parent", "previous-carer", "health-body", "gp", "school", "area-authority", "contact", "other"}

// String returns the recipient's name, such as "iro".
func (r Recipient) String() string {
	if int(r) < len(recipientNames) {
		return recipientNames[r]
	}
	return fmt.Sprintf("Recipient(%d)", uint8(r))
}

// MarshalText implements [encoding.TextMarshaler].
func (r Recipient) MarshalText() ([]byte, error) {
	return marshalName(r.String(), int(r), len(recipientNames), "recipient")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Recipient) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, recipientNames[:], "recipient")
	*r = Recipient(i)
	return err
}

// Notification is a written notice of the placement that starts on
// PlacementStart, sent to Recipient on Sent (reg 13).
type Notification struct {
	PlacementStart Date      `json:"placement_start"`
	Recipient      Recipient `json:"recipient"`
	Sent           Date      `json:"sent"`
}

// ParentPlacement records a placement with a parent made before the
// parent's assessment was complete (CPPCR reg 19): the placement that
// starts on PlacementStart (placement type P1), the day the assessment and
// review were completed, and the day the decision was made and approved.
type ParentPlacement struct {
	PlacementStart      Date `json:"placement_start"`
	AssessmentCompleted Date `json:"assessment_completed,omitzero"`
	DecisionApproved    Date `json:"decision_approved,omitzero"`
}

// PlansPolicy holds the plan timescales. Zero fields mean the defaults.
type PlansPolicy struct {
	// CarePlanDays: working days from the first placement (default and
	// limit 10, reg 4(2)).
	CarePlanDays int `json:"care_plan_days,omitempty"`
	// PlacementPlanDays: working days from each placement (default and
	// limit 5, reg 9(2)).
	PlacementPlanDays int `json:"placement_plan_days,omitempty"`
	// NotificationDays: working days from an emergency placement (default
	// and limit 5, reg 13(2)).
	NotificationDays int `json:"notification_days,omitempty"`
	// ParentAssessmentDays and ParentDecisionDays: reg 19 (defaults and
	// limits 10 and 10 working days; settled.md N6).
	ParentAssessmentDays int `json:"parent_assessment_days,omitempty"`
	ParentDecisionDays   int `json:"parent_decision_days,omitempty"`
	// ActionHorizonMonths: the plan should have an action due within this
	// many months of the assessment date (local; default 6).
	ActionHorizonMonths int `json:"action_horizon_months,omitempty"`
}

func (p PlansPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "plans.care_plan_days", p.CarePlanDays, 10, "working days", "CPPCR reg 4(2)")
	plLimit(errs, "plans.placement_plan_days", p.PlacementPlanDays, 5, "working days", "CPPCR reg 9(2)")
	plLimit(errs, "plans.notification_days", p.NotificationDays, 5, "working days", "CPPCR reg 13(2)")
	plLimit(errs, "plans.parent_assessment_days", p.ParentAssessmentDays, 10, "working days", "CPPCR reg 19(b)")
	plLimit(errs, "plans.parent_decision_days", p.ParentDecisionDays, 10, "working days", "CPPCR reg 19(c)")
	plLimit(errs, "plans.action_horizon_months", p.ActionHorizonMonths, 0, "months", "local")
}

// plWorkingDays is the counting convention of the working-day rules.
const plWorkingDays = " Working days follow CPPCR reg 2(1); the anchor day is day 0 (Policy.Counting may count it as day 1). A plan or notice dated on or before the due date is on time."

var rulePLAN01 = Rule{
	ID: PLAN01, Title: "Care plan prepared before the first placement, or within 10 working days of its start",
	Text: "For each period of care, the first care plan agreed after the previous period ended is due \"within ten working days of the start of the first placement\" (reg 4(2)); a series of short breaks (reg 48) needs one short-break care plan, for its first stay." + plWorkingDays +
		" The duty closes when the period of care ends (for short breaks, when the series' last recorded stay ends): a plan not agreed by then is missed, and none is owed if the child leaves care on or before the due date." +
		" Reg 4(2) does not apply \"in the case of a child to whom section 31A ... applies\": while an application on which a care order might be made is pending (Context.CareProceedings: issued, not yet disposed of; an interim care order alone is not enough), the plan is the s.31A plan, due \"within such time as the court may direct\", and is not judged here. An application issued on or before the due date means the duty was never owed; one issued after it closes the duty, missed if no plan was agreed by the issue. When the proceedings end with the child still in care and no plan agreed by then, a plan is due within 10 working days of the day they ended.",
	Citation: plCPPCR("reg 4(2); CA89 s.31A", 4), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go", Default: "10 WD", Policy: []string{"Plans.CarePlanDays", "Counting"},
}

var rulePLAN02 = Rule{
	ID: PLAN02, Title: "Care plan holds the required parts",
	Text:     "The current care plan (the latest agreed on or before the assessment date, while the child is looked after) holds a plan for permanence, a health plan, the personal education plan, the IRO's name, and the wishes and feelings of the child and of the parents. A plan is not faulted for lacking a PEP while no PEP exists and EDU-01 applies: EDU-01 reports that.",
	Citation: plCPPCR("reg 5", 5), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go",
}

var rulePLAN03 = Rule{
	ID: PLAN03, Title: "Care plan actions are specific, one is due in the next six months, none is overdue",
	Text:     "For the current care plan (while the child is looked after): each action without an owner, an intended outcome or a due date is a breach (one finding per action); each action with a due date is completed by it (one finding per action: Met, Late, Overdue or Upcoming); and at least one uncompleted action is due in the months after the assessment date (corresponding-date rule), one finding per plan.",
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go", Default: "6 months", Policy: []string{"Plans.ActionHorizonMonths"},
}

var rulePLAN04 = Rule{
	ID: PLAN04, Title: "Placement plan prepared before the placement, or within 5 working days of its start",
	Text: "Each placement (except short breaks, whose short-break care plan replaces it, and temporary placements T0–T4) has a placement plan prepared \"within five working days of the start of the placement\" (reg 9(2))." + plWorkingDays +
		" The duty closes when the placement ends: a plan not prepared by then is missed, and none is owed for a placement that ends on or before the due date.",
	Citation: plCPPCR("reg 9(1)-(2)", 9), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go", Default: "5 WD", Policy: []string{"Plans.PlacementPlanDays", "Counting"},
}

var rulePLAN05 = Rule{
	ID: PLAN05, Title: "Placement notifications, including the IRO, within 5 working days of the start",
	Text: "For each placement (except short breaks and temporary placements) the IRO is notified in writing \"within five working days of the start of the placement\" (reg 13(1), for an emergency placement; a planned one is notified before it is made, which is on time too), and so is every other recipient recorded for it." + plWorkingDays +
		" The duty closes when the placement ends.",
	Citation: plCPPCR("reg 13(1)-(3)", 13), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go", Default: "5 WD", Policy: []string{"Plans.NotificationDays", "Counting"},
}

var rulePLAN06 = Rule{
	ID: PLAN06, Title: "Placed with a parent before assessment: assessment within 10 working days, decision approved 10 working days after",
	Text: "For each reg 19 placement with a parent, the assessment and review are completed \"within ten working days of C being placed with P\" (reg 19(b)), and the decision is made and approved \"within ten working days after the assessment is completed\" (reg 19(c)). The English wording of reg 19 is from the 2013 text (settled.md N6); the limits are policy fields." + plWorkingDays +
		" The decision's count runs \"after\" the completion, which excludes that day whatever Policy.Counting says. Both close when the placement with the parent ends.",
	Citation: plCPPCR("reg 19(b)-(c)", 19), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainPlans,
	Reads: FamilyPlans, Package: "care", File: "care/plans.go", Default: "10 + 10 WD",
	Policy: []string{"Plans.ParentAssessmentDays", "Plans.ParentDecisionDays", "Counting"},
}

// The kinds of PLAN finding.
var (
	kindPLAN01 = Kind{Rule: &rulePLAN01, What: "care plan", Subject: "episodes[]",
		Anchor: "the start of the first placement", Anchors: []string{"the end of care proceedings"},
		Done: "care plan agreed", DoneAt: "care_plans[]",
		Closures: []string{"the child left care", "care proceedings were issued"}}
	kindPLAN02 = Kind{Rule: &rulePLAN02, What: "care plan", Subject: "care_plans[]", Anchor: "care plan agreed",
		Problems: []string{"no plan for permanence", "no health plan", "no personal education plan", "no IRO named",
			"child's wishes and feelings not recorded", "parents' wishes and feelings not recorded"},
		Met: "holds every part reg 5 asks for"}
	kindPLAN03Specific = Kind{Rule: &rulePLAN03, What: "care plan action", Subject: "care_plans[].actions[]",
		Problems: []string{"no owner", "no intended outcome", "no due date"}}
	kindPLAN03Action = Kind{Rule: &rulePLAN03, What: "action completed", Subject: "care_plans[].actions[]",
		Anchor: "agreement of the care plan", AnchorAt: "care_plans[]"}
	kindPLAN03Ahead = Kind{Rule: &rulePLAN03, What: "care plan", Subject: "care_plans[]", Anchor: "care plan agreed",
		Extra: "end of the months ahead", Problems: []string{"no open action due in the months ahead"},
		Message: appendPLAN03Ahead}
	kindPLAN04 = Kind{Rule: &rulePLAN04, What: "placement plan", Subject: "episodes[]",
		Anchor: "the start of the placement", DoneAt: "placement_plans[]", Closures: []string{"the placement ended"}}
	kindPLAN06Assessment = Kind{Rule: &rulePLAN06, What: "assessment and review", Subject: "parent_placements[]",
		Anchor: "the start of the placement with the parent", Done: "assessment completed",
		Closures: []string{"the placement with the parent ended"}}
	kindPLAN06Decision = Kind{Rule: &rulePLAN06, What: "approved decision", Subject: "parent_placements[]",
		Anchor: "completion of the assessment", Done: "decision approved",
		Closures: []string{"the placement with the parent ended"}}
)

// kindsPLAN05 are the kinds of PLAN-05 finding, one for each recipient of a
// notice, indexed by [Recipient].
var kindsPLAN05 = func() (ks [len(recipientNames)]Kind) {
	words := [len(recipientNames)]string{"", "the IRO", "the child", "a parent", "the previous carer", "the health body",
		"the GP", "the school", "the area authority", "a person with contact", "another person"}
	for r := range ks {
		ks[r] = Kind{Rule: &rulePLAN05, What: "notice to " + words[r], Subject: "episodes[]",
			Anchor: "the start of the placement", Done: "notice sent", DoneAt: "notifications[]",
			Closures: []string{"the placement ended"}}
	}
	return ks
}()

// appendPLAN03Ahead renders the PLAN-03 check of the months ahead: "care
// plan agreed on 10 January 2024: no open action due by 1 September 2024,
// 6 months ahead". The horizon is the finding's Extra date and the number
// of months its Quantity.
func appendPLAN03Ahead(b []byte, f Finding) []byte {
	b = append(b, "care plan agreed on "...)
	b = f.Anchor().AppendFormat(b)
	if f.Status == Breach {
		b = append(b, ": no open action due by "...)
	} else {
		b = append(b, ": an open action is due by "...)
	}
	b = f.Extra().AppendFormat(b)
	b = append(b, ", "...)
	b = appendCount(b, f.Quantity(), Months)
	return append(b, " ahead"...)
}

func (r Record) validatePlans(errs *ValidationErrors, placements []Placement) {
	// placementAt checks a record's placement_start field, d, whose path
	// at builds (only when reporting): it is required, and a placement must
	// start that day, which it returns.
	placementAt := func(at func(string) string, d Date) (Placement, bool) {
		if d.IsZero() {
			errs.Add(at("placement_start"), ErrRequired)
			return Placement{}, false
		}
		pl, ok := placementStarting(placements, d)
		if !ok {
			errs.Addf(at("placement_start"), "no placement starts on %s", d)
		}
		return pl, ok
	}
	for i, cp := range r.CarePlans {
		at := func(f string) string { return plPath("care_plans", i, f) }
		switch {
		case cp.Agreed.IsZero():
			errs.Add(at("agreed"), ErrRequired)
		case i > 0:
			plCheckOrder(errs, "care_plans", i, "agreed", r.CarePlans[i-1].Agreed, cp.Agreed)
		}
		for j, ac := range cp.Actions {
			if ac.Action == "" {
				errs.Add(JoinPath(Index(at("actions"), j), "action"), ErrRequired)
			}
		}
	}
	for i, pp := range r.PlacementPlans {
		at := func(f string) string { return plPath("placement_plans", i, f) }
		if pp.Prepared.IsZero() {
			errs.Add(at("prepared"), ErrRequired)
		}
		placementAt(at, pp.PlacementStart)
	}
	for i, n := range r.Notifications {
		at := func(f string) string { return plPath("notifications", i, f) }
		switch {
		case n.Recipient == RecipientUnknown:
			errs.Add(at("recipient"), ErrRequired)
		case int(n.Recipient) >= len(recipientNames):
			errs.Add(at("recipient"), fmt.Errorf("%w: %v", ErrUnknownCode, n.Recipient))
		}
		if n.Sent.IsZero() {
			errs.Add(at("sent"), ErrRequired)
		}
		placementAt(at, n.PlacementStart)
	}
	for i, pp := range r.ParentPlacements {
		at := func(f string) string { return plPath("parent_placements", i, f) }
		if pl, ok := placementAt(at, pp.PlacementStart); ok && !pl.FirstType.IsWithParents() {
			errs.Addf(at("placement_start"), "the placement starting %s is %s, not a placement with a parent (P1)", pp.PlacementStart, pl.FirstType)
		}
		if !pp.AssessmentCompleted.IsZero() && pp.AssessmentCompleted.Before(pp.PlacementStart) {
			errs.Addf(at("assessment_completed"), "completed %s, before the placement started %s", pp.AssessmentCompleted, pp.PlacementStart)
		}
		switch {
		case pp.DecisionApproved.IsZero():
		case pp.AssessmentCompleted.IsZero():
			errs.Add(at("assessment_completed"), fmt.Errorf("%w: a decision was approved on %s", ErrRequired, pp.DecisionApproved))
		case pp.DecisionApproved.Before(pp.AssessmentCompleted):
			errs.Addf(at("decision_approved"), "approved %s, before the assessment was completed on %s", pp.DecisionApproved, pp.AssessmentCompleted)
		}
	}
}

// placementStarting returns the placement that starts on d.
func placementStarting(pls []Placement, d Date) (Placement, bool) {
	for _, p := range pls {
		if p.Period.Start.Equal(d) {
			return p, true
		}
	}
	return Placement{}, false
}

// planApplies reports whether a placement needs a placement plan and
// notifications: not short breaks (reg 48(3)) and not temporary placements.
func planApplies(eps []Episode, pl Placement) bool {
	return !eps[pl.First].LegalStatus.IsShortBreak() && !pl.FirstType.IsTemporary()
}

// plans records the PLAN findings. A care plan agreed, placement plan
// prepared or notice sent after the assessment date is not yet made, as
// every record dated after it is in every family: whether a case may hold
// such records at all is the root package's decision.
func (a *planAssessor) plans() error {
	if err := a.carePlans(); err != nil {
		return err
	}
	if a.h.InCareOn(a.asOf) {
		if cur := a.currentCarePlan(); cur >= 0 {
			a.carePlanContent(cur)
			a.carePlanActions(cur)
		}
	}
	if err := a.placementPlans(); err != nil {
		return err
	}
	return a.parentPlacements()
}

// carePlans records PLAN-01 for each period of care: the first care plan
// agreed after the previous period ended is due 10 working days after the
// period starts, and the duty closes when the period ends. A series of
// short breaks (reg 48) has one short-break care plan, so only the first
// stay of a series needs one, and it closes when the series ends
// (planPeriod.careEnd). Care proceedings (Context.CareProceedings) displace
// the reg 4(2) duty while an application is pending (s.31A), and bring it
// back when they end with no plan agreed: see carePlanObligations.
func (a *planAssessor) carePlans() error {
	for pi, per := range a.periods {
		if per.Start.After(a.asOf) {
			break
		}
		if !rulePLAN01.InForceOn(per.Start) {
			continue // owed nothing under reg 4, and its working days may fall outside the calendar
		}
		if pi > 0 && per.shortBreak && a.periods[pi-1].shortBreak {
			continue
		}
		var after Date
		if pi > 0 {
			after = a.periods[pi-1].End
		}
		closes := per.careEnd
		done, ref := Date{}, -1
		for i, cp := range a.r.CarePlans {
			if cp.Agreed.After(a.asOf) || cp.Agreed.Before(after) || (!closes.IsZero() && !cp.Agreed.Before(closes)) {
				continue
			}
			done, ref = cp.Agreed, i
			break
		}
		err := carePlanObligations(a.cal, a.p, per.Start, closes, done, a.asOf, a.ctx.CareProceedings, func(o Obligation) {
			o.Subject = At(per.first)
			if !o.Done.IsZero() {
				o.DoneAt = At(ref)
			}
			a.e.Deadline(&kindPLAN01, o)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// currentCarePlan returns the index of the latest care plan agreed on or
// before the assessment date, and -1 if there is none.
func (a *planAssessor) currentCarePlan() int {
	cur := -1
	for i, cp := range a.r.CarePlans {
		if !cp.Agreed.After(a.asOf) {
			cur = i
		}
	}
	return cur
}

// carePlanContent records PLAN-02 for care plan i. A plan is not faulted
// for leaving out a PEP while EDU-01 reports that none exists.
func (a *planAssessor) carePlanContent(i int) {
	cp := a.r.CarePlans[i]
	a.e.Check(&kindPLAN02, Obligation{Subject: At(i), Anchor: cp.Agreed}, plProblems(
		cp.PermanencePlan == "",       // no plan for permanence
		!cp.HealthPlan,                // no health plan
		!cp.PEP && !a.noPEPReported(), // no personal education plan
		cp.IROName == "",              // no IRO named
		!cp.ChildWishes,               // child's wishes and feelings
		!cp.ParentWishes,              // parents' wishes and feelings
	))
}

// carePlanActions records PLAN-03 for care plan i: a breach for each action
// that is not specific, a deadline for each action with a due date, and a
// check that an open action is due in the months ahead, whose end is the
// finding's Extra date and whose number of months its Quantity.
func (a *planAssessor) carePlanActions(i int) {
	cp := a.r.CarePlans[i]
	months := cmp.Or(a.p.Plans.ActionHorizonMonths, 6)
	horizon := a.asOf.AddMonths(months)
	ahead := false
	for j, ac := range cp.Actions {
		if vague := plProblems(ac.Owner == "", ac.Outcome == "", ac.Due.IsZero()); vague != 0 {
			a.e.Check(&kindPLAN03Specific, Obligation{Subject: At(i).At(j)}, vague)
		}
		open := ac.Completed.IsZero() || ac.Completed.After(a.asOf)
		if open && ac.Due.After(a.asOf) && !ac.Due.After(horizon) {
			ahead = true
		}
		if !ac.Due.IsZero() {
			a.e.Deadline(&kindPLAN03Action, Obligation{Subject: At(i).At(j), Due: ac.Due, Anchor: cp.Agreed, AnchorAt: At(i),
				Count: ac.Due.DaysSince(cp.Agreed), Unit: Days, Done: ac.Completed})
		}
	}
	a.e.Check(&kindPLAN03Ahead, Obligation{Subject: At(i), Anchor: cp.Agreed, Extra: horizon, Quantity: months}, plProblems(!ahead))
}

// placementPlans records PLAN-04 and PLAN-05 for each placement that needs
// them. Both close when the placement ends.
func (a *planAssessor) placementPlans() error {
	for _, pl := range a.h.Placements() {
		start := pl.Period.Start
		if start.After(a.asOf) || !planApplies(a.eps, pl) {
			continue
		}
		if !rulePLAN04.InForceOn(start) {
			continue // owed nothing under regs 9 and 13, and its working days may fall outside the calendar
		}
		subject := At(pl.First)
		done, ref := Date{}, -1
		for i, plan := range a.r.PlacementPlans {
			if plan.PlacementStart.Equal(start) && !plan.Prepared.After(a.asOf) && (ref < 0 || plan.Prepared.Before(done)) {
				done, ref = plan.Prepared, i
			}
		}
		o, err := placementPlanObligation(a.cal, a.p, start)
		if err != nil {
			return err
		}
		o.Subject, o.Done, o.DoneAt, o.Closes = subject, done, At(ref), pl.Period.End
		a.e.Deadline(&kindPLAN04, o)
		if o, err = placementNoticeObligation(a.cal, a.p, start); err != nil {
			return err
		}
		o.Subject, o.Closes = subject, pl.Period.End
		iroSeen := false
		for i, no := range a.r.Notifications {
			if !no.PlacementStart.Equal(start) {
				continue
			}
			if no.Recipient == RecipientIRO {
				if iroSeen {
					continue
				}
				iroSeen = true
			}
			o.Done, o.DoneAt = no.Sent, At(i)
			a.e.Deadline(&kindsPLAN05[no.Recipient], o)
		}
		if !iroSeen {
			o.Done, o.DoneAt = Date{}, Ref{}
			a.e.Deadline(&kindsPLAN05[RecipientIRO], o)
		}
	}
	return nil
}

// parentPlacements records PLAN-06 for each reg 19 placement with a
// parent: the assessment, then the decision. Both close when the placement
// ends.
func (a *planAssessor) parentPlacements() error {
	na := cmp.Or(a.p.Plans.ParentAssessmentDays, 10)
	nd := cmp.Or(a.p.Plans.ParentDecisionDays, 10)
	for i, par := range a.r.ParentPlacements {
		if par.PlacementStart.After(a.asOf) {
			continue
		}
		pl, _ := placementStarting(a.h.Placements(), par.PlacementStart)
		due, err := a.workingDays(&kindPLAN06Assessment, par.PlacementStart, na)
		if err != nil {
			return err
		}
		a.e.Deadline(&kindPLAN06Assessment, Obligation{Subject: At(i), Due: due, Anchor: par.PlacementStart,
			Count: na, Unit: WorkingDays, Done: par.AssessmentCompleted, Closes: pl.Period.End})
		if par.AssessmentCompleted.IsZero() || par.AssessmentCompleted.After(a.asOf) {
			continue
		}
		// "within ten working days after the assessment is completed": after
		// excludes the day of completion under any counting convention.
		due, err = ruleWorkingDays(a.cal, PLAN06, par.AssessmentCompleted, nd, CountFromNextDay)
		if err != nil {
			return err
		}
		a.e.Deadline(&kindPLAN06Decision, Obligation{Subject: At(i), Due: due, Anchor: par.AssessmentCompleted,
			Count: nd, Unit: WorkingDays, Done: par.DecisionApproved, Closes: pl.Period.End})
	}
	return nil
}
