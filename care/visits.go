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
)

// A connected person's temporary approval (CPPCR reg 24) is not an
// arrangement: it is recorded once, as a [ConnectedApproval], which both
// CONN-01 and the visits of reg 28(4) (VIS-06) read. Value 2 was
// "temporary-approval" in earlier versions of the format; it is not
// reused.
var arrangementKindNames = [...]string{"unknown", "other-person"}

// errTemporaryApprovalArrangement rejects the arrangement kind of earlier
// versions of the format, which recorded a temporary approval a second
// time.
var errTemporaryApprovalArrangement = fmt.Errorf("%w: a connected person's temporary approval is no longer an arrangement; "+
	"record it once, in connected_approvals (CPPCR reg 24), from which the weekly visits of reg 28(4) follow", ErrUnknownCode)

// String returns "other-person".
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

// UnmarshalText implements [encoding.TextUnmarshaler]. It rejects
// "temporary-approval", the kind earlier versions of the format used for a
// connected person's temporary approval, with an error that says to record
// the approval in connected_approvals instead ([ConnectedApproval]).
func (k *ArrangementKind) UnmarshalText(b []byte) error {
	if string(b) == "temporary-approval" {
		*k = ArrangementKindUnknown
		return &ParseError{Input: string(b), Type: "arrangement kind", Err: errTemporaryApprovalArrangement}
	}
	i, err := unmarshalName(b, arrangementKindNames[:], "arrangement kind")
	*k = ArrangementKind(i)
	return err
}

// Arrangement is a span [Start, End) during which another person is
// responsible for the arrangements under which the child lives (CPPCR reg
// 28(6)), so that the visiting regime is set by those arrangements rather
// than by the placement. A change of arrangements is a new Arrangement.
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
const plVisitCounting = " Days and weeks are calendar days (one week = 7 days, six weeks = 42 days); months follow the corresponding-date rule. \"Within one week of\" an event does not count the event's day (due = event + 7 days; a visit on the day itself counts). \"At intervals of not more than\" a time runs from the last visit actually made (the child seen), and the clock restarts at each new placement. A visit on the due date is on time."

// plVisitFirstReview is how the weekly visits of reg 28(3) and (4) end.
const plVisitFirstReview = " The first review is the first review of the child's case held on or after the placement started (a review held before it, for an earlier placement, does not end the weekly visits of this one). The weekly duty lasts \"until the first review\": a weekly visit is owed only if it falls due on or before the day of that review. Once the review is held, the interval \"thereafter\" runs from the last visit, so a review held between two weekly visits (visit 28 May, review 29 May) makes the next visit due by the ordinary interval from 28 May, not on 4 June; a review not yet held on the assessment date does not count."

// plVisitWindow says what closes a window of the placement timetable.
const plVisitWindow = " An open interval stays overdue while the placement lasts; it is missed when the placement ends (or another person takes over the living arrangements) after the due date with no visit, and nothing is owed when it ends on or before the due date."

var ruleVIS01 = Rule{
	ID: VIS01, Title: "First visit within one week of the start of every placement",
	Text:     "The child is visited \"within one week of the start of any placement\" (reg 28(2)(a)), and of the return from another person's arrangements: by the start + 7 days; a visit on the day the placement starts counts." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(a)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "7 days", Policy: []string{"Visits.FirstVisitDays", "Visits.CountUnseen"},
}

