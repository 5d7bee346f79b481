package permanence_test

import (
	"errors"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/permanence"
	"github.com/shopspring/decimal"
)

// day parses an ISO date literal; it is for hard-coded test dates only.
func day(s string) care.Date {
	d, err := care.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

var cmpOpts = cmp.Options{
	cmpopts.EquateComparable(care.Date{}),
	cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) }),
}

// s20 returns one open episode: accommodated under s.20 in foster care from
// start.
func s20(start string) care.Episode {
	return care.Episode{Start: day(start), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusV2,
		PlacementType: care.PlacementTypeU6}
}

// ep returns an episode from start to end (end "" for open) with the given
// reason, legal status and placement type.
func ep(start, end string, reason care.ReasonNewEpisode, ls care.LegalStatus, pt care.PlacementType, ceased care.ReasonEpisodeCeased) care.Episode {
	e := care.Episode{Start: day(start), ReasonNew: reason, LegalStatus: ls, PlacementType: pt}
	if end != "" {
		e.End = day(end)
		e.ReasonCeased = ceased
	}
	return e
}

// tr returns a transition.
func tr(date string, r permanence.Route, s permanence.State) permanence.Transition {
	return permanence.Transition{Date: day(date), Route: r, State: s}
}

// primary returns a transition that also makes its route primary.
func primary(date string, r permanence.Route, s permanence.State) permanence.Transition {
	t := tr(date, r, s)
	t.Primary = true
	return t
}

// ruledOut returns a transition ruling a route out.
func ruledOut(date string, r permanence.Route, why string) permanence.Transition {
	t := tr(date, r, permanence.StateRuledOut)
	t.Reason = why
	return t
}

// paths returns the paths of a validation error, in order.
func paths(err error) []string {
	var ve care.ValidationErrors
	if !errors.As(err, &ve) {
		return nil
	}
	out := make([]string, len(ve))
	for i, e := range ve {
		out[i] = e.Path
	}
	return out
}

// kid returns a synthetic child born on 15 March 2010, before every
// episode of the tests.
func kid(id string) care.Child { return care.Child{ID: id, DateOfBirth: day("2010-03-15")} }

// inputs returns the inputs of child id with the given episodes or, with
// none, one open episode under a full care order in foster care from 2
// January 2012, before every date of the tests: a child must have been
// looked after to be assessed ([care.NewHistory]).
func inputs(id string, eps ...care.Episode) permanence.Inputs {
	if len(eps) == 0 {
		eps = []care.Episode{lookedAfterThroughout}
	}
	return permanence.Inputs{Child: kid(id), Episodes: eps}
}

// lookedAfterThroughout is the episode of a child looked after throughout
// the tests' dates.
var lookedAfterThroughout = ep("2012-01-02", "", care.ReasonNewEpisodeS, care.LegalStatusC2, care.PlacementTypeU6, 0)

// left returns one episode under s.20 in foster care from start to end,
// when the child went home.
func left(start, end string) care.Episode {
	return ep(start, end, care.ReasonNewEpisodeS, care.LegalStatusV2, care.PlacementTypeU6, care.ReasonEpisodeCeasedE4A)
}

// later returns the later of two dates.
func later(a, b care.Date) care.Date {
	if b.After(a) {
		return b
	}
	return a
}
