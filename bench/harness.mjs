// Benchmark harness. Implementations of one case are timed round-robin — batch of A, batch of B, … —
// `samples` times, so drift in machine speed (this is a shared 2-core VM) hits all of them alike and
// the ratios stay meaningful. Each batch lasts ~`batchMs`; the median batch gives the time per op.
// A sink keeps results observable so no engine can drop the work.
export let sink = 0;

export function consume(v) {
  sink += v;
}

function calibrate(fn, batchMs) {
  let reps = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) fn();
    const dt = performance.now() - t0;
    if (dt >= batchMs / 4) return Math.max(1, Math.round((reps * batchMs) / dt));
    reps *= 2;
  }
}

/** impls: { name: fn }. Returns { name: median ms per op }. */
export function compare(impls, { batchMs = 25, samples = 15 } = {}) {
  const names = Object.keys(impls);
  const reps = {};
  for (const k of names) { reps[k] = calibrate(impls[k], batchMs); for (let i = 0; i < reps[k]; i++) impls[k](); }
  const times = Object.fromEntries(names.map((k) => [k, []]));
  for (let s = 0; s < samples; s++) {
    for (const k of names) {
      const fn = impls[k], r = reps[k];
      const t0 = performance.now();
      for (let i = 0; i < r; i++) fn();
      times[k].push((performance.now() - t0) / r);
    }
  }
  const out = {};
  for (const k of names) { const t = times[k].sort((a, b) => a - b); out[k] = t[t.length >> 1]; }
  return out;
}

export function seeded(len, seed) {
  const out = new Float64Array(len);
  let s = seed >>> 0;
  for (let i = 0; i < len; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; out[i] = s / 4294967296 - 0.5; }
  return out;
}
