// Neighbour-search benchmark (performance-anchors.md §4): uniform points in the unit box (open space), radius
// r calibrated to ~10 neighbours each; times include building the grid/tree. Same process, round robin, median:
//   samudra  neighbors.grid(...).pairsInto / knnInto (WASM cell grid)
//   JS grid  a plain-JS uniform cell grid (counting sort, SoA reorder, half-shell stencil) — the anchors' peer —
//            writing the pairs into Int32Arrays like every other method (also timed counting only)
//   static-kdtree build + rnn per point (pairs) / knn(p, 5) (Euclidean only)
//   brute    plain JS all pairs (N ≤ 1000)
// and scipy's cKDTree in a separate python3 process on the same points (query_pairs; query(k=5, p=inf)).
// Run: npm run bench:neighbors
import os from "node:os";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { init, neighbors } from "../dist/index.js";

const require = createRequire(import.meta.url);
const kdtree = require("static-kdtree");
await init();
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };

function points(n, seed) {
  let s = seed >>> 0;
  const p = new Float64Array(3 * n);
  for (let i = 0; i < p.length; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; p[i] = s / 2 ** 32; }
  return p;
}

/**
 * The plain-JS cell grid of the anchors, producing the pairs (i, j) into preallocated Int32Arrays as samudra's
 * pairsInto and cKDTree's query_pairs do (`countOnly` skips the writes); returns the number of pairs within r.
 */
const JI = new Int32Array(1 << 20), JJ = new Int32Array(1 << 20);
function jsGridPairs(p, r, countOnly = false) {
  const n = p.length / 3, nc = Math.max(1, Math.floor(1 / r)), cs = 1 / nc, cells = nc * nc * nc;
  const cellOf = new Int32Array(n), start = new Int32Array(cells + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nc - 1, Math.floor(p[3 * i] / cs)), cy = Math.min(nc - 1, Math.floor(p[3 * i + 1] / cs)), cz = Math.min(nc - 1, Math.floor(p[3 * i + 2] / cs));
    const c = cx + nc * (cy + nc * cz); cellOf[i] = c; start[c + 1]++;
  }
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cells), xs = new Float64Array(n), ys = new Float64Array(n), zs = new Float64Array(n), id = new Int32Array(n);
  for (let i = 0; i < n; i++) { const s = fill[cellOf[i]]++; xs[s] = p[3 * i]; ys[s] = p[3 * i + 1]; zs[s] = p[3 * i + 2]; id[s] = i; }
  const r2 = r * r;
  let count = 0;
  for (let cz = 0; cz < nc; cz++) for (let cy = 0; cy < nc; cy++) for (let cx = 0; cx < nc; cx++) {
    const c = cx + nc * (cy + nc * cz), a0 = start[c], a1 = start[c + 1];
    for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const key = dx + 3 * (dy + 3 * dz);
      if (key < 0) continue;
      const x = cx + dx, y = cy + dy, z = cz + dz;
      if (x < 0 || y < 0 || z < 0 || x >= nc || y >= nc || z >= nc) continue;
      const c2 = x + nc * (y + nc * z), b1 = start[c2 + 1];
      for (let a = a0; a < a1; a++) {
        const ax = xs[a], ay = ys[a], az = zs[a];
        for (let b = key === 0 ? a + 1 : start[c2]; b < b1; b++) {
          const ddx = xs[b] - ax, ddy = ys[b] - ay, ddz = zs[b] - az;
          if (ddx * ddx + ddy * ddy + ddz * ddz <= r2) {
            if (!countOnly) { const i = id[a], j = id[b]; JI[count] = i < j ? i : j; JJ[count] = i < j ? j : i; }
            count++;
          }
        }
      }
    }
  }
  return count;
}

function brutePairs(p, r) {
  const n = p.length / 3, r2 = r * r;
  let c = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
    const dx = p[3 * j] - p[3 * i], dy = p[3 * j + 1] - p[3 * i + 1], dz = p[3 * j + 2] - p[3 * i + 2];
    if (dx * dx + dy * dy + dz * dz <= r2) c++;
  }
  return c;
}

function kdPairs(p, r) {
  const n = p.length / 3, pts = Array.from({ length: n }, (_, i) => [p[3 * i], p[3 * i + 1], p[3 * i + 2]]);
  const t = kdtree(pts);
  let c = 0;
  for (let i = 0; i < n; i++) t.rnn(pts[i], r, (j) => { if (j > i) c++; });
  t.dispose();
  return c;
}

function kdKnn(p, k) {
  const n = p.length / 3, pts = Array.from({ length: n }, (_, i) => [p[3 * i], p[3 * i + 1], p[3 * i + 2]]);
  const t = kdtree(pts);
  let s = 0;
  for (let i = 0; i < n; i++) s += t.knn(pts[i], k + 1).length;
  t.dispose();
  return s;
}

