package term

// sizeNow asks the terminal its size and calls resized when it is not
// width by height, the size last passed on; it returns the size as it now
// stands. Each platform's WatchResize looks once as it begins: a window
// resized between the program's first measuring and the watch's start
// told nobody, and the program drew on at the old size (the end-to-end
// tests resize a pane as the program starts, and a 30-row frame then had
// its last lines all land on a 24-row pane's last row).
func sizeNow(measure func() (int, int, error), width, height int, resized func(width, height int)) (int, int) {
	w, h, err := measure()
	if err != nil || (w == width && h == height) {
		return width, height
	}
	resized(w, h)
	return w, h
}
