package worker

import (
	"math"
	"time"
)

// cadence decides, after each training burst, whether the worker reports and what the report
// measures. Three things run at their own pace; the picture takes at most a quarter of the
// worker's time and the metrics a twelfth, so training keeps at least two thirds:
//
//   - a report every reportEvery: the step count and the latest measurement, which costs
//     nothing, so the page can show ten updates a second whatever the network. A report
//     goes out between training bursts, so a burst ends when the next report is due
//     (untilDue) rather than overshooting by up to a Burst: 75 ms apart, more often than
//     the page's ~11 renders a second (wasm/pacing.go), so a new one waits at each. (Due
//     every 80 ms after whole 25 ms bursts, they came 100 ms apart: ten a second at best,
//     and the page showed 7–8.5.)
//   - metrics (the whole training and test sets) at most every reportEvery, and no more
//     often than metricsShare allows: a measurement that took 20 ms waits 240 ms. Images
//     have no boundary to draw, so their metrics may take its quarter (imageMetricsShare):
//     through 32 convolutional layers a measurement takes about a second, and at a twelfth
//     the accuracy would move only every 12 s;
//   - the boundary at most every boundaryEvery (five pictures a second), no more often than
//     gridShare allows, on a grid sized so one picture takes about gridBudget: as fine as
//     MaxGridN when the worker is fast enough, coarser (down to MinGridN) when it is not.
type cadence struct {
	lastReport, lastMetrics, lastGrid time.Time
	metricsGap, gridGap               time.Duration
	share                             int     // the metrics take at most 1/share of the time
	perMAC                            float64 // seconds per multiply-add of a boundary picture; 0 until one was timed
}

const (
	reportEvery       = 75 * time.Millisecond     // ~13 reports a second for the page's ~11 renders
	boundaryEvery     = 200 * time.Millisecond    // ≤ 5 pictures a second
	metricsShare      = 12                        // metrics take at most 1/12 of the time
	imageMetricsShare = 4                         // on images, which have no boundary: at most a quarter
	gridShare         = 4                         // the boundary at most a quarter
	gridBudget        = boundaryEvery / gridShare // 50 ms: a picture that takes longer comes less often
	// gridSlack lets a picture come up to half a training burst early, so that pictures,
	// which can only start between bursts, come every boundaryEvery on average.
	gridSlack = 12 * time.Millisecond
)

func newCadence() *cadence {
	return &cadence{metricsGap: reportEvery, gridGap: boundaryEvery, share: metricsShare}
}

// onImages sets the metrics' share for a run on images (imageMetricsShare) or on points.
func (c *cadence) onImages(images bool) {
	c.share = metricsShare
	if images {
		c.share = imageMetricsShare
	}
}

// due says whether a report is due at now and what it measures. cost is the network's
// forward pass in multiply-adds per point, to size the grid. A picture that is due makes a
// report of its own, without waiting for the next one: pictures come every boundaryEvery,
// not every boundaryEvery rounded up to the reports' pace.
func (c *cadence) due(now time.Time, cost int) (want measure, ok bool) {
	picture := now.Sub(c.lastGrid) >= c.gridGap
	if now.Sub(c.lastReport) < reportEvery && !picture {
		return measure{}, false
	}
	want.metrics = now.Sub(c.lastMetrics) >= c.metricsGap
	if picture {
		want.gridN = c.gridN(cost)
	}
	return want, true
}

// untilDue is how long from now until the next report (or picture) is due, 0 when it is: the
// length of the training burst before it.
func (c *cadence) untilDue(now time.Time) time.Duration {
	next := c.lastReport.Add(reportEvery)
	if g := c.lastGrid.Add(c.gridGap); g.Before(next) {
		next = g
	}
	return max(next.Sub(now), 0)
}

// reported records when a report was posted (now, once measured) and what its measuring
// cost. The gaps run from when the report and each measurement started (the metrics first,
// then the picture), so a measurement's own time is not added to the gap after it.
func (c *cadence) reported(now time.Time, want measure, cost measured) {
	c.lastReport = now.Add(-cost.grid - cost.metrics) // reports keep their pace through a picture
	if want.metrics {
		c.lastMetrics = now.Add(-cost.grid - cost.metrics)
		c.metricsGap = max(reportEvery, time.Duration(c.share)*cost.metrics)
	}
	if want.gridN > 0 {
		c.lastGrid = now.Add(-cost.grid)
		c.gridGap = max(boundaryEvery-gridSlack, gridShare*cost.grid)
	}
}

// timedGrid learns how fast this worker draws from a picture of n×n points of a network of
// cost multiply-adds per point that took took. The estimate is smoothed, so one slow picture
// (the browser busy elsewhere) does not halve the next one's resolution.
func (c *cadence) timedGrid(n, cost int, took time.Duration) {
	if n <= 0 || cost <= 0 || took <= 0 {
		return
	}
	per := took.Seconds() / float64(n*n*cost)
	if c.perMAC == 0 {
		c.perMAC = per
	} else {
		c.perMAC = 0.7*c.perMAC + 0.3*per
	}
}

// gridN is the boundary's resolution for a network of cost multiply-adds per point: what
// fits in gridBudget at the speed measured so far, or before any measurement gridSize's guess.
func (c *cadence) gridN(cost int) int {
	if c.perMAC == 0 || cost <= 0 {
		return gridSize(cost)
	}
	n := int(math.Sqrt(gridBudget.Seconds() / (c.perMAC * float64(cost))))
	return max(MinGridN, min(MaxGridN, n))
}
