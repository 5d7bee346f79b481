package main

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/timeline"
)

// This file writes -format html: the cohort report as one self-contained
// page (inline CSS and SVG; no scripts, no fetches, which its
// Content-Security-Policy enforces) for a manager to read in a browser, on
// a phone or on paper. It holds the drift list, each drifting child with
// its live items and its timeline (package timeline), then timeliness by
// rule, team and office and the live items by domain, each as a bar chart
// with its numbers beside it. The numbers are those of -format json.

// writeHTML writes the page. The cohort was assessed with the drift
// findings only (reports discarded), so each listed child's case is read
// again from its source, found by the record's place there, and
// re-assessed with the same standards to draw its timeline. Standard input
// cannot be read twice: a child that came from it is listed without a
// timeline, and the page says why.
func writeHTML(w io.Writer, rep practice.CohortReport, top int, std practice.Standards, sources []source, origins []origin) error {
	drifting := rep.Drifting()
	drifting = drifting[:min(top, len(drifting))]
	page := htmlPage{
		AsOf: rep.AsOf.Format(), Assessed: rep.Assessed, Invalid: rep.Invalid, Flagged: rep.Flagged,
		Live: rep.Live, Binding: rep.Binding, Statutory: rep.Statutory, Shown: len(drifting),
		NotAssessed: notAssessed(rep),
	}

	// Where each listed child's record is: its source and place there.
	want := map[origin]int{} // record → rank - 1
	for i, d := range drifting {
		res := childResult(rep, d.ChildID)
		o := origins[res.Index]
		want[origin{source: o.source, record: o.record}] = i
	}
	cases := make([]*practice.Case, len(drifting))
	for _, src := range sources {
		if !wanted(want, src.name) || src.name == "standard input" {
			continue
		}
		rc, err := src.open()
		if err != nil {
			continue // reported when the cohort was read
		}
		n := 0
		for c, err := range practice.ReadCohort(rc) {
			if errors.Is(err, practice.ErrEmpty) {
				continue
			}
			if i, ok := want[origin{source: src.name, record: n}]; ok && err == nil && c.Care.Child.ID == drifting[i].ChildID && cases[i] == nil {
				cases[i] = &c
			}
			n++
		}
		rc.Close()
	}

	cal := care.EnglandAndWales()
	for i, d := range drifting {
		res := childResult(rep, d.ChildID)
		ch := htmlChild{Rank: i + 1, ID: d.ChildID, Team: nonEmpty(res.Team), Office: nonEmpty(res.Office), Why: d.Why(),
			MissedLastYear: d.MissedLastYear}
		for _, dom := range d.Domains {
			ch.Domains = append(ch.Domains, dom.String())
		}
		for _, f := range d.Findings {
			ch.Findings = append(ch.Findings, htmlFinding{Rule: string(f.Rule()), Overdue: plural(f.DaysLate(rep.AsOf), "day", "days"),
				Due: f.Due.Format(), Subject: f.Subject(), Citation: f.Citation().Short(), Message: f.Message()})
		}
		if cases[i] == nil {
			ch.NoTimeline = "Timeline not drawn: this case was read from standard input, which cannot be read a second time. Give the file by name to see it."
		} else {
			r, err := practice.Assess(*cases[i], rep.AsOf, std, cal)
			var b bytes.Buffer
			if err == nil {
				err = timeline.SVG(&b, *cases[i], r, rep.AsOf, timeline.Options{})
			}
			if err != nil {
				return fmt.Errorf("child %s: timeline: %w", d.ChildID, err)
			}
			// The SVG is the timeline package's, every piece of text in it
			// escaped there.
			ch.Timeline = template.HTML(b.String())
		}
		page.Children = append(page.Children, ch)
	}

	for _, r := range rep.Rates {
		detail := fmt.Sprintf("%d of %d on time; late %d, overdue %d, missed %d, breach %d", r.Met, r.Applicable, r.Late, r.Overdue, r.Missed, r.Breach)
		if r.Late > 0 {
			detail += "; median " + r.MedianDaysLate.StringFixed(1) + " days late"
		}
		page.Rules = append(page.Rules, rateBar("rule", string(r.Rule), r.Title, r.Rate, detail))
	}
	for _, g := range []struct {
		kind   string
		groups []practice.GroupRates
		out    *[]htmlBar
	}{{"team", rep.ByTeam, &page.Teams}, {"office", rep.ByOffice, &page.Offices}} {
		for _, gr := range g.groups {
			detail := fmt.Sprintf("%d of %d on time; %s, %d flagged", gr.Met, gr.Applicable, plural(gr.Children, "child", "children"), gr.Flagged)
			if weak := weakest(gr.Rates, 3); weak != "" {
				detail += "; weakest " + weak
			}
			*g.out = append(*g.out, rateBar(g.kind, nonEmpty(gr.Group), "", gr.Rate, detail))
		}
	}
	most := 0
	for _, d := range rep.LiveByDomain {
		most = max(most, d.Live)
	}
	for _, d := range rep.LiveByDomain {
		b := htmlBar{Kind: "domain", Key: d.Domain.String(), Value: strconv.Itoa(d.Live), Width: "0"}
		if most > 0 {
			b.Width = decimal.NewFromInt(int64(100*d.Live)).DivRound(decimal.NewFromInt(int64(most)), 1).String()
		}
		page.Domains = append(page.Domains, b)
	}
	t, err := template.New("page").Funcs(template.FuncMap{"join": join}).Parse(pageHTML)
	if err != nil {
		return err
	}
	return t.Execute(w, page)
}

