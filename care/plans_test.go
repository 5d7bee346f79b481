package care

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// plAssess runs Assess with the England and Wales calendar.
func plAssess(t *testing.T, r Record, ctx Context, asOf string, p Policy) Report {
	t.Helper()
	if r.Child.ID == "" {
		r.Child = plChild()
	}
	rep, err := Assess(r, ctx, isoDate(asOf), EnglandAndWales(), p)
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	return rep
}

func TestPlanTimescales(t *testing.T) {
	// 20 December 2024 is a Friday: five working days later, skipping
	// Christmas Day and Boxing Day, is Tuesday 31 December.
	xmas := []Episode{plEp("2024-12-20", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	inclusive := Policy{Counting: CountFromAnchorDay}
	tests := []struct {
		name   string
		rec    Record
		asOf   string
		policy Policy
		only   string
		want   []string
	}{
		{
			name: "care plan agreed before the placement is on time",
			rec:  Record{Episodes: xmas, PlanningRecords: PlanningRecords{CarePlans: []CarePlan{{Agreed: isoDate("2024-12-19")}}}},
			asOf: "2025-01-20", only: "PLAN-01",
			want: []string{"PLAN-01 met due 2025-01-08 done 2024-12-19"},
		},
		{
			name: "care plan due ten working days after a placement across Christmas",
			rec:  Record{Episodes: xmas, PlanningRecords: PlanningRecords{CarePlans: []CarePlan{{Agreed: isoDate("2025-01-09")}}}},
			asOf: "2025-01-20", only: "PLAN-01",
			want: []string{"PLAN-01 late due 2025-01-08 done 2025-01-09"},
		},
		{
			name: "care plan not yet agreed",
			rec:  Record{Episodes: xmas},
			asOf: "2025-01-02", only: "PLAN-01",
			want: []string{"PLAN-01 upcoming due 2025-01-08"},
		},
		{
			name: "placement plan on the fifth working day after Christmas",
			rec: Record{Episodes: xmas, PlanningRecords: PlanningRecords{PlacementPlans: []PlacementPlan{
				{PlacementStart: isoDate("2024-12-20"), Prepared: isoDate("2024-12-31")}}}},
			asOf: "2025-01-20", only: "PLAN-04",
			want: []string{"PLAN-04 met due 2024-12-31 done 2024-12-31"},
		},
		{
			name: "counting the placement day as day 1 brings the deadline forward",
			rec: Record{Episodes: xmas, PlanningRecords: PlanningRecords{PlacementPlans: []PlacementPlan{
				{PlacementStart: isoDate("2024-12-20"), Prepared: isoDate("2024-12-31")}}}},
			asOf: "2025-01-20", only: "PLAN-04", policy: inclusive,
			want: []string{"PLAN-04 late due 2024-12-30 done 2024-12-31"},
		},
		{
			name: "a placement that starts on a Saturday: both conventions agree",
			rec: Record{Episodes: []Episode{plEp("2024-03-02", ReasonNewEpisodeS, LegalStatusV2, PlacementTypeU6, "")},
				PlanningRecords: PlanningRecords{PlacementPlans: []PlacementPlan{{PlacementStart: isoDate("2024-03-02"), Prepared: isoDate("2024-03-08")}}}},
			asOf: "2024-04-01", only: "PLAN-04", policy: inclusive,
			want: []string{"PLAN-04 met due 2024-03-08 done 2024-03-08"},
		},
		{
			name: "each placement needs its own placement plan and IRO notice",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2024-03-04"),
				plEp("2024-03-04", ReasonNewEpisodeP, LegalStatusC1, PlacementTypeK2, ""),
			}, PlanningRecords: PlanningRecords{
				PlacementPlans: []PlacementPlan{{PlacementStart: isoDate("2024-01-08"), Prepared: isoDate("2024-01-05")}},
				Notifications: []Notification{
					{PlacementStart: isoDate("2024-01-08"), Recipient: RecipientIRO, Sent: isoDate("2024-01-09")},
					{PlacementStart: isoDate("2024-01-08"), Recipient: RecipientGP, Sent: isoDate("2024-01-22")},
				},
			}},
			asOf: "2024-03-20", only: "PLAN-0",
			want: []string{
				"PLAN-04 met due 2024-01-15 done 2024-01-05",
				"PLAN-05 met due 2024-01-15 done 2024-01-09",
				"PLAN-05 late due 2024-01-15 done 2024-01-22",
				"PLAN-01 overdue due 2024-01-22",
				"PLAN-04 overdue due 2024-03-11",
				"PLAN-05 overdue due 2024-03-11",
			},
		},
		{
			name: "short breaks need no placement plan or notices, and one care plan for the series",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8),
				plEp("2024-02-02", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, ""),
			}},
			asOf: "2024-03-01", only: "PLAN-0",
			want: []string{"PLAN-01 overdue due 2024-01-19"},
		},
		{
			name: "a short-break care plan agreed in a later stay of the series is late, not missing",
			rec: Record{Episodes: []Episode{
				plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8),
				plEp("2024-02-02", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, ""),
			}, PlanningRecords: PlanningRecords{CarePlans: []CarePlan{{Agreed: isoDate("2024-02-02")}}}},
			asOf: "2024-03-01", only: "PLAN-01",
			want: []string{"PLAN-01 late due 2024-01-19 done 2024-02-02"},
		},
		{
			name: "a series of short breaks that ended before its care plan was due owed none",
			rec:  Record{Episodes: []Episode{plEp("2024-01-05", ReasonNewEpisodeS, LegalStatusV3, PlacementTypeU6, "2024-01-07", ReasonEpisodeCeasedE8)}},
			asOf: "2024-03-01", only: "PLAN-0",
			want: nil,
		},
		{
			name: "placed with a parent before assessment: 10 working days, then 10 more",
			rec: Record{Episodes: []Episode{plEp("2024-03-25", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "")},
				PlanningRecords: PlanningRecords{ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-03-25"),
					AssessmentCompleted: isoDate("2024-04-09"), DecisionApproved: isoDate("2024-04-24")}}}},
			asOf: "2024-05-01", only: "PLAN-06",
			// Good Friday 29 March and Easter Monday 1 April 2024 are not working days.
			want: []string{"PLAN-06 met due 2024-04-10 done 2024-04-09", "PLAN-06 late due 2024-04-23 done 2024-04-24"},
		},
		{
			name: "reg 19 decision not yet due while the assessment is open",
			rec: Record{Episodes: []Episode{plEp("2024-03-25", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "")},
				PlanningRecords: PlanningRecords{ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-03-25")}}}},
			asOf: "2024-04-05", only: "PLAN-06",
			want: []string{"PLAN-06 upcoming due 2024-04-10"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, tc.rec, Context{}, tc.asOf, tc.policy)
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCarePlanContent(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	full := CarePlan{Agreed: isoDate("2024-01-10"), PermanencePlan: "return home", HealthPlan: true, PEP: true, IROName: "IRO 7",
		ChildWishes: true, ParentWishes: true, Actions: []PlanAction{
			{Action: "contact plan", Owner: "SW", Outcome: "weekly contact", Due: isoDate("2024-02-01"), Completed: isoDate("2024-01-30")},
			{Action: "school move", Owner: "VS", Outcome: "place found", Due: isoDate("2024-07-01")},
		}}
	tests := []struct {
		name string
		plan CarePlan
		asOf string
		want []string
	}{
		{"a complete plan with an action ahead", full, "2024-03-01",
			[]string{"PLAN-02 met", "PLAN-03 met", "PLAN-03 met due 2024-02-01 done 2024-01-30", "PLAN-03 upcoming due 2024-07-01"}},
		{"the only open action is overdue and none is ahead", full, "2024-07-02",
			[]string{"PLAN-02 met", "PLAN-03 breach", "PLAN-03 met due 2024-02-01 done 2024-01-30", "PLAN-03 overdue due 2024-07-01"}},
		{"missing parts and a vague action: one breach for the action, one for nothing due ahead", CarePlan{Agreed: isoDate("2024-01-10"), Actions: []PlanAction{{Action: "support"}}}, "2024-03-01",
			[]string{"PLAN-02 breach", "PLAN-03 breach", "PLAN-03 breach"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := Record{Episodes: eps, PlanningRecords: PlanningRecords{CarePlans: []CarePlan{tc.plan}}}
			rep := plAssess(t, rec, Context{}, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, "PLAN-02", "PLAN-03")); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCarePlanMessages(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	vague := CarePlan{Agreed: isoDate("2024-01-10"), Actions: []PlanAction{{Action: "contact plan", Owner: "SW", Outcome: "weekly contact", Due: isoDate("2024-02-01")}, {Action: "support"}}}
	pep := []PEP{{Initiated: isoDate("2024-01-20")}}
	tests := []struct {
		name string
		peps []PEP
		want []string
	}{
		{"a PEP exists but the plan leaves it out", pep, []string{
			"PLAN-02 breach care_plans[0]: care plan agreed on 10 January 2024: no plan for permanence; no health plan; no personal education plan; no IRO named; child's wishes and feelings not recorded; parents' wishes and feelings not recorded",
			"PLAN-03 breach care_plans[0]: care plan agreed on 10 January 2024: no open action due by 1 September 2024, 6 months ahead",
			"PLAN-03 breach care_plans[0].actions[1]: care plan action: no owner; no intended outcome; no due date",
			"PLAN-03 overdue care_plans[0].actions[0]: no action completed yet; due 1 February 2024, 22 days after agreement of the care plan on 10 January 2024",
		}},
		// EDU-01 reports that no PEP exists; the care plan is not faulted
		// for leaving out a PEP there is none of.
		{"no PEP exists: EDU-01 reports it, not PLAN-02", nil, []string{
			"PLAN-02 breach care_plans[0]: care plan agreed on 10 January 2024: no plan for permanence; no health plan; no IRO named; child's wishes and feelings not recorded; parents' wishes and feelings not recorded",
			"PLAN-03 breach care_plans[0]: care plan agreed on 10 January 2024: no open action due by 1 September 2024, 6 months ahead",
			"PLAN-03 breach care_plans[0].actions[1]: care plan action: no owner; no intended outcome; no due date",
			"PLAN-03 overdue care_plans[0].actions[0]: no action completed yet; due 1 February 2024, 22 days after agreement of the care plan on 10 January 2024",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := Record{Episodes: eps, PlanningRecords: PlanningRecords{CarePlans: []CarePlan{vague}, PEPs: tc.peps}}
			rep := plAssess(t, rec, Context{}, "2024-03-01", Policy{})
			if diff := cmp.Diff(tc.want, plMessages(rep, "PLAN-02", "PLAN-03")); diff != "" {
				t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPlanWindows checks what closes the windows of the PLAN family: the
// placement for PLAN-04 and PLAN-05 (due 15 January 2024, five working
// days after a placement on Monday 8 January), the period of care for
// PLAN-01 (due 22 January), the placement with the parent for PLAN-06.
func TestPlanWindows(t *testing.T) {
	placed := func(end string) []Episode {
		if end == "" {
			return []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
		}
		return []Episode{
			plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, end),
			plEp(end, ReasonNewEpisodeP, LegalStatusC1, PlacementTypeK2, ""),
		}
	}
	left := func(end string) []Episode {
		return []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, end, ReasonEpisodeCeasedE4A)}
	}
	tests := []struct {
		name string
		eps  []Episode
		recs PlanningRecords
		asOf string
		only string
		want []string
	}{
		{"placement ends the day before the plan is due: none was owed", placed("2024-01-14"), PlanningRecords{}, "2024-02-01", "PLAN-04",
			[]string{"PLAN-04 overdue due 2024-01-19"}}, // the next placement's plan
		{"placement ends on the due date: none was owed", placed("2024-01-15"), PlanningRecords{}, "2024-02-01", "PLAN-04",
			[]string{"PLAN-04 overdue due 2024-01-22"}},
		{"placement ends the day after the due date: missed", placed("2024-01-16"), PlanningRecords{}, "2024-02-01", "PLAN-04",
			[]string{"PLAN-04 missed due 2024-01-15", "PLAN-04 overdue due 2024-01-23"}},
		{"placement ends after the assessment date: still overdue", placed("2024-02-05"), PlanningRecords{}, "2024-02-01", "PLAN-04",
			[]string{"PLAN-04 overdue due 2024-01-15"}},
		{"the IRO notice is missed when the placement ends", placed("2024-01-16"), PlanningRecords{}, "2024-02-01", "PLAN-05",
			[]string{"PLAN-05 missed due 2024-01-15", "PLAN-05 overdue due 2024-01-23"}},
		{"a plan made late is late, whatever ended after", placed("2024-01-16"), PlanningRecords{PlacementPlans: []PlacementPlan{
			{PlacementStart: isoDate("2024-01-08"), Prepared: isoDate("2024-01-16")}}}, "2024-02-01", "PLAN-04",
			[]string{"PLAN-04 late due 2024-01-15 done 2024-01-16", "PLAN-04 overdue due 2024-01-23"}},
		{"child leaves care the day after the care plan was due: missed", left("2024-01-23"), PlanningRecords{}, "2024-02-01", "PLAN-01",
			[]string{"PLAN-01 missed due 2024-01-22"}},
		{"child leaves care on the day the care plan was due: none was owed", left("2024-01-22"), PlanningRecords{}, "2024-02-01", "PLAN-01", nil},
		{"child still in care: the care plan is overdue", placed(""), PlanningRecords{}, "2024-02-01", "PLAN-01",
			[]string{"PLAN-01 overdue due 2024-01-22"}},
		{"placement with a parent ends before the decision: missed", []Episode{
			plEp("2024-03-25", ReasonNewEpisodeS, LegalStatusC2, PlacementTypeP1, "2024-05-01"),
			plEp("2024-05-01", ReasonNewEpisodeP, LegalStatusC2, PlacementTypeU6, ""),
		}, PlanningRecords{ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-03-25"), AssessmentCompleted: isoDate("2024-04-09")}}},
			"2024-06-01", "PLAN-06", []string{"PLAN-06 met due 2024-04-10 done 2024-04-09", "PLAN-06 missed due 2024-04-23"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Episodes: tc.eps, PlanningRecords: tc.recs}, Context{}, tc.asOf, Policy{})
			if diff := cmp.Diff(tc.want, plSummary(rep, tc.only)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
		})
	}
	rep := plAssess(t, Record{Episodes: placed("2024-01-16")}, Context{}, "2024-02-01", Policy{})
	want := []string{
		"PLAN-04 missed episodes[0]: no placement plan by 15 January 2024 (5 working days after the start of the placement on 8 January 2024); closed when the placement ended on 16 January 2024",
		"PLAN-05 missed episodes[0]: no notice to the IRO by 15 January 2024 (5 working days after the start of the placement on 8 January 2024); closed when the placement ended on 16 January 2024",
		"PLAN-04 overdue episodes[1]: no placement plan yet; due 23 January 2024, 5 working days after the start of the placement on 16 January 2024",
		"PLAN-05 overdue episodes[1]: no notice to the IRO yet; due 23 January 2024, 5 working days after the start of the placement on 16 January 2024",
	}
	if diff := cmp.Diff(want, plMessages(rep, "PLAN-04", "PLAN-05")); diff != "" {
		t.Errorf("Assess() messages mismatch (-want +got):\n%s", diff)
	}
}

func TestPlanValidation(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}
	tests := []struct {
		name string
		recs PlanningRecords
		want []string
	}{
		{"placement plan for no placement, notice with no recipient", PlanningRecords{
			PlacementPlans: []PlacementPlan{{PlacementStart: isoDate("2024-01-09"), Prepared: isoDate("2024-01-09")}},
			Notifications:  []Notification{{PlacementStart: isoDate("2024-01-08"), Sent: isoDate("2024-01-09")}},
		}, []string{"placement_plans[0].placement_start", "notifications[0].recipient"}},
		{"reg 19 record for a foster placement, decision before assessment", PlanningRecords{
			ParentPlacements: []ParentPlacement{{PlacementStart: isoDate("2024-01-08"), AssessmentCompleted: isoDate("2024-01-20"), DecisionApproved: isoDate("2024-01-19")}},
		}, []string{"parent_placements[0].placement_start", "parent_placements[0].decision_approved"}},
		{"care plans out of order, action without text", PlanningRecords{
			CarePlans: []CarePlan{{Agreed: isoDate("2024-02-01")}, {Agreed: isoDate("2024-01-20"), Actions: []PlanAction{{Owner: "SW"}}}},
		}, []string{"care_plans[1].agreed", "care_plans[1].actions[0].action"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Record{Child: plChild(), Episodes: eps, PlanningRecords: tc.recs}.Validate()
			if diff := cmp.Diff(tc.want, paths(err)); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestFuturePlansNotYetMade: care and placement plans dated after the
// assessment date are not yet made, as every record dated after it is (the
// root package decides whether a case may hold them at all).
func TestFuturePlansNotYetMade(t *testing.T) {
	rec := Record{Child: plChild(), Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")},
		PlanningRecords: PlanningRecords{
			CarePlans:      []CarePlan{{Agreed: isoDate("2024-01-10")}, {Agreed: isoDate("2024-06-01")}},
			PlacementPlans: []PlacementPlan{{PlacementStart: isoDate("2024-01-08"), Prepared: isoDate("2024-06-01")}},
		}}
	rep, err := Assess(rec, Context{}, isoDate("2024-03-01"), EnglandAndWales(), Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	if diff := cmp.Diff([]string{"PLAN-04 overdue due 2024-01-15"}, plSummary(rep, "PLAN-04")); diff != "" {
		t.Errorf("PLAN-04 mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"PLAN-01 met due 2024-01-22 done 2024-01-10"}, plSummary(rep, "PLAN-01")); diff != "" {
		t.Errorf("PLAN-01 mismatch (-want +got):\n%s", diff)
	}
	// The current care plan is the one agreed on 10 January, not the later one.
	for _, f := range rep.ForRule(PLAN02) {
		if ref, _ := f.SubjectRef().Index(); ref != 0 {
			t.Errorf("PLAN-02 judged care_plans[%d], want care_plans[0]", ref)
		}
	}
}

func TestPlanningPolicyValidate(t *testing.T) {
	tests := []struct {
		name string
		p    PlanningPolicy
		want []string
	}{
		{"zero value is the defaults", PlanningPolicy{}, nil},
		{"stricter values are allowed", PlanningPolicy{Visits: VisitsPolicy{FirstVisitDays: 5, IntervalDays: 28}, Plans: PlansPolicy{CarePlanDays: 5}, Health: HealthPolicy{UnderFiveMonths: 4}}, nil},
		{"looser than statute", PlanningPolicy{
			Plans:     PlansPolicy{CarePlanDays: 11, ParentDecisionDays: 15},
			Visits:    VisitsPolicy{FirstVisitDays: 8, LongTermFosterMonths: 7, ShortBreakMonths: 12},
			Health:    HealthPolicy{FiveAndOverMonths: 13, SDQMonths: 24},
			Education: EducationPolicy{InitiateDays: 20, FromAge: 6},
		}, []string{"plans.care_plan_days", "plans.parent_decision_days", "visits.first_visit_days", "visits.long_term_foster_months",
			"visits.short_break_months", "health.five_and_over_months", "health.sdq_months", "education.initiate_days", "education.from_age"}},
		{"negative values are nonsense", PlanningPolicy{Assessment: AssessmentPolicy{ReassessDays: -1}, Visits: VisitsPolicy{WriteUpDays: -3}, Health: HealthPolicy{DentalMonths: -6}},
			[]string{"assessment.reassess_days", "visits.write_up_days", "health.dental_months"}},
		{"unknown fifth birthday rule", PlanningPolicy{Health: HealthPolicy{FifthBirthday: 9}}, []string{"health.fifth_birthday"}},
		{"unknown initial health reading", PlanningPolicy{Health: HealthPolicy{InitialReading: 2}}, []string{"health.initial_reading"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Policy{PlanningPolicy: tc.p}.Validate()
			if diff := cmp.Diff(tc.want, paths(err)); diff != "" {
				t.Errorf("Validate() paths mismatch (-want +got):\n%s", diff)
			}
		})
	}
	err := Policy{PlanningPolicy: PlanningPolicy{Visits: VisitsPolicy{IntervalDays: 60}}}.Validate()
	if err == nil || !strings.Contains(err.Error(), "visits.interval_days: 60 days is looser than the limit of 42 days") {
		t.Errorf("Validate() = %v, want the field, value and limit named", err)
	}
}

func TestPlanningRules(t *testing.T) {
	rs := planningRules()
	var ids []string
	for _, r := range rs {
		ids = append(ids, string(r.ID))
		if r.Title == "" || r.Text == "" || r.Citation.Instrument == "" || r.Citation.Abbrev == "" || r.Severity == SeverityUnknown ||
			r.Domain == DomainUnknown || r.Package != "care" || r.File == "" {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
		// The file named holds the rule's decision, which names its ID
		// constant (VIS03 for "VIS-03").
		b, err := os.ReadFile("../" + r.File)
		if err != nil {
			t.Errorf("rule %s: %v", r.ID, err)
		} else if name := strings.ReplaceAll(string(r.ID), "-", ""); !strings.Contains(string(b), name) {
			t.Errorf("rule %s: %s does not name %s", r.ID, r.File, name)
		}
	}
	want := []string{"PLAN-01", "PLAN-02", "PLAN-03", "PLAN-04", "PLAN-05", "PLAN-06", "ASMT-01", "ASMT-02", "ASMT-03",
		"VIS-01", "VIS-02", "VIS-03", "VIS-04", "VIS-05", "VIS-06", "VIS-07", "VIS-08", "VIS-09", "VIS-10", "VIS-11", "VIS-12",
		"HLTH-01", "HLTH-02", "HLTH-03", "HLTH-04", "EDU-01", "EDU-02", "EDU-03", "ID-01"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("planningRules() IDs mismatch (-want +got):\n%s", diff)
	}
	// The catalogue in rules.md lists every ID.
	if b, err := os.ReadFile("../../shared/rules.md"); err == nil {
		for _, id := range want {
			if !strings.Contains(string(b), "| "+id+" |") {
				t.Errorf("rule %s is not in rules.md", id)
			}
		}
	}
	// Fresh slices on every call.
	rs[0].Policy[0] = "changed"
	if got := planningRules()[0].Policy[0]; got == "changed" {
		t.Errorf("planningRules() shares memory between calls")
	}
	if i := slices.IndexFunc(rs, func(r Rule) bool { return r.ID == VIS04 }); i < 0 || !slices.Contains(planningRules()[i].Policy, "Visits.LongTermFosterMonths") {
		t.Errorf("VIS-04 does not name its policy field")
	}
}
