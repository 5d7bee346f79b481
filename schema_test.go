package practice

import (
	"bytes"
	"encoding"
	"encoding/json"
	"flag"
	"os"
	"reflect"
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
	g := schemaGen{defs: map[string]any{}, enums: codeEnums()}
	root := g.schema(reflect.TypeFor[Case]())
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/lookedafter/practice/schema/case.schema.json",
		"title":       "practice.Case",
		"description": "One looked-after child's whole record, as read by github.com/lookedafter/practice (DecodeCase). A cohort is a JSON array of cases or JSON Lines, one case per line. Dates are ISO 8601 YYYY-MM-DD; an empty string means unset. Codes are the DfE SSDA903 codes. Unknown fields are rejected.",
		"$defs":       g.defs,
	}
	maps := root.(map[string]any)
	for k, v := range maps {
		doc[k] = v
	}
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
	defs  map[string]any
	enums map[reflect.Type][]string
}

var (
	dateType        = reflect.TypeFor[care.Date]()
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
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
	}
	if vals, ok := g.enums[t]; ok {
		return map[string]any{"type": "string", "enum": append([]string{""}, vals...)}
	}
	if t.Implements(textMarshaler) {
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schema(t.Elem())
	case reflect.Struct:
		name := t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:] + "." + t.Name()
		if t == reflect.TypeFor[Case]() {
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
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, _, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
				walk(f.Type)
				continue
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = g.schema(f.Type)
		}
	}
	walk(t)
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}

// codeEnums lists the values of every code type that has a list.
func codeEnums() map[reflect.Type][]string {
	m := map[reflect.Type][]string{}
	add := func(t reflect.Type, vals []string) {
		slices.Sort(vals)
		m[t] = vals
	}
	add(reflect.TypeFor[care.LegalStatus](), names(care.LegalStatuses()))
	add(reflect.TypeFor[care.PlacementType](), names(care.PlacementTypes()))
	add(reflect.TypeFor[care.PlacementProvider](), names(care.PlacementProviders()))
	add(reflect.TypeFor[care.ReasonNewEpisode](), names(care.NewEpisodeReasons()))
	add(reflect.TypeFor[care.ReasonEpisodeCeased](), names(care.CeasedReasons()))
	add(reflect.TypeFor[care.ReasonPlacementChange](), names(care.PlacementChangeReasons()))
	add(reflect.TypeFor[care.CategoryOfNeed](), names(care.CategoriesOfNeed()))
	add(reflect.TypeFor[care.MissingType](), names(care.MissingTypes()))
	add(reflect.TypeFor[care.Participation](), names(care.Participations()))
	add(reflect.TypeFor[care.Ethnicity](), names(care.Ethnicities()))
	sexes := names(care.Sexes())
	sexes = append(sexes, "1", "2") // the older numeric form is accepted too
	add(reflect.TypeFor[care.Sex](), sexes)
	return m
}

func names[T interface{ String() string }](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}
