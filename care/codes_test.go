package care_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

// codeValue is what every SSDA903 code type has in common.
type codeValue interface {
	~uint8
	String() string
	Description() string
	ValidIn(care.CollectionYear) bool
	IsKnown() bool
	MarshalText() ([]byte, error)
}

// codeList drives the shared tests for one code type through plain
// functions, so one loop covers every type. Values are passed as their
// numeric value n, converted to the type inside.
type codeList struct {
	name      string                                    // Go type name
	all       func() []string                           // String of each value from the Codes function
	parse     func(string) (string, error)              // Parse, then String
	str       func(n uint8) string                      // String of value n
	desc      func(n uint8) string                      // Description of value n
	validIn   func(n uint8, y care.CollectionYear) bool // ValidIn of value n
	known     func(n uint8) bool                        // IsKnown of value n
	marshal   func(n uint8) ([]byte, error)             // MarshalText of value n
	unmarshal func(b []byte) (uint8, error)             // UnmarshalText into a fresh value
	parseN    func(string) (uint8, error)               // Parse, as a number
	want      []string                                  // the codes the reference lists, in order
}

func makeList[T codeValue, PT interface {
	*T
	UnmarshalText([]byte) error
}](name string, all func() []T, parse func(string) (T, error), want ...string) codeList {
	return codeList{
		name: name,
		all: func() []string {
			var out []string
			for _, v := range all() {
				out = append(out, v.String())
			}
			return out
		},
		parse: func(s string) (string, error) {
			v, err := parse(s)
			return v.String(), err
		},
		str:     func(n uint8) string { return T(n).String() },
		desc:    func(n uint8) string { return T(n).Description() },
		validIn: func(n uint8, y care.CollectionYear) bool { return T(n).ValidIn(y) },
		known:   func(n uint8) bool { return T(n).IsKnown() },
		marshal: func(n uint8) ([]byte, error) { return T(n).MarshalText() },
		unmarshal: func(b []byte) (uint8, error) {
			var v T
			err := PT(&v).UnmarshalText(b)
			return uint8(v), err
		},
		parseN: func(s string) (uint8, error) {
			v, err := parse(s)
			return uint8(v), err
		},
		want: want,
	}
}

// codeLists lists every SSDA903 code type with the codes that
// reference/regulations.md §8 gives for it.
var codeLists = []codeList{
	makeList("LegalStatus", care.LegalStatuses, care.ParseLegalStatus,
		"C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"),
	makeList("PlacementType", care.PlacementTypes, care.ParsePlacementType,
		"A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
		"T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14"),
	makeList("PlacementProvider", care.PlacementProviders, care.ParsePlacementProvider,
		"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"),
	makeList("ReasonNewEpisode", care.NewEpisodeReasons, care.ParseReasonNewEpisode,
		"S", "L", "P", "T", "B", "U"),
	makeList("ReasonEpisodeCeased", care.CeasedReasons, care.ParseReasonEpisodeCeased,
		"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E43", "E44", "E45", "E46", "E47", "E48",
		"E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"),
	makeList("ReasonPlacementChange", care.PlacementChangeReasons, care.ParseReasonPlacementChange,
		"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"),
	makeList("CategoryOfNeed", care.CategoriesOfNeed, care.ParseCategoryOfNeed,
		"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"),
	makeList("MissingType", care.MissingTypes, care.ParseMissingType, "M", "A"),
	makeList("Participation", care.Participations, care.ParseParticipation,
		"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"),
	makeList("Ethnicity", care.Ethnicities, care.ParseEthnicity,
		"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
		"AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"),
	makeList("Sex", care.Sexes, care.ParseSex, "M", "F", "U"),
}

func TestCodeListsMatchReference(t *testing.T) {
	for _, l := range codeLists {
		t.Run(l.name, func(t *testing.T) {
			if diff := cmp.Diff(l.want, l.all()); diff != "" {
				t.Errorf("%s codes mismatch (-want +got):\n%s", l.name, diff)
			}
		})
	}
}

func TestCodeListsCoverEveryValue(t *testing.T) {
	// Every value from 1 up to the last code must be a code: no gaps in a
	// table, and no value beyond it that prints as a code.
	for _, l := range codeLists {
		t.Run(l.name, func(t *testing.T) {
			n := len(l.want)
			for v := 1; v <= 255; v++ {
				s := l.str(uint8(v))
				outside := fmt.Sprintf("%s(%d)", l.name, v)
				bad := s == outside
				if v <= n && bad {
					t.Errorf("%s(%d).String() = %q, want a code", l.name, v, s)
				}
				if v > n && !bad {
					t.Errorf("%s(%d).String() = %q, want %s", l.name, v, s, outside)
				}
			}
		})
	}
}

