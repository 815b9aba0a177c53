package ui

import (
	"math"
	"resnetplayground/proto"
	"strings"
	"testing"

	"resnetplayground/lab"
)

func lastSent(t *testing.T, h *fakeHost) proto.Command {
	t.Helper()
	if len(h.sent) == 0 {
		t.Fatal("nothing sent to the worker")
	}
	return h.sent[len(h.sent)-1]
}

func TestNewAppFromEmptyHashIsDefault(t *testing.T) {
	a, h := appWith(t, "")
	if a.Spec.String() != lab.Default().String() {
		t.Errorf("spec %q, want the default", a.Spec)
	}
	if a.Notice() != "" {
		t.Errorf("notice %q on a clean start", a.Notice())
	}
	c := lastSent(t, h)
	if c.Kind != proto.CmdReset || c.Gen != a.Gen || c.Run {
		t.Errorf("first command %+v, want a paused reset of generation %d", c, a.Gen)
	}
	if h.hash != lab.Default().String() {
		t.Errorf("hash %q, want the default spec's", h.hash)
	}
}

func TestNewAppFromHashRestoresSpec(t *testing.T) {
	want, err := lab.Parse("d=moons&b=8x1r*3&lr=0.01&s=42")
	if err != nil {
		t.Fatal(err)
	}
	a, h := appWith(t, "#d=moons&b=8x1r*3&lr=0.01&s=42")
	if a.Spec.String() != want.String() || h.hash != want.String() {
		t.Errorf("spec %q hash %q, want %q", a.Spec, h.hash, want)
	}
}

func TestBadHashFallsBackWithNotice(t *testing.T) {
	a, h := appWith(t, "#b=lots&zz=1")
	if a.Spec.String() != lab.Default().String() {
		t.Errorf("spec %q, want the default", a.Spec)
	}
	if !strings.Contains(a.Notice(), "could not be read") || !strings.Contains(a.Notice(), "zz") {
		t.Errorf("notice %q should say the link was unreadable and quote the problem", a.Notice())
	}
	if h.hash != lab.Default().String() {
		t.Errorf("hash %q, want the defaults written back", h.hash)
	}
}

func TestToggleShortcutRestartsOrAppliesLive(t *testing.T) {
	a, h := appWith(t, "b=16x2p*4")
	gen := a.Gen
	a.ToggleShortcut(2)
	if c := lastSent(t, h); c.Kind != proto.CmdReset || !c.Spec.Blocks[2].Shortcut || a.Gen != gen+1 {
		t.Errorf("restart mode: sent %+v (gen %d), want a reset with block 3's shortcut on", c, a.Gen)
	}
	if !strings.Contains(h.hash, "b=16x2p*2,16x2r,16x2p") {
		t.Errorf("hash %q does not record the toggle", h.hash)
	}

	a.SetLive(true)
	gen = a.Gen
	a.ToggleShortcut(0)
	c := lastSent(t, h)
	if c.Kind != proto.CmdShortcut || c.Block != 0 || !c.On || c.Gen != gen || a.Gen != gen {
		t.Errorf("live mode: sent %+v, want a live shortcut change of block 1 in the same run", c)
	}
	if !strings.Contains(h.hash, "b=16x2r,16x2p,16x2r,16x2p") {
		t.Errorf("hash %q does not record the live toggle", h.hash)
	}
}

func TestAllShortcutsSwitch(t *testing.T) {
	a, h := appWith(t, "b=16x2p,16x2r,16x2p")
	a.SetAllShortcuts(true)
	if !a.AllShortcuts() || !strings.Contains(h.hash, "b=16x2r*3") {
		t.Errorf("all on: hash %q", h.hash)
	}
	a.SetAllShortcuts(false)
	if a.AllShortcuts() || !strings.Contains(h.hash, "b=16x2p*3") {
		t.Errorf("all off: hash %q", h.hash)
	}
}

