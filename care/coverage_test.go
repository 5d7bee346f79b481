package care_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/lookedafter/practice/care"
)

func TestFamilyText(t *testing.T) {
	f := care.FamilyVisits | care.FamilyReviews | care.FamilyHealth
	if got, want := f.String(), "visits|health|reviews"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := f.Words(), "visits, health assessments and reviews"; got != want {
		t.Errorf("Words() = %q, want %q", got, want)
	}
	b, err := json.Marshal(f)
	if err != nil || string(b) != `["visits","health","reviews"]` {
		t.Errorf("Marshal = %s, %v", b, err)
	}
	var back care.Family
	if err := json.Unmarshal(b, &back); err != nil || back != f {
		t.Errorf("Unmarshal = %v, %v; want %v", back, err, f)
	}
	if err := json.Unmarshal([]byte(`["visits","nope"]`), &back); err == nil {
		t.Error("unknown family: no error")
	}
	if b, _ := json.Marshal(care.Family(0)); string(b) != "[]" {
		t.Errorf("Marshal(0) = %s, want []", b)
	}
	n := 0
	for range care.FamilyAll.Each {
		n++
	}
	if n != 21 {
		t.Errorf("FamilyAll has %d families, want 21", n)
	}
}

func TestCoverage(t *testing.T) {
	var complete care.Coverage
	visits := &care.Rule{ID: "VIS-01", Reads: care.FamilyVisits}
	if !complete.IsComplete() || !complete.Supports(visits) || !complete.Covers(care.MustDate(1990, time.January, 1)) {
		t.Error("the zero Coverage is not complete")
	}
	c := care.Coverage{Carries: care.FamilyEpisodes | care.FamilyReviews,
		From: care.MustDate(2025, time.April, 1), To: care.MustDate(2026, time.March, 31)}
	if c.Supports(visits) {
		t.Error("coverage without visits supports VIS-01")
	}
	if !c.Supports(&care.Rule{Reads: care.FamilyReviews}) {
		t.Error("coverage with reviews does not support a rule reading reviews")
	}
	if got := c.Lacks(care.FamilyVisits | care.FamilyReviews); got != care.FamilyVisits {
		t.Errorf("Lacks = %v, want visits", got)
	}
	for _, tc := range []struct {
		d    care.Date
		want bool
	}{
		{care.MustDate(2025, time.March, 31), false},
		{care.MustDate(2025, time.April, 1), true},
		{care.MustDate(2026, time.March, 31), true},
		{care.MustDate(2026, time.April, 1), false},
	} {
		if got := c.Covers(tc.d); got != tc.want {
			t.Errorf("Covers(%s) = %v, want %v", tc.d, got, tc.want)
		}
	}
	bad := c
	bad.To = care.MustDate(2025, time.March, 1)
	if bad.Validate() == nil {
		t.Error("To before From: no error")
	}
}

// An emitter covering reviews only makes no finding of a visit rule, nor
// of an obligation due outside the coverage's dates.
func TestEmitterCover(t *testing.T) {
	asOf := care.MustDate(2026, time.March, 31)
	e := care.NewEmitter(asOf)
	e.Cover(care.Coverage{Carries: care.FamilyEpisodes | care.FamilyReviews, From: care.MustDate(2025, time.April, 1)})
	rev := &care.Kind{Rule: &care.Rule{ID: "REV-01", Reads: care.FamilyReviews}, What: "review"}
	vis := &care.Kind{Rule: &care.Rule{ID: "VIS-01", Reads: care.FamilyVisits}, What: "visit"}
	e.Deadline(vis, care.Obligation{Due: care.MustDate(2025, time.June, 1)})
	e.Deadline(rev, care.Obligation{Due: care.MustDate(2025, time.March, 31)})
	e.Deadline(rev, care.Obligation{Due: care.MustDate(2025, time.April, 1)})
	e.Check(vis, care.Obligation{}, 0)
	if e.Len() != 1 || e.Findings()[0].Due != care.MustDate(2025, time.April, 1) {
		t.Fatalf("findings %v, want the REV-01 obligation due 2025-04-01 only", e.Findings())
	}
	e.Reset(asOf) // forgets the coverage
	e.Check(vis, care.Obligation{}, 0)
	if e.Len() != 1 {
		t.Errorf("after Reset: %d findings, want 1", e.Len())
	}
}

// Records known from 1 April 2025 may begin with an episode that continues
// a period of care begun earlier; complete records may not.
func TestHistoryResetFrom(t *testing.T) {
	child := care.Child{ID: "C1", DateOfBirth: care.MustDate(2012, time.May, 1)}
	eps := []care.Episode{{Start: care.MustDate(2025, time.April, 1), ReasonNew: care.ReasonNewEpisodeP,
		LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU4}}
	from := care.MustDate(2025, time.April, 1)
	var h care.History
	if err := h.ResetFrom(child, eps, from); err != nil || !h.Truncated() {
		t.Fatalf("first episode starting on the records' first day: err %v, truncated %v", err, h.Truncated())
	}
	if err := h.Reset(child, eps); err == nil {
		t.Error("complete records starting with P: no error")
	}
	eps[0].Start = from.AddDays(1)
	if err := h.ResetFrom(child, eps, from); err == nil {
		t.Error("a P episode the day after the records begin: no error")
	}
	eps[0].ReasonNew = care.ReasonNewEpisodeS
	if err := h.ResetFrom(child, eps, from); err != nil || h.Truncated() {
		t.Errorf("an S episode: err %v, truncated %v", err, h.Truncated())
	}
	if err := (care.Record{Child: child, Episodes: []care.Episode{{Start: from, ReasonNew: care.ReasonNewEpisodeP,
		LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU4}}}).ValidateFrom(from); err != nil {
		t.Errorf("ValidateFrom: %v", err)
	}
}
