package e2e

import (
	"fmt"
	"testing"
	"time"

	"resnetplayground/lab"
)

// BenchmarkBrowserDigits measures training on the digits in the worker, as a visitor gets it:
// steps per second and seconds per epoch (6,000 images at batch 32) for the shallow and the
// deep network of the digits experiment, plain and residual. Run it with -benchtime=1x; it
// takes about a minute. Figures are printed, not asserted.
func BenchmarkBrowserDigits(b *testing.B) {
	for range b.N {
		p := newPage(b, 1280, 900)
		for _, n := range []int{lab.DigitsShallow, lab.DigitsDeep} {
			for _, residual := range []bool{false, true} {
				s := lab.DepthSpec(lab.DigitsDefault(), n, residual, 1)
				p.open(b, "?view=single#"+s.String())
				p.waitFor(b, "the digits", `document.querySelector(".digits[data-digits='ready']")`, 60*time.Second)
				p.click(b, "#play")
				p.waitFor(b, "training to start", `parseInt(document.querySelector("#ro-step").textContent.replace(/,/g, "")) > 0`, 60*time.Second)
				time.Sleep(2 * time.Second)
				read := func() (float64, time.Time) {
					var steps float64
					p.eval(b, `parseInt(document.querySelector("#ro-step").textContent.replace(/,/g, ""))`, &steps)
					return steps, time.Now()
				}
				s0, t0 := read()
				time.Sleep(5 * time.Second)
				s1, t1 := read()
				p.click(b, "#play")
				rate := (s1 - s0) / t1.Sub(t0).Seconds()
				kind := map[bool]string{false: "plain", true: "residual"}[residual]
				fmt.Printf("digits, %d layers %s: %5.1f steps/s in the worker, %5.1f s per epoch; %d steps take %.0f s\n",
					lab.WeightLayers(s), kind, rate, 6000.0/32/rate, lab.DigitsSteps, float64(lab.DigitsSteps)/rate)
				b.ReportMetric(rate, fmt.Sprintf("steps/s-digits-%d-%s", lab.WeightLayers(s), kind))
			}
		}
		p.checkNoErrors(b)
	}
}
