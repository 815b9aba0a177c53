package nn

import (
	"errors"
	"math"
)

// Net32 is a float32 copy of a dense Network for inference only: the forward pass the
// decision-boundary grid runs (kernels32.go says why float32). Load copies the network's
// current weights into it, folding each inference-mode batch norm (running statistics) and
// each residual branch's scale α into the dense layer before it, so a block is one or two
// products with the shortcut and the ReLU applied on the way out. Its probabilities differ
// from the float64 network's by float32 rounding alone (TestNet32MatchesFloat64).
//
// All its storage is reused: once a network of a given shape has been loaded and run with
// a given number of rows, Load and Probabilities allocate nothing. Training never reads it,
// so it cannot change a run's numbers. The zero value is ready to Load.
type Net32 struct {
	inputs, classes, width int // width: the widest layer, the width of the buffers
	input                  []dense32
	blocks                 []block32
	output                 dense32

	bufs [4][]float32 // activations of one chunk of rows: ping-pong, branch, projection
	exps []float64    // one row's softmax terms
}

// net32Chunk is how many rows go through the network at once: four buffers of 256×16 float32s
// (16 KB each) stay in the first-level cache.
const net32Chunk = 256

// dense32 is a dense layer with whatever batch norm and branch scale followed it folded in:
// y = act(x·w + b). b is nil for a bias-free projection. ReLU is applied in the product
// (affine32); another activation after it, over the output.
type dense32 struct {
	in, out int
	w, b    []float32
	act     Activation
}

// block32 is a Block in inference: its branch, its projection (when the shape changes) and
// the activation after the addition.
type block32 struct {
	branch             []dense32
	proj               dense32
	hasProj            bool
	shortcut, lesioned bool
	post               Activation
}

// ErrNet32 says Net32 cannot run a network: it runs dense networks (dense layers, batch norm,
// activations, dense residual blocks), not convolutional ones.
var ErrNet32 = errors.New("nn: the float32 inference path runs dense networks only")

// Load copies net's current weights, running statistics, shortcut toggles and lesions into f.
// It returns ErrNet32 (and f must not be used) for a network it cannot run.
func (f *Net32) Load(net *Network) error {
	if len(net.Head) > 0 || net.Output == nil {
		return ErrNet32
	}
	var err error
	if f.input, err = loadLayers(f.input, net.Input, 1); err != nil {
		return err
	}
	f.inputs, f.width = f.input[0].in, 0
	if cap(f.blocks) < len(net.Blocks) {
		f.blocks = append(f.blocks[:cap(f.blocks)], make([]block32, len(net.Blocks)-cap(f.blocks))...)
	}
	f.blocks = f.blocks[:len(net.Blocks)]
	for i, nb := range net.Blocks {
		b := &f.blocks[i]
		b.shortcut, b.lesioned, b.post = nb.Shortcut, nb.Lesioned, nb.Post.Kind
		alpha := 1.0
		if nb.Shortcut {
			alpha = nb.Scale
		}
		if b.branch, err = loadLayers(b.branch, nb.Branch, alpha); err != nil {
			return err
		}
		if b.branch[len(b.branch)-1].act != Linear {
			return ErrNet32 // a branch ends in a dense layer or batch norm (NewBlock)
		}
		b.hasProj = nb.Proj != nil
		if b.hasProj {
			p, ok := nb.Proj.(*Dense)
			if !ok {
				return ErrNet32
			}
			b.proj.load(p, nil, 1)
			b.proj.act = Linear
		}
		for _, d := range b.branch {
			f.width = max(f.width, d.out)
		}
	}
	f.output.load(net.Output, nil, 1)
	f.output.act = Linear
	f.classes = net.Output.Out
	f.output.padColumns()
	for _, d := range f.input {
		f.width = max(f.width, d.in, d.out)
	}
	f.width = max(f.width, f.output.in, f.output.out)
	if cap(f.exps) < f.classes {
		f.exps = make([]float64, f.classes)
	}
	for i := range f.bufs {
		if cap(f.bufs[i]) < net32Chunk*f.width {
			f.bufs[i] = make([]float32, net32Chunk*f.width)
		}
	}
	return nil
}

