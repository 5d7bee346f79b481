package review

import (
	"errors"
	"fmt"

	"github.com/lookedafter/practice/care"
)

// Record is one child's review record: the looked-after reviews held, the
// independent reviewing officers allocated, and the IRO's midway checks
// between reviews. The child and the episodes live in [care.Record]; the
// root package practice joins them into a whole case.
//
// Every list is in date order. A Record is a plain value; the calculators
// never modify it.
type Record struct {
	// Reviews are the reviews held, in the order held.
	Reviews []Review `json:"reviews,omitempty"`
	// IRO are the independent reviewing officers allocated, in order of
	// appointment.
	IRO []IROAllocation `json:"iro,omitempty"`
	// MidwayChecks are the IRO's checks between reviews, in date order.
	MidwayChecks []MidwayCheck `json:"midway_checks,omitempty"`
}

// Review is one looked-after review (CPPCR 2010 Part 6).
type Review struct {
	// Held is the date the review meeting was held: for an adjourned
	// review, the date it first sat. It is the date the review counts from
	// in the timetable and the date SSDA903 records (REVIEW).
	Held care.Date `json:"held"`
	// EarlyReason records that the review was brought forward, and why
	// (reg 33(3)); zero for a review on the ordinary timetable.
	EarlyReason EarlyReason `json:"early_reason,omitzero"`
	// ChairedBy identifies the IRO who chaired the review (reg 36(1)(a)),
	// at most [care.MaxIDBytes] long.
	ChairedBy string `json:"chaired_by,omitempty"`
	// Participation is the child's participation code, SSDA903 REVIEW_CODE
	// (PN0 to PN7).
	Participation care.Participation `json:"participation,omitzero"`
	// ViewsRecorded records that the child's views were recorded for the
	// review.
	ViewsRecorded bool `json:"views_recorded,omitempty"`
	// DecisionsCirculated is the date the review's decisions were
	// circulated, zero if they have not been.
	DecisionsCirculated care.Date `json:"decisions_circulated,omitzero"`
	// RecordCompleted is the date the full written record of the review
	// was completed (reg 38), zero if it has not been.
	RecordCompleted care.Date `json:"record_completed,omitzero"`
	// Adjourned is the date the IRO adjourned the review meeting for want
	// of information (reg 36(2): once, for not more than 20 working days);
	// zero if it was not adjourned.
	Adjourned care.Date `json:"adjourned,omitzero"`
	// Reconvened is the date the adjourned review was completed; zero if
	// it was not adjourned or has not yet been completed.
	Reconvened care.Date `json:"reconvened,omitzero"`
	// ProposalImplemented is the date any proposal under review was put
	// into effect while the review was adjourned (reg 36(2) forbids it
	// before the review is completed); zero if none was.
	ProposalImplemented care.Date `json:"proposal_implemented,omitzero"`
	// Recommendations are the review's recommendations and decisions.
	Recommendations []Recommendation `json:"recommendations,omitempty"`
}

// Recommendation is one recommendation or decision of a review, with the
// person responsible for carrying it out (reg 36(1)(d)).
type Recommendation struct {
	// Ref is the authority's reference for the recommendation (at most
	// [care.MaxIDBytes]), and Text its wording (free text, at most
	// [care.MaxTextBytes]); at least one is required.
	Ref  string `json:"ref,omitempty"`
	Text string `json:"text,omitempty"`
	// Owner is the person responsible for carrying it out, at most
	// [care.MaxNameBytes]; errors never quote it.
	Owner string `json:"owner,omitempty"`
	// Due is the date by which it should be done.
	Due care.Date `json:"due,omitzero"`
	// Completed is the date it was done, zero while it is open.
	Completed care.Date `json:"completed,omitzero"`
	// FollowUps are dated notes of progress while it is open.
	FollowUps []FollowUp `json:"follow_ups,omitempty"`
}

// FollowUp is a dated note of progress on an open recommendation.
type FollowUp struct {
	// Date is the day of the follow-up.
	Date care.Date `json:"date"`
	// Note says what was done: free text, at most [care.MaxTextBytes].
	Note string `json:"note,omitempty"`
}

