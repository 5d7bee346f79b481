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
// the zero value, RiskUnknown, means none was recorded and marshals as "".
type RiskLevel uint8

const (
	RiskUnknown RiskLevel = iota // not recorded
	RiskLow                      // low: the risk is managed; meetings may stop
	RiskMedium                   // medium
	RiskHigh                     // high
)

var riskNames = [...]string{"", "low", "medium", "high"}

// String returns "low", "medium", "high", "" for RiskUnknown and
// "%!RiskLevel(n)" for a value outside the list.
func (l RiskLevel) String() string {
	if int(l) < len(riskNames) {
		return riskNames[l]
	}
	return fmt.Sprintf("%%!RiskLevel(%d)", uint8(l))
}

// MarshalText implements [encoding.TextMarshaler].
func (l RiskLevel) MarshalText() ([]byte, error) {
	return marshalName(l.String(), int(l), len(riskNames), "risk level")
}

// UnmarshalText implements [encoding.TextUnmarshaler]; "" is RiskUnknown.
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
	// Actions are the actions agreed, in words.
	Actions []string `json:"actions,omitempty"`
	// EscalatedTo names the senior manager or body the case was escalated
	// to, and EscalatedOn when; both or neither.
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
	return fmt.Sprintf("%%!UnknownTimes(%d)", uint8(u))
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
		if s := e.Type.String(); e.Type != MissingTypeUnknown && (s == "" || s[0] == '%') {
			errs.Add(path("type"), fmt.Errorf("%w: %s", ErrUnknownCode, s))
		}
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
		case m.Risk == RiskUnknown:
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

func (r Record) assessMissing(asOf Date, cal *Calendar, p Policy, rep *Report) error {
	mp := p.Missing
	rule := &sgMISS01
	for i, e := range r.MissingEpisodes {
		if e.End.After(asOf) {
			continue
		}
		due, ok := ReturnInterviewDue(e, mp)
		if !ok {
			continue
		}
		rep.Add(returnInterviewFinding(rule, i, e, due, asOf, mp))
	}
	if err := r.assessRepeatMissing(asOf, cal, p, rep); err != nil {
		return err
	}
	r.assessEscalation(asOf, mp, rep)
	return nil
}

func returnInterviewFinding(rule *Rule, i int, e MissingEpisode, due Moment, asOf Date, p MissingPolicy) Finding {
	hours := cmp.Or(p.InterviewHours, 72)
	done := e.Interview.done()
	var st Status
	switch {
	case !done.IsZero() && !done.Date.After(asOf):
		if done.minuteOf(p.doneDefault()) <= due.minuteOf(0) {
			st = Met
		} else {
			st = Late
		}
	case asOf.After(due.Date):
		st = Overdue
	default:
		st = Upcoming
	}
	ref := Index("missing_episodes", i)
	f := NewFinding(*rule, ref, st)
	f.Due = due.Date
	if st == Met || st == Late {
		f.Done = done.Date
	}
	f.Deadline = Deadline{Rule: rule.ID, Due: due.Date, Anchor: e.End, AnchorLabel: "returned", Count: hours, Unit: Hours}
	var buf [128]byte
	b := append(buf[:0], "return home interview due by "...)
	b = appendMoment(b, due)
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(hours), 10)
	b = append(b, " hours after the return at "...)
	b = appendMoment(b, e.Returned())
	if e.Interview.Held.IsZero() && e.Interview.Declined {
		b = append(b, "; the child declined the interview offered"...)
	}
	f.Message = string(b)
	n := 1
	if !e.Interview.Offered.IsZero() {
		n++
	}
	if !e.Interview.Held.IsZero() {
		n++
	}
	f.Evidence = make([]Evidence, 1, n)
	f.Evidence[0] = Evidence{Label: string(appendMoment(append(b[:0], "returned "...), e.Returned())), Date: e.End, Ref: ref}
	if !e.Interview.Offered.IsZero() {
		f.Evidence = append(f.Evidence, Evidence{Label: string(appendMoment(append(b[:0], "interview offered "...), e.Interview.Offered)),
			Date: e.Interview.Offered.Date, Ref: ref + ".interview.offered"})
	}
	if !e.Interview.Held.IsZero() {
		f.Evidence = append(f.Evidence, Evidence{Label: string(appendMoment(append(b[:0], "interview held "...), e.Interview.Held)),
			Date: e.Interview.Held.Date, Ref: ref + ".interview.held"})
	}
	return f
}

