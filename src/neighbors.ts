/**
 * Neighbour search in 3-D on a uniform cell grid (WASM): fixed-radius neighbours of a point, all pairs
 * within r, and the k nearest neighbours of every point (Euclidean or max-norm), in a periodic cube
 * (minimum image) or open space. Results are written into caller-owned typed arrays; the grid's WASM
 * buffers are reused, so rebuilding it every step allocates nothing once it has seen the largest input.
 *
 * @example
 * import { init, neighbors } from "samudra";
 * await init();
 * const pts = new Float64Array([0, 0, 0,  0.5, 0, 0,  3, 3, 3]);       // x, y, z interleaved
 * const g = neighbors.grid(pts, { cellSize: 1 });                      // open space
 * const I = new Int32Array(8), J = new Int32Array(8);
 * g.pairsInto(1, I, J);                                                // => 1 (the pair 0–1)
 * g.dispose();
 *
 * Contract: a pair (or neighbour) is reported exactly when its distance computed in f64 — per axis
 * b − a (minimum image d − L when d > L/2, d + L when d < −L/2, as cKDTree), then dx² + dy² + dz² ≤ r² — holds,
 * also when rounding puts the points two cells apart (the kernels scan one cell further for points on a
 * face). kNN ties go to the smaller index whatever the cell size. Periodic coordinates are wrapped exactly
 * (fmod) into [0, box); one that rounds to box counts as 0. Misuse throws (unknown option keys with "did you
 * mean", a disposed grid, a grid from before a later init()); grids never disposed are freed when collected.
 */
import { kernel, currentGeneration } from "./wasm/load.js";
import { memoryBuffer } from "./wasm/memory.js";
import { describe, closestName } from "./validate.js";

/** Where the points live: `box` > 0 is the edge of a periodic cube [0, box)³; omitted or 0 is open space. */
export interface GridOptions {
  /** Smallest cell edge; use the largest radius you will query (> 0). */
  cellSize: number;
  /** Edge of the periodic cube (minimum-image distances), or 0 / omitted for open space. */
  box?: number;
  /** Upper bound on the number of cells (default max(8n, 4096)); cells grow beyond cellSize to respect it. */
  cellLimit?: number;
}

/** k-nearest-neighbour options. */
export interface KnnOptions {
  /** "euclidean" (default) or "max" (Chebyshev max-norm, as KSG entropy estimators use). */
  metric?: "euclidean" | "max";
}

const where = "neighbors";
const GRID_KEYS = ["box", "cellSize", "cellLimit"];
const KNN_KEYS = ["metric"];

function knownKeys(fn: string, what: string, options: object, known: string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new RangeError(`${where}.${fn}: unknown option "${key}" in ${what} — did you mean "${closestName(key, known)}"? (known: ${known.join(", ")})`);
  }
}

/** WASM memory of a grid, shared with the FinalizationRegistry (it must not hold the grid itself). */
interface Held { ptr: number; xyz: number; bufA: number; bufB: number; gen: number }

function release(h: Held): void {
  if (h.ptr === 0 || h.gen !== currentGeneration()) return;   // freed, or the instance is gone
  const k = kernel();
  k.gridFree(h.ptr);
  if (h.xyz) k.free(h.xyz);
  if (h.bufA) { k.free(h.bufA); k.free(h.bufB); }
  h.ptr = 0; h.xyz = 0; h.bufA = 0; h.bufB = 0;
}

// Grids dropped without dispose() are freed when collected (Workers lack FinalizationRegistry: dispose() there)
const registry = typeof FinalizationRegistry === "function" ? new FinalizationRegistry<Held>(release) : null;

function checkPoints(fn: string, points: unknown): Float64Array {
  if (!(points instanceof Float64Array) || points.length % 3 !== 0) {
    throw new TypeError(`${where}.${fn}: points must be a Float64Array of length 3n (x, y, z interleaved), got ${describe(points)}`);
  }
  return points;
}

function positive(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) {
    throw new RangeError(`${where}.${fn}: ${name} must be a finite number > 0, got ${describe(v)}`);
  }
  return v;
}

function checkOut<T extends Int32Array | Float64Array>(fn: string, name: string, v: unknown, ctor: { new (n: number): T; name: string }, min: number, meaning: string): T {
  if (!(v instanceof ctor)) throw new TypeError(`${where}.${fn}: ${name} must be an ${ctor.name} (${meaning}), got ${describe(v)}`);
  if ((v as T).length < min) throw new RangeError(`${where}.${fn}: ${name} must have length ≥ ${min} (${meaning}), got ${(v as T).length}`);
  return v as T;
}

