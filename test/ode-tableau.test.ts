// Butcher tableau invariants of the data compiled into the WASM module: Σb = 1 and row sums of A equal c.
import { it, expect, beforeAll } from "vitest";
import { init } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";

beforeAll(async () => { await init(); });

function read(method: number) {
  const k = kernel();
  const mem = k.memory.buffer;
  const nStages = k.odeTableau(method, 6), nExt = k.odeTableau(method, 7), bN = k.odeTableau(method, 8);
  const rows = method === 1 ? nExt : nStages;   // DOP853 stores the dense-output rows too
  const C = new Float64Array(mem, k.odeTableau(method, 0), rows);
  const aPtr = new Int32Array(mem, k.odeTableau(method, 1), rows + 1);
  const aIdx = new Int32Array(mem, k.odeTableau(method, 2), aPtr[rows]);
  const aVal = new Float64Array(mem, k.odeTableau(method, 3), aPtr[rows]);
  const bIdx = new Int32Array(mem, k.odeTableau(method, 4), bN);
  const bVal = new Float64Array(mem, k.odeTableau(method, 5), bN);
  return { nStages, rows, C, aPtr, aIdx, aVal, bIdx, bVal };
}

for (const [name, id] of [["RK45 (DOPRI5)", 0], ["DOP853", 1]] as const) {
  it(`${name}: Σ b_j = 1 and Σ_j a_sj = c_s for every stage (to 1e-15·max(1, Σ|a_sj|)), A strictly lower triangular`, () => {
    const t = read(id);
    expect(Math.abs(t.bVal.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-15);
    expect(t.bIdx.every((j) => j < t.nStages)).toBe(true);
    for (let s = 0; s < t.rows; s++) {
      // compensated (Neumaier) sum, so only the coefficients' own rounding remains; DOP853's rows 8–11 hold
      // entries up to ±43 that cancel, hence the bound relative to the row magnitude Σ|a_sj|
      let sum = 0, comp = 0, mag = 0;
      for (let q = t.aPtr[s]; q < t.aPtr[s + 1]; q++) {
        expect(t.aIdx[q]).toBeLessThan(s);
        const v = t.aVal[q], u = sum + v;
        comp += Math.abs(sum) >= Math.abs(v) ? (sum - u) + v : (v - u) + sum;
        sum = u;
        mag += Math.abs(v);
      }
      expect(Math.abs(sum + comp - t.C[s]), `row ${s}`).toBeLessThanOrEqual(1e-15 * Math.max(1, mag));
    }
    expect(t.C[0]).toBe(0);
  });
}
