package care_test

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/care"
	"github.com/shopspring/decimal"
)

// These tests cover the limits of plausible input (limits.go): record
// dates, dates of birth and ages, distances, string lengths and encodings,
// and the rule that errors never quote identifying values.

// lmChild is a synthetic child born on 15 June 2012.
func lmChild() care.Child {
	return care.Child{ID: "C0100", DateOfBirth: care.MustDate(2012, time.June, 15)}
}

// lmEp returns an open episode from start under a full care order in
// foster care.
func lmEp(start care.Date) care.Episode {
	return care.Episode{Start: start, ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
		PlacementType: care.PlacementTypeU6}
}

// lmRecord returns a valid record of lmChild, looked after from 6 January
// 2025.
func lmRecord() care.Record {
	return care.Record{Child: lmChild(), Episodes: []care.Episode{lmEp(care.MustDate(2025, time.January, 6))}}
}

// fieldErrors returns the field errors of err by path.
func fieldErrors(err error) map[string][]string {
	var ve care.ValidationErrors
	var fe *care.FieldError
	out := map[string][]string{}
	switch {
	case errors.As(err, &ve):
		for _, e := range ve {
			out[e.Path] = append(out[e.Path], e.Err.Error())
		}
	case errors.As(err, &fe):
		out[fe.Path] = append(out[fe.Path], fe.Err.Error())
	case err != nil:
		out[""] = append(out[""], err.Error())
	}
	return out
}

// dateForms returns the ways the library prints d: "2008-06-15" and
// "15 June 2008".
func dateForms(d care.Date) []string { return []string{d.String(), d.Format()} }

// mustNotMention fails if s holds any of the forms.
func mustNotMention(t *testing.T, what, s string, forms ...string) {
	t.Helper()
	for _, f := range forms {
		if f != "" && strings.Contains(s, f) {
			t.Errorf("%s %q reveals %q", what, s, f)
		}
	}
}

func TestImplausibleDates(t *testing.T) {
	first := care.MustDate(2025, time.January, 6)
	tests := []struct {
		name string
		dob  care.Date
		eps  []care.Episode
		want map[string]string // path: a part of the message
	}{
		{"date of birth in year 1", care.MustDate(1, time.January, 1), []care.Episode{lmEp(first)},
			map[string]string{"child.date_of_birth": "before 1900: not a plausible date of birth"}},
		{"date of birth before 1900", care.MustDate(1899, time.December, 31), []care.Episode{lmEp(first)},
			map[string]string{"child.date_of_birth": "before 1900"}},
		{"date of birth more than 25 years before the first episode", care.MustDate(1999, time.January, 5), []care.Episode{lmEp(first)},
			map[string]string{"child.date_of_birth": "more than 25 years before the first episode"}},
		{"date of birth in 1900 and an episode in 2025", care.MustDate(1900, time.January, 1), []care.Episode{lmEp(first)},
			map[string]string{"child.date_of_birth": "more than 25 years before the first episode"}},
		{"episode before the calendar's coverage", care.MustDate(1990, time.January, 1), []care.Episode{lmEp(care.MustDate(1999, time.December, 31))},
			map[string]string{"episodes[0].start": "1999-12-31 is before 1 January 2000, the earliest date a record may hold"}},
		{"episode ends in year 1", care.MustDate(2012, time.June, 15), []care.Episode{{Start: first, ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6, End: care.MustDate(1, time.January, 1), ReasonCeased: care.ReasonEpisodeCeasedE8}},
			map[string]string{"episodes[0].end": "before 1 January 2000"}},
		{"first plausible day", care.MustDate(1999, time.June, 1), []care.Episode{lmEp(care.MustDate(2000, time.January, 1))}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := care.Child{ID: "C0101", DateOfBirth: tc.dob}
			_, err := care.NewHistory(c, tc.eps)
			got := fieldErrors(err)
			if tc.want == nil && err != nil {
				t.Fatalf("NewHistory() error = %v, want nil", err)
			}
			for path, part := range tc.want {
				if !strings.Contains(strings.Join(got[path], "\n"), part) {
					t.Errorf("NewHistory() errors = %v, want %q at %s", err, part, path)
				}
			}
			if err != nil {
				mustNotMention(t, "error", err.Error(), dateForms(tc.dob)...)
			}
			if verr := (care.Record{Child: c, Episodes: tc.eps}).Validate(); (verr == nil) != (err == nil) {
				t.Errorf("Record.Validate() = %v, NewHistory() = %v: want the same", verr, err)
			}
		})
	}
}

