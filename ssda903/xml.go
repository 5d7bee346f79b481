package ssda903

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/lookedafter/practice/care"
)

// This file reads and writes the XML form of the return. The layout is the
// DfE's (the shared synthetic return fake_903.xml follows it):
//
//	<EXPSSDA903>
//	  <CHILD>
//	    <HEADER>
//	      <CHILDID/> <UPN/> <SEX/> <DOB/> <ETHNIC/> <UASC/> <DUC/>
//	      <DATE_INT/> … <LS_ADOPTR/>              (AD1, for an adopted child)
//	      <AMISSING> <MISSING/> <MIS_START/> <MIS_END/> </AMISSING>  …
//	      <IN_TOUCH/> <ACTIV/> <ACCOM/>           (OC3, for a care leaver)
//	      <AREVIEW> <REVIEW/> <REVIEW_CODE/> </AREVIEW>  …
//	      <MOTHER/> <MC_DOB/>
//	      <PERMANENCE> <PREV_PERM/> <LA_PERM/> <DATE_PERM/> </PERMANENCE>
//	      <OC2> <SDQ_SCORE/> … <INTERVENTION_OFFERED/> </OC2>
//	      <AD_PLACED> <DATE_PLACED/> <DATE_PLACED_CEASED/> <REASON_PLACED_CEASED/> </AD_PLACED>  …
//	    </HEADER>
//	    <EPISODE> <DECOM/> <RNE/> <LS/> <CIN/> <PL/> … </EPISODE>  …
//	    <SW_EPISODE> <SW_ID/> <SW_DECOM/> <SW_DEC/> <SW_REASON/> </SW_EPISODE>  …
//	    <DOLO> <DOLO_START/> <DOLO_END/> </DOLO>  …
//	  </CHILD>
//	</EXPSSDA903>
//
// Every field element is named as its CSV column, except the child's ID
// (CHILDID for CHILD) and the placement type (PL for PLACE). The rows of
// the CSV tables that repeat the child's DOB (and SEX, in UASC) take them
// from the HEADER.

// xmlField maps an XML field element to its table and column.
type xmlField struct {
	table Table
	col   int
}

// headerFields are the field elements directly inside HEADER.
var headerFields = map[string]xmlField{
	"CHILDID": {TableHeader, colChild},
	"UPN":     {TableHeader, hdrUPN},
	"SEX":     {TableHeader, hdrSex},
	"DOB":     {TableHeader, hdrDOB},
	"ETHNIC":  {TableHeader, hdrEthnic},
	"UASC":    {TableHeader, hdrUASC},
	"MOTHER":  {TableHeader, hdrMother},
	"MC_DOB":  {TableHeader, hdrMCDOB},

	"DUC": {TableUASC, uaDUC},

	"DATE_INT":    {TableAD1, adInt},
	"DATE_MATCH":  {TableAD1, adMatch},
	"FOSTER_CARE": {TableAD1, adFoster},
	"NB_ADOPTR":   {TableAD1, adNumber},
	"SEX_ADOPTR":  {TableAD1, adSex},
	"LS_ADOPTR":   {TableAD1, adLS},

	"IN_TOUCH": {TableOC3, oc3InTouch},
	"ACTIV":    {TableOC3, oc3Activ},
	"ACCOM":    {TableOC3, oc3Accom},
}

// xmlGroups maps a row element to its table; headerGroup reports whether
// it sits in HEADER (rather than directly in CHILD).
var xmlGroups = map[string]Table{
	"AREVIEW":    TableReviews,
	"AMISSING":   TableMissing,
	"PERMANENCE": TablePrevPerm,
	"OC2":        TableOC2,
	"AD_PLACED":  TablePlacedAdoption,
	"EPISODE":    TableEpisodes,
	"SW_EPISODE": TableSWEpisodes,
	"DOLO":       TableDoLo,
}

