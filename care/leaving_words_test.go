package care

import (
	"errors"
	"testing"
)

// These tests read each LEAV timescale against the words of its provision,
// quoted in the test's name, at the edges where counting conventions
// differ: the first day counted or not, and months ending on a day the
// target month lacks.

// sgLeaver is a young person born 15 June 2008 (16 on 15 June 2024, 21 on
// 15 June 2029), looked after from 10 January 2022 until 10 January 2025
// (moved to independent living), so eligible from the 16th birthday and
// relevant from 10 January 2025, with a needs assessment and a pathway
// plan prepared on plan.
func sgLeaver(plan string, lc LeavingCare) Record {
	lc.NeedsAssessments = []NeedsAssessment{{Completed: sgD(plan)}}
	lc.PathwayPlans = []PathwayPlan{{Prepared: sgD(plan)}}
	lc.Advisers = []PersonalAdviser{{Adviser: "PA01", Appointed: sgD("2024-08-01")}}
	return Record{Child: Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")},
		Episodes:            []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2025-01-10", ReasonEpisodeCeasedE5)},
		SafeguardingRecords: SafeguardingRecords{LeavingCare: lc}}
}

func sgReviews(ds ...string) []PathwayReview {
	out := make([]PathwayReview, len(ds))
	for i, d := range ds {
		out[i] = PathwayReview{Date: sgD(d)}
	}
	return out
}

