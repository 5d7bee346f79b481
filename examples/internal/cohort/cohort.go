// Package cohort holds the one synthetic cohort every example program
// uses, so that a child's ID means the same child in each of them:
// practice.Synthetic with [Seed] and [Children] as of [AsOf], embedded as
// gzipped JSON Lines (no real personal data). A test keeps the embedded
// file equal to the generator's output (go test ./examples/internal/cohort
// -update rewrites it).
package cohort

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
)

// The parameters of the embedded cohort.
const (
	Seed     = 903
	Children = 300
)

// AsOf is the date the embedded cohort is drawn up to, and the examples'
// default assessment date.
var AsOf = care.MustDate(2026, 12, 1)

//go:embed cohort.jsonl.gz
var gz []byte

// JSONL returns the embedded cohort as JSON Lines, one case per line.
func JSONL() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// Cases decodes the embedded cohort.
func Cases() ([]practice.Case, error) {
	data, err := JSONL()
	if err != nil {
		return nil, err
	}
	cases, _, err := practice.DecodeCohort(bytes.NewReader(data))
	return cases, err
}

// Synthetic generates the cohort the embedded file holds, with the
// authority's supervision data that goes with it.
func Synthetic() practice.SyntheticCohort {
	return practice.Synthetic(practice.SyntheticOptions{Seed: Seed, Children: Children, AsOf: AsOf})
}
