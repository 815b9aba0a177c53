package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkBrowserLandscape measures what issue 9 asks of the Why panel (`make bench-browser`,
// or -bench=BrowserLandscape): the default 24-block network's landscape as the page draws it
// (31×31, a 61-point slice and a 31-point line: 1,053 passes over 300 training points, in
// each twin's worker at once), first with the twins paused, then while they train, and how
// soon both workers hear Pause while it fills in. The page times Draw to both pictures in
// (data-why-wall-ms); the workers' threads' CPU time, read from /proc, says how much of that
// was computing and how much waiting for a core, which on a shared machine the load average
// explains. Figures are printed, not asserted.
func BenchmarkBrowserLandscape(b *testing.B) {
	waitForBrotli(b)
	for range b.N {
		p := newPageFor(b, 1280, 900, 5*time.Minute)
		p.open(b, benchQuery()) // a bare address: the twins of the default network, paused
		p.waitFor(b, "both twins' first reports", `!document.querySelector("#ro-plain-step").textContent.includes("–") && !document.querySelector("#ro-residual-step").textContent.includes("–")`, 30*time.Second)
		var wasm string
		p.eval(b, `document.documentElement.dataset.wasm`, &wasm)

		// Paused: each worker spends all its time on its picture.
		wall, ms, cpu := drawLandscapes(b, p)
		fmt.Printf("landscape (%s build), twins paused: %s ms from Draw to both drawn; the slower worker computed for %s ms; CPU: %s\n",
			wasm, wall, ms, strings.Join(cpu, ", "))
		if w, err := strconv.ParseFloat(wall, 64); err == nil {
			b.ReportMetric(w, "ms-landscape-paused")
		}

		// Training: the picture takes three bursts of each worker's time for one of training.
		p.click(b, "#twin-play")
		p.waitFor(b, "training", `parseInt(document.querySelector("#ro-plain-step").textContent.replace(/,/g, "")) > 50`, 30*time.Second)
		before := p.twinStep(b)
		wall, ms, cpu = drawLandscapes(b, p)
		fmt.Printf("landscape while both twins train: %s ms from Draw to both drawn (the slower worker computed for %s ms; CPU: %s); the plain twin trained %d steps meanwhile\n",
			wall, ms, strings.Join(cpu, ", "), p.twinStep(b)-before)
		if w, err := strconv.ParseFloat(wall, 64); err == nil {
			b.ReportMetric(w, "ms-landscape-training")
		}

		// Pause while a picture fills in: both workers acknowledge it within a burst.
		p.click(b, "#why-draw")
		p.waitFor(b, "the pictures filling in", `/ of /.test(document.querySelector("#why-progress").textContent)`, 60*time.Second)
		start := time.Now()
		p.click(b, "#twin-play")
		p.waitFor(b, "both workers to hear Pause", `(t => t.dataset.acked === t.dataset.sent)(document.querySelector(".twins"))`, 30*time.Second)
		heard := time.Since(start)
		fmt.Printf("Pause while the pictures fill in: both workers acknowledged it %s after the click (load %s)\n", heard.Round(time.Millisecond), loadAverage())
		b.ReportMetric(float64(heard.Milliseconds()), "ms-pause-heard")
		p.waitFor(b, "both landscapes", `document.querySelector(".twin-why").dataset.whyState === "done"`, 120*time.Second)
		p.checkNoErrors(b)
	}
}

// drawLandscapes presses Draw and waits for both pictures: the page's wall time and the
// slower worker's computing time (ms), and the busiest threads' CPU time meanwhile, with the
// load average before and after.
func drawLandscapes(b *testing.B, p *page) (wall, ms string, cpu []string) {
	load := loadAverage()
	cpu0 := p.threadCPU("")
	p.click(b, "#why-draw")
	p.waitFor(b, "both landscapes", `document.querySelector(".twin-why").dataset.whyWallMs !== ""`, 120*time.Second)
	used := cpuSince(cpu0, p.threadCPU(""))
	wall = p.attr(b, ".twin-why", "data-why-wall-ms")
	ms = p.attr(b, ".twin-why", "data-why-ms")
	cpu = append(busiest(used, 4), "load average "+load+" → "+loadAverage())
	return wall, ms, cpu
}

// twinStep is the plain twin's step as the page shows it.
func (p *page) twinStep(b *testing.B) int {
	var n int
	p.eval(b, stepsAt("#ro-plain-step"), &n)
	return n
}
