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
	check("episodes", len(c.Episodes), func(i int) care.Date { return c.Episodes[i].Start })
	check("visits", len(c.Visits), func(i int) care.Date { return c.Visits[i].Date })
	check("care_plans", len(c.CarePlans), func(i int) care.Date { return c.CarePlans[i].Agreed })
	check("placement_plans", len(c.PlacementPlans), func(i int) care.Date { return c.PlacementPlans[i].Prepared })
	check("notifications", len(c.Notifications), func(i int) care.Date { return c.Notifications[i].Sent })
	check("events", len(c.Events), func(i int) care.Date { return c.Events[i].Date })
	check("assessments", len(c.Assessments), func(i int) care.Date { return c.Assessments[i].Completed })
	check("chronology", len(c.Chronology), func(i int) care.Date { return c.Chronology[i].Recorded })
	check("health_assessments", len(c.HealthAssessments), func(i int) care.Date { return c.HealthAssessments[i].Date })
	check("sdqs", len(c.SDQs), func(i int) care.Date { return c.SDQs[i].Date })
	check("dental_checks", len(c.DentalChecks), func(i int) care.Date { return c.DentalChecks[i].Date })
	check("peps", len(c.PEPs), func(i int) care.Date { return c.PEPs[i].Initiated })
	check("missing_episodes", len(c.MissingEpisodes), func(i int) care.Date { return c.MissingEpisodes[i].Start })
	check("risk_meetings", len(c.RiskMeetings), func(i int) care.Date { return c.RiskMeetings[i].Date })
	check("reviews", len(c.Reviews), func(i int) care.Date { return c.Reviews[i].Held })
	check("midway_checks", len(c.MidwayChecks), func(i int) care.Date { return c.MidwayChecks[i].Date })
	check("iro", len(c.IRO), func(i int) care.Date { return c.IRO[i].Appointed })
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
