package worker

import (
	"fmt"
	"math"
	"time"

	"resnetplayground/lab"
	"resnetplayground/nn/data"
	"resnetplayground/proto"
)

// session is the worker's side of the protocol without the browser: it owns the Trainer,
// applies Commands and produces Reports. The js/wasm worker loop only moves messages and
// decides when to train and when to report, so all of this runs in native tests too.
type session struct {
	gen     int
	spec    lab.Spec
	trainer *lab.Trainer
	running bool
	hist    *History
	grid    []float32

	last     lab.Metrics // the latest measurement of the current run
	measured bool        // last is of the current run

	ack        int // the Seq of the last command handled
	pointsSent bool
	digitsSent bool      // the test images and labels went with a report of this run
	probe      []float32 // the image the visitor drew, if any
	probeX     []float64
	probs      []float32
	watch      int       // the block whose output the page shows (CmdWatch), -1 for none
	mapDue     bool      // the watched block changed, or the run: send its map with the next report
	blockMap   []float32 // reused for every map
	err        string    // reported once, then cleared
}

// BlockMapN is the side of a block map's pictures (lab.Trainer.BlockMap): small squares, one
// per unit, which cost the worker a fraction of the 100×100 boundary.
const BlockMapN = 24

// EvalImages is how many training and test images the worker's measurements use: enough
// for accuracies to a percent or so, few enough that measuring a deep convolutional network
// does not keep the worker from hearing "pause" for seconds (all 7,000 would).
const EvalImages = 500

// The boundary picture has between MinGridN and MaxGridN cells per side: as many as the
// worker can draw in about gridBudget (see cadence), so that it can refresh the picture five
// times a second within its share of the time. Before the first picture shows how fast this
// worker is, the grid is sized to cost at most boundaryBudget multiply-adds, so a huge
// network does not keep the worker from hearing "pause" for seconds.
const (
	GridN          = 64 // the first picture of a network of ordinary size
	MinGridN       = 16
	MaxGridN       = 100
	boundaryBudget = 80_000_000
)

// gridSize is the first boundary's resolution for a network whose forward pass costs cost
// multiply-adds per point.
func gridSize(cost int) int {
	if cost <= 0 {
		return GridN
	}
	n := int(math.Sqrt(float64(boundaryBudget) / float64(cost)))
	return max(MinGridN, min(GridN, n))
}

// historyMax bounds the samples kept (and sent) per run.
const historyMax = 300

func newSession() *session { return &session{hist: NewHistory(historyMax), watch: -1} }

// handle applies one command. It reports whether the page should hear about it at once (a
// reset or a step changes what the page shows even while paused).
func (s *session) handle(c proto.Command) (changed bool) {
	defer s.recoverInto(&changed)
	s.ack = max(s.ack, c.Seq)
	switch c.Kind {
	case proto.CmdDigits: // for every run of this worker, whatever its generation
		if err := data.ProvideDigits(c.Data); err != nil {
			s.err = "the digits file did not arrive intact: " + err.Error()
			return true
		}
		return false
	case proto.CmdProbe: // the drawing stays the same across resets
		s.probe = append(s.probe[:0], c.Pixels...)
		return s.trainer != nil
	case proto.CmdWatch: // so does the block watched
		s.watch, s.mapDue = c.Block, true
		return s.trainer != nil
	}
	if c.Kind != proto.CmdReset && c.Gen != s.gen {
		return false // for a trainer that has been replaced already
	}
	switch c.Kind {
	case proto.CmdReset:
		s.gen, s.spec, s.running = c.Gen, c.Spec, c.Run
		s.hist.Reset()
		s.pointsSent = false
		s.last, s.measured = lab.Metrics{}, false
		s.digitsSent = false
		s.mapDue = true
		t, err := lab.NewTrainer(c.Spec)
		if err != nil {
			s.trainer, s.running = nil, false
			s.err = err.Error()
		} else {
			s.trainer = t
			if data.IsImages(c.Spec.Dataset) {
				t.SetEvalSample(EvalImages)
			}
		}
		return true
	case proto.CmdRun:
		s.running = c.Run && s.trainer != nil
		return !s.running // a pause, or a Play with nothing to train, is answered at once
	case proto.CmdStep:
		if s.trainer != nil {
			s.trainer.Step(max(c.Steps, 1))
		}
		return true
	case proto.CmdLR:
		if s.trainer == nil {
			return false
		}
		if err := s.trainer.SetLR(c.LR); err != nil {
			s.err = err.Error()
		}
		s.spec.LR = s.trainer.Spec().LR
		return true
	case proto.CmdShortcut:
		if s.trainer == nil {
			return false
		}
		if err := s.trainer.SetShortcut(c.Block, c.On); err != nil {
			s.err = err.Error()
		}
		return true
	}
	return false
}

// training reports whether train has anything to do.
func (s *session) training() bool { return s.running && s.trainer != nil }

// train runs minibatches for about budget, at least one; it returns how many it ran.
func (s *session) train(budget time.Duration) (steps int) {
	defer s.recoverInto(nil)
	if !s.training() {
		return 0
	}
	start := time.Now()
	for steps == 0 || time.Since(start) < budget {
		s.trainer.Step(1)
		steps++
	}
	return steps
}

