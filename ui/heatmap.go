package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"

	"resnetplayground/nn/data"
)

// Heatmap draws the decision boundary with the data points over it on a <canvas>: drawing
// thousands of cells and points as DOM nodes would make every render slow.
//
// Vugu writes every attribute it knows of on every render, and writing a canvas's width
// clears it, so the canvas is not in Vugu's tree: paint (run after every render) keeps it
// inside an element Vugu gives no children, and draws only when a new boundary or new data
// arrived. It draws from two cached canvases: the boundary at one pixel per cell (rebuilt
// per new boundary) and the points (rebuilt per dataset).
type Heatmap struct {
	Run *Run

	canvas    js.Value // the canvas on the page, canvasSize²
	shown     string   // what canvas shows: Painted when it was last drawn
	grid      js.Value // GridN×GridN
	gridDrawn int      // the BoundaryVersion in grid
	points    js.Value // canvasSize², transparent but for the points
	ptsDrawn  string   // the PointsVersion and test-points choice in points

	// HideTest leaves the test points off the picture (TensorFlow Playground's "show test
	// data", which starts off there; here the test points start shown, as rings, since how
	// the boundary treats unseen points is half of what a deep plain net gets wrong).
	HideTest bool
	pixels   []byte
}

// canvasSize is the canvas's resolution; CSS scales it to the column.
const canvasSize = 480

// Painted says what the canvas shows (boundary and points versions), for tests and tools.
func (c *Heatmap) Painted() string {
	return strconv.Itoa(c.Run.BoundaryVersion) + "/" + c.pointsKey()
}

// pointsKey names the points drawn: the data's version, and whether the test points are.
func (c *Heatmap) pointsKey() string {
	key := strconv.Itoa(c.Run.PointsVersion)
	if c.HideTest {
		key += "-train"
	}
	return key
}

// ShowTest is the legend's checkbox: the test points shown or not.
func (c *Heatmap) ShowTest() bool { return !c.HideTest }

func (c *Heatmap) setShowTest(on bool) { c.HideTest = !on }

// paint runs after every render (vg-js-populate) with the element that holds the canvas. It
// creates the canvas when the element is new and draws when there is something new to show.
func (c *Heatmap) paint(wrap js.Value) {
	if wrap.IsUndefined() || wrap.IsNull() {
		return
	}
	if c.canvas.IsUndefined() || !wrap.Call("contains", c.canvas).Bool() {
		c.canvas = js.Global().Get("document").Call("createElement", "canvas")
		c.canvas.Set("className", "boundary")
		c.canvas.Set("width", canvasSize)
		c.canvas.Set("height", canvasSize)
		c.canvas.Call("setAttribute", "role", "img")
		c.canvas.Call("setAttribute", "aria-label", "Decision boundary: the background shows the class the network predicts at each point; dots are the data")
		wrap.Call("replaceChildren", c.canvas)
		c.shown = ""
	}
	if painted := c.Painted(); painted != c.shown {
		c.draw(c.canvas)
		c.shown = painted
		c.canvas.Call("setAttribute", "data-painted", painted)
	}
}

// draw paints the boundary and the points onto canvas.
func (c *Heatmap) draw(canvas js.Value) {
	a := c.Run
	doc := js.Global().Get("document")
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("fillStyle", "#f3f4f6")
	ctx.Call("fillRect", 0, 0, canvasSize, canvasSize)

	if n := a.GridN; n > 0 && len(a.Boundary) >= n*n*a.Classes {
		if c.gridDrawn != a.BoundaryVersion || c.grid.IsUndefined() || c.grid.Get("width").Int() != n {
			c.pixels = BoundaryPixels(a.Boundary, n, a.Classes, c.pixels)
			putPixels(&c.grid, c.pixels, n, n)
			c.gridDrawn = a.BoundaryVersion
		}
		ctx.Set("imageSmoothingEnabled", true)
		ctx.Call("drawImage", c.grid, 0, 0, canvasSize, canvasSize)
	}

	if a.Train != nil && a.Test != nil {
		if key := c.pointsKey(); c.points.IsUndefined() || c.ptsDrawn != key {
			c.points = doc.Call("createElement", "canvas")
			c.points.Set("width", canvasSize)
			c.points.Set("height", canvasSize)
			pctx := c.points.Call("getContext", "2d")
			drawPoints(pctx, *a.Train, false)
			if !c.HideTest {
				drawPoints(pctx, *a.Test, true)
			}
			c.ptsDrawn = key
		}
		ctx.Call("drawImage", c.points, 0, 0)
	}
}

// drawPoints draws a set: training points filled, test points as rings.
func drawPoints(ctx js.Value, s data.Set, test bool) {
	const r = 4.0
	ctx.Set("lineWidth", 1.5)
	for i := range s.Len() {
		x, y := ToCanvas(s.X[2*i], s.X[2*i+1], canvasSize)
		col := ClassColor(s.Y[i])
		ctx.Call("beginPath")
		ctx.Call("arc", x, y, r, 0, 6.283185307179586)
		if test {
			ctx.Set("fillStyle", "#ffffff")
			ctx.Set("strokeStyle", col)
		} else {
			ctx.Set("fillStyle", col)
			ctx.Set("strokeStyle", "#ffffff")
		}
		ctx.Call("fill")
		ctx.Call("stroke")
	}
}

// ToCanvas maps a data point to canvas pixels: the square [-Extent, Extent]² fills the
// canvas with +y at the top, as lab.Trainer.Boundary lays out its grid.
func ToCanvas(x, y float64, size int) (float64, float64) {
	s := float64(size) / (2 * data.Extent)
	return (x + data.Extent) * s, (data.Extent - y) * s
}
