package care

import (
	"cmp"
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// PlacementLocation says where a placement is relative to the responsible
// authority's area (CPPCR reg 11, as amended by SI 2013/3239): inside it,
// outside it in an adjoining authority, or outside it and not adjoining
// (a distant placement). It marshals as "in-area", "adjoining" or
// "distant"; the zero value, PlacementLocationUnknown, means not recorded.
type PlacementLocation uint8

const (
	PlacementLocationUnknown   PlacementLocation = iota // not recorded
	PlacementLocationInArea                             // inside the authority's area
	PlacementLocationAdjoining                          // outside the area, in an adjoining authority's area
	PlacementLocationDistant                            // outside the area and not in an adjoining authority
)

var locationNames = [...]string{"", "in-area", "adjoining", "distant"}

// String returns "in-area", "adjoining", "distant", "" for PlacementLocationUnknown
// and "PlacementLocation(n)" for a value outside the list.
func (l PlacementLocation) String() string {
	if int(l) < len(locationNames) {
		return locationNames[l]
	}
	return fmt.Sprintf("PlacementLocation(%d)", uint8(l))
}

// IsOutOfArea reports whether l is outside the authority's area.
func (l PlacementLocation) IsOutOfArea() bool {
	return l == PlacementLocationAdjoining || l == PlacementLocationDistant
}

// MarshalText implements [encoding.TextMarshaler].
func (l PlacementLocation) MarshalText() ([]byte, error) {
	return marshalName(l.String(), int(l), len(locationNames), "placement location")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is PlacementLocationUnknown.
func (l *PlacementLocation) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, locationNames[:], "placement location")
	*l = PlacementLocation(i)
	return err
}

// ApprovalKind says what a [PlacementApproval] approves. It marshals as
// "location" or "key-stage-4"; the zero value is ApprovalKindUnknown.
type ApprovalKind uint8

const (
	ApprovalKindUnknown ApprovalKind = iota // not recorded
	// ApprovalKindLocation: the placement's location, and the approval of an
	// out-of-area or distant placement (CPPCR reg 11; STAB-03).
	ApprovalKindLocation
	// ApprovalKindKeyStage4: a change of placement during Key Stage 4 (CPPCR
	// reg 10; STAB-04), keyed to the start of the new placement.
	ApprovalKindKeyStage4
)

var approvalKindNames = [...]string{"", "location", "key-stage-4"}

// String returns "location", "key-stage-4", "" for ApprovalKindUnknown and
// "ApprovalKind(n)" for a value outside the list.
func (k ApprovalKind) String() string {
	if int(k) < len(approvalKindNames) {
		return approvalKindNames[k]
	}
	return fmt.Sprintf("ApprovalKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k ApprovalKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(approvalKindNames), "approval kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *ApprovalKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, approvalKindNames[:], "approval kind")
	*k = ApprovalKind(i)
	return err
}

// PlacementApproval records a fact and decision about one placement, keyed
// to it by the placement's start date (the Start of the episode that began
// it): its location and the approval of an out-of-area or distant
// placement (Kind ApprovalKindLocation), or the approval of a change of
// placement during Key Stage 4 (Kind ApprovalKindKeyStage4). At most one
// record of each kind per placement.
type PlacementApproval struct {
	Placement Date         `json:"placement"`
	Kind      ApprovalKind `json:"kind"`
	// Location is where the placement is; required for ApprovalKindLocation,
	// unused otherwise.
	Location PlacementLocation `json:"location,omitzero"`
	// Approver and Approved record who approved and when; both or neither
	// (neither: recorded but not approved).
	Approver Approver `json:"approver,omitzero"`
	Approved Date     `json:"approved,omitzero"`
	// Emergency (Key Stage 4) records that the placement ended in an
	// emergency under CPPCR reg 14, so reg 10 approval did not apply.
	Emergency bool `json:"emergency,omitempty"`
	// NoEducationDisruption (Key Stage 4) records the authority's finding
	// that the change does not disrupt the child's education or training,
	// so reg 10 does not apply.
	NoEducationDisruption bool `json:"no_education_disruption,omitempty"`
	// DesignatedTeacherConsulted and IROConsulted (Key Stage 4) record the
	// consultations reg 10 requires before approval.
	DesignatedTeacherConsulted bool `json:"designated_teacher_consulted,omitempty"`
	IROConsulted               bool `json:"iro_consulted,omitempty"`
}

