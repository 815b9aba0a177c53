package ui

import "resnetplayground/ui/link"

import "resnetplayground/lab"

// The view on screen (and the sweep's settings) belong in a shared link as much as the
// Spec does: a teacher who shares the Twins view wants the class to land on the Twins view.
// The main page keeps them in its query string (see PageQuery); an embed's query string
// holds its own options, so only the main page, which calls LoadQuery, has its address
// rewritten.

// LoadQuery shows what the main page's query string asks for and from then on mirrors the
// view and the sweep's settings into it. A bad value falls back to its default with a notice
// beside any the hash left, as a bad hash does.
func (c *Compare) LoadQuery(query string) {
	q, err := link.ParsePageQuery(query)
	if err != nil {
		c.App.AddNotice("This link's view settings could not all be read, so defaults are used for those: " + err.Error())
	}
	r := &c.Sweep
	if q.Depths != nil {
		r.DepthsText = link.JoinInts(q.Depths, ", ")
	}
	if q.Steps != 0 {
		r.StepsText = Itoa(q.Steps)
	}
	if q.Seeds != nil {
		r.SeedsText = link.JoinSeeds(q.Seeds, ", ")
	}
	c.SetView(q.View)
	if q.Why != nil && c.View == link.ViewTwins && c.Twins != nil {
		c.Twins.DrawLinked(*q.Why) // the twins were just built, at step 0
	}
	c.addressed = true
	c.syncAddress()
}

// Query is the page query that shows view with the sweep's current settings; settings that
// do not parse are left at their defaults.
func (c *Compare) Query(view link.View) link.PageQuery {
	q := link.PageQuery{View: view}
	r := &c.Sweep
	q.Depths, _ = lab.ParseDepths(r.DepthsText)
	q.Steps, _ = link.ParseSweepSteps(r.StepsText)
	q.Seeds, _ = link.ParseSeeds(r.SeedsText)
	if c.Twins != nil {
		q.Why = c.Twins.WhyShown
	}
	return q
}

// syncAddress writes the view, the sweep's settings and the twins' landscape picture into the
// main page's query string.
func (c *Compare) syncAddress() {
	if c.addressed && c.host != nil {
		c.host.ReplaceQuery(c.Query(c.View).Encode())
	}
}
