package ui

import "github.com/vugu/vugu/js"

// DigitsGrid is one run's test digits with its predictions: what a twin shows on the digits
// where it would show its decision boundary on points.
type DigitsGrid struct {
	Run *Run

	grid  js.Value
	shown int
}

// Predicted says how many test digits have a prediction, for tests and tools.
func (c *DigitsGrid) Predicted() int { return len(c.Run.Digits.Pred) }

func (c *DigitsGrid) paint(wrap js.Value) { paintDigitsGrid(wrap, &c.grid, &c.shown, &c.Run.Digits) }
