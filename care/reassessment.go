package care

import (
	"cmp"
	"fmt"
)

// This file holds the ASMT family: reassessment after a significant event
// (ASMT-01), an updated assessment before each review (ASMT-02) and the
// chronology (ASMT-03). ASMT-01 and ASMT-03 close when the child leaves
// care (for a series of short breaks, when the series ends); ASMT-02, the
// assessment for one review, closes when the next review is held (that
// review's obligation takes its place) or the child leaves care.

// EventKind classifies a significant event or change of circumstances.
type EventKind uint8

const (
	EventKindUnknown         EventKind = iota // not given; invalid in a record
	EventKindPlacementChange                  // an unplanned change or breakdown of placement
	EventKindMissing                          // a missing episode of concern
	EventKindExclusion                        // exclusion from school or loss of a school place
	EventKindOffending                        // arrest, charge or conviction
	EventKindHealth                           // a significant health event
	EventKindSafeguarding                     // an allegation, a strategy discussion or a s.47 enquiry
	EventKindFamily                           // a change in the family: bereavement, birth, a parent's circumstances
	EventKindCourt                            // a court order or hearing that changes the plan
	EventKindOther                            // any other significant event
)

var eventKindNames = [...]string{"unknown", "placement-change", "missing", "exclusion", "offending", "health",
	"safeguarding", "family", "court", "other"}

// String returns the kind's name, such as "placement-change".
func (k EventKind) String() string {
	if int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k EventKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(eventKindNames), "event kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *EventKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, eventKindNames[:], "event kind")
	*k = EventKind(i)
	return err
}

// Event is a significant event or change in the child's circumstances.
// Summary is free text of at most [MaxTextBytes].
type Event struct {
	Date    Date      `json:"date"`
	Kind    EventKind `json:"kind"`
	Summary string    `json:"summary,omitempty"`
}

// AssessmentKind classifies an assessment of the child's needs.
type AssessmentKind uint8

const (
	AssessmentKindUnknown    AssessmentKind = iota // not given; invalid in a record
	AssessmentKindInitial                          // the assessment when the child became looked after
	AssessmentKindUpdate                           // an updated assessment or reassessment
	AssessmentKindSpecialist                       // a specialist assessment (risk, parenting, psychological)
)

var assessmentKindNames = [...]string{"unknown", "initial", "update", "specialist"}

// String returns "initial", "update" or "specialist".
func (k AssessmentKind) String() string {
	if int(k) < len(assessmentKindNames) {
		return assessmentKindNames[k]
	}
	return fmt.Sprintf("AssessmentKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k AssessmentKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(assessmentKindNames), "assessment kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *AssessmentKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, assessmentKindNames[:], "assessment kind")
	*k = AssessmentKind(i)
	return err
}

// Assessment is an assessment of the child's needs and circumstances,
// completed on Completed.
type Assessment struct {
	Completed Date           `json:"completed"`
	Kind      AssessmentKind `json:"kind"`
}

// ChronologyEntry is an entry in the child's chronology: the date of the
// event it records and the date it was recorded. An entry records the
// [Event] with the same date.
type ChronologyEntry struct {
	Event    Date `json:"event"`
	Recorded Date `json:"recorded"`
}

// AssessmentPolicy holds the local windows of the ASMT rules. Zero fields
// mean the defaults. There is no statutory limit.
type AssessmentPolicy struct {
	// ReassessDays: working days to reassess after a significant event
	// (default 20).
	ReassessDays int `json:"reassess_days,omitempty"`
	// ChronologyDays: working days to record an event in the chronology
	// (default 5).
	ChronologyDays int `json:"chronology_days,omitempty"`
}

func (p AssessmentPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "assessment.reassess_days", p.ReassessDays, 0, "working days", "local")
	plLimit(errs, "assessment.chronology_days", p.ChronologyDays, 0, "working days", "local")
}

// plEventDays is the counting convention of ASMT-01 and ASMT-03.
const plEventDays = " Working days follow CPPCR reg 2(1); the event day is day 0 (Policy.Counting may count it as day 1). The duty closes when the child leaves care (for a series of short breaks, when its last recorded stay ends): not done by then, it is missed."