// StabilityPolicy holds the thresholds of STAB-01 and STAB-03. The zero
// value means the defaults.
type StabilityPolicy struct {
	// Placements is the number of placements in the measured window that
	// STAB-01 reports as instability. Default and maximum 3 (the DfE
	// measures); 2 is stricter.
	Placements int `json:"placements,omitzero"`
	// DistanceMiles is the distance from home beyond which STAB-03 asks for
	// approval of the placement (PL_DISTANCE strictly greater than it).
	// Default and maximum 20 (the DfE band "over 20 miles").
	DistanceMiles decimal.Decimal `json:"distance_miles,omitzero"`
}

// sgTwentyMiles is the default distance limit, 20 miles, held in tenths
// of a mile as SSDA903 records PL_DISTANCE, so that decimal's Cmp compares
// a recorded distance with it without rescaling either.
var sgTwentyMiles = decimal.New(200, -1)

func (p StabilityPolicy) validate(errs *ValidationErrors) {
	sgLimit(errs, "stability.placements", p.Placements, 3, true)
	if p.Placements == 1 {
		errs.Addf("stability.placements", "1 placement is not instability: use 2 or 3")
	}
	switch {
	case p.DistanceMiles.IsNegative():
		errs.Addf("stability.distance_miles", "%s is not a positive distance", p.DistanceMiles.String())
	case p.DistanceMiles.GreaterThan(sgTwentyMiles):
		errs.Addf("stability.distance_miles", "%s is looser than the limit 20 (a local standard may be stricter, never looser)", p.DistanceMiles.String())
	}
}

// sgNewPlacement reports whether episode i starts a new placement for the
// stability measures. With carer false it follows the DfE count of
// placements: the start of each period of care and every change of
// placement (reasons P, T, B and U; L is a change of legal status only).
// With carer true only changes of carer count (P and B; T and U keep the
// carer). Either way, a temporary placement (types T0 to T4) is not a new
// placement, nor is the return from one to the same placement (same type,
// postcode, URN and provider as before the temporary move). Episodes under
// short breaks (V3, V4) are never counted.
func sgNewPlacement(eps []Episode, i int, carer bool) bool {
	e := &eps[i]
	if e.LegalStatus.IsShortBreak() {
		return false
	}
	if i == 0 || !e.Start.Equal(eps[i-1].End) || eps[i-1].LegalStatus.IsShortBreak() {
		return true
	}
	if carer && !e.ReasonNew.ChangesCarer() || !carer && !e.ReasonNew.ChangesPlacement() {
		return false
	}
	if e.PlacementType.IsTemporary() {
		return false
	}
	j := i - 1
	for j > 0 && eps[j].PlacementType.IsTemporary() && eps[j].Start.Equal(eps[j-1].End) {
		j--
	}
	if j == i-1 || eps[j].PlacementType.IsTemporary() {
		return true
	}
	h := &eps[j]
	same := h.PlacementType == e.PlacementType && h.PlacementPostcode == e.PlacementPostcode &&
		h.URN == e.URN && h.Provider == e.Provider
	return !same
}

// PlacementMove is one placement as the stability measures count it: the
// day the child moved into it and the episode that records the move.
type PlacementMove struct {
	Date    Date             `json:"date"`
	Episode int              `json:"episode"`
	Reason  ReasonNewEpisode `json:"reason"`
	// StartsCare marks the first placement of a period of care, which is a
	// placement but not a change of placement.
	StartsCare bool `json:"starts_care,omitempty"`
}

// PlacementMoves returns every placement the DfE stability measures count,
// in order: the first placement of each period of care (StartsCare) and
// each change of placement after it (reasons P, T, B and U). Changes of
// legal status only (L), temporary placements (types T0 to T4) and the
// return from a temporary placement to the same placement are not moves;
// short-break (V3, V4) episodes are left out. It expects episodes that pass
// [ValidateEpisodes] and returns a fresh slice. See also [CountPlacements]
// and [StabilityOn].
func PlacementMoves(eps []Episode) []PlacementMove {
	var out []PlacementMove
	for i, e := range eps {
		if sgNewPlacement(eps, i, false) {
			starts := i == 0 || !e.Start.Equal(eps[i-1].End) || eps[i-1].LegalStatus.IsShortBreak()
			out = append(out, PlacementMove{Date: e.Start, Episode: i, Reason: e.ReasonNew, StartsCare: starts})
		}
	}
	return out
}

