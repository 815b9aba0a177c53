package ui

import (
	"math"
	"sort"
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

// Groups gathers the sweep's runs by depth, plain before residual, in depth order.
func (r *SweepRun) Groups() []SweepGroup {
	type key struct {
		depth    int
		residual bool
	}
	index := map[key]int{}
	var groups []SweepGroup
	var train, test [][]float64
	for i, j := range r.Jobs {
		k := key{j.Depth(), j.Residual()}
		gi, ok := index[k]
		if !ok {
			gi = len(groups)
			index[k] = gi
			groups = append(groups, SweepGroup{Depth: k.depth, Residual: k.residual})
			train, test = append(train, nil), append(test, nil)
		}
		g := &groups[gi]
		g.Runs++
		if i >= len(r.Points) || !r.Points[i].Done || r.Points[i].Err != "" {
			continue
		}
		p := r.Points[i]
		g.Done++
		if p.Diverged {
			g.Diverged++
		}
		train[gi] = append(train[gi], 1-p.TrainAcc)
		test[gi] = append(test[gi], 1-p.TestAcc)
	}
	for i := range groups {
		groups[i].TrainErr, groups[i].TestErr = spreadOf(train[i]), spreadOf(test[i])
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].Depth != groups[b].Depth {
			return groups[a].Depth < groups[b].Depth
		}
		return !groups[a].Residual && groups[b].Residual
	})
	return groups
}

// spreadOf is the mean, least and greatest of the finite xs; NaN throughout when none is.
func spreadOf(xs []float64) Spread {
	s := Spread{Min: math.Inf(1), Max: math.Inf(-1)}
	n := 0
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			continue
		}
		s.Mean += x
		s.Min, s.Max = min(s.Min, x), max(s.Max, x)
		n++
	}
	if n == 0 {
		return Spread{math.NaN(), math.NaN(), math.NaN()}
	}
	s.Mean /= float64(n)
	return s
}

// Seeds is how many seeds each depth and variant of the sweep trains.
func (r *SweepRun) Seeds() int {
	if g := r.Groups(); len(g) > 0 {
		return g[0].Runs
	}
	return 0
}
