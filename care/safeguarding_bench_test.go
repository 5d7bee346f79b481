package care

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// sgLongHistory builds a synthetic child looked after from birth to 17:
// about 200 episodes (moves, legal status changes, temporary moves and
// returns, a break in care), 120 missing episodes with interviews, risk
// meetings, a connected-person approval and care-leaver records.
func sgLongHistory() Record {
	dob := MustDate(2008, time.January, 7)
	r := Record{Child: Child{ID: "C9999", DateOfBirth: dob}}
	types := [...]PlacementType{PlacementTypeU6, PlacementTypeU4, PlacementTypeK2, PlacementTypeU3}
	d := dob.AddDays(10)
	for i := 0; d.Before(dob.AddYears(17)); i++ {
		e := Episode{Start: d, LegalStatus: LegalStatusC2, PlacementType: types[i%len(types)], Provider: PlacementProviderPR1,
			PlacementPostcode: "AB1 2CD", DistanceMiles: decimal.NewNullDecimal(decimal.New(int64(50+i%300), -1))}
		switch {
		case i == 0:
			e.ReasonNew = ReasonNewEpisodeS
		case i%7 == 3:
			e.ReasonNew, e.PlacementType = ReasonNewEpisodeP, PlacementTypeT3
		case i%5 == 0:
			e.ReasonNew = ReasonNewEpisodeL
			e.PlacementType = r.Episodes[i-1].PlacementType
		case i%3 == 0:
			e.ReasonNew = ReasonNewEpisodeT
		default:
			e.ReasonNew = ReasonNewEpisodeP
		}
		if n := len(r.Episodes); n > 0 {
			r.Episodes[n-1].End, r.Episodes[n-1].ReasonCeased = d, ReasonEpisodeCeasedX1
		}
		r.Episodes = append(r.Episodes, e)
		d = d.AddDays(31)
	}
	for i := 0; i < 120; i++ {
		s := dob.AddYears(12).AddDays(i * 13)
		r.MissingEpisodes = append(r.MissingEpisodes, MissingEpisode{Type: MissingTypeMissing, Start: s, StartTime: MustClock(18, 0),
			End: s.AddDays(1), EndTime: MustClock(9, 30), Interview: ReturnInterview{Held: Moment{Date: s.AddDays(3)}}})
	}
	for i := 0; i < 40; i++ {
		lvl := RiskLevelHigh
		if i%4 == 3 {
			lvl = RiskLevelLow
		}
		r.RiskMeetings = append(r.RiskMeetings, RiskMeeting{Date: dob.AddYears(12).AddDays(30 + i*38), Risk: lvl})
	}
	r.ConnectedApprovals = []ConnectedApproval{{Carer: "CP01", Start: dob.AddYears(10), Approved: dob.AddYears(10).AddDays(100)}}
	r.LeavingCare = LeavingCare{
		NeedsAssessments: []NeedsAssessment{{Completed: dob.AddYears(16).AddDays(40)}},
		PathwayPlans:     []PathwayPlan{{Prepared: dob.AddYears(16).AddDays(60)}},
		Advisers:         []PersonalAdviser{{Adviser: "PA01", Appointed: dob.AddYears(16).AddDays(20)}},
	}
	for i := 1; i <= 4; i++ {
		r.LeavingCare.PathwayReviews = append(r.LeavingCare.PathwayReviews, PathwayReview{Date: dob.AddYears(16).AddDays(60 + i*170)})
	}
	return r
}

