package permanence

import (
	"github.com/lookedafter/practice/care"
)

// This file holds the adoption rules: timeliness against the scorecard
// thresholds (PERM-05) and adoption reviews (PERM-07).
//
// Windows: a scorecard measure's window closes when the authority to place
// ends or the child leaves care before the measured event. Adoption reviews
// run in two phases (authorised to place, then placed), each closed by
// what ends it (placement, the end of the authority, the adoption order,
// the end of the placement) or by the child leaving care. An unmet
// obligation is Overdue while its window is open, Missed once it has
// closed, and not owed if it closed on or before the due date.

// Closures of the scorecard kinds.
const (
	byAuthorityEnded = 1 // "the authority to place ended"; 0 is byLeftCare
)

// PERM-05, A2: authority to place to the match. Dones: a match made before
// the authority, counted on the authority's day.
var matchKind = care.Kind{
	Rule: rule(PERM05), What: "match (scorecard A2)", Subject: "permanence.adoption",
	Anchor: "the authority to place", AnchorAt: "permanence.adoption.placement_order",
	Done: "match", Dones: []string{"match, made before the authority to place and counted on its day"},
	DoneAt:   "permanence.adoption.match",
	Closures: []string{byLeftCare: "the child left care", byAuthorityEnded: "the authority to place ended"},
}

// PERM-05, A1: entering care to moving in with the adopters.
var placedKind = care.Kind{
	Rule: rule(PERM05), What: "move to the adopters (scorecard A1)", Subject: "permanence.adoption",
	Anchor: "becoming looked after", AnchorAt: "episodes[]",
	Done: "placed for adoption", DoneAt: "permanence.adoption.placed",
	Closures: []string{byLeftCare: "the child left care", byAuthorityEnded: "the authority to place ended"},
}

// timeliness evaluates PERM-05 for one child: A2 once the agency has
// authority to place, and A1 while the child is on the adoption track (an
// authority to place, a placement, or adoption agreed as the primary
// route). Each is judged against the threshold in force on the day its
// measured period ended, on the day its window closed if it closed unmet,
// or on the assessment date while it runs; with no threshold in force
// there is no finding.
func (a *Assessor) timeliness(e *care.Emitter, h *care.History, rec Record, v *view) {
	ad := rec.Adoption
	ts := a.p.thresholds()
	asOf := v.asOf
	// A2: authority to place to match.
	if po := ad.PlacementOrder; !po.IsZero() && !po.After(asOf) {
		closes, by := earlier(ad.Revoked, byAuthorityEnded, leftCareAfter(h, po), byLeftCare)
		o := care.Obligation{Anchor: po, Done: within(doneBy(ad.Match, asOf), closes), Closes: closes, ClosedBy: by}
		if !o.Done.IsZero() && o.Done.Before(po) {
			o.Done, o.DoneAs = po, 1 // a match before the authority counts as 0 days
		}
		if th, ok := ThresholdFor(ts, A2, measuredTo(o, asOf)); ok {
			e.Deadline(&matchKind, threshold(o, th))
		}
	}
	// A1: entering care to moving in with the adopters.
	if !onAdoptionTrack(ad, v) {
		return
	}
	placed := doneBy(ad.Placed, asOf)
	if !v.periodOK || (!placed.IsZero() && !v.period.Contains(placed)) {
		return // not looked after, or placed in an earlier period of care
	}
	o := care.Obligation{Anchor: v.period.Start, AnchorAt: care.At(h.FirstEpisode(v.period)), Done: placed}
	if placed.IsZero() {
		o.Closes, o.ClosedBy = earlier(ad.Revoked, byAuthorityEnded, v.leftCare, byLeftCare)
	}
	if th, ok := ThresholdFor(ts, A1, measuredTo(o, asOf)); ok {
		e.Deadline(&placedKind, threshold(o, th))
	}
}

// measuredTo returns the day a scorecard measure's period ended: the day
// it was met, the day its window closed, or asOf while it runs.
func measuredTo(o care.Obligation, asOf care.Date) care.Date {
	switch {
	case !o.Done.IsZero():
		return o.Done
	case !o.Closes.IsZero() && !o.Closes.After(asOf):
		return o.Closes
	}
	return asOf
}

// threshold returns o due by threshold th from its anchor, counted in
// months or days as th is.
func threshold(o care.Obligation, th Threshold) care.Obligation {
	o.Due = th.Due(o.Anchor)
	o.Count, o.Unit = th.Months, care.Months
	if th.Months == 0 {
		o.Count, o.Unit = th.Days, care.Days
	}
	return o
}