// CountPlacements returns the number of placements, in the sense of
// [PlacementMoves], that the child had at any time during window: the
// placement the child was in on the window's first day, if any, plus each
// one that started inside it. This is how the DfE counts "placements during
// the year". The window is half-open ([Period]); an ongoing window has no
// end. It does not allocate.
func CountPlacements(eps []Episode, window Period) int {
	if window.IsEmpty() {
		return 0
	}
	n := 0
	atStart, startCounted := false, false
	// Episodes are in date order: skip those that ended before the window.
	first, _ := EpisodeOn(eps, window.Start)
	for i := first; i < len(eps); i++ {
		e := &eps[i]
		if !window.End.IsZero() && !e.Start.Before(window.End) {
			break
		}
		if sgNewPlacement(eps, i, false) && window.Contains(e.Start) {
			n++
			if e.Start.Equal(window.Start) {
				startCounted = true
			}
		}
		if !e.LegalStatus.IsShortBreak() && e.Period().Contains(window.Start) {
			atStart = true
		}
	}
	if atStart && !startCounted {
		n++
	}
	return n
}

// StabilityMeasures are the DfE placement stability measures for one child
// as of a date, computed as the DfE computes them on 31 March but for any
// day. Windows end on AsOf inclusive: the 12 months to 31 March 2025 are 1
// April 2024 to 31 March 2025.
type StabilityMeasures struct {
	AsOf Date `json:"as_of"`
	// Included reports whether the child was looked after on AsOf other
	// than under an agreed series of short breaks; if not, no measure
	// applies and the other fields are zero.
	Included bool `json:"included"`
	// CareSince is the start of the continuous period of care that
	// includes AsOf.
	CareSince Date `json:"care_since,omitzero"`
	// PlacementsYear is the number of placements in the 12 months to AsOf
	// (STAB-01).
	PlacementsYear int `json:"placements_year"`
	// TwoYears reports whether the child had been looked after
	// continuously for 2 years on AsOf; PlacementsTwoYears is then the
	// number of placements in those 2 years (STAB-01, two-year measure).
	TwoYears           bool `json:"two_years"`
	PlacementsTwoYears int  `json:"placements_two_years,omitempty"`
	// LongTerm reports whether the long-term measure applies: under 16 on
	// AsOf and looked after continuously for at least 2½ years (30
	// months). SameCarerSince is when the child's current carer started
	// caring for them (changes that keep the carer, T and U, and temporary
	// moves do not reset it); LongTermStable reports 2 years or more with
	// that carer (STAB-02).
	LongTerm       bool `json:"long_term"`
	SameCarerSince Date `json:"same_carer_since,omitzero"`
	LongTermStable bool `json:"long_term_stable"`
}

// StabilityOn returns the stability measures for child c with episodes eps
// as of asOf (see [StabilityMeasures]). "Looked after for 2 years on asOf"
// means continuously since at least the day after the date 2 years before
// asOf (the DfE's 1 April two years earlier, for 31 March); 2½ years and
// "2 years with the same carer" are counted the same way, by calendar
// months ([Date.AddMonths]). Short-break children are excluded, as the
// DfE excludes them. It expects episodes that pass [ValidateEpisodes], and
// does not allocate. DfE, Stability measures for children looked after in
// England. See also [CountPlacements].
func StabilityOn(c Child, eps []Episode, asOf Date) StabilityMeasures {
	m := StabilityMeasures{AsOf: asOf}
	idx, ok := EpisodeOn(eps, asOf)
	if asOf.IsZero() || !ok || eps[idx].LegalStatus.IsShortBreak() {
		return m
	}
	m.Included = true
	start := idx
	for start > 0 && eps[start].Start.Equal(eps[start-1].End) && !eps[start-1].LegalStatus.IsShortBreak() {
		start--
	}
	m.CareSince = eps[start].Start
	carer := idx
	for carer > start && !sgNewPlacement(eps, carer, true) {
		carer--
	}
	m.SameCarerSince = eps[carer].Start
	end := asOf.AddDays(1)
	m.PlacementsYear = CountPlacements(eps, Period{Start: asOf.AddYears(-1).AddDays(1), End: end})
	two := asOf.AddYears(-2).AddDays(1)
	if !m.CareSince.After(two) {
		m.TwoYears = true
		m.PlacementsTwoYears = CountPlacements(eps, Period{Start: two, End: end})
	}
	if AgeOn(c.DateOfBirth, asOf) < 16 && !c.DateOfBirth.IsZero() && !m.CareSince.After(asOf.AddMonths(-30).AddDays(1)) {
		m.LongTerm = true
		m.LongTermStable = !m.SameCarerSince.After(two)
	}
	return m
}