func TestParseCodeRoundTrip(t *testing.T) {
	for _, l := range codeLists {
		for _, code := range l.want {
			t.Run(l.name+"/"+code, func(t *testing.T) {
				n, err := l.parseN(code)
				if err != nil {
					t.Fatalf("Parse%s(%q) error: %v", l.name, code, err)
				}
				if got := l.str(n); got != code {
					t.Errorf("Parse%s(%q).String() = %q, want %q", l.name, code, got, code)
				}
				if got, err := l.parseN(l.str(n)); err != nil || got != n {
					t.Errorf("Parse%s(%q) = %d, %v, want %d, nil", l.name, l.str(n), got, err, n)
				}
				if l.desc(n) == "" {
					t.Errorf("%s %q has no Description", l.name, code)
				}
				if !l.known(n) {
					t.Errorf("%s %q IsKnown() = false, want true", l.name, code)
				}
				b, err := l.marshal(n)
				if err != nil || string(b) != code {
					t.Errorf("%s %q MarshalText() = %q, %v, want %q, nil", l.name, code, b, err, code)
				}
				got, err := l.unmarshal(b)
				if err != nil || got != n {
					t.Errorf("%s UnmarshalText(%q) = %d, %v, want %d, nil", l.name, b, got, err, n)
				}
			})
		}
	}
}

func TestParseCodeRejects(t *testing.T) {
	inputs := []struct {
		name  string
		input func(code string) string
	}{
		{"empty string", func(string) string { return "" }},
		{"leading space", func(c string) string { return " " + c }},
		{"trailing space", func(c string) string { return c + " " }},
		{"trailing newline", func(c string) string { return c + "\n" }},
		{"lower case", func(c string) string { return strings.ToLower(c) + "?" }},
		{"not a code", func(string) string { return "XX9" }},
		{"description instead of code", func(string) string { return "unknown" }},
		{"code doubled", func(c string) string { return c + c }},
	}
	for _, l := range codeLists {
		for _, in := range inputs {
			t.Run(l.name+"/"+in.name, func(t *testing.T) {
				s := in.input(l.want[0])
				got, err := l.parse(s)
				if err == nil {
					t.Fatalf("Parse%s(%q) = %q, nil; want error", l.name, s, got)
				}
				if !errors.Is(err, care.ErrUnknownCode) {
					t.Errorf("Parse%s(%q) error %v does not wrap ErrUnknownCode", l.name, s, err)
				}
				pe, ok := errors.AsType[*care.ParseError](err)
				if !ok {
					t.Fatalf("Parse%s(%q) error %T is not a *ParseError", l.name, s, err)
				}
				if pe.Input != s || pe.Type == "" {
					t.Errorf("Parse%s(%q) ParseError{Input: %q, Type: %q}, want the input and a type", l.name, s, pe.Input, pe.Type)
				}
				if got != "" {
					t.Errorf("Parse%s(%q) value prints %q, want the Unknown value", l.name, s, got)
				}
			})
		}
	}
}

func TestParseCodeLowerCaseRejected(t *testing.T) {
	// Codes are exact: a lower-case spelling of a real code is not accepted.
	for _, l := range codeLists {
		for _, code := range l.want {
			lower := strings.ToLower(code)
			if lower == code {
				continue // numeric-only codes have no lower case
			}
			if _, err := l.parse(lower); !errors.Is(err, care.ErrUnknownCode) {
				t.Errorf("Parse%s(%q) error = %v, want ErrUnknownCode", l.name, lower, err)
			}
		}
	}
}

func TestCodeUnknownValue(t *testing.T) {
	for _, l := range codeLists {
		t.Run(l.name, func(t *testing.T) {
			if got := l.str(0); got != "" {
				t.Errorf("%sUnknown.String() = %q, want \"\"", l.name, got)
			}
			if got := l.desc(0); got != "" {
				t.Errorf("%sUnknown.Description() = %q, want \"\"", l.name, got)
			}
			if l.validIn(0, 2025) {
				t.Errorf("%sUnknown.ValidIn(2025) = true, want false", l.name)
			}
			if l.known(0) {
				t.Errorf("%sUnknown.IsKnown() = true, want false", l.name)
			}
			b, err := l.marshal(0)
			if err != nil || len(b) != 0 {
				t.Errorf("%sUnknown.MarshalText() = %q, %v, want \"\", nil", l.name, b, err)
			}
			if got, err := l.unmarshal(nil); err != nil || got != 0 {
				t.Errorf("%s UnmarshalText(\"\") = %d, %v, want Unknown, nil", l.name, got, err)
			}
			if _, err := l.unmarshal([]byte("??")); !errors.Is(err, care.ErrUnknownCode) {
				t.Errorf("%s UnmarshalText(\"??\") error = %v, want ErrUnknownCode", l.name, err)
			}
		})
	}
}

