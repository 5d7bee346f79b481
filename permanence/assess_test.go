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
		if f.Rule() == id {
			out = append(out, brief{f.Rule(), f.Subject(), f.Status, f.Due, f.Done})
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
			in := tc.in
			if in.Child.ID == "" {
				in = inputs("C0000")
				in.SecondReview = tc.in.SecondReview
			}
			rep, err := permanence.Assess(tc.rec, in, day(tc.asOf), ew, tc.policy)
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
		pr.FinalOrder, pr.FinalOrderKind = day(final), permanence.OrderKindCare
	}
	return permanence.Record{Proceedings: []permanence.Proceedings{pr}}
}

// ext returns an extension granted on granted that ends on ends.
func ext(granted, ends string) permanence.Extension {
	return permanence.Extension{Granted: day(granted), Ends: day(ends)}
}

// TestPERM04 quotes CA89 s.32(1)(a)(ii): "within twenty-six weeks
// beginning with the day on which the application was issued". The day of
// issue is day 1, so the last day is the issue date + 181 days, the day
// before the same weekday 26 weeks later. Proceedings issued on 10 January
// 2025 (a Friday) have until Thursday 10 July 2025.
func TestPERM04(t *testing.T) {
	const subj = "permanence.proceedings[0]"
	withdrawn := proceedings("2025-01-10", "2025-08-01")
	withdrawn.Proceedings[0].FinalOrderKind = permanence.OrderKindWithdrawn
	runAssess(t, permanence.PERM04, []assessCase{
		{
			name: "beginning with the day of issue: issued Monday 2 June 2025, last day Sunday 30 November 2025",
			rec:  proceedings("2025-06-02", "2025-11-30"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2025-11-30", "2025-11-30")},
		},
		{
			name: "beginning with the day of issue: concluded on the same weekday 26 weeks later is a day late",
			rec:  proceedings("2025-06-02", "2025-12-01"), asOf: "2025-12-02",
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-11-30", "2025-12-01")},
		},
		{
			name: "issued on the Friday before the August bank holiday: 26 calendar weeks, bank holiday irrelevant",
			rec:  proceedings("2025-08-22", ""), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2026-02-19", "")},
		},
		{
			name: "last day on Easter Sunday is kept by default",
			rec:  proceedings("2026-09-28", ""), asOf: "2026-10-01",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2027-03-28", "")},
		},
		{
			name: "last day on Easter Sunday moves past Easter Monday under ShiftNextWorkingDay",
			rec:  proceedings("2026-09-28", ""), asOf: "2026-10-01",
			policy: permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay},
			want:   []brief{b(permanence.PERM04, subj, care.Upcoming, "2027-03-30", "")},
		},
		{
			name: "last day on Easter Monday moves to Tuesday under ShiftNextWorkingDay",
			rec:  proceedings("2026-09-29", ""), asOf: "2026-10-01",
			policy: permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay},
			want:   []brief{b(permanence.PERM04, subj, care.Upcoming, "2027-03-30", "")},
		},
		{
			name: "extension granted before the limit: ends 8 weeks after the end of the 26 weeks",
			rec:  proceedings("2025-01-10", "2025-09-04", ext("2025-06-20", "2025-09-04")), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2025-09-04", "2025-09-04")},
		},
		{
			name: "extension granted after the limit had passed: overdue until it is granted",
			rec:  proceedings("2025-01-10", "", ext("2025-07-20", "2025-09-14")), asOf: "2025-07-19",
			want: []brief{b(permanence.PERM04, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "extension granted after the limit had passed runs from its grant",
			rec:  proceedings("2025-01-10", "2025-09-14", ext("2025-07-20", "2025-09-14")), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2025-09-14", "2025-09-14")},
		},
		{
			name: "chained extensions: the second extends the period the first left, 8 more weeks",
			rec: proceedings("2025-01-10", "2025-10-30",
				ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-10-30")),
			asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2025-10-30", "2025-10-30")},
		},
		{
			name: "chained extensions: concluded the day after the second ends",
			rec: proceedings("2025-01-10", "2025-10-31",
				ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-10-30")),
			asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-10-30", "2025-10-31")},
		},
		{
			name: "chained extensions: as of a day between the grants only the first counts",
			rec:  proceedings("2025-01-10", "", ext("2025-06-20", "2025-09-04"), ext("2025-08-29", "2025-10-30")),
			asOf: "2025-08-28",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2025-09-04", "")},
		},
		{
			name: "final order the day after the limit",
			rec:  proceedings("2025-01-10", "2025-07-11"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-07-10", "2025-07-11")},
		},
		{
			name: "application withdrawn after the limit: concluded late, not missed",
			rec:  withdrawn, asOf: "2025-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-07-10", "2025-08-01")},
		},
		{
			name: "no final order after the limit",
			rec:  proceedings("2025-01-10", ""), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM04, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "proceedings still open after the child left care: still overdue",
			rec:  proceedings("2025-01-10", ""), in: inputs("C0001", left("2025-01-10", "2025-05-01")), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM04, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "extension granted after the as-of date does not count yet",
			rec:  proceedings("2025-01-10", "", ext("2025-07-01", "2025-09-04")), asOf: "2025-06-30",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2025-07-10", "")},
		},
		{
			name: "final order after the as-of date is not yet done",
			rec:  proceedings("2025-01-10", "2025-07-01"), asOf: "2025-06-30",
			want: []brief{b(permanence.PERM04, subj, care.Upcoming, "2025-07-10", "")},
		},
		{
			name: "issued the day before the 26-week limit came into force",
			rec:  proceedings("2014-04-21", ""), asOf: "2014-12-01",
		},
		{
			name: "issued on commencement day: last day Monday 20 October 2014",
			rec:  proceedings("2014-04-22", "2014-10-20"), asOf: "2014-12-01",
			want: []brief{b(permanence.PERM04, subj, care.Met, "2014-10-20", "2014-10-20")},
		},
		{
			name: "local target of 20 weeks beginning with the day of issue",
			rec:  proceedings("2025-01-10", "2025-06-01"), asOf: "2025-12-01", policy: permanence.Policy{ProceedingsWeeks: 20},
			want: []brief{b(permanence.PERM04, subj, care.Late, "2025-05-29", "2025-06-01")},
		},
		{
			name: "local target of 20 weeks: the court's extension replaces it",
			rec:  proceedings("2025-01-10", "2025-09-04", ext("2025-05-20", "2025-09-04")), asOf: "2025-12-01",
			policy: permanence.Policy{ProceedingsWeeks: 20},
			want:   []brief{b(permanence.PERM04, subj, care.Met, "2025-09-04", "2025-09-04")},
		},
		{
			name: "issue date in the future is ignored",
			rec:  proceedings("2026-01-10", ""), asOf: "2025-12-01",
		},
	})
}

// adoptedInputs returns inputs for a child who entered care on entered
// under an interim care order in foster care and was placed for adoption
// on placed.
func adoptedInputs(entered, placed string) permanence.Inputs {
	return permanence.Inputs{
		Child: care.Child{ID: "C0001", DateOfBirth: day(entered)},
		Episodes: []care.Episode{
			ep(entered, placed, care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1),
			ep(placed, "", care.ReasonNewEpisodeB, care.LegalStatusE1, care.PlacementTypeA6, 0),
		},
	}
}

func TestPERM05(t *testing.T) {
	const subj = "permanence.adoption"
	authority := func(po, revoked string) permanence.Record {
		a := permanence.Adoption{PlacementOrder: day(po)}
		if revoked != "" {
			a.Revoked = day(revoked)
		}
		return permanence.Record{Adoption: a}
	}
	adoptionAgreed := plan(primary("2024-03-01", adoption, agreed))
	inCare := inputs("C0002", ep("2024-01-31", "", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, 0))
	// The child of the tests of A2 became looked after on 3 February 2025,
	// so A1 (entering care to moving in with the adopters, 14 months) is
	// due on 3 April 2026: upcoming while the authority to place stands,
	// and owed nothing when it is revoked before then.
	entered := inputs("C0002", ep("2025-02-03", "", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6, 0))
	a1Upcoming := b(permanence.PERM05, subj, care.Upcoming, "2026-04-03", "")
	runAssess(t, permanence.PERM05, []assessCase{
		{
			name: "match before the placement order counts as 0 days",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-01"), Match: day("2025-02-20")}},
			in:   entered, asOf: "2025-04-01",
			want: []brief{b(permanence.PERM05, subj, care.Met, "2025-07-01", "2025-03-01"), a1Upcoming},
		},
		{
			name: "match a day after 4 months from a month-end order",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-03-31"), Match: day("2025-08-01")}},
			in:   entered, asOf: "2025-09-01",
			want: []brief{b(permanence.PERM05, subj, care.Late, "2025-07-31", "2025-08-01"), a1Upcoming},
		},
		{
			name: "waiting for a match",
			rec:  authority("2025-03-31", ""), in: entered, asOf: "2025-05-01",
			want: []brief{b(permanence.PERM05, subj, care.Upcoming, "2025-07-31", ""), a1Upcoming},
		},
		{
			name: "authority revoked well before a match was due: nothing was owed",
			rec:  authority("2025-03-31", "2025-06-01"), in: entered, asOf: "2025-09-01",
		},
		{
			name: "authority revoked the day before the match was due: nothing was owed",
			rec:  authority("2025-03-31", "2025-07-30"), in: entered, asOf: "2025-09-01",
		},
		{
			name: "authority revoked on the day the match was due: nothing was owed",
			rec:  authority("2025-03-31", "2025-07-31"), in: entered, asOf: "2025-09-01",
		},
		{
			name: "authority revoked the day after the match was due: missed",
			rec:  authority("2025-03-31", "2025-08-01"), in: entered, asOf: "2025-09-01",
			want: []brief{b(permanence.PERM05, subj, care.Missed, "2025-07-31", "")},
		},
		{
			name: "authority revoked after the as-of date: still overdue",
			rec:  authority("2025-03-31", "2025-09-02"), in: entered, asOf: "2025-09-01",
			want: []brief{b(permanence.PERM05, subj, care.Overdue, "2025-07-31", ""), a1Upcoming},
		},
		{
			name: "placed within 14 months of entering care",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2024-11-01"), Match: day("2025-01-20"), Placed: day("2025-02-10")}},
			in:   adoptedInputs("2024-01-15", "2025-02-10"), asOf: "2025-03-01",
			want: []brief{
				b(permanence.PERM05, subj, care.Met, "2025-03-01", "2025-01-20"),
				b(permanence.PERM05, subj, care.Met, "2025-03-15", "2025-02-10"),
			},
		},
		{
			name: "placed for adoption in 2010–11 is judged against the interim 21 months",
			rec:  permanence.Record{Adoption: permanence.Adoption{Placed: day("2011-03-10")}},
			in:   adoptedInputs("2009-06-30", "2011-03-10"), asOf: "2011-04-01",
			want: []brief{b(permanence.PERM05, subj, care.Met, "2011-03-30", "2011-03-10")},
		},
		{
			name: "adoption agreed as primary route, not yet placed: A1 runs from entering care",
			rec:  adoptionAgreed, in: inCare, asOf: "2025-04-01",
			want: []brief{b(permanence.PERM05, subj, care.Overdue, "2025-03-31", "")},
		},
		{
			name: "adoption agreed, the child left care after A1 was due: missed",
			rec:  adoptionAgreed,
			in: inputs("C0002", ep("2024-01-31", "2025-04-15", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6,
				care.ReasonEpisodeCeasedE4A)),
			asOf: "2025-06-01",
			want: []brief{b(permanence.PERM05, subj, care.Missed, "2025-03-31", "")},
		},
		{
			name: "adoption agreed, the child left care on the day A1 was due: nothing was owed",
			rec:  adoptionAgreed,
			in: inputs("C0002", ep("2024-01-31", "2025-03-31", care.ReasonNewEpisodeS, care.LegalStatusC1, care.PlacementTypeU6,
				care.ReasonEpisodeCeasedE4A)),
			asOf: "2025-06-01",
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
	const subj = "permanence.special_guardianship[0]"
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
			name: "withdrawn well before the report was due",
			rec:  notice("2025-11-30", "", "2026-01-15"), asOf: "2026-03-10",
		},
		{
			name: "withdrawn the day before the report was due: nothing was owed",
			rec:  notice("2025-11-30", "", "2026-02-27"), asOf: "2026-03-10",
		},
		{
			name: "withdrawn on the day the report was due: nothing was owed",
			rec:  notice("2025-11-30", "", "2026-02-28"), asOf: "2026-03-10",
		},
		{
			name: "withdrawn the day after the report was due: missed",
			rec:  notice("2025-11-30", "", "2026-03-01"), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Missed, "2026-02-28", "")},
		},
		{
			name: "withdrawn after the as-of date: still overdue",
			rec:  notice("2025-11-30", "", "2026-03-11"), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Overdue, "2026-02-28", "")},
		},
		{
			name: "report ready before a timely withdrawal: met",
			rec:  notice("2025-11-30", "2026-01-10", "2026-01-15"), asOf: "2026-03-10",
			want: []brief{b(permanence.PERM06, subj, care.Met, "2026-02-28", "2026-01-10")},
		},
		{
			name: "report after a timely withdrawal: nothing was owed",
			rec:  notice("2025-11-30", "2026-02-01", "2026-01-15"), asOf: "2026-03-10",
		},
		{
			name: "local standard of 2 months",
			rec:  notice("2025-11-30", "2026-02-10", ""), asOf: "2026-03-10", policy: permanence.Policy{SGOReportMonths: 2},
			want: []brief{b(permanence.PERM06, subj, care.Late, "2026-01-30", "2026-02-10")},
		},
	})
}

