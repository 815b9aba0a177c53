//go:build js && wasm

// Command wasm is ResNet Playground in the browser. The same main.wasm runs in two roles:
// on the page it renders the UI, and in a Web Worker (started by worker.js, which sets
// self.resnetRole) it trains. The page compiles the module once and posts it to the worker.
package main

import "syscall/js"

func main() {
	if js.Global().Get("resnetRole").String() == "worker" {
		runWorker()
		return
	}
	runPage()
}
