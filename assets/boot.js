// startPlayground fetches and compiles the page's module once and runs it on this page (as the
// UI); the page then posts the compiled module to its training workers, which run the same code
// in their other role, so the module is downloaded and compiled only once and every worker runs
// the build the page chose. Needs wasm_exec.js.
//
// There are two builds of the same program (server_build.go): main.wasm uses wasm SIMD,
// main-scalar.wasm does not, for browsers without it; both train to the same numbers. ?simd=0
// in the page's address forces the scalar build. <html data-wasm> says which was fetched.
//
// A start that has not compiled the module within self.resnetStartTimeout ms (30 s unless set)
// is abandoned, its download aborted, and fails with a message that says so: a start that
// hangs must not leave "Loading…" forever, and a retry must not race a stale download.
async function startPlayground() {
  const variant = wasmVariant();
  document.documentElement.dataset.wasm = variant;
  const file = wasmFile(variant);
  const limit = self.resnetStartTimeout || 30000;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limit);
  let module;
  try {
    const response = fetch(file, { signal: abort.signal }).then((r) => {
      if (!r.ok) throw new Error(file + " could not be loaded (HTTP " + r.status + ")");
      return r;
    });
    module = WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await (await response).arrayBuffer());
  } catch (err) {
    if (abort.signal.aborted) {
      throw new Error(file + " did not arrive within " + Math.round(limit / 1000) + " s (is the connection slow, or gone?)");
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

// preloadPlayground starts the download of the module startPlayground will fetch, from the
// page's <head>, before the body is parsed.
function preloadPlayground() {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.type = "application/wasm";
  link.crossOrigin = "anonymous";
  link.href = wasmFile(wasmVariant());
  document.head.append(link);
}

function wasmFile(variant) {
  return variant === "simd" ? "main.wasm" : "main-scalar.wasm";
}

// wasmVariant is "simd" when this browser validates a module using a 128-bit SIMD instruction
// (a function returning i8x16.popcnt(i8x16.splat(0))), unless ?simd=0 asks for "scalar".
function wasmVariant() {
  if (new URLSearchParams(location.search).get("simd") === "0") return "scalar";
  const probe = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,       // type: () -> v128
    0x03, 0x02, 0x01, 0x00,                         // one function of that type
    0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b, // i32.const 0; i8x16.splat; i8x16.popcnt
  ]);
  try {
    return WebAssembly.validate(probe) ? "simd" : "scalar";
  } catch {
    return "scalar";
  }
}

// resnetFetchDigits fetches digits.bin (the handwritten digits) once, calling
// onProgress(fraction) as it arrives, and resolves to its bytes. The page asks for it only
// when a visitor picks Digits, so a first visit does not pay for it. expected is the file's
// size, for the fraction: with compression, Content-Length counts other bytes.
self.resnetFetchDigits = (() => {
  let pending = null;
  return (expected, onProgress) => {
    if (!pending) {
      pending = (async () => {
        const response = await fetch("digits.bin");
        if (!response.ok) throw new Error("digits.bin: HTTP " + response.status);
        const reader = response.body.getReader();
        const chunks = [];
        let got = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          got += value.length;
          onProgress(Math.min(got / expected, 1));
        }
        const bytes = new Uint8Array(got);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.length;
        }
        return bytes;
      })();
      pending.catch(() => { pending = null; }); // a failed fetch may be tried again
    }
    return pending;
  };
})();

// resnetDrawPad lets a visitor draw on canvas with a mouse, pen or finger: thick round strokes,
// as a digit is written. The page reads the drawing when a stroke ends (pointerup), so no
// render is needed while drawing.
self.resnetDrawPad = (canvas) => {
  const ctx = canvas.getContext("2d");
  let drawing = false;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  };
  canvas.addEventListener("pointerdown", (e) => {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    ctx.lineWidth = canvas.width / 10;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#111";
    const [x, y] = at(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.01, y);
    ctx.stroke();
    e.preventDefault();
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!drawing) return;
    const [x, y] = at(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  });
  const end = () => { drawing = false; };
  canvas.addEventListener("pointerup", end);
  canvas.addEventListener("pointercancel", end);
};
