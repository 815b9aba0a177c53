package ui

import (
	"math"
	"strconv"

	"resnetplayground/lab"
)

// Why is the twin view's panel of why the twins differ: their loss landscapes side by side on
// one colour scale, the slices and lines through them, and their shattered gradients.
type Why struct {
	Compare *Compare
	// Only shows one of the two pictures: "landscape" or "gradients" (an embed that chose
	// one); "" shows both. Drawing computes both either way: they come in one report.
	Only string

	typed Typed // the settings keep what is typed until it is committed

	lo, hi float64 // the shared colour scale (log₁₀ loss), set before each build
	scaled bool
}

// BeforeBuild is called by Vugu after the parent set the fields.
func (c *Why) BeforeBuild() { c.lo, c.hi, c.scaled = c.Run().WhyScale() }

// Run is the pair on screen.
func (c *Why) Run() *TwinRun { return c.Compare.Twins }

// DrawLabel is the draw button's text: the settings as they are the first time and after one
// changed, new directions after that.
func (c *Why) DrawLabel() string {
	if c.Run().whyFresh {
		return "Draw the landscapes"
	}
	return "Draw again (new directions)"
}

// DrawTitle says what drawing costs.
func (c *Why) DrawTitle() string {
	w := c.Run().WhyConf
	n := Itoa(w.Grid)
	return "Evaluate each twin's training loss on a " + n + "×" + n + " grid around its current weights"
}

// Inputs are the settings the panel offers: lab.LandscapeFields but the step, which is the
// twins' own.
func (c *Why) Inputs() []*lab.LandscapeField {
	var out []*lab.LandscapeField
	for _, f := range lab.LandscapeFields {
		if f.Key != "at" {
			out = append(out, f)
		}
	}
	return out
}

// Min, Max and Step are an input's limits as the browser shows them (the table's, so the
// page and the command line agree); what is typed is checked by the table either way.
func (c *Why) Min(f *lab.LandscapeField) string { return strconv.FormatFloat(f.Min, 'f', -1, 64) }
func (c *Why) Max(f *lab.LandscapeField) string { return strconv.FormatFloat(f.Max, 'f', -1, 64) }
func (c *Why) Step(f *lab.LandscapeField) string {
	switch {
	case f.Odd:
		return "2"
	case f.Whole:
		return "1"
	}
	return "any"
}

func (c *Why) commit(key, text string) {
	c.typed.Commit("why-" + key)
	c.Compare.SetWhySetting(key, text)
}

// ScaleLow and ScaleHigh label the colour ramp with the losses at its ends.
func (c *Why) ScaleLow() string  { return "loss " + lossLabel(c.lo) }
func (c *Why) ScaleHigh() string { return lossLabel(c.hi) }

func lossLabel(log10 float64) string {
	return strconv.FormatFloat(math.Pow(10, log10), 'g', 2, 64)
}
