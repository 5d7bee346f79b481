package care

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
)

// Episode is one row of the SSDA903 episodes table: a span during which the
// child's legal status, placement and carer stayed the same. A new episode
// starts whenever any of them changes; its ReasonNew says which.
//
// Episodes of one child are given in date order. Start is the first day of
// the episode (DECOM) and End the day it ceased (DEC), which is also the
// first day of the next episode when one follows at once, so an episode
// covers the half-open [Start, End). A zero End means the episode is open.
// Both dates are in [EarliestRecordYear] or later.
//
// An Episode formats ([Episode.String], [Episode.Format]) and logs
// ([Episode.LogValue]) without its postcodes and URN, which say where the
// child lives and is placed.
type Episode struct {
	Start          Date                  `json:"start"`
	ReasonNew      ReasonNewEpisode      `json:"reason_new"`
	LegalStatus    LegalStatus           `json:"legal_status"`
	CategoryOfNeed CategoryOfNeed        `json:"category_of_need,omitzero"`
	PlacementType  PlacementType         `json:"placement_type"`
	Provider       PlacementProvider     `json:"provider,omitzero"`
	End            Date                  `json:"end,omitzero"`
	ReasonCeased   ReasonEpisodeCeased   `json:"reason_ceased,omitzero"`
	ReasonChange   ReasonPlacementChange `json:"reason_change,omitzero"`
	// HomePostcode and PlacementPostcode are SSDA903 HOME_POST and
	// PL_POST: each a UK postcode, full ("SW1A 1AA") or partial, as the
	// DfE return accepts (the outward code alone, "SW1A", or with the
	// sector, "SW1A 1"); see [ValidPostcode]. [Policy].FullPostcodes makes
	// assessment require full ones. They say where the child lives and is
	// placed, so an Episode never formats or logs them, and errors about
	// them never quote them.
	HomePostcode      string `json:"home_postcode,omitempty"`
	PlacementPostcode string `json:"placement_postcode,omitempty"`
	// DistanceMiles is the straight-line distance from home to the
	// placement (SSDA903 PL_DISTANCE, miles to one decimal place), from 0
	// to [MaxDistanceMiles]; not valid when unknown.
	DistanceMiles decimal.NullDecimal `json:"distance_miles,omitzero"`
	// URN is the Ofsted unique reference number of the placement, at most
	// [MaxIDBytes] long. It locates the placement as a postcode does, so
	// it is not formatted, logged or quoted either.
	URN string `json:"urn,omitempty"`
	// IntendedUntil18 records that the placement is intended to last until
	// the child is 18 (CPPCR reg 28(2)(c)).
	IntendedUntil18 bool `json:"intended_until_18,omitempty"`
	// LongTermFoster records that the placement is a long-term foster
	// placement as CPPCR reg 2(1) defines it (reg 28(3A)).
	LongTermFoster bool `json:"long_term_foster,omitempty"`
}

// Period returns the episode's span [Start, End).
func (e Episode) Period() Period { return Period{Start: e.Start, End: e.End} }

// StartsPeriodOfCare reports whether a new episode with this reason starts a
// new period of care: only S (started to be looked after).
func (r ReasonNewEpisode) StartsPeriodOfCare() bool { return r == ReasonNewEpisodeS }

// ChangesCarer reports whether a new episode with this reason starts a new
// placement with a different carer: S, P (change of placement and carer) and
// B (change of legal status, placement and carer).
func (r ReasonNewEpisode) ChangesCarer() bool {
	return r == ReasonNewEpisodeS || r == ReasonNewEpisodeP || r == ReasonNewEpisodeB
}

// ChangesPlacement reports whether a new episode with this reason is a
// placement change in the DfE's sense: every reason except L (legal status
// only). T and U (change of placement, same carer) are placement changes
// that keep the carer, such as a move with the same foster carers.
func (r ReasonNewEpisode) ChangesPlacement() bool {
	return r != ReasonNewEpisodeUnknown && r != ReasonNewEpisodeL
}

// Validate checks one episode's own fields (not its neighbours: see
// [ValidateEpisodes]) and reports every problem with a path relative to the
// episode ("end", "legal_status"): missing or unknown codes, an end before
// the start, a date before [EarliestRecordYear], a distance below 0 or over
// [MaxDistanceMiles], a postcode not in the UK format ([ValidPostcode]),
// and a URN over [MaxIDBytes] or not valid UTF-8. Errors never quote the
// distance, postcodes or URN.
func (e Episode) Validate() error {
	var errs ValidationErrors
	e.validate(&errs)
	return errs.Err()
}

