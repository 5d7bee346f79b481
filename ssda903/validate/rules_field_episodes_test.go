package validate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lookedafter/practice/care"
	"github.com/lookedafter/practice/ssda903/validate"
)

// epFlagged runs rule code of year y (ending on 31 March, given
// explicitly) over the CSV files and returns the children of the flagged
// rows, sorted.
func epFlagged(t *testing.T, files map[string]string, y care.CollectionYear, code string) []string {
	t.Helper()
	meta := validate.Metadata{Year: y, End: y.Period().End.AddDays(-1)}
	res, err := validate.Run(context.Background(), readTables(t, files), validate.Options{Metadata: meta, Codes: []string{code}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Skipped) > 0 || len(res.Crashed) > 0 {
		t.Fatalf("%s in %s: skipped %+v, crashed %+v", code, y, res.Skipped, res.Crashed)
	}
	flags, ok := res.Flagged(code)
	if !ok {
		t.Fatalf("%s did not run in %s", code, y)
	}
	var out []string
	for _, f := range flags {
		out = append(out, f.Child)
	}
	slices.Sort(out)
	return out
}

type epCase struct {
	code  string
	year  care.CollectionYear
	files map[string]string
	want  []string
}

func epRun(t *testing.T, cases []epCase) {
	t.Helper()
	for _, tc := range cases {
		if got := epFlagged(t, tc.files, tc.year, tc.code); !slices.Equal(got, tc.want) {
			t.Errorf("%s in %s: flagged %v, want %v", tc.code, tc.year, got, tc.want)
		}
	}
}

// Codes compare without regard to case after trimming, as the DfE's tool
// reads them (every cell upper-cased): "s", " l " and "v2" are valid codes;
// N9 and NA are not codes of their lists, whatever their case.
func TestFieldLowerCaseAndPaddedCodes(t *testing.T) {
	eps := map[string]string{"Episodes.csv": "CHILD,RNE,LS,PLACE,REC,PLACE_PROVIDER,CIN,REASON_PLACE_CHANGE\n" +
		"A, S ,V2 ,P1,E4A,PR0, N1 ,CARPL\n" +
		"B,s,v2, p1 ,e4a,pr0,n1,carpl\n" +
		"C,P,C1,T3 ,X1 ,,N2, OTHER \n" +
		"D, l ,C1,t3,e11, ,N9,NA\n"}
	hdr := map[string]string{"Header.csv": "CHILD,SEX,MC_DOB,MOTHER\nA, M ,01/01/2020,\nB,m,01/01/2020,\nC,u,,\nD, U ,,\n"}
	epRun(t, []epCase{
		{"143", 2025, eps, nil},
		{"144", 2025, eps, nil},
		{"145", 2025, eps, []string{"D"}},
		{"146", 2025, eps, nil},
		{"149", 2025, eps, nil},
		{"178", 2025, eps, nil},
		{"1009", 2025, eps, []string{"D"}},
		// Relational rules read codes whatever their case.
		{"378", 2025, eps, []string{"A", "B"}},
		{"380", 2025, eps, []string{"D"}},
		{"381", 2025, eps, []string{"D"}},
		{"550", 2025, eps, nil},
		{"390", 2025, eps, []string{"D"}},
		{"101", 2025, hdr, nil},
		{"232", 2025, hdr, []string{"C", "D"}},
		{"174", 2025, hdr, []string{"A", "B"}},
	})
}

// A blank cell (spaces) and a missing one (no such column) are both "not
// recorded": a code rule passes them, a rule requiring the field flags
// them.
func TestFieldBlankVersusMissingCells(t *testing.T) {
	noCols := map[string]string{"Episodes.csv": "CHILD,DECOM\nA,01/05/2025\n"}
	blanks := map[string]string{"Episodes.csv": "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REASON_PLACE_CHANGE\nA,01/05/2025,  , , ,  , ,  \n"}
	hdrNoSex := map[string]string{"Header.csv": "CHILD,DOB\nA,01/01/2015\n"}
	hdrBlankSex := map[string]string{"Header.csv": "CHILD,SEX,DOB\nA,  ,01/01/2015\n"}
	epRun(t, []epCase{
		{"143", 2025, noCols, nil},
		{"143", 2025, blanks, nil},
		{"146", 2025, blanks, nil},
		{"178", 2025, blanks, nil},
		{"233", 2025, blanks, nil},
		{"408", 2025, blanks, nil},
		// A provider is required for a placement not exempt, blank or absent.
		{"526", 2025, noCols, []string{"A"}},
		{"526", 2025, blanks, []string{"A"}},
		{"101", 2025, hdrNoSex, []string{"A"}},
		{"101", 2025, hdrBlankSex, []string{"A"}},
		{"611", 2025, map[string]string{"Header.csv": "CHILD,MOTHER,MC_DOB\nA,1,  \nB,1,01/01/2024\nC, ,\n"}, []string{"A"}},
	})
}

// Dates that do not exist are not valid dates, and the rules comparing
// dates pass over them; the end of the collection year is inclusive.
func TestFieldDatesThatDoNotExist(t *testing.T) {
	eps := map[string]string{"Episodes.csv": "CHILD,DECOM,DEC\n" +
		"A,31/02/2025,31/02/2025\n" +
		"B,29/02/2024,29/02/2024\n" +
		"C,29/02/2025,01/03/2025\n" +
		"D,31/03/2026,31/03/2026\n" +
		"E,01/04/2026,01/04/2026\n" +
		"F,1/4/2025,02/04/2025\n"}
	hdr := map[string]string{"Header.csv": "CHILD,DOB,MC_DOB\nA,01/01/2008,31/02/2025\nB,29/02/2008,29/02/2024\nC,31/02/2008,01/01/2024\nD,01/04/2026,\nE,31/03/2026,\n"}
	epRun(t, []epCase{
		{"141", 2025, eps, []string{"A", "C"}},
		{"147", 2025, eps, []string{"A"}},
		{"355", 2025, eps, []string{"B", "D", "E"}},
		{"356", 2025, eps, nil},
		{"354", 2025, eps, []string{"E"}},
		{"385", 2025, eps, []string{"E"}},
		{"171", 2025, hdr, []string{"A"}},
		{"621", 2025, hdr, nil},
		{"301", 2025, hdr, []string{"D"}},
	})
}

// Codes and lists that change between collection years.
func TestFieldCodesValidOneYearNotTheNext(t *testing.T) {
	place := map[string]string{"Episodes.csv": "CHILD,PLACE,URN,PLACE_PROVIDER\n" +
		"K3,K3,,PR4\nH5,H5,SC1,PR4\nP2,P2,SC1,PR4\nZ1,Z1,,\nZ12,Z12,SC1,PR1\nT4,T4,,PR1\n"}
	sex := map[string]string{"Header.csv": "CHILD,SEX,MC_DOB,MOTHER\nnum1,1,01/01/2020,1\nnum2,2,01/01/2020,0\nM,M,01/01/2020,1\nF,F,01/01/2020,0\n"}
	epRun(t, []epCase{
		{"146", 2023, place, []string{"K3", "Z12"}},
		{"146", 2024, place, []string{"Z12"}},
		{"146", 2025, place, []string{"H5", "P2", "Z1"}},
		{"222", 2022, place, []string{"H5", "P2"}},
		{"222", 2023, place, []string{"P2"}},
		{"222", 2024, place, nil},
		{"222", 2025, place, []string{"Z12"}},
		{"213", 2024, place, []string{"T4"}},
		{"213", 2025, place, []string{"T4", "Z12"}},
		{"178", 2024, place, []string{"T4"}},
		{"178", 2025, place, []string{"Z12"}}, // the DfE's 2025–26 list leaves T4 out
		{"526", 2024, place, nil},
		{"526", 2025, place, []string{"Z1"}},
		{"101", 2023, sex, []string{"F", "M"}},
		{"101", 2024, sex, []string{"num1", "num2"}},
		{"174", 2023, sex, []string{"num1"}},
		{"174", 2024, sex, []string{"M"}},
		{"612", 2023, sex, []string{"num2"}},
		{"612", 2024, sex, []string{"F"}},
	})
}

// Boundaries of the fixed dates: 353 (14 October 1991), 446 (1 December
// 2005) and 217 (1 April 2015) are in force from their day.
func TestFieldFixedDateBoundaries(t *testing.T) {
	eps := map[string]string{"Episodes.csv": "CHILD,DECOM,LS,PLACE,RNE\n" +
		"A,13/10/1991,C2,U1,S\n" +
		"B,14/10/1991,C2,U1,S\n" +
		"C,30/11/2005,E1,A5,P\n" +
		"D,01/12/2005,E1,A5,P\n" +
		"E,31/03/2015,C2,A3,P\n" +
		"F,01/04/2015,C2,A3,P\n"}
	epRun(t, []epCase{
		{"353", 2025, eps, []string{"A"}},
		{"446", 2025, eps, []string{"C"}},
		{"217", 2025, eps, []string{"F"}},
	})
}

// 435 compares an episode with the child's previous one by start date,
// whatever the order of the rows; 426 flags a child's V3 and V4 rows.
func TestFieldEpisodeOrder(t *testing.T) {
	eps := map[string]string{"Episodes.csv": "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER\n" +
		"A,10/06/2025,P,C2,U4,AB1 2CD,,PR1\n" +
		"A,01/06/2025,S,C2,U4,AB1 2CD,,PR1\n" +
		"B,01/06/2025,S,V3,U4,,,PR1\n" +
		"B,10/06/2025,P,V4,U6,,,PR1\n" +
		"B,20/06/2025,S,C2,U6,,,PR1\n"}
	epRun(t, []epCase{
		{"435", 2025, eps, []string{"A", "B"}},
		{"426", 2025, eps, []string{"B", "B"}},
		{"392d", 2025, map[string]string{"Episodes.csv": "CHILD,PLACE,HOME_POST,PL_POST\nA,U1,ab1 2cd,AB12CD\nB,P1,AB1 2CD,AB1 2CD\nC,U1,,\nD,U1,AB1 2CD,AB1 2CE\n"}, []string{"A"}},
	})
}
