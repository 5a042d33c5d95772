/**
 * `school` — the 3-D Couzin zone model of fish schools (specs/schooling.md): dewi-kadita's legacy rule and
 * metrics, or Couzin et al. 2002's; a WASM update over a cell grid; the seven entropies and OSI per frame.
 *
 * @example
 * import { init, school } from "samudra";
 * await init();
 * const s = school.simulate({ case: "case3", nSteps: 200 }, ({ index, t, positions }) => {
 *   // positions: Float64Array(3N), x, y, z interleaved, valid during the call
 * });
 * console.log(s.state, s.mean.polarization);
 */
import { SchoolRun, MetricsWorkspace, METRIC_KEYS, toRecord, type SchoolMetrics, type MetricKey } from "./run.js";
import { type SchoolOptions, type SchoolResolved, SCHOOL_CASES, CASE_DEFAULTS } from "./options.js";
import { describe, checkOptions, checkBool } from "../../validate.js";
import { CHUNK, endMessage, type RunStatus } from "../../limits.js";

export { SchoolRun, METRIC_KEYS, SCHOOL_CASES, CASE_DEFAULTS };
export type { SchoolOptions, SchoolResolved, SchoolMetrics, MetricKey };
export type { SchoolCase, SchoolMode, SchoolBoundary, SchoolPredator } from "./options.js";

/**
 * One saved frame, handed to `onFrame`. The arrays are views valid only during the call (copy to keep); each read
 * of `positions`/`velocities` makes a fresh view, so one taken before a call that grows WASM memory (e.g. an
 * analysis function) is re-read rather than kept.
 */
export interface SchoolFrame {
  /** Frame number, 0 = the initial state. */
  index: number;
  /** Simulated time of the frame (step · dt). */
  t: number;
  /** 3·nFish interleaved x, y, z (length units); a view valid during the call. */
  positions: Float64Array;
  /** 3·nFish interleaved velocity components (length per time unit); a view valid during the call. */
  velocities: Float64Array;
  /** The frame's 12 metrics (polarization, rotation, spread and order index always; the rest NaN unless computeEntropy). */
  metrics: SchoolMetrics;
}

/** What `simulate` returns. Statistics follow the seed: mean/std over frames ≥ ⌊frames/2⌋ (population std). */
export interface SchoolSummary {
  /** The options after case defaults and validation. */
  options: SchoolResolved;
  /** Number of stored frames. */
  frames: number;
  /** Time of each frame. */
  time: Float64Array;
  /** Per-frame metric series (length `frames` each). */
  series: Record<MetricKey, Float64Array>;
  /** Metrics of the last frame. */
  final: SchoolMetrics;
  /** Mean of each metric over the second half of the frames. */
  mean: SchoolMetrics;
  /** Population standard deviation over the second half of the frames. */
  std: SchoolMetrics;
  /** Minimum over the second half of the frames. */
  min: SchoolMetrics;
  /** Maximum over the second half of the frames. */
  max: SchoolMetrics;
  /** Class from the second-half means of P and M (see `classify`). */
  state: SchoolState;
  /** The seed CLI's class, from the final P and M. */
  finalState: SchoolState;
  /** Wall-clock seconds spent stepping and computing metrics. */
  seconds: { simulation: number; metrics: number };
  /** "ok", or why the run ended early: "budget" (maxSteps), "aborted" (signal), "non-finite" (frames kept up to the last finite one). */
  status: RunStatus;
  /** "completed", or what stopped the run, where, and the option to change. */
  message: string;
  /** Simulated time reached. */
  tReached: number;
}

/** The seed's collective-state classes (see `classify`). */
export type SchoolState = "Highly Parallel" | "Dynamic Parallel" | "Torus/Milling" | "Transitional" | "Swarm";

/**
 * The seed's state classifier: P > 0.9 highly parallel, > 0.7 dynamic parallel, else M > 0.5 torus, else
 * P > 0.4 or M > 0.3 transitional, else swarm.
 * @example school.classify(0.98, 0.02) // => "Highly Parallel"
 */
export function classify(polarization: number, rotation: number): SchoolState {
  for (const [name, v] of [["polarization", polarization], ["rotation", rotation]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`school.classify(polarization, rotation): ${name} must be a finite number (an order parameter in [0, 1]), got ${describe(v)}`);
  }
  return stateOf(polarization, rotation);
}

function stateOf(polarization: number, rotation: number): SchoolState {
  if (polarization > 0.9) return "Highly Parallel";
  if (polarization > 0.7) return "Dynamic Parallel";
  if (rotation > 0.5) return "Torus/Milling";
  if (polarization > 0.4 || rotation > 0.3) return "Transitional";
  return "Swarm";
}

