package supervision_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

// TestStringLimits: the dataset's and a case record's strings are limited
// (care.MaxIDBytes, MaxNameBytes, MaxTextBytes) and valid UTF-8; errors
// quote at most a short prefix of an ID, team or office, and never an
// owner or free text.
func TestStringLimits(t *testing.T) {
	longID := strings.Repeat("W", care.MaxIDBytes+1)
	text := "Synthetic note " + strings.Repeat("x", care.MaxTextBytes)
	ds := supervision.Dataset{
		Workers: []supervision.Worker{
			{ID: "W1", Team: strings.Repeat("T", care.MaxNameBytes+1), Office: "North\xff", Start: day("2025-01-06")},
			{ID: longID, Team: "North", Start: day("2025-01-06")},
		},
		Sessions: []supervision.Session{{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual,
			Cases: []supervision.CaseNote{{Child: "C0001", Progress: text, Worries: "Synthetic\xff"}}}},
		Directions: []supervision.Direction{{ID: "D1", Child: "C0001", Given: day("2025-02-03"), Text: text,
			Owner: "Synthetic " + strings.Repeat("Owner", 30)}},
		Allocations: []supervision.Allocation{{Child: "C0001", Worker: "W1", From: day("2025-01-06")}},
	}
	err := ds.Validate()
	want := []string{"workers[0].team", "workers[0].office", "workers[1].id", "directions[0].text", "directions[0].owner",
		"sessions[0].cases[0].progress", "sessions[0].cases[0].worries"}
	if diff := cmp.Diff(want, pathsOf(err)); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s\n%v", diff, err)
	}
	if !errors.Is(err, care.ErrTooLong) || !errors.Is(err, care.ErrInvalidUTF8) {
		t.Errorf("Validate() = %v, want ErrTooLong and ErrInvalidUTF8", err)
	}
	msg := fmt.Sprint(err)
	for _, secret := range []string{"Synthetic", "Owner", longID[:21]} {
		if strings.Contains(msg, secret) {
			t.Errorf("Validate() = %q, quotes %q", msg, secret)
		}
	}
	if !strings.Contains(msg, `("WWWWWWWWWWWWWWWWWWWW"…)`) || !strings.Contains(msg, `("North\xff")`) {
		t.Errorf("Validate() = %q, want short quoted prefixes of the ID and office", msg)
	}
}

// TestUnknownIDsQuotedShort: an error about an unknown or mismatched ID
// quotes at most a short prefix of it.
func TestUnknownIDsQuotedShort(t *testing.T) {
	long := "C" + strings.Repeat("9", 60)
	rec := supervision.CaseRecord{
		Allocations: []supervision.Allocation{{Child: "C0001", Worker: "W1", From: day("2025-01-06")}},
		Discussions: []supervision.Discussion{{Date: day("2025-02-03"), Supervisor: "M1", Worker: "W1", Kind: supervision.SessionKindIndividual,
			CaseNote: supervision.CaseNote{Child: long, Directions: []string{"D" + strings.Repeat("8", 60)}}}},
	}
	err := rec.Validate()
	if err == nil {
		t.Fatal("Validate() = nil, want errors")
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.Contains(line, strings.Repeat("9", 21)) || strings.Contains(line, strings.Repeat("8", 21)) {
			t.Errorf("error %q quotes more than a short prefix", line)
		}
	}
}

func TestCodesOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		got  fmt.Stringer
		want string
	}{
		{supervision.WorkerStatus(200), "WorkerStatus(200)"},
		{supervision.SessionKind(200), "SessionKind(200)"},
		{supervision.Grouping(200), "Grouping(200)"},
	} {
		if got := tc.got.String(); got != tc.want {
			t.Errorf("String() = %q, want %q (never %%!%s)", got, tc.want, tc.want)
		}
	}
}

// pathsOf returns the paths of a validation error, in order.
func pathsOf(err error) []string {
	var ve care.ValidationErrors
	if !errors.As(err, &ve) {
		return nil
	}
	out := make([]string, len(ve))
	for i, e := range ve {
		out[i] = e.Path
	}
	return out
}
