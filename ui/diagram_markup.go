package ui

import (
	"strconv"
	"strings"
)

// write is the diagram's SVG markup for the laid-out rows. Every text in it is ours (numbers
// and fixed words), escaped all the same.
func (c *Diagram) write() string {
	var b strings.Builder
	b.Grow(300 + 400*len(c.rows))
	out := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	out(`<svg class="diagram" viewBox="`, c.ViewBox(), `" width="320" height="`, c.Height(),
		`" role="group" aria-label="Network diagram: `, escapeXML(c.Summary()),
		`. Arrow keys move between shortcuts, Enter or Space toggles one.">`)
	out(`<line class="spine" x1="`, P(spineX), `" x2="`, P(spineX), `" y1="13" y2="`, P(c.OutputY()+13), `"></line>`)
	out(`<rect class="io" x="60" y="0" width="180" height="26" rx="13"></rect>`)
	out(`<text class="io-label" x="150" y="17">`, escapeXML(c.InputLabel()), `</text>`)
	for _, r := range c.rows {
		i := strconv.Itoa(r.Index)
		out(`<g class="`, r.Class, `" data-block="`, i, `"><title>`, escapeXML(r.Title), `</title>`)
		if r.ShowIndex {
			out(`<text class="index" x="24" y="`, P(r.LabelY), `">`, strconv.Itoa(r.Index+1), `</text>`)
		}
		for _, x := range r.Boxes {
			out(`<rect class="layer" x="`, P(x.X), `" y="`, P(x.Y), `" width="`, P(x.W), `" height="`, P(x.H), `" rx="3"></rect>`)
		}
		if r.ShowLabel {
			for _, x := range r.Boxes {
				out(`<text class="width-label" x="`, P(x.X+x.W/2), `" y="`, P(r.LabelY), `" font-size="`, P(r.FontSize), `">`, r.Width, `</text>`)
			}
		}
		out(`<path class="`, r.ArcClass, `" d="`, r.Arc, `"></path>`)
		out(`<rect class="arc-hit" x="`, P(r.Hit.X), `" y="`, P(r.Hit.Y), `" width="`, P(r.Hit.W), `" height="`, P(r.Hit.H), `" rx="6" data-arc="`, i,
			`" tabindex="`, r.TabIndex, `" role="switch" aria-checked="`, r.On, `" aria-label="`, escapeXML(r.ArcLabel), `"></rect></g>`)
	}
	out(`<rect class="io" x="60" y="`, P(c.OutputY()), `" width="180" height="26" rx="13"></rect>`)
	out(`<text class="io-label" x="150" y="`, P(c.OutputY()+17), `">`, escapeXML(c.OutputLabel()), `</text></svg>`)
	return b.String()
}
