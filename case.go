package practice

import (
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/supervision"
)

// Case is one child's whole record: the care record (child, episodes,
// visits, plans, health, education, missing episodes, care-leaver records),
// the looked-after reviews and the IRO, the supervision of the case, the
// permanence plan, and the team and office that hold the case.
//
// # Wire format
//
// The JSON form is the library's stable wire format, described by
// schema/case.schema.json. The care record's fields ("child", "episodes",
// "visits", …) and the review record's ("reviews", "iro",
// "midway_checks") appear at the top level beside "team" and "office";
// the supervision and permanence records are objects under "supervision"
// and "permanence". Dates are ISO 8601 strings ("" or absent when unset);
// codes are the DfE SSDA903 codes; money and distances are decimal strings
// or numbers. [DecodeCase] rejects unknown fields.
type Case struct {
	// Team and Office hold the case; cohort reports compare them.
	Team   string `json:"team,omitempty"`
	Office string `json:"office,omitempty"`
	care.Record
	ReviewRecord
	Supervision supervision.CaseRecord `json:"supervision,omitzero"`
	Permanence  permanence.Record      `json:"permanence,omitzero"`
}

// ReviewRecord is the review record of a case (an alias, so that Case can
// embed it beside care.Record and keep its JSON fields at the top level).
type ReviewRecord = review.Record

// Validate checks the whole case and reports every problem with its full
// path ("episodes[3].end", "reviews[1].recommendations[0].owner",
// "supervision.directions[0].due", "permanence.plan.transitions[2].state"), as a [care.ValidationErrors]. Nothing
// is repaired or dropped.
func (c Case) Validate() error {
	var errs care.ValidationErrors
	errs.Merge("", c.Record.Validate())
	errs.Merge("", c.ReviewRecord.Validate(c.Child, c.Episodes))
	errs.Merge("supervision", c.Supervision.Validate())
	errs.Merge("permanence", c.Permanence.Validate())
	return errs.Err()
}
