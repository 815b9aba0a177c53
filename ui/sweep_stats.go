package ui

import (
	"math"
	"sort"

	"resnetplayground/lab"
)

// A sweep over several seeds trains every depth and variant once per seed. One seed can be
// lucky; the plot and the table show the mean over seeds and how far apart they landed, as
// `go run . sweep` does (lab.Summarize).

// Spread is a quantity over a group's finished runs.
type Spread struct{ Mean, Min, Max float64 }

// SweepGroup is one depth and variant of a sweep, over its seeds.
type SweepGroup struct {
	Depth    int
	Residual bool
	Runs     int // asked for: one per seed
	Done     int // finished without error
	Diverged int

	// Errors (1 − accuracy) of the finished runs. A diverged run counts like any other: a
	// network that failed to train is what a sweep measures.
	TrainErr, TestErr Spread
}

// Complete reports whether every seed of the group has finished.
func (g SweepGroup) Complete() bool { return g.Done == g.Runs }

// Groups gathers the sweep's runs by depth, plain before residual, in depth order. The
// statistics of the finished runs are lab.Summarize's, as `go run . sweep` prints them.
func (r *SweepRun) Groups() []SweepGroup {
	type key struct {
		depth    int
		residual bool
	}
	index := map[key]int{}
	var groups []SweepGroup
	var finished []lab.SweepResult
	for i, j := range r.Jobs {
		k := key{j.Depth(), j.Residual()}
		if _, ok := index[k]; !ok {
			index[k] = len(groups)
			groups = append(groups, SweepGroup{Depth: k.depth, Residual: k.residual, TrainErr: noSpread, TestErr: noSpread})
		}
		groups[index[k]].Runs++
		if i >= len(r.Points) || !r.Points[i].Done || r.Points[i].Err != "" {
			continue
		}
		p := r.Points[i]
		finished = append(finished, lab.SweepResult{Depth: k.depth, Residual: k.residual, Seed: j.Spec.Seed, Steps: j.Steps,
			Final: lab.Metrics{Step: p.Step, TrainAcc: p.TrainAcc, TestAcc: p.TestAcc, TrainLoss: p.TrainLoss, TestLoss: p.TestLoss, Diverged: p.Diverged}})
	}
	for _, s := range lab.Summarize(finished) {
		g := &groups[index[key{s.Depth, s.Residual}]]
		g.Done, g.Diverged = s.Runs, s.Diverged
		g.TrainErr = Spread{Mean: 1 - s.TrainAccMean, Min: 1 - s.TrainAccMax, Max: 1 - s.TrainAccMin}
		g.TestErr = Spread{Mean: 1 - s.TestAccMean, Min: 1 - s.TestAccMax, Max: 1 - s.TestAccMin}
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Depth != groups[b].Depth {
			return groups[a].Depth < groups[b].Depth
		}
		return !groups[a].Residual && groups[b].Residual
	})
	return groups
}

// noSpread is the spread of a group with no finished run.
var noSpread = Spread{math.NaN(), math.NaN(), math.NaN()}

// Seeds is how many seeds each depth and variant of the sweep trains.
func (r *SweepRun) Seeds() int {
	if g := r.Groups(); len(g) > 0 {
		return g[0].Runs
	}
	return 0
}