const RADIUS = { 250: 0.2333, 1000: 0.1402, 10000: 0.0637 };
const sizes = (process.env.BENCH_SIZES ?? "250,1000,10000").split(",").map(Number);
const tmp = mkdtempSync(path.join(os.tmpdir(), "samudra-nb-"));
const pyTimes = {};
for (const n of sizes) {
  const p = points(n, 12345 + n);
  const f = path.join(tmp, `p${n}.bin`);
  writeFileSync(f, Buffer.from(p.buffer));
  const code = `
import sys, time, json, numpy as np
from scipy.spatial import cKDTree
p = np.fromfile(sys.argv[1]).reshape(-1, 3); r = float(sys.argv[2])
def med(f, reps):
    t = []
    for _ in range(reps):
        t0 = time.perf_counter(); f(); t.append(time.perf_counter() - t0)
    return sorted(t)[len(t) // 2] * 1e3
pairs = len(cKDTree(p).query_pairs(r, output_type='ndarray'))
print(json.dumps({"pairs": pairs, "qp": med(lambda: cKDTree(p).query_pairs(r, output_type='ndarray'), 15),
  "knn": med(lambda: cKDTree(p).query(p, k=5, p=np.inf), 15)}))`;
  try { pyTimes[n] = JSON.parse(execFileSync("python3", ["-c", code, f, String(RADIUS[n])], { encoding: "utf8" })); } catch { pyTimes[n] = null; }
}
rmSync(tmp, { recursive: true, force: true });

console.log(`\nNeighbour-search benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${os.cpus()[0]?.model ?? "?"}, ${os.cpus().length} cores`);
console.log("Unit box, open space, ~10 neighbours per point; ms per call incl. build, median of ≥ 15 round-robin calls\n");
console.log("| all pairs within r | N | pairs | samudra | JS cell grid | JS grid, count only | static-kdtree | brute JS | cKDTree (python) | vs JS grid | vs cKDTree |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const n of sizes) {
  const p = points(n, 12345 + n), r = RADIUS[n];
  const g = new neighbors.NeighborGrid();
  let I = new Int32Array(8 * n), J = new Int32Array(8 * n), pairs = 0;
  const methods = {
    samudra: () => { g.build(p, { cellSize: r }); pairs = g.pairsInto(r, I, J); return pairs; },
    jsgrid: () => jsGridPairs(p, r),
    jscount: () => jsGridPairs(p, r, true),
    kd: () => kdPairs(p, r),
    brute: n <= 1000 ? () => brutePairs(p, r) : null,
  };
  const counts = {};
  for (const [k, f] of Object.entries(methods)) if (f) counts[k] = f();
  const t = Object.fromEntries(Object.keys(methods).map((k) => [k, []]));
  const reps = n >= 10000 ? 15 : 61;
  for (let rep = 0; rep < reps; rep++) for (const [k, f] of Object.entries(methods)) {
    if (!f || (k === "kd" && rep >= 7) || (k === "brute" && rep >= 15)) continue;
    const t0 = performance.now(); f(); t[k].push(performance.now() - t0);
  }
  g.dispose();
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length ? median(v) : NaN]));
  const same = Object.values(counts).every((c) => c === pairs) && (!pyTimes[n] || pyTimes[n].pairs === pairs);
  const py = pyTimes[n];
  console.log(`| radius | ${n} | ${pairs}${same ? "" : " (counts differ!)"} | ${m.samudra.toFixed(3)} | ${m.jsgrid.toFixed(3)} | ${m.jscount.toFixed(3)} | ${m.kd.toFixed(2)} | ${Number.isFinite(m.brute) ? m.brute.toFixed(2) : "–"} | ${py ? py.qp.toFixed(3) : "n/a"} | ${(m.jsgrid / m.samudra).toFixed(1)}× | ${py ? (py.qp / m.samudra).toFixed(1) + "×" : "–"} |`);
}
console.log("\n| k = 4 nearest (max-norm) | N | samudra | static-kdtree knn(5) (Euclidean) | cKDTree query(k=5, p=inf) (python) | vs static-kdtree | vs cKDTree |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const n of sizes) {
  const p = points(n, 12345 + n), g = new neighbors.NeighborGrid();
  const idx = new Int32Array(4 * n), dist = new Float64Array(4 * n);
  const cell = Math.cbrt(1 / n);       // ~1 point per cell
  const a = [], b = [];
  for (let rep = 0; rep < (n >= 10000 ? 9 : 31); rep++) {
    let t0 = performance.now(); g.build(p, { cellSize: cell }); g.knnInto(4, idx, dist, { metric: "max" }); a.push(performance.now() - t0);
    if (rep < 5) { t0 = performance.now(); kdKnn(p, 4); b.push(performance.now() - t0); }
  }
  g.dispose();
  const py = pyTimes[n];
  console.log(`| kNN | ${n} | ${median(a).toFixed(3)} | ${median(b).toFixed(2)} | ${py ? py.knn.toFixed(3) : "n/a"} | ${(median(b) / median(a)).toFixed(1)}× | ${py ? (py.knn / median(a)).toFixed(1) + "×" : "–"} |`);
}
