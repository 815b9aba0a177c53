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

// The shortcut switch is as big as Play: it is the page's other half. It turns every
// block's shortcut on, or every one off; a network with some on shows "some" and turns all on.

// ShortcutsChecked is the switch's aria-checked: "true", "false" or "mixed".
func (c *Toolbar) ShortcutsChecked() string {
	on := shortcutsOn(c.App.Spec)
	switch on {
	case 0:
		return "false"
	case len(c.App.Spec.Blocks):
		return "true"
	}
	return "mixed"
}

// ShortcutClass styles the switch by its state.
func (c *Toolbar) ShortcutClass() string { return "shortcuts-" + c.ShortcutsChecked() }

// ShortcutsLabel says what the switch shows.
func (c *Toolbar) ShortcutsLabel() string {
	switch c.ShortcutsChecked() {
	case "true":
		return "Shortcuts on"
	case "false":
		return "Shortcuts off"
	}
	return "Some shortcuts"
}

func (c *Toolbar) toggleShortcuts() { c.App.SetAllShortcuts(!c.App.AllShortcuts()) }

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
