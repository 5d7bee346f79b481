package care

import "cmp"

// This file holds the one-call calculators of the PLAN family and the
// computations they share with the rules in plans.go, among them how care
// proceedings displace the care plan duty of CPPCR reg 4(2): the readings
// and their sources are in [CarePlanDue]'s doc.

// pendingFrom returns the first stretch of days on or after from during
// which an application was pending, as the spans record them: start is
// the later of from and the earliest issue of an application pending on or
// after from, end the day the last of the applications overlapping or
// adjoining it was disposed of (zero while one continues). With a non-zero
// asOf, an application issued after asOf is not yet made and one disposed
// of after asOf is still pending. Empty spans are ignored. ok is false if
// no application is pending on or after from.
func pendingFrom(spans []Period, from, asOf Date) (start, end Date, ok bool) {
	clip := func(s Period) (Period, bool) {
		if s.IsEmpty() || (!asOf.IsZero() && s.Start.After(asOf)) {
			return Period{}, false
		}
		if !asOf.IsZero() && s.End.After(asOf) {
			s.End = Date{}
		}
		return s, true
	}
	for _, sp := range spans {
		s, live := clip(sp)
		if !live || (!s.End.IsZero() && !s.End.After(from)) {
			continue
		}
		b := s.Start
		if b.Before(from) {
			b = from
		}
		if !ok || b.Before(start) {
			start, ok = b, true
		}
	}
	if !ok {
		return Date{}, Date{}, false
	}
	end = start
	for grown := true; grown; {
		grown = false
		for _, sp := range spans {
			s, live := clip(sp)
			if !live || s.Start.After(end) {
				continue
			}
			if s.End.IsZero() {
				return start, Date{}, true
			}
			if s.End.After(end) {
				end, grown = s.End, true
			}
		}
	}
	return start, end, true
}

// carePlanObligation returns the PLAN-01 timescale that runs from anchor
// (AnchorAs 0: the start of the first placement; 1: the end of care
// proceedings). An error names the rule and wraps the calendar's.
func carePlanObligation(cal *Calendar, p *Policy, anchor Date, anchorAs int) (Obligation, error) {
	n := cmp.Or(p.Plans.CarePlanDays, 10)
	due, err := ruleWorkingDays(cal, PLAN01, anchor, n, p.Counting)
	if err != nil {
		return Obligation{}, err
	}
	return Obligation{Due: due, Anchor: anchor, AnchorAs: anchorAs, Count: n, Unit: WorkingDays}, nil
}

// carePlanObligations calls emit with each PLAN-01 timescale of a period
// of care whose first placement started on start and whose care ends on
// careEnd (zero while it lasts), where the first care plan of the period
// was agreed on agreed (zero if none), and applications for a care order
// were pending during spans (clipped to asOf, if not zero): see
// [CarePlanDue] for the readings. The first runs from start, under reg 4(2); its window closes
// when the child leaves care or an application is issued, whichever is
// first (ClosedBy 1 for the issue). Each time applications pending in the
// period are disposed of with no plan agreed by then, another runs from
// the day they ended. The obligation is met by agreed only if agreed falls
// before its window closes.
func carePlanObligations(cal *Calendar, p *Policy, start, careEnd, agreed, asOf Date, spans []Period, emit func(Obligation)) error {
	anchor, anchorAs := start, 0
	for {
		o, err := carePlanObligation(cal, p, anchor, anchorAs)
		if err != nil {
			return err
		}
		o.Closes = careEnd
		issued, ended, pending := pendingFrom(spans, anchor, asOf)
		if pending && (careEnd.IsZero() || issued.Before(careEnd)) {
			o.Closes, o.ClosedBy = issued, 1 // s.31A applies from the issue: reg 4(2) does not
		} else {
			pending = false
		}
		if !agreed.IsZero() && (o.Closes.IsZero() || agreed.Before(o.Closes)) {
			o.Done = agreed
		}
		emit(o)
		switch {
		case !pending, ended.IsZero(), !careEnd.IsZero() && !ended.Before(careEnd):
			return nil // no proceedings, still pending, or the child left care first
		case !agreed.IsZero() && !agreed.After(ended):
			return nil // a plan agreed by the end of the proceedings stands
		}
		anchor, anchorAs = ended, 1
	}
}