// groupInHeader reports whether table t's row elements sit in HEADER.
func groupInHeader(t Table) bool {
	switch t {
	case TableEpisodes, TableSWEpisodes, TableDoLo:
		return false
	}
	return true
}

// xmlName returns the XML element of column c of table t.
func xmlName(t Table, c int) string {
	switch {
	case c == colChild && t == TableHeader:
		return "CHILDID"
	case t == TableEpisodes && c == epPLACE:
		return "PL"
	}
	return specs[t].columns[c].name
}

// groupColumn returns the column of table t that the element name inside
// one of its row elements holds, or -1.
func groupColumn(t Table, name string) int {
	if t == TableEpisodes && name == "PL" {
		return epPLACE
	}
	if name == "PLACE" && t == TableEpisodes {
		return -1
	}
	c := specColumn(t, name)
	if c <= colChild || name == "DOB" || (t == TableUASC && name == "SEX") {
		return -1
	}
	return c
}

// xmlRow is a row read from XML, before its child's CHILD and DOB are
// known: one cell per column of its table's spec, and which were given.
type xmlRow struct {
	cells []string
	given []bool
	line  int
}

func newXMLRow(t Table, line int) *xmlRow {
	n := len(specs[t].columns)
	return &xmlRow{cells: make([]string, n), given: make([]bool, n), line: line}
}

// xmlChild is one CHILD element read.
type xmlChild struct {
	line   int
	header *xmlRow // nil when the CHILD has no HEADER
	// flat are the rows of UASC, AD1 and OC3, whose fields sit in HEADER:
	// nil when none of the table's fields was given.
	flat map[Table]*xmlRow
	rows []xmlTableRow
}

type xmlTableRow struct {
	table Table
	row   *xmlRow
}

// xmlReader reads one XML file into a returnBuilder.
type xmlReader struct {
	rb   *returnBuilder
	name string
	d    *xml.Decoder
	// rows are the rows read, by table, in order.
	rows [numTables][]*xmlRow
}

func (x *xmlReader) fail(line int, t Table, row int, column string, err error) {
	x.rb.errs = append(x.rb.errs, &Error{File: x.name, Table: t, Row: row, Line: line, Column: column, Err: err})
}

func (x *xmlReader) line() int {
	l, _ := x.d.InputPos()
	return l
}

// readXML reads one XML file into the return.
func (rb *returnBuilder) readXML(name string, data []byte) {
	if len(data) > MaxFileBytes {
		rb.errs = append(rb.errs, &Error{File: name, Err: errTooLarge})
		return
	}
	text, err := decodeText(data)
	if err != nil {
		rb.errs = append(rb.errs, &Error{File: name, Err: err})
		return
	}
	if t := bytes.TrimLeft(text, " \t\r\n"); len(t) == 0 || t[0] != '<' {
		rb.errs = append(rb.errs, &Error{File: name, Err: fmt.Errorf("%w: the file does not start with an XML element: not an XML return", ErrUnknownTable)})
		return
	}
	d := xml.NewDecoder(bytes.NewReader(text))
	d.CharsetReader = charsetReader
	x := &xmlReader{rb: rb, name: name, d: d}
	x.read()
	x.emit()
}

// errStop ends reading a file after a syntax error, which encoding/xml
// cannot recover from.
var errStop = errors.New("stop")

// next returns the next token that matters: elements, and character data
// other than white space (which it reports as an error if where is a
// container, not a field). Comments, processing instructions and
// directives are skipped.
func (x *xmlReader) next(where string) (xml.Token, error) {
	for {
		tok, err := x.d.Token()
		line := x.line()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			x.syntax(err)
			return nil, errStop
		}
		switch t := tok.(type) {
		case xml.StartElement, xml.EndElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				x.fail(line, TableUnknown, 0, "", fmt.Errorf("%w: text directly inside %s, where only elements belong", ErrMalformed, where))
			}
		}
	}
}

