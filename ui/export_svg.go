package ui

import (
	"fmt"
	"strings"
)

// ChartsSVG draws the loss and accuracy charts side by side as a standalone SVG file: the
// same geometry as on the page, with the styles written into the file (the page's CSS does
// not travel with it) and the experiment's link in its description, for a slide or a paper.
func (a *App) ChartsSVG() (svg string, width, height int) {
	r := &Root{App: a}
	charts := []*Chart{
		{Title: "Loss vs steps (log scale)", Series: r.LossSeries(), LogY: true},
		{Title: "Accuracy vs steps", Series: r.AccSeries(), Percent: true},
	}
	const head = 24 // room for each chart's title and key above its plot
	lr := FormatFloat(a.Spec.LR)
	if len(a.LRChanges) > 0 { // the link's lr is the latest; the curves trained at several
		lr = lrStory(a.Run)
	}
	label := experimentLabel(a.Spec, a.Metrics.Step, lr)
	width = int(chartW) * len(charts)
	height = int(chartH) + head + int(captionHeight(float64(width), label))

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, "<title>ResNet Playground: loss and accuracy</title>\n<desc>%s</desc>\n", escapeXML(
		fmt.Sprintf("step %d; experiment: #%s", a.Metrics.Step, a.Spec.String())))
	b.WriteString(`<style>
.frame { fill: #fbfcfd; stroke: #dde1e8; }
.grid { stroke: #e8ebf0; }
.tick { font-size: 9px; fill: #5b6475; }
.y { text-anchor: end; }
.x { text-anchor: middle; }
.title { font-size: 11px; font-weight: 600; fill: #1d2433; }
.key { font-size: 9px; fill: #5b6475; }
.series { fill: none; stroke-width: 2; stroke-linejoin: round; }
.train { stroke: #0072b2; }
.test { stroke: #d55e00; stroke-dasharray: 5 3; }
</style>
<rect width="100%" height="100%" fill="#ffffff"/>
`)
	for i, c := range charts {
		g := c.geometry()
		fmt.Fprintf(&b, "<g transform=\"translate(%d %d)\">\n", i*int(chartW), 0)
		fmt.Fprintf(&b, "<text class=\"title\" x=\"%g\" y=\"15\">%s</text>\n", plotL, escapeXML(c.Title))
		keyX := plotR - 110
		for _, l := range g.Lines {
			fmt.Fprintf(&b, "<line class=\"series %s\" x1=\"%g\" y1=\"11\" x2=\"%g\" y2=\"11\"/><text class=\"key\" x=\"%g\" y=\"14\">%s</text>\n",
				l.Class, keyX, keyX+18, keyX+22, escapeXML(l.Name))
			keyX += 55
		}
		fmt.Fprintf(&b, "<g transform=\"translate(0 %d)\">\n", head)
		writeAxes(&b, plotL, plotT, plotR, plotB, 4, 161, g.XTicks, g.YTicks)
		for _, l := range g.Lines {
			if l.Points != "" {
				fmt.Fprintf(&b, "<polyline class=\"series %s\" points=\"%s\"/>\n", l.Class, l.Points)
			}
		}
		b.WriteString("</g>\n</g>\n")
	}
	writeCaption(&b, chartH+head, float64(width), label)
	b.WriteString("</svg>\n")
	return b.String(), width, height
}

// writeAxes writes a plot's frame, its horizontal grid lines with their y labels (gap units
// left of the frame) and its x labels (at height xLabelY), for the exported SVG figures.
func writeAxes(b *strings.Builder, left, top, right, bottom, gap, xLabelY float64, xTicks, yTicks []Tick) {
	fmt.Fprintf(b, "<rect class=\"frame\" x=\"%g\" y=\"%g\" width=\"%g\" height=\"%g\"/>\n", left, top, right-left, bottom-top)
	for _, t := range yTicks {
		fmt.Fprintf(b, "<line class=\"grid\" x1=\"%g\" x2=\"%g\" y1=\"%s\" y2=\"%s\"/><text class=\"tick y\" x=\"%g\" y=\"%s\">%s</text>\n",
			left, right, P(t.Pos), P(t.Pos), left-gap, P(t.Pos+3), escapeXML(t.Label))
	}
	for _, t := range xTicks {
		fmt.Fprintf(b, "<text class=\"tick x\" x=\"%s\" y=\"%g\">%s</text>\n", P(t.Pos), xLabelY, escapeXML(t.Label))
	}
}