func TestCodeOutOfRange(t *testing.T) {
	for _, l := range codeLists {
		for _, n := range []uint8{uint8(len(l.want) + 1), 200, 255} {
			t.Run(fmt.Sprintf("%s(%d)", l.name, n), func(t *testing.T) {
				want := fmt.Sprintf("%s(%d)", l.name, n) // never %!LegalStatus(200)
				if got := l.str(n); got != want {
					t.Errorf("%s(%d).String() = %q, want %q", l.name, n, got, want)
				}
				if got := l.desc(n); got != "" {
					t.Errorf("%s(%d).Description() = %q, want \"\"", l.name, n, got)
				}
				if l.validIn(n, 2025) {
					t.Errorf("%s(%d).ValidIn(2025) = true, want false", l.name, n)
				}
				if l.known(n) {
					t.Errorf("%s(%d).IsKnown() = true, want false", l.name, n)
				}
				if b, err := l.marshal(n); !errors.Is(err, care.ErrUnknownCode) {
					t.Errorf("%s(%d).MarshalText() = %q, %v, want ErrUnknownCode", l.name, n, b, err)
				}
			})
		}
	}
}

func TestCodesReturnsFreshSlice(t *testing.T) {
	a := care.PlacementTypes()
	a[0] = care.PlacementTypeZ14
	if b := care.PlacementTypes(); b[0] != care.PlacementTypeA3 {
		t.Errorf("PlacementTypes()[0] = %v after changing an earlier result, want A3", b[0])
	}
	l := care.LegalStatuses()
	l[0] = care.LegalStatusJ3
	if m := care.LegalStatuses(); m[0] != care.LegalStatusC1 {
		t.Errorf("LegalStatuses()[0] = %v after changing an earlier result, want C1", m[0])
	}
}

