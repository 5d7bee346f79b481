package permanence_test

import (
	"encoding/json"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

func FuzzParseRoute(f *testing.F) {
	for _, s := range []string{"", "adoption", "return-home", "Adoption", "order-made"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := permanence.ParseRoute(s)
		if err == nil && r.String() != s {
			t.Errorf("ParseRoute(%q) = %v, whose String is not the input", s, r)
		}
		st, err := permanence.ParseState(s)
		if err == nil && st.String() != s {
			t.Errorf("ParseState(%q) = %v, whose String is not the input", s, st)
		}
	})
}

// FuzzAssess decodes arbitrary JSON as a case and checks that assessing and
// tracking it never panic, and that a valid case gives a sorted report.
func FuzzAssess(f *testing.F) {
	seed := permanence.Case{
		Record: permanence.Record{
			Plan: permanence.Plan{Transitions: []permanence.Transition{
				primary("2025-01-06", home, assessing), tr("2025-01-06", adoption, considered),
				ruledOut("2025-03-01", home, "negative"), tr("2025-04-01", adoption, agreed),
			}},
			Proceedings: []permanence.Proceedings{{Issued: day("2025-01-10"), Extensions: []permanence.Extension{{Granted: day("2025-07-01"), Ends: day("2025-09-04")}}}},
			Adoption: permanence.Adoption{PlacementOrder: day("2025-05-01"), Match: day("2025-06-01"), Placed: day("2025-07-01"),
				Reviews: []care.Date{day("2025-07-20")}},
			SpecialGuardianship: []permanence.SpecialGuardianship{{Notice: day("2025-02-01")}},
		},
		Inputs: permanence.Inputs{Child: kid("C0040"), Episodes: []care.Episode{s20("2025-01-02")}, SecondReview: day("2025-04-20")},
	}
	b, err := json.Marshal(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, int32(0))
	f.Add([]byte(`{"record":{"plan":{"transitions":[{"date":"2025-01-01","route":"adoption","state":"achieved"}]}}}`), int32(100))
	// A long-term foster placement and a planned return home move the
	// plan; an extension granted after the limit runs from its grant.
	f.Add([]byte(`{"record":{"plan":{"transitions":[{"date":"2025-01-06","route":"long-term-fostering","state":"agreed","primary":true}]},`+
		`"proceedings":[{"issued":"2025-01-10","extensions":[{"granted":"2025-07-20","ends":"2025-09-14"}]}]},`+
		`"inputs":{"child":{"id":"C1","date_of_birth":"2015-01-01"},"episodes":[{"start":"2025-01-02","reason_new":"S","legal_status":"C2",`+
		`"placement_type":"U4","long_term_foster":true,"end":"2025-06-01","reason_ceased":"E4A"}]}}`), int32(30))
	f.Fuzz(func(t *testing.T, data []byte, offset int32) {
		var c permanence.Case
		if json.Unmarshal(data, &c) != nil {
			return
		}
		asOf := day("2025-09-01").AddDays(int(offset % 5000))
		for _, p := range []permanence.Policy{{}, {ProceedingsShift: permanence.ShiftNextWorkingDay}} {
			rep, err := permanence.Assess(c.Record, c.Inputs, asOf, ew, p)
			if err == nil && !slicesSorted(rep) {
				t.Errorf("Assess() report not sorted: %v", rep)
			}
			_, _ = permanence.Track(c.Record, c.Inputs, asOf, ew, p)
			_ = permanence.Measures(c.Record, c.Inputs, asOf, p)
		}
	})
}
