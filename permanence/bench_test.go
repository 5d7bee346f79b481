package permanence_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

var benchAsOf = day("2025-03-31")

// syntheticCohort builds n synthetic children ("C00001", …) with seeded
// random histories: periods of care under s.20 or an interim care order,
// plans with a primary and a parallel route, care proceedings with
// extensions, and adoptions and special guardianship notices for some.
func syntheticCohort(n int, seed uint64) []permanence.Case {
	r := rand.New(rand.NewPCG(seed, 1))
	base := day("2021-01-01")
	cases := make([]permanence.Case, n)
	for i := range cases {
		entered := base.AddDays(r.IntN(1200))
		in := permanence.Inputs{
			Child:        care.Child{ID: "C" + pad(i+1), DateOfBirth: entered.AddDays(-r.IntN(4000))},
			SecondReview: entered.AddDays(110 + r.IntN(20)),
		}
		var rec permanence.Record
		// Episodes: s.20 then an interim care order, or an order from the start.
		ls := care.LegalStatusC1
		if r.IntN(10) < 4 {
			ls = care.LegalStatusV2
		}
		in.Episodes = append(in.Episodes, care.Episode{Start: entered, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: ls, PlacementType: care.PlacementTypeU6})
		if ls == care.LegalStatusV2 && r.IntN(2) == 0 {
			change := entered.AddDays(30 + r.IntN(250))
			if change.Before(benchAsOf) {
				in.Episodes[0].End, in.Episodes[0].ReasonCeased = change, care.ReasonEpisodeCeasedX1
				in.Episodes = append(in.Episodes, care.Episode{Start: change, ReasonNew: care.ReasonNewEpisodeL, LegalStatus: care.LegalStatusC1, PlacementType: care.PlacementTypeU6})
			}
		}
		// Proceedings.
		if ls != care.LegalStatusV2 || len(in.Episodes) > 1 {
			pr := permanence.Proceedings{Issued: in.Episodes[len(in.Episodes)-1].Start}
			granted, ends := pr.Issued.AddDays(150), pr.Issued.AddDays(7*26-1)
			for range r.IntN(3) {
				ends = later(ends, granted).AddDays(14 + r.IntN(43)) // at most 8 weeks (s.32(8))
				pr.Extensions = append(pr.Extensions, permanence.Extension{Granted: granted, Ends: ends})
				granted = granted.AddDays(30)
			}
			if final := granted.AddDays(r.IntN(120)); final.Before(benchAsOf) {
				pr.FinalOrder, pr.FinalOrderKind = final, permanence.OrderKindCare
			}
			rec.Proceedings = append(rec.Proceedings, pr)
		}
		// Plan: a primary route moving forward and a parallel route ruled out.
		routes := [...]permanence.Route{permanence.RouteReturnHome, permanence.RouteSpecialGuardianship,
			permanence.RouteAdoption, permanence.RouteLongTermFostering}
		prim := routes[r.IntN(len(routes))]
		alt := routes[(slices.Index(routes[:], prim)+1+r.IntN(len(routes)-1))%len(routes)]
		steps := []permanence.State{permanence.StateConsidered, permanence.StateAssessing, permanence.StateRecommended, permanence.StateAgreed}
		if prim.RequiresApplication() {
			steps = append(steps, permanence.StateApplication, permanence.StateOrderMade)
		}
		steps = append(steps, permanence.StateAchieved)
		var ts []permanence.Transition
		d := entered.AddDays(r.IntN(60))
		for k, s := range steps {
			if d.After(benchAsOf) {
				break
			}
			ts = append(ts, permanence.Transition{Date: d, Route: prim, State: s, Primary: k == 0})
			d = d.AddDays(20 + r.IntN(130))
		}
		d = entered.AddDays(r.IntN(90))
		for _, s := range []permanence.State{permanence.StateConsidered, permanence.StateAssessing, permanence.StateRuledOut} {
			if d.After(benchAsOf) {
				break
			}
			t := permanence.Transition{Date: d, Route: alt, State: s}
			if s == permanence.StateRuledOut {
				t.Reason = "assessment negative"
			}
			ts = append(ts, t)
			d = d.AddDays(30 + r.IntN(150))
		}
		slices.SortStableFunc(ts, func(a, b permanence.Transition) int { return cmp.Compare(a.Date.DaysSince(b.Date), 0) })
		rec.Plan.Transitions = ts
		// Adoption for some children: authority, match, placement, order, reviews.
		if r.IntN(5) == 0 {
			last := in.Episodes[len(in.Episodes)-1]
			po := last.Start.AddDays(120 + r.IntN(200))
			if po.Before(benchAsOf) {
				a := permanence.Adoption{PlacementOrder: po}
				match := po.AddDays(r.IntN(200) - 30)
				placed := match.AddDays(1 + r.IntN(60))
				if placed.Before(po) {
					placed = po.AddDays(1)
				}
				if !match.After(benchAsOf) {
					a.Match = match
				}
				if placed.Before(benchAsOf) {
					a.Placed = placed
					in.Episodes[len(in.Episodes)-1].End, in.Episodes[len(in.Episodes)-1].ReasonCeased = placed, care.ReasonEpisodeCeasedX1
					adoptive := care.Episode{Start: placed, ReasonNew: care.ReasonNewEpisodeB, LegalStatus: care.LegalStatusE1, PlacementType: care.PlacementTypeA6}
					if order := placed.AddDays(70 + r.IntN(200)); order.Before(benchAsOf) {
						a.AdoptionOrder = order
						adoptive.End, adoptive.ReasonCeased = order, care.ReasonEpisodeCeasedE11
					}
					in.Episodes = append(in.Episodes, adoptive)
				}
				for rv := po.AddDays(60 + r.IntN(40)); rv.Before(benchAsOf) && (a.AdoptionOrder.IsZero() || rv.Before(a.AdoptionOrder)); rv = rv.AddDays(80 + r.IntN(120)) {
					a.Reviews = append(a.Reviews, rv)
				}
				rec.Adoption = a
			}
		}
		if r.IntN(10) == 0 {
			notice := entered.AddDays(100 + r.IntN(300))
			if notice.Before(benchAsOf) {
				sg := permanence.SpecialGuardianship{Notice: notice}
				if rp := notice.AddDays(r.IntN(120)); rp.Before(benchAsOf) {
					sg.Report = rp
				}
				rec.SpecialGuardianship = append(rec.SpecialGuardianship, sg)
			}
		}
		cases[i] = permanence.Case{Record: rec, Inputs: in}
	}
	return cases
}