// read reads the document.
func (x *xmlReader) read() {
	for {
		tok, err := x.next("the document")
		if err == io.EOF {
			x.fail(0, TableUnknown, 0, "", fmt.Errorf("%w: no EXPSSDA903 element: not an XML return", ErrUnknownTable))
			return
		}
		if err != nil {
			return
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if start.Name.Local != "EXPSSDA903" {
			x.fail(x.line(), TableUnknown, 0, "", fmt.Errorf("%w: the root element is %s, not EXPSSDA903: not an XML return", ErrUnknownTable, care.Excerpt(start.Name.Local)))
			return
		}
		break
	}
	for {
		tok, err := x.next("EXPSSDA903")
		line := x.line()
		if err != nil {
			if err == io.EOF {
				x.fail(x.line(), TableUnknown, 0, "", fmt.Errorf("%w: the document ends inside EXPSSDA903", ErrMalformed))
			}
			return
		}
		switch t := tok.(type) {
		case xml.EndElement:
			x.trailer()
			return
		case xml.StartElement:
			if t.Name.Local != "CHILD" {
				x.unknown(line, TableUnknown, 0, t, "EXPSSDA903")
				continue
			}
			if x.child(line) != nil {
				return
			}
		}
	}
}

// trailer checks that nothing but comments and space follow the root.
func (x *xmlReader) trailer() {
	for {
		tok, err := x.next("the document")
		if err != nil {
			return
		}
		if s, ok := tok.(xml.StartElement); ok {
			x.fail(x.line(), TableUnknown, 0, "", fmt.Errorf("%w: element %s after the end of EXPSSDA903", ErrMalformed, care.Excerpt(s.Name.Local)))
			_ = x.d.Skip()
		}
	}
}

// unknown reports an element that does not belong where it is, and skips
// it.
func (x *xmlReader) unknown(line int, t Table, row int, s xml.StartElement, where string) error {
	x.fail(line, t, row, s.Name.Local, fmt.Errorf("%w: no element %s belongs in %s", ErrUnknownColumn, care.Excerpt(s.Name.Local), where))
	if err := x.d.Skip(); err != nil {
		x.syntax(err)
		return errStop
	}
	return nil
}

// syntax reports an error of encoding/xml, which ends the reading of the
// file: the decoder cannot go on after one.
func (x *xmlReader) syntax(err error) {
	line := x.line()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		msg = "the document ends in the middle of an element"
	}
	x.fail(line, TableUnknown, 0, "", fmt.Errorf("%w: %s; the rest of the file is not read", ErrMalformed, msg))
}

// child reads a CHILD element.
func (x *xmlReader) child(line int) error {
	c := &xmlChild{line: line, flat: map[Table]*xmlRow{}}
	for {
		tok, err := x.next("CHILD")
		line := x.line()
		if err != nil {
			return errStop
		}
		switch t := tok.(type) {
		case xml.EndElement:
			x.add(c)
			return nil
		case xml.StartElement:
			name := t.Name.Local
			if name == "HEADER" {
				if c.header != nil {
					x.fail(line, TableHeader, 0, "", fmt.Errorf("%w: a second HEADER in one CHILD", ErrDuplicate))
					if err := x.d.Skip(); err != nil {
						x.syntax(err)
						return errStop
					}
					continue
				}
				if err := x.header(c, line); err != nil {
					return err
				}
				continue
			}
			tb, ok := xmlGroups[name]
			if !ok || groupInHeader(tb) {
				if err := x.unknown(line, TableUnknown, 0, t, "CHILD"); err != nil {
					return err
				}
				continue
			}
			row, err := x.group(tb, line, name)
			if err != nil {
				return err
			}
			c.rows = append(c.rows, xmlTableRow{tb, row})
		}
	}
}

