package permanence_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// brief is the part of a finding the table tests compare.
type brief struct {
	Rule    care.RuleID
	Subject string
	Status  care.Status
	Due     care.Date
	Done    care.Date
}

func briefs(rep care.Report, id care.RuleID) []brief {
	var out []brief
	for _, f := range rep {
		if f.Rule == id {
			out = append(out, brief{f.Rule, f.Subject, f.Status, f.Due, f.Done})
		}
	}
	return out
}

func b(id care.RuleID, subject string, st care.Status, due, done string) brief {
	out := brief{Rule: id, Subject: subject, Status: st, Due: day(due)}
	if done != "" {
		out.Done = day(done)
	}
	return out
}

var ew = care.EnglandAndWales()

type assessCase struct {
	name   string
	rec    permanence.Record
	in     permanence.Inputs
	asOf   string
	policy permanence.Policy
	want   []brief
}

func runAssess(t *testing.T, id care.RuleID, tests []assessCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := permanence.Assess(tc.rec, tc.in, day(tc.asOf), ew, tc.policy)
			if err != nil {
				t.Fatalf("Assess() error = %v", err)
			}
			if diff := cmp.Diff(tc.want, briefs(rep, id), cmpOpts); diff != "" {
				t.Errorf("Assess() %s findings mismatch (-want +got):\n%s", id, diff)
			}
		})
	}
}

func proceedings(issued string, final string, ext ...permanence.Extension) permanence.Record {
	pr := permanence.Proceedings{Issued: day(issued), Extensions: ext}
	if final != "" {
		pr.FinalOrder, pr.FinalOrderKind = day(final), permanence.OrderCare
	}
	return permanence.Record{Proceedings: []permanence.Proceedings{pr}}
}

func TestPERM04(t *testing.T) {
	const subj = "proceedings[0]"
	runAssess(t, permanence.PERM04, []assessCase{
		{
			name: "issued on the Friday before the August bank holiday: 26 calendar weeks, bank holiday irrelevant",
			rec:  proceedings("2025-08-22", ""), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2026-02-20", "")},
		},
		{
			name: "limit falls on Good Friday and is kept by default",
			rec:  proceedings("2026-09-25", ""), asOf: "2026-10-01",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2027-03-26", "")},
		},
		{
			name: "limit on Good Friday moves past Easter Monday under ShiftNextWorkingDay",
			rec:  proceedings("2026-09-25", ""), asOf: "2026-10-01",
			policy: permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay},
			want:   []brief{b(permanence.PERM04, subj, care.Upcoming, "2027-03-30", "")},
		},
		{
			name: "two extensions of 8 and 4 weeks, final order on the extended limit",
			rec: proceedings("2025-01-10", "2025-10-03",
				permanence.Extension{Granted: day("2025-06-20"), Days: 56}, permanence.Extension{Granted: day("2025-08-29"), Days: 28}),
			asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2025-10-03", "2025-10-03")},
		},
		{
			name: "final order the day after the limit",
			rec:  proceedings("2025-01-10", "2025-07-12"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-07-11", "2025-07-12")},
		},
		{
			name: "no final order after the limit",
			rec:  proceedings("2025-01-10", ""), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM04, subj, care.Overdue, "2025-07-11", "")},
		},
		{
			name: "extension granted after the as-of date does not count yet",
			rec:  proceedings("2025-01-10", "", permanence.Extension{Granted: day("2025-07-01"), Days: 56}), asOf: "2025-06-30",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2025-07-11", "")},
		},
		{
			name: "final order after the as-of date is not yet done",
			rec:  proceedings("2025-01-10", "2025-07-01"), asOf: "2025-06-30",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2025-07-11", "")},
		},
		{
			name: "issued the day before the 26-week limit came into force",
			rec:  proceedings("2014-04-21", ""), asOf: "2014-12-01",
		},
		{
			name: "issued on commencement day, leap-year February in the count",
			rec:  proceedings("2014-04-22", "2014-10-21"), asOf: "2014-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2014-10-21", "2014-10-21")},
		},
		{
			name: "local target of 20 weeks",
			rec:  proceedings("2025-01-10", "2025-06-01"), asOf: "2025-12-01", policy: permanence.Policy{ProceedingsWeeks: 20},
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-05-30", "2025-06-01")},
		},
		{
			name: "issue date in the future is ignored",
			rec:  proceedings("2026-01-10", ""), asOf: "2025-12-01",
		},
	})
}