// loadLayers compiles a run of layers (Dense, then optionally BatchNorm and Act) into dst,
// reusing its storage, with the last dense layer's output scaled by alpha.
func loadLayers(dst []dense32, layers []Layer, alpha float64) ([]dense32, error) {
	dst = dst[:0]
	for i := 0; i < len(layers); i++ {
		d, ok := layers[i].(*Dense)
		if !ok {
			return dst, ErrNet32
		}
		var bn *BatchNorm
		if i+1 < len(layers) {
			bn, _ = layers[i+1].(*BatchNorm)
		}
		if bn != nil {
			i++
		}
		act := Linear
		if i+1 < len(layers) {
			if a, ok := layers[i+1].(*Act); ok {
				act = a.Kind
				i++
			}
		}
		scale := 1.0
		if i == len(layers)-1 {
			scale = alpha
		}
		if len(dst) < cap(dst) {
			dst = dst[:len(dst)+1]
		} else {
			dst = append(dst, dense32{})
		}
		dst[len(dst)-1].load(d, bn, scale)
		dst[len(dst)-1].act = act
	}
	if len(dst) == 0 {
		return dst, ErrNet32
	}
	return dst, nil
}

// load sets d to l's weights, followed by the inference-mode batch norm bn (nil for none),
// times scale: column j of x·W + b becomes x·(W·s_j) + t_j, with s_j and t_j computed in
// float64 and each weight rounded once.
func (d *dense32) load(l *Dense, bn *BatchNorm, scale float64) {
	d.in, d.out = l.In, l.Out
	d.w = grow32(d.w, l.In*l.Out)
	if l.B == nil && bn == nil {
		d.b = nil
	} else {
		d.b = grow32(d.b, l.Out)
	}
	w := raw(l.W.W)
	for j := 0; j < l.Out; j++ {
		s, t := scale, 0.0
		if l.B != nil {
			t = raw(l.B.W)[j]
		}
		if bn != nil {
			g := raw(bn.Gamma.W)[j] / math.Sqrt(bn.RunVar[j]+bn.Eps)
			t = (t-bn.RunMean[j])*g + raw(bn.Beta.W)[j]
			s *= g
		}
		if d.b != nil {
			d.b[j] = float32(t * scale)
		}
		for i := 0; i < l.In; i++ {
			d.w[i*l.Out+j] = float32(w[i*l.Out+j] * s)
		}
	}
}

// padColumns widens d with zero columns to a multiple of four, so a narrow layer (the 2 or 3
// classes of the output) runs in whole SIMD vectors rather than one element at a time; the
// extra columns' outputs are never read.
func (d *dense32) padColumns() {
	out := (d.out + 3) &^ 3
	if out == d.out {
		return
	}
	w := grow32(d.w, d.in*out)
	for i := d.in - 1; i >= 0; i-- { // back to front: rows move right, within the same storage
		copy(w[i*out:i*out+d.out], d.w[i*d.out:i*d.out+d.out])
		clear(w[i*out+d.out : i*out+out])
	}
	d.w = w
	if d.b != nil {
		b := grow32(d.b, out)
		copy(b, d.b) // when grow32 had to allocate
		clear(b[d.out:])
		d.b = b
	}
	d.out = out
}

// grow32 returns buf resliced to n, reallocated only when too small.
func grow32(buf []float32, n int) []float32 {
	if cap(buf) < n {
		return make([]float32, n)
	}
	return buf[:n]
}

// Inputs and Classes are the loaded network's input and output widths.
func (f *Net32) Inputs() int  { return f.inputs }
func (f *Net32) Classes() int { return f.classes }

// Probabilities writes the class probabilities of rows examples x (rows×Inputs, row-major)
// into dst (rows×Classes), as Probabilities does for the float64 network's logits.
func (f *Net32) Probabilities(dst, x []float32, rows int) {
	for lo := 0; lo < rows; lo += net32Chunk {
		hi := min(lo+net32Chunk, rows)
		logits := f.forward(x[lo*f.inputs:hi*f.inputs], hi-lo)
		softmax32(dst[lo*f.classes:hi*f.classes], logits, hi-lo, f.classes, f.output.out, f.exps)
	}
}

