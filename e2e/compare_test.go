package e2e

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The twin and sweep views: the plain network and its residual twin side by side, and the
// depth sweep over a pool of workers.

// twinAcc reads a twin's train accuracy read-out ("–" before its first report).
func twinText(t testing.TB, p *page, twin, field string) string {
	return p.text(t, "#ro-"+twin+"-"+field)
}

func TestTwinsTrainSideBySide(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "#b=16x2p*12")
	p.click(t, "#view-twins")
	p.waitFor(t, "the twin view", `document.querySelector(".twins") !== null && document.querySelector(".demo") === null`, 5*time.Second)
	if n := p.count(t, ".twins canvas.boundary"); n != 2 {
		t.Fatalf("%d heatmaps in the twin view, want 2", n)
	}
	p.waitFor(t, "both twins' first reports", `!document.querySelector("#ro-plain-step").textContent.includes("–") && !document.querySelector("#ro-residual-step").textContent.includes("–")`, 20*time.Second)
	before := [2]string{twinText(t, p, "plain", "train-loss"), twinText(t, p, "residual", "train-loss")}

	p.click(t, "#twin-play")
	p.waitFor(t, "both twins to train past step 100", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) > 100)`, 30*time.Second)
	// The step count arrives with every report, the losses as often as measuring them
	// affords (worker/cadence.go): wait for them to move.
	for i, twin := range []string{"plain", "residual"} {
		p.waitFor(t, twin+" twin's train loss read-out to move from "+before[i],
			`document.querySelector("#ro-`+twin+`-train-loss").textContent !== `+strconv.Quote(before[i]), 10*time.Second)
	}
	// Each chart overlays both twins: a solid training line per twin, with points.
	for _, twin := range []string{"plain", "residual"} {
		sel := fmt.Sprintf(`.twin-curves polyline.series.twin-%s:not(.twin-test)`, twin)
		p.waitFor(t, twin+"'s accuracy curve", `document.querySelector("`+sel+`").getAttribute("points").split(" ").length > 2`, 10*time.Second)
	}
	p.waitFor(t, "both heatmaps painted", `[...document.querySelectorAll(".twins canvas.boundary")].every(c => c.dataset.painted && !c.dataset.painted.startsWith("0/"))`, 10*time.Second)
	p.waitFor(t, "the gradient-norm strips painted", `[...document.querySelectorAll("canvas.gradstrip")].every(c => !c.dataset.painted.endsWith("/0"))`, 10*time.Second)

	p.click(t, "#twin-play") // pause both
	p.waitFor(t, "Play offered again", `document.querySelector("#twin-play").textContent.trim() === "Play"`, 5*time.Second)

	// The view switch leaves the twins paused and brings the single view back.
	p.click(t, "#view-single")
	p.waitFor(t, "the single view", `document.querySelector(".demo") !== null && document.querySelector(".twins") === null`, 5*time.Second)
	p.checkNoErrors(t)
}

func TestLesionLowersTestAccuracy(t *testing.T) {
	p := newPage(t, 1280, 900)
	// Shallow enough that both twins learn the spiral, so a lesion has something to break.
	p.open(t, "#b=16x2p*6")
	p.click(t, "#view-twins")
	p.click(t, "#twin-play")
	p.waitFor(t, "both twins to reach 90% test accuracy",
		`["plain", "residual"].every(n => parseFloat(document.querySelector("#ro-" + n + "-test-acc").textContent) >= 90)`, 60*time.Second)
	p.click(t, "#twin-play")
	p.waitFor(t, "pause", `document.querySelector("#twin-play").textContent.trim() === "Play"`, 5*time.Second)

	checkKnockOut(t, p, knockOut{one: "#lesion-one", result: "#lesion-plain", scan: "#lesion-scan",
		chart: ".twin-lesion polyline.series", scanResult: "#lesion-residual"})
	// The running network is untouched: training carries on from where it was.
	step := twinText(t, p, "plain", "step")
	p.click(t, "#twin-step")
	p.waitFor(t, "one more step", `document.querySelector("#ro-plain-step").textContent !== `+strconv.Quote(step), 10*time.Second)
	p.checkNoErrors(t)
}

// lesionPercents reads "intact 99.3% → without block 1: 51.0%".
func lesionPercents(t *testing.T, s string) (intact, lesioned float64) {
	t.Helper()
	var nums []float64
	for _, f := range strings.Fields(s) {
		if strings.HasSuffix(f, "%") {
			x, err := strconv.ParseFloat(strings.TrimSuffix(f, "%"), 64)
			if err == nil {
				nums = append(nums, x)
			}
		}
	}
	if len(nums) != 2 {
		t.Fatalf("lesion summary %q: want two percentages", s)
	}
	return nums[0], nums[1]
}

func TestShortSweepCompletes(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "")
	p.click(t, "#view-sweep")
	p.run(t, "set the depths", setValue("#sweep-depths", "2, 16"))
	p.run(t, "set the steps", setValue("#sweep-steps", "200"))
	p.click(t, "#sweep-run")
	p.waitFor(t, "the sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 60*time.Second)
	if n := p.count(t, ".sweep-plot circle.dot.twin-plain"); n != 2 {
		t.Errorf("%d plain points, want one per depth (2)", n)
	}
	if n := p.count(t, ".sweep-plot circle.dot.twin-residual"); n != 2 {
		t.Errorf("%d residual points, want one per depth (2)", n)
	}
	if n := p.count(t, ".sweep-table tbody tr"); n != 2 {
		t.Errorf("%d table rows, want 2", n)
	}
	if s := p.text(t, ".sweep-table"); strings.Contains(s, "…") {
		t.Errorf("the finished sweep's table still has pending cells: %q", s)
	}
	p.checkNoErrors(t)
}

func TestSweepCanBeCancelled(t *testing.T) {
	p := newPage(t, 1280, 900)
	p.open(t, "")
	p.click(t, "#view-sweep")
	p.run(t, "set the depths", setValue("#sweep-depths", "32, 64"))
	p.run(t, "set the steps", setValue("#sweep-steps", "50000"))
	p.click(t, "#sweep-run")
	p.waitFor(t, "some progress", `parseFloat(document.querySelector(".progress").getAttribute("aria-valuenow")) > 0`, 30*time.Second)
	p.click(t, "#sweep-cancel")
	p.waitFor(t, "the cancelled state", `document.querySelector("#sweep-status").dataset.state === "cancelled"`, 5*time.Second)
	if s := p.text(t, "#sweep-status"); !strings.Contains(s, "Cancelled") {
		t.Errorf("status %q does not say cancelled", s)
	}
	var before string
	p.eval(t, `document.querySelector(".progress").getAttribute("aria-valuenow")`, &before)
	// A round trip to the single view's worker: by the time its answer is on the page, any
	// word the cancelled pool posted before it was terminated has arrived too.
	p.click(t, "#view-single")
	p.click(t, "#step")
	p.settled(t)
	p.click(t, "#view-sweep")
	p.waitFor(t, "the sweep view", `document.querySelector(".progress") !== null`, 5*time.Second)
	var after string
	p.eval(t, `document.querySelector(".progress").getAttribute("aria-valuenow")`, &after)
	if after != before {
		t.Errorf("progress went from %s to %s after cancelling", before, after)
	}
	var disabled bool
	p.eval(t, `document.querySelector("#sweep-cancel").disabled`, &disabled)
	if !disabled {
		t.Error("Cancel is still offered after cancelling")
	}
	p.checkNoErrors(t)
}

// TestDefaultSweep runs the default sweep (every default depth, plain and residual) and
// prints how long it took; it checks the science: deep plain nets train worse, residual
// ones do not. It takes well under a minute but is the longest browser test, so it only runs when RESNET_SWEEP=1 (or for the
// screenshot, RESNET_SCREENSHOT_SWEEP=path). RESNET_SWEEP_QUERY="?simd=0" runs it on the
// scalar build, to measure what the SIMD kernels are worth. The page may live five minutes:
// on a busy machine the sweep takes longer than the usual page's 90 s.
func TestDefaultSweep(t *testing.T) {
	out := os.Getenv("RESNET_SCREENSHOT_SWEEP")
	if os.Getenv("RESNET_SWEEP") == "" && out == "" {
		t.Skip("set RESNET_SWEEP=1 to run the full default sweep (well under a minute)")
	}
	p := newPageFor(t, 1280, 800, 5*time.Minute)
	p.open(t, os.Getenv("RESNET_SWEEP_QUERY"))
	p.click(t, "#view-sweep")
	var before, after struct{ N, MS float64 }
	const renders = `({N: self.resnetRenders, MS: self.resnetRenderMS})`
	p.eval(t, renders, &before)
	start := time.Now()
	p.click(t, "#sweep-run")
	p.waitFor(t, "the default sweep to finish", `document.querySelector("#sweep-status").dataset.state === "done"`, 5*time.Minute)
	p.eval(t, renders, &after)
	var cores int
	p.eval(t, `navigator.hardwareConcurrency`, &cores)
	t.Logf("default sweep: %s (wall clock %.1f s, %d cores reported; the page rendered %.0f times, %.1f s in all)",
		p.text(t, "#sweep-status"), time.Since(start).Seconds(), cores, after.N-before.N, (after.MS-before.MS)/1000)
	var rows [][]string
	p.eval(t, `[...document.querySelectorAll(".sweep-table tbody tr")].map(r => [...r.cells].map(c => c.textContent))`, &rows)
	for _, r := range rows {
		t.Logf("%v", r)
	}
	errOf := func(cell string) float64 {
		x, _ := strconv.ParseFloat(strings.Fields(strings.TrimSuffix(cell, "%"))[0], 64)
		return x
	}
	deepest := rows[len(rows)-1]
	if plain, res := errOf(deepest[1]), errOf(deepest[3]); !(plain > 30 && res < 10) {
		t.Errorf("at %s blocks: plain training error %.1f%%, residual %.1f%%; want plain far above residual", deepest[0], plain, res)
	}
	if out != "" {
		var png []byte
		p.run(t, "screenshot", chromedp.CaptureScreenshot(&png))
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p.checkNoErrors(t)
}

// TestScreenshotTwins writes a picture of the twin view, trained and lesioned, to the file
// named by RESNET_SCREENSHOT_TWINS (`make screenshot` sets it to docs/twins.png).
func TestScreenshotTwins(t *testing.T) {
	out := screenshotTarget(t, "RESNET_SCREENSHOT_TWINS")
	p := newPage(t, 1280, 1000)
	p.open(t, "") // the default: 24 blocks
	p.click(t, "#view-twins")
	p.click(t, "#twin-play")
	p.waitFor(t, "some training", `["plain", "residual"].every(n => parseInt(document.querySelector("#ro-" + n + "-step").textContent.replace(/,/g, "")) > 1500)`, 90*time.Second)
	p.click(t, "#twin-play")
	p.click(t, "#lesion-scan")
	p.waitFor(t, "the scan chart", `document.querySelectorAll(".twin-lesion polyline.series").length >= 2`, 10*time.Second)
	fullScreenshot(t, p, out)
}

// knockOut names the controls of one lesion panel (the twins' or the Single view's).
type knockOut struct{ one, result, scan, chart, scanResult string }

// checkKnockOut knocks out block 1 of a trained plain net and checks that its test accuracy
// falls clearly, then runs the scan over every block and checks its chart and summary.
func checkKnockOut(t *testing.T, p *page, k knockOut) {
	t.Helper()
	p.click(t, k.one)
	p.waitFor(t, "the knock-out's result", `(document.querySelector("`+k.result+`") || {textContent: ""}).textContent.includes("without block 1")`, 10*time.Second)
	intact, lesioned := lesionPercents(t, p.text(t, k.result))
	if !(lesioned < intact-5) {
		t.Errorf("knocking out block 1 of the trained plain net: %.1f%% → %.1f%%; want a clear fall", intact, lesioned)
	}
	p.click(t, k.scan)
	p.waitFor(t, "the scan chart", `document.querySelectorAll("`+k.chart+`").length >= 2`, 10*time.Second)
	// Each network's scan reports on its own: the chart can show one before the other's
	// summary replaces its single knock-out. Wait for the summary itself.
	p.waitFor(t, "the scan's summary, an average over blocks",
		`(document.querySelector("`+k.scanResult+`") || {textContent: ""}).textContent.includes("on average")`, 20*time.Second)
}
