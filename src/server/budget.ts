/**
 * Admission by a deterministic work estimate, never by timers (Workers' clock does not advance during CPU work,
 * local workerd enforces no CPU limit). Before a run steps, its cost is estimated from the resolved options:
 *
 *   NLSE / KG:  ms ≈ 1e-6 · (c_method · points · steps + c_frame · points · frames)
 *   school:     ms ≈ 1e-6 · (c_step · fish · (fish − 1) · steps + c_metrics · fish² · frames)
 *
 * with the constants in ns measured by `node bench/server-costs.mjs` (docs/server.md, "Budget"; the stage count of
 * each method is folded into its c_method, and the school's neighbour count is bounded by fish − 1 — a compact
 * school). Fixed-step runs know their steps exactly; adaptive runs (NLSE dop853/rk45, legacy KG's adaptive Δt) do
 * not, so their `maxSteps` is capped at what the budget allows (the run then ends with status "budget" —
 * deterministically, at the same step on every runtime). Above the budget the request is refused with 422 naming the
 * option to lower and its largest allowed value. A per-response cap on frames and bytes bounds memory and output.
 */

/** ns per point·step of each NLSE method (stages folded in), and per point·snapshot of the diagnostics. */
export const NLSE_COST: Record<string, number> = { strang: 25, yoshida4: 70, yoshida6: 120, kahanli6: 150, etdrk4: 100, dop853: 200, rk45: 90, snapshot: 50 };
/** ns per point·step of each KG method (velocity Verlet with Neumann ends, through the DCT-I: verlet_neumann), and per point·frame. */
export const KG_COST: Record<string, number> = { verlet: 15, verlet_neumann: 70, strang_exact: 15, yoshida4: 45, yoshida6: 100, kahanli6: 130, legacy: 12, frame: 60 };
/** ns per fish·(fish − 1)·step of the school update; per fish²·frame of the metrics (with / without entropies). */
export const SCHOOL_COST = { step: 18, metrics: 4, entropy: 16 };

/** Limits of one request: estimated CPU milliseconds, stored frames and response bytes. */
export interface Budget {
  /** Largest estimated CPU time of one run, in milliseconds (the constants above). */
  ms: number;
  /** Largest number of stored frames (snapshots) one response may carry. */
  maxFrames: number;
  /** Largest estimated response size in bytes (NDJSON/NetCDF frames dominate). */
  maxBytes: number;
  /** Largest grid (NLSE numPoints, KG nx), checked before anything is allocated (WASM memory never shrinks). */
  maxPoints: number;
  /** Largest school (nFish), checked before anything is allocated. */
  maxFish: number;
}

/**
 * Budget presets: `paid` for a Workers paid plan (30 s CPU per request; 20 s of estimated work leaves room for the
 * estimate's spread and the encoding), `free` for the free plan (10 ms CPU: FFT-sized and tiny runs).
 *
 * @example
 * createApp({ budget: BUDGETS.free });
 */
export const BUDGETS: Record<"paid" | "free", Budget> = {
  paid: { ms: 20_000, maxFrames: 5000, maxBytes: 48 << 20, maxPoints: 1 << 18, maxFish: 20_000 },
  free: { ms: 8, maxFrames: 200, maxBytes: 1 << 20, maxPoints: 4096, maxFish: 500 },
};

/** A request refused by the budget: the option to change and its largest allowed value. */
export class BudgetError extends Error {
  /** The option to lower. */
  readonly option: string;
  /** Its largest value within the budget (null when no value fits: lower another option). */
  readonly largestAllowed: number | null;
  /** The estimate that was refused (ms or frames or bytes). */
  readonly estimate: number;
  /** The limit it exceeded. */
  readonly limit: number;
  constructor(message: string, option: string, largestAllowed: number | null, estimate: number, limit: number) {
    super(message);
    this.option = option; this.largestAllowed = largestAllowed; this.estimate = estimate; this.limit = limit;
  }
}

/** What a run will cost: estimated ms, frames, response bytes per frame, and the step cap for adaptive runs. */
export interface Estimate {
  /** Estimated CPU milliseconds (an upper bound for adaptive runs: at the step cap). */
  ms: number;
  /** Stored frames. */
  frames: number;
  /** Bytes of one frame's payload (8 per double). */
  frameBytes: number;
  /** Adaptive runs: the largest maxSteps the budget allows (set on the run when the request gives none). */
  stepCap: number | null;
}

const ceilSteps = (interval: number, dt: number) => Math.max(1, Math.ceil(interval / dt - 1e-9));
const round = (v: number, digits = 4) => Number(v.toPrecision(digits));
/** v rounded down to `digits` significant digits (a largest allowed value must stay allowed). */
function floorDigits(v: number, digits: number): number {
  if (!(v > 0)) return 0;
  const e = 10 ** (Math.floor(Math.log10(v)) - digits + 1);
  const r = Math.floor(v / e + 1e-9) * e;
  return Number(r.toPrecision(digits));
}

