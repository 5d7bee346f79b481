package care

import (
	"cmp"
	"fmt"
	"strconv"
)

// CarePlan is one agreed version of the child's care plan (CPPCR regs 4–6).
// The booleans record that the plan holds the part named; PermanencePlan
// and IROName hold the text itself.
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
// when.
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
	return fmt.Sprintf("%%!Recipient(%d)", uint8(r))
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
	// IgnoreFuturePlans makes assessment ignore care and placement plans
	// dated after the assessment date, for assessing a past date from a
	// later extract. By default such a plan is an error.
	IgnoreFuturePlans bool `json:"ignore_future_plans,omitempty"`
}

func (p PlansPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "plans.care_plan_days", p.CarePlanDays, 10, "working days", "CPPCR reg 4(2)")
	plLimit(errs, "plans.placement_plan_days", p.PlacementPlanDays, 5, "working days", "CPPCR reg 9(2)")
	plLimit(errs, "plans.notification_days", p.NotificationDays, 5, "working days", "CPPCR reg 13(2)")
	plLimit(errs, "plans.parent_assessment_days", p.ParentAssessmentDays, 10, "working days", "CPPCR reg 19(b)")
	plLimit(errs, "plans.parent_decision_days", p.ParentDecisionDays, 10, "working days", "CPPCR reg 19(c)")
	plLimit(errs, "plans.action_horizon_months", p.ActionHorizonMonths, 0, "months", "local")
}

func fillPlansRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	const wd = " Working days follow CPPCR reg 2(1); the anchor day is day 0 (Policy.Counting may count it as day 1). A plan dated on or before the due date is on time."
	rs[rPLAN01] = cppcrRule("PLAN-01", "Care plan prepared before the first placement, or within 10 working days of its start",
		"For each period of care, the first care plan agreed after the previous period ended is due within 10 working days of the start of the first placement."+wd,
		"reg 4(2)", 4, DomainPlans, "10 WD")
	pol[rPLAN01] = "Plans.CarePlanDays,Counting"
	rs[rPLAN02] = cppcrRule("PLAN-02", "Care plan holds the required parts",
		"The current care plan (the latest agreed on or before the assessment date, while the child is looked after) holds a plan for permanence, a health plan, the personal education plan, the IRO's name, and the wishes and feelings of the child and of the parents.",
		"reg 5", 5, DomainPlans, "")
	rs[rPLAN03] = localRule("PLAN-03", "Care plan actions are specific, one is due in the next six months, none is overdue",
		"Each action of the current care plan has an owner, an intended outcome and a due date; at least one uncompleted action is due in the months after the assessment date (corresponding-date rule); and each action with a due date is completed by it (one finding per action: Met, Late, Overdue or Upcoming).",
		"inspection finding", DomainPlans, "6 months")
	pol[rPLAN03] = "Plans.ActionHorizonMonths"
	rs[rPLAN04] = cppcrRule("PLAN-04", "Placement plan prepared before the placement, or within 5 working days of its start",
		"Each placement (except short breaks, whose short-break care plan replaces it, and temporary placements T0–T4) has a placement plan prepared within 5 working days of its start."+wd,
		"reg 9(1)-(2)", 9, DomainPlans, "5 WD")
	pol[rPLAN04] = "Plans.PlacementPlanDays,Counting"
	rs[rPLAN05] = cppcrRule("PLAN-05", "Placement notifications, including the IRO, within 5 working days of the start",
		"For each placement (except short breaks and temporary placements) the IRO is notified in writing within 5 working days of its start, and so is every other recipient recorded for it."+wd,
		"reg 13(1)-(3)", 13, DomainPlans, "5 WD")
	pol[rPLAN05] = "Plans.NotificationDays,Counting"
	rs[rPLAN06] = cppcrRule("PLAN-06", "Placed with a parent before assessment: assessment within 10 working days, decision approved 10 working days after",
		"For each reg 19 placement with a parent, the assessment and review are completed within 10 working days of the placement, and the decision is made and approved within 10 working days after the assessment is completed. The English wording of reg 19 is from the 2013 text (settled.md N6); the limits are policy fields."+wd,
		"reg 19(b)-(c)", 19, DomainPlans, "10 + 10 WD")
	pol[rPLAN06] = "Plans.ParentAssessmentDays,Plans.ParentDecisionDays,Counting"
}

