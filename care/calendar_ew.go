package care

import "time"

// The England and Wales data, last updated 2026-12-01: the bank holidays of
// GOV.UK's "england-and-wales" list (https://www.gov.uk/bank-holidays.json)
// for 2000 to 2026, and projections from the standing rules for 2027 to
// 2035.
const (
	ewFirstYear = 2000
	ewLastYear  = 2035
	// ewLastPublishedYear is the last year whose list GOV.UK had published
	// when the data was last updated; later years are projections.
	ewLastPublishedYear = 2026
)

// EnglandAndWales returns a new calendar of working days in England and
// Wales, as reg. 2(1) of the Care Planning, Placement and Case Review
// (England) Regulations 2010 defines them: every day except Saturdays,
// Sundays, Christmas Day, Good Friday and the bank holidays in England and
// Wales under the Banking and Financial Dealings Act 1971 (including those
// made by royal proclamation). Scottish and Northern Irish bank holidays are
// working days.
//
// It covers 1 January 2000 to 31 December 2035 inclusive; arithmetic outside
// that range returns an error wrapping [ErrOutsideCalendar].
//
// The bank holidays are embedded data from GOV.UK's list of bank holidays
// (the england-and-wales division of https://www.gov.uk/bank-holidays.json),
// last updated 2026-12-01. They include the substitute days for New Year's
// Day, Christmas Day and Boxing Day falling at a weekend, and the one-off
// days: 3 and 4 June 2002 (golden jubilee, with the spring holiday moved
// from 27 May), 29 April 2011 (royal wedding), 4 and 5 June 2012 (diamond
// jubilee, spring holiday moved from 28 May), 8 May 2020 (VE day, early May
// holiday moved from 4 May), 2 and 3 June 2022 (platinum jubilee, spring
// holiday moved from 30 May), 19 September 2022 (state funeral of Queen
// Elizabeth II) and 8 May 2023 (coronation of King Charles III). The
// millennium holiday of 31 December 1999 is before the coverage.
//
// Years 2000 to 2026 are the published lists. Years 2027 to 2035 are
// projections from the standing rules (New Year's Day, Good Friday, Easter
// Monday, the first and last Mondays in May, the last Monday in August,
// Christmas Day and Boxing Day, with substitute days), because GOV.UK
// publishes only a year or two ahead and a one-off holiday can be
// proclaimed at short notice. Update them from the live file with
// [Calendar.WithBankHolidaysJSON] when it lists a later year.
//
// Each call builds a fresh calendar (in tens of microseconds); callers that
// use it often should build it once and share it, which is safe for
// concurrent use. The counting convention is that of [Calendar]: in
// AddWorkingDays(d, n), d is day 0.
func EnglandAndWales() *Calendar {
	bank := make([]Date, len(ewBankHolidays))
	for i, s := range ewBankHolidays {
		bank[i] = isoDay(s)
	}
	start := jan1(ewFirstYear)
	end := jan1(ewLastYear + 1)
	return buildCalendar(start, end, bank, nil)
}

// isoDay converts a trusted YYYY-MM-DD literal from the embedded table
// without validating it; the tests check every entry with [ParseDate].
func isoDay(s string) Date {
	y, _ := digits(s[0:4])
	m, _ := digits(s[5:7])
	d, _ := digits(s[8:10])
	return Date{int32(daysFromCivil(y, time.Month(m), d) + unixOffset)}
}

