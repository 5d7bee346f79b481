package care

// Period is a half-open span of days [Start, End): Start is the first day
// inside it and End the first day after it. A zero End means the period is
// ongoing. Half-open periods let consecutive placements share a boundary
// date without counting that day twice: a placement that ends on 3 May and
// the next that starts on 3 May do not overlap.
//
// The zero Period is empty. A Period is an immutable value, safe to use from
// multiple goroutines at once.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end,omitzero"`
}

// IsOngoing reports whether p has a start and no end.
func (p Period) IsOngoing() bool { return !p.Start.IsZero() && p.End.IsZero() }

// IsEmpty reports whether p contains no day: it has no start, or it ends on
// or before its start.
func (p Period) IsEmpty() bool {
	return p.Start.IsZero() || (!p.End.IsZero() && !p.End.After(p.Start))
}

// Contains reports whether day d lies in p: Start <= d < End (or Start <= d
// when p is ongoing). The zero Date is in no period.
func (p Period) Contains(d Date) bool {
	if d.IsZero() || p.IsEmpty() || d.Before(p.Start) {
		return false
	}
	return p.End.IsZero() || d.Before(p.End)
}

// Overlaps reports whether p and q share at least one day. Empty periods
// overlap nothing.
func (p Period) Overlaps(q Period) bool {
	if p.IsEmpty() || q.IsEmpty() {
		return false
	}
	pEndsFirst := !p.End.IsZero() && !p.End.After(q.Start)
	qEndsFirst := !q.End.IsZero() && !q.End.After(p.Start)
	return !pEndsFirst && !qEndsFirst
}

// Days returns the number of days in p: End.DaysSince(Start), or 0 for an
// empty period. An ongoing period has no length; Days returns -1 for it, so
// use [Period.DaysTo] with an as-of date instead.
func (p Period) Days() int {
	if p.IsEmpty() {
		return 0
	}
	if p.End.IsZero() {
		return -1
	}
	return p.End.DaysSince(p.Start)
}

// DaysTo returns the number of days of p that fall before asOf: the length
// of [Start, min(End, asOf)), and 0 if that is empty.
func (p Period) DaysTo(asOf Date) int {
	if p.IsEmpty() || asOf.IsZero() || !asOf.After(p.Start) {
		return 0
	}
	end := asOf
	if !p.End.IsZero() && p.End.Before(asOf) {
		end = p.End
	}
	return end.DaysSince(p.Start)
}

// Last returns the last day inside p (End minus one day), and false when p
// is empty or ongoing, since neither has a last day.
func (p Period) Last() (Date, bool) {
	if p.IsEmpty() || p.End.IsZero() {
		return Date{}, false
	}
	return p.End.AddDays(-1), true
}

// String returns "[start, end)" or "[start, ongoing)".
func (p Period) String() string {
	end := p.End.String()
	if p.End.IsZero() {
		end = "ongoing"
	}
	return "[" + p.Start.String() + ", " + end + ")"
}
