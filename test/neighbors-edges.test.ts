// Neighbour search exact at the edges (issue 15), against scipy's cKDTree (fixtures/make_neighbors_fixtures.py)
// and the brute-force kernels: pairs whose computed distance is exactly r with the points two cells apart,
// coordinates that wrap to exactly L, kNN ties independent of the cell size; and the API's misuse errors.
import { describe, it, expect, beforeAll } from "vitest";
import { readFileSync } from "node:fs";
import { init, neighbors } from "../src/index.js";
import { kernel } from "../src/wasm/load.js";
import { memoryBuffer } from "../src/wasm/memory.js";

const fx = JSON.parse(readFileSync(new URL("./fixtures/neighbors-ckdtree.json", import.meta.url), "utf8")) as {
  pairs: { name: string; box: number; r: number; points: string[]; pairs: [number, number][] }[];
  knn: { name: string; box: number; k: number; points: string[]; max: string[]; euclidean: string[] }[];
};
const f64 = (a: string[]) => Float64Array.from(a, Number);

function pairs(pts: Float64Array, box: number, r: number, cellSize = r): string[] {
  const g = neighbors.grid(pts, { box, cellSize });
  let I = new Int32Array(16), J = new Int32Array(16);
  const c = g.pairsInto(r, I, J);
  if (c > I.length) { I = new Int32Array(c); J = new Int32Array(c); g.pairsInto(r, I, J); }
  g.dispose();
  return Array.from(I.subarray(0, c), (v, p) => `${v},${J[p]}`).sort();
}

function radiusAll(pts: Float64Array, box: number, r: number): string[] {
  const g = neighbors.grid(pts, { box, cellSize: r }), n = pts.length / 3, idx = new Int32Array(n), out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = g.radiusInto([pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]], r, idx);
    for (let m = 0; m < c; m++) if (idx[m] > i) out.push(`${i},${idx[m]}`);
  }
  g.dispose();
  return out.sort();
}

function bruteKnn(pts: Float64Array, box: number, kk: number, maxNorm: boolean): Int32Array {
  const k = kernel(), n = pts.length / 3;
  const xyz = k.alloc(8 * pts.length), I = k.alloc(4 * n * kk), D = k.alloc(8 * n * kk);
  new Float64Array(memoryBuffer(), xyz, pts.length).set(pts);
  k.bruteKnn(xyz, n, box, kk, maxNorm ? 1 : 0, I, D);
  const idx = new Int32Array(memoryBuffer(), I, n * kk).slice();
  k.free(xyz); k.free(I); k.free(D);
  return idx;
}

beforeAll(async () => { await init(); });

describe("neighbors at the edges: pairs equal cKDTree's query_pairs", () => {
  it("a pair at computed distance exactly r = cellSize, two cells apart, is found", () => {
    expect(pairs(new Float64Array([1.9999999999999998, 0, 0, 4, 0, 0]), 8, 2)).toEqual(["0,1"]);
    expect(pairs(new Float64Array([1.9999999999999998, 0, 0, 4, 0, 0]), 0, 2)).toEqual(["0,1"]);
  });
  it("a coordinate that wraps to exactly L is binned into the first cell", () => {
    expect(pairs(new Float64Array([-1e-17, 0, 0, 1, 0, 0]), 6, 1)).toEqual(["0,1"]);
    expect(pairs(new Float64Array([0, -1e-17, 0, 0, 1, 0, 0, 0, 1]), 6, 1)).toEqual(["0,1", "0,2"]);
  });
  for (const c of fx.pairs) {
    it(`${c.name}: ${c.pairs.length} pairs (pairsInto and radiusInto)`, () => {
      const pts = f64(c.points), want = c.pairs.map(([i, j]) => `${i},${j}`).sort();
      expect(pairs(pts, c.box, c.r)).toEqual(want);
      expect(radiusAll(pts, c.box, c.r)).toEqual(want);
      expect(pairs(pts, c.box, c.r, c.r * 1.7)).toEqual(want);   // larger cells: the plain stencil
    });
  }
});

describe("neighbors at the edges: kNN independent of the cell size", () => {
  for (const c of fx.knn) {
    for (const metric of ["max", "euclidean"] as const) {
      it(`${c.name}, k = ${c.k}, ${metric}: indices = brute force (ties → smaller index), distances = cKDTree`, () => {
        const pts = f64(c.points), n = pts.length / 3, want = bruteKnn(pts, c.box, c.k, metric === "max");
        const dist = f64(c[metric]);
        for (const cellSize of [0.3, 0.5, 1, 1.5, 2, 2.9]) {
          if (c.box > 0 && cellSize > c.box / 2) continue;
          const g = neighbors.grid(pts, { box: c.box, cellSize });
          const idx = new Int32Array(n * c.k), d = new Float64Array(n * c.k);
          g.knnInto(c.k, idx, d, { metric });
          g.dispose();
          expect([cellSize, Array.from(idx)]).toEqual([cellSize, Array.from(want)]);
          expect(Array.from(d)).toEqual(Array.from(dist));
        }
      });
    }
  }
});

