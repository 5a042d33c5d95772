// grid.ts — a uniform cell grid over 3-D points, rebuilt by a stable counting sort (cells in x-fastest
// order, points inside a cell in ascending index). Two domains: a periodic cube [0, L)³ (minimum image;
// nc = ⌊L / cellSize⌋ cells per axis, so cells are ≥ cellSize) and open space (the bounding box, cells of
// exactly cellSize unless the box would need more than `cellLimit` cells, then larger). Coordinates are
// copied into sorted structure-of-arrays so the queries stream through memory. Buffers grow only when a
// build needs more room than any build before: a grid rebuilt every step allocates nothing.

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
}

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
  }
  if (g.cellCap > 0) heap.free(g.cellStart);
  heap.free(p);
}

function ensurePoints(g: Grid, n: i32): void {
  if (n <= g.cap) return;
  if (g.cap > 0) {
    heap.free(g.cellOf); heap.free(g.order); heap.free(g.xs); heap.free(g.ys); heap.free(g.zs); heap.free(g.scratch);
  }
  const c = max(n, 16);
  g.cellOf = heap.alloc(<usize>c << 2); g.order = heap.alloc(<usize>c << 2); g.scratch = heap.alloc(<usize>c << 2);
  g.xs = heap.alloc(<usize>c << 3); g.ys = heap.alloc(<usize>c << 3); g.zs = heap.alloc(<usize>c << 3);
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

/** Cell index along one axis of a coordinate (clamped into the grid). */
// @ts-ignore: decorator
@inline export function axisCell(g: Grid, v: f64, o: f64, nc: i32): i32 { return clampCell((v - o) * g.inv, nc); }

/**
 * Builds the grid over `n` points stored interleaved (x, y, z) at `xyz`. `box` > 0: periodic cube of edge
 * `box` (coordinates are wrapped into [0, box) for binning; the caller's array is not changed). `box` = 0:
 * open space. `cellSize` > 0 is the smallest cell edge (use the largest query radius). `cellLimit` caps the
 * number of cells (0 → max(8n, 4096)). Returns the number of cells, or −1 (grid left empty) when a coordinate
 * is not finite.
 */
export function gridBuild(p: usize, xyz: usize, n: i32, box: f64, cellSize: f64, cellLimit: i32): i32 {
  const g = changetype<Grid>(p);
  ensurePoints(g, n);
  g.n = n;
  const limit = cellLimit > 0 ? cellLimit : max(8 * n, 4096);
  if (box > 0) {
    let bad = 0.0;   // x − x is NaN exactly when x is ±∞ or NaN
    for (let i = 0; i < 3 * n; i++) { const v = load<f64>(xyz + (<usize>i << 3)); bad += v - v; }
    if (bad != 0) { g.n = 0; return -1; }
    g.periodic = 1; g.L = box;
    let nc = <i32>Math.floor(box / cellSize);
    if (nc < 1) nc = 1;
    while (<i64>nc * nc * nc > <i64>limit && nc > 1) nc--;
    g.nx = nc; g.ny = nc; g.nz = nc;
    g.cs = box / nc; g.inv = nc / box;
    g.ox = 0; g.oy = 0; g.oz = 0;
  } else {
    g.periodic = 0; g.L = 0;
    let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const b = xyz + <usize>(i * 24);
      const x = load<f64>(b), y = load<f64>(b, 8), z = load<f64>(b, 16);
      x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y); z0 = min(z0, z); z1 = max(z1, z);
    }
    if (n == 0) { x0 = 0; x1 = 0; y0 = 0; y1 = 0; z0 = 0; z1 = 0; }
    // a NaN propagates through min/max and ±∞ makes an infinite extent: both fail this test
    if (!isFinite(x1 - x0) || !isFinite(y1 - y0) || !isFinite(z1 - z0)) { g.n = 0; return -1; }
    let cs = cellSize;
    const ex = x1 - x0, ey = y1 - y0, ez = z1 - z0;
    for (;;) {
      const nx = <i64>Math.floor(ex / cs) + 1, ny = <i64>Math.floor(ey / cs) + 1, nz = <i64>Math.floor(ez / cs) + 1;
      if (nx * ny * nz <= <i64>limit) { g.nx = <i32>nx; g.ny = <i32>ny; g.nz = <i32>nz; break; }
      cs *= 1.26;
    }
    g.cs = cs; g.inv = 1.0 / cs;
    g.ox = x0; g.oy = y0; g.oz = z0;
  }
  const cells = g.nx * g.ny * g.nz;
  ensureCells(g, cells);
  const start = g.cellStart, cellOfPt = g.scratch;
  memory.fill(start, 0, <usize>(cells + 1) << 2);
  const L = g.L;
  for (let i = 0; i < n; i++) {
    const b = xyz + <usize>(i * 24);
    let x = load<f64>(b), y = load<f64>(b, 8), z = load<f64>(b, 16);
    if (g.periodic) { x -= L * Math.floor(x / L); y -= L * Math.floor(y / L); z -= L * Math.floor(z / L); }
    const c = axisCell(g, x, g.ox, g.nx) + g.nx * (axisCell(g, y, g.oy, g.ny) + g.ny * axisCell(g, z, g.oz, g.nz));
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
    if (g.periodic) { x -= L * Math.floor(x / L); y -= L * Math.floor(y / L); z -= L * Math.floor(z / L); }
    gsf(g.xs, s, x); gsf(g.ys, s, y); gsf(g.zs, s, z);
  }
  for (let c = cells; c > 0; c--) gsi(start, c, gi(start, c - 1));
  gsi(start, 0, 0);
  return cells;
}

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
