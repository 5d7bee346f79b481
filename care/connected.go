package care

import (
	"cmp"
	"fmt"
)

// ConnectedApproval is the temporary approval of a connected person (a
// relative, friend or other person connected with the child) as the
// child's foster carer under CPPCR reg 24, with what became of it: its one
// extension under reg 25, an independent review, full approval as a foster
// carer, or the end of the placement.
type ConnectedApproval struct {
	// Carer is the authority's identifier for the connected person; never
	// a name. At most [MaxIDBytes].
	Carer string `json:"carer"`
	// Start is the day the temporary approval took effect.
	Start Date `json:"start"`
	// ExtendedOn, ExtensionWeeks and ExtendedBy record the extension under
	// reg 25: when it was granted, its length in weeks (at most 8) and who
	// approved it (the nominated officer).
	ExtendedOn     Date     `json:"extended_on,omitzero"`
	ExtensionWeeks int      `json:"extension_weeks,omitzero"`
	ExtendedBy     Approver `json:"extended_by,omitzero"`
	// IRMRequested is the day the connected person, not approved, sought a
	// review by the independent review mechanism; IRMOutcome the day its
	// outcome was known. Reg 25 lets the approval run until then.
	IRMRequested Date `json:"irm_requested,omitzero"`
	IRMOutcome   Date `json:"irm_outcome,omitzero"`
	// Approved is the day the person was approved as a foster carer, which
	// ends the temporary approval.
	Approved Date `json:"approved,omitzero"`
	// Ended is the day the child's placement with the person ended.
	Ended Date `json:"ended,omitzero"`
}

// resolved returns the day the temporary approval stopped mattering: full
// approval or the end of the placement, whichever came first; zero if
// neither is recorded.
func (a ConnectedApproval) resolved() Date {
	switch {
	case a.Approved.IsZero():
		return a.Ended
	case a.Ended.IsZero() || a.Approved.Before(a.Ended):
		return a.Approved
	}
	return a.Ended
}

// ConnectedPolicy holds the limits of CONN-01. The zero value means the
// statutory limits.
type ConnectedPolicy struct {
	// TemporaryWeeks is the length of a temporary approval. Default and
	// maximum 16 (reg 24).
	TemporaryWeeks int `json:"temporary_weeks,omitzero"`
	// ExtensionWeeks is the longest extension. Default and maximum 8
	// (reg 25).
	ExtensionWeeks int `json:"extension_weeks,omitzero"`
}

func (p ConnectedPolicy) validate(errs *ValidationErrors) {
	sgLimit(errs, "connected.temporary_weeks", p.TemporaryWeeks, 16, true)
	sgLimit(errs, "connected.extension_weeks", p.ExtensionWeeks, 8, true)
}

// ConnectedApprovalExpiry returns the day by which a connected person's
// temporary approval must have led to full approval or the end of the
// placement (CONN-01): TemporaryWeeks (16) weeks after Start (Start + 112
// days, the approval's last day under the library's "D + N" convention),
// or ExtensionWeeks later if a valid extension was granted on or before
// that day, for at most 8 weeks, by the nominated officer. An extension
// granted after expiry, too long, or with no approver does not extend it.
// If an independent review was sought on or before the expiry, the
// approval runs until the review's outcome (reg 25), and the result is
// that day.
//
// It returns false when there is no fixed expiry: Start is zero, or an
// independent review was sought and its outcome is not recorded. It does
// not validate p. CPPCR regs 24 and 25. See also [ConnectedApproval].
func ConnectedApprovalExpiry(a ConnectedApproval, p ConnectedPolicy) (Deadline, bool) {
	if a.Start.IsZero() {
		return Deadline{}, false
	}
	weeks := cmp.Or(p.TemporaryWeeks, 16)
	return connectedExpiry(a, p, a.extensionCounts(a.Start.AddDays(7*weeks), p))
}

// extensionCounts reports whether a's extension counts: it has one, and
// it has none of the problems [ConnectedApproval.extensionProblems] finds.
func (a ConnectedApproval) extensionCounts(base Date, p ConnectedPolicy) bool {
	return !a.ExtendedOn.IsZero() && a.extensionProblems(base, p) == 0
}

