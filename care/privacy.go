package care

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
)

// This file keeps personal data out of what the package prints: how an
// [Episode] and a [History] format and log (a [Child] does so in
// child.go), and how findings anchored on a child's birthday read.
//
// # Birthdays
//
// A date of birth is never printed. A finding whose timescale runs from a
// birthday (LEAV-01 and LEAV-02 from the 16th, HLTH-03 from the 4th) says
// "3 months after the 16th birthday" without the birthday's date, and one
// whose window closed on a birthday (at 17, 21 or 25) says "closed when
// the young person turned 21" without it. The due date is still shown: a
// worker needs it. A reader who knows how a due date is computed can work
// back from it to the birthday (3 calendar months before it, give or take
// the month-end rule), so a report is personal data however it is printed.
//
// The JSON of a finding carries its evidence and its deadline's anchor
// date, which for these findings is the birthday itself.
// [Report.WithoutBirthdays] returns a report whose findings carry no such
// date, for output that leaves the organisation. A label names a birthday
// when it holds the word "birthday" or says someone "turned" an age
// (birthdayLabel), which covers an authority's own kinds too.

// withheld replaces a postcode or URN in formatted output.
const withheld = "(withheld)"

// String returns a summary of the episode without its postcodes or URN:
// "episode 2025-01-06 to 2025-03-01 (S C2 U1)", or "episode from
// 2025-01-06, open (S C2 U1)": its dates, reason for the new episode,
// legal status and placement type.
func (e Episode) String() string {
	b := make([]byte, 0, 48)
	if e.End.IsZero() {
		b = append(b, "episode from "...)
		b = appendDate(b, e.Start)
		b = append(b, ", open"...)
	} else {
		b = append(b, "episode "...)
		b = appendDate(b, e.Start)
		b = append(b, " to "...)
		b = appendDate(b, e.End)
	}
	b = append(b, " ("...)
	n := 0
	for _, code := range [...]string{e.ReasonNew.String(), e.LegalStatus.String(), e.PlacementType.String()} {
		if code != "" {
			if n > 0 {
				b = append(b, ' ')
			}
			b = append(b, code...)
			n++
		}
	}
	return string(append(b, ')'))
}

// Format implements [fmt.Formatter], so that no verb prints the episode's
// postcodes or URN: %v and %s print [Episode.String] (%q quoted), %+v the
// fields with their names and the postcodes and URN "(withheld)", and %#v
// [Episode.GoString].
func (e Episode) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, e.GoString())
	case verb == 'v' && f.Flag('+'):
		type fields Episode // the episode's fields, without its methods
		fmt.Fprintf(f, "%+v", fields(e.withheld()))
	case verb == 'v' || verb == 's' || verb == 'q':
		fmt.Fprintf(f, fmt.FormatString(f, verb), e.String())
	default:
		fmt.Fprintf(f, "%%!%c(care.Episode=%s)", verb, e.String())
	}
}

// GoString implements [fmt.GoStringer]: the Go syntax of the episode with
// its postcodes and URN "(withheld)".
func (e Episode) GoString() string {
	type fields Episode
	s := fmt.Sprintf("%#v", fields(e.withheld()))
	if i := strings.IndexByte(s, '{'); i >= 0 {
		s = "care.Episode" + s[i:]
	}
	return s
}

// withheld returns e with its postcodes and URN, where set, replaced by
// "(withheld)".
func (e Episode) withheld() Episode {
	for _, s := range [...]*string{&e.HomePostcode, &e.PlacementPostcode, &e.URN} {
		if *s != "" {
			*s = withheld
		}
	}
	return e
}

// LogValue implements [slog.LogValuer]: the episode's dates and codes,
// never its postcodes or URN.
func (e Episode) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 7)
	attrs = append(attrs, slog.String("start", e.Start.String()))
	if !e.End.IsZero() {
		attrs = append(attrs, slog.String("end", e.End.String()))
	}
	for _, a := range [...]struct{ key, code string }{
		{"reason_new", e.ReasonNew.String()}, {"legal_status", e.LegalStatus.String()},
		{"placement_type", e.PlacementType.String()}, {"provider", e.Provider.String()},
		{"reason_ceased", e.ReasonCeased.String()},
	} {
		if a.code != "" {
			attrs = append(attrs, slog.String(a.key, a.code))
		}
	}
	return slog.GroupValue(attrs...)
}

