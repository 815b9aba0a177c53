package ui

import "resnetplayground/proto"

import "resnetplayground/lab"

import "resnetplayground/ui/link"

// ViewTab is one button of the view switch.
type ViewTab struct {
	View  link.View
	Label string
	Title string
}

// ViewTabs are the view switch's buttons, in order.
var ViewTabs = []ViewTab{
	{link.ViewSingle, "Single", "Build one network and train it"},
	{link.ViewTwins, "Twins", "Train the network with and without shortcuts side by side, from the same initial weights"},
	{link.ViewSweep, "Depth sweep", "Train plain and residual networks of many depths and plot their error against depth"},
}

// CompareHost is what the twin and sweep views need from the browser besides Host: a worker
// per twin, and a pool of workers for a sweep. Replies come back through Compare's Receive
// methods, called with the render lock held.
type CompareHost interface {
	SendTwin(side int, c proto.Command)
	StartSweep(id int, jobs []SweepJob)
	CancelSweep()
	ReplaceQuery(query string) // without "?"; keeps the hash, adds no history entry
}

// Compare is the state of the views beyond the single network. It reads the single view's
// App for the network to compare, so what a visitor built is what the twins and the sweep use.
type Compare struct {
	View  link.View
	App   *App
	Twins *TwinRun // nil until the twin view is first opened: its workers start then
	Sweep SweepRun

	host      CompareHost
	addressed bool // the page's query string mirrors the view (see LoadQuery)
}

// NewCompare starts on the single view.
func NewCompare(app *App, host CompareHost) *Compare {
	c := &Compare{View: link.ViewSingle, App: app, host: host, Sweep: NewSweepRun(lab.Default())}
	app.loaded = c.experimentChanged
	app.drawnWhy = func() *lab.LandscapeConfig {
		if c.Twins == nil {
			return nil
		}
		return c.Twins.WhyShown
	}
	return c
}

// experimentChanged follows a new experiment (an edited address, an imported Spec) wherever
// copies of the old one train: twins on screen are rebuilt from it, paused at step 0, and a
// running sweep of the old network stops, saying why. Nothing goes on training a network
// the page no longer names.
func (c *Compare) experimentChanged() {
	if c.View == link.ViewTwins {
		c.syncTwins()
	}
	if c.Sweep.State == SweepRunning {
		c.CancelSweep()
		c.Sweep.Msg = "Stopped: the network changed. Run the sweep again to sweep the new one."
	}
}

// SetView switches views. Whatever is no longer on screen pauses, so the processor goes to
// what the visitor is looking at; a sweep keeps running (it has a Cancel button). Opening
// the twins builds them from the single view's network if that changed since.
func (c *Compare) SetView(v link.View) {
	if v == c.View {
		return
	}
	switch v {
	case link.ViewSingle, link.ViewTwins, link.ViewSweep:
	default:
		return
	}
	if c.View == link.ViewSingle && c.App.Running {
		c.App.Pause()
	}
	if c.View == link.ViewTwins && c.Twins != nil && c.Twins.Running() {
		c.Twins.Pause()
	}
	c.View = v
	if v == link.ViewTwins {
		c.syncTwins()
	}
	c.syncAddress()
}

// Views is the view switch at the top of the page.
type Views struct {
	Compare *Compare
}

// TabClass marks the current view's button.
func (c *Views) TabClass(v link.View) string {
	if c.Compare.View == v {
		return "tab current"
	}
	return "tab"
}

// Pressed is the button's aria-pressed value.
func (c *Views) Pressed(v link.View) string {
	if c.Compare.View == v {
		return "true"
	}
	return "false"
}
