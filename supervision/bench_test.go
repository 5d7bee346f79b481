package supervision_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/supervision"
)

// synthetic builds a synthetic authority with a seeded generator: workers
// in teams of ten across three offices (a tenth newly qualified, some
// leaving and replaced), children allocated and reallocated, and sessions
// every three to six weeks with case notes for some of each worker's
// children, for the three years before asOf.
func synthetic(workers, children int, seed uint64) (supervision.Dataset, care.Date) {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	since := care.MustDate(2023, time.January, 2)
	asOf := care.MustDate(2025, time.December, 31)
	span := asOf.DaysSince(since)
	ds := supervision.Dataset{Since: since}
	for i := range workers {
		w := supervision.Worker{
			ID:         fmt.Sprintf("W%03d", i+1),
			Team:       fmt.Sprintf("Team %02d", i/10+1),
			Office:     [...]string{"Riverside", "Hilltop", "Market"}[i/10%3],
			Registered: true,
			Start:      since.AddDays(-rng.IntN(3000)),
		}
		switch {
		case i%10 == 3: // newly qualified, joins during the window
			w.Start = since.AddDays(rng.IntN(span - 200))
			w.Qualified = w.Start.AddDays(-30)
			w.ASYE = w.Start
		case i%15 == 7: // leaves during the window
			w.End = since.AddDays(200 + rng.IntN(span-400))
		}
		ds.Workers = append(ds.Workers, w)
	}
	inPost := func(d care.Date) []int {
		var out []int
		for i, w := range ds.Workers {
			if w.InPost().Contains(d) {
				out = append(out, i)
			}
		}
		return out
	}
	// Allocation histories.
	type held struct {
		child    string
		from, to care.Date
	}
	byWorker := make([][]held, len(ds.Workers))
	for c := range children {
		child := fmt.Sprintf("C%04d", c+1)
		from := since.AddDays(-rng.IntN(400))
		for from.Before(asOf) {
			cand := inPost(from)
			if len(cand) == 0 {
				break
			}
			wi := cand[rng.IntN(len(cand))]
			w := ds.Workers[wi]
			to := from.AddDays(120 + rng.IntN(480))
			if !w.End.IsZero() && w.End.Before(to) {
				to = w.End
			}
			a := supervision.Allocation{Child: child, Worker: w.ID, From: from}
			if to.Before(asOf) {
				a.To = to
			}
			ds.Allocations = append(ds.Allocations, a)
			byWorker[wi] = append(byWorker[wi], held{child, from, a.To})
			if a.To.IsZero() || rng.IntN(20) == 0 { // ongoing, or the case closes
				break
			}
			from = to
		}
	}
	// Sessions with case notes, and directions.
	text := "recorded"
	for wi, w := range ds.Workers {
		d := w.Start
		if d.Before(since) {
			d = since.AddDays(rng.IntN(28))
		}
		for {
			step := 21 + rng.IntN(21)
			if w.StatusOn(d) == supervision.WorkerStatusNewlyQualified {
				step = 5 + rng.IntN(9)
			}
			d = d.AddDays(step)
			if d.After(asOf) || (!w.End.IsZero() && !d.Before(w.End)) {
				break
			}
			s := supervision.Session{Date: d, Supervisor: "M" + w.Team[5:], Worker: w.ID, Kind: supervision.SessionKindIndividual}
			if rng.IntN(10) == 0 {
				s.Kind = supervision.SessionKindGroup
			}
			for _, h := range byWorker[wi] {
				if d.Before(h.from) || (!h.to.IsZero() && !d.Before(h.to)) || rng.IntN(10) < 3 {
					continue
				}
				n := supervision.CaseNote{Child: h.child}
				for _, f := range []*string{&n.Progress, &n.Worries, &n.Risks, &n.FutureFocus} {
					if rng.IntN(100) < 88 {
						*f = text
					}
				}
				if rng.IntN(5) == 0 {
					dr := supervision.Direction{ID: fmt.Sprintf("D%05d", len(ds.Directions)+1), Child: h.child, Given: d, Owner: w.ID}
					if rng.IntN(10) > 0 {
						dr.Due = d.AddDays(14 + rng.IntN(28))
					}
					if rng.IntN(4) > 0 {
						dr.Reviewed = d.AddDays(7 + rng.IntN(35))
					}
					n.Directions = []string{dr.ID}
					ds.Directions = append(ds.Directions, dr)
				}
				s.Cases = append(s.Cases, n)
			}
			ds.Sessions = append(ds.Sessions, s)
		}
	}
	return ds, asOf
}

