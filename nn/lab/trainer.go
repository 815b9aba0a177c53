package lab

import (
	"errors"

	"resnetplayground/nn/data"
)

// CONTRACT STUB: the real Trainer is being written; signatures here are final.

// Metrics is a snapshot of a run, evaluated on the whole training and test sets.
type Metrics struct {
	Step      int          `json:"step"`
	Epoch     float64      `json:"epoch"`
	TrainLoss float64      `json:"train_loss"`
	TrainAcc  float64      `json:"train_acc"`
	TestLoss  float64      `json:"test_loss"`
	TestAcc   float64      `json:"test_acc"`
	Blocks    []BlockStats `json:"blocks"`
	Diverged  bool         `json:"diverged"` // a loss or weight became NaN/Inf; Step does nothing more
}

// BlockStats are one block's diagnostics after the latest step.
type BlockStats struct {
	GradNorm float64 `json:"grad_norm"` // L2 norm of the gradient of the block's parameters
	ActMean  float64 `json:"act_mean"`  // mean of the block's output on the latest batch
	ActStd   float64 `json:"act_std"`
}

// Trainer trains the network a Spec describes.
type Trainer struct {
	spec        Spec
	train, test data.Set
	step        int
}

// NewTrainer validates s and builds its data and network.
func NewTrainer(s Spec) (*Trainer, error) { return &Trainer{spec: s}, nil }

// Spec returns the Spec the trainer was built from, with live shortcut changes applied.
func (t *Trainer) Spec() Spec { return t.spec }

// Train and Test return the datasets (do not modify them).
func (t *Trainer) Train() data.Set { return t.train }
func (t *Trainer) Test() data.Set  { return t.test }

// Step runs k optimisation steps (k minibatches). It does nothing once the run diverged.
func (t *Trainer) Step(k int) { t.step += k }

// Metrics evaluates the network on the training and test sets.
func (t *Trainer) Metrics() Metrics { return Metrics{Step: t.step} }

// Boundary returns the class probabilities on an n×n grid over [-data.Extent, data.Extent]²,
// as one batched forward pass: cell (row r, column c) holds x = -Extent + (c+0.5)·2·Extent/n
// and y = +Extent - (r+0.5)·2·Extent/n (row 0 at the top, as on a screen), and its
// probabilities are dst[(r*n+c)*classes : (r*n+c+1)*classes]. dst is reused when large enough.
func (t *Trainer) Boundary(n int, dst []float32) []float32 { return dst }

// SetShortcut turns block's shortcut on or off in the running network; weights are kept.
func (t *Trainer) SetShortcut(block int, on bool) error { return errors.New("stub") }

// Lesion evaluates the network with block's branch removed (the block passes x through
// unchanged) and returns the metrics of that lesioned network; the network itself is untouched.
func (t *Trainer) Lesion(block int) (Metrics, error) { return Metrics{}, errors.New("stub") }
