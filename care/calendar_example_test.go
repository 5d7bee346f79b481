package care_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// A child becomes looked after on the Thursday before Easter. The first
// review is due within 20 working days (CPPCR reg. 33(1)); that day is day
// 0, and Good Friday and Easter Monday are not working days.
func ExampleCalendar_AddWorkingDays() {
	cal := care.EnglandAndWales()
	lookedAfter := care.MustDate(2025, time.April, 17)
	due, err := cal.AddWorkingDays(lookedAfter, 20)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("first review due by", due.Format())

	// Outside the calendar's coverage the answer is an error, not a guess.
	_, err = cal.AddWorkingDays(care.MustDate(2036, time.March, 3), 20)
	fmt.Println(errors.Is(err, care.ErrOutsideCalendar))
	// Output:
	// first review due by 20 May 2025
	// true
}

func ExampleEnglandAndWales() {
	cal := care.EnglandAndWales()
	fmt.Println("covers", cal.Covers())
	for _, d := range cal.Holidays(care.Period{Start: care.MustDate(2022, time.June, 1), End: care.MustDate(2022, time.October, 1)}) {
		fmt.Println(d, d.Weekday())
	}
	// Output:
	// covers [2000-01-01, 2036-01-01)
	// 2022-06-02 Thursday
	// 2022-06-03 Friday
	// 2022-08-29 Monday
	// 2022-09-19 Monday
}

// Counting is over (a, b]: the first day is not counted, the last is.
func ExampleCalendar_WorkingDaysBetween() {
	cal := care.EnglandAndWales()
	placed := care.MustDate(2025, time.December, 19)
	planDone := care.MustDate(2026, time.January, 2)
	n, err := cal.WorkingDaysBetween(placed, planDone)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("placement plan done %d working days after the placement\n", n)
	// Output:
	// placement plan done 7 working days after the placement
}

func ExampleCalendar_IsWorkingDay() {
	cal := care.EnglandAndWales()
	for _, d := range []care.Date{
		care.MustDate(2025, time.December, 24), // Christmas Eve: a working day
		care.MustDate(2025, time.December, 25), // Christmas Day
		care.MustDate(2027, time.December, 27), // substitute day (projection)
		care.MustDate(2026, time.January, 2),   // a bank holiday in Scotland only
	} {
		fmt.Println(d, cal.IsWorkingDay(d))
	}
	// Output:
	// 2025-12-24 true
	// 2025-12-25 false
	// 2027-12-27 false
	// 2026-01-02 true
}

// The two counting conventions differ only when the anchor day is itself a
// working day.
func ExampleCalendar_WorkingDayDeadline() {
	cal := care.EnglandAndWales()
	placed := care.MustDate(2026, time.March, 2) // a Monday
	for _, counting := range []care.Counting{care.CountFromNextDay, care.CountFromAnchorDay} {
		due, err := cal.WorkingDayDeadline(placed, 5, counting)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s: %s\n", counting, due.Format())
	}
	// Output:
	// from-next-day: 9 March 2026
	// from-anchor-day: 6 March 2026
}

// An authority closes its offices on Christmas Eve; the national calendar
// is unchanged.
func ExampleCalendar_WithClosures() {
	national := care.EnglandAndWales()
	christmasEve := care.MustDate(2025, time.December, 24)
	local, err := national.WithClosures(christmasEve)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	from := care.MustDate(2025, time.December, 23)
	a, errA := national.AddWorkingDays(from, 1)
	b, errB := local.AddWorkingDays(from, 1)
	if err := errors.Join(errA, errB); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("national:", a)
	fmt.Println("local:   ", b)
	// Output:
	// national: 2025-12-24
	// local:    2025-12-29
}

// A file in GOV.UK's bank-holidays.json format corrects a projected year.
// This one is synthetic: it moves the 2027 spring bank holiday.
func ExampleCalendar_WithBankHolidaysJSON() {
	data := []byte(`{"england-and-wales": {"division": "england-and-wales", "events": [
		{"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
		{"title": "Good Friday", "date": "2027-03-26", "notes": "", "bunting": false},
		{"title": "Easter Monday", "date": "2027-03-29", "notes": "", "bunting": true},
		{"title": "Early May bank holiday", "date": "2027-05-03", "notes": "", "bunting": true},
		{"title": "Spring bank holiday", "date": "2027-06-07", "notes": "", "bunting": true},
		{"title": "Summer bank holiday", "date": "2027-08-30", "notes": "", "bunting": true},
		{"title": "Christmas Day", "date": "2027-12-27", "notes": "Substitute day", "bunting": true},
		{"title": "Boxing Day", "date": "2027-12-28", "notes": "Substitute day", "bunting": true}]}}`)
	cal, err := care.EnglandAndWales().WithBankHolidaysJSON(data)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(cal.IsWorkingDay(care.MustDate(2027, time.May, 31)))
	fmt.Println(cal.IsWorkingDay(care.MustDate(2027, time.June, 7)))

	_, err = care.EnglandAndWales().WithBankHolidaysJSON([]byte(`{}`))
	fmt.Println(err)
	// Output:
	// true
	// false
	// care: parsing "{}" as GOV.UK bank holidays JSON: no "england-and-wales" division
}

func ExampleNewCalendar() {
	// A calendar for 2024 with one bank holiday listed. Good Friday and
	// Christmas Day are non-working days by definition.
	cal, err := care.NewCalendar(
		[]care.Date{care.MustDate(2024, time.May, 6)},
		care.Period{Start: care.MustDate(2024, time.January, 1), End: care.MustDate(2025, time.January, 1)},
	)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(cal.Holidays(cal.Covers()))
	// Output:
	// [2024-03-29 2024-05-06 2024-12-25]
}

func ExampleParseBankHolidays() {
	divisions, err := care.ParseBankHolidays([]byte(`{"northern-ireland": {"division": "northern-ireland", "events": [
		{"title": "St Patrick’s Day", "date": "2026-03-17", "notes": "", "bunting": true}]}}`))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	for _, h := range divisions["northern-ireland"] {
		fmt.Println(h.Date, h.Title)
	}
	// Output:
	// 2026-03-17 St Patrick’s Day
}
