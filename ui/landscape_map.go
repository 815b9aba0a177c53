package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"

	"resnetplayground/proto"
)

// LandscapeMap draws one twin's loss landscape on a <canvas>: log₁₀ loss as colour on the
// scale both twins share (Lo to Hi), contour lines every quarter decade, and a mark at the
// centre, the current weights. The picture is composed on an offscreen canvas when a new
// report or scale arrives; each render (which clears the on-page canvas, whose attributes
// Vugu writes) only copies it, since drawing hundreds of contour segments through syscall/js
// on every render would cost the page frames.
type LandscapeMap struct {
	Report *proto.LandscapeReport
	Lo, Hi float64
	Label  string

	img    js.Value // the composed picture, mapSize²
	grid   js.Value // one pixel per grid point
	drawn  string   // what img shows (Painted)
	pixels []byte
	segs   []float64
}

// mapSize is the canvas's resolution; CSS scales it to the column.
const mapSize = 248

// Painted says what the canvas shows: the report's generation and points done, and the scale.
func (c *LandscapeMap) Painted() string {
	r := c.Report
	if r == nil || len(r.Landscape.Loss) == 0 {
		return "none"
	}
	return strconv.Itoa(r.Gen) + "/" + strconv.Itoa(r.Step) + "/" + strconv.Itoa(r.Done) + "/" +
		strconv.FormatFloat(c.Lo, 'g', 4, 64) + "/" + strconv.FormatFloat(c.Hi, 'g', 4, 64)
}

// Sum is the finished picture's lab.Landscape.Sum, to all 17 digits ("" before it is
// finished): data-sum, for a test that the page draws exactly what the CLI computes.
func (c *LandscapeMap) Sum() string {
	if r := c.Report; r == nil || !r.Finished() {
		return ""
	}
	return strconv.FormatFloat(c.Report.Landscape.Sum(), 'g', 17, 64)
}

func (c *LandscapeMap) paint(canvas js.Value) {
	if canvas.IsUndefined() || canvas.IsNull() {
		return
	}
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("fillStyle", "#f3f4f6")
	ctx.Call("fillRect", 0, 0, mapSize, mapSize)
	if c.Painted() == "none" {
		return
	}
	if c.drawn != c.Painted() {
		c.compose()
		c.drawn = c.Painted()
	}
	ctx.Call("drawImage", c.img, 0, 0)
}

// compose draws the report onto the offscreen picture.
func (c *LandscapeMap) compose() {
	loss := c.Report.Landscape.Loss
	n := len(loss)
	doc := js.Global().Get("document")
	if c.img.IsUndefined() {
		c.img = doc.Call("createElement", "canvas")
		c.img.Set("width", mapSize)
		c.img.Set("height", mapSize)
	}
	c.pixels = LandscapePixels(loss, c.Lo, c.Hi, c.pixels)
	putPixels(&c.grid, c.pixels, n, n)

	ctx := c.img.Call("getContext", "2d")
	ctx.Set("imageSmoothingEnabled", true)
	ctx.Call("clearRect", 0, 0, mapSize, mapSize)
	ctx.Call("drawImage", c.grid, 0, 0, mapSize, mapSize)
	c.centre(ctx, n)

	if !c.Report.Finished() {
		return // contours of a half-filled grid would be ragged, and cost the page while it fills
	}
	// Grid point (column, row-from-top) sits at the centre of its pixel once scaled.
	cell := float64(mapSize) / float64(n)
	at := func(v float64) float64 { return (v + 0.5) * cell }
	ctx.Set("strokeStyle", "rgba(255,255,255,0.55)")
	ctx.Set("lineWidth", 1)
	for _, level := range ContourLevels(c.Lo, c.Hi, 12) {
		c.segs = Contour(loss, level, c.segs[:0])
		if len(c.segs) == 0 {
			continue
		}
		ctx.Call("beginPath")
		for i := 0; i+3 < len(c.segs); i += 4 {
			ctx.Call("moveTo", at(c.segs[i]), at(c.segs[i+1]))
			ctx.Call("lineTo", at(c.segs[i+2]), at(c.segs[i+3]))
		}
		ctx.Call("stroke")
	}
}

// centre marks the current weights, the middle of the grid.
func (c *LandscapeMap) centre(ctx js.Value, n int) {
	mid := (float64(n/2) + 0.5) * float64(mapSize) / float64(n)
	ctx.Set("strokeStyle", "#ffffff")
	ctx.Set("lineWidth", 2)
	ctx.Call("beginPath")
	ctx.Call("moveTo", mid-6, mid)
	ctx.Call("lineTo", mid+6, mid)
	ctx.Call("moveTo", mid, mid-6)
	ctx.Call("lineTo", mid, mid+6)
	ctx.Call("stroke")
}
