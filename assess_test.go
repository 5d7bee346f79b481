package practice

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/lookedafter/practice/care"
)

func TestAssessErrors(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 3, Children: 2})
	good := coh.Cases[0]
	bad := coh.Cases[1]
	bad.Care.Episodes = append([]care.Episode(nil), bad.Care.Episodes...)
	bad.Care.Episodes[0].LegalStatus = care.LegalStatusUnknown
	cal := care.EnglandAndWales()
	var looser Standards
	looser.Review.LaterReviewMonths = 7
	tests := []struct {
		name string
		c    Case
		std  Standards
		cal  *care.Calendar
		path string // a path the error must name, if any
	}{
		{"standards looser than statute", good, looser, cal, "review.later_review_months"},
		{"invalid case", bad, Standards{}, cal, "episodes[0].legal_status"},
		{"nil calendar", good, Standards{}, nil, ""},
		{"zero calendar covers nothing", good, Standards{}, &care.Calendar{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Assess(tc.c, coh.AsOf, tc.std, tc.cal)
			if err == nil || rep != nil {
				t.Fatalf("Assess = %d findings, %v; want an error and no report", len(rep), err)
			}
			if tc.path == "" {
				return
			}
			var ve care.ValidationErrors
			if !errors.As(err, &ve) {
				t.Fatalf("error %v is not a ValidationErrors", err)
			}
			found := false
			for _, e := range ve {
				found = found || e.Path == tc.path
			}
			if !found {
				t.Errorf("error %v does not name %s", err, tc.path)
			}
		})
	}
	if _, err := Assess(good, coh.AsOf, Standards{}, &care.Calendar{}); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Errorf("zero calendar: err = %v, want ErrOutsideCalendar", err)
	}
}

// TestAssessDeterministic checks that the same case gives the same report,
// byte for byte, that the case is not modified, and that the report is
// sorted.
func TestAssessDeterministic(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 4, Children: 5})
	cal := care.EnglandAndWales()
	for _, c := range coh.Cases {
		before, _ := json.Marshal(c)
		a, err := Assess(c, coh.AsOf, Standards{}, cal)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Assess(c, coh.AsOf, Standards{}, cal)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two assessments differ", c.Care.Child.ID)
		}
		if after, _ := json.Marshal(c); string(after) != string(before) {
			t.Errorf("%s: Assess modified the case", c.Care.Child.ID)
		}
		if !slices.IsSortedFunc(a, care.CompareFindings) {
			t.Errorf("%s: report is not sorted", c.Care.Child.ID)
		}
	}
}

// TestAssessCohortParallel checks that the cohort report is the same
// whatever the parallelism, and with reports discarded, and that an
// invalid case is reported without stopping the others.
func TestAssessCohortParallel(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 6, Children: 150})
	coh.Cases[7].Care.Episodes = nil
	coh.Cases[7].Care.Child.DateOfBirth = care.Date{}
	cal := care.EnglandAndWales()
	serial, err := AssessCohort(coh.Cases, coh.AsOf, Standards{}, cal, CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if serial.Invalid != 1 || serial.Children[7].Err == nil || serial.Assessed != 149 {
		t.Fatalf("invalid = %d, assessed = %d, children[7].Err = %v", serial.Invalid, serial.Assessed, serial.Children[7].Err)
	}
	want, _ := json.Marshal(serial)
	for _, opt := range []CohortOptions{{Parallelism: 2}, {Parallelism: 7}, {Parallelism: -1}} {
		got, err := AssessCohort(coh.Cases, coh.AsOf, Standards{}, cal, opt)
		if err != nil {
			t.Fatal(err)
		}
		if g, _ := json.Marshal(got); string(g) != string(want) {
			t.Errorf("parallelism %d gives a different report", opt.Parallelism)
		}
	}
	wantSummary, _ := json.Marshal(withoutReports(serial))
	for _, opt := range []CohortOptions{{DiscardReports: true}, {Parallelism: 2, DiscardReports: true}} {
		summary, err := AssessCohort(coh.Cases, coh.AsOf, Standards{}, cal, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range summary.Children {
			if len(c.Report) != 0 {
				t.Fatalf("DiscardReports kept %s's report", c.ChildID)
			}
		}
		if got, _ := json.Marshal(summary); string(got) != string(wantSummary) {
			t.Errorf("%+v: the summary differs from the full report's", opt)
		}
	}
}

// withoutReports returns r with every child's report dropped.
func withoutReports(r CohortReport) CohortReport {
	r.Children = append([]ChildResult(nil), r.Children...)
	for i := range r.Children {
		r.Children[i].Report = nil
	}
	return r
}

func TestSecondReviewHeld(t *testing.T) {
	start := care.MustDate(2025, 1, 6)
	h, err := care.NewHistory(care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 1, 1)},
		[]care.Episode{{Start: start, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}})
	if err != nil {
		t.Fatal(err)
	}
	due := care.MustDate(2025, 5, 1)
	tests := []struct {
		name string
		held []care.Date
		asOf care.Date
		want care.Date
	}{
		{"no reviews: the due date", nil, care.MustDate(2025, 6, 1), due},
		{"one review: the due date", []care.Date{care.MustDate(2025, 2, 1)}, care.MustDate(2025, 6, 1), due},
		{"second held early", []care.Date{care.MustDate(2025, 2, 1), care.MustDate(2025, 4, 20)}, care.MustDate(2025, 6, 1), care.MustDate(2025, 4, 20)},
		{"second held after asOf: not yet", []care.Date{care.MustDate(2025, 2, 1), care.MustDate(2025, 4, 20)}, care.MustDate(2025, 4, 1), due},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := secondReviewHeld(h, tc.held, tc.asOf, due); got != tc.want {
				t.Errorf("secondReviewHeld = %v, want %v", got, tc.want)
			}
		})
	}
}
