package ssda903

import (
	"fmt"

	"github.com/lookedafter/practice/care"
)

// Return turns the records back into a return, each value written in the
// form the DfE's specification gives for Records.Year: dates as
// dd/mm/yyyy, codes as their official codes, sex as 1 or 2 before 2024–25
// and M, F or U from then on ([care.Sex.Code]). Each table the records
// have (in Supplied, or with a record) gets the year's columns in the
// year's order ([Table.Columns]), and the optional ones (the Header's UASC
// flag, the derived PL_DISTANCE, PL_LA and PL_LOCATION) only if a record
// has a value there. Each row keeps its record's Pos, so that a problem
// found writing it names the row it was read from.
//
// A value that the year's form cannot express (a code outside its list;
// sex not known before 2024–25, which had no code for it) is written
// blank and reported in the error, an [Errors]; the rest is written.
//
// [Return.WriteCSV], [Return.WriteDir] and [Return.WriteXML] then write
// the files. Reading them back and calling [Return.Records] gives the
// same records, positions aside.
func (r *Records) Return() (*Return, error) {
	f := &formatter{ret: &Return{Year: r.Year}}
	has := func(t Table, n int) bool { return n > 0 || r.Supplied.Has(t) }
	if has(TableHeader, len(r.Header)) {
		uasc := false
		for _, h := range r.Header {
			uasc = uasc || h.UASC != FlagUnknown
		}
		b := f.table(TableHeader, map[int]bool{hdrUASC: uasc})
		for _, h := range r.Header {
			b.begin(h.Pos, h.Child.ID)
			b.set(colChild, h.Child.ID)
			b.set(hdrSex, f.sex(b, hdrSex, h.Child.Sex))
			b.set(hdrDOB, FormatDate(h.Child.DateOfBirth))
			b.code(hdrEthnic, h.Child.Ethnicity, h.Child.Ethnicity.IsKnown())
			b.set(hdrUPN, h.Child.UPN)
			b.code(hdrMother, h.Mother, h.Mother.IsKnown())
			b.set(hdrMCDOB, FormatDate(h.MotherChildDOB))
			b.code(hdrUASC, h.UASC, h.UASC.IsKnown())
			b.end()
		}
	}
	if has(TableEpisodes, len(r.Episodes)) {
		var dist, la, loc bool
		for _, e := range r.Episodes {
			dist = dist || e.DistanceMiles.Valid
			la = la || e.PlacementLA != ""
			loc = loc || e.PlacementLocation != PlacementLocationUnknown
		}
		b := f.table(TableEpisodes, map[int]bool{epDistance: dist, epLA: la, epLocation: loc})
		for _, e := range r.Episodes {
			b.begin(e.Pos, e.Child)
			b.set(colChild, e.Child)
			b.set(epDECOM, FormatDate(e.Start))
			b.code(epRNE, e.ReasonNew, e.ReasonNew.IsKnown())
			b.code(epLS, e.LegalStatus, e.LegalStatus.IsKnown())
			b.code(epCIN, e.CategoryOfNeed, e.CategoryOfNeed.IsKnown())
			b.code(epPLACE, e.PlacementType, e.PlacementType.IsKnown())
			b.code(epProvider, e.Provider, e.Provider.IsKnown())
			b.set(epDEC, FormatDate(e.End))
			b.code(epREC, e.ReasonCeased, e.ReasonCeased.IsKnown())
			b.code(epRPC, e.ReasonChange, e.ReasonChange.IsKnown())
			b.set(epHomePost, e.HomePostcode)
			b.set(epPLPost, e.PlacementPostcode)
			b.set(epURN, e.URN)
			if e.DistanceMiles.Valid {
				b.set(epDistance, e.DistanceMiles.Decimal.String())
			}
			b.set(epLA, e.PlacementLA)
			b.code(epLocation, e.PlacementLocation, e.PlacementLocation.IsKnown())
			b.end()
		}
	}
	if has(TableReviews, len(r.Reviews)) {
		b := f.table(TableReviews, nil)
		for _, v := range r.Reviews {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(rvReview, FormatDate(v.Held))
			b.code(rvCode, v.Participation, v.Participation.IsKnown())
			b.end()
		}
	}
	if has(TableUASC, len(r.UASC)) {
		b := f.table(TableUASC, nil)
		for _, v := range r.UASC {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(uaSex, f.sex(b, uaSex, v.Sex))
			b.set(uaDOB, FormatDate(v.DOB))
			b.set(uaDUC, FormatDate(v.Ceased))
			b.end()
		}
	}
	if has(TableOC2, len(r.OC2)) {
		b := f.table(TableOC2, nil)
		for _, v := range r.OC2 {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(oc2Score, v.SDQScore.String())
			b.code(oc2Reason, v.SDQReason, v.SDQReason.Description() != "")
			for _, fl := range [...]struct {
				col  int
				flag Flag
			}{{oc2Convicted, v.Convicted}, {oc2HealthCheck, v.HealthCheck}, {oc2Immunisations, v.Immunisations},
				{oc2Teeth, v.TeethCheck}, {oc2Assessment, v.HealthAssessment}, {oc2Substance, v.SubstanceMisuse},
				{oc2Received, v.InterventionReceived}, {oc2Offered, v.InterventionOffered}} {
				b.code(fl.col, fl.flag, fl.flag.IsKnown())
			}
			b.end()
		}
	}
	if has(TableOC3, len(r.OC3)) {
		b := f.table(TableOC3, nil)
		for _, v := range r.OC3 {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.code(oc3InTouch, v.InTouch, v.InTouch.IsKnown())
			b.code(oc3Activ, v.Activity, v.Activity.IsKnown())
			b.code(oc3Accom, v.Accommodation, v.Accommodation.IsKnown())
			b.end()
		}
	}
	if has(TableAD1, len(r.AD1)) {
		b := f.table(TableAD1, nil)
		for _, v := range r.AD1 {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(adInt, FormatDate(v.Decision))
			b.set(adMatch, FormatDate(v.Matched))
			b.code(adFoster, v.FosterCare, v.FosterCare.IsKnown())
			b.set(adNumber, v.Adopters.String())
			b.code(adSex, v.AdopterSex, v.AdopterSex.IsKnown())
			b.code(adLS, v.AdopterLegalStatus, v.AdopterLegalStatus.IsKnown())
			b.end()
		}
	}
	if has(TablePlacedAdoption, len(r.PlacedAdoption)) {
		b := f.table(TablePlacedAdoption, nil)
		for _, v := range r.PlacedAdoption {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(paPlaced, FormatDate(v.Decision))
			b.set(paCeased, FormatDate(v.Ceased))
			b.code(paReason, v.ReasonCeased, v.ReasonCeased.IsKnown())
			b.end()
		}
	}
	if has(TablePrevPerm, len(r.PrevPerm)) {
		b := f.table(TablePrevPerm, nil)
		for _, v := range r.PrevPerm {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.code(ppPerm, v.Arrangement, v.Arrangement.IsKnown())
			b.set(ppLA, v.LA)
			b.set(ppDate, v.Date.String())
			b.end()
		}
	}
	if has(TableMissing, len(r.Missing)) {
		b := f.table(TableMissing, nil)
		for _, v := range r.Missing {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.code(msMissing, v.Type, v.Type.IsKnown())
			b.set(msStart, FormatDate(v.Start))
			b.set(msEnd, FormatDate(v.End))
			b.end()
		}
	}
	if has(TableSWEpisodes, len(r.SWEpisodes)) {
		b := f.table(TableSWEpisodes, nil)
		for _, v := range r.SWEpisodes {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(swID, v.Worker)
			b.set(swDECOM, FormatDate(v.Start))
			b.set(swDEC, FormatDate(v.End))
			b.code(swReason, v.Reason, v.Reason.IsKnown())
			b.end()
		}
	}
	if has(TableDoLo, len(r.DoLo)) {
		b := f.table(TableDoLo, nil)
		for _, v := range r.DoLo {
			b.begin(v.Pos, v.Child)
			b.set(colChild, v.Child)
			b.set(colDOB, FormatDate(v.DOB))
			b.set(dlStart, FormatDate(v.Start))
			b.set(dlEnd, FormatDate(v.End))
			b.end()
		}
	}
	f.ret.finish()
	return f.ret, f.errs.Err()
}

