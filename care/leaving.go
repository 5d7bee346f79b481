package care

import (
	"cmp"
	"fmt"
)

// LeaverCategory is a young person's care-leaver category under the
// Children Act 1989. It marshals as "eligible", "relevant",
// "former-relevant" or "qualifying"; the zero value, LeaverNone, means none
// of them and marshals as "".
type LeaverCategory uint8

const (
	// LeaverNone: not a care leaver as of the date (under 16, never looked
	// after after 16, looked after but not yet eligible, or past the ages).
	LeaverNone LeaverCategory = iota
	// LeaverEligible: aged 16 or 17, looked after, and looked after for 13
	// weeks in total since age 14, ending after 16 (CA89 Sch 2 para 19B;
	// CPPCR reg 40).
	LeaverEligible
	// LeaverRelevant: aged 16 or 17, no longer looked after, and eligible
	// before leaving care (CA89 s.23A; Care Leavers Regs reg 3).
	LeaverRelevant
	// LeaverFormerRelevant: aged 18 to 24 and eligible or relevant before 18
	// (CA89 s.23C); most duties run to 21, personal-adviser support to 25.
	LeaverFormerRelevant
	// LeaverQualifying: aged 16 to 20, looked after at some time after 16
	// but none of the above (CA89 s.24).
	LeaverQualifying
)

var leaverNames = [...]string{"", "eligible", "relevant", "former-relevant", "qualifying"}

// String returns the category's name, "" for LeaverNone, and
// "%!LeaverCategory(n)" for a value outside the list.
func (c LeaverCategory) String() string {
	if int(c) < len(leaverNames) {
		return leaverNames[c]
	}
	return fmt.Sprintf("%%!LeaverCategory(%d)", uint8(c))
}

// MarshalText implements [encoding.TextMarshaler].
func (c LeaverCategory) MarshalText() ([]byte, error) {
	return marshalName(c.String(), int(c), len(leaverNames), "care-leaver category")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is LeaverNone.
func (c *LeaverCategory) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, leaverNames[:], "care-leaver category")
	*c = LeaverCategory(i)
	return err
}

// LeaverStatus is a young person's care-leaver status as of a date, with
// the facts it was computed from.
type LeaverStatus struct {
	AsOf     Date           `json:"as_of"`
	Category LeaverCategory `json:"category"`
	// EligibleFrom is the first day the child was an eligible child (zero
	// if never, up to AsOf).
	EligibleFrom Date `json:"eligible_from,omitzero"`
	// LeftCare is the day the child last ceased to be looked after on or
	// before AsOf (zero if still looked after or never left).
	LeftCare Date `json:"left_care,omitzero"`
	// DaysSince14 is the number of days the child was looked after from
	// the 14th birthday to AsOf inclusive, short breaks excluded; 91 days
	// (13 weeks) are needed for eligibility.
	DaysSince14 int `json:"days_since_14"`
}

// sgEligibilityDays is 13 weeks.
const sgEligibilityDays = 13 * 7

