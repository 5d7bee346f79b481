// Package arena holds the memory helpers the assessing packages share:
// moving findings' evidence out of scratch memory into one array of exactly
// the right size, and tables of record paths built once.
package arena

import "github.com/lookedafter/practice/care"

// Settle moves the evidence of the findings fs, gathered in scratch
// memory, into one new array sized exactly, each finding's slice with its
// capacity capped so that appending to one cannot overwrite another's. An
// empty, non-nil evidence slice stays empty and non-nil, but no longer
// points into the scratch.
func Settle(fs care.Report) {
	n := 0
	for i := range fs {
		n += len(fs[i].Evidence)
	}
	if n == 0 {
		for i := range fs {
			if fs[i].Evidence != nil {
				fs[i].Evidence = []care.Evidence{}
			}
		}
		return
	}
	all := make([]care.Evidence, n)
	off := 0
	for i := range fs {
		f := &fs[i]
		if len(f.Evidence) == 0 {
			if f.Evidence != nil {
				f.Evidence = []care.Evidence{} // not into the scratch
			}
			continue
		}
		k := copy(all[off:], f.Evidence)
		f.Evidence = all[off : off+k : off+k]
		off += k
	}
}

// Paths holds the record paths "prefix[i]" of the first elements of a
// list, built once so that evidence can name them without allocating. A
// Paths is read-only once built and safe for concurrent use.
type Paths struct {
	prefix string
	at     []string
}

// NewPaths builds the paths of the first n elements of the list prefix.
func NewPaths(prefix string, n int) *Paths {
	p := &Paths{prefix: prefix, at: make([]string, n)}
	for i := range p.at {
		p.at[i] = care.Index(prefix, i)
	}
	return p
}

// At returns the path of element i ("iro[0]"), built anew beyond the
// table.
func (p *Paths) At(i int) string {
	if i >= 0 && i < len(p.at) {
		return p.at[i]
	}
	return care.Index(p.prefix, i)
}
