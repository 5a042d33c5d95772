// grid.ts — a uniform cell grid over 3-D points, rebuilt by a stable counting sort (cells in x-fastest
// order, points inside a cell in ascending index). Two domains: a periodic cube [0, L)³ (minimum image;
// nc = ⌊L / cellSize⌋ cells per axis, so cells are ≥ cellSize) and open space (the bounding box, cells of
// exactly cellSize unless the box would need more than `cellLimit` cells, then larger). Coordinates are
// copied into sorted structure-of-arrays so the queries stream through memory. Buffers grow only when a
// build needs more room than any build before: a grid rebuilt every step allocates nothing.
// Exact at the edges: a pair whose computed distance is ≤ r must be found even when rounding put its points
// two cells apart (true distance r + 1 ulp, r = cell edge). Such points lie within `tau` (2⁻⁴⁰ of the extent,
// ~10⁴ ulps: far above the few-ulp errors of binning and of the distance arithmetic) of a cell face, so the
// queries extend the stencil by one cell toward that face for those points ("band" points, almost never in
// random data). Only a pair query with r ≥ cell − tau needs them, so the band is found lazily, on the first such
// query after a build (`gridBand`: one f64x2 pass over the sorted coordinates); builds for kNN, for radius
// queries with r < cell, or for the school model never pay for it.

@unmanaged
export class Grid {
  cap: i32 = 0;          // point capacity of the buffers
  n: i32 = 0;            // points in the last build
  periodic: i32 = 0;     // 1: cube [0, L)³ with minimum image
  L: f64 = 0;
  ox: f64 = 0; oy: f64 = 0; oz: f64 = 0;   // origin of cell (0,0,0)
  cs: f64 = 0;           // cell edge
  inv: f64 = 0;          // 1 / cs
  nx: i32 = 0; ny: i32 = 0; nz: i32 = 0;
  cellCap: i32 = 0;
  cellStart: usize = 0;  // i32[cellCap + 1]: first sorted slot of each cell
  cellOf: usize = 0;     // i32[cap]: cell of sorted slot
  order: usize = 0;      // i32[cap]: sorted slot → original index
  xs: usize = 0; ys: usize = 0; zs: usize = 0;   // f64[cap] sorted coordinates
  scratch: usize = 0;    // i32[cap]: per-point cell during the build; reused by queries
  tau: f64 = 0;          // rounding allowance, 2⁻⁴⁰·(extent + cs): far above any error of binning or distances
  band: usize = 0;       // i32[cap]: sorted slots of the points within tau of a face of their cell (few)
  nBand: i32 = -1;       // points in band; −1: not yet computed for this build (see gridBand)
}

const TAU_REL: f64 = 9.094947017729282e-13;   // 2⁻⁴⁰