// measure says what a report measures besides the step count.
type measure struct {
	metrics bool // the whole training and test sets, recorded as a history sample
	gridN   int  // the boundary on a gridN×gridN grid; 0 for none
}

// measured is what the measuring of one report cost, for the cadence.
type measured struct {
	metrics, grid time.Duration
	gridN         int
}

// report tells the page how the run is going. It measures what want asks for: with
// want.metrics the network on the whole training and test sets (a history sample), with
// want.gridN the boundary picture. Without them it carries the step count and the latest
// measurement, so the page can show progress more often than measuring would allow. A
// diverged run stops running.
func (s *session) report(want measure) (r proto.Report, cost measured) {
	r = proto.Report{Gen: s.gen, Ack: s.ack}
	func() {
		defer s.recoverInto(nil)
		if s.trainer == nil {
			return
		}
		step, epoch := s.trainer.Progress()
		measuredNow := false
		if want.metrics || !s.measured || (s.trainer.Diverged() && !s.last.Diverged) {
			start := time.Now()
			s.last = s.trainer.Metrics()
			s.measured, measuredNow = true, true
			cost.metrics = time.Since(start)
			m := s.last
			s.hist.Add(proto.Sample{Step: float64(m.Step), TrainLoss: m.TrainLoss, TrainAcc: m.TrainAcc, TestLoss: m.TestLoss, TestAcc: m.TestAcc})
		}
		r.Metrics = s.last
		r.Metrics.Step, r.Metrics.Epoch = step, epoch
		r.PeakLoss, r.PeakStep = s.trainer.PeakLoss()
		r.LRChanges = append([]lab.LRChange(nil), s.trainer.LRChanges()...)
		if r.Metrics.Diverged {
			s.running = false
		}
		if n := want.gridN; n > 0 && !r.Metrics.Diverged {
			start := time.Now()
			s.grid = s.trainer.Boundary(n, s.grid)
			cost.grid, cost.gridN = time.Since(start), n
			r.Boundary, r.GridN, r.Classes = s.grid, n, s.classes()
			r.BoundaryMS = cost.grid.Seconds() * 1000
		}
		if s.watch >= 0 && (r.Boundary != nil || s.mapDue) && !r.Metrics.Diverged {
			var units int
			s.blockMap, units = s.trainer.BlockMap(s.watch, BlockMapN, s.blockMap)
			if units > 0 {
				r.BlockMap, r.MapBlock, r.MapN, r.MapUnits = s.blockMap, s.watch, BlockMapN, units
			}
			s.mapDue = false
		}
		if d := s.trainer.Train(); data.IsImages(s.spec.Dataset) {
			r.Digits = s.digitsView(d.Dim, measuredNow)
		} else if !s.pointsSent {
			train, test := s.trainer.Train(), s.trainer.Test()
			r.Train, r.Test = &train, &test
			s.pointsSent = true
		}
	}()
	r.Running = s.running
	r.History = s.hist.Samples()
	r.Err, s.err = s.err, ""
	return r, cost
}

// cost is the network's forward pass in multiply-adds per point, 0 without a network.
func (s *session) cost() int {
	if s.trainer == nil {
		return 0
	}
	return s.trainer.Network().ForwardCost()
}

// classes is the number of classes the boundary holds per cell.
func (s *session) classes() int {
	if n := s.trainer.Train().Classes; n > 0 {
		return n
	}
	return s.spec.Classes
}

// recoverInto turns a panic in the engine into an error for the page and stops the run: a
// panic must not kill the worker, which would leave the page waiting forever.
func (s *session) recoverInto(changed *bool) {
	if p := recover(); p != nil {
		s.err = fmt.Sprint("internal error: ", p)
		s.running = false
		s.trainer = nil
		if changed != nil {
			*changed = true
		}
	}
}

// digitsView is the report's picture of a network on images: the test images and labels
// once per run, the test predictions when this report measured them, and the drawn image's
// class probabilities when there is one.
func (s *session) digitsView(dim int, measuredNow bool) *proto.DigitsView {
	side := int(math.Sqrt(float64(dim)))
	v := &proto.DigitsView{Side: side}
	if !s.digitsSent {
		test := s.trainer.Test()
		n := min(proto.GridImages, test.Len())
		v.Images = make([]byte, n*dim)
		for i, x := range test.X[:n*dim] {
			v.Images[i] = byte(math.Round(255 * min(max(x, 0), 1)))
		}
		v.Labels = make([]byte, min(EvalImages, test.Len()))
		for i := range v.Labels {
			v.Labels[i] = byte(test.Y[i])
		}
		s.digitsSent = true
	}
	if pred := s.trainer.TestPredictions(); measuredNow && pred != nil {
		v.Pred = make([]byte, len(pred))
		for i, p := range pred {
			v.Pred[i] = byte(p)
		}
	}
	if len(s.probe) == dim {
		s.probeX = s.probeX[:0]
		for _, p := range s.probe {
			s.probeX = append(s.probeX, float64(p))
		}
		probs, err := s.trainer.Classify(s.probeX, s.probs)
		if err == nil {
			s.probs = probs
			v.Probe = append([]float32(nil), probs...)
		}
	}
	return v
}
