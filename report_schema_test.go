package practice

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

// statusMeanings says what each finding status means, for the report
// schema; TestReportSchema checks that it covers every status.
var statusMeanings = map[care.Status]string{
	care.Met:      "done on or before the due date",
	care.Late:     "done, after the due date",
	care.Overdue:  "not done, past its due date, and still owed on the as-of date: someone can act on it today (a live item)",
	care.Missed:   "not done, and its window has closed, so it can no longer be met: the placement ended, the child left care, the next occurrence took its place",
	care.Upcoming: "not yet due; the due date is given",
	care.Breach:   "a rule about content or quality, not a timescale, is not satisfied; the message says what is missing",
}

// renderReportSchema describes the JSON of a care.Report, the statuses and
// their meanings taken from the code.
func renderReportSchema(t *testing.T) []byte {
	t.Helper()
	var statuses []any
	desc := "The outcome of the rule for one obligation."
	for s := care.Met; ; s++ {
		text, err := s.MarshalText()
		if err != nil {
			break
		}
		m, ok := statusMeanings[s]
		if !ok {
			t.Fatalf("status %v has no meaning in statusMeanings", s)
		}
		statuses = append(statuses, string(text))
		desc += " " + string(text) + ": " + m + "."
	}
	date := map[string]any{"type": "string", "pattern": `^(\d{4}-\d{2}-\d{2})?$`}
	str := map[string]any{"type": "string"}
	evidence := map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
		"label": str, "date": date, "ref": str}}
	finding := map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
		"rule": str, "title": str,
		"severity": map[string]any{"enum": []any{"local", "guidance", "statutory"}},
		"domain":   str,
		"citation": map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
			"instrument": str, "provision": str, "url": str, "abbrev": str}},
		"subject": map[string]any{"type": "string", "description": "The record path of what the finding is about (\"visits[3]\"), or \"child\"."},
		"status":  map[string]any{"enum": statuses, "description": desc},
		"due":     date, "done": date,
		"closed": map[string]any{"type": "string", "pattern": `^(\d{4}-\d{2}-\d{2})?$`,
			"description": "For a missed finding, the day its window closed; the evidence says what closed it."},
		"deadline": map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
			"anchor": date, "anchor_label": str, "count": map[string]any{"type": "integer"}, "unit": str}},
		"message":  map[string]any{"type": "string", "description": "About this child: what was due, from what, and what happened."},
		"evidence": map[string]any{"type": "array", "items": evidence},
	}}
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/lookedafter/practice/schema/report.schema.json",
		"title":       "care.Report",
		"description": "One child's findings, as care.Report and practice.Assess write them, in format version 1.",
		"type":        "object", "additionalProperties": false, "required": []string{"format_version", "findings"},
		"properties": map[string]any{
			"format_version": map[string]any{"enum": []any{FormatVersion}},
			"findings":       map[string]any{"type": "array", "items": finding},
		},
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

// TestReportSchema keeps schema/report.schema.json equal to what the code
// says (go test -run TestReportSchema -update . rewrites it), and checks
// real reports against it.
func TestReportSchema(t *testing.T) {
	got := renderReportSchema(t)
	path := "schema/report.schema.json"
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestReportSchema -update .)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("report schema is out of date; run go test -run TestReportSchema -update . (-want +got):\n%s", diff)
	}
	var schema map[string]any
	if err := json.Unmarshal(want, &schema); err != nil {
		t.Fatal(err)
	}
	coh := Synthetic(SyntheticOptions{Seed: 8, Children: 10})
	seen := map[care.Status]bool{}
	for _, c := range coh.Cases {
		rep, err := Assess(c, coh.AsOf, Standards{}, care.EnglandAndWales())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep {
			seen[f.Status] = true
		}
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		if errs := schemaCheck(schema, schema, doc, ""); len(errs) > 0 {
			t.Errorf("%s's report does not conform: %v", c.Care.Child.ID, errs[:min(3, len(errs))])
		}
	}
	for s := range statusMeanings {
		if !seen[s] {
			t.Logf("no %v finding in the sample", s)
		}
	}
}
