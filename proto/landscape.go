package proto

import (
	"resnetplayground/lab"
)

// CmdLandscape asks a worker to picture why its network trains as it does: the loss landscape
// around its current weights (Command.Landscape says which) and its shattered gradients. The
// worker computes it a few points at a time between training bursts and answers with
// LandscapeReports as it fills in.
const CmdLandscape Kind = "landscape"

// LandscapeReport is a worker's picture, complete or filling in.
type LandscapeReport struct {
	Gen, Ack    int
	Step        int // the training step of the weights at the picture's centre
	At          int // the step the picture was asked for at: while Step < At, the network trains there first
	Done, Total int // points evaluated, of all (each one pass over the training set)
	Landscape   lab.Landscape
	Roughness   float64 // of Landscape, once Done == Total
	ShatterInit lab.Shattered
	ShatterNow  lab.Shattered
	MS          float64 // what computing it has taken the worker so far, in milliseconds
	Err         string
}

// Finished reports whether every point is in.
func (r LandscapeReport) Finished() bool { return r.Total > 0 && r.Done >= r.Total }

// On the wire: {type: "landscape", gen, ack, step, at, done, total, roughness, ms, err, acInit,
// acNow, and Float64Arrays axis, loss (the grid row by row: β = axis[row], α = axis[column];
// NaN where not yet evaluated), sliceAxis, slice, lineAxis, line, shX, shInit, shNow}.

// EncodeLandscape turns r into a Message.
func EncodeLandscape(r LandscapeReport) Message {
	l := r.Landscape
	flat := make([]float64, 0, len(l.Axis)*len(l.Axis))
	for _, row := range l.Loss {
		flat = append(flat, row...)
	}
	return Message{
		"type": string(CmdLandscape), "gen": r.Gen, "ack": r.Ack, "step": r.Step, "at": r.At,
		"done": r.Done, "total": r.Total, "roughness": r.Roughness, "ms": r.MS, "err": r.Err,
		"axis": clone(l.Axis), "loss": flat, "sliceAxis": clone(l.SliceAxis), "slice": clone(l.Slice),
		"lineAxis": clone(l.LineAxis), "line": clone(l.Line),
		"shX": clone(r.ShatterInit.X), "shInit": clone(r.ShatterInit.Grad), "shNow": clone(r.ShatterNow.Grad),
		"acInit": r.ShatterInit.Autocorr, "acNow": r.ShatterNow.Autocorr,
	}
}

// clone copies xs, so the message (whose arrays are transferred) never shares the worker's.
func clone(xs []float64) []float64 { return append([]float64{}, xs...) }

// DecodeLandscape reads what EncodeLandscape wrote. A grid whose size does not match its axis
// is dropped.
func DecodeLandscape(m Message) LandscapeReport {
	r := LandscapeReport{
		Gen: m.num("gen"), Ack: m.num("ack"), Step: m.num("step"), At: m.num("at"), Done: m.num("done"), Total: m.num("total"),
		Roughness: m.fnum("roughness"), MS: m.fnum("ms"), Err: m.str("err"),
		Landscape: lab.Landscape{
			Axis: m.float64s("axis"), SliceAxis: m.float64s("sliceAxis"), Slice: m.float64s("slice"),
			LineAxis: m.float64s("lineAxis"), Line: m.float64s("line"),
		},
		ShatterInit: lab.Shattered{X: m.float64s("shX"), Grad: m.float64s("shInit"), Autocorr: m.fnum("acInit")},
		ShatterNow:  lab.Shattered{X: m.float64s("shX"), Grad: m.float64s("shNow"), Autocorr: m.fnum("acNow")},
	}
	n, flat := len(r.Landscape.Axis), m.float64s("loss")
	if n > 0 && len(flat) == n*n {
		for i := range n {
			r.Landscape.Loss = append(r.Landscape.Loss, flat[i*n:(i+1)*n])
		}
	} else {
		r.Landscape.Axis = nil
	}
	return r
}

// encodeLandscapeConfig and decodeLandscapeConfig carry Command.Landscape as JSON text.
func encodeLandscapeConfig(c lab.LandscapeConfig) string {
	b, _ := c.MarshalJSON() // a NaN span leaves the text unreadable, and the worker says so
	return string(b)
}

func decodeLandscapeConfig(text string) (lab.LandscapeConfig, error) {
	c := lab.DefaultLandscape()
	if err := c.UnmarshalJSON([]byte(text)); err != nil {
		return c, err
	}
	return c, c.Validate()
}
