// Package lab describes and runs one experiment: a Spec says everything a user can set, a
// Trainer trains the network it describes, and Sweep runs many Specs for a figure.
package lab

// Spec is the whole description of an experiment. Everything a user can set lives here, so a
// Spec (as JSON or as its short URL form) reproduces a run exactly.
type Spec struct {
	Dataset   string  `json:"dataset"`    // data.Names
	Classes   int     `json:"classes"`    // spiral arms / Gaussian clusters (2..5)
	Points    int     `json:"points"`     // train + test points
	Noise     float64 `json:"noise"`      // 0..1
	TrainFrac float64 `json:"train_frac"` // 0.1..0.9

	Width      int         `json:"width"`           // width of the input layer (2 -> Width)
	Blocks     []BlockSpec `json:"blocks"`          // residual blocks, input to output
	Net        string      `json:"net"`             // NetKinds: dense, or conv (image datasets)
	Option     string      `json:"shortcut_option"` // conv: how a stage entry's shortcut changes shape, A or B
	Activation string      `json:"activation"`      // nn.ActivationNames
	BatchNorm  bool        `json:"batch_norm"`

	Optimizer   string  `json:"optimizer"` // nn.OptimizerNames
	LR          float64 `json:"lr"`
	WeightDecay float64 `json:"weight_decay"` // L2
	Batch       int     `json:"batch"`
	Seed        uint64  `json:"seed,string"`      // seeds data, initial weights and batch order; a string in JSON, which JavaScript cannot round
	DataSeed    uint64  `json:"data_seed,string"` // if not 0, seeds the data instead of Seed ("regenerate data" keeps the network's start)
}

// DataSeedOrSeed is the seed the data is drawn with.
func (s Spec) DataSeedOrSeed() uint64 {
	if s.DataSeed != 0 {
		return s.DataSeed
	}
	return s.Seed
}

// BlockSpec is one residual block: Layers dense layers of Width units on the branch, and a
// shortcut around it (identity when the width is unchanged, a learned projection when not).
// In a convolutional network Width counts channels, and a block whose width differs from the
// block before it starts a new stage: its first convolution has stride 2, halving the
// resolution, as the paper's networks do wherever the number of filters changes.
type BlockSpec struct {
	Width    int  `json:"width"`
	Layers   int  `json:"layers"` // 1 or 2
	Shortcut bool `json:"shortcut"`
}

// Hard limits that Validate enforces (through the Fields table); the page offers nothing
// beyond them.
const (
	MaxBlocks = 128
	MaxWidth  = 256
	MaxBatch  = 1024
	MaxPoints = 5000
)
