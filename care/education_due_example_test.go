package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// The PEP is initiated within 10 working days of becoming looked after, and
// is in place by the first review if that is held sooner. A child under the
// policy's age (4 by default) has no PEP timescale.
func ExamplePEPDue() {
	cal := care.EnglandAndWales()
	lookedAfter := care.MustDate(2026, time.January, 5)
	for _, dob := range []care.Date{care.MustDate(2016, time.May, 1), care.MustDate(2023, time.May, 1)} {
		d, ok, err := care.PEPDue(dob, lookedAfter, care.Date{}, cal, care.Policy{})
		switch {
		case err != nil:
			fmt.Println(err)
		case !ok:
			fmt.Println("not applicable")
		default:
			fmt.Println(d)
		}
	}
	// Output:
	// EDU-01 due 2026-01-19: 10 working days after becoming looked after on 2026-01-05
	// not applicable
}
