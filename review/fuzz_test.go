package review

import (
	"encoding/json"
	"testing"

	"github.com/lookedafter/practice/care"
)

// FuzzAssess feeds arbitrary review records (as JSON) and dates to Assess,
// Schedule and Milestones: they must return a report or an error, never
// panic, and a report must be sorted.
func FuzzAssess(f *testing.F) {
	f.Add([]byte(`{"reviews":[{"held":"2025-01-30","participation":"PN1","views_recorded":true,"recommendations":[{"ref":"R1","owner":"SW1","due":"2025-03-01"}]}],"iro":[{"iro_id":"I1","appointed":"2025-01-08"}]}`), uint16(0), uint16(120), uint16(40))
	f.Add([]byte(`{"reviews":[{"held":"2025-01-30","adjourned":"2025-01-30","proposal_implemented":"2025-02-01"}],"midway_checks":[{"date":"2025-03-01"}]}`), uint16(3), uint16(400), uint16(0))
	f.Add([]byte(`{}`), uint16(9000), uint16(9000), uint16(9000))
	cal := care.EnglandAndWales()
	base := care.MustDate(2025, 1, 6)
	f.Fuzz(func(t *testing.T, data []byte, startOff, asOfOff, gap uint16) {
		var rec Record
		if err := json.Unmarshal(data, &rec); err != nil {
			return
		}
		start := base.AddDays(int(startOff) % 400)
		eps := []care.Episode{{Start: start, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV3, PlacementType: care.PlacementTypeU4}}
		if gap%3 != 0 {
			eps[0].LegalStatus = care.LegalStatusC2
		}
		if gap%2 == 1 {
			eps[0].End = start.AddDays(int(gap % 200))
			eps[0].ReasonCeased = care.ReasonEpisodeCeasedE4A
		}
		asOf := start.AddDays(int(asOfOff) % 2000)
		child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2012, 5, 1)}
		rep, err := Assess(rec, child, eps, asOf, cal, Policy{})
		if err == nil && !isSorted(rep) {
			t.Errorf("Assess() report not sorted")
		}
		_, _ = Schedule(eps, rec.Reviews, asOf, cal, Policy{})
		_, _, _ = Milestones(eps, rec.Reviews, asOf, cal, Policy{})
	})
}
