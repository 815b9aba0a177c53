package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// frame is a JS expression for the document of the example post's iframe in figure id.
func frame(id string) string {
	return fmt.Sprintf(`document.querySelector("figure#%s iframe").contentDocument`, id)
}

// loadedWasm is a JS condition: the frame's window fetched main.wasm or wasm_exec.js.
func loadedWasm(id string) string {
	return fmt.Sprintf(`(() => {
		const w = document.querySelector("figure#%s iframe").contentWindow;
		return !!w && w.performance.getEntriesByType("resource").some(e => /main\.wasm|wasm_exec\.js/.test(e.name));
	})()`, id)
}

// frameSteps is the step read-out inside a frame.
func frameSteps(id string) string {
	return fmt.Sprintf(`parseInt((%s.querySelector("#ro-step") || {textContent: "0"}).textContent.replace(/,/g, "")) || 0`, frame(id))
}

func TestExamplePostEmbedsWaitUntilSeen(t *testing.T) {
	p := newPage(t, 1000, 700)
	p.run(t, "open the example post", navigate(site("/example-post.html")))
	p.waitFor(t, "the post", `document.querySelectorAll("figure iframe").length === 2`, 10*time.Second)

	// Bring the first figure to just below the fold: near enough for the lazy iframe to load
	// its poster, not yet on screen.
	p.eval(t, `(() => { const f = document.querySelector("figure#plain iframe");
		scrollTo(0, f.getBoundingClientRect().top + scrollY - innerHeight - 40); })()`, nil)
	p.waitFor(t, "the first embed's poster", frame("plain")+`?.querySelector("#poster-play")`, 15*time.Second)
	desc := ""
	p.eval(t, frame("plain")+`.querySelector("#poster-desc").textContent`, &desc)
	if !strings.Contains(desc, "plain network") || !strings.Contains(desc, "24 blocks") {
		t.Errorf("poster description %q should describe the 24-block plain network", desc)
	}
	p.waitFor(t, "the poster's height to reach the host page", `document.querySelector("figure#plain iframe").dataset.resnetHeight > 0`, 10*time.Second)
	// The frame has looked at its visibility (below the fold: nothing of it on screen) and
	// decided; a wrongly eager embed would have started the engine in that same callback.
	p.waitFor(t, "the first embed to see it is off screen", frame("plain")+`.body.dataset.seen === "0"`, 10*time.Second)
	var early bool
	p.eval(t, frame("plain")+`.body.dataset.engine === "loading" || `+loadedWasm("plain"), &early)
	if early {
		t.Fatal("the embed fetched the engine before it was scrolled into view")
	}

	// Scrolled into view, it loads, replaces the poster and (autoplay=1) trains.
	p.eval(t, `document.querySelector("figure#plain iframe").scrollIntoView({block: "center"})`, nil)
	p.waitFor(t, "the embed to start", frame("plain")+`.body.hasAttribute("data-ready")`, 30*time.Second)
	p.waitFor(t, "the embed to train", frameSteps("plain")+" > 20", 30*time.Second)
	p.eval(t, loadedWasm("plain"), &early)
	if !early {
		t.Error("the running embed shows no main.wasm request")
	}

	// Only the chosen views (heatmap, charts), plus the caption and the link out.
	in := func(sel string) int {
		var n int
		p.eval(t, fmt.Sprintf(`%s.querySelectorAll(%q).length`, frame("plain"), sel), &n)
		return n
	}
	if in("canvas.boundary") != 1 || in(".chart") != 2 || in(".diagram") != 0 || in(".settings") != 0 || in("#poster") != 0 {
		t.Errorf("views: heatmap %d, charts %d, diagram %d, settings %d, poster %d; want 1, 2, 0, 0, 0",
			in("canvas.boundary"), in(".chart"), in(".diagram"), in(".settings"), in("#poster"))
	}
	var caption, link string
	p.eval(t, frame("plain")+`.querySelector(".embed-caption").textContent`, &caption)
	p.eval(t, frame("plain")+`.querySelector("#open-full").getAttribute("href")`, &link)
	if caption != "24 plain blocks, no shortcuts" {
		t.Errorf("caption %q", caption)
	}
	if !strings.HasPrefix(link, "index.html#") || !strings.Contains(link, "b=16x2p*24") {
		t.Errorf("open-full link %q; want a relative index.html#<same spec>", link)
	}
	// The host resized the frame to the live content's height.
	p.waitFor(t, "the frame to fit its content", `(() => { const f = document.querySelector("figure#plain iframe");
		return f.dataset.resnetHeight > 300 && Math.abs(f.getBoundingClientRect().height - f.dataset.resnetHeight) <= 1; })()`, 10*time.Second)

	// The second figure, not yet seen, still costs nothing.
	p.eval(t, loadedWasm("residual"), &early)
	if early {
		t.Error("the second embed fetched the engine while off screen")
	}

	// Scrolled away, the first embed pauses.
	p.eval(t, `scrollTo(0, 0)`, nil)
	p.waitFor(t, "the embed to pause when out of view", frame("plain")+`.querySelector("#play").textContent.trim() === "Play"`, 10*time.Second)
	p.checkNoErrors(t)
}

