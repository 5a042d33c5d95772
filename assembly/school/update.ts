// update.ts — one synchronous step of the zone model over all fish: new headings from the old (x, v), then
// x ← x + v_new·dt and the boundary. Neighbours come from a cell grid of r_a/2 cells scanned as ±2-cell rows
// (each row with its periodic image shift), or from every fish in index order when a periodic box is too small
// for that; the per-candidate work is in pairs.ts.
//   legacy  (dewi-kadita's NumPy path): sums in neighbour-index order; repulsion −Σû if any, else
//           normalize(w_o·Σv̂ + Σû); NLERP turn capped at max_turn; then additive σ·randn(3) from numpy's
//           legacy stream and renormalise; blind cone on all zones; periodic cube.
//   couzin  (Couzin et al. 2002): repulsion −Σû, else ½(d̂_o + d̂_a) with the focal heading in d_o; the desired
//           direction is rotated by a wrapped Gaussian angle σ·N(0,1) about a uniformly random perpendicular
//           axis (counter-based draws keyed by seed, fish, step); then an exact rotation by at most max_turn.
//   predator (both modes, samudra's addition): a fish closer than r_p to the predator (minimum image in a periodic
//           box) takes d̂ = (x_i − x_p)/|x_i − x_p| as its desired direction instead of the social zones' (then
//           noise and the turn limit apply as usual): flight overrides schooling.
import { School, ld, st, pyMod, MODE_LEGACY, BOUNDARY_PERIODIC, BOUNDARY_REFLECT } from "./state";
import { Grid, gridBuild, gi } from "../neighbors/grid";
import { nRanges, RANGES, stencilReset, stencilCells, focalRanges } from "./stencil";
import { rx, ry, rz, nr, ox, oy, oz, no, ax, ay, az, na, resetSums, scanSetup, scanSlots, scanList, markSlots, takeMarked, couzinCombine } from "./pairs";
import { couzinSetup, couzinCopies, scanCouzin } from "./couzin-scan";
import { mtGauss } from "../random/mt19937";
import { counterUniform, counterNormalPair } from "../random/counter";

const ALL: usize = memory.data(12);     // the one range [0, n) of a scan of every fish, and the address of its shift
const ZERO3: usize = memory.data(24);   // its image shift (0, 0, 0)

function legacyHeading(s: School, i: i32, cx: f64, cy: f64, cz: f64): void {
  // desired direction
  let dx = cx, dy = cy, dz = cz;
  if (nr > 0) {
    const x = -rx, y = -ry, z = -rz, m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-10) { dx = x / m; dy = y / m; dz = z / m; }
  } else {
    let x = 0.0, y = 0.0, z = 0.0;
    if (no > 0) { x = ox * s.wo; y = oy * s.wo; z = oz * s.wo; }
    if (na > 0) { x += ax; y += ay; z += az; }
    const m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-10) { dx = x / m; dy = y / m; dz = z / m; }
  }
  if (flee(s, i)) { dx = px_; dy = py_; dz = pz_; }
  // NLERP turn
  let dot = cx * dx + cy * dy + cz * dz;
  dot = dot < -1 ? -1 : (dot > 1 ? 1 : dot);
  const ang = Math.acos(dot);
  let nx = cx, ny = cy, nz = cz;
  if (ang < 1e-10) { /* keep */ }
  else if (ang <= s.maxTurn) { nx = dx; ny = dy; nz = dz; }
  else {
    const t = s.maxTurn / ang;
    nx = cx * (1 - t) + dx * t; ny = cy * (1 - t) + dy * t; nz = cz * (1 - t) + dz * t;
    const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= m; ny /= m; nz /= m;
  }
  if (s.noise > 0) {
    // the step's draws, taken in index order before the scan (schoolStep): the seed's stream whatever the focal order
    const g = s.noiseBuf + <usize>(i * 24);
    nx += load<f64>(g) * s.noise; ny += load<f64>(g, 8) * s.noise; nz += load<f64>(g, 16) * s.noise;
    const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= m; ny /= m; nz /= m;
  }
  const o = s.nvel + <usize>(i * 24);
  store<f64>(o, nx * s.speed); store<f64>(o, ny * s.speed, 8); store<f64>(o, nz * s.speed, 16);
}

