package reference

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Postcode is what the ONS Postcode Directory says of one postcode: the
// authority it is in and where it is.
type Postcode struct {
	// Postcode is the postcode, normalised ([NormalizePostcode]):
	// "SW1A 1AA".
	Postcode string
	// District is the ONS code of the local authority district
	// (lower-tier: E06, E07, E08, E09 in England; W06, S12, N09 outside),
	// the Directory's oslaua (laua, or ladNNcd in later editions).
	District string
	// County is the ONS code of the county (E10) for a postcode in a
	// two-tier area, the Directory's oscty (cty, ctyNNcd), and "" where
	// there is none (the Directory's pseudo-code E99999999 is read as "").
	County string
	// Country is the ONS code of the country (E92000001 England,
	// W92000004 Wales, S92000003 Scotland, N92000002 Northern Ireland),
	// the Directory's ctry; "" when the file has no such column.
	Country string
	// Easting and Northing are the postcode's grid reference on the
	// Ordnance Survey National Grid, in metres (oseast1m, osnrth1m);
	// HasGrid is false when the Directory gives none (it does not for
	// some Channel Islands and Isle of Man postcodes, nor for postcodes
	// with no location).
	Easting, Northing int32
	HasGrid           bool
	// LatE6 and LongE6 are the latitude and longitude in millionths of
	// a degree (lat, long), for display; HasLatLong is false when the
	// file gives none. Distances use the grid reference, as the DfE does.
	LatE6, LongE6 int32
	HasLatLong    bool
	// Terminated is the month the postcode was terminated, "YYYYMM" as
	// the Directory writes it (doterm), or "" for a live postcode.
	Terminated string
}

// Authority returns the upper-tier authority of the postcode: the county
// where there is one, otherwise the district (a unitary authority, a
// metropolitan or London borough). It is the authority responsible for
// children's services, and the DfE's placement authority (PL_LA) for a
// postcode in England.
func (p Postcode) Authority() string {
	if p.County != "" {
		return p.County
	}
	return p.District
}

// Postcodes finds a postcode's authority and location. [PostcodeTable]
// implements it from the ONS Postcode Directory; an integration with its
// own gazetteer can implement it too.
type Postcodes interface {
	// Lookup returns what is known of the postcode, in any spelling
	// [NormalizePostcode] accepts, and false for a postcode it does not
	// know (or a partial one).
	Lookup(postcode string) (Postcode, bool)
}

// NormalizePostcode returns a postcode in the Directory's "pcds" form:
// upper case, no surrounding space, one space before the inward code
// ("sw1a1aa", " SW1A  1AA " and "SW1A 1AA" are all "SW1A 1AA"). Text
// that is not a full postcode is returned upper-cased with its spaces
// removed, so that it compares consistently but matches no full postcode.
func NormalizePostcode(s string) string {
	var b [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			continue
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if n == len(b) {
			return strings.ToUpper(strings.Join(strings.Fields(s), ""))
		}
		b[n] = c
		n++
	}
	if n >= 5 && n <= 7 && isDigit(b[n-3]) && isLetter(b[n-2]) && isLetter(b[n-1]) {
		return string(b[:n-3]) + " " + string(b[n-3:n])
	}
	return string(b[:n])
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' }

// postcodeKey packs a normalised full postcode, without its space, into
// a uint64 (at most 7 bytes). ok is false for anything else.
func postcodeKey(s string) (uint64, bool) {
	var k uint64
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			continue
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if !isDigit(c) && !isLetter(c) {
			return 0, false
		}
		n++
		if n > 7 {
			return 0, false
		}
		k = k<<8 | uint64(c)
	}
	if n < 5 {
		return 0, false
	}
	// The inward code: a digit and two letters.
	if !isDigit(byte(k>>16)) || !isLetter(byte(k>>8)) || !isLetter(byte(k)) {
		return 0, false
	}
	return k, true
}

