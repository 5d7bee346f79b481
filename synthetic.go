package practice

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/supervision"
)

// SyntheticOptions configures [Synthetic].
type SyntheticOptions struct {
	// Seed makes the cohort reproducible: the same options always give the
	// same cohort, byte for byte.
	Seed uint64
	// Children is the number of children; zero means 300.
	Children int
	// AsOf is the date the cohort is drawn up to: no record is dated after
	// it. Zero means 2026-12-01.
	AsOf care.Date
}

// SyntheticCohort is a generated cohort: the cases, and the authority's
// supervision data (workers, their individual supervision sessions and the
// case allocations) that the cases' supervision records come from.
type SyntheticCohort struct {
	AsOf        care.Date
	Cases       []Case
	Supervision supervision.Dataset
}

// Synthetic generates a realistic synthetic cohort of looked-after children
// for tests, demonstrations and benchmarks, from one child to a national
// cohort of 84,000. Nothing in it describes a real child: IDs are
// sequential ("C000001"), and there are no names, addresses or postcodes.
//
// The cohort has a spread of ages and legal statuses (accommodation under
// s.20, interim and full care orders, placement orders, short breaks),
// placement moves, children who left care and came back, looked-after
// reviews mostly on time with some late, IRO allocations, supervision with
// some long gaps, and permanence plans at every stage. Each child is drawn
// from its own random stream, so child i is the same whatever the size of
// the cohort.
func Synthetic(opt SyntheticOptions) SyntheticCohort {
	n := opt.Children
	if n <= 0 {
		n = 300
	}
	asOf := opt.AsOf
	if asOf.IsZero() {
		asOf = care.MustDate(2026, 12, 1)
	}
	g := &synth{asOf: asOf, seed: opt.Seed}
	g.workers(n)
	out := SyntheticCohort{AsOf: asOf, Cases: make([]Case, n)}
	for i := range n {
		out.Cases[i] = g.child(i)
	}
	out.Supervision = g.dataset(out.Cases)
	return out
}

var (
	synthOffices = []string{"Central", "East", "North", "South", "West"}
	synthTeams   = []string{"Assessment", "Children in Care 1", "Children in Care 2", "Disabled Children", "Permanence", "Leaving Care"}
)

// Practice quality differs between teams and offices, as inspections find:
// some are timely, some are not. A case's lapse factor is its office's
// factor times its team's; every lapse of practice the generator draws (a
// late visit, review or health assessment, a missing plan element, a gap in
// supervision, a stalled case) happens with the base chance times that
// factor, so a factor of 2 doubles the lapses and 0.5 halves them.
//
// The factors are invented, to give a plain spread from strong to weak;
// they average about 1. The base chances are set so that, at a factor of 1,
// timeliness sits near the published national figures where there are any:
// about 90% of annual health assessments on time and 86% of dental checks
// (DfE SFR 34/2015, children looked after continuously for 12 months), and
// about 1 child in 10 with two or more placement moves in a year (DfE
// stability measures 2024). The rest (visits, reviews, plans, supervision)
// have no national figure and are invented.
var (
	synthOfficeLapse = map[string]float64{"Central": 0.5, "East": 1.0, "North": 2.0, "South": 0.7, "West": 1.5}
	synthTeamLapse   = map[string]float64{"Assessment": 1.4, "Children in Care 1": 0.7, "Children in Care 2": 1.2,
		"Disabled Children": 0.8, "Permanence": 1.0, "Leaving Care": 1.1}
)

// lapse reports, drawing once from r, whether a lapse whose base chance is
// one in k happens in the case being generated (see synthOfficeLapse).
func (g *synth) lapse(r *rand.Rand, k int) bool {
	return r.Float64()*float64(k) < g.factor
}

// stallChance is the base chance, one in stallChance, that a case still
// open on the as-of date has stalled: the social worker has stopped
// visiting, the health reviews and the case discussions have stopped some
// weeks before the as-of date. Stalled cases are what drift reports exist
// to find.
const stallChance = 14

type synth struct {
	asOf care.Date
	seed uint64
	// factor is the lapse factor of the case being generated, and stall
	// the day its work stopped if it has stalled (zero if not).
	factor  float64
	stall   care.Date
	workerN int
	team    []string
	office  []string
	start   []care.Date
	asye    []care.Date
}

func (g *synth) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, stream))
}

// workers makes one social worker for every 12 children or so.
func (g *synth) workers(children int) {
	n := max(1, children/12)
	g.workerN = n
	r := g.rng(1 << 62)
	g.team = make([]string, n)
	g.office = make([]string, n)
	g.start = make([]care.Date, n)
	g.asye = make([]care.Date, n)
	for i := range n {
		office := synthOffices[(i/6)%len(synthOffices)]
		g.office[i] = office
		g.team[i] = office + " " + synthTeams[(i/2)%len(synthTeams)]
		// Most workers have been in post longer than any case's history;
		// one in eight is newly qualified, in post for under a year.
		g.start[i] = g.asOf.AddYears(-7).AddDays(-r.IntN(10 * 365))
		if i%8 == 7 {
			g.start[i] = g.asOf.AddDays(-r.IntN(330) - 20)
			g.asye[i] = g.start[i]
		}
	}
}

func workerID(i int) string { return fmt.Sprintf("SW%04d", i+1) }

// between returns a day uniformly in [a, b], or a if b is before a.
func between(r *rand.Rand, a, b care.Date) care.Date {
	n := b.DaysSince(a)
	if n <= 0 {
		return a
	}
	return a.AddDays(r.IntN(n + 1))
}

