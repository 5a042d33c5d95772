/**
 * Continuous solution over the whole run (`ode.solve(…, { dense: true }).sol`): the per-step
 * interpolants copied out of WASM, evaluated here with the kernel's exact formulas (assembly/ode/dense.ts),
 * so sol(t) equals the values t_eval sampling produced, bit for bit. Segment choice follows scipy's
 * OdeSolution: at a breakpoint the segment with the lower index wins.
 */
import { GrowF64 } from "./grow.js";

/** Callable continuous solution: `sol(t)` returns the state at t (a new Float64Array). */
export interface OdeSolution {
  (t: number): Float64Array;
  /** Evaluates into `out` (length n, or 2n complex). */
  at(t: number, out?: Float64Array): Float64Array;
  /** Breakpoints: the step boundaries (t0 first). */
  readonly ts: Float64Array;
  /** Smallest time covered (min of t0, t_end). */
  readonly tMin: number;
  /** Largest time covered (max of t0, t_end). */
  readonly tMax: number;
}

export class SolutionBuilder {
  private readonly coef = new GrowF64(1024);
  private readonly yOld = new GrowF64(256);
  private readonly bounds = new GrowF64(64);
  private count = 0;
  constructor(readonly method: "DOP853" | "RK45", readonly N: number) {}

  /** Appends the interpolant of one step [tOld, t]. */
  push(tOld: number, t: number, yOld: Float64Array, coef: Float64Array): void {
    if (this.count === 0) this.bounds.push(tOld);
    this.bounds.push(t);
    this.yOld.pushAll(yOld);
    this.coef.pushAll(coef);
    this.count++;
  }

  /** Drops the last interpolant (scipy's rule for a repeated final time). */
  pop(): void {
    if (this.count === 0) return;
    this.count--;
    this.bounds.pop();
    this.yOld.pop(this.N);
    this.coef.pop((this.method === "DOP853" ? 7 : 4) * this.N);
  }

  build(ts: Float64Array): OdeSolution {
    const N = this.N, rows = this.method === "DOP853" ? 7 : 4, nseg = this.count;
    const coef = this.coef.view().slice(), yOld = this.yOld.view().slice(), tb = this.bounds.view().slice();
    const ascending = ts[ts.length - 1] >= ts[0];
    const dop = this.method === "DOP853";
    const at = (t: number, out?: Float64Array): Float64Array => {
      const o = out ?? new Float64Array(N);
      // searchsorted(ts, t, 'left') on the ascending order, then clamp (scipy OdeSolution._call_single)
      let lo = 0, hi = ts.length;
      if (ascending) {
        while (lo < hi) { const m = (lo + hi) >> 1; if (ts[m] < t) lo = m + 1; else hi = m; }
      } else {
        while (lo < hi) { const m = (lo + hi) >> 1; if (ts[ts.length - 1 - m] <= t) lo = m + 1; else hi = m; }
      }
      let seg = Math.min(Math.max(lo - 1, 0), nseg - 1);
      if (!ascending) seg = nseg - 1 - seg;
      const t0 = tb[seg], t1 = tb[seg + 1], h = t1 - t0;
      const base = seg * rows * N, yb = seg * N;
      if (h === 0) { for (let i = 0; i < N; i++) o[i] = yOld[yb + i]; return o; }
      const x = (t - t0) / h;
      if (dop) {
        const omx = 1 - x;
        for (let i = 0; i < N; i++) {
          let y = 0;
          for (let k = 6; k >= 0; k--) {
            y += coef[base + k * N + i];
            y *= ((6 - k) & 1) === 0 ? x : omx;
          }
          o[i] = y + yOld[yb + i];
        }
      } else {
        const p1 = x, p2 = p1 * x, p3 = p2 * x, p4 = p3 * x;
        for (let i = 0; i < N; i++) {
          const s = ((coef[base + i] * p1 + coef[base + N + i] * p2) + coef[base + 2 * N + i] * p3) + coef[base + 3 * N + i] * p4;
          o[i] = h * s + yOld[yb + i];
        }
      }
      return o;
    };
    const sol = ((t: number) => at(t)) as OdeSolution;
    Object.defineProperties(sol, {
      at: { value: at },
      ts: { value: ts },
      tMin: { value: Math.min(ts[0], ts[ts.length - 1]) },
      tMax: { value: Math.max(ts[0], ts[ts.length - 1]) },
    });
    return sol;
  }
}
