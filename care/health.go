package care

import (
	"cmp"
	"fmt"
)

// This file holds the HLTH family: the initial health assessment (HLTH-01),
// review health assessments (HLTH-02), the Strengths and Difficulties
// Questionnaire (HLTH-03) and dental checks (HLTH-04). Each is a duty of a
// period of care and closes when the child leaves care; an SDQ also closes
// at the 17th birthday. A series of short breaks has none of them.

// HealthAssessmentKind says whether a health assessment is the initial
// assessment or a review (CPPCR reg 7).
type HealthAssessmentKind uint8

const (
	HealthAssessmentKindUnknown HealthAssessmentKind = iota // not given; invalid in a record
	HealthAssessmentKindInitial                             // initial health assessment (reg 7(1))
	HealthAssessmentKindReview                              // review health assessment (reg 7(3))
)

var healthKindNames = [...]string{"unknown", "initial", "review"}

// String returns "initial" or "review".
func (k HealthAssessmentKind) String() string {
	if int(k) < len(healthKindNames) {
		return healthKindNames[k]
	}
	return fmt.Sprintf("HealthAssessmentKind(%d)", uint8(k))
}

// MarshalText implements [encoding.TextMarshaler].
func (k HealthAssessmentKind) MarshalText() ([]byte, error) {
	return marshalName(k.String(), int(k), len(healthKindNames), "health assessment kind")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *HealthAssessmentKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, healthKindNames[:], "health assessment kind")
	*k = HealthAssessmentKind(i)
	return err
}

// Assessor is the professional who carried out a health assessment.
type Assessor uint8

const (
	AssessorUnknown Assessor = iota // not recorded
	AssessorDoctor                  // a registered medical practitioner
	AssessorNurse                   // a registered nurse supervised by a medical practitioner
	AssessorMidwife                 // a registered midwife supervised by a medical practitioner
	AssessorOther                   // anyone else
)

var assessorNames = [...]string{"unknown", "doctor", "nurse", "midwife", "other"}

// String returns "doctor", "nurse", "midwife" or "other".
func (a Assessor) String() string {
	if int(a) < len(assessorNames) {
		return assessorNames[a]
	}
	return fmt.Sprintf("Assessor(%d)", uint8(a))
}

// MarshalText implements [encoding.TextMarshaler].
func (a Assessor) MarshalText() ([]byte, error) {
	return marshalName(a.String(), int(a), len(assessorNames), "assessor")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Assessor) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, assessorNames[:], "assessor")
	*a = Assessor(i)
	return err
}

// HealthAssessment is a statutory health assessment. An assessment dated
// before the child became looked after may exempt the initial assessment
// (reg 7(2)). Refused records that the child, of sufficient age and
// understanding, refused consent (reg 7(4)); a refusal discharges the
// assessment it stands for.
type HealthAssessment struct {
	Date          Date                 `json:"date"`
	Kind          HealthAssessmentKind `json:"kind"`
	By            Assessor             `json:"by,omitzero"`
	WrittenReport bool                 `json:"written_report,omitempty"`
	Refused       bool                 `json:"refused,omitempty"`
}

// SDQReason is the SSDA903 SDQ_REASON code: why a Strengths and
// Difficulties Questionnaire was not completed.
type SDQReason uint8

const (
	SDQReasonUnknown SDQReason = iota // no reason: the SDQ was completed
	SDQReason1                        // SDQ1: under 4 or over 16 at the date of the latest assessment
	SDQReason2                        // SDQ2: carer refused
	SDQReason3                        // SDQ3: not possible because of the severity of the child's disability
	SDQReason4                        // SDQ4: other
	SDQReason5                        // SDQ5: child or young person refused
)

var sdqReasonTable = codeTable{goName: "SDQReason", what: "SDQ reason", rows: []codeEntry{
	SDQReasonUnknown: {},
	SDQReason1:       {code: "SDQ1", desc: "under 4 or over 16 at the date of the latest assessment"},
	SDQReason2:       {code: "SDQ2", desc: "carer refused"},
	SDQReason3:       {code: "SDQ3", desc: "not possible because of the severity of the child's disability"},
	SDQReason4:       {code: "SDQ4", desc: "other"},
	SDQReason5:       {code: "SDQ5", desc: "child or young person refused"},
}}

