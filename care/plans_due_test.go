package care

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPendingFrom(t *testing.T) {
	p := func(s, e string) Period { return Period{Start: isoDate(s), End: isoDate(e)} }
	tests := []struct {
		name       string
		spans      []Period
		from, asOf string
		want       []string // start, end; nil if none pending
	}{
		{"none", nil, "2024-01-08", "", nil},
		{"pending before from: from", []Period{p("2024-01-02", "")}, "2024-01-08", "", []string{"2024-01-08", ""}},
		{"issued after from", []Period{p("2024-02-01", "2024-06-03")}, "2024-01-08", "", []string{"2024-02-01", "2024-06-03"}},
		{"disposed of on from: not pending", []Period{p("2023-06-01", "2024-01-08")}, "2024-01-08", "", nil},
		{"adjoining applications join", []Period{p("2024-03-01", "2024-06-03"), p("2024-01-15", "2024-03-01")}, "2024-01-08", "",
			[]string{"2024-01-15", "2024-06-03"}},
		{"a gap between applications does not", []Period{p("2024-01-15", "2024-03-01"), p("2024-03-04", "2024-06-03")}, "2024-01-08", "",
			[]string{"2024-01-15", "2024-03-01"}},
		{"an empty span is ignored", []Period{p("2024-01-15", "2024-01-15")}, "2024-01-08", "", nil},
		{"issued after the assessment date: not yet made", []Period{p("2024-04-01", "")}, "2024-01-08", "2024-03-01", nil},
		{"disposed of after the assessment date: still pending", []Period{p("2024-01-15", "2024-06-03")}, "2024-01-08", "2024-05-01",
			[]string{"2024-01-15", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, e, ok := pendingFrom(tc.spans, isoDate(tc.from), isoDate(tc.asOf))
			var got []string
			if ok {
				got = []string{s.String(), e.String()}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("pendingFrom() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPLAN01CareProceedings checks CPPCR reg 4(2): "Except in the case of
// a child to whom section 31A (care orders: care plans) applies ..., the
// care plan must be prepared before C is first placed ... or, if it is not
// practicable to do so, within ten working days of the start of the first
// placement", with CA89 s.31A(1): "Where an application is made on which a
// care order might be made ..., the appropriate local authority must,
// within such time as the court may direct, prepare a plan". The first
// placement starts on Monday 8 January 2024; ten working days later is
// Monday 22 January.
func TestPLAN01CareProceedings(t *testing.T) {
	ico := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	s20 := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}
	p := func(s, e string) []Period { return []Period{{Start: isoDate(s), End: isoDate(e)}} }
	plans := func(ds ...string) PlanningRecords {
		var r PlanningRecords
		for _, d := range ds {
			r.CarePlans = append(r.CarePlans, CarePlan{Agreed: isoDate(d)})
		}
		return r
	}
	tests := []struct {
		name  string
		eps   []Episode
		recs  PlanningRecords
		spans []Period
		asOf  string
		want  []string
	}{
		{name: "application pending at the first placement: reg 4(2) never owed",
			eps: ico, spans: p("2024-01-05", ""), asOf: "2024-03-01", want: nil},
		{name: "application issued before the tenth working day: reg 4(2) never owed",
			eps: s20, spans: p("2024-01-15", ""), asOf: "2024-03-01", want: nil},
		{name: "application issued on the due date: s.31A applies that day, reg 4(2) never owed",
			eps: s20, spans: p("2024-01-22", ""), asOf: "2024-03-01", want: nil},
		{name: "application issued after the due date with no plan: missed when the proceedings were issued",
			eps: s20, spans: p("2024-02-01", ""), asOf: "2024-03-01",
			want: []string{"PLAN-01 missed due 2024-01-22"}},
		{name: "plan agreed late but before the application: late",
			eps: s20, recs: plans("2024-01-25"), spans: p("2024-02-01", ""), asOf: "2024-03-01",
			want: []string{"PLAN-01 late due 2024-01-22 done 2024-01-25"}},
		{name: "plan agreed only after the application was issued: the reg 4(2) duty was missed",
			eps: s20, recs: plans("2024-02-10"), spans: p("2024-02-01", ""), asOf: "2024-03-01",
			want: []string{"PLAN-01 missed due 2024-01-22"}},
		{name: "proceedings end with no plan agreed: due ten working days after they ended",
			eps: ico, spans: p("2024-01-05", "2024-06-03"), asOf: "2024-06-20",
			want: []string{"PLAN-01 overdue due 2024-06-17"}},
		{name: "proceedings end with the s.31A plan agreed: nothing more owed",
			eps: ico, recs: plans("2024-03-01"), spans: p("2024-01-05", "2024-06-03"), asOf: "2024-06-20", want: nil},
		{name: "plan agreed after the proceedings ended: met against the ten days",
			eps: ico, recs: plans("2024-06-10"), spans: p("2024-01-05", "2024-06-03"), asOf: "2024-06-20",
			want: []string{"PLAN-01 met due 2024-06-17 done 2024-06-10"}},
		{name: "interim care order with no application recorded (a s.37 direction): reg 4(2) applies",
			eps: ico, asOf: "2024-03-01",
			want: []string{"PLAN-01 overdue due 2024-01-22"}},
		{name: "an application issued after the assessment date is not yet made",
			eps: s20, spans: p("2024-04-01", ""), asOf: "2024-03-01",
			want: []string{"PLAN-01 overdue due 2024-01-22"}},
		{name: "a final order after the assessment date: still pending",
			eps: ico, spans: p("2024-01-05", "2024-06-03"), asOf: "2024-05-01", want: nil},
		{name: "the child leaves care while proceedings are pending: nothing more owed",
			eps:   []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2024-04-01", ReasonEpisodeCeasedE4A)},
			spans: p("2024-01-05", "2024-06-03"), asOf: "2024-07-01", want: nil},
		{name: "a second application issued the day the first ended: one stretch",
			eps:   ico,
			spans: []Period{{Start: isoDate("2024-01-05"), End: isoDate("2024-03-01")}, {Start: isoDate("2024-03-01"), End: isoDate("2024-06-03")}},
			asOf:  "2024-06-20", want: []string{"PLAN-01 overdue due 2024-06-17"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Record{Episodes: tc.eps, PlanningRecords: tc.recs}
			rep := plAssess(t, r, Context{CareProceedings: tc.spans}, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, "PLAN-01")); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// The messages name the proceedings.
	rep := plAssess(t, Record{Episodes: s20}, Context{CareProceedings: p("2024-02-01", "")}, "2024-03-01", Policy{})
	rep = append(rep, plAssess(t, Record{Episodes: ico}, Context{CareProceedings: p("2024-01-05", "2024-06-03")}, "2024-06-20", Policy{})...)
	want := []string{
		"PLAN-01 missed episodes[0]: no care plan by 22 January 2024 (10 working days after the start of the first placement on 8 January 2024); closed when care proceedings were issued on 1 February 2024",
		"PLAN-01 overdue episodes[0]: no care plan yet; due 17 June 2024, 10 working days after the end of care proceedings on 3 June 2024",
	}
	if diff := cmp.Diff(want, plMessages(rep, "PLAN-01")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
}

// TestCarePlanDue checks the calculator, and that it gives the deadline
// the rule reports.
func TestCarePlanDue(t *testing.T) {
	cal := EnglandAndWales()
	p := func(s, e string) []Period { return []Period{{Start: isoDate(s), End: isoDate(e)}} }
	tests := []struct {
		name  string
		first string
		spans []Period
		want  string // "" for none while the court's timetable governs
	}{
		{"no proceedings: ten working days after the first placement", "2024-01-08", nil,
			"PLAN-01 due 2024-01-22: 10 working days after the start of the first placement on 2024-01-08"},
		{"first placement across Christmas", "2024-12-20", nil,
			"PLAN-01 due 2025-01-08: 10 working days after the start of the first placement on 2024-12-20"},
		{"application pending: the court's timetable governs", "2024-01-08", p("2024-01-05", ""), ""},
		{"proceedings ended: ten working days after they ended", "2024-01-08", p("2024-01-05", "2024-06-03"),
			"PLAN-01 due 2024-06-17: 10 working days after the end of care proceedings on 2024-06-03"},
		{"application issued after the due date and still pending", "2024-01-08", p("2024-02-01", ""), ""},
		{"application issued after the due date and ended", "2024-01-08", p("2024-02-01", "2024-06-03"),
			"PLAN-01 due 2024-06-17: 10 working days after the end of care proceedings on 2024-06-03"},
		{"proceedings that ended before the first placement are not pending", "2024-01-08", p("2023-05-01", "2023-11-01"),
			"PLAN-01 due 2024-01-22: 10 working days after the start of the first placement on 2024-01-08"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := CarePlanDue(isoDate(tc.first), tc.spans, cal, Policy{})
			if err != nil {
				t.Fatalf("CarePlanDue() error = %v", err)
			}
			switch {
			case !ok && tc.want != "":
				t.Fatalf("CarePlanDue() = none, want %s", tc.want)
			case ok && got.String() != tc.want:
				t.Fatalf("CarePlanDue() = %v, want %q", got, tc.want)
			case !ok:
				return
			}
			// The rule reports the same deadline, last among its findings.
			r := Record{Episodes: []Episode{plEp(tc.first, ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}}
			rep := plAssess(t, r, Context{CareProceedings: tc.spans}, "2025-06-01", Policy{}).ForRule(PLAN01)
			if len(rep) == 0 {
				t.Fatal("Assess() gave no PLAN-01 finding")
			}
			if d, _ := rep[len(rep)-1].Deadline(); d != got {
				t.Errorf("Assess() deadline = %v, calculator %v", d, got)
			}
		})
	}
}

func TestPlanCalculatorErrors(t *testing.T) {
	cal := EnglandAndWales()
	d := isoDate("2024-01-08")
	tests := []struct {
		name string
		err  error
		path string
	}{
		{"care plan: no first placement", third(CarePlanDue(Date{}, nil, cal, Policy{})), "first_placement"},
		{"care plan: proceedings with no issue date", third(CarePlanDue(d, []Period{{End: d}}, cal, Policy{})), "care_proceedings[0].start"},
		{"care plan: proceedings disposed of before issue", third(CarePlanDue(d, []Period{{Start: d, End: d.AddDays(-1)}}, cal, Policy{})), "care_proceedings[0].end"},
		{"care plan: a looser policy", third(CarePlanDue(d, nil, cal, Policy{PlanningPolicy: PlanningPolicy{Plans: PlansPolicy{CarePlanDays: 11}}})), "plans.care_plan_days"},
		{"placement plan: no start", second(PlacementPlanDue(Date{}, cal, Policy{})), "placement_start"},
		{"notice: no start", second(PlacementNoticeDue(Date{}, cal, Policy{})), "placement_start"},
		{"notice: a looser policy", second(PlacementNoticeDue(d, cal, Policy{PlanningPolicy: PlanningPolicy{Plans: PlansPolicy{NotificationDays: 6}}})), "plans.notification_days"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var fe *FieldError
			if !errors.As(tc.err, &fe) || fe.Path != tc.path {
				t.Errorf("error = %v, want one for %s", tc.err, tc.path)
			}
		})
	}
	if _, err := PlacementPlanDue(d, nil, Policy{}); !errors.Is(err, errNilCalendar) {
		t.Errorf("PlacementPlanDue(nil calendar) error = %v, want %v", err, errNilCalendar)
	}
	if _, _, err := CarePlanDue(d, nil, &Calendar{}, Policy{}); !errors.Is(err, ErrOutsideCalendar) {
		t.Errorf("CarePlanDue(zero calendar) error = %v, want ErrOutsideCalendar", err)
	}
}

// TestPlacementPlanAndNoticeDue checks reg 9(2) and reg 13(1): "within five
// working days of the start of the placement".
func TestPlacementPlanAndNoticeDue(t *testing.T) {
	cal := EnglandAndWales()
	tests := []struct {
		name   string
		start  string
		policy Policy
		plan   string
		notice string
	}{
		{"placement on Friday 20 December: Christmas and Boxing Day skipped", "2024-12-20", Policy{},
			"PLAN-04 due 2024-12-31: 5 working days after the start of the placement on 2024-12-20",
			"PLAN-05 due 2024-12-31: 5 working days after the start of the placement on 2024-12-20"},
		{"counting the placement day as day 1", "2024-12-20", Policy{Counting: CountFromAnchorDay},
			"PLAN-04 due 2024-12-30: 5 working days after the start of the placement on 2024-12-20",
			"PLAN-05 due 2024-12-30: 5 working days after the start of the placement on 2024-12-20"},
		{"placement on a Saturday: both conventions agree", "2024-03-02", Policy{Counting: CountFromAnchorDay},
			"PLAN-04 due 2024-03-08: 5 working days after the start of the placement on 2024-03-02",
			"PLAN-05 due 2024-03-08: 5 working days after the start of the placement on 2024-03-02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := PlacementPlanDue(isoDate(tc.start), cal, tc.policy)
			if err != nil || plan.String() != tc.plan {
				t.Errorf("PlacementPlanDue(%s) = %v, %v; want %s", tc.start, plan, err, tc.plan)
			}
			notice, err := PlacementNoticeDue(isoDate(tc.start), cal, tc.policy)
			if err != nil || notice.String() != tc.notice {
				t.Errorf("PlacementNoticeDue(%s) = %v, %v; want %s", tc.start, notice, err, tc.notice)
			}
			// The rules report the same deadlines.
			r := Record{Episodes: []Episode{plEp(tc.start, ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")}}
			rep := plAssess(t, r, Context{}, "2025-06-01", tc.policy)
			for _, want := range []Deadline{plan, notice} {
				got := rep.ForRule(want.Rule)
				if len(got) != 1 {
					t.Fatalf("Assess() gave %d %s findings, want 1", len(got), want.Rule)
				}
				if d, _ := got[0].Deadline(); d != want {
					t.Errorf("Assess() deadline = %v, calculator %v", d, want)
				}
			}
		})
	}
}

// TestPLAN06DecisionAfterTheAssessment checks reg 19(c): "within ten
// working days after the assessment is completed". "After" excludes the day
// of completion, so counting the anchor day as day 1 (a reading of "within
// … of") does not move the decision's deadline; it moves reg 19(b)'s
// "within ten working days of C being placed with P".
func TestPLAN06DecisionAfterTheAssessment(t *testing.T) {
	rec := Record{Episodes: []Episode{plEp("2024-03-25", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "")},
		PlanningRecords: PlanningRecords{ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-03-25"),
			AssessmentCompleted: isoDate("2024-04-09"), DecisionApproved: isoDate("2024-04-23")}}}}
	tests := []struct {
		name   string
		policy Policy
		want   []string
	}{
		// Good Friday 29 March and Easter Monday 1 April 2024 are not working days.
		{"placement day is day 0", Policy{},
			[]string{"PLAN-06 met due 2024-04-10 done 2024-04-09", "PLAN-06 met due 2024-04-23 done 2024-04-23"}},
		{"placement day is day 1: the assessment's deadline moves, the decision's does not", Policy{Counting: CountFromAnchorDay},
			[]string{"PLAN-06 met due 2024-04-09 done 2024-04-09", "PLAN-06 met due 2024-04-23 done 2024-04-23"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, rec, Context{}, "2024-05-01", tc.policy)
			if diff := cmp.Diff(tc.want, plSummary(rep, "PLAN-06")); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
