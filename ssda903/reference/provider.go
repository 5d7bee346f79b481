package reference

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/reference/internal/xlsx"
)

// Provider is one row of an Ofsted provider list: a children's home, a
// fostering or adoption agency, a supported accommodation provider, as
// the Children's homes list, the Social care providers list and the
// combined lists publish them. Text is as the file gives it, trimmed;
// codes and the URN are upper-cased.
type Provider struct {
	// URN is the Ofsted unique reference number, as text: "SC123456",
	// "1234567". Compare URNs as text, after [NormalizeURN]; a number
	// cell is read as the whole number it holds.
	URN string
	// Name is the setting's or provider's name.
	Name string
	// Type and Subtype are the provider type ("Children's Home", "Local
	// Authority Fostering Agency") and subtype ("Secure Unit").
	Type, Subtype string
	// Sector is the sector ("Local Authority", "Private", "Voluntary").
	Sector string
	// LocalAuthority is the authority named in the file, by name, as
	// Ofsted writes it (the setting's where a list gives both the
	// setting's and the provider's).
	LocalAuthority string
	// Status is the registration status ("Active", "Closed").
	Status string
	// Registered is the registration date; Closed the date the provider
	// closed or was deregistered. Zero when the list leaves them blank or
	// "-".
	Registered, Closed care.Date
	// Postcode is the setting's postcode, normalised ([NormalizePostcode]),
	// or "" when the list gives none.
	Postcode string
	// Places is the number of registered places (or "Max Users",
	// "Maximum fostering places", "Capacity"); HasPlaces is false when the
	// list leaves it blank.
	Places    int
	HasPlaces bool
	// PlacementCodes are the SSDA903 placement types the provider may
	// offer ("K1", "U1"…): the list's "Placement code" (the Children's
	// homes list's "Provider Code"), split at commas, slashes and spaces.
	PlacementCodes []string
	// ProviderCodes are the SSDA903 placement provider codes ("PR1"…):
	// the list's "Placement provider code" (the Children's homes list's
	// "Provider Placement Code"), split likewise.
	ProviderCodes []string
	// Sheet and Row say where the provider is: the sheet of a workbook
	// ("" for CSV) and its 1-based row.
	Sheet string
	Row   int
}

// Providers is a set of Ofsted providers, looked up by URN. Build it with
// [ReadProvidersXLSX], [ReadProvidersCSV] or [NewProviders]; it is not
// modified afterwards and is safe for concurrent use.
type Providers struct {
	list  []Provider
	byURN map[string]int
}

// NewProviders returns a set of the providers given (copied). Where two
// have the same URN, Lookup returns the first; All returns both.
func NewProviders(ps ...Provider) *Providers {
	s := &Providers{byURN: make(map[string]int, len(ps))}
	for _, p := range ps {
		s.add(p)
	}
	return s
}

func (s *Providers) add(p Provider) {
	p.URN = NormalizeURN(p.URN)
	p.PlacementCodes = append([]string(nil), p.PlacementCodes...)
	p.ProviderCodes = append([]string(nil), p.ProviderCodes...)
	s.list = append(s.list, p)
	if _, dup := s.byURN[p.URN]; !dup && p.URN != "" {
		s.byURN[p.URN] = len(s.list) - 1
	}
}

// Lookup returns the first provider with the URN, compared as text after
// [NormalizeURN] ("sc123456 " finds "SC123456"), and false if none has it.
func (s *Providers) Lookup(urn string) (Provider, bool) {
	if s == nil {
		return Provider{}, false
	}
	i, ok := s.byURN[NormalizeURN(urn)]
	if !ok {
		return Provider{}, false
	}
	return s.list[i], true
}

// Len returns the number of providers, duplicates included.
func (s *Providers) Len() int {
	if s == nil {
		return 0
	}
	return len(s.list)
}

// All returns every provider in the order read: a fresh slice.
func (s *Providers) All() []Provider {
	if s == nil {
		return nil
	}
	return append([]Provider(nil), s.list...)
}

