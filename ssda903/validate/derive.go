package validate

import (
	"strings"

	"github.com/lookedafter/practice/ssda903/reference"
)

// The postcode-derived columns of the Episodes table. The DfE's system
// adds them to a return from HOME_POST and PL_POST; a return read from an
// authority's files does not have them, and the rule cases give them.
const (
	colDistance = "PL_DISTANCE"
	colPlaceLA  = "PL_LA"
	colLocation = "PL_LOCATION"
)

// derivePostcodeFields adds to this year's and last year's Episodes
// tables the postcode-derived columns they lack, where meta.Postcodes can
// derive them ([Metadata.Postcodes]). A row whose postcode is blank gets
// a blank cell; a row whose postcode the directory does not know gets no
// cell (Missing), so that no rule judges a value nobody knows.
func derivePostcodeFields(in *inputs, meta Metadata) {
	if meta.Postcodes == nil {
		return
	}
	authority, hasAuthority := authorityCode(meta)
	for _, t := range []*Table{in.this[episodes], in.last[episodes]} {
		if t == nil {
			continue
		}
		if !t.HasColumn(colDistance) {
			t.setColumn(colDistance, deriveColumn(t, func(home, place string) (string, bool) {
				if home == "" || place == "" {
					return "", true
				}
				d, ok := reference.PlacementDistance(meta.Postcodes, home, place)
				return d.String(), ok
			}))
		}
		if !t.HasColumn(colPlaceLA) {
			t.setColumn(colPlaceLA, deriveColumn(t, func(_, place string) (string, bool) {
				if place == "" {
					return "", true
				}
				return reference.PlacementLA(meta.Postcodes, place)
			}))
		}
		if !t.HasColumn(colLocation) && hasAuthority {
			t.setColumn(colLocation, deriveColumn(t, func(_, place string) (string, bool) {
				if place == "" {
					return "", true
				}
				l, ok := reference.PlacementLocation(meta.Postcodes, place, authority)
				return l.String(), ok
			}))
		}
	}
}

// deriveColumn builds a column of t from each row's home and placement
// postcodes (trimmed; "" when blank): the cell f gives, or no cell where
// f does not know it.
func deriveColumn(t *Table, f func(home, place string) (string, bool)) *Column {
	home, place := t.Column("HOME_POST"), t.Column("PL_POST")
	c := &Column{present: true, cells: make([]string, t.Len())}
	for i := range t.Len() {
		v, ok := f(home.Trimmed(i), place.Trimmed(i))
		if !ok {
			if c.missing == nil {
				c.missing = make([]bool, t.Len())
			}
			c.missing[i] = true
			continue
		}
		c.cells[i] = v
	}
	return c
}

// derivedSkipReason returns why the rule cannot run for want of a
// postcode-derived column ([Rule.Derived]), or "".
func derivedSkipReason(r *Rule, in *inputs) string {
	for _, f := range r.Derived {
		if t := in.this[episodes]; t != nil && !t.HasColumn(f) {
			return "the return's Episodes table has no " + f + " and it could not be derived (postcode reference data, and for PL_LOCATION the authority's code, are needed)"
		}
		if len(r.Last) == 0 {
			continue
		}
		if t := in.last[episodes]; t != nil && !t.HasColumn(f) {
			return "the previous year's Episodes table has no " + f + " and it could not be derived (postcode reference data, and for PL_LOCATION the authority's code, are needed)"
		}
	}
	return ""
}

// authorityCode returns the code the placement authority (PL_LA) of the
// authority's own placements holds: the ONS code of the authority whose
// DfE code meta.Authority is (on the last day of the collection), or
// meta.Authority itself, trimmed and upper-cased, when the list has no
// such DfE code (an ONS code given as the authority's code). false when
// no authority was given.
func authorityCode(meta Metadata) (string, bool) {
	code := strings.TrimSpace(meta.Authority)
	if code == "" {
		return "", false
	}
	as := meta.Authorities
	if as == nil {
		as = embeddedAuthorities
	}
	if a, ok := as.LookupDfE(code, meta.End); ok {
		return a.ONS, true
	}
	return strings.ToUpper(code), true
}
