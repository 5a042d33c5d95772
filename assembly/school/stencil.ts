// stencil.ts — the neighbour cells of a focal fish. The ±k-cell stencil of its grid cell (cells ≥ r_a/k) is kept as
// pieces of x-adjacent cells (rows; in a periodic box a row crossing a face is two pieces, each with the image
// shift s ∈ {−L, 0, L}³ that moves the focal fish instead of its neighbours: d = x_j − (p + s), so the scans need no
// minimum-image arithmetic). For each focal fish the pieces are then trimmed to the cells that can hold a fish
// within r_a of it: a row whose y–z distance from p + s exceeds r_a is dropped, and the others keep only the cells
// within √(r_a² − d_yz²) along x (about ⅔ of a 5×5×5 stencil's cells; distances in cell units, 10⁻⁶ cell of slack,
// far above any rounding of binning or of the scan's differences). Only cells whose fish the scan would reject are
// dropped, so no sum changes — and for the couzin2002 scan, whose two lanes take a range's candidates alternately
// from its first slot, a trimmed range starts an even number of slots after the untrimmed one (one extra
// candidate at most), so every candidate keeps its lane and every lane sum its order.
import { Grid, gi } from "../neighbors/grid";

/** The focal fish's slot ranges: nRanges entries of RANGES (i32 × 3): lo, hi, and the address of the range's image
 * shift (f64 triple). */
export let nRanges = 0;
export const RANGES: usize = memory.data(64 * 12);   // ≤ 25 rows × 2 pieces

let nPieces = 0;
// per piece (i32 × 16): byte offsets of its y-row and z-row slab distances in D2, first and last stencil offset along
// x (0 … 2k), the address of its image shift (PSHIFT: f64 × 3), and the slot boundaries cellStart of its offsets
// o0 … o1 + 1 (at 5 + o; the grid is fixed while the stencil is cached, so fish of one cell share them); k ≤ 2
const PIECES: usize = memory.data(64 * 64);
const PSHIFT: usize = memory.data(64 * 24);
const YROW: usize = memory.data(16 * 16, 16), ZROW: usize = memory.data(16 * 16, 16);   // per row offset: cell (f64), shift (f64)
const D2: usize = memory.data(3 * 16 * 8, 16);      // per focal fish: squared distances to the x / y / z slabs
const R2M: usize = memory.data(8);                  // the trim radius² (read in the piece loop: V8 would recompute it)
let lastCell: i32 = -1, kS: i32 = 2, cxS: i32 = 0;

// @ts-ignore: decorator
@inline function addPiece(cs: usize, x0: i32, row: i32, o0: i32, o1: i32, yi: i32, zi: i32, sx: f64, sy: f64, sz: f64): void {
  const p = PIECES + (<usize>nPieces << 6), o = PSHIFT + <usize>(nPieces * 24);
  store<i32>(p, (16 + yi) << 3); store<i32>(p, (32 + zi) << 3, 4); store<i32>(p, o0, 8); store<i32>(p, o1, 12); store<i32>(p, <i32>o, 16);
  const base = row + x0 - o0;
  for (let q = o0; q <= o1 + 1; q++) store<i32>(p + (<usize>(5 + q) << 2), gi(cs, base + q));
  store<f64>(o, sx); store<f64>(o, sy, 8); store<f64>(o, sz, 16);
  nPieces++;
}

/** Forgets the cached stencil (call after every grid build). */
export function stencilReset(): void { lastCell = -1; }

/**
 * The stencil pieces of ±k cells (k ≤ 2) around cell c (cached: fish of one cell share it): clipped in open space;
 * wrapped in a periodic box (callers use k only when every axis has ≥ 2k + 1 cells).
 */
