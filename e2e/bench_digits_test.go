package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"resnetplayground/lab"
)

// BenchmarkBrowserDigits measures training on the digits in the worker, as a visitor gets it:
// steps per second and seconds per epoch (6,000 images at batch 32) for the shallow and the
// deep network of the digits experiment, plain and residual. Run it with -benchtime=1x; it
// takes about a minute. Figures are printed, not asserted.
func BenchmarkBrowserDigits(b *testing.B) {
	waitForBrotli(b)
	for range b.N {
		p := newPageFor(b, 1280, 900, 10*time.Minute)
		for _, n := range []int{lab.DigitsShallow, lab.DigitsDeep} {
			for _, residual := range []bool{false, true} {
				s := lab.DepthSpec(lab.DigitsDefault(), n, residual, 1)
				p.open(b, "?view=single#"+s.String())
				p.waitFor(b, "the digits", `document.querySelector(".digits[data-digits='ready']")`, 60*time.Second)
				p.click(b, "#play")
				p.waitFor(b, "training to start", singleSteps+" > 0", 60*time.Second)
				rate := stepRate(b, p, 2*time.Second, 5*time.Second)
				kind := map[bool]string{false: "plain", true: "residual"}[residual]
				fmt.Printf("digits, %d layers %s: %5.1f steps/s in the worker, %5.1f s per epoch; %d steps take %.0f s\n",
					lab.WeightLayers(s), kind, rate, 6000.0/32/rate, lab.DigitsSteps, float64(lab.DigitsSteps)/rate)
				b.ReportMetric(rate, fmt.Sprintf("steps/s-digits-%d-%s", lab.WeightLayers(s), kind))
			}
		}
		p.checkNoErrors(b)
	}
}

// BenchmarkBrowserDigitsTwins measures what a visitor of the Twins view gets on the digits
// (`make bench-browser-digits`): both twins train at once, each in its own worker, for the
// shallow and the deep network of the digits experiment. For each it prints every twin's
// steps/s and seconds per epoch (6,000 images at batch 32, 187.5 steps), the time from Play
// to lab.DigitsSteps steps with the training accuracies there, and for the deep twins the
// time from Play until the visitor sees the degradation: the deep plain twin's training
// accuracy 10 points below both its residual twin's and the shallow plain twin's at the same
// step. The load average is printed beside the figures: on a shared machine they move with
// it. Figures are printed, not asserted; it takes two to four minutes.
func BenchmarkBrowserDigitsTwins(b *testing.B) {
	waitForBrotli(b) // the server's compression would take the processor from the workers
	for range b.N {
		p := newPageFor(b, 1280, 900, 10*time.Minute)
		var shallow []twinPoint
		for _, n := range []int{lab.DigitsShallow, lab.DigitsDeep} {
			s := lab.DepthSpec(lab.DigitsDefault(), n, false, 1)
			load0 := loadAverage()
			curve := runTwins(b, p, s)
			load1 := loadAverage()
			layers := lab.WeightLayers(s)
			last := curve[len(curve)-1]
			start := curve[0]
			for side, name := range []string{"plain", "residual"} {
				rate := twinRate(curve, side)
				fmt.Printf("digits twins, %d layers, %s: %5.1f steps/s, %5.1f s per epoch\n", layers, name, rate, 6000.0/32/rate)
				b.ReportMetric(rate, fmt.Sprintf("steps/s-twins-%d-%s", layers, name))
			}
			fmt.Printf("digits twins, %d layers: step %d after %.1f s from Play (first step after %.1f s); training accuracy plain %.1f%%, residual %.1f%%; load average %s → %s; %s\n",
				layers, min(last.Steps[0], last.Steps[1]), last.At, start.At, last.Acc[0], last.Acc[1], load0, load1, wasmFile(b, p))
			fmt.Printf("  training accuracy, plain/residual, by step: %s\n", curveText(curve))
			if n == lab.DigitsShallow {
				shallow = curve
				continue
			}
			if at, step, ok := degradationSeen(curve, nil); ok {
				fmt.Printf("digits twins: the deep plain twin trails its residual twin by 10 points from step %d, %.1f s after Play\n", step, at)
				b.ReportMetric(at, "s-to-residual-lead")
			}
			if at, step, ok := degradationSeen(curve, shallow); ok {
				fmt.Printf("digits twins: the deep plain twin trails its residual twin and the shallow plain twin by 10 points from step %d, %.1f s after Play\n", step, at)
				b.ReportMetric(at, "s-to-degradation")
			} else {
				fmt.Println("digits twins: the deep plain twin did not trail both by 10 points within the run")
			}
		}
		p.checkNoErrors(b)
	}
}

// twinPoint is what the twins' read-outs said at one moment: seconds since Play, and each
// twin's step and training accuracy (percent).
type twinPoint struct {
	At    float64
	Steps [2]int
	Acc   [2]float64
}

