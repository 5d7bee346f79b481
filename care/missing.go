package care

import (
	"cmp"
	"fmt"
	"strconv"
)

// MissingEpisode is one episode of a looked-after child being missing or
// away from placement, as in the SSDA903 Missing table (MISSING, MIS_START,
// MIS_END), with the times of day where the record has them and the return
// home interview offered after it.
//
// # Times
//
// Start and End are calendar dates, as the DfE return holds them. The
// optional StartTime and EndTime carry the local wall-clock time (England,
// GMT or BST as then in force), so that the 72 hours of MISS-01 can be
// counted to the hour. A zero Clock means the time was not recorded; see
// [MissingPolicy.UnknownTimes] for how such a gap is treated. Times are
// compared as wall-clock times: across a change of the clocks the hours
// counted are the ones on the clock, so the 72 hours may be 71 or 73
// elapsed hours (the library keeps no time-zone database).
//
// A MissingEpisode is a plain value; the library never modifies one.
type MissingEpisode struct {
	// Type is M (missing) or A (away without authorisation).
	Type      MissingType `json:"type"`
	Start     Date        `json:"start"`
	StartTime Clock       `json:"start_time,omitzero"`
	// End is the day the child returned or was found; zero while the
	// child is still missing.
	End     Date  `json:"end,omitzero"`
	EndTime Clock `json:"end_time,omitzero"`
	// Interview records the return home interview offered after the
	// return.
	Interview ReturnInterview `json:"interview,omitzero"`
}

// Returned returns the moment the child returned, with the time if it was
// recorded; the zero Moment if the child has not returned.
func (e MissingEpisode) Returned() Moment { return Moment{Date: e.End, Clock: e.EndTime} }

// ReturnInterview records the independent return home interview offered to
// a child after a missing episode (statutory guidance, 2014): when it was
// offered, when it was held, and whether the child declined it.
type ReturnInterview struct {
	Offered Moment `json:"offered,omitzero"`
	Held    Moment `json:"held,omitzero"`
	// Declined records that the child declined the interview when it was
	// offered; Offered must then be set. The duty to offer is then met on
	// the day it was offered.
	Declined bool `json:"declined,omitempty"`
}

// done returns the moment that meets MISS-01: the interview held, or, when
// the child declined, the offer.
func (ri ReturnInterview) done() Moment {
	if !ri.Held.IsZero() {
		return ri.Held
	}
	if ri.Declined {
		return ri.Offered
	}
	return Moment{}
}

// RiskLevel is the level of risk of exploitation or of going missing that a
// multi-agency meeting recorded. It marshals as "low", "medium" or "high";
// the zero value, RiskLevelUnknown, means none was recorded and marshals as "".
type RiskLevel uint8

const (
	RiskLevelUnknown RiskLevel = iota // not recorded
	RiskLevelLow                      // low: the risk is managed; meetings may stop
	RiskLevelMedium                   // medium
	RiskLevelHigh                     // high
)

var riskNames = [...]string{"", "low", "medium", "high"}

// String returns "low", "medium", "high", "" for RiskLevelUnknown and
// "RiskLevel(n)" for a value outside the list.
func (l RiskLevel) String() string {
	if int(l) < len(riskNames) {
		return riskNames[l]
	}
	return fmt.Sprintf("RiskLevel(%d)", uint8(l))
}

// MarshalText implements [encoding.TextMarshaler].
func (l RiskLevel) MarshalText() ([]byte, error) {
	return marshalName(l.String(), int(l), len(riskNames), "risk level")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is RiskLevelUnknown.
func (l *RiskLevel) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, riskNames[:], "risk level")
	*l = RiskLevel(i)
	return err
}

// RiskMeeting is a multi-agency meeting about a child at risk of
// exploitation or of going missing (a strategy or risk management meeting).
type RiskMeeting struct {
	Date Date `json:"date"`
	// Risk is the level of risk the meeting recorded (required).
	Risk RiskLevel `json:"risk"`
	// Actions are the actions agreed, in words: each free text of at most
	// [MaxTextBytes].
	Actions []string `json:"actions,omitempty"`
	// EscalatedTo names the senior manager or body the case was escalated
	// to (at most [MaxNameBytes], never quoted in errors), and EscalatedOn
	// when; both or neither.
	EscalatedTo string `json:"escalated_to,omitempty"`
	EscalatedOn Date   `json:"escalated_on,omitzero"`
}

