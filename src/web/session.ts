/**
 * Worker side of `<samudra-sim>`: the contract every model session keeps, and the per-frame accumulator of
 * diagnostics and heatmap rows. A session owns one model run made with the public face (`nlse.create`,
 * `kleinGordon.create`, `school.create`) and advances it frame by frame (protocol.ts defines a frame); `state()`
 * returns copies of exactly what that run holds, so the same options stepped the same frames in Node give the same
 * bits. Interactions that the model cannot apply in place (a bump, a changed option marked "continue") restart the
 * run from the current state through the model's `initialField` option; the frame count and the time axis go on.
 */
import type { ModelName, RunInfo, SimState, ViewData } from "./protocol.js";

/** A simulation the worker drives. */
export interface Session {
  readonly model: ModelName;
  /** Static facts about the run (changes only on restart). */
  info(): RunInfo;
  /** Advances up to `frames` frames, stopping early when `budgetMs` of wall time is spent or the run ends; returns frames done. */
  advance(frames: number, budgetMs: number): number;
  /** What the views need since the previous call (resets the accumulators). */
  view(): ViewData;
  /** Copies of the run's current state. */
  state(): SimState;
  /** A localized bump at x (NLSE: a soliton of amplitude A moving at v; KG: a Gaussian of height A moving at v). Restarts from the current state. */
  bump(x: number, amplitude: number, velocity: number): void;
  /** Applies option changes listed in CONTINUE_KEYS, continuing from the current state (a restart through initialField). */
  continueWith(changes: Record<string, unknown>): void;
  /** School only: moves (or removes) the predator. */
  setPredator(p: { position: [number, number, number]; radius: number } | null): void;
  /** NetCDF bytes of the frames so far (the CLI's file layout). */
  netcdf(): Uint8Array;
  dispose(): void;
}

/** Frames recorded into the in-memory NetCDF file stop beyond this many bytes (the export then holds the first frames). */
export const RECORD_LIMIT_BYTES = 128 * 2 ** 20;

/** Per-frame diagnostics and heatmap rows gathered between two `view()` calls. */
export class Accumulator {
  private times: number[] = [];
  private cols: number[][];
  private rowBuf: Float32Array;
  private nRows = 0;

  constructor(readonly names: string[], readonly heatCols: number) {
    this.cols = names.map(() => []);
    this.rowBuf = new Float32Array(Math.max(1, heatCols) * 8);
  }

  /** Adds one frame's time and diagnostics (in `names` order). */
  push(t: number, values: number[]): void {
    this.times.push(t);
    for (let i = 0; i < this.cols.length; i++) this.cols[i].push(values[i]);
  }

  /** Adds one heatmap row of `heatCols` values sampled from `field` (length n, stride s) through `f`. */
  pushRow(n: number, get: (j: number) => number): void {
    const c = this.heatCols;
    if ((this.nRows + 1) * c > this.rowBuf.length) {
      const b = new Float32Array(this.rowBuf.length * 2);
      b.set(this.rowBuf);
      this.rowBuf = b;
    }
    const off = this.nRows * c;
    for (let i = 0; i < c; i++) this.rowBuf[off + i] = get(Math.min(n - 1, Math.floor(((i + 0.5) * n) / c)));
    this.nRows++;
  }

  /** Takes what was gathered and starts over. */
  take(): { times: Float64Array; diag: Record<string, Float64Array>; rows: Float32Array } {
    const diag: Record<string, Float64Array> = {};
    this.names.forEach((k, i) => { diag[k] = Float64Array.from(this.cols[i]); });
    const out = { times: Float64Array.from(this.times), diag, rows: this.rowBuf.slice(0, this.nRows * this.heatCols) };
    this.times = [];
    this.cols = this.names.map(() => []);
    this.nRows = 0;
    return out;
  }
}

/** Options whose change continues the run from its current state (everything else restarts from frame 0). */
export const CONTINUE_KEYS: Record<ModelName, ReadonlySet<string>> = {
  nlse: new Set(["beta", "gamma", "method", "dt", "rtol", "atol", "maxStep", "filter", "filterAlpha", "filterOrder", "maxSteps"]),
  kg: new Set(["mass", "lambda", "dt", "cfl", "method", "dealias", "spongeWidth", "spongeStrength", "maxSteps"]),
  school: new Set(["speed", "rRepulsion", "rOrientation", "rAttraction", "maxTurn", "turnRate", "noise", "blindAngle",
    "fieldOfPerception", "orientationWeight", "dt", "saveInterval", "maxSteps", "predator", "computeEntropy"]),
};

/**
 * Plain-JSON copy of resolved options (drops functions, signals and typed arrays; a nested `p` record of raw
 * numeric options is flattened in; non-finite numbers become strings).
 * @example plainOptions({ N: 512, maxStep: Infinity, p: { numPoints: 512 } }) // => { N: 512, maxStep: "Infinity", numPoints: 512 }
 */
export function plainOptions(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || ["number", "string", "boolean"].includes(typeof v)) out[k] = typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
    else if (k === "p" && typeof v === "object") Object.assign(out, plainOptions(v));
  }
  return out;
}

/**
 * Error text without a stack, for the element to show.
 * @example messageOf(new RangeError("nlse.create: numPoints must be …")) // => "nlse.create: numPoints must be …"
 */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
