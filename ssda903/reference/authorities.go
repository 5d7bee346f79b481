package reference

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// authoritiesCSV is the embedded list of English local authorities with
// children's services: the 153 in being since 1 April 2023 and the 8
// they replaced since 2019, each with its DfE code, ONS code and name.
// See README.md beside this file for its sources; its date is the last
// reorganisation it holds, 1 April 2023.
//
//go:embed authorities.csv
var authoritiesCSV string

// Authority is an English local authority with children's services: a
// county council, a unitary authority, a metropolitan borough, a London
// borough, the City of London or the Isles of Scilly.
type Authority struct {
	// DfE is the DfE's three-digit code for the authority ("201" City of
	// London … "938" West Sussex), as returns and the DfE's statistics
	// write it.
	DfE string
	// ONS is the authority's ONS (GSS) code: E06, E08, E09 or E10, nine
	// characters ("E09000001"). It is what the DfE's placement authority
	// (PL_LA) holds.
	ONS string
	// Name is the authority's name as the ONS writes it.
	Name string
	// From is the day the authority came into being, zero if before the
	// list starts (2019); Until its last day, zero while it exists. A
	// DfE code can outlive its authority: North Yorkshire's 815 passed
	// from the county (E10000023) to the unitary authority (E06000065).
	From, Until care.Date
}

// ExistsOn reports whether the authority existed on day d.
func (a Authority) ExistsOn(d care.Date) bool {
	return (a.From.IsZero() || !d.Before(a.From)) && (a.Until.IsZero() || !d.After(a.Until))
}

// Authorities is a list of authorities, looked up by either code. It is
// not modified once built, and is safe for concurrent use.
type Authorities struct {
	list  []Authority
	byONS map[string]int
	byDfE map[string][]int
}

// EmbeddedAuthorities returns the list this package embeds (see
// README.md beside this file): a fresh value on each call, read from the
// embedded CSV.
func EmbeddedAuthorities() *Authorities {
	// The embedded file reads without error (TestEmbeddedAuthorities).
	a, _ := ReadAuthorities(strings.NewReader(authoritiesCSV), "authorities.csv")
	return a
}

// ReadAuthorities reads a list of authorities in the embedded list's
// layout, so that a user can replace it: a CSV file whose header row
// names the columns dfe_code, ons_code, name, and optionally from and
// until (ISO dates, blank for none), in any order, then a row an
// authority. name is the file's name, for errors. A row with a DfE code
// that is not three digits, an ONS code that is not nine characters, an
// ONS code listed twice, or a date that is not one is an error, and the
// list returned holds the other rows.
func ReadAuthorities(r io.Reader, name string) (*Authorities, error) {
	out := &Authorities{byONS: map[string]int{}, byDfE: map[string][]int{}}
	rows, _, rerr := readCSVRows(r, name)
	var errs Errors
	if rerr != nil {
		errs = append(errs, rerr)
	}
	if len(rows) == 0 {
		if rerr == nil {
			errs = append(errs, &Error{File: name, Err: fmt.Errorf("%w: empty file", ErrMissingColumn)})
		}
		return out, errs
	}
	cols := map[string]int{}
	for i, h := range rows[0].cells {
		cols[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, c := range []string{"dfe_code", "ons_code", "name"} {
		if _, ok := cols[c]; !ok {
			return out, append(errs, &Error{File: name, Row: rows[0].num, Err: fmt.Errorf("%w: %s", ErrMissingColumn, c)})
		}
	}
	for _, row := range rows[1:] {
		get := func(c string) string {
			i, ok := cols[c]
			if !ok || i >= len(row.cells) {
				return ""
			}
			return strings.TrimSpace(row.cells[i])
		}
		bad := func(c, what string) {
			errs = append(errs, &Error{File: name, Row: row.num, Column: c, Err: fmt.Errorf("%w: %s %s", ErrBadValue, what, excerpt(get(c)))})
		}
		a := Authority{DfE: get("dfe_code"), ONS: strings.ToUpper(get("ons_code")), Name: get("name")}
		if a.DfE == "" && a.ONS == "" && a.Name == "" {
			continue
		}
		if !threeDigits(a.DfE) {
			bad("dfe_code", "not a three-digit DfE code:")
			continue
		}
		if len(a.ONS) != 9 {
			bad("ons_code", "not a nine-character ONS code:")
			continue
		}
		if _, dup := out.byONS[a.ONS]; dup {
			bad("ons_code", "listed twice:")
			continue
		}
		ok := true
		for _, c := range []struct {
			col string
			dst *care.Date
		}{{"from", &a.From}, {"until", &a.Until}} {
			if s := get(c.col); s != "" {
				d, err := care.ParseDate(s)
				if err != nil {
					bad(c.col, "not a date (YYYY-MM-DD):")
					ok = false
					break
				}
				*c.dst = d
			}
		}
		if !ok {
			continue
		}
		out.byONS[a.ONS] = len(out.list)
		out.byDfE[a.DfE] = append(out.byDfE[a.DfE], len(out.list))
		out.list = append(out.list, a)
	}
	return out, errs.orNil()
}

func threeDigits(s string) bool {
	return len(s) == 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2])
}

// Len returns the number of authorities in the list.
func (as *Authorities) Len() int {
	if as == nil {
		return 0
	}
	return len(as.list)
}

// All returns the authorities in the list's order: a fresh slice.
func (as *Authorities) All() []Authority {
	if as == nil {
		return nil
	}
	return append([]Authority(nil), as.list...)
}

// LookupONS returns the authority with the ONS code ("E09000001";
// surrounding space and case ignored), and false if none has it.
func (as *Authorities) LookupONS(code string) (Authority, bool) {
	if as == nil {
		return Authority{}, false
	}
	i, ok := as.byONS[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Authority{}, false
	}
	return as.list[i], true
}

// LookupDfE returns the authority with the DfE code ("201", or 201 as a
// number's text "201"; surrounding space ignored) that existed on day
// on, or, where on is the zero Date, the one that exists now (the last
// listed with no Until) or else the last to exist. false if none has the
// code.
func (as *Authorities) LookupDfE(code string, on care.Date) (Authority, bool) {
	if as == nil {
		return Authority{}, false
	}
	code = strings.TrimSpace(code)
	if n, err := strconv.Atoi(code); err == nil && n >= 0 && n < 1000 {
		code = fmt.Sprintf("%03d", n)
	}
	idx := as.byDfE[code]
	if len(idx) == 0 {
		return Authority{}, false
	}
	best := -1
	for _, i := range idx {
		a := as.list[i]
		switch {
		case !on.IsZero():
			if a.ExistsOn(on) {
				return a, true
			}
		case a.Until.IsZero():
			best = i
		case best < 0 || (as.list[best].Until.Before(a.Until) && !as.list[best].Until.IsZero()):
			best = i
		}
	}
	if best < 0 {
		return Authority{}, false
	}
	return as.list[best], true
}
