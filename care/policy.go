package care

import "errors"

// Policy holds the local standards the care-record rules read. The zero
// Policy means the defaults in the rule catalogue, which are the statutory
// limits where there are any. An authority may make a field stricter, never
// looser: [Policy.Validate] rejects a looser value with an error naming the
// field, the value and the limit.
//
// The fields of the embedded PlanningPolicy and SafeguardingPolicy are
// promoted: p.Visits, p.Missing and so on.
type Policy struct {
	// Counting says whether the anchor day of a working-day count is day 0
	// (the default; design decision Q1) or day 1.
	Counting Counting `json:"counting,omitzero"`
	// FullPostcodes makes assessment require full postcodes in the
	// episodes ("SW1A 1AA", [FullPostcode]). By default a partial postcode
	// (the outward code, "SW1A", with or without the sector, "SW1A 1") is
	// accepted, as the DfE return accepts it: validation checks the form
	// of a postcode, not how much of it is given. An authority whose
	// extracts hold full postcodes sets it to catch truncated ones; being a
	// stricter data standard, it is never looser than the default.
	FullPostcodes bool `json:"full_postcodes,omitempty"`
	PlanningPolicy
	SafeguardingPolicy
}

// Validate reports every field that is looser than its statutory limit or
// is nonsense (a negative interval), with paths such as "visits.first_visit_days".
func (p Policy) Validate() error {
	var errs ValidationErrors
	if p.Counting > CountFromAnchorDay {
		errs.Addf("counting", "unknown counting convention %d", p.Counting)
	}
	p.PlanningPolicy.validate(&errs)
	p.SafeguardingPolicy.validate(&errs)
	return errs.Err()
}

// fullPostcodes reports each postcode of the episodes that is partial,
// when the policy asks for full ones. It never quotes the postcode.
func fullPostcodes(errs *ValidationErrors, eps []Episode) {
	for i := range eps {
		e := &eps[i]
		for _, pc := range [...]struct{ field, s string }{{"home_postcode", e.HomePostcode}, {"placement_postcode", e.PlacementPostcode}} {
			if pc.s != "" && !FullPostcode(pc.s) {
				errs.Add(JoinPath(Index("episodes", i), pc.field), errPartialPostcode)
			}
		}
	}
}

var errPartialPostcode = errors.New("a partial postcode: the standards ask for full postcodes such as \"SW1A 1AA\" (care.Policy.FullPostcodes)")
