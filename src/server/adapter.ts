/**
 * What the app needs of a model: validate and estimate (`prepare`, before any stepping), then one of the outputs —
 * the library's summary, the NetCDF file the CLI writes (in memory), CSV diagnostics, a figure Scene, or frames one
 * at a time for NDJSON (a generator, so the app can flush each line before computing the next).
 */
import type { Lib, ModelName } from "./lib.js";
import type { Budget, Estimate } from "./budget.js";

/** A Scene of the render layer (what sceneToPng / sceneToSvg take). */
export type Scene = ReturnType<Lib["render"]["heatmapFigure"]>;

/** A validated request: the options handed to the library (the step cap applied) and the estimate. */
export interface Prepared {
  /** Model of the run. */
  model: ModelName;
  /** Options passed to the library: the request's, plus `maxSteps` = the budget's cap for adaptive runs. */
  options: Record<string, unknown>;
  /** The budget estimate (see budget.ts). */
  estimate: Estimate;
}

/** One line of an NDJSON response (before JSON encoding). */
export type Line = Record<string, unknown>;

/** One model behind /v1/{model}/runs. */
export interface Adapter {
  /** URL name of the model. */
  readonly name: ModelName;
  /** What the model solves, one line. */
  readonly title: string;
  /** The library's case names. */
  cases(lib: Lib): readonly string[];
  /** The library's integrator / update-rule names. */
  readonly methods: readonly string[];
  /** Validates through the library (creating and disposing a run: no stepping) and checks the budget. */
  prepare(lib: Lib, options: Record<string, unknown>, budget: Budget): Prepared;
  /** Runs the model and returns the library's summary object. */
  summary(lib: Lib, p: Prepared): object;
  /** Runs the model into the CLI's NetCDF file, in memory. */
  netcdf(lib: Lib, p: Prepared): Uint8Array;
  /** Runs the model and returns the per-frame diagnostics as CSV. */
  csv(lib: Lib, p: Prepared): string;
  /** Runs the model and returns its figure (space-time field, or the school summary). */
  figure(lib: Lib, p: Prepared): Scene;
  /** Steps the model, yielding a "frame" line per stored frame and an "end" line; `stop()` true ends it early. */
  frames(lib: Lib, p: Prepared, stop: () => boolean): Generator<Line>;
}

/**
 * Copies a view into a plain array with non-finite values as null (valid JSON).
 * @example arr(new Float64Array([1, NaN]));   // [1, null]
 */
export function arr(a: ArrayLike<number>): Array<number | null> {
  const out = new Array<number | null>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = Number.isFinite(a[i]) ? a[i] : null;
  return out;
}

/**
 * A number for JSON: non-finite → null.
 * @example num(Infinity);   // null
 */
export function num(v: number): number | null { return Number.isFinite(v) ? v : null; }

/**
 * |z|² of interleaved complex values.
 * @example abs2([3, 4, 0, 1]);   // Float32Array [25, 1]
 */
export function abs2(z: ArrayLike<number>): Float32Array {
  const out = new Float32Array(z.length >> 1);
  for (let j = 0; j < out.length; j++) out[j] = z[2 * j] * z[2 * j] + z[2 * j + 1] * z[2 * j + 1];
  return out;
}

/**
 * The finite range of a field (for a colour scale); [0, 1] when nothing is finite, [lo, lo + 1] when constant.
 * @example range(new Float32Array([2, NaN, 5]));   // { lo: 2, hi: 5 }
 */
export function range(values: Float32Array): { lo: number; hi: number } {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!Number.isFinite(lo)) return { lo: 0, hi: 1 };
  return hi > lo ? { lo, hi } : { lo, hi: lo + 1 };
}

/**
 * Concatenates equal-length rows into one row-major array.
 * @example stack([new Float32Array([1, 2]), new Float32Array([3, 4])], 2);   // Float32Array [1, 2, 3, 4]
 */
export function stack(rows: Float32Array[], cols: number): Float32Array {
  const v = new Float32Array(rows.length * cols);
  rows.forEach((r, i) => v.set(r, i * cols));
  return v;
}
