package practice

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice/care"
)

// The fuzz targets of the decoder, each seeded with small inputs so that
// the fuzzer runs thousands of them a second:
//
//   - FuzzDecode: strict decoding of one case and of a cohort, and the
//     errors' paths, lines and columns.
//   - FuzzCaseRoundTrip: decode, encode and decode again is the identity.
//   - FuzzAssessDecodedCase: a decoded case that validates is assessed
//     without an undocumented error, the same way twice, and is not changed.

// seedCases are small valid cases: a child just come into care, one with
// a little of everything, and a care leaver.
var seedCases = []string{
	`{"format_version":1,"team":"North","office":"North","child":{"id":"C000001","date_of_birth":"2015-03-04","sex":"M","ethnicity":"WBRI"},` +
		`"episodes":[{"start":"2026-04-02","reason_new":"S","legal_status":"C2","category_of_need":"N1","placement_type":"U4","home_postcode":"LS1 4AP","placement_postcode":"LS6 2QD","distance_miles":3.5}],` +
		`"visits":[{"date":"2026-04-08","kind":"statutory","child_seen":true,"seen_alone":"yes","views_recorded":true,"purpose":"first visit"}],` +
		`"reviews":[{"held":"2026-04-28","chaired_by":"IRO001","participation":"PN1","views_recorded":true}],"iro":[{"iro_id":"IRO001","appointed":"2026-04-03"}]}`,

	`{"format_version":1,"team":"North Children in Care 2","office":"North","child":{"id":"C000016","date_of_birth":"2012-12-11","sex":"F","ethnicity":"MWBC","religion":"Not recorded","first_language":"English","identity_needs":"Identity needs recorded in the care plan"},` +
		`"episodes":[{"start":"2021-02-10","reason_new":"S","legal_status":"C1","category_of_need":"N2","placement_type":"U1","end":"2021-10-16","reason_ceased":"X1","distance_miles":"12.1"},{"start":"2021-10-16","reason_new":"L","legal_status":"C2","category_of_need":"N2","placement_type":"U1"}],` +
		`"visits":[{"date":"2021-02-23","kind":"statutory","child_seen":true,"seen_alone":"yes","views_recorded":true,"purpose":"statutory visit","plan_action":"care plan review of progress","written_up":"2021-02-26"},{"date":"2021-04-28","kind":"statutory","child_seen":true,"seen_alone":"yes","purpose":"statutory visit","written_up":"2021-05-10"}],` +
		`"care_plans":[{"agreed":"2021-02-18","health_plan":true,"pep":true,"iro_name":"IRO","child_wishes":true,"parent_wishes":true,"actions":[{"action":"action 1","owner":"social worker","outcome":"outcome for the child","due":"2021-04-11","completed":"2021-03-19"}]}],` +
		`"placement_plans":[{"placement_start":"2021-02-10","prepared":"2021-02-12"}],"notifications":[{"placement_start":"2021-02-10","recipient":"iro","sent":"2021-02-11"}],` +
		`"assessments":[{"completed":"2021-11-08","kind":"update"}],"health_assessments":[{"date":"2021-03-28","kind":"initial","by":"doctor","written_report":true}],` +
		`"sdqs":[{"date":"2021-11-10","score":16}],"dental_checks":[{"date":"2021-07-10"}],` +
		`"peps":[{"initiated":"2021-03-14","reviews":["2021-05-18"],"targets":["reading"],"pupil_premium":{"allocated":"2570","planned_use":"tutoring"}}],` +
		`"missing_episodes":[{"start":"2022-03-01","start_time":"21:30","end":"2022-03-02","end_time":"09:15","type":"M","interview":{"offered":{"date":"2022-03-03","time":"10:00"},"held":{"date":"2022-03-04","time":"11:00"}}}],` +
		`"reviews":[{"held":"2021-03-14","chaired_by":"IRO031","participation":"PN5","views_recorded":true,"decisions_circulated":"2021-03-19","record_completed":"2021-03-25","recommendations":[{"ref":"R1.1","owner":"social worker","due":"2021-04-26","completed":"2021-04-17"}]}],` +
		`"iro":[{"iro_id":"IRO031","appointed":"2021-02-14","named_in_plan":"2021-02-23"}],"midway_checks":[{"date":"2021-05-01","iro_id":"IRO031","outcome":"on-track"}],` +
		`"supervision":{"allocations":[{"child":"C000016","worker":"SW0017","from":"2021-02-10"}],"discussions":[{"date":"2021-03-11","supervisor":"TM0017","worker":"SW0017","kind":"case","child":"C000016","progress":"progress discussed","worries":"worries discussed","risks":"risks discussed"}],` +
		`"directions":[{"id":"C000016-D1","child":"C000016","text":"action agreed in supervision","owner":"SW0017","given":"2021-06-26","due":"2021-07-14","reviewed":"2021-07-15"}]},` +
		`"permanence":{"plan":{"transitions":[{"date":"2021-04-17","route":"long-term-fostering","state":"considered","primary":true}]},"proceedings":[{"issued":"2021-02-10","final_order":"2021-10-16","final_order_kind":"care"}]}}`,

	`{"format_version":1,"team":"Leaving Care","child":{"id":"C000003","date_of_birth":"2008-05-20"},` +
		`"episodes":[{"start":"2022-01-10","reason_new":"S","legal_status":"V2","category_of_need":"N4","placement_type":"K2","end":"2026-05-20","reason_ceased":"E11"}],` +
		`"leaving_care":{"needs_assessments":[{"completed":"2024-08-01"}],"pathway_plans":[{"prepared":"2024-09-01"}],"personal_advisers":[{"adviser":"PA01","appointed":"2025-11-01"}]}}`,
}

