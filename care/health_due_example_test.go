package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// The initial health assessment is due "before the first review of C's
// case" (CPPCR reg 7(1)). A first review held early, on the 10th working
// day, brings it forward; until a review is held, 20 working days apply.
func ExampleInitialHealthAssessmentDue() {
	cal := care.EnglandAndWales()
	lookedAfter := care.MustDate(2026, time.January, 5)
	for _, review := range []care.Date{{}, care.MustDate(2026, time.January, 19)} {
		d, err := care.InitialHealthAssessmentDue(lookedAfter, review, cal, care.Policy{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d)
	}
	// Output:
	// HLTH-01 due 2026-02-02: 20 working days after becoming looked after on 2026-01-05
	// HLTH-01 due 2026-01-19: no later than the first review held on 2026-01-19
}

// The arrangements reading of reg 7(1) binds only the arranging of the
// assessment to the first review, so an early review does not move the
// assessment's 20 working days.
func ExampleInitialHealthReading() {
	cal := care.EnglandAndWales()
	lookedAfter, review := care.MustDate(2026, time.January, 5), care.MustDate(2026, time.January, 19)
	for _, r := range []care.InitialHealthReading{care.InitialHealthByFirstReview, care.InitialHealthByWorkingDays} {
		var p care.Policy
		p.Health.InitialReading = r
		d, err := care.InitialHealthAssessmentDue(lookedAfter, review, cal, p)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r, d.Due)
	}
	// Output:
	// by-first-review 2026-01-19
	// by-working-days 2026-02-02
}

// Six months after an assessment on 31 August is the last day of February:
// months follow the corresponding-date rule, clamped to the month's end.
func ExampleHealthReviewDue() {
	dob := care.MustDate(2023, time.March, 1) // under 5: six-monthly
	d, err := care.HealthReviewDue(dob, care.MustDate(2026, time.August, 31), care.HealthPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	// Output:
	// HLTH-02 due 2027-02-28: 6 months after the last health assessment on 2026-08-31
}

// A child who turns 4 in care has a first SDQ 12 months after the 4th
// birthday, whose date the explanation withholds; an SDQ that would fall
// due on or after the 17th birthday is not owed.
func ExampleSDQDue() {
	lookedAfter := care.MustDate(2025, time.January, 6)
	for _, dob := range []care.Date{care.MustDate(2021, time.June, 10), care.MustDate(2009, time.January, 1)} {
		d, ok, err := care.SDQDue(dob, lookedAfter, care.Date{}, care.HealthPolicy{})
		switch {
		case err != nil:
			fmt.Println(err)
		case !ok:
			fmt.Println("none owed")
		default:
			fmt.Println(d)
		}
	}
	// Output:
	// HLTH-03 due 2026-06-10: 12 months after the 4th birthday
	// none owed
}
