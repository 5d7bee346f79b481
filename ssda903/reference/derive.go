package reference

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Distance is a placement distance in tenths of a mile: the DfE's
// PL_DISTANCE, miles to one decimal place, held as an integer so that it
// is exact and compares with ==. Distance(123) is 12.3 miles.
type Distance int32

// String returns the distance in miles with one decimal place, as the
// return writes PL_DISTANCE: "12.3", "0.0".
func (d Distance) String() string {
	n := int64(d)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	return sign + strconv.FormatInt(n/10, 10) + "." + strconv.FormatInt(n%10, 10)
}

// Decimal returns the distance in miles as a decimal with one decimal
// place (12.3), the type of care.Episode's DistanceMiles.
func (d Distance) Decimal() decimal.Decimal { return decimal.New(int64(d), -1) }

// The DfE's conversion: metres between grid references, divided by 1,000
// and by 1.6093 (not the international mile's 1.609344).
const metresPerTenthMile = 160.93 // 1609.3 metres a mile, ten tenths

// PlacementDistance returns the DfE's placement distance (PL_DISTANCE)
// from the child's home postcode to the placement postcode: the
// straight-line distance between the two postcodes' grid references in
// the ONS Postcode Directory (OS National Grid eastings and northings, in
// metres), divided by 1,000 and by 1.6093 to give miles, rounded to one
// decimal place. That is the formula the DfE's guidance gives, as the
// open validator (data-to-insight/csc-validator-be-903, which says it is
// "taken straight from the guidance") applies it.
//
// The rounding is to the nearest tenth; no distance between two whole-metre
// grid references lies exactly half way between two tenths (the half would
// need 200 metres times a whole number to equal 16,093 times an odd one),
// so the rounding rule for halves never arises, and the result equals the
// open validator's.
//
// ok is false, and the distance unknown, when either postcode is not
// known to p (a partial postcode, a postcode not in the Directory) or has
// no grid reference: the distance is then not zero and not derivable.
// Postcodes are personal data: the function reports nothing about them.
func PlacementDistance(p Postcodes, home, placement string) (Distance, bool) {
	if p == nil {
		return 0, false
	}
	h, ok := p.Lookup(home)
	if !ok || !h.HasGrid {
		return 0, false
	}
	q, ok := p.Lookup(placement)
	if !ok || !q.HasGrid {
		return 0, false
	}
	return gridDistance(h.Easting, h.Northing, q.Easting, q.Northing)
}

// maxGridMetres bounds a grid reference: the National Grid is 700 km by
// 1,300 km; a Postcodes that returns more is not describing Britain.
const maxGridMetres = 3_000_000

// gridDistance returns the DfE's distance between two grid references in
// metres ([PlacementDistance]), in tenths of a mile, rounded to the
// nearest tenth, computed exactly in integers; false for a reference off
// the grid.
func gridDistance(e1, n1, e2, n2 int32) (Distance, bool) {
	for _, v := range [...]int32{e1, n1, e2, n2} {
		if v < -maxGridMetres || v > maxGridMetres {
			return 0, false
		}
	}
	de, dn := int64(e1)-int64(e2), int64(n1)-int64(n2)
	sq := de*de + dn*dn // metres squared; at most 7.2e13
	// t is the nearest whole number to sqrt(sq)/160.93 = 100*sqrt(sq)/16093:
	// the largest t with (2t-1)*16093 <= 200*sqrt(sq), that is
	// ((2t-1)*16093)^2 <= 40000*sq. Start from the floating-point estimate
	// and correct it with exact integer comparisons.
	t := int64(math.Round(math.Sqrt(float64(sq)) / metresPerTenthMile))
	below := func(t int64) bool { // (2t-1)*16093 <= 200*sqrt(sq)
		if t <= 0 {
			return true
		}
		x := (2*t - 1) * 16093
		return x*x <= 40000*sq
	}
	for t > 0 && !below(t) {
		t--
	}
	for below(t + 1) {
		t++
	}
	return Distance(t), true
}

// Country pseudo-codes the DfE uses for PL_LA where the placement is
// outside England.
const (
	PlacementLAScotland        = "SCO"
	PlacementLAWales           = "WAL"
	PlacementLANorthernIreland = "NIR"
)

// PlacementLA returns the DfE's placement authority (PL_LA) for a
// placement postcode: the ONS code of the upper-tier local authority the
// postcode is in (the county, E10, in a two-tier area; otherwise the
// unitary authority, E06, the metropolitan borough, E08, or the London
// borough, E09), or SCO, WAL or NIR for a postcode in Scotland, Wales or
// Northern Ireland. ok is false, and the authority unknown, for a postcode
// p does not know, or one outside the United Kingdom's four countries
// (the Channel Islands, the Isle of Man).
func PlacementLA(p Postcodes, placement string) (string, bool) {
	if p == nil {
		return "", false
	}
	q, ok := p.Lookup(placement)
	if !ok {
		return "", false
	}
	code := q.District
	if q.Country != "" {
		code = q.Country
	}
	if code == "" {
		return "", false
	}
	switch code[0] {
	case 'S':
		return PlacementLAScotland, true
	case 'W':
		return PlacementLAWales, true
	case 'N':
		return PlacementLANorthernIreland, true
	case 'E':
		if a := q.Authority(); a != "" {
			return a, true
		}
	}
	return "", false
}

// Location is whether a placement is inside or outside the responsible
// authority's area: the DfE's PL_LOCATION.
type Location uint8

// Locations. There is no zero "unknown" value: functions that may not
// know return false beside the Location.
const (
	LocationIn  Location = iota + 1 // IN: inside the responsible authority
	LocationOut                     // OUT: outside it
)

// String returns the DfE's code: "IN" or "OUT" ("" for any other value).
func (l Location) String() string {
	switch l {
	case LocationIn:
		return "IN"
	case LocationOut:
		return "OUT"
	}
	return ""
}

// PlacementLocation returns the DfE's placement location (PL_LOCATION):
// IN when the placement's authority ([PlacementLA]) is the responsible
// authority, given by its ONS code (E09000033), and OUT otherwise,
// including every placement in Scotland, Wales or Northern Ireland. ok is
// false, and the location unknown (neither IN nor OUT), when the
// placement's authority is unknown.
func PlacementLocation(p Postcodes, placement, authority string) (Location, bool) {
	la, ok := PlacementLA(p, placement)
	if !ok {
		return 0, false
	}
	if la == strings.ToUpper(strings.TrimSpace(authority)) {
		return LocationIn, true
	}
	return LocationOut, true
}