describe("neighbors at the edges: inputs that trapped the kernel", () => {
  it("cellSize ≤ 1e-20 and points at 1e200 build a usable grid", () => {
    const pts = new Float64Array([0, 0, 0, 0.5, 0, 0, 3, 3, 3]);
    for (const cellSize of [1e-20, 1e-300, 5e-324]) {
      for (const box of [0, 10]) {
        const g = neighbors.grid(pts, { box, cellSize });
        const idx = new Int32Array(6), d = new Float64Array(6);
        g.knnInto(2, idx, d);
        expect(Array.from(idx.subarray(0, 2))).toEqual([1, 2]);
        g.dispose();
      }
    }
    const far = new Float64Array([0, 0, 0, 1, 0, 0, 1e200, 0, 0]);
    const g = neighbors.grid(far, { cellSize: 1 });
    const I = new Int32Array(4), J = new Int32Array(4);
    expect(g.pairsInto(1, I, J)).toBe(1);
    g.build(far, { box: 6, cellSize: 1 });
    const idx = new Int32Array(9), d = new Float64Array(9);
    g.knnInto(2, idx, d);
    const want = bruteKnn(far, 6, 2, false);
    expect(Array.from(idx.subarray(0, 6))).toEqual(Array.from(want));
    g.dispose();
  });
  it("coordinates whose extent overflows get an error naming them", () => {
    expect(() => neighbors.grid(new Float64Array([-1e308, 0, 0, 1e308, 0, 0]), { cellSize: 1 })).toThrow(/extent.*overflow|span/);
  });
});

describe("neighbors: misuse", () => {
  it("unknown option keys say what was meant", () => {
    const pts = new Float64Array([0, 0, 0, 1, 1, 1]);
    expect(() => neighbors.grid(pts, { cellSize: 1, boxSize: 5 } as never)).toThrow(/unknown option "boxSize".*did you mean "box"/);
    const g = neighbors.grid(pts, { cellSize: 1 });
    expect(() => g.knnInto(1, new Int32Array(2), new Float64Array(2), { metrc: "max" } as never)).toThrow(/unknown option "metrc".*did you mean "metric"/);
    expect(() => g.knnInto(1, new Int32Array(2), new Float64Array(2), null as never)).toThrow(/options/);
    g.dispose();
  });
  it("every member of a disposed grid throws", () => {
    const g = neighbors.grid(new Float64Array([0, 0, 0, 1, 1, 1]), { cellSize: 1 });
    g.dispose();
    for (const f of [() => g.shape, () => g.size, () => g.cellSize, () => g.pairsInto(1, new Int32Array(1), new Int32Array(1))]) {
      expect(f).toThrow(/disposed/);
    }
    g.dispose();   // idempotent
  });
  it("a grid made before a later init() throws instead of reading the new instance's memory", async () => {
    const g = neighbors.grid(new Float64Array([0, 0, 0, 0.5, 0, 0]), { cellSize: 1 });
    await init();   // a new instance: the grid's pointers mean nothing there
    expect(() => g.pairsInto(1, new Int32Array(2), new Int32Array(2))).toThrow(/belongs to an earlier init\(\)/);
    expect(() => g.shape).toThrow(/earlier init\(\)/);
    g.dispose();   // no-op: the memory it pointed into is gone
  });
});

describe("neighbors at the edges: SIMD and scalar builds agree bit for bit", () => {
  it("pairs (band pass included) and kNN distances", async () => {
    const run = () => fx.pairs.map((c) => {
      const pts = f64(c.points), g = neighbors.grid(pts, { box: c.box, cellSize: c.r });
      const I = new Int32Array(8000), J = new Int32Array(8000), n = g.pairsInto(c.r, I, J);
      const idx = new Int32Array(4 * pts.length / 3), d = new Float64Array(4 * pts.length / 3);
      g.knnInto(4, idx, d);
      g.dispose();
      return [Array.from(I.subarray(0, n)), Array.from(J.subarray(0, n)), Array.from(idx), Array.from(new Uint32Array(d.buffer))];
    });
    const simd = run();
    await init({ simd: false });
    const scalar = run();
    await init();
    expect(scalar).toEqual(simd);
  });
});
