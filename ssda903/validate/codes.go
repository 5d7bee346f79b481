package validate

import "slices"

// Code lists used by more than one family live here; a list one family
// uses lives in its file. Prefer care's code lists where they exist
// (care.ParseEthnicity, care.ParsePlacementType … with ValidIn(year)):
// they know the years each code is valid in.

// oneOf reports whether code is one of codes.
func oneOf(code string, codes ...string) bool { return slices.Contains(codes, code) }

// isTemporaryPlacement reports whether a placement code is a temporary
// placement: T0 to T4.
func isTemporaryPlacement(code string) bool { return oneOf(code, "T0", "T1", "T2", "T3", "T4") }

// shortBreaks reports whether a legal status is a series of short breaks
// (respite): V3 or V4.
func shortBreaks(ls string) bool { return ls == "V3" || ls == "V4" }

// columns returns the columns of t with the names given, in order.
func columns(t *Table, names ...string) []*Column {
	cols := make([]*Column, len(names))
	for k, n := range names {
		cols[k] = t.Column(n)
	}
	return cols
}

// anyGiven reports whether row i of t has a cell that is not blank in any
// of the columns.
func anyGiven(t *Table, i int, names ...string) bool {
	for _, n := range names {
		if !t.Blank(i, n) {
			return true
		}
	}
	return false
}

// anyBlank reports whether row i of t has a blank cell in any of the
// columns.
func anyBlank(t *Table, i int, names ...string) bool {
	for _, n := range names {
		if t.Blank(i, n) {
			return true
		}
	}
	return false
}

// flagBadDates flags the rows of t whose cell in the column is given and
// is not a valid dd/mm/yyyy date; a blank cell too when blankBad.
func flagBadDates(c *Check, t *Table, name string, blankBad bool) {
	col := t.Column(name)
	for i := range t.Len() {
		if col.BadDate(i) || (blankBad && col.Blank(i)) {
			c.Flag(t, i)
		}
	}
}

// flagAfterEnd flags the rows of t whose date in the column is after the
// end of the collection year.
func flagAfterEnd(c *Check, t *Table, name string) {
	col := t.Column(name)
	for i := range t.Len() {
		if d, ok := col.Date(i); ok && d.After(c.Meta.End) {
			c.Flag(t, i)
		}
	}
}