// recordFields walks the Date and string fields of a care.Record by
// reflection, as its JSON form names them, other than the child's and the
// episodes'. set is called with the path of each field and a record in
// which every list on the way holds one element, to fill the field in.
func recordFields(t *testing.T, kind reflect.Type, visit func(path string, set func(v reflect.Value) care.Record)) {
	t.Helper()
	dateType := reflect.TypeFor[care.Date]()
	var walk func(typ reflect.Type, path string, get func(r *care.Record) reflect.Value)
	walk = func(typ reflect.Type, path string, get func(r *care.Record) reflect.Value) {
		switch {
		case typ == kind:
			visit(path, func(v reflect.Value) care.Record {
				r := lmRecord()
				get(&r).Set(v)
				return r
			})
			return
		case typ == dateType:
			return
		}
		switch typ.Kind() {
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if !f.IsExported() || name == "-" || (path == "" && (name == "child" || name == "episodes")) {
					continue
				}
				p := care.JoinPath(path, name)
				if f.Anonymous {
					p = path
				}
				walk(f.Type, p, func(r *care.Record) reflect.Value { return get(r).Field(i) })
			}
		case reflect.Slice:
			walk(typ.Elem(), care.Index(path, 0), func(r *care.Record) reflect.Value {
				s := get(r)
				if s.Len() == 0 {
					s.Set(reflect.MakeSlice(typ, 1, 1))
				}
				return s.Index(0)
			})
		}
	}
	walk(reflect.TypeFor[care.Record](), "", func(r *care.Record) reflect.Value { return reflect.ValueOf(r).Elem() })
}

// TestRecordDatesAllChecked fills each date field of a record in turn with
// a day before 2000 and checks that validation reports it at its path:
// every record date goes through the one check, and a new field cannot be
// forgotten.
func TestRecordDatesAllChecked(t *testing.T) {
	n := 0
	old := reflect.ValueOf(care.MustDate(1999, time.June, 1))
	recordFields(t, reflect.TypeFor[care.Date](), func(path string, set func(reflect.Value) care.Record) {
		n++
		t.Run(path, func(t *testing.T) {
			err := set(old).Validate()
			if got := fieldErrors(err)[path]; !strings.Contains(strings.Join(got, "\n"), "1999-06-01 is before 1 January 2000") {
				t.Errorf("Validate() = %v, want %s before 1 January 2000", err, path)
			}
		})
	})
	if n < 50 {
		t.Errorf("found %d date fields, want every one (more than 50)", n)
	}
}

// TestRecordTextsAllChecked fills each string field of a record in turn
// with a value too long for any limit, and then with invalid UTF-8, and
// checks that validation reports each at its path, naming the field and
// quoting nothing but a short prefix.
func TestRecordTextsAllChecked(t *testing.T) {
	long := strings.Repeat("x", care.MaxTextBytes+1)
	n := 0
	recordFields(t, reflect.TypeFor[string](), func(path string, set func(reflect.Value) care.Record) {
		n++
		t.Run(path, func(t *testing.T) {
			err := set(reflect.ValueOf(long)).Validate()
			got := fieldErrors(err)[path]
			if len(got) != 1 || !strings.Contains(got[0], "too long: 4097 bytes") || len(got[0]) > 120 {
				t.Errorf("Validate() = %v, want one short error at %s: too long", got, path)
			}
			err = set(reflect.ValueOf("ok \xff")).Validate()
			if got := fieldErrors(err)[path]; len(got) != 1 || !strings.Contains(got[0], "not valid UTF-8: the first bad byte is byte 3") {
				t.Errorf("Validate() = %v, want %s not valid UTF-8", got, path)
			}
		})
	})
	if n < 15 {
		t.Errorf("found %d string fields, want every one (more than 15)", n)
	}
}

