package ui

import (
	"strconv"
	"strings"

	"github.com/vugu/vugu/js"
)

// DigitsPad is the canvas a visitor draws a digit on, with what each network in Runs thinks
// it is: the single view's one network, or both twins side by side, so one drawing is asked
// of both. Each run's worker keeps the drawing and answers again with every measurement, so
// the probabilities move while the networks train. The strokes are boot.js's resnetDrawPad
// (pointer events: mouse, pen or finger), which needs no render per stroke; the drawing is
// read when a stroke ends. Clear is a button, so a keyboard reaches it.
type DigitsPad struct {
	Runs  []*Run   // the networks asked
	Names []string // a heading over each run's answers; nil when there is one run

	pad js.Value
}

// The pad's resolution: 10 canvas pixels per image pixel, for a 14×14 image.
const padSize = 140

// PadAnswers are one run's class probabilities for the drawing, as the page lists them.
type PadAnswers struct {
	Name, Class, Label string
	Text               string // the probabilities to three decimals, comma-separated, for tests and tools; "" with no drawing
	Rows               []ProbRow
}

// ProbRow is one class's line in a probability list.
type ProbRow struct {
	Digit, Pct, Width, Class string
}

// Answers lists every run's answers, in Runs's order.
func (c *DigitsPad) Answers() []PadAnswers {
	out := make([]PadAnswers, len(c.Runs))
	for i, r := range c.Runs {
		a := &out[i]
		a.Label = "What the network thinks you drew"
		if i < len(c.Names) {
			a.Name, a.Class = c.Names[i], " twin-"+c.Names[i]
			a.Label = "What the " + c.Names[i] + " network thinks you drew"
		}
		a.Text, a.Rows = probsText(r.Digits.Probe), probRows(r.Digits.Probe)
	}
	return out
}

// probsText is p to three decimals, comma-separated.
func probsText(p []float32) string {
	parts := make([]string, len(p))
	for i, v := range p {
		parts[i] = strconv.FormatFloat(float64(v), 'f', 3, 32)
	}
	return strings.Join(parts, ",")
}

// probRows lists every class with its probability in p (none when p is empty), the most
// likely marked.
func probRows(p []float32) []ProbRow {
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

// setup makes the canvas once and hands it to boot.js, which draws the strokes.
func (c *DigitsPad) setup(wrap js.Value) {
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

// done reads the drawing when a stroke ends and asks every network what it is.
func (c *DigitsPad) done() {
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
		for _, r := range c.Runs {
			r.Probe(pixels)
		}
	}
}

// clear wipes the drawing and withdraws the question.
func (c *DigitsPad) clear() {
	if !c.pad.IsUndefined() {
		c.pad.Call("getContext", "2d").Call("clearRect", 0, 0, padSize, padSize)
	}
	for _, r := range c.Runs {
		r.Probe(nil)
	}
}
