package timeline

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/lookedafter/practice/review"
)

// node is an element of a parsed picture, with its children.
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []node     `xml:",any"`
}

func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n node) float(t *testing.T, name string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(n.attr(name), 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.XMLName.Local, name, n.attr(name), err)
	}
	return f
}

// walk calls f on n and every element below it.
func (n node) walk(f func(node)) {
	f(n)
	for _, c := range n.Nodes {
		c.walk(f)
	}
}

// hasClass reports whether n's class attribute holds class c.
func (n node) hasClass(c string) bool {
	for _, k := range strings.Fields(n.attr("class")) {
		if k == c {
			return true
		}
	}
	return false
}

// titleOf returns the text of n's <title> child, if it has one.
func (n node) titleOf() (string, bool) {
	for _, c := range n.Nodes {
		if c.XMLName.Local == "title" {
			return c.Text, true
		}
	}
	return "", false
}

// render draws c's report as of asOf and parses the picture.
func render(t *testing.T, c practice.Case, asOf care.Date, opt Options) (care.Report, []byte, node) {
	t.Helper()
	rep, err := practice.Assess(c, asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		t.Fatalf("Assess(%s): %v", c.Care.Child.ID, err)
	}
	var b bytes.Buffer
	if err := SVG(&b, c, rep, asOf, opt); err != nil {
		t.Fatalf("SVG(%s): %v", c.Care.Child.ID, err)
	}
	var root node
	if err := xml.Unmarshal(b.Bytes(), &root); err != nil {
		t.Fatalf("SVG(%s) is not well-formed XML: %v", c.Care.Child.ID, err)
	}
	return rep, b.Bytes(), root
}

// dated counts the findings of rep with a due date.
func dated(rep care.Report) int {
	n := 0
	for _, f := range rep {
		if !f.Due.IsZero() {
			n++
		}
	}
	return n
}

var asOf = care.MustDate(2026, time.December, 1)

// TestSVGMarks checks, for every child of a synthetic cohort, that the
// picture has a title and a description first, one mark for each finding
// with a due date (and none for the others), each with a tooltip naming
// its rule, status and due date, and that every mark and bar has a
// tooltip.
func TestSVGMarks(t *testing.T) {
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 17, Children: 40, AsOf: asOf})
	for _, c := range coh.Cases {
		rep, _, root := render(t, c, asOf, Options{})
		if root.XMLName.Local != "svg" || len(root.Nodes) < 2 || root.Nodes[0].XMLName.Local != "title" || root.Nodes[1].XMLName.Local != "desc" {
			t.Fatalf("%s: the picture does not start with <svg><title><desc>", c.Care.Child.ID)
		}
		if !strings.Contains(root.Nodes[0].Text, c.Care.Child.ID) {
			t.Errorf("%s: title %q does not name the child", c.Care.Child.ID, root.Nodes[0].Text)
		}
		marks := 0
		root.walk(func(n node) {
			if n.hasClass("finding") {
				marks++
				tip, ok := n.titleOf()
				due, err := care.ParseDate(n.attr("data-due"))
				switch {
				case !ok:
					t.Errorf("%s: mark %s has no tooltip", c.Care.Child.ID, n.attr("data-rule"))
				case err != nil:
					t.Errorf("%s: mark %s has no due date: %v", c.Care.Child.ID, n.attr("data-rule"), err)
				case !strings.HasPrefix(tip, n.attr("data-rule")+" ") || !strings.Contains(tip, "due "+due.Format()+":") && !strings.Contains(tip, "due "+due.Format()+", done"):
					t.Errorf("%s: tooltip %q does not give the rule and the due date", c.Care.Child.ID, tip)
				}
				status := strings.Fields(n.attr("class"))[1]
				if !strings.HasPrefix(tip, n.attr("data-rule")+" "+status) {
					t.Errorf("%s: tooltip %q does not give the status %s", c.Care.Child.ID, tip, status)
				}
			}
			if n.hasClass("placement") || n.hasClass("record") || n.hasClass("legal-status") || n.hasClass("route-stage") {
				if _, ok := n.titleOf(); !ok {
					t.Errorf("%s: <%s class=%q> has no tooltip", c.Care.Child.ID, n.XMLName.Local, n.attr("class"))
				}
			}
		})
		if want := dated(rep); marks != want {
			t.Errorf("%s: %d finding marks, want %d (the findings with a due date)", c.Care.Child.ID, marks, want)
		}
	}
}