// addSeeds adds every seed case, and every file of testdata/hostile.
func addSeeds(f *testing.F, hostileFiles bool) {
	for _, s := range seedCases {
		f.Add([]byte(s))
	}
	if !hostileFiles {
		return
	}
	f.Add([]byte(seedCases[0] + "\n" + seedCases[2] + "\n"))
	f.Add([]byte("[\n" + seedCases[0] + ",\n" + seedCases[2] + "\n]"))
	files, err := filepath.Glob("testdata/hostile/*")
	if err != nil || len(files) == 0 {
		f.Fatalf("no hostile files: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzDecode decodes arbitrary bytes as one case and as a cohort. Whatever
// the input, the decoder does not panic; what it accepts is valid JSON in
// UTF-8; every error is a *DecodeError with a well-formed path and a line
// and column that exist in the input, and a short message that shows no
// more of a value than a short prefix (none of an identifying field's);
// and the cohort reader agrees with DecodeCase on a single case and on an
// array of cases.
func FuzzDecode(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCase(data)
		body := bytes.TrimPrefix(data, bomUTF8)
		if err == nil {
			if !utf8.Valid(body) || !jsonValid(body) {
				t.Fatalf("DecodeCase accepted input that is not valid JSON in UTF-8")
			}
		} else {
			checkDecodeErrors(t, body, err, 0)
		}

		var elems []element
		for c, err := range ReadCohort(bytes.NewReader(data)) {
			elems = append(elems, element{c.Care.Child.ID, err})
		}
		if len(elems) == 0 {
			t.Fatalf("ReadCohort yielded nothing: not even ErrEmpty")
		}
		for i, e := range elems {
			switch {
			case e.Err == ErrEmpty && len(elems) != 1:
				t.Fatalf("ReadCohort yielded ErrEmpty among %d elements", len(elems))
			case e.Err != nil && e.Err != ErrEmpty:
				checkDecodeErrors(t, body, e.Err, i)
			}
		}
		if err == nil {
			// One case, however it is laid out, is read the same way by
			// the cohort reader.
			if len(elems) != 1 || elems[0].Err != nil || elems[0].ID != c.Care.Child.ID {
				t.Fatalf("DecodeCase accepted a case that ReadCohort reads as %v", elems)
			}
		}
		if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
			checkArray(t, body, elems)
		}
	})
}

