package ui

import (
	"errors"
	"fmt"
	"strings"

	"resnetplayground/ui/export"
)

// The depth sweep's downloads: its figure (SVG, PNG) and its results (CSV, JSON), offered in
// the Export panel once at least one run of the sweep has finished.

// Extras are the Export panel's downloads beyond the single network's.
func (c *Root) Extras() []ExtraExport {
	if c.Compare == nil || !sweepHasResults(&c.Compare.Sweep) {
		return nil
	}
	r := &c.Compare.Sweep
	return []ExtraExport{{
		Name: "sweep", Label: "Depth sweep", Formats: []string{"svg", "png", "csv", "json"}, Stem: sweepStem(r),
		Data: func(format string) ([]byte, int, int, error) { return sweepFile(r, format) },
	}}
}

// sweepStem names the sweep's downloads after the sweep itself (its depths and steps per
// run), not after whatever the Single view's network has reached.
func sweepStem(r *SweepRun) string {
	lo, hi := 0, 0
	for i, j := range r.Jobs {
		if d := j.Depth(); i == 0 || d < lo {
			lo = d
		}
		if d := j.Depth(); d > hi {
			hi = d
		}
	}
	steps := 0
	if len(r.Jobs) > 0 {
		steps = r.Jobs[0].Steps
	}
	return fmt.Sprintf("resnet-sweep-depth-%d-to-%d-%d-steps", lo, hi, steps)
}

func sweepHasResults(r *SweepRun) bool {
	for _, p := range r.Points {
		if p.Done && p.Err == "" {
			return true
		}
	}
	return false
}

// SweepResultRows are the finished runs, in the sweep's order.
func SweepResultRows(r *SweepRun) []export.SweepRow {
	var rows []export.SweepRow
	for i, j := range r.Jobs {
		if i >= len(r.Points) || !r.Points[i].Done || r.Points[i].Err != "" {
			continue
		}
		p := r.Points[i]
		rows = append(rows, export.SweepRow{
			Depth: j.Depth(), Residual: j.Residual(), Seed: j.Spec.Seed, Steps: p.Step,
			TrainAcc: export.Finite(p.TrainAcc), TestAcc: export.Finite(p.TestAcc),
			TrainLoss: export.Finite(p.TrainLoss), TestLoss: export.Finite(p.TestLoss),
			Diverged: p.Diverged, Link: j.Spec.String(),
		})
	}
	return rows
}

func sweepFile(r *SweepRun, format string) ([]byte, int, int, error) {
	rows := SweepResultRows(r)
	if len(rows) == 0 {
		return nil, 0, 0, errors.New("no run of the sweep has finished yet")
	}
	switch format {
	case "csv":
		return export.SweepCSV(rows), 0, 0, nil
	case "json":
		return export.SweepJSON(rows), 0, 0, nil
	case "svg", "png":
		svg, height := sweepSVG(r)
		return []byte(svg), int(sweepW), int(height), nil
	}
	return nil, 0, 0, fmt.Errorf("the sweep cannot be exported as %q", format)
}

// sweepHead is the room above the exported sweep plot for its title and key.
const sweepHead = 24

// sweepSVG is the sweep figure as a standalone file, styles included, and its height.
func sweepSVG(r *SweepRun) (svg string, height float64) {
	g := sweepGeometry(r)
	const head = sweepHead
	label := SweepLabel(r)
	height = sweepH + head + captionHeight(sweepW, label)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%g" height="%g" viewBox="0 0 %g %g" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">`+"\n",
		sweepW, height, sweepW, height)
	b.WriteString(`<title>ResNet Playground: final error against depth</title>
<style>
.frame { fill: #fbfcfd; stroke: #dde1e8; }
.grid { stroke: #e8ebf0; }
.tick, .axis-name, .key, .chance-label { font-size: 9px; fill: #5b6475; }
.y, .axis-name { text-anchor: end; }
.x { text-anchor: middle; }
.title { font-size: 11px; font-weight: 600; fill: #1d2433; }
.series { fill: none; stroke-width: 2; stroke-linejoin: round; }
.twin-plain { stroke: #d55e00; }
.twin-residual { stroke: #009e73; }
.twin-test { stroke-dasharray: 5 3; stroke-width: 1.5; }
.dot { stroke: #fff; stroke-width: 1.5; }
.dot.twin-plain { fill: #d55e00; }
.dot.twin-residual { fill: #009e73; }
.whisker { fill: none; stroke-width: 1.5; opacity: 0.75; }
.chance { stroke: #aab2c0; stroke-dasharray: 2 3; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
`)
	fmt.Fprintf(&b, "<text class=\"title\" x=\"%g\" y=\"15\">Final error against depth</text>\n", sweepL)
	fmt.Fprintf(&b, "<text class=\"key\" x=\"%g\" y=\"15\" text-anchor=\"end\">plain (vermillion), residual (green); solid: training, dashed: test%s</text>\n", sweepR, seedsKey(r))
	fmt.Fprintf(&b, "<g transform=\"translate(0 %d)\">\n", head)
	writeAxes(&b, sweepL, sweepT, sweepR, sweepB, 5, sweepXLabelY, g.XTicks, g.YTicks)
	fmt.Fprintf(&b, "<text class=\"axis-name\" x=\"%g\" y=\"%g\">blocks (log scale)</text>\n", sweepR, sweepXNameY)
	if g.ChanceY > 0 {
		fmt.Fprintf(&b, "<line class=\"chance\" x1=\"%g\" x2=\"%g\" y1=\"%s\" y2=\"%s\"/><text class=\"chance-label\" x=\"%g\" y=\"%s\">%s</text>\n",
			sweepL, sweepR, P(g.ChanceY), P(g.ChanceY), sweepL+4, P(g.ChanceY-4), escapeXML(g.ChanceLabel))
	}
	for _, l := range g.Lines {
		if l.Points != "" {
			fmt.Fprintf(&b, "<polyline class=\"series %s\" points=\"%s\"/>\n", l.Class, l.Points)
		}
	}
	for _, w := range g.Whiskers {
		fmt.Fprintf(&b, "<path class=\"whisker %s\" d=\"%s\"/>\n", w.Class, w.Path)
	}
	for _, d := range g.Dots {
		fmt.Fprintf(&b, "<circle class=\"dot %s\" cx=\"%s\" cy=\"%s\" r=\"%s\"><title>%s</title></circle>\n", d.Class, P(d.X), P(d.Y), d.R, escapeXML(d.Title))
	}
	b.WriteString("</g>\n")
	writeCaption(&b, sweepH+head, sweepW, label)
	b.WriteString("</svg>\n")
	return b.String(), height
}

// seedsKey explains the dots and whiskers of a sweep over several seeds.
func seedsKey(r *SweepRun) string {
	if n := r.Seeds(); n > 1 {
		return "; mean of " + Itoa(n) + " seeds, whiskers: range"
	}
	return ""
}