// formatter builds a Return from Records.
type formatter struct {
	ret  *Return
	errs Errors
}

// tableBuilder fills one raw table, row by row.
type tableBuilder struct {
	f *formatter
	t Table
	// at[c] is the cell of spec column c, or -1 if the table leaves the
	// (optional) column out.
	at    []int
	tb    *RawTable
	files map[string]int
	cells []string
	pos   Pos
	child string
	n     int
}

// table starts table t with the year's columns, and those optional
// columns that extra says some record has.
func (f *formatter) table(t Table, extra map[int]bool) *tableBuilder {
	b := &tableBuilder{f: f, t: t, tb: f.ret.table(t), files: map[string]int{}}
	var names []string
	b.at = make([]int, len(specs[t].columns))
	for c, col := range specs[t].columns {
		b.at[c] = -1
		if col.extra && !extra[c] {
			continue
		}
		b.at[c] = len(names)
		names = append(names, col.name)
	}
	b.tb.columns = names
	b.cells = make([]string, len(names))
	return b
}

func (b *tableBuilder) begin(p Pos, child string) {
	b.pos, b.child = p, child
	for i := range b.cells {
		b.cells[i] = ""
	}
}

func (b *tableBuilder) set(c int, s string) {
	if b.at[c] >= 0 {
		b.cells[b.at[c]] = s
	}
}

// code sets column c to v's official code, if known is true; a value
// outside its list is written blank and reported.
func (b *tableBuilder) code(c int, v fmt.Stringer, known bool) {
	s := v.String()
	if s != "" && !known {
		b.fail(c, fmt.Errorf("%w: %s is not a code of the list; written blank", ErrCannotWrite, care.Excerpt(s)))
		return
	}
	b.set(c, s)
}

func (b *tableBuilder) fail(c int, err error) {
	b.f.errs = append(b.f.errs, &Error{File: b.pos.File, Table: b.t, Row: b.pos.Row, Line: b.pos.Line,
		Column: specs[b.t].columns[c].name, Child: b.child, Err: err})
}

func (b *tableBuilder) end() {
	b.n++
	name := b.pos.File
	file, ok := b.files[name]
	if !ok {
		file, _ = b.tb.addFile(name, b.tb.columns)
		b.files[name] = file
	}
	row, line := b.pos.Row, b.pos.Line
	if row == 0 {
		row = b.n
	}
	b.tb.addRow(file, row, line, b.cells)
}

// sex returns s in the year's form, reporting a value the year cannot
// express.
func (f *formatter) sex(b *tableBuilder, c int, s care.Sex) string {
	if s == care.SexUnknown {
		return ""
	}
	if !s.IsKnown() {
		b.fail(c, fmt.Errorf("%w: %s is not a code of the list; written blank", ErrCannotWrite, s))
		return ""
	}
	code := s.Code(f.ret.Year)
	if code == "" {
		b.fail(c, fmt.Errorf("%w: sex %s (%s) has no code in %s; written blank", ErrCannotWrite, s, s.Description(), f.ret.Year))
	}
	return code
}
