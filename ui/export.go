package ui

import (
	"fmt"
	"strings"
)

// Export downloads the charts (SVG, PNG), the metrics history (CSV, JSON) and the Spec (JSON),
// and loads a Spec JSON back, listing its problems field by field when it is not valid.
type Export struct {
	App     *App
	Browser Browser
	OnClose func()
	Extras  []ExtraExport // other views' downloads (Root.Extras)

	Text   string   // the pasted JSON
	Errors []string // why the last import failed
	Status string
	typed  Typed // the pasted text is left alone while it is being edited
}

// ExtraExport lets another view offer downloads here (the depth sweep, say) without this
// panel knowing about it: Data returns the file for a format (an SVG and its size for
// "png"), or an error to show.
type ExtraExport struct {
	Name, Label string
	Stem        string   // the downloads' file name without extension: what the view shows, not the Single run
	Formats     []string // "svg", "png", "csv", "json"
	Data        func(format string) (body []byte, width, height int, err error)
}

// ExportRow is one line of the panel: a label and its download buttons.
type ExportRow struct {
	Label   string
	Buttons []ExportButton
}

// ExportButton is one download.
type ExportButton struct {
	ID, Label string
	Do        func()
}

// Rows are the panel's downloads, built from a table rather than markup: every element in a
// .vugu file costs the wasm download a few hundred bytes of generated code.
func (c *Export) Rows() []ExportRow {
	rows := []ExportRow{
		{"Charts", []ExportButton{{"export-svg", "SVG", c.chartsSVG}, {"export-png", "PNG", c.chartsPNG}}},
		{"Metrics (" + Plural(len(c.App.History), "recorded step") + ")", []ExportButton{{"export-csv", "CSV", c.metricsCSV}, {"export-json", "JSON", c.metricsJSON}}},
		{"Settings", []ExportButton{{"export-spec", "Spec JSON", c.specJSON}}},
	}
	for _, x := range c.Extras {
		row := ExportRow{Label: x.Label}
		for _, f := range x.Formats {
			row.Buttons = append(row.Buttons, ExportButton{"export-" + x.Name + "-" + f, strings.ToUpper(f), func() { c.extra(x, f) }})
		}
		rows = append(rows, row)
	}
	return rows
}

// fileStem names downloads after the experiment, so several of them do not collide.
func (c *Export) fileStem() string {
	kind := "plain"
	if c.App.AllShortcuts() {
		kind = "residual"
	}
	return fmt.Sprintf("resnet-%s-%d-blocks-step-%d", kind, len(c.App.Spec.Blocks), c.App.Metrics.Step)
}

func (c *Export) download(ext, mime string, body []byte) {
	if c.Browser == nil {
		return
	}
	c.Browser.Download(c.fileStem()+"."+ext, mime, body)
	c.Status = "Saved " + c.fileStem() + "." + ext
}

func (c *Export) chartsSVG() {
	svg, _, _ := c.App.ChartsSVG()
	c.download("svg", "image/svg+xml", []byte(svg))
}

func (c *Export) chartsPNG() {
	c.png(c.fileStem(), func() (string, int, int) { return c.App.ChartsSVG() })
}

func (c *Export) png(stem string, draw func() (string, int, int)) {
	if c.Browser == nil {
		return
	}
	svg, w, h := draw()
	c.Status = "Drawing the PNG…"
	c.Browser.DownloadPNG(stem+".png", svg, w, h, 2, func(err error) {
		if err != nil {
			c.Status = "Could not draw the PNG: " + err.Error()
			return
		}
		c.Status = "Saved " + stem + ".png"
	})
}

func (c *Export) metricsCSV()  { c.download("csv", "text/csv", c.App.MetricsCSV()) }
func (c *Export) metricsJSON() { c.download("json", "application/json", c.App.MetricsJSON()) }

func (c *Export) specJSON() {
	if c.Browser == nil {
		return
	}
	name := fmt.Sprintf("resnet-spec-%d-blocks.json", len(c.App.Spec.Blocks))
	c.Browser.Download(name, "application/json", c.App.SpecJSON())
	c.Status = "Saved " + name
}

func (c *Export) extra(x ExtraExport, format string) {
	body, w, h, err := x.Data(format)
	if err != nil {
		c.Status = err.Error()
		return
	}
	stem := x.Stem
	if stem == "" {
		stem = c.fileStem() + "-" + x.Name
	}
	if format == "png" {
		c.png(stem, func() (string, int, int) { return string(body), w, h })
		return
	}
	mime := map[string]string{"svg": "image/svg+xml", "csv": "text/csv", "json": "application/json"}[format]
	if c.Browser != nil {
		c.Browser.Download(stem+"."+format, mime, body)
		c.Status = "Saved " + stem + "." + format
	}
}

func (c *Export) importFile() {
	if c.Browser == nil {
		return
	}
	c.Browser.ReadFile("import-file", func(text string, err error) {
		if err != nil {
			c.Errors = []string{"could not read the file: " + err.Error()}
			return
		}
		c.Text = text
		c.load(text)
	})
}

func (c *Export) load(text string) {
	c.Errors = c.App.ImportSpec(text)
	c.Status = ""
	if len(c.Errors) == 0 {
		c.Status = "Loaded: " + strings.TrimSuffix(c.App.Spec.String(), "&")
	}
}
