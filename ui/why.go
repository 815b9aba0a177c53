package ui

import (
	"math"
	"strconv"
	"time"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// Why the twins differ, seen: each twin's loss landscape around its current weights (Li et al.
// 2018) and its shattered gradients (Balduzzi et al. 2017), computed by its worker between
// training bursts (proto.CmdLandscape) and drawn side by side in the twin view.

// RequestLandscape asks r's worker to picture its network at step c.At (training it there
// first if it is behind).
func (r *Run) RequestLandscape(c lab.LandscapeConfig) {
	r.Why = nil
	r.send(proto.Command{Kind: proto.CmdLandscape, Gen: r.Gen, Landscape: c})
}

// ReceiveLandscape takes a landscape report; one about a network since replaced is dropped.
func (r *Run) ReceiveLandscape(rep proto.LandscapeReport) {
	r.Acked = max(r.Acked, rep.Ack)
	if rep.Gen == r.Gen {
		r.Why = &rep
	}
}

// ReceiveLandscape takes a twin's landscape report.
func (c *Compare) ReceiveLandscape(side int, r proto.LandscapeReport) {
	t := c.Twins
	if t == nil || side < 0 || side > 1 {
		return
	}
	t.Side[side].ReceiveLandscape(r)
	// A paused worker that took a step the page had not heard of before the request reached
	// it (a Step still in flight) pictures the step it is at, past the one asked for: both
	// twins are asked again at that step, so the pictures and the address agree. Paused
	// workers do not move on, so this asks once. (At 0 asks for whatever step a worker is at.)
	if shown := t.WhyShown; shown != nil && r.Gen == t.Side[side].Gen && r.At > 0 && r.At == shown.At && r.Step > r.At && !t.Running() {
		t.drawAt(r.Step)
		c.syncAddress()
		return
	}
	if t.whyWall == 0 && t.WhyState() == "done" {
		t.whyWall = max(time.Since(t.whyStart), time.Millisecond)
	}
}

// DrawLandscapes asks both twins for their pictures with the panel's settings, at a step
// both are at, and writes the picture into the address. The first time, and after a setting
// changed, the directions are the panel's; each press after that draws a new pair (seed + 1),
// so "Draw again" shows whether a feature is the surface's or the slice's. Both twins use
// the same seed: the same raw directions, each normalised to its own twin's weights.
//
// A link reproduces a picture only if both twins were pictured at the same step, and two
// workers never are at the same step by themselves. So paused twins are pictured at the
// step of the one further on (the other trains there first), and running twins are first
// stopped, without the visitor seeing a pause: once both workers said where they stopped,
// both are pictured at the later step and train on (continueWhy).
func (c *Compare) DrawLandscapes() {
	t := c.Twins
	if t == nil {
		return
	}
	if !t.whyFresh {
		t.WhyConf.Seed++
	}
	t.whyFresh = false
	t.whyStart, t.whyWall = time.Now(), 0
	for _, a := range t.Side {
		a.Why = nil
	}
	t.WhyShown = nil
	if !t.Running() {
		t.drawAt(t.commonStep())
		c.syncAddress()
		return
	}
	var seqs [2]int
	for side, a := range t.Side {
		if a.lost { // a failed worker answers nothing: its picture fails on its own
			continue
		}
		a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: false})
		seqs[side] = a.Sent
	}
	t.whyHold = &seqs
}

// continueWhy draws the pictures once both running twins have stopped (their workers
// acknowledged the pause, so their latest reports say their final steps), and lets them
// train on. It reports whether it drew.
func (t *TwinRun) continueWhy() bool {
	for side, a := range t.Side {
		if a.Acked < t.whyHold[side] {
			return false
		}
	}
	t.whyHold = nil
	t.drawAt(t.commonStep())
	t.held = [2]bool{}
	for _, a := range t.Side {
		if a.Running {
			a.send(proto.Command{Kind: proto.CmdRun, Gen: a.Gen, Run: true})
		}
	}
	return true
}

// commonStep is the later of the twins' steps.
func (t *TwinRun) commonStep() int {
	return max(t.Side[Plain].Metrics.Step, t.Side[Residual].Metrics.Step)
}