// @ts-ignore: decorator
@inline export function gi(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline export function gsi(p: usize, i: i32, v: i32): void { store<i32>(p + (<usize>i << 2), v); }
// @ts-ignore: decorator
@inline export function gf(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline export function gsf(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }

export function gridCreate(): usize {
  const g = changetype<Grid>(heap.alloc(offsetof<Grid>()));
  memory.fill(changetype<usize>(g), 0, offsetof<Grid>());
  return changetype<usize>(g);
}

export function gridFree(p: usize): void {
  const g = changetype<Grid>(p);
  if (g.cap > 0) {
    heap.free(g.cellOf); heap.free(g.order); heap.free(g.xs); heap.free(g.ys); heap.free(g.zs); heap.free(g.scratch);
    heap.free(g.band);
  }
  if (g.cellCap > 0) heap.free(g.cellStart);
  heap.free(p);
}

function ensurePoints(g: Grid, n: i32): void {
  if (n <= g.cap) return;
  if (g.cap > 0) {
    heap.free(g.cellOf); heap.free(g.order); heap.free(g.xs); heap.free(g.ys); heap.free(g.zs); heap.free(g.scratch);
    heap.free(g.band);
  }
  const c = max(n, 16);
  g.cellOf = heap.alloc(<usize>c << 2); g.order = heap.alloc(<usize>c << 2); g.scratch = heap.alloc(<usize>c << 2);
  g.xs = heap.alloc(<usize>c << 3); g.ys = heap.alloc(<usize>c << 3); g.zs = heap.alloc(<usize>c << 3);
  g.band = heap.alloc(<usize>c << 2);
  g.cap = c;
}

function ensureCells(g: Grid, cells: i32): void {
  if (cells <= g.cellCap) return;
  if (g.cellCap > 0) heap.free(g.cellStart);
  const c = max(cells, 64);
  g.cellStart = heap.alloc(<usize>(c + 1) << 2);
  g.cellCap = c;
}

// @ts-ignore: decorator
@inline function clampCell(v: f64, nc: i32): i32 {
  const c = <i32>Math.floor(v);
  return c < 0 ? 0 : (c >= nc ? nc - 1 : c);
}

/**
 * A coordinate wrapped into [0, L): unchanged when already inside; otherwise the exact remainder (fmod), so
 * a point at 1e200 lands where it belongs, and a value that rounds up to L (−1e−17 + L) becomes 0 — binned
 * into the first cell with its neighbours, not the last (x − L·⌊x/L⌋ gave L there).
 */
// @ts-ignore: decorator
@inline export function wrapBox(x: f64, L: f64): f64 {
  return x >= 0 && x < L ? x + 0.0 : wrapOutside(x, L);   // + 0: −0 → +0, as x − L·⌊x/L⌋ gave
}

/** wrapBox for x outside [0, L) (kept out of line: the build's binning loop stays small). */
// @ts-ignore: decorator
@noinline function wrapOutside(x: f64, L: f64): f64 {
  let r = x % L;
  if (r < 0) r += L;
  return r >= L ? 0.0 : r + 0.0;
}

/** Face bits of a coordinate at u cells from the origin in cell c: within w of the low (1) / high (2) face. */
// @ts-ignore: decorator
@inline export function faceBits(u: f64, c: i32, w: f64): i32 {
  const f = u - <f64>c;
  return select<i32>(1, 0, f < w) | select<i32>(2, 0, f > 1.0 - w);
}

/** Cell index along one axis of a coordinate (clamped into the grid). */
// @ts-ignore: decorator
@inline export function axisCell(g: Grid, v: f64, o: f64, nc: i32): i32 { return clampCell((v - o) * g.inv, nc); }

/**
 * Builds the grid over `n` points stored interleaved (x, y, z) at `xyz`. `box` > 0: periodic cube of edge
 * `box` (coordinates are wrapped into [0, box) for binning; the caller's array is not changed). `box` = 0:
 * open space. `cellSize` > 0 is the smallest cell edge (use the largest query radius). `cellLimit` caps the
 * number of cells (0 → max(8n, 4096)). Returns the number of cells, or (grid left empty) −1 when a coordinate
 * is not finite, −2 when finite open-space coordinates span more than the largest double. The band (points
 * within tau of a face of their cell) is left for `gridBand` to find when a query needs it.
 */
export function gridBuild(p: usize, xyz: usize, n: i32, box: f64, cellSize: f64, cellLimit: i32): i32 {
  const g = changetype<Grid>(p);
  ensurePoints(g, n);
  g.n = n; g.nBand = -1;
  let per = false, wrapAll = false;
  const limit = cellLimit > 0 ? cellLimit : max(8 * n, 4096);
  if (box > 0) {
    let bad = 0.0, out = 0;   // x − x is NaN exactly when x is ±∞ or NaN
    for (let i = 0; i < 3 * n; i++) { const v = load<f64>(xyz + (<usize>i << 3)); bad += v - v; out |= <i32>(v < 0) | <i32>(v >= box); }
    if (bad != 0) { g.n = 0; return -1; }
    per = true; wrapAll = out != 0;
    g.periodic = 1; g.L = box;
    // cells per axis in f64 first: box / cellSize may be 1e30 (or ∞), and no grid has more than 1291³ > 2³¹ cells
    let nc = <i32>min(max(Math.floor(box / cellSize), 1.0), 1291.0);
    while (<i64>nc * nc * nc > <i64>limit && nc > 1) nc--;
    g.nx = nc; g.ny = nc; g.nz = nc;
    g.cs = box / nc; g.inv = nc / box;
    g.ox = 0; g.oy = 0; g.oz = 0;
    g.tau = TAU_REL * (box + g.cs);
  } else {
    g.periodic = 0; g.L = 0;
    let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const b = xyz + <usize>(i * 24);
      const x = load<f64>(b), y = load<f64>(b, 8), z = load<f64>(b, 16);
      x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y); z0 = min(z0, z); z1 = max(z1, z);
    }
    if (n == 0) { x0 = 0; x1 = 0; y0 = 0; y1 = 0; z0 = 0; z1 = 0; }
    // a NaN propagates through min/max; ±∞ makes the bounds infinite
    if (!isFinite(x0 + x1 + y0 + y1 + z0 + z1)) { g.n = 0; return -1; }
    const ex = x1 - x0, ey = y1 - y0, ez = z1 - z0;
    if (!isFinite(ex + ey + ez)) { g.n = 0; return -2; }   // finite points whose extent overflows (±1e308)
    let cs = cellSize;
    // counts in f64: an extent / cell of 1e200 must not wrap an integer; more than 2³¹ cells on an axis never fit
    const emax = max(ex, max(ey, ez));
    if (emax / cs > 2147483647.0) cs = emax / 2147483647.0;
    for (;;) {
      const nx = Math.floor(ex / cs) + 1, ny = Math.floor(ey / cs) + 1, nz = Math.floor(ez / cs) + 1;
      if (nx * ny * nz <= <f64>limit) { g.nx = <i32>nx; g.ny = <i32>ny; g.nz = <i32>nz; break; }
      const grown = cs * 1.26;
      cs = grown > cs ? grown : cs + cs;   // (a subnormal cs · 1.26 can round back to cs)
    }
    g.cs = cs; g.inv = 1.0 / cs;
    g.ox = x0; g.oy = y0; g.oz = z0;
    g.tau = TAU_REL * (emax + cs);
  }
  const cells = g.nx * g.ny * g.nz;
  ensureCells(g, cells);
  memory.fill(g.cellStart, 0, <usize>(cells + 1) << 2);
  // the wrapping loop calls fmod for coordinates outside the box: kept apart so the usual loops stay lean
  if (!per) sortOpen(g, xyz, n); else if (!wrapAll) sortInBox(g, xyz, n); else sortWrapped(g, xyz, n);
  const start = g.cellStart;
  for (let c = cells; c > 0; c--) gsi(start, c, gi(start, c - 1));
  gsi(start, 0, 0);
  return cells;
}