var ruleASMT01 = Rule{
	ID: ASMT01, Title: "Circumstances reassessed after each significant event, within a local window",
	Text:     "For each significant event while the child is looked after, an assessment is completed on or after the event and within the window." + plEventDays,
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainAssessment,
	Reads: FamilyEvents, Package: "care", File: "care/reassessment.go", Default: "20 WD", Policy: []string{"Assessment.ReassessDays", "Counting"},
}

var ruleASMT02 = Rule{
	ID: ASMT02, Title: "Assessment updated since the previous review, before each review is held",
	Text:     "For each review held after the first (review dates come from the review package), an assessment is completed after the previous review and on or before the review. The window closes when the next review is held, which needs its own updated assessment (an assessment after that counts for the next review), or when the child leaves care (for a series of short breaks, when its last recorded stay ends; a review held after the last recorded stay, with no later stay, closes the day after it is held).",
	Citation: plLocal("inspection finding; Children Act 1989 guidance and regulations Vol 2 (2015)"), Severity: SeverityLocal,
	Domain: DomainAssessment, Reads: FamilyEvents | FamilyReviews, Package: "care", File: "care/reassessment.go",
}

var ruleASMT03 = Rule{
	ID: ASMT03, Title: "Chronology entry recorded for each significant event within a local window",
	Text:     "For each significant event while the child is looked after, a chronology entry for the event's date is recorded within the window." + plEventDays,
	Citation: plLocal("inspection finding"), Severity: SeverityLocal, Domain: DomainAssessment,
	Reads: FamilyEvents, Package: "care", File: "care/reassessment.go", Default: "5 WD", Policy: []string{"Assessment.ChronologyDays", "Counting"},
}

// eventAnchors name a significant event by its kind, for Obligation.AnchorAs
// = int(kind): "20 working days after the missing episode on …".
var eventAnchors = []string{"the unplanned placement change", "the missing episode", "the exclusion from school",
	"the arrest, charge or conviction", "the significant health event", "the safeguarding concern",
	"the change in the family", "the court order or hearing", "the significant event"}

// The kinds of ASMT finding.
var (
	kindASMT01 = Kind{Rule: &ruleASMT01, What: "reassessment", Subject: "events[]",
		Anchor: "the significant event", Anchors: eventAnchors, Done: "assessment completed", DoneAt: "assessments[]",
		Closures: []string{"the child left care"}}
	kindASMT02 = Kind{Rule: &ruleASMT02, What: "updated assessment", Subject: "episodes[]",
		Anchor: "the review", Extra: "previous review", Done: "assessment completed", DoneAt: "assessments[]",
		Closures: []string{"the next review was held", "the child left care"}}
	kindASMT03 = Kind{Rule: &ruleASMT03, What: "chronology entry", Subject: "events[]",
		Anchor: "the significant event", Anchors: eventAnchors, Done: "chronology entry recorded", DoneAt: "chronology[]",
		Closures: []string{"the child left care"}}
)