// header reads a HEADER element.
func (x *xmlReader) header(c *xmlChild, line int) error {
	c.header = newXMLRow(TableHeader, line)
	for {
		tok, err := x.next("HEADER")
		line := x.line()
		if err != nil {
			return errStop
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			name := t.Name.Local
			if f, ok := headerFields[name]; ok {
				r := c.header
				if f.table != TableHeader {
					r = c.flat[f.table]
					if r == nil {
						r = newXMLRow(f.table, line)
						c.flat[f.table] = r
					}
				}
				text, err := x.leaf(t, f.table, line)
				if err != nil {
					return err
				}
				if r.given[f.col] {
					x.fail(line, f.table, 0, specs[f.table].columns[f.col].name, fmt.Errorf("%w: a second %s in one HEADER", ErrDuplicate, name))
					continue
				}
				r.cells[f.col], r.given[f.col] = text, true
				continue
			}
			tb, ok := xmlGroups[name]
			if !ok || !groupInHeader(tb) {
				if err := x.unknown(line, TableUnknown, 0, t, "HEADER"); err != nil {
					return err
				}
				continue
			}
			row, err := x.group(tb, line, name)
			if err != nil {
				return err
			}
			c.rows = append(c.rows, xmlTableRow{tb, row})
		}
	}
}

// group reads a row element of table t.
func (x *xmlReader) group(t Table, line int, name string) (*xmlRow, error) {
	row := newXMLRow(t, line)
	for {
		tok, err := x.next(name)
		line := x.line()
		if err != nil {
			return nil, errStop
		}
		switch s := tok.(type) {
		case xml.EndElement:
			return row, nil
		case xml.StartElement:
			c := groupColumn(t, s.Name.Local)
			if c < 0 {
				if err := x.unknown(line, t, 0, s, name); err != nil {
					return nil, err
				}
				continue
			}
			text, err := x.leaf(s, t, line)
			if err != nil {
				return nil, err
			}
			if row.given[c] {
				x.fail(line, t, 0, specs[t].columns[c].name, fmt.Errorf("%w: a second %s in one %s", ErrDuplicate, s.Name.Local, name))
				continue
			}
			row.cells[c], row.given[c] = text, true
		}
	}
}

// leaf reads the text of a field element.
func (x *xmlReader) leaf(s xml.StartElement, t Table, line int) (string, error) {
	if len(s.Attr) > 0 {
		x.fail(line, t, 0, s.Name.Local, fmt.Errorf("%w: element %s has attributes; a field holds only text", ErrMalformed, s.Name.Local))
	}
	var text []byte
	for {
		tok, err := x.d.Token()
		if err != nil {
			x.syntax(err)
			return "", errStop
		}
		switch tk := tok.(type) {
		case xml.CharData:
			text = append(text, tk...)
		case xml.EndElement:
			return string(text), nil
		case xml.StartElement:
			x.fail(x.line(), t, 0, s.Name.Local, fmt.Errorf("%w: element %s inside field %s, which holds only text", ErrMalformed, care.Excerpt(tk.Name.Local), s.Name.Local))
			if err := x.d.Skip(); err != nil {
				x.syntax(err)
				return "", errStop
			}
		}
	}
}

// add files a child's rows under their tables, with the child's CHILD,
// DOB and SEX.
func (x *xmlReader) add(c *xmlChild) {
	var id, dob, sex string
	if c.header == nil {
		x.fail(c.line, TableHeader, 0, "", fmt.Errorf("%w: a CHILD element with no HEADER; its rows have no CHILD", ErrMalformed))
	} else {
		id, dob, sex = c.header.cells[colChild], c.header.cells[hdrDOB], c.header.cells[hdrSex]
		c.header.cells[colChild], c.header.given[colChild] = id, true
		x.rows[TableHeader] = append(x.rows[TableHeader], c.header)
	}
	fill := func(t Table, r *xmlRow) {
		r.cells[colChild] = id
		switch t {
		case TableUASC:
			r.cells[uaSex], r.cells[uaDOB] = sex, dob
		case TableEpisodes:
		default:
			r.cells[colDOB] = dob
		}
		x.rows[t] = append(x.rows[t], r)
	}
	for _, t := range []Table{TableUASC, TableAD1, TableOC3} {
		r := c.flat[t]
		if r == nil || (t == TableUASC && !r.given[uaDUC]) {
			continue
		}
		fill(t, r)
	}
	for _, tr := range c.rows {
		fill(tr.table, tr.row)
	}
}

