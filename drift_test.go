package practice

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

// driftCase is a child placed in foster care on 2 April 2026 with nothing
// else recorded, so that by December its statutory duties are overdue.
func driftCase(id string) Case {
	c := Case{}
	c.Care.Child = care.Child{ID: id, DateOfBirth: care.MustDate(2014, 5, 1), Ethnicity: care.EthnicityWBRI,
		Religion: "None", FirstLanguage: "English", IdentityNeeds: "recorded in the care plan"}
	c.Care.Episodes = []care.Episode{{Start: care.MustDate(2026, 4, 2), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}
	return c
}

func assessDrift(t *testing.T, c Case, asOf care.Date) (care.Report, Drift) {
	t.Helper()
	rep, err := Assess(c, asOf, Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	return rep, DriftOf(c, rep, asOf, DriftPolicy{})
}

// TestDriftLiveOnly checks that drift counts only what is still owed: a
// child in care with overdue duties drifts; the same child, gone home
// before the as-of date, has only missed items and does not.
func TestDriftLiveOnly(t *testing.T) {
	asOf := care.MustDate(2026, 12, 1)
	inCare := driftCase("C0001")
	rep, d := assessDrift(t, inCare, asOf)
	if !d.Flagged || !d.InCare || d.Binding == 0 || d.Live != len(d.Findings) {
		t.Fatalf("child in care: drift %+v, want flagged with live binding items", d)
	}
	for _, f := range d.Findings {
		if f.Status != care.Overdue {
			t.Errorf("drift lists a %v finding: %v", f.Status, f)
		}
	}
	if n := len(rep.ForRule(DRIFT01)); n != 1 {
		t.Errorf("report has %d DRIFT-01 findings, want 1", n)
	}

	gone := driftCase("C0002")
	gone.Care.Episodes[0].End, gone.Care.Episodes[0].ReasonCeased = care.MustDate(2026, 6, 20), care.ReasonEpisodeCeasedE13
	rep, d = assessDrift(t, gone, asOf)
	if d.Flagged || d.InCare || d.Live != 0 || len(d.Findings) != 0 {
		t.Errorf("child who left care: drift %+v, want nothing live", d)
	}
	if rep.Count(care.Missed) == 0 || d.MissedLastYear != rep.Count(care.Missed) {
		t.Errorf("child who left care: %d missed findings, MissedLastYear %d; want the misses kept in sight",
			rep.Count(care.Missed), d.MissedLastYear)
	}
	if n := len(rep.ForRule(DRIFT01)); n != 0 {
		t.Errorf("child who left care has a DRIFT-01 finding")
	}
}

// TestDriftFlagging checks which live items flag a child: any of
// statutory or guidance severity at once; a stalled permanence plan after
// the local limit; other local standards never on their own.
func TestDriftFlagging(t *testing.T) {
	asOf := care.MustDate(2026, 12, 1)
	e := care.NewEmitter(asOf)
	local := care.Rule{ID: "SUP-04", Severity: care.SeverityLocal, Domain: care.DomainSupervision}
	stalled := care.Rule{ID: "PERM-03", Severity: care.SeverityLocal, Domain: care.DomainPermanence}
	guidance := care.Rule{ID: "HLTH-03", Severity: care.SeverityGuidance, Domain: care.DomainHealth}
	kind := func(r *care.Rule) *care.Kind { return &care.Kind{Rule: r, What: "x"} }
	overdue := func(k *care.Kind, days int) care.Report {
		e.Reset(asOf)
		due := asOf.AddDays(-days)
		e.Deadline(k, care.Obligation{Due: due, Anchor: due.AddDays(-10), Count: 10, Unit: care.Days})
		return slices.Clone(e.Findings())
	}
	tests := []struct {
		name string
		rep  care.Report
		want bool
	}{
		{"a local item a year old does not flag", overdue(kind(&local), 365), false},
		{"a plan stalled 90 days past its due date does not flag yet", overdue(kind(&stalled), 90), false},
		{"a plan stalled 91 days past its due date flags", overdue(kind(&stalled), 91), true},
		{"a guidance item one day overdue flags", overdue(kind(&guidance), 1), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := drift("C1", true, tc.rep, asOf, DriftPolicy{})
			if d.Flagged != tc.want || d.Live != 1 {
				t.Errorf("Flagged = %v (live %d), want %v", d.Flagged, d.Live, tc.want)
			}
		})
	}
	// A care leaver's live leaving-care duties count; other live items of a
	// child not in care do not.
	leaving := care.Rule{ID: "LEAV-02", Severity: care.SeverityStatutory, Domain: care.DomainLeaving}
	rep := append(overdue(kind(&leaving), 30), overdue(kind(&guidance), 30)...)
	d := drift("C1", false, rep, asOf, DriftPolicy{})
	if !d.Flagged || d.Live != 1 || d.Oldest != "LEAV-02" {
		t.Errorf("care leaver: %+v, want flagged by LEAV-02 alone", d)
	}
}

func TestCompareDrift(t *testing.T) {
	ds := []Drift{
		{ChildID: "E", Live: 9, OldestDays: 400},                                             // local only
		{ChildID: "D", Live: 2, Binding: 1, OldestDays: 30, Domains: make([]care.Domain, 2)}, // fewer binding items
		{ChildID: "C", Live: 3, Binding: 2, OldestDays: 30, Domains: make([]care.Domain, 1)},
		{ChildID: "B", Live: 1, Binding: 1, OldestDays: 200},
		{ChildID: "A", Live: 3, Binding: 2, OldestDays: 30, Domains: make([]care.Domain, 2)},
	}
	slices.SortFunc(ds, CompareDrift)
	var got []string
	for _, d := range ds {
		got = append(got, d.ChildID)
	}
	if diff := cmp.Diff([]string{"B", "A", "C", "D", "E"}, got); diff != "" {
		t.Errorf("ranking mismatch (-want +got):\n%s", diff)
	}
}

// TestAssessStream checks that assessing a stream gives the same report
// as assessing the slice, whatever the parallelism, that decode errors in
// the stream are counted in their place, and that cancelling stops it.
func TestAssessStream(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 9, Children: 40})
	cal := care.EnglandAndWales()
	want, err := AssessCohort(coh.Cases, coh.AsOf, Standards{}, cal, CohortOptions{DiscardReports: true})
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	var jsonl bytes.Buffer
	if err := EncodeCohort(&jsonl, coh.Cases); err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 5} {
		got, err := AssessStream(context.Background(), ReadCohort(bytes.NewReader(jsonl.Bytes())), coh.AsOf, Standards{}, cal,
			CohortOptions{Parallelism: workers, DiscardReports: true})
		if err != nil {
			t.Fatal(err)
		}
		if g, _ := json.Marshal(got); string(g) != string(wantJSON) {
			t.Errorf("parallelism %d: the streamed report differs from AssessCohort's", workers)
		}
	}

	bad := bytes.Replace(jsonl.Bytes(), []byte(`"format_version":1`), []byte(`"format_version":7`), 1)
	got, err := AssessStream(context.Background(), ReadCohort(bytes.NewReader(bad)), coh.AsOf, Standards{}, cal, CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var de *DecodeError
	if got.Invalid != 1 || got.Assessed != 39 || !errors.As(got.Children[0].Err, &de) || de.Path != "format_version" {
		t.Errorf("stream with a bad first record: invalid %d, assessed %d, first error %v", got.Invalid, got.Assessed, got.Children[0].Err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	cases := func(yield func(Case, error) bool) {
		for _, c := range coh.Cases {
			if n++; n == 10 {
				cancel()
			}
			if !yield(c, nil) {
				return
			}
		}
	}
	part, err := AssessStream(ctx, cases, coh.AsOf, Standards{}, cal, CohortOptions{})
	if !errors.Is(err, context.Canceled) || part.Assessed >= 40 {
		t.Errorf("cancelled stream: assessed %d, err %v; want fewer than 40 and context.Canceled", part.Assessed, err)
	}
}

// TestDuplicateChildren checks that a child ID met twice is assessed once:
// the first record counts, each later one is an error naming both, the
// same whether the cohort is a slice or a stream, serial or parallel.
func TestDuplicateChildren(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 9, Children: 6})
	cases := append(slices.Clone(coh.Cases), coh.Cases[2], coh.Cases[4])
	cal := care.EnglandAndWales()
	for _, workers := range []int{1, 2} {
		rep, err := AssessCohort(cases, coh.AsOf, Standards{}, cal, CohortOptions{Parallelism: workers})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Assessed != 6 || rep.Invalid != 2 {
			t.Fatalf("parallelism %d: assessed %d, invalid %d; want 6 and 2", workers, rep.Assessed, rep.Invalid)
		}
		var de *DuplicateError
		if !errors.As(rep.Children[6].Err, &de) || de.First != 2 || de.Record != 6 || de.ChildID != coh.Cases[2].Care.Child.ID {
			t.Errorf("record 6: err = %v, want a DuplicateError naming records 2 and 6", rep.Children[6].Err)
		}
	}
}
