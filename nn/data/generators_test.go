package data

import (
	"fmt"
	"math"
	"testing"
)

// rules recover a clean point's class from its position alone, from each dataset's geometry.
// At Noise 0 every point must obey its rule; at Noise 1 some must not (else Noise does nothing),
// but still far more than chance must (else Noise drowns the shape).
var rules = map[string]func(x, y float64, classes int) int{
	"spiral": nearestArm,
	"circles": func(x, y float64, _ int) int {
		if math.Hypot(x, y) < (circleInner+circleRingIn)/2 {
			return 0
		}
		return 1
	},
	"xor": func(x, y float64, _ int) int {
		if x*y > 0 {
			return 0
		}
		return 1
	},
	"gauss": func(x, y float64, classes int) int {
		best, bestDist := 0, math.Inf(1)
		for c := range classes {
			cx, cy := gaussCentre(c, classes)
			if d := math.Hypot(x-cx, y-cy); d < bestDist {
				best, bestDist = c, d
			}
		}
		return best
	},
	"moons": func(x, y float64, _ int) int {
		upper := distanceToArc(x, y, -moonShiftX, -moonShiftY, 1)
		lower := distanceToArc(x, y, moonShiftX, moonShiftY, -1)
		if upper < lower {
			return 0
		}
		return 1
	},
}

// nearestArm is the spiral arm whose angle at the point's radius is closest to the point's
// own angle.
func nearestArm(x, y float64, classes int) int {
	radius, angle := math.Hypot(x, y), math.Atan2(y, x)
	best, bestGap := 0, math.Inf(1)
	for c := range classes {
		armAngle := spiralAngle(radius) + 2*math.Pi*float64(c)/float64(classes)
		gap := math.Abs(math.Remainder(angle-armAngle, 2*math.Pi))
		if gap < bestGap {
			best, bestGap = c, gap
		}
	}
	return best
}

// distanceToArc is the distance from (x, y) to the half circle of radius moonRadius about
// (cx, cy) that bulges up (side 1) or down (side -1).
func distanceToArc(x, y, cx, cy, side float64) float64 {
	if (y-cy)*side >= 0 {
		return math.Abs(math.Hypot(x-cx, y-cy) - moonRadius)
	}
	return min(math.Hypot(x-cx-moonRadius, y-cy), math.Hypot(x-cx+moonRadius, y-cy))
}

// ruleAccuracy is the share of all points of c whose class the dataset's rule recovers.
func ruleAccuracy(t *testing.T, c Config) float64 {
	t.Helper()
	train, test := mustMake(t, c)
	right, total := 0, 0
	for _, s := range []Set{train, test} {
		for i, y := range s.Y {
			if rules[c.Name](s.X[2*i], s.X[2*i+1], s.Classes) == y {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(total)
}

// configsForRules gives every dataset with every class count it accepts.
func configsForRules(noise float64) []Config {
	var cs []Config
	for _, name := range Toys {
		top := MinClasses
		if datasets[name].multiClass {
			top = MaxClasses
		}
		for classes := MinClasses; classes <= top; classes++ {
			cs = append(cs, Config{Name: name, Points: 3000, Noise: noise, Classes: classes, TrainFrac: 0.5, Seed: 7})
		}
	}
	return cs
}

func TestCleanPointsObeyTheirDatasetsGeometry(t *testing.T) {
	for _, c := range configsForRules(0) {
		if acc := ruleAccuracy(t, c); acc != 1 {
			t.Errorf("%s, %d classes, Noise 0: rule recovers %.4f of classes; want all", c.Name, c.Classes, acc)
		}
	}
}

func TestNoiseBlursButKeepsTheShape(t *testing.T) {
	for _, c := range configsForRules(1) {
		acc := ruleAccuracy(t, c)
		chance := 1 / float64(c.Classes)
		if acc > 0.99 || acc < chance+0.15 {
			t.Errorf("%s, %d classes, Noise 1: rule recovers %.3f of classes; want between %.2f and 0.99",
				c.Name, c.Classes, acc, chance+0.15)
		}
	}
}

func TestSpiralArmsWindMoreThanOneAndAHalfTurns(t *testing.T) {
	// Why the spiral is hard: along one ray from the centre, an arm is crossed more than once.
	if turns := (spiralAngle(spiralOuter) - spiralAngle(spiralInner)) / (2 * math.Pi); turns < 1.5 {
		t.Errorf("spiral arms wind %.2f turns; want at least 1.5", turns)
	}
}

func TestMoonsInterleave(t *testing.T) {
	// Each moon's tip reaches past the other's base: no horizontal or vertical line separates them.
	train, _ := mustMake(t, Config{Name: "moons", Points: 1000, TrainFrac: 0.9, Seed: 1})
	minX, maxX := [2]float64{1, 1}, [2]float64{-1, -1}
	minY, maxY := [2]float64{1, 1}, [2]float64{-1, -1}
	for i, c := range train.Y {
		x, y := train.X[2*i], train.X[2*i+1]
		minX[c], maxX[c] = min(minX[c], x), max(maxX[c], x)
		minY[c], maxY[c] = min(minY[c], y), max(maxY[c], y)
	}
	if !(maxX[0] > minX[1] && maxY[1] > minY[0]) {
		t.Errorf("moons do not interleave: upper x to %.2f, lower from %.2f; lower y to %.2f, upper from %.2f",
			maxX[0], minX[1], maxY[1], minY[0])
	}
	if maxY[0] <= maxY[1] || minY[1] >= minY[0] {
		t.Errorf("class 0 should be the upper moon: y ranges [%.2f, %.2f] and [%.2f, %.2f]",
			minY[0], maxY[0], minY[1], maxY[1])
	}
}

// TestFingerprints pins every dataset's exact bits, so a shared link draws the same points on
// every platform (this test also runs compiled to wasm) and after every refactor. If a
// generator is changed on purpose, update the fingerprints — and know that old links change.
func TestFingerprints(t *testing.T) {
	want := map[string]string{
		"spiral":  "a7edbf986e38a770",
		"circles": "b00fe477f90c0cc8",
		"xor":     "164dd14ef42aa4c9",
		"gauss":   "57a76b0ff84aa1ce",
		"moons":   "cd26b529163cd8f6",
	}
	for _, name := range Toys {
		c := valid(name)
		c.Noise = 0.5
		train, test := mustMake(t, c)
		got := fmt.Sprintf("%016x", fingerprint(train, test))
		if w, ok := want[name]; !ok || got != w {
			t.Errorf("%s: fingerprint %s; want %s", name, got, w)
		}
	}
}

// fingerprint is an FNV-1a hash of the sets' exact bits.
func fingerprint(sets ...Set) uint64 {
	h := uint64(14695981039346656037)
	mix := func(v uint64) {
		for range 8 {
			h = (h ^ (v & 0xff)) * 1099511628211
			v >>= 8
		}
	}
	for _, s := range sets {
		for _, v := range s.X {
			mix(math.Float64bits(v))
		}
		for _, y := range s.Y {
			mix(uint64(y))
		}
	}
	return h
}
