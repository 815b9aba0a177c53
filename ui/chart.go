package ui

import (
	"math"
	"strconv"
	"strings"
)

// Chart draws series against training steps as SVG: one <polyline> per series, so a long
// run costs a handful of nodes however many points it has.
type Chart struct {
	Title  string
	Series []Series
	LogY   bool // for losses, which fall over decades
	// Percent shows a fixed 0–100% axis, for accuracies.
	Percent bool
	// XRange, when it is a range (low < high), is the x axis; otherwise it runs from 0 (the
	// first step) to the largest x.
	XRange [2]float64

	g chartGeom // computed from the fields above before every build
}

// Series is one named line. Class is its CSS class, which sets colour and dash.
type Series struct {
	Name, Class string
	X, Y        []float64
}

// Tick is an axis label at Pos (in SVG units along its axis). Class is its CSS class.
type Tick struct {
	Pos   float64
	Label string
	Class string
}

// Line is a series ready to draw.
type Line struct {
	Name, Class, Points string
}

type chartGeom struct {
	Lines          []Line
	XTicks, YTicks []Tick
}

// The chart's coordinate system (the SVG's viewBox): the plot area and the margins for labels.
const (
	chartW, chartH             = 360.0, 170.0
	plotL, plotR, plotT, plotB = 44.0, 352.0, 10.0, 148.0
)

// BeforeBuild is called by Vugu after the parent set the fields.
func (c *Chart) BeforeBuild() { c.g = c.geometry() }

// geometry scales the series into the plot area and picks ticks.
func (c *Chart) geometry() chartGeom {
	var g chartGeom
	xmax := 1.0
	ylo, yhi := math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for i, y := range s.Y {
			if !usable(y, c.LogY) || i >= len(s.X) {
				continue
			}
			xmax = max(xmax, s.X[i])
			ylo, yhi = min(ylo, y), max(yhi, y)
		}
	}
	switch {
	case c.Percent:
		ylo, yhi = 0, 1
	case math.IsInf(ylo, 0): // nothing to draw yet
		ylo, yhi = 0.1, 1
		if !c.LogY {
			ylo = 0
		}
	case c.LogY:
		ylo = math.Pow(10, math.Floor(math.Log10(ylo)))
		yhi = math.Pow(10, math.Ceil(math.Log10(yhi)))
		if ylo == yhi {
			yhi = ylo * 10
		}
	case ylo == yhi:
		ylo, yhi = ylo-1, yhi+1
	}
	xmin := 0.0
	if c.XRange[0] < c.XRange[1] {
		xmin, xmax = c.XRange[0], c.XRange[1]
	}
	sx := func(x float64) float64 { return plotL + (plotR-plotL)*(x-xmin)/(xmax-xmin) }
	sy := func(y float64) float64 {
		if c.LogY {
			return plotB - (plotB-plotT)*(math.Log10(y)-math.Log10(ylo))/(math.Log10(yhi)-math.Log10(ylo))
		}
		return plotB - (plotB-plotT)*(y-ylo)/(yhi-ylo)
	}

	for _, s := range c.Series {
		var b strings.Builder
		for i, y := range s.Y {
			if !usable(y, c.LogY) || i >= len(s.X) {
				continue // a diverged loss ends the line rather than breaking the scale
			}
			y = min(max(y, ylo), yhi)
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(sx(s.X[i]), 'f', 1, 64))
			b.WriteByte(',')
			b.WriteString(strconv.FormatFloat(sy(y), 'f', 1, 64))
		}
		g.Lines = append(g.Lines, Line{Name: s.Name, Class: s.Class, Points: b.String()})
	}

	for _, x := range NiceTicks(xmin, xmax, 5) {
		t := Tick{Pos: sx(x), Label: shortNumber(x), Class: "tick x"}
		if t.Pos > plotR-20 {
			t.Class += " end" // centred, "1.5k" would run past the picture's right edge
		}
		g.XTicks = append(g.XTicks, t)
	}
	var ys []float64
	switch {
	case c.Percent:
		ys = []float64{0, 0.25, 0.5, 0.75, 1}
	case c.LogY:
		ys = LogTicks(ylo, yhi)
	default:
		ys = NiceTicks(ylo, yhi, 4)
	}
	every := LabelEvery(len(ys), maxYLabels)
	for i, y := range ys {
		label := shortNumber(y)
		switch {
		case c.Percent:
			label = strconv.Itoa(int(math.Round(100*y))) + "%"
		case c.LogY:
			label = logLabel(y)
		}
		if (len(ys)-1-i)%every != 0 {
			label = "" // a grid line without a label: 11 labels on 138 units collide
		}
		g.YTicks = append(g.YTicks, Tick{Pos: sy(y), Label: label})
	}
	return g
}

// maxYLabels is how many labels the y axis holds without their text (13.5 units) colliding.
const maxYLabels = 6

// LabelEvery is k such that labelling every k-th of n ticks (counted from the top one)
// leaves at most max labels.
func LabelEvery(n, max int) int {
	if n <= max {
		return 1
	}
	return (n + max - 1) / max
}

// logLabel labels a log axis compactly: 1, 0.1, 0.01, then 1e-3, 1e-4, …
func logLabel(y float64) string {
	if y >= 0.01 {
		return shortNumber(y)
	}
	e := math.Log10(y)
	if r := math.Round(e); math.Abs(e-r) < 1e-9 {
		return "1e" + strconv.Itoa(int(r))
	}
	return strconv.FormatFloat(y, 'g', 2, 64)
}

func usable(y float64, log bool) bool {
	return !math.IsNaN(y) && !math.IsInf(y, 0) && (!log || y > 0)
}

// NiceTicks returns about n round numbers (1, 2 or 5 times a power of ten apart) in [lo, hi].
func NiceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 1 {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ticks []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		ticks = append(ticks, math.Round(t/step)*step+0) // +0 turns −0 into 0, which prints without a sign
	}
	return ticks
}

// LogTicks returns the powers of ten in [lo, hi], adding 2× and 5× steps when the range
// spans fewer than two decades so the axis never shows a single label.
func LogTicks(lo, hi float64) []float64 {
	var ticks []float64
	decades := math.Log10(hi) - math.Log10(lo)
	for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
		p := math.Pow(10, e)
		for _, m := range []float64{1, 2, 5} {
			if m != 1 && decades >= 2 {
				continue
			}
			if t := m * p; t >= lo*(1-1e-9) && t <= hi*(1+1e-9) {
				ticks = append(ticks, t)
			}
		}
	}
	return ticks
}

// shortNumber labels an axis: 1500 → "1.5k", 0.05 → "0.05".
func shortNumber(x float64) string {
	switch ax := math.Abs(x); {
	case ax >= 1e6:
		return strconv.FormatFloat(x/1e6, 'g', 3, 64) + "M"
	case ax >= 1e3:
		return strconv.FormatFloat(x/1e3, 'g', 3, 64) + "k"
	}
	return strconv.FormatFloat(x, 'g', 3, 64)
}

// GridPath draws every horizontal grid line as one path: one node instead of a group and a
// line per tick, since every render re-syncs every node.
func (c *Chart) GridPath() string {
	d := ""
	for _, t := range c.g.YTicks {
		d += "M44 " + P(t.Pos) + "H352"
	}
	return d
}
