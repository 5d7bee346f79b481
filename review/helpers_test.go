package review

import (
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
)

// d parses an ISO date literal for tests.
func d(t testing.TB, s string) care.Date {
	t.Helper()
	dt, err := care.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return dt
}

// ep builds an episode for tests: start, legal status and end (end may be "").
func ep(t testing.TB, start, end string, ls care.LegalStatus, rne care.ReasonNewEpisode) care.Episode {
	t.Helper()
	e := care.Episode{Start: d(t, start), ReasonNew: rne, LegalStatus: ls, PlacementType: care.PlacementTypeU1}
	if end != "" {
		e.End = d(t, end)
		e.ReasonCeased = care.CeasedE4A
	}
	return e
}

// lookedAfter returns one open episode (care order) from start.
func lookedAfter(t testing.TB, start string) []care.Episode {
	return []care.Episode{ep(t, start, "", care.LegalStatusC2, care.NewEpisodeS)}
}

// held builds reviews held on the given dates.
func held(t testing.TB, dates ...string) []Review {
	out := make([]Review, len(dates))
	for i, s := range dates {
		out[i] = Review{Held: d(t, s)}
	}
	return out
}

// dueRow renders a Due compactly for comparison.
func dueRow(x Due) string {
	s := string(x.Deadline.Rule) + " " + x.Deadline.Due.String() + " " + x.Status.String() +
		" anchor " + x.Deadline.Anchor.String()
	if !x.Held.IsZero() {
		s += " held " + x.Held.String()
	}
	return s
}

// findingRow renders a finding compactly for comparison.
func findingRow(f care.Finding) string {
	var b strings.Builder
	b.WriteString(string(f.Rule) + " " + f.Status.String() + " " + f.Subject)
	if !f.Due.IsZero() {
		b.WriteString(" due " + f.Due.String())
	}
	if !f.Done.IsZero() {
		b.WriteString(" done " + f.Done.String())
	}
	b.WriteString(": " + f.Message)
	return b.String()
}
