package ui

import (
	"math"
	"strconv"
)

// Why is the twin view's panel of why the twins differ: their loss landscapes side by side on
// one colour scale, the slices and lines through them, and their shattered gradients.
type Why struct {
	Compare *Compare

	lo, hi float64 // the shared colour scale (log₁₀ loss), set before each build
	scaled bool
}

// BeforeBuild is called by Vugu after the parent set the fields.
func (c *Why) BeforeBuild() { c.lo, c.hi, c.scaled = c.Run().WhyScale() }

// Run is the pair on screen.
func (c *Why) Run() *TwinRun { return c.Compare.Twins }

// DrawLabel is the draw button's text.
func (c *Why) DrawLabel() string {
	if c.Run().WhyDrawn == 0 {
		return "Draw the landscapes"
	}
	return "Draw again (new directions)"
}

// ScaleLow and ScaleHigh label the colour ramp with the losses at its ends.
func (c *Why) ScaleLow() string  { return "loss " + lossLabel(c.lo) }
func (c *Why) ScaleHigh() string { return lossLabel(c.hi) }

func lossLabel(log10 float64) string {
	return strconv.FormatFloat(math.Pow(10, log10), 'g', 2, 64)
}
