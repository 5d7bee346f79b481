package practice

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/review"
)

// TestCaseJSONFields checks that caseJSON, the JSON layout of a Case, has
// a field for every field of Case, of the same type and in the same order,
// so that a field added to Case cannot be left out of the wire format.
func TestCaseJSONFields(t *testing.T) {
	ct, wt := reflect.TypeFor[Case](), reflect.TypeFor[caseJSON]()
	if ct.NumField() != wt.NumField() {
		t.Fatalf("Case has %d fields, caseJSON %d: add the new field to caseJSON, toJSON and toCase", ct.NumField(), wt.NumField())
	}
	for i := range ct.NumField() {
		if cf, wf := ct.Field(i), wt.Field(i); cf.Type != wf.Type {
			t.Errorf("Case.%s is %v, but caseJSON's field %d (%s) is %v", cf.Name, cf.Type, i, wf.Name, wf.Type)
		}
	}
}

// TestCaseJSONLayout checks that a case written as one literal encodes
// flat, as the wire format has it: the care and review records' fields at
// the top level, the supervision and permanence records under their names.
func TestCaseJSONLayout(t *testing.T) {
	c := Case{
		Team: "T",
		Care: care.Record{
			Child:           care.Child{ID: "C1"},
			PlanningRecords: care.PlanningRecords{Visits: []care.Visit{{Kind: care.VisitKindStatutory}}},
		},
		Review: review.Record{Reviews: []review.Review{{}}},
	}
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range top {
		keys = append(keys, k)
	}
	for _, k := range []string{"format_version", "team", "child", "episodes", "visits", "reviews"} {
		if _, ok := top[k]; !ok {
			t.Errorf("json.Marshal(Case) has no top-level %q; keys %q", k, keys)
		}
	}
	for _, k := range []string{"office", "Care", "Review", "supervision", "permanence"} {
		if _, ok := top[k]; ok {
			t.Errorf("json.Marshal(Case) has a top-level %q; keys %q", k, keys)
		}
	}
}

// TestCaseUnmarshalJSON checks that encoding/json reads a Case (alone, and
// inside another document) as it writes it, with its usual leniency.
func TestCaseUnmarshalJSON(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 3, Children: 5})
	type doc struct {
		Name string `json:"name"`
		Case Case   `json:"case"`
	}
	for _, want := range coh.Cases {
		b, err := json.Marshal(doc{"x", want})
		if err != nil {
			t.Fatal(err)
		}
		var got doc
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("json.Unmarshal: %v", err)
		}
		if diff := cmp.Diff(want, got.Case, caseOptions); diff != "" {
			t.Errorf("%s: json.Unmarshal(json.Marshal(c)) mismatch (-want +got):\n%s", want.Care.Child.ID, diff)
		}
	}
	// Unknown fields are ignored and fields absent keep their values, as
	// encoding/json does for any struct.
	c := Case{Team: "kept", Office: "old"}
	if err := json.Unmarshal([]byte(`{"office": "new", "nmae": 1, "reviews": [{"held": "2025-01-06"}]}`), &c); err != nil {
		t.Fatal(err)
	}
	if c.Team != "kept" || c.Office != "new" || len(c.Review.Reviews) != 1 {
		t.Errorf("json.Unmarshal into %+v: want team kept, office new, one review", c)
	}
}
