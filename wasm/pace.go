//go:build js && wasm

package main

import (
	"sync"
	"time"

	"github.com/vugu/vugu"

	"resnetplayground/proto"
)

// The pacer applies each worker report to the state at once, in arrival order, but renders
// at the pace renderSchedule keeps (pacing.go): at most one render a gap, on slots that a
// late timer does not push back. An urgent change (the run stopped, failed or diverged)
// renders at once, and clicks and typing render at once through Vugu.
type pacer struct {
	env   vugu.EventEnv
	jobs  chan paced
	mu    sync.Mutex // guards costs: the render loop adds, the pacer's loop reads
	costs renderCosts
	slot  renderSchedule
}

type paced struct {
	change func()
	urgent bool
}

func newPacer(env vugu.EventEnv) *pacer {
	p := &pacer{env: env, jobs: make(chan paced, 256)}
	go p.loop()
	return p
}

// update queues a change to the page's state; it never blocks its caller, a JS callback.
func (p *pacer) update(change func()) { p.queue(paced{change, false}) }

// now queues a change that is shown at once.
func (p *pacer) now(change func()) { p.queue(paced{change, true}) }

// report queues a worker report's change: paced while the run goes on, at once when it
// stopped, failed or diverged (a visitor who pressed Pause sees the final numbers at once).
func (p *pacer) report(r proto.Report, change func()) {
	p.queue(paced{change, !r.Running || r.Err != "" || r.Metrics.Diverged})
}

func (p *pacer) queue(j paced) {
	select {
	case p.jobs <- j:
	default:
		go func() { p.jobs <- j }()
	}
}

// rendered records what a render cost; the page's render loop calls it.
func (p *pacer) rendered(cost time.Duration) {
	p.mu.Lock()
	p.costs.add(cost)
	p.mu.Unlock()
}

// gap is the spacing of paced renders now (pacing.go).
func (p *pacer) gap() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return renderGap(p.costs.estimate())
}

func (p *pacer) loop() {
	flush := time.NewTimer(time.Hour)
	flush.Stop()
	dirty := false
	render := func() {
		p.env.UnlockRender()
		p.slot.rendered(time.Now(), p.gap())
		dirty = false
	}
	for {
		select {
		case j := <-p.jobs:
			p.env.Lock()
			j.change()
			wait := p.slot.wait(time.Now())
			if j.urgent || wait == 0 {
				render()
				flush.Stop()
				continue
			}
			p.env.UnlockOnly()
			if !dirty {
				dirty = true
				flush.Reset(wait)
			}
		case <-flush.C:
			if dirty {
				p.env.Lock()
				render()
			}
		}
	}
}
