package ui

import (
	"strconv"

	"resnetplayground/lab"
)

// BlockEditor edits the stack: its depth, the selected block (width, layers, shortcut;
// duplicate, remove), a block added at the end, all shortcuts at once, and what a shortcut
// toggle does to a running experiment.
type BlockEditor struct {
	App *App

	typed Typed // the number fields keep what is typed until it is committed
}

// Block is the selected block's 1-based number, as shown.
func (c *BlockEditor) Block() string { return strconv.Itoa(c.App.Selected + 1) }

// Depth is the number of blocks, as shown.
func (c *BlockEditor) Depth() string { return strconv.Itoa(len(c.App.Spec.Blocks)) }

func (c *BlockEditor) sel() int {
	return min(max(c.App.Selected, 0), len(c.App.Spec.Blocks)-1)
}

// Width and Layers are the selected block's, as shown.
func (c *BlockEditor) Width() string  { return strconv.Itoa(c.App.Spec.Blocks[c.sel()].Width) }
func (c *BlockEditor) Layers() string { return strconv.Itoa(c.App.Spec.Blocks[c.sel()].Layers) }

// Shortcut reports whether the selected block's shortcut is on.
func (c *BlockEditor) Shortcut() bool { return c.App.Spec.Blocks[c.sel()].Shortcut }

// ShortcutKind says what the selected block's shortcut is.
func (c *BlockEditor) ShortcutKind() string {
	switch {
	case !c.Shortcut():
		return "off: a plain block"
	case c.App.Spec.IsConv() && IsProjection(c.App.Spec, c.sel()):
		return convShortcut(c.App.Spec, c.sel()) + " (the shape changes)"
	case IsProjection(c.App.Spec, c.sel()):
		return "projection (the width changes)"
	}
	return "identity"
}

func (c *BlockEditor) commitDepth(text string) {
	c.typed.Commit("depth")
	c.App.SetDepth(text)
}

func (c *BlockEditor) commitWidth(text string) {
	c.typed.Commit("block-width")
	c.App.SetBlockWidth(c.sel(), text)
}

func (c *BlockEditor) selectText(text string) {
	c.typed.Commit("block-no")
	n, err := strconv.Atoi(text)
	if err != nil {
		return // the field shows the current block again on the next render
	}
	c.App.Select(min(max(n, 1), len(c.App.Spec.Blocks)) - 1)
}

func (c *BlockEditor) move(delta int) { c.App.Select(c.sel() + delta) }

// Msg is the message recorded for a control, or "".
func (c *BlockEditor) Msg(field string) string { return c.App.FieldMsgs[field] }

// WidthLabel names a block's width: units, or channels in a convolutional network.
func (c *BlockEditor) WidthLabel() string {
	if c.App.Spec.IsConv() {
		return "channels"
	}
	return "width"
}

// Stage describes the selected block's place in a convolutional network ("stride 2: 7×7
// out, a new stage"), or "" for a dense one.
func (c *BlockEditor) Stage() string {
	if !c.App.Spec.IsConv() {
		return ""
	}
	stride, side := convStage(c.App.Spec, c.sel())
	out := strconv.Itoa(side) + "×" + strconv.Itoa(side) + " out"
	if stride == 2 {
		return "stride 2: a new stage, " + out
	}
	return "stride 1, " + out
}

// PerStage is the blocks per stage (the paper's n) of a convolutional network, as shown.
func (c *BlockEditor) PerStage() string { return strconv.Itoa(lab.Depth(c.App.Spec)) }

// Layers6n2 says how many weight layers the network has, e.g. "= 32 layers".
func (c *BlockEditor) LayerCount() string {
	return "= " + strconv.Itoa(lab.WeightLayers(c.App.Spec)) + " weight layers"
}

func (c *BlockEditor) commitPerStage(text string) {
	c.typed.Commit("per-stage")
	c.App.SetPerStage(text)
}