// connectedExpiry is [ConnectedApprovalExpiry] for an approval with a
// non-zero Start, told whether its extension counts.
func connectedExpiry(a ConnectedApproval, p ConnectedPolicy, extended bool) (Deadline, bool) {
	weeks := cmp.Or(p.TemporaryWeeks, 16)
	base := a.Start.AddDays(7 * weeks)
	d := Deadline{Rule: CONN01, Due: base, Anchor: a.Start, AnchorLabel: "temporary approval", Count: weeks, Unit: Weeks}
	if extended {
		d.Count += a.ExtensionWeeks
		d.Due = a.Start.AddDays(7 * d.Count)
		d.AnchorLabel = "temporary approval (extended)"
	}
	if !a.IRMRequested.IsZero() && !a.IRMRequested.After(d.Due) {
		if a.IRMOutcome.IsZero() {
			return d, false
		}
		if a.IRMOutcome.After(d.Due) {
			d = Deadline{Rule: CONN01, Due: a.IRMOutcome, Anchor: a.IRMRequested, AnchorLabel: "independent review sought",
				Count: a.IRMOutcome.DaysSince(a.IRMRequested), Unit: Days}
		}
	}
	return d, !d.Due.IsZero()
}

func validateConnected(errs *ValidationErrors, as []ConnectedApproval) {
	for i, a := range as {
		path := func(f string) string { return JoinPath(Index("connected_approvals", i), f) }
		if a.Carer == "" {
			errs.Add(path("carer"), ErrRequired)
		}
		if a.Start.IsZero() {
			errs.Add(path("start"), ErrRequired)
		}
		for _, f := range [...]struct {
			name string
			d    Date
		}{{"extended_on", a.ExtendedOn}, {"irm_requested", a.IRMRequested}, {"approved", a.Approved}, {"ended", a.Ended}} {
			if !f.d.IsZero() && !a.Start.IsZero() && f.d.Before(a.Start) {
				errs.Addf(path(f.name), "%s is before the temporary approval started on %s", f.d, a.Start)
			}
		}
		switch {
		case a.ExtensionWeeks < 0:
			errs.Addf(path("extension_weeks"), "%d is not a positive number of weeks", a.ExtensionWeeks)
		case a.ExtensionWeeks > 0 && a.ExtendedOn.IsZero():
			errs.Add(path("extended_on"), fmt.Errorf("%w: an extension length is recorded", ErrRequired))
		case a.ExtensionWeeks == 0 && !a.ExtendedOn.IsZero():
			errs.Add(path("extension_weeks"), fmt.Errorf("%w: an extension is recorded", ErrRequired))
		}
		if int(a.ExtendedBy) >= len(approverNames) {
			errs.Add(path("extended_by"), fmt.Errorf("%w: %s", ErrUnknownCode, a.ExtendedBy))
		}
		if a.ExtendedBy != ApproverUnknown && a.ExtendedOn.IsZero() {
			errs.Add(path("extended_on"), fmt.Errorf("%w: an extension approver is recorded", ErrRequired))
		}
		switch {
		case !a.IRMOutcome.IsZero() && a.IRMRequested.IsZero():
			errs.Add(path("irm_requested"), fmt.Errorf("%w: an independent review outcome is recorded", ErrRequired))
		case !a.IRMOutcome.IsZero() && a.IRMOutcome.Before(a.IRMRequested):
			errs.Addf(path("irm_outcome"), "%s is before the review was sought on %s", a.IRMOutcome, a.IRMRequested)
		}
		if a.Start.IsZero() || a.Carer == "" {
			continue
		}
		pi := Period{Start: a.Start, End: a.resolved()}
		for j := range i {
			b := as[j]
			if b.Carer != a.Carer || b.Start.IsZero() {
				continue
			}
			if pi.Overlaps(Period{Start: b.Start, End: b.resolved()}) {
				errs.Addf(path("start"), "overlapping approvals: connected_approvals[%d] for the same carer runs from %s until %s", j, b.Start, sgOngoing(b.resolved()))
				break
			}
		}
	}
}

func sgOngoing(d Date) string {
	if d.IsZero() {
		return "now"
	}
	return d.String()
}

// The kinds of CONN finding.
var (
	kindCONN01 = Kind{Rule: &ruleCONN01, What: "full approval as a foster carer", Subject: "connected_approvals[]",
		Anchor: "the temporary approval", Anchors: []string{"the temporary approval, extended once,", "the request for an independent review"},
		Done: "approved as a foster carer", Closures: []string{"the placement with the connected person ended"}}
	kindCONN01Extension = Kind{Rule: &ruleCONN01, What: "extension of the temporary approval", Subject: "connected_approvals[]",
		Anchor: "extension granted", Extra: "temporary approval expired",
		Problems: []string{"granted after the temporary approval expired", "longer than allowed", "no length recorded",
			"not approved by the nominated officer"},
		Met: "granted before the expiry, within the limit, and approved", Message: appendCONN01Extension}
)

