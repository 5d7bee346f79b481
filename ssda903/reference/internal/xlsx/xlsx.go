// Package xlsx reads the cells of an Office Open XML workbook (.xlsx) with
// the standard library's archive/zip and encoding/xml: the sheets' names
// in workbook order, and each sheet's cells as text, with the shared
// strings, inline strings, formula results, numbers and booleans the
// format holds. It reads no styles and evaluates no formula: a date is
// the number the cell holds (a serial day), and the caller, which knows
// which columns hold dates, converts it with [Workbook.Date].
//
// Every size is bounded ([Limits]) before anything is decompressed past
// the bound, and every problem is an error naming the part, the sheet,
// the row and the column where it is; nothing panics on any input.
package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
)

// Limits bound what a workbook may hold. A zero field takes its default.
type Limits struct {
	// PartBytes bounds the decompressed size of one part (a sheet, the
	// shared strings); default 256 MiB.
	PartBytes int64
	// Rows bounds the rows of a sheet; default 1,048,576 (Excel's own).
	Rows int
	// Columns bounds the column of a cell; default 16,384 (XFD, Excel's).
	Columns int
	// Parts bounds the files in the zip archive; default 10,000.
	Parts int
	// CellBytes bounds the text of one cell; default 32,767 (Excel's).
	CellBytes int
}

func (l Limits) withDefaults() Limits {
	if l.PartBytes <= 0 {
		l.PartBytes = 256 << 20
	}
	if l.Rows <= 0 {
		l.Rows = 1 << 20
	}
	if l.Columns <= 0 {
		l.Columns = 16384
	}
	if l.Parts <= 0 {
		l.Parts = 10000
	}
	if l.CellBytes <= 0 {
		l.CellBytes = 32767
	}
	return l
}

// ErrMalformed reports a workbook that is not a well-formed xlsx file.
var ErrMalformed = errors.New("not a well-formed xlsx workbook")

// ErrTooLarge reports a workbook past one of its [Limits].
var ErrTooLarge = errors.New("too large")

