package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tether-recovery/tether/model"
	"github.com/tether-recovery/tether/model/journalfile"
)

// jsonOf is s's whole journal as Tether JSON, streamed.
func jsonOf(t *testing.T, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.WriteExport(context.Background(), &b, model.Date{}, model.Date{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// importStreamed imports a Tether JSON file the streamed way: staged, then
// written.
func importStreamed(t *testing.T, s *Store, file []byte, dryRun bool) (ImportReport, error) {
	t.Helper()
	ctx := context.Background()
	st, err := StageExport(ctx, bytes.NewReader(file))
	if err != nil {
		return ImportReport{}, err
	}
	defer st.Close()
	return s.ImportStaged(ctx, st, dryRun)
}

// importWhole imports a Tether JSON file as tether import did before it
// streamed: decoded whole, then imported.
func importWhole(t *testing.T, s *Store, file []byte, dryRun bool) (ImportReport, error) {
	t.Helper()
	e, err := journalfile.DecodeExport(bytes.NewReader(file))
	if err != nil {
		return ImportReport{}, err
	}
	return s.Import(context.Background(), e, dryRun)
}

// twin is a copy of s's journal, opened on its own.
func twin(t *testing.T, s *Store) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "twin.db")
	if err := s.Backup(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	c, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// importBothWays imports file into to, decoded whole, and into a twin of
// to, streamed, at one moment; the two must say the same (report or error)
// and leave the same journal behind, byte for byte.
func importBothWays(t *testing.T, to *Store, file []byte, at time.Time) (ImportReport, error) {
	t.Helper()
	other := twin(t, to)
	was := to.Now
	defer func() { to.Now = was }()
	to.Now = func() time.Time { return at }
	other.Now = to.Now
	whole, errWhole := importWhole(t, to, file, false)
	streamed, errStreamed := importStreamed(t, other, file, false)
	if fmt.Sprint(errWhole) != fmt.Sprint(errStreamed) || !reflect.DeepEqual(whole, streamed) {
		t.Fatalf("imported whole: %+v, %v\nstreamed: %+v, %v", whole, errWhole, streamed, errStreamed)
	}
	if a, b := jsonOf(t, to), jsonOf(t, other); !bytes.Equal(a, b) {
		t.Fatalf("the journals differ after importing whole and streamed:\n%s\n%s", a, b)
	}
	return whole, errWhole
}

// smallPages makes the staged records be read back two at a time, as a
// file of thousands is read in pages, for the rest of the test.
func smallPages(t *testing.T) {
	was := stagedPage
	stagedPage = 2
	t.Cleanup(func() { stagedPage = was })
}

// Streamed, a file is imported as it was decoded whole: into an empty
// journal, a second time, into a journal in use, and as a dry run. Its
// records are read back in pages of two.
func TestImportStagedIsImport(t *testing.T) {
	smallPages(t)
	src := openStore(t)
	f := fill(t, src)
	ctx := context.Background()
	if _, err := src.SavePlan(ctx, model.Plan{ContactID: f.sam, Day: march(20), Channel: model.ChannelCall}); err != nil {
		t.Fatal(err)
	}
	file := jsonOf(t, src)
	at := fixedNow.Add(time.Hour)

	dst := openStore(t)
	rep, err := importBothWays(t, dst, file, at)
	if err != nil || rep.Contacts != 3 || rep.ReachOuts != 4 || rep.Settings != 2 {
		t.Fatalf("into an empty journal: %+v, %v", rep, err)
	}
	if rep, _ = importBothWays(t, dst, file, at); rep.SkippedTotal() != 3+4+3+3+4 {
		t.Fatalf("a second time: %+v", rep)
	}
	used := openStore(t)
	addContact(t, used, "Sam Okafor")
	importBothWays(t, used, file, at)

	before := jsonOf(t, used) // what it holds: a write's file may be checkpointed meanwhile
	dry, err := importStreamed(t, used, file, true)
	if err != nil || !dry.DryRun || !bytes.Equal(jsonOf(t, used), before) {
		t.Fatalf("a dry run: %+v, %v, or it changed the journal", dry, err)
	}
}

// Copies of a journal with random changes, merged in random orders, each
// merge both ways: the streamed merge is the merge, report and journal,
// its records read back in pages of two.
func TestStreamedMergeIsTheMerge(t *testing.T) {
	smallPages(t)
	ctx := context.Background()
	var merged ImportReport // all the seeds' merges, to show they merged
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 11))
			j, clock := copies(t, 3)
			first := addContact(t, j[0], "Maria Santos")
			logAt(t, j[0], first, fixedNow.Add(-72*time.Hour))
			merge := func(from, to *Store) {
				rep, err := importBothWays(t, to, jsonOf(t, from), clock.now())
				if err != nil {
					t.Fatal(err)
				}
				merged.ReachOuts += rep.ReachOuts
				merged.Updated += rep.Updated
				merged.Removed += rep.Removed
				merged.Conflicts = append(merged.Conflicts, rep.Conflicts...)
			}
			merge(j[0], j[1])
			merge(j[0], j[2])
			for round := range 3 {
				for k, s := range j {
					randomChange(t, ctx, rng, s, fmt.Sprintf("r%d c%d", round, k))
				}
				for range 3 {
					if from, to := rng.IntN(3), rng.IntN(3); from != to {
						merge(j[from], j[to])
					}
				}
			}
		})
	}
	if merged.ReachOuts == 0 || merged.Updated == 0 || merged.Removed == 0 || len(merged.Conflicts) == 0 {
		t.Errorf("the merges added, updated, removed or found in conflict nothing: %+v", merged)
	}
}