// adopted returns episodes for a child who entered care on entered under
// an interim care order in foster care and was placed for adoption on
// placed, and inputs holding them.
func adoptedInputs(entered, placed string) permanence.Inputs {
	return permanence.Inputs{
		Child: care.Child{ID: "C0001", DateOfBirth: day(entered)},
		Episodes: []care.Episode{
			ep(entered, placed, care.NewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, care.CeasedX1),
			ep(placed, "", care.NewEpisodeB, care.LegalStatusE1, care.PlacementTypeA6, 0),
		},
	}
}

func TestPERM05(t *testing.T) {
	const a1, a2 = "adoption A1", "adoption A2"
	runAssess(t, permanence.PERM05, []assessCase{
		{
			name: "match before the placement order counts as 0 days",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-01"), Match: day("2025-02-20")}},
			asOf: "2025-04-01",
			want: []brief{b(permanence.PERM05, a2, care.Met, "2025-07-01", "2025-03-01")},
		},
		{
			name: "match a day after 4 months from a month-end order",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-31"), Match: day("2025-08-01")}},
			asOf: "2025-09-01",
			want: []brief{b(permanence.PERM05, a2, care.Late, "2025-07-31", "2025-08-01")},
		},
		{
			name: "waiting for a match",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-31")}},
			asOf: "2025-05-01",
			want: []brief{b(permanence.PERM05, a2, care.Upcoming, "2025-07-31", "")},
		},
		{
			name: "placement order revoked before a match: A2 no longer applies",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-31"), Revoked: day("2025-06-01")}},
			asOf: "2025-09-01",
		},
		{
			name: "placed within 14 months of entering care",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2024-11-01"), Match: day("2025-01-20"), Placed: day("2025-02-10")}},
			in:   adoptedInputs("2024-01-15", "2025-02-10"), asOf: "2025-03-01",
			want: []brief{
				b(permanence.PERM05, a2, care.Met, "2025-03-01", "2025-01-20"),
				b(permanence.PERM05, a1, care.Met, "2025-03-15", "2025-02-10"),
			},
		},
		{
			name: "placed for adoption in 2010–11 is judged against the interim 21 months",
			rec:  permanence.Record{Adoption: permanence.Adoption{Placed: day("2011-03-10")}},
			in:   adoptedInputs("2009-06-30", "2011-03-10"), asOf: "2011-04-01",
			want: []brief{b(permanence.PERM05, a1, care.Met, "2011-03-30", "2011-03-10")},
		},
		{
			name: "adoption agreed as primary route, not yet placed: A1 runs from entering care",
			rec:  plan(primary("2024-03-01", adoption, agreed)),
			in:   permanence.Inputs{Child: care.Child{ID: "C0002"}, Episodes: []care.Episode{ep("2024-01-31", "", care.NewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, 0)}},
			asOf: "2025-04-01",
			want: []brief{b(permanence.PERM05, a1, care.Overdue, "2025-03-31", "")},
		},
		{
			name: "before any threshold: no finding",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2009-01-05"), Match: day("2009-03-01")}},
			asOf: "2009-06-01",
		},
	})
}

func TestPERM06(t *testing.T) {
	notice := func(n, report, withdrawn string) permanence.Record {
		s := permanence.SpecialGuardianship{Notice: day(n)}
		if report != "" {
			s.Report = day(report)
		}
		if withdrawn != "" {
			s.Withdrawn = day(withdrawn)
		}
		return permanence.Record{SpecialGuardianship: []permanence.SpecialGuardianship{s}}
	}
	const subj = "special_guardianship[0]"
	runAssess(t, permanence.PERM06, []assessCase{
		{
			name: "notice on 30 November: 3 months clamps to 28 February",
			rec:  notice("2025-11-30", "2026-02-28", ""), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Met, "2026-02-28", "2026-02-28")},
		},
		{
			name: "report the day after",
			rec:  notice("2025-11-30", "2026-03-01", ""), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Late, "2026-02-28", "2026-03-01")},
		},
		{
			name: "notice on 30 November before a leap year: 29 February",
			rec:  notice("2027-11-30", "", ""), asOf: "2027-12-10",
			want: []brief{b(permanence.PERM06, subj, care.Upcoming, "2028-02-29", "")},
		},
		{
			name: "withdrawn before the report was due",
			rec:  notice("2025-11-30", "", "2026-01-15"), asOf: "2026-03-10",
		},
		{
			name: "withdrawn after the report was overdue",
			rec:  notice("2025-11-30", "", "2026-03-05"), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Overdue, "2026-02-28", "")},
		},
		{
			name: "local standard of 2 months",
			rec:  notice("2025-11-30", "2026-02-10", ""), asOf: "2026-03-10", policy: permanence.Policy{SGOReportMonths: 2},
			want: []brief{b(permanence.PERM06, subj, care.Late, "2026-01-30", "2026-02-10")},
		},
	})
}

