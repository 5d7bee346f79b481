package care

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"
)

// plHistory builds a synthetic child with a five-year history (about 250
// planning records) and the context and as-of date to assess it on.
func plHistory() (Record, Context, Date) {
	start := MustDate(2020, time.January, 6)
	asOf := MustDate(2025, time.January, 6)
	r := Record{Child: Child{ID: "C0001", DateOfBirth: MustDate(2014, time.March, 10), Ethnicity: EthnicityWBRI,
		Religion: "none", FirstLanguage: "English", IdentityNeeds: "life story work"}}
	// Six placements eight months apart: the second at home with a parent
	// on an interim care order, then a care order; the last a long-term
	// foster placement where the child agreed to fewer visits.
	starts := []Date{start}
	for i := 1; i < 6; i++ {
		starts = append(starts, start.AddMonths(8*i))
	}
	r.VisitAgreements = []VisitAgreement{{Agreed: starts[5].AddMonths(13)}}
	for i, s := range starts {
		e := Episode{Start: s, ReasonNew: ReasonNewEpisodeP, LegalStatus: LegalStatusC2, PlacementType: PlacementTypeU6}
		if i == 0 {
			e.ReasonNew, e.LegalStatus = ReasonNewEpisodeS, LegalStatusC1
		}
		if i == 5 {
			e.PlacementType, e.IntendedUntil18, e.LongTermFoster = PlacementTypeU4, true, true
		}
		if i < 5 {
			e.End, e.ReasonCeased = starts[i+1], ReasonEpisodeCeasedX1
		}
		if i == 1 {
			mid := s.AddMonths(4)
			e.End, e.LegalStatus, e.PlacementType = mid, LegalStatusC1, PlacementTypeP1
			r.Episodes = append(r.Episodes, e)
			e = Episode{Start: mid, ReasonNew: ReasonNewEpisodeL, LegalStatus: LegalStatusC2, PlacementType: PlacementTypeP1, End: starts[2], ReasonCeased: ReasonEpisodeCeasedX1}
		}
		r.Episodes = append(r.Episodes, e)
		r.PlacementPlans = append(r.PlacementPlans, PlacementPlan{PlacementStart: s, Prepared: s.AddDays(3)})
		for _, rc := range []Recipient{RecipientIRO, RecipientGP, RecipientSchool} {
			r.Notifications = append(r.Notifications, Notification{PlacementStart: s, Recipient: rc, Sent: s.AddDays(2 + int(rc))})
		}
	}
	for d, i := start.AddDays(1), 0; !d.After(asOf); d, i = d.AddDays(19), i+1 {
		v := Visit{Date: d, Kind: VisitKindStatutory, ChildSeen: true, SeenAlone: SeenAloneYes, ViewsRecorded: true, Purpose: "statutory visit", WrittenUp: d.AddDays(2)}
		if i%3 == 2 {
			v.Kind, v.Purpose = VisitKindOther, "contact"
		}
		r.Visits = append(r.Visits, v)
	}
	for d := start.AddDays(5); !d.After(asOf); d = d.AddMonths(6) {
		cp := CarePlan{Agreed: d, PermanencePlan: "long-term fostering", HealthPlan: true, PEP: true, IROName: "IRO 3", ChildWishes: true, ParentWishes: true}
		for k := 1; k <= 4; k++ {
			cp.Actions = append(cp.Actions, PlanAction{Action: "action", Owner: "SW", Outcome: "outcome", Due: d.AddMonths(2 * k), Completed: d.AddMonths(2*k - 1)})
		}
		r.CarePlans = append(r.CarePlans, cp)
	}
	for d, i := start.AddDays(40), 0; !d.After(asOf); d, i = d.AddDays(60), i+1 {
		r.Events = append(r.Events, Event{Date: d, Kind: EventKind(1 + i%9)})
		r.Chronology = append(r.Chronology, ChronologyEntry{Event: d, Recorded: d.AddDays(3)})
		if i%2 == 0 {
			r.Assessments = append(r.Assessments, Assessment{Completed: d.AddDays(10), Kind: AssessmentKindUpdate})
		}
	}
	for d := start.AddDays(15); !d.After(asOf); d = d.AddMonths(11) {
		r.HealthAssessments = append(r.HealthAssessments, HealthAssessment{Date: d, Kind: HealthAssessmentKindReview, By: AssessorNurse, WrittenReport: true})
		r.SDQs = append(r.SDQs, SDQ{Date: d.AddDays(7), Score: 12})
		r.DentalChecks = append(r.DentalChecks, DentalCheck{Date: d.AddDays(20)}, DentalCheck{Date: d.AddMonths(6)})
	}
	r.HealthAssessments[0].Kind = HealthAssessmentKindInitial
	for d := start.AddDays(8); !d.After(asOf); d = d.AddYears(1) {
		r.PEPs = append(r.PEPs, PEP{Initiated: d, Reviews: []Date{d.AddMonths(3), d.AddMonths(6), d.AddMonths(9)}, Targets: []string{"reading", "attendance"},
			PupilPremium: PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.New(257000, -2)), PlannedUse: "tutoring"}})
	}
	var ctx Context
	for d := start.AddDays(25); !d.After(asOf); d = d.AddMonths(6) {
		ctx.Reviews = append(ctx.Reviews, d)
	}
	return r, ctx, asOf
}

