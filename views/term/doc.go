// Package term is Tether's terminal layer: the display that draws each
// frame the moment the app has it, writing only what changed, the cell
// widths it and the screens measure text by, and the watch on the
// window's size. It knows nothing of the screens or the journal; views
// hands it frames and sizes.
package term
