package care

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the limits of plausible input in one place: the earliest
// date a record may hold, the ages and distances it may record, the
// lengths of its strings, and the helpers that check them and quote a bad
// value in an error without echoing it unbounded, or at all.
//
// Strings are limited by what they hold, in bytes of UTF-8:
//
//   - identifiers (child, carer, adviser, IRO, worker, recommendation and
//     direction IDs, Ofsted URNs): [MaxIDBytes], 64;
//   - names and short labels (people's names, team and office names, term
//     names, religion, first language): [MaxNameBytes], 128;
//   - free text (plans, summaries, purposes, actions, notes, outcomes):
//     [MaxTextBytes], 4,096.
//
// Every string must also be valid UTF-8. An error about a string names its
// field and says what is wrong. It quotes at most a short escaped prefix of
// the value ([Excerpt]), and only for identifiers and labels: a value that
// can identify a person or say something about them (a date of birth, a
// UPN, a postcode, a name, religion, language, any free text) is never
// quoted ([CheckPrivateString]).

// The limits of a plausible record.
const (
	// EarliestRecordYear is the first year a record date may fall in:
	// every date of a [Record] other than the child's date of birth (the
	// episodes, visits, plans, assessments, missing episodes, care-leaver
	// records, and so on) must be on or after 1 January of this year, or
	// it is a validation error. It is the first day covered by
	// [EnglandAndWales], so every working-day count the rules make from a
	// record date can be made, and it is before the statutory framework the
	// rules encode (the CPPCR 2010); an earlier date is a typing error or a
	// placeholder such as 0001-01-01 or 1900-01-01.
	EarliestRecordYear = 2000

	// EarliestBirthYear is the first year a date of birth may fall in: an
	// earlier one (0001-01-01, 1899-12-31) is a placeholder, not a date of
	// birth.
	EarliestBirthYear = 1900

	// MaxYearsBeforeCare is how many years before the child's first
	// episode the date of birth may be at most. Nobody is looked after
	// from 18, so a date of birth more than 25 years before the first
	// episode is wrong: a year typed wrongly, or a parent's date of birth.
	MaxYearsBeforeCare = 25

	// AgeOfMajority is the age at which a child stops being looked after
	// (Children Act 1989 s.105(1): a child is a person under 18). An
	// episode cannot start on or after the 18th birthday, nor end after
	// it, and no child of 18 or over can be assessed as looked after.
	AgeOfMajority = 18

	// MaxDistanceMiles is the longest plausible distance from home to a
	// placement, in miles: longer than Great Britain (Land's End to John
	// o'Groats is about 600 miles in a straight line), so a larger value
	// is a typing error or a distance in other units.
	MaxDistanceMiles = 1000

	// MaxIDBytes is the longest an identifier may be, in bytes.
	MaxIDBytes = 64
	// MaxNameBytes is the longest a name or short label may be, in bytes.
	MaxNameBytes = 128
	// MaxTextBytes is the longest a free-text field may be, in bytes.
	MaxTextBytes = 4096
)

// earliestRecord and earliestBirth are the first plausible days of a
// record and of a date of birth.
var (
	earliestRecord = jan1(EarliestRecordYear)
	earliestBirth  = jan1(EarliestBirthYear)
)

// Errors about strings. They are wrapped with the details, and the error
// names the field ([FieldError]).
var (
	// ErrTooLong reports a string longer than its field allows.
	ErrTooLong = errors.New("too long")
	// ErrInvalidUTF8 reports a string that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("not valid UTF-8")
)

// ErrNoEpisodes reports a child with no episodes: a child who has never
// been looked after cannot be assessed ([NewHistory]).
var ErrNoEpisodes = errors.New("no episodes")

// excerptBytes is how much of a value [Excerpt] quotes.
const excerptBytes = 20

// Excerpt returns s quoted as Go quotes strings (strconv.Quote: invalid
// UTF-8 and control characters escaped), cut to its first 20 bytes (at a
// character boundary) with "…" after the closing quote when it was cut.
// Errors quote input through it, so that a 50 MB value gives a short
// message. Never pass it a value that can identify a person.
func Excerpt(s string) string {
	if len(s) <= excerptBytes {
		return quote(s)
	}
	n := excerptBytes
	for k := n; k > excerptBytes-utf8.UTFMax && k > 0; k-- {
		if utf8.RuneStart(s[k]) {
			n = k
			break
		}
	}
	return quote(s[:n]) + "…"
}

