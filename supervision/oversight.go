package supervision

import "github.com/lookedafter/practice/care"

// OversightRate is the SUP-03 record of one worker or team: how many of
// the recorded case discussions were reflective (recorded all four
// elements), and how often each element was missing.
type OversightRate struct {
	// Group is the worker's ID or the team's name; Team is the worker's
	// team (equal to Group for a team).
	Group string `json:"group"`
	Team  string `json:"team"`
	// Reflective counts the discussions that recorded all four elements,
	// over the discussions recorded.
	Reflective Rate `json:"reflective"`
	// Missing counts, for each element, the discussions that did not record
	// it.
	MissingProgress    int `json:"missing_progress"`
	MissingWorries     int `json:"missing_worries"`
	MissingRisks       int `json:"missing_risks"`
	MissingFutureFocus int `json:"missing_future_focus"`
}

func (o *OversightRate) count(missing Element) {
	o.Reflective.Total++
	if missing == 0 {
		o.Reflective.Met++
		return
	}
	if missing&ElementProgress != 0 {
		o.MissingProgress++
	}
	if missing&ElementWorries != 0 {
		o.MissingWorries++
	}
	if missing&ElementRisks != 0 {
		o.MissingRisks++
	}
	if missing&ElementFutureFocus != 0 {
		o.MissingFutureFocus++
	}
}

func (o *OversightRate) add(x OversightRate) {
	o.Reflective = o.Reflective.add(x.Reflective)
	o.MissingProgress += x.MissingProgress
	o.MissingWorries += x.MissingWorries
	o.MissingRisks += x.MissingRisks
	o.MissingFutureFocus += x.MissingFutureFocus
}

// OversightReport is the SUP-03 reflective-oversight analysis of the case
// discussions recorded in a period.
type OversightReport struct {
	Period care.Period `json:"period"`
	// Workers has a row for each worker with a discussion in the period,
	// sorted by team and ID; Teams a row per team, by name.
	Workers []OversightRate `json:"workers"`
	Teams   []OversightRate `json:"teams"`
	// Findings has one SUP-03 finding per discussion, Met or Breach, with
	// subjects such as "sessions[4].cases[1]", sorted ([care.Report.Sort]):
	// in the order of the sessions and their case notes.
	Findings care.Report `json:"findings,omitempty"`
}

// oversightKind is the SUP-03 check of a case note in the authority's
// sessions ("sessions[4].cases[1]"): reflectiveKind's check, of a note the
// dataset holds.
var oversightKind = care.Kind{
	Rule: rule(SUP03), What: "case discussion record", Subject: "sessions[].cases[]",
	Anchor: "case discussion", AnchorAt: "sessions[]",
	Problems: elementProblems, Met: elementsMet,
}

// lastSession returns the date of the last session in the period with a
// case note, or the period's start if there is none: the date the
// discussions of the period are checked as of.
func lastSession(ss []Session, period care.Period) care.Date {
	last := period.Start
	for _, s := range ss {
		if len(s.Cases) > 0 && period.Contains(s.Date) && s.Date.After(last) {
			last = s.Date
		}
	}
	return last
}

// OversightRates checks every case discussion recorded in the half-open
// period (an ongoing period has no end) for the four elements of a
// reflective discussion (SUP-03: the child's progress, worries, presenting
// risks and the focus of future work), and sums the results per worker
// (the supervisee) and per team. Rates are counts; [Rate.Percent] gives the
// percentage with the rounding the caller chooses.
//
// Reflective recording is a local standard drawn from inspection findings
// ([care.SeverityLocal]). OversightRates returns an error if p is invalid,
// the period has no start, or the dataset is invalid.
func OversightRates(d Dataset, period care.Period, p Policy) (OversightReport, error) {
	if err := check(d, period.Start, "period start", p); err != nil {
		return OversightReport{}, err
	}
	rep := OversightReport{Period: period}
	workerAt := make(map[string]int, len(d.Workers))
	for i, w := range d.Workers {
		workerAt[w.ID] = i
	}
	rows := make([]OversightRate, len(d.Workers))
	seen := make([]bool, len(d.Workers))
	e := care.NewEmitter(lastSession(d.Sessions, period))
	for si, s := range d.Sessions {
		if !period.Contains(s.Date) || len(s.Cases) == 0 {
			continue
		}
		wi := workerAt[s.Worker]
		seen[wi] = true
		for ci, n := range s.Cases {
			rows[wi].count(n.Missing())
			reflective(e, &oversightKind, care.At(si).At(ci), s.Date, n)
		}
	}
	rep.Findings = e.Report()
	order := byKey(len(d.Workers), func(i int) (string, string) { return d.Workers[i].Team, d.Workers[i].ID })
	for _, wi := range order {
		if !seen[wi] {
			continue
		}
		w := d.Workers[wi]
		row := rows[wi]
		row.Group, row.Team = w.ID, w.Team
		rep.Workers = append(rep.Workers, row)
		if n := len(rep.Teams); n == 0 || rep.Teams[n-1].Group != w.Team {
			rep.Teams = append(rep.Teams, OversightRate{Group: w.Team, Team: w.Team})
		}
		rep.Teams[len(rep.Teams)-1].add(row)
	}
	return rep, nil
}
