package lab

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"resnetplayground/nn"
)

// LandscapeConfig says which picture of the loss landscape to compute (Li et al. 2018): the
// training loss at θ + α·δ + β·η on a Grid×Grid grid of α, β ∈ [−Span, Span], where θ are the
// current weights and δ, η two filter-normalised random directions drawn from Seed; a 1-D slice
// of Slice points through θ along δ over the same span; and, when Line > 0, Line points on the
// straight line from the initial weights θ₀ to θ (Goodfellow, Vinyals & Saxe 2015), at
// θ₀ + t·(θ − θ₀) for t ∈ [−0.25, 1.25] (t = 0 is the start, t = 1 now). Batch norm's running
// statistics are not weights: every point uses the current ones, so with batch norm the line's
// t = 0 is the initial weights normalised as the trained network normalises, not the loss the
// network had before training.
//
// At is the training step the picture is taken at, for a worker that trains the network
// itself (worker.landscapeWork): one that is behind trains to At first, so that a link naming
// the Spec, At and the directions' Seed reproduces the picture exactly (0: the weights as they
// are). Trainer.Landscape pictures the weights as they are and ignores it.
type LandscapeConfig struct {
	Seed  uint64  `json:"seed"`
	Grid  int     `json:"grid"`
	Span  float64 `json:"span"`
	Slice int     `json:"slice"`
	Line  int     `json:"line"`
	At    int     `json:"at,omitempty"`
}

// DefaultLandscape is the paper's picture at the page's resolution: 31×31 over [−1, 1]², a
// 61-point slice and a 31-point line from the start.
func DefaultLandscape() LandscapeConfig {
	return LandscapeConfig{Seed: 1, Grid: 31, Span: 1, Slice: 61, Line: 31}
}

// Limits of a landscape: each point costs one pass over the training set.
const (
	MaxLandscapeGrid  = 101
	MaxLandscapeSlice = 401
	MaxLandscapeSpan  = 10
	// The line from the start spans t ∈ [LineFrom, LineTo].
	LineFrom, LineTo = -0.25, 1.25
)

// Validate explains what is wrong with c: the limits of LandscapeFields, and the slice's and
// the line's, which only the command line sets.
func (c LandscapeConfig) Validate() error {
	var errs []error
	for _, f := range LandscapeFields {
		if err := f.check(f.value(c)); err != nil {
			errs = append(errs, fmt.Errorf("landscape %w", err))
		}
	}
	if c.Slice < 0 || c.Slice > MaxLandscapeSlice || (c.Slice > 0 && (c.Slice < 3 || c.Slice%2 == 0)) {
		errs = append(errs, fmt.Errorf("landscape slice: %d points; use 0 (none) or an odd number from 3 to %d", c.Slice, MaxLandscapeSlice))
	}
	if c.Line < 0 || c.Line > MaxLandscapeSlice || c.Line == 1 {
		errs = append(errs, fmt.Errorf("landscape line: %d points; use 0 (none) or 2 to %d", c.Line, MaxLandscapeSlice))
	}
	return errors.Join(errs...)
}

// bnStats are copies of a network's running statistics (see runningStats).
type bnStats [][]float64

func statsOf(net *nn.Network) bnStats {
	var s bnStats
	for _, v := range runningStats(net) {
		s = append(s, append([]float64(nil), v...))
	}
	return s
}

func (s bnStats) read(net *nn.Network) {
	for i, v := range runningStats(net) {
		copy(s[i], v)
	}
}

func (s bnStats) copyInto(net *nn.Network) {
	for i, v := range runningStats(net) {
		copy(v, s[i])
	}
}

// Landscape is the computed picture. Loss[j][i] is the training loss at α = Axis[i], β = Axis[j]
// (rows are β, from −Span up); the centre, Loss[Grid/2][Grid/2], is at the current weights.
// A loss that overflowed is NaN or +Inf.
type Landscape struct {
	Axis      []float64   `json:"axis"`
	Loss      [][]float64 `json:"loss"`
	SliceAxis []float64   `json:"slice_axis,omitempty"`
	Slice     []float64   `json:"slice,omitempty"`
	LineAxis  []float64   `json:"line_axis,omitempty"`
	Line      []float64   `json:"line,omitempty"`
}