// CareLeaverStatus returns the care-leaver status of child c with episodes
// eps as of asOf.
//
// Counting: days looked after are counted from the 14th birthday (that day
// included) to asOf inclusive, adding up every episode, continuous or not,
// except those under an agreed series of short breaks (legal status V3 or
// V4; CPPCR reg 40(2)). The child becomes eligible on the first day, on or
// after the 16th birthday and before the 18th, on which the child is looked
// after and the total reaches 91 days (13 weeks). Birthdays follow [AgeOn]
// (29 February births have their birthday on 1 March in other years).
//
// A relevant child who left care to return home stops being relevant once
// 6 months have passed since leaving (and is then qualifying); the library
// assumes the return lasted, as it has no record of where the child lived.
// A 16- or 17-year-old who was detained or in hospital on their 16th
// birthday (Care Leavers Regs reg 3(2)) is not recognised.
//
// It returns an error wrapping [ErrRequired] if the date of birth is
// missing and one wrapping [ErrInvalidDate] if asOf is zero. It expects
// episodes that pass [ValidateEpisodes] and does not allocate. CA89 Sch 2
// para 19B, ss.23A, 23C and 24; CPPCR reg 40. See also [NeedsAssessmentDue].
func CareLeaverStatus(c Child, eps []Episode, asOf Date) (LeaverStatus, error) {
	if c.DateOfBirth.IsZero() {
		return LeaverStatus{}, fmt.Errorf("care: care-leaver status of %s: date_of_birth: %w", c, ErrRequired)
	}
	if asOf.IsZero() {
		return LeaverStatus{}, fmt.Errorf("%w: care-leaver status as of the zero date", ErrInvalidDate)
	}
	b14, b16, b18 := c.Birthday(14), c.Birthday(16), c.Birthday(18)
	s := LeaverStatus{AsOf: asOf}
	after16 := false
	var leftIdx = -1
	stop := asOf.AddDays(1)
	for i, e := range eps {
		if e.Start.After(asOf) || e.Start.IsZero() {
			break
		}
		if e.LegalStatus.IsShortBreak() {
			continue
		}
		end := e.End
		if end.IsZero() || end.After(stop) {
			end = stop
		}
		if !e.End.IsZero() && !e.End.After(asOf) && (i+1 == len(eps) || !eps[i+1].Start.Equal(e.End) || eps[i+1].LegalStatus.IsShortBreak()) {
			s.LeftCare, leftIdx = e.End, i
		}
		if end.After(b16) && e.Start.Before(b18) {
			after16 = true
		}
		ss := e.Start
		if ss.Before(b14) {
			ss = b14
		}
		if !ss.Before(end) {
			continue
		}
		if s.EligibleFrom.IsZero() {
			d := ss.AddDays(sgEligibilityDays - 1 - s.DaysSince14)
			if d.Before(ss) {
				d = ss
			}
			if d.Before(b16) {
				d = b16
			}
			if d.Before(end) && d.Before(b18) {
				s.EligibleFrom = d
			}
		}
		s.DaysSince14 += end.DaysSince(ss)
	}
	idx, la := EpisodeOn(eps, asOf)
	la = la && !eps[idx].LegalStatus.IsShortBreak()
	if la {
		s.LeftCare = Date{}
	}
	age := c.AgeOn(asOf)
	eligible := !s.EligibleFrom.IsZero()
	leftAfterEligible := eligible && !s.LeftCare.IsZero() && s.LeftCare.After(s.EligibleFrom)
	returnedHome := leftIdx >= 0 && eps[leftIdx].ReasonCeased.IsReturnHome()
	switch {
	case age < 16 || age >= 25:
	case age < 18:
		switch {
		case la && eligible:
			s.Category = LeaverEligible
		case la:
		case leftAfterEligible && !(returnedHome && !asOf.Before(s.LeftCare.AddMonths(6))):
			s.Category = LeaverRelevant
		case after16:
			s.Category = LeaverQualifying
		}
	default:
		lostBefore18 := leftAfterEligible && s.LeftCare.Before(b18) && returnedHome && !b18.Before(s.LeftCare.AddMonths(6))
		switch {
		case eligible && !lostBefore18:
			s.Category = LeaverFormerRelevant
		case after16 && age < 21:
			s.Category = LeaverQualifying
		}
	}
	return s, nil
}

// LeavingPolicy holds the timescales of LEAV-01 to LEAV-04. The zero value
// means the statutory limits.
type LeavingPolicy struct {
	// AssessmentMonths is the time for the needs assessment after the
	// 16th birthday or becoming eligible (CPPCR reg 42), and after becoming
	// relevant (Care Leavers Regs reg 5(2)(a)). Default and maximum 3.
	AssessmentMonths int `json:"assessment_months,omitzero"`
	// PathwayReviewMonths is the longest interval between pathway plan
	// reviews. Default and maximum 6.
	PathwayReviewMonths int `json:"pathway_review_months,omitzero"`
	// AdviserFirstVisitDays is the time for the personal adviser's first
	// visit to accommodation the authority provides (Care Leavers Regs reg
	// 8(2)). Default and maximum 7.
	AdviserFirstVisitDays int `json:"adviser_first_visit_days,omitzero"`
	// AdviserVisitMonths is the longest interval between the personal
	// adviser's later visits. Default and maximum 2.
	AdviserVisitMonths int `json:"adviser_visit_months,omitzero"`
	// CeaseWorkingDays is the time looked after, in working days, after
	// which ceasing to look after the child needs approval (CPPCR reg
	// 39(4)). Default and maximum 20.
	CeaseWorkingDays int `json:"cease_working_days,omitzero"`
}

func (p LeavingPolicy) validate(errs *ValidationErrors) {
	sgLimit(errs, "leaving.assessment_months", p.AssessmentMonths, 3, true)
	sgLimit(errs, "leaving.pathway_review_months", p.PathwayReviewMonths, 6, true)
	sgLimit(errs, "leaving.adviser_first_visit_days", p.AdviserFirstVisitDays, 7, true)
	sgLimit(errs, "leaving.adviser_visit_months", p.AdviserVisitMonths, 2, true)
	sgLimit(errs, "leaving.cease_working_days", p.CeaseWorkingDays, 20, true)
}

// LeavingCare holds a young person's care-leaver records. Each list is in
// date order.
type LeavingCare struct {
	// NeedsAssessments are the assessments of needs completed (CPPCR reg
	// 42; Care Leavers Regs reg 5).
	NeedsAssessments []NeedsAssessment `json:"needs_assessments,omitempty"`
	// PathwayPlans are the pathway plans prepared; PathwayReviews the
	// reviews of the plan.
	PathwayPlans   []PathwayPlan   `json:"pathway_plans,omitempty"`
	PathwayReviews []PathwayReview `json:"pathway_reviews,omitempty"`
	// Advisers are the personal advisers appointed, one at a time.
	Advisers []PersonalAdviser `json:"personal_advisers,omitempty"`
	// AdviserVisits are the personal adviser's visits to the young person.
	AdviserVisits []AdviserVisit `json:"adviser_visits,omitempty"`
	// Accommodation are the spells of accommodation the authority provided
	// under CA89 s.23B or s.24B (Care Leavers Regs reg 8(2)); an ongoing
	// spell has no End.
	Accommodation []Period `json:"accommodation,omitempty"`
	// SupportTo25 records that the former relevant child is owed support
	// beyond 21 (education or training, or personal-adviser support asked
	// for under CA89 s.23CZB), so LEAV-02 applies to 25.
	SupportTo25 bool `json:"support_to_25,omitempty"`
}

