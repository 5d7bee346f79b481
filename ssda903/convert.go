package ssda903

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// Records reads the return's cells into typed values ([Records]): one
// record for every row of every table, in order, so that Records' slices
// line up with the tables' rows.
//
// Cells are read as the DfE's tool reads them: with surrounding spaces
// trimmed; codes without regard to case ("e4a" is E4A, "pn1" is PN1);
// dates as dd/mm/yyyy (the day and month in one digit or two); sex in
// either form (1 and 2, or M, F and U), whatever the year. UPNs,
// postcodes and authority codes are upper-cased; identifiers (CHILD,
// SW_ID, URN) keep their case. A blank cell is the field's zero value.
//
// A cell that cannot be read (a date that is not one, a code not in its
// list, a number that is not one) leaves its field zero and is reported,
// with its file, table, row, line and column: every problem is in
// Records.Problems, which the error returned (nil if there are none)
// holds too. A row with a blank CHILD is reported as well. Whether the
// values make sense together (an episode that ends before it starts, a
// code not valid in the year) is not checked here: that is for the
// validation rules and for [Cases]. Values of the columns that identify a
// child (DOB, MC_DOB, UPN, postcodes, URN) are never quoted in errors.
//
// The records' strings share memory with the return, which stays
// unchanged.
func (r *Return) Records() (*Records, error) {
	rec := &Records{Year: r.Year}
	for t := TableHeader; t < numTables; t++ {
		tb := r.Table(t)
		if tb == nil {
			continue
		}
		rec.Supplied = rec.Supplied.With(t)
		c := newConv(tb, &rec.Problems)
		switch t {
		case TableHeader:
			rec.Header = convert(c, convHeader)
		case TableEpisodes:
			rec.Episodes = convert(c, convEpisode)
		case TableReviews:
			rec.Reviews = convert(c, convReview)
		case TableUASC:
			rec.UASC = convert(c, convUASC)
		case TableOC2:
			rec.OC2 = convert(c, convOC2)
		case TableOC3:
			rec.OC3 = convert(c, convOC3)
		case TableAD1:
			rec.AD1 = convert(c, convAD1)
		case TablePlacedAdoption:
			rec.PlacedAdoption = convert(c, convPlacedAdoption)
		case TablePrevPerm:
			rec.PrevPerm = convert(c, convPrevPerm)
		case TableMissing:
			rec.Missing = convert(c, convMissing)
		case TableSWEpisodes:
			rec.SWEpisodes = convert(c, convSWEpisode)
		case TableDoLo:
			rec.DoLo = convert(c, convDoLo)
		}
	}
	return rec, rec.Problems.Err()
}

// conv reads the rows of one raw table.
type conv struct {
	tb   *RawTable
	t    Table
	errs *Errors
	// idx[c] is the table's column holding spec column c, or -1.
	idx []int
	// row is the row being read, and child its CHILD.
	row   int
	child string
}

func newConv(tb *RawTable, errs *Errors) *conv {
	c := &conv{tb: tb, t: tb.table, errs: errs}
	c.idx = make([]int, len(specs[c.t].columns))
	for i, col := range specs[c.t].columns {
		c.idx[i] = tb.col(col.name)
	}
	return c
}

// convert reads every row of c's table with f.
func convert[T any](c *conv, f func(*conv) T) []T {
	out := make([]T, c.tb.Len())
	for i := range out {
		c.row = i
		c.child = c.id(colChild)
		if c.child == "" {
			c.fail(colChild, fmt.Errorf("%w: CHILD is blank, so the row belongs to no child", ErrNoChild))
		}
		out[i] = f(c)
	}
	return out
}

// text returns the cell of spec column col, "" if the table lacks it.
func (c *conv) text(col int) string {
	k := c.idx[col]
	if k < 0 {
		return ""
	}
	s, _ := c.tb.cell(c.row, k)
	return s
}

// pos returns the position of the current row.
func (c *conv) pos() Pos { return c.tb.Pos(c.row) }

// fail reports a problem with spec column col of the current row.
func (c *conv) fail(col int, err error) {
	p := c.pos()
	*c.errs = append(*c.errs, &Error{File: p.File, Table: c.t, Row: p.Row, Line: p.Line,
		Column: specs[c.t].columns[col].name, Child: c.child, Err: err})
}

// private reports whether spec column col must not be quoted.
func (c *conv) private(col int) bool { return specs[c.t].columns[col].private }

// parseFailed reports err, hiding the input of a private column.
func (c *conv) parseFailed(col int, err error) {
	var pe *care.ParseError
	if c.private(col) && errors.As(err, &pe) {
		cp := *pe
		cp.Private = true
		err = &cp
	}
	c.fail(col, err)
}

// id returns an identifier: trimmed, its case kept.
func (c *conv) id(col int) string { return strings.TrimSpace(c.text(col)) }

// upper returns text trimmed and upper-cased (UPNs, postcodes, codes of
// authorities).
func (c *conv) upper(col int) string { return NormalizeCode(c.text(col)) }

func (c *conv) date(col int) care.Date {
	d, err := ParseDate(c.text(col))
	if err != nil {
		c.parseFailed(col, err)
	}
	return d
}

func (c *conv) num(col int) NullInt {
	n, err := parseNullInt(c.text(col))
	if err != nil {
		if c.private(col) {
			err = ErrNotNumber
		}
		c.fail(col, err)
	}
	return n
}