// drawAt asks both workers for the panel's picture at step.
func (t *TwinRun) drawAt(step int) {
	c := t.WhyConf
	c.At = step
	t.WhyShown = &c
	for _, a := range t.Side {
		a.RequestLandscape(c)
	}
}

// DrawLinked draws the picture a link names (Compare.LoadQuery), on twins just built: both
// train to its step, then draw it.
func (t *TwinRun) DrawLinked(c lab.LandscapeConfig) {
	t.WhyConf, t.whyFresh = c, false
	t.whyStart, t.whyWall = time.Now(), 0
	t.drawAt(c.At)
}

// forgetWhy drops the pictures (a reset): the address no longer names one.
func (t *TwinRun) forgetWhy() {
	t.WhyShown, t.whyHold = nil, nil
	t.whyFresh = true
}

// SetWhySetting commits a value typed into the panel's input for the setting key
// (lab.LandscapeFields); the next Draw uses it. A value that is not allowed changes nothing,
// and the panel says why.
func (c *Compare) SetWhySetting(key, text string) {
	t := c.Twins
	f := lab.LandscapeFieldByKey(key)
	if t == nil || f == nil {
		return
	}
	t.WhyErr = ""
	if err := f.Set(&t.WhyConf, text); err != nil {
		t.WhyErr = err.Error()
		return
	}
	t.whyFresh = true
}

// WhySeed is the directions' seed of the picture on screen, or of the next one.
func (t *TwinRun) WhySeed() uint64 {
	if t.WhyShown != nil {
		return t.WhyShown.Seed
	}
	return t.WhyConf.Seed
}

// WhyProgress says how far the pictures are: "" before any, "training to step 1,500: 212"
// while a twin trains to the picture's step, "412 of 1,053 points" while they fill in (the
// slower twin's count), "done" when both are in.
func (t *TwinRun) WhyProgress() string {
	if t.whyHold != nil {
		return "starting…"
	}
	for _, a := range t.Side {
		if r := a.Why; r != nil && r.Err == "" && r.Step < r.At && r.Done == 0 {
			return "training to step " + Count(r.At) + ": " + Count(r.Step)
		}
	}
	done, total, any := 0, 0, false
	for _, a := range t.Side {
		r := a.Why
		if r == nil {
			if t.WhyShown != nil { // asked for, not yet answered
				return "starting…"
			}
			continue
		}
		if r.Err != "" {
			return r.Err
		}
		any = true
		if !r.Finished() && (total == 0 || r.Done*total < done*r.Total) {
			done, total = r.Done, r.Total
		}
	}
	switch {
	case !any:
		return ""
	case total == 0:
		return "done"
	}
	return strconv.Itoa(done) + " of " + strconv.Itoa(total) + " points"
}

// WhyState is the panel's state for tests: "none", "filling" or "done".
func (t *TwinRun) WhyState() string {
	switch p := t.WhyProgress(); p {
	case "":
		return "none"
	case "done":
		return "done"
	}
	return "filling"
}

// WhyScale is the log₁₀-loss range both landscapes share, so their colours compare.
func (t *TwinRun) WhyScale() (lo, hi float64, ok bool) {
	var grids [][][]float64
	for _, a := range t.Side {
		if a.Why != nil {
			grids = append(grids, a.Why.Landscape.Loss)
		}
	}
	return LogRange(grids...)
}

// WhySlices are the twins' 1-D slices through their current weights, for a log-scale chart.
func (t *TwinRun) WhySlices() []Series {
	return t.whySeries(func(l *lab.Landscape) ([]float64, []float64) { return l.SliceAxis, l.Slice })
}

// WhyLines are the twins' losses on the straight line from their initial to their current
// weights (Goodfellow et al. 2015).
func (t *TwinRun) WhyLines() []Series {
	return t.whySeries(func(l *lab.Landscape) ([]float64, []float64) { return l.LineAxis, l.Line })
}

func (t *TwinRun) whySeries(pick func(*lab.Landscape) ([]float64, []float64)) []Series {
	var out []Series
	for side, a := range t.Side {
		if a.Why == nil {
			continue
		}
		x, y := pick(&a.Why.Landscape)
		out = append(out, Series{Name: TwinNames[side], Class: "twin-" + TwinNames[side], X: x, Y: y})
	}
	return out
}

