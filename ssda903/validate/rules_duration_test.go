package validate_test

import (
	"testing"

	"github.com/lookedafter/practice/ssda903"
)

// Named boundary tests of the duration rules 365, 367, 375, 376, 379 and
// the social worker rules SW07STG2, SW10STG2, SW11bSTG2, SW12STG2: a
// limit reached on the day passes, the day after fails. The collection
// period is 1 April 2025 to 31 March 2026 (flaggedRows).

func episodesFlagged(t *testing.T, code, eps string) []string {
	t.Helper()
	return flaggedRows(t, code, 2025, nil, map[string]string{"Episodes.csv": eps}, ssda903.TableEpisodes)
}

func swFlagged(t *testing.T, code, sw string) []string {
	t.Helper()
	return flaggedRows(t, code, 2025, nil, map[string]string{"SWEpisodes.csv": sw}, ssda903.TableSWEpisodes)
}

// Each single-episode limit: the start day counts, the end day does not.
func TestEpisodeLengthLimits(t *testing.T) {
	// 365: respite (V3) of 17 days passes, 18 fails; lower case and padded
	// codes are the same code.
	wantRows(t, "365 17 vs 18 days", episodesFlagged(t, "365",
		"CHILD,DECOM,DEC,LS\nA,01/06/2025,18/06/2025,V3\nB,01/06/2025,19/06/2025, v3 \n"), "B")
	// 365: an open respite episode counts to 31 March: 14 March is 17 days
	// before it, 13 March 18.
	wantRows(t, "365 open to the collection end", episodesFlagged(t, "365",
		"CHILD,DECOM,DEC,LS\nA,14/03/2026,,V3\nB,13/03/2026,,V3\n"), "B")
	// 375: hospital (T1) six weeks, 42 days, pass; 43 fail.
	wantRows(t, "375 42 vs 43 days", episodesFlagged(t, "375",
		"CHILD,DECOM,DEC,PLACE\nA,01/06/2025,13/07/2025,T1\nB,01/06/2025,14/07/2025,t1\n"), "B")
	// 376: carers' holiday (T3) three weeks, 21 days, pass; 22 fail.
	wantRows(t, "376 21 vs 22 days", episodesFlagged(t, "376",
		"CHILD,DECOM,DEC,PLACE\nA,01/06/2025,22/06/2025,T3\nB,01/06/2025,23/06/2025,T3\n"), "B")
	// 379: unspecified (T4) seven days pass; eight fail; no Header needed.
	wantRows(t, "379 7 vs 8 days", episodesFlagged(t, "379",
		"CHILD,DECOM,DEC,PLACE\nA,01/06/2025,08/06/2025,T4\nB,01/06/2025,09/06/2025,T4\n"), "B")
	// Not dates: not read.
	wantRows(t, "379 bad dates", episodesFlagged(t, "379",
		"CHILD,DECOM,DEC,PLACE\nA,31/02/2025,09/06/2025,T4\nB,01/06/2025,31/06/2025,T4\n"))
}

// 367: 75 days of respite in a 12-month period pass, 76 fail; the period
// is any 12 months, not only the collection year.
func TestRespiteTotalIn12Months(t *testing.T) {
	// A: 40 + 35 = 75 days within the year; B: 40 + 36 = 76.
	wantRows(t, "367 75 vs 76 days", episodesFlagged(t, "367", "CHILD,DECOM,DEC,LS\n"+
		"A,01/05/2025,10/06/2025,V3\nA,01/09/2025,06/10/2025,V3\n"+
		"B,01/05/2025,10/06/2025,V3\nB,01/09/2025,07/10/2025,V3\n"), "B", "B")
	// 38 days from 1 May 2024, then 38 days more. D's second episode
	// ceases on 1 May 2025, the anniversary of the first's start: all 76
	// days fall in the 12 months from 1 May 2024 (to 30 April 2025). C's
	// ceases a day later: no 12 months hold more than 75 of its days.
	wantRows(t, "367 12 months from the first day", episodesFlagged(t, "367", "CHILD,DECOM,DEC,LS\n"+
		"C,01/05/2024,08/06/2024,V3\nC,25/03/2025,02/05/2025,V3\n"+
		"D,01/05/2024,08/06/2024,V3\nD,24/03/2025,01/05/2025,V3\n"), "D", "D")
	// E: 80 days from January to March 2025, before the collection year:
	// still over 75 in a 12-month period reaching into it.
	wantRows(t, "367 period before the collection year", episodesFlagged(t, "367",
		"CHILD,DECOM,DEC,LS\nE,01/01/2025,22/03/2025,V3\nE,01/04/2025,02/04/2025,X1\n"), "E")
}

