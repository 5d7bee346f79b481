package care

import (
	"cmp"
	"fmt"
	"slices"
)

// This file holds the VIS family: the statutory visiting timetable of CPPCR
// reg 28 and reg 48(3)(c) (VIS-01 to VIS-07, VIS-10 to VIS-12), the visit
// write-up (VIS-08) and the quality of the visit record (VIS-09).
//
// A visit is owed to the child in a placement: an interval still open stays
// Overdue while the placement (or the arrangement, the series of short
// breaks, or the part of a placement before another person took over the
// living arrangements) continues, and a visit made late closes it as Late.
// When the placement ends after the due date with no visit, the interval is
// Missed; when it ends on or before the due date, nothing was owed. VIS-11
// closes when the placement ends; a VIS-08 write-up closes when the child
// leaves care.

// VisitKind says whether a visit was a statutory visit under CPPCR reg 28.
type VisitKind uint8

const (
	VisitKindUnknown   VisitKind = iota // not given; invalid in a record
	VisitKindStatutory                  // a statutory visit by the child's social worker (reg 28)
	VisitKindOther                      // any other visit or contact; it does not count towards the schedule
)

var visitKindNames = [...]string{"unknown", "statutory", "other"}

// String returns "statutory" or "other".
func (k VisitKind) String() string {
	if int(k) < len(visitKindNames) {
		return visitKindNames[k]
	}
	return fmt.Sprintf("VisitKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k VisitKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(visitKindNames), "visit kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *VisitKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, visitKindNames[:], "visit kind")
	*k = VisitKind(i)
	return err
}

// SeenAlone records whether the child was seen alone at a visit (CPPCR reg
// 29: alone unless the child, being of sufficient age and understanding,
// refuses, or the social worker judges it inappropriate).
type SeenAlone uint8

const (
	SeenAloneUnrecorded     SeenAlone = iota // not recorded
	SeenAloneYes                             // the child was seen alone
	SeenAloneNo                              // the child was not seen alone, though it was appropriate
	SeenAloneNotAppropriate                  // not seen alone: the record says it was not appropriate, or the child refused
)

var seenAloneNames = [...]string{"unrecorded", "yes", "no", "not-appropriate"}

// String returns "unrecorded", "yes", "no" or "not-appropriate".
func (s SeenAlone) String() string {
	if int(s) < len(seenAloneNames) {
		return seenAloneNames[s]
	}
	return fmt.Sprintf("SeenAlone(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler]; SeenAloneUnrecorded
// marshals to "".
func (s SeenAlone) MarshalText() ([]byte, error) {
	return marshalName(s.String(), int(s), len(seenAloneNames), "seen alone")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *SeenAlone) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, seenAloneNames[:], "seen alone")
	*s = SeenAlone(i)
	return err
}

// Visit is one visit to the child by the social worker.
type Visit struct {
	Date Date      `json:"date"`
	Kind VisitKind `json:"kind"`
	// ChildSeen records that the child was seen. By default only statutory
	// visits at which the child was seen count towards the reg 28 schedule
	// (see [VisitsPolicy].CountUnseen).
	ChildSeen     bool      `json:"child_seen,omitempty"`
	SeenAlone     SeenAlone `json:"seen_alone,omitzero"`
	ViewsRecorded bool      `json:"views_recorded,omitempty"`
	// Purpose is the purpose of the visit; PlanAction names the care-plan
	// action it serves. VIS-09 wants one of them. Each is free text of at
	// most [MaxTextBytes].
	Purpose    string `json:"purpose,omitempty"`
	PlanAction string `json:"plan_action,omitempty"`
	// WrittenUp is the date the visit record was completed (VIS-08).
	WrittenUp Date `json:"written_up,omitzero"`
}

// Validate checks the visit's own fields, with paths relative to the visit.
func (v Visit) Validate() error {
	var errs ValidationErrors
	v.validate(&errs, "", 0)
	return errs.Err()
}

// validate checks the visit as element i of list ("" for the visit alone).
func (v Visit) validate(errs *ValidationErrors, list string, i int) {
	if v.Date.IsZero() {
		errs.Add(plPath(list, i, "date"), ErrRequired)
	}
	switch {
	case v.Kind == VisitKindUnknown:
		errs.Add(plPath(list, i, "kind"), ErrRequired)
	case int(v.Kind) >= len(visitKindNames):
		errs.Add(plPath(list, i, "kind"), fmt.Errorf("%w: %v", ErrUnknownCode, v.Kind))
	}
	if int(v.SeenAlone) >= len(seenAloneNames) {
		errs.Add(plPath(list, i, "seen_alone"), fmt.Errorf("%w: %v", ErrUnknownCode, v.SeenAlone))
	}
	if !v.WrittenUp.IsZero() && v.WrittenUp.Before(v.Date) {
		errs.Addf(plPath(list, i, "written_up"), "written up %s, before the visit on %s", v.WrittenUp, v.Date)
	}
}

// VisitAgreement records that the child, being of sufficient age and
// understanding, agreed to be visited less often in a long-term foster
// placement (CPPCR reg 28(3A)). It holds from Agreed until Ended (the first
// day it no longer holds; zero while it stands).
type VisitAgreement struct {
	Agreed Date `json:"agreed"`
	Ended  Date `json:"ended,omitzero"`
}

// ArrangementKind says what kind of [Arrangement] applies.
type ArrangementKind uint8

