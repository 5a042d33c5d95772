// knn.ts — the k nearest neighbours of every point of a Grid (self excluded), Euclidean or max-norm
// (Chebyshev, as KSG-type entropy estimators use). Rings of cells are searched outward from the point's own
// cell (rings 0 and 1 as nine contiguous rows); after ring s every unvisited point is farther than the point's
// distance to the faces of the visited block (faces beyond an open grid's edge do not count), so the search
// stops once the k-th best distance is below that by more than the grid's rounding allowance tau (or the whole
// grid has been seen). Strictly below: a point exactly on the block's far face (a lattice) may tie with the k-th
// and have a smaller index. Ties are broken by the smaller original index, so the result does not depend on
// the grid's cell size.
import { Grid, gi, gsi, gf, gsf, minImageBox, minImageBox2 } from "./grid";

export const KNN_MAX_K: i32 = 64;
const BEST_D: usize = memory.data(KNN_MAX_K * 8);
const BEST_I: usize = memory.data(KNN_MAX_K * 4);

let found: i32 = 0;

/** max(|dx|, |dy|, |dz|) with selects (wasm's f64.max handles NaN/−0 with branches, slow on random data). */
// @ts-ignore: decorator
@inline function cheb(dx: f64, dy: f64, dz: f64): f64 {
  const a = Math.abs(dx), b = Math.abs(dy), c = Math.abs(dz);
  const m = select<f64>(a, b, a > b);
  return select<f64>(m, c, m > c);
}
// (f64x2.pmax(x, y) = x < y ? y : x: equal to cheb's selects for the non-negative, non-NaN values here)

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
    if (per) { dx = minImageBox(dx, L, 0.5 * L); dy = minImageBox(dy, L, 0.5 * L); dz = minImageBox(dz, L, 0.5 * L); }
    const d = maxNorm ? cheb(dx, dy, dz) : dx * dx + dy * dy + dz * dz;
    offer(d, gi(g.order, b), k);
  }
}

/** Offers the slots [b0, b1) (contiguous, excluding a) with a quick reject against the current k-th distance. */
// @ts-ignore: decorator
@inline function scanSlots(g: Grid, b0: i32, b1: i32, a: i32, ax: f64, ay: f64, az: f64, k: i32, maxNorm: bool): void {
  const L = g.L, per = g.periodic != 0, xs = g.xs, ys = g.ys, zs = g.zs;
  let worst = found == k ? gf(BEST_D, k - 1) : Infinity;
  let b = b0;
  if (ASC_FEATURE_SIMD) {
    // two candidates per step; both usually fail the k-th-distance test once the list is full
    const vx = f64x2.splat(ax), vy = f64x2.splat(ay), vz = f64x2.splat(az), vL = f64x2.splat(L), vH = f64x2.splat(0.5 * L), vmH = f64x2.splat(-0.5 * L);
    for (; b + 1 < b1; b += 2) {
      const o = <usize>b << 3;
      let dx = f64x2.sub(v128.load(xs + o), vx), dy = f64x2.sub(v128.load(ys + o), vy), dz = f64x2.sub(v128.load(zs + o), vz);
      if (per) { dx = minImageBox2(dx, vL, vH, vmH); dy = minImageBox2(dy, vL, vH, vmH); dz = minImageBox2(dz, vL, vH, vmH); }
      let d: v128;
      if (maxNorm) {
        const m = f64x2.pmax(f64x2.abs(dx), f64x2.abs(dy));   // pmax: b < a ? a : b, as the scalar select
        d = f64x2.pmax(m, f64x2.abs(dz));
      } else d = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
      if (!i64x2.bitmask(f64x2.le(d, f64x2.splat(worst)))) continue;
      const d0 = f64x2.extract_lane(d, 0), d1 = f64x2.extract_lane(d, 1);
      if (d0 <= worst && b != a) { offer(d0, gi(g.order, b), k); if (found == k) worst = gf(BEST_D, k - 1); }
      if (d1 <= worst && b + 1 != a) { offer(d1, gi(g.order, b + 1), k); if (found == k) worst = gf(BEST_D, k - 1); }
    }
  }
  for (; b < b1; b++) {
    let dx = gf(xs, b) - ax, dy = gf(ys, b) - ay, dz = gf(zs, b) - az;
    if (per) { dx = minImageBox(dx, L, 0.5 * L); dy = minImageBox(dy, L, 0.5 * L); dz = minImageBox(dz, L, 0.5 * L); }
    const d = maxNorm ? cheb(dx, dy, dz) : dx * dx + dy * dy + dz * dz;
    if (d <= worst && b != a) {
      offer(d, gi(g.order, b), k);
      if (found == k) worst = gf(BEST_D, k - 1);
    }
  }
}

