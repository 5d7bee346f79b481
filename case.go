package practice

import (
	"github.com/lookedafter/practice/care"
)

// Case is one child's whole record: the care record (child, episodes,
// visits, plans, health, education, missing episodes, care-leaver
// records), plus the team and office that hold the case.
//
// The JSON form is the library's stable wire format: the care record's
// fields appear at the top level beside "team" and "office".
type Case struct {
	// Team and Office hold the case; cohort reports compare them.
	Team   string `json:"team,omitempty"`
	Office string `json:"office,omitempty"`
	care.Record
}

// Validate checks the whole case and reports every problem with its full
// path ("episodes[3].end"), as a [care.ValidationErrors].
func (c Case) Validate() error {
	var errs care.ValidationErrors
	errs.Merge("", c.Record.Validate())
	return errs.Err()
}
