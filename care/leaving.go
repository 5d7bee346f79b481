package care

import (
	"cmp"
	"fmt"
)

// LeaverCategory is a young person's care-leaver category under the
// Children Act 1989. It marshals as "eligible", "relevant",
// "former-relevant" or "qualifying"; the zero value, LeaverCategoryNone, means none
// of them and marshals as "".
type LeaverCategory uint8

const (
	// LeaverCategoryNone: not a care leaver as of the date (under 16, never looked
	// after after 16, looked after but not yet eligible, or past the ages).
	LeaverCategoryNone LeaverCategory = iota
	// LeaverCategoryEligible: aged 16 or 17, looked after, and looked after for 13
	// weeks in total since age 14, ending after 16 (CA89 Sch 2 para 19B;
	// CPPCR reg 40).
	LeaverCategoryEligible
	// LeaverCategoryRelevant: aged 16 or 17, no longer looked after, and eligible
	// before leaving care (CA89 s.23A; Care Leavers Regs reg 3).
	LeaverCategoryRelevant
	// LeaverCategoryFormerRelevant: aged 18 to 24 and eligible or relevant before 18
	// (CA89 s.23C); most duties run to 21, personal-adviser support to 25.
	LeaverCategoryFormerRelevant
	// LeaverCategoryQualifying: aged 16 to 20, looked after at some time after 16
	// but none of the above (CA89 s.24).
	LeaverCategoryQualifying
)

var leaverNames = [...]string{"", "eligible", "relevant", "former-relevant", "qualifying"}

// String returns the category's name, "" for LeaverCategoryNone, and
// "LeaverCategory(n)" for a value outside the list.
func (c LeaverCategory) String() string {
	if int(c) < len(leaverNames) {
		return leaverNames[c]
	}
	return fmt.Sprintf("LeaverCategory(%d)", uint8(c))
}

// MarshalText implements [encoding.TextMarshaler].
func (c LeaverCategory) MarshalText() ([]byte, error) {
	return marshalName(c.String(), int(c), len(leaverNames), "care-leaver category")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is LeaverCategoryNone.
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
// Counting: CA89 Sch 2 para 19B(2)(b) asks that the child "has been looked
// after by a local authority for a prescribed period, or periods amounting
// in all to a prescribed period, which began after he reached a prescribed
// age and ended after he reached the age of sixteen", and CPPCR reg 40(1)
// prescribes 13 weeks and the age of 14. Days looked after are counted
// from the 14th birthday (that day included: a child has reached 14 when
// the day begins) to asOf inclusive, each day of an episode counting from
// its Start to the day before its End, adding up every episode, continuous
// or not, except those under an agreed series of short breaks (legal
// status V3 or V4; reg 40(2)). The child becomes eligible on the first
// day, on or after the 16th birthday and before the 18th, on which the
// child is looked after and the total reaches 91 days (13 weeks of 7
// days). Birthdays follow [AgeOn] (29 February births have their birthday
// on 1 March in other years).
//
// A relevant child who left care to return home stops being relevant once
// the child "has lived for a continuous period of six months or more" with
// a parent (Care Leavers Regs reg 3(5)), which the library takes as from
// the day care ceased to the corresponding date 6 months later
// ([Date.AddMonths]), when the child is qualifying; the library assumes the
// return lasted, as it has no record of where the child lived.
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
			s.Category = LeaverCategoryEligible
		case la:
		case leftAfterEligible && !(returnedHome && !asOf.Before(s.LeftCare.AddMonths(6))):
			s.Category = LeaverCategoryRelevant
		case after16:
			s.Category = LeaverCategoryQualifying
		}
	default:
		lostBefore18 := leftAfterEligible && s.LeftCare.Before(b18) && returnedHome && !b18.Before(s.LeftCare.AddMonths(6))
		switch {
		case eligible && !lostBefore18:
			s.Category = LeaverCategoryFormerRelevant
		case after16 && age < 21:
			s.Category = LeaverCategoryQualifying
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
	// reviews (Care Leavers Regs reg 7(2)(c): "in any event, at intervals
	// of not more than six months"). Default and maximum 6.
	PathwayReviewMonths int `json:"pathway_review_months,omitzero"`
	// AccommodationReviewMonths is the longest interval between pathway
	// plan reviews once the authority provides accommodation under CA89
	// s.23B or s.24B and the review after its first 28 days has been held
	// (Care Leavers Regs reg 7(3)(b): "intervals (not exceeding three
	// months)"). Default and maximum 3.
	AccommodationReviewMonths int `json:"accommodation_review_months,omitzero"`
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
	sgLimit(errs, "leaving.accommodation_review_months", p.AccommodationReviewMonths, 3, true)
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
	// Adviser is the authority's identifier for the adviser, at most
	// [MaxIDBytes].
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
// assessment (LEAV-01). CPPCR reg 42(1): it must be completed "not more
// than three months after the date on which C reaches the age of 16 or
// becomes an eligible child after that age". It is due AssessmentMonths
// (3) calendar months after the 16th birthday, or after the day the child
// became eligible if that was later, on the corresponding date clamped to
// the month's end ([Date.AddMonths]: a birthday on 30 November gives 28
// or 29 February, one on 31 August gives 30 November); an assessment on
// the due date is on time. s is the child's status from
// [CareLeaverStatus]. It returns false if the child has not been eligible.
// It does not validate p.
func NeedsAssessmentDue(c Child, s LeaverStatus, p LeavingPolicy) (Deadline, bool) {
	if s.EligibleFrom.IsZero() {
		return Deadline{}, false
	}
	months := cmp.Or(p.AssessmentMonths, 3)
	anchor, label := c.Birthday(16), "16th birthday"
	if s.EligibleFrom.After(anchor) {
		anchor, label = s.EligibleFrom, "became eligible"
	}
	return Deadline{Rule: LEAV01, Due: anchor.AddMonths(months), Anchor: anchor, AnchorLabel: label, Count: months, Unit: Months}, true
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
	case ReasonEpisodeCeasedE2, ReasonEpisodeCeasedE3, ReasonEpisodeCeasedE9, ReasonEpisodeCeasedE14, ReasonEpisodeCeasedE15, ReasonEpisodeCeasedE17:
		return true
	}
	return false
}

