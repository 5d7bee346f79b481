package care

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzRecordJSON decodes arbitrary JSON as a Record. Decoding and
// validation must never panic, and whatever decodes must round-trip:
// encode, decode and encode again gives the same bytes.
func FuzzRecordJSON(f *testing.F) {
	f.Add([]byte(`{"child":{"id":"C0001","date_of_birth":"2015-06-01","sex":"M","ethnicity":"WBRI"},` +
		`"episodes":[{"start":"2024-01-10","reason_new":"S","legal_status":"V2","placement_type":"U6","end":"2024-03-01","reason_ceased":"X1"},` +
		`{"start":"2024-03-01","reason_new":"L","legal_status":"C1","placement_type":"U6","distance_miles":"12.5"}]}`))
	f.Add([]byte(`{"child":{"id":"C0002","date_of_birth":"2008-02-29"},"episodes":[]}`))
	f.Add([]byte(`{"episodes":[{"start":"2024-02-30"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		_ = r.Validate()
		_ = PeriodsOfCare(r.Episodes)
		_ = Placements(r.Episodes)
		first, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("Marshal after a successful Unmarshal: %v", err)
		}
		var back Record
		if err := json.Unmarshal(first, &back); err != nil {
			t.Fatalf("Unmarshal of our own output %s: %v", first, err)
		}
		second, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("round trip differs:\n%s\n%s", first, second)
		}
	})
}