// sgKeyStage4 reports whether a child born on dob is of Key Stage 4 age on
// day d: in school year 10 or 11 of the English school year (1 September to
// 31 August), that is aged 14 or 15 on the 31 August before the school year
// began. Children educated out of their age group are not recognised.
func sgKeyStage4(dob, d Date) bool {
	if dob.IsZero() || d.IsZero() {
		return false
	}
	y, m, _ := d.Date()
	if m < time.September {
		y--
	}
	// The age on 31 August of year y, as AgeOn counts it. A cut-off
	// before the birth, or outside the calendar, gives an age below 14.
	by, bm, _ := dob.Date()
	age := y - by
	if bm > time.August {
		age--
	}
	return age == 14 || age == 15
}

func validatePlacementApprovals(errs *ValidationErrors, as []PlacementApproval, eps []Episode) {
	for i, a := range as {
		path := func(f string) string { return JoinPath(Index("placement_approvals", i), f) }
		switch {
		case a.Placement.IsZero():
			errs.Add(path("placement"), ErrRequired)
		case !sgEpisodeStarts(eps, a.Placement):
			errs.Addf(path("placement"), "no episode starts on %s", a.Placement)
		}
		switch {
		case a.Kind == ApprovalKindUnknown:
			errs.Add(path("kind"), ErrRequired)
		case int(a.Kind) >= len(approvalKindNames):
			errs.Add(path("kind"), fmt.Errorf("%w: %s", ErrUnknownCode, a.Kind))
		}
		switch {
		case int(a.Location) >= len(locationNames):
			errs.Add(path("location"), fmt.Errorf("%w: %s", ErrUnknownCode, a.Location))
		case a.Kind == ApprovalKindLocation && a.Location == PlacementLocationUnknown:
			errs.Add(path("location"), ErrRequired)
		case a.Kind == ApprovalKindKeyStage4 && a.Location != PlacementLocationUnknown:
			errs.Addf(path("location"), "a location belongs on a location record, not a key-stage-4 approval")
		}
		if field, err := approvalProblem(a.Approver, a.Approved); err != nil {
			errs.Add(path(field), err)
		}
		if a.Kind == ApprovalKindKeyStage4 && a.Emergency && !a.Approved.IsZero() {
			errs.Addf(path("emergency"), "an emergency move under reg 14 needs no reg 10 approval, but one is recorded")
		}
		for j := range i {
			if b := as[j]; b.Kind == a.Kind && b.Placement.Equal(a.Placement) && !a.Placement.IsZero() {
				errs.Addf(path("placement"), "overlapping approvals: placement_approvals[%d] already records a %s approval for the placement of %s", j, a.Kind, a.Placement)
				break
			}
		}
	}
}

// approvalProblem checks an approver and approval date recorded together,
// returning the field at fault and why; "" if there is no problem.
func approvalProblem(who Approver, on Date) (string, error) {
	switch {
	case int(who) >= len(approverNames):
		return "approver", fmt.Errorf("%w: %s", ErrUnknownCode, who)
	case who == ApproverUnknown && !on.IsZero():
		return "approver", fmt.Errorf("%w: an approval date is recorded", ErrRequired)
	case who != ApproverUnknown && on.IsZero():
		return "approved", fmt.Errorf("%w: an approver is recorded", ErrRequired)
	}
	return "", nil
}

func sgEpisodeStarts(eps []Episode, d Date) bool {
	for _, e := range eps {
		if e.Start.Equal(d) {
			return true
		}
	}
	return false
}

func sgFindApproval(as []PlacementApproval, kind ApprovalKind, start Date) (int, bool) {
	for i, a := range as {
		if a.Kind == kind && a.Placement.Equal(start) {
			return i, true
		}
	}
	return 0, false
}

