package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// BenchmarkSoak trains 64 residual blocks in the page for RESNET_SOAK (10m unless set) and
// reports, at the start and the end (and every minute between), the page's JS heap, the
// WebAssembly memory of the page and of the training worker (what their Go heaps have
// grown to; it never shrinks, so a leak shows as growth), and the step rate. `make soak`
// runs it; it is not part of `make test`. Figures are printed, not asserted.
func BenchmarkSoak(b *testing.B) {
	length := 10 * time.Minute
	if v := os.Getenv("RESNET_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			b.Fatalf("RESNET_SOAK=%q: %v", v, err)
		}
		length = d
	}
	for range b.N {
		p := newPageFor(b, 1280, 800, length+5*time.Minute)
		p.open(b, "#b=16x2r*64")
		p.click(b, "#play")
		p.waitFor(b, "training", singleSteps+" > 0", time.Minute)
		time.Sleep(15 * time.Second) // past the first measurements and allocations

		first := soakSample(b, p)
		fmt.Printf("soak: 64 residual blocks (b=16x2r*64) for %v in headless Chromium\n", length)
		fmt.Printf("%8s  %12s  %12s  %14s  %10s  %8s\n", "elapsed", "JS heap", "page wasm", "worker wasm", "steps/s", "step")
		first.print(0)
		start := time.Now()
		last := first
		for time.Since(start) < length {
			time.Sleep(min(time.Minute, length-time.Since(start)))
			last = soakSample(b, p)
			last.print(time.Since(start))
		}
		fmt.Printf("soak: JS heap %.1f → %.1f MB, worker memory %.0f → %.0f MB, page wasm %.0f → %.0f MB, %.0f → %.0f steps/s\n",
			first.JSHeap/1e6, last.JSHeap/1e6, first.WorkerWasm/1e6, last.WorkerWasm/1e6, first.PageWasm/1e6, last.PageWasm/1e6, first.Rate, last.Rate)
		b.ReportMetric(last.JSHeap/1e6, "MB-js-heap-end")
		b.ReportMetric(last.WorkerWasm/1e6, "MB-worker-end")
		b.ReportMetric(last.Rate, "steps/s-end")
		p.checkNoErrors(b)
	}
}

// soakFigures are one sample of the soak.
type soakFigures struct {
	JSHeap, PageWasm, WorkerWasm float64 // bytes
	Rate                         float64 // steps/s over the sample's 10 s
	Step                         float64
}

func (s soakFigures) print(elapsed time.Duration) {
	fmt.Printf("%8v  %9.1f MB  %9.0f MB  %11.0f MB  %10.0f  %8.0f\n",
		elapsed.Round(time.Second), s.JSHeap/1e6, s.PageWasm/1e6, s.WorkerWasm/1e6, s.Rate, s.Step)
}

// soakSample measures the step rate over 10 s, then the memory: the page's JS heap, and the
// wasm memory of the page and of the single view's worker (worker.js answers {type:
// "memory"} without bothering Go).
func soakSample(b *testing.B, p *page) soakFigures {
	var s0, s1 float64
	p.eval(b, singleSteps, &s0)
	t0 := time.Now()
	time.Sleep(10 * time.Second)
	p.eval(b, singleSteps, &s1)
	rate := (s1 - s0) / time.Since(t0).Seconds()
	var f soakFigures
	p.run(b, "measure memory", chromedp.Evaluate(`new Promise((done) => {
		const w = resnetWorkers[resnetWorkers.length - 1];
		const answer = (e) => {
			if (!e.data || e.data.type !== "memory") return;
			w.removeEventListener("message", answer);
			done({JSHeap: performance.memory ? performance.memory.usedJSHeapSize : 0,
				PageWasm: self.resnetGo && self.resnetGo._inst ? self.resnetGo._inst.exports.mem.buffer.byteLength : 0,
				WorkerWasm: e.data.wasmBytes});
		};
		w.addEventListener("message", answer);
		w.postMessage({type: "memory"});
	})`, &f, awaitPromise))
	f.Rate, f.Step = rate, s1
	return f
}
