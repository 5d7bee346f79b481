package care

import (
	"errors"
	"fmt"
)

// History is a child's SSDA903 episodes, validated once, with the periods of
// care and placements derived from them once. Every rule family reads the
// episodes through a History, so that a whole case is validated once and
// "the current period of care" is found by one function
// ([History.PeriodAt]).
//
// A History is built by [NewHistory] (or refilled by [History.Reset], which
// keeps its memory for the next child of a cohort). It is read-only
// afterwards and safe for concurrent reads; the episodes slice is the
// caller's and must not be changed while the History is in use. A nil
// *History, like the zero History, holds no child and no episodes: its
// methods return nothing and never panic; [History.Reset] on it and
// [History.ValidateOn] return an error. It formats and logs without the
// child's personal data ([History.String]).
type History struct {
	child      Child
	truncated  bool
	eps        []Episode
	periods    []Period
	placements []Placement
}

// NewHistory validates child c ([Child.Validate], with paths "child.field")
// and its episodes ([ValidateEpisodes], with paths "episodes[i].field") and
// returns their history. It returns the [ValidationErrors] and no history
// if any is invalid, and in particular:
//
//   - "episodes: no episodes: a child must have been looked after to be
//     assessed" (wrapping [ErrNoEpisodes]) when there are none;
//   - an error at "child.date_of_birth" for a date of birth more than
//     [MaxYearsBeforeCare] years before the first episode (or before
//     [EarliestBirthYear]), which never gives the date;
//   - an error at "episodes[i].start" for an episode that started when the
//     child was 18 or over, and at "episodes[i].end" for one that ends
//     after the 18th birthday ([ValidateEpisodes]).
//
// Whether the child is still looked after at 18 or over on an assessment
// date is checked by [History.ValidateOn].
func NewHistory(c Child, eps []Episode) (*History, error) {
	h := new(History)
	if err := h.Reset(c, eps); err != nil {
		return nil, err
	}
	return h, nil
}

// Reset makes h the history of child c's episodes, as [NewHistory] does,
// reusing h's memory. On error h is empty. On a nil h it returns an error.
func (h *History) Reset(c Child, eps []Episode) error { return h.ResetFrom(c, eps, Date{}) }

// ResetFrom is [History.Reset] for records known only from day from (a
// case's [Coverage].From; zero means from the start), as the SSDA903
// return is: it holds the episodes open at any time in its year, so a
// child looked after since before the year has a first episode that
// continues a period of care begun earlier (its reason is P, L, T, U or B,
// not S). Such a first episode, starting on or before from, is accepted,
// and [History.Truncated] reports it; rules that count from the start of
// that period of care (the first and second reviews) cannot be judged.
func (h *History) ResetFrom(c Child, eps []Episode, from Date) error {
	if h == nil {
		return errNilHistory
	}
	h.child, h.eps, h.truncated = Child{}, nil, false
	h.periods, h.placements = h.periods[:0], h.placements[:0]
	var errs ValidationErrors
	var cerrs ValidationErrors
	c.validate(&cerrs)
	var first Date // the earliest start, as given
	for i := range eps {
		if d := eps[i].Start; !d.IsZero() && (first.IsZero() || d.Before(first)) {
			first = d
		}
	}
	dob := c.DateOfBirth
	if err := checkDateOfBirth(dob, first); err != nil {
		// An implausible date of birth is reported once, at the child,
		// not again as the child's age at every episode.
		if !cerrs.has("date_of_birth") {
			cerrs.Add("date_of_birth", err)
		}
		dob = Date{}
	}
	errs.Merge("child", cerrs.Err())
	if len(eps) == 0 {
		errs.Add("episodes", errNoEpisodes)
	}
	errs = append(errs, validateEpisodes("episodes", eps, dob, from)...)
	if err := errs.Err(); err != nil {
		return err
	}
	h.child, h.eps = c, eps
	h.truncated = len(eps) > 0 && eps[0].ContinuesEarlier(from)
	h.periods = appendPeriodsOfCare(h.periods, eps)
	h.placements = appendPlacements(h.placements, eps)
	return nil
}

