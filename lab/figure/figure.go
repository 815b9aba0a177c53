// Package figure draws sweep results as pictures. It is kept out of package lab because
// gonum/plot (fonts, PDF, LaTeX) would otherwise triple the size of the page's main.wasm.
package figure

import (
	"gonum.org/v1/gonum/stat"

	"resnetplayground/lab"

	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Figure labels; tests look for the legend entries.
const (
	Title         = "Degradation: training error vs depth"
	PlainLabel    = "plain"
	ResidualLabel = "residual"
)

// Degradation draws the figure of He et al. (2015) from a sweep's results as SVG: the
// final training error (1 − training accuracy) against depth, one line for plain networks and
// one for residual ones. Each point is the mean over seeds; its error bar spans the best and
// the worst seed. Depth is on a log₂ axis labelled with the depths that ran, since sweeps
// usually double the depth.
func Degradation(results []lab.SweepResult, w io.Writer) error {
	if len(results) == 0 {
		return errors.New("figure: no sweep results to draw")
	}
	p := plot.New()
	p.Title.Text = Title
	p.X.Label.Text = "depth (residual blocks, log scale)"
	p.Y.Label.Text = "final training error (1 − accuracy)"
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())

	var depths []int
	for _, variant := range []struct {
		residual bool
		label    string
		color    color.Color
		shape    draw.GlyphDrawer
	}{
		{false, PlainLabel, color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}, draw.CircleGlyph{}},
		{true, ResidualLabel, color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}, draw.SquareGlyph{}},
	} {
		pts, bars := errorPoints(results, variant.residual)
		if len(pts) == 0 {
			continue
		}
		for _, pt := range pts {
			depths = append(depths, int(math.Round(math.Exp2(pt.X))))
		}
		line, scatter, err := plotter.NewLinePoints(pts)
		if err != nil {
			return fmt.Errorf("figure: %w", err)
		}
		line.Color = variant.color
		line.Width = vg.Points(1.5)
		scatter.Color = variant.color
		scatter.Shape = variant.shape
		scatter.Radius = vg.Points(3)
		errs, err := plotter.NewYErrorBars(bars)
		if err != nil {
			return fmt.Errorf("figure: %w", err)
		}
		errs.Color = variant.color
		p.Add(line, scatter, errs)
		p.Legend.Add(variant.label, line, scatter)
	}
	if len(depths) == 0 {
		return errors.New("figure: no finished run has a finite training accuracy")
	}
	// Headroom for the legend, and a floor so that errors of a few thousandths do not fill
	// the whole height and look like a large effect.
	p.Y.Max = math.Max(1.1*p.Y.Max, 0.1)
	p.X.Tick.Marker = depthTicks(depths)
	p.X.Min -= 0.25 // keep the first and last error bars off the frame
	p.X.Max += 0.25

	c := vgsvg.New(7*vg.Inch, 4.5*vg.Inch)
	p.Draw(draw.New(c))
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("figure: writing SVG: %w", err)
	}
	return nil
}

// errorBars are the points of one line with the distance from each mean down to the best seed
// and up to the worst seed; they satisfy the interfaces plotter.NewYErrorBars wants.
type errorBars struct {
	plotter.XYs
	low, high []float64
}

func (e errorBars) YError(i int) (float64, float64) { return e.low[i], e.high[i] }

// errorPoints returns one variant's points (x = log₂ depth, y = mean training error) sorted by
// depth, and their error bars. Runs with a non-finite accuracy are left out.
func errorPoints(results []lab.SweepResult, residual bool) (plotter.XYs, errorBars) {
	byDepth := map[int][]float64{}
	for _, r := range results {
		e := 1 - r.Final.TrainAcc
		if r.Residual != residual || r.Depth < 1 || math.IsNaN(e) || math.IsInf(e, 0) {
			continue
		}
		byDepth[r.Depth] = append(byDepth[r.Depth], e)
	}
	depths := make([]int, 0, len(byDepth))
	for d := range byDepth {
		depths = append(depths, d)
	}
	slices.Sort(depths)
	bars := errorBars{}
	for _, d := range depths {
		errs := byDepth[d]
		m := stat.Mean(errs, nil)
		bars.XYs = append(bars.XYs, plotter.XY{X: math.Log2(float64(d)), Y: m})
		bars.low = append(bars.low, m-slices.Min(errs))
		bars.high = append(bars.high, slices.Max(errs)-m)
	}
	return bars.XYs, bars
}

// depthTicks puts one labelled tick at each depth that ran, on the log₂ axis.
func depthTicks(depths []int) plot.ConstantTicks {
	slices.Sort(depths)
	depths = slices.Compact(depths)
	ticks := make(plot.ConstantTicks, len(depths))
	for i, d := range depths {
		ticks[i] = plot.Tick{Value: math.Log2(float64(d)), Label: strconv.Itoa(d)}
	}
	return ticks
}
