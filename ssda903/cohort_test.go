package ssda903_test

import (
	"fmt"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
)

// ep builds an episode from ISO dates ("" for none) and codes ("" for
// unknown), as the cohort reads it.
func ep(t testing.TB, start, end, rne, ls, rec string) care.Episode {
	t.Helper()
	var e care.Episode
	var err error
	if start != "" {
		if e.Start, err = care.ParseDate(start); err != nil {
			t.Fatal(err)
		}
	}
	if end != "" {
		if e.End, err = care.ParseDate(end); err != nil {
			t.Fatal(err)
		}
	}
	if rne != "" {
		if e.ReasonNew, err = care.ParseReasonNewEpisode(rne); err != nil {
			t.Fatal(err)
		}
	}
	if ls != "" {
		if e.LegalStatus, err = care.ParseLegalStatus(ls); err != nil {
			t.Fatal(err)
		}
	}
	if rec != "" {
		if e.ReasonCeased, err = care.ParseReasonEpisodeCeased(rec); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// TestContinuouslyLookedAfter12Months holds the cohort at its edges, for
// the 2025-26 collection (1 April 2025 to 31 March 2026).
func TestContinuouslyLookedAfter12Months(t *testing.T) {
	const year = care.CollectionYear(2025)
	tests := []struct {
		name string
		eps  func(t testing.TB) []care.Episode
		want bool
	}{
		{"open since before the year", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "", "S", "C2", "")}
		}, true},
		{"started 31 March of the year before", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2025-03-31", "", "S", "C2", "")}
		}, true},
		{"started 1 April: twelve months end on 31 March", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2025-04-01", "", "S", "C2", "")}
		}, true},
		{"started 2 April: short of twelve months", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2025-04-02", "", "S", "C2", "")}
		}, false},
		{"started after 31 March: not in this return's cohort", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2026-04-01", "", "S", "C2", "")}
		}, false},
		{"left care on 31 March: not looked after at 31 March", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "2026-03-31", "S", "C2", "E11")}
		}, false},
		{"left care on 1 April", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "2025-04-01", "S", "C2", "E4A")}
		}, false},
		{"left care on 31 March of the year before, back the next day", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-03-31", "S", "C2", "E4A"),
				ep(t, "2025-04-01", "", "S", "C2", ""),
			}
		}, true},
		{"break of one day at the start: left 1 April, back 2 April", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-04-01", "S", "C2", "E4A"),
				ep(t, "2025-04-02", "", "S", "C2", ""),
			}
		}, false},
		{"break of one day at the end: left 30 March, back 31 March", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2026-03-30", "S", "C2", "E4A"),
				ep(t, "2026-03-31", "", "S", "C2", ""),
			}
		}, false},
		{"placement changed on 1 April (X1 then P)", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-04-01", "S", "C2", "X1"),
				ep(t, "2025-04-01", "", "P", "C2", ""),
			}
		}, true},
		{"short breaks (V4) ending on 1 April, C2 after", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-04-01", "S", "V4", "X1"),
				ep(t, "2025-04-01", "", "L", "C2", ""),
			}
		}, false},
		{"short breaks (V3) ending on 31 March of the year before, C2 after", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-03-31", "S", "V3", "X1"),
				ep(t, "2025-03-31", "", "L", "C2", ""),
			}
		}, true},
		{"left before the year and not back", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "2025-02-01", "S", "C2", "E4A")}
		}, false},
		{"change of placement in the year (X1 then P)", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-10-10", "S", "C2", "X1"),
				ep(t, "2025-10-10", "", "P", "C2", ""),
			}
		}, true},
		{"X1 ending on 31 March, next episode in the next year", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "2026-03-31", "S", "C2", "X1")}
		}, true},
		{"break of one day: left 10 October, back 11 October", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-10-10", "S", "C2", "E4A"),
				ep(t, "2025-10-11", "", "S", "C2", ""),
			}
		}, false},
		{"left and back the same day: a new period of care", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-10-10", "S", "C2", "E4A"),
				ep(t, "2025-10-10", "", "S", "C2", ""),
			}
		}, false},
		{"same-day episodes where the first has an unknown reason ceased", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-10-10", "S", "C2", ""),
				ep(t, "2025-10-10", "", "P", "C2", ""),
			}
		}, false},
		{"short breaks (V3) only", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "2023-06-01", "", "S", "V3", "")}
		}, false},
		{"short-break agreement (V4) in the year, C2 around it", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2025-06-01", "S", "C2", "X1"),
				ep(t, "2025-06-01", "2025-07-01", "L", "V4", "X1"),
				ep(t, "2025-07-01", "", "L", "C2", ""),
			}
		}, false},
		{"short breaks that ended before the year", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2024-01-01", "S", "V3", "X1"),
				ep(t, "2024-01-01", "", "L", "C2", ""),
			}
		}, true},
		{"short break starting 1 April of the next year", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2023-06-01", "2026-04-01", "S", "C2", "X1"),
				ep(t, "2026-04-01", "", "L", "V3", ""),
			}
		}, true},
		{"episodes in any order", func(t testing.TB) []care.Episode {
			return []care.Episode{
				ep(t, "2025-10-10", "", "P", "C2", ""),
				ep(t, "2023-06-01", "2025-10-10", "S", "C2", "X1"),
			}
		}, true},
		{"no start date is ignored", func(t testing.TB) []care.Episode {
			return []care.Episode{ep(t, "", "", "S", "C2", ""), ep(t, "2023-06-01", "", "S", "C2", "")}
		}, true},
		{"no episodes", func(testing.TB) []care.Episode { return nil }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ssda903.ContinuouslyLookedAfter12Months(tt.eps(t), year); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if ssda903.ContinuouslyLookedAfter12Months([]care.Episode{ep(t, "2023-06-01", "", "S", "C2", "")}, 0) {
		t.Error("the zero year has no cohort")
	}
}