// UnknownTimes says how MISS-01 treats a return or an interview whose time
// of day was not recorded. It marshals as "favourable" or "unfavourable";
// the zero value is [UnknownTimesFavourable].
type UnknownTimes uint8

const (
	// UnknownTimesFavourable (the default) gives the authority the benefit
	// of the doubt: a return with no time is taken as 23:59 on its day and
	// an interview with no time as 00:00 on its day. With dates only, an
	// interview is on time if held on or before the third day after the
	// return.
	UnknownTimesFavourable UnknownTimes = iota
	// UnknownTimesUnfavourable takes the opposite: a return with no time
	// is 00:00 and an interview with no time 23:59. With dates only, an
	// interview is on time if held by the second day after the return.
	UnknownTimesUnfavourable
)

var unknownTimesNames = [...]string{"favourable", "unfavourable"}

// String returns "favourable" or "unfavourable".
func (u UnknownTimes) String() string {
	if int(u) < len(unknownTimesNames) {
		return unknownTimesNames[u]
	}
	return fmt.Sprintf("UnknownTimes(%d)", uint8(u))
}

// MarshalText implements [encoding.TextMarshaler].
func (u UnknownTimes) MarshalText() ([]byte, error) {
	if int(u) >= len(unknownTimesNames) {
		return nil, fmt.Errorf("care: cannot marshal unknown-times convention %d", uint8(u))
	}
	return []byte(unknownTimesNames[u]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is the default.
func (u *UnknownTimes) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*u = UnknownTimesFavourable
		return nil
	}
	for i, n := range unknownTimesNames {
		if string(b) == n {
			*u = UnknownTimes(i)
			return nil
		}
	}
	return &ParseError{Input: string(b), Type: "unknown-times convention",
		Err: fmt.Errorf("%w: want favourable or unfavourable", ErrUnknownCode)}
}

// MissingPolicy holds the standards of MISS-01 to MISS-03. The zero value
// means the defaults.
type MissingPolicy struct {
	// InterviewHours is the time allowed for the return home interview
	// after the return. Default and maximum 72 (statutory guidance, 2014).
	InterviewHours int `json:"interview_hours,omitzero"`
	// UnknownTimes says how a return or interview with no recorded time is
	// treated. Default [UnknownTimesFavourable].
	UnknownTimes UnknownTimes `json:"unknown_times,omitzero"`
	// IncludeAway treats away (A) episodes like missing (M) ones: a return
	// home interview after each, and counted toward repeated missing. The
	// guidance speaks of children who go missing; default false.
	IncludeAway bool `json:"include_away,omitempty"`
	// RepeatEpisodes and RepeatDays define repeated missing (MISS-02): at
	// least RepeatEpisodes episodes starting within RepeatDays days (the
	// first and last start at most RepeatDays-1 days apart). Defaults 3
	// and 90; RepeatEpisodes may be lower, never higher, and RepeatDays
	// longer, never shorter.
	RepeatEpisodes int `json:"repeat_episodes,omitzero"`
	RepeatDays     int `json:"repeat_days,omitzero"`
	// MeetingWorkingDays is the window for the first risk meeting after
	// repeated missing, in working days after the start of the episode
	// that reached the threshold. Default and maximum 5.
	MeetingWorkingDays int `json:"meeting_working_days,omitzero"`
	// MeetingIntervalWeeks is the longest gap between risk meetings while
	// the risk remains (the last meeting recorded medium, high or no level).
	// Default and maximum 6 (a library default: the catalogue sets none).
	MeetingIntervalWeeks int `json:"meeting_interval_weeks,omitzero"`
	// EscalateAfterMeetings is the number of consecutive meetings
	// recording high risk after which the case must have been escalated to
	// a senior manager (MISS-03). Default and maximum 2.
	EscalateAfterMeetings int `json:"escalate_after_meetings,omitzero"`
}

func (p MissingPolicy) validate(errs *ValidationErrors) {
	sgLimit(errs, "missing.interview_hours", p.InterviewHours, 72, true)
	if int(p.UnknownTimes) >= len(unknownTimesNames) {
		errs.Addf("missing.unknown_times", "unknown convention %d", p.UnknownTimes)
	}
	sgLimit(errs, "missing.repeat_episodes", p.RepeatEpisodes, 3, true)
	if p.RepeatEpisodes == 1 {
		errs.Addf("missing.repeat_episodes", "1 is not a repeat: use 2 or 3")
	}
	sgLimit(errs, "missing.repeat_days", p.RepeatDays, 90, false)
	if p.RepeatDays > 3660 {
		errs.Addf("missing.repeat_days", "%d days is more than ten years", p.RepeatDays)
	}
	sgLimit(errs, "missing.meeting_working_days", p.MeetingWorkingDays, 5, true)
	sgLimit(errs, "missing.meeting_interval_weeks", p.MeetingIntervalWeeks, 6, true)
	sgLimit(errs, "missing.escalate_after_meetings", p.EscalateAfterMeetings, 2, true)
}

