package xlsx

import (
	"testing"
	"time"
)

func TestColumnNameAndRef(t *testing.T) {
	for col, name := range map[int]string{1: "A", 26: "Z", 27: "AA", 28: "AB", 702: "ZZ", 703: "AAA", 16384: "XFD", 0: "?"} {
		if got := ColumnName(col); got != name {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, name)
		}
		if col == 0 {
			continue
		}
		c, r, ok := parseRef(name + "12")
		if !ok || c != col || r != 12 {
			t.Errorf("parseRef(%s12) = %d, %d, %v", name, c, r, ok)
		}
	}
	for _, bad := range []string{"", "12", "A0", "A1B", "ABCDE1", "A123456789"} {
		if _, _, ok := parseRef(bad); ok {
			t.Errorf("parseRef(%q) ok", bad)
		}
	}
}

func TestDate(t *testing.T) {
	wb := &Workbook{}
	for serial, want := range map[string]string{"1": "1900-01-01", "59": "1900-02-28", "61": "1900-03-01", "45658": "2025-01-01", "45658.99": "2025-01-01", "2958465": "9999-12-31"} {
		y, m, d, ok := wb.Date(serial)
		if got := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"); !ok || got != want {
			t.Errorf("Date(%s) = %s, %v; want %s", serial, got, ok, want)
		}
	}
	for _, bad := range []string{"0", "60", "-1", "2958466", "NaN", "x", ""} {
		if _, _, _, ok := wb.Date(bad); ok {
			t.Errorf("Date(%q) ok", bad)
		}
	}
	wb.date1904 = true
	if y, m, d, ok := wb.Date("0"); !ok || y != 1904 || m != 1 || d != 1 {
		t.Errorf("1904 serial 0: %d-%d-%d %v", y, m, d, ok)
	}
}