// TestContinuouslyLookedAfter12MonthsValidatorCases holds the children of
// the open validator's case for rule 185 (collection 1980-81, codes as the
// case gives them, "o" and "!!" standing for codes that are not S, X1, V3
// or V4).
func TestContinuouslyLookedAfter12MonthsValidatorCases(t *testing.T) {
	const year = care.CollectionYear(1980)
	tests := []struct {
		child string
		eps   []care.Episode
		want  bool
	}{
		{"1", []care.Episode{ep(t, "1980-03-01", "1981-03-31", "P", "C2", "X1")}, true},
		{"2", []care.Episode{ep(t, "1980-03-01", "1981-03-30", "P", "C2", "X1")}, true},
		{"3", []care.Episode{ep(t, "1980-03-01", "1981-01-01", "P", "V3", "X1")}, false},
		{"4", []care.Episode{ep(t, "1970-02-01", "", "P", "C2", "")}, true},
		{"5555", []care.Episode{ep(t, "1979-03-01", "1981-01-01", "P", "C2", "X1"), ep(t, "1981-01-01", "", "P", "C2", "")}, true},
		{"6", []care.Episode{ep(t, "1979-03-01", "1981-01-01", "P", "C2", ""), ep(t, "1981-01-01", "", "P", "C2", "")}, false},
		{"7777", []care.Episode{ep(t, "1979-03-01", "1981-01-01", "P", "C2", "X1"), ep(t, "1981-01-01", "1981-07-01", "S", "C2", "E11")}, false},
		{"8", []care.Episode{ep(t, "1981-01-01", "1999-03-31", "S", "C2", "E11")}, false},
	}
	for _, tt := range tests {
		if got := ssda903.ContinuouslyLookedAfter12Months(tt.eps, year); got != tt.want {
			t.Errorf("child %s: got %v, want %v", tt.child, got, tt.want)
		}
	}
}

// A child looked after since 2023 moved placement in October: still in the
// 2025-26 OC2 cohort. A child who went home in October and came back the
// next day is not: leaving care breaks the continuity however short the
// gap.
func ExampleContinuouslyLookedAfter12Months() {
	d := func(s string) care.Date { x, _ := care.ParseDate(s); return x }
	moved := []care.Episode{
		{Start: d("2023-06-01"), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
			End: d("2025-10-10"), ReasonCeased: care.ReasonEpisodeCeasedX1},
		{Start: d("2025-10-10"), ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC2},
	}
	returned := []care.Episode{
		{Start: d("2023-06-01"), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
			End: d("2025-10-10"), ReasonCeased: care.ReasonEpisodeCeasedE4A},
		{Start: d("2025-10-11"), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2},
	}
	fmt.Println(ssda903.ContinuouslyLookedAfter12Months(moved, 2025))
	fmt.Println(ssda903.ContinuouslyLookedAfter12Months(returned, 2025))
	// Output:
	// true
	// false
}
