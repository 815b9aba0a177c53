package lab

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"resnetplayground/nn"
)

func TestFilterNormalisedDirectionMatchesEachNeuronsNorm(t *testing.T) {
	for _, bn := range []bool{false, true} {
		s := smallSpec(3, true)
		s.BatchNorm = bn
		s.Blocks[1].Width = 12 // a projection shortcut too
		s.Blocks[2].Width = 12
		tr, err := NewTrainer(s)
		if err != nil {
			t.Fatal(err)
		}
		tr.Step(20) // biases and BN parameters move off their initial values
		net := tr.Network()
		d := FilterNormalised(net, rand.New(rand.NewPCG(7, 0)))
		weights, zero := 0, 0
		for k, p := range net.Params() {
			w := values(p)
			if len(d[k]) != len(w) {
				t.Fatalf("bn %v: parameter %d (%s) has %d values, direction %d", bn, k, p.Name, len(w), len(d[k]))
			}
			if p.Name != "W" {
				zero++
				for _, v := range d[k] {
					if v != 0 {
						t.Fatalf("bn %v: parameter %d (%s) is not a weight matrix but has direction %g", bn, k, p.Name, v)
					}
				}
				continue
			}
			weights++
			rows, cols := p.W.Dims()
			for j := range cols {
				var wn, dn float64
				for i := range rows {
					wn += p.W.At(i, j) * p.W.At(i, j)
					dn += d[k][i*cols+j] * d[k][i*cols+j]
				}
				if math.Abs(math.Sqrt(wn)-math.Sqrt(dn)) > 1e-12*math.Sqrt(wn) {
					t.Fatalf("bn %v: parameter %d neuron %d: direction norm %g, weights' norm %g", bn, k, j, math.Sqrt(dn), math.Sqrt(wn))
				}
			}
		}
		if weights < 8 || zero < 4 {
			t.Fatalf("bn %v: %d weight matrices and %d biases/BN parameters; the test saw too few", bn, weights, zero)
		}
	}
}

func TestFilterNormalisedIsSeeded(t *testing.T) {
	tr, err := NewTrainer(smallSpec(2, false))
	if err != nil {
		t.Fatal(err)
	}
	draw := func(seed uint64) Direction { return FilterNormalised(tr.Network(), rand.New(rand.NewPCG(seed, 0))) }
	if !reflect.DeepEqual(draw(1), draw(1)) {
		t.Fatal("the same seed drew different directions")
	}
	if reflect.DeepEqual(draw(1), draw(2)) {
		t.Fatal("different seeds drew the same direction")
	}
}

// In a convolutional network a neuron is a filter: a row of the OutC × InC·K·K matrix.
func TestFilterNormalisedNormalisesEachConvolutionFilter(t *testing.T) {
	net, err := nn.New(nn.Config{Inputs: 36, Classes: 3, Width: 4, Act: nn.ReLU, BatchNorm: true,
		Image:  &nn.ImageConfig{Channels: 1, Side: 6, Option: nn.OptionB},
		Blocks: []nn.BlockConfig{{Width: 4, Layers: 2, Shortcut: true}, {Width: 8, Layers: 2, Stride: 2}}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	d := FilterNormalised(net, rand.New(rand.NewPCG(3, 0)))
	rows := neuronsAreRows(net)
	filters := 0
	for k, p := range net.Params() {
		byRow, ok := rows[p]
		if !p.Decay {
			continue
		}
		if !ok {
			t.Fatalf("weight matrix %d belongs to no layer the walk knows", k)
		}
		r, c := p.W.Dims()
		for i := range r {
			if byRow {
				filters++
				wn, dn := norm(values(p)[i*c:(i+1)*c]), norm(d[k][i*c:(i+1)*c])
				if math.Abs(wn-dn) > 1e-12*wn {
					t.Fatalf("parameter %d filter %d: direction norm %g, filter norm %g", k, i, dn, wn)
				}
			}
		}
	}
	if filters < 4*3+8*3 {
		t.Fatalf("checked %d filters; the network has more", filters)
	}
}

func norm(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x * x
	}
	return math.Sqrt(s)
}
