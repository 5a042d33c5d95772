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
 */
import { kernel } from "./wasm/load.js";
import { memoryBuffer } from "./wasm/memory.js";
import { describe } from "./validate.js";

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
  private ptr: number;
  private xyz = 0; private xyzCap = 0;     // WASM copy of the points
  private bufA = 0; private bufB = 0; private bufCap = 0;   // query outputs
  private n = 0;
  private box = 0;
  private cell = 0;

  constructor() { this.ptr = this.k.gridCreate(); }

  /**
   * (Re)builds the grid over `points` (Float64Array, 3n, x, y, z interleaved). Allocation happens only when
   * n exceeds every earlier build.
   * @example g.build(positions, { box: 25, cellSize: 10 });
   */
  build(points: Float64Array, options: GridOptions): this {
    this.live("build");
    const pts = checkPoints("build", points);
    if (options === null || typeof options !== "object") throw new TypeError(`${where}.build: options must be { cellSize, box? }, got ${describe(options)}`);
    const cellSize = positive("build", "options.cellSize", options.cellSize);
    const box = options.box ?? 0;
    if (typeof box !== "number" || !(box >= 0) || !Number.isFinite(box)) throw new RangeError(`${where}.build: options.box must be 0 (open space) or the periodic cube's edge > 0, got ${describe(box)}`);
    const limit = options.cellLimit ?? 0;
    if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`${where}.build: options.cellLimit must be a non-negative integer, got ${describe(limit)}`);
    const n = pts.length / 3, k = this.k;
    if (n > this.xyzCap) {
      if (this.xyz) k.free(this.xyz);
      this.xyz = k.alloc(24 * Math.max(n, 16)); this.xyzCap = Math.max(n, 16);
    }
    new Float64Array(memoryBuffer(), this.xyz, 3 * n).set(pts);
    if (k.gridBuild(this.ptr, this.xyz, n, box, cellSize, limit) < 0) {
      this.n = 0;
      const i = pts.findIndex((v) => !Number.isFinite(v));
      throw new RangeError(`${where}.build: points[${i}] = ${pts[i]} is not finite; every coordinate must be a finite number`);
    }
    this.n = n; this.box = box; this.cell = k.gridCellSize(this.ptr);
    return this;
  }

  /** Number of points in the last build. */
  get size(): number { return this.n; }
  /** Actual cell edge (≥ the requested cellSize). */
  get cellSize(): number { return this.cell; }
  /** Cells per axis [nx, ny, nz]. */
  get shape(): [number, number, number] { return [this.k.gridInfo(this.ptr, 0), this.k.gridInfo(this.ptr, 1), this.k.gridInfo(this.ptr, 2)]; }

  private scratch(count: number): void {
    if (count <= this.bufCap) return;
    const k = this.k;
    if (this.bufA) { k.free(this.bufA); k.free(this.bufB); }
    const c = Math.max(count, 64);
    this.bufA = k.alloc(4 * c); this.bufB = k.alloc(8 * c); this.bufCap = c;
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

  /** Frees the grid's WASM memory (idempotent). */
  dispose(): void {
    if (!this.ptr) return;
    const k = this.k;
    k.gridFree(this.ptr);
    if (this.xyz) k.free(this.xyz);
    if (this.bufA) { k.free(this.bufA); k.free(this.bufB); }
    this.ptr = 0; this.xyz = 0; this.bufA = 0; this.bufB = 0;
  }

  private live(fn: string): void {
    if (!this.ptr) throw new Error(`${where}.${fn}: this grid was disposed; create a new one with neighbors.grid()`);
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
