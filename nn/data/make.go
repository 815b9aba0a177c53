package data

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// generator draws one point of the given class. noise is in [0, 1]; the result may stray
// outside [-1, 1]² and is clipped by Make.
type generator func(r *rand.Rand, class, classes int, noise float64) (x, y float64)

// dataset is how Make draws one of Toys.
type dataset struct {
	generate   generator
	multiClass bool // whether Config.Classes applies; if not, the set has two classes
}

var datasets = map[string]dataset{
	"spiral":  {spiral, true},
	"circles": {circles, false},
	"xor":     {xor, false},
	"gauss":   {gauss, true},
	"moons":   {moons, false},
}

// pcgStream is the second PCG word; fixed so that a Seed alone names a dataset.
const pcgStream = 0x9e3779b97f4a7c15

// Make draws c.Points points, shuffles them and splits them: the first
// round(Points·TrainFrac) go to train, the rest to test. Classes are as equal in size as the
// point count allows (over train and test together). The same Config always gives the same
// sets.
//
// Digits are not drawn: Make returns the fixed sets of the digits file (see LoadDigits),
// whatever Points, Noise, Classes, TrainFrac and Seed say, shared with every other caller.
func Make(c Config) (train, test Set, err error) {
	if c.Name == DigitsName {
		d, err := LoadDigits()
		if err != nil {
			return Set{}, Set{}, err
		}
		return d.Train, d.Test, nil
	}
	if err := validate(c); err != nil {
		return Set{}, Set{}, err
	}
	d := datasets[c.Name]
	classes := 2
	if d.multiClass {
		classes = c.Classes
	}

	r := rand.New(rand.NewPCG(c.Seed, pcgStream))
	x := make([]float64, 2*c.Points)
	y := make([]int, c.Points)
	for i := range y {
		y[i] = i % classes // round-robin labels: class sizes differ by at most one
		px, py := d.generate(r, y[i], classes, c.Noise)
		x[2*i], x[2*i+1] = clip(px), clip(py)
	}
	r.Shuffle(len(y), func(i, j int) {
		y[i], y[j] = y[j], y[i]
		x[2*i], x[2*j] = x[2*j], x[2*i]
		x[2*i+1], x[2*j+1] = x[2*j+1], x[2*i+1]
	})

	n := int(math.Round(float64(c.Points) * c.TrainFrac))
	train = Set{X: x[: 2*n : 2*n], Y: y[:n:n], Classes: classes, Dim: 2}
	test = Set{X: x[2*n:], Y: y[n:], Classes: classes, Dim: 2}
	return train, test, nil
}

// validate reports every bad field of c, each by name.
func validate(c Config) error {
	var errs []error
	d, known := datasets[c.Name]
	if !known {
		errs = append(errs, fmt.Errorf("data: Name %q is not a dataset; want one of %s",
			c.Name, strings.Join(Names, ", ")))
	}
	if c.Points < MinPoints || c.Points > MaxPoints {
		errs = append(errs, fmt.Errorf("data: Points = %d; want %d to %d", c.Points, MinPoints, MaxPoints))
	}
	if !(c.Noise >= 0 && c.Noise <= 1) { // written so that NaN fails too
		errs = append(errs, fmt.Errorf("data: Noise = %g; want 0 to 1", c.Noise))
	}
	if !(c.TrainFrac >= MinTrainFrac && c.TrainFrac <= MaxTrainFrac) {
		errs = append(errs, fmt.Errorf("data: TrainFrac = %g; want %g to %g", c.TrainFrac, MinTrainFrac, MaxTrainFrac))
	}
	if known && d.multiClass && (c.Classes < MinClasses || c.Classes > MaxClasses) {
		errs = append(errs, fmt.Errorf("data: Classes = %d for %q; want %d to %d",
			c.Classes, c.Name, MinClasses, MaxClasses))
	}
	return errors.Join(errs...)
}

// clip keeps a coordinate inside [-1, 1].
func clip(v float64) float64 { return math.Max(-1, math.Min(1, v)) }