func (p MissingPolicy) counts(t MissingType) bool {
	return t == MissingTypeMissing || (p.IncludeAway && t == MissingTypeAway)
}

// ReturnInterviewDue returns the moment by which the return home interview
// after e must be held (MISS-01): InterviewHours (default 72) after the
// return, counted in wall-clock hours through nights, weekends and bank
// holidays alike. A return at 23:00 on a Friday is due by 23:00 on the
// Monday, bank holiday or not. Where the return time was not recorded the
// policy's [UnknownTimes] convention fixes it (default: 23:59, so the
// interview is due by 23:59 on the third day after the return). The
// interview is on time if held at or before the returned moment.
//
// It returns false if the child has not returned (End is zero), or e is an
// away episode and the policy does not include away episodes. It does not
// validate p. Statutory guidance on children who run away or go missing
// from home or care (DfE, 2014). See also [MissingEpisode].
func ReturnInterviewDue(e MissingEpisode, p MissingPolicy) (Moment, bool) {
	if e.End.IsZero() || !p.counts(e.Type) {
		return Moment{}, false
	}
	hours := cmp.Or(p.InterviewHours, 72)
	due := momentFromMinute(e.Returned().minuteOf(p.returnDefault()) + int64(hours)*60)
	return due, !due.IsZero()
}

func (p MissingPolicy) returnDefault() int {
	if p.UnknownTimes == UnknownTimesUnfavourable {
		return 0
	}
	return 1439
}

func (p MissingPolicy) doneDefault() int {
	if p.UnknownTimes == UnknownTimesUnfavourable {
		return 1439
	}
	return 0
}

// RepeatedMissing returns the index of the first episode, among those
// starting on or after from, that makes RepeatEpisodes (default 3)
// episodes starting within RepeatDays (default 90) days, counting only
// those episodes; false if there is none. A zero from means the beginning.
// Episodes must be in order of start, as [Record.Validate] requires; away
// episodes count only if the policy includes them. The window is inclusive
// of both ends: starts on 1 January and 31 March are within 90 days (89
// days apart). See MISS-02 and [ReturnInterviewDue].
func RepeatedMissing(eps []MissingEpisode, from Date, p MissingPolicy) (int, bool) {
	n := cmp.Or(p.RepeatEpisodes, 3)
	days := cmp.Or(p.RepeatDays, 90)
	// Episodes are in order of start: skip those before from.
	start, _ := searchDate(len(eps), from, func(k int) Date { return eps[k].Start })
	// Two pointers over the counted episodes: lo is the oldest counted
	// episode still within the window ending at eps[i].
	lo, count := start, 0
	for i := start; i < len(eps); i++ {
		e := &eps[i]
		if !p.counts(e.Type) || e.Start.Before(from) || e.Start.IsZero() {
			continue
		}
		count++
		for ; lo < i; lo++ {
			l := &eps[lo]
			if !p.counts(l.Type) || l.Start.Before(from) || l.Start.IsZero() {
				continue
			}
			if e.Start.DaysSince(l.Start) < days {
				break
			}
			count--
		}
		if count >= n {
			return i, true
		}
	}
	return 0, false
}

