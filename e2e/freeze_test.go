package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Vugu renders through a 16 KB instruction buffer: a value larger than that used to fail
// every render from then on, freezing the page (issue 12 §1). Each of these used to put one
// there: an import of a big file, an import error quoting a 100 KB value, a 20 KB ?view=,
// ?depths= or unknown embed option, all quoted in notices.

// stillAlive checks that the page renders: no render failed, nothing was logged, a notice
// (in sel) is short, and pressing Step moves the step counter.
func (p *page) stillAlive(t *testing.T, sel string) {
	t.Helper()
	var failed bool
	p.eval(t, `document.body.hasAttribute("data-render-failed")`, &failed)
	if failed {
		t.Error("a render failed")
	}
	if sel != "" {
		if n := len(p.text(t, sel)); n == 0 || n > 2000 {
			t.Errorf("%s: %d characters shown; want a short message", sel, n)
		}
	}
	before := p.steps(t)
	p.click(t, "#step")
	p.waitFor(t, "a step", singleSteps+" > "+strconv.Itoa(before), 10*time.Second)
	p.checkNoErrors(t)
}

// importFile chooses a file with the Import panel's file input, as a user does.
func (p *page) importFile(t *testing.T, name, body string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	p.run(t, "choose "+name, chromedp.SetUploadFiles("#import-file", []string{path}, chromedp.ByQuery))
}

func TestBigImportsDoNotFreezeThePage(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*4")
	p.click(t, "#play")
	p.waitFor(t, "training", singleSteps+" > 20", 30*time.Second)
	p.click(t, "#export-open")

	// The page's own metrics export, 40 KB: not a Spec.
	var rows []string
	for i := range 600 {
		rows = append(rows, `{"step":`+strconv.Itoa(i*10)+`,"epoch":0.5,"train_loss":0.6931,"train_acc":0.5,"test_loss":0.6931,"test_acc":0.5}`)
	}
	p.importFile(t, "metrics.json", `{"history":[`+strings.Join(rows, ",")+`]}`)
	p.waitFor(t, "the import errors", `document.querySelectorAll("#import-errors li").length > 0`, 10*time.Second)
	at := p.steps(t)
	p.waitFor(t, "training to go on", singleSteps+" > "+strconv.Itoa(at), 10*time.Second)

	// A field whose 100 KB value the error quotes.
	p.importFile(t, "huge.json", `{"dataset":"`+strings.Repeat("x", 100_000)+`"}`)
	p.waitFor(t, "the dataset error", `/dataset/.test(document.querySelector("#import-errors").textContent)`, 10*time.Second)
	p.click(t, "#play") // pause
	p.waitFor(t, "the pause", `document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.stillAlive(t, "#import-errors")
}

func TestHugeLinksDoNotFreezeThePage(t *testing.T) {
	p := newPage(t, 1280, 800)
	huge := strings.Repeat("z", 20_000)
	for _, query := range []string{"?view=" + huge, "?view=sweep&depths=" + huge} {
		p.run(t, "open "+query[:12]+"…", chromedp.Navigate(site("/")+query+"#b=16x2r*2"))
		p.waitFor(t, "the page", `document.body.hasAttribute("data-ready")`, 30*time.Second)
		p.waitFor(t, "a notice", `document.querySelector(".notice")`, 10*time.Second)
		if n := len(p.text(t, ".notice")); n > 2000 {
			t.Errorf("%s…: the notice is %d characters long", query[:12], n)
		}
	}
	// The sweep view has no Step button: the single view, after a failed render there,
	// would be frozen too.
	p.click(t, "#view-single")
	p.waitFor(t, "the single view", `document.querySelector("#step")`, 10*time.Second)
	p.stillAlive(t, "")
}

func TestHugeEmbedOptionDoesNotFreezeTheEmbed(t *testing.T) {
	p := newPage(t, 900, 900)
	p.run(t, "open an embed", navigate(site("/embed.html")+"?views=controls,charts&"+strings.Repeat("q", 20_000)+"=1&autoplay=1#b=16x2r*2"))
	p.waitFor(t, "the embed to start", `document.body.hasAttribute("data-ready")`, 30*time.Second)
	p.stillAlive(t, ".notice")
}
