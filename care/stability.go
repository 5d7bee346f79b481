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
// "distant"; the zero value, LocationUnknown, means not recorded.
type PlacementLocation uint8

const (
	LocationUnknown   PlacementLocation = iota // not recorded
	LocationInArea                             // inside the authority's area
	LocationAdjoining                          // outside the area, in an adjoining authority's area
	LocationDistant                            // outside the area and not in an adjoining authority
)

var locationNames = [...]string{"", "in-area", "adjoining", "distant"}

// String returns "in-area", "adjoining", "distant", "" for LocationUnknown
// and "%!PlacementLocation(n)" for a value outside the list.
func (l PlacementLocation) String() string {
	if int(l) < len(locationNames) {
		return locationNames[l]
	}
	return fmt.Sprintf("%%!PlacementLocation(%d)", uint8(l))
}

// IsOutOfArea reports whether l is outside the authority's area.
func (l PlacementLocation) IsOutOfArea() bool { return l == LocationAdjoining || l == LocationDistant }

// MarshalText implements [encoding.TextMarshaler].
func (l PlacementLocation) MarshalText() ([]byte, error) {
	return marshalName(l.String(), int(l), len(locationNames), "placement location")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is LocationUnknown.
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
	// ApprovalLocation: the placement's location, and the approval of an
	// out-of-area or distant placement (CPPCR reg 11; STAB-03).
	ApprovalLocation
	// ApprovalKeyStage4: a change of placement during Key Stage 4 (CPPCR
	// reg 10; STAB-04), keyed to the start of the new placement.
	ApprovalKeyStage4
)

var approvalKindNames = [...]string{"", "location", "key-stage-4"}

