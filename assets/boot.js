// startPlayground fetches and compiles main.wasm once and runs it on this page (as the UI);
// the page then posts the compiled module to its training workers, which run the same code
// in their other role, so the module is downloaded and compiled only once. Needs wasm_exec.js.
async function startPlayground() {
  const response = fetch("main.wasm");
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await (await response).arrayBuffer());
  self.resnetModule = module;
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance);
}
