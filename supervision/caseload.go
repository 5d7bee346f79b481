package supervision

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// Caseload is the children allocated to one worker on a day.
type Caseload struct {
	Worker string `json:"worker"`
	Team   string `json:"team"`
	Office string `json:"office,omitempty"`
	// Children are the IDs of the children allocated, sorted; Count is
	// their number.
	Children []string `json:"children,omitempty"`
	Count    int      `json:"count"`
}

// CaseloadReport is every worker's caseload on one day (SUP-05).
type CaseloadReport struct {
	Date care.Date `json:"date"`
	// Max is the policy maximum applied.
	Max int `json:"max"`
	// Workers has a row for each worker in post on the day, sorted by team
	// and ID, including those with no children.
	Workers []Caseload `json:"workers"`
	// Unallocated counts the children with an allocation history whose
	// case was not allocated on the day but was allocated before and after
	// it (a gap in allocation).
	Unallocated int `json:"unallocated"`
	// Findings has a SUP-05 Breach for each worker above the maximum, with
	// subjects such as "workers[3]", sorted ([care.Report.Sort]).
	Findings care.Report `json:"findings,omitempty"`
}

// Caseloads returns each worker's caseload on day on, from the allocation
// history, and a SUP-05 Breach for each worker whose caseload is above
// p.MaxCaseload (default 20).
//
// Counting convention: a child counts on day on for the worker whose
// allocation contains it, [From, To): on the day of a reallocation the
// child counts for the new worker only. The maximum is a local standard
// ([care.SeverityLocal]); there is no statutory caseload limit.
//
// Caseloads returns an error if p is invalid, on is zero, or the dataset is
// invalid.
func Caseloads(d Dataset, on care.Date, p Policy) (CaseloadReport, error) {
	if err := check(d, on, "date", p); err != nil {
		return CaseloadReport{}, err
	}
	limit := p.maxCaseload()
	rep := CaseloadReport{Date: on, Max: limit}
	workerAt := make(map[string]int, len(d.Workers))
	for i, w := range d.Workers {
		workerAt[w.ID] = i
	}
	kids := make([][]string, len(d.Workers))
	type span struct{ before, after, now bool }
	children := make(map[string]span)
	for _, a := range d.Allocations {
		sp := children[a.Child]
		switch {
		case a.Period().Contains(on):
			wi := workerAt[a.Worker]
			kids[wi] = append(kids[wi], a.Child)
			sp.now = true
		case a.From.After(on):
			sp.after = true
		default:
			sp.before = true
		}
		children[a.Child] = sp
	}
	for _, sp := range children {
		if !sp.now && sp.before && sp.after {
			rep.Unallocated++
		}
	}
	e := care.NewEmitter(on)
	order := byKey(len(d.Workers), func(i int) (string, string) { return d.Workers[i].Team, d.Workers[i].ID })
	for _, wi := range order {
		w := d.Workers[wi]
		if !w.InPost().Contains(on) {
			continue
		}
		cs := slices.Clone(kids[wi])
		slices.Sort(cs)
		rep.Workers = append(rep.Workers, Caseload{Worker: w.ID, Team: w.Team, Office: w.Office, Children: cs, Count: len(cs)})
		if len(cs) > limit {
			e.Check(&caseloadKind, care.Obligation{Subject: care.At(wi), Anchor: on, Quantity: len(cs), Limit: limit}, care.Problem(0))
		}
	}
	rep.Findings = e.Report()
	return rep, nil
}

// caseloadKind is the SUP-05 breach of a worker ("workers[3]") whose
// caseload on a day is above the maximum: only breaches are recorded.
var caseloadKind = care.Kind{
	Rule: rule(SUP05), What: "caseload", Subject: "workers[]", Anchor: "caseload",
	Problems: []string{"above the maximum"},
	Message:  caseloadMessage,
}

// caseloadMessage renders a SUP-05 breach: "caseload of 22 children on 10
// September 2025 is above the maximum of 20". The number of children is the
// finding's quantity and the maximum its limit.
func caseloadMessage(b []byte, f care.Finding) []byte {
	n := f.Quantity()
	b = append(b, "caseload of "...)
	b = strconv.AppendInt(b, int64(n), 10)
	if n == 1 {
		b = append(b, " child on "...)
	} else {
		b = append(b, " children on "...)
	}
	b = f.Anchor().AppendFormat(b)
	b = append(b, " is above the maximum of "...)
	return strconv.AppendInt(b, int64(f.Limit()), 10)
}