// CarePlanDue returns when the care plan (PLAN-01) of a child with none is
// due, given the start of the first placement of the period of care
// (firstPlacement) and the spans during which an application for a care
// order was pending for the child in that period (proceedings: Start the
// day it was issued, End the day it was disposed of, zero while it
// continues; nil if there were none). It returns false while the court's
// timetable governs.
//
// CPPCR reg 4(2): "Except in the case of a child to whom section 31A (care
// orders: care plans) applies ..., the care plan must be prepared before C
// is first placed by the responsible authority or, if it is not
// practicable to do so, within ten working days of the start of the first
// placement" (p.Plans.CarePlanDays). CA89 s.31A(1): "Where an application
// is made on which a care order might be made with respect to a child, the
// appropriate local authority must, within such time as the court may
// direct, prepare a plan ... for the future care of the child"; s.31A(2):
// "While the application is pending, the authority must keep any care plan
// prepared by them under review"; s.31A(5): references there to a care
// order "do not include an interim care order". (Text from
// legislation.gov.uk, read in legalize-dev/legalize-uk.) No guidance
// paragraph on the interplay was found; the library reads it so:
//
//   - s.31A applies while an application on which a care order might be
//     made (for a care or a supervision order, CA89 s.31) is pending: from
//     the day it is issued until it is disposed of (final order, no order
//     or withdrawal).
//   - Legal status C1 (interim care order) alone does not make it apply: an
//     interim order on a s.37 direction has no application pending. Only
//     the proceedings count ([Context].CareProceedings for the rule).
//   - While s.31A applies the plan is the s.31A plan, due "within such time
//     as the court may direct", a timetable the care record does not hold:
//     nothing is due here (PERM-04 follows the proceedings' 26 weeks).
//   - An application issued on or before the reg 4(2) deadline (or pending
//     when the first placement began) means that duty was never owed. One
//     issued after it finds the duty already due: the rule reports it
//     Missed if no plan was agreed by the issue, the window having closed
//     "when care proceedings were issued".
//   - When the proceedings end with the child still looked after, a plan
//     agreed by then (the s.31A plan, whose content these Regulations
//     prescribe under s.31A(3)) stands, kept under review by reg 6. If none
//     was agreed, reg 4(2) applies again with its window passed: the
//     library allows the same ten working days from the day the
//     proceedings ended ("the end of care proceedings").
//
// Counting: "within ten working days of" does not count the anchor day: it
// is day 0 (CPPCR reg 2(1) working days, [Calendar.WorkingDayDeadline])
// unless p.Counting counts it as day 1. A plan agreed on the due date is on
// time.
//
// It returns an error naming the field for a zero firstPlacement or a span
// without a start or ending on or before it, an error if cal is nil or p
// is looser than statute ([Policy.Validate]), and one wrapping
// [ErrOutsideCalendar] if the count leaves the calendar. See also
// [PlacementPlanDue].
func CarePlanDue(firstPlacement Date, proceedings []Period, cal *Calendar, p Policy) (Deadline, bool, error) {
	if err := checkCalculator(cal, p); err != nil {
		return Deadline{}, false, err
	}
	var errs ValidationErrors
	if firstPlacement.IsZero() {
		errs.Add("first_placement", ErrRequired)
	}
	for i, s := range proceedings {
		at := func(f string) string { return JoinPath(Index("care_proceedings", i), f) }
		switch {
		case s.Start.IsZero():
			errs.Add(at("start"), ErrRequired)
		case !s.End.IsZero() && !s.End.After(s.Start):
			errs.Addf(at("end"), "disposed of %s, not after the issue on %s", s.End, s.Start)
		}
	}
	if err := errs.Err(); err != nil {
		return Deadline{}, false, err
	}
	var last Obligation
	err := carePlanObligations(cal, &p, firstPlacement, Date{}, Date{}, Date{}, proceedings, func(o Obligation) { last = o })
	if err != nil || !last.Closes.IsZero() {
		// The last window was closed by an application still pending: the
		// court's timetable governs.
		return Deadline{}, false, err
	}
	return obligationDeadline(&kindPLAN01, last), true, nil
}

