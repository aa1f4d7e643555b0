//go:build !linux

package main

import "errors"

// coldStarts says whether this system can start Tether from a cold page
// cache: elsewhere than Linux, dropping one file's pages takes root (or a
// tool such as vmtouch), which the harness does not ask for.
const coldStarts = false

var errNoColdStarts = errors.New("dropping a file from the page cache is done on Linux only")

func dropFromPageCache(string) error { return errNoColdStarts }

func residentShare(string) (float64, error) { return 0, errNoColdStarts }
