package ui

import (
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// The twins are the single view's network built twice, once with every shortcut off and
// once with every shortcut on (lab.Twins): the same data, seed and initial weights, so the
// only difference between the two runs is the shortcuts.

// The twins' sides, and their names in legends and read-outs.
const (
	Plain    = 0
	Residual = 1
)

var TwinNames = [2]string{"plain", "residual"}

// TwinRun is the pair. Each side is a Run of its own, driving its own worker: the same
// play/pause/step/reset and the same report handling as the single view's run.
type TwinRun struct {
	Side [2]*Run
	Grad [2]*GradHistory
	From string // the single view's Spec (URL form) the twins were built from

	LesionBlock int // the block "Knock out" removes (0-based)

	// The Why panel (ui/why.go): WhyConf is what the next picture uses (the panel's inputs);
	// WhyShown the picture asked for since the last reset, which the address carries; whyFresh
	// says WhyConf was not drawn yet, so the next Draw uses its directions rather than new ones;
	// whyHold is a picture waiting for both running twins to stop at a common step.
	WhyConf  lab.LandscapeConfig
	WhyShown *lab.LandscapeConfig
	whyFresh bool
	whyHold  *[2]int // the Seq of each twin's pause
	whyStart time.Time
	whyWall  time.Duration // from Draw to both pictures in, once they are
	WhyErr   string        // why a setting typed into the panel was not taken

	// held marks a running twin told to wait for the other: the two workers rarely get the
	// same share of the processor, and curves compared at different steps would mislead.
	held [2]bool
}

// twinSlack is how many steps one twin may run ahead of the other before it waits.
const twinSlack = 50

// newTwinRun builds both twins of spec, paused, and tells their workers. When prev is the
// pair it replaces, the new runs are numbered after the old ones, so a report of an old run
// still in flight cannot pass for one of the new.
func newTwinRun(spec lab.Spec, host CompareHost, prev *TwinRun) *TwinRun {
	plain, residual := lab.Twins(spec)
	t := &TwinRun{From: spec.String(), WhyConf: lab.DefaultLandscape(), whyFresh: true}
	if prev != nil { // the panel's settings stay; the pictures were of the old pair
		t.WhyConf, t.WhyConf.At = prev.WhyConf, 0
	}
	for side, s := range [2]lab.Spec{plain, residual} {
		r := NewRun(func(c proto.Command) { host.SendTwin(side, c) })
		if prev != nil {
			r.Gen = prev.Side[side].Gen
		}
		r.Restart(s)
		t.Side[side] = r
		t.Grad[side] = NewGradHistory(gradColumns)
	}
	return t
}

// syncTwins (re)builds the twins when the single view's network changed since they were
// built, keeping nothing of the old pair: a comparison is only fair from a common start.
func (c *Compare) syncTwins() {
	if c.Twins != nil && c.Twins.From == c.App.Spec.String() {
		return
	}
	block := 0
	if c.Twins != nil {
		block = c.Twins.LesionBlock
	}
	c.Twins = newTwinRun(c.App.Spec, c.host, c.Twins)
	c.Twins.LesionBlock = min(block, len(c.App.Spec.Blocks)-1)
	c.syncAddress() // which no longer names the old pair's pictures
}

// Running reports whether either twin is training.
func (t *TwinRun) Running() bool { return t.Side[Plain].Running || t.Side[Residual].Running }

// Play, Pause, Step and Reset drive both twins at once.
func (t *TwinRun) Play() {
	t.held = [2]bool{}
	if t.Side[Plain].lost || t.Side[Residual].lost {
		// A twin's worker failed: both start again together, or they would not be compared
		// from a common start.
		for _, a := range t.Side {
			a.Running = true
			a.Restart(a.spec)
		}
		return
	}
	for _, a := range t.Side {
		a.Play()
	}
}

func (t *TwinRun) Pause() {
	t.held = [2]bool{}
	for _, a := range t.Side {
		a.Pause()
	}
}

// keepInStep holds a running twin that is more than twinSlack steps ahead of the other,
// and lets it go again once the other has caught up (or stopped). The held twin stays
// Running as far as the visitor is concerned; only its worker waits.
func (t *TwinRun) keepInStep() {
	for side, a := range t.Side {
		other := t.Side[1-side]
		ahead := a.Measured && other.Measured && other.Running &&
			a.Metrics.Step > other.Metrics.Step+twinSlack
		switch {
		case a.Running && ahead && !t.held[side]:
			t.held[side] = true
			a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: false})
		case t.held[side] && (!ahead || !a.Running):
			t.held[side] = false
			if a.Running {
				a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: true})
			}
		}
	}
}

func (t *TwinRun) Step() {
	for _, a := range t.Side {
		a.Step()
	}
}

// Reset starts both again from their common initial weights, paused.
func (t *TwinRun) Reset() {
	t.held = [2]bool{}
	t.forgetWhy()
	for side, a := range t.Side {
		a.Reset() // which forgets its lesions and pictures too
		t.Grad[side].Reset()
	}
}

// ReceiveTwin takes a report from one twin's worker.
func (c *Compare) ReceiveTwin(side int, r proto.Report) {
	t := c.Twins
	if t == nil || side < 0 || side > 1 || r.Gen != t.Side[side].Gen {
		return
	}
	t.Side[side].Receive(r)
	if len(r.Metrics.Blocks) > 0 {
		t.Grad[side].Add(r.Metrics.Step, r.Metrics.Blocks)
	}
	if t.whyHold != nil {
		if t.continueWhy() {
			c.syncAddress()
		}
		return // the twins wait for the picture, not for each other
	}
	t.keepInStep()
}

// SetTwinDepth gives the compared network another depth (the single view's network changes
// too, so the two views never disagree) and rebuilds the twins.
func (c *Compare) SetTwinDepth(text string) {
	c.App.SetDepth(text)
	c.syncTwins()
}

// TwinDepth is the compared network's depth.
func (c *Compare) TwinDepth() int { return len(c.App.Spec.Blocks) }