/** A cell grid over a point set; see {@link grid}. Call `dispose()` when done (frees WASM memory). */
export class NeighborGrid {
  private readonly k = kernel();
  private readonly h: Held;                // ptr: the grid; xyz: WASM copy of the points; bufA/B: query outputs
  private xyzCap = 0; private bufCap = 0;
  private n = 0;
  private box = 0;
  private cell = 0;

  constructor() {
    this.h = { ptr: this.k.gridCreate(), xyz: 0, bufA: 0, bufB: 0, gen: currentGeneration() };
    registry?.register(this, this.h, this);
  }
  private get ptr(): number { return this.h.ptr; }

  /**
   * (Re)builds the grid over `points` (Float64Array, 3n, x, y, z interleaved). Allocation happens only when
   * n exceeds every earlier build.
   * @example g.build(positions, { box: 25, cellSize: 10 });
   */
  build(points: Float64Array, options: GridOptions): this {
    this.live("build");
    const pts = checkPoints("build", points);
    if (options === null || typeof options !== "object") throw new TypeError(`${where}.build: options must be { cellSize, box? }, got ${describe(options)}`);
    knownKeys("build", "the grid options", options, GRID_KEYS);
    const cellSize = positive("build", "options.cellSize", options.cellSize);
    const box = options.box ?? 0;
    if (typeof box !== "number" || !(box >= 0) || !Number.isFinite(box)) throw new RangeError(`${where}.build: options.box must be 0 (open space) or the periodic cube's edge > 0, got ${describe(box)}`);
    const limit = options.cellLimit ?? 0;
    if (!Number.isInteger(limit) || limit < 0 || limit > 2 ** 31 - 1) throw new RangeError(`${where}.build: options.cellLimit must be an integer 0 ≤ cellLimit ≤ 2³¹ − 1 (0: the default max(8n, 4096)), got ${describe(limit)}`);
    const n = pts.length / 3, k = this.k, h = this.h;
    if (n > this.xyzCap) {
      if (h.xyz) k.free(h.xyz);
      h.xyz = 0;
      h.xyz = k.alloc(24 * Math.max(n, 16)); this.xyzCap = Math.max(n, 16);
    }
    new Float64Array(memoryBuffer(), h.xyz, 3 * n).set(pts);
    const status = k.gridBuild(h.ptr, h.xyz, n, box, cellSize, limit);
    if (status === -2) {
      this.n = 0;
      throw new RangeError(`${where}.build: the points span more than the largest double (extent overflows to Infinity, e.g. −1e308 … 1e308); shift or scale them to a smaller range`);
    }
    if (status < 0) {
      this.n = 0;
      const i = pts.findIndex((v) => !Number.isFinite(v));
      throw new RangeError(`${where}.build: points[${i}] = ${pts[i]} is not finite; every coordinate must be a finite number`);
    }
    this.n = n; this.box = box; this.cell = k.gridCellSize(this.ptr);
    return this;
  }

  /** Number of points in the last build. */
  get size(): number { this.live("size"); return this.n; }
  /** Actual cell edge (≥ the requested cellSize). */
  get cellSize(): number { this.live("cellSize"); return this.cell; }
  /** Cells per axis [nx, ny, nz]. */
  get shape(): [number, number, number] { this.live("shape"); return [this.k.gridInfo(this.ptr, 0), this.k.gridInfo(this.ptr, 1), this.k.gridInfo(this.ptr, 2)]; }

  private get bufA(): number { return this.h.bufA; }
  private get bufB(): number { return this.h.bufB; }

  private scratch(count: number): void {
    if (count <= this.bufCap) return;
    const k = this.k, h = this.h;
    if (h.bufA) { k.free(h.bufA); k.free(h.bufB); h.bufA = 0; h.bufB = 0; }
    const c = Math.max(count, 64);
    h.bufA = k.alloc(4 * c); h.bufB = k.alloc(8 * c); this.bufCap = c;
  }

  private checkRadius(fn: string, r: unknown): number {
    const rr = positive(fn, "r", r);
    if (rr > this.cell) throw new RangeError(`${where}.${fn}: r = ${rr} exceeds the grid's cell size ${this.cell}; build the grid with cellSize ≥ ${rr}`);
    if (this.box > 0 && rr > this.box / 2) throw new RangeError(`${where}.${fn}: r = ${rr} exceeds half the periodic box (${this.box / 2}); minimum-image distances need r ≤ box/2`);
    return rr;
  }