func TestAgeOfMajority(t *testing.T) {
	dob := care.MustDate(2008, time.June, 15)
	b18 := dob.AddYears(18)
	c := care.Child{ID: "C0102", DateOfBirth: dob}
	t.Run("episode started at 18", func(t *testing.T) {
		eps := []care.Episode{
			{Start: care.MustDate(2024, time.January, 8), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2,
				PlacementType: care.PlacementTypeU6, End: care.MustDate(2024, time.March, 1), ReasonCeased: care.ReasonEpisodeCeasedE4A},
			{Start: care.MustDate(2025, time.January, 6), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2,
				PlacementType: care.PlacementTypeU6, End: care.MustDate(2025, time.February, 1), ReasonCeased: care.ReasonEpisodeCeasedE4A},
			lmEp(b18),
		}
		_, err := care.NewHistory(c, eps)
		want := "episodes[2].start: the child was 18 or over when this episode started: a child stops being looked after at 18"
		if err == nil || err.Error() != want {
			t.Errorf("NewHistory() error = %v, want %q", err, want)
		}
		mustNotMention(t, "error", fmt.Sprint(err), dateForms(dob)...)
	})
	t.Run("episode started the day before the 18th birthday", func(t *testing.T) {
		if _, err := care.NewHistory(c, []care.Episode{lmEp(b18.AddDays(-1))}); err != nil {
			t.Errorf("NewHistory() error = %v, want nil", err)
		}
	})
	t.Run("episode ends after the 18th birthday", func(t *testing.T) {
		e := lmEp(care.MustDate(2023, time.January, 9))
		e.End, e.ReasonCeased = b18.AddDays(1), care.ReasonEpisodeCeasedE17
		_, err := care.NewHistory(c, []care.Episode{e})
		if got := fieldErrors(err)["episodes[0].end"]; len(got) != 1 || !strings.Contains(got[0], "ends after the child's 18th birthday") {
			t.Errorf("NewHistory() error = %v, want episodes[0].end after the 18th birthday", err)
		}
		e.End = b18 // ceasing on the birthday itself is right
		if _, err := care.NewHistory(c, []care.Episode{e}); err != nil {
			t.Errorf("NewHistory() ending on the 18th birthday: error = %v, want nil", err)
		}
	})
	t.Run("still open on the assessment date at 18", func(t *testing.T) {
		r := care.Record{Child: c, Episodes: []care.Episode{lmEp(care.MustDate(2023, time.January, 9))}}
		cal := care.EnglandAndWales()
		if _, err := care.Assess(r, care.Context{}, b18.AddDays(-1), cal, care.Policy{}); err != nil {
			t.Errorf("Assess() the day before the 18th birthday: error = %v, want nil", err)
		}
		_, err := care.Assess(r, care.Context{}, b18, cal, care.Policy{})
		got := fieldErrors(err)["episodes[0].end"]
		if len(got) != 1 || !strings.HasPrefix(got[0], "the child was 18 or over on the assessment date, 2026-06-15, and this episode is still open") {
			t.Errorf("Assess() on the 18th birthday: error = %v, want episodes[0].end still open at 18", err)
		}
		mustNotMention(t, "error", fmt.Sprint(err), dateForms(dob)...)
		h, herr := care.NewHistory(c, r.Episodes)
		if herr != nil {
			t.Fatal(herr)
		}
		if err := h.ValidateOn(b18.AddDays(1)); err == nil {
			t.Errorf("ValidateOn(after 18) = nil, want an error")
		}
	})
	t.Run("nobody aged 80 is assessed as looked after", func(t *testing.T) {
		old := care.Child{ID: "C0103", DateOfBirth: care.MustDate(1946, time.May, 1)}
		r := care.Record{Child: old, Episodes: []care.Episode{lmEp(care.MustDate(2010, time.March, 1))}}
		rep, err := care.Assess(r, care.Context{}, care.MustDate(2026, time.December, 1), care.EnglandAndWales(), care.Policy{})
		if err == nil || rep != nil {
			t.Fatalf("Assess() = %d findings, %v, want an error", len(rep), err)
		}
		if got := fieldErrors(err)["child.date_of_birth"]; len(got) != 1 {
			t.Errorf("Assess() error = %v, want one at child.date_of_birth", err)
		}
		mustNotMention(t, "error", err.Error(), append(dateForms(old.DateOfBirth), "1946")...)
	})
}

