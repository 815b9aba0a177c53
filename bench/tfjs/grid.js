// The 100×100 decision-boundary grid through b=16x1p*20 (2 → 16, 20 plain blocks of one dense
// 16 + ReLU, → 3 classes, softmax) in TF.js's wasm backend, one thread, with wasm SIMD (node
// grid.js) or without (node grid.js nosimd): what lab's BenchmarkBoundary times in our engine.
// It prints the median CPU time per grid (process.cpuUsage, robust on a shared machine) and
// the wall time. Run by `make bench-tfjs`.
const tf = require("@tensorflow/tfjs-core");
const wasm = require("@tensorflow/tfjs-backend-wasm");
const path = require("path");
async function main() {
  const simd = process.argv[2] !== "nosimd";
  wasm.setWasmPaths(path.join(__dirname, "node_modules/@tensorflow/tfjs-backend-wasm/dist/"));
  wasm.setThreadsCount && wasm.setThreadsCount(1);
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  if (!simd) tf.env().set("WASM_HAS_SIMD_SUPPORT", false);
  await tf.setBackend("wasm");
  await tf.ready();
  const layers = [];
  const dims = [2, 16];
  for (let i = 0; i < 20; i++) dims.push(16);
  dims.push(3);
  for (let i = 0; i + 1 < dims.length; i++) {
    layers.push({ w: tf.randomNormal([dims[i], dims[i + 1]], 0, Math.sqrt(2 / dims[i])), b: tf.zeros([dims[i + 1]]) });
  }
  const g = [];
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) g.push(-6 + 12 * j / 99, -6 + 12 * i / 99);
  const grid = tf.tensor2d(g, [10000, 2]);
  const run = () => tf.tidy(() => {
    let h = grid;
    layers.forEach((l, i) => {
      h = tf.add(tf.matMul(h, l.w), l.b);
      h = i + 1 < layers.length ? tf.relu(h) : tf.softmax(h);
    });
    return h;
  });
  for (let i = 0; i < 20; i++) run().dataSync();
  const times = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint(); const c0 = process.cpuUsage();
    const n = 50;
    for (let i = 0; i < n; i++) run().dataSync();
    const c = process.cpuUsage(c0); const t = Number(process.hrtime.bigint() - t0) / 1e6;
    times.push([t / n, (c.user + c.system) / 1000 / n]);
  }
  times.sort((a, b) => a[1] - b[1]);
  const med = times[3];
  console.log(`tfjs-backend-wasm ${tf.version_core} simd=${tf.env().getBool("WASM_HAS_SIMD_SUPPORT")} threads=${tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT")}: 100x100 grid, depth 20: median ${med[1].toFixed(2)} ms cpu/grid (${med[0].toFixed(2)} ms wall)`);
}
main().catch((e) => { console.error(e); process.exit(1); });
