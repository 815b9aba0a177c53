package ui

import (
	"strconv"

	"github.com/vugu/vugu/js"

	"resnetplayground/proto"
)

// blockMapScale is how many screen pixels a block map's pixel takes.
const blockMapScale = 2

// BlockOutput shows what the block selected in the editor passes on, over the same plane as
// the decision boundary: one small picture per unit, as TensorFlow Playground draws one per
// neuron, refreshed with the boundary while the network trains. Selecting a block (a click
// or tap on it in the diagram, the arrow keys there, ‹ ›, its number) picks the block. The
// canvas lives outside Vugu's tree and is repainted only when a new map arrives.
type BlockOutput struct {
	App *App

	canvas, tile js.Value // on the page; the map's own pixels, offscreen
	pixels       []byte
	shown        int
}

// BeforeBuild asks the worker for the selected block's map when the selection, or the
// worker, is new: Watch sends nothing when it already asked for this block. (The editor
// shows BlockOutput only for points.)
func (c *BlockOutput) BeforeBuild() { c.App.Run.Watch(c.App.Selected) }

// Ready reports whether the map on hand is of the selected block.
func (c *BlockOutput) Ready() bool {
	m := &c.App.Run.BlockMap
	return m.Units > 0 && m.Block == c.App.Selected
}

// Caption says what the squares are.
func (c *BlockOutput) Caption() string {
	m := &c.App.Run.BlockMap
	if !c.Ready() {
		return "Block " + strconv.Itoa(c.App.Selected+1) + "'s output appears here once the network has been measured."
	}
	of := ""
	if w := c.App.Spec.Blocks[min(m.Block, len(c.App.Spec.Blocks)-1)].Width; w > m.Units {
		of = " (the first " + strconv.Itoa(m.Units) + " of " + strconv.Itoa(w) + ")"
	}
	return "What block " + strconv.Itoa(m.Block+1) + " passes on: one square per unit" + of +
		", over the same plane as the boundary; blue where the unit is large, each square scaled to its own largest value. " +
		"A white square is a unit that is 0 everywhere."
}

// paint draws the map into a canvas kept in wrap, when a new one arrived.
func (c *BlockOutput) paint(wrap js.Value) {
	m := &c.App.Run.BlockMap
	if wrap.IsUndefined() || wrap.IsNull() || !c.Ready() {
		return
	}
	w, h := m.mapSize()
	canvas, made := canvasIn(wrap, c.canvas, "block-map", w*blockMapScale, h*blockMapScale,
		"The selected block's output over the plane, one square per unit")
	c.canvas = canvas
	if !made && c.shown == m.Version && canvas.Get("width").Int() == w*blockMapScale && canvas.Get("height").Int() == h*blockMapScale {
		return
	}
	c.shown = m.Version
	canvas.Set("width", w*blockMapScale)
	canvas.Set("height", h*blockMapScale)
	c.pixels = m.pixels(c.pixels)
	putPixels(&c.tile, c.pixels, w, h)
	ctx := canvas.Call("getContext", "2d")
	ctx.Set("imageSmoothingEnabled", false)
	ctx.Call("drawImage", c.tile, 0, 0, w*blockMapScale, h*blockMapScale)
}

// Watch asks the worker for block's output over the plane with every boundary picture (see
// proto.CmdWatch), unless it was asked for that block already.
func (r *Run) Watch(block int) {
	if r.watchSent && r.watching == block {
		return
	}
	r.watching, r.watchSent = block, true
	r.send(proto.Command{Kind: proto.CmdWatch, Gen: r.Gen, Block: block})
}