// keyString unpacks a key into the normalised postcode.
func keyString(k uint64) string {
	var b [8]byte
	i := len(b)
	for k != 0 {
		i--
		b[i] = byte(k)
		k >>= 8
	}
	s := string(b[i:])
	return s[:len(s)-3] + " " + s[len(s)-3:]
}

// pcRecord is a postcode in a PostcodeTable: codes as indexes into the
// table's list of codes, to keep two and a half million postcodes small.
type pcRecord struct {
	district, county, country uint16
	flags                     uint8
	easting, northing         int32
	lat, long                 int32
	terminated                int32 // YYYYMM, 0 when live
}

const (
	hasGrid uint8 = 1 << iota
	hasLatLong
)

// PostcodeTable is a [Postcodes] read from the ONS Postcode Directory
// ([ReadONSPD]). It is not modified once read, and is safe for concurrent
// use.
type PostcodeTable struct {
	m     map[uint64]pcRecord
	codes []string // index 0 is ""
}

// Len returns the number of postcodes in the table.
func (t *PostcodeTable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.m)
}

// Lookup implements [Postcodes]. It knows full postcodes only.
func (t *PostcodeTable) Lookup(postcode string) (Postcode, bool) {
	if t == nil {
		return Postcode{}, false
	}
	k, ok := postcodeKey(postcode)
	if !ok {
		return Postcode{}, false
	}
	r, ok := t.m[k]
	if !ok {
		return Postcode{}, false
	}
	p := Postcode{
		Postcode: keyString(k), District: t.codes[r.district], County: t.codes[r.county], Country: t.codes[r.country],
		Easting: r.easting, Northing: r.northing, HasGrid: r.flags&hasGrid != 0,
		LatE6: r.lat, LongE6: r.long, HasLatLong: r.flags&hasLatLong != 0,
	}
	if r.terminated != 0 {
		p.Terminated = strconv.Itoa(int(r.terminated))
	}
	return p, true
}

// ONSPDOptions choose what [ReadONSPD] keeps.
type ONSPDOptions struct {
	// LiveOnly drops terminated postcodes (those with a doterm). By
	// default they are kept, with Terminated set: a child's home postcode
	// recorded years ago may since have been terminated, and the DfE's
	// distances are computed for the postcodes the return holds.
	LiveOnly bool
}

// onspdColumns lists, for each field, the headers it is read from in the
// editions of the ONS Postcode Directory (and the National Statistics
// Postcode Lookup, whose layout is close): the first present wins.
// Headers match case-insensitively; a header ending in a two-digit year
// and "cd" (lad25cd) matches its stem.
var onspdColumns = struct {
	postcode, district, county, country, east, north, lat, long, doterm []string
}{
	postcode: []string{"pcds", "pcd", "pcd2", "pcd7", "pcd8"},
	district: []string{"oslaua", "laua", "ladcd", "lad"},
	county:   []string{"oscty", "cty", "ctycd"},
	country:  []string{"ctry", "ctrycd"},
	east:     []string{"oseast1m", "east1m"},
	north:    []string{"osnrth1m", "north1m"},
	lat:      []string{"lat"},
	long:     []string{"long"},
	doterm:   []string{"doterm"},
}

// onspdKey normalises an ONSPD header: lower case, trimmed, and a
// "NNcd" year suffix reduced to "cd" (lad25cd is ladcd).
func onspdKey(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if n := len(h); n > 4 && strings.HasSuffix(h, "cd") && isDigit(h[n-3]) && isDigit(h[n-4]) {
		h = h[:n-4] + "cd"
	}
	return h
}

// pseudoCode reports the Directory's codes for "none": E99999999 and its
// kin in the other countries, and blanks.
func pseudoCode(s string) bool {
	return s == "" || (len(s) == 9 && s[1:] == "99999999")
}

