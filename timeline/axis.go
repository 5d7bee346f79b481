package timeline

import (
	"strconv"
	"time"

	"github.com/lookedafter/practice/care"
)

// axis maps dates to x positions across the plot, from start to end (both
// the first day of a month), with a labelled tick every step months.
type axis struct {
	start, end care.Date
	step       int     // months between ticks
	x0, w      float64 // the plot's left edge and width
}

// tickSteps are the spacings the axis may use, in months, finest first.
// The coarser ones fall on round years (even years, multiples of 5 and
// of 10), so that a tick is always a date a reader recognises.
var tickSteps = [...]int{1, 3, 6, 12, 24, 60, 120}

// monthIndex numbers the months from year 0, so that d's month and the
// first of that month have the same index.
func monthIndex(d care.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

// firstOfMonth returns the first day of the month with index mi.
func firstOfMonth(mi int) care.Date {
	return care.MustDate(mi/12, time.Month(mi%12+1), 1)
}

// newAxis chooses the finest tick step whose labels fit side by side in
// the plot without touching, and widens [lo, hi] to whole steps: the
// axis starts on the step boundary on or before lo and ends on the first
// boundary after hi. Both ends are calendar boundaries, not dates of the
// record, so nothing about the child (least of all the date of birth) can
// be read off where the axis starts.
func newAxis(lo, hi care.Date, x0, w float64) axis {
	var a axis
	for _, step := range tickSteps {
		first := monthIndex(lo) / step * step
		last := (monthIndex(hi)/step + 1) * step
		a = axis{start: firstOfMonth(first), end: firstOfMonth(last), step: step, x0: x0, w: w}
		if a.minSpacing() >= textWidth(a.label(a.start))+2*tickLabelPad {
			break
		}
	}
	return a
}

// ticks returns the tick dates from start to end, both included.
func (a axis) ticks() []care.Date {
	var out []care.Date
	for mi := monthIndex(a.start); mi <= monthIndex(a.end); mi += a.step {
		out = append(out, firstOfMonth(mi))
	}
	return out
}

// minSpacing is the least distance between two neighbouring ticks: months
// differ in length, so a label must fit the shortest.
func (a axis) minSpacing() float64 {
	ts := a.ticks()
	least := a.w
	for i := 1; i < len(ts); i++ {
		least = min(least, a.x(ts[i])-a.x(ts[i-1]))
	}
	return least
}

// x returns the position of day d.
func (a axis) x(d care.Date) float64 {
	days := a.end.DaysSince(a.start)
	return a.x0 + a.w*float64(d.DaysSince(a.start))/float64(days)
}

// label returns the label of the tick on d: "Mar 2026" for steps of less
// than a year, "2026" otherwise.
func (a axis) label(d care.Date) string {
	if a.step < 12 {
		return d.Month().String()[:3] + " " + strconv.Itoa(d.Year())
	}
	return strconv.Itoa(d.Year())
}

// stepWords says the tick step in words, for the picture's description.
func (a axis) stepWords() string {
	switch {
	case a.step == 1:
		return "1 month"
	case a.step < 12:
		return strconv.Itoa(a.step) + " months"
	case a.step == 12:
		return "1 year"
	}
	return strconv.Itoa(a.step/12) + " years"
}

// monthYear returns "January 2026".
func monthYear(d care.Date) string { return d.Month().String() + " " + strconv.Itoa(d.Year()) }