func TestEmbedShowsOnlyChosenViews(t *testing.T) {
	p := newPage(t, 900, 900)
	p.run(t, "open an embed", navigate(site("/embed.html")+"?views=controls,diagram&caption=Hello&bogus=1#b=16x2r*4"))
	p.waitFor(t, "the embed to start", `document.body.hasAttribute("data-ready")`, 30*time.Second)
	for sel, want := range map[string]int{
		".diagram": 1, ".settings": 1, ".editor": 1, "#play": 1,
		"canvas.boundary": 0, ".chart": 0, ".share": 0, "#poster": 0,
	} {
		if got := p.count(t, sel); got != want {
			t.Errorf("%s: %d on the embed, want %d", sel, got, want)
		}
	}
	if got := p.text(t, ".embed-caption"); got != "Hello" {
		t.Errorf("caption %q, want Hello", got)
	}
	if got := p.text(t, ".notice"); !strings.Contains(got, `"bogus"`) {
		t.Errorf("an unknown embed option should be reported to the post's author; notice %q", got)
	}
	// Not autoplay, not clicked: it waits for the reader.
	if got := p.text(t, "#play"); got != "Play" {
		t.Errorf("play button says %q before anyone pressed it; want Play", got)
	}
	p.checkNoErrors(t)
}

func TestEmbedPosterClickStartsTraining(t *testing.T) {
	p := newPage(t, 1000, 700)
	p.run(t, "open the example post", navigate(site("/example-post.html")))
	p.waitFor(t, "the post", `document.querySelectorAll("figure iframe").length === 2`, 10*time.Second)
	// Show only the top sliver of the second figure: seen, but too little to start by itself.
	p.eval(t, `(() => { const f = document.querySelector("figure#residual iframe");
		scrollTo(0, f.getBoundingClientRect().top + scrollY - innerHeight + 50); })()`, nil)
	p.waitFor(t, "the poster", frame("residual")+`?.querySelector("#poster-play")`, 15*time.Second)
	p.waitFor(t, "the second embed to see its sliver", `(() => { const s = parseFloat(`+frame("residual")+`.body.dataset.seen); return s > 0 && s < 0.25; })()`, 10*time.Second)
	var early bool
	p.eval(t, frame("residual")+`.body.dataset.engine === "loading" || `+loadedWasm("residual"), &early)
	if early {
		t.Fatal("a barely visible embed fetched the engine without a click")
	}
	p.eval(t, frame("residual")+`.querySelector("#poster-play").click()`, nil)
	p.waitFor(t, "training after the click", frameSteps("residual")+" > 5", 30*time.Second)
	p.checkNoErrors(t)
}

func TestEmbedDialogBuildsSnippetAndPreview(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2r*5")
	p.click(t, "#embed-open")
	p.waitFor(t, "the dialog", `document.querySelector("#embed-snippet")`, 5*time.Second)
	p.click(t, "#embed-view-heatmap") // on by default: now off
	p.click(t, "#embed-view-diagram") // off by default: now on
	p.click(t, "#embed-autoplay")
	var snippet, preview string
	p.waitFor(t, "the snippet to follow the choices", `document.querySelector("#embed-snippet").value.includes("autoplay=1")`, 5*time.Second)
	p.eval(t, `document.querySelector("#embed-snippet").value`, &snippet)
	p.eval(t, `document.querySelector("#embed-preview").getAttribute("src")`, &preview)
	for _, want := range []string{"<iframe", site("/embed.html?views=diagram,charts"), "autoplay=1", "#", "b=16x2r*5", `height="600"`, site("/embed.js")} {
		if !strings.Contains(snippet, want) {
			t.Errorf("snippet lacks %q:\n%s", want, snippet)
		}
	}
	if !strings.HasPrefix(preview, "embed.html?views=diagram,charts") || strings.Contains(preview, "autoplay") {
		t.Errorf("preview src %q; want a relative embed URL with the same views, not autoplaying", preview)
	}
	p.waitFor(t, "the preview's poster or views", `(() => { const d = document.querySelector("#embed-preview").contentDocument;
		return d && (d.querySelector("#poster") || d.querySelector(".embed")); })()`, 15*time.Second)
	p.run(t, "press Escape", keyEscape())
	p.waitFor(t, "the dialog to close", `!document.querySelector("#embed-snippet")`, 5*time.Second)
	p.checkNoErrors(t)
}

func navigate(url string) chromedp.Action { return chromedp.Navigate(url) }

func keyEscape() chromedp.Action { return chromedp.KeyEvent(kb.Escape) }

// site is the address of a path on the test server.
func site(path string) string { return strings.TrimSuffix(siteURL, "/") + path }

func TestEmbedTwinView(t *testing.T) {
	p := newPage(t, 1000, 900)
	p.run(t, "open a twin embed", navigate(site("/embed.html")+"?views=twin&autoplay=1#b=16x2p*4"))
	p.waitFor(t, "both twins to train", `["plain", "residual"].every(n => parseInt((document.querySelector("#ro-" + n + "-step") || {textContent: "0"}).textContent.replace(/,/g, "")) > 5)`, 30*time.Second)
	for sel, want := range map[string]int{"#twin-play": 1, "#play": 0, ".embed-views": 0, ".settings": 0} {
		if got := p.count(t, sel); got != want {
			t.Errorf("%s: %d on a twin embed, want %d", sel, got, want)
		}
	}
	p.checkNoErrors(t)
}
