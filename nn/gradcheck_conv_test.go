package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// perturb adds noise to every parameter, so that zero biases and unit gammas do not hide a
// wrong gradient.
func perturb(rng *rand.Rand, ps []*Param, scale float64) {
	for _, p := range ps {
		for i := range raw(p.W) {
			raw(p.W)[i] += scale * rng.NormFloat64()
		}
	}
}

func TestGradConv(t *testing.T) {
	for _, c := range []struct{ inC, outC, side, k, stride, pad int }{
		{2, 3, 5, 3, 1, 1}, // the blocks' convolution
		{2, 3, 5, 3, 2, 1}, // a stage entry: odd side, stride 2
		{2, 3, 4, 3, 2, 1}, // even side
		{3, 4, 5, 1, 2, 0}, // option B's 1×1 projection
	} {
		for _, bias := range []bool{true, false} {
			t.Run(fmt.Sprintf("%+v/bias%v", c, bias), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(11, uint64(c.stride*10+c.k)))
				conv := NewConv(c.inC, c.outC, c.side, c.side, c.k, c.stride, c.pad, bias)
				perturb(rng, conv.Params(), 1)
				checkGrad(t, conv, randDense(rng, 3, conv.InSize(), 1), true)
			})
		}
	}
}

// TestConvMatchesDirect compares the im2col convolution with the textbook sum.
func TestConvMatchesDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	for _, stride := range []int{1, 2} {
		c := NewConv(2, 3, 5, 5, 3, stride, 1, true)
		perturb(rng, c.Params(), 1)
		x := randDense(rng, 2, c.InSize(), 1)
		y := c.Forward(x, false)
		for i := range 2 {
			for o := range c.OutC {
				for oy := range c.OH {
					for ox := range c.OW {
						want := c.B.W.At(0, o)
						for ch := range c.InC {
							for ky := range 3 {
								for kx := range 3 {
									iy, ix := oy*stride-1+ky, ox*stride-1+kx
									if iy < 0 || iy >= 5 || ix < 0 || ix >= 5 {
										continue
									}
									want += c.Wt.W.At(o, (ch*3+ky)*3+kx) * x.At(i, (ch*5+iy)*5+ix)
								}
							}
						}
						if got := y.At(i, (o*c.OH+oy)*c.OW+ox); math.Abs(got-want) > 1e-12 {
							t.Fatalf("stride %d: y[%d][%d,%d,%d] = %g, want %g", stride, i, o, oy, ox, got, want)
						}
					}
				}
			}
		}
	}
}

func TestGradChannelNorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	for _, train := range []bool{true, false} {
		b := NewChannelNorm(3, 4)
		for i := range 3 {
			b.Gamma.W.Set(0, i, 0.5+rng.Float64())
			b.Beta.W.Set(0, i, rng.NormFloat64())
			b.RunMean[i], b.RunVar[i] = rng.NormFloat64(), 0.5+rng.Float64()
		}
		b.Momentum = 0
		checkGrad(t, b, randDense(rng, 3, 12, 2), train)
	}
}

// TestChannelNormNormalisesPerChannel: in training, each channel's output over the batch and
// its positions has mean β and standard deviation γ, whatever the input's scale.
func TestChannelNormNormalisesPerChannel(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 14))
	b := NewChannelNorm(2, 9)
	x := randDense(rng, 4, 18, 1)
	for i := range 4 {
		for j := 9; j < 18; j++ {
			x.Set(i, j, 5+10*x.At(i, j)) // channel 1: shifted and scaled
		}
	}
	y := b.Forward(x, true)
	for ch := range 2 {
		var vals []float64
		for i := range 4 {
			for j := range 9 {
				vals = append(vals, y.At(i, ch*9+j))
			}
		}
		m, s := MeanStd(mat.NewDense(1, len(vals), vals))
		if math.Abs(m) > 1e-9 || math.Abs(s-1) > 1e-3 {
			t.Errorf("channel %d: mean %g, std %g", ch, m, s)
		}
	}
}

func TestGradPooling(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	checkGrad(t, NewGlobalAvgPool(3, 4), randDense(rng, 2, 12, 1), true)
}

func TestGradPadSubsample(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 16))
	for _, side := range []int{4, 5} {
		p := NewPadSubsample(2, 3, side, side, 2)
		checkGrad(t, p, randDense(rng, 2, 2*side*side, 1), true)
	}
}

