package care

import (
	"cmp"
	"fmt"
)

// EventKind classifies a significant event or change of circumstances.
type EventKind uint8

const (
	EventKindUnknown     EventKind = iota // not given; invalid in a record
	EventPlacementChange                  // an unplanned change or breakdown of placement
	EventMissing                          // a missing episode of concern
	EventExclusion                        // exclusion from school or loss of a school place
	EventOffending                        // arrest, charge or conviction
	EventHealth                           // a significant health event
	EventSafeguarding                     // an allegation, a strategy discussion or a s.47 enquiry
	EventFamily                           // a change in the family: bereavement, birth, a parent's circumstances
	EventCourt                            // a court order or hearing that changes the plan
	EventOther                            // any other significant event
)

var eventKindNames = [...]string{"unknown", "placement-change", "missing", "exclusion", "offending", "health",
	"safeguarding", "family", "court", "other"}

// String returns the kind's name, such as "placement-change".
func (k EventKind) String() string {
	if int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return fmt.Sprintf("%%!EventKind(%d)", uint8(k))
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
type Event struct {
	Date    Date      `json:"date"`
	Kind    EventKind `json:"kind"`
	Summary string    `json:"summary,omitempty"`
}

// AssessmentKind classifies an assessment of the child's needs.
type AssessmentKind uint8

const (
	AssessmentKindUnknown AssessmentKind = iota // not given; invalid in a record
	AssessmentInitial                           // the assessment when the child became looked after
	AssessmentUpdate                            // an updated assessment or reassessment
	AssessmentSpecialist                        // a specialist assessment (risk, parenting, psychological)
)

var assessmentKindNames = [...]string{"unknown", "initial", "update", "specialist"}

// String returns "initial", "update" or "specialist".
func (k AssessmentKind) String() string {
	if int(k) < len(assessmentKindNames) {
		return assessmentKindNames[k]
	}
	return fmt.Sprintf("%%!AssessmentKind(%d)", uint8(k))
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

func fillReassessmentRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	const wd = " Working days follow CPPCR reg 2(1); the event day is day 0 (Policy.Counting may count it as day 1)."
	rs[rASMT01] = localRule("ASMT-01", "Circumstances reassessed after each significant event, within a local window",
		"For each significant event while the child is looked after, an assessment is completed on or after the event and within the window."+wd,
		"inspection finding", DomainAssessment, "20 WD")
	pol[rASMT01] = "Assessment.ReassessDays,Counting"
	rs[rASMT02] = localRule("ASMT-02", "Assessment updated since the previous review, before each review is held",
		"For each review held after the first (review dates come from the review package), an assessment is completed after the previous review and on or before the review.",
		"inspection finding; Children Act 1989 guidance and regulations Vol 2 (2015)", DomainAssessment, "")
	rs[rASMT03] = localRule("ASMT-03", "Chronology entry recorded for each significant event within a local window",
		"For each significant event while the child is looked after, a chronology entry for the event's date is recorded within the window."+wd,
		"inspection finding", DomainAssessment, "5 WD")
	pol[rASMT03] = "Assessment.ChronologyDays,Counting"
}

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

// eventLabel names an event of kind k in evidence.
func eventLabel(k EventKind) string {
	switch k {
	case EventPlacementChange:
		return "event: placement change"
	case EventMissing:
		return "event: missing"
	case EventExclusion:
		return "event: exclusion"
	case EventOffending:
		return "event: offending"
	case EventHealth:
		return "event: health"
	case EventSafeguarding:
		return "event: safeguarding"
	case EventFamily:
		return "event: family"
	case EventCourt:
		return "event: court"
	}
	return "event"
}

// firstAssessment returns the index and date of the first assessment
// completed on or after from and on or before asOf, and -1 if none.
func (a *planAssessor) firstAssessment(from Date) (int, Date) {
	as := a.r.Assessments
	i, _ := searchDate(len(as), from, func(k int) Date { return as[k].Completed })
	if i < len(as) && !as[i].Completed.After(a.asOf) {
		return i, as[i].Completed
	}
	return -1, Date{}
}

// reassessment appends the ASMT findings.
func (a *planAssessor) reassessment() error {
	nr := cmp.Or(a.p.Assessment.ReassessDays, 20)
	nc := cmp.Or(a.p.Assessment.ChronologyDays, 5)
	for i, e := range a.r.Events {
		if e.Date.After(a.asOf) || plPeriodIndex(a.periods, e.Date) < 0 {
			continue
		}
		subject := Index("events", i)
		ev := Evidence{Label: eventLabel(e.Kind), Date: e.Date, Ref: subject}
		due, err := a.wd(rASMT01, e.Date, nr)
		if err != nil {
			return err
		}
		d := Deadline{Due: due, Anchor: e.Date, AnchorLabel: "significant event", Count: nr, Unit: WorkingDays}
		if ai, done := a.firstAssessment(e.Date); ai >= 0 {
			a.deadline(rASMT01, subject, d, done, ev, plRef("assessment completed", done, "assessments", ai))
		} else {
			a.deadline(rASMT01, subject, d, Date{}, ev)
		}
		due, err = a.wd(rASMT03, e.Date, nc)
		if err != nil {
			return err
		}
		rec, ref := Date{}, -1
		for j, c := range a.r.Chronology {
			if c.Event.Equal(e.Date) && (ref < 0 || c.Recorded.Before(rec)) {
				rec, ref = c.Recorded, j
			}
		}
		d = Deadline{Due: due, Anchor: e.Date, AnchorLabel: "significant event", Count: nc, Unit: WorkingDays}
		if ref >= 0 {
			a.deadline(rASMT03, subject, d, rec, ev, plRef("chronology entry recorded", rec, "chronology", ref))
		} else {
			a.deadline(rASMT03, subject, d, Date{}, ev)
		}
	}
	rv := a.ctx.Reviews
	for k := 1; k < len(rv); k++ {
		if rv[k].After(a.asOf) {
			break
		}
		d := Deadline{Due: rv[k], Anchor: rv[k-1], AnchorLabel: "previous review", Count: rv[k].DaysSince(rv[k-1]), Unit: Days}
		subject := plSubject("review", rv[k])
		if ai, done := a.firstAssessment(rv[k-1].AddDays(1)); ai >= 0 {
			a.deadline(rASMT02, subject, d, done, plRef("assessment completed", done, "assessments", ai))
		} else {
			a.deadline(rASMT02, subject, d, Date{})
		}
	}
	return nil
}