func BenchmarkCareLeaverStatus(b *testing.B) {
	r := sgLongHistory()
	asOf := r.Child.Birthday(17).AddDays(-30)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CareLeaverStatus(r.Child, r.Episodes, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStabilityOn(b *testing.B) {
	r := sgLongHistory()
	asOf := r.Child.Birthday(17).AddDays(-30)
	b.ReportAllocs()
	for b.Loop() {
		if m := StabilityOn(r.Child, r.Episodes, asOf); !m.Included {
			b.Fatal("not included")
		}
	}
}

// BenchmarkAssessSafeguarding assesses the long history through one
// emitter, reset for each run as a cohort run resets it for each child.
func BenchmarkAssessSafeguarding(b *testing.B) {
	r := sgLongHistory()
	asOf := r.Child.Birthday(17).AddDays(-30)
	cal := EnglandAndWales()
	h := sgHistory(b, r)
	e := NewEmitter(asOf)
	b.ReportAllocs()
	for b.Loop() {
		e.Reset(asOf)
		if err := r.assessSafeguarding(e, h, Context{}, cal, Policy{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(e.Len()), "findings/op")
	b.ReportMetric(float64(len(r.Episodes)), "episodes")
}

// BenchmarkRenderSafeguarding renders the message, subject and evidence of
// every finding of the long history, as a text report reads them.
func BenchmarkRenderSafeguarding(b *testing.B) {
	r := sgLongHistory()
	asOf := r.Child.Birthday(17).AddDays(-30)
	e := NewEmitter(asOf)
	if err := r.assessSafeguarding(e, sgHistory(b, r), Context{}, EnglandAndWales(), Policy{}); err != nil {
		b.Fatal(err)
	}
	fs := e.Findings()
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range fs {
			buf = f.AppendMessage(buf[:0])
			_ = f.Subject()
			_ = f.Evidence()
		}
	}
	b.ReportMetric(float64(len(fs)), "findings/op")
}

func BenchmarkValidateSafeguarding(b *testing.B) {
	r := sgLongHistory()
	h := sgHistory(b, r)
	b.ReportAllocs()
	for b.Loop() {
		var errs ValidationErrors
		r.validateSafeguarding(&errs, h)
		if len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

// TestPlacementsHelpers checks that Placements, built in two passes, and
// the internal helpers agree with a straightforward construction.
func TestPlacementsHelpers(t *testing.T) {
	r := sgLongHistory()
	for _, eps := range [][]Episode{nil, r.Episodes[:1], r.Episodes[:7], r.Episodes} {
		var want []Placement
		for i, e := range eps {
			continuous := i > 0 && e.Start.Equal(eps[i-1].End)
			if !continuous || e.ReasonNew.ChangesCarer() || e.ReasonNew == ReasonNewEpisodeUnknown {
				want = append(want, Placement{Period: e.Period(), First: i, Last: i, Type: e.PlacementType, FirstType: e.PlacementType, Provider: e.Provider})
				continue
			}
			p := &want[len(want)-1]
			p.Period.End, p.Last, p.Type, p.Provider = e.End, i, e.PlacementType, e.Provider
			if e.ReasonNew == ReasonNewEpisodeT || e.ReasonNew == ReasonNewEpisodeU {
				p.Moves = append(p.Moves, e.Start)
			}
		}
		got := Placements(eps)
		if got == nil || len(got) != len(want) {
			t.Fatalf("%d episodes: %d placements, want %d", len(eps), len(got), len(want))
		}
		for k := range want {
			g, w := got[k], want[k]
			if len(g.Moves) != len(w.Moves) || (g.Moves == nil) != (w.Moves == nil) || cap(g.Moves) != len(g.Moves) {
				t.Fatalf("placement %d: moves %v, want %v", k, g.Moves, w.Moves)
			}
			for j := range w.Moves {
				if g.Moves[j] != w.Moves[j] {
					t.Fatalf("placement %d: moves %v, want %v", k, g.Moves, w.Moves)
				}
			}
			if g.Period != w.Period || g.First != w.First || g.Last != w.Last || g.Type != w.Type || g.FirstType != w.FirstType || g.Provider != w.Provider {
				t.Fatalf("placement %d: %+v, want %+v", k, g, w)
			}
		}
		var buf [4]Placement
		for k, p := range appendPlacements(buf[:0], eps) {
			w := want[k]
			w.Moves = nil
			if p.Moves != nil || p.Period != w.Period || p.First != w.First || p.Last != w.Last || p.Type != w.Type || p.FirstType != w.FirstType || p.Provider != w.Provider {
				t.Fatalf("appendPlacements %d: %+v, want %+v", k, p, w)
			}
		}
		n, _ := placementCount(eps)
		if n != len(want) {
			t.Fatalf("placementCount = %d, want %d", n, len(want))
		}
		var periods []Period
		for i, e := range eps {
			if i == 0 || !e.Start.Equal(eps[i-1].End) {
				periods = append(periods, Period{Start: e.Start, End: e.End})
				continue
			}
			periods[len(periods)-1].End = e.End
		}
		gp := PeriodsOfCare(eps)
		if len(gp) != len(periods) || (gp == nil) != (periods == nil) || periodsOfCareCount(eps) != len(periods) {
			t.Fatalf("PeriodsOfCare = %v, want %v", gp, periods)
		}
		for k := range periods {
			if gp[k] != periods[k] {
				t.Fatalf("PeriodsOfCare = %v, want %v", gp, periods)
			}
		}
	}
	if testing.AllocsPerRun(10, func() {
		var buf [256]Placement
		var pbuf [8]Period
		_ = appendPlacements(buf[:0], r.Episodes)
		_ = appendPeriodsOfCare(pbuf[:0], r.Episodes)
	}) != 0 {
		t.Error("appendPlacements and appendPeriodsOfCare allocate with room in dst")
	}
}

func BenchmarkValidateEpisodes(b *testing.B) {
	r := sgLongHistory()
	b.ReportAllocs()
	for b.Loop() {
		if errs := ValidateEpisodes("episodes", r.Episodes, r.Child.DateOfBirth); len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkPlacements(b *testing.B) {
	r := sgLongHistory()
	b.ReportAllocs()
	for b.Loop() {
		if len(Placements(r.Episodes)) == 0 || len(PeriodsOfCare(r.Episodes)) == 0 {
			b.Fatal("none")
		}
	}
}