func onAdoptionTrack(a Adoption, v *view) bool {
	if !a.PlacementOrder.IsZero() || !a.Placed.IsZero() {
		return true
	}
	s := v.routes[RouteAdoption]
	return v.primary == RouteAdoption && s.state >= StateAgreed && s.state.IsOpen()
}

// PERM-07: adoption reviews. Anchors: the start of each phase, for its
// first review.
var reviewKind = care.Kind{
	Rule: rule(PERM07), What: "adoption review", Subject: "permanence.adoption",
	Anchor: "the previous adoption review", Anchors: []string{anchorAuthority - 1: "the authority to place", anchorPlaced - 1: "the placement for adoption"},
	AnchorAt: "permanence.adoption.reviews[]",
	DoneAt:   "permanence.adoption.reviews[]",
	Closures: []string{
		byPlaced: "the child was placed for adoption", byRevoked: "the authority to place ended",
		byAdopted: "the adoption order was made", byDisrupted: "the adoptive placement ended",
		byReviewLeftCare: "the child left care",
	},
}

// Anchors and closures of reviewKind.
const (
	anchorAuthority = 1
	anchorPlaced    = 2
)

const (
	byPlaced = iota
	byRevoked
	byAdopted
	byDisrupted
	byReviewLeftCare
)

// step is one interval of a review schedule.
type step struct {
	count int
	unit  care.Unit
}

func (s step) from(d care.Date) care.Date {
	switch s.unit {
	case care.Weeks:
		return d.AddDays(7 * s.count)
	case care.Months:
		return d.AddMonths(s.count)
	}
	return d.AddDays(s.count)
}

// The review schedules of AAR 2005 reg 36: the last step repeats.
var (
	beforePlacement = []step{{3, care.Months}, {6, care.Months}}
	afterPlacement  = []step{{4, care.Weeks}, {3, care.Months}, {6, care.Months}}
)

// adoptionReviews evaluates PERM-07: the reviews of the phase authorised
// to place but not placed, then of the phase placed for adoption.
func (a *Assessor) adoptionReviews(e *care.Emitter, h *care.History, ad Adoption) {
	asOf := e.AsOf()
	placed := doneBy(ad.Placed, asOf)
	if po := ad.PlacementOrder; !po.IsZero() && !po.After(asOf) && (placed.IsZero() || po.Before(placed)) {
		end, by := earlier(placed, byPlaced, doneBy(ad.Revoked, asOf), byRevoked)
		end, by = earlier(end, by, leftCareAfter(h, po), byReviewLeftCare)
		reviewChain(e, ad.Reviews, po, anchorAuthority, end, by, beforePlacement)
	}
	if !placed.IsZero() {
		end, by := earlier(doneBy(ad.AdoptionOrder, asOf), byAdopted, doneBy(ad.Disrupted, asOf), byDisrupted)
		end, by = earlier(end, by, leftCareAfter(h, placed), byReviewLeftCare)
		reviewChain(e, ad.Reviews, placed, anchorPlaced, end, by, afterPlacement)
	}
}

// reviewChain evaluates one phase of adoption reviews, from start until
// end (zero while it runs), which closure by names: each review is due one
// step after the previous review held (the first, one step after start),
// the last step repeating. Reviews held on or after start and before end
// count. The first review not held ends the chain: it is still owed while
// the phase runs.
func reviewChain(e *care.Emitter, reviews []care.Date, start care.Date, startAs int, end care.Date, by int, steps []step) {
	asOf := e.AsOf()
	j := 0
	for j < len(reviews) && reviews[j].Before(start) {
		j++
	}
	o := care.Obligation{Anchor: start, AnchorAs: startAs, Closes: end, ClosedBy: by}
	for k := 0; ; k++ {
		s := steps[min(k, len(steps)-1)]
		o.Due, o.Count, o.Unit = s.from(o.Anchor), s.count, s.unit
		o.Done, o.DoneAt = care.Date{}, care.Ref{}
		if j < len(reviews) && !reviews[j].After(asOf) && (end.IsZero() || reviews[j].Before(end)) {
			o.Done, o.DoneAt = reviews[j], care.At(j)
		}
		e.Deadline(&reviewKind, o)
		if o.Done.IsZero() {
			return
		}
		o.Anchor, o.AnchorAs, o.AnchorAt = o.Done, 0, o.DoneAt
		j++
	}
}
