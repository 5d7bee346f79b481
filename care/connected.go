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
//
// It is the one record of the approval. CONN-01 reads it for the
// approval's expiry ([ConnectedApprovalExpiry]), and the visit rules read
// it for the visits of reg 28(4) ("where regulation 24 applies"): weekly
// until the first review, then four-weekly (VIS-06), from Start until
// Approved or Ended ([VisitFacts]).
type ConnectedApproval struct {
	// Carer is the authority's identifier for the connected person; never
	// a name. At most [MaxIDBytes].
	Carer string `json:"carer"`
	// Start is the day the temporary approval took effect.
	Start Date `json:"start"`
	// ExtendedOn, ExtensionEnds and ExtendedBy record the one extension
	// reg 25(2) allows ("once for a further period of up to eight weeks"),
	// as the authority granted it: the day it was granted, the last day of
	// the approval as extended, and who approved it (reg 25(5): a
	// nominated officer). The 16 weeks of the temporary approval end on
	// Start + 112 days, so the extension may end at most 8 weeks later, on
	// Start + 168 days: a later ExtensionEnds is a validation error at
	// "extension_ends" that gives that day. ExtendedOn and ExtensionEnds
	// are recorded together or not at all.
	ExtendedOn    Date     `json:"extended_on,omitzero"`
	ExtensionEnds Date     `json:"extension_ends,omitzero"`
	ExtendedBy    Approver `json:"extended_by,omitzero"`
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

// The statutory limits of a temporary approval, in weeks: "a temporary
// period not exceeding 16 weeks" (CPPCR reg 24(1)), extended "once for a
// further period of up to eight weeks" (reg 25(2)).
const (
	temporaryApprovalWeeks = 16
	approvalExtensionWeeks = 8
)

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
	sgLimit(errs, "connected.temporary_weeks", p.TemporaryWeeks, temporaryApprovalWeeks, true)
	sgLimit(errs, "connected.extension_weeks", p.ExtensionWeeks, approvalExtensionWeeks, true)
}

// expiry returns the last day of the temporary approval that started on
// start, unextended: start + 7 × p.TemporaryWeeks days (112 by default).
func (p ConnectedPolicy) expiry(start Date) Date {
	return start.AddDays(7 * cmp.Or(p.TemporaryWeeks, temporaryApprovalWeeks))
}

// ConnectedApprovalExpiry returns the day by which a connected person's
// temporary approval must have led to full approval as a foster carer or
// the end of the placement (CONN-01), worked out from the approval's own
// record: its Start, its extension and any independent review. Carer,
// Approved and Ended do not move the expiry; they say what became of the
// approval, which CONN-01 judges against it.
//
// Counting: reg 24(1) allows "a temporary period not exceeding 16 weeks".
// The words do not say "beginning with" the day of approval, so that day
// is not counted (the general rule for a period running from an event):
// the 16 weeks end on Start + 112 days, the approval's last day, and full
// approval that day is on time. Reg 25(2) allows one extension "for a
// further period of up to eight weeks", which runs on from that day: the
// extension counts if it was granted on or before the approval's last
// day, ends after it and no more than p.ExtensionWeeks (8) weeks after it,
// and was approved by a nominated officer (reg 25(5)); then the expiry is
// ExtensionEnds, the day the authority granted it to. An extension
// granted after expiry, too long for the policy, or with no approver does
// not extend it. If an independent review was sought on or before the
// expiry (reg 25(1)(b)), reg 25(3) lets the approval run "until the
// outcome of the review is known": the result is the day of the outcome
// if that is later.
//
// It returns false, with no error, when there is no fixed expiry: an
// independent review was sought and its outcome is not recorded. It
// returns an error, naming the field, if p is looser than statute or
// nonsense, or if a is: Start missing, a date before Start, an extension
// granted without an end (or the reverse), or ending on or before the day
// it was granted or after the latest reg 25(2) allows (Start + 168 days),
// an unknown approver, or an independent review outcome without a request
// or before it. CPPCR regs 24 and 25. See also [ConnectedApproval].
func ConnectedApprovalExpiry(a ConnectedApproval, p ConnectedPolicy) (Deadline, bool, error) {
	var errs ValidationErrors
	p.validate(&errs)
	a.validateExpiry(&errs, func(f string) string { return f })
	if err := errs.Err(); err != nil {
		return Deadline{}, false, err
	}
	d, ok := connectedExpiry(a, p, a.extensionCounts(p))
	return d, ok, nil
}

// extensionCounts reports whether a's extension counts: it has one, and
// it has none of the problems [ConnectedApproval.extensionProblems] finds.
func (a ConnectedApproval) extensionCounts(p ConnectedPolicy) bool {
	return !a.ExtendedOn.IsZero() && a.extensionProblems(p.expiry(a.Start), p) == 0
}

