package care

import (
	"testing"
	"time"
)

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"00:00", "23:59", "24:00", "9:30", "12:60", "", "ab:cd", "12:000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			return
		}
		if got := c.String(); got != s {
			t.Errorf("ParseClock(%q).String() = %q, want %q", s, got, s)
		}
		var back Clock
		if err := back.UnmarshalText([]byte(c.String())); err != nil || back != c {
			t.Errorf("UnmarshalText(%q) = %v, %v, want %v", c, back, err, c)
		}
	})
}

// FuzzAssessSafeguarding builds a record from arbitrary bytes and checks
// that validation and assessment never panic, and that a record that
// validates is assessed without error inside the calendar's coverage.
func FuzzAssessSafeguarding(f *testing.F) {
	f.Add([]byte{0, 10, 3, 1, 20, 4, 2, 5, 9, 200, 7, 1, 1, 1})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte{255, 0, 255, 0, 128, 64, 32, 16, 8, 4, 2, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int {
			if len(data) == 0 {
				return 0
			}
			v := int(data[0])
			data = data[1:]
			return v
		}
		base := MustDate(2015, time.January, 5)
		r := Record{Child: Child{ID: "C0001", DateOfBirth: base.AddDays(-next() * 40)}}
		d := base
		for i := next() % 12; i >= 0; i-- {
			e := Episode{Start: d, LegalStatus: LegalStatus(next()%16 + 1), PlacementType: PlacementType(next()%40 + 1),
				ReasonNew: ReasonNewEpisode(next()%6 + 1)}
			if len(r.Episodes) == 0 {
				e.ReasonNew = ReasonNewEpisodeS
			}
			if n := len(r.Episodes); n > 0 {
				r.Episodes[n-1].End, r.Episodes[n-1].ReasonCeased = d, ReasonEpisodeCeased(next()%27+1)
			}
			r.Episodes = append(r.Episodes, e)
			d = d.AddDays(next()*3 + 1)
		}
		m := base
		for i := next() % 8; i > 0; i-- {
			m = m.AddDays(next() - 20)
			e := MissingEpisode{Type: MissingType(next() % 3), Start: m, StartTime: Clock{int16(next() * 6)}}
			if next()%4 != 0 {
				e.End = m.AddDays(next()%3 - 1)
				e.EndTime = Clock{int16(next() * 6)}
				e.Interview.Held = Moment{Date: e.End.AddDays(next()%6 - 1), Clock: Clock{int16(next() * 6)}}
			}
			r.MissingEpisodes = append(r.MissingEpisodes, e)
		}
		for i := next() % 6; i > 0; i-- {
			r.RiskMeetings = append(r.RiskMeetings, RiskMeeting{Date: base.AddDays(next() * 2), Risk: RiskLevel(next() % 5)})
		}
		for i := next() % 3; i > 0; i-- {
			r.ConnectedApprovals = append(r.ConnectedApprovals, ConnectedApproval{Carer: "CP01", Start: base.AddDays(next() * 3),
				ExtendedOn: base.AddDays(next() * 2), ExtensionEnds: base.AddDays(next() * 3), ExtendedBy: Approver(next() % 4)})
		}
		for i := next() % 3; i > 0; i-- {
			r.PlacementApprovals = append(r.PlacementApprovals, PlacementApproval{Placement: base.AddDays(next() * 3),
				Kind: ApprovalKind(next() % 4), Location: PlacementLocation(next() % 5), Approver: Approver(next() % 4), Approved: base.AddDays(next())})
		}
		for i := next() % 3; i > 0; i-- {
			r.LeavingCare.Accommodation = append(r.LeavingCare.Accommodation, Period{Start: base.AddDays(next() * 7)})
			r.LeavingCare.AdviserVisits = append(r.LeavingCare.AdviserVisits, AdviserVisit{Date: base.AddDays(next() * 7)})
		}
		// An invalid record is assessed too, against its episodes as
		// given, as Record.Validate checks it: nothing may panic.
		var h History
		valid := h.Reset(r.Child, r.Episodes) == nil
		if !valid {
			h = History{child: r.Child, eps: r.Episodes, periods: appendPeriodsOfCare(nil, r.Episodes),
				placements: appendPlacements(nil, r.Episodes)}
		}
		var errs ValidationErrors
		r.validateSafeguarding(&errs, &h)
		valid = valid && len(errs) == 0
		asOf := base.AddDays(next() * 11)
		e := NewEmitter(asOf)
		err := r.assessSafeguarding(e, &h, Context{}, EnglandAndWales(), Policy{})
		if valid && err != nil {
			t.Errorf("assessSafeguarding of a valid record: %v", err)
		}
		for _, f := range e.Findings() {
			if f.Rule() == "" || f.Status == StatusUnknown {
				t.Errorf("finding without a rule or status: %v", f)
			}
			if f.Message() == "" {
				t.Errorf("finding without a message: %v", f.Rule())
			}
			_, _ = f.Subject(), f.Evidence()
			if f.Status == Missed {
				if on, by := f.Closed(); on.IsZero() || by == "" || !on.After(f.Due) {
					t.Errorf("missed finding closed %v by %q, due %v: %v", on, by, f.Due, f)
				}
			}
		}
	})
}