// WhyGradient is one twin's input gradient along the line, at initialisation or now.
func (t *TwinRun) WhyGradient(side int, now bool) []Series {
	r := t.Side[side].Why
	if r == nil {
		return nil
	}
	s := r.ShatterInit
	if now {
		s = r.ShatterNow
	}
	return []Series{{Name: TwinNames[side], Class: "twin-" + TwinNames[side], X: s.X, Y: s.Grad}}
}

// WhyGradientTitle names a gradient chart with its lag-1 autocorrelation.
func (t *TwinRun) WhyGradientTitle(side int, now bool) string {
	when := "at initialisation"
	if now {
		when = "now"
	}
	title := TwinNames[side] + ", " + when
	if r := t.Side[side].Why; r != nil && len(r.ShatterInit.Grad) > 0 {
		ac := r.ShatterInit.Autocorr
		if now {
			ac = r.ShatterNow.Autocorr
		}
		title += ": autocorrelation " + fixed2(ac)
	}
	return title
}

// WhyRoughness says how rough a twin's finished landscape is ("–" before it is).
func (t *TwinRun) WhyRoughness(side int) string {
	r := t.Side[side].Why
	if r == nil || !r.Finished() || math.IsNaN(r.Roughness) {
		return "–"
	}
	return fixed2(r.Roughness) + " (step " + strconv.Itoa(r.Step) + ")"
}

func fixed2(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// UseWhyPreset gives the page the network where the landscapes' contrast shows best
// (lab.WhyPreset: batch norm and 14 blocks, so the plain twin trains partly) and rebuilds the
// twins from it, paused at step 0.
func (c *Compare) UseWhyPreset() {
	c.App.LoadHash(lab.WhyPreset().String())
	c.syncTwins()
}

// UsesWhyPreset reports whether the page's network is the preset already.
func (c *Compare) UsesWhyPreset() bool { return c.App.Spec.String() == lab.WhyPreset().String() }

// WhyMS is how long the slower twin's worker spent computing its landscape, in whole
// milliseconds ("" before both are in): shown as data-why-ms for measuring.
func (t *TwinRun) WhyMS() string {
	ms := 0.0
	for _, a := range t.Side {
		if a.Why == nil || !a.Why.Finished() {
			return ""
		}
		ms = max(ms, a.Why.MS)
	}
	return strconv.Itoa(int(math.Round(ms)))
}

// WhyWallMS is how long the pictures took from Draw (or the link's opening) to both in, in
// whole milliseconds, training to the picture's step included ("" until both are in): shown
// as data-why-wall-ms for measuring.
func (t *TwinRun) WhyWallMS() string {
	if t.whyWall == 0 {
		return ""
	}
	return strconv.FormatInt(t.whyWall.Milliseconds(), 10)
}

// WhyStep is the training step of the pictures on screen ("" before any).
func (t *TwinRun) WhyStep() string {
	if t.WhyShown == nil {
		return ""
	}
	return strconv.Itoa(t.WhyShown.At)
}

// WhyCommand is the command line that draws the same pictures headless, once both are in:
// the CLI trains the twins exactly as the workers do (lab.Trainer), so at the same step and
// with the same directions it computes the same landscapes. "" until then.
func (t *TwinRun) WhyCommand() string {
	p, r := t.Side[Plain].Why, t.Side[Residual].Why
	if p == nil || r == nil || !p.Finished() || !r.Finished() {
		return ""
	}
	cmd := "go run . landscape --spec '" + t.From + "' --steps " + strconv.Itoa(p.Step) +
		" --directions " + strconv.FormatUint(t.WhySeed(), 10)
	if s := t.WhyShown; s != nil {
		def := lab.DefaultLandscape()
		if s.Grid != def.Grid {
			cmd += " --grid " + strconv.Itoa(s.Grid)
		}
		if s.Span != def.Span {
			cmd += " --span " + strconv.FormatFloat(s.Span, 'g', -1, 64)
		}
	}
	cmd += " --svg landscape.svg"
	if p.Step != r.Step {
		cmd += "   (the residual twin was at step " + strconv.Itoa(r.Step) + ")"
	}
	return cmd
}
