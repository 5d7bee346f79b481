package care

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
