package nn_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"resnetplayground/nn"
	"resnetplayground/nn/data"
)

// The engine in ten lines: a residual network learns two interleaved spirals.
func Example() {
	train, _, _ := data.Make(data.Config{Name: "spiral", Points: 400, Noise: 0.1, Classes: 2, TrainFrac: 0.5, Seed: 1})
	x := mat.NewDense(train.Len(), 2, train.X) // rows are examples

	// 2 inputs → 16 units → four residual blocks of two 16-wide layers → 2 classes.
	cfg := nn.Config{Inputs: 2, Classes: 2, Width: 16, Act: nn.ReLU}
	for range 4 {
		cfg.Blocks = append(cfg.Blocks, nn.BlockConfig{Width: 16, Layers: 2, Shortcut: true})
	}
	net, _ := nn.New(cfg, 1) // seeded: the same weights every time
	opt := nn.NewAdam(0.01, 0)

	var correct int
	for range 200 {
		_, correct = net.TrainStep(x, train.Y, opt) // forward, backward, update: the whole batch
	}
	fmt.Printf("training accuracy above 90%%: %v\n", float64(correct)/float64(train.Len()) > 0.9)
	// Output: training accuracy above 90%: true
}
