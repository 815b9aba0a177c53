package lab

// Twins returns s as a plain network and as its residual twin: the same data, seed and
// layers, every shortcut off in the first and on in the second. Because initial weights do
// not depend on shortcuts (see nn/init.go), the two start from identical weights and differ
// only in their shortcuts.
func Twins(s Spec) (plain, residual Spec) {
	plain, residual = s, s
	plain.Blocks = make([]BlockSpec, len(s.Blocks))
	residual.Blocks = make([]BlockSpec, len(s.Blocks))
	for i, b := range s.Blocks {
		b.Shortcut = false
		plain.Blocks[i] = b
		b.Shortcut = true
		residual.Blocks[i] = b
	}
	return plain, residual
}
