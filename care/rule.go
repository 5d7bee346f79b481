package care

import (
	"fmt"
	"strings"
)

// RuleID is a rule's stable identifier, such as "REV-01". IDs are public API:
// once published an ID is never renamed, renumbered or reused; a retired rule
// keeps its ID and gains an end to its in-force period.
type RuleID string

// Citation says where a rule comes from.
type Citation struct {
	// Instrument is the statute, regulations, guidance or local standard,
	// for example "Care Planning, Placement and Case Review (England)
	// Regulations 2010".
	Instrument string `json:"instrument"`
	// Provision is the section, regulation or paragraph, e.g. "reg 33(1)".
	Provision string `json:"provision,omitempty"`
	// URL points to the text where one is known.
	URL string `json:"url,omitempty"`
	// Abbrev is the instrument's short name for text output, such as
	// "CPPCR 2010" or "CA 1989"; empty for an instrument that has none.
	Abbrev string `json:"abbrev,omitempty"`
}

// Short returns the citation in the short form a text report prints,
// "CPPCR 2010 reg 28(2)(b)": the abbreviation and the provision, or the
// whole instrument where it has no abbreviation.
func (c Citation) Short() string {
	inst := c.Abbrev
	if inst == "" {
		inst = c.Instrument
	}
	if c.Provision == "" {
		return inst
	}
	return inst + " " + c.Provision
}

// String returns "Instrument, Provision".
func (c Citation) String() string {
	if c.Provision == "" {
		return c.Instrument
	}
	return c.Instrument + ", " + c.Provision
}

// Severity says how binding a rule is. Higher values are more binding, so
// severities can be compared with < and >.
type Severity uint8

const (
	SeverityUnknown   Severity = iota
	SeverityLocal              // a local practice standard (the default shown can be made stricter)
	SeverityGuidance           // statutory guidance, which authorities must follow unless there is good reason not to
	SeverityStatutory          // a duty in an Act or regulations
)

var severityNames = [...]string{"unknown", "local", "guidance", "statutory"}

// String returns "local", "guidance" or "statutory".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText implements [encoding.TextMarshaler].
func (s Severity) MarshalText() ([]byte, error) {
	return marshalName(s.String(), int(s), len(severityNames), "severity")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Severity) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, severityNames[:], "severity")
	*s = Severity(i)
	return err
}

// Domain groups rules by the area of practice they belong to; drift
// summaries report the domains a child's overdue findings fall in.
type Domain uint8

const (
	DomainUnknown     Domain = iota
	DomainPlans              // care and placement plans (PLAN)
	DomainAssessment         // reassessment and chronology (ASMT)
	DomainVisits             // statutory visits (VIS)
	DomainHealth             // health assessments, SDQ, dental (HLTH)
	DomainEducation          // personal education plans (EDU)
	DomainIdentity           // identity needs (ID)
	DomainMissing            // missing episodes and exploitation (MISS)
	DomainStability          // placement stability and distance (STAB)
	DomainConnected          // connected-person approval (CONN)
	DomainLeaving            // care leavers (LEAV)
	DomainReviews            // looked-after reviews and the IRO (REV)
	DomainSupervision        // supervision and oversight (SUP)
	DomainPermanence         // permanence planning (PERM)
	DomainDrift              // the whole case (DRIFT)
)

var domainNames = [...]string{"unknown", "plans", "assessment", "visits", "health", "education", "identity",
	"missing", "stability", "connected-persons", "leaving-care", "reviews", "supervision", "permanence", "drift"}

// String returns the domain's name, such as "visits".
func (d Domain) String() string {
	if int(d) < len(domainNames) {
		return domainNames[d]
	}
	return fmt.Sprintf("Domain(%d)", uint8(d))
}

// MarshalText implements [encoding.TextMarshaler].
func (d Domain) MarshalText() ([]byte, error) {
	return marshalName(d.String(), int(d), len(domainNames), "domain")
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Domain) UnmarshalText(b []byte) error {
	i, err := unmarshalName(b, domainNames[:], "domain")
	*d = Domain(i)
	return err
}

// Rule describes one rule of the catalogue. Evaluation is separate: the
// package named in Package computes findings for it.
type Rule struct {
	ID       RuleID   `json:"id"`
	Title    string   `json:"title"`
	Text     string   `json:"text,omitempty"` // a longer statement, with the counting convention
	Citation Citation `json:"citation"`
	// InForce is the period in which the rule applies; a zero End means it
	// is still in force.
	InForce  Period   `json:"in_force"`
	Severity Severity `json:"severity"`
	Domain   Domain   `json:"domain"`
	// Package is the import path suffix of the package that evaluates the
	// rule: "care", "review", "supervision", "permanence" or "practice".
	Package string `json:"package"`
	// File is the source file, from the module root, that holds the rule's
	// decision ("care/visits.go"); a test checks that it names the rule's
	// ID constant.
	File string `json:"file"`
	// Default is the default timescale or threshold, in words ("20 WD").
	Default string `json:"default,omitempty"`
	// Policy names the policy fields the rule reads ("Visits.FirstVisitDays").
	Policy []string `json:"policy,omitempty"`
	// Reads is the set of record families the rule's decision reads: the
	// rule is assessed only on data whose [Coverage] carries them all.
	// Every rule reads the child and episodes as well.
	Reads Family `json:"reads"`
}

// InForceOn reports whether the rule is in force on day d.
func (r Rule) InForceOn(d Date) bool { return inForce(r.InForce, d) }

// inForce reports whether d falls in the in-force period p: a zero Start
// means in force from the beginning, a zero End means still in force. It
// is apart from InForceOn so that the method inlines, and calling it on a
// rule held by pointer does not copy the rule.
func inForce(p Period, d Date) bool {
	if p.Start.IsZero() {
		return p.End.IsZero() || d.Before(p.End)
	}
	return p.Contains(d)
}

// Clone returns a copy of r that shares no memory with it.
func (r Rule) Clone() Rule {
	if r.Policy != nil {
		r.Policy = append([]string(nil), r.Policy...)
	}
	return r
}

// CPPCRAbbrev is the short name of the CPPCR 2010 in text output.
const CPPCRAbbrev = "CPPCR 2010"

// CPPCR is the usual citation instrument for the Care Planning, Placement and
// Case Review (England) Regulations 2010.
const CPPCR = "Care Planning, Placement and Case Review (England) Regulations 2010"

// CPPCRURL is the legislation.gov.uk address of the CPPCR 2010 as made.
const CPPCRURL = "https://www.legislation.gov.uk/uksi/2010/959"

func marshalName(name string, i, n int, what string) ([]byte, error) {
	if i <= 0 || i >= n {
		if i == 0 {
			return []byte{}, nil
		}
		return nil, fmt.Errorf("care: cannot marshal %s %d", what, i)
	}
	return []byte(name), nil
}

func unmarshalName(b []byte, names []string, what string) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	s := string(b)
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i, nil
		}
	}
	return 0, &ParseError{Input: s, Type: what, Err: fmt.Errorf("%w: want one of %s", ErrUnknownCode, strings.Join(names[1:], ", "))}
}
