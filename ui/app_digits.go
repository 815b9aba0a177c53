package ui

import (
	"resnetplayground/nn/data"
	"resnetplayground/proto"
)

// Digits is what the page knows of a network trained on images (see proto.DigitsView): the
// test images it shows with their predictions, the labels and predictions of the evaluated
// test images (for the confusion matrix), and the probabilities of the visitor's drawing.
type Digits struct {
	Side    int
	Images  []byte // GridImages test images, Side² grey levels each
	Labels  []byte // of every evaluated test image
	Pred    []byte // the latest predictions for them; nil before the first measurement
	Probe   []float32
	Version int // bumped for every change, so canvases repaint only then
}

// DigitsLoad is how far the page got fetching the digits file, which it does only when a
// visitor picks Digits.
type DigitsLoad struct {
	State    string  // "" (not asked for), "loading", "ready" or "failed"
	Fraction float64 // of the file received, while loading
	Err      string  // why it failed
}

// ShowsImages reports whether the experiment is on images, which the page shows as digits
// rather than as a decision boundary over points.
func (a *App) ShowsImages() bool { return data.IsImages(a.Spec.Dataset) }

// ShowsImages reports whether the run trains on images.
func (r *Run) ShowsImages() bool { return data.IsImages(r.spec.Dataset) }

// receiveDigits merges a report's digits view: images and labels come once per reset,
// predictions and probabilities when measured. Probabilities the worker computed before it
// heard of the latest drawing (not current) are of an older drawing, or of one the visitor
// has cleared, and are dropped.
func (r *Run) receiveDigits(v *proto.DigitsView, current bool) {
	if v == nil {
		return
	}
	d := &r.Digits
	d.Side = v.Side
	if v.Images != nil {
		d.Images, d.Labels = v.Images, v.Labels
	}
	if v.Pred != nil {
		d.Pred = v.Pred
	}
	if v.Probe != nil && current {
		d.Probe = v.Probe
	}
	d.Version++
}

// Probe asks the worker for the class probabilities of a drawn image (Side² values in [0, 1],
// row by row); it answers now and with every measurement from then on. An empty drawing
// withdraws the question.
func (r *Run) Probe(pixels []float32) {
	if len(pixels) == 0 {
		r.Digits.Probe = nil
		r.Digits.Version++
	}
	r.send(proto.Command{Kind: proto.CmdProbe, Gen: r.Gen, Pixels: pixels})
	r.probeSeq = r.Sent
}

// SetDigitsLoad records the progress of the digits file's fetch.
func (a *App) SetDigitsLoad(l DigitsLoad) { a.DigitsLoad = l }

// Confusion counts, for every true class (row) and predicted class (column), the evaluated
// test images; nil before the first predictions.
func (d *Digits) Confusion(classes int) [][]int {
	if d.Pred == nil || len(d.Pred) > len(d.Labels) {
		return nil
	}
	m := make([][]int, classes)
	for i := range m {
		m[i] = make([]int, classes)
	}
	for i, p := range d.Pred {
		if l := int(d.Labels[i]); l < classes && int(p) < classes {
			m[l][p]++
		}
	}
	return m
}
