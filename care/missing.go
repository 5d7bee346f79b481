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
// counted to the minute. A zero Clock means the time was not recorded; see
// [MissingPolicy.UnknownTimes] for how such a gap is treated. The 72 hours
// are real, elapsed hours: across a change of the clocks they end an hour
// earlier or later on the clock ([ReturnInterviewDue]). A time in the hour
// the clocks repeat or skip is read as [Moment.Instant] says.
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
//
// The times are fixed first and the 72 real hours counted after, so a
// count that spans a change of the clocks moves the dates-only rule by an
// hour on the clock, and sometimes by a day: see each value. A time
// recorded in the hour the clocks repeat or skip is not unknown: it is read
// as [Moment.Instant] says, whatever the convention.
type UnknownTimes uint8

const (
	// UnknownTimesFavourable (the default) gives the authority the benefit
	// of the doubt: a return with no time is taken as 23:59 on its day and
	// an interview with no time as 00:00 on its day. With dates only, an
	// interview is on time if held on or before the third day after the
	// return; when the clocks go forward in the 72 hours (a return on the
	// Thursday to Saturday before the last Sunday of March) the due moment
	// is 00:59 BST on the fourth day, so an interview on that day, time not
	// recorded, is on time too.
	UnknownTimesFavourable UnknownTimes = iota
	// UnknownTimesUnfavourable takes the opposite: a return with no time
	// is 00:00 and an interview with no time 23:59. With dates only, an
	// interview is on time if held by the second day after the return;
	// when the clocks go back in the 72 hours (a return on the Friday or
	// Saturday before the last Sunday of October, or on that Sunday) the
	// due moment is 23:00 GMT on the second day, so the interview must be
	// held by the first.
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
	// after the return, in real, elapsed hours ([ReturnInterviewDue]).
	// Default and maximum 72 (statutory guidance, 2014).
	InterviewHours int `json:"interview_hours,omitzero"`
	// UnknownTimes says how a return or interview with no recorded time is
	// treated. Default [UnknownTimesFavourable].
	UnknownTimes UnknownTimes `json:"unknown_times,omitzero"`
	// IncludeAway treats away (A) episodes like missing (M) ones: a return
	// home interview after each, and counted toward repeated missing. The
	// guidance speaks of children who go missing; default false.
	IncludeAway bool `json:"include_away,omitempty"`
	// RepeatEpisodes and RepeatDays define repeated missing (MISS-02): at
	// least RepeatEpisodes episodes starting in one period of RepeatDays
	// days, both ends counted (the first and last start at most
	// RepeatDays-1 days apart: a period of days, not a deadline "within N
	// days of" a day). Defaults 3 and 90; RepeatEpisodes may be lower,
	// never higher, and RepeatDays longer, never shorter.
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
	p.validateInterview(errs)
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

// validateInterview checks the fields [ReturnInterviewDue] reads.
func (p MissingPolicy) validateInterview(errs *ValidationErrors) {
	sgLimit(errs, "missing.interview_hours", p.InterviewHours, 72, true)
	if int(p.UnknownTimes) >= len(unknownTimesNames) {
		errs.Addf("missing.unknown_times", "unknown convention %d", p.UnknownTimes)
	}
}

func (p MissingPolicy) counts(t MissingType) bool {
	return t == MissingTypeMissing || (p.IncludeAway && t == MissingTypeAway)
}

// ReturnInterviewDue returns when the return home interview after a
// child's return from missing is due (MISS-01). The guidance: "When a child
// is found, they must be offered an independent return interview", which
// "should be carried out within 72 hours of the child returning to their
// home or care setting" (Statutory guidance on children who run away or go
// missing from home or care, DfE, January 2014). returned is the return's
// date and, where recorded, its time on the clock in England
// ([MissingEpisode.Returned]). Of p it reads InterviewHours, a local
// standard that may shorten the 72 hours, and UnknownTimes, which fixes a
// return time not recorded (default 23:59 on the day).
//
// Counting convention: real, elapsed hours from the minute of the return,
// running through nights, weekends and bank holidays alike; the interview
// is on time if held at or before the due moment. A return at 23:00 on a
// Friday is due by 23:00 on the Monday, bank holiday or not. Across a
// change of the clocks 72 elapsed hours end an hour earlier or later on
// the clock: a return at 21:00 BST on the Friday before the clocks go back
// is due by 20:00 GMT on the Monday, and one at 21:00 GMT on the Friday
// before they go forward by 22:00 BST on the Monday. The clock is England's
// by the UK rule, held in code from 1996 ([Moment.Instant]).
//
// The return's time is read as [Moment.Instant] reads it. A time in the
// hour the clocks repeat (01:00 to 01:59 on the last Sunday of October) is
// its first occurrence, in BST: the deadline is then an hour earlier than
// reading it as GMT would make it (a return at 01:30 is due by 00:30 GMT
// on the Wednesday). A time in the hour the clocks skip (01:00 to 01:59 on
// the last Sunday of March) is read as GMT, the time on a clock not yet put
// forward: a return at 01:30 is due by 02:30 BST on the Wednesday, an hour
// later than reading it as BST would make it. A return with no time
// recorded is due, by default, at 23:59 on the third day after it; the
// count then spans a change of the clocks if the return is on the Thursday
// to Saturday before the last Sunday of March (due 00:59 BST on the fourth
// day) or of October (22:59 GMT on the third): see [UnknownTimes].
//
// It does not say whether an interview is owed: MISS-01 asks for one after
// every return from an episode the policy counts (away episodes only if
// p.IncludeAway), and says when the chance to hold it is lost. The result's
// Deadline is MISS-01's: Due is the day of the due moment, Anchor the day
// of the return, Count the hours.
//
// Errors: [ValidationErrors] naming the field: "returned.date" if the
// return has no date ([ErrRequired]) or is before 1996
// ([ErrOutsideUKClock]), "returned.time" for a Clock out of range
// ([ErrInvalidClock]), and "missing.interview_hours" or
// "missing.unknown_times" for a policy value outside its limits. See also
// [TimedDeadline] and [Moment.Instant].
func ReturnInterviewDue(returned Moment, p MissingPolicy) (TimedDeadline, error) {
	var errs ValidationErrors
	p.validateInterview(&errs)
	if returned.Date.IsZero() {
		errs.Add("returned.date", ErrRequired)
	} else if err := clockProblem(returned.Clock, returned.Date); err != nil {
		errs.Add("returned.time", err)
	}
	if err := errs.Err(); err != nil {
		return TimedDeadline{}, err
	}
	from, due, ok := p.interviewDue(returned)
	if !ok {
		errs.Add("returned.date", fmt.Errorf("%w: %s", ErrOutsideUKClock, returned.Date))
		return TimedDeadline{}, errs.Err()
	}
	local, _, _ := localOfUTC(due)
	return TimedDeadline{
		Deadline: Deadline{Rule: MISS01, Due: fromDayNum(local / minutesPerDay), Anchor: returned.Date,
			AnchorLabel: "the return", Count: cmp.Or(p.InterviewHours, 72), Unit: Hours},
		DueTime: clockOfMinute(local), AnchorTime: returned.Clock, AnchorAt: timeOfMinute(from), DueAt: timeOfMinute(due),
	}, nil
}

// interviewDue returns the instants, as minute numbers on the GMT clock,
// of the return (its time read as [Moment.Instant] reads it, or fixed by
// the UnknownTimes convention) and of the interview's due moment,
// InterviewHours (default 72) elapsed hours later. It reports false if
// either falls outside the UK clock rule's years. It does not validate p.
// [ReturnInterviewDue] and MISS-01 both count with it.
func (p MissingPolicy) interviewDue(returned Moment) (from, due int64, ok bool) {
	from, ok = utcOfLocal(returned.minuteOf(p.returnDefault()))
	if !ok {
		return 0, 0, false
	}
	due = from + int64(cmp.Or(p.InterviewHours, 72))*60
	if _, _, ok := localOfUTC(due); !ok {
		return 0, 0, false
	}
	return from, due, true
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
// episodes starting in one period of RepeatDays (default 90) days,
// counting only those episodes; false if there is none. A zero from means
// the beginning. Episodes must be in order of start, as [Record.Validate]
// requires; away episodes count only if the policy includes them.
//
// Counting convention: "3 in 90 days" is read as three starts in one
// period of 90 calendar days, both ends counted, as a rolling window of
// days is: starts on 1 January and 31 March are in one 90-day period (89
// days apart), starts on 1 January and 1 April are not (the period from 1
// January to 1 April has 91 days). This differs on purpose from a deadline
// "within N days of D", which the library reads as D+N ([Deadline]): here
// no day is an anchor. Starts are compared by date; their times of day do
// not count. See MISS-02 and [ReturnInterviewDue].
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
		if !e.End.IsZero() && !e.Start.IsZero() && surelyBefore(ret, start) {
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
			case surelyBefore(m.at, ret):
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
		case surelyBefore(start, prev.Returned()):
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
		if err := s.returnInterview(i); err != nil {
			return err
		}
	}
	if err := s.repeatMissing(); err != nil {
		return err
	}
	s.escalation()
	return nil
}

// returnInterview records the MISS-01 finding of missing episode i: the
// return home interview is due by the moment [ReturnInterviewDue] gives
// (the two count with [MissingPolicy.interviewDue]), and its window closes
// when the child next goes missing (in an episode the policy counts: that
// episode's interview takes its place), at the first looked-after review
// after it fell due, or when the child leaves the period of care current on
// the day of the return. It returns an error only for a moment outside the
// UK clock rule's years, which a valid record never holds.
func (s *sgAssessor) returnInterview(i int) error {
	mp := s.p.Missing
	ep := &s.r.MissingEpisodes[i]
	if ep.End.IsZero() || !mp.counts(ep.Type) || ep.End.After(s.asOf) {
		return nil // still missing, not counted, or not yet returned as of the date
	}
	from, due, ok := mp.interviewDue(ep.Returned())
	if !ok {
		return fmt.Errorf("care: %s return home interview after missing_episodes[%d]: %w", MISS01, i, ErrOutsideUKClock)
	}
	hours := cmp.Or(mp.InterviewHours, 72)
	dueLocal, dueBST, _ := localOfUTC(due)
	fromLocal, fromBST, _ := localOfUTC(from)
	ri := ep.Interview
	done := ri.done()
	t := missTimes{due: clockOfMinute(dueLocal), done: done.Clock, returnUnrecorded: ep.EndTime.IsZero(),
		declined: ri.Held.IsZero() && ri.Declined}
	// The times are labelled GMT or BST where the clock alone would
	// mislead: both ends of a count that spans a change of the clocks, and
	// a time in the hour the clocks repeat or skip.
	spans := dueLocal-fromLocal != int64(hours)*60
	if spans || ukHourOf(dueLocal) == ukHourRepeated {
		t.dueZone = zoneOf(dueBST)
	}
	switch ret := ukHourOf(ep.Returned().minuteOf(0)); {
	case ep.EndTime.IsZero() && spans:
		t.returnZone = zoneOf(fromBST)
	case ep.EndTime.IsZero():
	case ret == ukHourSkipped:
		t.returnZone = zoneGMT // read as GMT: see Moment.Instant
	case spans || ret == ukHourRepeated:
		t.returnZone = zoneOf(fromBST)
	}
	o := Obligation{Subject: At(i), Due: fromDayNum(dueLocal / minutesPerDay), Anchor: ep.End, Count: hours, Unit: Hours,
		Done: done.Date, DueClock: t.due}
	if !done.IsZero() {
		o.DoneAt = At(i)
		if t.declined {
			o.DoneAs = 1
		}
		at, ok := utcOfLocal(done.minuteOf(mp.doneDefault()))
		if !ok {
			return fmt.Errorf("care: %s return home interview of missing_episodes[%d]: %w", MISS01, i, ErrOutsideUKClock)
		}
		if !done.Clock.IsZero() {
			switch ukHourOf(done.minuteOf(0)) {
			case ukHourSkipped:
				t.doneZone = zoneGMT
			case ukHourRepeated:
				t.doneZone = zoneBST
			}
		}
		// The 72 hours run to the minute: an interview on the due day after
		// the due moment is late. Unrecorded times follow the policy's
		// convention.
		o.DueClock, o.DoneClock = emitterClocks(due, at)
	}
	o.Quantity = t.quantity()
	o.Closes, o.ClosedBy = s.returnInterviewCloses(i, o.Due)
	s.e.Deadline(&kindMISS01, o)
	return nil
}

// emitterClocks returns the times of day to give the [Emitter], which
// compares them when an interview is held on its due day: the times on the
// clock of the due instant and of the interview's instant (so an interview
// recorded at 01:30 in the skipped spring hour, read as GMT, shows as
// 02:30), except where the clock alone would still order them otherwise
// than the instants are ordered. That happens only in the hour the clocks
// repeat, where 01:45 BST comes before 01:30 GMT: the interview's time is
// then set to the due time, or a minute past it, to keep the instants'
// order. (An emitter that compared instants would need none of this.)
func emitterClocks(due, done int64) (Clock, Clock) {
	dl, _, _ := localOfUTC(due)
	nl, _, _ := localOfUTC(done)
	dc, nc := clockOfMinute(dl), clockOfMinute(nl)
	switch {
	case done <= due && nc.m > dc.m:
		nc = dc
	case done > due && nc.m <= dc.m && dc.m < minutesPerDay:
		nc = Clock{dc.m + 1}
	}
	return dc, nc
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
// the zero Clock when it was not recorded. The return's time is not held:
// the message finds it by counting the hours back from the due moment.
type missTimes struct {
	due, done        Clock
	returnUnrecorded bool // the return's time of day was not recorded
	declined         bool // the child declined the interview offered
	// dueZone, returnZone and doneZone label a time GMT or BST where the
	// clock alone would mislead (zoneNone elsewhere): see returnInterview.
	dueZone, returnZone, doneZone zone
}

// zone labels a time of day with the time in force in England.
type zone uint8

const (
	zoneNone zone = iota // not labelled: the time on the clock, unambiguous
	zoneBST              // British Summer Time, GMT+1
	zoneGMT              // Greenwich Mean Time
)

// zoneOf returns zoneBST or zoneGMT.
func zoneOf(bst bool) zone {
	if bst {
		return zoneBST
	}
	return zoneGMT
}

// utcOf returns the instant of time of day c on day d, as z labels it: a
// labelled time is exact; an unlabelled one is read as [Moment.Instant]
// reads it (or, outside the rule's years, as the wall clock).
func (z zone) utcOf(d Date, c Clock) int64 {
	local := Moment{d, c}.minuteOf(0)
	switch z {
	case zoneBST:
		return local - 60
	case zoneGMT:
		return local
	}
	if u, ok := utcOfLocal(local); ok {
		return u
	}
	return local
}

// clockOf returns the time of day of the instant utc, in the zone z names,
// or on the clock in England for zoneNone.
func (z zone) clockOf(utc int64) Clock {
	switch z {
	case zoneBST:
		return clockOfMinute(utc + 60)
	case zoneGMT:
		return clockOfMinute(utc)
	}
	if l, _, ok := localOfUTC(utc); ok {
		return clockOfMinute(l)
	}
	return clockOfMinute(utc)
}

// appendLabel appends " BST" or " GMT", or nothing for zoneNone.
func (z zone) appendLabel(b []byte) []byte {
	switch z {
	case zoneBST:
		return append(b, " BST"...)
	case zoneGMT:
		return append(b, " GMT"...)
	}
	return b
}

// clockValues is the number of values a Clock holds: not recorded, and
// each minute of the day.
const clockValues = 1 + 24*60

// quantity returns t as one number: the due clock, plus clockValues times
// the interview's clock, plus clockValues² times the flags (bit 0 an
// unrecorded return time, bit 1 a declined interview, then two bits each
// for the zones of the due time, the return and the interview). The
// largest, about 5.3e8, fits a finding's int32.
func (t missTimes) quantity() int {
	flags := int(t.dueZone)<<2 | int(t.returnZone)<<4 | int(t.doneZone)<<6
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
		dueZone:          zone(flags >> 2 & 3),
		returnZone:       zone(flags >> 4 & 3),
		doneZone:         zone(flags >> 6 & 3),
	}
}

// appendMISS01 renders a MISS-01 finding with its times of day: "return
// home interview held at 09:00 on 26 August 2025, late; due by 23:00 on 25
// August 2025, 72 hours after the return at 23:00 on 22 August 2025". Where
// the 72 hours span a change of the clocks both ends name their zone: "due
// by 20:00 GMT on 27 October 2025, 72 hours after the return at 21:00 BST
// on 24 October 2025".
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
		b = appendTimeOn(b, t.done, t.doneZone, f.Done)
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
	b = appendTimeOn(b, t.due, t.dueZone, f.Due)
	if f.Status == Missed {
		b = append(b, " ("...)
	} else {
		b = append(b, ", "...)
	}
	b = appendCount(b, d.Count, Hours)
	// The return is the due moment less the hours, in real time.
	ret := t.returnZone.clockOf(t.dueZone.utcOf(f.Due, t.due) - 60*int64(d.Count))
	if t.returnUnrecorded {
		b = append(b, " after the return on "...)
		b = d.Anchor.AppendFormat(b)
		b = append(b, " (no time recorded: taken as "...)
		b = ret.appendText(b)
		b = t.returnZone.appendLabel(b)
		b = append(b, ')')
	} else {
		b = append(b, " after the return at "...)
		b = appendTimeOn(b, ret, t.returnZone, d.Anchor)
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
// minutes, real ones, when its time was recorded ("10 hours late"), in
// days when it was not ("1 day late"), or "late" on the due day itself.
func appendLateness(b []byte, f Finding, t missTimes) []byte {
	if t.done.IsZero() {
		if days := f.Done.DaysSince(f.Due); days > 0 {
			b = appendDays(b, days)
			b = append(b, ' ')
		}
		return append(b, "late"...)
	}
	mins := int(t.doneZone.utcOf(f.Done, t.done) - t.dueZone.utcOf(f.Due, t.due))
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

// appendTimeOn appends "23:00 on 25 August 2025", "01:30 GMT on 26 October
// 2025" where z labels the time, or only the date when no time is
// recorded.
func appendTimeOn(b []byte, c Clock, z zone, d Date) []byte {
	if !c.IsZero() {
		b = c.appendText(b)
		b = z.appendLabel(b)
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
		"held \"within 72 hours of the child returning to their home or care setting\". The hours are real, elapsed " +
		"hours on the clock in England and run through nights, weekends and bank holidays; across a change of the " +
		"clocks they end an hour earlier (autumn) or later (spring) on the clock. A time in the repeated autumn hour " +
		"is read as its first (BST) occurrence, one in the skipped spring hour as GMT. Where the return or interview " +
		"time is not recorded, the policy's unknown-times convention applies (default: the interview is on time if " +
		"held by the third day after the return, or the fourth when the clocks go forward in between). A declined " +
		"interview is met by the offer. Away episodes count only if the policy includes them. The finding's due " +
		"date is the day of the due moment, and its message gives the times. The window closes when the child next " +
		"goes missing (in an episode the policy counts: its own interview takes this one's place), when the first " +
		"looked-after review after the due day is held (it takes stock of the episode and the plan to keep the child " +
		"safe), or when the child leaves the period of care current on the day of the return: an interview not held " +
		"by then is missed, and none is owed if that happens on or before the due day.",
	Citation: sgCite(sgMissingGuidance, "return home interviews"),
	Severity: SeverityGuidance,
	Domain:   DomainMissing,
	Reads:    FamilyMissing | FamilyReturnInterviews, Package: "care",
	File:    "care/missing.go",
	Default: "72 elapsed hours",
	Policy:  []string{"Missing.InterviewHours", "Missing.UnknownTimes", "Missing.IncludeAway"},
}

var ruleMISS02 = Rule{
	ID:    MISS02,
	Title: "Repeated missing episodes trigger a multi-agency risk meeting, repeated while the risk remains",
	Text: "When a child has 3 missing episodes starting in one period of 90 days (both ends counted: first and " +
		"last start at most 89 days apart), a multi-agency risk meeting is held within 5 working days of the start " +
		"of the episode that reached the threshold (that day is day 0). While the last meeting records medium, high " +
		"or no risk level, the next meeting is due within 6 weeks of it (42 days after it, at the latest); a " +
		"meeting recording low risk ends the cycle, and later episodes " +
		"start a new count. A meeting not held stays owed (Overdue), however many episodes follow: the next " +
		"meeting held meets it late. The window closes only when the child leaves the period of care current " +
		"when the meeting fell owed: a meeting not held by then is missed, and the cycle ends with the care.",
	Citation: sgCite(sgLocalStandard, "inspection finding; statutory guidance on children who run away or go missing (DfE, 2014)"),
	Severity: SeverityLocal,
	Domain:   DomainMissing,
	Reads:    FamilyMissing | FamilyRiskMeetings, Package: "care",
	File:    "care/missing.go",
	Default: "3 in 90 days; 5 WD; then 6 weeks",
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
	Reads:    FamilyRiskMeetings, Package: "care",
	File:    "care/missing.go",
	Default: "2 meetings",
	Policy:  []string{"Missing.EscalateAfterMeetings"},
}