func TestNoEpisodes(t *testing.T) {
	const want = "episodes: no episodes: a child must have been looked after to be assessed"
	_, err := care.NewHistory(lmChild(), nil)
	if err == nil || err.Error() != want || !errors.Is(err, care.ErrNoEpisodes) {
		t.Errorf("NewHistory(no episodes) error = %v, want %q wrapping ErrNoEpisodes", err, want)
	}
	err = care.Record{Child: lmChild()}.Validate()
	if err == nil || err.Error() != want {
		t.Errorf("Record.Validate() error = %v, want %q", err, want)
	}
	if _, err := care.Assess(care.Record{Child: lmChild()}, care.Context{}, care.MustDate(2026, 1, 5), care.EnglandAndWales(), care.Policy{}); !errors.Is(err, care.ErrNoEpisodes) {
		t.Errorf("Assess(no episodes) error = %v, want ErrNoEpisodes", err)
	}
}

func TestDistancePlausible(t *testing.T) {
	huge := "1" + strings.Repeat("0", 400)
	tests := []struct {
		name  string
		miles string
		want  string // part of the error at distance_miles; "" for none
	}{
		{"no distance", "", ""},
		{"zero", "0", ""},
		{"the limit", "1000", ""},
		{"just over the limit", "1000.1", "more than 1000 miles, longer than Great Britain"},
		{"the limit with trailing zeros", "1000.000", ""},
		{"a thousandth over the limit", "1000.001", "more than 1000 miles"},
		{"the limit in exponent form", "1e3", ""},
		{"over the limit in exponent form", "1.0001e3", "more than 1000 miles"},
		{"ten decimal places", "999.9999999999", ""},
		{"ten decimal places over", "1000.0000000001", "more than 1000 miles"},
		{"a 401-digit distance", huge, "more than 1000 miles"},
		{"negative", "-0.1", "negative: a distance is 0 miles or more"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := lmEp(care.MustDate(2025, time.January, 6))
			if tc.miles != "" {
				e.DistanceMiles = decimal.NewNullDecimal(decimal.RequireFromString(tc.miles))
			}
			err := e.Validate()
			got := strings.Join(fieldErrors(err)["distance_miles"], "\n")
			if tc.want == "" && err != nil || !strings.Contains(got, tc.want) {
				t.Errorf("Validate() = %v, want %q at distance_miles", err, tc.want)
			}
			if err != nil && (len(err.Error()) > 200 || strings.Contains(err.Error(), tc.miles)) {
				t.Errorf("Validate() = %q: the value is echoed", err)
			}
		})
	}
}

