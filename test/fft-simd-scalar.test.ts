// The SIMD and scalar builds perform the same IEEE operations in the same order (no FMA), so their
// results must agree bit for bit — for every algorithm path (radix 4/2/3/5/7/11/13, generic, Rader, Bluestein, real).
import { it, expect } from "vitest";
import { init, fft } from "../src/index.js";
import { randomArray } from "./helpers/dft.js";

// radix 7, 11, 13 (49, 77, 143, 1001, 2288, 4095), Rader (1009, 1923 = 3·641, 65521), Bluestein (227)
const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 11, 13, 16, 17, 25, 30, 32, 49, 64, 77, 97, 120, 128, 143, 227, 243, 500, 1001, 1009, 1024, 1923, 2048, 2288, 3125, 4095, 4096, 65521, 65536];

async function runAll(simd: boolean) {
  const info = await init({ simd });
  expect(info.simd).toBe(simd);
  const out: Float64Array[] = [];
  for (const n of sizes) {
    const x = randomArray(2 * n, n);
    const p = fft.plan(n);
    out.push(p.forward(new Float64Array(2 * n), x), p.inverse(new Float64Array(2 * n), x));
    p.dispose();
    const r = fft.realPlan(n);
    const spec = r.forward(new Float64Array(2 * r.bins), x.subarray(0, n));
    out.push(spec, r.inverse(new Float64Array(n), spec));
    r.dispose();
  }
  return out;
}

it("simd and scalar builds give bit-identical forward, inverse, rfft and irfft results", async () => {
  const a = await runAll(true);
  const b = await runAll(false);
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    const ua = new BigUint64Array(a[i].buffer), ub = new BigUint64Array(b[i].buffer);
    let diff = -1;
    for (let j = 0; j < ua.length; j++) if (ua[j] !== ub[j]) { diff = j; break; }
    expect(diff, `result ${i} (n=${sizes[i >> 2]}) first differing double`).toBe(-1);
  }
});

it("simd and scalar builds give bit-identical Klein–Gordon runs (φ⁴ and sine-Gordon leapfrog, Verlet, Yoshida-4, dealiased)", async () => {
  const { kleinGordon } = await import("../src/index.js");
  const runKg = async (simd: boolean) => {
    await init({ simd });
    const a = kleinGordon.solve({ case: "case4", legacy: true, tFinal: 3, nFrames: 3 });
    const b = kleinGordon.solve({ case: "sg_breather", method: "verlet", tFinal: 3, nFrames: 1, dealias: "pad2" });
    const c = kleinGordon.solve({ case: "sg_kink", boundary: "periodic", method: "yoshida4", tFinal: 2, nFrames: 1 });
    const d = kleinGordon.solve({ case: "case3", legacy: true, tFinal: 2, nFrames: 2 });          // SG force in f64x2 lanes
    const e = kleinGordon.solve({ case: "sg_breather", method: "verlet", tFinal: 1, nFrames: 1, nx: 510 });   // n % 4 ≠ 0 tail
    return [...a.phi, ...a.phiT, ...b.phi, ...c.phi, ...c.phiT, ...d.phi, ...d.phiT, ...e.phi];
  };
  const x = await runKg(true), y = await runKg(false);
  expect(x.length).toBe(y.length);
  x.forEach((f, i) => expect(Buffer.from(f.buffer).equals(Buffer.from(y[i].buffer)), `array ${i}`).toBe(true));
});