/** Face bits (1 | 2 per axis, x in bits 0–1, y 2–3, z 4–5) of sorted slot s, which lies in cell (cx, cy, cz). */
// @ts-ignore: decorator
@inline export function slotFaces(g: Grid, s: i32, cx: i32, cy: i32, cz: i32, w: f64): i32 {
  return faceBits((gf(g.xs, s) - g.ox) * g.inv, cx, w) | (faceBits((gf(g.ys, s) - g.oy) * g.inv, cy, w) << 2)
    | (faceBits((gf(g.zs, s) - g.oz) * g.inv, cz, w) << 4);
}

/**
 * Lists the band of the last build (once; later calls return at once): the sorted slots, ascending, of the
 * points within tau of a face of their cell — exactly those with nonzero `slotFaces` (the face test of the
 * binning arithmetic: u = (x − o)·inv, f = u − cell). A cheap filter runs first, two slots per step in the
 * SIMD build: |u − nearest(u)| < 2w (w = tau·inv) holds for every band point (f < w or 1 − f < w; a cell
 * index clamped at the grid's edge only happens for u within rounding of an integer), and almost never
 * otherwise; its rare hits are decided by slotFaces, so both builds list the same slots.
 */
export function gridBand(p: usize): i32 {
  const g = changetype<Grid>(p);
  if (g.nBand >= 0) return g.nBand;
  const n = g.n, xs = g.xs, ys = g.ys, zs = g.zs, ox = g.ox, oy = g.oy, oz = g.oz, inv = g.inv;
  const w = g.tau * g.inv, w2 = w + w;
  g.nBand = 0;
  let s = 0;
  if (ASC_FEATURE_SIMD) {
    const vox = f64x2.splat(ox), voy = f64x2.splat(oy), voz = f64x2.splat(oz), vinv = f64x2.splat(inv), vw2 = f64x2.splat(w2);
    for (; s + 1 < n; s += 2) {
      const o = <usize>s << 3;
      const ux = f64x2.mul(f64x2.sub(v128.load(xs + o), vox), vinv);
      const uy = f64x2.mul(f64x2.sub(v128.load(ys + o), voy), vinv);
      const uz = f64x2.mul(f64x2.sub(v128.load(zs + o), voz), vinv);
      const ex = f64x2.abs(f64x2.sub(ux, f64x2.nearest(ux)));
      const ey = f64x2.abs(f64x2.sub(uy, f64x2.nearest(uy)));
      const ez = f64x2.abs(f64x2.sub(uz, f64x2.nearest(uz)));
      const m = v128.or(v128.or(f64x2.lt(ex, vw2), f64x2.lt(ey, vw2)), f64x2.lt(ez, vw2));
      if (v128.any_true(m)) { bandCheck(g, s, w); bandCheck(g, s + 1, w); }
    }
  }
  for (; s < n; s++) {
    const ux = (gf(xs, s) - ox) * inv, uy = (gf(ys, s) - oy) * inv, uz = (gf(zs, s) - oz) * inv;
    const e = min(min(Math.abs(ux - nearest<f64>(ux)), Math.abs(uy - nearest<f64>(uy))), Math.abs(uz - nearest<f64>(uz)));
    if (e < w2) bandCheck(g, s, w);
  }
  return g.nBand;
}

