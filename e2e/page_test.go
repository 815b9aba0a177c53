package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// canvasTinted reports whether the heatmap's top-left corner (a place no data point
// reaches) has been painted with a class colour rather than the empty background.
const canvasTinted = `(() => {
  const c = document.querySelector("canvas.boundary");
  if (!c) return false;
  const [r, g, b] = c.getContext("2d").getImageData(3, 3, 1, 1).data;
  return !(r === 0xf3 && g === 0xf4 && b === 0xf6) && !(r === 0 && g === 0 && b === 0);
})()`

func TestPlayTrainsAndUpdatesReadouts(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "?view=single") // a bare address opens the twins
	if got := p.text(t, "#ro-step"); got != "0" {
		t.Errorf("step read-out before training = %q, want 0", got)
	}
	accBefore := p.text(t, "#ro-train-acc")

	p.click(t, "#play")
	p.waitFor(t, "the step counter to pass 50", singleSteps+" > 50", 30*time.Second)
	p.waitFor(t, "the train accuracy read-out to show a percentage", `/%$/.test(document.querySelector("#ro-train-acc").textContent)`, 10*time.Second)
	if got := p.text(t, "#ro-train-acc"); got == accBefore {
		t.Errorf("train accuracy read-out stayed %q while training", got)
	}
	p.waitFor(t, "the heatmap to be painted", canvasTinted, 10*time.Second)
	p.waitFor(t, "the loss chart to draw a line", `document.querySelector(".chart polyline.train").getAttribute("points").split(" ").length > 2`, 10*time.Second)

	p.click(t, "#play") // now "Pause"
	p.waitFor(t, "the play button to offer Play again", `document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.settled(t) // the pause has reached the worker and its last report the page
	paused := p.steps(t)
	// One step from here moves the counter by exactly one: nothing else is training.
	p.click(t, "#step")
	p.settled(t)
	if got := p.steps(t); got != paused+1 {
		t.Errorf("paused at step %d, one step later at %d: the run went on while paused", paused, got)
	}
	p.checkNoErrors(t)
}

func TestStepAndResetMoveTheCounter(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "?view=single") // a bare address opens the twins
	p.click(t, "#step")
	p.waitFor(t, "one step", `document.querySelector("#ro-step").textContent === "1"`, 10*time.Second)
	p.click(t, "#reset")
	p.waitFor(t, "the counter back at 0", `document.querySelector("#ro-step").textContent === "0"`, 10*time.Second)
	p.checkNoErrors(t)
}

func TestToggleShortcutChangesDiagramAndHash(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "?view=single") // a bare address opens the twins
	if n := p.count(t, ".diagram .arc.identity, .diagram .arc.projection"); n != 0 {
		t.Fatalf("default (plain) network shows %d shortcut arcs, want 0", n)
	}
	before := p.hash(t)
	if !strings.Contains(before, "b=16x2p*24") {
		t.Fatalf("default hash %q does not hold the 24 plain blocks", before)
	}

	// Click the first block's arc (its invisible, wider hit area).
	p.eval(t, `document.querySelector(".diagram .arc-hit").dispatchEvent(new MouseEvent("click", {bubbles: true})), true`, new(bool))
	p.waitFor(t, "one identity arc", `document.querySelectorAll(".diagram .arc.identity").length === 1`, 5*time.Second)
	if h := p.hash(t); !strings.Contains(h, "b=16x2r,16x2p*23") {
		t.Errorf("hash after toggling block 1 = %q, want b=16x2r,16x2p*23", h)
	}

	// The keyboard does the same: focus the second arc and press Enter.
	var label string
	p.eval(t, `(() => { const a = document.querySelectorAll(".diagram .arc-hit")[1]; a.focus();
		return a.getAttribute("aria-label") + " " + a.getAttribute("aria-checked"); })()`, &label)
	if label != "shortcut of block 2 false" {
		t.Errorf("second arc announces itself as %q", label)
	}
	p.run(t, "press Enter on the arc", chromedp.KeyEvent("\r"))
	p.waitFor(t, "two identity arcs", `document.querySelectorAll(".diagram .arc.identity").length === 2`, 5*time.Second)
	if h := p.hash(t); !strings.Contains(h, "b=16x2r*2,16x2p*22") {
		t.Errorf("hash after Enter on block 2's arc = %q, want b=16x2r*2,16x2p*22", h)
	}

	// The switch for all of them.
	p.click(t, "#all-shortcuts")
	p.waitFor(t, "24 identity arcs", `document.querySelectorAll(".diagram .arc.identity").length === 24`, 5*time.Second)
	if h := p.hash(t); !strings.Contains(h, "b=16x2r*24") {
		t.Errorf("hash after turning all shortcuts on = %q, want b=16x2r*24", h)
	}
	p.checkNoErrors(t)
}

func TestAddAndRemoveBlocks(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2p*3")
	if n := p.count(t, ".diagram .block"); n != 3 {
		t.Fatalf("diagram shows %d blocks, want 3", n)
	}
	p.click(t, "#add-block")
	p.waitFor(t, "4 blocks", `document.querySelectorAll(".diagram .block").length === 4`, 5*time.Second)
	if h := p.hash(t); !strings.Contains(h, "b=16x2p*4") {
		t.Errorf("hash after adding = %q, want b=16x2p*4", h)
	}

	// Make the selected (new, last) block wider: its shortcut becomes a projection.
	p.run(t, "set the block width", setValue("#block-width", "32"))
	p.waitFor(t, "the hash to hold the wider block", `location.hash.includes("b=16x2p*3,32x2p")`, 5*time.Second)

	p.click(t, "#remove-block")
	p.waitFor(t, "3 blocks", `document.querySelectorAll(".diagram .block").length === 3`, 5*time.Second)
	p.click(t, "#remove-block")
	p.click(t, "#remove-block")
	p.waitFor(t, "1 block", `document.querySelectorAll(".diagram .block").length === 1`, 5*time.Second)
	p.click(t, "#remove-block") // the last block cannot go
	p.waitFor(t, "a message that one block must stay", `document.querySelector(".editor .msg") !== null`, 5*time.Second)
	if n := p.count(t, ".diagram .block"); n != 1 {
		t.Errorf("removing the only block left %d blocks", n)
	}

	p.run(t, "set the depth", setValue("#depth", "500"))
	p.waitFor(t, "128 blocks (clamped)", `document.querySelectorAll(".diagram .block").length === 128`, 5*time.Second)
	if !strings.Contains(p.text(t, ".editor"), "set to 128") {
		t.Errorf("depth 500 was clamped without saying so")
	}
	p.checkNoErrors(t)
}

func TestReloadRestoresSettings(t *testing.T) {
	const hash = "#d=circles&b=8x1r*3,16x2p&a=tanh&lr=0.01&bs=64&s=7"
	p := newPage(t, 1280, 800)
	p.open(t, hash)
	check := func(when string) {
		t.Helper()
		var got struct {
			Dataset, Activation, LR, Batch, Seed string
			Blocks, Arcs                         int
		}
		p.eval(t, `({
			Dataset: document.querySelector("#set-dataset").value,
			Activation: document.querySelector("#set-activation").value,
			LR: document.querySelector("#set-lr").value,
			Batch: document.querySelector("#set-batch").value,
			Seed: document.querySelector("#set-seed").value,
			Blocks: document.querySelectorAll(".diagram .block").length,
			Arcs: document.querySelectorAll(".diagram .arc.identity, .diagram .arc.projection").length,
		})`, &got)
		want := struct {
			Dataset, Activation, LR, Batch, Seed string
			Blocks, Arcs                         int
		}{"circles", "tanh", "0.01", "64", "7", 4, 3}
		if got != want {
			t.Errorf("%s: controls show %+v, want %+v", when, got, want)
		}
	}
	check("opened from a link")
	first := p.hash(t)
	p.run(t, "reload", reloadApp()...)
	check("after reload")
	if h := p.hash(t); h != first {
		t.Errorf("hash changed across a reload: %q → %q", first, h)
	}

	// A change in a control goes into the hash and survives a reload too.
	p.run(t, "choose a dataset", setValue("#set-dataset", "xor"))
	p.waitFor(t, "the hash to say xor", `location.hash.includes("d=xor")`, 5*time.Second)
	p.run(t, "reload", reloadApp()...)
	if got := p.text(t, "#set-dataset option:checked"); got != "xor" {
		t.Errorf("after reload the dataset is %q, want xor", got)
	}
	p.checkNoErrors(t)
}

func TestGarbageHashShowsNoticeAndDefaults(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#this=is&not=a-spec")
	p.waitFor(t, "a notice", `document.querySelector(".notice") !== null`, 5*time.Second)
	notice := p.text(t, ".notice")
	if !strings.Contains(notice, "could not be read") || !strings.Contains(notice, "unknown key") {
		t.Errorf("notice = %q; want it to say the link could not be read, and why", notice)
	}
	if n := p.count(t, ".diagram .block"); n != 24 {
		t.Errorf("fell back to %d blocks, want the default 24", n)
	}
	if h := p.hash(t); !strings.Contains(h, "b=16x2p*24") {
		t.Errorf("hash = %q, want the defaults written back", h)
	}

	// Bad values typed into controls are clamped with a message, never a crash.
	p.run(t, "type a bad learning rate", setValue("#set-lr", "banana"))
	p.waitFor(t, "a message about the learning rate", `document.querySelector(".settings .msg") !== null`, 5*time.Second)
	p.run(t, "type a huge noise", setValue("#set-noise", "7"))
	p.waitFor(t, "noise clamped to 1", `location.hash.includes("z=1&")`, 5*time.Second)
	p.checkNoErrors(t)
}

// A link with one bad value (a learning rate of 10) keeps everything else it says, shows the
// clamped value and says which setting was changed.
func TestLinkWithOneBadValueKeepsTheRest(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#d=circles&b=8x1r*3&lr=10")
	p.waitFor(t, "a notice", `document.querySelector(".notice") !== null`, 5*time.Second)
	if notice := p.text(t, ".notice"); !strings.Contains(notice, "lr: must be > 0 and ≤ 1, got 10; using 1") {
		t.Errorf("notice = %q; want it to say the learning rate was clamped to 1", notice)
	}
	if n := p.count(t, ".diagram .block"); n != 3 {
		t.Errorf("%d blocks, want the link's 3", n)
	}
	if h := p.hash(t); !strings.Contains(h, "d=circles") || !strings.Contains(h, "b=8x1r*3") || !strings.Contains(h, "lr=1&") {
		t.Errorf("hash = %q, want the link's dataset and blocks with lr=1", h)
	}
	p.checkNoErrors(t)
}

func TestDivergencePausesAndOffersReset(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#lr=1&o=sgd&a=linear") // a deep linear net with a huge step size blows up
	p.click(t, "#play")
	p.waitFor(t, "the divergence message", `document.querySelector(".diverged") !== null`, 30*time.Second)
	p.waitFor(t, "play to be disabled", `document.querySelector("#play").disabled && document.querySelector("#play").textContent.trim() === "Play"`, 5*time.Second)
	p.click(t, ".diverged button")
	p.waitFor(t, "a fresh run", `document.querySelector(".diverged") === null && !document.querySelector("#play").disabled && document.querySelector("#ro-step").textContent === "0"`, 10*time.Second)
	p.checkNoErrors(t)
}

func TestLiveToggleKeepsTraining(t *testing.T) {
	p := newPage(t, 1280, 800)
	p.open(t, "#b=16x2r*6")
	p.click(t, "#live")
	p.click(t, "#play")
	p.waitFor(t, "some training", singleSteps+" > 100", 30*time.Second)
	before := p.steps(t)
	p.click(t, "#all-shortcuts") // all off, in the running network
	p.waitFor(t, "the arcs to go", `document.querySelectorAll(".diagram .arc.identity").length === 0`, 5*time.Second)
	if h := p.hash(t); !strings.Contains(h, "b=16x2p*6") {
		t.Errorf("hash after a live toggle = %q, want b=16x2p*6", h)
	}
	p.settled(t) // the toggle has reached the worker, and a report of it the page
	if after := p.steps(t); after < before {
		t.Errorf("the step counter went from %d back to %d: a live toggle restarted the run", before, after)
	}
	p.checkNoErrors(t)
}
