package ui

import (
	"fmt"
	"math"
	"resnetplayground/proto"
	"strconv"
	"strings"
)

// A lesion removes one block's branch from a trained network (the block passes its input on
// through its shortcut: unchanged, or projected where the width changes) and measures what is left, without touching the running network. In a
// plain net every block is a link in a single chain, so removing any one of them breaks it;
// a residual net behaves like many paths of different lengths, and losing one block costs
// little (Veit et al. 2016).

// RequestLesion asks r's worker how its network does without block (LesionAll: each block
// in turn). The answer arrives through ReceiveLesion.
func (r *Run) RequestLesion(block int) {
	r.send(proto.Command{Kind: proto.CmdLesion, Gen: r.Gen, Block: block})
}

// ReceiveLesion takes a lesion answer; one about a network since replaced is dropped.
func (r *Run) ReceiveLesion(rep proto.LesionReport) {
	r.Acked = max(r.Acked, rep.Ack)
	if rep.Gen == r.Gen {
		r.Lesion = &rep
	}
}

// KnockOut asks both twins how they do without block LesionBlock.
func (t *TwinRun) KnockOut() { t.lesion(t.LesionBlock) }

// LesionScan asks both twins how they do without each block in turn.
func (t *TwinRun) LesionScan() { t.lesion(proto.LesionAll) }

func (t *TwinRun) lesion(block int) {
	for _, a := range t.Side {
		a.RequestLesion(block)
	}
}

// SetLesionBlock chooses the block to knock out from the 1-based number typed.
func (t *TwinRun) SetLesionBlock(text string) {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return
	}
	t.LesionBlock = min(max(n-1, 0), len(t.Side[Plain].Experiment().Blocks)-1)
}

// ReceiveLesion takes a twin's lesion answer.
func (c *Compare) ReceiveLesion(side int, r proto.LesionReport) {
	if c.Twins != nil && side >= 0 && side <= 1 {
		c.Twins.Side[side].ReceiveLesion(r)
	}
}

// LesionSummary says in words what the latest lesion of one twin showed.
func (t *TwinRun) LesionSummary(side int) string { return LesionText(t.Side[side].Lesion) }

// LesionText says in words what a lesion showed; "–" before there is one.
func LesionText(r *proto.LesionReport) string {
	switch {
	case r == nil:
		return "–"
	case r.Err != "":
		return r.Err
	}
	intact := "intact " + Percent(r.Intact.TestAcc)
	ok := usableLesions(r)
	switch len(ok) {
	case 0:
		if len(r.Results) == 1 {
			return intact + "; block " + strconv.Itoa(r.Results[0].Block+1) + ": " + r.Results[0].Err
		}
		return intact + "; no block could be removed"
	case 1:
		return fmt.Sprintf("%s → without block %d: %s", intact, ok[0].Block+1, Percent(ok[0].TestAcc))
	}
	mean, worst := 0.0, math.Inf(1)
	for _, x := range ok {
		mean += x.TestAcc / float64(len(ok))
		worst = min(worst, x.TestAcc)
	}
	return fmt.Sprintf("%s → one block removed: %s on average, %s at worst", intact, Percent(mean), Percent(worst))
}

func usableLesions(r *proto.LesionReport) []proto.LesionResult {
	var ok []proto.LesionResult
	for _, x := range r.Results {
		if x.Err == "" {
			ok = append(ok, x)
		}
	}
	return ok
}

// IsScan reports whether r answers a scan of every block (a chart's worth).
func IsScan(r *proto.LesionReport) bool { return r != nil && len(r.Results) > 1 }

// lesionLine is a scan's chart line, test accuracy with each block removed; a single
// knock-out draws as one point.
func lesionLine(name, class string, r *proto.LesionReport) Series {
	s := Series{Name: name + " without block", Class: class}
	if r != nil {
		for _, x := range usableLesions(r) {
			s.X = append(s.X, float64(x.Block+1))
			s.Y = append(s.Y, x.TestAcc)
		}
	}
	return s
}

// intactLine is the intact network's accuracy across a scan's chart, a flat dashed line to
// compare against; ok is false unless r is a scan.
func intactLine(name, class string, r *proto.LesionReport) (s Series, ok bool) {
	if !IsScan(r) {
		return s, false
	}
	n := float64(len(r.Results))
	return Series{Name: name + " intact", Class: class + " intact",
		X: []float64{1, n}, Y: []float64{r.Intact.TestAcc, r.Intact.TestAcc}}, true
}

// LesionSeries is the scan's chart: test accuracy with each block removed, one line per
// twin, and each twin's intact accuracy.
func (t *TwinRun) LesionSeries() []Series {
	var out []Series
	for side, a := range t.Side {
		out = append(out, lesionLine(TwinNames[side], "twin-"+TwinNames[side], a.Lesion))
	}
	for side, a := range t.Side {
		if s, ok := intactLine(TwinNames[side], "twin-"+TwinNames[side], a.Lesion); ok {
			out = append(out, s)
		}
	}
	return out
}

// HasScan reports whether either twin has answered a scan of every block.
func (t *TwinRun) HasScan() bool {
	return IsScan(t.Side[Plain].Lesion) || IsScan(t.Side[Residual].Lesion)
}