// checkArray checks that the cohort reader reads the whole of a JSON array
// whose every element DecodeCase accepts.
func checkArray(t *testing.T, body []byte, elems []element) {
	var raws []json.RawMessage
	if json.Unmarshal(body, &raws) != nil {
		return
	}
	var ids []string
	for _, raw := range raws {
		c, err := DecodeCase(raw)
		if err != nil {
			return
		}
		ids = append(ids, c.Care.Child.ID)
	}
	if len(raws) == 0 {
		if len(elems) != 1 || elems[0].Err != ErrEmpty {
			t.Fatalf("ReadCohort read an empty array as %v, want ErrEmpty", elems)
		}
		return
	}
	var got []string
	for _, e := range elems {
		if e.Err != nil {
			t.Fatalf("ReadCohort: %v in an array whose every case decodes", e.Err)
		}
		got = append(got, e.ID)
	}
	if !slices.Equal(ids, got) {
		t.Fatalf("ReadCohort read the array as %q, want %q", got, ids)
	}
}

// jsonValid reports whether data is one valid JSON value, as encoding/json
// judges it.
func jsonValid(data []byte) bool { return json.Valid(data) }

var quotedKeyRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"…?|…\d+ more…`)

var pathRE = regexp.MustCompile(`^(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"…?|\[\d+\])?(?:\.(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"…?)|\[\d+\]|…\d+ more…)*$`)

// checkDecodeErrors checks the properties of the errors of decoding input
// (without its byte order mark) as element i of a cohort.
func checkDecodeErrors(t *testing.T, input []byte, err error, i int) {
	t.Helper()
	lines := bytes.Split(input, []byte("\n"))
	var walk func(err error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		de, ok := err.(*DecodeError)
		if !ok {
			t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
		}
		if de.Record != i {
			t.Errorf("error %v: record %d, want %d", de, de.Record, i)
		}
		if de.Line < 1 || de.Line > len(lines) || de.Column < 1 || de.Column > len(lines[de.Line-1])+1 {
			t.Errorf("error %v: line %d, column %d is not in the input (%d lines)", de, de.Line, de.Column, len(lines))
		}
		if !pathRE.MatchString(de.Path) {
			t.Errorf("error %v: malformed path %q", de, de.Path)
		}
		if (errors.Is(de, ErrUnknownField) || errors.Is(de, errDuplicateKey)) && de.Path == "" {
			t.Errorf("error %v names no field", de)
		}
		if !bytes.Contains(input, []byte{'\\'}) && de.Path != "format_version" { // a missing version is named
			plainKeys := quotedKeyRE.ReplaceAllString(de.Path, "")
			for _, key := range strings.FieldsFunc(plainKeys, func(r rune) bool { return r == '.' || r == '[' || r == ']' }) {
				if plain := strings.Trim(key, "0123456789"); plain != "" && !strings.Contains(key, "more") && !bytes.Contains(input, []byte(key)) {
					t.Errorf("error %v: path key %q is not in the input", de, key)
				}
			}
		}
		msg := de.Err.Error()
		if !utf8.ValidString(msg) || strings.ContainsRune(msg, utf8.RuneError) && !bytes.ContainsRune(input, utf8.RuneError) {
			t.Errorf("error %q is not clean UTF-8", msg)
		}
		if len(msg) > 300 || len(de.Path) > 400 {
			t.Errorf("error %.100q…: %d bytes, path %d: too long", msg, len(msg), len(de.Path))
		}
		if identifying(de.Path) && strings.ContainsAny(strings.ReplaceAll(msg, `'"'`, ""), `"…`) {
			t.Errorf("error %q about identifying field %s shows a value", msg, de.Path)
		}
	}
	walk(err)
}

// caseOptions compare cases: unexported fields (dates, codes) by value,
// decimals by value, and an empty list the same as none.
var caseOptions = cmp.Options{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
	cmpopts.EquateEmpty(),
}

