import { it } from "vitest";
import { init, ode, fft } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";
it("legacy nfev", async () => {
  await init();
  const k = kernel();
  const N = 512, L = 50;
  const ctx = k.nlseCreate(N, L, 0.5, 1);
  k.nlseSetFilter(ctx, 2, 36, 36, 1);
  const x = Array.from({ length: N }, (_, j) => -L / 2 + (j * L) / N);
  const psi = new Float64Array(2 * N);
  x.forEach((xx, j) => { const a = 2 / Math.cosh(2 * (xx + 10)); psi[2 * j] = a * Math.cos(xx); psi[2 * j + 1] = a * Math.sin(xx); });
  const c0 = fft.fft(psi);
  const sys = { kind: "samudra.ode.system", name: "nlse", id: 6, params: Float64Array.of(ctx), n: N, complex: true } as never;
  const tEval = Array.from({ length: 100 }, (_, i) => (20 * i) / 99);
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const r = ode.solve("DOP853", sys, [0, 20], c0, { rtol: 1e-9, atol: 1e-11, maxStep: 0.1, tEval });
    console.log("NFEV", r.nfev, r.naccept, r.nreject, (performance.now() - t0).toFixed(1), "ms");
  }
  // RHS cost alone
  const v = k.alloc(16 * N), dv = k.alloc(16 * N);
  new Float64Array(k.memory.buffer, v, 2 * N).set(c0);
  let t0 = performance.now();
  for (let i = 0; i < 20000; i++) k.nlseRhs(ctx, v, dv);
  console.log("RHS us", ((performance.now() - t0) / 20000 * 1000).toFixed(2));
  const p = fft.plan(512); t0 = performance.now();
  for (let i = 0; i < 20000; i++) p.forward(p.output, p.input);
  console.log("FFT512 us", ((performance.now() - t0) / 20000 * 1000).toFixed(2));
});