// Merge returns a set holding s's providers and then other's: the
// Children's homes list and the Social care providers list together.
func (s *Providers) Merge(other *Providers) *Providers {
	out := NewProviders()
	for _, x := range []*Providers{s, other} {
		if x == nil {
			continue
		}
		for _, p := range x.list {
			out.add(p)
		}
	}
	return out
}

// NormalizeURN returns a URN as the lists and the return compare it:
// trimmed and upper-cased.
func NormalizeURN(urn string) string { return strings.ToUpper(strings.TrimSpace(urn)) }

// providerField is a field of Provider that a column fills.
type providerField int

const (
	fURN providerField = iota
	fName
	fType
	fSubtype
	fSector
	fLA
	fStatus
	fRegistered
	fClosed
	fPostcode
	fPlaces
	fPlacementCodes
	fProviderCodes
	numProviderFields
)

// providerColumns are the headers each field is read from, by priority:
// the first present wins. Headers match after [headerKey].
var providerColumns = [numProviderFields][]string{
	fURN:            {"urn"},
	fName:           {"setting name", "provider name"},
	fType:           {"provider type", "provision type"},
	fSubtype:        {"provider subtype"},
	fSector:         {"sector"},
	fLA:             {"local authority", "setting local authority", "provider local authority"},
	fStatus:         {"registration status", "provider status"},
	fRegistered:     {"registration date"},
	fClosed:         {"deregistration date", "closed date"},
	fPostcode:       {"setting address postcode", "setting postcode", "provider postcode", "postcode"},
	fPlaces:         {"number of registered places", "max users", "maximum fostering places", "capacity"},
	fPlacementCodes: {"placement code", "provider code"},
	fProviderCodes:  {"placement provider code", "provider placement code"},
}

// headerKey normalises a header for matching: lower case, letters and
// digits only, words one space apart ("Children's" and "childrens" match).
func headerKey(h string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(h) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return b.String()
}

// table is a sheet or CSV file as rows of text, dense by column.
type table struct {
	file, sheet string
	rows        []tableRow
	colName     func(i int) string // i 0-based; for errors
	// dateSerial converts a number cell to a date (workbooks only).
	dateSerial func(string) (care.Date, bool)
}

type tableRow struct {
	num   int
	cells []string
}

// headerSearchRows bounds how far down a sheet the header row is looked
// for: Ofsted lists sometimes start with a title and notes.
const headerSearchRows = 30

// readProviderTable reads the providers of one table, or reports that it
// is not a provider list (ok false): no header row with a URN column and
// at least one column beside it that a provider rule reads.
func readProviderTable(t *table, into *Providers, errs *Errors) (ok bool) {
	hdr := -1
	var cols [numProviderFields]int
	for i := range cols {
		cols[i] = -1
	}
	for ri := 0; ri < len(t.rows) && ri < headerSearchRows && hdr < 0; ri++ {
		keys := make(map[string]int, len(t.rows[ri].cells))
		for ci, c := range t.rows[ri].cells {
			k := headerKey(c)
			if _, dup := keys[k]; !dup && k != "" {
				keys[k] = ci
			}
		}
		if _, has := keys["urn"]; !has {
			continue
		}
		for f, names := range providerColumns {
			for _, n := range names {
				if ci, has := keys[n]; has {
					cols[f] = ci
					break
				}
			}
		}
		hdr = ri
	}
	if hdr < 0 {
		return false
	}
	if cols[fType] < 0 && cols[fPlacementCodes] < 0 && cols[fProviderCodes] < 0 &&
		cols[fRegistered] < 0 && cols[fClosed] < 0 && cols[fPostcode] < 0 {
		return false // a sheet of conditions or notes keyed by URN
	}
	for _, r := range t.rows[hdr+1:] {
		get := func(f providerField) string {
			ci := cols[f]
			if ci < 0 || ci >= len(r.cells) {
				return ""
			}
			return strings.TrimSpace(r.cells[ci])
		}
		bad := func(f providerField, what string) {
			*errs = append(*errs, &Error{File: t.file, Sheet: t.sheet, Row: r.num, Column: t.colName(cols[f]),
				Err: fmt.Errorf("%w: %s %s", ErrBadValue, what, excerpt(get(f)))})
		}
		urn := get(fURN)
		if urn == "" {
			continue // a blank or a notes row
		}
		p := Provider{
			URN: urnText(urn), Name: get(fName), Type: get(fType), Subtype: get(fSubtype), Sector: get(fSector),
			LocalAuthority: get(fLA), Status: get(fStatus), Sheet: t.sheet, Row: r.num,
		}
		var dok bool
		if p.Registered, dok = t.date(get(fRegistered)); !dok {
			bad(fRegistered, "not a date:")
		}
		if p.Closed, dok = t.date(get(fClosed)); !dok {
			bad(fClosed, "not a date:")
		}
		if pc := get(fPostcode); !blank(pc) {
			p.Postcode = NormalizePostcode(pc)
		}
		if s := get(fPlaces); !blank(s) {
			n, err := strconv.ParseFloat(s, 64)
			if err != nil || n < 0 || n > 1e6 || n != float64(int(n)) {
				bad(fPlaces, "not a number of places:")
			} else {
				p.Places, p.HasPlaces = int(n), true
			}
		}
		p.PlacementCodes = splitCodes(get(fPlacementCodes))
		p.ProviderCodes = splitCodes(get(fProviderCodes))
		into.add(p)
	}
	return true
}