// emit adds the rows read to the return's tables. A table's columns are
// those of its spec, less the optional ones no row gave (the derived
// columns of Episodes); Header always has the UASC flag of the XML.
func (x *xmlReader) emit() {
	for t := TableHeader; t < numTables; t++ {
		rows := x.rows[t]
		if len(rows) == 0 {
			continue
		}
		var cols []int
		for c, col := range specs[t].columns {
			keep := !col.extra || t == TableHeader
			for _, r := range rows {
				if keep {
					break
				}
				keep = r.given[c]
			}
			if keep {
				cols = append(cols, c)
			}
		}
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = specs[t].columns[c].name
		}
		tb := x.rb.ret.table(t)
		file, where := tb.addFile(x.name, names)
		cells := make([]string, len(tb.columns))
		for i, r := range rows {
			for k := range cells {
				cells[k] = ""
			}
			for j, c := range cols {
				cells[where[j]] = r.cells[c]
			}
			if !tb.addRow(file, i+1, r.line, cells) {
				x.fail(r.line, t, i+1, "", fmt.Errorf("%w: the %s table holds more than %d bytes of text; the rest of the file is not read", ErrTooLarge, t, uint64(maxText)))
				break
			}
		}
	}
}

// charsetReader lets encoding/xml read documents that declare an encoding
// other than UTF-8: US-ASCII (a subset of UTF-8), UTF-16 (already decoded
// to UTF-8 from its byte-order mark), ISO-8859-1 and Windows-1252.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii", "utf-16", "utf-16le", "utf-16be":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return singleByte(input, nil)
	case "windows-1252", "cp1252":
		return singleByte(input, &cp1252)
	}
	return nil, fmt.Errorf("unsupported encoding %s: use UTF-8", care.Excerpt(label))
}

