package ui

import "resnetplayground/proto"

// KnockOut is the single view's lesion control: remove the block selected in the block
// editor, or each block in turn, from the trained network and see what is left (see
// lesion.go). It asks the single view's worker, as the twin view's Lesion panel asks the
// twins', and the running network is untouched.
type KnockOut struct {
	App *App
}

// Block is the selected block's index.
func (c *KnockOut) Block() int { return min(max(c.App.Selected, 0), len(c.App.Spec.Blocks)-1) }

// OneLabel names the block the first button removes.
func (c *KnockOut) OneLabel() string { return "Knock out block " + Itoa(c.Block()+1) }

// Series is the scan's chart: test accuracy with each block removed, and intact.
func (c *KnockOut) Series() []Series {
	out := []Series{lesionLine("network", "lesion-line", c.App.Lesion)}
	if s, ok := intactLine("network", "lesion-line", c.App.Lesion); ok {
		out = append(out, s)
	}
	return out
}

func (c *KnockOut) one()  { c.App.RequestLesion(c.Block()) }
func (c *KnockOut) scan() { c.App.RequestLesion(proto.LesionAll) }
