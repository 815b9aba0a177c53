package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// DatasetThumbs lets a visitor pick the data by its picture, as TensorFlow Playground does:
// each 2-D dataset is drawn small from its real generator, with the noise, classes and seed
// the experiment has, so a thumbnail changes as those settings do. The digits, which are
// fetched only when picked, show a label instead. The drop-down stays beside them for
// keyboards and screen readers; both go through App.SetField.
type DatasetThumbs struct {
	App *App

	drawn map[string]string // per dataset, the settings its canvas was drawn with
}

// thumbSize is a thumbnail canvas's resolution; CSS shows it at 40 px.
const thumbSize = 80

// thumbPoints is how many points a thumbnail shows.
const thumbPoints = 160

// Names are the datasets, in the menu's order.
func (c *DatasetThumbs) Names() []string { return data.Names }

// Checked says whether name is the experiment's dataset, as aria-checked.
func (c *DatasetThumbs) Checked(name string) string {
	return strconv.FormatBool(c.App.Spec.Dataset == name)
}

// Class marks the chosen thumbnail.
func (c *DatasetThumbs) Class(name string) string {
	if c.App.Spec.Dataset == name {
		return "thumb chosen"
	}
	return "thumb"
}

// pick chooses the dataset, as the menu would.
func (c *DatasetThumbs) pick(name string) { c.App.SetField("dataset", name) }

// thumbConfig is the generator's configuration for name's thumbnail: the experiment's noise,
// classes and seed (the defaults' while the experiment is on images).
func thumbConfig(s lab.Spec, name string) data.Config {
	if data.IsImages(s.Dataset) {
		s = lab.Default()
	}
	return data.Config{Name: name, Points: thumbPoints, Noise: s.Noise, Classes: s.Classes, TrainFrac: 0.5, Seed: s.DataSeedOrSeed()}
}

// draw runs after every render (vg-js-populate) with the element that holds name's canvas;
// it draws only when the element is new or the settings the picture depends on changed.
func (c *DatasetThumbs) draw(el js.Value, name string) {
	if el.IsUndefined() || el.IsNull() {
		return
	}
	cfg := thumbConfig(c.App.Spec, name)
	key := strconv.FormatFloat(cfg.Noise, 'g', -1, 64) + "|" + strconv.Itoa(cfg.Classes) + "|" + strconv.FormatUint(cfg.Seed, 10)
	canvas := el.Get("firstElementChild")
	if c.drawn == nil {
		c.drawn = map[string]string{}
	}
	if !canvas.IsNull() && c.drawn[name] == key {
		return
	}
	if canvas.IsNull() {
		canvas = js.Global().Get("document").Call("createElement", "canvas")
		canvas.Set("width", thumbSize)
		canvas.Set("height", thumbSize)
		canvas.Call("setAttribute", "aria-hidden", "true")
		el.Call("replaceChildren", canvas)
	}
	c.drawn[name] = key
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("fillStyle", "#f3f4f6")
	ctx.Call("fillRect", 0, 0, thumbSize, thumbSize)
	canvas.Call("setAttribute", "data-drawn", key)
	if data.IsImages(name) {
		ctx.Set("fillStyle", "#1d2433")
		ctx.Set("font", "600 26px system-ui, sans-serif")
		ctx.Set("textAlign", "center")
		ctx.Set("textBaseline", "middle")
		ctx.Call("fillText", "0–9", thumbSize/2, thumbSize/2)
		return
	}
	train, test, err := data.Make(cfg)
	if err != nil {
		return
	}
	for _, s := range []data.Set{train, test} {
		for i := range s.Len() {
			x, y := ToCanvas(s.X[2*i], s.X[2*i+1], thumbSize)
			ctx.Set("fillStyle", ClassColor(s.Y[i]))
			ctx.Call("fillRect", x-2, y-2, 4, 4)
		}
	}
}