// CeasingApprover returns who must approve the decision to cease to look
// after child c when the period of care ending on ceased ends (LEAV-04):
// the nominated officer, or the Director of Children's Services for a
// 16- or 17-year-old who is not in care (not under a care order, such as
// one accommodated under s.20). It returns false when no approval is
// needed: no period of care ends on ceased; the child had not "been a
// looked after child for at least 20 working days" (reg 39(4); n, default
// 20): the child must have been looked after on the nth working day after
// the period's first day, which is day 0 unless counting counts it as day 1
// ([Calendar.WorkingDayDeadline]), and a period ending (its End, the first
// day not looked after) on or before that day is too short; the child was
// 18 or over; the episodes were short breaks;
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

// The kinds of LEAV finding. The first two closures of a timescale's kind
// are the end of the leaving-care duties ([sgAssessor.dutiesEnd]), the
// 21st or 25th birthday; a kind whose timescale may run from, or whose
// window may close on, a birthday renders its message without that date
// (appendWithoutBirthdays).
var (
	kindLEAV01 = Kind{Rule: &ruleLEAV01, What: "needs assessment", Anchor: "the 16th birthday",
		Anchors: []string{"becoming an eligible child"}, Done: "needs assessment completed", DoneAt: "leaving_care.needs_assessments[]",
		Closures: []string{"the young person turned 21", "the young person turned 25",
			"the young person left care with no pathway plan (the relevant child's assessment took its place)"},
		Message: appendWithoutBirthdays}
	kindLEAV02Plan = Kind{Rule: &ruleLEAV02, What: "pathway plan", Anchor: "the 16th birthday",
		Anchors: []string{"becoming an eligible child"}, Done: "pathway plan prepared", DoneAt: "leaving_care.pathway_plans[]",
		Closures: sgDutiesEnd,
		Message:  appendWithoutBirthdays}
	kindLEAV02Adviser = Kind{Rule: &ruleLEAV02, What: "personal adviser appointed", Anchor: "the 16th birthday",
		Anchors: []string{"becoming an eligible child"}, Done: "personal adviser appointed", DoneAt: "leaving_care.personal_advisers[]",
		Closures: sgDutiesEnd,
		Message:  appendWithoutBirthdays}
	kindLEAV02InPost = Kind{Rule: &ruleLEAV02, What: "personal adviser in post", Anchor: "the last adviser's appointment ended",
		AnchorAt: "leaving_care.personal_advisers[]", Problems: []string{"no personal adviser in post"}, Met: "an adviser is in post"}
	kindLEAV02Review = Kind{Rule: &ruleLEAV02, What: "pathway plan review", Subject: "leaving_care.pathway_plans[]",
		Anchor: "the preparation of the pathway plan", Anchors: []string{"the last pathway plan review", "the last looked-after review",
			"the last pathway plan review, accommodation being provided,"},
		AnchorAt: "leaving_care.pathway_reviews[]", Done: "pathway plan review", Dones: []string{"looked-after review"},
		DoneAt: "leaving_care.pathway_reviews[]", Closures: sgDutiesEnd,
		Message: appendWithoutBirthdays}
	kindLEAV03Assessment = Kind{Rule: &ruleLEAV03, What: "needs assessment as a relevant child", Anchor: "becoming a relevant child",
		Done: "needs assessment completed", DoneAt: "leaving_care.needs_assessments[]", Closures: sgDutiesEnd,
		Message: appendWithoutBirthdays}
	kindLEAV03Visit = Kind{Rule: &ruleLEAV03, What: "personal adviser's visit", Subject: "leaving_care.accommodation[]",
		Anchor: "the start of the accommodation", Anchors: []string{"the last adviser visit"}, AnchorAt: "leaving_care.adviser_visits[]",
		Done: "adviser visit", DoneAt: "leaving_care.adviser_visits[]",
		Closures: []string{"the young person turned 21", "the young person turned 25", "the accommodation ended"},
		Message:  appendWithoutBirthdays}
	kindLEAV03BeforeReview = Kind{Rule: &ruleLEAV03, What: "personal adviser's visit before the review", Subject: "leaving_care.pathway_reviews[]",
		Anchor: "the pathway plan review", Done: "adviser visit", DoneAt: "leaving_care.adviser_visits[]",
		Extra: "visits counted from", Closures: []string{"the young person turned 21", "the young person turned 25",
			"the accommodation ended", "the day of the review was over"},
		Message: appendWithoutBirthdays}
	kindLEAV04Officer = Kind{Rule: &ruleLEAV04, What: "approval of ceasing to look after the child", Subject: "episodes[]",
		Anchor: "care ceased", AnchorAt: "episodes[]", Done: "approved", DoneAt: "ceasing_approvals[]",
		Extra: "approved", ExtraAt: "ceasing_approvals[]",
		Problems: []string{"not approved by the nominated officer", "approved after care ceased",
			"approved without a recorded approver", "approved without consulting the IRO"},
		Met: "approved by the nominated officer by the day care ceased, after consulting the IRO"}
	kindLEAV04Director = Kind{Rule: &ruleLEAV04, What: "the Director's approval of ceasing to look after the child", Subject: "episodes[]",
		Anchor: "care ceased", AnchorAt: "episodes[]", Done: "approved", DoneAt: "ceasing_approvals[]",
		Extra: "approved", ExtraAt: "ceasing_approvals[]",
		Problems: []string{"not approved by the Director of Children's Services", "approved after care ceased",
			"approved by the nominated officer only: the Director's approval is needed for a 16- or 17-year-old not in care",
			"approved without consulting the IRO"},
		Met: "approved by the Director of Children's Services by the day care ceased, after consulting the IRO"}
)