func TestPERM07(t *testing.T) {
	const subj = "permanence.adoption"
	dates := func(ss ...string) []care.Date {
		out := make([]care.Date, len(ss))
		for i, s := range ss {
			out[i] = day(s)
		}
		return out
	}
	placedUntil := func(disrupted string) permanence.Record {
		return permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-08-01"), Placed: day("2025-09-01"),
			Disrupted: day(disrupted)}}
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
			name: "authorised, first review not held, then placed: missed when the child was placed",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-31"), Placed: day("2025-06-02")}},
			asOf: "2025-06-10",
			want: []brief{
				b(permanence.PERM07, subj, care.Missed, "2025-04-30", ""),
				b(permanence.PERM07, subj, care.Upcoming, "2025-06-30", ""),
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
			name: "adoption order after a review was missed: missed, not overdue",
			rec: permanence.Record{Adoption: permanence.Adoption{Placed: day("2025-09-01"), AdoptionOrder: day("2026-01-15"),
				Reviews: dates("2025-09-25")}},
			asOf: "2026-03-01",
			want: []brief{
				b(permanence.PERM07, subj, care.Met, "2025-09-29", "2025-09-25"),
				b(permanence.PERM07, subj, care.Missed, "2025-12-25", ""),
			},
		},
		{
			name: "a late review supersedes the overdue one and the chain runs on from it",
			rec:  permanence.Record{Adoption: permanence.Adoption{Placed: day("2025-09-01"), Reviews: dates("2025-10-10")}},
			asOf: "2025-11-01",
			want: []brief{
				b(permanence.PERM07, subj, care.Late, "2025-09-29", "2025-10-10"),
				b(permanence.PERM07, subj, care.Upcoming, "2026-01-10", ""),
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
			name: "placement ended the day before the first review was due: nothing was owed",
			rec:  placedUntil("2025-09-28"), asOf: "2025-12-01",
		},
		{
			name: "placement ended on the day the first review was due: nothing was owed",
			rec:  placedUntil("2025-09-29"), asOf: "2025-12-01",
		},
		{
			name: "placement ended the day after the first review was due: missed",
			rec:  placedUntil("2025-09-30"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM07, subj, care.Missed, "2025-09-29", "")},
		},
		{
			name: "placement ended after the as-of date: still overdue",
			rec:  placedUntil("2025-10-15"), asOf: "2025-10-01",
			want: []brief{b(permanence.PERM07, subj, care.Overdue, "2025-09-29", "")},
		},
		{
			name: "authorised to place, the child left care before a review was held: missed",
			rec:  permanence.Record{Adoption: permanence.Adoption{PlacementOrder: day("2025-01-31")}},
			in: inputs("C0003", ep("2024-06-01", "2025-06-01", care.ReasonNewEpisodeS, care.LegalStatusC2, care.PlacementTypeU6,
				care.ReasonEpisodeCeasedE4A)),
			asOf: "2025-09-01",
			want: []brief{b(permanence.PERM07, subj, care.Missed, "2025-04-30", "")},
		},
	})
}

