// radius.ts — fixed-radius queries on a Grid: the neighbours of one point (`gridRadius`) and every pair
// closer than r (`gridPairs`, half-shell stencil: each pair of cells visited once). A point at exactly
// distance r counts (d ≤ r, as scipy's query_pairs). Results go to caller-owned buffers;
// the return value is the full count even when it exceeds the capacity (then only `cap` were written).
// Exact at the edges: when r is within the grid's rounding allowance of the cell edge, points lying on a cell
// face (the grid's band, found on the first such query after a build) also scan the cells two away toward that
// face (see grid.ts).
import { Grid, gi, gsi, gf, gsf, periodicLo, periodicHi, minImageBox, minImageBox2, wrapBox, faceBits, gridBand, slotFaces } from "./grid";

// @ts-ignore: decorator
@inline function wrap(c: i32, nc: i32): i32 { return c < 0 ? c + nc : (c >= nc ? c - nc : c); }

// @ts-ignore: decorator
@inline function cellOf(u: f64, nc: i32): i32 { const c = <i32>Math.floor(u); return c < 0 ? 0 : (c >= nc ? nc - 1 : c); }

/**
 * Offset window along one axis for a point with face bits f (1 low, 2 high): ±1 (periodic: each distinct cell
 * once), widened to −2 / +2 toward a face the point lies on — for periodic axes only when that cell is not
 * already in the window (nc ≥ 4). Open grids clip afterwards.
 */
// @ts-ignore: decorator
@inline function stencilLo(per: i32, nc: i32, f: i32): i32 { return per ? (nc >= 4 && (f & 1) ? -2 : periodicLo(nc)) : -1 - (f & 1); }
// @ts-ignore: decorator
@inline function stencilHi(per: i32, nc: i32, f: i32): i32 { return per ? (nc >= 4 && (f & 2) ? 2 : periodicHi(nc)) : 1 + (f >> 1); }

/**
 * Indices (original numbering) of the points within distance r of (qx, qy, qz), in grid order; their
 * squared distances go to `outD2` when it is non-zero. The query point itself is included if it is one
 * of the points (distance 0). r must not exceed the cell size (build the grid with cellSize ≥ r).
 */
export function gridRadius(p: usize, qx: f64, qy: f64, qz: f64, r: f64, outIdx: usize, outD2: usize, cap: i32): i32 {
  const g = changetype<Grid>(p);
  const L = g.L, per = g.periodic;
  if (per) { qx = wrapBox(qx, L); qy = wrapBox(qy, L); qz = wrapBox(qz, L); }
  const ux = (qx - g.ox) * g.inv, uy = (qy - g.oy) * g.inv, uz = (qz - g.oz) * g.inv;
  const cx = cellOf(ux, g.nx), cy = cellOf(uy, g.ny), cz = cellOf(uz, g.nz);
  const r2 = r * r;
  let count = 0;
  // the query on a face scans two cells toward it when r may reach there by rounding
  const w = r >= g.cs - g.tau ? g.tau * g.inv : -1.0;
  const fx = faceBits(ux, cx, w), fy = faceBits(uy, cy, w), fz = faceBits(uz, cz, w);
  const xlo = stencilLo(per, g.nx, fx), xhi = stencilHi(per, g.nx, fx);
  const ylo = stencilLo(per, g.ny, fy), yhi = stencilHi(per, g.ny, fy);
  const zlo = stencilLo(per, g.nz, fz), zhi = stencilHi(per, g.nz, fz);
  for (let dz = zlo; dz <= zhi; dz++) {
    let z = cz + dz;
    if (per) z = wrap(z, g.nz); else if (z < 0 || z >= g.nz) continue;
    for (let dy = ylo; dy <= yhi; dy++) {
      let y = cy + dy;
      if (per) y = wrap(y, g.ny); else if (y < 0 || y >= g.ny) continue;
      for (let dx = xlo; dx <= xhi; dx++) {
        let x = cx + dx;
        if (per) x = wrap(x, g.nx); else if (x < 0 || x >= g.nx) continue;
        const c = x + g.nx * (y + g.ny * z);
        const e = gi(g.cellStart, c + 1);
        for (let s = gi(g.cellStart, c); s < e; s++) {
          let ddx = gf(g.xs, s) - qx, ddy = gf(g.ys, s) - qy, ddz = gf(g.zs, s) - qz;
          if (per) { ddx = minImageBox(ddx, L, 0.5 * L); ddy = minImageBox(ddy, L, 0.5 * L); ddz = minImageBox(ddz, L, 0.5 * L); }
          const d2 = ddx * ddx + ddy * ddy + ddz * ddz;
          if (d2 <= r2) {
            if (count < cap) {
              gsi(outIdx, count, gi(g.order, s));
              if (outD2) gsf(outD2, count, d2);
            }
            count++;
          }
        }
      }
    }
  }
  return count;
}

