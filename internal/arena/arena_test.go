package arena

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
)

func TestSettle(t *testing.T) {
	scratch := []care.Evidence{{Label: "a"}, {Label: "b"}, {Label: "c"}}
	fs := care.Report{
		{Rule: "R-1", Evidence: scratch[0:2]},
		{Rule: "R-2"},
		{Rule: "R-3", Evidence: scratch[2:2]},
		{Rule: "R-4", Evidence: scratch[2:3]},
	}
	want := care.Report{
		{Rule: "R-1", Evidence: []care.Evidence{{Label: "a"}, {Label: "b"}}},
		{Rule: "R-2"},
		{Rule: "R-3", Evidence: []care.Evidence{}},
		{Rule: "R-4", Evidence: []care.Evidence{{Label: "c"}}},
	}
	Settle(fs)
	if diff := cmp.Diff(want, fs); diff != "" {
		t.Fatalf("Settle (-want +got):\n%s", diff)
	}
	scratch[0].Label, scratch[2].Label = "overwritten", "overwritten"
	if fs[0].Evidence[0].Label != "a" || fs[3].Evidence[0].Label != "c" {
		t.Error("settled evidence still shares the scratch memory")
	}
	if cap(fs[0].Evidence) != 2 {
		t.Errorf("cap(fs[0].Evidence) = %d, want 2: appending would overwrite the next finding's evidence", cap(fs[0].Evidence))
	}
	if fs[2].Evidence == nil || cap(fs[2].Evidence) != 0 {
		t.Errorf("empty evidence = %#v, want empty, non-nil and apart from the scratch", fs[2].Evidence)
	}
}

func TestPaths(t *testing.T) {
	p := NewPaths("iro", 2)
	for _, tc := range []struct {
		i    int
		want string
	}{{0, "iro[0]"}, {1, "iro[1]"}, {2, "iro[2]"}, {17, "iro[17]"}} {
		if got := p.At(tc.i); got != tc.want {
			t.Errorf("At(%d) = %q, want %q", tc.i, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { _ = p.At(1) }); n != 0 {
		t.Errorf("At within the table allocates %v times", n)
	}
}