func TestPERM01(t *testing.T) {
	const subj = "permanence.plan"
	withReview := func(review string, eps ...care.Episode) permanence.Inputs {
		in := inputs("C0003", eps...)
		in.SecondReview = day(review)
		return in
	}
	reentry := withReview("2025-05-01", left("2024-01-10", "2024-06-01"), s20("2025-01-10"))
	noPlan := plan(tr("2025-01-06", home, considered))
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
			rec:  noPlan, in: withReview("2025-04-10"), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Overdue, "2025-04-10", "")},
		},
		{
			name: "second review not yet due",
			in:   withReview("2025-04-10"), asOf: "2025-04-01",
			want: []brief{b(permanence.PERM01, subj, care.Upcoming, "2025-04-10", "")},
		},
		{
			name: "second review unknown",
			in:   inputs("C0003"), asOf: "2025-04-01",
		},
		{
			name: "left care the day before the second review: nothing was owed",
			rec:  noPlan, in: withReview("2025-04-10", left("2025-01-02", "2025-04-09")), asOf: "2025-06-01",
		},
		{
			name: "left care on the day of the second review: nothing was owed",
			rec:  noPlan, in: withReview("2025-04-10", left("2025-01-02", "2025-04-10")), asOf: "2025-06-01",
		},
		{
			name: "left care the day after the second review: missed",
			rec:  noPlan, in: withReview("2025-04-10", left("2025-01-02", "2025-04-11")), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Missed, "2025-04-10", "")},
		},
		{
			name: "leaving care after the as-of date: still overdue",
			rec:  noPlan, in: withReview("2025-04-10", left("2025-01-02", "2025-06-02")), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Overdue, "2025-04-10", "")},
		},
		{
			name: "a plan recorded after the child left care does not count",
			rec:  plan(tr("2025-01-06", home, considered), primary("2025-05-01", home, agreed)),
			in:   withReview("2025-04-10", left("2025-01-02", "2025-04-20")), asOf: "2025-06-01",
			want: []brief{b(permanence.PERM01, subj, care.Missed, "2025-04-10", "")},
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
	const subj = "permanence.plan"
	lookedAfter := inputs("C0005", s20("2025-01-02"))
	gone := inputs("C0005", left("2025-01-02", "2025-05-01"))
	breach := []brief{{Rule: permanence.PERM02, Subject: subj, Status: care.Breach}}
	met := func(done string) []brief {
		return []brief{{Rule: permanence.PERM02, Subject: subj, Status: care.Met, Done: day(done)}}
	}
	runAssess(t, permanence.PERM02, []assessCase{
		{
			name: "return home primary, adoption only considered",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered)),
			in:   lookedAfter, asOf: "2025-03-01", want: breach,
		},
		{
			name: "return home primary, special guardianship being assessed",
			rec:  plan(primary("2025-01-06", home, assessing), tr("2025-01-06", sgo, considered), tr("2025-02-01", sgo, assessing)),
			in:   lookedAfter, asOf: "2025-03-01", want: met("2025-02-01"),
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
			rec:  plan(primary("2025-01-06", home, assessing)), in: gone, asOf: "2025-06-01",
		},
	})
}

