package lab

import "resnetplayground/nn"

// layersOf lists every layer of net, input to output: the input layers, each block's branch
// and shortcut, the head and the output layer.
func layersOf(net *nn.Network) []nn.Layer {
	ls := append([]nn.Layer(nil), net.Input...)
	for _, b := range net.Blocks {
		ls = append(ls, b.Branch...)
		if b.Proj != nil {
			ls = append(ls, b.Proj)
		}
	}
	ls = append(ls, net.Head...)
	return append(ls, net.Output)
}

// runningStats lists the running means and variances of every normalisation layer (batch
// norm, and its per-channel form for images), in pairs, as the live slices: state that is not
// a parameter but that inference depends on.
func runningStats(net *nn.Network) [][]float64 {
	var s [][]float64
	for _, l := range layersOf(net) {
		switch n := l.(type) {
		case *nn.BatchNorm:
			s = append(s, n.RunMean, n.RunVar)
		case *nn.ChannelNorm:
			s = append(s, n.RunMean, n.RunVar)
		}
	}
	return s
}

// setMomentum sets every normalisation layer's momentum, returning the previous one.
func setMomentum(net *nn.Network, m float64) (was float64) {
	was = 0.1
	for _, l := range layersOf(net) {
		switch n := l.(type) {
		case *nn.BatchNorm:
			was, n.Momentum = n.Momentum, m
		case *nn.ChannelNorm:
			was, n.Momentum = n.Momentum, m
		}
	}
	return was
}

// neuronsAreRows says, for each weight matrix of net, whether one neuron's incoming weights
// are a row (a convolution's OutC × InC·K·K filters) or a column (a dense layer's In × Out).
func neuronsAreRows(net *nn.Network) map[*nn.Param]bool {
	rows := map[*nn.Param]bool{}
	for _, l := range layersOf(net) {
		switch d := l.(type) {
		case *nn.Dense:
			rows[d.W] = false
		case *nn.Conv:
			rows[d.Wt] = true
		}
	}
	return rows
}