// quote is strconv.Quote, with U+FFFD (which a decoder puts in place of an
// invalid escape such as a lone surrogate) escaped too, so that a message
// never shows a replacement character.
func quote(s string) string {
	q := strconv.Quote(s)
	if strings.ContainsRune(q, utf8.RuneError) {
		q = strings.ReplaceAll(q, string(utf8.RuneError), `\ufffd`)
	}
	return q
}

// CheckString returns nil if s is valid UTF-8 and at most max bytes long,
// and otherwise an error wrapping [ErrTooLong] or [ErrInvalidUTF8] that
// quotes the start of s ([Excerpt]): for identifiers and labels. Use
// [CheckPrivateString] for a value that can identify a person or says
// something about them.
func CheckString(s string, max int) error {
	if len(s) <= max && utf8.ValidString(s) {
		return nil
	}
	return stringError(s, max, true)
}

// CheckPrivateString is [CheckString] for identifying fields and free text
// (names, UPNs, postcodes, religion, notes): its error says what is wrong,
// how long the value is or where its first bad byte is, and never quotes
// any of it.
func CheckPrivateString(s string, max int) error {
	if len(s) <= max && utf8.ValidString(s) {
		return nil
	}
	return stringError(s, max, false)
}

// stringError explains why s fails [CheckString], quoting it if quote.
func stringError(s string, max int, quote bool) error {
	var err error
	if len(s) > max {
		err = fmt.Errorf("%w: %d bytes, more than the %d allowed", ErrTooLong, len(s), max)
	} else {
		err = fmt.Errorf("%w: the first bad byte is byte %d", ErrInvalidUTF8, firstInvalid(s))
	}
	if quote {
		return fmt.Errorf("%w (%s)", err, Excerpt(s))
	}
	return err
}

// firstInvalid returns the offset of the first byte of s that does not
// start a valid UTF-8 sequence, or len(s).
func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// checkRecordDate returns an error if d is set and earlier than
// [EarliestRecordYear] allows: the one check every record date goes
// through.
func checkRecordDate(d Date) error {
	if d.IsZero() || !d.Before(earliestRecord) {
		return nil
	}
	return fmt.Errorf("%s is before 1 January %d, the earliest date a record may hold (care.EarliestRecordYear)", d, EarliestRecordYear)
}

// checkDateOfBirth checks a date of birth that is set against the first
// day of care, first (zero if unknown). The errors never give the date.
func checkDateOfBirth(dob, first Date) error {
	switch {
	case dob.IsZero():
		return nil
	case dob.Before(earliestBirth):
		return fmt.Errorf("before %d: not a plausible date of birth", EarliestBirthYear)
	case !first.IsZero() && Birthday(dob, MaxYearsBeforeCare).Before(first):
		return fmt.Errorf("more than %d years before the first episode: not a plausible date of birth for a looked-after child", MaxYearsBeforeCare)
	}
	return nil
}

// fieldPath is the path of a field of a record, for the checks that walk a
// whole [Record]: "list[i].field", "list[i].sub[j].field", "list[i].sub[j]"
// (no field: the element itself) or "field" (no list). It is built into a
// string only when an error is reported.
type fieldPath struct {
	list  string
	i     int
	sub   string
	j     int
	field string
}

func (p fieldPath) String() string {
	if p.list == "" {
		return p.field
	}
	s := Index(p.list, p.i)
	if p.sub != "" {
		s = Index(JoinPath(s, p.sub), p.j)
	}
	return JoinPath(s, p.field)
}

// at returns the path of field of element i of list.
func at(list string, i int, field string) fieldPath { return fieldPath{list: list, i: i, field: field} }

// atSub returns the path of field of element j of list sub inside element
// i of list.
func atSub(list string, i int, sub string, j int, field string) fieldPath {
	return fieldPath{list: list, i: i, sub: sub, j: j, field: field}
}

// textField is a string of a record with its limit, and whether an error
// may quote it (identifiers and labels) or not (identifying fields and
// free text).
type textField struct {
	s       string
	max     int
	private bool
}

func (f textField) check() error {
	if f.private {
		return CheckPrivateString(f.s, f.max)
	}
	return CheckString(f.s, f.max)
}

// idText, labelText, nameText and freeText make the textField of a string
// of each class.
func idText(s string) textField    { return textField{s: s, max: MaxIDBytes} }
func labelText(s string) textField { return textField{s: s, max: MaxNameBytes} }
func nameText(s string) textField  { return textField{s: s, max: MaxNameBytes, private: true} }
func freeText(s string) textField  { return textField{s: s, max: MaxTextBytes, private: true} }

