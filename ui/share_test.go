package ui

import (
	"resnetplayground/ui/link"
	"strings"
	"testing"
)

// fakeBrowser answers like a browser would, at once.
type fakeBrowser struct {
	url      string
	copyOK   bool
	copied   []string
	saved    map[string][]byte
	fileText string
}

func (b *fakeBrowser) PageURL() string { return b.url }
func (b *fakeBrowser) Copy(text string, done func(bool)) {
	b.copied = append(b.copied, text)
	done(b.copyOK)
}
func (b *fakeBrowser) Download(name, _ string, body []byte) {
	if b.saved == nil {
		b.saved = map[string][]byte{}
	}
	b.saved[name] = body
}
func (b *fakeBrowser) DownloadPNG(name, svg string, _, _, _ int, done func(error)) {
	b.Download(name, "image/png", []byte(svg))
	done(nil)
}
func (b *fakeBrowser) ReadFile(_ string, done func(string, error)) { done(b.fileText, nil) }

func TestShareCopiesTheLinkOrSaysHowTo(t *testing.T) {
	for _, ok := range []bool{true, false} {
		b := &fakeBrowser{url: "https://x.org/p/index.html#old", copyOK: ok}
		c := &Share{App: NewApp(&fakeHost{}, "#b=16x2r*2", 1), Browser: b}
		c.share()
		want := "https://x.org/p/index.html#" + c.App.Spec.String()
		if c.Open != "share" || c.Link != want || len(b.copied) != 1 || b.copied[0] != want {
			t.Errorf("copy ok=%v: panel %q, link %q, copied %q; want the share panel and %q", ok, c.Open, c.Link, b.copied, want)
		}
		if ok != strings.HasPrefix(c.Status, "Copied") {
			t.Errorf("copy ok=%v: status %q", ok, c.Status)
		}
	}
}

func TestEmbedDialogKeepsAViewAndPageOrder(t *testing.T) {
	o := link.DefaultEmbedOptions()
	d := &EmbedDialog{App: NewApp(&fakeHost{}, "", 1), Browser: &fakeBrowser{url: "https://x.org/p/"}, Opts: &o}
	d.setView("diagram", true)
	d.setView("controls", true)
	if got := strings.Join(o.Views, ","); got != "controls,diagram,heatmap,charts" {
		t.Errorf("views %q, want page order", got)
	}
	for _, v := range []string{"controls", "diagram", "heatmap", "charts"} {
		d.setView(v, false)
	}
	if len(o.Views) != 1 || d.Status == "" {
		t.Errorf("views %q, status %q; the last view must stay, with a reason", o.Views, d.Status)
	}
	d.setHeight("12")
	if o.Height != link.MinEmbedHeight {
		t.Errorf("height %d, want it clamped to %d", o.Height, link.MinEmbedHeight)
	}
	if !strings.Contains(d.Snippet(), `src="https://x.org/p/embed.html?views=charts#`) {
		t.Errorf("snippet %s", d.Snippet())
	}
	if strings.Contains(d.PreviewSrc(), "autoplay") || strings.Contains(d.PreviewSrc(), "://") {
		t.Errorf("preview %q; want a relative address that does not autoplay", d.PreviewSrc())
	}
}

func TestExportDownloadsNameTheExperiment(t *testing.T) {
	a, _ := trainedApp(3)
	b := &fakeBrowser{}
	c := &Export{App: a, Browser: b}
	for _, row := range c.Rows() {
		for _, btn := range row.Buttons {
			btn.Do()
		}
	}
	for _, ext := range []string{".svg", ".png", ".csv", ".json"} {
		found := false
		for name := range b.saved {
			found = found || strings.HasSuffix(name, ext) && strings.Contains(name, "residual-3-blocks")
		}
		if !found {
			t.Errorf("no %s download named after the experiment; got %v", ext, keys(b.saved))
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
