package worker

import (
	"testing"
	"time"
)

// The cadence reports every 100 ms, measures the metrics and draws the boundary no more
// often than their shares of the time allow, and sizes the grid to the speed it measured.
func TestCadenceKeepsMeasuringToAQuarter(t *testing.T) {
	c := newCadence()
	t0 := time.Unix(1000, 0)
	const cost = 12_000 // the default network: 24 blocks of two 16×16 layers
	want, ok := c.due(t0, cost)
	if !ok || !want.metrics || want.gridN != gridSize(cost) {
		t.Fatalf("first report: %+v %v; want metrics and a %d grid", want, ok, gridSize(cost))
	}
	// Metrics took 20 ms, the picture 80 ms.
	c.reported(t0, want, measured{metrics: 20 * time.Millisecond, grid: 80 * time.Millisecond, gridN: want.gridN})
	c.timedGrid(want.gridN, cost, 80*time.Millisecond)
	if _, ok := c.due(t0.Add(50*time.Millisecond), cost); ok {
		t.Error("a report 50 ms after the last")
	}
	// 100 ms later: the metrics (20 ms) wait 12×20 = 240 ms, the picture (80 ms) 4×80 = 320 ms.
	want, ok = c.due(t0.Add(100*time.Millisecond), cost)
	if !ok || want.metrics || want.gridN != 0 {
		t.Errorf("100 ms later: %+v %v; want a report measuring nothing", want, ok)
	}
	c.reported(t0.Add(100*time.Millisecond), want, measured{})
	want, _ = c.due(t0.Add(250*time.Millisecond), cost)
	if !want.metrics || want.gridN != 0 {
		t.Errorf("250 ms later: %+v; want metrics only", want)
	}
	want, _ = c.due(t0.Add(400*time.Millisecond), cost)
	if want.gridN == 0 {
		t.Fatal("no picture 400 ms after one that took 80 ms")
	}
	// The picture of want.gridN² points took 80 ms: the next fits gridBudget.
	perPoint := 80 * time.Millisecond / time.Duration(gridSize(cost)*gridSize(cost))
	if got := time.Duration(want.gridN*want.gridN) * perPoint; got > gridBudget || got < gridBudget/2 {
		t.Errorf("a %d grid would take %v; want about %v", want.gridN, got, gridBudget)
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
