package ssda903_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lookedafter/practice/ssda903"
)

// FuzzReadCSV reads arbitrary bytes as one CSV table: it never panics,
// every problem is placed in the file, and what it reads round-trips
// through the writer, raw and typed.
func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		headerCSV + "1,1,01/01/2015,WBRI,A123456789012,0,\n2,M,1/2/2016,wbri,,,\n",
		episodesCSV + "1,01/04/2025,S,C2,N1,U4,PR1,01/06/2025,E4A,CARPL,AB1 2CD,\"AB3,4EF\",SC1\r\n",
		"\uFEFFCHILD,DOB,REVIEW,REVIEW_CODE\r\n1,01/01/2015,\"0\"\"1\",pn1\r\n",
		"CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n1,01/01/2015,Z1,,ZZ/ZZ/2001\n",
		"CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,01/01/2015,12,,1,0,1,0,1,0,1,0\n",
		"CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nC,01/01/2015,SW1,01/04/2024,,MANAGE\n",
		"DECOM\n\"\"\n",
		strings.TrimSpace(episodesCSV) + ",PL_DISTANCE,PL_LOCATION,NOTES\n1,,,,,,,,,,,,,3.5,IN,x\n",
	} {
		f.Add([]byte(s))
	}
	f.Add(utf16LE(headerCSV + "1,1,01/01/2015,WBRI,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ssda903.ReadCSV(bytes.NewReader(data), "f.csv", 2025)
		checkProblems(t, err, "f.csv")
		back, err := ssda903.ReadFS(writeFS(t, r), 2025)
		if err != nil && !errors.Is(err, ssda903.ErrUnknownColumn) && !errors.Is(err, ssda903.ErrMissingColumn) {
			t.Fatalf("reading the written return: %v", err)
		}
		if diff := sameCells(r, back); diff != "" {
			t.Fatalf("raw round trip mismatch (-want +got):\n%s", diff)
		}
		typedRoundTrip(t, r, "f.csv")
	})
}

// FuzzReadXML reads arbitrary bytes as an XML return, and writes back
// what it read.
func FuzzReadXML(f *testing.F) {
	f.Add([]byte(sampleXML))
	f.Add([]byte(`<EXPSSDA903><CHILD><HEADER><CHILDID>1</CHILDID><DOB>01/01/2015</DOB><DUC>01/02/2025</DUC></HEADER>` +
		`<EPISODE><DECOM>01/04/2025</DECOM><PL>U4</PL><PL_DISTANCE>3</PL_DISTANCE></EPISODE></CHILD></EXPSSDA903>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><EXPSSDA903><CHILD><HEADER><CHILDID>&#x41;&amp;</CHILDID></HEADER></CHILD></EXPSSDA903>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ssda903.ReadXML(bytes.NewReader(data), "x.xml", 2025)
		checkProblems(t, err, "x.xml")
		var buf bytes.Buffer
		if err := r.WriteXML(&buf); err != nil {
			checkProblems(t, err, "x.xml")
			return
		}
		back, err := ssda903.ReadXML(&buf, "x.xml", 2025)
		if err != nil {
			t.Fatalf("reading the written XML: %v\n%s", err, buf.String())
		}
		if diff := cmp.Diff(rawTables(r), rawTables(back)); diff != "" {
			t.Fatalf("raw round trip mismatch (-want +got):\n%s", diff)
		}
		typedRoundTrip(t, r, "x.xml")
	})
}

// checkProblems checks that err is nil or an Errors whose every problem
// names the file.
func checkProblems(t *testing.T, err error, file string) {
	t.Helper()
	for _, e := range problems(t, err) {
		if e.File != file || e.Err == nil {
			t.Fatalf("problem %v does not name file %s", e, file)
		}
		_ = e.Error()
	}
}

// typedRoundTrip checks that r's records, written as CSV in the year's
// forms and read again, are the same records.
func typedRoundTrip(t *testing.T, r *ssda903.Return, file string) {
	t.Helper()
	rec, err := r.Records()
	checkProblems(t, err, file)
	typed, err := rec.Return()
	if err != nil {
		t.Fatalf("Records.Return() error = %v", err)
	}
	back, err := ssda903.ReadFS(writeFS(t, typed), 2025)
	if err != nil {
		t.Fatalf("reading the written records: %v", err)
	}
	rec2, err := back.Records()
	for _, e := range problems(t, err) {
		// A blank CHILD stays blank; nothing else can be wrong.
		if !errors.Is(e, ssda903.ErrNoChild) {
			t.Fatalf("records written then read have a problem: %v", e)
		}
	}
	if diff := cmp.Diff(rec, rec2, cmpRecords); diff != "" {
		t.Fatalf("typed round trip mismatch (-want +got):\n%s", diff)
	}
	_ = ssda903.Cases(rec)
}

// FuzzParseDate checks the date parsers: what they accept, their
// formatters write back as the same value.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"01/04/2025", "1/4/2025", "29/02/2024", "ZZ/05/2021", "zz/zz/zzzz", "2025-26", "lac2025_26", "2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ssda903.ParseDate(s); err == nil {
			if d2, err := ssda903.ParseDate(ssda903.FormatDate(d)); err != nil || d2 != d {
				t.Fatalf("ParseDate(FormatDate(%v)) = %v, %v", d, d2, err)
			}
		}
		if p, err := ssda903.ParsePartialDate(s); err == nil {
			if p2, err := ssda903.ParsePartialDate(p.String()); err != nil || p2 != p {
				t.Fatalf("ParsePartialDate(%q) = %v, %v; want %v", p.String(), p2, err, p)
			}
		}
		if y, err := ssda903.ParseYear(s); err == nil {
			if y2, err := ssda903.ParseYear(y.String()); err != nil || y2 != y {
				t.Fatalf("ParseYear(%q) = %v, %v; want %v", y.String(), y2, err, y)
			}
		}
	})
}
