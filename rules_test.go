package practice

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lookedafter/practice/care"
)

// catalogueIDs are the rule IDs of the catalogue (../shared/rules.md). IDs
// are API: none may disappear.
var catalogueIDs = strings.Fields(`
PLAN-01 PLAN-02 PLAN-03 PLAN-04 PLAN-05 PLAN-06 ASMT-01 ASMT-02 ASMT-03
VIS-01 VIS-02 VIS-03 VIS-04 VIS-05 VIS-06 VIS-07 VIS-08 VIS-09 VIS-10 VIS-11 VIS-12
HLTH-01 HLTH-02 HLTH-03 HLTH-04 EDU-01 EDU-02 EDU-03 MISS-01 MISS-02 MISS-03
STAB-01 STAB-02 STAB-03 STAB-04 CONN-01 LEAV-01 LEAV-02 LEAV-03 LEAV-04 ID-01
REV-01 REV-02 REV-03 REV-04 REV-05 REV-06 REV-07 REV-08 REV-09 REV-10
SUP-01 SUP-02 SUP-03 SUP-04 SUP-05
PERM-01 PERM-02 PERM-03 PERM-04 PERM-05 PERM-06 PERM-07 PERM-08
DRIFT-01`)

func TestRulesCatalogue(t *testing.T) {
	rules := Rules()
	seen := map[care.RuleID]bool{}
	for _, r := range rules {
		if seen[r.ID] {
			t.Errorf("rule %s appears twice", r.ID)
		}
		seen[r.ID] = true
		if r.Title == "" || r.Citation.Instrument == "" || r.Severity == care.SeverityUnknown || r.Domain == care.DomainUnknown || r.Package == "" {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
	}
	ids := slices.Clone(catalogueIDs)
	// Where the shared catalogue is beside the repository (as in CI), read
	// the IDs from it too.
	if b, err := os.ReadFile("../shared/rules.md"); err == nil {
		for _, m := range regexp.MustCompile(`(?m)^\| ([A-Z]+-[0-9]+) \|`).FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	for _, id := range ids {
		if !seen[care.RuleID(id)] {
			t.Errorf("catalogue rule %s is not implemented", id)
		}
	}
	// Each rule names the file that decides it, and that file names the
	// rule's ID constant (care.VIS03, review.REV01, …): one hop from the ID
	// to its decision.
	for _, r := range rules {
		src, err := os.ReadFile(r.File)
		if err != nil {
			t.Errorf("rule %s: File %q: %v", r.ID, r.File, err)
			continue
		}
		constant := strings.ReplaceAll(string(r.ID), "-", "")
		if !regexp.MustCompile(`\b` + constant + `\b`).Match(src) {
			t.Errorf("rule %s: %s does not name %s", r.ID, r.File, constant)
		}
	}
	// A fresh slice every call.
	rules[0].Title = "changed"
	if Rules()[0].Title == "changed" {
		t.Error("Rules() returned shared memory")
	}
}

// TestRulesMarkdown renders the catalogue into RULES.md, so that the
// documentation cannot drift from the code: go test -run TestRulesMarkdown
// -update . rewrites it.
func TestRulesMarkdown(t *testing.T) {
	got := renderRules(Rules())
	if *update {
		if err := os.WriteFile("RULES.md", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("RULES.md")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("RULES.md is out of date; run go test -run TestRulesMarkdown -update . (-want +got):\n%s", diff)
	}
}

func renderRules(rules []care.Rule) string {
	var b strings.Builder
	b.WriteString("# Rule catalogue\n\n")
	b.WriteString("Generated from `practice.Rules()` by `go test -run TestRulesMarkdown -update .`; do not edit by hand.\n")
	b.WriteString("Rule IDs are stable API: never renamed, renumbered or reused.\n\n")
	b.WriteString("Severity: `statutory` (a duty in an Act or regulations), `guidance` (statutory guidance), `local` (a local\n")
	b.WriteString("practice standard; its default may be made stricter, never looser than any statutory floor).\n")
	b.WriteString("Reads: the record families the rule reads besides the child and episodes; a case whose data does not carry\n")
	b.WriteString("them (`Case.Coverage`, such as a case read from the SSDA903 return) is not assessed on the rule.\n")
	pkg := ""
	for _, r := range rules {
		if r.Package != pkg {
			pkg = r.Package
			fmt.Fprintf(&b, "\n## %s\n\n", pkg)
			b.WriteString("| ID | Rule | Default | Severity | Domain | In force | Source | Policy fields | Reads | Decided in |\n")
			b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
		}
		source := r.Citation.String()
		if r.Citation.URL != "" {
			source = "[" + source + "](" + r.Citation.URL + ")"
		}
		inForce := "always"
		switch {
		case !r.InForce.Start.IsZero() && !r.InForce.End.IsZero():
			inForce = r.InForce.Start.String() + " to " + r.InForce.End.String()
		case !r.InForce.Start.IsZero():
			inForce = "from " + r.InForce.Start.String()
		case !r.InForce.End.IsZero():
			inForce = "until " + r.InForce.End.String()
		}
		reads := strings.ReplaceAll((r.Reads &^ care.FamilyEpisodes).String(), "|", ", ")
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | [%s](%s) |\n", r.ID, cell(r.Title), cell(r.Default), r.Severity, r.Domain, inForce,
			cell(source), cell(strings.Join(r.Policy, ", ")), cell(reads), r.File, r.File)
	}
	return b.String()
}

func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
