package practice

import (
	"encoding/json"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/supervision"
)

// Case is one child's whole record, what [Assess] reads: the team and
// office that hold the case, and one record from each package of the
// library, in a field named after the package.
//
// A case is one composite literal, shaped like this (Example_tour builds
// and assesses a whole one):
//
//	practice.Case{
//		Team: "North Children in Care", Office: "North",
//		Care: care.Record{
//			Child:           care.Child{…},
//			Episodes:        []care.Episode{…},
//			PlanningRecords: care.PlanningRecords{Visits: []care.Visit{…}},
//		},
//		Review: review.Record{Reviews: []review.Review{…}},
//	}
//
// The care record's lists other than the child and the episodes sit in
// two groups of it, [care.PlanningRecords] (visits, care and placement
// plans, health, education) and [care.SafeguardingRecords] (missing
// episodes, placement approvals, leaving care). A field with nothing in
// it is left out of the literal.
//
// # Wire format
//
// The JSON form is the library's stable wire format, described by
// schema/case.schema.json; [Case.MarshalJSON] writes it and [DecodeCase]
// reads it. It is flat where the Go type is not: the care record's fields
// ("child", "episodes", "visits", …) and the review record's ("reviews",
// "iro", "midway_checks") appear at the top level beside "team" and
// "office"; the supervision and permanence records are objects under
// "supervision" and "permanence". Dates are ISO 8601 strings ("" or absent
// when unset); codes are the DfE SSDA903 codes; money and distances are
// decimal strings or numbers. [DecodeCase] rejects unknown fields.
type Case struct {
	// Team and Office hold the case; cohort reports compare them.
	Team   string
	Office string
	// Care is the care record: the child, the SSDA903 episodes of care,
	// and the records the care-record rules read, in its groups
	// [care.PlanningRecords] and [care.SafeguardingRecords].
	Care care.Record
	// Review is the review record: the looked-after reviews held, the
	// independent reviewing officers allocated, and their midway checks.
	Review review.Record
	// Supervision is the supervision of the case: who held it, its
	// discussions in supervision, and management directions.
	Supervision supervision.CaseRecord
	// Permanence is the permanence record: the plan for permanence,
	// care proceedings, adoption and special guardianship.
	Permanence permanence.Record
	// Coverage says what the case's source of data holds: which record
	// families, over which dates. The zero Coverage, for a case whose
	// source holds everything the rules read, is complete. A case read from
	// the SSDA903 return carries its episodes, reviews and missing episodes
	// over the collection year, but no visits, plans or supervision: the
	// rules that read those, and obligations due outside its dates, are
	// not assessed ([NotAssessed]) rather than reported overdue.
	Coverage care.Coverage
}

// Validate checks the whole case and reports every problem with its full
// path ("episodes[3].end", "reviews[1].recommendations[0].owner",
// "supervision.directions[0].due", "permanence.plan.transitions[2].state"), as a [care.ValidationErrors]. Nothing
// is repaired or dropped. Paths are those of the JSON form: the care and
// review records' paths have no prefix.
func (c Case) Validate() error {
	var errs care.ValidationErrors
	errs.Merge("", c.Care.ValidateFrom(c.Coverage.From))
	errs.Merge("", c.Review.ValidateFrom(c.Care.Child, c.Care.Episodes, c.Coverage.From))
	errs.Merge("supervision", c.Supervision.Validate())
	errs.Merge("permanence", c.Permanence.Validate())
	errs.Merge("coverage", c.Coverage.Validate())
	return errs.Err()
}

// caseJSON is the JSON layout of a [Case]: the care and review records are
// embedded, so that encoding/json and the strict decoder (which walks this
// type, see jsonFields) see their fields at the top level. Its fields are
// those of Case, in the same order (TestCaseJSONFields checks it).
type caseJSON struct {
	Team   string `json:"team,omitempty"`
	Office string `json:"office,omitempty"`
	care.Record
	reviewRecord
	Supervision supervision.CaseRecord `json:"supervision,omitzero"`
	Permanence  permanence.Record      `json:"permanence,omitzero"`
	Coverage    care.Coverage          `json:"coverage,omitzero"`
}

// reviewRecord names review.Record for embedding in caseJSON beside
// care.Record, whose name it would otherwise share.
type reviewRecord = review.Record

func (c Case) toJSON() caseJSON {
	return caseJSON{Team: c.Team, Office: c.Office, Record: c.Care, reviewRecord: c.Review,
		Supervision: c.Supervision, Permanence: c.Permanence, Coverage: c.Coverage}
}

func (w caseJSON) toCase() Case {
	return Case{Team: w.Team, Office: w.Office, Care: w.Record, Review: w.reviewRecord,
		Supervision: w.Supervision, Permanence: w.Permanence, Coverage: w.Coverage}
}

// MarshalJSON implements [json.Marshaler]: the case's wire format (see
// [Case]), with the format version first.
func (c Case) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		FormatVersion int `json:"format_version"`
		caseJSON
	}{FormatVersion, c.toJSON()})
}

// UnmarshalJSON implements [json.Unmarshaler], so that a Case inside
// another JSON document decodes with [json.Unmarshal]'s usual leniency:
// unknown fields (and "format_version") are ignored, and fields absent
// from data keep their values in c. To read a case strictly, with every
// fault reported by path and line, use [DecodeCase].
func (c *Case) UnmarshalJSON(data []byte) error {
	w := c.toJSON()
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*c = w.toCase()
	return nil
}
