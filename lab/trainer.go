package lab

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// Metrics is a snapshot of a run, evaluated on the whole training and test sets.
type Metrics struct {
	Step      int          `json:"step"`
	Epoch     float64      `json:"epoch"`
	TrainLoss float64      `json:"train_loss"`
	TrainAcc  float64      `json:"train_acc"`
	TestLoss  float64      `json:"test_loss"`
	TestAcc   float64      `json:"test_acc"`
	Blocks    []BlockStats `json:"blocks"`
	Diverged  bool         `json:"diverged"` // a loss became NaN/Inf; Step does nothing more
}

// BlockStats are one block's diagnostics after the latest step.
type BlockStats struct {
	GradNorm float64 `json:"grad_norm"` // L2 norm of the gradient of the block's parameters
	ActMean  float64 `json:"act_mean"`  // mean of the block's output on the latest batch
	ActStd   float64 `json:"act_std"`
}

// evalChunk bounds the rows pushed through the network at once when evaluating, so that
// buffers stay the size of a training batch rather than of a 100×100 grid.
const evalChunk = 256

// evalRows is the evaluation chunk for s's network: evalChunk rows of points, fewer of images,
// whose rows are a thousand times wider.
func evalRows(s Spec) int {
	if s.IsConv() || data.IsImages(s.Dataset) {
		return 64
	}
	return evalChunk
}

// Trainer trains the network a Spec describes. It is not safe for concurrent use.
type Trainer struct {
	spec        Spec
	train, test data.Set
	net         *nn.Network
	opt         nn.Optimizer
	rng         *rand.Rand

	order     []int // the current epoch's shuffled training indices
	next      int   // position in order
	batch     int
	xb, chunk *mat.Dense
	probe     *mat.Dense // one example for Classify
	evalRows  int        // rows per evaluation chunk
	sample    int        // examples of each set Metrics evaluates; 0 means all (see SetEvalSample)
	testPred  []int      // the predicted class of each test example at the latest Metrics
	predicted bool       // whether testPred holds a whole evaluation
	yb        []int
	step      int
	diverged  bool
	peak      float64 // the highest minibatch loss since the run began (or its learning rate changed)
	peakStep  int     // the step that had it
	lrChanges []LRChange
	stats     []BlockStats
	stale     bool // stats are older than the latest step
	gradNorms []float64
	grid      []float64 // scratch for Boundary's grid coordinates
	net32     nn.Net32  // the float32 copy Boundary draws with (boundary.go)
	grid32    []float32 // Boundary's points for an n×n grid, n = grid32N
	grid32N   int
}

// NewTrainer validates s and builds its data and network. Data, initial weights and batch
// order all follow from s.Seed, so the same Spec trains the same way every time.
func NewTrainer(s Spec) (*Trainer, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s.Blocks = append([]BlockSpec(nil), s.Blocks...) // the trainer's own copy, for SetShortcut
	train, test, err := data.Make(data.Config{
		Name: s.Dataset, Points: s.Points, Noise: s.Noise, Classes: s.Classes,
		TrainFrac: s.TrainFrac, Seed: s.DataSeedOrSeed(),
	})
	if err != nil {
		return nil, err
	}
	if err := CheckSize(s); err != nil {
		return nil, err
	}
	cfg, err := netConfig(s, train.Dim, train.Classes)
	if err != nil {
		return nil, err
	}
	net, err := nn.New(cfg, s.Seed)
	if err != nil {
		return nil, err
	}
	opt, err := nn.NewOptimizer(s.Optimizer, s.LR, s.WeightDecay)
	if err != nil {
		return nil, err
	}
	batch := min(s.Batch, train.Len())
	t := &Trainer{
		spec: s, train: train, test: test, net: net, opt: opt,
		rng:       rand.New(rand.NewPCG(s.Seed, 0xba7c4)),
		order:     make([]int, train.Len()),
		batch:     batch,
		xb:        mat.NewDense(batch, train.Dim, nil),
		evalRows:  evalRows(s),
		yb:        make([]int, batch),
		testPred:  make([]int, test.Len()),
		stats:     make([]BlockStats, len(s.Blocks)),
		gradNorms: make([]float64, len(s.Blocks)),
	}
	for i := range t.order {
		t.order[i] = i
	}
	t.next = len(t.order) // shuffle on the first step
	return t, nil
}

// initialNetwork rebuilds the network as it was before the first step: the same Spec (with
// the shortcuts as they are now) and seed give the same initial weights.
func (t *Trainer) initialNetwork() (*nn.Network, error) {
	cfg, err := netConfig(t.Spec(), t.train.Dim, t.train.Classes)
	if err != nil {
		return nil, err
	}
	return nn.New(cfg, t.spec.Seed)
}

