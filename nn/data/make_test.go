package data

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// valid is a Config Make accepts; tests change one field at a time.
func valid(name string) Config {
	return Config{Name: name, Points: 500, Noise: 0.2, Classes: 3, TrainFrac: 0.7, Seed: 42}
}

// mustMake is Make for a Config the test expects to be valid.
func mustMake(t *testing.T, c Config) (train, test Set) {
	t.Helper()
	train, test, err := Make(c)
	if err != nil {
		t.Fatalf("Make(%+v): %v", c, err)
	}
	return train, test
}

func TestSameConfigGivesSameSets(t *testing.T) {
	for _, name := range Toys {
		train1, test1 := mustMake(t, valid(name))
		train2, test2 := mustMake(t, valid(name))
		if !reflect.DeepEqual(train1, train2) || !reflect.DeepEqual(test1, test2) {
			t.Errorf("%s: two Makes of the same Config differ", name)
		}
	}
}

func TestDifferentSeedGivesDifferentSets(t *testing.T) {
	for _, name := range Toys {
		c := valid(name)
		train1, _ := mustMake(t, c)
		c.Seed++
		train2, _ := mustMake(t, c)
		if reflect.DeepEqual(train1.X, train2.X) {
			t.Errorf("%s: seeds %d and %d give the same points", name, c.Seed-1, c.Seed)
		}
	}
}

func TestSizesAndSplit(t *testing.T) {
	cases := []struct {
		points    int
		trainFrac float64
		wantTrain int
	}{
		{500, 0.7, 350},
		{10, 0.1, 1},
		{10, 0.9, 9},
		{5000, 0.5, 2500},
		{11, 0.5, 6}, // 5.5 rounds up
		{333, 0.25, 83},
	}
	for _, tc := range cases {
		c := valid("xor")
		c.Points, c.TrainFrac = tc.points, tc.trainFrac
		train, test := mustMake(t, c)
		if train.Len() != tc.wantTrain || test.Len() != tc.points-tc.wantTrain {
			t.Errorf("Points %d, TrainFrac %g: train %d, test %d; want %d, %d",
				tc.points, tc.trainFrac, train.Len(), test.Len(), tc.wantTrain, tc.points-tc.wantTrain)
		}
		for _, s := range []Set{train, test} {
			if len(s.X) != 2*s.Len() {
				t.Errorf("Points %d: len(X) = %d for %d labels; want twice as many", tc.points, len(s.X), s.Len())
			}
		}
	}
}

func TestClassesAreBalancedAndLabelsInRange(t *testing.T) {
	for _, name := range Toys {
		for classes := MinClasses; classes <= MaxClasses; classes++ {
			c := valid(name)
			c.Classes, c.Points = classes, 503 // not a multiple of 2..5: sizes must differ by one at most
			train, test := mustMake(t, c)
			want := classes
			if !datasets[name].multiClass {
				want = 2
			}
			if train.Classes != want || test.Classes != want {
				t.Fatalf("%s, Classes %d: sets have %d and %d classes; want %d",
					name, classes, train.Classes, test.Classes, want)
			}
			counts := make([]int, want)
			for _, s := range []Set{train, test} {
				for i, y := range s.Y {
					if y < 0 || y >= want {
						t.Fatalf("%s: label %d of point %d is outside [0, %d)", name, y, i, want)
					}
					counts[y]++
				}
			}
			lo, hi := counts[0], counts[0]
			for _, n := range counts {
				lo, hi = min(lo, n), max(hi, n)
			}
			if hi-lo > 1 {
				t.Errorf("%s, %d classes: class sizes %v differ by more than one", name, want, counts)
			}
		}
	}
}

