/** JS right-hand sides of the fixture problems (same formulas as test/fixtures/make_ode_fixtures.py). */
import { ode } from "../../src/index.js";
import type { RhsFunction, OdeSystem } from "../../src/ode.js";

const MU = 0.012277471;

export const jsRhs: Record<string, RhsFunction> = {
  decay: (t, y, d) => { d[0] = -0.5 * y[0]; },
  rational: (t, y, d) => { d[0] = y[1] / t; d[1] = y[1] * (y[0] + 2 * y[1] - 1) / (t * (y[0] - 1)); },
  lorenz: (t, y, d) => { d[0] = 10 * (y[1] - y[0]); d[1] = y[0] * (28 - y[2]) - y[1]; d[2] = y[0] * y[1] - (8 / 3) * y[2]; },
  vanderpol: (t, y, d) => { d[0] = y[1]; d[1] = 5 * (1 - y[0] * y[0]) * y[1] - y[0]; },
  arenstorf: (t, y, d) => {
    const mup = 1 - MU, x = y[0], yy = y[1], vx = y[2], vy = y[3];
    const r1 = (x + MU) * (x + MU) + yy * yy, r2 = (x - mup) * (x - mup) + yy * yy;
    const d1 = r1 * Math.sqrt(r1), d2 = r2 * Math.sqrt(r2);
    d[0] = vx; d[1] = vy;
    d[2] = x + 2 * vy - mup * (x + MU) / d1 - MU * (x - mup) / d2;
    d[3] = yy - 2 * vx - mup * yy / d1 - MU * yy / d2;
  },
  complex_linear: (t, y, d) => {
    // A = [[-0.1+1i, 0.2], [-0.2i, -0.3-0.5i]], row-major, same summation order as the WASM system
    const A = COMPLEX_A;
    for (let i = 0; i < 2; i++) {
      let sr = 0, si = 0;
      for (let j = 0; j < 2; j++) {
        const ar = A[(i * 2 + j) * 2], ai = A[(i * 2 + j) * 2 + 1], yr = y[2 * j], yi = y[2 * j + 1];
        sr += ar * yr - ai * yi;
        si += ar * yi + ai * yr;
      }
      d[2 * i] = sr; d[2 * i + 1] = si;
    }
  },
};
jsRhs.decay_backward = jsRhs.decay;
jsRhs.rational_tight = jsRhs.rational;
jsRhs.vanderpol_maxstep = jsRhs.vanderpol;
jsRhs.lorenz_first_step = jsRhs.lorenz;

export const COMPLEX_A = [-0.1, 1, 0.2, 0, 0, -0.2, -0.3, -0.5];

/** The compiled equivalent of a fixture problem, where one exists. */
export function wasmSystem(name: string): OdeSystem | null {
  const base = name.replace(/_(backward|tight|maxstep|first_step)$/, "");
  if (base === "lorenz") return ode.systems.lorenz();
  if (base === "vanderpol") return ode.systems.vanDerPol({ mu: 5 });
  if (base === "arenstorf") return ode.systems.arenstorf({ mu: MU });
  if (base === "decay") return ode.systems.linear({ matrix: [-0.5] });
  if (base === "complex_linear") return ode.systems.linear({ matrix: COMPLEX_A, complex: true });
  return null;
}
