package validate_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/lookedafter/practice/ssda903"
	"github.com/lookedafter/practice/ssda903/validate"
)

// FuzzRun runs every rule of a year on arbitrary Header and Episodes
// files (read as those tables whatever their header rows): no rule may
// crash, and one child's run must agree with the whole return's.
func FuzzRun(f *testing.F) {
	f.Add("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,1,29/02/2008,wbri,UN1,1,\n1,2,,,,,\n",
		"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,01/04/2025,S,L1,N1,U1,PR1,05/04/2025,E11,,,,\n1,05/04/2025,L,L1,N1,U1,PR1,,,,,,\n", uint8(3))
	f.Add("CHILD,DOB\n x ,31/02/2010\n", "CHILD,DECOM,DEC,LS\n x ,1/4/2025,0/0/0000,l3\n,,,\n", uint8(4))
	f.Add("", "CHILD\n", uint8(0))
	f.Fuzz(func(t *testing.T, header, eps string, year uint8) {
		fsys := fstest.MapFS{"h.csv": {Data: []byte(header)}, "e.csv": {Data: []byte(eps)}}
		ret, _ := ssda903.ReadFSTables(fsys, map[string]ssda903.Table{"h.csv": ssda903.TableHeader, "e.csv": ssda903.TableEpisodes}, 2025)
		y := validate.RuleSetYears()[int(year)%len(validate.RuleSetYears())]
		opts := validate.Options{Metadata: validate.Metadata{Year: y}}
		res, err := validate.Run(context.Background(), ret, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Crashed {
			t.Errorf("rule %s crashed: %s", c.Rule.Code, c.Reason)
		}
		byChild := res.ByChild()
		if len(byChild) == 0 {
			return
		}
		one, err := validate.RunChild(context.Background(), ret, byChild[0].Child, opts)
		if err != nil {
			t.Fatal(err)
		}
		got := one.ByChild()
		if len(got) != 1 || len(got[0].Flags) != len(byChild[0].Flags) {
			t.Errorf("child %q: RunChild gives %v, Run %v", byChild[0].Child, got, byChild[0].Flags)
		}
	})
}
