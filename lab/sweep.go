package lab

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// SweepConfig describes a depth sweep: for every depth, every seed, and both variants (plain,
// then residual), one run of Base with that many identical blocks, trained for Steps steps.
// The blocks copy Base.Blocks[0] (or, when Base has none, Base.Width units and 2 layers);
// only their number and their shortcut change, so the sweep isolates depth and shortcuts.
type SweepConfig struct {
	Base    Spec
	Depths  []int    // numbers of blocks, each 1..MaxBlocks
	Seeds   []uint64 // each run's Spec.Seed
	Steps   int      // optimisation steps per run
	Workers int      // runs trained at once; 0 means runtime.NumCPU()
}

// SweepResult is one finished run of a sweep.
type SweepResult struct {
	Depth    int
	Residual bool
	Seed     uint64
	Steps    int     // steps asked for; Final.Step is how many ran (fewer if it diverged)
	Final    Metrics // metrics at the end of the run
}

// Validate reports the first thing that makes c unrunnable (including an invalid Base), in
// words a command-line user can act on.
func (c SweepConfig) Validate() error {
	if len(c.Depths) == 0 {
		return errors.New("sweep: no depths to run")
	}
	seen := map[int]bool{}
	for _, d := range c.Depths {
		if d < 1 || d > MaxBlocks {
			return fmt.Errorf("sweep: depth %d is out of range: a network has 1 to %d blocks", d, MaxBlocks)
		}
		if seen[d] {
			return fmt.Errorf("sweep: depth %d is listed twice", d)
		}
		seen[d] = true
	}
	if len(c.Seeds) == 0 {
		return errors.New("sweep: no seeds to run")
	}
	seenSeed := map[uint64]bool{}
	for _, s := range c.Seeds {
		if seenSeed[s] {
			return fmt.Errorf("sweep: seed %d is listed twice", s)
		}
		seenSeed[s] = true
	}
	if c.Steps < 1 {
		return fmt.Errorf("sweep: steps must be at least 1 (got %d)", c.Steps)
	}
	if c.Workers < 0 {
		return fmt.Errorf("sweep: workers must be 0 (one per CPU) or more (got %d)", c.Workers)
	}
	// The runs differ only in depth, shortcuts and seed, so the first Spec speaks for the
	// base; the depths were checked above.
	if err := c.Specs()[0].Validate(); err != nil {
		return fmt.Errorf("sweep: %w", err)
	}
	// Every run's size, before any trains: finding the deepest too large after half an hour
	// of the others would waste that half hour. Shortcuts do not change the size.
	var fit []string
	var tooLarge error
	for _, d := range c.Depths {
		err := CheckSize(DepthSpec(c.Base, d, false, 0))
		switch {
		case err == nil:
			fit = append(fit, strconv.Itoa(d))
		case tooLarge == nil:
			tooLarge = fmt.Errorf("sweep: depth %d: %w", d, err)
		}
	}
	if tooLarge != nil && len(fit) > 0 {
		return fmt.Errorf("%w (of these depths, %s fit)", tooLarge, strings.Join(fit, ", "))
	}
	return tooLarge
}

// Specs lists the Specs a sweep runs, in the order of its results: by depth as listed, plain
// before residual, then by seed as listed.
func (c SweepConfig) Specs() []Spec {
	specs := make([]Spec, 0, len(c.Depths)*2*len(c.Seeds))
	for _, d := range c.Depths {
		for _, residual := range []bool{false, true} {
			for _, seed := range c.Seeds {
				specs = append(specs, DepthSpec(c.Base, d, residual, seed))
			}
		}
	}
	return specs
}

// DepthSpec returns base with depth identical blocks, shortcuts on or off, and the given seed.
// The blocks copy base.Blocks[0], or are base.Width units of 2 layers when base has none.
// For a convolutional base, depth is the number of blocks per stage (the paper's n), the
// stages keeping base's widths: 6n+2 weight layers for three stages of two-layer blocks.
func DepthSpec(base Spec, depth int, residual bool, seed uint64) Spec {
	block := BlockSpec{Width: base.Width, Layers: 2}
	if len(base.Blocks) > 0 {
		block = base.Blocks[0]
	}
	s := base
	if base.IsConv() && len(base.Blocks) > 0 {
		s.Blocks = Stages(depth, StageWidths(base.Blocks), block.Layers, residual)
	} else {
		s.Blocks = Uniform(depth, block.Width, block.Layers, residual) // a new slice: base's is not shared
	}
	s.Seed = seed
	return s
}

// Sweep trains every Spec of c on c.Workers goroutines and returns the results in the order
// of c.Specs(). Each run is independent and seeded by its Spec, so the results do not depend
// on the number of workers.
//
// progress, if not nil, is called once per run with its result, in the same order as the
// results and never concurrently, as soon as that run and all the runs before it are done.
//
// When ctx is cancelled, the runs stop at once (between two blocks of a step) and Sweep returns the results
// of the runs that finished (in order, with gaps where runs did not finish) and ctx.Err().
// A Spec that NewTrainer rejects stops the sweep with that error.
func Sweep(ctx context.Context, c SweepConfig, progress func(SweepResult)) ([]SweepResult, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	specs := c.Specs()
	workers := c.Workers
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	workers = min(workers, len(specs))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type outcome struct {
		index  int
		result SweepResult
		err    error
	}
	jobs := make(chan int)
	outcomes := make(chan outcome)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := runOne(ctx, specs[i], c.Steps)
				outcomes <- outcome{i, r, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range specs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(outcomes) }()

	// Collect in completion order, report in spec order: a run is reported once every run
	// before it has been.
	done := make([]*SweepResult, len(specs))
	next := 0
	var firstErr error
	for o := range outcomes {
		if o.err != nil {
			if firstErr == nil && !errors.Is(o.err, context.Canceled) {
				firstErr = o.err
				cancel()
			}
			continue
		}
		done[o.index] = &o.result
		for next < len(done) && done[next] != nil {
			if progress != nil && firstErr == nil {
				progress(*done[next])
			}
			next++
		}
	}

	results := make([]SweepResult, 0, len(specs))
	for _, r := range done {
		if r != nil {
			results = append(results, *r)
		}
	}
	if firstErr != nil {
		return results, firstErr
	}
	if len(results) < len(specs) {
		if err := ctx.Err(); err != nil {
			return results, err
		}
	}
	return results, nil
}

// runOne trains one Spec for steps steps, or until ctx is done.
func runOne(ctx context.Context, s Spec, steps int) (SweepResult, error) {
	r := SweepResult{Depth: Depth(s), Seed: s.Seed, Steps: steps}
	if len(s.Blocks) > 0 {
		r.Residual = s.Blocks[0].Shortcut
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	t, err := NewTrainer(s)
	if err != nil {
		return r, fmt.Errorf("sweep: depth %d, seed %d: %w", r.Depth, r.Seed, err)
	}
	if err := t.StepContext(ctx, steps); err != nil {
		return r, err
	}
	r.Final, err = t.MetricsContext(ctx)
	return r, err
}
