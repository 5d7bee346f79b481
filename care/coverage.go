package care

import (
	"encoding/json"
	"errors"
	"math/bits"
	"strings"
)

// Family is a set of record families: the kinds of record a rule reads and
// a source of data carries. Each constant is one family; a set is their
// union (FamilyVisits|FamilyReviews), as an [io/fs.FileMode] is a set of
// mode bits. A rule reads the families of [Rule].Reads; a case's
// [Coverage] says which its source carries, and a rule whose families the
// source does not carry is not assessed.
//
// In JSON a Family is the list of its families' names, in the order of
// the constants: ["episodes","reviews"].
type Family uint32

// The record families.
const (
	// FamilyEpisodes: the child and the episodes of care (every source has
	// them).
	FamilyEpisodes Family = 1 << iota
	// FamilyVisits: visits, visit agreements, other people's living
	// arrangements and s.30A notices about children's homes.
	FamilyVisits
	// FamilyPlans: care plans, placement plans, placement notifications and
	// placements with parents.
	FamilyPlans
	// FamilyEvents: significant events, with their reassessments and
	// chronology entries.
	FamilyEvents
	// FamilyHealth: health assessments, SDQs and dental checks.
	FamilyHealth
	// FamilyEducation: personal education plans.
	FamilyEducation
	// FamilyMissing: the episodes of being missing or away (their dates).
	FamilyMissing
	// FamilyReturnInterviews: the return interviews offered and held after
	// missing episodes.
	FamilyReturnInterviews
	// FamilyRiskMeetings: multi-agency risk meetings.
	FamilyRiskMeetings
	// FamilyApprovals: approvals of connected persons, of placements and of
	// ceasing to look after.
	FamilyApprovals
	// FamilyLeavingCare: needs assessments, pathway plans and personal
	// advisers of care leavers.
	FamilyLeavingCare
	// FamilyReviews: the looked-after reviews held (their dates and the
	// child's participation).
	FamilyReviews
	// FamilyReviewRecords: what reviews decided and when it was sent:
	// recommendations, circulation, adjournments.
	FamilyReviewRecords
	// FamilyIRO: independent reviewing officers' allocations and midway
	// checks.
	FamilyIRO
	// FamilyAllocations: which social worker held the case, when.
	FamilyAllocations
	// FamilySupervision: case discussions in supervision and management
	// directions.
	FamilySupervision
	// FamilyPermanencePlans: the plan for permanence and its changes.
	FamilyPermanencePlans
	// FamilyProceedings: care proceedings.
	FamilyProceedings
	// FamilyAdoption: the adoption record's dates (authority to place,
	// match, placement, order).
	FamilyAdoption
	// FamilyAdoptionReviews: the reviews of a child placed for adoption.
	FamilyAdoptionReviews
	// FamilySpecialGuardianship: special guardianship notices and reports.
	FamilySpecialGuardianship

	numFamilies = iota
)

// FamilyAll is every record family.
const FamilyAll Family = 1<<numFamilies - 1

// familyNames are the families' names, in the order of the constants.
var familyNames = [numFamilies]string{
	"episodes", "visits", "plans", "events", "health", "education", "missing", "return_interviews",
	"risk_meetings", "approvals", "leaving_care", "reviews", "review_records", "iro", "allocations",
	"supervision", "permanence_plans", "proceedings", "adoption", "adoption_reviews", "special_guardianship",
}

// familyWords are the families as the text report names them in
// "not assessed: visits are not in this data".
var familyWords = [numFamilies]string{
	"episodes of care", "visits", "care and placement plans", "significant events", "health assessments",
	"personal education plans", "missing episodes", "return interviews", "risk meetings", "approvals",
	"care leavers' plans and advisers", "reviews", "review recommendations and circulation",
	"IRO allocations and midway checks", "social worker allocations", "supervision records",
	"permanence plans", "care proceedings", "adoption dates", "adoption reviews", "special guardianship records",
}

// Has reports whether f holds every family of g.
func (f Family) Has(g Family) bool { return f&g == g }