// Truncated reports whether the records begin part way through the
// child's first period of care: its first episode continues one that
// began before the records ([History.ResetFrom]). The period's start, as
// [History.PeriodAt] gives it, is then the first episode's start, not the
// day the child became looked after.
func (h *History) Truncated() bool { return h != nil && h.truncated }

// errNoEpisodes reports a child with no episodes.
var errNoEpisodes = fmt.Errorf("%w: a child must have been looked after to be assessed", ErrNoEpisodes)

// errNilHistory reports a nil *History where one is needed.
var errNilHistory = errors.New("care: nil *History")

// ValidateOn reports what can be judged only on an assessment date, asOf:
// an episode still open on asOf, or ending after it, when the child was
// 18 or over on asOf. A child stops being looked after at 18, so nobody is
// assessed as looked after at 18 or over: the error, at
// "episodes[i].end", does not give the date of birth. It returns an error
// for a zero asOf, and for a nil or empty History. [RecordAssessor.Emit]
// calls it, so every assessment through the library does.
func (h *History) ValidateOn(asOf Date) error {
	switch {
	case h == nil:
		return errNilHistory
	case asOf.IsZero():
		return &FieldError{Path: "as_of", Err: ErrRequired}
	case len(h.eps) == 0:
		return &FieldError{Path: "episodes", Err: errNoEpisodes}
	}
	last := len(h.eps) - 1
	e := h.eps[last]
	if (e.End.IsZero() || e.End.After(asOf)) && !e.Start.After(asOf) && h.child.AgeOn(asOf) >= AgeOfMajority {
		return &FieldError{Path: JoinPath(Index("episodes", last), "end"),
			Err: fmt.Errorf("the child was 18 or over on the assessment date, %s, and this episode is still open: a child stops being looked after at 18 (record the day the episode ended)", asOf)}
	}
	return nil
}

// Child returns the child the history belongs to (the zero Child for a
// nil or empty History).
func (h *History) Child() Child {
	if h == nil {
		return Child{}
	}
	return h.child
}

// Episodes returns the episodes, in order (none for a nil History).
func (h *History) Episodes() []Episode {
	if h == nil {
		return nil
	}
	return h.eps
}

// Periods returns the periods of care ([PeriodsOfCare]). The slice is the
// history's own: do not modify it.
func (h *History) Periods() []Period {
	if h == nil {
		return nil
	}
	return h.periods
}

// Placements returns the placements ([Placements]), without their Moves.
// The slice is the history's own: do not modify it.
func (h *History) Placements() []Placement {
	if h == nil {
		return nil
	}
	return h.placements
}

// PeriodAt returns the period of care current on day d: the latest period
// that started on or before d, whether it is still open on d or has ended
// (a child who has left care is judged on the period they left). It returns
// false if no period started by d. This is the one place the library finds
// a child's current period of care.
func (h *History) PeriodAt(d Date) (Period, int, bool) {
	if h == nil {
		return Period{}, -1, false
	}
	k := -1
	for i := range h.periods {
		if h.periods[i].Start.After(d) {
			break
		}
		k = i
	}
	if k < 0 {
		return Period{}, -1, false
	}
	return h.periods[k], k, true
}

// InCareOn reports whether the child was looked after on day d.
func (h *History) InCareOn(d Date) bool {
	_, ok := EpisodeOn(h.Episodes(), d)
	return ok
}

// LeftCare returns the day the child's last period of care ended (the first
// day not looked after), if it has ended on or before asOf.
func (h *History) LeftCare(asOf Date) (Date, bool) {
	if h == nil || len(h.periods) == 0 {
		return Date{}, false
	}
	end := h.periods[len(h.periods)-1].End
	if end.IsZero() || end.After(asOf) {
		return Date{}, false
	}
	return end, true
}

// FirstEpisode returns the index of the first episode of period of care p.
func (h *History) FirstEpisode(p Period) int {
	if h == nil {
		return 0
	}
	i, _ := searchDate(len(h.eps), p.Start, func(k int) Date { return h.eps[k].Start })
	return i
}