func validateMissing(errs *ValidationErrors, eps []MissingEpisode, ms []RiskMeeting) {
	for i, e := range eps {
		path := func(f string) string { return JoinPath(Index("missing_episodes", i), f) }
		if e.Type == MissingTypeUnknown {
			errs.Add(path("type"), ErrRequired)
		}
		checkCode(errs, path("type"), e.Type != MissingTypeUnknown, e.Type.IsKnown(), e.Type.String())
		if e.Start.IsZero() {
			errs.Add(path("start"), ErrRequired)
		}
		if err := clockProblem(e.StartTime, e.Start); err != nil {
			errs.Add(path("start_time"), err)
		}
		if err := clockProblem(e.EndTime, e.End); err != nil {
			errs.Add(path("end_time"), err)
		}
		start := Moment{e.Start, e.StartTime}
		ret := e.Returned()
		if !e.End.IsZero() && !e.Start.IsZero() && ret.minuteOf(1439) < start.minuteOf(0) {
			errs.Addf(path("end"), "missing episode ends %s, before it starts %s", ret, start)
		}
		ri := e.Interview
		if err := clockProblem(ri.Offered.Clock, ri.Offered.Date); err != nil {
			errs.Add(path("interview.offered.time"), err)
		}
		if err := clockProblem(ri.Held.Clock, ri.Held.Date); err != nil {
			errs.Add(path("interview.held.time"), err)
		}
		for _, m := range [...]struct {
			name string
			at   Moment
		}{{"offered", ri.Offered}, {"held", ri.Held}} {
			switch {
			case m.at.IsZero():
			case e.End.IsZero():
				errs.Addf(path("interview."+m.name), "interview %s %s, but no return is recorded", m.name, m.at)
			case m.at.minuteOf(1439) < ret.minuteOf(0):
				errs.Addf(path("interview."+m.name), "interview %s %s, before the return %s", m.name, m.at, ret)
			}
		}
		if ri.Declined && ri.Offered.IsZero() {
			errs.Add(path("interview.offered"), fmt.Errorf("%w: the interview was declined, so it was offered", ErrRequired))
		}
		if ri.Declined && !ri.Held.IsZero() {
			errs.Addf(path("interview.declined"), "the interview is recorded as both declined and held")
		}
		if i == 0 || e.Start.IsZero() {
			continue
		}
		prev := eps[i-1]
		switch {
		case prev.Start.IsZero():
		case e.Start.Before(prev.Start):
			errs.Add(path("start"), fmt.Errorf("%w: starts %s, before the previous episode's start %s", ErrOutOfOrder, e.Start, prev.Start))
		case prev.End.IsZero():
			errs.Addf(JoinPath(Index("missing_episodes", i-1), "end"), "only the last missing episode may be open; episode %d follows", i)
		case start.minuteOf(1439) < prev.Returned().minuteOf(0):
			errs.Addf(path("start"), "starts %s, before the previous episode ended %s", start, prev.Returned())
		}
	}
	for i, m := range ms {
		path := func(f string) string { return JoinPath(Index("risk_meetings", i), f) }
		if m.Date.IsZero() {
			errs.Add(path("date"), ErrRequired)
		}
		switch {
		case m.Risk == RiskLevelUnknown:
			errs.Add(path("risk"), ErrRequired)
		case int(m.Risk) >= len(riskNames):
			errs.Add(path("risk"), fmt.Errorf("%w: %s", ErrUnknownCode, m.Risk))
		}
		if (m.EscalatedTo == "") != m.EscalatedOn.IsZero() {
			if m.EscalatedTo == "" {
				errs.Add(path("escalated_to"), fmt.Errorf("%w: an escalation date is recorded", ErrRequired))
			} else {
				errs.Add(path("escalated_on"), fmt.Errorf("%w: an escalation is recorded", ErrRequired))
			}
		}
		if i > 0 && !m.Date.IsZero() && m.Date.Before(ms[i-1].Date) {
			errs.Add(path("date"), fmt.Errorf("%w: %s is before the previous meeting %s", ErrOutOfOrder, m.Date, ms[i-1].Date))
		}
	}
}

// clockProblem reports a Clock that is out of range or set without its
// date; nil if there is none.
func clockProblem(c Clock, d Date) error {
	switch {
	case c.m < 0 || c.m > 1440:
		return fmt.Errorf("%w: %d minutes", ErrInvalidClock, c.m-1)
	case !c.IsZero() && d.IsZero():
		return fmt.Errorf("a time of day %s is recorded without its date", c)
	}
	return nil
}

