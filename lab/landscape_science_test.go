package lab

import (
	"context"
	"runtime"
	"testing"
)

// Li et al. (2018), Figure 5, on the Why view's preset: after training, the residual twin's
// loss landscape is a smooth bowl and the plain twin's is rough, on every seed. The preset is
// chosen so the plain twin trains partly; stuck at chance it would be flat, not rough.
func TestResidualLandscapeIsSmoother(t *testing.T) {
	if testing.Short() {
		t.Skip("trains six networks and draws six 31×31 landscapes")
	}
	if runtime.GOOS == "js" {
		t.Skip("the same arithmetic runs natively; too slow for the wasm run")
	}
	cfg := DefaultLandscape()
	cfg.Slice, cfg.Line = 0, 0
	for seed := uint64(1); seed <= 3; seed++ {
		s := WhyPreset()
		s.Seed = seed
		plain, residual := Twins(s)
		var rough [2]float64
		var acc [2]float64
		for i, spec := range []Spec{plain, residual} {
			tr, err := NewTrainer(spec)
			if err != nil {
				t.Fatal(err)
			}
			tr.Step(WhySteps)
			acc[i] = tr.Metrics().TrainAcc
			l, err := tr.Landscape(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			rough[i] = l.Roughness()
		}
		t.Logf("seed %d: training accuracy plain %.2f, residual %.2f; roughness plain %.3f, residual %.3f", seed, acc[0], acc[1], rough[0], rough[1])
		if !(acc[0] > 0.5 && acc[0] < 0.9 && acc[1] > 0.97) {
			t.Errorf("seed %d: training accuracy plain %.2f, residual %.2f: the preset should have the plain twin train partly and the residual one fully", seed, acc[0], acc[1])
		}
		if !(rough[1] < 0.65*rough[0]) {
			t.Errorf("seed %d: roughness plain %.3f, residual %.3f: want the residual landscape clearly smoother", seed, rough[0], rough[1])
		}
	}
}
