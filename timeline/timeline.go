// Package timeline draws one looked-after child's case and report as a
// picture: a self-contained SVG of the periods of care, placements, legal
// status, care proceedings and permanence routes as bars; reviews, visits,
// health and education records as marks; and every finding with a due
// date placed on that date, its status shown by both shape and colour.
// Findings with no due date (breaches of rules about content, and the
// drift summary DRIFT-01) are listed below the picture, not placed on it.
//
// The picture holds no personal data beyond the child's ID: no name,
// postcode, free text from the record, age or date of birth. Its axis is
// labelled with calendar months or years and starts on a round calendar
// boundary before the earliest record, never at birth, so the date of birth
// cannot be read off it. Tooltips show findings' messages and due dates
// as the text report does (see the care package's doc on birthdays for
// what a due date can reveal).
//
// It does not assess anything: it draws the report that
// [practice.Assess] returns, beside the case it was made from. It reads
// no clock and keeps no state; the same case, report and date give the
// same bytes.
package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
)

// Options configures [SVG]. The zero value draws a picture 960 pixels
// wide.
type Options struct {
	// Width is the picture's width in pixels. Zero means 960; a width
	// below 480 is drawn at 480, the least at which the legend and the
	// lane labels fit beside a usable plot.
	Width int
}

const (
	defaultWidth = 960
	minWidth     = 480
)

// ErrNoDate is returned by [SVG] when the as-of date is the zero Date.
var ErrNoDate = errors.New("timeline: no as-of date")

// SVG writes a picture of case c and its report rep as of asOf to w, as
// one self-contained SVG document (no scripts, styles or fetches; colours
// are presentation attributes, so that several pictures can sit in one
// HTML page). rep is normally what [practice.Assess] returned for c and
// asOf; SVG draws whatever findings it is given.
//
// The picture has, from the top: a <title> and <desc> (a summary in
// words), a legend, the as-of date as a dashed line, the axis, and one
// lane for each kind of record the case holds: periods of care,
// placements (each a bar, so that a change of carer shows as a new bar;
// a move with the same carer is a notch inside it), legal status, care
// proceedings, each permanence route's stages, and ticks for reviews held,
// visits, health and education records. Then a lane for each domain of
// the findings with a due date: each finding is one mark on its due date,
// with class "finding", its status as a second class, data-rule and
// data-due attributes, and a tooltip (<title>) with its rule, status, due
// date and message; marks that would touch go to a further row of their
// lane. Last, the findings with no due date, listed with their messages.
//
// Records dated after asOf are not drawn (the picture shows the case as
// it stood on asOf), and a period, placement or status still open on
// asOf ends at the as-of line. The axis runs from the earliest record
// or due date to the latest due date, rounded out to whole tick steps;
// the step (1, 3 or 6 months; 1, 2, 5 or 10 years) is the finest whose
// labels fit side by side, so a case of a few weeks and one of 25 years
// both read without overlapping labels. Text is escaped.
//
// SVG returns [ErrNoDate] for a zero asOf, the error of
// [care.NewHistory] when the child or episodes are invalid, and any error
// from w. It writes nothing when it returns an error of its own.
func SVG(w io.Writer, c practice.Case, rep care.Report, asOf care.Date, opt Options) error {
	if asOf.IsZero() {
		return ErrNoDate
	}
	h, err := care.NewHistory(c.Care.Child, c.Care.Episodes)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	width := cmp.Or(opt.Width, defaultWidth)
	width = max(width, minWidth)
	p := picture{id: c.Care.Child.ID, asOf: asOf, width: float64(width)}
	p.collect(&c, h, rep)
	p.draw()
	_, err = w.Write(p.out.Bytes())
	return err
}

// bar is a span drawn as a filled rectangle, with a label inside it when
// the label fits.
type bar struct {
	from, to   care.Date
	fill, ink  string // fill and text colours
	stroke     string // outline colour, if any
	label, tip string
	class      string
}

// tick is a record drawn as a short vertical line on its date.
type tick struct {
	on    care.Date
	short bool // a lesser record of its lane (an SDQ beside a health assessment)
	tip   string
	class string
}

// lane is one row of the picture.
type lane struct {
	label   string
	bars    []bar
	notches []tick // moves inside a bar
	ticks   []tick
	marks   []care.Finding
}

