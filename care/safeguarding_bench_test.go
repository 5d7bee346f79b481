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
		e := Episode{Start: d, LegalStatus: LegalStatusC2, PlacementType: types[i%len(types)], Provider: ProviderPR1,
			PlacementPostcode: "AB1 2CD", DistanceMiles: decimal.NewNullDecimal(decimal.New(int64(50+i%300), -1))}
		switch {
		case i == 0:
			e.ReasonNew = NewEpisodeS
		case i%7 == 3:
			e.ReasonNew, e.PlacementType = NewEpisodeP, PlacementTypeT3
		case i%5 == 0:
			e.ReasonNew = NewEpisodeL
			e.PlacementType = r.Episodes[i-1].PlacementType
		case i%3 == 0:
			e.ReasonNew = NewEpisodeT
		default:
			e.ReasonNew = NewEpisodeP
		}
		if n := len(r.Episodes); n > 0 {
			r.Episodes[n-1].End, r.Episodes[n-1].ReasonCeased = d, CeasedX1
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
		lvl := RiskHigh
		if i%4 == 3 {
			lvl = RiskLow
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

func BenchmarkAssessSafeguarding(b *testing.B) {
	r := sgLongHistory()
	asOf := r.Child.Birthday(17).AddDays(-30)
	cal := EnglandAndWales()
	b.ReportAllocs()
	rep := make(Report, 0, 1024)
	for b.Loop() {
		rep = rep[:0]
		if err := r.assessSafeguarding(Context{}, asOf, cal, Policy{}, &rep); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep)), "findings/op")
	b.ReportMetric(float64(len(r.Episodes)), "episodes")
}

func BenchmarkValidateSafeguarding(b *testing.B) {
	r := sgLongHistory()
	b.ReportAllocs()
	for b.Loop() {
		var errs ValidationErrors
		r.validateSafeguarding(&errs)
		if len(errs) != 0 {
			b.Fatal(errs)
		}
	}
}
