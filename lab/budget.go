package lab

import "fmt"

// memoryBudget bounds the float64s the network's buffers may take (about 512 MB): the page
// runs in a browser tab, where running out of memory kills the whole worker.
const memoryBudget = 64 << 20

// CheckSize reports whether the network s describes fits the memory budget, in words that
// say what to lower. NewTrainer checks it; a sweep checks it for every run before the first.
func CheckSize(s Spec) error {
	if need := bufferFloats(s); need > memoryBudget {
		return fmt.Errorf("network too large to train here: it needs about %d MB of buffers (limit %d MB); lower the batch size, width or depth",
			need*8>>20, memoryBudget*8>>20)
	}
	return nil
}

// bufferFloats estimates the float64s of activation and gradient buffers: about ten buffers
// of rows×width per layer, rows being the larger of a batch and an evaluation chunk; a
// convolutional layer's width is its channels times its positions, and its weights 9 per
// input and output channel.
func bufferFloats(s Spec) int {
	rows := max(s.Batch, evalRows(s))
	positions, kernel := 1, 1
	if s.IsConv() {
		positions, kernel = imageSide*imageSide, 9
	}
	total := 10 * rows * s.Width * positions
	side := imageSide
	strides := Strides(s.Blocks)
	for i, b := range s.Blocks {
		if s.IsConv() && strides[i] == 2 {
			side = (side + 1) / 2
			positions = side * side
		}
		total += 10 * b.Layers * rows * b.Width * positions
		total += 4 * b.Width * b.Width * b.Layers * kernel // weights, gradients, optimiser moments
	}
	return total
}