// A file with several bad entries is refused, streamed, naming every one
// as Import does, and nothing is written; past a thousand of a kind, the
// rest are counted.
func TestImportStagedNamesEveryProblem(t *testing.T) {
	head := `{"format": "tether-journal", "version": 1, "exported_at": "2026-03-09T21:00:00+01:00",
	  "settings": {"colour_scheme": "calm", "recovery_start": "2025-01-06"},
	  "contacts": [{"id": 1, "name": "María Santos"}, {"id": 2, "name": "Jo"}],`
	var reachOuts []string
	for i := range 1500 {
		reachOuts = append(reachOuts, fmt.Sprintf(`{"contact_id": %d, "at": "9999-12-%02dT12:00:00Z"}`, 1+i%2, 1+i%28))
	}
	file := head + `"reach_outs": [{"contact_id": 1, "at": "2026-03-01T12:00:00Z"}, ` + strings.Join(reachOuts, ", ") + `],
	  "check_ins": [{"day": "2026-03-10", "mood": 3}, {"day": "2026-03-01", "mood": 3}, {"day": "2026-03-11", "mood": 3}]}`
	dst := openStore(t)
	addContact(t, dst, "Already Here")
	before := jsonOf(t, dst) // what it holds: a write's file may be checkpointed meanwhile
	_, errWhole := importWhole(t, dst, []byte(file), false)
	_, errStreamed := importStreamed(t, dst, []byte(file), false)
	var whole, streamed *ImportError
	if !errors.As(errWhole, &whole) || !errors.As(errStreamed, &streamed) {
		t.Fatalf("whole: %v\nstreamed: %v", errWhole, errStreamed)
	}
	if errWhole.Error() != errStreamed.Error() {
		t.Fatalf("whole: %v\nstreamed: %v", errWhole, errStreamed)
	}
	if want := "import: nothing was imported: reach-out #2: at: That is in the future; log reach-outs once they happen " +
		"(the reach-out with María Santos) (and 1502 more problems)"; errStreamed.Error() != want {
		t.Fatalf("error %q, want %q", errStreamed, want)
	}
	if len(streamed.Problems) != maxListedProblems+3 || streamed.More != 500 {
		t.Fatalf("%d problems listed, %d more", len(streamed.Problems), streamed.More)
	}
	for i, p := range streamed.Problems {
		if p.Error() != whole.Problems[min(i, len(whole.Problems)-1)].Error() && i < maxListedProblems {
			t.Fatalf("problem %d: %v, whole: %v", i, p, whole.Problems[i])
		}
	}
	last := streamed.Problems[len(streamed.Problems)-3:]
	for i, want := range []string{"check-in #1 (2026-03-10)", "check-in #3 (2026-03-11)", `setting "colour_scheme"`} {
		if !strings.Contains(last[i].Error(), want) {
			t.Errorf("problem %d from the end: %v, want %q", 3-i, last[i], want)
		}
	}
	if !bytes.Equal(jsonOf(t, dst), before) {
		t.Fatal("a refused file changed the journal")
	}
}