// connectedExpiry is [ConnectedApprovalExpiry] for an approval with a
// non-zero Start, told whether its extension counts. An extended expiry is
// counted from Start in weeks when it is a whole number of weeks, and in
// days otherwise.
func connectedExpiry(a ConnectedApproval, p ConnectedPolicy, extended bool) (Deadline, bool) {
	weeks := cmp.Or(p.TemporaryWeeks, temporaryApprovalWeeks)
	d := Deadline{Rule: CONN01, Due: p.expiry(a.Start), Anchor: a.Start, AnchorLabel: labelTemporary, Count: weeks, Unit: Weeks}
	if extended {
		d.Due = a.ExtensionEnds
		d.AnchorLabel = labelExtended
		if n := a.ExtensionEnds.DaysSince(a.Start); n%7 == 0 {
			d.Count, d.Unit = n/7, Weeks
		} else {
			d.Count, d.Unit = n, Days
		}
	}
	if !a.IRMRequested.IsZero() && !a.IRMRequested.After(d.Due) {
		if a.IRMOutcome.IsZero() {
			return d, false
		}
		if a.IRMOutcome.After(d.Due) {
			d = Deadline{Rule: CONN01, Due: a.IRMOutcome, Anchor: a.IRMRequested, AnchorLabel: labelReview,
				Count: a.IRMOutcome.DaysSince(a.IRMRequested), Unit: Days}
		}
	}
	return d, !d.Due.IsZero()
}

// validateExpiry checks the fields of a that its expiry reads, adding each
// problem to errs at the path path builds from the field's name: Start,
// the extension (both dates or neither, an end after the grant and no
// later than the statutory limit, a known approver) and the independent
// review. The limit is the statute's, whatever the policy: 16 + 8 weeks
// from Start.
func (a ConnectedApproval) validateExpiry(errs *ValidationErrors, path func(string) string) {
	if a.Start.IsZero() {
		errs.Add(path("start"), ErrRequired)
	}
	for _, f := range [...]struct {
		name string
		d    Date
	}{{"extended_on", a.ExtendedOn}, {"extension_ends", a.ExtensionEnds}, {"irm_requested", a.IRMRequested}} {
		if !f.d.IsZero() && !a.Start.IsZero() && f.d.Before(a.Start) {
			errs.Addf(path(f.name), "%s is before the temporary approval started on %s", f.d, a.Start)
		}
	}
	switch {
	case !a.ExtensionEnds.IsZero() && a.ExtendedOn.IsZero():
		errs.Add(path("extended_on"), fmt.Errorf("%w: an extension end is recorded", ErrRequired))
	case a.ExtensionEnds.IsZero() && !a.ExtendedOn.IsZero():
		errs.Add(path("extension_ends"), fmt.Errorf("%w: an extension is recorded (the last day of the approval as extended)", ErrRequired))
	case !a.ExtensionEnds.IsZero() && !a.ExtensionEnds.After(a.ExtendedOn):
		errs.Addf(path("extension_ends"), "%s is not after the day the extension was granted, %s", a.ExtensionEnds, a.ExtendedOn)
	}
	if !a.ExtensionEnds.IsZero() && !a.Start.IsZero() {
		expiry := a.Start.AddDays(7 * temporaryApprovalWeeks)
		if limit := expiry.AddDays(7 * approvalExtensionWeeks); a.ExtensionEnds.After(limit) {
			errs.Addf(path("extension_ends"), "%s is after %s, the latest an extension may end: CPPCR reg 25(2) allows one extension "+
				"of up to %d weeks after the %d weeks of temporary approval end on %s", a.ExtensionEnds, limit,
				approvalExtensionWeeks, temporaryApprovalWeeks, expiry)
		}
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
}

func validateConnected(errs *ValidationErrors, as []ConnectedApproval) {
	for i, a := range as {
		path := func(f string) string { return JoinPath(Index("connected_approvals", i), f) }
		if a.Carer == "" {
			errs.Add(path("carer"), ErrRequired)
		}
		a.validateExpiry(errs, path)
		for _, f := range [...]struct {
			name string
			d    Date
		}{{"approved", a.Approved}, {"ended", a.Ended}} {
			if !f.d.IsZero() && !a.Start.IsZero() && f.d.Before(a.Start) {
				errs.Addf(path(f.name), "%s is before the temporary approval started on %s", f.d, a.Start)
			}
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
		Problems: []string{"granted after the temporary approval expired", "longer than allowed",
			"does not end after the temporary approval expired", "not approved by the nominated officer"},
		Met: "granted before the expiry, within the limit, and approved", Message: appendCONN01Extension}
)

// The anchor labels of the expiry's [Deadline], by what it runs from.
const (
	labelTemporary = "temporary approval"
	labelExtended  = "temporary approval (extended)"
	labelReview    = "independent review sought"
)

// connected records the findings of CONN-01 for each temporary approval
// that started by the assessment date: a check of its extension, if one
// was granted by then, and the deadline of its expiry
// ([ConnectedApprovalExpiry]) for full approval as a foster carer. The
// expiry's window closes when the placement with the connected person
// ends: ended by the expiry, nothing was owed; ended after it without full
// approval, the approval was missed. The extension check carries the
// unextended expiry (Extra), the days the extension adds to it (Quantity)
// and the policy's limit in weeks (Limit).
func (s *sgAssessor) connected() {
	p := s.p.Connected
	for i, a := range s.r.ConnectedApprovals {
		if a.Start.IsZero() || a.Start.After(s.asOf) {
			continue
		}
		base := p.expiry(a.Start)
		extended := false
		if !a.ExtendedOn.IsZero() {
			problems := a.extensionProblems(base, p)
			extended = problems == 0
			if !a.ExtendedOn.After(s.asOf) {
				s.e.Check(&kindCONN01Extension, Obligation{Subject: At(i), Anchor: a.ExtendedOn, Extra: base,
					Quantity: a.ExtensionEnds.DaysSince(base), Limit: cmp.Or(p.ExtensionWeeks, approvalExtensionWeeks)}, problems)
			}
		}
		d, ok := connectedExpiry(a, p, extended)
		if !ok {
			continue
		}
		o := Obligation{Subject: At(i), Due: d.Due, Anchor: d.Anchor, Count: d.Count, Unit: d.Unit, Closes: a.Ended}
		switch d.AnchorLabel {
		case labelExtended:
			o.AnchorAs = 1
		case labelReview:
			o.AnchorAs = 2
		}
		if !a.Approved.IsZero() && (a.Ended.IsZero() || a.Approved.Before(a.Ended)) {
			o.Done = a.Approved
		}
		s.e.Deadline(&kindCONN01, o)
	}
}

// extensionProblems returns the problems of a's extension, in the order
// of kindCONN01Extension's Problems; base is the unextended expiry, the
// approval's last day. The extension is "a further period of up to eight
// weeks" (reg 25(2)) after base: it must be granted by base, end after
// it, and end no more than p.ExtensionWeeks weeks after it; and a
// nominated officer approves it (reg 25(5)). An extension with a problem
// does not extend the approval.
func (a ConnectedApproval) extensionProblems(base Date, p ConnectedPolicy) Problems {
	var problems Problems
	if a.ExtendedOn.After(base) {
		problems |= Problem(0)
	}
	if a.ExtensionEnds.After(base.AddDays(7 * cmp.Or(p.ExtensionWeeks, approvalExtensionWeeks))) {
		problems |= Problem(1)
	}
	if !a.ExtensionEnds.After(base) {
		problems |= Problem(2)
	}
	if !a.ExtendedBy.Satisfies(ApproverNominatedOfficer) {
		problems |= Problem(3)
	}
	return problems
}

// appendCONN01Extension renders the check of an extension: "extension to
// 23 June 2025 granted on 20 April 2025: longer than the 6 weeks allowed,
// which end on 9 June 2025".
func appendCONN01Extension(b []byte, f Finding) []byte {
	base, limit := f.Extra(), f.Limit()
	b = append(b, "extension to "...)
	b = base.AddDays(f.Quantity()).AppendFormat(b)
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
			b = base.AppendFormat(b)
		case 1:
			b = append(b, "longer than the "...)
			b = appendCount(b, limit, Weeks)
			b = append(b, " allowed, which end on "...)
			b = base.AddDays(7 * limit).AppendFormat(b)
		case 2:
			b = append(b, "does not end after the temporary approval expired on "...)
			b = base.AppendFormat(b)
		default:
			b = append(b, p...)
		}
	}
	return b
}