func TestPERM03(t *testing.T) {
	const subj = "permanence.plan"
	la := inputs("C0006", s20("2025-01-02"))
	base := []permanence.Transition{primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered),
		tr("2025-03-01", adoption, assessing), ruledOut("2025-08-01", home, "parenting assessment negative")}
	stalled := plan(primary("2025-01-06", home, assessing))
	// leaves: the child leaves care for a reason that achieves no route
	// (E8, any other reason), closing the plan's window.
	leaves := func(end string) permanence.Inputs {
		return inputs("C0006", ep("2025-01-02", end, care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.ReasonEpisodeCeasedE8))
	}
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
			name: "primary route achieved while a parallel route is still open: the plan has arrived",
			rec: plan(primary("2025-01-06", ltf, agreed), tr("2025-01-06", sgo, considered),
				tr("2025-03-01", ltf, achieved)),
			in: la, asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-03-01")},
		},
		{
			name: "primary route's order made: the plan has arrived, adoption's later steps are other rules'",
			rec: plan(primary("2025-01-06", adoption, agreed), tr("2025-01-06", home, considered),
				tr("2025-02-01", adoption, application), tr("2025-04-01", adoption, orderMade)),
			in: la, asOf: "2025-12-01",
			want: []brief{
				b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-02-01"),
				b(permanence.PERM03, subj, care.Met, "2025-05-01", "2025-04-01"),
			},
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
		{
			name: "left care the day before the plan was due to move: nothing was owed",
			rec:  stalled, in: leaves("2025-04-05"), asOf: "2025-12-01",
		},
		{
			name: "left care on the day the plan was due to move: nothing was owed",
			rec:  stalled, in: leaves("2025-04-06"), asOf: "2025-12-01",
		},
		{
			name: "left care the day after, with the plan stalled: missed",
			rec:  stalled, in: leaves("2025-04-07"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Missed, "2025-04-06", "")},
		},
		{
			name: "leaving care after the as-of date: still overdue",
			rec:  stalled, in: leaves("2025-12-02"), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Overdue, "2025-04-06", "")},
		},
		{
			name: "returned home as part of the care plan (E4A) after the plan was due to move: the return home meets it, late, not missed",
			rec:  stalled, in: inputs("C0006", left("2025-01-02", "2025-04-07")), asOf: "2025-12-01",
			want: []brief{b(permanence.PERM03, subj, care.Late, "2025-04-06", "2025-04-07")},
		},
		{
			name: "returned home not as part of the care plan (E4B): missed",
			rec:  stalled, asOf: "2025-12-01",
			in: inputs("C0006", ep("2025-01-02", "2025-04-07", care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6,
				care.ReasonEpisodeCeasedE4B)),
			want: []brief{b(permanence.PERM03, subj, care.Missed, "2025-04-06", "")},
		},
		{
			name: "left care under a special guardianship order (E45) before the plan was due to move: met",
			rec:  stalled, asOf: "2025-12-01",
			in: inputs("C0006", ep("2025-01-02", "2025-03-01", care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6,
				care.ReasonEpisodeCeasedE45)),
			want: []brief{b(permanence.PERM03, subj, care.Met, "2025-04-06", "2025-03-01")},
		},
	})
}

