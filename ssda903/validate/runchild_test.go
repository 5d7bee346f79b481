package validate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// For 50 children of the shared synthetic return, spread over its Header
// table (flagged or not), validating the child's rows alone gives the
// flags validating the whole return gives that child, this year's and
// the previous year's rows alike, and the same rules skipped and crashed.
func TestRunChildSharedReturn(t *testing.T) {
	this, last := sharedReturn(t)
	ctx := context.Background()
	for _, y := range []care.CollectionYear{2025, 2026} {
		opts := validate.Options{Metadata: validate.Metadata{Year: y}, Last: last}
		whole, err := validate.Run(ctx, this, opts)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]validate.ChildFlag{}
		for _, cr := range whole.ByChild() {
			want[cr.Child] = cr.Flags
		}
		header := this.Table(ssda903.TableHeader)
		flagged := 0
		for k := range 50 {
			child, _ := header.Cell(k*header.Len()/50, "CHILD")
			res, err := validate.RunChild(ctx, this, child, opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []validate.ChildFlag
			for _, cr := range res.ByChild() {
				if cr.Child != child {
					t.Errorf("%s: RunChild(%s) flagged child %s", y, child, cr.Child)
					continue
				}
				got = cr.Flags
			}
			if !slices.Equal(got, want[child]) {
				t.Errorf("%s: RunChild(%s) = %v, want %v", y, child, got, want[child])
			}
			if len(got) > 0 {
				flagged++
			}
			if len(res.Rules) != len(whole.Rules) || len(res.Skipped) != len(whole.Skipped) || len(res.Crashed) != len(whole.Crashed) {
				t.Errorf("%s: RunChild(%s) ran %d, skipped %d, crashed %d rules; Run %d, %d, %d", y, child,
					len(res.Rules), len(res.Skipped), len(res.Crashed), len(whole.Rules), len(whole.Skipped), len(whole.Crashed))
			}
		}
		// The shared return codes sex 1/2, which rule 101 flags for every
		// child from 2024–25: all 50 are flagged.
		if flagged < 10 {
			t.Errorf("%s: %d of the 50 children flagged: want most of them", y, flagged)
		}
	}
}