/** Appends slot s to the band when it lies within tau of a face of its cell. */
function bandCheck(g: Grid, s: i32, w: f64): void {
  const c = gi(g.cellOf, s), nx = g.nx, ny = g.ny;
  if (slotFaces(g, s, c % nx, (c / nx) % ny, c / (nx * ny), w) != 0) { gsi(g.band, g.nBand, s); g.nBand++; }
}

const WRAP_NONE = 0, WRAP_ZERO = 1, WRAP_FMOD = 2;

/**
 * The counting sort of gridBuild (cells of x-fastest index; stable), copying the coordinates into xs/ys/zs.
 * wrap (a constant at each call): WRAP_NONE open space; WRAP_ZERO periodic, every coordinate in [0, L) (x + 0
 * turns −0 into +0, as wrapBox does); WRAP_FMOD periodic with coordinates outside [0, L) (wrapBox).
 */
// @ts-ignore: decorator
@inline function sortPoints(g: Grid, xyz: usize, n: i32, wrap: i32): void {
  const cells = g.nx * g.ny * g.nz;
  const start = g.cellStart, cellOfPt = g.scratch, L = g.L, inv = g.inv;
  for (let i = 0; i < n; i++) {
    const b = xyz + <usize>(i * 24);
    let x = load<f64>(b), y = load<f64>(b, 8), z = load<f64>(b, 16);
    if (wrap == WRAP_ZERO) { x += 0.0; y += 0.0; z += 0.0; }
    if (wrap == WRAP_FMOD) { x = wrapBox(x, L); y = wrapBox(y, L); z = wrapBox(z, L); }
    const c = clampCell((x - g.ox) * inv, g.nx) + g.nx * (clampCell((y - g.oy) * inv, g.ny) + g.ny * clampCell((z - g.oz) * inv, g.nz));
    gsi(cellOfPt, i, c);
    gsi(start, c + 1, gi(start, c + 1) + 1);
  }
  for (let c = 0; c < cells; c++) gsi(start, c + 1, gi(start, c + 1) + gi(start, c));
  // scatter (stable); cellStart[c] is advanced as a cursor, then shifted back
  for (let i = 0; i < n; i++) {
    const c = gi(cellOfPt, i);
    const s = gi(start, c);
    gsi(start, c, s + 1);
    gsi(g.order, s, i);
    gsi(g.cellOf, s, c);
    const b = xyz + <usize>(i * 24);
    let x = load<f64>(b), y = load<f64>(b, 8), z = load<f64>(b, 16);
    if (wrap == WRAP_ZERO) { x += 0.0; y += 0.0; z += 0.0; }
    if (wrap == WRAP_FMOD) { x = wrapBox(x, L); y = wrapBox(y, L); z = wrapBox(z, L); }
    gsf(g.xs, s, x); gsf(g.ys, s, y); gsf(g.zs, s, z);
  }
}