// FuzzCaseRoundTrip checks that whatever DecodeCase accepts encodes, that
// DecodeCase accepts the encoding and gives back the same case, that
// encoding is stable byte for byte, and that the cohort encoding does the
// same.
func FuzzCaseRoundTrip(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCase(data)
		if err != nil {
			return
		}
		first, err := EncodeCase(c)
		if err != nil {
			t.Fatalf("EncodeCase after a successful decode: %v", err)
		}
		back, err := DecodeCase(first)
		if err != nil {
			t.Fatalf("DecodeCase of EncodeCase's output: %v\n%s", err, first)
		}
		if diff := cmp.Diff(c, back, caseOptions); diff != "" {
			t.Fatalf("decode, encode, decode changed the case (-first +second):\n%s", diff)
		}
		second, err := EncodeCase(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("encoding is not stable:\n%s\n%s", first, second)
		}
		var buf bytes.Buffer
		if err := EncodeCohort(&buf, []Case{c, c}); err != nil {
			t.Fatal(err)
		}
		cases, _, err := DecodeCohort(&buf)
		if err != nil || len(cases) != 2 {
			t.Fatalf("DecodeCohort(EncodeCohort) = %d cases, %v", len(cases), err)
		}
		if diff := cmp.Diff(c, cases[1], caseOptions); diff != "" {
			t.Fatalf("the cohort round trip changed the case (-first +second):\n%s", diff)
		}
	})
}

// FuzzAssessDecodedCase assesses every decoded case that validates, as of
// a day from 2020 to 2030. Assess returns no error but the documented
// ones (a date outside the calendar, or a validation error about the as-of
// date); it gives the same report twice; and it does not change the case.
func FuzzAssessDecodedCase(f *testing.F) {
	for _, s := range seedCases {
		for _, days := range []uint16{1800, 2500} {
			f.Add([]byte(s), days)
		}
	}
	cal := care.EnglandAndWales()
	f.Fuzz(func(t *testing.T, data []byte, days uint16) {
		c, err := DecodeCase(data)
		if err != nil || c.Validate() != nil {
			return
		}
		asOf := care.MustDate(2020, 1, 1).AddDays(int(days) % 4000)
		before, err := EncodeCase(c)
		if err != nil {
			t.Fatal(err)
		}
		first, err1 := Assess(c, asOf, Standards{}, cal)
		if err1 != nil {
			var ve care.ValidationErrors
			var fe *care.FieldError
			if !errors.Is(err1, care.ErrOutsideCalendar) && !errors.As(err1, &ve) && !errors.As(err1, &fe) {
				t.Fatalf("Assess as of %v: undocumented error %v (%T)", asOf, err1, err1)
			}
			if first != nil {
				t.Fatalf("Assess as of %v returned a report with its error %v", asOf, err1)
			}
		}
		after, err := EncodeCase(c)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(before, after) {
			t.Fatalf("Assess changed the case:\n%s\n%s", before, after)
		}
		second, err2 := Assess(c, asOf, Standards{}, cal)
		if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("Assess twice: errors %v and %v", err1, err2)
		}
		if !reflect.DeepEqual(first, second) {
			t.Fatalf("Assess twice gave different reports:\n%v\n%v", first, second)
		}
	})
}

// TestFuzzSeedCases checks that every seed case decodes, validates and is
// assessed with findings, so that the assessment target starts from cases
// it assesses rather than ones it skips.
func TestFuzzSeedCases(t *testing.T) {
	cal := care.EnglandAndWales()
	for i, s := range seedCases {
		c, err := DecodeCase([]byte(s))
		if err != nil {
			t.Fatalf("seed %d: DecodeCase: %v", i, err)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("seed %d: Validate: %v", i, err)
			continue
		}
		rep, err := Assess(c, care.MustDate(2026, 12, 1), Standards{}, cal)
		if err != nil || len(rep) == 0 {
			t.Errorf("seed %d: Assess = %d findings, %v", i, len(rep), err)
		}
	}
}