/** Flight from the predator: true (and the unit direction away in px_, py_, pz_) when fish i is within its radius. */
function flee(s: School, i: i32): bool {
  if (s.predOn == 0) return false;
  let x = ld(s.pos, 3 * i) - s.predX, y = ld(s.pos, 3 * i + 1) - s.predY, z = ld(s.pos, 3 * i + 2) - s.predZ;
  if (s.boundary == BOUNDARY_PERIODIC) {
    const L = s.L;
    x -= L * Math.round(x / L); y -= L * Math.round(y / L); z -= L * Math.round(z / L);
  }
  const d2 = x * x + y * y + z * z;
  if (!(d2 < s.predR * s.predR) || d2 < 1e-24) return false;
  const m = Math.sqrt(d2);
  px_ = x / m; py_ = y / m; pz_ = z / m;
  return true;
}

/** A unit vector perpendicular to (x, y, z) (unit), built from the axis least aligned with it. */
let px_: f64 = 0, py_: f64 = 0, pz_: f64 = 0;
function perpendicular(x: f64, y: f64, z: f64): void {
  // cross with the coordinate axis of smallest |component|
  const ax_ = Math.abs(x), ay_ = Math.abs(y), az_ = Math.abs(z);
  let u: f64, v: f64, w: f64;
  if (ax_ <= ay_ && ax_ <= az_) { u = 0; v = -z; w = y; }        // e_x × d
  else if (ay_ <= az_) { u = z; v = 0; w = -x; }                  // e_y × d
  else { u = -y; v = x; w = 0; }                                   // e_z × d
  const m = Math.sqrt(u * u + v * v + w * w);
  px_ = u / m; py_ = v / m; pz_ = w / m;
}

let cosTurn: f64 = 1, sinTurn: f64 = 0;   // cos and sin of maxTurn (set once per step)

function couzinHeading(s: School, i: i32, cx: f64, cy: f64, cz: f64): void {
  let dx = cx, dy = cy, dz = cz;
  if (nr > 0) {
    const m = Math.sqrt(rx * rx + ry * ry + rz * rz);
    if (m > 1e-12) { dx = -rx / m; dy = -ry / m; dz = -rz / m; }
  } else if (no > 0 || na > 0) {
    let x = 0.0, y = 0.0, z = 0.0;
    if (no > 0) {
      const tx = ox + cx, ty = oy + cy, tz = oz + cz;   // the focal fish's own heading counts
      const m = Math.sqrt(tx * tx + ty * ty + tz * tz);
      if (m > 1e-12) { x = tx / m; y = ty / m; z = tz / m; }
    }
    if (na > 0) {
      const m = Math.sqrt(ax * ax + ay * ay + az * az);
      if (m > 1e-12) { x += ax / m; y += ay / m; z += az / m; }
      if (no > 0) { x *= 0.5; y *= 0.5; z *= 0.5; }
    }
    const m = Math.sqrt(x * x + y * y + z * z);
    if (m > 1e-12) { dx = x / m; dy = y / m; dz = z / m; }
  }
  if (flee(s, i)) { dx = px_; dy = py_; dz = pz_; }
  // wrapped-Gaussian noise on the desired direction: rotate by σ·g about a random perpendicular axis
  if (s.noise > 0) {
    const key = <u64>i, ctr = <u64>s.step;
    const g = counterNormalPair(s.seed, key, ctr << 1);
    const psi = 2 * Math.PI * counterUniform(s.seed, key, (ctr << 1) | 1);
    perpendicular(dx, dy, dz);
    // second perpendicular = d × p
    const qx = dy * pz_ - dz * py_, qy = dz * px_ - dx * pz_, qz = dx * py_ - dy * px_;
    // sincos: one argument reduction for both, the same kernels and signs as Math.sin / Math.cos (the same bits; its
    // other branches differ only for |x| < 2⁻²⁶, where sin's kernel returns x too, and for |x| ≥ 2¹⁰¹⁷, left to them)
    const a = s.noise * g;
    let ca: f64, sa: f64;
    if (Math.abs(a) < 1e300) { NativeMath.sincos(a); ca = NativeMath.sincos_cos; sa = NativeMath.sincos_sin; }
    else { ca = Math.cos(a); sa = Math.sin(a); }
    NativeMath.sincos(psi);   // ψ ∈ [0, 2π)
    const cp = NativeMath.sincos_cos, sp = NativeMath.sincos_sin;
    const ex = cp * px_ + sp * qx, ey = cp * py_ + sp * qy, ez = cp * pz_ + sp * qz;
    dx = ca * dx + sa * ex; dy = ca * dy + sa * ey; dz = ca * dz + sa * ez;
  }
  // exact rotation of the heading toward d by at most maxTurn
  let dot = cx * dx + cy * dy + cz * dz;
  dot = dot < -1 ? -1 : (dot > 1 ? 1 : dot);
  const ang = Math.acos(dot);
  let nx = dx, ny = dy, nz = dz;
  if (ang > s.maxTurn) {
    let wx = dx - dot * cx, wy = dy - dot * cy, wz = dz - dot * cz;
    let m = Math.sqrt(wx * wx + wy * wy + wz * wz);
    if (m < 1e-12) { perpendicular(cx, cy, cz); wx = px_; wy = py_; wz = pz_; m = 1; }
    const c = cosTurn, sn = sinTurn / m;
    nx = c * cx + sn * wx; ny = c * cy + sn * wy; nz = c * cz + sn * wz;
  }
  const m = Math.sqrt(nx * nx + ny * ny + nz * nz);
  const o = s.nvel + <usize>(i * 24), f = s.speed / m;
  store<f64>(o, nx * f); store<f64>(o, ny * f, 8); store<f64>(o, nz * f, 16);
}

