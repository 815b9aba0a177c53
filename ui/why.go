package ui

import (
	"math"
	"strconv"

	"resnetplayground/lab"
	"resnetplayground/proto"
)

// Why the twins differ, seen: each twin's loss landscape around its current weights (Li et al.
// 2018) and its shattered gradients (Balduzzi et al. 2017), computed by its worker between
// training bursts (proto.CmdLandscape) and drawn side by side in the twin view.

// RequestLandscape asks r's worker to picture its network as it is now.
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
	if c.Twins != nil && side >= 0 && side <= 1 {
		c.Twins.Side[side].ReceiveLandscape(r)
	}
}

// DrawLandscapes asks both twins for their pictures, with directions drawn from seed (the
// same seed for both: the same raw directions, each normalised to its own twin's weights).
func (t *TwinRun) DrawLandscapes() {
	t.WhyDrawn++
	t.whyAsked = true
	c := lab.DefaultLandscape()
	c.Seed = t.WhySeed()
	for _, a := range t.Side {
		a.RequestLandscape(c)
	}
}

// WhySeed is the directions' seed: 1 for the first picture, then a new pair each time the
// visitor asks again, so "Draw again" shows whether a feature is the surface's or the slice's.
func (t *TwinRun) WhySeed() uint64 { return uint64(max(t.WhyDrawn, 1)) }

// WhyProgress says how far the pictures are: "" before any, "412 of 1,053 points" while they
// fill in (the slower twin's count), "done" when both are in.
func (t *TwinRun) WhyProgress() string {
	done, total, any := 0, 0, false
	for _, a := range t.Side {
		r := a.Why
		if r == nil {
			if t.whyAsked {
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

// WhyCommand is the command line that draws the same pictures headless, once both are in:
// the CLI trains the twins exactly as the workers do (lab.Trainer), so at the same step and
// with the same directions it computes the same landscapes. "" until then.
func (t *TwinRun) WhyCommand() string {
	p, r := t.Side[Plain].Why, t.Side[Residual].Why
	if p == nil || r == nil || !p.Finished() || !r.Finished() {
		return ""
	}
	cmd := "go run . landscape --spec '" + t.From + "' --steps " + strconv.Itoa(p.Step) +
		" --directions " + strconv.FormatUint(t.WhySeed(), 10) + " --svg landscape.svg"
	if p.Step != r.Step {
		cmd += "   (the residual twin was at step " + strconv.Itoa(r.Step) + ")"
	}
	return cmd
}
