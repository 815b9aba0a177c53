package ui

// Lesion is the twin view's lesion panel: knock out one block, or each in turn, and compare
// what is left of each twin.
type Lesion struct {
	Compare *Compare

	typed Typed // the block field keeps what is typed until it is committed
}

func (c *Lesion) commitBlock(text string) {
	c.typed.Commit("lesion-block")
	c.Run().SetLesionBlock(text)
}

// Run is the pair on screen.
func (c *Lesion) Run() *TwinRun { return c.Compare.Twins }

// Blocks is the compared network's depth.
func (c *Lesion) Blocks() int { return len(c.Run().Side[Plain].Experiment().Blocks) }
