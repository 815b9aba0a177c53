package ui

import (
	"strconv"
	"strings"

	"github.com/vugu/vugu/js"
)

// DigitsPanel shows a network trained on images where points get a decision boundary: a pad
// to draw a digit on with the network's class probabilities for it, test digits with the
// predicted class of each (wrong ones in red), and the confusion matrix. The pictures are
// canvases outside Vugu's tree (see Heatmap for why), repainted only when Digits.Version
// moves; the drawing itself is boot.js's resnetDrawPad, which needs no render per stroke.
type DigitsPanel struct {
	App *App

	pad               js.Value
	grid, confusion   js.Value
	gridShown, cShown int
}

// The pad's resolution: 10 canvas pixels per image pixel, for a 14×14 image.
const padSize = 140

// PercentText is the digits file's fetched share, in percent.
func (c *DigitsPanel) PercentText() string {
	return strconv.Itoa(int(100 * c.App.DigitsLoad.Fraction))
}

// PredictedText says how many test images have a prediction, for tests and tools.
func (c *DigitsPanel) PredictedText() string { return strconv.Itoa(len(c.App.Digits.Pred)) }

// ProbsText is the drawing's class probabilities to three decimals, comma-separated ("" with
// no drawing), for tests and tools.
func (c *DigitsPanel) ProbsText() string {
	var parts []string
	for _, p := range c.App.Digits.Probe {
		parts = append(parts, strconv.FormatFloat(float64(p), 'f', 3, 32))
	}
	return strings.Join(parts, ",")
}

// ProbRow is one class's line in the probability list.
type ProbRow struct {
	Digit, Pct, Width, Class string
}

// Probs lists every class with the drawing's probability, the most likely marked.
func (c *DigitsPanel) Probs() []ProbRow {
	p := c.App.Digits.Probe
	best := -1
	for i, v := range p {
		if best < 0 || v > p[best] {
			best = i
		}
	}
	rows := make([]ProbRow, 10)
	for i := range rows {
		rows[i].Digit = strconv.Itoa(i)
		if i < len(p) {
			rows[i].Pct = strconv.Itoa(int(100*p[i]+0.5)) + "%"
			rows[i].Width = strconv.FormatFloat(float64(100*p[i]), 'f', 1, 32) + "%"
		} else {
			rows[i].Width = "0%"
		}
		if i == best {
			rows[i].Class = " best"
		}
	}
	return rows
}

// canvasIn returns the canvas kept inside wrap, making it (w×h, with label) when wrap is new.
func canvasIn(wrap, canvas js.Value, class string, w, h int, label string) (js.Value, bool) {
	if !canvas.IsUndefined() && wrap.Call("contains", canvas).Bool() {
		return canvas, false
	}
	canvas = js.Global().Get("document").Call("createElement", "canvas")
	canvas.Set("className", class)
	canvas.Set("width", w)
	canvas.Set("height", h)
	canvas.Call("setAttribute", "role", "img")
	canvas.Call("setAttribute", "aria-label", label)
	wrap.Call("replaceChildren", canvas)
	return canvas, true
}

// setupPad makes the drawing pad once and hands it to boot.js, which draws the strokes.
func (c *DigitsPanel) setupPad(wrap js.Value) {
	if wrap.IsUndefined() || wrap.IsNull() {
		return
	}
	pad, made := canvasIn(wrap, c.pad, "pad", padSize, padSize, "Drawing pad: draw a digit with the mouse or a finger")
	c.pad = pad
	if made {
		if f := js.Global().Get("resnetDrawPad"); f.Type() == js.TypeFunction {
			f.Invoke(pad)
		}
	}
}

// padDone reads the drawing when a stroke ends and asks the network what it is.
func (c *DigitsPanel) padDone() {
	if c.pad.IsUndefined() {
		return
	}
	img := c.pad.Call("getContext", "2d").Call("getImageData", 0, 0, padSize, padSize).Get("data")
	rgba := make([]byte, img.Length())
	js.CopyBytesToGo(rgba, js.Global().Get("Uint8Array").New(img.Get("buffer")))
	alpha := make([]byte, padSize*padSize)
	for i := range alpha {
		alpha[i] = rgba[4*i+3]
	}
	if pixels := PadImage(alpha, padSize, padSize, 14); pixels != nil {
		c.App.Probe(pixels)
	}
}

// clearPad wipes the drawing and withdraws the question.
func (c *DigitsPanel) clearPad() {
	if !c.pad.IsUndefined() {
		c.pad.Call("getContext", "2d").Call("clearRect", 0, 0, padSize, padSize)
	}
	c.App.Probe(nil)
}

// Grid layout: GridImages test digits in gridCols columns, each cell an image scaled ×3 with
// its predicted class beneath.
const (
	gridCols  = 12
	cellW     = 46
	cellH     = 60
	cellScale = 3
)

// paintGrid draws the test digits with their predictions.
func (c *DigitsPanel) paintGrid(wrap js.Value) {
	paintDigitsGrid(wrap, &c.grid, &c.gridShown, &c.App.Digits)
}