// singleByte decodes a single-byte encoding: ISO-8859-1 (high nil), or one
// whose bytes 0x80 to 0x9F are given by high.
func singleByte(input io.Reader, high *[32]rune) (io.Reader, error) {
	b, err := io.ReadAll(input)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			out = append(out, c)
		case c < 0xA0 && high != nil:
			out = utf8.AppendRune(out, high[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return bytes.NewReader(out), nil
}

// cp1252 is Windows-1252's bytes 0x80 to 0x9F; the five it leaves
// undefined decode to the control character of the same number, as
// ISO-8859-1 has them.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// WriteXML writes the return in the DfE's XML form (see the package
// documentation's "XML") to w: one CHILD element for each Header row, in
// order, holding that child's rows of every table.
//
// Some returns cannot be written as XML without losing something, and
// WriteXML then writes nothing and returns an [Errors] naming every row
// and cell concerned: a row whose child has no Header row (or two), a
// second row of UASC, AD1 or OC3 for a child (the XML holds their fields
// once in HEADER), a DOB (or a UASC row's SEX) that differs from the
// child's Header row, a column the XML has no element for, and a cell
// that XML 1.0 cannot hold (text that is not UTF-8, or holds control
// characters other than tab, line feed and carriage return). A Header
// without the UASC flag (as a CSV return has none) gets "1" for a child
// with a UASC row.
func (r *Return) WriteXML(w io.Writer) error {
	p, errs := r.planXML()
	if len(errs) > 0 {
		return errs
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<EXPSSDA903>\n")
	for _, ch := range p.children {
		p.writeChild(bw, ch)
	}
	bw.WriteString("</EXPSSDA903>\n")
	return bw.Flush()
}

// xmlPlan is a return sorted into children for writing.
type xmlPlan struct {
	r *Return
	// children are the Header rows in order, each with its other rows.
	children []*planChild
	// uascFlag is the Header's UASC column, or -1.
	uascFlag int
}

type planChild struct {
	header int
	rows   [numTables][]int
}

// planXML sorts the return's rows into children, and finds everything the
// XML cannot hold.
func (r *Return) planXML() (*xmlPlan, Errors) {
	p := &xmlPlan{r: r, uascFlag: -1}
	var errs Errors
	fail := func(t Table, i int, child, column string, err error) {
		pos := r.tables[t].Pos(i)
		errs = append(errs, &Error{File: pos.File, Table: t, Row: pos.Row, Line: pos.Line, Child: child, Column: column, Err: err})
	}
	byID := map[string]*planChild{}
	if h := r.Table(TableHeader); h != nil {
		p.uascFlag = h.col("UASC")
		for i := range h.Len() {
			id, _ := h.cell(i, h.col("CHILD"))
			if _, dup := byID[id]; dup {
				fail(TableHeader, i, id, "CHILD", fmt.Errorf("%w: a second Header row for the child; the XML has one CHILD element per child", ErrDuplicate))
				continue
			}
			ch := &planChild{header: i}
			byID[id] = ch
			p.children = append(p.children, ch)
		}
	}
	for t := TableHeader; t < numTables; t++ {
		tb := r.Table(t)
		if tb == nil {
			continue
		}
		// A column the XML has no element for is reported once, at its
		// first row with a value, with the number of such rows.
		known := make([]bool, len(tb.columns))
		first, count := make([]int, len(tb.columns)), make([]int, len(tb.columns))
		for c, name := range tb.columns {
			known[c] = specColumn(t, name) >= 0
		}
		var row []string
		for i := range tb.Len() {
			row = tb.appendRow(row[:0], i)
			for c, name := range tb.columns {
				switch {
				case row[c] == "":
				case !known[c]:
					if count[c] == 0 {
						first[c] = i
					}
					count[c]++
				default:
					if err := xmlText(row[c]); err != nil {
						fail(t, i, "", name, err)
					}
				}
			}
		}
		for c, name := range tb.columns {
			if count[c] > 0 {
				fail(t, first[c], "", name, fmt.Errorf("%w: the XML return has no element for column %s, which %d rows fill", ErrCannotWrite, columnLabel(name), count[c]))
			}
		}
		if t == TableHeader {
			continue
		}
		child := tb.col("CHILD")
		for i := range tb.Len() {
			id, _ := tb.cell(i, child)
			ch := byID[id]
			if ch == nil {
				fail(t, i, id, "CHILD", fmt.Errorf("%w: the XML holds a child's rows inside the child's Header row", ErrNoChild))
				continue
			}
			switch t {
			case TableUASC, TableAD1, TableOC3:
				if len(ch.rows[t]) > 0 {
					fail(t, i, id, "", fmt.Errorf("%w: a second %s row for the child; the XML holds its fields once, in HEADER", ErrDuplicate, t))
					continue
				}
			}
			ch.rows[t] = append(ch.rows[t], i)
			p.checkCopies(t, i, ch, id, fail)
		}
	}
	return p, errs
}

// checkCopies reports a row whose DOB (or SEX, in UASC) differs from its
// child's Header row: the XML holds them once.
func (p *xmlPlan) checkCopies(t Table, i int, ch *planChild, id string, fail func(Table, int, string, string, error)) {
	h := p.r.tables[TableHeader]
	for _, name := range []string{"DOB", "SEX"} {
		if name == "SEX" && t != TableUASC {
			continue
		}
		tb := p.r.tables[t]
		c := tb.col(name)
		if c < 0 {
			continue
		}
		got, _ := tb.cell(i, c)
		want, _ := h.cell(ch.header, h.col(name))
		if got != want {
			fail(t, i, id, name, fmt.Errorf("%w: %s differs from the child's Header row; the XML holds it once", ErrCannotWrite, name))
		}
	}
}

// xmlText reports text that XML 1.0 cannot hold.
func xmlText(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("%w: the cell is not valid UTF-8 (byte %d), which XML cannot hold", ErrCannotWrite, i+1)
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return fmt.Errorf("%w: the cell holds control character U+%04X (byte %d), which XML 1.0 cannot hold", ErrCannotWrite, r, i+1)
		}
	}
	return nil
}

// writeChild writes one CHILD element.
func (p *xmlPlan) writeChild(w *bufio.Writer, ch *planChild) {
	r := p.r
	h := r.tables[TableHeader]
	w.WriteString("<CHILD><HEADER>")
	hdr := func(c int) {
		s, _ := h.cell(ch.header, h.col(specs[TableHeader].columns[c].name))
		leaf(w, xmlName(TableHeader, c), s)
	}
	for _, c := range []int{colChild, hdrUPN, hdrSex, hdrDOB, hdrEthnic} {
		hdr(c)
	}
	flag := ""
	switch {
	case p.uascFlag >= 0:
		flag, _ = h.cell(ch.header, p.uascFlag)
	case len(ch.rows[TableUASC]) > 0:
		flag = "1"
	}
	leaf(w, "UASC", flag)
	for _, i := range ch.rows[TableUASC] {
		p.fields(w, TableUASC, i, []int{uaDUC})
	}
	for _, i := range ch.rows[TableAD1] {
		p.fields(w, TableAD1, i, []int{adInt, adMatch, adFoster, adNumber, adSex, adLS})
	}
	p.groups(w, ch, TableMissing)
	for _, i := range ch.rows[TableOC3] {
		p.fields(w, TableOC3, i, []int{oc3InTouch, oc3Activ, oc3Accom})
	}
	p.groups(w, ch, TableReviews)
	hdr(hdrMother)
	hdr(hdrMCDOB)
	p.groups(w, ch, TablePrevPerm)
	p.groups(w, ch, TableOC2)
	p.groups(w, ch, TablePlacedAdoption)
	w.WriteString("</HEADER>")
	p.groups(w, ch, TableEpisodes)
	p.groups(w, ch, TableSWEpisodes)
	p.groups(w, ch, TableDoLo)
	w.WriteString("</CHILD>\n")
}

// fields writes the cells cs of row i of table t as field elements.
func (p *xmlPlan) fields(w *bufio.Writer, t Table, i int, cs []int) {
	tb := p.r.tables[t]
	for _, c := range cs {
		k := tb.col(specs[t].columns[c].name)
		s := ""
		if k >= 0 {
			s, _ = tb.cell(i, k)
		}
		leaf(w, xmlName(t, c), s)
	}
}

// groups writes the child's rows of table t as row elements.
func (p *xmlPlan) groups(w *bufio.Writer, ch *planChild, t Table) {
	tb := p.r.tables[t]
	if tb == nil {
		return
	}
	var cs []int
	for c, col := range specs[t].columns {
		if c == colChild || col.name == "DOB" {
			continue
		}
		if col.extra && tb.col(col.name) < 0 {
			continue
		}
		cs = append(cs, c)
	}
	el := specs[t].xml
	for _, i := range ch.rows[t] {
		w.WriteString("<" + el + ">")
		p.fields(w, t, i, cs)
		w.WriteString("</" + el + ">")
	}
}

// leaf writes one field element.
func leaf(w *bufio.Writer, name, text string) {
	if text == "" {
		w.WriteString("<" + name + "/>")
		return
	}
	w.WriteString("<" + name + ">")
	_ = xml.EscapeText(w, []byte(text))
	w.WriteString("</" + name + ">")
}