// SW07STG2: the end date on the first day of the reporting period and on
// the collection end passes; the day before and the day after fail. From
// 2024-25 the period starts a year before the collection year.
func TestSWEndInReportingPeriod(t *testing.T) {
	sw := "CHILD,SW_DECOM,SW_DEC\nA,01/01/2024,01/04/2024\nB,01/01/2024,31/03/2024\n" +
		"C,01/01/2026,31/03/2026\nD,01/01/2026,01/04/2026\nE,01/01/2026,\n"
	wantRows(t, "SW07STG2 2025-26", swFlagged(t, "SW07STG2", sw), "B", "D")
	// 2023-24: the period starts on the collection start.
	sw = "CHILD,SW_DECOM,SW_DEC\nA,01/01/2023,01/04/2023\nB,01/01/2023,31/03/2023\n"
	wantRows(t, "SW07STG2 2023-24", flaggedRows(t, "SW07STG2", 2023, nil,
		map[string]string{"SWEpisodes.csv": sw}, ssda903.TableSWEpisodes), "B")
}

// SW10STG2: a new episode may start up to seven days before the previous
// one ended (a handover); eight days before fails; a gap passes; FCONTA is
// exempt from 2024-25.
func TestSWNewEpisodeBeforePreviousEnd(t *testing.T) {
	sw := "CHILD,SW_DECOM,SW_DEC,SW_REASON\n" +
		"A,01/06/2025,20/06/2025,MANAGE\nA,13/06/2025,,MANAGE\n" + // 7 days before: pass
		"B,01/06/2025,20/06/2025,MANAGE\nB,12/06/2025,,MANAGE\n" + // 8 days before: fail
		"C,01/06/2025,20/06/2025,MANAGE\nC,01/08/2025,,MANAGE\n" + // gap: pass
		"D,01/06/2025,20/06/2025,MANAGE\nD,12/06/2025,, fconta\n" + // first contact: pass
		"E,01/06/2025,,MANAGE\nE,01/08/2025,,MANAGE\n" // previous still open: fail
	wantRows(t, "SW10STG2", swFlagged(t, "SW10STG2", sw), "B", "E")
}

// SW11bSTG2: a child's last episode ending on 31 March passes; on 30 March
// it fails; an undated row is not a subsequent episode.
func TestSWEndedBefore31March(t *testing.T) {
	sw := "CHILD,SW_DECOM,SW_DEC\n" +
		"A,01/06/2025,31/03/2026\n" +
		"B,01/06/2025,30/03/2026\n" +
		"C,01/06/2025,01/09/2025\nC,01/09/2025,\n" +
		"D,01/06/2025,01/09/2025\nD,,\n"
	wantRows(t, "SW11bSTG2", swFlagged(t, "SW11bSTG2", sw), "B", "D")
}

// SW12STG2: a child looked after on 31 March needs a social worker episode
// covering the later of the reporting period's start (from 2024-25, a
// year before the collection year) and the start of their care.
func TestSWReportedForChildLookedAfterOn31March(t *testing.T) {
	eps := "CHILD,DECOM,DEC,RNE,REC,LS\n" +
		"A,01/01/2026,,S,,C2\n" + // care from 1 January; SW from that day: pass
		"B,01/01/2026,,S,,C2\n" + // SW from the day after: fail
		"C,01/01/2020,01/06/2025,S,P1,C2\nC,01/06/2025,,P,,C2\n" + // care since 2020: SW from 1 April 2024 needed
		"D,01/01/2020,01/06/2025,S,P1,C2\nD,01/06/2025,,P,,C2\n" + // SW from 2 April 2024: fail
		"E,01/01/2026,31/03/2026,S,E11,C2\n" + // ceased on 31 March: not looked after on it
		"F,01/01/2026,,S,,V3\n" // short breaks only
	sw := "CHILD,SW_DECOM,SW_DEC\nA,01/01/2026,\nB,02/01/2026,\nC,01/04/2024,\nD,02/04/2024,\n"
	got := flaggedRows(t, "SW12STG2", 2025, nil, map[string]string{"Episodes.csv": eps, "SWEpisodes.csv": sw}, ssda903.TableEpisodes)
	wantRows(t, "SW12STG2", got, "B", "D")
}
