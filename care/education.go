package care

import (
	"cmp"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// This file holds the EDU family: the personal education plan (EDU-01), its
// termly review (EDU-02) and its content (EDU-03). EDU-01 closes when the
// child leaves care; a term's review closes when the next term starts, the
// next term's review taking its place. A term that ended before the period
// of care's first PEP existed is not judged by EDU-02: EDU-01 reports the
// missing PEP once.

// PEP is a personal education plan: the day it was initiated, the days it
// was reviewed (in order), its targets and the planned use of Pupil Premium
// Plus. Each target, and the planned use, is free text of at most
// [MaxTextBytes].
type PEP struct {
	Initiated    Date             `json:"initiated"`
	Reviews      []Date           `json:"reviews,omitempty"`
	Targets      []string         `json:"targets,omitempty"`
	PupilPremium PupilPremiumPlus `json:"pupil_premium,omitzero"`
}

// PupilPremiumPlus records the Pupil Premium Plus allocated for the child
// and what it is planned to pay for. Allocated is money in pounds; it is
// not valid when no amount is recorded.
type PupilPremiumPlus struct {
	Allocated  decimal.NullDecimal `json:"allocated,omitzero"`
	PlannedUse string              `json:"planned_use,omitempty"`
}

// Term is a school term from its first day to its last day, both included,
// as the authority publishes them. Name is at most [MaxNameBytes].
type Term struct {
	Name  string `json:"name,omitempty"`
	First Date   `json:"first"`
	Last  Date   `json:"last"`
}

// DefaultTerms returns the default England pattern of terms for the
// academic year that starts in September of year, used when an authority
// supplies none: autumn from 1 September to 31 December; spring from 1
// January to Easter Sunday; summer from Easter Monday to 31 August. The
// three terms cover the whole year, so a PEP review in a school holiday
// counts for the term before it. Easter is the Western (Gregorian) date, as
// the bank holidays use; it moves spring's end between 22 March and 25
// April. It returns nil for a year outside 1 to 9998.
func DefaultTerms(year int) []Term {
	if year < 1 || year > 9998 {
		return nil
	}
	terms := defaultYear(year)
	return terms[:]
}

// defaultYear returns the autumn, spring and summer terms of the default
// pattern for the academic year starting in September of year.
func defaultYear(year int) [3]Term {
	easter := goodFriday(year + 1).AddDays(2)
	return [3]Term{
		{Name: "autumn", First: MustDate(year, time.September, 1), Last: MustDate(year, time.December, 31)},
		{Name: "spring", First: MustDate(year+1, time.January, 1), Last: easter},
		{Name: "summer", First: easter.AddDays(1), Last: MustDate(year+1, time.August, 31)},
	}
}

// EducationPolicy holds the PEP timescales. Zero fields mean the defaults.
type EducationPolicy struct {
	// InitiateDays: working days from becoming looked after to the PEP
	// being initiated (default and limit 10; statutory guidance 2018).
	InitiateDays int `json:"initiate_days,omitempty"`
	// FromAge: the age from which the EDU rules apply (default 4, the
	// usual reception age; at most 5, compulsory school age). Authorities
	// with early-years PEPs set 2 or 3.
	FromAge int `json:"from_age,omitempty"`
}

func (p EducationPolicy) validate(errs *ValidationErrors) {
	plLimit(errs, "education.initiate_days", p.InitiateDays, 10, "working days", "statutory guidance 2018")
	plLimit(errs, "education.from_age", p.FromAge, 5, "years", "compulsory school age")
}

// plEducationGuidance is the citation of the EDU rules.
var plEducationGuidance = Citation{Instrument: "Promoting the education of looked-after children and previously looked-after children (DfE statutory guidance, 2018)",
	Provision: "personal education plans", URL: "https://www.gov.uk/government/publications/promoting-the-education-of-looked-after-children",
	Abbrev: "DfE guidance 2018"}

var ruleEDU01 = Rule{
	ID: EDU01, Title: "Personal education plan initiated within 10 working days and in place by the first review",
	Text:     "For each period of care (except short breaks) of a child of the policy's age or over, the first PEP initiated after the previous period ended is due within 10 working days of becoming looked after (the start day is day 0 unless Policy.Counting says otherwise), and by the first review of the period (a review held, or Context.FirstReviewDue; a PEP on the review's own day is on time). Both close when the child leaves care. While no PEP exists, only the initiation deadline is reported once both have passed: the first-review deadline would report the same missing PEP again.",
	Citation: plEducationGuidance, Severity: SeverityGuidance, Domain: DomainEducation,
	Reads: FamilyEducation | FamilyReviews, Package: "care", File: "care/education.go", Default: "10 WD", Policy: []string{"Education.InitiateDays", "Education.FromAge", "Counting"},
}

var ruleEDU02 = Rule{
	ID: EDU02, Title: "PEP reviewed every school term",
	Text:     "For each school term (PlanningRecords.Terms, or DefaultTerms) that the child spends wholly in one period of care at the policy's age or over, a PEP is initiated or reviewed between the term's first and last days inclusive; the term's last day is the due date. A term's review closes when the next term starts: not done by then, it is missed. A term that ended before the period's first PEP was initiated is not reported where EDU-01 applies, since EDU-01 already reports that no PEP existed.",
	Citation: plEducationGuidance, Severity: SeverityGuidance, Domain: DomainEducation,
	Reads: FamilyEducation, Package: "care", File: "care/education.go", Default: "each term", Policy: []string{"Education.FromAge"},
}

var ruleEDU03 = Rule{
	ID: EDU03, Title: "PEP records targets and the planned use of Pupil Premium Plus",
	Text:     "The current PEP (the latest initiated on or before the assessment date, while the child is looked after) has at least one target, the Pupil Premium Plus amount allocated and its planned use.",
	Citation: plEducationGuidance, Severity: SeverityGuidance, Domain: DomainEducation,
	Reads: FamilyEducation, Package: "care", File: "care/education.go", Policy: []string{"Education.FromAge"},
}

// The kinds of EDU finding.
var (
	kindEDU01 = Kind{Rule: &ruleEDU01, What: "PEP", Subject: "episodes[]", Anchor: "becoming looked after",
		Done: "PEP initiated", DoneAt: "peps[]", Closures: []string{"the child left care"}}
	kindEDU01Review = Kind{Rule: &ruleEDU01, What: "PEP", Subject: "episodes[]", Anchor: "the first review",
		Anchors: []string{"the first review due"}, Done: "PEP initiated", DoneAt: "peps[]",
		Closures: []string{"the child left care"}}
	// EDU-02 is met by a PEP's initiation or by one of its reviews, whose
	// records lie in different lists: one kind for each.
	kindEDU02Review    = termReview("PEP reviewed", "peps[].reviews[]")
	kindEDU02Initiated = termReview("PEP initiated", "peps[]")
	kindEDU03          = Kind{Rule: &ruleEDU03, What: "PEP", Subject: "peps[]", Anchor: "PEP initiated",
		Extra: "Pupil Premium Plus allocated", ExtraAt: "peps[].pupil_premium",
		Problems: []string{"no targets", "no Pupil Premium Plus amount allocated", "no planned use of Pupil Premium Plus"},
		Met:      "targets and Pupil Premium Plus recorded"}
)

// termAnchors name the start of a term by its name, for
// Obligation.AnchorAs: termAnchor gives the index.
var termAnchors = []string{"the start of the autumn term", "the start of the spring term", "the start of the summer term"}

// termReview is the kind of EDU-02 met by a record of the list at path.
func termReview(done string, path Path) Kind {
	return Kind{Rule: &ruleEDU02, What: "PEP review", Subject: "episodes[]", Anchor: "the start of the term",
		Anchors: termAnchors, AnchorAt: "terms[]", Done: done, DoneAt: path, Closures: []string{"the next term started"}}
}

// termAnchor returns the anchor label of a term named name: 1 to 3 for
// the default names, 0 ("the start of the term") for any other.
func termAnchor(name string) int {
	switch name {
	case "autumn":
		return 1
	case "spring":
		return 2
	case "summer":
		return 3
	}
	return 0
}

func (r Record) validateEducation(errs *ValidationErrors) {
	for i, p := range r.PEPs {
		at := func(f string) string { return plPath("peps", i, f) }
		if p.Initiated.IsZero() {
			errs.Add(at("initiated"), ErrRequired)
		} else if i > 0 {
			plCheckOrder(errs, "peps", i, "initiated", r.PEPs[i-1].Initiated, p.Initiated)
		}
		for j, d := range p.Reviews {
			switch {
			case d.IsZero():
				errs.Add(Index(at("reviews"), j), ErrRequired)
			case d.Before(p.Initiated):
				errs.Addf(Index(at("reviews"), j), "reviewed %s, before the PEP was initiated on %s", d, p.Initiated)
			case j > 0 && d.Before(p.Reviews[j-1]):
				errs.Add(Index(at("reviews"), j), fmt.Errorf("%w: %s is before the previous review's %s", ErrOutOfOrder, d, p.Reviews[j-1]))
			}
		}
		for j, t := range p.Targets {
			if t == "" {
				errs.Add(Index(at("targets"), j), ErrRequired)
			}
		}
		if a := p.PupilPremium.Allocated; a.Valid && a.Decimal.IsNegative() {
			errs.Addf(at("pupil_premium.allocated"), "negative amount %s", a.Decimal.StringFixed(2))
		}
	}
	for i, t := range r.Terms {
		at := func(f string) string { return plPath("terms", i, f) }
		if t.First.IsZero() {
			errs.Add(at("first"), ErrRequired)
		}
		switch {
		case t.Last.IsZero():
			errs.Add(at("last"), ErrRequired)
		case t.Last.Before(t.First):
			errs.Addf(at("last"), "last day %s is before the first %s", t.Last, t.First)
		}
		if i > 0 && !t.First.IsZero() && !t.First.After(r.Terms[i-1].Last) {
			errs.Add(at("first"), fmt.Errorf("%w: starts %s, not after the previous term ends %s", ErrOutOfOrder, t.First, r.Terms[i-1].Last))
		}
	}
}

// pepIn returns the first PEP initiation or review dated in [first, last]
// (and not after the assessment date): its date, the PEP's index, and the
// review's index (-1 for the initiation); -1 if none.
func (a *planAssessor) pepIn(first, last Date) (Date, int, int) {
	best, bi, bj := Date{}, -1, -1
	take := func(d Date, i, j int) {
		if d.Before(first) || d.After(last) || d.After(a.asOf) {
			return
		}
		if bi < 0 || d.Before(best) {
			best, bi, bj = d, i, j
		}
	}
	for i, p := range a.r.PEPs {
		take(p.Initiated, i, -1)
		for j, d := range p.Reviews {
			take(d, i, j)
		}
	}
	return best, bi, bj
}

// educationApplies reports whether EDU-01 applies to period of care per:
// not a short break, and a child of the policy's age when it started.
func (a *planAssessor) educationApplies(per *planPeriod) bool {
	return !per.shortBreak && AgeOn(a.h.Child().DateOfBirth, per.Start) >= cmp.Or(a.p.Education.FromAge, 4)
}

// firstPEP returns the date and index of the first PEP initiated for
// period of care pi: after the previous period ended, and by the end of
// this one and the assessment date; -1 if none.
func (a *planAssessor) firstPEP(pi int) (Date, int) {
	per := &a.periods[pi]
	var after Date
	if pi > 0 {
		after = a.periods[pi-1].End
	}
	last := a.asOf
	if !per.End.IsZero() && per.End.Before(last) {
		last = per.End
	}
	for i, p := range a.r.PEPs {
		if !p.Initiated.Before(after) && !p.Initiated.After(last) {
			return p.Initiated, i
		}
	}
	return Date{}, -1
}

// noPEPReported reports whether EDU-01 applies to the current period of
// care and no PEP has been initiated for it: EDU-01 reports the missing
// PEP, so a care plan is not faulted for leaving it out (PLAN-02).
func (a *planAssessor) noPEPReported() bool {
	_, pi, ok := a.h.PeriodAt(a.asOf)
	if !ok || !a.educationApplies(&a.periods[pi]) {
		return false
	}
	_, ref := a.firstPEP(pi)
	return ref < 0
}

// education records the EDU findings.
func (a *planAssessor) education() error {
	for pi := range a.periods {
		per := &a.periods[pi]
		if per.Start.After(a.asOf) {
			break
		}
		if per.shortBreak {
			continue
		}
		judged := a.educationApplies(per)
		var pepFrom Date // the first PEP of the period, where EDU-01 judges it
		if judged {
			var err error
			if pepFrom, err = a.initialPEP(pi, per); err != nil {
				return err
			}
		}
		a.termReviews(per, judged, pepFrom)
	}
	a.pepContent()
	return nil
}

// initialPEP records EDU-01 for period of care pi and returns the date
// the period's first PEP was initiated (zero if none yet).
func (a *planAssessor) initialPEP(pi int, per *planPeriod) (Date, error) {
	o, err := pepObligation(a.cal, a.p, per.Start)
	if err != nil {
		return Date{}, err
	}
	due := o.Due
	done, ref := a.firstPEP(pi)
	subject := At(per.first)
	o.Subject, o.Done, o.DoneAt, o.Closes = subject, done, At(ref), per.End
	a.e.Deadline(&kindEDU01, o)
	// In place by the first review: due on the review's date.
	review, anchorAs := Date{}, 0
	for _, rv := range a.ctx.Reviews {
		if per.Contains(rv) {
			review = rv
			break
		}
	}
	if review.IsZero() && per.Contains(a.asOf) {
		review, anchorAs = a.ctx.FirstReviewDue, 1
	}
	if review.IsZero() {
		return done, nil
	}
	if done.IsZero() && a.asOf.After(due) && a.asOf.After(review) {
		// No PEP, and both deadlines have passed: the initiation deadline
		// reports the missing PEP; this one would report it again.
		return done, nil
	}
	a.e.Deadline(&kindEDU01Review, Obligation{Subject: subject, Due: review, Anchor: review, AnchorAs: anchorAs,
		Unit: Days, Done: done, DoneAt: At(ref), Closes: per.End})
	return done, nil
}

// termReviews records EDU-02 for each term spent wholly in period per at
// the policy's age. Where EDU-01 judges the period (judged), a term that
// ended, before the assessment date, with no PEP yet initiated (pepFrom;
// zero if none yet) is left to EDU-01, which reports the missing PEP; a
// term still running is shown, as the worklist's next review. A term's
// review closes when the next term starts.
func (a *planAssessor) termReviews(per *planPeriod, judged bool, pepFrom Date) {
	// The child is of the policy's age (AgeOn) from this birthday on; it is
	// zero when the child never reaches the age within the Date range.
	ofAge := Birthday(a.h.Child().DateOfBirth, cmp.Or(a.p.Education.FromAge, 4))
	// term records EDU-02 for term t (terms[ti], or a default term when ti
	// is -1), which the term starting on next follows. It reports false
	// once the terms start after the assessment date.
	term := func(t Term, ti int, next Date) bool {
		if t.First.After(a.asOf) {
			return false
		}
		if t.First.Before(per.Start) || (!per.End.IsZero() && !t.Last.Before(per.End)) || ofAge.IsZero() || t.First.Before(ofAge) {
			return true
		}
		if judged && a.asOf.After(t.Last) && (pepFrom.IsZero() || t.Last.Before(pepFrom)) {
			return true // the term passed with no PEP: EDU-01 reports that
		}
		o := Obligation{Subject: At(per.first), Due: t.Last, Anchor: t.First, AnchorAt: At(ti),
			AnchorAs: termAnchor(t.Name), Count: t.Last.DaysSince(t.First), Unit: Days, Closes: next}
		done, i, j := a.pepIn(t.First, t.Last)
		o.Done = done
		if j < 0 {
			o.DoneAt = At(i)
			a.e.Deadline(&kindEDU02Initiated, o)
		} else {
			o.DoneAt = At(i).At(j)
			a.e.Deadline(&kindEDU02Review, o)
		}
		return true
	}
	if ts := a.r.Terms; ts != nil {
		for ti, t := range ts {
			var next Date
			if ti+1 < len(ts) {
				next = ts[ti+1].First
			}
			if !term(t, ti, next) {
				return
			}
		}
		return
	}
	for y := per.Start.Year() - 1; y < 9998; y++ {
		year := defaultYear(y)
		nextAutumn := MustDate(y+1, time.September, 1)
		for k, t := range year {
			next := nextAutumn
			if k < 2 {
				next = year[k+1].First
			}
			if !term(t, -1, next) {
				return
			}
		}
	}
}

// pepContent records EDU-03 for the current PEP, while the child is looked
// after and of the policy's age.
func (a *planAssessor) pepContent() {
	if !a.h.InCareOn(a.asOf) || AgeOn(a.h.Child().DateOfBirth, a.asOf) < cmp.Or(a.p.Education.FromAge, 4) {
		return
	}
	cur := -1
	for i, p := range a.r.PEPs {
		if !p.Initiated.After(a.asOf) {
			cur = i
		}
	}
	if cur < 0 {
		return
	}
	p := a.r.PEPs[cur]
	pp := p.PupilPremium
	o := Obligation{Subject: At(cur), Anchor: p.Initiated}
	if pp.Allocated.Valid {
		o.ExtraAt = At(cur) // the amount is in the record the evidence points at
	}
	a.e.Check(&kindEDU03, o, plProblems(
		len(p.Targets) == 0, // no targets
		!pp.Allocated.Valid, // no amount allocated
		pp.PlannedUse == "", // no planned use
	))
}
