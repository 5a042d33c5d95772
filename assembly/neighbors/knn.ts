// knn.ts — the k nearest neighbours of every point of a Grid (self excluded), Euclidean or max-norm
// (Chebyshev, as KSG-type entropy estimators use). Rings of cells are searched outward from the point's own
// cell; after ring s every unvisited point is at least s·cs away, so the search stops once the k-th best
// distance is ≤ s·cs (or the whole grid has been seen). Ties are broken by the smaller original index, so
// the result does not depend on the grid's cell size.
import { Grid, gi, gsi, gf, gsf, minImage } from "./grid";

export const KNN_MAX_K: i32 = 64;
const BEST_D: usize = memory.data(KNN_MAX_K * 8);
const BEST_I: usize = memory.data(KNN_MAX_K * 4);

let found: i32 = 0;

// @ts-ignore: decorator
@inline function wrap(c: i32, nc: i32): i32 { return c < 0 ? c + nc : (c >= nc ? c - nc : c); }

function offer(d: f64, idx: i32, k: i32): void {
  // keep BEST sorted by (d, idx); reject when full and not better than the k-th
  let m = found;
  if (m == k) {
    const dk = gf(BEST_D, k - 1), ik = gi(BEST_I, k - 1);
    if (d > dk || (d == dk && idx > ik)) return;
    m = k - 1;
  } else {
    found++;
  }
  while (m > 0) {
    const dp = gf(BEST_D, m - 1), ip = gi(BEST_I, m - 1);
    if (dp < d || (dp == d && ip < idx)) break;
    gsf(BEST_D, m, dp); gsi(BEST_I, m, ip);
    m--;
  }
  gsf(BEST_D, m, d); gsi(BEST_I, m, idx);
}

function scanCell(g: Grid, c: i32, a: i32, ax: f64, ay: f64, az: f64, k: i32, maxNorm: bool): void {
  const L = g.L, per = g.periodic;
  const e = gi(g.cellStart, c + 1);
  for (let b = gi(g.cellStart, c); b < e; b++) {
    if (b == a) continue;
    let dx = gf(g.xs, b) - ax, dy = gf(g.ys, b) - ay, dz = gf(g.zs, b) - az;
    if (per) { dx = minImage(dx, L); dy = minImage(dy, L); dz = minImage(dz, L); }
    const d = maxNorm ? max(max(Math.abs(dx), Math.abs(dy)), Math.abs(dz)) : dx * dx + dy * dy + dz * dz;
    offer(d, gi(g.order, b), k);
  }
}

// axis offset window: periodic grids reach each residue once ([lo, hi] of length nc), open grids clip
// @ts-ignore: decorator
@inline function axisLo(per: i32, nc: i32, c: i32, s: i32): i32 { return per ? max(-s, -((nc - 1) >> 1)) : max(-s, -c); }
// @ts-ignore: decorator
@inline function axisHi(per: i32, nc: i32, c: i32, s: i32): i32 { return per ? min(s, nc - 1 - ((nc - 1) >> 1)) : min(s, nc - 1 - c); }

/**
 * For each point i: indices of its k nearest other points → outIdx[i·k + m], distances → outDist[i·k + m]
 * (ascending; Euclidean distance, or max-norm when `maxNorm`). Missing neighbours (n − 1 < k) are −1 / ∞.
 * Returns min(k, n − 1). k ≤ 64.
 */
export function gridKnn(p: usize, k: i32, maxNorm: bool, outIdx: usize, outDist: usize): i32 {
  const g = changetype<Grid>(p);
  const n = g.n, per = g.periodic, nx = g.nx, ny = g.ny, nz = g.nz;
  for (let a = 0; a < n; a++) {
    found = 0;
    const c = gi(g.cellOf, a);
    const cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
    const ax = gf(g.xs, a), ay = gf(g.ys, a), az = gf(g.zs, a);
    for (let s = 0; ; s++) {
      const zlo = axisLo(per, nz, cz, s), zhi = axisHi(per, nz, cz, s);
      const ylo = axisLo(per, ny, cy, s), yhi = axisHi(per, ny, cy, s);
      const xlo = axisLo(per, nx, cx, s), xhi = axisHi(per, nx, cx, s);
      let any = false;
      for (let dz = zlo; dz <= zhi; dz++) {
        const zEdge = dz == -s || dz == s;
        const z = per ? wrap(cz + dz, nz) : cz + dz;
        for (let dy = ylo; dy <= yhi; dy++) {
          const yEdge = zEdge || dy == -s || dy == s;
          const y = per ? wrap(cy + dy, ny) : cy + dy;
          const row = nx * (y + ny * z);
          if (yEdge) {
            for (let dx = xlo; dx <= xhi; dx++) {
              any = true;
              scanCell(g, (per ? wrap(cx + dx, nx) : cx + dx) + row, a, ax, ay, az, k, maxNorm);
            }
          } else {
            if (xlo == -s) { any = true; scanCell(g, (per ? wrap(cx - s, nx) : cx - s) + row, a, ax, ay, az, k, maxNorm); }
            if (xhi == s && s != 0) { any = true; scanCell(g, (per ? wrap(cx + s, nx) : cx + s) + row, a, ax, ay, az, k, maxNorm); }
          }
        }
      }
      if (!any) break;  // the rings have covered every cell
      if (found == k) {
        const bound = <f64>s * g.cs;
        const dk = gf(BEST_D, k - 1);
        if ((maxNorm ? dk : Math.sqrt(dk)) <= bound) break;
      }
    }
    const i = gi(g.order, a);
    for (let m = 0; m < k; m++) {
      const o = i * k + m;
      if (m < found) {
        gsi(outIdx, o, gi(BEST_I, m));
        const d = gf(BEST_D, m);
        gsf(outDist, o, maxNorm ? d : Math.sqrt(d));
      } else {
        gsi(outIdx, o, -1);
        gsf(outDist, o, Infinity);
      }
    }
  }
  return min(k, n - 1);
}
