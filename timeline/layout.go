package timeline

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice/care"
)

// draw lays the picture out, top to bottom, and writes it to p.out: the
// lanes first into a buffer of their own, since the height goes in the
// opening tag.
func (p *picture) draw() {
	x0 := labelColumn + margin
	ax := newAxis(p.lo, p.hi, x0, p.width-x0-margin)

	var body svg
	y := p.heading(&body, 4, "Child "+p.id+": care and findings as of "+p.asOf.Format(), 14)
	y += 22
	y = p.legend(&body, y)

	// The as-of date's label, on a row of its own above the axis, kept
	// inside the plot.
	y += 16
	asOfText := "as of " + p.asOf.Format()
	ax0 := min(max(ax.x(p.asOf), x0+textWidth(asOfText)/2), p.width-margin-textWidth(asOfText)/2)
	body.label(ax0, y, "middle", asOfText, "class", "as-of-label", "font-weight", "bold")
	asOfTop := y + 4

	// The axis: a label to the right of each tick but the last.
	y += 16
	ticks := ax.ticks()
	for _, t := range ticks[:len(ticks)-1] {
		body.label(ax.x(t)+tickLabelPad, y, "start", ax.label(t), "class", "tick-label", "fill", "#444444")
	}
	top := y + 6

	// Lanes: measure first, so that the grid can be drawn under them.
	type placed struct {
		y, h float64
		rows []int // for a lane of findings, the row of each mark
	}
	all := append(append([]lane(nil), p.lanes...), p.found...)
	pos := make([]placed, len(all))
	cursor := top
	for i, l := range all {
		if i == len(p.lanes) {
			cursor += 22 // the heading of the findings
		}
		h := barHeight
		switch {
		case len(l.marks) > 0:
			rows, n := packRows(ax, l.marks)
			pos[i].rows = rows
			h = float64(n) * markRow
		case len(l.bars) == 0:
			h = tickHeight
		}
		pos[i].y, pos[i].h = cursor, h
		cursor += h + laneGap
	}
	bottom := cursor

	// Stripes behind every other lane, and the grid.
	for i := range all {
		if i%2 == 0 {
			body.leaf("rect", "", "x", num(labelX-4), "y", num(pos[i].y-laneGap/2), "width", num(p.width-labelX+4-margin/2),
				"height", num(pos[i].h+laneGap), "fill", "#F4F4F4")
		}
	}
	for _, t := range ticks {
		body.leaf("line", "", "x1", num(ax.x(t)), "y1", num(top-14), "x2", num(ax.x(t)), "y2", num(bottom),
			"stroke", "#CCCCCC", "stroke-width", "1")
	}
	if len(p.found) > 0 {
		body.label(labelX, pos[len(p.lanes)].y-10, "start", "Findings on their due dates", "font-weight", "bold", "class", "heading")
	}

	for i, l := range all {
		ly, lh := pos[i].y, pos[i].h
		body.label(labelX, ly+lh/2+4, "start", l.label, "class", "lane-label")
		for _, b := range l.bars {
			x1, x2 := ax.x(b.from), max(ax.x(b.to), ax.x(b.from)+1)
			kv := []string{"class", b.class, "x", num(x1), "y", num(ly), "width", num(x2 - x1), "height", num(barHeight), "fill", b.fill}
			if b.stroke != "" {
				kv = append(kv, "stroke", b.stroke)
			}
			body.leaf("rect", b.tip, kv...)
			if textWidth(b.label)+2*tickLabelPad <= x2-x1 {
				body.label(x1+tickLabelPad, ly+barHeight/2+4, "start", b.label, "fill", b.ink, "pointer-events", "none")
			}
		}
		for _, t := range l.notches {
			body.leaf("rect", t.tip, "class", t.class, "x", num(ax.x(t.on)-1), "y", num(ly), "width", "2",
				"height", num(barHeight/2), "fill", "#000000")
		}
		for _, t := range l.ticks {
			th := tickHeight
			if t.short {
				th = tickHeight / 2
			}
			body.leaf("rect", t.tip, "class", "record "+t.class, "x", num(ax.x(t.on)-1), "y", num(ly+tickHeight-th),
				"width", "2", "height", num(th), "fill", "#333333")
		}
		for k, f := range l.marks {
			body.mark(f.Status, ax.x(f.Due), ly+markRow/2+float64(pos[i].rows[k])*markRow, "finding "+f.Status.String(),
				findingTip(f), "data-rule", string(f.Rule()), "data-due", f.Due.String())
		}
	}

	// The as-of line, over the lanes.
	body.leaf("line", "As of "+p.asOf.Format(), "class", "as-of", "x1", num(ax.x(p.asOf)), "y1", num(asOfTop),
		"x2", num(ax.x(p.asOf)), "y2", num(bottom), "stroke", okabeBlack, "stroke-width", "1.5", "stroke-dasharray", "5 3")

	// The findings with no due date, listed: each rule's failures on a
	// line (every message in its tooltip), and the checks met counted.
	y = bottom + 10
	if len(p.undated) > 0 {
		y = p.heading(&body, y, "Not placed on the timeline (no due date): "+plural(len(p.undated), "finding"), fontSize)
		width := int((p.width - labelX - margin - 16) / charWidth)
		for _, g := range groupUndated(p.undated) {
			body.open("g", "class", "undated "+g.status.String(), "data-rule", string(g.rule))
			body.title(g.tip())
			for k, line := range wrap(g.line(), width) {
				y += 16
				x := labelX
				if k > 0 {
					x += 16
				}
				body.label(x, y, "start", line)
			}
			body.close("g")
		}
	}
	height := y + 12

	p.out.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "timeline", "data-child", p.id,
		"width", num(p.width), "height", num(height), "viewBox", "0 0 "+num(p.width)+" "+num(height), "role", "img",
		"font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif", "font-size", strconv.Itoa(fontSize))
	p.out.WriteByte('\n')
	p.out.title("Timeline of child " + p.id + " as of " + p.asOf.Format())
	p.out.WriteByte('\n')
	p.out.WriteString("<desc>")
	p.out.text(p.describe(ax))
	p.out.WriteString("</desc>\n")
	p.out.leaf("rect", "", "width", "100%", "height", "100%", "fill", "#FFFFFF")
	p.out.Write(body.Bytes())
	p.out.close("svg")
}

