package care

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// This file is the hub of the safeguarding families: MISS (missing and
// exploitation, missing.go), STAB (placement stability and distance,
// stability.go), CONN (connected-person approval, connected.go) and LEAV
// (care leavers, leaving.go). It holds the records and policy they read,
// the validation and assessment entry points called by [Record] and
// [Policy], and the rule catalogue of the four families.

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

func sgOrDecimal(v, def decimal.Decimal) decimal.Decimal {
	if v.IsZero() {
		return def
	}
	return v
}

func (r Record) validateSafeguarding(errs *ValidationErrors) {
	validateMissing(errs, r.MissingEpisodes, r.RiskMeetings)
	validatePlacementApprovals(errs, r.PlacementApprovals, r.Episodes)
	validateConnected(errs, r.ConnectedApprovals)
	r.LeavingCare.validate(errs, "leaving_care")
	validateCeasing(errs, r.CeasingApprovals)
}

// assessSafeguarding appends the findings of MISS, STAB, CONN and LEAV. It
// returns an error only when working-day arithmetic leaves the calendar.
func (r Record) assessSafeguarding(ctx Context, asOf Date, cal *Calendar, p Policy, rep *Report) error {
	if asOf.IsZero() {
		return fmt.Errorf("%w: assessment date is zero", ErrInvalidDate)
	}
	if err := r.assessMissing(asOf, cal, p, rep); err != nil {
		return err
	}
	r.assessStability(asOf, p.Stability, rep)
	r.assessConnected(asOf, p.Connected, rep)
	return r.assessLeaving(ctx, asOf, cal, p, rep)
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
// and "%!Approver(n)" for a value outside the list.
func (a Approver) String() string {
	if int(a) < len(approverNames) {
		return approverNames[a]
	}
	return fmt.Sprintf("%%!Approver(%d)", uint8(a))
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

// The safeguarding rules, built once for the assessments. They never leave
// the package: findings copy only their ID, title, citation, severity and
// domain, so their Policy slices are never shared with a caller, who gets
// fresh rules from [safeguardingRules].
var (
	sgMISS01, sgMISS02, sgMISS03           = ruleMISS01(), ruleMISS02(), ruleMISS03()
	sgSTAB01, sgSTAB02, sgSTAB03, sgSTAB04 = ruleSTAB01(), ruleSTAB02(), ruleSTAB03(), ruleSTAB04()
	sgCONN01                               = ruleCONN01()
	sgLEAV01, sgLEAV02, sgLEAV03, sgLEAV04 = ruleLEAV01(), ruleLEAV02(), ruleLEAV03(), ruleLEAV04()
)

// sgDeadlineFinding returns d.Finding(*r, subject, done, asOf) (see
// [Deadline.Finding]) with room for extra evidence after the anchor, so
// that appending it allocates nothing more.
func sgDeadlineFinding(d Deadline, r *Rule, subject string, done, asOf Date, extra int) Finding {
	f := NewFinding(*r, subject, d.Evaluate(done, asOf))
	f.Due = d.Due
	if f.Status == Met || f.Status == Late {
		f.Done = done
	}
	f.Deadline = d
	f.Message = r.Title
	f.Evidence = make([]Evidence, 1, 1+extra)
	f.Evidence[0] = Evidence{Label: d.AnchorLabel, Date: d.Anchor}
	return f
}

// safeguardingRules returns the MISS, STAB, CONN and LEAV rules in ID
// order: a fresh slice on every call.
func safeguardingRules() []Rule {
	return []Rule{
		ruleMISS01(), ruleMISS02(), ruleMISS03(),
		ruleSTAB01(), ruleSTAB02(), ruleSTAB03(), ruleSTAB04(),
		ruleCONN01(),
		ruleLEAV01(), ruleLEAV02(), ruleLEAV03(), ruleLEAV04(),
	}
}

// Commencement dates used as in-force starts.
var (
	sgCPPCRInForce  = MustDate(2011, time.April, 1) // SI 2010/959 and SI 2010/2571
	sgSI2015InForce = MustDate(2015, time.April, 1) // SI 2015/495 (reg 39 substituted)
)

const (
	sgMissingGuidance    = "Statutory guidance on children who run away or go missing from home or care (DfE, January 2014)"
	sgMissingGuidanceURL = "https://www.gov.uk/government/publications/children-who-run-away-or-go-missing-from-home-or-care"
	sgLocalStandard      = "Local practice standard"
	sgStability          = "DfE, Stability measures for children looked after in England (official statistics)"
	sgStabilityURL       = "https://explore-education-statistics.service.gov.uk/find-statistics/stability-measures-for-children-looked-after-in-england"
	sgCareLeaversRegs    = "Care Leavers (England) Regulations 2010"
	sgCareLeaversURL     = "https://www.legislation.gov.uk/uksi/2010/2571"
	sgChildrenAct        = "Children Act 1989"
)
