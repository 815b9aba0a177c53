package ui

import "strconv"

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