func TestPERM07(t *testing.T) {
	const subj = "adoption reviews"
	dates := func(ss ...string) []care.Date {
		out := make([]care.Date, len(ss))
		for i, s := range ss {
			out[i] = day(s)
		}
		return out
	}
	runAssess(t, permanence.PERM07, []assessCase{
		{
			name: "authorised from 31 January, reviewed, then placed before the third review was due",
			rec: permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-31"), Placed: day("2025-12-01"),
				Reviews: dates("2025-04-20", "2025-10-25")}},
			asOf: "2026-01-10",
			want: []brief{
				b(permanence.PERM07, subj, care.Met, "2025-04-30", "2025-04-20"),
				b(permanence.PERM07, subj, care.Late, "2025-10-20", "2025-10-25"),
				b(permanence.PERM07, subj, care.Overdue, "2025-12-29", ""),
			},
		},
		{
			name: "placed with consent: 4 weeks, 3 months, 6 months, then the adoption order ends the reviews",
			rec: permanence.Record{Adoption: permanence.Adoption{Placed: day("2025-09-01"), AdoptionOrder: day("2026-08-01"),
				Reviews: dates("2025-09-25", "2025-12-20", "2026-06-20")}},
			asOf: "2026-09-01",
			want: []brief{
				b(permanence.PERM07, subj, care.Met, "2025-09-29", "2025-09-25"),
				b(permanence.PERM07, subj, care.Met, "2025-12-25", "2025-12-20"),
				b(permanence.PERM07, subj, care.Met, "2026-06-20", "2026-06-20"),
			},
		},
		{
			name: "review on the day of placement counts as the first after placement",
			rec: permanence.Record{Adoption: permanence.Adoption{Placed: day("2025-09-01"),
				Reviews: dates("2025-09-01")}},
			asOf: "2025-10-01",
			want: []brief{
				b(permanence.PERM07, subj, care.Met, "2025-09-29", "2025-09-01"),
				b(permanence.PERM07, subj, care.Upcoming, "2025-12-01", ""),
			},
		},
		{
			name: "placement order revoked before the first review was due",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-31"), Revoked: day("2025-03-01")}},
			asOf: "2025-06-01",
		},
		{
			name: "first review upcoming",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-31")}},
			asOf: "2025-02-15",
			want: []brief{b(permanence.PERM07, subj, care.Upcoming, "2025-04-30", "")},
		},
		{
			name: "placement disrupted after a missed review",
			rec: permanence.Record{Adoption: permanence.Adoption{Placed: day("2025-09-01"), Disrupted: day("2025-10-15"),
				PlacementOrder: day("2025-08-01")}},
			asOf: "2025-12-01",
			want: []brief{b(permanence.PERM07, subj, care.Overdue, "2025-09-29", "")},
		},
	})
}