// heading writes s in bold at the given size, on as many lines below y as
// it needs to fit the width, and returns the y of its last line.
func (p *picture) heading(b *svg, y float64, s string, size int) float64 {
	scale := float64(size) / fontSize
	for _, line := range wrap(s, int((p.width-labelX-margin)/(charWidth*scale))) {
		y += float64(size) + 6
		b.label(labelX, y, "start", line, "font-size", strconv.Itoa(size), "font-weight", "bold", "class", "heading")
	}
	return y
}

// legend draws the key to the marks on the row at y and returns the y of
// the next row. Items go on to a second row when the picture is narrow.
func (p *picture) legend(b *svg, y float64) float64 {
	x := labelX + markSize/2
	for _, sl := range statusLooks {
		name := sl.status.String()
		w := markSize + 4 + textWidth(name) + 14
		if x+w > p.width-margin {
			x = labelX + markSize/2
			y += 18
		}
		b.mark(sl.status, x, y-4, "legend", name+": "+sl.look.shape)
		b.label(x+markSize/2+4, y, "start", name, "class", "legend-label")
		x += w
	}
	const line = "as-of date"
	if x+24+textWidth(line) > p.width-margin {
		x = labelX
		y += 18
	}
	b.leaf("line", "", "x1", num(x), "y1", num(y-9), "x2", num(x), "y2", num(y+2), "stroke", okabeBlack,
		"stroke-width", "1.5", "stroke-dasharray", "5 3")
	b.label(x+6, y, "start", line, "class", "legend-label")
	return y
}

// packRows gives each mark (sorted by due date) the first row of its lane
// in which it does not touch the mark before it, and returns the rows and
// how many there are.
func packRows(ax axis, fs []care.Finding) ([]int, int) {
	rows := make([]int, len(fs))
	var last []float64 // the x of the last mark in each row
	for i, f := range fs {
		x := ax.x(f.Due)
		r := 0
		for r < len(last) && x-last[r] < markSize+markGap {
			r++
		}
		if r == len(last) {
			last = append(last, x)
		}
		last[r] = x
		rows[i] = r
	}
	return rows, max(len(last), 1)
}

