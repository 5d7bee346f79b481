package practice

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

func decodeErrors(err error) []*DecodeError {
	var out []*DecodeError
	var walk func(error)
	walk = func(err error) {
		var de *DecodeError
		if errors.As(err, &de) && errors.Unwrap(err) == de.Err {
			out = append(out, de)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if errors.As(err, &de) {
			out = append(out, de)
		}
	}
	walk(err)
	return out
}

type where struct {
	Record int
	Path   string
	Line   int
}

func wheres(err error) []where {
	var out []where
	for _, de := range decodeErrors(err) {
		out = append(out, where{de.Record, de.Path, de.Line})
	}
	return out
}

func TestDecodeCaseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []where
	}{
		{"valid", `{"format_version":1,"team":"North","child":{"id":"C0001","date_of_birth":"2015-06-01"},"episodes":[]}`, nil},
		{"unknown top-level field", "{\"format_version\":1,\n\"teem\": \"North\"\n}", []where{{0, "teem", 2}}},
		{"unknown nested field, with its path", "{\"format_version\":1,\"child\": {\"id\": \"C1\",\n \"nmae\": \"x\"}}", []where{{0, "child.nmae", 2}}},
		{"bad date in a list", "{\"format_version\":1,\"episodes\": [\n{\"start\": \"2024-01-10\"},\n{\"start\": \"2024-02-30\"}]}", []where{{0, "episodes[1].start", 3}}},
		{"unknown code", `{"format_version":1,"episodes":[{"legal_status":"C9"}]}`, []where{{0, "episodes[0].legal_status", 1}}},
		{"wrong type", `{"format_version":1,"child":{"id":42}}`, []where{{0, "child.id", 1}}},
		{"number for a date", `{"format_version":1,"child":{"date_of_birth":20150601}}`, []where{{0, "child.date_of_birth", 1}}},
		{"object for a list", `{"format_version":1,"episodes":{}}`, []where{{0, "episodes", 1}}},
		{"every fault is reported", "{\"format_version\":1,\"child\":{\"id\":1,\"x\":2},\n\"episodes\":[{\"start\":\"x\"}]}", []where{{0, "child.id", 1}, {0, "child.x", 1}, {0, "episodes[0].start", 2}}},
		{"trailing data", `{} {}`, []where{{0, "", 1}}},
		{"malformed", `{"child":`, []where{{0, "", 1}}},
		{"no format version", `{"team":"North"}`, []where{{0, "format_version", 1}}},
		{"another format version", `{"format_version":2,"team":"North"}`, []where{{0, "format_version", 1}}},
		{"format version not a number", `{"format_version":"1","team":"North"}`, []where{{0, "format_version", 1}}},
		{"format version nested is unknown", `{"format_version":1,"child":{"format_version":1}}`, []where{{0, "child.format_version", 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeCase([]byte(tc.in))
			if diff := cmp.Diff(tc.want, wheres(err)); diff != "" {
				t.Errorf("DecodeCase(%s) errors mismatch (-want +got):\n%s\nerror: %v", tc.in, diff, err)
			}
		})
	}
}

