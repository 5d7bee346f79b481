package review

import (
	"errors"
	"testing"

	"github.com/lookedafter/practice/care"
)

func TestEarlyReasonText(t *testing.T) {
	tests := []struct {
		name      string
		r         EarlyReason
		text      string
		provision string
	}{
		{"not early", EarlyReasonNone, "", ""},
		{"IRO request", EarlyReasonIRORequest, "iro-request", "reg 33(3)(a)"},
		{"placement ending", EarlyReasonPlacementEnding, "placement-ending", "reg 33(3)(b)"},
		{"leaving remand", EarlyReasonLeavingRemand, "leaving-remand", "reg 33(3)(c)"},
		{"release from detention", EarlyReasonReleaseFromDetention, "release-from-detention", "reg 33(3)(d)"},
		{"ceasing accommodation", EarlyReasonCeasingAccommodation, "ceasing-accommodation", "reg 33(3)(e)"},
		{"significant change", EarlyReasonSignificantChange, "significant-change", "reg 32(2)"},
		{"other", EarlyReasonOther, "other", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.String(); got != tc.text {
				t.Errorf("String() = %q, want %q", got, tc.text)
			}
			if got := tc.r.Provision(); got != tc.provision {
				t.Errorf("Provision() = %q, want %q", got, tc.provision)
			}
			b, err := tc.r.MarshalText()
			if err != nil || string(b) != tc.text {
				t.Errorf("MarshalText() = %q, %v, want %q", b, err, tc.text)
			}
			var got EarlyReason
			if err := got.UnmarshalText(b); err != nil || got != tc.r {
				t.Errorf("UnmarshalText(%q) = %v, %v, want %v", b, got, err, tc.r)
			}
			if tc.r.IsEarly() != (tc.r != EarlyReasonNone) {
				t.Errorf("IsEarly() = %v", tc.r.IsEarly())
			}
		})
	}
	bad := EarlyReason(42)
	if got := bad.String(); got != "EarlyReason(42)" {
		t.Errorf("String() = %q, want EarlyReason(42)", got)
	}
	if _, err := bad.MarshalText(); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("MarshalText() error = %v, want care.ErrUnknownCode", err)
	}
	if _, err := ParseEarlyReason("IRO-request"); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("ParseEarlyReason(IRO-request) error = %v, want care.ErrUnknownCode", err)
	}
	var r EarlyReason
	if err := r.UnmarshalText([]byte("soon")); err == nil {
		t.Errorf("UnmarshalText(soon) = nil error")
	}
}

func TestCheckOutcomeText(t *testing.T) {
	tests := []struct {
		name string
		o    CheckOutcome
		text string
	}{
		{"unknown", CheckOutcomeUnknown, ""},
		{"on track", CheckOutcomeOnTrack, "on-track"},
		{"action needed", CheckOutcomeActionNeeded, "action-needed"},
		{"escalated", CheckOutcomeEscalated, "escalated"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.o.MarshalText()
			if err != nil || string(b) != tc.text || tc.o.String() != tc.text {
				t.Errorf("MarshalText() = %q, %v, want %q", b, err, tc.text)
			}
			got, err := ParseCheckOutcome(tc.text)
			if err != nil || got != tc.o {
				t.Errorf("ParseCheckOutcome(%q) = %v, %v, want %v", tc.text, got, err, tc.o)
			}
		})
	}
	if _, err := CheckOutcome(9).MarshalText(); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("MarshalText() error = %v, want care.ErrUnknownCode", err)
	}
	var o CheckOutcome
	if err := o.UnmarshalText([]byte("fine")); !errors.Is(err, care.ErrUnknownCode) {
		t.Errorf("UnmarshalText(fine) error = %v, want care.ErrUnknownCode", err)
	}
	if got := CheckOutcome(9).String(); got != "CheckOutcome(9)" {
		t.Errorf("String() = %q, want CheckOutcome(9)", got)
	}
}

func FuzzParseEarlyReason(f *testing.F) {
	for _, s := range earlyReasonNames {
		f.Add(s)
	}
	f.Add("IRO")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseEarlyReason(s)
		if err != nil {
			return
		}
		if r.String() != s {
			t.Errorf("ParseEarlyReason(%q).String() = %q", s, r.String())
		}
	})
}
