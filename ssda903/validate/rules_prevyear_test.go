package validate_test

import (
	"context"
	"testing"

	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// TestPrevYearSkippedWithoutLastYear: in every year, a prev-year rule that
// compares with last year's return is skipped, with the reason, when it is
// not loaded or lacks the table; the family's rules that only read last
// year's return when it is there (165, 199, 392b, 625, 1000, 1011) run.
func TestPrevYearSkippedWithoutLastYear(t *testing.T) {
	for _, y := range validate.RuleSetYears() {
		all, noMissing := map[string]string{}, map[string]string{}
		for _, tb := range ssda903.Tables() {
			all[tb.String()] = "CHILD\n"
			if tb != ssda903.TableMissing {
				noMissing[tb.String()] = "CHILD\n"
			}
		}
		this := returnP(t, y, all)
		for _, last := range []*ssda903.Return{nil, returnP(t, y-1, noMissing)} {
			res, err := validate.Run(context.Background(), this, validate.Options{Metadata: validate.Metadata{Year: y}, Last: last})
			if err != nil {
				t.Fatal(err)
			}
			skipped := map[*validate.Rule]string{}
			for _, s := range res.Skipped {
				skipped[s.Rule] = s.Reason
			}
			for _, r := range validate.RuleSet(y) {
				if r.Family != validate.FamilyPrevYear {
					continue
				}
				why, ok := skipped[r]
				want := ""
				switch {
				case len(r.Last) == 0:
				case last == nil:
					want = "no previous year's return was given"
				case r.Last[0] == ssda903.TableMissing:
					want = "the previous year's return has no Missing table"
				}
				if why != want || ok != (want != "") {
					t.Errorf("%s %s (last loaded %v): skipped %q, want %q", y, r.Code, last != nil, why, want)
				}
			}
		}
	}
}

// TestRule202SexCodesAcrossYears: 2024-25 writes sex as M and F where
// 2023-24 wrote 1 and 2: the same sex in the codes of different years is
// not a change.
func TestRule202SexCodesAcrossYears(t *testing.T) {
	got := flagsP(t, 2024, "202",
		map[string]string{"Header": "CHILD,SEX\nA,M\nB,F\nC,F\nD,\n"},
		map[string]string{"Header": "CHILD,SEX\nA,1\nB,2\nC,1\nD,2\n"})
	wantP(t, "202", got, "Header C", "Header D")
}

// TestRule208UnknownUPNs: from no UPN to anything, from UN1 to UN2–UN5 and
// from an unknown to a UPN are not changes; the reverse are.
func TestRule208UnknownUPNs(t *testing.T) {
	got := flagsP(t, 2025, "208",
		map[string]string{"Header": "CHILD,UPN\nA,UN1\nB,UN3\nC,A123456789012\nD,UN1\nE,UN3\nF,\nG,a123456789012\n"},
		map[string]string{"Header": "CHILD,UPN\nA,\nB,UN1\nC,UN2\nD,UN3\nE,UN2\nF,A123456789012\nG,A123456789012\n"})
	wantP(t, "208", got, "Header D", "Header E", "Header F")
}

// TestRule503DPlacementCodesByYear: H5 may become K3 in 2024-25 only, Z1
// Z13 or Z14 from 2025-26; otherwise the open episode's placement type
// carries over.
func TestRule503DPlacementCodesByYear(t *testing.T) {
	last := map[string]string{"Episodes": "CHILD,DECOM,DEC,PLACE\nA,01/06/2020,,H5\nB,01/06/2020,,Z1\nC,01/06/2020,,U1\n"}
	this := map[string]string{"Episodes": "CHILD,DECOM,DEC,PLACE\nA,01/06/2020,,K3\nB,01/06/2020,,Z13\nC,01/06/2020,,u1\n"}
	wantP(t, "503D 2023-24", flagsP(t, 2023, "503D", this, last), "Episodes A", "Episodes B")
	wantP(t, "503D 2024-25", flagsP(t, 2024, "503D", this, last), "Episodes B")
	wantP(t, "503D 2025-26", flagsP(t, 2025, "503D", this, last), "Episodes A")
	wantP(t, "503D 2026-27", flagsP(t, 2026, "503D", this, last), "Episodes A")
}

// TestRule625EndOfYear: with the default metadata the year ends on 31
// March: a first child born that day is within it, one born on 1 April is
// not; a child born after the mother ceased to be looked after is flagged
// with her final episode.
func TestRule625EndOfYear(t *testing.T) {
	got := flagsP(t, 2025, "625", map[string]string{
		"Header":   "CHILD,MOTHER,MC_DOB\nA,1,31/03/2026\nB,1,01/04/2026\nC,1,02/02/2026\n",
		"Episodes": "CHILD,DECOM,DEC\nA,01/06/2024,\nB,01/06/2024,\nC,01/06/2024,01/02/2026\n",
	}, nil)
	wantP(t, "625", got, "Header B", "Header C", "Episodes C")
}

// TestOpenPeriodsAtEndOfLastYear (576, 706): a period open at the end of
// last year is the child's first this year; a child with none this year is
// flagged on last year's row.
func TestOpenPeriodsAtEndOfLastYear(t *testing.T) {
	got := flagsP(t, 2025, "576",
		map[string]string{"Missing": "CHILD,MIS_START,MIS_END\nA,01/03/2025,05/04/2025\nA,10/05/2025,\nC,02/03/2025,\n"},
		map[string]string{"Missing": "CHILD,MIS_START,MIS_END\nA,01/03/2025,\nB,01/03/2025,\nC,01/03/2025,\nD,01/02/2025,02/02/2025\n"})
	wantP(t, "576", got, "Missing B last", "Missing C")
	got = flagsP(t, 2026, "706",
		map[string]string{"DoLo": "CHILD,DOLO_START,DOLO_END\nA,01/03/2026,\nB,02/03/2026,\n"},
		map[string]string{"DoLo": "CHILD,DOLO_START,DOLO_END\nA,01/03/2026,\nB,01/03/2026,\n"})
	wantP(t, "706", got, "DoLo B")
}

// TestRule199AdoptedLastYear: an episode starting on or after the day the
// child was adopted (last year's or this year's E11/E12) is flagged; the
// adoption episode itself is not.
func TestRule199AdoptedLastYear(t *testing.T) {
	got := flagsP(t, 2025, "199",
		map[string]string{"Episodes": "CHILD,DECOM,DEC,REC\nA,05/05/2025,,\nB,01/01/2025,10/04/2025,E11\nB,10/04/2025,,\nC,01/01/2025,10/04/2025,E12\n"},
		map[string]string{"Episodes": "CHILD,DECOM,DEC,REC\nA,01/01/2024,05/05/2024,E12\n"})
	wantP(t, "199", got, "Episodes A", "Episodes B")
}
