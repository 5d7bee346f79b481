package validate

import (
	"slices"
	"strings"

	"github.com/lookedafter/practice/ssda903/reference"
)

// providerRules holds the rules of the ref-provider family: the Ofsted
// provider lists. Issue 16.
//
// The rules run only when the lists are given ([Metadata.Providers]);
// URNs are compared as text, trimmed and without regard to case
// ("SC123456" is not "123456"). A rule judges a row only on what the
// lists say: a URN the lists do not hold is rule 1008's fault alone, and
// a provider whose row leaves blank what a rule compares (its placement
// codes, provider codes, postcode, authority, closing date) is not
// judged by that rule (see testdata/disagreements.json).
//
// The list was generated once from testdata/dfe (rules_2025_26.json,
// rules_2026_27.json, and the years and messages of cases.json) and is kept
// by hand: see "HOW TO ADD A RULE" in catalogue.go.
var providerRules = []Rule{
	{Code: "219", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
		Fields:  fields("URN", "PLACE"), Tables: tables(episodes), Needs: NeedProviders, Check: rule219},
	{Code: "221", Years: Years{From: 2022, Until: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders, Check: rule221},
	{Code: "221", Years: Years{From: 2023, Until: 2023}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders, Check: rule221v2023},
	{Code: "221", Years: Years{From: 2024}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
		Fields:  fields("PL_POST"), Tables: tables(episodes), Needs: NeedProviders, Check: rule221v2024},
	{Code: "224", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
		Fields:  fields("PLACE_PROVIDER"), Tables: tables(episodes), Needs: NeedProviders, Check: rule224},
	{Code: "227", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
		Fields:  fields("URN", "DECOM"), Tables: tables(episodes), Needs: NeedProviders, Check: rule227},
	{Code: "228", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
		Fields:  fields("URN", "DEC"), Tables: tables(episodes), Needs: NeedProviders, Check: rule228},
	{Code: "229", Years: Years{From: 2022, Until: 2024}, Family: FamilyRefProvider,
		Message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
		Fields:  fields("URN", "PLACE_PROVIDER"), Tables: tables(episodes), Needs: NeedProviders | NeedAuthority, Check: rule229},
	{Code: "229", Years: Years{From: 2025}, Family: FamilyRefProvider,
		Message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
		Fields:  fields("URN", "PLACE_PROVIDER"), Tables: tables(episodes), Needs: NeedProviders | NeedAuthority, Check: rule229v2025},
	{Code: "1008", Years: Years{From: 2022}, Family: FamilyRefProvider,
		Message: "Ofsted Unique Reference Number (URN) is not valid.",
		Fields:  fields("URN"), Tables: tables(episodes), Needs: NeedProviders, Check: rule1008},
}

// placeholderURN is the URN the DfE accepts for a placement with no
// Ofsted registration.
const placeholderURN = "XXXXXXX"

// provider returns the provider of the URN in row i of the column: false
// when the URN is blank, the placeholder, or not in the lists.
func provider(c *Check, urn *Column, i int) (reference.Provider, bool) {
	u := urn.Code(i)
	if u == "" || u == placeholderURN {
		return reference.Provider{}, false
	}
	return c.Meta.Providers.Lookup(u)
}

// rule1008: a URN given, other than the placeholder, is in the Ofsted
// lists.
func rule1008(c *Check) {
	eps := c.Table(episodes)
	urn := eps.Column("URN")
	for i := range eps.Len() {
		if u := urn.Code(i); u != "" && u != placeholderURN {
			if _, ok := c.Meta.Providers.Lookup(u); !ok {
				c.Flag(eps, i)
			}
		}
	}
}

// rule219: the placement type is one the URN's provider offers.
func rule219(c *Check) {
	eps := c.Table(episodes)
	urn, place := eps.Column("URN"), eps.Column("PLACE")
	for i := range eps.Len() {
		if p, ok := provider(c, urn, i); ok && len(p.PlacementCodes) > 0 && !slices.Contains(p.PlacementCodes, place.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule224: the placement provider code is one of the URN's provider.
func rule224(c *Check) {
	eps := c.Table(episodes)
	urn, pp := eps.Column("URN"), eps.Column("PLACE_PROVIDER")
	for i := range eps.Len() {
		if p, ok := provider(c, urn, i); ok && len(p.ProviderCodes) > 0 && !slices.Contains(p.ProviderCodes, pp.Code(i)) {
			c.Flag(eps, i)
		}
	}
}

// rule221 (2022–23): in a placement of type K1, K2, R3 or S1, not a
// short break (V3, V4), the placement postcode is the URN's provider's.
func rule221(c *Check) { flagPostcodeNotProvider(c, "K1", "K2", "R3", "S1") }

// rule221v2023: as rule221, with H5 (supported accommodation).
func rule221v2023(c *Check) { flagPostcodeNotProvider(c, "H5", "K1", "K2", "R3", "S1") }

// rule221v2024: as rule221v2023, with K3.
func rule221v2024(c *Check) { flagPostcodeNotProvider(c, "H5", "K1", "K2", "K3", "R3", "S1") }

func flagPostcodeNotProvider(c *Check, places ...string) {
	eps := c.Table(episodes)
	urn, ls, place, post := eps.Column("URN"), eps.Column("LS"), eps.Column("PLACE"), eps.Column("PL_POST")
	for i := range eps.Len() {
		if post.Blank(i) || oneOf(ls.Code(i), "V3", "V4") || !oneOf(place.Code(i), places...) {
			continue
		}
		if p, ok := provider(c, urn, i); ok && p.Postcode != "" && reference.NormalizePostcode(post.Text(i)) != reference.NormalizePostcode(p.Postcode) {
			c.Flag(eps, i)
		}
	}
}

// rule227: an episode starts before the URN's provider's registration
// ended.
func rule227(c *Check) {
	eps := c.Table(episodes)
	urn, decom := eps.Column("URN"), eps.Column("DECOM")
	for i := range eps.Len() {
		p, ok := provider(c, urn, i)
		start, dated := decom.Date(i)
		if ok && dated && !p.Closed.IsZero() && !start.Before(p.Closed) {
			c.Flag(eps, i)
		}
	}
}

// rule228: an episode ends on or before the URN's provider's
// registration ended; an open episode, the provider was still
// registered at the end of the collection.
func rule228(c *Check) {
	eps := c.Table(episodes)
	urn, dec := eps.Column("URN"), eps.Column("DEC")
	for i := range eps.Len() {
		p, ok := provider(c, urn, i)
		if !ok || p.Closed.IsZero() || dec.BadDate(i) {
			continue
		}
		end, ended := dec.Date(i)
		if !ended {
			end = c.Meta.End
		}
		if end.After(p.Closed) {
			c.Flag(eps, i)
		}
	}
}

// rule229 (2022–23 to 2024–25): the authority's own provision (PR1) is a
// provider in the authority; another authority's provision (PR2) is not.
func rule229(c *Check) { flagProviderAuthority(c) }

// rule229v2025: as rule229, except for placements of types K3, P1, P3,
// R1, R2, R5, T0–T4 and Z11–Z14.
func rule229v2025(c *Check) {
	flagProviderAuthority(c, "K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")
}

func flagProviderAuthority(c *Check, exempt ...string) {
	eps := c.Table(episodes)
	urn, pp, place := eps.Column("URN"), eps.Column("PLACE_PROVIDER"), eps.Column("PLACE")
	ours, _ := authorityCode(c.Meta)
	names := authorityNames(c.Meta)
	for i := range eps.Len() {
		if oneOf(place.Code(i), exempt...) {
			continue
		}
		p, ok := provider(c, urn, i)
		if !ok {
			continue
		}
		theirs, known := providerAuthority(c.Meta, names, p)
		if !known {
			continue
		}
		switch pp.Code(i) {
		case "PR1":
			if theirs != ours {
				c.Flag(eps, i)
			}
		case "PR2":
			if theirs == ours {
				c.Flag(eps, i)
			}
		}
	}
}

// providerAuthority returns the code the authority's own placements have
// ([authorityCode]) for the provider's authority: that of the authority
// the lists name (by ONS code, DfE code or name), or else, with postcode
// reference data, that of the provider's postcode. An authority the list
// of authorities does not hold is compared as given (trimmed, upper-cased)
// only when the run's own authority is not in the list either; otherwise
// the provider's authority is unknown (false) and not judged.
func providerAuthority(meta Metadata, names map[string]string, p reference.Provider) (string, bool) {
	if la := strings.TrimSpace(p.LocalAuthority); la != "" {
		as := meta.Authorities
		if a, ok := as.LookupONS(la); ok {
			return a.ONS, true
		}
		if a, ok := as.LookupDfE(la, meta.End); ok {
			return a.ONS, true
		}
		if ons, ok := names[authorityNameKey(la)]; ok {
			return ons, true
		}
		if _, listed := as.LookupDfE(meta.Authority, meta.End); !listed {
			return strings.ToUpper(la), true
		}
		return "", false
	}
	if meta.Postcodes != nil && p.Postcode != "" {
		return reference.PlacementLA(meta.Postcodes, p.Postcode)
	}
	return "", false
}

// authorityNames maps the authorities' names (by authorityNameKey) to
// their ONS codes, those in being at the end of the collection first.
func authorityNames(meta Metadata) map[string]string {
	out := map[string]string{}
	all := meta.Authorities.All()
	for _, current := range []bool{true, false} {
		for _, a := range all {
			k := authorityNameKey(a.Name)
			if _, dup := out[k]; !dup && a.ExistsOn(meta.End) == current {
				out[k] = a.ONS
			}
		}
	}
	return out
}

// authorityNameKey returns an authority's name as the ONS and Ofsted
// write it, reduced for comparison: lower case, words of letters and
// digits, without "council", "county council", "London Borough of",
// ", City of" and the like ("Bristol, City of" and "Bristol City
// Council" are both "bristol").
func authorityNameKey(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	s := " " + strings.Join(words, " ") + " "
	for _, w := range []string{" metropolitan borough council ", " borough council ", " county council ", " city council ",
		" district council ", " council ", " city of ", " county of ", " london borough of ", " royal borough of ",
		" metropolitan borough of ", " borough of "} {
		s = strings.ReplaceAll(s, w, " ")
	}
	s = strings.TrimPrefix(s, " county ")
	if k := strings.TrimSpace(s); k != "" {
		return k
	}
	return strings.Join(words, " ")
}