// validateValues checks every date and string of r's records other than
// the child and the episodes (a [History] checks those): each date against
// [EarliestRecordYear], each string against its limit.
func (r *Record) validateValues(errs *ValidationErrors) {
	for p, d := range r.dates {
		if err := checkRecordDate(d); err != nil {
			errs.Add(p.String(), err)
		}
	}
	for p, f := range r.texts {
		if err := f.check(); err != nil {
			errs.Add(p.String(), err)
		}
	}
}

// dates yields the path and value of every date of r's records other than
// the child's and the episodes' (a [History] checks those), set or not. It
// is the one list of the record's dates: a test fills every Date field of
// a [Record] by reflection and checks that each is reported here.
func (r *Record) dates(yield func(fieldPath, Date) bool) {
	type item struct {
		p fieldPath
		d Date
	}
	// each yields the items of one record; it stops the walk when yield
	// does.
	each := func(items ...item) bool {
		for _, it := range items {
			if !yield(it.p, it.d) {
				return false
			}
		}
		return true
	}
	for i, v := range r.Visits {
		if !each(item{at("visits", i, "date"), v.Date}, item{at("visits", i, "written_up"), v.WrittenUp}) {
			return
		}
	}
	for i, g := range r.VisitAgreements {
		if !each(item{at("visit_agreements", i, "agreed"), g.Agreed}, item{at("visit_agreements", i, "ended"), g.Ended}) {
			return
		}
	}
	for i, a := range r.Arrangements {
		if !each(item{at("arrangements", i, "start"), a.Start}, item{at("arrangements", i, "end"), a.End}) {
			return
		}
	}
	for i, n := range r.HomeNotices {
		if !each(item{at("home_notices", i, "received"), n.Received}) {
			return
		}
	}
	for i, cp := range r.CarePlans {
		if !each(item{at("care_plans", i, "agreed"), cp.Agreed}) {
			return
		}
		for j, ac := range cp.Actions {
			if !each(item{atSub("care_plans", i, "actions", j, "due"), ac.Due},
				item{atSub("care_plans", i, "actions", j, "completed"), ac.Completed}) {
				return
			}
		}
	}
	for i, pp := range r.PlacementPlans {
		if !each(item{at("placement_plans", i, "placement_start"), pp.PlacementStart},
			item{at("placement_plans", i, "prepared"), pp.Prepared}) {
			return
		}
	}
	for i, n := range r.Notifications {
		if !each(item{at("notifications", i, "placement_start"), n.PlacementStart}, item{at("notifications", i, "sent"), n.Sent}) {
			return
		}
	}
	for i, pp := range r.ParentPlacements {
		if !each(item{at("parent_placements", i, "placement_start"), pp.PlacementStart},
			item{at("parent_placements", i, "assessment_completed"), pp.AssessmentCompleted},
			item{at("parent_placements", i, "decision_approved"), pp.DecisionApproved}) {
			return
		}
	}
	for i, ev := range r.Events {
		if !each(item{at("events", i, "date"), ev.Date}) {
			return
		}
	}
	for i, a := range r.Assessments {
		if !each(item{at("assessments", i, "completed"), a.Completed}) {
			return
		}
	}
	for i, c := range r.Chronology {
		if !each(item{at("chronology", i, "event"), c.Event}, item{at("chronology", i, "recorded"), c.Recorded}) {
			return
		}
	}
	for i, h := range r.HealthAssessments {
		if !each(item{at("health_assessments", i, "date"), h.Date}) {
			return
		}
	}
	for i, s := range r.SDQs {
		if !each(item{at("sdqs", i, "date"), s.Date}) {
			return
		}
	}
	for i, d := range r.DentalChecks {
		if !each(item{at("dental_checks", i, "date"), d.Date}) {
			return
		}
	}
	for i, p := range r.PEPs {
		if !each(item{at("peps", i, "initiated"), p.Initiated}) {
			return
		}
		for j, d := range p.Reviews {
			if !each(item{atSub("peps", i, "reviews", j, ""), d}) {
				return
			}
		}
	}
	for i, t := range r.Terms {
		if !each(item{at("terms", i, "first"), t.First}, item{at("terms", i, "last"), t.Last}) {
			return
		}
	}
	for i, m := range r.MissingEpisodes {
		if !each(item{at("missing_episodes", i, "start"), m.Start}, item{at("missing_episodes", i, "end"), m.End},
			item{at("missing_episodes", i, "interview.offered.date"), m.Interview.Offered.Date},
			item{at("missing_episodes", i, "interview.held.date"), m.Interview.Held.Date}) {
			return
		}
	}
	for i, m := range r.RiskMeetings {
		if !each(item{at("risk_meetings", i, "date"), m.Date}, item{at("risk_meetings", i, "escalated_on"), m.EscalatedOn}) {
			return
		}
	}
	for i, c := range r.ConnectedApprovals {
		const l = "connected_approvals"
		if !each(item{at(l, i, "start"), c.Start}, item{at(l, i, "extended_on"), c.ExtendedOn}, item{at(l, i, "extension_ends"), c.ExtensionEnds},
			item{at(l, i, "irm_requested"), c.IRMRequested}, item{at(l, i, "irm_outcome"), c.IRMOutcome},
			item{at(l, i, "approved"), c.Approved}, item{at(l, i, "ended"), c.Ended}) {
			return
		}
	}
	for i, a := range r.PlacementApprovals {
		if !each(item{at("placement_approvals", i, "placement"), a.Placement}, item{at("placement_approvals", i, "approved"), a.Approved}) {
			return
		}
	}
	lc := &r.LeavingCare
	for i, a := range lc.NeedsAssessments {
		if !each(item{at("leaving_care.needs_assessments", i, "completed"), a.Completed}) {
			return
		}
	}
	for i, p := range lc.PathwayPlans {
		if !each(item{at("leaving_care.pathway_plans", i, "prepared"), p.Prepared}) {
			return
		}
	}
	for i, p := range lc.PathwayReviews {
		if !each(item{at("leaving_care.pathway_reviews", i, "date"), p.Date}) {
			return
		}
	}
	for i, a := range lc.Advisers {
		if !each(item{at("leaving_care.personal_advisers", i, "appointed"), a.Appointed},
			item{at("leaving_care.personal_advisers", i, "ended"), a.Ended}) {
			return
		}
	}
	for i, v := range lc.AdviserVisits {
		if !each(item{at("leaving_care.adviser_visits", i, "date"), v.Date}) {
			return
		}
	}
	for i, p := range lc.Accommodation {
		if !each(item{at("leaving_care.accommodation", i, "start"), p.Start}, item{at("leaving_care.accommodation", i, "end"), p.End}) {
			return
		}
	}
	for i, c := range r.CeasingApprovals {
		if !each(item{at("ceasing_approvals", i, "ceased"), c.Ceased}, item{at("ceasing_approvals", i, "approved"), c.Approved}) {
			return
		}
	}
}

