package validate

// sequenceRules holds the rules of the sequence family: across the rows of
// one table (episodes in order, duplicates). Issue 15.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var sequenceRules = []Rule{
	{Code: "142", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new episode has started, but the previous episode has not ended.",
		Fields:  fields("DEC", "REC"), Tables: tables(episodes)},
	{Code: "225", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for placement change must be recorded.",
		Fields:  fields("REASON_PLACE_CHANGE"), Tables: tables(episodes)},
	{Code: "226", Years: Years{From: 2022, Until: 2024}, Family: FamilySequence,
		Message: "Reason for placement change is not required.",
		Fields:  fields("REASON_PLACE_CHANGE", "PLACE"), Tables: tables(episodes)},
	{Code: "226", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "Reason for placement change is not required for temporary placements.",
		Fields:  fields("REASON_PLACE_CHANGE", "PLACE"), Tables: tables(episodes)},
	{Code: "336", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Child does not have a foster placement immediately prior to being placed for adoption.",
		Fields:  fields("PLACE"), Tables: tables(episodes)},
	{Code: "357", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
		Fields:  fields("RNE"), Tables: tables(episodes)},
	{Code: "377", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
		Fields:  fields("PLACE"), Tables: tables(episodes)},
	{Code: "383", Years: Years{From: 2022, Until: 2024}, Family: FamilySequence,
		Message: "A child in a temporary placement must subsequently return to his/her normal placement.",
		Fields:  fields("PLACE"), Tables: tables(episodes)},
	{Code: "383", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "A child in a temporary placement must subsequently return to his/her normal placement.",
		Fields:  fields("PLACE", "RNE", "PL_POST"), Tables: tables(episodes)},
	{Code: "388", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
		Fields:  fields("REC"), Tables: tables(episodes)},
	{Code: "431", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
		Fields:  fields("RNE", "DECOM"), Tables: tables(episodes)},
	{Code: "432", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
		Fields:  fields("RNE"), Tables: tables(episodes)},
	{Code: "433", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
		Fields:  fields("RNE", "DECOM"), Tables: tables(episodes)},
	{Code: "434", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
		Fields:  fields("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"), Tables: tables(episodes)},
	{Code: "436", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
		Fields:  fields("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"), Tables: tables(episodes)},
	{Code: "437", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
		Fields:  fields("REC"), Tables: tables(episodes)},
	{Code: "444", Years: Years{From: 2025}, Family: FamilySequence,
		Message: "Duplicate UPN has been reported",
		Fields:  fields("UPN"), Tables: tables(header)},
	{Code: "501", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new episode has started before the end date of the previous episode.",
		Fields:  fields("DECOM", "DEC"), Tables: tables(episodes), Check: rule501},
	{Code: "504", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "The category of need code differs from that reported at start of current period of being looked after",
		Fields:  fields("CIN"), Tables: tables(episodes)},
	{Code: "574", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
		Fields:  fields("MIS_START", "MIS_END"), Tables: tables(missing)},
	{Code: "579", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
		Fields:  fields("DATE_PLACED", "DATE_PLACED_CEASED"), Tables: tables(placedAdoption)},
	{Code: "705", Years: Years{From: 2026}, Family: FamilySequence,
		Message: "A DoLO cannot start when the previous DoLO is still open.",
		Fields:  fields("DOLO_START", "DOLO_END"), Tables: tables(dolo)},
	{Code: "INT31", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in AD1.",
		Fields:  fields("CHILD"), Tables: tables(ad1)},
	{Code: "INT32", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in Header.",
		Fields:  fields("CHILD"), Tables: tables(header), Check: ruleINT32},
	{Code: "INT33", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in OC2.",
		Fields:  fields("CHILD"), Tables: tables(oc2)},
	{Code: "INT34", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in OC3.",
		Fields:  fields("CHILD"), Tables: tables(oc3)},
	{Code: "INT35", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in PrevPerm.",
		Fields:  fields("CHILD"), Tables: tables(prevPerm)},
	{Code: "INT36", Years: Years{From: 2022}, Family: FamilySequence,
		Message: "Internal Check: Child should only exist once in UASC.",
		Fields:  fields("CHILD"), Tables: tables(uasc)},
	{Code: "SW08STG2", Years: Years{From: 2023}, Family: FamilySequence,
		Message: "A new social worker episode has started, but the previous episode has not ended.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
}

// ruleINT32: a child has one Header row; every row of a child with more
// is flagged.
func ruleINT32(c *Check) {
	h := c.Table(header)
	for _, child := range h.Children() {
		if rows := h.RowsOf(child); len(rows) > 1 {
			for _, i := range rows {
				c.Flag(h, i)
			}
		}
	}
}

// rule501: a child's episodes, in order of their start, do not overlap:
// an episode starting before the previous one ended is flagged. An
// episode with no valid start is not placed, and a previous episode still
// open (or with no valid end) is not compared.
func rule501(c *Check) {
	eps := c.Table(episodes)
	for _, child := range eps.Children() {
		rows := eps.SortedByDate(eps.RowsOf(child), "DECOM")
		for k := 1; k < len(rows); k++ {
			start, ok := eps.Date(rows[k], "DECOM")
			if !ok {
				break // the rest have no valid start either
			}
			if prevEnd, ok := eps.Date(rows[k-1], "DEC"); ok && start.Before(prevEnd) {
				c.Flag(eps, rows[k])
			}
		}
	}
}
