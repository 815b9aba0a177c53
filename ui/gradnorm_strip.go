package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"
)

// GradnormStrip draws one twin's GradHistory as a heat strip on a <canvas>: time runs left
// to right, blocks top (input side) to bottom (output side), darker is a larger gradient.
// In a deep plain net the top rows stay pale: the early blocks hardly hear from the loss.
type GradnormStrip struct {
	Hist   *GradHistory
	Blocks int
	Lo     float64 // the palest colour, as an exponent of ten relative to a column's largest (shared by both twins)
	Label  string

	img    js.Value // the strip at one pixel per column and block
	drawn  string   // what img shows: version and scale
	pixels []byte
}

// The canvas's resolution; CSS scales it to the column.
const stripW, stripH = 360, 120

// Painted says what the canvas shows, for tests and tools.
func (c *GradnormStrip) Painted() string {
	return strconv.Itoa(c.Hist.Version) + "/" + strconv.Itoa(len(c.Hist.Norms))
}

// paint runs after every render (vg-js-populate) with the <canvas> element. Vugu writes the
// canvas's attributes on every render, which clears it, so it redraws from the cached strip.
func (c *GradnormStrip) paint(canvas js.Value) {
	if canvas.IsUndefined() || canvas.IsNull() {
		return
	}
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("fillStyle", "#f3f4f6")
	ctx.Call("fillRect", 0, 0, stripW, stripH)
	cols := len(c.Hist.Norms)
	if cols == 0 || c.Blocks < 1 {
		return
	}
	key := c.Painted() + "/" + Fixed(c.Lo, 2) + "/" + strconv.Itoa(c.Blocks)
	if c.drawn != key {
		c.pixels = StripPixels(c.Hist, c.Blocks, c.Lo, c.pixels)
		putPixels(&c.img, c.pixels, cols, c.Blocks)
		c.drawn = key
	}
	ctx.Set("imageSmoothingEnabled", false)
	ctx.Call("drawImage", c.img, 0, 0, stripW, stripH)
}