func TestStringLimits(t *testing.T) {
	tests := []struct {
		name    string
		child   care.Child
		path    string
		want    string // part of the message
		private string // a value the message must not hold
	}{
		{"ID of 64 bytes", care.Child{ID: strings.Repeat("C", 64)}, "", "", ""},
		{"ID of 65 bytes", care.Child{ID: strings.Repeat("C", 65)}, "id", `too long: 65 bytes, more than the 64 allowed ("CCCCCCCCCCCCCCCCCCCC"…)`, ""},
		{"ID not UTF-8", care.Child{ID: "C\xff01"}, "id", `not valid UTF-8: the first bad byte is byte 1 ("C\xff01")`, ""},
		{"name too long, never quoted", care.Child{ID: "C1", Name: "Synthetic " + strings.Repeat("Name", 40)}, "name", "too long: 170 bytes, more than the 128 allowed", "Synthetic"},
		{"name not UTF-8, never quoted", care.Child{ID: "C1", Name: "Synthetic\xff"}, "name", "not valid UTF-8: the first bad byte is byte 9", "Synthetic"},
		{"religion too long", care.Child{ID: "C1", Religion: strings.Repeat("r", 129)}, "religion", "more than the 128 allowed", "rrr"},
		{"identity needs too long", care.Child{ID: "C1", IdentityNeeds: strings.Repeat("n", 4097)}, "identity_needs", "more than the 4096 allowed", "nnn"},
		{"bad UPN, never quoted", care.Child{ID: "C1", UPN: "X12345678901Z9"}, "upn", "not a UPN: want 13 letters and digits", "X1234"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.child
			c.DateOfBirth = care.MustDate(2012, time.June, 15)
			err := c.Validate()
			if tc.path == "" {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			got := strings.Join(fieldErrors(err)[tc.path], "\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("Validate() = %v, want %q at %s", err, tc.want, tc.path)
			}
			var ve care.ValidationErrors
			if errors.As(err, &ve) && !errors.Is(err, care.ErrTooLong) && !errors.Is(err, care.ErrInvalidUTF8) && tc.path != "upn" {
				t.Errorf("Validate() = %v, want it to wrap ErrTooLong or ErrInvalidUTF8", err)
			}
			mustNotMention(t, "error", fmt.Sprint(err), tc.private)
		})
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"short", "C000001", `"C000001"`},
		{"exactly 20 bytes", strings.Repeat("a", 20), `"aaaaaaaaaaaaaaaaaaaa"`},
		{"cut at 20 bytes", strings.Repeat("a", 50<<20), `"aaaaaaaaaaaaaaaaaaaa"…`},
		{"never splits a character", strings.Repeat("a", 19) + "é" + "bbb", `"aaaaaaaaaaaaaaaaaaa"…`},
		{"escapes control characters and bad bytes", "a\n\xffb", `"a\n\xffb"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := care.Excerpt(tc.in); got != tc.want {
				t.Errorf("Excerpt(%.30q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseErrorBounded(t *testing.T) {
	long := strings.Repeat("9", 50<<20)
	_, err := care.ParseDate(long)
	if err == nil || len(err.Error()) > 100 {
		t.Fatalf("ParseDate(50 MB) error = %.200v, want a short one", err)
	}
	if want := `care: parsing "99999999999999999999"… as date: invalid date: want YYYY-MM-DD`; err.Error() != want {
		t.Errorf("ParseDate(50 MB) error = %q, want %q", err, want)
	}
	_, err = care.ParseDate("2025-02-30")
	if want := `care: parsing "2025-02-30" as date: invalid date: no such day`; err == nil || err.Error() != want {
		t.Errorf("ParseDate(2025-02-30) error = %v, want %q (\"care:\" once)", err, want)
	}
	// A decoder marks the error of an identifying field as private: the
	// message then holds none of the input.
	var pe *care.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("ParseDate error %T, want *care.ParseError", err)
	}
	pe.Private = true
	if want := "care: parsing date (input withheld): invalid date: no such day"; err.Error() != want {
		t.Errorf("private ParseError = %q, want %q", err, want)
	}
	if !errors.Is(err, care.ErrInvalidDate) {
		t.Errorf("private ParseError does not wrap ErrInvalidDate")
	}
	_, err = care.ParseLegalStatus(long)
	if err == nil || len(err.Error()) > 100 || !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("ParseLegalStatus(50 MB) error = %.200v, want a short one wrapping ErrUnknownCode", err)
	}
}

// TestNoIdentifyingValuesInErrors: a record full of wrong identifying
// values gives errors that say what is wrong and where, never the values.
func TestNoIdentifyingValuesInErrors(t *testing.T) {
	dob := care.MustDate(1890, time.March, 7)
	c := care.Child{ID: "C0104", Name: "Synthetic\xffPerson", DateOfBirth: dob, UPN: "Q1234", Religion: "Synthetic\xfffaith"}
	e := lmEp(care.MustDate(2025, time.January, 6))
	e.HomePostcode, e.PlacementPostcode, e.URN = "ZZ99 9ZZZ", "not a postcode", strings.Repeat("U", 65)
	r := care.Record{Child: c, Episodes: []care.Episode{e}}
	r.CarePlans = []care.CarePlan{{Agreed: care.MustDate(2025, time.January, 10), IROName: "Synthetic\xffIRO",
		Actions: []care.PlanAction{{Action: "x", Owner: strings.Repeat("Owner", 30)}}}}
	err := r.Validate()
	want := []string{"care_plans[0].actions[0].owner", "care_plans[0].iro_name", "child.date_of_birth", "child.name", "child.religion",
		"child.upn", "episodes[0].home_postcode", "episodes[0].placement_postcode", "episodes[0].urn"}
	got := slices.Sorted(maps.Keys(fieldErrors(err)))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() paths mismatch (-want +got):\n%s\n%v", diff, err)
	}
	mustNotMention(t, "error", fmt.Sprint(err), append(dateForms(dob), "1890", "Synthetic", "Q1234", "ZZ99", "not a postcode", "UUU", "Owner")...)
}

func TestPostcodes(t *testing.T) {
	tests := []struct {
		in          string
		valid, full bool
	}{
		{"SW1A 1AA", true, true}, {"SW1A1AA", true, true}, {"sw1a 1aa", true, true}, {"M1 1AE", true, true},
		{"B33 8TH", true, true}, {"CR2 6XH", true, true}, {"DN55 1PT", true, true}, {"W1A 0AX", true, true},
		{"EC1A 1BB", true, true}, {"GIR 0AA", true, true}, {"M11AE", true, true},
		{"SW1A", true, false}, {"M1", true, false}, {"DN55", true, false}, {"SW1A 1", true, false},
		{"", false, false}, {"SW1A  1AA", false, false}, {" SW1A 1AA", false, false}, {"SW1A 1AA ", false, false},
		{"1W1A 1AA", false, false}, {"SWAA 1AA", false, false}, {"SW1A 1A", false, false}, {"SW1A 11A", false, false},
		{"SW1A1", false, false}, {"SW12A 1AA", false, false}, {"SW1A-1AA", false, false}, {"S", false, false},
		{"not a postcode", false, false}, {"ＳＷ1A 1AA", false, false},
	}
	for _, tc := range tests {
		if got := care.ValidPostcode(tc.in); got != tc.valid {
			t.Errorf("ValidPostcode(%q) = %v, want %v", tc.in, got, tc.valid)
		}
		if got := care.FullPostcode(tc.in); got != tc.full {
			t.Errorf("FullPostcode(%q) = %v, want %v", tc.in, got, tc.full)
		}
	}
}

// TestFullPostcodesPolicy: validation accepts a partial postcode, as the
// DfE return does; Policy.FullPostcodes makes assessment refuse it.
func TestFullPostcodesPolicy(t *testing.T) {
	r := lmRecord()
	r.Episodes[0].HomePostcode, r.Episodes[0].PlacementPostcode = "DN55", "B33 8TH"
	if err := r.Validate(); err != nil {
		t.Fatalf("Validate() with a partial postcode = %v, want nil", err)
	}
	asOf := care.MustDate(2025, time.March, 3)
	if _, err := care.Assess(r, care.Context{}, asOf, care.EnglandAndWales(), care.Policy{}); err != nil {
		t.Errorf("Assess() = %v, want nil", err)
	}
	_, err := care.Assess(r, care.Context{}, asOf, care.EnglandAndWales(), care.Policy{FullPostcodes: true})
	got := fieldErrors(err)
	if len(got) != 1 || len(got["episodes[0].home_postcode"]) != 1 {
		t.Errorf("Assess(FullPostcodes) error = %v, want one at episodes[0].home_postcode", err)
	}
	mustNotMention(t, "error", fmt.Sprint(err), "DN55", "B33 8TH")
}
