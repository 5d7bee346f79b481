package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// Reg 4(2)'s ten working days do not apply while an application for a care
// order is pending (CA89 s.31A): the court sets the plan's timetable. Once
// the proceedings end with no plan agreed, ten working days run from their
// end.
func ExampleCarePlanDue() {
	cal := care.EnglandAndWales()
	first := care.MustDate(2026, time.January, 5)
	issued := care.MustDate(2026, time.January, 2)
	for _, proceedings := range [][]care.Period{
		nil,
		{{Start: issued}},
		{{Start: issued, End: care.MustDate(2026, time.June, 1)}},
	} {
		d, ok, err := care.CarePlanDue(first, proceedings, cal, care.Policy{})
		switch {
		case err != nil:
			fmt.Println(err)
		case !ok:
			fmt.Println("s.31A plan: within such time as the court may direct")
		default:
			fmt.Println(d)
		}
	}
	// Output:
	// PLAN-01 due 2026-01-19: 10 working days after the start of the first placement on 2026-01-05
	// s.31A plan: within such time as the court may direct
	// PLAN-01 due 2026-06-15: 10 working days after the end of care proceedings on 2026-06-01
}

// A placement made on the Friday before Christmas: Christmas Day and Boxing
// Day are not working days.
func ExamplePlacementPlanDue() {
	d, err := care.PlacementPlanDue(care.MustDate(2026, time.December, 18), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d)
	// Output:
	// PLAN-04 due 2026-12-29: 5 working days after the start of the placement on 2026-12-18
}

// An emergency placement's notices, the IRO's among them, are due within
// five working days; an authority that counts the placement day as day 1
// is a day earlier.
func ExamplePlacementNoticeDue() {
	start := care.MustDate(2026, time.March, 2) // a Monday
	for _, c := range []care.Counting{care.CountFromNextDay, care.CountFromAnchorDay} {
		d, err := care.PlacementNoticeDue(start, care.EnglandAndWales(), care.Policy{Counting: c})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c, d.Due)
	}
	// Output:
	// from-next-day 2026-03-09
	// from-anchor-day 2026-03-06
}
