package validate

import (
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// Check is what a rule's function is given: the tables of the return (and
// of the previous year's), the metadata, and [Check.Flag] to report a row.
// One Check serves one rule once; the tables behind it are shared by every
// rule of the run, so a column is read and parsed once per run.
type Check struct {
	// Meta is the run's metadata: the collection year, its start and end,
	// the authority's code.
	Meta  Metadata
	in    *inputs
	flags []flag
}

// flag is a row a rule flagged: a row of the raw table.
type flag struct {
	table *Table
	row   int // the row in the raw table
}

// inputs are the tables of one run, shared by its rules.
type inputs struct {
	this, last []*Table // indexed by ssda903.Table; nil: absent
	hasLast    bool
}

// Year returns the collection year being validated.
func (c *Check) Year() care.CollectionYear { return c.Meta.Year }

// Table returns this year's table t, or nil when the return has no such
// table: never nil for a table in the rule's [Rule.Tables], since the rule
// is skipped without it.
func (c *Check) Table(t ssda903.Table) *Table {
	if int(t) >= len(c.in.this) {
		return nil
	}
	return c.in.this[t]
}

// Last returns the previous year's table t, or nil when no previous
// year's return was given or it has no such table: never nil for a table
// in the rule's [Rule.Last].
func (c *Check) Last(t ssda903.Table) *Table {
	if int(t) >= len(c.in.last) {
		return nil
	}
	return c.in.last[t]
}

// Flag reports row i of table t as failing the rule. Flagging a row twice
// flags it once. t is normally one of this year's tables; a row of the
// previous year's is reported with [Flag].Last set.
func (c *Check) Flag(t *Table, i int) {
	c.flags = append(c.flags, flag{table: t, row: t.rawRow(i)})
}

// DOB returns the child's date of birth from this year's Header table
// (the first row for the child), and whether there is a valid one.
func (c *Check) DOB(child string) (care.Date, bool) {
	h := c.Table(ssda903.TableHeader)
	if h == nil {
		return care.Date{}, false
	}
	rows := h.RowsOf(child)
	if len(rows) == 0 {
		return care.Date{}, false
	}
	return h.Date(rows[0], "DOB")
}

// AgeOn returns the age in completed years, on day d, of a child born on
// dob ([care.AgeOn]: someone born on 29 February is a year older on 1
// March in a year without one). Rules use it for every "aged under n".
func AgeOn(dob, d care.Date) int { return care.AgeOn(dob, d) }

// Birthday returns the day a child born on dob reaches age
// ([care.Birthday]: 1 March for 29 February in other years).
func Birthday(dob care.Date, age int) care.Date { return care.Birthday(dob, age) }
