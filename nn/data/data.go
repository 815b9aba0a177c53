// Package data makes seeded 2-D classification datasets, in the spirit of TensorFlow
// Playground's: spirals, circles, XOR, Gaussian clusters and two moons. Every point lies in
// the square [-1, 1]²; the same Config always gives the same points.
package data

// Set is a labelled set of examples of Dim features each, stored batch-major: example i is
// X[i·Dim : (i+1)·Dim] and its class is Y[i], in [0, Classes). For the 2-D toys Dim is 2 and
// example i is the point (X[2i], X[2i+1]); for the digits it is an image's pixels.
type Set struct {
	X       []float64
	Y       []int
	Classes int
	Dim     int
}

// Len is the number of points.
func (s Set) Len() int { return len(s.Y) }

// Extent is the half-width of the square every generator draws into, with a margin: a
// decision-boundary plot covers [-Extent, Extent]².
const Extent = 1.2

// Config chooses a dataset and how to draw it.
type Config struct {
	Name      string  // one of Names
	Points    int     // total points, train and test together
	Noise     float64 // 0 (clean) to 1 (very noisy); each generator scales it sensibly
	Classes   int     // arms of a spiral or number of Gaussian clusters; ignored by 2-class sets
	TrainFrac float64 // share of Points that goes to the training set, in (0, 1)
	Seed      uint64
}

// Names lists the datasets Make knows, in the order a menu should show them: the 2-D toys,
// then the digits.
var Names = append(append([]string(nil), Toys...), DigitsName)

// Toys are the seeded 2-D datasets, drawn by Make from Config's fields.
var Toys = []string{"spiral", "circles", "xor", "gauss", "moons"}

// DigitsName names the handwritten digits (see digits.go): 14×14 images, not 2-D points.
const DigitsName = "digits"

// IsImages reports whether the dataset name holds images (whose examples have Dim pixels)
// rather than points of the plane.
func IsImages(name string) bool { return name == DigitsName }

// Limits that Make enforces on a Config.
const (
	MinPoints    = 10
	MaxPoints    = 5000
	MinClasses   = 2
	MaxClasses   = 5
	MinTrainFrac = 0.1
	MaxTrainFrac = 0.9
)