// NeedsAssessment is a completed assessment of a care leaver's needs.
type NeedsAssessment struct {
	Completed Date `json:"completed"`
}

// PathwayPlan is a pathway plan as first prepared.
type PathwayPlan struct {
	Prepared Date `json:"prepared"`
}

// PathwayReview is a review of the pathway plan.
type PathwayReview struct {
	Date Date `json:"date"`
}

// PersonalAdviser is the appointment of a personal adviser (CA89 Sch 2
// para 19C, s.23B(2), s.23CA(2)).
type PersonalAdviser struct {
	// Adviser is the authority's identifier for the adviser.
	Adviser   string `json:"adviser,omitempty"`
	Appointed Date   `json:"appointed"`
	Ended     Date   `json:"ended,omitzero"`
}

// AdviserVisit is a personal adviser's visit to the young person.
type AdviserVisit struct {
	Date Date `json:"date"`
}

// CeasingApproval records the approval of a decision to cease to look
// after the child (CPPCR reg 39), keyed to the day care ceased.
type CeasingApproval struct {
	// Ceased is the day the child ceased to be looked after: the End of
	// the period of care's last episode.
	Ceased   Date     `json:"ceased"`
	Approver Approver `json:"approver,omitzero"`
	Approved Date     `json:"approved,omitzero"`
	// IROConsulted records that the approver consulted the IRO (reg
	// 39(5)).
	IROConsulted bool `json:"iro_consulted,omitempty"`
}

func (lc LeavingCare) validate(errs *ValidationErrors, prefix string) {
	ordered := func(name, field string, n int, at func(int) Date) {
		for i := range n {
			path := func() string { return JoinPath(Index(JoinPath(prefix, name), i), field) }
			d := at(i)
			if d.IsZero() {
				errs.Add(path(), ErrRequired)
				continue
			}
			if i > 0 && d.Before(at(i-1)) {
				errs.Add(path(), fmt.Errorf("%w: %s is before the previous %s", ErrOutOfOrder, d, at(i-1)))
			}
		}
	}
	ordered("needs_assessments", "completed", len(lc.NeedsAssessments), func(i int) Date { return lc.NeedsAssessments[i].Completed })
	ordered("pathway_plans", "prepared", len(lc.PathwayPlans), func(i int) Date { return lc.PathwayPlans[i].Prepared })
	ordered("pathway_reviews", "date", len(lc.PathwayReviews), func(i int) Date { return lc.PathwayReviews[i].Date })
	ordered("adviser_visits", "date", len(lc.AdviserVisits), func(i int) Date { return lc.AdviserVisits[i].Date })
	for i, a := range lc.Advisers {
		path := func(f string) string { return JoinPath(Index(JoinPath(prefix, "personal_advisers"), i), f) }
		if a.Appointed.IsZero() {
			errs.Add(path("appointed"), ErrRequired)
			continue
		}
		if !a.Ended.IsZero() && a.Ended.Before(a.Appointed) {
			errs.Addf(path("ended"), "ends %s, before the appointment on %s", a.Ended, a.Appointed)
		}
		if i > 0 {
			prev := lc.Advisers[i-1]
			switch {
			case prev.Appointed.IsZero():
			case a.Appointed.Before(prev.Appointed):
				errs.Add(path("appointed"), fmt.Errorf("%w: %s is before the previous appointment %s", ErrOutOfOrder, a.Appointed, prev.Appointed))
			case prev.Ended.IsZero() || a.Appointed.Before(prev.Ended):
				errs.Addf(path("appointed"), "overlapping appointments: personal_advisers[%d] is still in post on %s", i-1, a.Appointed)
			}
		}
	}
	for i, p := range lc.Accommodation {
		path := func(f string) string { return JoinPath(Index(JoinPath(prefix, "accommodation"), i), f) }
		if p.Start.IsZero() {
			errs.Add(path("start"), ErrRequired)
			continue
		}
		if !p.End.IsZero() && p.End.Before(p.Start) {
			errs.Addf(path("end"), "ends %s, before it starts %s", p.End, p.Start)
		}
		if i > 0 {
			prev := lc.Accommodation[i-1]
			switch {
			case prev.Start.IsZero():
			case p.Start.Before(prev.Start):
				errs.Add(path("start"), fmt.Errorf("%w: %s is before the previous start %s", ErrOutOfOrder, p.Start, prev.Start))
			case prev.End.IsZero() || p.Start.Before(prev.End):
				errs.Addf(path("start"), "overlaps accommodation[%d], which runs until %s", i-1, sgOngoing(prev.End))
			}
		}
	}
}