// axis returns n evenly spaced values from lo to hi; when n is odd and lo = −hi the middle one
// is exactly 0, so the grid's centre is exactly θ.
func axis(n int, lo, hi float64) []float64 {
	a := make([]float64, n)
	for i := range a {
		// Written as a ratio of integers times the span so that the middle is exactly 0.
		a[i] = lo + (hi-lo)*float64(i)/float64(n-1)
		if 2*i == n-1 && lo == -hi {
			a[i] = 0
		}
	}
	return a
}

// LandscapeJob computes a Landscape a few points at a time, so the worker can interleave it
// with training: each Run sets the weights to the point's, evaluates the training loss in
// inference mode (batch norm uses its running statistics and does not update them), and puts
// the weights back exactly as they were before Run, bit for bit. Training may go on between
// Runs; the picture stays centred on the weights the job started from.
type LandscapeJob struct {
	t      *Trainer
	cfg    LandscapeConfig
	theta  Direction // the weights at the start: the picture's centre
	d1, d2 Direction // δ, η
	start  Direction // θ₀, the initial weights (only with a line)
	saved  Direction // the weights before the current Run, to restore
	on     []bool    // the shortcuts at the start, in force while the job evaluates
	stats  bnStats   // batch norm's running statistics at the start, likewise
	now    bnStats   // those of the training, restored after each Run
	out    Landscape
	next   int // points done: grid row-major, then slice, then line

	// A dense network is evaluated through a float32 copy (nn.Net32), loaded afresh at each
	// point: twice the SIMD lanes of float64, so the page's picture comes twice as soon, and
	// the losses differ from the float64 network's by float32 rounding of the logits alone
	// (the softmax and the loss are float64). Images go through the float64 network.
	net32 *nn.Net32
	x32   []float32 // the training set's inputs (its first evalLimit), in float32
	y     []int
}

