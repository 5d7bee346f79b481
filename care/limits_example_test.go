package care_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lookedafter/practice/care"
)

// An error quotes at most the first 20 bytes of a value, escaped.
func ExampleExcerpt() {
	fmt.Println(care.Excerpt("C000001"))
	fmt.Println(care.Excerpt(strings.Repeat("9", 401)))
	fmt.Println(care.Excerpt("bad \xff byte"))
	// Output:
	// "C000001"
	// "99999999999999999999"…
	// "bad \xff byte"
}

// An identifier may be quoted in an error, briefly.
func ExampleCheckString() {
	fmt.Println(care.CheckString("C000001", care.MaxIDBytes))
	err := care.CheckString(strings.Repeat("C", 70), care.MaxIDBytes)
	fmt.Println(err, errors.Is(err, care.ErrTooLong))
	// Output:
	// <nil>
	// too long: 70 bytes, more than the 64 allowed ("CCCCCCCCCCCCCCCCCCCC"…) true
}

// A name or free text is never quoted.
func ExampleCheckPrivateString() {
	fmt.Println(care.CheckPrivateString("Synthetic\xffName", care.MaxNameBytes))
	// Output:
	// not valid UTF-8: the first bad byte is byte 9
}

// Full and partial postcodes are valid, as the DfE return accepts them;
// FullPostcode tells them apart.
func ExampleValidPostcode() {
	for _, s := range []string{"SW1A 1AA", "sw1a1aa", "SW1A", "SW1A 1", "SW1A-1AA"} {
		fmt.Printf("%q valid %t full %t\n", s, care.ValidPostcode(s), care.FullPostcode(s))
	}
	// Output:
	// "SW1A 1AA" valid true full true
	// "sw1a1aa" valid true full true
	// "SW1A" valid true full false
	// "SW1A 1" valid true full false
	// "SW1A-1AA" valid false full false
}

// FullPostcode is what Policy.FullPostcodes asks of every episode.
func ExampleFullPostcode() {
	fmt.Println(care.FullPostcode("M1 1AE"), care.FullPostcode("M1"))
	// Output:
	// true false
}

// A decoder marks the error of an identifying field private: the message
// then leaves the input out.
func ExampleParseError_private() {
	_, err := care.ParseDate("15/06/2012")
	fmt.Println(err)
	var pe *care.ParseError
	if errors.As(err, &pe) {
		pe.Private = true
	}
	fmt.Println(err)
	// Output:
	// care: parsing "15/06/2012" as date: invalid date: want YYYY-MM-DD
	// care: parsing date (input withheld): invalid date: want YYYY-MM-DD
}

// A child of 18 or over cannot still be looked after on the assessment
// date; the error does not give the date of birth.
func ExampleHistory_ValidateOn() {
	c := care.Child{ID: "C0120", DateOfBirth: care.MustDate(2008, time.June, 15)}
	h, err := care.NewHistory(c, []care.Episode{{Start: care.MustDate(2023, time.January, 9), ReasonNew: care.ReasonNewEpisodeS,
		LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h.ValidateOn(care.MustDate(2026, time.June, 14)))
	fmt.Println(h.ValidateOn(care.MustDate(2026, time.June, 15)))
	// Output:
	// <nil>
	// episodes[0].end: the child was 18 or over on the assessment date, 2026-06-15, and this episode is still open: a child stops being looked after at 18 (record the day the episode ended)
}

// An episode never prints its postcodes or URN, whatever the verb.
func ExampleEpisode_Format() {
	e := care.Episode{Start: care.MustDate(2025, time.January, 6), ReasonNew: care.ReasonNewEpisodeS, LegalStatus: care.LegalStatusC2,
		PlacementType: care.PlacementTypeU6, HomePostcode: "ZZ1 1ZZ", PlacementPostcode: "ZZ2 2ZZ"}
	fmt.Printf("%v\n", e)
	fmt.Printf("%+v\n", e)
	// Output:
	// episode from 2025-01-06, open (S C2 U6)
	// {Start:2025-01-06 ReasonNew:S LegalStatus:C2 CategoryOfNeed: PlacementType:U6 Provider: End: ReasonCeased: ReasonChange: HomePostcode:(withheld) PlacementPostcode:(withheld) DistanceMiles:{Decimal:0 Valid:false} URN: IntendedUntil18:false LongTermFoster:false}
}

// The JSON of a report keeps the birthday a timescale ran from;
// WithoutBirthdays drops it, and the due date stays.
func ExampleReport_WithoutBirthdays() {
	r := care.Record{Child: care.Child{ID: "C0121", DateOfBirth: care.MustDate(2008, time.June, 15)},
		Episodes: []care.Episode{{Start: care.MustDate(2022, time.January, 10), ReasonNew: care.ReasonNewEpisodeS,
			LegalStatus: care.LegalStatusC2, PlacementType: care.PlacementTypeU6}}}
	rep, err := care.Assess(r, care.Context{}, care.MustDate(2024, time.October, 1), care.EnglandAndWales(), care.Policy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	f := rep.ForRule(care.LEAV01)[0]
	fmt.Println(f)
	fmt.Println(f.Evidence())
	g := rep.WithoutBirthdays().ForRule(care.LEAV01)[0]
	fmt.Println(g.Due, g.Evidence())
	// Output:
	// LEAV-01 overdue: no needs assessment yet; due 15 September 2024, 3 months after the 16th birthday
	// [the 16th birthday 2024-06-15]
	// 2024-09-15 []
}