// IROAllocation is the appointment of an independent reviewing officer to
// the child's case (CA89 s.25A).
type IROAllocation struct {
	// IROID identifies the officer, at most [care.MaxIDBytes] long.
	IROID string `json:"iro_id"`
	// Appointed is the date of appointment.
	Appointed care.Date `json:"appointed"`
	// MetChild is the date the officer first met the child, zero if not
	// yet.
	MetChild care.Date `json:"met_child,omitzero"`
	// NamedInPlan is the date the officer's name was first recorded in the
	// child's care plan (reg 5(d)), zero if not yet.
	NamedInPlan care.Date `json:"named_in_plan,omitzero"`
	// Ended is the date the allocation ended (another IRO took over, or
	// the case closed); zero while it continues.
	Ended care.Date `json:"ended,omitzero"`
}

// activeOn reports whether the allocation covers day d.
func (a IROAllocation) activeOn(d care.Date) bool {
	return !a.Appointed.After(d) && (a.Ended.IsZero() || a.Ended.After(d))
}

// MidwayCheck is the IRO's check on the progress of the plan between two
// reviews.
type MidwayCheck struct {
	// Date is the day of the check.
	Date care.Date `json:"date"`
	// IROID identifies the officer who made it, at most [care.MaxIDBytes]
	// long.
	IROID string `json:"iro_id,omitempty"`
	// Outcome is what the check found.
	Outcome CheckOutcome `json:"outcome,omitzero"`
	// Note is free text, at most [care.MaxTextBytes].
	Note string `json:"note,omitempty"`
}

// errNotLookedAfter reports a review held when the child was not looked
// after.
var errNotLookedAfter = errors.New("the child was not looked after")

// Validate checks the record against the child and the child's episodes
// and reports every problem, never stopping at the first, as a
// [care.ValidationErrors] with paths relative to the record
// ("reviews[1].recommendations[0].due"). It reports:
//
//   - a review with no date, out of date order or on the same day as
//     another, before the child's birth, before the child was first looked
//     after, or while the child was not looked after (a review on the day a
//     period of care ends is accepted; so is one between the stays of a
//     series of short breaks, up to twelve months after the last);
//   - an unknown participation code or early reason; PN0 (under 4) for a
//     child aged 4 or more at the review, or another code for a child under
//     4;
//   - dates of circulation, record, adjournment, completion or
//     implementation before the review, or out of their order;
//   - a recommendation with neither reference nor text, or dated before its
//     review;
//   - an IRO allocation with no officer or date, out of order, or ending
//     before it starts;
//   - a midway check with no date, out of order, before the child was
//     first looked after, or with an unknown outcome;
//   - a string longer than its limit or not valid UTF-8: identifiers
//     (chaired_by, iro_id, a recommendation's ref) [care.MaxIDBytes], an
//     owner [care.MaxNameBytes], free text (text, note) [care.MaxTextBytes].
//     Errors quote at most a short prefix of an identifier ([care.Excerpt])
//     and never an owner or free text.
//
// It does not check the episodes themselves ([care.ValidateEpisodes] does)
// nor the record's timeliness, which is what [Assess] reports.
func (r Record) Validate(child care.Child, eps []care.Episode) error {
	return r.ValidateFrom(child, eps, care.Date{})
}

// ValidateFrom is [Record.Validate] for records known only from day from
// (a case's [care.Coverage].From): when the first episode continues a
// period of care begun before them ([care.History.ResetFrom]), a review
// held before it was held in that earlier part of the period, and is not
// an error.
func (r Record) ValidateFrom(child care.Child, eps []care.Episode, from care.Date) error {
	var errs care.ValidationErrors
	r.validate(&errs, child.DateOfBirth, eps, len(eps) > 0 && eps[0].ContinuesEarlier(from))
	return errs.Err()
}

