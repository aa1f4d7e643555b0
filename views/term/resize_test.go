package term

import (
	"errors"
	"testing"
)

// A window resized before the watch began is passed on once it begins;
// the same size, or a terminal that cannot be measured, is not.
func TestSizeNowPassesOnAResizeTheWatchMissed(t *testing.T) {
	var got [][2]int
	resized := func(w, h int) { got = append(got, [2]int{w, h}) }
	at := func(w, h int, err error) func() (int, int, error) {
		return func() (int, int, error) { return w, h, err }
	}
	if w, h := sizeNow(at(80, 24, nil), 100, 30, resized); w != 80 || h != 24 || len(got) != 1 || got[0] != [2]int{80, 24} {
		t.Errorf("resized from 100×30 to 80×24 before the watch: now %d×%d, passed on %v", w, h, got)
	}
	got = nil
	if w, h := sizeNow(at(80, 24, nil), 80, 24, resized); w != 80 || h != 24 || len(got) != 0 {
		t.Errorf("the same size: now %d×%d, passed on %v", w, h, got)
	}
	if w, h := sizeNow(at(0, 0, errors.New("not a terminal")), 80, 24, resized); w != 80 || h != 24 || len(got) != 0 {
		t.Errorf("not measured: now %d×%d, passed on %v", w, h, got)
	}
}