func TestPERM01(t *testing.T) {
	const subj = "plan"
	withReview := func(review string) permanence.Inputs {
		return permanence.Inputs{Child: care.Child{ID: "C0003"}, SecondReview: day(review)}
	}
	reentry := permanence.Inputs{
		Child: care.Child{ID: "C0004"},
		Episodes: []care.Episode{
			ep("2024-01-10", "2024-06-01", care.NewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.CeasedE4A),
			s20("2025-01-10"),
		},
		SecondReview: day("2025-05-01"),
	}
	runAssess(t, permanence.PERM01, []assessCase{
		{
			name: "plan recorded before the second review",
			rec:  plan(primary("2025-03-01", home, assessing)), in: withReview("2025-04-10"), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Met, "2025-04-10", "2025-03-01")},
		},
		{
			name: "plan recorded on the day of the second review",
			rec:  plan(primary("2025-04-10", home, assessing)), in: withReview("2025-04-10"), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Met, "2025-04-10", "2025-04-10")},
		},
		{
			name: "plan recorded after the second review",
			rec:  plan(tr("2025-03-01", home, considered), primary("2025-05-01", home, assessing)), in: withReview("2025-04-10"), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Late, "2025-04-10", "2025-05-01")},
		},
		{
			name: "no plan and the second review has passed",
			rec:  plan(tr("2025-03-01", home, considered)), in: withReview("2025-04-10"), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Overdue, "2025-04-10", "")},
		},
		{
			name: "second review not yet due",
			in:   withReview("2025-04-10"), asOf: "2025-04-01",
			want: []brief{b(permanence.PERM01, subj, care.Upcoming, "2025-04-10", "")},
		},
		{
			name: "second review unknown",
			in:   permanence.Inputs{Child: care.Child{ID: "C0003"}}, asOf: "2025-04-01",
		},
		{
			name: "returned home then re-entered care: the old plan does not count",
			rec:  plan(primary("2024-02-01", home, agreed), tr("2024-06-01", home, achieved)),
			in:   reentry, asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Overdue, "2025-05-01", "")},
		},
		{
			name: "returned home then re-entered care with a new plan",
			rec:  plan(primary("2024-02-01", home, agreed), tr("2024-06-01", home, achieved), primary("2025-02-01", home, assessing)),
			in:   reentry, asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Met, "2025-05-01", "2025-02-01")},
		},
	})
}

func TestPERM02(t *testing.T) {
	const subj = "plan"
	lookedAfter := permanence.Inputs{Child: care.Child{ID: "C0005"}, Episodes: []care.Episode{s20("2025-01-02")}}
	left := permanence.Inputs{Child: care.Child{ID: "C0005"}, Episodes: []care.Episode{
		ep("2025-01-02", "2025-05-01", care.NewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.CeasedE4A)}}
	breach := []brief{{Rule: permanence.PERM02, Subject: subj, Status: care.Breach}}
	met := []brief{{Rule: permanence.PERM02, Subject: subj, Status: care.Met}}
	runAssess(t, permanence.PERM02, []assessCase{
		{
			name: "return home primary, adoption only considered",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered)),
			in:   lookedAfter, asOf: "2025-03-01", want: breach,
		},
		{
			name: "return home primary, special guardianship being assessed",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-01-06", sgo, considered), tr("2025-02-01", sgo, assessing)),
			in:   lookedAfter, asOf: "2025-03-01", want: met,
		},
		{
			name: "alternative assessed later than the as-of date does not count yet",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-03-02", sgo, assessing)),
			in:   lookedAfter, asOf: "2025-03-01", want: breach,
		},
		{
			name: "adoption primary with the placement order made is no longer uncertain",
			rec: plan(primary("2025-01-06", adoption, agreed), tr("2025-02-01", adoption, application),
				tr("2025-06-01", adoption, orderMade)),
			in: lookedAfter, asOf: "2025-07-01",
		},
		{
			name: "long-term fostering is not uncertain by default",
			rec:  plan(primary("2025-01-06", ltf, agreed)), in: lookedAfter, asOf: "2025-03-01",
		},
		{
			name: "policy makes long-term fostering uncertain",
			rec:  plan(primary("2025-01-06", ltf, agreed)), in: lookedAfter, asOf: "2025-03-01",
			policy: permanence.Policy{UncertainRoutes: []permanence.Route{ltf}}, want: breach,
		},
		{
			name: "policy makes no route uncertain",
			rec:  plan(primary("2025-01-06", home, assessing)), in: lookedAfter, asOf: "2025-03-01",
			policy: permanence.Policy{UncertainRoutes: []permanence.Route{}},
		},
		{
			name: "primary route ruled out leaves no primary",
			rec:  plan(primary("2025-01-06", home, assessing), ruledOut("2025-02-01", home, "risk")),
			in:   lookedAfter, asOf: "2025-03-01",
		},
		{
			name: "child no longer looked after",
			rec:  plan(primary("2025-01-06", home, assessing)), in: left, asOf: "2025-06-01",
		},
	})
}

