package care

// Record is one child's care record as this package sees it: the child, the
// SSDA903 episodes, and the records the care-record rules read. Records of
// other packages (reviews, supervision, permanence) live there; the root
// package practice joins them into a whole case.
//
// The JSON form is flat: the fields of the embedded PlanningRecords and
// SafeguardingRecords appear beside "child" and "episodes".
type Record struct {
	Child    Child     `json:"child"`
	Episodes []Episode `json:"episodes"`
	PlanningRecords
	SafeguardingRecords
}

// Validate checks the whole record and reports every problem with its path
// ("episodes[2].end", "visits[0].date"). Nothing is repaired or dropped.
func (r Record) Validate() error {
	var errs ValidationErrors
	errs.Merge("child", r.Child.Validate())
	errs = append(errs, ValidateEpisodes("episodes", r.Episodes, r.Child.DateOfBirth)...)
	r.validatePlanning(&errs)
	r.validateSafeguarding(&errs)
	return errs.Err()
}

// Context carries dates that other packages compute and the care-record
// rules need, so that care imports nothing above it.
type Context struct {
	// Reviews are the dates of the child's looked-after reviews held, in
	// order (package review computes and validates them).
	Reviews []Date
	// FirstReviewDue is the due date of the first review of the current
	// period of care, if known; zero otherwise.
	FirstReviewDue Date
}

// Assess evaluates every care-record rule (families PLAN, ASMT, VIS, HLTH,
// EDU, ID, MISS, STAB, CONN and LEAV) for the record as of asOf, with the
// working-day calendar cal and the policy p. It returns an error, and no
// report, if p is looser than statute, the record is invalid, or a date it
// needs falls outside the calendar. The report is sorted.
func Assess(r Record, ctx Context, asOf Date, cal *Calendar, p Policy) (Report, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	rep := make(Report, 0, 64)
	if err := r.assessPlanning(ctx, asOf, cal, p, &rep); err != nil {
		return nil, err
	}
	if err := r.assessSafeguarding(ctx, asOf, cal, p, &rep); err != nil {
		return nil, err
	}
	rep.Sort()
	return rep, nil
}

// Rules returns the catalogue of the care-record rules, in ID order within
// each family: a fresh slice on every call.
func Rules() []Rule {
	rs := planningRules()
	return append(rs, safeguardingRules()...)
}