func (e Episode) validate(errs *ValidationErrors) {
	if e.Start.IsZero() {
		errs.Add("start", ErrRequired)
	}
	if !e.End.IsZero() && !e.Start.IsZero() && e.End.Before(e.Start) {
		errs.Addf("end", "episode ends %s, before it starts %s", e.End, e.Start)
	}
	year := CollectionYearOf(e.Start)
	if e.ReasonNew.ValidIn(year) && e.LegalStatus.ValidIn(year) && e.PlacementType.ValidIn(year) &&
		(e.CategoryOfNeed == CategoryOfNeedUnknown || e.CategoryOfNeed.ValidIn(year)) &&
		(e.Provider == PlacementProviderUnknown || e.Provider.ValidIn(year)) &&
		(e.ReasonCeased == ReasonEpisodeCeasedUnknown || e.ReasonCeased.ValidIn(year)) &&
		(e.ReasonChange == ReasonPlacementChangeUnknown || e.ReasonChange.ValidIn(year)) {
		// Every code is set where required and valid in the year (so
		// known): the checks below would find nothing.
		validateEpisodeRest(&e, errs)
		return
	}
	type field struct {
		path     string
		set      bool
		required bool
		known    bool
		code     string
		valid    bool
	}
	fields := [...]field{
		{"reason_new", e.ReasonNew != ReasonNewEpisodeUnknown, true, e.ReasonNew.IsKnown(), e.ReasonNew.String(), e.ReasonNew.ValidIn(year)},
		{"legal_status", e.LegalStatus != LegalStatusUnknown, true, e.LegalStatus.IsKnown(), e.LegalStatus.String(), e.LegalStatus.ValidIn(year)},
		{"category_of_need", e.CategoryOfNeed != CategoryOfNeedUnknown, false, e.CategoryOfNeed.IsKnown(), e.CategoryOfNeed.String(), e.CategoryOfNeed.ValidIn(year)},
		{"placement_type", e.PlacementType != PlacementTypeUnknown, true, e.PlacementType.IsKnown(), e.PlacementType.String(), e.PlacementType.ValidIn(year)},
		{"provider", e.Provider != PlacementProviderUnknown, false, e.Provider.IsKnown(), e.Provider.String(), e.Provider.ValidIn(year)},
		{"reason_ceased", e.ReasonCeased != ReasonEpisodeCeasedUnknown, false, e.ReasonCeased.IsKnown(), e.ReasonCeased.String(), e.ReasonCeased.ValidIn(year)},
		{"reason_change", e.ReasonChange != ReasonPlacementChangeUnknown, false, e.ReasonChange.IsKnown(), e.ReasonChange.String(), e.ReasonChange.ValidIn(year)},
	}
	for _, f := range fields {
		switch {
		case !f.set && f.required:
			errs.Add(f.path, ErrRequired)
		case !f.set:
		case !f.known:
			errs.Add(f.path, fmt.Errorf("%w: %s", ErrUnknownCode, f.code))
		case !e.Start.IsZero() && !f.valid:
			errs.Add(f.path, fmt.Errorf("%w: %s is not valid in collection year %s", ErrUnknownCode, f.code, year))
		}
	}
	validateEpisodeRest(&e, errs)
}

// validateEpisodeRest checks what [Episode.validate] checks after the codes.
func validateEpisodeRest(e *Episode, errs *ValidationErrors) {
	if err := checkRecordDate(e.Start); err != nil {
		errs.Add("start", err)
	}
	if err := checkRecordDate(e.End); err != nil {
		errs.Add("end", err)
	}
	if !e.End.IsZero() && e.ReasonCeased == ReasonEpisodeCeasedUnknown {
		errs.Add("reason_ceased", fmt.Errorf("%w: the episode has ended", ErrRequired))
	}
	if e.End.IsZero() && e.ReasonCeased != ReasonEpisodeCeasedUnknown {
		errs.Add("end", fmt.Errorf("%w: the episode has a reason ceased", ErrRequired))
	}
	if e.DistanceMiles.Valid {
		switch d := e.DistanceMiles.Decimal; {
		case d.IsNegative():
			errs.Add("distance_miles", errNegativeDistance)
		case fartherThanMax(d):
			errs.Add("distance_miles", errFarDistance)
		}
	}
	for _, pc := range [...]struct{ path, s string }{{"home_postcode", e.HomePostcode}, {"placement_postcode", e.PlacementPostcode}} {
		if pc.s != "" && !ValidPostcode(pc.s) {
			errs.Add(pc.path, errNotPostcode)
		}
	}
	if err := CheckPrivateString(e.URN, MaxIDBytes); err != nil {
		errs.Add("urn", err)
	}
}