// later returns the later of two dates.
func later(a, b care.Date) care.Date {
	if a.After(b) {
		return a
	}
	return b
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// child generates case i.
func (g *synth) child(i int) Case {
	r := g.rng(uint64(i))
	asOf := g.asOf
	var c Case
	c.Care.Child = care.Child{
		ID:        fmt.Sprintf("C%06d", i+1),
		Sex:       pick(r, care.SexMale, care.SexFemale),
		Ethnicity: pick(r, care.EthnicityWBRI, care.EthnicityWBRI, care.EthnicityWBRI, care.EthnicityMWBC, care.EthnicityBAFR, care.EthnicityAPKN, care.EthnicityWOTH, care.EthnicityOOTH),
	}
	// Teenagers are over-represented in care, as in the national figures.
	age := pick(r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17)
	c.Care.Child.DateOfBirth = asOf.AddYears(-age).AddDays(-r.IntN(365) - 1)
	if r.IntN(8) != 0 {
		c.Care.Child.Religion = pick(r, "None", "Christian", "Muslim", "Not recorded")
		c.Care.Child.FirstLanguage = pick(r, "English", "English", "English", "Polish", "Urdu", "Arabic")
	}
	if r.IntN(6) != 0 {
		c.Care.Child.IdentityNeeds = "Identity needs recorded in the care plan"
	}
	w := r.IntN(g.workerN)
	c.Team, c.Office = g.team[w], g.office[w]
	g.factor = synthOfficeLapse[c.Office] * synthTeamLapse[c.Team[len(c.Office)+1:]]
	g.stall = care.Date{}
	if g.lapse(r, stallChance) {
		g.stall = asOf.AddDays(-40 - r.IntN(120))
	}

	g.episodes(r, &c)
	g.reviews(r, &c)
	g.planning(r, &c)
	g.safeguarding(r, &c)
	g.supervision(r, &c, w)
	g.permanence(r, &c)
	return c
}

// episodes generates the SSDA903 episodes.
func (g *synth) episodes(r *rand.Rand, c *Case) {
	asOf := g.asOf
	dob := c.Care.Child.DateOfBirth
	earliest := later(dob, asOf.AddYears(-6)).AddDays(1)
	latest := asOf.AddDays(-7)
	if latest.Before(earliest) {
		latest = earliest
	}
	start := between(r, earliest, latest)
	var eps []care.Episode
	add := func(e care.Episode) {
		if n := len(eps); n > 0 && eps[n-1].End.IsZero() {
			eps[n-1].End = e.Start
			eps[n-1].ReasonCeased = care.ReasonEpisodeCeasedX1
		}
		eps = append(eps, e)
	}
	end := func(d care.Date, why care.ReasonEpisodeCeased) {
		eps[len(eps)-1].End = d
		eps[len(eps)-1].ReasonCeased = why
	}
	foster := func() care.PlacementType {
		return pick(r, care.PlacementTypeU6, care.PlacementTypeU6, care.PlacementTypeU4, care.PlacementTypeU3, care.PlacementTypeU1)
	}
	kind := r.IntN(100)
	switch {
	case kind < 3: // short breaks (V3): a stay of a few days every few weeks
		for d := start; d.Before(asOf.AddDays(-4)); d = d.AddDays(21 + r.IntN(21)) {
			stay := 2 + r.IntN(3)
			eps = append(eps, care.Episode{Start: d, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV3,
				PlacementType: pick(r, care.PlacementTypeK2, care.PlacementTypeU6), End: d.AddDays(stay), ReasonCeased: care.ReasonEpisodeCeasedE8})
			if len(eps) > 40 {
				break
			}
		}
		c.Care.Episodes = eps
		return
	case kind < 13: // an earlier period of care ended with a return home
		prevEnd := start.AddDays(-30 - r.IntN(200))
		prevStart := prevEnd.AddDays(-40 - r.IntN(200))
		if prevStart.After(dob) {
			add(care.Episode{Start: prevStart, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: foster(), CategoryOfNeed: care.CategoryOfNeedN4})
			end(prevEnd, care.ReasonEpisodeCeasedE4A)
		}
	}
	need := pick(r, care.CategoryOfNeedN1, care.CategoryOfNeedN1, care.CategoryOfNeedN1, care.CategoryOfNeedN2, care.CategoryOfNeedN4, care.CategoryOfNeedN5, care.CategoryOfNeedN8)
	age := care.AgeOn(dob, start)
	pt := foster()
	if age >= 13 && r.IntN(4) == 0 {
		pt = care.PlacementTypeK2
	}
	route := r.IntN(10) // 0–3 s.20; 4–8 care order; 9 placement order
	ls := care.LegalStatusV2
	if route >= 4 {
		ls = care.LegalStatusC1
	}
	if route >= 4 && r.IntN(10) == 0 {
		pt = care.PlacementTypeP1 // placed with parents under an interim order
	}
	add(care.Episode{Start: start, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: ls, PlacementType: pt, CategoryOfNeed: need,
		DistanceMiles: synthDistance(r)})
	d := start
	for {
		stay := 30 + r.IntN(420)
		if r.IntN(3) == 0 {
			stay = 700 + r.IntN(1200) // a settled, long-term placement
		}
		last := eps[len(eps)-1]
		if last.LegalStatus == care.LegalStatusC1 {
			// The interim order lasts until the proceedings end. About 37%
			// of care proceedings finish within 26 weeks (MoJ, last quarter
			// of 2024): 5 to 7 months here, and a third longer (times the
			// team's lapse factor).
			stay = last.Start.AddDays(140 + r.IntN(80)).DaysSince(d)
			if g.lapse(r, 3) {
				stay += 30 + r.IntN(120)
			}
		}
		d = d.AddDays(stay)
		if !d.Before(asOf) {
			break
		}
		switch {
		case last.LegalStatus == care.LegalStatusC1:
			add(care.Episode{Start: d, ReasonNew: care.ReasonNewEpisodeL, LegalStatus: care.LegalStatusC2, PlacementType: last.PlacementType, CategoryOfNeed: need})
		case last.LegalStatus == care.LegalStatusC2 && route == 9 && care.AgeOn(dob, d) < 8:
			add(care.Episode{Start: d, ReasonNew: care.ReasonNewEpisodeL, LegalStatus: care.LegalStatusE1, PlacementType: last.PlacementType, CategoryOfNeed: need})
		case last.LegalStatus == care.LegalStatusE1 && !last.PlacementType.IsAdoptive():
			add(care.Episode{Start: d, ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusE1, PlacementType: care.PlacementTypeA6, CategoryOfNeed: need})
		case last.PlacementType.IsAdoptive():
			// The adoption order is made 6 to 14 months after the
			// placement for adoption.
			if d = last.Start.AddDays(180 + r.IntN(240)); d.Before(asOf) {
				end(d, care.ReasonEpisodeCeasedE11)
			}
			c.Care.Episodes = eps
			return
		case r.IntN(12) == 0 && last.LegalStatus == care.LegalStatusV2:
			end(d, care.ReasonEpisodeCeasedE4A)
			c.Care.Episodes = eps
			return
		default:
			next := foster()
			if care.AgeOn(dob, d) >= 16 && r.IntN(3) == 0 {
				next = care.PlacementTypeK3
			} else if care.AgeOn(dob, d) >= 12 && r.IntN(5) == 0 {
				next = care.PlacementTypeK2
			}
			if care.AgeOn(dob, d) >= 18 {
				end(d, care.ReasonEpisodeCeasedE5)
				c.Care.Episodes = eps
				return
			}
			add(care.Episode{Start: d, ReasonNew: care.ReasonNewEpisodeP, LegalStatus: last.LegalStatus, PlacementType: next, CategoryOfNeed: need,
				ReasonChange:  pick(r, care.ReasonPlacementChangeCARPL, care.ReasonPlacementChangeCHILD, care.ReasonPlacementChangeLAREQ, care.ReasonPlacementChangePLACE),
				DistanceMiles: synthDistance(r)})
		}
	}
	// Children reaching 18 leave care on their birthday.
	if eighteen := care.Birthday(dob, 18); !eighteen.After(asOf) {
		for len(eps) > 0 && !eps[len(eps)-1].Start.Before(eighteen) {
			eps = eps[:len(eps)-1]
		}
		if len(eps) > 0 {
			end(eighteen, care.ReasonEpisodeCeasedE5)
		}
	}
	c.Care.Episodes = eps
}

// synthDistance returns a home-to-placement distance in miles to one
// decimal place, unknown for about one placement in five.
func synthDistance(r *rand.Rand) decimal.NullDecimal {
	if r.IntN(5) == 0 {
		return decimal.NullDecimal{}
	}
	tenths := 5 + r.IntN(150)
	if r.IntN(6) == 0 {
		tenths = 200 + r.IntN(800) // over 20 miles
	}
	return decimal.NewNullDecimal(decimal.New(int64(tenths), -1))
}

// reviews generates the looked-after reviews, mostly on time, and the IRO.
func (g *synth) reviews(r *rand.Rand, c *Case) {
	if len(c.Care.Episodes) == 0 {
		return
	}
	asOf := g.asOf
	if first := c.Care.Episodes[0]; first.LegalStatus.IsShortBreak() {
		// Short breaks (reg 48): one IRO for the series, the first review
		// within three months of the first stay, then six-monthly.
		iro := fmt.Sprintf("IRO%03d", 1+r.IntN(40))
		appointed := first.Start.AddDays(r.IntN(5))
		alloc := review.IROAllocation{IROID: iro, Appointed: appointed, NamedInPlan: appointed.AddDays(r.IntN(5))}
		last := c.Care.Episodes[len(c.Care.Episodes)-1].End
		for held := first.Start.AddMonths(3).AddDays(-r.IntN(20)); held.Before(asOf) && !held.After(last.AddMonths(3)); held = held.AddMonths(6).AddDays(-r.IntN(20)) {
			if alloc.MetChild.IsZero() {
				alloc.MetChild = between(r, alloc.Appointed, held)
			}
			rv := review.Review{Held: held, ChairedBy: iro, ViewsRecorded: true, Participation: care.ParticipationPN5}
			if care.AgeOn(c.Care.Child.DateOfBirth, held) < 4 {
				rv.Participation = care.ParticipationPN0
			}
			rv.DecisionsCirculated = later(held, held.AddDays(1+r.IntN(4)))
			rv.RecordCompleted = held.AddDays(5 + r.IntN(14))
			for _, d := range []*care.Date{&rv.DecisionsCirculated, &rv.RecordCompleted} {
				if d.After(asOf) {
					*d = care.Date{}
				}
			}
			c.Review.Reviews = append(c.Review.Reviews, rv)
		}
		for _, d := range []*care.Date{&alloc.NamedInPlan, &alloc.Appointed} {
			if d.After(asOf) {
				*d = asOf
			}
		}
		c.Review.IRO = append(c.Review.IRO, alloc)
		return
	}
	for _, p := range care.PeriodsOfCare(c.Care.Episodes) {
		end := p.End
		if end.IsZero() || end.After(asOf) {
			end = asOf
		}
		iro := fmt.Sprintf("IRO%03d", 1+r.IntN(40))
		appointed := p.Start.AddDays(r.IntN(8))
		if appointed.After(end) {
			appointed = p.Start
		}
		alloc := review.IROAllocation{IROID: iro, Appointed: appointed, NamedInPlan: appointed.AddDays(r.IntN(10))}
		due := p.Start.AddDays(26 + r.IntN(4)) // about 20 working days
		for n := 0; ; n++ {
			held := due.AddDays(-r.IntN(14))
			if g.lapse(r, 7) {
				held = due.AddDays(3 + r.IntN(40)) // late
			}
			if !held.Before(end) {
				break
			}
			if n == 0 && !g.lapse(r, 6) {
				alloc.MetChild = between(r, appointed, held)
			}
			rv := review.Review{Held: held, ChairedBy: iro, ViewsRecorded: !g.lapse(r, 8)}
			if care.AgeOn(c.Care.Child.DateOfBirth, held) < 4 {
				rv.Participation = care.ParticipationPN0
			} else {
				rv.Participation = pick(r, care.ParticipationPN1, care.ParticipationPN1, care.ParticipationPN2, care.ParticipationPN3, care.ParticipationPN4, care.ParticipationPN5, care.ParticipationPN7)
			}
			if d := held.AddDays(2 + r.IntN(7)); !d.After(asOf) {
				rv.DecisionsCirculated = d
			}
			if d := held.AddDays(10 + r.IntN(25)); !d.After(asOf) {
				rv.RecordCompleted = d
			}
			for k := range 1 + r.IntN(4) {
				rec := review.Recommendation{Ref: fmt.Sprintf("R%d.%d", n+1, k+1), Owner: pick(r, "social worker", "team manager", "IRO", "carer", "virtual school"),
					Due: held.AddDays(14 + r.IntN(70))}
				if g.lapse(r, 15) {
					rec.Owner = ""
				}
				if !g.lapse(r, 25) {
					if d := rec.Due.AddDays(-r.IntN(20) + r.IntN(5)); d.After(held) && !d.After(asOf) {
						rec.Completed = d
					}
				}
				rv.Recommendations = append(rv.Recommendations, rec)
			}
			c.Review.Reviews = append(c.Review.Reviews, rv)
			if n == 0 {
				due = held.AddMonths(3)
			} else {
				due = held.AddMonths(6)
			}
			if !g.lapse(r, 25) {
				mid := held.AddDays(due.DaysSince(held) / 2).AddDays(r.IntN(10))
				if mid.Before(end) {
					c.Review.MidwayChecks = append(c.Review.MidwayChecks, review.MidwayCheck{Date: mid, IROID: iro, Outcome: pick(r, review.CheckOutcomeOnTrack, review.CheckOutcomeOnTrack, review.CheckOutcomeActionNeeded)})
				}
			}
		}
		if alloc.NamedInPlan.After(asOf) {
			alloc.NamedInPlan = care.Date{}
		}
		c.Review.IRO = append(c.Review.IRO, alloc)
	}
}

// supervision generates the case's allocation history, case discussions
// and management directions. About one child in six has a long gap.
func (g *synth) supervision(r *rand.Rand, c *Case, w int) {
	if len(c.Care.Episodes) == 0 {
		return
	}
	asOf := g.asOf
	start := c.Care.Episodes[0].Start
	last := c.Care.Episodes[len(c.Care.Episodes)-1]
	end := asOf
	if !last.End.IsZero() && last.End.Before(asOf) {
		end = last.End
	}
	if !start.Before(end) {
		return
	}
	child := c.Care.Child.ID
	// A newly qualified worker (w%8 == 7) takes the case over from an
	// experienced colleague once in post; other cases are sometimes
	// reallocated between experienced workers.
	first, next := w, -1
	switchDay := care.Date{}
	if w%8 == 7 {
		first, next = w-1, w
		switchDay = later(g.start[w], start.AddDays(1))
	} else if r.IntN(3) == 0 {
		next = w - w%8 + (w%8+1+r.IntN(5))%7
		if next >= g.workerN {
			next = w - w%8
		}
		switchDay = between(r, start.AddDays(1), end)
	}
	worker := workerID(first)
	from := start
	if next >= 0 && next != first && switchDay.Before(end) {
		c.Supervision.Allocations = append(c.Supervision.Allocations, supervision.Allocation{Child: child, Worker: worker, From: from, To: switchDay})
		from = switchDay
		worker = workerID(next)
	}
	alloc := supervision.Allocation{Child: child, Worker: worker, From: from}
	if end.Before(asOf) {
		alloc.To = end
	}
	c.Supervision.Allocations = append(c.Supervision.Allocations, alloc)
	gapChild := g.lapse(r, 6)
	k := 0
	discussed := end
	if !g.stall.IsZero() && end.Equal(asOf) && g.stall.After(start) {
		discussed = g.stall
	}
	for d := start.AddDays(7 + r.IntN(28)); d.Before(discussed); d = d.AddDays(28 + r.IntN(16)) {
		if gapChild && r.IntN(5) == 0 {
			d = d.AddDays(60 + r.IntN(90))
			if !d.Before(discussed) {
				break
			}
		}
		holder, ok := c.Supervision.WorkerOn(d)
		if !ok {
			continue
		}
		note := supervision.CaseNote{Child: child, Progress: "progress discussed", Worries: "worries discussed",
			Risks: "risks discussed", FutureFocus: "focus of work agreed"}
		if g.lapse(r, 4) { // a thin record: one element missing
			switch r.IntN(4) {
			case 0:
				note.Progress = ""
			case 1:
				note.Worries = ""
			case 2:
				note.Risks = ""
			default:
				note.FutureFocus = ""
			}
		}
		if r.IntN(3) == 0 {
			k++
			id := fmt.Sprintf("%s-D%d", child, k)
			dir := supervision.Direction{ID: id, Child: child, Text: "action agreed in supervision", Owner: holder, Given: d, Due: d.AddDays(14 + r.IntN(28))}
			if g.lapse(r, 12) {
				dir.Owner = ""
			}
			if !g.lapse(r, 20) {
				if rv := dir.Due.AddDays(-r.IntN(14) + r.IntN(4)); rv.After(d) && !rv.After(asOf) {
					dir.Reviewed = rv
				}
			}
			c.Supervision.Directions = append(c.Supervision.Directions, dir)
			note.Directions = []string{id}
		}
		c.Supervision.Discussions = append(c.Supervision.Discussions, supervision.Discussion{
			Date: d, Supervisor: "TM" + worker[2:], Worker: holder, Kind: supervision.SessionKindCaseDiscussion, CaseNote: note})
	}
}

// permanence generates the permanence plan, care proceedings and adoption
// milestones from the legal statuses of the episodes.
func (g *synth) permanence(r *rand.Rand, c *Case) {
	if len(c.Care.Episodes) == 0 || c.Care.Episodes[0].LegalStatus.IsShortBreak() {
		return
	}
	asOf := g.asOf
	periods := care.PeriodsOfCare(c.Care.Episodes)
	cur := periods[len(periods)-1]
	var firstC1, firstC2, firstE1, firstA care.Date
	for _, e := range c.Care.Episodes {
		if e.Start.Before(cur.Start) {
			continue
		}
		switch {
		case e.LegalStatus == care.LegalStatusC1 && firstC1.IsZero():
			firstC1 = e.Start
		case e.LegalStatus == care.LegalStatusC2 && firstC2.IsZero():
			firstC2 = e.Start
		case e.LegalStatus == care.LegalStatusE1 && firstE1.IsZero():
			firstE1 = e.Start
		}
		if e.PlacementType.IsAdoptive() && firstA.IsZero() {
			firstA = e.Start
		}
	}
	var ts []permanence.Transition
	step := func(d care.Date, route permanence.Route, s permanence.State, primary bool) care.Date {
		if d.After(asOf) || (!cur.End.IsZero() && !d.Before(cur.End)) {
			return care.Date{}
		}
		ts = append(ts, permanence.Transition{Date: d, Route: route, State: s, Primary: primary})
		return d
	}
	d := cur.Start.AddDays(20 + r.IntN(90))
	if g.lapse(r, 8) {
		d = cur.Start.AddDays(200 + r.IntN(200)) // late plan for permanence
	}
	primary := permanence.RouteReturnHome
	switch {
	case !firstE1.IsZero():
		primary = permanence.RouteAdoption
	case !firstC2.IsZero():
		primary = pick(r, permanence.RouteLongTermFostering, permanence.RouteSpecialGuardianship, permanence.RouteLongTermFostering)
	case care.AgeOn(c.Care.Child.DateOfBirth, cur.Start) >= 15:
		primary = permanence.RouteLongTermFostering
		if c.Care.Episodes[len(c.Care.Episodes)-1].PlacementType == care.PlacementTypeK2 {
			primary = permanence.RouteResidential
		}
	}
	if step(d, primary, permanence.StateConsidered, true).IsZero() {
		return
	}
	// Parallel planning: an alternative for uncertain routes, mostly.
	if primary == permanence.RouteReturnHome && r.IntN(4) != 0 {
		alt := pick(r, permanence.RouteLongTermFostering, permanence.RouteSpecialGuardianship)
		if !step(d.AddDays(r.IntN(20)), alt, permanence.StateConsidered, false).IsZero() {
			step(d.AddDays(25+r.IntN(40)), alt, permanence.StateAssessing, false)
		}
	}
	d = d.AddDays(30 + r.IntN(120))
	if g.lapse(r, 6) {
		d = d.AddDays(120 + r.IntN(120)) // drift
	}
	if step(d, primary, permanence.StateAssessing, true).IsZero() {
		goto proceedings
	}
	d = d.AddDays(40 + r.IntN(100))
	if step(d, primary, permanence.StateAgreed, true).IsZero() {
		goto proceedings
	}
	// Then each route moves on to its end, unless the plan stalls (a lapse
	// of the team's).
	switch primary {
	case permanence.RouteLongTermFostering, permanence.RouteResidential:
		if !g.lapse(r, 10) { // the placement confirmed as long-term
			step(d.AddDays(60+r.IntN(140)), primary, permanence.StateAchieved, true)
		}
	case permanence.RouteSpecialGuardianship:
		if g.lapse(r, 10) {
			break
		}
		if a := step(d.AddDays(30+r.IntN(60)), primary, permanence.StateApplication, true); !a.IsZero() && !g.lapse(r, 10) {
			step(a.AddDays(60+r.IntN(90)), primary, permanence.StateOrderMade, true)
		}
	case permanence.RouteReturnHome:
		// A return home that has not happened within about nine months of
		// being agreed gives way to long-term fostering.
		if g.lapse(r, 10) {
			break
		}
		if sw := step(d.AddDays(240+r.IntN(90)), permanence.RouteLongTermFostering, permanence.StateAgreed, true); !sw.IsZero() && !g.lapse(r, 10) {
			step(sw.AddDays(60+r.IntN(140)), permanence.RouteLongTermFostering, permanence.StateAchieved, true)
		}
	}
	if primary == permanence.RouteAdoption && !firstE1.IsZero() {
		step(later(d.AddDays(1), firstE1.AddDays(-10)), primary, permanence.StateApplication, true)
		step(later(d.AddDays(2), firstE1), primary, permanence.StateOrderMade, true)
		if !firstA.IsZero() {
			step(later(d.AddDays(3), firstA), primary, permanence.StateAchieved, true)
		}
	}
proceedings:
	c.Permanence.Plan.Transitions = sortTransitions(ts)
	if !firstC1.IsZero() {
		pr := permanence.Proceedings{Issued: firstC1}
		if r.IntN(3) == 0 {
			if gr := firstC1.AddDays(170 + r.IntN(10)); !gr.After(asOf) && (firstC2.IsZero() || gr.Before(firstC2)) {
				// The court extends the 26 weeks by 4 or 8 weeks (CA89
				// s.32(5), (8)), recorded as the day the extension ends.
				days := 28 + 28*r.IntN(2)
				if limit, err := permanence.ProceedingsFinalDay(firstC1, nil, gr); err == nil {
					pr.Extensions = append(pr.Extensions, permanence.Extension{Granted: gr, Ends: limit.Due.AddDays(days)})
				}
			}
		}
		// The proceedings end when the interim order does: with the care
		// order (or placement order) that replaces it, or with no order when
		// the application is withdrawn or the child leaves care under it.
		if end, next, ok := interimOrderEnd(c.Care.Episodes, firstC1); ok && !end.After(asOf) {
			pr.FinalOrder = end
			switch {
			case next == care.LegalStatusC2:
				pr.FinalOrderKind = permanence.OrderKindCare
			case next == care.LegalStatusE1:
				pr.FinalOrderKind = permanence.OrderKindPlacement
			case next == care.LegalStatusUnknown:
				pr.FinalOrderKind = permanence.OrderKindNone
			default:
				pr.FinalOrderKind = permanence.OrderKindWithdrawn
			}
			for len(pr.Extensions) > 0 && pr.Extensions[len(pr.Extensions)-1].Granted.After(end) {
				pr.Extensions = pr.Extensions[:len(pr.Extensions)-1]
			}
		}
		c.Permanence.Proceedings = append(c.Permanence.Proceedings, pr)
	}
	if !firstE1.IsZero() {
		a := permanence.Adoption{PlacementOrder: firstE1}
		if !firstA.IsZero() {
			a.Match = firstA.AddDays(-20 - r.IntN(40))
			if a.Match.Before(firstE1) {
				a.Match = firstE1
			}
			a.Placed = firstA
			if last := c.Care.Episodes[len(c.Care.Episodes)-1]; last.ReasonCeased == care.ReasonEpisodeCeasedE11 {
				a.AdoptionOrder = last.End
			}
		}
		for rv := firstE1.AddMonths(3).AddDays(-r.IntN(10)); rv.Before(asOf) && (a.Placed.IsZero() || rv.Before(a.Placed)); rv = rv.AddMonths(6).AddDays(-r.IntN(10)) {
			a.Reviews = append(a.Reviews, rv)
		}
		// After the placement for adoption: a review within 4 weeks, the
		// next within 3 months of it, then 6-monthly, until the adoption
		// order (AAR 2005 reg 36(3)).
		if !a.Placed.IsZero() {
			until := asOf
			if !a.AdoptionOrder.IsZero() && a.AdoptionOrder.Before(until) {
				until = a.AdoptionOrder
			}
			gap := func(d care.Date, days int) care.Date {
				if g.lapse(r, 8) {
					return d.AddDays(days + 5 + r.IntN(30))
				}
				return d.AddDays(days - r.IntN(10))
			}
			for rv, n := gap(a.Placed, 28), 0; rv.Before(until); n++ {
				a.Reviews = append(a.Reviews, rv)
				if n == 0 {
					rv = gap(rv, 90)
				} else {
					rv = gap(rv, 182)
				}
			}
		}
		c.Permanence.Adoption = a
	}
}

// interimOrderEnd returns the day the run of interim care order (C1)
// episodes starting on from ends, the legal status that follows it
// (LegalStatusUnknown when the child left care), and false while it runs.
func interimOrderEnd(eps []care.Episode, from care.Date) (care.Date, care.LegalStatus, bool) {
	k := slices.IndexFunc(eps, func(e care.Episode) bool { return e.Start.Equal(from) })
	if k < 0 {
		return care.Date{}, care.LegalStatusUnknown, false
	}
	for k+1 < len(eps) && eps[k+1].LegalStatus == care.LegalStatusC1 && eps[k+1].Start.Equal(eps[k].End) {
		k++
	}
	switch {
	case eps[k].End.IsZero():
		return care.Date{}, care.LegalStatusUnknown, false
	case k+1 < len(eps) && eps[k+1].Start.Equal(eps[k].End):
		return eps[k].End, eps[k+1].LegalStatus, true
	}
	return eps[k].End, care.LegalStatusUnknown, true
}

func sortTransitions(ts []permanence.Transition) []permanence.Transition {
	sortBy(ts, func(t permanence.Transition) care.Date { return t.Date })
	return ts
}

// dataset assembles the authority's supervision data: the workers, an
// individual supervision session for each worker about every four weeks
// (with some long gaps), and every case's allocations, discussions and
// directions.
func (g *synth) dataset(cases []Case) supervision.Dataset {
	r := g.rng(1<<62 + 1)
	var d supervision.Dataset
	d.Since = g.asOf.AddYears(-3)
	for i := range g.workerN {
		w := supervision.Worker{ID: workerID(i), Registered: true, Team: g.team[i], Office: g.office[i], Start: g.start[i], ASYE: g.asye[i]}
		if !g.asye[i].IsZero() {
			w.Qualified = g.asye[i].AddDays(-r.IntN(60))
		}
		d.Workers = append(d.Workers, w)
		from := later(w.Start, d.Since)
		gappy := r.IntN(5) == 0
		for s := from.AddDays(r.IntN(14)); s.Before(g.asOf); {
			d.Sessions = append(d.Sessions, supervision.Session{Date: s, Supervisor: "TM" + w.ID[2:], Worker: w.ID, Kind: supervision.SessionKindIndividual})
			step := 21 + r.IntN(14)
			if !w.ASYE.IsZero() && s.Before(w.ASYE.AddMonths(6)) {
				step = 7 + r.IntN(7)
			}
			if gappy && r.IntN(6) == 0 {
				step += 40 + r.IntN(100)
			}
			s = s.AddDays(step)
		}
	}
	for _, c := range cases {
		d.Allocations = append(d.Allocations, c.Supervision.Allocations...)
		d.Directions = append(d.Directions, c.Supervision.Directions...)
		for _, dn := range c.Supervision.Discussions {
			d.Sessions = append(d.Sessions, supervision.Session{Date: dn.Date, Supervisor: dn.Supervisor, Worker: dn.Worker, Kind: dn.Kind,
				Cases: []supervision.CaseNote{dn.CaseNote}})
		}
	}
	sortBy(d.Sessions, func(s supervision.Session) care.Date { return s.Date })
	return d
}

// careEnd returns the day a period (of care, or a placement) ended, or
// asOf if it goes on.
func (g *synth) careEnd(p care.Period) care.Date {
	if p.End.IsZero() || p.End.After(g.asOf) {
		return g.asOf
	}
	return p.End
}

// workEnd is careEnd, brought forward to the day work stopped on a stalled
// case.
func (g *synth) workEnd(p care.Period) care.Date {
	end := g.careEnd(p)
	if !g.stall.IsZero() && end.Equal(g.asOf) && g.stall.After(p.Start) {
		return g.stall
	}
	return end
}

// planning generates visits, plans, notifications, events, reassessments,
// chronology, health and education records, mostly on time.
func (g *synth) planning(r *rand.Rand, c *Case) {
	if len(c.Care.Episodes) == 0 {
		return
	}
	asOf := g.asOf
	dob := c.Care.Child.DateOfBirth
	short := c.Care.Episodes[0].LegalStatus.IsShortBreak()
	if short {
		// Short breaks: one short-break care plan for the series, and a
		// visit within three months, then six-monthly, on days the child is
		// placed.
		first := c.Care.Episodes[0].Start
		c.Care.CarePlans = append(c.Care.CarePlans, care.CarePlan{Agreed: later(first.AddDays(-r.IntN(10)), c.Care.Child.DateOfBirth), PermanencePlan: "short breaks; the child lives at home",
			HealthPlan: true, PEP: true, IROName: "IRO", ChildWishes: true, ParentWishes: true,
			Actions: []care.PlanAction{{Action: "review the short-break pattern", Owner: "social worker", Outcome: "breaks meet the family's needs", Due: g.asOf.AddMonths(3)}}})
		next := c.Care.Episodes[0].Start.AddMonths(3)
		for _, e := range c.Care.Episodes {
			if !e.Start.Before(next.AddDays(-60)) && e.Start.Before(asOf) {
				c.Care.Visits = append(c.Care.Visits, care.Visit{Date: e.Start, Kind: care.VisitKindStatutory, ChildSeen: true, SeenAlone: care.SeenAloneNotAppropriate, ViewsRecorded: true, WrittenUp: later(e.Start, e.Start.AddDays(1+r.IntN(3)))})
				next = e.Start.AddMonths(6)
			}
		}
		return
	}
	late := func(d care.Date, onTime, maxLate int) care.Date {
		if g.lapse(r, onTime) {
			return d.AddDays(1 + r.IntN(maxLate))
		}
		return d.AddDays(-r.IntN(3))
	}
	for _, pl := range care.Placements(c.Care.Episodes) {
		end := g.workEnd(pl.Period)
		start := pl.Period.Start
		if !start.Before(asOf) {
			continue
		}
		if d := late(start.AddDays(4), 8, 10); !d.After(asOf) {
			c.Care.PlacementPlans = append(c.Care.PlacementPlans, care.PlacementPlan{PlacementStart: start, Prepared: later(d, start)})
		}
		if d := late(start.AddDays(3), 10, 8); !d.After(asOf) {
			c.Care.Notifications = append(c.Care.Notifications, care.Notification{PlacementStart: start, Recipient: care.RecipientIRO, Sent: later(d, start)})
		}
		// Statutory visits: within a week, then about every five to six
		// weeks, sometimes late.
		v := start.AddDays(r.IntN(7))
		if g.lapse(r, 10) {
			v = start.AddDays(8 + r.IntN(10))
		}
		for v.Before(end) {
			visit := care.Visit{Date: v, Kind: care.VisitKindStatutory, ChildSeen: !g.lapse(r, 30), ViewsRecorded: !g.lapse(r, 12),
				Purpose: "statutory visit", PlanAction: "care plan review of progress"}
			if visit.ChildSeen {
				visit.SeenAlone = pick(r, care.SeenAloneYes, care.SeenAloneYes, care.SeenAloneYes, care.SeenAloneNotAppropriate)
			}
			if g.lapse(r, 12) {
				visit.PlanAction = ""
			}
			wd := r.IntN(4)
			if g.lapse(r, 8) {
				wd = 5 + r.IntN(10)
			}
			if w := v.AddDays(wd); !w.After(asOf) {
				visit.WrittenUp = w
			}
			c.Care.Visits = append(c.Care.Visits, visit)
			step := 28 + r.IntN(14)
			if g.lapse(r, 8) {
				step = 43 + r.IntN(30)
			}
			if c.Care.Episodes[pl.First].PlacementType.IsWithParents() {
				// Placed with parents under an interim order: weekly until
				// the first review, then four-weekly (reg 28(4)).
				step = 5 + r.IntN(3)
				if v.DaysSince(start) > 35 {
					step = 20 + r.IntN(9)
				}
			}
			v = v.AddDays(step)
		}
		// An event for each placement change after the first.
		if pl.First > 0 && c.Care.Episodes[pl.First].ReasonNew != care.ReasonNewEpisodeS {
			g.event(r, c, start, care.EventKindPlacementChange)
		}
	}
	for _, p := range care.PeriodsOfCare(c.Care.Episodes) {
		start, end := p.Start, g.workEnd(p)
		if !start.Before(asOf) {
			continue
		}
		// Care plan, agreed within about ten working days, then updated
		// around each review.
		agreed := late(start.AddDays(10), 7, 20)
		for agreed.Before(end) {
			cp := care.CarePlan{Agreed: agreed, PermanencePlan: "plan for permanence recorded", HealthPlan: true, PEP: true,
				IROName: "IRO", ChildWishes: true, ParentWishes: true}
			if g.lapse(r, 6) { // one required part missing
				switch r.IntN(4) {
				case 0:
					cp.PermanencePlan = ""
				case 1:
					cp.HealthPlan = false
				case 2:
					cp.ChildWishes = false
				default:
					cp.ParentWishes = false
				}
			}
			for k := range 1 + r.IntN(4) {
				a := care.PlanAction{Action: fmt.Sprintf("action %d", k+1), Owner: "social worker", Outcome: "outcome for the child",
					Due: agreed.AddDays(30 + r.IntN(150))}
				if g.lapse(r, 15) {
					a.Owner = ""
				}
				if d := a.Due.AddDays(-r.IntN(30) + r.IntN(5)); !g.lapse(r, 8) && d.After(agreed) && !d.After(asOf) {
					a.Completed = d
				}
				cp.Actions = append(cp.Actions, a)
			}
			c.Care.CarePlans = append(c.Care.CarePlans, cp)
			agreed = agreed.AddMonths(6).AddDays(-r.IntN(20))
		}
		// Initial health assessment before the first review (held from
		// about 15 days in), then reviews at 6 or 12 months by age.
		ha := late(start.AddDays(12), 4, 40)
		kind := care.HealthAssessmentKindInitial
		for ha.Before(end) {
			c.Care.HealthAssessments = append(c.Care.HealthAssessments, care.HealthAssessment{Date: ha, Kind: kind, By: pick(r, care.AssessorDoctor, care.AssessorNurse), WrittenReport: true})
			kind = care.HealthAssessmentKindReview
			if care.AgeOn(dob, ha) < 5 {
				ha = late(ha.AddMonths(6), 6, 30)
			} else {
				ha = late(ha.AddMonths(12), 6, 60)
			}
		}
		for d := later(start, care.Birthday(dob, 4)).AddMonths(6 + r.IntN(6)); d.Before(end) && care.AgeOn(dob, d) < 17; d = late(d.AddMonths(12), 5, 60) {
			c.Care.SDQs = append(c.Care.SDQs, care.SDQ{Date: d, Score: r.IntN(30)})
		}
		for d := start.AddMonths(2 + r.IntN(6)); d.Before(end); d = late(d.AddMonths(12), 4, 90) {
			c.Care.DentalChecks = append(c.Care.DentalChecks, care.DentalCheck{Date: d})
		}
		// A personal education plan for children of school age, reviewed
		// each term.
		if pepFrom := later(start, care.Birthday(dob, 4)); care.AgeOn(dob, pepFrom) < 16 && pepFrom.Before(end) {
			pep := care.PEP{Initiated: later(pepFrom, late(pepFrom.AddDays(12), 6, 20)), Targets: []string{"reading", "attendance"}}
			if g.lapse(r, 6) {
				pep.Targets = nil
			}
			if r.IntN(5) != 0 {
				pep.PupilPremium = care.PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.New(257000, -2)), PlannedUse: "tutoring"}
			}
			if pep.Initiated.Before(end) {
				for d := pep.Initiated.AddDays(60 + r.IntN(30)); d.Before(end) && care.AgeOn(dob, d) < 16; d = d.AddDays(85 + r.IntN(20)) {
					pep.Reviews = append(pep.Reviews, d)
				}
				c.Care.PEPs = append(c.Care.PEPs, pep)
			}
		}
	}
	// The assessment is updated before most reviews.
	for i, rv := range c.Review.Reviews {
		if i > 0 && !g.lapse(r, 6) {
			c.Care.Assessments = append(c.Care.Assessments, care.Assessment{Completed: rv.Held.AddDays(-3 - r.IntN(20)), Kind: care.AssessmentKindUpdate})
		}
	}
	sortEvents(c)
}

