/**
 * Time steppers behind the NLSE model, all on the Fourier-side state v (WASM memory):
 *   adaptive  dop853 / rk45 through the ODE kernels (scipy's control), outputs from the dense interpolant at the
 *             snapshot times exactly as solve_ivp's t_eval does — so the seed's nfev is reproduced;
 *   fixed     strang / yoshida4 / yoshida6 / kahanli6 (split-step) and etdrk4, with the step shrunk so that it divides the
 *             output interval: dt_eff = Δt_out / ⌈Δt_out/dt⌉.
 * `nfev` counts right-hand-side evaluations for the adaptive methods and FFT pairs (nonlinear evaluations)
 * for the fixed ones. Both stop at the step budget (status Budget, exact: checked before every step) and when the
 * AbortSignal fires (Aborted), checked every 256 accepted adaptive steps (they run in WASM between) and every CHUNK
 * fixed steps (so WASM step counts never exceed an i32); the fixed engine
 * also stops when the state stops being finite (NonFinite). `time()` is the time the state has reached.
 */
import { kernel } from "../../wasm/load.js";
import { OdeIntegrator, Status } from "../../ode/integrator.js";
import type { OdeSystem } from "../../ode/systems.js";
import type { Resolved } from "./options.js";
import { COMPOSITION_SCHEME, COMPOSITION_STAGES } from "../compositions.js";
import { CHUNK, type ProgressCallback } from "../../limits.js";

/** Engine statuses beyond the integrator's: the step budget was reached / the signal fired. */
export const Budget = 4, Aborted = 5;

export interface Engine {
  /** Writes the state at time t (≥ the previous request) into `out` (WASM byte offset). Returns a Status. */
  advance(t: number, out: number): number;
  /** The time the state has reached (beyond the last snapshot when a run stops between snapshots). */
  time(): number;
  /** The step size: the next adaptive step, or the fixed step. */
  stepSize(): number;
  nfev(): number;
  steps(): { accepted: number; rejected: number };
  dispose(): void;
}

export function adaptiveEngine(r: Resolved, ctx: number, v0: Float64Array, tEnd: number, signal?: AbortSignal, onProgress?: ProgressCallback): Engine {
  const sys = { kind: "samudra.ode.system", name: "nlse", id: 6, params: Float64Array.of(ctx), n: r.N, complex: true } as OdeSystem;
  // the integrator's budget is the model's (accepted + rejected before each step, as the checks below)
  const integ = new OdeIntegrator(r.method === "rk45" ? "RK45" : "DOP853", sys, r.tStart, v0,
    { tBound: tEnd, rtol: r.rtol, atol: r.atol, maxStep: r.maxStep, maxSteps: r.maxSteps }, "nlse");
  const k = kernel();
  let status: number = integ.status;       // NonFinite already if ψ0 or f(ψ0) is not finite
  let progressAt = -1;                     // onProgress: once per multiple of 256 accepted steps
  const progress = () => {
    if (onProgress && (integ.naccept & 255) === 0 && integ.naccept !== progressAt) {
      progressAt = integ.naccept;
      onProgress({ t: integ.t, steps: integ.naccept + integ.nreject, stepSize: integ.h });
    }
  };
  return {
    advance(t, out) {
      // solve_ivp: after each step, every output time ≤ t_step is served from that step's dense output (which
      // costs DOP853 3 RHS evaluations once per such step) — t0 included, served by the first step. The steps run
      // in WASM (OdeIntegrator.loop) up to t, returning every 256 accepted steps for the signal and onProgress.
      while ((integ.t < t || integ.naccept === 0) && status === Status.Ok) {
        if (integ.naccept + integ.nreject >= r.maxSteps) return Budget;
        if (signal?.aborted) return Aborted;
        if (integ.naccept === 0) { status = integ.step(); progress(); continue; }
        const res = integ.loop(t, 256 - (integ.naccept & 255), 0, "advance(t)");
        progress();
        if (res === Status.Budget) return Budget;
        status = res === 0 || res === 5 ? Status.Ok : res;
      }
      if (status > Status.Finished || integ.t < t) return status;
      integ.dense(t, new Float64Array(k.memory.buffer, out, 2 * r.N));
      return status === Status.Finished ? Status.Ok : status;
    },
    time: () => integ.t,
    stepSize: () => integ.h,
    nfev: () => integ.nfev,
    steps: () => ({ accepted: integ.naccept, rejected: integ.nreject }),
    dispose: () => integ.dispose(),
  };
}

export function fixedEngine(r: Resolved, ctx: number, v: number, dtOut: number, signal?: AbortSignal, onProgress?: ProgressCallback): Engine {
  const k = kernel();
  const sub = Math.max(1, Math.ceil(dtOut / r.dt - 1e-9));
  const dt = dtOut / sub;
  const filt = r.filter !== "none" ? 1 : 0;
  const split = r.method === "etdrk4" ? 0 : k.splitCreate(ctx, COMPOSITION_SCHEME[r.method], dt, filt);
  const etd = r.method === "etdrk4" ? k.etdCreate(ctx, dt, filt) : 0;
  const perStep = r.method === "etdrk4" ? 4 : COMPOSITION_STAGES[r.method];
  // t = tSnap + done·dt: steps are counted from the last snapshot so that times stay exact multiples
  let tSnap = r.tStart, done = 0, n = 0;
  return {
    advance(tOut, out) {
      const m = Math.round((tOut - tSnap) / dt);
      while (done < m) {
        if (n >= r.maxSteps) return Budget;
        if (signal?.aborted) return Aborted;
        const c = Math.min(CHUNK, m - done, r.maxSteps - n);
        if (split) k.splitRun(split, v, c); else k.etdRun(etd, v, c);
        done += c; n += c;
        if (!Number.isFinite(k.kgMaxAbs(v, 2 * r.N))) return Status.NonFinite;
        if (onProgress && c === CHUNK) onProgress({ t: tSnap + done * dt, steps: n, stepSize: dt });
      }
      tSnap = tOut; done = 0;
      if (out !== v) new Float64Array(k.memory.buffer, out, 2 * r.N).set(new Float64Array(k.memory.buffer, v, 2 * r.N));
      return Status.Ok;
    },
    time: () => tSnap + done * dt,
    stepSize: () => dt,
    nfev: () => n * perStep,
    steps: () => ({ accepted: n, rejected: 0 }),
    dispose: () => { if (split) k.splitFree(split); if (etd) k.etdFree(etd); },
  };
}

/** The step size a fixed engine really uses for output spacing dtOut. */
export function effectiveDt(r: Resolved, dtOut: number): number {
  return dtOut / Math.max(1, Math.ceil(dtOut / r.dt - 1e-9));
}
