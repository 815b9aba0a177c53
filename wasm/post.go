//go:build js && wasm

package main

import (
	"syscall/js"

	"resnetplayground/proto"
	"resnetplayground/wasm/jsmsg"
)

// postCommand sends c to a worker.
func postCommand(worker js.Value, c proto.Command) {
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