// ewBankHolidays lists every England and Wales bank holiday from 2000 to
// 2035 in date order. Christmas Day and Good Friday are listed for
// completeness although the working-day definition excludes them anyway.
// 2027 onwards are projections (see [EnglandAndWales]).
var ewBankHolidays = [...]string{
	// 2000
	"2000-01-03", // New Year's Day (substitute day)
	"2000-04-21", // Good Friday
	"2000-04-24", // Easter Monday
	"2000-05-01", // Early May bank holiday
	"2000-05-29", // Spring bank holiday
	"2000-08-28", // Summer bank holiday
	"2000-12-25", // Christmas Day
	"2000-12-26", // Boxing Day
	// 2001
	"2001-01-01", // New Year's Day
	"2001-04-13", // Good Friday
	"2001-04-16", // Easter Monday
	"2001-05-07", // Early May bank holiday
	"2001-05-28", // Spring bank holiday
	"2001-08-27", // Summer bank holiday
	"2001-12-25", // Christmas Day
	"2001-12-26", // Boxing Day
	// 2002
	"2002-01-01", // New Year's Day
	"2002-03-29", // Good Friday
	"2002-04-01", // Easter Monday
	"2002-05-06", // Early May bank holiday
	"2002-06-03", // Queen's Golden Jubilee (extra)
	"2002-06-04", // Spring bank holiday, moved from 27 May
	"2002-08-26", // Summer bank holiday
	"2002-12-25", // Christmas Day
	"2002-12-26", // Boxing Day
	// 2003
	"2003-01-01", // New Year's Day
	"2003-04-18", // Good Friday
	"2003-04-21", // Easter Monday
	"2003-05-05", // Early May bank holiday
	"2003-05-26", // Spring bank holiday
	"2003-08-25", // Summer bank holiday
	"2003-12-25", // Christmas Day
	"2003-12-26", // Boxing Day
	// 2004
	"2004-01-01", // New Year's Day
	"2004-04-09", // Good Friday
	"2004-04-12", // Easter Monday
	"2004-05-03", // Early May bank holiday
	"2004-05-31", // Spring bank holiday
	"2004-08-30", // Summer bank holiday
	"2004-12-27", // Christmas Day (substitute day)
	"2004-12-28", // Boxing Day (substitute day)
	// 2005
	"2005-01-03", // New Year's Day (substitute day)
	"2005-03-25", // Good Friday
	"2005-03-28", // Easter Monday
	"2005-05-02", // Early May bank holiday
	"2005-05-30", // Spring bank holiday
	"2005-08-29", // Summer bank holiday
	"2005-12-26", // Boxing Day
	"2005-12-27", // Christmas Day (substitute day)
	// 2006
	"2006-01-02", // New Year's Day (substitute day)
	"2006-04-14", // Good Friday
	"2006-04-17", // Easter Monday
	"2006-05-01", // Early May bank holiday
	"2006-05-29", // Spring bank holiday
	"2006-08-28", // Summer bank holiday
	"2006-12-25", // Christmas Day
	"2006-12-26", // Boxing Day
	// 2007
	"2007-01-01", // New Year's Day
	"2007-04-06", // Good Friday
	"2007-04-09", // Easter Monday
	"2007-05-07", // Early May bank holiday
	"2007-05-28", // Spring bank holiday
	"2007-08-27", // Summer bank holiday
	"2007-12-25", // Christmas Day
	"2007-12-26", // Boxing Day
	// 2008
	"2008-01-01", // New Year's Day
	"2008-03-21", // Good Friday
	"2008-03-24", // Easter Monday
	"2008-05-05", // Early May bank holiday
	"2008-05-26", // Spring bank holiday
	"2008-08-25", // Summer bank holiday
	"2008-12-25", // Christmas Day
	"2008-12-26", // Boxing Day
	// 2009
	"2009-01-01", // New Year's Day
	"2009-04-10", // Good Friday
	"2009-04-13", // Easter Monday
	"2009-05-04", // Early May bank holiday
	"2009-05-25", // Spring bank holiday
	"2009-08-31", // Summer bank holiday
	"2009-12-25", // Christmas Day
	"2009-12-28", // Boxing Day (substitute day)
	// 2010
	"2010-01-01", // New Year's Day
	"2010-04-02", // Good Friday
	"2010-04-05", // Easter Monday
	"2010-05-03", // Early May bank holiday
	"2010-05-31", // Spring bank holiday
	"2010-08-30", // Summer bank holiday
	"2010-12-27", // Christmas Day (substitute day)
	"2010-12-28", // Boxing Day (substitute day)
	// 2011
	"2011-01-03", // New Year's Day (substitute day)
	"2011-04-22", // Good Friday
	"2011-04-25", // Easter Monday
	"2011-04-29", // Royal wedding (extra)
	"2011-05-02", // Early May bank holiday
	"2011-05-30", // Spring bank holiday
	"2011-08-29", // Summer bank holiday
	"2011-12-26", // Boxing Day
	"2011-12-27", // Christmas Day (substitute day)
	// 2012
	"2012-01-02", // New Year's Day (substitute day)
	"2012-04-06", // Good Friday
	"2012-04-09", // Easter Monday
	"2012-05-07", // Early May bank holiday
	"2012-06-04", // Spring bank holiday, moved from 28 May
	"2012-06-05", // Queen's Diamond Jubilee (extra)
	"2012-08-27", // Summer bank holiday
	"2012-12-25", // Christmas Day
	"2012-12-26", // Boxing Day
	// 2013
	"2013-01-01", // New Year's Day
	"2013-03-29", // Good Friday
	"2013-04-01", // Easter Monday
	"2013-05-06", // Early May bank holiday
	"2013-05-27", // Spring bank holiday
	"2013-08-26", // Summer bank holiday
	"2013-12-25", // Christmas Day
	"2013-12-26", // Boxing Day
	// 2014
	"2014-01-01", // New Year's Day
	"2014-04-18", // Good Friday
	"2014-04-21", // Easter Monday
	"2014-05-05", // Early May bank holiday
	"2014-05-26", // Spring bank holiday
	"2014-08-25", // Summer bank holiday
	"2014-12-25", // Christmas Day
	"2014-12-26", // Boxing Day
	// 2015
	"2015-01-01", // New Year's Day
	"2015-04-03", // Good Friday
	"2015-04-06", // Easter Monday
	"2015-05-04", // Early May bank holiday
	"2015-05-25", // Spring bank holiday
	"2015-08-31", // Summer bank holiday
	"2015-12-25", // Christmas Day
	"2015-12-28", // Boxing Day (substitute day)
	// 2016
	"2016-01-01", // New Year's Day
	"2016-03-25", // Good Friday
	"2016-03-28", // Easter Monday
	"2016-05-02", // Early May bank holiday
	"2016-05-30", // Spring bank holiday
	"2016-08-29", // Summer bank holiday
	"2016-12-26", // Boxing Day
	"2016-12-27", // Christmas Day (substitute day)
	// 2017
	"2017-01-02", // New Year's Day (substitute day)
	"2017-04-14", // Good Friday
	"2017-04-17", // Easter Monday
	"2017-05-01", // Early May bank holiday
	"2017-05-29", // Spring bank holiday
	"2017-08-28", // Summer bank holiday
	"2017-12-25", // Christmas Day
	"2017-12-26", // Boxing Day
	// 2018
	"2018-01-01", // New Year's Day
	"2018-03-30", // Good Friday
	"2018-04-02", // Easter Monday
	"2018-05-07", // Early May bank holiday
	"2018-05-28", // Spring bank holiday
	"2018-08-27", // Summer bank holiday
	"2018-12-25", // Christmas Day
	"2018-12-26", // Boxing Day
	// 2019
	"2019-01-01", // New Year's Day
	"2019-04-19", // Good Friday
	"2019-04-22", // Easter Monday
	"2019-05-06", // Early May bank holiday
	"2019-05-27", // Spring bank holiday
	"2019-08-26", // Summer bank holiday
	"2019-12-25", // Christmas Day
	"2019-12-26", // Boxing Day
	// 2020
	"2020-01-01", // New Year's Day
	"2020-04-10", // Good Friday
	"2020-04-13", // Easter Monday
	"2020-05-08", // Early May bank holiday (VE day), moved from 4 May
	"2020-05-25", // Spring bank holiday
	"2020-08-31", // Summer bank holiday
	"2020-12-25", // Christmas Day
	"2020-12-28", // Boxing Day (substitute day)
	// 2021
	"2021-01-01", // New Year's Day
	"2021-04-02", // Good Friday
	"2021-04-05", // Easter Monday
	"2021-05-03", // Early May bank holiday
	"2021-05-31", // Spring bank holiday
	"2021-08-30", // Summer bank holiday
	"2021-12-27", // Christmas Day (substitute day)
	"2021-12-28", // Boxing Day (substitute day)
	// 2022
	"2022-01-03", // New Year's Day (substitute day)
	"2022-04-15", // Good Friday
	"2022-04-18", // Easter Monday
	"2022-05-02", // Early May bank holiday
	"2022-06-02", // Spring bank holiday, moved from 30 May
	"2022-06-03", // Platinum Jubilee bank holiday (extra)
	"2022-08-29", // Summer bank holiday
	"2022-09-19", // State funeral of Queen Elizabeth II (extra)
	"2022-12-26", // Boxing Day
	"2022-12-27", // Christmas Day (substitute day)
	// 2023
	"2023-01-02", // New Year's Day (substitute day)
	"2023-04-07", // Good Friday
	"2023-04-10", // Easter Monday
	"2023-05-01", // Early May bank holiday
	"2023-05-08", // Coronation of King Charles III (extra)
	"2023-05-29", // Spring bank holiday
	"2023-08-28", // Summer bank holiday
	"2023-12-25", // Christmas Day
	"2023-12-26", // Boxing Day
	// 2024
	"2024-01-01", // New Year's Day
	"2024-03-29", // Good Friday
	"2024-04-01", // Easter Monday
	"2024-05-06", // Early May bank holiday
	"2024-05-27", // Spring bank holiday
	"2024-08-26", // Summer bank holiday
	"2024-12-25", // Christmas Day
	"2024-12-26", // Boxing Day
	// 2025
	"2025-01-01", // New Year's Day
	"2025-04-18", // Good Friday
	"2025-04-21", // Easter Monday
	"2025-05-05", // Early May bank holiday
	"2025-05-26", // Spring bank holiday
	"2025-08-25", // Summer bank holiday
	"2025-12-25", // Christmas Day
	"2025-12-26", // Boxing Day
	// 2026
	"2026-01-01", // New Year's Day
	"2026-04-03", // Good Friday
	"2026-04-06", // Easter Monday
	"2026-05-04", // Early May bank holiday
	"2026-05-25", // Spring bank holiday
	"2026-08-31", // Summer bank holiday
	"2026-12-25", // Christmas Day
	"2026-12-28", // Boxing Day (substitute day)
	// 2027 (projection from here on)
	"2027-01-01", // New Year's Day
	"2027-03-26", // Good Friday
	"2027-03-29", // Easter Monday
	"2027-05-03", // Early May bank holiday
	"2027-05-31", // Spring bank holiday
	"2027-08-30", // Summer bank holiday
	"2027-12-27", // Christmas Day (substitute day)
	"2027-12-28", // Boxing Day (substitute day)
	// 2028
	"2028-01-03", // New Year's Day (substitute day)
	"2028-04-14", // Good Friday
	"2028-04-17", // Easter Monday
	"2028-05-01", // Early May bank holiday
	"2028-05-29", // Spring bank holiday
	"2028-08-28", // Summer bank holiday
	"2028-12-25", // Christmas Day
	"2028-12-26", // Boxing Day
	// 2029
	"2029-01-01", // New Year's Day
	"2029-03-30", // Good Friday
	"2029-04-02", // Easter Monday
	"2029-05-07", // Early May bank holiday
	"2029-05-28", // Spring bank holiday
	"2029-08-27", // Summer bank holiday
	"2029-12-25", // Christmas Day
	"2029-12-26", // Boxing Day
	// 2030
	"2030-01-01", // New Year's Day
	"2030-04-19", // Good Friday
	"2030-04-22", // Easter Monday
	"2030-05-06", // Early May bank holiday
	"2030-05-27", // Spring bank holiday
	"2030-08-26", // Summer bank holiday
	"2030-12-25", // Christmas Day
	"2030-12-26", // Boxing Day
	// 2031
	"2031-01-01", // New Year's Day
	"2031-04-11", // Good Friday
	"2031-04-14", // Easter Monday
	"2031-05-05", // Early May bank holiday
	"2031-05-26", // Spring bank holiday
	"2031-08-25", // Summer bank holiday
	"2031-12-25", // Christmas Day
	"2031-12-26", // Boxing Day
	// 2032
	"2032-01-01", // New Year's Day
	"2032-03-26", // Good Friday
	"2032-03-29", // Easter Monday
	"2032-05-03", // Early May bank holiday
	"2032-05-31", // Spring bank holiday
	"2032-08-30", // Summer bank holiday
	"2032-12-27", // Christmas Day (substitute day)
	"2032-12-28", // Boxing Day (substitute day)
	// 2033
	"2033-01-03", // New Year's Day (substitute day)
	"2033-04-15", // Good Friday
	"2033-04-18", // Easter Monday
	"2033-05-02", // Early May bank holiday
	"2033-05-30", // Spring bank holiday
	"2033-08-29", // Summer bank holiday
	"2033-12-26", // Boxing Day
	"2033-12-27", // Christmas Day (substitute day)
	// 2034
	"2034-01-02", // New Year's Day (substitute day)
	"2034-04-07", // Good Friday
	"2034-04-10", // Easter Monday
	"2034-05-01", // Early May bank holiday
	"2034-05-29", // Spring bank holiday
	"2034-08-28", // Summer bank holiday
	"2034-12-25", // Christmas Day
	"2034-12-26", // Boxing Day
	// 2035
	"2035-01-01", // New Year's Day
	"2035-03-23", // Good Friday
	"2035-03-26", // Easter Monday
	"2035-05-07", // Early May bank holiday
	"2035-05-28", // Spring bank holiday
	"2035-08-27", // Summer bank holiday
	"2035-12-25", // Christmas Day
	"2035-12-26", // Boxing Day
}