// picture is one timeline being drawn.
type picture struct {
	id    string
	asOf  care.Date
	width float64

	// careEnd is where spans that outlast care stop: the as-of date for a
	// child looked after on it, otherwise the day care last ended.
	careEnd care.Date

	lanes   []lane // records: bars and ticks
	found   []lane // findings with a due date, one lane per domain
	undated []care.Finding
	counts  map[string]int // what was drawn, for the description
	lo, hi  care.Date      // the earliest and latest dates drawn

	out svg
}

// see widens [lo, hi] to include d.
func (p *picture) see(d care.Date) {
	if d.IsZero() {
		return
	}
	if p.lo.IsZero() || d.Before(p.lo) {
		p.lo = d
	}
	if p.hi.IsZero() || d.After(p.hi) {
		p.hi = d
	}
}

// known reports whether a record dated d is drawn: it is dated, and not
// after the as-of date.
func (p *picture) known(d care.Date) bool { return !d.IsZero() && !d.After(p.asOf) }

// until returns the end of a span that ends on end, as drawn: the as-of
// date if it is open or ends after asOf.
func (p *picture) until(end care.Date) (care.Date, bool) {
	if end.IsZero() || end.After(p.asOf) {
		return p.asOf, true
	}
	return end, false
}

// spanWords says "from 3 March 2025 to 1 June 2026" or "from 3 March
// 2025, open on 1 December 2026".
func (p *picture) spanWords(from, to care.Date, open bool) string {
	if open && to.Equal(p.asOf) {
		return "from " + from.Format() + ", open on " + p.asOf.Format()
	}
	if open {
		return "from " + from.Format() + " until care ended " + to.Format()
	}
	return "from " + from.Format() + " to " + to.Format()
}

