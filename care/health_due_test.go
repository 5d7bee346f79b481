package care

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHLTH01BeforeTheFirstReview checks CPPCR reg 7(1): "before the first
// review of C's case". The child becomes looked after on Monday 8 January
// 2024; the 20th working day after is Monday 5 February.
func TestHLTH01BeforeTheFirstReview(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	ha := func(d string) []HealthAssessment {
		return []HealthAssessment{{Date: isoDate(d), Kind: HealthAssessmentKindInitial, By: AssessorDoctor, WrittenReport: true}}
	}
	reviews := func(ds ...string) Context {
		var c Context
		for _, d := range ds {
			c.Reviews = append(c.Reviews, isoDate(d))
		}
		return c
	}
	arrangements := Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{InitialReading: InitialHealthByWorkingDays}}}
	tests := []struct {
		name   string
		eps    []Episode
		has    []HealthAssessment
		ctx    Context
		asOf   string
		policy Policy
		want   []string
	}{
		{name: "first review early: due at the review as held, met on the review's day",
			has: ha("2024-01-22"), ctx: reviews("2024-01-22"), asOf: "2024-03-01",
			want: []string{"HLTH-01 met due 2024-01-22 done 2024-01-22"}},
		{name: "first review early: an assessment after it is late, though within 20 working days",
			has: ha("2024-01-25"), ctx: reviews("2024-01-22"), asOf: "2024-03-01",
			want: []string{"HLTH-01 late due 2024-01-22 done 2024-01-25"}},
		{name: "first review early: overdue from the day after the review",
			ctx: reviews("2024-01-22"), asOf: "2024-01-23",
			want: []string{"HLTH-01 overdue due 2024-01-22"}},
		{name: "first review late: the 20 working days still bind",
			has: ha("2024-02-08"), ctx: reviews("2024-02-12"), asOf: "2024-03-01",
			want: []string{"HLTH-01 late due 2024-02-05 done 2024-02-08"}},
		{name: "first review on the 20th working day: the same date either way",
			has: ha("2024-02-05"), ctx: reviews("2024-02-05"), asOf: "2024-03-01",
			want: []string{"HLTH-01 met due 2024-02-05 done 2024-02-05"}},
		{name: "no review yet: 20 working days",
			asOf: "2024-01-30",
			want: []string{"HLTH-01 upcoming due 2024-02-05"}},
		{name: "a review held after the assessment date is not yet held",
			ctx: reviews("2024-01-22"), asOf: "2024-01-15",
			want: []string{"HLTH-01 upcoming due 2024-02-05"}},
		{name: "a review of an earlier period of care is not this period's first review",
			eps: []Episode{
				plEp("2023-06-01", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "2023-09-01", ReasonEpisodeCeasedE4A),
				plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, ""),
			},
			has: ha("2024-02-01"), ctx: reviews("2023-06-20"), asOf: "2024-03-01",
			want: []string{"HLTH-01 met due 2024-02-05 done 2024-02-01"}},
		{name: "the arrangements reading: an early review does not bring the assessment forward",
			has: ha("2024-01-25"), ctx: reviews("2024-01-22"), asOf: "2024-03-01", policy: arrangements,
			want: []string{"HLTH-01 met due 2024-02-05 done 2024-01-25"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.eps
			if e == nil {
				e = eps
			}
			r := Record{Child: Child{ID: "C0002", DateOfBirth: isoDate("2019-09-15")}, Episodes: e,
				PlanningRecords: PlanningRecords{HealthAssessments: tc.has}}
			rep := plAssess(t, r, tc.ctx, tc.asOf, tc.policy)
			got := plSummary(rep, "HLTH-01")
			if len(e) > 1 {
				got = got[len(got)-1:] // the later period's
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// The message says which deadline applied.
	r := Record{Child: Child{ID: "C0002", DateOfBirth: isoDate("2019-09-15")}, Episodes: eps,
		PlanningRecords: PlanningRecords{HealthAssessments: ha("2024-01-25")}}
	rep := plAssess(t, r, reviews("2024-01-22"), "2024-03-01", Policy{})
	want := []string{"HLTH-01 late episodes[0]: initial health assessment on 25 January 2024, 3 days late; due 22 January 2024, no later than the first review held on 22 January 2024"}
	if diff := cmp.Diff(want, plMessages(rep, "HLTH-01")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
}

// TestInitialHealthAssessmentDue checks the calculator, and that it gives
// the deadline the rule reports.
func TestInitialHealthAssessmentDue(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name        string
		lookedAfter string
		firstReview string
		policy      Policy
		want        string
	}{
		{"no review yet: the 20th working day after becoming looked after", "2024-01-08", "",
			Policy{}, "HLTH-01 due 2024-02-05: 20 working days after becoming looked after on 2024-01-08"},
		{"first review early: due at the review", "2024-01-08", "2024-01-22",
			Policy{}, "HLTH-01 due 2024-01-22: no later than the first review held on 2024-01-22"},
		{"first review late: 20 working days", "2024-01-08", "2024-02-12",
			Policy{}, "HLTH-01 due 2024-02-05: 20 working days after becoming looked after on 2024-01-08"},
		{"looked after on Christmas Eve: the count skips Christmas, Boxing Day and New Year's Day", "2024-12-24", "",
			Policy{}, "HLTH-01 due 2025-01-24: 20 working days after becoming looked after on 2024-12-24"},
		{"counting the start day as day 1", "2024-01-08", "",
			Policy{Counting: CountFromAnchorDay}, "HLTH-01 due 2024-02-02: 20 working days after becoming looked after on 2024-01-08"},
		{"the arrangements reading ignores an early review", "2024-01-08", "2024-01-22",
			Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{InitialReading: InitialHealthByWorkingDays}}},
			"HLTH-01 due 2024-02-05: 20 working days after becoming looked after on 2024-01-08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := InitialHealthAssessmentDue(isoDate(tc.lookedAfter), isoDate(tc.firstReview), cal, tc.policy)
			if err != nil {
				t.Fatalf("InitialHealthAssessmentDue() error = %v", err)
			}
			if got.String() != tc.want {
				t.Errorf("InitialHealthAssessmentDue(%s, %s) = %v, want %s", tc.lookedAfter, tc.firstReview, got, tc.want)
			}
			// The rule reports the same deadline.
			var ctx Context
			if tc.firstReview != "" {
				ctx.Reviews = []Date{isoDate(tc.firstReview)}
			}
			r := Record{Child: Child{ID: "C0002", DateOfBirth: isoDate("2019-09-15")},
				Episodes: []Episode{plEp(tc.lookedAfter, ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}}
			rep := plAssess(t, r, ctx, "2025-06-01", tc.policy).ForRule(HLTH01)
			if len(rep) != 1 {
				t.Fatalf("Assess() gave %d HLTH-01 findings, want 1", len(rep))
			}
			if d, _ := rep[0].Deadline(); d != got {
				t.Errorf("Assess() deadline = %v, calculator %v", d, got)
			}
		})
	}
}