// StartLandscape begins computing the landscape around the trainer's current weights.
func (t *Trainer) StartLandscape(c LandscapeConfig) (*LandscapeJob, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	t.recordStats() // before evaluations overwrite what the diagnostics read
	rng := rand.New(rand.NewPCG(c.Seed, 0x1a4d5ca9e))
	j := &LandscapeJob{
		t: t, cfg: c,
		theta: weightsOf(t.net),
		d1:    FilterNormalised(t.net, rng),
		d2:    FilterNormalised(t.net, rng),
		saved: weightsOf(t.net),
	}
	for _, b := range t.net.Blocks {
		j.on = append(j.on, b.Shortcut)
	}
	j.stats, j.now = statsOf(t.net), statsOf(t.net)
	if f := new(nn.Net32); f.Load(t.net) == nil {
		n := t.evalLimit(t.train)
		j.net32, j.y = f, t.train.Y[:n]
		j.x32 = make([]float32, n*t.train.Dim)
		for i, v := range t.train.X[:n*t.train.Dim] {
			j.x32[i] = float32(v)
		}
	}
	if c.Line > 0 {
		init, err := t.initialNetwork()
		if err != nil {
			return nil, err
		}
		j.start = weightsOf(init)
	}
	j.out.Axis = axis(c.Grid, -c.Span, c.Span)
	j.out.Loss = make([][]float64, c.Grid)
	for r := range j.out.Loss {
		j.out.Loss[r] = nanSlice(c.Grid)
	}
	if c.Slice > 0 {
		j.out.SliceAxis = axis(c.Slice, -c.Span, c.Span)
		j.out.Slice = nanSlice(c.Slice)
	}
	if c.Line > 0 {
		j.out.LineAxis = axis(c.Line, LineFrom, LineTo)
		j.out.Line = nanSlice(c.Line)
	}
	return j, nil
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// Total is the number of points the job evaluates, each one pass over the training set.
func (j *LandscapeJob) Total() int { return j.cfg.Points() }

// Points is how many losses a landscape with these settings evaluates: the grid, the slice
// and the line.
func (c LandscapeConfig) Points() int { return c.Grid*c.Grid + c.Slice + c.Line }

// Done is the number of points evaluated so far.
func (j *LandscapeJob) Done() int { return j.next }

// Finished reports whether every point is evaluated.
func (j *LandscapeJob) Finished() bool { return j.next >= j.Total() }

// Result is the landscape so far; points not yet evaluated are NaN. It shares memory with the
// job: copy it before the next Run if it must not change.
func (j *LandscapeJob) Result() Landscape { return j.out }

// Run evaluates up to points more points and returns how many it did.
func (j *LandscapeJob) Run(points int) int {
	n, _ := j.RunContext(context.Background(), points)
	return n
}

// RunContext is Run that stops as soon as ctx is done, returning ctx.Err(); a point it was
// in the middle of is left to the next Run. The weights are restored either way.
func (j *LandscapeJob) RunContext(ctx context.Context, points int) (int, error) {
	n := min(points, j.Total()-j.next)
	if n <= 0 {
		return 0, nil
	}
	net := j.t.net
	j.t.recordStats()
	for k, p := range net.Params() {
		copy(j.saved[k], values(p))
	}
	was := make([]bool, len(net.Blocks))
	for i, b := range net.Blocks {
		was[i], b.Shortcut = b.Shortcut, j.on[i]
	}
	j.now.read(net)
	j.stats.copyInto(net)
	defer func() {
		j.saved.copyInto(net)
		j.now.copyInto(net)
		for i, b := range net.Blocks {
			b.Shortcut = was[i]
		}
	}()
	stop := ctx.Done()
	for done := range n {
		if !j.evaluateNext(stop) {
			return done, ctx.Err()
		}
	}
	return n, nil
}

// evaluateNext sets the weights to the next point's and records the training loss there; it
// returns false, recording nothing, when stop closed first.
func (j *LandscapeJob) evaluateNext(stop <-chan struct{}) bool {
	g := j.cfg.Grid
	k := j.next
	var dst *float64
	switch {
	case k < g*g:
		r, c := k/g, k%g
		j.setPlane(j.out.Axis[c], j.out.Axis[r])
		dst = &j.out.Loss[r][c]
	case k < g*g+j.cfg.Slice:
		i := k - g*g
		j.setPlane(j.out.SliceAxis[i], 0)
		dst = &j.out.Slice[i]
	default:
		i := k - g*g - j.cfg.Slice
		j.setLine(j.out.LineAxis[i])
		dst = &j.out.Line[i]
	}
	loss, ok := j.loss(stop)
	if ok {
		*dst = loss
		j.next++
	}
	return ok
}

// loss is the training loss at the weights as they are, or false when stop closed first.
func (j *LandscapeJob) loss(stop <-chan struct{}) (float64, bool) {
	if j.net32 == nil {
		loss, _, ok := j.t.evaluate(j.t.train, stop, nil)
		return loss, ok
	}
	select { // a point through Net32 takes a millisecond: stop is heard between points
	case <-stop:
		return 0, false
	default:
	}
	if err := j.net32.Load(j.t.net); err != nil {
		panic(err) // it loaded this network's shape at the start
	}
	return j.net32.Loss(j.x32, j.y, len(j.y)), true
}

// setPlane sets the weights to θ + α·δ + β·η.
func (j *LandscapeJob) setPlane(a, b float64) {
	for k, p := range j.t.net.Params() {
		w, th, d, e := values(p), j.theta[k], j.d1[k], j.d2[k]
		w = w[:len(th)]
		for i := range w {
			w[i] = th[i] + a*d[i] + b*e[i]
		}
	}
}

// setLine sets the weights to θ₀ + t·(θ − θ₀).
func (j *LandscapeJob) setLine(t float64) {
	for k, p := range j.t.net.Params() {
		w, th, s := values(p), j.theta[k], j.start[k]
		w = w[:len(th)]
		for i := range w {
			w[i] = s[i] + t*(th[i]-s[i])
		}
	}
}

// Landscape computes the whole landscape at once (for the CLI and tests); it stops, returning
// ctx.Err() and what it has, as soon as ctx is done.
func (t *Trainer) Landscape(ctx context.Context, c LandscapeConfig) (Landscape, error) {
	j, err := t.StartLandscape(c)
	if err != nil {
		return Landscape{}, err
	}
	_, err = j.RunContext(ctx, j.Total())
	return j.out, err
}
