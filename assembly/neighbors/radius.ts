// radius.ts — fixed-radius queries on a Grid: the neighbours of one point (`gridRadius`) and every pair
// closer than r (`gridPairs`, half-shell stencil: each pair of cells visited once). A point at exactly
// distance r counts (d ≤ r, as scipy's query_pairs). Results go to caller-owned buffers;
// the return value is the full count even when it exceeds the capacity (then only `cap` were written).
import { Grid, gi, gsi, gf, gsf, axisCell, periodicLo, periodicHi, minImage } from "./grid";

// @ts-ignore: decorator
@inline function wrap(c: i32, nc: i32): i32 { return c < 0 ? c + nc : (c >= nc ? c - nc : c); }

/**
 * Indices (original numbering) of the points within distance r of (qx, qy, qz), in grid order; their
 * squared distances go to `outD2` when it is non-zero. The query point itself is included if it is one
 * of the points (distance 0). r must not exceed the cell size (build the grid with cellSize ≥ r).
 */
export function gridRadius(p: usize, qx: f64, qy: f64, qz: f64, r: f64, outIdx: usize, outD2: usize, cap: i32): i32 {
  const g = changetype<Grid>(p);
  const L = g.L, per = g.periodic;
  if (per) { qx -= L * Math.floor(qx / L); qy -= L * Math.floor(qy / L); qz -= L * Math.floor(qz / L); }
  const cx = axisCell(g, qx, g.ox, g.nx), cy = axisCell(g, qy, g.oy, g.ny), cz = axisCell(g, qz, g.oz, g.nz);
  const r2 = r * r;
  let count = 0;
  const xlo = per ? periodicLo(g.nx) : -1, xhi = per ? periodicHi(g.nx) : 1;
  const ylo = per ? periodicLo(g.ny) : -1, yhi = per ? periodicHi(g.ny) : 1;
  const zlo = per ? periodicLo(g.nz) : -1, zhi = per ? periodicHi(g.nz) : 1;
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
          if (per) { ddx = minImage(ddx, L); ddy = minImage(ddy, L); ddz = minImage(ddz, L); }
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

/**
 * Every pair (i, j), i < j in original numbering, with distance ≤ r: i to outI, j to outJ (grid order).
 * Open grids and periodic grids with ≥ 3 cells per axis use the 13-cell forward half shell plus the own
 * cell; smaller periodic grids visit each distinct neighbour cell and keep sorted slot b > a.
 */
export function gridPairs(p: usize, r: f64, outI: usize, outJ: usize, cap: i32): i32 {
  const g = changetype<Grid>(p);
  const L = g.L, per = g.periodic, r2 = r * r;
  const nx = g.nx, ny = g.ny, nz = g.nz;
  const half = !per || (nx >= 3 && ny >= 3 && nz >= 3);
  const xs = g.xs, ys = g.ys, zs = g.zs, start = g.cellStart, order = g.order;
  let count = 0;
  for (let cz = 0; cz < nz; cz++) for (let cy = 0; cy < ny; cy++) for (let cx = 0; cx < nx; cx++) {
    const c = cx + nx * (cy + ny * cz);
    const a0 = gi(start, c), a1 = gi(start, c + 1);
    if (a0 == a1) continue;
    const zlo = per ? periodicLo(nz) : -1, zhi = per ? periodicHi(nz) : 1;
    const ylo = per ? periodicLo(ny) : -1, yhi = per ? periodicHi(ny) : 1;
    const xlo = per ? periodicLo(nx) : -1, xhi = per ? periodicHi(nx) : 1;
    for (let dz = zlo; dz <= zhi; dz++) for (let dy = ylo; dy <= yhi; dy++) for (let dx = xlo; dx <= xhi; dx++) {
      const key = dx + 3 * (dy + 3 * dz);     // 0 is the own cell; > 0 the forward half
      if (half && key < 0) continue;
      let x = cx + dx, y = cy + dy, z = cz + dz;
      if (per) { x = wrap(x, nx); y = wrap(y, ny); z = wrap(z, nz); }
      else if (x < 0 || x >= nx || y < 0 || y >= ny || z < 0 || z >= nz) continue;
      const c2 = x + nx * (y + ny * z);
      const b0 = gi(start, c2), b1 = gi(start, c2 + 1);
      for (let a = a0; a < a1; a++) {
        const ax = gf(xs, a), ay = gf(ys, a), az = gf(zs, a);
        // own cell (half shell) or any cell (full stencil): only b > a, so each pair once
        const bs = (!half || key == 0) ? max(b0, a + 1) : b0;
        for (let b = bs; b < b1; b++) {
          let ddx = gf(xs, b) - ax, ddy = gf(ys, b) - ay, ddz = gf(zs, b) - az;
          if (per) { ddx = minImage(ddx, L); ddy = minImage(ddy, L); ddz = minImage(ddz, L); }
          if (ddx * ddx + ddy * ddy + ddz * ddz <= r2) {
            if (count < cap) {
              const i = gi(order, a), j = gi(order, b);
              gsi(outI, count, min(i, j)); gsi(outJ, count, max(i, j));
            }
            count++;
          }
        }
      }
    }
  }
  return count;
}
