package care

import (
	"errors"
	"testing"
	"time"
)

// FuzzCareProceedings checks PLAN-01 with arbitrary care proceedings: the
// calculator and the rule never panic, fail only with field or calendar
// errors, and agree on the deadline that governs once the proceedings
// recorded have run their course.
func FuzzCareProceedings(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{10, 0, 200, 1, 0, 0})
	f.Add([]byte{250, 255, 50, 0, 60, 0, 90, 0, 0, 0, 7})
	cal := EnglandAndWales()
	first := MustDate(2024, time.January, 8)
	asOf := first.AddDays(1200) // after every span the bytes can make
	f.Fuzz(func(t *testing.T, data []byte) {
		var spans []Period
		for len(data) >= 3 && len(spans) < 6 {
			start := first.AddDays(int(int8(data[0])) * 3)
			var end Date
			if data[2]%4 != 0 {
				end = start.AddDays(int(data[1]) * 2)
			}
			spans = append(spans, Period{Start: start, End: end})
			data = data[3:]
		}
		d, ok, err := CarePlanDue(first, spans, cal, Policy{})
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("CarePlanDue() error %v is not a field error", err)
			}
			return
		}
		r := Record{Child: plChild(), Episodes: []Episode{plEp("2024-01-08", ReasonNewEpisodeS, LegalStatusC1, PlacementTypeU6, "")}}
		rep, err := Assess(r, Context{CareProceedings: spans}, asOf, cal, Policy{})
		if err != nil {
			t.Fatalf("Assess() error = %v", err)
		}
		got := rep.ForRule(PLAN01)
		for _, f := range got {
			if f.Status == Missed {
				if closed, why := f.Closed(); closed.IsZero() || !f.Due.Before(closed) || why != "care proceedings were issued" {
					t.Fatalf("missed without proceedings issued after the due date: %v", f)
				}
			}
		}
		if !ok {
			return
		}
		if !cal.IsWorkingDay(d.Due) || !d.Due.After(first) {
			t.Fatalf("CarePlanDue() = %v: not a working day after the first placement", d)
		}
		if len(got) == 0 {
			t.Fatalf("CarePlanDue() = %v but the rule reports nothing", d)
		}
		if last, _ := got[len(got)-1].Deadline(); last != d {
			t.Fatalf("rule's last deadline %v, calculator %v", last, d)
		}
	})
}
