package timeline

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lookedafter/practice/care"
)

// Sizes, in pixels. Text is drawn at fontSize; textWidth estimates its
// width generously (charWidth is wider than the average character of the
// usual sans-serif faces at that size), so that text laid out not to
// touch does not touch in any of them.
const (
	fontSize     = 11
	charWidth    = 7.0
	margin       = 12.0  // right margin, and the gap after the lane labels
	labelColumn  = 150.0 // the lane labels' column; they start at labelX
	labelX       = 8.0
	tickLabelPad = 4.0 // space either side of a tick label
	markSize     = 11.0
	markGap      = 2.0
	markRow      = 14.0 // height of one row of finding marks
	barHeight    = 16.0
	tickHeight   = 12.0
	laneGap      = 6.0
)

// textWidth estimates the width of s drawn at fontSize.
func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * charWidth }

// The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008),
// whose colours stay distinct under the common kinds of colour blindness.
// Status is also shown by shape, so the picture reads without colour.
const (
	okabeOrange    = "#E69F00"
	okabeSkyBlue   = "#56B4E9"
	okabeGreen     = "#009E73"
	okabeYellow    = "#F0E442"
	okabeBlue      = "#0072B2"
	okabeVermilion = "#D55E00"
	okabePurple    = "#CC79A7"
	okabeBlack     = "#000000"
)

// statusLook is how a finding of one status is drawn.
type statusLook struct {
	colour string
	shape  string // in words, for the legend's tooltip
}

// statusLooks are the statuses a placed finding can have, in the legend's
// order.
var statusLooks = [...]struct {
	status care.Status
	look   statusLook
}{
	{care.Met, statusLook{okabeGreen, "filled circle"}},
	{care.Late, statusLook{okabeOrange, "triangle"}},
	{care.Overdue, statusLook{okabeVermilion, "diamond"}},
	{care.Missed, statusLook{okabePurple, "square"}},
	{care.Upcoming, statusLook{okabeBlue, "open circle"}},
	{care.Breach, statusLook{okabeBlack, "cross"}},
}

// svg is the buffer a picture is written into, with helpers that escape
// every piece of text and format every number the same way, so that the
// same picture gives the same bytes.
type svg struct{ bytes.Buffer }

// num formats a coordinate to one decimal place, without a trailing ".0".
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// text writes s escaped for XML text or a quoted attribute value.
func (b *svg) text(s string) {
	xml.EscapeText(b, []byte(s)) // writes to a bytes.Buffer cannot fail
}

// attrs writes name="value" pairs, escaping the values; kv alternates
// names and values.
func (b *svg) attrs(kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		b.WriteByte(' ')
		b.WriteString(kv[i])
		b.WriteString(`="`)
		b.text(kv[i+1])
		b.WriteByte('"')
	}
}

// open writes an element's start tag.
func (b *svg) open(name string, kv ...string) {
	b.WriteByte('<')
	b.WriteString(name)
	b.attrs(kv...)
	b.WriteByte('>')
}

// close writes an element's end tag and a newline.
func (b *svg) close(name string) {
	b.WriteString("</")
	b.WriteString(name)
	b.WriteString(">\n")
}

// leaf writes an element with a tooltip (a <title> child) if tip is set,
// or an empty element otherwise.
func (b *svg) leaf(name, tip string, kv ...string) {
	if tip == "" {
		b.WriteByte('<')
		b.WriteString(name)
		b.attrs(kv...)
		b.WriteString("/>\n")
		return
	}
	b.open(name, kv...)
	b.title(tip)
	b.close(name)
}

// title writes a <title> element.
func (b *svg) title(s string) {
	b.WriteString("<title>")
	b.text(s)
	b.WriteString("</title>")
}

// label writes one line of text at (x, y) with the given anchor and extra
// attributes.
func (b *svg) label(x, y float64, anchor, s string, kv ...string) {
	b.open("text", append([]string{"x", num(x), "y", num(y), "text-anchor", anchor}, kv...)...)
	b.text(s)
	b.close("text")
}

// mark writes the shape of status s centred on (x, y), as one element
// with the given class and tooltip and any extra attributes.
func (b *svg) mark(s care.Status, x, y float64, class, tip string, kv ...string) {
	h := markSize / 2
	var name string
	var attrs []string
	switch s {
	case care.Met:
		name, attrs = "circle", []string{"cx", num(x), "cy", num(y), "r", num(h - 0.5), "fill", okabeGreen}
	case care.Upcoming:
		name, attrs = "circle", []string{"cx", num(x), "cy", num(y), "r", num(h - 1.5), "fill", "#FFFFFF",
			"stroke", okabeBlue, "stroke-width", "2"}
	case care.Late:
		name, attrs = "path", []string{"d", "M" + num(x) + " " + num(y-h) + "L" + num(x+h) + " " + num(y+h-1) +
			"L" + num(x-h) + " " + num(y+h-1) + "Z", "fill", okabeOrange}
	case care.Overdue:
		name, attrs = "path", []string{"d", "M" + num(x) + " " + num(y-h) + "L" + num(x+h) + " " + num(y) +
			"L" + num(x) + " " + num(y+h) + "L" + num(x-h) + " " + num(y) + "Z", "fill", okabeVermilion}
	case care.Missed:
		name, attrs = "rect", []string{"x", num(x - h + 1), "y", num(y - h + 1), "width", num(markSize - 2),
			"height", num(markSize - 2), "fill", okabePurple}
	case care.Breach:
		d := h - 1
		name, attrs = "path", []string{"d", "M" + num(x-d) + " " + num(y-d) + "L" + num(x+d) + " " + num(y+d) +
			"M" + num(x-d) + " " + num(y+d) + "L" + num(x+d) + " " + num(y-d), "stroke", okabeBlack, "stroke-width", "2.5"}
	default:
		name, attrs = "circle", []string{"cx", num(x), "cy", num(y), "r", num(h - 2), "fill", "#999999"}
	}
	b.leaf(name, tip, append(append([]string{"class", class}, kv...), attrs...)...)
}

// wrap breaks s into lines of at most width characters at spaces; a word
// longer than width is a line of its own.
func wrap(s string, width int) []string {
	var lines []string
	var line strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		w := utf8.RuneCountInString(word)
		if n > 0 && n+1+w > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += w
	}
	if n > 0 {
		lines = append(lines, line.String())
	}
	return lines
}