func (r Record) validate(errs *care.ValidationErrors, dob care.Date, eps []care.Episode, truncated bool) {
	sp := buildSpans(eps, maxShortBreakLapse)
	var first care.Date
	if len(sp) > 0 && !truncated {
		first = sp[0].start
	}
	var prev care.Date // the latest date seen in the list being checked
	for i := range r.Reviews {
		rv := &r.Reviews[i]
		rv.validate(errs, i, prev, dob, first, sp)
		if rv.Held.After(prev) {
			prev = rv.Held
		}
	}
	prev = care.Date{}
	for i, a := range r.IRO {
		at := func(field string) string { return care.JoinPath(care.Index("iro", i), field) }
		if a.IROID == "" {
			errs.Add(at("iro_id"), care.ErrRequired)
		} else if err := care.CheckString(a.IROID, care.MaxIDBytes); err != nil {
			errs.Add(at("iro_id"), err)
		}
		if a.Appointed.IsZero() {
			errs.Add(at("appointed"), care.ErrRequired)
			continue
		}
		if !dob.IsZero() && a.Appointed.Before(dob) {
			errs.Addf(at("appointed"), "appointed %s, before the child's date of birth", a.Appointed)
		}
		if a.Appointed.Before(prev) {
			errs.Add(at("appointed"), fmt.Errorf("%w: appointed %s, before an earlier allocation %s", care.ErrOutOfOrder, a.Appointed, prev))
		} else {
			prev = a.Appointed
		}
		if !a.Ended.IsZero() && a.Ended.Before(a.Appointed) {
			errs.Addf(at("ended"), "ended %s, before the appointment %s", a.Ended, a.Appointed)
		}
		if !a.NamedInPlan.IsZero() && a.NamedInPlan.Before(a.Appointed) {
			errs.Addf(at("named_in_plan"), "named in the care plan %s, before the appointment %s", a.NamedInPlan, a.Appointed)
		}
		if !dob.IsZero() && !a.MetChild.IsZero() && a.MetChild.Before(dob) {
			errs.Addf(at("met_child"), "met the child %s, before the child's date of birth", a.MetChild)
		}
	}
	prev = care.Date{}
	for i, c := range r.MidwayChecks {
		at := func(field string) string { return care.JoinPath(care.Index("midway_checks", i), field) }
		if err := care.CheckString(c.IROID, care.MaxIDBytes); err != nil {
			errs.Add(at("iro_id"), err)
		}
		if err := care.CheckPrivateString(c.Note, care.MaxTextBytes); err != nil {
			errs.Add(at("note"), err)
		}
		if !c.Outcome.valid() {
			errs.Add(at("outcome"), fmt.Errorf("%w: %s", care.ErrUnknownCode, c.Outcome))
		}
		if c.Date.IsZero() {
			errs.Add(at("date"), care.ErrRequired)
			continue
		}
		if c.Date.Before(prev) {
			errs.Add(at("date"), fmt.Errorf("%w: %s is before an earlier check %s", care.ErrOutOfOrder, c.Date, prev))
		} else {
			prev = c.Date
		}
		if first.IsZero() || c.Date.Before(first) {
			errs.Add(at("date"), fmt.Errorf("%w: check on %s, before the child was first looked after", errNotLookedAfter, c.Date))
		}
	}
}

