package care

import "errors"

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
// Besides each family's checks, it reports: the child's and the episodes'
// problems ([NewHistory]: no episodes, an implausible date of birth, a
// child of 18 or over at an episode's start); any date before
// [EarliestRecordYear]; and any string longer than its limit
// ([MaxIDBytes], [MaxNameBytes], [MaxTextBytes]) or not valid UTF-8. No
// error quotes the date of birth or an identifying field, and none quotes
// more than a short prefix of any value ([Excerpt]).
func (r Record) Validate() error { return r.ValidateFrom(Date{}) }

// ValidateFrom is [Record.Validate] for records known only from day from
// (a case's [Coverage].From): a first episode starting on or before it may
// continue a period of care begun earlier ([History.ResetFrom]).
func (r Record) ValidateFrom(from Date) error {
	var errs ValidationErrors
	var h History
	if err := h.ResetFrom(r.Child, r.Episodes, from); err != nil {
		errs.Merge("", err)
		// The other records are checked against the episodes as given.
		h = History{child: r.Child, eps: r.Episodes, periods: appendPeriodsOfCare(nil, r.Episodes)}
	}
	r.validateValues(&errs)
	r.validatePlanning(&errs, &h)
	r.validateSafeguarding(&errs, &h)
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
	// CareProceedings are the spans during which an application on which
	// a care order might be made (CA89 s.31: for a care or a supervision
	// order) was pending for the child: Start is the day it was issued,
	// End the day it was disposed of (final order, no order or
	// withdrawal), zero while it continues. While one is pending, s.31A
	// applies and the 10-working-day care plan duty of CPPCR reg 4(2) does
	// not (PLAN-01; [CarePlanDue] gives the reading). Nil when the source
	// holds no proceedings.
	CareProceedings []Period
}

// RecordAssessor evaluates the care-record rules (families PLAN, ASMT, VIS, HLTH,
// EDU, ID, MISS, STAB, CONN and LEAV) with one policy and one working-day
// calendar, both checked once, when it is made. It is read-only and safe
// for concurrent use: a cohort run makes one and assesses every child with
// it.
type RecordAssessor struct {
	p   Policy
	cal *Calendar
}

// NewRecordAssessor returns an assessor for policy p and calendar cal. It returns
// an error if p is looser than statute or nonsense ([Policy.Validate]), or
// cal is nil. (With the zero Calendar, which covers no days, assessment
// returns an error wrapping [ErrOutsideCalendar].)
func NewRecordAssessor(p Policy, cal *Calendar) (*RecordAssessor, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if cal == nil {
		return nil, errNilCalendar
	}
	return &RecordAssessor{p: p, cal: cal}, nil
}

// Emit evaluates every care-record rule for the child whose history is h
// and whose other records are r (r's Child and Episodes are read from h),
// recording the findings in e as of e.AsOf(). It validates r's records
// other than the child and episodes (h holds those, validated) and returns
// the [ValidationErrors] if any is invalid. It returns an error, too, for
// what can be judged only on the assessment date ([History.ValidateOn]: a
// child of 18 or over still looked after on it), for a partial postcode
// when the policy asks for full ones ([Policy].FullPostcodes), if a date it
// needs falls outside the calendar, and for a nil a, e or h or a zero
// e.AsOf(). On error it records nothing.
func (a *RecordAssessor) Emit(e *Emitter, h *History, r Record, ctx Context) error {
	switch {
	case a == nil || a.cal == nil:
		return errors.New("care: nil *RecordAssessor: make one with NewRecordAssessor")
	case e == nil:
		return errors.New("care: nil *Emitter")
	case h == nil:
		return errNilHistory
	case e.AsOf().IsZero():
		return &FieldError{Path: "as_of", Err: ErrRequired}
	}
	if err := h.ValidateOn(e.AsOf()); err != nil {
		return err
	}
	var errs ValidationErrors
	if a.p.FullPostcodes {
		fullPostcodes(&errs, h.Episodes())
	}
	r.validateValues(&errs)
	r.validatePlanning(&errs, h)
	r.validateSafeguarding(&errs, h)
	if err := errs.Err(); err != nil {
		return err
	}
	n := e.Len()
	err := r.assessPlanning(e, h, ctx, a.cal, a.p)
	if err == nil {
		err = r.assessSafeguarding(e, h, ctx, a.cal, a.p)
	}
	if err != nil {
		e.Truncate(n)
		return err
	}
	return nil
}

// Assess evaluates every care-record rule for the record as of asOf, with
// the working-day calendar cal and the policy p, and returns the sorted
// report. It returns an error, and no report, if p is looser than statute,
// cal is nil, asOf is zero, the record is invalid ([Record.Validate]), the
// child is 18 or over and still looked after on asOf
// ([History.ValidateOn]), or a date it needs falls outside the calendar.
func Assess(r Record, ctx Context, asOf Date, cal *Calendar, p Policy) (Report, error) {
	a, err := NewRecordAssessor(p, cal)
	if err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	h, err := NewHistory(r.Child, r.Episodes)
	if err != nil {
		return nil, err
	}
	e := NewEmitter(asOf)
	if err := a.Emit(e, h, r, ctx); err != nil {
		return nil, err
	}
	return e.Report(), nil
}

// Rules returns the catalogue of the care-record rules, in ID order within
// each family: a fresh slice on every call.
func Rules() []Rule {
	rs := planningRules()
	return append(rs, safeguardingRules()...)
}
