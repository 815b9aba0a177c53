package figure

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"

	"resnetplayground/lab"
)

// Colours of the two twins in line charts, as in the degradation figure.
var (
	plainColour    = color.RGBA{R: 0xd6, G: 0x27, B: 0x28, A: 0xff}
	residualColour = color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff}
)

// Titles of the landscape figure's panels; tests look for them.
const (
	PlainLandscapeTitle    = "plain: log₁₀ training loss"
	ResidualLandscapeTitle = "residual: log₁₀ training loss"
	SliceTitle             = "1-D slice through the trained weights (along δ)"
	LineTitle              = "from the initial to the trained weights"
)

// logGrid is a landscape as plotter.GridXYZ: z = log₁₀ loss, column c at α = Axis[c], row r at
// β = Axis[r]; a loss that is not positive and finite is NaN (drawn blank).
type logGrid struct{ l lab.Landscape }

func (g logGrid) Dims() (c, r int) { return len(g.l.Axis), len(g.l.Loss) }
func (g logGrid) X(c int) float64  { return g.l.Axis[c] }
func (g logGrid) Y(r int) float64  { return g.l.Axis[r] }
func (g logGrid) Z(c, r int) float64 {
	if v := g.l.Loss[r][c]; v > 0 && !math.IsInf(v, 0) {
		return math.Log10(v)
	}
	return math.NaN()
}

// zRange is the range of log₁₀ loss over both grids.
func zRange(gs ...logGrid) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, g := range gs {
		c, r := g.Dims()
		for i := range c {
			for j := range r {
				if z := g.Z(i, j); !math.IsNaN(z) {
					lo, hi = math.Min(lo, z), math.Max(hi, z)
				}
			}
		}
	}
	return lo, hi
}

// Landscapes draws the twins' loss landscapes (Li et al. 2018) as SVG: two heatmaps of log₁₀
// training loss side by side on one colour scale, with contour lines every quarter decade,
// and below them the 1-D slices through the trained weights, both twins on one chart (if the
// landscapes have slices).
func Landscapes(plain, residual lab.Landscape, w io.Writer) error {
	pg, rg := logGrid{plain}, logGrid{residual}
	if len(plain.Axis) < 2 || len(residual.Axis) < 2 {
		return errors.New("figure: a landscape needs a grid of at least 2×2")
	}
	lo, hi := zRange(pg, rg)
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return errors.New("figure: the landscapes have no finite loss")
	}
	if hi-lo < 1e-9 {
		hi = lo + 1e-9
	}
	var levels []float64
	for z := math.Ceil(4*lo) / 4; z <= hi; z += 0.25 {
		levels = append(levels, z)
	}
	heat := func(g logGrid, title string) *plot.Plot {
		p := plot.New()
		p.Title.Text = title
		p.X.Label.Text = "α (along δ)"
		p.Y.Label.Text = "β (along η)"
		h := plotter.NewHeatMap(g, moreland.ExtendedBlackBody().Palette(128))
		h.Min, h.Max = lo, hi
		h.NaN = color.White
		p.Add(h)
		if len(levels) > 0 {
			c := plotter.NewContour(g, levels, nil)
			c.LineStyles = []draw.LineStyle{{Color: color.Gray{Y: 0xe0}, Width: vg.Points(0.6)}}
			p.Add(c)
		}
		centre := plotter.XYs{{X: 0, Y: 0}}
		s, _ := plotter.NewScatter(centre)
		s.Shape = draw.CrossGlyph{}
		s.Color = color.RGBA{G: 0xcc, B: 0xff, A: 0xff}
		s.Radius = vg.Points(4)
		p.Add(s)
		return p
	}
	top := []*plot.Plot{heat(pg, PlainLandscapeTitle), heat(rg, ResidualLandscapeTitle)}
	rows := [][]*plot.Plot{top}
	slice, err := curves(SliceTitle, "α", plain.SliceAxis, plain.Slice, residual.Slice)
	if err != nil {
		return err
	}
	line, err := curves(LineTitle, "t (0: initial weights, 1: trained)", plain.LineAxis, plain.Line, residual.Line)
	if err != nil {
		return err
	}
	if slice != nil || line != nil {
		rows = append(rows, []*plot.Plot{slice, line})
	}
	return writeRows(w, rows, 4.5*vg.Inch)
}

