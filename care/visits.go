package care

import (
	"cmp"
	"fmt"
	"slices"
)

// VisitKind says whether a visit was a statutory visit under CPPCR reg 28.
type VisitKind uint8

const (
	VisitKindUnknown VisitKind = iota // not given; invalid in a record
	VisitStatutory                    // a statutory visit by the child's social worker (reg 28)
	VisitOther                        // any other visit or contact; it does not count towards the schedule
)

var visitKindNames = [...]string{"unknown", "statutory", "other"}

// String returns "statutory" or "other".
func (k VisitKind) String() string {
	if int(k) < len(visitKindNames) {
		return visitKindNames[k]
	}
	return fmt.Sprintf("%%!VisitKind(%d)", uint8(k))
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
	AloneUnrecorded     SeenAlone = iota // not recorded
	AloneSeen                            // the child was seen alone
	AloneNotSeen                         // the child was not seen alone, though it was appropriate
	AloneNotAppropriate                  // not seen alone: the record says it was not appropriate, or the child refused
)

var seenAloneNames = [...]string{"unrecorded", "yes", "no", "not-appropriate"}

// String returns "unrecorded", "yes", "no" or "not-appropriate".
func (s SeenAlone) String() string {
	if int(s) < len(seenAloneNames) {
		return seenAloneNames[s]
	}
	return fmt.Sprintf("%%!SeenAlone(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler]; AloneUnrecorded
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
	Alone         SeenAlone `json:"seen_alone,omitzero"`
	ViewsRecorded bool      `json:"views_recorded,omitempty"`
	// Purpose is the purpose of the visit; PlanAction names the care-plan
	// action it serves. VIS-09 wants one of them.
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
	if int(v.Alone) >= len(seenAloneNames) {
		errs.Add(plPath(list, i, "seen_alone"), fmt.Errorf("%w: %v", ErrUnknownCode, v.Alone))
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
	// ArrangementOtherPerson: the child is in care but another person is
	// responsible for the child's living arrangements, for example in
	// custody (CPPCR reg 28(6); visits follow VIS-10).
	ArrangementOtherPerson
	// ArrangementTemporaryApproval: the child lives with a connected person
	// temporarily approved as a foster carer (reg 24; visits follow reg
	// 28(4), VIS-06).
	ArrangementTemporaryApproval
)

var arrangementKindNames = [...]string{"unknown", "other-person", "temporary-approval"}

// String returns "other-person" or "temporary-approval".
func (k ArrangementKind) String() string {
	if int(k) < len(arrangementKindNames) {
		return arrangementKindNames[k]
	}
	return fmt.Sprintf("%%!ArrangementKind(%d)", uint8(k))
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

func fillVisitRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	const counting = " Days and weeks are calendar days (one week = 7 days, six weeks = 42 days); months follow the corresponding-date rule. Each interval runs from the last visit actually made (the child seen), and the clock restarts at each new placement. A visit on the due date is on time."
	rs[rVIS01] = cppcrRule("VIS-01", "First visit within one week of the start of every placement",
		"The child is visited within 7 days of the start of each placement; a visit on the day the placement starts counts."+counting,
		"reg 28(2)(a)", 28, DomainVisits, "7 days")
	pol[rVIS01] = "Visits.FirstVisitDays,Visits.CountUnseen"
	rs[rVIS02] = cppcrRule("VIS-02", "Visits at intervals of not more than six weeks in the first year of a placement",
		"While the last visit fell in the first year of the placement, the next is due within 42 days of it."+counting,
		"reg 28(2)(b)", 28, DomainVisits, "42 days")
	pol[rVIS02] = "Visits.IntervalDays,Visits.CountUnseen"
	rs[rVIS03] = cppcrRule("VIS-03", "Visits after the first year of a placement: three-monthly if intended to last until 18, otherwise six-weekly",
		"Once the last visit falls after the placement's first anniversary, the next is due within 3 months of it if the placement is intended to last until the child is 18 (Episode.IntendedUntil18), otherwise within 42 days. The interval is chosen by the date of the last visit, so the interval that spans the first anniversary is still six weeks."+counting,
		"reg 28(2)(c)", 28, DomainVisits, "3 months / 42 days")
	pol[rVIS03] = "Visits.LongTermMonths,Visits.IntervalDays,Visits.CountUnseen"
	rs[rVIS04] = cppcrRule("VIS-04", "Long-term foster placement held a year or more, child agreeing: visits not more than six-monthly",
		"In a long-term foster placement (Episode.LongTermFoster, as reg 2(1) defines it) held for at least a year, where a VisitAgreement records the child's agreement, the next visit is due within 6 months of the last."+counting,
		"reg 28(3A) (inserted by SI 2015/495 reg 5)", 28, DomainVisits, "6 months")
	rs[rVIS04].InForce = Period{Start: MustDate(2015, 4, 1)}
	pol[rVIS04] = "Visits.LongTermFosterMonths,Visits.CountUnseen"
	rs[rVIS05] = cppcrRule("VIS-05", "Placed with a parent before assessment is complete: weekly until the first review, then six-weekly",
		"For a placement with a parent under reg 19 (a ParentPlacement record) until the placement decision is approved: the next visit is due within 7 days of the last until a review has been held since the placement started, then within 42 days."+counting,
		"reg 28(3)", 28, DomainVisits, "7 / 42 days")
	pol[rVIS05] = "Visits.WeeklyDays,Visits.IntervalDays,Visits.CountUnseen"
	rs[rVIS06] = cppcrRule("VIS-06", "Connected person on temporary approval, or interim care order living with a parent: weekly until the first review, then four-weekly",
		"While a temporary-approval Arrangement covers the last visit, or the child lives with a parent (placement P1) under an interim care order (C1): the next visit is due within 7 days of the last until a review has been held since the placement started, then within 28 days."+counting,
		"reg 28(4)", 28, DomainVisits, "7 / 28 days")
	pol[rVIS06] = "Visits.WeeklyDays,Visits.FourWeeklyDays,Visits.CountUnseen"
	rs[rVIS07] = cppcrRule("VIS-07", "Care order, living with a parent: within one week of the order, then six-weekly",
		"When a full care order (C2) is made while the child lives with a parent (P1), a visit is due within 7 days of the order (from the placement start when the order came first: VIS-01); later visits are due within 42 days of the last."+counting,
		"reg 28(5)", 28, DomainVisits, "7 / 42 days")
	pol[rVIS07] = "Visits.FirstVisitDays,Visits.IntervalDays,Visits.CountUnseen"
	rs[rVIS08] = localRule("VIS-08", "Visit record written up within a local window of the visit",
		"Each statutory visit made is written up within the window, counted in working days after the visit (the visit day is day 0 unless Policy.Counting says otherwise).",
		"inspection finding", DomainVisits, "3 WD")
	pol[rVIS08] = "Visits.WriteUpDays,Counting"
	rs[rVIS09] = localRule("VIS-09", "Visit quality: child seen, alone where appropriate, views recorded, purpose linked to the plan",
		"Each statutory visit made records that the child was seen; that the child was seen alone, or why that was not appropriate; the child's views; and a purpose or the care-plan action it serves.",
		"inspection finding", DomainVisits, "")
	rs[rVIS10] = cppcrRule("VIS-10", "Another person responsible for the living arrangements: within a week of the start and of any change, six-weekly for a year, then three-monthly",
		"For each other-person Arrangement (a change is a new record): a visit within 7 days of its start, then within 42 days of the last visit while that visit falls in the arrangement's first year, then within 3 months."+counting,
		"reg 28(6)", 28, DomainVisits, "7 / 42 days / 3 months")
	pol[rVIS10] = "Visits.FirstVisitDays,Visits.IntervalDays,Visits.OtherPersonMonths,Visits.CountUnseen"
	rs[rVIS11] = cppcrRule("VIS-11", "Visit within one week of an s.30A notice about the child's children's home",
		"A visit within 7 days of the day the authority first received a notification under s.30A Care Standards Act 2000 about the home where the child is placed; a visit on the day of receipt counts."+counting,
		"reg 28(7)(b)", 28, DomainVisits, "7 days")
	pol[rVIS11] = "Visits.NoticeDays,Visits.CountUnseen"
	rs[rVIS12] = cppcrRule("VIS-12", "Short breaks: first visit within 3 months of the first short break, then not more than six-monthly",
		"For a child on an agreed series of short breaks (legal status V3 or V4): a visit within 3 months of the start of the first short break, then within 6 months of the last, counting only visits on days the child is placed (an episode's start to its end day inclusive). Nothing is due once the series has ended before the due date."+counting,
		"reg 48(3)(c)", 48, DomainVisits, "3 / 6 months")
	pol[rVIS12] = "Visits.ShortBreakFirstMonths,Visits.ShortBreakMonths,Visits.CountUnseen"
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
		case v.Kind == VisitStatutory && plAfterCare(periods, v.Date):
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

// visitStep is one visit obligation: a visit is due by due, counting visits
// made on or after from.
type visitStep struct {
	rule      int
	due       Date
	anchor    Date
	from      Date
	label     string
	count     int
	unit      Unit
	anchorRef int    // index of the visit the interval runs from, or -1
	subject   string // the finding's subject
	current   bool   // the obligation belongs to the child's situation on asOf
}

func (s visitStep) deadline(rs *[nPlanRules]Rule) Deadline {
	return Deadline{Rule: rs[s.rule].ID, Due: s.due, Anchor: s.anchor, AnchorLabel: s.label, Count: s.count, Unit: s.unit}
}

// visitSeg is a stretch of time with one visiting regime family: part of a
// placement, an other-person arrangement.
type visitSeg struct {
	start, end Date // [start, end); zero end: ongoing
	placeStart Date // start of the placement (or arrangement)
	lastEp     int  // last episode of the placement
	arrange    bool // an other-person arrangement (reg 28(6))
	label      string
	subject    string
}

// counted reports whether visit v counts towards the reg 28 schedule.
func (a *planAssessor) counted(v Visit) bool {
	return v.Kind == VisitStatutory && (v.ChildSeen || a.p.Visits.CountUnseen) && !v.Date.After(a.asOf)
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

// lapsed reports whether an obligation due on due lapsed because its
// segment ended (as of asOf) on or before the due date.
func (a *planAssessor) lapsed(end, due Date) bool {
	return !end.IsZero() && !end.After(a.asOf) && !end.After(due)
}

// visitSchedule walks every visit obligation of VIS-01 to VIS-07 and VIS-10
// to VIS-12 and calls emit for each, with the date and index of the visit
// that met it (zero and -1 when none has by asOf).
func (a *planAssessor) visitSchedule(emit func(s visitStep, done Date, ref int)) {
	eps := a.r.Episodes
	for _, pl := range a.placements {
		if pl.Period.Start.After(a.asOf) {
			break
		}
		if eps[pl.First].LegalStatus.IsShortBreak() {
			continue
		}
		a.placementSegments(pl, emit)
		a.careOrderAtHome(pl, emit)
	}
	vp := a.p.Visits
	for _, ar := range a.r.Arrangements {
		if ar.Kind != ArrangementOtherPerson || ar.Start.After(a.asOf) {
			continue
		}
		seg := visitSeg{start: ar.Start, end: ar.End, placeStart: ar.Start, arrange: true, subject: "arrangement"}
		first := visitStep{rule: rVIS10, anchor: ar.Start, from: ar.Start, label: "other person's arrangements started",
			count: cmp.Or(vp.FirstVisitDays, 7), unit: Days, anchorRef: -1}
		first.due = ar.Start.AddDays(first.count)
		a.walkSegment(seg, first, emit)
	}
	a.shortBreakVisits(emit)
	for i, n := range a.r.HomeNotices {
		if n.Received.After(a.asOf) {
			continue
		}
		s := visitStep{rule: rVIS11, anchor: n.Received, from: n.Received, label: "s.30A notice received",
			count: cmp.Or(vp.NoticeDays, 7), unit: Days, anchorRef: -1, subject: Index("home_notices", i)}
		s.due = n.Received.AddDays(s.count)
		_, inCare := EpisodeOn(eps, a.asOf)
		vi, done := a.nextVisit(n.Received, Date{})
		s.current = inCare && vi < 0
		emit(s, done, vi)
	}
}

// placementSegments splits a placement around other-person arrangements
// and walks each part.
func (a *planAssessor) placementSegments(pl Placement, emit func(visitStep, Date, int)) {
	cur, label := pl.Period.Start, "placement started"
	end := pl.Period.End
	walk := func(to Date) {
		seg := visitSeg{start: cur, end: to, placeStart: pl.Period.Start, lastEp: pl.Last, label: label, subject: "placement"}
		vp := a.p.Visits
		first := visitStep{rule: rVIS01, anchor: cur, from: cur, label: label, count: cmp.Or(vp.FirstVisitDays, 7), unit: Days, anchorRef: -1}
		first.due = cur.AddDays(first.count)
		a.walkSegment(seg, first, emit)
	}
	for _, ar := range a.r.Arrangements {
		if ar.Kind != ArrangementOtherPerson || ar.Start.After(a.asOf) || !ar.Period().Overlaps(Period{Start: cur, End: end}) {
			continue
		}
		if ar.Start.After(cur) {
			walk(ar.Start)
		}
		if ar.End.IsZero() || ar.End.After(a.asOf) {
			return
		}
		cur, label = ar.End, "returned from another person's arrangements"
	}
	if end.IsZero() || cur.Before(end) {
		walk(end)
	}
}

// walkSegment follows the chain of visits of one segment from its first
// obligation until an obligation is not yet met.
func (a *planAssessor) walkSegment(seg visitSeg, step visitStep, emit func(visitStep, Date, int)) {
	current := !seg.start.After(a.asOf) && (seg.end.IsZero() || seg.end.After(a.asOf))
	subject := plSubject(seg.subject, seg.placeStart)
	for range len(a.r.Visits) + 1 {
		step.subject, step.current = subject, current
		if !seg.end.IsZero() && !step.from.Before(seg.end) {
			return
		}
		vi, done := a.nextVisit(step.from, seg.end)
		if vi >= 0 {
			emit(step, done, vi)
			step = a.visitNext(seg, done, vi)
			continue
		}
		if !a.lapsed(seg.end, step.due) {
			emit(step, Date{}, -1)
		}
		return
	}
}

// visitNext returns the obligation that follows a visit on t in seg.
func (a *planAssessor) visitNext(seg visitSeg, t Date, vi int) visitStep {
	vp := a.p.Visits
	s := visitStep{anchor: t, from: t.AddDays(1), label: "last visit", anchorRef: vi}
	days := func(rule, n int) visitStep {
		s.rule, s.count, s.unit, s.due = rule, n, Days, t.AddDays(n)
		return s
	}
	months := func(rule, n int) visitStep {
		s.rule, s.count, s.unit, s.due = rule, n, Months, t.AddMonths(n)
		return s
	}
	firstYear := t.Before(seg.placeStart.AddYears(1))
	if seg.arrange {
		if firstYear {
			return days(rVIS10, cmp.Or(vp.IntervalDays, 42))
		}
		return months(rVIS10, cmp.Or(vp.OtherPersonMonths, 3))
	}
	eps := a.r.Episodes
	i, ok := EpisodeOn(eps, t)
	if !ok {
		i = seg.lastEp
	}
	e := eps[i]
	home := e.PlacementType.IsWithParents()
	switch {
	case a.temporaryApproval(t) || (home && e.LegalStatus.IsInterimCareOrder()):
		if a.reviewSince(seg.placeStart, t) {
			return days(rVIS06, cmp.Or(vp.FourWeeklyDays, 28))
		}
		return days(rVIS06, cmp.Or(vp.WeeklyDays, 7))
	case home && a.beforeParentDecision(seg.placeStart, t):
		if a.reviewSince(seg.placeStart, t) {
			return days(rVIS05, cmp.Or(vp.IntervalDays, 42))
		}
		return days(rVIS05, cmp.Or(vp.WeeklyDays, 7))
	case home && e.LegalStatus.IsFullCareOrder():
		return days(rVIS07, cmp.Or(vp.IntervalDays, 42))
	case e.LongTermFoster && !firstYear && a.rs[rVIS04].InForceOn(t) && a.agreedToFewer(t):
		return months(rVIS04, cmp.Or(vp.LongTermFosterMonths, 6))
	case firstYear:
		return days(rVIS02, cmp.Or(vp.IntervalDays, 42))
	case e.IntendedUntil18:
		return months(rVIS03, cmp.Or(vp.LongTermMonths, 3))
	}
	return days(rVIS03, cmp.Or(vp.IntervalDays, 42))
}

// temporaryApproval reports whether a temporary-approval arrangement covers t.
func (a *planAssessor) temporaryApproval(t Date) bool {
	for _, ar := range a.r.Arrangements {
		if ar.Kind == ArrangementTemporaryApproval && ar.Period().Contains(t) {
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

// careOrderAtHome adds the one-off VIS-07 visit due within a week of a full
// care order made while the child lives with a parent.
func (a *planAssessor) careOrderAtHome(pl Placement, emit func(visitStep, Date, int)) {
	eps := a.r.Episodes
	for i := pl.First + 1; i <= pl.Last; i++ {
		e := eps[i]
		if !e.LegalStatus.IsFullCareOrder() || !e.PlacementType.IsWithParents() || eps[i-1].LegalStatus.IsFullCareOrder() || e.Start.After(a.asOf) {
			continue
		}
		s := visitStep{rule: rVIS07, anchor: e.Start, from: e.Start, label: "care order made", count: cmp.Or(a.p.Visits.FirstVisitDays, 7),
			unit: Days, anchorRef: -1, subject: plSubject("placement", pl.Period.Start)}
		s.due = e.Start.AddDays(s.count)
		vi, done := a.nextVisit(e.Start, pl.Period.End)
		if vi < 0 && a.lapsed(pl.Period.End, s.due) {
			continue
		}
		s.current = vi < 0 && pl.Period.Contains(a.asOf)
		emit(s, done, vi)
	}
}

// shortBreakVisits walks the VIS-12 chain over all short-break episodes.
func (a *planAssessor) shortBreakVisits(emit func(visitStep, Date, int)) {
	eps := a.r.Episodes
	first, last := -1, -1
	for i, e := range eps {
		if e.LegalStatus.IsShortBreak() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || eps[first].Start.After(a.asOf) {
		return
	}
	vp := a.p.Visits
	start := eps[first].Start
	seriesEnd := eps[last].End
	s := visitStep{rule: rVIS12, anchor: start, from: start, label: "first short break started", count: cmp.Or(vp.ShortBreakFirstMonths, 3),
		unit: Months, anchorRef: -1, subject: plSubject("short breaks", start)}
	s.due = start.AddMonths(s.count)
	current := seriesEnd.IsZero() || seriesEnd.After(a.asOf)
	for range len(a.r.Visits) + 1 {
		s.current = current
		vi, done := a.nextShortBreakVisit(s.from)
		if vi >= 0 {
			emit(s, done, vi)
			s.anchor, s.from, s.label, s.anchorRef = done, done.AddDays(1), "last visit", vi
			s.count = cmp.Or(vp.ShortBreakMonths, 6)
			s.due = done.AddMonths(s.count)
			continue
		}
		if !a.lapsed(seriesEnd, s.due) {
			emit(s, Date{}, -1)
		}
		return
	}
}

// nextShortBreakVisit returns the first counted visit on or after from made
// on a day the child was placed on a short break.
func (a *planAssessor) nextShortBreakVisit(from Date) (int, Date) {
	eps := a.r.Episodes
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

// emitVisit turns a visit obligation into a finding.
func (a *planAssessor) emitVisit(s visitStep, done Date, ref int) {
	var anchor string
	if s.anchorRef >= 0 {
		anchor = a.visitPath(s.anchorRef)
	}
	var refs [1]Evidence
	n := 0
	if st := s.deadline(a.rs).Evaluate(done, a.asOf); ref >= 0 && (st == Met || st == Late) {
		refs[0] = Evidence{Label: "visit", Date: done, Ref: a.visitPath(ref)}
		n = 1
	}
	a.finding(s.rule, s.subject, s.deadline(a.rs), done, anchor, refs[:n])
}

// visitRecords appends the per-visit findings of VIS-08 and VIS-09.
func (a *planAssessor) visitRecords() error {
	n := cmp.Or(a.p.Visits.WriteUpDays, 3)
	for i, v := range a.r.Visits {
		if v.Kind != VisitStatutory || v.Date.After(a.asOf) {
			continue
		}
		subject := a.visitPath(i)
		due, err := a.wd(rVIS08, v.Date, n)
		if err != nil {
			return err
		}
		a.deadline(rVIS08, subject, Deadline{Due: due, Anchor: v.Date, AnchorLabel: "visit", Count: n, Unit: WorkingDays}, v.WrittenUp)
		var buf [3]string
		problems := buf[:0]
		if !v.ChildSeen {
			problems = append(problems, "child not seen")
		} else {
			switch v.Alone {
			case AloneUnrecorded:
				problems = append(problems, "whether the child was seen alone is not recorded")
			case AloneNotSeen:
				problems = append(problems, "child not seen alone")
			}
		}
		if !v.ViewsRecorded {
			problems = append(problems, "child's views not recorded")
		}
		if v.Purpose == "" && v.PlanAction == "" {
			problems = append(problems, "no purpose or care-plan action")
		}
		a.check(rVIS09, subject, problems, Evidence{Label: "visit", Date: v.Date, Ref: subject})
	}
	return nil
}

// prepareVisits validates the policy and record and builds an assessor for
// the exported visit calculators.
func prepareVisits(r Record, ctx Context, asOf Date, p Policy, rs *[nPlanRules]Rule) (*planAssessor, error) {
	if asOf.IsZero() {
		return nil, &FieldError{Path: "as_of", Err: ErrRequired}
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	var pol [nPlanRules]string
	fillPlanRules(rs, &pol)
	a := &planAssessor{r: r, ctx: ctx, asOf: asOf, p: p, rs: rs, rep: new(Report)}
	a.periods = PeriodsOfCare(r.Episodes)
	a.placements = Placements(r.Episodes)
	return a, nil
}

// EvaluateVisits evaluates the child's visit history against the statutory
// visiting timetable (CPPCR reg 28 and reg 48(3)(c): rules VIS-01 to VIS-07
// and VIS-10 to VIS-12) as of asOf and returns one finding per interval:
// Met or Late for each interval closed by a visit, and one Overdue or
// Upcoming finding for each interval still open. The report is sorted.
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
// It returns an error if asOf is zero, p is looser than statute or r is
// invalid. See also [VisitSchedule] and [NextVisit].
func EvaluateVisits(r Record, ctx Context, asOf Date, p Policy) (Report, error) {
	var rs [nPlanRules]Rule
	a, err := prepareVisits(r, ctx, asOf, p, &rs)
	if err != nil {
		return nil, err
	}
	a.visitSchedule(a.emitVisit)
	rep := *a.rep
	rep.Sort()
	return rep, nil
}

// VisitSchedule returns every statutory visit deadline of the child as of
// asOf, met or not, in order of due date: the same intervals as
// [EvaluateVisits], as [Deadline] values that explain themselves (anchor,
// count and unit). Counting conventions and errors are those of
// EvaluateVisits.
func VisitSchedule(r Record, ctx Context, asOf Date, p Policy) ([]Deadline, error) {
	var rs [nPlanRules]Rule
	a, err := prepareVisits(r, ctx, asOf, p, &rs)
	if err != nil {
		return nil, err
	}
	var out []Deadline
	a.visitSchedule(func(s visitStep, _ Date, _ int) { out = append(out, s.deadline(&rs)) })
	slices.SortStableFunc(out, func(x, y Deadline) int { return x.Due.Compare(y.Due) })
	return out, nil
}

// NextVisit returns the next statutory visit due for the child's current
// placement (or arrangement, short-break series or s.30A notice) as of
// asOf: the earliest open interval, which may already be overdue. It
// returns false when none applies, for example when the child is not
// looked after on asOf. Counting conventions and errors are those of
// [EvaluateVisits].
func NextVisit(r Record, ctx Context, asOf Date, p Policy) (Deadline, bool, error) {
	var rs [nPlanRules]Rule
	a, err := prepareVisits(r, ctx, asOf, p, &rs)
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
			best, found = s.deadline(&rs), true
		}
	})
	return best, found, nil
}
