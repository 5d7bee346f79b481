package care

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIdentity(t *testing.T) {
	eps := []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "2024-06-01", ReasonEpisodeCeasedE4A)}
	full := Child{ID: "C0004", DateOfBirth: isoDate("2014-06-10"), Ethnicity: EthnicityMWBC, Religion: "none",
		FirstLanguage: "English", IdentityNeeds: "contact with paternal family; hair and skin care"}
	tests := []struct {
		name    string
		child   Child
		asOf    string
		want    []string
		message string
	}{
		{"all recorded", full, "2024-03-01", []string{"ID-01 met"}, ""},
		{"ethnicity not yet obtained counts as not recorded", func() Child { c := full; c.Ethnicity = EthnicityNOBT; return c }(),
			"2024-03-01", []string{"ID-01 breach"}, "ethnicity not recorded"},
		{"nothing recorded", Child{ID: "C0005", DateOfBirth: isoDate("2014-06-10")}, "2024-03-01", []string{"ID-01 breach"},
			"ethnicity not recorded; religion not recorded; first language not recorded; how identity needs are met not recorded"},
		{"not judged once the child has left care", Child{ID: "C0005", DateOfBirth: isoDate("2014-06-10")}, "2024-07-01", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := plAssess(t, Record{Child: tc.child, Episodes: eps}, Context{}, tc.asOf, Policy{})
			got := rep.ForRule("ID-01")
			if diff := cmp.Diff(tc.want, plSummary(got)); diff != "" {
				t.Errorf("Assess() mismatch (-want +got):\n%s", diff)
			}
			if len(got) == 1 && !strings.HasSuffix(got[0].Message(), tc.message) {
				t.Errorf("ID-01 message = %q, want it to end %q", got[0].Message(), tc.message)
			}
		})
	}
}
