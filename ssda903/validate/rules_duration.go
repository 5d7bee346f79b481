package validate

import "github.com/lookedafter/practice/care"

// durationRules holds the rules of the duration family: days, weeks or
// months between dates. Issue 15.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var durationRules = []Rule{
	{Code: "361", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
		Fields:  fields("DECOM", "LS", "DEC"), Tables: tables(episodes), Check: rule361},
	{Code: "362", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Emergency protection order (EPO) lasted longer than 21 days",
		Fields:  fields("DECOM", "LS", "DEC"), Tables: tables(episodes), Check: rule362},
	{Code: "363", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes), Check: rule363},
	{Code: "364", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes), Check: rule364},
	{Code: "365", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Any individual short- term respite placement must not exceed 17 days.",
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes), Check: rule365},
	{Code: "367", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes), Check: rule367},
	{Code: "375", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Hospitalisation coded as a temporary placement exceeds six weeks.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes), Check: rule375},
	{Code: "376", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes), Check: rule376},
	{Code: "379", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes), Check: rule379},
	{Code: "SW07STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW07STG2},
	{Code: "SW07STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW07STG2v2024},
	{Code: "SW10STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "A new social worker episode has started before the end date of the previous social worker episode.",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes), Check: ruleSW10STG2},
	{Code: "SW10STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "A new social worker episode has started before the end date of the previous social worker episode.",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes), Check: ruleSW10STG2v2024},
	{Code: "SW11bSTG2", Years: Years{From: 2023}, Family: FamilyDuration,
		Message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes), Check: ruleSW11bSTG2},
	{Code: "SW12STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes, episodes), Check: ruleSW12STG2},
	{Code: "SW12STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
		Fields:  fields("SW_DECOM"), Tables: tables(episodes, swEpisodes), Check: ruleSW12STG2v2024},
}

// rule361: police protection (legal status L1) lasts at most 72 hours:
// three days.
func rule361(c *Check) { flagLongLegalStatus(c, "L1", 3) }

// rule363: a child assessment order (legal status L3) lasts at most 7
// days (Children Act 1989 s.43(5)).
func rule363(c *Check) { flagLongLegalStatus(c, "L3", 7) }

// rule362: an emergency protection order (legal status L2) lasts at most
// 21 days (Children Act 1989 s.45(1) eight days, extended by up to
// seven more: the DfE allows 21).
func rule362(c *Check) { flagLongLegalStatus(c, "L2", 21) }

// rule364: detention under PACE 1984 in local authority accommodation
// (legal status J2) lasts at most 21 days, as the DfE counts it.
func rule364(c *Check) { flagLongLegalStatus(c, "J2", 21) }

// flagLongLegalStatus flags every episode of a spell under legal status
// ls that lasts more than maxDays. A spell is a run of a child's
// episodes under ls, each starting on the day the one before ended; it
// lasts from its first start to its last end, or to the end of the
// collection year while open. Episodes with no valid start are not read;
// an end before the start is another rule's concern.
func flagLongLegalStatus(c *Check, ls string, maxDays int) {
	eps := c.Table(episodes)
	// Columns taken once: the fast path for a loop over many rows.
	legal, decom, dec := eps.Column("LS"), eps.Column("DECOM"), eps.Column("DEC")
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		for k := 0; k < len(rows); {
			i := rows[k]
			start, ok := decom.Date(i)
			if !ok {
				break
			}
			if legal.Code(i) != ls {
				k++
				continue
			}
			// Extend the spell while the next episode continues it.
			end := k
			for end+1 < len(rows) && legal.Code(rows[end+1]) == ls {
				ended, ok1 := dec.Date(rows[end])
				next, ok2 := decom.Date(rows[end+1])
				if !ok1 || !ok2 || !ended.Equal(next) {
					break
				}
				end++
			}
			last, ok := dec.Date(rows[end])
			if !ok && dec.Blank(rows[end]) {
				last, ok = c.Meta.End, true
			}
			if ok && last.DaysSince(start) > maxDays {
				for _, r := range rows[k : end+1] {
					c.Flag(eps, r)
				}
			}
			k = end + 1
		}
	}
}

// rule365: a short-term respite placement (legal status V3) lasts at
// most 17 days: an episode of 17 days passes, one of 18 days is flagged.
// Days are counted as in flagLongEpisodes. Each episode on its own ("any
// individual placement"); rule 367 adds them up.
func rule365(c *Check) { flagLongEpisodes(c, "LS", "V3", 17) }

// rule375: a temporary placement for hospitalisation (placement T1) lasts
// at most six weeks, 42 days: 42 days pass, 43 are flagged (days counted
// as in flagLongEpisodes).
func rule375(c *Check) { flagLongEpisodes(c, "PLACE", "T1", 42) }

// rule376: a temporary placement during the usual foster carers' holiday
// (placement T3) lasts at most three weeks, 21 days: 21 days pass, 22
// are flagged (days counted as in flagLongEpisodes).
func rule376(c *Check) { flagLongEpisodes(c, "PLACE", "T3", 21) }

// rule379: a temporary placement for an unspecified reason (placement T4)
// lasts at most seven days: 7 days pass, 8 are flagged (days counted as
// in flagLongEpisodes).
func rule379(c *Check) { flagLongEpisodes(c, "PLACE", "T4", 7) }

// flagLongEpisodes flags each episode whose column col holds code and
// that lasts more than maxDays, each episode on its own. An episode lasts
// DEC minus DECOM days: the day it began counts, the day it ceased does
// not (1 to 18 January is 17 days). An open episode (DEC blank) is
// counted to the collection end, 31 March, as if it ceased that day: the
// least it has lasted. Episodes with no valid start, or an end that is
// not a date, are not read (other rules' concern).
func flagLongEpisodes(c *Check, col, code string, maxDays int) {
	eps := c.Table(episodes)
	kind, decom, dec := eps.Column(col), eps.Column("DECOM"), eps.Column("DEC")
	for i := range eps.Len() {
		if kind.Code(i) != code {
			continue
		}
		if start, end, ok := episodeDays(c, decom, dec, i); ok && end.DaysSince(start) > maxDays {
			c.Flag(eps, i)
		}
	}
}

// episodeDays returns episode i's start and end (DEC, or the collection
// end while open), and whether both are known.
func episodeDays(c *Check, decom, dec *Column, i int) (start, end care.Date, ok bool) {
	start, ok = decom.Date(i)
	if !ok {
		return start, end, false
	}
	if dec.Blank(i) {
		return start, c.Meta.End, true
	}
	end, ok = dec.Date(i)
	return start, end, ok
}

// rule367: a child's respite care (episodes under legal status V3) totals
// at most 75 days in any 12-month period. Each episode's days are counted
// as in flagLongEpisodes (the day it began, not the day it ceased; open
// to the collection end). A 12-month period runs from a day to the day
// before its anniversary (1 April 2025 to 31 March 2026); a total of 75
// days in one passes, 76 are flagged. Every period is tried, not only the
// collection year: the most days fall in a period that starts on the day
// an episode began or ends on the day one ceased, so those are the ones
// counted. Every V3 episode with days in a period over the limit is
// flagged; an episode ending on or before its start adds nothing.
func rule367(c *Check) {
	eps := c.Table(episodes)
	legal, decom, dec := eps.Column("LS"), eps.Column("DECOM"), eps.Column("DEC")
	var spans []respiteSpan
	for _, child := range eps.Children() {
		spans = spans[:0]
		for _, i := range eps.RowsOf(child) {
			if legal.Code(i) != "V3" {
				continue
			}
			if start, end, ok := episodeDays(c, decom, dec, i); ok && end.After(start) {
				spans = append(spans, respiteSpan{row: i, start: start, end: end})
			}
		}
		for _, s := range spans {
			flagRespiteOver(c, eps, spans, s.start, s.start.AddMonths(12), 75)
			flagRespiteOver(c, eps, spans, s.end.AddMonths(-12), s.end, 75)
		}
	}
}

// respiteSpan is one respite episode: its row, its first day and the day
// it ceased (not counted).
type respiteSpan struct {
	row        int
	start, end care.Date
}

// flagRespiteOver flags the spans with days in [from, to) when their days
// there total more than maxDays.
func flagRespiteOver(c *Check, eps *Table, spans []respiteSpan, from, to care.Date, maxDays int) {
	total := 0
	for _, s := range spans {
		total += overlapDays(s.start, s.end, from, to)
	}
	if total <= maxDays {
		return
	}
	for _, s := range spans {
		if overlapDays(s.start, s.end, from, to) > 0 {
			c.Flag(eps, s.row)
		}
	}
}

// overlapDays returns the number of days [a, b) and [from, to) share.
func overlapDays(a, b, from, to care.Date) int {
	if a.Before(from) {
		a = from
	}
	if b.After(to) {
		b = to
	}
	return max(b.DaysSince(a), 0)
}
