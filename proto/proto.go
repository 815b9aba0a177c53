// Package proto is what the page and a training worker say to each other. The page sends
// Commands; a worker answers with Reports (the run it trains), SweepPoints (a sweep run's
// progress) and LesionReports. Encode and Decode turn each into a Message, a plain map of
// strings, numbers, booleans and typed arrays, which wasm/ carries across postMessage with
// the typed arrays transferred, not copied. Nothing here imports syscall/js, so both ends
// and their tests are plain Go, natively and compiled to wasm.
package proto

import (
	"resnetplayground/lab"
	"resnetplayground/nn/data"
)

// Kind says what a Command asks of a worker.
type Kind string

const (
	CmdReset    Kind = "reset"    // build a new trainer from Spec (same seed, same start)
	CmdRun      Kind = "run"      // Run=true trains continuously, false pauses
	CmdStep     Kind = "step"     // train Steps minibatches, then report
	CmdShortcut Kind = "shortcut" // turn Block's shortcut On in the running network
	CmdLR       Kind = "lr"       // train on at learning rate LR, without a restart
	CmdLesion   Kind = "lesion"   // measure the network without Block (LesionAll: each in turn)
	CmdSweep    Kind = "sweep"    // a pool worker: train Spec for Steps steps; Gen numbers the job
	CmdDigits   Kind = "digits"   // Data is the digits file, fetched by the page when a visitor picks Digits
	CmdProbe    Kind = "probe"    // Pixels is an image the visitor drew: report its class probabilities from now on
	CmdWatch    Kind = "watch"    // Block is the block whose output the page shows (Report.BlockMap); -1 none
)

// LesionAll in Command.Block asks for every block in turn.
const LesionAll = -1

// Command is one instruction to a worker. Gen numbers the resets: the worker stamps every
// Report with the Gen of the trainer it came from, so the page can drop stale reports that
// were already in flight when it asked for a reset. Seq numbers every command, and every
// reply carries the Seq of the last command the worker applied (Ack), having posted the
// effects of all earlier ones first: once the page has seen Ack == its last Seq, it has
// heard everything its commands caused, and an idle worker will say nothing more. The page
// exposes both numbers, so browser tests wait on that fact instead of on time.
type Command struct {
	Kind   Kind
	Gen    int
	Seq    int       // numbers every command the page sends a worker; the worker acknowledges it
	Spec   lab.Spec  // CmdReset, CmdSweep
	Run    bool      // CmdReset (start running at once) and CmdRun
	Steps  int       // CmdStep, CmdSweep
	Block  int       // CmdShortcut, CmdLesion, CmdWatch
	On     bool      // CmdShortcut
	LR     float64   // CmdLR
	Data   []byte    // CmdDigits
	Pixels []float32 // CmdProbe: the dataset's Dim values (for the digits 14×14 in [0, 1], row by row)

	Landscape lab.LandscapeConfig // CmdLandscape
}

// Sample is one point of the loss and accuracy history.
type Sample struct {
	Step                float64
	TrainLoss, TrainAcc float64
	TestLoss, TestAcc   float64
}

// SampleFields is the number of float64s a Sample takes on the wire.
const SampleFields = 5

// Report is what a worker knows about its run.
type Report struct {
	Gen     int
	Ack     int // the Seq of the last command applied before this report (see Command.Seq)
	Running bool
	Metrics lab.Metrics // with Blocks: each block's gradient norm after the latest step
	History []Sample    // bounded; older points are thinned out

	// PeakLoss is the highest minibatch loss of the run so far and PeakStep the step that
	// had it (lab.Trainer.PeakLoss): a learning rate far too high sends the loss to hundreds
	// and back between two measurements, and the page says so when it sees this.
	PeakLoss float64
	PeakStep int

	// LRChanges are the run's learning-rate changes made while it trained (CmdLR).
	LRChanges []lab.LRChange

	// Boundary holds Classes probabilities per cell of a GridN×GridN grid (see
	// lab.Trainer.Boundary); empty when this report carries no new picture.
	Boundary   []float32
	GridN      int
	Classes    int
	BoundaryMS float64 // what drawing it took the worker, for `make bench-browser`

	// Train and Test are sent once per reset (empty otherwise), to draw the points; never
	// for images, which Digits shows instead.
	Train, Test *data.Set

	// BlockMap is the watched block's output over the plane (lab.Trainer.BlockMap, see
	// CmdWatch): MapUnits pictures of MapN×MapN for block MapBlock, unit by unit; sent with
	// each new boundary picture, and when the page picks another block.
	BlockMap                 []float32
	MapBlock, MapN, MapUnits int

	Digits *DigitsView // for a dataset of images; nil otherwise

	Err string // the worker could not do what was asked (a bad Spec, a panic)
}

// SweepPoint is a pool worker's word on its sweep run: Step steps done so far, and once
// Done, the final metrics (or Err).
type SweepPoint struct {
	Step                                   int
	Done                                   bool
	TrainAcc, TestAcc, TrainLoss, TestLoss float64
	Diverged                               bool
	Err                                    string
}

// LesionReport is a worker's answer to CmdLesion.
type LesionReport struct {
	Gen     int
	Ack     int            // as in Report
	Step    int            // when the network was measured
	Intact  LesionResult   // the network as it is (Block is LesionAll)
	Results []LesionResult // one per block removed, in block order
	Err     string
}

// LesionResult is the network's accuracy with Block removed. Err says why a block could not
// be removed (a width-changing block without a shortcut carries the signal on alone).
type LesionResult struct {
	Block             int
	TrainAcc, TestAcc float64
	Err               string
}

// DigitsView is what the page shows of a network trained on images, in place of the
// decision boundary: test images with the predicted class of each, a confusion matrix, and
// the class probabilities of the image the visitor drew.
type DigitsView struct {
	// Sent once per reset (empty otherwise): the first GridImages test images, Side² grey
	// levels (0..255) each, and the labels of every test image the worker evaluates.
	Side   int
	Images []byte
	Labels []byte
	// Pred is the predicted class of every evaluated test image, when this report measured
	// them; Probe the class probabilities of the drawn image, when there is one.
	Pred  []byte
	Probe []float32
}

// GridImages is how many test images the page shows with their predictions.
const GridImages = 48