func TestCodeConstantsNamedAfterCodes(t *testing.T) {
	// Spot checks that the constants the rules use carry the right codes.
	tests := []struct {
		name string
		got  fmt.Stringer
		want string
	}{
		{"interim care order", care.LegalStatusC1, "C1"},
		{"full care order", care.LegalStatusC2, "C2"},
		{"section 20", care.LegalStatusV2, "V2"},
		{"youth rehabilitation order", care.LegalStatusJ3, "J3"},
		{"first adoptive placement", care.PlacementTypeA3, "A3"},
		{"supported accommodation", care.PlacementTypeK3, "K3"},
		{"first connected-person foster", care.PlacementTypeU1, "U1"},
		{"first of the Z1 successors", care.PlacementTypeZ11, "Z11"},
		{"last of the Z1 successors", care.PlacementTypeZ14, "Z14"},
		{"own provision", care.PlacementProviderPR1, "PR1"},
		{"started to be looked after", care.ReasonNewEpisodeS, "S"},
		{"change of placement and carer", care.ReasonNewEpisodeP, "P"},
		{"adopted unopposed", care.ReasonEpisodeCeasedE11, "E11"},
		{"returned home unplanned", care.ReasonEpisodeCeasedE4B, "E4B"},
		{"same-day continuation", care.ReasonEpisodeCeasedX1, "X1"},
		{"custody", care.ReasonPlacementChangeCUSTOD, "CUSTOD"},
		{"abuse or neglect", care.CategoryOfNeedN1, "N1"},
		{"absent parenting", care.CategoryOfNeedN8, "N8"},
		{"missing", care.MissingTypeMissing, "M"},
		{"away", care.MissingTypeAway, "A"},
		{"under four", care.ParticipationPN0, "PN0"},
		{"speaks for self", care.ParticipationPN1, "PN1"},
		{"White British", care.EthnicityWBRI, "WBRI"},
		{"not obtained", care.EthnicityNOBT, "NOBT"},
		{"male", care.SexMale, "M"},
		{"female", care.SexFemale, "F"},
		{"sex not known", care.SexNotKnown, "U"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPlacementTypeValidIn(t *testing.T) {
	tests := []struct {
		name string
		p    care.PlacementType
		year care.CollectionYear
		want bool
	}{
		{"H5 in its last year, 2024-25", care.PlacementTypeH5, 2024, true},
		{"H5 retired in 2025-26", care.PlacementTypeH5, 2025, false},
		{"P2 in its last year, 2024-25", care.PlacementTypeP2, 2024, true},
		{"P2 retired in 2025-26", care.PlacementTypeP2, 2025, false},
		{"Z1 in its last year, 2024-25", care.PlacementTypeZ1, 2024, true},
		{"Z1 retired in 2025-26", care.PlacementTypeZ1, 2025, false},
		{"Z1 in an old year", care.PlacementTypeZ1, 2010, true},
		{"K3 before it existed, 2023-24", care.PlacementTypeK3, 2023, false},
		{"K3 in its first year, 2024-25", care.PlacementTypeK3, 2024, true},
		{"K3 later", care.PlacementTypeK3, 2026, true},
		{"Z11 before it existed, 2024-25", care.PlacementTypeZ11, 2024, false},
		{"Z11 in its first year, 2025-26", care.PlacementTypeZ11, 2025, true},
		{"Z12 in its first year, 2025-26", care.PlacementTypeZ12, 2025, true},
		{"Z13 in 2026-27", care.PlacementTypeZ13, 2026, true},
		{"Z14 before it existed", care.PlacementTypeZ14, 2024, false},
		{"U4 in an old year", care.PlacementTypeU4, 2005, true},
		{"U4 in a future year", care.PlacementTypeU4, 2040, true},
		{"unset year", care.PlacementTypeU4, 0, false},
		{"negative year", care.PlacementTypeU4, -2025, false},
		{"Unknown", care.PlacementTypeUnknown, 2025, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.ValidIn(tc.year); got != tc.want {
				t.Errorf("%v.ValidIn(%d) = %v, want %v", tc.p, tc.year, got, tc.want)
			}
		})
	}
}

func TestOtherCodesValidIn(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"E43 up to 2021-22", care.ReasonEpisodeCeasedE43.ValidIn(2021), true},
		{"E43 not from 2022-23", care.ReasonEpisodeCeasedE43.ValidIn(2022), false},
		{"E44 not from 2022-23", care.ReasonEpisodeCeasedE44.ValidIn(2022), false},
		{"E45 in 2022-23", care.ReasonEpisodeCeasedE45.ValidIn(2022), true},
		{"X1 in 2025-26", care.ReasonEpisodeCeasedX1.ValidIn(2025), true},
		{"sex U not before 2024-25", care.SexNotKnown.ValidIn(2023), false},
		{"sex U from 2024-25", care.SexNotKnown.ValidIn(2024), true},
		{"male in 2023-24", care.SexMale.ValidIn(2023), true},
		{"female in 2025-26", care.SexFemale.ValidIn(2025), true},
		{"C2 in 2025-26", care.LegalStatusC2.ValidIn(2025), true},
		{"PR0 in 2025-26", care.PlacementProviderPR0.ValidIn(2025), true},
		{"S in 2025-26", care.ReasonNewEpisodeS.ValidIn(2025), true},
		{"CUSTOD in 2025-26", care.ReasonPlacementChangeCUSTOD.ValidIn(2025), true},
		{"N8 in 2025-26", care.CategoryOfNeedN8.ValidIn(2025), true},
		{"A in 2025-26", care.MissingTypeAway.ValidIn(2025), true},
		{"PN7 in 2025-26", care.ParticipationPN7.ValidIn(2025), true},
		{"NOBT in 2025-26", care.EthnicityNOBT.ValidIn(2025), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("ValidIn = %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestParseSexBothForms(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  care.Sex
	}{
		{"numeric male", "1", care.SexMale},
		{"numeric female", "2", care.SexFemale},
		{"letter male", "M", care.SexMale},
		{"letter female", "F", care.SexFemale},
		{"letter not known", "U", care.SexNotKnown},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := care.ParseSex(tc.input)
			if err != nil || got != tc.want {
				t.Errorf("ParseSex(%q) = %v, %v, want %v, nil", tc.input, got, err, tc.want)
			}
			var u care.Sex
			if err := u.UnmarshalText([]byte(tc.input)); err != nil || u != tc.want {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v, nil", tc.input, u, err, tc.want)
			}
		})
	}
	for _, bad := range []string{"0", "3", "9", "m", "male", "X", "12"} {
		t.Run("rejects "+bad, func(t *testing.T) {
			if _, err := care.ParseSex(bad); !errors.Is(err, care.ErrUnknownCode) {
				t.Errorf("ParseSex(%q) error = %v, want ErrUnknownCode", bad, err)
			}
		})
	}
}