// TestSVGDeterministic draws the same children twice, and checks the
// bytes are the same.
func TestSVGDeterministic(t *testing.T) {
	coh := practice.Synthetic(practice.SyntheticOptions{Seed: 5, Children: 8, AsOf: asOf})
	for _, c := range append(coh.Cases, longCase()) {
		_, first, _ := render(t, c, asOf, Options{})
		_, second, _ := render(t, c, asOf, Options{})
		if !bytes.Equal(first, second) {
			t.Errorf("%s: two drawings differ", c.Care.Child.ID)
		}
	}
}

// box is the space a label of the picture takes, estimated as layout
// estimates it.
type box struct {
	x1, x2, y1, y2 float64
	text           string
}

func (a box) overlaps(b box) bool {
	return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2
}

// labels returns the boxes of the picture's text.
func labels(t *testing.T, root node) []box {
	var out []box
	root.walk(func(n node) {
		if n.XMLName.Local != "text" {
			return
		}
		x, y := n.float(t, "x"), n.float(t, "y")
		size := float64(fontSize)
		if n.attr("font-size") != "" {
			size = n.float(t, "font-size")
		}
		w := textWidth(n.Text) * size / fontSize
		switch n.attr("text-anchor") {
		case "middle":
			x -= w / 2
		case "end":
			x -= w
		}
		out = append(out, box{x, x + w, y - size, y + 2, n.Text})
	})
	return out
}

// TestSVGScales draws a child with one placement of a few weeks and a
// young person with 25 years of history, at several widths, and checks
// that no two labels overlap, that every label lies inside the picture,
// that no two finding marks of a row touch, and that the axis ticks suit
// the span.
func TestSVGScales(t *testing.T) {
	short := practice.Case{Team: "T", Office: "O", Care: care.Record{
		Child: care.Child{ID: "C-SHORT", DateOfBirth: care.MustDate(2019, time.May, 4)},
		Episodes: []care.Episode{{Start: care.MustDate(2026, time.November, 10), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusV2, PlacementType: care.PlacementTypeU6, CategoryOfNeed: care.CategoryOfNeedN1}},
	}}
	tests := []struct {
		name      string
		c         practice.Case
		width     int
		wantTicks [2]int // the least and most tick labels
	}{
		{"one placement of three weeks", short, 0, [2]int{3, 14}},
		{"one placement, narrow", short, 480, [2]int{2, 8}},
		{"25 years of history", longCase(), 0, [2]int{5, 20}},
		{"25 years of history, narrow", longCase(), 480, [2]int{3, 10}},
		{"25 years of history, wide", longCase(), 1600, [2]int{10, 30}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, data, root := render(t, tc.c, asOf, Options{Width: tc.width})
			width := root.float(t, "width")
			if want := float64(max(cmp0(tc.width, defaultWidth), minWidth)); width != want {
				t.Errorf("width = %v, want %v", width, want)
			}
			boxes := labels(t, root)
			ticks := 0
			for i, a := range boxes {
				if a.x1 < 0 || a.x2 > width {
					t.Errorf("label %q runs outside the picture: x from %.1f to %.1f of %.0f", a.text, a.x1, a.x2, width)
				}
				for _, b := range boxes[i+1:] {
					if a.overlaps(b) {
						t.Errorf("labels %q and %q overlap", a.text, b.text)
					}
				}
			}
			root.walk(func(n node) {
				if n.hasClass("tick-label") {
					ticks++
				}
			})
			if ticks < tc.wantTicks[0] || ticks > tc.wantTicks[1] {
				t.Errorf("%d tick labels, want %d to %d", ticks, tc.wantTicks[0], tc.wantTicks[1])
			}
			// Marks in the same row (same y) must not touch.
			type mark struct{ x, y float64 }
			var marks []mark
			root.walk(func(n node) {
				if n.hasClass("finding") {
					x, y := markCentre(t, n)
					marks = append(marks, mark{x, y})
				}
			})
			for i, a := range marks {
				for _, b := range marks[i+1:] {
					if a.y == b.y && abs(a.x-b.x) < markSize {
						t.Errorf("marks at (%.1f, %.1f) and (%.1f, %.1f) touch", a.x, a.y, b.x, b.y)
					}
				}
			}
			t.Logf("%d bytes, %d marks, %d tick labels", len(data), len(marks), ticks)
		})
	}
}

