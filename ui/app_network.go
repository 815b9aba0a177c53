package ui

import (
	"fmt"
	"resnetplayground/proto"
	"strconv"
	"strings"

	"resnetplayground/lab"
)

// The user's actions on the network: blocks, their widths and layers, and the shortcuts.

// ToggleShortcut flips block i's shortcut.
func (a *App) ToggleShortcut(i int) {
	if i < 0 || i >= len(a.Spec.Blocks) {
		return
	}
	a.setShortcuts([]int{i}, !a.Spec.Blocks[i].Shortcut)
}

// SetAllShortcuts turns every shortcut on or off.
func (a *App) SetAllShortcuts(on bool) {
	var changed []int
	for i, b := range a.Spec.Blocks {
		if b.Shortcut != on {
			changed = append(changed, i)
		}
	}
	a.setShortcuts(changed, on)
}

// AllShortcuts reports whether every block has its shortcut on.
func (a *App) AllShortcuts() bool { return shortcutsOn(a.Spec) == len(a.Spec.Blocks) }

// shortcutsOn counts the blocks of s whose shortcut is on.
func shortcutsOn(s lab.Spec) int {
	on := 0
	for _, b := range s.Blocks {
		if b.Shortcut {
			on++
		}
	}
	return on
}

func (a *App) setShortcuts(blocks []int, on bool) {
	if len(blocks) == 0 {
		return
	}
	a.Spec.Blocks = cloneBlocks(a.Spec.Blocks)
	for _, i := range blocks {
		a.Spec.Blocks[i].Shortcut = on
	}
	if !a.Live || a.Diverged {
		a.restart()
		return
	}
	for _, i := range blocks {
		a.send(proto.Command{Kind: proto.CmdShortcut, Gen: a.Gen, Block: i, On: on})
	}
	a.host.ReplaceHash(a.Spec.String())
}

// Select shows block i in the editor.
func (a *App) Select(i int) {
	if i >= 0 && i < len(a.Spec.Blocks) {
		a.Selected = i
	}
}

// AddBlock appends a copy of the last block.
func (a *App) AddBlock() {
	n := len(a.Spec.Blocks)
	if n >= lab.MaxBlocks {
		a.FieldMsgs["blocks"] = fmt.Sprintf("At most %d blocks.", lab.MaxBlocks)
		return
	}
	a.changeBlocks(append(cloneBlocks(a.Spec.Blocks), a.Spec.Blocks[n-1]), n)
}

// DuplicateBlock inserts a copy of block i right after it.
func (a *App) DuplicateBlock(i int) {
	if i < 0 || i >= len(a.Spec.Blocks) {
		return
	}
	if len(a.Spec.Blocks) >= lab.MaxBlocks {
		a.FieldMsgs["blocks"] = fmt.Sprintf("At most %d blocks.", lab.MaxBlocks)
		return
	}
	blocks := cloneBlocks(a.Spec.Blocks)
	blocks = append(blocks[:i+1], blocks[i:]...)
	a.changeBlocks(blocks, i+1)
}

// RemoveBlock deletes block i; the last block cannot go.
func (a *App) RemoveBlock(i int) {
	if i < 0 || i >= len(a.Spec.Blocks) {
		return
	}
	if len(a.Spec.Blocks) == 1 {
		a.FieldMsgs["blocks"] = "A network needs at least one block."
		return
	}
	blocks := cloneBlocks(a.Spec.Blocks)
	blocks = append(blocks[:i], blocks[i+1:]...)
	a.changeBlocks(blocks, min(i, len(blocks)-1))
}

// SetDepth sets the number of blocks from text, cutting from the end or repeating the last
// block; it clamps to 1..MaxBlocks and says so.
func (a *App) SetDepth(text string) {
	n, ok := a.parseInt("depth", text)
	if !ok {
		return
	}
	if c := min(max(n, 1), lab.MaxBlocks); c != n {
		a.FieldMsgs["depth"] = fmt.Sprintf("Depth is 1 to %d; set to %d.", lab.MaxBlocks, c)
		n = c
	}
	blocks := cloneBlocks(a.Spec.Blocks)
	for len(blocks) < n {
		blocks = append(blocks, blocks[len(blocks)-1])
	}
	a.changeBlocks(blocks[:n], min(a.Selected, n-1))
}

// SetBlockWidth sets block i's width from text, clamped to 1..MaxWidth.
func (a *App) SetBlockWidth(i int, text string) {
	w, ok := a.parseInt("block_width", text)
	if !ok || i < 0 || i >= len(a.Spec.Blocks) {
		return
	}
	if c := min(max(w, 1), lab.MaxWidth); c != w {
		a.FieldMsgs["block_width"] = fmt.Sprintf("Width is 1 to %d; set to %d.", lab.MaxWidth, c)
		w = c
	}
	blocks := cloneBlocks(a.Spec.Blocks)
	blocks[i].Width = w
	a.changeBlocks(blocks, i)
}

// SetBlockLayers sets block i's number of dense layers (1 or 2).
func (a *App) SetBlockLayers(i int, text string) {
	n, ok := a.parseInt("block_layers", text)
	if !ok || i < 0 || i >= len(a.Spec.Blocks) {
		return
	}
	blocks := cloneBlocks(a.Spec.Blocks)
	blocks[i].Layers = min(max(n, 1), lab.MaxLayers)
	a.changeBlocks(blocks, i)
}

func (a *App) changeBlocks(blocks []lab.BlockSpec, selected int) {
	delete(a.FieldMsgs, "blocks")
	a.Spec.Blocks = blocks
	a.Selected = selected
	a.restart()
}

// parseInt reads a whole number typed into the control called field, or records why not.
func (a *App) parseInt(field, text string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		a.FieldMsgs[field] = fmt.Sprintf("%q is not a whole number.", text)
		return 0, false
	}
	delete(a.FieldMsgs, field)
	return n, true
}

// cloneBlocks copies blocks, so a Spec already sent to the worker or the history is never
// changed under it.
func cloneBlocks(blocks []lab.BlockSpec) []lab.BlockSpec {
	return append([]lab.BlockSpec(nil), blocks...)
}

// IsProjection reports whether block i's shortcut must be a learned projection because
// the width changes from the layer before it.
func IsProjection(s lab.Spec, i int) bool {
	prev := s.Width
	if i > 0 {
		prev = s.Blocks[i-1].Width
	}
	return s.Blocks[i].Width != prev
}

// SetPerStage sets the blocks per stage of a convolutional network from text: every stage
// keeps its width and gets that many copies of the first block's layers and shortcut (the
// paper's 6n+2 layers for n).
func (a *App) SetPerStage(text string) {
	n, ok := a.parseInt("depth", text)
	if !ok || !a.Spec.IsConv() {
		return
	}
	widths := lab.StageWidths(a.Spec.Blocks)
	maxN := lab.MaxBlocks / max(len(widths), 1)
	if c := min(max(n, 1), maxN); c != n {
		a.FieldMsgs["depth"] = fmt.Sprintf("Blocks per stage are 1 to %d; set to %d.", maxN, c)
		n = c
	}
	first := a.Spec.Blocks[0]
	blocks := lab.Stages(n, widths, first.Layers, first.Shortcut)
	a.changeBlocks(blocks, min(a.Selected, len(blocks)-1))
}
