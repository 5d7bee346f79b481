package validate

import (
	"slices"

	"github.com/lookedafter/practice/care"
)

// The social worker rules of the duration family (SW07STG2, SW10STG2,
// SW11bSTG2, SW12STG2): their entries are in rules_duration.go.

// swHandoverDays is how many days a new social worker episode may start
// before the previous one ended (SW10STG2): a handover, not an overlap.
const swHandoverDays = 7

// ruleSW07STG2: a social worker episode's end date, where it is a date,
// falls within the social worker reporting period: on or after its first
// day (2023–24: the collection start, 1 April) and on or before the
// collection end (31 March); both days themselves pass.
func ruleSW07STG2(c *Check) { flagSWEndOutside(c, swReportingStart(c, false)) }

// ruleSW07STG2v2024: as ruleSW07STG2, the reporting period starting a year
// before the collection year from 2024–25 (see swReportingStart).
func ruleSW07STG2v2024(c *Check) { flagSWEndOutside(c, swReportingStart(c, true)) }

// swReportingStart returns the first day of the social worker reporting
// period: the collection start in 2023–24, the first year of the data;
// from 2024–25 the start of the year before it, 1 April a year earlier,
// so that a child looked after on 31 March has a full previous year of
// episodes (SW12STG2) even when the collection year itself is shorter
// for them.
func swReportingStart(c *Check, fromPreviousYear bool) care.Date {
	if fromPreviousYear {
		return c.Meta.Start.AddYears(-1)
	}
	return c.Meta.Start
}

// flagSWEndOutside flags social worker episodes ending before from or
// after the collection end. A blank or invalid end is not read.
func flagSWEndOutside(c *Check, from care.Date) {
	sw := c.Table(swEpisodes)
	dec := sw.Column("SW_DEC")
	for i := range sw.Len() {
		if end, ok := dec.Date(i); ok && (end.Before(from) || end.After(c.Meta.End)) {
			c.Flag(sw, i)
		}
	}
}

// ruleSW10STG2: a child's social worker episodes, in order (swSequence),
// do not overlap: an episode starting before the latest end of the
// episodes before it, or while one of them is open, is flagged, with
// the DfE's tolerance of a seven-day handover: starting exactly seven
// days before the previous end passes, eight days before is flagged.
// Starting on or after the previous end passes, however long the gap
// (the rule is about starting before it).
func ruleSW10STG2(c *Check) { flagSWOverlaps(c, false) }

// ruleSW10STG2v2024: as ruleSW10STG2; from 2024–25 an episode whose
// reason is FCONTA (first contact: no previous social worker to hand
// over from) is not flagged.
func ruleSW10STG2v2024(c *Check) { flagSWOverlaps(c, true) }

// flagSWOverlaps is the overlap check of rule 574 (flagOverlappingPeriods)
// for social worker episodes, with the handover tolerance.
func flagSWOverlaps(c *Check, exemptFirstContact bool) {
	sw := c.Table(swEpisodes)
	starts, ends, reason := sw.Column("SW_DECOM"), sw.Column("SW_DEC"), sw.Column("SW_REASON")
	for _, child := range sw.Children() {
		var latest care.Date
		open := false
		for k, i := range swSequence(sw, child) {
			start, _ := starts.Date(i)
			overlaps := k > 0 && (open || start.Before(latest.AddDays(-swHandoverDays)))
			if overlaps && !(exemptFirstContact && reason.Code(i) == "FCONTA") {
				c.Flag(sw, i)
			}
			end, ok := ends.Date(i)
			switch {
			case !ok:
				open = true
			case end.After(latest):
				latest = end
			}
		}
	}
}

