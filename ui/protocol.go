package ui

import (
	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// The page and the training worker talk in Commands (page → worker) and Reports (worker →
// page). The wasm package carries them across postMessage; this package only fills and reads
// them, so everything here is plain Go that tests can drive.

// CommandKind says what a Command asks of the worker.
type CommandKind string

const (
	CmdReset    CommandKind = "reset"    // build a new trainer from Spec (same seed, same start)
	CmdRun      CommandKind = "run"      // Run=true trains continuously, false pauses
	CmdStep     CommandKind = "step"     // train Steps minibatches, then report
	CmdShortcut CommandKind = "shortcut" // turn Block's shortcut On in the running network
)

// Command is one instruction to the worker. Gen numbers the resets: the worker stamps every
// Report with the Gen of the trainer it came from, so the page can drop stale reports that
// were already in flight when it asked for a reset.
type Command struct {
	Kind  CommandKind
	Gen   int
	Spec  lab.Spec // CmdReset
	Run   bool     // CmdReset (start running at once) and CmdRun
	Steps int      // CmdStep
	Block int      // CmdShortcut
	On    bool     // CmdShortcut
}

// Sample is one point of the loss and accuracy history.
type Sample struct {
	Step                float64
	TrainLoss, TrainAcc float64
	TestLoss, TestAcc   float64
}

// SampleFields is the number of float32s a Sample takes on the wire.
const SampleFields = 5

// Report is what the worker knows about its run.
type Report struct {
	Gen     int
	Running bool
	Metrics lab.Metrics // with Blocks: each block's gradient norm after the latest step
	History []Sample    // bounded; older points are thinned out

	// Boundary holds Classes probabilities per cell of a GridN×GridN grid (see
	// lab.Trainer.Boundary); empty when this report carries no new picture.
	Boundary []float32
	GridN    int
	Classes  int

	// Train and Test are sent once per reset (empty otherwise), to draw the points.
	Train, Test *data.Set

	Err string // the worker could not do what was asked (a bad Spec, a panic)
}