// Error is a problem at a place in a workbook: the part of the archive,
// the sheet, the 1-based row and column (0 where the problem is not in a
// cell). It wraps [ErrMalformed] or [ErrTooLarge].
type Error struct {
	Part  string
	Sheet string
	Row   int
	Col   int
	Err   error
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Sheet != "" {
		b.WriteString("sheet ")
		b.WriteString(strconv.Quote(e.Sheet))
	} else if e.Part != "" {
		b.WriteString(e.Part)
	}
	if e.Row > 0 {
		b.WriteString(" row ")
		b.WriteString(strconv.Itoa(e.Row))
	}
	if e.Col > 0 {
		b.WriteString(" column ")
		b.WriteString(ColumnName(e.Col))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Sheet is one worksheet: its name and where its XML is in the archive.
type Sheet struct {
	Name string
	part string
}

// Workbook is an open workbook. It holds the shared strings and the zip
// directory; sheets are read on demand.
type Workbook struct {
	zr       *zip.Reader
	files    map[string]*zip.File
	sheets   []Sheet
	strings  []string
	date1904 bool
	limits   Limits
}

// Open reads the workbook's directory, sheet list and shared strings.
func Open(r io.ReaderAt, size int64, limits Limits) (*Workbook, error) {
	limits = limits.withDefaults()
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	if len(zr.File) > limits.Parts {
		return nil, &Error{Err: fmt.Errorf("%w: more than %d files in the archive", ErrTooLarge, limits.Parts)}
	}
	wb := &Workbook{zr: zr, files: make(map[string]*zip.File, len(zr.File)), limits: limits}
	for _, f := range zr.File {
		wb.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := wb.readWorkbook(); err != nil {
		return nil, err
	}
	if err := wb.readSharedStrings(); err != nil {
		return nil, err
	}
	return wb, nil
}

// Sheets returns the worksheets in workbook order: a fresh slice.
func (wb *Workbook) Sheets() []Sheet { return append([]Sheet(nil), wb.sheets...) }

// Date converts a cell's serial day number (as the cell's text holds it)
// to a calendar date, in the workbook's date system (1900, where serial 1
// is 1 January 1900, or 1904, where serial 0 is 1 January 1904, where the
// workbook says so). The time of day, if any, is dropped. ok is false
// for text that is not a number or a number outside years 1900 to 9999.
func (wb *Workbook) Date(serial string) (y int, m time.Month, d int, ok bool) {
	f, err := strconv.ParseFloat(serial, 64)
	if err != nil || f != f || f < 0 || f > 2958465 || (f < 1 && !wb.date1904) {
		return 0, 0, 0, false
	}
	days := int(f)
	var base time.Time
	if wb.date1904 {
		base = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
	} else {
		// Serial 1 is 1 January 1900; Excel counts a 29 February 1900 that
		// did not exist (serial 60), so serials from 61 are one day ahead.
		if days == 60 {
			return 0, 0, 0, false
		}
		if days > 60 {
			days--
		}
		base = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	t := base.AddDate(0, 0, days)
	y, m, d = t.Date()
	return y, m, d, y <= 9999
}

// readPart returns a part's decompressed bytes, at most limits.PartBytes.
func (wb *Workbook) readPart(name string) ([]byte, error) {
	f, ok := wb.files[name]
	if !ok {
		return nil, &Error{Part: name, Err: fmt.Errorf("%w: the archive has no %s", ErrMalformed, name)}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Part: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, wb.limits.PartBytes+1))
	if err != nil {
		return nil, &Error{Part: name, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	if int64(len(b)) > wb.limits.PartBytes {
		return nil, &Error{Part: name, Err: fmt.Errorf("%w: more than %d bytes decompressed", ErrTooLarge, wb.limits.PartBytes)}
	}
	return b, nil
}

// relsOf returns the relationships part of a part: xl/workbook.xml's is
// xl/_rels/workbook.xml.rels.
func relsOf(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// workbookPart finds the workbook part from the package relationships,
// falling back to the usual xl/workbook.xml.
func (wb *Workbook) workbookPart() string {
	const officeDocument = "/officeDocument"
	if b, err := wb.readPart("_rels/.rels"); err == nil {
		var rels relationships
		if xml.Unmarshal(b, &rels) == nil {
			for _, r := range rels.Rel {
				if strings.HasSuffix(r.Type, officeDocument) && r.TargetMode != "External" {
					return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
				}
			}
		}
	}
	return "xl/workbook.xml"
}

type relationships struct {
	Rel []struct {
		ID         string `xml:"Id,attr"`
		Type       string `xml:"Type,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

func (wb *Workbook) readWorkbook() error {
	part := wb.workbookPart()
	b, err := wb.readPart(part)
	if err != nil {
		return err
	}
	var w workbookXML
	if err := xml.Unmarshal(b, &w); err != nil {
		return &Error{Part: part, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	wb.date1904 = w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	targets := map[string]string{}
	if rb, err := wb.readPart(relsOf(part)); err == nil {
		var rels relationships
		if err := xml.Unmarshal(rb, &rels); err != nil {
			return &Error{Part: relsOf(part), Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		}
		for _, r := range rels.Rel {
			if r.TargetMode == "External" {
				continue
			}
			t := r.Target
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(path.Clean(t), "/")
			} else {
				t = path.Clean(path.Join(path.Dir(part), t))
			}
			targets[r.ID] = t
		}
	}
	for i, s := range w.Sheets {
		p, ok := targets[s.RID]
		if !ok {
			// Without relationships, sheets are conventionally numbered.
			p = path.Join(path.Dir(part), "worksheets", "sheet"+strconv.Itoa(i+1)+".xml")
		}
		wb.sheets = append(wb.sheets, Sheet{Name: s.Name, part: p})
	}
	if len(wb.sheets) == 0 {
		return &Error{Part: part, Err: fmt.Errorf("%w: the workbook lists no sheets", ErrMalformed)}
	}
	return nil
}

func (wb *Workbook) readSharedStrings() error {
	// The shared strings part is optional; its name comes from the
	// workbook's relationships, usually xl/sharedStrings.xml.
	part := ""
	for name := range wb.files {
		if strings.EqualFold(path.Base(name), "sharedStrings.xml") {
			part = name
			break
		}
	}
	if part == "" {
		return nil
	}
	b, err := wb.readPart(part)
	if err != nil {
		return err
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var cur strings.Builder
	depth, inSI, inT, inRPh := 0, false, false, 0
	var nest nesting
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if err := nest.end(); err != nil {
				return &Error{Part: part, Err: err}
			}
			break
		}
		if err != nil {
			return &Error{Part: part, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
		}
		if err := nest.token(tok); err != nil {
			return &Error{Part: part, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI
			case "rPh": // phonetic runs are not part of the text
				inRPh++
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "si":
				inSI = false
				wb.strings = append(wb.strings, cur.String())
			case "t":
				inT = false
			case "rPh":
				inRPh--
			}
		case xml.CharData:
			if inT && inRPh == 0 {
				if cur.Len()+len(t) > wb.limits.CellBytes {
					return &Error{Part: part, Err: fmt.Errorf("%w: shared string %d longer than %d bytes", ErrTooLarge, len(wb.strings), wb.limits.CellBytes)}
				}
				cur.Write(t)
			}
		}
	}
	return nil
}

// nesting checks that elements close in order, which RawToken (chosen
// for speed: it neither translates namespaces nor checks nesting) does
// not.
type nesting struct{ open []string }

func (n *nesting) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		if len(n.open) >= 64 {
			return fmt.Errorf("%w: elements nested more than 64 deep", ErrMalformed)
		}
		n.open = append(n.open, t.Name.Local)
	case xml.EndElement:
		if len(n.open) == 0 || n.open[len(n.open)-1] != t.Name.Local {
			return fmt.Errorf("%w: XML syntax error: unexpected </%s>", ErrMalformed, excerpt(t.Name.Local))
		}
		n.open = n.open[:len(n.open)-1]
	}
	return nil
}

func (n *nesting) end() error {
	if len(n.open) > 0 {
		return fmt.Errorf("%w: XML syntax error: unexpected end of part inside <%s>", ErrMalformed, excerpt(n.open[len(n.open)-1]))
	}
	return nil
}

// Cell is one cell's text: a string as written, a number as the file
// writes it ("45261", "0.5"), a boolean as "TRUE" or "FALSE", an error
// value as written ("#N/A").
type Cell struct {
	Col  int // 1-based
	Text string
}

// Row is one row's non-empty cells, in column order, and its 1-based
// number in the sheet.
type Row struct {
	Num   int
	Cells []Cell
}

// ReadSheet returns a sheet's rows that hold at least one cell with text,
// in order.
func (wb *Workbook) ReadSheet(s Sheet) ([]Row, error) {
	b, err := wb.readPart(s.part)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.Sheet = s.Name
		}
		return nil, err
	}
	return wb.parseSheet(s.Name, b)
}

func (wb *Workbook) parseSheet(name string, b []byte) ([]Row, error) {
	fail := func(row, col int, err error) error {
		return &Error{Sheet: name, Row: row, Col: col, Err: err}
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	var (
		rows              []Row
		row               *Row
		rowNum, lastRow   int
		col, lastCol      int
		typ               string
		text              strings.Builder
		inV, inIS, inT    bool
		inF, inRPh, inCel bool
		inSheetData       bool
	)
	var nest nesting
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if err := nest.end(); err != nil {
				return rows, fail(rowNum, 0, err)
			}
			break
		}
		if err != nil {
			return rows, fail(rowNum, 0, fmt.Errorf("%w: %v", ErrMalformed, err))
		}
		if err := nest.token(tok); err != nil {
			return rows, fail(rowNum, 0, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inSheetData = true
			case "row":
				if !inSheetData {
					continue
				}
				rowNum = lastRow + 1
				if r := attr(t, "r"); r != "" {
					n, err := strconv.Atoi(r)
					if err != nil || n < 1 {
						return rows, fail(lastRow+1, 0, fmt.Errorf("%w: row number %s", ErrMalformed, strconv.Quote(excerpt(r))))
					}
					if n <= lastRow {
						return rows, fail(n, 0, fmt.Errorf("%w: rows out of order", ErrMalformed))
					}
					rowNum = n
				}
				if rowNum > wb.limits.Rows {
					return rows, fail(rowNum, 0, fmt.Errorf("%w: more than %d rows", ErrTooLarge, wb.limits.Rows))
				}
				lastRow, lastCol = rowNum, 0
				rows = append(rows, Row{Num: rowNum})
				row = &rows[len(rows)-1]
			case "c":
				if row == nil {
					continue
				}
				inCel = true
				col = lastCol + 1
				if ref := attr(t, "r"); ref != "" {
					c, r, ok := parseRef(ref)
					if !ok {
						return rows, fail(rowNum, lastCol+1, fmt.Errorf("%w: cell reference %s", ErrMalformed, strconv.Quote(excerpt(ref))))
					}
					if r != 0 && r != rowNum {
						return rows, fail(rowNum, c, fmt.Errorf("%w: cell %s is not in row %d", ErrMalformed, strconv.Quote(excerpt(ref)), rowNum))
					}
					col = c
				}
				if col <= lastCol {
					return rows, fail(rowNum, col, fmt.Errorf("%w: cells out of order", ErrMalformed))
				}
				if col > wb.limits.Columns {
					return rows, fail(rowNum, col, fmt.Errorf("%w: beyond column %d", ErrTooLarge, wb.limits.Columns))
				}
				lastCol = col
				typ = attr(t, "t")
				text.Reset()
			case "v":
				inV = inCel
			case "is":
				inIS = inCel
			case "t":
				inT = inIS
			case "f":
				inF = inCel
			case "rPh":
				inRPh = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inSheetData = false
				row = nil
			case "row":
				row = nil
			case "c":
				if !inCel || row == nil {
					continue
				}
				inCel = false
				v, err := wb.cellText(typ, text.String())
				if err != nil {
					return rows, fail(rowNum, col, err)
				}
				if v != "" {
					row.Cells = append(row.Cells, Cell{Col: col, Text: v})
				}
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "f":
				inF = false
			case "rPh":
				inRPh = false
			}
		case xml.CharData:
			if (inV || inT) && !inF && !inRPh {
				if text.Len()+len(t) > wb.limits.CellBytes {
					return rows, fail(rowNum, col, fmt.Errorf("%w: cell longer than %d bytes", ErrTooLarge, wb.limits.CellBytes))
				}
				text.Write(t)
			}
		}
	}
	// Drop rows left with no cell.
	out := rows[:0]
	for _, r := range rows {
		if len(r.Cells) > 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// cellText resolves a cell's value by its type.
func (wb *Workbook) cellText(typ, v string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(wb.strings) {
			return "", fmt.Errorf("%w: shared string index %s out of range", ErrMalformed, strconv.Quote(excerpt(v)))
		}
		return wb.strings[i], nil
	case "b":
		switch strings.TrimSpace(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		case "":
			return "", nil
		}
		return "", fmt.Errorf("%w: boolean %s", ErrMalformed, strconv.Quote(excerpt(v)))
	case "", "n":
		return strings.TrimSpace(v), nil
	default: // str (formula string), inlineStr, e (error), d (ISO date)
		return v, nil
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// parseRef reads a cell reference such as "AB12" (or "AB", a column
// alone): the 1-based column, and the row or 0.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 4 {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		i++
	}
	if i == 0 {
		return 0, 0, false
	}
	if i == len(ref) {
		return col, 0, true
	}
	if len(ref)-i > 8 {
		return 0, 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		row = row*10 + int(c-'0')
	}
	return col, row, row > 0
}

// ColumnName returns the letters of a 1-based column: 1 is "A", 28 "AB".
func ColumnName(col int) string {
	if col < 1 {
		return "?"
	}
	var b [8]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// excerpt bounds a value quoted in an error.
func excerpt(s string) string {
	const n = 16
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