/** Resolved NLSE options as the estimate reads them. */
export interface NlseShape { N: number; method: string; tFinal: number; tStart: number; nSnapshots: number; dt: number; maxStep: number; maxSteps: number }
/** Resolved KG options as the estimate reads them. */
export interface KgShape { nx: number; method: string; legacy: boolean; boundary: string; tFinal: number; dt: number; nFrames: number; maxSteps: number }
/** Resolved school options as the estimate reads them. */
export interface SchoolShape { nFish: number; nSteps: number; saveInterval: number; computeEntropy: boolean }

/**
 * Estimates an NLSE run and checks it against `b`; throws BudgetError naming tFinal / numPoints / maxSteps / nSnapshots.
 *
 * @example
 * estimateNlse({ N: 512, method: "strang", tFinal: 1, tStart: 0, nSnapshots: 11, dt: 1e-3, maxStep: Infinity, maxSteps: 1e6 }, BUDGETS.paid, false);
 */
export function estimateNlse(r: NlseShape, b: Budget, maxStepsGiven: boolean): Estimate {
  const frames = r.nSnapshots, frameBytes = 16 * r.N;
  checkFrames(frames, frameBytes, b, "nSnapshots");
  const snapMs = 1e-6 * NLSE_COST.snapshot * r.N * frames;
  const perStep = 1e-6 * (NLSE_COST[r.method] ?? NLSE_COST.dop853) * r.N;
  if (r.method === "dop853" || r.method === "rk45") {
    const cap = Math.floor((b.ms - snapMs) / perStep);
    const least = Number.isFinite(r.maxStep) ? Math.ceil(r.tFinal / r.maxStep) : 1;   // maxStep forces at least this many
    if (cap < Math.max(1, least)) {
      throw new BudgetError(`the run needs at least ${least} steps of ${r.method} on ${r.N} points (maxStep ${r.maxStep}), about ${round(snapMs + least * perStep)} ms of work, above the budget of ${b.ms} ms; lower numPoints (largest allowed about ${Math.max(0, Math.floor(r.N * b.ms / (snapMs + least * perStep)))}) or tFinal`, "numPoints", Math.floor(r.N * b.ms / (snapMs + least * perStep)) >= 8 ? Math.floor(r.N * b.ms / (snapMs + least * perStep)) : null, snapMs + least * perStep, b.ms);
    }
    if (maxStepsGiven && r.maxSteps > cap) {
      throw new BudgetError(`maxSteps = ${r.maxSteps} allows about ${round(snapMs + r.maxSteps * perStep)} ms of work, above the budget of ${b.ms} ms; the largest allowed maxSteps is ${cap} (or leave maxSteps out: the server then caps it)`, "maxSteps", cap, snapMs + r.maxSteps * perStep, b.ms);
    }
    const steps = Math.min(maxStepsGiven ? r.maxSteps : cap, cap);
    return { ms: snapMs + steps * perStep, frames, frameBytes, stepCap: maxStepsGiven ? null : cap };
  }
  const interval = r.tFinal / (frames - 1), steps = (frames - 1) * ceilSteps(interval, r.dt);
  const ms = snapMs + Math.min(steps, r.maxSteps) * perStep;
  if (ms > b.ms) {
    // the largest tFinal at the same dt and snapshot count: whole steps per snapshot interval within the budget
    const largest = floorDigits(Math.floor(Math.floor((b.ms - snapMs) / perStep) / (frames - 1)) * (frames - 1) * r.dt, 3);
    throw new BudgetError(`the run takes ${steps} steps of ${r.method} on ${r.N} points, about ${round(ms)} ms of work, above the budget of ${b.ms} ms; lower tFinal (largest allowed about ${largest} at dt = ${r.dt}) or numPoints, or raise dt`, "tFinal", largest > 0 ? largest : null, ms, b.ms);
  }
  return { ms, frames, frameBytes, stepCap: null };
}

/**
 * Estimates a Klein–Gordon run; throws BudgetError naming tFinal / nx / maxSteps / nFrames.
 *
 * @example
 * estimateKg({ nx: 512, method: "verlet", legacy: false, boundary: "periodic", tFinal: 10, dt: 0.01, nFrames: 10, maxSteps: 1e6 }, BUDGETS.paid, false);
 */