// sgDutiesEnd are the closures of a leaving-care duty that lasts until the
// duties end: at 21, or at 25 where support to 25 is recorded.
var sgDutiesEnd = []string{"the young person turned 21", "the young person turned 25"}

// sgCloses makes o's window close on day d, for closure by of its kind, if
// d is earlier than the closure o has; a zero d changes nothing.
func sgCloses(o *Obligation, d Date, by int) {
	if !d.IsZero() && (o.Closes.IsZero() || d.Before(o.Closes)) {
		o.Closes, o.ClosedBy = d, by
	}
}

// sgBefore reports whether d is before the window closing on closes (zero
// when it does not close).
func sgBefore(d, closes Date) bool { return closes.IsZero() || d.Before(closes) }

// dutiesEnd returns the day the leaving-care duties end and the index of
// the closure that names it: the 21st birthday (0), or the 25th where
// support to 25 is recorded (1). It is zero without a date of birth.
func (s *sgAssessor) dutiesEnd() (Date, int) {
	if s.r.LeavingCare.SupportTo25 {
		return s.h.Child().Birthday(25), 1
	}
	return s.h.Child().Birthday(21), 0
}

// periodStart returns the first day of the period of care that includes
// day d, or d itself if the child was not looked after that day.
func (s *sgAssessor) periodStart(d Date) Date {
	per, _, ok := s.h.PeriodAt(d)
	if !ok || !per.Contains(d) {
		return d
	}
	return per.Start
}