// wanted reports whether any wanted record is in the source named name.
func wanted(want map[origin]int, name string) bool {
	for o := range want {
		if o.source == name {
			return true
		}
	}
	return false
}

// rateBar is the bar of a timeliness rate (a percentage).
func rateBar(kind, key, title string, rate decimal.Decimal, detail string) htmlBar {
	return htmlBar{Kind: kind, Key: key, Title: title, Value: rate.StringFixed(1) + "%", Width: rate.StringFixed(1), Detail: detail}
}

// htmlPage is what the page template reads.
type htmlPage struct {
	AsOf                                                        string
	Assessed, Invalid, Flagged, Live, Binding, Statutory, Shown int
	Children                                                    []htmlChild
	Rules, Teams, Offices, Domains                              []htmlBar
	NotAssessed                                                 []string
}

// htmlChild is one child of the drift list.
type htmlChild struct {
	Rank             int
	ID, Team, Office string
	Why              string
	Domains          []string
	MissedLastYear   int
	Findings         []htmlFinding
	Timeline         template.HTML
	NoTimeline       string
}

// htmlFinding is one live item of a drifting child.
type htmlFinding struct {
	Rule, Overdue, Due, Subject, Citation, Message string
}

// htmlBar is one bar of a chart: its key (rule, team, office or domain),
// the value written beside it, its length as a percentage of the track,
// and the numbers behind it.
type htmlBar struct {
	Kind, Key, Title string
	Value, Width     string
	Detail           string
}

// join is the template's strings.Join.
func join(xs []string) string { return strings.Join(xs, ", ") }

