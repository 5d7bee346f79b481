package care_test

import (
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

// A temporary approval from Monday 6 January 2025 runs "not exceeding 16
// weeks" (reg 24(1)), to 28 April 2025. The authority extended it on 20
// April, with the nominated officer's approval, to 23 June: the 8 weeks
// reg 25(2) allows. An extension granted after the approval expired does
// not extend it.
func ExampleConnectedApprovalExpiry() {
	a := care.ConnectedApproval{
		Carer:         "CP01",
		Start:         care.MustDate(2025, time.January, 6),
		ExtendedOn:    care.MustDate(2025, time.April, 20),
		ExtensionEnds: care.MustDate(2025, time.June, 23),
		ExtendedBy:    care.ApproverNominatedOfficer,
	}
	d, ok, err := care.ConnectedApprovalExpiry(a, care.ConnectedPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, ok)

	a.ExtendedOn = care.MustDate(2025, time.April, 29)
	d, ok, err = care.ConnectedApprovalExpiry(a, care.ConnectedPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, ok)
	// Output:
	// CONN-01 due 2025-06-23: 24 weeks after temporary approval (extended) on 2025-01-06 true
	// CONN-01 due 2025-04-28: 16 weeks after temporary approval on 2025-01-06 true
}

// An extension recorded to end after the statutory limit, 8 weeks after
// the 16 weeks end, is an error naming the field and giving the limit.
func ExampleConnectedApprovalExpiry_beyondTheLimit() {
	a := care.ConnectedApproval{
		Carer:         "CP01",
		Start:         care.MustDate(2025, time.January, 6),
		ExtendedOn:    care.MustDate(2025, time.April, 20),
		ExtensionEnds: care.MustDate(2025, time.July, 7),
		ExtendedBy:    care.ApproverNominatedOfficer,
	}
	_, _, err := care.ConnectedApprovalExpiry(a, care.ConnectedPolicy{})
	fmt.Println(err)
	// Output:
	// extension_ends: 2025-07-07 is after 2025-06-23, the latest an extension may end: CPPCR reg 25(2) allows one extension of up to 8 weeks after the 16 weeks of temporary approval end on 2025-04-28
}