func TestPERM03(t *testing.T) {
	const subj = "plan"
	la := permanence.Inputs{Child: care.Child{ID: "C0006"}, Episodes: []care.Episode{s20("2025-01-02")}}
	base := []permanence.Transition{primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered),
		tr("2025-03-01", adoption, assessing), ruledOut("2025-08-01", home, "parenting assessment negative")}
	runAssess(t, permanence.PERM03, []assessCase{
		{
			name: "gaps met, late, and drifting since the last movement",
			rec:  plan(base...), in: la, asOf: "2025-12-01",
			want: []brief{
				b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-03-01"),
				b(permanence.PERM03, subj, care.Late, "2025-06-01", "2025-08-01"),
				b(permanence.PERM03, subj, care.Overdue, "2025-11-01", ""),
			},
		},
		{
			name: "route ruled out and later reopened moves the plan",
			rec:  plan(append(base[:4:4], tr("2025-10-15", home, assessing))...), in: la, asOf: "2025-12-01",
			want: []brief{
				b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-03-01"),
				b(permanence.PERM03, subj, care.Late, "2025-06-01", "2025-08-01"),
				b(permanence.PERM03, subj, care.Met, "2025-11-01", "2025-10-15"),
				b(permanence.PERM03, subj, care.Upcoming, "2026-01-15", ""),
			},
		},
		{
			name: "plan achieved: nothing left to drift",
			rec:  plan(primary("2025-01-06", home, agreed), tr("2025-02-01", home, achieved)), in: la, asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-02-01")},
		},
		{
			name: "last movement on 30 November: due 28 February",
			rec:  plan(primary("2025-11-30", home, assessing)), in: la, asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Upcoming, "2026-02-28", "")},
		},
		{
			name: "same-day transitions are one movement",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-01-06", sgo, assessing), tr("2025-01-06", ltf, considered)),
			in:   la, asOf: "2025-02-01",
			want: []brief{b(permanence.PERM03, subj, care.Upcoming, "2025-04-06", "")},
		},
		{
			name: "one-month local window",
			rec:  plan(primary("2025-01-31", home, assessing)), in: la, asOf: "2025-03-01", policy: permanence.Policy{DriftMonths: 1},
			want: []brief{b(permanence.PERM03, subj, care.Overdue, "2025-02-28", "")},
		},
	})
}

func TestPERM03Evidence(t *testing.T) {
	rec := plan(primary("2025-01-06", home, assessing), tr("2025-02-01", adoption, considered))
	in := permanence.Inputs{Child: care.Child{ID: "C0006"}, Episodes: []care.Episode{s20("2025-01-02")}}
	rep, err := permanence.Assess(rec, in, day("2025-06-01"), ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	drift := rep.ForRule(permanence.PERM03).WithStatus(care.Overdue)
	if len(drift) != 1 {
		t.Fatalf("Assess() overdue PERM-03 findings = %v, want 1", drift)
	}
	const want = "no movement on the plan since 2025-02-01; open routes: return-home (assessing since 2025-01-06) adoption (considered since 2025-02-01)"
	if got := drift[0].Message; got != want {
		t.Errorf("drift message = %q, want %q", got, want)
	}
	wantEv := []care.Evidence{
		{Label: "last movement on the plan (adoption considered)", Date: day("2025-02-01"), Ref: "plan.transitions[1]"},
		{Label: "open route return-home assessing", Date: day("2025-01-06"), Ref: "plan.transitions[0]"},
		{Label: "open route adoption considered", Date: day("2025-02-01"), Ref: "plan.transitions[1]"},
	}
	if diff := cmp.Diff(wantEv, drift[0].Evidence, cmpOpts); diff != "" {
		t.Errorf("drift evidence mismatch (-want +got):\n%s", diff)
	}
}

func TestPERM08(t *testing.T) {
	const subj = "episodes[0]"
	in := func(eps ...care.Episode) permanence.Inputs {
		return permanence.Inputs{Child: care.Child{ID: "C0007"}, Episodes: eps}
	}
	runAssess(t, permanence.PERM08, []assessCase{
		{
			name: "s.20 for 6 months with no plan",
			in:   in(s20("2025-01-10")), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "s.20 with a plan recorded in time",
			rec:  plan(primary("2025-05-01", home, assessing)), in: in(s20("2025-01-10")), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, subj, care.Met, "2025-07-10", "2025-05-01")},
		},
		{
			name: "s.20 with a plan recorded late",
			rec:  plan(primary("2025-09-01", home, assessing)), in: in(s20("2025-01-10")), asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Late, "2025-07-10", "2025-09-01")},
		},
		{
			name: "s.20 starting on 31 August: due the last day of February",
			in:   in(s20("2025-08-31")), asOf: "2025-09-01",
			want: []brief{b(permanence.PERM08, subj, care.Upcoming, "2026-02-28", "")},
		},
		{
			name: "interim care order within the window ends the s.20 accommodation",
			in: in(ep("2025-01-10", "2025-03-01", care.NewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.CeasedX1),
				ep("2025-03-01", "", care.NewEpisodeL, care.LegalStatusC1, care.PlacementTypeU6, 0)),
			asOf: "2025-10-01",
		},
		{
			name: "a change of placement under s.20 continues the accommodation",
			in: in(ep("2025-01-10", "2025-03-01", care.NewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.CeasedX1),
				ep("2025-03-01", "", care.NewEpisodeP, care.LegalStatusV2, care.PlacementTypeK2, 0)),
			asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "re-entry under s.20: only the current period counts",
			in: in(ep("2024-01-10", "2024-09-01", care.NewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.CeasedE4A),
				s20("2025-01-10")),
			rec:  plan(primary("2024-02-01", home, agreed), tr("2024-09-01", home, achieved)),
			asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, "episodes[1]", care.Overdue, "2025-07-10", "")},
		},
	})
}

