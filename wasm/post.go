//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/proto"
	"resnetplayground/wasm/jsmsg"
)

// postCommand sends c to a worker; a command about images waits for the digits file (see
// digitsLoader).
func postCommand(worker js.Value, c proto.Command) { digits.post(worker, c, nil) }

// postNow sends c to a worker at once.
func postNow(worker js.Value, c proto.Command) {
	m, err := proto.EncodeCommand(c)
	if err != nil {
		js.Global().Get("console").Call("error", "resnet: cannot encode command:", err.Error())
		return
	}
	msg, transfer := jsmsg.ToJS(m)
	worker.Call("postMessage", msg, js.ValueOf(transfer))
}

// postToPage sends a worker's messages to the page, their typed arrays transferred.
func postToPage(msgs ...proto.Message) {
	for _, m := range msgs {
		msg, transfer := jsmsg.ToJS(m)
		js.Global().Call("postMessage", msg, js.ValueOf(transfer))
	}
}