// connected records the findings of CONN-01 for each temporary approval
// that started by the assessment date: a check of its extension, if one
// was granted by then, and the deadline of its expiry
// ([ConnectedApprovalExpiry]) for full approval as a foster carer. The
// expiry's window closes when the placement with the connected person
// ends: ended by the expiry, nothing was owed; ended after it without full
// approval, the approval was missed.
func (s *sgAssessor) connected() {
	p := s.p.Connected
	for i, a := range s.r.ConnectedApprovals {
		if a.Start.IsZero() || a.Start.After(s.asOf) {
			continue
		}
		base := a.Start.AddDays(7 * cmp.Or(p.TemporaryWeeks, 16))
		extended := false
		if !a.ExtendedOn.IsZero() {
			problems := a.extensionProblems(base, p)
			extended = problems == 0
			if !a.ExtendedOn.After(s.asOf) {
				maxWeeks := cmp.Or(p.ExtensionWeeks, 8)
				s.e.Check(&kindCONN01Extension, Obligation{Subject: At(i), Anchor: a.ExtendedOn, Extra: base,
					Quantity: max(a.ExtensionWeeks, 0), Limit: maxWeeks}, problems)
			}
		}
		d, ok := connectedExpiry(a, p, extended)
		if !ok {
			continue
		}
		o := Obligation{Subject: At(i), Due: d.Due, Anchor: d.Anchor, Count: d.Count, Unit: d.Unit, Closes: a.Ended}
		switch {
		case d.Unit == Days: // the independent review's outcome
			o.AnchorAs = 2
		case extended:
			o.AnchorAs = 1
		}
		if !a.Approved.IsZero() && (a.Ended.IsZero() || a.Approved.Before(a.Ended)) {
			o.Done = a.Approved
		}
		s.e.Deadline(&kindCONN01, o)
	}
}

// extensionProblems returns the problems of a's extension, in the order
// of kindCONN01Extension's Problems; base is the unextended expiry. An
// extension with a problem does not extend the approval.
func (a ConnectedApproval) extensionProblems(base Date, p ConnectedPolicy) Problems {
	var problems Problems
	if a.ExtendedOn.After(base) {
		problems |= Problem(0)
	}
	if a.ExtensionWeeks > cmp.Or(p.ExtensionWeeks, 8) {
		problems |= Problem(1)
	}
	if a.ExtensionWeeks <= 0 {
		problems |= Problem(2)
	}
	if !a.ExtendedBy.Satisfies(ApproverNominatedOfficer) {
		problems |= Problem(3)
	}
	return problems
}

// appendCONN01Extension renders the check of an extension: "extension of
// 10 weeks granted on 20 April 2025: longer than the 8 weeks allowed".
func appendCONN01Extension(b []byte, f Finding) []byte {
	weeks, limit := f.Quantity(), f.Limit()
	b = append(b, "extension of "...)
	b = appendCount(b, weeks, Weeks)
	b = append(b, " granted on "...)
	b = f.Anchor().AppendFormat(b)
	b = append(b, ": "...)
	if f.Status != Breach {
		return append(b, f.Kind().Met...)
	}
	sep := ""
	for i, p := range f.Kind().Problems {
		if !f.Problems().Has(i) {
			continue
		}
		b = append(b, sep...)
		sep = "; "
		switch i {
		case 0:
			b = append(b, "granted after the temporary approval expired on "...)
			b = f.Extra().AppendFormat(b)
		case 1:
			b = append(b, "longer than the "...)
			b = appendCount(b, limit, Weeks)
			b = append(b, " allowed"...)
		default:
			b = append(b, p...)
		}
	}
	return b
}

var ruleCONN01 = Rule{
	ID:    CONN01,
	Title: "Temporary approval of a connected person lasts at most 16 weeks, plus one extension of at most 8 weeks",
	Text: "A connected person's temporary approval runs for 16 weeks from its start (due = start + 112 days). It " +
		"may be extended once, on or before that day, by at most 8 weeks, with the nominated officer's approval; " +
		"an independent review sought before expiry extends it to the review's outcome. Full approval as a foster " +
		"carer by the expiry is Met, after it Late; unresolved past expiry is Overdue, before it Upcoming. The " +
		"window closes when the placement with the connected person ends: a placement ended on or before the " +
		"expiry owed nothing, one ended after it without full approval is Missed. An extension granted after " +
		"expiry, too long, without a length or without a recorded approver is a Breach (one finding naming each " +
		"problem) and does not extend the approval.",
	Citation: sgCPPCR("regs 24 and 25", "regulation/25"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainConnected,
	Package:  "care",
	File:     "care/connected.go",
	Default:  "16 + 8 weeks",
	Policy:   []string{"Connected.TemporaryWeeks", "Connected.ExtensionWeeks"},
}
