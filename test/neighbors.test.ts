// Neighbour search against the brute-force kernel: random periodic and open configurations, points on
// cell boundaries and on the box faces, r close to L/2, tiny and degenerate inputs, and the errors.
import { describe, it, expect, beforeAll } from "vitest";
import { init, neighbors } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";
import { memoryBuffer } from "../src/wasm/memory.js";

/** Deterministic uniform points (LCG) in [lo, hi)³; `snap` rounds to a multiple (exact boundary cases). */
function points(n: number, lo: number, hi: number, seed: number, snap = 0): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(3 * n);
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    let v = lo + ((hi - lo) * s) / 2 ** 32;
    if (snap > 0) v = Math.min(hi - snap, Math.round(v / snap) * snap);
    out[i] = v;
  }
  return out;
}

function brutePairs(pts: Float64Array, box: number, r: number): string[] {
  const k = kernel(), n = pts.length / 3, cap = (n * (n - 1)) / 2 + 1;
  const xyz = k.alloc(8 * pts.length), I = k.alloc(4 * cap), J = k.alloc(4 * cap);
  new Float64Array(memoryBuffer(), xyz, pts.length).set(pts);
  const c = k.brutePairs(xyz, n, box, r, I, J, cap);
  const a = new Int32Array(memoryBuffer(), I, c), b = new Int32Array(memoryBuffer(), J, c);
  const out = Array.from(a, (v, p) => `${v},${b[p]}`);
  k.free(xyz); k.free(I); k.free(J);
  return out.sort();
}

function bruteKnn(pts: Float64Array, box: number, kk: number, maxNorm: boolean): { idx: Int32Array; dist: Float64Array } {
  const k = kernel(), n = pts.length / 3;
  const xyz = k.alloc(8 * pts.length), I = k.alloc(4 * n * kk), D = k.alloc(8 * n * kk);
  new Float64Array(memoryBuffer(), xyz, pts.length).set(pts);
  k.bruteKnn(xyz, n, box, kk, maxNorm ? 1 : 0, I, D);
  const idx = new Int32Array(memoryBuffer(), I, n * kk).slice(), dist = new Float64Array(memoryBuffer(), D, n * kk).slice();
  k.free(xyz); k.free(I); k.free(D);
  return { idx, dist };
}

function gridPairs(pts: Float64Array, box: number, r: number, cellSize = r): string[] {
  const g = neighbors.grid(pts, { box, cellSize });
  const cap = 4;
  let I = new Int32Array(cap), J = new Int32Array(cap);
  let c = g.pairsInto(r, I, J);
  if (c > cap) { I = new Int32Array(c); J = new Int32Array(c); expect(g.pairsInto(r, I, J)).toBe(c); }
  g.dispose();
  const out: string[] = [];
  for (let p = 0; p < c; p++) { expect(I[p]).toBeLessThan(J[p]); out.push(`${I[p]},${J[p]}`); }
  return out.sort();
}

beforeAll(async () => { await init(); });

describe("neighbors: all pairs within r equal brute force", () => {
  const cases: [string, number, number, number, number, number][] = [
    // name, n, box (0 = open), r, cellSize, snap
    ["periodic, many cells", 800, 10, 0.9, 0.9, 0],
    ["periodic, r = L/2 − ε (2 cells)", 200, 4, 1.999, 1.999, 0],
    ["periodic, r = L/2 exactly, snapped points", 150, 4, 2, 2, 0.25],
    ["periodic, 3 cells, snapped onto cell faces", 300, 6, 2, 2, 0.5],
    ["periodic, 1 cell (r > L/3)", 120, 5, 2.4, 2.4, 0],
    ["periodic, cells larger than r", 500, 10, 0.7, 1.6, 0],
    ["open, unit box", 1000, 0, 0.14, 0.14, 0],
    ["open, snapped to the cell edge", 400, 0, 0.5, 0.5, 0.25],
    ["open, cells larger than r", 300, 0, 0.2, 0.55, 0],
  ];
  for (const [name, n, box, r, cell, snap] of cases) {
    it(name, () => {
      const pts = points(n, 0, box || 1 + (snap ? 4 : 0), n * 7 + 1, snap);
      const want = brutePairs(pts, box, r);
      expect(want.length).toBeGreaterThan(0);
      expect(gridPairs(pts, box, r, cell)).toEqual(want);
    });
  }
  it("periodic points given outside [0, L) are wrapped like the brute force", () => {
    const pts = points(300, -12, 22, 99);
    expect(gridPairs(pts, 10, 1.5)).toEqual(brutePairs(pts, 10, 1.5));
  });
  it("empty and single-point sets have no pairs", () => {
    expect(gridPairs(new Float64Array(0), 0, 1)).toEqual([]);
    expect(gridPairs(new Float64Array([1, 2, 3]), 5, 1)).toEqual([]);
  });
});

