package care

// ValidPostcode reports whether s has the form of a UK postcode, full or
// partial, as the SSDA903 return accepts postcodes:
//
//   - a full postcode: the outward code (the area and district: "SW1A",
//     "M1", "B33", "CR2", "W1A", "EC1A") and the inward code (the sector
//     digit and two letters of the unit, "1AA"), with one space between
//     them or none: "SW1A 1AA", "SW1A1AA", and "GIR 0AA";
//   - a partial postcode: the outward code alone ("SW1A", the postcode
//     district), or with the sector digit after a space ("SW1A 1").
//
// Letters may be upper or lower case; nothing else (no other spaces or
// punctuation) is accepted. It checks the shape only, not that the
// postcode exists. See also [FullPostcode].
func ValidPostcode(s string) bool {
	_, ok := parsePostcode(s)
	return ok
}

// FullPostcode reports whether s is a full UK postcode, with its inward
// code ("SW1A 1AA", "SW1A1AA"), as [ValidPostcode] reads it. A partial
// postcode, or one that is not valid, is not full.
func FullPostcode(s string) bool {
	full, ok := parsePostcode(s)
	return ok && full
}

// parsePostcode reads s as a postcode: ok if it is valid, and full if it
// has its inward code.
func parsePostcode(s string) (full, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			out, in := s[:i], s[i+1:]
			switch {
			case isGIR(out, in):
				return true, true
			case !outwardCode(out):
				return false, false
			case inwardCode(in):
				return true, true
			case len(in) == 1 && isDigit(in[0]): // the sector
				return false, true
			}
			return false, false
		}
	}
	if n := len(s); n >= 5 && (isGIR(s[:n-3], s[n-3:]) || (inwardCode(s[n-3:]) && outwardCode(s[:n-3]))) {
		return true, true
	}
	return false, outwardCode(s)
}

// outwardCode reports whether s is an outward code: a letter or two, a
// digit, then a digit or a letter or nothing (A9, A99, A9A, AA9, AA99,
// AA9A).
func outwardCode(s string) bool {
	n := len(s)
	if n < 2 || n > 4 || !isLetter(s[0]) {
		return false
	}
	i := 1
	if isLetter(s[i]) {
		i++
	}
	if i >= n || !isDigit(s[i]) {
		return false
	}
	i++
	switch n - i {
	case 0:
		return true
	case 1:
		return isDigit(s[i]) || isLetter(s[i])
	}
	return false
}

// inwardCode reports whether s is an inward code: a digit and two letters.
func inwardCode(s string) bool {
	return len(s) == 3 && isDigit(s[0]) && isLetter(s[1]) && isLetter(s[2])
}

// isGIR reports the one postcode outside the pattern, GIR 0AA.
func isGIR(out, in string) bool {
	return len(out) == 3 && len(in) == 3 && upper(out[0]) == 'G' && upper(out[1]) == 'I' && upper(out[2]) == 'R' &&
		in[0] == '0' && upper(in[1]) == 'A' && upper(in[2]) == 'A'
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= upper(c) && upper(c) <= 'Z' }
func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
