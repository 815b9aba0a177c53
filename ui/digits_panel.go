package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"
)

// DigitsPanel shows a network trained on images where points get a decision boundary: a pad
// to draw a digit on with the network's class probabilities for it, test digits with the
// predicted class of each (wrong ones in red), and the confusion matrix. The pictures are
// canvases outside Vugu's tree (see Heatmap for why), repainted only when Digits.Version
// moves; the pad is DigitsPad, which the twins share.
type DigitsPanel struct {
	App *App

	grid, confusion   js.Value
	gridShown, cShown int
}

// PredictedText says how many test images have a prediction, for tests and tools.
func (c *DigitsPanel) PredictedText() string { return strconv.Itoa(len(c.App.Digits.Pred)) }

// ProbsText is the drawing's class probabilities to three decimals, comma-separated ("" with
// no drawing), for tests and tools.
func (c *DigitsPanel) ProbsText() string { return probsText(c.App.Digits.Probe) }

// PadRuns is who answers the pad: the single view's network.
func (c *DigitsPanel) PadRuns() []*Run { return []*Run{c.App.Run} }

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
	var tiles js.Value
	putPixels(&tiles, greyPixels(d.Images[:d.Side*d.Side*n]), d.Side, d.Side*n)
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

// greyPixels is RGBA pixels of dark ink on white from grey levels (0 background, 255 ink).
func greyPixels(levels []byte) []byte {
	rgba := make([]byte, 4*len(levels))
	for i, v := range levels {
		g := 255 - v
		rgba[4*i], rgba[4*i+1], rgba[4*i+2], rgba[4*i+3] = g, g, g, 255
	}
	return rgba
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
