package practice

import (
	"fmt"

	"github.com/lookedafter/practice/care"
)

// futureRecords reports the records of case c dated after asOf that cannot
// be in the future: things done (visits made, reviews held, plans agreed,
// assessments completed, discussions held) and episodes begun. A case
// holding them was extracted after the as-of date: assessing it as of an
// earlier date would take later work for work not yet done, so it is an
// error unless the standards say to ignore such records
// ([Standards].IgnoreFutureRecords), which treats them as not yet made.
// One error is reported for each list, at its first record after asOf,
// with the number of such records.
func futureRecords(c *Case, asOf care.Date) error {
	var errs care.ValidationErrors
	check := func(list string, n int, at func(int) care.Date) {
		first, count := -1, 0
		for i := range n {
			if d := at(i); d.After(asOf) {
				if first < 0 {
					first = i
				}
				count++
			}
		}
		if first < 0 {
			return
		}
		errs.Add(fmt.Sprintf("%s[%d]", list, first), &FutureError{AsOf: asOf, Date: at(first), Records: count})
	}
	check("episodes", len(c.Care.Episodes), func(i int) care.Date { return c.Care.Episodes[i].Start })
	check("visits", len(c.Care.Visits), func(i int) care.Date { return c.Care.Visits[i].Date })
	check("care_plans", len(c.Care.CarePlans), func(i int) care.Date { return c.Care.CarePlans[i].Agreed })
	check("placement_plans", len(c.Care.PlacementPlans), func(i int) care.Date { return c.Care.PlacementPlans[i].Prepared })
	check("notifications", len(c.Care.Notifications), func(i int) care.Date { return c.Care.Notifications[i].Sent })
	check("events", len(c.Care.Events), func(i int) care.Date { return c.Care.Events[i].Date })
	check("assessments", len(c.Care.Assessments), func(i int) care.Date { return c.Care.Assessments[i].Completed })
	check("chronology", len(c.Care.Chronology), func(i int) care.Date { return c.Care.Chronology[i].Recorded })
	check("health_assessments", len(c.Care.HealthAssessments), func(i int) care.Date { return c.Care.HealthAssessments[i].Date })
	check("sdqs", len(c.Care.SDQs), func(i int) care.Date { return c.Care.SDQs[i].Date })
	check("dental_checks", len(c.Care.DentalChecks), func(i int) care.Date { return c.Care.DentalChecks[i].Date })
	check("peps", len(c.Care.PEPs), func(i int) care.Date { return c.Care.PEPs[i].Initiated })
	check("missing_episodes", len(c.Care.MissingEpisodes), func(i int) care.Date { return c.Care.MissingEpisodes[i].Start })
	check("risk_meetings", len(c.Care.RiskMeetings), func(i int) care.Date { return c.Care.RiskMeetings[i].Date })
	check("reviews", len(c.Review.Reviews), func(i int) care.Date { return c.Review.Reviews[i].Held })
	check("midway_checks", len(c.Review.MidwayChecks), func(i int) care.Date { return c.Review.MidwayChecks[i].Date })
	check("iro", len(c.Review.IRO), func(i int) care.Date { return c.Review.IRO[i].Appointed })
	sv := &c.Supervision
	check("supervision.discussions", len(sv.Discussions), func(i int) care.Date { return sv.Discussions[i].Date })
	check("supervision.directions", len(sv.Directions), func(i int) care.Date { return sv.Directions[i].Given })
	pm := &c.Permanence
	check("permanence.plan.transitions", len(pm.Plan.Transitions), func(i int) care.Date { return pm.Plan.Transitions[i].Date })
	check("permanence.proceedings", len(pm.Proceedings), func(i int) care.Date { return pm.Proceedings[i].Issued })
	return errs.Err()
}

// FutureError reports records dated after the as-of date that cannot be in
// the future (see [Standards].IgnoreFutureRecords).
type FutureError struct {
	AsOf    care.Date
	Date    care.Date // the first such record's date
	Records int       // how many records of the list are after AsOf
}

func (e *FutureError) Error() string {
	more := ""
	if e.Records > 1 {
		more = fmt.Sprintf(" (%d records of this list are)", e.Records)
	}
	return fmt.Sprintf("dated %s, after the assessment date %s%s: records of things done cannot be in the future; "+
		"to assess a past date from a later extract, set ignore_future_records in the standards", e.Date, e.AsOf, more)
}