// sgCareEnd returns the day the child's last period of care ended, or the
// zero Date if the child is still looked after (or has no episodes).
func sgCareEnd(eps []Episode) Date {
	if len(eps) == 0 {
		return Date{}
	}
	return eps[len(eps)-1].End
}

func (r Record) assessRepeatMissing(asOf Date, cal *Calendar, p Policy, rep *Report) error {
	mp := p.Missing
	rule := &sgMISS02
	wd := cmp.Or(mp.MeetingWorkingDays, 5)
	weeks := cmp.Or(mp.MeetingIntervalWeeks, 6)
	ended := sgCareEnd(r.Episodes)
	ms := r.RiskMeetings
	from := Date{}
	mi := 0
	for {
		t, ok := RepeatedMissing(r.MissingEpisodes, from, mp)
		if !ok {
			return nil
		}
		trig := r.MissingEpisodes[t].Start
		if trig.After(asOf) {
			return nil
		}
		due, err := cal.WorkingDayDeadline(trig, wd, p.Counting)
		if err != nil {
			return fmt.Errorf("care: MISS-02 risk meeting after missing_episodes[%d]: %w", t, err)
		}
		for mi < len(ms) && ms[mi].Date.Before(trig) {
			mi++
		}
		var done Date
		if mi < len(ms) && !ms[mi].Date.After(asOf) {
			done = ms[mi].Date
		}
		d := Deadline{Rule: rule.ID, Due: due, Anchor: trig, AnchorLabel: "repeated missing", Count: wd, Unit: WorkingDays}
		extra := 0
		if !done.IsZero() {
			extra = 1
		}
		ref := Index("missing_episodes", t)
		f := sgDeadlineFinding(d, rule, ref, done, asOf, extra)
		f.Message = repeatMessage(mp)
		f.Evidence[0].Ref = ref
		if !done.IsZero() {
			f.Evidence = append(f.Evidence, Evidence{Label: "risk meeting", Date: done, Ref: Index("risk_meetings", mi)})
		}
		rep.Add(f)
		if done.IsZero() {
			return nil
		}
		// While the risk remains, meetings recur at the interval.
		for {
			last := ms[mi]
			if last.Risk == RiskLow {
				from = last.Date.AddDays(1)
				mi++
				break
			}
			due := last.Date.AddDays(7 * weeks)
			if !ended.IsZero() && !due.Before(ended) {
				return nil
			}
			var next Date
			if mi+1 < len(ms) && !ms[mi+1].Date.After(asOf) {
				next = ms[mi+1].Date
			}
			d := Deadline{Rule: rule.ID, Due: due, Anchor: last.Date, AnchorLabel: "previous risk meeting", Count: weeks, Unit: Weeks}
			ref := Index("risk_meetings", mi)
			f := sgDeadlineFinding(d, rule, ref, next, asOf, 0)
			f.Message = nextMeetingMessage(last.Risk)
			f.Evidence[0].Ref = ref
			rep.Add(f)
			if next.IsZero() {
				return nil
			}
			mi++
		}
	}
}

// repeatMessage returns the message of the first MISS-02 finding of a
// cycle: a constant for the default policy.
func repeatMessage(mp MissingPolicy) string {
	n, days := cmp.Or(mp.RepeatEpisodes, 3), cmp.Or(mp.RepeatDays, 90)
	if n == 3 && days == 90 {
		return "risk meeting due after 3 missing episodes in 90 days"
	}
	var buf [80]byte
	b := append(buf[:0], "risk meeting due after "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " missing episodes in "...)
	b = strconv.AppendInt(b, int64(days), 10)
	b = append(b, " days"...)
	return string(b)
}

// nextMeetingMessage returns the message of a later MISS-02 finding:
// "next risk meeting while the risk remains (" + sgRiskWord(l) + " at the
// last meeting)", a constant for each recorded level.
func nextMeetingMessage(l RiskLevel) string {
	switch l {
	case RiskUnknown:
		return "next risk meeting while the risk remains (no level recorded at the last meeting)"
	case RiskLow:
		return "next risk meeting while the risk remains (low at the last meeting)"
	case RiskMedium:
		return "next risk meeting while the risk remains (medium at the last meeting)"
	case RiskHigh:
		return "next risk meeting while the risk remains (high at the last meeting)"
	}
	return "next risk meeting while the risk remains (" + sgRiskWord(l) + " at the last meeting)"
}

func sgRiskWord(l RiskLevel) string {
	if l == RiskUnknown {
		return "no level recorded"
	}
	return l.String()
}

