package ui

import (
	"slices"
	"testing"
)

// The settings panel shows what applies: the 2-D data controls for points and not for the
// digits, the stage shortcut for a convolutional network and not for a dense one.
func TestSettingsShowWhatApplies(t *testing.T) {
	shown := func(hash string) []string {
		c := &Settings{App: NewApp(&fakeHost{}, hash, 1)}
		var names []string
		for _, g := range Groups {
			for _, ctl := range c.Shown(g) {
				names = append(names, ctl.Field)
			}
		}
		return names
	}
	points := shown("")
	digits := shown("d=digits&net=conv&w=4&b=4x2p,8x2p,16x2p")
	for _, f := range []string{"classes", "points", "noise", "train_frac"} {
		if !slices.Contains(points, f) || slices.Contains(digits, f) {
			t.Errorf("%s: shown for points %v, for the digits %v; want for points only", f, slices.Contains(points, f), slices.Contains(digits, f))
		}
	}
	if slices.Contains(points, "shortcut_option") || !slices.Contains(digits, "shortcut_option") {
		t.Errorf("the stage shortcut: shown for a dense net %v, for a conv net %v; want for the conv net only",
			slices.Contains(points, "shortcut_option"), slices.Contains(digits, "shortcut_option"))
	}
	for _, f := range []string{"dataset", "net", "lr", "batch", "seed"} {
		if !slices.Contains(points, f) || !slices.Contains(digits, f) {
			t.Errorf("%s should be shown for both", f)
		}
	}
}