// TestPERM03LongTermFostering: a long-term fostering route is achieved
// when the placement is confirmed as a long-term foster placement (CPPCR
// reg 2(1), inserted by SI 2015/495: "C's plan for permanence is foster
// care, F has agreed to act as C's foster parent until C ceases to be
// looked after, and the responsible authority has confirmed the nature of
// the arrangement to F, P and C"), not when it is agreed. The plan records
// it by a transition to achieved, or the episode by LongTermFoster: once is
// enough.
func TestPERM03LongTermFostering(t *testing.T) {
	const subj = "permanence.plan"
	ltfPlan := []permanence.Transition{primary("2020-10-01", ltf, considered), tr("2020-12-01", ltf, assessing),
		tr("2021-02-01", ltf, agreed)}
	// fostered: in foster care from 7 September 2020 (U6); from 15 March
	// 2021 the same carer (reason T, U4), marked a long-term foster
	// placement if confirmed.
	fostered := func(confirmed bool) permanence.Inputs {
		first := ep("2020-09-07", "2021-03-15", care.ReasonNewEpisodeS, care.LegalStatusC2, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1)
		second := ep("2021-03-15", "", care.ReasonNewEpisodeT, care.LegalStatusC2, care.PlacementTypeU4, 0)
		second.LongTermFoster = confirmed
		return inputs("C0060", first, second)
	}
	allLTF := ep("2020-09-07", "", care.ReasonNewEpisodeS, care.LegalStatusC2, care.PlacementTypeU4, 0)
	allLTF.LongTermFoster = true
	gapsMet := []brief{
		b(permanence.PERM03, subj, care.Met, "2021-01-01", "2020-12-01"),
		b(permanence.PERM03, subj, care.Met, "2021-03-01", "2021-02-01"),
	}
	runAssess(t, permanence.PERM03, []assessCase{
		{
			name: "placement confirmed as long-term in 2021 (episode only): no PERM-03 overdue in 2026",
			rec:  plan(ltfPlan...), in: fostered(true), asOf: "2026-06-01",
			want: append(gapsMet[:2:2], b(permanence.PERM03, subj, care.Met, "2021-05-01", "2021-03-15")),
		},
		{
			name: "placement confirmed as long-term in 2021 (transition to achieved only): no PERM-03 overdue in 2026",
			rec:  plan(append(ltfPlan[:3:3], tr("2021-03-15", ltf, achieved))...), in: fostered(false), asOf: "2026-06-01",
			want: append(gapsMet[:2:2], b(permanence.PERM03, subj, care.Met, "2021-05-01", "2021-03-15")),
		},
		{
			name: "long-term fostering agreed in 2021, placement never confirmed: the plan still stalls",
			rec:  plan(ltfPlan...), in: fostered(false), asOf: "2026-06-01",
			want: append(gapsMet[:2:2], b(permanence.PERM03, subj, care.Overdue, "2021-05-01", "")),
		},
		{
			name: "placement recorded as long-term before the route was primary: achieved the day it became primary",
			rec:  plan(ltfPlan...), in: inputs("C0060", allLTF), asOf: "2026-06-01",
		},
		{
			name: "long-term foster placement while the primary route is return home: achieves nothing",
			rec:  plan(primary("2021-01-10", home, assessing)), in: inputs("C0060", allLTF), asOf: "2021-06-01",
			want: []brief{b(permanence.PERM03, subj, care.Overdue, "2021-04-10", "")},
		},
	})
}

