package care_test

import (
	"errors"
	"testing"

	"github.com/lookedafter/practice/care"
)

// seedCodes adds every known code, and a few near misses, to the corpus.
func seedCodes(f *testing.F, codes []string) {
	for _, c := range codes {
		f.Add(c)
		f.Add(c + " ")
		f.Add(c[:len(c)-1])
	}
	for _, s := range []string{"", " ", "\x00", "Z", "Z111", "pn1", "%!LegalStatus(200)", "2025-26", "1", "2"} {
		f.Add(s)
	}
}

// checkParsed checks the contract of a code parser on one input: a
// successful parse round-trips through String, and a failure is a
// *ParseError wrapping ErrUnknownCode.
func checkParsed(t *testing.T, name, s, got string, again func(string) (string, error), err error) {
	t.Helper()
	if err != nil {
		if !errors.Is(err, care.ErrUnknownCode) {
			t.Errorf("Parse%s(%q) error %v does not wrap ErrUnknownCode", name, s, err)
		}
		if pe, ok := errors.AsType[*care.ParseError](err); !ok || pe.Input != s {
			t.Errorf("Parse%s(%q) error %#v, want *ParseError with the input", name, s, err)
		}
		return
	}
	if got == "" {
		t.Errorf("Parse%s(%q) succeeded with the Unknown value", name, s)
	}
	if got != s && name != "Sex" { // only Sex has a second (numeric) form
		t.Errorf("Parse%s(%q).String() = %q, want the input", name, s, got)
	}
	if back, err := again(got); err != nil || back != got {
		t.Errorf("Parse%s(%q) = %q, %v, want %q, nil", name, got, back, err, got)
	}
}

func FuzzParseLegalStatus(f *testing.F) {
	seedCodes(f, listNamed("LegalStatus").want)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := care.ParseLegalStatus(s)
		_ = v.Description()
		_ = v.ValidIn(2025)
		checkParsed(t, "LegalStatus", s, v.String(), listNamed("LegalStatus").parse, err)
	})
}

func FuzzParsePlacementType(f *testing.F) {
	seedCodes(f, listNamed("PlacementType").want)
	f.Fuzz(func(t *testing.T, s string) {
		v, err := care.ParsePlacementType(s)
		_ = v.Description()
		_ = v.ValidIn(2025)
		_ = v.IsFoster() || v.IsResidential() || v.IsTemporary()
		checkParsed(t, "PlacementType", s, v.String(), listNamed("PlacementType").parse, err)
	})
}

// FuzzParseCodes feeds each input to every code parser, and to
// ParseCollectionYear.
func FuzzParseCodes(f *testing.F) {
	for _, l := range codeLists {
		seedCodes(f, l.want)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range codeLists {
			got, err := l.parse(s)
			checkParsed(t, l.name, s, got, l.parse, err)
			// UnmarshalText agrees with Parse, except that it accepts "".
			n, uerr := l.unmarshal([]byte(s))
			if s == "" {
				if uerr != nil || n != 0 {
					t.Errorf("%s UnmarshalText(\"\") = %d, %v, want Unknown, nil", l.name, n, uerr)
				}
			} else if (uerr == nil) != (err == nil) || (err == nil && l.str(n) != got) {
				t.Errorf("%s UnmarshalText(%q) = %q, %v; Parse gave %q, %v", l.name, s, l.str(n), uerr, got, err)
			}
		}
		y, err := care.ParseCollectionYear(s)
		if err == nil && y.String() != s {
			t.Errorf("ParseCollectionYear(%q).String() = %q, want the input", s, y.String())
		}
		if err != nil && !errors.Is(err, care.ErrUnknownCode) {
			t.Errorf("ParseCollectionYear(%q) error %v does not wrap ErrUnknownCode", s, err)
		}
	})
}
