package care

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// divisionEnglandAndWales is the GOV.UK division whose bank holidays are
// the ones the CPPCR working-day definition uses (reference/settled.md N1).
const divisionEnglandAndWales = "england-and-wales"

// BankHoliday is one event of GOV.UK's list of bank holidays
// (https://www.gov.uk/bank-holidays.json). It marshals to JSON in that
// format. A BankHoliday is a plain value, safe to copy and to use from
// multiple goroutines at once.
type BankHoliday struct {
	Title   string `json:"title"`   // "Boxing Day", "Bank holiday for the coronation of King Charles III"
	Date    Date   `json:"date"`    // the day off, already moved if it is a substitute day
	Notes   string `json:"notes"`   // usually "" or "Substitute day"
	Bunting bool   `json:"bunting"` // whether GOV.UK shows bunting for the day
}

// govukFile mirrors bank-holidays.json: an object keyed by division, each
// {"division": key, "events": [...]}. Dates are read as strings so that a
// bad one can be reported with its event index.
type govukFile map[string]struct {
	Division string `json:"division"`
	Events   []struct {
		Title   string `json:"title"`
		Date    string `json:"date"`
		Notes   string `json:"notes"`
		Bunting bool   `json:"bunting"`
	} `json:"events"`
}

// ParseBankHolidays reads data in the format of GOV.UK's bank-holidays.json:
// a JSON object keyed by division ("england-and-wales", "scotland",
// "northern-ireland"), each value {"division": "<the key>", "events":
// [{"title", "date", "notes", "bunting"}]}, with dates as YYYY-MM-DD. It
// returns the events of every division, keyed by division, in file order.
//
// Errors: data that is not such a JSON object, or whose "division" field
// disagrees with its key, gives a [*ParseError]; an event whose date is
// missing or not a real YYYY-MM-DD day gives an error naming the division
// and the event index that wraps the date's [*ParseError] and
// [ErrInvalidDate]. On error the map is nil. Every date of a successful
// parse is a valid, non-zero Date. The result is freshly allocated and
// ParseBankHolidays is safe to call from multiple goroutines at once.
func ParseBankHolidays(data []byte) (map[string][]BankHoliday, error) {
	var file govukFile
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, govukError(data, err)
	}
	if file == nil {
		return nil, govukError(data, errors.New("want a JSON object keyed by division"))
	}
	out := make(map[string][]BankHoliday, len(file))
	for _, div := range slices.Sorted(maps.Keys(file)) {
		v := file[div]
		if v.Division != "" && v.Division != div {
			return nil, govukError(data, fmt.Errorf("division %q is filed under %q", v.Division, div))
		}
		events := make([]BankHoliday, len(v.Events))
		for i, e := range v.Events {
			d, err := ParseDate(e.Date)
			if err != nil {
				return nil, fmt.Errorf("care: GOV.UK bank holidays: %s event %d (%q): %w", div, i, e.Title, err)
			}
			events[i] = BankHoliday{Title: e.Title, Date: d, Notes: e.Notes, Bunting: e.Bunting}
		}
		out[div] = events
	}
	return out, nil
}

func govukError(data []byte, err error) error {
	const maxInput = 40 // bytes of the file kept: the message quotes fewer ([Excerpt])
	in := string(data[:min(len(data), maxInput)])
	return &ParseError{Input: in, Type: "GOV.UK bank holidays JSON", Err: err}
}

// WithBankHolidaysJSON returns a new calendar that is c with its bank
// holidays corrected from GOV.UK's bank-holidays.json (see
// [ParseBankHolidays] for the format), typically the live file downloaded
// by the caller. c itself is unchanged. Only the "england-and-wales"
// division is used, the one the CPPCR working-day definition names.
//
// Every calendar year with at least one event in that division is taken to
// be listed in full: the file's events replace c's bank holidays for that
// year (closure days added with [Calendar.WithClosures] are kept, and
// Christmas Day and Good Friday stay non-working by definition). Coverage
// grows to take in the whole of every year in the file, so a file listing
// a year after c's last extends the calendar to the end of that year, and
// likewise at the start. The zero Calendar gains exactly the file's years.
//
// It returns a nil *Calendar and an error, never a partly updated calendar,
// if the data does not parse (see [ParseBankHolidays]); if it has no
// england-and-wales division or no events in it (a [*ParseError]); or if
// it would leave a gap, a year between c's coverage and the file's years
// that neither lists, or would need year 9999 covered to its end (wrapping
// [ErrOutsideCalendar]). The result is safe for concurrent use; the
// counting convention is that of [Calendar].
func (c *Calendar) WithBankHolidaysJSON(data []byte) (*Calendar, error) {
	divs, err := ParseBankHolidays(data)
	if err != nil {
		return nil, err
	}
	events, ok := divs[divisionEnglandAndWales]
	if !ok {
		return nil, govukError(data, fmt.Errorf("no %q division", divisionEnglandAndWales))
	}
	if len(events) == 0 {
		return nil, govukError(data, fmt.Errorf("no events in the %q division", divisionEnglandAndWales))
	}

	listed := make(map[int]bool)
	minY, maxY := events[0].Date.Year(), events[0].Date.Year()
	for _, e := range events {
		y := e.Date.Year()
		listed[y] = true
		minY, maxY = min(minY, y), max(maxY, y)
	}
	if maxY >= 9999 {
		return nil, fmt.Errorf("%w: cannot cover year %d, the end of the Date range", ErrOutsideCalendar, maxY)
	}
	start, end := jan1(minY), jan1(maxY+1)
	old := c.Covers()
	if !old.IsEmpty() {
		start, end = Date{min(start.n, old.Start.n)}, Date{max(end.n, old.End.n)}
	}
	// A year the file does not list must lie wholly inside the old coverage.
	for y := start.Year(); y <= end.AddDays(-1).Year(); y++ {
		if listed[y] {
			continue
		}
		from, to := max(start.n, jan1(y).n), min(end.n, jan1(y+1).n)
		if old.IsEmpty() || from < old.Start.n || to > old.End.n {
			return nil, fmt.Errorf("%w: GOV.UK bank holidays list no %s events in %d, a year the calendar %v does not cover either",
				ErrOutsideCalendar, divisionEnglandAndWales, y, old)
		}
	}

	var bank, closures []Date
	if c != nil {
		for _, d := range c.bank {
			if !listed[d.Year()] {
				bank = append(bank, d)
			}
		}
		closures = c.closures
	}
	for _, e := range events {
		bank = append(bank, e.Date)
	}
	return buildCalendar(start, end, bank, closures), nil
}