// Each calls yield with each family of f, one at a time, in the order of
// the constants.
func (f Family) Each(yield func(Family) bool) {
	for f &= FamilyAll; f != 0; f &= f - 1 {
		if !yield(f & -f) {
			return
		}
	}
}

// String returns the names of f's families joined by "|"
// ("visits|reviews"), "" for none.
func (f Family) String() string {
	var b strings.Builder
	for g := range f.Each {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		b.WriteString(familyNames[bits.TrailingZeros32(uint32(g))])
	}
	return b.String()
}

// Words returns f's families as a report names them, joined with commas
// and "and" ("visits, health assessments and reviews").
func (f Family) Words() string {
	var ws []string
	for g := range f.Each {
		ws = append(ws, familyWords[bits.TrailingZeros32(uint32(g))])
	}
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

// ParseFamily returns the family named name ("visits").
func ParseFamily(name string) (Family, error) {
	for i, n := range familyNames {
		if n == name {
			return 1 << i, nil
		}
	}
	return 0, errors.New("unknown record family " + Excerpt(name))
}

// MarshalJSON writes f as the list of its families' names.
func (f Family) MarshalJSON() ([]byte, error) {
	names := []string{}
	for g := range f.Each {
		names = append(names, familyNames[bits.TrailingZeros32(uint32(g))])
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a list of family names; an unknown name is an error.
func (f *Family) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return errors.New("want a list of record family names")
	}
	var out Family
	for _, n := range names {
		g, err := ParseFamily(n)
		if err != nil {
			return err
		}
		out |= g
	}
	*f = out
	return nil
}

// Coverage is what a case's source of data holds: which record families,
// over which dates. A case built by hand or from a case-management system
// that exports everything has the zero Coverage, which is complete: every
// family, over all dates. A case built from the SSDA903 return carries its
// episodes, reviews, missing episodes, social worker allocations and some
// adoption dates, over the collection year (and the previous year's, when
// that return is read too), and nothing of visits, plans or supervision.
//
// The assessment runs no rule that reads a family the source does not
// carry, and makes no finding of an obligation due outside [From, To]:
// the records that would meet it are not in the data, so it would be
// reported overdue or missed when nobody knows. Such rules and obligations
// are "not assessed", never failures.
type Coverage struct {
	// Source names where the data came from ("SSDA903 return 2025-26"),
	// for the report's "not in this data" line.
	Source string `json:"source,omitempty"`
	// Carries is the set of record families the source holds; zero means
	// every family.
	Carries Family `json:"carries,omitzero"`
	// From and To are the first and last days the source's records cover
	// (inclusive); a zero From means from the start of the child's
	// history, a zero To means up to the assessment date.
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// IsComplete reports whether c holds every family over all dates.
func (c Coverage) IsComplete() bool {
	return c.carries() == FamilyAll && c.From.IsZero() && c.To.IsZero()
}

// carries returns the families c carries, every family when Carries is
// zero.
func (c Coverage) carries() Family {
	if c.Carries == 0 {
		return FamilyAll
	}
	return c.Carries
}

// Lacks returns the families of f that c does not carry.
func (c Coverage) Lacks(f Family) Family { return f &^ c.carries() }

// Supports reports whether the rule r can be assessed on data of coverage
// c: whether c carries every family r reads.
func (c Coverage) Supports(r *Rule) bool { return c.Lacks(r.Reads) == 0 }

// Covers reports whether day d falls within c's dates.
func (c Coverage) Covers(d Date) bool {
	return (c.From.IsZero() || !d.Before(c.From)) && (c.To.IsZero() || !d.After(c.To))
}

// Validate checks that To is not before From and that Carries names only
// known families; paths are relative to the coverage.
func (c Coverage) Validate() error {
	var errs ValidationErrors
	if c.Carries&^FamilyAll != 0 {
		errs.Addf("carries", "unknown record family")
	}
	if !c.From.IsZero() && !c.To.IsZero() && c.To.Before(c.From) {
		errs.Addf("to", "before from")
	}
	if len(c.Source) > MaxNameBytes {
		errs.Addf("source", "longer than %d bytes", MaxNameBytes)
	}
	return errs.Err()
}
