package ui

// Toolbar holds play/pause, step and reset, and the live read-outs of the run.
type Toolbar struct {
	App *App
}

// PlayLabel is what the play button does next.
func (c *Toolbar) PlayLabel() string {
	if c.App.Running {
		return "Pause"
	}
	return "Play"
}

func (c *Toolbar) togglePlay() {
	if c.App.Running {
		c.App.Pause()
	} else {
		c.App.Play()
	}
}

// Started reports whether the worker has measured the current run yet.
func (c *Toolbar) Started() bool { return c.App.Measured }

// pct and loss show "–" before the first measurement instead of a misleading 0.
func (c *Toolbar) pct(x float64) string {
	if !c.Started() {
		return "–"
	}
	return Percent(x)
}

func (c *Toolbar) loss(x float64) string {
	if !c.Started() {
		return "–"
	}
	return Loss(x)
}
