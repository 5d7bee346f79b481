package practice

import (
	"errors"
	"regexp"
	"sort"
	"testing"

	"github.com/lookedafter/practice/care"
)

// TestSyntheticValid checks that every generated case passes validation,
// so that the synthetic cohort exercises the rules rather than the
// validators.
func TestSyntheticValid(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 1, Children: 600})
	counts := map[string]int{}
	example := map[string]string{}
	digits := regexp.MustCompile(`\[\d+\]`)
	for _, c := range coh.Cases {
		err := c.Validate()
		var ve care.ValidationErrors
		if errors.As(err, &ve) {
			for _, e := range ve {
				k := digits.ReplaceAllString(e.Path, "[]")
				counts[k]++
				if _, ok := example[k]; !ok {
					example[k] = c.Care.Child.ID + ": " + e.Error()
				}
			}
		} else if err != nil {
			t.Errorf("%s: %v", c.Care.Child.ID, err)
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%d invalid at %s, e.g. %s", counts[k], k, example[k])
	}
	if err := coh.Supervision.Validate(); err != nil {
		t.Errorf("supervision dataset: %v", err)
	}
}
