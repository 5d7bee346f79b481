package cohort

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"testing"

	"github.com/lookedafter/practice"
)

var update = flag.Bool("update", false, "rewrite the embedded cohort")

// TestEmbedded checks that the embedded cohort is exactly what the
// generator makes, so that it cannot drift from the code; -update rewrites
// it.
func TestEmbedded(t *testing.T) {
	var jsonl bytes.Buffer
	if err := practice.EncodeCohort(&jsonl, Synthetic().Cases); err != nil {
		t.Fatal(err)
	}
	if *update {
		var out bytes.Buffer
		zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := zw.Write(jsonl.Bytes()); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("cohort.jsonl.gz", out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := JSONL()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, jsonl.Bytes()) {
		t.Errorf("the embedded cohort differs from practice.Synthetic(seed %d, %d children); run go test ./examples/internal/cohort -update", Seed, Children)
	}
	cases, err := Cases()
	if err != nil || len(cases) != Children {
		t.Errorf("Cases() = %d cases, %v; want %d", len(cases), err, Children)
	}
}