func TestPERM08(t *testing.T) {
	const subj = "episodes[0]"
	in := func(eps ...care.Episode) permanence.Inputs { return inputs("C0007", eps...) }
	toCareOrder := func(end string) permanence.Inputs {
		return in(ep("2025-01-10", end, care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1),
			ep(end, "", care.ReasonNewEpisodeL, care.LegalStatusC1, care.PlacementTypeU6, 0))
	}
	withReview := func(in permanence.Inputs, review string) permanence.Inputs {
		in.SecondReview = day(review)
		return in
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
			name: "interim care order well within the window ends the s.20 accommodation",
			in:   toCareOrder("2025-03-01"), asOf: "2025-10-01",
		},
		{
			name: "interim care order the day before the plan was due: nothing was owed",
			in:   toCareOrder("2025-07-09"), asOf: "2025-10-01",
		},
		{
			name: "interim care order on the day the plan was due: nothing was owed",
			in:   toCareOrder("2025-07-10"), asOf: "2025-10-01",
		},
		{
			name: "interim care order the day after the plan was due: missed",
			in:   toCareOrder("2025-07-11"), asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Missed, "2025-07-10", "")},
		},
		{
			name: "a plan recorded after the s.20 accommodation ended does not count",
			rec:  plan(primary("2025-08-01", home, assessing)), in: toCareOrder("2025-07-11"), asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Missed, "2025-07-10", "")},
		},
		{
			name: "left care from s.20 after the plan was due: missed",
			in:   in(left("2025-01-10", "2025-07-20")), asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Missed, "2025-07-10", "")},
		},
		{
			name: "s.20 ending after the as-of date: still overdue",
			in:   toCareOrder("2025-08-02"), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "a change of placement under s.20 continues the accommodation",
			in: in(ep("2025-01-10", "2025-03-01", care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.ReasonEpisodeCeasedX1),
				ep("2025-03-01", "", care.ReasonNewEpisodeP, care.LegalStatusV2, care.PlacementTypeK2, 0)),
			asOf: "2025-10-01",
			want: []brief{b(permanence.PERM08, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "re-entry under s.20: only the current period counts",
			in:   in(left("2024-01-10", "2024-09-01"), s20("2025-01-10")),
			rec:  plan(primary("2024-02-01", home, agreed), tr("2024-09-01", home, achieved)),
			asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, "episodes[1]", care.Overdue, "2025-07-10", "")},
		},
		{
			name: "PERM-01 already reports no plan: the absence is not reported twice",
			in:   withReview(in(s20("2025-01-10")), "2025-05-20"), asOf: "2025-08-01",
		},
		{
			name: "PERM-01's review not yet due: PERM-08 reports the absence",
			in:   withReview(in(s20("2025-01-10")), "2025-08-20"), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, subj, care.Overdue, "2025-07-10", "")},
		},
		{
			name: "a late plan is late under both rules",
			rec:  plan(primary("2025-07-20", home, assessing)),
			in:   withReview(in(s20("2025-01-10")), "2025-05-20"), asOf: "2025-08-01",
			want: []brief{b(permanence.PERM08, subj, care.Late, "2025-07-10", "2025-07-20")},
		},
	})
}

