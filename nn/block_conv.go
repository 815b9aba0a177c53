package nn

import "fmt"

// ShortcutOption is how a convolutional block that changes shape (more channels, half the
// resolution) carries its input past the branch: He et al.'s option A or B.
type ShortcutOption int

const (
	OptionA ShortcutOption = iota // subsample, append zero channels: no parameters
	OptionB                       // a learned 1×1 convolution with the block's stride
)

var optionNames = [...]string{"A", "B"}

func (o ShortcutOption) String() string {
	if o < 0 || int(o) >= len(optionNames) {
		return fmt.Sprintf("ShortcutOption(%d)", int(o))
	}
	return optionNames[o]
}

// NewConvBlock makes a block of layers (1 or 2) 3×3 convolutions from in channels of side×side
// to out channels, the first with the given stride (1 or 2), each followed by per-channel
// batch norm when batchNorm is set. A block that changes the shape gets the option's shortcut.
func NewConvBlock(in, out, side, stride, layers int, act Activation, batchNorm, shortcut bool, option ShortcutOption) *Block {
	b := &Block{In: in, Out: out, Post: NewAct(act), Shortcut: shortcut, Scale: 1}
	ch, sz, st := in, side, stride
	for l := range layers {
		conv := NewConv(ch, out, sz, sz, 3, st, 1, !batchNorm)
		b.Branch = append(b.Branch, conv)
		if batchNorm {
			b.Branch = append(b.Branch, NewChannelNorm(out, conv.OH*conv.OW))
		}
		if l < layers-1 {
			b.Branch = append(b.Branch, NewAct(act))
		}
		ch, sz, st = out, conv.OH, 1
	}
	if in != out || stride != 1 {
		if option == OptionA && out >= in {
			b.Proj = NewPadSubsample(in, out, side, side, stride)
		} else {
			b.Proj = NewConv(in, out, side, side, 1, stride, 0, false)
		}
	}
	b.collectParams()
	return b
}

// convSide is the side of an image after a 3×3, padding-1 convolution with this stride.
func convSide(side, stride int) int { return (side-1)/stride + 1 }