// pageHTML is the page's template: inline CSS (a print stylesheet and a
// layout for phone widths), no scripts.
const pageHTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Casework as of {{.AsOf}}</title>
<style>
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --bar: #0072B2; --track: #e8e8e8; --warn: #D55E00; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 0 0 0.3rem; }
p.note { color: var(--muted); margin: 0.3rem 0 0.8rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.6rem; margin: 1rem 0; }
.summary div { border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem 0.7rem; }
.summary strong { display: block; font-size: 1.5rem; }
.child { border: 1px solid var(--rule); border-left: 6px solid var(--warn); border-radius: 4px; padding: 0.8rem; margin: 1rem 0; }
.child .meta { color: var(--muted); margin: 0.2rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--rule); }
th { background: #f4f4f4; }
td.rule { white-space: nowrap; font-weight: bold; }
figure.timeline { margin: 0.8rem 0 0; overflow-x: auto; }
figure.timeline svg { width: 100%; min-width: 40rem; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.85rem; }
.chart { margin: 0.5rem 0 1rem; }
.row { display: grid; grid-template-columns: minmax(8rem, 16rem) minmax(6rem, 1fr) 4.5rem; gap: 0.2rem 0.8rem; align-items: center; padding: 0.25rem 0; border-bottom: 1px solid #eee; }
.row .label { font-weight: bold; }
.row .label small { display: block; font-weight: normal; color: var(--muted); }
.track { background: var(--track); height: 0.9rem; border-radius: 2px; }
.fill { background: var(--bar); height: 100%; border-radius: 2px; }
.value { text-align: right; font-variant-numeric: tabular-nums; font-weight: bold; }
.detail { grid-column: 2 / 4; color: var(--muted); font-size: 0.85rem; }
footer { color: var(--muted); font-size: 0.85rem; margin: 2rem 0 1rem; }
@media (max-width: 40rem) {
  main { padding: 0.6rem; }
  .row { grid-template-columns: 1fr 4.5rem; }
  .row .track { grid-column: 1 / 3; grid-row: 2; }
  .detail { grid-column: 1 / 3; }
  table, thead, tbody, tr, td { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--rule); padding: 0.3rem 0; }
  td { border: 0; padding: 0.1rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .child, .row, figure.timeline { break-inside: avoid; }
  figure.timeline { overflow: visible; }
  figure.timeline svg { min-width: 0; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
<body>
<main>
<h1>Casework as of {{.AsOf}}</h1>
<p class="note">Synthetic or authority data assessed by the practice library. A finding is a prompt to look, not a judgement about a child's care.</p>
<div class="summary">
<div><strong>{{.Assessed}}</strong> children assessed</div>
{{if .Invalid}}<div><strong>{{.Invalid}}</strong> records could not be assessed</div>{{end}}
<div><strong>{{.Flagged}}</strong> flagged for drift (DRIFT-01)</div>
<div><strong>{{.Live}}</strong> live items (overdue, still owed today)</div>
<div><strong>{{.Binding}}</strong> statutory or guidance ({{.Statutory}} statutory)</div>
</div>
{{range .NotAssessed}}<p class="note">{{.}}</p>
{{end}}<nav aria-label="Sections"><ul>
<li><a href="#drift">Children drifting most</a></li>
<li><a href="#rules">Timeliness by rule</a></li>
<li><a href="#teams">By team</a></li>
<li><a href="#offices">By office</a></li>
<li><a href="#domains">Live items by domain</a></li>
</ul></nav>

<section id="drift">
<h2>Children drifting most</h2>
<p class="note">Worst first, showing {{.Shown}} of {{.Flagged}}. Ranked by: a live statutory or guidance item; then the oldest such item; then how many; then domains. Each timeline shows the child's placements, legal status, reviews, visits, health and education records and permanence stages, and every finding on its due date: met ●, late ▲, overdue ◆, missed ■, upcoming ○.</p>
{{range .Children}}
<article class="child" id="child-{{.ID}}">
<h3>{{.Rank}}. <span class="child-id">{{.ID}}</span></h3>
<p class="meta">{{.Team}}, {{.Office}} office</p>
<p><strong>Why:</strong> {{.Why}}</p>
<p><strong>Domains:</strong> {{join .Domains}}; missed in the last 12 months: {{.MissedLastYear}}</p>
<table>
<thead><tr><th>Rule</th><th>Overdue</th><th>Due</th><th>Record</th><th>Citation</th><th>What is owed</th></tr></thead>
<tbody>
{{range .Findings}}<tr><td class="rule">{{.Rule}}</td><td data-label="Overdue">{{.Overdue}}</td><td data-label="Due">{{.Due}}</td><td data-label="Record">{{.Subject}}</td><td data-label="Citation">{{.Citation}}</td><td>{{.Message}}</td></tr>
{{end}}</tbody>
</table>
{{if .Timeline}}<figure class="timeline">
{{.Timeline}}
<figcaption>Timeline of child {{.ID}}: hover over a mark for its rule, dates and message.</figcaption>
</figure>{{else}}<p class="note">{{.NoTimeline}}</p>{{end}}
</article>
{{else}}
<p>{{if .Flagged}}None listed: -top is 0.{{else}}No child is flagged for drift.{{end}}</p>
{{end}}
</section>

<section id="rules">
<h2>Timeliness by rule</h2>
<p class="note">Per cent met on time of the obligations that fell due (upcoming ones excluded); median days late is over the late ones.</p>
<div class="chart">
{{range .Rules}}{{template "bar" .}}{{end}}
</div>
</section>

<section id="teams">
<h2>Timeliness by team</h2>
<p class="note">All rules; weakest three rules with at least 10 due.</p>
<div class="chart">
{{range .Teams}}{{template "bar" .}}{{end}}
</div>
</section>

<section id="offices">
<h2>Timeliness by office</h2>
<p class="note">All rules; weakest three rules with at least 10 due.</p>
<div class="chart">
{{range .Offices}}{{template "bar" .}}{{end}}
</div>
</section>

<section id="domains">
<h2>Live items by domain</h2>
<p class="note">Overdue items still owed today, by area of practice; bars are scaled to the largest.</p>
<div class="chart">
{{range .Domains}}{{template "bar" .}}{{end}}
</div>
</section>

<footer>Casework as of {{.AsOf}}. Generated by the practice library's casework example; no personal data beyond child IDs.</footer>
</main>
</body>
</html>
{{define "bar"}}<div class="row" data-kind="{{.Kind}}" data-key="{{.Key}}">
<div class="label">{{.Key}}{{if .Title}}<small>{{.Title}}</small>{{end}}</div>
<div class="track"><div class="fill" style="width: {{.Width}}%"></div></div>
<div class="value">{{.Value}}</div>
{{if .Detail}}<div class="detail">{{.Detail}}</div>{{end}}
</div>
{{end}}`