// one copy of the sort per case, each a function of its own (one loop body with all three is slower)
function sortOpen(g: Grid, xyz: usize, n: i32): void { sortPoints(g, xyz, n, WRAP_NONE); }
function sortInBox(g: Grid, xyz: usize, n: i32): void { sortPoints(g, xyz, n, WRAP_ZERO); }
function sortWrapped(g: Grid, xyz: usize, n: i32): void { sortPoints(g, xyz, n, WRAP_FMOD); }

/** Grid facts for the JS side: 0 nx, 1 ny, 2 nz, 3 points. */
export function gridInfo(p: usize, what: i32): i32 {
  const g = changetype<Grid>(p);
  return what == 0 ? g.nx : what == 1 ? g.ny : what == 2 ? g.nz : g.n;
}
export function gridCellSize(p: usize): f64 { return changetype<Grid>(p).cs; }

/**
 * Offsets along one axis that reach each distinct neighbouring cell once: [-1, 1] for ≥ 3 periodic cells,
 * [0, 1] for 2, [0, 0] for 1; open grids clip to the grid instead (returned by the caller).
 */
// @ts-ignore: decorator
@inline export function periodicLo(nc: i32): i32 { return nc >= 3 ? -1 : 0; }
// @ts-ignore: decorator
@inline export function periodicHi(nc: i32): i32 { return nc >= 3 ? 1 : nc - 1; }

/** Minimum-image displacement along one axis (numpy's d − L·round(d/L), ties to even). */
// @ts-ignore: decorator
@inline export function minImage(d: f64, L: f64): f64 { return d - L * nearest<f64>(d / L); }

/**
 * The same for |d| < L (coordinates inside the box) without the division: d − L·s, s = +1 beyond L/2 = H, −1
 * below −H, else 0 — the same numbers as minImage (a quotient above 0.5 rounds to 1; exactly ±0.5 to 0).
 * Lane-wise for f64x2 (mH = −H); SIMD and scalar forms are bit-identical.
 */
// @ts-ignore: decorator
@inline export function minImageBox(d: f64, L: f64, H: f64): f64 { return d - select<f64>(L, select<f64>(-L, 0.0, d < -H), d > H); }
// @ts-ignore: decorator
@inline export function minImageBox2(d: v128, L: v128, H: v128, mH: v128): v128 {
  return f64x2.sub(d, f64x2.sub(v128.and(f64x2.gt(d, H), L), v128.and(f64x2.lt(d, mH), L)));
}