describe("neighbors: radius query of one point", () => {
  it("finds exactly the points within r, with squared distances (periodic and open)", () => {
    for (const box of [0, 8]) {
      const pts = points(600, 0, box || 8, 5);
      const g = neighbors.grid(pts, { box, cellSize: 1.2 });
      const idx = new Int32Array(600), d2 = new Float64Array(600);
      for (const q of [[0, 0, 0], [7.99, 4, 0.01], [4, 4, 4], [-1, 9, 3]]) {
        const c = g.radiusInto(q, 1.2, idx, d2);
        const want: number[] = [];
        for (let j = 0; j < 600; j++) {
          let s = 0;
          for (let a = 0; a < 3; a++) {
            let d = pts[3 * j + a] - (box ? q[a] - box * Math.floor(q[a] / box) : q[a]);
            if (box) d -= box * Math.round(d / box);
            s += d * d;
          }
          if (s <= 1.44) want.push(j);
        }
        expect(Array.from(idx.subarray(0, c)).sort((a, b) => a - b)).toEqual(want);
        for (let p = 0; p < c; p++) expect(d2[p]).toBeLessThanOrEqual(1.44);
      }
      g.dispose();
    }
  });
  it("reports the full count when the output is too small", () => {
    const pts = points(500, 0, 2, 3);
    const g = neighbors.grid(pts, { cellSize: 1 });
    const small = new Int32Array(3);
    const c = g.radiusInto([1, 1, 1], 1, small);
    expect(c).toBeGreaterThan(3);
    const big = new Int32Array(c);
    expect(g.radiusInto([1, 1, 1], 1, big)).toBe(c);
    expect(Array.from(big.subarray(0, 3))).toEqual(Array.from(small));
    g.dispose();
  });
});

describe("neighbors: k nearest neighbours equal brute force", () => {
  const cases: [string, number, number, number, number][] = [
    ["periodic Euclidean k=2", 700, 12, 1, 2],
    ["periodic max-norm k=4", 700, 12, 1, 4],
    ["periodic, 2 cells per axis, k=5", 90, 10, 5, 5],
    ["open Euclidean k=5 (cells much smaller than the spacing)", 500, 0, 0.02, 5],
    ["open max-norm k=4", 1000, 0, 0.1, 4],
    ["periodic, snapped (many ties), k=6", 300, 4, 0.5, 6],
  ];
  for (const [name, n, box, cell, kk] of cases) {
    it(name, () => {
      const snap = name.includes("snapped") ? 0.5 : 0;
      const pts = points(n, 0, box || 1, n + kk, snap);
      const maxNorm = name.includes("max");
      const want = bruteKnn(pts, box, kk, maxNorm);
      const g = neighbors.grid(pts, { box, cellSize: cell });
      const idx = new Int32Array(n * kk), dist = new Float64Array(n * kk);
      expect(g.knnInto(kk, idx, dist, { metric: maxNorm ? "max" : "euclidean" })).toBe(kk);
      g.dispose();
      expect(dist).toEqual(want.dist);
      expect(idx).toEqual(want.idx);
    });
  }
  it("fewer points than k: −1 and Infinity fill the rest", () => {
    const g = neighbors.grid(new Float64Array([0, 0, 0, 1, 0, 0, 0, 3, 0]), { cellSize: 0.5 });
    const idx = new Int32Array(12), dist = new Float64Array(12);
    expect(g.knnInto(4, idx, dist)).toBe(2);
    expect(Array.from(idx.subarray(0, 4))).toEqual([1, 2, -1, -1]);
    expect(Array.from(dist.subarray(0, 4))).toEqual([1, 3, Infinity, Infinity]);
    g.dispose();
  });
});

describe("neighbors: reuse and errors", () => {
  it("a rebuilt grid gives the same answers as a fresh one and does not grow memory", () => {
    const g = neighbors.grid(points(2000, 0, 10, 1), { box: 10, cellSize: 1 });
    const I = new Int32Array(20000), J = new Int32Array(20000);
    g.pairsInto(1, I, J);
    const before = kernel().memory.buffer.byteLength;
    for (let s = 0; s < 20; s++) g.build(points(2000, 0, 10, s + 2), { box: 10, cellSize: 1 });
    expect(kernel().memory.buffer.byteLength).toBe(before);
    const pts = points(2000, 0, 10, 21);
    const c = g.pairsInto(1, I, J);
    expect(Array.from(I.subarray(0, c), (v, p) => `${v},${J[p]}`).sort()).toEqual(gridPairs(pts, 10, 1));
    g.dispose();
  });
  it("bad input names the option, the value and the fix", () => {
    expect(() => neighbors.grid(new Float64Array(4), { cellSize: 1 })).toThrow(/points must be a Float64Array of length 3n/);
    expect(() => neighbors.grid(new Float64Array([0, NaN, 0]), { cellSize: 1 })).toThrow(/points\[1\] = NaN/);
    expect(() => neighbors.grid(new Float64Array(3), { cellSize: 0 })).toThrow(/options.cellSize must be a finite number > 0, got number 0/);
    expect(() => neighbors.grid(new Float64Array(3), { cellSize: 1, box: -2 })).toThrow(/options.box must be 0/);
    const g = neighbors.grid(points(10, 0, 4, 1), { box: 4, cellSize: 1 });
    expect(() => g.pairsInto(1.5, new Int32Array(4), new Int32Array(4))).toThrow(/r = 1.5 exceeds the grid's cell size 1; build the grid with cellSize ≥ 1.5/);
    expect(() => g.knnInto(0, new Int32Array(4), new Float64Array(4))).toThrow(/k must be an integer 1 ≤ k ≤ 64/);
    expect(() => g.knnInto(2, new Int32Array(4), new Float64Array(20))).toThrow(/outIdx must have length ≥ 20/);
    g.dispose();
    expect(() => g.pairsInto(1, new Int32Array(4), new Int32Array(4))).toThrow(/disposed/);
    const h = neighbors.grid(points(10, 0, 4, 1), { box: 4, cellSize: 3 });
    expect(() => h.pairsInto(2.5, new Int32Array(4), new Int32Array(4))).toThrow(/exceeds half the periodic box/);
    h.dispose();
  });
});