// code reads a code of spec column col with parse; blank is the zero
// value.
func code[T any](c *conv, col int, parse func(string) (T, error)) T {
	var zero T
	s := NormalizeCode(c.text(col))
	if s == "" {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		c.parseFailed(col, err)
		return zero
	}
	return v
}

func convHeader(c *conv) Header {
	return Header{
		Pos: c.pos(),
		Child: care.Child{
			ID:          c.child,
			DateOfBirth: c.date(hdrDOB),
			Sex:         code(c, hdrSex, care.ParseSex),
			Ethnicity:   code(c, hdrEthnic, care.ParseEthnicity),
			UPN:         c.upper(hdrUPN),
		},
		Mother:         code(c, hdrMother, ParseFlag),
		MotherChildDOB: c.date(hdrMCDOB),
		UASC:           code(c, hdrUASC, ParseFlag),
	}
}

func convEpisode(c *conv) Episode {
	e := Episode{Pos: c.pos(), Child: c.child}
	e.Start = c.date(epDECOM)
	e.ReasonNew = code(c, epRNE, care.ParseReasonNewEpisode)
	e.LegalStatus = code(c, epLS, care.ParseLegalStatus)
	e.CategoryOfNeed = code(c, epCIN, care.ParseCategoryOfNeed)
	e.PlacementType = code(c, epPLACE, care.ParsePlacementType)
	e.Provider = code(c, epProvider, care.ParsePlacementProvider)
	e.End = c.date(epDEC)
	e.ReasonCeased = code(c, epREC, care.ParseReasonEpisodeCeased)
	e.ReasonChange = code(c, epRPC, care.ParseReasonPlacementChange)
	e.HomePostcode = c.upper(epHomePost)
	e.PlacementPostcode = c.upper(epPLPost)
	e.URN = c.id(epURN)
	if s := strings.TrimSpace(c.text(epDistance)); s != "" {
		d, err := decimal.NewFromString(s)
		if err != nil {
			c.fail(epDistance, fmt.Errorf("%w: not a distance in miles", ErrNotNumber))
		} else {
			e.DistanceMiles = decimal.NewNullDecimal(d)
		}
	}
	e.PlacementLA = c.upper(epLA)
	e.PlacementLocation = code(c, epLocation, ParsePlacementLocation)
	return e
}

func convReview(c *conv) Review {
	return Review{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Held: c.date(rvReview), Participation: code(c, rvCode, care.ParseParticipation)}
}

func convUASC(c *conv) UASC {
	return UASC{Pos: c.pos(), Child: c.child, Sex: code(c, uaSex, care.ParseSex),
		DOB: c.date(uaDOB), Ceased: c.date(uaDUC)}
}

func convOC2(c *conv) OC2 {
	return OC2{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		SDQScore:             c.num(oc2Score),
		SDQReason:            code(c, oc2Reason, care.ParseSDQReason),
		Convicted:            code(c, oc2Convicted, ParseFlag),
		HealthCheck:          code(c, oc2HealthCheck, ParseFlag),
		Immunisations:        code(c, oc2Immunisations, ParseFlag),
		TeethCheck:           code(c, oc2Teeth, ParseFlag),
		HealthAssessment:     code(c, oc2Assessment, ParseFlag),
		SubstanceMisuse:      code(c, oc2Substance, ParseFlag),
		InterventionReceived: code(c, oc2Received, ParseFlag),
		InterventionOffered:  code(c, oc2Offered, ParseFlag),
	}
}

func convOC3(c *conv) OC3 {
	return OC3{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		InTouch:       code(c, oc3InTouch, ParseInTouch),
		Activity:      code(c, oc3Activ, ParseActivity),
		Accommodation: code(c, oc3Accom, ParseAccommodation),
	}
}

func convAD1(c *conv) AD1 {
	return AD1{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Decision:           c.date(adInt),
		Matched:            c.date(adMatch),
		FosterCare:         code(c, adFoster, ParseFlag),
		Adopters:           c.num(adNumber),
		AdopterSex:         code(c, adSex, ParseAdopterSex),
		AdopterLegalStatus: code(c, adLS, ParseAdopterLegalStatus),
	}
}

func convPlacedAdoption(c *conv) PlacedAdoption {
	return PlacedAdoption{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Decision: c.date(paPlaced), Ceased: c.date(paCeased),
		ReasonCeased: code(c, paReason, ParseReasonPlacedCeased)}
}

func convPrevPerm(c *conv) PrevPerm {
	p := PrevPerm{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Arrangement: code(c, ppPerm, ParsePreviousPermanence),
		LA:          c.upper(ppLA)}
	d, err := ParsePartialDate(c.text(ppDate))
	if err != nil {
		c.parseFailed(ppDate, err)
	}
	p.Date = d
	return p
}

func convMissing(c *conv) Missing {
	return Missing{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Type: code(c, msMissing, care.ParseMissingType), Start: c.date(msStart), End: c.date(msEnd)}
}

func convSWEpisode(c *conv) SWEpisode {
	return SWEpisode{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Worker: c.id(swID), Start: c.date(swDECOM), End: c.date(swDEC),
		Reason: code(c, swReason, ParseSWReason)}
}

func convDoLo(c *conv) DoLo {
	return DoLo{Pos: c.pos(), Child: c.child, DOB: c.date(colDOB),
		Start: c.date(dlStart), End: c.date(dlEnd)}
}