// TestPadSubsampleKeepsEveryOtherPixel pins option A's map: pixel (2y, 2x) of channel c goes to
// (y, x) of channel c; the added channels are zero.
func TestPadSubsampleKeepsEveryOtherPixel(t *testing.T) {
	p := NewPadSubsample(1, 2, 3, 3, 2)
	x := mat.NewDense(1, 9, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9})
	got := raw(p.Forward(x, false))
	want := []float64{1, 3, 7, 9, 0, 0, 0, 0}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestGradConvBlocks(t *testing.T) {
	for _, c := range []struct {
		in, out, stride int
		option          ShortcutOption
		kind            ShortcutKind
	}{
		{2, 2, 1, OptionA, Identity},
		{2, 3, 2, OptionA, ZeroPad},
		{2, 3, 2, OptionB, Projection},
		{3, 2, 1, OptionA, Projection}, // option A cannot drop channels: a projection instead
	} {
		for _, layers := range []int{1, 2} {
			for _, bn := range []bool{false, true} {
				for _, shortcut := range []bool{true, false} {
					name := fmt.Sprintf("%d→%d/s%d/%v/layers%d/bn%v/shortcut%v", c.in, c.out, c.stride, c.option, layers, bn, shortcut)
					t.Run(name, func(t *testing.T) {
						rng := rand.New(rand.NewPCG(17, uint64(c.in*100+c.out*10+layers)))
						b := NewConvBlock(c.in, c.out, 5, c.stride, layers, Tanh, bn, shortcut, c.option)
						if b.Kind() != c.kind {
							t.Fatalf("shortcut kind %v, want %v", b.Kind(), c.kind)
						}
						perturb(rng, b.Params(), 0.5)
						for _, l := range b.Branch {
							if n, ok := l.(*ChannelNorm); ok {
								n.Momentum = 0
							}
						}
						b.Scale = 0.7
						checkGrad(t, b, randDense(rng, 3, c.in*25, 1), true)
					})
				}
			}
		}
	}
}

// convNet is a small version of the digits network: 1×6×6 in, 3 → (3, 4 stride 2) channels.
func convNet(tb testing.TB, bn bool, option ShortcutOption, seed uint64) *Network {
	net, err := New(Config{Inputs: 36, Classes: 3, Width: 3, Act: GELU, BatchNorm: bn,
		Image: &ImageConfig{Channels: 1, Side: 6, Option: option},
		Blocks: []BlockConfig{
			{Width: 3, Layers: 2, Shortcut: true},
			{Width: 4, Layers: 2, Shortcut: true, Stride: 2},
			{Width: 4, Layers: 1, Shortcut: false},
		}}, seed)
	if err != nil {
		tb.Fatal(err)
	}
	return net
}

// TestGradConvNetworkLoss checks a whole convolutional network, pooling and loss included.
func TestGradConvNetworkLoss(t *testing.T) {
	for _, bn := range []bool{false, true} {
		for _, option := range []ShortcutOption{OptionA, OptionB} {
			net := convNet(t, bn, option, 9)
			rng := rand.New(rand.NewPCG(18, 18))
			perturb(rng, net.Params(), 0.1)
			setMomentum(net, 0)
			for _, b := range net.Blocks {
				for _, l := range b.Branch {
					if n, ok := l.(*ChannelNorm); ok {
						n.Momentum = 0
					}
				}
			}
			for _, l := range net.Input {
				if n, ok := l.(*ChannelNorm); ok {
					n.Momentum = 0
				}
			}
			x := randDense(rng, 4, 36, 1)
			labels := []int{0, 1, 2, 1}
			loss := func() float64 { l, _ := net.Loss.Forward(net.Forward(x, true), labels); return l }
			net.ZeroGrad()
			loss()
			net.Backward(net.Loss.Backward())
			const h = 1e-5
			for pi, p := range net.Params() {
				g := mat.DenseCopyOf(p.G)
				for i := range raw(p.W) {
					old := raw(p.W)[i]
					raw(p.W)[i] = old + h
					up := loss()
					raw(p.W)[i] = old - h
					down := loss()
					raw(p.W)[i] = old
					numeric, analytic := (up-down)/(2*h), raw(g)[i]
					if math.Abs(numeric-analytic)/max(1e-4, math.Abs(numeric)+math.Abs(analytic)) > 1e-5 {
						t.Errorf("bn=%v option %v param %d (%s)[%d]: analytic %.8g, numeric %.8g", bn, option, pi, p.Name, i, analytic, numeric)
					}
				}
			}
		}
	}
}

func TestConvTrainStepAllocatesNothing(t *testing.T) {
	for _, bn := range []bool{false, true} {
		for _, option := range []ShortcutOption{OptionA, OptionB} {
			net := convNet(t, bn, option, 1)
			rng := rand.New(rand.NewPCG(19, 19))
			x := randDense(rng, 8, 36, 1)
			y := []int{0, 1, 2, 0, 1, 2, 0, 1}
			opt := NewAdam(1e-3, 1e-4)
			net.TrainStep(x, y, opt)
			if a := testing.AllocsPerRun(20, func() { net.TrainStep(x, y, opt) }); a != 0 {
				t.Errorf("bn=%v option %v: %v allocations per step", bn, option, a)
			}
		}
	}
}

func TestConvConfigErrors(t *testing.T) {
	for _, cfg := range []Config{
		{Inputs: 35, Classes: 3, Width: 2, Image: &ImageConfig{Channels: 1, Side: 6}},
		{Inputs: 36, Classes: 3, Width: 2, Image: &ImageConfig{Channels: 1, Side: 6}, Blocks: []BlockConfig{{Width: 2, Layers: 2, Stride: 3}}},
		{Inputs: 36, Classes: 3, Width: 2, Image: &ImageConfig{Channels: 1, Side: 6, Option: 7}},
		{Inputs: 36, Classes: 3, Width: 2, Blocks: []BlockConfig{{Width: 2, Layers: 2, Stride: 2}}}, // dense with a stride
	} {
		if _, err := New(cfg, 1); err == nil {
			t.Errorf("%+v: no error", cfg)
		}
	}
}