// String returns "history of child C000001: 3 episodes, 2 periods of
// care": the child's ID and counts, never the date of birth, name or
// postcodes. A nil *History prints as "care.History(nil)".
func (h *History) String() string {
	if h == nil {
		return "care.History(nil)"
	}
	return "history of child " + h.child.ID + ": " + plural(len(h.eps), "episode") + ", " +
		plural(len(h.periods), "period") + " of care"
}

// Format implements [fmt.Formatter]: every verb prints [History.String]
// (%q quoted), so that neither %+v nor %#v reaches the child's name, date
// of birth or postcodes.
func (h *History) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		io.WriteString(f, strconv.Quote(h.String()))
		return
	}
	io.WriteString(f, h.String())
}

// LogValue implements [slog.LogValuer]: the child's ID and the numbers of
// episodes and periods of care.
func (h *History) LogValue() slog.Value {
	if h == nil {
		return slog.StringValue(h.String())
	}
	return slog.GroupValue(slog.String("child", h.child.ID), slog.Int("episodes", len(h.eps)),
		slog.Int("periods_of_care", len(h.periods)))
}

// plural returns "1 episode" or "n episodes".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// birthdayLabel reports whether an anchor or closure label of a [Kind]
// names a birthday ("the 16th birthday", "the young person turned 21"),
// whose date would give away the date of birth.
func birthdayLabel(l string) bool {
	return strings.Contains(l, "birthday") || strings.Contains(l, " turned ")
}

// appendWithoutBirthdays is the Message of a kind whose timescale may run
// from a birthday, or whose window may close on one: the standard message,
// without those dates. "no needs assessment yet; due 3 June 2026, 3 months
// after the 16th birthday".
func appendWithoutBirthdays(b []byte, f Finding) []byte {
	start := len(b)
	b = f.kind.appendMessage(b, f)
	if l := f.kind.anchor(f.anchorAs); birthdayLabel(l) {
		b = cutDate(b, start, l, f.anchor)
	}
	if f.Status == Missed {
		if l := f.kind.closure(f.closedBy); birthdayLabel(l) {
			b = cutDate(b, start, l, f.closed)
		}
	}
	return b
}

// cutDate removes " on <d>" where it follows label in b[from:], as the
// standard messages write a labelled date.
func cutDate(b []byte, from int, label string, d Date) []byte {
	var buf [96]byte
	pat := d.AppendFormat(append(append(buf[:0], label...), " on "...))
	i := bytes.Index(b[from:], pat)
	if i < 0 {
		return b
	}
	cut := from + i + len(label)
	return append(b[:cut], b[from+i+len(pat):]...)
}

// WithoutBirthdays returns a copy of r in which no finding carries the
// date of a birthday of the child: a finding whose timescale runs from a
// birthday (LEAV-01, LEAV-02 from the 16th, HLTH-03 from the 4th) has no
// anchor date, so its JSON has no anchor evidence and an empty
// "deadline.anchor", and a Missed finding whose window closed on a
// birthday (at 17, 21 or 25) has no closing date. Messages read the same
// ("3 months after the 16th birthday"); due dates are kept, since a
// worker needs them, and a reader can work back from them to the birthday
// within a few days (see the package doc on birthdays). Use it for output
// only, such as JSON sent outside the service: the copy's Anchor and Closed
// no longer say when those timescales ran from or closed. r is unchanged.
func (r Report) WithoutBirthdays() Report {
	out := slices.Clone(r)
	for i := range out {
		f := &out[i]
		if f.kind == nil {
			continue
		}
		if birthdayLabel(f.kind.anchor(f.anchorAs)) {
			f.anchor = Date{}
		}
		if f.Status == Missed && birthdayLabel(f.kind.closure(f.closedBy)) {
			f.closed = Date{}
		}
	}
	return out
}