// The kinds of STAB finding.
var (
	kindSTAB01Year = Kind{Rule: &ruleSTAB01, What: "placements in the 12 months", Anchor: "the window's first day",
		Extra: "the window's last day", Problems: sgPlacementThresholds, Met: "below the threshold", Message: appendSTAB01}
	kindSTAB01TwoYears = Kind{Rule: &ruleSTAB01, What: "placements in the 2 years", Anchor: "the window's first day",
		Extra: "the window's last day", Problems: sgPlacementThresholds, Met: "below the threshold", Message: appendSTAB01}
	kindSTAB02 = Kind{Rule: &ruleSTAB02, What: "long-term stability", Anchor: "placed with the current carer",
		AnchorAt: "episodes[]", Extra: "looked after since", ExtraAt: "episodes[]",
		Problems: []string{"less than 2 years with the same carer"}, Met: "2 years or more with the same carer"}
	kindSTAB03Far = Kind{Rule: &ruleSTAB03, What: "placement", Subject: "episodes[]",
		Anchor: "placement started", Done: "approved", DoneAt: "placement_approvals[]", Extra: "approved", ExtraAt: "placement_approvals[]",
		Problems: []string{"not approved by the nominated officer", "approved after the child was placed"},
		Met:      "approved by the nominated officer before placing", Message: appendSTAB03}
	kindSTAB03Adjoining = Kind{Rule: &ruleSTAB03, What: "placement in an adjoining authority", Subject: "episodes[]",
		Anchor: "placement started", Done: "approved", DoneAt: "placement_approvals[]", Extra: "approved", ExtraAt: "placement_approvals[]",
		Problems: []string{"not approved by the nominated officer", "approved after the child was placed"},
		Met:      "approved by the nominated officer before placing", Message: appendSTAB03}
	kindSTAB03Distant = Kind{Rule: &ruleSTAB03, What: "distant placement (outside the authority, not adjoining it)", Subject: "episodes[]",
		Anchor: "placement started", Done: "approved", DoneAt: "placement_approvals[]", Extra: "approved", ExtraAt: "placement_approvals[]",
		Problems: []string{"not approved by the Director of Children's Services", "approved after the child was placed",
			"approved by the nominated officer only: the Director's approval is needed"},
		Met: "approved by the Director of Children's Services before placing", Message: appendSTAB03}
	kindSTAB04 = Kind{Rule: &ruleSTAB04, What: "approval of a change of placement in Key Stage 4", Subject: "episodes[]",
		Anchor: "change of placement in Key Stage 4", Done: "approved", DoneAt: "placement_approvals[]",
		Extra: "approved", ExtraAt: "placement_approvals[]",
		Problems: []string{"not approved by the nominated officer", "approved after the move",
			"approved without consulting the designated teacher", "approved without consulting the IRO"},
		Met: "approved by the nominated officer before the move, after consulting the designated teacher and the IRO"}
)

// sgPlacementThresholds are the problems of a STAB-01 check: bit 0 for the
// default threshold of 3, bit 1 for the stricter local threshold of 2 (the
// only values [StabilityPolicy] allows).
var sgPlacementThresholds = []string{"at or above the threshold of 3", "at or above the local threshold of 2"}

// stability records the findings of STAB-01 to STAB-04.
func (s *sgAssessor) stability() {
	eps := s.eps
	if len(eps) == 0 || IsShortBreakOnly(eps) {
		return
	}
	m := StabilityOn(s.h.Child(), eps, s.asOf)
	if m.Included {
		end := s.asOf.AddDays(1)
		s.placementCount(&kindSTAB01Year, Period{Start: s.asOf.AddYears(-1).AddDays(1), End: end}, m.PlacementsYear)
		// The 2 years hold the 12 months: placements that breach the
		// threshold in the 12 months breach it in the 2 years too, so the
		// two-year measure is reported only when it says something more.
		if m.TwoYears && m.PlacementsYear < cmp.Or(s.p.Stability.Placements, 3) {
			s.placementCount(&kindSTAB01TwoYears, Period{Start: s.asOf.AddYears(-2).AddDays(1), End: end}, m.PlacementsTwoYears)
		}
		if m.LongTerm {
			carer, _ := EpisodeOn(eps, m.SameCarerSince)
			since, _ := EpisodeOn(eps, m.CareSince)
			var problems Problems
			if !m.LongTermStable {
				problems = Problem(0)
			}
			s.e.Check(&kindSTAB02, Obligation{Anchor: m.SameCarerSince, AnchorAt: At(carer), Extra: m.CareSince, ExtraAt: At(since)}, problems)
		}
	}
	s.placementApprovals()
}