// paintDigitsGrid draws d's test digits with their predictions into a canvas kept in wrap,
// when d changed since *shown.
func paintDigitsGrid(wrap js.Value, keep *js.Value, shown *int, d *Digits) {
	if wrap.IsUndefined() || wrap.IsNull() || d.Side == 0 || len(d.Images) == 0 {
		return
	}
	n := len(d.Images) / (d.Side * d.Side)
	rows := (n + gridCols - 1) / gridCols
	canvas, made := canvasIn(wrap, *keep, "digits-grid", gridCols*cellW, rows*cellH, "Test digits with the network's prediction under each; wrong ones in red")
	*keep = canvas
	if !made && *shown == d.Version {
		return
	}
	*shown = d.Version
	ctx := canvas.Call("getContext", "2d")
	ctx.Call("clearRect", 0, 0, gridCols*cellW, rows*cellH)
	tiles := js.Global().Get("document").Call("createElement", "canvas")
	tiles.Set("width", d.Side)
	tiles.Set("height", d.Side*n)
	tiles.Call("getContext", "2d").Call("putImageData", greyImage(d.Images, d.Side, d.Side*n), 0, 0)
	ctx.Set("imageSmoothingEnabled", false)
	ctx.Set("font", "bold 14px system-ui, sans-serif")
	ctx.Set("textAlign", "center")
	size := d.Side * cellScale
	for i := range n {
		x, y := (i%gridCols)*cellW, (i/gridCols)*cellH
		ox := x + (cellW-size)/2
		ctx.Call("drawImage", tiles, 0, i*d.Side, d.Side, d.Side, ox, y+2, size, size)
		if i >= len(d.Pred) || i >= len(d.Labels) {
			continue
		}
		wrong := d.Pred[i] != d.Labels[i]
		colour := "#1f7a3a"
		if wrong {
			colour = "#c0262d"
			ctx.Set("strokeStyle", colour)
			ctx.Set("lineWidth", 2)
			ctx.Call("strokeRect", ox-1, y+1, size+2, size+2)
		}
		ctx.Set("fillStyle", colour)
		ctx.Call("fillText", strconv.Itoa(int(d.Pred[i])), x+cellW/2, y+size+16)
	}
}

// greyImage is an ImageData of dark ink on white from grey levels (0 background, 255 ink).
func greyImage(levels []byte, w, h int) js.Value {
	rgba := make([]byte, 4*w*h)
	for i, v := range levels[:w*h] {
		g := 255 - v
		rgba[4*i], rgba[4*i+1], rgba[4*i+2], rgba[4*i+3] = g, g, g, 255
	}
	arr := js.Global().Get("Uint8ClampedArray").New(len(rgba))
	js.CopyBytesToJS(arr, rgba)
	return js.Global().Get("ImageData").New(arr, w, h)
}

// The confusion matrix: a header row and column of digits, then 10×10 cells.
const (
	confCell = 30
	confHead = 24
)

// paintConfusion draws the confusion matrix of the latest predictions: cells shaded by their
// share of the true digit's images, green on the diagonal, red off it, with the counts.
func (c *DigitsPanel) paintConfusion(wrap js.Value) {
	d := &c.App.Digits
	if wrap.IsUndefined() || wrap.IsNull() {
		return
	}
	const classes = 10
	size := confHead + classes*confCell
	canvas, made := canvasIn(wrap, c.confusion, "confusion", size, size, "Confusion matrix: rows are the true digits, columns the predicted ones")
	c.confusion = canvas
	if !made && c.cShown == d.Version {
		return
	}
	c.cShown = d.Version
	ctx := canvas.Call("getContext", "2d")
	ctx.Call("clearRect", 0, 0, size, size)
	ctx.Set("font", "12px system-ui, sans-serif")
	ctx.Set("textAlign", "center")
	ctx.Set("textBaseline", "middle")
	ctx.Set("fillStyle", "#555")
	for i := range classes {
		mid := confHead + i*confCell + confCell/2
		ctx.Call("fillText", strconv.Itoa(i), mid, confHead/2)
		ctx.Call("fillText", strconv.Itoa(i), confHead/2, mid)
	}
	m := d.Confusion(classes)
	for r := range classes {
		total := 0
		if m != nil {
			for _, x := range m[r] {
				total += x
			}
		}
		for col := range classes {
			x, y := confHead+col*confCell, confHead+r*confCell
			ctx.Set("strokeStyle", "#e5e7eb")
			ctx.Call("strokeRect", float64(x)+0.5, float64(y)+0.5, confCell-1, confCell-1)
			if m == nil || total == 0 || m[r][col] == 0 {
				continue
			}
			share := float64(m[r][col]) / float64(total)
			hue := "200, 38, 45"
			if r == col {
				hue = "31, 122, 58"
			}
			ctx.Set("fillStyle", "rgba("+hue+","+strconv.FormatFloat(0.15+0.85*share, 'f', 2, 64)+")")
			ctx.Call("fillRect", x+1, y+1, confCell-2, confCell-2)
			ctx.Set("fillStyle", map[bool]string{true: "#fff", false: "#222"}[share > 0.5])
			ctx.Call("fillText", strconv.Itoa(m[r][col]), x+confCell/2, y+confCell/2)
		}
	}
}