// Grouping says how a series groups workers.
type Grouping uint8

// Groupings. The zero value, GroupingUnknown, is not a valid grouping.
const (
	GroupingUnknown Grouping = iota
	ByTeam                   // by the worker's team
	ByOffice                 // by the worker's office
)

// String returns "team" or "office", "unknown" for [GroupingUnknown],
// and Grouping(n) for a value that is not one of the constants.
func (g Grouping) String() string {
	switch g {
	case GroupingUnknown:
		return "unknown"
	case ByTeam:
		return "team"
	case ByOffice:
		return "office"
	}
	return "Grouping(" + strconv.Itoa(int(g)) + ")"
}

// CaseloadPoint is the caseload of one team or office on one day: a point
// of a series a manager can plot.
type CaseloadPoint struct {
	Date  care.Date `json:"date"`
	Group string    `json:"group"`
	// Workers counts the group's workers in post on the day; Children the
	// children allocated to them.
	Workers  int `json:"workers"`
	Children int `json:"children"`
	// Mean is Children / Workers rounded to 1 decimal place (a half away
	// from zero); zero when there are no workers.
	Mean decimal.Decimal `json:"mean"`
	// Largest is the largest caseload; OverMax counts the workers above the
	// policy maximum (SUP-05).
	Largest int `json:"largest"`
	OverMax int `json:"over_max"`
}

// CaseloadSeries returns the caseloads of each team or office (by) on each
// of the given days, ordered by day (as given) and then group name. A
// group appears on a day if it has a worker in post that day. Counting is
// as [Caseloads]: allocations are half-open. It returns an error if p is
// invalid, by is unknown, a day is zero, or the dataset is invalid.
func CaseloadSeries(d Dataset, days []care.Date, by Grouping, p Policy) ([]CaseloadPoint, error) {
	if by != ByTeam && by != ByOffice {
		return nil, fmt.Errorf("supervision: unknown grouping %d", uint8(by))
	}
	var errs care.ValidationErrors
	for i, day := range days {
		if day.IsZero() {
			errs.Add(care.Index("days", i), care.ErrRequired)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("supervision: policy: %w", err)
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	limit := p.maxCaseload()
	workerAt := make(map[string]int, len(d.Workers))
	groupOf := make([]string, len(d.Workers))
	for i, w := range d.Workers {
		workerAt[w.ID] = i
		groupOf[i] = w.Team
		if by == ByOffice {
			groupOf[i] = w.Office
		}
	}
	groups := slices.Clone(groupOf)
	slices.Sort(groups)
	groups = slices.Compact(groups)
	groupAt := make(map[string]int, len(groups))
	for i, g := range groups {
		groupAt[g] = i
	}
	allocWorker := make([]int, len(d.Allocations))
	for i, a := range d.Allocations {
		allocWorker[i] = workerAt[a.Worker]
	}
	count := make([]int, len(d.Workers))
	out := make([]CaseloadPoint, 0, len(days)*len(groups))
	for _, day := range days {
		clear(count)
		for i, a := range d.Allocations {
			if a.Period().Contains(day) {
				count[allocWorker[i]]++
			}
		}
		pts := make([]CaseloadPoint, len(groups))
		for wi, w := range d.Workers {
			if !w.InPost().Contains(day) {
				continue
			}
			pt := &pts[groupAt[groupOf[wi]]]
			pt.Workers++
			pt.Children += count[wi]
			pt.Largest = max(pt.Largest, count[wi])
			if count[wi] > limit {
				pt.OverMax++
			}
		}
		for gi, pt := range pts {
			if pt.Workers == 0 {
				continue
			}
			pt.Date, pt.Group = day, groups[gi]
			pt.Mean = decimal.NewFromInt(int64(pt.Children)).DivRound(decimal.NewFromInt(int64(pt.Workers)), 1)
			out = append(out, pt)
		}
	}
	return out, nil
}