func TestSynthetic(t *testing.T) {
	ds, asOf := synthetic(150, 1500, 1)
	if err := ds.Validate(); err != nil {
		t.Fatalf("synthetic dataset is invalid: %v", err)
	}
	rep, err := supervision.Gaps(ds, asOf, supervision.Policy{})
	if err != nil {
		t.Fatalf("Gaps() error: %v", err)
	}
	if len(rep.Workers) != 150 || len(rep.Teams) != 15 {
		t.Errorf("Gaps() has %d workers and %d teams, want 150 and 15", len(rep.Workers), len(rep.Teams))
	}
	again, err := supervision.Gaps(ds, asOf, supervision.Policy{})
	if err != nil {
		t.Fatalf("Gaps() error: %v", err)
	}
	if rep.String() != again.String() {
		t.Errorf("Gaps() is not deterministic")
	}
	cases := ds.CaseRecords()
	n := 0
	for id, rec := range cases {
		r, err := supervision.AssessCase(id, rec, asOf, supervision.Policy{})
		if err != nil {
			t.Fatalf("AssessCase(%s) error: %v", id, err)
		}
		n += len(r)
	}
	if n == 0 {
		t.Errorf("AssessCase() over the synthetic cohort found nothing")
	}
	joined := supervision.Join(supervision.Dataset{Since: ds.Since, Workers: ds.Workers}, cases)
	if err := joined.Validate(); err != nil {
		t.Errorf("Join(CaseRecords()) is invalid: %v", err)
	}
}

// BenchmarkGaps is the full SUP-01 gap analysis (with validation) of an
// authority of 150 workers, 1,500 children and three years of sessions.
func BenchmarkGaps(b *testing.B) {
	ds, asOf := synthetic(150, 1500, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := supervision.Gaps(ds, asOf, supervision.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssessCase assesses SUP-02 to SUP-04 for all 1,500 children of
// the synthetic authority, one case record at a time.
func BenchmarkAssessCase(b *testing.B) {
	ds, asOf := synthetic(150, 1500, 1)
	cases := ds.CaseRecords()
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	b.ReportAllocs()
	for b.Loop() {
		for _, id := range ids {
			if _, err := supervision.AssessCase(id, cases[id], asOf, supervision.Policy{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkValidate is the dataset validation every authority-level
// calculator starts with.
func BenchmarkValidate(b *testing.B) {
	ds, _ := synthetic(150, 1500, 1)
	b.ReportAllocs()
	for b.Loop() {
		if err := ds.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseloadSeries is a monthly series by team over three years.
func BenchmarkCaseloadSeries(b *testing.B) {
	ds, asOf := synthetic(150, 1500, 1)
	var days []care.Date
	for d := ds.Since; !d.After(asOf); d = d.AddMonths(1) {
		days = append(days, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := supervision.CaseloadSeries(ds, days, supervision.ByTeam, supervision.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOversightRates is SUP-03 over three years of case discussions.
func BenchmarkOversightRates(b *testing.B) {
	ds, asOf := synthetic(150, 1500, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := supervision.OversightRates(ds, care.Period{Start: ds.Since, End: asOf}, supervision.Policy{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCaseAssessorEmit assesses SUP-02 to SUP-04 for the child of
// the synthetic authority with the median number of records, into a
// reused emitter as the root package does.
func BenchmarkCaseAssessorEmit(b *testing.B) {
	ds, asOf := synthetic(150, 1500, 1)
	cases := ds.CaseRecords()
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	size := func(id string) int {
		r := cases[id]
		return len(r.Allocations) + len(r.Discussions) + len(r.Directions)
	}
	slices.SortFunc(ids, func(x, y string) int {
		if c := size(x) - size(y); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	id := ids[len(ids)/2]
	rec := cases[id]
	a, err := supervision.NewCaseAssessor(supervision.Policy{})
	if err != nil {
		b.Fatal(err)
	}
	e := care.NewEmitter(asOf)
	if err := a.Emit(e, id, rec); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		e.Reset(asOf)
		if err := a.Emit(e, id, rec); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(e.Len()), "findings")
}