func TestBlockEditingKeepsSpecValid(t *testing.T) {
	a, h := appWith(t, "b=16x2p,32x1r")
	a.DuplicateBlock(0)
	if len(a.Spec.Blocks) != 3 {
		t.Fatalf("%d blocks after duplicating, want 3", len(a.Spec.Blocks))
	}
	if a.Selected != 1 || a.Spec.Blocks[1] != a.Spec.Blocks[0] {
		t.Errorf("duplicate: blocks %v selected %d", a.Spec.Blocks, a.Selected)
	}
	a.SetBlockWidth(1, "9999")
	if a.Spec.Blocks[1].Width != lab.MaxWidth || a.FieldMsgs["block_width"] == "" {
		t.Errorf("width 9999: got %d and message %q; want it clamped to %d with a message", a.Spec.Blocks[1].Width, a.FieldMsgs["block_width"], lab.MaxWidth)
	}
	a.SetBlockWidth(1, "wide")
	if a.Spec.Blocks[1].Width != lab.MaxWidth || !strings.Contains(a.FieldMsgs["block_width"], "not a whole number") {
		t.Errorf("width \"wide\" changed the width or said nothing: %q", a.FieldMsgs["block_width"])
	}
	a.SetBlockLayers(1, "7")
	if a.Spec.Blocks[1].Layers != 2 {
		t.Errorf("layers 7 gave %d, want 2", a.Spec.Blocks[1].Layers)
	}
	a.RemoveBlock(0)
	a.RemoveBlock(0)
	a.RemoveBlock(0) // the last one stays
	if len(a.Spec.Blocks) != 1 || a.FieldMsgs["blocks"] == "" {
		t.Errorf("removing every block left %d with message %q; want 1 and a message", len(a.Spec.Blocks), a.FieldMsgs["blocks"])
	}
	a.RemoveBlock(-1)
	a.DuplicateBlock(99)
	a.ToggleShortcut(5)
	if err := a.Spec.Validate(); err != nil {
		t.Errorf("spec invalid after editing: %v", err)
	}
	if c := lastSent(t, h); c.Spec.String() != a.Spec.String() {
		t.Errorf("the worker's spec %q differs from the page's %q", c.Spec, a.Spec)
	}
}

func TestSetDepthClampsAndRepeatsLastBlock(t *testing.T) {
	a, _ := appWith(t, "b=8x1r,32x2p")
	a.SetDepth("5")
	if len(a.Spec.Blocks) != 5 || a.Spec.Blocks[4] != (lab.BlockSpec{Width: 32, Layers: 2}) {
		t.Errorf("depth 5: %v", a.Spec.Blocks)
	}
	a.SetDepth("1000")
	if len(a.Spec.Blocks) != lab.MaxBlocks || !strings.Contains(a.FieldMsgs["depth"], "128") {
		t.Errorf("depth 1000: %d blocks, message %q", len(a.Spec.Blocks), a.FieldMsgs["depth"])
	}
	a.SetDepth("0")
	if len(a.Spec.Blocks) != 1 || a.Spec.Blocks[0].Width != 8 {
		t.Errorf("depth 0: %v", a.Spec.Blocks)
	}
	a.AddBlock()
	if len(a.Spec.Blocks) != 2 {
		t.Errorf("add: %d blocks", len(a.Spec.Blocks))
	}
}

func TestSetFieldClampsWithMessage(t *testing.T) {
	a, h := appWith(t, "")
	a.SetField("noise", "7")
	if a.Spec.Noise != lab.MaxNoise || !strings.Contains(a.FieldMsgs["noise"], "using 1") {
		t.Errorf("noise 7: got %v, message %q", a.Spec.Noise, a.FieldMsgs["noise"])
	}
	before := a.Spec.LR
	a.SetField("lr", "banana")
	if a.Spec.LR != before || !strings.Contains(a.FieldMsgs["lr"], "not a number") {
		t.Errorf("lr banana: got %v, message %q", a.Spec.LR, a.FieldMsgs["lr"])
	}
	a.SetField("lr", "NaN")
	if math.IsNaN(a.Spec.LR) || a.Spec.Validate() != nil {
		t.Errorf("lr NaN left spec %v invalid", a.Spec)
	}
	a.SetField("lr", "0.05")
	if a.Spec.LR != 0.05 || a.FieldMsgs["lr"] != "" || !strings.Contains(h.hash, "lr=0.05") {
		t.Errorf("lr 0.05: got %v msg %q hash %q", a.Spec.LR, a.FieldMsgs["lr"], h.hash)
	}
	a.SetField("dataset", "mnist")
	if a.Spec.Dataset != "spiral" || a.FieldMsgs["dataset"] == "" {
		t.Errorf("dataset mnist: got %q message %q", a.Spec.Dataset, a.FieldMsgs["dataset"])
	}
	a.SetField("batch_norm", "true")
	if !a.Spec.BatchNorm {
		t.Error("batch norm did not turn on")
	}
	a.SetField("no-such-field", "1") // ignored, no panic
	if err := a.Spec.Validate(); err != nil {
		t.Error(err)
	}
}

