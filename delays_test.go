package practice

import (
	"math/rand/v2"
	"testing"

	"golang.org/x/exp/stats"
)

// The cohort's quantiles of days late are those of x/exp/stats, to the bit,
// whatever the values and however the multisets were merged.
func TestDelaysQuantilesMatchStats(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	qs := []float64{0, 0.25, 0.5, 0.75, 0.9, 1}
	for _, tc := range []struct {
		name  string
		value func() int
		n     int
	}{
		{"one value", func() int { return 17 }, 1},
		{"small days", func() int { return r.IntN(30) }, 101},
		{"every day the same", func() int { return 3 }, 50},
		{"wide range", func() int { return r.IntN(3 * denseDays) }, 999},
		{"negative and beyond the dense range", func() int { return r.IntN(2*denseDays) - denseDays/2 }, 500},
		{"even count", func() int { return r.IntN(400) }, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a, b delays
			var values []float64
			for i := range tc.n {
				v := tc.value()
				values = append(values, float64(v))
				if i%3 == 0 {
					b.add(v)
				} else {
					a.add(v)
				}
			}
			a.merge(&b)
			want := stats.Quantiles(values, qs...)
			got := a.quantiles(qs...)
			for i := range qs {
				if got[i] != want[i] {
					t.Errorf("quantile %v = %v, want %v (x/exp/stats)", qs[i], got[i], want[i])
				}
			}
		})
	}
}

// Counting a delay allocates nothing once the counts cover its value.
func TestDelaysAddAllocs(t *testing.T) {
	var m delays
	m.add(400)
	if n := testing.AllocsPerRun(100, func() { m.add(123) }); n != 0 {
		t.Errorf("add allocates %v times", n)
	}
}
