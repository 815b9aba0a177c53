package nn

import "gonum.org/v1/gonum/mat"

// Block is a residual unit in the form of He et al. (2015): y = act(α·F(x) + S(x)), where F is
// the branch ([Dense → (BN) → act] → Dense → (BN), or the same with 3×3 convolutions), S is
// the identity when the shape is unchanged, else a learned projection or (for images, the
// paper's option A) a parameter-free subsample with zero channels appended, and act comes
// after the addition. With Shortcut false there is no S: the block is a plain stack,
// y = act(F(x)).
type Block struct {
	In, Out int // units of a dense block; channels of a convolutional one
	Branch  []Layer
	Proj    Layer // the shortcut when the shape changes (Dense, 1×1 Conv or PadSubsample); nil when not
	Post    *Act  // the activation after the addition
	// Shortcut is the user's toggle, named as in lab.BlockSpec, the URL and the page: with it
	// off the block is plain.
	Shortcut bool
	// Scale is α, the fixed weight of the branch when the shortcut is on (see init.go for
	// why); a plain block ignores it, so a block's weights mean the same with or without it.
	Scale float64
	// Lesioned removes the branch, so the block passes its input on (y = S(x): x itself, or
	// its projection when the shape changes; with or without the toggle); for evaluating
	// what a trained network loses without it (Veit et al. 2016).
	Lesioned bool

	sum, dx, df *mat.Dense
	params      []*Param
}

// ShortcutKind says how a block's shortcut maps its input.
type ShortcutKind int

const (
	Identity   ShortcutKind = iota
	Projection              // a learned linear map, because the shape changes (option B)
	ZeroPad                 // subsample and zero channels, because the shape changes (option A)
)

// Kind is the block's shortcut kind, whether the shortcut is on or off.
func (b *Block) Kind() ShortcutKind {
	switch b.Proj.(type) {
	case nil:
		return Identity
	case *PadSubsample:
		return ZeroPad
	}
	return Projection
}

// ChangesShape reports whether the block's output has another shape than its input, so that
// without its branch and its shortcut nothing would carry the signal on.
func (b *Block) ChangesShape() bool { return b.Proj != nil }

// NewBlock makes a block of layers (1 or 2) dense layers from in to out units.
func NewBlock(in, out, layers int, act Activation, batchNorm, shortcut bool) *Block {
	b := &Block{In: in, Out: out, Post: NewAct(act), Shortcut: shortcut, Scale: 1}
	width := in
	for l := 0; l < layers; l++ {
		b.Branch = append(b.Branch, NewDense(width, out, !batchNorm)) // BN's β replaces the bias
		if batchNorm {
			b.Branch = append(b.Branch, NewBatchNorm(out))
		}
		if l < layers-1 {
			b.Branch = append(b.Branch, NewAct(act))
		}
		width = out
	}
	if in != out {
		b.Proj = NewDense(in, out, false)
	}
	b.collectParams()
	return b
}

func (b *Block) collectParams() {
	for _, l := range b.Branch {
		b.params = append(b.params, l.Params()...)
	}
	if b.Proj != nil {
		b.params = append(b.params, b.Proj.Params()...)
	}
}

// shortcut is S(x): x itself, or its projection.
func (b *Block) shortcut(x *mat.Dense, train bool) *mat.Dense {
	if b.Proj != nil {
		return b.Proj.Forward(x, train)
	}
	return x
}

func (b *Block) Forward(x *mat.Dense, train bool) *mat.Dense {
	if b.Lesioned {
		return b.shortcut(x, train)
	}
	f := x
	for _, l := range b.Branch {
		f = l.Forward(f, train)
	}
	if !b.Shortcut {
		return b.Post.Forward(f, train)
	}
	s := b.shortcut(x, train)
	n, c := f.Dims()
	b.sum = ensure(b.sum, n, c)
	sum, fs, ss := raw(b.sum), raw(f), raw(s)
	ss = ss[:len(sum)]
	for i, v := range fs[:len(sum)] {
		sum[i] = b.Scale*v + ss[i]
	}
	return b.Post.Forward(b.sum, train)
}

func (b *Block) Backward(dy *mat.Dense) *mat.Dense {
	if b.Lesioned { // y = S(x): only a gradient check of a lesioned net comes here
		if b.Proj != nil {
			return b.Proj.Backward(dy)
		}
		return dy
	}
	d := b.Post.Backward(dy) // ∂L/∂(α·F(x) + S(x))
	g := d
	if b.Shortcut && b.Scale != 1 {
		n, c := d.Dims()
		b.df = ensure(b.df, n, c)
		df := raw(b.df)
		for i, v := range raw(d)[:len(df)] {
			df[i] = b.Scale * v
		}
		g = b.df
	}
	for i := len(b.Branch) - 1; i >= 0; i-- {
		g = b.Branch[i].Backward(g)
	}
	if !b.Shortcut {
		// A plain block: the gradient reaches x only through the branch, multiplied by every
		// layer's Jacobian on the way. Stack many and that product shrinks or blows up, which is
		// why a deep plain net trains badly (the degradation problem the page shows).
		return g
	}
	// The point of a residual block: dx = α·F'(x)ᵀd + S'(x)ᵀd. Through an identity shortcut
	// the second term is d itself, unchanged, so the gradient of the loss reaches x however
	// small the branch's part is, and every earlier block gets a gradient as large as the
	// later ones see: a deep residual net trains as well as a shallow one.
	ds := d
	if b.Proj != nil {
		ds = b.Proj.Backward(d)
	}
	n, c := g.Dims()
	b.dx = ensure(b.dx, n, c)
	dx, gs, ss := raw(b.dx), raw(g), raw(ds)
	ss = ss[:len(dx)]
	for i, v := range gs[:len(dx)] {
		dx[i] = v + ss[i]
	}
	return b.dx
}

func (b *Block) Params() []*Param { return b.params }
