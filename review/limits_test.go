package review

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

// TestRecordStringLimits: a review record's identifiers, owners and notes
// are limited and valid UTF-8; errors quote at most a short prefix of an
// identifier and never an owner or a note.
func TestRecordStringLimits(t *testing.T) {
	child := care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, 6, 15)}
	eps := lookedAfter(t, "2025-01-06")
	note := "Synthetic note " + strings.Repeat("n", care.MaxTextBytes)
	rec := Record{
		Reviews: []Review{{Held: d(t, "2025-02-03"), ChairedBy: strings.Repeat("I", care.MaxIDBytes+1),
			Recommendations: []Recommendation{{Ref: "R\xff1", Text: note, Owner: "Synthetic " + strings.Repeat("Owner", 30),
				FollowUps: []FollowUp{{Date: d(t, "2025-02-10"), Note: "Synthetic\xff"}}}}}},
		IRO:          []IROAllocation{{IROID: strings.Repeat("I", care.MaxIDBytes+1), Appointed: d(t, "2025-01-06")}},
		MidwayChecks: []MidwayCheck{{Date: d(t, "2025-03-03"), IROID: "IRO1", Note: note}},
	}
	err := rec.Validate(child, eps)
	want := []string{"reviews[0].chaired_by", "reviews[0].recommendations[0].ref", "reviews[0].recommendations[0].text",
		"reviews[0].recommendations[0].owner", "reviews[0].recommendations[0].follow_ups[0].note", "iro[0].iro_id", "midway_checks[0].note"}
	if diff := cmp.Diff(want, errPaths(t, err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s\n%v", diff, err)
	}
	if !errors.Is(err, care.ErrTooLong) || !errors.Is(err, care.ErrInvalidUTF8) {
		t.Errorf("Validate() = %v, want ErrTooLong and ErrInvalidUTF8", err)
	}
	msg := fmt.Sprint(err)
	if strings.Contains(msg, "Synthetic") || strings.Contains(msg, "Owner") || strings.Contains(msg, strings.Repeat("I", 21)) {
		t.Errorf("Validate() = %q, quotes a private value or more than a short prefix", msg)
	}
}

// TestAssessNobodyLookedAfterAt18: nobody is assessed as looked after at 18
// or over, and the error does not give the date of birth.
func TestAssessNobodyLookedAfterAt18(t *testing.T) {
	child := care.Child{ID: "C0002", DateOfBirth: care.MustDate(2008, 6, 15)}
	eps := lookedAfter(t, "2023-01-09")
	cal := care.EnglandAndWales()
	if _, err := Assess(Record{}, child, eps, d(t, "2026-06-14"), cal, Policy{}); err != nil {
		t.Errorf("Assess() the day before the 18th birthday = %v, want nil", err)
	}
	_, err := Assess(Record{}, child, eps, d(t, "2026-06-15"), cal, Policy{})
	var fe *care.FieldError
	if !errors.As(err, &fe) || fe.Path != "episodes[0].end" || strings.Contains(err.Error(), "2008") {
		t.Errorf("Assess() on the 18th birthday = %v, want an error at episodes[0].end without the date of birth", err)
	}
}