func pad(n int) string {
	b := []byte("00000")
	for i := len(b) - 1; i >= 0 && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

func TestSyntheticCohortIsValid(t *testing.T) {
	cases := syntheticCohort(1500, 1)
	c, err := permanence.TrackCohort(cases, benchAsOf, ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("TrackCohort(synthetic) error = %v", err)
	}
	if len(c.Rows) != len(cases) {
		t.Fatalf("TrackCohort(synthetic) rows = %d, want %d", len(c.Rows), len(cases))
	}
	if c.Averages[0].Children == 0 || c.Averages[1].Children == 0 {
		t.Errorf("TrackCohort(synthetic) averages = %+v, want some adopted children", c.Averages)
	}
}

func BenchmarkTrackCohort1500(b *testing.B) {
	cases := syntheticCohort(1500, 1)
	cal := care.EnglandAndWales()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := permanence.TrackCohort(cases, benchAsOf, cal, permanence.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAssess(b *testing.B) {
	cases := syntheticCohort(1500, 1)
	cal := care.EnglandAndWales()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := &cases[i%len(cases)]
		if _, err := permanence.Assess(c.Record, c.Inputs, benchAsOf, cal, permanence.Policy{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkEmit is the root package's use: one assessor, and one history
// and one emitter reused from child to child, so that what it allocates is
// the findings' room in the emitter, once, and nothing else.
func BenchmarkEmit(b *testing.B) {
	cases := syntheticCohort(1500, 1)
	a, err := permanence.NewAssessor(permanence.Policy{}, care.EnglandAndWales())
	if err != nil {
		b.Fatal(err)
	}
	var h care.History
	e := care.NewEmitter(benchAsOf)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := &cases[i%len(cases)]
		e.Reset(benchAsOf)
		if err := h.Reset(c.Inputs.Child, c.Inputs.Episodes); err != nil {
			b.Fatal(err)
		}
		if err := a.Emit(e, &h, c.Record, c.Inputs); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkTrack is one child's tracker row; the findings it is computed
// from are not kept.
func BenchmarkTrack(b *testing.B) {
	cases := syntheticCohort(1500, 1)
	cal := care.EnglandAndWales()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := &cases[i%len(cases)]
		if _, err := permanence.Track(c.Record, c.Inputs, benchAsOf, cal, permanence.Policy{}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