func plRecordCount(r Record) int {
	return len(r.Visits) + len(r.CarePlans) + len(r.PlacementPlans) + len(r.Notifications) + len(r.Events) + len(r.Assessments) +
		len(r.Chronology) + len(r.HealthAssessments) + len(r.SDQs) + len(r.DentalChecks) + len(r.PEPs) + len(r.Episodes)
}

func TestPlanningHistory(t *testing.T) {
	r, ctx, asOf := plHistory()
	if n := plRecordCount(r); n < 200 {
		t.Errorf("synthetic history has %d records, want a few hundred", n)
	}
	rep, err := Assess(r, ctx, asOf, EnglandAndWales(), Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	seen := map[RuleID]bool{}
	for _, f := range rep {
		seen[f.Rule()] = true
		d, timed := f.Deadline()
		if (f.Status == Met || f.Status == Late) && timed && f.Done.IsZero() {
			t.Errorf("%v: met or late without a done date", f)
		}
		if timed && (d.Anchor.IsZero() || d.Count == 0 && d.Unit != Days) {
			t.Errorf("%v: deadline without its anchor and interval: %+v", f, d)
		}
		if f.Message() == "" || f.Subject() == "" {
			t.Errorf("%v: no message or subject", f)
		}
	}
	for _, id := range []RuleID{"PLAN-01", "PLAN-02", "PLAN-03", "PLAN-04", "PLAN-05", "ASMT-01", "ASMT-02", "ASMT-03", "VIS-01", "VIS-02",
		"VIS-04", "VIS-06", "VIS-07", "VIS-08", "VIS-09", "HLTH-01", "HLTH-02", "HLTH-03", "HLTH-04", "EDU-01", "EDU-02", "EDU-03", "ID-01"} {
		if !seen[id] {
			t.Errorf("no finding for %s in the five-year history", id)
		}
	}
}

// BenchmarkAssessPlanningChild assesses one child with a five-year history
// (about 250 planning records) through care.Assess.
func BenchmarkAssessPlanningChild(b *testing.B) {
	r, ctx, asOf := plHistory()
	cal := EnglandAndWales()
	b.ReportAllocs()
	var findings int
	for b.Loop() {
		rep, err := Assess(r, ctx, asOf, cal, Policy{})
		if err != nil {
			b.Fatal(err)
		}
		findings = len(rep)
	}
	b.ReportMetric(float64(plRecordCount(r)), "records")
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkEmitPlanningChild assesses the same child as a cohort run does:
// one assessor, one history and one emitter, reused, so that what is
// measured is the rules and the emitter, not validation of the episodes or
// the sort of the report.
func BenchmarkEmitPlanningChild(b *testing.B) {
	r, ctx, asOf := plHistory()
	a, err := NewRecordAssessor(Policy{}, EnglandAndWales())
	if err != nil {
		b.Fatal(err)
	}
	h, err := NewHistory(r.Child, r.Episodes)
	if err != nil {
		b.Fatal(err)
	}
	e := NewEmitter(asOf)
	b.ReportAllocs()
	for b.Loop() {
		e.Reset(asOf)
		if err := a.Emit(e, h, r, ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(e.Len()), "findings")
}

// BenchmarkEvaluateVisits evaluates the visit history of the same child.
func BenchmarkEvaluateVisits(b *testing.B) {
	r, ctx, asOf := plHistory()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluateVisits(r.VisitFacts(ctx.Reviews), asOf, VisitsPolicy{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPlanningRecordsJSON(t *testing.T) {
	r, _, _ := plHistory()
	r.Arrangements = []Arrangement{{Kind: ArrangementKindOtherPerson, Start: r.Episodes[0].Start, End: r.Episodes[0].Start.AddDays(30)}}
	r.HomeNotices = []HomeNotice{{Received: r.Episodes[0].Start.AddDays(3)}}
	r.ParentPlacements = []ParentPlacement{{PlacementStart: r.Episodes[1].Start}}
	r.Terms = DefaultTerms(2020)
	r.SDQs[0] = SDQ{Date: r.SDQs[0].Date, Reason: SDQReason2}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("json.Marshal() error = %v", err)
	}
	for _, key := range []string{`"visits":`, `"kind":"statutory"`, `"seen_alone":"yes"`, `"care_plans":`, `"recipient":"iro"`,
		`"parent_placements":`, `"kind":"other-person"`, `"home_notices":`, `"reason":"SDQ2"`, `"allocated":"2570"`, `"terms":`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	var got Record
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("json.Unmarshal() error = %v", err)
	}
	opts := cmp.Options{cmpopts.EquateComparable(Date{}), cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })}
	if diff := cmp.Diff(r.PlanningRecords, got.PlanningRecords, opts); diff != "" {
		t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
	}
}