// ParseSDQReason parses an SSDA903 SDQ_REASON code such as "SDQ2". An
// empty or unknown code returns a [*ParseError] wrapping [ErrUnknownCode].
func ParseSDQReason(s string) (SDQReason, error) { return parseCode[SDQReason](&sdqReasonTable, s) }

// String returns the official code ("SDQ2"), "" for SDQReasonUnknown.
func (r SDQReason) String() string { return sdqReasonTable.str(int(r)) }

// Description returns the meaning of the code.
func (r SDQReason) Description() string { return sdqReasonTable.desc(int(r)) }

// MarshalText implements [encoding.TextMarshaler].
func (r SDQReason) MarshalText() ([]byte, error) { return marshalCode(&sdqReasonTable, int(r)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *SDQReason) UnmarshalText(b []byte) error {
	return unmarshalCode[SDQReason](&sdqReasonTable, b, r)
}

// SDQ is a Strengths and Difficulties Questionnaire: its total difficulties
// score (0 to 40), or, with Reason set, why it was not completed. A
// recorded reason discharges that year's SDQ (the DfE return accepts it);
// the reason is carried in the finding's evidence.
type SDQ struct {
	Date   Date      `json:"date"`
	Score  int       `json:"score"`
	Reason SDQReason `json:"reason,omitzero"`
}

// DentalCheck is a check of the child's teeth by a dentist.
type DentalCheck struct {
	Date Date `json:"date"`
}

// FifthBirthday chooses how HLTH-02 treats a child who turns 5 between two
// review health assessments: reg 7(3) does not say (design.md Q3,
// settled.md N3).
type FifthBirthday uint8

const (
	// FifthBirthdayByAge (the default): the interval is set by the child's
	// age at the last assessment: under 5, 6 months; 5 or over, 12 months.
	FifthBirthdayByAge FifthBirthday = iota
	// FifthBirthdayByDueDate: 6 months only if that due date falls before
	// the 5th birthday; otherwise 12 months after the last assessment.
	FifthBirthdayByDueDate
)

var fifthBirthdayNames = [...]string{"by-age", "by-due-date"}

// String returns "by-age" or "by-due-date".
func (f FifthBirthday) String() string {
	if int(f) < len(fifthBirthdayNames) {
		return fifthBirthdayNames[f]
	}
	return fmt.Sprintf("FifthBirthday(%d)", uint8(f))
}

// MarshalText implements [encoding.TextMarshaler].
func (f FifthBirthday) MarshalText() ([]byte, error) {
	if int(f) >= len(fifthBirthdayNames) {
		return nil, fmt.Errorf("care: cannot marshal fifth birthday rule %d", f)
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is the default.
func (f *FifthBirthday) UnmarshalText(b []byte) error {
	for i, n := range fifthBirthdayNames {
		if string(b) == n {
			*f = FifthBirthday(i)
			return nil
		}
	}
	if len(b) == 0 {
		*f = FifthBirthdayByAge
		return nil
	}
	return &ParseError{Input: string(b), Type: "fifth birthday rule", Err: ErrUnknownCode}
}

// InitialHealthReading chooses how HLTH-01 reads CPPCR reg 7(1): "Before C
// is first placed by them or, if that is not reasonably practicable, before
// the first review of C's case, the responsible authority must make
// arrangements for a registered medical practitioner to (a) carry out an
// assessment of C's state of health, and (b) provide a written report of
// the assessment ... as soon as reasonably practicable". The words put the
// arrangements before the first review; the statutory guidance (Promoting
// the health and wellbeing of looked-after children, 2015: settled.md Q8,
// regulations.md row 2.1) asks for the assessment itself in time for the
// first review, within 20 working days. The care record holds the
// assessment's date, not the day it was arranged.
type InitialHealthReading uint8

const (
	// InitialHealthByFirstReview (the default) measures the assessment
	// itself against the first review: it is due by the first review of the
	// period of care as held, where that is earlier than InitialDays
	// working days after the child became looked after, and otherwise (the
	// review late or not yet held) by the InitialDays deadline. A record on
	// the review's own day counts as before it: a date-only record cannot
	// tell the morning from the afternoon.
	InitialHealthByFirstReview InitialHealthReading = iota
	// InitialHealthByWorkingDays is the arrangements reading: reg 7(1)
	// binds only the arranging to the first review, so the assessment is
	// measured against the InitialDays working days alone and an early
	// first review does not bring it forward.
	InitialHealthByWorkingDays
)

var initialReadingNames = [...]string{"by-first-review", "by-working-days"}

// String returns "by-first-review" or "by-working-days".
func (r InitialHealthReading) String() string {
	if int(r) < len(initialReadingNames) {
		return initialReadingNames[r]
	}
	return fmt.Sprintf("InitialHealthReading(%d)", uint8(r))
}

// MarshalText implements [encoding.TextMarshaler].
func (r InitialHealthReading) MarshalText() ([]byte, error) {
	if int(r) >= len(initialReadingNames) {
		return nil, fmt.Errorf("care: cannot marshal initial health reading %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is the default.
func (r *InitialHealthReading) UnmarshalText(b []byte) error {
	for i, n := range initialReadingNames {
		if string(b) == n {
			*r = InitialHealthReading(i)
			return nil
		}
	}
	if len(b) == 0 {
		*r = InitialHealthByFirstReview
		return nil
	}
	return &ParseError{Input: string(b), Type: "initial health reading", Err: ErrUnknownCode}
}

// HealthPolicy holds the health timescales. Zero fields mean the defaults.
type HealthPolicy struct {
	// InitialDays: working days from becoming looked after to the initial
	// assessment (default and limit 20: the first review's own limit,
	// reg 33(1), and the statutory guidance's "within 20 working days").
	InitialDays int `json:"initial_days,omitempty"`
	// InitialReading picks the reading of reg 7(1)'s "before the first
	// review" (default [InitialHealthByFirstReview]).
	InitialReading InitialHealthReading `json:"initial_reading,omitzero"`
	// PriorMonths: an assessment with a written report this many months
	// before the placement exempts the initial one (default and limit 3,
	// reg 7(2)).
	PriorMonths int `json:"prior_months,omitempty"`
	// UnderFiveMonths and FiveAndOverMonths: review intervals (defaults and
	// limits 6 and 12, reg 7(3)).
	UnderFiveMonths   int `json:"under_five_months,omitempty"`
	FiveAndOverMonths int `json:"five_and_over_months,omitempty"`
	// FifthBirthday picks the reading of reg 7(3) at the 5th birthday.
	FifthBirthday FifthBirthday `json:"fifth_birthday,omitzero"`
	// SDQMonths: SDQ interval for ages 4 to 16 (default and limit 12).
	SDQMonths int `json:"sdq_months,omitempty"`
	// DentalMonths: dental check interval (local; default 12).
	DentalMonths int `json:"dental_months,omitempty"`
}

func (p HealthPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "health.initial_days", p.InitialDays, 20, "working days", "CPPCR reg 7(1): before the first review")
	if p.InitialReading > InitialHealthByWorkingDays {
		errs.Addf("health.initial_reading", "unknown initial health reading %d", p.InitialReading)
	}
	plLimit(errs, "health.prior_months", p.PriorMonths, 3, "months", "CPPCR reg 7(2)")
	plLimit(errs, "health.under_five_months", p.UnderFiveMonths, 6, "months", "CPPCR reg 7(3)(a)")
	plLimit(errs, "health.five_and_over_months", p.FiveAndOverMonths, 12, "months", "CPPCR reg 7(3)(b)")
	if p.FifthBirthday > FifthBirthdayByDueDate {
		errs.Addf("health.fifth_birthday", "unknown fifth birthday rule %d", p.FifthBirthday)
	}
	plLimit(errs, "health.sdq_months", p.SDQMonths, 12, "months", "statutory guidance 2015")
	plLimit(errs, "health.dental_months", p.DentalMonths, 0, "months", "local")
}

// plHealthMonths is the counting convention of the monthly health rules.
const plHealthMonths = " Months follow the corresponding-date rule; a record on the due date is on time. The duty closes when the child leaves care: not met by then, it is missed, and none is owed when the child leaves care on or before the due date."

var ruleHLTH01 = Rule{
	ID: HLTH01, Title: "Initial health assessment before the first review",
	Text: "For each period of care (except short breaks, reg 48(3)(b)), a health assessment \"before the first review of C's case\" (reg 7(1)): due on the day of the period's first review as held, where that is earlier than 20 working days after becoming looked after, and otherwise (the review held later, or not yet) within 20 working days of becoming looked after (the start day is day 0 unless Policy.Counting says otherwise). The assessment itself is measured, as the 2015 statutory guidance asks (\"in time for the first review\"); Policy.Health.InitialReading offers the reading of reg 7(1)'s words that binds only the arrangements to the review, which measures the 20 working days alone. A record on the review's day counts as before it. None is needed where an assessment with a written report was done in the 3 months before the placement (reg 7(2)); a recorded refusal by the child discharges it (reg 7(4)). The duty closes when the child leaves care: not met by then, it is missed, and none is owed when the child leaves care on or before the due date.",
	Citation: Citation{Instrument: CPPCR, Provision: "reg 7(1), (2), (4); Promoting the health and wellbeing of looked-after children (2015)",
		URL: CPPCRURL + "/regulation/7", Abbrev: CPPCRAbbrev},
	InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainHealth,
	Reads: FamilyHealth | FamilyReviews, Package: "care", File: "care/health.go", Default: "20 WD or first review",
	Policy: []string{"Health.InitialDays", "Health.InitialReading", "Health.PriorMonths", "Counting"},
}

var ruleHLTH02 = Rule{
	ID: HLTH02, Title: "Review health assessment every 6 months before the 5th birthday, every 12 months after",
	Text:     "After each assessment in a period of care, the next is due 6 months later if the child was under 5 at it, otherwise 12 months later: reg 7(3), \"at least once in every period of six months before C's fifth birthday\" and \"at least once in every period of 12 months after\" it, the period running from the day after the last assessment to the corresponding date (Policy.Health.FifthBirthday offers the other reading of reg 7(3): 6 months only if that date falls before the 5th birthday). A recorded refusal discharges the review." + plHealthMonths,
	Citation: plCPPCR("reg 7(3)-(4)", 7), InForce: plCPPCRInForce, Severity: SeverityStatutory, Domain: DomainHealth,
	Reads: FamilyHealth, Package: "care", File: "care/health.go", Default: "6 / 12 months",
	Policy: []string{"Health.UnderFiveMonths", "Health.FiveAndOverMonths", "Health.FifthBirthday"},
}

var ruleHLTH03 = Rule{
	ID: HLTH03, Title: "Strengths and Difficulties Questionnaire at least yearly for ages 4 to 16",
	Text: "For each period of care (except short breaks), an SDQ is due 12 months after the later of becoming looked after and the 4th birthday, then 12 months after the last; nothing is due on or after the 17th birthday. An SDQ with a recorded reason (SDQ1–SDQ5) counts." + plHealthMonths +
		" An SDQ still owed at the 17th birthday is missed then.",
	Citation: Citation{Instrument: "Promoting the health and wellbeing of looked-after children (DfE/DH statutory guidance, 2015)", Provision: "SDQ",
		URL: "https://www.gov.uk/government/publications/promoting-the-health-and-wellbeing-of-looked-after-children--2", Abbrev: "DfE/DH guidance 2015"},
	Severity: SeverityGuidance, Domain: DomainHealth, Reads: FamilyHealth, Package: "care", File: "care/health.go", Default: "12 months",
	Policy: []string{"Health.SDQMonths"},
}

var ruleHLTH04 = Rule{
	ID: HLTH04, Title: "Dental check at a local interval",
	Text:     "For each period of care (except short breaks), a dental check is due the interval after becoming looked after, then the interval after the last check. No national frequency is set (CPPCR Sch 1 para 1(4) asks only that the health plan arranges routine dental checks)." + plHealthMonths,
	Citation: plLocal("CPPCR Sch 1 para 1(4); local protocol"), Severity: SeverityLocal, Domain: DomainHealth,
	Reads: FamilyHealth, Package: "care", File: "care/health.go", Default: "12 months", Policy: []string{"Health.DentalMonths"},
}

// The kinds of HLTH finding; their subject is the period of care's first
// episode.
var (
	kindHLTH01 = Kind{Rule: &ruleHLTH01, What: "initial health assessment", Subject: "episodes[]",
		Anchor: "becoming looked after", Anchors: []string{"the first review held"},
		Done: "health assessment", DoneAt: "health_assessments[]",
		Dones: []string{"assessment with a written report in the months before the placement (reg 7(2))",
			"the child's refusal of consent (reg 7(4))"},
		Closures: []string{"the child left care"}}
	kindHLTH02 = Kind{Rule: &ruleHLTH02, What: "review health assessment", Subject: "episodes[]",
		Anchor: "the last health assessment", AnchorAt: "health_assessments[]", Done: "health assessment",
		DoneAt: "health_assessments[]", Closures: []string{"the child left care"}}
	kindHLTH03 = Kind{Rule: &ruleHLTH03, What: "SDQ", Subject: "episodes[]",
		Anchor: "the last SDQ", Anchors: []string{"becoming looked after", "the 4th birthday"}, AnchorAt: "sdqs[]",
		DoneAt: "sdqs[]", Closures: []string{"the child left care", "the child turned 17"},
		Message: appendWithoutBirthdays} // the 4th and 17th birthdays are not printed
	kindHLTH04 = Kind{Rule: &ruleHLTH04, What: "dental check", Subject: "episodes[]",
		Anchor: "the last dental check", Anchors: []string{"becoming looked after"}, AnchorAt: "dental_checks[]",
		DoneAt: "dental_checks[]", Closures: []string{"the child left care"}}
)

func (r Record) validateHealth(errs *ValidationErrors) {
	for i, h := range r.HealthAssessments {
		at := func(f string) string { return plPath("health_assessments", i, f) }
		if h.Date.IsZero() {
			errs.Add(at("date"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "health_assessments", i, "date", r.HealthAssessments[i-1].Date, h.Date)
		}
		switch {
		case h.Kind == HealthAssessmentKindUnknown:
			errs.Add(at("kind"), ErrRequired)
		case int(h.Kind) >= len(healthKindNames):
			errs.Add(at("kind"), fmt.Errorf("%w: %v", ErrUnknownCode, h.Kind))
		}
		if int(h.By) >= len(assessorNames) {
			errs.Add(at("by"), fmt.Errorf("%w: %v", ErrUnknownCode, h.By))
		}
	}
	for i, s := range r.SDQs {
		at := func(f string) string { return plPath("sdqs", i, f) }
		if s.Date.IsZero() {
			errs.Add(at("date"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "sdqs", i, "date", r.SDQs[i-1].Date, s.Date)
		}
		switch {
		case s.Reason != SDQReasonUnknown && !sdqReasonTable.known(int(s.Reason)):
			errs.Add(at("reason"), fmt.Errorf("%w: %v", ErrUnknownCode, s.Reason))
		case s.Reason != SDQReasonUnknown && s.Score != 0:
			errs.Addf(at("score"), "score %d given with reason %s for not completing the SDQ", s.Score, s.Reason)
		case s.Score < 0 || s.Score > 40:
			errs.Addf(at("score"), "score %d is outside 0 to 40", s.Score)
		}
	}
	for i, d := range r.DentalChecks {
		if d.Date.IsZero() {
			errs.Add(plPath("dental_checks", i, "date"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "dental_checks", i, "date", r.DentalChecks[i-1].Date, d.Date)
		}
	}
}

// chain walks a recurring obligation of one period of care, which ends on
// end (zero: ongoing). o is the first obligation; the first of the n
// records dated on or after from (date(i)), before end and not after the
// assessment date meets it, and the next is due months(d) after that
// record's date d, running from it. The walk stops at the first obligation
// not met, and before one due on or after stop (zero: no limit).
func (a *planAssessor) chain(k *Kind, o Obligation, from, end Date, n int, date func(int) Date, months func(Date) int, stop Date) {
	i := 0
	for range n + 1 {
		if !stop.IsZero() && !o.Due.Before(stop) {
			return
		}
		for i < n && date(i).Before(from) {
			i++
		}
		if i >= n || date(i).After(a.asOf) || (!end.IsZero() && !date(i).Before(end)) {
			a.e.Deadline(k, o)
			return
		}
		done := date(i)
		o.Done, o.DoneAt = done, At(i)
		a.e.Deadline(k, o)
		m := months(done)
		o.Due, o.Anchor, o.AnchorAt, o.AnchorAs, o.Count, o.Unit = done.AddMonths(m), done, At(i), 0, m, Months
		o.Done, o.DoneAt = Date{}, Ref{}
		from = done.AddDays(1)
		i++
	}
}

// health records the HLTH findings for each period of care.
func (a *planAssessor) health() error {
	for i := range a.periods {
		per := &a.periods[i]
		if per.Start.After(a.asOf) {
			break
		}
		if per.shortBreak {
			continue
		}
		if err := a.healthAssessments(per); err != nil {
			return err
		}
		a.sdqs(per)
		a.dentalChecks(per)
	}
	return nil
}

// healthAssessments records HLTH-01 for period of care per, and HLTH-02
// from the assessment that met it.
func (a *planAssessor) healthAssessments(per *planPeriod) error {
	hp := &a.p.Health
	has := a.r.HealthAssessments
	var review Date // the period's first review, if held by the assessment date
	for _, rv := range a.ctx.Reviews {
		if per.Contains(rv) && !rv.After(a.asOf) {
			review = rv
			break
		}
	}
	o, err := initialHealthObligation(a.cal, a.p, per.Start, review)
	if err != nil {
		return err
	}
	subject := At(per.first)
	o.Subject, o.Closes = subject, per.End
	prior := per.Start.AddMonths(-cmp.Or(hp.PriorMonths, 3))
	first := -1
	for i, h := range has {
		if h.Date.Before(prior) || h.Date.After(a.asOf) || (!per.End.IsZero() && !h.Date.Before(per.End)) {
			continue
		}
		if h.Date.Before(per.Start) && (!h.WrittenReport || h.Refused) {
			continue
		}
		first = i
		break
	}
	if first >= 0 {
		h := has[first]
		o.Done, o.DoneAt = h.Date, At(first)
		switch {
		case h.Date.Before(per.Start):
			o.DoneAs = 1 // an assessment in the months before (reg 7(2))
		case h.Refused:
			o.DoneAs = 2 // the child refused consent (reg 7(4))
		}
	}
	a.e.Deadline(&kindHLTH01, o)
	if first < 0 {
		return nil
	}
	dob := a.h.Child().DateOfBirth
	months := func(last Date) int { return healthReviewMonths(dob, last, hp) }
	last := has[first].Date
	next := healthReviewObligation(dob, last, hp)
	next.Subject, next.AnchorAt, next.Closes = subject, At(first), per.End
	a.chain(&kindHLTH02, next, last.AddDays(1), per.End, len(has), func(i int) Date { return has[i].Date }, months, Date{})
	return nil
}

// sdqs records HLTH-03 for period of care per: the ages 4 to 16, so the
// duty closes at the 17th birthday if the child is still in care then.
func (a *planAssessor) sdqs(per *planPeriod) {
	sdqs := a.r.SDQs
	dob := a.h.Child().DateOfBirth
	m := cmp.Or(a.p.Health.SDQMonths, 12)
	o := firstSDQObligation(dob, per.Start, m)
	o.Subject, o.Closes = At(per.first), per.End
	var b17 Date
	if !dob.IsZero() {
		b17 = Birthday(dob, 17)
		if o.Closes.IsZero() || b17.Before(o.Closes) {
			o.Closes, o.ClosedBy = b17, 1
		}
	}
	a.chain(&kindHLTH03, o, o.Anchor, per.End, len(sdqs), func(i int) Date { return sdqs[i].Date },
		func(Date) int { return m }, b17)
}

// dentalChecks records HLTH-04 for period of care per.
func (a *planAssessor) dentalChecks(per *planPeriod) {
	dcs := a.r.DentalChecks
	m := cmp.Or(a.p.Health.DentalMonths, 12)
	o := Obligation{Subject: At(per.first), Due: per.Start.AddMonths(m), Anchor: per.Start, AnchorAs: 1,
		Count: m, Unit: Months, Closes: per.End}
	a.chain(&kindHLTH04, o, per.Start, per.End, len(dcs), func(i int) Date { return dcs[i].Date },
		func(Date) int { return m }, Date{})
}