var ruleVIS02 = Rule{
	ID: VIS02, Title: "Visits at intervals of not more than six weeks in the first year of a placement",
	Text:     "Visits \"at intervals of not more than six weeks for the first year of any placement\" (reg 28(2)(b)): while the last visit fell in the first year of the placement, the next is due within 42 days of it." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(b)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "42 days", Policy: []string{"Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS03 = Rule{
	ID: VIS03, Title: "Visits after the first year of a placement: three-monthly if intended to last until 18, otherwise six-weekly",
	Text:     "\"Thereafter\" (reg 28(2)(c)): once the last visit falls on or after the placement's first anniversary, the next is due \"at intervals of not more than three months\" (the corresponding date 3 months after it) if the placement is intended to last until the child is 18 (Episode.IntendedUntil18), otherwise within 42 days. The interval is chosen by the date of the last visit, so the interval that begins in the first year and spans the first anniversary is still one of the six-week intervals \"for the first year\"." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(2)(c)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "3 months / 42 days",
	Policy: []string{"Visits.LongTermMonths", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS04 = Rule{
	ID: VIS04, Title: "Long-term foster placement held a year or more, child agreeing: visits not more than six-monthly",
	Text:     "In a long-term foster placement (Episode.LongTermFoster, as reg 2(1) defines it) where the child \"has been in that placement for at least one year\" and a VisitAgreement records the child's agreement, visits \"at intervals of no more than 6 months\" (reg 28(3A)): the next is due on the corresponding date 6 months after the last." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(3A) (inserted by SI 2015/495 reg 5)", 28), InForce: Period{Start: MustDate(2015, 4, 1)},
	Severity: SeverityStatutory, Domain: DomainVisits, Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "6 months",
	Policy: []string{"Visits.LongTermFosterMonths", "Visits.CountUnseen"},
}

var ruleVIS05 = Rule{
	ID: VIS05, Title: "Placed with a parent before assessment is complete: weekly until the first review, then six-weekly",
	Text:     "For a placement with a parent under reg 19 (a ParentPlacement record) until the placement decision is approved: visits \"at least once a week until the first review\", \"and thereafter at intervals of not more than six weeks\" (reg 28(3)). The next visit is due 7 days after the last while no review has been held since the placement started." + plVisitFirstReview + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(3)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits | FamilyPlans | FamilyReviews, Package: "care", File: "care/visits.go", Default: "7 / 42 days",
	Policy: []string{"Visits.WeeklyDays", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS06 = Rule{
	ID: VIS06, Title: "Connected person on temporary approval, or interim care order living with a parent: weekly until the first review, then four-weekly",
	Text:     "Where reg 24 applies on the day of the last visit, or the child lives with a parent (placement P1) under an interim care order (C1): visits \"at least once a week until the first review\", \"and thereafter at intervals of not more than four weeks\" (reg 28(4)). Reg 24 applies while a connected person's temporary approval (a ConnectedApprovals record, the one record of the approval that CONN-01 also reads) lasts: from its Start until the person is approved as a foster carer or the placement with them ends, within the placement current on its Start (or the next to start). It is not ended by the approval's expiry: a placement left in place after the approval expired (a CONN-01 failure; reg 25(6) requires it to end) keeps the visits of reg 28(4). The next visit is due 7 days after the last while no review has been held since the placement started." + plVisitFirstReview + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(4)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits | FamilyApprovals | FamilyReviews, Package: "care", File: "care/visits.go", Default: "7 / 28 days",
	Policy: []string{"Visits.WeeklyDays", "Visits.FourWeeklyDays", "Visits.CountUnseen"},
}

var ruleVIS07 = Rule{
	ID: VIS07, Title: "Care order, living with a parent: within one week of the order, then six-weekly",
	Text:     "When a full care order (C2) is made while the child lives with a parent (P1), a visit is due \"within one week of the making of the care order\" (reg 28(5)(a)): the order's day + 7 days (from the placement start when the order came first: VIS-01); later visits \"thereafter at intervals of not more than six weeks\", within 42 days of the last. The visit after the order is owed as well as the open interval of the timetable: one visit meets both." + plVisitCounting + plVisitWindow,
	Citation: plCPPCR("reg 28(5)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "7 / 42 days",
	Policy: []string{"Visits.FirstVisitDays", "Visits.IntervalDays", "Visits.CountUnseen"},
}

var ruleVIS08 = Rule{
	ID: VIS08, Title: "Visit record written up within a local window of the visit",
	Text:     "Each statutory visit made is written up within the window, counted in working days after the visit (the visit day is day 0 unless Policy.Counting says otherwise). The write-up closes when the child leaves care (for a series of short breaks, when its last recorded stay ends): a visit not written up by then is missed, and none is owed when the child leaves care on or before the due date.",
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "3 WD", Policy: []string{"Visits.WriteUpDays", "Counting"},
}

var ruleVIS09 = Rule{
	ID: VIS09, Title: "Visit quality: child seen, alone where appropriate, views recorded, purpose linked to the plan",
	Text:     "Each statutory visit made records that the child was seen; that the child was seen alone, or why that was not appropriate; the child's views; and a purpose or the care-plan action it serves. One finding per visit.",
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go",
}

var ruleVIS10 = Rule{
	ID: VIS10, Title: "Another person responsible for the living arrangements: within a week of the start and of any change, six-weekly for a year, then three-monthly",
	Text: "For each other-person Arrangement (a change is a new record): a visit \"within one week of the start of C's living arrangements and within one week of any change\" (the start + 7 days), then \"at intervals of not more that [sic] six weeks for the first year thereafter\" (within 42 days of the last visit while that visit falls in the arrangement's first year), then \"at intervals of not more than three months in any subsequent year\" (reg 28(6))." + plVisitCounting +
		" An open interval stays overdue while the arrangement lasts; it is missed when the arrangement ends after the due date with no visit, and nothing is owed when it ends on or before the due date.",
	Citation: plCPPCR("reg 28(6)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "7 / 42 days / 3 months",
	Policy: []string{"Visits.FirstVisitDays", "Visits.IntervalDays", "Visits.OtherPersonMonths", "Visits.CountUnseen"},
}

var ruleVIS11 = Rule{
	ID: VIS11, Title: "Visit within one week of an s.30A notice about the child's children's home",
	Text: "A visit \"within one week of first receiving notification under section 30A of the Care Standards Act 2000\" about the home where the child is placed (reg 28(7)(b)): the day of receipt + 7 days; a visit on the day of receipt counts." + plVisitCounting +
		" The duty closes when the placement in that home ends: missed if it ends after the due date with no visit, not owed if it ends on or before it.",
	Citation: plCPPCR("reg 28(7)(b)", 28), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "7 days", Policy: []string{"Visits.NoticeDays", "Visits.CountUnseen"},
}

var ruleVIS12 = Rule{
	ID: VIS12, Title: "Short breaks: first visit within 3 months of the first short break, then not more than six-monthly",
	Text: "For a child on an agreed series of short breaks (legal status V3 or V4): \"the first visit must take place within three months of the start of the first placement\" (the corresponding date 3 months after the first short break starts; the words \"or as soon as practicable thereafter\" give no fixed date, so none is computed for them), then \"at intervals of not more than six months, for as long as the short breaks continue\" (reg 48(3)(c)), counting only visits \"on days when C is in fact placed\" (an episode's start to its end day inclusive)." + plVisitCounting +
		" The series is taken to end when its last recorded stay ends: an open interval is missed if that is after the due date, and nothing is owed if it is on or before it.",
	Citation: plCPPCR("reg 48(3)(c)", 48), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainVisits,
	Reads: FamilyVisits, Package: "care", File: "care/visits.go", Default: "3 / 6 months",
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
	placeEnd   Date // end of the placement (zero while it lasts)
	prevEnd    Date // end of the previous placement (zero if none): see temporaryApproval
	firstYear  Date // its first anniversary: the end of its first year
	lastEp     int  // last episode of the placement
	arrange    bool // an other-person arrangement (reg 28(6))
	subject    Ref  // the placement's first episode, or the arrangement
	closedBy   int  // why the segment ends: closedPlacementEnded or closedOtherPerson
}

// VisitFacts are the facts the statutory visiting timetable reads (CPPCR
// reg 28 and reg 48(3)(c)): dates, and the placement type, legal status
// and intentions the episodes record. It is the input of [NextVisit],
// [VisitSchedule] and [EvaluateVisits]; [Record.VisitFacts] takes it from
// a whole record. A nil list means none of those records.
type VisitFacts struct {
	// Episodes are the child's SSDA903 episodes, in order. The timetable
	// reads their dates, placement types (P1: living with a parent),
	// legal statuses (C1, C2, V3, V4) and the IntendedUntil18 and
	// LongTermFoster flags (reg 28(2)(c), (3A)).
	Episodes []Episode
	// Visits are the social worker's visits, in date order. Statutory
	// visits at which the child was seen count ([VisitsPolicy].CountUnseen).
	Visits []Visit
	// Reviews are the dates of the child's looked-after reviews held, in
	// any order. The first held on or after a placement's start ends the
	// weekly visits of reg 28(3) and (4) in that placement.
	Reviews []Date
	// ConnectedApprovals are temporary approvals of connected persons (reg
	// 24): while one lasts, reg 28(4) sets the visits (VIS-06).
	ConnectedApprovals []ConnectedApproval
	// ParentPlacements are placements with a parent before the assessment
	// is complete (reg 19): until the decision, reg 28(3) (VIS-05).
	ParentPlacements []ParentPlacement
	// Arrangements are periods during which another person is responsible
	// for the child's living arrangements (reg 28(6), VIS-10), in order of
	// start.
	Arrangements []Arrangement
	// VisitAgreements record the child's agreement to fewer visits in a
	// long-term foster placement (reg 28(3A), VIS-04).
	VisitAgreements []VisitAgreement
	// HomeNotices are notifications under s.30A Care Standards Act 2000
	// about the child's children's home (reg 28(7)(b), VIS-11).
	HomeNotices []HomeNotice
}

// VisitFacts returns the facts of r the visiting timetable reads, with
// reviews, the dates of the child's reviews held (package review's
// HeldDates gives them). The slices are r's own.
func (r Record) VisitFacts(reviews []Date) VisitFacts {
	return VisitFacts{Episodes: r.Episodes, Visits: r.Visits, Reviews: reviews, ConnectedApprovals: r.ConnectedApprovals,
		ParentPlacements: r.ParentPlacements, Arrangements: r.Arrangements, VisitAgreements: r.VisitAgreements,
		HomeNotices: r.HomeNotices}
}

// validate checks f as the exported calculators read it, with paths as in
// a [Record] ("visits[0].date", "connected_approvals[1].start") and
// "reviews[i]" for a review date. The child is not given, so nothing is
// checked against the date of birth.
func (f VisitFacts) validate(errs *ValidationErrors) {
	if len(f.Episodes) == 0 {
		errs.Add("episodes", errNoEpisodes)
	}
	*errs = append(*errs, ValidateEpisodes("episodes", f.Episodes, Date{})...)
	r := Record{Episodes: f.Episodes, PlanningRecords: PlanningRecords{Visits: f.Visits, VisitAgreements: f.VisitAgreements,
		Arrangements: f.Arrangements, HomeNotices: f.HomeNotices, ParentPlacements: f.ParentPlacements},
		SafeguardingRecords: SafeguardingRecords{ConnectedApprovals: f.ConnectedApprovals}}
	r.validateValues(errs)
	r.validateVisits(errs, appendPeriodsOfCare(nil, f.Episodes))
	r.validatePlans(errs, appendPlacements(nil, f.Episodes))
	validateConnected(errs, f.ConnectedApprovals)
	for i, d := range f.Reviews {
		if d.IsZero() {
			errs.Add(Index("reviews", i), ErrRequired)
		} else if err := checkRecordDate(d); err != nil {
			errs.Add(Index("reviews", i), err)
		}
	}
}

// visitWalker walks the statutory visiting timetable of one child. It is
// the one computation of the VIS rules of [Assess] and of the visit
// calculators ([EvaluateVisits], [VisitSchedule], [NextVisit]).
type visitWalker struct {
	f    VisitFacts
	pls  []Placement // the placements of f.Episodes
	asOf Date
	p    *VisitsPolicy
}

// counted reports whether visit v counts towards the reg 28 schedule.
func (w *visitWalker) counted(v Visit) bool {
	return v.Kind == VisitKindStatutory && (v.ChildSeen || w.p.CountUnseen) && !v.Date.After(w.asOf)
}

// nextVisit returns the index and date of the first counted visit made on
// or after from and before end (zero end: no limit), and -1 if none.
func (w *visitWalker) nextVisit(from, end Date) (int, Date) {
	vs := w.f.Visits
	i, _ := searchDate(len(vs), from, func(k int) Date { return vs[k].Date })
	for ; i < len(vs); i++ {
		v := vs[i]
		if v.Date.After(w.asOf) || (!end.IsZero() && !v.Date.Before(end)) {
			return -1, Date{}
		}
		if w.counted(v) {
			return i, v.Date
		}
	}
	return -1, Date{}
}

// schedule walks every visit obligation of VIS-01 to VIS-07 and VIS-10 to
// VIS-12 and calls emit for each, with the date and index of the visit that
// met it (zero and -1 when none has by the assessment date).
func (w *visitWalker) schedule(emit func(s visitStep, done Date, vi int)) {
	eps := w.f.Episodes
	for k, pl := range w.pls {
		if pl.Period.Start.After(w.asOf) {
			break
		}
		if eps[pl.First].LegalStatus.IsShortBreak() {
			continue
		}
		var prevEnd Date
		if k > 0 {
			prevEnd = w.pls[k-1].Period.End
		}
		w.placementSegments(pl, prevEnd, emit)
		w.careOrderAtHome(pl, emit)
	}
	n := cmp.Or(w.p.FirstVisitDays, 7)
	for i, ar := range w.f.Arrangements {
		if ar.Kind != ArrangementKindOtherPerson || ar.Start.After(w.asOf) {
			continue
		}
		seg := visitSeg{start: ar.Start, end: ar.End, placeStart: ar.Start, firstYear: ar.Start.AddYears(1), arrange: true, subject: At(i)}
		first := visitStep{kind: &kindVIS10, due: ar.Start.AddDays(n), anchor: ar.Start, anchorAs: 1, anchorAt: -1,
			count: n, unit: Days, from: ar.Start}
		w.walkSegment(seg, first, emit)
	}
	w.shortBreakVisits(emit)
	w.noticeVisits(emit)
}

// placementSegments splits a placement around other-person arrangements
// and walks each part. A part that ends when another person takes over the
// living arrangements closes for that reason; the timetable restarts with a
// first visit when the child returns. prevEnd is the end of the previous
// placement.
func (w *visitWalker) placementSegments(pl Placement, prevEnd Date, emit func(visitStep, Date, int)) {
	cur, anchorAs := pl.Period.Start, 0
	end := pl.Period.End
	n := cmp.Or(w.p.FirstVisitDays, 7)
	firstYear := pl.Period.Start.AddYears(1)
	walk := func(to Date, closedBy int) {
		seg := visitSeg{start: cur, end: to, placeStart: pl.Period.Start, placeEnd: end, prevEnd: prevEnd, firstYear: firstYear,
			lastEp: pl.Last, subject: At(pl.First), closedBy: closedBy}
		first := visitStep{kind: &kindVIS01, due: cur.AddDays(n), anchor: cur, anchorAs: anchorAs, anchorAt: -1,
			count: n, unit: Days, from: cur}
		w.walkSegment(seg, first, emit)
	}
	for _, ar := range w.f.Arrangements {
		if ar.Kind != ArrangementKindOtherPerson || ar.Start.After(w.asOf) || !ar.Period().Overlaps(Period{Start: cur, End: end}) {
			continue
		}
		if ar.Start.After(cur) {
			walk(ar.Start, closedOtherPerson)
		}
		if ar.End.IsZero() || ar.End.After(w.asOf) {
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
func (w *visitWalker) walkSegment(seg visitSeg, step visitStep, emit func(visitStep, Date, int)) {
	current := !seg.start.After(w.asOf) && (seg.end.IsZero() || seg.end.After(w.asOf))
	for range len(w.f.Visits) + 1 {
		step.subject, step.current, step.closes, step.closedBy = seg.subject, current, seg.end, seg.closedBy
		if !seg.end.IsZero() && !step.from.Before(seg.end) {
			return
		}
		vi, done := w.nextVisit(step.from, seg.end)
		if vi < 0 {
			emit(step, Date{}, -1)
			return
		}
		emit(step, done, vi)
		step = w.visitNext(seg, done, vi)
	}
}

// visitNext returns the obligation that follows visit vi, made on t in seg:
// the regime is picked from the episode in force on t.
func (w *visitWalker) visitNext(seg visitSeg, t Date, vi int) visitStep {
	vp := w.p
	s := visitStep{anchor: t, anchorAt: vi, from: t.AddDays(1)}
	days := func(k *Kind, n int) visitStep {
		s.kind, s.count, s.unit, s.due = k, n, Days, t.AddDays(n)
		return s
	}
	months := func(k *Kind, n int) visitStep {
		s.kind, s.count, s.unit, s.due = k, n, Months, t.AddMonths(n)
		return s
	}
	// weekly returns the step of reg 28(3) or (4) after t: weekly while
	// the weekly visit falls due on or before the first review (none held
	// yet counts as later), otherwise the interval "thereafter", n days
	// from the last visit.
	weekly := func(k *Kind, n int) visitStep {
		wk := cmp.Or(vp.WeeklyDays, 7)
		if r, held := w.firstReview(seg.placeStart); held && r.Before(t.AddDays(wk)) {
			return days(k, n)
		}
		return days(k, wk)
	}
	firstYear := t.Before(seg.firstYear)
	if seg.arrange {
		if firstYear {
			return days(&kindVIS10, cmp.Or(vp.IntervalDays, 42))
		}
		return months(&kindVIS10, cmp.Or(vp.OtherPersonMonths, 3))
	}
	eps := w.f.Episodes
	i, ok := EpisodeOn(eps, t)
	if !ok {
		i = seg.lastEp
	}
	e := &eps[i]
	home := e.PlacementType.IsWithParents()
	switch {
	case w.temporaryApproval(seg, t) || (home && e.LegalStatus.IsInterimCareOrder()):
		return weekly(&kindVIS06, cmp.Or(vp.FourWeeklyDays, 28))
	case home && w.beforeParentDecision(seg.placeStart, t):
		return weekly(&kindVIS05, cmp.Or(vp.IntervalDays, 42))
	case home && e.LegalStatus.IsFullCareOrder():
		return days(&kindVIS07, cmp.Or(vp.IntervalDays, 42))
	// Reg 28(3A) offers the six-monthly regime only from 1 April 2015:
	// before then such a placement was visited under reg 28(2)(c).
	case e.LongTermFoster && !firstYear && ruleVIS04.InForceOn(t) && w.agreedToFewer(t):
		return months(&kindVIS04, cmp.Or(vp.LongTermFosterMonths, 6))
	case firstYear:
		return days(&kindVIS02, cmp.Or(vp.IntervalDays, 42))
	case e.IntendedUntil18:
		return months(&kindVIS03, cmp.Or(vp.LongTermMonths, 3))
	}
	return days(&kindVIS03, cmp.Or(vp.IntervalDays, 42))
}

// temporaryApproval reports whether reg 24 applies on day t of the
// placement seg belongs to: a connected person's temporary approval
// ([ConnectedApproval]) started on or before t and had not yet ended in
// full approval or the end of the placement with the person. An approval
// belongs to the placement current on its Start, or to the next placement
// to start if the child was not placed that day (an approval granted the
// day before the child moved in): its Start is on or after the previous
// placement's end and before this placement's end. So an approval whose
// end was not recorded does not run on into the child's next placement.
// Its expiry does not end it: reg 25(6) requires the placement to end
// then, and while it has not, the child is still placed under reg 24.
func (w *visitWalker) temporaryApproval(seg visitSeg, t Date) bool {
	for _, a := range w.f.ConnectedApprovals {
		if a.Start.IsZero() || a.Start.After(t) || a.Start.Before(seg.prevEnd) ||
			(!seg.placeEnd.IsZero() && !a.Start.Before(seg.placeEnd)) {
			continue
		}
		if end := a.resolved(); end.IsZero() || t.Before(end) {
			return true
		}
	}
	return false
}

// agreedToFewer reports whether a reg 28(3A) agreement stands on t.
func (w *visitWalker) agreedToFewer(t Date) bool {
	for _, g := range w.f.VisitAgreements {
		if (Period{Start: g.Agreed, End: g.Ended}).Contains(t) {
			return true
		}
	}
	return false
}

// firstReview returns the first review held on or after from (the start
// of a placement) and by the assessment date, and false if none was.
func (w *visitWalker) firstReview(from Date) (Date, bool) {
	var first Date
	for _, rv := range w.f.Reviews {
		if rv.Before(from) || rv.After(w.asOf) {
			continue
		}
		if first.IsZero() || rv.Before(first) {
			first = rv
		}
	}
	return first, !first.IsZero()
}

// beforeParentDecision reports whether the placement starting on start is a
// reg 19 placement whose decision was not yet approved on t.
func (w *visitWalker) beforeParentDecision(start, t Date) bool {
	for _, pp := range w.f.ParentPlacements {
		if pp.PlacementStart.Equal(start) {
			return pp.DecisionApproved.IsZero() || t.Before(pp.DecisionApproved)
		}
	}
	return false
}

// careOrderAtHome walks the one-off VIS-07 visit due within a week of a
// full care order made while the child lives with a parent. It closes when
// the placement ends.
func (w *visitWalker) careOrderAtHome(pl Placement, emit func(visitStep, Date, int)) {
	eps := w.f.Episodes
	n := cmp.Or(w.p.FirstVisitDays, 7)
	for i := pl.First + 1; i <= pl.Last; i++ {
		e := &eps[i]
		if !e.LegalStatus.IsFullCareOrder() || !e.PlacementType.IsWithParents() || eps[i-1].LegalStatus.IsFullCareOrder() || e.Start.After(w.asOf) {
			continue
		}
		s := visitStep{kind: &kindVIS07, subject: At(pl.First), due: e.Start.AddDays(n), anchor: e.Start, anchorAs: 1, anchorAt: -1,
			count: n, unit: Days, from: e.Start, closes: pl.Period.End, closedBy: closedPlacementEnded}
		vi, done := w.nextVisit(e.Start, pl.Period.End)
		s.current = vi < 0 && pl.Period.Contains(w.asOf)
		emit(s, done, vi)
	}
}

// shortBreakVisits walks the VIS-12 chain over all short-break episodes,
// which closes when the last recorded stay of the series ends.
func (w *visitWalker) shortBreakVisits(emit func(visitStep, Date, int)) {
	eps := w.f.Episodes
	first, last := -1, -1
	for i := range eps {
		if eps[i].LegalStatus.IsShortBreak() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || eps[first].Start.After(w.asOf) {
		return
	}
	vp := w.p
	start := eps[first].Start
	seriesEnd := eps[last].End
	n := cmp.Or(vp.ShortBreakFirstMonths, 3)
	s := visitStep{kind: &kindVIS12, subject: At(first), due: start.AddMonths(n), anchor: start, anchorAs: 1, anchorAt: -1,
		count: n, unit: Months, from: start, closes: seriesEnd, current: seriesEnd.IsZero() || seriesEnd.After(w.asOf)}
	m := cmp.Or(vp.ShortBreakMonths, 6)
	for range len(w.f.Visits) + 1 {
		vi, done := w.nextShortBreakVisit(s.from)
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
func (w *visitWalker) nextShortBreakVisit(from Date) (int, Date) {
	eps := w.f.Episodes
	for {
		vi, d := w.nextVisit(from, Date{})
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
func (w *visitWalker) noticeVisits(emit func(visitStep, Date, int)) {
	n := cmp.Or(w.p.NoticeDays, 7)
	for i, hn := range w.f.HomeNotices {
		if hn.Received.After(w.asOf) {
			continue
		}
		closes := w.placementEnd(hn.Received)
		s := visitStep{kind: &kindVIS11, subject: At(i), due: hn.Received.AddDays(n), anchor: hn.Received, anchorAt: -1,
			count: n, unit: Days, from: hn.Received, closes: closes}
		vi, done := w.nextVisit(hn.Received, closes)
		s.current = vi < 0 && (closes.IsZero() || closes.After(w.asOf))
		emit(s, done, vi)
	}
}

// placementEnd returns the end of the placement the child was in on d
// (zero while it lasts), or d itself if the child was not placed that day
// (a notice received on the day the child left care).
func (w *visitWalker) placementEnd(d Date) Date {
	for _, pl := range w.pls {
		if pl.Period.Contains(d) {
			return pl.Period.End
		}
	}
	return d
}

// visitSchedule walks the visit timetable of the assessed record, for
// [Assess]: the same walk as the exported calculators.
func (a *planAssessor) visitSchedule(emit func(s visitStep, done Date, vi int)) {
	w := visitWalker{f: a.r.VisitFacts(a.ctx.Reviews), pls: a.h.Placements(), asOf: a.asOf, p: &a.p.Visits}
	w.schedule(emit)
}

// emitVisit records a visit obligation.
func (a *planAssessor) emitVisit(s visitStep, done Date, vi int) { emitVisit(a.e, s, done, vi) }

// emitVisit records visit obligation s in e, met by visit vi on done.
func emitVisit(e *Emitter, s visitStep, done Date, vi int) {
	e.Deadline(s.kind, Obligation{Subject: s.subject, Due: s.due, Anchor: s.anchor, AnchorAt: At(s.anchorAt), AnchorAs: s.anchorAs,
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

// prepareVisits validates the facts and policy of an exported visit
// calculator and returns the walker over them.
func prepareVisits(f VisitFacts, asOf Date, p *VisitsPolicy) (*visitWalker, error) {
	if asOf.IsZero() {
		return nil, &FieldError{Path: "as_of", Err: ErrRequired}
	}
	var errs ValidationErrors
	p.validate(&errs)
	f.validate(&errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &visitWalker{f: f, pls: appendPlacements(nil, f.Episodes), asOf: asOf, p: p}, nil
}

// EvaluateVisits evaluates the child's visit history against the statutory
// visiting timetable (CPPCR reg 28 and reg 48(3)(c): rules VIS-01 to VIS-07
// and VIS-10 to VIS-12) as of asOf and returns one finding per interval:
// Met or Late for each interval closed by a visit; Overdue or Upcoming for
// each interval still open; and Missed for an interval whose placement (or
// arrangement, or series of short breaks) ended after its due date with no
// visit. An interval whose placement ended on or before its due date was
// never owed and gives no finding. The report is sorted. [Assess] makes the
// same findings, by the same computation, as part of a whole assessment.
//
// For each placement (see [Placements]) the regime is picked from the
// episode in force on the date the interval runs from: a connected
// person's temporary approval (f.ConnectedApprovals) or an interim care
// order at home (VIS-06); a reg 19 placement with a parent before the
// decision (VIS-05); a care order at home (VIS-07); a long-term foster
// placement held a year with the child's agreement (VIS-04); otherwise
// six-weekly in the placement's first year (VIS-02) and then VIS-03.
// Other-person arrangements (VIS-10) replace the placement's timetable
// while they last; short breaks follow VIS-12 and s.30A notices VIS-11.
// The weekly visits of VIS-05 and VIS-06 last "until the first review"
// (reg 28(3)(a), (4)(a)): the first review held on or after the
// placement's start. A weekly visit falling due after that review is not
// owed; the interval "thereafter" runs from the last visit instead, so a
// visit on 28 May with the first review on 29 May makes the next visit due
// by 25 June (four weeks) under reg 28(4), not by 4 June.
//
// Counting: CPPCR reg 28 counts calendar days, weeks and months, never
// working days, so no calendar is needed. "Within one week of" an event
// (reg 28(2)(a), (5)(a), (6)(a), (7)(b)) does not count the event's day:
// the visit is due by the event + 7 days, and a visit on the day itself
// counts. "At intervals of not more than" six weeks, four weeks, three or
// six months (reg 28(2)–(6), (3A), 48(3)(c)) runs from the last visit
// actually made: the next is due 42 or 28 days after it, or on the
// corresponding date 3 or 6 months after it ([Date.AddMonths]); "at least
// once a week" is 7 days after the last. A visit on its due date is on
// time. Only statutory visits at which the child was seen count, unless
// the policy says otherwise; visits and reviews after asOf are ignored.
//
// It returns an error, naming the field, if asOf is zero, p is looser than
// statute or nonsense, or a fact is invalid (f has no episodes, or one
// that fails [ValidateEpisodes], a visit or other record outside the
// child's care or out of order, a zero review date). It does not check the
// child's age, which it is not given. See also [VisitSchedule] and
// [NextVisit].
func EvaluateVisits(f VisitFacts, asOf Date, p VisitsPolicy) (Report, error) {
	w, err := prepareVisits(f, asOf, &p)
	if err != nil {
		return nil, err
	}
	e := NewEmitter(asOf)
	w.schedule(func(s visitStep, done Date, vi int) { emitVisit(e, s, done, vi) })
	return e.Report(), nil
}

// VisitSchedule returns every statutory visit deadline of the child as of
// asOf, met or not, in order of due date: the intervals of
// [EvaluateVisits], Missed ones included, as [Deadline] values that explain
// themselves (anchor, count and unit). An interval whose placement ended on
// or before its due date was never owed and is left out. Counting
// conventions and errors are those of EvaluateVisits: calendar days from
// the event or the last visit ("within one week of" = the event + 7 days;
// intervals of "not more than" 42 or 28 days, 3 or 6 months after the last
// visit).
func VisitSchedule(f VisitFacts, asOf Date, p VisitsPolicy) ([]Deadline, error) {
	w, err := prepareVisits(f, asOf, &p)
	if err != nil {
		return nil, err
	}
	var out []Deadline
	w.schedule(func(s visitStep, done Date, _ int) {
		if _, owed := evaluate(s.due, done, s.closes, asOf); owed {
			out = append(out, s.deadline())
		}
	})
	slices.SortStableFunc(out, func(x, y Deadline) int { return x.Due.Compare(y.Due) })
	return out, nil
}

// NextVisit returns the next statutory visit due for the child as of asOf:
// the earliest interval still open in the child's current placement (or
// other-person arrangement, short-break series or s.30A notice), which may
// already be overdue. It is one call on the facts alone: the episodes
// (placement type and legal status), the visits, the dates of the reviews
// held and the records that change the regime, such as a connected
// person's temporary approval, which makes the visits weekly until the
// first review and four-weekly after it (reg 28(4)). It returns false when
// none applies, for example when the child is not looked after on asOf.
//
// Counting: calendar days, as in [EvaluateVisits]. "Within one week of"
// the start of a placement is the start + 7 days; "at least once a week"
// is 7 days after the last visit, until the first review held on or after
// the placement's start; "at intervals of not more than" four or six
// weeks, three or six months is 28 or 42 days, or the corresponding date 3
// or 6 months ([Date.AddMonths]), after the last visit. A weekly visit
// that would fall due after the first review is replaced by the interval
// after the review, counted from the last visit. Errors are those of
// EvaluateVisits.
func NextVisit(f VisitFacts, asOf Date, p VisitsPolicy) (Deadline, bool, error) {
	w, err := prepareVisits(f, asOf, &p)
	if err != nil {
		return Deadline{}, false, err
	}
	var best Deadline
	found := false
	w.schedule(func(s visitStep, done Date, _ int) {
		if !done.IsZero() || !s.current {
			return
		}
		if !found || s.due.Before(best.Due) {
			best, found = s.deadline(), true
		}
	})
	return best, found, nil
}
