package ui

import "resnetplayground/ui/link"

import "resnetplayground/proto"

import "testing"

// runs lists the play/pause commands the App sent, as "run"/"pause".
func runs(h *fakeHost) []string {
	var out []string
	for _, c := range h.sent {
		if c.Kind == proto.CmdRun {
			if c.Run {
				out = append(out, "run")
			} else {
				out = append(out, "pause")
			}
		}
	}
	return out
}

func TestEmbedStartPlaysOnlyWithAutoplayOrAClick(t *testing.T) {
	for _, tc := range []struct {
		autoplay, clicked, want bool
	}{{false, false, false}, {true, false, true}, {false, true, true}} {
		h := &fakeHost{}
		e := &Embed{App: NewApp(h, "", 1), Options: link.EmbedOptions{Views: []string{"heatmap"}, Autoplay: tc.autoplay}}
		e.Start(tc.clicked)
		if e.App.Running != tc.want {
			t.Errorf("autoplay %v, clicked %v: running %v, want %v", tc.autoplay, tc.clicked, e.App.Running, tc.want)
		}
	}
}

func TestEmbedPausesWhileUnseenAndResumes(t *testing.T) {
	h := &fakeHost{}
	e := &Embed{App: NewApp(h, "", 1), Options: link.EmbedOptions{Views: []string{"charts"}, Autoplay: true}}
	e.Start(false)
	e.SetVisible(false)
	if e.App.Running {
		t.Fatal("still running out of view")
	}
	e.SetVisible(false) // a second "hidden" (tab hidden while scrolled away) changes nothing
	e.SetVisible(true)
	if !e.App.Running {
		t.Fatal("did not resume when seen again")
	}
	if got := runs(h); len(got) != 3 || got[0] != "run" || got[1] != "pause" || got[2] != "run" {
		t.Errorf("commands %v, want [run pause run]", got)
	}
}

func TestEmbedStaysPausedIfTheReaderPaused(t *testing.T) {
	h := &fakeHost{}
	e := &Embed{App: NewApp(h, "", 1), Options: link.EmbedOptions{Views: []string{"charts"}}}
	e.SetVisible(false)
	e.SetVisible(true)
	if e.App.Running {
		t.Error("an embed nobody started began training when it came into view")
	}
	e.App.Play()
	e.App.Pause() // the reader paused it
	e.SetVisible(false)
	e.SetVisible(true)
	if e.App.Running {
		t.Error("an embed the reader paused restarted when scrolled back into view")
	}
}

// embedCompareHost counts the commands sent to the twins' workers, and the query strings
// written (an embed's query holds its options and must never be rewritten).
type embedCompareHost struct {
	twinCmds []proto.Command
	queries  []string
}

func (h *embedCompareHost) SendTwin(_ int, c proto.Command) { h.twinCmds = append(h.twinCmds, c) }
func (h *embedCompareHost) StartSweep(int, []SweepJob)      {}
func (h *embedCompareHost) CancelSweep()                    {}
func (h *embedCompareHost) ReplaceQuery(q string)           { h.queries = append(h.queries, q) }

func TestEmbedTwinsPlayAndPauseTogether(t *testing.T) {
	h := &fakeHost{}
	app := NewApp(h, "#b=16x2p*6", 1)
	ch := &embedCompareHost{}
	e := &Embed{App: app, Compare: NewCompare(app, ch), Options: link.EmbedOptions{Views: []string{"twin"}, Autoplay: true}}
	if e.ShowsSingle() || !e.ShowsTwins() || e.ShowsSweep() {
		t.Fatalf("views: single %v twins %v sweep %v; want only the twins", e.ShowsSingle(), e.ShowsTwins(), e.ShowsSweep())
	}
	e.Start(false)
	if e.Compare.Twins == nil || !e.Compare.Twins.Running() || app.Running {
		t.Fatal("autoplay should build and start the twins, and leave the unseen single network alone")
	}
	if got := len(e.Compare.Twins.Side[Plain].Experiment().Blocks); got != 6 {
		t.Errorf("the twins have %d blocks, want the link's 6", got)
	}
	e.SetVisible(false)
	if e.Compare.Twins.Running() {
		t.Error("the twins still train out of view")
	}
	e.SetVisible(true)
	if !e.Compare.Twins.Running() {
		t.Error("the twins did not resume in view")
	}
	if len(ch.queries) > 0 {
		t.Errorf("the embed rewrote its query string to %q; it holds the embed's options", ch.queries)
	}
	if got, want := e.FullLink(), "index.html?view=twins#"+app.Spec.String(); got != want {
		t.Errorf("the full-playground link is %q, want %q (the twins, as embedded)", got, want)
	}
}

func TestEmbedFullLinkCarriesTheView(t *testing.T) {
	app := NewApp(&fakeHost{}, "#b=16x2p*6", 1)
	spec := app.Spec.String()
	for _, tc := range []struct {
		views []string
		want  string
	}{
		{[]string{"heatmap", "charts"}, "index.html#" + spec},
		{[]string{"charts", "twin"}, "index.html?view=twins#" + spec},
		{[]string{"sweep"}, "index.html?view=sweep&depths=2,8&seeds=1,2#" + spec},
	} {
		e := &Embed{App: app, Compare: NewCompare(app, &embedCompareHost{}), Options: link.EmbedOptions{Views: tc.views}}
		e.Compare.Sweep.DepthsText, e.Compare.Sweep.SeedsText = "2 8", "1,2"
		if got := e.FullLink(); got != tc.want {
			t.Errorf("views %v: full link %q, want %q", tc.views, got, tc.want)
		}
	}
}