// TestMessages checks the words of one finding of each kind, rendered when
// read.
func TestMessages(t *testing.T) {
	rec := permanence.Record{
		Plan: permanence.Plan{Transitions: []permanence.Transition{
			primary("2025-01-06", home, assessing), tr("2025-02-01", adoption, considered),
		}},
		Proceedings: []permanence.Proceedings{
			{Issued: day("2025-01-10"), Extensions: []permanence.Extension{ext("2025-06-20", "2025-08-07")}},
			{Issued: day("2025-01-10"), FinalOrder: day("2025-07-01"), FinalOrderKind: permanence.OrderKindWithdrawn},
		},
		Adoption:            permanence.Adoption{PlacementOrder: day("2025-03-01"), Placed: day("2025-07-01"), Disrupted: day("2025-08-15")},
		SpecialGuardianship: []permanence.SpecialGuardianship{{Notice: day("2025-02-01"), Withdrawn: day("2025-06-01")}},
	}
	in := inputs("C0008", s20("2025-01-02"))
	in.SecondReview = day("2025-04-20")
	rep, err := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	var got []string
	for _, f := range rep {
		got = append(got, f.Subject()+" "+f.String())
	}
	want := []string{
		"permanence.plan PERM-02 breach: uncertain primary route return-home on 6 January 2025: no other route is actively being worked",
		"permanence.plan PERM-03 met: movement on the plan on 1 February 2025, on time; due 6 April 2025, 3 months after the last movement on the plan on 6 January 2025",
		"permanence.plan PERM-01 met: plan for permanence on 6 January 2025, on time; due 20 April 2025, no later than the second looked-after review on 20 April 2025",
		"permanence.plan PERM-03 overdue: no movement on the plan yet; due 1 May 2025, 3 months after the last movement on the plan on 1 February 2025",
		"permanence.special_guardianship[0] PERM-06 missed: no special guardianship report by 1 May 2025 (3 months after the special guardianship notice on 1 February 2025); closed when the notice was withdrawn on 1 June 2025",
		"permanence.adoption PERM-07 missed: no adoption review by 1 June 2025 (3 months after the authority to place on 1 March 2025); closed when the child was placed for adoption on 1 July 2025",
		"permanence.adoption PERM-05 overdue: no match (scorecard A2) yet; due 1 July 2025, 4 months after the authority to place on 1 March 2025",
		"episodes[0] PERM-08 met: plan for permanence on 6 January 2025, on time; due 2 July 2025, 6 months after the start of accommodation under s.20 on 2 January 2025",
		"permanence.proceedings[1] PERM-04 met: final order on 1 July 2025, on time; due 10 July 2025, 181 days after the issue of the application on 10 January 2025",
		"permanence.adoption PERM-07 missed: no adoption review by 29 July 2025 (4 weeks after the placement for adoption on 1 July 2025); closed when the adoptive placement ended on 15 August 2025",
		"permanence.proceedings[0] PERM-04 overdue: no final order yet; due 7 August 2025, 209 days after the issue of the application on 10 January 2025",
		"permanence.adoption PERM-05 met: move to the adopters (scorecard A1) on 1 July 2025, on time; due 2 March 2026, 14 months after becoming looked after on 2 January 2025",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages mismatch (-want +got):\n%s", diff)
	}
}

