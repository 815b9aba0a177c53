package ui

import "resnetplayground/ui/link"

// Embed is the root of embed.html: the toolbar (play, step, reset, read-outs), only the views
// its options name ("controls" adds the settings and the block editor), an optional caption,
// and a link to the full playground with the same experiment. The page wires SetVisible to
// the frame's visibility.
type Embed struct {
	App        *App
	Compare    *Compare // for the twin and sweep views
	Options    link.EmbedOptions
	OptionsErr string // what was wrong with the embed's query string, for its author

	// What was paused because nobody could see it, to resume when they can again.
	pausedSingle, pausedTwins bool
}

// singleViews are the views of the one network the App trains.
var singleViews = []string{"controls", "diagram", "heatmap", "charts"}

// ShowsSingle reports whether the embed shows the App's network (and so its toolbar).
func (c *Embed) ShowsSingle() bool {
	for _, v := range singleViews {
		if c.Options.Has(v) {
			return true
		}
	}
	return false
}

// ShowsTwins and ShowsSweep report whether those views are on; they need a Compare.
func (c *Embed) ShowsTwins() bool { return c.Compare != nil && c.Options.Has("twin") }
func (c *Embed) ShowsSweep() bool { return c.Compare != nil && c.Options.Has("sweep") }

// ShowsWhy reports whether the twins' Why panel is shown on its own (the twins view holds it).
func (c *Embed) ShowsWhy() bool {
	return c.Compare != nil && (c.Options.Has("landscape") || c.Options.Has("gradients")) && !c.ShowsTwins()
}

// WhyOnly is the one Why picture the embed shows, or "" for both (Why.Only).
func (c *Embed) WhyOnly() string {
	switch l, g := c.Options.Has("landscape"), c.Options.Has("gradients"); {
	case l && !g:
		return "landscape"
	case g && !l:
		return "gradients"
	}
	return ""
}

// usesTwins reports whether the embed trains the twins: for their view or their Why panel.
func (c *Embed) usesTwins() bool { return c.ShowsTwins() || c.ShowsWhy() }

// Notices are what the reader should know: a bad link, a failed trainer, and bad embed
// options (for the post's author).
func (c *Embed) Notices() []string {
	var n []string
	for _, s := range []string{c.App.Notice(), c.OptionsErr} {
		if s != "" {
			n = append(n, s)
		}
	}
	return n
}

func (c *Embed) charts() *Root { return &Root{App: c.App} }

// FullLink is the main page with the same experiment, opened on the view the embed shows:
// the twins or the sweep (with its settings) when the embed shows them, the twins first.
func (c *Embed) FullLink() string {
	q := link.PageQuery{View: link.ViewSingle}
	switch {
	case c.usesTwins():
		q = c.Compare.Query(link.ViewTwins) // with the picture drawn, if any
	case c.ShowsSweep():
		q = c.Compare.Query(link.ViewSweep)
	}
	return link.PagePath(q, c.App.Spec.String())
}

// ViewsClass lays the single network's views out by how many there are.
func (c *Embed) ViewsClass() string {
	n := 0
	for _, v := range singleViews {
		if c.Options.Has(v) {
			n++
		}
	}
	return "embed-views n" + Itoa(n)
}

// Start begins the embed's life once it is running: it builds the twins if they are shown,
// and trains at once with autoplay, or when the reader started the embed by clicking its
// poster's play button. (A sweep waits for its own Start button: it is minutes of work.)
func (c *Embed) Start(clicked bool) {
	if c.usesTwins() {
		c.Compare.SetView(link.ViewTwins)
		if w := c.Options.Why; w != nil && c.Compare.Twins.WhyShown == nil {
			c.Compare.Twins.DrawLinked(*w) // the picture the embed's author drew
		}
	}
	if !c.Options.Autoplay && !clicked {
		return
	}
	if c.ShowsSingle() {
		c.App.Play()
	}
	if c.usesTwins() {
		c.Compare.Twins.Play()
	}
}

// SetVisible pauses training while the embed is out of view or its tab is hidden (a reader
// scrolling on should not pay for a run they cannot see) and resumes what it paused when the
// embed can be seen again.
func (c *Embed) SetVisible(visible bool) {
	twins := c.Compare != nil && c.Compare.Twins != nil
	if !visible {
		if c.App.Running {
			c.App.Pause()
			c.pausedSingle = true
		}
		if twins && c.Compare.Twins.Running() {
			c.Compare.Twins.Pause()
			c.pausedTwins = true
		}
		return
	}
	if c.pausedSingle {
		c.pausedSingle = false
		c.App.Play()
	}
	if c.pausedTwins && twins {
		c.pausedTwins = false
		c.Compare.Twins.Play()
	}
}
