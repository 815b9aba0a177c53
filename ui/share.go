package ui

import (
	"resnetplayground/ui/link"
	"strings"

	"github.com/vugu/vugu"
	"github.com/vugu/vugu/js"
)

// Share is the Share / Export / Embed corner of the page. Share copies a link that holds the
// whole Spec in its hash (the clipboard may be unavailable, for example in an insecure
// context, so the link is also shown, selectable); Export and Embed open their panels.
type Share struct {
	App     *App
	Browser Browser // nil in static renders: the buttons then only open their panels
	Extras  []ExtraExport

	Open   string // "", "share", "export" or "embed"
	Link   string
	Status string
	embed  link.EmbedOptions
	inited bool

	focusPending bool   // a panel just opened: move focus into it after the render
	returnTo     string // a panel just closed: the id of the button that opened it
}

func (c *Share) init() {
	if !c.inited {
		c.embed = link.DefaultEmbedOptions()
		c.inited = true
	}
}

func (c *Share) toggle(panel string) {
	c.init()
	if c.Open == panel {
		panel = ""
	}
	c.Open = panel
	c.focusPending = panel != ""
}

// close closes the open panel and gives focus back to the button that opened it.
func (c *Share) close() {
	if c.Open != "" {
		c.returnTo = c.Open + "-open"
	}
	c.Open = ""
}

// share opens the link panel and copies the link straight away: one click does the job.
func (c *Share) share() {
	c.Open = "share"
	c.focusPending = true
	c.copyLink()
}

// Expanded is an opener's aria-expanded value.
func (c *Share) Expanded(panel string) string {
	if c.Open == panel {
		return "true"
	}
	return "false"
}

// key applies the dialog keyboard rules to the open panel.
func (c *Share) key(e vugu.DOMEvent) { dialogKey(e, c.close) }

// focusIn runs after each render of an open panel, and moves focus into it once.
func (c *Share) focusIn(box js.Value) {
	if c.focusPending {
		c.focusPending = false
		focusInto(box)
	}
}

// afterRender gives focus back to the opener of a panel that just closed.
func (c *Share) afterRender() {
	if c.returnTo != "" {
		focusByID(c.returnTo)
		c.returnTo = ""
	}
}

// ShareLink is the page's address with the current Spec as its hash.
func ShareLink(pageURL, spec string) string {
	u, _, _ := strings.Cut(pageURL, "#")
	return u + "#" + spec
}

// LiveLink is the link to the experiment as it is now: the open panel follows every edit
// and view change, so what it shows is what Copy copies.
func (c *Share) LiveLink() string {
	if c.Browser == nil {
		return "#" + c.App.Spec.String()
	}
	return ShareLink(c.Browser.PageURL(), c.App.Spec.String())
}

func (c *Share) copyLink() {
	c.Link = c.LiveLink()
	if c.Browser == nil {
		c.Status = ""
		return
	}
	c.Status = "Copying…"
	c.Browser.Copy(c.Link, func(ok bool) {
		if ok {
			c.Status = "Copied to the clipboard."
		} else {
			c.Status = "This browser did not let the page copy: select the link and press Ctrl+C (⌘C on a Mac)."
		}
	})
}