// collect gathers what the picture draws from the case, its history and
// its report.
func (p *picture) collect(c *practice.Case, h *care.History, rep care.Report) {
	p.counts = map[string]int{}
	p.see(p.asOf)
	p.careEnd = p.asOf
	if left, ok := h.LeftCare(p.asOf); ok {
		p.careEnd = left
	}

	var periods lane
	periods.label = "Periods of care"
	for i, pc := range h.Periods() {
		if !p.known(pc.Start) {
			continue
		}
		end, open := p.until(pc.End)
		p.see(pc.Start)
		periods.bars = append(periods.bars, bar{from: pc.Start, to: end, fill: "#555555", ink: "#FFFFFF",
			label: "period " + strconv.Itoa(i+1), class: "period",
			tip: "Period of care " + strconv.Itoa(i+1) + " " + p.spanWords(pc.Start, end, open)})
	}
	p.counts["periods of care"] = len(periods.bars)

	var placements lane
	placements.label = "Placements"
	for i, pl := range h.Placements() {
		if !p.known(pl.Period.Start) {
			continue
		}
		end, open := p.until(pl.Period.End)
		// Alternate shades, and a white edge, so that each change of
		// carer shows as a new bar.
		fill := "#9CC3E4"
		if len(placements.bars)%2 == 1 {
			fill = "#5B9BD0"
		}
		kind := pl.Type.String()
		tip := "Placement " + strconv.Itoa(i+1) + ": " + kind + " (" + pl.Type.Description() + ") " + p.spanWords(pl.Period.Start, end, open)
		if pl.FirstType != pl.Type {
			tip += "; it started as " + pl.FirstType.String()
		}
		placements.bars = append(placements.bars, bar{from: pl.Period.Start, to: end, fill: fill, ink: "#000000",
			stroke: "#FFFFFF", label: kind, tip: tip, class: "placement"})
		for _, m := range pl.Moves {
			if p.known(m) {
				placements.notches = append(placements.notches, tick{on: m, class: "move",
					tip: "Move with the same carer on " + m.Format()})
			}
		}
	}
	p.counts["placements"] = len(placements.bars)

	var legal lane
	legal.label = "Legal status"
	eps := c.Care.Episodes
	for i := 0; i < len(eps); {
		if !p.known(eps[i].Start) {
			break
		}
		// A run of episodes, each starting when the last ended, with the
		// same legal status.
		j := i
		for j+1 < len(eps) && eps[j+1].LegalStatus == eps[i].LegalStatus && eps[j+1].Start.Equal(eps[j].End) && p.known(eps[j+1].Start) {
			j++
		}
		s := eps[i].LegalStatus
		end, open := p.until(eps[j].End)
		fill, ink := legalColours(s)
		legal.bars = append(legal.bars, bar{from: eps[i].Start, to: end, fill: fill, ink: ink, stroke: "#FFFFFF",
			label: s.String(), class: "legal-status",
			tip: "Legal status " + s.String() + " (" + s.Description() + ") " + p.spanWords(eps[i].Start, end, open)})
		i = j + 1
	}
	p.counts["legal statuses"] = len(legal.bars)
	p.lanes = append(p.lanes, periods, placements, legal)

	var court lane
	court.label = "Care proceedings"
	for _, pr := range c.Permanence.Proceedings {
		if !p.known(pr.Issued) {
			continue
		}
		end, open := p.until(pr.FinalOrder)
		if open && p.careEnd.After(pr.Issued) {
			end = p.careEnd
		}
		tip := "Care proceedings issued " + pr.Issued.Format()
		if open {
			tip += ", continuing on " + p.asOf.Format()
		} else {
			tip += ", final order (" + pr.FinalOrderKind.String() + ") " + end.Format()
		}
		p.see(pr.Issued)
		court.bars = append(court.bars, bar{from: pr.Issued, to: end, fill: "#BBBBBB", ink: "#000000", stroke: "#FFFFFF",
			label: "proceedings", tip: tip, class: "proceedings"})
	}
	p.counts["care proceedings"] = len(court.bars)
	p.lanes = append(p.lanes, court)
	p.lanes = append(p.lanes, p.routes(c.Permanence.Plan.Transitions)...)

	reviews := lane{label: "Reviews held"}
	for i, r := range c.Review.Reviews {
		if p.known(r.Held) {
			reviews.ticks = append(reviews.ticks, tick{on: r.Held, class: "review",
				tip: "Looked-after review " + strconv.Itoa(i+1) + " held " + r.Held.Format()})
		}
	}
	p.counts["reviews held"] = len(reviews.ticks)

	visits := lane{label: "Visits"}
	for _, v := range c.Care.Visits {
		if p.known(v.Date) {
			visits.ticks = append(visits.ticks, tick{on: v.Date, short: v.Kind != care.VisitKindStatutory, class: "visit",
				tip: "Visit (" + v.Kind.String() + ") " + v.Date.Format()})
		}
	}
	p.counts["visits"] = len(visits.ticks)

	health := lane{label: "Health"}
	for _, a := range c.Care.HealthAssessments {
		if p.known(a.Date) {
			health.ticks = append(health.ticks, tick{on: a.Date, class: "health",
				tip: "Health assessment (" + a.Kind.String() + ") " + a.Date.Format()})
		}
	}
	for _, s := range c.Care.SDQs {
		if p.known(s.Date) {
			health.ticks = append(health.ticks, tick{on: s.Date, short: true, class: "health",
				tip: "Strengths and Difficulties Questionnaire " + s.Date.Format()})
		}
	}
	for _, d := range c.Care.DentalChecks {
		if p.known(d.Date) {
			health.ticks = append(health.ticks, tick{on: d.Date, short: true, class: "health",
				tip: "Dental check " + d.Date.Format()})
		}
	}
	p.counts["health records"] = len(health.ticks)

	education := lane{label: "Education (PEPs)"}
	for _, pep := range c.Care.PEPs {
		if p.known(pep.Initiated) {
			education.ticks = append(education.ticks, tick{on: pep.Initiated, class: "education",
				tip: "Personal education plan started " + pep.Initiated.Format()})
		}
		for _, r := range pep.Reviews {
			if p.known(r) {
				education.ticks = append(education.ticks, tick{on: r, short: true, class: "education",
					tip: "Personal education plan reviewed " + r.Format()})
			}
		}
	}
	p.counts["education records"] = len(education.ticks)
	for _, l := range []*lane{&reviews, &visits, &health, &education} {
		slices.SortStableFunc(l.ticks, func(a, b tick) int { return a.on.Compare(b.on) })
		for _, t := range l.ticks {
			p.see(t.on)
		}
	}
	p.lanes = append(p.lanes, reviews, visits, health, education)
	p.lanes = slices.DeleteFunc(p.lanes, func(l lane) bool { return len(l.bars) == 0 && len(l.ticks) == 0 })

	// Findings: those with a due date in a lane for their domain, in
	// domain order; the rest listed.
	byDomain := map[care.Domain][]care.Finding{}
	var domains []care.Domain
	for _, f := range rep {
		if f.Due.IsZero() {
			p.undated = append(p.undated, f)
			continue
		}
		p.see(f.Due)
		d := f.Domain()
		if _, ok := byDomain[d]; !ok {
			domains = append(domains, d)
		}
		byDomain[d] = append(byDomain[d], f)
		p.counts["status "+f.Status.String()]++
		p.counts["placed"]++
	}
	slices.Sort(domains)
	for _, d := range domains {
		fs := byDomain[d]
		slices.SortStableFunc(fs, func(a, b care.Finding) int { return a.Due.Compare(b.Due) })
		p.found = append(p.found, lane{label: domainLabel(d), marks: fs})
	}
}

