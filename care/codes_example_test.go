package care_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lookedafter/practice/care"
)

func ExampleParseLegalStatus() {
	ls, err := care.ParseLegalStatus("C2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ls, "-", ls.Description())
	fmt.Println("care order:", ls.IsCareOrder(), "interim:", ls.IsInterimCareOrder())

	_, err = care.ParseLegalStatus("c2")
	fmt.Println(errors.Is(err, care.ErrUnknownCode))
	// Output:
	// C2 - full care order
	// care order: true interim: false
	// true
}

func ExamplePlacementType_IsFoster() {
	for _, code := range []string{"U1", "U6", "K2", "P1"} {
		p, _ := care.ParsePlacementType(code)
		fmt.Printf("%s foster=%t connected=%t\n", p, p.IsFoster(), p.IsConnectedPerson())
	}
	// Output:
	// U1 foster=true connected=true
	// U6 foster=true connected=false
	// K2 foster=false connected=false
	// P1 foster=false connected=false
}

func ExamplePlacementType_ValidIn() {
	for _, p := range []care.PlacementType{care.PlacementTypeH5, care.PlacementTypeK3, care.PlacementTypeZ11} {
		fmt.Printf("%-3s 2023-24:%t 2024-25:%t 2025-26:%t\n", p, p.ValidIn(2023), p.ValidIn(2024), p.ValidIn(2025))
	}
	// Output:
	// H5  2023-24:true 2024-25:true 2025-26:false
	// K3  2023-24:false 2024-25:true 2025-26:true
	// Z11 2023-24:false 2024-25:false 2025-26:true
}

func ExampleCollectionYearOf() {
	y := care.CollectionYearOf(care.MustDate(2026, time.March, 31))
	fmt.Println(y, y.Period())
	fmt.Println(care.CollectionYearOf(care.MustDate(2026, time.April, 1)))
	// Output:
	// 2025-26 [2025-04-01, 2026-04-01)
	// 2026-27
}

func ExampleSex_Code() {
	s, _ := care.ParseSex("2") // the numeric form of returns up to 2023-24
	fmt.Println(s, s.Code(2023), s.Code(2025))
	// Output:
	// F 2 F
}