func TestNextPathwayReviewWords(t *testing.T) {
	const accLabel = "the last pathway plan review, accommodation being provided,"
	from10Jan := []Period{{Start: sgD("2025-01-10")}}
	tests := []struct {
		name    string
		r       Record
		ctx     Context
		asOf    string
		p       Policy
		want    string // due date; "" for none owed
		label   string
		count   int
		wantErr error
		errPath string // the path of a policy error
	}{
		{
			name: `reg 7(2)(c) "at intervals of not more than six months": plan on 31 August, first review by the last day of February`,
			r:    sgLeaver("2024-08-31", LeavingCare{}), asOf: "2024-12-01",
			want: "2025-02-28", label: "the preparation of the pathway plan", count: 6,
		},
		{
			name: `reg 7(2)(c): a review on the due date is on time and the next runs from it`,
			r:    sgLeaver("2024-08-31", LeavingCare{PathwayReviews: sgReviews("2025-02-28")}), asOf: "2025-03-01",
			want: "2025-08-28", label: "the last pathway plan review", count: 6,
		},
		{
			name: `reg 7(2)(c): a looked-after review while the child is looked after counts`,
			r:    sgLeaver("2024-08-31", LeavingCare{}), ctx: Context{Reviews: []Date{sgD("2024-11-30")}}, asOf: "2024-12-01",
			want: "2025-05-30", label: "the last looked-after review", count: 6,
		},
		{
			name: `reg 7(3)(a) "a period of 28 days beginning on the day on which the accommodation is first provided": a review on day 28 is within it, six months still`,
			r:    sgLeaver("2024-08-31", LeavingCare{Accommodation: from10Jan, PathwayReviews: sgReviews("2025-02-06")}), asOf: "2025-03-01",
			want: "2025-08-06", label: "the last pathway plan review", count: 6,
		},
		{
			name: `reg 7(3)(b) "intervals (not exceeding three months)": a review on day 29 puts the next within three months`,
			r:    sgLeaver("2024-08-31", LeavingCare{Accommodation: from10Jan, PathwayReviews: sgReviews("2025-02-07")}), asOf: "2025-03-01",
			want: "2025-05-07", label: accLabel, count: 3,
		},
		{
			name: `reg 7(3)(b): three months from 30 November is the last day of February`,
			r: sgLeaver("2024-08-31", LeavingCare{Accommodation: from10Jan,
				PathwayReviews: sgReviews("2025-02-07", "2025-05-07", "2025-08-07", "2025-11-30")}), asOf: "2025-12-01",
			want: "2026-02-28", label: accLabel, count: 3,
		},
		{
			name: `reg 7(3): accommodation that ended before the three months were up leaves six months`,
			r: sgLeaver("2024-08-31", LeavingCare{Accommodation: []Period{{Start: sgD("2025-01-10"), End: sgD("2025-04-01")}},
				PathwayReviews: sgReviews("2025-02-07")}), asOf: "2025-06-01",
			want: "2025-08-07", label: "the last pathway plan review", count: 6,
		},
		{
			name: `reg 7(3): accommodation ending after the assessment date still lasts`,
			r: sgLeaver("2024-08-31", LeavingCare{Accommodation: []Period{{Start: sgD("2025-01-10"), End: sgD("2025-04-01")}},
				PathwayReviews: sgReviews("2025-02-07")}), asOf: "2025-03-01",
			want: "2025-05-07", label: accLabel, count: 3,
		},
		{
			name: `reg 7(3) "first provided": spells that follow on without a gap are one accommodation`,
			r: sgLeaver("2024-08-31", LeavingCare{Accommodation: []Period{{Start: sgD("2025-01-10"), End: sgD("2025-02-01")}, {Start: sgD("2025-02-01")}},
				PathwayReviews: sgReviews("2025-02-07")}), asOf: "2025-03-01",
			want: "2025-05-07", label: accLabel, count: 3,
		},
		{
			name: `a stricter policy of three months leaves nothing for reg 7(3) to shorten`,
			r:    sgLeaver("2024-08-31", LeavingCare{Accommodation: from10Jan, PathwayReviews: sgReviews("2025-02-07")}), asOf: "2025-03-01",
			p:    Policy{SafeguardingPolicy: SafeguardingPolicy{Leaving: LeavingPolicy{PathwayReviewMonths: 3}}},
			want: "2025-05-07", label: "the last pathway plan review", count: 3,
		},
		{
			name: `reviews after the assessment date are not yet held`,
			r:    sgLeaver("2024-08-31", LeavingCare{PathwayReviews: sgReviews("2025-02-01")}), asOf: "2025-01-31",
			want: "2025-02-28", label: "the preparation of the pathway plan", count: 6,
		},
		{
			name: `no pathway plan yet: none owed`,
			r:    sgLeaver("2025-03-01", LeavingCare{}), asOf: "2025-02-01",
		},
		{
			name: `CA89 s.23C: the duties end at 21, so a review due on the 21st birthday is not owed`,
			r:    sgLeaver("2024-08-31", LeavingCare{PathwayReviews: sgReviews("2028-12-15")}), asOf: "2029-01-01",
		},
		{
			name: `never an eligible child: none owed`,
			r: Record{Child: Child{ID: "C0004", DateOfBirth: sgD("2008-06-15")},
				Episodes: []Episode{sgEp("2018-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "2019-01-10", ReasonEpisodeCeasedE4A)}},
			asOf: "2025-01-01",
		},
		{
			name: `a looser policy is an error`, r: sgLeaver("2024-08-31", LeavingCare{}), asOf: "2024-12-01",
			p:       Policy{SafeguardingPolicy: SafeguardingPolicy{Leaving: LeavingPolicy{AccommodationReviewMonths: 4}}},
			errPath: "leaving.accommodation_review_months",
		},
		{name: `a zero assessment date is an error`, r: sgLeaver("2024-08-31", LeavingCare{}), wantErr: ErrRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok, err := NextPathwayReview(tc.r, tc.ctx, sgD(tc.asOf), tc.p)
			if tc.wantErr != nil || tc.errPath != "" {
				var ve ValidationErrors
				switch {
				case tc.wantErr != nil && !errors.Is(err, tc.wantErr):
					t.Fatalf("NextPathwayReview error = %v, want %v", err, tc.wantErr)
				case tc.errPath != "" && (!errors.As(err, &ve) || len(ve) != 1 || ve[0].Path != tc.errPath):
					t.Fatalf("NextPathwayReview error = %v, want one at %s", err, tc.errPath)
				}
				return
			}
			if err != nil {
				t.Fatalf("NextPathwayReview: %v", err)
			}
			if got := d.Due.String(); ok != (tc.want != "") || got != tc.want {
				t.Fatalf("NextPathwayReview = %v, %v; want due %q", d, ok, tc.want)
			}
			if ok && (d.Rule != LEAV02 || d.AnchorLabel != tc.label || d.Count != tc.count || d.Unit != Months) {
				t.Errorf("NextPathwayReview = %+v; want LEAV-02, %d months after %q", d, tc.count, tc.label)
			}
		})
	}
}

func TestNextAdviserVisitWords(t *testing.T) {
	tests := []struct {
		name   string
		acc    []Period
		visits []string
		asOf   string
		want   string
		label  string
	}{
		{
			name: `reg 8(2)(a) "within 7 days of the accommodation first being provided": the first day is day 0`,
			acc:  []Period{{Start: sgD("2025-01-10")}}, asOf: "2025-01-10",
			want: "2025-01-17", label: "the start of the accommodation",
		},
		{
			name: `reg 8(2)(a): overdue the day after the seventh`,
			acc:  []Period{{Start: sgD("2025-01-10")}}, asOf: "2025-01-18",
			want: "2025-01-17", label: "the start of the accommodation",
		},
		{
			name: `reg 8(2)(c) "at subsequent intervals of not more than two months": a visit on 31 December, the next by the last day of February`,
			acc:  []Period{{Start: sgD("2025-01-10")}}, visits: []string{"2025-01-15", "2025-12-31"}, asOf: "2026-01-05",
			want: "2026-02-28", label: "the last adviser visit",
		},
		{
			name: `reg 8(2)(c): a late visit restarts the interval from the day it was made`,
			acc:  []Period{{Start: sgD("2025-01-10")}}, visits: []string{"2025-01-20"}, asOf: "2025-02-01",
			want: "2025-03-20", label: "the last adviser visit",
		},
		{
			name: `reg 8(2): accommodation ended before the next visit fell due: none owed`,
			acc:  []Period{{Start: sgD("2025-01-10"), End: sgD("2025-03-01")}}, visits: []string{"2025-01-15"}, asOf: "2025-03-02",
		},
		{
			name: `reg 8(2): accommodation ending on the due date: none owed`,
			acc:  []Period{{Start: sgD("2025-01-10"), End: sgD("2025-03-15")}}, visits: []string{"2025-01-15"}, asOf: "2025-03-15",
		},
		{name: `no accommodation provided: none owed`, asOf: "2025-03-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lc := LeavingCare{Accommodation: tc.acc}
			for _, v := range tc.visits {
				lc.AdviserVisits = append(lc.AdviserVisits, AdviserVisit{Date: sgD(v)})
			}
			d, ok, err := NextAdviserVisit(sgLeaver("2024-08-31", lc), sgD(tc.asOf), Policy{})
			if err != nil {
				t.Fatalf("NextAdviserVisit: %v", err)
			}
			if got := d.Due.String(); ok != (tc.want != "") || got != tc.want {
				t.Fatalf("NextAdviserVisit = %v, %v; want due %q", d, ok, tc.want)
			}
			if ok && (d.Rule != LEAV03 || d.AnchorLabel != tc.label) {
				t.Errorf("NextAdviserVisit = %+v; want LEAV-03 after %q", d, tc.label)
			}
		})
	}
}

// TestNextLeavingAgreesWithAssessment checks that the calculators return
// the open interval the full assessment reports, on the fixtures of the
// LEAV tests.
func TestNextLeavingAgreesWithAssessment(t *testing.T) {
	lc := LeavingCare{
		PathwayReviews: sgReviews("2025-03-20", "2025-05-30"),
		AdviserVisits:  []AdviserVisit{{Date: sgD("2025-01-15")}, {Date: sgD("2025-03-18")}},
		Accommodation:  []Period{{Start: sgD("2025-01-10")}},
	}
	r := sgLeaver("2024-10-01", lc)
	for _, asOf := range []string{"2024-12-01", "2025-01-12", "2025-03-19", "2025-04-01", "2025-06-01", "2025-10-01", "2029-06-14"} {
		rep := sgAssess(t, r, asOf, Policy{})
		for _, c := range []struct {
			kind *Kind
			next func() (Deadline, bool, error)
		}{
			{&kindLEAV02Review, func() (Deadline, bool, error) { return NextPathwayReview(r, Context{}, sgD(asOf), Policy{}) }},
			{&kindLEAV03Visit, func() (Deadline, bool, error) { return NextAdviserVisit(r, sgD(asOf), Policy{}) }},
		} {
			var want Deadline
			for _, f := range rep {
				if f.Kind() == c.kind && f.Status.IsLive() {
					want, _ = f.Deadline()
				}
			}
			got, ok, err := c.next()
			if err != nil {
				t.Fatalf("as of %s: %v", asOf, err)
			}
			if ok != !want.IsZero() || got != want {
				t.Errorf("as of %s, %s: calculator %v (%v), assessment %v", asOf, c.kind.What, got, ok, want)
			}
		}
	}
}

func TestCeasingApproverWords(t *testing.T) {
	young := Child{ID: "C0007", DateOfBirth: sgD("2015-03-01")}
	older := Child{ID: "C0008", DateOfBirth: sgD("2009-06-15")} // 16 on 15 June 2025
	period := func(ls LegalStatus, end string) []Episode {
		return []Episode{sgEp("2026-03-02", ReasonNewEpisodeS, ls, PlacementTypeU6, end, ReasonEpisodeCeasedE4A)}
	}
	tests := []struct {
		name     string
		c        Child
		eps      []Episode
		counting Counting
		want     Approver
		wantOK   bool
	}{
		{
			// Looked after from Monday 2 March 2026; the 20th working day
			// after it is Monday 30 March.
			name: `reg 39(4) "has been a looked after child for at least 20 working days": care ending on the 20th working day after the first is too short`,
			c:    young, eps: period(LegalStatusC2, "2026-03-30"), want: ApproverUnknown,
		},
		{
			name: `reg 39(4): looked after on the 20th working day after the first, the nominated officer approves`,
			c:    young, eps: period(LegalStatusC2, "2026-03-31"), want: ApproverNominatedOfficer, wantOK: true,
		},
		{
			name: `reg 39(4): with the first day counted as day 1, care ending on the 20th working day after it is long enough`,
			c:    young, eps: period(LegalStatusC2, "2026-03-30"), counting: CountFromAnchorDay, want: ApproverNominatedOfficer, wantOK: true,
		},
		{
			name: `reg 39(5) "aged 16 or 17 and is not in the care of the local authority": the Director approves`,
			c:    older, eps: period(LegalStatusV2, "2026-03-31"), want: ApproverDirector, wantOK: true,
		},
		{
			name: `reg 39(5): a 16-year-old in care (care order) is approved by the nominated officer`,
			c:    older, eps: period(LegalStatusC2, "2026-03-31"), want: ApproverNominatedOfficer, wantOK: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := CeasingApprover(tc.c, tc.eps, tc.eps[0].End, 0, EnglandAndWales(), tc.counting)
			if err != nil || got != tc.want || ok != tc.wantOK {
				t.Errorf("CeasingApprover = %v, %v, %v; want %v, %v", got, ok, err, tc.want, tc.wantOK)
			}
		})
	}
}

