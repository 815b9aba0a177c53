package ui

import (
	"strconv"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// A convolutional network (lab.NetConv, on the digits) is told in its own words: blocks have
// channels rather than units, a block whose width differs from the one before starts a stage
// with stride 2, halving the resolution, and its shortcut is the paper's option A or B.

// convStage returns block i's stride and the side of its output in a convolutional network.
func convStage(s lab.Spec, i int) (stride, side int) {
	side = 14
	strides := lab.Strides(s.Blocks)
	for j := 0; j <= i && j < len(strides); j++ {
		if strides[j] == 2 {
			side = (side + 1) / 2
		}
	}
	return strides[i], side
}

// convShortcut names the shortcut of a shape-changing block of a convolutional network.
func convShortcut(s lab.Spec, i int) string {
	prev := s.Width
	if i > 0 {
		prev = s.Blocks[i-1].Width
	}
	if s.Option == "B" || s.Blocks[i].Width < prev {
		return "option B: a 1×1 convolution"
	}
	return "option A: subsample, add zero channels"
}

// convWidthLabel is the diagram's label of block i: its channels, with ↓2 at a stage entry.
func convWidthLabel(s lab.Spec, i int) string {
	label := strconv.Itoa(s.Blocks[i].Width) + "ch"
	if stride, _ := convStage(s, i); stride == 2 {
		label = "↓2 " + label
	}
	return label
}

// convBlockTitle is the diagram's tooltip for block i of a convolutional network.
func convBlockTitle(s lab.Spec, i int) string {
	b := s.Blocks[i]
	stride, side := convStage(s, i)
	t := "Block " + strconv.Itoa(i+1) + ": " + strconv.Itoa(b.Layers) + " 3×3 convolution"
	if b.Layers > 1 {
		t += "s"
	}
	t += " of " + strconv.Itoa(b.Width) + " channels"
	if stride == 2 {
		t += ", the first with stride 2 (a new stage)"
	}
	t += ", " + strconv.Itoa(side) + "×" + strconv.Itoa(side) + " out; shortcut "
	switch {
	case !b.Shortcut:
		t += "off"
	case IsProjection(s, i):
		t += "on (" + convShortcut(s, i) + ")"
	default:
		t += "on (identity)"
	}
	return t + ". Click the arc to toggle it."
}

// classesOf is the number of classes the output layer has.
func classesOf(s lab.Spec) int {
	if data.IsImages(s.Dataset) {
		return 10
	}
	return s.Classes
}
