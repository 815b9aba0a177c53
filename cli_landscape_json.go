package main

import (
	"math"
	"strconv"

	"resnetplayground/lab"
)

// num is a float64 that JSON writes as null when it is NaN or infinite (an overflowed loss),
// which JSON cannot hold.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	if !isFinite(float64(n)) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(n), 'g', -1, 64), nil
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func nums(xs []float64) []num {
	out := make([]num, len(xs))
	for i, x := range xs {
		out[i] = num(x)
	}
	return out
}

func rows(xss [][]float64) [][]num {
	out := make([][]num, len(xss))
	for i, xs := range xss {
		out[i] = nums(xs)
	}
	return out
}

// pair is one number for each twin.
type pair struct {
	Plain    num `json:"plain"`
	Residual num `json:"residual"`
}

// series is one curve for each twin over a shared axis.
type series struct {
	Axis     []num `json:"axis"`
	Plain    []num `json:"plain"`
	Residual []num `json:"residual"`
}

type landscapeOut struct {
	Spec       string  `json:"spec"`
	Steps      int     `json:"steps"`
	Directions uint64  `json:"directions"`
	Axis       []num   `json:"axis"`
	Plain      [][]num `json:"plain"`
	Residual   [][]num `json:"residual"`
	Roughness  pair    `json:"roughness"`
	TrainLoss  pair    `json:"train_loss"`
	TrainAcc   pair    `json:"train_acc"`
	Slice      *series `json:"slice,omitempty"`
	Line       *series `json:"line,omitempty"`
}

func landscapeJSON(s lab.Spec, o *whyOptions, p, r lab.WhyTwin) landscapeOut {
	pl, rl := p.Landscape, r.Landscape
	out := landscapeOut{
		Spec: s.String(), Steps: o.land.At, Directions: o.land.Seed,
		Axis: nums(pl.Axis), Plain: rows(pl.Loss), Residual: rows(rl.Loss),
		Roughness: pair{num(p.Roughness), num(r.Roughness)},
		TrainLoss: pair{num(p.Metrics.TrainLoss), num(r.Metrics.TrainLoss)},
		TrainAcc:  pair{num(p.Metrics.TrainAcc), num(r.Metrics.TrainAcc)},
	}
	if len(pl.Slice) > 0 {
		out.Slice = &series{nums(pl.SliceAxis), nums(pl.Slice), nums(rl.Slice)}
	}
	if len(pl.Line) > 0 {
		out.Line = &series{nums(pl.LineAxis), nums(pl.Line), nums(rl.Line)}
	}
	return out
}

type gradients struct {
	Grad     []num `json:"grad"`
	Autocorr num   `json:"autocorr"`
}

type twinGradients struct {
	Init gradients `json:"init"`
	Now  gradients `json:"now"`
}

type shatterOut struct {
	Spec     string        `json:"spec"`
	Steps    int           `json:"steps"`
	Output   string        `json:"output"`
	X        []num         `json:"x"`
	Plain    twinGradients `json:"plain"`
	Residual twinGradients `json:"residual"`
}

func shatterJSON(s lab.Spec, o *whyOptions, p, r lab.WhyTwin) shatterOut {
	g := func(sh *lab.Shattered) gradients { return gradients{nums(sh.Grad), num(sh.Autocorr)} }
	return shatterOut{
		Spec: s.String(), Steps: o.land.At, Output: "z1 - z0", X: nums(p.ShatterInit.X),
		Plain:    twinGradients{g(p.ShatterInit), g(p.ShatterNow)},
		Residual: twinGradients{g(r.ShatterInit), g(r.ShatterNow)},
	}
}
