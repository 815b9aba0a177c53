package lab

import (
	"testing"
)

// BenchmarkBoundary times a 100×100 decision-boundary grid at depth 20 (width 16, one dense
// layer per plain block, `b=16x1p*20`): the picture the page redraws while a network trains,
// and the workload of the TF.js benchmark issue 13 compares against (about 51 M multiply-adds).
// float32 is the path the page draws with (nn.Net32), float64 the network itself, as drawn
// before. Besides wall time it reports CPU ms per grid, as bench/tfjs/grid.js does for TF.js,
// and multiply-adds per CPU second.
func BenchmarkBoundary(b *testing.B) {
	s := Default()
	s.Blocks = Uniform(20, 16, 1, false)
	tr, err := NewTrainer(s)
	if err != nil {
		b.Fatal(err)
	}
	tr.Step(100)
	const n, macs = 100, 100 * 100 * (2*16 + 20*16*16 + 16*2)
	for _, c := range []struct {
		name string
		draw func(dst []float32) []float32
	}{
		{"float32", func(dst []float32) []float32 { return tr.Boundary(n, dst) }},
		{"float64", func(dst []float32) []float32 { return tr.boundary64(n, dst) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			dst := c.draw(make([]float32, n*n*2))
			cpu0 := cpuTime()
			for b.Loop() {
				dst = c.draw(dst)
			}
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(b.N)*macs/cpu.Seconds()/1e9, "Gmadd/cpu-s")
			}
		})
	}
}

// BenchmarkLandscape times the Why view's picture of the default network (24 blocks) as the
// page draws it: a 31×31 loss landscape, a 61-point slice and a 31-point line, 1,053 passes
// over the 300 training points. float32 is the path it takes (nn.Net32), float64 the network
// itself, as before. It reports CPU ms per picture besides wall time: on a shared machine
// the wall time measures the other processes too.
func BenchmarkLandscape(b *testing.B) {
	tr, err := NewTrainer(Default())
	if err != nil {
		b.Fatal(err)
	}
	tr.Step(100)
	cfg := DefaultLandscape()
	for _, f32 := range []bool{true, false} {
		name := map[bool]string{true: "float32", false: "float64"}[f32]
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				j, err := tr.StartLandscape(cfg)
				if err != nil {
					b.Fatal(err)
				}
				if !f32 {
					j.net32 = nil
				}
				j.Run(j.Total())
			}
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