// event records a significant event with, mostly, a chronology entry and a
// reassessment.
func (g *synth) event(r *rand.Rand, c *Case, d care.Date, kind care.EventKind) {
	c.Care.Events = append(c.Care.Events, care.Event{Date: d, Kind: kind})
	if rec := d.AddDays(r.IntN(8)); !g.lapse(r, 15) && !rec.After(g.asOf) {
		c.Care.Chronology = append(c.Care.Chronology, care.ChronologyEntry{Event: d, Recorded: rec})
	}
	if done := d.AddDays(5 + r.IntN(30)); !g.lapse(r, 5) && !done.After(g.asOf) {
		c.Care.Assessments = append(c.Care.Assessments, care.Assessment{Completed: done, Kind: care.AssessmentKindUpdate})
	}
}

func sortEvents(c *Case) {
	sortBy(c.Care.Events, func(e care.Event) care.Date { return e.Date })
	sortBy(c.Care.Chronology, func(e care.ChronologyEntry) care.Date { return e.Event })
	sortBy(c.Care.Assessments, func(e care.Assessment) care.Date { return e.Completed })
}

func sortBy[T any](xs []T, key func(T) care.Date) {
	slices.SortStableFunc(xs, func(a, b T) int { return key(a).Compare(key(b)) })
}