// texts yields the path and class of every string of r's records other
// than the child's and the episodes' ([Child.Validate] and
// [Episode.Validate] check those): the one list of the record's strings,
// checked by reflection in a test as [Record.dates] is.
func (r *Record) texts(yield func(fieldPath, textField) bool) {
	for i, v := range r.Visits {
		if !yield(at("visits", i, "purpose"), freeText(v.Purpose)) || !yield(at("visits", i, "plan_action"), freeText(v.PlanAction)) {
			return
		}
	}
	for i, cp := range r.CarePlans {
		if !yield(at("care_plans", i, "permanence_plan"), freeText(cp.PermanencePlan)) ||
			!yield(at("care_plans", i, "iro_name"), nameText(cp.IROName)) {
			return
		}
		for j, ac := range cp.Actions {
			if !yield(atSub("care_plans", i, "actions", j, "action"), freeText(ac.Action)) ||
				!yield(atSub("care_plans", i, "actions", j, "owner"), nameText(ac.Owner)) ||
				!yield(atSub("care_plans", i, "actions", j, "outcome"), freeText(ac.Outcome)) {
				return
			}
		}
	}
	for i, ev := range r.Events {
		if !yield(at("events", i, "summary"), freeText(ev.Summary)) {
			return
		}
	}
	for i, p := range r.PEPs {
		for j, t := range p.Targets {
			if !yield(atSub("peps", i, "targets", j, ""), freeText(t)) {
				return
			}
		}
		if !yield(at("peps", i, "pupil_premium.planned_use"), freeText(p.PupilPremium.PlannedUse)) {
			return
		}
	}
	for i, t := range r.Terms {
		if !yield(at("terms", i, "name"), labelText(t.Name)) {
			return
		}
	}
	for i, m := range r.RiskMeetings {
		for j, a := range m.Actions {
			if !yield(atSub("risk_meetings", i, "actions", j, ""), freeText(a)) {
				return
			}
		}
		if !yield(at("risk_meetings", i, "escalated_to"), nameText(m.EscalatedTo)) {
			return
		}
	}
	for i, c := range r.ConnectedApprovals {
		if !yield(at("connected_approvals", i, "carer"), idText(c.Carer)) {
			return
		}
	}
	for i, a := range r.LeavingCare.Advisers {
		if !yield(at("leaving_care.personal_advisers", i, "adviser"), idText(a.Adviser)) {
			return
		}
	}
}