// placementCount records a STAB-01 check of window w, in which the child
// had n placements: a Breach at or above the policy's threshold.
func (s *sgAssessor) placementCount(k *Kind, w Period, n int) {
	threshold := cmp.Or(s.p.Stability.Placements, 3)
	var problems Problems
	if n >= threshold {
		problems = Problem(0)
		if threshold == 2 {
			problems = Problem(1)
		}
	}
	last, _ := w.Last()
	s.e.Check(k, Obligation{Anchor: w.Start, Extra: last, Quantity: n}, problems)
}

// appendSTAB01 renders a STAB-01 check with its count: "placements in the
// 12 months from 1 April 2024 to 31 March 2025: 3, at or above the
// threshold of 3".
func appendSTAB01(b []byte, f Finding) []byte {
	k := f.Kind()
	b = append(b, k.What...)
	b = append(b, " from "...)
	b = f.Anchor().AppendFormat(b)
	b = append(b, " to "...)
	b = f.Extra().AppendFormat(b)
	b = append(b, ": "...)
	b = strconv.AppendInt(b, int64(f.Quantity()), 10)
	b = append(b, ", "...)
	return appendProblems(b, k, f)
}

// appendProblems appends the problems of a check, "; " between them, or
// its Met words.
func appendProblems(b []byte, k *Kind, f Finding) []byte {
	if f.Status != Breach {
		return append(b, k.Met...)
	}
	n := 0
	for i, p := range k.Problems {
		if f.Problems().Has(i) {
			if n > 0 {
				b = append(b, "; "...)
			}
			b = append(b, p...)
			n++
		}
	}
	return b
}

// placementApprovals records STAB-03 and STAB-04, placement by placement
// (as the stability measures count placements: [PlacementMoves]), for each
// placement started by the assessment date.
func (s *sgAssessor) placementApprovals() {
	eps := s.eps
	for i := range eps {
		if !sgNewPlacement(eps, i, false) || eps[i].Start.After(s.asOf) {
			continue
		}
		s.distanceApproval(i)
		changed := i > 0 && eps[i].Start.Equal(eps[i-1].End) && !eps[i-1].LegalStatus.IsShortBreak()
		if changed && sgKeyStage4(s.h.Child().DateOfBirth, eps[i].Start) {
			s.keyStage4Approval(i)
		}
	}
}

// distanceApproval records the STAB-03 check of the placement starting at
// episode i, if it needs approval: by the Director for a distant placement
// (outside the authority, not adjoining it), by the nominated officer for
// one in an adjoining authority or more than the distance limit from home.
// The distance is the farthest recorded in the placement's episodes
// (temporary placements aside), compared with decimal's own Cmp.
func (s *sgAssessor) distanceApproval(i int) {
	eps := s.eps
	start := eps[i].Start
	limit := s.p.Stability.DistanceMiles
	if limit.IsZero() {
		limit = sgTwentyMiles
	}
	var far decimal.Decimal
	farAt := -1
	// The placement runs until the next counted placement or a gap.
	for k := i; k < len(eps); k++ {
		if k > i && (sgNewPlacement(eps, k, false) || !eps[k].Start.Equal(eps[k-1].End)) {
			break
		}
		if d := eps[k].DistanceMiles; d.Valid && !eps[k].PlacementType.IsTemporary() && (farAt < 0 || d.Decimal.Cmp(far) > 0) {
			far, farAt = d.Decimal, k
		}
	}
	isFar := farAt >= 0 && far.Cmp(limit) > 0
	ai, has := sgFindApproval(s.r.PlacementApprovals, ApprovalKindLocation, start)
	var a PlacementApproval
	if has {
		a = s.r.PlacementApprovals[ai]
	}
	var k *Kind
	need := ApproverNominatedOfficer
	switch {
	case a.Location == PlacementLocationDistant:
		k, need = &kindSTAB03Distant, ApproverDirector
	case a.Location == PlacementLocationAdjoining:
		k = &kindSTAB03Adjoining
	case isFar:
		k = &kindSTAB03Far
	default:
		return
	}
	o := Obligation{Subject: At(i), Anchor: start}
	if isFar {
		o.Quantity, o.Limit = tenthsOfMile(far), tenthsOfMile(limit)
	}
	problems := approvalProblems(a.Approver, a.Approved, start, s.asOf, need)
	s.e.Check(k, s.approved(o, a.Approved, ai, problems), problems)
}

