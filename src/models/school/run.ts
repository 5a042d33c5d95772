/**
 * A fish school held in WASM memory: create it from options, advance it, read zero-copy views of its state,
 * compute metrics of the current frame, dispose it. `simulate` (index.ts) drives one of these.
 */
import { kernel } from "../../wasm/load.js";
import { memoryBuffer } from "../../wasm/memory.js";
import { resolveSchool, type SchoolOptions, type SchoolResolved } from "./options.js";
import { CHUNK } from "../../limits.js";

export const METRIC_KEYS = ["polarization", "rotation", "spread", "orderIndex", "schoolCohesionEntropy", "polarizationEntropy", "depthStratificationEntropy", "angularMomentumEntropy", "nearestNeighborEntropy", "velocityCorrelationEntropy", "schoolShapeEntropy", "oceanicSchoolingIndex"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type SchoolMetrics = Record<MetricKey, number>;

const BOUNDARY = { periodic: 0, open: 1, reflect: 2 } as const;

/** Computes metrics with a WASM grid and work space sized for the largest school seen (reused). */
export class MetricsWorkspace {
  private readonly k = kernel();
  private grid = this.k.gridCreate();
  private work = 0; private cap = 0;
  private xyz = 0; private xyzCap = 0;
  private out = this.k.alloc(12 * 8);

  /** Metrics of a state already in WASM memory (pointers to interleaved positions/velocities). */
  atPointers(pos: number, vel: number, n: number, box: number, L: number, legacy: boolean, orderOnly = false): Float64Array {
    const k = this.k;
    if (n > this.cap) {
      if (this.work) k.free(this.work);
      this.work = k.alloc(k.schoolMetricsWorkBytes(n)); this.cap = n;
    }
    k.schoolMetrics(pos, vel, n, box, L, legacy ? 1 : 0, orderOnly ? 1 : 0, this.grid, this.work, this.out);
    return new Float64Array(memoryBuffer(), this.out, 12);
  }

  /** Metrics of JS arrays (copied into WASM memory). */
  of(positions: Float64Array, velocities: Float64Array, box: number, L: number, legacy: boolean): Float64Array {
    const n = positions.length / 3, k = this.k;
    if (n > this.xyzCap) {
      if (this.xyz) k.free(this.xyz);
      this.xyz = k.alloc(48 * n); this.xyzCap = n;
    }
    const buf = memoryBuffer();
    new Float64Array(buf, this.xyz, 3 * n).set(positions);
    new Float64Array(buf, this.xyz + 24 * n, 3 * n).set(velocities);
    return this.atPointers(this.xyz, this.xyz + 24 * n, n, box, L, legacy);
  }

  dispose(): void {
    const k = this.k;
    if (!this.grid) return;
    k.gridFree(this.grid); k.free(this.out);
    if (this.work) k.free(this.work);
    if (this.xyz) k.free(this.xyz);
    this.grid = 0;
  }
}

export function toRecord(v: ArrayLike<number>): SchoolMetrics {
  const r = {} as SchoolMetrics;
  METRIC_KEYS.forEach((key, i) => (r[key] = v[i]));
  return r;
}

export class SchoolRun {
  readonly options: SchoolResolved;
  private readonly k = kernel();
  private ptr: number;
  private posPtr: number; private velPtr: number;
  private ws: MetricsWorkspace | null = null;

  constructor(where: string, o: SchoolOptions) {
    const r = (this.options = resolveSchool(where, o));
    const k = this.k;
    this.ptr = k.schoolCreate(r.nFish, r.legacy ? 0 : 1, BOUNDARY[r.boundary]);
    k.schoolSetParams(this.ptr, r.boxSize, r.speed, r.rRepulsion, r.rOrientation, r.rAttraction, r.maxTurn, r.noise, r.blindAngle, r.orientationWeight, r.dt, r.seed);
    const R = r.torusRadius ?? 0.25 * r.boxSize;
    if (r.legacy) {
      if (r.torusInit) k.schoolInitLegacyTorus(this.ptr, r.seed, R);
      else k.schoolInitLegacyRandom(this.ptr, r.seed);
    } else k.schoolInitCounter(this.ptr, r.boundary === "open" ? Math.min(r.boxSize, 2 * r.rAttraction) : r.boxSize, r.torusInit ? R : 0);
    this.posPtr = k.schoolPositions(this.ptr);
    this.velPtr = k.schoolVelocities(this.ptr);
  }

  /** Steps taken so far. */
  get step(): number { return this.k.schoolStepCount(this.ptr); }
  get time(): number { return this.step * this.options.dt; }
  /** Interleaved x, y, z of every fish (a view on WASM memory: valid until the next advance/dispose). */
  get positions(): Float64Array { this.live(); return new Float64Array(memoryBuffer(), this.posPtr, 3 * this.options.nFish); }
  get velocities(): Float64Array { this.live(); return new Float64Array(memoryBuffer(), this.velPtr, 3 * this.options.nFish); }

  /** Advances `steps` synchronous steps (an integer ≥ 0; run inside WASM in chunks so any count works). */
  advance(steps: number): void {
    this.live();
    if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`SchoolRun.advance(steps): steps must be an integer ≥ 0, got ${typeof steps === "number" ? steps : `${typeof steps} ${JSON.stringify(steps)}`}`);
    }
    for (let done = 0; done < steps;) { const c = Math.min(CHUNK, steps - done); this.k.schoolStep(this.ptr, c); done += c; }
  }

  /** True while every position and velocity is finite. */
  get finite(): boolean {
    this.live();
    const n3 = 3 * this.options.nFish;
    return Number.isFinite(this.k.kgMaxAbs(this.posPtr, n3)) && Number.isFinite(this.k.kgMaxAbs(this.velPtr, n3));
  }

  /**
   * The 12 metrics of the current state (legacy or corrected definitions; default: the run's mode), as a view
   * valid until the next call. `orderOnly`: P, M, spread and order index only (the rest NaN; much cheaper).
   */
  metricsArray(legacy = this.options.legacy, orderOnly = false): Float64Array {
    this.live();
    this.ws ??= new MetricsWorkspace();
    const r = this.options;
    return this.ws.atPointers(this.posPtr, this.velPtr, r.nFish, r.boundary === "periodic" ? r.boxSize : 0, r.boxSize, legacy, orderOnly);
  }

  /** Replaces the state (e.g. to continue a sweep from a previous run's final frame). */
  setState(positions: Float64Array, velocities: Float64Array): void {
    this.positions.set(positions); this.velocities.set(velocities);
  }

  dispose(): void {
    if (!this.ptr) return;
    this.k.schoolFree(this.ptr);
    this.ws?.dispose();
    this.ptr = 0;
  }

  private live(): void { if (!this.ptr) throw new Error("school: this run was disposed"); }
}
