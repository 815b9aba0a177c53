package ui

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"resnetplayground/lab"
)

// SweepPlot draws a sweep's final error against depth, depth on a log2 axis: training error
// solid, test error dashed, plain and residual in their twin colours, a dot per depth and
// variant at the mean over its finished seeds, with a whisker from the best seed's training
// error to the worst's when there are several. Lines fill in as runs finish. A handful of SVG
// nodes whatever the sweep's size.
type SweepPlot struct {
	Run *SweepRun

	g sweepGeom
}

type sweepGeom struct {
	Lines          []Line
	Dots           []SweepDot
	Whiskers       []SweepWhisker
	XTicks, YTicks []Tick
	ChanceY        float64 // 0 when the chance line is off the plot
	ChanceLabel    string
	XName          string // the x axis: blocks, or for convolutional networks weight layers
}

// SweepWhisker spans the training errors of one depth and variant's seeds: one SVG path, a
// vertical line with a cap at each end.
type SweepWhisker struct {
	Path  string
	Class string
}

// SweepDot is one depth and variant's mean training error over its finished seeds.
type SweepDot struct {
	X, Y  float64
	R     string // radius: residual dots are larger rings, so a plain dot under one still shows
	Class string
	Title string
}

// The plot's coordinate system (its viewBox). The SVG scales with the page, so its text
// does too: on a phone the plot is 350 px wide and 10 units would be 6 px. The stylesheet
// sizes the tick text by the plot's own width (a container query) so it is 11 to 16 px on
// screen: 11 to sweepTickMax units. The layout leaves room for text that size: x labels
// hang from sweepXTickY and y labels are centred on their grid line, whatever the size, and
// the left margin fits "100%" at sweepTickMax.
const (
	sweepW, sweepH                 = 560.0, 280.0
	sweepL, sweepR, sweepT, sweepB = 64.0, 546.0, 12.0, 246.0
	sweepXLabelY, sweepXNameY      = 261.0, 276.0 // the exported figure's, at 9 units
	sweepXTickY                    = sweepB + 5   // the page's x labels hang from here
	sweepTickMax                   = 24.0         // the largest tick text, in units (style.css)
)

// sweepDigitW is a digit's width at sweepTickMax, a little over the 0.55 em of common sans
// serifs, for keeping x labels apart.
const sweepDigitW = 0.6 * sweepTickMax

// spacedTicks drops x ticks whose labels, charW units a character, would come within gap of
// the one kept before them: depths close together on the log axis (30, 31, 32) keep the first.
func spacedTicks(ticks []Tick, charW, gap float64) []Tick {
	var kept []Tick
	right := math.Inf(-1)
	for _, t := range ticks {
		half := charW * float64(len([]rune(t.Label))) / 2
		if t.Pos-half < right+gap {
			continue
		}
		kept = append(kept, t)
		right = t.Pos + half
	}
	return kept
}

// BeforeBuild lays the plot out from the run.
func (c *SweepPlot) BeforeBuild() { c.g = sweepGeometry(c.Run) }

func sweepGeometry(r *SweepRun) sweepGeom {
	g := sweepGeom{XName: "blocks (log scale)"}
	if r == nil {
		return g
	}
	// Convolutional networks are named by their weight layers (6n+2), as the paper and the
	// sweep's table name them; the plot's x positions stay those of the blocks.
	depths, label := map[int]bool{}, map[int]int{}
	for _, j := range r.Jobs {
		depths[j.Depth()] = true
		label[j.Depth()] = j.Depth()
		if j.Spec.IsConv() {
			label[j.Depth()] = lab.WeightLayers(j.Spec)
			g.XName = "weight layers, 6n+2 (log scale)"
		}
	}
	var ds []int
	for d := range depths {
		ds = append(ds, d)
	}
	sort.Ints(ds)
	xlo, xhi := 0.0, 6.0 // 1 to 64 blocks, before a sweep says otherwise
	if len(ds) > 0 {
		xlo, xhi = math.Log2(float64(ds[0])), math.Log2(float64(ds[len(ds)-1]))
	}
	xlo, xhi = xlo-0.4, xhi+0.4
	sx := func(d int) float64 {
		return sweepL + (sweepR-sweepL)*(math.Log2(float64(d))-xlo)/(xhi-xlo)
	}

	groups := r.Groups()
	yhi := 0.5
	for _, gr := range groups {
		if gr.Done > 0 {
			yhi = max(yhi, finiteOr0(gr.TrainErr.Max), finiteOr0(gr.TestErr.Max))
		}
	}
	yhi = min(math.Ceil(yhi*10-1e-9)/10, 1)
	sy := func(err float64) float64 {
		return sweepB - (sweepB-sweepT)*min(max(finiteOr0(err), 0), yhi)/yhi
	}

	for _, d := range ds {
		g.XTicks = append(g.XTicks, Tick{Pos: sx(d), Label: strconv.Itoa(label[d])})
	}
	g.XTicks = spacedTicks(g.XTicks, sweepDigitW, 4)
	for _, y := range NiceTicks(0, yhi, 5) {
		g.YTicks = append(g.YTicks, Tick{Pos: sy(y), Label: strconv.Itoa(int(math.Round(100*y))) + "%"})
	}
	if chance := 1 - 1/float64(max(r.Classes, 2)); chance <= yhi {
		g.ChanceY, g.ChanceLabel = sy(chance), "chance ("+strconv.Itoa(int(math.Round(100*chance)))+"% error)"
	}

	for _, residual := range []bool{false, true} {
		name := TwinNames[Plain]
		radius := "4"
		if residual {
			name, radius = TwinNames[Residual], "6"
		}
		var train, test []string
		for _, gr := range groups {
			if gr.Residual != residual || gr.Done == 0 {
				continue
			}
			x := sx(gr.Depth)
			train = append(train, P(x)+","+P(sy(gr.TrainErr.Mean)))
			test = append(test, P(x)+","+P(sy(gr.TestErr.Mean)))
			g.Dots = append(g.Dots, SweepDot{X: x, Y: sy(gr.TrainErr.Mean), R: radius, Class: "twin-" + name,
				Title: name + ", " + strconv.Itoa(gr.Depth) + " blocks: " + groupSummary(gr)})
			if gr.Done > 1 {
				lo, hi := sy(gr.TrainErr.Min), sy(gr.TrainErr.Max)
				g.Whiskers = append(g.Whiskers, SweepWhisker{Class: "twin-" + name,
					Path: "M" + P(x) + " " + P(lo) + "V" + P(hi) + "M" + P(x-4) + " " + P(lo) + "h8M" + P(x-4) + " " + P(hi) + "h8"})
			}
		}
		g.Lines = append(g.Lines,
			Line{Name: name + " training error", Class: "twin-" + name, Points: strings.Join(train, " ")},
			Line{Name: name + " test error", Class: "twin-" + name + " twin-test", Points: strings.Join(test, " ")})
	}
	return g
}

// finiteOr0 keeps a NaN (no finite value to show) from poisoning the plot's scale.
func finiteOr0(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return x
}
