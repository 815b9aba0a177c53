// The training worker. The page posts the compiled main.wasm first ({type: "module"}); we
// run it in the "worker" role. Commands that arrive before Go is ready wait in resnetInbox,
// which Go drains when it installs self.resnetDeliver.
importScripts("wasm_exec.js");

self.resnetRole = "worker";
self.resnetInbox = [];

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.type === "module") {
    // go.run settles when the Go program ends, which a worker's never does unless it failed
    // (a panic): say so, so the page can tell its visitor and start a fresh worker.
    try {
      const go = new Go();
      self.resnetGo = go; // its memory, for `make soak`
      const instance = await WebAssembly.instantiate(msg.module, go.importObject);
      await go.run(instance);
      self.postMessage({ type: "exited" });
    } catch (err) {
      self.postMessage({ type: "exited", why: String(err) });
    }
    return;
  }
  if (msg && msg.type === "memory") {
    // `make soak` asks how much memory the worker's Go program has grown to.
    self.postMessage({ type: "memory", wasmBytes: self.resnetGo && self.resnetGo._inst ? self.resnetGo._inst.exports.mem.buffer.byteLength : 0 });
    return;
  }
  if (self.resnetDeliver) {
    self.resnetDeliver(msg);
  } else {
    self.resnetInbox.push(msg);
  }
};
