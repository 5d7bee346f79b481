package validate

import "slices"

// Code lists used by more than one family live here; a list one family
// uses lives in its file. Prefer care's code lists where they exist
// (care.ParseEthnicity, care.ParsePlacementType … with ValidIn(year)):
// they know the years each code is valid in.

// oneOf reports whether code is one of codes.
func oneOf(code string, codes ...string) bool { return slices.Contains(codes, code) }
