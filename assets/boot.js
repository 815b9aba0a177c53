// startPlayground fetches and compiles main.wasm once and runs it on this page (as the UI);
// the page then posts the compiled module to its training workers, which run the same code
// in their other role, so the module is downloaded and compiled only once. Needs wasm_exec.js.
//
// A start that has not compiled main.wasm within self.resnetStartTimeout ms (30 s unless set)
// is abandoned, its download aborted, and fails with a message that says so: a start that
// hangs must not leave "Loading…" forever, and a retry must not race a stale download.
async function startPlayground() {
  const limit = self.resnetStartTimeout || 30000;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limit);
  let module;
  try {
    const response = fetch("main.wasm", { signal: abort.signal }).then((r) => {
      if (!r.ok) throw new Error("main.wasm could not be loaded (HTTP " + r.status + ")");
      return r;
    });
    module = WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await (await response).arrayBuffer());
  } catch (err) {
    if (abort.signal.aborted) {
      throw new Error("main.wasm did not arrive within " + Math.round(limit / 1000) + " s (is the connection slow, or gone?)");
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
  self.resnetModule = module;
  const go = new Go();
  self.resnetGo = go; // its memory, for `make soak`
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance);
}