// pair output of gridPairs: sorted slots are written without branches (a full buffer writes to a dummy slot),
// then translated to original indices in one pass at the end. The count and the buffers travel as locals
// through the hot loops (wasm globals are memory loads and stores in every iteration); pCount/pCap/pOutI/pOutJ
// hold them for the band pass and finishPairs.
let pCount: i32 = 0, pCap: i32 = 0, pOutI: usize = 0, pOutJ: usize = 0;
const DUMMY: usize = memory.data(8);

/** Writes the pair (a, b) at position cnt (or to the dummy slot when cnt ≥ cap); returns cnt + bit. */
// @ts-ignore: decorator
@inline function emit(cnt: i32, cap: i32, outI: usize, outJ: usize, a: i32, b: i32, bit: i32): i32 {
  const full = cnt >= cap, o = <usize>cnt << 2;
  store<i32>(select<usize>(DUMMY, outI + o, full), a);
  store<i32>(select<usize>(DUMMY + 4, outJ + o, full), b);
  return cnt + bit;
}

// @ts-ignore: decorator
@inline function emitIf(a: i32, b: i32, bit: i32): void { pCount = emit(pCount, pCap, pOutI, pOutJ, a, b, bit); }

/** Pairs of slot a with the slots [b0, b1) (contiguous in the sorted arrays), d ≤ r; returns the new count. */
// @ts-ignore: decorator
@inline function scanRange(g: Grid, a: i32, b0: i32, b1: i32, r2: f64, cnt: i32, cap: i32, outI: usize, outJ: usize): i32 {
  const xs = g.xs, ys = g.ys, zs = g.zs, L = g.L, per = g.periodic != 0;
  const ax = gf(xs, a), ay = gf(ys, a), az = gf(zs, a);
  let b = b0;
  if (ASC_FEATURE_SIMD) {
    const vx = f64x2.splat(ax), vy = f64x2.splat(ay), vz = f64x2.splat(az), vr = f64x2.splat(r2);
    const vL = f64x2.splat(L), vH = f64x2.splat(0.5 * L), vmH = f64x2.splat(-0.5 * L);
    for (; b + 1 < b1; b += 2) {
      const o = <usize>b << 3;
      let dx = f64x2.sub(v128.load(xs + o), vx), dy = f64x2.sub(v128.load(ys + o), vy), dz = f64x2.sub(v128.load(zs + o), vz);
      if (per) { dx = minImageBox2(dx, vL, vH, vmH); dy = minImageBox2(dy, vL, vH, vmH); dz = minImageBox2(dz, vL, vH, vmH); }
      const d2 = f64x2.add(f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)), f64x2.mul(dz, dz));
      const m = i64x2.bitmask(f64x2.le(d2, vr));
      cnt = emit(cnt, cap, outI, outJ, a, b, m & 1);
      cnt = emit(cnt, cap, outI, outJ, a, b + 1, (m >> 1) & 1);
    }
  }
  for (; b < b1; b++) {
    let dx = gf(xs, b) - ax, dy = gf(ys, b) - ay, dz = gf(zs, b) - az;
    if (per) { dx = minImageBox(dx, L, 0.5 * L); dy = minImageBox(dy, L, 0.5 * L); dz = minImageBox(dz, L, 0.5 * L); }
    cnt = emit(cnt, cap, outI, outJ, a, b, <i32>(dx * dx + dy * dy + dz * dz <= r2));
  }
  return cnt;
}

// ranges [lo, hi) of sorted slots shared by every point of one cell (the forward half shell)
const RANGES: usize = memory.data(16 * 8);
let nRanges = 0;

// @ts-ignore: decorator
@inline function addRange(lo: i32, hi: i32): void {
  if (hi > lo) { store<i32>(RANGES + (<usize>nRanges << 3), lo); store<i32>(RANGES + (<usize>nRanges << 3), hi, 4); nRanges++; }
}