export function stencilCells(g: Grid, c: i32, k: i32): void {
  if (k < 1 || k > 2) throw new Error("stencilCells: k must be 1 or 2 (a piece holds 2k + 2 ≤ 6 cell boundaries)");
  if (c == lastCell) return;
  lastCell = c; kS = k;
  const cs = g.cellStart, per = g.periodic, nx = g.nx, ny = g.ny, nz = g.nz, L = g.L;
  const cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
  cxS = cx;
  nPieces = 0;
  // each row offset's cell and image shift along y and z (open space: cells outside the grid are skipped below)
  for (let d = -k; d <= k; d++) {
    let y = cy + d, sy = 0.0, z = cz + d, sz = 0.0;
    if (per) {
      if (y < 0) { y += ny; sy = L; } else if (y >= ny) { y -= ny; sy = -L; }
      if (z < 0) { z += nz; sz = L; } else if (z >= nz) { z -= nz; sz = -L; }
    }
    const yr = YROW + (<usize>(d + k) << 4), zr = ZROW + (<usize>(d + k) << 4);
    store<f64>(yr, <f64>y); store<f64>(yr, sy, 8); store<f64>(zr, <f64>z); store<f64>(zr, sz, 8);
  }
  for (let zi = 0; zi <= 2 * k; zi++) {
    const z = <i32>load<f64>(ZROW + (<usize>zi << 4)), sz = load<f64>(ZROW + (<usize>zi << 4), 8);
    if (z < 0 || z >= nz) continue;
    for (let yi = 0; yi <= 2 * k; yi++) {
      const y = <i32>load<f64>(YROW + (<usize>yi << 4)), sy = load<f64>(YROW + (<usize>yi << 4), 8);
      if (y < 0 || y >= ny) continue;
      const row = nx * (y + ny * z);
      if (!per) { const a = max(cx - k, 0), b = min(cx + k, nx - 1); addPiece(cs, a, row, a - cx + k, b - cx + k, yi, zi, 0, 0, 0); continue; }
      const x0 = cx - k, x1 = cx + k;
      if (x0 < 0) { addPiece(cs, x0 + nx, row, 0, -x0 - 1, yi, zi, L, sy, sz); addPiece(cs, 0, row, -x0, 2 * k, yi, zi, 0, sy, sz); }
      else if (x1 >= nx) { addPiece(cs, x0, row, 0, nx - 1 - x0, yi, zi, 0, sy, sz); addPiece(cs, 0, row, nx - x0, 2 * k, yi, zi, -L, sy, sz); }
      else addPiece(cs, x0, row, 0, 2 * k, yi, zi, 0, sy, sz);
    }
  }
}

const SLACK: f64 = 1e-6;   // cells

/** Squared distance (cells, less the slack) from u to the slab [c, c + 1). */
// @ts-ignore: decorator
@inline function slab2(u: f64, c: f64): f64 {
  let d = c - u;
  const e = u - (c + 1.0);
  if (e > d) d = e;
  d -= SLACK;
  return d > 0 ? d * d : 0.0;
}

/** slab2 of both lanes, without branches (max(d, 0)² = slab2's d > 0 ? d² : 0, the same numbers). */
// @ts-ignore: decorator
@inline function slab2x2(u: v128, c: v128): v128 {
  const d = f64x2.pmax(f64x2.sub(f64x2.pmax(f64x2.sub(c, u), f64x2.sub(u, f64x2.add(c, f64x2.splat(1.0)))), f64x2.splat(SLACK)), f64x2.splat(0.0));
  return f64x2.mul(d, d);
}

/**
 * The slot ranges of the focal fish at p (the coordinates its scan subtracts from) among the pieces of
 * stencilCells, trimmed to the cells within r = `ra` (· (1 + 10⁻⁹)) of p + s; `even`: a trimmed range starts an even
 * number of slots after its piece's first slot (couzin2002's lanes).
 */