// approvalProblems returns the problems of an approval made on day on by
// who, needed from need on or before day by, as of asOf, in the order of
// the approval kinds' Problems (STAB-03, STAB-04, LEAV-04): 0 not
// approved, 1 approved after by, 2 approved by a junior office.
func approvalProblems(who Approver, on, by, asOf Date, need Approver) Problems {
	if on.IsZero() || on.After(asOf) {
		return Problem(0)
	}
	var p Problems
	if on.After(by) {
		p |= Problem(1)
	}
	if !who.Satisfies(need) {
		p |= Problem(2)
	}
	return p
}

// approved returns o with the approval made on day on (record ai of the
// kind's DoneAt list) as the record that met it, or, for a check that
// found problems, as its extra fact. An approval after the assessment
// date is not yet made.
func (s *sgAssessor) approved(o Obligation, on Date, ai int, problems Problems) Obligation {
	if on.IsZero() || on.After(s.asOf) {
		return o
	}
	if problems == 0 {
		o.Done, o.DoneAt = on, At(ai)
	} else {
		o.Extra, o.ExtraAt = on, At(ai)
	}
	return o
}

// tenthsOfMile returns a distance in whole tenths of a mile, as a finding
// holds it (decimal's Round), at most 9,999,999 tenths.
func tenthsOfMile(d decimal.Decimal) int {
	return int(min(d.Round(1).Shift(1).IntPart(), 9_999_999))
}

// appendSTAB03 renders a STAB-03 check, with the distance and the limit
// for a placement beyond it: "placement started on 8 January 2024, 25.3
// miles from home (limit 20 miles): not approved by the nominated
// officer".
func appendSTAB03(b []byte, f Finding) []byte {
	k := f.Kind()
	b = append(b, k.What...)
	b = append(b, " started on "...)
	b = f.Anchor().AppendFormat(b)
	if q := f.Quantity(); q > 0 {
		b = append(b, ", "...)
		b = appendTenths(b, q, true)
		b = append(b, " miles from home (limit "...)
		b = appendTenths(b, f.Limit(), false)
		b = append(b, " miles)"...)
	}
	b = append(b, ": "...)
	return appendProblems(b, k, f)
}

// appendTenths appends n tenths of a mile, "25.3", or "20" for a whole
// number when fixed is false.
func appendTenths(b []byte, n int, fixed bool) []byte {
	b = strconv.AppendInt(b, int64(n/10), 10)
	if fixed || n%10 != 0 {
		b = append(b, '.', byte('0'+n%10))
	}
	return b
}

// keyStage4Approval records the STAB-04 check of the change of placement
// at episode i, made while the child was of Key Stage 4 age: approved by
// the nominated officer on or before the day of the move, after consulting
// the designated teacher and the IRO. The consultations are checked only
// once the change is approved: while it is not, that is the finding. An
// emergency move (reg 14), or one recorded as not disrupting the child's
// education, needs no approval.
func (s *sgAssessor) keyStage4Approval(i int) {
	start := s.eps[i].Start
	ai, has := sgFindApproval(s.r.PlacementApprovals, ApprovalKindKeyStage4, start)
	var a PlacementApproval
	if has {
		a = s.r.PlacementApprovals[ai]
		if a.Emergency || a.NoEducationDisruption {
			return
		}
	}
	// A nominated officer's approval is the least an approver can give.
	problems := approvalProblems(a.Approver, a.Approved, start, s.asOf, ApproverNominatedOfficer) &^ Problem(2)
	if !problems.Has(0) {
		if !a.DesignatedTeacherConsulted {
			problems |= Problem(2)
		}
		if !a.IROConsulted {
			problems |= Problem(3)
		}
	}
	s.e.Check(&kindSTAB04, s.approved(Obligation{Subject: At(i), Anchor: start}, a.Approved, ai, problems), problems)
}