func validateCeasing(errs *ValidationErrors, as []CeasingApproval) {
	for i, a := range as {
		path := func(f string) string { return JoinPath(Index("ceasing_approvals", i), f) }
		if a.Ceased.IsZero() {
			errs.Add(path("ceased"), ErrRequired)
		}
		if field, err := approvalProblem(a.Approver, a.Approved); err != nil {
			errs.Add(path(field), err)
		}
		for j := range i {
			if !a.Ceased.IsZero() && as[j].Ceased.Equal(a.Ceased) {
				errs.Addf(path("ceased"), "overlapping approvals: ceasing_approvals[%d] already records the approval for care ceasing on %s", j, a.Ceased)
				break
			}
		}
	}
}

// NeedsAssessmentDue returns the deadline for an eligible child's needs
// assessment (LEAV-01): AssessmentMonths (3) calendar months after the
// 16th birthday, or after the day the child became eligible if that was
// later ([Date.AddMonths]: 30 November + 3 months is 28 or 29 February).
// s is the child's status from [CareLeaverStatus]. It returns false if the
// child has not been eligible. It does not validate p. CPPCR reg 42(1).
func NeedsAssessmentDue(c Child, s LeaverStatus, p LeavingPolicy) (Deadline, bool) {
	if s.EligibleFrom.IsZero() {
		return Deadline{}, false
	}
	months := cmp.Or(p.AssessmentMonths, 3)
	anchor, label := c.Birthday(16), "16th birthday"
	if s.EligibleFrom.After(anchor) {
		anchor, label = s.EligibleFrom, "became eligible"
	}
	return Deadline{Rule: "LEAV-01", Due: anchor.AddMonths(months), Anchor: anchor, AnchorLabel: label, Count: months, Unit: Months}, true
}

// ceasingExempt reports reasons for ceasing that are not the authority's
// decision to cease to look after the child, so reg 39(4) approval does
// not apply: adoption, death, another authority taking over, court orders
// (special guardianship, child arrangements), custody, the end of remand,
// an age assessment finding 18 or over, and staying on at 18.
func ceasingExempt(r ReasonEpisodeCeased) bool {
	switch {
	case r.IsAdoption(), r.IsSpecialGuardianship(), r.IsChildArrangementsOrder(), r.IsContinuation():
		return true
	}
	switch r {
	case CeasedE2, CeasedE3, CeasedE9, CeasedE14, CeasedE15, CeasedE17:
		return true
	}
	return false
}

// CeasingApprover returns who must approve the decision to cease to look
// after child c when the period of care ending on ceased ends (LEAV-04):
// the nominated officer, or the Director of Children's Services for a
// 16- or 17-year-old who is not in care (not under a care order, such as
// one accommodated under s.20). It returns false when no approval is
// needed: no period of care ends on ceased; the child had been looked
// after for fewer than n working days (default 20: looked after on the nth
// working day after the period's first day, counted with [Calendar.WorkingDayDeadline]
// and counting); the child was 18 or over; the episodes were short breaks;
// or the reason is not the authority's decision (see the LEAV-04 rule
// text). It returns the calendar's error (wrapping [ErrOutsideCalendar])
// if the count leaves its coverage, except for a period of care longer
// than 2n+14 days, which n working days never span (weekends and at most a
// week of bank holidays), so a period that began before the coverage is
// still assessed.
// A zero or negative n means 20. CPPCR reg 39(4)–(5).
func CeasingApprover(c Child, eps []Episode, ceased Date, n int, cal *Calendar, counting Counting) (Approver, bool, error) {
	for i, e := range eps {
		if e.End.Equal(ceased) && !ceased.IsZero() && (i+1 == len(eps) || !eps[i+1].Start.Equal(e.End)) {
			return ceasingApprover(c, eps, i, n, cal, counting)
		}
	}
	return ApproverUnknown, false, nil
}

func ceasingApprover(c Child, eps []Episode, i, n int, cal *Calendar, counting Counting) (Approver, bool, error) {
	e := eps[i]
	if n <= 0 {
		n = 20
	}
	age := c.AgeOn(e.End)
	if ceasingExempt(e.ReasonCeased) || e.LegalStatus.IsShortBreak() || age >= 18 || c.DateOfBirth.IsZero() {
		return ApproverUnknown, false, nil
	}
	start := i
	for start > 0 && eps[start].Start.Equal(eps[start-1].End) {
		start--
	}
	nth, err := cal.WorkingDayDeadline(eps[start].Start, n, counting)
	switch {
	case err != nil && e.End.DaysSince(eps[start].Start) > 2*n+14:
		// The period began outside the calendar's coverage, but n
		// working days never span more than 2n+14 calendar days
		// (weekends and at most a week of holidays), so the child was
		// certainly looked after for n working days.
	case err != nil:
		return ApproverUnknown, false, err
	case !e.End.After(nth):
		return ApproverUnknown, false, nil
	}
	if age >= 16 && !e.LegalStatus.IsCareOrder() {
		return ApproverDirector, true, nil
	}
	return ApproverNominatedOfficer, true, nil
}

