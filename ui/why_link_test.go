package ui

import (
	"strings"
	"testing"

	"resnetplayground/lab"
	"resnetplayground/proto"
	"resnetplayground/ui/link"
)

func lastTwin(ch *fakeCompareHost, side int) proto.Command {
	return ch.twin[side][len(ch.twin[side])-1]
}

// report is what a twin's worker says once it handled every command so far, at step.
func reportAt(tw *TwinRun, side, step int, running bool) proto.Report {
	a := tw.Side[side]
	return proto.Report{Gen: a.Gen, Ack: a.Sent, Running: running, Metrics: lab.Metrics{Step: step}}
}

// Drawn while both twins train, the pictures are taken at one step: both workers stop (the
// visitor still sees them running), and once both said where, both are pictured at the later
// step (the other trains there first) and train on. The address then names the picture.
func TestWhyPicturesRunningTwinsAtOneStep(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4&s=3")
	c.LoadQuery("view=twins")
	tw := c.Twins
	tw.Play()
	c.ReceiveTwin(Plain, reportAt(tw, Plain, 90, true))
	c.DrawLandscapes()
	for side := range 2 {
		if got := lastTwin(ch, side); got.Kind != proto.CmdRun || got.Run {
			t.Fatalf("%s twin was sent %+v, want a pause first", TwinNames[side], got)
		}
	}
	if !tw.Running() || tw.WhyProgress() != "starting…" {
		t.Errorf("while the workers stop: running %v, progress %q", tw.Running(), tw.WhyProgress())
	}
	c.ReceiveTwin(Plain, reportAt(tw, Plain, 118, false))
	if lastTwin(ch, Residual).Kind != proto.CmdRun {
		t.Fatal("drew before both twins stopped")
	}
	c.ReceiveTwin(Residual, reportAt(tw, Residual, 131, false))
	for side := range 2 {
		n := len(ch.twin[side])
		pic, run := ch.twin[side][n-2], ch.twin[side][n-1]
		if pic.Kind != proto.CmdLandscape || pic.Landscape.At != 131 || pic.Landscape.Seed != 1 || run.Kind != proto.CmdRun || !run.Run {
			t.Errorf("%s twin was sent %+v then %+v, want the picture at step 131, then training on", TwinNames[side], pic, run)
		}
	}
	if q := ch.queries[len(ch.queries)-1]; q != "view=twins&directions=1&at=131" {
		t.Errorf("address %q", q)
	}

	// A worker behind says how far it trained towards the picture's step.
	c.ReceiveLandscape(Plain, proto.LandscapeReport{Gen: tw.Side[Plain].Gen, Step: 120, At: 131, Total: 1053})
	if got := tw.WhyProgress(); got != "training to step 131: 120" {
		t.Errorf("progress %q", got)
	}

	// A setting typed into the panel: a bad one is explained and changes nothing; a good one
	// is used by the next Draw, with the same directions.
	c.SetWhySetting("grid", "30")
	if tw.WhyErr == "" || tw.WhyConf.Grid != 31 {
		t.Errorf("grid 30: message %q, grid %d", tw.WhyErr, tw.WhyConf.Grid)
	}
	c.SetWhySetting("grid", "21")
	c.SetWhySetting("span", "0.5")
	if tw.WhyErr != "" {
		t.Errorf("grid 21: message %q", tw.WhyErr)
	}
	tw.Pause()
	c.DrawLandscapes()
	pic := lastTwin(ch, Residual)
	if pic.Kind != proto.CmdLandscape || pic.Landscape.Grid != 21 || pic.Landscape.Span != 0.5 || pic.Landscape.Seed != 1 {
		t.Errorf("after changing the grid, Draw sent %+v", pic)
	}
	c.DrawLandscapes()
	if lastTwin(ch, Residual).Landscape.Seed != 2 {
		t.Error("drawing again did not draw new directions")
	}

	// A reset forgets the pictures, and the address with them.
	c.Twins.Reset()
	c.syncAddress()
	if q := ch.queries[len(ch.queries)-1]; q != "view=twins" {
		t.Errorf("after a reset the address is %q", q)
	}
}

// Opening a link that names a picture builds the twins and asks each worker for it at the
// link's step, with the link's directions, grid and span.
func TestALinkDrawsThePictureItNames(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4&s=3")
	c.LoadQuery("view=twins&at=250&directions=9&grid=5&span=2")
	if c.View != link.ViewTwins || c.Twins == nil {
		t.Fatal("the twins are not on screen")
	}
	want := lab.DefaultLandscape()
	want.At, want.Seed, want.Grid, want.Span = 250, 9, 5, 2
	for side := range 2 {
		if got := lastTwin(ch, side); got.Kind != proto.CmdLandscape || got.Landscape != want || got.Gen != c.Twins.Side[side].Gen {
			t.Errorf("%s twin was sent %+v, want the picture %+v", TwinNames[side], got, want)
		}
	}
	if q := ch.queries[len(ch.queries)-1]; q != "view=twins&grid=5&span=2&directions=9&at=250" {
		t.Errorf("address %q", q)
	}
	if c.Twins.WhyStep() != "250" {
		t.Errorf("data-why-step %q", c.Twins.WhyStep())
	}
	// A bad value is named in a notice; the picture is drawn with the rest.
	c2, _, ch2 := compareWith(t, "b=16x2p*4&s=3")
	c2.LoadQuery("view=twins&at=20&grid=4")
	if n := c2.App.Notice(); n == "" {
		t.Error("no notice about grid=4")
	}
	if got := lastTwin(ch2, Plain); got.Kind != proto.CmdLandscape || got.Landscape.At != 20 || got.Landscape.Grid != 31 {
		t.Errorf("sent %+v", got)
	}
}

