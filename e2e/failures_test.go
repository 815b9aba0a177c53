package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Issue 12 §5: workers and the network fail. A worker.js that does not load, a worker that
// dies while training, a main.wasm that never arrives, an embed whose first start failed:
// each is said in plain words, and Reset (or a retry) recovers without a reload.

// flakySite serves the built site like a static host, except what a test breaks: a path
// answered 404, or held until the browser gives up.
type flakySite struct {
	mu     sync.Mutex
	broken map[string]string // path → "404" or "hang"
}

func (f *flakySite) set(path, how string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if how == "" {
		delete(f.broken, path)
	} else {
		f.broken[path] = how
	}
}

func newFlakySite(t *testing.T) (*flakySite, string) {
	t.Helper()
	f := &flakySite{broken: map[string]string{}}
	files := http.FileServer(http.Dir(siteDir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		how := f.broken[r.URL.Path]
		f.mu.Unlock()
		switch how {
		case "404":
			http.NotFound(w, r)
		case "hang":
			<-r.Context().Done() // never answers; the browser aborts
		default:
			w.Header().Set("Cache-Control", "no-store")
			files.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return f, srv.URL
}

func TestMissingWorkerScriptIsReportedAndResetRecovers(t *testing.T) {
	flaky, url := newFlakySite(t)
	flaky.set("/worker.js", "404")
	p := newPage(t, 1280, 800)
	p.run(t, "open the page", chromedp.Navigate(url+"/#b=16x2r*2"))
	p.waitFor(t, "the page", `document.body.hasAttribute("data-ready")`, 30*time.Second)
	p.waitFor(t, "a notice that the worker could not start", `/could not start/.test(document.querySelector(".notice")?.textContent || "")`, 15*time.Second)
	p.click(t, "#play")
	p.waitFor(t, "Play offered again, not a Pause at step 0", `document.querySelector("#play").textContent.trim() === "Play"`, 15*time.Second)

	flaky.set("/worker.js", "") // back online
	p.click(t, "#reset")
	p.click(t, "#play")
	p.waitFor(t, "training on a fresh worker", singleSteps+" > 10", 30*time.Second)

	// The twins, opened while worker.js is missing, recover the same way.
	flaky.set("/worker.js", "404")
	p.click(t, "#view-twins")
	p.waitFor(t, "both twins' notices", `document.querySelectorAll(".twins .notice").length === 2`, 15*time.Second)
	flaky.set("/worker.js", "")
	p.click(t, "#twin-reset")
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins training", twinSteps+" > 10", 30*time.Second)
	if n := p.count(t, ".twins .notice"); n != 0 {
		t.Errorf("%d twin notices remain after a successful restart", n)
	}
	// Chromium logs the 404s themselves; no other error is expected.
	p.mu.Lock()
	var kept []string
	for _, e := range p.errors {
		if !strings.Contains(e, "404") && !strings.Contains(e, "worker.js") {
			kept = append(kept, e)
		}
	}
	p.errors = kept
	p.mu.Unlock()
	p.checkNoErrors(t)
}

func TestWorkerDyingWhileTrainingIsReportedAndResetRecovers(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*2")
	p.click(t, "#play")
	p.waitFor(t, "training", singleSteps+" > 20", 30*time.Second)
	p.eval(t, `resnetWorkers[resnetWorkers.length - 1].terminate()`, nil) // as if the tab ran out of memory
	p.waitFor(t, "a notice that the worker stopped answering", `/stopped answering/.test(document.querySelector(".notice")?.textContent || "")`, 30*time.Second)
	p.waitFor(t, "Play offered again", `document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.click(t, "#reset")
	p.click(t, "#play")
	p.waitFor(t, "training on a fresh worker", singleSteps+" > 10", 30*time.Second)
	p.checkNoErrors(t)
}

// startTimeout makes the page give up on main.wasm after ms (30 s otherwise).
func startTimeout(ms string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := cdppage.AddScriptToEvaluateOnNewDocument("self.resnetStartTimeout = " + ms).Do(ctx)
		return err
	})
}

func TestStuckEngineDownloadTimesOutAndRetries(t *testing.T) {
	flaky, url := newFlakySite(t)
	flaky.set("/main.wasm", "hang")
	p := newPage(t, 1280, 800)
	p.run(t, "open the page", startTimeout("3000"), chromedp.Navigate(url+"/#b=16x2r*2"))
	p.waitFor(t, "the start to fail", `document.body.hasAttribute("data-start-failed")`, 20*time.Second)
	if msg := p.text(t, "#app"); !strings.Contains(msg, "did not arrive") {
		t.Errorf("the page says %q; want it to say main.wasm did not arrive", msg)
	}
	flaky.set("/main.wasm", "")
	p.run(t, "a longer limit for the retry", startTimeout("60000"))
	p.click(t, "#start-retry")
	p.waitFor(t, "the page after the retry", `document.body && document.body.hasAttribute("data-ready")`, 60*time.Second)
}

func TestEmbedPlaysOnASecondPressAfterAFailedStart(t *testing.T) {
	flaky, url := newFlakySite(t)
	flaky.set("/main.wasm", "404")
	p := newPage(t, 900, 900)
	p.run(t, "open an embed", chromedp.Navigate(url+"/embed.html?views=controls,charts#b=16x2r*2"))
	p.waitFor(t, "the poster", `document.querySelector("#poster-play")`, 10*time.Second)
	// In view, the embed may start (and fail) by itself before the press: wait for the
	// press's own attempt to fail.
	p.waitFor(t, "no start under way", `!document.querySelector("#poster").classList.contains("starting")`, 20*time.Second)
	p.click(t, "#poster-play")
	p.waitFor(t, "the failed start", `document.body.hasAttribute("data-start-failed")`, 20*time.Second)
	if msg := p.text(t, "#poster-state"); !strings.Contains(msg, "404") || !strings.Contains(msg, "try again") {
		t.Errorf("poster says %q; want the reason and a way to try again", msg)
	}
	flaky.set("/main.wasm", "")
	p.click(t, "#poster-play")
	p.waitFor(t, "the embed to start", `document.body.hasAttribute("data-ready")`, 60*time.Second)
	p.waitFor(t, "training", singleSteps+" > 5", 30*time.Second)
}
