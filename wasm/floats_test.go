package main

import (
	"testing"

	"resnetplayground/ui"
)

// Step numbers past 2²⁴ cross from the worker to the page exactly (as float32 they drifted:
// 16,777,217 arrived as 16,777,216), and so do the losses and accuracies.
func TestHistoryCrossesTheWireExactly(t *testing.T) {
	in := []ui.Sample{
		{Step: 1, TrainLoss: 0.6931471805599453, TrainAcc: 0.5, TestLoss: 0.7, TestAcc: 0.49},
		{Step: 1<<24 + 1, TrainLoss: 1e-9, TrainAcc: 1, TestLoss: 0.0123456789, TestAcc: 0.987654321},
		{Step: 123_456_789_013, TrainLoss: 0.1, TrainAcc: 0.9, TestLoss: 0.2, TestAcc: 0.8},
	}
	wire := float64Bytes(nil, flattenHistory(in))
	out := unflattenHistory(bytesFloat64(nil, wire))
	if len(out) != len(in) {
		t.Fatalf("%d samples came back, want %d", len(out), len(in))
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("sample %d: sent %+v, got %+v", i, in[i], out[i])
		}
	}
}
