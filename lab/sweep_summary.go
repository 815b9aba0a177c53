package lab

import "math"

// SweepSummary aggregates the runs of one depth and variant over their seeds.
type SweepSummary struct {
	Depth    int
	Residual bool
	Runs     int
	Diverged int // runs whose loss or weights became NaN/Inf

	// Accuracies count every run: a diverged run that classifies at chance is a failure to
	// train, which is what a sweep measures.
	TrainAccMean, TrainAccMin, TrainAccMax float64
	TestAccMean, TestAccMin, TestAccMax    float64

	// Losses average the runs whose loss is finite; NaN when none is.
	TrainLossMean, TestLossMean float64
}

// Summarize groups results by depth and variant, in the order they first appear (for a
// Sweep's results: by depth, plain before residual).
func Summarize(results []SweepResult) []SweepSummary {
	type key struct {
		depth    int
		residual bool
	}
	index := map[key]int{}
	var groups [][]SweepResult
	for _, r := range results {
		k := key{r.Depth, r.Residual}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], r)
	}
	summaries := make([]SweepSummary, len(groups))
	for i, g := range groups {
		summaries[i] = summarize(g)
	}
	return summaries
}

func summarize(g []SweepResult) SweepSummary {
	s := SweepSummary{Depth: g[0].Depth, Residual: g[0].Residual, Runs: len(g),
		TrainAccMin: math.Inf(1), TrainAccMax: math.Inf(-1), TestAccMin: math.Inf(1), TestAccMax: math.Inf(-1)}
	var trainLoss, testLoss []float64
	for _, r := range g {
		m := r.Final
		if m.Diverged {
			s.Diverged++
		}
		s.TrainAccMean += m.TrainAcc / float64(len(g))
		s.TestAccMean += m.TestAcc / float64(len(g))
		s.TrainAccMin = math.Min(s.TrainAccMin, m.TrainAcc)
		s.TrainAccMax = math.Max(s.TrainAccMax, m.TrainAcc)
		s.TestAccMin = math.Min(s.TestAccMin, m.TestAcc)
		s.TestAccMax = math.Max(s.TestAccMax, m.TestAcc)
		if finiteOrNil(m.TrainLoss) != nil {
			trainLoss = append(trainLoss, m.TrainLoss)
		}
		if finiteOrNil(m.TestLoss) != nil {
			testLoss = append(testLoss, m.TestLoss)
		}
	}
	s.TrainLossMean, s.TestLossMean = mean(trainLoss), mean(testLoss)
	return s
}

// mean is the average of xs, NaN when xs is empty.
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}
