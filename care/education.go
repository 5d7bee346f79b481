package care

import (
	"cmp"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// PEP is a personal education plan: the day it was initiated, the days it
// was reviewed (in order), its targets and the planned use of Pupil Premium
// Plus.
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
// as the authority publishes them.
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
	out := make([]Term, 3)
	for k := range out {
		out[k] = defaultTerm(year, k)
	}
	return out
}

// defaultTerm returns term k (0 autumn, 1 spring, 2 summer) of the default
// pattern for the academic year starting in September of year.
func defaultTerm(year, k int) Term {
	easter := goodFriday(year + 1).AddDays(2)
	switch k {
	case 0:
		return Term{Name: "autumn", First: MustDate(year, time.September, 1), Last: MustDate(year, time.December, 31)}
	case 1:
		return Term{Name: "spring", First: MustDate(year+1, time.January, 1), Last: easter}
	}
	return Term{Name: "summer", First: easter.AddDays(1), Last: MustDate(year+1, time.August, 31)}
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

func fillEducationRules(rs *[nPlanRules]Rule, pol *[nPlanRules]string) {
	cite := Citation{Instrument: "Promoting the education of looked-after children and previously looked-after children (DfE statutory guidance, 2018)",
		Provision: "personal education plans", URL: "https://www.gov.uk/government/publications/promoting-the-education-of-looked-after-children"}
	rs[rEDU01] = Rule{ID: "EDU-01", Title: "Personal education plan initiated within 10 working days and in place by the first review",
		Text:     "For each period of care (except short breaks) of a child of the policy's age or over, the first PEP initiated after the previous period ended is due within 10 working days of becoming looked after (the start day is day 0 unless Policy.Counting says otherwise), and by the first review of the period (a review held, or Context.FirstReviewDue).",
		Citation: cite, Severity: SeverityGuidance, Domain: DomainEducation, Package: "care", Default: "10 WD"}
	pol[rEDU01] = "Education.InitiateDays,Education.FromAge,Counting"
	rs[rEDU02] = Rule{ID: "EDU-02", Title: "PEP reviewed every school term",
		Text:     "For each school term (PlanningRecords.Terms, or DefaultTerms) that the child spends wholly in one period of care at the policy's age or over, a PEP is initiated or reviewed between the term's first and last days inclusive; the term's last day is the due date.",
		Citation: cite, Severity: SeverityGuidance, Domain: DomainEducation, Package: "care", Default: "each term"}
	pol[rEDU02] = "Education.FromAge"
	rs[rEDU03] = Rule{ID: "EDU-03", Title: "PEP records targets and the planned use of Pupil Premium Plus",
		Text:     "The current PEP (the latest initiated on or before the assessment date, while the child is looked after) has at least one target, the Pupil Premium Plus amount allocated and its planned use.",
		Citation: cite, Severity: SeverityGuidance, Domain: DomainEducation, Package: "care"}
	pol[rEDU03] = "Education.FromAge"
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

// pepOn returns the first PEP initiation or review dated in [first, last]
// (and not after asOf), with the path of the record, or a zero date.
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

func pepRef(d Date, i, j int) Evidence {
	if j < 0 {
		return plRef("PEP initiated", d, "peps", i)
	}
	return Evidence{Label: "PEP reviewed", Date: d, Ref: Index(plPath("peps", i, "reviews"), j)}
}

// education appends the EDU findings.
func (a *planAssessor) education() error {
	ep := a.p.Education
	fromAge := cmp.Or(ep.FromAge, 4)
	dob := a.r.Child.DateOfBirth
	n := cmp.Or(ep.InitiateDays, 10)
	for pi, per := range a.periods {
		if per.Start.After(a.asOf) {
			break
		}
		if i, ok := EpisodeOn(a.r.Episodes, per.Start); ok && a.r.Episodes[i].LegalStatus.IsShortBreak() {
			continue
		}
		subject := plSubject("period of care", per.Start)
		// EDU-01.
		if AgeOn(dob, per.Start) >= fromAge {
			var after Date
			if pi > 0 {
				after = a.periods[pi-1].End
			}
			last := a.asOf
			if !per.End.IsZero() && per.End.Before(last) {
				last = per.End
			}
			done, ref := Date{}, -1
			for i, p := range a.r.PEPs {
				if !p.Initiated.Before(after) && !p.Initiated.After(last) {
					done, ref = p.Initiated, i
					break
				}
			}
			due, err := a.wd(rEDU01, per.Start, n)
			if err != nil {
				return err
			}
			var refs []Evidence
			if ref >= 0 {
				refs = append(refs, plRef("PEP initiated", done, "peps", ref))
			}
			a.deadline(rEDU01, subject, Deadline{Due: due, Anchor: per.Start, AnchorLabel: "became looked after", Count: n, Unit: WorkingDays}, done, refs...)
			review, label := Date{}, "first review held"
			for _, rv := range a.ctx.Reviews {
				if per.Contains(rv) {
					review = rv
					break
				}
			}
			if review.IsZero() && per.Contains(a.asOf) {
				review, label = a.ctx.FirstReviewDue, "first review due"
			}
			if !review.IsZero() {
				// In place by the first review: due on the review's date.
				a.deadline(rEDU01, subject+" first review", Deadline{Due: review, Anchor: review, AnchorLabel: label,
					Count: 0, Unit: Days}, done, refs...)
			}
		}
		// EDU-02.
		a.termReviews(per, fromAge)
	}
	// EDU-03.
	if _, inCare := EpisodeOn(a.r.Episodes, a.asOf); inCare && AgeOn(dob, a.asOf) >= fromAge {
		cur := -1
		for i, p := range a.r.PEPs {
			if !p.Initiated.After(a.asOf) {
				cur = i
			}
		}
		if cur >= 0 {
			p := a.r.PEPs[cur]
			subject := Index("peps", cur)
			var buf [3]string
			problems := buf[:0]
			if len(p.Targets) == 0 {
				problems = append(problems, "no targets")
			}
			pp := p.PupilPremium
			if !pp.Allocated.Valid {
				problems = append(problems, "no Pupil Premium Plus amount allocated")
			}
			if pp.PlannedUse == "" {
				problems = append(problems, "no planned use of Pupil Premium Plus")
			}
			ev := []Evidence{{Label: "PEP initiated", Date: p.Initiated, Ref: subject}}
			if pp.Allocated.Valid {
				ev = append(ev, Evidence{Label: "Pupil Premium Plus allocated £" + pp.Allocated.Decimal.StringFixed(2), Ref: JoinPath(subject, "pupil_premium")})
			}
			a.check(rEDU03, subject, problems, ev...)
		}
	}
	return nil
}

// termReviews appends EDU-02 for each term spent wholly in period per.
func (a *planAssessor) termReviews(per Period, fromAge int) {
	dob := a.r.Child.DateOfBirth
	do := func(t Term) bool {
		if t.First.After(a.asOf) {
			return false
		}
		if t.First.Before(per.Start) || (!per.End.IsZero() && !t.Last.Before(per.End)) || AgeOn(dob, t.First) < fromAge {
			return true
		}
		name := t.Name
		if name == "" {
			name = "term"
		}
		d := Deadline{Due: t.Last, Anchor: t.First, AnchorLabel: name + " term started", Count: t.Last.DaysSince(t.First), Unit: Days}
		done, i, j := a.pepIn(t.First, t.Last)
		subject := name + " term " + t.First.String()
		if i >= 0 {
			a.deadline(rEDU02, subject, d, done, pepRef(done, i, j))
		} else {
			a.deadline(rEDU02, subject, d, Date{})
		}
		return true
	}
	if a.r.Terms != nil {
		for _, t := range a.r.Terms {
			if !do(t) {
				return
			}
		}
		return
	}
	y := per.Start.Year() - 1
	for ; y < 9998; y++ {
		for k := range 3 {
			if !do(defaultTerm(y, k)) {
				return
			}
		}
	}
}
