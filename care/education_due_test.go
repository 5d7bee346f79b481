package care

import (
	"errors"
	"testing"
)

func TestPEPDue(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name        string
		dob         string
		lookedAfter string
		firstReview string
		policy      Policy
		want        string // "" for not applicable
	}{
		{"within 10 working days of becoming looked after", "2015-03-01", "2024-01-08", "",
			Policy{}, "EDU-01 due 2024-01-22: 10 working days after becoming looked after on 2024-01-08"},
		{"first review held before the 10th working day: due at the review", "2015-03-01", "2024-01-08", "2024-01-15",
			Policy{}, "EDU-01 due 2024-01-15: no later than the first review on 2024-01-15"},
		{"first review held later: 10 working days", "2015-03-01", "2024-01-08", "2024-02-01",
			Policy{}, "EDU-01 due 2024-01-22: 10 working days after becoming looked after on 2024-01-08"},
		{"counting the start day as day 1", "2015-03-01", "2024-01-08", "",
			Policy{Counting: CountFromAnchorDay}, "EDU-01 due 2024-01-19: 10 working days after becoming looked after on 2024-01-08"},
		{"under 4 when the period began: not applicable", "2021-03-01", "2024-01-08", "", Policy{}, ""},
		{"an early-years PEP from 2", "2021-03-01", "2024-01-08", "",
			Policy{PlanningPolicy: PlanningPolicy{Education: EducationPolicy{FromAge: 2}}},
			"EDU-01 due 2024-01-22: 10 working days after becoming looked after on 2024-01-08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := PEPDue(isoDate(tc.dob), isoDate(tc.lookedAfter), isoDate(tc.firstReview), cal, tc.policy)
			if err != nil {
				t.Fatalf("PEPDue() error = %v", err)
			}
			if !ok {
				if tc.want != "" {
					t.Errorf("PEPDue() = not applicable, want %s", tc.want)
				}
				return
			}
			if got.String() != tc.want {
				t.Errorf("PEPDue() = %v, want %s", got, tc.want)
			}
			if tc.firstReview != "" {
				return
			}
			// The rule reports the same initiation deadline.
			r := Record{Child: Child{ID: "C0003", DateOfBirth: isoDate(tc.dob)},
				Episodes: []Episode{plEp(tc.lookedAfter, ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}}
			rep := plAssess(t, r, Context{}, "2024-01-10", tc.policy).ForRule(EDU01)
			if len(rep) != 1 {
				t.Fatalf("Assess() gave %d EDU-01 findings, want 1", len(rep))
			}
			if d, _ := rep[0].Deadline(); d != got {
				t.Errorf("Assess() deadline = %v, calculator %v", d, got)
			}
		})
	}
}

func TestPEPDueErrors(t *testing.T) {
	cal := EnglandAndWales()
	d := isoDate("2024-01-08")
	tests := []struct {
		name string
		err  error
		path string
	}{
		{"no date of birth", third(PEPDue(Date{}, d, Date{}, cal, Policy{})), "date_of_birth"},
		{"no looked-after date", third(PEPDue(d.AddDays(-4000), Date{}, Date{}, cal, Policy{})), "looked_after"},
		{"review before becoming looked after", third(PEPDue(d.AddDays(-4000), d, d.AddDays(-1), cal, Policy{})), "first_review"},
		{"a looser policy", third(PEPDue(d.AddDays(-4000), d, Date{}, cal, Policy{PlanningPolicy: PlanningPolicy{Education: EducationPolicy{InitiateDays: 15}}})), "education.initiate_days"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fe *FieldError
			if !errors.As(tc.err, &fe) || fe.Path != tc.path {
				t.Errorf("error = %v, want one for %s", tc.err, tc.path)
			}
		})
	}
	if _, _, err := PEPDue(d.AddDays(-4000), d, Date{}, nil, Policy{}); !errors.Is(err, errNilCalendar) {
		t.Errorf("PEPDue(nil calendar) error = %v, want %v", err, errNilCalendar)
	}
}