// String returns "location", "key-stage-4", "" for ApprovalKindUnknown and
// "%!ApprovalKind(n)" for a value outside the list.
func (k ApprovalKind) String() string {
	if int(k) < len(approvalKindNames) {
		return approvalKindNames[k]
	}
	return fmt.Sprintf("%%!ApprovalKind(%d)", uint8(k))
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
// placement (Kind ApprovalLocation), or the approval of a change of
// placement during Key Stage 4 (Kind ApprovalKeyStage4). At most one
// record of each kind per placement.
type PlacementApproval struct {
	Placement Date         `json:"placement"`
	Kind      ApprovalKind `json:"kind"`
	// Location is where the placement is; required for ApprovalLocation,
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

var sgTwentyMiles = decimal.NewFromInt(20)

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
		case a.Kind == ApprovalLocation && a.Location == LocationUnknown:
			errs.Add(path("location"), ErrRequired)
		case a.Kind == ApprovalKeyStage4 && a.Location != LocationUnknown:
			errs.Addf(path("location"), "a location belongs on a location record, not a key-stage-4 approval")
		}
		if field, err := approvalProblem(a.Approver, a.Approved); err != nil {
			errs.Add(path(field), err)
		}
		if a.Kind == ApprovalKeyStage4 && a.Emergency && !a.Approved.IsZero() {
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

func (r Record) assessStability(asOf Date, p StabilityPolicy, rep *Report) {
	eps := r.Episodes
	if len(eps) == 0 || IsShortBreakOnly(eps) {
		return
	}
	m := StabilityOn(r.Child, eps, asOf)
	if m.Included {
		threshold := cmp.Or(p.Placements, 3)
		rule := &sgSTAB01
		end := asOf.AddDays(1)
		rep.Add(placementCountFinding(rule, eps, Period{Start: asOf.AddYears(-1).AddDays(1), End: end}, m.PlacementsYear, threshold, "12 months"))
		if m.TwoYears {
			rep.Add(placementCountFinding(rule, eps, Period{Start: asOf.AddYears(-2).AddDays(1), End: end}, m.PlacementsTwoYears, threshold, "2 years"))
		}
		if m.LongTerm {
			st := Met
			if !m.LongTermStable {
				st = Breach
			}
			f := NewFinding(sgSTAB02, "child", st)
			var buf [128]byte
			var b []byte
			if st == Met {
				b = append(buf[:0], "with the same carer since "...)
				b = appendDate(b, m.SameCarerSince)
				b = append(b, ", 2 years or more"...)
			} else {
				b = append(buf[:0], "looked after since "...)
				b = appendDate(b, m.CareSince)
				b = append(b, " but with the current carer only since "...)
				b = appendDate(b, m.SameCarerSince)
				b = append(b, ", less than 2 years"...)
			}
			f.Message = string(b)
			f.Evidence = []Evidence{{Label: "looked after since", Date: m.CareSince}, {Label: "same carer since", Date: m.SameCarerSince}}
			rep.Add(f)
		}
	}
	r.assessPlacements(asOf, p, rep)
}

func placementCountFinding(rule *Rule, eps []Episode, w Period, n, threshold int, span string) Finding {
	st := Met
	if n >= threshold {
		st = Breach
	}
	last, _ := w.Last()
	var buf [128]byte
	b := append(buf[:0], "placements in the "...)
	b = append(b, span...)
	b = append(b, " to "...)
	b = appendDate(b, last)
	f := NewFinding(*rule, string(b), st)
	b = strconv.AppendInt(buf[:0], int64(n), 10)
	b = append(b, " placements in the "...)
	b = append(b, span...)
	b = append(b, " from "...)
	b = appendDate(b, w.Start)
	b = append(b, " to "...)
	b = appendDate(b, last)
	b = append(b, " (threshold "...)
	b = strconv.AppendInt(b, int64(threshold), 10)
	b = append(b, ')')
	f.Message = string(b)
	f.Evidence = make([]Evidence, 0, n)
	for i := range eps {
		e := &eps[i]
		switch {
		case !e.Start.Before(w.End):
		case sgNewPlacement(eps, i, false) && w.Contains(e.Start):
			f.Evidence = append(f.Evidence, Evidence{Label: "placement from", Date: e.Start, Ref: Index("episodes", i)})
		case !e.LegalStatus.IsShortBreak() && e.Period().Contains(w.Start):
			f.Evidence = append(f.Evidence, Evidence{Label: "placement at the window's start, episode from", Date: e.Start, Ref: Index("episodes", i)})
		}
	}
	return f
}

// assessPlacements evaluates STAB-03 and STAB-04 placement by placement.
func (r Record) assessPlacements(asOf Date, p StabilityPolicy, rep *Report) {
	eps := r.Episodes
	limit := sgOrDecimal(p.DistanceMiles, sgTwentyMiles)
	defaultLimit := p.DistanceMiles.IsZero()
	r03, r04 := &sgSTAB03, &sgSTAB04
	for i := 0; i < len(eps); i++ {
		if !sgNewPlacement(eps, i, false) || eps[i].Start.After(asOf) {
			continue
		}
		start := eps[i].Start
		// The placement runs until the next counted placement or a gap.
		far, farAt := decimal.Decimal{}, -1
		for k := i; k < len(eps); k++ {
			if k > i && (sgNewPlacement(eps, k, false) || !eps[k].Start.Equal(eps[k-1].End)) {
				break
			}
			if d := eps[k].DistanceMiles; d.Valid && !eps[k].PlacementType.IsTemporary() && (farAt < 0 || sgDecimalCmp(d.Decimal, far) > 0) {
				far, farAt = d.Decimal, k
			}
		}
		// The subject is built only for a placement that has a finding,
		// once, and shared by its findings.
		var subject string
		if r03.InForceOn(start) {
			subject = r.distanceFinding(r03, i, start, far, farAt, limit, defaultLimit, asOf, subject, rep)
		}
		changed := i > 0 && start.Equal(eps[i-1].End) && !eps[i-1].LegalStatus.IsShortBreak()
		if changed && r04.InForceOn(start) && sgKeyStage4(r.Child.DateOfBirth, start) {
			r.keyStage4Finding(r04, i, start, asOf, subject, rep)
		}
	}
}

// sgPlacementSubject returns subject if it is set, and otherwise the
// subject of the placement that started on start: "placement 2025-01-06".
func sgPlacementSubject(subject string, start Date) string {
	if subject != "" {
		return subject
	}
	var buf [24]byte
	return string(appendDate(append(buf[:0], "placement "...), start))
}

// distanceFinding appends the STAB-03 finding of the placement starting at
// episode i, if it needs approval, and returns the placement's subject
// (subject, or the one it built; "" if it has no finding).
func (r Record) distanceFinding(rule *Rule, i int, start Date, far decimal.Decimal, farAt int, limit decimal.Decimal, defaultLimit bool, asOf Date, subject string, rep *Report) string {
	ai, has := sgFindApproval(r.PlacementApprovals, ApprovalLocation, start)
	var a PlacementApproval
	if has {
		a = r.PlacementApprovals[ai]
	}
	isFar := farAt >= 0 && sgDecimalCmp(far, limit) > 0
	need := ApproverUnknown
	var why string
	switch {
	case a.Location == LocationDistant:
		need, why = ApproverDirector, "outside the authority and not in an adjoining one (distant)"
	case a.Location == LocationAdjoining:
		need, why = ApproverNominatedOfficer, "outside the authority, in an adjoining one"
	case isFar:
		need = ApproverNominatedOfficer
	}
	if need == ApproverUnknown {
		return subject
	}
	subject = sgPlacementSubject(subject, start)
	extra := 0
	if farAt >= 0 {
		extra++
	}
	if has {
		extra++
	}
	d := Deadline{Rule: rule.ID, Due: start, Anchor: start, AnchorLabel: "placement started", Count: 0, Unit: Days}
	f := sgDeadlineFinding(d, rule, subject, a.Approved, asOf, extra)
	f.Evidence[0].Ref = Index("episodes", i)
	breach := !a.Approved.IsZero() && !a.Approved.After(asOf) && !a.Approver.Satisfies(need)
	// The distance, as decimal's StringFixed(1) writes it: "12.3".
	var mbuf [24]byte
	var miles []byte
	if farAt >= 0 {
		miles = sgAppendMiles(mbuf[:0], far)
	}
	var buf [256]byte
	b := append(buf[:0], "placement "...)
	if why != "" {
		b = append(b, why...)
	} else {
		b = append(b, "more than "...)
		if defaultLimit {
			b = append(b, sgTwentyMilesText...)
		} else {
			b = append(b, limit.String()...)
		}
		b = append(b, " miles from home"...)
	}
	if isFar {
		b = append(b, " ("...)
		b = append(b, miles...)
		b = append(b, " miles)"...)
	}
	b = append(b, ": approval by the "...)
	b = append(b, sgApproverWords(need)...)
	b = append(b, " needed before placing"...)
	if breach {
		f.Status = Breach
		b = append(b, "; approved by the "...)
		b = append(b, sgApproverWords(a.Approver)...)
		b = append(b, " only"...)
	}
	f.Message = string(b)
	if farAt >= 0 {
		b = append(buf[:0], "distance "...)
		b = append(b, miles...)
		b = append(b, " miles"...)
		label := string(b)
		b = appendIndex(buf[:0], "episodes", farAt)
		b = append(b, ".distance_miles"...)
		f.Evidence = append(f.Evidence, Evidence{Label: label, Ref: string(b)})
	}
	if has {
		b = append(buf[:0], "location "...)
		b = append(b, a.Location.String()...)
		b = append(b, sgApprovedWords(a.Approver)...)
		f.Evidence = append(f.Evidence, Evidence{Label: string(b), Date: a.Approved, Ref: Index("placement_approvals", ai)})
	}
	rep.Add(f)
	return subject
}

func (r Record) keyStage4Finding(rule *Rule, i int, start, asOf Date, subject string, rep *Report) {
	ai, has := sgFindApproval(r.PlacementApprovals, ApprovalKeyStage4, start)
	var a PlacementApproval
	var aRef string
	extra := 0
	if has {
		a = r.PlacementApprovals[ai]
		if a.Emergency || a.NoEducationDisruption {
			return
		}
		aRef = Index("placement_approvals", ai)
		extra = 1
	}
	subject = sgPlacementSubject(subject, start)
	d := Deadline{Rule: rule.ID, Due: start, Anchor: start, AnchorLabel: "placement changed in Key Stage 4", Count: 0, Unit: Days}
	f := sgDeadlineFinding(d, rule, subject, a.Approved, asOf, extra)
	f.Evidence[0].Ref = Index("episodes", i)
	f.Message = "change of placement in Key Stage 4: the nominated officer's approval needed before the move"
	if has {
		f.Evidence = append(f.Evidence, Evidence{Label: "Key Stage 4 approval" + sgApprovedWords(a.Approver), Date: a.Approved, Ref: aRef})
	}
	approved := !a.Approved.IsZero() && !a.Approved.After(asOf)
	if approved && !a.Approver.Satisfies(ApproverNominatedOfficer) {
		f.Status = Breach
	}
	rep.Add(f)
	if approved && (!a.DesignatedTeacherConsulted || !a.IROConsulted) {
		b := NewFinding(*rule, subject, Breach)
		switch {
		case !a.DesignatedTeacherConsulted && !a.IROConsulted:
			b.Message = "Key Stage 4 placement change approved without consulting the designated teacher or the IRO"
		case !a.DesignatedTeacherConsulted:
			b.Message = "Key Stage 4 placement change approved without consulting the designated teacher"
		default:
			b.Message = "Key Stage 4 placement change approved without consulting the IRO"
		}
		b.Evidence = []Evidence{{Label: "approved", Date: a.Approved, Ref: aRef}}
		rep.Add(b)
	}
}

func sgApproverWords(a Approver) string {
	switch a {
	case ApproverDirector:
		return "Director of Children's Services"
	case ApproverNominatedOfficer:
		return "nominated officer"
	}
	return "(unrecorded approver)"
}

// sgApprovedWords returns ", not approved" or ", approved by the " and
// the approver's words ([sgApproverWords]), without building a string.
func sgApprovedWords(a Approver) string {
	switch a {
	case ApproverUnknown:
		return ", not approved"
	case ApproverDirector:
		return ", approved by the Director of Children's Services"
	case ApproverNominatedOfficer:
		return ", approved by the nominated officer"
	}
	return ", approved by the (unrecorded approver)"
}

// sgTwentyMilesText is sgTwentyMiles.String(), the default limit in words.
var sgTwentyMilesText = sgTwentyMiles.String()

// sgDecimalCmp returns a.Cmp(b) without allocating when both coefficients
// have at most 18 digits and the exponents are close, as distances are;
// decimal's own Cmp allocates whenever the exponents differ.
func sgDecimalCmp(a, b decimal.Decimal) int {
	ea, eb := a.Exponent(), b.Exponent()
	if ea == eb {
		return a.Cmp(b)
	}
	if ea < -18 || ea > 18 || eb < -18 || eb > 18 || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	ca, cb := a.CoefficientInt64(), b.CoefficientInt64()
	sa, sb := sgSign(ca), sgSign(cb)
	switch {
	case sa != sb:
		return cmp.Compare(sa, sb)
	case sa == 0:
		return 0
	}
	// Same sign: compare magnitudes, scaling the one with the larger
	// exponent down to the other's, in 128 bits.
	ua, ub := sgAbs(ca), sgAbs(cb)
	var c int
	if ea > eb {
		c = sgCmpScaled(ua, int(ea-eb), ub)
	} else {
		c = -sgCmpScaled(ub, int(eb-ea), ua)
	}
	return c * sa
}

func sgSign(v int64) int {
	switch {
	case v < 0:
		return -1
	case v > 0:
		return 1
	}
	return 0
}

func sgAbs(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// sgCmpScaled compares u * 10^k with v, for k from 1 to 36.
func sgCmpScaled(u uint64, k int, v uint64) int {
	for ; k > 0; k-- {
		if u > v/10 {
			// u*10 > v already (u*10 >= (v/10+1)*10 > v) and keeps
			// growing.
			return 1
		}
		u *= 10
	}
	return cmp.Compare(u, v)
}

// sgAppendMiles appends d.StringFixed(1) ("12.3"), without the
// allocations of decimal's formatting when the value fits in an int64.
func sgAppendMiles(b []byte, d decimal.Decimal) []byte {
	e := d.Exponent()
	if e < -18 || e > 14 || d.NumDigits() > 18 || int(e)+d.NumDigits() > 15 {
		return append(b, d.StringFixed(1)...)
	}
	// Round(1) as decimal does it: rescale to two places (truncating
	// toward zero), add or subtract 5 by the sign, truncate one place.
	v := d.CoefficientInt64()
	r := v
	if e != -1 {
		t := v
		switch {
		case e > -2:
			for k := int(e) + 2; k > 0; k-- {
				t *= 10
			}
		case e < -2:
			for k := -2 - int(e); k > 0; k-- {
				t /= 10
			}
		}
		if t < 0 {
			t -= 5
		} else {
			t += 5
		}
		r = t / 10
	}
	// r tenths, as decimal prints a one-place value: sign, integer part
	// ("0" if none), point, one digit.
	if r < 0 {
		b = append(b, '-')
	}
	u := sgAbs(r)
	b = strconv.AppendUint(b, u/10, 10)
	return append(b, '.', byte('0'+u%10))
}

func ruleSTAB01() Rule {
	return Rule{
		ID:    "STAB-01",
		Title: "Three or more placements in the last 12 months, or in the last 2 years for a child looked after 2 years",
		Text: "Counted as the DfE counts placements: the placement the child was in at the start of the window plus " +
			"each placement that started in it; changes of legal status only (L), temporary placements (T0 to T4) and " +
			"the return from one to the same placement are not placements; short-break children (V3, V4) are " +
			"excluded. The windows end on the assessment date inclusive (12 months to 31 March = 1 April to 31 March). " +
			"The two-year measure applies to a child looked after continuously for the whole 2 years. A Met finding " +
			"is emitted below the threshold, a Breach at or above it.",
		Citation: Citation{Instrument: sgStability, Provision: "3 or more placements; two-year measure", URL: sgStabilityURL},
		Severity: SeverityLocal,
		Domain:   DomainStability,
		Package:  "care",
		Default:  "3",
		Policy:   []string{"Stability.Placements"},
	}
}

func ruleSTAB02() Rule {
	return Rule{
		ID:    "STAB-02",
		Title: "Long-term stability: under 16, looked after 2½ years or more, living with the same carer for 2 years or more",
		Text: "Applies to a child under 16 on the assessment date who has been looked after continuously for at least " +
			"30 months. Met if the child has lived with the same carer for at least 2 years (moves that keep the " +
			"carer, T and U, and temporary placements do not break it), otherwise a Breach. Months are calendar " +
			"months ending on the assessment date inclusive.",
		Citation: Citation{Instrument: sgStability, Provision: "long-term stability", URL: sgStabilityURL},
		Severity: SeverityLocal,
		Domain:   DomainStability,
		Package:  "care",
		Default:  "2 years",
	}
}

func ruleSTAB03() Rule {
	return Rule{
		ID:    "STAB-03",
		Title: "Placement more than 20 miles from home or outside the authority approved before placing (distant placements by the Director)",
		Text: "A placement outside the authority's area needs the nominated officer's approval, and a distant one " +
			"(outside the area and not in an adjoining authority) the Director of Children's Services' approval, " +
			"before the child is placed (CPPCR reg 11 as amended by SI 2013/3239). A placement more than 20 miles " +
			"from home (SSDA903 PL_DISTANCE > 20) that is not recorded as out of area needs the nominated officer's " +
			"approval: a local standard the library applies by default. Due on the placement's first day; an " +
			"approval by a junior office is a Breach. Temporary placements are not assessed.",
		Citation: Citation{Instrument: CPPCR, Provision: "reg 11", URL: CPPCRURL + "/regulation/11"},
		InForce:  Period{Start: sgCPPCRInForce},
		Severity: SeverityStatutory,
		Domain:   DomainStability,
		Package:  "care",
		Default:  "20 miles",
		Policy:   []string{"Stability.DistanceMiles"},
	}
}

func ruleSTAB04() Rule {
	return Rule{
		ID:    "STAB-04",
		Title: "Placement change during Key Stage 4 approved by the nominated officer",
		Text: "A change of placement (P, T, B or U, not a temporary move) while the child is of Key Stage 4 age " +
			"(aged 14 or 15 on the 31 August before the school year) needs the nominated officer's approval on or " +
			"before the day of the move, after the designated teacher and the IRO have been consulted. It does not " +
			"apply to an emergency ending under reg 14, or where the record states the change does not disrupt the " +
			"child's education.",
		Citation: Citation{Instrument: CPPCR, Provision: "reg 10", URL: CPPCRURL + "/regulation/10"},
		InForce:  Period{Start: sgCPPCRInForce},
		Severity: SeverityStatutory,
		Domain:   DomainStability,
		Package:  "care",
	}
}