// findingTip is a finding's tooltip: "VIS-02 overdue, due 4 July 2025: no
// visit yet; …", with the date it was done when it was.
func findingTip(f care.Finding) string {
	var b strings.Builder
	b.WriteString(string(f.Rule()))
	b.WriteByte(' ')
	b.WriteString(f.Status.String())
	if !f.Due.IsZero() {
		b.WriteString(", due ")
		b.WriteString(f.Due.Format())
	}
	if !f.Done.IsZero() {
		b.WriteString(", done ")
		b.WriteString(f.Done.Format())
	}
	b.WriteString(": ")
	b.WriteString(f.Message())
	return b.String()
}

// describe is the picture's description in words, for its <desc>.
func (p *picture) describe(ax axis) string {
	var b strings.Builder
	b.WriteString("Timeline of child " + p.id + " as of " + p.asOf.Format() + ", from " + monthYear(ax.start) +
		" to " + monthYear(ax.end) + ", ticks every " + ax.stepWords() + ". Records: ")
	var parts []string
	for _, k := range []string{"periods of care", "placements", "legal statuses", "care proceedings", "permanence routes",
		"reviews held", "visits", "health records", "education records"} {
		parts = append(parts, strconv.Itoa(p.counts[k])+" "+k)
	}
	b.WriteString(strings.Join(parts, ", "))
	placed := p.counts["placed"]
	parts = parts[:0]
	for _, sl := range statusLooks {
		n := p.counts["status "+sl.status.String()]
		if n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+sl.status.String()+" ("+sl.look.shape+")")
		}
	}
	b.WriteString(". " + plural(placed, "finding") + " placed on their due dates")
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	b.WriteString(". " + plural(len(p.undated), "finding") + " with no due date listed below the timeline.")
	return b.String()
}

// plural returns "1 finding" or "n findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// undatedGroup is the findings with no due date of one rule and status.
type undatedGroup struct {
	rule   care.RuleID
	status care.Status
	fs     []care.Finding
}

// groupUndated groups findings with no due date by rule and status, in
// rule order; the checks met (of every rule) go last, in one group with
// no rule.
func groupUndated(fs []care.Finding) []undatedGroup {
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b care.Finding) int {
		return cmp.Or(cmp.Compare(a.Rule(), b.Rule()), cmp.Compare(a.Status, b.Status))
	})
	var out []undatedGroup
	var met undatedGroup
	met.status = care.Met
	for _, f := range fs {
		if f.Status == care.Met {
			met.fs = append(met.fs, f)
			continue
		}
		if n := len(out); n > 0 && out[n-1].rule == f.Rule() && out[n-1].status == f.Status {
			out[n-1].fs = append(out[n-1].fs, f)
			continue
		}
		out = append(out, undatedGroup{rule: f.Rule(), status: f.Status, fs: []care.Finding{f}})
	}
	if len(met.fs) > 0 {
		out = append(out, met)
	}
	return out
}

// line is the group's line of the list: "ID-01 breach: identity record:
// …", "SUP-03 breach, 12 findings, the first: …", or for the checks met,
// how many of each rule.
func (g undatedGroup) line() string {
	if g.rule == "" {
		var rules []string
		for i := 0; i < len(g.fs); {
			j := i
			for j < len(g.fs) && g.fs[j].Rule() == g.fs[i].Rule() {
				j++
			}
			rules = append(rules, string(g.fs[i].Rule())+" "+strconv.Itoa(j-i))
			i = j
		}
		return "Checks met: " + strconv.Itoa(len(g.fs)) + " (" + strings.Join(rules, ", ") + ")"
	}
	if len(g.fs) == 1 {
		return string(g.rule) + " " + g.status.String() + ": " + g.fs[0].Message()
	}
	return string(g.rule) + " " + g.status.String() + ", " + plural(len(g.fs), "finding") + ", the first: " + g.fs[0].Message()
}

// tip is the group's tooltip: every finding's rule, status and message,
// one a line.
func (g undatedGroup) tip() string {
	lines := make([]string, len(g.fs))
	for i, f := range g.fs {
		lines[i] = findingTip(f)
	}
	return strings.Join(lines, "\n")
}
