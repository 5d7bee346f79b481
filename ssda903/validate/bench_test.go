package validate_test

import (
	"context"
	"testing"

	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// BenchmarkRun2025 runs the 2025–26 rule set (the rules implemented so
// far) over the shared synthetic return, read once. Engineer (c) owns the
// full benchmarks; this one tracks the engine's cost as rules are added.
func BenchmarkRun2025(b *testing.B) {
	ret, _ := ssda903.ReadDir(sharedDir, 2025)
	last, _ := ssda903.ReadDir(sharedDir, 2024)
	opts := validate.Options{Metadata: validate.Metadata{Year: 2025}, Last: last}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := validate.Run(context.Background(), ret, opts); err != nil {
			b.Fatal(err)
		}
	}
}
