package ui

import "resnetplayground/proto"

// Twins is the twin view: the plain network and its residual twin trained side by side,
// with their boundaries, curves, gradient norms per block, and lesions.
type Twins struct {
	Compare *Compare

	typed Typed // the depth field keeps what is typed until it is committed
}

// SentAcked is "plain,residual": the commands sent to each twin's worker, or the last each
// acknowledged (data-sent and data-acked, so a test can wait until both workers heard).
func (c *Twins) SentAcked(acked bool) string {
	n := func(a *Run) int {
		if acked {
			return a.Acked
		}
		return a.Sent
	}
	return Itoa(n(c.Run().Side[Plain])) + "," + Itoa(n(c.Run().Side[Residual]))
}

// reset starts both twins again; the address stops naming their pictures.
func (c *Twins) reset() {
	c.Run().Reset()
	c.Compare.syncAddress()
}

func (c *Twins) commitDepth(text string) {
	c.typed.Commit("twin-depth")
	c.Compare.SetTwinDepth(text)
}

// Run is the pair on screen.
func (c *Twins) Run() *TwinRun { return c.Compare.Twins }

// TwinReadout is one twin's row of read-outs, formatted.
type TwinReadout struct {
	Name, Class                                  string
	Step, TrainAcc, TestAcc, TrainLoss, TestLoss string
	Diverged                                     bool
}

// ShowsImages reports whether the twins train on images: they show test digits and share a
// drawing pad instead of boundaries.
func (c *Twins) ShowsImages() bool { return c.Run().Side[Plain].ShowsImages() }

// GridClass lays the panels out for points or for images (which add the pad's panel).
func (c *Twins) GridClass() string {
	if c.ShowsImages() {
		return " images"
	}
	return ""
}

// Readouts are both twins' rows; "–" until a twin's first report.
func (c *Twins) Readouts() []TwinReadout {
	var rows []TwinReadout
	for side, a := range c.Run().Side {
		r := TwinReadout{Name: TwinNames[side], Class: "twin-" + TwinNames[side], Diverged: a.Diverged,
			Step: "–", TrainAcc: "–", TestAcc: "–", TrainLoss: "–", TestLoss: "–"}
		if a.Measured {
			m := a.Metrics
			r.Step, r.TrainAcc, r.TestAcc = Count(m.Step), Percent(m.TrainAcc), Percent(m.TestAcc)
			r.TrainLoss, r.TestLoss = Loss(m.TrainLoss), Loss(m.TestLoss)
		}
		rows = append(rows, r)
	}
	return rows
}

// PlayLabel is what the play button does next.
func (c *Twins) PlayLabel() string {
	if c.Run().Running() {
		return "Pause"
	}
	return "Play"
}

func (c *Twins) togglePlay() {
	if t := c.Run(); t.Running() {
		t.Pause()
	} else {
		t.Play()
	}
}

// BothDiverged disables Play: nothing more can happen to either run.
func (c *Twins) BothDiverged() bool {
	t := c.Run()
	return t.Side[Plain].Diverged && t.Side[Residual].Diverged
}

// AccSeries and LossSeries overlay both twins: one colour per twin, solid for the training
// set and dashed for the test set.
func (c *Twins) AccSeries() []Series {
	return c.series(func(s proto.Sample) (float64, float64) { return s.TrainAcc, s.TestAcc })
}

func (c *Twins) LossSeries() []Series {
	return c.series(func(s proto.Sample) (float64, float64) { return s.TrainLoss, s.TestLoss })
}

func (c *Twins) series(pick func(proto.Sample) (train, test float64)) []Series {
	var out []Series
	for _, test := range []bool{false, true} {
		for side, a := range c.Run().Side {
			s := Series{Name: TwinNames[side], Class: "twin-" + TwinNames[side]}
			if test {
				s.Name += " (test)"
				s.Class += " twin-test"
			}
			for _, h := range a.History {
				train, tst := pick(h)
				s.X = append(s.X, h.Step)
				if test {
					s.Y = append(s.Y, tst)
				} else {
					s.Y = append(s.Y, train)
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// GradSeries is the latest gradient norm of every block, one line per twin.
func (c *Twins) GradSeries() []Series {
	var out []Series
	for side, h := range c.Run().Grad {
		s := Series{Name: TwinNames[side], Class: "twin-" + TwinNames[side]}
		for i, v := range h.Latest() {
			s.X = append(s.X, float64(i+1))
			s.Y = append(s.Y, float64(v))
		}
		out = append(out, s)
	}
	return out
}

// GradScale is the strips' shared colour scale: the exponent of ten, relative to each
// moment's largest gradient, that shows palest.
func (c *Twins) GradScale() float64 {
	lo, ok := RelRange(c.Run().Grad[Plain], c.Run().Grad[Residual])
	if !ok {
		return -6
	}
	return lo
}

// GradScaleLow labels the pale end of the colour scale, e.g. "10⁻⁸ × the largest".
func (c *Twins) GradScaleLow() string { return PowerOfTen(c.GradScale()) + " × the largest or less" }

// Blocks is the compared network's depth.
func (c *Twins) Blocks() int { return len(c.Run().Side[Plain].Experiment().Blocks) }

// DepthMsg is the depth control's message, if any.
func (c *Twins) DepthMsg() string { return c.Compare.App.FieldMsgs["depth"] }

// Notices are the twins' own messages (a twin whose trainer stopped), by twin.
func (c *Twins) Notices() []string {
	var out []string
	for side, a := range c.Run().Side {
		switch {
		case a.lost:
			out = append(out, TwinNames[side]+" twin: "+a.Err)
		case a.Err != "":
			out = append(out, TwinNames[side]+" twin: The trainer stopped: "+a.Err)
		}
	}
	return out
}