func TestHealthCalculatorErrors(t *testing.T) {
	cal := EnglandAndWales()
	d := isoDate("2024-01-08")
	tests := []struct {
		name string
		err  error
		path string
	}{
		{"initial: no looked-after date", second(InitialHealthAssessmentDue(Date{}, Date{}, cal, Policy{})), "looked_after"},
		{"initial: first review before becoming looked after", second(InitialHealthAssessmentDue(d, d.AddDays(-1), cal, Policy{})), "first_review"},
		{"initial: a looser policy", second(InitialHealthAssessmentDue(d, Date{}, cal, Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{InitialDays: 25}}})), "health.initial_days"},
		{"initial: an unknown reading", second(InitialHealthAssessmentDue(d, Date{}, cal, Policy{PlanningPolicy: PlanningPolicy{Health: HealthPolicy{InitialReading: 7}}})), "health.initial_reading"},
		{"review: no date of birth", second(HealthReviewDue(Date{}, d, HealthPolicy{})), "date_of_birth"},
		{"review: no last assessment", second(HealthReviewDue(d, Date{}, HealthPolicy{})), "last_assessment"},
		{"review: assessed before birth", second(HealthReviewDue(d, d.AddDays(-1), HealthPolicy{})), "last_assessment"},
		{"review: looser than 12 months", second(HealthReviewDue(d.AddDays(-3000), d, HealthPolicy{FiveAndOverMonths: 18})), "health.five_and_over_months"},
		{"SDQ: no date of birth", third(SDQDue(Date{}, d, Date{}, HealthPolicy{})), "date_of_birth"},
		{"SDQ: no looked-after date", third(SDQDue(d, Date{}, Date{}, HealthPolicy{})), "looked_after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fe *FieldError
			if !errors.As(tc.err, &fe) || fe.Path != tc.path {
				t.Errorf("error = %v, want one for %s", tc.err, tc.path)
			}
		})
	}
	if _, err := InitialHealthAssessmentDue(d, Date{}, nil, Policy{}); !errors.Is(err, errNilCalendar) {
		t.Errorf("InitialHealthAssessmentDue(nil calendar) error = %v, want %v", err, errNilCalendar)
	}
	if _, err := InitialHealthAssessmentDue(d, Date{}, &Calendar{}, Policy{}); !errors.Is(err, ErrOutsideCalendar) {
		t.Errorf("InitialHealthAssessmentDue(zero calendar) error = %v, want ErrOutsideCalendar", err)
	}
}

func second[T any](_ T, err error) error        { return err }
func third[T, U any](_ T, _ U, err error) error { return err }

