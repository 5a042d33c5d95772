/**
 * A fish school held in WASM memory: create it from options, advance it, read zero-copy views of its state,
 * compute metrics of the current frame, dispose it. `simulate` (index.ts) drives one of these.
 */
import { kernel } from "../../wasm/load.js";
import { memoryBuffer } from "../../wasm/memory.js";
import { Lifetime } from "../../wasm/lifetime.js";
import { describe } from "../../validate.js";
import { resolveSchool, checkPredator, type SchoolOptions, type SchoolResolved, type SchoolPredator } from "./options.js";
import { CHUNK } from "../../limits.js";

/** Names of the 12 per-frame metrics, in the order of the metric arrays and NetCDF variables. */
export const METRIC_KEYS = ["polarization", "rotation", "spread", "orderIndex", "schoolCohesionEntropy", "polarizationEntropy", "depthStratificationEntropy", "angularMomentumEntropy", "nearestNeighborEntropy", "velocityCorrelationEntropy", "schoolShapeEntropy", "oceanicSchoolingIndex"] as const;
/** One of {@link METRIC_KEYS}. */
export type MetricKey = (typeof METRIC_KEYS)[number];
/** The 12 metrics of one frame by name: polarization P, rotation M, spread, order index, seven entropies (nats), OSI. */
export type SchoolMetrics = Record<MetricKey, number>;

const BOUNDARY = { periodic: 0, open: 1, reflect: 2 } as const;

/** The WASM memory of a metrics work space, shared with its Lifetime (which must not hold the work space). */
interface WorkspaceMemory { grid: number; out: number; work: number; cap: number; xyz: number; xyzCap: number }

function freeWorkspace(m: WorkspaceMemory): () => void {
  return () => {
    const k = kernel();
    k.gridFree(m.grid); k.free(m.out);
    if (m.work) k.free(m.work);
    if (m.xyz) k.free(m.xyz);
  };
}

/** Computes metrics with a WASM grid and work space sized for the largest school seen (reused). */
export class MetricsWorkspace {
  private readonly k = kernel();
  private readonly m: WorkspaceMemory = { grid: this.k.gridCreate(), out: this.k.alloc(12 * 8), work: 0, cap: 0, xyz: 0, xyzCap: 0 };
  private readonly life = new Lifetime(this, freeWorkspace(this.m));

  /** Metrics of a state already in WASM memory (pointers to interleaved positions/velocities). */
  atPointers(pos: number, vel: number, n: number, box: number, L: number, legacy: boolean, orderOnly = false): Float64Array {
    this.life.check("school metrics", "create a new run or call school.metrics again");
    const k = this.k, m = this.m;
    if (n > m.cap) {
      if (m.work) { k.free(m.work); m.work = 0; }
      m.work = k.alloc(k.schoolMetricsWorkBytes(n)); m.cap = n;
    }
    k.schoolMetrics(pos, vel, n, box, L, legacy ? 1 : 0, orderOnly ? 1 : 0, m.grid, m.work, m.out);
    return new Float64Array(memoryBuffer(), m.out, 12);
  }

  /** Metrics of JS arrays (copied into WASM memory). */
  of(positions: Float64Array, velocities: Float64Array, box: number, L: number, legacy: boolean): Float64Array {
    const n = positions.length / 3, k = this.k, m = this.m;
    if (n > m.xyzCap) {
      if (m.xyz) { k.free(m.xyz); m.xyz = 0; }
      m.xyz = k.alloc(48 * n); m.xyzCap = n;
    }
    const buf = memoryBuffer();
    new Float64Array(buf, m.xyz, 3 * n).set(positions);
    new Float64Array(buf, m.xyz + 24 * n, 3 * n).set(velocities);
    return this.atPointers(m.xyz, m.xyz + 24 * n, n, box, L, legacy);
  }

  dispose(): void { this.life.release(); }
}

/** The WASM memory of a run (its metrics work space frees itself). */
function freeSchool(m: { ptr: number }): () => void {
  return () => kernel().schoolFree(m.ptr);
}

export function toRecord(v: ArrayLike<number>): SchoolMetrics {
  const r = {} as SchoolMetrics;
  METRIC_KEYS.forEach((key, i) => (r[key] = v[i]));
  return r;
}

/**
 * A school being stepped: state in WASM memory allocated once, `advance(steps)`, metrics of the current state,
 * `dispose()` to free it (or let it be collected).
 *
 * @example
 * const run = school.create({ case: "case1" });
 * run.advance(100);
 * run.metricsArray();
 * run.dispose();
 */
export class SchoolRun {
  /** The options after case defaults and validation. */
  readonly options: SchoolResolved;
  private readonly k = kernel();
  private ptr: number;
  private posPtr: number; private velPtr: number;
  private ws: MetricsWorkspace | null = null;
  private readonly life: Lifetime;