func TestDecodeCohort(t *testing.T) {
	jsonl := strings.Join([]string{
		`{"format_version":1,"child":{"id":"C0001","date_of_birth":"2015-06-01"}}`,
		``,
		`{"format_version":1,"child":{"id":"C0002","date_of_birth":"2015-13-01"}}`,
		`{"format_version":1,"child":{"id":"C0003","date_of_birth":"2012-01-01"}}`,
	}, "\n")
	cases, idx, err := DecodeCohort(strings.NewReader(jsonl))
	if diff := cmp.Diff([]where{{1, "child.date_of_birth", 3}}, wheres(err)); diff != "" {
		t.Errorf("JSON Lines errors mismatch (-want +got):\n%s", diff)
	}
	if len(cases) != 2 || cases[1].Child.ID != "C0003" || !cmp.Equal(idx, []int{0, 2}) {
		t.Errorf("JSON Lines kept %d cases, indexes %v", len(cases), idx)
	}
	single := "{\n  \"format_version\": 1,\n  \"child\": {\"id\": \"C0009\"},\n  \"episodes\": []\n}\n"
	cases, idx, err = DecodeCohort(strings.NewReader(single))
	if err != nil || len(cases) != 1 || cases[0].Child.ID != "C0009" || !cmp.Equal(idx, []int{0}) {
		t.Errorf("a single laid-out case: %d cases, %v, %v", len(cases), idx, err)
	}
	array := "[\n  {\"format_version\":1,\"child\":{\"id\":\"C0001\"}},\n  {\"format_version\":1,\"child\":{\"id\":\"C0002\", \"bad\": 1}},\n  {\"format_version\":1,\"child\":{\"id\":\"C0003\"}}\n]"
	cases, idx, err = DecodeCohort(strings.NewReader(array))
	if diff := cmp.Diff([]where{{1, "child.bad", 3}}, wheres(err)); diff != "" {
		t.Errorf("array errors mismatch (-want +got):\n%s", diff)
	}
	if len(cases) != 2 || !cmp.Equal(idx, []int{0, 2}) {
		t.Errorf("array kept %d cases, indexes %v", len(cases), idx)
	}
}

// TestCaseRoundTrip checks decode(encode(c)) == c for a synthetic cohort,
// and that encoding is stable byte for byte.
func TestCaseRoundTrip(t *testing.T) {
	coh := Synthetic(SyntheticOptions{Seed: 42, Children: 60})
	for _, c := range coh.Cases {
		first, err := EncodeCase(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := DecodeCase(first)
		if err != nil {
			t.Fatalf("%s: DecodeCase(EncodeCase) = %v", c.Child.ID, err)
		}
		second, err := EncodeCase(back)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(first), string(second)); diff != "" {
			t.Fatalf("%s: round trip changed the encoding (-first +second):\n%s", c.Child.ID, diff)
		}
		if err := back.Validate(); err != nil {
			t.Errorf("%s: decoded case is invalid: %v", c.Child.ID, err)
		}
	}
	var buf strings.Builder
	if err := EncodeCohort(&buf, coh.Cases); err != nil {
		t.Fatal(err)
	}
	cases, _, err := DecodeCohort(strings.NewReader(buf.String()))
	if err != nil || len(cases) != len(coh.Cases) {
		t.Fatalf("DecodeCohort(EncodeCohort) = %d cases, %v", len(cases), err)
	}
}

// FuzzDecodeCase feeds arbitrary bytes to the strict decoder: it must not
// panic, whatever it accepts must round-trip, and assessing whatever
// validates must not panic either.
func FuzzDecodeCase(f *testing.F) {
	coh := Synthetic(SyntheticOptions{Seed: 5, Children: 2})
	for _, c := range coh.Cases {
		b, _ := EncodeCase(c)
		f.Add(b)
	}
	f.Add([]byte(`{"child":{"id":"C1"},"episodes":[{"start":"2024-02-30"}],"teem":1}`))
	f.Add([]byte(`[{"child":{}}]`))
	f.Add([]byte(`{"supervision":{"discussions":[{"date":"2025-01-01","kind":"case"}]},"permanence":{"plan":{}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCase(data)
		if err != nil {
			return
		}
		if c.Validate() == nil {
			// Assessment of any valid case must not panic; errors (a date
			// outside the calendar) are fine.
			_, _ = Assess(c, care.MustDate(2026, 12, 1), Standards{}, care.EnglandAndWales())
		}
		first, err := EncodeCase(c)
		if err != nil {
			t.Fatalf("EncodeCase after a successful decode: %v", err)
		}
		back, err := DecodeCase(first)
		if err != nil {
			t.Fatalf("DecodeCase of our own output: %v\n%s", err, first)
		}
		second, err := EncodeCase(back)
		if err != nil {
			t.Fatal(err)
		}
		if string(first) != string(second) {
			t.Fatalf("round trip differs:\n%s\n%s", first, second)
		}
	})
}