func TestReceiveIgnoresStaleReportsAndPausesOnDivergence(t *testing.T) {
	a, _ := appWith(t, "")
	a.Receive(proto.Report{Gen: a.Gen - 1, Metrics: lab.Metrics{Step: 99}})
	if a.Metrics.Step != 0 || a.Measured {
		t.Error("a report from an older run was taken")
	}
	a.Play()
	a.Receive(proto.Report{Gen: a.Gen, Metrics: lab.Metrics{Step: 5, Diverged: true}, Boundary: []float32{1}, GridN: 1, Classes: 1})
	if !a.Diverged || a.Running || a.Metrics.Step != 5 {
		t.Errorf("after a diverged report: diverged=%v running=%v step=%d", a.Diverged, a.Running, a.Metrics.Step)
	}
	a.Play()
	if a.Running {
		t.Error("Play started a diverged run")
	}
	a.Reset()
	if a.Diverged || a.Measured {
		t.Error("Reset kept the divergence")
	}
}

func TestNewSeedChangesSeedAndRestarts(t *testing.T) {
	a, h := appWith(t, "s=1")
	gen := a.Gen
	a.NewSeed()
	if a.Spec.Seed == 1 || a.Gen != gen+1 || lastSent(t, h).Spec.Seed != a.Spec.Seed {
		t.Errorf("new seed %d, gen %d→%d", a.Spec.Seed, gen, a.Gen)
	}
}

// A link with one bad value keeps the rest of the link, clamps the bad value (or resets it
// when it cannot be read) and says so.
func TestLinkWithOneBadValueKeepsTheRest(t *testing.T) {
	a, h := appWith(t, "#d=circles&b=8x1r*3&lr=10&k=many")
	if a.Spec.Dataset != "circles" || len(a.Spec.Blocks) != 3 || a.Spec.LR != lab.MaxLR || a.Spec.Classes != lab.Default().Classes {
		t.Errorf("spec %s; want circles, 3 blocks, lr clamped to 1 and the default classes", a.Spec)
	}
	for _, want := range []string{"could not be read", "lr: must be > 0 and ≤ 1, got 10; using 1.", "classes: k=many: not a whole number; using 2."} {
		if !strings.Contains(a.Notice(), want) {
			t.Errorf("notice %q lacks %q", a.Notice(), want)
		}
	}
	if h.hash != a.Spec.String() {
		t.Errorf("hash %q, want the corrected link %q", h.hash, a.Spec)
	}
}

// A lost worker: the run stops with the reason shown; Play starts again from a fresh
// worker (a reset first), and the reason goes once it does.
func TestWorkerLostStopsTheRunAndPlayStartsAgain(t *testing.T) {
	a, h := appWith(t, "b=16x2r*2")
	a.Play()
	a.WorkerLost("The training worker stopped answering.")
	if a.Running || a.Notice() == "" {
		t.Fatalf("running %v, notice %q after the worker was lost", a.Running, a.Notice())
	}
	n := len(h.sent)
	a.Play()
	if len(h.sent) < n+1 || h.sent[n].Kind != proto.CmdReset || !h.sent[n].Run || !a.Running {
		t.Errorf("Play after a lost worker sent %+v; want a reset that runs", h.sent[n:])
	}
	if a.Notice() != "" {
		t.Errorf("notice %q stays after the restart", a.Notice())
	}
}

// Commands are numbered, and a report acknowledges them, stale or not.
func TestCommandsAreNumberedAndAcknowledged(t *testing.T) {
	a, h := appWith(t, "")
	a.Play()
	a.Pause()
	if a.Sent != len(h.sent) || h.sent[len(h.sent)-1].Seq != a.Sent || h.sent[0].Seq != 1 {
		t.Fatalf("sent %d commands numbered %d..%d; App.Sent %d", len(h.sent), h.sent[0].Seq, h.sent[len(h.sent)-1].Seq, a.Sent)
	}
	a.Receive(proto.Report{Gen: a.Gen - 1, Ack: a.Sent - 1}) // a replaced run's report
	a.Receive(proto.Report{Gen: a.Gen, Ack: a.Sent})
	a.Receive(proto.Report{Gen: a.Gen, Ack: 1}) // cannot go back
	if a.Acked != a.Sent {
		t.Errorf("acked %d of %d", a.Acked, a.Sent)
	}
}