export function estimateKg(r: KgShape, b: Budget, maxStepsGiven: boolean): Estimate {
  const frames = r.nFrames + 1, frameBytes = 16 * r.nx;
  checkFrames(frames, frameBytes, b, "nFrames");
  const frameMs = 1e-6 * KG_COST.frame * r.nx * frames;
  const key = r.method === "verlet" && r.boundary === "neumann" && !r.legacy ? "verlet_neumann" : r.method;
  const perStep = 1e-6 * (KG_COST[key] ?? KG_COST.verlet_neumann) * r.nx;
  if (r.legacy) {   // the seed's adaptive Δt may shrink the step: bound by maxSteps
    const cap = Math.floor((b.ms - frameMs) / perStep);
    if (cap < r.nFrames) throw new BudgetError(`legacy runs of ${r.nx} points allow only ${Math.max(0, cap)} steps within the budget of ${b.ms} ms; lower nx or nFrames`, "nx", null, frameMs + r.nFrames * perStep, b.ms);
    if (maxStepsGiven && r.maxSteps > cap) throw new BudgetError(`maxSteps = ${r.maxSteps} allows about ${round(frameMs + r.maxSteps * perStep)} ms of work, above the budget of ${b.ms} ms; the largest allowed maxSteps is ${cap} (or leave maxSteps out: the server then caps it)`, "maxSteps", cap, frameMs + r.maxSteps * perStep, b.ms);
    const steps = maxStepsGiven ? r.maxSteps : cap;
    return { ms: frameMs + steps * perStep, frames, frameBytes, stepCap: maxStepsGiven ? null : cap };
  }
  const steps = r.nFrames * ceilSteps(r.tFinal / r.nFrames, r.dt);
  const ms = frameMs + Math.min(steps, r.maxSteps) * perStep;
  if (ms > b.ms) {
    const largest = floorDigits(Math.floor(Math.floor((b.ms - frameMs) / perStep) / r.nFrames) * r.nFrames * r.dt, 3);
    throw new BudgetError(`the run takes ${steps} steps of ${r.method} on ${r.nx} points, about ${round(ms)} ms of work, above the budget of ${b.ms} ms; lower tFinal (largest allowed about ${largest} at dt = ${r.dt}) or nx, or raise dt`, "tFinal", largest > 0 ? largest : null, ms, b.ms);
  }
  return { ms, frames, frameBytes, stepCap: null };
}

/**
 * Estimates a school run; throws BudgetError naming nSteps (or nFish) / saveInterval.
 *
 * @example
 * estimateSchool({ nFish: 50, nSteps: 100, saveInterval: 10, computeEntropy: false }, BUDGETS.paid);
 */
export function estimateSchool(r: SchoolShape, b: Budget): Estimate {
  const frames = Math.floor(r.nSteps / r.saveInterval) + 1, frameBytes = 48 * r.nFish + 8 * 12;
  checkFrames(frames, frameBytes, b, "nSteps", r.saveInterval);
  const n = r.nFish, perStep = 1e-6 * SCHOOL_COST.step * n * (n - 1);
  const perFrame = 1e-6 * (r.computeEntropy ? SCHOOL_COST.entropy : SCHOOL_COST.metrics) * n * n;
  const ms = r.nSteps * perStep + frames * perFrame;
  if (ms > b.ms) {
    const largest = Math.floor((b.ms - perFrame) / (perStep + perFrame / r.saveInterval));
    throw new BudgetError(`${n} fish over ${r.nSteps} steps (${frames} frames${r.computeEntropy ? " with entropies" : ""}) is about ${round(ms)} ms of work, above the budget of ${b.ms} ms; lower nSteps (largest allowed about ${Math.max(0, largest)}) or nFish${r.computeEntropy ? ", or set computeEntropy: false" : ""}`, largest >= 1 ? "nSteps" : "nFish", largest >= 1 ? largest : null, ms, b.ms);
  }
  return { ms, frames, frameBytes, stepCap: null };
}

/** The per-response cap: frames ≤ maxFrames and frames·frameBytes ≤ maxBytes. */
function checkFrames(frames: number, frameBytes: number, b: Budget, option: string, saveInterval = 1): void {
  const byBytes = Math.floor(b.maxBytes / frameBytes), most = Math.min(b.maxFrames, byBytes);
  if (frames <= most) return;
  const largest = option === "nFrames" ? most - 1 : most;
  if (option === "nSteps") {
    const steps = (most - 1) * saveInterval;
    throw new BudgetError(`${frames} frames of ${frameBytes} bytes exceed the per-response cap of ${b.maxFrames} frames and ${b.maxBytes} bytes; lower nSteps (largest allowed ${steps} at saveInterval ${saveInterval}) or raise saveInterval`, "nSteps", steps >= 1 ? steps : null, frames, most);
  }
  throw new BudgetError(`${option} = ${option === "nFrames" ? frames - 1 : frames} exceeds the per-response cap of ${b.maxFrames} frames and ${b.maxBytes} bytes (${frameBytes} bytes per frame); the largest allowed ${option} is ${largest}`, option, largest >= 1 ? largest : null, frames, most);
}

/**
 * Size caps checked on the raw options before the library allocates anything: `numPoints`/`nx` ≤ maxPoints,
 * `nFish` ≤ maxFish (values that are not numbers are left to the library's own checks).
 *
 * @example
 * checkSize({ numPoints: 1 << 20 }, BUDGETS.free);   // throws BudgetError naming numPoints, largest 4096
 */
export function checkSize(o: Record<string, unknown>, b: Budget): void {
  for (const [k, cap] of [["numPoints", b.maxPoints], ["nx", b.maxPoints], ["nFish", b.maxFish]] as const) {
    const v = o[k];
    if (typeof v === "number" && v > cap) throw new BudgetError(`${k} = ${v} is above this server's limit of ${cap} (its memory budget); the largest allowed ${k} is ${cap}`, k, cap, v, cap);
  }
}
