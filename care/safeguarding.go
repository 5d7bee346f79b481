package care

import (
	"fmt"
	"time"
)

// This file is the hub of the safeguarding families: MISS (missing and
// exploitation, missing.go), STAB (placement stability and distance,
// stability.go), CONN (connected-person approval, connected.go) and LEAV
// (care leavers, leaving.go). It holds the records and policy they read,
// the validation and assessment entry points [Record] calls, and the rule
// catalogue of the four families.
//
// Each family decides; the [Emitter] records. A timescale tells the
// emitter the first day its window is closed (Obligation.Closes), and the
// emitter tells an obligation still owed (Overdue) from one whose window
// closed unmet (Missed), and drops one whose window closed on or before its
// due date, since nothing was owed. What closes each window, family by
// family, is said in each rule's Text:
//
//   - MISS: a return home interview closes when the child next goes missing
//     (the next episode's interview takes its place), at the first
//     looked-after review after it fell due, or when the child leaves care;
//     a risk
//     meeting stays owed until it is held, and closes only when the child
//     leaves care; an escalation closes when a later meeting records a
//     lower risk, when the next run of high-risk meetings falls due for its
//     own escalation, or when the child leaves care. "Leaves care" is the
//     end of the period of care current on the day the duty arose.
//   - STAB: the measures (STAB-01, STAB-02) and the approvals before
//     placing (STAB-03, STAB-04) are checks, Met or Breach, with no window.
//   - CONN: the temporary approval's expiry closes when the placement with
//     the connected person ends: ended by the expiry, nothing was owed;
//     ended after it without full approval, Missed.
//   - LEAV: leaving-care duties are live for care leavers and do not close
//     when the child leaves care. They close when the duties end, at the
//     21st birthday (the 25th where support to 25 is recorded); an
//     eligible child's needs assessment also closes when the child leaves
//     care as a relevant child with no pathway plan, whose own assessment
//     (LEAV-03) takes its place; an adviser's visits close when the
//     accommodation ends, and a visit before a pathway plan review once
//     the review's day has passed. A pathway plan review is met by the next
//     review, so an open interval stays Overdue while the duties last.
//     The approval of ceasing to look after a child (LEAV-04) is a check.
//
// A root cause is reported once: a return home interview or an escalation
// whose next occurrence has taken its place is Missed, so only the latest
// is live; an eligible child's missing needs assessment is not reported
// Overdue beside the relevant child's (LEAV-01 closes when LEAV-03 takes
// its place, and an assessment made after leaving care meets LEAV-03
// only); a review with no adviser visit before it is not reported while
// the adviser's visit of the regular cycle, due before the review, is
// still outstanding; the two-year placement count is not reported when the
// 12-month count, which it contains, already breaches; consultations on a
// Key Stage 4 move or on ceasing care are not faulted while the decision
// itself is not approved; and each approval (STAB-03, STAB-04, LEAV-04)
// and each extension (CONN-01) gives one finding, however many problems it
// has.

// SafeguardingRecords are the records read by the safeguarding families.
// It is embedded in [Record], so its fields appear flat in JSON beside
// "child" and "episodes". Each list is in date order where its doc says so;
// [Record.Validate] reports lists that are not.
type SafeguardingRecords struct {
	// MissingEpisodes are the child's missing and away episodes (SSDA903
	// Missing table), in order of start, with their return home
	// interviews (MISS-01, MISS-02).
	MissingEpisodes []MissingEpisode `json:"missing_episodes,omitempty"`
	// RiskMeetings are the multi-agency meetings about the child's risk of
	// exploitation or of going missing, in date order (MISS-02, MISS-03).
	RiskMeetings []RiskMeeting `json:"risk_meetings,omitempty"`
	// ConnectedApprovals are temporary approvals of connected persons as
	// foster carers for the child under CPPCR reg 24 (CONN-01).
	ConnectedApprovals []ConnectedApproval `json:"connected_approvals,omitempty"`
	// PlacementApprovals are the approvals and location facts of the
	// child's placements, each keyed to a placement by its start date:
	// out-of-area and distant placements (STAB-03) and placement changes
	// in Key Stage 4 (STAB-04).
	PlacementApprovals []PlacementApproval `json:"placement_approvals,omitempty"`
	// LeavingCare holds the care-leaver records: needs assessments,
	// pathway plans and reviews, personal advisers and their visits
	// (LEAV-01 to LEAV-03).
	LeavingCare LeavingCare `json:"leaving_care,omitzero"`
	// CeasingApprovals are the approvals of decisions to cease to look
	// after the child, each keyed to the day care ceased (LEAV-04).
	CeasingApprovals []CeasingApproval `json:"ceasing_approvals,omitempty"`
}