func TestSexCode(t *testing.T) {
	tests := []struct {
		name string
		s    care.Sex
		year care.CollectionYear
		want string
	}{
		{"male in 2023-24, last numeric year", care.SexMale, 2023, "1"},
		{"female in 2023-24", care.SexFemale, 2023, "2"},
		{"male in 2024-25, first letter year", care.SexMale, 2024, "M"},
		{"female in 2025-26", care.SexFemale, 2025, "F"},
		{"not known in 2024-25", care.SexNotKnown, 2024, "U"},
		{"not known before 2024-25 has no numeric form", care.SexNotKnown, 2023, ""},
		{"male in an old year", care.SexMale, 2010, "1"},
		{"unset year gives the current form", care.SexMale, 0, "M"},
		{"Unknown", care.SexUnknown, 2023, ""},
		{"out of range", care.Sex(9), 2023, "Sex(9)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.s.Code(tc.year); got != tc.want {
				t.Errorf("%v.Code(%d) = %q, want %q", tc.s, tc.year, got, tc.want)
			}
		})
	}
}

// predicateCase checks a boolean method over every value of a code type:
// it must be true for exactly the listed codes.
type predicateCase struct {
	name  string
	check func(n uint8) bool
	l     codeList
	codes []string
}

func listNamed(name string) codeList {
	for _, l := range codeLists {
		if l.name == name {
			return l
		}
	}
	panic("no code list " + name)
}