func TestAssessErrors(t *testing.T) {
	good := plan(primary("2025-01-06", home, assessing))
	tests := []struct {
		name   string
		rec    permanence.Record
		in     permanence.Inputs
		asOf   care.Date
		cal    *care.Calendar
		policy permanence.Policy
		is     error
		substr string
	}{
		{name: "zero as-of date", rec: good, is: permanence.ErrNoAsOf},
		{name: "policy looser than statute", rec: good, asOf: day("2025-06-01"), policy: permanence.Policy{ProceedingsWeeks: 27},
			substr: "proceedings_weeks: 27 is looser than the statutory limit of 26"},
		{name: "invalid record", rec: plan(tr("2025-01-06", ltf, achieved)), asOf: day("2025-06-01"),
			is: permanence.ErrInvalidTransition, substr: "plan.transitions[0].state"},
		{name: "invalid episodes", rec: good, asOf: day("2025-06-01"),
			in:     permanence.Inputs{Episodes: []care.Episode{{Start: day("2025-01-01"), ReasonNew: care.NewEpisodeP, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}}},
			substr: "episodes[0].reason_new"},
		{name: "shift needs a calendar", rec: proceedings("2025-01-10", ""), asOf: day("2025-06-01"),
			policy: permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay}, is: care.ErrOutsideCalendar},
		{name: "shift outside the calendar", rec: proceedings("2025-01-10", ""), asOf: day("2025-06-01"), cal: &care.Calendar{},
			policy: permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay}, is: care.ErrOutsideCalendar},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := permanence.Assess(tc.rec, tc.in, tc.asOf, tc.cal, tc.policy)
			if err == nil {
				t.Fatalf("Assess() = %v, want an error", rep)
			}
			if rep != nil {
				t.Errorf("Assess() report = %v, want nil with an error", rep)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("Assess() error = %v, want one wrapping %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.substr) {
				t.Errorf("Assess() error = %q, want it to contain %q", err, tc.substr)
			}
		})
	}
}

func TestAssessDoesNotMutateInputs(t *testing.T) {
	rec := permanence.Record{
		Plan:        permanence.Plan{Transitions: []permanence.Transition{primary("2025-01-06", home, assessing)}},
		Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"), Extensions: []permanence.Extension{{Granted: day("2025-06-01"), Days: 14}}}},
		Adoption:    permanence.Adoption{PlacementOrder: day("2025-03-01"), Reviews: []care.Date{day("2025-05-01")}},
	}
	in := permanence.Inputs{Child: care.Child{ID: "C0008"}, Episodes: []care.Episode{s20("2025-01-02")}, SecondReview: day("2025-04-20")}
	before := cmp.Diff(nil, []any{rec, in}, cmpOpts)
	rep1, err1 := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	rep2, err2 := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	if err1 != nil || err2 != nil {
		t.Fatalf("Assess() errors = %v, %v", err1, err2)
	}
	if after := cmp.Diff(nil, []any{rec, in}, cmpOpts); after != before {
		t.Errorf("Assess() changed its inputs")
	}
	if diff := cmp.Diff(rep1, rep2, cmpOpts); diff != "" {
		t.Errorf("Assess() is not deterministic (-first +second):\n%s", diff)
	}
	if len(rep1) > 0 {
		rep1[0].Evidence[0].Label = "changed"
		if rep2[0].Evidence[0].Label == "changed" {
			t.Errorf("two reports share evidence")
		}
	}
}