// ReadONSPD reads the ONS Postcode Directory (ONSPD) in its CSV layout,
// or the National Statistics Postcode Lookup's: a header row naming the
// columns (pcds or pcd; oslaua, laua or ladNNcd; oscty, cty or ctyNNcd;
// ctry; oseast1m and osnrth1m; lat and long; doterm), then a row a
// postcode. Only the postcode and the district are required. Quoted cells
// ("AB1 0AA") are read as CSV.
//
// name is the file's name, for errors. It reads at most [MaxFileBytes] and
// [MaxRows] rows; a row that cannot be read (a grid reference that is not
// a number, a postcode that is not a full one) is reported by row and
// column and skipped. It returns the table of the rows read and an
// [Errors] listing every problem. A postcode listed twice keeps its
// first row.
func ReadONSPD(r io.Reader, name string, opt ONSPDOptions) (*PostcodeTable, error) {
	t := &PostcodeTable{m: make(map[uint64]pcRecord), codes: []string{""}}
	index := map[string]uint16{"": 0}
	intern := func(s string) (uint16, bool) {
		if i, ok := index[s]; ok {
			return i, true
		}
		if len(t.codes) >= 1<<16 {
			return 0, false
		}
		i := uint16(len(t.codes))
		t.codes = append(t.codes, s)
		index[s] = i
		return i, true
	}
	var errs Errors
	fail := func(row int, col string, err error) {
		if len(errs) < maxReported {
			errs = append(errs, &Error{File: name, Row: row, Column: col, Err: err})
		}
	}
	lr := &limitedReader{r: r, n: MaxFileBytes}
	br := bufio.NewReaderSize(lr, 1<<16)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty file")
		}
		return t, Errors{{File: name, Row: 1, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}}
	}
	header = append([]string(nil), header...) // ReuseRecord: the next Read overwrites it
	col := map[string]int{}
	for i, h := range header {
		if _, dup := col[onspdKey(h)]; !dup {
			col[onspdKey(h)] = i
		}
	}
	find := func(names []string) int {
		for _, n := range names {
			if i, ok := col[n]; ok {
				return i
			}
		}
		return -1
	}
	cPC, cLA, cCty, cCtry := find(onspdColumns.postcode), find(onspdColumns.district), find(onspdColumns.county), find(onspdColumns.country)
	cE, cN, cLat, cLong, cTerm := find(onspdColumns.east), find(onspdColumns.north), find(onspdColumns.lat), find(onspdColumns.long), find(onspdColumns.doterm)
	colName := func(i int) string { return strconv.Quote(strings.TrimSpace(header[i])) }
	if cPC < 0 || cLA < 0 {
		missing := "pcds (or pcd)"
		if cPC >= 0 {
			missing = "oslaua (or laua, ladNNcd)"
		}
		return t, Errors{{File: name, Row: 1, Err: fmt.Errorf("%w: %s", ErrMissingColumn, missing)}}
	}
	get := func(rec []string, i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	row := 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		row++
		if err != nil {
			if lr.over {
				return t, append(errs, &Error{File: name, Row: row, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, int64(MaxFileBytes))})
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(err, csv.ErrFieldCount) {
				continue // FieldsPerRecord is -1: not reached
			}
			return t, append(errs, &Error{File: name, Row: row, Err: fmt.Errorf("%w: %v", ErrMalformed, errors.Unwrap(err))})
		}
		if row-1 > MaxRows {
			return t, append(errs, &Error{File: name, Row: row, Err: fmt.Errorf("%w: more than %d rows", ErrTooLarge, MaxRows)})
		}
		term := get(rec, cTerm)
		if opt.LiveOnly && term != "" {
			continue
		}
		pc := get(rec, cPC)
		k, ok := postcodeKey(pc)
		if !ok {
			fail(row, colName(cPC), fmt.Errorf("%w: not a full postcode: %s", ErrBadValue, excerpt(pc)))
			continue
		}
		if _, dup := t.m[k]; dup {
			continue
		}
		var rc pcRecord
		codes := [3]struct {
			c   int
			dst *uint16
		}{{cLA, &rc.district}, {cCty, &rc.county}, {cCtry, &rc.country}}
		bad := false
		for _, c := range codes {
			v := get(rec, c.c)
			if pseudoCode(v) {
				continue
			}
			if len(v) > 16 {
				fail(row, colName(c.c), fmt.Errorf("%w: not an ONS code: %s", ErrBadValue, excerpt(v)))
				bad = true
				break
			}
			i, ok := intern(strings.ToUpper(v))
			if !ok {
				fail(row, colName(c.c), fmt.Errorf("%w: more than 65,535 distinct codes", ErrTooLarge))
				bad = true
				break
			}
			*c.dst = i
		}
		if bad {
			continue
		}
		if e, n := get(rec, cE), get(rec, cN); e != "" && n != "" {
			ev, err1 := strconv.ParseInt(e, 10, 32)
			nv, err2 := strconv.ParseInt(n, 10, 32)
			switch {
			case err1 != nil || ev < 0 || ev > 1_000_000:
				fail(row, colName(cE), fmt.Errorf("%w: not an easting in metres: %s", ErrBadValue, excerpt(e)))
				continue
			case err2 != nil || nv < 0 || nv > 2_000_000:
				fail(row, colName(cN), fmt.Errorf("%w: not a northing in metres: %s", ErrBadValue, excerpt(n)))
				continue
			}
			// The Directory writes 0/1 or blank for postcodes with no grid
			// reference (osgrdind 9); a grid reference at the false origin
			// is no place in the United Kingdom.
			if ev != 0 || nv != 0 {
				rc.easting, rc.northing, rc.flags = int32(ev), int32(nv), rc.flags|hasGrid
			}
		}
		if la, lo := get(rec, cLat), get(rec, cLong); la != "" && lo != "" {
			lav, ok1 := parseMicro(la, 100) // 99.999999 means none
			lov, ok2 := parseMicro(lo, 180)
			switch {
			case !ok1:
				fail(row, colName(cLat), fmt.Errorf("%w: not a latitude: %s", ErrBadValue, excerpt(la)))
				continue
			case !ok2:
				fail(row, colName(cLong), fmt.Errorf("%w: not a longitude: %s", ErrBadValue, excerpt(lo)))
				continue
			}
			// 99.999999 and 0 are the Directory's "no location".
			if lav != 99_999_999 && (lav != 0 || lov != 0) {
				rc.lat, rc.long, rc.flags = lav, lov, rc.flags|hasLatLong
			}
		}
		if term != "" {
			v, err := strconv.Atoi(term)
			if err != nil || v < 100001 || v > 999912 {
				fail(row, colName(cTerm), fmt.Errorf("%w: not a month YYYYMM: %s", ErrBadValue, excerpt(term)))
				continue
			}
			rc.terminated = int32(v)
		}
		t.m[k] = rc
	}
	return t, errs.orNil()
}

// maxReported bounds the problems a loader lists for one file: past it, a
// file is wrong throughout and more lines say nothing new.
const maxReported = 1000

// parseMicro reads a decimal number of degrees, at most limit in size,
// into millionths, rounding half away from zero past six places.
func parseMicro(s string, limit int64) (int32, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "" && fp == "" || len(ip) > 3 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(ip); i++ {
		if !isDigit(ip[i]) {
			return 0, false
		}
		v = v*10 + int64(ip[i]-'0')
	}
	if v > limit {
		return 0, false
	}
	for i := 0; i < 7; i++ {
		d := int64(0)
		if i < len(fp) {
			if !isDigit(fp[i]) {
				return 0, false
			}
			d = int64(fp[i] - '0')
		}
		if i == 6 {
			if d >= 5 {
				v++
			}
			break
		}
		v = v*10 + d
	}
	for i := 7; i < len(fp); i++ {
		if !isDigit(fp[i]) {
			return 0, false
		}
	}
	if neg {
		v = -v
	}
	return int32(v), true
}

// limitedReader reads at most n bytes and records whether r had more.
type limitedReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k > 0 {
			l.over = true
			return 0, errTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

var errTooLarge = errors.New("input too large")
