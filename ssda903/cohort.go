package ssda903

import "github.com/lookedafter/practice/care"

// ContinuouslyLookedAfter12Months reports whether a child whose episodes
// are eps was looked after continuously for at least 12 months at 31
// March of the collection year: the cohort whose outcomes the OC2 table
// holds, and whose absence or presence the DfE's OC2 rules check (185,
// 186, 187, 190, 191, 545, 543 and the SDQ rules).
//
// The DfE's published statistics describe the cohort as children "who
// have been continuously looked after for at least 12 months as at 31
// March", and "exclude children who were looked after under an agreed
// series of short term placements" (DfE, Children looked after in England
// including adoptions, data guidance, OC2 tables). The DfE's validation
// rules derive it from the return's codes, as the open validator
// (data-to-insight/csc-validator-be-903) reads them: a child is not
// continuously looked after if, during the year, an episode ended with a
// reason other than X1, or an episode began with reason S, or an episode
// was under legal status V3 or V4.
//
// eps are one child's episodes, in any order; only Start (DECOM), End
// (DEC, zero while the episode is open), ReasonNew (RNE), LegalStatus (LS)
// and ReasonCeased (REC) are read, so rule code working on raw cells can
// fill just those. A code that could not be read is the zero value: an
// unknown REC on an episode that ended counts as leaving care (it is not
// X1), an unknown RNE does not start a period of care, an unknown LS is
// not a short break. An episode with no start date is ignored.
//
// The counting convention is the library's: an episode covers the days
// [Start, End), so a child is looked after on the day an episode starts
// and not on the day it ends with a reason other than X1. The year is
// 1 April to 31 March inclusive ([care.CollectionYear.Period]). A child
// is in the cohort when all of these hold:
//
//   - the child was looked after on 1 April: some episode started on or
//     before 1 April and had not ended before it. Twelve months beginning
//     1 April end on 31 March, so a child who started to be looked after
//     on 1 April is in the cohort, and one who started on 2 April is not;
//   - no episode ended during the year (1 April to 31 March, both
//     included) with a reason other than X1. A child who left care on 31
//     March was not looked after at 31 March and is not in the cohort.
//     This is the DfE's own expression of the cohort in its validation
//     rules (CLA SSDA903 2021-22 validation rules, version 1.2, which the
//     open validator's code cites): not continuously looked after if an
//     episode has <DEC> >= <COLLECTION_START_DATE> where <REC> <> 'X1',
//     with no upper bound, and the open validator's earlier versions
//     read it so. Its current version counts only endings before 31
//     March (DEC < collection end): a deliberate difference, which none
//     of its cases tests (their children ending on 31 March end with
//     X1). Leaving and returning is a break however short: a new period
//     of care that starts the day after, or the same day, still ends the
//     continuity;
//   - no episode started a period of care (RNE S) after 1 April and on or
//     before 31 March;
//   - no episode during the year was a short break (legal status V3 or
//     V4): short-break children are outside the cohort even when their
//     other episodes span the year.
//
// Continuity is read from the codes, not from the dates alone: an X1
// ending followed by a gap before the next episode is a fault in the
// return that the sequence rules report; it is not treated as a break
// here, as the DfE's definition does not. A zero or invalid year gives
// false.
func ContinuouslyLookedAfter12Months(eps []care.Episode, year care.CollectionYear) bool {
	yp := year.Period()
	if yp.IsEmpty() {
		return false
	}
	first, last := yp.Start, yp.End.AddDays(-1) // 1 April, 31 March
	atStart := false
	for i := range eps {
		e := &eps[i]
		if e.Start.IsZero() {
			continue
		}
		if e.Start.After(last) || (!e.End.IsZero() && e.End.Before(first)) {
			continue // wholly outside the year
		}
		if e.LegalStatus.IsShortBreak() {
			return false
		}
		if !e.End.IsZero() && !e.End.After(last) && !e.ReasonCeased.IsContinuation() {
			return false // ended in the year with a leaving reason
		}
		if e.ReasonNew.StartsPeriodOfCare() && e.Start.After(first) {
			return false
		}
		if !e.Start.After(first) {
			atStart = true
		}
	}
	return atStart
}