// swSequence returns a child's social worker episodes with a valid start
// in order: by start, then by end (open or undated ends last), then file
// order. Episodes with no valid start are left out: a fresh slice.
func swSequence(sw *Table, child string) []int {
	starts, ends := sw.Column("SW_DECOM"), sw.Column("SW_DEC")
	rows := make([]int, 0, len(sw.RowsOf(child)))
	for _, i := range sw.RowsOf(child) {
		if _, ok := starts.Date(i); ok {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		sa, _ := starts.Date(a)
		sb, _ := starts.Date(b)
		if n := sa.Compare(sb); n != 0 {
			return n
		}
		ea, okA := ends.Date(a)
		eb, okB := ends.Date(b)
		switch {
		case okA && okB:
			return ea.Compare(eb)
		case okA:
			return -1
		case okB:
			return 1
		}
		return 0
	})
	return rows
}

// ruleSW11bSTG2: a child's last social worker episode (the last of
// swSequence: nothing starts after it) has not ended before 31 March,
// the collection end: ending on 31 March itself passes, on 30 March is
// flagged. Episodes with no valid start are not placed in the sequence,
// so they are not "a subsequent episode provided".
func ruleSW11bSTG2(c *Check) {
	sw := c.Table(swEpisodes)
	dec := sw.Column("SW_DEC")
	for _, child := range sw.Children() {
		rows := swSequence(sw, child)
		if len(rows) == 0 {
			continue
		}
		last := rows[len(rows)-1]
		if end, ok := dec.Date(last); ok && end.Before(c.Meta.End) {
			c.Flag(sw, last)
		}
	}
}

// ruleSW12STG2: a child looked after on 31 March has social worker
// episodes reported back to the start of the year (2023–24: the
// collection start) or of their period of care, whichever is later
// (before it, only episodes the child had can be reported).
func ruleSW12STG2(c *Check) { flagSWNotReported(c, swReportingStart(c, false)) }

// ruleSW12STG2v2024: as ruleSW12STG2, the year starting a year before the
// collection year from 2024–25 (see swReportingStart).
func ruleSW12STG2v2024(c *Check) { flagSWNotReported(c, swReportingStart(c, true)) }

// flagSWNotReported flags the episode a child is in on 31 March when no
// social worker episode of the child covers the later of from and the
// start of the child's period of care: none started on or before that
// day and is open or ended on or after it. A child is looked after on
// 31 March when an episode started on or before the collection end and
// has not ceased by it (DEC blank or after it), under a legal status
// other than V3 or V4: a child on short breaks only is not counted as
// looked after on 31 March, as in the DfE's statistics. The period of
// care runs back through the episodes each starting on the day the one
// before ceased.
func flagSWNotReported(c *Check, from care.Date) {
	eps := c.Table(episodes)
	legal, decom, dec := eps.Column("LS"), eps.Column("DECOM"), eps.Column("DEC")
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		at := -1
		for k, i := range rows {
			start, ok := decom.Date(i)
			if !ok || start.After(c.Meta.End) {
				break
			}
			end, ok := dec.Date(i)
			if (dec.Blank(i) || ok && end.After(c.Meta.End)) && !shortBreaks(legal.Code(i)) {
				at = k
			}
		}
		if at < 0 {
			continue
		}
		began, _ := decom.Date(rows[at])
		for k := at; k > 0; k-- {
			ended, ok := dec.Date(rows[k-1])
			if !ok || !ended.Equal(began) {
				break
			}
			began, _ = decom.Date(rows[k-1])
		}
		if began.Before(from) {
			began = from
		}
		if !swCovers(c, child, began) {
			c.Flag(eps, rows[at])
		}
	}
}

// swCovers reports whether one of the child's social worker episodes
// started on or before day d and was open on it (no valid end, or an end
// on or after d).
func swCovers(c *Check, child string, d care.Date) bool {
	sw := c.Table(swEpisodes)
	starts, ends := sw.Column("SW_DECOM"), sw.Column("SW_DEC")
	for _, i := range sw.RowsOf(child) {
		start, ok := starts.Date(i)
		if !ok || start.After(d) {
			continue
		}
		if end, ok := ends.Date(i); !ok || !end.Before(d) {
			return true
		}
	}
	return false
}
