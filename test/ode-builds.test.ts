// The SIMD and scalar builds integrate bit-identically: small systems take the element-wise path,
// systems with ≥ 16 doubles per state the f64x2 streaming path (same operations, same order).
import { it, expect } from "vitest";
import { init, ode } from "../src/index.js";
import { randomArray } from "./helpers/dft.js";

async function runAll(simd: boolean) {
  expect((await init({ simd })).simd).toBe(simd);
  const n = 12;                                    // complex 12×12: 24 doubles per state
  const A = randomArray(2 * n * n, 5).map((v, i) => (i % (2 * n + 2) === 0 ? v - 3 : v * 0.5));
  const out: Float64Array[] = [];
  for (const m of ["DOP853", "RK45"] as const) {
    const big = ode.solve(m, ode.systems.linear({ matrix: A, complex: true }), [0, 2], randomArray(2 * n, 9), { rtol: 1e-9, atol: 1e-12, dense: true });
    out.push(...big.y, big.sol!(1.2345));
    const small = ode.solve(m, ode.systems.lorenz(), [0, 3], [1, 1, 1], { rtol: 1e-10, atol: 1e-12, tEval: [1, 2, 3] });
    out.push(...small.y, Float64Array.of(small.nfev, big.nfev));
    // the step loop inside WASM (no dense output): every step kept, large and small states
    const bigLoop = ode.solve(m, ode.systems.linear({ matrix: A, complex: true }), [0, 2], randomArray(2 * n, 9), { rtol: 1e-9, atol: 1e-12 });
    const aren = ode.solve(m, ode.systems.arenstorf(), [0, 17.0652165601579625588917206249], [0.994, 0, 0, -2.00158510637908252240537862224], { rtol: 1e-10, atol: 1e-10 });
    out.push(bigLoop.t, ...bigLoop.y, aren.t, ...aren.y, Float64Array.of(bigLoop.nfev, aren.nfev));
  }
  return out;
}

it("ode.solve: SIMD and scalar builds agree bit for bit (real 3-state and complex 12-state systems)", async () => {
  const a = await runAll(true);
  const b = await runAll(false);
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect([...x], `result ${i}`).toEqual([...b[i]]));
});
