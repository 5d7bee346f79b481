package care

// History is a child's SSDA903 episodes, validated once, with the periods of
// care and placements derived from them once. Every rule family reads the
// episodes through a History, so that a whole case is validated once and
// "the current period of care" is found by one function
// ([History.PeriodAt]).
//
// A History is built by [NewHistory] (or refilled by [History.Reset], which
// keeps its memory for the next child of a cohort). It is read-only
// afterwards and safe for concurrent reads; the episodes slice is the
// caller's and must not be changed while the History is in use.
type History struct {
	child      Child
	eps        []Episode
	periods    []Period
	placements []Placement
}

// NewHistory validates child c ([Child.Validate], with paths "child.field")
// and its episodes ([ValidateEpisodes], with paths "episodes[i].field") and
// returns their history. It returns the
// [ValidationErrors] and no history if any episode is invalid.
func NewHistory(c Child, eps []Episode) (*History, error) {
	h := new(History)
	if err := h.Reset(c, eps); err != nil {
		return nil, err
	}
	return h, nil
}

// Reset makes h the history of child c's episodes, as [NewHistory] does,
// reusing h's memory. On error h is empty.
func (h *History) Reset(c Child, eps []Episode) error {
	h.child, h.eps = Child{}, nil
	h.periods, h.placements = h.periods[:0], h.placements[:0]
	var errs ValidationErrors
	errs.Merge("child", c.Validate())
	errs = append(errs, ValidateEpisodes("episodes", eps, c.DateOfBirth)...)
	if err := errs.Err(); err != nil {
		return err
	}
	h.child, h.eps = c, eps
	h.periods = appendPeriodsOfCare(h.periods, eps)
	h.placements = appendPlacements(h.placements, eps)
	return nil
}

// Child returns the child the history belongs to.
func (h *History) Child() Child { return h.child }

// Episodes returns the episodes, in order.
func (h *History) Episodes() []Episode { return h.eps }

// Periods returns the periods of care ([PeriodsOfCare]). The slice is the
// history's own: do not modify it.
func (h *History) Periods() []Period { return h.periods }

// Placements returns the placements ([Placements]), without their Moves.
// The slice is the history's own: do not modify it.
func (h *History) Placements() []Placement { return h.placements }

// PeriodAt returns the period of care current on day d: the latest period
// that started on or before d, whether it is still open on d or has ended
// (a child who has left care is judged on the period they left). It returns
// false if no period started by d. This is the one place the library finds
// a child's current period of care.
func (h *History) PeriodAt(d Date) (Period, int, bool) {
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
	_, ok := EpisodeOn(h.eps, d)
	return ok
}

// LeftCare returns the day the child's last period of care ended (the first
// day not looked after), if it has ended on or before asOf.
func (h *History) LeftCare(asOf Date) (Date, bool) {
	if len(h.periods) == 0 {
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
	i, _ := searchDate(len(h.eps), p.Start, func(k int) Date { return h.eps[k].Start })
	return i
}
