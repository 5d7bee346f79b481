package timeline_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/lookedafter/practice"
	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/timeline"
)

// A child placed with foster carers in March 2025, visited three times,
// drawn as of September 2025: every finding with a due date is one mark,
// the late write-up of the third visit a triangle, each plan and review
// not yet made a diamond (overdue); the breach of the identity record (a
// rule about content, with no due date) is listed below the picture
// instead.
func ExampleSVG() {
	c := practice.Case{
		Team: "North Children in Care", Office: "North",
		Care: care.Record{
			Child: care.Child{ID: "C0001", DateOfBirth: care.MustDate(2015, time.June, 14)},
			Episodes: []care.Episode{{Start: care.MustDate(2025, time.March, 3), ReasonNew: care.ReasonNewEpisodeS,
				LegalStatus: care.LegalStatusC2, CategoryOfNeed: care.CategoryOfNeedN1, PlacementType: care.PlacementTypeU6}},
			PlanningRecords: care.PlanningRecords{Visits: []care.Visit{
				{Date: care.MustDate(2025, time.March, 7), Kind: care.VisitKindStatutory, ChildSeen: true, SeenAlone: care.SeenAloneYes,
					ViewsRecorded: true, Purpose: "settling in", WrittenUp: care.MustDate(2025, time.March, 10)},
				{Date: care.MustDate(2025, time.April, 14), Kind: care.VisitKindStatutory, ChildSeen: true, SeenAlone: care.SeenAloneYes,
					ViewsRecorded: true, Purpose: "contact", WrittenUp: care.MustDate(2025, time.April, 15)},
				{Date: care.MustDate(2025, time.May, 23), Kind: care.VisitKindStatutory, ChildSeen: true, SeenAlone: care.SeenAloneYes,
					ViewsRecorded: true, Purpose: "school", WrittenUp: care.MustDate(2025, time.June, 9)},
			}},
		},
	}
	asOf := care.MustDate(2025, time.September, 1)
	rep, err := practice.Assess(c, asOf, practice.Standards{}, care.EnglandAndWales())
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	if err := timeline.SVG(&b, c, rep, asOf, timeline.Options{}); err != nil {
		fmt.Println(err)
		return
	}

	// Read the picture back: its title, and its marks by status.
	dec := xml.NewDecoder(&b)
	var title string
	marks := map[string]int{}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range start.Attr {
			if a.Name.Local == "class" && strings.HasPrefix(a.Value, "finding ") {
				marks[strings.TrimPrefix(a.Value, "finding ")]++
			}
		}
		if start.Name.Local == "title" && title == "" {
			if err := dec.DecodeElement(&title, &start); err != nil {
				fmt.Println(err)
				return
			}
		}
	}
	dated := 0
	for _, f := range rep {
		if !f.Due.IsZero() {
			dated++
		}
	}
	fmt.Println(title)
	fmt.Printf("%d findings, %d with a due date\n", len(rep), dated)
	for _, s := range []string{"met", "late", "overdue", "missed", "upcoming"} {
		fmt.Printf("%-8s %d\n", s, marks[s])
	}
	// Output:
	// Timeline of child C0001 as of 1 September 2025
	// 24 findings, 18 with a due date
	// met      5
	// late     1
	// overdue  9
	// missed   0
	// upcoming 3
}
