package ui

import (
	"testing"

	"resnetplayground/proto"
)

func TestLossBlewUpSpotsATooHighLearningRate(t *testing.T) {
	spike := []proto.Sample{
		{Step: 0, TrainLoss: 0.69, TrainAcc: 0.5},
		{Step: 20, TrainLoss: 1040, TrainAcc: 0.48},
		{Step: 400, TrainLoss: 0.693, TrainAcc: 0.517},
	}
	if peak, step, ok := LossBlewUp(spike, 2); !ok || peak != 1040 || step != 20 {
		t.Errorf("a spike to 1040 then chance: peak %v at %v, ok %v", peak, step, ok)
	}
	learnt := append(spike[:2:2], proto.Sample{Step: 400, TrainLoss: 0.01, TrainAcc: 0.99})
	if _, _, ok := LossBlewUp(learnt, 2); ok {
		t.Error("a run that recovered and learnt was blamed on its learning rate")
	}
	stuck := []proto.Sample{{Step: 0, TrainLoss: 0.69, TrainAcc: 0.5}, {Step: 400, TrainLoss: 0.693, TrainAcc: 0.517}}
	if _, _, ok := LossBlewUp(stuck, 2); ok {
		t.Error("a deep plain net stuck at chance (no spike) was blamed on its learning rate")
	}
}
