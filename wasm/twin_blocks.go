package main

import "resnetplayground/lab"

// Per-block statistics travel with every report (the twin view draws the gradient norms) as
// one Float32Array: gradient norm, activation mean and activation standard deviation per
// block, in block order. float32 keeps 7 digits, plenty for a log-scale picture.

func flattenBlocks(blocks []lab.BlockStats) []float32 {
	out := make([]float32, 0, 3*len(blocks))
	for _, b := range blocks {
		out = append(out, float32(b.GradNorm), float32(b.ActMean), float32(b.ActStd))
	}
	return out
}

func unflattenBlocks(vals []float32) []lab.BlockStats {
	var out []lab.BlockStats
	for i := 0; i+3 <= len(vals); i += 3 {
		out = append(out, lab.BlockStats{GradNorm: float64(vals[i]), ActMean: float64(vals[i+1]), ActStd: float64(vals[i+2])})
	}
	return out
}