func sgLater(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// leaving records the findings of LEAV-01 to LEAV-04.
func (s *sgAssessor) leaving(lacReviews []Date) error {
	if c := s.h.Child(); !c.DateOfBirth.IsZero() {
		st, err := CareLeaverStatus(c, s.eps, s.asOf)
		if err != nil {
			return err
		}
		s.leaverDuties(st, lacReviews)
	}
	s.adviserVisits()
	return s.ceasing()
}

// leaverDuties records LEAV-01, LEAV-02 and the relevant child's needs
// assessment of LEAV-03, for a child who has been an eligible child (st is
// the status as of the assessment date). The duties are live for care
// leavers: leaving care closes none of them, except that an eligible
// child's needs assessment not made when the child leaves care before 18
// with no pathway plan gives way to the relevant child's assessment. Each
// closes when the duties end ([sgAssessor.dutiesEnd]); work done after a
// window closed does not meet it.
func (s *sgAssessor) leaverDuties(st LeaverStatus, lacReviews []Date) {
	c := s.h.Child()
	lc := &s.r.LeavingCare
	p := s.p.Leaving
	d, ok := NeedsAssessmentDue(c, st, p)
	if !ok || d.Anchor.After(s.asOf) {
		return
	}
	// Work done from 3 months before the 16th birthday, within the period
	// of care in which eligibility arose, counts.
	lower := sgLater(s.periodStart(st.EligibleFrom), c.Birthday(16).AddMonths(-3))
	end, endBy := s.dutiesEnd()
	// The deadline of the needs assessment, which the pathway plan and the
	// adviser share.
	due := Obligation{Due: d.Due, Anchor: d.Anchor, Count: d.Count, Unit: d.Unit}
	if d.Anchor.Equal(st.EligibleFrom) && d.Anchor.After(c.Birthday(16)) {
		due.AnchorAs = 1
	}
	sgCloses(&due, end, endBy)

	// A relevant child who left care before 18 with no pathway plan is
	// assessed as a relevant child (LEAV-03), in place of LEAV-01.
	becameRelevant := st.LeftCare
	relevantNoPlan := (st.Category == LeaverCategoryRelevant || st.Category == LeaverCategoryFormerRelevant) && !becameRelevant.IsZero() &&
		becameRelevant.After(st.EligibleFrom) && becameRelevant.Before(c.Birthday(18))
	for _, pp := range lc.PathwayPlans {
		if !pp.Prepared.After(becameRelevant) {
			relevantNoPlan = false
		}
	}

	o := due
	if relevantNoPlan {
		sgCloses(&o, becameRelevant, 2)
	}
	for i, a := range lc.NeedsAssessments {
		if !a.Completed.Before(lower) && sgBefore(a.Completed, o.Closes) {
			o.Done, o.DoneAt = a.Completed, At(i)
			break
		}
	}
	s.e.Deadline(&kindLEAV01, o)

	if st.Category == LeaverCategoryEligible || st.Category == LeaverCategoryRelevant || st.Category == LeaverCategoryFormerRelevant {
		s.pathwayPlan(due, lower, lacReviews)
	}

	if relevantNoPlan {
		months := cmp.Or(p.AssessmentMonths, 3)
		o := Obligation{Due: becameRelevant.AddMonths(months), Anchor: becameRelevant, Count: months, Unit: Months}
		sgCloses(&o, end, endBy)
		for i, a := range lc.NeedsAssessments {
			if !a.Completed.Before(becameRelevant) && sgBefore(a.Completed, o.Closes) {
				o.Done, o.DoneAt = a.Completed, At(i)
				break
			}
		}
		s.e.Deadline(&kindLEAV03Assessment, o)
	}
}

// pathwayPlan records LEAV-02 for an eligible, relevant or former relevant
// child: the pathway plan and the personal adviser by the needs
// assessment's due date (the obligation due), the adviser still in post,
// and the plan's reviews.
func (s *sgAssessor) pathwayPlan(due Obligation, lower Date, lacReviews []Date) {
	lc := &s.r.LeavingCare
	plan, planIdx := due, -1
	for i, pp := range lc.PathwayPlans {
		if !pp.Prepared.Before(lower) && sgBefore(pp.Prepared, due.Closes) {
			plan.Done, plan.DoneAt, planIdx = pp.Prepared, At(i), i
			break
		}
	}
	s.e.Deadline(&kindLEAV02Plan, plan)

	adviser, paIdx := due, -1
	for i, a := range lc.Advisers {
		if (a.Ended.IsZero() || a.Ended.After(due.Anchor)) && !a.Appointed.After(s.asOf) && sgBefore(a.Appointed, due.Closes) {
			adviser.Done, adviser.DoneAt, paIdx = a.Appointed, At(i), i
			break
		}
	}
	s.e.Deadline(&kindLEAV02Adviser, adviser)
	// An adviser must stay in post while the duties last.
	if n := len(lc.Advisers); paIdx >= 0 && sgBefore(s.asOf, due.Closes) {
		if last := lc.Advisers[n-1]; !last.Ended.IsZero() && !last.Ended.After(s.asOf) {
			s.e.Check(&kindLEAV02InPost, Obligation{Anchor: last.Ended, AnchorAt: At(n - 1)}, Problem(0))
		}
	}
	if planIdx >= 0 && !plan.Done.After(s.asOf) {
		s.pathwayReviews(planIdx, plan.Done, lacReviews, due.Closes, due.ClosedBy)
	}
}

// pathwayReviews records the LEAV-02 chain of pathway plan reviews of plan
// planIdx, prepared on day plan ([sgAssessor.pathwayChain]). The open
// interval stays owed until the duties end, on day end (closure endBy).
func (s *sgAssessor) pathwayReviews(planIdx int, plan Date, lacReviews []Date, end Date, endBy int) {
	s.pathwayChain(planIdx, plan, lacReviews, end, endBy, func(o Obligation) { s.e.Deadline(&kindLEAV02Review, o) })
}

// pathwayChain calls emit with each interval of the chain of reviews of
// pathway plan planIdx, prepared on day plan, in order, closing at end
// (closure endBy; zero: open): each interval met by the next review held
// by the assessment date, then the interval still open. Each review is due
// within PathwayReviewMonths of the previous review (the plan's
// preparation for the first): Care Leavers Regs reg 7(2)(c), "in any
// event, at intervals of not more than six months". It is met by the next
// review held, a recorded pathway plan review or a looked-after review
// held while the child was looked after (the eligible child's pathway plan
// is reviewed with the care plan: CPPCR reg 43 as practice manuals read
// it). After a review held in accommodation the authority provides, once
// the period of 28 days beginning on the day it was first provided has
// ended, the next is due within AccommodationReviewMonths instead, while
// the accommodation lasts (reg 7(3); [sgAccommodationReview]).
func (s *sgAssessor) pathwayChain(planIdx int, plan Date, lacReviews []Date, end Date, endBy int, emit func(Obligation)) {
	months := cmp.Or(s.p.Leaving.PathwayReviewMonths, 6)
	accMonths := cmp.Or(s.p.Leaving.AccommodationReviewMonths, 3)
	prs := s.r.LeavingCare.PathwayReviews
	last, lastAs, lastAt := plan, 0, Ref{}
	i, j := 0, 0
	for {
		for i < len(prs) && !prs[i].Date.After(last) {
			i++
		}
		for j < len(lacReviews) && (!lacReviews[j].After(last) || !sgLookedAfterOn(s.eps, lacReviews[j])) {
			j++
		}
		n, as := months, lastAs
		if lastAs > 0 && accMonths < months && sgAccommodationReview(s.r.LeavingCare.Accommodation, last, last.AddMonths(accMonths), s.asOf) {
			n, as = accMonths, 3
		}
		o := Obligation{Subject: At(planIdx), Due: last.AddMonths(n), Anchor: last, AnchorAs: as, AnchorAt: lastAt,
			Count: n, Unit: Months}
		sgCloses(&o, end, endBy)
		var next Date
		nextAs, nextAt := 0, Ref{}
		switch {
		case i < len(prs) && (j == len(lacReviews) || !lacReviews[j].Before(prs[i].Date)):
			next, nextAt = prs[i].Date, At(i)
		case j < len(lacReviews):
			next, nextAs = lacReviews[j], 1
		}
		if next.IsZero() || next.After(s.asOf) || !sgBefore(next, o.Closes) {
			emit(o)
			return
		}
		o.Done, o.DoneAs, o.DoneAt = next, nextAs, nextAt
		emit(o)
		last, lastAs, lastAt = next, 1+nextAs, nextAt
	}
}

// sgAccommodationReview reports whether a pathway plan review held on day
// held sets the shorter interval of Care Leavers Regs reg 7(3): the
// authority provides accommodation under CA89 s.23B or s.24B, and must
// "arrange a review as soon as is practicable after the end of a period of
// 28 days beginning on the day on which the accommodation is first
// provided" and then "determine at what intervals (not exceeding three
// months) subsequent reviews will be carried out". The day it is first
// provided is day 1 of the 28 ("beginning on"), so a review on day 29 or
// later (first day + 28) of accommodation still provided that day
// qualifies; one within the 28 days does not. Spells that follow on from
// each other without a gap are one provision of accommodation, first
// provided on the first one's Start (a library decision: the review duty
// follows the provision, while the adviser's first visit of reg 8(2)(a),
// "at that accommodation", is owed for each spell). It reports false when
// the accommodation has ended, as known on asOf, on or before day due, the
// end of the shorter interval: the ordinary interval of reg 7(2)(c) then
// applies.
func sgAccommodationReview(acc []Period, held, due, asOf Date) bool {
	for i, a := range acc {
		if !a.Contains(held) {
			continue
		}
		first := a.Start
		for k := i; k > 0 && acc[k-1].End.Equal(acc[k].Start); k-- {
			first = acc[k-1].Start
		}
		end := a.End
		for k := i + 1; k < len(acc) && !end.IsZero() && acc[k].Start.Equal(end); k++ {
			end = acc[k].End
		}
		if held.Before(first.AddDays(28)) {
			return false
		}
		return end.IsZero() || end.After(asOf) || end.After(due)
	}
	return false
}

// sgLookedAfterOn reports whether the child was looked after on day d,
// other than on a short break.
func sgLookedAfterOn(eps []Episode, d Date) bool {
	i, ok := EpisodeOn(eps, d)
	return ok && !eps[i].LegalStatus.IsShortBreak()
}

// adviserVisits records the personal adviser's visits to accommodation the
// authority provides (LEAV-03): within 7 days of it first being provided,
// then at intervals of at most 2 months from the previous visit, and
// before each pathway plan review held while it lasts. The visits close
// when the accommodation ends or the duties end; a visit before a review
// closes once the review's day is over. A review with no visit before it
// is not reported while the visit of the regular cycle, due before the
// review, is outstanding: that finding already says no visit was made.
func (s *sgAssessor) adviserVisits() {
	lc := &s.r.LeavingCare
	first := cmp.Or(s.p.Leaving.AdviserFirstVisitDays, 7)
	months := cmp.Or(s.p.Leaving.AdviserVisitMonths, 2)
	vs := lc.AdviserVisits
	end, endBy := s.dutiesEnd()
	for ai, acc := range lc.Accommodation {
		if acc.Start.IsZero() || acc.Start.After(s.asOf) {
			continue
		}
		// window is the accommodation as the duties see it.
		var window Obligation
		sgCloses(&window, end, endBy)
		sgCloses(&window, acc.End, 2)
		inAcc := func(d Date) bool { return !d.Before(acc.Start) && sgBefore(d, window.Closes) && !d.After(s.asOf) }

		vi := 0
		for vi < len(vs) && vs[vi].Date.Before(acc.Start) {
			vi++
		}
		o := window
		o.Subject, o.Due, o.Anchor, o.Count, o.Unit = At(ai), acc.Start.AddDays(first), acc.Start, first, Days
		var openDue Date // the due date of the cycle's visit not made
		for {
			if vi < len(vs) && inAcc(vs[vi].Date) {
				o.Done, o.DoneAt = vs[vi].Date, At(vi)
			}
			s.e.Deadline(&kindLEAV03Visit, o)
			if o.Done.IsZero() {
				openDue = o.Due
				break
			}
			next := window
			next.Subject, next.Due, next.Anchor, next.AnchorAs, next.AnchorAt = At(ai), o.Done.AddMonths(months), o.Done, 1, At(vi)
			next.Count, next.Unit = months, Months
			o = next
			vi++
		}

		prev := acc.Start
		for ri, rv := range lc.PathwayReviews {
			if !inAcc(rv.Date) || !rv.Date.After(acc.Start) {
				continue
			}
			o := window
			o.Subject, o.Due, o.Anchor, o.Unit, o.Extra = At(ri), rv.Date, rv.Date, Days, prev
			sgCloses(&o, rv.Date.AddDays(1), 3)
			for k, v := range vs {
				if !v.Date.Before(prev) && !v.Date.After(rv.Date) {
					o.Done, o.DoneAt = v.Date, At(k)
				}
			}
			if !o.Done.IsZero() || openDue.IsZero() || !openDue.Before(rv.Date) {
				s.e.Deadline(&kindLEAV03BeforeReview, o)
			}
			prev = rv.Date.AddDays(1)
		}
	}
}

// ceasing records the LEAV-04 check of each period of care that ended by
// the assessment date and needed approval ([CeasingApprover]): approved on
// or before the day care ceased, by the right office, after consulting the
// IRO. The consultation is checked only once the decision is approved. The
// subject is the period's first episode.
func (s *sgAssessor) ceasing() error {
	eps := s.eps
	for i, e := range eps {
		if e.End.IsZero() || e.End.After(s.asOf) || (i+1 < len(eps) && eps[i+1].Start.Equal(e.End)) {
			continue
		}
		// Endings before reg 39 was substituted are not assessed, so the
		// working days of a period the calendar may not cover are not
		// counted.
		if !ruleLEAV04.InForceOn(e.End) {
			continue
		}
		need, ok, err := ceasingApprover(s.h.Child(), eps, i, s.p.Leaving.CeaseWorkingDays, s.cal, s.p.Counting)
		if err != nil {
			return fmt.Errorf("care: %s care ceasing on %s (episodes[%d]): %w", LEAV04, e.End, i, err)
		}
		if !ok {
			continue
		}
		var a CeasingApproval
		ai := -1
		for k, c := range s.r.CeasingApprovals {
			if c.Ceased.Equal(e.End) {
				a, ai = c, k
				break
			}
		}
		k := &kindLEAV04Officer
		if need == ApproverDirector {
			k = &kindLEAV04Director
		}
		problems := approvalProblems(a.Approver, a.Approved, e.End, s.asOf, need)
		if !problems.Has(0) && !a.IROConsulted {
			problems |= Problem(3)
		}
		per, _, _ := s.h.PeriodAt(e.Start)
		o := Obligation{Subject: At(s.h.FirstEpisode(per)), Anchor: e.End, AnchorAt: At(i)}
		s.e.Check(k, s.approved(o, a.Approved, ai, problems), problems)
	}
	return nil
}

// IsZero reports whether no care-leaver record is held (empty and nil
// lists alike), so that the JSON form omits it and round-trips.
func (l LeavingCare) IsZero() bool {
	return len(l.NeedsAssessments) == 0 && len(l.PathwayPlans) == 0 && len(l.PathwayReviews) == 0 &&
		len(l.Advisers) == 0 && len(l.AdviserVisits) == 0 && len(l.Accommodation) == 0 && !l.SupportTo25
}

var ruleLEAV01 = Rule{
	ID:    LEAV01,
	Title: "Eligible child's needs assessment within 3 months of the 16th birthday or of becoming eligible",
	Text: "An eligible child is aged 16 or 17, looked after, and has been looked after for 13 weeks (91 days) in " +
		"total since the 14th birthday, ending after the 16th, short breaks under reg 48 excluded. The needs " +
		"assessment is due 3 calendar months after the 16th birthday, or after the day the child became eligible " +
		"if later (corresponding date, clamped to month end). An assessment completed from 3 months before the " +
		"16th birthday, within the period of care in which eligibility arose, counts. The duty does not close " +
		"when the child leaves care: it closes when the leaving-care duties end (the 21st birthday, or the 25th " +
		"where support to 25 is recorded), or, for a child who leaves care before 18 with no pathway plan, on " +
		"the day care ceased, when the relevant child's assessment (LEAV-03) takes its place; an assessment " +
		"completed after that meets LEAV-03, not LEAV-01.",
	Citation: sgCPPCR("regs 40 and 42(1); CA89 Sch 2 para 19B", "part/7"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainLeaving,
	Reads:    FamilyLeavingCare, Package: "care",
	File:    "care/leaving.go",
	Default: "3 months",
	Policy:  []string{"Leaving.AssessmentMonths"},
}

var ruleLEAV02 = Rule{
	ID:    LEAV02,
	Title: "Eligible or relevant child has a pathway plan and a personal adviser; pathway plan reviewed at least every 6 months",
	Text: "For an eligible, relevant or former relevant young person, the pathway plan and the personal adviser are " +
		"due by the needs assessment's due date (the Acts set no separate time: a library decision). The plan is " +
		"reviewed within 6 calendar months of its preparation and of each review (Care Leavers Regs reg 7(2)(c), " +
		"\"at intervals of not more than six months\": the corresponding date, clamped to the month's end); a " +
		"looked-after review held while the child is looked after counts as a review of the plan (CPPCR reg 43, as " +
		"practice manuals read it; the wording was not confirmed). Where the authority provides accommodation under " +
		"s.23B or s.24B, a review held after the end of \"a period of 28 days beginning on the day on which the " +
		"accommodation is first provided\" (day 29 or later, the first day being day 1) puts the next within 3 " +
		"calendar months (reg 7(3), \"intervals (not exceeding three months)\") while the accommodation lasts; the " +
		"review after the 28 days is due \"as soon as is practicable\", which sets no date, so it is not reported " +
		"on its own. A personal adviser must stay in post while the duties last. The duties are " +
		"live for care leavers and close when they end, at the 21st birthday (the 25th where support to 25 is " +
		"recorded): a plan, adviser or review not in place by then is missed. An open review interval stays " +
		"overdue until the next review is held, which meets it late.",
	Citation: sgCite(sgChildrenAct, "Sch 2 para 19C; s.23B; s.23C; Care Leavers (England) Regulations 2010 regs 6-7"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainLeaving,
	Reads:    FamilyLeavingCare, Package: "care",
	File:    "care/leaving.go",
	Default: "6 months; 3 in accommodation provided",
	Policy:  []string{"Leaving.AssessmentMonths", "Leaving.PathwayReviewMonths", "Leaving.AccommodationReviewMonths"},
}

var ruleLEAV03 = Rule{
	ID:    LEAV03,
	Title: "Relevant child's needs assessment within 3 months; personal adviser visits the accommodation provided",
	Text: "A relevant child with no pathway plan when leaving care is assessed within 3 calendar months of becoming " +
		"relevant (the day care ceased). Where the authority provides accommodation (s.23B or s.24B), the personal " +
		"adviser visits it within 7 days of it first being provided (start + 7), before each pathway plan review " +
		"held while it lasts, and then at intervals of not more than 2 calendar months from the previous visit. " +
		"The assessment closes when the leaving-care duties end (21, or 25 with support to 25); the visits close " +
		"when the accommodation ends or the duties end, and a visit before a review once the review's day is over " +
		"(Missed). A review with no visit before it is not reported while the cycle's visit due before it is " +
		"still outstanding: that finding reports the missing visits.",
	Citation: sgCite(sgCareLeaversRegs, "regs 5(2)(a) and 8(2)"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainLeaving,
	Reads:    FamilyLeavingCare, Package: "care",
	File:    "care/leaving.go",
	Default: "3 months; 7 days; 2 months",
	Policy:  []string{"Leaving.AssessmentMonths", "Leaving.AdviserFirstVisitDays", "Leaving.AdviserVisitMonths"},
}

var ruleLEAV04 = Rule{
	ID:    LEAV04,
	Title: "Ceasing to look after a child looked after for 20 working days or more is approved (the Director's approval for a 16–17-year-old not in care), with the IRO consulted",
	Text: "When a period of care ends after the child was looked after on the 20th working day after its first day " +
		"(counted with the policy's counting convention), the decision is approved on or before the day care " +
		"ceased: by the nominated officer, or by the Director of Children's Services if the child is 16 or 17 and " +
		"not under a care order. The approver consults the IRO. Endings that are not the authority's decision " +
		"(adoption, death, another authority, special guardianship or child arrangements orders, custody, end of " +
		"remand, age assessment, staying on at 18) and children aged 18 are not assessed. An approval before " +
		"the decision takes effect, like STAB-03's before placing, is a check with no window: Met, or one Breach " +
		"naming each problem (not approved, approved after care ceased, approved by a junior office, IRO not " +
		"consulted; the consultation is checked only once the decision is approved).",
	Citation: sgCPPCR("reg 39(4)-(5), as substituted by SI 2015/495", "regulation/39"),
	InForce:  Period{Start: sgSI2015InForce},
	Severity: SeverityStatutory,
	Domain:   DomainLeaving,
	Reads:    FamilyApprovals, Package: "care",
	File:    "care/leaving.go",
	Default: "20 WD",
	Policy:  []string{"Leaving.CeaseWorkingDays", "Counting"},
}