// fartherThanMax reports whether d is more than [MaxDistanceMiles]. A
// distance as recorded (a few digits, to one decimal place) is compared
// through its coefficient and exponent; decimal's own comparison rescales
// into new big integers, which cost BenchmarkAssess 4 allocations a child
// for the one check every episode's distance goes through. Other forms
// take decimal's comparison.
func fartherThanMax(d decimal.Decimal) bool {
	if exp := d.Exponent(); exp <= 0 && exp >= -9 && d.NumDigits() <= 9 {
		limit := int64(MaxDistanceMiles)
		for range -exp {
			limit *= 10
		}
		return d.CoefficientInt64() > limit
	}
	return d.GreaterThan(maxDistance)
}

// The errors of an episode's distance and postcodes. They never quote the
// value: a distance may be hundreds of digits long, and a postcode says
// where the child is.
var (
	maxDistance         = decimal.NewFromInt(MaxDistanceMiles)
	errNegativeDistance = errors.New("negative: a distance is 0 miles or more")
	errFarDistance      = fmt.Errorf("more than %d miles, longer than Great Britain: not a plausible distance from home (care.MaxDistanceMiles)", MaxDistanceMiles)
	errNotPostcode      = errors.New("not a UK postcode: want a full postcode such as \"SW1A 1AA\", or the outward code (\"SW1A\") with or without the sector (\"SW1A 1\")")
)

// ValidateEpisodes checks a child's episodes, each on its own and against
// its neighbours, and reports every problem with a path under prefix
// ("episodes[3].start"). dob may be zero; if set, no episode may start
// before it or on or after the child's 18th birthday ("the child was 18 or
// over when this episode started"), nor end after that birthday, and no
// error gives the date of birth. It reports: episodes out of date order or
// overlapping; an open episode that is not the last; a gap inside a period
// of care (the episode after a gap must be S, started to be looked after); a
// first episode, or one after a gap, whose reason is not S; an S episode
// that directly follows another (it should continue the period with L, P, T,
// B or U); an episode that ended with X1 (new episode the same day) not
// followed by one starting that day; and every single-episode fault of
// [Episode.Validate].
func ValidateEpisodes(prefix string, eps []Episode, dob Date) ValidationErrors {
	return validateEpisodes(prefix, eps, dob, Date{})
}

// ContinuesEarlier reports whether e, a child's first episode in records
// known only from day from (a case's [Coverage].From), continues a period
// of care that began before them: it started on or before from, with a
// reason other than S. A zero from (records from the start) never has
// such an episode. See [History.ResetFrom].
func (e Episode) ContinuesEarlier(from Date) bool {
	return !from.IsZero() && !e.Start.After(from) && e.ReasonNew != ReasonNewEpisodeUnknown && !e.ReasonNew.StartsPeriodOfCare()
}