/** Advances the school by `steps` synchronous steps. */
export function schoolStep(p: usize, steps: i32): void {
  const s = changetype<School>(p);
  const n = s.n, L = s.L, per = s.boundary == BOUNDARY_PERIODIC, legacy = s.mode == MODE_LEGACY;
  const pos = s.pos, vel = s.vel, uvel = s.uvel;
  const g = changetype<Grid>(s.grid);
  for (let it = 0; it < steps; it++) {
    for (let i = 0; i < n; i++) {
      const x = ld(vel, 3 * i), y = ld(vel, 3 * i + 1), z = ld(vel, 3 * i + 2);
      let m = Math.sqrt(x * x + y * y + z * z);
      if (m < 1e-10) m = 1.0;
      st(uvel, 3 * i, x / m); st(uvel, 3 * i + 1, y / m); st(uvel, 3 * i + 2, z / m);
    }
    const soa = s.soa, xs = soa, ys = soa + <usize>(8 * n), zs = soa + <usize>(16 * n);
    for (let i = 0; i < n; i++) { st(xs, i, ld(pos, 3 * i)); st(ys, i, ld(pos, 3 * i + 1)); st(zs, i, ld(pos, 3 * i + 2)); }
    // neighbours: cells of r_a/2 and a ±2-cell stencil (58 % of a 3-cell box or less); in a periodic box too
    // small for that (fewer than 6 such cells per axis), every fish in index order
    const all = per && Math.floor(2 * L / s.ra) < 6;
    // the grid refuses non-finite positions and extents beyond ±1e308 (−1, −2): no heading is defined then, so the
    // state becomes NaN (the API reports it as non-finite) instead of scanning a grid that was not built
    if (!all && gridBuild(s.grid, pos, n, per ? L : 0, 0.5 * s.ra, 0) < 0) {
      for (let q = 0; q < 3 * n; q++) { st(pos, q, NaN); st(vel, q, NaN); }
      s.step++;
      continue;
    }
    scanSetup(s);
    stencilReset();
    if (!legacy) {
      couzinSetup(s); cosTurn = Math.cos(s.maxTurn); sinTurn = Math.sin(s.maxTurn);
      // the scan's coordinate copies (SIMD build) in buffers only legacy mode uses otherwise
      if (all) couzinCopies(xs, ys, zs, n, s.noiseBuf, s.pslot); else couzinCopies(g.xs, g.ys, g.zs, n, s.noiseBuf, s.pslot);
    }
    store<i32>(ALL, 0); store<i32>(ALL, n, 4); store<i32>(ALL, <i32>ZERO3, 8);
    // unit headings in the scan's slot order (grid order, or index order when scanning all); legacy grid scans
    // also read positions in slot order (their candidates are listed as slots, in fish-index order)
    const us = s.uslot, vs = us + <usize>(8 * n), ws = us + <usize>(16 * n);
    const pxs = s.pslot, pys = pxs + <usize>(8 * n), pzs = pxs + <usize>(16 * n);
    for (let t = 0; t < n; t++) {
      const j = all ? t : gi(g.order, t);
      st(us, t, ld(uvel, 3 * j)); st(vs, t, ld(uvel, 3 * j + 1)); st(ws, t, ld(uvel, 3 * j + 2));
      if (legacy && !all) { st(pxs, t, ld(pos, 3 * j)); st(pys, t, ld(pos, 3 * j + 1)); st(pzs, t, ld(pos, 3 * j + 2)); }
    }
    // legacy noise: numpy's stream in fish-index order (three normals per fish), drawn before the focal loop
    if (legacy && s.noise > 0) for (let q = 0; q < 3 * n; q++) st(s.noiseBuf, q, mtGauss());
    // focal fish in grid-slot order (fish of a cell share their stencil, so its data stays in cache); every fish's
    // new heading depends only on the old state and its own sums, so the order changes no bit
    for (let f = 0; f < n; f++) {
      const i = all ? f : gi(g.order, f);
      resetSums();
      const lg = legacy && !all;             // (the same numbers from the slot-order copies: nearer in memory)
      const pxi = ld(lg ? pxs : xs, lg ? f : i), pyi = ld(lg ? pys : ys, lg ? f : i), pzi = ld(lg ? pzs : zs, lg ? f : i);
      const cx = ld(us, f), cy = ld(vs, f), cz = ld(ws, f);
      if (!legacy) {
        if (all) scanCouzin(ALL, 1, xs, ys, zs, us, vs, ws, pxi, pyi, pzi, cx, cy, cz, per);
        else {
          stencilCells(g, gi(g.scratch, i), 2);
          focalRanges(g, pxi, pyi, pzi, s.ra, true);
          scanCouzin(RANGES, nRanges, g.xs, g.ys, g.zs, us, vs, ws, pxi, pyi, pzi, cx, cy, cz, false);
        }
        couzinCombine();
      } else if (all) scanSlots(i, 0, n, xs, ys, zs, pxi, pyi, pzi, cx, cy, cz);
      else {
        stencilCells(g, gi(g.scratch, i), 2);   // the fish's cell (gridBuild keeps it per original index)
        focalRanges(g, pxi, pyi, pzi, s.ra, false);
        for (let q = 0; q < nRanges; q++) {
          const rq = RANGES + <usize>(q * 12), lo = load<i32>(rq), hi = load<i32>(rq, 4), sh = <usize>load<i32>(rq, 8);
          markSlots(lo, hi, g.xs, g.ys, g.zs, g.order, pxi + load<f64>(sh), pyi + load<f64>(sh, 8), pzi + load<f64>(sh, 16));
        }
        scanList(f, s.list, takeMarked(s.list), pxs, pys, pzs, pxi, pyi, pzi, cx, cy, cz);
      }
      if (legacy) legacyHeading(s, i, cx, cy, cz); else couzinHeading(s, i, cx, cy, cz);
    }
    // move
    const dt = s.dt, reflect = s.boundary == BOUNDARY_REFLECT;
    for (let q = 0; q < 3 * n; q++) {
      const v = ld(s.nvel, q);
      let x = ld(pos, q) + v * dt, vv = v;
      if (per) x = pyMod(x, L);
      else if (reflect) {
        if (x < 0) { x = -x; vv = -v; } else if (x > L) { x = 2 * L - x; vv = -v; }
      }
      st(pos, q, x); st(vel, q, vv);
    }
    s.step++;
  }
}