// SafeguardingPolicy holds the local standards of the safeguarding
// families. It is embedded in [Policy], so callers write p.Missing.X. Its
// zero value means the defaults of the rule catalogue; every field's doc
// gives its default and the limit [Policy.Validate] enforces.
type SafeguardingPolicy struct {
	// Missing holds the standards of MISS-01 to MISS-03.
	Missing MissingPolicy `json:"missing,omitzero"`
	// Stability holds the thresholds of STAB-01 and STAB-03.
	Stability StabilityPolicy `json:"stability,omitzero"`
	// Connected holds the limits of CONN-01.
	Connected ConnectedPolicy `json:"connected,omitzero"`
	// Leaving holds the timescales of LEAV-01 to LEAV-04.
	Leaving LeavingPolicy `json:"leaving,omitzero"`
}

func (p SafeguardingPolicy) validate(errs *ValidationErrors) {
	p.Missing.validate(errs)
	p.Stability.validate(errs)
	p.Connected.validate(errs)
	p.Leaving.validate(errs)
}

// sgLimit reports a policy integer that is negative, or looser than its
// limit. stricterIsLower says which way is stricter: a maximum interval is
// stricter when lower, a minimum look-back window when higher.
func sgLimit(errs *ValidationErrors, path string, v, limit int, stricterIsLower bool) {
	switch {
	case v == 0:
	case v < 0:
		errs.Addf(path, "%d is not a positive value", v)
	case stricterIsLower && v > limit:
		errs.Addf(path, "%d is looser than the limit %d (a local standard may be stricter, never looser)", v, limit)
	case !stricterIsLower && v < limit:
		errs.Addf(path, "%d is looser than the limit %d (a local standard may be stricter, never looser)", v, limit)
	}
}

// validateSafeguarding checks the records of the safeguarding families
// against the episodes h holds (validated or, from [Record.Validate], as
// given).
func (r Record) validateSafeguarding(errs *ValidationErrors, h *History) {
	validateMissing(errs, r.MissingEpisodes, r.RiskMeetings)
	validatePlacementApprovals(errs, r.PlacementApprovals, h.Episodes())
	validateConnected(errs, r.ConnectedApprovals)
	r.LeavingCare.validate(errs, "leaving_care")
	validateCeasing(errs, r.CeasingApprovals)
}

// assessSafeguarding records the findings of MISS, STAB, CONN and LEAV in
// e, as of e.AsOf(). The child and episodes are h's; p has been validated.
// It returns an error only when working-day arithmetic leaves the calendar.
func (r Record) assessSafeguarding(e *Emitter, h *History, ctx Context, cal *Calendar, p Policy) error {
	s := sgAssessor{r: &r, h: h, eps: h.Episodes(), e: e, asOf: e.AsOf(), cal: cal, p: &p, reviews: ctx.Reviews}
	if err := s.missing(); err != nil {
		return err
	}
	s.stability()
	s.connected()
	return s.leaving(ctx.Reviews)
}

// sgAssessor carries one assessment of one child's safeguarding records.
type sgAssessor struct {
	r    *Record   // the safeguarding records; the child and episodes are h's
	h    *History  // the child, episodes and periods of care, validated
	eps  []Episode // h.Episodes()
	e    *Emitter
	asOf Date
	cal  *Calendar
	p    *Policy
	// reviews are the dates of the looked-after reviews held ([Context]).
	reviews []Date
}

// leftCare returns the day the child left the period of care current on
// day d ([History.PeriodAt]): the first day of a child-level duty arising
// on d that can no longer be met. It is zero while that period lasts, or
// if the child had not been looked after by d; a day on or before d if the
// child had already left care then, so that a duty arising after leaving
// care is not owed.
func (s *sgAssessor) leftCare(d Date) Date {
	per, _, ok := s.h.PeriodAt(d)
	if !ok {
		return Date{}
	}
	return per.End
}

