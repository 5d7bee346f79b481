package care

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzAssessPlanning builds records from arbitrary bytes around the
// five-year synthetic history (shifted dates, odd kinds, negative money,
// records out of order or outside care, odd policies) and checks that
// Assess never panics, that bad input is an error naming fields, and that
// every finding explains itself.
func FuzzAssessPlanning(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte{255, 0, 255, 0, 128, 7, 7, 7, 200, 1, 0, 0, 9, 9, 9, 9, 3})
	f.Add([]byte("visits before care and plans in the future"))
	cal := EnglandAndWales()
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int {
			if len(data) < 2 {
				return 0
			}
			v := int(int16(binary.LittleEndian.Uint16(data)))
			data = data[2:]
			return v
		}
		r, ctx, asOf := plHistory()
		asOf = asOf.AddDays(next() % 2000)
		var p Policy
		p.Visits.IntervalDays = next() % 50
		p.Health.FifthBirthday = FifthBirthday(next() % 3)
		p.FullPostcodes = next()%2 == 0
		p.Counting = Counting(next() % 3)
		for len(data) >= 6 {
			i, shift, kind := next(), next(), next()
			switch i % 9 {
			case 0:
				if n := len(r.Visits); n > 0 {
					v := &r.Visits[plAbs(i)%n]
					v.Date = v.Date.AddDays(shift % 60)
					v.Kind = VisitKind(kind % 4)
					v.SeenAlone = SeenAlone(kind % 5)
				}
			case 1:
				r.Visits = append(r.Visits, Visit{Date: asOf.AddDays(shift), Kind: VisitKindStatutory, ChildSeen: kind%2 == 0})
			case 2:
				r.Events = append(r.Events, Event{Date: asOf.AddDays(shift % 400), Kind: EventKind(kind % 12)})
			case 3:
				r.PEPs = append(r.PEPs, PEP{Initiated: asOf.AddDays(shift % 400), PupilPremium: PupilPremiumPlus{Allocated: decimal.NewNullDecimal(decimal.New(int64(kind), -2))}})
			case 4:
				r.Arrangements = append(r.Arrangements, Arrangement{Kind: ArrangementKind(kind % 4), Start: asOf.AddDays(shift % 900), End: asOf.AddDays(shift%900 + kind%200)})
			case 5:
				r.CarePlans = append(r.CarePlans, CarePlan{Agreed: asOf.AddDays(shift % 400)})
			case 6:
				r.HealthAssessments = append(r.HealthAssessments, HealthAssessment{Date: asOf.AddDays(shift % 900), Kind: HealthAssessmentKind(kind % 4), Refused: kind%3 == 0})
			case 7:
				r.SDQs = append(r.SDQs, SDQ{Date: asOf.AddDays(shift % 900), Score: kind % 50, Reason: SDQReason(kind % 8)})
			case 8:
				ctx.Reviews = append(ctx.Reviews, asOf.AddDays(shift%900))
				r.HomeNotices = append(r.HomeNotices, HomeNotice{Received: asOf.AddDays(kind % 900)})
			}
		}
		rep, err := Assess(r, ctx, asOf, cal, p)
		if err != nil {
			var ve ValidationErrors
			var fe *FieldError
			if !errors.As(err, &ve) && !errors.As(err, &fe) && !errors.Is(err, ErrOutsideCalendar) {
				t.Fatalf("Assess() error %v is neither a field error nor a calendar error", err)
			}
			return
		}
		for _, f := range rep {
			if f.Rule() == "" || f.Status == StatusUnknown || f.Message() == "" || f.Subject() == "" {
				t.Fatalf("finding does not explain itself: %v", f)
			}
			d, timed := f.Deadline()
			if timed && (d.Anchor.IsZero() || f.Due != d.Due || len(f.Evidence()) == 0) {
				t.Fatalf("deadline without its anchor: %v %+v", f, d)
			}
			if (f.Status == Met || f.Status == Late) && timed && (f.Done.IsZero() || f.Done.After(asOf)) {
				t.Fatalf("met or late without a done date by the assessment date: %v", f)
			}
			if closed, why := f.Closed(); f.Status == Missed && (closed.IsZero() || closed.After(asOf) || !f.Due.Before(closed) || why == "") {
				t.Fatalf("missed without a window that closed after the due date and by the assessment date: %v", f)
			}
		}
		if _, _, err := NextVisit(r.VisitFacts(ctx.Reviews), asOf, p.Visits); err != nil && !errors.Is(err, ErrOutsideCalendar) {
			var ve ValidationErrors
			var fe *FieldError
			if !errors.As(err, &ve) && !errors.As(err, &fe) {
				t.Fatalf("NextVisit() error %v", err)
			}
		}
	})
}

func plAbs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}