func (rv *Review) validate(errs *care.ValidationErrors, i int, prev, dob, first care.Date, sp []span) {
	// Paths are built only when an error is reported.
	at := func(field string) string { return care.JoinPath(care.Index("reviews", i), field) }
	if !rv.EarlyReason.valid() {
		errs.Add(at("early_reason"), fmt.Errorf("%w: %s", care.ErrUnknownCode, rv.EarlyReason))
	}
	if rv.Participation != care.ParticipationUnknown && !rv.Participation.IsKnown() {
		errs.Add(at("participation"), fmt.Errorf("%w: %s", care.ErrUnknownCode, rv.Participation))
	}
	if err := care.CheckString(rv.ChairedBy, care.MaxIDBytes); err != nil {
		errs.Add(at("chaired_by"), err)
	}
	rv.validateTexts(errs, i)
	h := rv.Held
	if h.IsZero() {
		errs.Add(at("held"), care.ErrRequired)
		return
	}
	switch {
	case !prev.IsZero() && h.Before(prev):
		errs.Add(at("held"), fmt.Errorf("%w: held %s, before an earlier review %s", care.ErrOutOfOrder, h, prev))
	case !prev.IsZero() && h.Equal(prev):
		errs.Addf(at("held"), "held %s, the same day as an earlier review", h)
	}
	if !dob.IsZero() && h.Before(dob) {
		errs.Addf(at("held"), "held %s, before the child's date of birth", h)
	}
	switch {
	case len(sp) == 0 || (!first.IsZero() && h.Before(first)):
		errs.Add(at("held"), fmt.Errorf("%w: held %s, before the child was first looked after", errNotLookedAfter, h))
	case first.IsZero() && h.Before(sp[0].start):
		// Records begun part way through the first period of care
		// (first is zero): held in its earlier part.
	case spanOf(sp, h) < 0:
		errs.Add(at("held"), fmt.Errorf("%w: held %s, outside every period of care", errNotLookedAfter, h))
	}
	if !dob.IsZero() && !dob.After(h) && rv.Participation != care.ParticipationUnknown {
		under4 := care.AgeOn(dob, h) < 4
		switch {
		case rv.Participation.IsUnderFour() && !under4:
			errs.Addf(at("participation"), "PN0 (under 4) but the child was 4 or over when the review was held")
		case !rv.Participation.IsUnderFour() && under4:
			errs.Addf(at("participation"), "%s, but the child was under 4 when the review was held (PN0)", rv.Participation)
		}
	}
	notBefore := func(field string, d, ref care.Date, what string) {
		if !d.IsZero() && !ref.IsZero() && d.Before(ref) {
			errs.Addf(at(field), "%s, before %s %s", d, what, ref)
		}
	}
	notBefore("decisions_circulated", rv.DecisionsCirculated, h, "the review held")
	notBefore("record_completed", rv.RecordCompleted, h, "the review held")
	notBefore("adjourned", rv.Adjourned, h, "the review held")
	if rv.Adjourned.IsZero() {
		if !rv.Reconvened.IsZero() {
			errs.Add(at("adjourned"), fmt.Errorf("%w: the review has a reconvened date", care.ErrRequired))
		}
		if !rv.ProposalImplemented.IsZero() {
			errs.Add(at("adjourned"), fmt.Errorf("%w: the review has a proposal implemented while adjourned", care.ErrRequired))
		}
	} else {
		notBefore("reconvened", rv.Reconvened, rv.Adjourned, "the adjournment")
		notBefore("proposal_implemented", rv.ProposalImplemented, h, "the review held")
	}
	for j := range rv.Recommendations {
		rec := &rv.Recommendations[j]
		rp := func(field string) string {
			return care.JoinPath(care.Index(care.JoinPath(care.Index("reviews", i), "recommendations"), j), field)
		}
		if rec.Ref == "" && rec.Text == "" {
			errs.Add(rp("text"), fmt.Errorf("%w: a recommendation needs a reference or text", care.ErrRequired))
		}
		if !rec.Due.IsZero() && rec.Due.Before(h) {
			errs.Addf(rp("due"), "due %s, before the review that made it (%s)", rec.Due, h)
		}
		if !rec.Completed.IsZero() && rec.Completed.Before(h) {
			errs.Addf(rp("completed"), "completed %s, before the review that made it (%s)", rec.Completed, h)
		}
		for k := range rec.FollowUps {
			f := &rec.FollowUps[k]
			switch {
			case f.Date.IsZero():
				errs.Add(rp(care.Index("follow_ups", k)+".date"), care.ErrRequired)
			case f.Date.Before(h):
				errs.Addf(rp(care.Index("follow_ups", k)+".date"), "follow-up %s, before the review that made the recommendation (%s)", f.Date, h)
			}
		}
	}
}

// validateTexts checks the strings of the review's recommendations and
// their follow-ups, review i, against their limits.
func (rv *Review) validateTexts(errs *care.ValidationErrors, i int) {
	for j := range rv.Recommendations {
		rec := &rv.Recommendations[j]
		rp := func(field string) string {
			return care.JoinPath(care.Index(care.JoinPath(care.Index("reviews", i), "recommendations"), j), field)
		}
		if err := care.CheckString(rec.Ref, care.MaxIDBytes); err != nil {
			errs.Add(rp("ref"), err)
		}
		if err := care.CheckPrivateString(rec.Text, care.MaxTextBytes); err != nil {
			errs.Add(rp("text"), err)
		}
		if err := care.CheckPrivateString(rec.Owner, care.MaxNameBytes); err != nil {
			errs.Add(rp("owner"), err)
		}
		for k := range rec.FollowUps {
			if err := care.CheckPrivateString(rec.FollowUps[k].Note, care.MaxTextBytes); err != nil {
				errs.Add(rp(care.Index("follow_ups", k)+".note"), err)
			}
		}
	}
}

// HeldDates returns the dates the reviews were held, in the order given: a
// fresh slice, nil if there are none. The root package passes them to the
// care-record rules that run between reviews (ASMT-02).
func HeldDates(reviews []Review) []care.Date {
	if len(reviews) == 0 {
		return nil
	}
	out := make([]care.Date, len(reviews))
	for i, r := range reviews {
		out[i] = r.Held
	}
	return out
}
