package ui

import (
	"resnetplayground/ui/link"
	"slices"
	"strconv"
	"strings"
)

// EmbedDialog builds the <iframe> snippet for the current experiment: which views to show, a
// caption, autoplay and height, with a live preview of the result. The options live in the
// Share component, so they survive closing and reopening the dialog.
type EmbedDialog struct {
	App     *App
	Browser Browser
	Opts    *link.EmbedOptions
	OnClose func()

	Status string
	typed  Typed // caption and height keep what is typed until it is committed
}

// Snippet is the HTML to paste, pointing at the site this page was loaded from.
func (c *EmbedDialog) Snippet() string {
	base := ""
	if c.Browser != nil {
		base = link.SiteBase(c.Browser.PageURL())
	}
	return link.EmbedSnippet(base, c.options(), c.App.Spec)
}

// options are the embed's options with the twins' landscape picture on screen, if any: an
// embed of the twins or their Why panel draws the same picture as it starts.
func (c *EmbedDialog) options() link.EmbedOptions {
	o := *c.Opts
	if c.App.drawnWhy != nil {
		o.Why = c.App.drawnWhy()
	}
	return o
}

// PreviewSrc is the preview frame's address, relative to this page. The preview stays paused
// (no autoplay) so it does not compete with a run on the page.
func (c *EmbedDialog) PreviewSrc() string {
	o := c.options()
	o.Autoplay = false
	return link.EmbedPath(o, c.App.Spec)
}

func (c *EmbedDialog) setView(name string, on bool) {
	views := slices.DeleteFunc(slices.Clone(c.Opts.Views), func(v string) bool { return v == name })
	if on {
		views = append(views, name)
	}
	if len(views) == 0 {
		c.Status = "An embed shows at least one view."
		return // the checkbox re-renders checked
	}
	// Keep page order whatever the order of clicks.
	c.Opts.Views, _ = link.ParseViews(strings.Join(views, ","))
	c.Status = ""
}

func (c *EmbedDialog) setCaption(text string) {
	c.typed.Commit("embed-caption")
	c.Opts.Caption = strings.TrimSpace(text)
	if r := []rune(c.Opts.Caption); len(r) > link.MaxCaption {
		c.Opts.Caption = string(r[:link.MaxCaption])
	}
}

func (c *EmbedDialog) setAutoplay(on bool) { c.Opts.Autoplay = on }

func (c *EmbedDialog) setHeight(text string) {
	c.typed.Commit("embed-height")
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		c.Status = "The height is a whole number of pixels."
		return
	}
	c.Opts.Height = min(max(n, link.MinEmbedHeight), link.MaxEmbedHeight)
	c.Status = ""
}

func (c *EmbedDialog) copy() {
	if c.Browser == nil {
		return
	}
	c.Status = "Copying…"
	c.Browser.Copy(c.Snippet(), func(ok bool) {
		if ok {
			c.Status = "Copied."
		} else {
			c.Status = "Select the snippet and press Ctrl+C (⌘C)."
		}
	})
}