// runTwins opens s's twins, waits for their first measurement, presses Play and reads both
// read-outs four times a second until both twins pass lab.DigitsSteps (or three minutes
// pass), then pauses. The first point is the first moment both have stepped.
func runTwins(b *testing.B, p *page, s lab.Spec) []twinPoint {
	query := "?view=twins"
	if q := benchQuery(); q != "" {
		query = q + "&view=twins"
	}
	p.open(b, query+"#"+s.String())
	const read = `(() => {
		const num = id => parseFloat(document.getElementById(id).textContent.replace(/,/g, ""));
		return {Steps: [num("ro-plain-step"), num("ro-residual-step")], Acc: [num("ro-plain-train-acc"), num("ro-residual-train-acc")]};
	})()`
	p.waitFor(b, "both twins' first measurement", `document.getElementById("ro-plain-step").textContent === "0" &&
		document.getElementById("ro-residual-step").textContent === "0"`, 120*time.Second)
	p.click(b, "#twin-play")
	t0 := time.Now()
	var curve []twinPoint
	for time.Since(t0) < 3*time.Minute {
		var pt twinPoint
		p.eval(b, read, &pt)
		pt.At = time.Since(t0).Seconds()
		if pt.Steps[0] > 0 && pt.Steps[1] > 0 {
			curve = append(curve, pt)
		}
		if min(pt.Steps[0], pt.Steps[1]) >= lab.DigitsSteps {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	p.click(b, "#twin-play")
	if len(curve) < 2 {
		b.Fatalf("the twins of %s hardly trained in three minutes: %+v", s, curve)
	}
	return curve
}

// curveText samples a curve about every 50 steps: "step: plain% / residual% at seconds".
func curveText(curve []twinPoint) string {
	var parts []string
	next := 0
	for _, pt := range curve {
		if step := min(pt.Steps[0], pt.Steps[1]); step >= next {
			parts = append(parts, fmt.Sprintf("%d: %.0f/%.0f at %.0f s", step, pt.Acc[0], pt.Acc[1], pt.At))
			next = step + 50
		}
	}
	return strings.Join(parts, "; ")
}

// twinRate is one twin's steps per second from the first point to the last.
func twinRate(curve []twinPoint, side int) float64 {
	first, last := curve[0], curve[len(curve)-1]
	return float64(last.Steps[side]-first.Steps[side]) / (last.At - first.At)
}

// degradationSeen finds the first point of the deep twins' curve where the plain twin's
// training accuracy is 10 points below the residual twin's and below the shallow plain
// twin's at that step (the shallow curve's last point at or before it; nil shallow compares
// with the residual twin only), as the read-outs and the curves show it.
func degradationSeen(deep, shallow []twinPoint) (at float64, step int, ok bool) {
	for _, pt := range deep {
		step := min(pt.Steps[0], pt.Steps[1])
		ref := -1.0
		if shallow == nil {
			ref = 100 // no shallow twins to compare with: only the residual twin counts
		}
		for _, s := range shallow {
			if s.Steps[0] <= step {
				ref = s.Acc[0]
			}
		}
		if ref >= 0 && pt.Acc[1]-pt.Acc[0] >= 10 && ref-pt.Acc[0] >= 10 {
			return pt.At, step, true
		}
	}
	return 0, 0, false
}

// loadAverage is the machine's 1-minute load average, as /proc/loadavg says ("?" elsewhere).
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// wasmFile names the build the page runs: main.wasm (SIMD) or main-scalar.wasm.
func wasmFile(b *testing.B, p *page) string {
	var name string
	p.eval(b, `(performance.getEntriesByType("resource").map(e => e.name).find(n => /main(-scalar)?\.wasm$/.test(n)) || "?").replace(/.*\//, "")`, &name)
	return name
}

// BenchmarkBrowserDigitsSweep runs the page's default depth sweep of the digits (one seed,
// lab.DigitsPageDepths at lab.DigitsPageSteps steps, plain and residual) and prints how long
// it took, the table, and the load average. Figures are printed, not asserted; it takes
// minutes.
func BenchmarkBrowserDigitsSweep(b *testing.B) {
	waitForBrotli(b)
	for range b.N {
		p := newPageFor(b, 1280, 900, 40*time.Minute)
		query := "?view=sweep"
		if q := benchQuery(); q != "" {
			query = q + "&view=sweep"
		}
		p.open(b, query+"#"+lab.DigitsDefault().String())
		load0 := loadAverage()
		start := time.Now()
		p.click(b, "#sweep-run")
		p.waitFor(b, "the digits sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 30*time.Minute)
		var rows [][]string
		p.eval(b, `[...document.querySelectorAll(".sweep-table tr")].map(r => [...r.cells].map(c => c.textContent.trim()))`, &rows)
		var cores int
		p.eval(b, `navigator.hardwareConcurrency`, &cores)
		fmt.Printf("digits sweep on the page: %s; %.0f s of wall clock with %d workers; load average %s → %s; %s\n",
			p.text(b, "#sweep-status"), time.Since(start).Seconds(), max(cores, 2), load0, loadAverage(), wasmFile(b, p))
		for _, r := range rows {
			fmt.Println("  " + strings.Join(r, " | "))
		}
		b.ReportMetric(time.Since(start).Seconds(), "s-digits-sweep")
		p.checkNoErrors(b)
	}
}
