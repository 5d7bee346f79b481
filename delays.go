package practice

import (
	"math"
	"slices"
)

// delays is a multiset of whole days late, kept as counts by value, so
// that its memory depends on the range of the values and not on how many
// findings were counted: a national cohort's millions of late findings take
// a few kilobytes per rule and group, and counting one allocates nothing
// once the counts cover its value.
type delays struct {
	counts []uint32 // counts[d] is how many findings were d days late, for 0 <= d < denseDays
	other  []int32  // the values outside that range (over eleven years late, or negative)
	n      int
}

// denseDays bounds the values counted by value; the rest are listed.
const denseDays = 4096

func (m *delays) add(d int) {
	m.n++
	if d >= 0 && d < denseDays {
		if d >= len(m.counts) {
			m.grow(d + 1)
		}
		m.counts[d]++
		return
	}
	m.other = append(m.other, int32(max(min(d, math.MaxInt32), math.MinInt32)))
}

// grow extends the counts to n values (zero counts), doubling the room so
// that a tally growing a day at a time reallocates rarely.
func (m *delays) grow(n int) {
	old := len(m.counts)
	if n > cap(m.counts) {
		m.counts = slices.Grow(m.counts, max(n, 2*cap(m.counts), 16)-old)
	}
	m.counts = m.counts[:n]
	clear(m.counts[old:])
}

// merge adds o's values to m.
func (m *delays) merge(o *delays) {
	if len(o.counts) > len(m.counts) {
		m.grow(len(o.counts))
	}
	for d, c := range o.counts {
		m.counts[d] += c
	}
	m.other = append(m.other, o.other...)
	m.n += o.n
}

// quantiles returns the quantiles qs (each in [0, 1]) of a non-empty
// multiset by the method golang.org/x/exp/stats.Quantiles uses (Hyndman
// and Fan's R-7, linear interpolation between the closest ranks), with the
// same arithmetic, so the results are the same to the bit.
func (m *delays) quantiles(qs ...float64) []float64 {
	slices.Sort(m.other)
	out := make([]float64, len(qs))
	for i, q := range qs {
		h := float64(m.n-1)*q + 1
		lo := m.kth(int(math.Floor(h - 1)))
		hi := m.kth(int(math.Ceil(h - 1)))
		out[i] = lo + (h-math.Floor(h))*(hi-lo)
	}
	return out
}

// kth returns the k'th smallest value (from 0); m.other must be sorted.
func (m *delays) kth(k int) float64 {
	neg, _ := slices.BinarySearch(m.other, 0)
	if k < neg {
		return float64(m.other[k])
	}
	k -= neg
	for d, c := range m.counts {
		if k < int(c) {
			return float64(d)
		}
		k -= int(c)
	}
	return float64(m.other[neg+k])
}