/**
 * Creates a school you drive yourself (advance/metrics/positions); dispose it when done.
 * @example const run = school.create({ case: "couzin_torus" }); run.advance(100); run.dispose();
 */
export function create(options: SchoolOptions = {}): SchoolRun { return new SchoolRun("school.create", options); }

/**
 * Runs a school and calls `onFrame` for frame 0 and every `saveInterval`-th step. Returns the summary.
 * Memory is O(N + frames) — positions are streamed through `onFrame`, never stored.
 * @example const s = school.simulate({ case: "case1", seed: 7, nSteps: 300 });
 */
export function simulate(options: SchoolOptions = {}, onFrame?: (frame: SchoolFrame) => void): SchoolSummary {
  if (onFrame !== undefined && typeof onFrame !== "function") throw new TypeError(`school.simulate: onFrame must be a function, got ${describe(onFrame)}`);
  const run = new SchoolRun("school.simulate", options);
  try {
    const r = run.options;
    const frames = Math.floor(r.nSteps / r.saveInterval) + 1;
    const time = new Float64Array(frames);
    const series = Object.fromEntries(METRIC_KEYS.map((k) => [k, new Float64Array(frames)])) as Record<MetricKey, Float64Array>;
    let simMs = 0, metMs = 0, count = 0, status: RunStatus = "ok";
    const sig = options.signal;
    outer: for (let f = 0; f < frames; f++) {
      if (f > 0) {
        const t0 = performance.now();
        for (let done = 0; done < r.saveInterval;) {
          if (run.step >= r.maxSteps) { status = "budget"; break; }
          if (sig?.aborted) { status = "aborted"; break; }
          const c = Math.min(CHUNK, r.saveInterval - done, r.maxSteps - run.step);
          run.advance(c); done += c;
        }
        simMs += performance.now() - t0;
        if (status !== "ok") break outer;
        if (!run.finite) { status = "non-finite"; break outer; }
      }
      const t1 = performance.now();
      const m = run.metricsArray(r.legacy, !r.computeEntropy);
      metMs += performance.now() - t1;
      time[f] = run.step * r.dt;
      METRIC_KEYS.forEach((k, i) => (series[k][f] = m[i]));
      count = f + 1;
      if (onFrame) onFrame({ index: f, t: time[f], get positions() { return run.positions; }, get velocities() { return run.velocities; }, metrics: toRecord(METRIC_KEYS.map((k) => series[k][f])) });
    }
    const tReached = run.step * r.dt, lastT = time[count - 1];
    if (count < frames) {
      for (const k of METRIC_KEYS) series[k] = series[k].slice(0, count);
      return summarise(r, count, time.slice(0, count), series, simMs, metMs, status, endMessage(status, status === "non-finite" ? lastT : tReached, r.maxSteps, count === 0), tReached);
    }
    return summarise(r, frames, time, series, simMs, metMs, status, "completed", tReached);
  } finally {
    run.dispose();
  }
}

function summarise(r: SchoolResolved, frames: number, time: Float64Array, series: Record<MetricKey, Float64Array>, simMs: number, metMs: number, status: RunStatus, message: string, tReached: number): SchoolSummary {
  {
    const stat = (fn: (a: Float64Array) => number) => Object.fromEntries(METRIC_KEYS.map((k) => [k, fn(series[k])])) as SchoolMetrics;
    const half = Math.floor(frames / 2);
    const mean = stat((a) => meanOf(a.subarray(half)));
    const out: SchoolSummary = {
      options: r, frames, time, series,
      final: stat((a) => a[frames - 1]), mean, std: stat((a) => stdOf(a.subarray(half))),
      min: stat((a) => a.reduce((x, y) => Math.min(x, y), Infinity)), max: stat((a) => a.reduce((x, y) => Math.max(x, y), -Infinity)),
      state: stateOf(mean.polarization, mean.rotation), finalState: stateOf(series.polarization[frames - 1], series.rotation[frames - 1]),
      seconds: { simulation: simMs / 1000, metrics: metMs / 1000 },
      status, message, tReached,
    };
    return out;
  }
}

function meanOf(a: Float64Array): number { let s = 0; for (const v of a) s += v; return s / a.length; }
function stdOf(a: Float64Array): number { const m = meanOf(a); let s = 0; for (const v of a) s += (v - m) ** 2; return Math.sqrt(s / a.length); }

/** Input of `metrics`: one frame's interleaved positions and velocities (3N each) and the box edge. */
/** Input of `school.metrics`: one frame of a school. */
export interface MetricsInput {
  /** 3N interleaved x, y, z (finite). */
  positions: Float64Array | ArrayLike<number>;
  /** 3N interleaved velocity components (finite, same length as positions). */
  velocities: Float64Array | ArrayLike<number>;
  /** Cube edge L (> 0): the periodic box, or the scale of the spatial metrics. */
  boxSize: number;
}