const (
	ArrangementKindUnknown ArrangementKind = iota // not given; invalid in a record
	// ArrangementKindOtherPerson: the child is in care but another person is
	// responsible for the child's living arrangements, for example in
	// custody (CPPCR reg 28(6); visits follow VIS-10).
	ArrangementKindOtherPerson
	// ArrangementKindTemporaryApproval: the child lives with a connected person
	// temporarily approved as a foster carer (reg 24; visits follow reg
	// 28(4), VIS-06).
	ArrangementKindTemporaryApproval
)

var arrangementKindNames = [...]string{"unknown", "other-person", "temporary-approval"}

// String returns "other-person" or "temporary-approval".
func (k ArrangementKind) String() string {
	if int(k) < len(arrangementKindNames) {
		return arrangementKindNames[k]
	}
	return fmt.Sprintf("ArrangementKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k ArrangementKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(arrangementKindNames), "arrangement kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ArrangementKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, arrangementKindNames[:], "arrangement kind")
	*k = ArrangementKind(i)
	return err
}

// Arrangement is a span [Start, End) during which the visiting regime is set
// by who is responsible for the child's living arrangements rather than by
// the placement alone. A change of arrangements is a new Arrangement.
type Arrangement struct {
	Kind  ArrangementKind `json:"kind"`
	Start Date            `json:"start"`
	End   Date            `json:"end,omitzero"`
}

// Period returns [Start, End).
func (a Arrangement) Period() Period { return Period{Start: a.Start, End: a.End} }

// HomeNotice is a notification under s.30A Care Standards Act 2000 that
// refers to the children's home where the child is placed, dated the day
// the authority first received it (CPPCR reg 28(7)(b)).
type HomeNotice struct {
	Received Date `json:"received"`
}

// VisitsPolicy holds the visit timescales. Zero fields mean the defaults;
// each statutory timescale may be shortened, never lengthened.
type VisitsPolicy struct {
	// FirstVisitDays: first visit after a placement, an arrangement or a
	// care order at home starts (default and limit 7 days, reg 28(2)(a),
	// (5), (6)).
	FirstVisitDays int `json:"first_visit_days,omitempty"`
	// IntervalDays: the six-weekly interval (default and limit 42 days,
	// reg 28(2)(b)–(c), (3), (5), (6)).
	IntervalDays int `json:"interval_days,omitempty"`
	// LongTermMonths: after the first year of a placement intended to last
	// until 18 (default and limit 3 months, reg 28(2)(c)).
	LongTermMonths int `json:"long_term_months,omitempty"`
	// LongTermFosterMonths: long-term foster placement with the child's
	// agreement (default and limit 6 months, reg 28(3A)).
	LongTermFosterMonths int `json:"long_term_foster_months,omitempty"`
	// WeeklyDays: the weekly interval until the first review (default and
	// limit 7 days, reg 28(3)–(4)).
	WeeklyDays int `json:"weekly_days,omitempty"`
	// FourWeeklyDays: after the first review under reg 28(4) (default and
	// limit 28 days).
	FourWeeklyDays int `json:"four_weekly_days,omitempty"`
	// OtherPersonMonths: after the first year of another person's
	// arrangements (default and limit 3 months, reg 28(6)).
	OtherPersonMonths int `json:"other_person_months,omitempty"`
	// NoticeDays: after an s.30A notice (default and limit 7 days, reg
	// 28(7)(b)).
	NoticeDays int `json:"notice_days,omitempty"`
	// ShortBreakFirstMonths and ShortBreakMonths: short breaks (defaults
	// and limits 3 and 6 months, reg 48(3)(c)).
	ShortBreakFirstMonths int `json:"short_break_first_months,omitempty"`
	ShortBreakMonths      int `json:"short_break_months,omitempty"`
	// WriteUpDays: working days to write up a visit (local; default 3).
	WriteUpDays int `json:"write_up_days,omitempty"`
	// CountUnseen counts statutory visits at which the child was not seen
	// towards the schedule. Off by default: reg 28 visits are to see the
	// child (reg 29), so a visit without seeing the child does not meet
	// them.
	CountUnseen bool `json:"count_unseen,omitempty"`
}

func (p VisitsPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "visits.first_visit_days", p.FirstVisitDays, 7, "days", "CPPCR reg 28(2)(a)")
	plLimit(errs, "visits.interval_days", p.IntervalDays, 42, "days", "CPPCR reg 28(2)(b)")
	plLimit(errs, "visits.long_term_months", p.LongTermMonths, 3, "months", "CPPCR reg 28(2)(c)")
	plLimit(errs, "visits.long_term_foster_months", p.LongTermFosterMonths, 6, "months", "CPPCR reg 28(3A)")
	plLimit(errs, "visits.weekly_days", p.WeeklyDays, 7, "days", "CPPCR reg 28(3)-(4)")
	plLimit(errs, "visits.four_weekly_days", p.FourWeeklyDays, 28, "days", "CPPCR reg 28(4)")
	plLimit(errs, "visits.other_person_months", p.OtherPersonMonths, 3, "months", "CPPCR reg 28(6)")
	plLimit(errs, "visits.notice_days", p.NoticeDays, 7, "days", "CPPCR reg 28(7)(b)")
	plLimit(errs, "visits.short_break_first_months", p.ShortBreakFirstMonths, 3, "months", "CPPCR reg 48(3)(c)")
	plLimit(errs, "visits.short_break_months", p.ShortBreakMonths, 6, "months", "CPPCR reg 48(3)(c)")
	plLimit(errs, "visits.write_up_days", p.WriteUpDays, 0, "working days", "local")
}