// blank reports a cell the lists use for "nothing": empty, "-", "n/a".
func blank(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "n/a", "na", "none":
		return true
	}
	return false
}

// urnText reads a URN cell: a number cell written as "1234567.0" or
// "1.234567E6" is the whole number; text is kept as it is.
func urnText(s string) string {
	if strings.ContainsAny(s, ".eE") {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f == float64(int64(f)) && f >= 0 && f < 1e15 {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	return s
}

// splitCodes splits a list of codes at commas, slashes, semicolons and
// spaces, upper-cased, dropping blanks and "-".
func splitCodes(s string) []string {
	if blank(s) {
		return nil
	}
	f := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == ',' || r == '/' || r == ';' || r == ' ' || r == '\t' || r == '\n'
	})
	out := f[:0]
	for _, c := range f {
		if c != "-" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// date reads a date cell: blank is the zero Date, and ok; a number in a
// workbook is a serial day; text may be ISO (2025-04-01, with or without
// a time) or day first (01/04/2025, 1/4/2025, 01-04-2025).
func (t *table) date(s string) (care.Date, bool) {
	if blank(s) {
		return care.Date{}, true
	}
	if t.dateSerial != nil {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return t.dateSerial(s)
		}
	}
	return parseTextDate(s)
}

func parseTextDate(s string) (care.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' {
		d, err := care.ParseDate(s[:10])
		return d, err == nil && (len(s) == 10 || s[10] == ' ' || s[10] == 'T')
	}
	if i := strings.IndexByte(s, ' '); i > 0 { // "01/04/2025 00:00:00"
		s = s[:i]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return care.Date{}, false
	}
	d, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	y, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return care.Date{}, false
	}
	dt, err := care.NewDate(y, time.Month(m), d)
	return dt, err == nil
}

