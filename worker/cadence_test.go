package worker

import (
	"testing"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// The cadence reports every reportEvery, measures the metrics and draws the boundary no more
// often than their shares of the time allow, and sizes the grid to the speed it measured.
func TestCadenceKeepsMeasuringToAQuarter(t *testing.T) {
	c := newCadence()
	t0 := time.Unix(1000, 0)
	const cost = 12_000 // the default network: 24 blocks of two 16×16 layers
	want, ok := c.due(t0, cost)
	if !ok || !want.metrics || want.gridN != gridSize(cost) {
		t.Fatalf("first report: %+v %v; want metrics and a %d grid", want, ok, gridSize(cost))
	}
	// Metrics took 20 ms, then the picture 80 ms: the report went out at t0+100 ms. The
	// metrics wait 12×20 = 240 ms from their start (t0+240), the picture 4×80 = 320 ms
	// from its start (t0+340).
	c.reported(t0.Add(100*time.Millisecond), want, measured{metrics: 20 * time.Millisecond, grid: 80 * time.Millisecond, gridN: want.gridN})
	c.timedGrid(want.gridN, cost, 80*time.Millisecond)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	want, ok = c.due(at(190), cost)
	if !ok || want.metrics || want.gridN != 0 {
		t.Errorf("at 190 ms: %+v %v; want a report measuring nothing", want, ok)
	}
	c.reported(at(190), want, measured{})
	if _, ok := c.due(at(230), cost); ok {
		t.Error("a report 40 ms after the last")
	}
	want, ok = c.due(at(280), cost)
	if !ok || !want.metrics || want.gridN != 0 {
		t.Errorf("at 280 ms: %+v %v; want metrics only", want, ok)
	}
	c.reported(at(285), want, measured{metrics: 5 * time.Millisecond})
	// The picture is due at t0+340: it makes a report though the last was 55 ms before.
	want, ok = c.due(at(340), cost)
	if !ok || want.gridN == 0 {
		t.Fatalf("at 340 ms: %+v %v; want a picture", want, ok)
	}
	// The picture of gridSize(cost)² points took 80 ms: the next fits gridBudget.
	perPoint := 80 * time.Millisecond / time.Duration(gridSize(cost)*gridSize(cost))
	if got := time.Duration(want.gridN*want.gridN) * perPoint; got > gridBudget || got < gridBudget/2 {
		t.Errorf("a %d grid would take %v; want about %v", want.gridN, got, gridBudget)
	}
	// A picture that fits its budget comes five times a second.
	c.reported(at(380), want, measured{grid: 40 * time.Millisecond, gridN: want.gridN})
	if want, _ := c.due(at(340+int((boundaryEvery-gridSlack).Milliseconds())), cost); want.gridN == 0 {
		t.Error("a 40 ms picture does not come again 200 ms after the last one started")
	}
}

func TestCadenceGridFollowsTheMeasuredSpeed(t *testing.T) {
	c := newCadence()
	const cost = 12_000
	c.timedGrid(64, cost, 5*time.Millisecond) // fast: SIMD kernels
	if n := c.gridN(cost); n != MaxGridN {
		t.Errorf("a worker drawing 64² points in 5 ms gets a %d grid, want %d", n, MaxGridN)
	}
	slow := newCadence()
	slow.timedGrid(64, cost, 2*time.Second)
	if n := slow.gridN(cost); n != MinGridN {
		t.Errorf("a worker taking 2 s for 64² points gets a %d grid, want %d", n, MinGridN)
	}
	// One slow picture moves the estimate only part of the way.
	c.timedGrid(64, cost, 100*time.Millisecond)
	if n := c.gridN(cost); n < 30 {
		t.Errorf("one slow picture cut the grid to %d", n)
	}
}

// TestCadenceReportsForTenUpdatesASecond: training in bursts that end when a report falls
// due (each a step longer: a burst ends after its last step), the default network's reports
// come every ~75 ms, so the page, rendering ~11 times a second (wasm/pacing.go), finds a new
// one at each render.
func TestCadenceReportsForTenUpdatesASecond(t *testing.T) {
	c := newCadence()
	const cost = 12_000
	const step = 500 * time.Microsecond // the default network's training step in a browser
	now := time.Unix(1000, 0)
	start := now
	var last time.Time
	var gaps []time.Duration
	for now.Sub(start) < 10*time.Second {
		burst := min(Burst, c.untilDue(now))
		now = now.Add((burst/step + 1) * step) // whole steps, at least one
		want, ok := c.due(now, cost)
		if !ok {
			continue
		}
		var took measured
		if want.metrics {
			took.metrics = 3 * time.Millisecond // the default network on its 600 points
		}
		if want.gridN > 0 {
			took.grid, took.gridN = 8*time.Millisecond, want.gridN
		}
		now = now.Add(took.metrics + took.grid)
		c.reported(now, want, took)
		if !last.IsZero() {
			gaps = append(gaps, now.Sub(last))
		}
		last = now
	}
	if perSecond := float64(len(gaps)) / now.Sub(start).Seconds(); perSecond < 13 {
		t.Errorf("%.1f reports a second; want at least 13 (one every 75 ms, and some for pictures)", perSecond)
	}
	limit := reportEvery + step + 11*time.Millisecond // a step late, and a picture's and metrics' time
	for _, g := range gaps {
		if g > limit {
			t.Fatalf("reports %v apart; want at most %v", g, limit)
		}
	}
}

// Images draw no boundary, so their metrics may take its quarter: a measurement of 1 s (32
// convolutional layers) comes again after 4 s, not 12 s. The worker sets the share at every
// reset, from the dataset.
func TestCadenceMeasuresImagesMoreOften(t *testing.T) {
	t0 := time.Unix(1000, 0)
	gap := func(images bool) time.Duration {
		c := newCadence()
		c.onImages(images)
		c.reported(t0, measure{metrics: true}, measured{metrics: time.Second})
		return c.metricsGap
	}
	if got := gap(true); got != imageMetricsShare*time.Second {
		t.Errorf("images: metrics every %v, want %v", got, imageMetricsShare*time.Second)
	}
	if got := gap(false); got != metricsShare*time.Second {
		t.Errorf("points: metrics every %v, want %v", got, metricsShare*time.Second)
	}
	w := New()
	for _, s := range []struct {
		dataset string
		want    int
	}{{"digits", imageMetricsShare}, {"spiral", metricsShare}} {
		spec := lab.DefaultFor(s.dataset)
		m, _ := proto.EncodeCommand(proto.Command{Kind: proto.CmdReset, Gen: 1, Seq: 1, Spec: spec})
		w.Receive(m)
		if w.pace.share != s.want {
			t.Errorf("after a reset on %s: metrics share 1/%d, want 1/%d", s.dataset, w.pace.share, s.want)
		}
	}
}
