package validate

// earlierRules holds the rules of rules in force only in years before
// 2025–26 (any family). Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var earlierRules = []Rule{
	{Code: "217t", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
		Fields:  fields("PLACE", "DECOM"), Tables: tables(episodes)},
	{Code: "230", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
		Fields:  fields("PLACE", "DEC", "URN"), Tables: tables(episodes)},
	{Code: "370", Years: Years{From: 2022, Until: 2022}, Family: FamilyAge,
		Message: "Child in independent living should be at least 15.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "370", Years: Years{From: 2023, Until: 2023}, Family: FamilyAge,
		Message: "Child in independent living should be at least 16.",
		Fields:  fields("DECOM", "PLACE"), Tables: tables(episodes, header)},
	{Code: "445", Years: Years{From: 2022, Until: 2023}, Family: FamilyField,
		Message: "D1 is not a valid code for episodes starting after December 2005.",
		Fields:  fields("LS", "DECOM"), Tables: tables(episodes)},
	{Code: "451", Years: Years{From: 2022, Until: 2023}, Family: FamilyField,
		Message: "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
		Fields:  fields("DEC", "REC", "LS"), Tables: tables(episodes)},
	{Code: "555", Years: Years{From: 2022, Until: 2023}, Family: FamilyCrossTable,
		Message: "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
		Fields:  fields("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"), Tables: tables(episodes, placedAdoption)},
	{Code: "556", Years: Years{From: 2022, Until: 2023}, Family: FamilyCrossTable,
		Message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
		Fields:  fields("DATE_PLACED", "DECOM"), Tables: tables(episodes, placedAdoption)},
	{Code: "SW01STG1", Years: Years{From: 2023, Until: 2023}, Family: FamilyCrossTable,
		Message: "Child looked after on 31 March, but no social worker episode information is reported",
		Fields:  fields("DEC"), Tables: tables(swEpisodes, episodes)},
	{Code: "SW03STG1", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "For each social worker episode, information should be complete.",
		Fields:  fields("SW_ID", "SW_DECOM", "SW_REASON"), Tables: tables(swEpisodes)},
	{Code: "SW11aSTG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyDuration,
		Message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
	{Code: "SW14STG2", Years: Years{From: 2023, Until: 2023}, Family: FamilyField,
		Message: "Social worker episode date ceased is blank.",
		Fields:  fields("SW_DEC"), Tables: tables(swEpisodes)},
}