func TestCodePredicates(t *testing.T) {
	ls := listNamed("LegalStatus")
	pt := listNamed("PlacementType")
	pv := listNamed("PlacementProvider")
	rc := listNamed("ReasonEpisodeCeased")
	pc := listNamed("ReasonPlacementChange")
	pn := listNamed("Participation")
	et := listNamed("Ethnicity")
	lsf := func(f func(care.LegalStatus) bool) func(uint8) bool {
		return func(n uint8) bool { return f(care.LegalStatus(n)) }
	}
	ptf := func(f func(care.PlacementType) bool) func(uint8) bool {
		return func(n uint8) bool { return f(care.PlacementType(n)) }
	}
	tests := []predicateCase{
		{"LegalStatus.IsCareOrder", lsf(care.LegalStatus.IsCareOrder), ls, []string{"C1", "C2"}},
		{"LegalStatus.IsInterimCareOrder", lsf(care.LegalStatus.IsInterimCareOrder), ls, []string{"C1"}},
		{"LegalStatus.IsFullCareOrder", lsf(care.LegalStatus.IsFullCareOrder), ls, []string{"C2"}},
		{"LegalStatus.IsSection20", lsf(care.LegalStatus.IsSection20), ls, []string{"V2"}},
		{"LegalStatus.IsShortBreak", lsf(care.LegalStatus.IsShortBreak), ls, []string{"V3", "V4"}},
		{"LegalStatus.IsAccommodated", lsf(care.LegalStatus.IsAccommodated), ls, []string{"V2", "V3", "V4"}},
		{"LegalStatus.IsPlacementOrder", lsf(care.LegalStatus.IsPlacementOrder), ls, []string{"E1"}},
		{"LegalStatus.IsFreeingOrder", lsf(care.LegalStatus.IsFreeingOrder), ls, []string{"D1"}},
		{"LegalStatus.IsEmergencyProtection", lsf(care.LegalStatus.IsEmergencyProtection), ls, []string{"L1", "L2", "L3"}},
		{"LegalStatus.IsRemandOrDetention", lsf(care.LegalStatus.IsRemandOrDetention), ls, []string{"J1", "J2"}},
		{"LegalStatus.IsYouthJustice", lsf(care.LegalStatus.IsYouthJustice), ls, []string{"J1", "J2", "J3"}},

		{"PlacementType.IsFoster", ptf(care.PlacementType.IsFoster), pt, []string{"U1", "U2", "U3", "U4", "U5", "U6"}},
		{"PlacementType.IsConnectedPerson", ptf(care.PlacementType.IsConnectedPerson), pt, []string{"U1", "U2", "U3"}},
		{"PlacementType.IsLongTermFoster", ptf(care.PlacementType.IsLongTermFoster), pt, []string{"U1", "U4"}},
		{"PlacementType.IsFosteringForAdoption", ptf(care.PlacementType.IsFosteringForAdoption), pt, []string{"U2", "U5"}},
		{"PlacementType.IsAdoptive", ptf(care.PlacementType.IsAdoptive), pt, []string{"A3", "A4", "A5", "A6"}},
		{"PlacementType.IsWithParents", ptf(care.PlacementType.IsWithParents), pt, []string{"P1"}},
		{"PlacementType.IsTemporary", ptf(care.PlacementType.IsTemporary), pt, []string{"T0", "T1", "T2", "T3", "T4"}},
		{"PlacementType.IsChildrensHome", ptf(care.PlacementType.IsChildrensHome), pt, []string{"K1", "K2"}},
		{"PlacementType.IsResidential", ptf(care.PlacementType.IsResidential), pt, []string{"K1", "K2", "R1", "R2", "R3", "R5", "S1"}},
		{"PlacementType.IsIndependentLiving", ptf(care.PlacementType.IsIndependentLiving), pt, []string{"H5", "K3", "P2"}},
		{"PlacementType.IsSecure", ptf(care.PlacementType.IsSecure), pt, []string{"K1", "R5"}},
		{"PlacementType.IsOther", ptf(care.PlacementType.IsOther), pt, []string{"Z1", "Z11", "Z12", "Z13", "Z14"}},

		{"PlacementProvider.IsLocalAuthority", func(n uint8) bool { return care.PlacementProvider(n).IsLocalAuthority() }, pv, []string{"PR1", "PR2"}},
		{"PlacementProvider.IsOwnProvision", func(n uint8) bool { return care.PlacementProvider(n).IsOwnProvision() }, pv, []string{"PR1"}},
		{"PlacementProvider.IsPrivate", func(n uint8) bool { return care.PlacementProvider(n).IsPrivate() }, pv, []string{"PR4"}},

		{"ReasonEpisodeCeased.IsAdoption", func(n uint8) bool { return care.ReasonEpisodeCeased(n).IsAdoption() }, rc, []string{"E11", "E12"}},
		{"ReasonEpisodeCeased.IsSpecialGuardianship", func(n uint8) bool { return care.ReasonEpisodeCeased(n).IsSpecialGuardianship() }, rc, []string{"E43", "E44", "E45", "E46", "E47", "E48"}},
		{"ReasonEpisodeCeased.IsChildArrangementsOrder", func(n uint8) bool { return care.ReasonEpisodeCeased(n).IsChildArrangementsOrder() }, rc, []string{"E41"}},
		{"ReasonEpisodeCeased.IsReturnHome", func(n uint8) bool { return care.ReasonEpisodeCeased(n).IsReturnHome() }, rc, []string{"E4A", "E4B"}},
		{"ReasonEpisodeCeased.IsContinuation", func(n uint8) bool { return care.ReasonEpisodeCeased(n).IsContinuation() }, rc, []string{"X1"}},

		{"ReasonPlacementChange.IsCarerRequest", func(n uint8) bool { return care.ReasonPlacementChange(n).IsCarerRequest() }, pc, []string{"CREQB", "CREQO"}},

		{"Participation.Attended", func(n uint8) bool { return care.Participation(n).Attended() }, pn, []string{"PN1", "PN2", "PN3", "PN4"}},
		{"Participation.ViewsConveyed", func(n uint8) bool { return care.Participation(n).ViewsConveyed() }, pn, []string{"PN1", "PN2", "PN3", "PN5", "PN6"}},
		{"Participation.IsUnderFour", func(n uint8) bool { return care.Participation(n).IsUnderFour() }, pn, []string{"PN0"}},

		{"Ethnicity.IsRecorded", func(n uint8) bool { return care.Ethnicity(n).IsRecorded() }, et, []string{
			"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN",
			"AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for v := 0; v <= 255; v++ { // Unknown and out-of-range values must be false too
				if tc.check(uint8(v)) {
					got = append(got, tc.l.str(uint8(v)))
				}
			}
			if diff := cmp.Diff(tc.codes, got); diff != "" {
				t.Errorf("%s true for (-want +got):\n%s", tc.name, diff)
			}
		})
	}
}

// codedRecord holds one field of every code type, as a record using them
// would, to check JSON encoding through struct fields.
type codedRecord struct {
	LegalStatus   care.LegalStatus           `json:"ls"`
	PlacementType care.PlacementType         `json:"place"`
	Provider      care.PlacementProvider     `json:"provider"`
	ReasonNew     care.ReasonNewEpisode      `json:"rne"`
	ReasonCeased  care.ReasonEpisodeCeased   `json:"rec"`
	ReasonChange  care.ReasonPlacementChange `json:"reason_change"`
	Need          care.CategoryOfNeed        `json:"cin"`
	Missing       care.MissingType           `json:"missing"`
	Review        care.Participation         `json:"review_code"`
	Ethnicity     care.Ethnicity             `json:"ethnic"`
	Sex           care.Sex                   `json:"sex"`
	Year          care.CollectionYear        `json:"year"`
	Optional      care.PlacementType         `json:"optional,omitzero"`
}