// The kinds of MISS finding.
var (
	kindMISS01 = Kind{Rule: &ruleMISS01, What: "return home interview", Subject: "missing_episodes[]",
		Anchor: "the return", Done: "return home interview held", Dones: []string{"return home interview offered and declined"},
		DoneAt: "missing_episodes[].interview", Closures: []string{"the child next went missing", "the child left care", "the next looked-after review was held"},
		Message: appendMISS01}
	kindMISS02 = Kind{Rule: &ruleMISS02, What: "risk meeting", Subject: "missing_episodes[]",
		Anchor: "the start of the repeated missing episode", Done: "risk meeting held", DoneAt: "risk_meetings[]",
		Closures: []string{"the child left care"}}
	kindMISS02Next = Kind{Rule: &ruleMISS02, What: "risk meeting", Subject: "risk_meetings[]",
		Anchor: "the last risk meeting", Anchors: []string{"the last risk meeting (medium risk)", "the last risk meeting (high risk)"},
		Done: "risk meeting held", DoneAt: "risk_meetings[]", Closures: []string{"the child left care"}}
	kindMISS03 = Kind{Rule: &ruleMISS03, What: "escalation to a senior manager", Subject: "risk_meetings[]",
		Anchor: "the last of the consecutive high-risk meetings", Done: "escalated", DoneAt: "risk_meetings[]",
		Extra: "first of the high-risk meetings", ExtraAt: "risk_meetings[]",
		Closures: []string{"a later meeting recorded a lower risk", "the next run of high-risk meetings fell due for escalation",
			"the child left care"}}
)

// missing records the findings of MISS-01, MISS-02 and MISS-03.
func (s *sgAssessor) missing() error {
	for i := range s.r.MissingEpisodes {
		s.returnInterview(i)
	}
	if err := s.repeatMissing(); err != nil {
		return err
	}
	s.escalation()
	return nil
}

// returnInterview records the MISS-01 finding of missing episode i: the
// return home interview is due by the moment [ReturnInterviewDue] gives,
// and its window closes when the child next goes missing (in an episode the
// policy counts: that episode's interview takes its place), at the first
// looked-after review after it fell due, or when the child leaves the
// period of care current on the day of the return.
func (s *sgAssessor) returnInterview(i int) {
	mp := s.p.Missing
	ep := &s.r.MissingEpisodes[i]
	if ep.End.After(s.asOf) {
		return // not yet returned as of the date
	}
	due, ok := ReturnInterviewDue(*ep, mp)
	if !ok {
		return
	}
	ri := ep.Interview
	done := ri.done()
	declined := ri.Held.IsZero() && ri.Declined
	o := Obligation{Subject: At(i), Due: due.Date, Anchor: ep.End, Count: cmp.Or(mp.InterviewHours, 72), Unit: Hours,
		Done: done.Date, Quantity: missTimes{due: due.Clock, done: done.Clock, returnUnrecorded: ep.EndTime.IsZero(), declined: declined}.quantity()}
	if !done.IsZero() {
		o.DoneAt = At(i)
		if declined {
			o.DoneAs = 1
		}
	}
	o.Closes, o.ClosedBy = s.returnInterviewCloses(i, due.Date)
	// The 72 hours run to the minute: an interview on the due day after the
	// due time is late. Unrecorded times follow the policy's convention.
	o.DueClock, o.DoneClock = clockAt(due.minuteOf(0)), clockAt(done.minuteOf(mp.doneDefault()))
	s.e.Deadline(&kindMISS01, o)
}

// clockAt returns the time of day of a moment given as minutes since the
// date epoch ([Moment] minuteOf).
func clockAt(m int64) Clock {
	mins := int(m % 1440)
	c, _ := NewClock(mins/60, mins%60)
	return c
}

// returnInterviewCloses returns the day the window of episode i's return
// home interview closes, and which of kindMISS01's closures closed it: the
// start of the next episode the policy counts, the first looked-after
// review held after the interview fell due (which takes stock of the
// episode and the plan to keep the child safe), or the day the child left
// the period of care current on the day of the return, whichever is
// first; zero while none has happened.
func (s *sgAssessor) returnInterviewCloses(i int, due Date) (Date, int) {
	mp := s.p.Missing
	eps := s.r.MissingEpisodes
	var closes Date
	by := 0
	for k := i + 1; k < len(eps); k++ {
		if mp.counts(eps[k].Type) && !eps[k].Start.IsZero() {
			closes = eps[k].Start
			break
		}
	}
	if rv := s.reviewAfter(due); !rv.IsZero() && (closes.IsZero() || rv.Before(closes)) {
		closes, by = rv, 2
	}
	if left := s.leftCare(eps[i].End); !left.IsZero() && (closes.IsZero() || left.Before(closes)) {
		return left, 1
	}
	return closes, by
}

// reviewAfter returns the first looked-after review held after day d and
// on or before the as-of date, or zero: the review that takes stock of a
// duty still outstanding, after which it is missed rather than owed.
func (s *sgAssessor) reviewAfter(d Date) Date {
	for _, rv := range s.reviews {
		if rv.After(d) && !rv.After(s.asOf) {
			return rv
		}
	}
	return Date{}
}