// plVisitCounting is the counting convention of the visit timetable.
const plVisitCounting = " Days and weeks are calendar days (one week = 7 days, six weeks = 42 days); months follow the corresponding-date rule. Each interval runs from the last visit actually made (the child seen), and the clock restarts at each new placement. A visit on the due date is on time."

// plVisitWindow says what closes a window of the placement timetable.
const plVisitWindow = " An open interval stays overdue while the placement lasts; it is missed when the placement ends (or another person takes over the living arrangements) after the due date with no visit, and nothing is owed when it ends on or before the due date."

var ruleVIS01 = Rule{
	ID: VIS01, Title: "First visit within one week of the start of every placement",
	Text:     "The child is visited within 7 days of the start of each placement, and of the return from another person's arrangements; a visit on the day the placement starts counts." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(a)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 days", Policy: []string{"Visits.FirstVisitDays", "Visits.CountUnseen"},
}

var ruleVIS02 = Rule{
	ID: VIS02, Title: "Visits at intervals of not more than six weeks in the first year of a placement",
	Text:     "While the last visit fell in the first year of the placement, the next is due within 42 days of it." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(b)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "42 days", Policy: []string{"Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS03 = Rule{
	ID: VIS03, Title: "Visits after the first year of a placement: three-monthly if intended to last until 18, otherwise six-weekly",
	Text:     "Once the last visit falls after the placement's first anniversary, the next is due within 3 months of it if the placement is intended to last until the child is 18 (Episode.IntendedUntil18), otherwise within 42 days. The interval is chosen by the date of the last visit, so the interval that spans the first anniversary is still six weeks." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(c)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "3 months / 42 days",
	Policy: []string{"Visits.LongTermMonths", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS04 = Rule{
	ID: VIS04, Title: "Long-term foster placement held a year or more, child agreeing: visits not more than six-monthly",
	Text:     "In a long-term foster placement (Episode.LongTermFoster, as reg 2(1) defines it) held for at least a year, where a VisitAgreement records the child's agreement, the next visit is due within 6 months of the last." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(3A) (inserted by SI 2015/495 reg 5)", 28), InForce: Period{Start: MustDate(2015, 4, 1)},
	Severity: SeverityStatutory, Domain: DomainVisits, Package: "care", File: "care/visits.go", Default: "6 months",
	Policy: []string{"Visits.LongTermFosterMonths", "Visits.CountUnseen"},
}

var ruleVIS05 = Rule{
	ID: VIS05, Title: "Placed with a parent before assessment is complete: weekly until the first review, then six-weekly",
	Text:     "For a placement with a parent under reg 19 (a ParentPlacement record) until the placement decision is approved: the next visit is due within 7 days of the last until a review has been held since the placement started, then within 42 days." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(3)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 / 42 days",
	Policy: []string{"Visits.WeeklyDays", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS06 = Rule{
	ID: VIS06, Title: "Connected person on temporary approval, or interim care order living with a parent: weekly until the first review, then four-weekly",
	Text:     "While a temporary-approval Arrangement covers the last visit, or the child lives with a parent (placement P1) under an interim care order (C1): the next visit is due within 7 days of the last until a review has been held since the placement started, then within 28 days." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(4)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 / 28 days",
	Policy: []string{"Visits.WeeklyDays", "Visits.FourWeeklyDays", "Visits.CountUnseen"},
}

var ruleVIS07 = Rule{
	ID: VIS07, Title: "Care order, living with a parent: within one week of the order, then six-weekly",
	Text:     "When a full care order (C2) is made while the child lives with a parent (P1), a visit is due within 7 days of the order (from the placement start when the order came first: VIS-01); later visits are due within 42 days of the last. The visit after the order is owed as well as the open interval of the timetable: one visit meets both." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(5)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 / 42 days",
	Policy: []string{"Visits.FirstVisitDays", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS08 = Rule{
	ID: VIS08, Title: "Visit record written up within a local window of the visit",
	Text:     "Each statutory visit made is written up within the window, counted in working days after the visit (the visit day is day 0 unless Policy.Counting says otherwise). The write-up closes when the child leaves care (for a series of short breaks, when its last recorded stay ends): a visit not written up by then is missed, and none is owed when the child leaves care on or before the due date.",
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "3 WD", Policy: []string{"Visits.WriteUpDays", "Counting"},
}

var ruleVIS09 = Rule{
	ID: VIS09, Title: "Visit quality: child seen, alone where appropriate, views recorded, purpose linked to the plan",
	Text:     "Each statutory visit made records that the child was seen; that the child was seen alone, or why that was not appropriate; the child's views; and a purpose or the care-plan action it serves. One finding per visit.",
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainVisits,
	Package: "care", File: "care/visits.go",
}

var ruleVIS10 = Rule{
	ID: VIS10, Title: "Another person responsible for the living arrangements: within a week of the start and of any change, six-weekly for a year, then three-monthly",
	Text: "For each other-person Arrangement (a change is a new record): a visit within 7 days of its start, then within 42 days of the last visit while that visit falls in the arrangement's first year, then within 3 months." + plVisitCounting +
		" An open interval stays overdue while the arrangement lasts; it is missed when the arrangement ends after the due date with no visit, and nothing is owed when it ends on or before the due date.",
	Citation: plCPPCR("reg 28(6)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 / 42 days / 3 months",
	Policy: []string{"Visits.FirstVisitDays", "Visits.IntervalDays", "Visits.OtherPersonMonths", "Visits.CountUnseen"},
}

var ruleVIS11 = Rule{
	ID: VIS11, Title: "Visit within one week of an s.30A notice about the child's children's home",
	Text: "A visit within 7 days of the day the authority first received a notification under s.30A Care Standards Act 2000 about the home where the child is placed; a visit on the day of receipt counts." + plVisitCounting +
		" The duty closes when the placement in that home ends: missed if it ends after the due date with no visit, not owed if it ends on or before it.",
	Citation: plCPPCR("reg 28(7)(b)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "7 days", Policy: []string{"Visits.NoticeDays", "Visits.CountUnseen"},
}

var ruleVIS12 = Rule{
	ID: VIS12, Title: "Short breaks: first visit within 3 months of the first short break, then not more than six-monthly",
	Text: "For a child on an agreed series of short breaks (legal status V3 or V4): a visit within 3 months of the start of the first short break, then within 6 months of the last, counting only visits on days the child is placed (an episode's start to its end day inclusive)." + plVisitCounting +
		" The series is taken to end when its last recorded stay ends: an open interval is missed if that is after the due date, and nothing is owed if it is on or before it.",
	Citation: plCPPCR("reg 48(3)(c)", 48), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Package: "care", File: "care/visits.go", Default: "3 / 6 months",
	Policy: []string{"Visits.ShortBreakFirstMonths", "Visits.ShortBreakMonths", "Visits.CountUnseen"},
}

// What closes a window of the placement timetable (VIS-01 to VIS-07), by
// [visitSeg].closedBy.
const (
	closedPlacementEnded = iota // the placement ended
	closedOtherPerson           // another person took over the living arrangements
)

var visitClosures = []string{"the placement ended", "another person took over the living arrangements"}

// The kinds of VIS finding. The placement timetable's subject is the
// placement's first episode.
var (
	kindVIS01 = Kind{Rule: &ruleVIS01, What: "visit", Subject: "episodes[]",
		Anchor: "the start of the placement", Anchors: []string{"the return from another person's arrangements"},
		DoneAt: "visits[]", Closures: visitClosures}
	kindVIS02 = visitInterval(&ruleVIS02)
	kindVIS03 = visitInterval(&ruleVIS03)
	kindVIS04 = visitInterval(&ruleVIS04)
	kindVIS05 = visitInterval(&ruleVIS05)
	kindVIS06 = visitInterval(&ruleVIS06)
	kindVIS07 = Kind{Rule: &ruleVIS07, What: "visit", Subject: "episodes[]",
		Anchor: "the last visit", Anchors: []string{"the care order"}, AnchorAt: "visits[]",
		DoneAt: "visits[]", Closures: visitClosures}
	kindVIS08 = Kind{Rule: &ruleVIS08, What: "write-up", Subject: "visits[]", Anchor: "the visit",
		Done: "visit written up", Closures: []string{"the child left care"}}
	kindVIS09 = Kind{Rule: &ruleVIS09, What: "visit", Subject: "visits[]", Anchor: "visit",
		Problems: []string{"child not seen", "whether the child was seen alone is not recorded", "child not seen alone",
			"child's views not recorded", "no purpose or care-plan action"},
		Met: "child seen, alone where appropriate, views and purpose recorded"}
	kindVIS10 = Kind{Rule: &ruleVIS10, What: "visit", Subject: "arrangements[]",
		Anchor: "the last visit", Anchors: []string{"the start of another person's arrangements"}, AnchorAt: "visits[]",
		DoneAt: "visits[]", Closures: []string{"another person's arrangements ended"}}
	kindVIS11 = Kind{Rule: &ruleVIS11, What: "visit", Subject: "home_notices[]",
		Anchor: "receipt of the s.30A notice", DoneAt: "visits[]", Closures: []string{"the placement ended"}}
	kindVIS12 = Kind{Rule: &ruleVIS12, What: "visit", Subject: "episodes[]",
		Anchor: "the last visit", Anchors: []string{"the start of the first short break"}, AnchorAt: "visits[]",
		DoneAt: "visits[]", Closures: []string{"the series of short breaks ended"}}
)

// visitInterval is the kind of a placement interval rule: the next visit
// within a time of the last.
func visitInterval(r *Rule) Kind {
	return Kind{Rule: r, What: "visit", Subject: "episodes[]", Anchor: "the last visit", AnchorAt: "visits[]",
		DoneAt: "visits[]", Closures: visitClosures}
}

func (r Record) validateVisits(errs *ValidationErrors, periods []Period) {
	for i, v := range r.Visits {
		v.validate(errs, "visits", i)
		if i > 0 {
			plCheckOrder(errs, "visits", i, "date", r.Visits[i-1].Date, v.Date)
		}
		switch {
		case v.Date.IsZero():
		case plBeforeCare(periods, v.Date):
			errs.Addf(plPath("visits", i, "date"), "visit on %s, before the child was looked after (from %s)", v.Date, periods[0].Start)
		case v.Kind == VisitKindStatutory && plAfterCare(periods, v.Date):
			errs.Addf(plPath("visits", i, "date"), "statutory visit on %s, after the child stopped being looked after on %s", v.Date, periods[len(periods)-1].End)
		}
	}
	for i, g := range r.VisitAgreements {
		at := func(f string) string { return plPath("visit_agreements", i, f) }
		if g.Agreed.IsZero() {
			errs.Add(at("agreed"), ErrRequired)
		} else if plBeforeCare(periods, g.Agreed) {
			errs.Addf(at("agreed"), "agreed %s, before the child was looked after", g.Agreed)
		}
		if !g.Ended.IsZero() && !g.Ended.After(g.Agreed) {
			errs.Addf(at("ended"), "ended %s, not after it was agreed on %s", g.Ended, g.Agreed)
		}
	}
	for i, ar := range r.Arrangements {
		at := func(f string) string { return plPath("arrangements", i, f) }
		switch {
		case ar.Kind == ArrangementKindUnknown:
			errs.Add(at("kind"), ErrRequired)
		case int(ar.Kind) >= len(arrangementKindNames):
			errs.Add(at("kind"), fmt.Errorf("%w: %v", ErrUnknownCode, ar.Kind))
		}
		switch {
		case ar.Start.IsZero():
			errs.Add(at("start"), ErrRequired)
		case !plInCare(periods, ar.Start):
			errs.Addf(at("start"), "arrangement starts %s, when the child was not looked after", ar.Start)
		}
		if !ar.End.IsZero() && !ar.End.After(ar.Start) {
			errs.Addf(at("end"), "ends %s, not after it starts %s", ar.End, ar.Start)
		}
		if i > 0 {
			plCheckOrder(errs, "arrangements", i, "start", r.Arrangements[i-1].Start, ar.Start)
		}
	}
	for i, n := range r.HomeNotices {
		switch {
		case n.Received.IsZero():
			errs.Add(plPath("home_notices", i, "received"), ErrRequired)
		case !plInCare(periods, n.Received):
			errs.Addf(plPath("home_notices", i, "received"), "notice received %s, when the child was not looked after", n.Received)
		}
	}
}

// visitStep is one visit obligation: a visit is due by due, counting
// visits made on or after from.
type visitStep struct {
	kind     *Kind
	subject  Ref
	due      Date
	anchor   Date
	anchorAs int // the kind's anchor label: 0 for Anchor, i for Anchors[i-1]
	anchorAt int // the visit the interval runs from, or -1
	count    int
	unit     Unit
	from     Date
	closes   Date // the end of the placement, arrangement or series; zero while it lasts
	closedBy int
	current  bool // the obligation belongs to the child's situation on the assessment date
}

// deadline returns the step as a [Deadline].
func (s visitStep) deadline() Deadline {
	return Deadline{Rule: s.kind.Rule.ID, Due: s.due, Anchor: s.anchor, AnchorLabel: s.kind.anchor(uint8(s.anchorAs)),
		Count: s.count, Unit: s.unit}
}

// visitSeg is a stretch of time with one visiting regime family: part of a
// placement, an other-person arrangement.
type visitSeg struct {
	start, end Date // [start, end); zero end: ongoing
	placeStart Date // start of the placement (or arrangement)
	firstYear  Date // its first anniversary: the end of its first year
	lastEp     int  // last episode of the placement
	arrange    bool // an other-person arrangement (reg 28(6))
	subject    Ref  // the placement's first episode, or the arrangement
	closedBy   int  // why the segment ends: closedPlacementEnded or closedOtherPerson
}

// counted reports whether visit v counts towards the reg 28 schedule.
func (a *planAssessor) counted(v Visit) bool {
	return v.Kind == VisitKindStatutory && (v.ChildSeen || a.p.Visits.CountUnseen) && !v.Date.After(a.asOf)
}

// nextVisit returns the index and date of the first counted visit made on
// or after from and before end (zero end: no limit), and -1 if none.
func (a *planAssessor) nextVisit(from, end Date) (int, Date) {
	vs := a.r.Visits
	i, _ := searchDate(len(vs), from, func(k int) Date { return vs[k].Date })
	for ; i < len(vs); i++ {
		v := vs[i]
		if v.Date.After(a.asOf) || (!end.IsZero() && !v.Date.Before(end)) {
			return -1, Date{}
		}
		if a.counted(v) {
			return i, v.Date
		}
	}
	return -1, Date{}
}

// visitSchedule walks every visit obligation of VIS-01 to VIS-07 and VIS-10
// to VIS-12 and calls emit for each, with the date and index of the visit
// that met it (zero and -1 when none has by the assessment date).
func (a *planAssessor) visitSchedule(emit func(s visitStep, done Date, vi int)) {
	for _, pl := range a.h.Placements() {
		if pl.Period.Start.After(a.asOf) {
			break
		}
		if a.eps[pl.First].LegalStatus.IsShortBreak() {
			continue
		}
		a.placementSegments(pl, emit)
		a.careOrderAtHome(pl, emit)
	}
	n := cmp.Or(a.p.Visits.FirstVisitDays, 7)
	for i, ar := range a.r.Arrangements {
		if ar.Kind != ArrangementKindOtherPerson || ar.Start.After(a.asOf) {
			continue
		}
		seg := visitSeg{start: ar.Start, end: ar.End, placeStart: ar.Start, firstYear: ar.Start.AddYears(1), arrange: true, subject: At(i)}
		first := visitStep{kind: &kindVIS10, due: ar.Start.AddDays(n), anchor: ar.Start, anchorAs: 1, anchorAt: -1,
			count: n, unit: Days, from: ar.Start}
		a.walkSegment(seg, first, emit)
	}
	a.shortBreakVisits(emit)
	a.noticeVisits(emit)
}

// placementSegments splits a placement around other-person arrangements
// and walks each part. A part that ends when another person takes over the
// living arrangements closes for that reason; the timetable restarts with a
// first visit when the child returns.
func (a *planAssessor) placementSegments(pl Placement, emit func(visitStep, Date, int)) {
	cur, anchorAs := pl.Period.Start, 0
	end := pl.Period.End
	n := cmp.Or(a.p.Visits.FirstVisitDays, 7)
	firstYear := pl.Period.Start.AddYears(1)
	walk := func(to Date, closedBy int) {
		seg := visitSeg{start: cur, end: to, placeStart: pl.Period.Start, firstYear: firstYear, lastEp: pl.Last,
			subject: At(pl.First), closedBy: closedBy}
		first := visitStep{kind: &kindVIS01, due: cur.AddDays(n), anchor: cur, anchorAs: anchorAs, anchorAt: -1,
			count: n, unit: Days, from: cur}
		a.walkSegment(seg, first, emit)
	}
	for _, ar := range a.r.Arrangements {
		if ar.Kind != ArrangementKindOtherPerson || ar.Start.After(a.asOf) || !ar.Period().Overlaps(Period{Start: cur, End: end}) {
			continue
		}
		if ar.Start.After(cur) {
			walk(ar.Start, closedOtherPerson)
		}
		if ar.End.IsZero() || ar.End.After(a.asOf) {
			return
		}
		cur, anchorAs = ar.End, 1
	}
	if end.IsZero() || cur.Before(end) {
		walk(end, closedPlacementEnded)
	}
}

// walkSegment follows the chain of visits of one segment from its first
// obligation until an obligation is not yet met. Every step closes when
// the segment ends.
func (a *planAssessor) walkSegment(seg visitSeg, step visitStep, emit func(visitStep, Date, int)) {
	current := !seg.start.After(a.asOf) && (seg.end.IsZero() || seg.end.After(a.asOf))
	for range len(a.r.Visits) + 1 {
		step.subject, step.current, step.closes, step.closedBy = seg.subject, current, seg.end, seg.closedBy
		if !seg.end.IsZero() && !step.from.Before(seg.end) {
			return
		}
		vi, done := a.nextVisit(step.from, seg.end)
		if vi < 0 {
			emit(step, Date{}, -1)
			return
		}
		emit(step, done, vi)
		step = a.visitNext(seg, done, vi)
	}
}

// visitNext returns the obligation that follows visit vi, made on t in seg:
// the regime is picked from the episode in force on t.
func (a *planAssessor) visitNext(seg visitSeg, t Date, vi int) visitStep {
	vp := &a.p.Visits
	s := visitStep{anchor: t, anchorAt: vi, from: t.AddDays(1)}
	days := func(k *Kind, n int) visitStep {
		s.kind, s.count, s.unit, s.due = k, n, Days, t.AddDays(n)
		return s
	}
	months := func(k *Kind, n int) visitStep {
		s.kind, s.count, s.unit, s.due = k, n, Months, t.AddMonths(n)
		return s
	}
	firstYear := t.Before(seg.firstYear)
	if seg.arrange {
		if firstYear {
			return days(&kindVIS10, cmp.Or(vp.IntervalDays, 42))
		}
		return months(&kindVIS10, cmp.Or(vp.OtherPersonMonths, 3))
	}
	i, ok := EpisodeOn(a.eps, t)
	if !ok {
		i = seg.lastEp
	}
	e := &a.eps[i]
	home := e.PlacementType.IsWithParents()
	switch {
	case a.temporaryApproval(t) || (home && e.LegalStatus.IsInterimCareOrder()):
		if a.reviewSince(seg.placeStart, t) {
			return days(&kindVIS06, cmp.Or(vp.FourWeeklyDays, 28))
		}
		return days(&kindVIS06, cmp.Or(vp.WeeklyDays, 7))
	case home && a.beforeParentDecision(seg.placeStart, t):
		if a.reviewSince(seg.placeStart, t) {
			return days(&kindVIS05, cmp.Or(vp.IntervalDays, 42))
		}
		return days(&kindVIS05, cmp.Or(vp.WeeklyDays, 7))
	case home && e.LegalStatus.IsFullCareOrder():
		return days(&kindVIS07, cmp.Or(vp.IntervalDays, 42))
	// Reg 28(3A) offers the six-monthly regime only from 1 April 2015:
	// before then such a placement was visited under reg 28(2)(c).
	case e.LongTermFoster && !firstYear && ruleVIS04.InForceOn(t) && a.agreedToFewer(t):
		return months(&kindVIS04, cmp.Or(vp.LongTermFosterMonths, 6))
	case firstYear:
		return days(&kindVIS02, cmp.Or(vp.IntervalDays, 42))
	case e.IntendedUntil18:
		return months(&kindVIS03, cmp.Or(vp.LongTermMonths, 3))
	}
	return days(&kindVIS03, cmp.Or(vp.IntervalDays, 42))
}

// temporaryApproval reports whether a temporary-approval arrangement covers t.
func (a *planAssessor) temporaryApproval(t Date) bool {
	for _, ar := range a.r.Arrangements {
		if ar.Kind == ArrangementKindTemporaryApproval && ar.Period().Contains(t) {
			return true
		}
	}
	return false
}

// agreedToFewer reports whether a reg 28(3A) agreement stands on t.
func (a *planAssessor) agreedToFewer(t Date) bool {
	for _, g := range a.r.VisitAgreements {
		if (Period{Start: g.Agreed, End: g.Ended}).Contains(t) {
			return true
		}
	}
	return false
}

// reviewSince reports whether a review was held in [from, t].
func (a *planAssessor) reviewSince(from, t Date) bool {
	for _, rv := range a.ctx.Reviews {
		if !rv.Before(from) && !rv.After(t) {
			return true
		}
	}
	return false
}

// beforeParentDecision reports whether the placement starting on start is a
// reg 19 placement whose decision was not yet approved on t.
func (a *planAssessor) beforeParentDecision(start, t Date) bool {
	for _, pp := range a.r.ParentPlacements {
		if pp.PlacementStart.Equal(start) {
			return pp.DecisionApproved.IsZero() || t.Before(pp.DecisionApproved)
		}
	}
	return false
}

// careOrderAtHome walks the one-off VIS-07 visit due within a week of a
// full care order made while the child lives with a parent. It closes when
// the placement ends.
func (a *planAssessor) careOrderAtHome(pl Placement, emit func(visitStep, Date, int)) {
	n := cmp.Or(a.p.Visits.FirstVisitDays, 7)
	for i := pl.First + 1; i <= pl.Last; i++ {
		e := &a.eps[i]
		if !e.LegalStatus.IsFullCareOrder() || !e.PlacementType.IsWithParents() || a.eps[i-1].LegalStatus.IsFullCareOrder() || e.Start.After(a.asOf) {
			continue
		}
		s := visitStep{kind: &kindVIS07, subject: At(pl.First), due: e.Start.AddDays(n), anchor: e.Start, anchorAs: 1, anchorAt: -1,
			count: n, unit: Days, from: e.Start, closes: pl.Period.End, closedBy: closedPlacementEnded}
		vi, done := a.nextVisit(e.Start, pl.Period.End)
		s.current = vi < 0 && pl.Period.Contains(a.asOf)
		emit(s, done, vi)
	}
}

// shortBreakVisits walks the VIS-12 chain over all short-break episodes,
// which closes when the last recorded stay of the series ends.
func (a *planAssessor) shortBreakVisits(emit func(visitStep, Date, int)) {
	first, last := -1, -1
	for i := range a.eps {
		if a.eps[i].LegalStatus.IsShortBreak() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || a.eps[first].Start.After(a.asOf) {
		return
	}
	vp := &a.p.Visits
	start := a.eps[first].Start
	seriesEnd := a.eps[last].End
	n := cmp.Or(vp.ShortBreakFirstMonths, 3)
	s := visitStep{kind: &kindVIS12, subject: At(first), due: start.AddMonths(n), anchor: start, anchorAs: 1, anchorAt: -1,
		count: n, unit: Months, from: start, closes: seriesEnd, current: seriesEnd.IsZero() || seriesEnd.After(a.asOf)}
	m := cmp.Or(vp.ShortBreakMonths, 6)
	for range len(a.r.Visits) + 1 {
		vi, done := a.nextShortBreakVisit(s.from)
		if vi < 0 {
			emit(s, Date{}, -1)
			return
		}
		emit(s, done, vi)
		s.anchor, s.anchorAs, s.anchorAt, s.from = done, 0, vi, done.AddDays(1)
		s.count, s.due = m, done.AddMonths(m)
	}
}

// nextShortBreakVisit returns the first counted visit on or after from made
// on a day the child was placed on a short break.
func (a *planAssessor) nextShortBreakVisit(from Date) (int, Date) {
	eps := a.eps
	for {
		vi, d := a.nextVisit(from, Date{})
		if vi < 0 {
			return -1, Date{}
		}
		i, ok := EpisodeOn(eps, d)
		if (ok && eps[i].LegalStatus.IsShortBreak()) || (!ok && i < len(eps) && eps[i].LegalStatus.IsShortBreak() && eps[i].End.Equal(d)) {
			return vi, d
		}
		from = d.AddDays(1)
	}
}

// noticeVisits walks VIS-11: a visit within a week of each s.30A notice,
// which closes when the placement in that home ends.
func (a *planAssessor) noticeVisits(emit func(visitStep, Date, int)) {
	n := cmp.Or(a.p.Visits.NoticeDays, 7)
	for i, hn := range a.r.HomeNotices {
		if hn.Received.After(a.asOf) {
			continue
		}
		closes := a.placementEnd(hn.Received)
		s := visitStep{kind: &kindVIS11, subject: At(i), due: hn.Received.AddDays(n), anchor: hn.Received, anchorAt: -1,
			count: n, unit: Days, from: hn.Received, closes: closes}
		vi, done := a.nextVisit(hn.Received, closes)
		s.current = vi < 0 && (closes.IsZero() || closes.After(a.asOf))
		emit(s, done, vi)
	}
}

// placementEnd returns the end of the placement the child was in on d
// (zero while it lasts), or d itself if the child was not placed that day
// (a notice received on the day the child left care).
func (a *planAssessor) placementEnd(d Date) Date {
	for _, pl := range a.h.Placements() {
		if pl.Period.Contains(d) {
			return pl.Period.End
		}
	}
	return d
}

// emitVisit records a visit obligation.
func (a *planAssessor) emitVisit(s visitStep, done Date, vi int) {
	a.e.Deadline(s.kind, Obligation{Subject: s.subject, Due: s.due, Anchor: s.anchor, AnchorAt: At(s.anchorAt), AnchorAs: s.anchorAs,
		Count: s.count, Unit: s.unit, Done: done, DoneAt: At(vi), Closes: s.closes, ClosedBy: s.closedBy})
}

// visitRecords records VIS-08 and VIS-09 for each statutory visit made.
// The write-up closes when the child leaves care.
func (a *planAssessor) visitRecords() error {
	n := cmp.Or(a.p.Visits.WriteUpDays, 3)
	for i, v := range a.r.Visits {
		if v.Kind != VisitKindStatutory || v.Date.After(a.asOf) {
			continue
		}
		due, err := a.workingDays(&kindVIS08, v.Date, n)
		if err != nil {
			return err
		}
		var closes Date
		if per, pi, ok := a.h.PeriodAt(v.Date); ok && (per.End.IsZero() || !v.Date.After(per.End)) {
			closes = a.periods[pi].careEnd // a visit between periods of care, or after, has none
		}
		a.e.Deadline(&kindVIS08, Obligation{Subject: At(i), Due: due, Anchor: v.Date, Count: n, Unit: WorkingDays,
			Done: v.WrittenUp, Closes: closes})
		seen := v.ChildSeen
		a.e.Check(&kindVIS09, Obligation{Subject: At(i), Anchor: v.Date}, plProblems(
			!seen, // child not seen
			seen && v.SeenAlone == SeenAloneUnrecorded, // whether seen alone not recorded
			seen && v.SeenAlone == SeenAloneNo,         // not seen alone
			!v.ViewsRecorded,                           // views not recorded
			v.Purpose == "" && v.PlanAction == "",      // no purpose or care-plan action
		))
	}
	return nil
}

// prepareVisits validates the policy and record and builds an assessor for
// the exported visit calculators, which count no working days.
func prepareVisits(r Record, ctx Context, asOf Date, p Policy) (*planAssessor, error) {
	if asOf.IsZero() {
		return nil, &FieldError{Path: "as_of", Err: ErrRequired}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	h, err := NewHistory(r.Child, r.Episodes)
	if err != nil {
		return nil, err
	}
	if err := h.ValidateOn(asOf); err != nil {
		return nil, err
	}
	a := &planAssessor{r: &r, h: h, eps: h.Episodes(), ctx: &ctx, e: NewEmitter(asOf), asOf: asOf, p: &p}
	a.periods = a.planPeriods(nil)
	return a, nil
}

// EvaluateVisits evaluates the child's visit history against the statutory
// visiting timetable (CPPCR reg 28 and reg 48(3)(c): rules VIS-01 to VIS-07
// and VIS-10 to VIS-12) as of asOf and returns one finding per interval:
// Met or Late for each interval closed by a visit; Overdue or Upcoming for
// each interval still open; and Missed for an interval whose placement (or
// arrangement, or series of short breaks) ended after its due date with no
// visit. An interval whose placement ended on or before its due date was
// never owed and gives no finding. The report is sorted.
//
// For each placement (see [Placements]) the regime is picked from the
// episode in force on the date the interval runs from: a temporary
// approval or an interim care order at home (VIS-06); a reg 19 placement
// with a parent before the decision (VIS-05); a care order at home
// (VIS-07); a long-term foster placement held a year with the child's
// agreement (VIS-04); otherwise six-weekly in the placement's first year
// (VIS-02) and then VIS-03. Other-person arrangements (VIS-10) replace the
// placement's timetable while they last; short breaks follow VIS-12 and
// s.30A notices VIS-11.
//
// Counting: days and weeks are calendar days ("within one week" = D + 7);
// months follow the corresponding-date rule ([Date.AddMonths]). Each
// interval runs from the last visit actually made, and a visit on the due
// date is on time. Only statutory visits at which the child was seen
// count, unless the policy says otherwise; visits after asOf are ignored.
// No working days are involved, so no calendar is needed.
//
// It returns an error if asOf is zero, p is looser than statute, r is
// invalid, or the child is 18 or over and still looked after on asOf
// ([History.ValidateOn]). See also [VisitSchedule] and [NextVisit].
func EvaluateVisits(r Record, ctx Context, asOf Date, p Policy) (Report, error) {
	a, err := prepareVisits(r, ctx, asOf, p)
	if err != nil {
		return nil, err
	}
	a.visitSchedule(a.emitVisit)
	return a.e.Report(), nil
}

// VisitSchedule returns every statutory visit deadline of the child as of
// asOf, met or not, in order of due date: the intervals of
// [EvaluateVisits], Missed ones included, as [Deadline] values that explain
// themselves (anchor, count and unit). An interval whose placement ended on
// or before its due date was never owed and is left out. Counting
// conventions and errors are those of EvaluateVisits.
func VisitSchedule(r Record, ctx Context, asOf Date, p Policy) ([]Deadline, error) {
	a, err := prepareVisits(r, ctx, asOf, p)
	if err != nil {
		return nil, err
	}
	var out []Deadline
	a.visitSchedule(func(s visitStep, done Date, _ int) {
		if _, owed := evaluate(s.due, done, s.closes, asOf); owed {
			out = append(out, s.deadline())
		}
	})
	slices.SortStableFunc(out, func(x, y Deadline) int { return x.Due.Compare(y.Due) })
	return out, nil
}

// NextVisit returns the next statutory visit due for the child's current
// placement (or arrangement, short-break series or s.30A notice) as of
// asOf: the earliest interval still open, which may already be overdue. It
// returns false when none applies, for example when the child is not
// looked after on asOf. Counting conventions and errors are those of
// [EvaluateVisits].
func NextVisit(r Record, ctx Context, asOf Date, p Policy) (Deadline, bool, error) {
	a, err := prepareVisits(r, ctx, asOf, p)
	if err != nil {
		return Deadline{}, false, err
	}
	var best Deadline
	found := false
	a.visitSchedule(func(s visitStep, done Date, _ int) {
		if !done.IsZero() || !s.current {
			return
		}
		if !found || s.due.Before(best.Due) {
			best, found = s.deadline(), true
		}
	})
	return best, found, nil
}