export function focalRanges(g: Grid, px: f64, py: f64, pz: f64, ra: f64, even: bool): void {
  const k = kS, inv = g.inv, R = ra * inv * (1 + 1e-9);
  store<f64>(R2M, R * R);
  // squared slab distances (SIMD build: two offsets at a time): along x to the stencil's cells cx − k … cx + k (unshifted frame:
  // a piece's shift moves p and its cells alike), along y and z to each row's cells in that row's shifted frame
  const U = (px - g.ox) * inv, V = (py - g.oy) * inv, W = (pz - g.oz) * inv;
  if (ASC_FEATURE_SIMD) {
    const vU = f64x2.splat(U), vV = f64x2.splat(V), vW = f64x2.splat(W), vinv = f64x2.splat(inv);
    for (let o = 0; o <= 2 * k; o += 2) {
      const c = f64x2.replace_lane(f64x2.splat(<f64>(cxS - k + o)), 1, <f64>(cxS - k + o + 1));
      v128.store(D2 + (<usize>o << 3), slab2x2(vU, c));
      const yr = YROW + (<usize>o << 4), zr = ZROW + (<usize>o << 4);   // (cell, shift) of offsets o and o + 1
      const y0 = v128.load(yr), y1 = v128.load(yr, 16), z0 = v128.load(zr), z1 = v128.load(zr, 16);
      v128.store(D2 + (<usize>(16 + o) << 3), slab2x2(f64x2.add(vV, f64x2.mul(v128.shuffle<f64>(y0, y1, 1, 3), vinv)), v128.shuffle<f64>(y0, y1, 0, 2)));
      v128.store(D2 + (<usize>(32 + o) << 3), slab2x2(f64x2.add(vW, f64x2.mul(v128.shuffle<f64>(z0, z1, 1, 3), vinv)), v128.shuffle<f64>(z0, z1, 0, 2)));
    }
  } else {
    for (let o = 0; o <= 2 * k; o++) {
      store<f64>(D2 + (<usize>o << 3), slab2(U, <f64>(cxS - k + o)));
      const yr = YROW + (<usize>o << 4), zr = ZROW + (<usize>o << 4);
      store<f64>(D2 + (<usize>(16 + o) << 3), slab2(V + load<f64>(yr, 8) * inv, load<f64>(yr)));
      store<f64>(D2 + (<usize>(32 + o) << 3), slab2(W + load<f64>(zr, 8) * inv, load<f64>(zr)));
    }
  }
  // per piece, without branches (the trim counts differ from fish to fish): the x offsets within reach form one run
  // around the focal cell's offset k (distance 0), [a, b] = [#{o < k: D2x[o] > rem}, 2k − #{o > k: D2x[o] > rem}];
  // a row out of reach (rem < 0) excludes offset k too, so a > b and its range comes out empty
  const x0d = load<f64>(D2), x1d = load<f64>(D2, 8), x2d = load<f64>(D2, 16), x3d = load<f64>(D2, 24), x4d = load<f64>(D2, 32);
  let nr = 0;
  for (let q = 0; q < nPieces; q++) {
    const p = PIECES + (<usize>q << 6);
    const rem = load<f64>(R2M) - load<f64>(D2 + <usize>load<i32>(p)) - load<f64>(D2 + <usize>load<i32>(p, 4));
    let a = 0, b = 2 * k;
    if (k == 2) { a = <i32>(x0d > rem) + <i32>(x1d > rem); b = 4 - <i32>(x2d > rem) - <i32>(x3d > rem) - <i32>(x4d > rem); }
    else {
      for (let o = 0; o < k; o++) a += <i32>(load<f64>(D2 + (<usize>o << 3)) > rem);
      for (let o = k; o <= 2 * k; o++) b -= <i32>(load<f64>(D2 + (<usize>o << 3)) > rem);
    }
    const o0 = load<i32>(p, 8), o1 = load<i32>(p, 12);
    a = max(a, o0); b = min(b, o1);
    const some = a <= b;
    a = select<i32>(a, o0, some); b = select<i32>(b, o0 - 1, some);   // nothing in reach: the empty range at o0
    const lo0 = load<i32>(p + (<usize>(5 + o0) << 2));
    let lo = load<i32>(p + (<usize>(5 + a) << 2));
    const hi = load<i32>(p + (<usize>(6 + b) << 2));
    lo -= <i32>even & ((lo - lo0) & 1);
    const r = RANGES + <usize>(nr * 12);
    store<i32>(r, lo); store<i32>(r, hi, 4); store<i32>(r, load<i32>(p, 16), 8);
    nr += <i32>(hi > lo);
  }
  nRanges = nr;
}