// validateEpisodes is [ValidateEpisodes] for records known from day from
// (zero: from the start): a first episode that started on or before from
// may continue a period of care that began before the records, so its
// reason need not be S (see [History.ResetFrom]).
func validateEpisodes(prefix string, eps []Episode, dob, from Date) ValidationErrors {
	var errs ValidationErrors
	for i, e := range eps {
		// Paths are built only for the faults reported.
		path := func() string { return Index(prefix, i) }
		var own ValidationErrors
		e.validate(&own)
		if len(own) > 0 {
			errs.Merge(path(), own)
		}
		if !dob.IsZero() && !e.Start.IsZero() {
			b18 := Birthday(dob, AgeOfMajority)
			switch {
			case e.Start.Before(dob):
				errs.Addf(JoinPath(path(), "start"), "episode starts %s, before the child's date of birth", e.Start)
			case !e.Start.Before(b18):
				errs.Add(JoinPath(path(), "start"), errStartedAdult)
			case e.End.After(b18):
				errs.Add(JoinPath(path(), "end"), errEndsAdult)
			}
		}
		if e.Start.IsZero() {
			continue
		}
		if i == 0 {
			if e.ReasonNew != ReasonNewEpisodeUnknown && !e.ReasonNew.StartsPeriodOfCare() && !e.ContinuesEarlier(from) {
				errs.Addf(JoinPath(path(), "reason_new"), "the first episode must start a period of care (S), not %s", e.ReasonNew)
			}
			continue
		}
		prev := eps[i-1]
		switch {
		case prev.Start.IsZero():
			continue
		case e.Start.Before(prev.Start):
			errs.Add(JoinPath(path(), "start"), fmt.Errorf("%w: starts %s, before the previous episode's start %s", ErrOutOfOrder, e.Start, prev.Start))
		case prev.End.IsZero():
			errs.Addf(JoinPath(Index(prefix, i-1), "end"), "only the last episode may be open; episode %d follows", i)
		case e.Start.Before(prev.End):
			errs.Addf(JoinPath(path(), "start"), "starts %s, overlapping the previous episode, which ends %s", e.Start, prev.End)
		case e.Start.After(prev.End):
			// A gap: the child left care and came back.
			if e.ReasonNew != ReasonNewEpisodeUnknown && !e.ReasonNew.StartsPeriodOfCare() {
				errs.Addf(JoinPath(path(), "reason_new"), "gap in care from %s to %s: an episode after a gap must start a new period of care (S), not %s", prev.End, e.Start, e.ReasonNew)
			}
			if prev.ReasonCeased == ReasonEpisodeCeasedX1 {
				errs.Addf(JoinPath(Index(prefix, i-1), "reason_ceased"), "X1 says a new episode starts the same day, but the next starts %s", e.Start)
			}
		default: // e.Start == prev.End: continuous.
			if e.ReasonNew.StartsPeriodOfCare() {
				errs.Addf(JoinPath(path(), "reason_new"), "S starts a new period of care, but the child was still looked after on %s (previous episode ended the same day)", e.Start)
			}
			if prev.ReasonCeased != ReasonEpisodeCeasedUnknown && prev.ReasonCeased != ReasonEpisodeCeasedX1 {
				errs.Addf(JoinPath(Index(prefix, i-1), "reason_ceased"), "%s says the child left care, but the next episode starts the same day (use X1)", prev.ReasonCeased)
			}
		}
	}
	return errs
}

// The errors of an episode of a child too old to be looked after. They do
// not give the date of birth.
var (
	errStartedAdult = errors.New("the child was 18 or over when this episode started: a child stops being looked after at 18")
	errEndsAdult    = errors.New("the episode ends after the child's 18th birthday: a child stops being looked after at 18 (the episode ends on that day at the latest)")
)

// PeriodsOfCare returns the child's periods of care: the continuous spells
// of looked-after episodes, each [first start, last end), the last ongoing
// if its final episode is open. A new period starts at the first episode and
// after every gap; episodes that start on the day the previous one ended
// continue the period. It expects episodes that pass [ValidateEpisodes]
// and returns a fresh slice.
func PeriodsOfCare(eps []Episode) []Period {
	n := periodsOfCareCount(eps)
	if n == 0 {
		return nil
	}
	return appendPeriodsOfCare(make([]Period, 0, n), eps)
}

// periodsOfCareCount returns len(PeriodsOfCare(eps)) without building them.
func periodsOfCareCount(eps []Episode) int {
	n := 0
	for i := range eps {
		if i == 0 || !eps[i].Start.Equal(eps[i-1].End) {
			n++
		}
	}
	return n
}

// appendPeriodsOfCare appends the periods of care of eps to dst, as
// [PeriodsOfCare] computes them, for internal callers that keep the slice
// to themselves: with room in dst (see periodsOfCareCount) it allocates
// nothing.
func appendPeriodsOfCare(dst []Period, eps []Episode) []Period {
	first := len(dst)
	for i := range eps {
		e := &eps[i]
		if i == 0 || !e.Start.Equal(eps[i-1].End) {
			dst = append(dst, Period{Start: e.Start, End: e.End})
			continue
		}
		if len(dst) > first {
			dst[len(dst)-1].End = e.End
		}
	}
	return dst
}

// Placement is a derived view of the episodes: a continuous stay with the
// same carer. Each episode's reason for a new episode decides whether it
// starts or continues a placement:
//
//   - S (started to be looked after), P (change of placement and carer) and B
//     (change of legal status, placement and carer) start a new placement.
//   - L (change of legal status only) continues the placement.
//   - T (change of placement, same carer) and U (change of legal status and
//     placement, same carer) continue the placement, because the carer is
//     the same, but are recorded in Moves: the DfE counts them as placement
//     changes in its stability measures, and a caller that treats a move of
//     address as a new placement can use them.
//
// A gap in care always ends the placement.
type Placement struct {
	Period Period `json:"period"`
	// First and Last index the placement's first and last episodes.
	First int `json:"first"`
	Last  int `json:"last"`
	// Type and Provider are those of the placement's latest episode;
	// FirstType is the type it started with.
	Type      PlacementType     `json:"type"`
	FirstType PlacementType     `json:"first_type"`
	Provider  PlacementProvider `json:"provider,omitzero"`
	// Moves are the start dates of the T and U episodes inside the placement.
	Moves []Date `json:"moves,omitempty"`
}

