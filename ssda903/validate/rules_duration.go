package validate

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
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes)},
	{Code: "367", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
		Fields:  fields("LS", "DECOM", "DEC"), Tables: tables(episodes)},
	{Code: "375", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Hospitalisation coded as a temporary placement exceeds six weeks.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "376", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "379", Years: Years{From: 2022}, Family: FamilyDuration,
		Message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "SW07STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
	{Code: "SW07STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
	{Code: "SW10STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "A new social worker episode has started before the end date of the previous social worker episode.",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes)},
	{Code: "SW10STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "A new social worker episode has started before the end date of the previous social worker episode.",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes)},
	{Code: "SW11bSTG2", Years: Years{From: 2023}, Family: FamilyDuration,
		Message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
	{Code: "SW12STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
		Fields:  fields("SW_DECOM"), Tables: tables(swEpisodes, episodes)},
	{Code: "SW12STG2", Years: Years{From: 2024}, Family: FamilyDuration,
		Message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
		Fields:  fields("SW_DECOM"), Tables: tables(episodes, swEpisodes)},
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
