// The training worker. The page posts the compiled main.wasm first ({type: "module"}); we
// run it in the "worker" role. Commands that arrive before Go is ready wait in resnetInbox,
// which Go drains when it installs self.resnetDeliver.
importScripts("wasm_exec.js");

self.resnetRole = "worker";
self.resnetInbox = [];

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg && msg.type === "module") {
    const go = new Go();
    const instance = await WebAssembly.instantiate(msg.module, go.importObject);
    go.run(instance);
    return;
  }
  if (self.resnetDeliver) {
    self.resnetDeliver(msg);
  } else {
    self.resnetInbox.push(msg);
  }
};
