package ui

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// SweepPlot draws a sweep's final error against depth, depth on a log2 axis: training error
// solid, test error dashed, plain and residual in their twin colours, a dot per finished
// run. Lines fill in as runs finish. A handful of SVG nodes whatever the sweep's size.
type SweepPlot struct {
	Run *SweepRun

	g sweepGeom
}

type sweepGeom struct {
	Lines          []Line
	Dots           []SweepDot
	XTicks, YTicks []Tick
	ChanceY        float64 // 0 when the chance line is off the plot
	ChanceLabel    string
}

// SweepDot is one finished run's training error.
type SweepDot struct {
	X, Y  float64
	R     string // radius: residual dots are larger rings, so a plain dot under one still shows
	Class string
	Title string
}

// The plot's coordinate system (its viewBox).
const (
	sweepW, sweepH                 = 560.0, 280.0
	sweepL, sweepR, sweepT, sweepB = 52.0, 546.0, 12.0, 246.0
	sweepXLabelY, sweepXNameY      = 261.0, 276.0
)

// BeforeBuild lays the plot out from the run.
func (c *SweepPlot) BeforeBuild() { c.g = sweepGeometry(c.Run) }

func sweepGeometry(r *SweepRun) sweepGeom {
	var g sweepGeom
	if r == nil {
		return g
	}
	depths := map[int]bool{}
	for _, j := range r.Jobs {
		depths[j.Depth()] = true
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

	yhi := 0.5
	for _, p := range r.Points {
		if p.Done && p.Err == "" {
			yhi = max(yhi, 1-p.TrainAcc, 1-p.TestAcc)
		}
	}
	yhi = min(math.Ceil(yhi*10-1e-9)/10, 1)
	sy := func(err float64) float64 {
		return sweepB - (sweepB-sweepT)*min(max(err, 0), yhi)/yhi
	}

	for _, d := range ds {
		g.XTicks = append(g.XTicks, Tick{sx(d), strconv.Itoa(d)})
	}
	for _, y := range NiceTicks(0, yhi, 5) {
		g.YTicks = append(g.YTicks, Tick{sy(y), strconv.Itoa(int(math.Round(100*y))) + "%"})
	}
	if chance := 1 - 1/float64(max(r.Classes, 2)); chance <= yhi {
		g.ChanceY, g.ChanceLabel = sy(chance), "chance ("+strconv.Itoa(int(math.Round(100*chance)))+"% error)"
	}

	for _, residual := range []bool{false, true} {
		name := TwinNames[Plain]
		if residual {
			name = TwinNames[Residual]
		}
		type run struct {
			depth      int
			train, tst float64
		}
		var runs []run
		for i, j := range r.Jobs {
			if p := r.Points[i]; p.Done && p.Err == "" && j.Residual() == residual {
				runs = append(runs, run{j.Depth(), 1 - p.TrainAcc, 1 - p.TestAcc})
				radius := "4"
				if residual {
					radius = "6"
				}
				g.Dots = append(g.Dots, SweepDot{X: sx(j.Depth()), Y: sy(1 - p.TrainAcc), R: radius, Class: "twin-" + name,
					Title: name + ", " + strconv.Itoa(j.Depth()) + " blocks: training error " + Percent(1-p.TrainAcc) + ", test error " + Percent(1-p.TestAcc)})
			}
		}
		sort.Slice(runs, func(a, b int) bool { return runs[a].depth < runs[b].depth })
		var train, test []string
		for _, x := range runs {
			train = append(train, P(sx(x.depth))+","+P(sy(x.train)))
			test = append(test, P(sx(x.depth))+","+P(sy(x.tst)))
		}
		g.Lines = append(g.Lines,
			Line{Name: name + " training error", Class: "twin-" + name, Points: strings.Join(train, " ")},
			Line{Name: name + " test error", Class: "twin-" + name + " twin-test", Points: strings.Join(test, " ")})
	}
	return g
}