// missTimes are the times of day a MISS-01 message reads: a finding holds
// numbers and dates, not text, so they travel in its Quantity
// ([missTimes.quantity]). The due time is always known (an unrecorded
// return time is taken by the policy's convention); the interview's time is
// the zero Clock when it was not recorded.
type missTimes struct {
	due, done        Clock
	returnUnrecorded bool // the return's time of day was not recorded
	declined         bool // the child declined the interview offered
}

// clockValues is the number of values a Clock holds: not recorded, and
// each minute of the day.
const clockValues = 1 + 24*60

// quantity returns t as one number: the due clock, plus clockValues times
// the interview's clock, plus clockValues² times the flags (1 for an
// unrecorded return time, 2 for a declined interview).
func (t missTimes) quantity() int {
	flags := 0
	if t.returnUnrecorded {
		flags |= 1
	}
	if t.declined {
		flags |= 2
	}
	return int(t.due.m) + clockValues*(int(t.done.m)+clockValues*flags)
}

// missTimesOf returns the times a finding's Quantity q holds.
func missTimesOf(q int) missTimes {
	flags := q / (clockValues * clockValues)
	return missTimes{
		due:              Clock{int16(q % clockValues)},
		done:             Clock{int16(q / clockValues % clockValues)},
		returnUnrecorded: flags&1 != 0,
		declined:         flags&2 != 0,
	}
}

// appendMISS01 renders a MISS-01 finding with its times of day: "return
// home interview held at 09:00 on 26 August 2025, late; due by 23:00 on 25
// August 2025, 72 hours after the return at 23:00 on 22 August 2025".
func appendMISS01(b []byte, f Finding) []byte {
	t := missTimesOf(f.Quantity())
	d, _ := f.Deadline()
	switch f.Status {
	case Met, Late:
		if t.declined {
			b = append(b, "return home interview offered "...)
		} else {
			b = append(b, "return home interview held "...)
		}
		if t.done.IsZero() {
			b = append(b, "on "...)
		} else {
			b = append(b, "at "...)
		}
		b = appendTimeOn(b, t.done, f.Done)
		if t.declined {
			b = append(b, " and declined"...)
		}
		if f.Status == Met {
			b = append(b, ", on time; due by "...)
		} else {
			b = append(b, ", "...)
			b = appendLateness(b, f, t)
			b = append(b, "; due by "...)
		}
	case Overdue:
		b = append(b, "no return home interview yet; due by "...)
	case Missed:
		b = append(b, "no return home interview by "...)
	default:
		b = append(b, "return home interview due by "...)
	}
	b = appendTimeOn(b, t.due, f.Due)
	if f.Status == Missed {
		b = append(b, " ("...)
	} else {
		b = append(b, ", "...)
	}
	b = appendCount(b, d.Count, Hours)
	// The return's time is the due time less the hours, on the clock.
	ret := Clock{int16(((t.due.Minutes()-60*d.Count)%1440+1440)%1440 + 1)}
	if t.returnUnrecorded {
		b = append(b, " after the return on "...)
		b = d.Anchor.AppendFormat(b)
		b = append(b, " (no time recorded: taken as "...)
		b = ret.appendText(b)
		b = append(b, ')')
	} else {
		b = append(b, " after the return at "...)
		b = appendTimeOn(b, ret, d.Anchor)
	}
	if on, by := f.Closed(); !on.IsZero() {
		b = append(b, "); closed when "...)
		b = append(b, by...)
		b = append(b, " on "...)
		b = on.AppendFormat(b)
	}
	return b
}

// appendLateness appends how late a late interview was: in hours and
// minutes when its time was recorded ("10 hours late"), in days when it
// was not ("1 day late"), or "late" on the due day itself.
func appendLateness(b []byte, f Finding, t missTimes) []byte {
	if t.done.IsZero() {
		if days := f.Done.DaysSince(f.Due); days > 0 {
			b = appendDays(b, days)
			b = append(b, ' ')
		}
		return append(b, "late"...)
	}
	mins := f.Done.DaysSince(f.Due)*1440 + t.done.Minutes() - t.due.Minutes()
	if h := mins / 60; h > 0 {
		b = appendCount(b, h, Hours)
		if mins%60 != 0 {
			b = append(b, ' ')
		}
	}
	if m := mins % 60; m > 0 {
		b = strconv.AppendInt(b, int64(m), 10)
		if m == 1 {
			b = append(b, " minute"...)
		} else {
			b = append(b, " minutes"...)
		}
	}
	return append(b, " late"...)
}