func TestNeedsAssessmentDueWords(t *testing.T) {
	eps := []Episode{sgEp("2022-01-10", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU6, "", 0)}
	tests := []struct {
		name, dob, asOf, want, label string
	}{
		{`reg 42(1) "not more than three months after the date on which C reaches the age of 16": 31 August gives 30 November`,
			"2009-08-31", "2025-09-01", "2025-11-30", "16th birthday"},
		{`reg 42(1): a 16th birthday on 30 November gives 29 February in a leap year`,
			"2011-11-30", "2027-12-01", "2028-02-29", "16th birthday"},
		{`reg 42(1) "or becomes an eligible child after that age": three months after the day the 13 weeks were reached`,
			"2005-08-31", "2022-05-01", "2022-07-10", "became eligible"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Child{ID: "C0009", DateOfBirth: sgD(tc.dob)}
			st, err := CareLeaverStatus(c, eps, sgD(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			d, ok := NeedsAssessmentDue(c, st, LeavingPolicy{})
			if !ok || d.Due.String() != tc.want || d.AnchorLabel != tc.label || d.Count != 3 || d.Unit != Months {
				t.Errorf("NeedsAssessmentDue = %v, %v; want due %s, 3 months after %s", d, ok, tc.want, tc.label)
			}
		})
	}
}