// A teacher embeds the Why panel after drawing: the snippet names the picture, the embed
// draws it as it starts, and its link to the full playground names it too.
func TestAnEmbedCarriesThePictureDrawn(t *testing.T) {
	c, _, _ := compareWith(t, "b=16x2p*4&s=3")
	c.LoadQuery("view=twins&at=40&directions=5")
	o := link.EmbedOptions{Views: []string{"landscape", "gradients"}, Height: link.DefaultEmbedSize}
	d := &EmbedDialog{App: c.App, Browser: &fakeBrowser{url: "https://x.org/p/"}, Opts: &o}
	if s := d.Snippet(); !strings.Contains(s, "embed.html?views=landscape,gradients&amp;directions=5&amp;at=40#") {
		t.Errorf("snippet %s", s)
	}
	o.Views = []string{"charts"} // a view without the picture leaves it out
	if s := d.Snippet(); strings.Contains(s, "directions") {
		t.Errorf("snippet %s", s)
	}

	opts, err := link.ParseEmbedQuery("views=why&directions=5&at=40&grid=9")
	if err != nil || opts.Why == nil || opts.Why.At != 40 || opts.Why.Grid != 9 {
		t.Fatalf("options %+v, %v", opts.Why, err)
	}
	app := NewApp(&fakeHost{}, "#b=16x2p*4&s=3", 1)
	ch := &fakeCompareHost{}
	e := &Embed{App: app, Compare: NewCompare(app, ch), Options: opts}
	e.Start(false)
	for side := range 2 {
		got := lastTwin(ch, side)
		if got.Kind != proto.CmdLandscape || got.Landscape.At != 40 || got.Landscape.Seed != 5 || got.Landscape.Grid != 9 {
			t.Errorf("%s twin was sent %+v, want the embed's picture", TwinNames[side], got)
		}
	}
	if got := e.FullLink(); !strings.HasPrefix(got, "index.html?view=twins&grid=9&directions=5&at=40#") {
		t.Errorf("full link %q", got)
	}
}

// A twin whose worker failed answers nothing: drawing while the other trains does not wait
// for it.
func TestWhyDoesNotWaitForALostWorker(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4&s=3")
	c.LoadQuery("view=twins")
	tw := c.Twins
	tw.Play()
	tw.Side[Residual].WorkerLost("the worker crashed")
	c.DrawLandscapes()
	c.ReceiveTwin(Plain, reportAt(tw, Plain, 77, false))
	if got := lastTwin(ch, Plain); got.Kind != proto.CmdRun || !got.Run {
		t.Fatalf("the plain twin was sent %+v, want the picture and then training on", got)
	}
	if n := len(ch.twin[Plain]); ch.twin[Plain][n-2].Landscape.At != 77 {
		t.Errorf("picture %+v", ch.twin[Plain][n-2])
	}
}

// A paused twin whose worker was a step further on than the page knew pictures that step:
// both twins are asked again there, and the address names the step the pictures show.
func TestWhyPictureAtAStepPastTheOneAskedIsAskedAgain(t *testing.T) {
	c, _, ch := compareWith(t, "b=16x2p*4&s=3")
	c.LoadQuery("view=twins")
	tw := c.Twins
	c.ReceiveTwin(Plain, reportAt(tw, Plain, 40, false))
	c.ReceiveTwin(Residual, reportAt(tw, Residual, 40, false))
	c.DrawLandscapes()
	if got := lastTwin(ch, Residual); got.Kind != proto.CmdLandscape || got.Landscape.At != 40 {
		t.Fatalf("residual twin was sent %+v, want the picture at step 40", got)
	}
	c.ReceiveLandscape(Plain, proto.LandscapeReport{Gen: tw.Side[Plain].Gen, Step: 41, At: 40, Done: 1, Total: 1053})
	for side := range 2 {
		if got := lastTwin(ch, side); got.Kind != proto.CmdLandscape || got.Landscape.At != 41 {
			t.Errorf("%s twin was sent %+v, want the picture again at step 41", TwinNames[side], got)
		}
	}
	if got := tw.WhyStep(); got != "41" {
		t.Errorf("pictures named at step %q, want 41", got)
	}
	if q := ch.queries[len(ch.queries)-1]; !strings.Contains(q, "at=41") {
		t.Errorf("address %q, want at=41", q)
	}
	// The answer at the step asked for is taken as it is.
	n := len(ch.twin[Residual])
	c.ReceiveLandscape(Plain, proto.LandscapeReport{Gen: tw.Side[Plain].Gen, Step: 41, At: 41, Done: 1, Total: 1053})
	if len(ch.twin[Residual]) != n {
		t.Error("asked again although the picture is at the step asked for")
	}
}