// curves is a chart of both twins' training loss (log scale) over axis, or nil without data.
func curves(title, xLabel string, axis, plain, residual []float64) (*plot.Plot, error) {
	if len(axis) == 0 || len(plain) != len(axis) || len(residual) != len(axis) {
		return nil, nil
	}
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = xLabel
	p.Y.Label.Text = "training loss (log scale)"
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Legend.Top = true
	drawn := false
	for _, v := range []struct {
		ys     []float64
		label  string
		colour color.Color
	}{{plain, PlainLabel, plainColour}, {residual, ResidualLabel, residualColour}} {
		var pts plotter.XYs
		for i, a := range axis {
			if y := v.ys[i]; y > 0 && !math.IsInf(y, 0) {
				pts = append(pts, plotter.XY{X: a, Y: y})
			}
		}
		if len(pts) == 0 {
			continue
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("figure: %w", err)
		}
		line.Color, line.Width = v.colour, vg.Points(1.5)
		p.Add(line)
		p.Legend.Add(v.label, line)
		drawn = true
	}
	if !drawn {
		return nil, nil
	}
	return p, nil
}

// Shattered draws the twins' shattered gradients (Balduzzi et al. 2017) as SVG: four line
// charts of ∂(z₁ − z₀)/∂x along the line, plain and residual, at initialisation and after
// training, each titled with its lag-1 autocorrelation. A nil series leaves its chart out.
func Shattered(plainInit, plainNow, residualInit, residualNow *lab.Shattered, w io.Writer) error {
	chart := func(s *lab.Shattered, who, when string, colour color.Color) (*plot.Plot, error) {
		if s == nil {
			return nil, nil
		}
		p := plot.New()
		p.Title.Text = fmt.Sprintf("%s, %s: lag-1 autocorrelation %.2f", who, when, s.Autocorr)
		p.X.Label.Text = "x (along y = 0)"
		p.Y.Label.Text = "∂(z₁ − z₀)/∂x"
		pts := make(plotter.XYs, 0, len(s.X))
		for i, x := range s.X {
			if g := s.Grad[i]; !math.IsNaN(g) && !math.IsInf(g, 0) {
				pts = append(pts, plotter.XY{X: x, Y: g})
			}
		}
		if len(pts) == 0 {
			return p, nil
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, fmt.Errorf("figure: %w", err)
		}
		line.Color, line.Width = colour, vg.Points(1)
		p.Add(line)
		return p, nil
	}
	var rows [][]*plot.Plot
	for _, r := range []struct {
		init, now *lab.Shattered
		who       string
		colour    color.Color
	}{{plainInit, plainNow, PlainLabel, plainColour}, {residualInit, residualNow, ResidualLabel, residualColour}} {
		a, err := chart(r.init, r.who, "at initialisation", r.colour)
		if err != nil {
			return err
		}
		b, err := chart(r.now, r.who, "after training", r.colour)
		if err != nil {
			return err
		}
		if a != nil || b != nil {
			rows = append(rows, []*plot.Plot{a, b})
		}
	}
	if len(rows) == 0 {
		return errors.New("figure: no shattered gradients to draw")
	}
	return writeRows(w, rows, 3.5*vg.Inch)
}

// writeRows writes rows of two plots each, rowHeight tall and 10 inches wide, as one SVG; a
// nil plot leaves its tile empty.
func writeRows(w io.Writer, rows [][]*plot.Plot, rowHeight vg.Length) error {
	c := vgsvg.New(10*vg.Inch, rowHeight*vg.Length(len(rows)))
	tiles := draw.Tiles{Rows: len(rows), Cols: 2, PadX: vg.Points(18), PadY: vg.Points(18),
		PadTop: vg.Points(8), PadBottom: vg.Points(8), PadLeft: vg.Points(8), PadRight: vg.Points(8)}
	canvases := plot.Align(rows, tiles, draw.New(c))
	for i, row := range rows {
		for j, p := range row {
			if p != nil {
				p.Draw(canvases[i][j])
			}
		}
	}
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("figure: writing SVG: %w", err)
	}
	return nil
}