// Approver is the office that approved a decision, where a regulation
// names one: the nominated officer (a senior officer the authority
// nominates, CPPCR reg 2(1)) or the Director of Children's Services. The
// director ranks above the nominated officer, so a director's approval
// satisfies a rule that asks for the nominated officer's.
//
// Approver marshals as "nominated-officer" or "director"; the zero value,
// ApproverUnknown, means none was recorded and marshals as "".
type Approver uint8

const (
	ApproverUnknown          Approver = iota // no approver recorded
	ApproverNominatedOfficer                 // the authority's nominated officer
	ApproverDirector                         // the Director of Children's Services
)

var approverNames = [...]string{"", "nominated-officer", "director"}

// String returns "nominated-officer", "director", "" for ApproverUnknown,
// and "Approver(n)" for a value outside the list.
func (a Approver) String() string {
	if int(a) < len(approverNames) {
		return approverNames[a]
	}
	return fmt.Sprintf("Approver(%d)", uint8(a))
}

// Satisfies reports whether an approval by a is enough where need is
// required: the same office or a more senior one.
func (a Approver) Satisfies(need Approver) bool {
	return a != ApproverUnknown && int(a) < len(approverNames) && a >= need
}

// MarshalText implements [encoding.TextMarshaler].
func (a Approver) MarshalText() ([]byte, error) {
	return marshalName(a.String(), int(a), len(approverNames), "approver")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is ApproverUnknown.
func (a *Approver) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, approverNames[:], "approver")
	*a = Approver(i)
	return err
}

// safeguardingRules returns the MISS, STAB, CONN and LEAV rules in ID
// order: a fresh slice on every call.
func safeguardingRules() []Rule {
	rs := [...]*Rule{
		&ruleMISS01, &ruleMISS02, &ruleMISS03,
		&ruleSTAB01, &ruleSTAB02, &ruleSTAB03, &ruleSTAB04,
		&ruleCONN01,
		&ruleLEAV01, &ruleLEAV02, &ruleLEAV03, &ruleLEAV04,
	}
	out := make([]Rule, len(rs))
	for i, r := range rs {
		out[i] = r.Clone()
	}
	return out
}

// Commencement dates used as in-force starts.
var (
	sgCPPCRInForce  = MustDate(2011, time.April, 1) // SI 2010/959 and SI 2010/2571
	sgSI2015InForce = MustDate(2015, time.April, 1) // SI 2015/495 (reg 39 substituted)
)

// sgCPPCR returns the citation of provision of regulation reg of the CPPCR
// 2010.
func sgCPPCR(provision string, reg string) Citation {
	return Citation{Instrument: CPPCR, Provision: provision, URL: CPPCRURL + "/" + reg, Abbrev: CPPCRAbbrev}
}

// The instruments the safeguarding rules cite.
var (
	sgMissingGuidance = Citation{
		Instrument: "Statutory guidance on children who run away or go missing from home or care (DfE, January 2014)",
		URL:        "https://www.gov.uk/government/publications/children-who-run-away-or-go-missing-from-home-or-care",
		Abbrev:     "DfE guidance 2014",
	}
	sgLocalStandard = Citation{Instrument: "Local practice standard", Abbrev: "Local standard"}
	sgStability     = Citation{
		Instrument: "DfE, Stability measures for children looked after in England (official statistics)",
		URL:        "https://explore-education-statistics.service.gov.uk/find-statistics/stability-measures-for-children-looked-after-in-england",
		Abbrev:     "DfE stability measures",
	}
	sgCareLeaversRegs = Citation{Instrument: "Care Leavers (England) Regulations 2010",
		URL: "https://www.legislation.gov.uk/uksi/2010/2571", Abbrev: "CLR 2010"}
	sgChildrenAct = Citation{Instrument: "Children Act 1989", Abbrev: "CA 1989",
		URL: "https://www.legislation.gov.uk/ukpga/1989/41"}
)

// sgCite returns c with its provision set.
func sgCite(c Citation, provision string) Citation {
	c.Provision = provision
	return c
}