/**
 * The 12 metrics of one frame. `legacy: true` → dewi-kadita's definitions to round-off (periodic kNN,
 * non-PBC centroid, sin θ weighting, ddof-1 covariance); false (default) → the corrected ones (PBC-aware
 * centroid, signed angular momentum about the mean axis, equal-area heading cells, depth about the centroid).
 * `periodic` (default true) says whether positions live in the periodic cube [0, boxSize)³.
 * @example school.metrics({ positions, velocities, boxSize: 25 }, { legacy: true }).oceanicSchoolingIndex
 */
export function metrics(input: MetricsInput, options: { legacy?: boolean; periodic?: boolean } = {}): SchoolMetrics {
  const where = "school.metrics";
  const opts = checkOptions(where, options, ["legacy", "periodic"]);
  const legacy = checkBool(where, "legacy", opts.legacy, false), periodic = checkBool(where, "periodic", opts.periodic, true);
  if (input === null || typeof input !== "object") throw new TypeError(`${where}: input must be { positions, velocities, boxSize }, got ${describe(input)}`);
  const pos = Float64Array.from(input.positions ?? []), vel = Float64Array.from(input.velocities ?? []);
  if (pos.length === 0 || pos.length % 3 !== 0) throw new RangeError(`${where}: positions must hold 3N numbers (x, y, z interleaved), got ${describe(input.positions)}`);
  if (vel.length !== pos.length) throw new RangeError(`${where}: velocities must have the same length as positions (${pos.length}), got ${describe(input.velocities)}`);
  for (let i = 0; i < pos.length; i++) if (!Number.isFinite(pos[i]) || !Number.isFinite(vel[i])) throw new RangeError(`${where}: positions and velocities must be finite; entry ${i} is ${pos[i]}, ${vel[i]}`);
  const L = input.boxSize;
  if (typeof L !== "number" || !(L > 0) || !Number.isFinite(L)) throw new RangeError(`${where}: boxSize must be a number > 0, got ${describe(L)}`);
  const ws = new MetricsWorkspace();
  try { return toRecord(ws.of(pos, vel, periodic ? L : 0, L, legacy)); } finally { ws.dispose(); }
}

/** One point of a hysteresis sweep. */
/** One point of `school.sweep`. */
export interface SweepPoint {
  /** Orientation radius r_o of this point. */
  rOrientation: number;
  /** Whether r_o was being swept up or back down. */
  direction: "up" | "down";
  /** Second-half mean polarization P (0…1). */
  polarization: number;
  /** Second-half mean rotation M (0…1). */
  rotation: number;
  /** Class from P and M (see `classify`). */
  state: SchoolState;
}

/**
 * Couzin's hysteresis protocol: r_o is swept up through `values` and back down at fixed r_a, each point
 * starting from the previous point's final state and running `nSteps`; P and M are second-half means.
 * @example school.sweep({ case: "couzin_swarm", nSteps: 1000 }, [1.2, 1.6, 2, 3, 5])
 */
export function sweep(options: SchoolOptions, values: number[], onPoint?: (p: SweepPoint) => void): SweepPoint[] {
  const where = "school.sweep";
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "number" && Number.isFinite(v))) throw new TypeError(`${where}: values must be a non-empty array of r_o values, got ${describe(values)}`);
  const order = [...values.map((v) => [v, "up"] as const), ...values.slice(0, -1).reverse().map((v) => [v, "down"] as const)];
  const out: SweepPoint[] = [];
  let pos: Float64Array | null = null, vel: Float64Array | null = null, step = 0;
  for (const [ro, direction] of order) {
    const run = new SchoolRun(where, { ...options, rOrientation: ro, seed: (options.seed ?? CASE_DEFAULTS[options.case ?? "case1"].seed ?? 0) + step });
    try {
      if (pos && vel) run.setState(pos, vel);
      const n = run.options.nSteps, half = Math.floor(n / 2);
      let P = 0, M = 0, c = 0;
      for (let s = 1; s <= n; s++) {
        run.advance(1);
        if (s >= half) { const m = run.metricsArray(run.options.legacy, true); P += m[0]; M += m[1]; c++; }
      }
      pos = run.positions.slice(); vel = run.velocities.slice(); step++;
      const p: SweepPoint = { rOrientation: ro, direction, polarization: P / c, rotation: M / c, state: stateOf(P / c, M / c) };
      out.push(p);
      onPoint?.(p);
    } finally { run.dispose(); }
  }
  return out;
}
