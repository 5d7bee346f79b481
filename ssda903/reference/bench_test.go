package reference_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lookedafter/practice/ssda903/reference"
)

// syntheticONSPD writes n rows in the ONSPD's layout (its full header of
// 2023, with made-up postcodes, codes and grid references).
func syntheticONSPD(n int) []byte {
	var b bytes.Buffer
	b.WriteString("pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,park,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21\n")
	for i := 0; i < n; i++ {
		out := fmt.Sprintf("Z%c%d", 'A'+byte(i/26000%26), i/1000%26)
		in := fmt.Sprintf("%d%c%c", i/676%10, 'A'+byte(i/26%26), 'A'+byte(i%26))
		term := ""
		if i%7 == 0 {
			term = "201912"
		}
		fmt.Fprintf(&b, "\"%s%s\",\"%s %s\",\"%s %s\",\"198001\",\"%s\",\"E10000032\",\"E58000000\",\"E07%06d\",\"E05000000\",\"E04000000\",\"0\",\"%d\",\"%d\",\"1\",\"E18000000\",\"E40000000\",\"E92000001\",\"E12000008\",\"0\",\"E14000000\",\"E15000008\",\"E24000000\",\"E30000000\",\"E16000000\",\"E06000000\",\"00AA00\",\"E00000000\",\"00AA00\",\"E99999999\",\"E01000000\",\"E02000000\",\"5\",\"3B1\",\"E00000000\",\"E01000000\",\"E02000000\",\"E33000000\",\"E38000000\",\"E34000000\",\"E35000000\",\"C1\",\"3B1\",\"%d.%06d\",\"-0.%06d\",\"E37000000\",\"\",\"E23000000\",\"12345\",\"E56000000\",\"E54000000\",\"E00000000\",\"E01000000\",\"E02000000\"\n",
			out, in, out, in, out, in, term, i%300, 400000+i%200000, 100000+i%900000, 50+i%5, i%1000000, i%1000000)
	}
	return b.Bytes()
}

// BenchmarkReadONSPD reads a 100,000-row synthetic file in the ONSPD's
// full layout (53 columns, about 33 MB).
func BenchmarkReadONSPD(b *testing.B) {
	data := syntheticONSPD(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := reference.ReadONSPD(bytes.NewReader(data), "onspd.csv", reference.ONSPDOptions{})
		if err != nil || tab.Len() < 90_000 {
			b.Fatal(err, tab.Len())
		}
	}
}

func BenchmarkPlacementDistance(b *testing.B) {
	tab, err := reference.ReadONSPD(bytes.NewReader(syntheticONSPD(100_000)), "onspd.csv", reference.ONSPDOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := reference.PlacementDistance(tab, "ZA0 0AA", "zb3 4cd"); !ok {
			b.Fatal("unknown")
		}
	}
}

// BenchmarkReadProvidersXLSX reads the DfE validator's combined fake list,
// and a synthetic list of 5,000 providers in the same layout.
func BenchmarkReadProvidersXLSX(b *testing.B) {
	small, err := os.ReadFile("../testdata/dfe/fake_data/combined_scp_ch_fake.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	var rows strings.Builder
	rows.WriteString(`<row r="1">`)
	for i, h := range []string{"Local authority", "URN", "Provider type", "Setting name", "Registration date", "Registration status", "Deregistration date", "Placement code", "Placement provider code", "Setting address postcode", "Number of registered places"} {
		fmt.Fprintf(&rows, `<c r="%c1" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, h)
	}
	rows.WriteString(`</row>`)
	for r := 2; r <= 5001; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>Test County</t></is></c><c r="B%d" t="inlineStr"><is><t>SC%06d</t></is></c><c r="C%d" t="inlineStr"><is><t>Children's Home</t></is></c><c r="D%d" t="inlineStr"><is><t>Test House %d</t></is></c><c r="E%d"><v>%d</v></c><c r="F%d" t="inlineStr"><is><t>Active</t></is></c><c r="G%d" t="inlineStr"><is><t>-</t></is></c><c r="H%d" t="inlineStr"><is><t>K2</t></is></c><c r="I%d" t="inlineStr"><is><t>PR4</t></is></c><c r="J%d" t="inlineStr"><is><t>ZZ1 %dAA</t></is></c><c r="K%d"><v>%d</v></c></row>`,
			r, r, r, r, r, r, r, r, 40000+r, r, r, r, r, r, r%10, r, r%12)
	}
	large := workbook(b, "", rows.String())
	for _, c := range []struct {
		name string
		data []byte
		n    int
	}{{"fake", small, 4}, {"5000", large, 5000}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				ps, err := reference.ReadProvidersXLSX(bytes.NewReader(c.data), int64(len(c.data)), "list.xlsx")
				if err != nil || ps.Len() != c.n {
					b.Fatal(err, ps.Len())
				}
			}
		})
	}
}

func BenchmarkReadProvidersCSV(b *testing.B) {
	var s strings.Builder
	s.WriteString("URN,Provider type,Registration date,Deregistration date,Placement code,Placement provider code,Setting address postcode,Number of registered places\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&s, "SC%06d,Children's Home,01/04/2015,-,K2,PR4,ZZ1 %dAA,%d\n", i, i%10, i%12)
	}
	data := s.String()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ps, err := reference.ReadProvidersCSV(strings.NewReader(data), "p.csv")
		if err != nil || ps.Len() != 5000 {
			b.Fatal(err, ps.Len())
		}
	}
}