// forward runs n ≤ net32Chunk rows through the network and returns the logits, in one of
// f's buffers.
func (f *Net32) forward(x []float32, n int) []float32 {
	h, hb := x, -1 // the current activations, and which buffer holds them (-1: x)
	for i := range f.input {
		hb = f.free(hb, -1, -1)
		h = f.dense(&f.input[i], f.bufs[hb], h, nil, n, false)
	}
	for i := range f.blocks {
		b := &f.blocks[i]
		var s []float32 // S(x): x itself, or its projection
		sb := hb
		if b.shortcut || b.lesioned {
			s = h
			if b.hasProj {
				sb = f.free(hb, -1, -1)
				s = f.dense(&b.proj, f.bufs[sb], h, nil, n, false)
			}
		}
		if b.lesioned { // y = S(x)
			h, hb = s, sb
			continue
		}
		t, tb := h, hb
		for j := range b.branch {
			d := &b.branch[j]
			ob := f.free(hb, tb, sb)
			if j < len(b.branch)-1 {
				t = f.dense(d, f.bufs[ob], t, nil, n, false)
			} else { // the last layer: add the shortcut, then the block's activation
				var res []float32
				if b.shortcut {
					res = s
				}
				t = f.dense(d, f.bufs[ob], t, res, n, b.post == ReLU)
				if b.post != ReLU {
					activate32(t, b.post)
				}
			}
			tb = ob
		}
		h, hb = t, tb
	}
	ob := f.free(hb, -1, -1)
	return f.dense(&f.output, f.bufs[ob], h, nil, n, false)
}

// dense runs d on n rows of x into buf, adding res (nil for none) before the activation;
// post asks for a ReLU after the addition (the block's own activation).
func (f *Net32) dense(d *dense32, buf, x, res []float32, n int, post bool) []float32 {
	y := buf[:n*d.out]
	affine32(y, x, d.w, d.b, res, n, d.in, d.out, post || d.act == ReLU)
	if d.act != ReLU {
		activate32(y, d.act)
	}
	return y
}

// free returns a buffer index other than a, b and c (each -1 or in use).
func (f *Net32) free(a, b, c int) int {
	for i := range f.bufs {
		if i != a && i != b && i != c {
			return i
		}
	}
	panic("nn: Net32: no free buffer")
}

// activate32 applies a (not ReLU, which affine32 does) to y in place, through act.go's float64
// functions: tanh, the sigmoid and GELU are rare in a picture and not worth a float32 copy.
func activate32(y []float32, a Activation) {
	switch a {
	case Tanh:
		for i, v := range y {
			y[i] = float32(tanh(float64(v)))
		}
	case Sigmoid:
		for i, v := range y {
			y[i] = float32(sigmoid(float64(v)))
		}
	case GELU:
		for i, v := range y {
			y[i] = float32(gelu(float64(v)))
		}
	}
}

// softmax32 writes the row-wise softmax of the logits x (n rows of c, stride apart) into p
// (n×c), shifted by the row maximum as softmaxRows is; e (c long) is scratch, so each
// exponential is taken once.
func softmax32(p, x []float32, n, c, stride int, e []float64) {
	e = e[:c]
	for i := 0; i < n; i++ {
		xr, pr := x[i*stride:i*stride+c], p[i*c:i*c+c]
		s := shiftedExps(e, xr)
		for j := range pr {
			pr[j] = float32(e[j] / s)
		}
	}
}

// shiftedExps writes exp(x_j − max x) into e (len(x) long) and returns their sum: a softmax's
// numerators and denominator, shifted by the row maximum as softmaxRows is (a NaN logit
// becomes the maximum).
func shiftedExps(e []float64, x []float32) float64 {
	m := x[0]
	for _, v := range x[1:] {
		if v > m || v != v {
			m = v
		}
	}
	var s float64
	for j, v := range x {
		e[j] = exp(float64(v) - float64(m))
		s += e[j]
	}
	return s
}