// placementPlanObligation returns the PLAN-04 timescale of the placement
// that starts on start. An error names the rule and wraps the calendar's.
func placementPlanObligation(cal *Calendar, p *Policy, start Date) (Obligation, error) {
	n := cmp.Or(p.Plans.PlacementPlanDays, 5)
	due, err := ruleWorkingDays(cal, PLAN04, start, n, p.Counting)
	if err != nil {
		return Obligation{}, err
	}
	return Obligation{Due: due, Anchor: start, Count: n, Unit: WorkingDays}, nil
}

// placementNoticeObligation returns the PLAN-05 timescale of the placement
// that starts on start. An error names the rule and wraps the calendar's.
func placementNoticeObligation(cal *Calendar, p *Policy, start Date) (Obligation, error) {
	n := cmp.Or(p.Plans.NotificationDays, 5)
	due, err := ruleWorkingDays(cal, PLAN05, start, n, p.Counting)
	if err != nil {
		return Obligation{}, err
	}
	return Obligation{Due: due, Anchor: start, Count: n, Unit: WorkingDays}, nil
}

// PlacementPlanDue returns when the placement plan (PLAN-04) of the
// placement that starts on placementStart is due, where it could not be
// prepared before the placement: CPPCR reg 9(2), "within five working days
// of the start of the placement" (p.Plans.PlacementPlanDays). Short breaks
// and temporary placements need none; the calculator does not know the
// placement's type.
//
// Counting: the start day is day 0 (CPPCR reg 2(1) working days,
// [Calendar.WorkingDayDeadline]) unless p.Counting counts it as day 1; a
// plan prepared on the due date is on time.
//
// It returns an error naming the field for a zero placementStart, an error
// if cal is nil or p is looser than statute ([Policy.Validate]), and one
// wrapping [ErrOutsideCalendar] if the count leaves the calendar. See also
// [PlacementNoticeDue] and [CarePlanDue].
func PlacementPlanDue(placementStart Date, cal *Calendar, p Policy) (Deadline, error) {
	if err := checkPlacementStart(placementStart, cal, p); err != nil {
		return Deadline{}, err
	}
	o, err := placementPlanObligation(cal, &p, placementStart)
	if err != nil {
		return Deadline{}, err
	}
	return obligationDeadline(&kindPLAN04, o), nil
}

// PlacementNoticeDue returns when the written notices of an emergency
// placement that starts on placementStart (PLAN-05), the IRO's among them,
// are due: CPPCR reg 13(1), "if the placement is made in an emergency,
// within five working days of the start of the placement"
// (p.Plans.NotificationDays). A planned placement is notified before it is
// made.
//
// Counting, errors and exclusions are those of [PlacementPlanDue].
func PlacementNoticeDue(placementStart Date, cal *Calendar, p Policy) (Deadline, error) {
	if err := checkPlacementStart(placementStart, cal, p); err != nil {
		return Deadline{}, err
	}
	o, err := placementNoticeObligation(cal, &p, placementStart)
	if err != nil {
		return Deadline{}, err
	}
	return obligationDeadline(&kindsPLAN05[RecipientIRO], o), nil
}

// checkPlacementStart checks the inputs of the placement calculators.
func checkPlacementStart(start Date, cal *Calendar, p Policy) error {
	if err := checkCalculator(cal, p); err != nil {
		return err
	}
	if start.IsZero() {
		return &FieldError{Path: "placement_start", Err: ErrRequired}
	}
	return nil
}