var ruleSTAB01 = Rule{
	ID:    STAB01,
	Title: "Three or more placements in the last 12 months, or in the last 2 years for a child looked after 2 years",
	Text: "Counted as the DfE counts placements: the placement the child was in at the start of the window plus " +
		"each placement that started in it; changes of legal status only (L), temporary placements (T0 to T4) and " +
		"the return from one to the same placement are not placements; short-break children (V3, V4) are " +
		"excluded. The windows end on the assessment date inclusive (12 months to 31 March = 1 April to 31 March). " +
		"The two-year measure applies to a child looked after continuously for the whole 2 years, and is reported " +
		"only when the 12-month measure is below the threshold (the 2 years hold the 12 months, so a breach of " +
		"the 12-month measure is a breach of the two-year one: the instability is reported once). A measure, not " +
		"a timescale: a check of the child looked after on the assessment date, Met below the threshold and a " +
		"Breach at or above it, whose message gives the number of placements.",
	Citation: sgCite(sgStability, "3 or more placements; two-year measure"),
	Severity: SeverityLocal,
	Domain:   DomainStability,
	Reads:    FamilyEpisodes, Package: "care",
	File:    "care/stability.go",
	Default: "3",
	Policy:  []string{"Stability.Placements"},
}

var ruleSTAB02 = Rule{
	ID:    STAB02,
	Title: "Long-term stability: under 16, looked after 2½ years or more, living with the same carer for 2 years or more",
	Text: "Applies to a child under 16 on the assessment date who has been looked after continuously for at least " +
		"30 months. Met if the child has lived with the same carer for at least 2 years (moves that keep the " +
		"carer, T and U, and temporary placements do not break it), otherwise a Breach. Months are calendar " +
		"months ending on the assessment date inclusive. A measure, not a timescale: it has no window.",
	Citation: sgCite(sgStability, "long-term stability"),
	Severity: SeverityLocal,
	Domain:   DomainStability,
	Reads:    FamilyEpisodes, Package: "care",
	File:    "care/stability.go",
	Default: "2 years",
}

var ruleSTAB03 = Rule{
	ID:    STAB03,
	Title: "Placement more than 20 miles from home or outside the authority approved before placing (distant placements by the Director)",
	Text: "A placement outside the authority's area needs the nominated officer's approval, and a distant one " +
		"(outside the area and not in an adjoining authority) the Director of Children's Services' approval, " +
		"before the child is placed (CPPCR reg 11 as amended by SI 2013/3239). A placement more than 20 miles " +
		"from home (SSDA903 PL_DISTANCE > 20, the farthest distance recorded in its episodes) that is not recorded " +
		"as out of area needs the nominated officer's approval: a local standard the library applies by default. " +
		"A check of each placement that needs approval, with no window: Met if approved by the right office on or " +
		"before the placement's first day, otherwise a Breach saying whether it was not approved, approved late, " +
		"or approved by the nominated officer where the Director's approval is needed; the message gives the " +
		"distance and the limit. Temporary placements are not assessed.",
	Citation: sgCPPCR("reg 11", "regulation/11"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainStability,
	Reads:    FamilyApprovals, Package: "care",
	File:    "care/stability.go",
	Default: "20 miles",
	Policy:  []string{"Stability.DistanceMiles"},
}

var ruleSTAB04 = Rule{
	ID:    STAB04,
	Title: "Placement change during Key Stage 4 approved by the nominated officer",
	Text: "A change of placement (P, T, B or U, not a temporary move) while the child is of Key Stage 4 age " +
		"(aged 14 or 15 on the 31 August before the school year) needs the nominated officer's approval on or " +
		"before the day of the move, after the designated teacher and the IRO have been consulted. It does not " +
		"apply to an emergency ending under reg 14, or where the record states the change does not disrupt the " +
		"child's education. A check of each such move, with no window: Met, or one Breach naming every problem; " +
		"the consultations are checked only once the move is approved.",
	Citation: sgCPPCR("reg 10", "regulation/10"),
	InForce:  Period{Start: sgCPPCRInForce},
	Severity: SeverityStatutory,
	Domain:   DomainStability,
	Reads:    FamilyApprovals, Package: "care",
	File: "care/stability.go",
}