/** Slots of cell x at (y, z). */
// @ts-ignore: decorator
@inline function cellLo(g: Grid, x: i32, y: i32, z: i32): i32 { return gi(g.cellStart, x + g.nx * (y + g.ny * z)); }
// @ts-ignore: decorator
@inline function cellHi(g: Grid, x: i32, y: i32, z: i32): i32 { return gi(g.cellStart, x + g.nx * (y + g.ny * z) + 1); }

/** The row of cells x = cx−1 … cx+1 at (y, z), wrapped (periodic, nx ≥ 3) or clipped (open), as 1–2 ranges. */
function addRow(g: Grid, cx: i32, y: i32, z: i32): void {
  const nx = g.nx;
  if (g.periodic) {
    if (cx == 0) { addRange(cellLo(g, 0, y, z), cellHi(g, 1, y, z)); addRange(cellLo(g, nx - 1, y, z), cellHi(g, nx - 1, y, z)); }
    else if (cx == nx - 1) { addRange(cellLo(g, cx - 1, y, z), cellHi(g, cx, y, z)); addRange(cellLo(g, 0, y, z), cellHi(g, 0, y, z)); }
    else addRange(cellLo(g, cx - 1, y, z), cellHi(g, cx + 1, y, z));
  } else addRange(cellLo(g, max(cx - 1, 0), y, z), cellHi(g, min(cx + 1, nx - 1), y, z));
}

/**
 * Every pair (i, j), i < j in original numbering, with distance ≤ r: i to outI, j to outJ (grid order).
 * Open grids and periodic grids with ≥ 3 cells per axis use the forward half shell, walked as contiguous rows
 * of three cells (x is the fastest cell index, so a row's points are adjacent in the sorted arrays): the own
 * row from the next slot on, and the rows (dy, dz) = (1, 0), (−1, 1), (0, 1), (1, 1). Smaller periodic grids
 * visit each distinct neighbour cell and keep sorted slot b > a.
 */
export function gridPairs(p: usize, r: f64, outI: usize, outJ: usize, cap: i32): i32 {
  const g = changetype<Grid>(p);
  const per = g.periodic, r2 = r * r;
  const nx = g.nx, ny = g.ny, nz = g.nz;
  pCap = cap; pOutI = outI; pOutJ = outJ;
  let cnt = 0;
  if (!per || (nx >= 3 && ny >= 3 && nz >= 3)) {
    for (let cz = 0; cz < nz; cz++) for (let cy = 0; cy < ny; cy++) for (let cx = 0; cx < nx; cx++) {
      const c = cx + nx * (cy + ny * cz);
      const a0 = gi(g.cellStart, c), a1 = gi(g.cellStart, c + 1);
      if (a0 == a1) continue;
      // the ranges every point of this cell scans: the next cell of its own row, then the rows
      // (dy, dz) = (1, 0), (−1, 1), (0, 1), (1, 1)
      nRanges = 0;
      // the own cell and the next one along x are contiguous: one range from slot a + 1 (below)
      const ownEnd = cx + 1 < nx ? gi(g.cellStart, c + 2) : a1;
      if (cx + 1 >= nx && per) addRange(cellLo(g, 0, cy, cz), cellHi(g, 0, cy, cz));
      for (let q = 0; q < 4; q++) {
        const dy = q == 0 ? 1 : q - 2, dz = q == 0 ? 0 : 1;
        let y = cy + dy, z = cz + dz;
        if (per) { y = wrap(y, ny); z = wrap(z, nz); }
        else if (y < 0 || y >= ny || z >= nz) continue;
        addRow(g, cx, y, z);
      }
      for (let a = a0; a < a1; a++) {
        cnt = scanRange(g, a, a + 1, ownEnd, r2, cnt, cap, outI, outJ);
        for (let q = 0; q < nRanges; q++) {
          const o = RANGES + (<usize>q << 3);
          cnt = scanRange(g, a, load<i32>(o), load<i32>(o, 4), r2, cnt, cap, outI, outJ);
        }
      }
    }
    pCount = cnt;
    if (r >= g.cs - g.tau && gridBand(p) > 0) bandPairs(g, r2);
    return finishPairs(g);
  }
  for (let a = 0; a < g.n; a++) {
    const c = gi(g.cellOf, a);
    const cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
    for (let dz = periodicLo(nz); dz <= periodicHi(nz); dz++) for (let dy = periodicLo(ny); dy <= periodicHi(ny); dy++) for (let dx = periodicLo(nx); dx <= periodicHi(nx); dx++) {
      const c2 = wrap(cx + dx, nx) + nx * (wrap(cy + dy, ny) + ny * wrap(cz + dz, nz));
      cnt = scanRange(g, a, max(gi(g.cellStart, c2), a + 1), gi(g.cellStart, c2 + 1), r2, cnt, cap, outI, outJ);
    }
  }
  pCount = cnt;
  if (r >= g.cs - g.tau && gridBand(p) > 0) bandPairs(g, r2);
  return finishPairs(g);
}