func (r Record) assessEscalation(asOf Date, mp MissingPolicy, rep *Report) {
	rule := &sgMISS03
	n := cmp.Or(mp.EscalateAfterMeetings, 2)
	ms := r.RiskMeetings
	run, first := 0, 0
	for k, m := range ms {
		if m.Date.After(asOf) {
			break
		}
		if m.Risk != RiskHigh {
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
		var esc Date
		escIdx := -1
		for j := first; j < len(ms); j++ {
			if on := ms[j].EscalatedOn; !on.IsZero() && !on.Before(ms[first].Date) && !on.After(asOf) {
				esc, escIdx = on, j
				break
			}
		}
		d := Deadline{Rule: rule.ID, Due: m.Date, Anchor: ms[first].Date, AnchorLabel: "first of the high-risk meetings", Count: m.Date.DaysSince(ms[first].Date), Unit: Days}
		extra := 0
		if escIdx >= 0 {
			extra = 1
		}
		f := sgDeadlineFinding(d, rule, Index("risk_meetings", k), esc, asOf, extra)
		f.Message = escalationMessage(n)
		f.Evidence[0].Ref = Index("risk_meetings", first)
		if escIdx >= 0 {
			f.Evidence = append(f.Evidence, Evidence{Label: "escalated to " + ms[escIdx].EscalatedTo, Date: esc, Ref: Index("risk_meetings", escIdx)})
		}
		rep.Add(f)
	}
}

// escalationMessage returns the MISS-03 message for runs of n high-risk
// meetings: a constant for the default of 2.
func escalationMessage(n int) string {
	if n == 2 {
		return "high risk not reduced over 2 meetings: escalation to a senior manager due"
	}
	var buf [96]byte
	b := append(buf[:0], "high risk not reduced over "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " meetings: escalation to a senior manager due"...)
	return string(b)
}

func ruleMISS01() Rule {
	return Rule{
		ID:    "MISS-01",
		Title: "Return home interview offered and held within 72 hours of each return from missing",
		Text: "After every return from a missing episode the child is offered an independent return home interview, " +
			"held within 72 hours of the return. The hours are wall-clock hours and run through nights, weekends and " +
			"bank holidays; where the return or interview time is not recorded, the policy's unknown-times convention " +
			"applies (default: the interview is on time if held by the third day after the return). A declined " +
			"interview is met by the offer. Away episodes count only if the policy includes them.",
		Citation: Citation{Instrument: sgMissingGuidance, Provision: "return home interviews", URL: sgMissingGuidanceURL},
		Severity: SeverityGuidance,
		Domain:   DomainMissing,
		Package:  "care",
		Default:  "72 hours",
		Policy:   []string{"Missing.InterviewHours", "Missing.UnknownTimes", "Missing.IncludeAway"},
	}
}

func ruleMISS02() Rule {
	return Rule{
		ID:    "MISS-02",
		Title: "Repeated missing episodes trigger a multi-agency risk meeting, repeated while the risk remains",
		Text: "When a child has 3 missing episodes starting within 90 days (first and last start at most 89 days apart), " +
			"a multi-agency risk meeting is held within 5 working days of the start of the episode that reached the " +
			"threshold (that day is day 0). While the last meeting records medium, high or no risk level, the next " +
			"meeting is due within 6 weeks of it; a meeting recording low risk ends the cycle, and later episodes " +
			"start a new count.",
		Citation: Citation{Instrument: sgLocalStandard, Provision: "inspection finding; " + sgMissingGuidance},
		Severity: SeverityLocal,
		Domain:   DomainMissing,
		Package:  "care",
		Default:  "3 in 90 days; 5 WD; then 6 weeks",
		Policy: []string{"Missing.RepeatEpisodes", "Missing.RepeatDays", "Missing.MeetingWorkingDays",
			"Missing.MeetingIntervalWeeks", "Missing.IncludeAway", "Counting"},
	}
}

func ruleMISS03() Rule {
	return Rule{
		ID:    "MISS-03",
		Title: "High exploitation risk not reduced over 2 meetings is escalated to a senior manager",
		Text: "When 2 consecutive risk meetings record high risk, the case is escalated to a senior manager on or " +
			"before the second of them (an escalation recorded from the first onward counts). Each further run of 2 " +
			"high-risk meetings needs its own escalation.",
		Citation: Citation{Instrument: sgLocalStandard, Provision: "inspection finding"},
		Severity: SeverityLocal,
		Domain:   DomainMissing,
		Package:  "care",
		Default:  "2 meetings",
		Policy:   []string{"Missing.EscalateAfterMeetings"},
	}
}