// TestHealthReviewDue checks reg 7(3): "at least once in every period of
// six months before C's fifth birthday, and at least once in every period
// of 12 months after C's fifth birthday".
func TestHealthReviewDue(t *testing.T) {
	byDue := HealthPolicy{FifthBirthday: FifthBirthdayByDueDate}
	tests := []struct {
		name   string
		dob    string
		last   string
		policy HealthPolicy
		want   string
	}{
		{"under 5: six months", "2022-03-01", "2024-05-10", HealthPolicy{},
			"HLTH-02 due 2024-11-10: 6 months after the last health assessment on 2024-05-10"},
		{"5 or over: 12 months", "2015-03-01", "2024-05-10", HealthPolicy{},
			"HLTH-02 due 2025-05-10: 12 months after the last health assessment on 2024-05-10"},
		{"assessed on the 5th birthday: 12 months", "2019-05-10", "2024-05-10", HealthPolicy{},
			"HLTH-02 due 2025-05-10: 12 months after the last health assessment on 2024-05-10"},
		{"turning 5 before the next is due: six months, set by age at the last (default)", "2019-09-15", "2024-08-01", HealthPolicy{},
			"HLTH-02 due 2025-02-01: 6 months after the last health assessment on 2024-08-01"},
		{"turning 5 before the next is due: 12 months under the due-date reading", "2019-09-15", "2024-08-01", byDue,
			"HLTH-02 due 2025-08-01: 12 months after the last health assessment on 2024-08-01"},
		{"31 August plus six months is the last day of February", "2022-01-01", "2024-08-31", HealthPolicy{},
			"HLTH-02 due 2025-02-28: 6 months after the last health assessment on 2024-08-31"},
		{"29 February plus 12 months is 28 February", "2012-01-01", "2024-02-29", HealthPolicy{},
			"HLTH-02 due 2025-02-28: 12 months after the last health assessment on 2024-02-29"},
		{"a stricter local 4 months for the under-5s", "2022-03-01", "2024-05-10", HealthPolicy{UnderFiveMonths: 4},
			"HLTH-02 due 2024-09-10: 4 months after the last health assessment on 2024-05-10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := HealthReviewDue(isoDate(tc.dob), isoDate(tc.last), tc.policy)
			if err != nil {
				t.Fatalf("HealthReviewDue() error = %v", err)
			}
			if got.String() != tc.want {
				t.Errorf("HealthReviewDue(%s) = %v, want %s", tc.last, got, tc.want)
			}
		})
	}
}

func TestSDQDue(t *testing.T) {
	tests := []struct {
		name        string
		dob         string
		lookedAfter string
		last        string
		want        string // "" for none owed
	}{
		{"first SDQ 12 months after becoming looked after", "2015-03-01", "2024-01-08", "",
			"HLTH-03 due 2025-01-08: 12 months after becoming looked after on 2024-01-08"},
		{"turning 4 in care: 12 months after the 4th birthday, its date withheld", "2020-06-10", "2022-01-08", "",
			"HLTH-03 due 2025-06-10: 12 months after the 4th birthday"},
		{"then 12 months after the last", "2015-03-01", "2024-01-08", "2024-11-20",
			"HLTH-03 due 2025-11-20: 12 months after the last SDQ on 2024-11-20"},
		{"an SDQ before becoming looked after is ignored", "2015-03-01", "2024-01-08", "2023-12-01",
			"HLTH-03 due 2025-01-08: 12 months after becoming looked after on 2024-01-08"},
		{"due on the 17th birthday: none owed", "2008-03-01", "2024-01-08", "2024-03-01", ""},
		{"due the day before the 17th birthday: owed", "2008-03-02", "2024-01-08", "2024-03-01",
			"HLTH-03 due 2025-03-01: 12 months after the last SDQ on 2024-03-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := SDQDue(isoDate(tc.dob), isoDate(tc.lookedAfter), isoDate(tc.last), HealthPolicy{})
			if err != nil {
				t.Fatalf("SDQDue() error = %v", err)
			}
			if !ok {
				if tc.want != "" {
					t.Errorf("SDQDue() = none, want %s", tc.want)
				}
				return
			}
			if got.String() != tc.want {
				t.Errorf("SDQDue() = %v, want %q", got, tc.want)
			}
		})
	}
}

func TestInitialHealthReadingText(t *testing.T) {
	for _, r := range []InitialHealthReading{InitialHealthByFirstReview, InitialHealthByWorkingDays} {
		b, err := r.MarshalText()
		if err != nil {
			t.Fatalf("MarshalText(%v) error = %v", r, err)
		}
		var got InitialHealthReading
		if err := got.UnmarshalText(b); err != nil || got != r {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, got, err, r)
		}
	}
	var r InitialHealthReading = InitialHealthByWorkingDays
	if err := r.UnmarshalText(nil); err != nil || r != InitialHealthByFirstReview {
		t.Errorf("UnmarshalText(\"\") = %v, %v; want the default", r, err)
	}
	if err := r.UnmarshalText([]byte("arrangements")); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("UnmarshalText(unknown) error = %v, want ErrUnknownCode", err)
	}
	if _, err := InitialHealthReading(5).MarshalText(); err == nil {
		t.Errorf("MarshalText(5) succeeded, want an error")
	}
	if got := InitialHealthReading(5).String(); got != "InitialHealthReading(5)" {
		t.Errorf("String() = %q", got)
	}
}