// Spec returns the Spec the trainer was built from, with live shortcut changes applied.
func (t *Trainer) Spec() Spec {
	s := t.spec
	s.Blocks = append([]BlockSpec(nil), t.spec.Blocks...)
	return s
}

// Network exposes the network being trained, for diagnostics and tests.
func (t *Trainer) Network() *nn.Network { return t.net }

// Train and Test return the datasets (do not modify them).
func (t *Trainer) Train() data.Set { return t.train }
func (t *Trainer) Test() data.Set  { return t.test }

// Diverged reports whether training hit a NaN or infinite loss.
func (t *Trainer) Diverged() bool { return t.diverged }

// Progress is how far training got: the steps taken and the epochs they make, without
// measuring anything.
func (t *Trainer) Progress() (step int, epoch float64) {
	return t.step, float64(t.step*t.batch) / float64(t.train.Len())
}

// LRChange records that the learning rate became LR after Step steps, while the run trained:
// a link (which starts a new run) cannot say it, so the run's record must.
type LRChange struct {
	Step int     `json:"step"`
	LR   float64 `json:"lr"`
}

// SetLR changes the learning rate of the run in place, from the next step on, as TensorFlow
// Playground does, instead of starting again; Spec and LRChanges say so. A rate outside the
// Spec's limits is an error and changes nothing. The peak loss starts again: it judges the
// rate in use.
func (t *Trainer) SetLR(lr float64) error {
	s := t.spec
	s.LR = lr
	if err := s.Validate(); err != nil {
		return err
	}
	switch o := t.opt.(type) {
	case *nn.Adam:
		o.LR = lr
	case *nn.SGD:
		o.LR = lr
	default:
		return fmt.Errorf("the optimiser %T cannot change its learning rate", t.opt)
	}
	if lr == t.spec.LR {
		return nil
	}
	t.spec.LR = lr
	if n := len(t.lrChanges); n > 0 && t.lrChanges[n-1].Step == t.step {
		t.lrChanges[n-1].LR = lr // two changes between the same steps: the later one counts
	} else {
		t.lrChanges = append(t.lrChanges, LRChange{Step: t.step, LR: lr})
	}
	t.peak, t.peakStep = 0, 0
	return nil
}

// LRChanges are the learning-rate changes made with SetLR, oldest first (the slice is the
// trainer's: copy it to keep it).
func (t *Trainer) LRChanges() []LRChange { return t.lrChanges }

// PeakLoss is the highest minibatch loss of the run so far and the step that had it (0, 0
// before the first step). Metrics measure the network now and then, so a learning rate far
// too high can send the loss to a thousand and back to chance between two of them; the
// peak, tracked at every step for nothing, keeps the evidence.
func (t *Trainer) PeakLoss() (loss float64, step int) { return t.peak, t.peakStep }

// Step runs k optimisation steps (k minibatches). It does nothing once the run diverged, and
// allocates nothing.
func (t *Trainer) Step(k int) { t.StepContext(context.Background(), k) }

// StepContext is Step that stops as soon as ctx is done, between two blocks of a step if need
// be (a step of a costly network takes a second): an abandoned step changes no weight, so the
// trainer stays at the last whole step (batch norm's running averages in the blocks the step
// passed have moved a little). It returns ctx.Err() when it stopped early.
func (t *Trainer) StepContext(ctx context.Context, k int) error {
	stop := ctx.Done()
	for ; k > 0 && !t.diverged; k-- {
		t.fillBatch()
		loss, _, done := t.net.TrainStepOrStop(t.xb, t.yb, t.opt, stop)
		if !done {
			t.unfillBatch()
			return ctx.Err()
		}
		t.step++
		if math.IsNaN(loss) || math.IsInf(loss, 0) {
			t.diverged = true
		} else if loss > t.peak {
			t.peak, t.peakStep = loss, t.step
		}
		t.stale = true
	}
	return nil
}

// fillBatch copies the next batch of the shuffled epoch into xb, yb; a new epoch reshuffles.
func (t *Trainer) fillBatch() {
	if t.next+t.batch > len(t.order) {
		t.rng.Shuffle(len(t.order), func(i, j int) { t.order[i], t.order[j] = t.order[j], t.order[i] })
		t.next = 0
	}
	x, dim := t.xb.RawMatrix().Data, t.train.Dim
	for i, idx := range t.order[t.next : t.next+t.batch] {
		copy(x[i*dim:i*dim+dim], t.train.X[idx*dim:idx*dim+dim])
		t.yb[i] = t.train.Y[idx]
	}
	t.next += t.batch
}

// unfillBatch gives back the batch of an abandoned step, so the next step trains on it.
func (t *Trainer) unfillBatch() { t.next -= t.batch }