// Placements returns the child's placements, in order (see [Placement] for
// how each reason for a new episode starts or continues one). It expects
// episodes that pass [ValidateEpisodes] and returns fresh slices.
func Placements(eps []Episode) []Placement {
	n, moves := placementCount(eps)
	out := appendPlacements(make([]Placement, 0, n), eps)
	if moves == 0 {
		return out
	}
	// One array holds every placement's Moves, each capped at its own end
	// so that appending to one never writes into the next.
	all := make([]Date, 0, moves)
	for k := range out {
		p := &out[k]
		from := len(all)
		for i := p.First + 1; i <= p.Last; i++ {
			if r := eps[i].ReasonNew; r == ReasonNewEpisodeT || r == ReasonNewEpisodeU {
				all = append(all, eps[i].Start)
			}
		}
		if len(all) > from {
			p.Moves = all[from:len(all):len(all)]
		}
	}
	return out
}

// startsPlacement reports whether episode i starts a new [Placement]:
// the first episode, one after a gap, or a change of carer.
func startsPlacement(eps []Episode, i int) bool {
	e := &eps[i]
	continuous := i > 0 && e.Start.Equal(eps[i-1].End)
	return !continuous || e.ReasonNew.ChangesCarer() || e.ReasonNew == ReasonNewEpisodeUnknown
}

// placementCount returns the number of placements of eps and the total
// number of their Moves, without building them.
func placementCount(eps []Episode) (n, moves int) {
	for i := range eps {
		switch {
		case startsPlacement(eps, i):
			n++
		case eps[i].ReasonNew == ReasonNewEpisodeT || eps[i].ReasonNew == ReasonNewEpisodeU:
			moves++
		}
	}
	return n, moves
}

// appendPlacements appends the placements of eps to dst as [Placements]
// computes them, except that their Moves are left nil: for internal
// callers that never read Moves and keep the slice to themselves. With
// room in dst (see placementCount) it allocates nothing.
func appendPlacements(dst []Placement, eps []Episode) []Placement {
	first := len(dst)
	for i := range eps {
		e := &eps[i]
		if startsPlacement(eps, i) || len(dst) == first {
			dst = append(dst, Placement{
				Period: e.Period(), First: i, Last: i,
				Type: e.PlacementType, FirstType: e.PlacementType, Provider: e.Provider,
			})
			continue
		}
		p := &dst[len(dst)-1]
		p.Period.End = e.End
		p.Last = i
		p.Type = e.PlacementType
		p.Provider = e.Provider
	}
	return dst
}

// EpisodeOn returns the index of the episode that covers day d, and false if
// the child was not looked after that day.
func EpisodeOn(eps []Episode, d Date) (int, bool) {
	i, found := searchDate(len(eps), d, func(k int) Date { return eps[k].Start })
	if found {
		// Several episodes cannot share a start in valid input; take the last.
		for i+1 < len(eps) && eps[i+1].Start.Equal(d) {
			i++
		}
		return i, eps[i].Period().Contains(d)
	}
	if i == 0 {
		return 0, false
	}
	return i - 1, eps[i-1].Period().Contains(d)
}

// LegalStatusOn returns the child's legal status on day d, and false if the
// child was not looked after that day.
func LegalStatusOn(eps []Episode, d Date) (LegalStatus, bool) {
	i, ok := EpisodeOn(eps, d)
	if !ok {
		return LegalStatusUnknown, false
	}
	return eps[i].LegalStatus, true
}

// IsShortBreakOnly reports whether every episode is under an agreed series
// of short breaks (legal status V3 or V4, CPPCR reg 48). Such children are
// excluded from the DfE stability measures and have their own review and
// visit timetables.
func IsShortBreakOnly(eps []Episode) bool {
	if len(eps) == 0 {
		return false
	}
	for _, e := range eps {
		if !e.LegalStatus.IsShortBreak() {
			return false
		}
	}
	return true
}
