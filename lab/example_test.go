package lab_test

import (
	"fmt"

	"resnetplayground/lab"
)

// An experiment is a Spec, here read from the page's URL form; a Trainer trains it exactly
// as the page's worker and `go run . train` do.
func Example() {
	s, err := lab.Parse("d=circles&b=8x2r*4&lr=0.01")
	if err != nil {
		fmt.Println(err)
		return
	}
	tr, _ := lab.NewTrainer(s)
	tr.Step(500)
	m := tr.Metrics()
	fmt.Println(len(s.Blocks), "residual blocks on", s.Dataset, "after", m.Step, "steps")
	fmt.Printf("test accuracy above 90%%: %v\n", m.TestAcc > 0.9)
	// Output:
	// 4 residual blocks on circles after 500 steps
	// test accuracy above 90%: true
}

// A Spec's URL form: every field, with the blocks run-length encoded.
func ExampleSpec_String() {
	fmt.Println(lab.Default())
	// Output: d=spiral&k=2&n=600&z=0.1&f=0.5&w=16&b=16x2p*24&net=dense&a=relu&bn=0&o=adam&lr=0.003&wd=0&bs=32&s=1
}

// A hand-edited link with a bad value keeps everything else and says what it changed.
func ExampleSalvage() {
	s, err := lab.Salvage("d=moons&lr=10")
	fmt.Println(s.Dataset, s.LR)
	fmt.Println(err)
	// Output:
	// moons 1
	// invalid spec: lr: must be > 0 and ≤ 1, got 10; using 1
}
