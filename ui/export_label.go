package ui

import (
	"fmt"
	"strconv"
	"strings"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// An exported figure travels alone, into a slide or a chat, where nobody sees the page it
// came from: its PNG must say what it shows. The SVG keeps the whole link in its <desc>, which
// a PNG loses, so every exported figure ends with a caption strip drawn into the picture
// itself: the dataset, the network, its shortcuts, the optimiser and the step.

// The caption strip below an exported figure: lines of captionFont units (20 px in the PNG,
// which is drawn at scale 2), captionLine apart, at most maxCaptionLines of them.
const (
	captionFont     = 10
	captionLine     = 14
	captionPad      = 8
	maxCaptionLines = 2
)

// captionHeight is the height of the strip that shows text across width.
func captionHeight(width float64, text string) float64 {
	return captionPad + captionLine*float64(len(captionLines(width, text)))
}

// ExperimentLabel is the caption of a figure of s at step (step < 0 for none), e.g.
// "spiral, 600 points, noise 0.1 · 24 blocks, no shortcuts · Adam, lr 0.003, batch 32, seed 1 · step 1,200".
func ExperimentLabel(s lab.Spec, step int) string { return experimentLabel(s, step, FormatFloat(s.LR)) }

// experimentLabel is ExperimentLabel with the learning rate told as lr (a run whose rate
// changed while it trained tells its story: lrStory).
func experimentLabel(s lab.Spec, step int, lr string) string {
	parts := []string{datasetLabel(s), networkLabel(s), optimiserLabel(s, lr, seedLabel(s.Seed))}
	if step >= 0 {
		parts = append(parts, "step "+Count(step))
	}
	return strings.Join(parts, " · ")
}

func datasetLabel(s lab.Spec) string {
	if data.IsImages(s.Dataset) {
		return s.Dataset + " (14×14 images)"
	}
	return s.Dataset + ", " + strconv.Itoa(s.Points) + " points, noise " + FormatFloat(s.Noise)
}

// networkLabel is the network's depth and how many of its blocks have a shortcut.
func networkLabel(s lab.Spec) string {
	n, on := len(s.Blocks), shortcutsOn(s)
	label := Count(n) + " blocks"
	if s.IsConv() {
		label = Count(n) + " convolutional blocks"
	}
	switch {
	case on == 0:
		label += ", no shortcuts"
	case on == n:
		label += ", all shortcuts"
	default:
		label += ", " + strconv.Itoa(on) + " shortcuts"
	}
	if s.BatchNorm {
		label += ", batch norm"
	}
	return label
}

// optimiserLabel is "Adam, lr 0.003, batch 32, " and then seeds (which seed, or how many).
func optimiserLabel(s lab.Spec, lr, seeds string) string {
	return optimiserName(s.Optimizer) + ", lr " + lr + ", batch " + strconv.Itoa(s.Batch) + ", " + seeds
}

func seedLabel(seed uint64) string { return "seed " + strconv.FormatUint(seed, 10) }

func optimiserName(o string) string {
	switch o {
	case "adam":
		return "Adam"
	case "sgd":
		return "SGD"
	}
	return o
}

// captionLines breaks text into lines that fit width, between its " · " parts where it
// can; a part too long for a line, or text beyond maxCaptionLines, is cut with an ellipsis,
// so the caption never runs off the picture.
func captionLines(width float64, text string) []string {
	fit := int((width - 2*captionLeft) / (0.55 * captionFont)) // characters that fit, at a wide average
	var lines []string
	for _, part := range strings.Split(text, " · ") {
		if n := len(lines); n > 0 && len([]rune(lines[n-1]))+3+len([]rune(part)) <= fit {
			lines[n-1] += " · " + part
			continue
		}
		lines = append(lines, part)
	}
	if len(lines) > maxCaptionLines {
		lines = append(lines[:maxCaptionLines-1], strings.Join(lines[maxCaptionLines-1:], " · "))
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > fit {
			lines[i] = string(r[:fit-1]) + "…"
		}
	}
	return lines
}

// captionLeft is the caption's left margin.
const captionLeft = 8

// writeCaption draws text as the caption strip whose top is at y, across width: a rule
// above it, the lines below (see captionLines).
func writeCaption(b *strings.Builder, y, width float64, text string) {
	fmt.Fprintf(b, "<line x1=\"0\" x2=\"%g\" y1=\"%g\" y2=\"%g\" stroke=\"#dde1e8\"/>\n", width, y+0.5, y+0.5)
	for i, l := range captionLines(width, text) {
		fmt.Fprintf(b, "<text class=\"caption\" x=\"%d\" y=\"%g\" font-size=\"%d\" fill=\"#3b4456\">%s</text>\n",
			captionLeft, y+captionLine*float64(i+1), captionFont, escapeXML(l))
	}
}

// SweepLabel is the caption of a depth sweep's figure: what every run shares (the data,
// the blocks, the optimiser) and what the sweep varies (depths, shortcuts, seeds).
func SweepLabel(r *SweepRun) string {
	if len(r.Jobs) == 0 {
		return ""
	}
	base := r.Jobs[0].Spec
	lo, hi := r.Jobs[0].Depth(), r.Jobs[0].Depth()
	seeds := map[uint64]bool{}
	for _, j := range r.Jobs {
		lo, hi = min(lo, j.Depth()), max(hi, j.Depth())
		seeds[j.Spec.Seed] = true
	}
	net := "depths " + Count(lo) + "–" + Count(hi) + ", plain and residual"
	if s := base.Blocks; len(s) > 0 {
		net += ", blocks " + strconv.Itoa(s[0].Width) + " wide"
	}
	if base.BatchNorm {
		net += ", batch norm"
	}
	seedText := seedLabel(base.Seed)
	if len(seeds) > 1 {
		seedText = strconv.Itoa(len(seeds)) + " seeds"
	}
	opt := optimiserLabel(base, FormatFloat(base.LR), seedText)
	return strings.Join([]string{"depth sweep: " + datasetLabel(base), net, opt, Count(r.Jobs[0].Steps) + " steps per run"}, " · ")
}
