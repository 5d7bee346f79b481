package validate

// providerRules holds the rules of the ref-provider family: the Ofsted
// provider lists. Issue 16.
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var providerRules = []Rule{
	{Code: "219", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
		Fields:  fields("URN", "PLACE"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "221", Years: Years{From: 2022, Until: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "221", Years: Years{From: 2023, Until: 2023}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "221", Years: Years{From: 2024}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "224", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
		Fields:  fields("PLACE_PROVIDER"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "227", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
		Fields:  fields("URN", "DECOM"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "228", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
		Fields:  fields("URN", "DEC"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "229", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
		Fields:  fields("URN", "PLACE_PROVIDER"), Tables: tables(episodes), Needs: NeedProviders},
	{Code: "1008", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique Reference Number (URN) is not valid.",
		Fields:  fields("URN"), Tables: tables(episodes), Needs: NeedProviders},
}
