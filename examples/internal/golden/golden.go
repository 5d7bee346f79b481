// Package golden compares an example program's output with its golden file,
// for the programs' tests. With update set it rewrites the file first.
package golden

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check fails t if got differs from the contents of the file at path,
// showing the difference (-want +got). If update is true it first writes
// got to path, so that go test -update refreshes the golden files.
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s: output mismatch (-want +got):\n%s", path, diff)
	}
}