func TestCodesJSON(t *testing.T) {
	full := codedRecord{
		LegalStatus:   care.LegalStatusC2,
		PlacementType: care.PlacementTypeZ11,
		Provider:      care.PlacementProviderPR4,
		ReasonNew:     care.ReasonNewEpisodeP,
		ReasonCeased:  care.ReasonEpisodeCeasedE4A,
		ReasonChange:  care.ReasonPlacementChangeCUSTOD,
		Need:          care.CategoryOfNeedN1,
		Missing:       care.MissingTypeAway,
		Review:        care.ParticipationPN5,
		Ethnicity:     care.EthnicityMWBA,
		Sex:           care.SexFemale,
		Year:          2025,
	}
	tests := []struct {
		name string
		rec  codedRecord
		want string
	}{
		{
			name: "every field set",
			rec:  full,
			want: `{"ls":"C2","place":"Z11","provider":"PR4","rne":"P","rec":"E4A","reason_change":"CUSTOD",` +
				`"cin":"N1","missing":"A","review_code":"PN5","ethnic":"MWBA","sex":"F","year":"2025-26"}`,
		},
		{
			name: "zero record: Unknown codes encode as empty strings",
			rec:  codedRecord{},
			want: `{"ls":"","place":"","provider":"","rne":"","rec":"","reason_change":"",` +
				`"cin":"","missing":"","review_code":"","ethnic":"","sex":"","year":""}`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.rec)
			if err != nil {
				t.Fatalf("json.Marshal error: %v", err)
			}
			if diff := cmp.Diff(tc.want, string(b)); diff != "" {
				t.Errorf("json.Marshal mismatch (-want +got):\n%s", diff)
			}
			var back codedRecord
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatalf("json.Unmarshal(%s) error: %v", b, err)
			}
			if diff := cmp.Diff(tc.rec, back); diff != "" {
				t.Errorf("JSON round trip mismatch (-want +got):\n%s", diff)
			}
		})
	}

	t.Run("numeric sex from an older return", func(t *testing.T) {
		var r codedRecord
		if err := json.Unmarshal([]byte(`{"sex":"1"}`), &r); err != nil || r.Sex != care.SexMale {
			t.Errorf(`json.Unmarshal({"sex":"1"}) = %v, %v, want M, nil`, r.Sex, err)
		}
	})
	t.Run("unknown code is an error", func(t *testing.T) {
		var r codedRecord
		err := json.Unmarshal([]byte(`{"place":"Z15"}`), &r)
		if !errors.Is(err, care.ErrUnknownCode) {
			t.Errorf(`json.Unmarshal({"place":"Z15"}) error = %v, want ErrUnknownCode`, err)
		}
	})
	t.Run("out-of-range value fails to marshal", func(t *testing.T) {
		_, err := json.Marshal(codedRecord{LegalStatus: care.LegalStatus(99)})
		if !errors.Is(err, care.ErrUnknownCode) {
			t.Errorf("json.Marshal(LegalStatus(99)) error = %v, want ErrUnknownCode", err)
		}
	})
}

func TestCollectionYearOf(t *testing.T) {
	tests := []struct {
		name string
		d    care.Date
		want care.CollectionYear
	}{
		{"31 March is the last day of the year", care.MustDate(2026, time.March, 31), 2025},
		{"1 April starts the next year", care.MustDate(2026, time.April, 1), 2026},
		{"1 April 2025 starts 2025-26", care.MustDate(2025, time.April, 1), 2025},
		{"31 March 2025 is in 2024-25", care.MustDate(2025, time.March, 31), 2024},
		{"New Year's Day is in the year that began the April before", care.MustDate(2026, time.January, 1), 2025},
		{"29 February in a leap year", care.MustDate(2024, time.February, 29), 2023},
		{"31 December", care.MustDate(2025, time.December, 31), 2025},
		{"zero date", care.Date{}, 0},
		{"before the first supported year", care.MustDate(1, time.March, 31), 0},
		{"first supported year", care.MustDate(1, time.April, 1), 1},
		{"after the last supported year", care.MustDate(9999, time.April, 1), 0},
		{"last supported year", care.MustDate(9999, time.March, 31), 9998},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := care.CollectionYearOf(tc.d); got != tc.want {
				t.Errorf("CollectionYearOf(%v) = %d, want %d", tc.d, got, tc.want)
			}
		})
	}
}