// A file cut short anywhere is refused before anything is written, as
// reading it whole refused it, and so is a file of a newer Tether, before
// any of its records is kept.
func TestStageExportRefusesCutAndNewerFiles(t *testing.T) {
	src := openStore(t)
	fill(t, src)
	file := jsonOf(t, src)
	ctx := context.Background()
	for cut := 0; cut < bytes.LastIndexByte(file, '}'); cut += 1 + cut/50 {
		st, err := StageExport(ctx, bytes.NewReader(file[:cut]))
		_, whole := journalfile.DecodeExport(bytes.NewReader(file[:cut]))
		var fe *FileError
		if err == nil || !errors.As(err, &fe) || err.Error() != whole.Error() {
			if st != nil {
				st.Close()
			}
			t.Fatalf("cut at %d of %d: %v, whole: %v", cut, len(file), err, whole)
		}
	}
	newer := bytes.Replace(file, []byte(`"version": 1`), []byte(`"version": 3`), 1)
	_, err := StageExport(ctx, bytes.NewReader(newer))
	var ne journalfile.NewerError
	if !errors.As(err, &ne) {
		t.Fatalf("a newer file: %v", err)
	}
}

// A report lists every person skipped, and of other entries skipped alike
// the first thousand, counting the rest: importing a journal of millions
// twice keeps a small report.
func TestImportReportCountsWhatItDoesNotList(t *testing.T) {
	ctx := context.Background()
	e := journalfile.Export{Format: journalfile.ExportFormat, Version: journalfile.ExportVersion,
		Contacts: []model.Contact{{ID: 1, Name: "Sam Okafor"}}}
	for i := range 1500 {
		e.ReachOuts = append(e.ReachOuts, model.ReachOut{ContactID: 1, At: fixedNow.Add(-time.Duration(i+1) * time.Hour),
			Channel: model.ChannelCall, Direction: model.DirectionMine})
	}
	s := openStore(t)
	if _, err := s.Import(ctx, e, false); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Import(ctx, e, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []SkipCount{{Kind: KindReachOut, Reason: "already in the journal", N: 500}}
	if len(rep.Skipped) != 1+maxListedSkips || !reflect.DeepEqual(rep.Unlisted, want) ||
		rep.SkippedOf(KindReachOut) != 1500 || rep.SkippedOf(KindContact) != 1 || rep.SkippedTotal() != 1501 ||
		rep.SkippedAlike(KindReachOut, "already in the journal") != 1500 {
		t.Fatalf("%d listed, unlisted %+v, %d reach-outs skipped", len(rep.Skipped), rep.Unlisted, rep.SkippedOf(KindReachOut))
	}
}

// Any file imports streamed as it did decoded whole: refused with the same
// sentence, or with the same report (of a dry run; the journals themselves
// are compared by the tests above).
func FuzzImportStagedIsImport(f *testing.F) {
	// A journal's own export, with a reach-out, check-in, plan and
	// removal, as a seed.
	ctx := context.Background()
	src := openStore(f)
	c, err := src.SaveContact(ctx, fullContact())
	if err == nil {
		_, err = src.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: fixedNow.Add(-time.Hour), Note: "Talked 🌻"})
	}
	if err == nil {
		_, err = src.SaveCheckIn(ctx, model.CheckIn{Day: testToday, Mood: 4})
	}
	if err == nil {
		_, err = src.SavePlan(ctx, model.Plan{ContactID: c.ID, Day: march(20), Channel: model.ChannelCall})
	}
	var gone model.ReachOut
	if err == nil {
		gone, err = src.SaveReachOut(ctx, model.ReachOut{ContactID: c.ID, At: fixedNow.Add(-2 * time.Hour)})
	}
	if err == nil {
		err = src.DeleteReachOut(ctx, gone.ID)
	}
	var file bytes.Buffer
	if err == nil {
		_, err = src.WriteExport(ctx, &file, model.Date{}, model.Date{})
	}
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file.Bytes())
	f.Add([]byte(`{"format": "tether-journal", "version": 1, "contacts": [{"id": 1, "name": "Sam"}],
		"reach_outs": [{"contact_id": 1, "at": "9999-01-01T00:00:00Z"}, {"contact_id": 1, "at": "2026-03-01T12:00:00+01:00"}],
		"check_ins": [{"day": "2026-03-20", "mood": 2}], "settings": {"region": "GB", "colour": "blue"}}`))
	f.Add([]byte(`{"journal": "0123456789abcdef0123456789abcdef", "format": "tether-journal", "version": 1,
		"removed": [{"kind": "setting", "ref": "region", "at": "2026-03-01T12:00:00Z"}],
		"plans": [{"uid": "11111111111111111111111111111111", "contact_id": 2, "day": "2026-03-01"}],
		"contacts": [{"id": 2, "name": "Jo", "uid": "22222222222222222222222222222222"}], "seen": {}}`))
	// One journal for every input, each imported into it as a dry run
	// both ways: a fresh journal an input would cost more than fuzzing
	// SQLite with coverage allows.
	dst := openStore(f)
	if _, err := dst.SaveContact(ctx, model.Contact{Name: "Sam", Phone: "07700 900123"}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, errWhole := importWhole(t, dst, data, true)
		streamed, errStreamed := importStreamed(t, dst, data, true)
		if fmt.Sprint(errWhole) != fmt.Sprint(errStreamed) || !reflect.DeepEqual(whole, streamed) {
			t.Fatalf("imported whole: %+v, %v\nstreamed: %+v, %v", whole, errWhole, streamed, errStreamed)
		}
	})
}

