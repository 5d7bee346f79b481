package ssda903_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/supervision"
)

func TestCases(t *testing.T) {
	r := mustRead(t, map[string]string{
		"h.csv": headerCSV +
			"A,2,01/05/2012,WBRI,,,\n" + // valid; episodes given out of order
			"B,1,01/05/2012,WBRI,,,\n" + // no episodes
			"C,1,01/05/2012,WBRI,,,\n" + // an episode that ends before it starts
			"C,1,01/05/2012,WBRI,,,\n" + // C again
			",1,01/05/2012,WBRI,,,\n" + // no CHILD
			"E,1,01/05/2012,WBRI,,,\n", // an OC3 code we cannot read: still valid
		"e.csv": episodesCSV +
			"A,01/06/2025,P,C2,N1,U6,PR1,,,,,,\n" +
			"A,01/04/2025,S,C2,N1,U4,PR1,01/06/2025,X1,CARPL,,,\n" +
			"C,01/04/2025,S,C2,N1,U4,PR1,01/03/2025,E8,,,,\n" +
			"D,01/04/2025,S,C2,N1,U4,PR1,,,,,,\n" + // D has no Header row
			"E,01/04/2025,S,V2,N1,U4,PR1,,,,,,\n",
		"r.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/05/2012,20/04/2025,PN1\n",
		"u.csv": "CHILD,SEX,DOB,DUC\nA,2,01/05/2012,\n",
		"s.csv": "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nA,01/05/2012,SW9,01/04/2025,,\n",
		"a.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nA,01/05/2012,,01/05/2025,1,,,\n",
		"m.csv": "CHILD,DOB,MISSING,MIS_START,MIS_END\nA,01/05/2012,a,02/05/2025,03/05/2025\n",
		"o.csv": "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nE,01/05/2012,YES,F1,01\n",
	})
	rec, err := r.Records()
	if errs := problems(t, err); len(errs) != 2 { // E's ACCOM, and the blank CHILD
		t.Fatalf("Records() problems = %v", errs)
	}
	set := ssda903.Cases(rec)
	dob := care.MustDate(2012, time.May, 1)
	wantA := practice.Case{
		Care: care.Record{
			Child: care.Child{ID: "A", DateOfBirth: dob, Sex: care.SexFemale, Ethnicity: care.EthnicityWBRI, UASC: true},
			Episodes: []care.Episode{
				{Start: care.MustDate(2025, time.April, 1), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
					CategoryOfNeed: care.CategoryOfNeedN1, PlacementType: care.PlacementTypeU4, Provider: care.PlacementProviderPR1,
					End: care.MustDate(2025, time.June, 1), ReasonCeased: care.ReasonEpisodeCeasedX1, ReasonChange: care.ReasonPlacementChangeCARPL},
				{Start: care.MustDate(2025, time.June, 1), ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC2,
					CategoryOfNeed: care.CategoryOfNeedN1, PlacementType: care.PlacementTypeU6, Provider: care.PlacementProviderPR1},
			},
			SafeguardingRecords: care.SafeguardingRecords{MissingEpisodes: []care.MissingEpisode{
				{Type: care.MissingTypeAway, Start: care.MustDate(2025, time.May, 2), End: care.MustDate(2025, time.May, 3)}}},
		},
		Review:      review.Record{Reviews: []review.Review{{Held: care.MustDate(2025, time.April, 20), Participation: care.ParticipationPN1}}},
		Supervision: supervision.CaseRecord{Allocations: []supervision.Allocation{{Child: "A", Worker: "SW9", From: care.MustDate(2025, time.April, 1)}}},
		Permanence:  permanence.Record{Adoption: permanence.Adoption{Match: care.MustDate(2025, time.May, 1), FosterCarerAdoption: true}},
		Coverage:    ssda903.ReturnCoverage(2025),
	}
	var ids []string
	for _, c := range set.Cases {
		ids = append(ids, c.Care.Child.ID)
	}
	if want := []string{"A", "E"}; !slices.Equal(ids, want) {
		t.Fatalf("valid cases = %v, want %v; invalid: %+v", ids, want, set.Invalid)
	}
	if diff := cmp.Diff(wantA, set.Cases[0], cmpRecords); diff != "" {
		t.Errorf("case A mismatch (-want +got):\n%s", diff)
	}
	type problem struct {
		Table  ssda903.Table
		Row    int
		Column string
	}
	want := map[string][]problem{
		"B": {{ssda903.TableHeader, 2, ""}},
		"C": {{ssda903.TableHeader, 4, "CHILD"}},
		"":  {{ssda903.TableHeader, 5, "CHILD"}},
		"D": {{ssda903.TableEpisodes, 4, "CHILD"}},
	}
	got := map[string][]problem{}
	for _, inv := range set.Invalid {
		for _, e := range inv.Errs {
			got[inv.Child] = append(got[inv.Child], problem{e.Table, e.Row, e.Column})
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("invalid children mismatch (-want +got):\n%s", diff)
	}
	for _, inv := range set.Invalid {
		if inv.Child == "B" && !errors.Is(inv.Errs[0], care.ErrNoEpisodes) {
			t.Errorf("B: %v, want care.ErrNoEpisodes", inv.Errs[0])
		}
	}
	// C's duplicate Header row stops its case being validated; without
	// it, the episode's end maps to DEC.
	rec.Header = slices.Delete(rec.Header, 3, 4)
	set = ssda903.Cases(rec)
	for _, inv := range set.Invalid {
		if inv.Child == "C" {
			if len(inv.Errs) != 1 || inv.Errs[0].Table != ssda903.TableEpisodes || inv.Errs[0].Row != 3 || inv.Errs[0].Column != "DEC" {
				t.Errorf("C: %v, want the episode's DEC", inv.Errs)
			}
		}
	}
	if n := len(set.Cases) + len(set.Invalid); n != 6 {
		t.Errorf("children accounted for = %d, want 6 (A, B, C, blank, E, D)", n)
	}
}

// returnFields is what a return of year y holds of a case: FromCases then
// Cases keep these and nothing else. The adoption dates Cases reads from
// the episodes are taken from got (TestCasesAdoption tests them).
func returnFields(c practice.Case, y care.CollectionYear, got practice.Case) practice.Case {
	ch := c.Care.Child
	out := practice.Case{}
	out.Care.Child = care.Child{ID: ch.ID, DateOfBirth: ch.DateOfBirth, Sex: ch.Sex, Ethnicity: ch.Ethnicity, UPN: ch.UPN, UASC: ch.UASC}
	for _, e := range c.Care.Episodes {
		e.IntendedUntil18, e.LongTermFoster = false, false
		out.Care.Episodes = append(out.Care.Episodes, e)
	}
	for _, m := range c.Care.MissingEpisodes {
		out.Care.MissingEpisodes = append(out.Care.MissingEpisodes, care.MissingEpisode{Type: m.Type, Start: m.Start, End: m.End})
	}
	for _, v := range c.Review.Reviews {
		out.Review.Reviews = append(out.Review.Reviews, review.Review{Held: v.Held, Participation: v.Participation})
	}
	out.Supervision.Allocations = c.Supervision.Allocations
	g := got.Permanence.Adoption
	out.Permanence.Adoption = permanence.Adoption{PlacementOrder: g.PlacementOrder, Placed: g.Placed, AdoptionOrder: g.AdoptionOrder,
		Match: c.Permanence.Adoption.Match, FosterCarerAdoption: c.Permanence.Adoption.FosterCarerAdoption}
	out.Coverage = ssda903.ReturnCoverage(y)
	return out
}

func TestFromCasesRoundTrip(t *testing.T) {
	cohort := practice.Synthetic(practice.SyntheticOptions{Seed: 7, Children: 150})
	for _, year := range []care.CollectionYear{2022, 2025, 2026} {
		t.Run(year.String(), func(t *testing.T) {
			ret, err := ssda903.FromCases(cohort.Cases, year).Return()
			if err != nil {
				t.Fatalf("Return() error = %v", err)
			}
			if got := ret.Table(ssda903.TableDoLo) != nil; got != (year >= 2026) {
				t.Errorf("DoLo table written = %v", got)
			}
			back, err := ssda903.ReadFS(writeFS(t, ret), year)
			if err != nil {
				t.Fatalf("ReadFS() error = %v", err)
			}
			rec, err := back.Records()
			if err != nil {
				t.Fatalf("Records() error = %v", err)
			}
			set := ssda903.Cases(rec)
			if len(set.Invalid) > 0 {
				t.Fatalf("%d invalid children; first: %v", len(set.Invalid), set.Invalid[0].Errs)
			}
			if len(set.Cases) != len(cohort.Cases) {
				t.Fatalf("%d cases, want %d", len(set.Cases), len(cohort.Cases))
			}
			for i, c := range cohort.Cases {
				want := returnFields(c, year, set.Cases[i])
				if year < 2023 {
					want.Supervision.Allocations = nil
				}
				if diff := cmp.Diff(want, set.Cases[i], cmpRecords); diff != "" {
					t.Fatalf("case %d mismatch (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

func TestWriteCases(t *testing.T) {
	cohort := practice.Synthetic(practice.SyntheticOptions{Seed: 1, Children: 20})
	dir := t.TempDir()
	if err := ssda903.WriteCases(dir, cohort.Cases, 2025); err != nil {
		t.Fatalf("WriteCases() error = %v", err)
	}
	ret, err := ssda903.ReadDir(dir, 2025)
	if err != nil {
		t.Fatalf("ReadDir() error = %v", err)
	}
	if got := ret.Table(ssda903.TableHeader).Len(); got != 20 {
		t.Errorf("Header rows = %d, want 20", got)
	}
}

// The adoption dates come from the episodes of the latest period of care:
// the authority to place from the first E1 (or D1) episode, the placement
// from the first adoptive placement (A3 to A6) after it, the order from
// the episode that ceased E11 or E12.
func TestCasesAdoption(t *testing.T) {
	r := mustRead(t, map[string]string{
		"h.csv": headerCSV + "A,2,01/05/2020,WBRI,,,\n",
		"e.csv": episodesCSV +
			"A,01/04/2021,S,C2,N1,U4,PR1,01/06/2021,E4A,,,,\n" + // an earlier period of care
			"A,01/01/2023,S,C2,N1,U4,PR1,10/02/2024,X1,,,,\n" +
			"A,10/02/2024,L,E1,N1,U4,PR1,03/05/2024,X1,CARPL,,,\n" +
			"A,03/05/2024,P,E1,N1,A4,PR1,20/01/2025,E11,,,,\n",
	})
	rec, err := r.Records()
	if err != nil {
		t.Fatal(err)
	}
	set := ssda903.Cases(rec)
	if len(set.Cases) != 1 {
		t.Fatalf("cases: %d, invalid %+v", len(set.Cases), set.Invalid)
	}
	got := set.Cases[0].Permanence.Adoption
	want := permanence.Adoption{PlacementOrder: care.MustDate(2024, time.February, 10), Placed: care.MustDate(2024, time.May, 3),
		AdoptionOrder: care.MustDate(2025, time.January, 20)}
	if diff := cmp.Diff(want, got, cmpRecords); diff != "" {
		t.Errorf("adoption (-want +got):\n%s", diff)
	}
}

// With last year's return, a child's case holds the reviews and episodes
// of both years, each row once, and covers both.
func TestCasesWithPrevious(t *testing.T) {
	read := func(files map[string]string, y care.CollectionYear) *ssda903.Records {
		t.Helper()
		r := mustRead(t, files)
		r.Year = y
		rec, err := r.Records()
		if err != nil {
			t.Fatal(err)
		}
		rec.Year = y
		return rec
	}
	const reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
	prev := read(map[string]string{
		"h.csv": headerCSV + "A,2,01/05/2012,WBRI,,,\nGONE,1,01/05/2012,WBRI,,,\n",
		"e.csv": episodesCSV + "A,01/06/2024,S,C2,N1,U4,PR1,01/02/2025,X1,CARPL,,,\n" +
			"A,01/02/2025,P,C2,N1,U6,PR1,,,,,,\n" +
			"GONE,01/06/2024,S,C2,N1,U4,PR1,01/01/2025,E4A,,,,\n",
		"r.csv": reviews + "A,01/05/2012,20/06/2024,PN1\nA,01/05/2012,10/09/2024,PN1\nA,01/05/2012,01/03/2025,PN1\n",
	}, 2024)
	rec := read(map[string]string{
		"h.csv": headerCSV + "A,2,01/05/2012,WBRI,,,\n",
		"e.csv": episodesCSV + "A,01/02/2025,P,C2,N1,U6,PR1,,,,,,\n",
		"r.csv": reviews + "A,01/05/2012,25/08/2025,PN1\n",
	}, 2025)
	alone := ssda903.Cases(rec)
	set := ssda903.CasesWithPrevious(rec, prev)
	if len(set.Cases) != 1 || len(set.Invalid) != 0 || len(alone.Cases) != 1 {
		t.Fatalf("cases %d, invalid %+v (alone: %d)", len(set.Cases), set.Invalid, len(alone.Cases))
	}
	c := set.Cases[0]
	if n := len(c.Care.Episodes); n != 2 {
		t.Errorf("%d episodes, want 2 (the S episode from last year, then this year's)", n)
	}
	if n := len(c.Review.Reviews); n != 4 {
		t.Errorf("%d reviews, want 4", n)
	}
	if got, want := c.Coverage.From, care.MustDate(2024, time.April, 1); got != want {
		t.Errorf("coverage from %s, want %s", got, want)
	}
	if got, want := alone.Cases[0].Coverage.From, care.MustDate(2025, time.April, 1); got != want {
		t.Errorf("this year alone: coverage from %s, want %s", got, want)
	}
	// With both years, the review timetable is whole: the 25 August 2025
	// review is judged against the 1 March review, six months before
	// (due 1 September): on time.
	rep, err := practice.Assess(c, care.MustDate(2026, time.March, 31), practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep {
		if f.Rule() >= "REV-01" && f.Rule() <= "REV-03" {
			got = append(got, fmt.Sprint(f.Rule(), " ", f.Status, " ", f.Due))
		}
	}
	want := []string{"REV-01 met 2024-06-28", "REV-02 met 2024-09-20", "REV-03 met 2025-03-10", "REV-03 met 2025-09-01", "REV-03 overdue 2026-02-25"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("review findings (-want +got):\n%s", diff)
	}
}