var ruleCONN01 = Rule{
	ID:    CONN01,
	Title: "Temporary approval of a connected person lasts at most 16 weeks, plus one extension of at most 8 weeks",
	Text: "A connected person's temporary approval is for \"a temporary period not exceeding 16 weeks\" (reg 24(1)). " +
		"The words do not say \"beginning with\" the day of approval, so that day is not counted: the approval's " +
		"last day, and the due date, is start + 112 days. It may be extended \"once for a further period of up to " +
		"eight weeks\" (reg 25(2)), granted on or before that day and approved by a nominated officer (reg 25(5)); " +
		"the record holds the day the extension ends as granted, which is then the due date, and which may be at " +
		"most 8 weeks after the last day of the 16 (start + 168 days: a later end is a validation error). An " +
		"independent review sought before expiry extends the approval \"until the outcome of the review is " +
		"known\" (reg 25(3)). Full approval as a foster carer by the expiry is Met, after it Late; unresolved past " +
		"expiry is Overdue, before it Upcoming. The window closes when the placement with the connected person " +
		"ends: a placement ended on or before the expiry owed nothing, one ended after it without full approval " +
		"is Missed. An extension granted after expiry, ending beyond the policy's limit or not after the expiry, " +
		"or without a recorded nominated officer's approval is a Breach (one finding naming each problem) and " +
		"does not extend the approval. The same record sets the visits of reg 28(4) (VIS-06).",
	Citation: sgCPPCR("regs 24 and 25", "regulation/25"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainConnected,
	Reads:    FamilyApprovals, Package: "care",
	File:    "care/connected.go",
	Default: "16 + 8 weeks",
	Policy:  []string{"Connected.TemporaryWeeks", "Connected.ExtensionWeeks"},
}
