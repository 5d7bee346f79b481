package reference

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEmbeddedAuthoritiesRead holds the embedded list to reading without
// error, which EmbeddedAuthorities relies on.
func TestEmbeddedAuthoritiesRead(t *testing.T) {
	as, err := ReadAuthorities(strings.NewReader(authoritiesCSV), "authorities.csv")
	if err != nil || as.Len() != 161 {
		t.Fatalf("%v (%d rows)", err, as.Len())
	}
}

// TestGridDistanceMatchesFloat holds the exact integer rounding to the
// floating-point formula the open validator uses, away from halves (which
// cannot occur), over random points on the grid.
func TestGridDistanceMatchesFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		e1, n1 := int32(r.IntN(700001)), int32(r.IntN(1300001))
		e2, n2 := int32(r.IntN(700001)), int32(r.IntN(1300001))
		if i%2 == 0 { // near neighbours too
			e2, n2 = e1+int32(r.IntN(20001))-10000, n1+int32(r.IntN(20001))-10000
		}
		got, ok := gridDistance(e1, n1, e2, n2)
		de, dn := float64(e1-e2), float64(n1-n2)
		f := math.Sqrt(de*de+dn*dn) / 1000 / 1.6093 * 10
		if !ok || float64(got) != math.Round(f) {
			t.Fatalf("(%d,%d)-(%d,%d): got %d, float %.6f", e1, n1, e2, n2, got, f)
		}
	}
	if _, ok := gridDistance(0, 0, maxGridMetres+1, 0); ok {
		t.Error("off the grid")
	}
	if d, _ := gridDistance(-maxGridMetres, -maxGridMetres, maxGridMetres, maxGridMetres); d <= 0 {
		t.Errorf("largest distance overflowed: %d", d)
	}
}

func TestParseMicro(t *testing.T) {
	for in, want := range map[string]int32{"51.5": 51_500_000, "-0.1400005": -140_001, "0": 0, "+1.0000004": 1_000_000, "99.999999": 99_999_999} {
		if got, ok := parseMicro(in, 100); !ok || got != want {
			t.Errorf("parseMicro(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", ".", "1.2.3", "1e5", "1000", "-", "12a"} {
		if _, ok := parseMicro(in, 180); ok {
			t.Errorf("parseMicro(%q) ok", in)
		}
	}
}