// routes returns a lane for each permanence route of the plan, in order
// of first appearance, each a bar for each stage the route passed
// through: from a transition to the route's next (or to the as-of
// date).
func (p *picture) routes(ts []permanence.Transition) []lane {
	var order []permanence.Route
	for _, t := range ts {
		if p.known(t.Date) && !slices.Contains(order, t.Route) {
			order = append(order, t.Route)
		}
	}
	var out []lane
	for _, r := range order {
		l := lane{label: routeLabel(r)}
		var mine []permanence.Transition
		for _, t := range ts {
			if t.Route == r && p.known(t.Date) {
				mine = append(mine, t)
			}
		}
		slices.SortStableFunc(mine, func(a, b permanence.Transition) int { return a.Date.Compare(b.Date) })
		for i, t := range mine {
			// A route's last stage runs to the as-of date, or to the end of
			// care for a child no longer looked after.
			end, open := p.asOf, true
			if p.careEnd.After(t.Date) {
				end = p.careEnd
			}
			if i+1 < len(mine) {
				end, open = mine[i+1].Date, false
			}
			fill, ink, stroke := stateColours(t.State)
			tip := r.Description() + ": " + strings.ReplaceAll(t.State.String(), "-", " ") + " " + p.spanWords(t.Date, end, open)
			if t.Primary {
				tip += " (primary plan)"
			}
			p.see(t.Date)
			l.bars = append(l.bars, bar{from: t.Date, to: end, fill: fill, ink: ink, stroke: stroke,
				label: strings.ReplaceAll(t.State.String(), "-", " "), tip: tip, class: "route-stage"})
		}
		out = append(out, l)
	}
	p.counts["permanence routes"] = len(out)
	return out
}

// legalColours returns the fill and text colours of a legal status's bar:
// care orders sky blue, placement and freeing orders yellow, the rest
// greys. The bar's code label says which status it is.
func legalColours(s care.LegalStatus) (fill, ink string) {
	switch {
	case s.IsFullCareOrder():
		return okabeBlue, "#FFFFFF"
	case s.IsCareOrder():
		return okabeSkyBlue, "#000000"
	case s.IsPlacementOrder() || s.IsFreeingOrder():
		return okabeYellow, "#000000"
	case s.IsAccommodated():
		return "#D9D9D9", "#000000"
	}
	return "#A6A6A6", "#000000"
}

// stateColours returns the colours of a permanence stage: a sequence of
// blues, darker as the route moves on, and an outline for a route ruled
// out.
func stateColours(s permanence.State) (fill, ink, stroke string) {
	switch s {
	case permanence.StateConsidered:
		return "#EFF3FF", "#000000", "#9ECAE1"
	case permanence.StateAssessing:
		return "#C6DBEF", "#000000", "#FFFFFF"
	case permanence.StateRecommended:
		return "#9ECAE1", "#000000", "#FFFFFF"
	case permanence.StateAgreed:
		return "#6BAED6", "#000000", "#FFFFFF"
	case permanence.StateApplication:
		return "#3182BD", "#FFFFFF", "#FFFFFF"
	case permanence.StateOrderMade:
		return "#08519C", "#FFFFFF", "#FFFFFF"
	case permanence.StateAchieved:
		return "#08306B", "#FFFFFF", "#FFFFFF"
	}
	return "#FFFFFF", "#000000", "#777777" // ruled out, or unknown
}

// routeLabel names a route in at most 20 characters, to fit the lane
// labels' column.
func routeLabel(r permanence.Route) string {
	switch r {
	case permanence.RouteReturnHome:
		return "Return home"
	case permanence.RouteChildArrangements:
		return "Child arrangements"
	case permanence.RouteSpecialGuardianship:
		return "Special guardianship"
	case permanence.RouteAdoption:
		return "Adoption"
	case permanence.RouteLongTermFostering:
		return "Long-term fostering"
	case permanence.RouteResidential:
		return "Residential"
	case permanence.RouteIndependence:
		return "Independence"
	}
	return "Route " + r.String()
}

// domainLabel names a domain's lane of findings.
func domainLabel(d care.Domain) string {
	s := strings.ReplaceAll(d.String(), "-", " ")
	if s == "" {
		return "Other"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
