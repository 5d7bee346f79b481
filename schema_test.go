package practice

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice/care"
)

var update = flag.Bool("update", false, "rewrite golden files (schema, rule catalogue, reports)")

// TestSchema renders the JSON Schema of the case format from the Go types and
// compares it with schema/case.schema.json, so that the schema a non-Go
// system validates against cannot drift from the decoder. Run with -update
// after changing a record type.
func TestSchema(t *testing.T) {
	got := renderSchema(t)
	path := "schema/case.schema.json"
	if *update {
		if err := os.MkdirAll("schema", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSchema -update .)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("schema is out of date; run go test -run TestSchema -update . (-want +got):\n%s", diff)
	}
}

func renderSchema(t *testing.T) []byte {
	t.Helper()
	g := schemaGen{defs: map[string]any{}}
	root := g.schema(reflect.TypeFor[caseJSON]())
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/lookedafter/practice/schema/case.schema.json",
		"title":       "practice.Case",
		"description": "One looked-after child's whole record, as read by github.com/lookedafter/practice (DecodeCase), in format version 1. A cohort is a JSON array of cases or JSON Lines, one case per line. Dates are ISO 8601 YYYY-MM-DD; an empty string means unset. Codes are the DfE SSDA903 codes. Unknown fields are rejected.",
		"$defs":       g.defs,
	}
	maps := root.(map[string]any)
	for k, v := range maps {
		doc[k] = v
	}
	// The format version sits beside the case's own fields, and is
	// required: the decoder refuses a case without it, or of another
	// version.
	maps["properties"].(map[string]any)["format_version"] = map[string]any{
		"description": "The version of the library's JSON format; this library reads 1.",
		"enum":        []any{FormatVersion},
	}
	doc["required"] = []string{"format_version"}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type schemaGen struct {
	defs map[string]any
}

var (
	dateType        = reflect.TypeFor[care.Date]()
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
	familyType      = reflect.TypeFor[care.Family]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
)

func (g *schemaGen) schema(t reflect.Type) any {
	switch t {
	case dateType:
		return map[string]any{"type": "string", "pattern": `^([0-9]{4}-[0-9]{2}-[0-9]{2})?$`, "description": "ISO 8601 date, or empty for unset"}
	case decimalType:
		return map[string]any{"type": []string{"number", "string"}, "description": "decimal number"}
	case nullDecimalType:
		return map[string]any{"type": []string{"number", "string", "null"}, "description": "decimal number, or null when unknown"}
	case familyType:
		var names []string
		for f := range care.FamilyAll.Each {
			names = append(names, f.String())
		}
		return map[string]any{"type": "array", "uniqueItems": true, "items": map[string]any{"type": "string", "enum": names},
			"description": "record families; absent or empty for every family"}
	}
	if vals := enumValues(t); vals != nil {
		return map[string]any{"type": "string", "enum": append(vals, aliases[t]...)}
	}
	if t.Implements(textMarshaler) {
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.Struct:
		name := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:] + "." + t.Name()
		if t == reflect.TypeFor[caseJSON]() {
			return g.object(t)
		}
		if _, ok := g.defs[name]; !ok {
			g.defs[name] = true // placeholder against recursion
			g.defs[name] = g.object(t)
		}
		return map[string]any{"$ref": "#/$defs/" + name}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": []string{"array", "null"}, "items": g.schema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schema(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	for name, ft := range jsonFields(t) {
		props[name] = g.schema(ft)
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}

// enumValues lists the text forms of a small-integer enumeration (the
// library's kinds and states, such as care.VisitKind): every value from 0
// up that marshals, stopping at the first that does not, plus "" where the
// type accepts it. It returns nil for other types.
func enumValues(t reflect.Type) []string {
	if t.Kind() != reflect.Uint8 || !t.Implements(textMarshaler) || !reflect.PointerTo(t).Implements(textUnmarshaler) {
		return nil
	}
	seen := map[string]bool{}
	var vals []string
	if reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText(nil) == nil {
		vals, seen[""] = append(vals, ""), true
	}
	for i := range 256 {
		v := reflect.New(t).Elem()
		v.SetUint(uint64(i))
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			break
		}
		if s := string(b); !seen[s] {
			vals, seen[s] = append(vals, s), true
		}
	}
	return vals
}