  constructor(private readonly where: string, o: SchoolOptions) {
    const r = (this.options = resolveSchool(where, o));
    // one reflection per step keeps a fish inside the tank only while it moves less than the tank per step
    if (r.boundary === "reflect" && r.speed * r.dt > r.boxSize) {
      throw new RangeError(`${where}: speed = ${r.speed} moves a fish ${r.speed * r.dt} per step (speed·dt), more than the reflecting tank (boxSize = ${r.boxSize}); use speed ≤ ${r.boxSize / r.dt} or a larger boxSize`);
    }
    const k = this.k;
    this.ptr = k.schoolCreate(r.nFish, r.legacy ? 0 : 1, BOUNDARY[r.boundary]);
    // freed by dispose() or, for a run dropped without it, when the run is garbage-collected
    this.life = new Lifetime(this, freeSchool({ ptr: this.ptr }));
    k.schoolSetParams(this.ptr, r.boxSize, r.speed, r.rRepulsion, r.rOrientation, r.rAttraction, r.maxTurn, r.noise, r.blindAngle, r.orientationWeight, r.dt, r.seed);
    const R = r.torusRadius ?? 0.25 * r.boxSize;
    if (r.legacy) {
      if (r.torusInit) k.schoolInitLegacyTorus(this.ptr, r.seed, R);
      else k.schoolInitLegacyRandom(this.ptr, r.seed);
    } else k.schoolInitCounter(this.ptr, r.boundary === "open" ? Math.min(r.boxSize, 2 * r.rAttraction) : r.boxSize, r.torusInit ? R : 0);
    if (r.predator) this.setPredator(r.predator);
    this.posPtr = k.schoolPositions(this.ptr);
    this.velPtr = k.schoolVelocities(this.ptr);
    if (o.initialField !== undefined) this.setState(o.initialField.positions, o.initialField.velocities);   // checked in resolveSchool
  }

  /** Steps taken so far. */
  get step(): number { this.live("step"); return this.k.schoolStepCount(this.ptr); }
  /** Simulated time: steps · dt. */
  get time(): number { return this.step * this.options.dt; }
  /** Interleaved x, y, z of every fish (a view on WASM memory: valid until the next advance/dispose). */
  get positions(): Float64Array { this.live("positions"); return new Float64Array(memoryBuffer(), this.posPtr, 3 * this.options.nFish); }
  /** Interleaved velocity components of every fish (a view on WASM memory: valid until the next advance/dispose). */
  get velocities(): Float64Array { this.live("velocities"); return new Float64Array(memoryBuffer(), this.velPtr, 3 * this.options.nFish); }

  /**
   * Advances `steps` synchronous steps (an integer ≥ 0; run inside WASM in chunks so any count works). A state
   * whose positions stop being finite (or span more than ±1e308) becomes NaN: check `finite`.
   */
  advance(steps: number): void {
    this.live("advance(steps)");
    if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`SchoolRun.advance(steps): steps must be an integer ≥ 0, got ${typeof steps === "number" ? steps : `${typeof steps} ${JSON.stringify(steps)}`}`);
    }
    for (let done = 0; done < steps;) { const c = Math.min(CHUNK, steps - done); this.k.schoolStep(this.ptr, c); done += c; }
  }

  /** True while every position and velocity is finite. */
  get finite(): boolean {
    this.live("finite");
    const n3 = 3 * this.options.nFish;
    return Number.isFinite(this.k.kgMaxAbs(this.posPtr, n3)) && Number.isFinite(this.k.kgMaxAbs(this.velPtr, n3));
  }

  /**
   * The 12 metrics of the current state (legacy or corrected definitions; default: the run's mode), as a view
   * valid until the next call. `orderOnly`: P, M, spread and order index only (the rest NaN; much cheaper).
   */
  metricsArray(legacy = this.options.legacy, orderOnly = false): Float64Array {
    this.live("metricsArray()");
    this.ws ??= new MetricsWorkspace();
    const r = this.options;
    return this.ws.atPointers(this.posPtr, this.velPtr, r.nFish, r.boundary === "periodic" ? r.boxSize : 0, r.boxSize, legacy, orderOnly);
  }

  /**
   * Replaces the state (e.g. to continue a sweep from a previous run's final frame): positions and velocities are
   * arrays of 3·nFish finite numbers (x, y, z interleaved).
   */
  setState(positions: ArrayLike<number>, velocities: ArrayLike<number>): void {
    this.live("setState(positions, velocities)");
    const n3 = 3 * this.options.nFish;
    for (const [name, a] of [["positions", positions], ["velocities", velocities]] as const) {
      if (a === null || typeof a !== "object" || typeof a.length !== "number") throw new TypeError(`SchoolRun.setState: ${name} must be an array of 3·nFish = ${n3} numbers (x, y, z interleaved), got ${describe(a)}`);
      if (a.length !== n3) throw new RangeError(`SchoolRun.setState: ${name} must have 3·nFish = ${n3} numbers (x, y, z interleaved), got ${a.length}`);
      for (let i = 0; i < n3; i++) {
        const v = a[i];
        if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`SchoolRun.setState: ${name}[${i}] must be a finite number, got ${describe(v)}`);
      }
    }
    this.positions.set(positions); this.velocities.set(velocities);
  }

  /**
   * Places the predator the fish flee (`{ position: [x, y, z], radius }`, see SchoolOptions.predator) or removes it
   * (null); from the next step on. Deterministic: the same predator path gives the same run.
   */
  setPredator(predator: SchoolPredator | null): void {
    this.live("setPredator(predator)");
    const p = checkPredator("SchoolRun.setPredator", predator);
    if (p) this.k.schoolSetPredator(this.ptr, 1, p.position[0], p.position[1], p.position[2], p.radius);
    else this.k.schoolSetPredator(this.ptr, 0, 0, 0, 0, 0);
  }

  /** Frees the run's WASM memory now (idempotent); every later use throws. */
  dispose(): void {
    this.life.release();
    this.ws?.dispose();
    this.ptr = 0;
  }

  private live(what: string): void {
    this.life.check(`SchoolRun.${what}`, `create a new one with ${this.where}(options)`);
  }
}
