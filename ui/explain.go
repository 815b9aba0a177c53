package ui

// Explain is the text beside the demo: what the degradation problem is, what a residual
// block does about it, and what to try.
type Explain struct{}