/** Is the cell `off` away on this axis inside the window of a point with face bits fb (see stencilLo/Hi)? */
// @ts-ignore: decorator
@inline function reaches(per: i32, nc: i32, off: i32, fb: i32): bool {
  if (off != 2 && off != -2) return true;
  if (per && nc == 4) return (fb & 3) != 0;   // +2 and −2 are the same cell
  return off == 2 ? (fb & 2) != 0 : (fb & 1) != 0;
}

/**
 * The pairs the ±1 stencil cannot see: a band point a against the cells two away toward its faces (any
 * offset ±2 on some axis). A pair both of whose points reach each other is emitted once, from the smaller
 * slot. Same distance arithmetic as scanRange's scalar loop (so SIMD and scalar builds agree).
 */
function bandPairs(g: Grid, r2: f64): void {
  const per = g.periodic, nx = g.nx, ny = g.ny, nz = g.nz, L = g.L, w = g.tau * g.inv;
  for (let q = 0; q < g.nBand; q++) {
    const a = gi(g.band, q);
    const c = gi(g.cellOf, a);
    const cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
    const f = slotFaces(g, a, cx, cy, cz, w);
    const fx = f & 3, fy = (f >> 2) & 3, fz = (f >> 4) & 3;
    const ax = gf(g.xs, a), ay = gf(g.ys, a), az = gf(g.zs, a);
    for (let dz = stencilLo(per, nz, fz); dz <= stencilHi(per, nz, fz); dz++) {
      let z = cz + dz;
      if (per) z = wrap(z, nz); else if (z < 0 || z >= nz) continue;
      for (let dy = stencilLo(per, ny, fy); dy <= stencilHi(per, ny, fy); dy++) {
        let y = cy + dy;
        if (per) y = wrap(y, ny); else if (y < 0 || y >= ny) continue;
        for (let dx = stencilLo(per, nx, fx); dx <= stencilHi(per, nx, fx); dx++) {
          if (dx * dx != 4 && dy * dy != 4 && dz * dz != 4) continue;   // the ±1 stencil saw this cell
          let x = cx + dx;
          if (per) x = wrap(x, nx); else if (x < 0 || x >= nx) continue;
          const c2 = x + nx * (y + ny * z);
          const e = gi(g.cellStart, c2 + 1);
          for (let b = gi(g.cellStart, c2); b < e; b++) {
            const fb = slotFaces(g, b, x, y, z, w);   // b lies in cell (x, y, z)
            if (b < a && reaches(per, nx, -dx, fb & 3) && reaches(per, ny, -dy, (fb >> 2) & 3) && reaches(per, nz, -dz, (fb >> 4) & 3)) continue;
            let ddx = gf(g.xs, b) - ax, ddy = gf(g.ys, b) - ay, ddz = gf(g.zs, b) - az;
            if (per) { ddx = minImageBox(ddx, L, 0.5 * L); ddy = minImageBox(ddy, L, 0.5 * L); ddz = minImageBox(ddz, L, 0.5 * L); }
            if (ddx * ddx + ddy * ddy + ddz * ddz <= r2) emitIf(a, b, 1);
          }
        }
      }
    }
  }
}

/** Sorted slots → original indices, smaller first. */
function finishPairs(g: Grid): i32 {
  const m = min(pCount, pCap);
  for (let q = 0; q < m; q++) {
    const i = gi(g.order, gi(pOutI, q)), j = gi(g.order, gi(pOutJ, q));
    gsi(pOutI, q, min(i, j)); gsi(pOutJ, q, max(i, j));
  }
  return pCount;
}
