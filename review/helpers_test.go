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
		e.ReasonCeased = care.ReasonEpisodeCeasedE4A
	}
	return e
}

// lookedAfter returns one open episode (care order) from start.
func lookedAfter(t testing.TB, start string) []care.Episode {
	return []care.Episode{ep(t, start, "", care.LegalStatusC2, care.ReasonNewEpisodeS)}
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
	if !x.Closed.IsZero() {
		s += " closed " + x.Closed.String()
	}
	return s
}

// findingRow renders a finding compactly for comparison.
func findingRow(f care.Finding) string {
	var b strings.Builder
	b.WriteString(string(f.Rule()) + " " + f.Status.String() + " " + f.Subject())
	if !f.Due.IsZero() {
		b.WriteString(" due " + f.Due.String())
	}
	if !f.Done.IsZero() {
		b.WriteString(" done " + f.Done.String())
	}
	b.WriteString(": " + f.Message())
	return b.String()
}

// render renders a report as the golden files hold it: each finding's
// subject and one-line summary, then its evidence, one a line.
func render(rep care.Report) string {
	var b strings.Builder
	for _, f := range rep {
		b.WriteString(f.Subject() + " | " + f.String() + "\n")
		for _, e := range f.Evidence() {
			b.WriteString("    " + e.String() + "\n")
		}
	}
	return b.String()
}

// statusRow renders a finding's rule, status, subject and dates, and for
// a Missed finding when and why its window closed.
func statusRow(f care.Finding) string {
	s := string(f.Rule()) + " " + f.Status.String() + " " + f.Subject()
	if !f.Due.IsZero() {
		s += " due " + f.Due.String()
	}
	if !f.Done.IsZero() {
		s += " done " + f.Done.String()
	}
	if closed, by := f.Closed(); !closed.IsZero() {
		s += " closed " + closed.String() + " when " + by
	}
	return s
}
