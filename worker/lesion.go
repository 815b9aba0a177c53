package worker

import (
	"fmt"

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