// appendTimeOn appends "23:00 on 25 August 2025", or only the date when
// no time is recorded.
func appendTimeOn(b []byte, c Clock, d Date) []byte {
	if !c.IsZero() {
		b = c.appendText(b)
		b = append(b, " on "...)
	}
	return d.AppendFormat(b)
}

// repeatMissing records the MISS-02 findings: a risk meeting within the
// working days of the start of the episode that makes repeated missing
// ([RepeatedMissing]), then, while the last meeting records a risk other
// than low, the next meeting within the interval. A meeting not held stays
// owed (Overdue) until it is held, and the cycle stops there; its window
// closes only when the child leaves the period of care current when it
// arose. A meeting recording low risk ends the cycle, and later episodes
// start a new count.
func (s *sgAssessor) repeatMissing() error {
	mp := s.p.Missing
	wd := cmp.Or(mp.MeetingWorkingDays, 5)
	weeks := cmp.Or(mp.MeetingIntervalWeeks, 6)
	eps, ms := s.r.MissingEpisodes, s.r.RiskMeetings
	// heldBy reports whether meeting k was held as of the date and before
	// the window closing on closes.
	heldBy := func(k int, closes Date) bool {
		return k < len(ms) && !ms[k].Date.After(s.asOf) && (closes.IsZero() || ms[k].Date.Before(closes))
	}
	from, mi := Date{}, 0
	for {
		t, ok := RepeatedMissing(eps, from, mp)
		if !ok {
			return nil
		}
		trig := eps[t].Start
		if trig.After(s.asOf) {
			return nil
		}
		due, err := s.cal.WorkingDayDeadline(trig, wd, s.p.Counting)
		if err != nil {
			return fmt.Errorf("care: %s risk meeting after missing_episodes[%d]: %w", MISS02, t, err)
		}
		for mi < len(ms) && ms[mi].Date.Before(trig) {
			mi++
		}
		o := Obligation{Subject: At(t), Due: due, Anchor: trig, Count: wd, Unit: WorkingDays, Closes: s.leftCare(trig)}
		held := heldBy(mi, o.Closes)
		if held {
			o.Done, o.DoneAt = ms[mi].Date, At(mi)
		}
		s.e.Deadline(&kindMISS02, o)
		if !held {
			return nil
		}
		for ms[mi].Risk != RiskLevelLow {
			last := ms[mi]
			o := Obligation{Subject: At(mi), Due: last.Date.AddDays(7 * weeks), Anchor: last.Date, Count: weeks, Unit: Weeks,
				Closes: s.leftCare(last.Date)}
			if last.Risk >= RiskLevelMedium {
				o.AnchorAs = int(last.Risk - RiskLevelLow) // the kind's Anchors: medium, high
			}
			held := heldBy(mi+1, o.Closes)
			if held {
				o.Done, o.DoneAt = ms[mi+1].Date, At(mi+1)
			}
			s.e.Deadline(&kindMISS02Next, o)
			if !held {
				return nil
			}
			mi++
		}
		from = ms[mi].Date.AddDays(1)
		mi++
	}
}

// escalation records the MISS-03 findings: each run of consecutive
// meetings recording high risk, EscalateAfterMeetings long, is escalated
// to a senior manager no later than its last meeting (an escalation
// recorded from its first meeting counts). The window closes at the next
// meeting if it records a lower risk (the risk was reduced), at the end of
// the next run if the risk stays high (that run's escalation takes its
// place), or when the child leaves care.
func (s *sgAssessor) escalation() {
	n := cmp.Or(s.p.Missing.EscalateAfterMeetings, 2)
	ms := s.r.RiskMeetings
	run, first := 0, 0
	for k, m := range ms {
		if m.Date.After(s.asOf) {
			break
		}
		if m.Risk != RiskLevelHigh {
			run = 0
			continue
		}
		if run == 0 {
			first = k
		}
		run++
		if run < n {
			continue
		}
		run = 0
		o := Obligation{Subject: At(k), Due: m.Date, Anchor: m.Date, Unit: Days, Extra: ms[first].Date, ExtraAt: At(first)}
		o.Closes, o.ClosedBy = s.escalationCloses(k, n)
		for j := first; j < len(ms); j++ {
			on := ms[j].EscalatedOn
			if !on.IsZero() && !on.Before(ms[first].Date) && !on.After(s.asOf) && (o.Closes.IsZero() || on.Before(o.Closes)) {
				o.Done, o.DoneAt = on, At(j)
				break
			}
		}
		s.e.Deadline(&kindMISS03, o)
	}
}

