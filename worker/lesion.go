package worker

import (
	"fmt"
	"math"

	"resnetplayground/proto"
)

// lesion answers proto.CmdLesion: the network's accuracy with c.Block removed, or with each
// block removed in turn when c.Block is proto.LesionAll. The running network is untouched
// (lab.Trainer.Lesion restores it), so training carries on as before.
func (s *session) lesion(c proto.Command) (r proto.LesionReport) {
	r = proto.LesionReport{Gen: c.Gen, Intact: proto.LesionResult{Block: proto.LesionAll}}
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Sprint("internal error: ", p)
		}
	}()
	if c.Gen != s.gen || s.trainer == nil {
		r.Err = "there is no network to lesion yet"
		return r
	}
	m := s.trainer.Metrics()
	r.Step = m.Step
	r.Intact.TrainAcc, r.Intact.TestAcc = m.TrainAcc, m.TestAcc
	blocks := []int{c.Block}
	if c.Block == proto.LesionAll {
		blocks = make([]int, len(s.spec.Blocks))
		for i := range blocks {
			blocks[i] = i
		}
	}
	for _, b := range blocks {
		res := proto.LesionResult{Block: b}
		lm, err := s.trainer.Lesion(b)
		if err != nil {
			res.Err = err.Error()
		} else {
			res.TrainAcc, res.TestAcc = lm.TrainAcc, lm.TestAcc
		}
		r.Results = append(r.Results, res)
	}
	return r
}

// flattenLesions packs results for the wire: block, train accuracy and test accuracy per
// result, with NaN accuracies where the block could not be removed, and those blocks'
// messages in order.
func flattenLesions(results []proto.LesionResult) (vals []float32, errs []string) {
	nan := float32(math.NaN())
	for _, x := range results {
		if x.Err != "" {
			vals = append(vals, float32(x.Block), nan, nan)
			errs = append(errs, x.Err)
			continue
		}
		vals = append(vals, float32(x.Block), float32(x.TrainAcc), float32(x.TestAcc))
	}
	return vals, errs
}

// unflattenLesions reads what flattenLesions wrote; missing messages get a generic one.
func unflattenLesions(vals []float32, errs []string) []proto.LesionResult {
	var out []proto.LesionResult
	for i := 0; i+3 <= len(vals); i += 3 {
		x := proto.LesionResult{Block: int(vals[i]), TrainAcc: float64(vals[i+1]), TestAcc: float64(vals[i+2])}
		if math.IsNaN(x.TrainAcc) {
			x.TrainAcc, x.TestAcc = 0, 0
			x.Err = "this block could not be removed"
			if len(errs) > 0 {
				x.Err, errs = errs[0], errs[1:]
			}
		}
		out = append(out, x)
	}
	return out
}
