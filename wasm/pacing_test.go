package main

import (
	"math/rand/v2"
	"testing"
	"time"
)

// simulatePacing plays pace.go's loop over reports arriving at the given offsets: a report
// renders at once when its slot has come, else it waits for the flush timer, which fires
// late by delay(). It returns when each render ran.
func simulatePacing(reports []time.Duration, cost time.Duration, delay func() time.Duration) []time.Duration {
	t0 := time.Unix(1000, 0)
	var s renderSchedule
	var renders []time.Duration
	render := func(at time.Duration) {
		renders = append(renders, at)
		s.rendered(t0.Add(at), renderGap(cost))
	}
	pending, flushAt := false, time.Duration(0)
	for i := 0; i < len(reports) || pending; {
		if pending && (i == len(reports) || flushAt <= reports[i]) {
			render(flushAt)
			pending = false
			continue
		}
		at := reports[i]
		i++
		if wait := s.wait(t0.Add(at)); wait == 0 {
			render(at)
			pending = false
		} else if !pending {
			pending, flushAt = true, at+wait+delay()
		}
	}
	return renders
}

// workerReports are report times over span: every 75 ms (three 25 ms bursts), each burst a
// little longer than asked, and a picture report of its own every 200 ms.
func workerReports(rng *rand.Rand, span time.Duration) []time.Duration {
	var out []time.Duration
	at, picture := time.Duration(0), 200*time.Millisecond
	for at < span {
		at += 75*time.Millisecond + time.Duration(rng.IntN(6))*time.Millisecond
		if picture < at {
			out = append(out, picture)
			picture += 200 * time.Millisecond
		}
		out = append(out, at)
	}
	return out
}

func rate(renders []time.Duration) float64 {
	if len(renders) < 2 {
		return 0
	}
	return float64(len(renders)-1) / (renders[len(renders)-1] - renders[0]).Seconds()
}

// TestPacingShowsTenUpdatesASecond: with the worker's report cadence and a cheap render, the
// page renders more than ten times a second even when every flush timer fires up to 30 ms
// late (a busy main thread), and never two renders closer than half a gap.
func TestPacingShowsTenUpdatesASecond(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 55))
	for _, late := range []time.Duration{0, 15 * time.Millisecond, 30 * time.Millisecond} {
		renders := simulatePacing(workerReports(rng, 20*time.Second), 4*time.Millisecond, func() time.Duration {
			return time.Duration(rng.Int64N(int64(late) + 1))
		})
		if r := rate(renders); r < 10.5 || r > 1/minRenderGap.Seconds()+0.1 {
			t.Errorf("timers up to %v late: %.2f renders a second; want between 10.5 and %.2f", late, r, 1/minRenderGap.Seconds())
		}
		for i := 1; i < len(renders); i++ {
			if d := renders[i] - renders[i-1]; d < minRenderGap/2 {
				t.Fatalf("timers up to %v late: renders %v apart at %v", late, d, renders[i])
			}
		}
	}
}

// TestPacingKeepsCostlyRendersToATenth: a render of 20 ms waits 200 ms for the next.
func TestPacingKeepsCostlyRendersToATenth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	renders := simulatePacing(workerReports(rng, 20*time.Second), 20*time.Millisecond, func() time.Duration { return 0 })
	if r := rate(renders); r < 4.8 || r > 5.05 {
		t.Errorf("%.2f renders a second of 20 ms each; want 5", r)
	}
}

// TestPacingRendersSparseReportsAtOnce: reports further apart than the gap are never held back.
func TestPacingRendersSparseReportsAtOnce(t *testing.T) {
	var reports []time.Duration
	for i := range 20 {
		reports = append(reports, time.Duration(i)*300*time.Millisecond+time.Duration(i%3)*time.Millisecond)
	}
	renders := simulatePacing(reports, 4*time.Millisecond, func() time.Duration { return 50 * time.Millisecond })
	if len(renders) != len(reports) {
		t.Fatalf("%d renders for %d reports", len(renders), len(reports))
	}
	for i := range renders {
		if renders[i] != reports[i] {
			t.Errorf("report %d at %v rendered at %v", i, reports[i], renders[i])
		}
	}
}

// TestUrgentRenderKeepsTheSlot: an urgent render between slots does not delay the next one.
func TestUrgentRenderKeepsTheSlot(t *testing.T) {
	t0 := time.Unix(1000, 0)
	var s renderSchedule
	s.rendered(t0, minRenderGap)
	next := t0.Add(s.wait(t0))
	s.rendered(t0.Add(30*time.Millisecond), minRenderGap) // urgent
	if got := t0.Add(30 * time.Millisecond).Add(s.wait(t0.Add(30 * time.Millisecond))); !got.Equal(next) {
		t.Errorf("after an urgent render the next slot moved from %v to %v", next.Sub(t0), got.Sub(t0))
	}
	if renderGap(3*time.Millisecond) != minRenderGap || renderGap(20*time.Millisecond) != 200*time.Millisecond {
		t.Errorf("renderGap: %v for 3 ms, %v for 20 ms", renderGap(3*time.Millisecond), renderGap(20*time.Millisecond))
	}
}

// TestRenderCostIsTheLeastOfTheLatest: one stalled render (the machine busy elsewhere) does
// not slow the updates; renders that are all slow do, and an old slow one is forgotten.
func TestRenderCostIsTheLeastOfTheLatest(t *testing.T) {
	var c renderCosts
	if c.estimate() != 0 {
		t.Fatalf("no render yet: %v", c.estimate())
	}
	ms := time.Millisecond
	for _, d := range []time.Duration{4 * ms, 30 * ms, 5 * ms, 14 * ms} {
		c.add(d)
	}
	if c.estimate() != 4*ms {
		t.Errorf("renders of 4, 30, 5 and 14 ms cost %v, want 4 ms", c.estimate())
	}
	for range 8 {
		c.add(20 * ms) // a slow machine: every render slow
	}
	if got := renderGap(c.estimate()); got != 200*ms {
		t.Errorf("renders of 20 ms each: a gap of %v, want 200 ms", got)
	}
}