// @ts-ignore: decorator
@inline function lo3(g: Grid, x: i32, y: i32, z: i32): i32 { return gi(g.cellStart, x + g.nx * (y + g.ny * z)); }
// @ts-ignore: decorator
@inline function hi3(g: Grid, x: i32, y: i32, z: i32): i32 { return gi(g.cellStart, x + g.nx * (y + g.ny * z) + 1); }

/** Rings 0 and 1 as nine rows of three cells (contiguous slots); open grids or periodic grids with ≥ 3 cells. */
function nearRows(g: Grid, a: i32, cx: i32, cy: i32, cz: i32, ax: f64, ay: f64, az: f64, k: i32, maxNorm: bool): void {
  const nx = g.nx, ny = g.ny, nz = g.nz, per = g.periodic;
  for (let dz = -1; dz <= 1; dz++) {
    let z = cz + dz;
    if (per) z = wrap(z, nz); else if (z < 0 || z >= nz) continue;
    for (let dy = -1; dy <= 1; dy++) {
      let y = cy + dy;
      if (per) y = wrap(y, ny); else if (y < 0 || y >= ny) continue;
      if (per) {
        if (cx == 0) { scanSlots(g, lo3(g, 0, y, z), hi3(g, 1, y, z), a, ax, ay, az, k, maxNorm); scanSlots(g, lo3(g, nx - 1, y, z), hi3(g, nx - 1, y, z), a, ax, ay, az, k, maxNorm); }
        else if (cx == nx - 1) { scanSlots(g, lo3(g, cx - 1, y, z), hi3(g, cx, y, z), a, ax, ay, az, k, maxNorm); scanSlots(g, lo3(g, 0, y, z), hi3(g, 0, y, z), a, ax, ay, az, k, maxNorm); }
        else scanSlots(g, lo3(g, cx - 1, y, z), hi3(g, cx + 1, y, z), a, ax, ay, az, k, maxNorm);
      } else scanSlots(g, lo3(g, max(cx - 1, 0), y, z), hi3(g, min(cx + 1, nx - 1), y, z), a, ax, ay, az, k, maxNorm);
    }
  }
}

/**
 * Distance from the point (coordinate v in cell c of nc along one axis) to the part of that axis not yet
 * covered by rings 0…s: ∞ when both sides are covered (open grid edge, or the periodic window is full).
 */
// @ts-ignore: decorator
@inline function axisGap(g: Grid, v: f64, o: f64, c: i32, nc: i32, s: i32): f64 {
  const per = g.periodic;
  if (per && 2 * s + 1 >= nc) return Infinity;
  const lo = !per && c - s <= 0 ? Infinity : (v - o) - <f64>(c - s) * g.cs;
  const hi = !per && c + s >= nc - 1 ? Infinity : <f64>(c + s + 1) * g.cs - (v - o);
  return min(lo, hi);
}

// @ts-ignore: decorator
@inline function ringBound(g: Grid, cx: i32, cy: i32, cz: i32, ax: f64, ay: f64, az: f64, s: i32): f64 {
  return min(min(axisGap(g, ax, g.ox, cx, g.nx, s), axisGap(g, ay, g.oy, cy, g.ny, s)), axisGap(g, az, g.oz, cz, g.nz, s));
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
  const rows = !per || (nx >= 3 && ny >= 3 && nz >= 3);
  for (let a = 0; a < n; a++) {
    found = 0;
    const c = gi(g.cellOf, a);
    const cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
    const ax = gf(g.xs, a), ay = gf(g.ys, a), az = gf(g.zs, a);
    let s0 = 0;
    if (rows) {
      nearRows(g, a, cx, cy, cz, ax, ay, az, k, maxNorm);
      s0 = 2;
      const bound = ringBound(g, cx, cy, cz, ax, ay, az, 1);
      if (bound == Infinity || (found == k && (maxNorm ? gf(BEST_D, k - 1) : Math.sqrt(gf(BEST_D, k - 1))) < bound - g.tau)) s0 = -1;
    }
    for (let s = s0; s >= 0; s++) {
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
      const bound = ringBound(g, cx, cy, cz, ax, ay, az, s);
      if (bound == Infinity) break;
      if (found == k) {
        const dk = gf(BEST_D, k - 1);
        if ((maxNorm ? dk : Math.sqrt(dk)) < bound - g.tau) break;
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