func (r Record) validateReassessment(errs *ValidationErrors) {
	for i, e := range r.Events {
		at := func(f string) string { return plPath("events", i, f) }
		if e.Date.IsZero() {
			errs.Add(at("date"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "events", i, "date", r.Events[i-1].Date, e.Date)
		}
		switch {
		case e.Kind == EventKindUnknown:
			errs.Add(at("kind"), ErrRequired)
		case int(e.Kind) >= len(eventKindNames):
			errs.Add(at("kind"), fmt.Errorf("%w: %v", ErrUnknownCode, e.Kind))
		}
	}
	for i, as := range r.Assessments {
		at := func(f string) string { return plPath("assessments", i, f) }
		if as.Completed.IsZero() {
			errs.Add(at("completed"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "assessments", i, "completed", r.Assessments[i-1].Completed, as.Completed)
		}
		switch {
		case as.Kind == AssessmentKindUnknown:
			errs.Add(at("kind"), ErrRequired)
		case int(as.Kind) >= len(assessmentKindNames):
			errs.Add(at("kind"), fmt.Errorf("%w: %v", ErrUnknownCode, as.Kind))
		}
	}
	for i, c := range r.Chronology {
		at := func(f string) string { return plPath("chronology", i, f) }
		if c.Event.IsZero() {
			errs.Add(at("event"), ErrRequired)
		}
		switch {
		case c.Recorded.IsZero():
			errs.Add(at("recorded"), ErrRequired)
		case c.Recorded.Before(c.Event):
			errs.Addf(at("recorded"), "recorded %s, before the event on %s", c.Recorded, c.Event)
		}
	}
}

// firstAssessment returns the index and date of the first assessment
// completed on or after from, before until (zero: no limit) and on or
// before the assessment date, and -1 if none.
func (a *planAssessor) firstAssessment(from, until Date) (int, Date) {
	as := a.r.Assessments
	i, _ := searchDate(len(as), from, func(k int) Date { return as[k].Completed })
	if i < len(as) && !as[i].Completed.After(a.asOf) && (until.IsZero() || as[i].Completed.Before(until)) {
		return i, as[i].Completed
	}
	return -1, Date{}
}

// reassessment records the ASMT findings.
func (a *planAssessor) reassessment() error {
	nr := cmp.Or(a.p.Assessment.ReassessDays, 20)
	nc := cmp.Or(a.p.Assessment.ChronologyDays, 5)
	for i, ev := range a.r.Events {
		if ev.Date.After(a.asOf) {
			continue
		}
		per, pi, ok := a.h.PeriodAt(ev.Date)
		if !ok || !per.Contains(ev.Date) {
			continue // not looked after that day
		}
		end := a.periods[pi].careEnd
		due, err := a.workingDays(&kindASMT01, ev.Date, nr)
		if err != nil {
			return err
		}
		o := Obligation{Subject: At(i), Due: due, Anchor: ev.Date, AnchorAs: int(ev.Kind), Count: nr, Unit: WorkingDays, Closes: end}
		ai, done := a.firstAssessment(ev.Date, Date{})
		o.Done, o.DoneAt = done, At(ai)
		a.e.Deadline(&kindASMT01, o)
		if o.Due, err = a.workingDays(&kindASMT03, ev.Date, nc); err != nil {
			return err
		}
		o.Count, o.Done, o.DoneAt = nc, Date{}, Ref{}
		for j, c := range a.r.Chronology {
			if c.Event.Equal(ev.Date) && (o.Done.IsZero() || c.Recorded.Before(o.Done)) {
				o.Done, o.DoneAt = c.Recorded, At(j)
			}
		}
		a.e.Deadline(&kindASMT03, o)
	}
	a.reviewAssessments()
	return nil
}

// reviewAssessments records ASMT-02 for each review held after the first:
// an assessment completed after the previous review is due no later than
// the review. The window closes when the next review is held, and an
// assessment completed after that counts for the next review, not this
// one; it also closes when the child leaves care.
// staysAfter reports whether an episode of care starts after day d.
func (a *planAssessor) staysAfter(d Date) bool {
	eps := a.h.Episodes()
	return len(eps) > 0 && eps[len(eps)-1].Start.After(d)
}

func (a *planAssessor) reviewAssessments() {
	rv := a.ctx.Reviews
	for k := 1; k < len(rv); k++ {
		if rv[k].After(a.asOf) {
			break
		}
		_, pi, ok := a.h.PeriodAt(rv[k])
		if !ok {
			continue // before care: not a looked-after review
		}
		per := &a.periods[pi]
		o := Obligation{Subject: At(per.first), Due: rv[k], Anchor: rv[k], Unit: Days, Extra: rv[k-1]}
		end := per.careEnd
		if !end.IsZero() && rv[k].After(end) {
			// A review held after the recorded care ended (a series of
			// short breaks reviewed after its last recorded stay): the care
			// goes on while a later stay is recorded; with none, nothing
			// can be done for this review once it has been held, so its
			// window closes the day after it.
			end = Date{}
			if !a.staysAfter(rv[k]) {
				end = rv[k].AddDays(1)
			}
		}
		if k+1 < len(rv) && (end.IsZero() || rv[k+1].Before(end)) {
			o.Closes = rv[k+1]
		} else if !end.IsZero() {
			o.Closes, o.ClosedBy = end, 1
		}
		ai, done := a.firstAssessment(rv[k-1].AddDays(1), o.Closes)
		o.Done, o.DoneAt = done, At(ai)
		a.e.Deadline(&kindASMT02, o)
	}
}