// escalationCloses returns the day the escalation due at meeting k, the
// last of a run of n high-risk meetings, can no longer be met, and which of
// kindMISS03's closures closed it; zero while none has happened.
func (s *sgAssessor) escalationCloses(k, n int) (Date, int) {
	ms := s.r.RiskMeetings
	var closes Date
	by := 0
	for j := k + 1; j < len(ms) && j <= k+n; j++ {
		if ms[j].Risk != RiskLevelHigh {
			closes = ms[j].Date
			break
		}
		if j == k+n {
			closes, by = ms[j].Date, 1
		}
	}
	if left := s.leftCare(ms[k].Date); !left.IsZero() && (closes.IsZero() || left.Before(closes)) {
		return left, 2
	}
	return closes, by
}

var ruleMISS01 = Rule{
	ID:    MISS01,
	Title: "Return home interview offered and held within 72 hours of each return from missing",
	Text: "After every return from a missing episode the child is offered an independent return home interview, " +
		"held within 72 hours of the return. The hours are wall-clock hours and run through nights, weekends and " +
		"bank holidays; where the return or interview time is not recorded, the policy's unknown-times convention " +
		"applies (default: the interview is on time if held by the third day after the return). A declined " +
		"interview is met by the offer. Away episodes count only if the policy includes them. The finding's due " +
		"date is the day of the due moment, and its message gives the times. The window closes when the child next " +
		"goes missing (in an episode the policy counts: its own interview takes this one's place), when the first " +
		"looked-after review after the due day is held (it takes stock of the episode and the plan to keep the child " +
		"safe), or when the child leaves the period of care current on the day of the return: an interview not held " +
		"by then is missed, and none is owed if that happens on or before the due day.",
	Citation: sgCite(sgMissingGuidance, "return home interviews"),
	Severity: SeverityGuidance,
	Domain:   DomainMissing,
	Package:  "care",
	File:     "care/missing.go",
	Default:  "72 hours",
	Policy:   []string{"Missing.InterviewHours", "Missing.UnknownTimes", "Missing.IncludeAway"},
}

var ruleMISS02 = Rule{
	ID:    MISS02,
	Title: "Repeated missing episodes trigger a multi-agency risk meeting, repeated while the risk remains",
	Text: "When a child has 3 missing episodes starting within 90 days (first and last start at most 89 days apart), " +
		"a multi-agency risk meeting is held within 5 working days of the start of the episode that reached the " +
		"threshold (that day is day 0). While the last meeting records medium, high or no risk level, the next " +
		"meeting is due within 6 weeks of it; a meeting recording low risk ends the cycle, and later episodes " +
		"start a new count. A meeting not held stays owed (Overdue), however many episodes follow: the next " +
		"meeting held meets it late. The window closes only when the child leaves the period of care current " +
		"when the meeting fell owed: a meeting not held by then is missed, and the cycle ends with the care.",
	Citation: sgCite(sgLocalStandard, "inspection finding; statutory guidance on children who run away or go missing (DfE, 2014)"),
	Severity: SeverityLocal,
	Domain:   DomainMissing,
	Package:  "care",
	File:     "care/missing.go",
	Default:  "3 in 90 days; 5 WD; then 6 weeks",
	Policy: []string{"Missing.RepeatEpisodes", "Missing.RepeatDays", "Missing.MeetingWorkingDays",
		"Missing.MeetingIntervalWeeks", "Missing.IncludeAway", "Counting"},
}

var ruleMISS03 = Rule{
	ID:    MISS03,
	Title: "High exploitation risk not reduced over 2 meetings is escalated to a senior manager",
	Text: "When 2 consecutive risk meetings record high risk, the case is escalated to a senior manager on or " +
		"before the second of them (an escalation recorded from the first onward counts). Each further run of 2 " +
		"high-risk meetings needs its own escalation. The window closes at the next meeting if it records a " +
		"lower risk, when the next run of high-risk meetings falls due for its own escalation, or when the child " +
		"leaves care: an escalation not made by then is missed.",
	Citation: sgCite(sgLocalStandard, "inspection finding"),
	Severity: SeverityLocal,
	Domain:   DomainMissing,
	Package:  "care",
	File:     "care/missing.go",
	Default:  "2 meetings",
	Policy:   []string{"Missing.EscalateAfterMeetings"},
}
