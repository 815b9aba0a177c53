package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// BenchmarkBrowser measures the page as a visitor gets it (`make bench-browser`): time to
// interactive, bytes transferred, training speed inside the worker for a few depths, and the
// page's frame rate while a 64-block network trains. Run it with -benchtime=1x: one pass
// takes about half a minute. Figures are printed, not asserted.
func BenchmarkBrowser(b *testing.B) {
	waitForBrotli(b)
	for range b.N {
		p := newPage(b, 1280, 800)
		p.open(b, "")
		var load struct{ ReadyMS, TransferKB, WasmKB float64 }
		p.eval(b, `(() => {
			const all = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
			const sum = all.reduce((s, e) => s + (e.encodedBodySize || 0), 0);
			const wasm = all.filter(e => e.name.endsWith("main.wasm")).reduce((s, e) => s + e.encodedBodySize, 0);
			return {ReadyMS: window.resnetReadyAt, TransferKB: sum / 1024, WasmKB: wasm / 1024};
		})()`, &load)
		fmt.Printf("time to interactive: %.0f ms; transferred (compressed, page scope): %.0f KB, of which main.wasm %.0f KB\n", load.ReadyMS, load.TransferKB, load.WasmKB)
		b.ReportMetric(load.ReadyMS, "ms-to-interactive")
		b.ReportMetric(load.TransferKB, "KB-transferred")

		for _, depth := range []int{4, 20, 50} {
			rate := stepsPerSecond(b, p, fmt.Sprintf("#b=16x2p*%d&w=16&bs=32&o=adam", depth))
			fmt.Printf("depth %3d (width 16, batch 32, adam): %6.0f steps/s in the worker\n", depth, rate)
			b.ReportMetric(rate, fmt.Sprintf("steps/s-depth%d", depth))
		}

		p.open(b, "#b=16x2r*64&w=16&bs=32&o=adam")
		idle := frameRate(b, p)
		p.click(b, "#play")
		time.Sleep(time.Second)
		var before, after struct{ N, MS float64 }
		const renders = `({N: self.resnetRenders, MS: self.resnetRenderMS})`
		p.eval(b, renders, &before)
		fps := frameRate(b, p)
		p.eval(b, renders, &after)
		n := after.N - before.N
		fmt.Printf("page frame rate while 64 blocks train: %.0f fps (idle: %.0f fps); %.1f renders/s of %.1f ms each\n",
			fps, idle, n/2, (after.MS-before.MS)/max(n, 1))
		b.ReportMetric(fps, "fps-64-blocks")
		b.ReportMetric(idle, "fps-idle")
		p.checkNoErrors(b)
	}
}

// frameRate counts animation frames for two seconds: the browser paints a frame only when
// the page's main thread is free, so a busy page shows as a low rate.
func frameRate(b *testing.B, p *page) float64 {
	var fps float64
	p.run(b, "count frames", chromedp.Evaluate(`new Promise(done => {
		let frames = 0; const start = performance.now();
		const tick = now => { frames++; if (now - start < 2000) requestAnimationFrame(tick); else done(frames * 1000 / (now - start)); };
		requestAnimationFrame(tick);
	})`, &fps, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return fps
}

// stepsPerSecond opens hash, plays, and measures the step counter's rate after a warm-up.
func stepsPerSecond(b *testing.B, p *page, hash string) float64 {
	p.open(b, hash)
	p.click(b, "#play")
	time.Sleep(time.Second)
	read := func() (float64, time.Time) {
		var n float64
		p.eval(b, `parseInt(document.querySelector("#ro-step").textContent.replace(/,/g, ""))`, &n)
		return n, time.Now()
	}
	s0, t0 := read()
	time.Sleep(3 * time.Second)
	s1, t1 := read()
	p.click(b, "#play")
	return (s1 - s0) / t1.Sub(t0).Seconds()
}

// waitForBrotli waits until the server has written main.wasm.br (it does so in the background
// after a build, renaming it into place when complete), so the transfer measured is what a
// visitor gets, not the gzip stopgap.
func waitForBrotli(b *testing.B) {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if _, err := os.Stat(filepath.Join(siteDir, "main.wasm.br")); err == nil {
			return
		}
		if time.Now().After(deadline) {
			b.Fatal("main.wasm.br did not appear within 2 minutes")
		}
		time.Sleep(500 * time.Millisecond)
	}
}