func TestCollectionYearPeriod(t *testing.T) {
	tests := []struct {
		name string
		y    care.CollectionYear
		want care.Period
	}{
		{"2025-26", 2025, care.Period{Start: care.MustDate(2025, time.April, 1), End: care.MustDate(2026, time.April, 1)}},
		{"across a century", 1999, care.Period{Start: care.MustDate(1999, time.April, 1), End: care.MustDate(2000, time.April, 1)}},
		{"zero year", 0, care.Period{}},
		{"negative year", -1, care.Period{}},
		{"beyond the last supported year", 9999, care.Period{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.y.Period(), cmp.Comparer(func(a, b care.Date) bool { return a == b })); diff != "" {
				t.Errorf("CollectionYear(%d).Period() mismatch (-want +got):\n%s", tc.y, diff)
			}
		})
	}

	// Every day of a year's period maps back to that year, and the days on
	// either side do not.
	y := care.CollectionYear(2023) // includes 29 February 2024
	p := y.Period()
	if got := p.Days(); got != 366 {
		t.Errorf("CollectionYear(2023).Period().Days() = %d, want 366", got)
	}
	for d := p.Start; d.Before(p.End); d = d.AddDays(1) {
		if got := care.CollectionYearOf(d); got != y {
			t.Fatalf("CollectionYearOf(%v) = %d, want %d", d, got, y)
		}
	}
	if got := care.CollectionYearOf(p.Start.AddDays(-1)); got != y-1 {
		t.Errorf("CollectionYearOf(day before start) = %d, want %d", got, y-1)
	}
	if got := care.CollectionYearOf(p.End); got != y+1 {
		t.Errorf("CollectionYearOf(end) = %d, want %d", got, y+1)
	}
}

func TestCollectionYearString(t *testing.T) {
	tests := []struct {
		name string
		y    care.CollectionYear
		want string
	}{
		{"current year", 2025, "2025-26"},
		{"across a century", 1999, "1999-00"},
		{"early year keeps four digits", 5, "0005-06"},
		{"zero year prints empty", 0, ""},
		{"negative year", -3, "CollectionYear(-3)"},
		{"beyond the last supported year", 9999, "CollectionYear(9999)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.y.String(); got != tc.want {
				t.Errorf("CollectionYear(%d).String() = %q, want %q", tc.y, got, tc.want)
			}
		})
	}
}

func TestParseCollectionYear(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		want    care.CollectionYear
		wantErr bool
	}{
		{"current year", "2025-26", 2025, false},
		{"across a century", "1999-00", 1999, false},
		{"ending year does not follow", "2025-27", 0, true},
		{"four-digit ending", "2025-2026", 0, true},
		{"slash", "2025/26", 0, true},
		{"en dash", "2025–26", 0, true},
		{"bare year", "2025", 0, true},
		{"empty", "", 0, true},
		{"surrounding space", " 2025-26", 0, true},
		{"year zero", "0000-01", 0, true},
		{"sign", "+025-26", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := care.ParseCollectionYear(tc.input)
			if tc.wantErr {
				if !errors.Is(err, care.ErrUnknownCode) {
					t.Errorf("ParseCollectionYear(%q) = %d, %v, want ErrUnknownCode", tc.input, got, err)
				}
				if _, ok := errors.AsType[*care.ParseError](err); !ok {
					t.Errorf("ParseCollectionYear(%q) error %T, want *ParseError", tc.input, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ParseCollectionYear(%q) = %d, %v, want %d, nil", tc.input, got, err, tc.want)
			}
			if s := got.String(); s != tc.input {
				t.Errorf("ParseCollectionYear(%q).String() = %q, want the input", tc.input, s)
			}
		})
	}
}

func TestCollectionYearText(t *testing.T) {
	var y care.CollectionYear
	if err := y.UnmarshalText([]byte("2026-27")); err != nil || y != 2026 {
		t.Errorf("UnmarshalText(2026-27) = %d, %v, want 2026, nil", y, err)
	}
	if err := y.UnmarshalText(nil); err != nil || y != 0 {
		t.Errorf("UnmarshalText(\"\") = %d, %v, want 0, nil", y, err)
	}
	if err := y.UnmarshalText([]byte("2026")); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("UnmarshalText(2026) error = %v, want ErrUnknownCode", err)
	}
	if _, err := care.CollectionYear(-1).MarshalText(); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("CollectionYear(-1).MarshalText() error = %v, want ErrUnknownCode", err)
	}
}
