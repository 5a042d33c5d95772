// Runtime smoke test shared by every runtime (Node, Deno, Bun, workerd, Chromium): one fixed FFT
// with a known exact answer, plus bit hashes of larger transforms so runtimes are compared bit for bit
// (and of a labelled figure: the render layer draws the same PNG and SVG bytes everywhere).
// Inputs come from an integer LCG (no Math.* calls), so they are identical everywhere.

function lcgArray(len, seed) {
  const out = new Float64Array(len);
  let s = seed >>> 0;
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 4294967296 - 0.5;
  }
  return out;
}

function fnv1a(f64) {
  const b = new Uint8Array(f64.buffer, f64.byteOffset, f64.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

export async function smoke(samudra, initOptions) {
  const info = await samudra.init(initOptions);
  const fixed = Array.from(samudra.fft.fft([1, 0, 2, 0, 3, 0, 4, 0]));
  const expected = [10, 0, -2, 2, -2, 0, -2, -2];
  const hashes = {};
  for (const n of [97, 1000, 4096]) {
    const x = lcgArray(2 * n, n);
    hashes[`fft${n}`] = fnv1a(samudra.fft.fft(x));
    hashes[`rfft${n}`] = fnv1a(samudra.fft.rfft(x.subarray(0, n)));
    hashes[`ifft${n}`] = fnv1a(samudra.fft.ifft(x));
  }
  // analysis and ODE results must be bit-identical across engines too (their logs/exps run in WASM)
  if (samudra.analysis) {
    const psi = lcgArray(2 * 600, 7);
    const rep = samudra.analysis.snapshotReport(psi, { complex: true });
    hashes.analysis = fnv1a(Float64Array.from(Object.values(rep)));
    const k = samudra.analysis.gaussianKde(psi.subarray(0, 300)).evaluate([-0.4, 0, 0.3]);
    hashes.kde = fnv1a(k);
  }
  if (samudra.ode) {
    const r = samudra.ode.solve("DOP853", samudra.ode.systems.lorenz(), [0, 2], [1, 1, 1], { rtol: 1e-9, atol: 1e-12, tEval: [1, 2] });
    hashes.ode = fnv1a(Float64Array.from([...r.y[0], ...r.y[1], r.nfev]));
  }
  if (samudra.kleinGordon) {
    // KG: the seed's leapfrog (adaptive Δt) and a Yoshida-4 breather, final fields bit for bit
    const a = samudra.kleinGordon.solve({ case: "case3", legacy: true, tFinal: 2, nFrames: 2 });
    const b = samudra.kleinGordon.solve({ case: "kink_antikink", method: "yoshida4", tFinal: 1, nFrames: 1, nx: 256 });
    hashes.kg = fnv1a(Float64Array.from([...a.phi[2], ...b.phi[1], ...b.phiT[1], a.steps, ...a.invariants.energy]));
  }
  if (samudra.school) {
    // fish school: legacy (numpy MT19937 stream, acos, metrics) and couzin2002 (counter-based noise, sin/cos)
    const frames = [];
    samudra.school.simulate({ case: "case2", nSteps: 20, saveInterval: 10 }, ({ positions, velocities, metrics }) => frames.push(...positions, ...velocities, ...Object.values(metrics)));
    samudra.school.simulate({ case: "couzin_torus", nSteps: 20, saveInterval: 20 }, ({ positions, metrics }) => frames.push(...positions, ...Object.values(metrics)));
    hashes.school = fnv1a(Float64Array.from(frames));
  }
  if (samudra.neighbors) {
    const pts = lcgArray(3 * 500, 11).map((v) => (v + 0.5) * 10);
    const g = samudra.neighbors.grid(pts, { box: 10, cellSize: 1.5 });
    const I = new Int32Array(20000), J = new Int32Array(20000), idx = new Int32Array(2000), d = new Float64Array(2000);
    const np = g.pairsInto(1.5, I, J);
    g.knnInto(4, idx, d, { metric: "max" });
    g.dispose();
    hashes.neighbors = fnv1a(Float64Array.from([np, ...I.subarray(0, np), ...J.subarray(0, np), ...idx, ...d]));
  }
  if (samudra.render && samudra.render.heatmapFigure) {
    // the figure layer (vector scene → SVG, own rasteriser → PNG) runs in every runtime, with the same bytes
    const rows = 20, cols = 30, values = lcgArray(rows * cols, 13);
    const scene = samudra.render.heatmapFigure({ title: "smoke", values, rows, cols, x: { lo: -25, hi: 25, label: "x (1)" }, y: { lo: 0, hi: 10, label: "t (1)" },
      colormap: "inferno", vmin: -0.5, vmax: 0.5, cbLabel: "|ψ|²", dpi: 40, width: 6, height: 4 });
    const png = samudra.render.sceneToPng(scene), svg = new TextEncoder().encode(samudra.render.sceneToSvg(scene));
    const bytesHash = (b) => { let h = 0x811c9dc5; for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193) >>> 0; return h.toString(16).padStart(8, "0"); };
    hashes.render = `${png.length}:${bytesHash(png)}:${svg.length}:${bytesHash(svg)}`;
  }
  const ok = fixed.length === expected.length && fixed.every((v, i) => v === expected[i]);
  return { ok, simd: info.simd, source: info.source, version: samudra.version, fixed, hashes };
}
