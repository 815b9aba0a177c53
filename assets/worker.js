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
      const instance = await WebAssembly.instantiate(msg.module, go.importObject);
      await go.run(instance);
      self.postMessage({ type: "exited" });
    } catch (err) {
      self.postMessage({ type: "exited", why: String(err) });
    }
    return;
  }
  if (self.resnetDeliver) {
    self.resnetDeliver(msg);
  } else {
    self.resnetInbox.push(msg);
  }
};
