//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/proto"
	"resnetplayground/ui"
	"resnetplayground/wasm/jsmsg"
)

// sweepPool trains one sweep on a few workers of its own. A pool lives for one sweep:
// cancelling terminates its workers at once, whatever they are doing, and finishing frees
// them, so an idle page holds no memory for sweeps.
type sweepPool struct {
	id      int
	workers []js.Value
	funcs   []js.Func
	sched   *ui.SweepSchedule
	stopped bool
}

// StartSweep starts sweep id's jobs on a new pool, replacing any pool still running.
func (h *compareHost) StartSweep(id int, jobs []ui.SweepJob) {
	h.CancelSweep()
	cores := js.Global().Get("navigator").Get("hardwareConcurrency")
	n := 2
	if cores.Type() == js.TypeNumber {
		n = cores.Int()
	}
	p := &sweepPool{id: id, sched: ui.NewSweepSchedule(jobs)}
	h.pool = p
	for i := range ui.PoolSize(n, len(jobs)) {
		w, funcs := newWorker(func(v js.Value) { h.poolMessage(p, i, v) }, func(f workerFailure) {
			why := "a training worker could not start or crashed (offline, or worker.js blocked?)"
			switch {
			case f.Exited:
				why = "a training worker's program ended"
				if f.Detail != "" {
					why += ": " + f.Detail
				}
			case f.Detail != "":
				why = "a training worker failed: " + f.Detail
			}
			h.pace.now(func() { h.cmp.SweepFailed(p.id, why) })
		})
		p.workers = append(p.workers, w)
		p.funcs = append(p.funcs, funcs...)
		p.assign(i)
	}
}

// CancelSweep stops the pool's workers where they are.
func (h *compareHost) CancelSweep() {
	if h.pool != nil {
		h.pool.stop()
		h.pool = nil
	}
}

// poolMessage takes worker i's word on its job and gives it the next one when it is done.
func (h *compareHost) poolMessage(p *sweepPool, i int, v js.Value) {
	m := jsmsg.FromJS(v)
	if p.stopped || m.Type() != "sweep" {
		return
	}
	job, ok := p.sched.Job(i)
	if !ok {
		return
	}
	pt := proto.DecodeSweepPoint(m)
	h.pace.update(func() { h.cmp.ReceiveSweep(p.id, job.Index, pt) })
	if !pt.Done {
		return
	}
	p.sched.Finish(i)
	p.assign(i)
	if p.sched.Done() {
		p.stop()
		if h.pool == p {
			h.pool = nil
		}
	}
}

// assign posts worker i its next job, if any is left.
func (p *sweepPool) assign(i int) {
	job, ok := p.sched.Next(i)
	if !ok {
		return
	}
	postCommand(p.workers[i], proto.Command{Kind: proto.CmdSweep, Gen: job.Index, Spec: job.Spec, Steps: job.Steps})
}

// stop terminates the workers and releases their callbacks.
func (p *sweepPool) stop() {
	if p.stopped {
		return
	}
	p.stopped = true
	for _, w := range p.workers {
		w.Call("terminate")
		w.Set("onmessage", js.Null()) // a message already queued must not reach a released callback
		w.Set("onerror", js.Null())
	}
	for _, f := range p.funcs {
		f.Release()
	}
}