  /**
   * Indices of the points within distance r (≤) of `point` ([x, y, z]) → `out`; squared distances → `outD2`
   * if given. Returns the number found; if it exceeds out.length only the first out.length were written.
   * @example const count = g.radiusInto([1, 2, 3], 0.5, idx);
   */
  radiusInto(point: ArrayLike<number>, r: number, out: Int32Array, outD2?: Float64Array): number {
    this.live("radiusInto");
    const rr = this.checkRadius("radiusInto", r);
    if (point == null || point.length !== 3 || ![0, 1, 2].every((i) => Number.isFinite(point[i]))) throw new TypeError(`${where}.radiusInto: point must be [x, y, z] of finite numbers, got ${describe(point)}`);
    checkOut("radiusInto", "out", out, Int32Array, 0, "neighbour indices");
    if (outD2 !== undefined) checkOut("radiusInto", "outD2", outD2, Float64Array, out.length, "squared distances, as long as out");
    const cap = out.length;
    this.scratch(cap);
    const count = this.k.gridRadius(this.ptr, point[0], point[1], point[2], rr, this.bufA, outD2 ? this.bufB : 0, cap);
    const m = Math.min(count, cap), buf = memoryBuffer();
    out.set(new Int32Array(buf, this.bufA, m));
    if (outD2) outD2.set(new Float64Array(buf, this.bufB, m));
    return count;
  }

  /**
   * Every pair (I[p], J[p]) with I < J and distance ≤ r. Returns the number of pairs; if it exceeds the
   * arrays' length only that many were written (call again with larger arrays).
   * @example const np = g.pairsInto(0.14, I, J);
   */
  pairsInto(r: number, outI: Int32Array, outJ: Int32Array): number {
    this.live("pairsInto");
    const rr = this.checkRadius("pairsInto", r);
    checkOut("pairsInto", "outI", outI, Int32Array, 0, "first index of each pair");
    checkOut("pairsInto", "outJ", outJ, Int32Array, outI.length, "second index, as long as outI");
    const cap = outI.length;
    this.scratch(cap);
    const bJ = this.bufB;   // the f64 buffer has room for cap int32s
    const count = this.k.gridPairs(this.ptr, rr, this.bufA, bJ, cap);
    const m = Math.min(count, cap), buf = memoryBuffer();
    outI.set(new Int32Array(buf, this.bufA, m));
    outJ.set(new Int32Array(buf, bJ, m));
    return count;
  }

  /**
   * The k nearest other points of every point: indices → outIdx[i·k + m], distances → outDist[i·k + m],
   * ascending (ties: smaller index first). Returns min(k, n − 1); missing entries are −1 / Infinity.
   * @example g.knnInto(4, idx, dist, { metric: "max" });
   */
  knnInto(k: number, outIdx: Int32Array, outDist: Float64Array, options: KnnOptions = {}): number {
    this.live("knnInto");
    if (!Number.isInteger(k) || k < 1 || k > 64) throw new RangeError(`${where}.knnInto: k must be an integer 1 ≤ k ≤ 64, got ${describe(k)}`);
    if (options === null || typeof options !== "object") throw new TypeError(`${where}.knnInto: options must be an object like { metric: "max" } (or omitted), got ${describe(options)}`);
    knownKeys("knnInto", "the kNN options", options, KNN_KEYS);
    const metric = options.metric ?? "euclidean";
    if (metric !== "euclidean" && metric !== "max") throw new RangeError(`${where}.knnInto: options.metric must be "euclidean" or "max", got ${describe(metric)}`);
    const len = this.n * k;
    checkOut("knnInto", "outIdx", outIdx, Int32Array, len, `n·k = ${len} neighbour indices`);
    checkOut("knnInto", "outDist", outDist, Float64Array, len, `n·k = ${len} distances`);
    this.scratch(len);
    const r = this.k.gridKnn(this.ptr, k, metric === "max" ? 1 : 0, this.bufA, this.bufB);
    const buf = memoryBuffer();
    outIdx.set(new Int32Array(buf, this.bufA, len));
    outDist.set(new Float64Array(buf, this.bufB, len));
    return r;
  }

  /** Frees the grid's WASM memory (idempotent; a grid from before a later init() has nothing left to free). */
  dispose(): void {
    release(this.h);
    this.h.ptr = 0;
    registry?.unregister(this);
  }

  private live(fn: string): void {
    if (!this.h.ptr) throw new Error(`${where}.${fn}: this grid was disposed; create a new one with neighbors.grid()`);
    if (this.h.gen !== currentGeneration()) throw new Error(`${where}.${fn}: this grid belongs to an earlier init(); create a new one with neighbors.grid() after init()`);
  }
}

/**
 * Builds a {@link NeighborGrid} over `points` (Float64Array of length 3n, x, y, z interleaved).
 * @example const g = neighbors.grid(positions, { box: 25, cellSize: 5 });
 */
export function grid(points: Float64Array, options: GridOptions): NeighborGrid {
  const g = new NeighborGrid();
  try { return g.build(points, options); } catch (e) { g.dispose(); throw e; }
}