// sgPeriodStart returns the first day of the period of care that includes
// day d, or d itself if the child was not looked after that day.
func sgPeriodStart(eps []Episode, d Date) Date {
	i, ok := EpisodeOn(eps, d)
	if !ok {
		return d
	}
	for i > 0 && eps[i].Start.Equal(eps[i-1].End) {
		i--
	}
	return eps[i].Start
}

func sgLater(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

func (r Record) assessLeaving(ctx Context, asOf Date, cal *Calendar, p Policy, rep *Report) error {
	if !r.Child.DateOfBirth.IsZero() {
		s, err := CareLeaverStatus(r.Child, r.Episodes, asOf)
		if err != nil {
			return err
		}
		r.assessLeaverDuties(s, asOf, ctx.Reviews, p.Leaving, rep)
	}
	return r.assessCeasing(asOf, cal, p, rep)
}

func (r Record) assessLeaverDuties(s LeaverStatus, asOf Date, lacReviews []Date, p LeavingPolicy, rep *Report) {
	lc := r.LeavingCare
	d, ok := NeedsAssessmentDue(r.Child, s, p)
	if !ok || d.Anchor.After(asOf) {
		r.assessAdviserVisits(asOf, p, rep)
		return
	}
	// Work done from 3 months before the 16th birthday, within the period
	// of care in which eligibility arose, counts.
	lower := sgLater(sgPeriodStart(r.Episodes, s.EligibleFrom), r.Child.Birthday(16).AddMonths(-3))
	r01, r02, r03 := &sgLEAV01, &sgLEAV02, &sgLEAV03
	if r01.InForceOn(d.Anchor) {
		done, ref := Date{}, ""
		for i, a := range lc.NeedsAssessments {
			if !a.Completed.Before(lower) {
				done, ref = a.Completed, Index("leaving_care.needs_assessments", i)
				break
			}
		}
		f := sgDeadlineFinding(d, r01, "needs assessment", done, asOf, sgCount(ref != ""))
		f.Message = "needs assessment of an eligible child"
		if ref != "" {
			f.Evidence = append(f.Evidence, Evidence{Label: "needs assessment completed", Date: done, Ref: ref})
		}
		rep.Add(f)
	}
	age := r.Child.AgeOn(asOf)
	applies := s.Category == LeaverEligible || s.Category == LeaverRelevant ||
		s.Category == LeaverFormerRelevant && (age < 21 || lc.SupportTo25 && age < 25)
	if applies && r02.InForceOn(d.Anchor) {
		d2 := d
		d2.Rule = r02.ID
		planDone, planIdx := Date{}, -1
		for i, pp := range lc.PathwayPlans {
			if !pp.Prepared.Before(lower) {
				planDone, planIdx = pp.Prepared, i
				break
			}
		}
		f := sgDeadlineFinding(d2, r02, "pathway plan", planDone, asOf, sgCount(planIdx >= 0))
		f.Message = "pathway plan prepared"
		if planIdx >= 0 {
			f.Evidence = append(f.Evidence, Evidence{Label: "pathway plan prepared", Date: planDone, Ref: Index("leaving_care.pathway_plans", planIdx)})
		}
		rep.Add(f)

		paDone, paIdx := Date{}, -1
		for i, a := range lc.Advisers {
			if (a.Ended.IsZero() || a.Ended.After(d.Anchor)) && !a.Appointed.After(asOf) {
				paDone, paIdx = a.Appointed, i
				break
			}
		}
		f = sgDeadlineFinding(d2, r02, "personal adviser", paDone, asOf, sgCount(paIdx >= 0))
		f.Message = "personal adviser appointed"
		if paIdx >= 0 {
			f.Evidence = append(f.Evidence, Evidence{Label: "personal adviser appointed", Date: paDone, Ref: Index("leaving_care.personal_advisers", paIdx)})
		}
		rep.Add(f)
		if n := len(lc.Advisers); paIdx >= 0 && n > 0 {
			if last := lc.Advisers[n-1]; !last.Ended.IsZero() && !last.Ended.After(asOf) {
				b := NewFinding(*r02, "personal adviser", Breach)
				var buf [64]byte
				b.Message = string(appendDate(append(buf[:0], "no personal adviser in post since "...), last.Ended))
				b.Evidence = []Evidence{{Label: "adviser's appointment ended", Date: last.Ended, Ref: Index("leaving_care.personal_advisers", n-1)}}
				rep.Add(b)
			}
		}
		if planIdx >= 0 && !planDone.After(asOf) {
			r.assessPathwayReviews(r02, planIdx, planDone, asOf, lacReviews, p, rep)
		}
	}
	// LEAV-03: a relevant child without a pathway plan is assessed within
	// 3 months of becoming relevant.
	becameRelevant := s.LeftCare
	if (s.Category == LeaverRelevant || s.Category == LeaverFormerRelevant) && !becameRelevant.IsZero() &&
		becameRelevant.After(s.EligibleFrom) && becameRelevant.Before(r.Child.Birthday(18)) && r03.InForceOn(becameRelevant) {
		hasPlan := false
		for _, pp := range lc.PathwayPlans {
			if !pp.Prepared.After(becameRelevant) {
				hasPlan = true
			}
		}
		if !hasPlan {
			months := cmp.Or(p.AssessmentMonths, 3)
			dl := Deadline{Rule: r03.ID, Due: becameRelevant.AddMonths(months), Anchor: becameRelevant, AnchorLabel: "became a relevant child", Count: months, Unit: Months}
			done, ref := Date{}, ""
			for i, a := range lc.NeedsAssessments {
				if !a.Completed.Before(becameRelevant) {
					done, ref = a.Completed, Index("leaving_care.needs_assessments", i)
					break
				}
			}
			f := sgDeadlineFinding(dl, r03, "needs assessment as a relevant child", done, asOf, sgCount(ref != ""))
			f.Message = "needs assessment of a relevant child with no pathway plan"
			if ref != "" {
				f.Evidence = append(f.Evidence, Evidence{Label: "needs assessment completed", Date: done, Ref: ref})
			}
			rep.Add(f)
		}
	}
	r.assessAdviserVisits(asOf, p, rep)
}

func (r Record) assessPathwayReviews(rule *Rule, planIdx int, plan, asOf Date, lacReviews []Date, p LeavingPolicy, rep *Report) {
	months := cmp.Or(p.PathwayReviewMonths, 6)
	last, lastLabel, lastRef := plan, "pathway plan prepared", Index("leaving_care.pathway_plans", planIdx)
	prs := r.LeavingCare.PathwayReviews
	i, j := 0, 0
	for {
		// The next review after the last: a recorded pathway plan review,
		// or a looked-after review held while the child was looked after
		// (the eligible child's pathway plan is reviewed with the care
		// plan: CPPCR reg 43 as practice manuals read it).
		for i < len(prs) && !prs[i].Date.After(last) {
			i++
		}
		for j < len(lacReviews) && (!lacReviews[j].After(last) || !sgLookedAfterOn(r.Episodes, lacReviews[j])) {
			j++
		}
		var next Date
		var label string
		pathway := false
		switch {
		case i < len(prs) && (j == len(lacReviews) || !lacReviews[j].Before(prs[i].Date)):
			next, label, pathway = prs[i].Date, "previous pathway plan review", true
		case j < len(lacReviews):
			next, label = lacReviews[j], "previous looked-after review"
		}
		if next.IsZero() || next.After(asOf) {
			break
		}
		// The review is named only once it has a finding.
		var buf [40]byte
		var subject string
		if pathway {
			subject = string(appendIndex(buf[:0], "leaving_care.pathway_reviews", i))
		} else {
			subject = string(appendDate(append(buf[:0], "looked-after review "...), next))
		}
		d := Deadline{Rule: rule.ID, Due: last.AddMonths(months), Anchor: last, AnchorLabel: lastLabel, Count: months, Unit: Months}
		f := sgDeadlineFinding(d, rule, subject, next, asOf, 0)
		f.Message = "pathway plan review"
		f.Evidence[0].Ref = lastRef
		rep.Add(f)
		last, lastLabel, lastRef = next, label, subject
	}
	d := Deadline{Rule: rule.ID, Due: last.AddMonths(months), Anchor: last, AnchorLabel: lastLabel, Count: months, Unit: Months}
	f := sgDeadlineFinding(d, rule, "next pathway plan review", Date{}, asOf, 0)
	f.Message = "next pathway plan review"
	f.Evidence[0].Ref = lastRef
	rep.Add(f)
}

// sgCount returns 1 if ok and 0 otherwise: the evidence a finding will
// append.
func sgCount(ok bool) int {
	if ok {
		return 1
	}
	return 0
}

// sgLookedAfterOn reports whether the child was looked after on day d,
// other than on a short break.
func sgLookedAfterOn(eps []Episode, d Date) bool {
	i, ok := EpisodeOn(eps, d)
	return ok && !eps[i].LegalStatus.IsShortBreak()
}

// assessAdviserVisits evaluates the personal adviser's visits to
// accommodation the authority provides (LEAV-03): within 7 days of it
// first being provided, then at intervals of at most 2 months while it
// lasts, and before each pathway plan review held while it lasts.
func (r Record) assessAdviserVisits(asOf Date, p LeavingPolicy, rep *Report) {
	lc := r.LeavingCare
	rule := &sgLEAV03
	first := cmp.Or(p.AdviserFirstVisitDays, 7)
	months := cmp.Or(p.AdviserVisitMonths, 2)
	vs := lc.AdviserVisits
	for ai, acc := range lc.Accommodation {
		if acc.Start.After(asOf) || acc.Start.IsZero() || !rule.InForceOn(acc.Start) {
			continue
		}
		accRef := Index("leaving_care.accommodation", ai)
		// Every visit finding of the accommodation shares one subject.
		subject := "adviser visit to " + accRef
		inAcc := func(d Date) bool {
			return !d.Before(acc.Start) && (acc.End.IsZero() || d.Before(acc.End)) && !d.After(asOf)
		}
		vi := 0
		for vi < len(vs) && vs[vi].Date.Before(acc.Start) {
			vi++
		}
		d := Deadline{Rule: rule.ID, Due: acc.Start.AddDays(first), Anchor: acc.Start, AnchorLabel: "accommodation first provided", Count: first, Unit: Days}
		label, ref := "", accRef
		for {
			var done Date
			if vi < len(vs) && inAcc(vs[vi].Date) {
				done = vs[vi].Date
			}
			f := sgDeadlineFinding(d, rule, subject, done, asOf, 0)
			f.Message = "personal adviser's visit to the accommodation"
			f.Evidence[0].Ref = ref
			if label != "" {
				f.Evidence[0].Label = label
			}
			rep.Add(f)
			if done.IsZero() {
				break
			}
			next := done.AddMonths(months)
			if !acc.End.IsZero() && !next.Before(acc.End) {
				break
			}
			label, ref = "previous adviser visit", Index("leaving_care.adviser_visits", vi)
			d = Deadline{Rule: rule.ID, Due: next, Anchor: done, AnchorLabel: "previous adviser visit", Count: months, Unit: Months}
			vi++
		}
		// Before each pathway plan review held while the accommodation lasts.
		prev := acc.Start
		for ri, rv := range lc.PathwayReviews {
			if !inAcc(rv.Date) || !rv.Date.After(acc.Start) {
				continue
			}
			var done Date
			doneIdx := -1
			for k, v := range vs {
				if !v.Date.Before(prev) && !v.Date.After(rv.Date) {
					done, doneIdx = v.Date, k
				}
			}
			dl := Deadline{Rule: rule.ID, Due: rv.Date, Anchor: prev, AnchorLabel: "previous review or accommodation start", Count: rv.Date.DaysSince(prev), Unit: Days}
			var buf [64]byte
			subject := string(appendIndex(append(buf[:0], "adviser visit before "...), "leaving_care.pathway_reviews", ri))
			f := sgDeadlineFinding(dl, rule, subject, done, asOf, sgCount(doneIdx >= 0))
			f.Message = "personal adviser's visit before the pathway plan review"
			if doneIdx >= 0 {
				f.Evidence = append(f.Evidence, Evidence{Label: "adviser visit", Date: done, Ref: Index("leaving_care.adviser_visits", doneIdx)})
			}
			rep.Add(f)
			prev = rv.Date.AddDays(1)
		}
	}
}

func (r Record) assessCeasing(asOf Date, cal *Calendar, p Policy, rep *Report) error {
	eps := r.Episodes
	rule := &sgLEAV04
	for i, e := range eps {
		if e.End.IsZero() || e.End.After(asOf) || !rule.InForceOn(e.End) {
			continue
		}
		if i+1 < len(eps) && eps[i+1].Start.Equal(e.End) {
			continue
		}
		need, ok, err := ceasingApprover(r.Child, eps, i, p.Leaving.CeaseWorkingDays, cal, p.Counting)
		if err != nil {
			return fmt.Errorf("care: LEAV-04 care ceasing on %s (episodes[%d]): %w", e.End, i, err)
		}
		if !ok {
			continue
		}
		var a CeasingApproval
		ai := -1
		for k, c := range r.CeasingApprovals {
			if c.Ceased.Equal(e.End) {
				a, ai = c, k
				break
			}
		}
		d := Deadline{Rule: rule.ID, Due: e.End, Anchor: e.End, AnchorLabel: "ceased to be looked after", Count: 0, Unit: Days}
		var buf [128]byte
		subject := string(appendDate(append(buf[:0], "care ceased "...), e.End))
		f := sgDeadlineFinding(d, rule, subject, a.Approved, asOf, sgCount(ai >= 0))
		f.Evidence[0].Ref = Index("episodes", i)
		var aRef string
		if ai >= 0 {
			aRef = Index("ceasing_approvals", ai)
			f.Evidence = append(f.Evidence, Evidence{Label: "ceasing" + sgApprovedWords(a.Approver), Date: a.Approved, Ref: aRef})
		}
		approved := !a.Approved.IsZero() && !a.Approved.After(asOf)
		b := append(buf[:0], "decision to cease to look after the child approved by the "...)
		b = append(b, sgApproverWords(need)...)
		if approved && !a.Approver.Satisfies(need) {
			f.Status = Breach
			b = append(b, "; approved by the "...)
			b = append(b, sgApproverWords(a.Approver)...)
			b = append(b, " only"...)
		}
		f.Message = string(b)
		rep.Add(f)
		if approved && !a.IROConsulted {
			b := NewFinding(*rule, subject, Breach)
			b.Message = "decision to cease to look after the child approved without consulting the IRO"
			b.Evidence = []Evidence{{Label: "approved", Date: a.Approved, Ref: aRef}}
			rep.Add(b)
		}
	}
	return nil
}

func ruleLEAV01() Rule {
	return Rule{
		ID:    "LEAV-01",
		Title: "Eligible child's needs assessment within 3 months of the 16th birthday or of becoming eligible",
		Text: "An eligible child is aged 16 or 17, looked after, and has been looked after for 13 weeks (91 days) in " +
			"total since the 14th birthday, ending after the 16th, short breaks under reg 48 excluded. The needs " +
			"assessment is due 3 calendar months after the 16th birthday, or after the day the child became eligible " +
			"if later (corresponding date, clamped to month end). An assessment completed from 3 months before the " +
			"16th birthday, within the period of care in which eligibility arose, counts.",
		Citation: Citation{Instrument: CPPCR, Provision: "regs 40 and 42(1); CA89 Sch 2 para 19B", URL: CPPCRURL + "/part/7"},
		InForce:  Period{Start: sgCPPCRInForce},
		Severity: SeverityStatutory,
		Domain:   DomainLeaving,
		Package:  "care",
		Default:  "3 months",
		Policy:   []string{"Leaving.AssessmentMonths"},
	}
}

func ruleLEAV02() Rule {
	return Rule{
		ID:    "LEAV-02",
		Title: "Eligible or relevant child has a pathway plan and a personal adviser; pathway plan reviewed at least every 6 months",
		Text: "For an eligible, relevant or former relevant young person (to 21, or 25 where support to 25 is recorded), " +
			"the pathway plan and the personal adviser are due by the needs assessment's due date (the Acts set no " +
			"separate time: a library decision). The plan is reviewed within 6 calendar months of its preparation " +
			"and of each review; a looked-after review held while the child is looked after counts as a review of " +
			"the plan (CPPCR reg 43, as practice manuals read it; the wording was not confirmed). A personal adviser must stay in post.",
		Citation: Citation{Instrument: sgChildrenAct, Provision: "Sch 2 para 19C; s.23B; s.23C; Care Leavers (England) Regulations 2010 regs 6-7", URL: sgCareLeaversURL},
		InForce:  Period{Start: sgCPPCRInForce},
		Severity: SeverityStatutory,
		Domain:   DomainLeaving,
		Package:  "care",
		Default:  "6 months",
		Policy:   []string{"Leaving.AssessmentMonths", "Leaving.PathwayReviewMonths"},
	}
}

func ruleLEAV03() Rule {
	return Rule{
		ID:    "LEAV-03",
		Title: "Relevant child's needs assessment within 3 months; personal adviser visits the accommodation provided",
		Text: "A relevant child with no pathway plan when leaving care is assessed within 3 calendar months of becoming " +
			"relevant (the day care ceased). Where the authority provides accommodation (s.23B or s.24B), the personal " +
			"adviser visits it within 7 days of it first being provided (start + 7), before each pathway plan review " +
			"held while it lasts, and then at intervals of not more than 2 calendar months from the previous visit.",
		Citation: Citation{Instrument: sgCareLeaversRegs, Provision: "regs 5(2)(a) and 8(2)", URL: sgCareLeaversURL},
		InForce:  Period{Start: sgCPPCRInForce},
		Severity: SeverityStatutory,
		Domain:   DomainLeaving,
		Package:  "care",
		Default:  "3 months; 7 days; 2 months",
		Policy:   []string{"Leaving.AssessmentMonths", "Leaving.AdviserFirstVisitDays", "Leaving.AdviserVisitMonths"},
	}
}

func ruleLEAV04() Rule {
	return Rule{
		ID:    "LEAV-04",
		Title: "Ceasing to look after a child looked after for 20 working days or more is approved (the Director's approval for a 16–17-year-old not in care), with the IRO consulted",
		Text: "When a period of care ends after the child was looked after on the 20th working day after its first day " +
			"(counted with the policy's counting convention), the decision is approved on or before the day care " +
			"ceased: by the nominated officer, or by the Director of Children's Services if the child is 16 or 17 and " +
			"not under a care order. The approver consults the IRO. Endings that are not the authority's decision " +
			"(adoption, death, another authority, special guardianship or child arrangements orders, custody, end of " +
			"remand, age assessment, staying on at 18) and children aged 18 are not assessed.",
		Citation: Citation{Instrument: CPPCR, Provision: "reg 39(4)-(5), as substituted by SI 2015/495", URL: CPPCRURL + "/regulation/39"},
		InForce:  Period{Start: sgSI2015InForce},
		Severity: SeverityStatutory,
		Domain:   DomainLeaving,
		Package:  "care",
		Default:  "20 WD",
		Policy:   []string{"Leaving.CeaseWorkingDays", "Counting"},
	}
}

// IsZero reports whether no care-leaver record is held (empty and nil
// lists alike), so that the JSON form omits it and round-trips.
func (l LeavingCare) IsZero() bool {
	return len(l.NeedsAssessments) == 0 && len(l.PathwayPlans) == 0 && len(l.PathwayReviews) == 0 &&
		len(l.Advisers) == 0 && len(l.AdviserVisits) == 0 && len(l.Accommodation) == 0 && !l.SupportTo25
}