// safeguarding generates missing episodes (mostly for teenagers), risk
// meetings, placement approvals and care-leaver records.
func (g *synth) safeguarding(r *rand.Rand, c *Case) {
	if len(c.Care.Episodes) == 0 || c.Care.Episodes[0].LegalStatus.IsShortBreak() {
		return
	}
	asOf := g.asOf
	dob := c.Care.Child.DateOfBirth
	periods := care.PeriodsOfCare(c.Care.Episodes)
	cur := periods[len(periods)-1]
	end := g.careEnd(cur)
	if care.AgeOn(dob, cur.Start) >= 12 && r.IntN(5) == 0 {
		n := 1 + r.IntN(6)
		d := cur.Start.AddDays(20 + r.IntN(60))
		for range n {
			if !d.Before(end.AddDays(-3)) {
				break
			}
			back := d.AddDays(r.IntN(3))
			ep := care.MissingEpisode{Type: pick(r, care.MissingTypeMissing, care.MissingTypeMissing, care.MissingTypeAway),
				Start: d, StartTime: care.MustClock(14+r.IntN(9), 0), End: back, EndTime: care.MustClock(r.IntN(24), 30)}
			if !back.After(d) && ep.EndTime.Minutes() <= ep.StartTime.Minutes() {
				ep.EndTime = care.MustClock(23, 45)
			}
			if !g.lapse(r, 6) {
				held := back.AddDays(1 + r.IntN(4))
				if !held.After(asOf) {
					ep.Interview = care.ReturnInterview{Offered: care.Moment{Date: back.AddDays(1)}, Held: care.Moment{Date: held}}
				}
			} else if offered := back.AddDays(1); r.IntN(2) == 0 && !offered.After(asOf) {
				ep.Interview = care.ReturnInterview{Offered: care.Moment{Date: offered}, Declined: true}
			}
			c.Care.MissingEpisodes = append(c.Care.MissingEpisodes, ep)
			g.event(r, c, d, care.EventKindMissing)
			d = back.AddDays(5 + r.IntN(40))
		}
		if n >= 3 {
			m := d.AddDays(-r.IntN(10))
			for k := 0; k < 3 && m.Before(end); k++ {
				c.Care.RiskMeetings = append(c.Care.RiskMeetings, care.RiskMeeting{Date: m, Risk: pick(r, care.RiskLevelHigh, care.RiskLevelMedium, care.RiskLevelLow)})
				m = m.AddDays(30 + r.IntN(20))
			}
		}
		sortEvents(c)
	}
	// Approvals: distant placements and Key Stage 4 moves, and the
	// decision to cease looking after the child.
	for i, e := range c.Care.Episodes {
		if e.ReasonNew == care.ReasonNewEpisodeL || e.Start.After(asOf) {
			continue
		}
		if e.DistanceMiles.Valid && e.DistanceMiles.Decimal.GreaterThan(decimal.NewFromInt(20)) && !g.lapse(r, 6) {
			c.Care.PlacementApprovals = append(c.Care.PlacementApprovals, care.PlacementApproval{Placement: e.Start, Kind: care.ApprovalKindLocation,
				Location: care.PlacementLocationInArea, Approver: care.ApproverNominatedOfficer, Approved: e.Start.AddDays(-r.IntN(3))})
		}
		age := care.AgeOn(dob, e.Start)
		if i > 0 && (age == 14 || age == 15 || age == 16) && !g.lapse(r, 5) {
			c.Care.PlacementApprovals = append(c.Care.PlacementApprovals, care.PlacementApproval{Placement: e.Start, Kind: care.ApprovalKindKeyStage4,
				Approver: care.ApproverNominatedOfficer, Approved: e.Start.AddDays(-r.IntN(5)), DesignatedTeacherConsulted: true, IROConsulted: true})
		}
	}
	sortBy(c.Care.PlacementApprovals, func(a care.PlacementApproval) care.Date { return a.Placement })
	for _, p := range periods {
		if !p.End.IsZero() && !p.End.After(asOf) && !g.lapse(r, 6) {
			c.Care.CeasingApprovals = append(c.Care.CeasingApprovals, care.CeasingApproval{Ceased: p.End, Approver: care.ApproverDirector,
				Approved: p.End.AddDays(-2 - r.IntN(10)), IROConsulted: true})
		}
	}
	// Care leavers: a needs assessment around the 16th birthday, a pathway
	// plan and a personal adviser, reviews six-monthly.
	sixteen := care.Birthday(dob, 16)
	if sixteen.Before(asOf) && cur.Contains(later(sixteen, cur.Start)) && cur.Start.Before(sixteen.AddDays(-100)) {
		na := later(sixteen, cur.Start).AddDays(20 + r.IntN(100))
		if na.Before(asOf) {
			c.Care.LeavingCare.NeedsAssessments = append(c.Care.LeavingCare.NeedsAssessments, care.NeedsAssessment{Completed: na})
			pp := na.AddDays(r.IntN(30))
			if pp.Before(asOf) {
				c.Care.LeavingCare.PathwayPlans = append(c.Care.LeavingCare.PathwayPlans, care.PathwayPlan{Prepared: pp})
				c.Care.LeavingCare.Advisers = append(c.Care.LeavingCare.Advisers, care.PersonalAdviser{Adviser: "PA01", Appointed: pp.AddDays(-r.IntN(10))})
				for d := pp.AddMonths(6).AddDays(-r.IntN(20)); d.Before(asOf); d = d.AddMonths(6).AddDays(-r.IntN(20) + r.IntN(25)) {
					c.Care.LeavingCare.PathwayReviews = append(c.Care.LeavingCare.PathwayReviews, care.PathwayReview{Date: d})
				}
			}
		}
	}
}