// TestEvidence checks the dated facts and record paths of findings.
func TestEvidence(t *testing.T) {
	rec := permanence.Record{
		Plan: permanence.Plan{Transitions: []permanence.Transition{primary("2025-01-06", home, assessing), tr("2025-02-01", adoption, considered)}},
		Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"), FinalOrder: day("2025-09-01"), FinalOrderKind: permanence.OrderKindSpecialGuardianship,
			Extensions: []permanence.Extension{ext("2025-06-20", "2025-08-07"), ext("2025-08-01", "2025-08-21")}}},
	}
	in := inputs("C0006", left("2025-01-02", "2025-07-01"))
	rep, err := permanence.Assess(rec, in, day("2025-12-01"), ew, permanence.Policy{})
	if err != nil {
		t.Fatalf("Assess() error = %v", err)
	}
	tests := []struct {
		rule care.RuleID
		want []care.Evidence
	}{
		{permanence.PERM03, []care.Evidence{
			{Label: "the last movement on the plan", Date: day("2025-02-01"), Ref: "permanence.plan.transitions[1]"},
			// The child went home as part of the care plan (E4A): that is
			// the movement that met the stalled plan, late.
			{Label: "returned home as part of the care plan", Date: day("2025-07-01"), Ref: "episodes[0]"},
		}},
		{permanence.PERM04, []care.Evidence{
			{Label: "the issue of the application", Date: day("2025-01-10"), Ref: "permanence.proceedings[0]"},
			{Label: "special guardianship order made", Date: day("2025-09-01"), Ref: "permanence.proceedings[0]"},
			{Label: "the latest extension granted", Date: day("2025-08-01"), Ref: "permanence.proceedings[0].extensions[1]"},
		}},
	}
	for _, tc := range tests {
		fs := rep.ForRule(tc.rule).WithStatus(care.Missed, care.Late)
		if len(fs) != 1 {
			t.Fatalf("%s findings = %v, want 1", tc.rule, fs)
		}
		if diff := cmp.Diff(tc.want, fs[0].Evidence(), cmpOpts); diff != "" {
			t.Errorf("%s evidence mismatch (-want +got):\n%s", tc.rule, diff)
		}
	}
	if f := rep.ForRule(permanence.PERM04)[0]; f.Status != care.Late || f.Due != day("2025-08-21") {
		t.Errorf("PERM-04 = %v, want late, due 2025-08-21 (the end of the latest extension)", f)
	}
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
		{name: "zero as-of date", rec: good, in: inputs("C0001"), cal: ew, is: permanence.ErrNoAsOf},
		{name: "policy looser than statute", rec: good, in: inputs("C0001"), asOf: day("2025-06-01"), cal: ew,
			policy: permanence.Policy{ProceedingsWeeks: 27}, substr: "proceedings_weeks: 27 is looser than the statutory limit of 26"},
		{name: "invalid record", rec: plan(tr("2025-01-06", ltf, achieved)), in: inputs("C0001"), asOf: day("2025-06-01"), cal: ew,
			is: permanence.ErrInvalidTransition, substr: "plan.transitions[0].state"},
		{name: "invalid episodes", rec: good, asOf: day("2025-06-01"), cal: ew,
			in:     inputs("C0001", care.Episode{Start: day("2025-01-01"), ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6}),
			substr: "episodes[0].reason_new"},
		{name: "child without a date of birth", rec: good, in: permanence.Inputs{Child: care.Child{ID: "C0001"}}, asOf: day("2025-06-01"), cal: ew,
			is: care.ErrRequired, substr: "child.date_of_birth"},
		{name: "invalid record and child: both reported", rec: plan(tr("2025-01-06", ltf, achieved)), in: permanence.Inputs{Child: care.Child{ID: "C0001"}},
			asOf: day("2025-06-01"), cal: ew, is: permanence.ErrInvalidTransition, substr: "child.date_of_birth"},
		{name: "nil calendar", rec: good, in: inputs("C0001"), asOf: day("2025-06-01"), substr: "nil calendar"},
		{name: "shift outside the calendar", rec: proceedings("2025-01-10", ""), in: inputs("C0001"), asOf: day("2025-06-01"), cal: &care.Calendar{},
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

// TestEmitRecordsNothingOnError checks that an assessment that fails part
// way leaves the emitter as it was.
func TestEmitRecordsNothingOnError(t *testing.T) {
	a, err := permanence.NewAssessor(permanence.Policy{ProceedingsShift: permanence.ShiftNextWorkingDay}, &care.Calendar{})
	if err != nil {
		t.Fatalf("NewAssessor() error = %v", err)
	}
	h, err := care.NewHistory(kid("C0001"), []care.Episode{s20("2025-01-02")})
	if err != nil {
		t.Fatalf("NewHistory() error = %v", err)
	}
	e := care.NewEmitter(day("2025-09-01"))
	rec := proceedings("2025-01-10", "")
	rec.Plan = plan(primary("2025-01-06", home, assessing)).Plan
	if err := a.Emit(e, h, rec, permanence.Inputs{SecondReview: day("2025-04-20")}); !errors.Is(err, care.ErrOutsideCalendar) {
		t.Fatalf("Emit() error = %v, want one wrapping care.ErrOutsideCalendar", err)
	}
	if e.Len() != 0 {
		t.Errorf("Emit() recorded %v on error, want nothing", e.Findings())
	}
}

func TestAssessDoesNotMutateInputs(t *testing.T) {
	rec := permanence.Record{
		Plan:        permanence.Plan{Transitions: []permanence.Transition{primary("2025-01-06", home, assessing)}},
		Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"), Extensions: []permanence.Extension{ext("2025-06-01", "2025-07-24")}}},
		Adoption:    permanence.Adoption{PlacementOrder: day("2025-03-01"), Reviews: []care.Date{day("2025-05-01")}},
	}
	in := inputs("C0008", s20("2025-01-02"))
	in.SecondReview = day("2025-04-20")
	before := cmp.Diff(nil, []any{rec, in}, cmpOpts)
	rep1, err1 := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	rep2, err2 := permanence.Assess(rec, in, day("2025-09-01"), ew, permanence.Policy{})
	if err1 != nil || err2 != nil {
		t.Fatalf("Assess() errors = %v, %v", err1, err2)
	}
	if after := cmp.Diff(nil, []any{rec, in}, cmpOpts); after != before {
		t.Errorf("Assess() changed its inputs")
	}
	if len(rep1) == 0 || len(rep1) != len(rep2) {
		t.Fatalf("Assess() gave %d and %d findings, want the same, some", len(rep1), len(rep2))
	}
	for i := range rep1 {
		if rep1[i].String() != rep2[i].String() || rep1[i].Status != rep2[i].Status {
			t.Errorf("Assess() is not deterministic: %v, then %v", rep1[i], rep2[i])
		}
	}
	ev := rep1[0].Evidence()
	ev[0].Label = "changed"
	if rep1[0].Evidence()[0].Label == "changed" {
		t.Errorf("Evidence() shares its slice between calls")
	}
}
