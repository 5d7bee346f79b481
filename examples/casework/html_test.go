package main

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/examples/internal/cohort"
)

// jsonOut is the part of -format json the page is checked against.
type jsonOut struct {
	AsOf     care.Date `json:"as_of"`
	Drifting []struct {
		ChildID string `json:"child_id"`
	} `json:"drifting"`
	Rates []struct {
		Rule care.RuleID     `json:"rule"`
		Rate decimal.Decimal `json:"rate"`
	} `json:"rates"`
	ByTeam []struct {
		Group string          `json:"group"`
		Rate  decimal.Decimal `json:"rate"`
	} `json:"by_team"`
	ByOffice []struct {
		Group string          `json:"group"`
		Rate  decimal.Decimal `json:"rate"`
	} `json:"by_office"`
	LiveByDomain []struct {
		Domain string `json:"domain"`
		Live   int    `json:"live"`
	} `json:"live_by_domain"`
}

// runOK runs the program and fails t unless it exits 0.
func runOK(t *testing.T, stdin string, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(args, strings.NewReader(stdin), &out, &errOut); code != exitOK {
		t.Fatalf("run(%q) = %d; stderr:\n%s", args, code, errOut.String())
	}
	return out.Bytes()
}

// readJSON runs the program with -format json and the same arguments.
func readJSON(t *testing.T, args ...string) jsonOut {
	t.Helper()
	var out jsonOut
	if err := json.Unmarshal(runOK(t, "", append([]string{"-format", "json"}, args...)...), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	rowRE  = regexp.MustCompile(`<div class="row" data-kind="([a-z]+)" data-key="([^"]*)">(?s:.*?)<div class="value">([^<]*)</div>`)
	svgRE  = regexp.MustCompile(`(?s)<svg [^>]*data-child="([^"]*)".*?</svg>`)
	markRE = regexp.MustCompile(`class="finding [a-z]+"`)
	tagRE  = regexp.MustCompile(`(?s)<[^>]*>`)
)

// pageText is the text of a page (or of the DOM a browser made of it):
// its tags dropped and its entities decoded.
func pageText(page string) string { return html.UnescapeString(tagRE.ReplaceAllString(page, " ")) }

// checkPage checks a page (as written, or as the browser's DOM) against the
// JSON output of the same run: every drifting child's ID in its text,
// every rate and count beside its bar the same as in the JSON, and each
// timeline with one mark for each of its child's findings with a due
// date. It returns the number of timelines.
func checkPage(t *testing.T, page string, js jsonOut) int {
	t.Helper()
	text := pageText(page)
	for _, d := range js.Drifting {
		if !strings.Contains(text, d.ChildID) {
			t.Errorf("the page's text does not hold drifting child %s", d.ChildID)
		}
	}
	values := map[string]string{}
	for _, m := range rowRE.FindAllStringSubmatch(page, -1) {
		values[m[1]+" "+html.UnescapeString(m[2])] = strings.TrimSpace(m[3])
	}
	rate := func(key string, want decimal.Decimal) {
		got, ok := values[key]
		if !ok {
			t.Errorf("the page has no bar for %s", key)
			return
		}
		d, err := decimal.NewFromString(strings.TrimSuffix(got, "%"))
		if err != nil || !d.Equal(want) {
			t.Errorf("the page gives %s %q, the JSON %s%%", key, got, want)
		}
	}
	for _, r := range js.Rates {
		rate("rule "+string(r.Rule), r.Rate)
	}
	for _, g := range js.ByTeam {
		rate("team "+nonEmpty(g.Group), g.Rate)
	}
	for _, g := range js.ByOffice {
		rate("office "+nonEmpty(g.Group), g.Rate)
	}
	for _, d := range js.LiveByDomain {
		rate("domain "+d.Domain, decimal.NewFromInt(int64(d.Live)))
	}
	if n := len(js.Rates) + len(js.ByTeam) + len(js.ByOffice) + len(js.LiveByDomain); len(values) != n {
		t.Errorf("the page has %d bars, the JSON %d values", len(values), n)
	}

	cases, err := cohort.Cases()
	if err != nil {
		t.Fatal(err)
	}
	svgs := svgRE.FindAllStringSubmatch(page, -1)
	for _, m := range svgs {
		c, ok := findCase(cases, m[1])
		if !ok {
			t.Errorf("a timeline of child %q, who is not in the cohort", m[1])
			continue
		}
		rep, err := practice.Assess(c, js.AsOf, practice.Standards{}, care.EnglandAndWales())
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, f := range rep {
			if !f.Due.IsZero() {
				want++
			}
		}
		if got := len(markRE.FindAllString(m[0], -1)); got != want {
			t.Errorf("timeline of %s: %d marks, want %d (its findings with a due date)", m[1], got, want)
		}
	}
	return len(svgs)
}

func findCase(cases []practice.Case, id string) (practice.Case, bool) {
	for _, c := range cases {
		if c.Care.Child.ID == id {
			return c, true
		}
	}
	return practice.Case{}, false
}

// TestHTML checks the page as written against the JSON of the same run,
// and that it is self-contained: no scripts, and nothing it would fetch.
func TestHTML(t *testing.T) {
	page := string(runOK(t, "", "-format", "html", "-top", "4"))
	js := readJSON(t, "-top", "4")
	if n := checkPage(t, page, js); n != 4 {
		t.Errorf("%d timelines, want 4", n)
	}
	for _, bad := range []string{"<script", "src=", "url(", "@import", "<link", "http://", "https://"} {
		page := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q: it must not fetch anything or run scripts", bad)
		}
	}
	for _, want := range []string{"Content-Security-Policy", "@media print", "@media (max-width", `name="viewport"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}
}

// TestHTMLSources checks that the timelines of the listed children are
// drawn from a cohort file given by name, and that a cohort read from
// standard input, which cannot be read twice, gives the list without
// them, saying why.
func TestHTMLSources(t *testing.T) {
	data, err := cohort.JSONL()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cohort.jsonl")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fromFile := string(runOK(t, "", "-format", "html", "-top", "2", file))
	if n := len(svgRE.FindAllString(fromFile, -1)); n != 2 {
		t.Errorf("from a file: %d timelines, want 2", n)
	}
	fromStdin := string(runOK(t, string(data), "-format", "html", "-top", "2", "-"))
	if n := len(svgRE.FindAllString(fromStdin, -1)); n != 0 {
		t.Errorf("from standard input: %d timelines, want 0", n)
	}
	if n := strings.Count(fromStdin, "read from standard input, which cannot be read a second time"); n != 2 {
		t.Errorf("from standard input: %d notes on the missing timelines, want 2", n)
	}
}
