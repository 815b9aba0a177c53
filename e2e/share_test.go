package e2e

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// captureDownloads makes <a download> clicks record the file instead of saving it, so a test
// can read what the page would have saved: window.__downloads gets {name, href} per file.
const captureDownloads = `(() => {
  window.__downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) { window.__downloads.push({name: this.download, href: this.href}); return; }
    return click.call(this);
  };
})()`

// download is a file the page saved.
type download struct {
	Name, Type string
	Text       string
	Head       []int  // the first bytes
	Base64     string // the whole file
}

// lastDownload waits for the nth file (1-based) and reads it through its object URL.
func (p *page) lastDownload(t *testing.T, n int) download {
	t.Helper()
	p.waitFor(t, "download "+strconv.Itoa(n), "window.__downloads.length >= "+strconv.Itoa(n), 10*time.Second)
	var d download
	p.run(t, "read the download", chromedp.Evaluate(`(async () => {
		const d = window.__downloads[`+strconv.Itoa(n-1)+`];
		const blob = await (await fetch(d.href)).blob();
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let bin = ""; for (const b of bytes) bin += String.fromCharCode(b);
		return {Name: d.name, Type: blob.type, Text: await blob.text(), Head: Array.from(bytes.slice(0, 8)), Base64: btoa(bin)};
	})()`, &d, awaitPromise))
	return d
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

func TestShareShowsAndCopiesTheLink(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*3&s=7")
	p.click(t, "#share-open")
	p.waitFor(t, "the link field", `document.querySelector("#share-url")`, 5*time.Second)
	var link, href string
	p.eval(t, `document.querySelector("#share-url").value`, &link)
	p.eval(t, `location.href`, &href)
	if link != href || !strings.Contains(link, "#") || !strings.Contains(link, "b=16x2r*3") || !strings.Contains(link, "s=7") {
		t.Errorf("shared link %q; want the page's address with the whole Spec in the hash (%q)", link, href)
	}
	// Headless Chromium may refuse the clipboard; either way the page must say what happened.
	p.waitFor(t, "a copy status", `/Copied|select the link/.test(document.querySelector("#share-status").textContent)`, 5*time.Second)

	// The open panel follows edits and view changes: it never shows a stale link.
	p.run(t, "change the seed", setValue("#set-seed", "9"))
	p.waitFor(t, "the shown link to follow the seed", `document.querySelector("#share-url").value.includes("s=9")`, 5*time.Second)
	p.click(t, "#view-twins")
	p.waitFor(t, "the shown link to name the view", `document.querySelector("#share-url").value === location.href && location.href.includes("view=twins")`, 5*time.Second)
	p.checkNoErrors(t)
}

func TestExportChartsAndMetrics(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*4")
	p.eval(t, captureDownloads, nil)
	p.click(t, "#play")
	p.waitFor(t, "some training", singleSteps+" > 40", 30*time.Second)
	p.click(t, "#play")
	p.waitFor(t, "the pause", `document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.settled(t) // the pause's report is the last one
	p.click(t, "#export-open")

	p.click(t, "#export-svg")
	svg := p.lastDownload(t, 1)
	if !strings.HasSuffix(svg.Name, ".svg") || !strings.HasPrefix(svg.Type, "image/svg+xml") {
		t.Errorf("SVG download: name %q type %q", svg.Name, svg.Type)
	}
	polylines := 0
	dec := xml.NewDecoder(strings.NewReader(svg.Text))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the exported SVG is not well-formed XML: %v\n%s", err, svg.Text)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "polyline" {
			polylines++
		}
	}
	if polylines != 4 {
		t.Errorf("the exported SVG has %d curves, want 4 (train and test, loss and accuracy)", polylines)
	}

	p.click(t, "#export-csv")
	csvFile := p.lastDownload(t, 2)
	rows, err := csv.NewReader(strings.NewReader(csvFile.Text)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(rows) < 2 || strings.Join(rows[0], ",") != "step,epoch,train_loss,train_acc,test_loss,test_acc,lr" {
		t.Fatalf("CSV header/rows: %q", rows[:min(len(rows), 2)])
	}
	// A row per recorded step: as many as the points of the accuracy chart's train curve.
	var points int
	p.eval(t, `document.querySelectorAll(".chart polyline.train")[1].getAttribute("points").trim().split(" ").length`, &points)
	if got := len(rows) - 1; got != points {
		t.Errorf("CSV has %d rows, the accuracy chart %d points", got, points)
	}
	last := rows[len(rows)-1]
	if step, _ := strconv.Atoi(last[0]); step < 40 {
		t.Errorf("last CSV row is step %q; training passed step 40", last[0])
	}
	for i, cell := range last[1:] {
		if _, err := strconv.ParseFloat(cell, 64); err != nil {
			t.Errorf("last row, column %s = %q, not a number", rows[0][i+1], cell)
		}
	}

	p.click(t, "#export-png")
	png := p.lastDownload(t, 3)
	if png.Type != "image/png" || len(png.Head) < 4 || png.Head[1] != 'P' || png.Head[2] != 'N' || png.Head[3] != 'G' {
		t.Errorf("PNG download: type %q, first bytes %v", png.Type, png.Head)
	}
	checkCaptionStrip(t, png, svg.Text)

	p.click(t, "#export-spec")
	spec := p.lastDownload(t, 4)
	if !strings.Contains(spec.Text, `"blocks"`) || !strings.Contains(spec.Text, `"shortcut": true`) {
		t.Errorf("Spec JSON download: %s", spec.Text)
	}
	p.checkNoErrors(t)
}

func TestImportSpecShowsFieldErrorsThenLoads(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "?view=single") // a bare address opens the twins
	p.click(t, "#export-open")
	paste := func(text string) {
		p.eval(t, `(() => {
			const ta = document.querySelector("#import-text");
			ta.value = `+strconv.Quote(text)+`;
			ta.dispatchEvent(new Event("input", {bubbles: true}));
		})()`, nil)
		// Vugu handles DOM events synchronously, in order: the text is Go's before the click.
		p.click(t, "#import-apply")
	}

	before := p.hash(t)
	paste(`{"lr": -1, "batch": 0}`)
	p.waitFor(t, "the import errors", `document.querySelectorAll("#import-errors li").length >= 2`, 5*time.Second)
	errs := p.text(t, "#import-errors")
	if !strings.Contains(errs, "lr") || !strings.Contains(errs, "batch") {
		t.Errorf("import errors %q should name each bad field (lr, batch)", errs)
	}
	if got := p.hash(t); got != before {
		t.Errorf("a bad import changed the experiment: hash %q → %q", before, got)
	}

	paste(`{"blocks": [{"width": 8, "layers": 1, "shortcut": true}], "seed": 42}`)
	p.waitFor(t, "the imported spec in the URL", `location.hash.includes("b=8x1r") && location.hash.includes("s=42")`, 5*time.Second)
	if n := p.count(t, "#import-errors li"); n != 0 {
		t.Errorf("%d import errors remain after a good import", n)
	}
	p.checkNoErrors(t)
}
