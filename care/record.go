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
	rep, err := AppendAssessment(make(Report, 0, r.estimate()), r, ctx, asOf, cal, p)
	if err != nil {
		return nil, err
	}
	rep.Sort()
	return rep, nil
}

// AppendAssessment is [Assess] appending its findings, unsorted, to dst:
// for callers that gather several packages' findings into one report and
// sort it once. On error it returns dst unchanged.
func AppendAssessment(dst Report, r Record, ctx Context, asOf Date, cal *Calendar, p Policy) (Report, error) {
	if err := p.Validate(); err != nil {
		return dst, err
	}
	if err := r.Validate(); err != nil {
		return dst, err
	}
	rep := dst
	if err := r.assessPlanning(ctx, asOf, cal, p, &rep); err != nil {
		return dst, err
	}
	if err := r.assessSafeguarding(ctx, asOf, cal, p, &rep); err != nil {
		return dst, err
	}
	return rep, nil
}

// estimate is a rough count of the findings the record will give, to size
// the report once.
func (r Record) estimate() int {
	return 16 + 2*len(r.Episodes) + 2*len(r.Visits) + len(r.CarePlans)*4 + len(r.Events)*3 + len(r.HealthAssessments) +
		len(r.SDQs) + len(r.DentalChecks) + 4*len(r.PEPs) + 2*len(r.MissingEpisodes) + len(r.RiskMeetings)
}

// Rules returns the catalogue of the care-record rules, in ID order within
// each family: a fresh slice on every call.
func Rules() []Rule {
	rs := planningRules()
	return append(rs, safeguardingRules()...)
}
