package validate_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/reference"
)

// caseProviders returns the case's provider_info metadata (a table of
// the open validator's provider look-up) as the Ofsted provider lists,
// or nil when the case has none. Its columns are those of the open
// validator's look-up: URN, PLACE_CODES and PROVIDER_CODES (codes
// separated by commas), REG_END (the day the registration ended),
// POSTCODE, and LA_CODE_INFERRED (the provider's authority). A URN is
// text: a number cell is its whole number written out.
func caseProviders(t *testing.T, c dfeCase) *reference.Providers {
	t.Helper()
	raw, ok := c.Metadata["provider_info"]
	if !ok {
		return nil
	}
	var wrap struct {
		Table dfeTable `json:"$table"`
	}
	if err := json.Unmarshal(raw, &wrap); err != nil {
		t.Fatalf("provider_info: %v", err)
	}
	var ps []reference.Provider
	for _, row := range wrap.Table.Rows {
		var p reference.Provider
		for k, col := range wrap.Table.Columns {
			v := strings.TrimSpace(caseCell(t, row[k]))
			switch col {
			case "URN":
				p.URN = v
			case "PLACE_CODES":
				p.PlacementCodes = splitCaseCodes(v)
			case "PROVIDER_CODES":
				p.ProviderCodes = splitCaseCodes(v)
			case "REG_END":
				if v != "" {
					d, err := care.ParseDate(isoOf(t, v))
					if err != nil {
						t.Fatalf("provider_info REG_END: %v", err)
					}
					p.Closed = d
				}
			case "POSTCODE":
				if v != "" {
					p.Postcode = reference.NormalizePostcode(v)
				}
			case "LA_CODE_INFERRED":
				p.LocalAuthority = v
			default:
				t.Fatalf("provider_info: unknown column %q", col)
			}
		}
		ps = append(ps, p)
	}
	return reference.NewProviders(ps...)
}

func splitCaseCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.ToUpper(s), ",")
}

// isoOf turns caseCell's dd/mm/yyyy into yyyy-mm-dd.
func isoOf(t *testing.T, s string) string {
	t.Helper()
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		t.Fatalf("not a dd/mm/yyyy date: %q", s)
	}
	return parts[2] + "-" + parts[1] + "-" + parts[0]
}