func (r Record) validatePlans(errs *ValidationErrors) {
	var plBuf [8]Placement // room for most children's placements
	var pls []Placement
	listed := false
	startsPlacement := func(d Date) (Placement, bool) {
		if !listed {
			pls, listed = appendPlacements(plBuf[:0], r.Episodes), true
		}
		for _, p := range pls {
			if p.Period.Start.Equal(d) {
				return p, true
			}
		}
		return Placement{}, false
	}
	// placementAt checks a record's placement_start field, d, whose path
	// at builds (only when reporting): it is required, and a placement must
	// start that day, which it returns.
	placementAt := func(at func(string) string, d Date) (Placement, bool) {
		if d.IsZero() {
			errs.Add(at("placement_start"), ErrRequired)
			return Placement{}, false
		}
		pl, ok := startsPlacement(d)
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

// planApplies reports whether a placement needs a placement plan and
// notifications: not short breaks (reg 48(3)) and not temporary placements.
func planApplies(eps []Episode, pl Placement) bool {
	return !eps[pl.First].LegalStatus.IsShortBreak() && !pl.FirstType.IsTemporary()
}

// shortBreakAt reports whether the child was placed under a short-break
// legal status (V3, V4) on day d.
func (a *planAssessor) shortBreakAt(d Date) bool {
	ls, ok := LegalStatusOn(a.r.Episodes, d)
	return ok && ls.IsShortBreak()
}

// plans appends the PLAN findings.
func (a *planAssessor) plans() error {
	pp := a.p.Plans
	if !pp.IgnoreFuturePlans {
		var errs ValidationErrors
		for i, cp := range a.r.CarePlans {
			if cp.Agreed.After(a.asOf) {
				errs.Addf(JoinPath(Index("care_plans", i), "agreed"), "agreed %s, after the assessment date %s", cp.Agreed, a.asOf)
			}
		}
		for i, pl := range a.r.PlacementPlans {
			if pl.Prepared.After(a.asOf) {
				errs.Addf(JoinPath(Index("placement_plans", i), "prepared"), "prepared %s, after the assessment date %s", pl.Prepared, a.asOf)
			}
		}
		if err := errs.Err(); err != nil {
			return err
		}
	}
	eps := a.r.Episodes
	// PLAN-01: per period of care, except that a series of short breaks
	// (reg 48) has one short-break care plan, so only the first stay of a
	// series needs one.
	n := cmp.Or(pp.CarePlanDays, 10)
	for pi, per := range a.periods {
		if per.Start.After(a.asOf) || !a.rs[rPLAN01].InForceOn(per.Start) {
			continue
		}
		if pi > 0 && a.shortBreakAt(per.Start) && a.shortBreakAt(a.periods[pi-1].Start) {
			continue
		}
		var after Date
		if pi > 0 {
			after = a.periods[pi-1].End
		}
		done, ref := Date{}, -1
		for i, cp := range a.r.CarePlans {
			if cp.Agreed.After(a.asOf) || cp.Agreed.Before(after) || (!per.End.IsZero() && !cp.Agreed.Before(per.End)) {
				continue
			}
			done, ref = cp.Agreed, i
			break
		}
		due, err := a.wd(rPLAN01, per.Start, n)
		if err != nil {
			return err
		}
		d := Deadline{Due: due, Anchor: per.Start, AnchorLabel: "first placement started", Count: n, Unit: WorkingDays}
		if ref >= 0 {
			a.deadline(rPLAN01, plSubject("period of care", per.Start), d, done, plRef("care plan agreed", done, "care_plans", ref))
		} else {
			a.deadline(rPLAN01, plSubject("period of care", per.Start), d, done)
		}
	}
	// PLAN-02 and PLAN-03: the current plan, while looked after.
	if _, inCare := EpisodeOn(eps, a.asOf); inCare {
		cur := -1
		for i, cp := range a.r.CarePlans {
			if !cp.Agreed.After(a.asOf) {
				cur = i
			}
		}
		if cur >= 0 {
			a.carePlanContent(cur)
		}
	}
	// PLAN-04 and PLAN-05: per placement.
	np := cmp.Or(pp.PlacementPlanDays, 5)
	nn := cmp.Or(pp.NotificationDays, 5)
	for _, pl := range a.placements {
		start := pl.Period.Start
		if start.After(a.asOf) || !planApplies(eps, pl) || !a.rs[rPLAN04].InForceOn(start) {
			continue
		}
		subject := plSubject("placement", start)
		done, ref := Date{}, -1
		for i, plan := range a.r.PlacementPlans {
			if plan.PlacementStart.Equal(start) && !plan.Prepared.After(a.asOf) && (ref < 0 || plan.Prepared.Before(done)) {
				done, ref = plan.Prepared, i
			}
		}
		due, err := a.wd(rPLAN04, start, np)
		if err != nil {
			return err
		}
		d := Deadline{Due: due, Anchor: start, AnchorLabel: "placement started", Count: np, Unit: WorkingDays}
		if ref >= 0 {
			a.deadline(rPLAN04, subject, d, done, plRef("placement plan prepared", done, "placement_plans", ref))
		} else {
			a.deadline(rPLAN04, subject, d, done)
		}
		due, err = a.wd(rPLAN05, start, nn)
		if err != nil {
			return err
		}
		d = Deadline{Due: due, Anchor: start, AnchorLabel: "placement started", Count: nn, Unit: WorkingDays}
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
			a.deadline(rPLAN05, subject+" notice to "+no.Recipient.String(), d, no.Sent, plRef("notice sent", no.Sent, "notifications", i))
		}
		if !iroSeen {
			a.deadline(rPLAN05, subject+" notice to iro", d, Date{})
		}
	}
	// PLAN-06: reg 19 placements.
	na := cmp.Or(pp.ParentAssessmentDays, 10)
	nd := cmp.Or(pp.ParentDecisionDays, 10)
	for i, par := range a.r.ParentPlacements {
		if par.PlacementStart.After(a.asOf) {
			continue
		}
		subject := plSubject("placement", par.PlacementStart)
		ref := plRef("reg 19 placement", par.PlacementStart, "parent_placements", i)
		due, err := a.wd(rPLAN06, par.PlacementStart, na)
		if err != nil {
			return err
		}
		a.deadline(rPLAN06, subject+" assessment", Deadline{Due: due, Anchor: par.PlacementStart, AnchorLabel: "placed with parent", Count: na, Unit: WorkingDays}, par.AssessmentCompleted, ref)
		if par.AssessmentCompleted.IsZero() || par.AssessmentCompleted.After(a.asOf) {
			continue
		}
		due, err = a.wd(rPLAN06, par.AssessmentCompleted, nd)
		if err != nil {
			return err
		}
		a.deadline(rPLAN06, subject+" decision", Deadline{Due: due, Anchor: par.AssessmentCompleted, AnchorLabel: "assessment completed", Count: nd, Unit: WorkingDays}, par.DecisionApproved, ref)
	}
	return nil
}

// carePlanContent appends PLAN-02 and PLAN-03 for care plan i.
func (a *planAssessor) carePlanContent(i int) {
	cp := a.r.CarePlans[i]
	subject := Index("care_plans", i)
	ev := Evidence{Label: "care plan agreed", Date: cp.Agreed, Ref: subject}
	var buf [6]string
	missing := buf[:0]
	if cp.PermanencePlan == "" {
		missing = append(missing, "no plan for permanence")
	}
	if !cp.HealthPlan {
		missing = append(missing, "no health plan")
	}
	if !cp.PEP {
		missing = append(missing, "no personal education plan")
	}
	if cp.IROName == "" {
		missing = append(missing, "no IRO named")
	}
	if !cp.ChildWishes {
		missing = append(missing, "child's wishes and feelings not recorded")
	}
	if !cp.ParentWishes {
		missing = append(missing, "parents' wishes and feelings not recorded")
	}
	a.check(rPLAN02, subject, missing, ev)

	months := cmp.Or(a.p.Plans.ActionHorizonMonths, 6)
	horizon := a.asOf.AddMonths(months)
	var problems []string
	ahead := false
	for j, ac := range cp.Actions {
		var lack []string
		if ac.Owner == "" {
			lack = append(lack, "owner")
		}
		if ac.Outcome == "" {
			lack = append(lack, "outcome")
		}
		if ac.Due.IsZero() {
			lack = append(lack, "due date")
		}
		if len(lack) > 0 {
			problems = append(problems, fmt.Sprintf("action %d has no %s", j, joinAnd(lack)))
		}
		done := ac.Completed
		if done.After(a.asOf) {
			done = Date{}
		}
		if done.IsZero() && ac.Due.After(a.asOf) && !ac.Due.After(horizon) {
			ahead = true
		}
		if !ac.Due.IsZero() {
			d := Deadline{Due: ac.Due, Anchor: cp.Agreed, AnchorLabel: "care plan agreed", Count: ac.Due.DaysSince(cp.Agreed), Unit: Days}
			a.deadline(rPLAN03, subject+".actions["+strconv.Itoa(j)+"]", d, ac.Completed, ev)
		}
	}
	if !ahead {
		problems = append(problems, fmt.Sprintf("no open action due by %s (%d months after %s)", horizon, months, a.asOf))
	}
	a.check(rPLAN03, subject, problems, ev)
}

// joinAnd joins words as "a, b and c".
func joinAnd(ws []string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	s := ws[0]
	for _, w := range ws[1 : len(ws)-1] {
		s += ", " + w
	}
	return s + " and " + ws[len(ws)-1]
}