func cmp0(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// markCentre returns the centre of a finding's mark.
func markCentre(t *testing.T, n node) (float64, float64) {
	switch n.XMLName.Local {
	case "circle":
		return n.float(t, "cx"), n.float(t, "cy")
	case "rect":
		return n.float(t, "x") + n.float(t, "width")/2, n.float(t, "y") + n.float(t, "height")/2
	}
	// A path: the mean of its points.
	var xs, ys []float64
	for _, f := range strings.FieldsFunc(n.attr("d"), func(r rune) bool { return r == 'M' || r == 'L' || r == 'Z' }) {
		p := strings.Fields(f)
		x, _ := strconv.ParseFloat(p[0], 64)
		y, _ := strconv.ParseFloat(p[1], 64)
		xs, ys = append(xs, x), append(ys, y)
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	ylo, yhi := ys[0], ys[0]
	for _, y := range ys {
		ylo, yhi = min(ylo, y), max(yhi, y)
	}
	return (lo + hi) / 2, (ylo + yhi) / 2
}

// TestSVGMarksOnDueDates checks that each mark sits on its due date:
// its x grows with the due date, and marks due the same day share an x.
func TestSVGMarksOnDueDates(t *testing.T) {
	_, _, root := render(t, longCase(), asOf, Options{})
	xOf := map[string]float64{}
	var dues []string
	root.walk(func(n node) {
		if !n.hasClass("finding") {
			return
		}
		x, _ := markCentre(t, n)
		due := n.attr("data-due")
		if prev, ok := xOf[due]; ok && abs(prev-x) > 0.6 {
			t.Errorf("marks due %s at x %.1f and %.1f", due, prev, x)
		}
		if _, ok := xOf[due]; !ok {
			dues = append(dues, due)
		}
		xOf[due] = x
	})
	// A day is less than a pixel over 25 years: marks a day apart may
	// share an x, but never run backwards, and a week apart they part.
	for _, a := range dues {
		for _, b := range dues {
			da, _ := care.ParseDate(a)
			db, _ := care.ParseDate(b)
			if da.Before(db) && (xOf[a] > xOf[b] || db.DaysSince(da) >= 7 && xOf[a] >= xOf[b]) {
				t.Errorf("mark due %s at x %.1f is not left of one due %s at x %.1f", a, xOf[a], b, xOf[b])
			}
		}
	}
}

// TestSVGPrivacy checks that the picture shows neither the date of birth
// nor an age, nor a postcode, URN or the free text of the record, and
// that the axis starts on a calendar boundary before the first record
// rather than at birth.
func TestSVGPrivacy(t *testing.T) {
	c := longCase()
	dob := c.Care.Child.DateOfBirth
	_, data, root := render(t, c, asOf, Options{})
	text := string(data)
	for _, bad := range []string{dob.String(), dob.Format(), "SW1A", "URN123", "Purpose text", "reason text"} {
		if strings.Contains(text, bad) {
			t.Errorf("the picture holds %q", bad)
		}
	}
	if m := regexp.MustCompile(`(?i)\b(age|aged|born|birth)\b`).FindString(text); m != "" {
		t.Errorf("the picture speaks of %q", m)
	}
	var first string
	root.walk(func(n node) {
		if n.hasClass("tick-label") && first == "" {
			first = n.Text
		}
	})
	if first != "2000" {
		t.Errorf("first tick label %q, want 2000 (the round year before the first episode, not the birth)", first)
	}
}

// TestSVGErrors checks what SVG refuses, and that it passes on the
// writer's error.
func TestSVGErrors(t *testing.T) {
	c := longCase()
	if err := SVG(io.Discard, c, nil, care.Date{}, Options{}); !errors.Is(err, ErrNoDate) {
		t.Errorf("SVG with no as-of date = %v, want ErrNoDate", err)
	}
	bad := c
	bad.Care.Episodes = nil
	var b bytes.Buffer
	if err := SVG(&b, bad, nil, asOf, Options{}); err == nil || b.Len() != 0 {
		t.Errorf("SVG with no episodes = %v, wrote %d bytes; want an error and nothing written", err, b.Len())
	}
	werr := errors.New("disk full")
	if err := SVG(failingWriter{werr}, c, nil, asOf, Options{}); !errors.Is(err, werr) {
		t.Errorf("SVG to a failing writer = %v, want %v", err, werr)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// TestAxis checks the tick step chosen for spans from weeks to decades.
func TestAxis(t *testing.T) {
	d := care.MustDate
	tests := []struct {
		name      string
		lo, hi    care.Date
		w         float64
		wantStep  int
		wantStart care.Date
		wantEnd   care.Date
	}{
		{"three weeks", d(2026, 11, 10), d(2026, 12, 1), 790, 1, d(2026, 11, 1), d(2027, 1, 1)},
		{"a year", d(2025, 12, 1), d(2026, 12, 1), 790, 3, d(2025, 10, 1), d(2027, 1, 1)},
		{"a year, narrow", d(2025, 12, 1), d(2026, 12, 1), 310, 6, d(2025, 7, 1), d(2027, 1, 1)},
		{"six months", d(2026, 6, 10), d(2026, 12, 1), 790, 1, d(2026, 6, 1), d(2027, 1, 1)},
		{"six years", d(2020, 3, 4), d(2027, 11, 30), 790, 12, d(2020, 1, 1), d(2028, 1, 1)},
		{"25 years", d(2001, 4, 2), d(2026, 12, 1), 790, 24, d(2000, 1, 1), d(2028, 1, 1)},
		{"25 years, narrow", d(2001, 4, 2), d(2026, 12, 1), 310, 60, d(2000, 1, 1), d(2030, 1, 1)},
		{"a century", d(2000, 1, 1), d(2099, 12, 31), 310, 120, d(2000, 1, 1), d(2100, 1, 1)},
		{"one day", d(2026, 12, 1), d(2026, 12, 1), 790, 1, d(2026, 12, 1), d(2027, 1, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAxis(tc.lo, tc.hi, 0, tc.w)
			if a.step != tc.wantStep || !a.start.Equal(tc.wantStart) || !a.end.Equal(tc.wantEnd) {
				t.Errorf("newAxis(%v, %v, width %v) = step %d from %v to %v; want step %d from %v to %v",
					tc.lo, tc.hi, tc.w, a.step, a.start, a.end, tc.wantStep, tc.wantStart, tc.wantEnd)
			}
		})
	}
}

// TestWrap checks the wrapping of the list of findings with no due date.
func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		s     string
		width int
		want  []string
	}{
		{"fits", "a b c", 10, []string{"a b c"}},
		{"breaks at spaces", "one two three four", 9, []string{"one two", "three", "four"}},
		{"long word alone", "a verylongword b", 4, []string{"a", "verylongword", "b"}},
		{"empty", "", 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.s, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("wrap(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
			}
		})
	}
}

// longCase is a synthetic young person of 25 on the as-of date, looked
// after from a few weeks old to 18: a placement change every ten months,
// an interim care order then a full care order, a visit every six weeks,
// a review every six months, yearly health assessments and termly PEPs,
// and a permanence plan that moved from return home to long-term
// fostering. Nothing in it describes a real person.
func longCase() practice.Case {
	d := care.MustDate
	dob := d(2001, time.March, 15)
	start := d(2001, time.April, 2)
	left := care.Birthday(dob, 18)
	c := practice.Case{Team: "North Children in Care", Office: "North"}
	c.Care.Child = care.Child{ID: "C-LONG", DateOfBirth: dob, Sex: care.SexFemale}
	for at, k := start, 0; at.Before(left); k++ {
		e := care.Episode{Start: at, ReasonNew: care.ReasonNewEpisodeP, LegalStatus: care.LegalStatusC2,
			PlacementType: care.PlacementTypeU6, CategoryOfNeed: care.CategoryOfNeedN1,
			PlacementPostcode: "SW1A 1AA", HomePostcode: "SW1A 2AA", URN: "URN123"}
		switch {
		case k == 0:
			e.ReasonNew, e.LegalStatus = care.ReasonNewEpisodeS, care.LegalStatusC1
		case k == 1:
			e.ReasonNew = care.ReasonNewEpisodeB
		case k%4 == 3:
			e.PlacementType = care.PlacementTypeU4
		}
		next := at.AddMonths(10)
		if k > 0 {
			c.Care.Episodes[k-1].End, c.Care.Episodes[k-1].ReasonCeased = at, care.ReasonEpisodeCeasedX1
		}
		if !next.Before(left) {
			e.End, e.ReasonCeased = left, care.ReasonEpisodeCeasedE17
		}
		c.Care.Episodes = append(c.Care.Episodes, e)
		at = next
	}
	for v := start.AddDays(5); v.Before(left); v = v.AddDays(42) {
		c.Care.Visits = append(c.Care.Visits, care.Visit{Date: v, Kind: care.VisitKindStatutory, ChildSeen: true,
			SeenAlone: care.SeenAloneYes, ViewsRecorded: true, Purpose: "Purpose text", WrittenUp: v.AddDays(2)})
	}
	for r := start.AddDays(20); r.Before(left); r = r.AddMonths(6) {
		part := care.ParticipationPN1
		if care.AgeOn(dob, r) < 4 {
			part = care.ParticipationPN0
		}
		c.Review.Reviews = append(c.Review.Reviews, review.Review{Held: r, Participation: part,
			ViewsRecorded: true, DecisionsCirculated: r.AddDays(3), RecordCompleted: r.AddDays(15)})
	}
	for h := start.AddDays(25); h.Before(left); h = h.AddYears(1) {
		kind := care.HealthAssessmentKindReview
		if len(c.Care.HealthAssessments) == 0 {
			kind = care.HealthAssessmentKindInitial
		}
		c.Care.HealthAssessments = append(c.Care.HealthAssessments, care.HealthAssessment{Date: h, Kind: kind, By: care.AssessorDoctor, WrittenReport: true})
	}
	for p := d(2006, time.September, 10); p.Before(left); p = p.AddMonths(4) {
		c.Care.PEPs = append(c.Care.PEPs, care.PEP{Initiated: p, Targets: []string{"reading"}})
	}
	c.Permanence.Plan.Transitions = []permanence.Transition{
		{Date: start.AddDays(30), Route: permanence.RouteReturnHome, State: permanence.StateAssessing, Primary: true},
		{Date: start.AddDays(30), Route: permanence.RouteLongTermFostering, State: permanence.StateConsidered},
		{Date: start.AddMonths(9), Route: permanence.RouteReturnHome, State: permanence.StateRuledOut, Reason: "reason text"},
		{Date: start.AddMonths(9), Route: permanence.RouteLongTermFostering, State: permanence.StateAgreed, Primary: true},
		{Date: start.AddMonths(30), Route: permanence.RouteLongTermFostering, State: permanence.StateAchieved, Primary: true},
	}
	return c
}

// BenchmarkSVG draws the young person with 25 years of history.
func BenchmarkSVG(b *testing.B) {
	c := longCase()
	rep, err := practice.Assess(c, asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := SVG(&buf, c, rep, asOf, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/svg")
}