// A file edited by hand may list its reach-outs and plans before their
// contacts: streamed, they wait in the scratch database, not in memory,
// and the file is imported, or refused, as when it is read whole.
func TestStagedRecordsBeforeTheirContacts(t *testing.T) {
	smallPages(t)
	head := `"format": "tether-journal", "version": 1, "exported_at": "2026-03-09T21:00:00+01:00"`
	contacts := `"contacts": [{"id": 4, "name": "Sam Okafor"}, {"id": 5, "name": "María Santos"}]`
	reachOuts := func(last int) string {
		return fmt.Sprintf(`"reach_outs": [{"contact_id": 4, "at": "2026-03-01T19:30:00Z", "channel": "call"},
			{"contact_id": 5, "at": "2026-03-02T19:30:00Z", "channel": "text"},
			{"contact_id": %d, "at": "2026-03-03T19:30:00Z", "channel": "call"}]`, last)
	}
	plans := `"plans": [{"uid": "11111111111111111111111111111111", "contact_id": 5, "day": "2026-03-20", "channel": "call"}]`
	file := []byte(`{` + reachOuts(4) + `, ` + plans + `, ` + contacts + `, ` + head + `}`)
	whole, errWhole := importWhole(t, openStore(t), file, false)
	dst := openStore(t)
	streamed, err := importStreamed(t, dst, file, false)
	if err != nil || errWhole != nil || streamed.ReachOuts != 3 || streamed.Contacts != 2 || !reflect.DeepEqual(streamed, whole) {
		t.Fatalf("streamed %+v, %v; whole %+v, %v", streamed, err, whole, errWhole)
	}
	var with []string
	for _, r := range exportAll(t, dst).ReachOuts {
		with = append(with, r.ContactName)
	}
	if want := []string{"Sam Okafor", "María Santos", "Sam Okafor"}; !reflect.DeepEqual(with, want) {
		t.Fatalf("the reach-outs are with %q, want %q", with, want)
	}

	bad := []byte(`{` + reachOuts(9) + `, ` + contacts + `, ` + head + `}`)
	_, errWhole = importWhole(t, openStore(t), bad, false)
	_, errStreamed := importStreamed(t, openStore(t), bad, false)
	want := "reach-out at position 3 on 2026-03-03: its contact_id 9 is not the id of any contact in the file"
	if errWhole == nil || errStreamed == nil || errStreamed.Error() != errWhole.Error() || !strings.Contains(errStreamed.Error(), want) {
		t.Fatalf("a reach-out naming no contact of the file: streamed %v; whole %v", errStreamed, errWhole)
	}
}