func TestEveryPointLiesInTheUnitSquare(t *testing.T) {
	for _, name := range Toys {
		c := valid(name)
		c.Noise, c.Points, c.Classes = 1, 5000, 5 // most noise: the likeliest to stray
		train, test := mustMake(t, c)
		for _, s := range []Set{train, test} {
			for i, v := range s.X {
				if !(v >= -1 && v <= 1) {
					t.Fatalf("%s: coordinate %d = %g is outside [-1, 1]", name, i, v)
				}
			}
		}
	}
}

func TestPointsAreShuffled(t *testing.T) {
	// Make draws labels round-robin (0, 1, 2, 0, 1, 2, …) before shuffling.
	train, _ := mustMake(t, valid("spiral"))
	inOrder := 0
	for i, y := range train.Y {
		if y == i%train.Classes {
			inOrder++
		}
	}
	if inOrder > train.Len()/2 {
		t.Errorf("%d of %d training labels are still in drawing order; want them shuffled", inOrder, train.Len())
	}
}

func TestTwoClassSetsIgnoreClasses(t *testing.T) {
	for _, name := range []string{"circles", "xor", "moons"} {
		for _, classes := range []int{0, 2, 7} {
			c := valid(name)
			c.Classes = classes
			train, _ := mustMake(t, c)
			if train.Classes != 2 {
				t.Errorf("%s with Classes %d: set has %d classes; want 2", name, classes, train.Classes)
			}
		}
	}
}

func TestInvalidConfigIsRejectedByField(t *testing.T) {
	cases := []struct {
		field  string
		change func(*Config)
	}{
		{"Name", func(c *Config) { c.Name = "swirl" }},
		{"Name", func(c *Config) { c.Name = "" }},
		{"Points", func(c *Config) { c.Points = 9 }},
		{"Points", func(c *Config) { c.Points = 5001 }},
		{"Points", func(c *Config) { c.Points = -1 }},
		{"Noise", func(c *Config) { c.Noise = -0.01 }},
		{"Noise", func(c *Config) { c.Noise = 1.01 }},
		{"Noise", func(c *Config) { c.Noise = math.NaN() }},
		{"TrainFrac", func(c *Config) { c.TrainFrac = 0.05 }},
		{"TrainFrac", func(c *Config) { c.TrainFrac = 0.95 }},
		{"TrainFrac", func(c *Config) { c.TrainFrac = math.NaN() }},
		{"Classes", func(c *Config) { c.Classes = 1 }},
		{"Classes", func(c *Config) { c.Classes = 6 }},
	}
	for _, tc := range cases {
		for _, name := range []string{"spiral", "gauss"} {
			c := valid(name)
			tc.change(&c)
			_, _, err := Make(c)
			if err == nil {
				t.Errorf("Make(%+v) = nil error; want one naming %s", c, tc.field)
				continue
			}
			if !strings.Contains(err.Error(), tc.field) {
				t.Errorf("Make(%+v) error %q does not name %s", c, err, tc.field)
			}
		}
	}
}

func TestUnknownNameListsTheDatasets(t *testing.T) {
	_, _, err := Make(valid("swirl"))
	if err == nil {
		t.Fatal("Make with Name \"swirl\" succeeded; want an error")
	}
	for _, name := range Toys {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list the dataset %q", err, name)
		}
	}
}

func TestEveryBadFieldIsReported(t *testing.T) {
	_, _, err := Make(Config{Name: "spiral", Points: 1, Noise: 2, Classes: 9, TrainFrac: 1})
	if err == nil {
		t.Fatal("Make with four bad fields succeeded; want an error")
	}
	for _, field := range []string{"Points", "Noise", "Classes", "TrainFrac"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("error %q does not name %s", err, field)
		}
	}
}

func TestNamesAndGeneratorsAgree(t *testing.T) {
	if len(Toys) != len(datasets) {
		t.Errorf("Toys has %d entries but Make knows %d datasets", len(Toys), len(datasets))
	}
	for _, name := range Toys {
		if _, ok := datasets[name]; !ok {
			t.Errorf("Toys lists %q but Make has no generator for it", name)
		}
	}
}