// ReadProvidersXLSX reads an Ofsted provider list as Ofsted publishes it,
// an Excel workbook: every sheet whose header row (within its first 30
// rows) has a URN column and a column a provider rule reads (type,
// placement codes, provider codes, registration or closing date,
// postcode). That covers the layouts of the Children's homes list
// ("Provider information", or "Settings and Inspection Info"), the Social
// care providers list (current and closed providers on two sheets) and the
// combined lists (Providers, and SA Providers for supported
// accommodation); sheets of registration conditions are skipped. name is
// the file's name, for errors; size is r's length, at most
// [MaxWorkbookBytes].
//
// It returns what it could read and an [Errors] listing every problem:
// a cell that is not what its column holds (by sheet, row and column
// letter), a workbook that cannot be read, no provider sheet at all
// ([ErrNoProviders]).
func ReadProvidersXLSX(r io.ReaderAt, size int64, name string) (*Providers, error) {
	out := NewProviders()
	if size > MaxWorkbookBytes {
		return out, Errors{{File: name, Err: fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, size, int64(MaxWorkbookBytes))}}
	}
	wb, err := xlsx.Open(r, size, xlsx.Limits{PartBytes: MaxWorkbookBytes, Rows: MaxRows})
	if err != nil {
		return out, Errors{fromXLSX(name, err)}
	}
	var errs Errors
	found := false
	for _, sh := range wb.Sheets() {
		rows, err := wb.ReadSheet(sh)
		if err != nil {
			errs = append(errs, fromXLSX(name, err))
			continue
		}
		t := &table{file: name, sheet: sh.Name, rows: make([]tableRow, len(rows)),
			colName: func(i int) string { return xlsx.ColumnName(i + 1) },
			dateSerial: func(s string) (care.Date, bool) {
				y, m, d, ok := wb.Date(s)
				if !ok {
					return care.Date{}, false
				}
				dt, err := care.NewDate(y, m, d)
				return dt, err == nil
			}}
		for i, row := range rows {
			n := 0
			if len(row.Cells) > 0 {
				n = row.Cells[len(row.Cells)-1].Col
			}
			cells := make([]string, n)
			for _, c := range row.Cells {
				cells[c.Col-1] = c.Text
			}
			t.rows[i] = tableRow{num: row.Num, cells: cells}
		}
		if readProviderTable(t, out, &errs) {
			found = true
		}
	}
	if !found && len(errs) == 0 {
		errs = append(errs, &Error{File: name, Err: fmt.Errorf("%w: no sheet has a URN column beside provider columns", ErrNoProviders)})
	}
	return out, errs.orNil()
}

// ReadProvidersCSV reads a provider list saved as CSV (UTF-8, with or
// without a byte-order mark), with the headers of the Ofsted lists (see
// [ReadProvidersXLSX]; the header row may follow up to 29 rows of title
// and notes). Dates are ISO (2025-04-01) or day first (01/04/2025). name
// is the file's name, for errors. It reads at most [MaxFileBytes] and
// [MaxRows] rows, and returns what it read and an [Errors] listing every
// problem.
func ReadProvidersCSV(r io.Reader, name string) (*Providers, error) {
	out := NewProviders()
	rows, header, err := readCSVRows(r, name)
	var errs Errors
	if err != nil {
		errs = append(errs, err)
	}
	t := &table{file: name, rows: rows, colName: func(i int) string {
		if i >= 0 && i < len(header) {
			return strconv.Quote(header[i])
		}
		return strconv.Itoa(i + 1)
	}}
	if !readProviderTable(t, out, &errs) && err == nil {
		errs = append(errs, &Error{File: name, Err: fmt.Errorf("%w: URN, with a provider type, placement code or postcode", ErrMissingColumn)})
	}
	return out, errs.orNil()
}

// readCSVRows reads a whole CSV file as rows of text, numbered from 1,
// and the header (the first row holding "URN", or the first row), for
// naming columns.
func readCSVRows(r io.Reader, name string) ([]tableRow, []string, *Error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	if len(data) > MaxFileBytes {
		return nil, nil, &Error{File: name, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, int64(MaxFileBytes))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	var rows []tableRow
	var header []string
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return rows, header, &Error{File: name, Row: line, Err: fmt.Errorf("%w: %v", ErrMalformed, errors.Unwrap(err))}
		}
		line, _ := cr.FieldPos(0) // only after a successful Read
		if len(rows) > MaxRows {
			return rows, header, &Error{File: name, Row: line, Err: fmt.Errorf("%w: more than %d rows", ErrTooLarge, MaxRows)}
		}
		if header == nil {
			for _, c := range rec {
				if headerKey(c) == "urn" {
					header = rec
				}
			}
		}
		rows = append(rows, tableRow{num: line, cells: rec})
	}
	return rows, header, nil
}
