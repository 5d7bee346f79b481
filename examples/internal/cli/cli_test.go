package cli

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

func TestChecks(t *testing.T) {
	if _, err := Date("asof", "2025-02-30"); err == nil || strings.Count(err.Error(), "care:") != 1 ||
		!strings.HasPrefix(err.Error(), `-asof "2025-02-30": want a date YYYY-MM-DD`) {
		t.Errorf("Date(2025-02-30) error = %v", err)
	}
	if d, err := Date("asof", "2026-12-01"); err != nil || d.String() != "2026-12-01" {
		t.Errorf("Date(2026-12-01) = %v, %v", d, err)
	}
	if err := AtLeast("top", -1, 0); err == nil || err.Error() != "-top -1: want 0 or more" {
		t.Errorf("AtLeast(-1) = %v", err)
	}
	if err := AtLeast("top", 0, 0); err != nil {
		t.Errorf("AtLeast(0) = %v", err)
	}
	if err := OneOf("format", "xml", "text", "json"); err == nil || err.Error() != `-format "xml": want text or json` {
		t.Errorf("OneOf(xml) = %v", err)
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	var b bytes.Buffer
	fs.SetOutput(&b)
	fs.Int("top", 10, "how many")
	Usage(fs, &b, "x [flags] [file ...]", "Each file is a cohort; - reads standard input.")
	fs.Usage()
	if got := b.String(); !strings.Contains(got, "usage: x [flags] [file ...]") || !strings.Contains(got, "- reads standard input") || !strings.Contains(got, "-top") {
		t.Errorf("usage = %q", got)
	}
}
