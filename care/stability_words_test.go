package care

import "testing"

// TestStabilityOnWords reads the windows of the DfE stability measures
// (STAB-01, STAB-02) against their words at month ends: a window of N
// months ending on the as-of date inclusive begins the day after the date
// N months before it.
func TestStabilityOnWords(t *testing.T) {
	child := Child{ID: "C0010", DateOfBirth: sgD("2015-05-01")}
	tests := []struct {
		name     string
		start    string
		asOf     string
		longTerm bool
		twoYears bool
	}{
		{
			name:  `STAB-02 "looked after continuously for at least 2.5 years" on 31 August: care since 1 March 30 months before counts`,
			start: "2023-03-01", asOf: "2025-08-31", longTerm: true, twoYears: true,
		},
		{
			name:  `STAB-02 on 31 August: care since 2 March 30 months before is a day short`,
			start: "2023-03-02", asOf: "2025-08-31", twoYears: true,
		},
		{
			name:  `STAB-01 "looked after for 2 years on 31 March": care since 1 April two years before counts`,
			start: "2023-04-01", asOf: "2025-03-31", twoYears: true,
		},
		{
			name:  `STAB-01 on 31 March: care since 2 April two years before is a day short`,
			start: "2023-04-02", asOf: "2025-03-31",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eps := []Episode{sgEp(tc.start, ReasonNewEpisodeS, LegalStatusC2, PlacementTypeU4, "", 0)}
			m := StabilityOn(child, eps, sgD(tc.asOf))
			if !m.Included || m.LongTerm != tc.longTerm || m.TwoYears != tc.twoYears {
				t.Errorf("StabilityOn = %+v; want long-term %v, two years %v", m, tc.longTerm, tc.twoYears)
			}
		})
	}
}