// aliases are text forms a type accepts besides its own: the SSDA903 sex
// code's older numeric form.
var aliases = map[reflect.Type][]string{reflect.TypeFor[care.Sex](): {"1", "2"}}

// TestSchemaAcceptsCases checks the schema against real documents: every
// encoded synthetic case conforms, and documents with an unknown field, a
// code outside its list or a malformed date do not. The checker implements
// the subset of JSON Schema the generated schema uses.
func TestSchemaAcceptsCases(t *testing.T) {
	raw, err := os.ReadFile("schema/case.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	coh := Synthetic(SyntheticOptions{Seed: 8, Children: 25})
	for _, c := range coh.Cases {
		b, _ := EncodeCase(c)
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if errs := schemaCheck(schema, schema, doc, ""); len(errs) > 0 {
			t.Errorf("%s does not conform: %v", c.Care.Child.ID, errs[:min(3, len(errs))])
		}
	}
	bad := []struct{ name, doc, path string }{
		{"unknown field", `{"child":{"id":"C1","nmae":"x"}}`, "child.nmae"},
		{"code outside its list", `{"episodes":[{"start":"2025-01-06","legal_status":"C9"}]}`, "episodes[0].legal_status"},
		{"malformed date", `{"episodes":[{"start":"06/01/2025"}]}`, "episodes[0].start"},
		{"wrong type", `{"child":{"id":7}}`, "child.id"},
	}
	for _, tc := range bad {
		var doc any
		if err := json.Unmarshal([]byte(tc.doc), &doc); err != nil {
			t.Fatal(err)
		}
		errs := schemaCheck(schema, schema, doc, "")
		if len(errs) == 0 || !strings.Contains(strings.Join(errs, " "), tc.path) {
			t.Errorf("%s: schema errors %v, want one at %s", tc.name, errs, tc.path)
		}
	}
}

func schemaCheck(root, s map[string]any, v any, path string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return schemaCheck(root, root["$defs"].(map[string]any)[name].(map[string]any), v, path)
	}
	var errs []string
	if types, ok := s["type"]; ok && !schemaTypeOK(types, v) {
		return []string{path + ": wrong type"}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		errs = append(errs, path+": not in the enumeration")
	}
	if pat, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(pat).MatchString(str) {
			errs = append(errs, path+": does not match the pattern")
		}
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for k, val := range x {
			p := strings.TrimPrefix(path+"."+k, ".")
			sub, ok := props[k].(map[string]any)
			if !ok {
				if s["additionalProperties"] == false {
					errs = append(errs, p+": not allowed")
				} else if ap, ok := s["additionalProperties"].(map[string]any); ok {
					errs = append(errs, schemaCheck(root, ap, val, p)...)
				}
				continue
			}
			errs = append(errs, schemaCheck(root, sub, val, p)...)
		}
	case []any:
		if items, ok := s["items"].(map[string]any); ok {
			for i, val := range x {
				errs = append(errs, schemaCheck(root, items, val, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func schemaTypeOK(types any, v any) bool {
	var list []string
	switch ts := types.(type) {
	case string:
		list = []string{ts}
	case []any:
		for _, t := range ts {
			list = append(list, t.(string))
		}
	}
	for _, t := range list {
		switch x := v.(type) {
		case nil:
			if t == "null" {
				return true
			}
		case bool:
			if t == "boolean" {
				return true
			}
		case float64:
			if t == "number" || (t == "integer" && x == float64(int64(x))) {
				return true
			}
		case string:
			if t == "string" {
				return true
			}
		case []any:
			if t == "array" {
				return true
			}
		case map[string]any:
			if t == "object" {
				return true
			}
		}
	}
	return false
}