// recordStats keeps the latest training step's per-block diagnostics. It runs before any
// evaluation overwrites the buffers they are read from, rather than after every step, so a
// step costs nothing extra.
func (t *Trainer) recordStats() {
	if !t.stale {
		return
	}
	t.stale = false
	t.net.BlockGradNorms(t.gradNorms)
	for i, b := range t.net.Blocks {
		mean, std := nn.MeanStd(b.Output())
		t.stats[i] = BlockStats{GradNorm: t.gradNorms[i], ActMean: mean, ActStd: std}
	}
}

// Metrics evaluates the network (in inference mode) on the training and test sets.
func (t *Trainer) Metrics() Metrics {
	m, _ := t.MetricsContext(context.Background())
	return m
}

// MetricsContext is Metrics that gives up, returning ctx.Err(), as soon as ctx is done:
// evaluating a costly network on a large dataset takes seconds.
func (t *Trainer) MetricsContext(ctx context.Context) (Metrics, error) {
	t.recordStats()
	m := Metrics{
		Step:     t.step,
		Blocks:   append([]BlockStats(nil), t.stats...),
		Diverged: t.diverged,
	}
	_, m.Epoch = t.Progress()
	var ok1, ok2 bool
	stop := ctx.Done()
	m.TrainLoss, m.TrainAcc, ok1 = t.evaluate(t.train, stop, nil)
	t.testPred = t.testPred[:min(t.test.Len(), t.evalLimit(t.test))]
	m.TestLoss, m.TestAcc, ok2 = t.evaluate(t.test, stop, t.testPred)
	t.predicted = ok2
	if !ok1 || !ok2 {
		return m, ctx.Err()
	}
	if math.IsNaN(m.TrainLoss) || math.IsInf(m.TrainLoss, 0) {
		m.Diverged = true
	}
	return m, nil
}

// evaluate returns the mean loss and the accuracy of the network on s (its first evalLimit
// examples), in chunks, and writes each example's predicted class into pred unless it is nil;
// ok is false when stop closed before it finished.
func (t *Trainer) evaluate(s data.Set, stop <-chan struct{}, pred []int) (loss, acc float64, ok bool) {
	n := t.evalLimit(s)
	if n == 0 {
		return 0, 0, true
	}
	correct := 0
	for lo := 0; lo < n; lo += t.evalRows {
		hi := min(lo+t.evalRows, n)
		t.chunk = chunkOf(t.chunk, s.X[s.Dim*lo:s.Dim*hi], hi-lo, s.Dim)
		logits := t.net.ForwardOrStop(t.chunk, false, stop)
		if logits == nil {
			return 0, 0, false
		}
		l, c := t.net.Loss.Forward(logits, s.Y[lo:hi])
		loss += l * float64(hi-lo)
		correct += c
		if pred != nil {
			argmaxRows(pred[lo:hi], logits)
		}
	}
	return loss / float64(n), float64(correct) / float64(n), true
}

// chunkOf returns an rows×dim matrix holding xs, reusing buf's storage.
func chunkOf(buf *mat.Dense, xs []float64, rows, dim int) *mat.Dense {
	if buf == nil {
		buf = mat.NewDense(rows, dim, nil)
	}
	if r, c := buf.Dims(); r != rows || c != dim {
		buf.Reset()
		buf.ReuseAs(rows, dim)
	}
	copy(buf.RawMatrix().Data, xs)
	return buf
}

// SetShortcut turns block's shortcut on or off in the running network; weights are kept.
func (t *Trainer) SetShortcut(block int, on bool) error {
	if block < 0 || block >= len(t.net.Blocks) {
		return fmt.Errorf("no block %d: the network has blocks 0 to %d", block, len(t.net.Blocks)-1)
	}
	t.net.Blocks[block].Shortcut = on
	t.spec.Blocks[block].Shortcut = on
	return nil
}

// Lesion evaluates the network with block's branch removed (the block passes x on through
// its shortcut: x itself, or its projection when the width changes) and returns the metrics
// of that lesioned network; the network itself is untouched.
func (t *Trainer) Lesion(block int) (Metrics, error) {
	if block < 0 || block >= len(t.net.Blocks) {
		return Metrics{}, fmt.Errorf("no block %d: the network has blocks 0 to %d", block, len(t.net.Blocks)-1)
	}
	t.recordStats()
	b := t.net.Blocks[block]
	if b.ChangesShape() && !b.Shortcut {
		return Metrics{}, fmt.Errorf("block %d changes the shape and has no shortcut: without its branch nothing carries the signal on", block)
	}
	b.Lesioned = true
	defer func() { b.Lesioned = false }()
	return t.Metrics(), nil
}
